//! Reading profile and configuration files: every key checked, every error collected
//! with its file, line and column, then the layers merged into a [`Policy`].
//!
//! Each top-level section and each rule is deserialized on its own from the spanned
//! TOML tree, so that one wrong key does not hide the next: a user fixes a broken file
//! in one round.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;
use serde::de::DeserializeOwned;
use toml::Spanned;
use toml::de::{DeTable, DeValue, ValueDeserializer};

use super::{
    Elections, Jurisdiction, Organization, Origin, Policy, RuleSettings, builtin, consents,
};
use crate::checks;
use crate::draft::FrontMatter;
use crate::finding::{Article, Level, Severity};
use crate::problem::{Problem, did_you_mean, translate_serde_message};
use crate::text::LineIndex;

/// What kind of file a layer comes from: the keys allowed differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LayerKind {
    /// A policy profile (`policies/*.toml`, `--policy FILE`).
    Profile,
    /// A project's `vigie.toml`.
    Config,
}

const PROFILE_KEYS: &[&str] = &[
    "id",
    "name",
    "title",
    "adopted",
    "jurisdiction",
    "extends",
    "organization",
    "articles",
    "rules",
];
const CONFIG_KEYS: &[&str] = &[
    "profile",
    "policy",
    "exclude",
    "defaults",
    "organization",
    "articles",
    "rules",
    "consents",
    "elections",
    "overrides",
];

/// One rule's settings as one file writes them.
#[derive(Debug, Clone, Default)]
pub struct RawRule {
    pub enabled: Option<bool>,
    pub severity: Option<Severity>,
    pub articles: Option<(Vec<String>, Origin)>,
    /// Articles for some kinds of finding only (`kind-articles = { phone = [...] }`).
    pub kind_articles: BTreeMap<String, (Vec<String>, Origin)>,
    pub params: toml::Table,
    pub origins: BTreeMap<String, Origin>,
}

/// One parsed file.
#[derive(Debug, Clone, Default)]
pub struct Layer {
    pub path: String,
    pub id: Option<String>,
    pub name: Option<String>,
    pub title: Option<String>,
    pub adopted: Option<String>,
    pub jurisdiction: Option<Jurisdiction>,
    pub extends: Option<(String, Origin)>,
    pub org: Organization,
    pub articles: BTreeMap<String, Article>,
    pub rules: BTreeMap<String, RawRule>,
    // Configuration only.
    pub profile: Option<(String, Origin)>,
    pub policy: Option<(String, Origin)>,
    pub exclude: Vec<String>,
    pub defaults: FrontMatter,
    /// The consent register's path, relative to this file's folder.
    pub consents: Option<(String, Origin)>,
    pub elections: Elections,
    /// Rule levels for some paths (`[[overrides]]`).
    pub overrides: Vec<Override>,
}

/// `[[overrides]]`: other rule levels for the drafts whose path matches.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Override {
    /// Glob patterns, relative to the configuration's folder.
    pub paths: Vec<String>,
    pub rules: BTreeMap<String, Level>,
    pub origin: Origin,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawOverride {
    paths: Vec<String>,
    rules: BTreeMap<String, Level>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawArticle {
    #[serde(rename = "ref")]
    reference: String,
    title: String,
    quote: String,
}

/// A reader for one file that collects problems as it goes.
struct Reader<'a> {
    path: &'a str,
    source: &'a str,
    lines: LineIndex,
    problems: Vec<Problem>,
}

impl Reader<'_> {
    fn origin(&self, offset: usize) -> Origin {
        let (line, column) = self.lines.position(self.source, offset);
        Origin {
            path: self.path.to_string(),
            line,
            column,
        }
    }

    fn problem(&mut self, offset: usize, message: String, help: Option<String>) {
        let (line, column) = self.lines.position(self.source, offset);
        self.problems.push(Problem {
            path: self.path.to_string(),
            line: Some(line),
            column: Some(column),
            message,
            help,
        });
    }

    fn error(&mut self, key: &str, fallback: usize, e: toml::de::Error) {
        let at = e.span().map(|s| s.start).unwrap_or(fallback);
        let (text, help) = translate_serde_message(e.message());
        self.problem(at, format!("« {key} » : {text}"), help);
    }

    /// Deserializes one value, recording the error if it does not fit.
    fn value<T: DeserializeOwned>(&mut self, key: &str, value: &Spanned<DeValue<'_>>) -> Option<T> {
        match T::deserialize(ValueDeserializer::from(value.clone())) {
            Ok(v) => Some(v),
            Err(e) => {
                self.error(key, value.span().start, e);
                None
            }
        }
    }

    fn table<'v, 'i>(
        &mut self,
        key: &str,
        value: &'v Spanned<DeValue<'i>>,
    ) -> Option<&'v DeTable<'i>> {
        let table = value.get_ref().as_table();
        if table.is_none() {
            self.problem(
                value.span().start,
                format!("« {key} » doit être une table ([{key}])"),
                None,
            );
        }
        table
    }
}

