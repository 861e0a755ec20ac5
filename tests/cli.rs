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

#[test]
fn every_man_page_the_main_page_points_at_exists_and_is_complete() {
    let dir = fresh_dir("man");
    let (status, _, stderr) = run_in(&dir, &["man", "--dir", "pages"]);
    assert_eq!(status, 0, "{stderr}");
    let main = std::fs::read_to_string(dir.join("pages/vigie.1")).unwrap();
    let command = <vigie::cli::Cli as clap::CommandFactory>::command();
    for sub in command.get_subcommands() {
        let name = sub.get_name();
        assert!(
            main.contains(&format!("vigie\\-{name}(1)")),
            "vigie.1 does not point at {name}"
        );
        let page = std::fs::read_to_string(dir.join(format!("pages/vigie-{name}.1")))
            .unwrap_or_else(|e| panic!("vigie-{name}.1: {e}"));
        assert_eq!(page, run(&["man", name]), "vigie man {name}");
        assert!(page.contains(".SH \"CODES DE SORTIE\""), "vigie-{name}.1");
        assert!(
            page.contains(".SH NOM") && !page.contains(".SH NAME"),
            "vigie-{name}.1"
        );
        for arg in sub.get_arguments().filter(|a| !a.is_hide_set()) {
            if let Some(long) = arg.get_long() {
                let roff = format!("\\fB\\-\\-{}\\fR", long.replace('-', "\\-"));
                assert!(
                    page.contains(&roff),
                    "vigie-{name}.1 does not list --{long}"
                );
            }
        }
    }
}

