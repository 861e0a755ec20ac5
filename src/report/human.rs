//! The human output, in French: each finding with its place, a snippet of the draft
//! with the span underlined, the articles it breaks and what to do; then a summary.

use std::io::{self, Write};

use annotate_snippets::{AnnotationKind, Level, Origin, Renderer, Snippet};
use colored::Colorize;

use super::{End, FileReport, Redactor, article_label};
use crate::engine::Summary;
use crate::finding::{Finding, Severity};
use crate::problem::Problem;

/// One checked file as the human report shows it.
pub struct Part {
    text: String,
    /// Findings set aside by a justified exception: counted, not shown.
    suppressed: usize,
}

pub fn part(file: &FileReport, redact: bool, color: bool) -> Part {
    let renderer = if color {
        Renderer::styled()
    } else {
        Renderer::plain()
    };
    let redactor = file.redactor(redact);
    let mut text = String::new();
    let mut suppressed = 0;
    for f in &file.findings {
        if f.suppressed.is_some() {
            suppressed += 1;
            continue;
        }
        text.push_str(&renderer.render(&[finding(file, &redactor, f)]));
        text.push_str("\n\n");
    }
    Part { text, suppressed }
}

/// The human report written as the run goes: each file's findings, then the summary.
pub struct Printer {
    color: bool,
    suppressed: usize,
}

impl Printer {
    pub fn new(color: bool) -> Printer {
        Printer {
            color,
            suppressed: 0,
        }
    }

    pub fn file(&mut self, out: &mut dyn Write, part: Part) -> io::Result<()> {
        self.suppressed += part.suppressed;
        out.write_all(part.text.as_bytes())
    }

    pub fn finish(self, out: &mut dyn Write, end: &End<'_>) -> io::Result<()> {
        let line = summary(end.summary, end.problems, self.suppressed, self.color);
        out.write_all(line.as_bytes())?;
        out.write_all(b"\n")
    }
}

fn level(s: Severity) -> Level<'static> {
    match s {
        Severity::Error => Level::ERROR.with_name("erreur"),
        Severity::Warning => Level::WARNING.with_name("avertissement"),
        Severity::Info => Level::INFO.with_name("info"),
    }
}

/// One finding: its title, the lines of the draft it spans (only those: the cost of a
/// finding does not grow with the length of the draft), its articles and what to do.
fn finding<'a>(
    file: &'a FileReport,
    redactor: &'a Redactor<'_>,
    f: &'a Finding,
) -> annotate_snippets::Group<'a> {
    let draft = &file.draft;
    let source = redactor.source();
    let (first, column) = draft.position(f.span.start);
    let (last, _) = draft.position(f.span.end);
    let lines =
        draft.lines.line_range(source, first).start..draft.lines.line_range(source, last).end;
    let lines = lines.start.min(f.span.start)..lines.end.max(f.span.end);
    let title = level(f.severity)
        .primary_title(redactor.text(&f.message))
        .id(f.rule);
    let mut group = if lines.len() <= LONG_LINE {
        let span = f.span.start - lines.start..f.span.end - lines.start;
        title.element(
            Snippet::source(&source[lines])
                .line_start(first)
                .path(draft.path.as_str())
                .fold(true)
                .annotation(AnnotationKind::Primary.span(span)),
        )
    } else {
        // A long line: only the part around the span is shown, its place given apart,
        // so that many findings on one long line do not each render all of it.
        let start = floor_boundary(
            source,
            f.span.start.saturating_sub(CONTEXT).max(lines.start),
        );
        let end = floor_boundary(source, (f.span.end + CONTEXT).min(lines.end)).max(f.span.end);
        let span = f.span.start - start..f.span.end - start;
        title
            .element(
                Origin::path(draft.path.as_str())
                    .line(first)
                    .char_column(column),
            )
            .element(
                Snippet::source(&source[start..end])
                    .line_start(first)
                    .fold(true)
                    .annotation(AnnotationKind::Primary.span(span)),
            )
    };
    // annotate-snippets writes "name: message"; French puts a space before the colon,
    // hence the space that ends each name.
    for a in &f.articles {
        group = group.element(
            Level::NOTE
                .with_name(format!("{} ({}) ", article_label(a), a.title))
                .message(format!("« {} »", a.quote)),
        );
    }
    group.element(
        Level::HELP
            .with_name("à faire ")
            .message(redactor.text(&f.help)),
    )
}

/// Beyond this many bytes, the lines of a finding are shown in part: [`CONTEXT`] bytes
/// around its span.
const LONG_LINE: usize = 400;
const CONTEXT: usize = 80;

/// The nearest character boundary at or before `at`.
fn floor_boundary(s: &str, mut at: usize) -> usize {
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n > 1 { many } else { one })
}

fn summary(s: Summary, problems: &[Problem], suppressed: usize, color: bool) -> String {
    let files = plural(s.files, "brouillon vérifié", "brouillons vérifiés");
    let mut line = if s.files == 0 && !problems.is_empty() {
        String::new()
    } else if s.errors + s.warnings + s.infos == 0 {
        let text = format!("{files} : aucun problème.");
        if color {
            text.green().to_string()
        } else {
            text
        }
    } else {
        let counts = format!(
            "{}, {}, {}",
            plural(s.errors, "erreur", "erreurs"),
            plural(s.warnings, "avertissement", "avertissements"),
            plural(s.infos, "info", "infos"),
        );
        let text = format!("{files} : {counts}.");
        match (color, s.errors > 0) {
            (true, true) => text.red().bold().to_string(),
            (true, false) => text.yellow().to_string(),
            _ => text,
        }
    };
    if suppressed > 0 {
        line.push_str(&format!(
            " ({} par une exception justifiée)",
            plural(suppressed, "constat écarté", "constats écartés")
        ));
    }
    if !problems.is_empty() {
        if !line.is_empty() {
            line.push('\n');
        }
        let n = problems.len();
        let text = format!(
            "{} dans les fichiers ou les réglages (voir ci-dessus) : corrigez-{} puis relancez vigie.",
            plural(n, "problème", "problèmes"),
            if n > 1 { "les" } else { "le" }
        );
        line.push_str(&if color { text.red().to_string() } else { text });
    }
    line
}

/// A problem with the input, for standard error.
pub fn problem(p: &Problem, color: bool) -> String {
    let head = if color {
        "erreur".red().bold().to_string()
    } else {
        "erreur".to_string()
    };
    format!("{head} : {p}")
}
