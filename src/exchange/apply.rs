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

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::PathBuf;

use rayon::prelude::*;

use super::inline::{align, from_masked, to_masked};
use super::model::{Inline, Packet, PacketFile, State, Unit};
use crate::check::doc::{Entry, FtlDoc, splice_entries};
use crate::check::entry::check_entry;
use crate::check::finding::Level;
use crate::check::rules::LocaleEnv;
use crate::check::{LocaleDocs, word_diff};
use crate::diagnostic::Diagnostic;
use crate::guard::writable_state;
use crate::mt::draft::{Part, Select, assemble, message_parts};
use crate::mt::mask::{mask, restore, sentinels};
use crate::state::{Record, Status};

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

/// What to do with one message.
enum Outcome {
    Empty,
    Unchanged,
    Stale(String),
    Refused(String),
    /// Write `entry` (when the text changed) and `record`.
    Apply {
        entry: Option<String>,
        record: Box<Record>,
        warnings: Vec<String>,
    },
}

fn message(
    packet: &Packet,
    english: Entry<'_>,
    existing: Option<Entry<'_>>,
    record: Option<&Record>,
    units: &[&Unit],
    target: &Target<'_>,
    place: &Place<'_>,
) -> Outcome {
    let with_target: Vec<&&Unit> = units
        .iter()
        .filter(|u| {
            u.state != State::New
                && u.target.as_ref().is_some_and(|t| {
                    !Inline::plain(t).trim().is_empty()
                        || t.iter().any(|i| !matches!(i, Inline::Text(_)))
                })
        })
        .collect();
    if with_target.is_empty() {
        return Outcome::Empty;
    }
    let (parts, mut selects) = message_parts(english, target.keep, 0);
    // Stale: any unit whose English is not today's.
    for unit in units {
        let Some(part) = part_for(&unit.id, &parts, &selects) else {
            return Outcome::Refused(format!(
                "`{}` is not a piece of today's English message",
                unit.id
            ));
        };
        let today = original_text(part);
        let sent = sent_english(packet, unit, part);
        if sent.as_deref().map(squeeze) != Some(squeeze(&today)) {
            let diff = word_diff(sent.as_deref().unwrap_or_default(), &today);
            return Outcome::Stale(super::collect::diff_text(&diff));
        }
    }
    // Every piece of the English needs its translation.
    let mut translated: HashMap<usize, String> = HashMap::new();
    for part in &parts {
        let Some(unit) = units.iter().find(|u| u.id == part.unit) else {
            return Outcome::Refused(format!("`{}` is missing from the packet", part.unit));
        };
        match target_masked(packet, unit, part, target.keep) {
            Ok(Some(masked)) => {
                translated.insert(part.segment, masked);
            }
            Ok(None) => {
                return Outcome::Refused(format!("`{}` has no translation", part.unit));
            }
            Err(reason) => return Outcome::Refused(format!("`{}`: {reason}", unit.id)),
        }
    }
    // Plural categories English lacks, where the packet fills them.
    for select in selects.iter_mut().filter(|s| s.plural) {
        let base = parts.iter().find(|p| {
            p.attribute == select.attribute && p.variant.as_deref() == Some(&select.default)
        });
        let Some(default_part) = base else { continue };
        let prefix = default_part.unit.split('[').next().unwrap_or_default();
        for unit in units {
            let Some(key) = unit
                .id
                .strip_prefix(prefix)
                .and_then(|rest| rest.strip_prefix('['))
                .and_then(|rest| rest.strip_suffix(']'))
            else {
                continue;
            };
            if select.keys.iter().any(|k| k == key) {
                continue;
            }
            match target_masked(packet, unit, default_part, target.keep) {
                Ok(Some(masked)) => select.filled.push((key.to_owned(), masked)),
                Ok(None) => {}
                Err(reason) => return Outcome::Refused(format!("`{}`: {reason}", unit.id)),
            }
        }
    }
    let entry = match assemble(english.id(), &parts, &selects, &translated) {
        Ok(entry) => entry,
        Err(reason) => return Outcome::Refused(reason),
    };
    // Every rule, but only for what would be written: a message already as the packet says
    // is unchanged without a second look (a second import of 10,000 messages is cheap).
    let check = |entry: &str| -> Result<Vec<String>, String> {
        let allowed: Vec<&str> = existing
            .map(|existing| crate::check::policy::comment_allows(existing.comment()).collect())
            .unwrap_or_default();
        let findings: Vec<crate::check::finding::Finding> =
            check_entry(entry, english, target.env, None, place.module)
                .map_err(|reason| format!("the translation is {reason}"))?
                .into_iter()
                .filter(|finding| !allowed.contains(&finding.rule))
                .filter_map(|mut finding| {
                    // Placed where it would be written, so `[[check.allow]]` paths match.
                    finding.path = place.path.to_path_buf();
                    finding.locale.clone_from(&target.locale.name);
                    finding.id = Some(english.id().to_owned());
                    target.policy.apply(finding)
                })
                .collect();
        let errors: Vec<String> = findings
            .iter()
            .filter(|f| f.level == Level::Error)
            .map(|f| format!("{}: {}", f.rule, f.message))
            .collect();
        if !errors.is_empty() {
            return Err(errors.join("; "));
        }
        Ok(findings
            .iter()
            .filter(|f| f.level == Level::Warning)
            .map(|f| format!("{}: {}", f.rule, f.message))
            .collect())
    };
    decide(
        packet,
        english,
        existing,
        record,
        &with_target,
        entry,
        check,
    )
}

