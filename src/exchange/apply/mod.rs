//! Applying what a translator sends back: each message of a packet is checked against today's
//! English and with every `kurso check` rule before anything is written.
//!
//! Per message (all its units together: value, attributes, select variants):
//! - a unit whose English is not today's English is **stale**: refused with the word diff, the
//!   current translation untouched;
//! - the units are put back together as a Fluent entry (`mt::draft::assemble`: inline codes
//!   must come back exactly once and well nested) and checked with every pair rule: an error
//!   **refuses** the message, a warning is reported;
//! - the same text at a state no further along is **unchanged** (so a second import of the
//!   same file changes nothing);
//! - otherwise it is **applied**: the `.ftl` and the state record are written through
//!   `guard::writable_state`, origin `human` with the tool the packet names, status from the
//!   packet's state. An unconfirmed target (`State::Draft`) is written as a machine draft only
//!   where there is no person's translation; a person's work is never set back to `machine`.

mod message;

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::PathBuf;

use rayon::prelude::*;

pub use message::fingerprint;
use message::{Outcome, message, message_id};

use super::model::{Packet, PacketFile, Unit};
use crate::check::LocaleDocs;
use crate::check::doc::splice_entries;
use crate::check::rules::LocaleEnv;
use crate::diagnostic::Diagnostic;
use crate::guard::writable_state;

/// What happened to the messages of one packet.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Applied {
    /// (translation file, message ID) written.
    pub applied: Vec<(PathBuf, String)>,
    /// Messages whose text and state were already as the packet says.
    pub unchanged: usize,
    /// Messages with no translation in the packet (left as they are).
    pub empty: usize,
    /// (file, message ID, reason) not written.
    pub refused: Vec<(PathBuf, String, String)>,
    /// (file, message ID, word diff of the English) not written: the English changed since
    /// the packet was made.
    pub stale: Vec<(PathBuf, String, String)>,
    /// (file, message ID, finding) written but worth a look.
    pub warnings: Vec<(PathBuf, String, String)>,
    /// Files that could not be written at all.
    pub diagnostics: Vec<Diagnostic>,
}

/// Everything `apply` needs about the locale.
pub struct Target<'a> {
    pub english: &'a LocaleDocs,
    pub locale: &'a LocaleDocs,
    pub env: &'a LocaleEnv,
    /// Do-not-translate terms (inline codes, as on export).
    pub keep: &'a [String],
    /// The source modules, so a translation that would change a module's structure is
    /// refused like any other error.
    pub modules: Option<&'a crate::build::SourceModules>,
    /// The project's `[check]` levels and suppressions, applied as `kurso check` applies them
    /// (with the `# kurso-allow` comments above the message).
    pub policy: &'a crate::check::policy::Policy,
}

/// Where a message is written: its translation file as printed, and the source module.
struct Place<'a> {
    path: &'a std::path::Path,
    module: Option<&'a crate::build::SourceModule>,
}

/// Applies `packet` to the translation files of `target`, the files in parallel (each is
/// its own `.ftl` and state file); the result lists them in the packet's order.
pub fn apply(packet: &Packet, target: &Target<'_>) -> Applied {
    let parts: Vec<Applied> = by_translation_file(packet)
        .par_iter()
        .map(|file| {
            let mut applied = Applied::default();
            apply_file(packet, file, target, &mut applied);
            applied
        })
        .collect();
    let mut applied = Applied::default();
    for part in parts {
        applied.applied.extend(part.applied);
        applied.unchanged += part.unchanged;
        applied.empty += part.empty;
        applied.refused.extend(part.refused);
        applied.stale.extend(part.stale);
        applied.warnings.extend(part.warnings);
        applied.diagnostics.extend(part.diagnostics);
    }
    applied
}

/// The packet's files, those naming the same translation file as one (a tool may split a
/// `<file>`): each translation file is read and written once.
fn by_translation_file(packet: &Packet) -> Vec<Cow<'_, PacketFile>> {
    let mut files: Vec<Cow<'_, PacketFile>> = Vec::with_capacity(packet.files.len());
    let mut index: HashMap<&str, usize> = HashMap::new();
    for file in &packet.files {
        if let Some(&at) = index.get(file.original.as_str()) {
            files[at].to_mut().units.extend(file.units.iter().cloned());
        } else {
            index.insert(&file.original, files.len());
            files.push(Cow::Borrowed(file));
        }
    }
    files
}

