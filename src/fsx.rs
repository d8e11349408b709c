//! All file-system access of the library goes through here.
//!
//! Invariant: every write is atomic (a temporary file in the target's folder, then a rename),
//! so a reader never sees half a file and an interrupted run leaves the old file intact.
//!
//! Two strengths: [`write_atomic`] for files kurso regenerates from the sources (extracted
//! `locales/<source>`, `build/`): atomic, not flushed to the disk, because a power cut can at
//! worst lose a file the next run writes again, and flushing 2,000 files costs more than
//! extracting them. [`write_durable`] for what a person or a paid service produced (translation
//! state, machine drafts, configs a person edits): also flushed (`fsync`) before the rename.
//!
//! Modes (Unix): a new file gets the mode a plain `File::create` gives it (0666 less the
//! umask: 0644 under umask 022), so a web server can publish `build/`; a rewritten file keeps
//! the mode it had (a 0640 state file stays 0640, a 0755 file stays 0755).
//!
//! Temporary files are named `.kurso-<pid>-<random>`; [`remove_stale_temps`] removes the ones
//! a killed run left behind and never a running one's (see `temp.rs` for the rule).

mod temp;

pub use temp::remove_stale as remove_stale_temps;

use std::fs;
use std::io::Write as _;
use std::path::Path;

use thiserror::Error;

/// A file-system operation failed; carries the path so messages can name it.
#[derive(Debug, Error)]
pub enum FsError {
    #[error("failed to read `{path}`: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("failed to write `{path}`: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
    #[error("`{path}` is not valid UTF-8 (byte {valid_up_to}): save it as UTF-8")]
    NotUtf8 { path: String, valid_up_to: usize },
}

impl FsError {
    /// The file the operation was about.
    pub fn path(&self) -> &Path {
        match self {
            FsError::Read { path, .. }
            | FsError::Write { path, .. }
            | FsError::NotUtf8 { path, .. } => Path::new(path),
        }
    }
}

/// Reads a UTF-8 text file (a leading byte-order mark is dropped).
pub fn read_to_string(path: &Path) -> Result<String, FsError> {
    let bytes = fs::read(path).map_err(|source| FsError::Read {
        path: path.display().to_string(),
        source,
    })?;
    let mut text = String::from_utf8(bytes).map_err(|err| FsError::NotUtf8 {
        path: path.display().to_string(),
        valid_up_to: err.utf8_error().valid_up_to(),
    })?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

/// Reads a file if it exists; `Ok(None)` when it does not.
pub fn read_optional(path: &Path) -> Result<Option<String>, FsError> {
    match read_to_string(path) {
        Ok(text) => Ok(Some(text)),
        Err(FsError::Read { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            Ok(None)
        }
        Err(err) => Err(err),
    }
}

/// Writes `contents` to `path` atomically, creating parent folders. For regenerable output.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), FsError> {
    write_via_temp(path, contents, false)
}

/// Writes `contents` to `path` atomically and durably (flushed before the rename). For work
/// that cannot be regenerated.
pub fn write_durable(path: &Path, contents: &[u8]) -> Result<(), FsError> {
    write_via_temp(path, contents, true)
}

fn write_via_temp(path: &Path, contents: &[u8], durable: bool) -> Result<(), FsError> {
    let write_err = |source| FsError::Write {
        path: path.display().to_string(),
        source,
    };
    let dir = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    fs::create_dir_all(dir).map_err(write_err)?;
    let mut temp = temp::create_in(dir).map_err(write_err)?;
    #[cfg(unix)]
    if let Ok(existing) = fs::metadata(path) {
        // Unlike the mode given at creation, this is not narrowed by the umask.
        temp.as_file()
            .set_permissions(existing.permissions())
            .map_err(write_err)?;
    }
    temp.write_all(contents).map_err(write_err)?;
    if durable {
        temp.as_file().sync_all().map_err(write_err)?;
    }
    temp.persist(path).map_err(|err| write_err(err.error))?;
    Ok(())
}

/// Writes atomically unless the file already holds exactly `contents`.
/// Returns whether the file was written.
pub fn write_if_changed(path: &Path, contents: &[u8]) -> Result<bool, FsError> {
    if fs::read(path).is_ok_and(|current| current == contents) {
        return Ok(false);
    }
    write_atomic(path, contents)?;
    Ok(true)
}

/// Removes a file; `Ok(false)` when there was none.
pub fn remove_if_exists(path: &Path) -> Result<bool, FsError> {
    match fs::remove_file(path) {
        Ok(()) => Ok(true),
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(source) => Err(FsError::Write {
            path: path.display().to_string(),
            source,
        }),
    }
}

/// Copies a file atomically (used by `build` for assets).
pub fn copy_atomic(from: &Path, to: &Path) -> Result<bool, FsError> {
    let bytes = fs::read(from).map_err(|source| FsError::Read {
        path: from.display().to_string(),
        source,
    })?;
    write_if_changed(to, &bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_if_changed_skips_identical_content() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("a/b.ftl");
        assert!(write_if_changed(&path, b"x = 1\n").expect("first write"));
        assert!(!write_if_changed(&path, b"x = 1\n").expect("second write"));
        assert!(write_if_changed(&path, b"x = 2\n").expect("third write"));
        assert_eq!(read_to_string(&path).expect("read"), "x = 2\n");
    }

    #[cfg(unix)]
    fn mode(path: &Path) -> u32 {
        use std::os::unix::fs::PermissionsExt as _;
        fs::metadata(path).expect("metadata").permissions().mode() & 0o7777
    }

    /// The umask is process-wide, so this compares with a sibling `File::create` makes under
    /// the same umask (`tests/testsuite/files.rs` sets a known umask in a subprocess).
    #[cfg(unix)]
    #[test]
    fn a_new_file_gets_the_mode_file_create_gives_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let written = dir.path().join("written.ftl");
        write_atomic(&written, b"x = 1\n").expect("write");
        let plain = dir.path().join("plain.ftl");
        fs::File::create(&plain).expect("create");
        assert_eq!(
            format!("{:o}", mode(&written)),
            format!("{:o}", mode(&plain))
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_rewritten_file_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().expect("temp dir");
        for wanted in [0o640, 0o755, 0o604] {
            let path = dir.path().join(format!("{wanted:o}.toml"));
            fs::write(&path, "old").expect("write");
            fs::set_permissions(&path, fs::Permissions::from_mode(wanted)).expect("chmod");
            write_durable(&path, b"new").expect("durable rewrite");
            assert_eq!(format!("{:o}", mode(&path)), format!("{wanted:o}"));
            assert!(write_if_changed(&path, b"newer").expect("atomic rewrite"));
            assert_eq!(format!("{:o}", mode(&path)), format!("{wanted:o}"));
            assert_eq!(read_to_string(&path).expect("read"), "newer");
        }
    }

    #[test]
    fn read_drops_byte_order_mark() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("bom.md");
        fs::write(&path, "\u{feff}# Title\n").expect("write");
        assert_eq!(read_to_string(&path).expect("read"), "# Title\n");
    }

    #[test]
    fn invalid_utf8_names_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("latin1.md");
        fs::write(&path, b"caf\xe9").expect("write");
        let err = read_to_string(&path).expect_err("not UTF-8");
        assert!(err.to_string().contains("latin1.md"), "{err}");
        assert!(err.to_string().contains("byte 3"), "{err}");
    }
}
