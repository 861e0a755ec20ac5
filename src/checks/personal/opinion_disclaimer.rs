//! `opinion-disclaimer`: a personal post that gives an opinion on the organisation or on
//! municipal matters must say that the opinion is the author's own.
//!
//! Why: La Sarre art. 13.1 invites the employee who "exprime une opinion" to add « les
//! opinions que j'exprime ici n'engagent que ma personne et ne représentent pas
//! l'opinion de la Ville »; Saint-Urbain principe 5 asks to explain « que vos
//! déclarations ne sont que le reflet de votre opinion personnelle »; Drummondville
//! (« Membres du personnel ») suggests « Il s'agit de mon opinion personnelle; celle-ci
//! ne représente pas nécessairement le point de vue de mon employeur ».
//!
//! What counts: on a personal account, a sentence that names the organisation (names,
//! aliases, "la Ville", "le conseil") or a municipal matter (taxes, by-laws, council,
//! snow removal…) and holds an opinion marker ("je trouve que", "à mon avis", "bravo",
//! "honte"…), or an opinion right after such a sentence on the same line. A factual post
//! needs nothing, and neither does venting: it is `negative-about-employer`'s, and a
//! disclaimer would not excuse it. The disclaimer is matched tolerantly
//! ([`super::disclaimer::Disclaimers`]).
//!
//! The finding is about the whole post: it points at the body's first line. `--fix`
//! appends the profile's `disclaimer` ([`super::fix`]).

use std::ops::Range;

use serde::Deserialize;

use super::common::Prose;
use super::disclaimer::Disclaimers;
use super::lexicon::Words;
use super::meaning::{Topic, topic};
use super::opinion::{
    exclamations, is_congratulation, markers, no_recipient, not_a_judgement, org_recipient,
    staff_recipient,
};
use super::venting::{Venting, Verdict};
use crate::checks::{Check, Context, ParamError, Rule, params, validate};
use crate::draft::Author;
use crate::finding::Diagnostic;
use crate::policy::{Policy, RuleSettings};
use crate::text::model;

pub const RULE: Rule = Rule {
    id: "opinion-disclaimer",
    name: "Mise en garde d'opinion personnelle",
    doc: concat!(
        "\
Sur un compte personnel, une publication qui donne une opinion sur l'organisation ou sur
les affaires municipales doit dire que cette opinion n'engage que son auteur.

Ce qui compte : une phrase qui nomme l'organisation (son nom, « la Ville »,
« la Municipalité », « le CPE », « le conseil ») ou une affaire municipale (taxes,
règlements, conseil municipal, déneigement…) et qui exprime un jugement : « je trouve
que », « à mon avis », « selon moi », « je suis contre », « bravo à la Ville »,
« honte », « ridicule », « génial! »…

Ce qui ne compte pas : une publication factuelle (partager un avis officiel, « la
piscine ouvre samedi »), une opinion sur un autre sujet (un restaurant, un match), une
publication qui porte déjà la mise en garde. La mise en garde est reconnue même si elle
est écrite autrement : majuscules, accents, apostrophes, quelques mots changés ou
déplacés, « mon employeur » au lieu de « la Ville ». Une phrase qui parle seulement
d'opinion (« la Ville sollicite l'opinion des citoyens ») n'en est pas une.

Critiquer une décision publique avec la mise en garde est une opinion permise ; se
plaindre de son travail, de ses collègues ou de ses gestionnaires relève de la règle
negative-about-employer, mise en garde ou non.

Exemple : « Je trouve que la Ville a raison de prolonger les heures de la piscine. »
Correction : ajoutez à la fin la phrase du profil, par exemple « Les opinions que
j'exprime ici n'engagent que ma personne et ne représentent pas l'opinion de la
Ville. » ; `vigie check --fix` l'ajoute pour vous.

",
        crate::checks::model_note!(),
        "

Réglages : `disclaimer` (la phrase ajoutée par --fix), `variants` (autres formulations
acceptées), `min-overlap` (part des mots de la phrase qu'une mise en garde doit
reprendre, 0,6 par défaut), `topics` (autres sujets municipaux)."
    ),
    validate: validate::<Params>,
    build,
    explain_profile: crate::checks::nothing_to_add,
    personal_data: false,
};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(super) struct Params {
    /// The disclaimer `--fix` appends and the help quotes.
    #[serde(default)]
    pub disclaimer: String,
    /// Other wordings accepted as the disclaimer.
    #[serde(default)]
    pub variants: Vec<String>,
    #[serde(default = "default_min_overlap")]
    pub min_overlap: f64,
    /// Municipal topics beyond the built-in ones.
    #[serde(default)]
    pub topics: Vec<String>,
}

