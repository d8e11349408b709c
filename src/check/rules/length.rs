//! `length`: a translation far shorter or far longer than the English.

use fluent_syntax::ast::PatternElement;

use super::markup::visible_len;
use super::rendering::{most_per_pattern, renderings, translated_pattern};
use super::{MessagePair, Rule};
use crate::check::finding::{Finding, Level};

pub const RULE: Rule = Rule {
    code: "length",
    level: Level::Warning,
    summary: "a translation suspiciously shorter or longer than the English",
    docs: "\
What it finds: a translated value or attribute whose visible text (without URLs and HTML tags,
blanks collapsed) is less than 0.4 times or more than 3 times as long, in characters, as the
English. English texts under 20 characters are not checked: short labels vary too much.

The thresholds are wide on purpose. Greek, Finnish and Hungarian texts commonly run 10–40 %
longer than the English, Turkish and Lithuanian a little less, and a terse English heading may
need a whole phrase; none of that is reported. What is reported is a translation that lost half
its sentences, or one that holds a paragraph the English does not have.

Why it matters: a translation that stops after the first sentence drops what followed, and in
a clinical course that is often the exception or the safety step (\"…and at once if they also
have fever\"). An overlong one may carry text pasted from the wrong message.

Example:

    # en
    p1 = Patients should call if diarrhoea continues for more than 24 hours despite
        loperamide, and at once if they also have fever, blood in the stool or dizziness.
    # fi: ratio 0.26
    p1 = Soita, jos ripuli jatkuu.

How to fix: compare the translation with the English sentence by sentence. If the length is
right, put `# kurso-allow length: reason` on the line above the translated message; to switch
the rule off for a project, set `length = \"off\"` under `[check.rules]` in kurso.toml.",
    check: Some(check),
};

/// English texts shorter than this (in characters) are not checked.
const MIN_ENGLISH: usize = 20;
/// Shorter than `SHORT_TENTHS / 10` of the English is reported.
const SHORT_TENTHS: usize = 4;
/// Longer than `LONG_TIMES` the English is reported.
const LONG_TIMES: usize = 3;

/// `part / whole` with two decimals, for people.
fn ratio(part: usize, whole: usize) -> String {
    let hundredths = part.saturating_mul(100) / whole.max(1);
    format!("{}.{:02}", hundredths / 100, hundredths % 100)
}

fn check(pair: &MessagePair<'_>, out: &mut Vec<Finding>) {
    let mut english_lengths = None;
    for (index, (attribute, source)) in pair.source.patterns().enumerate() {
        // A text of fewer bytes shows fewer characters (labels, buttons: many messages): not
        // checked, and not measured.
        if let [PatternElement::TextElement { value }] = source.elements.as_slice()
            && value.len() < MIN_ENGLISH
        {
            continue;
        }
        // The English side is the same for every locale: measured once per run.
        let english_lengths = english_lengths.get_or_insert_with(|| {
            pair.env.source_facts.get(
                pair.source,
                |facts| &facts.visible_lengths,
                || most_per_pattern(pair.source, visible_len),
            )
        });
        let english = english_lengths[index];
        if english < MIN_ENGLISH {
            continue;
        }
        let Some(target) = translated_pattern(pair, attribute) else {
            continue;
        };
        let (mut shortest, mut longest) = (usize::MAX, 0);
        for text in renderings(target) {
            let length = visible_len(&text);
            shortest = shortest.min(length);
            longest = longest.max(length);
        }
        // Blank translations are `empty`'s business.
        if longest == 0 {
            continue;
        }
        let (length, question) = if longest * 10 < english * SHORT_TENTHS {
            (longest, "is part of it missing?")
        } else if shortest > english * LONG_TIMES {
            (shortest, "does it say more than the English?")
        } else {
            continue;
        };
        let place = attribute.map_or_else(String::new, |name| format!("in `.{name}`: "));
        let mut finding = pair.finding(
            &RULE,
            format!(
                "{place}the translation has {length} characters, the English {english} (ratio {}): {question}",
                ratio(length, english)
            ),
        );
        finding.help = Some(
            "compare it with the English sentence by sentence; if the length is right, add \
             `# kurso-allow length: reason` on the line above the message"
                .to_owned(),
        );
        out.push(finding);
    }
}

#[cfg(test)]
mod tests {
    use super::super::fixture::{self, run};
    use super::*;

    const ENGLISH: &str = "Patients should call if diarrhoea continues for more than 24 hours despite loperamide, and at once if they also have fever, blood in the stool or dizziness.";

    #[track_caller]
    fn messages(english: &str, translated: &str) -> Vec<String> {
        fixture::messages(&RULE, "fi", english, translated)
    }

    #[test]
    fn truncated_and_padded_translations_are_reported() {
        assert_eq!(
            messages(ENGLISH, "Soita, jos ripuli jatkuu."),
            [
                "the translation has 25 characters, the English 156 (ratio 0.16): is part of it missing?"
            ]
        );
        let padded = "Ota yhteyttä välittömästi. ".repeat(20);
        let found = messages("Call the 24-hour line now.", &padded);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].ends_with("does it say more than the English?"),
            "{}",
            found[0]
        );
        let findings = run(
            &RULE,
            "fi",
            "m = x\n    .title = Open the settings of the editor\n",
            "m = y\n    .title = Auki\n",
        );
        assert!(
            findings[0]
                .message
                .starts_with("in `.title`: the translation has 4 characters")
        );
        assert_eq!(findings[0].level, Level::Warning);
    }

    #[test]
    fn normal_growth_short_english_and_urls_are_not_reported() {
        let greek = "Οι ασθενείς πρέπει να τηλεφωνούν αν η διάρροια συνεχίζεται για περισσότερες από 24 ώρες παρά τη λοπεραμίδη, και αμέσως αν έχουν επίσης πυρετό, αίμα στα κόπρανα ή ζάλη.";
        assert!(messages(ENGLISH, greek).is_empty());
        assert!(messages("Quiz", "Kysymyksiä ja vastauksia tämän moduulin aiheista").is_empty());
        assert!(
            messages(
                "See the [guidelines](https://www.esmo.org/guidelines/very/long/address)",
                "Katso [ohjeet](https://www.esmo.org/guidelines/very/long/address)"
            )
            .is_empty()
        );
        assert!(messages(ENGLISH, "{\"\"}").is_empty());
    }

    #[test]
    fn ratio_is_printed_with_two_decimals() {
        assert_eq!(ratio(25, 156), "0.16");
        assert_eq!(ratio(300, 100), "3.00");
    }
}
