//! The personal-account rules' lexicons, matched on words instead of a regex.
//!
//! The lexicons (`lexicons/personal.txt`) are written in the compact notation of
//! [`crate::text::notation`] (`(?:mon|ma|mes) (?:boss|patron|...)`). Compiled into one
//! regex, a lexicon cost up to a millisecond of start-up; fully expanded into a
//! [`PhraseSet`], some of them give thousands of phrases ("(?:j'ai|je vais|je)
//! (?:transmis|...) (?:votre|...) (?:demande|...)" is 3 × 9 × 5 × 9). A [`Lexicon`] keeps
//! the product: each entry is cut into slots, one per word position of the notation, each
//! slot a small `PhraseSet`, and a match is a path through the slots. The build script
//! checks and cuts every entry ([`crate::text::notation::split`]) and embeds the slots'
//! alternatives as static tables ([`builtin`]), so a run parses no notation. Building a
//! lexicon indexes the slots a match starts with; the other slots' sets are built the
//! first time a draft holds one of an entry's first words (a one-post run builds a tenth
//! of them).
//!
//! Semantics are those of the `(?-u:\b)(?:…)(?-u:\b)` regexes the lexicons replace, on
//! the words of folded text (see [`crate::text::phrases::words`]): whole words, an
//! entry may end with an elision ("qu'" matches in "qu'il"), the longest match at the
//! leftmost word. Where the regex took the first alternative that matched, the lexicon
//! takes the longest; no lexicon here has an entry that is the start of another at the
//! same word, so the matches are the same. A space of the notation matches any run of
//! white space (the regexes wanted exactly one space).

use std::ops::Range;

use std::sync::OnceLock;

use foldhash::HashMap;

use crate::text::PhraseSet;
use crate::text::phrases::{phrase_words, words};

/// A folded text cut into words once, for all the lexicons that read it.
pub struct Words<'t> {
    pub text: &'t str,
    pub ranges: Vec<Range<usize>>,
}

impl<'t> Words<'t> {
    pub fn new(text: &'t str) -> Words<'t> {
        Words {
            text,
            ranges: words(text),
        }
    }

    pub fn len(&self) -> usize {
        self.ranges.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ranges.is_empty()
    }

    /// Word `i`.
    pub fn word(&self, i: usize) -> &'t str {
        &self.text[self.ranges[i].clone()]
    }

    /// True when one of the words is `word`.
    pub fn contains(&self, word: &str) -> bool {
        (0..self.len()).any(|i| self.word(i) == word)
    }

    /// The index of the first word that starts at or after byte `at`.
    pub fn first_from(&self, at: usize) -> usize {
        self.ranges.partition_point(|r| r.start < at)
    }

    /// True when word `i` may follow word `i - 1` across a slot boundary: right after
    /// an elision ("l'" then "amenager"), or after white space.
    fn joins(&self, i: usize) -> bool {
        let (prev, here) = (&self.ranges[i - 1], &self.ranges[i]);
        let gap = &self.text[prev.end..here.start];
        if self.text[..prev.end].ends_with('\'') {
            gap.is_empty()
        } else {
            !gap.is_empty() && gap.chars().all(char::is_whitespace)
        }
    }
}

/// A word position of an entry: its alternatives, and whether it may be left out.
struct Slot {
    set: PhraseSet,
    optional: bool,
}

