//! What goes into a review packet: per course and locale, the messages that need a person
//! (missing along the fallback chain, stale, machine drafts, unverified), or with `all` every
//! message the locale has or lacks; each cut into units the way machine translation cuts it
//! (`mt::draft::message_parts`), with the current translation aligned to the English's inline
//! codes, the notes a translator needs and the glossary terms the English uses.
//!
//! Invariant: a unit of a translation the locale only inherits (el-CY showing el's text) is
//! never exported for the inheriting locale, so an import cannot copy a fallback's text into
//! an override.

use std::collections::BTreeMap;

use super::inline::{align, from_masked};
use super::model::{Inline, Note, NoteKind, Packet, PacketFile, State, TermHint, Unit};
use crate::check::doc::Entry;
use crate::check::finding::DiffPart;
use crate::check::{LocaleTree, plural_categories, word_diff};
use crate::diagnostic::Diagnostic;
use crate::glossary::matcher::Matcher;
use crate::glossary::{Glossary, TermStatus};
use crate::mt::draft::{Part, message_parts};
use crate::mt::mask::restore;
use crate::mt::pair_glossary::pair_glossary;
use crate::state::{Record, StateFile, Status};

/// One locale's packets, one per course, with the problems met on the way.
#[derive(Debug, Default)]
pub struct Collected {
    /// (course, packet), in course order.
    pub packets: Vec<(String, Packet)>,
    pub diagnostics: Vec<Diagnostic>,
}

/// The packets of every checked locale of `tree`. Do-not-translate glossary terms become
/// inline codes, as they do for machine translation.
pub fn collect(
    tree: &LocaleTree,
    glossary: &Glossary,
    source_locale: &str,
    all: bool,
) -> Collected {
    let mut collected = Collected::default();
    let shared = std::sync::Arc::new(glossary.clone());
    for locale in tree.locales.iter().filter(|l| l.checked) {
        let matcher = (!glossary.concepts.is_empty())
            .then(|| Matcher::new(&shared, source_locale, &locale.chain));
        let (_, keep) = pair_glossary(glossary, source_locale, &locale.chain);
        let categories = plural_categories(&locale.locale);
        let mut by_course: BTreeMap<String, Vec<PacketFile>> = BTreeMap::new();
        for (rel, english) in &tree.reference.docs {
            let own = locale.docs.get(rel);
            let state =
                match StateFile::load_for(&locale.dir.join(rel), &locale.dir_display.join(rel)) {
                    Ok(state) => state,
                    Err(diagnostic) => {
                        collected.diagnostics.push(diagnostic);
                        continue;
                    }
                };
            let inherited = |id: &str| {
                locale.chain[1..].iter().any(|name| {
                    tree.locales
                        .iter()
                        .find(|l| &l.name == name)
                        .is_some_and(|l| l.docs.get(rel).is_some_and(|d| d.contains(id)))
                })
            };
            let mut units = Vec::new();
            let mut seen = std::collections::HashSet::new();
            for entry in english.iter() {
                if !seen.insert(entry.id()) {
                    continue;
                }
                let target = own.and_then(|doc| doc.get(entry.id()));
                let record = state.records.get(entry.id());
                let Some(scope) = scope(entry, target, record, inherited(entry.id()), all) else {
                    continue;
                };
                units.extend(message_units(
                    entry,
                    target,
                    &scope,
                    &keep,
                    &categories,
                    matcher.as_ref(),
                ));
            }
            if units.is_empty() {
                continue;
            }
            let course = rel.split('/').next().unwrap_or_default().to_owned();
            by_course.entry(course).or_default().push(PacketFile {
                original: rel.clone(),
                units,
            });
        }
        for (course, files) in by_course {
            collected.packets.push((
                course,
                Packet {
                    source_locale: source_locale.to_owned(),
                    target_locale: locale.name.clone(),
                    tool: Some("kurso".to_owned()),
                    raw_markup: false,
                    files,
                },
            ));
        }
    }
    collected
}

/// Why a message is in the packet, and the state its units start in.
struct Scope {
    state: State,
    machine: bool,
    /// The English the translation was made from, when it differs from today's.
    previous: Option<String>,
    unverified: bool,
}

/// Whether `english` goes into the packet (`None`: not), given its translation in the
/// locale and that translation's record.
fn scope(
    english: Entry<'_>,
    target: Option<Entry<'_>>,
    record: Option<&Record>,
    inherited: bool,
    all: bool,
) -> Option<Scope> {
    let Some(_) = target else {
        // Missing along the whole chain needs a person; a text the locale inherits does not
        // belong to it.
        return (!inherited).then_some(Scope {
            state: State::New,
            machine: false,
            previous: None,
            unverified: false,
        });
    };
    let Some(record) = record else {
        return Some(Scope {
            state: State::Translated,
            machine: false,
            previous: None,
            unverified: true,
        });
    };
    let text = english.text();
    let stale = record.source != text;
    let machine = record.status == Status::Machine;
    if !(stale || machine || all) {
        return None;
    }
    // A stale translation is not confirmed for today's English, whoever wrote it.
    let unit_state = if stale || machine {
        State::Draft
    } else {
        match record.status {
            Status::Machine => State::Draft,
            Status::Edited => State::Translated,
            Status::Reviewed => State::Reviewed,
            Status::Approved => State::Final,
        }
    };
    Some(Scope {
        state: unit_state,
        machine,
        previous: stale.then(|| record.source.clone()),
        unverified: false,
    })
}

