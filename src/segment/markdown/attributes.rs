//! Pandoc attributes after images (`![](fig/x.svg){alt='Plot of …'}`, as Carpentries
//! Workbench lessons write alt text): the `alt` and `title` values are text, the rest of the
//! braces is markup.

use std::ops::Range;

use super::{RunImage, Walker};
use crate::segment::{Escape, SegmentKind};

impl Walker<'_> {
    /// If the run is images each followed by a Pandoc attribute block and nothing else, pushes
    /// the alt texts and titles (the attribute values and the images' own) and returns true.
    pub(super) fn image_attributes(&mut self, images: &[RunImage], range: &Range<usize>) -> bool {
        if images.is_empty() {
            return false;
        }
        let mut values: Vec<(SegmentKind, Range<usize>, char)> = Vec::new();
        let mut at = range.start;
        for image in images {
            if !self.source[at..image.range.start].trim().is_empty() {
                return false;
            }
            at = image.range.end;
            let Some(block) = attribute_block(self.source, at) else {
                continue;
            };
            values.extend(block.values);
            at = block.end;
        }
        if values.is_empty() || !self.source[at..range.end].trim().is_empty() {
            return false;
        }
        for image in images {
            if let Some(alt) = image.alt.clone().filter(|_| image.alt_has_letters) {
                self.push_segment(SegmentKind::ImageAlt, alt, Escape::Brackets);
            }
            if let Some(title) = image.title_span {
                let escape = match self.source[..title.start].chars().next_back() {
                    Some('(') => Escape::Every(')'),
                    Some(quote) => Escape::Every(quote),
                    None => Escape::Nothing,
                };
                if self.source[title.range()].chars().any(char::is_alphabetic) {
                    self.push_segment(SegmentKind::ImageTitle, title.range(), escape);
                }
            }
        }
        for (kind, value, quote) in values {
            if self.source[value.clone()].chars().any(char::is_alphabetic) {
                self.push_segment(kind, value, Escape::Every(quote));
            }
        }
        true
    }
}

struct AttributeBlock {
    /// (kind, value range, its quote).
    values: Vec<(SegmentKind, Range<usize>, char)>,
    end: usize,
}

/// A Pandoc attribute block `{#id .class key="value" key='value'}` starting at `at`.
fn attribute_block(source: &str, at: usize) -> Option<AttributeBlock> {
    let body = source[at..].strip_prefix('{')?;
    let mut values = Vec::new();
    let mut pos = 0;
    let bytes = body.as_bytes();
    loop {
        while pos < bytes.len() && bytes[pos].is_ascii_whitespace() {
            pos += 1;
        }
        match bytes.get(pos)? {
            b'}' => {
                return Some(AttributeBlock {
                    values,
                    end: at + 1 + pos + 1,
                });
            }
            b'#' | b'.' => {
                pos += 1;
                while pos < bytes.len() && !matches!(bytes[pos], b' ' | b'\t' | b'\n' | b'}') {
                    pos += 1;
                }
            }
            _ => {
                let key_start = pos;
                while pos < bytes.len()
                    && (bytes[pos].is_ascii_alphanumeric() || bytes[pos] == b'-')
                {
                    pos += 1;
                }
                let key = &body[key_start..pos];
                if key.is_empty() || bytes.get(pos) != Some(&b'=') {
                    return None;
                }
                pos += 1;
                let quote = *bytes.get(pos)?;
                if !matches!(quote, b'"' | b'\'') {
                    return None;
                }
                let value_start = pos + 1;
                let mut end = value_start;
                while end < bytes.len() && (bytes[end] != quote || bytes[end - 1] == b'\\') {
                    end += 1;
                }
                if end >= bytes.len() {
                    return None;
                }
                let kind = match key {
                    "alt" => Some(SegmentKind::ImageAlt),
                    "title" => Some(SegmentKind::ImageTitle),
                    _ => None,
                };
                if let Some(kind) = kind {
                    let start = at + 1 + value_start;
                    values.push((kind, start..at + 1 + end, char::from(quote)));
                }
                pos = end + 1;
            }
        }
    }
}