/// An entry of a built-in lexicon, cut into slots by the build script (from
/// `lexicons/personal.txt`, with [`crate::text::notation::split`]).
pub struct Prepared {
    /// Each slot's alternatives, and whether it may be left out.
    slots: &'static [(&'static [&'static str], bool)],
    /// How many slots a match may start with: those up to the first required one.
    head: usize,
}

/// The built-in lexicons, one `&[Prepared]` each, named after their section of
/// `lexicons/personal.txt` (`[official-we]` is `OFFICIAL_WE`).
pub mod builtin {
    use super::Prepared;
    include!(concat!(env!("OUT_DIR"), "/personal-lexicons.rs"));
}

/// An entry of several slots. Only the slots a match may start with index the lexicon;
/// the sets of the others are built the first time a draft has one of its first words,
/// so a post pays only for the entries it reaches.
struct Entry {
    prepared: &'static Prepared,
    slots: OnceLock<Vec<Slot>>,
}

impl Entry {
    fn slots(&self) -> &[Slot] {
        self.slots.get_or_init(|| {
            self.prepared
                .slots
                .iter()
                .map(|&(alternatives, optional)| Slot {
                    set: PhraseSet::new(alternatives),
                    optional,
                })
                .collect()
        })
    }
}

/// A word list in the compact notation, matched on [`Words`].
pub struct Lexicon {
    /// Every entry of a single slot, in one slot.
    single: Slot,
    /// Entries of several slots.
    entries: Vec<Entry>,
    /// The entries a word may start (with slot 0 left out, if optional, the next one's);
    /// [`SINGLE`] stands for `single`.
    by_first: HashMap<Box<str>, Vec<u32>>,
    /// Entries that may start with a prefix ("proteg*"), tried on every word.
    by_prefix: Vec<(Box<str>, u32)>,
}

/// The id of [`Lexicon::single`] in the indexes.
const SINGLE: u32 = u32::MAX;

impl Lexicon {
    /// A built-in lexicon (see [`builtin`]): its entries come cut into slots, checked
    /// when vigie was built.
    pub fn prepared(prepared: &'static [Prepared]) -> Lexicon {
        let mut lexicon = Lexicon {
            single: Slot {
                set: PhraseSet::default(),
                optional: false,
            },
            entries: Vec::new(),
            by_first: HashMap::default(),
            by_prefix: Vec::new(),
        };
        let mut single: Vec<&str> = Vec::new();
        for entry in prepared {
            let head = &entry.slots[..entry.head];
            if let ([(alternatives, false)], true) = (head, entry.head == entry.slots.len()) {
                lexicon.index(SINGLE, alternatives);
                single.extend_from_slice(alternatives);
                continue;
            }
            let id = lexicon.entries.len() as u32;
            for (alternatives, _) in head {
                lexicon.index(id, alternatives);
            }
            lexicon.entries.push(Entry {
                prepared: entry,
                slots: OnceLock::new(),
            });
        }
        lexicon.single.set = PhraseSet::new(single);
        lexicon
    }

