//! E-mail addresses and phone numbers.
//!
//! An address or a number is a person's unless it is the organisation's (profile and
//! `vigie.toml`), a public one listed in the rule's parameters, a public service (911,
//! 811, 211, 311 have too few digits to match; toll-free 8XX lines are skipped), a
//! role address ("info@", "loisirs@", a business's "reservations@"), the organisation's
//! domain on its official account, or a number whose nearest cue is a public place or
//! a business ("Bibliothèque municipale : 819-339-1234").
//!
//! Phone numbers and e-mail addresses are found by code that gives the same matches as
//! the regexes they were (`reference.rs` checks it): many posts give the organisation's
//! number or address, and need not compile a pattern for it.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::checksums::{is_nanp, is_toll_free, phone_key};
use super::context::{Cue, Owner, owner_before};
use super::literals::{is_space, run_end};
use super::{Found, Kind, Reader};

/// Local parts of role addresses: a service or a business, not a person.
const ROLE_LOCAL_PARTS: &[&str] = &[
    "info",
    "information",
    "informations",
    "communications",
    "communication",
    "loisirs",
    "greffe",
    "urbanisme",
    "travauxpublics",
    "travaux.publics",
    "travaux",
    "bibliotheque",
    "biblio",
    "admin",
    "administration",
    "reception",
    "accueil",
    "direction",
    "contact",
    "emploi",
    "emplois",
    "rh",
    "ressourceshumaines",
    "ressources.humaines",
    "taxation",
    "finances",
    "comptabilite",
    "culture",
    "sports",
    "evenements",
    "inscription",
    "inscriptions",
    "service",
    "services",
    "serviceclient",
    "service.client",
    "clients",
    "ventes",
    "reservation",
    "reservations",
    "commandes",
    "secretariat",
    "mairie",
    "maire",
    "conseil",
    "citoyens",
    "requetes",
    "plaintes",
    "incendie",
    "securite",
    "benevoles",
    "benevolat",
    "camp",
    "campdejour",
    "piscine",
    "arena",
    "cpe",
    "garderie",
    "bureau",
    "support",
    "aide",
    "noreply",
    "no-reply",
    "media",
    "medias",
    "presse",
    "tourisme",
];

pub struct Contacts {
    public_emails: HashSet<String>,
    org_domains: Vec<String>,
    public_phones: HashSet<Vec<u8>>,
}

impl Contacts {
    pub fn new(emails: &[String], domains: &[String], phones: &[String]) -> Contacts {
        Contacts {
            public_emails: emails
                .iter()
                .map(|e| e.trim().to_ascii_lowercase())
                .collect(),
            org_domains: domains
                .iter()
                .map(|d| d.trim().to_ascii_lowercase())
                .collect(),
            public_phones: phones.iter().map(|p| phone_key(p)).collect(),
        }
    }

    fn is_org_domain(&self, domain: &str) -> bool {
        self.org_domains
            .iter()
            .any(|d| domain == d || domain.ends_with(&format!(".{d}")))
    }

    pub fn emails(&self, r: &Reader<'_>, out: &mut Vec<Found>) {
        let t = r.scan.text();
        for m in email_addresses(t) {
            let address = t[m.clone()].trim_end_matches('.');
            let (local, domain) = address.split_once('@').unwrap_or((address, ""));
            if self.public_emails.contains(address)
                || ROLE_LOCAL_PARTS.contains(&local)
                || (r.official && self.is_org_domain(domain))
                || (!r.official && !self.is_org_domain(domain) && authors_own(r, m.clone()))
            {
                continue;
            }
            // As for a phone number, an address given for a tournament, a club, a
            // committee is theirs when it is named after what the post announces
            // ("Tournoi de pêche blanche… écrivez au comité organisateur à
            // peche.sturbain@gmail.com"), unless a person is named closer to it; a
            // person's address ("jtremblay1985@gmail.com") stays a person's.
            let (owner, _) = owner_before(r.cues(), r.scan.context(m.start), m.start);
            if (owner == Owner::Public || r.public_after(m.end))
                && named_after_the_post(r, m.clone(), local)
            {
                continue;
            }
            out.push(Found::new(Kind::Email, m.start..m.start + address.len()));
        }
    }

    /// True when the ten digits of `key` are a public number of the profile.
    pub fn is_public_phone(&self, key: &[u8]) -> bool {
        self.public_phones.contains(key)
    }

