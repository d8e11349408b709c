//! TBX termbases (ISO 30042): reads TBX-Basic and TBX-Core 2019 (`<tbx>`, DCA and DCT style)
//! and the older martif form (`<martif>`, as Pontoon exports), writes TBX-Basic 2019 (DCA).
//!
//! **Invariant:** no DTD is read and no entity is expanded. A `<!DOCTYPE>` is skipped (quick-xml
//! never fetches it); a reference other than the five XML ones (`&amp;` …) and numeric character
//! references is an error at its `file:line:col` and drops the entry it sits in, so a
//! billion-laughs or external-entity file yields diagnostics, not expansions.
//!
//! What the TBX-Basic data categories become (elements by local name; `conceptEntry`/`termEntry`,
//! `langSec`/`langSet` and `termSec`/`tig`/`ntig` are treated alike):
//!
//! | TBX | kurso |
//! |---|---|
//! | `conceptEntry@id` | `Concept::id` (required, unique per file) |
//! | `langSec@xml:lang` | language code, kept as written (`en-US` stays `en-US`; see [`rename_language`]) |
//! | `termNote administrativeStatus` | preferred/standardized → Preferred, admitted → Admitted, deprecated/superseded (and notRecommended/obsolete/forbidden) → Forbidden; none → Preferred |
//! | `termNote partOfSpeech` | `part_of_speech` (the first one in the entry) |
//! | `termNote termType` | `variant` → a variant of the term before it; `acronym`/`abbreviation` → `case_sensitive` |
//! | `descrip subjectField` | `domain` |
//! | `descrip definition` | `definition`: the concept-level one, else the first langSec one |
//! | `note`, `descrip context` | `note`, one line each, in file order |
//! | `admin source` (concept or langSec level) | `provenance.authority`; a term's context source is not an authority |
//! | `xref externalCrossReference@target` (concept level) | `provenance.authority_id` |
//! | concept-level `transacGrp`: `transacNote responsibility`, `date` | `provenance.reviewer`, `provenance.date` (the last group wins) |
//! | `descrip "Translation needed"` = No, `termNote translationNote` = no (Weblate's forms; TBX-Basic has no such category) | `do_not_translate` |
//!
//! DCT-style elements (`<min:partOfSpeech>`, `<basic:definition>`) map like their DCA forms.
//! Left out: customerSubset, projectSubset, grammaticalGender, termLocation, xGraphic,
//! crossReference and term-level transactions. TBX has no case-sensitivity flag, so
//! `render` writes none and a round trip keeps `case_sensitive` only for acronyms.

use std::collections::HashSet;
use std::io;
use std::path::Path;

use quick_xml::escape::{EscapeError, resolve_predefined_entity};
use quick_xml::events::{BytesDecl, BytesStart, BytesText, Event};
use quick_xml::{Reader, Writer, XmlVersion};

use super::model::{Concept, Glossary, Origin, Term, TermStatus};
use crate::config::parse_locale_code;
use crate::diagnostic::Diagnostic;
use crate::span::LineIndex;

/// Parses the TBX `text` of `path`. A bad entry is reported and skipped; malformed XML stops
/// the read at the error, keeping the entries before it.
pub fn parse(path: &Path, text: &str) -> (Glossary, Vec<Diagnostic>) {
    let mut parser = Parser {
        path,
        text,
        lines: LineIndex::new(text),
        glossary: Glossary::default(),
        diagnostics: Vec::new(),
        seen: HashSet::new(),
        stack: Vec::new(),
        capture: None,
        entry: None,
    };
    let mut reader = Reader::from_str(text);
    loop {
        let offset = usize::try_from(reader.buffer_position()).unwrap_or(0);
        let event = reader.read_event();
        let done = match event {
            Ok(Event::Start(start)) => parser.open(&start, offset),
            Ok(Event::Empty(start)) => parser.open(&start, offset) || parser.close(),
            Ok(Event::End(_)) => parser.close(),
            Ok(Event::Text(text)) => parser.push_text(&text.xml10_content().unwrap_or_default()),
            Ok(Event::CData(data)) => parser.push_text(&data.decode().unwrap_or_default()),
            Ok(Event::GeneralRef(reference)) => {
                let name = reference.decode().unwrap_or_default().into_owned();
                match reference.resolve_char_ref() {
                    Ok(Some(ch)) => parser.push_text(ch.encode_utf8(&mut [0; 4])),
                    Ok(None) => match resolve_predefined_entity(&name) {
                        Some(resolved) => parser.push_text(resolved),
                        None => parser.entity_error(&name, offset),
                    },
                    Err(_) => parser.entity_error(&name, offset),
                }
            }
            Ok(Event::Eof) => true,
            // The declaration, comments, processing instructions and the DOCTYPE (no DTD is read).
            Ok(_) => false,
            Err(err) => {
                let offset = usize::try_from(reader.error_position()).unwrap_or(0);
                parser.diagnostics.push(
                    Diagnostic::error_at(path, text, offset, format!("invalid XML: {err}"))
                        .with_help("fix the markup; the entries before this point were read, the rest of the file was not"),
                );
                true
            }
        };
        if done {
            break;
        }
    }
    (parser.glossary, parser.diagnostics)
}

