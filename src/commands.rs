//! The subcommands: `check`, `profiles`, `explain`, `init`. Each returns the exit status.

use std::cell::OnceCell;
use std::collections::HashMap;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::checks;
use crate::cli::{CheckArgs, OutputFormat};
use crate::draft::{DateText, Draft, Format, FrontMatter};
use crate::engine::{self, CheckOptions, Engine, ProfileChoice, Summary};
use crate::finding::{Level, Severity};
use crate::fix::{self, Fixes, Outcome};
use crate::fsutil::AtomicFile;
use crate::inputs::{self, Input};
use crate::pipeline;
use crate::policy::builtin;
use crate::problem::{Problem, did_you_mean};
use crate::report::{self, End, FileReport, Part, Printer, Style};
use crate::{EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS};

/// From this many drafts, the rules' patterns are compiled up front on all cores (see
/// [`Engine::warm_up`]); below, each compiles when a draft first needs it, so that a
/// hook checking one post pays only for what it holds.
const WARM_UP_MIN_DRAFTS: usize = 32;

/// `vigie check`: the drafts are found, checked on all cores and reported as the run
/// goes, in the order of the inputs (see [`pipeline::ordered`]), so that an archive
/// takes the same memory whatever its size.
pub fn check(args: &CheckArgs, color: bool) -> i32 {
    let run = match RunSettings::from_args(args) {
        Ok(run) => run,
        Err(message) => return usage(&message),
    };
    let inputs = match inputs_to_check(args, &run.paths) {
        Ok(inputs) => inputs,
        Err(message) => return usage(&message),
    };
    let mut reports = Reports::open(args, color, run.options.personal_data);
    let mut engines = Engines::new(&run.choice);
    let mut walk_problems = Vec::new();
    let mut tally = Tally::default();
    // The profile the report names: that of the first draft given an engine.
    let first = OnceCell::new();
    let mut drawn = 0;
    let jobs = inputs.filter_map(|found| {
        let input = found.map_err(|p| walk_problems.push(p)).ok()?;
        let engine = engines.for_input(&input)?;
        first.get_or_init(|| engine.clone());
        // Exclusions apply to the files found in a folder; to named files too with
        // --force-exclude (a CI job or a hook names the files it was given).
        if let Input::File { path, walked } = &input
            && (*walked || args.force_exclude)
            && engine.excludes(path)
        {
            return None;
        }
        drawn += 1;
        if drawn == WARM_UP_MIN_DRAFTS {
            engines.warm_up();
        }
        Some(Job { input, engine })
    });
    let styles = reports.styles();
    pipeline::ordered(
        jobs,
        |job| check_one(job, &run, args.fix, &styles),
        |result| {
            let policy = first.get().map(|e: &Arc<Engine>| &e.policy);
            tally.record(result, args.allow_empty, &run.paths, &mut reports, policy);
        },
    );
    // Every problem, in the order of the run's steps: the walk, the profiles, nothing to
    // check, the drafts.
    let mut problems = walk_problems;
    problems.append(&mut engines.problems);
    if drawn == 0 && problems.is_empty() && !args.allow_empty {
        problems.push(nothing_to_check(&run.paths));
    }
    problems.append(&mut tally.problems);
    // No draft reached an engine: still check the profile, for its errors and the report.
    let fallback = if first.get().is_none() && engines.loaded.is_empty() {
        let config = engine::find_config(&engines.cwd);
        let engine = engines.load(config);
        problems.append(&mut engines.problems);
        engine
    } else {
        None
    };
    let policy = first.get().or(fallback.as_ref()).map(|e| &e.policy);
    let written = reports.finish(policy, &mut problems, tally.summary, color, &tally.fixes);
    for note in &tally.fixes.notes {
        eprintln!("vigie : {note}");
    }
    if !problems.is_empty() || !written {
        return EXIT_ERROR;
    }
    if tally.fails(run.deny_warnings) {
        EXIT_FINDINGS
    } else {
        EXIT_CLEAN
    }
}

/// What a check run takes from the command line, checked.
struct RunSettings {
    /// The command line's metadata (they win over each draft's front matter).
    flags: FrontMatter,
    paths: Vec<String>,
    choice: ProfileChoice,
    options: CheckOptions,
    deny_warnings: bool,
    today: jiff::civil::Date,
}

