//! TMX text → packet, with quick-xml: start and end tags drive a small state machine (in a
//! `<tu>`, in a `<tuv>`, in a `<seg>`, in an inline code). See the parent module.
//!
//! **Invariant:** no DTD is read and no entity is expanded but the five of XML and character
//! references.

use std::collections::HashMap;
use std::path::Path;

use quick_xml::escape::{EscapeError, resolve_predefined_entity};
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use crate::diagnostic::Diagnostic;
use crate::exchange::model::{Inline, Note, NoteKind, Packet, PacketFile, State, Unit};
use crate::span::LineIndex;

pub fn read(path: &Path, text: &str) -> Result<(Packet, Vec<Diagnostic>), Diagnostic> {
    // quick-xml skips a byte-order mark and counts its positions after it.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut parser = Parser::new(text);
    let mut reader = Reader::from_str(text);
    let fail = |offset: usize, message: String, help: &str| {
        Err(Diagnostic::error_at(path, text, offset.min(text.len()), message).with_help(help))
    };
    let mut root_seen = false;
    loop {
        let offset = usize::try_from(reader.buffer_position()).unwrap_or(0);
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(err) => {
                let offset = usize::try_from(reader.error_position()).unwrap_or(0);
                return fail(
                    offset,
                    format!("not well-formed XML: {err}"),
                    "fix the markup; nothing of the file was read",
                );
            }
        };
        match event {
            Event::Start(start) | Event::Empty(start) if !root_seen => {
                root_seen = true;
                if start.local_name().as_ref() != b"tmx" {
                    let name = String::from_utf8_lossy(start.name().as_ref()).into_owned();
                    return fail(
                        offset,
                        format!("not a TMX file: the root element is <{name}>"),
                        "a translation memory starts with <tmx version=\"1.4\">",
                    );
                }
                let attributes = attributes(&start).map_err(|m| invalid(path, text, offset, &m))?;
                if let Some(version) = attributes.get("version").filter(|v| !v.starts_with("1.4")) {
                    parser
                        .warnings
                        .push((offset, format!("TMX version {version}: read as 1.4")));
                }
            }
            Event::Start(start) => {
                let attributes = attributes(&start).map_err(|m| invalid(path, text, offset, &m))?;
                parser.open(&start, attributes, offset);
            }
            Event::Empty(start) => {
                let attributes = attributes(&start).map_err(|m| invalid(path, text, offset, &m))?;
                parser.open(&start, attributes, offset);
                parser.close(start.local_name().as_ref());
            }
            Event::End(end) => parser.close(end.local_name().as_ref()),
            Event::Text(content) => {
                let content = content
                    .xml10_content()
                    .map_err(|err| invalid(path, text, offset, &err.to_string()))?;
                parser.text(&content);
            }
            Event::CData(data) => parser.text(&data.decode().unwrap_or_default()),
            Event::GeneralRef(reference) => {
                let name = reference.decode().unwrap_or_default().into_owned();
                let resolved = match reference.resolve_char_ref() {
                    Ok(Some(ch)) => ch.to_string(),
                    _ => match resolve_predefined_entity(&name) {
                        Some(resolved) => resolved.to_owned(),
                        None => {
                            return fail(
                                offset,
                                format!("entity `&{name};` is not allowed (no DTD is read)"),
                                "write the character itself, or a character reference such as `&#233;`",
                            );
                        }
                    },
                };
                parser.text(&resolved);
            }
            Event::Eof => break,
            // The declaration, comments, processing instructions and the DOCTYPE (not read).
            _ => {}
        }
    }
    if !root_seen {
        return fail(
            0,
            "not a TMX file: it has no root element".to_owned(),
            "a translation memory starts with <tmx version=\"1.4\">",
        );
    }
    let packet = parser.packet();
    let diagnostics = parser
        .warnings
        .iter()
        .map(|(offset, message)| {
            Diagnostic::error_at(path, text, *offset, message.clone())
                .with_help("each <tu> needs a <tuv> in the header's srclang")
                .warning()
        })
        .collect();
    Ok((packet, diagnostics))
}

fn invalid(path: &Path, text: &str, offset: usize, message: &str) -> Diagnostic {
    let message = match message.split_once("UnrecognizedEntity") {
        Some(_) => format!("an entity in an attribute is not allowed (no DTD is read): {message}"),
        None => format!("not well-formed XML: {message}"),
    };
    Diagnostic::error_at(path, text, offset.min(text.len()), message)
        .with_help("fix the markup; nothing of the file was read")
}

/// The attributes of a tag, values normalized; an unknown entity is an error.
fn attributes(start: &BytesStart<'_>) -> Result<HashMap<String, String>, String> {
    let mut found = HashMap::new();
    for attribute in start.attributes() {
        let attribute = attribute.map_err(|err| err.to_string())?;
        let value = match attribute.normalized_value(XmlVersion::Explicit1_0) {
            Ok(value) => value.into_owned(),
            Err(quick_xml::Error::Escape(EscapeError::UnrecognizedEntity(_, name))) => {
                return Err(format!("UnrecognizedEntity `&{name};`"));
            }
            Err(err) => return Err(err.to_string()),
        };
        let key = String::from_utf8_lossy(attribute.key.as_ref()).into_owned();
        // `xml:lang` and TMX 1.1's `lang` are one thing.
        let key = if key == "xml:lang" {
            "lang".to_owned()
        } else {
            key
        };
        found.insert(key, value);
    }
    Ok(found)
}

