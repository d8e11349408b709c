//! Tests of the `markup` rule and of its Markdown helpers (the plain-paragraph fast path,
//! the characters that make markup), some on every line of the Thunderbird corpus.

#[test]
fn plain_paragraph_is_what_the_parser_gives() {
    for text in [
        "Call the patient now.",
        "Ο νοσηλευτής καλεί τον ασθενή; μετά (αν χρειαστεί) ξανά.",
        "Pacienții primesc un apel: «acum».",
        " trailing and leading ",
        "Ratio 50% / 24h",
        "Delete { $count } e-mails from { -brand-short-name }? a=b #tag user@example",
        "Done! Save & close, or a > b | c ^ d?",
    ] {
        let mut fast = Vec::new();
        super::for_each_event(text, |event| fast.push(event.into_static()));
        let parsed: Vec<_> =
            pulldown_cmark::Parser::new_ext(text, crate::segment::markdown_options())
                .map(pulldown_cmark::Event::into_static)
                .collect();
        assert!(super::plain_paragraph(text).is_some(), "{text}");
        assert_eq!(fast, parsed, "{text}");
    }
    for text in [
        "*a*",
        "a_b_",
        "[x](y)",
        "1. item",
        "a  b",
        "<b>",
        "",
        "x\\y",
        "- item",
        "# Title",
        "+ x",
        "=== x",
        "a\u{a0} b",
        "a\u{2028}b",
        "    }",
    ] {
        assert!(super::plain_paragraph(text).is_none(), "{text}");
    }
}

/// Which single characters keep a text plain: every ASCII character, and blanks, controls and
/// other characters outside ASCII, judged against the list written out here.
#[test]
fn a_text_is_plain_by_each_of_its_characters() {
    // `&` only before a blank or punctuation (`&b` may start an entity).
    let plain_ascii =
        |c: char| c.is_ascii_alphanumeric() || " .,;:?'\"()%/{}$-+=#@!^|>".contains(c);
    let outside = [
        ('é', true),
        ('Ω', true),
        ('«', true),
        ('—', true),
        ('\u{200b}', true),
        ('\u{a0}', false),
        ('\u{85}', false),
        ('\u{2028}', false),
        ('\u{3000}', false),
        ('\u{9f}', false),
    ];
    let ascii = (0u8..128).map(|b| (char::from(b), plain_ascii(char::from(b))));
    for (c, plain) in ascii.chain(outside) {
        let text = format!("a{c}b");
        assert_eq!(super::plain_paragraph(&text).is_some(), plain, "{c:?}");
    }
    // Every character outside ASCII: plain unless a blank, a line break or a control.
    for c in ('\u{80}'..=char::MAX).filter(|c| !c.is_ascii()) {
        let plain = !(c.is_whitespace() || c.is_control());
        let text = format!("a{c}b");
        assert_eq!(super::plain_paragraph(&text).is_some(), plain, "{c:?}");
    }
    // Where a character stands matters for these.
    for (text, plain) in [
        ("a & b", true),
        ("R&D", false),
        ("a &amp; b", false),
        ("&#35;", false),
        ("Done!", true),
        ("![x](y)", false),
        ("> quote", false),
        ("a > b", true),
        ("a | b", true),
        ("| a |", false),
    ] {
        assert_eq!(super::plain_paragraph(text).is_some(), plain, "{text}");
    }
}

/// A text without [`super::MARKUP_BYTES`] has an empty inventory: every line of the
/// Thunderbird files (English and 7 translations) says so, and so do awkward cases.
#[test]
fn without_markup_bytes_the_inventory_is_empty() {
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpora/fluent/thunderbird");
    let mut texts: Vec<String> = [
        "http://example.org/x",
        "a & b &amp; c",
        "1. item",
        "# Title",
        "    code",
        "> quote",
        "line\nbreak",
        "x!y",
        "a|b|c\n-|-\nd|e",
        "«quoted» — text",
        "e-mail: a.b (c)",
        "{: .callout}",
        "{{ page.root }}",
        "@overview",
    ]
    .iter()
    .map(|t| (*t).to_owned())
    .collect();
    for entry in walkdir::WalkDir::new(&corpus)
        .into_iter()
        .filter_map(Result::ok)
    {
        if entry.path().extension().is_some_and(|e| e == "ftl") {
            let text = std::fs::read_to_string(entry.path()).expect("readable");
            texts.extend(text.lines().map(str::to_owned));
        }
    }
    let (mut plain, mut marked) = (0, 0);
    for text in &texts {
        if text.bytes().any(|b| super::MARKUP_BYTES.contains(&b)) {
            marked += 1;
            continue;
        }
        plain += 1;
        let inventory = super::Inventory::of(text);
        assert!(inventory.is_empty(), "{text:?}: {inventory:?}");
    }
    assert!(
        plain > 50_000 && marked > 1_000,
        "{plain} plain, {marked} marked"
    );
    let with_markup = [
        "a = See [x](y)",
        "a = { \"*x*\" }",
        "a = { $n ->\n    [one] `one`\n   *[other] other\n}",
        "a = { { \"\\u005Bx\\u005D(y)\" } }",
    ];
    for source in with_markup {
        let pattern = crate::check::rules::fixture::value_of(source);
        assert!(super::may_have_markup(&pattern), "{source}");
    }
    let pattern = crate::check::rules::fixture::value_of("a = { $n } files of { -brand }");
    assert!(!super::may_have_markup(&pattern));
}

