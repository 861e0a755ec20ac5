//! `vigie check --fix`: apply the fixes the checks know, and write the drafts back.
//!
//! The only fix today is the opinion disclaimer of personal posts
//! ([`crate::checks::personal::fix`]). Each draft is fixed right after it is checked,
//! not after the whole run, and only if the file still holds what was read: an edit
//! saved meanwhile is never overwritten (the draft is reported and left alone). A file
//! is rewritten atomically (a temporary file in the same folder, renamed over it), so
//! the original is intact if anything fails; a file with several hard links, or owned by
//! another user or group, is rewritten in place instead, through the same inode, so that
//! its links and owner stay, and put back as it was if the write fails. A read-only
//! draft is an error and is not touched. With standard input, the fixed post is kept for
//! standard output. The fixed draft is checked again, so that the report shows what is
//! left.

use std::fs;
use std::io::{self, Read, Seek, Write};
use std::path::Path;

use crate::checks::personal::fix::append_disclaimer;
use crate::checks::personal::opinion_disclaimer;
use crate::draft::{Draft, Format};
use crate::engine::{Checked, Engine};
use crate::inputs::Input;
use crate::problem::Problem;

/// What `--fix` did during a run.
#[derive(Debug, Default)]
pub struct Fixes {
    /// One French line per draft changed.
    pub notes: Vec<String>,
    /// Standard input, fixed or not: printed on standard output.
    pub stdout: Option<String>,
}

/// What `--fix` did to one draft.
#[derive(Debug, Default)]
pub struct Outcome {
    /// The French line that says the draft was changed.
    pub note: Option<String>,
    /// Standard input, fixed or not.
    pub stdout: Option<String>,
    /// Why the draft could not be written back (its findings are kept).
    pub problem: Option<Problem>,
}

impl Fixes {
    /// Records what was done to one draft; a draft not written back goes to `problems`.
    pub fn record(&mut self, outcome: Outcome, problems: &mut Vec<Problem>) {
        self.notes.extend(outcome.note);
        if outcome.stdout.is_some() {
            self.stdout = outcome.stdout;
        }
        problems.extend(outcome.problem);
    }
}

/// Fixes one checked draft and writes it back at once; returns the draft and what its
/// check found, to report, and what was done. `recheck` checks the fixed draft as the
/// first check did.
pub fn apply(
    engine: &Engine,
    input: &Input,
    (draft, checked): (Draft, Checked),
    recheck: &dyn Fn(&Draft) -> Result<Checked, Problem>,
) -> (Draft, Checked, Outcome) {
    let mut outcome = Outcome::default();
    let wanted = checked
        .findings
        .iter()
        .any(|f| f.rule == opinion_disclaimer::RULE.id && f.suppressed.is_none());
    let fixed = wanted
        .then(|| append_disclaimer(&draft, &engine.policy))
        .flatten();
    if let Input::Stdin = input {
        outcome.stdout = Some(fixed.clone().unwrap_or_else(|| draft.source.clone()));
    }
    let Some(text) = fixed else {
        return (draft, checked, outcome);
    };
    if let Input::File { path, .. } = input
        && let Err(e) = write_back(path, &draft.source, &text)
    {
        outcome.problem = Some(
            Problem::file(
                &draft.path,
                format!(
                    "impossible d'ajouter la mise en garde : {}",
                    write_error_fr(&e)
                ),
            )
            .with_help(if e.kind() == io::ErrorKind::WouldBlock {
                "le fichier n'a pas été modifié par vigie ; relancez vigie check --fix une fois \
                 vos modifications enregistrées"
            } else {
                "le fichier n'a pas été modifié ; vérifiez ses droits d'écriture, puis relancez \
                 vigie check --fix"
            }),
        );
        return (draft, checked, outcome);
    }
    outcome.note = Some(format!(
        "{} : mise en garde d'opinion ajoutée à la fin de la publication (opinion-disclaimer).",
        draft.path
    ));
    let format = Format::for_path(&draft.path);
    match Draft::parse(&draft.path, text, format).and_then(|d| recheck(&d).map(|f| (d, f))) {
        Ok((d, f)) => (d, f, outcome),
        Err(p) => {
            outcome.problem = Some(p);
            (draft, checked, outcome)
        }
    }
}

fn write_error_fr(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::PermissionDenied => "fichier en lecture seule ou dossier protégé".into(),
        io::ErrorKind::WouldBlock => {
            "le fichier a changé depuis que vigie l'a lu (une modification enregistrée entre-temps)"
                .into()
        }
        _ => crate::io_error_fr(e),
    }
}

