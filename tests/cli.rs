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

/// Runs `vigie check` on a draft with a finding, standard output to a pipe or (with
/// `tty`) to a terminal made by `script`, and says whether it holds ANSI colour codes.
fn coloured(color: &str, tty: bool, no_color: bool) -> bool {
    let bin = env!("CARGO_BIN_EXE_vigie");
    let draft = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/cmd/basic.in/fete.md");
    let args = format!("check --profile la-sarre --color {color} {draft}");
    let mut command = if tty {
        let mut c = std::process::Command::new("script");
        c.args(["-q", "-e", "-c", &format!("{bin} {args}"), "/dev/null"]);
        c
    } else {
        let mut c = std::process::Command::new(bin);
        c.args(args.split(' '));
        c
    };
    command.env_remove("NO_COLOR");
    if no_color {
        command.env("NO_COLOR", "1");
    }
    let out = command.output().expect("vigie runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("shouting"),
        "{color} {tty} {no_color}: {stdout}"
    );
    stdout.contains('\u{1b}')
}

#[test]
fn color_always_colours_even_a_pipe() {
    assert!(coloured("always", false, false));
    assert!(
        coloured("always", true, true),
        "--color always wins over NO_COLOR"
    );
}

#[test]
fn color_never_and_no_color_keep_a_terminal_plain() {
    // The check that the terminal is one: auto colours it when nothing says not to.
    assert!(coloured("auto", true, false));
    assert!(!coloured("never", true, false));
    assert!(!coloured("auto", true, true));
    assert!(!coloured("auto", false, false), "a pipe gets no colour");
}
