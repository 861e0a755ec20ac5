//! `negative-about-employer`: venting or negative comments about the organisation, its
//! people or the workplace, on a personal account.
//!
//! Why: Vallée-des-Rivières art. 6 (« ventiler ses insatisfactions en lien avec le
//! travail ou d'afficher des commentaires négatifs portant sur la Ville, sur ses
//! collègues ou ses gestionnaires ») and art. 7; Saint-Urbain principe 1 (loyauté) and 3
//! (respect); La Sarre 13.1 (loyauté); CPE Premier Pas art. 5 ii) and vi).
//!
//! The line with `opinion-disclaimer`, sentence by sentence:
//! - venting (kind `venting`): a negative word about the workplace, colleagues,
//!   managers, "mon employeur" ("mon boss est incompétent", "j'en ai marre de ma job"),
//!   or an insult aimed at the organisation or its elected officials ("une gang
//!   d'incompétents à l'hôtel de ville"). A disclaimer changes nothing.
//! - criticism of a public decision ("je trouve ridicule la hausse des taxes") is an
//!   opinion: with the disclaimer it is allowed, without it `opinion-disclaimer` asks
//!   for one. Only a profile whose policy forbids any negative comment on the
//!   organisation (Vallée-des-Rivières art. 7) sets `criticism = true` and reports it
//!   (kind `criticism`).

use std::ops::Range;

use regex::Regex;
use serde::Deserialize;

use super::common::{Mentions, Prose, word_regex};
use crate::checks::{Check, Context, ParamError, Rule, params, validate};
use crate::finding::Diagnostic;
use crate::policy::{Policy, RuleSettings};
use crate::text::fold;

