//! XLIFF 1.x text → Packet (see the parent module for what maps to what).
//!
//! The file is parsed into a tree (`tree`), checked to be `<xliff version="1.x">`, and every
//! `<trans-unit>` under each `<file>`'s `<body>` (inside `<group>`s at any depth) becomes a
//! [`Unit`]. A unit that cannot be read (no `id`, no `<source>`, an entity reference, an ID seen
//! before in its file) is reported and skipped; the others are still read.

use std::collections::{HashMap, HashSet};
use std::path::Path;

use super::content::{inlines, plain};
use super::tools::ToolContext;
use super::tree::{self, Element, XML_NS};
use super::{BASE_CONTEXT, XLIFF_NAMESPACES, notes, phase_date};
use crate::diagnostic::Diagnostic;
use crate::exchange::model::{Code, CodeKind, Inline, Note, Packet, PacketFile, State, Unit};
use crate::span::LineIndex;

/// Reads an XLIFF 1.0–1.2 file.
pub fn read(path: &Path, text: &str) -> Result<(Packet, Vec<Diagnostic>), Diagnostic> {
    let (root, mut diagnostics) = tree::parse(path, text)?;
    let version = root.attr("version").unwrap_or_default();
    if root.name != "xliff" {
        return Err(
            Diagnostic::error_at(
                path,
                text,
                root.offset,
                format!("not an XLIFF file: the root element is <{}>", root.name),
            )
            .with_help("an XLIFF 1.2 file starts with <xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">"),
        );
    }
    if !version.trim().starts_with("1.") || !XLIFF_NAMESPACES.contains(&root.ns.as_str()) {
        let help = if version.trim().starts_with('2') {
            "this is XLIFF 2; read it as XLIFF 2.0"
        } else {
            "kurso reads XLIFF 1.0, 1.1 and 1.2 here: the root needs version=\"1.2\""
        };
        return Err(Diagnostic::error_at(
            path,
            text,
            root.offset,
            format!("not an XLIFF 1.x file: <xliff version=\"{version}\">"),
        )
        .with_help(help));
    }
    let mut reader = Reader {
        path,
        text,
        lines: LineIndex::new(text),
        ns: root.ns.clone(),
        tools: ToolContext::new(&root),
        seen_tool: None,
        diagnostics: Vec::new(),
    };
    let mut packet = Packet::default();
    let root_preserve = space(&root, false);
    let ns = reader.ns.clone();
    for file in root.children_named(&ns, "file") {
        if packet.files.is_empty() {
            file.attr("source-language")
                .unwrap_or_default()
                .clone_into(&mut packet.source_locale);
            file.attr("target-language")
                .unwrap_or_default()
                .clone_into(&mut packet.target_locale);
            packet.tool = tool(file, &reader.ns);
        }
        let packet_file = reader.file(file, space(file, root_preserve));
        packet.files.push(packet_file);
    }
    if packet.tool.as_deref().is_none_or(|tool| tool == "kurso") && reader.seen_tool.is_some() {
        packet.tool = reader.seen_tool.map(str::to_owned);
    }
    diagnostics.append(&mut reader.diagnostics);
    Ok((packet, diagnostics))
}

/// Whether `xml:space="preserve"` is in effect on `element`, given its parent's.
fn space(element: &Element, inherited: bool) -> bool {
    match element.attr_ns(XML_NS, "space") {
        Some("preserve") => true,
        Some("default") => false,
        _ => inherited,
    }
}

/// The tool that wrote a file: its header's first `<tool tool-name>`, else `tool-id`.
fn tool(file: &Element, ns: &str) -> Option<String> {
    file.child(ns, "header")
        .and_then(|header| header.child(ns, "tool"))
        .and_then(|tool| tool.attr("tool-name").or_else(|| tool.attr("tool-id")))
        .or_else(|| file.attr("tool-id"))
        .map(str::to_owned)
}

struct Reader<'a> {
    path: &'a Path,
    text: &'a str,
    lines: LineIndex,
    /// The XLIFF namespace the file uses (empty when it declares none).
    ns: String,
    tools: ToolContext,
    /// The first tool whose status a unit carries (see `tools`).
    seen_tool: Option<&'static str>,
    diagnostics: Vec<Diagnostic>,
}

/// A `<phase>`: who and when.
type Phase = (Option<String>, Option<String>);

/// What the units of one `<file>` share.
struct FileContext {
    phases: HashMap<String, Phase>,
    /// How many units of the file carry each `resname`.
    resnames: HashMap<String, usize>,
}

