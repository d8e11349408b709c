//! `kurso status`: how far each locale is, per course, counted along the fallback chain.
//!
//! For every English message and every locale, the text a reader of that locale gets is found
//! the way `kurso build` finds it: the locale's own file, then each locale it falls back to
//! (el-CY → el), never the source. That text is
//! - *drafted* when it exists at all (machine drafts included);
//! - *reviewed* when its state record says a person made or checked it (`edited`, `reviewed`,
//!   `approved`) and names today's English; *approved*, a part of it, when the record says
//!   `approved`;
//! - *machine* when its record says `machine` (a draft no person has accepted);
//! - *stale* when its record names an older English, *unverified* when it has no record;
//! - *inherited* when it comes from a fallback locale: el-CY inherits el's drafts and el's
//!   human work alike, so its counts are those of what el-CY readers actually see.
//!
//! Invariant: `reviewed + machine + stale human + unverified == drafted` (a person's stale
//! text is [`StatusRow::stale_by_person`]), `approved <= reviewed`, and
//! `drafted + missing == messages`; a machine draft is never counted as reviewed, whoever's
//! locale it comes from.
//!
//! [`report`] adds the check findings and the glossary coverage to the rows, and [`html`]
//! renders all of it as one self-contained page (`kurso status --format html`).

pub mod html;
pub mod report;

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;

use crate::check::doc::FtlDoc;
use crate::check::{Layout, LocaleTree};
use crate::diagnostic::Diagnostic;
use crate::state::{StateFile, Status};

/// One course in one locale.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct StatusRow {
    pub course: String,
    pub locale: String,
    /// Distinct message and term IDs of the English files.
    pub messages: usize,
    /// Messages with text along the chain, machine drafts included.
    pub drafted: usize,
    /// Messages whose text a person made or checked for today's English.
    pub reviewed: usize,
    /// Of `reviewed`: messages whose record says `approved`.
    pub approved: usize,
    /// Messages whose text is a machine draft (current or stale).
    pub machine: usize,
    /// Drafted messages whose record names an older English.
    pub stale: usize,
    /// Stale messages with a machine suggestion for today's English beside them.
    pub suggestions: usize,
    /// Drafted messages with no state record.
    pub unverified: usize,
    /// Messages with no text along the chain (a reader gets the English).
    pub missing: usize,
    /// Drafted messages whose text comes from a locale this one falls back to.
    pub inherited: usize,
    /// Drafted messages by recorded status (`machine`, `edited`, `reviewed`, `approved`).
    pub statuses: BTreeMap<Status, usize>,
    /// Entries of the locale's own files that the English no longer has.
    pub obsolete: usize,
}

impl StatusRow {
    /// `drafted` as a percentage of `messages` (one decimal; 100 for no messages).
    pub fn drafted_percent(&self) -> f64 {
        percent(self.drafted, self.messages)
    }

    /// `reviewed` as a percentage of `messages`.
    pub fn reviewed_percent(&self) -> f64 {
        percent(self.reviewed, self.messages)
    }

    /// Stale messages whose text a person made (not machine drafts): what is drafted and
    /// neither reviewed, machine nor unverified.
    pub fn stale_by_person(&self) -> usize {
        self.drafted - self.reviewed - self.machine - self.unverified
    }
}

/// The rows, courses sorted and locales in the layout's order, and the problems met.
#[derive(Debug, Default)]
pub struct StatusSummary {
    pub rows: Vec<StatusRow>,
    /// Unreadable files and state files; the rest is still counted.
    pub diagnostics: Vec<Diagnostic>,
}

/// Counts every checked locale of `layout`, one locale (with its fallbacks) loaded at a time.
pub fn status(layout: &Layout) -> StatusSummary {
    let mut summary = StatusSummary::default();
    let mut reference = None;
    for index in 0..layout.locales.len() {
        let tree = layout.load_one(index, reference.as_ref());
        reference.get_or_insert_with(|| std::sync::Arc::clone(&tree.reference));
        let (rows, diagnostics) = locale_rows(&tree);
        summary.rows.extend(rows);
        summary.diagnostics.extend(diagnostics);
    }
    let order: Vec<&str> = layout.locales.iter().map(|l| l.name.as_str()).collect();
    summary.rows.sort_by_key(|row| {
        (
            row.course.clone(),
            order.iter().position(|name| *name == row.locale),
        )
    });
    summary.diagnostics.sort_by_key(Diagnostic::sort_key);
    summary.diagnostics.dedup();
    summary
}