    pub fn phones(&self, r: &Reader<'_>, out: &mut Vec<Found>) {
        let t = r.scan.text();
        let usual = phone_numbers(t);
        let scattered: Vec<_> = scattered_phone_numbers(t)
            .into_iter()
            .filter(|s| !usual.iter().any(|u| u.start < s.end && s.start < u.end))
            .collect();
        for span in usual.into_iter().chain(scattered) {
            if !r.isolated(span.clone()) {
                continue;
            }
            let number = number_part(&t[span.clone()]);
            let key = phone_key(number);
            if key.len() != 10 || !is_nanp(&key) || is_toll_free(&key) {
                continue;
            }
            if self.public_phones.contains(&key) {
                continue;
            }
            let (owner, _) = owner_before(r.cues(), r.scan.context(span.start), span.start);
            if owner == Owner::Public || r.public_after(span.end) {
                continue;
            }
            out.push(Found::new(Kind::Phone, trim_span(t, span)));
        }
    }
}

/// True when a word of four letters or more of the address's local part is a word of
/// the post outside the address and outside a person's name: "peche" of
/// "peche.sturbain" in "Tournoi de pêche", not "cote" of "nath.cote1974" after "Mme
/// Nathalie Côté".
fn named_after_the_post(r: &Reader<'_>, address: Range<usize>, local: &str) -> bool {
    let t = r.scan.text();
    let words = crate::text::phrases::words(t);
    let in_a_name = |w: &Range<usize>| {
        r.cues()
            .iter()
            .any(|c| c.owner == Owner::Person && c.span.start <= w.start && w.end <= c.span.end)
    };
    let outside = |w: &Range<usize>| w.end <= address.start || w.start >= address.end;
    // A part is one word of the post, or a few glued together ("skidefond" of "ski de
    // fond").
    let spelled_at = |part: &str, i: usize| {
        let mut rest = part;
        for w in &words[i..(i + 4).min(words.len())] {
            if !outside(w) || in_a_name(w) {
                return false;
            }
            match rest.strip_prefix(&t[w.clone()]) {
                Some("") => return true,
                Some(r) => rest = r,
                None => return false,
            }
        }
        false
    };
    local
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|part| part.len() >= 4)
        .any(|part| (0..words.len()).any(|i| spelled_at(part, i)))
}

/// The e-mail addresses of `t`: the matches, leftmost first, of
/// `[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}`, without compiling it.
/// The domain ends at the last dot of its labels followed by two letters or more, and
/// takes all the letters after that dot.
pub(super) fn email_addresses(t: &str) -> Vec<Range<usize>> {
    let b = t.as_bytes();
    let local = |c: u8| c.is_ascii_lowercase() || c.is_ascii_digit() || b"._%+-".contains(&c);
    let label = |i: usize| {
        run_end(b, i, |c| {
            c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'-'
        })
    };
    let mut out = Vec::new();
    let mut s = 0;
    while s < b.len() {
        if !(b[s].is_ascii_lowercase() || b[s].is_ascii_digit()) {
            s += 1;
            continue;
        }
        // The local part runs to the `@`; any later start in it meets the same `@`.
        let at = run_end(b, s + 1, local);
        if b.get(at) != Some(&b'@') {
            s = at;
            continue;
        }
        let first = label(at + 1);
        if first == at + 1 {
            s = at + 1;
            continue;
        }
        // The ends of the labels, then the last one followed by `.` and two letters.
        let mut ends = vec![first];
        let mut end = first;
        while b.get(end) == Some(&b'.') && label(end + 1) > end + 1 {
            end = label(end + 1);
            ends.push(end);
        }
        let found = ends.iter().rev().find_map(|&e| {
            let letters = run_end(b, e + 1, |c| c.is_ascii_lowercase());
            (b.get(e) == Some(&b'.') && letters >= e + 3).then_some(letters)
        });
        match found {
            Some(end) => {
                out.push(s..end);
                s = end;
            }
            None => s = at + 1,
        }
    }
    out
}

/// The phone numbers of `t`: the matches, leftmost first, of the pattern
///
/// ```text
/// (?:\+?1[\s.-]?)?                    +1, 1-
/// (?:\(\d{3}\)\s?|\d{3}[\s.-]?)       (819) or 819-
/// \d{3}[\s.-]?\d{4}                   555-1234
/// (?:\s*,?\s*(?:poste|p\.|ext\.?|x|\#)\s*\d{1,5})?    poste 221
/// ```
///
/// (`\s` the ASCII spaces) with the same starts and ends, without compiling it: most
/// posts with a number have one. Each optional part is tried taken first, as the regex
/// does.
pub(super) fn phone_numbers(t: &str) -> Vec<Range<usize>> {
    let b = t.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while at < b.len() {
        match phone_at(b, at) {
            Some(end) => {
                out.push(at..end);
                at = end;
            }
            None => at += 1,
        }
    }
    out
}

