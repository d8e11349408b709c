//! The content of a `<source>`, `<target>` or `<note>` → [`Inline`]s.
//!
//! | element | inline |
//! |---|---|
//! | `<x/>` | `Ph`, readable form from `equiv-text` |
//! | `<ph>`, `<it>` | `Ph`, readable form from `equiv-text`, else the native code inside |
//! | `<g>…</g>` | `Open` … `Close`; kurso's `equiv-text="opening…closing"` splits at the last `…` |
//! | `<bx/>` … `<ex/>` | `Open` … `Close`, paired through `rid` (else `id`) |
//! | `<bpt>` … `<ept>` | `Open` … `Close`, paired through `rid` (else `id`); readable form from `equiv-text`, else the native code |
//! | `<mrk>` (any `mtype`: `seg`, `protected`, `x-…`) | its content, as if the `<mrk>` were not there |
//! | `<sub>` | part of its code's native text |
//! | elements of other namespaces | their content |
//!
//! A `Close` always carries the ID of the `Open` it pairs with, so `inline::to_masked` can pair
//! them; code IDs are otherwise returned as the file has them.
//!
//! Whitespace: where `xml:space="preserve"` is in effect (kurso writes it on every unit) text is
//! kept exactly. Elsewhere a pretty-printer may have indented the content, so a run of
//! whitespace holding a line break is dropped at either end and becomes one space inside (in a
//! note, only the ends are trimmed).
//! Between segment `<mrk>`s, whitespace with a line break is layout in any mode (a
//! pretty-printed Okapi file); Trados's single space between segments is kept.

use super::XLIFF_NAMESPACES;
use super::tree::{Element, Node};
use crate::exchange::model::Inline;

/// The inlines of `element`'s content. `preserve` says whether `xml:space="preserve"` is in
/// effect on it.
pub fn inlines(element: &Element, preserve: bool) -> Vec<Inline> {
    let mut reader = Content::default();
    reader.walk(element);
    let mut inlines = merge_text(reader.out);
    if !preserve {
        collapse_layout(&mut inlines);
    }
    inlines
}

/// The text of a note or of a previous English. Outside `xml:space="preserve"` only the layout
/// at its ends is dropped: a note's line breaks are its own (kurso's glossary notes are lines).
pub fn plain(element: &Element, preserve: bool) -> String {
    let mut reader = Content::default();
    reader.walk(element);
    let text = Inline::plain(&reader.out);
    if preserve {
        return text;
    }
    let layout = |run: &str| run.contains(['\n', '\r']);
    let start = text.len() - text.trim_start().len();
    let start = if layout(&text[..start]) { start } else { 0 };
    let end = text.trim_end().len().max(start);
    let end = if layout(&text[end..]) {
        end
    } else {
        text.len()
    };
    text[start..end].to_owned()
}

#[derive(Default)]
struct Content {
    out: Vec<Inline>,
    /// Open `<bpt>`/`<bx>` codes: (id, rid).
    open: Vec<(String, Option<String>)>,
}

impl Content {
    fn walk(&mut self, element: &Element) {
        let segmented = element
            .elements()
            .any(|child| child.name == "mrk" && child.attr("mtype") == Some("seg"));
        for node in &element.children {
            match node {
                Node::Text(text) => {
                    let layout = segmented && text.trim().is_empty() && text.contains(['\n', '\r']);
                    if !layout {
                        self.out.push(Inline::Text(text.clone()));
                    }
                }
                Node::Element(child) => self.element(child),
            }
        }
    }

