//! Real course formats: HTML blocks, LiaScript modules and quizzes, kramdown/Jekyll markup,
//! Pandoc attributes and data-only table cells.

use super::*;

/// The notes of every segment, by derived ID.
fn notes(markdown: &str) -> Vec<(String, Vec<String>)> {
    segments(markdown)
        .segments
        .into_iter()
        .map(|segment| (segment.derived_id, segment.notes))
        .collect()
}

#[test]
fn text_inside_html_blocks_is_extracted_in_place() {
    check(
        "<div class=\"quiz\">\n<h3>Check your dose</h3>\n<p><b>Question:</b> How much?</p>\n<ul>\n<li>1 g</li>\n<li>4 g <i>a day</i></li>\n</ul>\n</div>\n\nAfter.\n",
        &[
            ("check-your-dose-title", "Check your dose"),
            ("check-your-dose-p1", "<b>Question:</b> How much?"),
            ("check-your-dose-li1", "1 g"),
            ("check-your-dose-li2", "4 g <i>a day</i>"),
            ("check-your-dose-p2", "After."),
        ],
    );
}

#[test]
fn details_tables_figures_and_attributes() {
    check(
        "<details>\n<summary>Show the answer</summary>\n\nCall **now**.\n\n</details>\n\n<table><tr><th>Sex</th><th>Patient</th></tr><tr><td>F</td><td>Prairie Dawn</td><td>SMLE321</td></tr></table>\n\n<figure>\n<img src=\"a.svg\" alt=\"Alert flow\" title=\"When to call\">\n<figcaption>The alert flow</figcaption>\n</figure>\n",
        &[
            ("intro-summary1", "Show the answer"),
            ("intro-p1", "Call **now**."),
            ("intro-th1", "Sex"),
            ("intro-th2", "Patient"),
            ("intro-td1", "Prairie Dawn"),
            ("intro-alt1", "Alert flow"),
            ("intro-attr1", "When to call"),
            ("intro-p2", "The alert flow"),
        ],
    );
}

#[test]
fn prose_swallowed_into_an_html_block_is_read_as_markdown() {
    check(
        "<div class=\"answer\">\nSQL stands for *Structured* Query Language.\n- one point\n- another\n</div>\n",
        &[
            ("intro-p1", "SQL stands for *Structured* Query Language."),
            ("intro-li1", "one point"),
            ("intro-li2", "another"),
        ],
    );
}

#[test]
fn an_html_block_in_a_quote_keeps_its_prefixes_out() {
    let file = segments("> <p>First line\n> second line</p>\n");
    assert_eq!(file.segments.len(), 1);
    assert_eq!(file.segments[0].text, "First line\nsecond line");
    assert_eq!(
        file.segments[0].placement,
        Placement::Inline {
            continuation_prefix: "> ".into(),
            single_line: false,
            escape: Escape::Nothing
        }
    );
}

#[test]
fn directives_govern_html_blocks_with_text() {
    check(
        "<!-- l10n: skip -->\n<div><p>Not this.</p></div>\n\n<p>This.</p>\n",
        &[("intro-p1", "This.")],
    );
}

#[test]
fn liascript_quizzes_are_linked_units_without_their_markers() {
    let markdown = "What does SQL stand for?\n\n[[ ]] Sequential Query Language\n[[X]] Structured Query Language\n[[?]] Two words start with S\n*********\n\nIt is **Structured** Query Language.\n\n***********\n\nNot feedback.\n";
    check(
        markdown,
        &[
            ("intro-p1", "What does SQL stand for?"),
            ("intro-opt1", "Sequential Query Language"),
            ("intro-opt2", "Structured Query Language"),
            ("intro-hint1", "Two words start with S"),
            ("intro-p2", "It is **Structured** Query Language."),
            ("intro-p3", "Not feedback."),
        ],
    );
    let notes = notes(markdown);
    assert!(notes[0].1[0].starts_with("Quiz question"), "{notes:?}");
    assert_eq!(
        notes[2].1,
        [
            "Option 2 of the quiz “What does SQL stand for?”. Which option is right is kept outside this text: translate the words only."
        ]
    );
    assert_eq!(
        notes[3].1,
        ["Hint for the quiz “What does SQL stand for?”."]
    );
    assert_eq!(
        notes[4].1,
        ["Feedback on the quiz “What does SQL stand for?”, shown after answering."]
    );
    assert!(notes[5].1.is_empty());
}

