//! A message as translatable pieces, and back: [`message_parts`] cuts an English message into
//! its value, attributes and the variants of a select expression, masked for translation;
//! [`assemble`] puts translated pieces back together as a Fluent entry, with plural variants
//! filled for categories English lacks. Machine translation and the review packets both use
//! them, so a unit means the same piece everywhere.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::mask::{Masked, fluent_value, mask, pattern_text};
use super::select::Selected;
use crate::check::doc::{Entry, serialize_expression};

/// A message being translated: its segments (value and attributes).
pub(super) struct Job<'a> {
    pub(super) selected: Selected<'a>,
    pub(super) parts: Vec<Part>,
    /// Select expressions whose variants are sent one by one, by attribute.
    pub(super) selects: Vec<Select>,
}

/// One translatable piece of a message.
#[derive(Debug, Clone)]
pub(crate) struct Part {
    pub(crate) attribute: Option<String>,
    /// The variant key, for a part of a select expression.
    pub(crate) variant: Option<String>,
    /// `id`, `id.attr`, `id[key]` or `id.attr[key]`: the piece's name in segments and packets.
    pub(crate) unit: String,
    pub(crate) masked: Masked,
    pub(crate) placeables: Vec<String>,
    /// Index of the piece's text in the caller's list of segments.
    pub(crate) segment: usize,
}

/// A value (or attribute) that is one select expression: `{ $n -> [one] … *[other] … }`.
#[derive(Debug, Clone)]
pub(crate) struct Select {
    pub(crate) attribute: Option<String>,
    /// The selector in Fluent syntax (`$count`, `NUMBER($n)`).
    pub(crate) selector: String,
    /// Keys in order, and which is the default.
    pub(crate) keys: Vec<String>,
    pub(crate) default: String,
    /// Keys are CLDR plural categories (a plural select).
    pub(crate) plural: bool,
    /// Variants written for categories English lacks, as masked text (unmasked on assembly).
    pub(crate) filled: Vec<(String, String)>,
}

/// The pieces of `english`: the value and each attribute, a select expression cut into its
/// variants; each masked, keeping the `keep` terms (do-not-translate) as atoms. A value with
/// no text is left out. Segment indices count up from `first_segment`.
pub(crate) fn message_parts(
    english: Entry<'_>,
    keep: &[String],
    first_segment: usize,
) -> (Vec<Part>, Vec<Select>) {
    let mut parts = Vec::new();
    let mut selects = Vec::new();
    for (attribute, pattern) in english.patterns() {
        let base = attribute.map_or_else(
            || english.id().to_owned(),
            |a| format!("{}.{a}", english.id()),
        );
        // A select expression: each variant is its own piece, and comes back as one.
        let pieces: Vec<(Option<String>, &fluent_syntax::ast::Pattern<&str>)> =
            match single_select(pattern) {
                Some((selector, variants)) => {
                    let keys: Vec<String> = variants.iter().map(|v| variant_key(&v.key)).collect();
                    let default = variants.iter().find(|v| v.default).map_or_else(
                        || keys.last().cloned().unwrap_or_default(),
                        |v| variant_key(&v.key),
                    );
                    selects.push(Select {
                        attribute: attribute.map(str::to_owned),
                        selector: serialize_expression(&fluent_syntax::ast::Expression::Inline(
                            selector.clone(),
                        )),
                        plural: keys.iter().any(|k| CATEGORIES.contains(&k.as_str())),
                        keys,
                        default,
                        filled: Vec::new(),
                    });
                    variants
                        .iter()
                        .map(|v| (Some(variant_key(&v.key)), &v.value))
                        .collect()
                }
                None => vec![(None, pattern)],
            };
        for (variant, piece) in pieces {
            let (text, placeables) = pattern_text(piece);
            if text.trim().is_empty() && variant.is_none() {
                continue;
            }
            parts.push(Part {
                attribute: attribute.map(str::to_owned),
                unit: variant
                    .as_ref()
                    .map_or_else(|| base.clone(), |key| format!("{base}[{key}]")),
                variant,
                masked: mask(&text, keep),
                placeables,
                segment: first_segment + parts.len(),
            });
        }
    }
    (parts, selects)
}

