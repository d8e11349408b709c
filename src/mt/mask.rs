//! Masking: what must not be translated becomes an XML placeholder before a segment is sent,
//! and is put back, verified, when it returns.
//!
//! - `<x id="N"/>` stands for an atom kept as is: a Fluent placeable (`{ $count }`), inline
//!   code, inline HTML, an autolink, a footnote reference, a collapsed reference link
//!   (`[label][]`, whose text is its label), protected markup (`segment::protected_ranges`:
//!   kramdown attributes, Liquid, LiaScript macro calls), a do-not-translate term.
//! - `<g id="N">…</g>` wraps text that is translated inside markup kept as is: a link or image
//!   (`[` … `](url)`, `[` … `][label]`), emphasis, strong, strikethrough.
//!
//! Everything else is the segment's own text, XML-escaped. Unmasking fails (the draft is not
//! written, a person looks at it) unless every placeholder comes back exactly once, `<g>`
//! elements nest as they did, and nothing else looks like a tag.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::ops::Range;
use std::sync::{Arc, Mutex, PoisonError};

use aho_corasick::AhoCorasick;
use fluent_syntax::ast;
use pulldown_cmark::{BrokenLink, CowStr, Event, LinkType, Parser, Tag};

use crate::check::doc::serialize_expression;

/// First private-use character standing for a Fluent placeable inside segment text.
const SENTINEL: u32 = 0xF0000;

/// A segment ready to send: its masked text and what the placeholders stand for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Masked {
    pub text: String,
    atoms: Vec<String>,
    /// Opening and closing source text of each `<g>`.
    groups: Vec<(String, String)>,
    /// Placeholder `id` is `slots[id - 1]`: an index into `atoms` or into `groups`.
    slots: Vec<Slot>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Slot {
    Atom(usize),
    Group(usize),
}

/// What a placeholder stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Part {
    Atom(String),
    Group(String, String),
}

/// Why a returned segment cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MaskError(pub String);

impl std::fmt::Display for MaskError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// The text of a Fluent pattern with each non-literal placeable replaced by a sentinel
/// character, and the placeables' Fluent source by sentinel.
pub fn pattern_text(pattern: &ast::Pattern<&str>) -> (String, Vec<String>) {
    let mut text = String::new();
    let mut placeables = Vec::new();
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => text.push_str(value),
            ast::PatternElement::Placeable {
                expression: ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }),
            } => text.push_str(&fluent_syntax::unicode::unescape_unicode_to_string(value)),
            ast::PatternElement::Placeable { expression } => {
                let index = u32::try_from(placeables.len()).unwrap_or(0);
                text.push(char::from_u32(SENTINEL + index).unwrap_or('\u{FFFD}'));
                placeables.push(format!("{{ {} }}", serialize_expression(expression)));
            }
        }
    }
    (text, placeables)
}

/// Masks `text` (Markdown, placeables as the sentinels of [`pattern_text`]), keeping each
/// of `do_not_translate` (exact, case-sensitive) as an atom wherever it is plain text.
pub fn mask(text: &str, do_not_translate: &[String]) -> Masked {
    let mut edits = markup_edits(text);
    // Outer before inner: by start, the longer first (a stable sort keeps the order of
    // equal ranges).
    edits.sort_by_key(|(r, _)| (r.start, usize::MAX - r.end));
    let mut out = Masked {
        text: String::with_capacity(text.len() + 16),
        atoms: Vec::new(),
        groups: Vec::new(),
        slots: Vec::new(),
    };
    let terms = Terms::new(do_not_translate);
    emit(text, 0..text.len(), &edits, &terms, &mut out);
    out
}

