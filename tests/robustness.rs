//! Bad input never crashes vigie: each case gets a clear French error naming the file
//! (and line and column where they apply), exit status 2, and the other files are still
//! checked. The fixtures that fit in the repository are in `tests/cmd/robust.in`; the
//! large ones are made here, in a temporary folder.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn vigie(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .output()
        .expect("vigie runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn robust() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cmd/robust.in")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vigie-robust-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Exit 2, no panic, the message on standard error, and the good draft still checked.
fn assert_refused_but_others_checked(out: &Output, needle: &str) {
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        stderr.contains(needle),
        "expected « {needle} » in:\n{stderr}"
    );
    assert!(
        text(&out.stdout).contains("1 brouillon vérifié"),
        "{}",
        text(&out.stdout)
    );
}

#[test]
fn a_binary_file_is_refused_and_the_others_are_checked() {
    let out = vigie(
        &robust(),
        &["check", "--profile", "la-sarre", "image.md", "bon.md"],
    );
    assert_refused_but_others_checked(&out, "image.md : fichier binaire");
}

#[test]
fn a_missing_or_dangling_file_is_named() {
    let out = vigie(
        &robust(),
        &["check", "--profile", "la-sarre", "lien-casse.md", "bon.md"],
    );
    assert_refused_but_others_checked(
        &out,
        "lien-casse.md : impossible de lire : fichier ou dossier introuvable",
    );
}

#[test]
fn an_empty_file_is_a_clean_draft() {
    let out = vigie(&robust(), &["check", "--profile", "la-sarre", "vide.md"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("aucun problème"));
}

/// `boucle/ici` links to its own folder: the walk follows links, so without loop
/// detection it would go down `boucle/ici/ici/…` for ever.
#[test]
fn a_symlink_loop_is_reported_and_does_not_hang_the_walk() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vigie"))
        .args(["check", "--profile", "la-sarre", "boucle", "bon.md"])
        .current_dir(robust())
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("vigie runs");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
    while child.try_wait().unwrap().is_none() {
        if std::time::Instant::now() > deadline {
            child.kill().unwrap();
            panic!("the walk of a symlink loop did not end");
        }
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("boucle/ici : lien symbolique en boucle"),
        "{stderr}"
    );
    // The draft of the folder is checked once, not once per turn of the loop.
    assert!(
        text(&out.stdout).contains("2 brouillons vérifiés"),
        "{}",
        text(&out.stdout)
    );
}

/// A folder walk follows links: a linked draft is checked like the others.
#[test]
fn a_walk_follows_a_link_to_a_draft() {
    let dir = scratch("lien");
    std::fs::create_dir_all(dir.join("brouillons")).unwrap();
    std::fs::write(
        dir.join("cible.md"),
        "ARRÊTEZ DE VOLER NOS BACS DE RECYCLAGE\n",
    )
    .unwrap();
    std::os::unix::fs::symlink("../cible.md", dir.join("brouillons/lien.md")).unwrap();
    let out = vigie(&dir, &["check", "--profile", "la-sarre", "brouillons"]);
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        stdout.contains("brouillons/lien.md:1:1") && stdout.contains("1 brouillon vérifié"),
        "{stdout}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_bad_word_in_a_custom_profile_names_the_line() {
    let out = vigie(&robust(), &["check", "--policy", "regex.toml", "bon.md"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr.contains("regex.toml:5:1") && stderr.contains("offensive-language"),
        "{stderr}"
    );
}

#[test]
fn a_file_of_50_mb_is_refused_without_reading_it_all() {
    let dir = scratch("big");
    let line = "Le marché public revient samedi au parc, venez nombreux. ".repeat(16) + "\n";
    let big: String = line.repeat(50 * 1024 * 1024 / line.len() + 1);
    std::fs::write(dir.join("archive.md"), big).unwrap();
    std::fs::write(dir.join("bon.md"), "Bonne semaine !\n").unwrap();
    let out = vigie(
        &dir,
        &["check", "--profile", "la-sarre", "archive.md", "bon.md"],
    );
    assert_refused_but_others_checked(&out, "archive.md : fichier trop gros pour une publication");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn a_word_list_too_large_for_the_regex_engine_is_an_error_not_a_crash() {
    let dir = scratch("huge");
    // Under the 1 MB limit of a profile, long enough for the 8 MB limit of its regex.
    let words: Vec<String> = (0..24_000)
        .map(|i| format!("\"motinventeabcdefghijklmnopqrstuvwx{i:05}\""))
        .collect();
    let profile = format!(
        "extends = \"la-sarre\"\nid = \"enorme\"\n\n[rules.negative-about-employer]\nwords = [{}]\n",
        words.join(", ")
    );
    std::fs::write(dir.join("enorme.toml"), profile).unwrap();
    std::fs::write(dir.join("bon.md"), "Bonne semaine !\n").unwrap();
    let out = vigie(&dir, &["check", "--policy", "enorme.toml", "bon.md"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(
        stderr.contains("enorme.toml:5:1") && stderr.contains("« words »"),
        "{stderr}"
    );
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn an_unreadable_folder_entry_does_not_stop_the_others() {
    let dir = scratch("nul");
    std::fs::write(dir.join("a.md"), "Bonne semaine !\n").unwrap();
    std::fs::write(dir.join("b.md"), b"Bonjour\xff\n").unwrap();
    let out = vigie(&dir, &["check", "--profile", "la-sarre", "."]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("b.md:1:8 : le texte n'est pas encodé en UTF-8"),
        "{stderr}"
    );
    assert!(text(&out.stdout).contains("1 brouillon vérifié"));
    std::fs::remove_dir_all(&dir).unwrap();
}
