//! XML text → a small element tree, read safely: quick-xml with namespaces resolved, no DTD read,
//! no entity other than the five XML ones and character references expanded.
//!
//! XLIFF files are small (a course's units for one locale), so the reader builds the whole tree
//! and walks it, which keeps the unit logic free of streaming state. Every element remembers the
//! byte offset of its `<`, for `Unit::line` and diagnostics.
//!
//! **Invariant:** a `<!DOCTYPE>` is skipped, never read (quick-xml fetches nothing); a reference
//! to any other entity is an error diagnostic at its `file:line:col`, and every element it sits
//! in is marked [`Element::bad`] so the unit holding it is dropped, not read half-expanded. Not
//! well-formed XML is `Err` at the position quick-xml names.

use std::path::Path;

use quick_xml::NsReader;
use quick_xml::XmlVersion;
use quick_xml::escape::{EscapeError, resolve_predefined_entity};
use quick_xml::events::{BytesStart, Event};
use quick_xml::name::ResolveResult;

use crate::diagnostic::Diagnostic;

/// The namespace of `xml:space` and `xml:lang`.
pub const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

/// One element: its namespace URI (empty when unbound), local name, attributes and children.
#[derive(Debug, Default)]
pub struct Element {
    pub ns: String,
    pub name: String,
    /// (namespace URI or empty, local name, value), in file order.
    pub attributes: Vec<(String, String, String)>,
    pub children: Vec<Node>,
    /// Byte offset of the element's `<` in the text.
    pub offset: usize,
    /// An entity reference or a broken attribute was found inside: the content is incomplete.
    pub bad: bool,
}

#[derive(Debug)]
pub enum Node {
    Element(Element),
    Text(String),
}

impl Element {
    /// The value of the attribute `name` that has no namespace.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attr_ns("", name)
    }

    /// The value of the attribute `name` in namespace `ns`.
    pub fn attr_ns(&self, ns: &str, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|(n, local, _)| n == ns && local == name)
            .map(|(_, _, value)| value.as_str())
    }

    /// Child elements in namespace `ns` named `name`.
    pub fn children_named<'a>(
        &'a self,
        ns: &'a str,
        name: &'a str,
    ) -> impl Iterator<Item = &'a Element> + 'a {
        self.elements()
            .filter(move |child| child.ns == ns && child.name == name)
    }

    /// The first child element in namespace `ns` named `name`.
    pub fn child(&self, ns: &str, name: &str) -> Option<&Element> {
        self.elements()
            .find(|child| child.ns == ns && child.name == name)
    }

    pub fn elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|node| match node {
            Node::Element(element) => Some(element),
            Node::Text(_) => None,
        })
    }

    /// All text inside, elements left out (their text kept).
    pub fn text(&self) -> String {
        let mut out = String::new();
        collect_text(self, &mut out);
        out
    }
}

fn collect_text(element: &Element, out: &mut String) {
    for node in &element.children {
        match node {
            Node::Text(text) => out.push_str(text),
            Node::Element(child) => collect_text(child, out),
        }
    }
}

/// Parses `text` (the content of `path`) into its root element. Problems that leave the XML
/// readable (an unknown entity) come back as diagnostics; XML that is not well-formed is `Err`.
pub fn parse(path: &Path, text: &str) -> Result<(Element, Vec<Diagnostic>), Diagnostic> {
    let mut diagnostics = Vec::new();
    let mut reader = NsReader::from_str(text);
    let mut stack: Vec<Element> = Vec::new();
    let mut root: Option<Element> = None;
    let error = |offset: u64, message: String| {
        let offset = usize::try_from(offset).unwrap_or(usize::MAX);
        Diagnostic::error_at(path, text, offset, message).with_help(
            "the file is not well-formed XML: fix the markup at this place (a CAT tool's export \
             is well-formed; a hand edit may have broken it)",
        )
    };
    loop {
        let offset = usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX);
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(err) => {
                return Err(error(
                    reader.error_position(),
                    format!("invalid XML: {err}"),
                ));
            }
        };
        match event {
            Event::Start(start) => {
                let element = open(&reader, &start, offset, path, text, &mut diagnostics);
                stack.push(element);
            }
            Event::Empty(start) => {
                let element = open(&reader, &start, offset, path, text, &mut diagnostics);
                close(element, &mut stack, &mut root);
            }
            Event::End(_) => {
                if let Some(element) = stack.pop() {
                    close(element, &mut stack, &mut root);
                }
            }
            Event::Text(content) => {
                let content = content.xml10_content().unwrap_or_default();
                push_text(&mut stack, &content);
            }
            Event::CData(data) => {
                let content = data.xml10_content().unwrap_or_default();
                push_text(&mut stack, &content);
            }
            Event::GeneralRef(reference) => {
                let name = reference.decode().unwrap_or_default().into_owned();
                match reference.resolve_char_ref() {
                    Ok(Some(ch)) => push_text(&mut stack, ch.encode_utf8(&mut [0; 4])),
                    Ok(None) => {
                        if let Some(resolved) = resolve_predefined_entity(&name) {
                            push_text(&mut stack, resolved);
                        } else {
                            diagnostics.push(entity_error(path, text, offset, &name));
                            taint(&mut stack);
                        }
                    }
                    Err(err) => {
                        return Err(error(
                            offset as u64,
                            format!("invalid character reference `&{name};`: {err}"),
                        ));
                    }
                }
            }
            Event::Eof => break,
            // The declaration, comments, processing instructions and the DOCTYPE (never read).
            _ => {}
        }
    }
    if let Some(open) = stack.last() {
        return Err(error(
            open.offset as u64,
            format!("<{}> is never closed: the file ends inside it", open.name),
        ));
    }
    let root = root.ok_or_else(|| {
        Diagnostic::error_at(path, text, 0, "the file has no XML element")
            .with_help("an XLIFF file starts with <xliff version=\"1.2\" …>")
    })?;
    Ok((root, diagnostics))
}

