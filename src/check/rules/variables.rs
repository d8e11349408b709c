//! `variables`: `{ $variable }`s the translation lost, per pattern and per variant of a
//! select, or added without the English having them.
//!
//! Also holds what the other pair rules share about patterns: [`walk`] over every
//! expression of a pattern, [`variables_of`], and where things are in the translation text
//! ([`pattern_start`], [`find_word`]).

use std::collections::BTreeSet;

use fluent_syntax::ast;

use super::{MessagePair, Rule};
use crate::check::doc::Entry;
use crate::check::finding::{Finding, Level};

pub const RULE: Rule = Rule {
    code: "variables",
    level: Level::Error,
    summary: "a `{ $variable }` of the English is missing from the translation, or one is added",
    docs: "\
What it finds: a `{ $variable }` the English message uses that its translation does not, or
one the translation uses that the English does not have (often a typo such as `$cuont`). The
value and each attribute are compared separately. In a select expression every variant of the
translation must use the variables the English uses in all of its variants; a variable in the
selector (`{ $count -> … }`) counts as used by every variant, so `[one] Vienas failas` needs no
`{ $count }`. Variables inside function and term arguments (`NUMBER($dose)`, `-unit($dose)`)
count. A term may add variables of its own (`-brand = { $case -> … }`): the callers pass them,
so added variables are only reported in messages.

Why it matters: variables carry what the course fills in when it is shown: a dose, a number of
hours, a patient's age, a name. A translation without `{ $dose }` reads fluently and silently
drops the number a clinician acts on; a misspelt variable is never set, and the learner sees
`{$cuont}`.

Example:

    # en
    doses-left = { $count -> [one] One dose of { $drug } left *[other] { $count } doses of { $drug } left }
    # lt
    doses-left = { $count ->
        [one] Liko viena { $drug } dozė
        [few] Liko { $count } dozės
       *[other] Liko { $count } { $drug } dozių
    }

reports `$drug is missing from the translation (variant [few])`.

How to fix: put the variable where the sentence needs it, in every variant; spell it exactly as
the English does (`$count`, not `$cuont` or a translated name).

To silence: `[check.rules] variables = \"off\"` in kurso.toml, or a comment
`# kurso-allow variables: reason` above the translated message.",
    check: Some(check),
};

fn check(pair: &MessagePair<'_>, out: &mut Vec<Finding>) {
    for (attribute, translated) in pair.target.patterns() {
        let english = match attribute {
            None => pair.source.value(),
            Some(name) => pair.source.attribute(name).map(|attr| &attr.value),
        };
        // An attribute or value the English lacks is `obsolete`'s business.
        if let Some(english) = english {
            check_pattern(pair, attribute, english, translated, out);
        }
    }
}

