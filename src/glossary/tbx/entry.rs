//! One concept entry while it is read: the data categories found at concept, language and
//! term level become the fields of a [`Concept`]. The parent module documents the mapping.

use std::collections::HashSet;
use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::glossary::model::{Concept, Origin, Term, TermStatus};
use crate::span::LineIndex;

/// The diagnostics of one file, and its text they point into (with its line index, built
/// once per file, not once per problem).
pub(super) struct Report<'a> {
    pub path: &'a Path,
    pub text: &'a str,
    pub lines: LineIndex,
    pub diagnostics: Vec<Diagnostic>,
}

impl Report<'_> {
    pub fn error(&mut self, offset: usize, message: impl Into<String>, help: &str) {
        let diagnostic = self.at(offset, message);
        self.diagnostics.push(diagnostic.with_help(help));
    }

    pub fn warning(&mut self, offset: usize, message: impl Into<String>, help: &str) {
        let diagnostic = self.at(offset, message);
        self.diagnostics.push(diagnostic.with_help(help).warning());
    }

    fn at(&self, offset: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error_at_indexed(self.path, self.text, &self.lines, offset, message)
    }
}

/// A `conceptEntry` (or `termEntry`) being read.
#[derive(Default)]
pub(super) struct Entry {
    pub concept: Concept,
    /// Byte offset of its start tag.
    pub offset: usize,
    /// Set by a problem that drops the whole entry.
    pub bad: bool,
    /// The language of the open `langSec`.
    pub lang: Option<String>,
    pub term: Option<PendingTerm>,
    /// The open `transacGrp`: responsibility and date.
    pub transaction: Option<(Option<String>, Option<String>)>,
    /// Concept-level and first language-level definition.
    definitions: [Option<String>; 2],
    /// Concept-level and first language-level source.
    sources: [Option<String>; 2],
    notes: Vec<String>,
}

/// A `termSec` (`tig`, `ntig`) being read.
#[derive(Default)]
pub(super) struct PendingTerm {
    pub offset: usize,
    text: String,
    status: Option<TermStatus>,
    term_type: String,
}

impl PendingTerm {
    pub fn at(offset: usize) -> Self {
        PendingTerm {
            offset,
            ..PendingTerm::default()
        }
    }
}

impl Entry {
    /// An entry whose start tag is at byte `offset`, line `origin.line`.
    pub fn new(offset: usize, origin: Origin) -> Self {
        let mut entry = Entry {
            offset,
            ..Entry::default()
        };
        entry.concept.origin = origin;
        entry
    }

    /// Stores the text of one data category at the level where it was found.
    pub fn apply(&mut self, key: &str, value: String, offset: usize, report: &mut Report<'_>) {
        if value.is_empty() {
            return;
        }
        if key == "administrativeStatus" && status(&value).is_none() {
            report.warning(
                offset,
                format!("unknown administrative status `{value}`"),
                "use preferredTerm-admn-sts, admittedTerm-admn-sts, deprecatedTerm-admn-sts or supersededTerm-admn-sts; the term is read as preferred",
            );
        }
        let concept = &mut self.concept;
        let level = usize::from(self.lang.is_some());
        match (key, &mut self.term) {
            ("term", Some(term)) => term.text = value,
            ("administrativeStatus", Some(term)) => term.status = status(&value),
            ("termType", Some(term)) => term.term_type = value,
            ("partOfSpeech", _) => keep_first(&mut concept.part_of_speech, value),
            ("subjectField", _) => keep_first(&mut concept.domain, value),
            ("definition", _) => keep_first(&mut self.definitions[level], value),
            ("note" | "context", _) if !self.notes.contains(&value) => self.notes.push(value),
            ("source", None) => keep_first(&mut self.sources[level], value),
            ("responsibility" | "date", _) => {
                if let Some((reviewer, date)) = &mut self.transaction {
                    match key {
                        "date" => *date = Some(value.chars().take(10).collect()),
                        _ => *reviewer = Some(value),
                    }
                }
            }
            ("translationNote" | "Translation needed" | "translationNeeded", _) => {
                concept.do_not_translate |= value.eq_ignore_ascii_case("no");
            }
            _ => {}
        }
    }

    /// Adds the term whose section just closed.
    pub fn finish_term(&mut self, report: &mut Report<'_>) {
        let Some(pending) = self.term.take() else {
            return;
        };
        let Some(lang) = self.lang.clone().filter(|_| !self.bad) else {
            return;
        };
        if pending.text.is_empty() {
            report.warning(
                pending.offset,
                "this term section has no <term> text",
                "fill in the term or remove the section; the rest of the entry is read",
            );
            return;
        }
        let status = pending.status.unwrap_or(TermStatus::Preferred);
        let concept = &mut self.concept;
        concept.case_sensitive |= matches!(pending.term_type.as_str(), "acronym" | "abbreviation");
        let terms = concept.terms.entry(lang).or_default();
        match terms.last_mut() {
            Some(last) if pending.term_type == "variant" && status != TermStatus::Forbidden => {
                last.variants.push(pending.text);
            }
            _ => terms.push(Term::new(pending.text, status)),
        }
    }

    /// Takes the responsibility and date of a concept-level `transacGrp` that just closed;
    /// the last one wins.
    pub fn finish_transaction(&mut self) {
        if let (Some((reviewer, date)), None) = (self.transaction.take(), &self.lang) {
            let provenance = &mut self.concept.provenance;
            provenance.reviewer = reviewer.or(provenance.reviewer.take());
            provenance.date = date.or(provenance.date.take());
        }
    }

    /// The finished concept, or `None` (reported) when the entry is unusable.
    pub fn finish(self, report: &mut Report<'_>, seen: &mut HashSet<String>) -> Option<Concept> {
        if self.bad {
            return None;
        }
        let mut concept = self.concept;
        if concept.terms.is_empty() {
            let message = format!("concept `{}` has no terms", concept.id);
            report.error(
                self.offset,
                message,
                "add a language section with a <term>; the entry is skipped",
            );
            return None;
        }
        if !seen.insert(concept.id.clone()) {
            let message = format!("concept `{}` is defined twice", concept.id);
            report.error(
                self.offset,
                message,
                "merge the two entries; the first one is used",
            );
            return None;
        }
        concept.terms.values_mut().for_each(Vec::shrink_to_fit);
        let [concept_definition, lang_definition] = self.definitions;
        concept.definition = concept_definition.or(lang_definition);
        concept.note = Some(self.notes.join("\n")).filter(|note| !note.is_empty());
        let [concept_source, lang_source] = self.sources;
        concept.provenance.authority = concept_source.or(lang_source);
        Some(concept)
    }
}

fn keep_first(slot: &mut Option<String>, value: String) {
    if slot.is_none() {
        *slot = Some(value);
    }
}

/// The status an administrativeStatus value names, in its 2019 (`preferredTerm-admn-sts`)
/// or short (`preferred`, `notRecommended`) form.
fn status(value: &str) -> Option<TermStatus> {
    let lower = value.trim().to_ascii_lowercase();
    let name = lower.trim_end_matches("-admn-sts").trim_end_matches("term");
    match name {
        "preferred" | "standardized" | "legal" | "regulated" => Some(TermStatus::Preferred),
        "admitted" => Some(TermStatus::Admitted),
        "deprecated" | "superseded" | "notrecommended" | "obsolete" | "forbidden" => {
            Some(TermStatus::Forbidden)
        }
        _ => None,
    }
}