    /// Records that entry `id` may start with the first word of these phrases.
    fn index(&mut self, id: u32, phrases: &[&str]) {
        for p in phrases {
            let (p, prefix) = match p.strip_suffix('*') {
                Some(p) => (p, true),
                None => (*p, false),
            };
            let ranges = phrase_words(p);
            let Some(first) = ranges.first() else {
                continue;
            };
            let word = &p[first.clone()];
            if prefix && ranges.len() == 1 {
                if !self.by_prefix.iter().any(|(w, i)| **w == *word && *i == id) {
                    self.by_prefix.push((word.into(), id));
                }
                continue;
            }
            let ids = self.by_first.entry(word.into()).or_default();
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
    }

    /// The number of words of the longest match that starts at word `i`.
    pub fn longest_at(&self, w: &Words, i: usize) -> Option<usize> {
        let word = w.word(i);
        let exact = self.by_first.get(word).into_iter().flatten();
        let prefixed = self
            .by_prefix
            .iter()
            .filter(|(p, _)| word.starts_with(&**p))
            .map(|(_, id)| id);
        exact
            .chain(prefixed)
            .filter_map(|&id| {
                let slots = match id {
                    SINGLE => std::slice::from_ref(&self.single),
                    id => self.entries[id as usize].slots(),
                };
                end_of(slots, 0, w, i, false)
            })
            .map(|end| end - i)
            .filter(|&n| n > 0)
            .max()
    }

    /// The byte range of the first match.
    pub fn find(&self, w: &Words) -> Option<Range<usize>> {
        (0..w.len()).find_map(|i| {
            self.longest_at(w, i)
                .map(|n| w.ranges[i].start..w.ranges[i + n - 1].end)
        })
    }

    pub fn is_match(&self, w: &Words) -> bool {
        self.find(w).is_some()
    }

    /// The byte ranges of every match, leftmost first, not overlapping.
    pub fn find_iter(&self, w: &Words) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < w.len() {
            match self.longest_at(w, i) {
                Some(n) => {
                    out.push(w.ranges[i].start..w.ranges[i + n - 1].end);
                    i += n;
                }
                None => i += 1,
            }
        }
        out
    }
}

/// The word index where the longest path through `slots[k..]` from word `i` ends;
/// `consumed`: a word was matched before `i` (slot boundaries then need a joint).
fn end_of(slots: &[Slot], k: usize, w: &Words, i: usize, consumed: bool) -> Option<usize> {
    let Some(slot) = slots.get(k) else {
        return Some(i);
    };
    let mut best = if slot.optional {
        end_of(slots, k + 1, w, i, consumed)
    } else {
        None
    };
    if i < w.len() && (!consumed || w.joins(i)) {
        for n in slot.set.lengths_at(w.text, &w.ranges, i) {
            if let Some(end) = end_of(slots, k + 1, w, i + n, true) {
                best = best.max(Some(end));
            }
        }
    }
    best
}

/// The end of a regex `\w+(?-u:\b)` that starts at byte `at`: the longest run of word
/// characters (letters, digits, `_`) that ends on an ASCII word boundary, as the
/// regex backtracks to one.
pub fn word_run_end(text: &str, at: usize) -> Option<usize> {
    let is_w = |c: char| c.is_alphanumeric() || c == '_';
    let ascii_w = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
    let run: Vec<(usize, char)> = text[at..]
        .char_indices()
        .take_while(|&(_, c)| is_w(c))
        .collect();
    (1..=run.len())
        .rev()
        .map(|n| {
            let end = at + run[n - 1].0 + run[n - 1].1.len_utf8();
            (
                end,
                ascii_w(Some(run[n - 1].1)) != ascii_w(text[end..].chars().next()),
            )
        })
        .find(|&(_, boundary)| boundary)
        .map(|(end, _)| end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::notation::split;

    /// A lexicon of these entries, cut as the build script cuts the built-in ones
    /// (leaked: a test's lexicon lives as long as the test).
    fn lexicon(notations: &[&str]) -> Lexicon {
        let cut = |notation: &str| {
            let (slots, _) = split(notation, false).unwrap();
            let (head, _) = split(notation, true).unwrap();
            let slots: Vec<(&'static [&'static str], bool)> = slots
                .into_iter()
                .map(|(alternatives, optional)| {
                    let alternatives: Vec<&'static str> = alternatives
                        .into_iter()
                        .map(|a| &*Box::leak(a.into_boxed_str()))
                        .collect();
                    (&*Box::leak(alternatives.into_boxed_slice()), optional)
                })
                .collect();
            Prepared {
                slots: Box::leak(slots.into_boxed_slice()),
                head: head.len(),
            }
        };
        let prepared: Vec<Prepared> = notations.iter().map(|n| cut(n)).collect();
        Lexicon::prepared(Box::leak(prepared.into_boxed_slice()))
    }

    fn found(notations: &[&str], text: &str) -> Vec<String> {
        let w = Words::new(text);
        lexicon(notations)
            .find_iter(&w)
            .into_iter()
            .map(|r| text[r].to_string())
            .collect()
    }

    #[test]
    fn entries_match_slot_by_slot() {
        let lex = [
            "(?:mon|ma) (?:boss|patron(?:ne)?|milieu de travail)",
            "(?:nous|on) (?:allons|va) (?:vous |l'|la )?(?:reparer|vous contacter)",
            "honte (?:de |d'|a )(?:y )?travailler",
            "je (?:pense|crois) qu(?:e|')",
        ];
        assert_eq!(
            found(
                &lex,
                "mon boss, ma patronne et mon  milieu de travail; mon bossu"
            ),
            ["mon boss", "ma patronne", "mon  milieu de travail"]
        );
        assert_eq!(
            found(
                &lex,
                "on va l'reparer, nous allons vous contacter, on va la vous"
            ),
            ["on va l'reparer", "nous allons vous contacter"]
        );
        assert_eq!(
            found(
                &lex,
                "honte d'y travailler, honte de travailler, honte d' y travailler"
            ),
            ["honte d'y travailler", "honte de travailler"]
        );
        assert_eq!(
            found(
                &lex,
                "je pense qu'il pleut, je crois que oui, je pense qu' il"
            ),
            ["je pense qu'", "je crois que"]
        );
    }

    #[test]
    fn prefixes_and_errors() {
        assert_eq!(
            found(&["n'engage*", "pas"], "n'engagent que moi, pas vous"),
            ["n'engagent", "pas"]
        );
        assert_eq!(
            found(
                &["je salue (?:la|l') (?:decision|initiative)"],
                "je salue l' initiative, je salue l'initiative, je salue la decision"
            ),
            ["je salue l' initiative", "je salue la decision"]
        );
        assert!(split("a (?:b )? c", false).is_err());
        assert!(split(r"\w+", false).is_err());
        assert!(split("a (?:b|)", false).is_err());
    }

    #[test]
    fn word_runs_end_on_ascii_boundaries() {
        assert_eq!(word_run_end("abc def", 0), Some(3));
        assert_eq!(word_run_end(" abc", 0), None);
        assert_eq!(word_run_end("ab_1", 0), Some(4));
        assert_eq!(word_run_end("abß", 0), Some(2));
    }
}
