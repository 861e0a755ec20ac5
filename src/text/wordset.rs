//! Word lists kept as data files under `lexicons/`, embedded in the binary with an index
//! the build script makes.
//!
//! A file holds one entry a line: a folded key, and for a [`WordMap`] the columns after
//! a tab (`key<TAB>values…`). Lines starting with `#` are comments (the list's source
//! and licence, what it is for). Nothing is built at start-up or on first use: the build
//! script indexes each list in a transducer (`build.rs`, `WORD_MAPS`), as it does the
//! Lefff, and a lookup walks it. Declare a list with [`word_map!`] or [`word_set!`] after
//! adding its file to `WORD_MAPS`.

use std::sync::OnceLock;

/// The [`WordMap`] of `lexicons/$path`, with its index.
macro_rules! word_map {
    ($path:literal) => {
        $crate::text::WordMap::new(
            include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/lexicons/", $path)),
            include_bytes!(concat!(env!("OUT_DIR"), "/lexicons/", $path, ".fst")),
        )
    };
}

/// The [`WordSet`] of `lexicons/$path`, with its index.
macro_rules! word_set {
    ($path:literal) => {
        $crate::text::WordSet::from_map($crate::text::wordset::word_map!($path))
    };
}

pub(crate) use {word_map, word_set};

/// An embedded list of keys with values (`key<TAB>values…`).
pub struct WordMap {
    text: &'static str,
    /// A transducer from each key to its columns in `text`, `offset << 32 | length`.
    fst: &'static [u8],
    index: OnceLock<fst::Map<&'static [u8]>>,
}

impl WordMap {
    pub const fn new(text: &'static str, fst: &'static [u8]) -> WordMap {
        WordMap {
            text,
            fst,
            index: OnceLock::new(),
        }
    }

    /// The entries of the file, in order: each key and the columns after it.
    fn entries(&self) -> impl Iterator<Item = (&'static str, &'static str)> {
        self.text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| l.split_once('\t').unwrap_or((l, "")))
    }

    /// The keys of the file, in order.
    pub fn keys(&self) -> impl Iterator<Item = &'static str> {
        self.entries().map(|(k, _)| k)
    }

    /// The columns after `key`, as one string ("" when the line has none).
    pub fn get(&self, key: &str) -> Option<&'static str> {
        let index = self
            .index
            .get_or_init(|| fst::Map::new(self.fst).expect("the build script's transducer"));
        let v = index.get(key)?;
        let start = (v >> 32) as usize;
        Some(&self.text[start..start + (v & 0xffff_ffff) as usize])
    }
}

/// An embedded list of words, one a line.
pub struct WordSet(WordMap);

impl WordSet {
    pub const fn from_map(map: WordMap) -> WordSet {
        WordSet(map)
    }

    /// The words of the list, in the order of the file.
    pub fn words(&self) -> impl Iterator<Item = &'static str> {
        self.0.keys()
    }

    /// True when `word` (folded) is in the list.
    pub fn contains(&self, word: &str) -> bool {
        self.0.get(word).is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use foldhash::HashMap;

    /// Every list of the build script's `WORD_MAPS`: its name, text and index.
    static LISTS: &[(&str, &str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/word-maps.rs"));

    /// A map of `text` indexed here as the build script indexes the lists (leaked).
    fn map(text: &'static str) -> WordMap {
        let mut entries: std::collections::BTreeMap<&str, u64> = Default::default();
        let m = WordMap::new(text, &[]);
        for (key, value) in m.entries() {
            let at = if value.is_empty() {
                0
            } else {
                value.as_ptr() as usize - text.as_ptr() as usize
            };
            entries.insert(key, ((at as u64) << 32) | value.len() as u64);
        }
        let mut builder = fst::MapBuilder::memory();
        for (key, value) in entries {
            builder.insert(key, value).unwrap();
        }
        WordMap::new(text, Box::leak(builder.into_inner().unwrap().into()))
    }

    /// The guard of the build script: each embedded index finds, for every key of its
    /// file, what the file says (the last line of a key), and holds no other key.
    #[test]
    fn the_embedded_indexes_are_those_of_the_files() {
        assert!(!LISTS.is_empty());
        for (name, text, fst) in LISTS {
            let embedded = WordMap::new(text, fst);
            let want: HashMap<&str, &str> = embedded.entries().collect();
            for (key, value) in &want {
                assert_eq!(embedded.get(key), Some(*value), "{name}: {key}");
            }
            let index = fst::Map::new(*fst).unwrap();
            assert_eq!(index.len(), want.len(), "{name}");
            assert_eq!(*fst, map(text).fst, "{name}");
        }
    }

    #[test]
    fn comments_and_blank_lines_are_not_words() {
        let list = WordSet(map("# a list\n\nville\n  parc \n#ville2\n"));
        assert!(list.contains("ville") && list.contains("parc"));
        assert!(!list.contains("ville2") && !list.contains("") && !list.contains("# a list"));
        assert_eq!(list.words().count(), 2);
    }

    #[test]
    fn every_key_is_found_and_no_other() {
        let s = map("# header\n# more\na\t1\nab\t2\nb\t3\nc'est\t4\nzz\t5\r\na\t6 7\n");
        for (k, v) in [
            ("a", "6 7"),
            ("ab", "2"),
            ("b", "3"),
            ("c'est", "4"),
            ("zz", "5"),
        ] {
            assert_eq!(s.get(k), Some(v), "{k}");
        }
        for k in ["", "aa", "abc", "c", "zzz", "#"] {
            assert_eq!(s.get(k), None, "{k}");
        }
        assert_eq!(map("").get("a"), None);
    }
}