/// Runs the binary in a folder and returns its status, standard output and error.
fn run_in(dir: &std::path::Path, args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(args)
        .current_dir(dir)
        .output()
        .unwrap();
    (
        out.status.code().unwrap(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

fn fresh_dir(name: &str) -> std::path::PathBuf {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn init_writes_the_rules_of_the_chosen_profile_only() {
    for (id, _) in vigie::policy::builtin::PROFILES {
        let dir = fresh_dir(&format!("init-{id}"));
        let (status, _, stderr) = run_in(&dir, &["init", "--profile", id]);
        assert_eq!(status, 0, "{id}: {stderr}");
        let path = dir.join("vigie.toml");
        let text = std::fs::read_to_string(&path).unwrap();
        let config: toml::Table = toml::from_str(&text).unwrap();
        assert_eq!(config["profile"].as_str(), Some(*id));
        let written: Vec<&str> = config["rules"]
            .as_table()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let policy = vigie::load_builtin_policy(id).unwrap();
        let mut enabled: Vec<&str> = vigie::checks::RULES
            .iter()
            .filter(|r| policy.rule(r.id).is_some_and(|s| s.enabled))
            .map(|r| r.id)
            .collect();
        enabled.sort();
        assert_eq!(written, enabled, "{id}: the template's rules");
        for (rule, settings) in config["rules"].as_table().unwrap() {
            let level = policy.rule(rule).unwrap().severity;
            assert_eq!(
                settings["severity"].as_str().unwrap(),
                serde_json::to_value(level).unwrap(),
                "{id}: {rule} keeps the profile's level"
            );
        }
        vigie::engine::Engine::load(&Default::default(), Some(&path))
            .unwrap_or_else(|e| panic!("{id}: {e:?}"));
        // A draft in capitals: the CPE's policy says nothing of capitals, so nothing
        // fires, and no finding without an article.
        std::fs::write(
            dir.join("avis.md"),
            "VENEZ TOUS À LA GRANDE FÊTE DU PARC CE SAMEDI\n",
        )
        .unwrap();
        let (_, json, _) = run_in(&dir, &["check", "--format", "json", "avis.md"]);
        let report: serde_json::Value = serde_json::from_str(&json).unwrap();
        for f in report["findings"].as_array().unwrap() {
            assert!(enabled.contains(&f["rule"].as_str().unwrap()), "{id}: {f}");
            assert!(!f["articles"].as_array().unwrap().is_empty(), "{id}: {f}");
        }
    }
}

#[test]
fn the_team_example_is_what_init_writes_for_la_sarre() {
    let dir = fresh_dir("init-example");
    let (status, _, _) = run_in(&dir, &["init", "--profile", "la-sarre"]);
    assert_eq!(status, 0);
    let written = std::fs::read_to_string(dir.join("vigie.toml")).unwrap();
    let example = include_str!("../examples/team/vigie.toml");
    assert_eq!(written, example, "examples/team/vigie.toml is stale");
}

#[test]
fn init_without_a_profile_asks_for_one_and_writes_nothing() {
    let dir = fresh_dir("init-none");
    let (status, _, stderr) = run_in(&dir, &["init"]);
    assert_eq!(status, 2);
    assert!(stderr.contains("vigie init --profile ID"), "{stderr}");
    for (id, _) in vigie::policy::builtin::PROFILES {
        assert!(stderr.contains(id), "{stderr}");
    }
    assert!(!dir.join("vigie.toml").exists());
}

#[test]
fn the_report_never_replaces_a_draft() {
    let dir = fresh_dir("output-file-input");
    let draft = "Appelez Jean Tremblay chez lui au 819 555-1234.\n";
    std::fs::write(dir.join("avis.md"), draft).unwrap();
    for output in ["avis.md", "./avis.md"] {
        let (status, _, stderr) = run_in(
            &dir,
            &[
                "check",
                "--profile",
                "la-sarre",
                "--format",
                "sarif",
                "--output-file",
                output,
                ".",
            ],
        );
        assert_eq!(status, 2, "{stderr}");
        assert!(stderr.contains("--output-file"), "{stderr}");
        assert_eq!(std::fs::read_to_string(dir.join("avis.md")).unwrap(), draft);
    }
}

#[test]
fn flags_take_enumerated_values_in_any_case() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cmd/basic.in");
    let (status, _, stderr) = run_in(
        &dir,
        &[
            "check",
            "--profile",
            "la-sarre",
            "--account",
            "Official",
            "--platform",
            "Facebook",
            "avis.md",
        ],
    );
    assert_ne!(status, 2, "{stderr}");
}

/// The findings of a post given on standard input: (rule, severity, kind, articles).
fn findings_of(
    profile: &str,
    account: &str,
    text: &str,
) -> Vec<(String, String, String, Vec<String>)> {
    use std::io::Write;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args([
            "check",
            "--profile",
            profile,
            "--account",
            account,
            "--date",
            "2025-10-15",
        ])
        .args(["--format", "json", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or("").to_string();
            let articles = f["articles"]
                .as_array()
                .unwrap()
                .iter()
                .map(|a| a["ref"].as_str().unwrap().to_string())
                .collect();
            (s("rule"), s("severity"), s("kind"), articles)
        })
        .collect()
}

#[test]
fn a_vote_call_on_an_official_account_is_one_finding() {
    let found = findings_of(
        "la-sarre",
        "official",
        "Votez pour Julie Lavoie le 2 novembre !\n",
    );
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "electoral-neutrality");
}

#[test]
fn a_vote_call_and_an_endorsement_on_a_personal_account_get_the_same_decision() {
    for (profile, article) in [
        ("la-sarre", "13.1"),
        ("drummondville", "Membres du personnel"),
    ] {
        let call = findings_of(
            profile,
            "personal",
            "Votez pour Julie Lavoie le 2 novembre !\n",
        );
        let endorsement = findings_of(
            profile,
            "personal",
            "Moi, j'appuie Julie Lavoie aux élections.\n",
        );
        for found in [&call, &endorsement] {
            assert_eq!(found.len(), 1, "{profile}: {found:?}");
            let (rule, severity, kind, articles) = &found[0];
            assert_eq!(
                (rule.as_str(), severity.as_str(), kind.as_str()),
                ("partisan-content", "info", "personal-political"),
                "{profile}"
            );
            assert_eq!(
                articles,
                &[article.to_string()],
                "{profile}: the article on personal accounts"
            );
        }
    }
}

#[test]
fn an_electoral_finding_cites_the_article_of_its_kind_only() {
    // Drummondville has four articles on elections: the City taking sides, candidates'
    // ideas, council members' ideas, its neutral editorial line.
    let sides = findings_of(
        "drummondville",
        "official",
        "Notre mairesse sortante a fait un travail remarquable.\n",
    );
    let council = findings_of(
        "drummondville",
        "official",
        "+++\nauthor = \"council-member\"\n+++\nMon plan pour le quartier : plus de pistes cyclables.\n",
    );
    let candidate = findings_of(
        "la-sarre",
        "official",
        "+++\nauthor = \"candidate\"\n+++\nJe me présente dans le district 2 : mon plan, c'est plus de parcs.\n",
    );
    for (found, kind, articles) in [
        (
            &sides,
            "takes-sides",
            &["Élections municipales", "Ligne éditoriale"][..],
        ),
        (
            &council,
            "council-member",
            &["Membres du conseil municipal"][..],
        ),
        (&candidate, "candidate", &["13.2"][..]),
    ] {
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(
            (found[0].0.as_str(), found[0].2.as_str()),
            ("electoral-neutrality", kind)
        );
        assert_eq!(found[0].3, articles, "{kind}");
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
