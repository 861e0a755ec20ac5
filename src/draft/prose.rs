//! What of a body is prose. Code, HTML, URLs, @mentions, #hashtags and images are not
//! read as sentences: a URL is not shouting, a hashtag is not English. The result is a
//! mask the size of the file, so that a check's regex offsets are file offsets.

use std::ops::Range;
use std::sync::LazyLock;

use linkify::{LinkFinder, LinkKind};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::Format;

/// A link in the post: a Markdown link, an autolink, or a bare address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub span: Range<usize>,
    pub url: String,
}

/// A Markdown image `![alt](path)`: attached media.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    pub span: Range<usize>,
    pub path: String,
    pub alt: String,
}

pub struct Scan {
    pub prose: String,
    pub links: Vec<Link>,
    pub images: Vec<Image>,
    /// HTML comments of Markdown drafts (where `vigie-ignore` exceptions live).
    pub comments: Vec<std::ops::Range<usize>>,
}

/// Finds the links of a text (linkify: where a link ends, trailing punctuation,
/// parentheses, Unicode domains), addresses without a scheme included.
static LINKS: LazyLock<LinkFinder> = LazyLock::new(|| {
    let mut finder = LinkFinder::new();
    finder.url_must_have_scheme(false);
    finder
});

/// True for a link the post means: an address with a scheme (`https://…`), one that
/// starts with `www.`, or a bare domain whose suffix is a real one in the Public Suffix
/// List (`exemple.ca/page`, `ville.quebec`), so that two words joined by a dot
/// (« 19 h.Merci », « M.Tremblay », « rapport.docx ») are not taken for links.
fn is_meant(url: &str) -> bool {
    if url.contains("://") || url.get(..4).is_some_and(|w| w.eq_ignore_ascii_case("www.")) {
        return true;
    }
    let host = url
        .split(['/', '?', '#', ':'])
        .next()
        .unwrap_or(url)
        .to_lowercase();
    psl::suffix(host.as_bytes()).is_some_and(|s| s.is_known())
}

pub fn scan(source: &str, body: Range<usize>, format: Format) -> Scan {
    let mut mask = vec![false; source.len()];
    let mut links = Vec::new();
    let mut images = Vec::new();
    let mut comments = Vec::new();
    match format {
        Format::Text => mask[body.clone()].fill(true),
        Format::Markdown => markdown(
            source,
            body.clone(),
            &mut mask,
            &mut links,
            &mut images,
            &mut comments,
        ),
    }
    bare_urls(source, body.clone(), &mut mask, &mut links);
    mask_mentions_and_tags(source, body, &mut mask);
    links.sort_by_key(|l| l.span.start);
    Scan {
        prose: apply_mask(source, &mask),
        links,
        images,
        comments,
    }
}

fn markdown(
    source: &str,
    body: Range<usize>,
    mask: &mut [bool],
    links: &mut Vec<Link>,
    images: &mut Vec<Image>,
    comments: &mut Vec<Range<usize>>,
) {
    let text = &source[body.clone()];
    let options = Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TABLES;
    let mut in_code = 0usize;
    let mut image: Option<Image> = None;
    for (event, range) in Parser::new_ext(text, options).into_offset_iter() {
        let range = body.start + range.start..body.start + range.end;
        match event {
            Event::Start(Tag::CodeBlock(_)) => in_code += 1,
            Event::End(TagEnd::CodeBlock) => in_code = in_code.saturating_sub(1),
            Event::Start(Tag::Image { dest_url, .. }) => {
                image = Some(Image {
                    span: range,
                    path: dest_url.to_string(),
                    alt: String::new(),
                });
            }
            Event::End(TagEnd::Image) => images.extend(image.take()),
            Event::Start(Tag::Link { dest_url, .. }) => links.push(Link {
                span: range,
                url: dest_url.to_string(),
            }),
            Event::Html(h) | Event::InlineHtml(h) if h.trim_start().starts_with("<!--") => {
                // A block of HTML may hold several comments: keep each one's own range.
                let html = &source[range.clone()];
                let mut at = 0;
                while let Some(start) = html[at..].find("<!--") {
                    let start = at + start;
                    let end = html[start..]
                        .find("-->")
                        .map(|e| start + e + 3)
                        .unwrap_or(html.len());
                    comments.push(range.start + start..range.start + end);
                    at = end;
                }
            }
            Event::Text(t) => {
                if let Some(img) = image.as_mut() {
                    img.alt.push_str(&t);
                } else if in_code == 0 {
                    mask[range].fill(true);
                }
            }
            _ => {}
        }
    }
}