/// Writes `contents` over the draft at `path`, which must still hold `read`, what vigie
/// checked: otherwise nothing is written and the error is of kind `WouldBlock`. The file
/// is replaced atomically ([`crate::fsutil::write_atomically`]), or rewritten in place
/// when a rename would lose its hard links or its owner ([`rewrite_in_place`]).
pub fn write_back(path: &Path, read: &str, contents: &str) -> io::Result<()> {
    let metadata = fs::metadata(path)?;
    if metadata.permissions().readonly() {
        return Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            "read-only file",
        ));
    }
    unchanged_since_read(path, read)?;
    if needs_in_place(&metadata) {
        rewrite_in_place(path, read, contents)
    } else {
        crate::fsutil::write_atomically(path, contents.as_bytes())
    }
}

/// Fails with `WouldBlock` when the file no longer holds `read`.
fn unchanged_since_read(path: &Path, read: &str) -> io::Result<()> {
    let mut now = Vec::with_capacity(read.len() + 1);
    fs::File::open(path)?
        .take(read.len() as u64 + 1)
        .read_to_end(&mut now)?;
    if now == read.as_bytes() {
        Ok(())
    } else {
        Err(io::Error::new(
            io::ErrorKind::WouldBlock,
            "changed since read",
        ))
    }
}

/// True when renaming a new file over this one would lose something: other hard links
/// to it, or its owner or group (a new file belongs to whoever runs vigie).
#[cfg(unix)]
fn needs_in_place(metadata: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    if metadata.nlink() > 1 {
        return true;
    }
    // Who runs vigie: the owner of its own process entry (Linux); elsewhere, assume it
    // owns the file.
    match fs::metadata("/proc/self") {
        Ok(me) => me.uid() != metadata.uid() || me.gid() != metadata.gid(),
        Err(_) => false,
    }
}

#[cfg(not(unix))]
fn needs_in_place(_: &fs::Metadata) -> bool {
    false
}

/// Rewrites the file through its own inode: one write from the start, the length set,
/// synced. If that fails (a full disk), what was read is written back, so the file is
/// never left half-written unless the disk fails twice.
fn rewrite_in_place(path: &Path, read: &str, contents: &str) -> io::Result<()> {
    let mut file = fs::OpenOptions::new().write(true).open(path)?;
    let write = |file: &mut fs::File, bytes: &[u8]| {
        file.rewind()?;
        file.write_all(bytes)?;
        file.set_len(bytes.len() as u64)?;
        file.sync_all()
    };
    write(&mut file, contents.as_bytes()).inspect_err(|_| {
        let _ = write(&mut file, read.as_bytes());
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("vigie-fix-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).unwrap();
        dir
    }

    fn leftovers(dir: &Path) -> Vec<String> {
        fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.contains(".vigie-"))
            .collect()
    }

    #[test]
    fn the_file_is_replaced_and_no_temporary_file_is_left() {
        let dir = scratch("ok");
        let path = dir.join("post.md");
        fs::write(&path, "avant").unwrap();
        write_back(&path, "avant", "après").unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "après");
        assert!(leftovers(&dir).is_empty());
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_read_only_file_is_refused_and_untouched() {
        let dir = scratch("ro");
        let path = dir.join("post.md");
        fs::write(&path, "avant").unwrap();
        let mut perms = fs::metadata(&path).unwrap().permissions();
        perms.set_readonly(true);
        fs::set_permissions(&path, perms.clone()).unwrap();
        let e = write_back(&path, "avant", "après").unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::PermissionDenied);
        assert_eq!(fs::read_to_string(&path).unwrap(), "avant");
        assert!(leftovers(&dir).is_empty());
        #[allow(clippy::permissions_set_readonly_false)]
        perms.set_readonly(false);
        fs::set_permissions(&path, perms).unwrap();
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_file_changed_since_it_was_read_is_not_written() {
        let dir = scratch("changed");
        let path = dir.join("post.md");
        fs::write(&path, "avant, puis une modification enregistrée").unwrap();
        let e = write_back(&path, "avant", "avant + mise en garde").unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::WouldBlock);
        assert_eq!(
            fs::read_to_string(&path).unwrap(),
            "avant, puis une modification enregistrée"
        );
        fs::remove_dir_all(dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn hard_links_are_kept() {
        use std::os::unix::fs::MetadataExt;
        let dir = scratch("links");
        let path = dir.join("post.md");
        fs::write(&path, "avant").unwrap();
        fs::hard_link(&path, dir.join("lien.md")).unwrap();
        let inode = fs::metadata(&path).unwrap().ino();
        write_back(&path, "avant", "après").unwrap();
        assert_eq!(fs::metadata(&path).unwrap().ino(), inode);
        assert_eq!(fs::read_to_string(dir.join("lien.md")).unwrap(), "après");
        // Shorter than before: the old end does not stay.
        write_back(&path, "après", "ap").unwrap();
        assert_eq!(fs::read_to_string(dir.join("lien.md")).unwrap(), "ap");
        assert!(leftovers(&dir).is_empty());
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_missing_file_is_an_error() {
        let dir = scratch("missing");
        assert!(write_back(&dir.join("absent.md"), "", "x").is_err());
        assert!(leftovers(&dir).is_empty());
        fs::remove_dir_all(dir).unwrap();
    }
}
