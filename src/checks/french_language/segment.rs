//! Cutting a paragraph's prose into what a language detector should read.
//!
//! The prose mask has already blanked URLs, mentions, hashtags and code. Here emojis,
//! numbers and symbols go too, and so do short quoted titles (« Star Wars », "Back to
//! school"), which are names whatever their language. The cleaned copy keeps the byte
//! length of the original, so every range stays a range of the file.
//!
//! A paragraph is then cut into sentences (at . ! ? … followed by a space, at line
//! breaks, at "|" and " / "), and each sentence into words. Proper names carry no
//! language evidence ("Place des Arts", "The Keg", "rue de la Gauchetière"), so the
//! words of a name are marked and left out of the counts.

use std::ops::Range;

use crate::text::letter_words;

/// A word of a sentence.
#[derive(Debug, Clone)]
pub struct Token {
    /// Byte range in the file.
    pub span: Range<usize>,
    /// Lowercased, with straight apostrophes: what the word lists are looked up with.
    pub lower: String,
    /// Part of a proper name, or an accepted term: not evidence of a language.
    pub skip: bool,
}

/// Quoted passages of at most this many words are titles, not prose.
const QUOTED_TITLE_MAX_WORDS: usize = 12;

/// The prose of `range` cleaned for language detection (same length as the range).
pub fn clean(prose: &str, range: Range<usize>) -> String {
    let text = &prose[range];
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &(_, c)) in chars.iter().enumerate() {
        let prev = i.checked_sub(1).map(|j| chars[j].1);
        let next = chars.get(i + 1).map(|&(_, c)| c);
        let kept = match c {
            c if c.is_alphabetic() || c.is_whitespace() => c,
            '\'' | '’' | '-' | '.' | '!' | '?' | '…' | ',' | ';' | ':' | '(' | ')' | '«' | '»'
            | '"' | '“' | '”' => c,
            '|' | '•' | '·' => '\n',
            '/' if prev.is_some_and(char::is_whitespace)
                && next.is_some_and(char::is_whitespace) =>
            {
                '\n'
            }
            _ => ' ',
        };
        push_same_len(&mut out, kept, c.len_utf8());
    }
    blank_glued_to_numbers(text, &mut out);
    blank_quoted_titles(&mut out);
    out
}

/// Blanks the letters glued to a number ("2e", "1re", "10h", "3km"): ordinals and units
/// are not words, and "e" is Italian.
fn blank_glued_to_numbers(original: &str, out: &mut String) {
    let mut spans = Vec::new();
    let mut run: Option<(usize, bool)> = None;
    for (i, c) in original.char_indices().chain([(original.len(), ' ')]) {
        if c.is_alphanumeric() {
            let (start, digit) = run.unwrap_or((i, false));
            run = Some((start, digit || c.is_numeric()));
        } else if let Some((start, true)) = run.take() {
            spans.push(start..i);
        }
    }
    // "no 2", "No 14", "nº 3": the French abbreviation of "numéro" before a number, not
    // the English "no".
    let bytes = original.as_bytes();
    for (i, _) in original.match_indices(['n', 'N']) {
        let word_start = i == 0 || !original[..i].ends_with(|c: char| c.is_alphanumeric());
        let rest = &bytes[i + 1..];
        let abbreviation = rest.first().is_some_and(|&b| b == b'o' || b == b'O')
            && rest.get(1) == Some(&b' ')
            && rest.get(2).is_some_and(u8::is_ascii_digit);
        if word_start && abbreviation {
            spans.push(i..i + 2);
        }
    }
    for span in spans {
        let blank = " ".repeat(span.len());
        out.replace_range(span, &blank);
    }
}

/// Pushes `c` then spaces so that the pushed text is `len` bytes long.
fn push_same_len(out: &mut String, c: char, len: usize) {
    if c.len_utf8() == len {
        out.push(c);
    } else {
        // A character replaced by a narrower one ("’" by "'", an emoji by a space).
        let c = if c.len_utf8() > len { ' ' } else { c };
        out.push(c);
        out.extend(std::iter::repeat_n(' ', len - c.len_utf8()));
    }
}

