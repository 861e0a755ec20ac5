//! Reporters: one file per output format. They print findings; they never judge a draft.

pub mod github;
pub mod human;
pub mod json;
pub mod redact;
pub mod sarif;

use std::ops::Range;

use crate::draft::Draft;
use crate::engine::Summary;
use crate::finding::{Article, Finding};
use crate::policy::Policy;
use crate::problem::Problem;
pub use redact::{Redactor, mask};

/// One checked draft and its findings.
pub struct FileReport {
    pub draft: Draft,
    pub findings: Vec<Finding>,
    /// Where the draft holds personal data ([`crate::engine::Engine::personal_data`]):
    /// masked in every report when redacting; empty when the run does not redact.
    pub personal: Vec<Range<usize>>,
}

/// Everything a run has to say.
pub struct Report<'a> {
    pub policy: Option<&'a Policy>,
    pub files: &'a [FileReport],
    pub problems: &'a [Problem],
    pub summary: Summary,
    /// Mask personal data in everything shown of a draft (CI logs must not keep it).
    pub redact: bool,
}

impl Report<'_> {
    /// How this report shows a file: masked where the draft holds personal data, when
    /// the report is redacted. Make it once per file.
    pub fn redactor<'s>(&self, file: &'s FileReport) -> Redactor<'s> {
        Redactor::new(&file.draft.source, &file.personal, self.redact)
    }
}

/// "art. 5.5" for numbered articles, the section's name otherwise ("Annexe 1").
pub fn article_label(a: &Article) -> String {
    if a.reference.starts_with(|c: char| c.is_ascii_digit()) {
        format!("art. {}", a.reference)
    } else {
        a.reference.clone()
    }
}
