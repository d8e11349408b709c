//! Tests of `segment::structure`: which translations change a module's structure.

use std::path::Path;

use super::*;
use crate::segment::{Segment, place_translation, segment_module};

const MODULE: &str = "---\ntitle: Alerts\n---\n# Alerts\n\nCall the *patient* today.\n\n- Check the dose.\n- Record it.\n\n| Drug | Dose |\n|---|---|\n|Ondansetron|8 mg|\n\n![Flow diagram of the alerts](fig/a.svg \"Alerts\")\n";

fn segments() -> Vec<Segment> {
    let file = segment_module(Path::new("01-a.md"), MODULE, &["title".to_owned()]);
    assert!(file.diagnostics.is_empty(), "{:?}", file.diagnostics);
    file.segments
}

fn structure() -> ModuleStructure {
    let body_start = MODULE.find("# Alerts").expect("the body");
    ModuleStructure::new(MODULE, body_start)
}

/// The replacement putting `text` into the segment whose source text is `source`, as the
/// build places it (`raw`: the text as it is, bypassing the splice's escaping).
fn replacement(source: &str, text: &str, raw: bool) -> Replacement {
    let segment = segments()
        .into_iter()
        .find(|segment| segment.text == source)
        .unwrap_or_else(|| panic!("no segment `{source}`"));
    if raw {
        Replacement {
            span: segment.span,
            text: text.to_owned(),
        }
    } else {
        place_translation(&segment, text).expect("a different text")
    }
}