fn open(
    reader: &NsReader<&[u8]>,
    start: &BytesStart<'_>,
    offset: usize,
    path: &Path,
    text: &str,
    diagnostics: &mut Vec<Diagnostic>,
) -> Element {
    let (ns, local) = reader.resolver().resolve_element(start.name());
    let mut element = Element {
        ns: namespace(&ns),
        name: String::from_utf8_lossy(local.as_ref()).into_owned(),
        offset,
        ..Element::default()
    };
    for attribute in start.attributes() {
        let attribute = match attribute {
            Ok(attribute) => attribute,
            Err(err) => {
                element.bad = true;
                diagnostics.push(
                    Diagnostic::error_at(path, text, offset, format!("invalid XML: {err}"))
                        .with_help("fix the attribute; the unit it belongs to is skipped"),
                );
                continue;
            }
        };
        let key = attribute.key;
        if key.as_namespace_binding().is_some() {
            continue;
        }
        let (ns, local) = reader.resolver().resolve_attribute(key);
        let value = match attribute.normalized_value(XmlVersion::Explicit1_0) {
            Ok(value) => value.into_owned(),
            Err(quick_xml::Error::Escape(EscapeError::UnrecognizedEntity(_, name))) => {
                let reference = format!("&{name};");
                let at = text[offset..]
                    .find(&reference)
                    .map_or(offset, |i| offset + i);
                diagnostics.push(entity_error(path, text, at, &name));
                element.bad = true;
                continue;
            }
            Err(err) => {
                element.bad = true;
                diagnostics.push(
                    Diagnostic::error_at(path, text, offset, format!("invalid XML: {err}"))
                        .with_help("fix the attribute; the unit it belongs to is skipped"),
                );
                continue;
            }
        };
        element.attributes.push((
            namespace(&ns),
            String::from_utf8_lossy(local.as_ref()).into_owned(),
            value,
        ));
    }
    element
}

fn namespace(resolved: &ResolveResult<'_>) -> String {
    match resolved {
        ResolveResult::Bound(ns) => String::from_utf8_lossy(ns.as_ref()).into_owned(),
        ResolveResult::Unbound | ResolveResult::Unknown(_) => String::new(),
    }
}

/// Hands a finished element to its parent (or makes it the root). A bad child makes its
/// ancestors bad, so the unit around it is dropped.
fn close(element: Element, stack: &mut [Element], root: &mut Option<Element>) {
    match stack.last_mut() {
        Some(parent) => {
            if element.bad {
                parent.bad = true;
            }
            parent.children.push(Node::Element(element));
        }
        None => {
            if root.is_none() {
                *root = Some(element);
            }
        }
    }
}

fn push_text(stack: &mut [Element], content: &str) {
    let Some(parent) = stack.last_mut() else {
        return;
    };
    if let Some(Node::Text(text)) = parent.children.last_mut() {
        text.push_str(content);
    } else {
        parent.children.push(Node::Text(content.to_owned()));
    }
}

fn taint(stack: &mut [Element]) {
    for element in stack {
        element.bad = true;
    }
}

fn entity_error(path: &Path, text: &str, offset: usize, name: &str) -> Diagnostic {
    Diagnostic::error_at(
        path,
        text,
        offset,
        format!("entity reference `&{name};` is not allowed"),
    )
    .with_help(
        "kurso reads XLIFF without a DTD: write the character itself, or &amp; &lt; &gt; \
         &quot; &apos; or a numeric reference such as &#233;; the unit is skipped",
    )
}
