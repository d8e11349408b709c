//! One message of a packet: whether its English is today's (stale), its units put back
//! together as a Fluent entry, the check rules at the project's levels, and what to write:
//! nothing, the record only, or the entry and its record (see the parent module).

use std::collections::HashMap;
use std::path::PathBuf;

use super::{Place, Target};
use crate::check::doc::{Entry, FtlDoc};
use crate::check::entry::check_entry;
use crate::check::finding::Level;
use crate::check::word_diff;
use crate::exchange::inline::{align, from_masked, to_masked};
use crate::exchange::model::{Inline, Packet, State, Unit};
use crate::mt::draft::{Part, Select, assemble, message_parts};
use crate::mt::mask::{mask, restore, sentinels};
use crate::state::{Record, Status};

/// What to do with one message.
pub(super) enum Outcome {
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

pub(super) fn message(
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
            return Outcome::Stale(crate::exchange::collect::diff_text(&diff));
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
pub(super) fn message_id(unit: &str) -> &str {
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