/// The inline markup of `text`: atoms kept whole, groups whose inner text is translated.
fn markup_edits(text: &str) -> Vec<(Range<usize>, Edit)> {
    let mut edits: Vec<(Range<usize>, Edit)> = Vec::new();
    let mut stack: Vec<(usize, Option<usize>, usize)> = Vec::new(); // start, first child, last child end
    // Reference links keep their label (defined elsewhere in the module) as markup.
    let references = |link: BrokenLink<'_>| {
        matches!(link.link_type, LinkType::Reference | LinkType::Collapsed)
            .then(|| (CowStr::from(link.reference.to_string()), CowStr::from("")))
    };
    let parser = Parser::new_with_broken_link_callback(
        text,
        crate::segment::markdown_options(),
        Some(references),
    )
    .into_offset_iter();
    // Collapsed references (`[label][]`) end whole, as atoms.
    let mut collapsed: Vec<usize> = Vec::new();
    for (event, range) in parser {
        if let Some(top) = stack.last_mut() {
            if top.1.is_none() && !matches!(event, Event::End(_)) {
                top.1 = Some(range.start);
            }
            if !matches!(event, Event::End(_)) {
                top.2 = top.2.max(range.end);
            }
        }
        match event {
            Event::Start(Tag::Link { link_type, .. }) => {
                if link_type == LinkType::CollapsedUnknown {
                    collapsed.push(range.start);
                }
                stack.push((range.start, None, range.start));
            }
            Event::Start(Tag::Image { .. } | Tag::Emphasis | Tag::Strong | Tag::Strikethrough) => {
                stack.push((range.start, None, range.start));
            }
            Event::End(end) if is_group_end(end) => {
                if let Some((start, first, last)) = stack.pop() {
                    match first {
                        Some(first) if first > start && last <= range.end && last >= first => {
                            edits.push((start..range.end, Edit::Group { inner: first..last }));
                        }
                        _ => edits.push((start..range.end, Edit::Atom)),
                    }
                    if let Some(parent) = stack.last_mut() {
                        parent.2 = parent.2.max(range.end);
                    }
                }
            }
            Event::Code(_)
            | Event::InlineHtml(_)
            | Event::Html(_)
            | Event::FootnoteReference(_) => {
                edits.push((range, Edit::Atom));
            }
            _ => {}
        }
    }
    // Autolinks are links whose text is the URL itself, collapsed references links whose text
    // is the label: keep them whole.
    for (range, edit) in &mut edits {
        let is_collapsed = collapsed.contains(&range.start);
        if matches!(edit, Edit::Group { .. })
            && (text[range.clone()].starts_with('<') || is_collapsed)
        {
            *edit = Edit::Atom;
        }
        if is_collapsed && text[range.end..].starts_with("[]") {
            range.end += 2;
        }
    }
    edits.extend(
        crate::segment::protected_ranges(text)
            .into_iter()
            .map(|range| (range, Edit::Atom)),
    );
    edits
}

#[derive(Debug, Clone)]
enum Edit {
    Atom,
    Group { inner: Range<usize> },
}

fn is_group_end(end: pulldown_cmark::TagEnd) -> bool {
    use pulldown_cmark::TagEnd;
    matches!(
        end,
        TagEnd::Link | TagEnd::Image | TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough
    )
}

/// Writes `range` of `text` into `out`, applying the outermost edits inside it. `edits` is
/// sorted by start (the longer first) and holds every edit that starts in `range` (and maybe
/// others, which are passed over): an edit written hides the edits that start inside it, which
/// are the ones right after it, so each edit is looked at once per level it is nested in.
fn emit(
    text: &str,
    range: Range<usize>,
    edits: &[(Range<usize>, Edit)],
    terms: &Terms,
    out: &mut Masked,
) {
    let mut at = range.start;
    let mut next = 0;
    while let Some((r, edit)) = edits.get(next) {
        next += 1;
        let inside = r.start >= range.start && r.end <= range.end && *r != range;
        if !inside || r.start < at {
            continue; // outside this range, or nested inside an edit already written
        }
        // The edits that start inside this one come right after it.
        let nested = next + edits[next..].partition_point(|(e, _)| e.start < r.end);
        plain(&text[at..r.start], terms, out);
        match edit {
            Edit::Atom => {
                let id = out.slots.len() + 1;
                out.slots.push(Slot::Atom(out.atoms.len()));
                out.atoms.push(text[r.clone()].to_owned());
                let _ = write!(out.text, "<x id=\"{id}\"/>");
            }
            Edit::Group { inner } => {
                let id = out.slots.len() + 1;
                out.slots.push(Slot::Group(out.groups.len()));
                out.groups.push((
                    text[r.start..inner.start].to_owned(),
                    text[inner.end..r.end].to_owned(),
                ));
                let _ = write!(out.text, "<g id=\"{id}\">");
                emit(text, inner.clone(), &edits[next..nested], terms, out);
                out.text.push_str("</g>");
            }
        }
        at = r.end;
        next = nested;
    }
    plain(&text[at..range.end], terms, out);
}