/// Blanks « … », "…" and “…” holding a short title, quotes included.
fn blank_quoted_titles(text: &mut String) {
    let mut spans = Vec::new();
    for (open, close) in [('«', '»'), ('“', '”'), ('"', '"')] {
        let mut from = 0;
        while let Some(start) = text[from..].find(open).map(|i| from + i) {
            let inner = start + open.len_utf8();
            let Some(end) = text[inner..].find(close).map(|i| inner + i) else {
                break;
            };
            let quoted = &text[inner..end];
            let words = letter_words(quoted).count();
            if words <= QUOTED_TITLE_MAX_WORDS && !quoted.contains('\n') {
                spans.push(start..end + close.len_utf8());
            }
            from = end + close.len_utf8();
        }
    }
    for span in spans {
        let blank = " ".repeat(span.len());
        text.replace_range(span, &blank);
    }
}

/// The sentences of a cleaned paragraph, as ranges of `clean` (trimmed, non-empty).
pub fn sentences(clean: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut iter = clean.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let end = match c {
            '\n' => Some(i),
            '.' | '!' | '?' | '…' => {
                while let Some(&(_, '.' | '!' | '?' | '…' | ')' | '»' | '"' | '”')) = iter.peek()
                {
                    iter.next();
                }
                match iter.peek() {
                    Some(&(j, n)) if n.is_whitespace() => Some(j),
                    None => Some(clean.len()),
                    _ => None,
                }
            }
            _ => None,
        };
        if let Some(end) = end {
            push_trimmed(&mut out, clean, start..end);
            start = end;
        }
    }
    push_trimmed(&mut out, clean, start..clean.len());
    out
}

fn push_trimmed(out: &mut Vec<Range<usize>>, text: &str, range: Range<usize>) {
    let r = crate::draft::trim_range(text, range);
    if text[r.clone()].chars().any(char::is_alphabetic) {
        out.push(r);
    }
}

/// Words that, lowercase, precede a name: "rue Sainte-Catherine", "parc des Lions".
const NAME_HEADS: &[&str] = &[
    "rue",
    "avenue",
    "av",
    "boulevard",
    "boul",
    "chemin",
    "route",
    "rang",
    "place",
    "parc",
    "pont",
    "montée",
    "côte",
    "promenade",
    "rivière",
    "lac",
    "mont",
    "île",
    "allée",
    "impasse",
    "croissant",
    "carré",
    "square",
    "quartier",
    "secteur",
    "salle",
    "aréna",
    "centre",
    "école",
    "église",
    "pavillon",
    "complexe",
    "club",
    "restaurant",
    "bar",
    "café",
    "festival",
];

/// Lowercase words that link the parts of a name: "Place des Arts", "Bank of Montreal".
const NAME_LINKS: &[&str] = &[
    "de", "des", "du", "la", "le", "les", "of", "the", "and", "et", "à", "au", "aux", "on", "upon",
    "en", "sur",
];

/// The words of `clean[range]`; `offset` turns cleaned offsets into file offsets.
pub fn tokens(clean: &str, range: Range<usize>, offset: usize) -> Vec<Token> {
    let text = &clean[range.clone()];
    let found: Vec<Range<usize>> = letter_words(text).collect();
    let capitalised: Vec<bool> = found
        .iter()
        .map(|m| {
            text[m.clone()]
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        })
        .collect();
    let mut tokens: Vec<Token> = found
        .iter()
        .map(|m| Token {
            span: offset + range.start + m.start..offset + range.start + m.end,
            lower: lower(&text[m.clone()]),
            skip: false,
        })
        .collect();
    // A headline in title case or in capitals has no names to tell apart.
    let caps = capitalised.iter().filter(|&&c| c).count();
    if tokens.len() >= 4 && caps * 10 > tokens.len() * 7 {
        return tokens;
    }
    mark_names(&mut tokens, &capitalised);
    tokens
}

/// A word lowercased, with straight apostrophes.
fn lower(word: &str) -> String {
    if word.is_ascii() {
        return word.to_ascii_lowercase();
    }
    let lower = word.to_lowercase();
    if lower.contains('’') {
        lower.replace('’', "'")
    } else {
        lower
    }
}

