//! What a translator does to a packet, as plain text edits of the file kurso exported: fill a
//! unit's target and set its state, the way a CAT tool or Poedit saves it. Each function finds
//! the unit by its kurso ID and panics when it is not there, so a test never edits nothing.

/// `text` with `&`, `<` and `>` escaped for XML content.
pub fn xml_escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The byte range of the element that starts at the last `<open` before `at` and ends at the
/// next `</close>` after it.
fn element_around(text: &str, at: usize, open: &str, close: &str) -> std::ops::Range<usize> {
    let start = text[..at]
        .rfind(open)
        .unwrap_or_else(|| panic!("no {open} before byte {at}"));
    let end = text[at..]
        .find(close)
        .unwrap_or_else(|| panic!("no {close} after byte {at}"))
        + at
        + close.len();
    start..end
}

/// XLIFF 2.0: the unit named `id` gets `target` (inline XML, e.g. with `<ph/>`s) and
/// `state` (`translated`, `reviewed`, `final`; `initial` keeps it a draft).
pub fn xliff2_fill(text: &str, id: &str, target: &str, state: &str) -> String {
    let at = text
        .find(&format!(" name=\"{id}\""))
        .unwrap_or_else(|| panic!("no unit named {id}"));
    let range = element_around(text, at, "<unit ", "</unit>");
    let mut unit = text[range.clone()].to_owned();
    let segment_start = unit.find("<segment").expect("a segment");
    let segment_end = unit[segment_start..].find('>').expect("a tag end") + segment_start + 1;
    unit.replace_range(
        segment_start..segment_end,
        &format!("<segment state=\"{state}\">"),
    );
    set_target(&mut unit, "<target>", target);
    format!("{}{unit}{}", &text[..range.start], &text[range.end..])
}

/// XLIFF 1.2: the trans-unit `id` gets `target` (inline XML) with `state` (`translated`,
/// `signed-off`, `final`, `needs-review-translation`…); a machine draft's qualifier goes.
pub fn xliff12_fill(text: &str, id: &str, target: &str, state: &str) -> String {
    let at = text
        .find(&format!("<trans-unit id=\"{id}\""))
        .unwrap_or_else(|| panic!("no trans-unit {id}"));
    let range = element_around(
        text,
        at + "<trans-unit ".len(),
        "<trans-unit ",
        "</trans-unit>",
    );
    let mut unit = text[range.clone()].to_owned();
    // Only the unit's own target: an alt-trans (the previous version) has one too.
    let own = unit.find("<alt-trans").unwrap_or(unit.len());
    let mut head = unit[..own].to_owned();
    set_target(&mut head, &format!("<target state=\"{state}\">"), target);
    unit.replace_range(..own, &head);
    format!("{}{unit}{}", &text[..range.start], &text[range.end..])
}

/// Replaces the `<target …>…</target>` of `unit` (or adds one after `</source>`) with
/// `open` + `content` + `</target>`.
fn set_target(unit: &mut String, open: &str, content: &str) {
    let new = format!("{open}{content}</target>");
    if let Some(start) = unit.find("<target") {
        let end = unit[start..].find("</target>").expect("a closed target") + start + 9;
        unit.replace_range(start..end, &new);
    } else {
        let end = unit.find("</source>").expect("a source") + 9;
        unit.insert_str(end, &new);
    }
}

/// PO: the entry of `file:id` gets `msgstr` (one line); `fuzzy` says whether the translator
/// leaves it marked as needing work (Poedit's "needs work"). Confirming drops `fuzzy` and
/// the `#|` previous English, as Poedit does.
pub fn po_fill(text: &str, file: &str, id: &str, msgstr: &str, fuzzy: bool) -> String {
    let context = format!("\"{file}:{id}\"");
    let mut found = false;
    let entries: Vec<String> = text
        .split("\n\n")
        .map(|entry| {
            if !entry.contains(&context) {
                return entry.to_owned();
            }
            found = true;
            let mut lines: Vec<String> = Vec::new();
            for line in entry.lines() {
                if line.starts_with("msgstr") {
                    break;
                }
                if let Some(flags) = line.strip_prefix("#,") {
                    let flags: Vec<&str> = flags
                        .split(',')
                        .map(str::trim)
                        .filter(|flag| *flag != "fuzzy" && !flag.is_empty())
                        .collect();
                    if !flags.is_empty() {
                        lines.push(format!("#, {}", flags.join(", ")));
                    }
                    continue;
                }
                if line.starts_with("#|") && !fuzzy {
                    continue;
                }
                lines.push(line.to_owned());
            }
            if fuzzy {
                let at = lines
                    .iter()
                    .position(|l| l.starts_with("#|") || l.starts_with("msgctxt"))
                    .expect("a msgctxt");
                lines.insert(at, "#, fuzzy".to_owned());
            }
            lines.push(format!("msgstr \"{}\"", po_escape(msgstr)));
            let end = if entry.ends_with('\n') { "\n" } else { "" };
            format!("{}{end}", lines.join("\n"))
        })
        .collect();
    assert!(found, "no PO entry {context}");
    entries.join("\n\n")
}

/// A string as a PO string literal's content.
pub fn po_escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}
