//! GitHub Actions workflow commands: one annotation per finding, shown on the pull
//! request's diff (`::error file=…,line=…,col=…,title=…::message`).
//!
//! GitHub escapes: in the message `%`, CR and LF; in properties also `:` and `,`.
//! GitHub shows at most 10 annotations of each level per step: the report says so in a
//! last notice when there are more.

use std::io::{self, Write};

use super::{End, FileReport, article_label};
use crate::finding::Severity;

fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

/// GitHub's limit of annotations of one level per step.
const PER_LEVEL_LIMIT: usize = 10;

/// One checked file's annotations, and how many of each level (error, warning, notice).
pub struct Part {
    text: String,
    counts: [usize; 3],
}

pub fn part(file: &FileReport, redact: bool) -> Part {
    let mut out = String::new();
    let mut counts = [0usize; 3];
    let d = &file.draft;
    let redactor = file.redactor(redact);
    for f in file.findings.iter().filter(|f| f.suppressed.is_none()) {
        let (command, index) = match f.severity {
            Severity::Error => ("error", 0),
            Severity::Warning => ("warning", 1),
            Severity::Info => ("notice", 2),
        };
        counts[index] += 1;
        let (line, col) = d.position(f.span.start);
        let (end_line, end_col) = d.position(f.span.end);
        let mut message = format!(
            "{} « {} »",
            redactor.text(&f.message),
            redactor.excerpt(f.span.clone())
        );
        for a in &f.articles {
            message.push_str(&format!(
                "\n{} ({}) : « {} »",
                article_label(a),
                a.title,
                a.quote
            ));
        }
        message.push_str(&format!("\nÀ faire : {}", redactor.text(&f.help)));
        let mut props = format!("file={},line={line},col={col}", escape_property(&d.path));
        if end_line == line {
            props.push_str(&format!(",endColumn={end_col}"));
        } else {
            props.push_str(&format!(",endLine={end_line}"));
        }
        props.push_str(&format!(
            ",title={}",
            escape_property(&format!("vigie {}", f.rule))
        ));
        out.push_str(&format!("::{command} {props}::{}\n", escape_data(&message)));
    }
    Part { text: out, counts }
}

/// The annotations written as the run goes; the problems and the notice on GitHub's
/// limit at the end.
#[derive(Default)]
pub struct Printer {
    counts: [usize; 3],
}

impl Printer {
    pub fn file(&mut self, out: &mut dyn Write, part: Part) -> io::Result<()> {
        for (total, n) in self.counts.iter_mut().zip(part.counts) {
            *total += n;
        }
        out.write_all(part.text.as_bytes())
    }

    pub fn finish(self, out: &mut dyn Write, end: &End<'_>) -> io::Result<()> {
        let counts = self.counts;
        let mut text = String::new();
        for p in end.problems {
            let mut props = format!("file={}", escape_property(&p.path));
            if let (Some(l), Some(c)) = (p.line, p.column) {
                props.push_str(&format!(",line={l},col={c}"));
            }
            props.push_str(",title=vigie");
            let mut message = p.message.clone();
            if let Some(h) = &p.help {
                message.push_str(&format!("\n{h}"));
            }
            text.push_str(&format!("::error {props}::{}\n", escape_data(&message)));
        }
        if counts.iter().any(|&n| n > PER_LEVEL_LIMIT) {
            text.push_str(&format!(
                "::notice title=vigie::{}\n",
                escape_data(&format!(
                    "GitHub n'affiche que {PER_LEVEL_LIMIT} annotations de chaque niveau par étape : {} erreurs, {} avertissements, {} infos en tout. Le journal ou le rapport SARIF les donne toutes.",
                    counts[0], counts[1], counts[2]
                ))
            ));
        }
        out.write_all(text.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_as_github_requires() {
        assert_eq!(escape_data("50% fait\r\nfin"), "50%25 fait%0D%0Afin");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
