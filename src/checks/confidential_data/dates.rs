//! Dates of birth: a date after "né le", "née un", "venu au monde le", "date de
//! naissance", "DDN", maybe with the birthplace between ("né à Baie-Saint-Paul le"), in
//! any usual writing ("12 mars 1987", "1er mai", "23 juillet 88", "4 février, en 1958",
//! "12/03/1987", "1987-03-12"), or spelled out ("le vingt janvier mille neuf cent
//! quatre-vingt-seize": how a date gets past a filter, still the person's date).
//!
//! An age said with its day gives the date of birth as well: "Théo fête ses 4 ans
//! demain", "Joyeux 40e à Julie aujourd'hui!", "Nathalie aura 50 ans le 3 mars",
//! "franchit le cap des 50 ans ce jeudi 14 mai" ([`ages`]), when the sentence names the
//! person (a name, "ma collègue", "le petit X"), or its pronoun stands for a person
//! named just before, and it is not the poster ("je fête mes 40 ans").
//!
//! Other dates (events, deadlines, years) are never personal data, and neither is the
//! birth of a town, a festival or a club ("La Ville est née le 12 mai 1917"), nor the
//! anniversary of a service or a years-of-service milestone ("ses 25 ans de service").

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::context::{Owner, compile, owner_before};
use super::literals::{is_space, run_end, word_runs};
use super::{Found, Kind, Reader};
use crate::text::morph;

/// A day of the month spelled out: "premier", "vingt", "vingt-trois", "trente et un".
const SPELLED_DAY: &str = r"premier|(?:vingt|trente)(?:[\s-]+(?:et[\s-]+)?(?:un|deux|trois|quatre|cinq|six|sept|huit|neuf))?|deux|trois|quatre|cinq|six|sept|huit|neuf|dix(?:-(?:sept|huit|neuf))?|onze|douze|treize|quatorze|quinze|seize";

/// A year spelled out: "mille neuf cent quatre-vingt-seize", "deux mille trois".
const SPELLED_YEAR: &str = r"(?:deux[\s-]+)?mil(?:le)?(?:[\s-]+(?:et|un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts?|trente|quarante|cinquante|soixante|cents?)\b)+";

const MONTHS: &str = "janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|janv\\.?|fevr?\\.?|avr\\.?|juil\\.?|sept\\.?|oct\\.?|nov\\.?|dec\\.?";

