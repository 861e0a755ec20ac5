//! Deciding the language of one segment (a sentence or a paragraph).
//!
//! Two stages. First, function words: each word that is an article, pronoun,
//! preposition, conjunction or auxiliary of French or of a foreign language counts for
//! it ([`super::words`]); only the evidence one side has and the other lacks is
//! compared, since "de", "la", "que" are Spanish too. Most sentences of a post are
//! settled there, short ones included ("Un food truck sera sur place." has three French
//! words and no English one). Second, for what the counts leave open, whatlang's trigram
//! detector restricted to the six languages the lists know, and only on segments long
//! enough for trigrams to mean something (`detector-min-letters`).
//!
//! A segment with too few words, without any function word (a list of names or of
//! borrowed words: "patin libre, zumba, spinning, yoga"), or with too few letters for
//! the detector, is not judged.

use super::segment::Token;
use super::words::{languages_of, languages_of_apostrophe};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    French,
    English,
    Spanish,
    Portuguese,
    Italian,
    German,
}

impl Language {
    pub const ALL: [Language; 6] = [
        Language::French,
        Language::English,
        Language::Spanish,
        Language::Portuguese,
        Language::Italian,
        Language::German,
    ];

    pub fn bit(self) -> u8 {
        1 << self as u8
    }

    /// ISO 639-1 code, as `reply_to_language` gives it.
    pub fn code(self) -> &'static str {
        match self {
            Language::French => "fr",
            Language::English => "en",
            Language::Spanish => "es",
            Language::Portuguese => "pt",
            Language::Italian => "it",
            Language::German => "de",
        }
    }

    /// "en anglais", "en espagnol", …
    pub fn in_french(self) -> &'static str {
        match self {
            Language::French => "en français",
            Language::English => "en anglais",
            Language::Spanish => "en espagnol",
            Language::Portuguese => "en portugais",
            Language::Italian => "en italien",
            Language::German => "en allemand",
        }
    }

    fn from_whatlang(lang: whatlang::Lang) -> Option<Language> {
        Some(match lang {
            whatlang::Lang::Fra => Language::French,
            whatlang::Lang::Eng => Language::English,
            whatlang::Lang::Spa => Language::Spanish,
            whatlang::Lang::Por => Language::Portuguese,
            whatlang::Lang::Ita => Language::Italian,
            whatlang::Lang::Deu => Language::German,
            _ => return None,
        })
    }

    /// Reads a language as a front matter may write it: "en", "eng", "anglais",
    /// "English".
    pub fn parse(s: &str) -> Option<Language> {
        let s = crate::text::fold(s.trim());
        Language::ALL.into_iter().find(|l| {
            let names: &[&str] = match l {
                Language::French => &["fr", "fra", "fre", "francais", "french"],
                Language::English => &["en", "eng", "anglais", "english"],
                Language::Spanish => &["es", "spa", "espagnol", "spanish", "espanol"],
                Language::Portuguese => &["pt", "por", "portugais", "portuguese"],
                Language::Italian => &["it", "ita", "italien", "italian"],
                Language::German => &["de", "deu", "ger", "allemand", "german"],
            };
            names.contains(&s.as_str()) || s.starts_with(&format!("{}-", l.code()))
        })
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    French,
    Foreign(Language),
    /// Too short, or no evidence either way.
    Undecided,
}

pub struct Detector {
    whatlang: whatlang::Detector,
    /// Fewer words (outside names and accepted terms) than this: not judged.
    pub min_words: usize,
    /// Fewer letters than this: the trigram detector is not asked.
    pub detector_min_letters: usize,
}

impl Detector {
    pub fn new(min_words: usize, detector_min_letters: usize) -> Detector {
        let allow = vec![
            whatlang::Lang::Fra,
            whatlang::Lang::Eng,
            whatlang::Lang::Spa,
            whatlang::Lang::Por,
            whatlang::Lang::Ita,
            whatlang::Lang::Deu,
        ];
        Detector {
            whatlang: whatlang::Detector::with_allowlist(allow),
            min_words,
            detector_min_letters,
        }
    }

