//! The engine: a resolved profile with its checks compiled, ready for many drafts.
//!
//! Building one compiles every regex and lexicon of the enabled rules once; checking a
//! draft only runs them. A project's `vigie.toml` is found by walking up from the
//! draft's folder, and one engine is built per configuration file met.

use std::path::{Path, PathBuf};

use crate::checks::{self, Check, Context, Rule};
use crate::draft::{Draft, FrontMatter, Meta, PublishAt};
use crate::finding::{Finding, Severity};
use crate::policy::load::{self, Layer, LayerKind, ProfileSource};
use crate::policy::{Origin, Policy, RuleSettings};
use crate::problem::Problem;

/// The name of the project configuration file.
pub const CONFIG_FILE: &str = "vigie.toml";

/// How the user chose the profile on the command line.
#[derive(Debug, Clone, Default)]
pub struct ProfileChoice {
    pub profile: Option<String>,
    pub policy: Option<PathBuf>,
}

struct Compiled {
    rule: &'static Rule,
    settings: RuleSettings,
    check: Box<dyn Check>,
}

pub struct Engine {
    pub policy: Policy,
    checks: Vec<Compiled>,
    /// Metadata defaults from `vigie.toml`.
    pub defaults: FrontMatter,
    exclude: Option<(PathBuf, globset::GlobSet)>,
}

/// Finds `vigie.toml` in `dir` or the nearest folder above it.
pub fn find_config(dir: &Path) -> Option<PathBuf> {
    let mut dir = Some(dir);
    while let Some(d) = dir {
        let candidate = d.join(CONFIG_FILE);
        if candidate.is_file() {
            return Some(candidate);
        }
        dir = d.parent();
    }
    None
}

impl Engine {
    /// Builds the engine for a folder's configuration (if any) and the command line's
    /// choice of profile, which wins over the configuration's.
    pub fn load(choice: &ProfileChoice, config: Option<&Path>) -> Result<Engine, Vec<Problem>> {
        let mut problems = Vec::new();
        let config_layer = match config {
            Some(path) => {
                let (layer, mut found) = load::read_layer(path, LayerKind::Config);
                problems.append(&mut found);
                layer
            }
            None => None,
        };
        let config_dir = config
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .unwrap_or_default();
        let (source, origin): (ProfileSource, Option<Origin>) = if let Some(path) = &choice.policy {
            (ProfileSource::File(path.clone()), None)
        } else if let Some(id) = &choice.profile {
            (ProfileSource::Builtin(id.clone()), None)
        } else if let Some((path, origin)) = config_layer.as_ref().and_then(|c| c.policy.clone()) {
            (ProfileSource::File(config_dir.join(path)), Some(origin))
        } else if let Some((id, origin)) = config_layer.as_ref().and_then(|c| c.profile.clone()) {
            (ProfileSource::Builtin(id), Some(origin))
        } else {
            problems.push(no_profile());
            return Err(problems);
        };
        let mut layers = load::load_chain(&source, origin.as_ref(), &mut problems);
        if layers.is_empty() {
            return Err(problems);
        }
        if let Some(c) = &config_layer {
            layers.push(c.clone());
        }
        let policy = match load::resolve(&layers, problems.is_empty()) {
            Ok(p) if problems.is_empty() => p,
            Ok(_) => return Err(problems),
            Err(mut found) => {
                problems.append(&mut found);
                return Err(problems);
            }
        };
        let exclude = match &config_layer {
            Some(c) if !c.exclude.is_empty() => Some((config_dir, exclusions(c)?)),
            _ => None,
        };
        let defaults = config_layer.map(|c| c.defaults).unwrap_or_default();
        Engine::compile(policy, defaults, exclude)
    }

