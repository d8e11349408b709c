//! Packet → XLIFF 1.2 text (see the parent module for what maps to what).
//!
//! Output is deterministic: the packet's order, a fixed layout (two-space indentation between
//! elements, nothing added inside `<source>`, `<target>` and `<note>`), attributes in a fixed
//! order, phases numbered in order of first use.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::{BASE_CONTEXT, notes, phase_date, state_attributes};
use crate::exchange::model::{Inline, Packet, PacketFile, State, Unit};

/// The text of `packet` as an XLIFF 1.2 document.
pub fn write(packet: &Packet) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n");
    for file in &packet.files {
        write_file(&mut out, packet, file);
    }
    out.push_str("</xliff>\n");
    out
}

/// Who and when, per distinct (process, person, date): one `<phase>` each.
#[derive(Default)]
struct Phases {
    names: HashMap<(&'static str, Option<String>, Option<String>), String>,
    order: Vec<(String, &'static str, Option<String>, Option<String>)>,
}

impl Phases {
    fn name_for(&mut self, unit: &Unit) -> Option<String> {
        if unit.changed_by.is_none() && unit.changed_on.is_none() {
            return None;
        }
        let process = match unit.state {
            State::New | State::Draft | State::Translated => "translation",
            State::Reviewed => "review",
            State::Final => "approval",
        };
        let key = (process, unit.changed_by.clone(), unit.changed_on.clone());
        let next = format!("p{}", self.order.len() + 1);
        let name = self
            .names
            .entry(key)
            .or_insert_with(|| next.clone())
            .clone();
        if name == next {
            self.order.push((
                name.clone(),
                process,
                unit.changed_by.clone(),
                unit.changed_on.clone(),
            ));
        }
        Some(name)
    }
}

fn write_file(out: &mut String, packet: &Packet, file: &PacketFile) {
    let mut phases = Phases::default();
    let unit_phases: Vec<Option<String>> = file
        .units
        .iter()
        .map(|unit| phases.name_for(unit))
        .collect();
    let _ = write!(out, "  <file original=\"");
    escape_attr(&file.original, out);
    out.push_str("\" source-language=\"");
    escape_attr(&packet.source_locale, out);
    out.push_str("\" target-language=\"");
    escape_attr(&packet.target_locale, out);
    out.push_str("\" datatype=\"plaintext\" tool-id=\"kurso\">\n    <header>\n");
    if !phases.order.is_empty() {
        out.push_str("      <phase-group>\n");
        for (name, process, by, on) in &phases.order {
            let _ = write!(
                out,
                "        <phase phase-name=\"{name}\" process-name=\"{process}\""
            );
            if let Some(by) = by {
                out.push_str(" contact-name=\"");
                escape_attr(by, out);
                out.push('"');
            }
            match on.as_deref().map(|on| (on, phase_date::to_xsd(on))) {
                Some((_, Some(date))) => {
                    let _ = writeln!(out, " date=\"{date}\"/>");
                }
                Some((raw, None)) => {
                    // Not an xsd:dateTime: kept word for word in a note of the phase.
                    let _ = write!(
                        out,
                        ">\n          <note from=\"{}\">",
                        phase_date::NOTE_FROM
                    );
                    escape_text(raw, out);
                    out.push_str("</note>\n        </phase>\n");
                }
                None => out.push_str("/>\n"),
            }
        }
        out.push_str("      </phase-group>\n");
    }
    let _ = writeln!(
        out,
        "      <tool tool-id=\"kurso\" tool-name=\"kurso\" tool-version=\"{}\"/>",
        env!("CARGO_PKG_VERSION")
    );
    out.push_str("    </header>\n    <body>\n");
    for (unit, phase) in file.units.iter().zip(&unit_phases) {
        write_unit(out, unit, phase.as_deref());
    }
    out.push_str("    </body>\n  </file>\n");
}

fn write_unit(out: &mut String, unit: &Unit, phase: Option<&str>) {
    out.push_str("      <trans-unit id=\"");
    escape_attr(&unit.id, out);
    out.push_str("\" resname=\"");
    escape_attr(&unit.id, out);
    out.push('"');
    if matches!(unit.state, State::Reviewed | State::Final) && unit.target.is_some() {
        out.push_str(" approved=\"yes\"");
    }
    out.push_str(" xml:space=\"preserve\">\n        <source>");
    write_inlines(&unit.source, out);
    out.push_str("</source>\n");
    if let Some(target) = &unit.target {
        let (state, qualifier) = state_attributes(unit.state, unit.machine);
        let _ = write!(out, "        <target state=\"{state}\"");
        if let Some(qualifier) = qualifier {
            let _ = write!(out, " state-qualifier=\"{qualifier}\"");
        }
        if let Some(phase) = phase {
            let _ = write!(out, " phase-name=\"{phase}\"");
        }
        out.push('>');
        write_inlines(target, out);
        out.push_str("</target>\n");
    }
    if let Some(base) = &unit.base {
        let _ = writeln!(
            out,
            "        <context-group name=\"kurso\" purpose=\"information\"><context context-type=\"{BASE_CONTEXT}\">{base}</context></context-group>"
        );
    }
    for note in &unit.notes {
        let (from, annotates, priority) = notes::attributes(note.kind);
        write_note(out, from, annotates, priority, &note.text);
    }
    for term in &unit.terms {
        write_note(out, notes::GLOSSARY, "source", 2, &notes::term_text(term));
    }
    if let Some(previous) = &unit.previous_source {
        out.push_str(
            "        <alt-trans alttranstype=\"previous-version\" origin=\"kurso\">\n          <source>",
        );
        escape_text(previous, out);
        out.push_str("</source>\n          <target>");
        if let Some(target) = &unit.target {
            write_inlines(target, out);
        }
        out.push_str("</target>\n        </alt-trans>\n");
    }
    out.push_str("      </trans-unit>\n");
}

fn write_note(out: &mut String, from: &str, annotates: &str, priority: u8, text: &str) {
    let _ = write!(
        out,
        "        <note from=\"{from}\" annotates=\"{annotates}\" priority=\"{priority}\">"
    );
    escape_text(text, out);
    out.push_str("</note>\n");
}

/// How each paired code of a run is written: `<g>` when it nests and its two readable forms
/// join unambiguously, else `<bx/>`/`<ex/>`.
enum Pair {
    /// `<g>` with this `equiv-text`; the index of its closing inline.
    G(Option<String>, usize),
    /// `<bx/>`/`<ex/>`, paired through `rid`.
    Bx,
}

fn write_inlines(inlines: &[Inline], out: &mut String) {
    let pairs = plan_pairs(inlines);
    for (index, inline) in inlines.iter().enumerate() {
        match inline {
            Inline::Text(text) => escape_text(text, out),
            Inline::Ph { id, equiv } => {
                out.push_str("<x id=\"");
                escape_attr(id, out);
                out.push('"');
                if let Some(ctype) = equiv.as_deref().and_then(placeholder_ctype) {
                    let _ = write!(out, " ctype=\"{ctype}\"");
                }
                write_equiv(equiv.as_deref(), out);
                out.push_str("/>");
            }
            Inline::Open { id, equiv } => match pairs.get(&index) {
                Some(Pair::G(joined, _)) => {
                    out.push_str("<g id=\"");
                    escape_attr(id, out);
                    out.push('"');
                    if let Some(ctype) = equiv.as_deref().map(delimiter_ctype) {
                        let _ = write!(out, " ctype=\"{ctype}\"");
                    }
                    write_equiv(joined.as_deref(), out);
                    out.push('>');
                }
                _ => write_bx_ex("bx", id, equiv.as_deref(), true, out),
            },
            Inline::Close { id, equiv } => {
                if pairs
                    .values()
                    .any(|pair| matches!(pair, Pair::G(_, close) if *close == index))
                {
                    out.push_str("</g>");
                } else {
                    let paired = pairs.iter().any(|(open, pair)| {
                        matches!(pair, Pair::Bx)
                            && matches!(&inlines[*open], Inline::Open { id: o, .. } if o == id)
                    });
                    write_bx_ex("ex", id, equiv.as_deref(), paired, out);
                }
            }
        }
    }
}

/// Pairs each `Open` with its `Close` and decides the form of each pair.
fn plan_pairs(inlines: &[Inline]) -> HashMap<usize, Pair> {
    let mut pairs = HashMap::new();
    let mut open: Vec<usize> = Vec::new();
    let mut nested = true;
    let mut closes: HashMap<usize, usize> = HashMap::new();
    for (index, inline) in inlines.iter().enumerate() {
        match inline {
            Inline::Open { .. } => open.push(index),
            Inline::Close { id, .. } => {
                let top = open.last().copied();
                match top.map(|top| (top, &inlines[top])) {
                    Some((top, Inline::Open { id: open_id, .. })) if open_id == id => {
                        open.pop();
                        closes.insert(top, index);
                    }
                    _ => nested = false,
                }
            }
            Inline::Text(_) | Inline::Ph { .. } => {}
        }
    }
    nested &= open.is_empty();
    for (index, inline) in inlines.iter().enumerate() {
        let Inline::Open { equiv, .. } = inline else {
            continue;
        };
        let close = closes.get(&index).copied();
        let closing = close.and_then(|close| match &inlines[close] {
            Inline::Close { equiv, .. } => equiv.clone(),
            _ => None,
        });
        let joined = join_equiv(equiv.as_deref(), closing.as_deref());
        pairs.insert(
            index,
            match (nested, close, joined) {
                (true, Some(close), Joined::Text(text)) => Pair::G(Some(text), close),
                (true, Some(close), Joined::Absent) => Pair::G(None, close),
                _ => Pair::Bx,
            },
        );
    }
    pairs
}

/// The one `equiv-text` of a `<g>`, standing for both readable forms.
enum Joined {
    /// `opening…closing`.
    Text(String),
    /// Neither code has a readable form.
    Absent,
    /// The two forms would not read back as they are (one is empty, or the closing holds `…`).
    Impossible,
}

fn join_equiv(opening: Option<&str>, closing: Option<&str>) -> Joined {
    match (opening, closing) {
        (None, None) => Joined::Absent,
        (Some(""), _) | (_, Some("")) => Joined::Impossible,
        (_, Some(closing)) if closing.contains('…') => Joined::Impossible,
        (opening, closing) => Joined::Text(format!(
            "{}…{}",
            opening.unwrap_or_default(),
            closing.unwrap_or_default()
        )),
    }
}

fn write_bx_ex(element: &str, id: &str, equiv: Option<&str>, paired: bool, out: &mut String) {
    let _ = write!(out, "<{element} id=\"");
    escape_attr(id, out);
    out.push('"');
    if paired {
        out.push_str(" rid=\"");
        escape_attr(&rid(id), out);
        out.push('"');
    }
    write_equiv(equiv, out);
    out.push_str("/>");
}

/// `rid` is an NMTOKEN: the code ID with any other character replaced.
fn rid(id: &str) -> String {
    let token: String = id
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | ':') {
                c
            } else {
                '_'
            }
        })
        .collect();
    if token.is_empty() { "_".into() } else { token }
}

