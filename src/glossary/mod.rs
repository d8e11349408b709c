//! Terminology: concepts and their approved, admitted and forbidden terms per language,
//! loaded from TBX or CSV, and matched inflection-aware against translations.

pub mod coverage;
pub mod csv;
pub mod deepl_tsv;
pub mod matcher;
pub mod model;
pub mod morph;
pub mod normalize;
pub mod paradigm;
pub mod tbx;
pub mod tico;

use std::cell::OnceCell;
use std::path::Path;

pub use model::{Concept, Glossary, Origin, Provenance, Term, TermStatus};

use crate::diagnostic::Diagnostic;
use crate::fsx;
use crate::span::LineIndex;

/// Reads one glossary file by its extension (`.csv`, `.tbx`). Diagnostics name
/// `file:line:col`; a bad entry is skipped and the rest is read.
pub fn load_file(path: &Path, display: &Path) -> (Glossary, Vec<Diagnostic>) {
    let text = match fsx::read_to_string(path) {
        Ok(text) => text,
        Err(err) => {
            return (
                Glossary::default(),
                vec![Diagnostic::file_error(display, err.to_string())],
            );
        }
    };
    match path.extension().and_then(|e| e.to_str()) {
        Some("csv") if tico::looks_like(&text) => tico::parse(display, &text),
        Some("csv") => csv::parse(display, &text),
        Some("tbx") => tbx::parse(display, &text),
        _ => (
            Glossary::default(),
            vec![Diagnostic::file_error(
                display,
                "not a glossary: expected .csv or .tbx",
            )],
        ),
    }
}

/// Reads a glossary to import, whatever its extension, by what it holds: TBX (a file that
/// starts with markup, or names `<tbx` or `<martif` early on), a TICO-19 terminology (by its
/// header), else kurso's CSV.
pub fn import(path: &Path, display: &Path) -> (Glossary, Vec<Diagnostic>) {
    let text = match fsx::read_to_string(path) {
        Ok(text) => text,
        Err(err) => {
            return (
                Glossary::default(),
                vec![Diagnostic::file_error(display, err.to_string())],
            );
        }
    };
    let head: String = text.chars().take(4096).collect();
    if head.trim_start().starts_with('<') || head.contains("<tbx") || head.contains("<martif") {
        tbx::parse(display, &text)
    } else if tico::looks_like(&text) {
        tico::parse(display, &text)
    } else {
        csv::parse(display, &text)
    }
}

/// Every `.csv` and `.tbx` file directly in `dir`, sorted, merged in that order.
pub fn load_dir(dir: &Path, display: &Path) -> (Glossary, Vec<Diagnostic>) {
    let mut glossary = Glossary::default();
    let mut diagnostics = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return (glossary, diagnostics);
    };
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            path.is_file()
                && path
                    .extension()
                    .is_some_and(|ext| ext == "csv" || ext == "tbx")
        })
        .collect();
    files.sort();
    for file in files {
        let name = file
            .file_name()
            .map(|n| display.join(n))
            .unwrap_or_default();
        let (loaded, mut problems) = load_file(&file, &name);
        glossary.merge(loaded);
        diagnostics.append(&mut problems);
    }
    (glossary, diagnostics)
}

/// The text of one glossary file, for diagnostics at byte offsets: its line index is built at
/// the first problem and kept, so a file with many bad rows is scanned once, not once a row.
pub(crate) struct SourceText<'a> {
    pub path: &'a Path,
    pub text: &'a str,
    lines: OnceCell<LineIndex>,
}

impl<'a> SourceText<'a> {
    pub fn new(path: &'a Path, text: &'a str) -> Self {
        SourceText {
            path,
            text,
            lines: OnceCell::new(),
        }
    }

    /// An error at byte `offset` of the file.
    pub fn error(&self, offset: usize, message: impl Into<String>) -> Diagnostic {
        let lines = self.lines.get_or_init(|| LineIndex::new(self.text));
        Diagnostic::error_at_indexed(self.path, self.text, lines, offset, message)
    }
}

#[cfg(test)]
mod tests;
