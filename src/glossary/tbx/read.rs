//! Reads TBX with quick-xml: start and end tags drive an element stack, the text of each data
//! category is collected and handed to the [`Entry`] being read.
//!
//! **Invariant:** no DTD is read and no entity is expanded (see the parent module).

use std::collections::HashSet;
use std::path::Path;

use quick_xml::escape::{EscapeError, resolve_predefined_entity};
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use super::entry::{Entry, PendingTerm, Report};
use crate::diagnostic::Diagnostic;
use crate::glossary::model::{Glossary, Origin};
use crate::locale::parse_locale_code;
use crate::span::LineIndex;

/// Parses the TBX `text` of `path`. A bad entry is reported and skipped; malformed XML stops
/// the read at the error, keeping the entries before it.
pub fn parse(path: &Path, text: &str) -> (Glossary, Vec<Diagnostic>) {
    let mut parser = Parser {
        report: Report {
            path,
            text,
            lines: LineIndex::new(text),
            diagnostics: Vec::new(),
        },
        glossary: Glossary::default(),
        seen: HashSet::new(),
        stack: Vec::new(),
        capture: None,
        entry: None,
    };
    let mut reader = Reader::from_str(text);
    loop {
        let offset = usize::try_from(reader.buffer_position()).unwrap_or(0);
        let done = match reader.read_event() {
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
                parser.report.error(
                    offset,
                    format!("invalid XML: {err}"),
                    "fix the markup; the entries before this point were read, the rest of the file was not",
                );
                true
            }
        };
        if done {
            break;
        }
    }
    (parser.glossary, parser.report.diagnostics)
}

struct Parser<'a> {
    report: Report<'a>,
    glossary: Glossary,
    seen: HashSet<String>,
    /// Local names of the open elements.
    stack: Vec<String>,
    capture: Option<Capture>,
    entry: Option<Entry>,
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

/// The attributes kurso reads.
#[derive(Default)]
struct Attributes {
    id: Option<String>,
    lang: Option<String>,
    category: Option<String>,
    target: Option<String>,
}

impl Parser<'_> {
    /// Handles a start tag; returns true when the file cannot be read further.
    fn open(&mut self, start: &BytesStart<'_>, offset: usize) -> bool {
        let (local, prefix) = start.name().decompose();
        let local = String::from_utf8_lossy(local.as_ref()).into_owned();
        let n_problems = self.report.diagnostics.len();
        let attributes = self.attributes(start, offset);
        if self.stack.is_empty() && !matches!(local.as_str(), "tbx" | "martif") {
            self.report.error(
                offset,
                format!("not a TBX file: the root element is <{local}>"),
                "a termbase starts with <tbx> (TBX 2019) or <martif> (older TBX)",
            );
            return true;
        }
        self.stack.push(local.clone());
        match local.as_str() {
            "conceptEntry" | "termEntry" => self.start_entry(attributes.id, offset),
            "langSec" | "langSet" => self.start_lang(attributes.lang, offset),
            "termSec" | "tig" | "ntig" => {
                if let Some(entry) = &mut self.entry {
                    entry.term = Some(PendingTerm::at(offset));
                }
            }
            "transacGrp" => {
                if let Some(entry) = &mut self.entry {
                    entry.transaction = Some((None, None));
                }
            }
            "xref" if attributes.category.as_deref() == Some("externalCrossReference") => {
                if let Some(entry) = self.entry.as_mut().filter(|e| e.lang.is_none()) {
                    entry.concept.provenance.authority_id = attributes.target;
                }
            }
            _ if self.capture.is_none() => {
                let key = match local.as_str() {
                    "termNote" | "descrip" | "admin" | "transac" | "transacNote" => {
                        attributes.category
                    }
                    "term" | "note" | "date" => Some(local),
                    // DCT style: the element is the data category (`<min:partOfSpeech>`).
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
        if self.report.diagnostics.len() > n_problems {
            // A bad attribute of the entry's own start tag also drops the entry.
            if let Some(entry) = &mut self.entry {
                entry.bad = true;
            }
        }
        false
    }

    /// The attributes of `start`; a reference to an unknown entity is reported, not expanded.
    fn attributes(&mut self, start: &BytesStart<'_>, offset: usize) -> Attributes {
        let mut found = Attributes::default();
        for attribute in start.attributes() {
            let attribute = match attribute {
                Ok(attribute) => attribute,
                Err(err) => {
                    self.invalid(offset, &err.to_string());
                    continue;
                }
            };
            let value = match attribute.normalized_value(XmlVersion::Explicit1_0) {
                Ok(value) => value.into_owned(),
                Err(quick_xml::Error::Escape(EscapeError::UnrecognizedEntity(_, name))) => {
                    let reference = format!("&{name};");
                    let at = self.report.text[offset..]
                        .find(&reference)
                        .map_or(offset, |i| offset + i);
                    self.entity_error(&name, at);
                    continue;
                }
                Err(err) => {
                    self.invalid(offset, &err.to_string());
                    continue;
                }
            };
            match attribute.key.as_ref() {
                b"id" => found.id = Some(value),
                b"xml:lang" | b"lang" => found.lang = Some(value),
                b"type" => found.category = Some(value),
                b"target" => found.target = Some(value),
                _ => {}
            }
        }
        found
    }

    fn start_entry(&mut self, id: Option<String>, offset: usize) {
        let origin = Origin {
            path: self.report.path.to_path_buf(),
            line: self.report.lines.position(self.report.text, offset).line,
        };
        let mut entry = Entry::new(offset, origin);
        if let Some(id) = id
            .map(|id| id.trim().to_owned())
            .filter(|id| !id.is_empty())
        {
            entry.concept.id = id;
        } else {
            entry.bad = true;
            self.report.error(
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
            self.report.error(
                offset,
                message,
                "write the language as a BCP 47 code: xml:lang=\"fi\", xml:lang=\"el-CY\"; the entry is skipped",
            );
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
        self.report.error(
            offset,
            format!("entity reference `&{name};` is not allowed"),
            "kurso reads TBX without a DTD: write the character itself, or &amp; &lt; &gt; &quot; &apos; or a numeric reference such as &#233;; the entry is skipped",
        );
        false
    }

    fn invalid(&mut self, offset: usize, message: &str) {
        if let Some(entry) = &mut self.entry {
            entry.bad = true;
        }
        let message = format!("invalid XML: {message}");
        self.report
            .error(offset, message, "fix the markup; the entry is skipped");
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
            if let Some(entry) = &mut self.entry {
                entry.apply(&capture.key, value, capture.offset, &mut self.report);
            }
        }
        match (local.as_str(), &mut self.entry) {
            ("conceptEntry" | "termEntry", _) => {
                if let Some(entry) = self.entry.take() {
                    let concept = entry.finish(&mut self.report, &mut self.seen);
                    self.glossary.concepts.extend(concept);
                }
            }
            ("langSec" | "langSet", Some(entry)) => entry.lang = None,
            ("termSec" | "tig" | "ntig", Some(entry)) => entry.finish_term(&mut self.report),
            ("transacGrp", Some(entry)) => entry.finish_transaction(),
            _ => {}
        }
        false
    }
}
