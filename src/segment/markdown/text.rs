//! Text helpers for Markdown segmentation: what is not prose (bare URLs, Pandoc div
//! fences), container prefixes on wrapped lines, and where an image title sits.

use crate::span::Span;

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
