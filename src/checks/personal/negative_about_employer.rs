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

use serde::Deserialize;

use super::common::Prose;
use super::venting::{Venting, Verdict};
use crate::checks::{Check, Context, ParamError, Rule, params, validate};
use crate::draft::Author;
use crate::finding::Diagnostic;
use crate::policy::{Policy, RuleSettings};
use crate::text::model;

pub const RULE: Rule = Rule {
    id: "negative-about-employer",
    name: "Propos négatifs sur l'employeur",
    doc: concat!(
        "\
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

",
        crate::checks::model_note!(),
        "

Réglages : `criticism` (signaler aussi la critique des décisions de l'organisation),
`targets` et `words` (autres cibles et mots négatifs), `topics` (autres sujets
municipaux), `authors` (les rôles que la politique tient à la loyauté, par exemple
`[\"employee\", \"contractor\"]` ; sans ce réglage, tous sauf les candidats ; une
publication dont l'auteur n'est pas indiqué est toujours lue)."
    ),
    validate: validate::<Params>,
    build,
    explain_profile: crate::checks::nothing_to_add,
    personal_data: false,
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
    /// The roles the policy binds to loyalty, whose personal posts the rule reads (when
    /// not set, every role but a candidate's); a post whose author is not given is
    /// always read.
    #[serde(default)]
    authors: Option<Vec<Author>>,
}

struct NegativeAboutEmployer {
    criticism: bool,
    authors: Option<Vec<Author>>,
    venting: Venting,
}

fn build(settings: &RuleSettings, policy: &Policy) -> Result<Box<dyn Check>, ParamError> {
    let params: Params = params(settings)?;
    Ok(Box::new(NegativeAboutEmployer {
        criticism: params.criticism,
        authors: params.authors,
        venting: Venting::new(&policy.org, &params.targets, &params.words, &params.topics)?,
    }))
}

impl Check for NegativeAboutEmployer {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
        // A candidate criticising the outgoing administration is campaigning: no policy
        // binds a candidate's own posts to loyalty (they are not its staff as such).
        if !cx.meta.is_personal() || cx.meta.author == Some(Author::Candidate) {
            return;
        }
        // A parent volunteer of a CPE, a council member at La Sarre: people the policy
        // does not bind to loyalty may complain in their own name.
        if !cx.meta.bound_by(self.authors.as_deref()) {
            return;
        }
        let prose = Prose::of(cx);
        let org = super::org_label(cx.policy);
        // The model is asked only in a post about work: one that names the workplace, its
        // people, the people it serves or the organisation somewhere. A complaint about a
        // recipe or a camping trip is nobody's employer.
        let about_work = std::cell::OnceCell::new();
        let about_work = || {
            *about_work.get_or_init(|| {
                prose.sentences.iter().any(|s| {
                    self.venting.names_workplace(&prose, s)
                        || super::meaning::names_people(&prose, s)
                        || !prose.mentions(self.venting.mentions(), s).is_empty()
                })
            })
        };
        // Consecutive sentences with the same verdict, in one paragraph, make one finding.
        let mut runs: Vec<(Verdict, std::ops::Range<usize>)> = Vec::new();
        // The last finding ends in the sentence before sentence `i`.
        let ends_before = |i: usize, r: &std::ops::Range<usize>| {
            i > 0 && (prose.sentences[i - 1].start..=prose.sentences[i - 1].end).contains(&r.end)
        };
        for (i, s) in prose.sentences.iter().enumerate() {
            let previous = Venting::previous_on_line(&prose, i);
            let workplace_before = previous.is_some_and(|p| {
                self.venting.names_workplace(&prose, p) || super::meaning::names_people(&prose, p)
            });
            // A face of disapproval after a complaint already found adds nothing to it:
            // the sentence before lends its target only when it is not itself a finding.
            let vented_before = runs
                .last()
                .is_some_and(|(v, r)| v.is_venting() && ends_before(i, r));
            // The clause that carries the venting, when the text layer finds one.
            let clause = super::meaning::venting(
                &prose,
                s,
                self.venting.mentions(),
                previous.filter(|_| !vented_before),
                workplace_before,
            )
            .map(|r| s.start + r.start..s.start + r.end);
            let mut clause = clause;
            let verdict = match (self.venting.judge(&prose, s, previous), &clause) {
                (Some(v), None) => {
                    // The clause that holds the words the lexicon read, not the sentence
                    // around it: "…, la nouvelle contremaître a aucune idée de ce qu'elle fait".
                    clause = self.venting.hit(&prose, s).map(|hit| {
                        let r = super::meaning::clause_holding(prose.text(s), hit);
                        s.start + r.start..s.start + r.end
                    });
                    v
                }
                (Some(v), _) => v,
                (None, Some(_)) => Verdict::Venting,
                // What the rules do not read, the rule's model may (`crate::text::model`),
                // on the clauses its score comes from.
                (None, None)
                    if model::flags("negative-about-employer", prose.text(s)) && about_work() =>
                {
                    let r = model::focus("negative-about-employer", prose.text(s));
                    clause = Some(s.start + r.start..s.start + r.end);
                    Verdict::Venting
                }
                (None, None) => continue,
            };
            if verdict == Verdict::Criticism && !self.criticism {
                continue;
            }
            let s = &clause.unwrap_or_else(|| s.clone());
            match runs.last_mut() {
                Some((v, r))
                    if (*v == verdict || (v.is_venting() && verdict.is_venting()))
                        && prose.folded.text[r.end..s.start].matches('\n').count() < 2
                        && ends_before(i, r) =>
                {
                    r.end = s.end;
                }
                _ => runs.push((verdict, s.clone())),
            }
        }
        for (verdict, range) in runs {
            let span = prose.folded.original(range);
            out.push(match verdict {
                Verdict::Venting => Diagnostic::new(
                    span,
                    "Propos négatifs sur votre travail, vos collègues, vos gestionnaires ou votre employeur : \
                     l'obligation de loyauté s'applique aussi sur vos comptes personnels.",
                    "Retirez ce passage ; parlez-en plutôt à la personne concernée ou à votre gestionnaire. \
                     Une mise en garde d'opinion ne suffit pas pour ce genre de propos.",
                )
                .kind("venting"),
                Verdict::Disparaging => Diagnostic::new(
                    span,
                    format!(
                        "Propos qui discréditent {org} ou ses élus : la loyauté envers l'employeur et le \
                         respect des personnes s'appliquent aussi sur vos comptes personnels."
                    ),
                    "Retirez ce passage. Pour critiquer une décision, parlez de la décision elle-même, sans \
                     attaquer personne, et ajoutez la mise en garde d'opinion si la politique en prévoit une.",
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
    fn a_candidate_criticising_the_administration_is_campaigning() {
        let body = "la gestion de l'aréna par la Ville, c'est un fiasco : des coûts qui explosent.";
        for (author, found) in [("employee", true), ("candidate", false)] {
            let text = format!("+++\naccount = \"personal\"\nauthor = \"{author}\"\n+++\n{body}");
            assert_eq!(!kinds("la-sarre", &text).is_empty(), found, "{author}");
        }
    }

    #[test]
    fn only_the_roles_the_policy_binds_owe_loyalty() {
        let body = "Honnêtement, la direction du CPE, c'est l'enfer : aucune vision, rien avance.";
        for (author, found) in [
            ("employee", true),
            ("contractor", true),
            ("volunteer", false),
        ] {
            let text = format!("+++\naccount = \"personal\"\nauthor = \"{author}\"\n+++\n{body}");
            assert_eq!(
                !kinds("cpe-premier-pas", &text).is_empty(),
                found,
                "{author}"
            );
        }
        // Vallée-des-Rivières binds its volunteers too; a post without an author is read.
        let body = "La direction de la Ville, c'est l'enfer : aucune vision, rien avance.";
        for author in ["author = \"volunteer\"\n", ""] {
            let text = format!("+++\naccount = \"personal\"\n{author}+++\n{body}");
            assert!(!kinds("vallee-des-rivieres", &text).is_empty(), "{author}");
        }
    }

    #[test]
    fn a_manager_named_by_service_in_a_plain_post_is_no_venting() {
        for text in [
            "Le directeur des loisirs présentera la programmation d'été mardi.",
            "Le CA a adopté le budget hier soir, les parents recevront le compte rendu.",
        ] {
            assert!(kinds("cpe-premier-pas", text).is_empty(), "{text}");
        }
    }

    #[test]
    fn venting_in_quebec_idioms_is_found() {
        for (profile, text) in [
            (
                "cpe-premier-pas",
                "Je recommanderais pas le CPE Premier Pas à ma pire ennemie.",
            ),
            (
                "la-sarre",
                "Dommage que l'organisation de la Ville ait été aussi broche à foin.",
            ),
            (
                "la-sarre",
                "Les abonnés de la bibliothèque battent des records de mauvaise foi.",
            ),
            // A manager of a named service, the board; indifference, incompetence,
            // savings at the children's expense, help refused to the staff.
            (
                "la-sarre",
                "La nouvelle directrice des loisirs connaît rien aux bibliothèques.",
            ),
            (
                "cpe-premier-pas",
                "Le CA s'en sacre de ce que nos enfants mangent.",
            ),
            (
                "cpe-premier-pas",
                "Depuis que la direction a changé de fournisseur pour sauver des cennes, les amis mangent mal.",
            ),
            (
                "cpe-premier-pas",
                "On court toute la journée parce que la direction veut pas remplacer les congés de maladie.",
            ),
        ] {
            assert_eq!(kinds(profile, text), ["venting"], "{text}");
        }
        // The same words about oneself or a cake.
        assert!(
            kinds(
                "la-sarre",
                "Mon gâteau était un peu broche à foin mais délicieux!"
            )
            .is_empty()
        );
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
    fn contempt_for_colleagues_and_the_other_offices_is_venting() {
        for text in [
            "La Ville a même pas été capable de nous dire merci après la tempête.",
            "Encore une fois, l'autre bureau nous laisse le ménage. Ça fait honte.",
            "On est brûlées au bureau pis personne en haut s'en soucie.",
            "Merci à celle qui a été bavasser au boss, vraiment classe.",
        ] {
            assert_eq!(kinds("la-sarre", text), ["venting"], "{text}");
        }
        // Being worn out with pride, and praise of one's colleagues, are no complaint.
        for text in [
            "Je suis brûlé mais fier de l'ouvrage après la tempête!",
            "Nos employés ont fait du bon travail cette semaine, bravo!",
            "Capable de tout quand on travaille ensemble.",
            "Fière de ma gang des travaux publics! 36 heures de déneigement pis pas une plainte.",
        ] {
            assert!(kinds("la-sarre", text).is_empty(), "{text}");
        }
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

    #[test]
    fn a_reminder_of_the_rules_of_conduct_is_no_complaint() {
        for text in [
            "Rappel de la formation : le harcèlement et les menaces envers nos collègues n'ont pas leur place sur les réseaux.",
            "Rappel : jamais de menaces, de harcèlement ou de propos discriminatoires envers les collègues.",
            "Formation contre le harcèlement au travail ce matin, très utile.",
        ] {
            assert!(kinds("cpe-premier-pas", text).is_empty(), "{text}");
        }
        for text in [
            "Mon boss me harcèle au bureau.",
            "Pas de pause, du harcèlement constant au bureau.",
        ] {
            assert_eq!(kinds("cpe-premier-pas", text), ["venting"], "{text}");
        }
    }

    #[test]
    fn sarcasm_at_another_named_body_is_not_about_the_employer() {
        assert!(
            kinds(
                "la-sarre",
                "Panne de courant dans le secteur. Merci Hydro pour la belle gestion 🙃"
            )
            .is_empty()
        );
        assert_eq!(
            kinds(
                "la-sarre",
                "Bravo Martin pour la belle gestion de l'horaire au bureau 🙄"
            ),
            ["venting"]
        );
    }

    #[test]
    fn understatement_praises() {
        for text in [
            "Lever de soleil avant mon quart. Y'a pire comme bureau 🌄",
            "Pas si pire, la nouvelle cafétéria du bureau.",
        ] {
            assert!(kinds("st-urbain", text).is_empty(), "{text}");
        }
        for text in [
            "Y'a pas pire employeur que la Ville.",
            "Ça pourrait pas être pire au bureau.",
        ] {
            assert_eq!(kinds("st-urbain", text), ["venting"], "{text}");
        }
    }

    #[test]
    fn a_collective_of_praise_is_no_insult() {
        for text in [
            "Merci à mes collègues de la voirie, debout toute la nuit. Quelle bande de champions!",
            "Souper avec ma gang d'amis du bureau, belle soirée.",
            // "Bête de" and a bare noun names a champion.
            "Merci à mes collègues des travaux publics, vous êtes des bêtes de travail!",
        ] {
            assert!(kinds("st-urbain", text).is_empty(), "{text}");
        }
        assert_eq!(
            kinds("st-urbain", "Au bureau municipal, une bande de nonos."),
            ["venting"]
        );
    }

    #[test]
    fn the_noun_pas_is_no_negation() {
        // « Premier Pas » is the CPE's name: nothing is denied to the workplace.
        assert!(
            kinds(
                "cpe-premier-pas",
                "Le CPE Premier Pas organise sa vente de garage samedi."
            )
            .is_empty()
        );
        assert!(
            kinds(
                "la-sarre",
                "Mon équipe a fait un grand pas, bien organisée!"
            )
            .is_empty()
        );
        assert_eq!(
            kinds("la-sarre", "La direction est pas organisée pantoute."),
            ["venting"]
        );
    }
    #[test]
    fn one_colleague_or_manager_called_out_is_venting() {
        for text in [
            "À la collègue qui parle dans mon dos depuis septembre : je sais c'est toi.",
            "La responsable nous traite comme des esclaves.",
        ] {
            assert_eq!(kinds("vallee-des-rivieres", text), ["venting"], "{text}");
        }
        for text in [
            "Au collègue qui a pris mon quart de nuit : merci mille fois!",
            "La responsable des loisirs nous a super bien accueillis.",
        ] {
            assert!(kinds("vallee-des-rivieres", text).is_empty(), "{text}");
        }
    }

    #[test]
    fn an_insult_of_the_offensive_list_aimed_at_the_workplace_is_venting() {
        // offensive-language's list and constructions say what an insult is, here too.
        for text in [
            "Mon foreman c'est le plus gros trou de cul que j'ai rencontré de ma vie.",
            "Ma collègue de la pouponnière a le QI d'une huître.",
            "Notre directrice générale, une vraie vipère.",
        ] {
            assert_eq!(kinds("vallee-des-rivieres", text), ["venting"], "{text}");
        }
        // The same insult aimed at nobody of the workplace.
        assert!(
            kinds(
                "vallee-des-rivieres",
                "Le chauffeur de l'autobus, un vrai clown."
            )
            .is_empty()
        );
    }

    #[test]
    fn the_duty_the_people_of_the_workplace_never_do_is_a_complaint() {
        for text in [
            "Pis le boss qui nous back jamais, évidemment.",
            "Ma gestionnaire répond jamais à ses courriels.",
            "Des citoyens qui savent même pas lire un avis public.",
            "Les familles qui viennent au CPE, y'en a pas une qui paye à temps.",
        ] {
            assert_eq!(kinds("cpe-premier-pas", text), ["venting"], "{text}");
        }
        // What they cannot do, not yet, on a condition, in a question, with thanks, or
        // the author's own family.
        for text in [
            "Les parents qui ne peuvent pas payer les frais peuvent demander de l'aide.",
            "Les parents qui n'ont pas encore payé, c'est correct, on s'arrange.",
            "Si un parent ne paie pas, on envoie un rappel.",
            "Est-ce que les parents qui paient pas à temps ont une pénalité?",
            "Merci au CPE Premier Pas de m'avoir soutenue tout au long de mes études.",
            "Mes parents répondent jamais au téléphone le dimanche 😂",
            "Ma directrice ne nous laisse jamais tomber.",
        ] {
            assert!(kinds("cpe-premier-pas", text).is_empty(), "{text}");
        }
    }

    #[test]
    fn staff_treated_as_cattle_work_botched_and_the_public_served_at_the_counter() {
        for (profile, text) in [
            (
                "vallee-des-rivieres",
                "La Ville traite ses employés comme du bétail.",
            ),
            (
                "vallee-des-rivieres",
                "Notre directrice des travaux a bâclé ça du début à la fin.",
            ),
            (
                "st-urbain",
                "La direction cache les vrais chiffres aux citoyens.",
            ),
            (
                "la-sarre",
                "Le boss a encore oublié l'horaire. Un directeur qui sait même pas lire son calendrier.",
            ),
            (
                "cpe-premier-pas",
                "La mère d'une petite de mon groupe est une vraie folle.",
            ),
            (
                "st-urbain",
                "La madame qui est venue faire une scène au comptoir, grosse conne.",
            ),
        ] {
            assert!(!kinds(profile, text).is_empty(), "{text}");
        }
        // Praise, a friend's nickname, a club's group, the town's own schedule.
        for (profile, text) in [
            (
                "la-sarre",
                "Bonne fête à mon vieux grincheux préféré du garage municipal 🎂",
            ),
            (
                "cpe-premier-pas",
                "Les amis de mon groupe ont fait un beau bricolage aujourd'hui ❤️",
            ),
            (
                "la-sarre",
                "Le déneigement de ma rue a été fait n'importe comment, mais bon, l'hiver est long.",
            ),
        ] {
            assert!(kinds(profile, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_failure_named_and_a_child_who_would_do_better_disparage_the_work() {
        for text in [
            "Le nouveau logo de la Municipalité 😬 Mon neveu de 8 ans aurait fait mieux.",
            "La fête d'hiver a été un fiasco parce que la direction a oublié le chapiteau.",
        ] {
            assert!(!kinds("st-urbain", text).is_empty(), "{text}");
        }
        for text in [
            "Ma fille de 4 ans a fait un dessin, elle fait mieux que moi 😂",
            "Mon neveu aurait fait mieux au hockey hier.",
            "Le souper de Noël de ma famille a été un fiasco, le four a lâché 😂",
            // A proverb about clothes after the author's own trade.
            "Mon opinion d'éducatrice : les enfants doivent jouer dehors. Y'a pas de mauvaise \
             température, juste des mauvais habits 🌧️",
        ] {
            assert!(kinds("st-urbain", text).is_empty(), "{text}");
        }
    }

    #[test]
    fn an_ironic_title_mocks_the_people_who_decide() {
        for text in [
            "0 $ pour réparer le toit de l'aréna. Bravo à nos grands génies 🤡",
            "Bravo à nos grands stratèges de l'hôtel de ville.",
        ] {
            assert_eq!(kinds("vallee-des-rivieres", text), ["venting"], "{text}");
        }
        for text in [
            "Merci à nos experts en sécurité incendie pour la formation!",
            "Bravo à nos grands champions de la ligue de hockey!",
        ] {
            assert!(kinds("vallee-des-rivieres", text).is_empty(), "{text}");
        }
    }
}
