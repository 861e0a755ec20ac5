//! Word lists matched on the words of folded text, without a regex.
//!
//! A lexicon of a few hundred words or phrases compiled into a regex costs around a
//! millisecond of start-up (its automaton, its prefilter); a hash map of the same
//! phrases costs microseconds and matches as fast. [`PhraseSet`] is that map: whole
//! words only, the longest phrase first, and phrases written in the compact notation
//! the lexicons already use (`(?:mon|ma) patron(?:ne)?`), expanded by [`expand`].
//!
//! Words are runs of letters and digits. An elided word keeps its apostrophe ("l'",
//! "qu'", "aujourd'"), so "l'enfant" is "l'" then "enfant"; a hyphen or any other
//! character separates words, and a phrase matches only where the text between its
//! words is the same as in the phrase, any run of white space standing for a space.

use foldhash::HashMap;
use std::ops::Range;

pub mod gate;

pub use super::notation::expand;

/// The words of a folded text, as byte ranges.
pub fn words(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let (alphanumeric, len) = char_at(text, i);
        if !alphanumeric {
            i += len;
            continue;
        }
        let start = i;
        i += len;
        while i < bytes.len() {
            let (alphanumeric, len) = char_at(text, i);
            if !alphanumeric {
                break;
            }
            i += len;
        }
        // An elision: the apostrophe belongs to the word when a word follows it.
        if bytes.get(i) == Some(&b'\'') && i + 1 < bytes.len() && char_at(text, i + 1).0 {
            i += 1;
        }
        out.push(start..i);
    }
    out
}

/// Whether the character at byte `i` of `text` (a character boundary) is a letter or a
/// digit, and its length in bytes: ASCII is read from its byte, as most of a post is.
fn char_at(text: &str, i: usize) -> (bool, usize) {
    let b = text.as_bytes()[i];
    if b.is_ascii() {
        return (b.is_ascii_alphanumeric(), 1);
    }
    let c = text[i..].chars().next().expect("a character boundary");
    (c.is_alphanumeric(), c.len_utf8())
}

/// A set of folded phrases, matched on whole words.
#[derive(Debug, Clone, Default)]
pub struct PhraseSet {
    /// Phrases by their first word; each holds its words and its separators.
    by_first: HashMap<Box<str>, Vec<Phrase>>,
    /// Phrases whose first word is a prefix ("proteg*"), tried on every word.
    by_prefix: Vec<(Box<str>, Phrase)>,
}

#[derive(Debug, Clone)]
struct Phrase {
    /// What follows the first word: each separator (white space as one space) and the
    /// next word, in one string (a phrase of one word allocates nothing).
    tail: Box<str>,
    /// The words after the first one, as ranges of `tail`; the separator before one runs
    /// from the end of the word before it (the start of `tail` for the first).
    rest: Box<[(u32, u32)]>,
    /// The last word is a prefix: "proteg*" matches "protege", "protegee".
    prefix_last: bool,
}

