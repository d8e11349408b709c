//! Checking and saving a reviewer's text: a one-message review packet put through
//! `exchange::apply` — the code `kurso import` uses — so a save is checked with every `kurso
//! check` rule, its inline codes verified, and written with its state through
//! `guard::writable_state` and `fsx`, origin `human`, via `kurso review`.
//!
//! A save names the version of the message it was made from ([`super::item::version`]); the
//! file is read again first and a save against an older version is a [`SaveOutcome::Conflict`]
//! that writes nothing and returns what is there now. A second identical save is
//! [`SaveOutcome::Unchanged`] and writes nothing.

use std::collections::BTreeMap;

use super::editable;
use super::item::{Item, ItemFinding, ItemStatus};
use super::workspace::LocaleView;
use crate::check::finding::Level;
use crate::exchange::apply::{Target, Verdict, apply, verify};
use crate::exchange::{Packet, PacketFile, State, Unit};
use crate::state::StateFile;

/// What the reviewer asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Write the text as a person's translation: status `edited`.
    Save,
    /// Write the text (changed or not) as checked by a reviewer: status `reviewed`.
    Approve,
}

/// One save from the page.
#[derive(Debug, Clone)]
pub struct SaveRequest {
    pub file: String,
    pub id: String,
    /// The version the reviewer's text was made from.
    pub version: String,
    pub action: Action,
    /// Editable text by unit ID (every unit of the message).
    pub units: BTreeMap<String, String>,
    /// Recorded as `changed-by` (a token's name), when known.
    pub reviewer: Option<String>,
}

#[derive(Debug, Clone)]
pub enum SaveOutcome {
    /// Written; the message as it is now.
    Saved(Box<Item>),
    /// Text and status were already so: nothing written.
    Unchanged(Box<Item>),
    /// The message changed since `version`: nothing written; the message as it is now.
    Conflict(Box<Item>),
    /// Not written: the reason (check errors, broken codes, an empty text).
    Refused(String),
    /// No such message in this locale.
    NotFound,
    /// The file could not be written (it does not parse, its state file is broken, I/O).
    Failed(String),
}

/// The live check of a text: what a save would say, without writing.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CheckResult {
    /// Errors that block saving (empty: the text may be saved).
    pub errors: Vec<String>,
    pub warnings: Vec<String>,
}

impl LocaleView {
    /// Checks `units` (editable text by unit ID) as the translation of message `id` of `file`
    /// with every rule a save runs; `None` when there is no such message.
    pub fn check_text(
        &self,
        file: &str,
        id: &str,
        units: &BTreeMap<String, String>,
    ) -> Option<CheckResult> {
        let item = self.item(file, id)?;
        let packet = match self.packet(item, units, State::Translated, None) {
            Ok(packet) => packet,
            Err(reason) => {
                return Some(CheckResult {
                    errors: vec![reason],
                    warnings: Vec::new(),
                });
            }
        };
        let verdict = verify(&packet, &self.target())
            .into_iter()
            .next()
            .map_or(Verdict::Empty, |(_, _, verdict)| verdict);
        Some(match verdict {
            Verdict::Writes(warnings) => CheckResult {
                errors: Vec::new(),
                warnings,
            },
            Verdict::Unchanged => CheckResult::default(),
            Verdict::Empty => CheckResult {
                errors: vec!["the translation is empty".to_owned()],
                warnings: Vec::new(),
            },
            Verdict::Stale(diff) => CheckResult {
                errors: vec![format!(
                    "the English changed since the page was loaded ({diff}): reload"
                )],
                warnings: Vec::new(),
            },
            Verdict::Refused(reason) => CheckResult {
                errors: reason.split("; ").map(str::to_owned).collect(),
                warnings: Vec::new(),
            },
        })
    }

    /// Saves `request` if it was made from the current version of its message.
    pub fn save(&mut self, request: &SaveRequest) -> SaveOutcome {
        if self.item(&request.file, &request.id).is_none() {
            return SaveOutcome::NotFound;
        }
        self.refresh_file(&request.file);
        let Some(now) = self.version_now(&request.file, &request.id) else {
            return SaveOutcome::Failed(
                "the English no longer has this message: reload the queue".to_owned(),
            );
        };
        let item = self
            .item(&request.file, &request.id)
            .expect("looked up above");
        if now != item.version || request.version != item.version {
            return match self.current(&request.file, &request.id) {
                Some(current) => SaveOutcome::Conflict(Box::new(current)),
                None => SaveOutcome::NotFound,
            };
        }
        let state = match request.action {
            Action::Save => State::Translated,
            Action::Approve => State::Reviewed,
        };
        let packet = match self.packet(item, &request.units, state, request.reviewer.as_ref()) {
            Ok(packet) => packet,
            Err(reason) => return SaveOutcome::Refused(reason),
        };
        let applied = apply(&packet, &self.target());
        if let Some(diagnostic) = applied.diagnostics.first() {
            return SaveOutcome::Failed(diagnostic.to_string());
        }
        if let Some((_, _, reason)) = applied.refused.first() {
            return SaveOutcome::Refused(reason.clone());
        }
        if let Some((_, _, diff)) = applied.stale.first() {
            return SaveOutcome::Refused(format!(
                "the English changed since the page was loaded ({diff}): reload"
            ));
        }
        if applied.empty > 0 {
            return SaveOutcome::Refused("the translation is empty".to_owned());
        }
        let written = !applied.applied.is_empty();
        self.refresh_file(&request.file);
        let warnings = applied.warnings.iter().map(|(_, _, w)| w.as_str());
        let Some(updated) = self.after_save(&request.file, &request.id, &request.units, warnings)
        else {
            return SaveOutcome::NotFound;
        };
        if written {
            SaveOutcome::Saved(Box::new(updated))
        } else {
            SaveOutcome::Unchanged(Box::new(updated))
        }
    }

