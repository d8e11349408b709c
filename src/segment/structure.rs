//! The Markdown structure of a module, and the translations that would change it.
//!
//! A module's *structure* is its pulldown-cmark event stream (the parser the build and the
//! segmenter use) without the text: every block and inline element opening and closing
//! (paragraphs, headings and their levels, lists, items, tables and cells, quotes, emphasis,
//! links, images), inline code, inline HTML, task boxes, footnote references and thematic
//! breaks; and the markers of each LiaScript quiz line in a paragraph or HTML block (the
//! kind of quiz, how many answers it offers, which are marked right), so a translation that
//! would add an answer or move the right one is caught like one that adds a list. Line
//! breaks and the text itself are not structure: a translation may wrap lines and says
//! different words. Link targets are the `markup` rule's business.
//!
//! [`ModuleStructure::breaking`] finds which translations change it. It splices them all into
//! the module and parses the result once: in the usual case the structure is the same and
//! that is all the work. Otherwise it bisects over the translations in document order to find
//! the first whose splice changes the structure, sets it aside, and repeats until the rest
//! builds the source's structure. So the cost is one parse per module when nothing is wrong,
//! and about `log2(n)` more per translation that breaks something.
//!
//! Invariant: splicing every translation that `breaking` does not return gives a module
//! whose structure equals the source's. `kurso build` uses it to fall back for those
//! messages; the `structure` rule of `kurso check` reports them.

use std::fmt;

use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};

use super::liascript::{QuizMarkers, QuizStyle, quiz_line};
use super::markdown::markdown_options;
use super::splice::{Replacement, splice};

/// One element of a module's structure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Open(Element),
    Close(Element),
    CodeSpan,
    InlineHtml,
    TaskBox,
    FootnoteReference,
    ThematicBreak,
    /// The markers of a LiaScript quiz line.
    Quiz(QuizMarkers),
}

/// A Markdown block or inline element.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Element {
    Paragraph,
    Heading(u8),
    BlockQuote,
    CodeBlock,
    HtmlBlock,
    /// `true` when ordered.
    List(bool),
    Item,
    FootnoteDefinition,
    Table,
    TableHead,
    TableRow,
    TableCell,
    /// A table cell with nothing in it (GFM fills a short row with these).
    EmptyTableCell,
    Emphasis,
    Strong,
    Strikethrough,
    Superscript,
    Subscript,
    Link,
    Image,
    /// Elements the kurso dialect does not enable (definition lists, metadata blocks).
    Other,
}

/// The first place where a translated module's structure differs from the source's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StructureChange {
    /// What the source has there (`None`: the translation adds something after its end).
    pub expected: Option<Mark>,
    /// What the translation has there (`None`: the translated module ends early).
    pub found: Option<Mark>,
}

/// The structure of one module's Markdown body, computed once and compared with every
/// locale's translations.
#[derive(Debug, Clone)]
pub struct ModuleStructure {
    body_start: usize,
    marks: Vec<Mark>,
}

impl ModuleStructure {
    /// The structure of `text` from byte `body_start` (after the front matter) on.
    pub fn new(text: &str, body_start: usize) -> ModuleStructure {
        ModuleStructure {
            body_start,
            marks: marks(&text[body_start..]),
        }
    }

    /// Which of `replacements` (for `text`, the source this structure was computed from)
    /// change the structure, by index into `replacements`, with the change each makes.
    /// Replacements before the body (front matter) are never returned.
    pub fn breaking(
        &self,
        text: &str,
        replacements: &[Replacement],
    ) -> Vec<(usize, StructureChange)> {
        let mut accepted: Vec<usize> = (0..replacements.len())
            .filter(|&index| replacements[index].span.start >= self.body_start)
            .collect();
        accepted.sort_by_key(|&index| replacements[index].span);
        let mut rejected = Vec::new();
        // A prefix of `accepted` known to keep the structure.
        let mut good = 0;
        while self.change(text, replacements, &accepted).is_some() {
            // Bisect: the prefix of `good` keeps the structure, the whole list does not.
            let (mut lo, mut hi) = (good, accepted.len());
            while hi - lo > 1 {
                let mid = lo + (hi - lo) / 2;
                if self.change(text, replacements, &accepted[..mid]).is_some() {
                    hi = mid;
                } else {
                    lo = mid;
                }
            }
            let culprit = accepted.remove(hi - 1);
            // Say what the culprit does on its own; if it only breaks together with the
            // translations before it, say what they do together.
            let change = self
                .change(text, replacements, &[culprit])
                .or_else(|| {
                    let mut together = accepted[..lo].to_vec();
                    together.push(culprit);
                    self.change(text, replacements, &together)
                })
                .expect("the prefix ending with the culprit changes the structure");
            rejected.push((culprit, change));
            good = lo;
        }
        rejected.sort_by_key(|(index, _)| *index);
        rejected
    }

