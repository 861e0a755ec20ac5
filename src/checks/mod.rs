//! The checks, one file per rule, and the list of all of them.
//!
//! A check reads a [`Context`] (the draft, its resolved metadata, the profile) and
//! pushes [`Diagnostic`]s; it never prints and never knows the output format. Its
//! settings are compiled once, when the profile loads (`build`), never per draft.
//!
//! Adding a rule: a file here with its `RULE` (id, French name and documentation,
//! parameter validation, build), one line in [`RULES`], its settings and articles in
//! the profiles whose policy covers it, fixtures under `tests/`.

/// The paragraph that `vigie explain` gives the rules with a sentence model
/// ([`crate::text::model`]), at the end of their documentation or before its settings.
macro_rules! model_note {
    () => {
        "Au-delà des listes : quand rien de ce qui précède ne se reconnaît, un modèle de
phrases, entraîné sur des publications étiquetées et inclus dans le programme, peut
signaler la phrase entière (voir models/README.md)."
    };
}
pub(crate) use model_note;

mod advertising;
mod confidential_data;
mod electoral_neutrality;
mod excessive_links;
mod french_language;
pub mod offensive_language;
mod partisan_content;
pub mod personal;
mod photo_consent;
mod semantics;
mod shouting;
mod special_characters;

use std::ops::Range;
use std::sync::OnceLock;

use serde::de::DeserializeOwned;
use toml::de::ValueDeserializer;

use crate::draft::{Draft, Meta};
use crate::finding::Diagnostic;
use crate::policy::{Policy, RuleSettings};
use crate::text::Folded;

/// What a check sees of one draft.
pub struct Context<'a> {
    pub draft: &'a Draft,
    pub meta: &'a Meta,
    pub policy: &'a Policy,
    /// The body's prose folded, and its paragraphs: most rules read them, so they are
    /// made once per draft, by the first that asks.
    folded: OnceLock<Folded>,
    paragraphs: OnceLock<Vec<Range<usize>>>,
    sentences: OnceLock<Vec<Range<usize>>>,
    /// What the rules found in the same words, for the next rule that asks.
    pub(crate) memo: Memo,
}

/// Ranges found in a range of the prose, remembered for one draft: four rules look for
/// the organisation's mentions in every sentence, and the answer is the same for each
/// (see [`personal::common::Prose::mentions`]). `key` names the question and its
/// settings; a rule with other settings asks another question.
#[derive(Default)]
pub(crate) struct Memo {
    found: std::sync::Mutex<Vec<Remembered>>,
}

/// A question (its key and the range it was asked of) and its answer.
type Remembered = (u64, Range<usize>, Vec<Range<usize>>);

impl Memo {
    pub(crate) fn ranges(
        &self,
        key: u64,
        range: &Range<usize>,
        find: impl FnOnce() -> Vec<Range<usize>>,
    ) -> Vec<Range<usize>> {
        let lock = || self.found.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((_, _, found)) = lock().iter().find(|(k, r, _)| *k == key && r == range) {
            return found.clone();
        }
        let found = find();
        lock().push((key, range.clone(), found.clone()));
        found
    }
}

impl<'a> Context<'a> {
    pub fn new(draft: &'a Draft, meta: &'a Meta, policy: &'a Policy) -> Context<'a> {
        Context {
            draft,
            meta,
            policy,
            folded: OnceLock::new(),
            paragraphs: OnceLock::new(),
            sentences: OnceLock::new(),
            memo: Memo::default(),
        }
    }

    /// The prose of the body, folded ([`crate::text::fold`]); offsets map to the draft.
    pub fn folded(&self) -> &Folded {
        self.folded
            .get_or_init(|| Folded::new(&self.draft.prose, self.draft.body.clone()))
    }

    /// The sentences of [`Context::folded`], as ranges of its text.
    pub fn sentences(&self) -> &[Range<usize>] {
        self.sentences
            .get_or_init(|| personal::common::sentences_of(self.folded(), &self.draft.source))
    }

    /// The paragraphs of the body ([`Draft::paragraphs`]).
    pub fn paragraphs(&self) -> &[Range<usize>] {
        self.paragraphs.get_or_init(|| self.draft.paragraphs())
    }
}

/// The sentence of the draft that the model of `rule` ([`crate::text::model`]) flags
/// with the highest score, as a span of the draft: what the rule's patterns did not
/// read, its model may. One sentence: a post's breach is often said over several, and
/// one finding is enough to act on. The span is the part of the sentence the score
/// comes from ([`crate::text::model::Model::focus`]): its clauses that weigh most.
pub fn model_sentence(cx: &Context<'_>, rule: &str) -> Option<Range<usize>> {
    model_sentence_where(cx, rule, |_| true)
}

/// [`model_sentence`] among the sentences `keep` accepts (a range of the folded text).
pub fn model_sentence_where(
    cx: &Context<'_>,
    rule: &str,
    keep: impl Fn(&Range<usize>) -> bool,
) -> Option<Range<usize>> {
    let model = crate::text::model::of(rule)?;
    let folded = cx.folded();
    let sentences = cx.sentences();
    // A short sentence ("Joignez-vous à nous!") means what the sentence before it says:
    // it is flagged only when the two read together are too.
    let in_context = |i: usize| {
        let s = &sentences[i];
        let short = folded.text[s.clone()].split_whitespace().count() < 5;
        i == 0
            || !short
            || model
                .flagged(&folded.text[sentences[i - 1].start..s.end])
                .is_some()
    };
    sentences
        .iter()
        .enumerate()
        .filter(|(_, s)| folded.text[(*s).clone()].chars().any(char::is_alphabetic) && keep(s))
        .filter_map(|(i, s)| {
            let score = model.flagged(&folded.text[s.clone()])?;
            in_context(i).then_some((score, s))
        })
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, s)| {
            let focus = model.focus(&folded.text[s.clone()]);
            folded.original(s.start + focus.start..s.start + focus.end)
        })
}

