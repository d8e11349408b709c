//! Segments submitted to an asynchronous provider (eTranslation), waiting for their callback.
//! `kurso translate` records each submission in `.kurso/mt-pending.jsonl`; `kurso
//! etranslation-receiver` turns each callback into a journal entry; the next `kurso translate`
//! finds the translation in the journal and writes the draft, sending nothing.

use std::collections::HashMap;
use std::fs::OpenOptions;
use std::io::Write as _;
use std::path::Path;
use std::sync::Mutex;

use serde::{Deserialize, Serialize};

use super::journal::{Entry, Journal};
use super::providers::etranslation::CallbackSink;

/// Where the pending submissions are, under the project root.
pub const PENDING: &str = ".kurso/mt-pending.jsonl";

/// One submitted segment: the external reference the callback echoes, and the journal entry
/// it completes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Pending {
    pub reference: String,
    pub entry: Entry,
}

/// Appends submissions (flushed before returning).
pub fn record(path: &Path, pending: &[Pending]) -> std::io::Result<()> {
    if pending.is_empty() {
        return Ok(());
    }
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    let mut file = OpenOptions::new().create(true).append(true).open(path)?;
    let mut text = String::new();
    for item in pending {
        text.push_str(&serde_json::to_string(item).map_err(std::io::Error::other)?);
        text.push('\n');
    }
    file.write_all(text.as_bytes())?;
    file.sync_all()
}

/// Loads the submissions by reference (torn lines skipped).
pub fn load(path: &Path) -> HashMap<String, Entry> {
    let Ok(Some(text)) = crate::fsx::read_optional(path) else {
        return HashMap::new();
    };
    text.lines()
        .filter_map(|line| serde_json::from_str::<Pending>(line).ok())
        .map(|p| (p.reference, p.entry))
        .collect()
}

/// Receives callbacks into the journal; reports each to `report`.
pub struct JournalSink {
    pending: HashMap<String, Entry>,
    journal: Journal,
    report: Mutex<Box<dyn FnMut(String) + Send>>,
}

impl JournalSink {
    pub fn new(
        pending: HashMap<String, Entry>,
        journal: Journal,
        report: Box<dyn FnMut(String) + Send>,
    ) -> JournalSink {
        JournalSink {
            pending,
            journal,
            report: Mutex::new(report),
        }
    }

    fn say(&self, line: String) {
        if let Ok(mut report) = self.report.lock() {
            report(line);
        }
    }
}

impl CallbackSink for JournalSink {
    fn received(&self, external_reference: &str, target: &str, text: &str) {
        let Some(entry) = self.pending.get(external_reference) else {
            // Not ours (or forged): nothing is written.
            self.say(format!(
                "ignored a callback for an unknown request `{external_reference}`"
            ));
            return;
        };
        let mut entry = entry.clone();
        text.clone_into(&mut entry.translation);
        match self.journal.record(&entry) {
            Ok(()) => self.say(format!(
                "received {} ({target}); `kurso translate` writes it",
                entry.key.get(..12).unwrap_or_default()
            )),
            Err(err) => self.say(format!("could not journal a translation: {err}")),
        }
    }

    fn failed(&self, external_reference: &str, code: &str, message: &str) {
        self.say(format!(
            "eTranslation could not translate `{external_reference}`: {code} {message}"
        ));
    }
}
