//! Reporters: one file per output format. They print findings; they never judge a draft.
//!
//! A report is written as the run goes, so that memory stays flat however many drafts
//! an archive holds: each checked file is rendered on the thread that checked it (a
//! [`Part`]), the parts are written in the order of the inputs by a [`Printer`], and
//! what only the end of the run knows (the counts, the problems) closes the report.

pub mod github;
pub mod human;
pub mod json;
pub mod redact;
pub mod sarif;
mod stream;

use std::io::{self, Write};
use std::ops::Range;

use crate::cli::OutputFormat;
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

impl FileReport {
    /// How reports show this file: masked where the draft holds personal data, when
    /// `redact`. Make it once per file.
    pub fn redactor(&self, redact: bool) -> Redactor<'_> {
        Redactor::new(&self.draft.source, &self.personal, redact)
    }
}

/// Everything a run has to say, for a report made at once ([`render`]).
pub struct Report<'a> {
    pub policy: Option<&'a Policy>,
    pub files: &'a [FileReport],
    pub problems: &'a [Problem],
    pub summary: Summary,
    /// Mask personal data in everything shown of a draft (CI logs must not keep it).
    pub redact: bool,
}

/// What only the end of a run knows.
pub struct End<'a> {
    /// The profile the report names (the first one a draft was checked with).
    pub policy: Option<&'a Policy>,
    pub problems: &'a [Problem],
    pub summary: Summary,
}

/// How a report looks: its format, and colours for the human one.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub format: OutputFormat,
    pub color: bool,
    /// Mask personal data in everything shown of a draft (CI logs must not keep it).
    pub redact: bool,
}

/// One checked file, rendered for one format.
pub enum Part {
    Human(human::Part),
    Json(json::Part),
    Sarif(sarif::Part),
    Github(github::Part),
}

impl Part {
    pub fn new(style: Style, file: &FileReport) -> Part {
        match style.format {
            OutputFormat::Human => Part::Human(human::part(file, style.redact, style.color)),
            OutputFormat::Json => Part::Json(json::part(file, style.redact)),
            OutputFormat::Sarif => Part::Sarif(sarif::part(file, style.redact)),
            OutputFormat::Github => Part::Github(github::part(file, style.redact)),
        }
    }
}

/// A report being written: the parts in order, then the end.
pub enum Printer {
    Human(human::Printer),
    Json(json::Printer),
    Sarif(sarif::Printer),
    Github(github::Printer),
}

impl Printer {
    pub fn new(style: Style) -> Printer {
        match style.format {
            OutputFormat::Human => Printer::Human(human::Printer::new(style.color)),
            OutputFormat::Json => Printer::Json(json::Printer::default()),
            OutputFormat::Sarif => Printer::Sarif(sarif::Printer::default()),
            OutputFormat::Github => Printer::Github(github::Printer::default()),
        }
    }

    /// Writes one file's part; `policy` is the profile the report names (known before
    /// the first file: it is the profile of the first draft).
    pub fn file(
        &mut self,
        out: &mut dyn Write,
        part: Part,
        policy: Option<&Policy>,
    ) -> io::Result<()> {
        match (self, part) {
            (Printer::Human(p), Part::Human(part)) => p.file(out, part),
            (Printer::Json(p), Part::Json(part)) => p.file(out, part, policy),
            (Printer::Sarif(p), Part::Sarif(part)) => p.file(out, part),
            (Printer::Github(p), Part::Github(part)) => p.file(out, part),
            _ => unreachable!("a part is rendered for its printer's format"),
        }
    }

    pub fn finish(self, out: &mut dyn Write, end: &End<'_>) -> io::Result<()> {
        match self {
            Printer::Human(p) => p.finish(out, end),
            Printer::Json(p) => p.finish(out, end),
            Printer::Sarif(p) => p.finish(out, end),
            Printer::Github(p) => p.finish(out, end),
        }
    }
}

/// A whole report at once, as a string (one post: the server, tests).
pub fn render(report: &Report<'_>, format: OutputFormat, color: bool) -> String {
    let style = Style {
        format,
        color,
        redact: report.redact,
    };
    let mut out = Vec::new();
    let mut printer = Printer::new(style);
    for file in report.files {
        printer
            .file(&mut out, Part::new(style, file), report.policy)
            .expect("writing to memory");
    }
    let end = End {
        policy: report.policy,
        problems: report.problems,
        summary: report.summary,
    };
    printer.finish(&mut out, &end).expect("writing to memory");
    String::from_utf8(out).expect("reports are UTF-8")
}

/// "art. 5.5" for numbered articles, the section's name otherwise ("Annexe 1").
pub fn article_label(a: &Article) -> String {
    if a.reference.starts_with(|c: char| c.is_ascii_digit()) {
        format!("art. {}", a.reference)
    } else {
        a.reference.clone()
    }
}
