//! Writes a [`Packet`] as XLIFF 2.0 (see the parent module for the mapping). Output is
//! deterministic: the packet's order, two-space indentation, attributes in a fixed order.

use std::collections::HashSet;
use std::fmt::Write as _;

use super::{
    GLS_NS, KURSO_NS, MACHINE_SUBSTATE, MDA_NS, META_CATEGORY, XLIFF_NS, is_xml_char, safe_id,
};
use crate::exchange::model::{
    Code, CodeKind, Inline, Note, NoteKind, Packet, State, TermHint, Unit,
};

/// The file's text for `packet` (same packet, same bytes).
pub fn write(packet: &Packet) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = write!(
        out,
        "<xliff xmlns=\"{XLIFF_NS}\" xmlns:mda=\"{MDA_NS}\" xmlns:gls=\"{GLS_NS}\" \
         xmlns:kurso=\"{KURSO_NS}\" version=\"2.0\" srcLang=\"{}\"",
        attr(&packet.source_locale)
    );
    if !packet.target_locale.is_empty() {
        let _ = write!(out, " trgLang=\"{}\"", attr(&packet.target_locale));
    }
    out.push_str(">\n");
    let files = packet.files.iter().filter(|file| !file.units.is_empty());
    for (n_file, file) in files.enumerate() {
        let _ = writeln!(
            out,
            "  <file id=\"f{}\" original=\"{}\">",
            n_file + 1,
            attr(&file.original)
        );
        if let Some(tool) = &packet.tool {
            metadata(&mut out, "    ", &[("tool", tool)]);
        }
        let mut used_ids = HashSet::new();
        for unit in &file.units {
            write_unit(&mut out, unit, &mut used_ids);
        }
        out.push_str("  </file>\n");
    }
    out.push_str("</xliff>\n");
    out
}

fn write_unit(out: &mut String, unit: &Unit, used_ids: &mut HashSet<String>) {
    let base = safe_id(&unit.id);
    let mut xml_id = base.clone();
    let mut n = 1;
    while !used_ids.insert(xml_id.clone()) {
        n += 1;
        xml_id = format!("{base}-{n}");
    }
    let _ = writeln!(
        out,
        "    <unit id=\"{xml_id}\" name=\"{}\">",
        attr(&unit.id)
    );
    let metas: Vec<(&str, &String)> = [
        ("previous-source", &unit.previous_source),
        ("base", &unit.base),
        ("changed-by", &unit.changed_by),
        ("changed-on", &unit.changed_on),
    ]
    .into_iter()
    .filter_map(|(kind, value)| value.as_ref().map(|value| (kind, value)))
    .collect();
    metadata(out, "      ", &metas);
    glossary(out, &unit.terms);
    notes(out, unit);
    original_data(out, &unit.codes);
    let (state, sub_state) = match unit.state {
        State::Draft if unit.machine => ("initial", Some(MACHINE_SUBSTATE)),
        // No target yet, or a person's translation of older English: not confirmed.
        State::New | State::Draft => ("initial", None),
        State::Translated => ("translated", None),
        State::Reviewed => ("reviewed", None),
        State::Final => ("final", None),
    };
    let _ = write!(out, "      <segment state=\"{state}\"");
    if let Some(sub_state) = sub_state {
        let _ = write!(out, " subState=\"{sub_state}\"");
    }
    out.push_str(">\n        <source>");
    inlines(out, &unit.source, &unit.codes);
    out.push_str("</source>\n");
    if let Some(target) = unit.target.as_ref().filter(|_| unit.state != State::New) {
        out.push_str("        <target>");
        inlines(out, target, &unit.codes);
        out.push_str("</target>\n");
    }
    out.push_str("      </segment>\n    </unit>\n");
}

/// An `<mda:metadata>` with kurso's group of `(type, value)` metas; nothing when empty.
fn metadata(out: &mut String, indent: &str, metas: &[(&str, &String)]) {
    if metas.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "{indent}<mda:metadata>\n{indent}  <mda:metaGroup category=\"{META_CATEGORY}\">"
    );
    for (kind, value) in metas {
        let _ = writeln!(
            out,
            "{indent}    <mda:meta type=\"{kind}\">{}</mda:meta>",
            plain_text(value)
        );
    }
    let _ = writeln!(out, "{indent}  </mda:metaGroup>\n{indent}</mda:metadata>");
}