struct Parser<'a> {
    path: &'a Path,
    text: &'a str,
    lines: LineIndex,
    glossary: Glossary,
    diagnostics: Vec<Diagnostic>,
    seen: HashSet<String>,
    /// Local names of the open elements.
    stack: Vec<String>,
    capture: Option<Capture>,
    entry: Option<Entry>,
}

#[derive(Default)]
struct Entry {
    concept: Concept,
    offset: usize,
    bad: bool,
    lang: Option<String>,
    term: Option<PendingTerm>,
    /// Concept-level and first language-level definition.
    definitions: [Option<String>; 2],
    /// Concept-level and first language-level source.
    sources: [Option<String>; 2],
    notes: Vec<String>,
    transaction: Option<(Option<String>, Option<String>)>,
}

/// Text being collected for one data category.
struct Capture {
    /// Stack depth of the element that holds it.
    depth: usize,
    /// The data category (`definition`), or the element name for `term`, `note`, `date`.
    key: String,
    offset: usize,
    text: String,
}

#[derive(Default)]
struct PendingTerm {
    offset: usize,
    text: String,
    status: Option<TermStatus>,
    term_type: String,
}

impl Parser<'_> {
    /// Handles a start tag; returns true when the file cannot be read further.
    fn open(&mut self, start: &BytesStart<'_>, offset: usize) -> bool {
        let (local, prefix) = start.name().decompose();
        let local = String::from_utf8_lossy(local.as_ref()).into_owned();
        let (mut id, mut lang, mut category, mut target) = (None, None, None, None);
        for attribute in start.attributes() {
            let value = match attribute.map(|a| (a.normalized_value(XmlVersion::Explicit1_0), a)) {
                Ok((Ok(value), attribute)) => (attribute.key, value.into_owned()),
                Ok((
                    Err(quick_xml::Error::Escape(EscapeError::UnrecognizedEntity(_, name))),
                    _,
                )) => {
                    let reference = format!("&{name};");
                    let at = self.text[offset..]
                        .find(&reference)
                        .map_or(offset, |i| offset + i);
                    self.entity_error(&name, at);
                    continue;
                }
                Ok((Err(err), _)) => {
                    self.invalid(offset, &err.to_string());
                    continue;
                }
                Err(err) => {
                    self.invalid(offset, &err.to_string());
                    continue;
                }
            };
            let (key, value) = value;
            match key.as_ref() {
                b"id" => id = Some(value),
                b"xml:lang" | b"lang" => lang = Some(value),
                b"type" => category = Some(value),
                b"target" => target = Some(value),
                _ => {}
            }
        }
        if self.stack.is_empty() && !matches!(local.as_str(), "tbx" | "martif") {
            self.diagnostics.push(
                Diagnostic::error_at(
                    self.path,
                    self.text,
                    offset,
                    format!("not a TBX file: the root element is <{local}>"),
                )
                .with_help("a termbase starts with <tbx> (TBX 2019) or <martif> (older TBX)"),
            );
            return true;
        }
        self.stack.push(local.clone());
        match local.as_str() {
            "conceptEntry" | "termEntry" => self.start_entry(id, offset),
            "langSec" | "langSet" => self.start_lang(lang, offset),
            "termSec" | "tig" | "ntig" => {
                if let Some(entry) = &mut self.entry {
                    entry.term = Some(PendingTerm {
                        offset,
                        ..PendingTerm::default()
                    });
                }
            }
            "transacGrp" => {
                if let Some(entry) = &mut self.entry {
                    entry.transaction = Some((None, None));
                }
            }
            "xref" if category.as_deref() == Some("externalCrossReference") => {
                if let Some(entry) = self.entry.as_mut().filter(|e| e.lang.is_none()) {
                    entry.concept.provenance.authority_id = target;
                }
            }
            _ if self.capture.is_none() => {
                let key = match local.as_str() {
                    "termNote" | "descrip" | "admin" | "transac" | "transacNote" => category,
                    "term" | "note" | "date" => Some(local),
                    _ => prefix.map(|_| local),
                };
                let depth = self.stack.len();
                self.capture = key.map(|key| Capture {
                    depth,
                    key,
                    offset,
                    text: String::new(),
                });
            }
            _ => {}
        }
        false
    }

    fn start_entry(&mut self, id: Option<String>, offset: usize) {
        let mut entry = Entry {
            offset,
            ..Entry::default()
        };
        entry.concept.origin = Origin {
            path: self.path.to_path_buf(),
            line: self.lines.position(self.text, offset).line,
        };
        if let Some(id) = id
            .map(|id| id.trim().to_owned())
            .filter(|id| !id.is_empty())
        {
            entry.concept.id = id;
        } else {
            entry.bad = true;
            self.error(
                offset,
                "this entry has no `id`",
                "give every concept entry an id attribute, such as id=\"informed-consent\"",
            );
        }
        self.entry = Some(entry);
    }

    fn start_lang(&mut self, lang: Option<String>, offset: usize) {
        let Some(entry) = &mut self.entry else { return };
        let problem = match lang.as_deref().map(parse_locale_code) {
            Some(Ok(_)) => None,
            Some(Err(message)) => Some(message),
            None => Some("this language section has no xml:lang".to_owned()),
        };
        entry.lang = lang;
        if let Some(message) = problem {
            entry.bad = true;
            self.error(offset, &message, "write the language as a BCP 47 code: xml:lang=\"fi\", xml:lang=\"el-CY\"; the entry is skipped");
        }
    }

    fn push_text(&mut self, text: &str) -> bool {
        if let Some(capture) = &mut self.capture {
            capture.text.push_str(text);
        }
        false
    }

    fn entity_error(&mut self, name: &str, offset: usize) -> bool {
        if let Some(entry) = &mut self.entry {
            entry.bad = true;
        }
        self.error(
            offset,
            &format!("entity reference `&{name};` is not allowed"),
            "kurso reads TBX without a DTD: write the character itself, or &amp; &lt; &gt; &quot; &apos; or a numeric reference such as &#233;; the entry is skipped",
        );
        false
    }

    fn invalid(&mut self, offset: usize, message: &str) {
        if let Some(entry) = &mut self.entry {
            entry.bad = true;
        }
        self.error(
            offset,
            &format!("invalid XML: {message}"),
            "fix the markup; the entry is skipped",
        );
    }

    fn error(&mut self, offset: usize, message: &str, help: &str) {
        self.diagnostics
            .push(Diagnostic::error_at(self.path, self.text, offset, message).with_help(help));
    }

    /// Handles an end tag (or the end of an empty element).
    fn close(&mut self) -> bool {
        let Some(local) = self.stack.pop() else {
            return false;
        };
        if let Some(capture) = self.capture.take_if(|c| c.depth > self.stack.len()) {
            let value = capture
                .text
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            self.apply(&capture.key, value, capture.offset);
        }
        match local.as_str() {
            "conceptEntry" | "termEntry" => self.finish_entry(),
            "langSec" | "langSet" => {
                if let Some(entry) = &mut self.entry {
                    entry.lang = None;
                }
            }
            "termSec" | "tig" | "ntig" => self.finish_term(),
            "transacGrp" => {
                let Some(entry) = &mut self.entry else {
                    return false;
                };
                if let (Some((reviewer, date)), None) = (entry.transaction.take(), &entry.lang) {
                    let provenance = &mut entry.concept.provenance;
                    provenance.reviewer = reviewer.or(provenance.reviewer.take());
                    provenance.date = date.or(provenance.date.take());
                }
            }
            _ => {}
        }
        false
    }

    /// Stores the text of one data category at the level where it was found.
    fn apply(&mut self, key: &str, value: String, offset: usize) {
        let Some(entry) = &mut self.entry else { return };
        if value.is_empty() {
            return;
        }
        if key == "administrativeStatus" && status(&value).is_none() {
            self.diagnostics.push(
                Diagnostic::error_at(self.path, self.text, offset, format!("unknown administrative status `{value}`"))
                    .with_help("use preferredTerm-admn-sts, admittedTerm-admn-sts, deprecatedTerm-admn-sts or supersededTerm-admn-sts; the term is read as preferred")
                    .warning(),
            );
        }
        let concept = &mut entry.concept;
        let level = usize::from(entry.lang.is_some());
        match (key, &mut entry.term) {
            ("term", Some(term)) => term.text = value,
            ("administrativeStatus", Some(term)) => term.status = status(&value),
            ("termType", Some(term)) => term.term_type = value,
            ("partOfSpeech", _) => keep_first(&mut concept.part_of_speech, value),
            ("subjectField", _) => keep_first(&mut concept.domain, value),
            ("definition", _) => keep_first(&mut entry.definitions[level], value),
            ("note" | "context", _) if !entry.notes.contains(&value) => entry.notes.push(value),
            ("source", None) => keep_first(&mut entry.sources[level], value),
            ("responsibility" | "date", _) => {
                if let Some((reviewer, date)) = &mut entry.transaction {
                    match key {
                        "date" => *date = Some(value.chars().take(10).collect()),
                        _ => *reviewer = Some(value),
                    }
                }
            }
            ("translationNote" | "Translation needed" | "translationNeeded", _) => {
                concept.do_not_translate |= value.eq_ignore_ascii_case("no");
            }
            _ => {}
        }
    }

    fn finish_term(&mut self) {
        let Some(entry) = &mut self.entry else { return };
        let Some(pending) = entry.term.take() else {
            return;
        };
        let Some(lang) = entry.lang.clone() else {
            return;
        };
        if pending.text.is_empty() {
            self.diagnostics.push(
                Diagnostic::error_at(
                    self.path,
                    self.text,
                    pending.offset,
                    "this term section has no <term> text",
                )
                .with_help("fill in the term or remove the section; the rest of the entry is read")
                .warning(),
            );
            return;
        }
        let status = pending.status.unwrap_or(TermStatus::Preferred);
        let concept = &mut entry.concept;
        concept.case_sensitive |= matches!(pending.term_type.as_str(), "acronym" | "abbreviation");
        let terms = concept.terms.entry(lang).or_default();
        match terms.last_mut() {
            Some(last) if pending.term_type == "variant" && status != TermStatus::Forbidden => {
                last.variants.push(pending.text);
            }
            _ => terms.push(Term::new(pending.text, status)),
        }
    }

    fn finish_entry(&mut self) {
        let Some(mut entry) = self.entry.take() else {
            return;
        };
        if entry.bad {
            return;
        }
        let id = entry.concept.id.clone();
        if entry.concept.terms.is_empty() {
            self.error(
                entry.offset,
                &format!("concept `{id}` has no terms"),
                "add a language section with a <term>; the entry is skipped",
            );
            return;
        }
        if !self.seen.insert(id.clone()) {
            self.error(
                entry.offset,
                &format!("concept `{id}` is defined twice"),
                "merge the two entries; the first one is used",
            );
            return;
        }
        let concept = &mut entry.concept;
        let [concept_definition, lang_definition] = entry.definitions;
        concept.definition = concept_definition.or(lang_definition);
        concept.note = Some(entry.notes.join("\n")).filter(|note| !note.is_empty());
        let [concept_source, lang_source] = entry.sources;
        concept.provenance.authority = concept_source.or(lang_source);
        self.glossary.concepts.push(entry.concept);
    }
}