    /// The first structural difference between the source and the source with `chosen`
    /// replacements (sorted by span) spliced in.
    fn change(
        &self,
        text: &str,
        replacements: &[Replacement],
        chosen: &[usize],
    ) -> Option<StructureChange> {
        if chosen.is_empty() {
            return None;
        }
        let built = splice(
            text,
            chosen
                .iter()
                .map(|&index| replacements[index].clone())
                .collect(),
        );
        first_difference(&self.marks, &marks(&built[self.body_start..]))
    }
}

/// The structure of a Markdown text.
pub fn marks(markdown: &str) -> Vec<Mark> {
    let mut marks: Vec<Mark> = Vec::new();
    let mut events_in_cell = 0;
    for (event, range) in Parser::new_ext(markdown, markdown_options()).into_offset_iter() {
        match &event {
            Event::Start(Tag::Paragraph) => {
                marks.push(Mark::Open(Element::Paragraph));
                marks.extend(quiz_marks(&markdown[range]));
                continue;
            }
            Event::Html(html) => marks.extend(quiz_marks(html)),
            Event::Start(Tag::TableCell) => events_in_cell = 0,
            Event::End(TagEnd::TableCell) if events_in_cell == 0 => {
                // A row that lost a cell still has as many cells: GFM fills it with empty
                // ones. So an empty cell is structure of its own.
                if let Some(open) = marks.last_mut() {
                    *open = Mark::Open(Element::EmptyTableCell);
                }
                marks.push(Mark::Close(Element::EmptyTableCell));
                continue;
            }
            _ => events_in_cell += 1,
        }
        marks.extend(mark(event));
    }
    marks
}

/// The quiz markers of the lines of a paragraph or HTML block, container prefixes (`> `,
/// indentation) left out as the segmenter leaves them.
fn quiz_marks(text: &str) -> impl Iterator<Item = Mark> + '_ {
    text.split('\n')
        .filter_map(|line| quiz_line(line.trim_start_matches(['>', ' ', '\t'])))
        .map(|quiz| Mark::Quiz(quiz.markers))
}

fn mark(event: Event<'_>) -> Option<Mark> {
    match event {
        Event::Start(tag) => Some(Mark::Open(element(&tag))),
        Event::End(end) => Some(Mark::Close(element_end(end))),
        Event::Code(_) => Some(Mark::CodeSpan),
        Event::InlineHtml(_) => Some(Mark::InlineHtml),
        Event::TaskListMarker(_) => Some(Mark::TaskBox),
        Event::FootnoteReference(_) => Some(Mark::FootnoteReference),
        Event::Rule => Some(Mark::ThematicBreak),
        Event::Text(_)
        | Event::Html(_)
        | Event::SoftBreak
        | Event::HardBreak
        | Event::InlineMath(_)
        | Event::DisplayMath(_) => None,
    }
}

fn first_difference(expected: &[Mark], found: &[Mark]) -> Option<StructureChange> {
    let at = expected
        .iter()
        .zip(found)
        .position(|(expected, found)| expected != found)
        .unwrap_or(expected.len().min(found.len()));
    let change = StructureChange {
        expected: expected.get(at).copied(),
        found: found.get(at).copied(),
    };
    (change.expected.is_some() || change.found.is_some()).then_some(change)
}

fn element(tag: &Tag<'_>) -> Element {
    match tag {
        Tag::Paragraph => Element::Paragraph,
        Tag::Heading { level, .. } => Element::Heading(level_number(*level)),
        Tag::BlockQuote(_) => Element::BlockQuote,
        Tag::CodeBlock(_) => Element::CodeBlock,
        Tag::HtmlBlock => Element::HtmlBlock,
        Tag::List(start) => Element::List(start.is_some()),
        Tag::Item => Element::Item,
        Tag::FootnoteDefinition(_) => Element::FootnoteDefinition,
        Tag::Table(_) => Element::Table,
        Tag::TableHead => Element::TableHead,
        Tag::TableRow => Element::TableRow,
        Tag::TableCell => Element::TableCell,
        Tag::Emphasis => Element::Emphasis,
        Tag::Strong => Element::Strong,
        Tag::Strikethrough => Element::Strikethrough,
        Tag::Superscript => Element::Superscript,
        Tag::Subscript => Element::Subscript,
        Tag::Link { .. } => Element::Link,
        Tag::Image { .. } => Element::Image,
        Tag::DefinitionList
        | Tag::DefinitionListTitle
        | Tag::DefinitionListDefinition
        | Tag::MetadataBlock(_) => Element::Other,
    }
}