fn glossary(out: &mut String, terms: &[TermHint]) {
    if terms.is_empty() {
        return;
    }
    out.push_str("      <gls:glossary>\n");
    for term in terms {
        out.push_str("        <gls:glossEntry>\n");
        let _ = writeln!(
            out,
            "          <gls:term>{}</gls:term>",
            plain_text(&term.source)
        );
        for approved in &term.approved {
            let _ = writeln!(
                out,
                "          <gls:translation>{}</gls:translation>",
                plain_text(approved)
            );
        }
        if let Some(definition) = definition(term.note.as_deref(), term) {
            let _ = writeln!(
                out,
                "          <gls:definition>{}</gls:definition>",
                plain_text(&definition)
            );
        }
        for forbidden in &term.forbidden {
            let _ = writeln!(
                out,
                "          <kurso:forbidden>{}</kurso:forbidden>",
                plain_text(forbidden)
            );
        }
        if term.do_not_translate {
            out.push_str("          <kurso:doNotTranslate/>\n");
        }
        out.push_str("        </gls:glossEntry>\n");
    }
    out.push_str("      </gls:glossary>\n");
}

/// The `<gls:definition>` text of `term` with note `note`: the note, then a line saying the
/// term is not translated and one naming its forbidden forms (the reader strips these lines
/// again, knowing them from the `kurso:` elements).
pub(super) fn definition(note: Option<&str>, term: &TermHint) -> Option<String> {
    let mut lines: Vec<String> = note.map(str::to_owned).into_iter().collect();
    if term.do_not_translate {
        lines.push("Do not translate: keep the term as written.".to_owned());
    }
    if !term.forbidden.is_empty() {
        lines.push(format!("Forbidden: {}.", term.forbidden.join("; ")));
    }
    (!lines.is_empty()).then(|| lines.join("\n"))
}

fn notes(out: &mut String, unit: &Unit) {
    let mut written: Vec<(Option<&str>, bool, String)> = unit
        .notes
        .iter()
        .map(|Note { kind, text }| match kind {
            NoteKind::Location => (Some("location"), true, text.clone()),
            NoteKind::Author => (Some("author"), false, text.clone()),
            NoteKind::Stale => (Some("stale"), true, text.clone()),
            NoteKind::General => (None, false, text.clone()),
        })
        .collect();
    if let Some(previous) = &unit.previous_source {
        written.push((Some("previous-source"), true, previous.clone()));
    }
    if !unit.terms.is_empty() {
        let lines: Vec<String> = unit.terms.iter().map(term_line).collect();
        written.push((Some("glossary"), false, lines.join("\n")));
    }
    if written.is_empty() {
        return;
    }
    out.push_str("      <notes>\n");
    for (category, source_only, text) in written {
        out.push_str("        <note");
        if let Some(category) = category {
            let _ = write!(out, " category=\"{category}\"");
        }
        if source_only {
            out.push_str(" appliesTo=\"source\"");
        }
        let _ = writeln!(out, ">{}</note>", plain_text(&text));
    }
    out.push_str("      </notes>\n");
}

/// One line of the glossary note: `informed consent → συναίνεση μετά από ενημέρωση; forbidden: …`.
fn term_line(term: &TermHint) -> String {
    let mut line = term.source.clone();
    if !term.approved.is_empty() {
        line.push_str(" → ");
        line.push_str(&term.approved.join(", "));
    }
    if term.do_not_translate {
        line.push_str(" (do not translate)");
    }
    if !term.forbidden.is_empty() {
        line.push_str("; forbidden: ");
        line.push_str(&term.forbidden.join(", "));
    }
    line
}

fn original_data(out: &mut String, codes: &[Code]) {
    let mut seen = HashSet::new();
    let mut data = String::new();
    for code in codes.iter().filter(|code| seen.insert(code.id.as_str())) {
        let id = safe_id(&code.id);
        let _ = write!(data, "        <data id=\"d{id}\">");
        content_text(&mut data, &code.original);
        data.push_str("</data>\n");
        if code.kind == CodeKind::Paired {
            let _ = write!(data, "        <data id=\"d{id}e\">");
            content_text(&mut data, &code.closing);
            data.push_str("</data>\n");
        }
    }
    if !data.is_empty() {
        let _ = write!(out, "      <originalData>\n{data}      </originalData>\n");
    }
}

/// The content of a `<source>` or `<target>`: text and codes. Open/Close pairs that nest
/// become `<pc>`; the others `<sc>`/`<ec>`.
fn inlines(out: &mut String, inlines: &[Inline], codes: &[Code]) {
    let pairs = pair_up(inlines);
    write_range(out, inlines, &pairs, codes, 0, inlines.len());
}

/// For each index: `Some(j)` when the Open there closes at `j` with proper nesting.
fn pair_up(inlines: &[Inline]) -> Vec<Option<usize>> {
    let mut pairs = vec![None; inlines.len()];
    let mut open: Vec<(usize, &str)> = Vec::new();
    for (index, inline) in inlines.iter().enumerate() {
        match inline {
            Inline::Open { id, .. } => open.push((index, id)),
            Inline::Close { id, .. } if open.last().is_some_and(|(_, top)| top == id) => {
                let (start, _) = open.pop().expect("checked above");
                pairs[start] = Some(index);
                pairs[index] = Some(start);
            }
            _ => {}
        }
    }
    pairs
}

