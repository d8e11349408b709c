//! Property tests on generated Markdown: building with the source text is the identity, and
//! building with a translation puts exactly that translation back without changing the
//! document's block structure. The messages go through Fluent escaping on the way. The
//! documents hold HTML boxes, tables and figures, LiaScript quizzes and kramdown/Jekyll
//! markup besides plain Markdown.

use std::fmt::Write as _;
use std::path::Path;

use kurso::fluent::{SourceFtl, SourceMessage, parse_ftl, render_source_ftl};
use kurso::segment::{place_translation, segment_module, splice};
use proptest::prelude::*;

use crate::support::{block_skeleton, events};

fn word() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("dose".to_owned()),
        Just("δόση".to_owned()),
        Just("0.5 mg".to_owned()),
        Just("{patient_id}".to_owned()),
        Just("**strong**".to_owned()),
        Just("*emphasis*".to_owned()),
        Just("`code`".to_owned()),
        Just("[link](https://www.who.int \"WHO\")".to_owned()),
        Just("<https://ema.europa.eu>".to_owned()),
        Just("x | y".to_owned()),
        Just("a\\*b".to_owned()),
        Just("&amp;".to_owned()),
        Just("<kbd>Ctrl</kbd>".to_owned()),
        "[a-zA-Z]{1,8}",
    ]
}

fn line() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(word(), 1..6),
        prop_oneof![Just(""), Just("  "), Just("\\")],
    )
        .prop_map(|(words, end)| format!("{}{end}", words.join(" ")))
}

fn paragraph() -> impl Strategy<Value = String> {
    prop::collection::vec(line(), 1..4).prop_map(|lines| {
        let text = lines.join("\n");
        // A paragraph cannot end in a hard break.
        text.trim_end_matches(['\\', ' ']).to_owned() + "x"
    })
}

fn block() -> impl Strategy<Value = String> {
    prop_oneof![
        (1..4usize, prop::collection::vec(word(), 1..4)).prop_map(|(level, words)| format!(
            "{} {}",
            "#".repeat(level),
            words.join(" ")
        )),
        paragraph(),
        prop::collection::vec(paragraph(), 1..4).prop_map(|items| items
            .iter()
            .map(|item| format!("- {}", item.replace('\n', "\n  ")))
            .collect::<Vec<_>>()
            .join("\n")),
        (paragraph(), paragraph()).prop_map(|(outer, inner)| format!(
            "1. {}\n   - {}",
            outer.replace('\n', "\n   "),
            inner.replace('\n', "\n     ")
        )),
        paragraph().prop_map(|text| format!("> {}", text.replace('\n', "\n> "))),
        (
            prop::collection::vec(word(), 2..4),
            prop::collection::vec(word(), 2..4)
        )
            .prop_map(|(head, row)| {
                let cells = head.len().min(row.len());
                let esc = |w: &String| w.replace('|', "\\|");
                format!(
                    "| {} |\n|{}\n| {} |",
                    head[..cells]
                        .iter()
                        .map(esc)
                        .collect::<Vec<_>>()
                        .join(" | "),
                    "---|".repeat(cells),
                    row[..cells].iter().map(esc).collect::<Vec<_>>().join(" | ")
                )
            }),
        (prop::collection::vec(word(), 1..3), "[a-z]{1,6}").prop_map(|(alt, title)| format!(
            "![{}](fig/x.svg \"{title}\")",
            alt.join(" ").replace(['[', ']'], "")
        )),
        "[a-z {}]{0,20}".prop_map(|code| format!("```\n{code}\n```")),
        html_block(),
        liascript_quiz(),
        kramdown_block(),
        Just("<!-- l10n: skip -->\nSkipped text.".to_owned()),
        Just("<!-- l10n: note Keep doses. -->\nNoted text.".to_owned()),
    ]
}

/// Words safe inside an HTML attribute value.
fn plain_words() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("δόση".to_owned()),
            Just("0.5 mg".to_owned()),
            "[a-zA-Z]{1,8}"
        ],
        1..4,
    )
    .prop_map(|words| words.join(" "))
}

