//! A draft: the text of a post as the author wrote it, its front matter, and what of it
//! is prose. Checks never re-parse the file: they read the prose mask, the links and the
//! images found here, and report byte ranges into the original text.

mod ignores;
mod meta;
mod prose;

use std::ops::Range;

pub use ignores::InlineIgnore;
pub use meta::{
    Account, Author, Consent, DateText, FrontMatter, Ignore, Media, Meta, People, Platform,
    PublishAt,
};
pub use prose::{Image, Link};

use crate::problem::{Problem, translate_serde_message};
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
    /// the line and column.
    pub fn parse(path: &str, source: String, format: Format) -> Result<Draft, Problem> {
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

/// Finds the front matter at `start`: TOML between `+++` lines or YAML between `---`
/// lines. Returns its range, where the body starts, and the parsed keys.
fn parse_front_matter(
    path: &str,
    source: &str,
    start: usize,
) -> Result<(Option<Range<usize>>, usize, FrontMatter), Problem> {
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
                parse_toml_front(path, source, content_start, content)?
            } else {
                parse_yaml_front(path, source, content_start, content)?
            };
            return Ok((Some(start..end), end, front));
        }
        at += line.len();
    }
    let kind = if fence == "+++" { "TOML" } else { "YAML" };
    Err(Problem::at(
        path,
        source,
        start,
        format!("l'en-tête {kind} ouvert par « {fence} » n'est jamais fermé"),
    )
    .with_help(format!(
        "ajoutez une ligne « {fence} » après les métadonnées, avant le texte de la publication"
    )))
}

fn parse_toml_front(
    path: &str,
    source: &str,
    offset: usize,
    content: &str,
) -> Result<FrontMatter, Problem> {
    let front: FrontMatter = toml::from_str(content).map_err(|e| {
        let at = offset + e.span().map(|s| s.start).unwrap_or(0);
        front_matter_problem(path, source, at, e.message())
    })?;
    check_front(path, source, offset, front)
}

/// How deep `[` and `{` may nest in a YAML front matter. The YAML reader's cost grows
/// with the square of the depth (200 KB of brackets took minutes); a post's metadata
/// never needs more than two or three levels.
const MAX_YAML_DEPTH: usize = 32;

/// Where the flow brackets of a YAML text first nest deeper than [`MAX_YAML_DEPTH`]
/// (quoted strings and comments skipped), if they do.
fn too_deep(yaml: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut quote: Option<u8> = None;
    let mut comment = false;
    for (i, b) in yaml.bytes().enumerate() {
        match (quote, b) {
            (_, b'\n') if comment => comment = false,
            _ if comment => {}
            (Some(q), _) if b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(b),
            (None, b'#') => comment = true,
            (None, b'[' | b'{') => {
                depth += 1;
                if depth > MAX_YAML_DEPTH {
                    return Some(i);
                }
            }
            (None, b']' | b'}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    None
}

fn parse_yaml_front(
    path: &str,
    source: &str,
    offset: usize,
    content: &str,
) -> Result<FrontMatter, Problem> {
    if content.trim().is_empty() {
        return Ok(FrontMatter::default());
    }
    if let Some(at) = too_deep(content) {
        return Err(Problem::at(
            path,
            source,
            offset + at,
            format!("en-tête : crochets ou accolades imbriqués sur plus de {MAX_YAML_DEPTH} niveaux"),
        )
        .with_help("un en-tête de publication n'a que des valeurs simples et des listes [[media]] ; corrigez les crochets"));
    }
    let front: FrontMatter = serde_yaml_ng::from_str(content).map_err(|e| {
        let at = offset + e.location().map(|l| l.index()).unwrap_or(0);
        let message = e.to_string();
        // serde_yaml appends " at line N column M": the position is given apart.
        let message = message
            .split(" at line ")
            .next()
            .unwrap_or(&message)
            .to_string();
        front_matter_problem(path, source, at, &message)
    })?;
    check_front(path, source, offset, front)
}

fn front_matter_problem(path: &str, source: &str, at: usize, message: &str) -> Problem {
    let (text, help) = translate_serde_message(message);
    let p = Problem::at(
        path,
        source,
        at,
        format!("en-tête : {}", without_value(&text)),
    );
    match help {
        Some(h) => p.with_help(h),
        None => p.with_help(
            "corrigez l'en-tête : les clés permises sont décrites dans le README (section « Le brouillon »)",
        ),
    }
}

/// A front-matter message without the value at fault: the position names it, and the
/// value may be personal data (`author = "Marie Tremblay 819-555-1234"`), which a CI log
/// must not keep. Keys and allowed values are kept.
fn without_value(message: &str) -> String {
    let mut out = message.to_string();
    for lead in ["valeur inconnue", "date invalide", "date hors limites"] {
        if let Some(i) = out.find(&format!("{lead} « "))
            && let Some(len) = out[i..].find(" »")
        {
            out.replace_range(i + lead.len()..i + len + " »".len(), "");
        }
    }
    if let Some(i) = out.find("trouvé la chaîne ") {
        out.replace_range(i.., "trouvé du texte");
    }
    out
}

/// What serde cannot say: dates that do not parse, reasons left empty.
fn check_front(
    path: &str,
    source: &str,
    offset: usize,
    front: FrontMatter,
) -> Result<FrontMatter, Problem> {
    let locate = |needle: &str| {
        source[offset..]
            .find(needle)
            .map(|i| offset + i)
            .unwrap_or(offset)
    };
    if let Some(date) = &front.publish_at
        && let Err(message) = date.parse()
    {
        return Err(Problem::at(
            path,
            source,
            locate("publish_at"),
            format!("en-tête : « publish_at » : {}", without_value(&message)),
        ));
    }
    for ignore in &front.ignore {
        if ignore.reason.trim().is_empty() {
            return Err(Problem::at(
                path,
                source,
                locate("reason"),
                format!(
                    "en-tête : l'exception à la règle « {} » n'a pas de raison",
                    ignore.rule
                ),
            )
            .with_help("écrivez pourquoi cette exception est justifiée dans « reason »"));
        }
        if let Some(until) = &ignore.until
            && let Err(message) = until.parse()
        {
            return Err(Problem::at(
                path,
                source,
                locate("until"),
                format!("en-tête : « until » : {}", without_value(&message)),
            ));
        }
    }
    Ok(front)
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