    fn target(&self) -> Target<'_> {
        Target {
            english: &self.tree.reference,
            locale: &self.tree.locales[self.index],
            env: &self.env,
            keep: &self.keep,
            modules: self.modules.as_deref(),
            policy: &self.policy,
        }
    }

    /// A packet of the one message `item` with the reviewer's `texts`.
    fn packet(
        &self,
        item: &Item,
        texts: &BTreeMap<String, String>,
        state: State,
        reviewer: Option<&String>,
    ) -> Result<Packet, String> {
        if let Some(unknown) = texts
            .keys()
            .find(|k| !item.units.iter().any(|u| &u.id == *k))
        {
            return Err(format!(
                "`{unknown}` is not a piece of message `{}`",
                item.id
            ));
        }
        let mut units = Vec::new();
        for unit in &item.units {
            let text = texts
                .get(&unit.id)
                .ok_or_else(|| format!("the text of `{}` is missing", unit.id))?;
            let target = editable::parse(text, &unit.codes)?;
            units.push(Unit {
                id: unit.id.clone(),
                source: unit.english.clone(),
                target: Some(target),
                state,
                codes: unit.codes.clone(),
                changed_by: reviewer.cloned(),
                changed_on: Some(crate::state::today()),
                ..Unit::default()
            });
        }
        Ok(Packet {
            source_locale: self.source_locale.clone(),
            target_locale: self.locale.clone(),
            tool: Some("kurso review".to_owned()),
            files: vec![PacketFile {
                original: item.file.clone(),
                units,
            }],
            raw_markup: false,
        })
    }

    /// The message as the files on disk have it now (after a conflict): the loaded item with
    /// its translation, state and version read again. `None` when it is gone.
    fn current(&mut self, file: &str, id: &str) -> Option<Item> {
        let version = self.version_now(file, id)?;
        let docs = &self.tree.locales[self.index];
        let english = self.tree.reference.docs.get(file)?.get(id)?.text();
        let translation = docs.docs.get(file).and_then(|doc| doc.get(id));
        let has_translation = translation.is_some();
        let codes: Vec<Vec<crate::exchange::Code>> = self
            .item(file, id)?
            .units
            .iter()
            .map(|u| u.codes.clone())
            .collect();
        let texts: Option<Vec<String>> = translation.map(|t| {
            let (parts, _) = crate::mt::draft::message_parts(t, &self.keep, 0);
            parts
                .iter()
                .zip(&codes)
                .map(|(part, codes)| {
                    let (inlines, own) =
                        crate::exchange::inline::from_masked(&part.masked, &part.placeables);
                    crate::exchange::inline::align(&inlines, &own, codes).map_or_else(
                        |_| {
                            crate::mt::mask::restore(
                                &part.masked.unmask(&part.masked.text).unwrap_or_default(),
                                &part.placeables,
                            )
                        },
                        |aligned| editable::render(&aligned),
                    )
                })
                .collect()
        });
        let state = StateFile::load_for(&docs.dir.join(file), &docs.dir_display.join(file))
            .unwrap_or_default();
        let record = state.records.get(id).cloned();
        let item = self.item_mut(file, id)?;
        item.status = ItemStatus::of(&english, has_translation, record.as_ref());
        apply_record(item, record.as_ref());
        // The text on disk, with its codes as tokens where they match the English's.
        if let Some(texts) = texts {
            for (unit, text) in item.units.iter_mut().zip(texts) {
                unit.text = text;
            }
        }
        item.version = version;
        Some(item.clone())
    }

    /// The item after a save of `texts`: its state read again, findings from the save.
    fn after_save<'w>(
        &mut self,
        file: &str,
        id: &str,
        texts: &BTreeMap<String, String>,
        warnings: impl Iterator<Item = &'w str>,
    ) -> Option<Item> {
        let version = self.version_now(file, id)?;
        let docs = &self.tree.locales[self.index];
        let english = self.tree.reference.docs.get(file)?.get(id)?.text();
        let has_translation = docs.docs.get(file).is_some_and(|doc| doc.contains(id));
        let state = StateFile::load_for(&docs.dir.join(file), &docs.dir_display.join(file))
            .unwrap_or_default();
        let record = state.records.get(id).cloned();
        let findings: Vec<ItemFinding> = warnings
            .map(|warning| {
                let (rule, message) = warning.split_once(": ").unwrap_or(("check", warning));
                ItemFinding {
                    rule: rule.to_owned(),
                    level: Level::Warning,
                    message: message.to_owned(),
                }
            })
            .collect();
        let item = self.item_mut(file, id)?;
        item.status = ItemStatus::of(&english, has_translation, record.as_ref());
        apply_record(item, record.as_ref());
        item.diff = None;
        item.findings = findings;
        for unit in &mut item.units {
            if let Some(text) = texts.get(&unit.id) {
                unit.text.clone_from(text);
            }
        }
        item.version = version;
        Some(item.clone())
    }
}

fn apply_record(item: &mut Item, record: Option<&crate::state::Record>) {
    item.origin = record.map(|r| r.origin.clone());
    item.changed_by = record.and_then(|r| r.changed_by.clone());
    item.changed_on = record.and_then(|r| r.changed_on.clone());
    item.suggestion = record.and_then(|r| {
        Some((
            r.suggestion_origin.clone().unwrap_or_default(),
            r.suggestion.clone()?,
        ))
    });
}
