//! Finding the drafts to check (files, folders walked honouring .gitignore, stdin) and
//! reading them as text, with a clear problem for anything that is not a draft.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::problem::Problem;
use crate::text::LineIndex;

/// The extensions of drafts found in folders.
pub const EXTENSIONS: &[&str] = &["md", "markdown", "txt"];

/// A post is short: anything larger is not a draft.
pub const MAX_BYTES: u64 = 5 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    Stdin,
    /// A file, and whether it was found by walking a folder (exclusions apply then).
    File {
        path: PathBuf,
        walked: bool,
    },
}

impl Input {
    pub fn display(&self) -> String {
        match self {
            Input::Stdin => "stdin".to_string(),
            Input::File { path, .. } => path.display().to_string(),
        }
    }
}

/// Expands the paths of the command line. Problems (a missing path, an unreadable
/// folder) are returned beside the inputs found.
pub fn collect(paths: &[String]) -> (Vec<Input>, Vec<Problem>) {
    let mut inputs = Vec::new();
    let mut problems = Vec::new();
    for found in expand(paths) {
        match found {
            Ok(input) => inputs.push(input),
            Err(p) => problems.push(p),
        }
    }
    (inputs, problems)
}

/// The inputs the paths of the command line name, in order, as the folders are walked:
/// a draft can be checked before the walk is over. A problem (a missing path, an
/// unreadable folder, a loop of links) comes in its place in the walk.
pub fn expand(paths: &[String]) -> impl Iterator<Item = Result<Input, Problem>> + '_ {
    paths.iter().flat_map(|p| -> Box<dyn Iterator<Item = _>> {
        if p == "-" {
            return Box::new(std::iter::once(Ok(Input::Stdin)));
        }
        let path = Path::new(p);
        match std::fs::metadata(path) {
            Ok(m) if m.is_dir() => Box::new(walk(path)),
            Ok(_) => Box::new(std::iter::once(Ok(Input::File {
                path: path.to_path_buf(),
                walked: false,
            }))),
            Err(e) => Box::new(std::iter::once(Err(Problem::file(
                p,
                format!("impossible de lire : {}", crate::io_error_fr(&e)),
            )
            .with_help(
                "vérifiez le chemin ; « vigie check dossier/ » vérifie tout un dossier",
            )))),
        }
    })
}

/// The drafts of a folder, walked in the order of their paths.
fn walk(root: &Path) -> impl Iterator<Item = Result<Input, Problem>> + '_ {
    let walker = ignore::WalkBuilder::new(root)
        .require_git(false)
        .follow_links(true)
        // Siblings by name: the order of their paths, without comparing the folders.
        .sort_by_file_name(|a, b| a.cmp(b))
        .build();
    walker.filter_map(move |entry| match entry {
        Ok(e) => {
            if !e.file_type().is_some_and(|t| t.is_file()) {
                return None;
            }
            let ext = e
                .path()
                .extension()
                .and_then(|x| x.to_str())
                .map(str::to_ascii_lowercase);
            ext.is_some_and(|x| EXTENSIONS.contains(&x.as_str()))
                .then(|| {
                    Ok(Input::File {
                        path: e.into_path(),
                        walked: true,
                    })
                })
        }
        Err(e) => Some(Err(walk_problem(root, &e))),
    })
}

fn walk_problem(root: &Path, e: &ignore::Error) -> Problem {
    let mut path = root.display().to_string();
    let mut err = e;
    loop {
        match err {
            ignore::Error::WithPath {
                path: p,
                err: inner,
            } => {
                path = p.display().to_string();
                err = inner;
            }
            ignore::Error::WithDepth { err: inner, .. }
            | ignore::Error::WithLineNumber { err: inner, .. } => {
                err = inner;
            }
            _ => break,
        }
    }
    let message = match err {
        ignore::Error::Loop { ancestor, child } => {
            path = child.display().to_string();
            format!(
                "lien symbolique en boucle (il mène à « {} », déjà parcouru), ignoré",
                ancestor.display()
            )
        }
        ignore::Error::Io(io) => format!("impossible de lire : {}", crate::io_error_fr(io)),
        other => other.to_string(),
    };
    Problem::file(path, message)
}

/// Reads an input as UTF-8 text.
pub fn read(input: &Input) -> Result<String, Problem> {
    let name = input.display();
    let bytes = match input {
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin()
                .take(MAX_BYTES + 1)
                .read_to_end(&mut buf)
                .map_err(|e| {
                    Problem::file(
                        &name,
                        format!("impossible de lire : {}", crate::io_error_fr(&e)),
                    )
                })?;
            buf
        }
        Input::File { path, .. } => {
            // One read into a buffer of a post's usual size: no call for the file's size,
            // which costs as much as the read on an archive of small drafts.
            let read = || -> std::io::Result<Vec<u8>> {
                let mut buf = Vec::with_capacity(16 * 1024);
                std::fs::File::open(path)?
                    .take(MAX_BYTES + 1)
                    .read_to_end(&mut buf)?;
                // The draft keeps this buffer: give back what a short post leaves.
                buf.shrink_to_fit();
                Ok(buf)
            };
            let buf = read().map_err(|e| {
                Problem::file(
                    &name,
                    format!("impossible de lire : {}", crate::io_error_fr(&e)),
                )
            })?;
            if buf.len() as u64 > MAX_BYTES {
                let size = std::fs::metadata(path).map_or(buf.len() as u64, |m| m.len());
                return Err(too_large(&name, size));
            }
            buf
        }
    };
    if bytes.len() as u64 > MAX_BYTES {
        return Err(too_large(&name, bytes.len() as u64));
    }
    decode(&name, bytes)
}

fn too_large(name: &str, size: u64) -> Problem {
    Problem::file(
        name,
        format!(
            "fichier trop gros pour une publication ({:.1} Mo)",
            size as f64 / 1_048_576.0
        ),
    )
    .with_help("vigie vérifie des brouillons de moins de 5 Mo ; découpez le fichier ou excluez-le")
}

/// UTF-8 text, or a problem that says where the first bad byte is.
pub fn decode(name: &str, bytes: Vec<u8>) -> Result<String, Problem> {
    if bytes.contains(&0) {
        return Err(
            Problem::file(name, "fichier binaire : ce n'est pas un brouillon texte").with_help(
                "vérifiez le fichier ; une image se déclare dans l'en-tête avec [[media]]",
            ),
        );
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = e.utf8_error().valid_up_to();
        let text = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
        let (line, column) = LineIndex::new(&text).position(&text, valid);
        Problem {
            path: name.to_string(),
            line: Some(line),
            column: Some(column),
            message: "le texte n'est pas encodé en UTF-8".into(),
            help: Some("enregistrez le fichier en UTF-8 (dans votre éditeur : « Enregistrer sous… », encodage UTF-8)".into()),
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bad_utf8_is_located() {
        let e = decode("a.md", b"Bonjour\nvoil\xe0 tout".to_vec()).unwrap_err();
        assert_eq!((e.line, e.column), (Some(2), Some(5)));
    }

    #[test]
    fn binary_is_refused() {
        assert!(
            decode("a.md", b"PNG\0\0".to_vec())
                .unwrap_err()
                .message
                .contains("binaire")
        );
    }
}
