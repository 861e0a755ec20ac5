//! The subcommands: `check`, `profiles`, `explain`, `init`. Each returns the exit status.

use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::checks;
use crate::cli::{CheckArgs, OutputFormat};
use crate::draft::{DateText, Draft, Format, FrontMatter};
use crate::engine::{self, CheckOptions, Engine, ProfileChoice, Summary};
use crate::finding::{Level, Severity};
use crate::fix::{self, Fixes, Outcome};
use crate::inputs::{self, Input};
use crate::policy::builtin;
use crate::problem::{Problem, did_you_mean};
use crate::report::{self, FileReport, Report};
use crate::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};

/// From this many drafts, the rules' patterns are compiled up front on all cores (see
/// [`Engine::warm_up`]); below, each compiles when a draft first needs it, so that a
/// hook checking one post pays only for what it holds.
const WARM_UP_MIN_DRAFTS: usize = 32;

pub fn check(args: &CheckArgs, color: bool) -> i32 {
    let flags = FrontMatter {
        account: args.account,
        author: args.author,
        platform: args.platform,
        publish_at: args.date.clone().map(DateText),
        ..FrontMatter::default()
    };
    if let Some(Err(message)) = flags.publish_at.as_ref().map(DateText::parse) {
        return usage(&format!("--date : {message}"));
    }
    let paths = if args.paths.is_empty() {
        if std::io::stdin().is_terminal() {
            return usage(
                "indiquez un brouillon à vérifier : vigie check --profile ID brouillon.md (ou « - » pour l'entrée standard)",
            );
        }
        vec!["-".to_string()]
    } else {
        args.paths.clone()
    };
    let levels = match rule_levels(args) {
        Ok(l) => l,
        Err(message) => return usage(&message),
    };
    let deny_warnings = args.deny.iter().any(|d| d == "warnings");
    let options = CheckOptions {
        inline_ignores: !args.no_inline_ignores,
    };
    let choice = ProfileChoice {
        profile: args.profile.clone(),
        policy: args.policy.clone(),
        levels,
    };
    let today = crate::today::today();
    let (inputs, mut problems) = inputs::collect(&paths);
    if let Some(message) = args
        .output_file
        .as_deref()
        .and_then(|out| overwrites_input(out, &inputs))
    {
        return usage(&message);
    }
    let mut engines: HashMap<Option<PathBuf>, Option<Arc<Engine>>> = HashMap::new();
    let mut first_engine: Option<Arc<Engine>> = None;
    let mut files = Vec::new();
    let mut summary = Summary::default();
    let mut fixes = Fixes::default();
    let cwd = std::env::current_dir().unwrap_or_default();
    // Which engine checks which draft: sequential, one configuration lookup per folder.
    let mut configs: HashMap<PathBuf, Option<PathBuf>> = HashMap::new();
    let mut jobs: Vec<(&Input, Arc<Engine>)> = Vec::with_capacity(inputs.len());
    // A walk gives the files of a folder one after the other: they share its engine.
    let mut last: Option<(&Path, Option<Arc<Engine>>)> = None;
    for input in &inputs {
        let parent = match input {
            Input::File { path, .. } => path.parent(),
            Input::Stdin => None,
        };
        let engine = match (&last, parent) {
            (Some((dir, engine)), Some(parent)) if *dir == parent => engine.clone(),
            _ => {
                let dir = match input {
                    Input::Stdin => cwd.clone(),
                    Input::File { path, .. } => std::path::absolute(path)
                        .ok()
                        .and_then(|p| p.parent().map(Path::to_path_buf))
                        .unwrap_or_else(|| cwd.clone()),
                };
                let config = configs
                    .entry(dir.clone())
                    .or_insert_with(|| engine::find_config(&dir))
                    .clone();
                let engine = engine_for(config, &choice, &mut engines, &mut problems);
                last = parent.map(|p| (p, engine.clone()));
                engine
            }
        };
        let Some(engine) = engine else {
            continue;
        };
        first_engine.get_or_insert_with(|| engine.clone());
        // Exclusions apply to the files found in a folder; to named files too with
        // --force-exclude (a CI job or a hook names the files it was given).
        if let Input::File { path, walked } = input
            && (*walked || args.force_exclude)
            && engine.excludes(path)
        {
            continue;
        }
        jobs.push((input, engine));
    }
    if jobs.is_empty() && problems.is_empty() && !args.allow_empty {
        problems.push(nothing_to_check(&paths));
    }
    // Many drafts: compile the patterns of the rules on all cores before they start.
    if jobs.len() >= WARM_UP_MIN_DRAFTS {
        for engine in engines.values().flatten() {
            engine.warm_up();
        }
    }
    let redact = redact(args);
    // The drafts themselves, results kept in the order of the inputs. Every problem of a
    // draft's front matter at once; with --fix, each draft is written back as soon as it
    // is checked.
    let check_one = |(input, engine): &(&Input, Arc<Engine>)| {
        let name = input.display();
        let draft = inputs::read(input)
            .map_err(|p| vec![p])
            .and_then(|s| Draft::parse_all(&name, s, Format::for_path(&name)))?;
        let findings = engine
            .check_with(&draft, &flags, today, options)
            .map_err(|p| vec![p])?;
        let (draft, findings, outcome) = if args.fix {
            let recheck = |d: &Draft| engine.check_with(d, &flags, today, options);
            fix::apply(engine, input, (draft, findings), &recheck)
        } else {
            (draft, findings, Outcome::default())
        };
        let personal = if redact {
            engine.personal_data(&draft, &flags, today)
        } else {
            Vec::new()
        };
        let file = FileReport {
            draft,
            findings,
            personal,
        };
        Ok((file, outcome))
    };
    // One draft (a hook, an editor) does not start a thread pool.
    let results: Vec<Result<(FileReport, Outcome), Vec<Problem>>> = if jobs.len() > 1 {
        jobs.par_iter().map(check_one).collect()
    } else {
        jobs.iter().map(check_one).collect()
    };
    for ((input, _), result) in jobs.iter().zip(results) {
        match result {
            Ok((file, _)) if is_empty_stdin(input, &file.draft) && !args.allow_empty => {
                problems.push(nothing_to_check(&paths));
            }
            Ok((file, outcome)) => {
                fixes.record(outcome, &mut problems);
                summary.add(&file.findings);
                files.push(file);
            }
            Err(ps) => problems.extend(ps),
        }
    }
    if first_engine.is_none() && engines.is_empty() {
        // No draft reached an engine: still check the profile, for its errors and the report.
        first_engine = engine_for(
            engine::find_config(&cwd),
            &choice,
            &mut engines,
            &mut problems,
        );
    }
    let policy = first_engine.as_ref().map(|e| &e.policy);
    let render = |format: OutputFormat, report: &Report<'_>| match format {
        OutputFormat::Human => report::human::render(report, color),
        OutputFormat::Json => report::json::render(report),
        OutputFormat::Sarif => report::sarif::render(report),
        OutputFormat::Github => report::github::render(report),
    };
    // With --output-file, the chosen format goes to the file and people read the human
    // report; otherwise the chosen format goes to standard output.
    let screen_format = if args.output_file.is_some() {
        OutputFormat::Human
    } else {
        args.format
    };
    if let Some(path) = &args.output_file {
        let report = Report {
            policy,
            files: &files,
            problems: &problems,
            summary,
            redact,
        };
        let text = render(args.format, &report);
        if let Err(e) = crate::fsutil::write_atomically(path, text.as_bytes()) {
            problems.push(Problem::file(
                path.display().to_string(),
                format!(
                    "impossible d'écrire le rapport : {}",
                    crate::io_error_fr(&e)
                ),
            ));
        }
    }
    let report = Report {
        policy,
        files: &files,
        problems: &problems,
        summary,
        redact,
    };
    // Problems go to standard error whatever the format: a CI log shows why the run
    // failed even when the machine-readable report goes to a file or another program.
    let mut stderr = std::io::stderr().lock();
    for p in &problems {
        let _ = writeln!(stderr, "{}", report::human::problem(p, color));
    }
    drop(stderr);
    let out = render(screen_format, &report);
    let written = if let Some(post) = &fixes.stdout {
        // --fix on standard input: the post on standard output, the report beside it.
        let _ = std::io::stderr().write_all(out.as_bytes());
        crate::write_stdout(post.as_bytes())
    } else {
        crate::write_stdout(out.as_bytes())
    };
    for note in &fixes.notes {
        eprintln!("vigie : {note}");
    }
    if !problems.is_empty() || !written {
        return EXIT_ERROR;
    }
    let failing = |s: Severity| s == Severity::Error || (s == Severity::Warning && deny_warnings);
    let fails = files
        .iter()
        .flat_map(|f| &f.findings)
        .any(|f| f.suppressed.is_none() && failing(f.severity));
    // The process ends here: freeing the compiled rules and every checked draft would
    // only add to the time a pre-commit hook or a CI job waits.
    std::mem::forget(engines);
    std::mem::forget(files);
    if fails { EXIT_FINDINGS } else { EXIT_CLEAN }
}