impl RunSettings {
    /// The settings, or the message of a usage error.
    fn from_args(args: &CheckArgs) -> Result<RunSettings, String> {
        let flags = FrontMatter {
            account: args.account,
            author: args.author,
            platform: args.platform,
            publish_at: args.date.clone().map(DateText),
            ..FrontMatter::default()
        };
        if let Some(Err(message)) = flags.publish_at.as_ref().map(DateText::parse) {
            return Err(format!("--date : {message}"));
        }
        let paths = if args.paths.is_empty() {
            if std::io::stdin().is_terminal() {
                return Err("indiquez un brouillon à vérifier : vigie check --profile ID brouillon.md (ou « - » pour l'entrée standard)".into());
            }
            vec!["-".to_string()]
        } else {
            args.paths.clone()
        };
        let levels = rule_levels(args)?;
        Ok(RunSettings {
            flags,
            paths,
            choice: ProfileChoice {
                profile: args.profile.clone(),
                policy: args.policy.clone(),
                levels,
            },
            options: CheckOptions {
                inline_ignores: !args.no_inline_ignores,
                personal_data: redact(args),
            },
            deny_warnings: args.deny.iter().any(|d| d == "warnings"),
            today: crate::today::today(),
        })
    }
}

/// The inputs, found as the folders are walked; or the message when `--output-file`
/// names one of them. An existing report file could be a draft of the walk (through a
/// link): the walk is then done first, to refuse before anything is written.
fn inputs_to_check<'a>(
    args: &CheckArgs,
    paths: &'a [String],
) -> Result<Box<dyn Iterator<Item = Result<Input, Problem>> + 'a>, String> {
    let Some(out) = args.output_file.as_deref().filter(|out| out.exists()) else {
        return Ok(Box::new(inputs::expand(paths)));
    };
    let (inputs, problems) = inputs::collect(paths);
    if let Some(message) = overwrites_input(out, &inputs) {
        return Err(message);
    }
    Ok(Box::new(
        problems
            .into_iter()
            .map(Err)
            .chain(inputs.into_iter().map(Ok)),
    ))
}

/// A draft to check and the engine that checks it.
struct Job {
    input: Input,
    engine: Arc<Engine>,
}

/// A draft checked and rendered, on a worker thread.
struct CheckedFile {
    /// One per report of the run (the screen's, the file's).
    parts: Vec<Part>,
    summary: Summary,
    /// The most severe finding not set aside, if any.
    worst: Option<Severity>,
    outcome: Outcome,
    /// Standard input that held nothing.
    empty_stdin: bool,
}

/// Reads, checks, fixes (with --fix) and renders one draft; the draft is dropped here,
/// on the thread that checked it. Every problem of a draft's front matter at once.
fn check_one(
    job: Job,
    run: &RunSettings,
    fix: bool,
    styles: &[Style],
) -> Result<CheckedFile, Vec<Problem>> {
    let Job { input, engine } = job;
    let name = input.display();
    let draft = inputs::read(&input)
        .map_err(|p| vec![p])
        .and_then(|s| Draft::parse_all(&name, s, Format::for_path(&name)))?;
    let check = |d: &Draft| engine.check_draft(d, &run.flags, run.today, run.options);
    let checked = check(&draft).map_err(|p| vec![p])?;
    let (draft, checked, outcome) = if fix {
        fix::apply(&engine, &input, (draft, checked), &check)
    } else {
        (draft, checked, Outcome::default())
    };
    let empty_stdin = is_empty_stdin(&input, &draft);
    let file = FileReport {
        draft,
        findings: checked.findings,
        personal: checked.personal,
    };
    let mut summary = Summary::default();
    summary.add(&file.findings);
    let worst = file
        .findings
        .iter()
        .filter(|f| f.suppressed.is_none())
        .map(|f| f.severity)
        .max();
    Ok(CheckedFile {
        parts: styles.iter().map(|s| Part::new(*s, &file)).collect(),
        summary,
        worst,
        outcome,
        empty_stdin,
    })
}

/// What the checked drafts add up to, kept as they are reported.
#[derive(Default)]
struct Tally {
    summary: Summary,
    worst: Option<Severity>,
    fixes: Fixes,
    problems: Vec<Problem>,
}

impl Tally {
    /// Counts one checked draft and hands its parts to the reports.
    fn record(
        &mut self,
        result: Result<CheckedFile, Vec<Problem>>,
        allow_empty: bool,
        paths: &[String],
        reports: &mut Reports,
        policy: Option<&crate::policy::Policy>,
    ) {
        match result {
            Ok(file) if file.empty_stdin && !allow_empty => {
                self.problems.push(nothing_to_check(paths));
            }
            Ok(file) => {
                self.fixes.record(file.outcome, &mut self.problems);
                self.summary.merge(file.summary);
                self.worst = self.worst.max(file.worst);
                reports.file(file.parts, policy);
            }
            Err(ps) => self.problems.extend(ps),
        }
    }