    fn compile(
        policy: Policy,
        defaults: FrontMatter,
        exclude: Option<(PathBuf, globset::GlobSet)>,
    ) -> Result<Engine, Vec<Problem>> {
        let mut compiled = Vec::new();
        let mut problems = Vec::new();
        for rule in checks::RULES {
            let Some(settings) = policy.rule(rule.id) else {
                continue;
            };
            if !settings.enabled {
                continue;
            }
            match (rule.build)(settings, &policy) {
                Ok(check) => compiled.push(Compiled {
                    rule,
                    settings: settings.clone(),
                    check,
                }),
                Err(e) => {
                    let origin = settings
                        .origins
                        .get(&e.key)
                        .or_else(|| settings.origins.values().next());
                    let message = format!("règle « {} » : {}", rule.id, e.message);
                    problems.push(match origin {
                        Some(o) => Problem {
                            path: o.path.clone(),
                            line: Some(o.line),
                            column: Some(o.column),
                            message,
                            help: None,
                        },
                        None => Problem::file(&policy.id, message),
                    });
                }
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Engine {
            policy,
            checks: compiled,
            defaults,
            exclude,
        })
    }

    /// True when the configuration excludes this path from folder walks.
    pub fn excludes(&self, path: &Path) -> bool {
        let Some((root, set)) = &self.exclude else {
            return false;
        };
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let root = std::path::absolute(root).unwrap_or_else(|_| root.clone());
        let relative = absolute.strip_prefix(&root).unwrap_or(&absolute);
        set.is_match(relative)
    }

    /// Runs every enabled check on a draft. `flags` are the command line's metadata.
    pub fn check(
        &self,
        draft: &Draft,
        flags: &FrontMatter,
        today: jiff::civil::Date,
    ) -> Result<Vec<Finding>, Problem> {
        let front = flags.clone().or(&draft.front).or(&self.defaults);
        let meta = resolve_meta(&front, today).map_err(|m| Problem::file(&draft.path, m))?;
        self.check_ignores(draft, &meta)?;
        let cx = Context {
            draft,
            meta: &meta,
            policy: &self.policy,
        };
        let mut findings = Vec::new();
        let mut diagnostics = Vec::new();
        for c in &self.checks {
            diagnostics.clear();
            c.check.check(&cx, &mut diagnostics);
            for d in diagnostics.drain(..) {
                let suppressed = meta
                    .ignore
                    .iter()
                    .find(|i| i.rule == c.rule.id && ignore_applies(i, &meta))
                    .map(|i| i.reason.clone());
                findings.push(Finding {
                    rule: c.rule.id,
                    kind: d.kind,
                    severity: d.severity.unwrap_or(c.settings.severity),
                    span: d.span,
                    message: d.message,
                    help: d.help,
                    articles: if d.outside_policy {
                        Vec::new()
                    } else {
                        c.settings.articles.clone()
                    },
                    suppressed,
                });
            }
        }
        findings.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(a.rule.cmp(b.rule)));
        Ok(findings)
    }

    fn check_ignores(&self, draft: &Draft, meta: &Meta) -> Result<(), Problem> {
        for ignore in &meta.ignore {
            if checks::find(&ignore.rule).is_none() {
                let at = draft
                    .front_matter
                    .as_ref()
                    .and_then(|fm| {
                        draft.source[fm.clone()]
                            .find(&ignore.rule)
                            .map(|i| fm.start + i)
                    })
                    .unwrap_or(0);
                let help =
                    crate::problem::did_you_mean(&ignore.rule, checks::RULES.iter().map(|r| r.id))
                        .map(|s| format!("vouliez-vous dire « {s} » ?"))
                        .unwrap_or_else(|| "`vigie explain` donne la liste des règles".into());
                return Err(Problem::at(
                    &draft.path,
                    &draft.source,
                    at,
                    format!(
                        "en-tête : [[ignore]] nomme une règle inconnue « {} »",
                        ignore.rule
                    ),
                )
                .with_help(help));
            }
        }
        Ok(())
    }
}

/// An exception stops applying after its `until` date.
fn ignore_applies(ignore: &crate::draft::Ignore, meta: &Meta) -> bool {
    match ignore.until.as_ref().and_then(|u| u.parse().ok()) {
        Some(until) => meta.publish_at.date() <= until.date(),
        None => true,
    }
}

fn exclusions(config: &Layer) -> Result<globset::GlobSet, Vec<Problem>> {
    let mut builder = globset::GlobSetBuilder::new();
    let mut problems = Vec::new();
    for pattern in &config.exclude {
        match globset::Glob::new(pattern) {
            Ok(g) => {
                builder.add(g);
            }
            Err(e) => problems.push(Problem::file(
                &config.path,
                format!("« exclude » : motif invalide « {pattern} » ({})", e.kind()),
            )),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    builder
        .build()
        .map_err(|e| vec![Problem::file(&config.path, format!("« exclude » : {e}"))])
}

fn no_profile() -> Problem {
    let ids: Vec<&str> = crate::policy::builtin::PROFILES
        .iter()
        .map(|(id, _)| *id)
        .collect();
    Problem::file(
        "vigie",
        "aucun profil choisi : vigie ne sait pas quelle politique appliquer",
    )
    .with_help(format!(
        "ajoutez --profile ID ({}), ou créez un vigie.toml avec `vigie init --profile ID`",
        ids.join(", ")
    ))
}

/// The metadata a check sees, every default resolved: a personal account, published today.
pub fn resolve_meta(front: &FrontMatter, today: jiff::civil::Date) -> Result<Meta, String> {
    let publish_at = match &front.publish_at {
        Some(d) => d.parse()?,
        None => PublishAt::Date(today),
    };
    Ok(Meta {
        account: front.account.unwrap_or(crate::draft::Account::Personal),
        author: front.author,
        platform: front.platform,
        publish_at,
        reply_to_language: front.reply_to_language.clone(),
        emergency: front.emergency.unwrap_or(false),
        media: front.media.clone(),
        ignore: front.ignore.clone(),
    })
}

/// Counts of findings that are not suppressed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Summary {
    pub fn add(&mut self, findings: &[Finding]) {
        self.files += 1;
        for f in findings.iter().filter(|f| f.suppressed.is_none()) {
            match f.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
                Severity::Info => self.infos += 1,
            }
        }
    }
}