/// Whether and how to write an entry, by the packet's state and what is there now; `check`
/// (every rule: the warnings, or why it is refused) runs only when something would be written.
fn decide(
    packet: &Packet,
    english: Entry<'_>,
    existing: Option<Entry<'_>>,
    record: Option<&Record>,
    units: &[&&Unit],
    entry: String,
    check: impl FnOnce(&str) -> Result<Vec<String>, String>,
) -> Outcome {
    // A message is as far along as its least confirmed piece.
    let state = units.iter().map(|u| u.state).min().unwrap_or(State::New);
    let english_text = english.text();
    let same_text = existing.is_some_and(|existing| {
        let doc = FtlDoc::parse(PathBuf::from("entry.ftl"), format!("{entry}\n"));
        doc.get(english.id()).map(|e| e.text()) == Some(existing.text())
    });
    // A packet made before someone else saved this message never overwrites their work.
    let now = existing.map(|existing| existing.text());
    if !same_text
        && let Some(base) = units.iter().find_map(|u| u.base.as_deref())
        && base != fingerprint(now.as_deref())
    {
        return Outcome::Refused(format!(
            "the translation changed since this packet was made (it is now: {}); the packet's text was not applied: export again and redo the change on today's translation",
            now.as_deref().unwrap_or("no translation")
        ));
    }
    let person_before = existing.is_some() && record.is_none_or(|r| r.status != Status::Machine);
    let tool = packet.tool.clone().filter(|t| t != "kurso");
    let by = units.iter().find_map(|u| u.changed_by.clone());
    let on = units.iter().find_map(|u| u.changed_on.clone());
    let status = match state {
        State::New => return Outcome::Empty,
        State::Draft => {
            if same_text || person_before {
                // Not confirmed: it neither confirms nor replaces anything.
                return if same_text {
                    Outcome::Unchanged
                } else {
                    Outcome::Refused(
                        "an unconfirmed target does not replace a person's translation: confirm it in your tool, then export and import again".to_owned(),
                    )
                };
            }
            Status::Machine
        }
        State::Translated => Status::Edited,
        State::Reviewed => Status::Reviewed,
        State::Final => Status::Approved,
    };
    let current = record.filter(|r| r.source == english_text);
    if same_text
        && let Some(current) = current
        && (status <= current.status)
    {
        return Outcome::Unchanged;
    }
    let warnings = match check(&entry) {
        Ok(warnings) => warnings,
        Err(reason) => return Outcome::Refused(reason),
    };
    let mut new = Record {
        origin: if status == Status::Machine {
            tool.clone().unwrap_or_else(|| "import".to_owned())
        } else {
            "human".to_owned()
        },
        ..Record::human(english_text, status)
    };
    new.changed_by = by;
    new.changed_on = on;
    new.via = tool;
    Outcome::Apply {
        entry: (!same_text).then_some(entry),
        record: Box::new(new),
        warnings,
    }
}

/// The fingerprint of a message's translation (its text as `Entry::text` gives it), or of
/// no translation: export writes it into each unit as `Unit.base`, import compares.
pub fn fingerprint(translation: Option<&str>) -> String {
    use sha2::{Digest as _, Sha256};
    let digest = match translation {
        Some(text) => Sha256::digest(format!("t:{text}").as_bytes()),
        None => Sha256::digest(b"none"),
    };
    digest.iter().take(6).fold(String::new(), |mut hex, byte| {
        use std::fmt::Write as _;
        let _ = write!(hex, "{byte:02x}");
        hex
    })
}

/// `id.attr[key]` → `id`.
fn message_id(unit: &str) -> &str {
    let end = unit.find(['.', '[']).unwrap_or(unit.len());
    &unit[..end]
}

