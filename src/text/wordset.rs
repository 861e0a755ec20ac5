//! A list of folded words kept as a data file under `lexicons/`, embedded in the binary
//! and indexed in a hash set on first use.
//!
//! The file holds one word a line; lines starting with `#` are comments (its source and
//! licence, what the list is for). Nothing is built at start-up: the first lookup
//! indexes the list, then each lookup costs one hash, however long the list.

use std::sync::OnceLock;

use foldhash::HashSet;

/// An embedded word list.
pub struct WordSet {
    text: &'static str,
    set: OnceLock<HashSet<&'static str>>,
}

impl WordSet {
    pub const fn new(text: &'static str) -> WordSet {
        WordSet {
            text,
            set: OnceLock::new(),
        }
    }

    /// The words of the list, in the order of the file.
    pub fn words(&self) -> impl Iterator<Item = &'static str> {
        self.text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
    }

    /// True when `word` (folded) is in the list.
    pub fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.words().collect())
            .contains(word)
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
}