    /// True when a finding fails the run: an error, or a warning with --deny warnings.
    fn fails(&self, deny_warnings: bool) -> bool {
        match self.worst {
            Some(Severity::Error) => true,
            Some(Severity::Warning) => deny_warnings,
            _ => false,
        }
    }
}

/// Which engine checks which draft: one configuration lookup per folder, one engine per
/// configuration file met.
struct Engines<'a> {
    choice: &'a ProfileChoice,
    cwd: PathBuf,
    configs: HashMap<PathBuf, Option<PathBuf>>,
    loaded: HashMap<Option<PathBuf>, Option<Arc<Engine>>>,
    /// A walk gives the files of a folder one after the other: they share its engine.
    last: Option<(PathBuf, Option<Arc<Engine>>)>,
    /// Whether the engines' patterns are compiled up front (many drafts).
    warm: bool,
    /// Profiles and configurations that could not be loaded.
    problems: Vec<Problem>,
}

impl<'a> Engines<'a> {
    fn new(choice: &'a ProfileChoice) -> Engines<'a> {
        Engines {
            choice,
            cwd: std::env::current_dir().unwrap_or_default(),
            configs: HashMap::new(),
            loaded: HashMap::new(),
            last: None,
            warm: false,
            problems: Vec::new(),
        }
    }

    /// The engine of an input's folder; `None` when its profile could not be loaded.
    fn for_input(&mut self, input: &Input) -> Option<Arc<Engine>> {
        let parent = match input {
            Input::File { path, .. } => path.parent(),
            Input::Stdin => None,
        };
        if let (Some((dir, engine)), Some(parent)) = (&self.last, parent)
            && dir == parent
        {
            return engine.clone();
        }
        let dir = match input {
            Input::Stdin => self.cwd.clone(),
            Input::File { path, .. } => std::path::absolute(path)
                .ok()
                .and_then(|p| p.parent().map(Path::to_path_buf))
                .unwrap_or_else(|| self.cwd.clone()),
        };
        let config = self
            .configs
            .entry(dir.clone())
            .or_insert_with(|| engine::find_config(&dir))
            .clone();
        let engine = self.load(config);
        self.last = parent.map(|p| (p.to_path_buf(), engine.clone()));
        engine
    }

    /// The engine of a configuration file (or of none), loaded once.
    fn load(&mut self, config: Option<PathBuf>) -> Option<Arc<Engine>> {
        let (warm, problems) = (self.warm, &mut self.problems);
        self.loaded
            .entry(config.clone())
            .or_insert_with(|| match Engine::load(self.choice, config.as_deref()) {
                Ok(e) => {
                    if warm {
                        e.warm_up();
                    }
                    Some(Arc::new(e))
                }
                Err(ps) => {
                    problems.extend(ps);
                    None
                }
            })
            .clone()
    }

    /// Many drafts: compiles the patterns of the rules on all cores, for the engines
    /// loaded and those to come.
    fn warm_up(&mut self) {
        self.warm = true;
        for engine in self.loaded.values().flatten() {
            engine.warm_up();
        }
    }
}

/// The reports of a run: the chosen format on standard output, or in `--output-file`
/// with the human report on the screen.
struct Reports {
    screen: Sink,
    file: Option<(Sink, std::path::PathBuf)>,
    /// The report file that could not be started.
    file_error: Option<(std::path::PathBuf, std::io::Error)>,
    /// With --fix and standard input, the fixed post goes to standard output: the
    /// screen's report is kept, for standard error, written at the end.
    fixing_stdin: bool,
}

/// Where one report goes, and what its writing met.
struct Sink {
    style: Style,
    printer: Option<Printer>,
    out: Out,
    /// The first write error; nothing more is written after it.
    error: Option<std::io::Error>,
    /// Flush after each file: someone is watching a terminal.
    live: bool,
}

enum Out {
    Stdout(std::io::BufWriter<std::io::Stdout>),
    Memory(Vec<u8>),
    File(AtomicFile),
}

impl Write for Out {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Out::Stdout(w) => w.write(buf),
            Out::Memory(w) => w.write(buf),
            Out::File(w) => w.write(buf),
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Out::Stdout(w) => w.flush(),
            Out::Memory(w) => w.flush(),
            Out::File(w) => w.flush(),
        }
    }
}

impl Sink {
    fn new(style: Style, out: Out, live: bool) -> Sink {
        Sink {
            style,
            printer: Some(Printer::new(style)),
            out,
            error: None,
            live,
        }
    }

    fn file(&mut self, part: Part, policy: Option<&crate::policy::Policy>) {
        if self.error.is_some() {
            return;
        }
        let printer = self
            .printer
            .as_mut()
            .expect("a sink prints until it finishes");
        let written = printer
            .file(&mut self.out, part, policy)
            .and_then(|()| if self.live { self.out.flush() } else { Ok(()) });
        if let Err(e) = written {
            self.error = Some(e);
        }
    }

