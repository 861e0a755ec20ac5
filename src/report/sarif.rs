//! SARIF 2.1.0, for code scanning: the rules (id, French name and help, the profile's
//! articles), one result per finding with its location (columns in Unicode code points,
//! declared), suppressed findings with their justification, and problems with the input
//! as tool notifications.
//!
//! What GitHub's ingestion and Microsoft's validator (`sarif-multitool validate`, run
//! by `tests/sarif.rs`) ask for: relative paths are URI references against the
//! `%SRCROOT%` base (the current folder, declared in `originalUriBaseIds`), absolute
//! paths are `file://` URIs; each checked draft is an artifact with its SHA-256; each
//! result has a `partialFingerprints` entry that does not move with the line, so code
//! scanning tracks an alert across commits; a notification carries a region only
//! when it has a line.

use std::collections::HashMap;
use std::path::Path;

use serde_json::{Value, json};

use std::io::{self, Write};

use super::stream::{Array, Skeleton, Spill, pretty};
use super::{End, FileReport, article_label};
use crate::checks::RULES;
use crate::finding::{Finding, Severity};
use crate::policy::Policy;

/// The base of relative artifact URIs: the folder vigie ran in.
const SRCROOT: &str = "%SRCROOT%";

/// Where the tool's documentation lives (SARIF `informationUri`): the repository the
/// release was built from (`VIGIE_REPOSITORY`, set by the release workflow), else the
/// one Cargo.toml names.
const INFORMATION_URI: &str = match option_env!("VIGIE_REPOSITORY") {
    Some(uri) => uri,
    None => env!("CARGO_PKG_REPOSITORY"),
};

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Where the streamed arrays go in the skeleton of the report.
const ARTIFACTS: &str = "\u{1}artifacts";
const RESULTS: &str = "\u{1}results";

/// One checked file as SARIF shows it: its artifact and its results, each
/// pretty-printed on its own (made on the thread that checked the file).
pub struct Part {
    artifact: String,
    results: Vec<String>,
}

pub fn part(file: &FileReport, redact: bool) -> Part {
    let mut results = Vec::new();
    let d = &file.draft;
    let mut seen: HashMap<String, usize> = HashMap::new();
    let redactor = file.redactor(redact);
    for f in &file.findings {
        let (message, help) = (redactor.text(&f.message), redactor.text(&f.help));
        let excerpt = redactor.excerpt(f.span.clone());
        let (line, column) = d.position(f.span.start);
        let (end_line, end_column) = d.position(f.span.end);
        let index = RULES.iter().position(|r| r.id == f.rule).unwrap_or(0);
        let mut result = json!({
            "ruleId": f.rule,
            "ruleIndex": index,
            "level": level(f.severity),
            "message": {"text": format!("{message} « {excerpt} » — À faire : {help}")},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": artifact_location(&d.path),
                    "region": {
                        "startLine": line, "startColumn": column,
                        "endLine": end_line, "endColumn": end_column,
                        "snippet": {"text": excerpt},
                    }
                }
            }],
            "partialFingerprints": {"vigieFinding/v1": fingerprint(file, f, excerpt, &mut seen)},
            "properties": {
                "help": help,
                "articles": f.articles.iter().map(|a| json!({"ref": a.reference, "title": a.title, "quote": a.quote})).collect::<Vec<_>>(),
            },
        });
        if let Some(kind) = f.kind {
            result["properties"]["kind"] = json!(kind);
        }
        if let Some(reason) = &f.suppressed {
            result["suppressions"] =
                json!([{"kind": "inSource", "justification": redactor.text(reason)}]);
        }
        results.push(pretty(&result));
    }
    Part {
        artifact: pretty(&artifact(file)),
        results,
    }
}

/// The SARIF report written as the run goes: the artifacts at once (they come first in
/// the run), the results into a [`Spill`] until the end, which knows the problems
/// (`invocations`, written before `results`) and the profile (`tool`, after them).
pub struct Printer {
    begun: bool,
    artifacts: Array,
    results: Array,
    spill: Spill,
}

