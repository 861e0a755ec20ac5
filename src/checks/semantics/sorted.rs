//! A word list embedded as sorted text (`key<TAB>values…`), indexed on first use.
//!
//! The lexicons under `lexicons/` hold tens to hundreds of lines, sorted by key in byte
//! order so that a reviewer sees duplicates and the tests can check the order. Nothing is
//! built at start-up: the first lookup of a list indexes it in a hash map (a few
//! microseconds for these sizes), and the rules, which ask for every word of every
//! post, then pay one hash per lookup. Comment lines start with `#`.

use std::sync::OnceLock;

use foldhash::HashMap;

/// An embedded TSV file sorted by its first column.
pub struct SortedTsv {
    text: &'static str,
    index: OnceLock<HashMap<&'static str, &'static str>>,
}

impl SortedTsv {
    pub const fn new(text: &'static str) -> SortedTsv {
        SortedTsv {
            text,
            index: OnceLock::new(),
        }
    }

    /// The columns after the key of the line whose key is `key`, as one string.
    pub fn get(&self, key: &str) -> Option<&'static str> {
        self.index
            .get_or_init(|| {
                self.text
                    .lines()
                    .filter(|l| !l.starts_with('#') && !l.is_empty())
                    .map(|l| l.split_once('\t').unwrap_or((l, "")))
                    .collect()
            })
            .get(key)
            .copied()
    }

    /// The keys of the file, in order (for tests).
    #[cfg(test)]
    pub fn keys(&self) -> impl Iterator<Item = &'static str> {
        self.text
            .lines()
            .filter(|l| !l.starts_with('#') && !l.is_empty())
            .map(|l| l.split('\t').next().unwrap_or(l))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_found_and_no_other() {
        let s = SortedTsv::new("# header\n# more\na\t1\nab\t2\nb\t3\nc'est\t4\nzz\t5");
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
        assert_eq!(SortedTsv::new("").get("a"), None);
    }
}