/// Phone numbers written to slip past the usual writings: ten digits (eleven after a
/// leading 1) in groups of any size, split by spaces, dots, dashes and slashes, one or
/// several ("819 787 . 42 . 18", "8-1-9-4-7-7-5-5-2-3", "819 523 – 67 – 09", "819 / 477 /
/// 36 / 58"). The run holds
/// nothing else, so sums, dates and lists of numbers do not add up to a number; the caller
/// still asks for a valid area code.
pub(super) fn scattered_phone_numbers(t: &str) -> Vec<Range<usize>> {
    let b = t.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() || (i > 0 && (b[i - 1].is_ascii_alphanumeric())) {
            i += 1;
            continue;
        }
        // The run of digits and separators, ending on a digit.
        let (mut end, mut count, mut groups, mut marked) = (i, 0, 0, true);
        let mut j = i;
        let mut gap = false;
        while j < b.len() {
            if b[j].is_ascii_digit() {
                // Many groups split by spaces alone are a list ("1 2 3 … 10"); a
                // number split digit by digit marks its splits ("8-1-9-4…").
                if gap {
                    marked &= b[..j]
                        .iter()
                        .rev()
                        .take_while(|c| !c.is_ascii_digit())
                        .any(|&c| c != b' ');
                    gap = false;
                }
                if j == i || !b[j - 1].is_ascii_digit() {
                    groups += 1;
                }
                count += 1;
                end = j + 1;
                j += 1;
            } else if separator(b, j) || b[j] == b'/' {
                gap = true;
                j += 1;
            } else {
                break;
            }
        }
        let bounded = !b.get(end).is_some_and(|c| c.is_ascii_alphanumeric());
        let leading_one = b[i] == b'1';
        let groups_fit = groups >= 3 && (groups <= 5 || marked || laid_out(b, i..end));
        if bounded && groups_fit && (count == 10 || (count == 11 && leading_one)) {
            out.push(i..end);
        }
        i = end.max(i + 1);
    }
    out
}

/// True when a run of digits split by spaces is laid out as a phone number once its
/// digits spaced one by one are read as one group: "8 1 9 . 3 3 9 . 4 7 1 2",
/// "819.4 7 7.0 0 2 3", "819 3 3 3 - 4 5 1 7" make 3, 3 and 4 digits (after a leading
/// 1). A list ("1 2 3 4 5 6 7 8 9 10") is not.
fn laid_out(b: &[u8], run: Range<usize>) -> bool {
    let mut blocks: Vec<usize> = Vec::new();
    // The previous group of digits: its length and where it ends.
    let mut previous: Option<(usize, usize)> = None;
    let mut i = run.start;
    while i < run.end {
        let end = run_end(b, i, |c| c.is_ascii_digit());
        let single_space =
            previous.is_some_and(|(len, at)| len == 1 && i == at + 1 && b[at] == b' ');
        match blocks.last_mut() {
            Some(last) if single_space && end - i == 1 => *last += 1,
            _ => blocks.push(end - i),
        }
        previous = Some((end - i, end));
        i = run_end(b, end, |c| !c.is_ascii_digit());
    }
    matches!(blocks.as_slice(), [3, 3, 4] | [1, 3, 3, 4])
}

fn separator(b: &[u8], i: usize) -> bool {
    b.get(i)
        .is_some_and(|&c| is_space(c) || c == b'.' || c == b'-')
}

fn digits(b: &[u8], i: usize, n: usize) -> bool {
    b.len() >= i + n && b[i..i + n].iter().all(u8::is_ascii_digit)
}

/// `x?` after `i`: where the rest may start, taken first.
fn optional(i: usize, taken: bool) -> impl Iterator<Item = usize> {
    taken.then_some(i + 1).into_iter().chain(Some(i))
}

