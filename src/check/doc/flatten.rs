//! A pattern as text, for people and for the rules that compare texts: text elements as
//! written, string literals resolved, every other placeable in Fluent syntax as
//! fluent-syntax's serializer writes it.

use fluent_syntax::ast;

/// A pattern as text: text elements as written, string literals resolved to their
/// characters (that is how kurso escapes Markdown), every other placeable in Fluent syntax
/// (`{ $count }`, `{ -brand-name }`, select expressions in full).
pub fn flatten(pattern: &ast::Pattern<&str>) -> String {
    // Room for the text and a short placeable or two: most patterns need no second allocation.
    let texts: usize = pattern
        .elements
        .iter()
        .map(|element| match element {
            ast::PatternElement::TextElement { value } => value.len(),
            ast::PatternElement::Placeable { .. } => 16,
        })
        .sum();
    let mut out = String::with_capacity(texts);
    for element in &pattern.elements {
        match element {
            ast::PatternElement::TextElement { value } => out.push_str(value),
            ast::PatternElement::Placeable { expression } => match expression {
                ast::Expression::Inline(ast::InlineExpression::StringLiteral { value }) => {
                    out.push_str(&fluent_syntax::unicode::unescape_unicode_to_string(value));
                }
                other => {
                    out.push_str("{ ");
                    out.push_str(&serialize_expression(other));
                    out.push_str(" }");
                }
            },
        }
    }
    out
}

/// An expression in Fluent syntax, through fluent-syntax's serializer (a one-message
/// resource, then the expression is cut out of `x = { … }`).
pub fn serialize_expression(expression: &ast::Expression<&str>) -> String {
    match expression {
        ast::Expression::Inline(inline) => {
            simple_expression(inline).unwrap_or_else(|| serialized_expression(expression))
        }
        ast::Expression::Select { .. } => serialized_expression(expression),
    }
}

/// A number, or a reference with no arguments (`$dose`, `message.attribute`, `-term`), as
/// fluent-syntax's serializer writes it; `None` for anything else. Most placeables are
/// these, and building a resource to serialize each costs more than the rest of a rule.
fn simple_expression(inline: &ast::InlineExpression<&str>) -> Option<String> {
    let (sigil, id, attribute) = match inline {
        ast::InlineExpression::NumberLiteral { value } => return Some((*value).to_owned()),
        ast::InlineExpression::VariableReference { id } => ("$", id, None),
        ast::InlineExpression::MessageReference { id, attribute } => ("", id, attribute.as_ref()),
        ast::InlineExpression::TermReference {
            id,
            attribute,
            arguments: None,
        } => ("-", id, attribute.as_ref()),
        _ => return None,
    };
    let mut out = String::with_capacity(sigil.len() + id.name.len() + 16);
    out.push_str(sigil);
    out.push_str(id.name);
    if let Some(attribute) = attribute {
        out.push('.');
        out.push_str(attribute.name);
    }
    Some(out)
}

/// [`serialize_expression`] through fluent-syntax's serializer.
fn serialized_expression(expression: &ast::Expression<&str>) -> String {
    let resource = ast::Resource {
        body: vec![ast::Entry::Message(ast::Message {
            id: ast::Identifier { name: "x" },
            value: Some(ast::Pattern {
                elements: vec![ast::PatternElement::Placeable {
                    expression: expression.clone(),
                }],
            }),
            attributes: Vec::new(),
            comment: None,
        })],
    };
    let text = fluent_syntax::serializer::serialize(&resource);
    let inner = text
        .trim_end()
        .strip_prefix("x =")
        .unwrap_or(&text)
        .trim_start();
    let inner = inner
        .strip_prefix('{')
        .and_then(|rest| rest.strip_suffix('}'))
        .unwrap_or(inner);
    inner.trim().to_owned()
}

#[cfg(test)]
mod tests {
    use std::path::{Path, PathBuf};

    use super::*;
    use crate::check::doc::FtlDoc;

    fn doc(text: &str) -> FtlDoc {
        FtlDoc::parse(PathBuf::from("x.ftl"), text.to_owned())
    }

    #[test]
    fn text_flattens_literals_and_keeps_placeables_and_attributes() {
        let d = doc("a = {\"{\"}x{\"}\"} { $n } { -brand }\n    .title = T\n");
        assert_eq!(
            d.get("a").expect("a").text(),
            "{x} { $n } { -brand }\n.title = T"
        );
    }

    #[test]
    fn select_expression_serializes_whole() {
        let d = doc("a = { $n ->\n    [one] one\n   *[other] many\n}\n");
        let text = d.get("a").expect("a").text();
        assert!(text.starts_with("{ $n ->"), "{text}");
        assert!(text.contains("*[other] many"), "{text}");
    }

    /// Every inline placeable of the Thunderbird files (English and two translations) is
    /// written by the fast path as fluent-syntax's serializer writes it, when the fast path
    /// takes it; and it takes the plain references.
    #[test]
    fn simple_expressions_are_written_as_the_serializer_writes_them() {
        let corpus =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/fluent/thunderbird");
        let (mut seen, mut simple) = (0, 0);
        for locale in ["en-US", "el", "lt"] {
            for entry in walkdir::WalkDir::new(corpus.join(locale))
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.path().extension().is_some_and(|x| x == "ftl"))
            {
                let text = std::fs::read_to_string(entry.path()).expect("readable");
                let d = FtlDoc::parse(entry.path().to_owned(), text);
                for entry in d.iter() {
                    for (_, pattern) in entry.patterns() {
                        for element in &pattern.elements {
                            let ast::PatternElement::Placeable { expression } = element else {
                                continue;
                            };
                            seen += 1;
                            let ast::Expression::Inline(inline) = expression else {
                                continue;
                            };
                            if let Some(fast) = simple_expression(inline) {
                                simple += 1;
                                assert_eq!(fast, serialized_expression(expression));
                            }
                        }
                    }
                }
            }
        }
        assert!(simple > 1000 && simple < seen, "{simple} of {seen}");
        let d = doc("a = { $n } { b.c } { -t } { 5 } { -t(x: 1) } { F($n) }\n");
        let written: Vec<String> = d
            .get("a")
            .and_then(|a| a.value())
            .expect("a value")
            .elements
            .iter()
            .filter_map(|element| match element {
                ast::PatternElement::Placeable { expression } => {
                    Some(serialize_expression(expression))
                }
                ast::PatternElement::TextElement { .. } => None,
            })
            .collect();
        assert_eq!(written, ["$n", "b.c", "-t", "5", "-t(x: 1)", "F($n)"]);
    }
}