#[derive(Default)]
struct Tu {
    offset: usize,
    attributes: HashMap<String, String>,
    props: Vec<(String, String)>,
    notes: Vec<String>,
    /// (lang, its attributes, segment)
    tuvs: Vec<(String, HashMap<String, String>, Vec<Inline>)>,
}

/// An inline code being read: its inline (equiv filled at its end) and the nesting depth.
struct OpenCode {
    inline: Inline,
    depth: usize,
    native: String,
}

struct Parser<'a> {
    text: &'a str,
    lines: LineIndex,
    source: Option<String>,
    tool: Option<String>,
    tu: Option<Tu>,
    tus: Vec<Tu>,
    /// What `<prop>` or `<note>` is collecting: (element, type, text).
    capture: Option<(&'static str, String, String)>,
    tuv: Option<(String, HashMap<String, String>)>,
    seg: Option<Vec<Inline>>,
    code: Option<OpenCode>,
    depth: usize,
    /// `bpt`'s `i` → the code ID its `ept` takes.
    pairs: HashMap<String, String>,
    /// Codes without an ID of their own are numbered in the segment.
    unnamed: usize,
    warnings: Vec<(usize, String)>,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str) -> Self {
        Parser {
            text,
            lines: LineIndex::new(text),
            source: None,
            tool: None,
            tu: None,
            tus: Vec::new(),
            capture: None,
            tuv: None,
            seg: None,
            code: None,
            depth: 0,
            pairs: HashMap::new(),
            unnamed: 0,
            warnings: Vec::new(),
        }
    }

    fn open(
        &mut self,
        start: &BytesStart<'_>,
        mut attributes: HashMap<String, String>,
        offset: usize,
    ) {
        let name = start.local_name();
        let name = name.as_ref();
        self.depth += 1;
        if self.seg.is_some() {
            if self.code.is_some() {
                return; // `<sub>` and anything inside a code: its text is the code's.
            }
            let mut take = |key: &str| attributes.remove(key);
            self.unnamed += 1;
            let numbered = format!("t{}", self.unnamed);
            let inline = match name {
                b"ph" | b"ut" => Inline::Ph {
                    id: take("x").or_else(|| take("i")).unwrap_or(numbered),
                    equiv: None,
                },
                b"bpt" => {
                    let i = take("i").unwrap_or_default();
                    let id = take("x").unwrap_or_else(|| i.clone());
                    self.pairs.insert(i, id.clone());
                    Inline::Open { id, equiv: None }
                }
                b"ept" => {
                    let i = take("i").unwrap_or_default();
                    let id = self.pairs.get(&i).cloned().unwrap_or(i);
                    Inline::Close { id, equiv: None }
                }
                b"it" => {
                    let id = take("x").unwrap_or(numbered);
                    if take("pos").as_deref() == Some("end") {
                        Inline::Close { id, equiv: None }
                    } else {
                        Inline::Open { id, equiv: None }
                    }
                }
                // `<hi>`: its text is the segment's.
                _ => return,
            };
            self.code = Some(OpenCode {
                inline,
                depth: self.depth,
                native: String::new(),
            });
            return;
        }
        match name {
            b"header" => {
                self.source = attributes.remove("srclang");
                let tool = attributes.remove("creationtool");
                self.tool = tool.map(|tool| match attributes.remove("creationtoolversion") {
                    Some(version) => format!("{tool} {version}"),
                    None => tool,
                });
            }
            b"tu" => {
                self.tu = Some(Tu {
                    offset,
                    attributes,
                    ..Tu::default()
                });
            }
            b"prop" if self.tu.is_some() && self.tuv.is_none() => {
                self.capture = Some((
                    "prop",
                    attributes.remove("type").unwrap_or_default(),
                    String::new(),
                ));
            }
            b"note" if self.tu.is_some() && self.tuv.is_none() => {
                self.capture = Some(("note", String::new(), String::new()));
            }
            b"tuv" if self.tu.is_some() => {
                let lang = attributes.remove("lang").unwrap_or_default();
                self.tuv = Some((lang, attributes));
            }
            b"seg" if self.tuv.is_some() => {
                self.seg = Some(Vec::new());
                self.pairs.clear();
                self.unnamed = 0;
            }
            _ => {}
        }
    }

    fn close(&mut self, name: &[u8]) {
        if let Some(code) = self.code.take_if(|code| code.depth == self.depth) {
            let native = (!code.native.is_empty()).then_some(code.native);
            let mut inline = code.inline;
            match &mut inline {
                Inline::Ph { equiv, .. }
                | Inline::Open { equiv, .. }
                | Inline::Close { equiv, .. } => *equiv = native,
                Inline::Text(_) => {}
            }
            self.seg.get_or_insert_with(Vec::new).push(inline);
        } else if self.code.is_none() {
            match name {
                b"seg" => {
                    if let (Some(seg), Some((lang, attributes)), Some(tu)) =
                        (self.seg.take(), &self.tuv, &mut self.tu)
                    {
                        tu.tuvs.push((lang.clone(), attributes.clone(), seg));
                    }
                }
                b"tuv" => self.tuv = None,
                b"prop" | b"note" => {
                    if let (Some((element, kind, text)), Some(tu)) =
                        (self.capture.take(), &mut self.tu)
                    {
                        if element == "prop" {
                            tu.props.push((kind, text));
                        } else {
                            tu.notes.push(text);
                        }
                    }
                }
                b"tu" => {
                    if let Some(tu) = self.tu.take() {
                        self.tus.push(tu);
                    }
                }
                _ => {}
            }
        }
        self.depth = self.depth.saturating_sub(1);
    }

    fn text(&mut self, text: &str) {
        if let Some(code) = &mut self.code {
            code.native.push_str(text);
        } else if let Some(seg) = &mut self.seg {
            match seg.last_mut() {
                Some(Inline::Text(last)) => last.push_str(text),
                _ => seg.push(Inline::Text(text.to_owned())),
            }
        } else if let Some((_, _, captured)) = &mut self.capture {
            captured.push_str(text);
        }
    }

    fn packet(&mut self) -> Packet {
        let tus = std::mem::take(&mut self.tus);
        let mut source = self.source.clone().filter(|s| s != "*all*");
        if source.is_none() {
            source = tus
                .iter()
                .find_map(|tu| tu.tuvs.first().map(|(lang, _, _)| lang.clone()));
        }
        let source = source.unwrap_or_default();
        let target = tus
            .iter()
            .flat_map(|tu| &tu.tuvs)
            .map(|(lang, _, _)| lang)
            .find(|lang| !same_language(lang, &source))
            .cloned()
            .unwrap_or_default();
        let mut packet = Packet {
            source_locale: source.clone(),
            target_locale: target.clone(),
            tool: self.tool.clone(),
            files: Vec::new(),
            raw_markup: false,
        };
        let mut file_of: HashMap<String, usize> = HashMap::new();
        for (position, tu) in tus.into_iter().enumerate() {
            let Some(english) = tu
                .tuvs
                .iter()
                .find(|(lang, _, _)| same_language(lang, &source))
            else {
                self.warnings.push((
                    tu.offset,
                    format!("a <tu> without a <tuv> in `{source}` was skipped"),
                ));
                continue;
            };
            let prop = |kind: &str| {
                tu.props
                    .iter()
                    .find(|(k, _)| k == kind)
                    .map(|(_, v)| v.clone())
            };
            let translation = tu
                .tuvs
                .iter()
                .find(|(lang, _, _)| lang.eq_ignore_ascii_case(&target));
            let state = match (translation, prop("x-kurso-state").as_deref()) {
                (None, _) => State::New,
                (Some(_), Some("final")) => State::Final,
                (Some(_), Some("reviewed")) => State::Reviewed,
                (Some(_), _) => State::Translated,
            };
            let attribute = |key: &str| {
                translation
                    .and_then(|(_, attributes, _)| attributes.get(key))
                    .or_else(|| tu.attributes.get(key))
                    .cloned()
            };
            let unit = Unit {
                base: None,
                machine: false,
                id: prop("x-kurso-id")
                    .or_else(|| tu.attributes.get("tuid").cloned())
                    .unwrap_or_else(|| (position + 1).to_string()),
                source: english.2.clone(),
                target: translation.map(|(_, _, seg)| seg.clone()),
                state,
                codes: Vec::new(),
                notes: tu
                    .notes
                    .iter()
                    .map(|text| Note {
                        kind: NoteKind::General,
                        text: text.clone(),
                    })
                    .collect(),
                previous_source: None,
                terms: Vec::new(),
                changed_by: attribute("changeid"),
                changed_on: prop("x-kurso-changed-on")
                    .or_else(|| attribute("changedate").map(|date| super::from_changedate(&date))),
                line: self.lines.position(self.text, tu.offset).line,
            };
            let original = prop("x-kurso-file").unwrap_or_default();
            let index = *file_of.entry(original.clone()).or_insert_with(|| {
                packet.files.push(PacketFile {
                    original,
                    units: Vec::new(),
                });
                packet.files.len() - 1
            });
            packet.files[index].units.push(unit);
        }
        packet
    }
}

/// `en` and `en-US`, `EN-us` and `en-US` are one language here.
fn same_language(a: &str, b: &str) -> bool {
    let (a, b) = (
        a.to_ascii_lowercase().replace('_', "-"),
        b.to_ascii_lowercase().replace('_', "-"),
    );
    a == b
        || a.strip_prefix(&b).is_some_and(|r| r.starts_with('-'))
        || b.strip_prefix(&a).is_some_and(|r| r.starts_with('-'))
}
