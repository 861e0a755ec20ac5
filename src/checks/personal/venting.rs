//! The venting lexicons shared by `negative-about-employer` (which reports venting) and
//! `opinion-disclaimer` (which does not ask for a disclaimer on venting: a disclaimer
//! does not make it acceptable, and `--fix` must not add one to it).
//!
//! A sentence is judged with the sentence before it on the same line, for "Mon boss
//! m'a encore engueulé. Quel cirque." The verdict:
//! - venting: a negative word with the workplace or its people in the sentence (or in
//!   the one before), an insult aimed at the organisation or its elected officials, or
//!   an insult that names its own target ("pire employeur");
//! - criticism: a negative judgement of the organisation or of a municipal matter
//!   (reported only where the policy forbids any negative comment).

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::common::{Mentions, Prose, too_large, try_word_regex};
use super::lexicon::{Lexicon, Words, builtin, word_run_end};
use crate::checks::offensive_language;
use crate::checks::semantics::{self, Insult};
use crate::policy::Organization;
use crate::text::fold;

/// The built-in lexicons (`[workplace]`, `[elected]`, `[targeted]`, `[insults]` and
/// `[criticism]` of `lexicons/personal.txt`), compiled once for every rule and profile, on
/// first use: a clean sentence needs only the targeted insults, the insults and the
/// criticism.
static WORKPLACE_LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::prepared(&builtin::WORKPLACE));
static ELECTED_LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::prepared(&builtin::ELECTED));
static TARGETED_LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::prepared(&builtin::TARGETED));
static INSULTS_LEXICON: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::prepared(&builtin::INSULTS));
static CRITICISM_LEXICON: LazyLock<Lexicon> =
    LazyLock::new(|| Lexicon::prepared(&builtin::CRITICISM));

/// "une gang de caves", "la bande d'incompétents": a collective of any word, an insult
/// unless the word praises ("quelle bande de champions", "une gang de héros") or names
/// people plainly ("une gang d'amis", "une bande de jeunes").
fn gang_of(w: &Words) -> bool {
    (0..w.len()).any(|i| {
        if !matches!(w.word(i), "gang" | "bande") {
            return false;
        }
        // "ma gang des travaux publics", "notre belle gang": one's own team, fondly.
        if i > 0
            && matches!(
                w.word(i - 1),
                "ma" | "notre" | "ta" | "votre" | "belle" | "bonne"
            )
        {
            return false;
        }
        let rest = &w.text[w.ranges[i].end..];
        let Some(after) = rest
            .strip_prefix(" des ")
            .or_else(|| rest.strip_prefix(" de "))
            .or_else(|| rest.strip_prefix(" d'"))
        else {
            return false;
        };
        let at = w.text.len() - after.len();
        let Some(end) = word_run_end(w.text, at) else {
            return false;
        };
        let word = &w.text[at..end];
        let praise = semantics::insult(word) == Some(Insult::Ironic)
            || semantics::polarity(word).is_some_and(|p| p.value >= 0.3);
        let plain_people = semantics::is_people(word) && semantics::insult(word).is_none();
        !praise && !plain_people
    })
}

/// A put-down that says a child would have done the work better: "mon neveu de 8 ans
/// aurait fait mieux", "un enfant de cinq ans ferait mieux que ça", "ma fille de 4 ans
/// dessine mieux". The words from the child to "mieux".
fn child_would_do_better(w: &Words) -> Option<Range<usize>> {
    const CHILDREN: &[&str] = &[
        "enfant", "neveu", "niece", "fils", "fille", "flo", "kid", "bebe", "singe",
    ];
    const WOULD: &[&str] = &[
        "aurait",
        "aurais",
        "ferait",
        "ferais",
        "pourrait",
        "dessine",
        "dessinerait",
        "fait",
    ];
    let n = w.len();
    (0..n).find_map(|i| {
        if !CHILDREN.contains(&w.word(i)) {
            return None;
        }
        // "de 8 ans", "de cinq ans", then the verb within two words.
        let verb = (i + 1..(i + 6).min(n)).find(|&k| WOULD.contains(&w.word(k)))?;
        let better = (verb + 1..(verb + 3).min(n)).find(|&k| w.word(k) == "mieux")?;
        let ages = w.word(i + 1) == "de" && (i + 3 < n) && w.word(i + 3) == "ans";
        (verb == i + 1 || ages && verb == i + 4).then(|| w.ranges[i].start..w.ranges[better].end)
    })
}

