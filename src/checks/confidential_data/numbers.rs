//! Identity and money numbers: social insurance (NAS), health insurance (RAMQ),
//! driver's licence, payment card, bank account.
//!
//! Each is a whole run of digits (a value inside a longer number is not one) with the
//! shape and the check digits of the real thing: Luhn and issuer ranges for cards,
//! Luhn for a NAS written in three groups (or nine digits after "NAS"), the birth month
//! and day inside a RAMQ number. A business number (TPS, TVQ, NEQ: "123456789 RT0001")
//! is not a NAS.
//!
//! Each pattern is compiled on the first post where it can match: the words it needs
//! before a number are in the sentence, or the text has the shape it looks for.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::checksums::{digits, is_card, is_ramq_digits, is_sin};
use super::context::compile;
use super::literals::{is_word_byte, run_end};
use super::{Found, Kind, Reader};

/// Runs of digits joined by single spaces, dots or dashes: the matches of
/// `\d+(?:[ .-]\d+)*`, leftmost first.
pub fn digit_runs(t: &str) -> Vec<Range<usize>> {
    let b = t.as_bytes();
    let digit_end = |i: usize| run_end(b, i, |c| c.is_ascii_digit());
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        i = digit_end(i);
        while i + 1 < b.len() && matches!(b[i], b' ' | b'.' | b'-') && b[i + 1].is_ascii_digit() {
            i = digit_end(i + 1);
        }
        out.push(start..i);
    }
    out
}

pub(super) static RAMQ: LazyLock<Regex> =
    LazyLock::new(|| compile(r"\b([a-z]{4})[ -]?(\d{4})[ -]?(\d{4})\b").expect("ramq"));

pub(super) static LICENCE: LazyLock<Regex> =
    LazyLock::new(|| compile(r"\b([a-z])[ -]?\d{4}[ -]?\d{6}[ -]?\d{2}\b").expect("licence"));

static SIN_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"\b(?:nas|n\.a\.s\.?|assurance[ -]sociale|sin)\b").expect("sin context")
});

static BUSINESS_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"\b(?:tps|tvq|neq|numero d'entreprise|no d'entreprise|entreprise|bn)\b")
        .expect("business number")
});

static RAMQ_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"ramq|assurance[ -]maladie|carte soleil|carte d'assurance").expect("ramq ctx")
});

static LICENCE_CONTEXT: LazyLock<Regex> =
    LazyLock::new(|| compile(r"permis|saaq").expect("licence ctx"));

static BANK_CONTEXT: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?x)\b(?:folio|transit|institution(?:\s+financiere)?
            |(?:no|n°|numero|\#)\s*(?:de\s+)?compte(?:\s+bancaire)?
            |compte\s+(?:bancaire|cheque|cheques|epargne|en\s+banque|conjoint)(?:\s+(?:no|n°|numero|\#))?
            |compte\s+(?:no|n°|\#)
            |depot\s+direct)\b\.?\s*(?:no\.?|n°|\#|numero)?\s*:?\s*$",
    )
    .expect("bank ctx")
});

/// "compte 7654321" is a bank account after "transit" or "institution".
static BARE_ACCOUNT: LazyLock<Regex> =
    LazyLock::new(|| compile(r"\bcompte\s*:?\s*$").expect("bare account"));

static BANKING: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"\b(?:transit|institution|folio|banque|bancaires?|caisse)\b").expect("banking")
});

/// True when `text` holds one of these words: what a pattern needs before it can match.
fn holds(text: &str, words: &[&str]) -> bool {
    words.iter().any(|w| text.contains(w))
}

/// `digits`: how many digits the post holds (a RAMQ number has 8, a licence 12).
pub fn find(r: &Reader<'_>, digits_in_post: usize, out: &mut Vec<Found>) {
    let t = r.scan.text();
    for run in digit_runs(t) {
        let span = trim_run(t, run);
        if !r.isolated(span.clone()) {
            continue;
        }
        let run = &t[span.clone()];
        let d = digits(run);
        let groups: Vec<usize> = run.split([' ', '.', '-']).map(str::len).collect();
        if let Some(kind) = classify(r, span.clone(), &d, &groups) {
            out.push(Found::new(kind, span));
        }
    }
    if digits_in_post >= 8 && has_ramq_shape(t) {
        ramq(r, out);
    }
    if digits_in_post >= 12 && has_licence_shape(t) {
        licence(r, out);
    }
}

/// A run ends at its last digit ("1234." ends a sentence).
fn trim_run(t: &str, span: Range<usize>) -> Range<usize> {
    let s = &t[span.clone()];
    span.start..span.start + s.trim_end_matches([' ', '.', '-']).len()
}

