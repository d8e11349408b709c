//! Packet → PO text: the header, then one entry per unit (one per plural select), in packet
//! order, strings wrapped at 79 columns as gettext wraps them. See the parent module for the
//! mapping.

use std::fmt::Write as _;

use super::comments::{self, Recorded};
use super::plural::{CATEGORIES, PluralForms};
use crate::exchange::model::{Code, Inline, Note, Packet, PacketFile, State, TermHint, Unit};

/// Columns a line may take (gettext's default `--width`).
const WIDTH: usize = 79;

pub fn write(packet: &Packet) -> String {
    let forms = PluralForms::for_locale(&packet.target_locale);
    let mut out = String::new();
    header(packet, forms.as_ref(), &mut out);
    for file in &packet.files {
        for group in groups(file, forms.as_ref()) {
            out.push('\n');
            match group {
                Group::Single(unit) => single(&file.original, unit, &mut out),
                Group::Plural { base, units } => plural(
                    &file.original,
                    &base,
                    &units,
                    forms.as_ref().expect("plural groups need plural forms"),
                    &mut out,
                ),
            }
        }
    }
    out
}

fn header(packet: &Packet, forms: Option<&PluralForms>, out: &mut String) {
    out.push_str(
        "# Review packet written by kurso. Translate the msgstr lines; keep each\n\
         # msgctxt as it is: it names the message (translation file:message ID).\n",
    );
    let course = packet
        .files
        .first()
        .and_then(|file| file.original.split('/').next())
        .unwrap_or_default();
    let mut fields = vec![
        format!("Project-Id-Version: {course}"),
        "PO-Revision-Date: ".to_owned(),
        "Last-Translator: ".to_owned(),
        "Language-Team: ".to_owned(),
        format!("Language: {}", packet.target_locale.replace('-', "_")),
        "MIME-Version: 1.0".to_owned(),
        "Content-Type: text/plain; charset=UTF-8".to_owned(),
        "Content-Transfer-Encoding: 8bit".to_owned(),
    ];
    if let Some(forms) = forms {
        fields.push(format!("Plural-Forms: {}", forms.header));
    }
    fields.push(format!("X-Generator: kurso {}", env!("CARGO_PKG_VERSION")));
    fields.push(format!("X-Source-Language: {}", packet.source_locale));
    let value = fields.join("\n") + "\n";
    keyword(out, "", "msgid", "");
    keyword(out, "", "msgstr", &value);
}

enum Group<'a> {
    Single(&'a Unit),
    /// The variants of a plural select, by CLDR category.
    Plural {
        base: String,
        units: Vec<(&'a str, &'a Unit)>,
    },
}

/// `id[key]` → (`id`, `key`).
pub(super) fn split_variant(id: &str) -> Option<(&str, &str)> {
    let inner = id.strip_suffix(']')?;
    let open = inner.rfind('[')?;
    Some((&inner[..open], &inner[open + 1..]))
}

/// The file's units as entries: the variants of a select whose keys are all CLDR categories,
/// `other` among them, become one plural entry at the place of the first (when the target has
/// plural forms); every other unit is its own entry.
fn groups<'a>(file: &'a PacketFile, forms: Option<&PluralForms>) -> Vec<Group<'a>> {
    let mut out = Vec::new();
    let mut done: Vec<&str> = Vec::new();
    for unit in &file.units {
        let Some((base, _)) = split_variant(&unit.id) else {
            out.push(Group::Single(unit));
            continue;
        };
        if done.contains(&base) {
            continue;
        }
        let variants: Vec<(&str, &Unit)> = file
            .units
            .iter()
            .filter_map(|u| {
                split_variant(&u.id)
                    .filter(|(b, _)| *b == base)
                    .map(|(_, k)| (k, u))
            })
            .collect();
        let keys: Vec<&str> = variants.iter().map(|(key, _)| *key).collect();
        let is_plural = forms.is_some()
            && keys.contains(&"other")
            && keys.iter().all(|key| CATEGORIES.contains(key))
            && (1..keys.len()).all(|i| !keys[..i].contains(&keys[i]));
        if is_plural {
            done.push(base);
            out.push(Group::Plural {
                base: base.to_owned(),
                units: variants,
            });
        } else {
            out.push(Group::Single(unit));
        }
    }
    out
}

