//! Writing a file whole or not at all: exports, manifests, the key file, settings, drafts.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Writes `path` through `write` into a hidden `.<name>.<pid>.partial` beside it, syncs it and
/// renames it over `path` (and syncs the folder, so the rename survives a power cut). On any
/// error the partial file is removed and `path` is left as it was (absent, or the earlier file).
pub fn write_atomically<T>(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> Result<T>,
) -> Result<T> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let tmp = partial_beside(path).map_err(io)?;
    let result = (|| {
        let file = std::fs::File::create(&tmp).map_err(io)?;
        let mut writer = BufWriter::new(file);
        let value = write(&mut writer)?;
        let file = writer.into_inner().map_err(|e| io(e.into_error()))?;
        finish(file, &tmp, path).map_err(io)?;
        Ok(value)
    })();
    if result.is_err() {
        // Nothing to do if it was never created.
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// [`write_atomically`] for bytes already in memory (a manifest, the key file, settings),
/// answering the I/O error itself so callers can tell a full disk from other failures.
pub fn write_bytes_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = partial_beside(path)?;
    let result = (|| {
        let mut file = std::fs::File::create(&tmp)?;
        file.write_all(bytes)?;
        finish(file, &tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Persists renames in `dir` (not every platform can open a directory; then the OS decides).
pub fn sync_dir(dir: &Path) {
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
}

fn partial_beside(path: &Path) -> std::io::Result<PathBuf> {
    let name = path
        .file_name()
        .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::InvalidInput, "not a file name"))?;
    Ok(path.with_file_name(format!(
        ".{}.{}.partial",
        name.to_string_lossy(),
        std::process::id()
    )))
}

/// Syncs the written temp file, renames it over `path` and syncs the folder.
fn finish(file: std::fs::File, tmp: &Path, path: &Path) -> std::io::Result<()> {
    file.sync_all()?;
    drop(file);
    std::fs::rename(tmp, path)?;
    if let Some(dir) = path.parent() {
        sync_dir(dir);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_the_earlier_file_and_no_partial_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("一覧.csv");
        std::fs::write(&path, "earlier").unwrap();
        let result: Result<()> = write_atomically(&path, |w| {
            w.write_all(b"half of the new").unwrap();
            Err(Error::Locked)
        });
        assert!(matches!(result, Err(Error::Locked)));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "earlier");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no partial file is left behind");
    }

    #[test]
    fn a_complete_write_replaces_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.csv");
        std::fs::write(&path, "earlier").unwrap();
        let n = write_atomically(&path, |w| {
            w.write_all(b"new").unwrap();
            Ok(3)
        })
        .unwrap();
        assert_eq!(n, 3);
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }
}
