//! `speaking-for-organization`: a personal post that answers, confirms or commits in the
//! organisation's name.
//!
//! Why: La Sarre 5.3 and 13.1 (employees « ne peuvent donc en aucun cas répondre au nom
//! de la Ville »), Vallée-des-Rivières art. 2, Saint-Urbain principe 5 (« Ne faites pas
//! croire que vous représentez la Municipalité officiellement »), CPE Premier Pas art.
//! 5 iv), Drummondville « Membres du personnel ».
//!
//! What counts, sentence by sentence on a personal account:
//! - "au nom de" followed by the organisation or one of its services, not negated
//!   ("je ne parle pas au nom de la Ville" is a disclaimer, not a breach);
//! - a confirmation or a promise about the organisation: "je vous confirme que la Ville
//!   va…", "je vous garantis que le conseil…";
//! - the organisation's "nous": "nous allons réparer", "nos équipes vont passer", "on
//!   va déneiger", acting on municipal things (a pothole, "votre rue") or answering a
//!   citizen's request ("votre demande", "merci pour votre signalement");
//! - forwarding a citizen's request as staff: "j'ai transmis votre plainte";
//! - a reassurance or a stance in a post about the organisation: "tout est conforme",
//!   "on a rien à cacher", "notre position est claire";
//! - with `majority` (Saint-Urbain principe 5), speaking for the staff as a whole.
//! - "officiellement" in a first-person sentence.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;
use serde::Deserialize;

use super::common::{Mentions, Prose, negated_before};
use super::lexicon::{Lexicon, Words, builtin};
use super::meaning::{self, Speaker};
use crate::checks::{Check, Context, ParamError, Rule, params, validate};
use crate::draft::Author;
use crate::finding::Diagnostic;
use crate::policy::{Policy, RuleSettings};
use crate::text::fold;
use crate::text::model;

pub const RULE: Rule = Rule {
    id: "speaking-for-organization",
    name: "Parler au nom de l'organisation",
    doc: concat!(
        "\
Sur un compte personnel, repère les phrases qui répondent, confirment ou s'engagent au
nom de l'organisation : seuls ses comptes officiels et les personnes désignées peuvent
le faire.

Ce qui compte :
- « au nom de la Ville » (ou de la Municipalité, du CPE, du conseil, d'un service) ;
- une confirmation ou une promesse sur ce que fera l'organisation : « je vous confirme
  que la Ville va… », « je vous garantis que les travaux seront… » ;
- le « nous » de l'organisation : « nous allons réparer le nid-de-poule », « nos
  équipes vont passer », « on va déneiger votre rue », quand il agit sur un équipement
  municipal ou répond à la demande d'un citoyen (« votre demande », « merci pour votre
  signalement ») ;
- transmettre une demande comme le ferait le service : « j'ai transmis votre plainte »,
  « je vais dire à la direction de te garder une place » ;
- rassurer ou prendre position pour l'organisation dans une publication qui parle
  d'elle : « tout est conforme, il y a aucun danger pour vos enfants », « on a rien à
  cacher », « notre position est claire » ; confirmer ce qu'elle a fait : « je vous
  confirme que la Ville a pris la bonne décision » ;
- « officiellement » dans une phrase à la première personne ;
- là où la politique l'interdit (Saint-Urbain, principe 5, réglage `majority`), parler
  au nom de l'ensemble des employés : « les employés de la Municipalité veulent… », « on
  est tous d'accord au bureau ».

Ce qui ne compte pas : « je ne parle pas au nom de la Ville » (c'est une mise en
garde), « au nom de toute ma famille, merci », « nous allons à la piscine », partager
une nouvelle en citant la Ville (« la Ville annonce que… »), « la Ville a officiellement
inauguré le parc ».

Exemple : « Je vous confirme que la Ville va réparer la rue Principale lundi. »
Correction : parlez en votre nom (« à ma connaissance… ») et renvoyez vers le site ou
les comptes officiels de l'organisation pour les réponses et les engagements.

",
        crate::checks::model_note!(),
        "

Réglages : `phrases` (autres formulations à signaler), `topics` (autres sujets
municipaux), `majority` (signaler aussi qui parle au nom de l'ensemble des employés),
`authors` (les rôles à qui la politique interdit de parler au nom de l'organisation,
par exemple [\"employee\", \"volunteer\"] ; sans ce réglage, tous ; une publication dont
l'auteur n'est pas indiqué est toujours lue)."
    ),
    validate: validate::<Params>,
    build,
    explain_profile: crate::checks::nothing_to_add,
    personal_data: false,
};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Params {
    /// Other phrases that speak in the organisation's name.
    #[serde(default)]
    phrases: Vec<String>,
    #[serde(default)]
    topics: Vec<String>,
    /// Report a post that speaks for the staff as a whole ("les employés de la
    /// Municipalité veulent…"), where the policy forbids passing for "l'opinion de la
    /// majorité des employés" (Saint-Urbain principe 5).
    #[serde(default)]
    majority: bool,
    /// The roles the policy forbids to speak for the organisation on their personal
    /// accounts (when not set, every role); a post whose author is not given is always
    /// read.
    #[serde(default)]
    authors: Option<Vec<Author>>,
}

/// "au nom de": the organisation must follow.
static IN_THE_NAME: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::prepared(&builtin::IN_THE_NAME));

/// What may follow "au nom" and stand for the organisation beyond its names. A regex,
/// compiled only when a post says "au nom".
static ORG_PART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^ (?:de |d'|du |des )(?:toute |tout |l'ensemble )?(?:(?:la |l'|le |les |de la |des )?(?:service|equipe municipale|equipe de la ville|employes municipaux|personnel|travaux publics|loisirs|administration|municipalite|ville|conseil|cpe|garderie|organisation|direction))(?-u:\b)",
    )
    .expect("org part")
});

