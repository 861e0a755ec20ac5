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
pub struct Word {
    /// Byte range in the folded text.
    pub range: Range<usize>,
    /// The folded word ("l'", "imbecile", "saint-cirq").
    pub text: String,
    /// True when punctuation or a line break separates it from the previous word.
    pub break_before: bool,
    /// True when an exclamation or question mark directly follows it.
    pub bang_after: bool,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Splits folded text into words.
pub fn words(text: &str) -> Vec<Word> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out: Vec<Word> = Vec::new();
    let mut i = 0;
    let mut last_end = 0;
    while i < chars.len() {
        if !is_word_char(chars[i].1) {
            i += 1;
            continue;
        }
        let start = chars[i].0;
        let mut j = i;
        loop {
            while j < chars.len() && is_word_char(chars[j].1) {
                j += 1;
            }
            let joins = |k: usize| k + 1 < chars.len() && is_word_char(chars[k + 1].1);
            if j < chars.len() && chars[j].1 == '-' && joins(j) {
                j += 1;
                continue;
            }
            if j < chars.len() && chars[j].1 == '\'' && joins(j) {
                j += 1;
            }
            break;
        }
        let mut end = if j < chars.len() {
            chars[j].0
        } else {
            text.len()
        };
        // "ce cave-là", "ostie-là": the demonstrative suffix is a word of its own.
        let suffix = ["-la", "-ci"]
            .into_iter()
            .find(|s| text[start..end].ends_with(s) && end - start > s.len());
        if let Some(s) = suffix {
            end -= s.len();
            j -= s.chars().count();
        }
        let gap = &text[last_end..start];
        let break_before = out.is_empty()
            || gap
                .chars()
                .any(|c| !c.is_whitespace() || c == '\n' || c == '\r');
        out.push(Word {
            range: start..end,
            text: text[start..end].to_string(),
            break_before,
            bang_after: false,
        });
        last_end = end;
        i = j;
    }
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
    let Some(open) = pattern.find('(') else {
        return vec![pattern.to_string()];
    };
    let close = open + pattern[open..].find(')').expect("unbalanced ( in lexicon");
    let inner = &pattern[open + 1..close];
    let mut alternatives: Vec<&str> = inner.split('|').collect();
    if !inner.contains('|') {
        alternatives.push("");
    }
    let rest = expand(&pattern[close + 1..]);
    let mut out = Vec::new();
    for alt in alternatives {
        for r in &rest {
            out.push(format!("{}{alt}{r}", &pattern[..open]));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(s: &str) -> Vec<String> {
        words(s).into_iter().map(|w| w.text).collect()
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
