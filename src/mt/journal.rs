//! The journal: every translation received, appended the moment it arrives, keyed by
//! provider, language pair, glossary version and masked text. It is also the cache: a run
//! killed at any moment loses nothing it received, and the next run sends none of those
//! segments again.
//!
//! One JSON object per line in `.kurso/mt-journal.jsonl`. A torn last line (a run killed in
//! the middle of a write) is skipped on load.

use std::collections::HashMap;
use std::fs::{File, OpenOptions};
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use serde::{Deserialize, Serialize};
use sha2::{Digest as _, Sha256};

use crate::fsx::FsError;

/// One journal line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub key: String,
    pub provider: String,
    pub source: String,
    pub target: String,
    pub glossary: String,
    pub masked: String,
    pub translation: String,
}

/// The cache key of a segment.
pub fn key(provider: &str, source: &str, target: &str, glossary: &str, masked: &str) -> String {
    let mut hasher = Sha256::new();
    for part in [provider, source, target, glossary, masked] {
        hasher.update(part.as_bytes());
        hasher.update([0]);
    }
    format!("{:x}", hasher.finalize())
}

/// The journal file, loaded, and open for appending.
#[derive(Debug)]
pub struct Journal {
    path: PathBuf,
    known: Mutex<HashMap<String, String>>,
    file: Mutex<Option<File>>,
}

impl Journal {
    /// Loads `path` (absent: empty). `read_only` (for `--dry-run`) never creates the file.
    pub fn open(path: &Path, read_only: bool) -> Result<Journal, FsError> {
        let mut known = HashMap::new();
        if let Some(text) = crate::fsx::read_optional(path)? {
            for line in text.lines() {
                if let Ok(entry) = serde_json::from_str::<Entry>(line) {
                    known.insert(entry.key, entry.translation);
                }
            }
        }
        let file = if read_only {
            None
        } else {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(|source| FsError::Write {
                    path: dir.display().to_string(),
                    source,
                })?;
            }
            let mut file = OpenOptions::new()
                .create(true)
                .append(true)
                .open(path)
                .map_err(|source| FsError::Write {
                    path: path.display().to_string(),
                    source,
                })?;
            // A torn last line from a killed run: start on a fresh line.
            if std::fs::metadata(path).is_ok_and(|m| m.len() > 0)
                && crate::fsx::read_optional(path)?.is_some_and(|t| !t.ends_with('\n'))
            {
                let _ = file.write_all(b"\n");
            }
            Some(file)
        };
        Ok(Journal {
            path: path.to_path_buf(),
            known: Mutex::new(known),
            file: Mutex::new(file),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The translation received before for `key`.
    pub fn get(&self, key: &str) -> Option<String> {
        self.known.lock().expect("journal lock").get(key).cloned()
    }

    /// Records a received translation: appended and flushed before this returns.
    pub fn record(&self, entry: &Entry) -> std::io::Result<()> {
        let mut line = serde_json::to_string(entry).map_err(std::io::Error::other)?;
        line.push('\n');
        if let Some(file) = self.file.lock().expect("journal lock").as_mut() {
            file.write_all(line.as_bytes())?;
            file.flush()?;
        }
        self.known
            .lock()
            .expect("journal lock")
            .insert(entry.key.clone(), entry.translation.clone());
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.known.lock().expect("journal lock").len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(key: &str, translation: &str) -> Entry {
        Entry {
            key: key.to_owned(),
            provider: "pseudo".into(),
            source: "en".into(),
            target: "fi".into(),
            glossary: String::new(),
            masked: "x".into(),
            translation: translation.into(),
        }
    }

    #[test]
    fn records_survive_reopening_and_a_torn_line_is_skipped() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join(".kurso/mt-journal.jsonl");
        let journal = Journal::open(&path, false).expect("open");
        journal.record(&entry("a", "yksi")).expect("record");
        drop(journal);
        // A killed run left half a line.
        let mut file = OpenOptions::new().append(true).open(&path).expect("append");
        file.write_all(b"{\"key\":\"b\",\"prov").expect("write");
        drop(file);
        let journal = Journal::open(&path, false).expect("reopen");
        assert_eq!(journal.get("a").as_deref(), Some("yksi"));
        assert_eq!(journal.get("b"), None);
        journal
            .record(&entry("c", "kolme"))
            .expect("record after torn line");
        let again = Journal::open(&path, true).expect("read only");
        assert_eq!(again.get("c").as_deref(), Some("kolme"));
    }

    #[test]
    fn keys_differ_by_every_part() {
        let base = key("deepl", "en", "fi", "v1", "text");
        assert_ne!(base, key("google", "en", "fi", "v1", "text"));
        assert_ne!(base, key("deepl", "en", "lt", "v1", "text"));
        assert_ne!(base, key("deepl", "en", "fi", "v2", "text"));
        assert_ne!(base, key("deepl", "en", "fi", "v1", "text2"));
    }
}