/// Confirmations and promises: the organisation must be named in the sentence.
static PROMISE: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::prepared(&builtin::PROMISE));

/// The organisation's reassurance or stance: needs the organisation or a request in the
/// post.
static REASSURANCE: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::prepared(&builtin::REASSURANCE));

/// The organisation's "nous": needs a municipal context.
static OFFICIAL_WE: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::prepared(&builtin::OFFICIAL_WE));

/// Municipal things the organisation's "nous" acts on, in the same sentence.
static MUNICIPAL_OBJECT: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::prepared(&builtin::MUNICIPAL_OBJECT));

/// A citizen's request or question the post answers.
static REQUEST: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::prepared(&builtin::REQUEST));

/// A commitment in what a promise announces: a future or a plan (the regex
/// `\b(?:va|vont|…|est prevu|…|\w+(?:era|eront|ira|iront|ra|ront))\b`).
fn announces_future(text: &str) -> bool {
    const FUTURE: &[&str] = &[
        "va", "vont", "allons", "ira", "iront", "sera", "seront", "aura", "auront",
    ];
    let w = Words::new(text);
    let future_tense = |word: &str| {
        let stem = |suffix: &str| {
            word.strip_suffix(suffix).is_some_and(|s| {
                !s.is_empty() && s.chars().all(|c| c.is_alphanumeric() || c == '_')
            })
        };
        FUTURE.contains(&word) || stem("ra") || stem("ront")
    };
    let planned = |i: usize| {
        let pair = (w.word(i), w.word(i + 1));
        text[w.ranges[i].end..w.ranges[i + 1].start] == *" "
            && matches!(
                pair,
                ("est", "prevu") | ("est", "prevue") | ("sont", "prevus")
            )
    };
    (0..w.len()).any(|i| future_tense(w.word(i)) || (i + 1 < w.len() && planned(i)))
}

/// Forwarding a citizen's request as staff.
static FORWARD: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::prepared(&builtin::FORWARD));

/// In whose name a sentence speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Said {
    /// The organisation's: an answer, a commitment, a stance.
    ForOrganisation,
    /// The staff's as a whole (`majority`).
    ForStaff,
}

/// First-person words, for "officiellement".
const FIRST_PERSON: &[&str] = &["je", "j'", "nous", "on", "moi"];

struct SpeakingForOrganization {
    mentions: Mentions,
    phrases: Option<Regex>,
    majority: bool,
    authors: Option<Vec<Author>>,
}

fn build(settings: &RuleSettings, policy: &Policy) -> Result<Box<dyn Check>, ParamError> {
    let params: Params = params(settings)?;
    let phrases: Vec<String> = params
        .phrases
        .iter()
        .map(|p| regex::escape(&fold(p)))
        .collect();
    let refs: Vec<&str> = phrases.iter().map(String::as_str).collect();
    Ok(Box::new(SpeakingForOrganization {
        majority: params.majority,
        authors: params.authors,
        mentions: Mentions::new(&policy.org, &params.topics)
            .map_err(|e| super::common::too_large("topics", e))?,
        phrases: match refs.is_empty() {
            true => None,
            false => Some(
                super::common::try_word_regex(&refs)
                    .map_err(|e| super::common::too_large("phrases", e))?,
            ),
        },
    }))
}

impl SpeakingForOrganization {
    /// The folded range (in the sentence) of the first phrase that speaks for the
    /// organisation.
    fn find(
        &self,
        prose: &Prose,
        range: &Range<usize>,
        answers_request: bool,
        context: bool,
        commits: Option<Speaker>,
    ) -> Option<(Range<usize>, Said)> {
        let sentence = prose.text(range);
        let by_meaning = commits.and_then(|author| {
            super::meaning::commitment(prose, range, &self.mentions, context, author)
        });
        let about_us = || context || self.mentions.names_town(sentence);
        let marker = self.find_marker(prose, range, answers_request).or_else(|| {
            // A reassurance or a stance in a post about the organisation, by someone
            // whose "nous" may be its own.
            // Or a public service only the organisation runs ("l'eau est parfaitement
            // potable"), or an employee telling the people served that they are safe
            // "with us" ("vos enfants sont en sécurité avec nous").
            let w = Words::new(sentence);
            let to_those_served = || {
                commits == Some(Speaker::Employee)
                    && ["vos", "vous"].iter().any(|p| w.contains(p))
                    && ["nous", "on"].iter().any(|p| w.contains(p))
            };
            (commits.is_some()
                && (about_us() || MUNICIPAL_OBJECT.is_match(&w) || to_those_served()))
            .then(|| REASSURANCE.find(&w))
            .flatten()
            .filter(|m| {
                // Within its clause: "sans aucun avis, on a rien à cacher" is not
                // negated.
                let from = sentence[..m.start]
                    .rfind([',', ';', ':'])
                    .map_or(0, |i| i + 1);
                !negated_before(&sentence[from..], m.start - from)
            })
        });
        // Of a commitment and a marker ("au nom de la Ville, je vous confirme que…, pis on
        // va déneiger vendredi"), the one the reader meets first.
        let for_organisation = match (by_meaning, marker) {
            (Some(a), Some(b)) => Some(if b.start < a.start { b } else { a }),
            (a, b) => a.or(b),
        };
        for_organisation
            .map(|m| (m, Said::ForOrganisation))
            .or_else(|| {
                self.majority
                    .then(|| speaks_for_staff(sentence, about_us()))
                    .flatten()
                    .map(|m| (m, Said::ForStaff))
            })
    }

