//! Drafts as Fluent: the segments of one message (value, attributes, the variants of a
//! select expression) put back together after translation, with plural variants a provider
//! filled for categories English lacks.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::mask::{Masked, fluent_value};
use super::select::Selected;

/// A message being translated: its segments (value and attributes).
pub(super) struct Job<'a> {
    pub(super) selected: Selected<'a>,
    pub(super) parts: Vec<Part>,
    /// Select expressions whose variants are sent one by one, by attribute.
    pub(super) selects: Vec<Select>,
}

pub(super) struct Part {
    pub(super) attribute: Option<String>,
    /// The variant key, for a part of a select expression.
    pub(super) variant: Option<String>,
    pub(super) masked: Masked,
    pub(super) placeables: Vec<String>,
    pub(super) segment: usize,
}

/// A value (or attribute) that is one select expression: `{ $n -> [one] … *[other] … }`.
pub(super) struct Select {
    pub(super) attribute: Option<String>,
    /// The selector in Fluent syntax (`$count`, `NUMBER($n)`).
    pub(super) selector: String,
    /// Keys in order, and which is the default.
    pub(super) keys: Vec<String>,
    pub(super) default: String,
    /// Keys are CLDR plural categories (a plural select).
    pub(super) plural: bool,
    /// Variants the provider wrote for categories English lacks (masked → unmasked later).
    pub(super) filled: Vec<(String, String)>,
}

/// The select expression a pattern consists of, if it is exactly one.
pub(super) fn single_select(
    pattern: &fluent_syntax::ast::Pattern<String>,
) -> Option<(
    &fluent_syntax::ast::InlineExpression<String>,
    &[fluent_syntax::ast::Variant<String>],
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

pub(super) fn variant_key(key: &fluent_syntax::ast::VariantKey<String>) -> String {
    match key {
        fluent_syntax::ast::VariantKey::Identifier { name } => name.clone(),
        fluent_syntax::ast::VariantKey::NumberLiteral { value } => value.clone(),
    }
}

pub(super) const CATEGORIES: &[&str] = &["zero", "one", "two", "few", "many", "other"];

/// The Fluent entry (`id = …` plus attributes) of a translated job.
pub(super) fn draft_entry(
    job: &Job<'_>,
    translated: &HashMap<usize, String>,
) -> Result<String, String> {
    // (attribute, variant key) → Fluent value text, in the order of the parts.
    let mut values: Vec<(Option<String>, Option<String>, String)> = Vec::new();
    for part in &job.parts {
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
    let mut entry = job.selected.english.id().to_owned();
    let mut wrote_value = false;
    for attribute in attributes {
        let own: Vec<&(Option<String>, Option<String>, String)> =
            values.iter().filter(|(a, _, _)| *a == attribute).collect();
        let select = job.selects.iter().find(|s| s.attribute == attribute);
        let body = match select {
            Some(select) => render_select(select, &own, job)?,
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
pub(super) fn render_select(
    select: &Select,
    own: &[&(Option<String>, Option<String>, String)],
    job: &Job<'_>,
) -> Result<String, String> {
    let value_of = |key: &str| {
        own.iter()
            .find(|(_, v, _)| v.as_deref() == Some(key))
            .map(|(_, _, value)| value.clone())
    };
    let default_part = job.parts.iter().find(|p| {
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