/// The English piece a unit translates: its own part, or for a plural category English lacks
/// (`id[few]`), the select's default variant.
fn part_for<'p>(unit: &str, parts: &'p [Part], selects: &[Select]) -> Option<&'p Part> {
    if let Some(part) = parts.iter().find(|p| p.unit == unit) {
        return Some(part);
    }
    let (base, key) = unit.strip_suffix(']')?.split_once('[')?;
    let select = selects.iter().find(|s| {
        s.plural
            && crate::mt::draft::CATEGORIES.contains(&key)
            && parts.iter().any(|p| {
                p.attribute == s.attribute
                    && p.unit.starts_with(base)
                    && p.unit[base.len()..].starts_with('[')
            })
    })?;
    parts
        .iter()
        .find(|p| p.attribute == select.attribute && p.variant.as_deref() == Some(&select.default))
}

/// The piece's English as written (Markdown, placeables in Fluent syntax).
fn original_text(part: &Part) -> String {
    restore(
        &part.masked.unmask(&part.masked.text).unwrap_or_default(),
        &part.placeables,
    )
}

/// The English the packet carries for `unit`, read with `part`'s codes; `None` when its codes
/// do not fit today's English.
fn sent_english(packet: &Packet, unit: &Unit, part: &Part) -> Option<String> {
    if packet.raw_markup {
        return Some(Inline::plain(&unit.source));
    }
    let (english, codes) = from_masked(&part.masked, &part.placeables);
    let ids = code_ids(&unit.source, &english);
    let masked = to_masked(&renumbered(&unit.source, &ids), &codes).ok()?;
    Some(restore(
        &part.masked.unmask(&masked).ok()?,
        &part.placeables,
    ))
}

/// The unit's target as masked text for `part`'s `Masked::unmask`; `None` when it has none.
fn target_masked(
    packet: &Packet,
    unit: &Unit,
    part: &Part,
    keep: &[String],
) -> Result<Option<String>, String> {
    let Some(target) = &unit.target else {
        return Ok(None);
    };
    let (english, codes) = from_masked(&part.masked, &part.placeables);
    if packet.raw_markup {
        // Written as text (PO): find its codes the way the English's were found. An English
        // without codes has none to protect: the text's Markdown is left to the check rules
        // (a message that is all emphasis, `*…*`, is not masked, but its translation's
        // emphasis inside other text would be).
        let text = sentinels(&Inline::plain(target), &part.placeables);
        if codes.is_empty() {
            return to_masked(&[Inline::Text(text)], &codes).map(Some);
        }
        let own = mask(&text, keep);
        let (inlines, own_codes) = from_masked(&own, &part.placeables);
        let aligned = align(&inlines, &own_codes, &codes)?;
        return to_masked(&aligned, &codes).map(Some);
    }
    let ids = code_ids(&unit.source, &english);
    to_masked(&renumbered(target, &ids), &codes).map(Some)
}

/// The English code ID each code of a unit's source stands for, by position. A tool that
/// renumbers codes (Trados, `<bx/>`/`<ex/>` with IDs of its own) renumbers the source and the
/// target alike and keeps the English's codes in order in the source, so the source says
/// which English code a target's code is, even one with no readable form. Empty when the
/// source's codes do not line up one for one, kind for kind, with the English's.
fn code_ids(source: &[Inline], english: &[Inline]) -> HashMap<String, String> {
    let starts = |inlines: &[Inline]| -> Vec<(bool, String)> {
        inlines
            .iter()
            .filter_map(|inline| match inline {
                Inline::Ph { id, .. } => Some((false, id.clone())),
                Inline::Open { id, .. } => Some((true, id.clone())),
                _ => None,
            })
            .collect()
    };
    let (source, english) = (starts(source), starts(english));
    if source.len() != english.len() || source.iter().zip(&english).any(|(s, e)| s.0 != e.0) {
        return HashMap::new();
    }
    source
        .into_iter()
        .zip(english)
        .map(|((_, from), (_, to))| (from, to))
        .collect()
}

/// `inlines` with their code IDs renamed by `ids` (IDs not in it stay as they are).
fn renumbered(inlines: &[Inline], ids: &HashMap<String, String>) -> Vec<Inline> {
    let rename = |id: &String| ids.get(id).cloned().unwrap_or_else(|| id.clone());
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Text(_) => inline.clone(),
            Inline::Ph { id, equiv } => Inline::Ph {
                id: rename(id),
                equiv: equiv.clone(),
            },
            Inline::Open { id, equiv } => Inline::Open {
                id: rename(id),
                equiv: equiv.clone(),
            },
            Inline::Close { id, equiv } => Inline::Close {
                id: rename(id),
                equiv: equiv.clone(),
            },
        })
        .collect()
}

/// Whitespace runs as one space, ends trimmed: tools re-wrap and re-indent.
fn squeeze(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
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
            let verdict = match message(
                packet,
                english,
                existing,
                state.records.get(id),
                &units,
                target,
                module,
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
