//! Reading `.ftl` files into messages, and writing the source files `kurso extract` owns.
//!
//! Invariant: reading never fails on content. Syntax errors become diagnostics with
//! `file:line:col` and the rest of the file is still read (fluent-syntax recovers at the next
//! entry), so one broken message never hides the others.

use std::path::Path;

use fluent_syntax::ast::Entry;
use fluent_syntax::parser::ParserError;

use super::escape::{escape_value, pattern_to_string};
use crate::diagnostic::Diagnostic;

/// Prefix of the resource comment listing IDs that must never be reused.
const RETIRED_PREFIX: &str = "retired:";
/// How many retired IDs one comment line lists.
const RETIRED_PER_LINE: usize = 6;

/// A message of a source file that `kurso extract` writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceMessage {
    pub id: String,
    pub value: String,
    /// Lines of the comment written above the message (without `# `).
    pub comment: Vec<String>,
}

/// A whole generated source file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SourceFtl {
    /// Lines of the resource comment at the top (without `### `).
    pub header: Vec<String>,
    pub messages: Vec<SourceMessage>,
    /// IDs that were used once and are retired, sorted.
    pub retired: Vec<String>,
}

/// Renders a source file: header and retired IDs as resource comments, then each message
/// with its comment, separated by blank lines. Deterministic for equal input.
pub fn render_source_ftl(ftl: &SourceFtl) -> String {
    let mut out = String::new();
    for line in &ftl.header {
        push_comment("###", line, &mut out);
    }
    for chunk in ftl.retired.chunks(RETIRED_PER_LINE) {
        push_comment(
            "###",
            &format!("{RETIRED_PREFIX} {}", chunk.join(" ")),
            &mut out,
        );
    }
    for message in &ftl.messages {
        if !out.is_empty() {
            out.push('\n');
        }
        for line in &message.comment {
            push_comment("#", line, &mut out);
        }
        out.push_str(&message.id);
        out.push_str(" =");
        out.push_str(&escape_value(&message.value));
        out.push('\n');
    }
    out
}

fn push_comment(sigil: &str, line: &str, out: &mut String) {
    out.push_str(sigil);
    if !line.is_empty() {
        out.push(' ');
        // A comment cannot hold a line break; keep it on one line.
        out.push_str(&line.replace(['\n', '\r'], " "));
    }
    out.push('\n');
}

/// A message read from an `.ftl` file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FtlMessage {
    pub id: String,
    /// The value as text, or the source of the first placeable course text cannot hold.
    pub value: Result<String, String>,
    /// Byte offset of the identifier in the file.
    pub offset: usize,
}

/// What [`parse_ftl`] read from one file.
#[derive(Debug, Clone, Default)]
pub struct FtlFile {
    pub messages: Vec<FtlMessage>,
    pub retired: Vec<String>,
    pub diagnostics: Vec<Diagnostic>,
}

impl FtlFile {
    pub fn get(&self, id: &str) -> Option<&FtlMessage> {
        self.messages.iter().find(|message| message.id == id)
    }
}

/// Parses `text` (the contents of `path`): messages in file order, retired IDs from the
/// resource comments, and a diagnostic for each syntax error and duplicate ID.
pub fn parse_ftl(path: &Path, text: &str) -> FtlFile {
    let (resource, errors) = match fluent_syntax::parser::parse(text) {
        Ok(resource) => (resource, Vec::new()),
        Err((resource, errors)) => (resource, errors),
    };
    let mut file = FtlFile::default();
    for error in errors {
        file.diagnostics.push(
            Diagnostic::error_at(
                path,
                text,
                error_offset(text, &error),
                format!("Fluent syntax error: {error}"),
            )
            .with_help("fix the syntax; the rest of the file is still read"),
        );
    }
    for entry in &resource.body {
        match entry {
            Entry::Message(message) => {
                let id = message.id.name;
                let offset = offset_in(text, id);
                if file.get(id).is_some() {
                    file.diagnostics.push(
                        Diagnostic::error_at(
                            path,
                            text,
                            offset,
                            format!("message `{id}` is defined twice"),
                        )
                        .with_help("remove one of them; the first one is used"),
                    );
                    continue;
                }
                let value = match &message.value {
                    Some(pattern) => pattern_to_string(pattern),
                    None => Ok(String::new()),
                };
                file.messages.push(FtlMessage {
                    id: id.to_owned(),
                    value,
                    offset,
                });
            }
            Entry::ResourceComment(comment) => {
                for line in &comment.content {
                    if let Some(ids) = line.trim().strip_prefix(RETIRED_PREFIX) {
                        file.retired
                            .extend(ids.split_whitespace().map(str::to_owned));
                    }
                }
            }
            _ => {}
        }
    }
    file
}

