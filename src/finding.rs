//! Findings: what a check says about a draft, and how serious it is.

use std::ops::Range;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    /// The word the human output prints.
    pub fn french(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "avertissement",
            Severity::Error => "erreur",
        }
    }
}

/// A rule's level where it can be turned off: in `[[overrides]]` and on the command
/// line (`--deny`, `--warn`, `--allow`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Info,
    Warning,
    Error,
}

impl Level {
    /// The severity of an active rule, or `None` when the level turns it off.
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Off => None,
            Level::Info => Some(Severity::Info),
            Level::Warning => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }
}

/// An article of a policy, quoted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Article {
    #[serde(rename = "ref")]
    pub reference: String,
    pub title: String,
    pub quote: String,
}

/// What a check reports; the engine adds the rule's severity and articles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub span: Range<usize>,
    pub kind: Option<&'static str>,
    pub message: String,
    pub help: String,
    /// A severity other than the rule's (a milder form, say).
    pub severity: Option<Severity>,
    /// The finding is not about the policy (an accessibility advice, say): it cites no
    /// article.
    pub outside_policy: bool,
}

impl Diagnostic {
    pub fn new(
        span: Range<usize>,
        message: impl Into<String>,
        help: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic {
            span,
            kind: None,
            message: message.into(),
            help: help.into(),
            severity: None,
            outside_policy: false,
        }
    }

    /// Marks a finding that no article of the policy backs: it is reported without one.
    pub fn outside_policy(mut self) -> Diagnostic {
        self.outside_policy = true;
        self
    }

    pub fn kind(mut self, kind: &'static str) -> Diagnostic {
        self.kind = Some(kind);
        self
    }

    pub fn severity(mut self, severity: Severity) -> Diagnostic {
        self.severity = Some(severity);
        self
    }
}

/// A finding as reported: a diagnostic with its rule, severity and articles.
#[derive(Debug, Clone)]
pub struct Finding {
    pub rule: &'static str,
    pub kind: Option<&'static str>,
    pub severity: Severity,
    pub span: Range<usize>,
    pub message: String,
    pub help: String,
    pub articles: Vec<Arc<Article>>,
    /// Set when an `[[ignore]]` of the draft covers it: reported, never counted.
    pub suppressed: Option<String>,
}