fn default_min_overlap() -> f64 {
    0.6
}

pub(super) fn parse(settings: &RuleSettings) -> Result<Params, ParamError> {
    let params: Params = params(settings)?;
    if params.disclaimer.trim().is_empty() {
        return Err(ParamError {
            key: "disclaimer".into(),
            message: "« disclaimer » doit donner la phrase de mise en garde du profil".into(),
        });
    }
    if !(0.0..=1.0).contains(&params.min_overlap) {
        return Err(ParamError {
            key: "min-overlap".into(),
            message: "« min-overlap » doit être compris entre 0 et 1".into(),
        });
    }
    Ok(params)
}

/// The disclaimer matcher of a profile's settings.
pub(super) fn disclaimers(params: &Params) -> Disclaimers {
    Disclaimers::new(
        std::iter::once(&params.disclaimer).chain(&params.variants),
        params.min_overlap,
    )
}

/// An opinion found in the prose: its sentence and the words that make it one, as
/// source ranges.
struct Opinion {
    /// What the finding points at: the clauses that give the opinion.
    span: Range<usize>,
    marker: Range<usize>,
}

/// The part of `text` (a folded sentence) that gives the opinion at `at` (a marker or an
/// evaluation): the sentence cut at colons and semicolons, which join statements ("Pour
/// ceux qui se posent des questions : c'est sous l'inflation et honnêtement je trouve ça
/// raisonnable"), without a closing ", point final" that only insists.
fn opinion_clauses(text: &str, at: &Range<usize>) -> Range<usize> {
    const TAGS: &[&str] = &[", point final", ", point"];
    let mut part = crate::text::between_stops(text, at.clone(), |c| matches!(c, ':' | ';'));
    let tail = text[..part.end].trim_end_matches(['.', '!', ' ']);
    if let Some(tag) = TAGS.iter().find(|t| tail.ends_with(*t))
        && tail.len() - tag.len() > part.start
    {
        part.end = tail.len() - tag.len();
    }
    part
}

struct OpinionDisclaimer {
    disclaimer: String,
    disclaimers: Disclaimers,
    /// Also holds the mentions of the organisation (built with the same topics).
    venting: Venting,
}

fn build(settings: &RuleSettings, policy: &Policy) -> Result<Box<dyn Check>, ParamError> {
    let params = parse(settings)?;
    Ok(Box::new(OpinionDisclaimer {
        disclaimers: disclaimers(&params),
        venting: Venting::new(&policy.org, &[], &[], &params.topics)?,
        disclaimer: params.disclaimer,
    }))
}

impl OpinionDisclaimer {
    /// True when the sentence names the organisation or a municipal matter, other than
    /// as the speaker's role ("au nom de la Ville, félicitations…" is
    /// speaking-for-organization's).
    fn speaks_of_org(&self, prose: &Prose, sentence: &Range<usize>) -> bool {
        let text = prose.text(sentence);
        prose
            .mentions(self.venting.mentions(), sentence)
            .iter()
            .any(|m| {
                !text[..m.start].trim_end().ends_with("au nom")
                    && !text[..m.start].ends_with("au nom de ")
            })
    }

    /// The first opinion on the organisation without a disclaimer: its span in the
    /// source and its text.
    fn opinion(&self, cx: &Context<'_>, prose: &Prose) -> Option<(Range<usize>, String)> {
        let opinion = self.first_opinion(prose)?;
        self.disclaimers.find(prose).is_empty().then(|| {
            let text = cx.draft.source[opinion.marker.clone()].to_string();
            (opinion.span, text)
        })
    }