/// Parses one profile or configuration file. Returns what could be read and every
/// problem found.
pub fn parse_layer(path: &str, source: &str, kind: LayerKind) -> (Layer, Vec<Problem>) {
    let mut r = Reader {
        path,
        source,
        lines: LineIndex::new(source),
        problems: Vec::new(),
    };
    let mut layer = Layer {
        path: path.to_string(),
        ..Layer::default()
    };
    let (root, syntax) = DeTable::parse_recoverable(source);
    for e in syntax {
        let at = e.span().map(|s| s.start).unwrap_or(0);
        r.problem(
            at,
            format!("syntaxe TOML invalide : {}", e.message().trim()),
            Some("vérifiez les guillemets, les crochets et le signe = sur cette ligne".into()),
        );
    }
    let allowed = match kind {
        LayerKind::Profile => PROFILE_KEYS,
        LayerKind::Config => CONFIG_KEYS,
    };
    for (key, value) in root.get_ref().iter() {
        let name = key.get_ref().as_ref();
        let at = key.span().start;
        if !allowed.contains(&name) {
            let help = did_you_mean(name, allowed.iter().copied())
                .map(|s| format!("vouliez-vous dire « {s} » ?"))
                .or_else(|| Some(format!("clés permises : {}", allowed.join(", "))));
            r.problem(at, format!("clé inconnue « {name} »"), help);
            continue;
        }
        match name {
            "id" => layer.id = r.value(name, value),
            "name" => layer.name = r.value(name, value),
            "title" => layer.title = r.value(name, value),
            "adopted" => layer.adopted = r.value(name, value),
            "jurisdiction" => layer.jurisdiction = r.value(name, value),
            "extends" => {
                layer.extends = r
                    .value(name, value)
                    .map(|v| (v, r.origin(value.span().start)))
            }
            "profile" => {
                layer.profile = r
                    .value(name, value)
                    .map(|v| (v, r.origin(value.span().start)))
            }
            "policy" => {
                layer.policy = r
                    .value(name, value)
                    .map(|v| (v, r.origin(value.span().start)))
            }
            "exclude" => layer.exclude = r.value(name, value).unwrap_or_default(),
            "defaults" => layer.defaults = read_defaults(&mut r, value),
            "organization" => layer.org = r.value(name, value).unwrap_or_default(),
            "articles" => read_articles(&mut r, value, &mut layer.articles),
            "rules" => read_rules(&mut r, value, &mut layer.rules),
            "consents" => {
                layer.consents = r
                    .value(name, value)
                    .map(|v| (v, r.origin(value.span().start)))
            }
            "elections" => {
                let (elections, errors) = super::elections::read(value);
                for (at, message, help) in errors {
                    r.problem(at, message, help);
                }
                layer.elections = elections;
            }
            "overrides" => layer.overrides = read_overrides(&mut r, value),
            _ => unreachable!("every allowed key is handled"),
        }
    }
    let mut problems = r.problems;
    problems.sort_by_key(|p| (p.line, p.column));
    (layer, problems)
}