/// `(index, message)` of each breaking replacement.
#[track_caller]
fn check(replacements: &[Replacement], expected: &[(usize, &str)]) {
    let got: Vec<(usize, String)> = structure()
        .breaking(MODULE, replacements)
        .into_iter()
        .map(|(index, change)| (index, change.to_string()))
        .collect();
    let expected: Vec<(usize, String)> = expected
        .iter()
        .map(|(index, message)| (*index, (*message).to_owned()))
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn translations_that_keep_the_structure_pass() {
    check(
        &[
            replacement("Alerts", "Allarmi", false),
            replacement(
                "Call the *patient* today.",
                "Chiama *oggi* il paziente.",
                false,
            ),
            replacement("Check the dose.", "Controlla la dose.", false),
            replacement("Drug", "Farmaco | nome", false),
            replacement("Flow diagram of the alerts", "[bozza Diagramma]]", false),
        ],
        &[],
    );
}

#[test]
fn an_unbalanced_bracket_in_alt_text_turns_the_image_into_a_link() {
    check(
        &[replacement(
            "Flow diagram of the alerts",
            "[bozza Diagramma degli allarmi",
            true,
        )],
        &[(
            0,
            "the built module has a link where the English has an image",
        )],
    );
}

#[test]
fn only_the_translations_that_break_it_are_returned() {
    check(
        &[
            replacement("Alerts", "Allarmi", false),
            replacement(
                "Call the *patient* today.",
                "Chiama il paziente.\n\nOggi.",
                false,
            ),
            replacement("Check the dose.", "# Controlla la dose.", true),
            replacement("Record it.", "Registrala.", false),
            replacement("Ondansetron", "Ondansetron C:\\", true),
            replacement("Flow diagram of the alerts", "Diagramma", false),
        ],
        &[
            (
                1,
                "the built module has the end of a paragraph where the English has emphasis",
            ),
            (
                2,
                "the built module has a level-1 heading where the English has the end of a list item",
            ),
            (
                4,
                "the built module has an empty table cell where the English has a table cell",
            ),
        ],
    );
}

#[test]
fn front_matter_replacements_are_not_markdown() {
    let title = segments()
        .into_iter()
        .find(|segment| segment.kind == crate::segment::SegmentKind::Field)
        .expect("the title field");
    check(
        &[Replacement {
            span: title.span,
            text: "\"[# Allarmi\"".to_owned(),
        }],
        &[],
    );
}

#[test]
fn emphasis_and_links_are_structure() {
    let source = "Read [the leaflet](l.pdf) *first*.\n";
    let structure = ModuleStructure::new(source, 0);
    let lost_link = Replacement {
        span: crate::span::Span::new(0, source.len() - 1),
        text: "Leggi il foglio (l.pdf) *prima*.".to_owned(),
    };
    let changes = structure.breaking(source, &[lost_link]);
    assert_eq!(
        changes[0].1.to_string(),
        "the built module has emphasis where the English has a link"
    );
    assert_eq!(
        marks("a *b* `c` <br> [^1]\n\n---\n\n[^1]: x\n"),
        [
            Mark::Open(Element::Paragraph),
            Mark::Open(Element::Emphasis),
            Mark::Close(Element::Emphasis),
            Mark::CodeSpan,
            Mark::InlineHtml,
            Mark::FootnoteReference,
            Mark::Close(Element::Paragraph),
            Mark::ThematicBreak,
            Mark::Open(Element::FootnoteDefinition),
            Mark::Open(Element::Paragraph),
            Mark::Close(Element::Paragraph),
            Mark::Close(Element::FootnoteDefinition),
        ]
    );
}

/// The changes `translations` (source text, translation, as the build places them) make to
/// `module`, a LiaScript quiz.
fn quiz_changes(module: &str, translations: &[(&str, &str)]) -> Vec<String> {
    let file = segment_module(Path::new("01-q.md"), module, &[]);
    let replacements: Vec<Replacement> = translations
        .iter()
        .map(|(source, text)| {
            let segment = file
                .segments
                .iter()
                .find(|segment| segment.text == *source)
                .unwrap_or_else(|| panic!("no segment `{source}`"));
            place_translation(segment, text).expect("a different text")
        })
        .collect();
    ModuleStructure::new(module, 0)
        .breaking(module, &replacements)
        .into_iter()
        .map(|(index, change)| format!("{index}: {change}"))
        .collect()
}

#[test]
fn a_translation_cannot_add_a_quiz_answer_or_move_the_right_one() {
    let module = "Sex?\n\n[[male|(female)|other]]\n\n> Type it:\n> [[Structured Query Language]]\n\n<div class=\"question\">\nPick:\n[( )] Ten grams\n[(X)] One gram\nSafe?\n[[yes|(no)]]\n</div>\n";
    assert!(
        quiz_changes(
            module,
            &[
                ("male", "maschio"),
                ("female", "femmina (donna)"),
                ("Structured Query Language", "Linguaggio strutturato"),
                ("Ten grams", "Dieci grammi"),
            ]
        )
        .is_empty()
    );
    assert_eq!(
        quiz_changes(
            module,
            &[
                ("male", "(maschio)"),
                ("other", "altro|non so"),
                ("Structured Query Language", "Linguaggio]] [[strutturato"),
                ("One gram", "Un grammo\n[(X)] Dieci grammi"),
                ("yes", "(sì)"),
            ]
        ),
        [
            "0: the built module has a quiz selection of 3 answers with answers 1, 2 marked right where the English has a quiz selection of 3 answers with answer 2 marked right",
            "1: the built module has a quiz selection of 4 answers with answer 2 marked right where the English has a quiz selection of 3 answers with answer 2 marked right",
            "2: the built module has a survey option where the English has a quiz answer to type",
            "4: the built module has a quiz selection of 2 answers with answers 1, 2 marked right where the English has a quiz selection of 2 answers with answer 2 marked right",
        ],
        "a line that starts with a marker is escaped, so it is no option"
    );
    assert_eq!(
        marks("[(X)] a\n[[ ]] b\n[[?]] c\n[[a|(b)|(c)]]\n")[1..5],
        [
            Mark::Quiz(QuizMarkers {
                style: QuizStyle::SingleChoice,
                choices: 1,
                right: 1
            }),
            Mark::Quiz(QuizMarkers {
                style: QuizStyle::MultipleChoice,
                choices: 1,
                right: 0
            }),
            Mark::Quiz(QuizMarkers {
                style: QuizStyle::Hint,
                choices: 1,
                right: 0
            }),
            Mark::Quiz(QuizMarkers {
                style: QuizStyle::TextAnswer,
                choices: 3,
                right: 0b110
            }),
        ]
    );
}
