//! Opinion markers: first-person judgements ("je trouve que", "à mon avis") and
//! evaluative words ("bravo", "honte", "ridicule"), on folded text.

use std::ops::Range;
use std::sync::LazyLock;

use super::lexicon::{Lexicon, Words, builtin, word_run_end};

/// First-person judgements and evaluative words (`[opinion-markers]` of
/// `lexicons/personal.txt`), compiled on first use.
static OPINION: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::prepared(&builtin::OPINION_MARKERS));

/// The folded ranges of the opinion markers of a sentence, leftmost first, not
/// overlapping: [`OPINION`] and "personnellement, " with the word after it.
pub fn markers(w: &Words) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() {
        if let Some(end) = personally(w, i) {
            out.push(w.ranges[i].start..end);
            i = w.first_from(end);
        } else if let Some(n) = OPINION.longest_at(w, i) {
            out.push(w.ranges[i].start..w.ranges[i + n - 1].end);
            i += n;
        } else {
            i += 1;
        }
    }
    out
}

/// "personnellement, X" at word `i` (the regex `personnellement, \w+`): where it ends.
fn personally(w: &Words, i: usize) -> Option<usize> {
    if w.word(i) != "personnellement" {
        return None;
    }
    let end = w.ranges[i].end;
    w.text[end..]
        .starts_with(", ")
        .then(|| word_run_end(w.text, end + 2))
        .flatten()
}

/// Congratulations: an opinion on the organisation only when it is the recipient
/// ("bravo à la Ville"), not when it merely appears ("bravo aux jeunes du camp de jour
/// de la Ville").
pub fn is_congratulation(marker: &str) -> bool {
    const CONGRATULATIONS: &[&str] = &[
        "bravo",
        "chapeau a",
        "chapeau au",
        "chapeau aux",
        "chapeau bas",
        "felicitations",
        "je felicite",
        "je tiens a feliciter",
    ];
    // A marker may hold a run of white space where the list has a space.
    let marker: Vec<&str> = marker.split_whitespace().collect();
    CONGRATULATIONS
        .iter()
        .any(|c| c.split(' ').eq(marker.iter().copied()))
}

/// Who is congratulated, at the start of what follows the congratulation: the
/// organisation, its council, its staff (the regex `^[ ,:]*(?:a |au |…)?(?:toute |…)?
/// (?:ville|…)\b`).
pub fn org_recipient(rest: &str) -> bool {
    recipient(rest, ORG_ITSELF) || staff_recipient(rest)
}

/// Who is congratulated is the organisation's staff, its teams or services ("bravo à
/// l'équipe des travaux publics", "merci aux cols bleus"), not the organisation itself.
pub fn staff_recipient(rest: &str) -> bool {
    recipient(rest, STAFF)
}

/// The organisation itself, its council and its direction.
const ORG_ITSELF: &[&str] = &[
    "ville",
    "municipalite",
    "conseil",
    "elus",
    "maire",
    "mairesse",
    "cpe",
    "direction",
    "administration",
    "garderie",
    "organisation",
];

/// The organisation's staff, teams and services.
const STAFF: &[&str] = &[
    "equipe",
    "equipes",
    "employes",
    "personnel",
    "cols bleus",
    "cols blancs",
    "travaux publics",
    "service",
    "services",
];

/// True when what follows a congratulation names one of `who`, after "à", "au"… and
/// "toute", "les", "nos"…
fn recipient(rest: &str, who: &'static [&'static str]) -> bool {
    const TO: &[&str] = &["", "a ", "au ", "aux ", "a l'", "a la "];
    const WHOLE: &[&str] = &[
        "", "toute ", "tout ", "les ", "la ", "le ", "l'", "nos ", "notre ", "mes ",
    ];
    let rest = rest.trim_start_matches([' ', ',', ':']);
    TO.iter()
        .filter_map(|to| rest.strip_prefix(to))
        .flat_map(|r| WHOLE.iter().filter_map(move |whole| r.strip_prefix(whole)))
        .flat_map(|r| who.iter().filter_map(move |w| r.strip_prefix(w)))
        .any(|after| !after.starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_'))
}

/// "je pense que je vais…", "je crois que c'est à 19 h": intention or belief on a
/// fact, not a judgement.
pub fn not_a_judgement(rest: &str) -> bool {
    const FACT: &[&str] = &[
        "je ",
        "j'",
        "nous allons",
        "on va",
        "c'est a ",
        "ca commence",
        "ce sera a",
    ];
    let rest = rest.trim_start();
    FACT.iter().any(|f| rest.starts_with(f))
}

/// What follows a congratulation when it names no recipient ("Bravo!").
pub fn no_recipient(rest: &str) -> bool {
    let rest = rest.trim_start();
    rest.is_empty() || rest.starts_with(['!', '.', '…'])
}

/// An evaluative adjective said as an exclamation: "…de la Ville, efficace!",
/// "Génial!". Only before "!": "un moyen efficace de composter" is not a judgement.
/// The ranges of `word *!` in folded text (the regex `\b(?:efficace|…) *!`).
pub fn exclamations(text: &str) -> Vec<Range<usize>> {
    const EVALUATIVE: &[&str] = &[
        "efficace",
        "genial",
        "geniale",
        "super",
        "excellent",
        "excellente",
        "formidable",
        "parfait",
        "merveilleux",
        "merveilleuse",
        "magnifique",
        "incroyable",
        "decevant",
        "decevante",
        "nul",
        "nulle",
        "pathetique",
        "lamentable",
        "bizarre",
        "plate",
        "dommage",
        "wow",
        "enfin",
    ];
    let ascii_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for (bang, _) in text.match_indices('!') {
        let end = text[..bang].trim_end_matches(' ').len();
        let start = bytes[..end]
            .iter()
            .rposition(|&b| !ascii_word(b))
            .map_or(0, |i| i + 1);
        if EVALUATIVE.contains(&&text[start..end]) {
            out.push(start..bang + 1);
        }
    }
    out
}