fn bare_urls(source: &str, body: Range<usize>, mask: &mut [bool], links: &mut Vec<Link>) {
    let text = &source[body.clone()];
    // The Markdown links, in the order of the text and never nested: the one that can
    // hold a bare URL is the last that starts before it, found by walking forward as
    // the URLs come in order (a scan of all of them per URL was quadratic).
    let markdown = links.len();
    let mut last = None;
    for (at, link) in url_spans(text) {
        let span = body.start + at + link.start..body.start + at + link.end;
        mask[span.clone()].fill(false);
        let mut next = last.map_or(0, |i| i + 1);
        while next < markdown && links[next].span.start <= span.start {
            last = Some(next);
            next += 1;
        }
        let inside_link = last.is_some_and(|i| span.end <= links[i].span.end);
        if !inside_link {
            links.push(Link {
                url: source[span.clone()].to_string(),
                span,
            });
        }
    }
}

/// The links of `text` ([`is_meant`]), each as the offset of its word and its span in
/// that word. No address spans a blank: linkify reads word by word, so that a
/// non-breaking space (« https://exemple.ca\u{a0}: ») ends a link as a space does. An
/// e-mail address is not a link: it stays prose (confidential-data reads it).
fn url_spans(text: &str) -> impl Iterator<Item = (usize, Range<usize>)> + '_ {
    words(text)
        .filter(|(_, word)| word.contains(['.', ':']))
        .flat_map(|(at, word)| {
            LINKS
                .links(word)
                .filter(|l| *l.kind() == LinkKind::Url && is_meant(l.as_str()))
                .map(move |l| {
                    // Closing quotes and sentence punctuation end the sentence, not the URL.
                    let trimmed = l
                        .as_str()
                        .trim_end_matches(['.', ',', ';', ':', '!', '?', '\'', '"', '’', '»', '”']);
                    (at, l.start()..l.start() + trimmed.len())
                })
        })
}

/// The words of `text` between blanks (Unicode white space), with their offsets.
fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at + text[at..].find(|c: char| !c.is_whitespace())?;
        let end = text[start..]
            .find(char::is_whitespace)
            .map_or(text.len(), |i| start + i);
        at = end;
        Some((start, &text[start..end]))
    })
}

/// The @mentions and #hashtags of `text`: "@" or "#", then a letter, a digit or "_",
/// then any of those or dots (a mention such as "@ville.lasarre").
fn mentions(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let word = |c: char| c.is_alphabetic() || c.is_numeric() || c == '_';
    let mut at = 0;
    std::iter::from_fn(move || {
        while let Some(i) = text[at..].find(['@', '#']).map(|i| at + i) {
            let rest = &text[i + 1..];
            if !rest.chars().next().is_some_and(word) {
                at = i + 1;
                continue;
            }
            let len = rest
                .find(|c: char| !(word(c) || c == '.'))
                .unwrap_or(rest.len());
            at = i + 1 + len;
            return Some(i..at);
        }
        None
    })
}

/// The @mentions and #hashtags of the body, as spans of the source, without a final dot;
/// not the "@" of an e-mail address nor the "#" of an HTML entity.
pub fn mentions_and_tags(
    source: &str,
    body: Range<usize>,
) -> impl Iterator<Item = Range<usize>> + '_ {
    mentions(&source[body.clone()]).filter_map(move |m| {
        let span = body.start + m.start..body.start + m.end;
        let before = source[..span.start].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '.' || c == '&') {
            return None;
        }
        let trimmed = source[span.clone()].trim_end_matches('.');
        Some(span.start..span.start + trimmed.len())
    })
}

fn mask_mentions_and_tags(source: &str, body: Range<usize>, mask: &mut [bool]) {
    for span in mentions_and_tags(source, body) {
        mask[span].fill(false);
    }
}

