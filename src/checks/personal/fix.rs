//! The rewrite behind `vigie check --fix`: append the profile's disclaimer to a post.
//!
//! The disclaimer goes after the body's text, as its own paragraph, and before a
//! trailing block of hashtags (a last paragraph or lines made only of `#tags` and
//! `@mentions`), which stays last as on every social network. The file's line endings
//! (`\n` or `\r\n`) and its trailing line breaks are kept; the front matter is not
//! touched.

use std::ops::Range;

use super::common::Prose;
use super::opinion_disclaimer;
use crate::draft::{Draft, Format};
use crate::policy::Policy;

/// The draft's source with the profile's disclaimer appended, or `None` when the
/// profile has no disclaimer, the body is empty or already carries one.
pub fn append_disclaimer(draft: &Draft, policy: &Policy) -> Option<String> {
    let settings = policy
        .rule(opinion_disclaimer::RULE.id)
        .filter(|s| s.enabled)?;
    let params = opinion_disclaimer::parse(settings).ok()?;
    if !opinion_disclaimer::disclaimers(&params)
        .find(&Prose::new(draft))
        .is_empty()
    {
        return None;
    }
    // Never inside a comment or a code block left open at the end: before it.
    let body = match Format::for_path(&draft.path) {
        Format::Markdown => draft.body.start..open_block(&draft.source, draft.body.clone()),
        Format::Text => draft.body.clone(),
    };
    insert(&draft.source, body, params.disclaimer.trim())
}

/// Where an HTML comment block (a line starting with `<!--`) or a code fence
/// (```` ``` ````, `~~~`) that the body never closes begins, or the end of the body: what
/// follows is not published as text, so a disclaimer put there would be hidden, and
/// added again on every run. The blocks are CommonMark's, as the draft's reader sees them.
fn open_block(source: &str, body: Range<usize>) -> usize {
    enum Block {
        Fence(char, usize),
        Comment,
    }
    let mut open: Option<(Block, usize)> = None;
    let mut at = body.start;
    for line in source[body.clone()].split_inclusive('\n') {
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        let marker = trimmed.chars().next().filter(|c| *c == '`' || *c == '~');
        let run = marker.map_or(0, |m| trimmed.chars().take_while(|c| *c == m).count());
        match &open {
            Some((Block::Fence(m, n), _))
                if marker == Some(*m) && run >= *n && trimmed[run..].trim().is_empty() =>
            {
                open = None;
            }
            Some((Block::Comment, _)) if line.contains("-->") => open = None,
            None if indent < 4 => {
                if let Some(m) = marker.filter(|_| run >= 3) {
                    open = Some((Block::Fence(m, run), at));
                } else if let Some(rest) = trimmed.strip_prefix("<!--")
                    && !rest.contains("-->")
                {
                    open = Some((Block::Comment, at));
                }
            }
            _ => {}
        }
        at += line.len();
    }
    open.map_or(body.end, |(_, start)| start)
}

/// Inserts `paragraph` at the end of `source[body]`, before a trailing hashtag block.
fn insert(source: &str, body: Range<usize>, paragraph: &str) -> Option<String> {
    let text = &source[body.clone()];
    let content_end = body.start + text.trim_end().len();
    if content_end == body.start {
        return None;
    }
    let newline = if source.contains("\r\n") {
        "\r\n"
    } else {
        "\n"
    };
    let block = hashtag_block(source, body.start..content_end);
    let (main_end, rest) = match block {
        Some(start) => {
            let main_end = body.start + source[body.start..start].trim_end().len();
            (main_end, &source[main_end..])
        }
        None => (content_end, &source[content_end..]),
    };
    if main_end == body.start {
        return None;
    }
    let mut out = String::with_capacity(source.len() + paragraph.len() + 4);
    out.push_str(&source[..main_end]);
    out.push_str(newline);
    out.push_str(newline);
    out.push_str(paragraph);
    out.push_str(rest);
    Some(out)
}