fn check_pattern(
    pair: &MessagePair<'_>,
    attribute: Option<&str>,
    english: &ast::Pattern<&str>,
    translated: &ast::Pattern<&str>,
    out: &mut Vec<Finding>,
) {
    let english_all = variables_of(english);
    let translated_all = variables_of(translated);
    if english_all.is_empty() && translated_all.is_empty() {
        // Nothing can be lost, added or missing from a variant (most messages).
        return;
    }
    // Where the translated pattern starts: found only for a finding.
    let start = || pattern_start(pair.target, attribute);
    let place = attribute.map_or_else(String::new, |name| format!(" of `.{name}`"));
    let lost: Vec<&str> = english_all.difference(&translated_all).copied().collect();
    // Which lost variables only choose the English's variants: worked out for a loss only.
    let selectors_only = if lost.is_empty() {
        BTreeSet::new()
    } else {
        selector_only_variables(english)
    };
    for name in &lost {
        let mut f = pair.finding_at(
            &RULE,
            start(),
            format!("`${name}` is missing from the translation{place}"),
        );
        f.help = Some(if selectors_only.contains(name) {
            format!(
                "the English chooses its text by `${name}` (`{{ ${name} -> … }}`): add a select \
                 on it with a variant for each case, or the learner reads the same text in \
                 every case"
            )
        } else {
            format!(
                "the English shows `{{ ${name} }}`, a value filled in when the course is shown: \
                 put it where the sentence needs it"
            )
        });
        out.push(f);
    }
    if !pair.target.is_term() {
        for name in translated_all.difference(&english_all) {
            let start = start();
            let offset = find_word(pair.target, start, &format!("${name}")).unwrap_or(start);
            let mut f = pair.finding_at(
                &RULE,
                offset,
                format!("`${name}` is not in the English: a typo?"),
            );
            f.help = Some(added_help(name, &lost, &english_all));
            out.push(f);
        }
    }
    // Variables the English shows whichever variant is chosen, and the translation has. A
    // translation without a select has no variant to miss one in.
    let mut gaps = Vec::new();
    let required: BTreeSet<&str> = if has_select(translated) {
        always_used(english)
            .intersection(&translated_all)
            .copied()
            .collect()
    } else {
        BTreeSet::new()
    };
    if !required.is_empty() {
        find_gaps(
            translated,
            &BTreeSet::new(),
            &mut Vec::new(),
            &required,
            &mut gaps,
        );
    }
    let mut seen = BTreeSet::new();
    gaps.retain(|gap| seen.insert(gap.clone()));
    for (name, keys) in gaps {
        let innermost = keys.last().map_or("", String::as_str);
        let start = start();
        let offset = find_variant_key(pair.target, start, innermost).unwrap_or(start);
        let variant = keys
            .iter()
            .map(|key| format!("[{key}]"))
            .collect::<Vec<_>>()
            .join(" ");
        let mut f = pair.finding_at(
            &RULE,
            offset,
            format!("`${name}` is missing from the translation{place} (variant {variant})"),
        );
        f.help = Some(format!(
            "the English shows `{{ ${name} }}` in every case: add it to this variant too, or \
             the learner does not see the value when this variant is chosen"
        ));
        out.push(f);
    }
}

fn added_help(name: &str, lost: &[&str], english: &BTreeSet<&str>) -> String {
    if !lost.is_empty() {
        let lost: Vec<String> = lost.iter().map(|name| format!("`${name}`")).collect();
        return format!(
            "the English has {}, which the translation lacks: use the English spelling",
            lost.join(", ")
        );
    }
    if english.is_empty() {
        return format!(
            "the English has no variables: nothing sets `${name}`, so the learner would see \
             `{{${name}}}`; remove it"
        );
    }
    let known: Vec<String> = english.iter().map(|name| format!("`${name}`")).collect();
    format!(
        "nothing sets `${name}`, so the learner would see `{{${name}}}`; the English has {}",
        known.join(", ")
    )
}

/// Pushes `(variable, variant keys)` for each variant of the selects in `pattern` where a
/// variable of `required` is used neither on the path to it (`context`), nor beside the
/// select, nor in the variant.
fn find_gaps(
    pattern: &ast::Pattern<&str>,
    context: &BTreeSet<&str>,
    keys: &mut Vec<String>,
    required: &BTreeSet<&str>,
    gaps: &mut Vec<(String, Vec<String>)>,
) {
    let layer = Layer::of(pattern);
    let common: Vec<BTreeSet<&str>> = layer
        .selects
        .iter()
        .map(|variants| used_by_every_variant(variants))
        .collect();
    let mut have: BTreeSet<&str> = context.union(&layer.base).copied().collect();
    have.extend(common.iter().flatten());
    if required.is_subset(&have) {
        return;
    }
    if layer.selects.is_empty() {
        for name in required.difference(&have) {
            gaps.push(((*name).to_owned(), keys.clone()));
        }
        return;
    }
    for (index, variants) in layer.selects.iter().enumerate() {
        let mut around: BTreeSet<&str> = context.union(&layer.base).copied().collect();
        for (other, used) in common.iter().enumerate() {
            if other != index {
                around.extend(used);
            }
        }
        for variant in *variants {
            keys.push(variant_key(&variant.key).to_owned());
            find_gaps(&variant.value, &around, keys, required, gaps);
            keys.pop();
        }
    }
}

/// One layer of a pattern: the variables used outside select variants (selectors included),
/// and the variant lists of its selects.
struct Layer<'a> {
    base: BTreeSet<&'a str>,
    selects: Vec<&'a [ast::Variant<&'a str>]>,
}