fn keep_first(slot: &mut Option<String>, value: String) {
    if slot.is_none() {
        *slot = Some(value);
    }
}

/// The status an administrativeStatus value names, in its 2019 (`preferredTerm-admn-sts`)
/// or short (`preferred`, `notRecommended`) form.
fn status(value: &str) -> Option<TermStatus> {
    let lower = value.trim().to_ascii_lowercase();
    let name = lower.trim_end_matches("-admn-sts").trim_end_matches("term");
    match name {
        "preferred" | "standardized" | "legal" | "regulated" => Some(TermStatus::Preferred),
        "admitted" => Some(TermStatus::Admitted),
        "deprecated" | "superseded" | "notrecommended" | "obsolete" | "forbidden" => {
            Some(TermStatus::Forbidden)
        }
        _ => None,
    }
}

/// Renames language `from` to `to` in every concept, merging the terms when `to` exists (for
/// Pontoon's `en-US` in a project whose source is `en`). Concepts keep the file's codes until
/// a caller asks for this.
pub fn rename_language(glossary: &mut Glossary, from: &str, to: &str) {
    for concept in &mut glossary.concepts {
        if let Some(terms) = concept.terms.remove(from) {
            let slot = concept.terms.entry(to.to_owned()).or_default();
            for term in terms {
                if !slot.iter().any(|t| t.text == term.text) {
                    slot.push(term);
                }
            }
        }
    }
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn read(text: &str) -> Glossary {
        let (glossary, diagnostics) = parse(Path::new("g.tbx"), text);
        assert!(diagnostics.is_empty(), "{diagnostics:#?}");
        glossary
    }

    /// `file:line:col: message` of each diagnostic, and the IDs of the concepts read.
    fn problems(text: &str) -> (Vec<String>, Vec<String>) {
        let (glossary, diagnostics) = parse(Path::new("g.tbx"), text);
        let places = diagnostics
            .iter()
            .map(|d| format!("{}: {}", d.location(), d.message))
            .collect();
        let ids = glossary.concepts.into_iter().map(|c| c.id).collect();
        (places, ids)
    }

    fn terms(concept: &Concept, lang: &str) -> Vec<(String, TermStatus)> {
        concept.terms[lang]
            .iter()
            .map(|t| (t.text.clone(), t.status))
            .collect()
    }

    const BASIC: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
  <tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="myocardial-infarction">
      <descrip type="subjectField">cardiology</descrip>
      <admin type="source">WHO</admin>
      <xref type="externalCrossReference" target="https://icd.who.int/BA41">BA41</xref>
      <transacGrp>
        <transac type="transactionType">origination</transac>
        <date>2023-01-02</date>
        <transacNote type="responsibility">Ana</transacNote>
      </transacGrp>
      <transacGrp>
        <transac type="transactionType">modification</transac>
        <date>2024-05-06T10:00:00Z</date>
        <transacNote type="responsibility">Eleni</transacNote>
      </transacGrp>
      <note>Use the full form in headings.</note>
      <langSec xml:lang="en">
        <descripGrp>
          <descrip type="definition">Death of heart
            muscle from lack of blood.</descrip>
          <admin type="source">Oxford2007</admin>
        </descripGrp>
        <termSec>
          <term>myocardial infarction</term>
          <termNote type="partOfSpeech">noun</termNote>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
          <descripGrp>
            <descrip type="context">The patient had a myocardial infarction.</descrip>
            <admin type="source">https://example.org/case</admin>
          </descripGrp>
        </termSec>
        <termSec>
          <term>myocardial infarct</term>
          <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>
          <termNote type="termType">variant</termNote>
        </termSec>
        <termSec>
          <term>heart attack</term>
          <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>
        </termSec>
        <termSec>
          <term>cardiac infarction</term>
          <termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
        </termSec>
        <termSec>
          <term>coronary</term>
          <termNote type="administrativeStatus">supersededTerm-admn-sts</termNote>
        </termSec>
      </langSec>
      <langSec xml:lang="el">
        <termSec><term>έμφραγμα του μυοκαρδίου</term></termSec>
      </langSec>
    </conceptEntry>
    <conceptEntry id="who">
      <descrip type="Translation needed">No</descrip>
      <langSec xml:lang="en">
        <termSec>
          <term>WHO</term>
          <termNote type="termType">acronym</termNote>
        </termSec>
      </langSec>
    </conceptEntry>
  </body></text>
</tbx>
"#;

    #[test]
    fn tbx_basic_maps_every_status_and_data_category() {
        let glossary = read(BASIC);
        let mi = glossary.get("myocardial-infarction").expect("concept");
        assert_eq!(
            terms(mi, "en"),
            [
                ("myocardial infarction".to_owned(), TermStatus::Preferred),
                ("heart attack".to_owned(), TermStatus::Admitted),
                ("cardiac infarction".to_owned(), TermStatus::Forbidden),
                ("coronary".to_owned(), TermStatus::Forbidden),
            ]
        );
        assert_eq!(mi.terms["en"][0].variants, ["myocardial infarct"]);
        assert_eq!(
            terms(mi, "el"),
            [("έμφραγμα του μυοκαρδίου".to_owned(), TermStatus::Preferred)]
        );
        assert_eq!(mi.domain.as_deref(), Some("cardiology"));
        assert_eq!(mi.part_of_speech.as_deref(), Some("noun"));
        assert_eq!(
            mi.definition.as_deref(),
            Some("Death of heart muscle from lack of blood.")
        );
        assert_eq!(
            mi.note.as_deref(),
            Some("Use the full form in headings.\nThe patient had a myocardial infarction.")
        );
        let provenance = &mi.provenance;
        assert_eq!(provenance.authority.as_deref(), Some("WHO"));
        assert_eq!(
            provenance.authority_id.as_deref(),
            Some("https://icd.who.int/BA41")
        );
        assert_eq!(provenance.reviewer.as_deref(), Some("Eleni"));
        assert_eq!(provenance.date.as_deref(), Some("2024-05-06"));
        assert_eq!(mi.origin.line, 5);
        assert!(!mi.do_not_translate && !mi.case_sensitive);

        let who = glossary.get("who").expect("dnt concept");
        assert!(who.do_not_translate && who.case_sensitive);
    }

    #[test]
    fn langsec_source_is_the_authority_when_the_concept_names_none() {
        let glossary = read(
            r#"<tbx><text><body><conceptEntry id="c"><langSec xml:lang="en">
            <descrip type="definition">d</descrip><admin type="source">EMA</admin>
            <termSec><term>t</term><admin type="source">ctx</admin></termSec>
            </langSec></conceptEntry></body></text></tbx>"#,
        );
        assert_eq!(glossary.concepts[0].provenance.authority.as_deref(), Some("EMA"));
    }

    /// The shape of Mozilla's Pontoon exports, with tig and ntig both.
    const MARTIF: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">
<martif type="TBX" xml:lang="en-US">
    <martifHeader><fileDesc><sourceDesc><p>Terms</p></sourceDesc></fileDesc></martifHeader>
    <text>
        <body>
            <termEntry id="c629">
                <descrip type="context">Sign in to sync tabs.</descrip>
                <langSet xml:lang="en-US">
                    <ntig>
                        <termGrp>
                            <term>sign-in</term>
                            <termNote type="partOfSpeech">noun</termNote>
                        </termGrp>
                    </ntig>
                    <descripGrp>
                        <descrip type="definition">The access of an account.</descrip>
                    </descripGrp>
                </langSet>
                <langSet xml:lang="el">
                    <ntig><termGrp><term>σύνδεση</term></termGrp></ntig>
                </langSet>
            </termEntry>
            <termEntry id="c1">
                <descrip type="context"></descrip>
                <langSet xml:lang="en-US"><tig><term>add-on</term></tig></langSet>
                <langSet xml:lang="el"><tig><term>πρόσθετο</term><termNote type="partOfSpeech">noun</termNote></tig></langSet>
            </termEntry>
        </body>
    </text>
</martif>
"#;

    #[test]
    fn martif_form_reads_like_pontoon() {
        let glossary = read(MARTIF);
        assert_eq!(glossary.concepts.len(), 2);
        let sign_in = glossary.get("c629").expect("concept");
        assert_eq!(terms(sign_in, "en-US"), [("sign-in".to_owned(), TermStatus::Preferred)]);
        assert_eq!(terms(sign_in, "el"), [("σύνδεση".to_owned(), TermStatus::Preferred)]);
        assert_eq!(sign_in.part_of_speech.as_deref(), Some("noun"));
        assert_eq!(sign_in.definition.as_deref(), Some("The access of an account."));
        assert_eq!(sign_in.note.as_deref(), Some("Sign in to sync tabs."));
        let add_on = glossary.get("c1").expect("tig concept");
        assert_eq!(add_on.note, None);
        assert_eq!(add_on.part_of_speech.as_deref(), Some("noun"));
        assert_eq!(glossary.languages(), ["el", "en-US"]);
    }

    #[test]
    fn dct_style_elements_map_like_their_dca_forms() {
        let glossary = read(
            r#"<tbx type="TBX-Basic" style="dct" xmlns="urn:iso:std:iso:30042:ed-2"
              xmlns:min="http://www.tbxinfo.net/ns/min" xmlns:basic="http://www.tbxinfo.net/ns/basic">
            <text><body><conceptEntry id="c"><min:subjectField>virology</min:subjectField>
            <langSec xml:lang="en"><basic:definition>A virus.</basic:definition>
            <termSec><term>SARS-CoV-2</term><min:partOfSpeech>noun</min:partOfSpeech>
            <min:administrativeStatus>admittedTerm-admn-sts</min:administrativeStatus></termSec>
            </langSec></conceptEntry></body></text></tbx>"#,
        );
        let concept = &glossary.concepts[0];
        assert_eq!(concept.domain.as_deref(), Some("virology"));
        assert_eq!(concept.definition.as_deref(), Some("A virus."));
        assert_eq!(terms(concept, "en"), [("SARS-CoV-2".to_owned(), TermStatus::Admitted)]);
    }

    #[test]
    fn predefined_and_numeric_references_are_resolved() {
        let glossary = read(
            r#"<tbx><text><body><conceptEntry id="a&amp;b"><langSec xml:lang="fr">
            <termSec><term>caf&#233; &amp; th&#xE9; &lt;x&gt; &quot;&apos;</term></termSec>
            </langSec></conceptEntry></body></text></tbx>"#,
        );
        assert_eq!(glossary.concepts[0].id, "a&b");
        assert_eq!(glossary.concepts[0].terms["fr"][0].text, "café & thé <x> \"'");
    }

    #[test]
    fn malformed_xml_names_line_and_column_and_keeps_earlier_entries() {
        let text = "<tbx><text><body>\n\
            <conceptEntry id=\"a\"><langSec xml:lang=\"en\"><termSec><term>a</term></termSec></langSec></conceptEntry>\n\
            <conceptEntry id=\"b\"><langSec xml:lang=\"en\"><termSec><term>b</termSec>\n\
            </langSec></conceptEntry></body></text></tbx>\n";
        let (places, ids) = problems(text);
        assert_eq!(ids, ["a"]);
        assert_eq!(places.len(), 1, "{places:?}");
        assert!(
            places[0].starts_with("g.tbx:3:61: invalid XML: "),
            "{places:?}"
        );
    }

    /// Billion laughs: the DTD is never read, so `&lol9;` is an unknown reference.
    const BILLION_LAUGHS: &str = r#"<?xml version="1.0"?>
<!DOCTYPE tbx [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<tbx><text><body>
<conceptEntry id="bomb"><langSec xml:lang="en"><termSec><term>&lol9;</term></termSec></langSec></conceptEntry>
<conceptEntry id="fine"><langSec xml:lang="en"><termSec><term>fine</term></termSec></langSec></conceptEntry>
</body></text></tbx>
"#;

    #[test]
    fn billion_laughs_is_an_error_not_an_expansion() {
        let (places, ids) = problems(BILLION_LAUGHS);
        assert_eq!(ids, ["fine"]);
        assert_eq!(places, ["g.tbx:10:63: entity reference `&lol9;` is not allowed"]);
    }

    #[test]
    fn external_entities_are_never_fetched() {
        let text = r#"<?xml version="1.0"?>
<!DOCTYPE tbx [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
<tbx><text><body>
<conceptEntry id="x"><note>&xxe;</note><langSec xml:lang="en"><termSec><term>x</term></termSec></langSec></conceptEntry>
<conceptEntry id="y" type="&xxe;"><langSec xml:lang="en"><termSec><term>y</term></termSec></langSec></conceptEntry>
</body></text></tbx>
"#;
        let (places, ids) = problems(text);
        assert!(ids.is_empty(), "{ids:?}");
        assert_eq!(
            places,
            [
                "g.tbx:4:27: entity reference `&xxe;` is not allowed",
                "g.tbx:5:29: entity reference `&xxe;` is not allowed",
            ]
        );
    }

    #[test]
    fn bad_entries_are_reported_and_skipped() {
        let text = r#"<tbx><text><body>
<conceptEntry><langSec xml:lang="en"><termSec><term>no id</term></termSec></langSec></conceptEntry>
<conceptEntry id="a"><langSec><termSec><term>no lang</term></termSec></langSec></conceptEntry>
<conceptEntry id="b"><langSec xml:lang="finnish"><termSec><term>bad lang</term></termSec></langSec></conceptEntry>
<conceptEntry id="c"><langSec xml:lang="en"></langSec></conceptEntry>
<conceptEntry id="d"><langSec xml:lang="en"><termSec><term>ok</term></termSec><termSec><term/></termSec></langSec></conceptEntry>
<conceptEntry id="d"><langSec xml:lang="en"><termSec><term>twice</term></termSec></langSec></conceptEntry>
<conceptEntry id="e"><langSec xml:lang="en"><termSec><term>odd</term><termNote type="administrativeStatus">maybe</termNote></termSec></langSec></conceptEntry>
</body></text></tbx>"#;
        let (places, ids) = problems(text);
        assert_eq!(ids, ["d", "e"]);
        assert_eq!(
            places,
            [
                "g.tbx:2:1: this entry has no `id`",
                "g.tbx:3:22: this language section has no xml:lang",
                "g.tbx:4:22: `finnish` is not a valid locale code",
                "g.tbx:5:1: concept `c` has no terms",
                "g.tbx:6:74: this term section has no <term> text",
                "g.tbx:7:1: concept `d` is defined twice",
                "g.tbx:8:63: unknown administrative status `maybe`",
            ]
        );
    }

    #[test]
    fn a_file_that_is_not_tbx_says_so() {
        let (places, ids) = problems("<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"/>\n");
        assert!(ids.is_empty());
        assert_eq!(places, ["g.tbx:2:1: not a TBX file: the root element is <tmx>"]);
    }

    #[test]
    fn render_writes_tbx_basic_and_parses_back_to_the_same_concepts() {
        let mut glossary = read(BASIC);
        glossary.concepts[1].case_sensitive = false;
        glossary.concepts[0].provenance.authority_id = Some("x<&\"y".to_owned());
        glossary.concepts[0].terms.get_mut("el").expect("el")[0].text = "a < b & c".to_owned();
        let languages = ["en".to_owned(), "el".to_owned()];
        let text = render(&glossary, &languages);
        assert!(text.starts_with(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tbx type=\"TBX-Basic\" style=\"dca\" xml:lang=\"en\" xmlns=\"urn:iso:std:iso:30042:ed-2\">\n  <tbxHeader>"
        ), "{text}");
        assert!(text.contains("<term>a &lt; b &amp; c</term>"), "{text}");
        assert!(text.contains("<termNote type=\"administrativeStatus\">deprecatedTerm-admn-sts</termNote>"));
        let mut again = read(&text);
        for (concept, original) in again.concepts.iter_mut().zip(&glossary.concepts) {
            concept.origin = original.origin.clone();
        }
        assert_eq!(again, glossary);
    }

    #[test]
    fn render_keeps_only_the_languages_asked_for() {
        let glossary = read(MARTIF);
        let text = render(&glossary, &["el".to_owned()]);
        assert!(!text.contains("en-US"), "{text}");
        assert_eq!(read(&text).languages(), ["el"]);
    }

    #[test]
    fn rename_language_moves_and_merges_terms() {
        let mut glossary = read(MARTIF);
        rename_language(&mut glossary, "en-US", "en");
        assert_eq!(glossary.languages(), ["el", "en"]);
        assert_eq!(glossary.concepts[0].terms["en"][0].text, "sign-in");
    }
}
