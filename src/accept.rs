//! Recording that translations are current: `kurso accept` (a translator's word that a
//! translation matches today's English) and carrying translations forward over an English
//! typo fix (`kurso extract --keep-translations`).
//!
//! Invariant: only state files change; no translation text is ever touched here.
//!
//! Invariant: a person's work (`edited`, `reviewed`, `approved`) is never set back to
//! `machine`: `accept` refuses the whole run (nothing written) when asked to. A machine draft
//! keeps `machine` unless a status is given, so accepting never makes a draft ship by
//! itself. Each record `accept` changes names who (`changed-by`, when known) and when
//! (`changed-on`).

use std::collections::BTreeSet;
use std::path::PathBuf;

use unic_langid::LanguageIdentifier;

use crate::check::Layout;
use crate::diagnostic::Diagnostic;
use crate::guard::writable_state;
use crate::project::Project;
use crate::state::{Record, Status};

/// Which translations of one locale to accept.
#[derive(Debug, Clone)]
pub struct AcceptOptions {
    pub locale: LanguageIdentifier,
    /// Only these message IDs (empty: every one in scope).
    pub ids: Vec<String>,
    /// Only these courses (empty: all).
    pub courses: Vec<String>,
    /// Status for the accepted records; `None` keeps an existing status and gives new
    /// records `edited` (written by a person). `machine` is refused for a person's work.
    pub status: Option<Status>,
    /// Who accepts, recorded as `changed-by` (`None`: not recorded).
    pub changed_by: Option<String>,
}

#[derive(Debug, Default)]
pub struct AcceptSummary {
    /// (translation file, ID) of each record created or brought up to date.
    pub accepted: Vec<(PathBuf, String)>,
    /// Already current: nothing to do.
    pub unchanged: usize,
    /// State files written.
    pub files_written: usize,
    /// Records refused (a person's work asked to become `machine`); when any is, nothing
    /// is written.
    pub refused: usize,
    pub diagnostics: Vec<Diagnostic>,
}

