//! Reporters: one file per output format. They print findings; they never judge a draft.

pub mod human;
pub mod json;

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
}

/// "art. 5.5" for numbered articles, the section's name otherwise ("Annexe 1").
pub fn article_label(a: &Article) -> String {
    if a.reference.starts_with(|c: char| c.is_ascii_digit()) {
        format!("art. {}", a.reference)
    } else {
        a.reference.clone()
    }
}
