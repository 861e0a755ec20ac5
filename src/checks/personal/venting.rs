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

use regex::Regex;

use super::common::{Mentions, Prose, try_word_regex};
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
    r"(?:une |la )?(?:gang|bande) (?:de|d') ?\w+",
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

/// The compiled lexicons.
pub struct Venting {
    workplace: Regex,
    elected: Regex,
    targeted: Regex,
    insults: Regex,
    critical: Regex,
    mentions: Mentions,
}

fn lexicon(built_in: &[&str], extra: &[String]) -> Result<Regex, regex::Error> {
    let extra: Vec<String> = extra.iter().map(|w| regex::escape(&fold(w))).collect();
    let all: Vec<&str> = built_in
        .iter()
        .copied()
        .chain(extra.iter().map(String::as_str))
        .collect();
    try_word_regex(&all)
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
        use super::common::too_large;
        Ok(Venting {
            workplace: lexicon(WORKPLACE, targets).map_err(|e| too_large("targets", e))?,
            elected: lexicon(ELECTED, &[]).map_err(|e| too_large("targets", e))?,
            targeted: lexicon(TARGETED, &[]).map_err(|e| too_large("targets", e))?,
            insults: lexicon(INSULTS, words).map_err(|e| too_large("words", e))?,
            critical: lexicon(CRITICISM, &[]).map_err(|e| too_large("words", e))?,
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
        if self.targeted.is_match(sentence) {
            return Some(Verdict::Venting);
        }
        let insult = self.insults.is_match(sentence);
        let critical = self.critical.is_match(sentence);
        if !insult && !critical {
            return None;
        }
        let workplace = |text: &str| self.is_workplace(text);
        let organisation =
            self.elected.is_match(sentence) || prose.mentions_any(&self.mentions, range);
        if workplace(sentence) {
            return Some(Verdict::Venting);
        }
        if insult && organisation {
            return Some(Verdict::Disparaging);
        }
        if previous.is_some_and(|p| workplace(prose.text(p))) {
            return Some(Verdict::Venting);
        }
        if critical && organisation {
            return Some(Verdict::Criticism);
        }
        None
    }

    /// True when the text names the workplace or its people. "Le bureau de poste", "au
    /// bureau des passeports" are other offices.
    fn is_workplace(&self, text: &str) -> bool {
        self.workplace.find_iter(text).any(|m| {
            let rest = &text[m.end()..];
            let other_office = m.as_str().ends_with("bureau")
                && [" de ", " d'", " des ", " du "]
                    .iter()
                    .any(|p| rest.starts_with(p));
            let ours = rest.starts_with(" de la ville") || rest.starts_with(" de la municipalite");
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