    /// The folded range (in the sentence) of the first phrase of the lists that speaks
    /// for the organisation.
    fn find_marker(
        &self,
        prose: &Prose,
        range: &Range<usize>,
        answers_request: bool,
    ) -> Option<Range<usize>> {
        let sentence = prose.text(range);
        let w = Words::new(sentence);
        let mentions_from =
            |from: usize| prose.mentions(&self.mentions, &(range.start + from..range.end));
        for m in IN_THE_NAME.find_iter(&w) {
            let rest = &sentence[m.end..];
            let org_end = ORG_PART.find(rest).map(|o| o.end()).or_else(|| {
                mentions_from(m.end)
                    .first()
                    .filter(|r| r.start <= 4)
                    .map(|r| r.end)
            });
            if let Some(end) = org_end
                && !negated_before(sentence, m.start)
            {
                return Some(m.start..m.end + end);
            }
        }
        if let Some(m) = PROMISE.find(&w) {
            let mentions = mentions_from(m.end);
            // "je vous confirme que la Ville a pris la bonne décision": what the
            // organisation did, confirmed for it, answers in its name as a promise does.
            let org_did = mentions.first().is_some_and(|r| {
                let lead = &sentence[m.end..m.end + r.start];
                lead.len() <= 12 && (lead.contains(" que ") || lead.contains(" qu'"))
            });
            if org_did
                || announces_future(&sentence[m.end..])
                    && (MUNICIPAL_OBJECT.is_match(&w) || !mentions.is_empty())
            {
                return Some(m);
            }
        }
        if let Some(m) = OFFICIAL_WE.find(&w)
            && (answers_request || MUNICIPAL_OBJECT.is_match(&w))
        {
            return Some(m);
        }
        if let Some(m) = FORWARD.find(&w) {
            return Some(m);
        }
        if let Some(i) = (0..w.len()).find(|&i| w.word(i) == "officiellement")
            && FIRST_PERSON.iter().any(|p| w.contains(p))
            && !negated_before(sentence, w.ranges[i].start)
        {
            return Some(w.ranges[i].clone());
        }
        self.phrases
            .as_ref()
            .and_then(|p| p.find(sentence))
            .map(|m| m.range())
    }
}

/// True when a folded sentence says its author does not speak for the organisation:
/// "au nom de" negated before it ("je peux pas vous répondre au nom de la Ville", "je ne
/// parle pas au nom de la Municipalité").
fn disowns_speaking(sentence: &str) -> bool {
    let w = Words::new(sentence);
    IN_THE_NAME
        .find_iter(&w)
        .iter()
        .any(|m| negated_before(sentence, m.start))
}

/// The words by which a folded sentence speaks for the organisation's staff as a whole:
/// "les employés de la Municipalité veulent ravoir leurs vendredis", "on est tous d'accord
/// au bureau", "tout le monde au garage trouve que…". `context`: the post names the
/// organisation (a "nous" alone may be a family's or a team's).
fn speaks_for_staff(sentence: &str, context: bool) -> Option<Range<usize>> {
    const STAFF: &[&str] = &[
        "employes",
        "employees",
        "collegues",
        "cols",
        "travailleurs",
        "travailleuses",
        "educatrices",
        "educateurs",
        "pompiers",
        "cadres",
    ];
    const ALL: &[&str] = &["les", "tous", "toutes", "nos"];
    const THINK: &[&str] = &[
        "veulent",
        "voudraient",
        "aimeraient",
        "souhaitent",
        "demandent",
        "reclament",
        "trouvent",
        "pensent",
        "croient",
        "appuient",
        "approuvent",
        "exigent",
        "refusent",
        "unanimes",
        "accord",
        "contre",
        "derriere",
    ];
    const WORKPLACE: &[&str] = &[
        "bureau",
        "garage",
        "municipal",
        "municipale",
        "ville",
        "municipalite",
        "hotel",
        "employes",
        "collegues",
        "cpe",
    ];
    let w = Words::new(sentence);
    let n = w.len();
    // "Je parle au nom de tous les employés de la Municipalité": the staff named as those
    // the author speaks for.
    for j in 1..n.saturating_sub(2) {
        if !(w.word(j - 1) == "au"
            && w.word(j) == "nom"
            && matches!(w.word(j + 1), "de" | "des" | "d'"))
        {
            continue;
        }
        let mut i = j + 2;
        while i < n && i < j + 5 && matches!(w.word(i), "tous" | "toutes" | "les" | "nos" | "mes") {
            i += 1;
        }
        if i >= n || !STAFF.contains(&w.word(i)) || (i == j + 2 && w.word(j + 1) != "des") {
            continue;
        }
        // A stance follows ("…: on appuie le projet"); thanks or wishes in their name
        // ("au nom des employés du garage, merci") give no opinion.
        let stance = (i + 1..n).any(|k| {
            THINK.contains(&w.word(k))
                || matches!(
                    w.word(k),
                    "appuie"
                        | "appuyons"
                        | "veut"
                        | "voulons"
                        | "demande"
                        | "demandons"
                        | "refuse"
                        | "refusons"
                        | "trouve"
                        | "trouvons"
                        | "pense"
                        | "pensons"
                        | "exige"
                        | "exigeons"
                        | "pour"
                )
        });
        // Underlined to the workplace that names them, when it does.
        let workplace = (i + 1..(i + 6).min(n)).rfind(|&k| WORKPLACE.contains(&w.word(k)));
        if stance && (workplace.is_some() || (w.word(i) != "collegues" && context)) {
            return Some(w.ranges[j - 1].start..w.ranges[workplace.unwrap_or(i)].end);
        }
    }
    // "(tous) les employés (de la Municipalité) veulent": the staff, then within nine
    // words a wish or a stance, no first or second person between (not "les employés
    // que je forme veulent…").
    for i in 1..n {
        if !STAFF.contains(&w.word(i)) || !ALL.contains(&w.word(i - 1)) {
            continue;
        }
        let named = (i + 1..(i + 6).min(n)).any(|k| WORKPLACE.contains(&w.word(k)))
            || w.word(i) != "collegues" && context;
        if let Some(k) = (i + 1..(i + 10).min(n))
            .take_while(|&k| {
                !matches!(
                    w.word(k),
                    "je" | "j'" | "tu" | "vous" | "qui" | "que" | "qu'"
                )
            })
            .find(|&k| THINK.contains(&w.word(k)))
            && named
        {
            return Some(w.ranges[i - 1].start..w.ranges[k].end);
        }
    }
    // "on est tous d'accord (au bureau)", "tout le monde au garage trouve".
    for i in 0..n.saturating_sub(4) {
        let all_agree = w.word(i) == "on"
            && w.word(i + 1) == "est"
            && matches!(w.word(i + 2), "tous" | "toutes")
            && w.word(i + 3) == "d'"
            && w.word(i + 4) == "accord";
        let everyone = w.word(i) == "tout"
            && w.word(i + 1) == "le"
            && w.word(i + 2) == "monde"
            && (i + 3..(i + 7).min(n)).any(|k| WORKPLACE.contains(&w.word(k)))
            && (i + 3..(i + 8).min(n)).any(|k| {
                THINK.contains(&w.word(k)) || matches!(w.word(k), "pense" | "trouve" | "veut")
            });
        let at_work = (0..n).any(|k| WORKPLACE.contains(&w.word(k)));
        if (all_agree && at_work) || everyone {
            return Some(w.ranges[i].start..w.ranges[i + 4].end);
        }
    }
    None
}

