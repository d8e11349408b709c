//! A pattern as a reader may see it, shared by the pair rules: its renderings (one text per
//! combination of select variants, placeables that are not literals as [`OBJECT`]), the
//! translated pattern paired with an English one, and exact tests of what a rendering may
//! hold without rendering anything ([`may_render_digit`], [`may_render_any`]).

use std::borrow::Cow;

use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement};

use super::MessagePair;
use crate::check::doc::Entry;

/// What a non-literal placeable (`{ $x }`, `{ -term }`, a function call) becomes in
/// [`renderings`]: one character that is neither a letter, a digit nor markup.
pub(super) const OBJECT: char = '\u{FFFC}';

/// More select-variant combinations than this and only each select's default is rendered.
const MAX_RENDERINGS: usize = 16;

/// The text of a pattern as a reader may see it: string literals resolved (kurso's escapes),
/// number literals as written, other placeables as [`OBJECT`], and one rendering per
/// combination of select variants (the default variants first).
pub(super) fn renderings<'a>(pattern: &Pattern<&'a str>) -> Vec<Cow<'a, str>> {
    // Most patterns are one text: it is its only rendering, borrowed.
    if let [PatternElement::TextElement { value }] = pattern.elements.as_slice() {
        return vec![Cow::Borrowed(value)];
    }
    owned_renderings(pattern)
        .into_iter()
        .map(Cow::Owned)
        .collect()
}

fn owned_renderings(pattern: &Pattern<&str>) -> Vec<String> {
    let mut out = vec![String::new()];
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => out.iter_mut().for_each(|s| s.push_str(value)),
            PatternElement::Placeable { expression } => out = append(out, expression),
        }
    }
    out
}

fn append(mut prefixes: Vec<String>, expression: &Expression<&str>) -> Vec<String> {
    let piece: Cow<'_, str> = match expression {
        Expression::Select { variants, .. } => {
            let mut ordered: Vec<_> = variants.iter().collect();
            ordered.sort_by_key(|variant| !variant.default);
            let mut pieces: Vec<String> = Vec::new();
            for variant in ordered {
                pieces.extend(owned_renderings(&variant.value));
            }
            if prefixes.len() * pieces.len() > MAX_RENDERINGS {
                pieces.truncate(1);
            }
            let mut out = Vec::with_capacity(prefixes.len() * pieces.len());
            for prefix in &prefixes {
                for piece in &pieces {
                    let mut rendering = String::with_capacity(prefix.len() + piece.len());
                    rendering.push_str(prefix);
                    rendering.push_str(piece);
                    out.push(rendering);
                }
            }
            return out;
        }
        Expression::Inline(InlineExpression::StringLiteral { value }) => {
            fluent_syntax::unicode::unescape_unicode_to_string(value)
        }
        Expression::Inline(InlineExpression::NumberLiteral { value }) => Cow::Borrowed(*value),
        Expression::Inline(InlineExpression::Placeable { expression }) => {
            return append(prefixes, expression);
        }
        Expression::Inline(_) => {
            for prefix in &mut prefixes {
                prefix.push(OBJECT);
            }
            return prefixes;
        }
    };
    // One piece: every rendering goes on with it.
    for prefix in &mut prefixes {
        prefix.push_str(&piece);
    }
    prefixes
}

/// Whether a rendering of `pattern` ([`renderings`]) may hold an ASCII digit: a text, a
/// string literal or a number literal with one, in any select variant (also one past
/// [`MAX_RENDERINGS`]). `false` means no rendering has a digit, without rendering anything.
pub(super) fn may_render_digit(pattern: &Pattern<&str>) -> bool {
    may_render_any(pattern, b"0123456789")
}

/// Whether a rendering of `pattern` may hold one of `bytes` (ASCII): some text, string
/// literal or number literal of it has one, in any select variant. Other placeables render
/// as [`OBJECT`], which is none of them.
pub(super) fn may_render_any<const N: usize>(pattern: &Pattern<&str>, bytes: &[u8; N]) -> bool {
    pattern.elements.iter().any(|element| match element {
        PatternElement::TextElement { value } => has_any(value, bytes),
        PatternElement::Placeable { expression } => expression_may_render_any(expression, bytes),
    })
}

fn expression_may_render_any<const N: usize>(
    expression: &Expression<&str>,
    bytes: &[u8; N],
) -> bool {
    match expression {
        Expression::Select { variants, .. } => variants
            .iter()
            .any(|variant| may_render_any(&variant.value, bytes)),
        Expression::Inline(InlineExpression::StringLiteral { value }) => has_any(
            &fluent_syntax::unicode::unescape_unicode_to_string(value),
            bytes,
        ),
        Expression::Inline(InlineExpression::NumberLiteral { value }) => has_any(value, bytes),
        Expression::Inline(InlineExpression::Placeable { expression }) => {
            expression_may_render_any(expression, bytes)
        }
        Expression::Inline(_) => false,
    }
}

