//! Reporters: one file per output format. They print findings; they never judge a draft.

pub mod github;
pub mod human;
pub mod json;
pub mod sarif;

use std::borrow::Cow;

use crate::draft::Draft;
use crate::engine::Summary;
use crate::finding::{Article, Finding};
use crate::policy::Policy;
use crate::problem::Problem;

/// One checked draft and its findings.
pub struct FileReport {
    pub draft: Draft,
    pub findings: Vec<Finding>,
}

/// Everything a run has to say.
pub struct Report<'a> {
    pub policy: Option<&'a Policy>,
    pub files: &'a [FileReport],
    pub problems: &'a [Problem],
    pub summary: Summary,
    /// Mask personal data in excerpts (CI logs must not keep it).
    pub redact: bool,
}

/// Rules whose excerpts are personal data.
const SENSITIVE_RULES: &[&str] = &["confidential-data", "professional-email"];

impl Report<'_> {
    /// The excerpt of a finding, masked when the report is redacted and the rule's
    /// excerpts are personal data.
    pub fn excerpt<'s>(&self, file: &'s FileReport, f: &Finding) -> Cow<'s, str> {
        let text = &file.draft.source[f.span.clone()];
        if self.redact && SENSITIVE_RULES.contains(&f.rule) {
            Cow::Owned(mask(text))
        } else {
            Cow::Borrowed(text)
        }
    }

    /// The source of a file as a snippet may show it: sensitive spans masked, every
    /// masked character replaced by as many `*` as it has bytes, so spans still fit.
    pub fn source<'s>(&self, file: &'s FileReport) -> Cow<'s, str> {
        let sensitive: Vec<_> = file
            .findings
            .iter()
            .filter(|f| self.redact && SENSITIVE_RULES.contains(&f.rule))
            .collect();
        if sensitive.is_empty() {
            return Cow::Borrowed(&file.draft.source);
        }
        let mut out = String::with_capacity(file.draft.source.len());
        for (i, c) in file.draft.source.char_indices() {
            let hidden = c.is_alphanumeric()
                && sensitive.iter().any(|f| {
                    f.span.start <= i
                        && i < f.span.end
                        && mask_keeps(&file.draft.source[f.span.start..i])
                });
            if hidden {
                out.extend(std::iter::repeat_n('*', c.len_utf8()));
            } else {
                out.push(c);
            }
        }
        Cow::Owned(out)
    }
}

/// Characters kept at the head of a masked value, enough to recognise it, not to use it.
const KEPT: usize = 3;

/// True when the character after `before` (the part of the span before it) is masked.
fn mask_keeps(before: &str) -> bool {
    before.chars().filter(|c| c.is_alphanumeric()).count() >= KEPT
}

/// Masks a value: "819 555-1234" → "819 ***-****".
pub fn mask(text: &str) -> String {
    let mut kept = 0;
    text.chars()
        .map(|c| {
            if !c.is_alphanumeric() {
                c
            } else if kept < KEPT {
                kept += 1;
                c
            } else {
                '*'
            }
        })
        .collect()
}

/// "art. 5.5" for numbered articles, the section's name otherwise ("Annexe 1").
pub fn article_label(a: &Article) -> String {
    if a.reference.starts_with(|c: char| c.is_ascii_digit()) {
        format!("art. {}", a.reference)
    } else {
        a.reference.clone()
    }
}

#[cfg(test)]
mod tests {
    use super::mask;

    #[test]
    fn masks_keep_the_head_and_the_separators() {
        assert_eq!(mask("046 454 286"), "046 *** ***");
        assert_eq!(mask("jean.roy@gmail.com"), "jea*.***@*****.***");
        assert_eq!(mask("819 555-1234"), "819 ***-****");
    }
}
