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
//!
//! Start-up: a post is read for these only where its words allow. One pass finds the
//! trigger words ([`TRIGGERS`]); each pattern, split at its top-level alternatives, is
//! compiled on the first post that holds the words one of its alternatives needs.

use std::ops::Range;
use std::sync::{LazyLock, OnceLock};

use regex::Regex;

use super::context::{Cue, Owner, compile};
use super::literals::{Needles, boundary, is_space, is_word_byte, starts_with, word_runs};
use super::{Found, Kind, Reader};

mod organisation;

pub(super) static CASE: LazyLock<Regex> = LazyLock::new(|| {
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

/// The words [`CASE`] starts with, shortest form (a plural is a word of the gap).
const CASE_WORDS: &[&str] = &[
    "dossier",
    "demande",
    "plainte",
    "requete",
    "constat",
    "billet",
    "ticket",
    "reclamation",
    "signalement",
    "reference",
    "numero",
    "no",
    "n°",
    "n.",
];

/// The words [`CASE`] allows between its first word and the number: plurals, "d'infraction",
/// "de stationnement", "no", "n°", "numero", "est le".
const CASE_GAP_WORDS: &[&str] = &[
    "s",
    "d",
    "infraction",
    "de",
    "stationnement",
    "no",
    "n",
    "numero",
    "est",
    "etait",
    "sera",
    "le",
];

/// Where [`CASE`] can match: one of its words at a word boundary (or `#` after a word),
/// then only its gap words, spaces and `.:#'-°`, then a number of three digits or dashes,
/// which up to four letters and a dash may precede.
pub(super) fn has_case_shape(t: &str) -> bool {
    let b = t.as_bytes();
    (0..b.len()).any(|i| {
        if b[i] == b'#' {
            return i > 0 && is_word_byte(b[i - 1]) && case_gap(b, i + 1);
        }
        matches!(b[i], b'b'..=b'd' | b'n' | b'p' | b'r'..=b't')
            && boundary(b, i)
            && CASE_WORDS
                .iter()
                .any(|w| starts_with(b, i, w.as_bytes()) && case_gap(b, i + w.len()))
    })
}

/// True when the text from `i` is a gap [`CASE`] allows, then its number.
fn case_gap(b: &[u8], mut i: usize) -> bool {
    loop {
        let Some(&c) = b.get(i) else {
            return false;
        };
        if c.is_ascii_digit() {
            let more = |k: usize| b.get(k).is_some_and(|&d| d.is_ascii_digit() || d == b'-');
            return more(i + 1) && more(i + 2);
        }
        if is_space(c) || b".:#'-".contains(&c) {
            i += 1;
        } else if b[i..].starts_with("°".as_bytes()) {
            i += "°".len();
        } else if c.is_ascii_lowercase() {
            let end = i + b[i..].iter().take_while(|c| c.is_ascii_lowercase()).count();
            let before_number = match b.get(end) {
                Some(d) if d.is_ascii_digit() => true,
                Some(b'-') => b.get(end + 1).is_some_and(u8::is_ascii_digit),
                _ => false,
            };
            if !gap_words(&b[i..end], before_number) {
                return false;
            }
            i = end;
        } else {
            return false;
        }
    }
}

/// True when `run` is made of gap words, and, before the number, of up to four more
/// letters (the number's own, "ao" in "AO-2025-03").
fn gap_words(run: &[u8], before_number: bool) -> bool {
    run.is_empty()
        || (before_number && run.len() <= 4)
        || CASE_GAP_WORDS
            .iter()
            .any(|w| run.starts_with(w.as_bytes()) && gap_words(&run[w.len()..], before_number))
}

/// A pattern split at its top-level alternatives, each with the trigger words it needs.
struct Part {
    pattern: &'static str,
    /// Any of these trigger bits.
    needs: u64,
    /// And any of these, when not zero.
    and: u64,
    /// And any of these strings, when not empty.
    holds: &'static [&'static str],
}

impl Part {
    const fn new(pattern: &'static str, needs: u64) -> Part {
        Part {
            pattern,
            needs,
            and: 0,
            holds: &[],
        }
    }

    fn can_match(&self, mask: u64, t: &str) -> bool {
        mask & self.needs != 0
            && (self.and == 0 || mask & self.and != 0)
            && (self.holds.is_empty() || self.holds.iter().any(|h| t.contains(h)))
    }
}

// Trigger bits: what the alternatives need, found by [`TRIGGERS`].
const OBJECT: u64 = 1 << 0;
const INQUIRY: u64 = 1 << 1;
const SUSPENDED: u64 = 1 << 2;
const SUSPENSION: u64 = 1 << 3;
const DISMISSED: u64 = 1 << 4;
const DEMOTED: u64 = 1 << 5;
const RECEIVED: u64 = 1 << 6;
const REPRIMAND: u64 = 1 << 7;
const GRIEVANCE: u64 = 1 << 8;
const HARASS: u64 = 1 << 9;
const SICK_LEAVE: u64 = 1 << 10;
const DISABILITY: u64 = 1 << 11;
const BURNOUT: u64 = 1 << 12;
const FILE: u64 = 1 << 13;
const FILE_KIND: u64 = 1 << 14;
const HARASSMENT: u64 = 1 << 15;
const DISCIPLINARY: u64 = 1 << 16;
const CONFIDENTIAL: u64 = 1 << 18;
const CHRONIC: u64 = 1 << 19;
const ALLERGIC: u64 = 1 << 20;
const SUFFERS: u64 = 1 << 21;
const DIAGNOSIS: u64 = 1 << 22;
const DIAGNOSED: u64 = 1 << 23;
const DISEASE: u64 = 1 << 24;
const THEIR_CONDITION: u64 = 1 << 25;
const TAKES: u64 = 1 << 26;
const PREGNANT: u64 = 1 << 27;
const SICK: u64 = 1 << 28;
const STRICKEN: u64 = 1 << 29;
const TREATED: u64 = 1 << 30;
const DISABLED: u64 = 1 << 31;
/// A word [`CASE`] starts with (a `#` after a word is looked for apart).
pub(super) const CASE_WORD: u64 = 1 << 32;
/// A word of birth: [`super::dates`] reads the post only when it has one.
pub(super) const BIRTH_WORD: u64 = 1 << 33;

/// Trigger words by bit, each starting a word (a prefix, or `=` for a whole word) where
/// the pattern has it after `\b` or `\s`.
const TRIGGER_WORDS: &[(u64, &[&str])] = &[
    (OBJECT, &["l'objet"]),
    (INQUIRY, &["enquete"]),
    (SUSPENDED, &["suspendu"]),
    (SUSPENSION, &["suspension"]),
    (DISMISSED, &["congedie"]),
    (DEMOTED, &["renvoye", "pied=", "destitue", "retrograde"]),
    (RECEIVED, &["recu", "eu", "obtenu", "ecope"]),
    (REPRIMAND, &["avertissement", "reprimande"]),
    (GRIEVANCE, &["grief"]),
    (HARASS, &["harcel"]),
    (SICK_LEAVE, &["maladie=", "arret=", "epuisement=", "burn"]),
    (DISABILITY, &["invalidite="]),
    (BURNOUT, &["burn", "depression=", "epuisement="]),
    (FILE, &["dossier="]),
    (
        FILE_KIND,
        &["disciplinaire", "d'employe", "personnel=", "medical="],
    ),
    (HARASSMENT, &["harcelement="]),
    (DISCIPLINARY, &["disciplinaire"]),
    (
        CONFIDENTIAL,
        &[
            "confidentiel=",
            "confidentielle=",
            "confidentiels=",
            "confidentielles=",
        ],
    ),
    (
        CHRONIC,
        &[
            "allergique",
            "diabetique",
            "epileptique",
            "autiste",
            "asthmatique",
            "celiaque",
            "bipolaire",
            "schizophrene",
            "seropositi",
            "hospitalise",
        ],
    ),
    (PREGNANT, &["enceinte"]),
    (SICK, &["malade"]),
    (STRICKEN, &["atteint"]),
    // "en dépression", "en chimio"...
    (
        TREATED,
        &[
            "depression",
            "chimio",
            "dialyse",
            "therapie",
            "sevrage",
            "radiotherapie",
            "convalescence",
            "soins",
        ],
    ),
    (
        DISABLED,
        &[
            "handicape",
            "opere",
            "paralyse",
            "dyslexique",
            "dysphasique",
            "trisomique",
            "intolerant",
        ],
    ),
    (ALLERGIC, &["allergique"]),
    (SUFFERS, &["souffr"]),
    (DIAGNOSIS, &["diagnostic="]),
    (DIAGNOSED, &["diagnostique"]),
    (DISEASE, DISEASES),
    (
        THEIR_CONDITION,
        &[
            "allergie",
            "diabete",
            "cancer",
            "maladie",
            "autisme",
            "tdah",
            "epilepsie",
            "depression",
            "traitement",
            "medicament",
            "epipen",
            "epi-pen",
            "diagnostic",
            "handicap",
            "grossesse",
            "chimio",
            "trouble",
            "pompe",
        ],
    ),
    (TAKES, &["prend="]),
    (CASE_WORD, CASE_WORDS),
    (
        BIRTH_WORD,
        &[
            "ne=",
            "nee=",
            "nes=",
            "nees=",
            "ddn=",
            "naissance=",
            "naissances=",
            "monde=",
        ],
    ),
];

/// What a person "a" or "fait" in [`HEALTH_PARTS`]: after an article that may be glued
/// to it ("lecancer" is matched: `\s*`), so also found after these articles.
const DISEASES: &[&str] = &[
    "cancer",
    "diabete",
    "leucemie",
    "tumeur",
    "depression",
    "epilepsie",
    "asthme",
    "tdah",
    "sclerose",
    "alzheimer",
    "sida",
    "vih",
    "allergie",
    "fausse",
    "crise",
    "convulsions",
    "commotion",
    "varicelle",
    "covid",
    "gastro",
    "coqueluche",
    "rougeole",
    "poux",
    "infection",
    "fracture",
];

const GLUED_ARTICLES: &[&str] = &["le", "la", "un", "une", "des", "du"];

static TRIGGERS: LazyLock<Needles> = LazyLock::new(|| {
    let mut needles = Vec::new();
    for &(bit, words) in TRIGGER_WORDS {
        for w in words {
            let (w, whole) = match w.strip_suffix('=') {
                Some(w) => (w, true),
                None => (*w, false),
            };
            needles.push((w.to_string(), whole, bit));
        }
    }
    for a in GLUED_ARTICLES {
        for d in DISEASES {
            needles.push(([*a, *d].concat(), false, DISEASE));
        }
    }
    Needles::new(needles)
});

/// `MATTER`, one alternative a part, in its order.
const MATTER_PARTS: &[Part] = &[
    Part::new(
        r"(?x)\b(?:fait|font|faisait|faisaient|fera|ferait)\s+l'objet\s+d'une?\s+(?:enquete|plainte|mesure\s+disciplinaire|poursuite|accusation)s?\b",
        OBJECT,
    ),
    Part::new(r"(?x)\bsous\s+enquete\b", INQUIRY),
    Part::new(
        r"(?x)\benquetes?\s+(?:interne|disciplinaire|administrative|criminelle|policiere|pour\s+harcelement|de\s+la\s+sq|de\s+police)s?\b",
        INQUIRY,
    ),
    Part::new(
        r"(?x)\benquete\s+(?:contre|visant|concernant|sur)\s+(?:m\.|mme|monsieur|madame|notre|nos|un\s+employe|une\s+employee|l'employe|l'employee|le\s+directeur|la\s+directrice|un\s+collegue|une\s+collegue|un\s+pompier|un\s+elu|une\s+elue|le\s+maire|la\s+mairesse|le\s+conseiller|la\s+conseillere|l'educatrice|une\s+educatrice)",
        INQUIRY,
    ),
    Part::new(
        r"(?x)\bsuspendue?s?\s+(?:sans\s+solde|de\s+ses\s+fonctions|(?:(?:pour|pendant|durant)\s+)?(?:\d+|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze)\s+(?:jours?|semaines?|mois))",
        SUSPENDED,
    ),
    Part::new(
        r"(?x)\bsuspension\s+(?:sans\s+solde|disciplinaire|(?:de\s+|d')(?:\d+|une?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze)\s+(?:jours?|semaines?|mois))",
        SUSPENSION,
    ),
    Part::new(r"(?x)\bcongediee?s?\b", DISMISSED),
    Part::new(
        r"(?x)\b(?:a|ont|avait|aurait)\s+ete\s+(?:renvoyee?s?|mise?s?\s+a\s+pied|destituee?s?|retrogradee?s?)\b",
        DEMOTED,
    ),
    Part {
        pattern: r"(?x)\b(?:a|ont|avait|aurait|auraient)\s+(?:recu|eu|obtenu|ecope\s+d')\s*(?:une|des|d'une|de)?\s*(?:mesures?\s+disciplinaires?|suspensions?|blames?|reprimandes?)\b(?:\s+(?:disciplinaires?|ecrites?|sans\s+solde|de\s+\d+\s+(?:jours|semaines)))?",
        needs: RECEIVED,
        and: 0,
        holds: &["disciplinaire", "suspension", "blame", "reprimande"],
    },
    Part::new(
        r"(?x)\b(?:avertissement\s+(?:ecrit|disciplinaire)|lettre\s+de\s+reprimande|reprimande\s+ecrite)\b",
        REPRIMAND,
    ),
    Part::new(
        r"(?x)\b(?:un|le|son|sa|ses|leur|des|ce|deposer|depose|deposee|a\s+depose)\s+griefs?\b",
        GRIEVANCE,
    ),
    Part::new(r"(?x)\baccusee?s?\s+de\s+harcelement\b", HARASS),
    Part::new(r"(?x)\b(?:a|aurait|avoir|ont|auraient)\s+harcele\b", HARASS),
    Part::new(
        r"(?x)\b(?:est|sont|etait|etaient|sera|seront|est\s+toujours|est\s+encore|partie?s?|tombee?s?)\s+en\s+(?:conge\s+de\s+maladie|conge\s+maladie|arret\s+de\s+travail|arret\s+maladie|invalidite|burn-?out|epuisement\s+professionnel|conge\s+d'invalidite)\b",
        SICK_LEAVE | DISABILITY,
    ),
    Part::new(
        r"(?x)\b(?:son|sa|leur)\s+(?:conge\s+de\s+maladie|conge\s+maladie|arret\s+de\s+travail|arret\s+maladie|burn-?out|epuisement\s+professionnel)\b",
        SICK_LEAVE,
    ),
    Part::new(
        r"(?x)\bfait\s+(?:un|une)\s+(?:burn-?out|depression|epuisement\s+professionnel)\b",
        BURNOUT,
    ),
    Part {
        pattern: r"(?x)\bdossier\s+(?:disciplinaire|d'employe|personnel\s+de|medical\s+de)\b",
        needs: FILE,
        and: FILE_KIND,
        holds: &[],
    },
];

/// Needs a person in the sentence and a report of what happened, not a rule.
static HARASSMENT_COMPLAINT: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"\bplaintes?\s+(?:pour|de|en)\s+harcelement\b|\bmesures?\s+disciplinaires?\b")
        .expect("harassment")
});

