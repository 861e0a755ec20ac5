//! Civic addresses and postal codes of private persons.
//!
//! An address is a civic number, a street type and a name ("45, rue des Érables",
//! "1250 boul. Saint-Joseph, app. 4", "12, 5e Avenue Est"). It is a private person's
//! unless the nearest cue before it in its sentence is a public place, a business or
//! the organisation ("Aréna Nicol-Auto, 100, rue Principale"), or it is one end of a
//! range of numbers (roadworks: "du 100 au 250, rue Principale"). A postal code
//! follows the address it completes, or the cues around it.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::context::{Owner, compile, owner_before};
use super::literals::{is_space, is_word_byte, run_end, skip_spaces};
use super::{Found, Kind, Reader};

const STREET_TYPES: &str = r"rue|avenue|av\.?|ave\.?|boulevard|boul\.?|bd\.?|chemin|ch\.|rang|route|rte\.?|montee|place|cote|croissant|impasse|allee|terrasse|promenade|carre|ruelle|sentier|voie|cercle|rond-point|terrasse|prive|domaine";

/// Types that are never quantities ("2 places", "1 route"): with them a lowercase name
/// is still a street.
const STRONG_TYPES: &[&str] = &[
    "rue",
    "avenue",
    "boulevard",
    "boul",
    "boul.",
    "chemin",
    "rang",
    "montee",
    "croissant",
    "impasse",
    "terrasse",
];

pub(super) static ADDRESS: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?x)
        \b(?P<number>\d{{1,5}}(?:-?[a-d]\b|-[a-z]\b)?(?:-\d{{1,5}})?)
        ,?\s+
        (?:
            (?P<ordinal>\d{{1,3}}(?:e|er|re|eme|ieme))\s+(?P<otype>rue|avenue|rang|av\.?)
          | (?P<type>{STREET_TYPES})\s+(?:(?:de\s+la|de\s+l'|du|des|de|d'|la|le|les|l')\s*)?(?P<name>[\p{{L}}\d][\p{{L}}\d'-]*)
        )"
    ))
    .expect("address")
});

static RANGE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?:\b(?:du|de|entre\s+le|entre|des\s+numeros|numeros|nos)\s+\d{1,5}[a-d]?\s*(?:au|a|et\s+le|et|-)|\b(?:numeros\s+civiques|adresses\s+paires|adresses\s+impaires))\s*$")
        .expect("range before")
});

static RANGE_AFTER: LazyLock<Regex> =
    LazyLock::new(|| compile(r"^\s*(?:au|a|et|-)\s+\d").expect("range after"));

static UNIT: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"^,?\s*(?:app\.?|appartement|apt\.?|unite|logement|log\.?|\#)\s*\d{1,4}[a-z]?\b")
        .expect("unit")
});

static CARDINAL: LazyLock<Regex> =
    LazyLock::new(|| compile(r"^\s+(?:est|ouest|nord|sud)\b").expect("cardinal"));

pub(super) static POSTAL: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"\b[abceghjklmnprstvxy]\d[abceghj-nprstv-z][ -]?\d[abceghj-nprstv-z]\d\b")
        .expect("postal code")
});

/// An address found, flagged or not (a postal code after it follows its decision).
pub struct Address {
    pub span: Range<usize>,
    pub private: bool,
}

/// The street types of [`STREET_TYPES`], each optional dot spelled out.
const STREET_WORDS: &[&str] = &[
    "rue",
    "avenue",
    "av.",
    "av",
    "ave.",
    "ave",
    "boulevard",
    "boul.",
    "boul",
    "bd.",
    "bd",
    "chemin",
    "ch.",
    "rang",
    "route",
    "rte.",
    "rte",
    "montee",
    "place",
    "cote",
    "croissant",
    "impasse",
    "allee",
    "terrasse",
    "promenade",
    "carre",
    "ruelle",
    "sentier",
    "voie",
    "cercle",
    "rond-point",
    "prive",
    "domaine",
];