impl PhraseSet {
    /// A set of phrases, folded here; a trailing `*` on a phrase makes its last word a
    /// prefix. Phrases without a word are ignored.
    pub fn new<I, S>(phrases: I) -> PhraseSet
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut set = PhraseSet::default();
        for p in phrases {
            set.insert(p.as_ref());
        }
        set
    }

    /// Adds one phrase (see [`PhraseSet::new`]).
    pub fn insert(&mut self, phrase: &str) {
        let phrase = phrase.trim();
        // Lexicons are written folded already: folding them again is a copy for nothing.
        let folded = if is_folded_ascii(phrase) {
            std::borrow::Cow::Borrowed(phrase)
        } else {
            std::borrow::Cow::Owned(super::fold(phrase))
        };
        let (text, prefix_last) = match folded.strip_suffix('*') {
            Some(t) => (t, true),
            None => (&*folded, false),
        };
        let ranges = phrase_words(text);
        let Some(first) = ranges.first() else {
            return;
        };
        let mut tail = String::with_capacity(text.len() - first.end);
        let mut rest = Vec::with_capacity(ranges.len() - 1);
        for pair in ranges.windows(2) {
            push_normalized_space(&mut tail, &text[pair[0].end..pair[1].start]);
            let start = tail.len();
            tail.push_str(&text[pair[1].clone()]);
            rest.push((start as u32, tail.len() as u32));
        }
        let phrase = Phrase {
            tail: tail.into(),
            rest: rest.into(),
            prefix_last,
        };
        let first: Box<str> = text[first.clone()].into();
        if prefix_last && ranges.len() == 1 {
            self.by_prefix.push((first, phrase));
        } else {
            self.by_first.entry(first).or_default().push(phrase);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.by_first.is_empty() && self.by_prefix.is_empty()
    }

    /// True when the set holds this one word (folded) as a whole phrase.
    pub fn contains_word(&self, word: &str) -> bool {
        self.by_first
            .get(word)
            .is_some_and(|ps| ps.iter().any(|p| p.rest.is_empty() && !p.prefix_last))
            || self
                .by_prefix
                .iter()
                .any(|(prefix, _)| word.starts_with(&**prefix))
    }

    /// Every match in folded `text`, leftmost first and longest first, not overlapping.
    pub fn find_iter(&self, text: &str) -> Vec<Range<usize>> {
        self.find_in_words(text, &words(text))
    }

    /// [`PhraseSet::find_iter`] with the words already split by [`words`].
    pub fn find_in_words(&self, text: &str, words: &[Range<usize>]) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            match self.longest_at(text, words, i) {
                Some(n) => {
                    out.push(words[i].start..words[i + n - 1].end);
                    i += n;
                }
                None => i += 1,
            }
        }
        out
    }

    /// The first match in folded `text`.
    pub fn find(&self, text: &str) -> Option<Range<usize>> {
        let words = words(text);
        (0..words.len()).find_map(|i| {
            self.longest_at(text, &words, i)
                .map(|n| words[i].start..words[i + n - 1].end)
        })
    }

    pub fn is_match(&self, text: &str) -> bool {
        self.find(text).is_some()
    }

    /// The number of words of the longest phrase that starts at word `i`.
    pub fn longest_at(&self, text: &str, words: &[Range<usize>], i: usize) -> Option<usize> {
        let first = &text[words[i].clone()];
        let exact = self.by_first.get(first).into_iter().flatten();
        let prefixed = self
            .by_prefix
            .iter()
            .filter(|(prefix, _)| first.starts_with(&**prefix))
            .map(|(_, p)| p);
        exact
            .chain(prefixed)
            .filter(|p| p.matches(text, words, i))
            .map(|p| p.rest.len() + 1)
            .max()
    }

    /// The number of words of every phrase that starts at word `i`, in no particular
    /// order (a phrase held twice counts twice): for callers that chain sets and must
    /// try a shorter phrase when the longest one leaves nothing for the next set.
    pub fn lengths_at<'a>(
        &'a self,
        text: &'a str,
        words: &'a [Range<usize>],
        i: usize,
    ) -> impl Iterator<Item = usize> + 'a {
        let first = &text[words[i].clone()];
        let exact = self.by_first.get(first).into_iter().flatten();
        let prefixed = self
            .by_prefix
            .iter()
            .filter(move |(prefix, _)| first.starts_with(&**prefix))
            .map(|(_, p)| p);
        exact
            .chain(prefixed)
            .filter(move |p| p.matches(text, words, i))
            .map(|p| p.rest.len() + 1)
    }
}

/// The words of a folded phrase: [`words`], except that a final elision keeps its
/// apostrophe ("qu'" is the elided word of "qu'il", not "qu"), as a regex ending with
/// an apostrophe and a word boundary would match it.
pub fn phrase_words(phrase: &str) -> Vec<Range<usize>> {
    let mut ranges = words(phrase);
    if let Some(last) = ranges.last_mut()
        && phrase[last.end..].starts_with('\'')
        && phrase[last.end + 1..].trim_end().is_empty()
    {
        last.end += 1;
    }
    ranges
}

/// True when folding would leave `s` unchanged and it is ASCII: no capital, no
/// backquote (folded to an apostrophe).
fn is_folded_ascii(s: &str) -> bool {
    s.bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase() && b != b'`')
}