/// Do-not-translate terms, ready to be found in plain text.
struct Terms {
    /// Over the non-empty terms; `None` when there are none.
    finder: Option<Arc<AhoCorasick>>,
}

/// How many term lists' automata are kept (a run masks with one list per locale).
const KEPT_FINDERS: usize = 8;

impl Terms {
    /// The finder for `do_not_translate`, built once per distinct list and kept: a run masks
    /// thousands of messages with the same list, and building the automaton costs far more
    /// than masking one message.
    fn new(do_not_translate: &[String]) -> Terms {
        type Kept = Vec<(Vec<String>, Arc<AhoCorasick>)>;
        static KEPT: Mutex<Kept> = Mutex::new(Vec::new());
        let terms: Vec<&str> = do_not_translate
            .iter()
            .map(String::as_str)
            .filter(|t| !t.is_empty())
            .collect();
        if terms.is_empty() {
            return Terms { finder: None };
        }
        let same = |list: &[String]| list.iter().map(String::as_str).eq(terms.iter().copied());
        let mut kept = KEPT.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((_, finder)) = kept.iter().find(|(list, _)| same(list)) {
            return Terms {
                finder: Some(Arc::clone(finder)),
            };
        }
        let Ok(finder) = AhoCorasick::new(&terms) else {
            return Terms { finder: None };
        };
        let finder = Arc::new(finder);
        if kept.len() == KEPT_FINDERS {
            kept.remove(0);
        }
        kept.push((
            terms.iter().map(|&t| t.to_owned()).collect(),
            Arc::clone(&finder),
        ));
        Terms {
            finder: Some(finder),
        }
    }

    /// Every occurrence of a term in `text` (overlapping ones too), as (start, end, whether
    /// the characters before and after it are not letters or digits), sorted by start, the
    /// longer first.
    fn occurrences(&self, text: &str) -> Vec<Occurrence> {
        let Some(finder) = &self.finder else {
            return Vec::new();
        };
        let mut found: Vec<Occurrence> = finder
            .find_overlapping_iter(text)
            .map(|m| Occurrence {
                start: m.start(),
                end: m.end(),
                free_before: !text[..m.start()]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric),
                free_after: !text[m.end()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric),
            })
            .collect();
        found.sort_by_key(|o| (o.start, usize::MAX - o.end));
        found
    }
}

#[derive(Debug, Clone, Copy)]
struct Occurrence {
    start: usize,
    end: usize,
    free_before: bool,
    free_after: bool,
}

