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
//! alternatives as static tables ([`builtin`]), so a run parses no notation. It also
//! indexes the words a match may start with (a transducer, as for the Lefff), so making a
//! lexicon builds nothing: an entry's sets are built the first time a draft holds one of
//! its first words (a one-post run builds a tenth of them). The tables are strings and
//! numbers rather than arrays of `&str`: each pointer of such an array is one more
//! relocation when the program is loaded (1 650 of them for these lexicons).
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

use crate::text::PhraseSet;
use crate::text::phrases::words;

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

/// A built-in lexicon, cut by the build script (from `lexicons/personal.txt`, with
/// [`crate::text::notation::split`]) and indexed: strings and numbers, no table of
/// pointers, so that loading the program has almost nothing of it to relocate.
pub struct Prepared {
    /// The entries of several slots, one after the other: slots separated by a line
    /// break, alternatives by `|`, an optional slot marked by a leading `?`.
    entries: &'static str,
    /// The end of each entry in `entries`.
    ends: &'static [u32],
    /// How many slots a match of each entry may start with: those up to the first
    /// required one.
    heads: &'static [u8],
    /// The alternatives of the entries of a single slot, separated by `|`.
    single: &'static str,
    /// A transducer from a word that may start a match to `start << 16 | count` of its
    /// entries in `ids` ([`SINGLE`] stands for `single`).
    first: &'static [u8],
    ids: &'static [u32],
    /// Words that may start a match as a prefix ("n'engage*"), with their entry.
    prefixes: &'static [(&'static str, u32)],
}

impl Prepared {
    /// The slots of entry `id`: each its alternatives and whether it may be left out.
    fn slots(&self, id: usize) -> impl Iterator<Item = (impl Iterator<Item = &'static str>, bool)> {
        let start = id.checked_sub(1).map_or(0, |i| self.ends[i] as usize);
        let entries: &'static str = self.entries;
        entries[start..self.ends[id] as usize]
            .split('\n')
            .map(|slot| {
                let (alternatives, optional) = match slot.strip_prefix('?') {
                    Some(rest) => (rest, true),
                    None => (slot, false),
                };
                (alternatives.split('|'), optional)
            })
    }

    /// The alternatives of the entries of a single slot, in the order of the file.
    fn single(&self) -> impl Iterator<Item = &'static str> {
        let single: &'static str = self.single;
        single.split('|').filter(|a| !a.is_empty())
    }
}

/// The built-in lexicons, one [`Prepared`] each, named after their section of
/// `lexicons/personal.txt` (`[official-we]` is `OFFICIAL_WE`).
pub mod builtin {
    use super::Prepared;
    include!(concat!(env!("OUT_DIR"), "/personal-lexicons.rs"));
}

/// A word list in the compact notation, matched on [`Words`]. Nothing is built when it
/// is made: the sets of an entry's slots are built the first time a draft holds one of
/// the words the entry may start with, so a post pays only for the entries it reaches.
pub struct Lexicon {
    prepared: &'static Prepared,
    /// [`Prepared::first`].
    first: fst::Map<&'static [u8]>,
    /// Every entry of a single slot, in one slot.
    single: OnceLock<Slot>,
    /// The slots of each entry of several slots.
    entries: Vec<OnceLock<Vec<Slot>>>,
}

/// The id of [`Lexicon::single`] in the indexes.
const SINGLE: u32 = u32::MAX;

impl Lexicon {
    /// A built-in lexicon (see [`builtin`]).
    pub fn prepared(prepared: &'static Prepared) -> Lexicon {
        Lexicon {
            prepared,
            first: fst::Map::new(prepared.first).expect("the build script's transducer"),
            single: OnceLock::new(),
            entries: prepared.heads.iter().map(|_| OnceLock::new()).collect(),
        }
    }

    /// The slots of entry `id` (of [`SINGLE`], the one slot of all single entries).
    fn slots(&self, id: u32) -> &[Slot] {
        if id == SINGLE {
            return std::slice::from_ref(self.single.get_or_init(|| Slot {
                set: PhraseSet::new(self.prepared.single()),
                optional: false,
            }));
        }
        self.entries[id as usize].get_or_init(|| {
            self.prepared
                .slots(id as usize)
                .map(|(alternatives, optional)| Slot {
                    set: PhraseSet::new(alternatives),
                    optional,
                })
                .collect()
        })
    }