fn classify(r: &Reader<'_>, span: Range<usize>, d: &[u8], groups: &[usize]) -> Option<Kind> {
    if d.len() < 3 {
        return None; // a day, an hour, a price
    }
    let t = r.scan.text();
    let sentence = r.scan.sentence(span.start);
    let before = &t[sentence.start..span.start];
    let after = &t[span.end..sentence.end.max(span.end)];
    if d.len() >= 13 && is_card(d) && (groups.len() == 1 || groups.iter().all(|&g| g >= 4)) {
        return Some(Kind::CardNumber);
    }
    // Every bank pattern holds one of these words.
    let named = || {
        holds(
            before,
            &["folio", "transit", "institution", "compte", "depot"],
        ) && (BANK_CONTEXT.is_match(before)
            || (BARE_ACCOUNT.is_match(before) && BANKING.is_match(before)))
    };
    if bank_shape(groups) || ((3..=12).contains(&d.len()) && named()) {
        return Some(Kind::BankAccount);
    }
    // A number given as a health-insurance card's ("sa carte d'assurance-maladie :
    // Bernice Cyr, numéro 802 114 377"): New Brunswick's Medicare has 9 digits, without
    // the letters of Quebec's RAMQ.
    if (8..=12).contains(&d.len())
        && holds(before, &["ramq", "maladie", "soleil", "medicare"])
        && (RAMQ_CONTEXT.is_match(before) || before.contains("medicare"))
        && !SIN_CONTEXT.is_match(before)
    {
        return Some(Kind::HealthNumber);
    }
    if d.len() == 9 && is_sin(d) {
        let spaced = groups == [3, 3, 3];
        let named =
            holds(before, &["nas", "n.a.s", "assurance", "sin"]) && SIN_CONTEXT.is_match(before);
        let business = (holds(before, &["tps", "tvq", "neq", "entreprise", "bn"])
            && BUSINESS_NUMBER.is_match(before))
            || after
                .trim_start()
                .starts_with(|c: char| c.is_ascii_alphabetic())
                && ["rt", "rp", "rc", "tq", "rr"]
                    .iter()
                    .any(|p| after.trim_start().starts_with(p));
        if (spaced || named) && !business {
            return Some(Kind::Sin);
        }
    }
    None
}

/// Transit (5), institution (3), account (7 to 12), in that order or institution first.
fn bank_shape(groups: &[usize]) -> bool {
    matches!(groups, [5, 3, 7..=12] | [3, 5, 7..=12])
}

/// Matches `(?:[ -]?\d{n})+` from `i`, one group per `n`, each after an optional space
/// or dash: the end, or nothing.
fn groups_at(b: &[u8], mut i: usize, groups: &[usize]) -> Option<usize> {
    for &n in groups {
        if matches!(b.get(i), Some(b' ' | b'-')) {
            i += 1;
        }
        if b.len() < i + n || !b[i..i + n].iter().all(u8::is_ascii_digit) {
            return None;
        }
        i += n;
    }
    Some(i)
}

/// True when `letters` ASCII letters start a word at `i` and are followed by groups of
/// digits and a word boundary: `\b[a-z]{letters}[ -]?\d{g1}[ -]?\d{g2}...\b`.
fn shape_at(b: &[u8], i: usize, letters: usize, groups: &[usize]) -> bool {
    (i == 0 || !is_word_byte(b[i - 1]))
        && b.len() > i + letters
        && b[i..i + letters].iter().all(u8::is_ascii_lowercase)
        && groups_at(b, i + letters, groups)
            .is_some_and(|end| !b.get(end).is_some_and(|&c| is_word_byte(c)))
}

/// Where [`RAMQ`] can match: `\b[a-z]{4}[ -]?\d{4}[ -]?\d{4}\b`.
pub(super) fn has_ramq_shape(t: &str) -> bool {
    let b = t.as_bytes();
    (0..b.len()).any(|i| shape_at(b, i, 4, &[4, 4]))
}

/// Where [`LICENCE`] can match: `\b[a-z][ -]?\d{4}[ -]?\d{6}[ -]?\d{2}\b`.
pub(super) fn has_licence_shape(t: &str) -> bool {
    let b = t.as_bytes();
    (0..b.len()).any(|i| shape_at(b, i, 1, &[4, 6, 2]))
}

fn ramq(r: &Reader<'_>, out: &mut Vec<Found>) {
    let t = r.scan.text();
    for c in RAMQ.captures_iter(t) {
        let whole = c.get(0).unwrap();
        let letters = c.get(1).unwrap();
        let d = digits(&format!("{}{}", &c[2], &c[3]));
        if !is_ramq_digits(&d) {
            continue;
        }
        let capitals = r
            .scan
            .original_of(letters.range())
            .chars()
            .all(char::is_uppercase);
        let sentence = r.scan.sentence(whole.start());
        let named = RAMQ_CONTEXT.is_match(&t[sentence.start..whole.start()]);
        if capitals || named {
            out.push(Found::new(Kind::HealthNumber, whole.range()));
        }
    }
}