/// True when the fault at `hit` is the author's own: "on est pourris mais on a du fun"
/// (a sports team), "je suis nul en dessin". Said of oneself, a word of worthlessness
/// mocks oneself; a word of suffering ("on est tannés", "je suis écoeurée") still vents.
fn self_mockery(sentence: &str, hit: &Range<usize>) -> bool {
    let word = sentence[hit.clone()]
        .split_whitespace()
        .last()
        .unwrap_or_default();
    let worthless = ["pourri", "nul", "minable", "poche", "incompetent"]
        .iter()
        .any(|w| word.starts_with(w));
    if !worthless {
        return false;
    }
    let mut before = sentence[..hit.start].split_whitespace().rev();
    let mut last = before.next();
    // One degree adverb: "on est vraiment pourris".
    if matches!(
        last,
        Some("vraiment" | "tellement" | "ben" | "bien" | "tous" | "assez")
    ) {
        last = before.next();
    }
    match (last, before.next()) {
        (Some("est"), Some("on")) | (Some("suis"), Some("je")) | (Some("sommes"), Some("nous")) => {
            true
        }
        (Some("chu" | "j'suis"), _) => true,
        // The hit may hold its copula: "(est) nuls".
        (Some("on" | "je" | "nous"), _) => sentence[hit.clone()].starts_with(['e', 's']),
        _ => false,
    }
}

/// True when the conduct at `hit` in the folded `sentence` is condemned, not suffered nor
/// blamed on anyone: "(une formation) contre le harcèlement", "jamais de menaces, de
/// harcèlement", "le harcèlement (…) n'a pas sa place", "ne sera pas toléré". A reminder
/// of the rules of conduct is no complaint about the workplace.
fn condemned(sentence: &str, hit: &Range<usize>) -> bool {
    // An opener of prohibition, then at most an enumeration of conducts: "contre le ",
    // "jamais de menaces, de ", "aucune forme de ", "tolérance zéro pour le ".
    static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?:contre|jamais|zero|aucune?|non|stop|pas)(?: (?:a|au|aux|de|des|du|la|le|les|pour|toute|toutes|forme|formes)| d'| l')+ ?(?:[\w-]+(?:, ?(?:de |d'|ni )| (?:ou|et|ni) (?:(?:de|du|des|la|le|les) |d'|l')?)){0,3}$")
            .expect("condemnation regex")
    });
    static AFTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\b(?:n'(?:a|ont|aura|auront) (?:pas|jamais|plus|aucunement) (?:sa|leur) place|(?:ne |n')?(?:est|sont|sera|seront) (?:pas|jamais|plus|aucunement) tolere(?:e|s|es)?|(?:est|sont|sera|seront) (?:strictement )?interdit(?:e|s|es)?)\b")
            .expect("condemnation regex")
    });
    let before = &sentence[..hit.start];
    // Within the clause: "Pas de pause. Du harcèlement" complains.
    let clause = before
        .rfind([';', ':', '.', '!', '?'])
        .map_or(before, |i| &before[i + 1..]);
    BEFORE.is_match(clause) || AFTER.is_match(&sentence[hit.end..])
}

/// The verdict on one sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// About the work, colleagues, managers, the employer.
    Venting,
    /// An insult aimed at the organisation or its elected officials.
    Disparaging,
    /// A negative judgement of the organisation's decisions.
    Criticism,
}

impl Verdict {
    /// Venting and disparaging remarks: no disclaimer excuses them.
    pub fn is_venting(self) -> bool {
        matches!(self, Verdict::Venting | Verdict::Disparaging)
    }
}

/// The lexicons with the profile's additions, and the mentions of the organisation.
pub struct Venting {
    /// The profile's `targets`, when it gives some (a regex, as before: a list too long
    /// is reported when the profile is loaded).
    workplace_extra: Option<Regex>,
    /// The profile's `words`.
    insults_extra: Option<Regex>,
    mentions: Mentions,
}

/// The profile's additions to a lexicon, as literal folded words on word boundaries.
fn extra(words: &[String]) -> Result<Option<Regex>, regex::Error> {
    if words.is_empty() {
        return Ok(None);
    }
    let escaped: Vec<String> = words.iter().map(|w| regex::escape(&fold(w))).collect();
    let refs: Vec<&str> = escaped.iter().map(String::as_str).collect();
    try_word_regex(&refs).map(Some)
}

impl Venting {
    /// The mentions of the organisation it was built with.
    pub fn mentions(&self) -> &Mentions {
        &self.mentions
    }

    /// `targets`, `words` and `topics` extend the built-in lexicons.
    pub fn new(
        org: &Organization,
        targets: &[String],
        words: &[String],
        topics: &[String],
    ) -> Result<Venting, crate::checks::ParamError> {
        Ok(Venting {
            workplace_extra: extra(targets).map_err(|e| too_large("targets", e))?,
            insults_extra: extra(words).map_err(|e| too_large("words", e))?,
            mentions: Mentions::new(org, topics).map_err(|e| too_large("topics", e))?,
        })
    }