static GENERAL: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"\b(?:si|peut|peuvent|pourra|pourrait|pourraient|s'expose|s'exposent|passible|passibles|entrainer|entraine|comment|pour\s+deposer|deposer\s+une|toute|tout|politique|procedure|prevoit|prevoient)\b")
        .expect("general")
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

/// A condition after a verb of state, the first alternative of `HEALTH`.
macro_rules! condition {
    ($conditions:literal) => {
        concat!(
            r"(?x)\b(?:est|sont|etait|etaient|a\s+ete|sera|est\s+devenue?|reste|demeure|est\s+maintenant)\s+(?:tres\s+|gravement\s+|severement\s+|legerement\s+)?(?:",
            $conditions,
            ")"
        )
    };
}

/// `HEALTH`, one alternative a part, in its order; the first ("est allergique", "est en
/// chimio") split by the condition, a pattern for each group of conditions with a trigger
/// bit. At one start only one condition can follow the verb: the split finds the same
/// matches.
const HEALTH_PARTS: &[Part] = &[
    Part::new(
        condition!(
            r"allergiques?|diabetiques?|epileptiques?|autistes?|asthmatiques?|celiaques?|bipolaires?|schizophrenes?|seropositi(?:f|ve)s?|hospitalisee?s?"
        ),
        CHRONIC,
    ),
    Part::new(condition!(r"enceintes?"), PREGNANT),
    Part::new(condition!(r"malades?"), SICK),
    Part::new(condition!(r"atteinte?s?\s+(?:d'|de|du|des)"), STRICKEN),
    Part::new(
        condition!(
            r"en\s+(?:depression|chimio|chimiotherapie|dialyse|therapie|sevrage|radiotherapie|convalescence|soins\s+palliatifs)"
        ),
        TREATED,
    ),
    Part::new(
        condition!(
            r"handicapee?s?|operee?s?|paralysee?s?|dyslexiques?|dysphasiques?|trisomiques?|intolerante?s?\s+(?:au|a\s+la|aux|a\s+l')"
        ),
        DISABLED,
    ),
    Part::new(
        r"(?x)\ballergiques?\s+(?:aux|au|a\s+la|a\s+l'|a)\b",
        ALLERGIC,
    ),
    Part::new(
        r"(?x)\b(?:souffre|souffrait|souffrent|souffrant)\s+(?:d'|de|du|des)",
        SUFFERS,
    ),
    Part::new(
        r"(?x)\b(?:a|ont|avait)\s+(?:recu\s+)?(?:un|le)\s+diagnostic\b",
        DIAGNOSIS,
    ),
    Part::new(r"(?x)\bdiagnostiquee?s?\b", DIAGNOSED),
    Part::new(
        r"(?x)\b(?:a|ont|avait|fait|faisait)\s+(?:le|la|un|une|des|de\s+l'|du|de\s+la|d')\s*(?:cancer|diabete|leucemie|tumeur|depression|epilepsie|asthme|tdah|sclerose|alzheimer|sida|vih|allergies?|fausse\s+couche|crises?\s+d'epilepsie|convulsions|commotion|varicelle|covid|gastro|coqueluche|rougeole|poux|infection|fracture)\b",
        DISEASE,
    ),
    Part::new(
        r"(?x)\b(?:son|sa|ses|leur)\s+(?:allergies?|diabete|cancer|maladie|autisme|tdah|epilepsie|depression|traitement|medicaments?|epipen|epi-pen|diagnostic|handicap|grossesse|chimio|chimiotherapie|trouble|pompe)\b",
        THEIR_CONDITION,
    ),
    Part::new(
        r"(?x)\bprend\s+(?:du|des|de\s+la|de\s+l')\s*(?:ritalin|insuline|medicaments?|antidepresseurs?)\b",
        TAKES,
    ),
];

