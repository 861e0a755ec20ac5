//! Confidential matters of the organisation itself, as the five policies name them:
//! what an employee or an elected member learns through their office and the public
//! does not know yet. Four classes:
//!
//! - what was said or decided in a closed deliberation: « huis clos », « comité
//!   plénier », « plénière », « caucus », « rencontre privée », « portes fermées »
//!   (« au huis clos de lundi, le conseil a accepté de verser 85 000 $… »);
//! - a transaction, an offer, a bid or a settlement not yet public: the organisation
//!   that will buy, offer or pay (« la Ville va acheter le terrain… »), an offer or a bid
//!   and its amount (« leur soumission était de 412 000 $ »), a settlement's cost, a
//!   departure that is decided (« sera remercié »); these need a post that says it is
//!   secret (« entre nous », « pas encore annoncé », « scoop ») or a closed deliberation,
//!   except a settlement out of court the organisation is ready to make, which is never
//!   public before the vote;
//! - the pay of one identifiable person (« le nouveau DG gagne 98 000 $ »);
//! - what the organisation's lawyers advise (« nos avocats estiment nos chances… »).
//!
//! What stays clean: a council summary that only says the council met in closed
//! session, a contract awarded in a public meeting, a call for tenders, a budget, a job
//! posting and its salary range, a purchase announced as done, one's own pay said in
//! general.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::super::context::compile;
use super::super::{Found, Kind, Reader};
use crate::text::phrases::gate::LazyRegex;

const CLOSED_SESSION: &str = "Ce qui s'est dit ou décidé à huis clos (comité plénier, caucus, rencontre privée) est confidentiel.";
const UNANNOUNCED: &str = "Transaction, offre, soumission ou règlement pas encore rendu public : information confidentielle de l'organisation.";
const SALARY: &str = "Salaire d'une personne reconnaissable : information confidentielle.";
const LEGAL_ADVICE: &str = "Avis des avocats de l'organisation : information confidentielle.";

/// An amount of money in folded text: « 340 000 $ », « 1,2 m$ », « 85 000 dollars ».
macro_rules! amount {
    () => {
        r"\d[\d\s.,]*(?:\s*(?:m|k|millions?\s+de))?\s*(?:\$|dollars)"
    };
}

/// A closed deliberation: where what is said stays confidential.
static VENUE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?x)\b(?:huis[\s-]clos|comite\s+pleniere?|(?:en|une|la|de|du)\s+pleniere(?:\s+fermee)?|caucus
        |(?:rencontre|reunion|seance|partie|session)\s+(?:privee|fermee|secrete)|portes?\s+fermees?)\b",
    )
    .expect("venue")
});

/// Words a closed deliberation cannot be named without.
const VENUE_WORDS: &[&str] = &["huis", "plenier", "caucus", "privee", "fermee", "secrete"];

/// What a closed deliberation decided: not « aucune décision », « les décisions seront
/// adoptées en séance publique ».
static DECIDED: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?x)\b(?:convenue?s?|s'est\s+entendue?|se\s+sont\s+entendue?s|on\s+s'est\s+entendue?s?
        |(?:a|ont|avait|avaient)\s+(?:deja\s+)?(?:decide|tranche|accepte|refuse|vote|choisi|opte|parle|jase|discute|recu)
        |(?:est|sont)\s+refusee?s?|la\s+majorite|ne\s+pas\s+renouveler)\b",
    )
    .expect("decided")
});

/// What else a sentence about a closed session discloses (the words the rule read
/// before the other venues were added): « ce qui s'est dit », « selon », « j'ai appris ».
static DISCLOSURE: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"\b(?:discute|discutee|discutes|decide|decidee|dit|dite|appris|revele|revelee|presente|presentee|confie|entendu|vote|votee|adopte|adoptee|selon|lors\s+du|pendant\s+le|au\s+cours\s+du|ce\s+qui\s+s'est|on\s+a|j'ai|il\s+a\s+ete|il\s+a|elle\s+a|congediement|renvoi|sanction)\b")
        .expect("disclosure")
});

