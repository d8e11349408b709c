//! Stamps of files: what `stat` says of each (size, modification time, inode), so a
//! long-running reader such as `kurso review` can tell whether anything it loaded changed on
//! disk without reading it again.
//!
//! A [`Stamps`] of some folders lists every file below them (kurso's own temporary files
//! left out: they come and go during a write). Two stamps are equal when no file was added,
//! removed, renamed over (an atomic write gives a new inode), resized or touched.
//!
//! Limit: an edit in place (same inode) that keeps the size and lands within the same
//! timestamp tick as the previous write is not seen; Linux stamps files with its coarse clock
//! (a few milliseconds), FAT with two seconds. Git, kurso and most editors replace a file
//! (a new inode), which is always seen. Take the stamps *before* reading the files, so a
//! change made while they are read shows as a difference the next time rather than being
//! missed.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use walkdir::WalkDir;

use super::temp::PREFIX;

/// What `stat` says of one file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileStamp {
    pub len: u64,
    pub modified: Option<SystemTime>,
    /// The inode (Unix), so a rename over the file shows even with the same size and time.
    pub inode: u64,
}

/// The stamps of every file below some folders, by path.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Stamps {
    pub files: BTreeMap<PathBuf, FileStamp>,
}

impl Stamps {
    /// Every file below `dirs` (a folder that does not exist has none).
    pub fn of_dirs(dirs: &[PathBuf]) -> Stamps {
        let mut files = BTreeMap::new();
        for dir in dirs {
            let walker = WalkDir::new(dir)
                .min_depth(1)
                .into_iter()
                .filter_entry(|entry| entry.file_name() != ".git");
            for entry in walker.filter_map(Result::ok) {
                if !entry.file_type().is_file()
                    || entry.file_name().to_string_lossy().starts_with(PREFIX)
                {
                    continue;
                }
                if let Some(stamp) = entry.metadata().ok().map(|meta| stamp_of(&meta)) {
                    files.insert(entry.into_path(), stamp);
                }
            }
        }
        Stamps { files }
    }

    /// Stamps `path` again (after this process wrote it): removed when the file is gone.
    pub fn update(&mut self, path: &Path) {
        match file_stamp(path) {
            Some(stamp) => {
                self.files.insert(path.to_path_buf(), stamp);
            }
            None => {
                self.files.remove(path);
            }
        }
    }

    /// Whether `path` is as stamped (both absent counts as the same).
    pub fn unchanged(&self, path: &Path) -> bool {
        self.files.get(path).copied() == file_stamp(path)
    }
}

/// The stamp of one file; `None` when it does not exist (or cannot be read).
pub fn file_stamp(path: &Path) -> Option<FileStamp> {
    std::fs::metadata(path)
        .ok()
        .filter(std::fs::Metadata::is_file)
        .map(|meta| stamp_of(&meta))
}

fn stamp_of(meta: &std::fs::Metadata) -> FileStamp {
    #[cfg(unix)]
    let inode = std::os::unix::fs::MetadataExt::ino(meta);
    #[cfg(not(unix))]
    let inode = 0;
    FileStamp {
        len: meta.len(),
        modified: meta.modified().ok(),
        inode,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_removed_resized_or_replaced_file_changes_the_stamps() {
        let dir = tempfile::tempdir().expect("temp dir");
        let dirs = [dir.path().to_path_buf()];
        let file = dir.path().join("a/b.ftl");
        std::fs::create_dir_all(file.parent().expect("parent")).expect("mkdir");
        let empty = Stamps::of_dirs(&dirs);
        std::fs::write(&file, "a = A\n").expect("write");
        let written = Stamps::of_dirs(&dirs);
        assert_ne!(written, empty, "a new file");
        assert_eq!(Stamps::of_dirs(&dirs), written, "nothing changed");
        // The same size, written atomically (a new inode), as kurso and editors write.
        crate::fsx::write_atomic(&file, b"a = B\n").expect("write");
        let replaced = Stamps::of_dirs(&dirs);
        assert_ne!(replaced, written, "renamed over");
        assert!(!written.unchanged(&file) && replaced.unchanged(&file));
        std::fs::write(&file, "a = BB\n").expect("write");
        assert_ne!(Stamps::of_dirs(&dirs), replaced, "resized in place");
        std::fs::remove_file(&file).expect("remove");
        assert_eq!(Stamps::of_dirs(&dirs), empty, "removed");
        // kurso's own temporary files are not the project's.
        std::fs::write(dir.path().join(".kurso-1-abcdef"), "x").expect("write");
        assert_eq!(Stamps::of_dirs(&dirs), empty);
        // A folder that is not there has no files.
        assert_eq!(
            Stamps::of_dirs(&[dir.path().join("nowhere")]),
            Stamps::default()
        );
    }

    #[test]
    fn update_follows_a_write_of_this_process() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("x.state.toml");
        let mut stamps = Stamps::of_dirs(&[dir.path().to_path_buf()]);
        assert!(stamps.unchanged(&file), "absent and absent");
        std::fs::write(&file, "x").expect("write");
        assert!(!stamps.unchanged(&file));
        stamps.update(&file);
        assert!(stamps.unchanged(&file));
        assert_eq!(stamps, Stamps::of_dirs(&[dir.path().to_path_buf()]));
        std::fs::remove_file(&file).expect("remove");
        stamps.update(&file);
        assert_eq!(stamps, Stamps::default());
    }
}
