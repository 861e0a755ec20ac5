//! SARIF 2.1.0, for code scanning: the rules (id, French name and help, the profile's
//! articles), one result per finding with its location (columns in Unicode code points,
//! declared), suppressed findings with their justification, and problems with the input
//! as tool notifications.

use serde_json::{Value, json};

use super::{Report, article_label};
use crate::checks::RULES;
use crate::finding::Severity;

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

pub fn render(report: &Report<'_>) -> String {
    let rules: Vec<Value> = RULES
        .iter()
        .map(|r| {
            let settings = report.policy.and_then(|p| p.rule(r.id));
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
        .collect();
    let mut results = Vec::new();
    for file in report.files {
        let d = &file.draft;
        let redactor = report.redactor(file);
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
                        "artifactLocation": {"uri": uri(&d.path)},
                        "region": {
                            "startLine": line, "startColumn": column,
                            "endLine": end_line, "endColumn": end_column,
                            "snippet": {"text": excerpt},
                        }
                    }
                }],
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
            results.push(result);
        }
    }
    let notifications: Vec<Value> = report
        .problems
        .iter()
        .map(|p| {
            let mut region = json!({});
            if let (Some(l), Some(c)) = (p.line, p.column) {
                region = json!({"startLine": l, "startColumn": c});
            }
            let text = match &p.help {
                Some(h) => format!("{} — {h}", p.message),
                None => p.message.clone(),
            };
            json!({
                "level": "error",
                "message": {"text": text},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": uri(&p.path)}, "region": region}}],
            })
        })
        .collect();
    let mut driver = json!({
        "name": "vigie",
        "version": env!("CARGO_PKG_VERSION"),
        "language": "fr-CA",
        "rules": rules,
    });
    if let Some(p) = report.policy {
        driver["properties"] = json!({"profile": {"id": p.id, "name": p.name, "policy": p.title, "adopted": p.adopted}});
    }
    let sarif = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "columnKind": "unicodeCodePoints",
            "results": results,
            "invocations": [{
                "executionSuccessful": report.problems.is_empty(),
                "toolExecutionNotifications": notifications,
            }],
        }],
    });
    let mut text = serde_json::to_string_pretty(&sarif).expect("SARIF serializes");
    text.push('\n');
    text
}

/// A relative path as a URI reference (forward slashes, spaces and the like escaped).
fn uri(path: &str) -> String {
    let path = path.replace('\\', "/");
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
