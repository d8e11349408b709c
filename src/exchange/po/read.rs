//! PO text → packet: every entry with a kurso context becomes its unit (a plural entry one unit
//! per form), with the state worked out from the text, the `fuzzy` flag and what kurso
//! recorded. See the parent module for the mapping.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::comments::{self, Extracted, Recorded};
use super::plural::PluralForms;
use super::syntax::{self, Entry};
use super::write::split_variant;
use crate::diagnostic::Diagnostic;
use crate::exchange::model::{Inline, Note, NoteKind, Packet, PacketFile, State, Unit};
use crate::span::Position;

pub fn read(path: &Path, text: &str) -> Result<(Packet, Vec<Diagnostic>), Diagnostic> {
    let entries = syntax::parse(text).map_err(|err| {
        Diagnostic::error_at_position(
            path,
            text,
            Position {
                line: err.line,
                column: err.column,
            },
            format!("not a PO file: {}", err.message),
        )
        .with_help(
            "fix this line (`msgfmt -c FILE` shows the same place); nothing of the file was read",
        )
    })?;
    let mut reader = Reader {
        path,
        text,
        diagnostics: Vec::new(),
    };
    let header = entries.iter().find(|entry| entry.is_header());
    let fields = header
        .and_then(|h| h.msgstr.first())
        .map(|value| header_fields(value))
        .unwrap_or_default();
    let field = |name: &str| {
        fields
            .iter()
            .find(|(key, _)| key.eq_ignore_ascii_case(name))
            .map(|(_, value)| value.as_str())
    };
    let header_line = header.map_or(1, |h| h.line);
    let target_locale = field("Language").unwrap_or_default().replace('_', "-");
    if target_locale.is_empty() {
        reader.warn(
            header_line,
            "the header names no `Language`".to_owned(),
            "add `Language: xx` to the header (Poedit: Translation › Properties)",
        );
    }
    if let Some(charset) = field("Content-Type").and_then(declared_charset)
        && !is_utf8_name(&charset)
        && !text.is_ascii()
    {
        reader.warn(
            header_line,
            format!("the header declares charset `{charset}`, but the file is UTF-8 and was read as UTF-8"),
            "set `charset=UTF-8` in the header's Content-Type",
        );
    }
    let forms = match field("Plural-Forms") {
        Some(header) => PluralForms::parse(header, &target_locale)
            .map_err(|err| format!("its `Plural-Forms: {header}` cannot be used: {err}")),
        None => Err("the header has no `Plural-Forms`".to_owned()),
    };
    let mut packet = Packet {
        source_locale: field("X-Source-Language").unwrap_or_default().to_owned(),
        target_locale,
        tool: field("X-Generator").map(str::to_owned),
        files: Vec::new(),
        raw_markup: true,
    };
    let mut file_of: HashMap<String, usize> = HashMap::new();
    let mut seen: HashSet<(Option<&str>, &str)> = HashSet::new();
    let mut foreign: Vec<usize> = Vec::new();
    for entry in entries.iter().filter(|entry| !entry.is_header()) {
        if !seen.insert((entry.msgctxt.as_deref(), entry.msgid.as_str())) {
            reader.error(
                entry.line,
                "this msgctxt and msgid are defined twice; the second was not read".to_owned(),
                "remove one of them",
            );
            continue;
        }
        let (original, id) =
            if let Some((original, id)) = entry.msgctxt.as_deref().and_then(split_context) {
                (original.to_owned(), id.to_owned())
            } else {
                foreign.push(entry.line);
                let id = entry.msgctxt.clone().unwrap_or_else(|| entry.msgid.clone());
                (String::new(), id)
            };
        let units = if entry.msgid_plural.is_some() {
            reader.plural_units(entry, &id, forms.as_ref())
        } else {
            vec![single_unit(entry, &id)]
        };
        let index = *file_of.entry(original.clone()).or_insert_with(|| {
            packet.files.push(PacketFile {
                original,
                units: Vec::new(),
            });
            packet.files.len() - 1
        });
        packet.files[index].units.extend(units);
    }
    // Poedit names who saved the file and when in the header: a translated unit with no
    // kurso record of its own was changed or confirmed by them.
    let translator = field("Last-Translator").filter(|by| !by.trim().is_empty());
    let revised = field("PO-Revision-Date").and_then(revision_date);
    if translator.is_some() || revised.is_some() {
        for unit in packet.files.iter_mut().flat_map(|file| &mut file.units) {
            if unit.target.is_some() && unit.changed_by.is_none() && unit.changed_on.is_none() {
                unit.changed_by = translator.map(|by| by.trim().to_owned());
                unit.changed_on.clone_from(&revised);
            }
        }
    }
    if let Some(first) = foreign.first() {
        reader.warn(
            *first,
            format!(
                "{} entries have no kurso context (msgctxt `translation-file:message-id`); they were read with their msgctxt or msgid as ID and belong to no translation file",
                foreign.len()
            ),
            "import PO files that kurso exported, with their msgctxt lines as they were",
        );
    }
    Ok((packet, reader.diagnostics))
}