/// The end of a phone number that starts at `s`.
fn phone_at(b: &[u8], s: usize) -> Option<usize> {
    // Every match starts with "+", "(" or a digit: most bytes are none of them.
    if !b
        .get(s)
        .is_some_and(|&c| c == b'+' || c == b'(' || c.is_ascii_digit())
    {
        return None;
    }
    // `(?:\+?1[\s.-]?)?`
    let country = optional(s, b.get(s) == Some(&b'+'))
        .filter(|&one| b.get(one) == Some(&b'1'))
        .flat_map(|one| optional(one + 1, separator(b, one + 1)));
    country.chain(Some(s)).find_map(|area| {
        // `\(\d{3}\)\s?` or `\d{3}[\s.-]?`
        let exchanges = if b.get(area) == Some(&b'(') {
            if !digits(b, area + 1, 3) || b.get(area + 4) != Some(&b')') {
                return None;
            }
            let space = b.get(area + 5).is_some_and(|&c| is_space(c));
            optional(area + 5, space)
        } else if digits(b, area, 3) {
            optional(area + 3, separator(b, area + 3))
        } else {
            return None;
        };
        exchanges.into_iter().find_map(|x| {
            // `\d{3}[\s.-]?\d{4}`
            if !digits(b, x, 3) {
                return None;
            }
            optional(x + 3, separator(b, x + 3))
                .find(|&line| digits(b, line, 4))
                .map(|line| extension(b, line + 4).unwrap_or(line + 4))
        })
    })
}

/// `\s*,?\s*(?:poste|p\.|ext\.?|x|\#)\s*\d{1,5}` at `i`: its end. Each part has one way
/// to match (a space cannot start what follows a run of spaces).
fn extension(b: &[u8], i: usize) -> Option<usize> {
    let spaces = |i: usize| {
        i + b[i.min(b.len())..]
            .iter()
            .take_while(|&&c| is_space(c))
            .count()
    };
    let mut i = spaces(i);
    if b.get(i) == Some(&b',') {
        i += 1;
    }
    i = spaces(i);
    let rest = &b[i..];
    let word = if rest.starts_with(b"poste") {
        5
    } else if rest.starts_with(b"p.") {
        2
    } else if rest.starts_with(b"ext.") && digits_after(b, i + 4) {
        4
    } else if rest.starts_with(b"ext") {
        3
    } else if rest.starts_with(b"x") || rest.starts_with(b"#") {
        1
    } else {
        return None;
    };
    let i = spaces(i + word);
    let n = b[i..]
        .iter()
        .take(5)
        .take_while(|c| c.is_ascii_digit())
        .count();
    (n > 0).then_some(i + n)
}

/// True when digits follow `i`, past spaces.
fn digits_after(b: &[u8], i: usize) -> bool {
    b[i.min(b.len())..]
        .iter()
        .find(|&&c| !is_space(c))
        .is_some_and(u8::is_ascii_digit)
}

/// The number without its extension.
fn number_part(s: &str) -> &str {
    let end = s
        .find(|c: char| c.is_alphabetic() || c == '#' || c == ',')
        .unwrap_or(s.len());
    &s[..end]
}

fn trim_span(t: &str, span: Range<usize>) -> Range<usize> {
    let s = &t[span.clone()];
    span.start..span.start + s.trim_end().len()
}