impl<'a> Layer<'a> {
    fn of(pattern: &'a ast::Pattern<&'a str>) -> Self {
        let mut layer = Layer {
            base: BTreeSet::new(),
            selects: Vec::new(),
        };
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                layer.add(expression);
            }
        }
        layer
    }

    fn add(&mut self, expression: &'a ast::Expression<&'a str>) {
        match expression {
            ast::Expression::Select { selector, variants } => {
                self.base.extend(inline_always_used(selector));
                self.selects.push(variants);
            }
            ast::Expression::Inline(ast::InlineExpression::Placeable { expression }) => {
                self.add(expression);
            }
            ast::Expression::Inline(inline) => self.base.extend(inline_always_used(inline)),
        }
    }
}

/// Variables used whichever variants are chosen.
fn always_used<'a>(pattern: &'a ast::Pattern<&'a str>) -> BTreeSet<&'a str> {
    let layer = Layer::of(pattern);
    let mut out = layer.base;
    for variants in layer.selects {
        out.extend(used_by_every_variant(variants));
    }
    out
}

fn used_by_every_variant<'a>(variants: &'a [ast::Variant<&'a str>]) -> BTreeSet<&'a str> {
    let mut sets = variants.iter().map(|variant| always_used(&variant.value));
    let first = sets.next().unwrap_or_default();
    sets.fold(first, |common, set| {
        common.intersection(&set).copied().collect()
    })
}

fn inline_always_used<'a>(inline: &'a ast::InlineExpression<&'a str>) -> BTreeSet<&'a str> {
    match inline {
        ast::InlineExpression::VariableReference { id } => BTreeSet::from([id.name]),
        ast::InlineExpression::Placeable { expression } => match &**expression {
            ast::Expression::Select { selector, variants } => {
                let mut out = inline_always_used(selector);
                out.extend(used_by_every_variant(variants));
                out
            }
            ast::Expression::Inline(inline) => inline_always_used(inline),
        },
        ast::InlineExpression::FunctionReference { arguments, .. }
        | ast::InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => call_arguments(arguments)
            .flat_map(inline_always_used)
            .collect(),
        _ => BTreeSet::new(),
    }
}

fn call_arguments<'a>(
    arguments: &'a ast::CallArguments<&'a str>,
) -> impl Iterator<Item = &'a ast::InlineExpression<&'a str>> {
    arguments
        .positional
        .iter()
        .chain(arguments.named.iter().map(|named| &named.value))
}

/// A variant key as written between the brackets.
pub(super) fn variant_key<'a>(key: &ast::VariantKey<&'a str>) -> &'a str {
    match key {
        ast::VariantKey::Identifier { name } => name,
        ast::VariantKey::NumberLiteral { value } => value,
    }
}

/// One expression of a pattern, as [`walk`] visits it.
#[derive(Debug, Clone, Copy)]
pub(super) enum Node<'a> {
    Inline(&'a ast::InlineExpression<&'a str>),
    Select {
        selector: &'a ast::InlineExpression<&'a str>,
        variants: &'a [ast::Variant<&'a str>],
    },
}

/// Calls `visit` on every inline and select expression of `pattern` in source order, nested
/// ones included: selectors, variant values, call arguments, placeables in placeables.
pub(super) fn walk<'a>(pattern: &'a ast::Pattern<&'a str>, visit: &mut dyn FnMut(Node<'a>)) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            walk_expression(expression, visit);
        }
    }
}

fn walk_expression<'a>(expression: &'a ast::Expression<&'a str>, visit: &mut dyn FnMut(Node<'a>)) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            visit(Node::Select { selector, variants });
            walk_inline(selector, visit);
            for variant in variants {
                walk(&variant.value, visit);
            }
        }
        ast::Expression::Inline(inline) => walk_inline(inline, visit),
    }
}

