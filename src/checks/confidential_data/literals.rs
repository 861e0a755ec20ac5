//! Word lists and trigger words matched on folded text exactly as the regexes they
//! replace matched them, without compiling a regex.
//!
//! Why: the rule's cue and public-number patterns were alternations of hundreds of
//! words, a few milliseconds to compile before the first post could be read, and its
//! recognizers a dozen more patterns. [`Alternation`] gives the same matches as a regex
//! `(?:word|word|...)` of escaped literals followed by a word boundary, from a hash map;
//! [`Needles`] says in one pass over a post which trigger words start one of its words,
//! so that a pattern is compiled and run only on the posts where it can match.
//!
//! Both follow the ASCII word boundary the patterns on folded text use
//! (`crate::text::folded_regex`): a word byte is an ASCII letter, digit or `_`.

use std::ops::Range;

use foldhash::HashMap;

/// A byte of a word, for the ASCII `\b` of the patterns on folded text.
pub fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// The ASCII `\b` at byte `i` of `t`.
pub fn boundary(t: &[u8], i: usize) -> bool {
    let before = i > 0 && t.get(i - 1).copied().is_some_and(is_word_byte);
    let after = t.get(i).copied().is_some_and(is_word_byte);
    before != after
}

/// `b[at..].starts_with(word)`, inlined: the words are a few bytes, and the call to
/// `memcmp` a slice comparison makes costs more than the comparison.
pub fn starts_with(b: &[u8], at: usize, word: &[u8]) -> bool {
    b.len() >= at + word.len() && word.iter().zip(&b[at..]).all(|(x, y)| x == y)
}

/// `\s` of the patterns on folded text.
pub fn is_space(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\r' | b' ')
}

/// The end of the run of word bytes that starts at `i`. A loop of its own rather than
/// [`run_end`]: it is the rule's hottest scan, and measured 2% slower through the closure.
pub fn word_end(t: &[u8], mut i: usize) -> usize {
    while i < t.len() && is_word_byte(t[i]) {
        i += 1;
    }
    i
}

/// The first byte at or after `i` that is not a `\s`.
pub fn skip_spaces(t: &[u8], i: usize) -> usize {
    run_end(t, i, is_space)
}

/// The runs of word bytes of `t`, each whole, left to right.
pub fn word_runs(t: &[u8]) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        i = run_end(t, i, |b| !is_word_byte(b));
        let start = i;
        i = word_end(t, i);
        (i > start).then_some(start..i)
    })
}

/// `\p{L}` of the patterns on folded text: the Latin letters of [`crate::text::LETTER`].
pub fn is_letter(c: char) -> bool {
    matches!(c, 'a'..='z' | '\u{DF}'..='\u{F6}' | '\u{F8}'..='\u{24F}')
}

/// The end of the run of bytes of `t` from `i` that `keep` accepts.
pub fn run_end(t: &[u8], mut i: usize, keep: impl Fn(u8) -> bool) -> usize {
    while i < t.len() && keep(t[i]) {
        i += 1;
    }
    i
}

/// The end of the run of characters of `t` from `at` that `keep` accepts.
pub fn chars_end(t: &str, at: usize, keep: impl Fn(char) -> bool) -> usize {
    t[at..]
        .char_indices()
        .find(|&(_, c)| !keep(c))
        .map_or(t.len(), |(i, _)| at + i)
}

/// Folds a lexicon entry like the old `alternation` did (trimmed, folded), without the
/// cost of folding when the entry is already folded ASCII.
fn folded(word: &str) -> String {
    let word = word.trim();
    let plain = word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase() && b != b'`');
    if plain {
        word.to_string()
    } else {
        crate::text::fold(word)
    }
}

/// The end of `(?:\b|\s|$)` at `e`: a word boundary, or one space it consumes, or the
/// end of the text.
pub fn place_suffix(b: &[u8], e: usize) -> Option<usize> {
    if boundary(b, e) || e == b.len() {
        Some(e)
    } else if is_space(b[e]) {
        Some(e + 1)
    } else {
        None
    }
}