fn licence(r: &Reader<'_>, out: &mut Vec<Found>) {
    let t = r.scan.text();
    for c in LICENCE.captures_iter(t) {
        let whole = c.get(0).unwrap();
        let capital = r.scan.is_capital_at(whole.start());
        let sentence = r.scan.sentence(whole.start());
        let named = LICENCE_CONTEXT.is_match(&t[sentence.start..whole.start()]);
        if (capital || named) && r.isolated(whole.range()) {
            out.push(Found::new(Kind::DriverLicence, whole.range()));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::run;

    fn kinds(text: &str) -> Vec<(String, String)> {
        run("confidential-data", "la-sarre", text)
            .into_iter()
            .map(|d| (d.kind.unwrap_or("").to_string(), text[d.span].to_string()))
            .collect()
    }

    fn one(text: &str, kind: &str, excerpt: &str) {
        assert_eq!(
            kinds(text),
            [(kind.to_string(), excerpt.to_string())],
            "{text}"
        );
    }

    #[test]
    fn sin_in_every_spacing() {
        one("Mon NAS est le 046 454 286.", "sin", "046 454 286");
        one("NAS : 046-454-286", "sin", "046-454-286");
        one(
            "Son numéro d'assurance sociale : 046454286.",
            "sin",
            "046454286",
        );
        one("Voici le 130 692 544 de Marc.", "sin", "130 692 544");
    }

    #[test]
    fn not_a_sin() {
        for text in [
            "Mon NAS est le 046 454 287.",
            "Le numéro 046454286 du lot.",
            "Numéro 1046 454 286 du compteur.",
            "TPS : 046 454 286 RT0001.",
            "Montant : 125 450 000 $.",
            "Le 046 454 2861 est un autre numéro.",
        ] {
            assert!(!kinds(text).iter().any(|(k, _)| k == "sin"), "{text}");
        }
    }

    #[test]
    fn cards_with_issuers_and_checks() {
        one(
            "Ma carte 4111 1111 1111 1111 a été refusée.",
            "card-number",
            "4111 1111 1111 1111",
        );
        one(
            "Carte : 5555-5555-5555-4444",
            "card-number",
            "5555-5555-5555-4444",
        );
        one(
            "Carte 2223003122003222 svp",
            "card-number",
            "2223003122003222",
        );
        one(
            "Amex 3782 822463 10005.",
            "card-number",
            "3782 822463 10005",
        );
        for text in [
            "Ma carte se terminant par 4821 a été débitée.",
            "Carte **** **** **** 4821.",
            "Carte 4111 1111 1111 1112.",
        ] {
            assert!(kinds(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn bank_accounts_by_shape_or_by_words() {
        one(
            "Déposez au 00123-815-1234567 merci.",
            "bank-account",
            "00123-815-1234567",
        );
        one("Mon folio : 1234567.", "bank-account", "1234567");
        assert_eq!(
            kinds("Transit 00123, institution 815, no de compte 7654321.").len(),
            3
        );
        assert!(kinds("Le compte de taxes 2025 est posté.").is_empty());
    }

    #[test]
    fn a_medicare_number_named_by_its_card() {
        one(
            "Sa carte d'assurance-maladie : Bernice Cyr, numéro 802 114 377.",
            "health-number",
            "802 114 377",
        );
        one("Medicare : 802-114-377.", "health-number", "802-114-377");
        // A social insurance number stays one; an address is no card number.
        one(
            "Son numéro d'assurance sociale : 046 454 286.",
            "sin",
            "046 454 286",
        );
        assert!(kinds("La clinique d'assurance maladie est au 802, rue Principale.").is_empty());
    }

    #[test]
    fn ramq_numbers() {
        one(
            "Sa carte RAMQ : TREM 8553 1512.",
            "health-number",
            "TREM 8553 1512",
        );
        one(
            "Numéro TREM85531512 oublié.",
            "health-number",
            "TREM85531512",
        );
        one(
            "Assurance maladie : trem 8503 1512",
            "health-number",
            "trem 8503 1512",
        );
        assert!(kinds("TREM 8513 1512 est faux.").is_empty(), "month 13");
        assert!(kinds("pour 2025 1512 personnes").is_empty());
    }

    #[test]
    fn driver_licences() {
        one(
            "Permis : T6523-120387-07.",
            "driver-licence",
            "T6523-120387-07",
        );
        one(
            "Son permis T 6523 120387 07 a expiré.",
            "driver-licence",
            "T 6523 120387 07",
        );
        assert!(kinds("Le lot T6523-120387 est vendu.").is_empty());
    }
}