fn write_equiv(equiv: Option<&str>, out: &mut String) {
    if let Some(equiv) = equiv {
        out.push_str(" equiv-text=\"");
        escape_attr(equiv, out);
        out.push('"');
    }
}

/// `ctype` of a standalone code, from what it stands for.
fn placeholder_ctype(original: &str) -> Option<&'static str> {
    let original = original.trim_start();
    Some(
        if original.starts_with("![") || original.starts_with("<img") {
            "image"
        } else if original.starts_with("<br") {
            "lb"
        } else if original.starts_with('{') {
            "x-fluent-placeable"
        } else if original.starts_with('`') {
            "x-code"
        } else if original.starts_with('<') {
            "x-html"
        } else {
            return None;
        },
    )
}

/// `ctype` of a paired code, from its opening.
fn delimiter_ctype(opening: &str) -> &'static str {
    let lower = opening.trim_start().to_lowercase();
    if lower == "**" || lower == "__" || lower.starts_with("<b>") || lower.starts_with("<strong") {
        "bold"
    } else if lower == "*" || lower == "_" || lower.starts_with("<i>") || lower.starts_with("<em") {
        "italic"
    } else if lower.starts_with("<u>") {
        "underlined"
    } else if lower.starts_with('[') || lower.starts_with("<a ") {
        "link"
    } else {
        "x-markup"
    }
}

/// Escapes character data: `&`, `<`, `>`; a carriage return as `&#13;` (a parser would turn a
/// literal one into a line feed); characters XML 1.0 cannot carry become U+FFFD.
pub fn escape_text(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            c if !xml_char(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
}

/// Escapes an attribute value: as text, plus `"`, and tab and line feed as references (a parser
/// would turn literal ones into spaces).
pub fn escape_attr(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            c => escape_text(c.encode_utf8(&mut [0; 4]), out),
        }
    }
}

fn xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..)
}
