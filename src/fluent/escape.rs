//! Escaping arbitrary text (Markdown) as a Fluent message value, and back.
//!
//! Fluent gives meaning to `{` and `}` anywhere, to `[`, `*` and `.` at the start of an
//! indented line (variant keys, attributes), and drops leading and trailing blanks of a
//! pattern and of its lines. Each of those is written as a string-literal placeable
//! (`{"{"}`, `{"   "}`), which Fluent resolves back to the same characters. Everything else is
//! written as it is, so translators see plain Markdown.

use std::fmt::Write as _;

use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement};
use fluent_syntax::unicode::unescape_unicode_to_string;

/// Indentation of continuation lines in files kurso writes.
pub const INDENT: &str = "    ";

/// The text to write after `id =`: either ` value` on the same line, or a newline followed by
/// indented lines when the value spans several lines.
pub fn escape_value(text: &str) -> String {
    if text.is_empty() {
        return " {\"\"}".to_owned();
    }
    let multiline = text.contains('\n');
    let mut out = String::with_capacity(text.len() + 8);
    for (line_idx, line) in text.split('\n').enumerate() {
        if multiline {
            out.push('\n');
            out.push_str(INDENT);
        } else {
            out.push(' ');
        }
        escape_line(line, multiline, &mut out);
        debug_assert!(line_idx == 0 || multiline);
    }
    out
}

fn escape_line(line: &str, block: bool, out: &mut String) {
    if line.is_empty() {
        out.push_str("{\"\"}");
        return;
    }
    let body = line.trim_start_matches(' ');
    let leading = &line[..line.len() - body.len()];
    if !leading.is_empty() {
        push_literal(leading, out);
    }
    let core = body.trim_end_matches(' ');
    let trailing = &body[core.len()..];
    for (char_idx, ch) in core.chars().enumerate() {
        let starts_line = char_idx == 0 && leading.is_empty();
        match ch {
            '{' | '}' | '\r' => push_literal(ch.encode_utf8(&mut [0; 4]), out),
            '[' | '*' | '.' if starts_line && block => {
                push_literal(ch.encode_utf8(&mut [0; 4]), out);
            }
            _ => out.push(ch),
        }
    }
    if !trailing.is_empty() {
        push_literal(trailing, out);
    }
}

/// Writes `{"…"}` with Fluent's string-literal escapes.
fn push_literal(text: &str, out: &mut String) {
    out.push_str("{\"");
    for ch in text.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            ch if ch.is_control() => {
                write!(out, "\\u{:04X}", u32::from(ch)).expect("writing to a String");
            }
            ch => out.push(ch),
        }
    }
    out.push_str("\"}");
}

/// The text of a parsed pattern: text elements as they are, string and number literal
/// placeables resolved. Any other placeable (a variable, a message or term reference, a
/// select expression) has no meaning in course text; its source is returned as the error.
pub fn pattern_to_string<S: AsRef<str>>(pattern: &Pattern<S>) -> Result<String, String> {
    let mut text = String::new();
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => text.push_str(value.as_ref()),
            PatternElement::Placeable { expression } => match expression {
                Expression::Inline(InlineExpression::StringLiteral { value }) => {
                    text.push_str(&unescape_unicode_to_string(value.as_ref()));
                }
                Expression::Inline(InlineExpression::NumberLiteral { value }) => {
                    text.push_str(value.as_ref());
                }
                Expression::Inline(InlineExpression::VariableReference { id }) => {
                    return Err(format!("{{ ${} }}", id.name.as_ref()));
                }
                Expression::Inline(InlineExpression::TermReference { id, .. }) => {
                    return Err(format!("{{ -{} }}", id.name.as_ref()));
                }
                Expression::Inline(InlineExpression::MessageReference { id, .. }) => {
                    return Err(format!("{{ {} }}", id.name.as_ref()));
                }
                Expression::Inline(InlineExpression::FunctionReference { id, .. }) => {
                    return Err(format!("{{ {}(…) }}", id.name.as_ref()));
                }
                Expression::Inline(InlineExpression::Placeable { .. }) => {
                    return Err("{ { … } }".to_owned());
                }
                Expression::Select { .. } => return Err("{ … -> … }".to_owned()),
            },
        }
    }
    Ok(text)
}

/// Whether `id` is a valid Fluent message identifier (`[a-zA-Z][a-zA-Z0-9_-]*`).
pub fn is_identifier(id: &str) -> bool {
    let mut chars = id.chars();
    chars
        .next()
        .is_some_and(|first| first.is_ascii_alphabetic())
        && chars.all(|ch| ch.is_ascii_alphanumeric() || ch == '-' || ch == '_')
}

#[cfg(test)]
mod tests {
    use fluent_syntax::ast::Entry;
    use proptest::prelude::*;

    use super::*;

    /// Writes `text` as message `k`, parses it with fluent-syntax and reads the value back.
    fn round_trip(text: &str) -> String {
        let ftl = format!("k ={}\n", escape_value(text));
        let resource = fluent_syntax::parser::parse(ftl.as_str())
            .unwrap_or_else(|(_, errors)| panic!("{ftl:?} does not parse: {errors:?}"));
        let [Entry::Message(message)] = resource.body.as_slice() else {
            panic!("{ftl:?} is not one message: {:?}", resource.body);
        };
        let pattern = message.value.as_ref().expect("message has a value");
        pattern_to_string(pattern).expect("only literals")
    }

    #[track_caller]
    fn check(text: &str, expected_ftl: &str) {
        assert_eq!(format!("k ={}", escape_value(text)), expected_ftl);
        assert_eq!(round_trip(text), text);
    }

    #[test]
    fn plain_text_is_written_as_is() {
        check("Give **paracetamol 1 g**.", "k = Give **paracetamol 1 g**.");
    }

    #[test]
    fn braces_are_literals() {
        check("Dear {patient_name}", "k = Dear {\"{\"}patient_name{\"}\"}");
    }

    #[test]
    fn multiline_values_are_indented_blocks() {
        check("line one\nline two", "k =\n    line one\n    line two");
    }

    #[test]
    fn syntax_characters_at_line_start_are_escaped() {
        check(
            "a\n*b* c\n[link](u)\n.5 mg",
            "k =\n    a\n    {\"*\"}b* c\n    {\"[\"}link](u)\n    {\".\"}5 mg",
        );
    }

    #[test]
    fn hard_break_trailing_spaces_survive() {
        check("first  \nsecond", "k =\n    first{\"  \"}\n    second");
    }

    #[test]
    fn leading_spaces_and_empty_values_survive() {
        check("  indented", "k = {\"  \"}indented");
        check("", "k = {\"\"}");
        check("a\n\nb", "k =\n    a\n    {\"\"}\n    b");
    }

    #[test]
    fn quotes_backslashes_and_carriage_returns_survive() {
        check("a\\\r\"", "k = a\\{\"\\u000D\"}\"");
    }

    #[test]
    fn identifiers() {
        assert!(is_identifier("consent-p2"));
        assert!(is_identifier("a_b-1"));
        assert!(!is_identifier("2nd"));
        assert!(!is_identifier("a.b"));
        assert!(!is_identifier(""));
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn escaping_round_trips_any_string(text in any::<String>()) {
            prop_assert_eq!(round_trip(&text), text);
        }

        #[test]
        fn escaping_round_trips_markdown_like_strings(
            text in r"[ a-z{}\[\]*.#\\\n\r\t`\x22|>-]{0,40}"
        ) {
            prop_assert_eq!(round_trip(&text), text);
        }
    }
}
