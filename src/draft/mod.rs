//! A draft: the text of a post as the author wrote it, its front matter, and what of it
//! is prose. Checks never re-parse the file: they read the prose mask, the links and the
//! images found here, and report byte ranges into the original text.

mod front;
mod ignores;
mod meta;
mod prose;

use std::ops::Range;

pub use front::defaults as read_defaults;
pub use ignores::InlineIgnore;
pub use meta::{
    Account, Author, Consent, DateText, FrontMatter, Ignore, Media, Meta, People, Platform,
    PublishAt,
};
pub use prose::{Image, Link};

use crate::problem::Problem;
use crate::text::LineIndex;

/// How the body is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Text,
}

impl Format {
    /// Plain text for `.txt`, Markdown for everything else (stdin included).
    pub fn for_path(path: &str) -> Format {
        if path.to_ascii_lowercase().ends_with(".txt") {
            Format::Text
        } else {
            Format::Markdown
        }
    }
}

#[derive(Debug, Clone)]
pub struct Draft {
    /// The path as the user gave it (`stdin` for standard input).
    pub path: String,
    /// The whole file; every span indexes it.
    pub source: String,
    /// Where the front matter lies, fences included.
    pub front_matter: Option<Range<usize>>,
    /// The body: what would be published.
    pub body: Range<usize>,
    pub front: FrontMatter,
    /// A copy of `source` of the same length in which every byte that is not prose
    /// (front matter, code, URLs, mentions, hashtags, HTML, images) is a space; line
    /// breaks are kept.
    pub prose: String,
    pub links: Vec<Link>,
    pub images: Vec<Image>,
    /// `<!-- vigie-ignore RULE: raison -->` exceptions (Markdown drafts).
    pub inline_ignores: Vec<InlineIgnore>,
    pub lines: LineIndex,
}

impl Draft {
    /// Parses a draft. Fails only on front matter that cannot be read; the message names
    /// the line and column. [`Draft::parse_all`] gives every problem, not the first.
    pub fn parse(path: &str, source: String, format: Format) -> Result<Draft, Problem> {
        Draft::parse_all(path, source, format).map_err(|mut problems| problems.remove(0))
    }

    /// Parses a draft, with every problem of its front matter (never an empty list).
    pub fn parse_all(path: &str, source: String, format: Format) -> Result<Draft, Vec<Problem>> {
        let start = if source.starts_with('\u{feff}') { 3 } else { 0 };
        let (front_matter, body_start, front) = parse_front_matter(path, &source, start)?;
        let body = body_start..source.len();
        let scan = prose::scan(&source, body.clone(), format);
        Ok(Draft {
            path: path.to_string(),
            lines: LineIndex::new(&source),
            front_matter,
            body,
            front,
            prose: scan.prose,
            links: scan.links,
            images: scan.images,
            inline_ignores: ignores::find(&source, source.len(), &scan.comments),
            source,
        })
    }

    pub fn body_text(&self) -> &str {
        &self.source[self.body.clone()]
    }

    /// The #hashtags of the body, as spans of the source ("#grosseniaiseuse"): not read
    /// as prose, some rules read their words.
    pub fn hashtags(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        prose::mentions_and_tags(&self.source, self.body.clone())
            .filter(|span| self.source[span.clone()].starts_with('#'))
    }

    /// The body's paragraphs: runs of lines holding prose, split at blank lines.
    pub fn paragraphs(&self) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut current: Option<Range<usize>> = None;
        let mut at = self.body.start;
        for line in self.prose[self.body.clone()].split_inclusive('\n') {
            let content = line.trim_end_matches(['\n', '\r']);
            let range = at..at + content.len();
            at += line.len();
            if content.trim().is_empty() {
                out.extend(current.take());
            } else {
                current = Some(match current {
                    Some(c) => c.start..range.end,
                    None => range,
                });
            }
        }
        out.extend(current);
        out.into_iter()
            .map(|r| trim_range(&self.prose, r))
            .collect()
    }

    /// The first byte of the body's text, where findings about the whole post point.
    pub fn body_anchor(&self) -> Range<usize> {
        let text = &self.source[self.body.clone()];
        let skip = text.len() - text.trim_start().len();
        let start = self.body.start + skip;
        let end = self.source[start..]
            .find(['\n', '\r'])
            .map(|i| start + i)
            .unwrap_or(self.source.len());
        start..end
    }

    /// 1-based (line, column in characters) of a byte offset.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        self.lines.position(&self.source, offset)
    }
}

