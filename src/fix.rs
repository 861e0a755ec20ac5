//! `vigie check --fix`: apply the fixes the checks know, and write the drafts back.
//!
//! The only fix today is the opinion disclaimer of personal posts
//! ([`crate::checks::personal::fix`]). A file is rewritten atomically: the new text goes
//! to a temporary file in the same folder, which then replaces the draft by a rename,
//! so the original is intact if anything fails; a read-only draft is an error and is
//! not touched. With standard input, the fixed post is kept for standard output. The
//! fixed draft is checked again, so that the report shows what is left.

use std::fs;
use std::io;
use std::path::Path;

use crate::checks::personal::fix::append_disclaimer;
use crate::checks::personal::opinion_disclaimer;
use crate::draft::{Draft, Format};
use crate::engine::Engine;
use crate::finding::Finding;
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

impl Fixes {
    /// Fixes one checked draft; returns the draft and findings to report. `recheck`
    /// checks the fixed draft as the first check did. A draft that cannot be written back
    /// is reported in `problems` with its findings kept.
    pub fn apply(
        &mut self,
        engine: &Engine,
        input: &Input,
        (draft, findings): (Draft, Vec<Finding>),
        recheck: &dyn Fn(&Draft) -> Result<Vec<Finding>, Problem>,
        problems: &mut Vec<Problem>,
    ) -> (Draft, Vec<Finding>) {
        let wanted = findings
            .iter()
            .any(|f| f.rule == opinion_disclaimer::RULE.id && f.suppressed.is_none());
        let fixed = wanted
            .then(|| append_disclaimer(&draft, &engine.policy))
            .flatten();
        if let Input::Stdin = input {
            self.stdout = Some(fixed.clone().unwrap_or_else(|| draft.source.clone()));
        }
        let Some(text) = fixed else {
            return (draft, findings);
        };
        if let Input::File { path, .. } = input
            && let Err(e) = write_atomic(path, &text)
        {
            problems.push(
                Problem::file(
                    &draft.path,
                    format!(
                        "impossible d'ajouter la mise en garde : {}",
                        write_error_fr(&e)
                    ),
                )
                .with_help(
                    "le fichier n'a pas été modifié ; vérifiez ses droits d'écriture, puis relancez \
                     vigie check --fix",
                ),
            );
            return (draft, findings);
        }
        self.notes.push(format!(
            "{} : mise en garde d'opinion ajoutée à la fin de la publication (opinion-disclaimer).",
            draft.path
        ));
        let format = Format::for_path(&draft.path);
        match Draft::parse(&draft.path, text, format).and_then(|d| recheck(&d).map(|f| (d, f))) {
            Ok(checked) => checked,
            Err(p) => {
                problems.push(p);
                (draft, findings)
            }
        }
    }
}

fn write_error_fr(e: &io::Error) -> String {
    if e.kind() == io::ErrorKind::PermissionDenied {
        "fichier en lecture seule ou dossier protégé".into()
    } else {
        crate::io_error_fr(e)
    }
}

/// Replaces the draft at `path` by `contents` atomically (see [`crate::fsutil`]). The
/// draft must still be there: a draft deleted since it was read is not written anew.
pub fn write_atomic(path: &Path, contents: &str) -> io::Result<()> {
    fs::metadata(path)?;
    crate::fsutil::write_atomically(path, contents.as_bytes())
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
        write_atomic(&path, "après").unwrap();
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
        let e = write_atomic(&path, "après").unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::PermissionDenied);
        assert_eq!(fs::read_to_string(&path).unwrap(), "avant");
        assert!(leftovers(&dir).is_empty());
        #[allow(clippy::permissions_set_readonly_false)]
        perms.set_readonly(false);
        fs::set_permissions(&path, perms).unwrap();
        fs::remove_dir_all(dir).unwrap();
    }

    #[test]
    fn a_missing_file_is_an_error() {
        let dir = scratch("missing");
        assert!(write_atomic(&dir.join("absent.md"), "x").is_err());
        assert!(leftovers(&dir).is_empty());
        fs::remove_dir_all(dir).unwrap();
    }
}