fn read_overrides(r: &mut Reader, value: &Spanned<DeValue<'_>>) -> Vec<Override> {
    let Some(raw) = r.value::<Vec<RawOverride>>("overrides", value) else {
        return Vec::new();
    };
    let items: Vec<_> = value
        .get_ref()
        .as_array()
        .map(|a| a.iter().collect())
        .unwrap_or_default();
    let mut out = Vec::new();
    for (i, o) in raw.into_iter().enumerate() {
        let at = items
            .get(i)
            .map(|v| v.span().start)
            .unwrap_or(value.span().start);
        for id in o.rules.keys() {
            if checks::find(id).is_none() {
                let help = did_you_mean(id, checks::RULES.iter().map(|r| r.id))
                    .map(|s| format!("vouliez-vous dire « {s} » ?"));
                r.problem(at, format!("« overrides » : règle inconnue « {id} »"), help);
            }
        }
        for p in &o.paths {
            if let Err(e) = globset::Glob::new(p) {
                r.problem(
                    at,
                    format!("« overrides » : motif invalide « {p} » ({})", e.kind()),
                    None,
                );
            }
        }
        if o.paths.is_empty() {
            r.problem(
                at,
                "« overrides » : « paths » est vide".into(),
                Some("donnez au moins un motif, par exemple \"archives/**\"".into()),
            );
        }
        out.push(Override {
            paths: o.paths,
            rules: o.rules,
            origin: r.origin(at),
        });
    }
    out
}

/// `[defaults]`: read key by key, as a draft's front matter, every mistake reported.
fn read_defaults(r: &mut Reader, value: &Spanned<DeValue<'_>>) -> FrontMatter {
    let Some(table) = r.table("defaults", value) else {
        return FrontMatter::default();
    };
    let (defaults, problems) = crate::draft::read_defaults(r.path, r.source, table);
    r.problems.extend(problems);
    defaults
}

fn read_articles(
    r: &mut Reader,
    value: &Spanned<DeValue<'_>>,
    out: &mut BTreeMap<String, Article>,
) {
    let Some(table) = r.table("articles", value) else {
        return;
    };
    for (key, article) in table.iter() {
        let name = key.get_ref().to_string();
        if let Some(a) = r.value::<RawArticle>(&format!("articles.{name}"), article) {
            for (field, text) in [
                ("ref", &a.reference),
                ("title", &a.title),
                ("quote", &a.quote),
            ] {
                if text.trim().is_empty() {
                    r.problem(
                        article.span().start,
                        format!("« articles.{name}.{field} » est vide"),
                        None,
                    );
                }
            }
            out.insert(
                name,
                Article {
                    reference: a.reference,
                    title: a.title,
                    quote: a.quote,
                },
            );
        }
    }
}

fn read_rules(r: &mut Reader, value: &Spanned<DeValue<'_>>, out: &mut BTreeMap<String, RawRule>) {
    let Some(table) = r.table("rules", value) else {
        return;
    };
    for (key, settings) in table.iter() {
        let id = key.get_ref().as_ref();
        let Some(rule) = checks::find(id) else {
            let help = did_you_mean(id, checks::RULES.iter().map(|r| r.id))
                .map(|s| format!("vouliez-vous dire « {s} » ?"))
                .or_else(|| Some("`vigie explain` donne la liste des règles".into()));
            r.problem(key.span().start, format!("règle inconnue « {id} »"), help);
            continue;
        };
        let section = format!("rules.{id}");
        let Some(settings) = r.table(&section, settings) else {
            continue;
        };
        let mut raw = RawRule::default();
        let mut params = DeTable::new();
        for (k, v) in settings.iter() {
            let field = format!("{section}.{}", k.get_ref());
            match k.get_ref().as_ref() {
                "enabled" => raw.enabled = r.value(&field, v),
                "severity" => raw.severity = r.value(&field, v),
                "articles" => {
                    raw.articles = r.value(&field, v).map(|a| (a, r.origin(v.span().start)))
                }
                "kind-articles" => {
                    let origin = r.origin(v.span().start);
                    let map: BTreeMap<String, Vec<String>> = r.value(&field, v).unwrap_or_default();
                    raw.kind_articles = map
                        .into_iter()
                        .map(|(k, a)| (k, (a, origin.clone())))
                        .collect();
                }
                other => {
                    raw.origins
                        .insert(other.to_string(), r.origin(k.span().start));
                    params.insert(k.clone(), v.clone());
                }
            }
        }
        let params = Spanned::new(key.span(), DeValue::Table(params));
        match (rule.validate)(ValueDeserializer::from(params.clone())) {
            Ok(()) => {
                raw.params =
                    toml::Table::deserialize(ValueDeserializer::from(params)).unwrap_or_default()
            }
            Err(e) => r.error(&section, key.span().start, e),
        }
        out.insert(id.to_string(), raw);
    }
}