/// The rows of the one checked locale of `tree` (its first), by course.
fn locale_rows(tree: &LocaleTree) -> (Vec<StatusRow>, Vec<Diagnostic>) {
    let mut diagnostics = tree.diagnostics.clone();
    let Some(locale) = tree.locales.iter().find(|l| l.checked) else {
        return (Vec::new(), diagnostics);
    };
    // The locales a reader of `locale` gets text from, in order (itself first).
    let chain: Vec<&crate::check::LocaleDocs> = locale
        .chain
        .iter()
        .filter_map(|name| tree.locales.iter().find(|l| &l.name == name))
        .collect();
    let mut states: HashMap<(usize, &str), Option<StateFile>> = HashMap::new();
    let mut rows: BTreeMap<String, StatusRow> = BTreeMap::new();
    for (rel, english) in &tree.reference.docs {
        let course = rel.split_once('/').map_or("", |(course, _)| course);
        let row = rows.entry(course.to_owned()).or_insert_with(|| StatusRow {
            course: course.to_owned(),
            locale: locale.name.clone(),
            ..StatusRow::default()
        });
        let mut seen = HashSet::new();
        for entry in english.iter() {
            if !seen.insert(entry.id()) {
                continue;
            }
            row.messages += 1;
            let Some(depth) = chain
                .iter()
                .position(|l| l.docs.get(rel).is_some_and(|doc| doc.contains(entry.id())))
            else {
                row.missing += 1;
                continue;
            };
            row.drafted += 1;
            row.inherited += usize::from(depth > 0);
            let state_file = states
                .entry((depth, rel.as_str()))
                .or_insert_with(|| load_state(tree, chain[depth], rel, &mut diagnostics));
            let Some(record) = state_file
                .as_ref()
                .and_then(|file| file.records.get(entry.id()))
            else {
                row.unverified += 1;
                continue;
            };
            *row.statuses.entry(record.status).or_default() += 1;
            let english_text = entry.text();
            let outdated = record.source != english_text;
            if outdated {
                row.stale += 1;
                row.suggestions += usize::from(
                    record.suggestion.is_some()
                        && record.suggestion_source.as_deref() == Some(english_text.as_str()),
                );
            }
            if record.status == Status::Machine {
                row.machine += 1;
            } else if !outdated {
                row.reviewed += 1;
                row.approved += usize::from(record.status == Status::Approved);
            }
        }
        if let Some(own) = locale.docs.get(rel) {
            row.obsolete += obsolete(own, english);
        }
    }
    (rows.into_values().collect(), diagnostics)
}

/// The state of `rel` in `locale`, or `None` (no state kept, or unreadable: reported).
fn load_state(
    tree: &LocaleTree,
    locale: &crate::check::LocaleDocs,
    rel: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<StateFile> {
    if !tree.with_state {
        return None;
    }
    let doc = locale.docs.get(rel)?;
    match StateFile::load_for(&locale.dir.join(rel), &doc.path) {
        Ok(state) => Some(state),
        Err(diagnostic) => {
            diagnostics.push(diagnostic);
            None
        }
    }
}

/// Distinct IDs of `own` the English file does not have.
fn obsolete(own: &FtlDoc, english: &FtlDoc) -> usize {
    own.iter()
        .map(|e| e.id())
        .filter(|id| !english.contains(id))
        .collect::<HashSet<_>>()
        .len()
}

#[allow(
    clippy::cast_precision_loss,
    reason = "message counts are far below 2^52"
)]
fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        100.0
    } else {
        (part as f64 * 1000.0 / whole as f64).round() / 10.0
    }
}

#[cfg(test)]
mod tests;
