//! `empty`: a translated value or attribute that is empty or only whitespace while the
//! English has text.

use super::rendering::{renderings, translated_pattern};
use super::{MessagePair, Rule};
use crate::check::finding::{Finding, Level};

pub const RULE: Rule = Rule {
    code: "empty",
    level: Level::Error,
    summary: "a translated value or attribute is empty while the English is not",
    docs: "\
What it finds: a translated message whose value, or one of whose attributes, is empty or only
blanks while the English has text. kurso writes an empty value as `{\"\"}`; `{\" \"}` and a
message with attributes but no value count too. A select expression whose variants are all
empty is empty.

Why it matters: an empty message shows nothing: a heading vanishes, a list item of a dosing
table is blank, an image loses its alt text. Unlike a missing message, nothing falls back to
the English, so the learner does not even see that something is missing.

Example:

    # en
    red-alerts-act-now-li1 = Temperature of 38.0 °C or higher, or below 36.0 °C.
    # el
    red-alerts-act-now-li1 = {\"\"}

How to fix: translate the text. If the message is not ready, delete it from the translation
instead: then `missing` reports it and the build shows the English (or the fallback locale)
until it is translated.

To silence it for a project, set `empty = \"off\"` under `[check.rules]` in kurso.toml; for one
message, put `# kurso-allow empty: reason` on the line above the translated message.",
    check: Some(check),
};

/// Whether every rendering of the pattern is blank.
pub(super) fn is_blank(pattern: &fluent_syntax::ast::Pattern<&str>) -> bool {
    use fluent_syntax::ast::{Expression, InlineExpression, PatternElement};
    // What every rendering shows (most messages have some): text of the pattern itself, a
    // number, a placeable shown as an object.
    let shown_in_all = pattern.elements.iter().any(|element| match element {
        PatternElement::TextElement { value } => value.chars().any(|c| !c.is_whitespace()),
        PatternElement::Placeable {
            expression: Expression::Inline(inline),
        } => !matches!(
            inline,
            InlineExpression::StringLiteral { .. } | InlineExpression::Placeable { .. }
        ),
        PatternElement::Placeable { .. } => false,
    });
    if shown_in_all {
        return false;
    }
    renderings(pattern)
        .iter()
        .all(|text| text.trim().is_empty())
}

fn check(pair: &MessagePair<'_>, out: &mut Vec<Finding>) {
    for (attribute, source) in pair.source.patterns() {
        if is_blank(source) {
            continue;
        }
        let message = match (attribute, translated_pattern(pair, attribute)) {
            (None, None) => "the translation has no value, but the English has text".to_owned(),
            (None, Some(target)) if is_blank(target) => {
                "the translation is empty, but the English has text".to_owned()
            }
            (Some(name), Some(target)) if is_blank(target) => {
                format!("`.{name}` is empty, but the English has text")
            }
            // A missing attribute is reported by `missing`.
            _ => continue,
        };
        let mut finding = pair.finding(&RULE, message);
        finding.help = Some(
            "translate it, or delete the message until it is translated so that the English \
             (or the fallback locale) is shown instead of nothing"
                .to_owned(),
        );
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{ids, run};
    use super::*;

    const ENGLISH: &str =
        "a = Temperature of 38.0 °C or higher.\n    .title = Fever\nb = Call now.\n";

    #[test]
    fn empty_values_and_attributes_are_errors() {
        let findings = run(
            &RULE,
            "el",
            ENGLISH,
            "a = {\"\"}\n    .title = { \"  \" }\nb = Καλέστε τώρα.\n",
        );
        assert_eq!(ids(&findings), ["a", "a"]);
        assert_eq!(
            findings[0].message,
            "the translation is empty, but the English has text"
        );
        assert_eq!(
            findings[1].message,
            "`.title` is empty, but the English has text"
        );
        assert_eq!(findings[0].level, Level::Error);
        let no_value = run(&RULE, "el", ENGLISH, "a =\n    .title = Πυρετός\n");
        assert_eq!(
            no_value[0].message,
            "the translation has no value, but the English has text"
        );
    }

    #[test]
    fn text_placeables_and_empty_english_are_fine() {
        let translated =
            "a = Θερμοκρασία 38,0 °C ή υψηλότερη.\n    .title = Πυρετός\nb = { -brand }\n";
        assert!(run(&RULE, "el", ENGLISH, translated).is_empty());
        assert!(run(&RULE, "el", "a = {\"\"}\n", "a = {\"\"}\n").is_empty());
        // An attribute the translation lacks is `missing`'s business.
        assert!(run(&RULE, "el", ENGLISH, "a = Θερμοκρασία.\n").is_empty());
    }

    /// `is_blank` answers without rendering when something is shown in every rendering,
    /// and agrees with the renderings in every case.
    #[test]
    fn is_blank_agrees_with_the_renderings() {
        let cases = [
            ("a = Text", false),
            ("a = { \"\" }", true),
            ("a = { \" \" }", true),
            ("a = { \"x\" }", false),
            ("a = {\"\"} {\"\"}", true),
            ("a = { { \"\" } }", true),
            ("a = { $n }", false),
            ("a = { -brand }", false),
            ("a = { 0 }", false),
            ("a = { $n ->\n    [one] {\"\"}\n   *[other] {\"\"}\n}", true),
            ("a = { $n ->\n    [one] One\n   *[other] {\"\"}\n}", false),
            ("a = {\"\"}{ $n ->\n   *[other] {\" \"}\n}", true),
        ];
        for (source, expected) in cases {
            let pattern = &crate::check::rules::fixture::value_of(source);
            let rendered = renderings(pattern).iter().all(|t| t.trim().is_empty());
            assert_eq!(rendered, expected, "renderings of {source}");
            assert_eq!(is_blank(pattern), expected, "{source}");
        }
    }

    #[test]
    fn select_with_only_empty_variants_is_empty() {
        let translated = "b = { $n ->\n    [one] {\"\"}\n   *[other] {\"\"}\n}\n";
        assert_eq!(ids(&run(&RULE, "el", ENGLISH, translated)), ["b"]);
    }
}