static MATTER_REGEXES: [OnceLock<Regex>; MATTER_PARTS.len()] =
    [const { OnceLock::new() }; MATTER_PARTS.len()];

static HEALTH_REGEXES: [OnceLock<Regex>; HEALTH_PARTS.len()] =
    [const { OnceLock::new() }; HEALTH_PARTS.len()];

/// The compiled parts of a split pattern that can match `t`, in their order.
fn parts_for<'a>(
    parts: &'static [Part],
    compiled: &'a [OnceLock<Regex>],
    mask: u64,
    t: &str,
) -> Vec<&'a Regex> {
    parts
        .iter()
        .zip(compiled)
        .filter(|(p, _)| p.can_match(mask, t))
        .map(|(p, re)| re.get_or_init(|| compile(p.pattern).expect("matter pattern")))
        .collect()
}

/// The matches of the alternation of `parts`, leftmost first and not overlapping, as
/// the whole pattern's `find_iter` gave them: at the leftmost start, the first part.
fn union_matches(t: &str, parts: &[&Regex]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    while at <= t.len() {
        let mut best: Option<regex::Match<'_>> = None;
        for re in parts {
            if let Some(m) = re.find_at(t, at)
                && best.is_none_or(|b| m.start() < b.start())
            {
                best = Some(m);
            }
        }
        let Some(m) = best else {
            break;
        };
        out.push(m.range());
        // No part matches an empty string; the guard keeps the loop finite anyway.
        at = if m.end() > m.start() {
            m.end()
        } else {
            m.end() + 1
        };
    }
    out
}