    /// The first opinion on the organisation, disclaimer or not.
    fn first_opinion(&self, prose: &Prose) -> Option<Opinion> {
        let sentences = &prose.sentences;
        for (i, s) in sentences.iter().enumerate() {
            let text = prose.text(s);
            if staff_thanked_for_their_work(text) {
                continue;
            }
            let previous = Venting::previous_on_line(prose, i);
            // Venting is negative-about-employer's: a disclaimer would not excuse it.
            // (Judged only for a sentence that holds an opinion: the venting lexicons
            // are built on first use.)
            let venting = || {
                self.venting
                    .judge(prose, s, previous)
                    .is_some_and(Verdict::is_venting)
            };
            let mut markers = markers(&Words::new(text));
            markers.extend(exclamations(text));
            let markers_seen = !markers.is_empty();
            if markers_seen && venting() {
                continue;
            }
            let here = || self.speaks_of_org(prose, s);
            let before = || previous.is_some_and(|p| self.speaks_of_org(prose, p));
            // "Enfin! La Ville a réparé le trottoir.": a bare exclamation judges what follows.
            let after = || {
                text.split_whitespace().count() <= 3
                    && sentences.get(i + 1).is_some_and(|n| {
                        !prose.folded.text[s.end..n.start].contains('\n')
                            && self.speaks_of_org(prose, n)
                    })
            };
            let opinion = |marker: Range<usize>| {
                let span = opinion_clauses(text, &marker);
                // An evaluation found as a whole clause is quoted as it is underlined
                // (without its closing ", point final").
                let marker = marker.start.max(span.start)..marker.end.min(span.end);
                Opinion {
                    span: prose
                        .folded
                        .original(s.start + span.start..s.start + span.end),
                    marker: prose
                        .folded
                        .original(s.start + marker.start..s.start + marker.end),
                }
            };
            for marker in markers {
                let Some(strong) = self.judgement(prose, s, &marker) else {
                    continue;
                };
                // A stance on a proposal is an opinion on the organisation's business,
                // named or not: "le projet de halte routière, je suis pour".
                // ("je pense que tu mélanges deux dossiers" answers someone.)
                let on_proposal = || {
                    (is_stance(&text[marker.clone()]) || is_verdict(&text[marker.clone()]))
                        && !["tu ", "t'"]
                            .iter()
                            .any(|w| text[marker.end..].trim_start().starts_with(w))
                        && {
                            let here = topic(text);
                            let before = previous.map(|p| topic(prose.text(p)));
                            here == Topic::Proposal
                                || before == Some(Topic::Proposal)
                                || judges(text, &marker)
                                    && before != Some(Topic::OtherGovernment)
                                    && (here.is_public() || before.is_some_and(Topic::is_public))
                        }
                };
                // "ça" in the marker points back to the sentence before, even on the line
                // before in the same paragraph: "…, la piscine municipale ouvrira pas cet
                // été.\nJe trouve ça ben correct".
                let pointed = || {
                    let m = &text[marker.clone()];
                    (m.contains(" ca") || m.starts_with("ca "))
                        // Not a topic of its own before it: "Mon gâteau, je trouve ça…".
                        && text[..marker.start].split_whitespace().count() <= 1
                        && i > 0
                        && prose.folded.text[sentences[i - 1].end..s.start]
                            .matches('\n')
                            .count()
                            == 1
                        && (self.speaks_of_org(prose, &sentences[i - 1])
                            || topic(prose.text(&sentences[i - 1])) == Topic::Proposal)
                };
                if strong || here() || before() || after() || on_proposal() || pointed() {
                    return Some(opinion(marker));
                }
            }
            // An evaluation without a marker: "c'est une bonne décision", "la Ville
            // devrait investir", "le budget est raisonnable".
            if let Some(clause) =
                super::meaning::judgement(prose, s, self.venting.mentions(), before())
                && (markers_seen || !venting())
            {
                return Some(opinion(clause));
            }
            // What the rules do not read, the rule's model may (`crate::text::model`), in
            // a sentence that evaluates something: a factual sentence (a job offer, a
            // schedule) is no opinion, whatever its words.
            if evaluates(text) && model::flags("opinion-disclaimer", text) && !venting() {
                return Some(opinion(model::focus("opinion-disclaimer", text)));
            }
        }
        None
    }

