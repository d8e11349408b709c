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

mod stamp;
mod temp;

pub use stamp::{FileStamp, Stamps, file_stamp};
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
    // Validated with SIMD (the standard library's check goes a byte at a time outside ASCII,
    // where Greek text lies entirely), then copied once.
    let Ok(text) = simdutf8::basic::from_utf8(&bytes) else {
        let valid_up_to =
            std::str::from_utf8(&bytes).map_or_else(|err| err.valid_up_to(), str::len);
        return Err(FsError::NotUtf8 {
            path: path.display().to_string(),
            valid_up_to,
        });
    };
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text).to_owned())
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

/// Reads a file's bytes as they are (assets, files to compare).
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, FsError> {
    fs::read(path).map_err(|source| FsError::Read {
        path: path.display().to_string(),
        source,
    })
}

/// Removes the regular file `root/rel`, then the folders it leaves empty up to `root`;
/// `Ok(false)` when there is no such file. Refuses (`Ok(false)`, nothing removed) a `rel`
/// that is absolute or climbs with `..`, a symbolic link, and a file whose real folder is
/// not inside `root`'s: what is outside `root` is never touched.
pub fn remove_file_within(root: &Path, rel: &Path) -> Result<bool, FsError> {
    use std::path::Component;
    if rel.as_os_str().is_empty()
        || !rel
            .components()
            .all(|part| matches!(part, Component::Normal(_)))
    {
        return Ok(false);
    }
    let path = root.join(rel);
    let is_file = fs::symlink_metadata(&path).is_ok_and(|meta| meta.file_type().is_file());
    let inside = match (path.parent().map(fs::canonicalize), fs::canonicalize(root)) {
        (Some(Ok(folder)), Ok(root)) => folder.starts_with(root),
        _ => false,
    };
    if !is_file || !inside {
        return Ok(false);
    }
    fs::remove_file(&path).map_err(|source| FsError::Write {
        path: path.display().to_string(),
        source,
    })?;
    let mut folder = path.parent();
    while let Some(dir) = folder.filter(|dir| *dir != root && dir.starts_with(root)) {
        // Fails (and stops) at the first folder that is not empty.
        if fs::remove_dir(dir).is_err() {
            break;
        }
        folder = dir.parent();
    }
    Ok(true)
}

/// Whether the file starts with a UTF-8 byte-order mark, which [`read_to_string`] drops:
/// `kurso build` puts it back so a module comes out as it went in.
pub fn has_byte_order_mark(path: &Path) -> Result<bool, FsError> {
    use std::io::Read as _;
    const BOM: &[u8] = "\u{feff}".as_bytes();
    let read_err = |source| FsError::Read {
        path: path.display().to_string(),
        source,
    };
    let mut start = Vec::with_capacity(BOM.len());
    fs::File::open(path)
        .map_err(read_err)?
        .take(BOM.len() as u64)
        .read_to_end(&mut start)
        .map_err(read_err)?;
    Ok(start == BOM)
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

    /// The byte-order mark is `read_drops_byte_order_mark`'s.
    #[test]
    fn read_to_string_names_the_first_bad_byte() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("x.ftl");
        fs::write(&path, "a = Πάρτε 5 mg\n").expect("written");
        assert_eq!(read_to_string(&path).expect("read"), "a = Πάρτε 5 mg\n");
        // `é` then a lone continuation byte, then a cut-off sequence at the end.
        let mut bytes = "a = é ".as_bytes().to_vec();
        bytes.extend([0x80, b'x', 0xce]);
        fs::write(&path, &bytes).expect("written");
        match read_to_string(&path) {
            Err(FsError::NotUtf8 { valid_up_to, .. }) => assert_eq!(valid_up_to, 7),
            other => panic!("expected NotUtf8, got {other:?}"),
        }
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
    fn byte_order_mark_is_detected() {
        let dir = tempfile::tempdir().expect("temp dir");
        let (with, without, short) = (
            dir.path().join("bom.md"),
            dir.path().join("plain.md"),
            dir.path().join("short.md"),
        );
        fs::write(&with, "\u{feff}# Title\n").expect("write");
        fs::write(&without, "# Title\n").expect("write");
        fs::write(&short, "\u{ef}").expect("write");
        assert!(has_byte_order_mark(&with).expect("read"));
        assert!(!has_byte_order_mark(&without).expect("read"));
        assert!(!has_byte_order_mark(&short).expect("read"));
        assert!(has_byte_order_mark(&dir.path().join("none.md")).is_err());
    }

    #[test]
    fn remove_file_within_stays_inside_its_folder() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("build");
        let outside = dir.path().join("keep.md");
        fs::write(&outside, "x").expect("write");
        fs::create_dir_all(root.join("el/c/fig")).expect("mkdir");
        fs::create_dir_all(root.join("el/d")).expect("mkdir");
        fs::write(root.join("el/c/fig/a.svg"), "x").expect("write");
        fs::write(root.join("el/d/01-a.md"), "x").expect("write");
        assert!(!remove_file_within(&root, Path::new("../keep.md")).expect("refused"));
        assert!(!remove_file_within(&root, &outside).expect("refused"));
        assert!(!remove_file_within(&root, Path::new("el/c/none.md")).expect("none"));
        assert!(outside.exists());
        assert!(remove_file_within(&root, Path::new("el/c/fig/a.svg")).expect("removed"));
        // The folders it emptied go too, up to the first one still holding something.
        assert!(!root.join("el/c").exists());
        assert!(root.join("el/d/01-a.md").exists());
    }

    #[cfg(unix)]
    #[test]
    fn remove_file_within_does_not_follow_a_linked_folder_out() {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("build");
        let outside = dir.path().join("courses");
        fs::create_dir_all(root.join("el")).expect("mkdir");
        fs::create_dir_all(&outside).expect("mkdir");
        fs::write(outside.join("01-a.md"), "x").expect("write");
        std::os::unix::fs::symlink(&outside, root.join("el/c")).expect("link");
        assert!(!remove_file_within(&root, Path::new("el/c/01-a.md")).expect("refused"));
        assert!(outside.join("01-a.md").exists());
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