fn element_end(end: TagEnd) -> Element {
    match end {
        TagEnd::Paragraph => Element::Paragraph,
        TagEnd::Heading(level) => Element::Heading(level_number(level)),
        TagEnd::BlockQuote(_) => Element::BlockQuote,
        TagEnd::CodeBlock => Element::CodeBlock,
        TagEnd::HtmlBlock => Element::HtmlBlock,
        TagEnd::List(ordered) => Element::List(ordered),
        TagEnd::Item => Element::Item,
        TagEnd::FootnoteDefinition => Element::FootnoteDefinition,
        TagEnd::Table => Element::Table,
        TagEnd::TableHead => Element::TableHead,
        TagEnd::TableRow => Element::TableRow,
        TagEnd::TableCell => Element::TableCell,
        TagEnd::Emphasis => Element::Emphasis,
        TagEnd::Strong => Element::Strong,
        TagEnd::Strikethrough => Element::Strikethrough,
        TagEnd::Superscript => Element::Superscript,
        TagEnd::Subscript => Element::Subscript,
        TagEnd::Link => Element::Link,
        TagEnd::Image => Element::Image,
        TagEnd::DefinitionList
        | TagEnd::DefinitionListTitle
        | TagEnd::DefinitionListDefinition
        | TagEnd::MetadataBlock(_) => Element::Other,
    }
}

fn level_number(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

impl fmt::Display for Element {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Element::Paragraph => f.write_str("a paragraph"),
            Element::Heading(level) => write!(f, "a level-{level} heading"),
            Element::BlockQuote => f.write_str("a block quote"),
            Element::CodeBlock => f.write_str("a code block"),
            Element::HtmlBlock => f.write_str("an HTML block"),
            Element::List(true) => f.write_str("a numbered list"),
            Element::List(false) => f.write_str("a bulleted list"),
            Element::Item => f.write_str("a list item"),
            Element::FootnoteDefinition => f.write_str("a footnote"),
            Element::Table => f.write_str("a table"),
            Element::TableHead => f.write_str("a table header"),
            Element::TableRow => f.write_str("a table row"),
            Element::TableCell => f.write_str("a table cell"),
            Element::EmptyTableCell => f.write_str("an empty table cell"),
            Element::Emphasis => f.write_str("emphasis"),
            Element::Strong => f.write_str("strong emphasis"),
            Element::Strikethrough => f.write_str("strikethrough"),
            Element::Superscript => f.write_str("superscript"),
            Element::Subscript => f.write_str("subscript"),
            Element::Link => f.write_str("a link"),
            Element::Image => f.write_str("an image"),
            Element::Other => f.write_str("a block kurso does not read"),
        }
    }
}

impl fmt::Display for Mark {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Mark::Open(element) => write!(f, "{element}"),
            Mark::Close(element) => write!(f, "the end of {element}"),
            Mark::CodeSpan => f.write_str("inline code"),
            Mark::InlineHtml => f.write_str("an HTML tag"),
            Mark::TaskBox => f.write_str("a task checkbox"),
            Mark::FootnoteReference => f.write_str("a footnote reference"),
            Mark::ThematicBreak => f.write_str("a horizontal rule"),
            Mark::Quiz(markers) => write!(f, "{markers}"),
        }
    }
}

impl fmt::Display for QuizMarkers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let right = self.right != 0;
        match self.style {
            QuizStyle::SingleChoice | QuizStyle::MultipleChoice => {
                let kind = if self.style == QuizStyle::SingleChoice {
                    "single"
                } else {
                    "multiple"
                };
                let marked = if right { "right" } else { "not right" };
                write!(f, "a {kind}-choice quiz option marked {marked}")
            }
            QuizStyle::Survey => f.write_str("a survey option"),
            QuizStyle::Hint => f.write_str("a quiz hint"),
            QuizStyle::TextAnswer if self.choices == 1 && !right => {
                f.write_str("a quiz answer to type")
            }
            QuizStyle::TextAnswer => {
                let marked: Vec<String> = (0..self.choices.min(64))
                    .filter(|index| self.right & (1 << index) != 0)
                    .map(|index| (index + 1).to_string())
                    .collect();
                let which = match marked.len() {
                    0 => "none".to_owned(),
                    1 => format!("answer {}", marked[0]),
                    _ => format!("answers {}", marked.join(", ")),
                };
                write!(
                    f,
                    "a quiz selection of {} answers with {which} marked right",
                    self.choices
                )
            }
        }
    }
}

impl fmt::Display for StructureChange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.expected, self.found) {
            (Some(expected), Some(found)) => {
                write!(
                    f,
                    "the built module has {found} where the English has {expected}"
                )
            }
            (Some(expected), None) => {
                write!(f, "the built module ends where the English has {expected}")
            }
            (None, Some(found)) => write!(f, "the built module has {found} after the English ends"),
            (None, None) => f.write_str("the structure is unchanged"),
        }
    }
}

#[cfg(test)]
mod tests;
