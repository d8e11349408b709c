//! kurso's XLIFF 2.0 validates against the OASIS core XSD and the module XSDs
//! (`xmllint --schema tests/fixtures/xliff2/all-modules.xsd`, when xmllint is installed), and,
//! with or without xmllint, is well-formed and has the structure the XSD demands (checked here
//! with quick-xml: element order, required attributes, NMTOKEN ids, enumerations, references).

use std::collections::HashSet;
use std::process::Command;

use quick_xml::NsReader;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;

use super::*;
use crate::exchange::xliff2::{GLS_NS, KURSO_NS, MDA_NS, XLIFF_NS};

/// A parsed element: namespace, local name, unprefixed attributes, children.
#[derive(Debug)]
struct Node {
    ns: String,
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
    text: String,
}

impl Node {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    fn elements<'a>(&'a self, ns: &'a str, name: &'a str) -> impl Iterator<Item = &'a Node> {
        self.children
            .iter()
            .filter(move |child| child.ns == ns && child.name == name)
    }

    fn descendants(&self) -> Vec<&Node> {
        let mut all = vec![self];
        for child in &self.children {
            all.extend(child.descendants());
        }
        all
    }
}

/// Parses `text` into a tree; panics on anything not well-formed.
fn parse(text: &str) -> Node {
    let mut reader = NsReader::from_str(text);
    reader.config_mut().expand_empty_elements = true;
    let mut stack: Vec<Node> = Vec::new();
    loop {
        match reader.read_resolved_event().expect("well-formed XML") {
            (ns, Event::Start(start)) => {
                let ns = match ns {
                    ResolveResult::Bound(ns) => String::from_utf8_lossy(ns.as_ref()).into_owned(),
                    _ => String::new(),
                };
                let attrs = start
                    .attributes()
                    .map(|a| {
                        let a = a.expect("well-formed attribute");
                        let value = a
                            .normalized_value(quick_xml::XmlVersion::Explicit1_0)
                            .expect("known entities")
                            .into_owned();
                        (String::from_utf8_lossy(a.key.as_ref()).into_owned(), value)
                    })
                    .collect();
                stack.push(Node {
                    ns,
                    name: String::from_utf8_lossy(start.local_name().as_ref()).into_owned(),
                    attrs,
                    children: Vec::new(),
                    text: String::new(),
                });
            }
            (_, Event::End(_)) => {
                let node = stack.pop().expect("balanced");
                match stack.last_mut() {
                    Some(parent) => parent.children.push(node),
                    None => return node,
                }
            }
            (_, Event::Text(text)) => {
                if let Some(node) = stack.last_mut() {
                    node.text.push_str(&text.xml10_content().expect("UTF-8"));
                }
            }
            (_, Event::Eof) => panic!("the file ends inside an element"),
            _ => {}
        }
    }
}

/// An NMTOKEN as kurso writes them (ASCII name characters).
fn is_nmtoken(value: &str) -> bool {
    !value.is_empty()
        && value
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_' | ':'))
}

