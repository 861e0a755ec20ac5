//! First names: a capitalised word of a post that is a first name names a person.
//!
//! The list (`lexicons/first-names.txt`, about 29,000 names, folded and sorted byte-wise;
//! its header gives its sources and licence) is embedded as text and searched in place
//! by bisection over its lines: nothing is built at start-up, and a look-up costs about
//! fifteen comparisons.

const SOURCE: &str = include_str!("../../../lexicons/first-names.txt");

/// The lines of the list after its header, as one sorted text.
fn body() -> &'static str {
    let mut rest = SOURCE;
    while rest.starts_with('#') {
        rest = rest.split_once('\n').map_or("", |(_, r)| r);
    }
    rest
}

/// The line of `text` that holds byte `at`.
fn line_at(text: &str, at: usize) -> (usize, &str) {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    (start, &text[start..end])
}

/// True when the folded word is a first name of the list.
pub fn is_first_name(word: &str) -> bool {
    let text = body();
    let (mut lo, mut hi) = (0, text.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let (start, line) = line_at(text, mid);
        match line.as_bytes().cmp(word.as_bytes()) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = start + line.len() + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::{body, is_first_name};

    #[test]
    fn the_list_is_sorted_folded_and_without_duplicates() {
        let lines: Vec<&str> = body().lines().collect();
        assert!(lines.len() > 20_000);
        for pair in lines.windows(2) {
            assert!(pair[0].as_bytes() < pair[1].as_bytes(), "{pair:?}");
        }
        for l in &lines {
            assert_eq!(crate::text::fold(l), *l);
        }
    }

    #[test]
    fn first_names_are_found_and_words_are_not() {
        for name in [
            "rejean", "julie", "steve", "nathalie", "adele", "zoe", "zack", "jeremie",
        ] {
            assert!(is_first_name(name), "{name}");
        }
        for word in [
            "merci", "bonne", "ville", "rose", "", "zzz", "aaaa", "lundi",
        ] {
            assert!(!is_first_name(word), "{word}");
        }
    }
}