/// The trigger words of a folded text, as bits: what the patterns of this rule need.
pub fn triggers(t: &str) -> u64 {
    TRIGGERS.scan(t)
}

/// Confidential matters and health information (case numbers apart: they need digits).
pub fn find(r: &Reader<'_>, out: &mut Vec<Found>) {
    let mask = r.triggers;
    if mask != 0 {
        matters(r, mask, out);
        health(r, mask, out);
    }
    organisation::find(r, out);
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
    if (r.triggers & CASE_WORD == 0 && !t.contains('#')) || !has_case_shape(t) {
        return;
    }
    for c in CASE.captures_iter(t) {
        let word = c.name("word").unwrap();
        let id = c.name("id").unwrap();
        let id_text = id.as_str().trim_end_matches('-');
        let id_span = id.start()..id.start() + id_text.len();
        if !r.isolated_end(id_span.end) || is_year(id_text) || is_service_line(id_text) {
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

/// A public three-digit service line (211, 311, 811, 911…): "Pour une plainte : 311" gives
/// the number to call, not a file's.
fn is_service_line(id: &str) -> bool {
    let b = id.as_bytes();
    b.len() == 3 && (b'2'..=b'9').contains(&b[0]) && &b[1..] == b"11"
}

fn is_year(id: &str) -> bool {
    id.len() == 4 && (id.starts_with("19") || id.starts_with("20"))
}

fn matters(r: &Reader<'_>, mask: u64, out: &mut Vec<Found>) {
    let t = r.scan.text();
    let parts = parts_for(MATTER_PARTS, &MATTER_REGEXES, mask, t);
    for m in union_matches(t, &parts) {
        // "La collecte est suspendue pour deux semaines": a service, not a person.
        if t[m.clone()].starts_with("suspendu") && !person_in(r, &r.scan.sentence(m.start), false) {
            continue;
        }
        out.push(Found::new(Kind::ConfidentialMatter, m));
    }
    let run = |bits: u64, re: &'static LazyLock<Regex>| (mask & bits != 0).then(|| re.find_iter(t));
    for m in run(HARASSMENT | DISCIPLINARY, &HARASSMENT_COMPLAINT)
        .into_iter()
        .flatten()
    {
        let sentence = r.scan.sentence(m.start());
        if person_in(r, &sentence, false) && !GENERAL.is_match(&t[sentence.clone()]) {
            out.push(Found::new(Kind::ConfidentialMatter, m.range()));
        }
    }
    for m in run(CONFIDENTIAL, &CONFIDENTIAL_REPORT)
        .into_iter()
        .flatten()
    {
        let sentence = r.scan.sentence(m.start());
        if !PROTECTIVE.is_match(&t[sentence]) {
            out.push(Found::new(Kind::ConfidentialMatter, m.range()));
        }
    }
}

fn health(r: &Reader<'_>, mask: u64, out: &mut Vec<Found>) {
    let t = r.scan.text();
    let parts = parts_for(HEALTH_PARTS, &HEALTH_REGEXES, mask, t);
    for m in union_matches(t, &parts) {
        let sentence = r.scan.sentence(m.start);
        let before = &t[sentence.start..m.start];
        let named = r.cues().iter().any(|c| {
            c.owner == Owner::Person
                && c.specific
                && c.span.start >= sentence.start
                && c.span.end <= sentence.end
        });
        // Every generic phrase holds one of these words.
        let generic = || {
            has_word(
                before,
                &[
                    "si",
                    "chaque",
                    "enfant",
                    "enfants",
                    "tous",
                    "toutes",
                    "personne",
                    "personnes",
                    "plusieurs",
                    "certains",
                    "certaines",
                    "quiconque",
                ],
            ) && GENERIC_PERSON.is_match(before)
        };
        if named && !generic() {
            out.push(Found::new(Kind::HealthInfo, m));
        }
    }
}

/// True when one of these words is a whole run of word bytes of `t`.
fn has_word(t: &str, words: &[&str]) -> bool {
    word_runs(t.as_bytes()).any(|r| words.contains(&&t[r]))
}

/// The matters and the health matches of `t` as [`find`] computes them, before the
/// context decides: for the comparison with the old single patterns.
#[cfg(test)]
pub(super) fn split_matches(t: &str) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let mask = TRIGGERS.scan(t);
    let matter = parts_for(MATTER_PARTS, &MATTER_REGEXES, mask, t);
    let health = parts_for(HEALTH_PARTS, &HEALTH_REGEXES, mask, t);
    (union_matches(t, &matter), union_matches(t, &health))
}

/// For the other gated patterns: true when the gate lets the pattern run or it cannot
/// match anyway.
#[cfg(test)]
pub(super) fn other_gates(t: &str) -> [(&'static str, bool); 4] {
    let mask = TRIGGERS.scan(t);
    let ok = |bits: u64, re: &Regex| mask & bits != 0 || !re.is_match(t);
    [
        ("case words", ok(CASE_WORD, &CASE) || t.contains('#')),
        ("birth words", ok(BIRTH_WORD, &super::dates::BIRTH)),
        (
            "harassment",
            ok(HARASSMENT | DISCIPLINARY, &HARASSMENT_COMPLAINT),
        ),
        (
            "confidential report",
            ok(CONFIDENTIAL, &CONFIDENTIAL_REPORT),
        ),
    ]
}

static GENERIC_PERSON: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"\b(?:si|chaque|tout\s+enfant|tous\s+les|toutes\s+les|les\s+enfants|des\s+enfants|un\s+enfant|une\s+personne|des\s+personnes|vos\s+enfants|votre\s+enfant|plusieurs|certains|certaines|quiconque|personnes)\b")
        .expect("generic person")
});

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
            "Pour une plainte : 311.",
            "Pour toute requête, composez le 811.",
        ] {
            assert!(
                !has("la-sarre", text, "case-number"),
                "{text}: {:?}",
                kinds("la-sarre", text)
            );
        }
    }

    #[test]
    fn a_suspension_is_a_persons_only_when_a_person_is_named() {
        for text in [
            "Marc Roy a été suspendu pour deux semaines.",
            "Notre collègue Julie a été suspendue trois jours.",
            "Marc a reçu une suspension d'une semaine.",
        ] {
            assert!(
                has("la-sarre", text, "confidential-matter"),
                "{text}: {:?}",
                kinds("la-sarre", text)
            );
        }
        for text in [
            "La collecte est suspendue pour deux semaines.",
            "Le service d'autobus est suspendu pendant 3 jours.",
        ] {
            assert!(kinds("la-sarre", text).is_empty(), "{text}");
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
