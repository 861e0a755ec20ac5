//! Civic addresses and postal codes of private persons.
//!
//! An address is a civic number, a street type and a name ("45, rue des Érables",
//! "1250 boul. Saint-Joseph, app. 4", "12, 5e Avenue Est"). It is a private person's
//! unless the nearest cue before it in its sentence is a public place, a business or
//! the organisation ("Aréna Nicol-Auto, 100, rue Principale"), or it is one end of a
//! range of numbers (roadworks: "du 100 au 250, rue Principale"). A postal code
//! follows the address it completes, or the cues around it.
//!
//! The address, postal-code, unit and range patterns are matched by code that gives the
//! same matches as the regexes they were (`reference.rs` checks it), so that a post with
//! an address compiles none: half a millisecond saved on the first such post.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::context::{Owner, compile, owner_before};
use super::literals::{
    boundary, chars_end, is_letter, is_word_byte, run_end, skip_spaces, starts_with, word_end,
};
use super::{Found, Kind, Reader};

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

static RANGE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"(?:\b(?:du|de|entre\s+le|entre|des\s+numeros|numeros|nos)\s+\d{1,5}[a-d]?\s*(?:au|a|et\s+le|et|-)|\b(?:numeros\s+civiques|adresses\s+paires|adresses\s+impaires))\s*$")
        .expect("range before")
});

/// An address found, flagged or not (a postal code after it follows its decision).
pub struct Address {
    pub span: Range<usize>,
    pub private: bool,
}

/// The street types, in the order of the regex this replaces, each optional dot spelled
/// out (`av\.?` is "av." then "av").
const STREET_TYPES: &[&str] = &[
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

/// What may come between a street type and its name ("rue de la Gare"), in order.
const NAME_ARTICLES: &[&str] = &[
    "de la", "de l'", "du", "des", "de", "d'", "la", "le", "les", "l'",
];

/// A civic address as the captures of the pattern it was found with:
///
/// ```text
/// \b(?P<number>\d{1,5}(?:-?[a-d]\b|-[a-z]\b)?(?:-\d{1,5})?)
/// ,?\s+
/// (?:
///     \d{1,3}(?:e|er|re|eme|ieme)\s+(?:rue|avenue|rang|av\.?)
///   | (?P<type>{STREET_TYPES})\s+(?:(?:de\s+la|de\s+l'|du|des|de|d'|la|le|les|l')\s*)?
///     (?P<name>[\p{L}\d][\p{L}\d'-]*)
/// )
/// ```
///
/// found without compiling it (half a millisecond): each optional part is tried taken
/// first and each alternation in its order, as the regex does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct StreetAddress {
    pub whole: Range<usize>,
    pub number: Range<usize>,
    /// The street type and the name's range, but for "5e Avenue".
    pub street: Option<(Range<usize>, Range<usize>)>,
}

/// Every [`StreetAddress`] of `t`, leftmost first.
pub(super) fn street_addresses(t: &str) -> Vec<StreetAddress> {
    let b = t.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while at < b.len() {
        let found = (b[at].is_ascii_digit() && boundary(b, at))
            .then(|| street_address_at(t, at))
            .flatten();
        match found {
            Some(a) => {
                at = a.whole.end;
                out.push(a);
            }
            None => at += 1,
        }
    }
    out
}

fn street_address_at(t: &str, s: usize) -> Option<StreetAddress> {
    let b = t.as_bytes();
    let digits_end = |i: usize| run_end(b, i, |c| c.is_ascii_digit());
    // `\d{1,5}`: fewer digits would leave a digit where nothing can take it.
    let k = digits_end(s);
    if k - s > 5 {
        return None;
    }
    // `(?:-?[a-d]\b|-[a-z]\b)?`
    let letter = |i: usize, last: u8| {
        let ok = b.get(i).is_some_and(|&c| (b'a'..=last).contains(&c))
            && !b.get(i + 1).is_some_and(|&c| is_word_byte(c));
        ok.then_some(i + 1)
    };
    let dash = b.get(k) == Some(&b'-');
    let suffixes = [
        dash.then(|| letter(k + 1, b'd')).flatten(),
        letter(k, b'd'),
        dash.then(|| letter(k + 1, b'z')).flatten(),
        Some(k),
    ];
    for x in suffixes.into_iter().flatten() {
        // `(?:-\d{1,5})?`
        let second = (b.get(x) == Some(&b'-'))
            .then(|| digits_end(x + 1))
            .filter(|&d| (x + 2..=x + 6).contains(&d));
        for n in second.into_iter().chain(Some(x)) {
            // `,?\s+`
            let comma = usize::from(b.get(n) == Some(&b','));
            let q = skip_spaces(b, n + comma);
            if q == n + comma {
                continue;
            }
            if let Some((end, street)) = street_at(t, q) {
                return Some(StreetAddress {
                    whole: s..end,
                    number: s..n,
                    street,
                });
            }
        }
    }
    None
}

