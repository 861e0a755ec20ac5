//! The engine: a resolved profile with its checks compiled, ready for many drafts.
//!
//! Building one compiles every regex and lexicon of the enabled rules once; checking a
//! draft only runs them. A project's `vigie.toml` is found by walking up from the
//! draft's folder, and one engine is built per configuration file met.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::checks::{self, Check, Context, Rule};
use crate::draft::{Draft, FrontMatter, Meta, PublishAt};
use crate::finding::{Finding, Level, Severity};
use crate::policy::load::{self, LayerKind, ProfileSource};
use crate::policy::{Origin, Policy, RuleSettings};
use crate::problem::Problem;

/// The name of the project configuration file.
pub const CONFIG_FILE: &str = "vigie.toml";

/// How the user chose the profile on the command line.
#[derive(Debug, Clone, Default)]
pub struct ProfileChoice {
    pub profile: Option<String>,
    pub policy: Option<PathBuf>,
    /// Rule levels from `--deny RULE`, `--warn RULE`, `--allow RULE`, in order: they win
    /// over the profile and the configuration (but not over `[[overrides]]` of a path).
    pub levels: Vec<(String, Level)>,
}

/// Options of one check run that are not about the policy.
#[derive(Debug, Clone, Copy)]
pub struct CheckOptions {
    /// Accept `<!-- vigie-ignore … -->` exceptions written in the text.
    pub inline_ignores: bool,
    /// Also say where the draft holds personal data ([`Checked::personal`]), for a
    /// report that masks it.
    pub personal_data: bool,
}

impl Default for CheckOptions {
    fn default() -> Self {
        CheckOptions {
            inline_ignores: true,
            personal_data: false,
        }
    }
}

/// What checking a draft found.
#[derive(Debug, Default)]
pub struct Checked {
    pub findings: Vec<Finding>,
    /// Where the draft holds personal data, sorted by start: the spans every rule marked
    /// [`Rule::personal_data`] recognises, enabled or not. Filled only when
    /// [`CheckOptions::personal_data`] asks for it.
    pub personal: Vec<std::ops::Range<usize>>,
}

struct Compiled {
    rule: &'static Rule,
    settings: RuleSettings,
    check: Box<dyn Check>,
}

