//! Markup that is never text: what course tools read, not learners, so a translation must
//! leave it exactly as it is.
//!
//! - kramdown inline attribute lists and Pandoc attributes: `{: .callout}`, `{:.language-sql}`,
//!   `{#intro .note}`, `{.challenge}`;
//! - Liquid output and tags (Jekyll): `{{ page.root }}`, `{% include links.md %}`, and a
//!   link destination that holds Liquid, `]({{ page.root }}/reference/)`, whole;
//! - LiaScript macro calls: `@overview`, `@long_description`, `@Tooltip(text)`,
//!   `@[preview-lia](url)`; an `@` after a letter or digit (an e-mail address) is not one.
//!
//! Segmentation leaves a block that holds nothing else out of the messages and trims such
//! lines from the edges of a block ([`is_markup_only`], [`attribute_line`]); inside a message
//! they stay as written and are masked before machine translation and checked by the `markup`
//! rule, which both find them with [`protected_ranges`].

use std::ops::Range;

/// The byte ranges of protected markup in `text`, in order, not overlapping.
pub fn protected_ranges(text: &str) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut at = 0;
    while at < bytes.len() {
        let end = match bytes[at] {
            b'{' => brace_markup(text, at),
            b']' if text[at..].starts_with("](") => liquid_destination(text, at),
            b'@' if at == 0 || !is_word_byte(bytes[at - 1]) => macro_call(text, at),
            _ => None,
        };
        match end {
            Some(end) => {
                found.push(at..end);
                at = end;
            }
            None => at += 1,
        }
    }
    found
}

/// The protected markup of `text`, each as written.
pub fn protected_items(text: &str) -> Vec<String> {
    protected_ranges(text)
        .into_iter()
        .map(|range| text[range].to_owned())
        .collect()
}

/// Whether `text` has no letter outside protected markup (so it is not text at all).
pub fn is_markup_only(text: &str) -> bool {
    let mut at = 0;
    for range in protected_ranges(text) {
        if text[at..range.start].chars().any(char::is_alphabetic) {
            return false;
        }
        at = range.end;
    }
    !text[at..].chars().any(char::is_alphabetic)
}

/// Whether `line` (container prefix removed) is a kramdown attribute list or Pandoc attribute
/// block on its own, such as `{: .callout}`: markup for the block before or after it.
pub fn attribute_line(line: &str) -> bool {
    let line = line.trim();
    line.starts_with('{')
        && brace_markup(line, 0) == Some(line.len())
        && !line.starts_with("{{")
        && !line.starts_with("{%")
}

/// `{: …}`, `{#id …}`, `{.class …}`, `{{ … }}` or `{% … %}` starting at `at`: its end.
fn brace_markup(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at..];
    if let Some(inner) = rest.strip_prefix("{{") {
        return inner.find("}}").map(|close| at + 2 + close + 2);
    }
    if let Some(inner) = rest.strip_prefix("{%") {
        return inner.find("%}").map(|close| at + 2 + close + 2);
    }
    let inner = &rest[1..];
    let first = inner.trim_start_matches(' ').chars().next()?;
    let attribute_start = match first {
        ':' | '#' => true,
        '.' => inner
            .trim_start_matches(' ')
            .chars()
            .nth(1)
            .is_some_and(|c| c.is_ascii_alphabetic()),
        _ => false,
    };
    if !attribute_start {
        return None;
    }
    let close = inner.find('}')?;
    let body = &inner[..close];
    (!body.contains('\n') && !body.contains('{')).then_some(at + 1 + close + 1)
}

/// `](…)` at `at` whose destination holds Liquid (`[x]({{ page.root }}/ref/)`): kramdown
/// reads it as a link, `CommonMark` does not (the destination has spaces), so it is protected
/// here whole.
fn liquid_destination(text: &str, at: usize) -> Option<usize> {
    let close = closing_paren(text, at + 2)?;
    let destination = &text[at + 2..close];
    (destination.contains("{{") || destination.contains("{%")).then_some(close + 1)
}

/// A LiaScript macro call at `at` (an `@`): `@name`, `@name(args)` or `@[name](args)`.
fn macro_call(text: &str, at: usize) -> Option<usize> {
    let rest = &text[at + 1..];
    if let Some(inner) = rest.strip_prefix('[') {
        let close = inner.find("](")?;
        let name = &inner[..close];
        if !is_macro_name(name) {
            return None;
        }
        let args_start = at + 2 + close + 2;
        return closing_paren(text, args_start).map(|end| end + 1);
    }
    let name_len = rest
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_alphanumeric() || c == '_' || c == '.' || c == '-'))
        .map_or(rest.len(), |(i, _)| i);
    let name = rest[..name_len].trim_end_matches(['.', '-']);
    if !is_macro_name(name) {
        return None;
    }
    let end = at + 1 + name.len();
    if text[end..].starts_with('(') {
        if let Some(close) = closing_paren(text, end + 1) {
            return Some(close + 1);
        }
    }
    Some(end)
}

fn is_macro_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '-'))
}

/// The `)` that closes a parenthesis opened just before `from`, on the same line.
fn closing_paren(text: &str, from: usize) -> Option<usize> {
    let mut depth = 1usize;
    for (i, c) in text[from..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return Some(from + i);
                }
            }
            '\n' => return None,
            _ => {}
        }
    }
    None
}

fn is_word_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || byte == b'_' || byte >= 0x80
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(text: &str, expected: &[&str]) {
        assert_eq!(protected_items(text), expected, "{text}");
    }

    #[test]
    fn kramdown_and_pandoc_attributes() {
        check("{: .callout}", &["{: .callout}"]);
        check("{:.language-sql}", &["{:.language-sql}"]);
        check("## Query Style {.challenge}", &["{.challenge}"]);
        check("Title {#intro .note}", &["{#intro .note}"]);
        // Braces that are text stay text.
        check("a set {1, 2} and {x} and {.5 mg}", &[]);
    }

    #[test]
    fn liquid_output_and_tags() {
        check(
            "[x]({{ page.root }}/ref/) then {% include links.md %} {{ site.x }}",
            &[
                "]({{ page.root }}/ref/)",
                "{% include links.md %}",
                "{{ site.x }}",
            ],
        );
        check("an unclosed {{ page", &[]);
    }

    #[test]
    fn liascript_macro_calls_but_not_email_addresses() {
        check(
            "**Is this right for me?** @long_description",
            &["@long_description"],
        );
        check(
            "@Tooltip(a (b) c) and @[preview-lia](https://x.y/c.md)",
            &["@Tooltip(a (b) c)", "@[preview-lia](https://x.y/c.md)"],
        );
        check("write to hartmanr1@chop.edu or meet @ 5 pm", &[]);
        check("ends with @overview.", &["@overview"]);
    }

    #[test]
    fn markup_only_blocks() {
        assert!(is_markup_only("{: .source}"));
        assert!(is_markup_only("{% include links.md %}"));
        assert!(is_markup_only("@overview"));
        assert!(is_markup_only("@gifPreload @another()"));
        assert!(!is_markup_only("See @overview first"));
        assert!(!is_markup_only("{x} marks the spot"));
    }

    #[test]
    fn attribute_lines() {
        assert!(attribute_line("{: .callout}"));
        assert!(attribute_line("  {:.language-python} "));
        assert!(!attribute_line("{% include links.md %}"));
        assert!(!attribute_line("{: .callout} and text"));
        assert!(!attribute_line("{x}"));
    }
}