fn write_range(
    out: &mut String,
    inlines: &[Inline],
    pairs: &[Option<usize>],
    codes: &[Code],
    start: usize,
    end: usize,
) {
    let mut index = start;
    while index < end {
        match &inlines[index] {
            Inline::Text(text) => {
                if text.chars().all(char::is_whitespace) {
                    // Whitespace between codes is written as references: a reader never takes
                    // it for indentation, and parsers that drop "ignorable" whitespace (libxml2
                    // without xml:space="preserve", which `xmllint --format` is) keep it.
                    for c in text.chars() {
                        let _ = write!(out, "&#{};", u32::from(c));
                    }
                } else {
                    content_text(out, text);
                }
            }
            Inline::Ph { id, equiv } => {
                let _ = write!(out, "<ph id=\"{}\"", safe_id(id));
                data_ref(out, "dataRef", codes, id, CodeKind::Standalone, "");
                readable(out, "disp", "equiv", equiv.as_deref());
                out.push_str("/>");
            }
            Inline::Open { id, equiv } => {
                if let Some(close) = pairs[index].filter(|&close| close > index) {
                    let end_equiv = match &inlines[close] {
                        Inline::Close { equiv, .. } => equiv,
                        _ => &None,
                    };
                    let _ = write!(out, "<pc id=\"{}\"", safe_id(id));
                    data_ref(out, "dataRefStart", codes, id, CodeKind::Paired, "");
                    data_ref(out, "dataRefEnd", codes, id, CodeKind::Paired, "e");
                    readable(out, "dispStart", "equivStart", equiv.as_deref());
                    readable(out, "dispEnd", "equivEnd", end_equiv.as_deref());
                    out.push('>');
                    write_range(out, inlines, pairs, codes, index + 1, close);
                    out.push_str("</pc>");
                    index = close;
                } else {
                    let _ = write!(out, "<sc id=\"{}\"", safe_id(id));
                    data_ref(out, "dataRef", codes, id, CodeKind::Paired, "");
                    readable(out, "disp", "equiv", equiv.as_deref());
                    let closed = inlines[index + 1..].iter().enumerate().any(|(i, later)| {
                        matches!(later, Inline::Close { id: other, .. } if other == id)
                            && pairs[index + 1 + i].is_none()
                    });
                    if !closed {
                        out.push_str(" isolated=\"yes\"");
                    }
                    out.push_str("/>");
                }
            }
            Inline::Close { id, equiv } => {
                let opened = inlines[..index].iter().enumerate().any(|(i, earlier)| {
                    matches!(earlier, Inline::Open { id: other, .. } if other == id)
                        && pairs[i].is_none()
                });
                if opened {
                    let _ = write!(out, "<ec startRef=\"{}\"", safe_id(id));
                } else {
                    let _ = write!(out, "<ec id=\"{}\" isolated=\"yes\"", safe_id(id));
                }
                data_ref(out, "dataRef", codes, id, CodeKind::Paired, "e");
                readable(out, "disp", "equiv", equiv.as_deref());
                out.push_str("/>");
            }
        }
        index += 1;
    }
}

/// ` name="dNsuffix"` when the unit has a code `id` of `kind` (its original is in
/// `<originalData>`).
fn data_ref(out: &mut String, name: &str, codes: &[Code], id: &str, kind: CodeKind, suffix: &str) {
    if codes.iter().any(|code| code.id == id && code.kind == kind) {
        let _ = write!(out, " {name}=\"d{}{suffix}\"", safe_id(id));
    }
}

/// The readable form as both `disp` (shown to the translator) and `equiv` (its plain-text
/// stand-in).
fn readable(out: &mut String, disp: &str, equiv: &str, value: Option<&str>) {
    if let Some(value) = value {
        let value = attr(value);
        let _ = write!(out, " {disp}=\"{value}\" {equiv}=\"{value}\"");
    }
}

/// Text in `<source>`, `<target>` or `<data>`: escaped, a carriage return as a reference and a
/// character XML forbids as `<cp hex>`.
fn content_text(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            c if !is_xml_char(c) => {
                let _ = write!(out, "<cp hex=\"{:04X}\"/>", u32::from(c));
            }
            c => out.push(c),
        }
    }
}

/// Text of an element that cannot hold `<cp>` (notes, metadata, glossary).
fn plain_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#13;"),
            c if !is_xml_char(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// An attribute value: escaped, with whitespace other than spaces as references so attribute
/// normalization keeps it.
fn attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push_str("&#9;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            c if !is_xml_char(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}
