//! Whole-CLI snapshot tests: every case in `tests/cmd/` runs the real binary on a
//! fixture folder and compares its output and exit status. `TRYCMD=overwrite cargo test
//! --test cli` rewrites the snapshots; review the diff before committing.

#[test]
fn cli() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}

/// Runs the binary and returns its standard output.
fn run(args: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn completions_and_man_page_come_from_the_command_line_definition() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let script = run(&["completions", shell]);
        assert!(
            script.contains("profile") && script.contains("no-inline-ignores"),
            "{shell}"
        );
    }
    let man = run(&["man"]);
    assert!(
        man.starts_with(".ie") || man.contains(".TH vigie 1"),
        "{man}"
    );
    for sub in ["check", "profiles", "explain", "init", "completions"] {
        assert!(man.contains(sub), "the man page does not list {sub}");
    }
}
