//! Writing machine drafts into translation files: a missing message is appended, a stale
//! machine draft is replaced in place, and a stale translation a person wrote only gets a
//! `suggestion` in its state record.
//!
//! Invariant: the file and its state are read again just before writing and pass
//! [`crate::guard::writable_state`]; a draft is written only where it still fits, so what a
//! person saved while the provider answered wins.

use super::draft::Job;
use super::mask::restore;
use super::select::Kind;
use crate::check::LocaleTree;
use crate::check::doc::{FtlDoc, splice_entries};
use crate::diagnostic::Diagnostic;
use crate::guard::writable_state;
use crate::state::{Record, Status};

/// Writes the drafts of one file and their state; returns (drafts, suggestions).
///
/// The file and its state are read again first: a translator may have edited them while the
/// provider answered. A draft is written only where it still fits: a missing message still
/// missing, a stale draft still the machine's; anything a person did meanwhile wins (the draft
/// stays in the journal, so the next run costs nothing).
pub(super) fn write_file(
    tree: &LocaleTree,
    locale_index: usize,
    rel: &str,
    entries: &[(&Job<'_>, String)],
    provider: &str,
) -> Result<(usize, usize), Vec<Diagnostic>> {
    let locale = &tree.locales[locale_index];
    let path = locale.dir.join(rel);
    let display = locale.dir_display.join(rel);
    let write_err =
        |err: crate::fsx::FsError| vec![Diagnostic::file_error(&display, err.to_string())];
    let current = crate::fsx::read_optional(&path)
        .map_err(write_err)?
        .map(|text| FtlDoc::parse(display.clone(), text));
    let mut state = writable_state(&path, &display, current.as_ref())?;
    let (mut drafted, mut suggested) = (0, 0);
    let mut writes: Vec<(String, String)> = Vec::new();
    for (job, entry) in entries {
        let id = job.selected.english.id();
        let english = job.selected.english.text();
        let now = current.as_ref().and_then(|d| d.get(id));
        match job.selected.kind {
            Kind::StaleHuman => {
                let record = state
                    .records
                    .entry(id.to_owned())
                    .or_insert_with(|| Record::human(String::new(), Status::Edited));
                let suggestion = entry
                    .split_once(" =")
                    .map_or(entry.as_str(), |(_, v)| v)
                    .trim_start();
                record.suggestion = Some(restore(suggestion, &[]));
                record.suggestion_origin = Some(provider.to_owned());
                record.suggestion_source = Some(english);
                suggested += 1;
                continue;
            }
            Kind::StaleMachine => {
                let still_machine = state
                    .records
                    .get(id)
                    .is_some_and(|record| record.status == Status::Machine);
                if !(still_machine && now.is_some()) {
                    continue;
                }
            }
            Kind::Missing if now.is_some() => continue,
            Kind::Missing => {}
        }
        writes.push((id.to_owned(), entry.clone()));
        state.records.insert(
            id.to_owned(),
            Record {
                origin: provider.to_owned(),
                ..Record::human(english, Status::Machine)
            },
        );
        drafted += 1;
    }
    if drafted > 0 {
        let text = splice_entries(current.as_ref(), &writes);
        crate::fsx::write_durable(&path, text.as_bytes()).map_err(write_err)?;
    }
    state.save_for(&path).map_err(write_err)?;
    Ok((drafted, suggested))
}
