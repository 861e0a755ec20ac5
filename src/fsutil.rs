//! Files vigie reads and writes. Writing: nothing is ever half-written (a temporary
//! file in the same folder, flushed, then renamed over the target; if anything fails,
//! the target is as it was and the temporary file is removed). Reading a configuration:
//! only a regular file, and only up to a size limit, so that a device, a pipe or a
//! runaway file is an error and not a hang or all of the memory.

use std::fs::{self, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

/// The largest profile or `vigie.toml` vigie reads (the built-in profiles are under 10 KB).
pub const MAX_CONFIG_BYTES: u64 = 1024 * 1024;
/// The largest consents register vigie reads.
pub const MAX_REGISTER_BYTES: u64 = 5 * 1024 * 1024;

/// Reads a configuration file as text: a regular file (through symbolic links) of at
/// most `limit` bytes, in UTF-8. The error is in French, for a message naming the file.
pub fn read_config(path: &Path, limit: u64) -> Result<String, String> {
    let unreadable =
        |e: io::Error| format!("impossible de lire le fichier : {}", crate::io_error_fr(&e));
    let not_regular = || {
        "ce n'est pas un fichier ordinaire (dossier, tube ou périphérique) : vigie ne lit \
         ses réglages que dans des fichiers"
            .to_string()
    };
    // Looked at before opening: opening a pipe would wait for a writer.
    if !fs::metadata(path).map_err(unreadable)?.is_file() {
        return Err(not_regular());
    }
    let file = fs::File::open(path).map_err(unreadable)?;
    if !file.metadata().map_err(unreadable)?.is_file() {
        return Err(not_regular());
    }
    let mut bytes = Vec::new();
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    if bytes.len() as u64 > limit {
        return Err(format!(
            "fichier trop gros pour des réglages (plus de {} Ko) : vigie n'en lit pas davantage",
            limit / 1024
        ));
    }
    String::from_utf8(bytes).map_err(|e| {
        format!(
            "le fichier n'est pas encodé en UTF-8 (octet {}) : enregistrez-le en UTF-8",
            e.utf8_error().valid_up_to() + 1
        )
    })
}

/// Replaces (or creates) the file at `path` with `bytes`: a temporary file beside it,
/// written and synced, then renamed over it, taking its permissions. A symbolic link
/// stays a link (the file it points to is replaced); a read-only file is refused with
/// `PermissionDenied` and left untouched; on any failure the temporary file is removed.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = AtomicFile::create(path)?;
    file.write_all(bytes)?;
    file.commit()
}

/// A file written bit by bit that replaces its target only when committed (see
/// [`write_atomically`]): a report streamed into `--output-file` is never seen half
/// written. Dropped without [`AtomicFile::commit`], it leaves the target as it was.
pub struct AtomicFile {
    tmp: PathBuf,
    target: PathBuf,
    permissions: Option<fs::Permissions>,
    file: Option<io::BufWriter<fs::File>>,
}

impl AtomicFile {
    /// A temporary file beside `path`; a read-only target is refused with
    /// `PermissionDenied`.
    pub fn create(path: &Path) -> io::Result<AtomicFile> {
        let (target, permissions) = match fs::canonicalize(path) {
            Ok(target) => {
                let metadata = fs::metadata(&target)?;
                if metadata.permissions().readonly() {
                    return Err(io::Error::new(
                        io::ErrorKind::PermissionDenied,
                        "read-only file",
                    ));
                }
                (target, Some(metadata.permissions()))
            }
            Err(e) if e.kind() == io::ErrorKind::NotFound => (path.to_path_buf(), None),
            Err(e) => return Err(e),
        };
        let dir = match target.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let name = target
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let (tmp, file) = create_temporary(&dir, &name)?;
        Ok(AtomicFile {
            tmp,
            target,
            permissions,
            file: Some(io::BufWriter::with_capacity(64 * 1024, file)),
        })
    }

    /// Flushes, syncs and renames the temporary file over the target.
    pub fn commit(mut self) -> io::Result<()> {
        let file = self.file.take().expect("an uncommitted file is open");
        let file = file.into_inner().map_err(io::IntoInnerError::into_error)?;
        if let Some(p) = &self.permissions {
            file.set_permissions(p.clone())?;
        }
        file.sync_all()?;
        drop(file);
        fs::rename(&self.tmp, &self.target)?;
        // Renamed: nothing left to remove.
        self.tmp = PathBuf::new();
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file
            .as_mut()
            .expect("an uncommitted file is open")
            .write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file
            .as_mut()
            .expect("an uncommitted file is open")
            .flush()
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        self.file = None;
        if !self.tmp.as_os_str().is_empty() {
            let _ = fs::remove_file(&self.tmp);
        }
    }
}

/// A new file `.NAME.vigie-PID-N.tmp` beside the target, never an existing one.
fn create_temporary(dir: &Path, name: &str) -> io::Result<(PathBuf, fs::File)> {
    let mut last = None;
    for n in 0..100 {
        let tmp = dir.join(format!(".{name}.vigie-{}-{n}.tmp", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(f) => return Ok((tmp, f)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::other("no temporary file name")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_content_whole() {
        let dir = std::env::temp_dir().join(format!("vigie-fsutil-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("a.txt");
        std::fs::write(&path, "avant").unwrap();
        write_atomically(&path, b"apres").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "apres");
        let leftovers = std::fs::read_dir(&dir).unwrap().count();
        assert_eq!(leftovers, 1);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn a_missing_folder_fails_and_leaves_nothing() {
        let path = std::env::temp_dir()
            .join("vigie-no-such-dir-xyz")
            .join("a.txt");
        assert!(write_atomically(&path, b"x").is_err());
        assert!(!path.exists());
    }
}