/// Where [`ADDRESS`] can match: the end of a civic number (a digit, or a letter after a
/// digit or a dash and a digit), an optional comma and spaces, then a street type and a
/// space, or an ordinal and a street ("5e Avenue"). Most posts with digits have none.
pub(super) fn has_address_shape(t: &str) -> bool {
    let b = t.as_bytes();
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let number_ends_at = |k: usize| {
        k > 0
            && (digit(k - 1)
                || (b[k - 1].is_ascii_lowercase()
                    && k >= 2
                    && (digit(k - 2) || (b[k - 2] == b'-' && k >= 3 && digit(k - 3)))))
    };
    let street_at = |q: usize| {
        let rest = &b[q..];
        let typed = STREET_WORDS.iter().any(|w| {
            rest.starts_with(w.as_bytes()) && rest.get(w.len()).is_some_and(|&c| is_space(c))
        });
        typed || ordinal_street_at(b, q)
    };
    let mut i = 0;
    while i < b.len() {
        if !is_space(b[i]) {
            i += 1;
            continue;
        }
        let q = skip_spaces(b, i);
        let k = if i > 0 && b[i - 1] == b',' { i - 1 } else { i };
        if q < b.len() && number_ends_at(k) && street_at(q) {
            return true;
        }
        i = q;
    }
    false
}

/// `\d{1,3}(?:e|er|re|eme|ieme)\s+(?:rue|avenue|rang|av)` at `q`.
fn ordinal_street_at(b: &[u8], q: usize) -> bool {
    let digits = run_end(b, q, |c| c.is_ascii_digit());
    if digits == q || digits - q > 3 {
        return false;
    }
    let letters = run_end(b, digits, |c| c.is_ascii_lowercase());
    if !["e", "er", "re", "eme", "ieme"].contains(&&*String::from_utf8_lossy(&b[digits..letters])) {
        return false;
    }
    let street = skip_spaces(b, letters);
    street > letters
        && ["rue", "avenue", "rang", "av"]
            .iter()
            .any(|w| b[street..].starts_with(w.as_bytes()))
}

/// Where [`POSTAL`] can match: `\b[a-z]\d[a-z][ -]?\d[a-z]\d\b` with the letters of
/// postal codes.
pub(super) fn has_postal_shape(t: &str) -> bool {
    let b = t.as_bytes();
    let first = |c: u8| b"abceghjklmnprstvxy".contains(&c);
    let other = |c: u8| b"abceghjklmnprstvwxyz".contains(&c);
    (0..b.len()).any(|i| {
        if (i > 0 && is_word_byte(b[i - 1])) || b.len() < i + 6 {
            return false;
        }
        let mut j = i + 3;
        if matches!(b[j], b' ' | b'-') {
            j += 1;
        }
        first(b[i])
            && b[i + 1].is_ascii_digit()
            && other(b[i + 2])
            && b.len() >= j + 3
            && b[j].is_ascii_digit()
            && other(b[j + 1])
            && b[j + 2].is_ascii_digit()
            && !b.get(j + 3).is_some_and(|&c| is_word_byte(c))
    })
}

pub fn find(r: &Reader<'_>, out: &mut Vec<Found>) {
    let mut addresses = Vec::new();
    let t = r.scan.text();
    let streets = has_address_shape(t).then(|| ADDRESS.captures_iter(t));
    for c in streets.into_iter().flatten() {
        let whole = c.get(0).unwrap();
        let number = c.name("number").unwrap();
        if !r.isolated_start(number.start()) {
            continue;
        }
        if let Some(name) = c.name("name") {
            let kind = c.name("type").unwrap().as_str();
            let named = r.scan.is_capital_at(name.start())
                || name.as_str().starts_with(|ch: char| ch.is_ascii_digit());
            if !named && !STRONG_TYPES.contains(&kind) {
                continue;
            }
        }
        let mut end = extend_name(r, whole.end());
        if let Some(m) = CARDINAL.find(&t[end..]) {
            end += m.end();
        }
        if let Some(m) = UNIT.find(&t[end..]) {
            end += m.end();
        }
        let span = number.start()..end;
        let sentence = r.scan.sentence(span.start);
        let before = &t[sentence.start..span.start];
        if RANGE_BEFORE.is_match(before) || RANGE_AFTER.is_match(&t[number.end()..]) {
            continue;
        }
        if is_range_number(number.as_str()) || r.is_public_address(&t[span.clone()]) {
            addresses.push(Address {
                span,
                private: false,
            });
            continue;
        }
        let (owner, _) = owner_before(r.cues(), r.scan.context(span.start), span.start);
        let private = owner != Owner::Public && !r.public_after(span.end);
        if private {
            out.push(Found::new(Kind::Address, span.clone()));
        }
        addresses.push(Address { span, private });
    }
    postal_codes(r, &addresses, out);
}