/// gettext's `PO-Revision-Date` (`2025-03-04 10:15+0100`) as ISO 8601
/// (`2025-03-04T10:15+01:00`); `None` when empty or a template's `YEAR-MO-DA HO:MI+ZONE`.
fn revision_date(value: &str) -> Option<String> {
    let value = value.trim();
    let (date, time) = value.split_once(' ')?;
    if !date.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let zone_at = time.rfind(['+', '-']);
    let time = match zone_at {
        Some(at) if time.len() - at == 5 => {
            format!("{}{}:{}", &time[..at], &time[at..at + 3], &time[at + 3..])
        }
        _ => time.to_owned(),
    };
    Some(format!("{date}T{time}"))
}

struct Reader<'a> {
    path: &'a Path,
    text: &'a str,
    diagnostics: Vec<Diagnostic>,
}

impl Reader<'_> {
    fn diagnostic(&self, line: usize, message: String, help: &str) -> Diagnostic {
        Diagnostic::error_at_position(self.path, self.text, Position { line, column: 1 }, message)
            .with_help(help)
    }

    fn error(&mut self, line: usize, message: String, help: &str) {
        let diagnostic = self.diagnostic(line, message, help);
        self.diagnostics.push(diagnostic);
    }

    fn warn(&mut self, line: usize, message: String, help: &str) {
        let diagnostic = self.diagnostic(line, message, help).warning();
        self.diagnostics.push(diagnostic);
    }

    /// One unit per form, `id[category]`, by the file's own `Plural-Forms`.
    fn plural_units(
        &mut self,
        entry: &Entry,
        id: &str,
        forms: Result<&PluralForms, &String>,
    ) -> Vec<Unit> {
        let forms = match forms {
            Ok(forms) => forms,
            Err(reason) => {
                self.error(
                    entry.line,
                    format!("this plural entry was not read: {reason}"),
                    "give the header the `Plural-Forms` of the file's language (kurso writes it)",
                );
                return Vec::new();
            }
        };
        let extracted = comments::parse(&entry.extracted);
        let mut units = Vec::new();
        for (index, text) in entry.msgstr.iter().enumerate() {
            let Some(category) = forms.categories.get(index).copied().flatten() else {
                if !text.is_empty() {
                    self.error(
                        entry.line,
                        format!(
                            "msgstr[{index}] was not read: under `Plural-Forms: {}` no number takes it",
                            forms.header
                        ),
                        "remove it, or fix the header's `Plural-Forms`",
                    );
                }
                continue;
            };
            let one = category == "one";
            let source = if one {
                &entry.msgid
            } else {
                entry.msgid_plural.as_ref().unwrap_or(&entry.msgid)
            };
            let previous = if one {
                entry.previous_msgid.clone()
            } else {
                entry
                    .previous_msgid_plural
                    .clone()
                    .or_else(|| entry.previous_msgid.clone())
            };
            let recorded = extracted
                .states
                .iter()
                .find(|r| r.key.as_deref() == Some(category));
            units.push(unit(
                entry,
                format!("{id}[{category}]"),
                source,
                text,
                recorded,
                previous,
                &extracted,
            ));
        }
        units
    }
}

