//! Redaction: personal data masked in everything a report prints about a draft.
//!
//! What is personal is a property of the text, not of the rule that reports it: the
//! engine gives each draft the spans that the rules marked `personal_data` recognise
//! ([`crate::engine::Engine::personal_data`]). A [`Redactor`], made once per draft,
//! masks those spans in the source (snippets and excerpts of every finding, whichever
//! rule's) and every copy of their values in messages, help texts and ignore reasons.
//! It costs one pass over the source and one automaton over the values, whatever the
//! number of findings.

use std::borrow::Cow;
use std::ops::Range;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

/// Characters kept at the head of a masked value, enough to recognise it, not to use it.
const KEPT: usize = 3;

/// Masks a value: "819 555-1234" → "819 ***-****".
pub fn mask(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    mask_into(text, &mut out);
    out
}

/// Appends `text` masked to `out`: every alphanumeric character after the first
/// [`KEPT`] becomes as many `*` as it has bytes, so that byte offsets still hold.
fn mask_into(text: &str, out: &mut String) {
    let mut kept = 0;
    for c in text.chars() {
        if !c.is_alphanumeric() {
            out.push(c);
        } else if kept < KEPT {
            kept += 1;
            out.push(c);
        } else {
            out.extend(std::iter::repeat_n('*', c.len_utf8()));
        }
    }
}

/// How a report shows one draft: as it is, or with its personal data masked.
pub struct Redactor<'a> {
    source: Cow<'a, str>,
    /// The personal values as written, and their masked forms.
    values: Option<(AhoCorasick, Vec<String>)>,
}

impl<'a> Redactor<'a> {
    /// A redactor for `source` whose personal data lies in `spans` (any order, overlaps
    /// allowed); with `redact` false, or no span, it shows everything as it is.
    pub fn new(source: &'a str, spans: &[Range<usize>], redact: bool) -> Redactor<'a> {
        if !redact || spans.is_empty() {
            return Redactor {
                source: Cow::Borrowed(source),
                values: None,
            };
        }
        // The values as written; every other place the draft repeats one is personal too,
        // whether or not its context there let a rule recognise it.
        let mut values: Vec<&str> = merge(source, spans)
            .into_iter()
            .map(|s| &source[s])
            .filter(|v| v.chars().any(char::is_alphanumeric))
            .collect();
        values.sort_unstable();
        values.dedup();
        let automaton = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(&values)
            .ok();
        let mut all = spans.to_vec();
        if let Some(a) = &automaton {
            all.extend(a.find_iter(source).map(|m| m.range()));
        }
        let mut masked = String::with_capacity(source.len());
        let mut at = 0;
        for span in merge(source, &all) {
            masked.push_str(&source[at..span.start]);
            mask_into(&source[span.clone()], &mut masked);
            at = span.end;
        }
        masked.push_str(&source[at..]);
        Redactor {
            source: Cow::Owned(masked),
            values: automaton.map(|a| (a, values.iter().map(|v| mask(v)).collect())),
        }
    }

    /// The source as snippets may show it (same length, same character boundaries).
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The text under a span, masked where it is personal.
    pub fn excerpt(&self, span: Range<usize>) -> &str {
        &self.source[span]
    }

    /// Any text about the draft (message, help, reason) with every personal value the
    /// draft holds masked.
    pub fn text<'s>(&self, text: &'s str) -> Cow<'s, str> {
        match &self.values {
            Some((automaton, masked)) if automaton.is_match(text) => {
                Cow::Owned(automaton.replace_all(text, masked))
            }
            _ => Cow::Borrowed(text),
        }
    }
}

/// The spans sorted, overlapping ones merged, each on character boundaries.
fn merge(source: &str, spans: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut sorted: Vec<Range<usize>> = spans
        .iter()
        .filter(|s| s.start < s.end && s.end <= source.len())
        .filter(|s| source.is_char_boundary(s.start) && source.is_char_boundary(s.end))
        .cloned()
        .collect();
    sorted.sort_unstable_by_key(|s| s.start);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(sorted.len());
    for s in sorted {
        match out.last_mut() {
            Some(last) if s.start <= last.end => last.end = last.end.max(s.end),
            _ => out.push(s),
        }
    }
    out
}

#[cfg(test)]
#[allow(clippy::single_range_in_vec_init)]
mod tests {
    use super::*;

    #[test]
    fn masks_keep_the_head_and_the_separators() {
        assert_eq!(mask("046 454 286"), "046 *** ***");
        assert_eq!(mask("jean.roy@gmail.com"), "jea*.***@*****.***");
        assert_eq!(mask("819 555-1234"), "819 ***-****");
    }

    #[test]
    fn the_spans_are_masked_in_the_source_and_in_every_text() {
        let source = "APPELEZ MARIE AU 819 555-1234 CE SOIR";
        let start = source.find("819").unwrap();
        let r = Redactor::new(source, &[start..start + 12], true);
        assert_eq!(r.source(), "APPELEZ MARIE AU 819 ***-**** CE SOIR");
        assert_eq!(r.excerpt(0..source.len()), r.source());
        assert_eq!(
            r.text("Passage en majuscules « AU 819 555-1234 »"),
            "Passage en majuscules « AU 819 ***-**** »"
        );
        assert_eq!(r.text("rien"), "rien");
    }

    #[test]
    fn a_value_is_masked_wherever_the_draft_repeats_it() {
        let source = "Marie : 819 555-1234. RAPPELEZ AU 819 555-1234 !";
        let r = Redactor::new(source, &[8..20], true);
        assert_eq!(
            r.source(),
            "Marie : 819 ***-****. RAPPELEZ AU 819 ***-**** !"
        );
    }

    #[test]
    fn without_redaction_or_spans_nothing_changes() {
        let source = "819 555-1234";
        assert_eq!(Redactor::new(source, &[0..12], false).source(), source);
        assert_eq!(Redactor::new(source, &[], true).text(source), source);
    }

    #[test]
    fn overlapping_spans_and_multibyte_characters_keep_offsets() {
        let source = "né le 12 décembre 1987, à Amos";
        let r = Redactor::new(source, &[6..19, 3..10], true);
        assert_eq!(r.source().len(), source.len());
        assert!(
            source
                .char_indices()
                .all(|(i, _)| r.source().is_char_boundary(i))
        );
        assert_eq!(
            r.excerpt(0..source.len()),
            "né le 1* ********* 1987, à Amos"
        );
    }
}