/// A sentence that says the decisions are for the public meeting: « aucune décision
/// n'est prise à huis clos : toute résolution sera adoptée en séance publique ».
static PUBLIC_LATER: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\b(?:aucune\s+decision|seance\s+publique|partie\s+publique|publiquement|en\s+public)\b",
    )
    .expect("public later")
});

/// A post that says it tells a secret or what is not announced yet; compiled only for a
/// post that holds one of its words (most posts hold none).
static SECRECY: LazyRegex = LazyRegex::folded(
    r"(?x)\b(?:entre\s+nous|pas\s+encore\s+(?:annoncee?|officiel(?:le)?|publique?|rendue?\s+publique?)
    |rien\s+n'est\s+(?:encore\s+)?(?:annonce|officiel)|chut|scoop|gardez[\s-](?:ca|le|la)\s+pour\s+vous
    |sans\s+trahir|pas\s+entendu\s+de\s+moi|info\s+exclusive|pas\s+rentrer\s+dans\s+les\s+details
    |pas\s+le\s+droit\s+d'en\s+(?:dire|parler))\b|\x{1F92B}",
    &[
        "nous",
        "encore",
        "rien",
        "chut",
        "scoop",
        "gardez",
        "trahir",
        "entendu",
        "exclusive",
        "details",
        "droit",
        "\u{1F92B}",
    ],
);

/// What is not public yet, said after the fact in the next clause: « c'est signé mais
/// pas encore annoncé ».
static NOT_YET: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"\bpas\s+encore\s+(?:annoncee?|officiel(?:le)?|publique?|rendue?\s+publique?)\b")
        .expect("not yet")
});

/// A transaction, an offer, a bid, a settlement or a departure that the public does not
/// know of before the vote: a disclosure when the post says it is a secret or comes
/// from a closed deliberation.
static DEAL: LazyLock<Regex> = LazyLock::new(|| {
    compile(concat!(
        r"(?x)\b(?:la\s+ville|la\s+municipalite|le\s+conseil|la\s+mrc|le\s+cpe|les\s+elus|on)\s+
        (?:(?:va|vont|allait|irait|veut|voudrait|compte|pourrait|s'apprete\s+a|est\s+prete?\s+a
        |songe\s+a|pense\s+a|envisage\s+d'|envisage\s+de|penche\s+pour
        |a\s+convenu\s+d'|ont\s+convenu\s+d'|a\s+accepte\s+de|ont\s+accepte\s+de|a\s+decide\s+d')\s*
        (?:acheter|acquerir|offrir|verser|payer|vendre|debourser|regler|louer|ceder)
        |(?:achete|offri|verse|paie|paye|vend|acquer|regle|debourse|loue|cede)(?:rait|raient|ra|ront))\b
        |\b(?:l'|une\s+|leur\s+|son\s+|sa\s+)(?:offre|soumission|proposition)\s+(?:de|etait\s+de|est\s+de|sera\s+de|a)\s+",
        amount!(),
        r"|\brecu\s+(?:l'|une\s+)offre\b
        |\b(?:le|la)\s+plus\s+(?:bas|basse|haut|haute)\s+a\s+",
        amount!(),
        r"|\b(?:contrat|mandat)\b[^.;:]{0,40}?\bs'en\s+va\s+a\b
        |\b(?:entente|reglement|poursuite|litige)\b[^.;:,]{0,80}?\b(?:va|vont|pourrait|devrait|risque\s+de)\s+(?:nous\s+)?couter\b
        |\bindemnite\s+(?:de\s+depart\s+)?de\s+",
        amount!(),
        r"|\bsera\s+remerciee?\b|\bne\s+pas\s+renouveler\s+(?:le|son)\s+contrat\b",
    ))
    .expect("deal")
});

/// A settlement the organisation is ready to make: not public before the council votes.
static SETTLEMENT: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?x)\b(?:pret|prete|prets|pretes|propose|proposer|offrir|offre|va|vont|pourrait|pourraient|voudrait|compte|accepte|accepter)\s+
        (?:de\s+|a\s+|d')?regler\s+(?:hors\s+cour|a\s+l'amiable)\b",
    )
    .expect("settlement")
});

