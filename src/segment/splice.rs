//! Putting text back into a source file.
//!
//! [`place_translation`] turns a translated message into the bytes that go into a segment's
//! span: continuation lines get the container prefix (`> `, list indentation), characters
//! that would change the block structure are backslash-escaped (lines that would start a
//! block or a LiaScript quiz option, `|` in table cells, the pipes of a paragraph line above
//! a table delimiter row, brackets in alt text, the quote closing a title, a trailing
//! backslash that would escape the delimiter after the span), YAML values become
//! double-quoted scalars. What escaping cannot foresee, [`super::ModuleStructure`] finds. A translation equal to the source text changes nothing, which is
//! why building the source locale reproduces the source byte for byte.

use std::fmt::Write as _;

use std::ops::Range;

use pulldown_cmark::{Event, Parser};

use super::markdown::markdown_options;
use super::{Escape, Placement, Segment};
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
    escape: Escape,
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
    match escape {
        Escape::Nothing => {}
        Escape::Every(ch) => text = escape_unescaped(&text, &[ch], &[]),
        Escape::Brackets => text = escape_unescaped(&text, &['[', ']'], &code_spans(&text)),
        Escape::HtmlQuote(quote) => {
            let reference = if quote == '"' { "&quot;" } else { "&#39;" };
            return text.replace(quote, reference);
        }
    }
    if escape != Escape::Nothing && ends_with_lone_backslash(&text) {
        // `C:\` in a cell would escape the `|` after it, in alt text the `]`.
        text.push('\\');
    }
    if single_line {
        return text;
    }
    if escape == Escape::Nothing {
        text = without_table_header(&text);
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

/// A paragraph whose second line is a table delimiter row (`| --- | --- |`) is a table once
/// its first line has as many cells: the pipes of the first line are escaped so it stays a
/// paragraph (a broken table in the English, say, that a translation would repair).
fn without_table_header(text: &str) -> String {
    let mut lines = text.splitn(3, '\n');
    let (Some(first), Some(second)) = (lines.next(), lines.next()) else {
        return text.to_owned();
    };
    let delimiter = second.contains('-')
        && second.contains('|')
        && second
            .trim()
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'));
    if !delimiter || !first.contains('|') {
        return text.to_owned();
    }
    let escaped = escape_unescaped(first, &['|'], &code_spans(first));
    format!("{escaped}{}", &text[first.len()..])
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
    // A LiaScript quiz marker would make the line an answer option (and could make it the
    // right one).
    let quiz_marker = (trimmed.starts_with("[(") || trimmed.starts_with("[["))
        && super::liascript::quiz_line(trimmed).is_some();
    if starts_block || quiz_marker {
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

/// Backslash-escapes every character of `chars` not already escaped, except inside the
/// byte ranges `keep` (code spans, where a backslash is shown as it is).
fn escape_unescaped(text: &str, chars: &[char], keep: &[Range<usize>]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut backslashes = 0;
    for (at, current) in text.char_indices() {
        if chars.contains(&current)
            && backslashes % 2 == 0
            && !keep.iter().any(|range| range.contains(&at))
        {
            out.push('\\');
        }
        backslashes = if current == '\\' { backslashes + 1 } else { 0 };
        out.push(current);
    }
    out
}

/// Byte ranges of the code spans of `text`, as the build's parser reads them.
fn code_spans(text: &str) -> Vec<Range<usize>> {
    if !text.contains('`') {
        return Vec::new();
    }
    Parser::new_ext(text, markdown_options())
        .into_offset_iter()
        .filter(|(event, _)| matches!(event, Event::Code(_)))
        .map(|(_, range)| range)
        .collect()
}

/// Whether `text` ends with an odd number of backslashes (the last escapes what follows).
fn ends_with_lone_backslash(text: &str) -> bool {
    let trailing = text.len() - text.trim_end_matches('\\').len();
    trailing % 2 == 1
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
        assert_eq!(
            place_markdown(translation, prefix, false, Escape::Nothing),
            expected
        );
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
        check_markdown("[(X)] Giusto", "", "\\[(X)] Giusto");
        check_markdown("a\n[[ ]] b", "", "a\n\\[[ ]] b");
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
        assert_eq!(
            place_markdown("a | b\nc", "", true, Escape::Every('|')),
            "a \\| b c"
        );
        assert_eq!(
            place_markdown("a \\| b", "", true, Escape::Every('|')),
            "a \\| b"
        );
    }

    #[test]
    fn alt_text_brackets_are_escaped_outside_code() {
        let alt = |text| place_markdown(text, "", false, Escape::Brackets);
        assert_eq!(alt("[bozza Diagramma"), "\\[bozza Diagramma");
        assert_eq!(alt("Figura [1] ]"), "Figura \\[1\\] \\]");
        assert_eq!(alt("già \\[escaped\\]"), "già \\[escaped\\]");
        assert_eq!(alt("il tasto `[` e [x"), "il tasto `[` e \\[x");
    }

    #[test]
    fn a_trailing_backslash_cannot_escape_the_delimiter_after_it() {
        assert_eq!(
            place_markdown("C:\\", "", true, Escape::Every('|')),
            "C:\\\\"
        );
        assert_eq!(
            place_markdown("a\\\\", "", false, Escape::Brackets),
            "a\\\\"
        );
        // A paragraph ends before anything it could escape.
        assert_eq!(place_markdown("a\\", "", false, Escape::Nothing), "a\\");
    }

    #[test]
    fn a_paragraph_cannot_become_a_table() {
        check_markdown(
            "Ψ | id | name |\n| --- | --- | --- |\n| 1 | a |",
            "",
            "Ψ \\| id \\| name \\|\n| --- | --- | --- |\n| 1 | a |",
        );
        check_markdown("a | b\nc | d", "", "a | b\nc | d");
    }

    #[test]
    fn html_attribute_quotes_become_references() {
        assert_eq!(
            place_markdown(
                "Il \"flusso\"\ndi allerta",
                "",
                true,
                Escape::HtmlQuote('"')
            ),
            "Il &quot;flusso&quot; di allerta"
        );
        assert_eq!(
            place_markdown("l'allerta", "", true, Escape::HtmlQuote('\'')),
            "l&#39;allerta"
        );
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