/// Where the statement that goes on at byte `from` of a folded sentence ends: "Au nom de
/// la Ville| , je tiens à m'excuser pour le retard", "je vous confirme| que le CPE
/// offrira le dépistage cet automne" are underlined whole, up to a colon, a semicolon,
/// the sentence's end or a clause joined by "pis", "mais" or "et" after a comma.
fn statement_end(sentence: &str, from: usize) -> usize {
    let rest = &sentence[from..];
    let mut end = rest.find([':', ';', '.', '!', '?']).unwrap_or(rest.len());
    // (" pis " covers ", pis ": the comma is trimmed below.)
    for joint in [", mais ", ", et ", " pis "] {
        if let Some(at) = rest[..end].find(joint) {
            end = at;
        }
    }
    // Not the emoji or the spaces after the words ("… cet été 🎉").
    from + rest[..end]
        .trim_end_matches(|c: char| !c.is_alphanumeric() && !matches!(c, ')' | '»' | '%' | '"'))
        .len()
}

/// A model's span less the heading a colon closes ("Pour ceux qui demandaient dans le
/// groupe : la gratte va passer demain"): the answer is what commits.
fn after_heading(sentence: &str, span: Range<usize>) -> Range<usize> {
    match sentence[span.clone()].rfind(':') {
        Some(at)
            if sentence[span.start + at + 1..span.end]
                .split_whitespace()
                .count()
                > 3 =>
        {
            let answer = sentence[span.start + at + 1..span.end].trim_start();
            span.end - answer.len()..span.end
        }
        _ => span,
    }
}

/// A question that asks someone else to do something for "nous": "Est-ce que le 311 peut
/// nous dire si…?", "Pouvez-vous nous expliquer…?". The writer is one of the public
/// asking, not the organisation answering ("Voulez-vous qu'on vous envoie quelqu'un?").
fn asks_for_us(sentence: &str) -> bool {
    if !sentence.trim_end().ends_with('?') {
        return false;
    }
    let w = Words::new(sentence);
    let other_subject = |i: usize| {
        crate::text::morph::analyses(w.word(i))
            .any(|a| a.pos == crate::text::morph::Pos::Verb && matches!(a.person, 2 | 3 | 5 | 6))
    };
    (1..w.len()).any(|i| {
        w.word(i) == "nous"
            && (other_subject(i - 1) || (i >= 2 && w.word(i - 1) == "vous" && other_subject(i - 2)))
    })
}