/// Plain text: sentinels and do-not-translate terms become atoms, the rest is XML-escaped.
///
/// A term counts where it is a whole word: not after or before a letter or digit, where the
/// start of `text` and the end of an atom just written count as a word boundary. At one
/// place the longest term wins; a sentinel wins over a term. One pass: the occurrences of
/// every term are found at once, and a cursor moves over them and over the sentinels.
fn plain(text: &str, terms: &Terms, out: &mut Masked) {
    let occurrences = terms.occurrences(text);
    let mut whole: Vec<&Occurrence> = occurrences
        .iter()
        .filter(|o| o.free_before && o.free_after)
        .collect();
    whole.reverse(); // popped from the end, the earliest first
    let mut here = 0; // the first occurrence not before `at`
    let mut at = 0;
    // The first sentinel not before `at`, searched for again only once passed.
    let mut sentinel = next_sentinel(text, at);
    while at < text.len() {
        if sentinel.is_some_and(|(s, _)| s < at) {
            sentinel = next_sentinel(text, at);
        }
        while occurrences.get(here).is_some_and(|o| o.start < at) {
            here += 1;
        }
        while whole.last().is_some_and(|o| o.start < at) {
            whole.pop();
        }
        // Right here, the start of what is left counts as a boundary; further on, a whole
        // word. The longest comes first either way.
        let term = occurrences[here..]
            .iter()
            .take_while(|o| o.start == at)
            .find(|o| o.free_after)
            .or(whole.last().copied())
            .map(|o| (o.start, o.end - o.start));
        let next = match (sentinel, term) {
            (Some((s, c)), Some((t, _))) if s <= t => Some((s, c.len_utf8())),
            (Some((s, c)), None) => Some((s, c.len_utf8())),
            (_, Some(term)) => Some(term),
            (None, None) => None,
        };
        let Some((start, len)) = next else {
            break;
        };
        escape_xml(&text[at..start], &mut out.text);
        let id = out.slots.len() + 1;
        out.slots.push(Slot::Atom(out.atoms.len()));
        out.atoms.push(text[start..start + len].to_owned());
        let _ = write!(out.text, "<x id=\"{id}\"/>");
        at = start + len;
    }
    escape_xml(&text[at..], &mut out.text);
}

/// The first placeable sentinel at or after byte `from` of `text`, and its position.
fn next_sentinel(text: &str, from: usize) -> Option<(usize, char)> {
    text[from..]
        .char_indices()
        .find(|(_, c)| is_sentinel(*c))
        .map(|(i, c)| (from + i, c))
}

/// The Fluent source of a value: `text` escaped like every value kurso writes, with the
/// placeables put back as placeables.
pub fn fluent_value(text: &str, placeables: &[String]) -> String {
    restore(&crate::fluent::escape_value(text), placeables)
}

/// The character that stands for placeable `index` in text from [`pattern_text`].
pub fn sentinel(index: usize) -> char {
    u32::try_from(index)
        .ok()
        .and_then(|index| char::from_u32(SENTINEL + index))
        .unwrap_or('\u{FFFD}')
}

fn is_sentinel(c: char) -> bool {
    (SENTINEL..SENTINEL + 0xFFFF).contains(&u32::from(c))
}

/// `text` with each placeable sentinel replaced by the placeable's Fluent source (for
/// display; [`fluent_value`] writes it into a file).
pub fn restore(text: &str, placeables: &[String]) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if is_sentinel(c) {
            let index = (u32::from(c) - SENTINEL) as usize;
            out.push_str(placeables.get(index).map_or("", String::as_str));
        } else {
            out.push(c);
        }
    }
    out
}

/// The inverse of [`restore`]: each occurrence of a placeable's Fluent source in `text`
/// becomes its sentinel again (for text a person wrote with the placeables as written, such
/// as a PO translation).
pub fn sentinels(text: &str, placeables: &[String]) -> String {
    let mut out = text.to_owned();
    for (index, placeable) in placeables.iter().enumerate() {
        let index = u32::try_from(index).unwrap_or(0);
        let sentinel = char::from_u32(SENTINEL + index).unwrap_or('\u{FFFD}');
        out = out.replace(placeable.as_str(), &sentinel.to_string());
    }
    out
}

/// `&`, `<` and `>` as XML entities: text between placeholders.
pub(crate) fn escape_xml(text: &str, out: &mut String) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            _ => out.push(c),
        }
    }
}

impl Masked {
    /// How many placeholders the masked text holds.
    pub fn placeholders(&self) -> usize {
        self.slots.len()
    }