    pub fn classify(&self, tokens: &[Token]) -> Verdict {
        let words: Vec<&Token> = tokens.iter().filter(|t| !t.skip).collect();
        if words.len() < self.min_words {
            return Verdict::Undecided;
        }
        let evidence = Evidence::count(&words);
        let leaning = match evidence.decide() {
            Counted::Settled(verdict) => return verdict,
            Counted::Open { leaning } => leaning,
            Counted::Nothing => return Verdict::Undecided,
        };
        let letters: usize = words
            .iter()
            .map(|t| t.lower.chars().filter(|c| c.is_alphabetic()).count())
            .sum();
        // A foreign function word and no French one: the detector may confirm it on
        // half the letters.
        let min_letters = if leaning {
            self.detector_min_letters / 2
        } else {
            self.detector_min_letters
        };
        if letters < min_letters {
            return Verdict::Undecided;
        }
        let text = words
            .iter()
            .map(|t| t.lower.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        match self
            .whatlang
            .detect(&text)
            .and_then(|info| Language::from_whatlang(info.lang()))
        {
            Some(Language::French) => Verdict::French,
            Some(lang) => Verdict::Foreign(lang),
            None => Verdict::Undecided,
        }
    }
}

/// Function-word counts of one segment, per language.
struct Evidence {
    /// For each word, the set of languages it is a function word of.
    sets: Vec<u8>,
}

impl Evidence {
    fn count(words: &[&Token]) -> Evidence {
        let mut sets = Vec::with_capacity(words.len());
        for t in words {
            let (set, rest) = languages_of_apostrophe(&t.lower);
            if set != 0 {
                sets.push(set);
            }
            if !rest.is_empty() {
                let set = languages_of(rest);
                if set != 0 {
                    sets.push(set);
                }
            }
        }
        Evidence { sets }
    }

    /// Words that are function words of `a` and not of `b`.
    fn only(&self, a: Language, b: Language) -> usize {
        self.sets
            .iter()
            .filter(|&&s| s & a.bit() != 0 && s & b.bit() == 0)
            .count()
    }

    /// French, foreign, open, or nothing to go on; an open case may lean to a foreign
    /// language (one of its words, none of French).
    fn decide(&self) -> Counted {
        let fr = Language::French;
        // The foreign language with the most evidence against French.
        let Some((lang, foreign, french)) = Language::ALL[1..]
            .iter()
            .map(|&l| (l, self.only(l, fr), self.only(fr, l)))
            .max_by_key(|&(_, f, r)| (f as isize - r as isize, f))
        else {
            return Counted::Nothing;
        };
        match (french, foreign) {
            (0, 0) => Counted::Nothing,
            (_, 0) => Counted::Settled(Verdict::French),
            (0, 1) => Counted::Open { leaning: true },
            (0, _) => Counted::Settled(Verdict::Foreign(lang)),
            (r, f) if f > 2 * r => Counted::Settled(Verdict::Foreign(lang)),
            (r, f) if r > f => Counted::Settled(Verdict::French),
            _ => Counted::Open { leaning: false },
        }
    }
}

enum Counted {
    Settled(Verdict),
    Open {
        leaning: bool,
    },
    /// No function word at all: a list of names or of borrowed words ("patin libre,
    /// zumba, spinning, yoga, pickleball"), on which trigrams guess.
    Nothing,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::french_language::segment::{clean, tokens};

    fn verdict(s: &str) -> Verdict {
        let c = clean(s, 0..s.len());
        Detector::new(3, 40).classify(&tokens(&c, 0..c.len(), 0))
    }

    #[test]
    fn anglicisms_in_french_stay_french() {
        assert_eq!(verdict("Un food truck sera sur place."), Verdict::French);
        assert_eq!(verdict("Le party du week-end est annulé."), Verdict::French);
        assert_eq!(
            verdict("Un gros thank you aux bénévoles de la fête !"),
            Verdict::French
        );
    }

    #[test]
    fn english_is_found_even_with_french_names() {
        assert_eq!(
            verdict("The road is closed on rue Sainte-Catherine until Friday."),
            Verdict::Foreign(Language::English)
        );
        assert_eq!(
            verdict("Join us at Place des Arts for the show."),
            Verdict::Foreign(Language::English)
        );
    }

    #[test]
    fn spanish_is_not_taken_for_french() {
        assert_eq!(
            verdict("La piscina municipal está cerrada por el mantenimiento anual."),
            Verdict::Foreign(Language::Spanish)
        );
    }

    #[test]
    fn lists_of_borrowed_words_are_not_judged() {
        assert_eq!(
            verdict(
                "Patin libre, hockey libre, zumba, spinning, yoga, pickleball, badminton, volleyball"
            ),
            Verdict::Undecided
        );
    }

    #[test]
    fn one_english_word_is_confirmed_by_the_detector() {
        assert_eq!(
            verdict("violating the fundamental rights granted"),
            Verdict::Foreign(Language::English)
        );
    }

    #[test]
    fn short_segments_are_not_judged() {
        assert_eq!(verdict("Thank you!"), Verdict::Undecided);
        assert_eq!(verdict("Go Habs Go!"), Verdict::Undecided);
        assert_eq!(verdict("Bravo Marie-Ève Tremblay!"), Verdict::Undecided);
    }

    #[test]
    fn languages_as_written_in_front_matter() {
        assert_eq!(Language::parse("en"), Some(Language::English));
        assert_eq!(Language::parse("Anglais"), Some(Language::English));
        assert_eq!(Language::parse("en-CA"), Some(Language::English));
        assert_eq!(Language::parse("klingon"), None);
    }
}
