//! Gives back the room fluent-syntax's parser leaves in a syntax tree's vectors.
//!
//! The parser grows each vector by pushing, so a pattern of one text element keeps room for
//! four elements of about 120 bytes: most of the tree is that room (Thunderbird's English,
//! 1 MB of text: about 3 MB of patterns for 1 MB of elements). A checked file lives until its
//! locale is checked, and every byte of it is fresh memory the system has to clear first,
//! which on a virtual machine costs more than the parsing did. Shrinking each file's tree right
//! after it is parsed lets the next file's parse reuse what was freed.
//!
//! Only capacities change: the tree is the same, element for element.

use fluent_syntax::ast::{
    CallArguments, Entry, Expression, InlineExpression, Pattern, PatternElement, Resource,
};

/// Shrinks every vector of `resource` to its length.
pub(super) fn compact(resource: &mut Resource<&str>) {
    resource.body.shrink_to_fit();
    for entry in &mut resource.body {
        match entry {
            Entry::Message(message) => {
                if let Some(value) = &mut message.value {
                    pattern(value);
                }
                message.attributes.shrink_to_fit();
                for attribute in &mut message.attributes {
                    pattern(&mut attribute.value);
                }
            }
            Entry::Term(term) => {
                pattern(&mut term.value);
                term.attributes.shrink_to_fit();
                for attribute in &mut term.attributes {
                    pattern(&mut attribute.value);
                }
            }
            _ => {}
        }
    }
}

fn pattern(pattern: &mut Pattern<&str>) {
    pattern.elements.shrink_to_fit();
    for element in &mut pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            self::expression(expression);
        }
    }
}

fn expression(expression: &mut Expression<&str>) {
    match expression {
        Expression::Select { selector, variants } => {
            inline(selector);
            variants.shrink_to_fit();
            for variant in variants {
                pattern(&mut variant.value);
            }
        }
        Expression::Inline(inline_expression) => inline(inline_expression),
    }
}

fn inline(expression: &mut InlineExpression<&str>) {
    match expression {
        InlineExpression::FunctionReference { arguments, .. }
        | InlineExpression::TermReference {
            arguments: Some(arguments),
            ..
        } => call(arguments),
        InlineExpression::Placeable { expression } => self::expression(expression),
        _ => {}
    }
}

fn call(arguments: &mut CallArguments<&str>) {
    arguments.positional.shrink_to_fit();
    arguments.named.shrink_to_fit();
    for argument in &mut arguments.positional {
        inline(argument);
    }
    for argument in &mut arguments.named {
        inline(&mut argument.value);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every vector of the tree, as (length, capacity).
    fn vectors(resource: &Resource<&str>) -> Vec<(usize, usize)> {
        fn walk_pattern(p: &Pattern<&str>, out: &mut Vec<(usize, usize)>) {
            out.push((p.elements.len(), p.elements.capacity()));
            for element in &p.elements {
                if let PatternElement::Placeable { expression } = element {
                    walk_expression(expression, out);
                }
            }
        }
        fn walk_expression(e: &Expression<&str>, out: &mut Vec<(usize, usize)>) {
            match e {
                Expression::Select { selector, variants } => {
                    walk_inline(selector, out);
                    out.push((variants.len(), variants.capacity()));
                    for variant in variants {
                        walk_pattern(&variant.value, out);
                    }
                }
                Expression::Inline(i) => walk_inline(i, out),
            }
        }
        fn walk_inline(i: &InlineExpression<&str>, out: &mut Vec<(usize, usize)>) {
            let arguments = match i {
                InlineExpression::FunctionReference { arguments, .. }
                | InlineExpression::TermReference {
                    arguments: Some(arguments),
                    ..
                } => arguments,
                InlineExpression::Placeable { expression: e } => return walk_expression(e, out),
                _ => return,
            };
            out.push((arguments.positional.len(), arguments.positional.capacity()));
            out.push((arguments.named.len(), arguments.named.capacity()));
            for argument in &arguments.positional {
                walk_inline(argument, out);
            }
            for argument in &arguments.named {
                walk_inline(&argument.value, out);
            }
        }
        let mut out = vec![(resource.body.len(), resource.body.capacity())];
        for entry in &resource.body {
            let (value, attributes) = match entry {
                Entry::Message(m) => (m.value.as_ref(), &m.attributes),
                Entry::Term(t) => (Some(&t.value), &t.attributes),
                _ => continue,
            };
            if let Some(value) = value {
                walk_pattern(value, &mut out);
            }
            out.push((attributes.len(), attributes.capacity()));
            for attribute in attributes {
                walk_pattern(&attribute.value, &mut out);
            }
        }
        out
    }

    const FTL: &str = "\
# A comment
a = One { $n } and { -term(case: \"gen\") }
    .title = { NUMBER($n, minimumFractionDigits: 2) } { { \"x\" } }
-term = { $case ->
        [gen] Of the term { $x }
       *[other] The term
    }
    .gender = feminine
b =
    { $count ->
        [one] One dose of { PLATFORM() }
        [few] A few doses
       *[other] { $count } doses
    }
";

    #[test]
    fn every_vector_is_shrunk_and_the_tree_is_unchanged() {
        let parsed = fluent_syntax::parser::parse(FTL).expect("parses");
        let mut compacted = fluent_syntax::parser::parse(FTL).expect("parses");
        let before = vectors(&parsed);
        // The parser leaves room (else this test would show nothing).
        assert!(before.iter().any(|(len, cap)| cap > len), "{before:?}");
        compact(&mut compacted);
        let after = vectors(&compacted);
        assert_eq!(after.len(), before.len());
        for ((len_before, _), (len, cap)) in before.iter().zip(&after) {
            assert_eq!((len, cap), (len_before, len_before));
        }
        assert_eq!(compacted, parsed);
    }
}
