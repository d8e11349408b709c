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

    /// An error at byte `offset` of `source`, the text of `path`.
    pub fn error_at(path: &Path, source: &str, offset: usize, message: impl Into<String>) -> Self {
        let index = LineIndex::new(source);
        let position = index.position(source, offset);
        Self::error_at_position(path, source, position, message)
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
    fn file_error_has_no_position() {
        let diagnostic = Diagnostic::file_error(Path::new("x.md"), "cannot read");
        assert_eq!(diagnostic.location(), "x.md");
        assert_eq!(diagnostic.to_string(), "error: x.md: cannot read");
    }
}
