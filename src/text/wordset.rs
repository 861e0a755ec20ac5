//! Word lists kept as data files under `lexicons/`, embedded in the binary and indexed
//! in a hash map on first use.
//!
//! A file holds one entry a line: a folded key, and for a [`WordMap`] the columns after
//! a tab (`key<TAB>values…`). Lines starting with `#` are comments (the list's source
//! and licence, what it is for). Nothing is built at start-up: the first lookup indexes
//! the list (a few microseconds for these sizes), then each lookup costs one hash.

use std::sync::OnceLock;

use foldhash::HashMap;

/// An embedded list of keys with values (`key<TAB>values…`).
pub struct WordMap {
    text: &'static str,
    index: OnceLock<HashMap<&'static str, &'static str>>,
}

impl WordMap {
    pub const fn new(text: &'static str) -> WordMap {
        WordMap {
            text,
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
        self.index
            .get_or_init(|| self.entries().collect())
            .get(key)
            .copied()
    }
}

/// An embedded list of words, one a line.
pub struct WordSet(WordMap);

impl WordSet {
    pub const fn new(text: &'static str) -> WordSet {
        WordSet(WordMap::new(text))
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

    #[test]
    fn comments_and_blank_lines_are_not_words() {
        let list = WordSet::new("# a list\n\nville\n  parc \n#ville2\n");
        assert!(list.contains("ville") && list.contains("parc"));
        assert!(!list.contains("ville2") && !list.contains("") && !list.contains("# a list"));
        assert_eq!(list.words().count(), 2);
    }

    #[test]
    fn every_key_is_found_and_no_other() {
        let s = WordMap::new("# header\n# more\na\t1\nab\t2\nb\t3\nc'est\t4\nzz\t5");
        for (k, v) in [
            ("a", "1"),
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
        assert_eq!(WordMap::new("").get("a"), None);
    }
}
