//! HTML blocks → pieces: one `check(html, expected)` per behaviour.

use super::*;

/// Each piece as (what, text).
fn pieces(html: &str) -> Vec<(String, &str)> {
    html_pieces(html)
        .into_iter()
        .filter_map(|piece| match piece {
            HtmlPiece::Text { range, element } => Some((format!("{element:?}"), &html[range])),
            HtmlPiece::Prose { range } => Some(("Prose".to_owned(), &html[range])),
            HtmlPiece::Attribute { range, name, quote } => {
                Some((format!("{name}{quote}"), &html[range]))
            }
            HtmlPiece::Comment { .. } => None,
        })
        .collect()
}

#[track_caller]
fn check(html: &str, expected: &[(&str, &str)]) {
    let got = pieces(html);
    let got: Vec<(&str, &str)> = got.iter().map(|(k, t)| (k.as_str(), *t)).collect();
    assert_eq!(got, expected, "{html}");
}

#[test]
fn a_quiz_box_gives_its_heading_label_and_items() {
    check(
        "<div class=\"quiz\">\n<h3>Check <em>your</em> dose</h3>\n<p><b>Question:</b> How much paracetamol?</p>\n<ul>\n<li>1 g</li>\n<li>Four grams <i>a day</i></li>\n</ul>\n</div>",
        &[
            ("Heading(3)", "Check <em>your</em> dose"),
            ("Paragraph", "<b>Question:</b> How much paracetamol?"),
            ("ListItem", "1 g"),
            ("ListItem", "Four grams <i>a day</i>"),
        ],
    );
}

#[test]
fn tags_wrapping_the_words_and_edge_void_tags_stay_outside() {
    check(
        "<div class = \"care\">\n<b style=\"color: rgb(var(--c));\">A little encouragement...</b><br>\n",
        &[("Prose", "A little encouragement...")],
    );
    check(
        "<p><strong><a href=\"x\">All</a> of it</strong></p>",
        &[("Paragraph", "<a href=\"x\">All</a> of it")],
    );
}

#[test]
fn details_summary_body_and_tables() {
    check(
        "<details>\n<summary>Show the answer</summary>\nGive it <em>now</em>.\n</details>",
        &[
            ("Summary", "Show the answer"),
            ("Prose", "Give it <em>now</em>."),
        ],
    );
    check(
        "<table>\n<tr><th>Drug</th><th>Dose</th></tr>\n<tr><td>Ondansetron<td>8 mg</tr>\n</table>",
        &[
            ("TableHeader", "Drug"),
            ("TableHeader", "Dose"),
            ("TableCell", "Ondansetron"),
            ("TableCell", "8 mg"),
        ],
    );
}

#[test]
fn text_attributes_with_their_quotes() {
    check(
        "<figure>\n<img src=\"fig/flow.svg\" alt=\"Alert flow\" title='When to call'>\n<figcaption>Figure 1: the flow</figcaption>\n</figure>",
        &[
            ("alt\"", "Alert flow"),
            ("title'", "When to call"),
            ("Paragraph", "Figure 1: the flow"),
        ],
    );
    // Unquoted values, numbers and other attributes are not text.
    check(
        "<img src=a.png alt=Flow width=\"30\" class=\"wide figure\">",
        &[],
    );
    check(
        "<span aria-label=\"Warning\">⚠</span>",
        &[("aria-label\"", "Warning")],
    );
}

#[test]
fn script_style_pre_svg_and_code_are_never_text() {
    check(
        "<script>var note = \"<p>Not text</p>\";</script>\n<style>p { content: \"Nope\" }</style>\n<pre>Code here</pre>\n<svg><text>Label</text></svg>\n<p><code>SELECT name</code></p>\n<p>Run <code>ls</code> now</p>",
        &[("Paragraph", "Run <code>ls</code> now")],
    );
}

#[test]
fn macro_calls_alone_are_not_text() {
    check("<div>\n@overview\n</div>", &[]);
    check(
        "<p>Is this right? @long_description</p>",
        &[("Paragraph", "Is this right? @long_description")],
    );
}

#[test]
fn spans_survive_entities_and_multibyte_text() {
    check(
        "<p>Fever &gt; 38 °C &amp; chills — call</p>",
        &[("Paragraph", "Fever &gt; 38 °C &amp; chills — call")],
    );
}
