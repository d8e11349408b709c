//! Text inside HTML blocks, found by a real HTML tokenizer that keeps byte offsets.
//!
//! html5gum (a WHATWG-conformant tokenizer: html5lib's tokenizer tests pass; spans on every
//! token and attribute value; one small dependency) reads the block, switching to raw text
//! after `<script>`, `<style>` and the like as a browser would. The block becomes *pieces*,
//! each a byte range of the block:
//!
//! - the words of an element that holds phrasing content (`<p>`, `<h3>`, `<li>`, `<td>`,
//!   `<th>`, `<summary>`, `<figcaption>`, …): one piece per element, inline tags (`<b>`,
//!   `<a>`, `<br>`, `<code>`, …) kept inside it as markup; tags that wrap the whole text (a
//!   `<b>` box label) and void tags at its edges stay outside it;
//! - prose directly inside a flow container (`<div>`, the body of `<details>`, `<figure>`, or
//!   the block itself): CommonMark swallowed it into the HTML block, but it is Markdown, and
//!   the segmenter reads it as such;
//! - the values of `alt`, `title` and `aria-label` attributes (quoted ones) that hold words.
//!
//! The bodies of `<script>`, `<style>`, `<pre>`, `<svg>`, `<math>`, `<textarea>` and
//! `<template>` are never text, nor the words of an inline `<code>`.

use std::ops::Range;

use html5gum::{DefaultEmitter, Token, Tokenizer};

use super::protected::is_markup_only;

/// What kind of element a piece of text is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextElement {
    Heading(u8),
    Paragraph,
    ListItem,
    TableCell,
    TableHeader,
    Summary,
}

/// One translatable piece of an HTML block (ranges are relative to the block's text).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HtmlPiece {
    Text {
        range: Range<usize>,
        element: TextElement,
    },
    /// Text directly inside a flow container: Markdown prose.
    Prose { range: Range<usize> },
    /// The inside of a quoted attribute value.
    Attribute {
        range: Range<usize>,
        name: String,
        quote: char,
    },
    /// A comment's inside.
    Comment { range: Range<usize> },
}

/// Attributes whose value is text a reader sees or hears.
const TEXT_ATTRIBUTES: [&str; 3] = ["alt", "title", "aria-label"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Category {
    /// Its body is never text.
    Skip,
    /// Has no end tag.
    Void,
    /// Holds phrasing content: its words are one message.
    Phrasing(TextElement),
    /// Holds blocks (and, in Markdown courses, prose).
    Flow,
    Inline,
}

fn category(name: &[u8]) -> Category {
    match name {
        b"script" | b"style" | b"pre" | b"svg" | b"math" | b"textarea" | b"template"
        | b"noscript" | b"iframe" | b"object" => Category::Skip,
        b"area" | b"base" | b"br" | b"col" | b"embed" | b"hr" | b"img" | b"input" | b"link"
        | b"meta" | b"source" | b"track" | b"wbr" | b"param" => Category::Void,
        b"h1" => Category::Phrasing(TextElement::Heading(1)),
        b"h2" => Category::Phrasing(TextElement::Heading(2)),
        b"h3" => Category::Phrasing(TextElement::Heading(3)),
        b"h4" => Category::Phrasing(TextElement::Heading(4)),
        b"h5" => Category::Phrasing(TextElement::Heading(5)),
        b"h6" => Category::Phrasing(TextElement::Heading(6)),
        b"li" => Category::Phrasing(TextElement::ListItem),
        b"td" => Category::Phrasing(TextElement::TableCell),
        b"th" => Category::Phrasing(TextElement::TableHeader),
        b"summary" => Category::Phrasing(TextElement::Summary),
        b"p" | b"dt" | b"dd" | b"figcaption" | b"caption" | b"label" | b"legend" | b"button"
        | b"option" | b"title" => Category::Phrasing(TextElement::Paragraph),
        b"div" | b"section" | b"article" | b"aside" | b"header" | b"footer" | b"main" | b"nav"
        | b"details" | b"figure" | b"blockquote" | b"center" | b"form" | b"fieldset" | b"body"
        | b"html" | b"head" | b"ul" | b"ol" | b"dl" | b"table" | b"thead" | b"tbody" | b"tfoot"
        | b"tr" | b"colgroup" | b"address" | b"hgroup" | b"menu" | b"dialog" | b"search" => {
            Category::Flow
        }
        _ => Category::Inline,
    }
}

/// Elements a new one of the same group closes (`<li>` after `<li>`, `<td>` after `<th>`).
fn closes_on_sibling(open: &[u8], new: &[u8]) -> bool {
    match open {
        b"li" | b"p" | b"option" => open == new,
        b"td" | b"th" => matches!(new, b"td" | b"th" | b"tr"),
        b"dt" | b"dd" => matches!(new, b"dt" | b"dd"),
        _ => false,
    }
}

#[derive(Debug, Clone)]
enum RunToken {
    Text { range: Range<usize>, letters: bool },
    Open { name: Vec<u8>, range: Range<usize> },
    Close { name: Vec<u8>, range: Range<usize> },
    Other { range: Range<usize> },
}

impl RunToken {
    fn range(&self) -> &Range<usize> {
        match self {
            RunToken::Text { range, .. }
            | RunToken::Open { range, .. }
            | RunToken::Close { range, .. }
            | RunToken::Other { range } => range,
        }
    }
}

struct Scanner<'a> {
    text: &'a str,
    pieces: Vec<HtmlPiece>,
    /// Open block-level elements, innermost last.
    blocks: Vec<(Vec<u8>, Category)>,
    run: Vec<RunToken>,
    code_depth: usize,
}