pub struct Engine {
    pub policy: Policy,
    /// Every rule the profile configures, enabled or not (a path override may enable
    /// a rule the profile keeps off).
    checks: Vec<Compiled>,
    /// Metadata defaults from `vigie.toml`.
    pub defaults: FrontMatter,
    /// The folder paths are relative to: the configuration's, or the current one.
    root: PathBuf,
    exclude: Option<globset::GlobSet>,
    overrides: Vec<(globset::GlobSet, BTreeMap<String, Level>)>,
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
            Ok(mut p) if problems.is_empty() => {
                apply_levels(&mut p, &choice.levels);
                p
            }
            Ok(_) => return Err(problems),
            Err(mut found) => {
                problems.append(&mut found);
                return Err(problems);
            }
        };
        let (exclude, overrides) = match &config_layer {
            Some(c) => (
                (!c.exclude.is_empty()).then(|| globs(&c.exclude)),
                c.overrides
                    .iter()
                    .map(|o| (globs(&o.paths), o.rules.clone()))
                    .collect(),
            ),
            None => (None, Vec::new()),
        };
        let root = if config.is_some() {
            config_dir
        } else {
            std::env::current_dir().unwrap_or_default()
        };
        let mut engine = Engine::compile(policy)?;
        engine.defaults = config_layer.map(|c| c.defaults).unwrap_or_default();
        engine.root = root;
        engine.exclude = exclude;
        engine.overrides = overrides;
        Ok(engine)
    }

    /// Compiles the checks of every rule the profile configures, one after the other.
    ///
    /// Building a rule is cheap: the patterns a check needs only for some drafts (an
    /// address, a phone number, a campaign slogan) compile the first time a draft needs
    /// them, so checking one post (a pre-commit hook, on every commit) pays only for
    /// what that post holds. See [`Engine::warm_up`] for whole archives.
    pub fn compile(policy: Policy) -> Result<Engine, Vec<Problem>> {
        // Building is cheap (see above): a thread pool would cost a single post more.
        let built: Vec<Result<Compiled, Problem>> = checks::RULES
            .iter()
            .filter_map(|rule| policy.rule(rule.id).map(|settings| (rule, settings)))
            .map(|(rule, settings)| {
                let check = (rule.build)(settings, &policy)
                    .map_err(|e| build_problem(&policy, rule, settings, e))?;
                Ok(Compiled {
                    rule,
                    settings: settings.clone(),
                    check,
                })
            })
            .collect();
        let mut compiled = Vec::new();
        let mut problems = Vec::new();
        for b in built {
            match b {
                Ok(c) => compiled.push(c),
                Err(p) => problems.push(p),
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        Ok(Engine {
            policy,
            checks: compiled,
            defaults: FrontMatter::default(),
            root: PathBuf::new(),
            exclude: None,
            overrides: Vec::new(),
        })
    }

    /// Runs every check once on a sample draft that reaches most of their patterns, the
    /// checks on all cores: before an archive, this compiles in parallel what the first
    /// drafts would otherwise compile one after the other.
    pub fn warm_up(&self) {
        use rayon::prelude::*;
        let Some((draft, meta)) = warm_up_draft() else {
            return;
        };
        let cx = Context::new(&draft, &meta, &self.policy);
        self.checks
            .par_iter()
            .for_each(|c| c.check.check(&cx, &mut Vec::new()));
    }

    /// A path relative to the configuration's folder, for its glob patterns.
    fn relative(&self, path: &Path) -> PathBuf {
        let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let root = std::path::absolute(&self.root).unwrap_or_else(|_| self.root.clone());
        absolute
            .strip_prefix(&root)
            .unwrap_or(&absolute)
            .to_path_buf()
    }

    /// True when the configuration excludes this path from folder walks.
    pub fn excludes(&self, path: &Path) -> bool {
        self.exclude
            .as_ref()
            .is_some_and(|set| set.is_match(self.relative(path)))
    }

    /// The level `[[overrides]]` give a rule for a draft, if any (the last match wins).
    fn override_for(&self, draft: &Draft, rule: &str) -> Option<Level> {
        if self.overrides.is_empty() || draft.path == "stdin" {
            return None;
        }
        let relative = self.relative(Path::new(&draft.path));
        self.overrides
            .iter()
            .filter(|(set, _)| set.is_match(&relative))
            .filter_map(|(_, rules)| rules.get(rule).copied())
            .next_back()
    }

    /// Runs every enabled check on a draft, exceptions in the text accepted. `flags` are
    /// the command line's metadata.
    pub fn check(
        &self,
        draft: &Draft,
        flags: &FrontMatter,
        today: jiff::civil::Date,
    ) -> Result<Vec<Finding>, Problem> {
        self.check_with(draft, flags, today, CheckOptions::default())
    }

    pub fn check_with(
        &self,
        draft: &Draft,
        flags: &FrontMatter,
        today: jiff::civil::Date,
        options: CheckOptions,
    ) -> Result<Vec<Finding>, Problem> {
        self.check_draft(draft, flags, today, options)
            .map(|c| c.findings)
    }

    /// Runs every enabled check on a draft; with [`CheckOptions::personal_data`], also
    /// gives where the draft holds personal data, from the same pass: a rule that finds
    /// personal data runs once, for its findings and for the spans to mask (and, when
    /// it is switched off, for the spans alone).
    pub fn check_draft(
        &self,
        draft: &Draft,
        flags: &FrontMatter,
        today: jiff::civil::Date,
        options: CheckOptions,
    ) -> Result<Checked, Problem> {
        let front = flags.clone().or(&draft.front).or(&self.defaults);
        let meta = resolve_meta(&front, today).map_err(|m| Problem::file(&draft.path, m))?;
        self.check_ignores(draft, &meta)?;
        let cx = Context::new(draft, &meta, &self.policy);
        let mut findings = Vec::new();
        let mut personal = Vec::new();
        let mut diagnostics = Vec::new();
        let mut active = Vec::new();
        for c in &self.checks {
            let severity = match self.override_for(draft, c.rule.id) {
                Some(level) => level.severity(),
                None => c.settings.enabled.then_some(c.settings.severity),
            };
            let wants_spans = options.personal_data && c.rule.personal_data;
            if severity.is_none() && !wants_spans {
                continue;
            }
            diagnostics.clear();
            // A bug in one rule stops this draft loudly, not the whole run.
            let run = || c.check.check(&cx, &mut diagnostics);
            if let Err(panic) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(run)) {
                return Err(internal_error(&draft.path, c.rule.id, panic.as_ref()));
            }
            if wants_spans {
                personal.extend(diagnostics.iter().map(|d| d.span.clone()));
            }
            let Some(severity) = severity else { continue };
            active.push(c.rule.id);
            for d in diagnostics.drain(..) {
                findings.push(Finding {
                    rule: c.rule.id,
                    kind: d.kind,
                    // A milder form stays milder than the rule's level.
                    severity: d.severity.map_or(severity, |s| s.min(severity)),
                    span: d.span,
                    message: d.message,
                    help: d.help,
                    articles: if d.outside_policy {
                        Vec::new()
                    } else {
                        d.kind
                            .and_then(|k| c.settings.kind_articles.get(k))
                            .unwrap_or(&c.settings.articles)
                            .clone()
                    },
                    suppressed: None,
                });
            }
        }
        drop_repeated(&mut findings);
        crate::suppress::apply(
            draft,
            &meta,
            &mut findings,
            options.inline_ignores,
            &|rule| active.contains(&rule),
        );
        findings.sort_by(|a, b| a.span.start.cmp(&b.span.start).then(a.rule.cmp(b.rule)));
        personal.sort_by_key(|s| (s.start, s.end));
        Ok(Checked { findings, personal })
    }

    /// Where the draft holds personal data ([`Checked::personal`]); nothing when the
    /// draft cannot be checked.
    pub fn personal_data(
        &self,
        draft: &Draft,
        flags: &FrontMatter,
        today: jiff::civil::Date,
    ) -> Vec<std::ops::Range<usize>> {
        let options = CheckOptions {
            personal_data: true,
            ..CheckOptions::default()
        };
        self.check_draft(draft, flags, today, options)
            .map(|c| c.personal)
            .unwrap_or_default()
    }

    fn check_ignores(&self, draft: &Draft, meta: &Meta) -> Result<(), Problem> {
        for inline in &draft.inline_ignores {
            if checks::find(&inline.rule).is_none() {
                let help = crate::problem::did_you_mean(&inline.rule, checks::RULES.iter().map(|r| r.id))
                    .map(|s| format!("vouliez-vous dire « {s} » ?"))
                    .unwrap_or_else(|| "écrivez <!-- vigie-ignore RÈGLE: raison --> ; `vigie explain` donne la liste des règles".into());
                return Err(Problem::at(
                    &draft.path,
                    &draft.source,
                    inline.span.start,
                    format!(
                        "exception « vigie-ignore » pour une règle inconnue « {} »",
                        inline.rule
                    ),
                )
                .with_help(help));
            }
            if inline.reason.is_empty() {
                return Err(Problem::at(
                    &draft.path,
                    &draft.source,
                    inline.span.start,
                    "exception « vigie-ignore » sans raison",
                )
                .with_help(format!(
                    "écrivez la raison après deux-points : <!-- vigie-ignore {}: raison -->",
                    inline.rule
                )));
            }
        }
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

/// A problem with a rule's settings, pointed at the parameter at fault.
/// The problem a panic in a rule becomes: the draft is not checked, the others are.
fn internal_error(path: &str, rule: &str, panic: &(dyn std::any::Any + Send)) -> Problem {
    Problem::file(
        path,
        format!(
            "erreur interne de vigie dans la règle {rule} : {}",
            panic_message(panic)
        ),
    )
    .with_help(
        "ce brouillon n'a pas été vérifié, les autres fichiers l'ont été ; signalez \
         l'erreur avec le brouillon qui la provoque pour qu'elle soit corrigée",
    )
}

/// What a panic says, up to what it would quote of the draft ("when slicing `…`"): the
/// draft may hold the personal data `--redact` masks.
pub fn panic_message(payload: &(dyn std::any::Any + Send)) -> &str {
    let what = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("cause inconnue");
    what.split(['`', '\n'])
        .next()
        .unwrap_or_default()
        .trim_end()
}

fn build_problem(
    policy: &Policy,
    rule: &Rule,
    settings: &RuleSettings,
    e: checks::ParamError,
) -> Problem {
    let origin = settings
        .origins
        .get(&e.key)
        .or_else(|| settings.origins.values().next());
    let message = format!("règle « {} » : {}", rule.id, e.message);
    match origin {
        Some(o) => Problem {
            path: o.path.clone(),
            line: Some(o.line),
            column: Some(o.column),
            message,
            help: None,
        },
        None => Problem::file(&policy.id, message),
    }
}

/// A short official post with a little of everything the checks look at (digits, an
/// address, capitals, a link, an opinion), to compile their patterns before the first
/// real draft.
fn warm_up_draft() -> Option<(Draft, Meta)> {
    const SAMPLE: &str = "+++\naccount = \"official\"\n+++\nAVIS PUBLIC\nLa Ville vous invite au 12, rue Principale le \
        3 mai à 19 h ; info : 819 555-0100, info@exemple.ca, https://exemple.ca. Je pense que c'est une \
        bonne nouvelle pour nos jeunes ! 📷 Photo : équipe des loisirs.\n";
    let draft = Draft::parse(
        "warm-up.md",
        SAMPLE.to_string(),
        crate::draft::Format::Markdown,
    )
    .ok()?;
    let meta = resolve_meta(&draft.front, jiff::civil::date(2026, 1, 15)).ok()?;
    Some((draft, meta))
}

/// Compiles glob patterns validated when the configuration was read.
fn globs(patterns: &[String]) -> globset::GlobSet {
    let mut builder = globset::GlobSetBuilder::new();
    for p in patterns {
        if let Ok(g) = globset::Glob::new(p) {
            builder.add(g);
        }
    }
    builder
        .build()
        .unwrap_or_else(|_| globset::GlobSet::empty())
}

/// Applies the command line's rule levels to the resolved profile.
fn apply_levels(policy: &mut Policy, levels: &[(String, Level)]) {
    for (id, level) in levels {
        if let Some(settings) = policy.rules.get_mut(id) {
            match level.severity() {
                None => settings.enabled = false,
                Some(s) => {
                    settings.enabled = true;
                    settings.severity = s;
                }
            }
        }
    }
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
    /// Adds the counts of another part of the run.
    pub fn merge(&mut self, other: Summary) {
        self.files += other.files;
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.infos += other.infos;
    }

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

/// One finding per breach: a finding of a rule is dropped when a more specific rule
/// ([`checks::MORE_SPECIFIC`]) found the same words.
fn drop_repeated(findings: &mut Vec<Finding>) {
    let mut shadowed = vec![false; findings.len()];
    let mut done: Vec<&str> = Vec::new();
    for &(_, rule) in crate::checks::MORE_SPECIFIC {
        if done.contains(&rule) {
            continue;
        }
        done.push(rule);
        // The spans of the rules more specific than `rule`, by start, with the furthest
        // end so far: a finding of `rule` overlaps one of them when, among those that
        // start before it ends, one ends after it starts. A search per finding, not a
        // scan of every other finding (quadratic on a draft with thousands).
        let mut spans: Vec<(usize, usize)> = findings
            .iter()
            .filter(|g| crate::checks::MORE_SPECIFIC.contains(&(g.rule, rule)))
            .map(|g| (g.span.start, g.span.end))
            .collect();
        if spans.is_empty() {
            continue;
        }
        spans.sort_unstable();
        let furthest: Vec<usize> = spans
            .iter()
            .scan(0, |end, &(_, e)| {
                *end = e.max(*end);
                Some(*end)
            })
            .collect();
        for (f, shadow) in findings.iter().zip(&mut shadowed) {
            if f.rule == rule {
                let before = spans.partition_point(|&(s, _)| s < f.span.end);
                *shadow |= before > 0 && furthest[before - 1] > f.span.start;
            }
        }
    }
    let mut keep = shadowed.iter().map(|s| !s);
    findings.retain(|_| keep.next().unwrap_or(true));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draft::{Account, Format};

    /// The spans to mask as they were found before the main check gave them: every rule
    /// marked `personal_data`, enabled or not, run a second time on the draft.
    fn personal_data_apart(
        engine: &Engine,
        draft: &Draft,
        flags: &FrontMatter,
    ) -> Vec<std::ops::Range<usize>> {
        let front = flags.clone().or(&draft.front).or(&engine.defaults);
        let meta = resolve_meta(&front, jiff::civil::date(2026, 3, 2)).unwrap();
        let cx = Context::new(draft, &meta, &engine.policy);
        let mut diagnostics = Vec::new();
        for c in engine.checks.iter().filter(|c| c.rule.personal_data) {
            c.check.check(&cx, &mut diagnostics);
        }
        let mut spans: Vec<_> = diagnostics.into_iter().map(|d| d.span).collect();
        spans.sort_by_key(|s| (s.start, s.end));
        spans
    }

    #[test]
    fn the_main_check_gives_the_spans_to_mask_and_the_same_findings() {
        let posts = [
            "Pour le déneigement, appelez Jean chez lui au 819 555-1234.",
            "Écrivez-moi à jean.roy@gmail.com ou à loisirs@ville.lasarre.qc.ca ; mon NAS est 046 454 286.",
            "Je pense que la Ville gère mal le déneigement, écrivez-moi : marie.côté@ville.lasarre.qc.ca",
            "Mme Tremblay, née le 12 décembre 1987, habite au 45, rue des Pins, J9Z 1A1.",
            "Bonne semaine à tous : la piscine ouvre samedi.",
        ];
        let today = jiff::civil::date(2026, 3, 2);
        for profile in ["la-sarre", "drummondville", "cpe-premier-pas"] {
            for levels in [vec![], vec![("confidential-data".to_string(), Level::Off)]] {
                let choice = ProfileChoice {
                    profile: Some(profile.into()),
                    levels,
                    ..ProfileChoice::default()
                };
                let engine = Engine::load(&choice, None).unwrap();
                let mut spans = 0;
                for account in [Account::Personal, Account::Official] {
                    let flags = FrontMatter {
                        account: Some(account),
                        ..FrontMatter::default()
                    };
                    for post in posts {
                        let draft = Draft::parse("post.md", post.into(), Format::Markdown).unwrap();
                        let plain = engine.check(&draft, &flags, today).unwrap();
                        let options = CheckOptions {
                            personal_data: true,
                            ..CheckOptions::default()
                        };
                        let checked = engine.check_draft(&draft, &flags, today, options).unwrap();
                        assert_eq!(
                            format!("{:?}", checked.findings),
                            format!("{plain:?}"),
                            "{post}"
                        );
                        assert_eq!(
                            checked.personal,
                            personal_data_apart(&engine, &draft, &flags),
                            "{post}"
                        );
                        let without = engine
                            .check_draft(&draft, &flags, today, CheckOptions::default())
                            .unwrap();
                        assert!(without.personal.is_empty());
                        spans += checked.personal.len();
                    }
                }
                // Switched off or not, the rule still says what to mask.
                assert!(spans >= 10, "{profile}: {spans} spans");
            }
        }
    }
}