/// The units of one message: its pieces, plus a unit for every plural category the locale
/// needs that the English select lacks.
fn message_units(
    english: Entry<'_>,
    target: Option<Entry<'_>>,
    scope: &Scope,
    keep: &[String],
    categories: &[&'static str],
    matcher: Option<&Matcher>,
) -> Vec<Unit> {
    let (parts, selects) = message_parts(english, keep, 0);
    let (own_parts, _) = target.map_or_else(Default::default, |t| message_parts(t, keep, 0));
    let notes = notes(english, scope);
    let base = super::apply::fingerprint(target.map(|t| t.text()).as_deref());
    let terms = matcher
        .map(|m| terms(m, &english.text()))
        .unwrap_or_default();
    let mut units = Vec::new();
    let mut push = |unit_id: String, part: &Part, attribute: &Option<String>, key: Option<&str>| {
        let (source, codes) = from_masked(&part.masked, &part.placeables);
        let own = own_parts
            .iter()
            .find(|p| p.attribute == *attribute && p.variant.as_deref() == key);
        let mut notes = notes.clone();
        let target = own.map(|own| {
            let (inlines, own_codes) = from_masked(&own.masked, &own.placeables);
            align(&inlines, &own_codes, &codes).unwrap_or_else(|reason| {
                notes.push(Note {
                    kind: NoteKind::General,
                    text: format!(
                        "The translation's markup differs from the English ({reason}); it is shown as text: make its codes match the English."
                    ),
                });
                vec![Inline::Text(restore(
                    &own.masked.unmask(&own.masked.text).unwrap_or_default(),
                    &own.placeables,
                ))]
            })
        });
        units.push(Unit {
            id: unit_id,
            source,
            state: if target.is_some() {
                scope.state
            } else {
                State::New
            },
            machine: scope.machine && target.is_some(),
            target,
            codes,
            notes,
            previous_source: scope.previous.clone(),
            base: Some(base.clone()),
            terms: terms.clone(),
            ..Unit::default()
        });
    };
    for part in &parts {
        push(
            part.unit.clone(),
            part,
            &part.attribute,
            part.variant.as_deref(),
        );
        // After the default variant of a plural select: the categories English lacks.
        let Some(select) = selects
            .iter()
            .find(|s| s.plural && s.attribute == part.attribute)
        else {
            continue;
        };
        if part.variant.as_deref() != Some(select.default.as_str()) {
            continue;
        }
        let base = part.unit.split('[').next().unwrap_or_default().to_owned();
        for category in categories {
            if !select.keys.iter().any(|k| k == category) {
                push(
                    format!("{base}[{category}]"),
                    part,
                    &part.attribute,
                    Some(category),
                );
            }
        }
    }
    units
}

/// Location, author note and anything else from the English comment, the stale diff, and
/// what an unverified translation needs.
fn notes(english: Entry<'_>, scope: &Scope) -> Vec<Note> {
    let mut notes = Vec::new();
    for line in english.comment() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        let (kind, text) = if let Some(note) = line.strip_prefix("Note:") {
            (NoteKind::Author, note.trim())
        } else if line.contains(".md:") || line.contains(".yaml:") {
            (NoteKind::Location, line)
        } else {
            (NoteKind::General, line)
        };
        notes.push(Note {
            kind,
            text: text.to_owned(),
        });
    }
    if let Some(previous) = &scope.previous {
        notes.push(Note {
            kind: NoteKind::Stale,
            text: format!(
                "The English changed since this translation was made: {}",
                diff_text(&word_diff(previous, &english.text()))
            ),
        });
    }
    if scope.unverified {
        notes.push(Note {
            kind: NoteKind::General,
            text: "Unverified: kurso has no record of the English this translation was made from; check it against the English.".to_owned(),
        });
    }
    notes
}

/// A word diff as text: `[-removed-]{+added+}`.
pub fn diff_text(diff: &[DiffPart]) -> String {
    diff.iter()
        .map(|part| match part {
            DiffPart::Equal(text) => text.clone(),
            DiffPart::Delete(text) => format!("[-{text}-]"),
            DiffPart::Insert(text) => format!("{{+{text}+}}"),
        })
        .collect()
}

/// The glossary concepts `english` uses, with the locale's terms.
fn terms(matcher: &Matcher, english: &str) -> Vec<TermHint> {
    let mut hints: Vec<TermHint> = Vec::new();
    for spotted in matcher.spot(english) {
        let concept = matcher.concept(spotted.concept);
        if hints.iter().any(|h| h.source == spotted.text) {
            continue;
        }
        let texts = |status| {
            matcher
                .target_terms(spotted.concept, status)
                .map(|t| t.text.clone())
                .collect::<Vec<_>>()
        };
        let mut approved = texts(TermStatus::Preferred);
        approved.extend(texts(TermStatus::Admitted));
        hints.push(TermHint {
            source: spotted.text,
            approved,
            forbidden: texts(TermStatus::Forbidden),
            do_not_translate: concept.do_not_translate,
            note: concept.definition.clone().or_else(|| concept.note.clone()),
        });
    }
    hints
}