/// The pay of one person: a role or a name, then what they earn.
static PAY: LazyLock<Regex> = LazyLock::new(|| {
    compile(concat!(
        r"(?x)\b(?:gagne|gagnait|gagnera|touche|touchait|touchera|empoche|est\s+payee?|sera\s+payee?|etait\s+payee?
        |(?:a\s+ete\s+)?(?:engagee?|embauchee?))\s+(?:a\s+|pour\s+)?(?:pres\s+de\s+|environ\s+|plus\s+de\s+)?",
        amount!(),
        r"|\bsalaire\s+(?:du|de\s+la|de\s+l'|de\s+notre)\s+(?:nouvel(?:le)?\s+|nouveau\s+|ancien(?:ne)?\s+)?(?:d\.?\s?g\b|dg\b|directeur|directrice|greffier|greffiere|tresorier|tresoriere|maire|mairesse)",
    ))
    .expect("pay")
});

/// Who is paid: one person named by their role.
static ROLE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?x)\b(?:le|la|l'|notre|du|de\s+la)\s*(?:nouvel(?:le)?\s+|nouveau\s+|ancien(?:ne)?\s+)?
        (?:d\.?\s?g\.?|dg|directeur|directrice|greffier|greffiere|tresorier|tresoriere|maire|mairesse
        |contremaitre|coordonnateur|coordonnatrice|gerant|gerante|inspecteur|inspectrice|ingenieur|ingenieure|adjointe?)\b",
    )
    .expect("role")
});

/// What the organisation's lawyers think of its case.
static LEGAL: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?x)\b(?:nos|les|leurs)\s+avocats?\s+(?:de\s+la\s+(?:ville|municipalite)\s+)?(?:nous\s+)?
        (?:estiment|evaluent|pensent|croient|jugent|disent|conseillent|recommandent|considerent|craignent)\b
        |\bselon\s+nos\s+avocats\b|\bnos\s+chances\s+de\s+(?:succes|gagner|l'emporter)\b",
    )
    .expect("legal")
});

/// The confidential matters of the organisation in a post.
pub(in super::super) fn find(r: &Reader<'_>, out: &mut Vec<Found>) {
    let t = r.scan.text();
    let venue = VENUE_WORDS.iter().any(|w| t.contains(w)) && VENUE.is_match(t);
    let secret = SECRECY.is_match(t);
    if venue {
        closed_sessions(r, out);
    }
    if venue || secret {
        for m in DEAL.find_iter(t) {
            out.push(
                Found::new(Kind::ConfidentialMatter, clause(t, r, m.range())).message(UNANNOUNCED),
            );
        }
    }
    if t.contains("regler") {
        for m in SETTLEMENT.find_iter(t) {
            out.push(
                Found::new(Kind::ConfidentialMatter, clause(t, r, m.range())).message(UNANNOUNCED),
            );
        }
    }
    if t.contains("avocat") || t.contains("chances") {
        for m in LEGAL.find_iter(t) {
            out.push(
                Found::new(Kind::ConfidentialMatter, clause(t, r, m.range())).message(LEGAL_ADVICE),
            );
        }
    }
    if t.contains('$') || t.contains("dollars") || t.contains("salaire") {
        pay(r, out);
    }
}