/// "100-250": a range when the second number is the greater (a unit is "4-123").
fn is_range_number(n: &str) -> bool {
    match n.split_once('-') {
        Some((a, b)) => match (a.parse::<u32>(), b.parse::<u32>()) {
            (Ok(a), Ok(b)) => a >= 10 && b > a,
            _ => false,
        },
        None => false,
    }
}

/// "rue Jean-Talon", "chemin du Lac Vert": further capitalised words belong to the name.
fn extend_name(r: &Reader<'_>, mut end: usize) -> usize {
    let t = r.scan.text();
    for _ in 0..3 {
        let rest = &t[end..];
        let skip = rest.len() - rest.trim_start_matches(' ').len();
        if skip == 0 {
            break;
        }
        let at = end + skip;
        let len = t[at..]
            .find(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
            .unwrap_or(t.len() - at);
        if len == 0 || !r.scan.is_capital_at(at) {
            break;
        }
        end = at + len;
    }
    end
}

fn postal_codes(r: &Reader<'_>, addresses: &[Address], out: &mut Vec<Found>) {
    let t = r.scan.text();
    if !has_postal_shape(t) {
        return;
    }
    for m in POSTAL.find_iter(t) {
        let sentence = r.scan.sentence(m.start());
        let completes = addresses
            .iter()
            .rev()
            .find(|a| a.span.end <= m.start() && a.span.start >= sentence.start);
        let private = match completes {
            Some(a) if m.start() - a.span.end <= 60 => a.private,
            _ => {
                let (owner, _) = owner_before(r.cues(), r.scan.context(m.start()), m.start());
                owner != Owner::Public && !r.public_after(m.end())
            }
        };
        if private {
            out.push(Found::new(Kind::PostalCode, m.range()));
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

    fn addresses(text: &str) -> Vec<String> {
        kinds("la-sarre", text)
            .into_iter()
            .filter(|(k, _)| k == "address")
            .map(|(_, e)| e)
            .collect()
    }

    #[test]
    fn a_persons_address_in_every_writing() {
        assert_eq!(
            addresses("Mme Roy habite au 45, rue des Érables."),
            ["45, rue des Érables"]
        );
        assert_eq!(
            addresses("Mon voisin du 1250 boul. Saint-Joseph, app. 4 fait du bruit."),
            ["1250 boul. Saint-Joseph, app. 4"]
        );
        assert_eq!(
            addresses("Il demeure au 12, 5e Avenue Est."),
            ["12, 5e Avenue Est"]
        );
        assert_eq!(addresses("Chez Luc, 312 rang 4, la fête !"), ["312 rang 4"]);
        assert_eq!(
            addresses("Incendie au 88 chemin du Lac-Vert."),
            ["88 chemin du Lac-Vert"]
        );
        assert_eq!(
            addresses("Écrivez à Julie au 7 montée Gagnon."),
            ["7 montée Gagnon"]
        );
    }

    #[test]
    fn public_places_ranges_and_quantities_are_not_addresses() {
        for text in [
            "Rendez-vous à l'aréna Nicol-Auto, 100, rue Principale.",
            "Bibliothèque municipale, 3 rue Principale Sud, ouverte dès 10 h.",
            "Travaux du 100 au 250, rue Principale, dès lundi.",
            "Fermeture entre le 12 et le 48, 2e Avenue.",
            "Entrave aux numéros 100-250, rue Principale.",
            "Il reste 2 places pour le camp et 1 place pour la sortie.",
            "Fermeture de la 2e Rue Est entre la 1re Avenue et la 3e Avenue.",
            "Restaurant Chez Ginette, 45 avenue Principale, J9Z 1Y3.",
        ] {
            assert!(
                kinds("la-sarre", text).is_empty(),
                "{text}: {:?}",
                kinds("la-sarre", text)
            );
        }
    }

    #[test]
    fn postal_codes_follow_their_address() {
        let found = kinds(
            "la-sarre",
            "Mme Roy, 45, rue des Érables, La Sarre J9Z 2X3.",
        );
        assert!(
            found.contains(&("postal-code".into(), "J9Z 2X3".into())),
            "{found:?}"
        );
        assert_eq!(kinds("la-sarre", "Mon code postal est J9Z2X3.").len(), 1);
        assert!(kinds("la-sarre", "Le code postal D9Z 2X3 n'existe pas.").is_empty());
        assert!(kinds("la-sarre", "Hôtel de ville de La Sarre, J9Z 1Y3.").is_empty());
    }
}
