//! A word list embedded as sorted text, looked up by binary search on the text itself.
//!
//! The lexicons under `lexicons/` hold thousands of lines (`key<TAB>values…`), sorted by
//! key in byte order. Building a map from them would cost a few hundred microseconds at
//! the first post, more than checking it; searching the embedded text directly costs
//! nothing at start-up and a dozen line comparisons per lookup. Comment lines start with
//! `#`, which sorts before every letter: they never stand between two keys.

/// An embedded TSV file sorted by its first column.
pub struct SortedTsv {
    text: &'static str,
}

impl SortedTsv {
    pub const fn new(text: &'static str) -> SortedTsv {
        SortedTsv { text }
    }

    /// The columns after the key of the line whose key is `key`, as one string.
    pub fn get(&self, key: &str) -> Option<&'static str> {
        let text = self.text;
        let bytes = text.as_bytes();
        // `lo` and `hi` are line starts; the line sought, if any, starts in lo..hi.
        let (mut lo, mut hi) = (0, text.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            let start = bytes[lo..mid]
                .iter()
                .rposition(|&b| b == b'\n')
                .map_or(lo, |i| lo + i + 1);
            let end = bytes[start..]
                .iter()
                .position(|&b| b == b'\n')
                .map_or(text.len(), |i| start + i);
            let tab = bytes[start..end]
                .iter()
                .position(|&b| b == b'\t')
                .map_or(end, |i| start + i);
            match bytes[start..tab].cmp(key.as_bytes()) {
                std::cmp::Ordering::Equal => return Some(&text[(tab + 1).min(end)..end]),
                std::cmp::Ordering::Less => lo = end + 1,
                std::cmp::Ordering::Greater => hi = start,
            }
        }
        None
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