fn words() -> impl Strategy<Value = String> {
    prop::collection::vec(word(), 1..5).prop_map(|words| words.join(" "))
}

/// An HTML quiz box, a `<details>` box, an HTML table, a figure, prose swallowed into a block.
fn html_block() -> impl Strategy<Value = String> {
    prop_oneof![
        (words(), words(), words(), words()).prop_map(|(heading, question, a, b)| format!(
            "<div class=\"quiz\">\n<h4>{heading}</h4>\n<p><b>Question.</b> {question}</p>\n<ul>\n<li>{a}</li>\n<li>{b}</li>\n</ul>\n</div>"
        )),
        (words(), words()).prop_map(|(summary, body)| format!(
            "<details>\n<summary>{summary}</summary>\n<p>{body}</p>\n</details>"
        )),
        (plain_words(), plain_words(), words()).prop_map(|(head, cell, caption)| format!(
            "<table>\n<caption>{caption}</caption>\n<tr><th>{head}</th><th>ABC123</th></tr>\n<tr><td>{cell}</td><td>M</td></tr>\n</table>"
        )),
        (plain_words(), plain_words(), words()).prop_map(|(alt, title, caption)| format!(
            "<figure>\n<img src=\"fig/a.svg\" alt=\"{alt}\" title='{title}'>\n<figcaption>{caption}</figcaption>\n</figure>"
        )),
        paragraph().prop_map(|prose| format!("<div class=\"answer\">\n{prose}\n</div>")),
    ]
}

/// A LiaScript quiz: question, options (the markers outside every message), hint, solution;
/// or a question with a selection (`[[a|(b)|c]]`) or an answer to type (`[[answer]]`).
fn liascript_quiz() -> impl Strategy<Value = String> {
    prop_oneof![choice_quiz(), answer_quiz()]
}

fn answer_quiz() -> impl Strategy<Value = String> {
    (
        paragraph(),
        prop::collection::vec((prop::bool::ANY, plain_words()), 1..4),
    )
        .prop_map(|(question, answers)| {
            let answers: Vec<String> = answers
                .into_iter()
                .map(
                    |(right, answer)| {
                        if right { format!("({answer})") } else { answer }
                    },
                )
                .collect();
            format!("{question}\n\n[[{}]]", answers.join("|"))
        })
}

fn choice_quiz() -> impl Strategy<Value = String> {
    (
        paragraph(),
        prop::collection::vec((prop::bool::ANY, words()), 2..4),
        prop::option::of(words()),
        prop::bool::ANY,
        prop::option::of(paragraph()),
    )
        .prop_map(|(question, options, hint, single, solution)| {
            let mut quiz = format!("{question}\n\n");
            for (right, option) in options {
                let marker = match (single, right) {
                    (true, true) => "[(X)]",
                    (true, false) => "[( )]",
                    (false, true) => "[[X]]",
                    (false, false) => "[[ ]]",
                };
                let _ = writeln!(quiz, "{marker} {option}");
            }
            if let Some(hint) = hint {
                let _ = writeln!(quiz, "[[?]] {hint}");
            }
            if let Some(solution) = solution {
                let _ = write!(quiz, "*****\n{solution}\n*****\n");
            }
            quiz.trim_end().to_owned()
        })
}

/// kramdown attribute lines, Pandoc heading attributes, Liquid and LiaScript macro calls.
fn kramdown_block() -> impl Strategy<Value = String> {
    prop_oneof![
        paragraph().prop_map(|text| format!("> {}\n{{: .callout}}", text.replace('\n', "\n> "))),
        "[a-z ]{0,20}".prop_map(|code| format!("~~~\n{code}\n~~~\n{{: .language-python}}")),
        (1..4usize, words())
            .prop_map(|(level, title)| format!("{} {title} {{.challenge}}", "#".repeat(level))),
        Just("{% include links.md %}".to_owned()),
        Just("@overview".to_owned()),
        (words(), words()).prop_map(|(before, after)| format!(
            "{before} [the reference]({{{{ page.root }}}}/reference/) {after} @long_description"
        )),
    ]
}