fn single(original: &str, unit: &Unit, out: &mut String) {
    let target = unit.target.as_ref().map(|t| raw_text(t, &unit.codes));
    let mut extracted = Vec::new();
    comments::notes_and_terms(&unit.notes, &unit.terms, &mut extracted);
    if let Some(target) = &target
        && unit.state >= State::Reviewed
    {
        extracted.push(comments::state_line(&[Recorded {
            key: None,
            state: unit.state,
            hash: comments::hash(target),
        }]));
    }
    comments::changed_lines(
        unit.changed_by.as_deref(),
        unit.changed_on.as_deref(),
        &mut extracted,
    );
    comments::base_line(unit.base.as_deref(), &mut extracted);
    let context = format!("{original}:{}", unit.id);
    comment_block(&extracted, &unit.notes, out);
    if target.is_some() && unit.state == State::Draft {
        out.push_str("#, fuzzy\n");
    }
    if let Some(previous) = &unit.previous_source {
        keyword(out, "#| ", "msgctxt", &context);
        keyword(out, "#| ", "msgid", previous);
    }
    keyword(out, "", "msgctxt", &context);
    keyword(out, "", "msgid", &raw_text(&unit.source, &unit.codes));
    keyword(out, "", "msgstr", target.as_deref().unwrap_or_default());
}

fn plural(
    original: &str,
    base: &str,
    units: &[(&str, &Unit)],
    forms: &PluralForms,
    out: &mut String,
) {
    let by_key = |key: &str| units.iter().find(|(k, _)| *k == key).map(|(_, u)| *u);
    let other = by_key("other").expect("plural groups have `other`");
    let one = by_key("one").unwrap_or(other);
    // Per index: its category and the variant that fills it.
    let slots: Vec<(&str, Option<&Unit>)> = forms
        .categories
        .iter()
        .map(|category| {
            let key = category.unwrap_or_default();
            (key, category.and_then(by_key))
        })
        .collect();
    let texts: Vec<String> = slots
        .iter()
        .map(|(_, slot)| {
            slot.and_then(|u| u.target.as_ref().map(|t| raw_text(t, &u.codes)))
                .unwrap_or_default()
        })
        .collect();
    let with_target: Vec<(&str, &Unit, &String)> = slots
        .iter()
        .zip(&texts)
        .filter_map(|((key, slot), text)| {
            let unit = (*slot)?;
            unit.target.as_ref().map(|_| (*key, unit, text))
        })
        .collect();

    let mut notes: Vec<Note> = Vec::new();
    let mut terms: Vec<TermHint> = Vec::new();
    for (_, unit) in units {
        for note in &unit.notes {
            if !notes.contains(note) {
                notes.push(note.clone());
            }
        }
        for term in &unit.terms {
            if !terms.iter().any(|t| t.source == term.source) {
                terms.push(term.clone());
            }
        }
    }
    let mut extracted = Vec::new();
    comments::notes_and_terms(&notes, &terms, &mut extracted);
    let first_state = with_target.first().map(|(_, unit, _)| unit.state);
    let record = with_target
        .iter()
        .any(|(_, unit, _)| unit.state >= State::Reviewed || Some(unit.state) != first_state);
    if record {
        let states: Vec<Recorded> = with_target
            .iter()
            .map(|(key, unit, text)| Recorded {
                key: Some((*key).to_owned()),
                state: unit.state,
                hash: comments::hash(text),
            })
            .collect();
        extracted.push(comments::state_line(&states));
    }
    let latest = units
        .iter()
        .map(|(_, u)| *u)
        .filter(|u| u.changed_by.is_some() || u.changed_on.is_some())
        .max_by(|a, b| a.changed_on.cmp(&b.changed_on));
    comments::changed_lines(
        latest.and_then(|u| u.changed_by.as_deref()),
        latest.and_then(|u| u.changed_on.as_deref()),
        &mut extracted,
    );
    // The variants are pieces of one message: one fingerprint.
    comments::base_line(
        units.iter().find_map(|(_, u)| u.base.as_deref()),
        &mut extracted,
    );
    comment_block(&extracted, &notes, out);
    if with_target
        .iter()
        .any(|(_, unit, _)| unit.state == State::Draft)
    {
        out.push_str("#, fuzzy\n");
    }
    let context = format!("{original}:{base}");
    if one.previous_source.is_some() || other.previous_source.is_some() {
        keyword(out, "#| ", "msgctxt", &context);
        let previous_one = one
            .previous_source
            .as_ref()
            .or(other.previous_source.as_ref());
        keyword(out, "#| ", "msgid", previous_one.map_or("", String::as_str));
        let previous_other = other.previous_source.as_ref().or(previous_one);
        keyword(
            out,
            "#| ",
            "msgid_plural",
            previous_other.map_or("", String::as_str),
        );
    }
    keyword(out, "", "msgctxt", &context);
    keyword(out, "", "msgid", &raw_text(&one.source, &one.codes));
    keyword(
        out,
        "",
        "msgid_plural",
        &raw_text(&other.source, &other.codes),
    );
    for (index, text) in texts.iter().enumerate() {
        keyword(out, "", &format!("msgstr[{index}]"), text);
    }
    // Categories the target's plural forms give no index stay entries of their own.
    for (key, unit) in units {
        if forms.index_of(key).is_none() {
            out.push('\n');
            single(original, unit, out);
        }
    }
}