type Street = (usize, Option<(Range<usize>, Range<usize>)>);

/// The street after a civic number: an ordinal street ("5e Avenue") or a type and a
/// name. The end, and the type and the name.
fn street_at(t: &str, q: usize) -> Option<Street> {
    let b = t.as_bytes();
    // `\d{1,3}(?:e|er|re|eme|ieme)\s+(?:rue|avenue|rang|av\.?)`
    let d = run_end(b, q, |c| c.is_ascii_digit());
    if (q + 1..=q + 3).contains(&d) {
        for suffix in ["e", "er", "re", "eme", "ieme"] {
            let after = d + suffix.len();
            let street = skip_spaces(b, after);
            if !starts_with(b, d, suffix.as_bytes()) || street == after {
                continue;
            }
            for kind in ["rue", "avenue", "rang", "av"] {
                if starts_with(b, street, kind.as_bytes()) {
                    let mut end = street + kind.len();
                    if kind == "av" && b.get(end) == Some(&b'.') {
                        end += 1;
                    }
                    return Some((end, None));
                }
            }
        }
        return None;
    }
    // `(?P<type>...)\s+(?:(?:de\s+la|...|l')\s*)?(?P<name>[\p{L}\d][\p{L}\d'-]*)`
    STREET_TYPES.iter().find_map(|kind| {
        let w = q + kind.len();
        let r = skip_spaces(b, w);
        if !starts_with(b, q, kind.as_bytes()) || r == w {
            return None;
        }
        let after_article = NAME_ARTICLES
            .iter()
            .filter_map(|a| words_at(b, r, a))
            .map(|end| skip_spaces(b, end));
        after_article
            .chain(Some(r))
            .find_map(|n| street_name_at(t, n).map(|end| (end, Some((q..w, n..end)))))
    })
}

/// The end of `x\s+y...` at `at`: words whose spaces stand for runs of `\s`.
fn words_at(b: &[u8], at: usize, phrase: &str) -> Option<usize> {
    let mut i = at;
    for (k, word) in phrase.split(' ').enumerate() {
        if k > 0 {
            let j = skip_spaces(b, i);
            if j == i {
                return None;
            }
            i = j;
        }
        if !starts_with(b, i, word.as_bytes()) {
            return None;
        }
        i += word.len();
    }
    Some(i)
}

/// `[\p{L}\d][\p{L}\d'-]*` at `at`: its end.
fn street_name_at(t: &str, at: usize) -> Option<usize> {
    let first = t[at..].chars().next()?;
    let word = |c: char| is_letter(c) || c.is_ascii_digit();
    word(first).then(|| {
        chars_end(t, at + first.len_utf8(), |c| {
            word(c) || c == '\'' || c == '-'
        })
    })
}