impl Check for SpeakingForOrganization {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        // A council member of the town on a CPE's policy, a contractor where the policy
        // binds only staff: people the policy does not bind may speak as they like.
        if !cx.meta.is_personal() || !cx.meta.bound_by(self.authors.as_deref()) {
            return;
        }
        let prose = Prose::of(cx);
        let answers_request = REQUEST.is_match(&Words::new(&prose.folded.text));
        // The post is about the organisation's business: it names the organisation or
        // a municipal matter, or answers a citizen.
        // Whose commitments the text layer looks for: not a candidate's, whose "nous" is
        // their campaign's; an elected member's only when the organisation, named, acts
        // (`Speaker::Elected`); statements without a person only when the author is known
        // to be an employee.
        let commits = match cx.meta.author {
            Some(Author::Candidate) => None,
            Some(Author::CouncilMember) => Some(Speaker::Elected),
            Some(Author::Employee) => Some(Speaker::Employee),
            Some(Author::Contractor) => Some(Speaker::Contractor),
            _ => Some(Speaker::Other),
        };
        let context = answers_request
            || prose
                .sentences
                .iter()
                .any(|s| prose.mentions_any(&self.mentions, s));
        let org = super::org_label(cx.policy);
        let where_to = cx
            .policy
            .org
            .websites
            .first()
            .map(|w| format!(" ({w})"))
            .unwrap_or_default();
        let mut previous_flagged = false;
        // The sentences after "Partage de l'avis de la Municipalité :", in its paragraph,
        // are the organisation's notice relayed, not the author's answer.
        let mut relaying = false;
        let mut previous_end = 0;
        for s in prose.sentences.iter() {
            if prose.folded.text[previous_end..s.start].contains("\n\n") {
                relaying = false;
            }
            previous_end = s.end;
            if relaying {
                continue;
            }
            if relays_notice(prose.text(s)) && prose.mentions_any(&self.mentions, s) {
                relaying = true;
                continue;
            }
            // What the rules do not read, the rule's model may (`crate::text::model`), for
            // authors whose "nous" may be the organisation's; not in the sentence after a
            // finding, which goes on with the same answer ("… on a tout prévu. Je vous
            // le confirme.") and would only repeat it.
            let by_model = || {
                commits.is_some_and(|c| c != Speaker::Elected)
                    // A contractor's "on" is their firm's unless the organisation is named.
                    && (commits != Some(Speaker::Contractor)
                        || prose.mentions_any(&self.mentions, s))
                    && !previous_flagged
                    && !s.is_empty()
                    && !asks_for_us(prose.text(s))
                    // "je peux pas vous répondre au nom de la Ville": the author says
                    // they do not speak for it.
                    && !disowns_speaking(prose.text(s))
                    // What the sentence says it found published is passed on, unless
                    // the organisation is named after the source.
                    && !meaning::cited_source_end(prose.text(s)).is_some_and(|end| {
                        prose
                            .mentions(&self.mentions, s)
                            .iter()
                            .all(|m| m.start < end)
                    })
                    && model::flags("speaking-for-organization", prose.text(s))
            };
            let text = prose.text(s);
            let Some((m, said)) = self
                .find(&prose, s, answers_request, context, commits)
                .map(|(m, said)| (m.start..statement_end(text, m.end), said))
                .or_else(|| {
                    by_model().then(|| {
                        let focus = model::focus("speaking-for-organization", text);
                        (after_heading(text, focus), Said::ForOrganisation)
                    })
                })
            else {
                previous_flagged = false;
                continue;
            };
            previous_flagged = true;
            let span = prose.folded.original(s.start + m.start..s.start + m.end);
            let message = match said {
                Said::ForOrganisation => format!(
                    "Sur un compte personnel, cette phrase répond ou s'engage pour {org} : seuls les comptes \
                     officiels et les personnes désignées peuvent le faire."
                ),
                Said::ForStaff => format!(
                    "Sur un compte personnel, cette phrase parle au nom des employés de {org} : ne laissez pas \
                     croire que vous représentez l'opinion de la majorité des employés."
                ),
            };
            out.push(Diagnostic::new(
                span,
                message,
                match said {
                    Said::ForOrganisation => format!(
                        "Parlez en votre nom (« à ma connaissance… », « je pense que… ») et renvoyez vers le \
                         site ou les comptes officiels{where_to} pour les réponses et les engagements."
                    ),
                    Said::ForStaff => "Parlez en votre seul nom (« je trouve que… ») et précisez que c'est \
                                       votre opinion personnelle."
                        .to_owned(),
                },
            ));
        }
    }
}