/// The message when `--output-file` names one of the drafts to check: the report
/// would replace the draft.
fn overwrites_input(output: &Path, inputs: &[Input]) -> Option<String> {
    let output = std::fs::canonicalize(output).ok()?;
    inputs.iter().find_map(|input| match input {
        Input::File { path, .. } if std::fs::canonicalize(path).ok()? == output => Some(format!(
            "--output-file : « {} » est un brouillon à vérifier, le rapport le remplacerait ; choisissez un autre fichier (vigie.sarif, rapport.json…)",
            path.display()
        )),
        _ => None,
    })
}

/// True for standard input that held nothing (or only blanks): nothing was piped.
fn is_empty_stdin(input: &Input, draft: &Draft) -> bool {
    *input == Input::Stdin && draft.source.trim().is_empty()
}

/// No draft at all: an error, so that an empty folder or an empty pipe in CI does not
/// pass for an all-clear.
fn nothing_to_check(paths: &[String]) -> Problem {
    let (path, message) = if paths == ["-"] {
        (
            "stdin".to_string(),
            "l'entrée standard est vide : aucun brouillon à vérifier",
        )
    } else {
        (
            paths.join(" "),
            "aucun brouillon à vérifier (fichiers .md, .markdown ou .txt, hors exclusions du vigie.toml)",
        )
    };
    Problem::file(path, message).with_help(
        "vérifiez le chemin ou le texte envoyé ; si une vérification sans brouillon est normale, ajoutez --allow-empty",
    )
}

