//! Problems with the input (bad YAML, unknown directives, duplicate pinned IDs, …).
//!
//! A [`Diagnostic`] is data, not an `Err`: a stage collects them and goes on with the other
//! files, and the binary renders them and exits 2 when any is an error. Every diagnostic that
//! comes from a file names its path and, where known, a 1-based line and character column,
//! plus the source line for a caret snippet and a hint saying what to do.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::span::{LineIndex, Position};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Warning,
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    pub severity: Severity,
    pub path: PathBuf,
    pub position: Option<Position>,
    /// The source line the position points into, for a caret snippet.
    pub source_line: Option<String>,
    pub message: String,
    /// What the user can do about it.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error about a whole file (unreadable, missing).
    pub fn file_error(path: &Path, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Error,
            path: path.to_path_buf(),
            position: None,
            source_line: None,
            message: message.into(),
            help: None,
        }
    }

    /// An error at byte `offset` of `source`, the text of `path`. Builds a [`LineIndex`] of
    /// `source` each time: a reader that may report many problems in one file builds the
    /// index once and calls [`Diagnostic::error_at_indexed`].
    pub fn error_at(path: &Path, source: &str, offset: usize, message: impl Into<String>) -> Self {
        Self::error_at_indexed(path, source, &LineIndex::new(source), offset, message)
    }

    /// An error at byte `offset` of `source`, the text of `path`, with `lines` the index of
    /// `source`: costs the length of the line, not of the file.
    pub fn error_at_indexed(
        path: &Path,
        source: &str,
        lines: &LineIndex,
        offset: usize,
        message: impl Into<String>,
    ) -> Self {
        let position = lines.position(source, offset);
        Diagnostic {
            severity: Severity::Error,
            path: path.to_path_buf(),
            position: Some(position),
            source_line: line_text(source, lines, position.line).map(str::to_owned),
            message: message.into(),
            help: None,
        }
    }

    /// An error at a known line and column of `source`, the text of `path`.
    pub fn error_at_position(
        path: &Path,
        source: &str,
        position: Position,
        message: impl Into<String>,
    ) -> Self {
        let source_line = source
            .lines()
            .nth(position.line.saturating_sub(1))
            .map(str::to_owned);
        Diagnostic {
            severity: Severity::Error,
            path: path.to_path_buf(),
            position: Some(position),
            source_line,
            message: message.into(),
            help: None,
        }
    }

    #[must_use]
    pub fn with_help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    #[must_use]
    pub fn warning(mut self) -> Self {
        self.severity = Severity::Warning;
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `path:line:col` (or just `path`), as editors and CI annotations expect.
    pub fn location(&self) -> String {
        match self.position {
            Some(Position { line, column }) => format!("{}:{line}:{column}", self.path.display()),
            None => self.path.display().to_string(),
        }
    }

    /// Sort key: path, then position, so output is deterministic.
    pub fn sort_key(&self) -> (PathBuf, Option<Position>, String) {
        (self.path.clone(), self.position, self.message.clone())
    }
}

/// The text of 1-based `line` of `source` as `str::lines` gives it: without its `\n` or
/// `\r\n`; `None` past the last line.
fn line_text<'a>(source: &'a str, lines: &LineIndex, line: usize) -> Option<&'a str> {
    let start = lines
        .line_start(line)
        .filter(|&start| start < source.len())?;
    let text = match lines.line_start(line + 1) {
        Some(next) => {
            let text = &source[start..next - 1];
            text.strip_suffix('\r').unwrap_or(text)
        }
        None => &source[start..],
    };
    Some(text)
}

impl fmt::Display for Diagnostic {
    /// ```text
    /// error: courses/a/01-x.md:3:1: unknown l10n directive `skp`
    ///   |
    /// 3 | <!-- l10n: skp -->
    ///   | ^
    ///   = help: known directives: skip, skip-start, skip-end, id=ID, note TEXT
    /// ```
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "{label}: {}: {}", self.location(), self.message)?;
        if let (Some(position), Some(line)) = (self.position, &self.source_line) {
            let number = position.line.to_string();
            let gutter = " ".repeat(number.len());
            let caret_pad: String = line
                .chars()
                .take(position.column.saturating_sub(1))
                .map(|ch| if ch == '\t' { '\t' } else { ' ' })
                .collect();
            write!(
                f,
                "\n{gutter} |\n{number} | {line}\n{gutter} | {caret_pad}^"
            )?;
        }
        if let Some(help) = &self.help {
            write!(f, "\n  = help: {help}")?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_location_snippet_caret_and_help() {
        let source = "# T\n\n<!-- l10n: skp -->\n";
        let offset = source.find("skp").expect("in source");
        let diagnostic = Diagnostic::error_at(Path::new("m.md"), source, offset, "unknown")
            .with_help("use skip");
        assert_eq!(
            diagnostic.to_string(),
            "error: m.md:3:12: unknown\n  |\n3 | <!-- l10n: skp -->\n  |            ^\n  = help: use skip"
        );
    }

    #[test]
    fn indexed_errors_show_the_line_that_str_lines_gives() {
        let texts = [
            "",
            "a",
            "\n",
            "a\n",
            "one\r\ntwo\r\n",
            "x\r",
            "é\n\nλ\r\r\nz",
            "a\rb\n\r",
        ];
        for text in texts {
            let lines = LineIndex::new(text);
            for offset in 0..=text.len() + 1 {
                let path = Path::new("g.csv");
                let position = lines.position(text, offset);
                // The reference: the line found by scanning the text from the start.
                let expected = Diagnostic::error_at_position(path, text, position, "m");
                let indexed = Diagnostic::error_at_indexed(path, text, &lines, offset, "m");
                assert_eq!(indexed, expected, "{text:?} at {offset}");
            }
        }
    }

    #[test]
    fn file_error_has_no_position() {
        let diagnostic = Diagnostic::file_error(Path::new("x.md"), "cannot read");
        assert_eq!(diagnostic.location(), "x.md");
        assert_eq!(diagnostic.to_string(), "error: x.md: cannot read");
    }
}
