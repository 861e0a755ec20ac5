//! What words mean, for the rules that judge a post by its meaning (`electoral-neutrality`,
//! `partisan-content`, `advertising`, `offensive-language`): the evaluative polarity of a
//! word, and the classes of nouns that tell who a clause is about (people, animals,
//! insults).
//!
//! The lists are data under `lexicons/` with their source and licence: polarity from
//! Pattern's French subjectivity lexicon (`lexicons/polarity/adjectives.tsv`, PDDL,
//! compiled by [`crate::text::polarity`]) with Quebec and municipal corrections
//! (`quebec.tsv`); insults from french-badwords-list
//! (`lexicons/insults/badwords-fr.tsv`, MIT) and our own Quebec list. Words are looked up
//! by their folded form, then by their lemmas from the Lefff ([`crate::text::morph`]):
//! "irréalistes", "trompe", "cochonnes" find "irrealiste", "tromper", "cochon". Nothing is
//! built at start-up: the files are embedded, sorted so that a reviewer sees duplicates,
//! and indexed by the build script ([`crate::text::WordMap`]).

use crate::text::WordMap;
use crate::text::morph::{self, Pos};

static QUEBEC_POLARITY: WordMap = crate::text::wordset::word_map!("polarity/quebec.tsv");
static BADWORDS: WordMap = crate::text::wordset::word_map!("insults/badwords-fr.tsv");
static QUEBEC_INSULTS: WordMap = crate::text::wordset::word_map!("insults/quebec.tsv");
static PEOPLE: WordMap = crate::text::wordset::word_map!("insults/people.tsv");
static GROUPS: WordMap = crate::text::wordset::word_map!("insults/groups.tsv");
static BUSINESSES: WordMap = crate::text::wordset::word_map!("commerce/businesses.tsv");

/// The evaluative weight of a word.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Polarity {
    /// -1 (negative) to +1 (positive).
    pub value: f32,
    /// 0 (factual) to 1 (subjective).
    pub subjectivity: f32,
    /// The word demeans a person or their work ("pathétique", "lamentable"): tagged
    /// `contempt` in `quebec.tsv`.
    pub demeaning: bool,
}

impl Polarity {
    /// A clear judgement: strong enough and subjective.
    pub fn judges(&self) -> bool {
        self.value.abs() >= 0.5 && self.subjectivity >= 0.5
    }

    /// Contempt for someone or their work ("pathétique", "lamentable"), not the
    /// disapproval of an act ("inacceptable", "honteux") nor an affliction ("triste").
    pub fn contempt(&self) -> bool {
        self.demeaning
    }
}

fn parse_polarity(columns: &str) -> Option<Polarity> {
    let mut c = columns.split('\t');
    let value = c.next()?.parse().ok()?;
    let subjectivity = c.next()?.parse().ok()?;
    Some(Polarity {
        value,
        subjectivity,
        demeaning: c.next() == Some("contempt"),
    })
}

/// The polarity of a folded word: our corrections for it or one of its lemmas first
/// ("absurdes": "absurde"), then the Pattern adjectives ([`crate::text::polarity`]).
pub fn polarity(word: &str) -> Option<Polarity> {
    let lemmas: Vec<&str> = [Pos::Adjective, Pos::Noun, Pos::Verb]
        .into_iter()
        .flat_map(|pos| morph::lemmas(word, pos))
        .collect();
    let keys = || std::iter::once(word).chain(lemmas.iter().copied());
    keys()
        .find_map(|k| QUEBEC_POLARITY.get(k).and_then(parse_polarity))
        .or_else(|| {
            keys()
                .find_map(crate::text::polarity::of)
                .map(|p| Polarity {
                    value: p.polarity,
                    subjectivity: p.subjectivity,
                    demeaning: false,
                })
        })
}

/// The keys under which a folded word may stand in a list: itself, its noun and
/// adjective lemmas, and without a final "s" (plurals of slang the Lefff does not know:
/// "chialeux", "twits").
fn keys(word: &str) -> Vec<&str> {
    let lemmas: Vec<&str> = [Pos::Noun, Pos::Adjective]
        .into_iter()
        .flat_map(|pos| morph::lemmas(word, pos))
        .collect();
    let mut keys = vec![word];
    keys.extend(lemmas);
    if let Some(w) = word.strip_suffix('s').filter(|w| w.len() > 2) {
        keys.push(w);
    }
    keys
}

/// True when `word` (or one of its [`keys`]) is in `list`.
fn in_list(list: &WordMap, word: &str) -> bool {
    keys(word).into_iter().any(|k| list.get(k).is_some())
}