/// The select expression a pattern consists of, if it is exactly one.
pub(crate) fn single_select<'a>(
    pattern: &'a fluent_syntax::ast::Pattern<&'a str>,
) -> Option<(
    &'a fluent_syntax::ast::InlineExpression<&'a str>,
    &'a [fluent_syntax::ast::Variant<&'a str>],
)> {
    use fluent_syntax::ast::{Expression, PatternElement};
    match pattern.elements.as_slice() {
        [
            PatternElement::Placeable {
                expression: Expression::Select { selector, variants },
            },
        ] => Some((selector, variants.as_slice())),
        _ => None,
    }
}

pub(crate) fn variant_key(key: &fluent_syntax::ast::VariantKey<&str>) -> String {
    match key {
        fluent_syntax::ast::VariantKey::Identifier { name: key }
        | fluent_syntax::ast::VariantKey::NumberLiteral { value: key } => (*key).to_owned(),
    }
}

pub(crate) const CATEGORIES: &[&str] = &["zero", "one", "two", "few", "many", "other"];

/// The Fluent entry (`id = …` plus attributes) of a translated job.
pub(super) fn draft_entry(
    job: &Job<'_>,
    translated: &HashMap<usize, String>,
) -> Result<String, String> {
    assemble(
        job.selected.english.id(),
        &job.parts,
        &job.selects,
        translated,
    )
}

/// The Fluent entry `id = …` (plus attributes) from the translations of its pieces
/// (`translated`: masked text by segment index). Errors when a piece did not come back or
/// its placeholders are not intact.
pub(crate) fn assemble(
    id: &str,
    parts: &[Part],
    selects: &[Select],
    translated: &HashMap<usize, String>,
) -> Result<String, String> {
    // (attribute, variant key) → Fluent value text, in the order of the parts.
    let mut values: Vec<(Option<String>, Option<String>, String)> = Vec::new();
    for part in parts {
        let text = translated
            .get(&part.segment)
            .ok_or_else(|| "no translation came back".to_owned())?;
        let unmasked = part
            .masked
            .unmask(text)
            .map_err(|err| format!("the placeholders did not come back intact: {err}"))?;
        values.push((
            part.attribute.clone(),
            part.variant.clone(),
            fluent_value(&unmasked, &part.placeables),
        ));
    }
    let mut attributes: Vec<Option<String>> = Vec::new();
    for (attribute, _, _) in &values {
        if !attributes.contains(attribute) {
            attributes.push(attribute.clone());
        }
    }
    let mut entry = id.to_owned();
    let mut wrote_value = false;
    for attribute in attributes {
        let own: Vec<&(Option<String>, Option<String>, String)> =
            values.iter().filter(|(a, _, _)| *a == attribute).collect();
        let select = selects.iter().find(|s| s.attribute == attribute);
        let body = match select {
            Some(select) => render_select(select, &own, parts)?,
            None => own.first().map(|(_, _, v)| v.clone()).unwrap_or_default(),
        };
        match &attribute {
            None => {
                let _ = write!(entry, " ={body}");
                wrote_value = true;
            }
            Some(name) => {
                if !wrote_value {
                    entry.push_str(" =");
                    wrote_value = true;
                }
                let _ = write!(
                    entry,
                    "\n    .{name} ={}",
                    body.replace("\n    ", "\n        ")
                );
            }
        }
    }
    Ok(entry)
}

/// A select expression with its translated variants (and any the provider filled).
fn render_select(
    select: &Select,
    own: &[&(Option<String>, Option<String>, String)],
    parts: &[Part],
) -> Result<String, String> {
    let value_of = |key: &str| {
        own.iter()
            .find(|(_, v, _)| v.as_deref() == Some(key))
            .map(|(_, _, value)| value.clone())
    };
    let default_part = parts.iter().find(|p| {
        p.attribute == select.attribute && p.variant.as_deref() == Some(select.default.as_str())
    });
    let mut out = format!("\n    {{ {} ->", select.selector);
    let mut write_variant = |key: &str, value: &str, default: bool| {
        let marker = if default { "       *" } else { "        " };
        let _ = write!(
            out,
            "\n{marker}[{key}]{}",
            value.replace("\n    ", "\n            ")
        );
    };
    for key in &select.keys {
        if *key == select.default {
            // Filled categories go before the default variant.
            for (category, masked) in &select.filled {
                if let Some(part) = default_part
                    && let Ok(unmasked) = part.masked.unmask(masked)
                {
                    write_variant(category, &fluent_value(&unmasked, &part.placeables), false);
                }
            }
        }
        let value = value_of(key).ok_or_else(|| format!("variant [{key}] did not come back"))?;
        write_variant(key, &value, *key == select.default);
    }
    out.push_str("\n    }");
    Ok(out)
}
