//! Segmentation of Markdown modules: one `check(markdown, expected)` per behaviour.

use super::text::find_inline_title;
use super::*;
use crate::config::DEFAULT_TRANSLATABLE_KEYS;

fn segments(markdown: &str) -> SegmentedFile {
    let keys: Vec<String> = DEFAULT_TRANSLATABLE_KEYS
        .iter()
        .map(|&k| k.to_owned())
        .collect();
    segment_module(Path::new("m.md"), markdown, &keys)
}

/// Asserts the (derived ID, message text) of every segment, and that there are no problems.
#[track_caller]
fn check(markdown: &str, expected: &[(&str, &str)]) {
    let file = segments(markdown);
    assert!(file.diagnostics.is_empty(), "{:#?}", file.diagnostics);
    let got: Vec<(&str, &str)> = file
        .segments
        .iter()
        .map(|segment| (segment.derived_id.as_str(), segment.text.as_str()))
        .collect();
    assert_eq!(got, expected);
}

/// Asserts the rendered diagnostics (location and message).
#[track_caller]
fn check_errors(markdown: &str, expected: &[&str]) {
    let file = segments(markdown);
    let got: Vec<String> = file
        .diagnostics
        .iter()
        .map(|d| format!("{}: {}", d.location(), d.message))
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn headings_and_paragraphs_get_section_ids() {
    check(
        "Intro text.\n\n# Informed consent\n\nAsk first.\n\nThen record it.\n",
        &[
            ("intro-p1", "Intro text."),
            ("informed-consent-title", "Informed consent"),
            ("informed-consent-p1", "Ask first."),
            ("informed-consent-p2", "Then record it."),
        ],
    );
}

#[test]
fn inline_markup_stays_in_the_message() {
    check(
        "Give **paracetamol 1 g** every *6 h*; see [NICE](https://www.nice.org.uk \"NICE\") and `dose_mg`.\n",
        &[(
            "intro-p1",
            "Give **paracetamol 1 g** every *6 h*; see [NICE](https://www.nice.org.uk \"NICE\") and `dose_mg`.",
        )],
    );
}

#[test]
fn wrapped_lines_keep_their_breaks_without_container_prefixes() {
    check(
        "> Quoted line one\n> and two.\n\n- item wraps\n  onto two lines\n",
        &[
            ("intro-q1", "Quoted line one\nand two."),
            ("intro-li1", "item wraps\nonto two lines"),
        ],
    );
}

#[test]
fn hard_breaks_are_kept_as_written() {
    check(
        "Line one\\\nline two  \nline three\n",
        &[("intro-p1", "Line one\\\nline two  \nline three")],
    );
}

#[test]
fn nested_lists_give_one_message_per_item() {
    check(
        "1. Check identity\n   - name\n   - date of birth\n2. Record consent\n",
        &[
            ("intro-li1", "Check identity"),
            ("intro-li2", "name"),
            ("intro-li3", "date of birth"),
            ("intro-li4", "Record consent"),
        ],
    );
}

#[test]
fn task_list_markers_are_not_text() {
    check(
        "- [ ] Wrong\n- [x] Right\n",
        &[("intro-li1", "Wrong"), ("intro-li2", "Right")],
    );
}

#[test]
fn table_cells_with_letters_are_messages_numbers_are_not() {
    check(
        "| Drug | Dose | Max |\n|---|---|---|\n| Ondansetron | 8 mg | 24 |\n",
        &[
            ("intro-th1", "Drug"),
            ("intro-th2", "Dose"),
            ("intro-th3", "Max"),
            ("intro-td1", "Ondansetron"),
            ("intro-td2", "8 mg"),
        ],
    );
}

#[test]
fn code_blocks_urls_and_html_are_not_translatable() {
    check(
        "```json\n{\"resourceType\": \"Observation\"}\n```\n\n<https://www.who.int>\n\nhttps://www.ema.europa.eu/en\n\n`kurso extract`\n\n<div class=\"note\"><script>alert(1)</script></div>\n",
        &[],
    );
}

#[test]
fn an_image_alone_gives_alt_and_title_messages() {
    let markdown = "![ePRO dashboard with alerts](fig/epro.svg \"Weekly alerts\")\n";
    check(
        markdown,
        &[
            ("intro-alt1", "ePRO dashboard with alerts"),
            ("intro-img-title1", "Weekly alerts"),
        ],
    );
}

#[test]
fn an_image_inside_text_stays_in_the_paragraph() {
    check(
        "See ![icon](i.svg) here.\n",
        &[("intro-p1", "See ![icon](i.svg) here.")],
    );
}

#[test]
fn front_matter_values_come_first() {
    check(
        "---\ntitle: Telehealth\nduration: 45 min\nobjectives:\n  - Check identity\n---\n# Start\n",
        &[
            ("meta-title", "Telehealth"),
            ("meta-objectives-1", "Check identity"),
            ("start-title", "Start"),
        ],
    );
}

#[test]
fn setext_headings_and_duplicate_sections() {
    check(
        "Example\n=======\n\nOne.\n\n## Example\n\nTwo.\n",
        &[
            ("example-title", "Example"),
            ("example-p1", "One."),
            ("example-title-2", "Example"),
            ("example-p2", "Two."),
        ],
    );
}

#[test]
fn skip_directive_skips_the_next_block_only() {
    check(
        "<!-- l10n: skip -->\n- Regulation (EU) 2016/679\n- Art. 9\n\nTranslated.\n",
        &[("intro-p1", "Translated.")],
    );
}

#[test]
fn skip_region_skips_everything_inside() {
    check(
        "Before.\n\n<!-- l10n: skip-start -->\n# References\n\nSmith 2020.\n<!-- l10n: skip-end -->\n\nAfter.\n",
        &[("intro-p1", "Before."), ("references-p1", "After.")],
    );
}

#[test]
fn pinned_id_and_note_attach_to_the_next_block() {
    let file = segments(
        "<!-- l10n: id=red-flags -->\n<!-- l10n: note Doses must not change. -->\n- Fever\n- Chills\n",
    );
    let pins: Vec<_> = file
        .segments
        .iter()
        .map(|s| s.pin.as_ref().map(|p| p.id.as_str()))
        .collect();
    assert_eq!(pins, [Some("red-flags"), None]);
    let notes: Vec<_> = file.segments.iter().map(|s| s.notes.clone()).collect();
    assert_eq!(
        notes,
        [
            vec!["Doses must not change.".to_owned()],
            vec!["Doses must not change.".to_owned()]
        ]
    );
}

#[test]
fn heading_context_follows_levels() {
    let file = segments("# A\n## B\n### C\nText.\n## D\nMore.\n");
    let contexts: Vec<_> = file
        .segments
        .iter()
        .map(|s| s.context.join(" › "))
        .collect();
    assert_eq!(
        contexts,
        ["A", "A › B", "A › B › C", "A › B › C", "A › D", "A › D"]
    );
}

#[test]
fn unknown_directive_is_an_error_with_position() {
    check_errors(
        "Text.\n\n<!-- l10n: skp -->\nMore.\n",
        &["m.md:3:6: unknown l10n directive `skp`"],
    );
}

#[test]
fn unbalanced_skip_regions_are_errors() {
    check_errors(
        "<!-- l10n: skip-start -->\nText.\n",
        &["m.md:1:6: `skip-start` has no matching `skip-end`"],
    );
    check_errors(
        "Text.\n\n<!-- l10n: skip-end -->\n",
        &["m.md:3:6: `skip-end` without a `skip-start`"],
    );
}

#[test]
fn unclosed_front_matter_is_an_error_and_nothing_is_extracted() {
    let file = segments("---\ntitle: x\n# Body\n");
    assert!(file.segments.is_empty());
    assert_eq!(file.diagnostics[0].location(), "m.md:1:1");
    assert_eq!(file.diagnostics[0].message, "front matter is not closed");
}

#[test]
fn bad_front_matter_yaml_is_an_error_with_its_file_line() {
    check_errors(
        "---\ntitle: ok\nsummary: [unclosed\n---\n# Body\n",
        &["m.md:4:1: invalid YAML: while parsing a flow sequence, expected ',' or ']'"],
    );
}

#[test]
fn inline_title_spans_are_found() {
    let source = "![a](u \"T \\\" x\")";
    let span = find_inline_title(source).expect("has title");
    assert_eq!(&source[span.range()], "T \\\" x");
    let source = "![a](u (paren))";
    assert_eq!(
        &source[find_inline_title(source).expect("has title").range()],
        "paren"
    );
}

#[test]
fn pandoc_div_fences_are_not_translatable() {
    check(
        "::::::::::::::: challenge\n\n## Check your understanding\n\n::::::::::::::::\n",
        &[("check-your-understanding-title", "Check your understanding")],
    );
}

mod formats;