    /// The entries a match at `word` may be of: those indexed by the word, then those
    /// whose prefix starts it.
    fn starting<'a>(&'a self, word: &'a str) -> impl Iterator<Item = u32> + 'a {
        let ids: &'static [u32] = match self.first.get(word) {
            Some(v) => {
                let start = (v >> 16) as usize;
                &self.prepared.ids[start..start + (v & 0xffff) as usize]
            }
            None => &[],
        };
        let prefixes: &'static [(&'static str, u32)] = self.prepared.prefixes;
        ids.iter().copied().chain(
            prefixes
                .iter()
                .filter(move |(p, _)| word.starts_with(p))
                .map(|&(_, id)| id),
        )
    }

    /// The number of words of the longest match that starts at word `i`.
    pub fn longest_at(&self, w: &Words, i: usize) -> Option<usize> {
        self.starting(w.word(i))
            .filter_map(|id| end_of(self.slots(id), 0, w, i, false))
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
    use crate::text::phrases::phrase_words;

    /// Leaks `x`: a test's tables live as long as the test.
    fn leak<T: ?Sized>(x: Box<T>) -> &'static T {
        Box::leak(x)
    }

    /// The tables of these entries, cut and indexed as the build script does it, with
    /// the run's own [`phrase_words`] (leaked).
    fn prepare(notations: &[&str]) -> Prepared {
        let (mut entries, mut ends, mut heads) = (String::new(), Vec::new(), Vec::new());
        let mut single: Vec<String> = Vec::new();
        let mut by_first: std::collections::BTreeMap<String, Vec<u32>> = Default::default();
        let mut prefixes: Vec<(&'static str, u32)> = Vec::new();
        let mut index = |id: u32, phrases: &[String]| {
            for p in phrases {
                let (p, prefix) = match p.strip_suffix('*') {
                    Some(p) => (p, true),
                    None => (p.as_str(), false),
                };
                let ranges = phrase_words(p);
                let Some(first) = ranges.first() else {
                    continue;
                };
                let word = &p[first.clone()];
                if prefix && ranges.len() == 1 {
                    if !prefixes.iter().any(|(w, i)| *w == word && *i == id) {
                        prefixes.push((leak(word.into()), id));
                    }
                    continue;
                }
                let ids = by_first.entry(word.to_string()).or_default();
                if !ids.contains(&id) {
                    ids.push(id);
                }
            }
        };
        for notation in notations {
            let (slots, _) = split(notation, false).unwrap();
            let (head, _) = split(notation, true).unwrap();
            if let ([(alternatives, false)], true) = (&slots[..head.len()], head == slots) {
                index(SINGLE, alternatives);
                single.extend(alternatives.iter().cloned());
                continue;
            }
            let id = heads.len() as u32;
            for (alternatives, _) in &head {
                index(id, alternatives);
            }
            let text: Vec<String> = slots
                .iter()
                .map(|(a, optional)| format!("{}{}", if *optional { "?" } else { "" }, a.join("|")))
                .collect();
            entries.push_str(&text.join("\n"));
            ends.push(entries.len() as u32);
            heads.push(head.len() as u8);
        }
        let mut builder = fst::MapBuilder::memory();
        let mut ids = Vec::new();
        for (word, list) in by_first {
            builder
                .insert(&word, ((ids.len() as u64) << 16) | list.len() as u64)
                .unwrap();
            ids.extend(list);
        }
        Prepared {
            entries: leak(entries.into()),
            ends: leak(ends.into()),
            heads: leak(heads.into()),
            single: leak(single.join("|").into()),
            first: leak(builder.into_inner().unwrap().into()),
            ids: leak(ids.into()),
            prefixes: leak(prefixes.into()),
        }
    }

    /// A lexicon of these entries, prepared as the built-in ones are.
    fn lexicon(notations: &[&str]) -> Lexicon {
        Lexicon::prepared(leak(Box::new(prepare(notations))))
    }

    /// The guard of the build script: each embedded lexicon is what this crate's own
    /// reading of `lexicons/personal.txt` gives, slot by slot and word by word, and its
    /// tables decode to the slots the notation gives.
    #[test]
    fn the_embedded_lexicons_are_those_of_the_file() {
        let file = include_str!("../../../lexicons/personal.txt");
        let mut sections: Vec<(&str, Vec<&str>)> = Vec::new();
        for line in file.lines() {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            match line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                Some(title) => sections.push((title, Vec::new())),
                None => sections.last_mut().unwrap().1.push(line),
            }
        }
        let names: Vec<&str> = builtin::ALL.iter().map(|(name, _)| *name).collect();
        let titles: Vec<&str> = sections.iter().map(|(title, _)| *title).collect();
        assert_eq!(names, titles);
        for ((name, embedded), (_, lines)) in builtin::ALL.iter().zip(&sections) {
            let want = prepare(lines);
            assert_eq!(embedded.entries, want.entries, "[{name}]");
            assert_eq!(embedded.ends, want.ends, "[{name}]");
            assert_eq!(embedded.heads, want.heads, "[{name}]");
            assert_eq!(embedded.single, want.single, "[{name}]");
            assert_eq!(embedded.first, want.first, "[{name}]");
            assert_eq!(embedded.ids, want.ids, "[{name}]");
            assert_eq!(embedded.prefixes, want.prefixes, "[{name}]");
            // Decoding gives back the slots of the notation.
            let mut multi = 0;
            let mut single = Vec::new();
            for line in lines {
                let (slots, _) = split(line, false).unwrap();
                let (head, _) = split(line, true).unwrap();
                if let ([(alternatives, false)], true) = (&slots[..head.len()], head == slots) {
                    single.extend(alternatives.iter().cloned());
                    continue;
                }
                let decoded: Vec<(Vec<String>, bool)> = embedded
                    .slots(multi)
                    .map(|(a, optional)| (a.map(String::from).collect(), optional))
                    .collect();
                assert_eq!(decoded, slots, "[{name}] {line}");
                assert_eq!(
                    embedded.heads[multi] as usize,
                    head.len(),
                    "[{name}] {line}"
                );
                multi += 1;
            }
            assert_eq!(multi, embedded.heads.len(), "[{name}]");
            assert_eq!(embedded.single().collect::<Vec<_>>(), single, "[{name}]");
        }
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
