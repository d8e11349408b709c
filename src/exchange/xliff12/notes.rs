//! Notes as `<note>` elements: which `from`, `annotates` and `priority` each kind gets, and the
//! text of a glossary note, which a translator reads in the CAT tool's comment pane and kurso
//! parses back into a [`TermHint`].
//!
//! The kind travels in `from` (the note's author, as the tools show it), so the note's text stays
//! exactly what kurso wrote. A glossary note reads:
//!
//! ```text
//! term: informed consent
//! approved: ενημερωμένη συναίνεση
//! forbidden: ενήμερη συγκατάθεση
//! do not translate
//! note: consent after the risks were explained
//! ```
//!
//! one `approved:`/`forbidden:` line per form (in order), `do not translate` only for such terms,
//! and `note:` last (it may span lines). Terms are single lines in a glossary; a term holding a
//! line break would not come back the same.

use crate::exchange::model::{NoteKind, TermHint};

/// `from` of a glossary note.
pub const GLOSSARY: &str = "glossary";

/// `from`, `annotates` and `priority` (1 = most important) of a note of `kind`.
pub fn attributes(kind: NoteKind) -> (&'static str, &'static str, u8) {
    match kind {
        NoteKind::Location => ("location", "general", 5),
        NoteKind::Author => ("course author", "source", 1),
        NoteKind::Stale => ("English changed", "source", 1),
        NoteKind::General => ("kurso", "general", 3),
    }
}

/// The kind of a note whose `from` is `from`; any other author (or none) is a general note.
pub fn kind(from: Option<&str>) -> NoteKind {
    let from = from.unwrap_or_default().trim().to_lowercase();
    match from.as_str() {
        "location" => NoteKind::Location,
        "course author" | "author" => NoteKind::Author,
        "english changed" | "stale" => NoteKind::Stale,
        _ => NoteKind::General,
    }
}

/// The text of the glossary note for `term`.
pub fn term_text(term: &TermHint) -> String {
    let mut lines = vec![format!("term: {}", term.source)];
    lines.extend(term.approved.iter().map(|form| format!("approved: {form}")));
    lines.extend(
        term.forbidden
            .iter()
            .map(|form| format!("forbidden: {form}")),
    );
    if term.do_not_translate {
        lines.push("do not translate".to_owned());
    }
    if let Some(note) = &term.note {
        lines.push(format!("note: {note}"));
    }
    lines.join("\n")
}

/// The term a glossary note's text describes, or `None` when the text is not in that form
/// (a person edited it): it is then kept as a general note.
pub fn parse_term(text: &str) -> Option<TermHint> {
    let mut rest = text;
    let next_line = |rest: &mut &str| -> Option<String> {
        if rest.is_empty() {
            return None;
        }
        let (line, after) = rest.split_once('\n').unwrap_or((rest, ""));
        *rest = after;
        Some(line.to_owned())
    };
    let first = next_line(&mut rest)?;
    let mut term = TermHint {
        source: first.strip_prefix("term: ")?.to_owned(),
        approved: Vec::new(),
        forbidden: Vec::new(),
        do_not_translate: false,
        note: None,
    };
    loop {
        if let Some(note) = rest.strip_prefix("note: ") {
            term.note = Some(note.to_owned());
            return Some(term);
        }
        let Some(line) = next_line(&mut rest) else {
            return Some(term);
        };
        if let Some(form) = line.strip_prefix("approved: ") {
            term.approved.push(form.to_owned());
        } else if let Some(form) = line.strip_prefix("forbidden: ") {
            term.forbidden.push(form.to_owned());
        } else if line == "do not translate" {
            term.do_not_translate = true;
        } else {
            return None;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_note_reads_back_as_the_term() {
        let term = TermHint {
            source: "informed consent".into(),
            approved: vec!["ενημερωμένη συναίνεση".into(), "συναίνεση".into()],
            forbidden: vec!["ενήμερη συγκατάθεση".into()],
            do_not_translate: true,
            note: Some("after the risks\nwere explained: approved: no".into()),
        };
        let text = term_text(&term);
        assert!(text.starts_with("term: informed consent\napproved: ενημερωμένη"));
        assert_eq!(parse_term(&text), Some(term));
        let bare = TermHint {
            source: "FHIR".into(),
            approved: vec![],
            forbidden: vec![],
            do_not_translate: false,
            note: None,
        };
        assert_eq!(parse_term(&term_text(&bare)), Some(bare));
    }

    #[test]
    fn an_edited_term_note_is_not_a_term() {
        assert_eq!(parse_term("Use δόση here"), None);
        assert_eq!(parse_term("term: dose\nplease check"), None);
    }

    #[test]
    fn note_kinds_survive_their_from() {
        for kind in [
            NoteKind::Location,
            NoteKind::Author,
            NoteKind::Stale,
            NoteKind::General,
        ] {
            assert_eq!(self::kind(Some(attributes(kind).0)), kind);
        }
        assert_eq!(self::kind(None), NoteKind::General);
        assert_eq!(self::kind(Some("Xcode")), NoteKind::General);
    }
}