/// What a sentence that names a closed deliberation says was decided there: the clause
/// of the first decision after the venue (after its colon when the decision announces
/// one: « le conseil a tranché : l'offre… est refusée »), else what comes before the
/// venue (« leur soumission était de 412 000 $, on l'a su en réunion privée »).
fn closed_sessions(r: &Reader<'_>, out: &mut Vec<Found>) {
    let t = r.scan.text();
    for v in VENUE.find_iter(t) {
        let sentence = r.scan.sentence(v.start());
        if PUBLIC_LATER.is_match(&t[sentence.clone()]) {
            continue;
        }
        let huis_clos = t[v.range()].starts_with("huis");
        // A venue written across a line break ("huis\nclos") ends after its sentence.
        let cue = |from: usize, to: usize| {
            let s = t.get(from..to)?;
            [&*DECIDED, &*DEAL]
                .into_iter()
                .chain(huis_clos.then_some(&*DISCLOSURE))
                .filter_map(|re| re.find(s))
                .map(|m| from + m.start()..from + m.end())
                .min_by_key(|m| m.start)
        };
        let span = if let Some(c) = cue(v.end(), sentence.end) {
            decided(t, v.end(), c, sentence.end)
        } else {
            // What comes before the venue, up to the clause that names it.
            let stop = t[sentence.start..v.start()]
                .rfind(is_stop)
                .map(|k| sentence.start + k);
            if cue(sentence.start, stop.unwrap_or(v.start())).is_some() {
                trimmed(t, sentence.start..stop.unwrap_or(sentence.end))
            } else if huis_clos && person_named(r, &sentence) {
                trimmed(t, sentence.clone())
            } else {
                continue;
            }
        };
        out.push(Found::new(Kind::ConfidentialMatter, span).message(CLOSED_SESSION));
    }
}

/// What a decision `cue` found after a venue ending at `from` discloses: from its clause
/// to the end of the sentence, but not a last remark on the secret (« même si rien
/// n'est encore annoncé »); after the colon when the decision announces what follows.
fn decided(t: &str, from: usize, cue: Range<usize>, end: usize) -> Range<usize> {
    let mut start = t[from..cue.start].rfind(is_stop).map_or(from, |k| {
        from + k + t[from + k..].chars().next().map_or(1, char::len_utf8)
    });
    let first = t[cue.end..end].find(is_stop).map(|k| cue.end + k);
    if let Some(colon) = first.filter(|&k| t[k..].starts_with(':')) {
        start = colon + 1;
    }
    let mut stop = end;
    let mut at = first;
    while let Some(k) = at {
        let next = k + t[k..].chars().next().map_or(1, char::len_utf8);
        let clause_end = t[next..end].find(is_stop).map_or(end, |j| next + j);
        if k > start && SECRECY.is_match(&t[next..clause_end]) {
            stop = k;
            break;
        }
        at = (clause_end < end).then_some(clause_end);
    }
    trimmed(t, start..stop)
}

/// The clause around `m` in its sentence, with what the next clause says is not public
/// yet (« …pour 340 000 $, c'est signé mais pas encore annoncé »).
fn clause(t: &str, r: &Reader<'_>, m: Range<usize>) -> Range<usize> {
    // A match written across a line break runs past the end of its line's sentence.
    let sentence = r.scan.sentence(m.start);
    let sentence = sentence.start..sentence.end.max(m.end);
    let start = t[sentence.start..m.start]
        .rfind(is_stop)
        .map_or(sentence.start, |k| {
            sentence.start
                + k
                + t[sentence.start + k..]
                    .chars()
                    .next()
                    .map_or(1, char::len_utf8)
        });
    let mut end = t[m.end..sentence.end]
        .find(is_stop)
        .map_or(sentence.end, |k| m.end + k);
    if end < sentence.end {
        let next = end + t[end..].chars().next().map_or(1, char::len_utf8);
        let next_end = t[next..sentence.end]
            .find(is_stop)
            .map_or(sentence.end, |k| next + k);
        if let Some(n) = NOT_YET.find(&t[next..next_end]) {
            end = next + n.end();
        }
    }
    trimmed(t, start.min(m.start)..end.max(m.end))
}

/// What ends a clause here: a comma not between digits (« 1,2 M$ »), a semicolon, a
/// colon, a bracket, a face or a pictogram.
fn is_stop(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '(' | ')')
        || matches!(c, '\u{2600}'..='\u{27bf}' | '\u{1f000}'..='\u{1faff}')
}

fn trimmed(t: &str, r: Range<usize>) -> Range<usize> {
    let s = &t[r.clone()];
    let start = r.start + (s.len() - s.trim_start().len());
    let end = r.start
        + s.trim_end_matches(|c: char| c.is_whitespace() || ".!?".contains(c))
            .len();
    if start < end { start..end } else { r }
}