/// The XSD's structure rules for what kurso writes; returns what breaks them.
fn structure_problems(text: &str) -> Vec<String> {
    let root = parse(text);
    let mut problems = Vec::new();
    let mut check = |ok: bool, what: String| {
        if !ok {
            problems.push(what);
        }
    };
    check(root.ns == XLIFF_NS && root.name == "xliff", "root".into());
    check(root.attr("version") == Some("2.0"), "version".into());
    check(root.attr("srcLang").is_some(), "srcLang".into());
    let files: Vec<&Node> = root.elements(XLIFF_NS, "file").collect();
    check(
        !files.is_empty() && files.len() == root.children.len(),
        "files".into(),
    );
    for file in files {
        check(file.attr("id").is_some_and(is_nmtoken), "file id".into());
        let mut unit_ids = HashSet::new();
        let units: Vec<&Node> = file.elements(XLIFF_NS, "unit").collect();
        check(!units.is_empty(), "a file without units".into());
        for unit in units {
            let id = unit.attr("id").unwrap_or_default();
            check(
                is_nmtoken(id) && unit_ids.insert(id),
                format!("unit id {id}"),
            );
            // Order: other namespaces, notes?, originalData?, (segment | ignorable)+.
            let rank = |node: &Node| match (node.ns.as_str(), node.name.as_str()) {
                (XLIFF_NS, "notes") => 1,
                (XLIFF_NS, "originalData") => 2,
                (XLIFF_NS, "segment" | "ignorable") => 3,
                (XLIFF_NS, _) => 9,
                _ => 0,
            };
            let ranks: Vec<u8> = unit.children.iter().map(rank).collect();
            check(
                ranks.is_sorted() && ranks.last() == Some(&3) && !ranks.contains(&9),
                format!("order in unit {id}: {ranks:?}"),
            );
            let data: HashSet<&str> = unit
                .elements(XLIFF_NS, "originalData")
                .flat_map(|od| od.elements(XLIFF_NS, "data"))
                .filter_map(|d| d.attr("id"))
                .collect();
            for segment in unit.elements(XLIFF_NS, "segment") {
                let parts: Vec<&str> = segment.children.iter().map(|c| c.name.as_str()).collect();
                check(
                    parts == ["source"] || parts == ["source", "target"],
                    format!("segment of {id}: {parts:?}"),
                );
                let state = segment.attr("state").unwrap_or("initial");
                check(
                    ["initial", "translated", "reviewed", "final"].contains(&state),
                    format!("state {state}"),
                );
                if let Some(sub_state) = segment.attr("subState") {
                    let valid = sub_state.split_once(':').is_some_and(|(a, b)| {
                        !a.is_empty()
                            && !b.is_empty()
                            && !b.contains(':')
                            && !sub_state.contains(char::is_whitespace)
                    });
                    check(valid, format!("subState {sub_state}"));
                }
                for code in segment.descendants() {
                    if ["ph", "pc", "sc"].contains(&code.name.as_str()) {
                        check(
                            code.attr("id").is_some_and(is_nmtoken),
                            format!("code id in {id}"),
                        );
                    }
                    for key in ["dataRef", "dataRefStart", "dataRefEnd"] {
                        if let Some(reference) = code.attr(key) {
                            check(
                                data.contains(reference),
                                format!("{key}={reference} in {id}"),
                            );
                        }
                    }
                    if code.name == "ec" {
                        check(
                            code.attr("startRef").is_some() != code.attr("isolated").is_some(),
                            format!("ec in {id}"),
                        );
                    }
                }
            }
            for node in unit.descendants() {
                match (node.ns.as_str(), node.name.as_str()) {
                    (MDA_NS, "metadata" | "metaGroup") => {
                        check(!node.children.is_empty(), format!("empty mda in {id}"));
                    }
                    (MDA_NS, "meta") => check(
                        node.attr("type").is_some(),
                        format!("meta without type in {id}"),
                    ),
                    (GLS_NS, "glossEntry") => {
                        let names: Vec<&str> =
                            node.children.iter().map(|c| c.name.as_str()).collect();
                        check(
                            names.first() == Some(&"term"),
                            format!("glossEntry in {id}"),
                        );
                        check(
                            node.children
                                .iter()
                                .skip_while(|c| c.ns == GLS_NS)
                                .all(|c| c.ns == KURSO_NS),
                            format!("glossEntry order in {id}"),
                        );
                        check(
                            names.contains(&"translation") || names.contains(&"definition"),
                            format!("glossEntry needs a translation or definition in {id}"),
                        );
                    }
                    _ => {}
                }
            }
        }
    }
    problems
}

/// `xmllint --version` runs.
fn has_xmllint() -> bool {
    Command::new("xmllint")
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success())
}

/// xmllint's verdict on `text` against the core and module schemas: `Ok` or its messages.
fn xmllint(text: &str) -> Result<(), String> {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let file = dir.path().join("packet.xlf");
    crate::fsx::write_atomic(&file, text.as_bytes()).expect("written");
    let schema =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/xliff2/all-modules.xsd");
    let output = Command::new("xmllint")
        .args(["--noout", "--nonet", "--schema"])
        .arg(&schema)
        .arg(&file)
        .output()
        .expect("xmllint runs");
    if output.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).into_owned())
    }
}

#[test]
fn kursos_xliff_has_the_structure_the_schemas_demand() {
    let text = write(&sample_packet());
    assert_eq!(structure_problems(&text), Vec::<String>::new(), "{text}");
    if has_xmllint() {
        xmllint(&text).unwrap_or_else(|errors| panic!("{errors}\n--- file ---\n{text}"));
    }
}

#[test]
fn the_checks_catch_what_the_schemas_refuse() {
    let text = write(&sample_packet());
    for (from, to) in [
        ("state=\"translated\"", "state=\"new\""),
        ("<unit id=\"consent-p2\"", "<unit id=\"consent p2\""),
        ("subState=\"kurso:machine\"", "subState=\"machine\""),
        ("dataRef=\"d4\"", "dataRef=\"d9\""),
    ] {
        assert!(text.contains(from), "{from}");
        let broken = text.replacen(from, to, 1);
        assert!(!structure_problems(&broken).is_empty(), "{from} → {to}");
    }
    if has_xmllint() {
        let broken = text.replacen("state=\"translated\"", "state=\"new\"", 1);
        let errors = xmllint(&broken).expect_err("an invalid state");
        assert!(errors.contains("'new'"), "{errors}");
        let misplaced = text.replacen("<notes>", "<notes><x/>", 1);
        assert!(xmllint(&misplaced).is_err());
    }
}

#[test]
fn every_state_and_unit_shape_validates() {
    for state in [
        State::New,
        State::Draft,
        State::Translated,
        State::Reviewed,
        State::Final,
    ] {
        let mut packet = sample_packet();
        for unit in packet.files.iter_mut().flat_map(|file| &mut file.units) {
            unit.state = state;
        }
        let text = write(&packet);
        assert_eq!(structure_problems(&text), Vec::<String>::new(), "{state:?}");
        if has_xmllint() {
            xmllint(&text).unwrap_or_else(|errors| panic!("{state:?}: {errors}"));
        }
    }
}