    /// Puts the placeholders of `translated` back (placeables stay sentinels: see
    /// [`restore`] and [`fluent_value`]). Errors when a placeholder is missing,
    /// repeated, invented or badly nested, or the text holds other markup.
    pub fn unmask(&self, translated: &str) -> Result<String, MaskError> {
        let mut out = String::with_capacity(translated.len() + 32);
        let mut seen: HashMap<usize, usize> = HashMap::new();
        let mut open: Vec<usize> = Vec::new();
        let mut rest = translated;
        while let Some(lt) = rest.find('<') {
            out.push_str(&unescape_xml(&rest[..lt]));
            let gt = rest[lt..]
                .find('>')
                .ok_or_else(|| MaskError("an unclosed `<` in the translation".to_owned()))?
                + lt;
            let tag = &rest[lt + 1..gt];
            rest = &rest[gt + 1..];
            if tag == "/g" {
                let id = open
                    .pop()
                    .ok_or_else(|| MaskError("a `</g>` with no opening tag".to_owned()))?;
                out.push_str(&self.groups[self.group_index(id)?].1);
                continue;
            }
            let (name, id) = parse_tag(tag).ok_or_else(|| {
                MaskError(format!("unexpected markup `<{tag}>` in the translation"))
            })?;
            *seen.entry(id).or_default() += 1;
            if name == "x" {
                out.push_str(&self.atoms[self.atom_index(id)?]);
            } else {
                out.push_str(&self.groups[self.group_index(id)?].0);
                open.push(id);
            }
        }
        out.push_str(&unescape_xml(rest));
        if let Some(id) = open.last() {
            return Err(MaskError(format!(
                "placeholder {id} was opened but not closed"
            )));
        }
        let total = self.placeholders();
        for id in 1..=total {
            match seen.get(&id).copied().unwrap_or(0) {
                1 => {}
                0 => {
                    return Err(MaskError(format!(
                        "placeholder {id} is missing from the translation"
                    )));
                }
                n => return Err(MaskError(format!("placeholder {id} appears {n} times"))),
            }
        }
        Ok(out)
    }

    /// What placeholder `id` stands for: an atom's text, or a group's delimiters.
    pub fn part(&self, id: usize) -> Option<Part> {
        match self.slots.get(id.wrapping_sub(1))? {
            Slot::Atom(i) => Some(Part::Atom(self.atoms[*i].clone())),
            Slot::Group(i) => Some(Part::Group(
                self.groups[*i].0.clone(),
                self.groups[*i].1.clone(),
            )),
        }
    }

    fn atom_index(&self, id: usize) -> Result<usize, MaskError> {
        match self.slots.get(id.wrapping_sub(1)) {
            Some(Slot::Atom(i)) => Ok(*i),
            _ => Err(MaskError(format!(
                "placeholder `<x id=\"{id}\"/>` is not in the source"
            ))),
        }
    }

    fn group_index(&self, id: usize) -> Result<usize, MaskError> {
        match self.slots.get(id.wrapping_sub(1)) {
            Some(Slot::Group(i)) => Ok(*i),
            _ => Err(MaskError(format!(
                "placeholder `<g id=\"{id}\">` is not in the source"
            ))),
        }
    }
}

/// `x id="3"/` or `g id="3"` → ("x", 3).
fn parse_tag(tag: &str) -> Option<(&'static str, usize)> {
    let (name, rest) = if let Some(rest) = tag.strip_prefix("x ") {
        ("x", rest.trim_end().strip_suffix('/')?)
    } else {
        ("g", tag.strip_prefix("g ")?)
    };
    let value = rest.trim().strip_prefix("id=")?;
    let value = value.trim_matches(|c| c == '"' || c == '\'');
    Some((name, value.parse().ok()?))
}

/// The XML entities of masked text back to characters (a bare `&` stays).
pub(crate) fn unescape_xml(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        // The longest entity kurso reads is six bytes (`&quot;`): a `;` further on ends
        // no entity, so it is not looked for (a text of bare `&`s stays linear).
        let end = rest.as_bytes()[i..]
            .iter()
            .take(6)
            .position(|&b| b == b';')
            .map(|e| e + i);
        let entity = end.map(|e| &rest[i..=e]);
        let decoded = match entity {
            Some("&amp;") => "&",
            Some("&lt;") => "<",
            Some("&gt;") => ">",
            Some("&quot;") => "\"",
            Some("&apos;" | "&#39;") => "'",
            _ => {
                // A bare `&` (providers sometimes unescape): keep it.
                out.push('&');
                rest = &rest[i + 1..];
                continue;
            }
        };
        out.push_str(decoded);
        rest = &rest[end.unwrap_or(i) + 1..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests;
