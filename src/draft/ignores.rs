//! Inline exceptions of Markdown drafts: `<!-- vigie-ignore RULE: raison -->` before a
//! paragraph. An HTML comment is never published, so the exception and its reason stay
//! in the draft without reaching the post.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// An exception written in the text, for the paragraph after it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineIgnore {
    /// The comment itself.
    pub span: Range<usize>,
    pub rule: String,
    /// Empty when the author gave none (an error: every exception needs a reason).
    pub reason: String,
    /// The paragraph it covers.
    pub target: Range<usize>,
}

static IGNORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?s)^<!--\s*vigie-ignore\b\s*([^\s:]*)\s*(?::(.*?))?\s*-->$")
        .expect("ignore regex")
});

/// The `vigie-ignore` comments among a draft's HTML comments, each with the paragraph
/// it covers: the rest of its line if text follows it, else the next paragraph.
pub fn find(source: &str, body_end: usize, comments: &[Range<usize>]) -> Vec<InlineIgnore> {
    comments
        .iter()
        .filter_map(|span| {
            let caps = IGNORE.captures(&source[span.clone()])?;
            Some(InlineIgnore {
                span: span.clone(),
                rule: caps[1].to_string(),
                reason: caps
                    .get(2)
                    .map(|m| m.as_str().trim().to_string())
                    .unwrap_or_default(),
                target: next_paragraph(source, span.end, body_end),
            })
        })
        .collect()
}

fn next_paragraph(source: &str, from: usize, body_end: usize) -> Range<usize> {
    let rest = &source[from..body_end];
    let start = from + (rest.len() - rest.trim_start().len());
    let text = &source[start..body_end];
    let mut end = start;
    for line in text.split_inclusive('\n') {
        if line.trim().is_empty() {
            break;
        }
        end += line.len();
    }
    start..end.min(body_end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ignores(s: &str) -> Vec<InlineIgnore> {
        let comments: Vec<Range<usize>> = s
            .match_indices("<!--")
            .map(|(i, _)| i..i + s[i..].find("-->").unwrap() + 3)
            .collect();
        find(s, s.len(), &comments)
    }

    #[test]
    fn covers_the_next_paragraph_only() {
        let s = "Avant.\n\n<!-- vigie-ignore shouting: titre officiel -->\nAVIS PUBLIC IMPORTANT\nsuite\n\nAprès.";
        let i = &ignores(s)[0];
        assert_eq!(i.rule, "shouting");
        assert_eq!(i.reason, "titre officiel");
        assert_eq!(&s[i.target.clone()], "AVIS PUBLIC IMPORTANT\nsuite\n");
    }

    #[test]
    fn a_missing_reason_is_kept_empty_and_other_comments_are_not_ignores() {
        let s = "<!-- vigie-ignore shouting -->\nX\n<!-- note pour l'équipe -->";
        let found = ignores(s);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].reason, "");
    }
}
