//! Text helpers for Markdown segmentation: what is not prose (bare URLs, Pandoc div
//! fences, data-only table cells, kramdown attribute lines), container prefixes on wrapped
//! lines, and where an image title sits.

use std::ops::Range;

use crate::segment::protected::{attribute_line, protected_ranges};
use crate::span::Span;

/// A table cell that holds a datum, not text: one token without spaces that is an identifier
/// (`patient_id`, with an underscore), a code of capitals and digits (`ABC123`, `DR-1`,
/// `MSK-4`) or one or two capitals (`M`, `F`, `NA`). Words (`Dawn`, `lake`, `8 mg`,
/// `Grade 2`) are text. `<!-- l10n: text -->` above a table makes every cell text.
pub fn is_data_cell(text: &str) -> bool {
    let text = text.trim();
    if text.is_empty() || text.contains(char::is_whitespace) {
        return false;
    }
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let lowercase = text.chars().any(char::is_lowercase);
    let identifier = text.contains('_')
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '.' | '-'));
    let code = letters > 0
        && digits > 0
        && !lowercase
        && text
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.' | '/'));
    let capitals = (1..=2).contains(&letters) && text.chars().all(char::is_uppercase);
    identifier || code || capitals
}

/// `range` of `source` without kramdown attribute lines at its start and end (`{: .callout}`
/// after a quote's last line is read as part of its paragraph); `None` if nothing is left.
pub fn without_attribute_lines(source: &str, range: Range<usize>) -> Option<Range<usize>> {
    let mut range = range;
    loop {
        let text = &source[range.clone()];
        if let Some(newline) = text.rfind('\n') {
            if attribute_line(text[newline + 1..].trim_start_matches([' ', '>', '\t'])) {
                range.end = range.start + text[..newline].trim_end().len();
                continue;
            }
        }
        if let Some(newline) = text.find('\n') {
            if attribute_line(&text[..newline]) {
                let rest = &text[newline + 1..];
                let prefix = rest.len() - rest.trim_start_matches([' ', '>', '\t']).len();
                range.start += newline + 1 + prefix;
                continue;
            }
        }
        return (!attribute_line(text) && !text.trim().is_empty()).then_some(range);
    }
}

/// `text` without the Pandoc or kramdown attributes that end it (`Title {#id .class}`).
pub fn without_trailing_attributes(text: &str) -> &str {
    let trimmed = text.trim_end();
    match protected_ranges(trimmed).last() {
        Some(last) if last.end == trimmed.len() && trimmed[last.clone()].starts_with('{') => {
            if trimmed[last.clone()].starts_with("{{") || trimmed[last.clone()].starts_with("{%") {
                return text;
            }
            trimmed[..last.start].trim_end()
        }
        _ => text,
    }
}

/// A block that is nothing but a URL or an e-mail address has nothing to translate.
pub fn is_bare_url(text: &str) -> bool {
    !text.contains(char::is_whitespace)
        && (text.starts_with("http://")
            || text.starts_with("https://")
            || text.starts_with("www.")
            || text.starts_with("mailto:"))
}

/// Pandoc fenced-div lines (`::::: challenge`, as Carpentries lessons use) are structure,
/// not prose: the class name must not be translated.
pub fn is_div_fence(raw: &str) -> bool {
    raw.lines()
        .all(|line| line.trim_start_matches([' ', '>']).starts_with(":::"))
}

/// Removes container prefixes (`>` and indentation) from every line but the first.
pub fn strip_continuation_prefixes(raw: &str) -> String {
    if !raw.contains('\n') {
        return raw.to_owned();
    }
    let mut text = String::with_capacity(raw.len());
    for (line_idx, line) in raw.split('\n').enumerate() {
        if line_idx > 0 {
            text.push('\n');
            text.push_str(line.trim_start_matches([' ', '\t', '>']));
        } else {
            text.push_str(line);
        }
    }
    text
}

/// The span of the title inside an inline image's source `![alt](url "title")`, relative to
/// the start of that source.
pub fn find_inline_title(image_source: &str) -> Option<Span> {
    let body = image_source.strip_suffix(')')?.trim_end();
    let close = body.chars().next_back()?;
    let open = match close {
        '"' | '\'' => close,
        ')' => '(',
        _ => return None,
    };
    let inner_end = body.len() - close.len_utf8();
    let bytes = body.as_bytes();
    let mut idx = inner_end;
    while idx > 0 {
        idx -= 1;
        if char::from(bytes[idx]) == open {
            let backslashes = bytes[..idx]
                .iter()
                .rev()
                .take_while(|&&b| b == b'\\')
                .count();
            if backslashes % 2 == 0 {
                return Some(Span::new(idx + 1, inner_end));
            }
        }
    }
    None
}
