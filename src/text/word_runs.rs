//! Words as `words` of `src/text/phrases.rs` cuts them, read a character at a time: runs
//! of letters and digits, an elided word keeping its apostrophe when a word follows it
//! ("l'enfant" is "l'" and "enfant"). `build.rs` cuts the lexicons with it, and the
//! tests of `phrases` compare its faster reading with this one.

use std::ops::Range;

/// The word ranges of `text`.
pub fn word_runs(text: &str) -> Vec<Range<usize>> {
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