impl Default for Printer {
    fn default() -> Self {
        Printer {
            begun: false,
            artifacts: Array::new(4),
            results: Array::new(4),
            spill: Spill::default(),
        }
    }
}

impl Printer {
    pub fn file(&mut self, out: &mut dyn Write, part: Part) -> io::Result<()> {
        self.begin(out)?;
        self.artifacts.push(out, &part.artifact)?;
        for r in &part.results {
            self.results.push(&mut self.spill, r)?;
        }
        Ok(())
    }

    /// Writes the head of the report, up to the artifacts, once: it holds nothing that
    /// depends on the run.
    fn begin(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if !self.begun {
            let head = skeleton(&End {
                policy: None,
                problems: &[],
                summary: Default::default(),
            });
            out.write_all(head.between(None, ARTIFACTS).as_bytes())?;
            self.begun = true;
        }
        Ok(())
    }

    pub fn finish(mut self, out: &mut dyn Write, end: &End<'_>) -> io::Result<()> {
        self.begin(out)?;
        let whole = skeleton(end);
        self.artifacts.close(out)?;
        out.write_all(whole.between(Some(ARTIFACTS), RESULTS).as_bytes())?;
        self.spill.copy_to(out)?;
        self.results.close(out)?;
        out.write_all(whole.after(RESULTS).as_bytes())?;
        out.write_all(b"\n")
    }
}

/// The rules of the profile, as the tool's driver lists them.
fn rules(policy: Option<&Policy>) -> Vec<Value> {
    RULES
        .iter()
        .map(|r| {
            let settings = policy.and_then(|p| p.rule(r.id));
            let articles: Vec<Value> = settings
                .map(|s| {
                    s.articles
                        .iter()
                        .map(|a| json!({"ref": a.reference, "title": a.title, "quote": a.quote, "label": article_label(a)}))
                        .collect()
                })
                .unwrap_or_default();
            let summary = r.doc.split("\n\n").next().unwrap_or(r.name);
            let mut rule = json!({
                "id": r.id,
                "shortDescription": {"text": r.name},
                "fullDescription": {"text": summary},
                "help": {"text": r.doc, "markdown": r.doc},
                "properties": {"articles": articles},
            });
            if let Some(s) = settings {
                rule["defaultConfiguration"] = json!({"enabled": s.enabled, "level": level(s.severity)});
            }
            rule
        })
        .collect()
}

/// The whole report with markers where the artifacts and the results go.
fn skeleton(end: &End<'_>) -> Skeleton {
    let rules = rules(end.policy);
    let notifications: Vec<Value> = end
        .problems
        .iter()
        .map(|p| {
            let mut location = json!({"artifactLocation": artifact_location(&p.path)});
            if let (Some(l), Some(c)) = (p.line, p.column) {
                location["region"] = json!({"startLine": l, "startColumn": c});
            }
            let text = match &p.help {
                Some(h) => format!("{} — {h}", p.message),
                None => p.message.clone(),
            };
            let mut notification = json!({"level": "error", "message": {"text": text}});
            if !p.path.is_empty() {
                notification["locations"] = json!([{"physicalLocation": location}]);
            }
            notification
        })
        .collect();
    let mut driver = json!({
        "name": "vigie",
        "version": env!("CARGO_PKG_VERSION"),
        "semanticVersion": env!("CARGO_PKG_VERSION"),
        "informationUri": INFORMATION_URI,
        "language": "fr-CA",
        "rules": rules,
    });
    if let Some(p) = end.policy {
        driver["properties"] = json!({"profile": {"id": p.id, "name": p.name, "policy": p.title, "adopted": p.adopted}});
    }
    let sarif = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": original_uri_base_ids(),
            "artifacts": ARTIFACTS,
            "results": RESULTS,
            "invocations": [{
                "executionSuccessful": end.problems.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
        }],
    });
    Skeleton::new(&sarif)
}

