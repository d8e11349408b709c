//! Reads XLIFF 2.0: kurso's own files exactly, and what CAT tools send back (see the parent
//! module for what maps to what and what is refused).

use std::collections::HashMap;
use std::path::Path;

use super::content::{Item, content, merge_text};
use super::join::{Part, check_pairs, codes, join_target, resolve};
use super::lexer::{Element, Lexer, Ns, Token};
use super::write::definition;
use super::{MEMSOURCE_NS, META_CATEGORY, id_from_safe};
use crate::diagnostic::Diagnostic;
use crate::exchange::model::{Note, NoteKind, Packet, PacketFile, State, TermHint, Unit};

/// Reads the XLIFF 2.0 `text` of `path`. `Err` when the file cannot be read as XLIFF 2.0 at
/// all; problems of single units come back beside the packet, and the other units are read.
pub fn read(path: &Path, text: &str) -> Result<(Packet, Vec<Diagnostic>), Diagnostic> {
    let mut reader = Reader {
        lexer: Lexer::new(path, text),
        problems: Vec::new(),
    };
    let root = reader.root()?;
    let mut packet = Packet {
        source_locale: root.attr("srcLang").unwrap_or_default().to_owned(),
        target_locale: root.attr("trgLang").unwrap_or_default().to_owned(),
        tool: None,
        raw_markup: false,
        files: Vec::new(),
    };
    let preserve = space(&root, false);
    let mut tool = None;
    while let Some(child) = reader.child()? {
        if child.is(Ns::Core, "file") {
            let mut file = PacketFile {
                original: child
                    .attr("original")
                    .or_else(|| child.attr("id"))
                    .unwrap_or_default()
                    .to_owned(),
                units: Vec::new(),
            };
            let mut seen = HashMap::new();
            let n_problems = reader.problems.len();
            reader.units(&mut file, &mut seen, &mut tool, space(&child, preserve))?;
            if file.units.is_empty() && reader.problems.len() == n_problems {
                let problem = reader
                    .lexer
                    .error(
                        child.offset,
                        format!("file `{}` has no units", file.original),
                    )
                    .with_help("nothing in it can be imported")
                    .warning();
                reader.problems.push(problem);
            }
            packet.files.push(file);
        } else {
            reader.lexer.skip()?;
        }
    }
    reader.after_root()?;
    // A file Phrase sends back may keep kurso's metadata: its namespace says who had it.
    packet.tool = if tool.as_deref().is_none_or(|tool| tool == "kurso")
        && root.has_attr_value(MEMSOURCE_NS)
    {
        Some("Phrase (Memsource)".to_owned())
    } else {
        tool
    };
    if packet.files.is_empty() {
        reader.problems.push(
            reader
                .lexer
                .error(root.offset, "this XLIFF file has no <file>")
                .with_help("a packet holds its units in <file> elements; export it again"),
        );
    }
    let has_target = packet
        .files
        .iter()
        .flat_map(|file| &file.units)
        .any(|unit| unit.target.is_some());
    if packet.target_locale.is_empty() && has_target {
        reader.problems.push(
            reader
                .lexer
                .error(root.offset, "the file has translations but no trgLang")
                .with_help("XLIFF 2.0 names the target language in <xliff trgLang=\"…\">; kurso cannot tell which locale these translations are for")
                .warning(),
        );
    }
    Ok((packet, reader.problems))
}

struct Reader<'a> {
    lexer: Lexer<'a>,
    problems: Vec<Diagnostic>,
}

/// The `xml:space` of `element`, inheriting `preserve`.
fn space(element: &Element, preserve: bool) -> bool {
    match element.raw_attr("xml:space") {
        Some("preserve") => true,
        Some("default") => false,
        _ => preserve,
    }
}

