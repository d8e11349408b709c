//! Writes TBX-Basic 2019 (DCA style): one `conceptEntry` per concept, every term with its
//! administrative status, escaped by quick-xml's writer. See the parent module for the mapping.

use std::io;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesStart, BytesText, Event};

use crate::glossary::model::{Concept, Glossary, TermStatus};

/// Writes `glossary` as TBX-Basic 2019 (DCA style) with the terms of `languages`; the first
/// language is the file's `xml:lang`.
pub fn render(glossary: &Glossary, languages: &[String]) -> String {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 2);
    write_tbx(&mut writer, glossary, languages).expect("writing to memory cannot fail");
    let mut text =
        String::from_utf8(writer.into_inner()).expect("quick-xml writes the UTF-8 it is given");
    text.push('\n');
    text
}

type Out = Writer<Vec<u8>>;

fn write_tbx(w: &mut Out, glossary: &Glossary, languages: &[String]) -> io::Result<()> {
    let source = languages.first().map_or("en", String::as_str);
    w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    let root = BytesStart::new("tbx").with_attributes([
        ("type", "TBX-Basic"),
        ("style", "dca"),
        ("xml:lang", source),
        ("xmlns", "urn:iso:std:iso:30042:ed-2"),
    ]);
    element(w, &root, |w| {
        element(w, &BytesStart::new("tbxHeader"), |w| {
            element(w, &BytesStart::new("fileDesc"), |w| {
                element(w, &BytesStart::new("sourceDesc"), |w| {
                    text(w, "p", None, "Written by kurso")
                })
            })
        })?;
        element(w, &BytesStart::new("text"), |w| {
            element(w, &BytesStart::new("body"), |w| {
                glossary
                    .concepts
                    .iter()
                    .try_for_each(|concept| write_concept(w, concept, languages))
            })
        })
    })
}

fn write_concept(w: &mut Out, concept: &Concept, languages: &[String]) -> io::Result<()> {
    let start = BytesStart::new("conceptEntry").with_attributes([("id", concept.id.as_str())]);
    element(w, &start, |w| {
        let provenance = &concept.provenance;
        optional(w, "descrip", "subjectField", concept.domain.as_deref())?;
        optional(w, "descrip", "definition", concept.definition.as_deref())?;
        if concept.do_not_translate {
            text(w, "descrip", Some("Translation needed"), "No")?;
        }
        optional(w, "admin", "source", provenance.authority.as_deref())?;
        if let Some(id) = &provenance.authority_id {
            w.create_element("xref")
                .with_attributes([("type", "externalCrossReference"), ("target", id.as_str())])
                .write_text_content(BytesText::new(&clean(id)))?;
        }
        if provenance.reviewer.is_some() || provenance.date.is_some() {
            element(w, &BytesStart::new("transacGrp"), |w| {
                text(w, "transac", Some("transactionType"), "modification")?;
                optional(w, "date", "", provenance.date.as_deref())?;
                optional(
                    w,
                    "transacNote",
                    "responsibility",
                    provenance.reviewer.as_deref(),
                )
            })?;
        }
        for line in concept.note.iter().flat_map(|note| note.lines()) {
            text(w, "note", None, line)?;
        }
        for lang in languages
            .iter()
            .filter(|lang| concept.terms.contains_key(*lang))
        {
            let start = BytesStart::new("langSec").with_attributes([("xml:lang", lang.as_str())]);
            element(w, &start, |w| {
                for term in &concept.terms[lang] {
                    write_term(w, concept, &term.text, status_value(term.status), None)?;
                    for variant in &term.variants {
                        write_term(
                            w,
                            concept,
                            variant,
                            "admittedTerm-admn-sts",
                            Some("variant"),
                        )?;
                    }
                }
                Ok(())
            })?;
        }
        Ok(())
    })
}

fn write_term(
    w: &mut Out,
    concept: &Concept,
    term: &str,
    status: &str,
    kind: Option<&str>,
) -> io::Result<()> {
    element(w, &BytesStart::new("termSec"), |w| {
        text(w, "term", None, term)?;
        optional(
            w,
            "termNote",
            "partOfSpeech",
            concept.part_of_speech.as_deref(),
        )?;
        text(w, "termNote", Some("administrativeStatus"), status)?;
        optional(w, "termNote", "termType", kind)
    })
}

/// Writes `start`, what `inner` writes, and the matching end tag.
fn element(
    w: &mut Out,
    start: &BytesStart<'_>,
    inner: impl FnOnce(&mut Out) -> io::Result<()>,
) -> io::Result<()> {
    w.write_event(Event::Start(start.borrow()))?;
    inner(w)?;
    w.write_event(Event::End(start.to_end()))
}

fn status_value(status: TermStatus) -> &'static str {
    match status {
        TermStatus::Preferred => "preferredTerm-admn-sts",
        TermStatus::Admitted => "admittedTerm-admn-sts",
        TermStatus::Forbidden => "deprecatedTerm-admn-sts",
    }
}

fn optional(w: &mut Out, name: &str, category: &str, value: Option<&str>) -> io::Result<()> {
    match value {
        Some(value) => text(w, name, Some(category).filter(|c| !c.is_empty()), value),
        None => Ok(()),
    }
}

/// `<name type="category">value</name>` on one line, escaped.
fn text(w: &mut Out, name: &str, category: Option<&str>, value: &str) -> io::Result<()> {
    let element = w.create_element(name);
    let element = match category {
        Some(category) => element.with_attribute(("type", category)),
        None => element,
    };
    element.write_text_content(BytesText::new(&clean(value)))?;
    Ok(())
}

/// `value` without the control characters XML 1.0 cannot carry, even escaped.
fn clean(value: &str) -> String {
    value
        .chars()
        .filter(|&ch| !ch.is_control() || matches!(ch, '\t' | '\n' | '\r'))
        .collect()
}