/// Literal words and phrases (folded), matched like the regex `(?:w1|w2|...)` of their
/// escaped forms sorted longest first, followed by a pattern that cannot continue a
/// word when the alternative ends with one (`\b`, `(?:\b|\s|$)`).
///
/// At one position such a regex takes its first alternative that matches there and is
/// followed by what the suffix wants: longest first, that is the longest one. An
/// alternative that ends with a word byte can then only match where the text's run of
/// word bytes is exactly as long as its own leading run; so alternatives are looked up
/// by that run.
#[derive(Debug, Clone)]
pub struct Alternation {
    /// Alternatives that start with a word byte, by their leading run of word bytes,
    /// longest first.
    by_lead: HashMap<Box<str>, Vec<Box<str>>>,
    /// Alternatives that start with another byte ("-nous"), longest first.
    others: Vec<Box<str>>,
    /// The first two bytes of the alternatives, a bit each (any second byte for an
    /// alternative of one byte): most words of a text are rejected without hashing.
    pairs: Vec<u64>,
}

fn pair(first: u8, second: u8) -> usize {
    usize::from(first) << 8 | usize::from(second)
}

impl Alternation {
    /// The alternatives, folded and trimmed; empty ones are ignored.
    pub fn new<I, S>(words: I) -> Alternation
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut set = Alternation {
            by_lead: HashMap::default(),
            others: Vec::new(),
            pairs: vec![0; 65536 / 64],
        };
        for w in words {
            let w = folded(w.as_ref());
            if w.is_empty() {
                continue;
            }
            let b = w.as_bytes();
            let seconds = match b.get(1) {
                Some(&s) => s..=s,
                None => 0..=u8::MAX,
            };
            for s in seconds {
                let k = pair(b[0], s);
                set.pairs[k / 64] |= 1 << (k % 64);
            }
            let list = if is_word_byte(b[0]) {
                let lead = &w[..word_end(b, 0)];
                set.by_lead.entry(lead.into()).or_default()
            } else {
                &mut set.others
            };
            if !list.iter().any(|x| **x == *w) {
                list.push(w.into());
            }
        }
        let longest_first = |v: &mut Vec<Box<str>>| v.sort_by_key(|w| std::cmp::Reverse(w.len()));
        set.by_lead.values_mut().for_each(longest_first);
        longest_first(&mut set.others);
        set
    }

    /// The end of the match at byte `at` of `t` of the longest alternative that `suffix`
    /// accepts after it: `suffix` gets the end of the alternative and gives the end of
    /// the match (past what it consumes), or nothing.
    pub fn longest_at(
        &self,
        t: &str,
        at: usize,
        suffix: impl Fn(usize) -> Option<usize>,
    ) -> Option<usize> {
        let b = t.as_bytes();
        let rest = &b[at.min(b.len())..];
        let first = *rest.first()?;
        let k = pair(first, rest.get(1).copied().unwrap_or(0));
        if self.pairs[k / 64] & 1 << (k % 64) == 0 {
            return None;
        }
        let candidates = if is_word_byte(first) {
            let lead = &t[at..word_end(b, at)];
            match self.by_lead.get(lead) {
                Some(list) => list.as_slice(),
                None => return None,
            }
        } else {
            self.others.as_slice()
        };
        candidates
            .iter()
            .filter(|w| starts_with(b, at, w.as_bytes()))
            .find_map(|w| suffix(at + w.len()))
    }

    /// [`Alternation::longest_at`] followed by `\b`.
    pub fn word_at(&self, t: &str, at: usize) -> Option<usize> {
        let b = t.as_bytes();
        self.longest_at(t, at, |end| boundary(b, end).then_some(end))
    }

    /// True when `\b(?:alternatives)\b` matches somewhere in `t`.
    pub fn is_match(&self, t: &str) -> bool {
        let b = t.as_bytes();
        (0..b.len()).any(|i| boundary(b, i) && self.word_at(t, i).is_some())
    }
}

/// Trigger words: which of them start a word of a text, in one pass.
///
/// A needle matches where a run of word bytes starts (after a non-word byte or at the
/// start) and the text there starts with the needle; a whole needle must also end
/// there. Each needle sets bits of a mask: the gates of the patterns that need it.
/// Needles are looked up by their first three bytes (two for a needle of two).
#[derive(Debug)]
pub struct Needles {
    buckets: Vec<Vec<Needle>>,
    /// The first two bytes of the needles, a bit each: most words of a text are
    /// rejected with one test.
    pairs: Vec<u64>,
}

#[derive(Debug)]
struct Needle {
    text: Box<str>,
    whole: bool,
    mask: u64,
}

const BUCKETS: usize = 1024;

fn bucket(key: &[u8]) -> usize {
    let h = key
        .iter()
        .fold(key.len(), |h, &b| h.wrapping_mul(131) + usize::from(b));
    h % BUCKETS
}

