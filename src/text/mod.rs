//! Text helpers shared by the checks: folding (case, accents, apostrophes) with a map
//! back to the original bytes, and line/column arithmetic.
//!
//! French posts mix "é" and "e", "’" and "'", capitals and not; every lexicon or phrase
//! match in vigie runs on folded text, then reports the span of the original text. The
//! map makes that exact, whatever the byte lengths of the folded characters.

use std::ops::Range;

pub mod clause;
pub mod fold_char;
pub mod model;
pub mod morph;
pub mod notation;
pub mod phrases;
pub mod polarity;
pub mod remembered;
#[cfg(test)]
mod word_runs;
pub mod wordset;

pub use fold_char::{FoldedChar, fold_char};

pub use phrases::PhraseSet;
pub use wordset::{WordMap, WordSet};

/// A letter of folded text, as a regex class: ASCII letters and the Latin letters
/// folding leaves (ß, ø, ł...). Far cheaper to compile than `\p{L}`, whose automaton
/// spans every script; folded French text holds no other letters worth matching.
pub const LETTER: &str = r"[a-z\x{DF}-\x{F6}\x{F8}-\x{24F}]";

/// Compiles a pattern over folded text with ASCII word boundaries, digits and spaces,
/// and `\p{L}` as [`LETTER`]: folded text is ASCII but for rare letters and symbols
/// (no-break spaces are folded to spaces), and the narrow classes compile several
/// times faster and keep the regex engine on its fast DFA path.
pub fn folded_regex(pattern: &str) -> Result<regex::Regex, regex::Error> {
    regex::Regex::new(&ascii_classes(pattern))
}

/// The most memory a regex built from a profile's or a `vigie.toml`'s words may take
/// once compiled, and for its lazy DFA's cache: beyond, the list is refused with an error
/// at its line, instead of taking the memory of the machine.
pub const USER_REGEX_SIZE_LIMIT: usize = 8 << 20;
pub const USER_REGEX_DFA_SIZE_LIMIT: usize = 4 << 20;

/// Compiles a regex that holds words from user input, within the size limits above.
pub fn user_regex(pattern: &str) -> Result<regex::Regex, regex::Error> {
    regex::RegexBuilder::new(pattern)
        .size_limit(USER_REGEX_SIZE_LIMIT)
        .dfa_size_limit(USER_REGEX_DFA_SIZE_LIMIT)
        .build()
}

fn ascii_classes(pattern: &str) -> String {
    pattern
        .replace(r"\b", r"(?-u:\b)")
        .replace(r"\d", "[0-9]")
        .replace(r"\s", r"[\t\n\r\x20]")
        .replace(r"\p{L}", LETTER)
}

/// The words of a text made of letters: runs of letters, with an apostrophe or a hyphen
/// between two letters kept inside the word ("aujourd'hui", "peut-être", "l’école"). Digits
/// and symbols separate words. The same words as the regex `\p{L}+(?:['’-]\p{L}+)*`,
/// without its automaton, whose Unicode classes take longer to compile than most posts
/// take to check.
pub fn letter_words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let start = loop {
            let (i, c) = chars.next()?;
            if c.is_alphabetic() {
                break i;
            }
        };
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            let joins = matches!(c, '\'' | '’' | '-')
                && text[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphabetic);
            if c.is_alphabetic() || joins {
                chars.next();
            } else {
                end = i;
                break;
            }
        }
        Some(start..end)
    })
}

/// A folded copy of a text, with the byte offset in the original of every folded byte.
#[derive(Debug, Clone)]
pub struct Folded {
    pub text: String,
    /// `map[i]` is the original byte offset of folded byte `i`; `map[text.len()]` is the
    /// end of the original slice.
    map: Vec<usize>,
}