/// Every line of the Thunderbird translations (8 languages, about 100,000 lines) that
/// `plain_paragraph` lets skip the parser is one paragraph of that text to the parser.
#[test]
fn plain_paragraph_agrees_with_the_parser_on_the_corpus() {
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpora/fluent/thunderbird");
    let (mut lines, mut plain) = (0, 0);
    for entry in walkdir::WalkDir::new(&corpus)
        .into_iter()
        .filter_map(Result::ok)
    {
        if entry.path().extension().is_none_or(|e| e != "ftl") {
            continue;
        }
        let text = std::fs::read_to_string(entry.path()).expect("readable");
        for line in text.lines() {
            lines += 1;
            let line = line.split_once(" = ").map_or(line, |(_, value)| value);
            if super::plain_paragraph(line).is_none() {
                continue;
            }
            plain += 1;
            let mut fast = Vec::new();
            super::for_each_event(line, |event| fast.push(event.into_static()));
            let parsed: Vec<_> =
                pulldown_cmark::Parser::new_ext(line, crate::segment::markdown_options())
                    .map(pulldown_cmark::Event::into_static)
                    .collect();
            assert_eq!(fast, parsed, "{line}");
        }
    }
    assert!(
        lines > 50_000 && plain > 20_000,
        "{plain} of {lines} lines were plain"
    );
}

use super::super::fixture::{self, ids, run};
use super::*;

#[track_caller]
fn messages(english: &str, translated: &str) -> Vec<String> {
    fixture::messages(&RULE, "el", english, translated)
}

#[test]
fn difference_pairs_equal_items_earliest_first() {
    let items = |list: &[&str]| list.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
    let english = items(&["a", "b", "a", "c", "a", "d"]);
    let translated = items(&["x", "a", "c", "a", "y", "b", "x"]);
    // a, b, a, c pair up; the third `a` and `d` are lost; both `x` and the `y` are
    // added, in the translation's order.
    assert_eq!(
        difference(&english, &translated),
        (vec!["a", "d"], vec!["x", "y", "x"])
    );
    assert_eq!(
        difference(&translated, &english),
        (vec!["x", "y", "x"], vec!["a", "d"])
    );
    // The first `a` is the one taken: the one left is after the `x`.
    assert_eq!(
        difference(&items(&["a"]), &items(&["a", "x", "a"])),
        (vec![], vec!["x", "a"])
    );
}

#[test]
fn same_markup_with_translated_text_is_clean() {
    let english = "See the [ESMO guidelines](https://www.esmo.org/guidelines), `alert` and *before* each **dose**<br>";
    let greek = "Δείτε τις **οδηγίες** της [ESMO](https://www.esmo.org/guidelines), `alert` και *πριν* από κάθε δόση<BR/>";
    assert_eq!(messages(english, greek), Vec::<String>::new());
}

#[test]
fn changed_url_is_reported_at_the_new_url() {
    let findings = run(
        &RULE,
        "el",
        "m = See [NICE](https://www.nice.org.uk/guidance/cg151).\n",
        "m = Δείτε [NICE](https://www.nice.org.uk/guidance/cg15).\n",
    );
    assert_eq!(ids(&findings), ["m"]);
    assert_eq!(
        findings[0].message,
        "the link to `https://www.nice.org.uk/guidance/cg15` should be `https://www.nice.org.uk/guidance/cg151` as in the English"
    );
    assert_eq!(findings[0].position.expect("position").column, 18);
}

#[test]
fn lost_and_added_items_are_named() {
    assert_eq!(
        messages(
            "Use `temperature_c` and <sub>2</sub>.",
            "Χρησιμοποιήστε `θερμοκρασία` και 2."
        ),
        [
            "the inline code `θερμοκρασία` should be `temperature_c` as in the English",
            "the HTML tag `<sub>` of the English is missing",
            "the HTML tag `</sub>` of the English is missing",
        ]
    );
    assert_eq!(
        messages("Call now.", "Καλέστε <https://example.org> τώρα."),
        ["the link to `https://example.org` is not in the English"]
    );
}

#[test]
fn emphasis_counts_and_images_are_compared() {
    assert_eq!(
        messages(
            "Take it *before* each dose.",
            "Πάρτε το πριν από κάθε δόση."
        ),
        ["the English has 1 *emphasis* span(s), the translation 0"]
    );
    assert_eq!(
        messages("![Flow](flow.svg)", "![Ροή](flow-el.svg)"),
        ["the image `flow-el.svg` should be `flow.svg` as in the English"]
    );
}