fn document() -> impl Strategy<Value = String> {
    (
        prop::option::of("[A-Z][a-z ]{0,12}[a-z]"),
        prop::collection::vec(block(), 1..8),
    )
        .prop_map(|(title, blocks)| {
            let front = title
                .map(|title| format!("---\ntitle: {title}\nobjectives:\n  - Learn {title}\n---\n"))
                .unwrap_or_default();
            format!("{front}{}\n", blocks.join("\n\n"))
        })
}

/// The segments' texts written to Fluent and read back, as a translator's file would be.
fn through_fluent(texts: &[String]) -> Vec<String> {
    let ftl = SourceFtl {
        messages: texts
            .iter()
            .enumerate()
            .map(|(idx, text)| SourceMessage {
                id: format!("m{idx}"),
                value: text.clone(),
                comment: Vec::new(),
            })
            .collect(),
        ..SourceFtl::default()
    };
    let parsed = parse_ftl(Path::new("x.ftl"), &render_source_ftl(&ftl));
    assert!(parsed.diagnostics.is_empty(), "{:?}", parsed.diagnostics);
    parsed
        .messages
        .into_iter()
        .map(|message| message.value.expect("plain text"))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn building_with_the_source_text_is_the_identity(markdown in document()) {
        let file = segment_module(Path::new("m.md"), &markdown, &["title".into(), "objectives".into()]);
        prop_assert!(file.diagnostics.is_empty(), "{:?}", file.diagnostics);
        let texts = through_fluent(&file.segments.iter().map(|s| s.text.clone()).collect::<Vec<_>>());
        let replacements: Vec<_> = file.segments.iter().zip(&texts).filter_map(|(s, t)| place_translation(s, t)).collect();
        let built = splice(&markdown, replacements);
        prop_assert_eq!(&built, &markdown);
        prop_assert_eq!(events(&built), events(&markdown));
    }

    #[test]
    fn building_a_translation_keeps_structure_and_lands_the_text(markdown in document()) {
        let keys = ["title".to_owned(), "objectives".to_owned()];
        let file = segment_module(Path::new("m.md"), &markdown, &keys);
        let translations: Vec<String> = file.segments.iter().map(|s| format!("Ψ {} Ω", s.text)).collect();
        let texts = through_fluent(&translations);
        prop_assert_eq!(&texts, &translations);
        let replacements: Vec<_> = file.segments.iter().zip(&texts).filter_map(|(s, t)| place_translation(s, t)).collect();
        let built = splice(&markdown, replacements);
        prop_assert_eq!(block_skeleton(&built), block_skeleton(&markdown), "built:\n{}", built);
        let again = segment_module(Path::new("m.md"), &built, &keys);
        let landed: Vec<String> = again.segments.iter().map(|s| s.text.clone()).collect();
        prop_assert_eq!(landed, translations, "built:\n{}", built);
    }
}

/// Any input: no panic, every span inside the text on character boundaries, and building with
/// the source text gives the input back.
fn check_any_input(text: &str) -> Result<(), TestCaseError> {
    let file = segment_module(Path::new("m.md"), text, &["title".to_owned()]);
    for segment in &file.segments {
        prop_assert!(segment.span.end <= text.len());
        prop_assert!(
            text.is_char_boundary(segment.span.start) && text.is_char_boundary(segment.span.end)
        );
    }
    let replacements: Vec<_> = file
        .segments
        .iter()
        .filter_map(|s| place_translation(s, &s.text))
        .collect();
    prop_assert_eq!(splice(text, replacements), text);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn any_string_is_segmented_safely(text in any::<String>()) {
        check_any_input(&text)?;
    }

    #[test]
    fn markdown_noise_is_segmented_safely(
        text in r"(---\n(title: [a-z:\x22\[]{0,8}\n){0,2}(---\n)?)?[-#>*_`\[\]()!|:{}\n \t0-9a-zé<>\\\x22'=.~]{0,200}"
    ) {
        check_any_input(&text)?;
    }
}