impl Folded {
    /// Folds `original[range]`; offsets in the map are offsets into `original`.
    pub fn new(original: &str, range: Range<usize>) -> Folded {
        let slice = &original[range.clone()];
        let mut text = String::with_capacity(slice.len());
        let mut map = Vec::with_capacity(slice.len() + 1);
        let mut rest = 0;
        while rest < slice.len() {
            // Most of a French post is ASCII: one byte in, one byte out (but for the
            // backquote, an apostrophe), a whole run at a time.
            let run = slice.as_bytes()[rest..]
                .iter()
                .position(|&b| !b.is_ascii() || b == b'`')
                .map_or(slice.len(), |n| rest + n);
            let from = text.len();
            text.push_str(&slice[rest..run]);
            text[from..].make_ascii_lowercase();
            map.extend(range.start + rest..range.start + run);
            let Some(c) = slice[run..].chars().next() else {
                break;
            };
            let at = range.start + run;
            rest = run + c.len_utf8();
            let mut push = |f: char| {
                for _ in 0..f.len_utf8() {
                    map.push(at);
                }
                text.push(f);
            };
            match fold_char(c) {
                FoldedChar::Zero => {}
                FoldedChar::One(f) => push(f),
                FoldedChar::Two(a, b) => {
                    push(a);
                    push(b);
                }
            }
        }
        map.push(range.end);
        Folded { text, map }
    }

    /// The original byte range of a folded byte range.
    pub fn original(&self, folded: Range<usize>) -> Range<usize> {
        self.whole().original(folded)
    }

    /// True when the character of `source` (the text this was folded from) at folded
    /// offset `at` is a capital.
    pub fn is_upper_at(&self, source: &str, at: usize) -> bool {
        at < self.text.len()
            && source[self.original(at..at + 1).start..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
    }

    /// The whole folded text, as a part.
    pub fn whole(&self) -> FoldedPart<'_> {
        FoldedPart {
            text: &self.text,
            map: &self.map,
        }
    }

    /// The folded text of `original[range]`, a range of whole characters inside the
    /// folded one: folding goes character by character, so it is the same text as
    /// `Folded::new(original, range)`, without folding again.
    pub fn part(&self, range: Range<usize>) -> FoldedPart<'_> {
        let start = self.map.partition_point(|&o| o < range.start);
        let end = self.map.partition_point(|&o| o < range.end);
        debug_assert!(
            self.map.get(start) == Some(&range.start) && self.map.get(end) == Some(&range.end),
            "{range:?} is not a range of whole characters of the folded text"
        );
        FoldedPart {
            text: &self.text[start..end],
            map: &self.map[start..=end],
        }
    }
}

/// A part of a [`Folded`] text, with the same map into the original.
#[derive(Debug, Clone, Copy)]
pub struct FoldedPart<'a> {
    pub text: &'a str,
    /// As [`Folded::map`], for this part: one more entry than `text` has bytes.
    map: &'a [usize],
}

impl FoldedPart<'_> {
    /// The original byte range of a folded byte range of this part.
    pub fn original(&self, folded: Range<usize>) -> Range<usize> {
        let start = self.map[folded.start];
        // The end is the original offset just after the last folded character.
        let end = if folded.end == 0 {
            start
        } else {
            let last = self.map[folded.end - 1];
            let next = self.map[folded.end];
            if next > last {
                next
            } else {
                // The next distinct original offset in the map ends this character.
                self.map.iter().copied().find(|&o| o > last).unwrap_or(last)
            }
        };
        start..end.max(start)
    }
}

/// Folds a whole string (lowercase, no accents, straight apostrophes).
pub fn fold(s: &str) -> String {
    Folded::new(s, 0..s.len()).text
}

/// Word characters for whole-word matching: letters, digits, and the apostrophe or
/// hyphen only between letters is left to the callers.
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// True when `text[range]` is a whole word: not glued to letters or digits on either
/// side.
pub fn is_whole_word(text: &str, range: &Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    let after = text[range.end..].chars().next();
    !before.is_some_and(is_word_char) && !after.is_some_and(is_word_char)
}

/// The part of `text` around `at` that runs to the nearest `stop` character on either side
/// (or to the text's ends), blanks trimmed: the clause or sentence a few words found
/// belong to. It always holds `at`.
pub fn between_stops(text: &str, at: Range<usize>, stop: impl Fn(char) -> bool) -> Range<usize> {
    between_stops_at(text, at, |_, c| stop(c))
}