/// Whether reports mask personal data: `--redact`, or by default in the formats made
/// for CI and whenever the `CI` variable is set (CI logs keep what they print), for every
/// format; `--no-redact` shows everything.
fn redact(args: &CheckArgs) -> bool {
    let in_ci = std::env::var_os("CI").is_some_and(|v| !v.is_empty() && v != "false");
    args.redact || ((args.format.is_ci() || in_ci) && !args.no_redact)
}

/// `--deny`, `--warn`, `--allow` as rule levels, in that order; an unknown rule is a
/// usage error.
fn rule_levels(args: &CheckArgs) -> Result<Vec<(String, Level)>, String> {
    let mut levels = Vec::new();
    let groups = [
        (&args.deny, Level::Error, "--deny"),
        (&args.warn, Level::Warning, "--warn"),
        (&args.allow, Level::Off, "--allow"),
    ];
    for (ids, level, flag) in groups {
        for id in ids
            .iter()
            .filter(|id| !(flag == "--deny" && *id == "warnings"))
        {
            if checks::find(id).is_none() {
                let hint = did_you_mean(id, checks::RULES.iter().map(|r| r.id))
                    .map(|s| format!(" ; vouliez-vous dire « {s} » ?"))
                    .unwrap_or_else(|| " ; `vigie explain` donne la liste des règles".into());
                return Err(format!("{flag} : règle inconnue « {id} »{hint}"));
            }
            levels.push((id.clone(), level));
        }
    }
    Ok(levels)
}