pub(super) static BIRTH: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?x)
        (?P<word>
            \b(?:nee?s?|ne\.e|date\s+de\s+naissance|ddn|naissance|naissances)\b|\bne\(e\)
          | \bvenue?s?\s+au\s+monde\b
        )
        (?:\s+(?:de|du|d')\s*[\p{{L}}'-]+(?:\s+[\p{{L}}'-]+)?\s*:)?
        (?P<place>\s+(?:a|au|en)\s+[\p{{L}}'-]+(?:\s+[\p{{L}}'-]+){{0,3}}?)?
        \s*[:,]?\s*
        (?:(?P<lead>le|du|un|en\s+date\s+du|au\s+matin\s+du|dans\s+la\s+nuit\s+du|ce|ce\s+matin,?\s+le)\s+)?
        (?P<date>
            (?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?
            (?:1er|\d{{1,2}})\s+(?:{MONTHS})(?:,?\s+(?:en\s+)?\d{{4}}|\s+(?P<yy>\d{{2}}))?
          | (?:{SPELLED_DAY})\s+(?:{MONTHS})(?:,?\s+(?:en\s+)?(?:\d{{4}}|{SPELLED_YEAR}))?
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

/// The first words of [`SPELLED_DAY`].
const SPELLED_DAY_WORDS: &[&str] = &[
    "premier", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
    "douze", "treize", "quatorze", "quinze", "seize", "vingt", "trente",
];

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
    // A day spelled out ("le vingt janvier"): [`BIRTH`] asks for its month.
    let date_at = |i: usize| {
        b.get(i).is_some_and(u8::is_ascii_digit)
            || WEEKDAYS.contains(&word_at(i).0)
            || SPELLED_DAY_WORDS.contains(&word_at(i).0)
    };
    for Range { start, end } in word_runs(b) {
        let trigger = matches!(
            &t[start..end],
            "ne" | "nee" | "nes" | "nees" | "ddn" | "naissance" | "naissances" | "monde"
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
            "le" | "un" => next_date(),
            "ce" => next_date() || next("matin"),
            // A birthplace: "né à Baie-Saint-Paul le…", "née au Nouveau-Brunswick le…".
            "a" | "au" | "en" => true,
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

/// True when a named person of the sentence is the subject of what is said at `at`:
/// the name comes just before ("Ginette Lavoie, née le…"), its apposition is set off by
/// commas ("Ginette Lavoie, notre réceptionniste à l'hôtel de ville, née le…"), or a
/// relative clause follows it ("Raymond Girard du garage municipal qui fête ses 60
/// ans"). Then the town or the party named on the way is not what was born.
fn person_is_subject(r: &Reader<'_>, sentence: Range<usize>, at: usize) -> bool {
    let t = r.scan.text();
    r.cues().iter().any(|c| {
        if c.owner != Owner::Person
            || !c.specific
            || c.span.start < sentence.start
            || c.span.end > at
        {
            return false;
        }
        let between = &t[c.span.end..at];
        let words: Vec<&str> = between
            .split(|ch: char| !ch.is_alphanumeric() && ch != '\'')
            .filter(|w| !w.is_empty())
            .collect();
        words.len() <= 3
            || between.trim_end().ends_with(',')
            || words.iter().rev().take(2).any(|w| *w == "qui")
    })
}

pub fn find(r: &Reader<'_>, out: &mut Vec<Found>) {
    let t = r.scan.text();
    if r.triggers & super::matters::BIRTH_WORD == 0 || !has_birth_shape(t) {
        return;
    }
    for c in BIRTH.captures_iter(t) {
        let whole = c.get(0).unwrap();
        let sentence = r.scan.sentence(whole.start());
        let (owner, _) = owner_before(r.cues(), sentence.clone(), whole.start());
        let subject = &t[sentence.start..whole.start()];
        if owner != Owner::Person
            && !person_is_subject(r, sentence.clone(), whole.start())
            && THING.is_match(subject)
            || super::situations::mentions_animal(&t[sentence.clone()])
        {
            continue;
        }
        out.push(Found::new(Kind::BirthDate, birth_span(t, &c)));
    }
}

/// What a match of [`BIRTH`] underlines: the date after a label ("DDN 1987-03-12"), the
/// participle with the birthplace and the date ("né à Baie-Saint-Paul le 30/09/1991"),
/// the date with its article after "venu au monde" ("le 23 juillet 88"). Two digits
/// after the month are a year unless an hour or a count follows them ("née le 3 mai
/// 12 h 30").
fn birth_span(t: &str, c: &regex::Captures<'_>) -> Range<usize> {
    let word = c.name("word").unwrap();
    let date = c.name("date").unwrap();
    let end = match c.name("yy") {
        Some(yy) if hour_or_count(&t[yy.end()..]) => t[..yy.start()].trim_end().len(),
        _ => date.end(),
    };
    let start = match word.as_str() {
        "naissance" | "naissances" | "ddn" => date.start(),
        w if w.starts_with("date") => date.start(),
        w if w.starts_with("venu") => c.name("lead").map_or(date.start(), |l| l.start()),
        _ => word.start(),
    };
    start..end
}

/// True when `rest` starts with an hour or a count: "h", "h30", ":", "ans".
fn hour_or_count(rest: &str) -> bool {
    let rest = rest.trim_start();
    let word: &str = rest
        .split(|c: char| !c.is_ascii_alphanumeric())
        .next()
        .unwrap_or("");
    rest.starts_with(':')
        || matches!(word, "heure" | "heures" | "an" | "ans" | "min" | "minutes")
        || word
            .strip_prefix('h')
            .is_some_and(|d| d.bytes().all(|b| b.is_ascii_digit()))
}

/// An age announced: "fête ses 4 ans", "aura 50 ans", "souffle ses 40 bougies", "joyeux
/// 40e (anniversaire)". Not "ses 25 ans de service".
static AGE: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        &r"(?x)\b(?:
            (?:fete|fetera|fetait|celebre|celebrera|souligne|soulignera)\s+(?:ses|son)\s+\d{1,3}\s+ans
          | (?:a|aura|avait)\s+\d{1,3}\s+ans
          | (?:franchit|franchira|passe|passera|atteint|atteindra)\s+(?:le\s+cap\s+des|la\s+barre\s+des|ses)\s+\d{1,3}\s+ans
          | (?:souffle|soufflera|soufflait)\s+ses\s+\d{1,3}\s+bougies
          | (?:joyeux|bon|bonne)\s+\d{1,3}\s*(?:e|eme|ieme)\b(?:\s+anniversaire)?
          | \d{1,3}\s+ans\s+(?:le\s+(?:1er|\d{1,2})\s+(?:MONTHS)|demain|aujourd'hui|ce\s+(?:soir|matin))\b
        )(?:\s+(?:de|d'|comme|au|a\s+la)\b)?"
            .replace("MONTHS", MONTHS),
    )
    .expect("age")
});

/// The poster's close family, after "ma", "mon", "notre": their news is the poster's.
const FAMILY: &[&str] = &[
    "fille",
    "fils",
    "garcon",
    "gars",
    "enfant",
    "bebe",
    "puce",
    "cocotte",
    "ado",
    "cadet",
    "cadette",
    "aine",
    "ainee",
    "petit",
    "petite",
    "neveu",
    "niece",
    "chum",
    "blonde",
    "conjoint",
    "conjointe",
    "mari",
    "femme",
    "pere",
    "mere",
    "papa",
    "maman",
    "frere",
    "soeur",
];

/// The day of the age: today, tomorrow, a weekday, a date.
static DAY: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?x)\b(?:aujourd'hui|demain|hier|ce\s+(?:soir|matin|(?:{weekdays})(?:\s+(?:1er|\d{{1,2}})\s+(?:{MONTHS}))?)|(?:{weekdays})\s+prochain|(?:le|ce|du)\s+(?:(?:{weekdays})\s+)?(?:1er|\d{{1,2}})\s+(?:{MONTHS}))\b",
        weekdays = WEEKDAYS.join("|"),
    ))
    .expect("day")
});

/// Where [`AGE`] can match: a number followed by " ans", " bougies" or an ordinal ending
/// ("40e", "40eme", "40ieme"). Most posts have none, and the pattern is not compiled.
fn has_age_shape(t: &str) -> bool {
    let b = t.as_bytes();
    (0..b.len()).any(|i| {
        b[i].is_ascii_digit()
            && !b.get(i + 1).is_some_and(u8::is_ascii_digit)
            && [" ans", " bougies", "e", "eme", "ieme"].iter().any(|w| {
                b[i + 1..].starts_with(w.as_bytes())
                    && !b
                        .get(i + 1 + w.len())
                        .is_some_and(|c| c.is_ascii_alphanumeric())
            })
    })
}

/// Ages with their day, of a person named in the sentence.
pub fn ages(r: &Reader<'_>, out: &mut Vec<Found>) {
    let t = r.scan.text();
    if !has_age_shape(t) {
        return;
    }
    for m in AGE.find_iter(t) {
        let phrase = m.as_str();
        // "ses 25 ans de service", "a 40 ans comme pompier"
        if phrase.ends_with(" de")
            || phrase.ends_with(" d'")
            || phrase.ends_with("comme")
            || phrase.ends_with(" au")
            || phrase.ends_with(" la")
        {
            continue;
        }
        let sentence = r.scan.sentence(m.start());
        let before = &t[sentence.start..m.start()];
        let last: Vec<&str> = before
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
            .rev()
            .take(3)
            .collect();
        // The poster's own age, or their own child's: "je fête mes 40 ans", "ma fille
        // fête ses 7 ans aujourd'hui" is family news, not a third party's data.
        let own = last
            .iter()
            .any(|w| matches!(*w, "je" | "j'" | "mes" | "moi"))
            || last
                .windows(2)
                .any(|p| matches!(p[1], "ma" | "mon" | "notre") && FAMILY.contains(&p[0]))
            || endearment(&last);
        // Empty when the match runs past its line's sentence ("40\nans").
        let after = t.get(m.end()..sentence.end).unwrap_or_default();
        // "à moi", and a duration: "20 ans aujourd'hui que je suis éducatrice".
        let to_me = after.trim_start().starts_with("a moi")
            || ["que ", "qu'"]
                .iter()
                .any(|w| after.trim_start().starts_with(w));
        // The person is named in the sentence, or, in a birthday post, in the one
        // before ("Bonne fête à Steve! 50 ans le 16 avril").
        let pronoun = matches!(last.first(), Some(&("il" | "elle")));
        let named = names_person(r, sentence.clone())
            || BIRTHDAY.is_match(t) && named_just_before(r, &sentence)
            || pronoun && antecedent_is_person(r, &sentence);
        let (owner, _) = owner_before(r.cues(), sentence.clone(), m.start());
        if own
            || to_me
            || !named
            || (owner != Owner::Person
                && !person_is_subject(r, sentence.clone(), m.start())
                && THING.is_match(before))
            || super::situations::mentions_animal(&t[sentence.clone()])
        {
            continue;
        }
        let Some(day) = DAY.find(&t[sentence.clone()]) else {
            continue;
        };
        let day = sentence.start + day.start()..sentence.start + day.end();
        // The age and its day when they are near; else the age alone.
        let span = if day.start >= m.end() && day.start - m.end() <= 40 {
            m.start()..day.end
        } else if day.end <= m.start() && m.start() - day.end <= 40 {
            day.start..m.end()
        } else {
            m.range()
        };
        out.push(Found::new(Kind::BirthDate, span).message(
            "Âge et jour de l'anniversaire d'une personne : ils donnent sa date de naissance.",
        ));
    }
}

/// True when the last words before an age (nearest first) are the poster's own by
/// endearment: "mon grand Thomas", "ma belle Rosalie", "mon vieux Gaston" (a child, a
/// pet), not "mon collègue Marc" nor "ma voisine".
fn endearment(last: &[&str]) -> bool {
    const FOND: &[&str] = &[
        "grand",
        "grande",
        "petit",
        "petite",
        "vieux",
        "vieille",
        "beau",
        "belle",
        "cher",
        "chere",
        "adore",
        "adoree",
        "precieux",
        "precieuse",
    ];
    matches!(last, [name, fond, "mon" | "ma" | "notre", ..]
        if FOND.contains(fond)
            && morph::lemmas(name, morph::Pos::Noun).next().is_none()
            && morph::lemmas(name, morph::Pos::Adjective).next().is_none())
}

/// True when a cue in `sentence` names one identifiable person other than the poster.
fn names_person(r: &Reader<'_>, sentence: Range<usize>) -> bool {
    let t = r.scan.text();
    r.cues().iter().any(|c| {
        c.owner == Owner::Person
            && c.specific
            && c.span.start >= sentence.start
            && c.span.end <= sentence.end
            && !matches!(&t[c.span.clone()], "je" | "moi")
    })
}

/// True when the sentence before `sentence` names a person ("Bonne fête à Steve! 50 ans
/// le 16 avril").
fn named_just_before(r: &Reader<'_>, sentence: &Range<usize>) -> bool {
    r.scan
        .sentence_before(sentence)
        .is_some_and(|before| names_person(r, before))
}

/// True when the pronoun that starts `sentence` ("Elle aura 24 ans le 9 mai") stands
/// for a person: one of the two sentences before names one, and none between opens on
/// a thing or a place ("La bibliothèque ouvre lundi. Elle aura 50 ans…").
fn antecedent_is_person(r: &Reader<'_>, sentence: &Range<usize>) -> bool {
    let mut current = sentence.clone();
    for _ in 0..2 {
        let Some(before) = r.scan.sentence_before(&current) else {
            return false;
        };
        if names_person(r, before.clone()) {
            return true;
        }
        if opens_on_thing(r, &before) {
            return false;
        }
        current = before;
    }
    false
}

/// True when the first words of `sentence` name a thing or a public place: "La
/// bibliothèque sera ouverte", "Le nouveau centre ouvre" (not "Notre préposée").
fn opens_on_thing(r: &Reader<'_>, sentence: &Range<usize>) -> bool {
    let t = r.scan.text();
    let text = &t[sentence.clone()];
    // Up to the start of the fifth word.
    let mut words = 0;
    let mut in_word = false;
    let mut head_len = text.len();
    for (i, c) in text.char_indices() {
        let starts = !c.is_whitespace() && !in_word;
        in_word = !c.is_whitespace();
        if starts {
            words += 1;
            if words == 5 {
                head_len = i;
                break;
            }
        }
    }
    let head = sentence.start..sentence.start + head_len;
    THING.is_match(&t[head.clone()])
        || r.cues().iter().any(|c| {
            c.owner == Owner::Public
                && c.span.start >= head.start
                && c.span.start < head.end
                && !matches!(&t[c.span.clone()], "notre" | "nos")
        })
}

/// The words of a birthday post: "bonne fête", "joyeux anniversaire", "venu au monde".
static BIRTHDAY: LazyLock<Regex> = LazyLock::new(|| {
    compile(
        r"\b(?:bonne\s+fete|joyeuse\s+fete|joyeux\s+anniversaire|bon\s+anniversaire|anniversaire|venue?s?\s+au\s+monde|vu\s+le\s+jour|bougies|cinquantaine|quarantaine|soixantaine|trentaine)\b",
    )
    .expect("birthday")
});

/// The last word of every phrase of [`BIRTHDAY`]. Each is a whole run of word bytes
/// where the pattern matches (a `\b` or white space before it, a `\b` after it), so a
/// post without one of them as a word holds no birthday phrase, and the pattern is not
/// compiled for it (most posts with a digit).
const BIRTHDAY_LAST_WORDS: &[&str] = &[
    "fete",
    "anniversaire",
    "monde",
    "jour",
    "bougies",
    "cinquantaine",
    "quarantaine",
    "soixantaine",
    "trentaine",
];

/// False when [`BIRTHDAY`] cannot match `t`.
fn may_be_birthday(t: &str) -> bool {
    word_runs(t.as_bytes()).any(|r| BIRTHDAY_LAST_WORDS.contains(&&t[r]))
}

/// A whole date with its year: "19 janvier 1966", "23/08/1959", "1959-08-23".
static FULL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    compile(&format!(
        r"(?x)\b(?:
            (?:1er|\d{{1,2}})\s+(?:{MONTHS})\s+(?P<a>\d{{4}})
          | \d{{1,2}}[/.-]\d{{1,2}}[/.-](?P<b>\d{{4}})
          | (?P<c>\d{{4}})[/.-]\d{{1,2}}[/.-]\d{{1,2}}
        )\b"
    ))
    .expect("full date")
});

