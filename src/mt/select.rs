//! What needs a machine draft: missing messages (along the whole fallback chain) and stale
//! ones. A stale machine draft is replaced; a stale translation a person wrote gets a
//! suggestion beside it and is never replaced; a translation with no record is a person's
//! work of unknown age and is left alone.

use std::collections::HashSet;

use crate::check::LocaleTree;
use crate::check::doc::Entry;
use crate::state::{StateFile, Status};

/// Why a message is selected.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// No translation in the locale or its fallbacks: a new draft.
    Missing,
    /// A machine draft made from older English: replaced.
    StaleMachine,
    /// A person's translation made from older English: a suggestion beside it.
    StaleHuman,
}

/// One selected message.
#[derive(Debug, Clone)]
pub struct Selected<'a> {
    /// Locale index in `tree.locales`.
    pub locale: usize,
    /// Path inside the locale folder.
    pub rel: String,
    pub kind: Kind,
    pub english: Entry<'a>,
    /// Text of the message before and after in the English file, and the module title.
    pub context: Option<String>,
}

/// The messages of every checked locale of `tree` that need a draft.
pub fn select(tree: &LocaleTree) -> Vec<Selected<'_>> {
    let mut out = Vec::new();
    for (index, locale) in tree.locales.iter().enumerate().filter(|(_, l)| l.checked) {
        let fallbacks: Vec<_> = locale.chain[1..]
            .iter()
            .filter_map(|name| tree.locales.iter().find(|l| &l.name == name))
            .collect();
        let fallback_in_run = locale.chain[1..]
            .iter()
            .any(|name| tree.locales.iter().any(|l| &l.name == name && l.checked));
        for (rel, reference) in &tree.reference.docs {
            let own = locale.docs.get(rel);
            let state = StateFile::load_for(&locale.dir.join(rel), &locale.dir_display.join(rel))
                .unwrap_or_default();
            let entries: Vec<Entry<'_>> = reference.iter().collect();
            let title = entries
                .iter()
                .find(|e| e.id() == "meta-title" || e.id() == "title" || e.id().ends_with("-title"))
                .map(Entry::text);
            let mut seen = HashSet::new();
            for (position, english) in entries.iter().enumerate() {
                if !seen.insert(english.id()) {
                    continue;
                }
                let kind = if own.and_then(|doc| doc.get(english.id())).is_some() {
                    let text = english.text();
                    match state.records.get(english.id()) {
                        Some(record) if record.source != text => {
                            if record.status == Status::Machine {
                                Kind::StaleMachine
                            } else if record.suggestion_source.as_deref() == Some(text.as_str()) {
                                continue; // already suggested for this English
                            } else {
                                Kind::StaleHuman
                            }
                        }
                        _ => continue,
                    }
                } else {
                    let elsewhere = fallbacks
                        .iter()
                        .any(|l| l.docs.get(rel).is_some_and(|d| d.contains(english.id())));
                    // The locale it falls back to (el for el-CY) gets a draft in this run,
                    // which it will show: paying for a second draft would be waste.
                    if elsewhere || fallback_in_run {
                        continue;
                    }
                    Kind::Missing
                };
                let neighbour = |i: Option<usize>| i.and_then(|i| entries.get(i)).map(Entry::text);
                let mut context = String::new();
                for part in [
                    title.clone(),
                    neighbour(position.checked_sub(1)),
                    neighbour(Some(position + 1)),
                ]
                .into_iter()
                .flatten()
                {
                    if !context.is_empty() {
                        context.push('\n');
                    }
                    context.push_str(&part.chars().take(400).collect::<String>());
                }
                out.push(Selected {
                    locale: index,
                    rel: rel.clone(),
                    kind,
                    english: *english,
                    context: (!context.is_empty()).then_some(context),
                });
            }
        }
    }
    out
}