/// The postal codes of `t`: the matches, leftmost first, of
/// `\b[abceghjklmnprstvxy]\d[abceghj-nprstv-z][ -]?\d[abceghj-nprstv-z]\d\b`.
pub(super) fn postal_codes_in(t: &str) -> Vec<Range<usize>> {
    let b = t.as_bytes();
    let first = |c: u8| matches!(c, b'a'..=b'c' | b'e' | b'g' | b'h' | b'j'..=b'n' | b'p' | b'r'..=b't' | b'v' | b'x' | b'y');
    let other = |c: u8| matches!(c, b'a'..=b'c' | b'e' | b'g' | b'h' | b'j'..=b'n' | b'p' | b'r'..=b't' | b'v'..=b'z');
    let digit = |i: usize| b.get(i).is_some_and(u8::is_ascii_digit);
    let letter = |i: usize| b.get(i).is_some_and(|&c| other(c));
    let code_at = |i: usize| {
        // The digit first: it rules out almost every position.
        if !digit(i + 1) || !first(b[i]) || !boundary(b, i) || !letter(i + 2) {
            return None;
        }
        let j = if matches!(b.get(i + 3), Some(b' ' | b'-')) {
            i + 4
        } else {
            i + 3
        };
        let end = j + 3;
        (digit(j) && letter(j + 1) && digit(j + 2) && boundary(b, end)).then_some(end)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        match code_at(i) {
            Some(end) => {
                out.push(i..end);
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// `^\s+(?:est|ouest|nord|sud)\b`: the length of a cardinal point after a street name.
pub(super) fn cardinal_len(rest: &str) -> Option<usize> {
    let b = rest.as_bytes();
    let at = skip_spaces(b, 0);
    let end = word_end(b, at);
    (at > 0 && matches!(&rest[at..end], "est" | "ouest" | "nord" | "sud")).then_some(end)
}

/// `^,?\s*(?:app\.?|appartement|apt\.?|unite|logement|log\.?|\#)\s*\d{1,4}[a-z]?\b`: the
/// length of a unit after an address. The words are tried in this order, as the regex
/// did ("app" before "appartement").
pub(super) fn unit_len(rest: &str) -> Option<usize> {
    let b = rest.as_bytes();
    let at = skip_spaces(b, usize::from(b.first() == Some(&b',')));
    let words = [
        "app.",
        "app",
        "appartement",
        "apt.",
        "apt",
        "unite",
        "logement",
        "log.",
        "log",
        "#",
    ];
    words.iter().find_map(|w| {
        if !starts_with(b, at, w.as_bytes()) {
            return None;
        }
        let digits = skip_spaces(b, at + w.len());
        let end = run_end(b, digits, |c| c.is_ascii_digit());
        if !(digits + 1..=digits + 4).contains(&end) {
            return None;
        }
        // `[a-z]?\b`: the letter when a boundary follows it, else a boundary here.
        if b.get(end).is_some_and(u8::is_ascii_lowercase) && boundary(b, end + 1) {
            Some(end + 1)
        } else {
            boundary(b, end).then_some(end)
        }
    })
}

/// `^\s*(?:au|a|et|-)\s+\d`: the other end of a range follows ("100 au 250").
pub(super) fn range_follows(rest: &str) -> bool {
    let b = rest.as_bytes();
    let at = skip_spaces(b, 0);
    ["au", "a", "et", "-"].iter().any(|w| {
        let after = at + w.len();
        let digit = skip_spaces(b, after);
        starts_with(b, at, w.as_bytes())
            && digit > after
            && b.get(digit).is_some_and(u8::is_ascii_digit)
    })
}

pub fn find(r: &Reader<'_>, out: &mut Vec<Found>) {
    let mut addresses = Vec::new();
    let t = r.scan.text();
    for found in street_addresses(t) {
        let number = found.number.clone();
        if !r.isolated_start(number.start) {
            continue;
        }
        if let Some((kind, name)) = &found.street {
            let kind = &t[kind.clone()];
            let named = r.scan.is_capital_at(name.start)
                || t[name.clone()].starts_with(|ch: char| ch.is_ascii_digit());
            if !named && !STRONG_TYPES.contains(&kind) {
                continue;
            }
        }
        let mut end = extend_name(r, found.whole.end);
        if let Some(len) = cardinal_len(&t[end..]) {
            end += len;
        }
        if let Some(len) = unit_len(&t[end..]) {
            end += len;
        }
        let span = number.start..end;
        let sentence = r.scan.sentence(span.start);
        let before = &t[sentence.start..span.start];
        // Every range before an address holds a digit, "numeros" or "adresses".
        let range_before = (before.bytes().any(|c| c.is_ascii_digit())
            || before.contains("numeros")
            || before.contains("adresses"))
            && RANGE_BEFORE.is_match(before);
        if range_before || range_follows(&t[number.end..]) {
            continue;
        }
        if is_range_number(&t[number.clone()]) || r.is_public_address(&t[span.clone()]) {
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
    for m in postal_codes_in(t) {
        let sentence = r.scan.sentence(m.start);
        let completes = addresses
            .iter()
            .rev()
            .find(|a| a.span.end <= m.start && a.span.start >= sentence.start);
        let private = match completes {
            Some(a) if m.start - a.span.end <= 60 => a.private,
            _ => {
                let (owner, _) = owner_before(r.cues(), r.scan.context(m.start), m.start);
                owner != Owner::Public && !r.public_after(m.end)
            }
        };
        if private {
            out.push(Found::new(Kind::PostalCode, m));
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