impl Phrase {
    fn matches(&self, text: &str, words: &[Range<usize>], i: usize) -> bool {
        if i + self.rest.len() >= words.len() {
            return false;
        }
        let last = self.rest.len();
        let mut separator_start = 0;
        self.rest.iter().enumerate().all(|(k, &(start, end))| {
            let (start, end) = (start as usize, end as usize);
            let want = &self.tail[start..end];
            let separator = &self.tail[separator_start..start];
            separator_start = end;
            let (prev, here) = (&words[i + k], &words[i + k + 1]);
            let word = &text[here.clone()];
            let word_ok = if self.prefix_last && k + 1 == last {
                word.starts_with(want)
            } else {
                word == want
            };
            word_ok && same_separator(&text[prev.end..here.start], separator)
        })
    }
}

/// Appends `s` with each run of white space as one space.
fn push_normalized_space(out: &mut String, s: &str) {
    let mut in_space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
}

fn same_separator(found: &str, want: &str) -> bool {
    if found == want {
        return true;
    }
    let mut want = want.chars().peekable();
    let mut found = found.chars().peekable();
    loop {
        match (found.peek().copied(), want.peek().copied()) {
            (None, None) => return true,
            (Some(f), Some(' ')) if f.is_whitespace() => {
                while found.peek().is_some_and(|c| c.is_whitespace()) {
                    found.next();
                }
                want.next();
            }
            (Some(f), Some(w)) if f == w => {
                found.next();
                want.next();
            }
            _ => return false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'t>(set: &PhraseSet, text: &'t str) -> Vec<&'t str> {
        set.find_iter(text).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn words_keep_elisions_and_split_hyphens() {
        let t = "l'enfant, aujourd'hui peut-etre qu' il";
        let w: Vec<&str> = words(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(
            w,
            [
                "l'", "enfant", "aujourd'", "hui", "peut", "etre", "qu", "il"
            ]
        );
    }

    /// `words` as it was first written, a character at a time.
    fn words_by_chars(text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut chars = text.char_indices().peekable();
        while let Some((start, c)) = chars.next() {
            if !c.is_alphanumeric() {
                continue;
            }
            let mut end = start + c.len_utf8();
            while let Some(&(i, c)) = chars.peek() {
                if !c.is_alphanumeric() {
                    break;
                }
                end = i + c.len_utf8();
                chars.next();
            }
            if text[end..].starts_with('\'')
                && text[end + 1..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
            {
                end += 1;
                chars.next();
            }
            out.push(start..end);
        }
        out
    }

    #[test]
    fn words_read_ascii_by_bytes_as_other_text_by_characters() {
        for t in [
            "",
            "'",
            "a'",
            "l''enfant d'",
            "qu'\u{e9}t\u{e9} aujourd'hui, 10 h 30",
            "\u{c9}t\u{e9} \u{2019}\u{e0} l'\u{c9}cole\u{1F600}caf\u{e9}'\u{e8}",
            "\u{3a9}mega\u{a0}\u{2163}\u{b2}x 3\u{bd} na\u{ef}ve-\u{5d0}'b",
        ] {
            assert_eq!(words(t), words_by_chars(t), "{t:?}");
        }
    }

    #[test]
    fn separators_keep_their_text_and_white_space_stands_for_a_space() {
        let set = PhraseSet::new(["mon  chum-le patron*", "d'abord"]);
        assert_eq!(
            found(
                &set,
                "mon chum-le patronne, mon chum le patron, mon\tchum-le\npatron"
            ),
            ["mon chum-le patronne", "mon\tchum-le\npatron"]
        );
        assert_eq!(found(&set, "d'abord, d' abord"), ["d'abord"]);
    }

    #[test]
    fn whole_words_longest_first() {
        let set = PhraseSet::new(["ville", "hotel de ville", "l'enfant", "peut-etre"]);
        assert_eq!(
            found(&set, "a l'hotel de  ville, la ville; villes"),
            ["hotel de  ville", "ville"]
        );
        assert_eq!(found(&set, "l'enfant et l' enfant"), ["l'enfant"]);
        assert_eq!(found(&set, "peut-etre, peut etre"), ["peut-etre"]);
    }

    #[test]
    fn phrases_are_folded_and_prefixes_match() {
        let set = PhraseSet::new(["Protég*", "mon patron*"]);
        assert_eq!(
            found(&set, "protegee par mon patronne"),
            ["protegee", "mon patronne"]
        );
        assert!(!set.contains_word("protection"));
        assert!(set.contains_word("protege"));
        assert!(!set.is_match("mon"));
    }
}
