//! Packet → TMX 1.4 text, built as a string (a segment's mixed content must not be
//! re-indented), every value escaped. See the parent module for the mapping.

use std::fmt::Write as _;

use quick_xml::escape::escape;

use crate::exchange::model::{Code, Inline, Packet, State, Unit};

pub fn write(packet: &Packet) -> String {
    let source = if packet.source_locale.is_empty() {
        "en"
    } else {
        &packet.source_locale
    };
    let mut out =
        String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n");
    let _ = writeln!(
        out,
        "  <header creationtool=\"kurso\" creationtoolversion=\"{}\" datatype=\"plaintext\" \
         segtype=\"paragraph\" adminlang=\"en\" srclang=\"{}\" o-tmf=\"kurso\"/>",
        env!("CARGO_PKG_VERSION"),
        xml(source)
    );
    out.push_str("  <body>\n");
    for file in &packet.files {
        for unit in &file.units {
            if unit.state >= State::Reviewed
                && let Some(target) = &unit.target
            {
                tu(&mut out, &file.original, unit, target, source, packet);
            }
        }
    }
    out.push_str("  </body>\n</tmx>\n");
    out
}

fn tu(
    out: &mut String,
    original: &str,
    unit: &Unit,
    target: &[Inline],
    source: &str,
    packet: &Packet,
) {
    let state = if unit.state == State::Final {
        "final"
    } else {
        "reviewed"
    };
    let _ = writeln!(
        out,
        "    <tu tuid=\"{}\">",
        xml(&format!("{original}:{}", unit.id))
    );
    prop(out, "x-kurso-file", original);
    prop(out, "x-kurso-id", &unit.id);
    prop(out, "x-kurso-state", state);
    let changedate = unit
        .changed_on
        .as_deref()
        .map(|on| (on, super::to_changedate(on)));
    if let Some((on, None | Some((_, false)))) = changedate {
        prop(out, "x-kurso-changed-on", on);
    }
    let _ = writeln!(
        out,
        "      <tuv xml:lang=\"{}\"><seg>{}</seg></tuv>",
        xml(source),
        seg(&unit.source, &unit.codes)
    );
    let mut attributes = String::new();
    if let Some(by) = &unit.changed_by {
        let _ = write!(attributes, " changeid=\"{}\"", xml(by));
    }
    if let Some((_, Some((date, _)))) = changedate {
        let _ = write!(attributes, " changedate=\"{date}\"");
    }
    let _ = writeln!(
        out,
        "      <tuv xml:lang=\"{}\"{attributes}><seg>{}</seg></tuv>",
        xml(&packet.target_locale),
        seg(target, &unit.codes)
    );
    out.push_str("    </tu>\n");
}

fn prop(out: &mut String, kind: &str, value: &str) {
    let _ = writeln!(out, "      <prop type=\"{kind}\">{}</prop>", xml(value));
}

/// A segment's content: text escaped, codes as TMX tags holding their original.
fn seg(inlines: &[Inline], codes: &[Code]) -> String {
    let original = |id: &str, equiv: Option<&String>, closing: bool| {
        codes
            .iter()
            .find(|code| code.id == id)
            .map(|code| {
                if closing {
                    &code.closing
                } else {
                    &code.original
                }
            })
            .or(equiv)
            .map_or_else(String::new, |text| xml(text))
    };
    let opened = |id: &str| {
        inlines
            .iter()
            .any(|i| matches!(i, Inline::Open { id: o, .. } if o == id))
    };
    let closed = |id: &str| {
        inlines
            .iter()
            .any(|i| matches!(i, Inline::Close { id: c, .. } if c == id))
    };
    let mut out = String::new();
    for inline in inlines {
        let _ = match inline {
            Inline::Text(text) => write!(out, "{}", xml(text)),
            Inline::Ph { id, equiv } => {
                write!(
                    out,
                    "<ph x=\"{0}\">{1}</ph>",
                    xml(id),
                    original(id, equiv.as_ref(), false)
                )
            }
            Inline::Open { id, equiv } if closed(id) => write!(
                out,
                "<bpt i=\"{0}\" x=\"{0}\">{1}</bpt>",
                xml(id),
                original(id, equiv.as_ref(), false)
            ),
            Inline::Open { id, equiv } => write!(
                out,
                "<it pos=\"begin\" x=\"{0}\">{1}</it>",
                xml(id),
                original(id, equiv.as_ref(), false)
            ),
            Inline::Close { id, equiv } if opened(id) => {
                write!(
                    out,
                    "<ept i=\"{0}\">{1}</ept>",
                    xml(id),
                    original(id, equiv.as_ref(), true)
                )
            }
            Inline::Close { id, equiv } => write!(
                out,
                "<it pos=\"end\" x=\"{0}\">{1}</it>",
                xml(id),
                original(id, equiv.as_ref(), true)
            ),
        };
    }
    out
}

/// Escaped for XML text and attribute values; characters XML 1.0 cannot hold (control
/// characters other than tab and line breaks) become U+FFFD.
fn xml(text: &str) -> String {
    let allowed = |c: char| !c.is_control() || matches!(c, '\t' | '\n' | '\r') || !c.is_ascii();
    if text.chars().all(allowed) {
        escape(text).into_owned()
    } else {
        let clean: String = text
            .chars()
            .map(|c| if allowed(c) { c } else { '\u{FFFD}' })
            .collect();
        escape(&clean).into_owned()
    }
}