fn engine_for(
    config: Option<PathBuf>,
    choice: &ProfileChoice,
    engines: &mut HashMap<Option<PathBuf>, Option<Arc<Engine>>>,
    problems: &mut Vec<Problem>,
) -> Option<Arc<Engine>> {
    engines
        .entry(config.clone())
        .or_insert_with(|| match Engine::load(choice, config.as_deref()) {
            Ok(e) => Some(Arc::new(e)),
            Err(ps) => {
                problems.extend(ps);
                None
            }
        })
        .clone()
}

fn usage(message: &str) -> i32 {
    eprintln!("vigie : {message}");
    EXIT_ERROR
}

pub fn profiles() -> i32 {
    let mut out = String::from("Profils intégrés (vigie check --profile ID) :\n\n");
    for (id, _) in builtin::PROFILES {
        match crate::load_builtin_policy(id) {
            Ok(p) => {
                let on: Vec<&str> = checks::RULES
                    .iter()
                    .filter(|r| p.rule(r.id).is_some_and(|s| s.enabled))
                    .map(|r| r.id)
                    .collect();
                out.push_str(&format!("  {id:<22}{} — {}\n", p.name, p.title));
                if let Some(a) = &p.adopted {
                    out.push_str(&format!("  {:<22}adoptée : {a}\n", ""));
                }
                out.push_str(&format!(
                    "  {:<22}règles : {}\n\n",
                    "",
                    if on.is_empty() {
                        "aucune".into()
                    } else {
                        on.join(", ")
                    }
                ));
            }
            Err(ps) => {
                for p in ps {
                    eprintln!("{p}");
                }
                return EXIT_ERROR;
            }
        }
    }
    crate::emit(&out, EXIT_CLEAN)
}

pub fn explain(rule: Option<&str>, profile: Option<&str>) -> i32 {
    let Some(id) = rule else {
        let out = match profile.map(crate::load_builtin_policy) {
            None => {
                let mut out = String::from("Règles (vigie explain RÈGLE pour le détail) :\n\n");
                for r in checks::RULES {
                    out.push_str(&format!("  {:<27}{}\n", r.id, r.name));
                }
                out
            }
            Some(Ok(policy)) => profile_rules(&policy),
            Some(Err(ps)) => {
                for p in ps {
                    eprintln!("{p}");
                }
                return EXIT_ERROR;
            }
        };
        return crate::emit(&out, EXIT_CLEAN);
    };
    let Some(rule) = checks::find(id) else {
        let hint = did_you_mean(id, checks::RULES.iter().map(|r| r.id))
            .map(|s| format!(" ; vouliez-vous dire « {s} » ?"))
            .unwrap_or_else(|| " ; `vigie explain` donne la liste des règles".into());
        return usage(&format!("règle inconnue « {id} »{hint}"));
    };
    let mut out = format!("{} — {}\n\n{}\n", rule.id, rule.name, rule.doc);
    if let Some(pid) = profile {
        let policy = match crate::load_builtin_policy(pid) {
            Ok(p) => p,
            Err(ps) => {
                for p in ps {
                    eprintln!("{p}");
                }
                return EXIT_ERROR;
            }
        };
        out.push_str(&format!(
            "\nDans le profil {} ({}, {}) :\n",
            policy.id, policy.name, policy.title
        ));
        match policy.rule(rule.id).filter(|s| s.enabled) {
            None => out.push_str(
                "  règle désactivée : la politique de l'organisation ne traite pas de ce sujet.\n",
            ),
            Some(s) => {
                out.push_str(&format!(
                    "  règle activée, niveau : {}\n",
                    s.severity.french()
                ));
                for a in &s.articles {
                    out.push_str(&format!(
                        "\n  {} — {}\n  « {} »\n",
                        report::article_label(a),
                        a.title,
                        a.quote
                    ));
                }
                if let Some(extra) = (rule.explain_profile)(&policy, crate::today::today()) {
                    out.push_str(&format!("\n{extra}\n"));
                }
                if !s.params.is_empty() {
                    out.push_str("\n  Réglages :\n");
                    for (k, v) in &s.params {
                        out.push_str(&format!("    {k} = {v}\n"));
                    }
                }
            }
        }
    }
    crate::emit(&out, EXIT_CLEAN)
}

