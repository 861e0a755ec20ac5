//! What is said about people rather than a number of theirs: a citizen's file or
//! complaint number, a confidential matter (an investigation, a disciplinary measure, a
//! grievance, a harassment complaint, a sick leave, what was said "à huis clos", a
//! confidential report), and health information about an identifiable person.
//!
//! Each needs its context. A number after "plainte", "requête" or "constat" is a
//! citizen's; after "dossier", "demande" or "no" only when a person is named or
//! addressed in the sentence ("votre demande no 2025-0345"), never after a public
//! document ("règlement no 2023-145", "appel d'offres no AO-2025-03"). A matter is
//! confidential when it is about someone ("fait l'objet d'une enquête", "est en congé de
//! maladie"), not when the post speaks of it in general ("enquête de satisfaction",
//! "politique de confidentialité", "service confidentiel"). Health words count only
//! when said of a named person or a close one ("Léa est allergique aux arachides").

use std::sync::LazyLock;

use regex::{Regex, RegexSet};

use super::context::{Cue, Owner, compile};
use super::{Found, Kind, Reader};

static CASE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?x)
        \b(?P<word>dossiers?|demandes?|plaintes?|requetes?|constats?(?:\s+d'infraction)?|billets?(?:\s+d'infraction|\s+de\s+stationnement)?
           |tickets?|reclamations?|signalements?|references?|no|n°|n\.|numero|\#)
        (?:\s+(?:no|n°|n\.|numero|\#))?\.?\s*:?\s*
        (?:(?:est|etait|sera)\s+(?:le\s+)?)?
        (?P<id>(?:[a-z]{1,4}-?)?\d[\d-]{2,}[a-z0-9]*)",
    )
    .expect("case number")
});

const STRONG_CASE_WORDS: &[&str] = &[
    "plainte",
    "plaintes",
    "requete",
    "requetes",
    "constat",
    "constats",
    "billet",
    "billets",
    "ticket",
    "tickets",
    "reclamation",
    "reclamations",
    "signalement",
    "signalements",
];

static MATTER: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?x)
          \b(?:fait|font|faisait|faisaient|fera|ferait)\s+l'objet\s+d'une?\s+(?:enquete|plainte|mesure\s+disciplinaire|poursuite|accusation)s?\b
        | \bsous\s+enquete\b
        | \benquetes?\s+(?:interne|disciplinaire|administrative|criminelle|policiere|pour\s+harcelement|de\s+la\s+sq|de\s+police)s?\b
        | \benquete\s+(?:contre|visant|concernant|sur)\s+(?:m\.|mme|monsieur|madame|notre|nos|un\s+employe|une\s+employee|l'employe|l'employee|le\s+directeur|la\s+directrice|un\s+collegue|une\s+collegue|un\s+pompier|un\s+elu|une\s+elue|le\s+maire|la\s+mairesse|le\s+conseiller|la\s+conseillere|l'educatrice|une\s+educatrice)
        | \bsuspendue?s?\s+(?:sans\s+solde|de\s+ses\s+fonctions|pour\s+\d+\s+(?:jours|semaines)|pendant\s+\d+\s+(?:jours|semaines))
        | \bsuspension\s+(?:sans\s+solde|disciplinaire|de\s+\d+\s+(?:jours|semaines))
        | \bcongediee?s?\b
        | \b(?:a|ont|avait|aurait)\s+ete\s+(?:renvoyee?s?|mise?s?\s+a\s+pied|destituee?s?|retrogradee?s?)\b
        | \b(?:a|ont|avait|aurait|auraient)\s+(?:recu|eu|obtenu|ecope\s+d')\s*(?:une|des|d'une|de)?\s*(?:mesures?\s+disciplinaires?|suspensions?|blames?|reprimandes?)\b(?:\s+(?:disciplinaires?|ecrites?|sans\s+solde|de\s+\d+\s+(?:jours|semaines)))?
        | \b(?:avertissement\s+(?:ecrit|disciplinaire)|lettre\s+de\s+reprimande|reprimande\s+ecrite)\b
        | \b(?:un|le|son|sa|ses|leur|des|ce|deposer|depose|deposee|a\s+depose)\s+griefs?\b
        | \baccusee?s?\s+de\s+harcelement\b
        | \b(?:a|aurait|avoir|ont|auraient)\s+harcele\b
        | \b(?:est|sont|etait|etaient|sera|seront|est\s+toujours|est\s+encore|partie?s?|tombee?s?)\s+en\s+(?:conge\s+de\s+maladie|conge\s+maladie|arret\s+de\s+travail|arret\s+maladie|invalidite|burn-?out|epuisement\s+professionnel|conge\s+d'invalidite)\b
        | \b(?:son|sa|leur)\s+(?:conge\s+de\s+maladie|conge\s+maladie|arret\s+de\s+travail|arret\s+maladie|burn-?out|epuisement\s+professionnel)\b
        | \bfait\s+(?:un|une)\s+(?:burn-?out|depression|epuisement\s+professionnel)\b
        | \bdossier\s+(?:disciplinaire|d'employe|personnel\s+de|medical\s+de)\b",
    )
    .expect("matter")
});

