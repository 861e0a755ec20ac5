//! Words of a folded French text, and the expansion of the lexicon's compact notation.
//!
//! Matching on words rather than substrings is what keeps the lexicon from crying wolf:
//! "classique" never holds "ass", "rue Lacasse" never holds "casse". A word is a run of
//! letters and digits; hyphens join a compound ("cul-de-sac", "Saint-Cirq") into one
//! word, and an elided article ends its own word ("l'", "d'", "qu'"), so that
//! "d'imbéciles" is "d'" then "imbeciles".

use std::ops::Range;

/// One word of a folded text.
#[derive(Debug, Clone)]
pub struct Word<'t> {
    /// Byte range in the folded text.
    pub range: Range<usize>,
    /// The folded word ("l'", "imbecile", "saint-cirq"), borrowed from the text: a
    /// paragraph's words cost one vector, not a string each.
    pub text: &'t str,
    /// True when punctuation or a line break separates it from the previous word.
    pub break_before: bool,
    /// True when an exclamation or question mark directly follows it.
    pub bang_after: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The character at byte `at` of `text` (a boundary) and its length; ASCII, most of
/// French text, without decoding.
fn char_at(text: &str, at: usize) -> Option<(char, usize)> {
    let b = *text.as_bytes().get(at)?;
    if b.is_ascii() {
        return Some((char::from(b), 1));
    }
    text[at..].chars().next().map(|c| (c, c.len_utf8()))
}

/// True when the character at byte `at` of `text` is a word character.
fn word_char_at(text: &str, at: usize) -> bool {
    char_at(text, at).is_some_and(|(c, _)| is_word_char(c))
}

/// Calls `f` with the byte range of each word of folded `text`, in order. Both the
/// paragraphs and the lexicon's forms are split here, so that they always agree.
pub fn for_each_word(text: &str, mut f: impl FnMut(Range<usize>)) {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some((c, len)) = char_at(text, at) {
        if !is_word_char(c) {
            at += len;
            continue;
        }
        let start = at;
        let mut end = at;
        loop {
            while let Some((_, len)) = char_at(text, end).filter(|&(c, _)| is_word_char(c)) {
                end += len;
            }
            // A hyphen or an apostrophe (both one byte) joins when a word character
            // follows it; the apostrophe ends the word ("l'").
            let joins = |k: usize| word_char_at(text, k + 1);
            if bytes.get(end) == Some(&b'-') && joins(end) {
                end += 1;
                continue;
            }
            if bytes.get(end) == Some(&b'\'') && joins(end) {
                end += 1;
            }
            break;
        }
        // "ce cave-là", "ostie-là": the demonstrative suffix is a word of its own.
        if let Some(s) = ["-la", "-ci"]
            .into_iter()
            .find(|s| text[start..end].ends_with(s) && end - start > s.len())
        {
            end -= s.len();
        }
        f(start..end);
        at = end;
    }
}

/// Splits folded text into words.
pub fn words(text: &str) -> Vec<Word<'_>> {
    let mut out: Vec<Word<'_>> = Vec::new();
    let mut last_end = 0;
    for_each_word(text, |range| {
        let gap = &text[last_end..range.start];
        let break_before = out.is_empty()
            || gap
                .chars()
                .any(|c| !c.is_whitespace() || c == '\n' || c == '\r');
        last_end = range.end;
        out.push(Word {
            text: &text[range.clone()],
            range,
            break_before,
            bang_after: false,
        });
    });
    for k in 0..out.len() {
        let end = out[k].range.end;
        let next = out.get(k + 1).map(|w| w.range.start).unwrap_or(text.len());
        out[k].bang_after = text[end..next].trim_start().starts_with(['!', '?']);
    }
    out
}

/// Expands the lexicon notation: `(a|b)` picks one alternative, `(a)` is optional.
/// "crétin(e)(s)" gives crétin, crétins, crétine, crétines.
pub fn expand(pattern: &str) -> Vec<String> {
    let mut out = Vec::new();
    expand_each(pattern, &mut String::new(), &mut |s| {
        out.push(s.to_string())
    });
    out
}

/// How many variants [`expand`] gives, counted without making them (saturating): a
/// profile's word is refused above a limit before anything is allocated.
pub fn count_variants(pattern: &str) -> u64 {
    let mut count: u64 = 1;
    let mut rest = pattern;
    while let Some(open) = rest.find('(') {
        let Some(len) = rest[open..].find(')') else {
            break;
        };
        let inner = &rest[open + 1..open + len];
        let choices = if inner.contains('|') {
            inner.split('|').count() as u64
        } else {
            2
        };
        count = count.saturating_mul(choices);
        rest = &rest[open + len + 1..];
    }
    count
}

/// True when the parentheses of a form pair up, none inside another: what [`expand`]
/// reads.
pub fn well_formed(form: &str) -> bool {
    let mut open = false;
    for c in form.chars() {
        match c {
            '(' if open => return false,
            '(' => open = true,
            ')' if !open => return false,
            ')' => open = false,
            _ => {}
        }
    }
    !open
}

/// [`expand`] without a string per variant: `f` sees each one in turn, in the order
/// `expand` lists them, written after the end of `buf` (left as it was found).
pub fn expand_each(pattern: &str, buf: &mut String, f: &mut dyn FnMut(&str)) {
    let len = buf.len();
    let Some(open) = pattern.find('(') else {
        buf.push_str(pattern);
        f(buf);
        buf.truncate(len);
        return;
    };
    let close = open + pattern[open..].find(')').expect("unbalanced ( in lexicon");
    let inner = &pattern[open + 1..close];
    let optional = (!inner.contains('|')).then_some("");
    for alt in inner.split('|').chain(optional) {
        buf.push_str(&pattern[..open]);
        buf.push_str(alt);
        expand_each(&pattern[close + 1..], buf, f);
        buf.truncate(len);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<&str> {
        words(s).into_iter().map(|w| w.text).collect()
    }

    #[test]
    fn variants_are_counted_as_expand_makes_them() {
        for p in ["cretin(e)(s)", "(je|on) va", "mot", "(a|b|c)(d)(e|f) x(y)"] {
            assert_eq!(count_variants(p), expand(p).len() as u64, "{p}");
        }
        assert_eq!(count_variants(&"(a|b)".repeat(70)), u64::MAX);
    }

    #[test]
    fn elision_and_compounds() {
        assert_eq!(
            texts("l'imbecile du cul-de-sac, qu'on dit, ce cave-la"),
            [
                "l'",
                "imbecile",
                "du",
                "cul-de-sac",
                "qu'",
                "on",
                "dit",
                "ce",
                "cave",
                "la"
            ]
        );
        assert_eq!(
            texts("straße-ici, ø'x ß-la"),
            ["straße-ici", "ø'", "x", "ß", "la"]
        );
        let w = words("calice ! de, hostie");
        assert!(w[0].bang_after);
        assert!(w[1].break_before && w[2].break_before);
    }

    #[test]
    fn notation() {
        assert_eq!(
            expand("cretin(e)(s)"),
            ["cretines", "cretine", "cretins", "cretin"]
        );
        assert_eq!(expand("(je|on) va"), ["je va", "on va"]);
    }
}