impl Needles {
    /// Needles as (text, whole word, mask); each starts with a word byte and has two
    /// bytes or more.
    pub fn new<S: AsRef<str>>(needles: impl IntoIterator<Item = (S, bool, u64)>) -> Needles {
        let mut buckets: Vec<Vec<Needle>> = (0..BUCKETS).map(|_| Vec::new()).collect();
        let mut pairs = vec![0u64; 65536 / 64];
        for (text, whole, mask) in needles {
            let text = text.as_ref();
            let b = text.as_bytes();
            assert!(b.len() >= 2 && is_word_byte(b[0]), "needle « {text} »");
            let k = pair(b[0], b[1]);
            pairs[k / 64] |= 1 << (k % 64);
            buckets[bucket(&b[..b.len().min(3)])].push(Needle {
                text: text.into(),
                whole,
                mask,
            });
        }
        Needles { buckets, pairs }
    }

    /// The union of the masks of the needles found in `t`.
    pub fn scan(&self, t: &str) -> u64 {
        let b = t.as_bytes();
        let mut mask = 0;
        for Range { start: i, end } in word_runs(b) {
            let k = pair(b[i], b.get(i + 1).copied().unwrap_or(0));
            if self.pairs[k / 64] & 1 << (k % 64) == 0 {
                continue;
            }
            for key in [b.get(i..i + 2), b.get(i..i + 3)].into_iter().flatten() {
                for n in &self.buckets[bucket(key)] {
                    let nb = n.text.as_bytes();
                    if starts_with(b, i, nb) && (!n.whole || i + nb.len() == end) {
                        mask |= n.mask;
                    }
                }
            }
        }
        mask
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    /// The regex the alternation stands for, as `context::alternation` built it.
    fn regex_of(words: &[&str], suffix: &str) -> Regex {
        let mut w: Vec<String> = words.iter().map(|w| crate::text::fold(w.trim())).collect();
        w.retain(|w| !w.is_empty());
        w.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
        w.dedup();
        let alt: Vec<String> = w.iter().map(|w| regex::escape(w)).collect();
        crate::text::folded_regex(&format!(r"\b(?:{}){suffix}", alt.join("|"))).unwrap()
    }

    fn find_all(
        set: &Alternation,
        t: &str,
        suffix: impl Fn(usize) -> Option<usize>,
    ) -> Vec<(usize, usize)> {
        let b = t.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            if boundary(b, i)
                && let Some(end) = set.longest_at(t, i, &suffix)
            {
                out.push((i, end));
                i = end;
            } else {
                i += 1;
            }
        }
        out
    }

    #[test]
    fn alternations_match_like_their_regex() {
        let words = [
            "arena",
            "arenas",
            "hotel de ville",
            "hotel",
            "c.p.",
            "-nous",
            "mcdonald's",
            "station-service",
            "service",
            "L'Hôtel de ville",
            "straße",
            "",
            "  ",
        ];
        let set = Alternation::new(words);
        let texts = [
            "a l'arena, l'hotel de ville; arenas et arenasse, arena_x",
            "c.p. 12, c.p.x, c.p, joignez-nous -nous, mcdonald's station-service",
            "la station-services, service, l'hotel de villes",
            "straße 12, strasse, xstraße",
            "",
            "arena",
        ];
        let re = regex_of(&words, r"\b");
        let re_public = regex_of(&words, r"(?:\b|\s|$)");
        for t in texts {
            let b = t.as_bytes();
            let want: Vec<(usize, usize)> = re.find_iter(t).map(|m| (m.start(), m.end())).collect();
            assert_eq!(
                find_all(&set, t, |e| boundary(b, e).then_some(e)),
                want,
                "{t}"
            );
            let want: Vec<(usize, usize)> = re_public
                .find_iter(t)
                .map(|m| (m.start(), m.end()))
                .collect();
            assert_eq!(find_all(&set, t, |e| place_suffix(b, e)), want, "{t}");
            assert_eq!(set.is_match(t), re.is_match(t), "{t}");
        }
    }

    #[test]
    fn needles_start_words() {
        let needles = Needles::new([
            ("enquete".to_string(), false, 1),
            ("huis".to_string(), true, 2),
            ("l'objet".to_string(), false, 4),
        ]);
        assert_eq!(needles.scan("une enquetes, huis clos"), 3);
        assert_eq!(needles.scan("sousenquete, huisclos"), 0);
        assert_eq!(needles.scan("fait l'objet"), 4);
        assert_eq!(needles.scan(""), 0);
    }
}