fn person_named(r: &Reader<'_>, sentence: &Range<usize>) -> bool {
    r.cues().iter().any(|c| {
        c.owner == super::super::context::Owner::Person
            && c.specific
            && c.span.start >= sentence.start
            && c.span.end <= sentence.end
    })
}

/// The pay of one identifiable person: a role (« le nouveau DG ») or a named person in
/// the clause before the verb, not « je » nor a group (« les sauveteurs »).
fn pay(r: &Reader<'_>, out: &mut Vec<Found>) {
    let t = r.scan.text();
    for m in PAY.find_iter(t) {
        let sentence = r.scan.sentence(m.start());
        let before = &t[sentence.start..m.start()];
        let salary_of = t[m.range()].starts_with("salaire");
        let whose =
            salary_of || ROLE.is_match(before) || person_named(r, &(sentence.start..m.start()));
        if whose && !generic(before) {
            out.push(Found::new(Kind::ConfidentialMatter, clause(t, r, m.range())).message(SALARY));
        }
    }
}

/// A job posting or a group: « le poste », « les sauveteurs », « je ».
fn generic(before: &str) -> bool {
    static GENERIC: LazyLock<Regex> = LazyLock::new(|| {
        compile(r"\b(?:poste|postes|emploi|offre|affichage|recrute|recrutons|les|des|je|j'|on|nous)\s*$")
            .expect("generic pay")
    });
    GENERIC.is_match(before.trim_end())
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::run;

    const PERSONAL: &str =
        "+++\naccount = \"personal\"\nauthor = \"employee\"\nplatform = \"facebook\"\n+++\n";
    const OFFICIAL: &str =
        "+++\naccount = \"official\"\nauthor = \"communications\"\nplatform = \"facebook\"\n+++\n";

    /// The excerpts of the confidential matters found in a post with this front matter.
    fn matters(front: &str, body: &str) -> Vec<String> {
        let text = format!("{front}{body}");
        run("confidential-data", "la-sarre", &text)
            .into_iter()
            .filter(|d| d.kind == Some("confidential-matter"))
            .map(|d| text[d.span].to_string())
            .collect()
    }

    fn assert_found(front: &str, body: &str, excerpt: &str) {
        let found = matters(front, body);
        assert!(found.iter().any(|f| f == excerpt), "{body}: {found:?}");
    }

    fn assert_clean(front: &str, body: &str) {
        let found = matters(front, body);
        assert!(found.is_empty(), "{body}: {found:?}");
    }

    #[test]
    fn the_secrecy_gate_holds_a_word_of_every_match() {
        crate::text::phrases::gate::assert_gate("SECRECY", &super::SECRECY);
    }

    #[test]
    fn what_a_closed_deliberation_decided() {
        assert_found(
            PERSONAL,
            "Au caucus de mardi, les élus ont convenu de fermer la piscine Frigon.",
            "les élus ont convenu de fermer la piscine Frigon",
        );
        assert_found(
            PERSONAL,
            "En comité plénier, la majorité s'est entendue pour vendre l'ancien garage, même si rien n'est encore annoncé.",
            "la majorité s'est entendue pour vendre l'ancien garage",
        );
        assert_found(
            PERSONAL,
            "Lors de la réunion privée, le conseil a tranché : la soumission de Béton Roy est refusée.",
            "la soumission de Béton Roy est refusée",
        );
        assert_found(
            PERSONAL,
            "Leur soumission était de 95 000 $, on l'a appris en rencontre privée.",
            "Leur soumission était de 95 000 $",
        );
    }

    #[test]
    fn a_closed_session_said_without_what_was_decided_is_clean() {
        for body in [
            "Le conseil s'est réuni à huis clos lundi soir. Aucune décision n'y a été prise.",
            "Aucune décision n'est prise à huis clos : toute résolution sera adoptée en séance publique le 16 mars.",
            "Le conseil s'est réuni en comité plénier mardi. Les décisions seront adoptées publiquement le 3 mars.",
            "Séance à huis clos ce soir pour discuter d'un dossier de ressources humaines.",
        ] {
            assert_clean(OFFICIAL, body);
        }
    }

    #[test]
    fn a_venue_split_by_a_line_break_is_read_without_a_panic() {
        // The venue's words straddle the end of the line's sentence.
        assert_clean(
            PERSONAL,
            "Les décisions prises à huis\nclos et les transactions dites en secret restent tues.",
        );
    }

    #[test]
    fn a_transaction_told_as_a_secret() {
        assert_found(
            PERSONAL,
            "Entre nous, la Ville va acquérir l'ancienne gare pour 500 000 $, c'est pas encore officiel.",
            "la Ville va acquérir l'ancienne gare pour 500 000 $, c'est pas encore officiel",
        );
        assert_found(
            PERSONAL,
            "Scoop : la municipalité paierait 2 M$ pour le terrain du golf. Chut!",
            "la municipalité paierait 2 M$ pour le terrain du golf",
        );
        assert_found(
            PERSONAL,
            "Les soumissions ferment lundi, mais entre nous, Pavage Roy est le plus bas à 88 000 $.",
            "Pavage Roy est le plus bas à 88 000 $",
        );
    }

    #[test]
    fn a_settlement_the_organisation_is_ready_to_make() {
        assert_found(
            PERSONAL,
            "Pour la poursuite de Construction Roy, la Ville est prête à régler hors cour pour 60 000 $.",
            "la Ville est prête à régler hors cour pour 60 000 $",
        );
        assert_clean(
            OFFICIAL,
            "La Ville et Construction Roy ont conclu un règlement hors cour approuvé en séance publique.",
        );
    }

    #[test]
    fn public_transactions_bids_and_budgets_are_clean() {
        for body in [
            "Le contrat de déneigement a été octroyé à Excavation Roy inc., plus bas soumissionnaire conforme, pour 412 000 $.",
            "Le budget 2026 prévoit 2,4 M$ pour la réfection des rues.",
            "Appel d'offres public : dépôt des soumissions avant le 14 octobre, 11 h.",
            "Lors de la séance publique, le conseil a autorisé l'achat du terrain de l'ancien garage pour 340 000 $.",
            "La Ville va acheter de nouveaux bacs bruns pour 45 000 $.",
            "Tarifs du camp de jour : 85 $ par semaine, 70 $ pour le deuxième enfant.",
        ] {
            assert_clean(OFFICIAL, body);
        }
        assert_clean(
            PERSONAL,
            "Entre nous, la nouvelle cuisinière sait pas faire cuire des pâtes.",
        );
    }

    #[test]
    fn the_pay_of_one_person() {
        assert_found(
            PERSONAL,
            "La nouvelle greffière gagne 91 000 $ par année, pis elle vient d'arriver.",
            "La nouvelle greffière gagne 91 000 $ par année",
        );
        assert_found(
            PERSONAL,
            "Le contremaître a été engagé à 75 000 $ alors que le poste était affiché à 65 000 $.",
            "Le contremaître a été engagé à 75 000 $ alors que le poste était affiché à 65 000 $",
        );
    }

    #[test]
    fn a_job_posting_and_ones_own_pay_are_clean() {
        assert_clean(
            OFFICIAL,
            "Nous recrutons un conseiller en communication. Salaire de 78 000 $ à 98 000 $, mode hybride.",
        );
        assert_clean(
            OFFICIAL,
            "Le poste est payé 26,50 $ l'heure, avec avantages sociaux.",
        );
        assert_clean(PERSONAL, "Je gagne 22 $ de l'heure et j'adore mon travail.");
        assert_clean(
            PERSONAL,
            "Les éducatrices méritent un meilleur salaire partout au Québec.",
        );
    }

    #[test]
    fn what_the_organisations_lawyers_advise() {
        assert_found(
            PERSONAL,
            "Le procès commence en mai; selon nos avocats, on devrait perdre.",
            "selon nos avocats",
        );
        assert_found(
            OFFICIAL,
            "La Ville conteste la réclamation; nos avocats estiment nos chances de succès à 70 %.",
            "nos avocats estiment nos chances de succès à 70 %",
        );
        assert_clean(
            PERSONAL,
            "Besoin d'aide juridique? Consultez un avocat de l'aide juridique.",
        );
    }
}