fn mark_names(tokens: &mut [Token], capitalised: &[bool]) {
    let n = tokens.len();
    // A capitalised word is a name, except a sentence's first word followed by a
    // lowercase one ("The road is closed", "Le parc").
    let mut name: Vec<bool> = (0..n)
        .map(|i| capitalised[i] && (i > 0 || capitalised.get(1).copied().unwrap_or(false)))
        .collect();
    // A function word is a name only inside a run of capitalised words ("The Keg"), and
    // never as a sentence's first word ("Die Bibliothek ist…", "Le Carrefour est…"):
    // "on Monday" keeps its evidence.
    for i in 0..n {
        let alone =
            (i == 0 || !capitalised[i - 1]) && !capitalised.get(i + 1).copied().unwrap_or(false);
        if name[i] && (i == 0 || alone) && super::words::languages_of(&tokens[i].lower) != 0 {
            name[i] = false;
        }
    }
    // Links between two names belong to the name ("Place des Arts"), and so does a word
    // such as "rue" just before one.
    for i in 0..n {
        if name[i] {
            continue;
        }
        if NAME_LINKS.contains(&tokens[i].lower.as_str()) {
            let before = i > 0 && name[i - 1];
            let after = (i + 1..n)
                .find(|&j| !NAME_LINKS.contains(&tokens[j].lower.as_str()))
                .is_some_and(|j| capitalised[j]);
            if before && after {
                name[i] = true;
            }
        }
    }
    for i in 0..n {
        if name[i] || !NAME_HEADS.contains(&tokens[i].lower.as_str()) {
            continue;
        }
        let next = (i + 1..n).find(|&j| !NAME_LINKS.contains(&tokens[j].lower.as_str()));
        if let Some(j) = next.filter(|&j| capitalised[j]) {
            for k in name.iter_mut().take(j + 1).skip(i) {
                *k = true;
            }
        }
    }
    for (t, is_name) in tokens.iter_mut().zip(name) {
        t.skip = is_name;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cleaned(s: &str) -> String {
        clean(s, 0..s.len())
    }

    #[test]
    fn emojis_numbers_and_quoted_titles_are_blanked() {
        let s = "Le 12 mai 🎉, film « Back to the Future » au parc !";
        let c = cleaned(s);
        assert_eq!(c.len(), s.len());
        assert!(!c.contains("12") && !c.contains("Back") && !c.contains('🎉'));
        assert!(c.contains("film") && c.contains("au parc !"));
    }

    #[test]
    fn the_abbreviation_of_numero_is_no_word() {
        assert_eq!(cleaned("Siège no 2 : Denis"), "Siège      : Denis");
        assert_eq!(cleaned("No 14, no way"), "     , no way");
    }

    #[test]
    fn ordinals_and_units_go_with_their_number() {
        let s = "la 2e Avenue et la 1re Rue, à 10h, 5km";
        let c = cleaned(s);
        assert!(!c.contains("e Avenue") && !c.contains("re Rue") && !c.contains('h'));
        assert!(c.contains("Avenue") && c.contains("Rue"));
    }

    #[test]
    fn long_quotations_are_kept() {
        let s =
            "\"We are very proud of the work that all of our volunteers have done this summer\"";
        assert!(cleaned(s).contains("volunteers"));
    }

    #[test]
    fn sentences_split_at_stops_and_line_breaks() {
        let s = "Bonjour ! Road closed... Detour via Main St.\nMerci | Thanks";
        let c = cleaned(s);
        let got: Vec<&str> = sentences(&c).into_iter().map(|r| &s[r]).collect();
        assert_eq!(
            got,
            [
                "Bonjour !",
                "Road closed...",
                "Detour via Main St.",
                "Merci",
                "Thanks"
            ]
        );
    }

    fn names(s: &str) -> Vec<String> {
        let c = cleaned(s);
        tokens(&c, 0..c.len(), 0)
            .into_iter()
            .filter(|t| t.skip)
            .map(|t| s[t.span].to_string())
            .collect()
    }

    #[test]
    fn names_are_marked() {
        assert_eq!(
            names("Join us at Place des Arts on rue de la Gauchetière"),
            ["Place", "des", "Arts", "rue", "de", "la", "Gauchetière"]
        );
        assert_eq!(
            names("Souper au restaurant The Keg"),
            ["restaurant", "The", "Keg"]
        );
        assert!(names("The road is closed").is_empty());
    }

    #[test]
    fn headlines_have_no_names() {
        assert!(names("Welcome To The Fall Festival").is_empty());
    }
}
