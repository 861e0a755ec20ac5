//! vigie checks a draft social-media post against the social-media policy of the
//! organisation that will publish it.
//!
//! The data flows one way: text → [`draft::Draft`] → [`checks`] → [`finding::Finding`]s
//! → a reporter. [`run`] wires the command line to that flow and decides the exit
//! status: 0 clean, 1 findings that fail, 2 usage, configuration or input errors.

pub mod checks;
pub mod cli;
pub mod commands;
pub mod draft;
pub mod engine;
pub mod finding;
pub mod fix;
pub mod fsutil;
pub mod init;
pub mod inputs;
pub mod manpage;
pub mod pipeline;
pub mod policy;
pub mod problem;
pub mod report;
pub mod serve;
pub mod suppress;
pub mod text;
pub mod today;

use std::io::IsTerminal;

use cli::{Cli, ColorChoice, Command};

/// Exit statuses (a contract).
pub const EXIT_CLEAN: i32 = 0;
pub const EXIT_FINDINGS: i32 = 1;
pub const EXIT_ERROR: i32 = 2;

/// Runs a parsed command line and returns the exit status.
pub fn run(cli: Cli) -> i32 {
    let color = match cli.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::io::stdout().is_terminal()
        }
    };
    colored::control::set_override(color);
    match cli.command {
        Command::Check(args) => commands::check(&args, color),
        Command::Profiles => commands::profiles(),
        Command::Explain { rule, profile } => {
            commands::explain(rule.as_deref(), profile.as_deref())
        }
        Command::Init { profile, force } => commands::init(profile.as_deref(), force),
        Command::Completions { shell } => commands::completions(shell),
        Command::Man { command, dir } => commands::man(command.as_deref(), dir.as_deref()),
        Command::Serve(args) => serve::run(&args),
    }
}

/// Loads a built-in profile, resolved (for tests and `explain`).
pub fn load_builtin_policy(id: &str) -> Result<policy::Policy, Vec<problem::Problem>> {
    let mut problems = Vec::new();
    let source = policy::load::ProfileSource::Builtin(id.to_string());
    let layers = policy::load::load_chain(&source, None, &mut problems);
    if !problems.is_empty() {
        return Err(problems);
    }
    policy::load::resolve(&layers, true)
}

/// Writes a command's output on standard output. A reader that closed the pipe
/// (`vigie profiles | head -1`) ends the output quietly, as in ripgrep: true. Any other
/// failure (`> /dev/full`) is said in French on standard error: false, the run has failed.
pub fn write_stdout(bytes: &[u8]) -> bool {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Ok(()) => true,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => true,
        Err(e) => {
            let _ = writeln!(
                std::io::stderr(),
                "vigie : impossible d'écrire la sortie : {}",
                io_error_fr(&e)
            );
            false
        }
    }
}

/// Writes a command's output (see [`write_stdout`]) and returns its exit status:
/// `status` when written (or the pipe was closed), [`EXIT_ERROR`] when it could not be.
pub fn emit(text: &str, status: i32) -> i32 {
    if write_stdout(text.as_bytes()) {
        status
    } else {
        EXIT_ERROR
    }
}

/// French for an I/O error, for the messages that name a file.
pub fn io_error_fr(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "fichier ou dossier introuvable".into(),
        PermissionDenied => "permission refusée".into(),
        IsADirectory => "c'est un dossier".into(),
        InvalidData => "contenu illisible".into(),
        StorageFull => "plus de place sur le disque".into(),
        _ => e.to_string(),
    }
}