/// Where a path is, for SARIF: a relative path as a URI reference against `%SRCROOT%`,
/// an absolute path as a `file://` URI, standard input as `stdin`.
fn artifact_location(path: &str) -> Value {
    if path == "stdin" {
        return json!({"uri": "stdin"});
    }
    if let Some(uri) = absolute_file_uri(path) {
        return json!({"uri": uri});
    }
    let relative = path.replace('\\', "/");
    let relative = relative.trim_start_matches("./");
    json!({"uri": encode(relative), "uriBaseId": SRCROOT})
}

/// `file:///tmp/a%20b.md` for `/tmp/a b.md`, `file:///C:/x.md` for `C:\x.md`; `None`
/// for a relative path.
fn absolute_file_uri(path: &str) -> Option<String> {
    let slashed = path.replace('\\', "/");
    let bytes = slashed.as_bytes();
    let drive = bytes.len() >= 3 && bytes[0].is_ascii_alphabetic() && &bytes[1..3] == b":/";
    if drive {
        Some(format!(
            "file:///{}{}",
            &slashed[..2],
            encode(&slashed[2..])
        ))
    } else if Path::new(path).is_absolute() || slashed.starts_with('/') {
        Some(format!("file://{}", encode(&slashed)))
    } else {
        None
    }
}

/// `%SRCROOT%` declared as the current folder, so a viewer can find the drafts.
fn original_uri_base_ids() -> Value {
    let cwd = std::env::current_dir().ok().and_then(|d| {
        let mut uri = absolute_file_uri(&d.to_string_lossy())?;
        if !uri.ends_with('/') {
            uri.push('/');
        }
        Some(uri)
    });
    match cwd {
        Some(uri) => json!({SRCROOT: {"uri": uri}}),
        None => json!({SRCROOT: {"description": {"text": "le dossier où vigie a été lancé"}}}),
    }
}

/// A checked draft: where it is and the SHA-256 of its bytes (what was approved).
fn artifact(file: &FileReport) -> Value {
    json!({
        "location": artifact_location(&file.draft.path),
        "length": file.draft.source.len(),
        "hashes": {"sha-256": super::json::sha256(file.draft.source.as_bytes())},
    })
}

/// A fingerprint that identifies a finding across commits whatever its line: the
/// rule, the kind, the path, the excerpt as the report shows it (masked when redacted:
/// a hash of a phone number would give it back), and its rank among identical ones.
fn fingerprint(
    file: &FileReport,
    f: &Finding,
    excerpt: &str,
    seen: &mut HashMap<String, usize>,
) -> String {
    let key = format!(
        "{}\0{}\0{}\0{}",
        f.rule,
        f.kind.unwrap_or(""),
        file.draft.path,
        excerpt
    );
    let rank = seen.entry(key.clone()).or_default();
    *rank += 1;
    format!("{}:{rank}", &super::json::sha256(key.as_bytes())[..32])
}

/// A relative path as a URI reference: forward slashes kept, everything outside the
/// unreserved characters percent-encoded (UTF-8 bytes, spaces, quotes).
fn encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn relative_paths_are_references_against_srcroot() {
        assert_eq!(
            artifact_location("./brouillons/avis d'été.md"),
            json!({"uri": "brouillons/avis%20d%27%C3%A9t%C3%A9.md", "uriBaseId": "%SRCROOT%"})
        );
        assert_eq!(artifact_location("stdin"), json!({"uri": "stdin"}));
    }

    #[test]
    fn absolute_paths_are_file_uris() {
        assert_eq!(
            artifact_location("/tmp/été/a.md"),
            json!({"uri": "file:///tmp/%C3%A9t%C3%A9/a.md"})
        );
        assert_eq!(
            absolute_file_uri(r"C:\Brouillons\a b.md").as_deref(),
            Some("file:///C:/Brouillons/a%20b.md")
        );
        assert_eq!(absolute_file_uri("brouillons/a.md"), None);
    }
}
