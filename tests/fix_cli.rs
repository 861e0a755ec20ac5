//! `vigie check --fix` from the command line: the file rewritten with the profile's
//! disclaimer, stdin printed fixed, a read-only file refused with exit 2 and untouched.

use std::fs;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Stdio};

fn vigie() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_vigie"));
    c.env("NO_COLOR", "1");
    c
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("vigie-fix-cli-{}-{name}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).unwrap();
    dir
}

const POST: &str =
    "Je trouve que la Ville a raison de prolonger les heures de la piscine.\r\n\r\n#LaSarre\r\n";
const FIXED: &str = "Je trouve que la Ville a raison de prolonger les heures de la piscine.\r\n\r\n\
Les opinions que j'exprime ici n'engagent que ma personne et ne représentent pas l'opinion de la Ville.\r\n\r\n#LaSarre\r\n";

#[test]
fn fix_rewrites_the_file_and_reports_it() {
    let dir = scratch("file");
    let path = dir.join("post.md");
    fs::write(&path, POST).unwrap();
    let out = vigie()
        .args(["check", "--profile", "la-sarre", "--fix"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{out:?}");
    assert_eq!(fs::read_to_string(&path).unwrap(), FIXED);
    assert!(String::from_utf8_lossy(&out.stderr).contains("mise en garde d'opinion ajoutée"));
    // A second run has nothing left to do.
    let again = vigie()
        .args(["check", "--profile", "la-sarre", "--fix"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(0));
    assert_eq!(fs::read_to_string(&path).unwrap(), FIXED);
    fs::remove_dir_all(dir).unwrap();
}

#[test]
fn fix_on_stdin_prints_the_fixed_post() {
    let mut child = vigie()
        .args(["check", "--profile", "la-sarre", "--fix", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(POST.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8(out.stdout).unwrap(), FIXED);
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_an_error_and_stays_untouched() {
    let dir = scratch("ro");
    let path = dir.join("post.md");
    fs::write(&path, POST).unwrap();
    let mut perms = fs::metadata(&path).unwrap().permissions();
    perms.set_readonly(true);
    fs::set_permissions(&path, perms.clone()).unwrap();
    let out = vigie()
        .args(["check", "--profile", "la-sarre", "--fix"])
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(fs::read_to_string(&path).unwrap(), POST);
    assert!(String::from_utf8_lossy(&out.stderr).contains("lecture seule"));
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    fs::set_permissions(&path, perms).unwrap();
    fs::remove_dir_all(dir).unwrap();
}
