//! Issue 18: whatever the input, vigie does not crash, does not leak personal data when
//! redaction is on, does not lose an edit with `--fix`, and keeps its cost in check.
//! Each test reproduces one defect the robustness probe found.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn vigie(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("CI")
        .output()
        .expect("vigie runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vigie-hardening-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

// ---- 1. No panic from any input -------------------------------------------------------

#[test]
fn a_publication_date_past_the_calendar_is_an_error_on_that_draft_only() {
    let dir = scratch("year-9999");
    std::fs::write(
        dir.join("futur.md"),
        "+++\naccount = \"official\"\npublish_at = 9999-06-01\n+++\nBonne semaine à tous !\n",
    )
    .unwrap();
    std::fs::write(dir.join("bon.md"), "Bonne semaine !\n").unwrap();
    let out = vigie(
        &dir,
        &["check", "--profile", "la-sarre", "futur.md", "bon.md"],
    );
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(stderr.contains("futur.md:3:1"), "{stderr}");
    assert!(stderr.contains("9999-06-01"), "{stderr}");
    assert!(
        text(&out.stdout).contains("1 brouillon vérifié"),
        "{}",
        text(&out.stdout)
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_date_flag_past_the_calendar_is_a_usage_error() {
    let dir = scratch("date-flag");
    std::fs::write(dir.join("bon.md"), "Bonne semaine !\n").unwrap();
    for date in ["9998-01-01", "-009999-01-01", "0001-01-01"] {
        let flag = format!("--date={date}");
        let out = vigie(
            &dir,
            &[
                "check",
                "--profile",
                "la-sarre",
                "--account",
                "official",
                &flag,
                "bon.md",
            ],
        );
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{date}: {stderr}");
        assert!(stderr.contains("--date"), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_ignore_until_or_a_by_election_past_the_calendar_is_an_error() {
    let dir = scratch("until");
    std::fs::write(
        dir.join("vigie.toml"),
        "profile = \"la-sarre\"\n[elections]\nby-elections = [9999-12-30]\n",
    )
    .unwrap();
    std::fs::write(dir.join("bon.md"), "Bonne semaine !\n").unwrap();
    let out = vigie(&dir, &["check", "--account", "official", "bon.md"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("vigie.toml:3:"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
}

// ---- 6. Output errors ------------------------------------------------------------------

/// Runs vigie with its standard output on a pipe closed before it writes.
fn closed_pipe(args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("vigie runs");
    drop(child.stdout.take());
    child.wait_with_output().unwrap()
}

#[test]
fn a_broken_pipe_ends_quietly() {
    for args in [
        &["profiles"][..],
        &["explain", "shouting", "--profile", "la-sarre"],
        &["explain"],
        &["completions", "bash"],
        &["man"],
    ] {
        for _ in 0..3 {
            let out = closed_pipe(args);
            let stderr = text(&out.stderr);
            assert!(stderr.is_empty(), "{args:?}: {stderr}");
            // As ripgrep: the reader had what it wanted, the command succeeded.
            assert_eq!(out.status.code(), Some(0), "{args:?}");
        }
    }
}

#[test]
fn a_full_disk_on_standard_output_is_an_error() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let dir = scratch("full");
    std::fs::write(dir.join("bon.md"), "Bonne semaine !\n").unwrap();
    for args in [
        &["check", "--profile", "la-sarre", "bon.md"][..],
        &[
            "check",
            "--profile",
            "la-sarre",
            "--format",
            "json",
            "bon.md",
        ],
        &["profiles"],
        &["explain", "shouting"],
    ] {
        let full = std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_vigie"))
            .args(args)
            .current_dir(&dir)
            .env("NO_COLOR", "1")
            .stdout(full)
            .output()
            .unwrap();
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(stderr.contains("impossible d'écrire"), "{args:?}: {stderr}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}