/// What a noun says about the person it is said of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Insult {
    /// A word for a worthless person ("imbécile", "chialeux", "clown").
    Person,
    /// An animal: contempt when it is said of people.
    Animal,
    /// A word with an ordinary sense ("la cave"), an insult only when said bare of
    /// someone ("être cave en maudit") or in a collective ("gang de caves").
    Bare,
    /// Praise that insults as a sarcastic vocative ("…tellement constructif, génie 🙄").
    Ironic,
}

/// True when folded words `word`, `next` and `after` make a noun of praise that an
/// insult or a negative adjective heads: "bête de" and a bare noun names a champion ("des
/// bêtes de travail", "une bête de scène"), not an animal nor a fool ("des bêtes de la
/// ferme" keeps its determiner).
pub fn champion(word: &str, next: Option<&str>, after: Option<&str>) -> bool {
    matches!(word, "bete" | "betes")
        && matches!(next, Some("de" | "d'"))
        && after.is_some_and(|w| {
            !matches!(
                w,
                "la" | "le"
                    | "les"
                    | "l'"
                    | "ce"
                    | "ces"
                    | "cette"
                    | "mon"
                    | "ma"
                    | "mes"
                    | "son"
                    | "sa"
                    | "ses"
                    | "notre"
                    | "nos"
                    | "leur"
                    | "leurs"
                    | "votre"
                    | "vos"
            )
        })
}

/// The insult class of a folded word, if any.
pub fn insult(word: &str) -> Option<Insult> {
    let keys = keys(word);
    let class = |wanted: &str| keys.iter().any(|k| QUEBEC_INSULTS.get(k) == Some(wanted));
    if class("animal") {
        Some(Insult::Animal)
    } else if class("person") || keys.iter().any(|k| BADWORDS.get(k).is_some()) {
        Some(Insult::Person)
    } else if class("bare") {
        Some(Insult::Bare)
    } else if class("ironic") {
        Some(Insult::Ironic)
    } else {
        None
    }
}

/// The ground a folded word names a group of people by ("origin", "religion", "sex",
/// "age", "orientation", "handicap", "condition"; "demonstrative" for "monde-là"):
/// `lexicons/insults/groups.tsv`.
pub fn group(word: &str) -> Option<&'static str> {
    GROUPS.get(word).map(str::trim)
}

/// True for a folded noun or pronoun that names people ("gens", "citoyens", "ceux").
pub fn is_people(word: &str) -> bool {
    in_list(&PEOPLE, word)
}

/// True for a folded word that names a trade or a shop ("quincaillerie", "auto").
pub fn is_business(word: &str) -> bool {
    in_list(&BUSINESSES, word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicons_are_sorted_and_folded() {
        for (name, list) in [
            ("quebec polarity", &QUEBEC_POLARITY),
            ("badwords", &BADWORDS),
            ("quebec insults", &QUEBEC_INSULTS),
            ("people", &PEOPLE),
            ("businesses", &BUSINESSES),
        ] {
            let keys: Vec<&str> = list.keys().collect();
            assert!(keys.len() > 10, "{name}");
            for pair in keys.windows(2) {
                assert!(pair[0] < pair[1], "{name}: {} before {}", pair[0], pair[1]);
            }
            for k in &keys {
                assert_eq!(crate::text::fold(k), *k, "{name}: {k} is not folded");
                assert!(list.get(k).is_some(), "{name}: {k}");
            }
        }
    }

    #[test]
    fn polarity_reads_lemmas_and_corrections() {
        assert!(polarity("pathetique").unwrap().contempt());
        assert!(polarity("irrealistes").unwrap().value < -0.5);
        assert!(polarity("exceptionnelle").unwrap().value > 0.0);
        assert!(polarity("trompe").unwrap().value < 0.0);
        // Corrected: the book-review source scored "absurde" positive.
        assert!(polarity("absurde").unwrap().value < 0.0);
        assert!(polarity("absurdes").unwrap().value < 0.0);
        assert!(!polarity("triste").unwrap().contempt());
        assert_eq!(polarity("lundi"), None);
    }

    #[test]
    fn insults_and_people() {
        assert_eq!(insult("cochons"), Some(Insult::Animal));
        assert_eq!(insult("dindes"), Some(Insult::Animal));
        assert_eq!(insult("chialeux"), Some(Insult::Person));
        assert_eq!(insult("imbeciles"), Some(Insult::Person));
        assert_eq!(insult("epais"), Some(Insult::Person));
        assert_eq!(insult("citoyens"), None);
        assert!(is_people("gens") && is_people("citoyennes") && !is_people("glace"));
    }
}