/// Words before a date that make it another day of the person's life: a hiring, a
/// wedding, a founding ("embauchée le 12 mars 1999").
static OTHER_DAY: LazyLock<Regex> = LazyLock::new(|| {
    compile(r"\b(?:embauchee?s?|engagee?s?|arrivee?s?|entree?s?|service|depuis|mariee?s?|mariage|union|fondee?s?|fondation|ouverte?s?|inaugure(?:e|s|es)?|retraite|deces|decedee?s?|mort|morte|partie?|parti)\b")
        .expect("other day")
});

/// Dates of birth without a word of birth: a whole date with a past year in a birthday
/// post, in a sentence that names the person ("Joyeux anniversaire à Francine, venue au
/// monde un 19 janvier 1966!", "Bonne fête à Noah Pelletier (2 mai 2022)"). The day of
/// a birthday alone ("le 16 avril") or a date of this year is not a date of birth.
pub fn birthdays(r: &Reader<'_>, out: &mut Vec<Found>) {
    let t = r.scan.text();
    if !may_be_birthday(t) || !BIRTHDAY.is_match(t) {
        return;
    }
    for c in FULL_DATE.captures_iter(t) {
        let whole = c.get(0).unwrap();
        let year = ["a", "b", "c"]
            .iter()
            .find_map(|n| c.name(n))
            .and_then(|y| y.as_str().parse::<i16>().ok())
            .unwrap_or(0);
        if !(1900..r.year).contains(&year) {
            continue;
        }
        let sentence = r.scan.sentence(whole.start());
        // The last 40 bytes before the date, from a character's start.
        let mut from = sentence.start.max(whole.start().saturating_sub(40));
        while !t.is_char_boundary(from) {
            from += 1;
        }
        let before = &t[from..whole.start()];
        if OTHER_DAY.is_match(before)
            || super::situations::mentions_animal(&t[sentence.clone()])
            || !(names_person(r, sentence.clone()) || named_just_before(r, &sentence))
        {
            continue;
        }
        out.push(Found::new(Kind::BirthDate, whole.range()));
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testing::excerpts;

    #[test]
    fn the_birthday_gate_lets_every_birthday_phrase_through() {
        let phrases = [
            "bonne fete",
            "joyeuse  fete",
            "joyeux anniversaire",
            "bon\nanniversaire",
            "l'anniversaire",
            "venue au monde",
            "venus au monde",
            "vu le jour",
            "40 bougies",
            "la cinquantaine!",
            "quarantaine",
            "soixantaine",
            "trentaine",
        ];
        for p in phrases {
            let t = format!("Oh, {p}.");
            assert!(super::BIRTHDAY.is_match(&t), "{t}");
            assert!(super::may_be_birthday(&t), "{t}");
        }
        for t in [
            "bonjour a tous, bon ete",
            "la fetes",
            "anniversaires",
            "fete_x",
        ] {
            assert!(!super::may_be_birthday(t), "{t}");
            assert!(!super::BIRTHDAY.is_match(t), "{t}");
        }
    }

    fn found(text: &str) -> Vec<String> {
        excerpts("confidential-data", "cpe-premier-pas", text)
    }

    #[test]
    fn every_writing_of_a_birth_date() {
        assert_eq!(
            found("Léa, née le 3 mai 2021, entre chez les Coccinelles."),
            ["née le 3 mai 2021"]
        );
        assert_eq!(
            found("Marc est né le 1er mars 1987."),
            ["né le 1er mars 1987"]
        );
        assert_eq!(found("Date de naissance : 12/03/1987"), ["12/03/1987"]);
        assert_eq!(found("DDN 1987-03-12, merci."), ["1987-03-12"]);
        assert_eq!(
            found("Date de naissance de mon père : 15-07-1950."),
            ["15-07-1950"]
        );
        assert_eq!(
            found("Bienvenue à Théo, né(e) le 14 février !"),
            ["né(e) le 14 février"]
        );
        assert_eq!(
            found("Mon fils est né le 12-03-2019."),
            ["né le 12-03-2019"]
        );
        // Spelled out, day and year.
        assert_eq!(
            found(
                "Bonne fête à ma collègue Joanie, née le vingt janvier mille neuf cent quatre-vingt-seize, trente ans!"
            ),
            ["née le vingt janvier mille neuf cent quatre-vingt-seize"]
        );
        assert_eq!(
            found("Félix est né le vingt-trois mars deux mille vingt et un."),
            ["né le vingt-trois mars deux mille vingt et un"]
        );
        assert_eq!(found("Marc est né le premier mai."), ["né le premier mai"]);
    }

    #[test]
    fn a_birth_told_with_its_place_or_its_year_apart_is_a_birth_date() {
        for (text, date) in [
            (
                "Portrait d'employé : Marc Tremblay, journalier, né à Baie-Saint-Paul le 30/09/1991, passionné de chasse.",
                "né à Baie-Saint-Paul le 30/09/1991",
            ),
            (
                "Bonne fête à notre Lucie de la réception, née un 9 novembre 1971 comme elle aime le rappeler!",
                "née un 9 novembre 1971",
            ),
            (
                "Steve Hébert, le bébé de l'équipe, est venu au monde le 23 juillet 88, on lui rappelle chaque matin.",
                "le 23 juillet 88",
            ),
            (
                "Joyeux anniversaire à notre brigadière Lucette Roy, venue au monde un 4 février, en 1958!",
                "un 4 février, en 1958",
            ),
            // Two digits that tell the hour are no year.
            ("Julie est née le 3 mai 12 h 30.", "née le 3 mai"),
        ] {
            assert_eq!(found(text), [date], "{text}");
        }
        for text in [
            "La Ville est née à La Sarre le 12 mai 1917.",
            "Le festival est venu au monde le 4 juillet 1990 grâce aux bénévoles.",
            "Tout le monde le 24 juin au parc!",
            "Notre Julie sera à l'accueil le 3 mai 2026.",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn an_age_reached_on_a_day_or_said_of_a_person_named_before_is_a_birth_date() {
        assert_eq!(
            found(
                "Joyeux anniversaire à ma collègue Mélodie qui franchit le cap des 50 ans ce jeudi 14 mai!"
            ),
            ["franchit le cap des 50 ans ce jeudi 14 mai"]
        );
        assert_eq!(
            found(
                "Bienvenue à notre nouvelle préposée, Mélissa Thériault! Vous la verrez au comptoir de l'hôtel de ville dès lundi. Elle aura 24 ans le 9 mai, souhaitez-lui bonne fête!"
            ),
            ["aura 24 ans le 9 mai"]
        );
        for text in [
            "Le CPE franchit le cap des 25 ans ce jeudi 14 mai!",
            // The pronoun stands for a place or a thing named in between.
            "Bienvenue à Julie Roy! La bibliothèque sera ouverte dès lundi. Elle aura 50 ans le 12 mars.",
            "Nous avons accueilli Julie Roy lundi. Le nouveau centre ouvre bientôt. Il aura 50 ans le 12 mars.",
            // Nobody named before the pronoun.
            "Elle aura 24 ans le 9 mai.",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn a_named_person_is_who_was_born_even_with_a_town_on_the_way() {
        assert_eq!(
            found(
                "Joyeux anniversaire à Ginette Lavoie, notre réceptionniste à l'hôtel de ville, née le 12 mars 1965!"
            ),
            ["née le 12 mars 1965"]
        );
        assert_eq!(
            found("Bonne fête à Raymond Girard du garage municipal qui fête ses 60 ans demain!"),
            ["fête ses 60 ans demain"]
        );
        // Still not a person: the town, the festival.
        assert!(
            found("La Ville de La Sarre, née le 12 mai 1917, fête ses 108 ans demain.").is_empty()
        );
        assert!(
            found("Le festival, né le 3 juin 1990, souffle ses 35 bougies aujourd'hui.").is_empty()
        );
    }

    #[test]
    fn the_posters_own_family_is_family_news() {
        assert!(
            found("Ma fille fête ses 7 ans aujourd'hui! Gâteau licorne et ballons.").is_empty()
        );
        // A child or a pet called by endearment.
        for text in [
            "Bonne fête à mon grand Thomas, 12 ans aujourd'hui! Maman t'aime gros.",
            "Mon vieux Gaston a 12 ans aujourd'hui, joyeux anniversaire mon beau toutou.",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
        assert_eq!(
            found("Bonne fête à mon collègue Marc Roy, 40 ans aujourd'hui!"),
            ["40 ans aujourd'hui"]
        );
        assert_eq!(
            found("La petite Léa de ma collègue fête ses 7 ans aujourd'hui!"),
            ["fête ses 7 ans aujourd'hui"]
        );
    }

    #[test]
    fn an_age_with_its_day_is_a_birth_date() {
        assert_eq!(
            found("Le petit Théo fête ses 4 ans demain, on a hâte!"),
            ["fête ses 4 ans demain"]
        );
        assert_eq!(
            found("Joyeux 40e à ma collègue Julie aujourd'hui!"),
            ["Joyeux 40e à ma collègue Julie aujourd'hui"]
        );
        for text in [
            "Je fête mes 40 ans demain, venez!",
            "Le CPE fête ses 25 ans aujourd'hui!",
            "Bravo à Roger pour ses 25 ans de service, soulignés hier.",
            "Léa a fêté ses 4 ans avec ses amis.",
            "La bibliothèque célébrera ses 50 ans le 12 mars.",
            "Mon petit cochon d'Inde Caramel a 5 ans aujourd'hui!",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }

    #[test]
    fn other_dates_are_not_birth_dates() {
        for text in [
            "La fête aura lieu le 3 mai 2025 au parc.",
            "La Ville est née le 12 mai 1917 de la colonisation.",
            "Le festival est né le 4 juillet 1990 grâce aux bénévoles.",
            "Inscriptions du 12/03/2025 au 30/03/2025.",
            "Le CPE fête ses 25 ans en 2025.",
            "Le chien de Marc est né le 12 mars 2015.",
        ] {
            assert!(found(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_whole_date_in_a_birthday_post_is_a_date_of_birth() {
        for (text, date) in [
            (
                "Joyeux anniversaire à Denise Côté, venue au monde un 4 octobre 1971!",
                "un 4 octobre 1971",
            ),
            (
                "Bonne fête à Hugo Lavoie (14/02/2021) de toute l'équipe!",
                "14/02/2021",
            ),
            (
                "Bonne fête à Ginette! Née un beau matin, 1968-05-02, toujours en forme.",
                "1968-05-02",
            ),
            (
                "Bonne fête à Réal Dubé! 60 ans le 9 août, ça se souligne.",
                "60 ans le 9 août",
            ),
            (
                "Mon collègue Rémi Fortin aura 40 ans lundi prochain, ça se fête!",
                "aura 40 ans lundi prochain",
            ),
        ] {
            assert_eq!(found(text), [date], "{text}");
        }
        for text in [
            // A hiring, a wedding, a founding, a date of this year, a duration, a pet.
            "Joyeux anniversaire de service à Marie Roy, embauchée le 12 mars 1999!",
            "Joyeux anniversaire à Luc et Diane, mariés le 3 juin 1978!",
            "Bonne fête à Julie! On se voit au souper du 12 mars 2026.",
            "Bonne fête à Julie! 20 ans aujourd'hui que je travaille avec elle.",
            "Bonne fête à Caramel, le chat de Julie, né le 1er mai 2019!",
            "Mon grand-père Léonard nous a quittés dimanche, à 94 ans.",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
    }
}