#[test]
fn placeables_and_escapes_are_not_markup() {
    assert!(messages("{ $count } *new* { -brand }", "{ -brand } { $count } *νέα*").is_empty());
    assert!(messages(r#"{"*"}Informed* now"#, "*Ενημερώνεται* τώρα").is_empty());
    assert!(messages("[a][ref] text", "[α][ref] κείμενο").is_empty());
    assert_eq!(
        messages("[a][ref] text", "[α][other] κείμενο"),
        ["the link to `[other]` should be `[ref]` as in the English"]
    );
}

#[test]
fn attributes_and_select_variants_are_checked() {
    let findings = run(
        &RULE,
        "el",
        "m = x\n    .title = See `x`\n",
        "m = χ\n    .title = Δείτε x\n",
    );
    assert_eq!(
        findings[0].message,
        "in `.title`: the inline code `x` of the English is missing"
    );
    let english = "m = { $n } *doses*\n";
    let good = "m = { $n ->\n    [one] *δόση*\n   *[other] *δόσεις*\n}\n";
    let bad = "m = { $n ->\n    [one] δόση\n   *[other] *δόσεις*\n}\n";
    assert!(run(&RULE, "el", english, good).is_empty());
    assert_eq!(run(&RULE, "el", english, bad).len(), 1);
}

#[test]
fn protected_markup_changed_lost_or_added_is_an_error() {
    // What pseudo-translation did to a kramdown attribute before it was protected.
    assert_eq!(
        messages(
            "Most managers have a date type.{\"{\"}: .callout{\"}\"}",
            "Mößt mänägérs hävé ä däté týpé.{\"{\"}: .šöürçé{\"}\"}"
        ),
        ["the protected markup `{: .šöürçé}` should be `{: .callout}` as in the English"]
    );
    assert_eq!(
        messages(
            "**Is this for me?** @long_description",
            "**Fa per me?** @descrizione_lunga"
        ),
        [
            "the protected markup `@descrizione_lunga` should be `@long_description` as in the English"
        ]
    );
    assert_eq!(
        messages(
            "See [it]({\"{{\"} page.root {\"}}\"}/ref/).",
            "Vedi [it](/ref/)."
        ),
        [
            "the link to `/ref/` is not in the English",
            "the protected markup `]({{ page.root }}/ref/)` of the English is missing"
        ]
    );
    assert!(
        messages(
            "@overview and {\"{%\"} include x.md %{\"}\"}",
            "@overview e {\"{%\"} include x.md %{\"}\"}"
        )
        .is_empty()
    );
}

#[test]
fn html_attributes_other_than_text_must_not_change() {
    assert_eq!(
        messages(
            "<b style=\"color: red\">Careful</b> <img src=\"a.png\" alt=\"Dose chart\">",
            "<b style='color: blue'>Attenzione</b> <img src=\"a.png\" alt=\"Grafico delle dosi\">"
        ),
        [
            "the HTML tag `<b style=\"color: blue\">` should be `<b style=\"color: red\">` as in the English"
        ]
    );
    assert!(
        messages(
            "<a href=\"x\" title=\"Go\">Go</a>",
            "<A HREF='x' title=\"Vai\">Vai</A>"
        )
        .is_empty()
    );
}

#[test]
fn visible_text_drops_urls_tags_and_optionally_code() {
    let text = "See [NICE](https://nice.org.uk) and `x1`<br>![alt 2](a.png)";
    assert_eq!(visible_text(text, true), "See NICE and x1 alt 2");
    assert_eq!(visible_text(text, false), "See NICE and   alt 2");
}

/// `visible_len` counts what `visible_text` shows, blanks collapsed: on every line of the
/// Thunderbird files and on text with code, HTML, breaks and links.
#[test]
fn visible_len_counts_the_visible_text() {
    let reference = |markdown: &str| {
        super::visible_text(markdown, true)
            .split_whitespace()
            .map(|word| word.chars().count() + 1)
            .sum::<usize>()
            .saturating_sub(1)
    };
    let mut lines: Vec<String> = [
        "",
        "   ",
        "Take `5 mg`<br>twice  a day",
        "See [the guide](https://example.org) and ![a chart](c.png) now.",
        "Line one  \nline two\nline three",
        "<b>Bold</b>text and *emphasis* and **strong**",
        "Ασθενής  λαμβάνει\tδόση",
        "word`code`word",
        "tab\tvertical\u{b}\u{b} tab\u{c}\u{c}feed\r\nend",
    ]
    .iter()
    .map(|line| (*line).to_owned())
    .collect();
    let corpus = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpora/fluent/thunderbird");
    for entry in walkdir::WalkDir::new(&corpus)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "ftl"))
    {
        let text = std::fs::read_to_string(entry.path()).expect("readable");
        lines.extend(text.lines().map(|line| {
            line.split_once(" = ")
                .map_or(line, |(_, value)| value)
                .to_owned()
        }));
    }
    assert!(
        lines.len() > 10_000,
        "the corpus is read: {} lines",
        lines.len()
    );
    for line in &lines {
        assert_eq!(super::visible_len(line), reference(line), "{line:?}");
    }
}
