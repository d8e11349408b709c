//! One message as the review page shows it: where it is, why it needs a person, the English
//! with its codes, the translation or draft as editable text, the notes, glossary terms and
//! check findings, and the version a save must name.

use sha2::{Digest, Sha256};

use crate::check::doc::Entry;
use crate::check::finding::{DiffPart, Level};
use crate::exchange::{Code, Inline, TermHint};
use crate::state::{Record, Status};

/// Where a message stands, as the queue's status filter names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ItemStatus {
    /// No translation in the locale or along its chain.
    Missing,
    /// A machine draft nobody has confirmed.
    Machine,
    /// The English changed since the translation was made (a person's or a machine's).
    Stale,
    /// A translation with no state record: nobody knows which English it was made from.
    Unverified,
    Edited,
    Reviewed,
    Approved,
}

impl ItemStatus {
    pub const ALL: [ItemStatus; 7] = [
        ItemStatus::Missing,
        ItemStatus::Machine,
        ItemStatus::Stale,
        ItemStatus::Unverified,
        ItemStatus::Edited,
        ItemStatus::Reviewed,
        ItemStatus::Approved,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ItemStatus::Missing => "missing",
            ItemStatus::Machine => "machine",
            ItemStatus::Stale => "stale",
            ItemStatus::Unverified => "unverified",
            ItemStatus::Edited => "edited",
            ItemStatus::Reviewed => "reviewed",
            ItemStatus::Approved => "approved",
        }
    }

    pub fn parse(name: &str) -> Option<ItemStatus> {
        ItemStatus::ALL.into_iter().find(|s| s.as_str() == name)
    }

    /// A person made or checked it for today's English.
    pub fn is_done(self) -> bool {
        matches!(
            self,
            ItemStatus::Edited | ItemStatus::Reviewed | ItemStatus::Approved
        )
    }

    /// From the translation (if any) and its state record, against today's English.
    pub fn of(english: &str, has_translation: bool, record: Option<&Record>) -> ItemStatus {
        match (has_translation, record) {
            (false, _) => ItemStatus::Missing,
            (true, None) => ItemStatus::Unverified,
            (true, Some(record)) if record.source != english => ItemStatus::Stale,
            (true, Some(record)) => match record.status {
                Status::Machine => ItemStatus::Machine,
                Status::Edited => ItemStatus::Edited,
                Status::Reviewed => ItemStatus::Reviewed,
                Status::Approved => ItemStatus::Approved,
            },
        }
    }
}

/// One translatable piece of the message (its value, an attribute, a variant).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemUnit {
    /// `id`, `id.attr`, `id[key]` (as in review packets).
    pub id: String,
    /// The English with its inline codes.
    pub english: Vec<Inline>,
    pub codes: Vec<Code>,
    /// The translation or draft as [`super::editable`] text; empty when there is none.
    pub text: String,
}

/// A check finding about the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemFinding {
    pub rule: String,
    pub level: Level,
    pub message: String,
}

/// A message of one locale.
#[derive(Debug, Clone)]
pub struct Item {
    /// The translation file, relative to the locale folder.
    pub file: String,
    pub course: String,
    /// The module's file name without `.ftl`.
    pub module: String,
    pub id: String,
    pub status: ItemStatus,
    /// `human`, a provider, … (from the state record).
    pub origin: Option<String>,
    pub changed_by: Option<String>,
    pub changed_on: Option<String>,
    /// Where the English is: `01-x.md:41 · Heading › Subheading`.
    pub location: Option<String>,
    /// The course author's notes and anything else kurso tells the translator.
    pub notes: Vec<String>,
    /// For a stale message: the word diff of the English, old → new.
    pub diff: Option<Vec<DiffPart>>,
    /// A machine suggestion kept beside a person's stale translation, with its origin.
    pub suggestion: Option<(String, String)>,
    pub terms: Vec<TermHint>,
    pub findings: Vec<ItemFinding>,
    pub units: Vec<ItemUnit>,
    /// What a save must name: see [`version`].
    pub version: String,
}

impl Item {
    /// Why the message is in the queue (empty: it is not).
    pub fn needs(&self) -> Vec<&'static str> {
        let mut needs = Vec::new();
        if !self.status.is_done() {
            needs.push(self.status.as_str());
        }
        if self.findings.iter().any(|f| f.level >= Level::Warning) {
            needs.push("findings");
        }
        needs
    }

    pub fn in_queue(&self) -> bool {
        !self.needs().is_empty()
    }
}

/// The version of a message as read from disk: a digest of its English entry, its
/// translation entry and its state record. Any change to one of them, by this server, another
/// reviewer or a `git pull`, gives another version.
pub fn version(
    english: Entry<'_>,
    translation: Option<Entry<'_>>,
    record: Option<&Record>,
) -> String {
    let mut hasher = Sha256::new();
    hasher.update(english.source().as_bytes());
    hasher.update([0]);
    hasher.update(translation.map_or("", |t| t.source()).as_bytes());
    hasher.update([0]);
    if let Some(record) = record {
        hasher.update(format!("{record:?}").as_bytes());
    }
    hex(&hasher.finalize()[..12])
}

/// Lowercase hexadecimal.
pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::new(), |mut text, b| {
        let _ = write!(text, "{b:02x}");
        text
    })
}
