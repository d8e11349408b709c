//! Byte ranges in a source file and their human positions.
//!
//! Invariant: a [`Span`] is a byte range into the exact text it was computed from; a
//! [`LineIndex`] turns a byte offset into a 1-based line and a 1-based column counted in
//! characters, which is what every diagnostic prints.

use std::ops::Range;

/// A half-open byte range `start..end` into one source text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }

    pub fn range(self) -> Range<usize> {
        self.start..self.end
    }

    #[must_use]
    pub fn shifted(self, by: usize) -> Self {
        Span::new(self.start + by, self.end + by)
    }
}

impl From<Range<usize>> for Span {
    fn from(range: Range<usize>) -> Self {
        Span::new(range.start, range.end)
    }
}

/// A 1-based line and column (column in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Start offsets of every line of a text, for offset → line:column lookups.
#[derive(Debug, Clone)]
pub struct LineIndex {
    line_starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(memchr_newlines(text).map(|newline| newline + 1));
        LineIndex { line_starts }
    }

    /// The 1-based line and character column of `offset` in `text` (the text this index was
    /// built from). Offsets past the end clamp to the end.
    pub fn position(&self, text: &str, offset: usize) -> Position {
        let offset = offset.min(text.len());
        let line_idx = self.line_starts.partition_point(|&start| start <= offset) - 1;
        let line_start = self.line_starts[line_idx];
        let column = text
            .get(line_start..offset)
            .map_or(offset - line_start, |prefix| prefix.chars().count());
        Position {
            line: line_idx + 1,
            column: column + 1,
        }
    }

    /// Byte offset where 1-based `line` starts.
    pub fn line_start(&self, line: usize) -> Option<usize> {
        self.line_starts.get(line.checked_sub(1)?).copied()
    }
}

fn memchr_newlines(text: &str) -> impl Iterator<Item = usize> + '_ {
    memchr::memchr_iter(b'\n', text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, offset: usize, expected: (usize, usize)) {
        let index = LineIndex::new(text);
        let position = index.position(text, offset);
        assert_eq!((position.line, position.column), expected);
    }

    #[test]
    fn first_character_is_line_one_column_one() {
        check("abc", 0, (1, 1));
    }

    #[test]
    fn offset_after_newline_starts_next_line() {
        check("ab\ncd", 3, (2, 1));
        check("ab\ncd", 4, (2, 2));
    }

    #[test]
    fn columns_count_characters_not_bytes() {
        // "δόση" is 4 characters, 8 bytes.
        check("δόση 5 mg", "δόση ".len(), (1, 6));
    }

    #[test]
    fn offset_past_end_clamps() {
        check("a\nb", 99, (2, 2));
    }
}