fn walk_inline<'a>(inline: &'a ast::InlineExpression<&'a str>, visit: &mut dyn FnMut(Node<'a>)) {
    visit(Node::Inline(inline));
    match inline {
        ast::InlineExpression::FunctionReference { arguments, .. }
        | ast::InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => {
            for argument in call_arguments(arguments) {
                walk_inline(argument, visit);
            }
        }
        ast::InlineExpression::Placeable { expression } => walk_expression(expression, visit),
        _ => {}
    }
}

/// Variables `pattern` uses only in the selectors of select expressions, never shown.
fn selector_only_variables<'a>(pattern: &'a ast::Pattern<&'a str>) -> BTreeSet<&'a str> {
    let mut uses: Vec<&str> = Vec::new();
    let mut selector_uses: Vec<&str> = Vec::new();
    walk(pattern, &mut |node| match node {
        Node::Inline(ast::InlineExpression::VariableReference { id }) => uses.push(id.name),
        Node::Select { selector, .. } => {
            walk_inline(selector, &mut |inner| {
                if let Node::Inline(ast::InlineExpression::VariableReference { id }) = inner {
                    selector_uses.push(id.name);
                }
            });
        }
        Node::Inline(_) => {}
    });
    let count = |list: &[&str], name: &str| list.iter().filter(|&&used| used == name).count();
    uses.iter()
        .copied()
        .filter(|name| count(&uses, name) == count(&selector_uses, name))
        .collect()
}

/// Whether `pattern` has a select expression, nested ones included.
fn has_select(pattern: &ast::Pattern<&str>) -> bool {
    let mut found = false;
    walk(pattern, &mut |node| {
        found |= matches!(node, Node::Select { .. });
    });
    found
}

/// Every `$variable` name (without `$`) used anywhere in `pattern`.
pub(super) fn variables_of<'a>(pattern: &'a ast::Pattern<&'a str>) -> BTreeSet<&'a str> {
    let mut names = BTreeSet::new();
    walk(pattern, &mut |node| {
        if let Node::Inline(ast::InlineExpression::VariableReference { id }) = node {
            names.insert(id.name);
        }
    });
    names
}

/// Byte offset (in the translation file) where the value (`None`) or the attribute `.name`
/// of `entry` starts; the entry's identifier when it cannot be found.
pub(super) fn pattern_start(entry: Entry<'_>, attribute: Option<&str>) -> usize {
    let Some(name) = attribute else {
        return entry.offset();
    };
    let mut offset = entry.offset();
    for line in entry.source().split_inclusive('\n') {
        let indent = line.len() - line.trim_start().len();
        let rest = line.trim_start();
        if let Some(after) = rest.strip_prefix('.').and_then(|r| r.strip_prefix(name)) {
            if after.trim_start().starts_with('=') {
                return offset + indent;
            }
        }
        offset += line.len();
    }
    entry.offset()
}

/// Byte offset (in the translation file) of the first whole-word `word` in `entry` at or
/// after file offset `from`: not preceded or followed by an identifier character.
pub(super) fn find_word(entry: Entry<'_>, from: usize, word: &str) -> Option<usize> {
    let source = entry.source();
    let skip = from.saturating_sub(entry.offset()).min(source.len());
    let is_ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '-';
    let mut search = skip;
    while let Some(found) = source.get(search..).and_then(|rest| rest.find(word)) {
        let at = search + found;
        let before = source[..at].chars().next_back();
        let after = source[at + word.len()..].chars().next();
        let starts_clean = word.starts_with('$') || !before.is_some_and(is_ident);
        if starts_clean && !after.is_some_and(is_ident) {
            return Some(entry.offset() + at);
        }
        search = at + word.len();
    }
    None
}

/// Byte offset of the variant key `[key]` (blanks allowed inside the brackets) at or after
/// `from`.
pub(super) fn find_variant_key(entry: Entry<'_>, from: usize, key: &str) -> Option<usize> {
    let source = entry.source();
    let mut search = from.saturating_sub(entry.offset()).min(source.len());
    while let Some(found) = source.get(search..).and_then(|rest| rest.find('[')) {
        let at = search + found;
        let inside = source[at + 1..].split(']').next().unwrap_or_default();
        if inside.trim() == key {
            return Some(entry.offset() + at);
        }
        search = at + 1;
    }
    None
}

#[cfg(test)]
mod tests;