fn single_unit(entry: &Entry, id: &str) -> Unit {
    let extracted = comments::parse(&entry.extracted);
    let recorded = extracted.states.iter().find(|r| r.key.is_none());
    let text = entry.msgstr.first().map_or("", String::as_str);
    unit(
        entry,
        id.to_owned(),
        &entry.msgid,
        text,
        recorded,
        entry.previous_msgid.clone(),
        &extracted,
    )
}

fn unit(
    entry: &Entry,
    id: String,
    source: &str,
    text: &str,
    recorded: Option<&Recorded>,
    previous_source: Option<String>,
    extracted: &Extracted,
) -> Unit {
    let mut notes = extracted.notes.clone();
    if !notes.iter().any(|note| note.kind == NoteKind::Location) && !entry.references.is_empty() {
        notes.insert(
            0,
            Note {
                kind: NoteKind::Location,
                text: entry.references.join(" "),
            },
        );
    }
    let inlines = |text: &str| {
        if text.is_empty() {
            Vec::new()
        } else {
            vec![Inline::Text(text.to_owned())]
        }
    };
    Unit {
        machine: false,
        id,
        source: inlines(source),
        target: (!text.is_empty()).then(|| inlines(text)),
        state: state_of(text, entry.is_fuzzy(), recorded),
        codes: Vec::new(),
        notes,
        previous_source,
        terms: extracted.terms.clone(),
        changed_by: extracted.changed_by.clone(),
        changed_on: extracted.changed_on.clone(),
        base: extracted.base.clone(),
        line: entry.line,
    }
}

/// The state of a translation: none is New; `fuzzy` is Draft; otherwise a person confirmed it
/// (Translated). What kurso recorded (`kurso-state`) counts only while the text is the one it
/// was recorded for: a reviewed translation edited afterwards is Translated again.
fn state_of(text: &str, fuzzy: bool, recorded: Option<&Recorded>) -> State {
    if text.is_empty() {
        return State::New;
    }
    let unchanged = recorded.filter(|r| r.hash == comments::hash(text));
    match (fuzzy, unchanged) {
        (true, Some(recorded)) => recorded.state.max(State::Draft),
        (true, None) => State::Draft,
        (false, Some(recorded)) if recorded.state >= State::Translated => recorded.state,
        (false, _) => State::Translated,
    }
}

/// `digicantrain-oncology/01-x.ftl:meta-title` → (`digicantrain-oncology/01-x.ftl`,
/// `meta-title`), when the part after the last colon is a unit ID.
fn split_context(context: &str) -> Option<(&str, &str)> {
    let (original, id) = context.rsplit_once(':')?;
    let (head, key) = match split_variant(id) {
        Some((head, key)) => (head, Some(key)),
        None => (id, None),
    };
    let (message, attribute) = match head.split_once('.') {
        Some((message, attribute)) => (message, Some(attribute)),
        None => (head, None),
    };
    let message = message.strip_prefix('-').unwrap_or(message);
    let valid = crate::fluent::is_identifier(message)
        && attribute.is_none_or(crate::fluent::is_identifier)
        && key.is_none_or(|k| crate::fluent::is_identifier(k) || k.parse::<f64>().is_ok());
    valid.then_some((original, id))
}

/// `Key: value` lines of the header's msgstr.
fn header_fields(value: &str) -> Vec<(String, String)> {
    value
        .lines()
        .filter_map(|line| line.split_once(':'))
        .map(|(key, value)| (key.trim().to_owned(), value.trim().to_owned()))
        .collect()
}

/// `text/plain; charset=UTF-8` → `UTF-8`.
pub(super) fn declared_charset(content_type: &str) -> Option<String> {
    let at = content_type.to_ascii_lowercase().find("charset=")?;
    let value = content_type[at + "charset=".len()..]
        .trim()
        .split([';', ' ', '\\'])
        .next()
        .unwrap_or_default();
    (!value.is_empty()).then(|| value.to_owned())
}

/// Names under which a UTF-8 (or pure ASCII) file is declared correctly, and gettext's
/// template placeholder.
pub(super) fn is_utf8_name(charset: &str) -> bool {
    ["utf-8", "utf8", "charset", "ascii", "us-ascii"]
        .contains(&charset.to_ascii_lowercase().as_str())
}