/// The start of the trailing lines made only of hashtags and mentions, if any.
fn hashtag_block(source: &str, content: Range<usize>) -> Option<usize> {
    let text = &source[content.clone()];
    let mut start = None;
    let mut end = text.len();
    loop {
        let line_start = text[..end].rfind('\n').map(|i| i + 1).unwrap_or(0);
        let line = text[line_start..end].trim();
        // Hashtags and mentions, with emojis or punctuation between them.
        let only_tags = !line.is_empty()
            && line.split_whitespace().all(|w| {
                ((w.starts_with('#') || w.starts_with('@'))
                    && w.chars().skip(1).any(char::is_alphanumeric))
                    || !w.chars().any(char::is_alphanumeric)
            })
            && line.contains('#');
        if line.is_empty() && start.is_some() {
            // A blank line above the block: the block is complete.
        } else if only_tags {
            start = Some(line_start);
        } else {
            break;
        }
        if line_start == 0 {
            break;
        }
        end = line_start - 1;
    }
    start.map(|s| content.start + s)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixed(profile: &str, text: &str) -> Option<String> {
        let policy = crate::load_builtin_policy(profile).unwrap();
        let draft = Draft::parse("t.md", text.into(), Format::Markdown).unwrap();
        append_disclaimer(&draft, &policy)
    }

    const LA_SARRE: &str = "Les opinions que j'exprime ici n'engagent que ma personne et ne représentent pas l'opinion de la Ville.";

    #[test]
    fn the_disclaimer_goes_after_the_text_before_the_hashtags() {
        assert_eq!(
            fixed("la-sarre", "Bravo à la Ville!\n\n#LaSarre #fierté\n").unwrap(),
            format!("Bravo à la Ville!\n\n{LA_SARRE}\n\n#LaSarre #fierté\n")
        );
        assert_eq!(
            fixed("la-sarre", "Bravo à la Ville!").unwrap(),
            format!("Bravo à la Ville!\n\n{LA_SARRE}")
        );
    }

    #[test]
    fn line_endings_and_front_matter_are_kept() {
        assert_eq!(
            fixed(
                "la-sarre",
                "+++\r\naccount = \"personal\"\r\n+++\r\nBravo à la Ville!\r\n#LaSarre\r\n"
            )
            .unwrap(),
            format!(
                "+++\r\naccount = \"personal\"\r\n+++\r\nBravo à la Ville!\r\n\r\n{LA_SARRE}\r\n#LaSarre\r\n"
            )
        );
    }

    #[test]
    fn emojis_among_the_final_hashtags_keep_the_block() {
        assert_eq!(
            fixed("la-sarre", "Bravo à la Ville!\n#LaSarre 🎉 #fierté\n").unwrap(),
            format!("Bravo à la Ville!\n\n{LA_SARRE}\n#LaSarre 🎉 #fierté\n")
        );
    }

    #[test]
    fn hashtags_inside_the_text_stay_in_place() {
        assert_eq!(
            fixed("la-sarre", "Bravo à la Ville #LaSarre\n").unwrap(),
            format!("Bravo à la Ville #LaSarre\n\n{LA_SARRE}\n")
        );
    }

    #[test]
    fn nothing_to_do_when_the_disclaimer_is_there_or_the_profile_has_none() {
        assert!(fixed("la-sarre", &format!("Bravo à la Ville!\n\n{LA_SARRE}\n")).is_none());
        assert!(fixed("vallee-des-rivieres", "Bravo à la Ville!").is_none());
        assert!(fixed("la-sarre", "+++\n+++\n").is_none());
    }

    #[test]
    fn the_disclaimer_goes_before_a_comment_or_a_code_block_left_open() {
        assert_eq!(
            fixed("la-sarre", "Bravo à la Ville!\n\n<!-- note pour moi\n").unwrap(),
            format!("Bravo à la Ville!\n\n{LA_SARRE}\n\n<!-- note pour moi\n")
        );
        assert_eq!(
            fixed("la-sarre", "Bravo à la Ville!\n```\ncode\n").unwrap(),
            format!("Bravo à la Ville!\n\n{LA_SARRE}\n```\ncode\n")
        );
        // Closed blocks are not in the way.
        assert_eq!(
            fixed("la-sarre", "Bravo à la Ville!\n<!-- a -->\n").unwrap(),
            format!("Bravo à la Ville!\n<!-- a -->\n\n{LA_SARRE}\n")
        );
        assert!(fixed("la-sarre", "<!-- Bravo à la Ville!\n").is_none());
    }

    proptest::proptest! {
        /// A second fix changes nothing, whatever blocks the draft leaves open.
        #[test]
        fn fixing_twice_changes_nothing(
            lines in proptest::collection::vec(
                proptest::sample::select(vec![
                    "Je trouve que la Ville a raison pour la piscine.",
                    "Bravo au conseil municipal, bonne décision !",
                    "",
                    "<!-- note",
                    "-->",
                    "```",
                    "~~~",
                    "    code",
                    "#LaSarre #fierté",
                    "> citation",
                    "- point",
                ]),
                1..12,
            ),
            crlf in proptest::bool::ANY,
        ) {
            let text = lines.join(if crlf { "\r\n" } else { "\n" });
            let policy = crate::load_builtin_policy("la-sarre").unwrap();
            if let Some(once) = fixed("la-sarre", &text) {
                let draft = Draft::parse("t.md", once.clone(), Format::Markdown).unwrap();
                proptest::prop_assert_eq!(append_disclaimer(&draft, &policy), None, "{:?}", once);
            }
        }
    }
}
