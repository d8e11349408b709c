//! What kurso writes into extracted comments (`#.`) and reads back: notes, glossary terms, the
//! review state standard PO cannot hold, and who changed a unit when.
//!
//! Each is one labelled line (a note's further lines follow as `#.   ` lines, indented two
//! spaces), readable by a translator in Poedit's "Notes for translators":
//!
//! ```text
//! #. location: 01-remote-symptom-monitoring.md:41 · Alert thresholds › Red alerts
//! #. note: Thresholds must not change.
//! #. stale: English was: Call if **38.5 °C** → now: Call if **38.0 °C**
//! #. term: fever | approved: febbre | forbidden: temperatura
//! #. term: FHIR | do not translate
//! #. kurso-state: reviewed 3f2a9c1d
//! #. kurso-changed-by: Maria Rossi
//! #. kurso-changed-on: 2025-03-01
//! ```
//!
//! An extracted line with no known label is a general note (other tools' developer comments
//! read as such). In a term line `\`, `|`, `;` and line breaks are escaped with a backslash.
//! `kurso-state` carries the state with the first 8 hex digits of the SHA-256 of the
//! translation it was given for, so a translation edited after export is not read back as
//! reviewed (see `read.rs`). Tools may drop these lines; Poedit keeps them.

use std::fmt::Write as _;

use sha2::{Digest, Sha256};

use crate::exchange::model::{Note, NoteKind, State, TermHint};

const LOCATION: &str = "location:";
const AUTHOR: &str = "note:";
const STALE: &str = "stale:";
const GENERAL: &str = "general:";
const TERM: &str = "term:";
const STATE: &str = "kurso-state:";
const CHANGED_BY: &str = "kurso-changed-by:";
const CHANGED_ON: &str = "kurso-changed-on:";
const BASE: &str = "kurso-base:";
/// The prefix of a note's further lines.
const CONTINUATION: &str = "  ";

/// A state kurso recorded for one translation: for a plural entry's variant (`key`) or the
/// whole entry, with the hash of the text it was recorded for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Recorded {
    pub key: Option<String>,
    pub state: State,
    pub hash: String,
}

/// What the extracted comments of one entry hold.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extracted {
    pub notes: Vec<Note>,
    pub terms: Vec<TermHint>,
    pub states: Vec<Recorded>,
    pub changed_by: Option<String>,
    pub changed_on: Option<String>,
    /// The fingerprint of the message's translation when the packet was made.
    pub base: Option<String>,
}

/// The extracted comment lines (without `#. `) for these notes and terms.
pub fn notes_and_terms(notes: &[Note], terms: &[TermHint], out: &mut Vec<String>) {
    for note in notes {
        let mut lines = note.text.split('\n');
        let first = lines.next().unwrap_or_default();
        let label = match note.kind {
            NoteKind::Location => LOCATION,
            NoteKind::Author => AUTHOR,
            NoteKind::Stale => STALE,
            NoteKind::General
                if first.is_empty()
                    || label_of(first).is_some()
                    || first.starts_with(CONTINUATION) =>
            {
                GENERAL
            }
            NoteKind::General => "",
        };
        out.push(if label.is_empty() {
            first.to_owned()
        } else {
            format!("{label} {first}")
        });
        out.extend(lines.map(|line| format!("{CONTINUATION}{line}")));
    }
    for term in terms {
        let mut line = format!("{TERM} {}", escape(&term.source));
        for (label, list) in [("approved", &term.approved), ("forbidden", &term.forbidden)] {
            if !list.is_empty() {
                let items: Vec<String> = list.iter().map(|t| escape(t)).collect();
                let _ = write!(line, " | {label}: {}", items.join("; "));
            }
        }
        if term.do_not_translate {
            line.push_str(" | do not translate");
        }
        if let Some(note) = &term.note {
            let _ = write!(line, " | note: {}", escape(note));
        }
        out.push(line);
    }
}

/// `kurso-state: reviewed 3f2a9c1d` (one translation) or
/// `kurso-state: one=reviewed 3f2a9c1d, few=draft 0b1c2d3e` (a plural entry's variants).
pub fn state_line(states: &[Recorded]) -> String {
    let items: Vec<String> = states
        .iter()
        .map(|recorded| {
            let key = recorded
                .key
                .as_ref()
                .map(|key| format!("{key}="))
                .unwrap_or_default();
            format!("{key}{} {}", state_name(recorded.state), recorded.hash)
        })
        .collect();
    format!("{STATE} {}", items.join(", "))
}

/// `kurso-base: 3f2a9c1d0b1c`: the fingerprint of the message's translation at export.
pub fn base_line(base: Option<&str>, out: &mut Vec<String>) {
    if let Some(base) = base {
        out.push(format!("{BASE} {base}"));
    }
}