fn apply_file(packet: &Packet, file: &PacketFile, target: &Target<'_>, out: &mut Applied) {
    let display = target.locale.dir_display.join(&file.original);
    // Only a path the English has is ever written: nothing in a packet can name a file
    // outside the locale folder.
    let Some(english) = target.english.docs.get(&file.original) else {
        out.diagnostics.push(
            Diagnostic::file_error(
                &display,
                format!(
                    "the packet names `{}`, which the English does not have",
                    file.original
                ),
            )
            .with_help("export a fresh packet: the module was renamed or removed"),
        );
        return;
    };
    let path = target.locale.dir.join(&file.original);
    let current = target.locale.docs.get(&file.original);
    let mut state = match writable_state(&path, &display, current) {
        Ok(state) => state,
        Err(blockers) => {
            out.diagnostics.extend(blockers);
            return;
        }
    };
    let mut groups: Vec<(&str, Vec<&Unit>)> = Vec::new();
    for unit in &file.units {
        let id = message_id(&unit.id);
        match groups.iter_mut().find(|(g, _)| *g == id) {
            Some((_, units)) => units.push(unit),
            None => groups.push((id, vec![unit])),
        }
    }
    let mut writes: Vec<(String, String)> = Vec::new(); // (ID, entry)
    for (id, units) in groups {
        let Some(english) = english.get(id) else {
            out.refused.push((
                display.clone(),
                id.to_owned(),
                "the English no longer has this message".to_owned(),
            ));
            continue;
        };
        let existing = current.and_then(|doc| doc.get(id));
        let module = target
            .modules
            .and_then(|modules| modules.by_messages_path(&file.original));
        let place = Place {
            path: &display,
            module,
        };
        match message(
            packet,
            english,
            existing,
            state.records.get(id),
            &units,
            target,
            &place,
        ) {
            Outcome::Empty => out.empty += 1,
            Outcome::Unchanged => out.unchanged += 1,
            Outcome::Stale(diff) => out.stale.push((display.clone(), id.to_owned(), diff)),
            Outcome::Refused(reason) => out.refused.push((display.clone(), id.to_owned(), reason)),
            Outcome::Apply {
                entry,
                record,
                warnings,
            } => {
                out.warnings.extend(
                    warnings
                        .into_iter()
                        .map(|w| (display.clone(), id.to_owned(), w)),
                );
                if entry.is_some() || state.records.get(id) != Some(&*record) {
                    if let Some(entry) = entry {
                        writes.push((id.to_owned(), entry));
                    }
                    state.records.insert(id.to_owned(), *record);
                    out.applied.push((display.clone(), id.to_owned()));
                }
            }
        }
    }
    if out.applied.iter().all(|(p, _)| *p != display) {
        return;
    }
    let text = splice_entries(current, &writes);
    let write_err = |err: crate::fsx::FsError| Diagnostic::file_error(&display, err.to_string());
    if !writes.is_empty()
        && let Err(err) = crate::fsx::write_durable(&path, text.as_bytes())
    {
        out.diagnostics.push(write_err(err));
        return;
    }
    if let Err(err) = state.save_for(&path) {
        out.diagnostics.push(write_err(err));
    }
}
/// What [`apply`] would do with one message, found without writing anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// No translation in the packet.
    Empty,
    /// The text and state are already as the packet says.
    Unchanged,
    /// The English changed since the packet was made (the word diff).
    Stale(String),
    /// Not written, and why (the errors of the check rules, broken inline codes, …).
    Refused(String),
    /// Would be written; the warnings of the check rules.
    Writes(Vec<String>),
}

/// What [`apply`] would do with each message of `packet`, as (file, message ID, verdict),
/// reading the files but writing nothing: the same assembly, stale check and check rules
/// (`kurso review` checks a text while the translator types with it). A file `apply` could
/// not write at all gives every message of it a `Refused` verdict with the reason.
pub fn verify(packet: &Packet, target: &Target<'_>) -> Vec<(String, String, Verdict)> {
    let mut verdicts = Vec::new();
    for file in &packet.files {
        let mut ids: Vec<&str> = Vec::new();
        for unit in &file.units {
            let id = message_id(&unit.id);
            if !ids.contains(&id) {
                ids.push(id);
            }
        }
        let mut push = |id: &str, verdict: Verdict| {
            verdicts.push((file.original.clone(), id.to_owned(), verdict));
        };
        let Some(english) = target.english.docs.get(&file.original) else {
            for id in ids {
                push(
                    id,
                    Verdict::Refused(format!("the English has no file `{}`", file.original)),
                );
            }
            continue;
        };
        let path = target.locale.dir.join(&file.original);
        let display = target.locale.dir_display.join(&file.original);
        let current = target.locale.docs.get(&file.original);
        let state = match writable_state(&path, &display, current) {
            Ok(state) => state,
            Err(blockers) => {
                let reason = blockers
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join("; ");
                for id in ids {
                    push(id, Verdict::Refused(reason.clone()));
                }
                continue;
            }
        };
        let module = target
            .modules
            .and_then(|modules| modules.by_messages_path(&file.original));
        for id in ids {
            let Some(english) = english.get(id) else {
                push(
                    id,
                    Verdict::Refused("the English no longer has this message".to_owned()),
                );
                continue;
            };
            let units: Vec<&Unit> = file
                .units
                .iter()
                .filter(|u| message_id(&u.id) == id)
                .collect();
            let existing = current.and_then(|doc| doc.get(id));
            let place = Place {
                path: &display,
                module,
            };
            let verdict = match message(
                packet,
                english,
                existing,
                state.records.get(id),
                &units,
                target,
                &place,
            ) {
                Outcome::Empty => Verdict::Empty,
                Outcome::Unchanged => Verdict::Unchanged,
                Outcome::Stale(diff) => Verdict::Stale(diff),
                Outcome::Refused(reason) => Verdict::Refused(reason),
                Outcome::Apply { warnings, .. } => Verdict::Writes(warnings),
            };
            push(id, verdict);
        }
    }
    verdicts
}