/// The pieces of an HTML block, in document order.
pub fn html_pieces(text: &str) -> Vec<HtmlPiece> {
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    emitter.naively_switch_states(true);
    let mut scanner = Scanner {
        text,
        pieces: Vec::new(),
        blocks: Vec::new(),
        run: Vec::new(),
        code_depth: 0,
    };
    // Inside a skipped element: its name and how many of it are open.
    let mut skipping: Option<(Vec<u8>, usize)> = None;
    for token in Tokenizer::new_with_emitter(text, emitter).flatten() {
        if let Some((name, depth)) = &mut skipping {
            match &token {
                Token::StartTag(tag) if tag.name.as_slice() == name.as_slice() => *depth += 1,
                Token::EndTag(tag) if tag.name.as_slice() == name.as_slice() => {
                    *depth -= 1;
                    if *depth == 0 {
                        skipping = None;
                    }
                }
                _ => {}
            }
            continue;
        }
        match token {
            Token::StartTag(tag) => {
                let name = tag.name.to_vec();
                let range = tag.span.start..tag.span.end;
                for (attribute, value) in &tag.attributes {
                    scanner.attribute(attribute, value.span.start..value.span.end);
                }
                match category(&name) {
                    Category::Skip => {
                        scanner.flush();
                        if !tag.self_closing {
                            skipping = Some((name, 1));
                        }
                    }
                    Category::Void if name == b"hr" => scanner.flush(),
                    Category::Void => scanner.run.push(RunToken::Other { range }),
                    Category::Inline => {
                        if name == b"code" && !tag.self_closing {
                            scanner.code_depth += 1;
                        }
                        if tag.self_closing {
                            scanner.run.push(RunToken::Other { range });
                        } else {
                            scanner.run.push(RunToken::Open { name, range });
                        }
                    }
                    block => {
                        scanner.flush();
                        if scanner
                            .blocks
                            .last()
                            .is_some_and(|(open, _)| closes_on_sibling(open, &name))
                        {
                            scanner.blocks.pop();
                        }
                        if !tag.self_closing {
                            scanner.blocks.push((name, block));
                        }
                    }
                }
            }
            Token::EndTag(tag) => {
                let name = tag.name.to_vec();
                let range = tag.span.start..tag.span.end;
                match category(&name) {
                    Category::Inline => {
                        if name == b"code" {
                            scanner.code_depth = scanner.code_depth.saturating_sub(1);
                        }
                        scanner.run.push(RunToken::Close { name, range });
                    }
                    Category::Void | Category::Skip => scanner.run.push(RunToken::Other { range }),
                    _ => {
                        scanner.flush();
                        if let Some(at) = scanner.blocks.iter().rposition(|(open, _)| *open == name)
                        {
                            scanner.blocks.truncate(at);
                        }
                    }
                }
            }
            Token::String(string) => {
                let range = string.span.start..string.span.end;
                let raw = &text[range.clone()];
                let letters = scanner.code_depth == 0
                    && raw.chars().any(char::is_alphabetic)
                    && !is_markup_only(raw);
                scanner.run.push(RunToken::Text { range, letters });
            }
            Token::Comment(comment) => {
                let range = comment.span.start..comment.span.end;
                if let Some(inside) = comment_inside(text, &range) {
                    scanner.pieces.push(HtmlPiece::Comment { range: inside });
                }
                scanner.run.push(RunToken::Other { range });
            }
            Token::Doctype(_) | Token::Error(_) => {}
        }
    }
    scanner.flush();
    scanner.pieces
}