impl Reader<'_> {
    fn error(&self, offset: usize, message: impl Into<String>, help: &str) -> Diagnostic {
        self.lexer.error(offset, message).with_help(help)
    }

    /// The root element, which must be `<xliff version="2.x">`.
    fn root(&mut self) -> Result<Element, Diagnostic> {
        let root = loop {
            match self.lexer.next()? {
                Token::Start(element) => break element,
                Token::Text { .. } => {}
                Token::End | Token::Eof => {
                    return Err(self.error(
                        self.lexer.text.len(),
                        "not an XLIFF file: there is no root element",
                        "an XLIFF 2.0 file starts with <xliff version=\"2.0\" …>",
                    ));
                }
            }
        };
        if root.local != "xliff" {
            return Err(self.error(
                root.offset,
                format!("not an XLIFF file: the root element is <{}>", root.local),
                "an XLIFF 2.0 file starts with <xliff version=\"2.0\" …>",
            ));
        }
        let version = root.attr("version").unwrap_or_default();
        if !version.starts_with("2.") {
            return Err(self.error(
                root.offset,
                format!("this is XLIFF {version:?}, not XLIFF 2.x"),
                "this reader reads XLIFF 2.0 and 2.x; an XLIFF 1.2 file is read as XLIFF 1.2",
            ));
        }
        if root.ns == Ns::Other {
            if root.prefixed || root.raw_attr("xmlns").is_some() {
                return Err(self.error(
                    root.offset,
                    "the <xliff> root is not in the XLIFF 2.0 namespace",
                    "write <xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" …>",
                ));
            }
            // No namespace at all: read it as XLIFF 2.0 all the same.
            self.lexer.core_unbound = true;
        }
        Ok(root)
    }

    /// Nothing but comments and whitespace may follow the root.
    fn after_root(&mut self) -> Result<(), Diagnostic> {
        loop {
            match self.lexer.next()? {
                Token::Eof => return Ok(()),
                Token::Text { text, .. } if text.trim().is_empty() => {}
                Token::Start(element) => {
                    return Err(self.error(
                        element.offset,
                        "invalid XML: a second root element",
                        "an XML file has one root element; remove what follows </xliff>",
                    ));
                }
                Token::Text { .. } | Token::End => {
                    return Err(self.error(
                        self.lexer.text.len(),
                        "invalid XML: text after the root element",
                        "remove what follows </xliff>",
                    ));
                }
            }
        }
    }

    /// The next child element of the current element (text between children is layout);
    /// `None` at its end.
    fn child(&mut self) -> Result<Option<Element>, Diagnostic> {
        loop {
            match self.lexer.next()? {
                Token::Start(element) => return Ok(Some(element)),
                Token::End => return Ok(None),
                Token::Text { .. } => {}
                Token::Eof => return Err(self.lexer.unexpected_end()),
            }
        }
    }

    /// The text of the current element up to its end (child elements are skipped).
    fn text(&mut self) -> Result<String, Diagnostic> {
        let mut text = String::new();
        loop {
            match self.lexer.next()? {
                Token::Text { text: more, .. } => text.push_str(&more),
                Token::Start(_) => self.lexer.skip()?,
                Token::End => return Ok(text),
                Token::Eof => return Err(self.lexer.unexpected_end()),
            }
        }
    }

    /// The units of a `<file>` or `<group>`, groups flattened.
    fn units(
        &mut self,
        file: &mut PacketFile,
        seen: &mut HashMap<String, usize>,
        tool: &mut Option<String>,
        preserve: bool,
    ) -> Result<(), Diagnostic> {
        while let Some(child) = self.child()? {
            match (child.ns, child.local.as_str()) {
                (Ns::Core, "unit") => {
                    let Some(unit) = self.unit(&child, space(&child, preserve))? else {
                        continue;
                    };
                    if let Some(first) = seen.get(&unit.id) {
                        let problem = self.error(
                            child.offset,
                            format!(
                                "unit `{}` appears twice in this file (first at line {first})",
                                unit.id
                            ),
                            "each message part has one unit; this one was skipped",
                        );
                        self.problems.push(problem);
                    } else {
                        seen.insert(unit.id.clone(), unit.line);
                        file.units.push(unit);
                    }
                }
                (Ns::Core, "group") => self.units(file, seen, tool, space(&child, preserve))?,
                (Ns::Mda, "metadata") => {
                    for (category, kind, value) in self.metadata()? {
                        if category.as_deref() == Some(META_CATEGORY) && kind == "tool" {
                            tool.get_or_insert(value);
                        }
                    }
                }
                _ => self.lexer.skip()?,
            }
        }
        Ok(())
    }

    fn unit(&mut self, element: &Element, preserve: bool) -> Result<Option<Unit>, Diagnostic> {
        let mut metas = Vec::new();
        let mut terms = None;
        let mut notes = Vec::new();
        let mut data = HashMap::new();
        let mut parts = Vec::new();
        let mut broken = false;
        while let Some(child) = self.child()? {
            match (child.ns, child.local.as_str()) {
                (Ns::Mda, "metadata") => metas.extend(self.metadata()?),
                (Ns::Gls, "glossary") => {
                    terms.get_or_insert_with(Vec::new).extend(self.glossary()?);
                }
                (Ns::Core, "notes") => notes.extend(self.notes()?),
                (Ns::Core, "originalData") => self.original_data(&mut data)?,
                (Ns::Core, "segment" | "ignorable") => match self.part(&child, preserve)? {
                    Some(part) => parts.push(part),
                    None => broken = true,
                },
                _ => self.lexer.skip()?,
            }
        }
        let name = element.attr("name").filter(|name| !name.is_empty());
        let id = match (name, element.attr("id")) {
            (Some(name), _) => name.to_owned(),
            (None, Some(id)) if !id.is_empty() => id_from_safe(id),
            _ => {
                let problem = self.error(
                    element.offset,
                    "a <unit> without an id",
                    "kurso cannot tell which message this is; the unit was skipped (give it back the id it was exported with)",
                );
                self.problems.push(problem);
                return Ok(None);
            }
        };
        if broken {
            return Ok(None);
        }
        if parts.iter().all(|part| part.ignorable) {
            let problem = self.error(
                element.offset,
                format!("unit `{id}` has no <segment>"),
                "a unit holds its text in a <segment>; the unit was skipped",
            );
            self.problems.push(problem);
            return Ok(None);
        }
        let resolve = |items: &[Item], problems: &mut Vec<Diagnostic>, lexer: &Lexer<'_>| {
            resolve(items, &data, problems, lexer)
        };
        let source_items: Vec<Item> = merge_text(
            parts
                .iter()
                .flat_map(|part| part.source.iter().cloned())
                .collect(),
        );
        let source = resolve(&source_items, &mut self.problems, &self.lexer);
        let (target, state) =
            join_target(&self.lexer, &mut self.problems, &id, element.offset, &parts);
        check_pairs(
            &self.lexer,
            &mut self.problems,
            &id,
            "source",
            &source_items,
        );
        if let Some(items) = &target {
            check_pairs(&self.lexer, &mut self.problems, &id, "target", items);
        }
        let target = target.map(|items| resolve(&items, &mut Vec::new(), &self.lexer));
        let kurso_meta = |kind: &str| {
            metas
                .iter()
                .find(|(category, k, _)| category.as_deref() == Some(META_CATEGORY) && k == kind)
                .map(|(_, _, value)| value.clone())
        };
        let mut previous_source = kurso_meta("previous-source");
        let mut unit_notes = Vec::new();
        for (category, text) in notes {
            let kind = match category.as_deref() {
                Some("location") => NoteKind::Location,
                Some("author" | "description") => NoteKind::Author,
                Some("stale") => NoteKind::Stale,
                Some("previous-source") => {
                    previous_source.get_or_insert(text);
                    continue;
                }
                Some("glossary") if terms.is_some() => continue,
                _ => NoteKind::General,
            };
            unit_notes.push(Note { kind, text });
        }
        let machine = state == State::Draft && parts.iter().any(|part| part.machine);
        Ok(Some(Unit {
            codes: codes(&source_items, &data),
            id,
            source,
            target,
            state,
            machine,
            notes: unit_notes,
            previous_source,
            base: kurso_meta("base"),
            terms: terms.unwrap_or_default(),
            changed_by: kurso_meta("changed-by"),
            changed_on: kurso_meta("changed-on"),
            line: self
                .lexer
                .lines
                .position(self.lexer.text, element.offset)
                .line,
        }))
    }

    fn part(&mut self, element: &Element, preserve: bool) -> Result<Option<Part>, Diagnostic> {
        let mut source = None;
        let mut target = None;
        while let Some(child) = self.child()? {
            if child.is(Ns::Core, "source") {
                let items = content(&mut self.lexer, space(&child, preserve), &mut self.problems)?;
                if source.replace(items).is_some() {
                    let problem = self
                        .error(
                            child.offset,
                            "a second <source> in one segment",
                            "a segment has one source; the first was kept",
                        )
                        .warning();
                    self.problems.push(problem);
                }
            } else if child.is(Ns::Core, "target") {
                let order = child.attr("order").and_then(|order| order.parse().ok());
                let items = content(&mut self.lexer, space(&child, preserve), &mut self.problems)?;
                target = Some((items, order));
            } else {
                self.lexer.skip()?;
            }
        }
        let Some(source) = source else {
            let problem = self.error(
                element.offset,
                format!("a <{}> without <source>", element.local),
                "every segment holds its English in <source>; the unit was skipped",
            );
            self.problems.push(problem);
            return Ok(None);
        };
        Ok(Some(Part {
            ignorable: element.local == "ignorable",
            state: element.attr("state").map(str::to_owned),
            machine: element.attr("subState") == Some(super::MACHINE_SUBSTATE),
            offset: element.offset,
            source,
            target,
        }))
    }

    /// `(category, text)` of each `<note>`.
    fn notes(&mut self) -> Result<Vec<(Option<String>, String)>, Diagnostic> {
        let mut notes = Vec::new();
        while let Some(child) = self.child()? {
            if child.is(Ns::Core, "note") {
                let category = child.attr("category").map(str::to_owned);
                notes.push((category, self.text()?));
            } else {
                self.lexer.skip()?;
            }
        }
        Ok(notes)
    }

    fn original_data(&mut self, data: &mut HashMap<String, String>) -> Result<(), Diagnostic> {
        while let Some(child) = self.child()? {
            if child.is(Ns::Core, "data") {
                let items = content(&mut self.lexer, true, &mut self.problems)?;
                let text = items
                    .into_iter()
                    .filter_map(|item| match item {
                        Item::Text(text) => Some(text),
                        Item::Code { .. } => None,
                    })
                    .collect();
                let key = child.attr("id").unwrap_or_default().to_owned();
                if data.insert(key.clone(), text).is_some() {
                    let problem = self
                        .error(
                            child.offset,
                            format!("two <data> elements have the id `{key}`"),
                            "each original in <originalData> needs its own id; the last one was kept",
                        )
                        .warning();
                    self.problems.push(problem);
                }
            } else {
                self.lexer.skip()?;
            }
        }
        Ok(())
    }

    /// `(category of the innermost group, type, text)` of every `<mda:meta>`.
    fn metadata(&mut self) -> Result<Vec<(Option<String>, String, String)>, Diagnostic> {
        let mut metas = Vec::new();
        self.meta_group(None, &mut metas)?;
        Ok(metas)
    }

    fn meta_group(
        &mut self,
        category: Option<&str>,
        metas: &mut Vec<(Option<String>, String, String)>,
    ) -> Result<(), Diagnostic> {
        while let Some(child) = self.child()? {
            if child.is(Ns::Mda, "metaGroup") {
                let inner = child.attr("category").or(category).map(str::to_owned);
                self.meta_group(inner.as_deref(), metas)?;
            } else if child.is(Ns::Mda, "meta") {
                let kind = child.attr("type").unwrap_or_default().to_owned();
                metas.push((category.map(str::to_owned), kind, self.text()?));
            } else {
                self.lexer.skip()?;
            }
        }
        Ok(())
    }

    fn glossary(&mut self) -> Result<Vec<TermHint>, Diagnostic> {
        let mut terms = Vec::new();
        while let Some(entry) = self.child()? {
            if !entry.is(Ns::Gls, "glossEntry") {
                self.lexer.skip()?;
                continue;
            }
            let mut term = TermHint {
                source: String::new(),
                approved: Vec::new(),
                forbidden: Vec::new(),
                do_not_translate: false,
                note: None,
            };
            let mut text_of_definition = None;
            while let Some(child) = self.child()? {
                match (child.ns, child.local.as_str()) {
                    (Ns::Gls, "term") => term.source = self.text()?,
                    (Ns::Gls, "translation") => term.approved.push(self.text()?),
                    (Ns::Gls, "definition") => text_of_definition = Some(self.text()?),
                    (Ns::Kurso, "forbidden") => term.forbidden.push(self.text()?),
                    (Ns::Kurso, "doNotTranslate") => {
                        term.do_not_translate = true;
                        self.lexer.skip()?;
                    }
                    _ => self.lexer.skip()?,
                }
            }
            term.note = text_of_definition.and_then(|text| {
                let Some(added) = definition(None, &term) else {
                    return Some(text);
                };
                if text == added {
                    return None;
                }
                Some(
                    text.strip_suffix(&added)
                        .and_then(|note| note.strip_suffix('\n'))
                        .map_or(text.clone(), str::to_owned),
                )
            });
            terms.push(term);
        }
        Ok(terms)
    }
}