/// Needs a person in the sentence and a report of what happened, not a rule.
static HARASSMENT_COMPLAINT: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"\bplaintes?\s+(?:pour|de|en)\s+harcelement\b|\bmesures?\s+disciplinaires?\b")
        .expect("harassment")
});

static GENERAL: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"\b(?:si|peut|peuvent|pourra|pourrait|pourraient|s'expose|s'exposent|passible|passibles|entrainer|entraine|comment|pour\s+deposer|deposer\s+une|toute|tout|politique|procedure|prevoit|prevoient)\b")
        .expect("general")
});

static HUIS_CLOS: LazyLock<Regex> =
    LazyLock::new(|| compile(r"\bhuis[ -]clos\b").expect("huis clos"));

static DISCLOSURE: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"\b(?:discute|discutee|discutes|decide|decidee|dit|dite|appris|revele|revelee|presente|presentee|confie|entendu|vote|votee|adopte|adoptee|selon|lors\s+du|pendant\s+le|au\s+cours\s+du|ce\s+qui\s+s'est|on\s+a|j'ai|il\s+a\s+ete|il\s+a|elle\s+a|congediement|renvoi|sanction)\b")
        .expect("disclosure")
});

static CONFIDENTIAL_REPORT: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?x)\b(?:rapport|document|note|courriel|memo|lettre|avis\s+juridique|proces-verbal|compte\s+rendu|enregistrement|evaluation|dossier)s?\s+confidentiel(?:le)?s?\b
        | \b(?:informations?|renseignements?)\s+confidentiel(?:le)?s?\s+(?:sur|concernant|au\s+sujet\s+de)\s+(?:m\.|mme|monsieur|madame|notre|nos|un|une|l'|le|la|son|sa|ses|cet|cette|\p{L}+\b)",
    )
    .expect("confidential report")
});

static PROTECTIVE: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"\b(?:proteg\p{L}*|securi\p{L}*|conserv\p{L}*|detrui\p{L}*|demeure\p{L}*|restent|reste|traite\p{L}*|politique|loi|aucun|aucune|jamais|garanti\p{L}*|respect\p{L}*|confidentialite)\b")
        .expect("protective")
});