fn count_resnames(group: &Element, ns: &str, counts: &mut HashMap<String, usize>) {
    for child in group.elements().filter(|child| child.ns == ns) {
        match child.name.as_str() {
            "group" => count_resnames(child, ns, counts),
            "trans-unit" => {
                if let Some(name) = child.attr("resname") {
                    *counts.entry(name.to_owned()).or_default() += 1;
                }
            }
            _ => {}
        }
    }
}

impl Reader<'_> {
    fn file(&mut self, file: &Element, preserve: bool) -> PacketFile {
        let ns = self.ns.clone();
        let phases = self.phases(file);
        let mut packet_file = PacketFile {
            original: file.attr("original").unwrap_or_default().to_owned(),
            units: Vec::new(),
        };
        let mut seen = HashSet::new();
        let mut resnames = HashMap::new();
        for body in file.children_named(&ns, "body") {
            count_resnames(body, &ns, &mut resnames);
        }
        let context = FileContext { phases, resnames };
        for body in file.children_named(&ns, "body") {
            self.group(body, preserve, &context, &mut seen, &mut packet_file.units);
        }
        packet_file
    }

    fn phases(&self, file: &Element) -> HashMap<String, Phase> {
        let ns = self.ns.as_str();
        let mut phases = HashMap::new();
        let groups = file
            .children_named(ns, "header")
            .flat_map(|header| header.children_named(ns, "phase-group"));
        for phase in groups.flat_map(|group| group.children_named(ns, "phase")) {
            let Some(name) = phase.attr("phase-name") else {
                continue;
            };
            let noted = phase
                .children_named(ns, "note")
                .find(|note| note.attr("from") == Some(phase_date::NOTE_FROM))
                .map(Element::text);
            let date = noted.or_else(|| phase.attr("date").map(phase_date::from_xsd));
            let by = phase.attr("contact-name").map(str::to_owned);
            phases.insert(name.to_owned(), (by, date));
        }
        phases
    }

    /// The units of a `<body>` or `<group>`, groups at any depth included.
    fn group(
        &mut self,
        group: &Element,
        preserve: bool,
        context: &FileContext,
        seen: &mut HashSet<String>,
        units: &mut Vec<Unit>,
    ) {
        let ns = self.ns.clone();
        for child in group.elements().filter(|child| child.ns == ns) {
            match child.name.as_str() {
                "group" => self.group(child, space(child, preserve), context, seen, units),
                "trans-unit" => {
                    if let Some(unit) = self.unit(child, space(child, preserve), context) {
                        if seen.insert(unit.id.clone()) {
                            units.push(unit);
                        } else {
                            self.error(
                                child.offset,
                                format!("unit `{}` appears twice in this file", unit.id),
                                "each unit ID may appear once per <file>; the second one is skipped",
                            );
                        }
                    }
                }
                _ => {}
            }
        }
    }

    fn unit(&mut self, element: &Element, preserve: bool, context: &FileContext) -> Option<Unit> {
        let ns = self.ns.clone();
        if element.bad {
            // The entity or attribute problem is already reported where it is.
            return None;
        }
        let id = element
            .attr("resname")
            .filter(|name| !name.is_empty() && context.resnames.get(*name) == Some(&1))
            .or_else(|| element.attr("id").filter(|id| !id.is_empty()));
        let Some(id) = id.map(str::to_owned) else {
            self.error(
                element.offset,
                "this <trans-unit> has no id",
                "give every trans-unit an id attribute (kurso's IDs look like `intro-title` or `dose[one]`); the unit is skipped",
            );
            return None;
        };
        let Some(source) = element.child(&ns, "source") else {
            self.error(
                element.offset,
                format!("unit `{id}` has no <source>"),
                "every trans-unit needs its <source>; the unit is skipped",
            );
            return None;
        };
        let source = inlines(source, space(source, preserve));
        let target = element
            .child(&ns, "target")
            .map(|target| (target, inlines(target, space(target, preserve))));
        // A target with no code and only whitespace is no translation (memoQ and Trados write an
        // empty one for an untranslated unit; MadCap a protected space), unless the English is
        // blank too.
        let has_target = target
            .as_ref()
            .is_some_and(|(_, inlines)| !blank(inlines) || blank(&source));
        let tool = self.tools.status(element, has_target);
        if let Some(tool) = &tool {
            self.seen_tool.get_or_insert(tool.tool);
        }
        let state = tool
            .as_ref()
            .and_then(|tool| tool.state)
            .unwrap_or_else(|| standard_state(element, target.as_ref().map(|t| t.0), has_target));
        let phase = target
            .as_ref()
            .and_then(|(target, _)| target.attr("phase-name"))
            .or_else(|| element.attr("phase-name"))
            .and_then(|name| context.phases.get(name));
        let (changed_by, changed_on) = match &tool {
            Some(tool) if tool.changed_by.is_some() || tool.changed_on.is_some() => {
                (tool.changed_by.clone(), tool.changed_on.clone())
            }
            _ => phase.cloned().unwrap_or_default(),
        };
        let machine = state == State::Draft
            && target.as_ref().is_some_and(|(target, _)| {
                matches!(
                    target.attr("state-qualifier"),
                    Some("mt-suggestion" | "leveraged-mt")
                )
            });
        let mut unit = Unit {
            id,
            machine,
            codes: codes(&source),
            source,
            target: target.filter(|_| has_target).map(|(_, inlines)| inlines),
            state,
            changed_by,
            changed_on,
            line: self.lines.position(self.text, element.offset).line,
            ..Unit::default()
        };
        for note in element.children_named(&ns, "note") {
            let text = plain(note, space(note, preserve));
            let from = note.attr("from");
            match from
                .filter(|from| *from == notes::GLOSSARY)
                .and_then(|_| notes::parse_term(&text))
            {
                Some(term) => unit.terms.push(term),
                None => unit.notes.push(Note {
                    kind: notes::kind(from),
                    text,
                }),
            }
        }
        unit.previous_source = element
            .children_named(&ns, "alt-trans")
            .find(|alt| alt.attr("alttranstype") == Some("previous-version"))
            .and_then(|alt| {
                let alt_preserve = space(alt, preserve);
                alt.child(&ns, "source")
                    .map(|source| plain(source, space(source, alt_preserve)))
            });
        unit.base = element
            .children_named(&ns, "context-group")
            .flat_map(|group| group.children_named(&ns, "context"))
            .find(|context| context.attr("context-type") == Some(BASE_CONTEXT))
            .map(|context| plain(context, false).trim().to_owned());
        Some(unit)
    }

    fn error(&mut self, offset: usize, message: impl Into<String>, help: &str) {
        self.diagnostics
            .push(Diagnostic::error_at(self.path, self.text, offset, message).with_help(help));
    }
}

