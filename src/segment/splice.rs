//! Putting text back into a source file.
//!
//! [`place_translation`] turns a translated message into the bytes that go into a segment's
//! span: continuation lines get the container prefix (`> `, list indentation), characters
//! that would change the block structure are backslash-escaped, YAML values become
//! double-quoted scalars. A translation equal to the source text changes nothing, which is
//! why building the source locale reproduces the source byte for byte.

use std::fmt::Write as _;

use super::{Placement, Segment};
use crate::span::Span;

/// Text to put in place of `span`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replacement {
    pub span: Span,
    pub text: String,
}

/// Applies non-overlapping replacements to `source`.
pub fn splice(source: &str, mut replacements: Vec<Replacement>) -> String {
    replacements.sort_by_key(|replacement| replacement.span);
    let mut out = String::with_capacity(source.len() + source.len() / 4);
    let mut cursor = 0;
    for replacement in replacements {
        if replacement.span.start < cursor {
            debug_assert!(false, "overlapping replacement at {:?}", replacement.span);
            continue;
        }
        out.push_str(&source[cursor..replacement.span.start]);
        out.push_str(&replacement.text);
        cursor = replacement.span.end;
    }
    out.push_str(&source[cursor..]);
    out
}

/// The replacement for `segment` when its message is translated as `translation`, or
/// `None` when the translation is the source text (the source bytes stay as they are).
pub fn place_translation(segment: &Segment, translation: &str) -> Option<Replacement> {
    if translation == segment.text {
        return None;
    }
    let text = match &segment.placement {
        Placement::Yaml => yaml_double_quoted(translation),
        Placement::Inline {
            continuation_prefix,
            single_line,
            escape,
        } => place_markdown(translation, continuation_prefix, *single_line, *escape),
    };
    Some(Replacement {
        span: segment.span,
        text,
    })
}

fn place_markdown(
    translation: &str,
    continuation_prefix: &str,
    single_line: bool,
    escape: Option<char>,
) -> String {
    let mut text = if single_line {
        translation
            .split('\n')
            .map(str::trim)
            .collect::<Vec<_>>()
            .join(" ")
    } else {
        translation.to_owned()
    };
    if let Some(ch) = escape {
        text = escape_unescaped(&text, ch);
    }
    if single_line {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 16);
    for (line_idx, line) in text.split('\n').enumerate() {
        if line_idx > 0 {
            out.push('\n');
            out.push_str(continuation_prefix);
        }
        let line = if line_idx > 0 {
            line.trim_start()
        } else {
            line
        };
        match block_start_escape_at(line) {
            Some(at) => {
                out.push_str(&line[..at]);
                out.push('\\');
                out.push_str(&line[at..]);
            }
            None => out.push_str(line),
        }
    }
    out
}

/// Where to put a backslash so `line` does not start a new Markdown block (a heading, list
/// item, quote, fence, thematic break or setext underline) inside a paragraph.
fn block_start_escape_at(line: &str) -> Option<usize> {
    let trimmed = line.trim_start_matches(' ');
    let indent = line.len() - trimmed.len();
    let mut chars = trimmed.chars();
    let first = chars.next()?;
    let second = chars.next();
    let then_blank = second.is_none_or(|ch| ch == ' ' || ch == '\t');
    let all_same = trimmed
        .trim_end()
        .chars()
        .all(|ch| ch == first || ch == ' ');
    let starts_block = match first {
        '#' => {
            trimmed.trim_start_matches('#').starts_with([' ', '\t'])
                || trimmed.chars().all(|ch| ch == '#')
        }
        '>' => true,
        '-' | '+' | '*' => then_blank || all_same,
        '=' | '_' => all_same,
        '`' => trimmed.starts_with("```"),
        '~' => trimmed.starts_with("~~~"),
        _ => false,
    };
    if starts_block {
        return Some(indent);
    }
    // Ordered list marker: up to nine digits, then `.` or `)`, then a blank or the end.
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=9).contains(&digits) {
        let rest = &trimmed[digits..];
        if rest.starts_with(['.', ')'])
            && rest[1..]
                .chars()
                .next()
                .is_none_or(|ch| ch == ' ' || ch == '\t')
        {
            return Some(indent + digits);
        }
    }
    None
}

/// Backslash-escapes every `ch` not already escaped.
fn escape_unescaped(text: &str, ch: char) -> String {
    let mut out = String::with_capacity(text.len());
    let mut backslashes = 0;
    for current in text.chars() {
        if current == ch && backslashes % 2 == 0 {
            out.push('\\');
        }
        backslashes = if current == '\\' { backslashes + 1 } else { 0 };
        out.push(current);
    }
    out
}

/// A YAML double-quoted scalar holding exactly `text`.
fn yaml_double_quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            ch if ch.is_control() => {
                write!(out, "\\u{:04X}", u32::from(ch)).expect("writing to a String");
            }
            ch => out.push(ch),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check_markdown(translation: &str, prefix: &str, expected: &str) {
        assert_eq!(place_markdown(translation, prefix, false, None), expected);
    }

    #[test]
    fn continuation_lines_get_the_container_prefix() {
        check_markdown("πρώτη\nδεύτερη", "> ", "πρώτη\n> δεύτερη");
    }

    #[test]
    fn lines_that_would_start_a_block_are_escaped() {
        check_markdown("a\n- b", "", "a\n\\- b");
        check_markdown("a\n# b", "", "a\n\\# b");
        check_markdown("a\n2. b", "", "a\n2\\. b");
        check_markdown("a\n---", "", "a\n\\---");
        check_markdown("1) first", "", "1\\) first");
        check_markdown("> quoted", "", "\\> quoted");
    }

    #[test]
    fn ordinary_lines_are_left_alone() {
        check_markdown(
            "a\n-5 °C\n#hashtag\n*emphasis*\n2.5 mg",
            "",
            "a\n-5 °C\n#hashtag\n*emphasis*\n2.5 mg",
        );
    }

    #[test]
    fn single_line_placements_join_lines_and_escape() {
        assert_eq!(place_markdown("a | b\nc", "", true, Some('|')), "a \\| b c");
        assert_eq!(place_markdown("a \\| b", "", true, Some('|')), "a \\| b");
    }

    #[test]
    fn yaml_values_are_double_quoted() {
        assert_eq!(
            yaml_double_quoted("Τίτλος: \"x\"\n\\"),
            "\"Τίτλος: \\\"x\\\"\\n\\\\\""
        );
    }

    #[test]
    fn splice_replaces_spans_in_order() {
        let replacements = vec![
            Replacement {
                span: Span::new(6, 11),
                text: "κόσμε".into(),
            },
            Replacement {
                span: Span::new(0, 5),
                text: "Γεια".into(),
            },
        ];
        assert_eq!(splice("hello world!", replacements), "Γεια κόσμε!");
    }
}