static HEALTH: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?x)
          \b(?:est|sont|etait|etaient|a\s+ete|sera|est\s+devenue?|reste|demeure|est\s+maintenant)\s+(?:tres\s+|gravement\s+|severement\s+|legerement\s+)?
            (?:allergiques?|diabetiques?|epileptiques?|autistes?|asthmatiques?|celiaques?|bipolaires?|schizophrenes?|seropositi(?:f|ve)s?
              |hospitalisee?s?|enceintes?|malades?|atteinte?s?\s+(?:d'|de|du|des)|en\s+(?:depression|chimio|chimiotherapie|dialyse|therapie|sevrage|radiotherapie|convalescence|soins\s+palliatifs)
              |handicapee?s?|operee?s?|paralysee?s?|dyslexiques?|dysphasiques?|trisomiques?|intolerante?s?\s+(?:au|a\s+la|aux|a\s+l'))
        | \ballergiques?\s+(?:aux|au|a\s+la|a\s+l'|a)\b
        | \b(?:souffre|souffrait|souffrent|souffrant)\s+(?:d'|de|du|des)
        | \b(?:a|ont|avait)\s+(?:recu\s+)?(?:un|le)\s+diagnostic\b
        | \bdiagnostiquee?s?\b
        | \b(?:a|ont|avait|fait|faisait)\s+(?:le|la|un|une|des|de\s+l'|du|de\s+la|d')\s*(?:cancer|diabete|leucemie|tumeur|depression|epilepsie|asthme|tdah|sclerose|alzheimer|sida|vih|allergies?|fausse\s+couche|crises?\s+d'epilepsie|convulsions|commotion|varicelle|covid|gastro|coqueluche|rougeole|poux|infection|fracture)\b
        | \b(?:son|sa|ses|leur)\s+(?:allergies?|diabete|cancer|maladie|autisme|tdah|epilepsie|depression|traitement|medicaments?|epipen|epi-pen|diagnostic|handicap|grossesse|chimio|chimiotherapie|trouble|pompe)\b
        | \bprend\s+(?:du|des|de\s+la|de\s+l')\s*(?:ritalin|insuline|medicaments?|antidepresseurs?)\b",
    )
    .expect("health")
});

static GENERIC_PERSON: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"\b(?:si|chaque|tout\s+enfant|tous\s+les|toutes\s+les|les\s+enfants|des\s+enfants|un\s+enfant|une\s+personne|des\s+personnes|vos\s+enfants|votre\s+enfant|plusieurs|certains|certaines|quiconque|personnes)\b")
        .expect("generic person")
});

/// The matter and health triggers in one pass: most posts have none.
static TRIGGERS: LazyLock<RegexSet> = LazyLock::new(|| {
    RegexSet::new([
        MATTER.as_str(),
        HARASSMENT_COMPLAINT.as_str(),
        HUIS_CLOS.as_str(),
        CONFIDENTIAL_REPORT.as_str(),
        HEALTH.as_str(),
    ])
    .expect("triggers")
});

/// Confidential matters and health information (case numbers apart: they need digits).
pub fn find(r: &Reader<'_>, out: &mut Vec<Found>) {
    let hits = TRIGGERS.matches(r.scan.text());
    if hits.matched_any() {
        matters(r, &hits, out);
        if hits.matched(4) {
            health(r, out);
        }
    }
}

fn person_in(r: &Reader<'_>, sentence: &std::ops::Range<usize>, specific: bool) -> bool {
    r.cues().iter().any(|c: &Cue| {
        c.owner == Owner::Person
            && c.span.start >= sentence.start
            && c.span.end <= sentence.end
            && (c.specific || !specific)
    })
}

pub fn case_numbers(r: &Reader<'_>, out: &mut Vec<Found>) {
    let t = r.scan.text();
    for c in CASE.captures_iter(t) {
        let word = c.name("word").unwrap();
        let id = c.name("id").unwrap();
        let id_text = id.as_str().trim_end_matches('-');
        let id_span = id.start()..id.start() + id_text.len();
        if !r.isolated_end(id_span.end) || is_year(id_text) {
            continue;
        }
        let sentence = r.scan.sentence(word.start());
        let before = &t[sentence.start..word.start()];
        if r.public_number_before(before) {
            continue;
        }
        let strong = STRONG_CASE_WORDS.contains(&word.as_str());
        if strong || person_in(r, &sentence, false) {
            out.push(Found::new(Kind::CaseNumber, id_span));
        }
    }
}

fn is_year(id: &str) -> bool {
    id.len() == 4 && (id.starts_with("19") || id.starts_with("20"))
}

fn matters(r: &Reader<'_>, hits: &regex::SetMatches, out: &mut Vec<Found>) {
    let t = r.scan.text();
    let run = |i: usize, re: &'static Regex| hits.matched(i).then(|| re.find_iter(t));
    for m in run(0, &MATTER).into_iter().flatten() {
        out.push(Found::new(Kind::ConfidentialMatter, m.range()));
    }
    for m in run(1, &HARASSMENT_COMPLAINT).into_iter().flatten() {
        let sentence = r.scan.sentence(m.start());
        if person_in(r, &sentence, false) && !GENERAL.is_match(&t[sentence.clone()]) {
            out.push(Found::new(Kind::ConfidentialMatter, m.range()));
        }
    }
    for m in run(2, &HUIS_CLOS).into_iter().flatten() {
        let sentence = r.scan.sentence(m.start());
        let s = &t[sentence.clone()];
        if DISCLOSURE.is_match(s) || person_in(r, &sentence, true) {
            out.push(Found::new(Kind::ConfidentialMatter, m.range()));
        }
    }
    for m in run(3, &CONFIDENTIAL_REPORT).into_iter().flatten() {
        let sentence = r.scan.sentence(m.start());
        if !PROTECTIVE.is_match(&t[sentence]) {
            out.push(Found::new(Kind::ConfidentialMatter, m.range()));
        }
    }
}

fn health(r: &Reader<'_>, out: &mut Vec<Found>) {
    let t = r.scan.text();
    for m in HEALTH.find_iter(t) {
        let sentence = r.scan.sentence(m.start());
        let before = &t[sentence.start..m.start()];
        let named = r.cues().iter().any(|c| {
            c.owner == Owner::Person
                && c.specific
                && c.span.start >= sentence.start
                && c.span.end <= sentence.end
        });
        if named && !GENERIC_PERSON.is_match(before) {
            out.push(Found::new(Kind::HealthInfo, m.range()));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::run;

    fn kinds(profile: &str, text: &str) -> Vec<(String, String)> {
        run("confidential-data", profile, text)
            .into_iter()
            .map(|d| (d.kind.unwrap_or("").to_string(), text[d.span].to_string()))
            .collect()
    }

    fn has(profile: &str, text: &str, kind: &str) -> bool {
        kinds(profile, text).iter().any(|(k, _)| k == kind)
    }

    #[test]
    fn case_numbers_of_citizens() {
        assert_eq!(
            kinds("la-sarre", "Votre requête no 2025-01234 a été traitée."),
            [("case-number".into(), "2025-01234".into())]
        );
        assert!(has(
            "la-sarre",
            "Plainte 2025-0456 : bruit chez le voisin.",
            "case-number"
        ));
        assert!(has(
            "la-sarre",
            "Le dossier 24-00817 de M. Roy est en retard.",
            "case-number"
        ));
        assert!(has(
            "drummondville",
            "Constat d'infraction no 304518 remis à Luc.",
            "case-number"
        ));
        assert!(has(
            "la-sarre",
            "Mon billet #45821 est contesté.",
            "case-number"
        ));
    }

    #[test]
    fn public_numbers_are_not_case_numbers() {
        for text in [
            "Le règlement no 2023-145 entre en vigueur.",
            "Appel d'offres no AO-2025-03 : déneigement.",
            "Offre d'emploi no 2025-12 : journalier.",
            "Résolution no 2024-05-123 adoptée.",
            "Le dossier 2025 du budget sera présenté.",
            "Demande de soumissions no 2025-007 publiée sur le SEAO.",
            "Numéro d'entreprise du Québec (NEQ) 1171234567.",
        ] {
            assert!(
                !has("la-sarre", text, "case-number"),
                "{text}: {:?}",
                kinds("la-sarre", text)
            );
        }
    }

    #[test]
    fn confidential_matters_about_people() {
        for text in [
            "Notre directeur fait l'objet d'une enquête interne.",
            "Marc a été suspendu sans solde.",
            "Luc a déposé un grief contre son patron.",
            "Un col bleu a reçu une mesure disciplinaire.",
            "Ma collègue Julie est en congé de maladie depuis mars.",
            "Au huis clos, le conseil a discuté du congédiement de M. Roy.",
            "Selon un rapport confidentiel, trois cols bleus seront congédiés.",
            "Mme Roy a porté une plainte pour harcèlement contre son superviseur.",
        ] {
            assert!(
                has("la-sarre", text, "confidential-matter"),
                "{text}: {:?}",
                kinds("la-sarre", text)
            );
        }
    }

    #[test]
    fn general_talk_of_these_matters_is_not_confidential() {
        for text in [
            "Répondez à notre enquête de satisfaction sur les loisirs !",
            "Consultez notre politique de confidentialité en ligne.",
            "Un service confidentiel et gratuit, 24 h sur 24.",
            "La séance extraordinaire se tiendra à huis clos.",
            "Tout manquement peut entraîner des mesures disciplinaires.",
            "Pour déposer une plainte pour harcèlement, écrivez aux ressources humaines.",
            "Vos renseignements restent confidentiels.",
            "Les employés ont droit à dix jours de congé de maladie.",
        ] {
            assert!(
                kinds("la-sarre", text).is_empty(),
                "{text}: {:?}",
                kinds("la-sarre", text)
            );
        }
    }

    #[test]
    fn health_of_an_identifiable_person() {
        assert!(has(
            "cpe-premier-pas",
            "Léa est allergique aux arachides.",
            "health-info"
        ));
        assert!(has(
            "cpe-premier-pas",
            "Mon fils a reçu un diagnostic d'autisme.",
            "health-info"
        ));
        assert!(has(
            "cpe-premier-pas",
            "Le petit Théo a oublié son EpiPen.",
            "health-info"
        ));
        for text in [
            "Un enfant du groupe est allergique aux arachides : aucune noix.",
            "Si votre enfant est malade, gardez-le à la maison.",
            "Julie donnera une conférence sur l'autisme.",
            "C'est la Semaine de sensibilisation au diabète.",
        ] {
            assert!(
                kinds("cpe-premier-pas", text).is_empty(),
                "{text}: {:?}",
                kinds("cpe-premier-pas", text)
            );
        }
    }
}
