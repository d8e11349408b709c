//! The journal: every translation received, appended the moment it arrives, keyed by
//! provider, language pair, glossary version and masked text. It is also the cache: a run
//! killed at any moment loses nothing it received, and the next run sends none of those
//! segments again.
//!
//! One JSON object per line in `.kurso/mt-journal.jsonl`. A torn last line (a run killed in
//! the middle of a write) is skipped on load.
//!
//! A translation whose draft failed verification is marked with a refusal line
//! (`{"key": …, "refused": "why"}`). It is still replayed (free, and refused again) until
//! `kurso translate --retry-refused` forgets the refused keys for one run, so the provider
//! is asked again for those and only those; a later translation line for the key clears
//! the mark.

use std::collections::{HashMap, HashSet};
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

/// A refusal line: the translation journaled for `key` made a draft that failed
/// verification.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Refusal {
    pub key: String,
    pub refused: String,
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
    refused: Mutex<HashSet<String>>,
    file: Mutex<Option<File>>,
}

impl Journal {
    /// Loads `path` (absent: empty). `read_only` (for `--dry-run`) never creates the file.
    pub fn open(path: &Path, read_only: bool) -> Result<Journal, FsError> {
        let mut known = HashMap::new();
        let mut refused = HashSet::new();
        if let Some(text) = crate::fsx::read_optional(path)? {
            for line in text.lines() {
                if let Ok(entry) = serde_json::from_str::<Entry>(line) {
                    refused.remove(&entry.key);
                    known.insert(entry.key, entry.translation);
                } else if let Ok(refusal) = serde_json::from_str::<Refusal>(line) {
                    refused.insert(refusal.key);
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
            refused: Mutex::new(refused),
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
        self.append(entry)?;
        self.refused
            .lock()
            .expect("journal lock")
            .remove(&entry.key);
        self.known
            .lock()
            .expect("journal lock")
            .insert(entry.key.clone(), entry.translation.clone());
        Ok(())
    }

    /// Marks the translation of `key` as refused (once; a key already marked is left).
    pub fn refuse(&self, key: &str, reason: &str) -> std::io::Result<()> {
        if !self
            .refused
            .lock()
            .expect("journal lock")
            .insert(key.to_owned())
        {
            return Ok(());
        }
        self.append(&Refusal {
            key: key.to_owned(),
            refused: reason.to_owned(),
        })
    }

    /// Whether the translation of `key` was refused (and not received again since).
    pub fn is_refused(&self, key: &str) -> bool {
        self.refused.lock().expect("journal lock").contains(key)
    }

    /// Forgets, for this run, the translations that were refused: they are asked again.
    /// Returns how many.
    pub fn forget_refused(&self) -> usize {
        let refused = self.refused.lock().expect("journal lock");
        let mut known = self.known.lock().expect("journal lock");
        refused
            .iter()
            .filter(|key| known.remove(key.as_str()).is_some())
            .count()
    }

    fn append(&self, line: &impl Serialize) -> std::io::Result<()> {
        let mut line = serde_json::to_string(line).map_err(std::io::Error::other)?;
        line.push('\n');
        if let Some(file) = self.file.lock().expect("journal lock").as_mut() {
            file.write_all(line.as_bytes())?;
            file.flush()?;
        }
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
    fn a_refusal_is_replayed_until_forgotten_and_a_new_translation_clears_it() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("j.jsonl");
        let journal = Journal::open(&path, false).expect("open");
        journal.record(&entry("a", "huono")).expect("record");
        journal.record(&entry("b", "hyvä")).expect("record");
        journal
            .refuse("a", "placeholder 1 is missing")
            .expect("refuse");
        journal
            .refuse("a", "placeholder 1 is missing")
            .expect("once");
        drop(journal);
        assert_eq!(
            std::fs::read_to_string(&path)
                .expect("read")
                .matches("refused")
                .count(),
            1
        );
        let journal = Journal::open(&path, false).expect("reopen");
        assert!(journal.is_refused("a") && !journal.is_refused("b"));
        assert_eq!(journal.get("a").as_deref(), Some("huono"), "replayed");
        assert_eq!(journal.forget_refused(), 1);
        assert_eq!(journal.get("a"), None, "asked again");
        assert_eq!(journal.get("b").as_deref(), Some("hyvä"), "kept");
        journal.record(&entry("a", "parempi")).expect("record");
        drop(journal);
        let journal = Journal::open(&path, true).expect("reopen");
        assert!(!journal.is_refused("a"));
        assert_eq!(journal.get("a").as_deref(), Some("parempi"));
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
