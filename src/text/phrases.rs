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

use std::hash::{BuildHasher, BuildHasherDefault, Hasher};
use std::ops::Range;

pub mod gate;

pub use super::notation::expand;

/// The words of a folded text, as byte ranges.
pub fn words(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for_each_word(text, |r| out.push(r));
    out
}

/// Calls `f` on each word of [`words`], in order, without collecting them.
fn for_each_word(text: &str, mut f: impl FnMut(Range<usize>)) {
    let bytes = text.as_bytes();
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
        f(start..i);
    }
}

/// Whether the character at byte `i` of `text` (a character boundary) is a letter or a
/// digit, and its length in bytes: ASCII is read from its byte, as most of a post is.
#[inline(always)]
fn char_at(text: &str, i: usize) -> (bool, usize) {
    let b = text.as_bytes()[i];
    if b.is_ascii() {
        return (b.is_ascii_alphanumeric(), 1);
    }
    let c = text[i..].chars().next().expect("a character boundary");
    (c.is_alphanumeric(), c.len_utf8())
}

/// A set of folded phrases, matched on whole words.
///
/// The words of every phrase, with what separates them, are kept end to end in one
/// string, and the phrases in one vector: adding a phrase allocates nothing but the
/// growth of these, and a set of a few hundred phrases is built in a few allocations.
#[derive(Debug, Clone, Default)]
pub struct PhraseSet {
    /// The words of the phrases and their separators (white space as one space).
    text: String,
    /// Words: byte ranges of `text`; a phrase's words are consecutive.
    words: Vec<(u32, u32)>,
    phrases: Vec<Phrase>,
    /// Phrases by the hash of their first word: the first and the last of a chain
    /// through [`Phrase::next`], in the order they were added. Phrases whose first words
    /// share a hash share a chain; each phrase's word is compared.
    by_first: ByHash,
    /// Phrases whose first word is a prefix ("proteg*"), tried on every word.
    by_prefix: Vec<u32>,
}

#[derive(Debug, Clone)]
struct Phrase {
    /// Its first word, as an index of `PhraseSet::words`; the others follow it.
    first: u32,
    /// The number of words after the first one.
    rest: u32,
    /// The last word is a prefix: "proteg*" matches "protege", "protegee".
    prefix_last: bool,
    /// The next phrase of its chain in `PhraseSet::by_first` (`NONE` at the end).
    next: u32,
    /// Its first word is that of the first phrase of its chain: one comparison serves
    /// all of them (most chains hold one word's phrases).
    same_first: bool,
}

/// `PhraseSet::by_first`: its keys are hashes already ([`hash`]), taken as they are.
type ByHash = std::collections::HashMap<u64, (u32, u32), BuildHasherDefault<KeyIsHash>>;

/// The hash of a word, the key of `PhraseSet::by_first`.
fn hash(word: &str) -> u64 {
    foldhash::fast::FixedState::default().hash_one(word)
}

/// A hasher for keys that are hashes.
#[derive(Debug, Default, Clone, Copy)]
struct KeyIsHash(u64);

impl Hasher for KeyIsHash {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// The end of a chain of phrases.
const NONE: u32 = u32::MAX;

impl PhraseSet {
    /// A set of phrases, folded here; a trailing `*` on a phrase makes its last word a
    /// prefix. Phrases without a word are ignored.
    pub fn new<I, S>(phrases: I) -> PhraseSet
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let phrases = phrases.into_iter();
        // Most sets are built from arrays, whose length is known: reserving for it once
        // spares the dozens of reallocations and rehashes of growing one phrase at a time.
        let n = phrases.size_hint().0;
        let mut set = PhraseSet {
            text: String::with_capacity(n * 12),
            words: Vec::with_capacity(n * 2),
            phrases: Vec::with_capacity(n),
            by_first: ByHash::with_capacity_and_hasher(n, Default::default()),
            by_prefix: Vec::new(),
        };
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
        // The words as `phrase_words` cuts them, copied with their separators.
        let first = self.words.len();
        let mut end = None;
        for_each_word(text, |r| {
            if let Some(end) = end {
                push_normalized_space(&mut self.text, &text[end..r.start]);
            }
            let start = self.text.len() as u32;
            self.text.push_str(&text[r.clone()]);
            self.words.push((start, self.text.len() as u32));
            end = Some(r.end);
        });
        let Some(end) = end else {
            return;
        };
        if text[end..].starts_with('\'') && text[end + 1..].trim_end().is_empty() {
            self.text.push('\'');
            self.words.last_mut().expect("a word").1 += 1;
        }
        let id = self.phrases.len() as u32;
        let rest = (self.words.len() - first - 1) as u32;
        self.phrases.push(Phrase {
            first: first as u32,
            rest,
            prefix_last,
            next: NONE,
            same_first: true,
        });
        if prefix_last && rest == 0 {
            self.by_prefix.push(id);
            return;
        }
        let key = hash(self.word(first as u32));
        match self.by_first.entry(key) {
            std::collections::hash_map::Entry::Occupied(mut chain) => {
                let (head, last) = chain.get_mut();
                let head_word = self.words[self.phrases[*head as usize].first as usize];
                let (a, b) = (head_word.0 as usize, head_word.1 as usize);
                let (c, d) = self.words[first];
                let same = self.text[a..b] == self.text[c as usize..d as usize];
                self.phrases[*last as usize].next = id;
                self.phrases[id as usize].same_first = same;
                *last = id;
            }
            std::collections::hash_map::Entry::Vacant(chain) => {
                chain.insert((id, id));
            }
        }
    }