struct QuotedValue {
    range: Range<usize>,
    quote: char,
}

/// The inside of the quoted value of the attribute whose name starts at `at`; `None` for an
/// unquoted value or none.
fn quoted_value(text: &str, at: usize) -> Option<QuotedValue> {
    let rest = &text[at..];
    let name_len = rest.find(|c: char| c == '=' || c.is_whitespace() || c == '>' || c == '/')?;
    let after_name = rest[name_len..].trim_start();
    let after_eq = after_name.strip_prefix('=')?.trim_start();
    let quote = after_eq
        .chars()
        .next()
        .filter(|c| matches!(c, '"' | '\''))?;
    let start = text.len() - after_eq.len() + 1;
    let end = start + text[start..].find(quote)?;
    Some(QuotedValue {
        range: start..end,
        quote,
    })
}

/// The inside of `<!-- … -->` at `range` of `text`.
fn comment_inside(text: &str, range: &Range<usize>) -> Option<Range<usize>> {
    let raw = &text[range.clone()];
    let body = raw.strip_prefix("<!--")?;
    let end = body.rfind("-->").unwrap_or(body.len());
    Some(range.start + 4..range.start + 4 + end)
}

impl Scanner<'_> {
    /// An attribute whose span (html5gum's) runs from its name to its value's end.
    fn attribute(&mut self, name: &[u8], span: Range<usize>) {
        let Ok(name) = std::str::from_utf8(name) else {
            return;
        };
        if !TEXT_ATTRIBUTES.contains(&name) || span.start >= self.text.len() {
            return;
        }
        let Some(value) = quoted_value(self.text, span.start) else {
            return;
        };
        let raw = &self.text[value.range.clone()];
        if raw.chars().any(char::is_alphabetic) && !is_markup_only(raw) {
            self.pieces.push(HtmlPiece::Attribute {
                range: value.range,
                name: name.to_owned(),
                quote: value.quote,
            });
        }
    }

    /// Ends the current run of inline content, turning it into a piece if it has words.
    fn flush(&mut self) {
        let run = std::mem::take(&mut self.run);
        if !run
            .iter()
            .any(|t| matches!(t, RunToken::Text { letters: true, .. }))
        {
            return;
        }
        let Some(range) = trimmed_span(self.text, &run) else {
            return;
        };
        let piece = match self.blocks.last() {
            Some((_, Category::Phrasing(element))) => HtmlPiece::Text {
                range,
                element: *element,
            },
            _ => HtmlPiece::Prose { range },
        };
        self.pieces.push(piece);
    }
}

/// The span of a run's words: from its first text to its last, with the inline tags that
/// open or close between them, but not tags that wrap all of it nor void tags at its edges.
fn trimmed_span(text: &str, run: &[RunToken]) -> Option<Range<usize>> {
    let is_words = |token: &RunToken| match token {
        RunToken::Text { range, .. } => !text[range.clone()].trim().is_empty(),
        _ => false,
    };
    let first = run.iter().position(is_words)?;
    let last = run.iter().rposition(is_words)?;
    let first_range = run[first].range();
    let last_range = run[last].range();
    let first_text = &text[first_range.clone()];
    let last_text = &text[last_range.clone()];
    let mut start = first_range.start + (first_text.len() - first_text.trim_start().len());
    let mut end = last_range.start + last_text.trim_end().len();
    // Pair inline tags: (open index, close index).
    let mut open: Vec<(usize, &[u8])> = Vec::new();
    for (index, token) in run.iter().enumerate() {
        match token {
            RunToken::Open { name, .. } => open.push((index, name)),
            RunToken::Close { name, range } => {
                if let Some(at) = open.iter().rposition(|(_, n)| *n == name.as_slice()) {
                    let (open_index, _) = open[at];
                    open.truncate(at);
                    if open_index < first && index > first && index < last {
                        start = start.min(run[open_index].range().start);
                    }
                    if open_index > first && open_index < last && index > last {
                        end = end.max(range.end);
                    }
                }
            }
            _ => {}
        }
    }
    (start < end).then_some(start..end)
}

#[cfg(test)]
mod tests;
