//! Problems with the input (bad YAML, unknown directives, duplicate pinned IDs, …).
//!
//! A [`Diagnostic`] is data, not an `Err`: a stage collects them and goes on with the other
//! files, and the binary renders them and exits 2 when any is an error. Every diagnostic that
//! comes from a file names its path and, where known, a 1-based line and character column,
//! plus the source line for a caret snippet and a hint saying what to do. [`Diagnostic::render`]
//! draws them as rustc and cargo do, with annotate-snippets (shared with the human report).

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

impl Diagnostic {
    /// The diagnostic as rustc and cargo show theirs (annotate-snippets), ANSI-coloured when
    /// `color`:
    ///
    /// ```text
    /// error: unknown l10n directive `skp`
    ///  --> courses/a/01-x.md:3:12
    ///   |
    /// 3 | <!-- l10n: skp -->
    ///   |            ^
    ///   |
    ///   = help: known directives: skip, skip-start, skip-end, id=ID, note TEXT
    /// ```
    pub fn render(&self, color: bool) -> String {
        let level = match self.severity {
            Severity::Error => annotate_snippets::Level::ERROR,
            Severity::Warning => annotate_snippets::Level::WARNING,
        };
        let path = self.path.display().to_string();
        // A whole-file problem (or one about an argument: `--locale`) stays on one line,
        // `error: path: message`, as compilers print theirs.
        let title = match self.position {
            None if path.is_empty() => self.message.clone(),
            None => format!("{path}: {}", self.message),
            Some(_) => self.message.clone(),
        };
        let help: Vec<(&str, String)> = self
            .help
            .iter()
            .map(|help| ("help", without_controls(help, true)))
            .collect();
        Annotated {
            level,
            rule: None,
            title: &title,
            path: self.position.map_or("", |_| path.as_str()),
            position: self.position,
            line: self.source_line.as_deref(),
            notes: &help,
        }
        .render(color)
    }
}

impl fmt::Display for Diagnostic {
    /// [`Diagnostic::render`] without colour.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

/// A width no source line reaches, so annotate-snippets never shortens one.
const FULL_LINES: usize = 1 << 20;

/// One annotated message, rendered with annotate-snippets: a title (`error[rule]: …`), the
/// place (` --> path:line:col`), the source line with a caret under the column, and notes
/// (`= help: …`). Shared by diagnostics and the human report so both read alike.
///
/// Invariant: text from files (the title, the line, the notes) cannot send escape sequences
/// to a terminal: control characters other than newlines are shown as `\u{fffd}` (the line's
/// own are shown as symbols by annotate-snippets; notes are cleaned by the caller), so only
/// kurso's own styles colour output.
pub(crate) struct Annotated<'a> {
    pub level: annotate_snippets::Level<'static>,
    pub rule: Option<&'a str>,
    pub title: &'a str,
    /// The file, shown as ` --> path:line:col`; empty: no place line.
    pub path: &'a str,
    pub position: Option<Position>,
    /// The line `position` points into.
    pub line: Option<&'a str>,
    /// `(name, text)`: `= name: text`, continuation lines aligned under the text. The caller
    /// cleans the text ([`without_controls`]), so that it may add styles of its own.
    pub notes: &'a [(&'a str, String)],
}

impl Annotated<'_> {
    pub fn render(&self, color: bool) -> String {
        use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};
        let title = without_controls(self.title, false);
        let mut title = self.level.clone().primary_title(title);
        if let Some(rule) = self.rule {
            title = title.id(rule);
        }
        let mut group = match (self.position, self.line) {
            (Some(position), Some(line)) => {
                let mut line = line.trim_end_matches(['\n', '\r']).to_owned();
                // A column past the end of the line (an error at the end of the file) is
                // reached with spaces, so the caret and ` --> line:col` stay where it points.
                let before = position.column.saturating_sub(1);
                let short = before.saturating_sub(line.chars().count());
                line.extend(std::iter::repeat_n(' ', short));
                // The caret's byte offset for the 1-based character column.
                let offset = line
                    .char_indices()
                    .nth(before)
                    .map_or(line.len(), |(offset, _)| offset);
                title.element(
                    Snippet::source(line)
                        .line_start(position.line)
                        .path(self.path)
                        .annotation(AnnotationKind::Primary.span(offset..offset)),
                )
            }
            (Some(position), None) => title.element(
                Origin::path(self.path)
                    .line(position.line)
                    .char_column(position.column),
            ),
            (None, _) if self.path.is_empty() => Group::with_title(title),
            (None, _) => title.element(Origin::path(self.path)),
        };
        for (name, text) in self.notes {
            let level = if *name == "help" {
                Level::HELP
            } else {
                Level::NOTE.with_name(*name)
            };
            group = group.element(level.message(text.as_str()));
        }
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        // Source lines are shown whole, whatever the terminal's width: a cut line could hide
        // the dose a finding is about, and output must not depend on the terminal.
        renderer.term_width(FULL_LINES).render(&[group])
    }
}

/// `text` with control characters (and, unless `keep_newlines`, newlines) replaced by
/// U+FFFD, so untrusted text cannot drive the terminal.
pub(crate) fn without_controls(text: &str, keep_newlines: bool) -> String {
    text.chars()
        .map(|ch| {
            if ch.is_control() && !(keep_newlines && ch == '\n') {
                '\u{fffd}'
            } else {
                ch
            }
        })
        .collect()
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
            "error: unknown\n --> m.md:3:12\n  |\n3 | <!-- l10n: skp -->\n  |            ^\n  |\n  = help: use skip"
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

    #[test]
    fn position_without_a_line_still_names_line_and_column() {
        let mut diagnostic = Diagnostic::file_error(Path::new("x.md"), "bad").warning();
        diagnostic.position = Some(Position { line: 4, column: 2 });
        assert_eq!(diagnostic.to_string(), "warning: bad\n --> x.md:4:2");
    }

    #[test]
    fn colour_only_when_asked_and_never_from_the_input() {
        let source = "a\x1b[31mb = c\n";
        let diagnostic =
            Diagnostic::error_at(Path::new("m.ftl"), source, 9, "bad \x1b[2J").with_help("x\x07y");
        let plain = diagnostic.render(false);
        assert!(!plain.contains('\x1b'), "{plain:?}");
        assert!(plain.contains("bad \u{fffd}[2J"), "{plain}");
        assert!(plain.contains("= help: x\u{fffd}y"), "{plain}");
        let colored = diagnostic.render(true);
        assert!(colored.contains("\x1b["), "{colored:?}");
        assert!(
            !colored.contains("\x1b[2J") && !colored.contains("\x1b[31mb"),
            "{colored:?}"
        );
    }
}
