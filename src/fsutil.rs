//! Writing files so that nothing is ever half-written: a temporary file in the same
//! folder, flushed, then renamed over the target. If anything fails, the target is as
//! it was and the temporary file is removed.

use std::io::Write;
use std::path::Path;

pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.vigie-{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        file.sync_all()?;
        if let Ok(meta) = std::fs::metadata(path) {
            // Keep the permissions of the file being replaced.
            std::fs::set_permissions(&tmp, meta.permissions())?;
        }
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
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