pub trait Check: Send + Sync {
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Diagnostic>);
}

/// A parameter that validated but cannot be used (a regex that does not compile, …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParamError {
    pub key: String,
    pub message: String,
}

/// What building a rule's check gives.
pub type BuildResult = Result<Box<dyn Check>, ParamError>;

/// A rule: its stable id, its documentation, and how to build its check.
pub struct Rule {
    pub id: &'static str,
    /// A short French name.
    pub name: &'static str,
    /// What it checks, why, an example and the fix, in French: `vigie explain` prints it.
    pub doc: &'static str,
    /// Checks the rule's parameters as one file writes them (errors carry positions).
    pub validate: fn(ValueDeserializer<'_>) -> Result<(), toml::de::Error>,
    /// Compiles the check from the resolved settings.
    pub build: fn(&RuleSettings, &Policy) -> BuildResult,
    /// What `vigie explain RULE --profile ID` adds for a profile (in French), beyond
    /// the articles and settings: for example the current electoral period.
    pub explain_profile: fn(&Policy, jiff::civil::Date) -> Option<String>,
    /// True when what the rule finds is personal data: with `--redact`, every report
    /// masks these spans wherever it shows them, whichever rule's finding shows them.
    pub personal_data: bool,
}

/// `explain_profile` for rules with nothing to add.
pub fn nothing_to_add(_: &Policy, _: jiff::civil::Date) -> Option<String> {
    None
}

/// Every rule vigie knows, in the order of the documentation.
pub static RULES: &[Rule] = &[
    confidential_data::RULE,
    personal::opinion_disclaimer::RULE,
    personal::speaking_for_organization::RULE,
    personal::professional_email::RULE,
    french_language::RULE,
    photo_consent::RULE,
    electoral_neutrality::RULE,
    shouting::RULE,
    offensive_language::RULE,
    advertising::RULE,
    excessive_links::RULE,
    personal::negative_about_employer::RULE,
    partisan_content::RULE,
    special_characters::RULE,
];

/// Rules that say the same thing more precisely than another: when both fire on
/// overlapping words, only the first is reported (one finding per breach). A call to
/// vote on an official account in an electoral period is `electoral-neutrality`'s
/// breach; `partisan-content` would repeat it.
pub static MORE_SPECIFIC: &[(&str, &str)] = &[("electoral-neutrality", "partisan-content")];

pub fn find(id: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.id == id)
}

/// `validate` for a rule whose parameters deserialize into `P`.
pub fn validate<P: DeserializeOwned>(v: ValueDeserializer<'_>) -> Result<(), toml::de::Error> {
    P::deserialize(v).map(drop)
}

/// A list of phrases from a profile, folded for matching; an empty one is an error.
pub fn folded_phrases(key: &str, list: &[String]) -> Result<Vec<String>, ParamError> {
    if let Some(bad) = list.iter().find(|p| p.trim().is_empty()) {
        return Err(ParamError {
            key: key.into(),
            message: format!("« {bad} » : une expression ne peut pas être vide"),
        });
    }
    Ok(list.iter().map(|p| crate::text::fold(p.trim())).collect())
}

/// The rule's parameters, merged over the profile's layers.
pub fn params<P: DeserializeOwned>(settings: &RuleSettings) -> Result<P, ParamError> {
    toml::Value::Table(settings.params.clone())
        .try_into()
        .map_err(|e: toml::de::Error| ParamError {
            key: String::new(),
            message: e.message().to_string(),
        })
}

#[cfg(test)]
pub(crate) mod testing {
    //! Helpers for the checks' unit tests: a draft through a built-in profile.
    use super::*;
    use crate::draft::Format;
    use crate::finding::Diagnostic;

    pub fn run(rule: &str, profile: &str, text: &str) -> Vec<Diagnostic> {
        let policy = crate::load_builtin_policy(profile).expect("profile");
        let settings = policy.rule(rule).expect("rule in profile").clone();
        let check = (find(rule).unwrap().build)(&settings, &policy).expect("build");
        let draft = Draft::parse("t.md", text.to_string(), Format::Markdown).expect("draft");
        let meta =
            crate::engine::resolve_meta(&draft.front, jiff::civil::date(2025, 6, 1)).expect("meta");
        let mut out = Vec::new();
        check.check(&Context::new(&draft, &meta, &policy), &mut out);
        out
    }

    /// The kinds of the findings, in order.
    pub fn kinds(rule: &str, profile: &str, text: &str) -> Vec<&'static str> {
        run(rule, profile, text)
            .into_iter()
            .map(|d| d.kind.unwrap())
            .collect()
    }

    pub fn excerpts(rule: &str, profile: &str, text: &str) -> Vec<String> {
        run(rule, profile, text)
            .into_iter()
            .map(|d| text[d.span].to_string())
            .collect()
    }
}