    /// Whether an opinion marker is a judgement (`None`: it is not), and whether it is
    /// aimed at the organisation by itself ("bravo à la Ville").
    fn judgement(
        &self,
        prose: &Prose,
        sentence: &Range<usize>,
        marker: &Range<usize>,
    ) -> Option<bool> {
        let text = prose.text(sentence);
        let word = &text[marker.clone()];
        let rest = &text[marker.end..];
        if is_congratulation(word) {
            if no_recipient(rest) {
                return Some(false);
            }
            let first_mention = prose
                .mentions(
                    self.venting.mentions(),
                    &(sentence.start + marker.end..sentence.end),
                )
                .first()
                .map(|m| m.start);
            if first_mention.is_some_and(|at| at <= 6) {
                return Some(true);
            }
            return org_recipient(rest).then_some(false);
        }
        if word.ends_with("qu'") || word.ends_with("que") {
            return (!not_a_judgement(rest)).then_some(false);
        }
        Some(false)
    }
}

/// True for a folded sentence that congratulates or thanks the staff for their work:
/// "Bravo à l'équipe des travaux publics pour le beau travail", "Merci aux cols bleus
/// pour leur travail". Pride in colleagues is no view on the administration; the
/// organisation itself, its council or its direction congratulated ("Bravo à la Ville
/// pour sa décision") still is one.
fn staff_thanked_for_their_work(text: &str) -> bool {
    const WORK: &[&str] = &[
        "travail",
        "job",
        "jobbe",
        "boulot",
        "ouvrage",
        "effort",
        "efforts",
        "devouement",
    ];
    let text = text.trim_start();
    ["bravo ", "merci ", "felicitations ", "chapeau "]
        .iter()
        .find_map(|o| text.strip_prefix(o))
        .is_some_and(staff_recipient)
        && text
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .any(|w| WORK.contains(&w))
}

/// True for a folded opinion marker that takes a stance or gives a view ("je suis pour",
/// "je m'oppose", "à mon avis", "je trouve que"), not a liking ("j'adore") nor a feeling
/// ("je suis déçu"): said of a proposal, it is an opinion on the organisation's business.
fn is_stance(marker: &str) -> bool {
    const STANCES: &[&str] = &[
        " pour",
        " contre",
        "d'accord",
        "faveur",
        "favorable",
        "oppose",
        "avis",
        "selon moi",
        "d'apres moi",
        "gout",
        "pense",
        "crois",
        "trouve",
        "estime",
        "considere",
        "juge",
        "doigts",
        // A view through "seems", a doubt, an excess, a better choice, a harm.
        "parait",
        "paraissent",
        "semble",
        "apparait",
        "sur qu",
        "sure qu",
        "certain",
        "convaincu",
        "meilleur",
        "trop",
        "priorites",
        "tuer",
        "detruire",
        "ruiner",
        "saboter",
        "gacher",
        "massacrer",
    ];
    STANCES.iter().any(|s| marker.contains(s))
}

/// True when a stance or verdict `marker` of a folded sentence judges, rather than
/// believes a fact ("je crois que la collecte est reportée"), admits the speaker's own
/// fault ("on aurait dû vous avertir", speaking-for-organization's) or names what is
/// done ("ils mettent n'importe quoi dans le bac"): what a public matter needs to be
/// judged by it without a proposal named.
fn judges(text: &str, marker: &Range<usize>) -> bool {
    let m = &text[marker.clone()];
    let before = text[..marker.start].trim_end();
    let last = before.rsplit(' ').next().unwrap_or_default();
    let own_fault = m.starts_with("aurai") && matches!(last, "on" | "nous" | "j'" | "je");
    let done = m == "n'importe quoi" && !matches!(last, "" | "c'est" | "rendu" | "vraiment" | "du");
    !(m.contains("crois") || own_fault || done)
}

/// True for a folded opinion marker that passes a verdict ("ça fait pas de sens", "on
/// aurait pu faire mieux", "je vois pas l'intérêt", "n'importe quoi"): said of a
/// proposal, like a stance, it is an opinion on the organisation's business.
fn is_verdict(marker: &str) -> bool {
    const VERDICTS: &[&str] = &[
        "sens",
        "aurait",
        "auraient",
        "interet",
        "n'importe quoi",
        "ridicule",
        "absurde",
        "aberrant",
        "inacceptable",
        "injuste",
        "decision",
        "idee",
        "initiative",
        "gaspillage",
    ];
    VERDICTS.iter().any(|s| marker.contains(s))
}