/// The author's own address on a personal post ("écrivez-moi à …", "Infos : …", "Nouveau
/// courriel perso : …"): giving it is the author's choice, not a leak. An address is the
/// author's unless its sentence gives it to someone else: a person named or designated
/// ("Contactez Martin", "la locataire"), a third person's address or pronoun ("son
/// courriel", "écrivez-lui"), or the author writing to it ("j'envoie ma facture à …"). (An
/// address in the organisation's domain stays reported: on a personal account it is
/// `professional-email`'s business and may be a colleague's.)
fn authors_own(r: &Reader<'_>, address: Range<usize>) -> bool {
    static FIRST_PERSON: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:\b(?:ecrivez|ecris|joignez|contactez|rejoignez)-moi\b|\b(?:mon|mes) (?:adresse|courriel|email|e-mail|adresses)\b|\bme (?:joindre|contacter|rejoindre|ecrire)\b|\bm'ecrire\b)")
            .expect("first-person regex")
    });
    static SOMEONE_ELSE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:\b(?:son|sa|ses|leur|leurs) (?:adresse|courriel|email|e-mail|adresses|coordonnees)\b|-(?:lui|leur)\b|\b(?:lui|leur) (?:ecrire|envoyer|ecrit|ecrivez|envoyez|repondre|repondez|parler|parlez|demander|demandez|dire|dites|texter|textez)\b|\bj'(?:envoie|ecris|ai envoye|ai ecrit)\b|\bc'est (?:le courriel|l'adresse) d)")
            .expect("third-person regex")
    });
    let t = r.scan.text();
    let sentence = r.scan.sentence(address.start);
    let before = &t[sentence.start.min(address.start)..address.start];
    // Every first-person form holds one of these.
    let words = ["-moi", "mon ", "mes ", "joindre", "contacter", "ecrire"];
    if words.iter().any(|w| before.contains(w)) && FIRST_PERSON.is_match(before) {
        return true;
    }
    let around = &t[sentence.clone()];
    let someone = r.cues().iter().any(|c: &Cue| {
        c.owner == Owner::Person
            && c.specific
            && c.span.start >= sentence.start
            && c.span.end <= sentence.end
            && (c.span.end <= address.start || c.span.start >= address.end)
    });
    !someone && !SOMEONE_ELSE.is_match(around)
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::excerpts;

    fn found(profile: &str, text: &str) -> Vec<String> {
        excerpts("confidential-data", profile, text)
    }

    #[test]
    fn every_usual_phone_writing_is_found() {
        for text in [
            "Appelez Mme Roy au 819-555-1234.",
            "Appelez Mme Roy au (819) 555-1234.",
            "Appelez Mme Roy au 819 555 1234.",
            "Appelez Mme Roy au 819.555.1234.",
            "Appelez Mme Roy au +1 819 555 1234.",
            "Appelez Mme Roy au 1-819-555-1234.",
            "Appelez Mme Roy au 8195551234.",
        ] {
            let f = found("la-sarre", text);
            assert_eq!(f.len(), 1, "{text}: {f:?}");
            assert!(f[0].ends_with("1234"), "{text}: {f:?}");
        }
        assert_eq!(
            found("la-sarre", "Joignez Luc au 819 555-1234 poste 221."),
            ["819 555-1234 poste 221"]
        );
    }

    #[test]
    fn a_number_split_to_slip_past_is_still_found() {
        for (text, number) in [
            (
                "Sa voisine nous a laissé son numéro : 819 787 . 42 . 18.",
                "819 787 . 42 . 18",
            ),
            (
                "Mario, rappelle-moi au 8-1-9-4-7-7-5-5-2-3, merci.",
                "8-1-9-4-7-7-5-5-2-3",
            ),
            ("La maman de Léa : 819 523 – 67 – 09.", "819 523 – 67 – 09"),
            (
                "Appelez Ginette au 819 / 477 / 36 / 58 pour le covoiturage.",
                "819 / 477 / 36 / 58",
            ),
        ] {
            assert_eq!(found("la-sarre", text), [number], "{text}");
        }
        // Sums, lists and numbers that are no phone number.
        for text in [
            "Résultats : 12 - 15 - 20 - 30 - 45 points.",
            "Le budget passe de 2 345 678 $ à 2 456 789 $.",
            "Les lots 1 2 3 4 5 6 7 8 9 10 sont vendus.",
            "Scores : 819/1000, 477/500 et 36/58.",
            "Collectes les 12/03, 26/03 et 09/04/2026.",
        ] {
            assert!(found("la-sarre", text).is_empty(), "{text}");
        }
    }

    #[test]
    fn digits_spaced_one_by_one_inside_the_groups_are_still_a_number() {
        for (text, number) in [
            (
                "M. Lavoie, le concierge, appelez-le chez lui au 8 1 9 . 3 3 9 . 4 7 1 2 ce soir.",
                "8 1 9 . 3 3 9 . 4 7 1 2",
            ),
            (
                "Le monsieur qui appelle tout le temps, son cell c'est le 819.4 7 7.0 0 2 3 😂",
                "819.4 7 7.0 0 2 3",
            ),
            (
                "C'est Roger Poirier. Son numéro c'est le 819 3 3 3 - 4 5 1 7, appelez-le.",
                "819 3 3 3 - 4 5 1 7",
            ),
        ] {
            assert_eq!(found("la-sarre", text), [number], "{text}");
        }
        // Digits spaced one by one that are not laid out as a phone number, a score,
        // the organisation's number.
        for text in [
            "Les gagnants : 8 1 9 3 3 9 4 7 1 2, bravo à tous!",
            "Les lots 1 2 3 . 4 5 6 . 7 8 9 10 sont vendus.",
            "Victoire 3 - 4 en prolongation, puis 5 - 2 dimanche.",
            "Bibliothèque municipale : 8 1 9 . 3 3 9 . 1 2 3 4.",
        ] {
            assert!(
                found("la-sarre", text).is_empty(),
                "{text}: {:?}",
                found("la-sarre", text)
            );
        }
    }

    #[test]
    fn public_numbers_are_not_personal() {
        for text in [
            "Info : 819-333-2282 ou 911 en cas d'urgence.",
            "Info-Santé 811, ligne 211, SOS violence conjugale 1 800 363-9010.",
            "Appelez le 1-877-644-4545 (Services Québec).",
            "Bibliothèque municipale : 819 339-1234.",
            "Réservez au restaurant Chez Ginette, 819-339-5555.",
            "Numéro de dossier introuvable ? Appelez le 819-333-2282 poste 221.",
        ] {
            assert!(found("la-sarre", text).is_empty(), "{text}");
        }
    }

    #[test]
    fn numbers_inside_longer_numbers_are_not_phones() {
        for text in [
            "Le montant de 1 819 555 1234 $ est faux.",
            "Compte 00123-815-1234567.",
            "Budget 2025-2026 : 819 555 123 $.",
        ] {
            let f = found("la-sarre", text);
            assert!(!f.iter().any(|e| e.contains("555")), "{text}: {f:?}");
        }
    }

    #[test]
    fn emails_of_persons_are_found_and_role_addresses_are_not() {
        assert_eq!(
            found(
                "la-sarre",
                "Pour le covoiturage, écrivez à Jean Tremblay : jean.tremblay@gmail.com."
            ),
            ["jean.tremblay@gmail.com"]
        );
        assert!(found("la-sarre", "Écrivez à info@ville.lasarre.qc.ca.").is_empty());
        assert!(found("la-sarre", "Réservations : reservations@aubergedulac.ca").is_empty());
        // Named after the event the post announces, given for its committee.
        assert!(
            found(
                "st-urbain",
                "+++\naccount = \"official\"\n+++\nTournoi de pêche blanche le 21 février! Écrivez au comité organisateur à peche.sturbain@gmail.com."
            )
            .is_empty()
        );
        assert!(
            found(
                "st-urbain",
                "+++\naccount = \"official\"\n+++\nLe club de ski de fond organise sa randonnée samedi! Inscription auprès du club à skidefond.sturbain@gmail.com."
            )
            .is_empty()
        );
        // A person's address stays a person's, whatever the event.
        assert_eq!(
            found(
                "st-urbain",
                "+++\naccount = \"official\"\n+++\nTournoi de pêche blanche le 21 février! Écrivez au comité à jtremblay1985@gmail.com."
            ),
            ["jtremblay1985@gmail.com"]
        );
    }

    #[test]
    fn the_authors_own_address_on_a_personal_post_is_not_a_leak() {
        assert!(
            found(
                "la-sarre",
                "Pour le tournoi, écrivez-moi à jtremblay1985@gmail.com"
            )
            .is_empty()
        );
        assert!(
            found(
                "la-sarre",
                "Mon adresse pour la vente : lucie.simard@hotmail.com"
            )
            .is_empty()
        );
        assert_eq!(
            found(
                "la-sarre",
                "Pour joindre Julie, écrivez à julie.roy@gmail.com"
            ),
            ["julie.roy@gmail.com"]
        );
        // With no one else in its sentence, an address given on a personal account is
        // the author's.
        for text in [
            "Nouveau courriel perso : lucie.simard@hotmail.com",
            "Inscriptions au tournoi : jtremblay1985@gmail.com",
        ] {
            assert!(found("la-sarre", text).is_empty(), "{text}");
        }
        // Someone else's: their address, a pronoun, the author writing to it.
        for text in [
            "Les parents de Léa cherchent sa tuque : son courriel est ml.roy@gmail.com",
            "Écrivez-lui à ml.roy@gmail.com, elle sera ravie.",
            "J'envoie ma facture à ml.roy@gmail.com demain.",
        ] {
            assert_eq!(found("la-sarre", text), ["ml.roy@gmail.com"], "{text}");
        }
        assert_eq!(
            found(
                "la-sarre",
                "+++\naccount = \"official\"\n+++\nÉcrivez-moi à jtremblay1985@gmail.com"
            ),
            ["jtremblay1985@gmail.com"]
        );
    }

    #[test]
    fn the_organisations_domain_is_public_on_its_official_account_only() {
        let text = "Écrivez à marc.roy@ville.lasarre.qc.ca.";
        assert!(
            found(
                "la-sarre",
                &format!("+++\naccount = \"official\"\n+++\n{text}")
            )
            .is_empty()
        );
        assert_eq!(
            found(
                "la-sarre",
                &format!("+++\naccount = \"personal\"\n+++\n{text}")
            ),
            ["marc.roy@ville.lasarre.qc.ca"]
        );
    }
}