/// Where to point for a syntax error: the parser's position, unless the parser only noticed
/// the problem after the broken entry (an unclosed `{ $var` is reported at the next entry's
/// first character, lines further down): then the end of the broken entry's last line, where
/// the missing `}` belongs.
pub fn error_offset(text: &str, error: &ParserError) -> usize {
    let position = error.pos.start.min(text.len());
    match &error.slice {
        Some(junk) if position >= junk.end && junk.start < junk.end => {
            let junk_text = text.get(junk.start..junk.end.min(text.len())).unwrap_or("");
            junk.start + junk_text.trim_end().len()
        }
        _ => position,
    }
}

/// Byte offset of `slice` inside `text`; `slice` must borrow from `text`.
fn offset_in(text: &str, slice: &str) -> usize {
    (slice.as_ptr() as usize)
        .checked_sub(text.as_ptr() as usize)
        .filter(|&offset| offset <= text.len())
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(id: &str, value: &str, comment: &[&str]) -> SourceMessage {
        SourceMessage {
            id: id.into(),
            value: value.into(),
            comment: comment.iter().map(|&line| line.to_owned()).collect(),
        }
    }

    #[test]
    fn renders_header_retired_and_commented_messages() {
        let ftl = SourceFtl {
            header: vec!["Generated.".into()],
            messages: vec![
                message("consent-title", "Consent", &["01-x.md:3 · Consent"]),
                message("consent-p1", "Ask {first}.\nThen record.", &[]),
            ],
            retired: vec!["consent-p9".into()],
        };
        assert_eq!(
            render_source_ftl(&ftl),
            "### Generated.\n### retired: consent-p9\n\n# 01-x.md:3 · Consent\nconsent-title = Consent\n\nconsent-p1 =\n    Ask {\"{\"}first{\"}\"}.\n    Then record.\n"
        );
    }

    #[test]
    fn parse_reads_back_what_render_wrote() {
        let ftl = SourceFtl {
            header: vec!["h".into()],
            messages: vec![message("a", "x  \n*y*", &["c"]), message("b", "", &[])],
            retired: (1..=8).map(|n| format!("r{n}")).collect(),
        };
        let text = render_source_ftl(&ftl);
        let file = parse_ftl(Path::new("a.ftl"), &text);
        assert!(file.diagnostics.is_empty(), "{:?}", file.diagnostics);
        assert_eq!(file.retired, ftl.retired);
        let values: Vec<_> = file
            .messages
            .iter()
            .map(|m| (m.id.as_str(), m.value.clone()))
            .collect();
        assert_eq!(
            values,
            [("a", Ok("x  \n*y*".to_owned())), ("b", Ok(String::new()))]
        );
    }

    #[test]
    fn syntax_error_is_reported_with_position_and_other_messages_survive() {
        let text = "a = one\nb = { $\nc = three\n";
        let file = parse_ftl(Path::new("el/x.ftl"), text);
        let ids: Vec<_> = file.messages.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(ids, ["a", "c"]);
        assert_eq!(file.diagnostics.len(), 1);
        assert!(
            file.diagnostics[0].location().starts_with("el/x.ftl:2:"),
            "{}",
            file.diagnostics[0]
        );
    }

    #[test]
    fn unclosed_placeable_is_reported_on_its_own_line() {
        // The parser only notices the missing `}` at the next entry, two lines further down.
        let text = "a = one\n\n# note\nb = two { $broken\n\n# next\nc = three\n";
        let file = parse_ftl(Path::new("x.ftl"), text);
        assert_eq!(file.diagnostics.len(), 1);
        assert_eq!(file.diagnostics[0].location(), "x.ftl:4:18");
        let text = "a = one\nb = { -term\nc = three\n";
        let file = parse_ftl(Path::new("x.ftl"), text);
        assert_eq!(file.diagnostics[0].location(), "x.ftl:2:12");
    }

    #[test]
    fn error_inside_the_broken_entry_keeps_the_parser_position() {
        let text = "a = one\n%bad\nc = three\n";
        let file = parse_ftl(Path::new("x.ftl"), text);
        assert_eq!(file.diagnostics[0].location(), "x.ftl:2:1");
    }

    #[test]
    fn duplicate_ids_are_reported_and_first_wins() {
        let text = "a = one\na = two\n";
        let file = parse_ftl(Path::new("x.ftl"), text);
        assert_eq!(file.messages.len(), 1);
        assert_eq!(file.messages[0].value, Ok("one".to_owned()));
        assert_eq!(file.diagnostics[0].location(), "x.ftl:2:1");
    }

    #[test]
    fn variables_are_not_course_text() {
        let file = parse_ftl(Path::new("x.ftl"), "a = Hi { $name }\n");
        assert_eq!(file.messages[0].value, Err("{ $name }".to_owned()));
    }
}