pub const RULE: Rule = Rule {
    id: "negative-about-employer",
    name: "Propos négatifs sur l'employeur",
    doc: "\
Sur un compte personnel, repère les plaintes et les propos négatifs sur le travail, les
collègues, les gestionnaires, la direction, ou les attaques contre l'organisation et ses
élus : l'obligation de loyauté envers l'employeur dépasse les heures de travail.

Ce qui compte (type « venting ») : une phrase qui parle du travail ou des gens du
travail (« mon boss », « ma gestionnaire », « mes collègues », « la direction »,
« ma job », « au bureau », « mon employeur ») avec un mot négatif (« incompétent »,
« j'en ai marre », « tanné », « toxique », « ridicule », « honte »…), et les insultes
visant l'organisation ou ses élus (« une gang d'incompétents à l'hôtel de ville »,
« le maire est un menteur »). Une mise en garde n'y change rien.

Ce qui ne compte pas : critiquer une décision publique (« je trouve la hausse des taxes
trop forte ») est une opinion : avec la mise en garde du profil, elle est permise ; sans
elle, c'est la règle opinion-disclaimer qui la signale. Exception : quand la politique
interdit tout commentaire négatif envers l'organisation (Vallée-des-Rivières, art. 7), le
profil règle `criticism = true` et la critique est signalée (type « criticism »). Un mot
négatif sans lien avec le travail (« un match décevant ») ne compte pas non plus.

Exemple : « Encore une réunion pour rien, ma gestionnaire est complètement
incompétente. »
Correction : retirez ce passage ; parlez-en plutôt à la personne concernée ou à votre
gestionnaire, comme le proposent les politiques.

Réglages : `criticism` (signaler aussi la critique des décisions de l'organisation),
`targets` et `words` (autres cibles et mots négatifs).",
    validate: validate::<Params>,
    build,
    explain_profile: crate::checks::nothing_to_add,
};

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct Params {
    /// Report criticism of the organisation's decisions too (kind `criticism`).
    #[serde(default)]
    criticism: bool,
    /// Other words naming the workplace or its people.
    #[serde(default)]
    targets: Vec<String>,
    /// Other negative words.
    #[serde(default)]
    words: Vec<String>,
    #[serde(default)]
    topics: Vec<String>,
}

/// The workplace and its people.
const WORKPLACE: &[&str] = &[
    r"(?:mon|ma|mes|notre|nos) (?:boss|patron|patronne|patrons|superieur|superieure|superieurs|gestionnaire|gestionnaires|directeur|directrice|contremaitre|contremaitres|chef|cheffe|chefs|coordonnateur|coordonnatrice|superviseur|superviseure|superviseurs|collegue|collegues|employeur|job|jobbe|travail|emploi|milieu de travail|departement|bureau|direction|conditions de travail|salaire|paye|equipe|shift|quart de travail)",
    r"(?:la|les) (?:direction|gestion|cadres|boss|patrons|gestionnaires|collegues|superieurs)",
    r"(?:au|du|le) (?:bureau|garage municipal|garage de la ville|boulot)",
    r"(?:au|du) travail",
    r"(?:mon|le|au|du) boulot",
    r"(?:le|la) dg",
    r"(?:directeur|directrice) generale?",
    r"travailler (?:pour|a) (?:la|une|cette) (?:ville|municipalite|garderie|organisation)",
    r"travailler (?:pour|a) (?:un|le|ce) (?:cpe|employeur)",
];

/// Elected officials and the council, whose reputation the policies protect.
const ELECTED: &[&str] = &[
    r"(?:le|du|au|notre) maire",
    r"(?:la|notre) mairesse",
    r"(?:les|nos|des) elus",
    r"(?:les|des|nos) conseillers",
    r"(?:la|le) conseill(?:er|ere)",
];

/// Insults and venting: aimed at the workplace, the organisation or its people.
const INSULTS: &[&str] = &[
    r"incompetent(?:e|s|es)?",
    r"incompetence",
    r"(?:est|sont|etre) (?:nul|nuls|nulle|nulles)",
    r"pourri(?:e|s|es)?",
    r"minables?",
    r"(?:une|quelle|vraie|la) (?:joke|farce)",
    r"(?:un|quel|vrai) (?:cirque|bordel|chaos|cauchemar)",
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
const CRITICISM: &[&str] = &[
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

struct NegativeAboutEmployer {
    criticism: bool,
    workplace: Regex,
    elected: Regex,
    insults: Regex,
    critical: Regex,
    mentions: Mentions,
}

fn lexicon(built_in: &[&str], extra: &[String]) -> Regex {
    let extra: Vec<String> = extra.iter().map(|w| regex::escape(&fold(w))).collect();
    let all: Vec<&str> = built_in
        .iter()
        .copied()
        .chain(extra.iter().map(String::as_str))
        .collect();
    word_regex(&all)
}

fn build(settings: &RuleSettings, policy: &Policy) -> Result<Box<dyn Check>, ParamError> {
    let params: Params = params(settings)?;
    Ok(Box::new(NegativeAboutEmployer {
        criticism: params.criticism,
        workplace: lexicon(WORKPLACE, &params.targets),
        elected: lexicon(ELECTED, &[]),
        insults: lexicon(INSULTS, &params.words),
        critical: lexicon(CRITICISM, &[]),
        mentions: Mentions::new(&policy.org, &params.topics),
    }))
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verdict {
    Venting,
    Criticism,
}

impl NegativeAboutEmployer {
    fn judge(
        &self,
        prose: &Prose,
        range: &Range<usize>,
        previous_on_line: Option<&str>,
    ) -> Option<Verdict> {
        let sentence = prose.text(range);
        let insult = self.insults.is_match(sentence);
        let critical = self.critical.is_match(sentence);
        if !insult && !critical {
            return None;
        }
        let workplace = self.workplace.is_match(sentence);
        let organisation =
            self.elected.is_match(sentence) || prose.mentions_any(&self.mentions, range);
        if workplace || (insult && organisation) {
            return Some(Verdict::Venting);
        }
        if insult && previous_on_line.is_some_and(|p| self.workplace.is_match(p)) {
            return Some(Verdict::Venting);
        }
        if self.criticism && critical && organisation {
            return Some(Verdict::Criticism);
        }
        None
    }
}

impl Check for NegativeAboutEmployer {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        if !cx.meta.is_personal() {
            return;
        }
        let prose = Prose::new(cx.draft);
        let org = super::org_label(cx.policy);
        for (i, s) in prose.sentences.iter().enumerate() {
            let previous = (i > 0)
                .then(|| &prose.sentences[i - 1])
                .filter(|p| !prose.folded.text[p.end..s.start].contains('\n'))
                .map(|p| prose.text(p));
            let Some(verdict) = self.judge(&prose, s, previous) else {
                continue;
            };
            let span = prose.folded.original(s.clone());
            out.push(match verdict {
                Verdict::Venting => Diagnostic::new(
                    span,
                    "Propos négatifs sur votre travail, vos collègues, vos gestionnaires ou votre employeur : \
                     l'obligation de loyauté s'applique aussi sur vos comptes personnels.",
                    "Retirez ce passage ; parlez-en plutôt à la personne concernée ou à votre gestionnaire. \
                     Une mise en garde d'opinion ne suffit pas pour ce genre de propos.",
                )
                .kind("venting"),
                Verdict::Criticism => Diagnostic::new(
                    span,
                    format!(
                        "Commentaire négatif envers {org} : la politique l'interdit aux employés, même sur \
                         un compte personnel."
                    ),
                    "Retirez ce passage, ou faites part de votre désaccord par les voies internes (votre \
                     gestionnaire, la direction).",
                )
                .kind("criticism"),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::run;

    fn kinds(profile: &str, text: &str) -> Vec<&'static str> {
        run("negative-about-employer", profile, text)
            .into_iter()
            .map(|d| d.kind.unwrap_or(""))
            .collect()
    }

    #[test]
    fn venting_about_the_workplace_is_found() {
        assert_eq!(
            kinds("la-sarre", "Ma gestionnaire est complètement incompétente."),
            ["venting"]
        );
        assert_eq!(
            kinds(
                "cpe-premier-pas",
                "J'en ai marre de ma job, la direction s'en fout."
            ),
            ["venting"]
        );
        assert_eq!(
            kinds(
                "st-urbain",
                "Mon boss m'a encore engueulé devant tout le monde. Quel cirque, vraiment."
            ),
            ["venting"]
        );
        assert_eq!(
            kinds(
                "la-sarre",
                "Une gang d'incompétents à l'hôtel de ville, comme d'habitude."
            ),
            ["venting"]
        );
    }

    #[test]
    fn criticism_of_a_decision_is_an_opinion_except_where_the_policy_forbids_it() {
        let text = "Je trouve ridicule la décision de la Ville de fermer la piscine.";
        assert!(kinds("la-sarre", text).is_empty());
        assert_eq!(kinds("vallee-des-rivieres", text), ["criticism"]);
    }

    #[test]
    fn negative_words_elsewhere_are_not_about_the_employer() {
        assert!(
            kinds(
                "la-sarre",
                "Un match décevant hier soir, les Canadiens ont été nuls."
            )
            .is_empty()
        );
        assert!(
            kinds(
                "la-sarre",
                "Belle journée au bureau, mon équipe est formidable!"
            )
            .is_empty()
        );
        assert!(
            kinds(
                "vallee-des-rivieres",
                "Défi zéro déchet au bureau cette semaine!"
            )
            .is_empty()
        );
    }
}