/// [`between_stops`] with a stop that also sees where the character is (its byte
/// offset in `text`): a full stop after « M. » is no stop.
pub fn between_stops_at(
    text: &str,
    at: Range<usize>,
    stop: impl Fn(usize, char) -> bool,
) -> Range<usize> {
    let start = text[..at.start]
        .char_indices()
        .rev()
        .find(|&(i, c)| stop(i, c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[at.end..]
        .char_indices()
        .find(|&(i, c)| stop(at.end + i, c))
        .map_or(text.len(), |(i, _)| at.end + i);
    let part = &text[start..end];
    let start = start + (part.len() - part.trim_start().len());
    let end = start + text[start..end].trim_end().len();
    start.min(at.start)..end.max(at.end)
}

/// 1-based line numbers and character columns for byte offsets of one file.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
    /// On long lines, every [`CHECKPOINT`] bytes or so: (byte offset, characters from the
    /// start of its line before it). A column is then counted from the nearest one, so
    /// that many findings on one long line do not each count the whole line.
    checkpoints: Vec<(usize, usize)>,
}

/// Bytes between two checkpoints of a long line.
const CHECKPOINT: usize = 1024;

impl LineIndex {
    pub fn new(source: &str) -> LineIndex {
        // A byte-order mark is not a column.
        let first = if source.starts_with('\u{feff}') { 3 } else { 0 };
        let mut starts = vec![first];
        starts.extend(source.match_indices('\n').map(|(i, _)| i + 1));
        let mut checkpoints = Vec::new();
        for (k, &start) in starts.iter().enumerate() {
            let end = starts.get(k + 1).copied().unwrap_or(source.len());
            if end.saturating_sub(start) <= CHECKPOINT {
                continue;
            }
            let mut column = 0;
            let mut next = start + CHECKPOINT;
            for (i, c) in source[start..end].char_indices() {
                if start + i >= next {
                    checkpoints.push((start + i, column));
                    next = start + i + CHECKPOINT;
                }
                if c != '\r' {
                    column += 1;
                }
            }
        }
        LineIndex {
            starts,
            checkpoints,
        }
    }

    /// 1-based (line, column), the column counted in characters.
    pub fn position(&self, source: &str, offset: usize) -> (usize, usize) {
        let offset = offset.min(source.len());
        let line = self.starts.partition_point(|&s| s <= offset).max(1);
        let start = self.starts[line - 1].min(offset);
        // The nearest checkpoint of this line before the offset, if any.
        let k = self.checkpoints.partition_point(|&(b, _)| b <= offset);
        let (from, before) = match k.checked_sub(1).map(|k| self.checkpoints[k]) {
            Some((b, column)) if b >= start => (b, column),
            _ => (start, 0),
        };
        let column = before + source[from..offset].chars().filter(|&c| c != '\r').count() + 1;
        (line, column)
    }

    /// The byte range of a 1-based line, without its line break.
    pub fn line_range(&self, source: &str, line: usize) -> Range<usize> {
        let start = self.starts[line - 1];
        let end = self
            .starts
            .get(line)
            .map(|&next| next - 1)
            .unwrap_or(source.len());
        let end = if end > start && source.as_bytes()[end - 1] == b'\r' {
            end - 1
        } else {
            end
        };
        start..end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_on_long_lines_are_counted_from_checkpoints_alike() {
        let line = "é\r".repeat(3000) + "fin\n" + &"a".repeat(5000);
        let index = LineIndex::new(&line);
        assert!(!index.checkpoints.is_empty());
        for (offset, _) in line.char_indices() {
            let (l, start) = if offset > line.find('\n').unwrap() {
                (2, line.find('\n').unwrap() + 1)
            } else {
                (1, 0)
            };
            let column = line[start..offset].chars().filter(|&c| c != '\r').count() + 1;
            assert_eq!(index.position(&line, offset), (l, column), "{offset}");
        }
    }

    #[test]
    fn folding_goes_character_by_character() {
        for text in [
            "",
            "ABC déF`x`",
            "`",
            "Œ",
            "« ÉTÉ » 12 $ ça\u{301}",
            "tout ASCII, rien d'autre.",
        ] {
            let f = Folded::new(text, 0..text.len());
            let (mut want, mut map) = (String::new(), Vec::new());
            for (i, c) in text.char_indices() {
                let folded: String = match fold_char(c) {
                    _ if c.is_ascii() && c != '`' => c.to_ascii_lowercase().to_string(),
                    FoldedChar::Zero => String::new(),
                    FoldedChar::One(a) => a.to_string(),
                    FoldedChar::Two(a, b) => format!("{a}{b}"),
                };
                map.extend(std::iter::repeat_n(i, folded.len()));
                want.push_str(&folded);
            }
            map.push(text.len());
            assert_eq!((&f.text, &f.map), (&want, &map), "{text}");
        }
    }

    #[test]
    fn a_part_is_the_fold_of_its_range() {
        let text = "Œuvre d’ÉTÉ\n\nCafé « Æther » 12 $\n\nfin`";
        let whole = Folded::new(text, 0..text.len());
        let starts: Vec<usize> = text
            .char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect();
        for &a in &starts {
            for &b in starts.iter().filter(|&&b| b >= a) {
                let alone = Folded::new(text, a..b);
                let part = whole.part(a..b);
                assert_eq!(part.text, alone.text, "{a}..{b}");
                for x in 0..=alone.text.len() {
                    for y in x..=alone.text.len() {
                        if alone.text.is_char_boundary(x) && alone.text.is_char_boundary(y) {
                            assert_eq!(
                                part.original(x..y),
                                alone.original(x..y),
                                "{a}..{b}: {x}..{y}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn folding_maps_back_to_original_bytes() {
        let s = "Élise a dit « ŒUVRE »";
        let f = Folded::new(s, 0..s.len());
        assert_eq!(f.text, "elise a dit « oeuvre »");
        let at = f.text.find("oeuvre").unwrap();
        let orig = f.original(at..at + "oeuvre".len());
        assert_eq!(&s[orig], "ŒUVRE");
        let orig = f.original(0..5);
        assert_eq!(&s[orig], "Élise");
    }

    #[test]
    fn apostrophes_and_dashes_are_folded() {
        assert_eq!(fold("L’opinion — d’abord"), "l'opinion - d'abord");
        assert_eq!(fold("L`AN"), "l'an");
    }

    #[test]
    fn letter_words_are_the_words_of_the_regex() {
        let re = regex::Regex::new(r"\p{L}+(?:['’-]\p{L}+)*").unwrap();
        for s in [
            "Aujourd’hui, peut-être l'école -- 3e rue 10h «Été» x' -y ΑΒΓ дом",
            "",
            "--'’",
            "a-b-c d'-e f''g",
            "fin-",
        ] {
            let ours: Vec<_> = letter_words(s).collect();
            let theirs: Vec<_> = re.find_iter(s).map(|m| m.range()).collect();
            assert_eq!(ours, theirs, "{s}");
        }
    }

    #[test]
    fn folded_regexes_use_narrow_classes() {
        let re = folded_regex(r"\b\p{L}+\s\d+\b").unwrap();
        assert_eq!(re.find("vu: straße 12,").unwrap().as_str(), "straße 12");
        assert!(!re.is_match("× 12"));
    }

    #[test]
    fn whole_words_only() {
        let s = "classique ass";
        assert!(!is_whole_word(s, &(1..4)));
        assert!(is_whole_word(s, &(10..13)));
    }

    #[test]
    fn positions_count_characters_and_skip_bom_and_cr() {
        let s = "\u{feff}é1\r\nàbc";
        let idx = LineIndex::new(s);
        assert_eq!(idx.position(s, 3), (1, 1));
        assert_eq!(idx.position(s, 5), (1, 2));
        let second = s.find('à').unwrap();
        assert_eq!(idx.position(s, second), (2, 1));
        assert_eq!(idx.position(s, second + 3), (2, 3));
        assert_eq!(&s[idx.line_range(s, 1)], "é1");
    }
}