/// True when a folded sentence says it relays a notice ("Partage de l'avis de la
/// Municipalité", "je relaie le communiqué de la Ville", "Avis de la Ville :"); the
/// caller checks that the organisation is named.
fn relays_notice(text: &str) -> bool {
    const NOTICES: &[&str] = &[
        "avis",
        "communique",
        "message",
        "publication",
        "annonce",
        "bulletin",
        "alerte",
    ];
    let words = crate::text::phrases::words(text);
    let word = |r: &std::ops::Range<usize>| &text[r.clone()];
    let notice = words.iter().position(|r| NOTICES.contains(&word(r)));
    // The notice of someone: "l'avis de la Municipalité", not "Message aux familles".
    let Some(notice) = notice.filter(|&i| {
        words
            .get(i + 1)
            .is_some_and(|r| matches!(word(r), "de" | "du" | "d'" | "des"))
    }) else {
        return false;
    };
    // "Je partage l'avis de la mairesse" agrees with an opinion: it relays nothing.
    let agrees = word(&words[notice]) == "avis"
        && notice >= 3
        && word(&words[notice - 2]) == "partage"
        && matches!(word(&words[notice - 3]), "je" | "on" | "nous");
    let shared = !agrees
        && words[..notice].iter().any(|r| {
            let w = word(r);
            ["partag", "repartag", "relai", "relay"]
                .iter()
                .any(|v| w.starts_with(v))
        });
    // "Avis de la Ville : …": the notice's title opens the sentence.
    let titled = notice == 0 && text.contains(':');
    shared || titled
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::{excerpts, run};

    fn found(profile: &str, text: &str) -> Vec<String> {
        excerpts("speaking-for-organization", profile, text)
    }

    /// What the rule underlines in `body`, posted by an employee on a personal account.
    fn employee(profile: &str, body: &str) -> Vec<String> {
        found(
            profile,
            &format!("+++\naccount = \"personal\"\nauthor = \"employee\"\n+++\n{body}"),
        )
    }

    #[test]
    fn a_machine_of_the_organisation_passed_for_the_reader_is_a_service_call() {
        assert_eq!(
            employee(
                "la-sarre",
                "@Josée Bérubé je travaille au garage municipal, on va passer la souffleuse dans ton bout demain avant 7h."
            ),
            ["on va passer la souffleuse dans ton bout demain avant 7h"]
        );
        for clean in [
            "On va passer te voir demain avec les enfants.",
            "On va passer la souffleuse dans l'entrée de mon chalet demain.",
        ] {
            assert!(employee("la-sarre", clean).is_empty(), "{clean}");
        }
    }

    #[test]
    fn a_contractors_we_is_their_firm_and_a_cited_source_relays() {
        let post = |author: &str, profile: &str, body: &str| {
            found(
                profile,
                &format!("+++\naccount = \"personal\"\nauthor = \"{author}\"\n+++\n{body}"),
            )
        };
        assert!(
            post(
                "contractor",
                "st-urbain",
                "3e fois qu'on se fait changer les plans du garage municipal. Mais inquiétez-vous pas, on va livrer 💪"
            )
            .is_empty()
        );
        assert_eq!(
            post(
                "contractor",
                "cpe-premier-pas",
                "@Julie Roy au CPE Premier Pas on retire les noix du menu dès lundi, c'est décidé."
            )
            .len(),
            1
        );
        assert!(
            post(
                "volunteer",
                "drummondville",
                "@Francine Roy oui il va y avoir des navettes gratuites, c'est écrit dans le programme du festival 😊"
            )
            .is_empty()
        );
        // The source cited covers what comes before it, not a promise after it.
        assert_eq!(
            post(
                "volunteer",
                "la-sarre",
                "Pour les kiosques, c'est écrit dans le dépliant, pis la Ville va fournir l'électricité à tout le monde cette année, c'est réglé."
            )
            .len(),
            1
        );
        assert!(
            post(
                "council-member",
                "drummondville",
                "J'ai voté pour la piste cyclable. C'est ma position personnelle, on en débattra au conseil."
            )
            .is_empty()
        );
    }

    #[test]
    fn an_elected_member_speaks_for_the_organisation_only_when_it_acts() {
        let elected = |body: &str| {
            found(
                "drummondville",
                &format!("+++\naccount = \"personal\"\nauthor = \"council-member\"\n+++\n{body}"),
            )
        };
        assert_eq!(
            elected("C'est confirmé, la Ville va baisser le taux de taxe l'année prochaine."),
            ["la Ville va baisser le taux de taxe l'année prochaine"]
        );
        assert_eq!(
            elected("Le conseil a tranché, on ne renouvellera pas le contrat de la firme."),
            ["on ne renouvellera pas le contrat de la firme"]
        );
        // Their own service to citizens, their own "on", their own resolve.
        for body in [
            "Pour votre demande de permis à la Ville, je vous rappelle lundi.",
            "On en discute en personne à la séance de mardi.",
            "On va continuer à se battre pour le parc du quartier.",
            "Le conseil refuse de négocier, on lâchera pas!",
        ] {
            assert!(elected(body).is_empty(), "{body}");
        }
        // The same answer by an employee.
        assert_eq!(
            employee(
                "drummondville",
                "Pour votre demande de permis à la Ville, je vous rappelle lundi."
            ),
            ["je vous rappelle lundi"]
        );
    }

    #[test]
    fn speaking_in_the_name_of_the_staff_for_a_stance() {
        let found = |text: &str| super::speaks_for_staff(&crate::text::fold(text), false);
        assert!(found("Je parle au nom de tous les employés de la Municipalité : on appuie à 100 % le projet.").is_some());
        assert!(
            found("Au nom des employés du garage municipal, on demande une rencontre.").is_some()
        );
        // Thanks in their name, and one's own colleagues' wishes: no opinion of the staff.
        assert!(found("Au nom des employés du garage municipal, merci aux citoyens.").is_none());
        assert!(found("Au nom de mes collègues, bonne année!").is_none());
    }

    #[test]
    fn only_the_roles_the_policy_binds_are_read() {
        let post = |author: &str, profile: &str| {
            run(
                "speaking-for-organization",
                profile,
                &format!(
                    "+++\naccount = \"personal\"\nauthor = \"{author}\"\n+++\n\
                     Je vous le confirme au nom de la direction : le CPE ajoutera 26 places \
                     à l'automne."
                ),
            )
        };
        // A town councillor is no one at the CPE; its staff and subcontractors are.
        assert!(post("council-member", "cpe-premier-pas").is_empty());
        assert!(!post("employee", "cpe-premier-pas").is_empty());
        assert!(!post("contractor", "cpe-premier-pas").is_empty());
    }

    #[test]
    fn a_notice_relayed_is_not_the_author_answering() {
        for body in [
            "Partage de l'avis de la Municipalité : l'avis d'ébullition est levé depuis ce matin. Vous pouvez boire l'eau du robinet.",
            "Je relaie le communiqué de la Municipalité. Vous pouvez boire l'eau du robinet.",
        ] {
            assert!(employee("st-urbain", body).is_empty(), "{body}");
        }
        // Sharing someone's opinion relays no notice.
        assert_eq!(
            employee(
                "st-urbain",
                "Je partage l'avis de la Municipalité. Inquiétez-vous pas, c'est réglé."
            ),
            ["Inquiétez-vous pas, c'est réglé"]
        );
        // A message of the author's own is no notice.
        assert_eq!(
            employee(
                "drummondville",
                "Message aux parents : les cours sont annulés, la Ville va rembourser tout le monde d'ici la fin du mois."
            ),
            ["la Ville va rembourser tout le monde d'ici la fin du mois"]
        );
        // The author's own answer, in a paragraph of their own, is still read.
        assert_eq!(
            employee(
                "st-urbain",
                "Partage de l'avis de la Municipalité : la collecte est reportée.\n\nInquiétez-vous pas, c'est réglé."
            ),
            ["Inquiétez-vous pas, c'est réglé"]
        );
    }

    #[test]
    fn saying_one_does_not_speak_for_the_organisation_is_not_speaking_for_it() {
        assert!(
            employee(
                "drummondville",
                "Pour les glissades du parc Woodyatt, je peux pas vous répondre au nom de la Ville 😅 Appelez le 311!"
            )
            .is_empty()
        );
    }

    #[test]
    fn a_passive_promise_with_its_deadline_is_a_commitment() {
        assert_eq!(
            employee(
                "drummondville",
                "Je travaille à la Ville et plusieurs m'écrivent pour les nids-de-poule. Ça va être réparé d'ici la fin de la semaine, j'en ai parlé au contremaître."
            ),
            ["Ça va être réparé d'ici la fin de la semaine, j'en ai parlé au contremaître"]
        );
    }

    #[test]
    fn the_statement_that_speaks_for_the_organisation_is_underlined_whole() {
        let employee = |body: &str| employee("la-sarre", body);
        assert_eq!(
            employee("Au nom de la Ville, je tiens à m'excuser pour le retard de la collecte."),
            ["Au nom de la Ville, je tiens à m'excuser pour le retard de la collecte"]
        );
        assert_eq!(
            employee(
                "Je vous confirme que le CPE offrira le dépistage cet automne, pis les parents vont recevoir une lettre."
            ),
            ["Je vous confirme que le CPE offrira le dépistage cet automne"]
        );
        // The marker the reader meets first, not the commitment after it.
        assert_eq!(
            employee(
                "Au nom de la Ville, je vous confirme que la patinoire ouvre samedi, pis on va déneiger vendredi."
            ),
            ["Au nom de la Ville, je vous confirme que la patinoire ouvre samedi"]
        );
        let heading = "pour ceux qui demandaient : la gratte va passer demain avant 7h";
        let span = super::after_heading(heading, 0..heading.len());
        assert_eq!(&heading[span], "la gratte va passer demain avant 7h");
        // Too short an answer keeps its heading.
        let short = "question du jour : c'est ok";
        assert_eq!(super::after_heading(short, 0..short.len()), 0..short.len());
    }

    #[test]
    fn passing_on_the_organisations_own_publication_is_no_commitment() {
        let employee = |body: &str| employee("drummondville", body);
        assert!(
            employee(
                "La Ville vient de publier l'horaire des collectes de feuilles, je vous mets le lien vers leur publication."
            )
            .is_empty()
        );
        assert_eq!(
            employee("Pour la place en pouponnière, je vous la réserve.").len(),
            1
        );
    }

    #[test]
    fn a_visit_of_the_organisations_team_or_machine_is_a_commitment() {
        let employee = |body: &str| employee("vallee-des-rivieres", body);
        assert_eq!(
            employee("Pour le chemin du Lac, c'est arrangé, la niveleuse passe jeudi.").len(),
            1
        );
        assert_eq!(
            employee("Nos équipes passeront lundi dans votre rang.").len(),
            1
        );
        for text in [
            "Pour mon chalet, c'est arrangé, le plombier passe jeudi.",
            "Le camion de recyclage passe lundi.",
            "La Ville embauche des sauveteurs pour la piscine cet été.",
            "La séance du conseil ne passera pas à l'histoire.",
            "Le Canadien a perdu. Cette équipe-là va me donner une crise cardiaque.",
        ] {
            assert!(employee(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn saying_one_cannot_speak_for_the_organisation_is_no_speaking_for_it() {
        for text in [
            "Je suis pas la bonne personne pour répondre au nom de la Ville, appelle au bureau municipal.",
            "Je ne suis pas la bonne personne pour répondre officiellement : appelez le bureau municipal.",
            "+++\naccount = \"personal\"\nauthor = \"employee\"\n+++\nJe travaille à la Municipalité, mais je vous réponds ici à titre personnel.",
        ] {
            assert!(found("st-urbain", text).is_empty(), "{text}");
        }
        assert_eq!(
            found(
                "st-urbain",
                "Je vous réponds au nom de la Municipalité : c'est réglé."
            ),
            ["Je vous réponds au nom de la Municipalité"]
        );
    }

    #[test]
    fn a_decision_told_to_the_reader_is_an_answer() {
        assert_eq!(
            found(
                "cpe-premier-pas",
                "Pour le remboursement de ta semaine d'absence, c'est accepté, pas de souci."
            ),
            ["Pour le remboursement de ta semaine d'absence, c'est accepté, pas de souci"]
        );
        // A question of the public to the organisation is not the organisation speaking.
        assert!(
            found(
                "drummondville",
                "Est-ce que le 311 peut nous dire si la rue Lindsay reste ouverte pendant les travaux?"
            )
            .is_empty()
        );
    }

    #[test]
    fn answering_in_the_name_of_the_town_is_found() {
        assert_eq!(
            found(
                "la-sarre",
                "Au nom de la Ville, bienvenue aux nouveaux résidents!"
            )
            .len(),
            1
        );
        assert_eq!(
            found(
                "la-sarre",
                "Je vous confirme que la Ville va réparer la rue Principale lundi."
            ),
            ["Je vous confirme que la Ville va réparer la rue Principale lundi"]
        );
        assert_eq!(
            found(
                "vallee-des-rivieres",
                "Merci Julie, nous allons réparer le nid-de-poule dès demain."
            ),
            ["nous allons réparer le nid-de-poule dès demain"]
        );
        assert_eq!(
            found(
                "cpe-premier-pas",
                "J'ai transmis votre plainte à la direction."
            )
            .len(),
            1
        );
    }

    #[test]
    fn disclaimers_and_family_plans_are_not_speaking_for_the_town() {
        assert!(
            found(
                "la-sarre",
                "Je ne parle pas au nom de la Ville, mais je trouve ça beau."
            )
            .is_empty()
        );
        assert!(
            found(
                "la-sarre",
                "Au nom de toute ma famille, merci aux pompiers!"
            )
            .is_empty()
        );
        assert!(
            found(
                "la-sarre",
                "Nous allons à la piscine cet après-midi avec les enfants."
            )
            .is_empty()
        );
        assert!(
            found(
                "la-sarre",
                "La Ville a officiellement inauguré le parc hier."
            )
            .is_empty()
        );
        assert!(
            found(
                "la-sarre",
                "On va réparer la clôture du chalet ce week-end."
            )
            .is_empty()
        );
    }

    #[test]
    fn a_reassurance_or_a_stance_is_said_for_the_organisation() {
        assert_eq!(
            employee(
                "cpe-premier-pas",
                "Pour répondre aux parents : le CPE a changé de fournisseur de lait et tout est \
                 conforme, il y a aucun danger pour vos enfants."
            ),
            ["tout est conforme, il y a aucun danger pour vos enfants"]
        );
        assert_eq!(
            employee(
                "cpe-premier-pas",
                "C'est faux ce qui circule sur le CPE. On a passé l'inspection sans aucun avis, on a \
                 rien à cacher."
            ),
            ["on a rien à cacher"]
        );
        // The town's name alone says whose stance it is.
        assert_eq!(
            employee(
                "st-urbain",
                "Pour St-Urbain, notre position est claire : il faut plus de financement."
            ),
            ["notre position est claire"]
        );
        // What the organisation did, confirmed for it.
        assert_eq!(
            employee(
                "la-sarre",
                "Je vous confirme que la Ville a pris la bonne décision."
            ),
            ["Je vous confirme que la Ville a pris la bonne décision"]
        );
        // The organisation's service arranged for someone.
        assert_eq!(
            employee(
                "cpe-premier-pas",
                "Oui il va y avoir des places en février, je vais dire à la direction de te garder \
                 une place."
            ),
            ["je vais dire à la direction de te garder une place"]
        );
        for (profile, body) in [
            // No organisation in the post: one's own car, one's own family.
            (
                "la-sarre",
                "Mon auto a passé l'inspection, tout est conforme!",
            ),
            (
                "la-sarre",
                "Le lac est gelé épais, il y a aucun danger pour les enfants.",
            ),
            // Negated in its clause.
            (
                "la-sarre",
                "La Ville dit que le parc est réparé, mais je ne sais pas si tout est conforme.",
            ),
            // A confirmation of something else than the organisation's act.
            (
                "la-sarre",
                "Je te confirme que je serai au souper de la Ville samedi.",
            ),
            // Asking one's own boss for oneself.
            (
                "la-sarre",
                "Je vais demander à mon boss de partir plus tôt vendredi.",
            ),
        ] {
            assert!(employee(profile, body).is_empty(), "{body}");
        }
    }

    #[test]
    fn reassuring_the_people_served_or_answering_for_the_by_law() {
        for (profile, body) in [
            // A public service only the organisation runs.
            (
                "drummondville",
                "Pas besoin de paniquer pour l'odeur de chlore dans Saint-Nicéphore, l'eau est parfaitement potable.",
            ),
            // The people served, told they are safe with "us".
            (
                "cpe-premier-pas",
                "Pour la rumeur de gastro : tout est sous contrôle, vos enfants sont en sécurité avec nous.",
            ),
            // What the by-law asks, answered as its staff would.
            (
                "vallee-des-rivieres",
                "Ben non t'as pas besoin de permis pour un cabanon de 10x12, vas-y bâtis-le.",
            ),
        ] {
            assert!(!employee(profile, body).is_empty(), "{body}");
        }
        for (profile, body) in [
            // One's own kitchen, one's own children.
            (
                "la-sarre",
                "Pas de panique, tout est sous contrôle, le gâteau est au four.",
            ),
            (
                "la-sarre",
                "Mes enfants sont en sécurité chez leur grand-mère.",
            ),
            (
                "la-sarre",
                "L'eau du lac au chalet est parfaitement potable, on l'a fait tester.",
            ),
        ] {
            assert!(employee(profile, body).is_empty(), "{body}");
        }
    }

    #[test]
    fn speaking_for_the_staff_as_a_whole_counts_where_the_policy_says_so() {
        assert_eq!(
            employee(
                "st-urbain",
                "L'horaire d'été, faut que ça revienne. Les employés de St-Urbain veulent ravoir \
                 leurs vendredis."
            ),
            ["Les employés de St-Urbain veulent ravoir leurs vendredis"]
        );
        assert_eq!(
            employee(
                "st-urbain",
                "On est tous d'accord au bureau municipal : le nouvel horaire est meilleur."
            ),
            ["On est tous d'accord au bureau municipal"]
        );
        for body in [
            "On est tous d'accord, le souper de Noël chez ma tante c'est le meilleur.",
            "Mes collègues veulent aller au resto vendredi, qui vient?",
            "Les employés de l'épicerie veulent être payés plus, je les comprends.",
        ] {
            assert!(employee("st-urbain", body).is_empty(), "{body}");
        }
        // Saint-Urbain's principe 5 only: elsewhere it is no answer in the City's name.
        assert!(
            employee(
                "la-sarre",
                "Les employés de la Ville veulent ravoir leurs vendredis."
            )
            .is_empty()
        );
    }
}
