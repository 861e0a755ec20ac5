//! The JSON output: one object, version 1 (a contract: fields are only ever added).

use std::borrow::Cow;
use std::io::{self, Write};

use serde::Serialize;

use super::stream::{Array, Skeleton, Spill, pretty};
use super::{End, FileReport};
use crate::engine::Summary;
use crate::finding::{Article, Severity};
use crate::policy::Policy;
use crate::problem::Problem;

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    /// The version of vigie that made the report.
    vigie_version: &'static str,
    profile: Option<Profile<'a>>,
    /// Every draft checked, with the SHA-256 of its bytes: what an approver signed off.
    files: &'static str,
    findings: &'static str,
    summary: Summary,
    /// Files or settings that could not be read (exit status 2).
    input_errors: &'a [Problem],
}

/// Where the streamed arrays go in the skeleton of [`Output`].
const FILES: &str = "\u{1}files";
const FINDINGS: &str = "\u{1}findings";

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

/// One checked file as the JSON shows it: its entry in `files` and its findings, each
/// pretty-printed on its own (made on the thread that checked the file).
pub struct Part {
    file: String,
    findings: Vec<String>,
}

pub fn part(file: &FileReport, redact: bool) -> Part {
    Part {
        file: pretty(&file_of(file)),
        findings: findings_of(file, redact).map(|f| pretty(&f)).collect(),
    }
}

/// The JSON report written as the run goes: the head once the profile is known (before
/// the first file), each file's entry at once, its findings into a [`Spill`] until the
/// list of files is closed.
pub struct Printer {
    head: Option<Skeleton>,
    files: Array,
    findings: Array,
    spill: Spill,
}

impl Default for Printer {
    fn default() -> Self {
        Printer {
            head: None,
            files: Array::new(2),
            findings: Array::new(2),
            spill: Spill::default(),
        }
    }
}

impl Printer {
    pub fn file(
        &mut self,
        out: &mut dyn Write,
        part: Part,
        policy: Option<&Policy>,
    ) -> io::Result<()> {
        self.begin(out, policy)?;
        self.files.push(out, &part.file)?;
        for f in &part.findings {
            self.findings.push(&mut self.spill, f)?;
        }
        Ok(())
    }

    /// Writes the head of the report, up to the list of files, once.
    fn begin(&mut self, out: &mut dyn Write, policy: Option<&Policy>) -> io::Result<()> {
        if self.head.is_none() {
            let head = skeleton(policy, Summary::default(), &[]);
            out.write_all(head.between(None, FILES).as_bytes())?;
            self.head = Some(head);
        }
        Ok(())
    }

    pub fn finish(mut self, out: &mut dyn Write, end: &End<'_>) -> io::Result<()> {
        self.begin(out, end.policy)?;
        let whole = skeleton(end.policy, end.summary, end.problems);
        self.files.close(out)?;
        out.write_all(whole.between(Some(FILES), FINDINGS).as_bytes())?;
        self.spill.copy_to(out)?;
        self.findings.close(out)?;
        out.write_all(whole.after(FINDINGS).as_bytes())?;
        out.write_all(b"\n")
    }
}

fn skeleton(policy: Option<&Policy>, summary: Summary, problems: &[Problem]) -> Skeleton {
    Skeleton::new(&Output {
        version: 1,
        vigie_version: env!("CARGO_PKG_VERSION"),
        profile: policy.map(|p| Profile {
            id: &p.id,
            name: &p.name,
            policy: &p.title,
            adopted: p.adopted.as_deref(),
        }),
        files: FILES,
        findings: FINDINGS,
        summary,
        input_errors: problems,
    })
}

/// The findings of one file as the JSON shows them.
fn findings_of(file: &FileReport, redact: bool) -> impl Iterator<Item = Finding<'_>> + '_ {
    let d = &file.draft;
    let redactor = file.redactor(redact);
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
