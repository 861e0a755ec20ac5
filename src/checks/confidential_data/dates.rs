//! Dates of birth: a date after "né le", "née le", "date de naissance", "DDN", in any
//! usual writing ("12 mars 1987", "1er mai", "12/03/1987", "1987-03-12").
//!
//! Other dates (events, deadlines, years) are never personal data, and neither is the
//! birth of a town, a festival or a club ("La Ville est née le 12 mai 1917").

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::context::{Owner, compile, owner_before};
use super::literals::{is_space, run_end, word_runs};
use super::{Found, Kind, Reader};

const MONTHS: &str = "janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|janv\\.?|fevr?\\.?|avr\\.?|juil\\.?|sept\\.?|oct\\.?|nov\\.?|dec\\.?";

pub(super) static BIRTH: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?x)
        (?:\b(?:nee?s?|ne\.e|date\s+de\s+naissance|ddn|naissance|naissances)\b|\bne\(e\))
        (?:\s+(?:de|du|d')\s*[\p{{L}}'-]+(?:\s+[\p{{L}}'-]+)?\s*:)?
        \s*[:,]?\s*
        (?:(?:le|du|en\s+date\s+du|au\s+matin\s+du|dans\s+la\s+nuit\s+du|ce|ce\s+matin,?\s+le)\s+)?
        (?P<date>
            (?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?
            (?:1er|\d{{1,2}})\s+(?:{MONTHS})(?:\s+\d{{4}})?
          | \d{{1,2}}[/.-]\d{{1,2}}[/.-](?:\d{{4}}|\d{{2}})
          | \d{{4}}[/.-]\d{{2}}[/.-]\d{{2}}
        )\b"
    ))
    .expect("birth date")
});

/// Subjects that are born without being persons.
static THING: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"\b(?:ville|municipalite|village|paroisse|festival|projet|club|organisme|entreprise|idee|fete|evenement|tradition|journal|mouvement|groupe|cpe|ecole|bibliotheque|association|fondation|comite|cooperative|coop|service|programme|initiative|concept|marche|salon)\b")
        .expect("thing")
});

const WEEKDAYS: &[&str] = &[
    "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
];

/// Where [`BIRTH`] can match: a word of birth ("né", "née", "naissance", "DDN") followed,
/// past spaces, colons and commas, by a digit, a weekday or a word that can lead to a
/// date ("de", "le", "ce matin"...). "Ne manquez pas le 24 juin" has none.
pub(super) fn has_birth_shape(t: &str) -> bool {
    let b = t.as_bytes();
    let word_at = |i: usize| {
        let end = run_end(b, i, |c| c.is_ascii_lowercase());
        (&t[i..end], end)
    };
    let spaces_then = |i: usize| {
        let j = run_end(b, i, is_space);
        (j > i).then(|| word_at(j))
    };
    let date_at =
        |i: usize| b.get(i).is_some_and(u8::is_ascii_digit) || WEEKDAYS.contains(&word_at(i).0);
    for Range { start, end } in word_runs(b) {
        let trigger = matches!(
            &t[start..end],
            "ne" | "nee" | "nes" | "nees" | "ddn" | "naissance" | "naissances"
        );
        if !trigger {
            continue;
        }
        // "ne.e", "ne(e)"
        let mut j = end;
        for tail in [".e", "(e)"] {
            if t[j..].starts_with(tail) {
                j += tail.len();
            }
        }
        let j = run_end(b, j, |c| is_space(c) || c == b':' || c == b',');
        let (word, after) = word_at(j);
        let next = |w: &str| spaces_then(after).is_some_and(|(x, _)| x == w);
        let next_date =
            || run_end(b, after, is_space) > after && date_at(run_end(b, after, is_space));
        let leads = match word {
            // "de mon père :", "du", "d'"; a weekday.
            "de" | "du" | "d" => true,
            w if WEEKDAYS.contains(&w) => true,
            "le" => next_date(),
            "ce" => next_date() || next("matin"),
            "en" => next("date"),
            "au" => next("matin"),
            "dans" => next("la"),
            "" => date_at(j),
            _ => false,
        };
        if leads {
            return true;
        }
    }
    false
}

pub fn find(r: &Reader<'_>, out: &mut Vec<Found>) {
    let t = r.scan.text();
    if r.triggers & super::matters::BIRTH_WORD == 0 || !has_birth_shape(t) {
        return;
    }
    for c in BIRTH.captures_iter(t) {
        let whole = c.get(0).unwrap();
        let date = c.name("date").unwrap();
        let sentence = r.scan.sentence(whole.start());
        let (owner, _) = owner_before(r.cues(), sentence.clone(), whole.start());
        let subject = &t[sentence.start..whole.start()];
        if owner != Owner::Person && THING.is_match(subject) {
            continue;
        }
        out.push(Found::new(Kind::BirthDate, date.range()));
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::excerpts;

    fn found(text: &str) -> Vec<String> {
        excerpts("confidential-data", "cpe-premier-pas", text)
    }

    #[test]
    fn every_writing_of_a_birth_date() {
        assert_eq!(
            found("Léa, née le 3 mai 2021, entre chez les Coccinelles."),
            ["3 mai 2021"]
        );
        assert_eq!(found("Marc est né le 1er mars 1987."), ["1er mars 1987"]);
        assert_eq!(found("Date de naissance : 12/03/1987"), ["12/03/1987"]);
        assert_eq!(found("DDN 1987-03-12, merci."), ["1987-03-12"]);
        assert_eq!(
            found("Date de naissance de mon père : 15-07-1950."),
            ["15-07-1950"]
        );
        assert_eq!(
            found("Bienvenue à Théo, né(e) le 14 février !"),
            ["14 février"]
        );
        assert_eq!(found("Mon fils est né le 12-03-2019."), ["12-03-2019"]);
    }

    #[test]
    fn other_dates_are_not_birth_dates() {
        for text in [
            "La fête aura lieu le 3 mai 2025 au parc.",
            "La Ville est née le 12 mai 1917 de la colonisation.",
            "Le festival est né le 4 juillet 1990 grâce aux bénévoles.",
            "Inscriptions du 12/03/2025 au 30/03/2025.",
            "Le CPE fête ses 25 ans en 2025.",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }
}
