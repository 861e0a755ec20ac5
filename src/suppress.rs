//! Deliberate exceptions: `[[ignore]]` in the front matter (whole draft, optional end
//! date) and `<!-- vigie-ignore RULE: raison -->` before a paragraph (Markdown). Each
//! needs a reason; a finding it covers is kept, marked suppressed, and not counted. An
//! exception that covers nothing is itself reported (`unused-ignore`), so that stale
//! exceptions do not pile up; with `--no-inline-ignores`, exceptions written in the text
//! are refused (`inline-ignore`) and cover nothing.

use std::ops::Range;

use crate::draft::{Draft, Ignore, Meta};
use crate::finding::{Finding, Severity};

/// The pseudo-rule of exceptions that cover nothing.
pub const UNUSED_IGNORE: &str = "unused-ignore";
/// The pseudo-rule of exceptions in the text refused by `--no-inline-ignores`.
pub const INLINE_IGNORE: &str = "inline-ignore";

/// Marks the findings covered by an exception and adds the findings about the
/// exceptions themselves. `active` tells whether a rule runs on this draft.
pub fn apply(
    draft: &Draft,
    meta: &Meta,
    findings: &mut Vec<Finding>,
    inline_allowed: bool,
    active: &dyn Fn(&str) -> bool,
) {
    let mut extra = Vec::new();
    for ignore in &draft.front.ignore {
        let span = front_matter_span(draft, ignore);
        if !still_valid(ignore, meta) {
            let until = ignore
                .until
                .as_ref()
                .map(|u| u.0.clone())
                .unwrap_or_default();
            extra.push(about_ignore(
                UNUSED_IGNORE,
                span,
                format!("Exception à la règle « {} » échue le {until} : elle ne s'applique plus.", ignore.rule),
                "Retirez cette exception, ou repoussez sa date « until » si elle est encore justifiée.",
                Severity::Warning,
            ));
            continue;
        }
        let used = cover(findings, &ignore.rule, None, &ignore.reason);
        if !used {
            extra.push(unused(&ignore.rule, span, active(&ignore.rule)));
        }
    }
    for inline in &draft.inline_ignores {
        if !inline_allowed {
            extra.push(about_ignore(
                INLINE_IGNORE,
                inline.span.clone(),
                format!("Exception à la règle « {} » écrite dans le texte : refusée ici.", inline.rule),
                "Ce dépôt n'accepte que les exceptions de l'en-tête ([[ignore]] avec « rule » et « reason ») ; \
                 déplacez-la dans l'en-tête ou corrigez le passage.",
                Severity::Error,
            ));
            continue;
        }
        let used = cover(findings, &inline.rule, Some(&inline.target), &inline.reason);
        if !used {
            extra.push(unused(
                &inline.rule,
                inline.span.clone(),
                active(&inline.rule),
            ));
        }
    }
    findings.extend(extra);
}

fn still_valid(ignore: &Ignore, meta: &Meta) -> bool {
    match ignore.until.as_ref().and_then(|u| u.parse().ok()) {
        Some(until) => meta.publish_at.date() <= until.date(),
        None => true,
    }
}

/// Marks the findings of `rule` (within `within`, if given) as suppressed; true if any.
fn cover(
    findings: &mut [Finding],
    rule: &str,
    within: Option<&Range<usize>>,
    reason: &str,
) -> bool {
    let mut used = false;
    for f in findings.iter_mut().filter(|f| f.rule == rule) {
        if within.is_none_or(|t| t.start <= f.span.start && f.span.start < t.end.max(t.start + 1)) {
            f.suppressed.get_or_insert_with(|| reason.to_string());
            used = true;
        }
    }
    used
}

fn unused(rule: &str, span: Range<usize>, active: bool) -> Finding {
    let (message, help) = if active {
        (
            format!("Exception inutile : la règle « {rule} » ne signale rien ici."),
            "Retirez cette exception.",
        )
    } else {
        (
            format!("Exception inutile : la règle « {rule} » n'est pas active pour ce brouillon."),
            "Retirez cette exception : la politique de ce profil ne traite pas de ce sujet, ou la règle est désactivée.",
        )
    };
    about_ignore(UNUSED_IGNORE, span, message, help, Severity::Warning)
}

fn about_ignore(
    rule: &'static str,
    span: Range<usize>,
    message: String,
    help: &str,
    severity: Severity,
) -> Finding {
    Finding {
        rule,
        kind: None,
        severity,
        span,
        message,
        help: help.to_string(),
        articles: Vec::new(),
        suppressed: None,
    }
}

/// Where a front-matter exception names its rule, to point at it.
fn front_matter_span(draft: &Draft, ignore: &Ignore) -> Range<usize> {
    let Some(fm) = &draft.front_matter else {
        return draft.body_anchor();
    };
    let text = &draft.source[fm.clone()];
    // The rule's name where it is written as a value (quoted in TOML, maybe bare in YAML).
    let quoted = [
        format!("\"{}\"", ignore.rule),
        format!("'{}'", ignore.rule),
        format!(" {}", ignore.rule),
    ];
    quoted
        .iter()
        .find_map(|q| {
            text.find(q.as_str())
                .map(|i| fm.start + i + 1..fm.start + i + 1 + ignore.rule.len())
        })
        .unwrap_or(fm.start..fm.start)
}
