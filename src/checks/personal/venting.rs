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
use super::lexicon::{Lexicon, Words, word_run_end};
use crate::policy::Organization;
use crate::text::fold;

/// The workplace and its people.
pub const WORKPLACE: &[&str] = &[
    r"(?:mon|ma|mes|notre|nos) (?:boss|patron|patronne|patrons|superieur|superieure|superieurs|gestionnaire|gestionnaires|directeur|directrice|contremaitre|contremaitres|chef|cheffe|chefs|coordonnateur|coordonnatrice|superviseur|superviseure|superviseurs|collegue|collegues|employeur|job|jobbe|travail|emploi|milieu de travail|departement|bureau|direction|conditions de travail|salaire|paye|equipe|shift|quart de travail)",
    r"(?:la|les) (?:direction|gestion|cadres|boss|patrons|gestionnaires|collegues|superieurs)",
    r"(?:au|du|le) (?:bureau|garage municipal|garage de la ville|boulot)",
    r"(?:au|du) travail",
    r"(?:cette|la) (?:job|jobbe)",
    r"(?:mon|le|au|du) boulot",
    r"(?:le|la) dg",
    r"(?:directeur|directrice) generale?",
    r"travailler (?:pour|a) (?:la|une|cette) (?:ville|municipalite|garderie|organisation)",
    r"travailler (?:pour|a) (?:un|le|ce) (?:cpe|employeur)",
];

/// Elected officials and the council, whose reputation the policies protect.
pub const ELECTED: &[&str] = &[
    r"(?:le|du|au|notre) maire",
    r"(?:la|notre) mairesse",
    r"(?:les|nos|des) elus",
    r"(?:les|des|nos) conseillers",
    r"(?:la|le) conseill(?:er|ere)",
];

/// Insults that name their own target.
const TARGETED: &[&str] = &[
    r"pire(?:s)? (?:employeur|boss|patron|patronne|gestionnaire|gestionnaires|direction|ville|job|administration|gestion|conseil|maire|milieu)",
    r"honte (?:de |d'|a )(?:y )?(?:travailler|mon|ma|mes)",
    r"honte d'y travailler",
    r"(?:employeur|boss|patron|patronne|gestionnaire|job|jobbe|direction)s? (?:de (?:marde|merde|fou)|pourrie?s?|toxiques?|minables?)",
];

/// Insults and venting: aimed at the workplace, the organisation or its people.
pub const INSULTS: &[&str] = &[
    r"incompetent(?:e|s|es)?",
    r"incompetence",
    r"(?:est|sont|etre) (?:nul|nuls|nulle|nulles)",
    r"pourri(?:e|s|es)?",
    r"minables?",
    r"(?:une|quelle|vraie|la) (?:joke|farce)",
    r"(?:un|quel|vrai|le) (?:cirque|bordel|chaos|cauchemar)",
    r"(?:ne )?(?:connait|connaissent|comprend|comprennent) rien",
    r"c'est l'enfer",
    r"(?:des|un|une|de) (?:zeros|caves?|epais|epaisse|tatas?|imbeciles?|idiots?|idiotes?|niaiseux|niaiseuses?|crosseurs?|voleurs?|clowns?|incapables?|menteurs?|menteuses?|hypocrites?|paresseux|paresseuses?|pas bons|innocents?)",
    r"n'importe quoi",
    r"ecoeur(?:e|ee|es|ees|ement)",
    r"tanne(?:e|s|es)?",
    r"j'en ai (?:marre|assez|plein le dos|ma claque|mon voyage)",
    r"j'en peux plus",
    r"ras-le-bol",
    r"(?:pu|plus) capable",
    r"(?:me|nous) rend(?:ent)? (?:malade|fou|folle|fous|folles)",
    r"pire(?:s)? (?:employeur|boss|patron|patronne|gestionnaire|gestionnaires|direction|ville|job|administration|gestion|conseil|maire|milieu)",
    r"c'est une honte",
    r"quelle honte",
    r"j'ai honte",
    r"honte (?:de|d'|a) (?:travailler|mon|ma|mes)",
    r"mal gere(?:e|s|es)?",
    r"exploit(?:e|es|ee|ees|ent|ation|eur|eurs)",
    r"sous-payee?s?",
    r"mepris(?:ant|ante|ants|antes)?",
    r"toxiques?",
    r"hypocrites?",
    r"menteu(?:r|rs|se|ses)",
    r"paresseu(?:x|se|ses)",
    r"faineant(?:e|s|es)?",
    r"incapables?",
    r"irrespectueu(?:x|se|ses)",
    r"(?:s'en|se) (?:fout|foutent|fiche|fichent|balance|balancent)",
    r"(?:ne )?(?:font|foutent|fout|fait) (?:jamais )?rien",
    r"harcel(?:e|ement|ent|ee)",
    r"aucune reconnaissance",
    r"pas de reconnaissance",
    r"(?:nous|me) prend(?:ent)? pour",
    r"(?:se moque|se moquent|rit|rient) de (?:nous|moi)",
    r"traite(?:e|s|es)? comme des?",
    r"de (?:marde|merde)",
    r"me fait chier",
    r"arrogant(?:e|s|es)?",
    r"vivement la retraite",
    r"hate (?:de|a) (?:quitter|partir|demissionner)",
    r"je vais demissionner",
    r"insupportables?",
    r"desorganise(?:e|s|es)?",
];

