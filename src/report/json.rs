//! The JSON output: one object, version 1 (a contract: fields are only ever added).

use std::borrow::Cow;

use rayon::prelude::*;
use serde::Serialize;

use super::{FileReport, Report};
use crate::engine::Summary;
use crate::finding::{Article, Severity};
use crate::problem::Problem;

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    /// The version of vigie that made the report.
    vigie_version: &'static str,
    profile: Option<Profile<'a>>,
    /// Every draft checked, with the SHA-256 of its bytes: what an approver signed off.
    files: Vec<File<'a>>,
    findings: Vec<Finding<'a>>,
    summary: Summary,
    /// Files or settings that could not be read (exit status 2).
    input_errors: &'a [Problem],
}

#[derive(Serialize)]
struct File<'a> {
    path: &'a str,
    sha256: String,
}

#[derive(Serialize)]
struct Profile<'a> {
    id: &'a str,
    name: &'a str,
    policy: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    adopted: Option<&'a str>,
}

#[derive(Serialize)]
struct Finding<'a> {
    path: &'a str,
    rule: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'a str>,
    severity: Severity,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    byte_start: usize,
    byte_end: usize,
    excerpt: Cow<'a, str>,
    message: Cow<'a, str>,
    articles: Vec<&'a Article>,
    help: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    suppressed: Option<Suppressed<'a>>,
}

#[derive(Serialize)]
struct Suppressed<'a> {
    reason: Cow<'a, str>,
}

/// From this many files, positions and digests are computed on all cores; below, on
/// the calling thread: a single post does not start a thread pool.
const PARALLEL_MIN_FILES: usize = 32;

pub fn render(report: &Report<'_>) -> String {
    let (findings, files) = if report.files.len() >= PARALLEL_MIN_FILES {
        (
            report
                .files
                .par_iter()
                .flat_map_iter(|f| findings_of(report, f))
                .collect(),
            report.files.par_iter().map(file_of).collect(),
        )
    } else {
        (
            report
                .files
                .iter()
                .flat_map(|f| findings_of(report, f))
                .collect(),
            report.files.iter().map(file_of).collect(),
        )
    };
    let output = Output {
        version: 1,
        vigie_version: env!("CARGO_PKG_VERSION"),
        files,
        profile: report.policy.map(|p| Profile {
            id: &p.id,
            name: &p.name,
            policy: &p.title,
            adopted: p.adopted.as_deref(),
        }),
        findings,
        summary: report.summary,
        input_errors: report.problems,
    };
    let mut text = serde_json::to_string_pretty(&output).expect("the report serializes");
    text.push('\n');
    text
}

/// The findings of one file as the JSON shows them.
fn findings_of<'a>(
    report: &'a Report<'_>,
    file: &'a FileReport,
) -> impl Iterator<Item = Finding<'a>> + 'a {
    let d = &file.draft;
    let redactor = report.redactor(file);
    file.findings.iter().map(move |f| {
        let (line, column) = d.position(f.span.start);
        let (end_line, end_column) = d.position(f.span.end);
        Finding {
            path: &d.path,
            rule: f.rule,
            kind: f.kind,
            severity: f.severity,
            line,
            column,
            end_line,
            end_column,
            byte_start: f.span.start,
            byte_end: f.span.end,
            // The redactor lives only as long as this file's iterator: the excerpt is copied.
            excerpt: Cow::Owned(redactor.excerpt(f.span.clone()).to_owned()),
            message: redactor.text(&f.message),
            articles: f.articles.iter().map(|a| a.as_ref()).collect(),
            help: redactor.text(&f.help),
            suppressed: f.suppressed.as_deref().map(|reason| Suppressed {
                reason: redactor.text(reason),
            }),
        }
    })
}

fn file_of(f: &FileReport) -> File<'_> {
    File {
        path: &f.draft.path,
        sha256: sha256(f.draft.source.as_bytes()),
    }
}

/// The SHA-256 of some bytes, in lowercase hexadecimal.
pub(super) fn sha256(bytes: &[u8]) -> String {
    use sha2::Digest;
    use std::fmt::Write;
    let mut hex = String::with_capacity(64);
    for b in sha2::Sha256::digest(bytes) {
        let _ = write!(hex, "{b:02x}");
    }
    hex
}