    fn element(&mut self, element: &Element) {
        if !XLIFF_NAMESPACES.contains(&element.ns.as_str()) {
            self.walk(element);
            return;
        }
        let id = element.attr("id").unwrap_or_default().to_owned();
        let rid = element.attr("rid").map(str::to_owned);
        let equiv = element.attr("equiv-text").map(str::to_owned);
        let native = || equiv.clone().or_else(|| Some(element.text()));
        match element.name.as_str() {
            "x" => self.out.push(Inline::Ph { id, equiv }),
            "ph" | "it" => self.out.push(Inline::Ph {
                id,
                equiv: native(),
            }),
            "g" => {
                let (opening, closing) = split_equiv(equiv.as_deref());
                self.out.push(Inline::Open {
                    id: id.clone(),
                    equiv: opening,
                });
                self.walk(element);
                self.out.push(Inline::Close { id, equiv: closing });
            }
            "bx" => {
                self.open.push((id.clone(), rid));
                self.out.push(Inline::Open { id, equiv });
            }
            "bpt" => {
                self.open.push((id.clone(), rid));
                self.out.push(Inline::Open {
                    id,
                    equiv: native(),
                });
            }
            "ex" | "ept" => {
                let equiv = if element.name == "ex" {
                    equiv
                } else {
                    native()
                };
                let id = self.pair(&id, rid.as_deref());
                self.out.push(Inline::Close { id, equiv });
            }
            // Annotations (segments, protected text, terms) and unknown elements: their content.
            _ => self.walk(element),
        }
    }

    /// The ID of the open code an end code (`id`, `rid`) closes: the innermost with the same
    /// `rid`, else whose `id` is this `rid`, else whose `id` is this `id`.
    fn pair(&mut self, id: &str, rid: Option<&str>) -> String {
        let found = self
            .open
            .iter()
            .rposition(|(_, open_rid)| rid.is_some() && open_rid.as_deref() == rid)
            .or_else(|| {
                self.open
                    .iter()
                    .rposition(|(open_id, _)| Some(open_id.as_str()) == rid)
            })
            .or_else(|| self.open.iter().rposition(|(open_id, _)| open_id == id));
        match found {
            Some(index) => self.open.remove(index).0,
            None => rid.unwrap_or(id).to_owned(),
        }
    }
}

/// kurso's `<g equiv-text="opening…closing">` → the two readable forms; another tool's
/// `equiv-text` without `…` is the opening's.
fn split_equiv(equiv: Option<&str>) -> (Option<String>, Option<String>) {
    let nonempty = |s: &str| (!s.is_empty()).then(|| s.to_owned());
    match equiv {
        None => (None, None),
        Some(equiv) => match equiv.rsplit_once('…') {
            Some((opening, closing)) => (nonempty(opening), nonempty(closing)),
            None => (Some(equiv.to_owned()), None),
        },
    }
}

fn merge_text(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut merged: Vec<Inline> = Vec::with_capacity(inlines.len());
    for inline in inlines {
        match (merged.last_mut(), inline) {
            (_, Inline::Text(text)) if text.is_empty() => {}
            (Some(Inline::Text(previous)), Inline::Text(text)) => previous.push_str(&text),
            (_, inline) => merged.push(inline),
        }
    }
    merged
}

/// Outside `xml:space="preserve"`: layout whitespace (a run holding a line break) is dropped at
/// the ends of the content and becomes one space inside it.
fn collapse_layout(inlines: &mut Vec<Inline>) {
    let last = inlines.len().saturating_sub(1);
    for (index, inline) in inlines.iter_mut().enumerate() {
        let Inline::Text(text) = inline else { continue };
        let mut out = String::with_capacity(text.len());
        let mut rest = text.as_str();
        while let Some(start) = rest.find(char::is_whitespace) {
            out.push_str(&rest[..start]);
            let run_len = rest[start..]
                .find(|c: char| !c.is_whitespace())
                .unwrap_or(rest.len() - start);
            let run = &rest[start..start + run_len];
            let at_start = index == 0 && out.is_empty() && start == 0;
            let at_end = index == last && start + run_len == rest.len();
            if !run.contains(['\n', '\r']) {
                out.push_str(run);
            } else if !at_start && !at_end {
                out.push(' ');
            }
            rest = &rest[start + run_len..];
        }
        out.push_str(rest);
        *text = out;
    }
    inlines.retain(|inline| !matches!(inline, Inline::Text(text) if text.is_empty()));
}
