//! The XML under the XLIFF reader: quick-xml events turned into owned tokens with their
//! namespace resolved (so any prefix works), adjacent text, references and CDATA merged into
//! one text, and everything kurso refuses made an `Err` at `path:line:col`.
//!
//! **Invariant:** no DTD is read and no entity is expanded: a `<!DOCTYPE>` is an error, and so
//! is a reference other than the five XML ones and numeric character references.

use std::path::Path;

use quick_xml::NsReader;
use quick_xml::XmlVersion;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;

use super::{GLS_NS, KURSO_NS, MDA_NS, XLIFF_NS};
use crate::diagnostic::{Diagnostic, Severity};
use crate::span::LineIndex;

/// Elements nested deeper than this are refused: the reader recurses per level, and real
/// XLIFF nests a few dozen levels at most.
const MAX_DEPTH: usize = 256;

/// The namespaces the reader tells apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Ns {
    Core,
    Mda,
    Gls,
    Kurso,
    Other,
}

#[derive(Debug)]
pub(super) struct Attr {
    /// The name as written (`xml:space`, `xmlns:m`, `m:confirmed`).
    pub key: String,
    /// Whether the name has a prefix (attributes without one are the element's own).
    pub prefixed: bool,
    pub local: String,
    pub value: String,
}

/// A start tag (an empty element comes as a start and an end).
#[derive(Debug)]
pub(super) struct Element {
    pub ns: Ns,
    /// Whether the element's name has a prefix.
    pub prefixed: bool,
    pub local: String,
    pub attrs: Vec<Attr>,
    /// Byte offset of the `<`.
    pub offset: usize,
}

impl Element {
    pub fn is(&self, ns: Ns, local: &str) -> bool {
        self.ns == ns && self.local == local
    }

    /// The value of the element's own (unprefixed) attribute `local`.
    pub fn attr(&self, local: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| !a.prefixed && a.local == local)
            .map(|a| a.value.as_str())
    }

    /// The value of the attribute written `key` (`xml:space`).
    pub fn raw_attr(&self, key: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|a| a.key == key)
            .map(|a| a.value.as_str())
    }

    /// Whether a `kurso:` attribute or a namespace declaration has value `value`.
    pub fn has_attr_value(&self, value: &str) -> bool {
        self.attrs.iter().any(|a| a.value == value)
    }
}

#[derive(Debug)]
pub(super) enum Token {
    Start(Element),
    End,
    /// Character data. `layout` when it is only whitespace with a line break, written as such
    /// (no reference, no CDATA): what re-indentation inserts.
    Text {
        text: String,
        layout: bool,
    },
    Eof,
}

pub(super) struct Lexer<'a> {
    reader: NsReader<&'a [u8]>,
    pub path: &'a Path,
    pub text: &'a str,
    pub lines: LineIndex,
    peeked: Option<Token>,
    /// Open elements.
    depth: usize,
    /// The root has no namespace: its unprefixed descendants count as core.
    pub core_unbound: bool,
}

/// A piece of text before merging: its content and whether it was written literally.
enum Piece {
    Token(Token),
    Text(String, bool),
}

impl<'a> Lexer<'a> {
    pub fn new(path: &'a Path, text: &'a str) -> Self {
        let mut reader = NsReader::from_str(text);
        reader.config_mut().expand_empty_elements = true;
        Lexer {
            reader,
            path,
            text,
            lines: LineIndex::new(text),
            peeked: None,
            depth: 0,
            core_unbound: false,
        }
    }

    /// An error at byte `offset` (a file can have thousands of diagnostics: the line index is
    /// built once).
    pub fn error(&self, offset: usize, message: impl Into<String>) -> Diagnostic {
        let position = self.lines.position(self.text, offset);
        let source_line = self.lines.line_start(position.line).map(|start| {
            let line = &self.text[start..];
            line[..line.find('\n').unwrap_or(line.len())]
                .trim_end_matches('\r')
                .to_owned()
        });
        Diagnostic {
            severity: Severity::Error,
            path: self.path.to_path_buf(),
            position: Some(position),
            source_line,
            message: message.into(),
            help: None,
        }
    }

    /// The next token; text split by references or CDATA comes as one.
    pub fn next(&mut self) -> Result<Token, Diagnostic> {
        if let Some(token) = self.peeked.take() {
            return Ok(token);
        }
        let mut merged: Option<(String, bool)> = None;
        loop {
            match self.piece()? {
                Piece::Text(text, literal) => {
                    let (all, all_literal) = merged.get_or_insert_with(|| (String::new(), true));
                    all.push_str(&text);
                    *all_literal &= literal;
                }
                Piece::Token(token) => {
                    let Some((text, literal)) = merged else {
                        return Ok(token);
                    };
                    self.peeked = Some(token);
                    let layout =
                        literal && text.contains('\n') && text.chars().all(char::is_whitespace);
                    return Ok(Token::Text { text, layout });
                }
            }
        }
    }