    fn finish(&mut self, end: &End<'_>) {
        let printer = self.printer.take().expect("a sink finishes once");
        if self.error.is_none()
            && let Err(e) = printer
                .finish(&mut self.out, end)
                .and_then(|()| self.out.flush())
        {
            self.error = Some(e);
        }
    }
}

impl Reports {
    /// The sinks of the run.
    fn open(args: &CheckArgs, color: bool, redact: bool) -> Reports {
        let fixing_stdin =
            args.fix && (args.paths.is_empty() || args.paths.iter().any(|p| p == "-"));
        let stdout = || {
            Out::Stdout(std::io::BufWriter::with_capacity(
                64 * 1024,
                std::io::stdout(),
            ))
        };
        let live = std::io::stdout().is_terminal();
        let style = |format| Style {
            format,
            color,
            redact,
        };
        let screen_out = if fixing_stdin {
            Out::Memory(Vec::new())
        } else {
            stdout()
        };
        let screen_style = style(match args.output_file {
            Some(_) => OutputFormat::Human,
            None => args.format,
        });
        let screen = Sink::new(screen_style, screen_out, live);
        // A report file that cannot be started is a problem of the run, reported at the
        // end like a failure to finish it: the drafts are still checked.
        let (file, file_error) = match &args.output_file {
            None => (None, None),
            Some(path) => match AtomicFile::create(path) {
                Ok(out) => (
                    Some((
                        Sink::new(style(args.format), Out::File(out), false),
                        path.clone(),
                    )),
                    None,
                ),
                Err(e) => (None, Some((path.clone(), e))),
            },
        };
        Reports {
            screen,
            file,
            file_error,
            fixing_stdin,
        }
    }

    /// How each report renders a file, in the order [`Reports::file`] takes the parts.
    fn styles(&self) -> Vec<Style> {
        let mut styles = vec![self.screen.style];
        styles.extend(self.file.as_ref().map(|(s, _)| s.style));
        styles
    }

    /// Writes one file's parts, one per report.
    fn file(&mut self, parts: Vec<Part>, policy: Option<&crate::policy::Policy>) {
        let mut parts = parts.into_iter();
        if let Some(part) = parts.next() {
            self.screen.file(part, policy);
        }
        if let (Some((sink, _)), Some(part)) = (&mut self.file, parts.next()) {
            sink.file(part, policy);
        }
    }

    /// Ends the reports: the report file first (a failure to write it is a problem the
    /// screen shows), the problems on standard error whatever the format (a CI log shows
    /// why the run failed even when the machine-readable report goes to a file or another
    /// program), then the screen's report. False when standard output could not be
    /// written.
    fn finish(
        mut self,
        policy: Option<&crate::policy::Policy>,
        problems: &mut Vec<Problem>,
        summary: Summary,
        color: bool,
        fixes: &Fixes,
    ) -> bool {
        let file = self.file.take().map(|(mut sink, path)| {
            sink.finish(&End {
                policy,
                problems,
                summary,
            });
            let committed = match (sink.error.take(), sink.out) {
                (None, Out::File(file)) => file.commit(),
                (Some(e), _) => Err(e),
                (None, _) => Ok(()),
            };
            (path, committed)
        });
        let failed = file
            .and_then(|(path, committed)| committed.err().map(|e| (path, e)))
            .or(self.file_error.take());
        if let Some((path, e)) = failed {
            problems.push(Problem::file(
                path.display().to_string(),
                format!(
                    "impossible d'écrire le rapport : {}",
                    crate::io_error_fr(&e)
                ),
            ));
        }
        let mut stderr = std::io::stderr().lock();
        for p in problems.iter() {
            let _ = writeln!(stderr, "{}", report::human::problem(p, color));
        }
        drop(stderr);
        self.screen.finish(&End {
            policy,
            problems,
            summary,
        });
        if let (true, Out::Memory(report)) = (self.fixing_stdin, &self.screen.out) {
            // --fix on standard input: the post on standard output, the report beside it
            // (on standard output if standard input could not be checked).
            return match &fixes.stdout {
                Some(post) => {
                    let _ = std::io::stderr().write_all(report);
                    crate::write_stdout(post.as_bytes())
                }
                None => crate::write_stdout(report),
            };
        }
        match self.screen.error {
            None => true,
            Some(e) if e.kind() == std::io::ErrorKind::BrokenPipe => true,
            Some(e) => {
                let _ = writeln!(
                    std::io::stderr(),
                    "vigie : impossible d'écrire la sortie : {}",
                    crate::io_error_fr(&e)
                );
                false
            }
        }
    }
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
