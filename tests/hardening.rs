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
    assert!(stderr.contains("date hors limites"), "{stderr}");
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

// ---- 2. Redaction is a property of the text --------------------------------------------

const LEAKY: &str = "APPELEZ MARIE TREMBLAY AU 819 762-4417 POUR LA FÊTE DU VOISINAGE CE SAMEDI\n\n\
<!-- vigie-ignore shouting: titre demandé par Marie au 819 762-4417 -->\n\
INSCRIPTION AUPRÈS DE MARIE AU 819 762-4417 AVANT VENDREDI\n";

fn everything(out: &Output) -> String {
    text(&out.stdout) + &text(&out.stderr)
}

#[test]
fn redaction_masks_personal_data_whichever_rule_shows_it() {
    let dir = scratch("redact");
    std::fs::write(dir.join("fete.md"), LEAKY).unwrap();
    std::fs::write(
        dir.join("entete.md"),
        "+++\nauthor = \"Marie Tremblay 819 762-4417\"\n+++\nBonne semaine !\n",
    )
    .unwrap();
    for format in ["human", "json", "sarif", "github"] {
        let args = ["check", "--profile", "la-sarre", "--format", format];
        let shown = vigie(&dir, &[&args[..], &["--no-redact", "fete.md"]].concat());
        assert!(everything(&shown).contains("762-4417"), "{format}");
        assert!(text(&shown.stdout).contains("shouting"), "{format}");
        let out = vigie(
            &dir,
            &[&args[..], &["--redact", "fete.md", "entete.md"]].concat(),
        );
        let all = everything(&out);
        assert!(!all.contains("762-4417"), "{format}:\n{all}");
        assert!(all.contains("819 ***-****"), "{format}:\n{all}");
        assert!(all.contains("entete.md"), "{format}:\n{all}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn under_ci_every_format_is_redacted_by_default() {
    let dir = scratch("ci");
    std::fs::write(dir.join("fete.md"), LEAKY).unwrap();
    for format in ["human", "json"] {
        let run = |extra: &[&str]| {
            Command::new(env!("CARGO_BIN_EXE_vigie"))
                .args(["check", "--profile", "la-sarre", "--format", format])
                .args(extra)
                .arg("fete.md")
                .current_dir(&dir)
                .env("NO_COLOR", "1")
                .env("CI", "true")
                .output()
                .unwrap()
        };
        assert!(!everything(&run(&[])).contains("762-4417"), "{format}");
        assert!(
            everything(&run(&["--no-redact"])).contains("762-4417"),
            "{format}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

// ---- 3. --fix loses no edit --------------------------------------------------------------

const OPINION: &str = "Je trouve que la Ville a raison de prolonger les heures de la piscine.\n";

#[test]
fn fix_puts_the_disclaimer_before_an_open_comment_once() {
    let dir = scratch("fix-comment");
    let path = dir.join("post.md");
    for tail in ["<!-- brouillon : à relire\n", "```\nnote\n"] {
        std::fs::write(&path, format!("{OPINION}\n{tail}")).unwrap();
        let args = ["check", "--profile", "la-sarre", "--fix", "post.md"];
        let first = vigie(&dir, &args);
        assert_eq!(first.status.code(), Some(0), "{}", text(&first.stderr));
        let once = std::fs::read_to_string(&path).unwrap();
        assert!(
            once.ends_with(&format!(
                "n'engagent que ma personne et ne représentent pas l'opinion de la Ville.\n\n{tail}"
            )),
            "{once}"
        );
        vigie(&dir, &args);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), once);
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[cfg(unix)]
#[test]
fn fix_keeps_hard_links_and_the_owner() {
    use std::os::unix::fs::MetadataExt;
    let dir = scratch("fix-links");
    let path = dir.join("post.md");
    std::fs::write(&path, OPINION).unwrap();
    std::fs::hard_link(&path, dir.join("copie.md")).unwrap();
    let root = std::fs::metadata("/proc/self").is_ok_and(|m| m.uid() == 0);
    if root {
        // Someone else's draft, that root fixes: it stays theirs.
        std::os::unix::fs::chown(&path, Some(4321), Some(4321)).unwrap();
    }
    let before = std::fs::metadata(&path).unwrap();
    let out = vigie(
        &dir,
        &["check", "--profile", "la-sarre", "--fix", "post.md"],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let after = std::fs::metadata(&path).unwrap();
    assert_eq!(after.ino(), before.ino());
    assert_eq!((after.uid(), after.gid()), (before.uid(), before.gid()));
    assert_eq!(after.mode(), before.mode());
    let copy = std::fs::read_to_string(dir.join("copie.md")).unwrap();
    assert!(copy.contains("n'engagent que ma personne"), "{copy}");
    std::fs::remove_dir_all(&dir).unwrap();
}

// ---- 4. User patterns do not expand exponentially ---------------------------------------

#[test]
fn a_word_notation_with_too_many_variants_is_refused_at_its_line() {
    let dir = scratch("expansion");
    let bomb = "(a|b)".repeat(30);
    std::fs::write(dir.join("bon.md"), "Bonne semaine !\n").unwrap();
    for key in ["add", "remove"] {
        std::fs::write(
            dir.join("vigie.toml"),
            format!("profile = \"la-sarre\"\n\n[rules.offensive-language]\n{key} = [\"{bomb}\"]\n"),
        )
        .unwrap();
        let out = vigie(&dir, &["check", "bon.md"]);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{key}: {stderr}");
        assert!(stderr.contains("vigie.toml:4:"), "{key}: {stderr}");
        assert!(stderr.contains("variantes"), "{key}: {stderr}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

// ---- 7. Configs have limits ------------------------------------------------------------

/// Runs vigie, killed after 20 s: a run that hangs fails the test instead of hanging it.
fn vigie_within(dir: &Path, args: &[&str]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env_remove("CI")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(20);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            child.kill().unwrap();
            panic!("vigie {args:?} still running after 20 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn a_device_or_a_fifo_is_not_read_as_a_config() {
    let dir = scratch("devices");
    std::fs::write(dir.join("bon.md"), "Bonne semaine !\n").unwrap();
    std::fs::write(
        dir.join("vigie.toml"),
        "profile = \"la-sarre\"\nconsents = \"/dev/zero\"\n",
    )
    .unwrap();
    let out = vigie_within(&dir, &["check", "bon.md"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("vigie.toml:2:") && stderr.contains("fichier ordinaire"),
        "{stderr}"
    );
    std::fs::remove_file(dir.join("vigie.toml")).unwrap();
    let fifo = dir.join("tube.toml");
    let made = Command::new("mkfifo").arg(&fifo).status();
    if made.is_ok_and(|s| s.success()) {
        let out = vigie_within(&dir, &["check", "--policy", "tube.toml", "bon.md"]);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains("tube.toml") && stderr.contains("fichier ordinaire"),
            "{stderr}"
        );
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_policy_too_large_is_refused_without_reading_it_all() {
    let dir = scratch("big-policy");
    std::fs::write(dir.join("bon.md"), "Bonne semaine !\n").unwrap();
    let mut policy = String::from("extends = \"la-sarre\"\nid = \"gros\"\n");
    while policy.len() < 3 << 20 {
        policy.push_str("# commentaire qui remplit le fichier pour le rendre très gros\n");
    }
    std::fs::write(dir.join("gros.toml"), policy).unwrap();
    let out = vigie_within(&dir, &["check", "--policy", "gros.toml", "bon.md"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("gros.toml") && stderr.contains("trop gros"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_extends_loop_through_other_folders_is_found_at_once() {
    let dir = scratch("loop");
    std::fs::create_dir_all(dir.join("d1")).unwrap();
    std::fs::create_dir_all(dir.join("d2")).unwrap();
    std::fs::write(
        dir.join("d1/x.toml"),
        "extends = \"../d2/y.toml\"\nid = \"x\"\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("d2/y.toml"),
        "extends = \"../d1/x.toml\"\nid = \"y\"\n",
    )
    .unwrap();
    std::fs::write(dir.join("bon.md"), "Bonne semaine !\n").unwrap();
    let out = vigie_within(&dir, &["check", "--policy", "d1/x.toml", "bon.md"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("boucle"), "{stderr}");
    assert!(stderr.len() < 2000, "{stderr}");
    std::fs::remove_dir_all(&dir).unwrap();
}

// ---- 8. Profiles and configs under random input -----------------------------------------

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(48))]
    /// Profiles made of random pieces of real ones (and of bad ones) load or give
    /// problems: they never panic. `PROPTEST_CASES=N` runs a longer campaign.
    #[test]
    fn random_profiles_load_or_give_problems(
        pieces in proptest::collection::vec(
            proptest::sample::select(vec![
                "extends = \"la-sarre\"\n", "extends = \"profil.toml\"\n", "id = \"x\"\n",
                "name = \"X\"\n", "[rules.offensive-language]\n", "add = [\"(a|b)(c|d)(e)\"]\n",
                "remove = [\"(a\"]\n", "[rules.shouting]\n", "severity = \"fatal\"\n",
                "enabled = true\n", "[elections]\n", "by-elections = [9999-12-31]\n",
                "candidates = [\"Marie\", \"Marie\", \"\"]\n", "[organization]\n",
                "phones = [\"819\"]\n", "words = [\"[\", \"\\\\\"]\n", "[[overrides]]\n",
                "paths = [\"[\"]\n", "consents = \"/dev/null\"\n", "\u{0}", "= =\n", "[[\n",
                "publish_at = 0000-01-01\n", "x = [[[[[[[[[[[[[[]]]]]]]]]]]]]]\n",
            ]),
            0..12,
        )
    ) {
        let dir = scratch("random-profiles");
        let profile = dir.join("profil.toml");
        std::fs::write(&profile, pieces.concat()).unwrap();
        for choice in [
            vigie::engine::ProfileChoice { policy: Some(profile.clone()), ..Default::default() },
            vigie::engine::ProfileChoice::default(),
        ] {
            let config = choice.policy.is_none().then_some(profile.as_path());
            if let Err(problems) = vigie::engine::Engine::load(&choice, config) {
                proptest::prop_assert!(!problems.is_empty());
            }
        }
    }
}