/// The state XLIFF itself records: `state` (and `state-qualifier`) of the `<target>`, else
/// `approved="yes"`, else Translated when there is a target.
fn standard_state(unit: &Element, target: Option<&Element>, has_target: bool) -> State {
    if !has_target {
        return State::New;
    }
    let target = target.expect("has_target implies a <target>");
    let proposal = matches!(
        target.attr("state-qualifier"),
        Some(
            "mt-suggestion"
                | "leveraged-mt"
                | "tm-suggestion"
                | "leveraged-tm"
                | "fuzzy-match"
                | "exact-match"
                | "id-match"
                | "leveraged-inherited"
                | "leveraged-repository"
                | "leveraged-glossary"
        )
    );
    match target.attr("state").map(str::trim) {
        Some("new" | "needs-translation") if proposal => State::Draft,
        Some("new" | "needs-translation") => State::New,
        Some(
            "needs-review-translation"
            | "needs-review-l10n"
            | "needs-review-adaptation"
            | "needs-adaptation"
            | "needs-l10n",
        ) => State::Draft,
        Some("translated") => State::Translated,
        Some("signed-off" | "reviewed") => State::Reviewed,
        Some("final") => State::Final,
        _ if unit.attr("approved") == Some("yes") => State::Reviewed,
        _ => State::Translated,
    }
}

fn blank(inlines: &[Inline]) -> bool {
    inlines
        .iter()
        .all(|inline| matches!(inline, Inline::Text(text) if text.trim().is_empty()))
}

/// What each code of the source stands for, from the readable forms the file gives: a
/// standalone code's is its original; a pair's opening and closing are its two halves.
fn codes(source: &[Inline]) -> Vec<Code> {
    let mut codes: Vec<Code> = Vec::new();
    for inline in source {
        match inline {
            Inline::Ph {
                id,
                equiv: Some(equiv),
            } if !codes.iter().any(|code| code.id == *id) => codes.push(Code {
                id: id.clone(),
                kind: CodeKind::Standalone,
                original: equiv.clone(),
                closing: String::new(),
            }),
            Inline::Open {
                id,
                equiv: Some(equiv),
            } if !codes.iter().any(|code| code.id == *id) => codes.push(Code {
                id: id.clone(),
                kind: CodeKind::Paired,
                original: equiv.clone(),
                closing: String::new(),
            }),
            Inline::Close {
                id,
                equiv: Some(equiv),
            } => {
                if let Some(code) = codes
                    .iter_mut()
                    .find(|code| code.id == *id && code.kind == CodeKind::Paired)
                {
                    code.closing.clone_from(equiv);
                }
            }
            _ => {}
        }
    }
    codes
}