/// Records every selected translation of `opts.locale` as made from today's English.
pub fn accept(project: &Project, opts: &AcceptOptions) -> Result<AcceptSummary, Diagnostic> {
    if opts.locale == project.config.source_locale {
        return Err(Diagnostic::file_error(
            std::path::Path::new("kurso.toml"),
            format!(
                "`{}` is the source locale: it has no translations to accept",
                opts.locale
            ),
        ));
    }
    if !project.config.target_locales.contains(&opts.locale) {
        return Err(Diagnostic::file_error(
            std::path::Path::new("kurso.toml"),
            format!("`{}` is not a target locale of this project", opts.locale),
        )
        .with_help("add it to `target-locales` in kurso.toml, or check the spelling"));
    }
    let tree =
        Layout::for_project(project, std::slice::from_ref(&opts.locale), &opts.courses).load();
    let mut summary = AcceptSummary {
        diagnostics: tree.diagnostics.clone(),
        ..AcceptSummary::default()
    };
    let locale = &tree.locales[0];
    let wanted: BTreeSet<&str> = opts.ids.iter().map(String::as_str).collect();
    let mut found: BTreeSet<&str> = BTreeSet::new();
    let today = crate::state::today();
    let mut planned = Vec::new();
    let mut refused = Vec::new();
    for (rel, reference) in &tree.reference.docs {
        let Some(doc) = locale.docs.get(rel) else {
            continue;
        };
        let ftl = locale.dir.join(rel);
        let mut state = match writable_state(&ftl, &doc.path, Some(doc)) {
            Ok(state) => state,
            Err(blockers) => {
                summary.diagnostics.extend(blockers);
                continue;
            }
        };
        let mut changed = false;
        for target in doc.iter() {
            let id = target.id();
            if !wanted.is_empty() && !wanted.contains(id) {
                continue;
            }
            let Some(source) = reference.get(id) else {
                continue;
            };
            found.insert(id);
            let english = source.text();
            let recorded = state.records.get(id).map(|record| record.status);
            let record = state
                .records
                .entry(id.to_owned())
                .or_insert_with(|| Record::human(String::new(), Status::Edited));
            let status = opts.status.unwrap_or(record.status);
            if status == Status::Machine && recorded.is_some_and(|had| had != Status::Machine) {
                refused.push(Diagnostic::error_at(
                    &doc.path,
                    doc.text(),
                    target.offset(),
                    format!(
                        "`{id}` is a person's work ({}): it is never set back to `machine`",
                        record.status
                    ),
                ));
                continue;
            }
            if record.source == english && record.status == status && record.carried_from.is_none()
            {
                summary.unchanged += 1;
                continue;
            }
            if recorded.is_none() && status == Status::Machine {
                // A person says this unrecorded text is machine output; from where, unknown.
                "unknown".clone_into(&mut record.origin);
            }
            record.source = english;
            record.status = status;
            record.carried_from = None;
            record.carried_on = None;
            record.changed_by.clone_from(&opts.changed_by);
            record.changed_on = Some(today.clone());
            record.via = None;
            changed = true;
            summary.accepted.push((doc.path.clone(), id.to_owned()));
        }
        if changed {
            planned.push((ftl, doc.path.clone(), state));
        }
    }
    if !refused.is_empty() {
        let n_refused = refused.len();
        summary
            .diagnostics
            .extend(refused.into_iter().map(|diagnostic| {
                diagnostic.with_help(
                    "nothing was written; choose `edited`, `reviewed` or `approved`, or leave out \
                 --status to keep each recorded status",
                )
            }));
        summary.accepted.clear();
        summary.unchanged = 0;
        summary.refused = n_refused;
        return Ok(summary);
    }
    for (ftl, display, state) in planned {
        match state.save_for(&ftl) {
            Ok(true) => summary.files_written += 1,
            Ok(false) => {}
            Err(err) => summary
                .diagnostics
                .push(Diagnostic::file_error(&display, err.to_string())),
        }
    }
    for id in wanted.difference(&found) {
        summary.diagnostics.push(
            Diagnostic::file_error(
                &locale.dir_display,
                format!("no translation of `{id}` in {}", locale.name),
            )
            .with_help("check the ID (see the English .ftl), or translate the message first"),
        );
    }
    Ok(summary)
}

/// One English message whose text changed only by a typo fix.
#[derive(Debug, Clone)]
pub struct Carry {
    pub id: String,
    pub old: String,
    pub new: String,
}

/// Carries translations of `edits` in `rel` (a path inside each locale folder) forward:
/// every record made from the old English now names the new English, keeping the old text
/// and today's date as the audit trail. Returns how many records were carried.
///
/// All or nothing: when any locale's translation file or state cannot be written safely
/// (see [`crate::guard`]), no locale is touched and every reason is returned, so the caller
/// keeps the old English and the run can be repeated once the file is fixed.
pub fn carry_forward(
    project: &Project,
    rel: &str,
    edits: &[Carry],
    date: &str,
) -> Result<usize, Vec<Diagnostic>> {
    let mut states = Vec::new();
    let mut blockers = Vec::new();
    for locale in &project.config.target_locales {
        let ftl = project.locale_dir(locale).join(rel);
        if !ftl.exists() {
            continue;
        }
        let display = project.relative(&ftl).to_path_buf();
        match writable_state(&ftl, &display, None) {
            Ok(state) => states.push((ftl, display, state)),
            Err(found) => blockers.extend(found),
        }
    }
    if !blockers.is_empty() {
        return Err(blockers);
    }
    let mut carried = 0;
    for (ftl, display, mut state) in states {
        let mut changed = false;
        for carry in edits {
            if let Some(record) = state.records.get_mut(&carry.id)
                && record.source == carry.old
            {
                record.carried_from = Some(carry.old.clone());
                record.carried_on = Some(date.to_owned());
                record.source.clone_from(&carry.new);
                changed = true;
                carried += 1;
            }
        }
        if changed {
            state
                .save_for(&ftl)
                .map_err(|err| vec![Diagnostic::file_error(&display, err.to_string())])?;
        }
    }
    Ok(carried)
}
