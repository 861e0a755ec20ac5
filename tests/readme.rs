//! The README's walk-through for a team (« Mettre vigie en place dans une équipe ») is
//! run as written: its shell blocks, in order, in a fresh folder, with the vigie built
//! by this test run on the PATH; its YAML blocks are the example files, so they cannot
//! drift from what `tests/action.rs` and `tests/cli.rs` check.

use std::path::Path;
use std::process::Command;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");

/// The text of the README's section that starts with `heading`, up to the next `## `.
fn section(heading: &str) -> String {
    let readme = std::fs::read_to_string(Path::new(ROOT).join("README.md")).unwrap();
    let start = readme.find(heading).expect("the section exists");
    let rest = &readme[start + heading.len()..];
    let end = rest.find("\n## ").unwrap_or(rest.len());
    rest[..end].to_string()
}

/// The fenced blocks of a language in a text, in order.
fn blocks(text: &str, language: &str) -> Vec<String> {
    let fence = format!("```{language}\n");
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(at) = rest.find(&fence) {
        let body = &rest[at + fence.len()..];
        let end = body.find("```").expect("a closed block");
        out.push(body[..end].to_string());
        rest = &body[end + 3..];
    }
    out
}

const TEAM: &str = "## Mettre vigie en place dans une équipe";

#[test]
fn the_team_walk_through_runs_as_written() {
    let scripts = blocks(&section(TEAM), "sh");
    assert!(scripts.len() >= 2, "the walk-through shows its commands");
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("readme-team");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let bin = Path::new(env!("CARGO_BIN_EXE_vigie")).parent().unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("bash")
        .args(["-euo", "pipefail", "-c", &scripts.join("\n")])
        .current_dir(&dir)
        .env("PATH", path)
        .env("NO_COLOR", "1")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("bash runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stdout}\n{stderr}");
    for expected in [
        "vigie.toml écrit (profil la-sarre)",
        "1 brouillon vérifié : aucun problème.",
        "erreur[confidential-data]",
        "déneigement.md",
        "code de sortie : 1",
    ] {
        assert!(
            stdout.contains(expected),
            "« {expected} » missing from:\n{stdout}\n{stderr}"
        );
    }
    let config = std::fs::read_to_string(dir.join("brouillons-equipe/vigie.toml")).unwrap();
    assert!(config.contains("profile = \"la-sarre\""));
}

#[test]
fn the_team_walk_through_shows_the_example_files() {
    let yaml = blocks(&section(TEAM), "yaml");
    let workflow =
        std::fs::read_to_string(Path::new(ROOT).join("examples/github/vigie.yml")).unwrap();
    assert_eq!(
        yaml[0], workflow,
        "the README's workflow is examples/github/vigie.yml"
    );
    let team = std::fs::read_to_string(Path::new(ROOT).join("examples/team/README.md")).unwrap();
    assert_eq!(
        yaml[1],
        blocks(&team, "yaml")[0],
        "the pre-commit configuration"
    );
    let hooks = std::fs::read_to_string(Path::new(ROOT).join(".pre-commit-hooks.yaml")).unwrap();
    assert!(yaml[1].contains("- id: vigie") && hooks.contains("- id: vigie"));
    // No tag exists yet: the instructions pin a commit, never « v0.1.0 ».
    for text in [&yaml[0], &yaml[1]] {
        assert!(!text.contains("v0.1.0"), "{text}");
    }
}