    fn piece(&mut self) -> Result<Piece, Diagnostic> {
        loop {
            let offset = usize::try_from(self.reader.buffer_position()).unwrap_or(0);
            let event = match self.reader.read_event() {
                Ok(event) => event,
                Err(err) => {
                    let at = usize::try_from(self.reader.error_position()).unwrap_or(offset);
                    return Err(self.error(at, format!("invalid XML: {err}")).with_help(
                        "the file is not well-formed XML; fix the markup (or export the packet again) and import it again",
                    ));
                }
            };
            return Ok(match event {
                Event::Start(start) => {
                    self.depth += 1;
                    if self.depth > MAX_DEPTH {
                        return Err(self
                            .error(
                                offset,
                                format!("elements are nested more than {MAX_DEPTH} deep"),
                            )
                            .with_help(
                                "no translation tool writes this; export the packet again",
                            ));
                    }
                    Piece::Token(Token::Start(self.element(&start, offset)?))
                }
                Event::End(_) => {
                    self.depth = self.depth.saturating_sub(1);
                    Piece::Token(Token::End)
                }
                Event::Text(text) => Piece::Text(self.decoded(text.xml10_content(), offset)?, true),
                Event::CData(data) => {
                    Piece::Text(self.decoded(data.xml10_content(), offset)?, false)
                }
                Event::GeneralRef(reference) => {
                    let name = self.decoded(reference.decode(), offset)?;
                    let resolved = match reference.resolve_char_ref() {
                        Ok(Some(c)) => Some(c.to_string()),
                        Ok(None) => resolve_predefined_entity(&name).map(str::to_owned),
                        Err(_) => None,
                    };
                    match resolved {
                        Some(text) => Piece::Text(text, false),
                        None => return Err(self.entity_error(&name, offset)),
                    }
                }
                Event::DocType(_) => {
                    return Err(self.error(offset, "a <!DOCTYPE> is not allowed").with_help(
                        "XLIFF 2.0 has no DTD and kurso reads none (a DTD can expand entities or fetch files); remove the <!DOCTYPE …> line",
                    ));
                }
                Event::Eof => Piece::Token(Token::Eof),
                // The declaration, comments and processing instructions.
                Event::Decl(_) | Event::Comment(_) | Event::PI(_) | Event::Empty(_) => continue,
            });
        }
    }

    fn entity_error(&self, name: &str, offset: usize) -> Diagnostic {
        self.error(offset, format!("entity reference `&{name};` is not allowed"))
            .with_help("kurso reads XLIFF without a DTD: write the character itself, or &amp; &lt; &gt; &quot; &apos; or a numeric reference such as &#233;")
    }

    fn decoded<E: std::fmt::Display>(
        &self,
        result: Result<std::borrow::Cow<'_, str>, E>,
        offset: usize,
    ) -> Result<String, Diagnostic> {
        result
            .map(std::borrow::Cow::into_owned)
            .map_err(|err| self.error(offset, format!("invalid text: {err}")))
    }

    fn element(&self, start: &BytesStart<'_>, offset: usize) -> Result<Element, Diagnostic> {
        let resolver = self.reader.resolver();
        let (ns, local) = resolver.resolve_element(start.name());
        let ns = match ns {
            ResolveResult::Bound(ns) => namespace(ns.as_ref()),
            ResolveResult::Unbound if self.core_unbound => Ns::Core,
            _ => Ns::Other,
        };
        let local = String::from_utf8_lossy(local.as_ref()).into_owned();
        let prefixed = start.name().prefix().is_some();
        let mut attrs = Vec::new();
        for attribute in start.attributes() {
            let attribute = attribute.map_err(|err| {
                self.error(offset, format!("invalid XML: {err}"))
                    .with_help("fix the attribute (each once, quoted)")
            })?;
            let value = match attribute.normalized_value(XmlVersion::Explicit1_0) {
                Ok(value) => value.into_owned(),
                Err(quick_xml::Error::Escape(
                    quick_xml::escape::EscapeError::UnrecognizedEntity(_, name),
                )) => {
                    let reference = format!("&{name};");
                    let at = self.text[offset..]
                        .find(&reference)
                        .map_or(offset, |i| offset + i);
                    return Err(self.entity_error(&name, at));
                }
                Err(err) => return Err(self.error(offset, format!("invalid XML: {err}"))),
            };
            let key = String::from_utf8_lossy(attribute.key.as_ref()).into_owned();
            let (_, attr_local) = resolver.resolve_attribute(attribute.key);
            attrs.push(Attr {
                prefixed: key.contains(':'),
                local: String::from_utf8_lossy(attr_local.as_ref()).into_owned(),
                key,
                value,
            });
        }
        Ok(Element {
            ns,
            prefixed,
            local,
            attrs,
            offset,
        })
    }

    /// Skips the rest of the element whose start was just read.
    pub fn skip(&mut self) -> Result<(), Diagnostic> {
        let mut depth = 1;
        while depth > 0 {
            match self.next()? {
                Token::Start(_) => depth += 1,
                Token::End => depth -= 1,
                Token::Text { .. } => {}
                Token::Eof => return Err(self.unexpected_end()),
            }
        }
        Ok(())
    }

    /// The error for a file that ends inside an element.
    pub fn unexpected_end(&self) -> Diagnostic {
        self.error(
            self.text.len(),
            "the file ends before its elements are closed",
        )
        .with_help("the file was cut short; export or save it again")
    }
}

fn namespace(uri: &[u8]) -> Ns {
    match uri {
        uri if uri == XLIFF_NS.as_bytes() => Ns::Core,
        uri if uri == MDA_NS.as_bytes() => Ns::Mda,
        uri if uri == GLS_NS.as_bytes() => Ns::Gls,
        uri if uri == KURSO_NS.as_bytes() => Ns::Kurso,
        _ => Ns::Other,
    }
}
