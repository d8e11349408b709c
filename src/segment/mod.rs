//! Cutting a source file into translatable segments: one per Markdown block (heading,
//! paragraph, list item, table cell, quote paragraph, image alt text and title), one per
//! piece of text inside HTML blocks (`html.rs`), one per LiaScript quiz option, hint and
//! answer and per visible header field (`liascript.rs`), and one per translatable YAML value
//! (front matter, `course.yaml`).
//!
//! Invariant: a segment's `span` is the exact byte range of the source that holds its text,
//! and putting `text` back into `span` with [`splice`] reproduces the source byte for byte.
//! Code blocks, inline code on its own, URLs, HTML tags, quiz answer markers, data-only table
//! cells and protected markup (`protected.rs`: kramdown attributes, Liquid, LiaScript macro
//! calls) never become segments of their own.

mod directive;
mod front_matter;
mod html;
mod liascript;
mod markdown;
mod protected;
mod slug;
mod splice;
mod structure;
mod yaml;

pub use directive::{Directive, parse_directives};
pub use markdown::{markdown_options, segment_module};
pub use protected::{is_markup_only, protected_items, protected_ranges};
pub use slug::slugify;
pub use splice::{Replacement, place_translation, splice};
pub use structure::{Element, Mark, ModuleStructure, StructureChange};
pub use yaml::segment_yaml;

use crate::diagnostic::Diagnostic;
use crate::span::Span;

/// What kind of block a segment comes from; part of its derived ID.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SegmentKind {
    Heading,
    Paragraph,
    ListItem,
    TableHeader,
    TableCell,
    Quote,
    ImageAlt,
    ImageTitle,
    /// A YAML value (front matter or `course.yaml`).
    Field,
    /// An HTML `<summary>` (the visible line of a `<details>` box).
    Summary,
    /// A `title` or `aria-label` attribute of an HTML element.
    HtmlAttribute,
    /// The words of a quiz option (never its answer marker).
    QuizOption,
    /// A quiz hint (LiaScript `[[?]]`).
    QuizHint,
    /// An answer a learner types or picks (LiaScript `[[answer]]`, `[[a|(b)]]`).
    QuizAnswer,
    /// A visible field of a LiaScript course header (`title`, `comment`, …).
    Header,
}

impl SegmentKind {
    /// The part of a derived ID that names the kind (`consent-p2`, `consent-li1`).
    pub fn id_part(self) -> &'static str {
        match self {
            SegmentKind::Heading => "title",
            SegmentKind::Paragraph => "p",
            SegmentKind::ListItem => "li",
            SegmentKind::TableHeader => "th",
            SegmentKind::TableCell => "td",
            SegmentKind::Quote => "q",
            SegmentKind::ImageAlt => "alt",
            SegmentKind::ImageTitle => "img-title",
            SegmentKind::Field => "field",
            SegmentKind::Summary => "summary",
            SegmentKind::HtmlAttribute => "attr",
            SegmentKind::QuizOption => "opt",
            SegmentKind::QuizHint => "hint",
            SegmentKind::QuizAnswer => "answer",
            SegmentKind::Header => "header",
        }
    }
}

/// How a translation goes back into the source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Placement {
    /// Markdown inline content.
    Inline {
        /// Written before every line after the first (`> `, list indentation).
        continuation_prefix: String,
        /// Headings, table cells and image titles hold one line.
        single_line: bool,
        /// What must be backslash-escaped in a translation.
        escape: Escape,
    },
    /// A YAML scalar; a translation is written as a double-quoted scalar.
    Yaml,
}

/// Characters a translation cannot hold bare in its place, because they would end it or
/// change what it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Escape {
    /// Nothing (paragraphs, headings, list items, quotes: lines that would start a block are
    /// escaped anyway).
    Nothing,
    /// Every unescaped occurrence of the character: `|` in a table cell (GFM reads `\|` as
    /// a pipe even inside code), the quote closing an image title.
    Every(char),
    /// `[` and `]` outside code spans, in an image's alt text: a lone `[` would turn the
    /// image into a link, a lone `]` would end it.
    Brackets,
    /// The quote that delimits an HTML attribute value, written as a character reference
    /// (`&quot;`, `&#39;`).
    HtmlQuote(char),
}

/// An ID pinned with `<!-- l10n: id=… -->`, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pin {
    pub id: String,
    /// Byte offset of the directive in the file.
    pub offset: usize,
}

/// One translatable piece of a source file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub kind: SegmentKind,
    /// The message value: Markdown source with container prefixes removed, or a YAML value.
    pub text: String,
    /// The source bytes a translation replaces.
    pub span: Span,
    /// 1-based line of `span.start`.
    pub line: usize,
    /// Headings enclosing the block (or the YAML key path).
    pub context: Vec<String>,
    /// The readable ID this block would get if it were new.
    pub derived_id: String,
    pub pin: Option<Pin>,
    /// Notes for translators from `<!-- l10n: note … -->`.
    pub notes: Vec<String>,
    pub placement: Placement,
}

/// The segments of one file and the problems found while cutting it.
#[derive(Debug, Clone, Default)]
pub struct SegmentedFile {
    pub segments: Vec<Segment>,
    pub diagnostics: Vec<Diagnostic>,
    /// The module's title (front matter `title`), for comments and reports.
    pub title: Option<String>,
    /// Where the Markdown body starts, after the front matter (`None` for YAML files).
    pub markdown_start: Option<usize>,
}

impl SegmentedFile {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}
