//! HTML blocks → segments: the pieces `html.rs` finds become messages in place; prose that
//! CommonMark swallowed into the block is read as Markdown (by the same walker, over its
//! range); the LiaScript header comment gives its visible fields and blocks.
//!
//! A block inside a quote or list has its container prefixes on every line: they are blanked
//! (same length, so offsets hold) before tokenizing, and its prose is taken as one paragraph
//! instead of being read again as Markdown.

use std::ops::Range;

use pulldown_cmark::Tag;

use super::Walker;
use super::text::is_data_cell;
use crate::segment::html::{HtmlPiece, TextElement, html_pieces};
use crate::segment::liascript::header;
use crate::segment::slug::slugify;
use crate::segment::{Escape, SegmentKind};

/// How deep prose inside HTML is read again as Markdown (prose that is itself one HTML tag
/// on a line would be read forever).
const MAX_NESTING: usize = 3;

impl Walker<'_> {
    /// The HTML block whose lines are in `html_lines` has ended.
    pub(super) fn html_block(&mut self) {
        let lines = std::mem::take(&mut self.html_lines);
        let (Some(first), Some(last)) = (lines.first(), lines.last()) else {
            return;
        };
        let block = first.start..last.end;
        let in_container = self.blocks.iter().any(|tag| {
            matches!(
                tag,
                Tag::BlockQuote(_) | Tag::Item | Tag::FootnoteDefinition(_)
            )
        });
        let mut text = self.source[block.clone()].to_owned();
        if in_container {
            // Blank the container prefixes between the lines (ASCII only: `>`, blanks).
            let mut bytes = std::mem::take(&mut text).into_bytes();
            for pair in lines.windows(2) {
                for at in pair[0].end..pair[1].start {
                    if bytes[at - block.start].is_ascii() && bytes[at - block.start] != b'\n' {
                        bytes[at - block.start] = b' ';
                    }
                }
            }
            text = String::from_utf8(bytes).expect("only ASCII bytes were replaced");
        }
        let pieces = html_pieces(&text);
        let shift = |range: &Range<usize>| range.start + block.start..range.end + block.start;
        let is_header_place = !self.seen_block && self.nesting == 0;
        self.seen_block = true;
        let has_text = pieces
            .iter()
            .any(|piece| !matches!(piece, HtmlPiece::Comment { .. }));
        if !has_text && !is_header_place {
            return;
        }
        let depth = self.blocks.len();
        if has_text {
            self.open_governed(depth);
        }
        let words: Vec<Range<usize>> = pieces
            .iter()
            .filter_map(|piece| match piece {
                HtmlPiece::Text { range, .. } | HtmlPiece::Prose { range } => Some(shift(range)),
                _ => None,
            })
            .collect();
        for piece in pieces {
            match piece {
                HtmlPiece::Text { range, element } => self.html_text(shift(&range), element),
                HtmlPiece::Prose { range } => self.html_prose(shift(&range), in_container),
                HtmlPiece::Attribute { range, name, quote } => {
                    let range = shift(&range);
                    let inside_words = words
                        .iter()
                        .any(|w| w.start <= range.start && range.end <= w.end);
                    if !inside_words && !self.skipping() {
                        let kind = if name == "alt" {
                            SegmentKind::ImageAlt
                        } else {
                            SegmentKind::HtmlAttribute
                        };
                        self.push_segment(kind, range, Escape::HtmlQuote(quote));
                    }
                }
                HtmlPiece::Comment { range } if is_header_place => {
                    self.liascript_header(shift(&range));
                }
                HtmlPiece::Comment { .. } => {}
            }
        }
        if has_text {
            self.close_governed(depth);
        }
    }

    fn html_text(&mut self, range: Range<usize>, element: TextElement) {
        let raw = &self.source[range.clone()];
        let kind = match element {
            TextElement::Heading(level) => {
                self.enter_heading_at(level, &visible(raw));
                SegmentKind::Heading
            }
            TextElement::Paragraph => SegmentKind::Paragraph,
            TextElement::ListItem => SegmentKind::ListItem,
            TextElement::TableCell => SegmentKind::TableCell,
            TextElement::TableHeader => SegmentKind::TableHeader,
            TextElement::Summary => SegmentKind::Summary,
        };
        if self.skipping() {
            return;
        }
        let is_cell = matches!(kind, SegmentKind::TableCell | SegmentKind::TableHeader);
        if is_cell && self.text_depth.is_none() && is_data_cell(&visible(raw)) {
            return;
        }
        if kind == SegmentKind::Paragraph && self.push_quiz_block(kind, &range) {
            return;
        }
        self.push_segment(kind, range, Escape::Nothing);
    }

    /// Prose directly inside a flow container: Markdown, read as such.
    fn html_prose(&mut self, range: Range<usize>, in_container: bool) {
        if in_container || self.nesting >= MAX_NESTING {
            self.html_text(range, TextElement::Paragraph);
            return;
        }
        self.nesting += 1;
        self.walk_range(range);
        self.nesting -= 1;
    }

    /// The opening comment of a LiaScript course: its visible fields and blocks.
    fn liascript_header(&mut self, comment: Range<usize>) {
        let Some(header) = header(&self.source[comment.clone()]) else {
            return;
        };
        if self.skipping() {
            return;
        }
        let saved_slug = std::mem::replace(&mut self.section_slug, "header".to_owned());
        for (key, range) in header.fields {
            let range = comment.start + range.start..comment.start + range.end;
            self.push_segment(SegmentKind::Header, range, Escape::Nothing);
            if let Some(segment) = self.segments.last_mut() {
                segment.derived_id = format!("header-{}", slugify(&key, "field"));
                segment.context = vec![format!("course header › {key}")];
            }
        }
        for (name, range) in header.blocks {
            self.section_slug = format!("header-{}", slugify(&name, "block"));
            self.nesting += 1;
            self.walk_range(comment.start + range.start..comment.start + range.end);
            self.nesting -= 1;
        }
        self.section_slug = saved_slug;
    }
}

/// What a reader sees of HTML text: without tags, whitespace collapsed.
fn visible(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => {
                in_tag = false;
                out.push(' ');
            }
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}