/// The rules of a profile: each with its level and the articles behind it, or off.
fn profile_rules(policy: &crate::policy::Policy) -> String {
    let mut out = format!(
        "Règles du profil {} ({}, {}) ; vigie explain RÈGLE --profile {} pour le détail :\n",
        policy.id, policy.name, policy.title, policy.id
    );
    let mut off = Vec::new();
    for r in checks::RULES {
        let Some(s) = policy.rule(r.id).filter(|s| s.enabled) else {
            off.push(r.id);
            continue;
        };
        out.push_str(&format!(
            "\n  {} — {} : {}\n",
            r.id,
            r.name,
            s.severity.french()
        ));
        for a in &s.articles {
            out.push_str(&format!(
                "    {} ({}) : « {} »\n",
                report::article_label(a),
                a.title,
                a.quote
            ));
        }
    }
    if !off.is_empty() {
        out.push_str(&format!(
            "\nDésactivées (la politique n'en traite pas) : {}.\n",
            off.join(", ")
        ));
    }
    out
}

/// Writes the commented `vigie.toml` of a profile. Without a profile, lists the
/// profiles to choose from: picking one for the user would check drafts against
/// another organisation's policy.
pub fn init(profile: Option<&str>, force: bool) -> i32 {
    let path = Path::new(engine::CONFIG_FILE);
    let Some(id) = profile else {
        let mut message = String::from(
            "vigie : choisissez le profil de votre organisation : vigie init --profile ID\n",
        );
        for (id, _) in builtin::PROFILES {
            let name = crate::load_builtin_policy(id)
                .map(|p| p.name)
                .unwrap_or_default();
            message.push_str(&format!("  {id:<22}{name}\n"));
        }
        eprint!("{message}");
        return EXIT_ERROR;
    };
    if path.exists() && !force {
        return usage("un vigie.toml existe déjà ici ; ajoutez --force pour le remplacer");
    }
    if builtin::source(id).is_none() {
        let p = crate::policy::load::unknown_profile(id, None);
        eprintln!("{p}");
        return EXIT_ERROR;
    }
    let policy = match crate::load_builtin_policy(id) {
        Ok(p) => p,
        Err(ps) => {
            for p in ps {
                eprintln!("{p}");
            }
            return EXIT_ERROR;
        }
    };
    let text = crate::init::render(&policy);
    if let Err(e) = crate::fsutil::write_atomically(path, text.as_bytes()) {
        eprintln!(
            "vigie : impossible d'écrire vigie.toml : {}",
            crate::io_error_fr(&e)
        );
        return EXIT_ERROR;
    }
    crate::emit(
        &format!(
            "vigie.toml écrit (profil {id}). Modifiez-le au besoin, puis lancez : vigie check .\n"
        ),
        EXIT_CLEAN,
    )
}

/// Prints a shell completion script generated from the command-line definition.
pub fn completions(shell: clap_complete::Shell) -> i32 {
    let mut command = <crate::cli::Cli as clap::CommandFactory>::command();
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut command, "vigie", &mut out);
    if crate::write_stdout(&out) {
        EXIT_CLEAN
    } else {
        EXIT_ERROR
    }
}

/// Prints the man page of vigie or of one command, or writes them all into a folder.
pub fn man(command: Option<&str>, dir: Option<&Path>) -> i32 {
    if let Some(dir) = dir {
        return match crate::manpage::write_all(dir) {
            Ok(files) => {
                println!(
                    "{} pages de manuel écrites dans {}",
                    files.len(),
                    dir.display()
                );
                EXIT_CLEAN
            }
            Err(e) => usage(&format!(
                "impossible d'écrire les pages dans {} : {}",
                dir.display(),
                crate::io_error_fr(&e)
            )),
        };
    }
    match crate::manpage::page(command) {
        Some(text) => crate::emit(&text, EXIT_CLEAN),
        None => usage(&format!(
            "commande inconnue « {} » ; pages : {}",
            command.unwrap_or_default(),
            crate::manpage::commands().join(", ")
        )),
    }
}