#[test]
fn single_choice_text_answers_and_selections() {
    check(
        "True or false: it is unstructured.\n[( )] True\n[(X)] False\n\nType it: [[unused]]\n\n[[Structured Query Language]]\n\n[[male|(female)|other]]\n",
        &[
            ("intro-p1", "True or false: it is unstructured."),
            ("intro-opt1", "True"),
            ("intro-opt2", "False"),
            ("intro-p2", "Type it: [[unused]]"),
            ("intro-answer1", "Structured Query Language"),
            ("intro-answer2", "male"),
            ("intro-answer3", "female"),
            ("intro-answer4", "other"),
        ],
    );
}

#[test]
fn task_list_quizzes_link_question_options_and_answers() {
    let markdown = "## Check\n\n1. Which dose?\n\n   - [ ] 10 mg\n   - [x] 30 mg\n\n### Answers\n\nThirty.\n\n## Next\n\nPlain.\n";
    let notes = notes(markdown);
    let ids: Vec<&str> = notes.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "check-title",
            "check-li1",
            "check-li2",
            "check-li3",
            "answers-title",
            "answers-p1",
            "next-title",
            "next-p1"
        ]
    );
    assert!(notes[1].1[0].starts_with("Quiz question"));
    assert_eq!(
        notes[3].1,
        [
            "Option 2 of the quiz “Which dose?”. Which option is right is kept outside this text: translate the words only."
        ]
    );
    assert_eq!(
        notes[5].1,
        ["Feedback on the quiz in “Check”, shown after answering."]
    );
    assert!(notes[7].1.is_empty());
}

#[test]
fn the_liascript_header_gives_its_visible_fields_and_blocks() {
    let markdown = "<!--\nauthor: Rose\nversion: 1.0.0\nnarrator: UK English Female\ntitle: EHR Data\ncomment:  A short description.\n@learning_objectives\n\n- describe EHR data\n- list three problems\n\n@end\n@overview\n<div>@comment</div>\n@end\nimport: https://x.org/macros.md\n-->\n\n# EHR Data\n\n@overview\n\n**Is this module right for me?** @long_description\n";
    check(
        markdown,
        &[
            ("header-title", "EHR Data"),
            ("header-comment", "A short description."),
            ("header-learning-objectives-li1", "describe EHR data"),
            ("header-learning-objectives-li2", "list three problems"),
            ("ehr-data-title", "EHR Data"),
            (
                "ehr-data-p1",
                "**Is this module right for me?** @long_description",
            ),
        ],
    );
    // A comment later in the file is not a header.
    check(
        "Text.\n\n<!--\nauthor: x\ntitle: Not this\n-->\n",
        &[("intro-p1", "Text.")],
    );
}

#[test]
fn kramdown_attributes_and_liquid_are_never_messages() {
    check(
        "~~~\nSELECT 1;\n~~~\n{: .sql}\n\n> ## Date Types {.callout}\n>\n> Most managers have a type\n> for dates.\n{: .callout}\n\n{% include links.md %}\n\nSee [the reference]({{ page.root }}/reference/) {{ site.x }}.\n",
        &[
            ("date-types-title", "Date Types"),
            ("date-types-q1", "Most managers have a type\nfor dates."),
            (
                "date-types-p1",
                "See [the reference]({{ page.root }}/reference/) {{ site.x }}.",
            ),
        ],
    );
}

#[test]
fn pandoc_alt_attributes_are_alt_text() {
    check(
        "![](fig/ranges.svg){alt='Three number lines and their overlap.'}\n",
        &[("intro-alt1", "Three number lines and their overlap.")],
    );
    check(
        "![](fig/overview.svg \"Lesson Overview\"){alt=\"A 3-step flowchart\" width=\"80%\"}\n",
        &[
            ("intro-img-title1", "Lesson Overview"),
            ("intro-alt1", "A 3-step flowchart"),
        ],
    );
}

#[test]
fn data_only_cells_are_left_out_unless_a_directive_says_text() {
    let table = "| patient\\_id | sex | name |\n|---|---|---|\n| ABC123 | M | Big Bird |\n| DR-1 | F | lake |\n";
    check(
        table,
        &[
            ("intro-th1", "sex"),
            ("intro-th2", "name"),
            ("intro-td1", "Big Bird"),
            ("intro-td2", "lake"),
        ],
    );
    let forced = format!("<!-- l10n: text -->\n{table}\nAfter | ABC123.\n");
    assert_eq!(segments(&forced).segments.len(), 10);
}