/// Narrows a range to its non-blank part.
pub fn trim_range(text: &str, range: Range<usize>) -> Range<usize> {
    let slice = &text[range.clone()];
    let start = range.start + (slice.len() - slice.trim_start().len());
    let end = range.start + slice.trim_end().len();
    start..end.max(start)
}

/// The front matter's range (fences included), where the body starts, and its keys.
type FrontMatterAt = (Option<Range<usize>>, usize, FrontMatter);

/// Finds the front matter at `start`: TOML between `+++` lines or YAML between `---`
/// lines. Returns its range, where the body starts, and the parsed keys.
fn parse_front_matter(
    path: &str,
    source: &str,
    start: usize,
) -> Result<FrontMatterAt, Vec<Problem>> {
    let rest = &source[start..];
    let fence = if rest.starts_with("+++") {
        "+++"
    } else if rest.starts_with("---") {
        "---"
    } else {
        return Ok((None, start, FrontMatter::default()));
    };
    let first_line_end = rest.find('\n').map(|i| i + 1).unwrap_or(rest.len());
    if rest[..first_line_end].trim_end() != fence {
        // "---" followed by text is a Markdown rule or a dash line, not front matter.
        return Ok((None, start, FrontMatter::default()));
    }
    let content_start = start + first_line_end;
    let mut at = content_start;
    for line in source[content_start..].split_inclusive('\n') {
        if line.trim_end() == fence {
            let content = &source[content_start..at];
            let end = at + line.len();
            let front = if fence == "+++" {
                front::toml(path, source, content_start, content)?
            } else {
                front::yaml(path, source, content_start, content)?
            };
            return Ok((Some(start..end), end, front));
        }
        at += line.len();
    }
    let kind = if fence == "+++" { "TOML" } else { "YAML" };
    Err(vec![
        Problem::at(
            path,
            source,
            start,
            format!("l'en-tête {kind} ouvert par « {fence} » n'est jamais fermé"),
        )
        .with_help(format!(
            "ajoutez une ligne « {fence} » après les métadonnées, avant le texte de la publication"
        )),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deeply_nested_yaml_is_refused_before_it_is_parsed() {
        let deep = format!(
            "---\nx: {}{}\n---\nBonjour",
            "[".repeat(100_000),
            "]".repeat(100_000)
        );
        let e = Draft::parse("t.md", deep, Format::Markdown).unwrap_err();
        assert!(format!("{e}").contains("t.md:2:36"), "{e}");
        let fine = format!(
            "---\nmedia: [{{path: \"a.jpg\", credit: \"{}\"}}] # {}\n---\nx",
            "[".repeat(40),
            "{".repeat(40)
        );
        assert!(Draft::parse("t.md", fine, Format::Markdown).is_ok());
    }

    #[test]
    fn front_matter_errors_do_not_repeat_the_value() {
        for text in [
            "+++\nauthor = \"Marie Tremblay 819-555-1234\"\n+++\nx",
            "---\naccount: Marie Tremblay 819-555-1234\n---\nx",
            "+++\npublish_at = \"819-555-1234\"\n+++\nx",
            "+++\naccount = 8195551234\n+++\nx",
        ] {
            let e = Draft::parse("t.md", text.to_string(), Format::Markdown).unwrap_err();
            let shown = format!("{e}");
            assert!(!shown.contains("555"), "{shown}");
            assert!(shown.contains("t.md:2:"), "{shown}");
        }
    }

    fn draft(s: &str) -> Draft {
        Draft::parse("t.md", s.to_string(), Format::Markdown).unwrap()
    }

    #[test]
    fn toml_front_matter_is_typed_and_not_prose() {
        let d = draft(
            "+++\naccount = \"personal\"\npublish_at = 2025-10-12\n[[media]]\npath = \"a.jpg\"\npeople = \"crowd\"\n+++\nBonjour tout le monde",
        );
        assert_eq!(d.front.account, Some(Account::Personal));
        assert_eq!(
            d.front.publish_at.as_ref().unwrap().parse().unwrap(),
            PublishAt::Date(jiff::civil::date(2025, 10, 12))
        );
        assert_eq!(d.front.media[0].people, Some(People::Crowd));
        assert_eq!(d.body_text(), "Bonjour tout le monde");
        assert!(!d.prose.contains("personal"));
    }

    #[test]
    fn a_date_time_keeps_its_time() {
        let d = draft("+++\npublish_at = 2025-11-02T19:59:00\n+++\nx");
        let at = d.front.publish_at.as_ref().unwrap().parse().unwrap();
        assert_eq!(
            at,
            PublishAt::DateTime(jiff::civil::date(2025, 11, 2).at(19, 59, 0, 0))
        );
        let d = draft("---\npublish_at: \"2025-11-02T20:01\"\n---\nx");
        let at = d.front.publish_at.as_ref().unwrap().parse().unwrap();
        assert_eq!(
            at,
            PublishAt::DateTime(jiff::civil::date(2025, 11, 2).at(20, 1, 0, 0))
        );
    }

    #[test]
    fn yaml_front_matter_and_crlf() {
        let d = draft("---\r\nplatform: x\r\nemergency: true\r\n---\r\nAvis\r\n");
        assert_eq!(d.front.platform, Some(Platform::X));
        assert_eq!(d.front.emergency, Some(true));
        assert_eq!(d.body_text(), "Avis\r\n");
    }

    #[test]
    fn unclosed_front_matter_names_line_one() {
        let e = Draft::parse(
            "t.md",
            "+++\naccount = \"official\"\nTexte".into(),
            Format::Markdown,
        )
        .unwrap_err();
        assert_eq!((e.line, e.column), (Some(1), Some(1)));
        assert!(e.message.contains("jamais fermé"));
    }

    #[test]
    fn unknown_key_is_located() {
        let e = Draft::parse(
            "t.md",
            "+++\naccount = \"official\"\nauthr = \"employee\"\n+++\nx".into(),
            Format::Markdown,
        )
        .unwrap_err();
        assert_eq!(e.line, Some(3));
        assert!(e.message.contains("authr"), "{}", e.message);
        assert_eq!(e.help.as_deref(), Some("vouliez-vous dire « author » ?"));
    }

    #[test]
    fn wrong_type_is_located() {
        let e = Draft::parse(
            "t.md",
            "---\nemergency: peut-être\n---\nx".into(),
            Format::Markdown,
        )
        .unwrap_err();
        assert_eq!(e.line, Some(2));
    }

    #[test]
    fn ignore_without_reason_is_refused() {
        let e = Draft::parse(
            "t.md",
            "+++\n[[ignore]]\nrule = \"shouting\"\nreason = \"\"\n+++\nx".into(),
            Format::Markdown,
        )
        .unwrap_err();
        assert!(e.message.contains("raison"));
    }

    #[test]
    fn bom_and_empty_body() {
        let d = draft("\u{feff}+++\n+++\n");
        assert_eq!(d.body_text(), "");
        assert!(d.paragraphs().is_empty());
    }

    #[test]
    fn paragraphs_split_at_blank_lines() {
        let d = draft("Un.\nDeux.\n\n  Trois.\n");
        let p: Vec<&str> = d.paragraphs().into_iter().map(|r| &d.source[r]).collect();
        assert_eq!(p, ["Un.\nDeux.", "Trois."]);
    }

    #[test]
    fn a_dash_rule_is_not_front_matter() {
        let d = draft("--- fin ---\nTexte");
        assert!(d.front_matter.is_none());
    }
}