/// `#.` lines, then `#:` with the module:line of the location note.
fn comment_block(extracted: &[String], notes: &[Note], out: &mut String) {
    for line in extracted {
        if line.is_empty() {
            out.push_str("#.\n");
        } else {
            let _ = writeln!(out, "#. {line}");
        }
    }
    for note in notes {
        if note.kind == crate::exchange::model::NoteKind::Location {
            let place = note.text.split(" · ").next().unwrap_or_default();
            if place.contains(':') && !place.contains(char::is_whitespace) {
                let _ = writeln!(out, "#: {place}");
            }
        }
    }
}

/// A run of inlines as the text a translator edits: text as is, each code as its original
/// (`{ $dose }`, `[`, `](https://…)`), from the unit's codes, or its readable form when the
/// unit does not describe it.
pub fn raw_text(inlines: &[Inline], codes: &[Code]) -> String {
    let code = |id: &str| codes.iter().find(|code| code.id == id);
    let mut text = String::new();
    for inline in inlines {
        match inline {
            Inline::Text(plain) => text.push_str(plain),
            Inline::Ph { id, equiv } | Inline::Open { id, equiv } => text.push_str(
                code(id)
                    .map(|c| c.original.as_str())
                    .or(equiv.as_deref())
                    .unwrap_or_default(),
            ),
            Inline::Close { id, equiv } => text.push_str(
                code(id)
                    .map(|c| c.closing.as_str())
                    .or(equiv.as_deref())
                    .unwrap_or_default(),
            ),
        }
    }
    text
}

/// `keyword "value"`, or `keyword ""` and the value over several lines when it holds a line
/// break before its end or does not fit in [`WIDTH`] columns: broken after each `\n` and at
/// spaces, as gettext does.
fn keyword(out: &mut String, prefix: &str, keyword: &str, value: &str) {
    let whole = escape(value);
    let single = prefix.chars().count() + keyword.len() + whole.chars().count() + 3;
    let inner_break = value.find('\n').is_some_and(|at| at + 1 < value.len());
    if single <= WIDTH && !inner_break {
        let _ = writeln!(out, "{prefix}{keyword} \"{whole}\"");
        return;
    }
    let _ = writeln!(out, "{prefix}{keyword} \"\"");
    let room = WIDTH - prefix.chars().count() - 2;
    for line in value.split_inclusive('\n') {
        let mut current = String::new();
        for word in line.split_inclusive(' ') {
            let word = escape(word);
            if !current.is_empty() && current.chars().count() + word.chars().count() > room {
                let _ = writeln!(out, "{prefix}\"{current}\"");
                current.clear();
            }
            current.push_str(&word);
        }
        if !current.is_empty() {
            let _ = writeln!(out, "{prefix}\"{current}\"");
        }
    }
}

/// C string escapes: `\\`, `\"`, `\n`, `\t`, `\r`, other control characters in octal.
pub fn escape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c.is_ascii_control() => {
                let _ = write!(out, "\\{:03o}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out
}