/// Criticism: a negative judgement, of decisions when aimed at the organisation, of
/// the workplace when aimed at it.
pub const CRITICISM: &[&str] = &[
    r"ridicules?",
    r"inacceptables?",
    r"inadmissibles?",
    r"deplorables?",
    r"lamentables?",
    r"decevant(?:e|s|es)?",
    r"deception",
    r"decu(?:e|s|es)?",
    r"aberrant(?:e|s|es)?",
    r"absurdes?",
    r"insense(?:e|s|es)?",
    r"gaspill(?:age|er|e|ent)",
    r"mauvaise (?:decision|idee|gestion)",
    r"(?:une |grave |grosse )erreur",
    r"pas d'accord",
    r"en desaccord",
    r"je suis contre",
    r"je m'oppose",
    r"trop cher(?:e|s|es)?",
    r"injuste(?:s)?",
    r"honteu(?:x|se|ses)",
    r"scandal(?:e|eux|euse|euses)",
    r"(?:aucun|pas de) (?:bon )?sens",
    r"non-sens",
    r"pas normal",
    r"(?:aurait|auraient) du",
    r"je (?:deplore|denonce|regrette)",
    r"catastroph(?:e|ique|iques)",
    r"mal fait(?:e|s|es)?",
    r"je ne comprends pas (?:pourquoi|comment)",
    r"personne ne (?:nous )?(?:ecoute|ecoutent|repond)",
];

/// The built-in lexicons, compiled once for every rule and profile, on first use: a
/// clean sentence needs only the targeted insults, the insults and the criticism.
static WORKPLACE_LEXICON: LazyLock<Lexicon> = LazyLock::new(|| compile(WORKPLACE));
static ELECTED_LEXICON: LazyLock<Lexicon> = LazyLock::new(|| compile(ELECTED));
static TARGETED_LEXICON: LazyLock<Lexicon> = LazyLock::new(|| compile(TARGETED));
static INSULTS_LEXICON: LazyLock<Lexicon> = LazyLock::new(|| compile(INSULTS));
static CRITICISM_LEXICON: LazyLock<Lexicon> = LazyLock::new(|| compile(CRITICISM));

fn compile(lexicon: &[&str]) -> Lexicon {
    Lexicon::new(lexicon).expect("built-in venting lexicon")
}

/// "une gang de caves", "la bande d'incompétents": the insult of [`INSULTS`] that ends
/// with any word (the regex `(?:une |la )?(?:gang|bande) (?:de|d') ?\w+`).
fn gang_of(w: &Words) -> bool {
    (0..w.len()).any(|i| {
        if !matches!(w.word(i), "gang" | "bande") {
            return false;
        }
        let rest = &w.text[w.ranges[i].end..];
        let Some(after) = rest
            .strip_prefix(" de")
            .or_else(|| rest.strip_prefix(" d'"))
        else {
            return false;
        };
        let at = w.text.len() - after.len();
        word_run_end(w.text, at).is_some()
            || (after.starts_with(' ') && word_run_end(w.text, at + 1).is_some())
    })
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
        if TARGETED_LEXICON.is_match(&w) {
            return Some(Verdict::Venting);
        }
        let insult = INSULTS_LEXICON.is_match(&w)
            || gang_of(&w)
            || self
                .insults_extra
                .as_ref()
                .is_some_and(|r| r.is_match(sentence));
        let critical = CRITICISM_LEXICON.is_match(&w);
        if !insult && !critical {
            return None;
        }
        let organisation =
            || ELECTED_LEXICON.is_match(&w) || prose.mentions_any(&self.mentions, range);
        if self.is_workplace(&w) {
            return Some(Verdict::Venting);
        }
        if insult && organisation() {
            return Some(Verdict::Disparaging);
        }
        if previous.is_some_and(|p| self.is_workplace(&Words::new(prose.text(p)))) {
            return Some(Verdict::Venting);
        }
        if critical && organisation() {
            return Some(Verdict::Criticism);
        }
        None
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