fn has_any<const N: usize>(text: &str, bytes: &[u8; N]) -> bool {
    has_byte(text, bytes, 0)
}

/// Whether `text` has one of `bytes`, or a byte below `below` (`0`: none is).
#[expect(
    clippy::needless_bitwise_bool,
    reason = "`|` keeps the loop branch-free, so it is vectorized"
)]
pub(super) fn has_byte<const N: usize>(text: &str, bytes: &[u8; N], below: u8) -> bool {
    // Without an early exit inside a chunk, the compiler compares a chunk's bytes with each of
    // `bytes` in vector registers, rather than one byte at a time.
    text.as_bytes().chunks(32).any(|chunk| {
        chunk.iter().fold(false, |found, &b| {
            found | (b < below) | bytes.iter().fold(false, |hit, &x| hit | (x == b))
        })
    })
}

/// The most `measure` gives any rendering of each pattern of `entry` (`Entry::patterns`
/// order), 0 for a pattern without text.
pub(super) fn most_per_pattern(entry: Entry<'_>, measure: fn(&str) -> usize) -> Vec<usize> {
    entry
        .patterns()
        .map(|(_, pattern)| {
            renderings(pattern)
                .iter()
                .map(|text| measure(text))
                .max()
                .unwrap_or(0)
        })
        .collect()
}

/// The translated pattern that corresponds to the English value (`None`) or attribute.
pub(super) fn translated_pattern<'a>(
    pair: &MessagePair<'a>,
    attribute: Option<&str>,
) -> Option<&'a Pattern<&'a str>> {
    match attribute {
        None => pair.target.value(),
        Some(name) => pair.target.attribute(name).map(|attr| &attr.value),
    }
}

#[cfg(test)]
mod tests {
    /// Literals resolved, other placeables as the object character, one rendering per
    /// combination of variants, each select's default first.
    #[test]
    fn renderings_resolve_literals_and_combine_variants() {
        let render = |source: &'static str| {
            super::renderings(&crate::check::rules::fixture::value_of(source))
        };
        assert_eq!(render("a = Take two tablets."), ["Take two tablets."]);
        assert_eq!(
            render("a = Take { $n } tablets of { -brand }."),
            ["Take \u{FFFC} tablets of \u{FFFC}."]
        );
        assert_eq!(
            render("a = Take { \"5\" } mg { 2 } { { 3 } }."),
            ["Take 5 mg 2 3."]
        );
        assert_eq!(
            render("a = { $n ->\n    [one] One\n   *[other] { $n } more\n} left"),
            ["\u{FFFC} more left", "One left"]
        );
        assert_eq!(
            render(
                "a = Dose: { $n ->\n    [one] one\n   *[other] more\n}, { $m ->\n   *[x] x\n    [y] y\n}"
            ),
            [
                "Dose: more, x",
                "Dose: more, y",
                "Dose: one, x",
                "Dose: one, y"
            ]
        );
    }

    /// `may_render_digit` answers, without rendering, whether a rendering has a digit: the
    /// `numbers` rule skips a pattern on its word.
    #[test]
    fn may_render_digit_agrees_with_the_renderings() {
        let cases = [
            ("a = Plain words only.", false),
            ("a = Take { $n } tablets of { -brand }.", false),
            ("a = Take 5 mg.", true),
            ("a = Take { 5 } mg.", true),
            ("a = Take { \"5\" } mg.", true),
            ("a = Take { \"\\u0035\" } mg.", true),
            ("a = Take { \"five\" } mg.", false),
            ("a = Take { { 2 } } mg.", true),
            (
                "a = { $n ->\n    [one] One tablet\n   *[other] { $n } tablets\n}",
                false,
            ),
            (
                "a = { $n ->\n    [one] One tablet\n   *[other] 2 tablets\n}",
                true,
            ),
            (
                "a = { $n ->\n   *[other] { $m ->\n       *[x] At 8:00\n    }\n}",
                true,
            ),
            ("a = { NUMBER($n, minimumFractionDigits: 2) } units", false),
        ];
        for (source, expected) in cases {
            let pattern = &crate::check::rules::fixture::value_of(source);
            let rendered = super::renderings(pattern)
                .iter()
                .any(|text| text.bytes().any(|b| b.is_ascii_digit()));
            assert_eq!(rendered, expected, "renderings of {source}");
            assert_eq!(super::may_render_digit(pattern), expected, "{source}");
        }
    }
}