pub fn changed_lines(by: Option<&str>, on: Option<&str>, out: &mut Vec<String>) {
    if let Some(by) = by {
        out.push(format!("{CHANGED_BY} {}", by.replace('\n', " ")));
    }
    if let Some(on) = on {
        out.push(format!("{CHANGED_ON} {}", on.replace('\n', " ")));
    }
}

/// The first 8 hex digits of the SHA-256 of `text`.
pub fn hash(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .take(4)
        .fold(String::new(), |mut hex, byte| {
            let _ = write!(hex, "{byte:02x}");
            hex
        })
}

/// Reads the extracted comment lines of one entry.
pub fn parse(lines: &[String]) -> Extracted {
    let mut found = Extracted::default();
    // Whether the previous line was a note, which a continuation line extends.
    let mut in_note = false;
    for line in lines {
        if in_note && (line.starts_with(CONTINUATION) || line.is_empty()) {
            if let Some(note) = found.notes.last_mut() {
                note.text.push('\n');
                note.text
                    .push_str(line.strip_prefix(CONTINUATION).unwrap_or(line));
            }
            continue;
        }
        in_note = false;
        let Some((label, rest)) = label_of(line) else {
            found.notes.push(Note {
                kind: NoteKind::General,
                text: line.clone(),
            });
            in_note = true;
            continue;
        };
        let kind = match label {
            LOCATION => Some(NoteKind::Location),
            AUTHOR => Some(NoteKind::Author),
            STALE => Some(NoteKind::Stale),
            GENERAL => Some(NoteKind::General),
            _ => None,
        };
        if let Some(kind) = kind {
            found.notes.push(Note {
                kind,
                text: rest.to_owned(),
            });
            in_note = true;
            continue;
        }
        match label {
            TERM => found.terms.push(parse_term(rest)),
            STATE => found
                .states
                .extend(rest.split(", ").filter_map(parse_recorded)),
            CHANGED_BY => found.changed_by = Some(rest.to_owned()),
            BASE => found.base = Some(rest.to_owned()),
            _ => found.changed_on = Some(rest.to_owned()),
        }
    }
    found
}

fn label_of(line: &str) -> Option<(&'static str, &str)> {
    [
        LOCATION, AUTHOR, STALE, GENERAL, TERM, STATE, CHANGED_BY, CHANGED_ON, BASE,
    ]
    .into_iter()
    .find_map(|label| {
        let rest = line.strip_prefix(label)?;
        Some((label, rest.strip_prefix(' ').unwrap_or(rest)))
    })
}

fn parse_recorded(item: &str) -> Option<Recorded> {
    let (key, rest) = match item.split_once('=') {
        Some((key, rest)) => (Some(key.trim().to_owned()), rest),
        None => (None, item),
    };
    let (name, hash) = rest.trim().split_once(' ')?;
    Some(Recorded {
        key,
        state: state_from_name(name)?,
        hash: hash.trim().to_owned(),
    })
}

pub fn state_name(state: State) -> &'static str {
    match state {
        State::New => "new",
        State::Draft => "draft",
        State::Translated => "translated",
        State::Reviewed => "reviewed",
        State::Final => "final",
    }
}

fn state_from_name(name: &str) -> Option<State> {
    Some(match name {
        "new" => State::New,
        "draft" => State::Draft,
        "translated" => State::Translated,
        "reviewed" => State::Reviewed,
        "final" => State::Final,
        _ => return None,
    })
}

fn parse_term(rest: &str) -> TermHint {
    let mut fields = split_unescaped(rest, '|').into_iter();
    let source = unescape(fields.next().unwrap_or_default().trim());
    let mut term = TermHint {
        source,
        approved: Vec::new(),
        forbidden: Vec::new(),
        do_not_translate: false,
        note: None,
    };
    let list = |value: &str| -> Vec<String> {
        split_unescaped(value, ';')
            .iter()
            .map(|item| unescape(item.trim()))
            .filter(|item| !item.is_empty())
            .collect()
    };
    for field in fields {
        let field = field.trim();
        if let Some(value) = field.strip_prefix("approved:") {
            term.approved = list(value);
        } else if let Some(value) = field.strip_prefix("forbidden:") {
            term.forbidden = list(value);
        } else if field == "do not translate" {
            term.do_not_translate = true;
        } else if let Some(value) = field.strip_prefix("note:") {
            term.note = Some(unescape(value.trim()));
        }
    }
    term
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '|' | ';' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            _ => out.push(c),
        }
    }
    out
}

fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match (c, c == '\\') {
            (_, true) => match chars.next() {
                Some('n') => out.push('\n'),
                Some(other) => out.push(other),
                None => out.push('\\'),
            },
            _ => out.push(c),
        }
    }
    out
}

/// Splits at `separator` where it is not escaped (escapes are kept for `unescape`).
fn split_unescaped(text: &str, separator: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut escaped = false;
    for (index, c) in text.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == separator {
            parts.push(&text[start..index]);
            start = index + c.len_utf8();
        }
    }
    parts.push(&text[start..]);
    parts
}