/// Reads and parses a file as a layer: what could be read, and every problem. The path
/// is shown relative to the current folder when it lies below it.
pub fn read_layer(path: &Path, kind: LayerKind) -> (Option<Layer>, Vec<Problem>) {
    let display = display_path(path);
    let source = match crate::fsutil::read_config(path, crate::fsutil::MAX_CONFIG_BYTES) {
        Ok(s) => s,
        Err(message) => return (None, vec![Problem::file(&display, message)]),
    };
    let (layer, problems) = parse_layer(&display, &source, kind);
    (Some(layer), problems)
}

/// A path as the user would write it: relative to the current folder when below it.
pub fn display_path(path: &Path) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    path.strip_prefix(&cwd)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Where a profile comes from.
#[derive(Debug, Clone)]
pub enum ProfileSource {
    Builtin(String),
    File(PathBuf),
}

/// The most profiles one `extends` chain may hold.
const MAX_EXTENDS: usize = 16;

/// Loads a profile and the profiles it extends, base first, with every problem met on
/// the way: a broken layer is still read as far as it goes, so that all its errors and
/// those of the merge are reported at once.
pub fn load_chain(
    start: &ProfileSource,
    origin: Option<&Origin>,
    problems: &mut Vec<Problem>,
) -> Vec<Layer> {
    let mut chain = Vec::new();
    let mut seen: Vec<(PathBuf, String)> = Vec::new();
    let mut next = Some((start.clone(), origin.cloned()));
    while let Some((source, origin)) = next.take() {
        let (layer, mut found) = match &source {
            ProfileSource::Builtin(id) => {
                // Read when vigie was built: a built-in profile has no problem to report
                // (a test holds every one to what `parse_layer` reads from its text).
                let Some(layer) = builtin::layer(id) else {
                    problems.push(unknown_profile(id, origin.as_ref()));
                    break;
                };
                (Some(layer), Vec::new())
            }
            ProfileSource::File(path) => read_layer(path, LayerKind::Profile),
        };
        problems.append(&mut found);
        let Some(layer) = layer else { break };
        // A file is known by its canonical path: `d1/x.toml` and `d2/../d1/x.toml` are one.
        let (key, shown) = match &source {
            ProfileSource::Builtin(id) => (PathBuf::from(format!("<{id}>")), id.clone()),
            ProfileSource::File(p) => (
                std::fs::canonicalize(p).unwrap_or_else(|_| p.clone()),
                layer.path.clone(),
            ),
        };
        if let Some(first) = seen.iter().position(|(k, _)| *k == key) {
            let names: Vec<&str> = seen[first..].iter().map(|(_, s)| s.as_str()).collect();
            let message = format!(
                "« extends » forme une boucle : {} → {shown}",
                names.join(" → ")
            );
            problems.push(at_origin(origin.as_ref(), &layer.path, message));
            break;
        }
        if seen.len() >= MAX_EXTENDS {
            let message = format!("« extends » enchaîne plus de {MAX_EXTENDS} profils");
            problems.push(at_origin(origin.as_ref(), &layer.path, message));
            break;
        }
        seen.push((key, shown));
        if let Some((parent, o)) = &layer.extends {
            let src = if parent.ends_with(".toml") {
                let base = match &source {
                    ProfileSource::File(p) => p.parent().map(Path::to_path_buf).unwrap_or_default(),
                    ProfileSource::Builtin(_) => PathBuf::new(),
                };
                ProfileSource::File(base.join(parent))
            } else {
                ProfileSource::Builtin(parent.clone())
            };
            next = Some((src, Some(o.clone())));
        }
        chain.push(layer);
    }
    chain.reverse();
    chain
}

fn at_origin(origin: Option<&Origin>, path: &str, message: String) -> Problem {
    match origin {
        Some(o) => Problem {
            path: o.path.clone(),
            line: Some(o.line),
            column: Some(o.column),
            message,
            help: None,
        },
        None => Problem::file(path, message),
    }
}

/// Article keys waiting for every layer's articles to be known.
fn placeholders(keys: &[String]) -> Vec<Arc<Article>> {
    keys.iter()
        .map(|k| {
            Arc::new(Article {
                reference: k.clone(),
                title: String::new(),
                quote: String::new(),
            })
        })
        .collect()
}

