//! Splitting a module into its YAML front matter and its Markdown body.
//!
//! Front matter is a `---` line at the very start of the file, YAML, then a line holding
//! only `---` (or `...`). Anything else at the start is body.

use std::ops::Range;
use std::path::Path;

use crate::diagnostic::Diagnostic;

pub struct FrontMatter {
    /// Byte range of the YAML between the fences.
    pub yaml: Range<usize>,
    pub body_start: usize,
}

pub type LazyDiagnostic = fn(&Path, &str) -> Diagnostic;

/// Finds a `---` … `---` (or `...`) block at the very start of the file.
pub fn split_front_matter(source: &str) -> Result<Option<FrontMatter>, LazyDiagnostic> {
    let Some(first_line_end) = source.find('\n') else {
        return Ok(None);
    };
    if source[..first_line_end].trim_end() != "---" {
        return Ok(None);
    }
    let yaml_start = first_line_end + 1;
    let mut line_start = yaml_start;
    while line_start <= source.len() {
        let line_end = source[line_start..]
            .find('\n')
            .map_or(source.len(), |idx| line_start + idx);
        let line = source[line_start..line_end].trim_end();
        if line == "---" || line == "..." {
            return Ok(Some(FrontMatter {
                yaml: yaml_start..line_start,
                body_start: (line_end + 1).min(source.len()),
            }));
        }
        if line_end == source.len() {
            break;
        }
        line_start = line_end + 1;
    }
    Err(|path, source| {
        Diagnostic::error_at(path, source, 0, "front matter is not closed")
            .with_help("end the YAML front matter with a line holding only `---`")
    })
}