    fn word(&self, w: u32) -> &str {
        let (start, end) = self.words[w as usize];
        &self.text[start as usize..end as usize]
    }

    /// [`PhraseSet::word`] as bytes, without the check of character boundaries.
    #[inline]
    fn word_bytes(&self, w: u32) -> &[u8] {
        let (start, end) = self.words[w as usize];
        &self.text.as_bytes()[start as usize..end as usize]
    }

    /// The phrases whose first word is `word`, in the order they were added, then those
    /// whose first word is a prefix of it.
    fn starting<'a>(&'a self, word: &'a str) -> Starting<'a> {
        let at = self
            .by_first
            .get(&hash(word))
            .map_or(NONE, |&(first, _)| first);
        let word = word.as_bytes();
        let head_is_word = at != NONE && self.word_bytes(self.phrases[at as usize].first) == word;
        Starting {
            set: self,
            word,
            head_is_word,
            at,
            prefix_at: 0,
        }
    }

    /// True when the set holds this one word (folded) as a whole phrase.
    pub fn contains_word(&self, word: &str) -> bool {
        // A phrase of one word: a whole word, or a prefix ("proteg*") the word starts with.
        self.starting(word).any(|p| p.rest == 0)
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
        self.lengths_at(text, words, i).max()
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
        self.starting(first)
            .filter(move |p| self.matches(p, text, words, i))
            .map(|p| p.rest as usize + 1)
    }

    /// True when phrase `p` matches the words of `text` from word `i` on.
    fn matches(&self, p: &Phrase, text: &str, words: &[Range<usize>], i: usize) -> bool {
        let n = p.rest as usize;
        if i + n >= words.len() {
            return false;
        }
        let first = p.first as usize;
        let mine = &self.words[first..=first + n];
        let theirs = &words[i..=i + n];
        let (arena, bytes) = (self.text.as_bytes(), text.as_bytes());
        mine.windows(2)
            .zip(theirs.windows(2))
            .enumerate()
            .all(|(k, (m, t))| {
                let want = &arena[m[1].0 as usize..m[1].1 as usize];
                let word = &bytes[t[1].clone()];
                let word_ok = if p.prefix_last && k + 1 == n {
                    word.starts_with(want)
                } else {
                    word == want
                };
                let (found, wanted) = (t[0].end..t[1].start, m[0].1 as usize..m[1].0 as usize);
                word_ok
                    && (bytes[found.clone()] == arena[wanted.clone()]
                        || same_separator(&text[found], &self.text[wanted]))
            })
    }
}

/// The iterator of [`PhraseSet::starting`].
struct Starting<'a> {
    set: &'a PhraseSet,
    word: &'a [u8],
    /// The first phrase of the chain of `word`'s hash starts with `word`.
    head_is_word: bool,
    /// The next phrase of the chain (`NONE` when done).
    at: u32,
    /// The next index of `by_prefix`, once the chain is done.
    prefix_at: usize,
}

impl<'a> Iterator for Starting<'a> {
    type Item = &'a Phrase;

    fn next(&mut self) -> Option<&'a Phrase> {
        let set = self.set;
        while self.at != NONE {
            let p = &set.phrases[self.at as usize];
            self.at = p.next;
            let is_word = if p.same_first {
                self.head_is_word
            } else {
                set.word_bytes(p.first) == self.word
            };
            if is_word {
                return Some(p);
            }
        }
        while let Some(&id) = set.by_prefix.get(self.prefix_at) {
            self.prefix_at += 1;
            let p = &set.phrases[id as usize];
            if self.word.starts_with(set.word_bytes(p.first)) {
                return Some(p);
            }
        }
        None
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
            assert_eq!(words(t), super::super::word_runs::word_runs(t), "{t:?}");
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
