//! Cutting a source file into translatable segments: one per Markdown block (heading,
//! paragraph, list item, table cell, quote paragraph, image alt text and title) and one per
//! translatable YAML value (front matter, `course.yaml`).
//!
//! Invariant: a segment's `span` is the exact byte range of the source that holds its text,
//! and putting `text` back into `span` with [`splice`] reproduces the source byte for byte.
//! Code blocks, inline code on its own, URLs and HTML never become segments.

mod directive;
mod front_matter;
mod markdown;
mod slug;
mod splice;
mod yaml;

pub use directive::{Directive, parse_directives};
pub use markdown::{markdown_options, segment_module};
pub use slug::slugify;
pub use splice::{Replacement, place_translation, splice};
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
        /// A character that must be backslash-escaped in a translation (`|` in a table
        /// cell, the quote closing an image title).
        escape: Option<char>,
    },
    /// A YAML scalar; a translation is written as a double-quoted scalar.
    Yaml,
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
}

impl SegmentedFile {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}