/// Replaces every masked-out byte by a space, keeping line breaks and character
/// boundaries (a multi-byte character becomes as many spaces as it has bytes).
fn apply_mask(source: &str, mask: &[bool]) -> String {
    let mut out = source.as_bytes().to_vec();
    for (i, c) in source.char_indices() {
        if !(mask[i] || c == '\n' || c == '\r') {
            out[i..i + c.len_utf8()].fill(b' ');
        }
    }
    String::from_utf8(out).expect("whole characters replaced by spaces")
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex::Regex;

    fn prose(s: &str, format: Format) -> Scan {
        scan(s, 0..s.len(), format)
    }

    #[test]
    fn code_urls_mentions_and_hashtags_are_not_prose() {
        let s = "Voir `code` et https://exemple.ca/a, @Ville #LaSarre fin.\n\n```\nSELECT *\n```\n";
        let p = prose(s, Format::Markdown);
        assert_eq!(p.prose.len(), s.len());
        assert!(p.prose.starts_with("Voir "));
        assert!(!p.prose.contains("code"));
        assert!(!p.prose.contains("https"));
        assert!(!p.prose.contains("@Ville"));
        assert!(!p.prose.contains("#LaSarre"));
        assert!(!p.prose.contains("SELECT"));
        assert!(p.prose.contains(" fin."));
        assert_eq!(p.links.len(), 1);
        assert_eq!(p.links[0].url, "https://exemple.ca/a");
    }

    #[test]
    fn mentions_are_the_words_of_the_regex() {
        let re = Regex::new(r"[@#][\p{L}\p{N}_][\p{L}\p{N}_.]*").unwrap();
        for s in [
            "@Ville #LaSarre @@a #é_1.2. # @ a@b.ca #a#b @ville.lasarre, fin",
            "",
            "@",
            "#Été2025!",
        ] {
            let ours: Vec<_> = mentions(s).collect();
            let theirs: Vec<_> = re.find_iter(s).map(|m| m.range()).collect();
            assert_eq!(ours, theirs, "{s}");
        }
    }

    fn urls(s: &str) -> Vec<String> {
        prose(s, Format::Text)
            .links
            .into_iter()
            .map(|l| l.url)
            .collect()
    }

    #[test]
    fn addresses_with_or_without_a_scheme_are_links() {
        assert_eq!(
            urls("Voir https://ville.ca/activités\u{a0}et www.b.com, a.ca,b.org fin."),
            ["https://ville.ca/activités", "www.b.com", "a.ca", "b.org"]
        );
        assert_eq!(
            urls("  https://a.ca/x?y=1\tHTTP://B.CA "),
            ["https://a.ca/x?y=1", "HTTP://B.CA"]
        );
        assert_eq!(urls("Fin. Voir ville.ca. Bye."), ["ville.ca"]);
        // A non-breaking space ends a link as a space does.
        assert_eq!(
            urls("https://a.ca\u{a0}: b.ca\u{202f}www.c.com"),
            ["https://a.ca", "b.ca", "www.c.com"]
        );
    }

    #[test]
    fn links_the_old_patterns_missed() {
        // A domain outside the old list of six, without a scheme.
        assert_eq!(
            urls("Détails : www.exemple.ca/page et cdc.gov/grippe."),
            ["www.exemple.ca/page", "cdc.gov/grippe"]
        );
        // Parentheses: those of the address are kept, those around it are not.
        assert_eq!(
            urls("(voir https://fr.wikipedia.org/wiki/La_Sarre_(Québec)) et (www.x.com)."),
            [
                "https://fr.wikipedia.org/wiki/La_Sarre_(Québec)",
                "www.x.com"
            ]
        );
        // Trailing punctuation and French quotes end the sentence.
        assert_eq!(
            urls("«https://exemple.ca» et https://b.ca/?x=1!"),
            ["https://exemple.ca", "https://b.ca/?x=1"]
        );
        // Unicode domains and paths (IDN).
        assert_eq!(
            urls("Voir http://münchen.de/straße et café.ca/été."),
            ["http://münchen.de/straße", "café.ca/été"]
        );
    }

    #[test]
    fn words_joined_by_a_dot_are_not_links() {
        assert!(
            urls("Il est 19 h.Merci. M.Tremblay, fin.merci, rapport.docx, photo.jpg").is_empty()
        );
        assert!(urls("Le 1.5 km, la version 1.2.3, 12.5 %.").is_empty());
        assert!(urls("Écrivez à jean.roy@gmail.com.").is_empty());
    }

    #[test]
    fn images_are_media_not_prose() {
        let s = "Voici ![Des enfants au parc](photos/parc.jpg) hier.";
        let p = prose(s, Format::Markdown);
        assert_eq!(p.images.len(), 1);
        assert_eq!(p.images[0].path, "photos/parc.jpg");
        assert_eq!(p.images[0].alt, "Des enfants au parc");
        assert!(!p.prose.contains("enfants"));
        assert!(p.prose.contains("hier."));
    }

    #[test]
    fn markdown_links_count_once() {
        let s = "[le site](https://ville.ca) et <https://a.ca> et www.b.com.";
        let p = prose(s, Format::Markdown);
        let urls: Vec<&str> = p.links.iter().map(|l| l.url.as_str()).collect();
        assert_eq!(urls, ["https://ville.ca", "https://a.ca", "www.b.com"]);
        assert!(p.prose.contains("le site"));
    }

    #[test]
    fn email_domains_are_not_links() {
        let p = prose("Écrivez à info@ville.lasarre.qc.ca.", Format::Text);
        assert!(p.links.is_empty());
    }

    #[test]
    fn plain_text_keeps_stars_and_indentation() {
        let p = prose("    Texte indenté *important*", Format::Text);
        assert!(p.prose.contains("Texte indenté *important*"));
    }

    #[test]
    fn multibyte_characters_keep_offsets() {
        let s = "Été `café` fin";
        let p = prose(s, Format::Markdown);
        assert_eq!(p.prose.len(), s.len());
        assert!(p.prose.is_char_boundary(s.find("fin").unwrap()));
    }
}
