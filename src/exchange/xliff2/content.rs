//! The content of a `<source>` or `<target>`: text and inline codes, read into [`Item`]s whose
//! data references the unit resolves once it has read its `<originalData>`.
//!
//! Whitespace is content, except the layout a pretty-printer puts around codes (see the parent
//! module): in an element with codes and no other text, whitespace runs with a line break
//! that were written literally are dropped unless `xml:space="preserve"` is in force.

use super::lexer::{Element, Lexer, Ns, Token};
use crate::diagnostic::Diagnostic;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum CodeRole {
    /// `<ph>`.
    Standalone,
    /// `<pc>`'s start or `<sc>`.
    Open,
    /// `<pc>`'s end or `<ec>`.
    Close,
}

/// A piece of content as the file has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Item {
    Text(String),
    Code {
        role: CodeRole,
        id: String,
        disp: Option<String>,
        equiv: Option<String>,
        /// The `<data>` holding the code's original.
        data_ref: Option<String>,
        /// `isolated="yes"`: the other half is outside the unit.
        isolated: bool,
        offset: usize,
    },
}

/// Reads the content up to the end of the element just started; `preserve` is the
/// `xml:space="preserve"` in force.
pub(super) fn content(
    lexer: &mut Lexer<'_>,
    preserve: bool,
    problems: &mut Vec<Diagnostic>,
) -> Result<Vec<Item>, Diagnostic> {
    let mut items = Vec::new();
    let mut layout = Vec::new();
    let (mut has_text, mut has_element) = (false, false);
    loop {
        let element = match lexer.next()? {
            Token::Text {
                text,
                layout: is_layout,
            } => {
                if is_layout && !preserve {
                    layout.push(items.len());
                } else {
                    has_text = true;
                }
                items.push(Item::Text(text));
                continue;
            }
            Token::Start(element) => element,
            Token::End => break,
            Token::Eof => return Err(lexer.unexpected_end()),
        };
        if element.ns != Ns::Core {
            lexer.skip()?;
            continue;
        }
        let inner_preserve = match element.raw_attr("xml:space") {
            Some("preserve") => true,
            Some("default") => false,
            _ => preserve,
        };
        has_element = true;
        match element.local.as_str() {
            "ph" => {
                items.push(code(lexer, &element, CodeRole::Standalone, "", problems));
                lexer.skip()?;
            }
            "pc" => {
                items.push(code(lexer, &element, CodeRole::Open, "Start", problems));
                items.extend(content(lexer, inner_preserve, problems)?);
                items.push(code(lexer, &element, CodeRole::Close, "End", problems));
            }
            "sc" => {
                items.push(code(lexer, &element, CodeRole::Open, "", problems));
                lexer.skip()?;
            }
            "ec" => {
                items.push(code(lexer, &element, CodeRole::Close, "", problems));
                lexer.skip()?;
            }
            "mrk" => items.extend(content(lexer, inner_preserve, problems)?),
            "cp" => {
                match element.attr("hex").and_then(code_point) {
                    Some(c) => items.push(Item::Text(c.to_string())),
                    None => problems.push(
                        lexer
                            .error(element.offset, "a <cp> without a valid `hex` code point")
                            .with_help("write the character as hex=\"0001\"; it was left out")
                            .warning(),
                    ),
                }
                has_text = true;
                lexer.skip()?;
            }
            // `sm`/`em` annotation markers, and anything else.
            _ => lexer.skip()?,
        }
    }
    if has_element && !has_text {
        for index in layout.into_iter().rev() {
            items.remove(index);
        }
    }
    Ok(merge_text(items))
}

/// A code item from `element`; `suffix` picks `pc`'s `…Start` or `…End` attributes.
fn code(
    lexer: &Lexer<'_>,
    element: &Element,
    role: CodeRole,
    suffix: &str,
    problems: &mut Vec<Diagnostic>,
) -> Item {
    let named = |name: &str| element.attr(&format!("{name}{suffix}")).map(str::to_owned);
    let id = match (element.local.as_str(), role) {
        ("ec", _) => element.attr("startRef").or_else(|| element.attr("id")),
        _ => element.attr("id"),
    };
    let id = id.map_or_else(|| {
        problems.push(
            lexer
                .error(
                    element.offset,
                    format!("a <{}> without an id", element.local),
                )
                .with_help("every inline code needs an id (an <ec> a startRef) so kurso can tell which code it is")
                .warning(),
        );
        String::new()
    }, str::to_owned);
    Item::Code {
        role,
        id,
        disp: named("disp"),
        equiv: named("equiv"),
        data_ref: named("dataRef"),
        isolated: element.attr("isolated") == Some("yes"),
        offset: element.offset,
    }
}

fn code_point(hex: &str) -> Option<char> {
    u32::from_str_radix(hex, 16).ok().and_then(char::from_u32)
}

/// Joins adjacent text items.
pub(super) fn merge_text(items: Vec<Item>) -> Vec<Item> {
    let mut merged: Vec<Item> = Vec::with_capacity(items.len());
    for item in items {
        match (merged.last_mut(), item) {
            (Some(Item::Text(previous)), Item::Text(text)) => previous.push_str(&text),
            (_, Item::Text(text)) if text.is_empty() => {}
            (_, item) => merged.push(item),
        }
    }
    merged
}