    /// The verdict on `prose[range]`, given the sentence before it on the same line.
    pub fn judge(
        &self,
        prose: &Prose,
        range: &Range<usize>,
        previous: Option<&Range<usize>>,
    ) -> Option<Verdict> {
        let sentence = prose.text(range);
        let w = Words::new(sentence);
        // "Pas pire job!" is Quebec praise: a complaint that starts with "pire" right after
        // "pas" is none, in every list.
        let praise = |hit: &Range<usize>| {
            sentence[hit.clone()].starts_with("pire")
                && sentence[..hit.start].split_whitespace().last() == Some("pas")
        };
        if TARGETED_LEXICON
            .find_iter(&w)
            .iter()
            .any(|hit| !praise(hit))
        {
            return Some(Verdict::Venting);
        }
        let counts = |hit: &Range<usize>| {
            !praise(hit) && !condemned(sentence, hit) && !self_mockery(sentence, hit)
        };
        let listed = INSULTS_LEXICON.find_iter(&w).iter().any(counts)
            || gang_of(&w)
            || self
                .insults_extra
                .as_ref()
                .is_some_and(|r| r.is_match(sentence));
        let organisation =
            || ELECTED_LEXICON.is_match(&w) || prose.mentions_any(&self.mentions, range);
        let workplace = self.is_workplace(&w);
        let workplace_before =
            || previous.is_some_and(|p| self.is_workplace(&Words::new(prose.text(p))));
        // "Mon neveu de 8 ans aurait fait mieux", said after the organisation's work.
        if child_would_do_better(&w).is_some()
            && (workplace
                || prose.mentions_any(&self.mentions, range)
                || previous.is_some_and(|p| prose.mentions_any(&self.mentions, p))
                || workplace_before())
        {
            return Some(Verdict::Disparaging);
        }
        let critical = CRITICISM_LEXICON.find_iter(&w).iter().any(counts);
        // offensive-language's insults and constructions, read only in a sentence with a
        // target (an insult aimed at no one of the workplace changes no verdict here).
        let insult = listed
            || ((workplace || organisation() || workplace_before())
                && offensive_language::insults(sentence).iter().any(counts));
        if !insult && !critical {
            return None;
        }
        if workplace {
            return Some(Verdict::Venting);
        }
        if insult && organisation() {
            return Some(Verdict::Disparaging);
        }
        if workplace_before() {
            return Some(Verdict::Venting);
        }
        if critical && organisation() {
            return Some(Verdict::Criticism);
        }
        None
    }

    /// Where in the sentence `prose[range]` (a range of it) the words that make
    /// [`Venting::judge`] speak are: the first targeted complaint, insult or criticism.
    pub fn hit(&self, prose: &Prose, range: &Range<usize>) -> Option<Range<usize>> {
        let sentence = prose.text(range);
        let w = Words::new(sentence);
        [&*TARGETED_LEXICON, &*INSULTS_LEXICON, &*CRITICISM_LEXICON]
            .into_iter()
            .flat_map(|l| l.find_iter(&w))
            .chain(child_would_do_better(&w))
            .chain(offensive_language::insults(sentence))
            .chain(
                self.insults_extra
                    .iter()
                    .flat_map(|r| r.find_iter(sentence).map(|m| m.range())),
            )
            .min_by_key(|r| r.start)
    }

    /// True when `prose[range]` names the workplace or its people.
    pub fn names_workplace(&self, prose: &Prose, range: &Range<usize>) -> bool {
        self.is_workplace(&Words::new(prose.text(range)))
    }

    /// True when the text names the workplace or its people. "Le bureau de poste", "au
    /// bureau des passeports" are other offices.
    fn is_workplace(&self, w: &Words) -> bool {
        let text = w.text;
        let extra = self
            .workplace_extra
            .iter()
            .flat_map(|r| r.find_iter(text).map(|m| m.range()));
        WORKPLACE_LEXICON
            .find_iter(w)
            .into_iter()
            .chain(extra)
            .any(|m| {
                let rest = &text[m.end..];
                let other_office = text[m.clone()].ends_with("bureau")
                    && [" de ", " d'", " des ", " du "]
                        .iter()
                        .any(|p| rest.starts_with(p));
                let ours =
                    rest.starts_with(" de la ville") || rest.starts_with(" de la municipalite");
                !other_office || ours
            })
    }

    /// The sentence before `i` when it is on the same line.
    pub fn previous_on_line<'p>(prose: &'p Prose, i: usize) -> Option<&'p Range<usize>> {
        let s = &prose.sentences[i];
        (i > 0)
            .then(|| &prose.sentences[i - 1])
            .filter(|p| !prose.folded.text[p.end..s.start].contains('\n'))
    }
}
