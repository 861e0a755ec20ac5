//! E-mail addresses and phone numbers.
//!
//! An address or a number is a person's unless it is the organisation's (profile and
//! `vigie.toml`), a public one listed in the rule's parameters, a public service (911,
//! 811, 211, 311 have too few digits to match; toll-free 8XX lines are skipped), a
//! role address ("info@", "loisirs@", a business's "reservations@"), the organisation's
//! domain on its official account, or a number whose nearest cue is a public place or
//! a business ("Bibliothèque municipale : 819-339-1234").

use std::collections::HashSet;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::checksums::{is_nanp, is_toll_free, phone_key};
use super::context::{Owner, compile, owner_before};
use super::literals::is_space;
use super::{Found, Kind, Reader};

pub(super) static EMAIL: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"[a-z0-9][a-z0-9._%+-]*@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}").expect("email")
});

/// A North American number: optional +1, area code (in parentheses or not), exchange,
/// line, with spaces, dots or dashes, and an optional extension.
pub(super) static PHONE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"(?x)
        (?:\+?1[\s.-]?)?
        (?:\(\d{3}\)\s?|\d{3}[\s.-]?)
        \d{3}[\s.-]?\d{4}
        (?:\s*,?\s*(?:poste|p\.|ext\.?|x|\#)\s*\d{1,5})?",
    )
    .expect("phone")
});

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
        if !has_email_shape(t) {
            return;
        }
        for m in EMAIL.find_iter(t) {
            let address = m.as_str().trim_end_matches('.');
            let (local, domain) = address.split_once('@').unwrap_or((address, ""));
            if self.public_emails.contains(address)
                || ROLE_LOCAL_PARTS.contains(&local)
                || (r.official && self.is_org_domain(domain))
                || (!r.official
                    && !self.is_org_domain(domain)
                    && authors_own(t, r.scan.sentence(m.start()).start, m.start()))
            {
                continue;
            }
            out.push(Found::new(
                Kind::Email,
                m.start()..m.start() + address.len(),
            ));
        }
    }

    pub fn phones(&self, r: &Reader<'_>, out: &mut Vec<Found>) {
        let t = r.scan.text();
        if !has_phone_shape(t) {
            return;
        }
        for m in PHONE.find_iter(t) {
            let span = m.range();
            if !r.isolated(span.clone()) {
                continue;
            }
            let number = number_part(m.as_str());
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

/// Where [`EMAIL`] can match: an `@` after a character of a local part, then a domain
/// (`[a-z0-9.-]`, starting with no dot) with a dot and two letters. A handle
/// ("@villedelasarre") is not an address.
pub(super) fn has_email_shape(t: &str) -> bool {
    let b = t.as_bytes();
    let local = |c: u8| c.is_ascii_lowercase() || c.is_ascii_digit() || b"._%+-".contains(&c);
    let domain = |c: u8| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'.' || c == b'-';
    b.iter().enumerate().any(|(at, &c)| {
        if c != b'@' || at == 0 || !local(b[at - 1]) || b.get(at + 1).is_none_or(|&d| d == b'.') {
            return false;
        }
        let mut end = at + 1;
        while end < b.len() && domain(b[end]) {
            end += 1;
        }
        let d = &b[at + 1..end];
        d.windows(3)
            .any(|w| w[0] == b'.' && w[1].is_ascii_lowercase() && w[2].is_ascii_lowercase())
    })
}

/// Where [`PHONE`] can match: an area code (`(819)`, `(819) `, `819`, `819-`), then
/// `\d{3}[\s.-]?\d{4}`. The optional `+1` and extension do not matter to whether it can.
pub(super) fn has_phone_shape(t: &str) -> bool {
    let b = t.as_bytes();
    let digits =
        |i: usize, n: usize| b.len() >= i + n && b[i..i + n].iter().all(u8::is_ascii_digit);
    let separator = |i: usize| {
        b.get(i)
            .is_some_and(|&c| is_space(c) || c == b'.' || c == b'-')
    };
    let exchange_and_line = |mut i: usize| {
        if !digits(i, 3) {
            return false;
        }
        i += 3;
        if separator(i) {
            i += 1;
        }
        digits(i, 4)
    };
    (0..b.len()).any(|i| {
        if b[i] == b'(' {
            if !digits(i + 1, 3) || b.get(i + 4) != Some(&b')') {
                return false;
            }
            let mut j = i + 5;
            if b.get(j).is_some_and(|&c| is_space(c)) {
                j += 1;
            }
            exchange_and_line(j)
        } else if digits(i, 3) {
            let j = if separator(i + 3) { i + 4 } else { i + 3 };
            exchange_and_line(j)
        } else {
            false
        }
    })
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

/// The author's own address on a personal post ("écrivez-moi à …", "mon adresse : …"):
/// giving it is the author's choice, not a leak. (An address in the organisation's
/// domain stays reported: on a personal account it is `professional-email`'s business
/// and may be a colleague's.)
fn authors_own(text: &str, sentence_start: usize, at: usize) -> bool {
    static FIRST_PERSON: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:\b(?:ecrivez|ecris|joignez|contactez|rejoignez)-moi\b|\b(?:mon|mes) (?:adresse|courriel|email|e-mail|adresses)\b|\bme (?:joindre|contacter|rejoindre|ecrire)\b|\bm'ecrire\b)")
            .expect("first-person regex")
    });
    let before = &text[sentence_start.min(at)..at];
    // Every form holds one of these.
    let words = ["-moi", "mon ", "mes ", "joindre", "contacter", "ecrire"];
    words.iter().any(|w| before.contains(w)) && FIRST_PERSON.is_match(before)
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
                "Écrivez à jean.tremblay@gmail.com pour le covoiturage."
            ),
            ["jean.tremblay@gmail.com"]
        );
        assert!(found("la-sarre", "Écrivez à info@ville.lasarre.qc.ca.").is_empty());
        assert!(found("la-sarre", "Réservations : reservations@aubergedulac.ca").is_empty());
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