/// The error for a profile id that is not built in, with the closest one.
pub fn unknown_profile(id: &str, origin: Option<&Origin>) -> Problem {
    let ids: Vec<&str> = builtin::PROFILES.iter().map(|(id, _)| *id).collect();
    let help = match did_you_mean(id, ids.iter().copied()) {
        Some(s) => format!(
            "vouliez-vous dire « {s} » ? Profils intégrés : {}",
            ids.join(", ")
        ),
        None => format!(
            "profils intégrés : {} (voir `vigie profiles`)",
            ids.join(", ")
        ),
    };
    let problem = at_origin(origin, "--profile", format!("profil inconnu « {id} »"));
    problem.with_help(help)
}

/// Merges the layers, base first, into a policy; checks that every article a rule
/// cites exists and that the profile names itself.
pub fn resolve(layers: &[Layer], require_identity: bool) -> Result<Policy, Vec<Problem>> {
    let mut problems = Vec::new();
    let mut policy = Policy {
        id: String::new(),
        name: String::new(),
        title: String::new(),
        adopted: None,
        jurisdiction: Jurisdiction::default(),
        org: Organization::default(),
        articles: BTreeMap::new(),
        rules: BTreeMap::new(),
        elections: Elections::default(),
        consents: Vec::new(),
    };
    let mut cited: BTreeMap<String, Option<Origin>> = BTreeMap::new();
    for layer in layers {
        let set = |slot: &mut String, v: &Option<String>| {
            if let Some(v) = v {
                slot.clone_from(v);
            }
        };
        set(&mut policy.id, &layer.id);
        set(&mut policy.name, &layer.name);
        set(&mut policy.title, &layer.title);
        if layer.adopted.is_some() {
            policy.adopted.clone_from(&layer.adopted);
        }
        if let Some(j) = layer.jurisdiction {
            policy.jurisdiction = j;
        }
        policy.org.extend(&layer.org);
        policy.elections.extend(&layer.elections);
        if let Some((file, origin)) = &layer.consents {
            let base = Path::new(&layer.path).parent().unwrap_or(Path::new(""));
            match consents::load(&base.join(file), origin) {
                Ok(records) => policy.consents = records,
                Err(ps) => problems.extend(ps),
            }
        }
        for (key, article) in &layer.articles {
            policy
                .articles
                .insert(key.clone(), Arc::new(article.clone()));
        }
        for (id, raw) in &layer.rules {
            let entry = policy
                .rules
                .entry(id.clone())
                .or_insert_with(|| RuleSettings {
                    enabled: true,
                    severity: Severity::Warning,
                    articles: Vec::new(),
                    kind_articles: BTreeMap::new(),
                    params: toml::Table::new(),
                    origins: BTreeMap::new(),
                });
            if let Some(e) = raw.enabled {
                entry.enabled = e;
            }
            if let Some(s) = raw.severity {
                entry.severity = s;
            }
            for (k, v) in &raw.params {
                entry.params.insert(k.clone(), v.clone());
            }
            entry.origins.extend(raw.origins.clone());
            if let Some((keys, origin)) = &raw.articles {
                cited.insert(id.clone(), Some(origin.clone()));
                // Resolved below, once every layer's articles are known.
                entry.articles = placeholders(keys);
            }
            for (kind, (keys, origin)) in &raw.kind_articles {
                cited.insert(format!("{id}/{kind}"), Some(origin.clone()));
                entry.kind_articles.insert(kind.clone(), placeholders(keys));
            }
        }
    }
    for (id, settings) in policy.rules.iter_mut() {
        let lists = std::iter::once((id.clone(), &mut settings.articles)).chain(
            settings
                .kind_articles
                .iter_mut()
                .map(|(kind, list)| (format!("{id}/{kind}"), list)),
        );
        for (cite, list) in lists {
            for article in list.iter_mut() {
                let key = article.reference.clone();
                match policy.articles.get(&key) {
                    Some(a) => *article = a.clone(),
                    None => {
                        let origin = cited.get(&cite).cloned().flatten();
                        let help = did_you_mean(&key, policy.articles.keys().map(String::as_str))
                            .map(|s| format!("vouliez-vous dire « {s} » ?"))
                            .unwrap_or_else(|| {
                                "ajoutez l'article dans [articles] ou retirez-le de la liste".into()
                            });
                        problems.push(
                            at_origin(
                                origin.as_ref(),
                                layers.last().map(|l| l.path.as_str()).unwrap_or(""),
                                format!("la règle « {cite} » cite l'article « {key} », qui n'existe pas dans ce profil"),
                            )
                            .with_help(help),
                        );
                    }
                }
            }
        }
    }
    let first = layers.first().map(|l| l.path.clone()).unwrap_or_default();
    let identity = if require_identity {
        vec![
            ("id", &policy.id),
            ("name", &policy.name),
            ("title", &policy.title),
        ]
    } else {
        Vec::new()
    };
    for (key, value) in identity {
        if value.is_empty() {
            problems.push(
                Problem::file(&first, format!("le profil n'a pas de « {key} »"))
                    .with_help("ajoutez-le en tête du fichier, ou partez d'un profil intégré avec extends = \"la-sarre\""),
            );
        }
    }
    if problems.is_empty() {
        Ok(policy)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_error_is_reported_at_once_with_positions() {
        let src = "id = \"x\"\nnaem = \"X\"\n[rules.shoutin]\nenabled = true\n[rules.shouting]\nseverity = \"fatal\"\n";
        let (_, problems) = parse_layer("p.toml", src, LayerKind::Profile);
        assert_eq!(problems.len(), 3, "{problems:#?}");
        assert_eq!(problems[0].line, Some(2));
        assert_eq!(
            problems[0].help.as_deref(),
            Some("vouliez-vous dire « name » ?")
        );
        assert_eq!(problems[1].line, Some(3));
        assert_eq!(
            problems[1].help.as_deref(),
            Some("vouliez-vous dire « shouting » ?")
        );
        assert_eq!(problems[2].line, Some(6));
    }

    /// The layers the build script wrote are those the run's reader reads from the
    /// profiles' text, which has no problem: what the build cannot check.
    #[test]
    fn builtin_layers_are_their_profiles() {
        for (id, text) in builtin::PROFILES {
            let path = format!("<profil intégré {id}>");
            let (read, problems) = parse_layer(&path, text, LayerKind::Profile);
            assert!(problems.is_empty(), "{id}: {problems:?}");
            let built = builtin::layer(id).unwrap();
            assert_eq!(format!("{read:#?}"), format!("{built:#?}"), "{id}");
        }
        assert!(builtin::layer("la-sare").is_none());
    }

    #[test]
    fn unknown_parameter_of_a_rule_is_located() {
        let src = "[rules.shouting]\nmin-wordz = 3\n";
        let (_, problems) = parse_layer("p.toml", src, LayerKind::Profile);
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(2), "{problems:#?}");
        assert!(problems[0].message.contains("min-wordz"));
    }

    #[test]
    fn missing_article_is_reported() {
        let src =
            "id = \"x\"\nname = \"X\"\ntitle = \"T\"\n[rules.shouting]\narticles = [\"nope\"]\n";
        let (layer, problems) = parse_layer("p.toml", src, LayerKind::Profile);
        assert!(problems.is_empty());
        let err = resolve(&[layer], true).unwrap_err();
        assert_eq!(err.len(), 1);
        assert_eq!(err[0].line, Some(5));
    }

    #[test]
    fn extends_merges_parameters_over_the_base() {
        let mut problems = Vec::new();
        let chain = load_chain(
            &ProfileSource::Builtin("la-sarre".into()),
            None,
            &mut problems,
        );
        assert!(problems.is_empty());
        let (child, problems) = parse_layer(
            "c.toml",
            "extends = \"la-sarre\"\nid = \"c\"\n[rules.shouting]\nseverity = \"error\"\n",
            LayerKind::Profile,
        );
        assert!(problems.is_empty());
        let mut layers = chain;
        layers.push(child);
        let policy = resolve(&layers, true).unwrap();
        assert_eq!(policy.id, "c");
        assert_eq!(policy.name, "Ville de La Sarre");
        let shouting = policy.rule("shouting").unwrap();
        assert_eq!(shouting.severity, Severity::Error);
        assert!(!shouting.articles.is_empty());
    }

    #[test]
    fn kind_articles_narrow_the_articles_of_a_kind() {
        let policy = crate::load_builtin_policy("la-sarre").unwrap();
        let rule = policy.rule("confidential-data").unwrap();
        let refs = |list: &[Arc<Article>]| list.iter().map(|a| a.quote.clone()).collect::<Vec<_>>();
        assert!(
            refs(&rule.kind_articles["case-number"])
                .iter()
                .any(|q| q.contains("dossier particulier"))
        );
        assert!(
            !refs(&rule.articles)
                .iter()
                .any(|q| q.contains("dossier particulier"))
        );
        let (layer, problems) = parse_layer(
            "p.toml",
            "id = \"x\"\nname = \"X\"\ntitle = \"T\"\n[rules.shouting]\nkind-articles = { a = [\"nope\"] }\n",
            LayerKind::Profile,
        );
        assert!(problems.is_empty(), "{problems:?}");
        let err = resolve(&[layer], true).unwrap_err();
        assert_eq!(err[0].line, Some(5));
        assert!(err[0].message.contains("shouting/a"), "{}", err[0].message);
    }

    #[test]
    fn config_keys_differ_from_profile_keys() {
        let (_, problems) =
            parse_layer("vigie.toml", "profile = \"la-sarre\"\n", LayerKind::Config);
        assert!(problems.is_empty());
        let (_, problems) = parse_layer("p.toml", "profile = \"la-sarre\"\n", LayerKind::Profile);
        assert_eq!(problems.len(), 1);
    }

    #[test]
    fn elections_and_consents_are_read_from_the_configuration() {
        let dir = std::env::temp_dir().join(format!("vigie-consents-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("consents.toml"),
            "[[consent]]\npath = \"photos/*.jpg\"\nwho = \"Équipe du camp\"\nuntil = 2025-12-31\n",
        )
        .unwrap();
        let config = dir.join("vigie.toml");
        std::fs::write(
            &config,
            "profile = \"la-sarre\"\nconsents = \"consents.toml\"\n[elections]\nby-elections = [2026-03-15]\ncandidates = [\"Marie Côté\"]\n",
        )
        .unwrap();
        let layers = config_layers(&config);
        let policy = resolve(&layers, true).unwrap();
        assert_eq!(policy.elections.candidates, ["Marie Côté"]);
        assert_eq!(
            policy.elections.by_elections[0].polling_day,
            jiff::civil::date(2026, 3, 15)
        );
        assert!(
            policy
                .consent_for("photos/a.jpg", jiff::civil::date(2025, 6, 1))
                .is_some()
        );
        assert!(
            policy
                .consent_for("photos/a.jpg", jiff::civil::date(2026, 6, 1))
                .is_none()
        );

        std::fs::write(dir.join("consents.toml"), "[[consent]]\npath = \"a.jpg\"\n").unwrap();
        let layers = config_layers(&config);
        let problems = resolve(&layers, true).unwrap_err();
        assert_eq!(problems.len(), 1);
        assert!(problems[0].path.ends_with("consents.toml"), "{problems:?}");
        assert_eq!(problems[0].line, Some(1));

        std::fs::remove_file(dir.join("consents.toml")).unwrap();
        let layers = config_layers(&config);
        let problems = resolve(&layers, true).unwrap_err();
        assert!(problems[0].path.ends_with("vigie.toml"), "{problems:?}");
        assert_eq!((problems[0].line, problems[0].column), (Some(2), Some(12)));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    /// The la-sarre chain with a configuration layer on top.
    fn config_layers(config: &Path) -> Vec<Layer> {
        let (layer, problems) = read_layer(config, LayerKind::Config);
        assert!(problems.is_empty(), "{problems:?}");
        let mut problems = Vec::new();
        let mut layers = load_chain(
            &ProfileSource::Builtin("la-sarre".into()),
            None,
            &mut problems,
        );
        assert!(problems.is_empty(), "{problems:?}");
        layers.push(layer.unwrap());
        layers
    }

    #[test]
    fn elections_are_not_a_profile_key() {
        let (_, problems) = parse_layer(
            "p.toml",
            "[elections]\ncandidates = []\n",
            LayerKind::Profile,
        );
        assert_eq!(problems.len(), 1);
        let (_, problems) = parse_layer(
            "vigie.toml",
            "[elections]\nby-elections = [\"demain\"]\n",
            LayerKind::Config,
        );
        assert_eq!(problems.len(), 1);
        assert_eq!(problems[0].line, Some(2));
    }
}