impl Check for OpinionDisclaimer {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        // The policies ask their employees for the disclaimer ("les membres du
        // personnel", "vous travaillez pour la Municipalité"), not volunteers or
        // contractors, who have no employer there to speak for; an elected member or a
        // candidate gives political opinions of their own (La Sarre, art. 13.2).
        if !cx.meta.is_personal()
            || matches!(
                cx.meta.author,
                Some(
                    Author::CouncilMember
                        | Author::Candidate
                        | Author::Volunteer
                        | Author::Contractor
                )
            )
        {
            return;
        }
        let prose = Prose::of(cx);
        let Some((span, opinion)) = self.opinion(cx, &prose) else {
            return;
        };
        let org = super::org_label(cx.policy);
        out.push(Diagnostic::new(
            span,
            format!(
                "Opinion sur {org} ou sur les affaires municipales (« {opinion} ») sans mise en garde : \
                 on pourrait la prendre pour la position de votre employeur."
            ),
            format!(
                "Ajoutez à la fin de la publication : « {} » (vigie check --fix l'ajoute pour vous).",
                self.disclaimer
            ),
        ));
    }
}

/// True when a folded sentence evaluates: an adjective that judges (the polarity
/// lexicon), a question or an exclamation, or a word of the closed class of evaluative
/// adverbs, comparatives and interjections.
fn evaluates(folded: &str) -> bool {
    const EVALUATIVE: &[&str] = &[
        "trop",
        "vraiment",
        "tellement",
        "enfin",
        "encore",
        "toujours",
        "jamais",
        "mieux",
        "pire",
        "pires",
        "bravo",
        "dommage",
        "helas",
        "franchement",
        "honnetement",
        "bien",
        "mal",
        "assez",
        "plutot",
        "meme",
        "juste",
        "tant",
        "si",
    ];
    folded.contains(['!', '?'])
        || crate::text::phrases::words(folded).into_iter().any(|r| {
            let w = &folded[r];
            EVALUATIVE.contains(&w) || crate::text::polarity::is_judgement(w)
        })
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::run;

    fn flagged(profile: &str, text: &str) -> bool {
        !run("opinion-disclaimer", profile, text).is_empty()
    }

    #[test]
    fn only_an_evaluating_sentence_goes_to_the_model() {
        use super::evaluates;
        assert!(!evaluates(
            "la ville affiche un poste de technicien a temps plein"
        ));
        assert!(!evaluates(
            "la collecte des feuilles aura lieu le 3 novembre"
        ));
        assert!(evaluates("enfin une piscine pour le quartier"));
        assert!(evaluates("le nouveau parc est magnifique"));
        assert!(evaluates("pourquoi attendre juin pour boucher les trous?"));
        let job = "+++\naccount = \"personal\"\n+++\nLa Ville est à la recherche d'un brigadier scolaire.\n";
        assert!(!flagged("la-sarre", job));
    }

    #[test]
    fn the_finding_points_at_the_statement_that_holds_the_opinion() {
        let text = "pour ceux qui se posent des questions : c'est sous l'inflation et honnetement je trouve ca raisonnable.";
        let at = text.find("je trouve").unwrap();
        let span = super::opinion_clauses(text, &(at..at + 9));
        assert_eq!(
            &text[span],
            "c'est sous l'inflation et honnetement je trouve ca raisonnable."
        );
        let whole = "je trouve que la ville a raison.";
        assert_eq!(super::opinion_clauses(whole, &(0..9)), 0..whole.len());
    }

    #[test]
    fn an_elected_member_gives_opinions_of_their_own() {
        let post = |author: &str| {
            format!(
                "+++\naccount = \"personal\"\nauthor = \"{author}\"\n+++\n\
                 J'ai voté pour la piste cyclable lundi. Je crois sincèrement que c'est un bon \
                 projet pour la Ville.\n"
            )
        };
        assert!(flagged("la-sarre", &post("employee")));
        assert!(!flagged("la-sarre", &post("council-member")));
        assert!(!flagged("la-sarre", &post("candidate")));
        // Nor is it asked of a volunteer or a contractor, who have no employer there.
        assert!(!flagged("la-sarre", &post("volunteer")));
        assert!(!flagged("la-sarre", &post("contractor")));
    }

    #[test]
    fn a_verdict_on_a_proposal_is_an_opinion_even_unnamed() {
        for post in [
            "Réaménagement de la rue Heriot : trop de béton. On aurait pu faire tellement mieux.",
            "Le conseil a voté la hausse hier. Franchement, ça fait pas de sens pantoute.",
            "La fusion des deux divisions, franchement je vois pas l'intérêt.",
        ] {
            assert!(flagged("drummondville", post), "{post}");
        }
        for post in [
            // The author's own budget, a friend's idea, an apology for a water cut.
            "Le budget de mon voyage, j'aurais pu faire mieux.",
            "Ton idée de faire un souper, ça fait pas de sens, on est trop nombreux!",
            "Désolée pour la coupure d'eau de ce matin, on aurait dû vous avertir avant.",
        ] {
            assert!(!flagged("drummondville", post), "{post}");
        }
    }

    #[test]
    fn staff_thanked_for_their_work_is_no_view_on_the_administration() {
        let found = |text: &str| {
            crate::checks::testing::excerpts(
                "opinion-disclaimer",
                "st-urbain",
                &format!("+++\naccount = \"personal\"\nauthor = \"employee\"\n+++\n{text}"),
            )
        };
        assert!(
            found("Avis levé. Bravo à l'équipe des travaux publics pour le beau travail 💧")
                .is_empty()
        );
        assert!(found("Merci aux cols bleus pour leur travail cette nuit!").is_empty());
        assert!(
            !found("Bravo à la Municipalité pour sa décision de garder la piscine ouverte.")
                .is_empty()
        );
    }

    #[test]
    fn advice_to_another_government_is_not_about_the_organisation() {
        let found = |text: &str| {
            crate::checks::testing::excerpts(
                "opinion-disclaimer",
                "st-urbain",
                &format!("+++\naccount = \"personal\"\nauthor = \"employee\"\n+++\n{text}"),
            )
        };
        for text in [
            "L'essence est rendue à 1,89 $. Québec devrait faire de quoi avec la taxe.",
            "Le fédéral devrait payer pour les routes, pas nos taxes.",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
        for text in [
            "La Municipalité devrait faire de quoi avec la taxe.",
            "Le conseil devrait baisser la taxe.",
        ] {
            assert!(!found(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn ca_in_a_marker_points_back_to_the_line_before() {
        let post = |body: &str| format!("+++\naccount = \"personal\"\n+++\n{body}\n");
        assert!(flagged(
            "la-sarre",
            &post("La piscine municipale ouvrira pas cet été.\nJe trouve ça ben correct.")
        ));
        // A topic of its own, or a paragraph away.
        assert!(!flagged(
            "la-sarre",
            &post("Le conseil a adopté le budget hier.\nMon gâteau, je trouve ça ben correct.")
        ));
        assert!(!flagged(
            "la-sarre",
            &post("La piscine municipale ouvrira pas cet été.\n\nJe trouve ça ben correct.")
        ));
    }

    #[test]
    fn a_stance_on_a_proposal_is_an_opinion_even_unnamed() {
        for post in [
            "Le projet de la halte routière près de la rivière, je suis pour à 100 %.",
            "Je suis entièrement en faveur du projet de règlement sur les terrasses d'hiver.",
            "Le règlement sur les poules urbaines adopté lundi? Trop permissif à mon goût.",
            "Je m'oppose au prolongement de la rue dans le boisé du secteur Saint-Charles.",
            "Le nouvel horaire d'été proposé par la Ville, ça fait pas notre affaire.",
        ] {
            assert!(flagged("la-sarre", post), "{post}");
        }
        for post in [
            // A liking, not a stance; another government's reform; an answer to someone.
            "J'adore le parc du Domaine.",
            "Je trouve que la réforme du ministère est mal adaptée aux petites équipes.",
            "@Sylvain je pense que tu mélanges deux dossiers : le budget de l'aréna pis le garage.",
            "Je suis pour les sorties en famille le dimanche.",
        ] {
            assert!(!flagged("la-sarre", post), "{post}");
        }
    }

    #[test]
    fn an_opinion_on_the_town_without_disclaimer_is_flagged() {
        assert!(flagged(
            "la-sarre",
            "Je trouve que la Ville a raison de prolonger les heures de la piscine."
        ));
        assert!(flagged(
            "drummondville",
            "Bravo au conseil municipal pour le nouveau parc!"
        ));
        assert!(flagged(
            "st-urbain",
            "À mon avis, la hausse des taxes est trop forte cette année."
        ));
    }

    #[test]
    fn the_disclaimer_in_any_reasonable_wording_satisfies_the_rule() {
        assert!(!flagged(
            "la-sarre",
            "Je trouve que la Ville a raison.\n\nLes opinions exprimées ici n’engagent que moi et ne représentent pas celles de la Ville."
        ));
        assert!(!flagged(
            "drummondville",
            "Bravo au conseil municipal! Il s'agit de mon opinion personnelle; celle-ci ne représente pas nécessairement le point de vue de mon employeur."
        ));
        assert!(!flagged(
            "st-urbain",
            "À mon avis, la hausse des taxes est trop forte. Je travaille pour la Municipalité, mais mes propos ne sont que le reflet de mon opinion personnelle."
        ));
    }

    #[test]
    fn a_view_on_a_public_matter_is_an_opinion_without_the_organisation_named() {
        for body in [
            "Le projet de nouveau garage municipal à 3,2 M$, honnêtement ça me paraît ben gros.",
            "Les parcomètres intelligents sur Lindsay, c'est en train de tuer le centre-ville.",
            "Pas sûr que le règlement sur les piscines avait besoin d'être aussi sévère.",
            "Le 1er mai aurait eu ben plus d'allure pour enlever les abris d'auto.",
        ] {
            assert!(flagged("la-sarre", body), "{body}");
        }
        for body in [
            // A find, a belief about a fact, one's own fault, a place named in passing.
            "J'ai trouvé un portefeuille devant l'aréna, écrivez-moi.",
            "Je crois que la collecte des ordures est reportée à mardi, quelqu'un peut confirmer?",
            "Désolée pour la coupure d'eau, on aurait dû vous avertir avant.",
            "Je trouve que le nouveau café de la 2e Rue fait les meilleurs croissants en ville!",
            "Ça me paraît ben gros, ce gâteau-là pour une fête de 5 ans.",
        ] {
            assert!(!flagged("la-sarre", body), "{body}");
        }
    }

    #[test]
    fn factual_posts_and_other_topics_need_no_disclaimer() {
        assert!(!flagged(
            "la-sarre",
            "La Ville rappelle que la piscine municipale ouvre samedi à 13 h."
        ));
        assert!(!flagged(
            "la-sarre",
            "Je trouve que le nouveau café de la 2e Rue fait les meilleurs croissants."
        ));
        assert!(!flagged(
            "la-sarre",
            "La Ville sollicite l'opinion des citoyens sur le parc. Consultation le 3 mai."
        ));
    }

    #[test]
    fn venting_and_speaking_for_the_town_are_left_to_their_own_rules() {
        assert!(!flagged(
            "la-sarre",
            "Une gang d'incompétents à l'hôtel de ville, comme d'habitude."
        ));
        assert!(!flagged(
            "drummondville",
            "Au nom de la Ville, félicitations aux finissants de la cohorte 2025!"
        ));
    }

    #[test]
    fn congratulations_count_when_the_organisation_receives_them() {
        assert!(flagged(
            "la-sarre",
            "Bravo à la Ville pour le nouveau parc!"
        ));
        assert!(flagged(
            "la-sarre",
            "Le déneigement a été fait en un temps record. Chapeau aux équipes!"
        ));
        assert!(!flagged(
            "la-sarre",
            "Bravo aux jeunes du camp de jour de la Ville pour leur spectacle!"
        ));
        assert!(!flagged(
            "la-sarre",
            "Apportez un chapeau et de la crème solaire à la fête de la Ville!"
        ));
    }

    #[test]
    fn intentions_and_advice_are_not_opinions() {
        assert!(!flagged(
            "la-sarre",
            "Je pense que je vais aller à la séance du conseil municipal ce soir."
        ));
        assert!(!flagged(
            "la-sarre",
            "Il faut absolument s'inscrire au camp de jour de la Ville avant le 1er mai."
        ));
    }

    #[test]
    fn an_official_account_is_not_concerned() {
        assert!(!flagged(
            "la-sarre",
            "+++\naccount = \"official\"\n+++\nBravo à la Ville pour ce beau projet!"
        ));
    }
}
