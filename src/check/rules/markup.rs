//! `markup`: links, URLs, inline code, emphasis or HTML tags lost, added or changed.
//!
//! Also home of the inline-Markdown view of a pattern that `numbers`, `untranslated` and
//! `length` share: [`renderings`] (a pattern as text, one per select variant, placeables as
//! [`OBJECT`]) and [`visible_text`] (what a reader sees: no URLs, no HTML tags). Markdown is
//! parsed with pulldown-cmark in kurso's dialect; comparisons are of multisets, never of
//! order, because word order changes between languages.

use std::collections::VecDeque;
use std::fmt::Write as _;

use fluent_syntax::ast::{Expression, InlineExpression, Pattern, PatternElement};
use pulldown_cmark::{BrokenLink, CowStr, Event, LinkType, Parser, Tag, TagEnd};

use super::{MessagePair, Rule};
use crate::check::doc::Entry;
use crate::check::finding::{Finding, Level};

pub const RULE: Rule = Rule {
    code: "markup",
    level: Level::Error,
    summary: "links, URLs, inline code, emphasis or HTML tags lost, added or changed",
    docs: "\
What it finds: a translated message whose inline Markdown differs from the English: a link or
image whose URL changed, was lost or was added (the link text and the alt text are translated,
the URL is not); an `inline code` span whose content changed; a different number of *emphasis*,
**strong** or ~~strikethrough~~ spans; HTML tags (`<br>`, `<sub>`, `<sup>`, …) lost or added;
a footnote reference `[^1]` lost; an HTML tag's attributes changed (`class`, `href`,
`style`; its `alt`, `title` and `aria-label` are text and may be translated); protected
markup changed, lost or added: kramdown attributes (`{: .callout}`), Liquid (`{{ page.root }}`,
`{% include links.md %}`) and LiaScript macro calls (`@overview`). Fluent placeables (`{ $count }`, `{ -brand }`) are not
markup; the `variables` and `references` rules check them. Order does not matter.

Why it matters: a changed URL sends a clinician to the wrong guideline, or to nothing. Code
spans hold what a learner types or reads on a screen (a column name, a menu item), so a
translated one no longer matches the software. Lost emphasis drops the warning the author
stressed (*before* each dose). A lost `<sub>` turns `SpO<sub>2</sub>` into `SpO2`.

Example:

    # en
    p1 = See the [ESMO guidelines](https://www.esmo.org/guidelines) and check `temperature_c`.
    # el: the URL and the code changed
    p1 = Δείτε τις [οδηγίες της ESMO](https://www.esmo.org/guideline) και ελέγξτε `θερμοκρασία`.

How to fix: copy the URL, the code, the tags and the protected markup from the English;
translate only the text inside `[…]`, the image's alt text and the words around the markup.

To silence it for a project, set `markup = \"off\"` under `[check.rules]` in kurso.toml; for one
message, put `# kurso-allow markup: reason` on the line above the translated message.",
    check: Some(check),
};

/// What a non-literal placeable (`{ $x }`, `{ -term }`, a function call) becomes in
/// [`renderings`]: one character that is neither a letter, a digit nor markup.
pub(super) const OBJECT: char = '\u{FFFC}';

/// More select-variant combinations than this and only each select's default is rendered.
const MAX_RENDERINGS: usize = 16;

/// The text of a pattern as a reader may see it: string literals resolved (kurso's escapes),
/// number literals as written, other placeables as [`OBJECT`], and one rendering per
/// combination of select variants (the default variants first).
pub(super) fn renderings(pattern: &Pattern<String>) -> Vec<String> {
    let mut out = vec![String::new()];
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => out.iter_mut().for_each(|s| s.push_str(value)),
            PatternElement::Placeable { expression } => out = append(out, expression),
        }
    }
    out
}

fn append(prefixes: Vec<String>, expression: &Expression<String>) -> Vec<String> {
    let pieces: Vec<String> = match expression {
        Expression::Select { variants, .. } => {
            let mut ordered: Vec<_> = variants.iter().collect();
            ordered.sort_by_key(|variant| !variant.default);
            let mut pieces: Vec<String> = Vec::new();
            for variant in ordered {
                pieces.extend(renderings(&variant.value));
            }
            if prefixes.len() * pieces.len() > MAX_RENDERINGS {
                pieces.truncate(1);
            }
            pieces
        }
        Expression::Inline(InlineExpression::StringLiteral { value }) => {
            vec![fluent_syntax::unicode::unescape_unicode_to_string(value).into_owned()]
        }
        Expression::Inline(InlineExpression::NumberLiteral { value }) => vec![value.clone()],
        Expression::Inline(InlineExpression::Placeable { expression }) => {
            return append(prefixes, expression);
        }
        Expression::Inline(_) => vec![OBJECT.to_string()],
    };
    let mut out = Vec::with_capacity(prefixes.len() * pieces.len());
    for prefix in &prefixes {
        for piece in &pieces {
            out.push(format!("{prefix}{piece}"));
        }
    }
    out
}

/// Whether a rendering of `pattern` ([`renderings`]) may hold an ASCII digit: a text, a
/// string literal or a number literal with one, in any select variant (also one past
/// [`MAX_RENDERINGS`]). `false` means no rendering has a digit, without rendering anything.
pub(super) fn may_render_digit(pattern: &Pattern<String>) -> bool {
    may_render_any(pattern, b"0123456789")
}

/// The characters without which a text has no [`Inventory`]: links, images and footnotes
/// need `[`, autolinks and HTML `<`, code `` ` ``, emphasis `*` or `_`, strikethrough `~`,
/// protected markup `{`, `](` or `@`.
const MARKUP_BYTES: &[u8] = b"[]<`*_~{@";

/// Whether a rendering of `pattern` may have markup: one of [`MARKUP_BYTES`]. `false`
/// means every rendering's inventory is empty.
fn may_have_markup(pattern: &Pattern<String>) -> bool {
    may_render_any(pattern, MARKUP_BYTES)
}

/// Whether a rendering of `pattern` may hold one of `bytes` (ASCII): some text, string
/// literal or number literal of it has one, in any select variant. Other placeables render
/// as [`OBJECT`], which is none of them.
fn may_render_any(pattern: &Pattern<String>, bytes: &[u8]) -> bool {
    pattern.elements.iter().any(|element| match element {
        PatternElement::TextElement { value } => has_any(value, bytes),
        PatternElement::Placeable { expression } => expression_may_render_any(expression, bytes),
    })
}

fn expression_may_render_any(expression: &Expression<String>, bytes: &[u8]) -> bool {
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

fn has_any(text: &str, bytes: &[u8]) -> bool {
    text.bytes().any(|b| bytes.contains(&b))
}

/// The translated pattern that corresponds to the English value (`None`) or attribute.
pub(super) fn translated_pattern<'a>(
    pair: &MessagePair<'a>,
    attribute: Option<&str>,
) -> Option<&'a Pattern<String>> {
    match attribute {
        None => pair.target.value(),
        Some(name) => pair.target.attribute(name).map(|attr| &attr.value),
    }
}

/// Byte offset in the file of the first `needle` after the entry's `=` (not in its
/// identifier). With `numeric`, a match inside a longer number (`5` in `50`, `0,5`) is skipped.
pub(super) fn locate(entry: Entry<'_>, needle: &str, numeric: bool) -> Option<usize> {
    let source = entry.source();
    let start = source.find('=')? + 1;
    let digit_at = |i: Option<usize>| {
        i.and_then(|i| source.as_bytes().get(i))
            .is_some_and(u8::is_ascii_digit)
    };
    let number_at = |i: usize, step_back: bool| {
        let near = if step_back { i.checked_sub(1) } else { Some(i) };
        let far = if step_back {
            i.checked_sub(2)
        } else {
            Some(i + 1)
        };
        let byte = near.and_then(|n| source.as_bytes().get(n));
        digit_at(near) || (matches!(byte, Some(b'.' | b',')) && digit_at(far))
    };
    source[start..]
        .match_indices(needle)
        .map(|(i, _)| start + i)
        .find(|&i| !numeric || !(number_at(i, true) || number_at(i + needle.len(), false)))
        .map(|i| entry.offset() + i)
}

/// Calls `each` with the events of a message's inline Markdown, in kurso's dialect, borrowed
/// (nothing is copied to keep them). A message is inline content, so lines are joined and a
/// block marker at its start (`1. `, `- `, `# `, `> `) is escaped: Finnish `1. päivänä` is
/// text, not a list. `[text][label]` without its definition (which lives outside the message)
/// is a link to `[label]`. Text without a character Markdown gives meaning to (most
/// messages) is one paragraph of one text, and the parser is not run.
fn for_each_event(markdown: &str, mut each: impl FnMut(Event<'_>)) {
    if let Some(plain) = plain_paragraph(markdown) {
        each(Event::Start(Tag::Paragraph));
        each(Event::Text(CowStr::Borrowed(plain)));
        each(Event::End(TagEnd::Paragraph));
        return;
    }
    let mut text = if markdown.contains('\n') {
        markdown.replace("\\\n", " ").replace('\n', " ")
    } else {
        markdown.to_owned()
    };
    let trimmed = text.trim_start();
    if let Some(at) = block_marker(trimmed) {
        text.insert(text.len() - trimmed.len() + at, '\\');
    }
    let callback = |link: BrokenLink<'_>| {
        matches!(link.link_type, LinkType::Reference | LinkType::Collapsed).then(|| {
            (
                CowStr::from(format!("[{}]", link.reference)),
                CowStr::from(""),
            )
        })
    };
    Parser::new_with_broken_link_callback(
        &text,
        crate::segment::markdown_options(),
        Some(callback),
    )
    .for_each(each);
}

/// The text of a message with no character Markdown gives meaning to, trimmed: pulldown-cmark
/// would parse it as one paragraph of this one text. `None` when the parser is needed.
fn plain_paragraph(markdown: &str) -> Option<&str> {
    // Outside ASCII only line breaks and blanks matter to Markdown (and, next to `*` or `_`,
    // which are not plain, punctuation): a letter, a symbol or a quotation mark is text.
    let plain = markdown.chars().all(|c| {
        c.is_ascii_alphanumeric()
            || (!c.is_ascii() && !c.is_whitespace() && !c.is_control())
            || c == ' '
            || matches!(
                c,
                '.' | ','
                    | ';'
                    | ':'
                    | '?'
                    | '\''
                    | '"'
                    | '('
                    | ')'
                    | '%'
                    | '/'
                    | '’'
                    | '‘'
                    | '“'
                    | '”'
                    | '«'
                    | '»'
                    | '–'
                    | '—'
                    | '{'
                    | '}'
                    | '$'
                    | '-'
                    | '+'
                    | '='
                    | '#'
                    | '@'
            )
    });
    let text = markdown.trim_matches(' ');
    // A line start can open a block (`- item`, `# Heading`, `1. item`, `+ item`, `===`).
    let block_start =
        text.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '-' | '+' | '#' | '='));
    // Four leading spaces open an indented code block.
    let indented = markdown.starts_with("    ");
    if !plain || text.is_empty() || block_start || indented || text.contains("  ") {
        return None;
    }
    Some(text)
}

/// Where to put a backslash so that `line` does not start a list, heading, quote, thematic
/// break, code fence or link definition.
fn block_marker(line: &str) -> Option<usize> {
    let bytes = line.as_bytes();
    let spaced = |i: usize| bytes.get(i).is_none_or(u8::is_ascii_whitespace);
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let hashes = bytes.iter().take_while(|&&b| b == b'#').count();
    let rule = line.len() >= 3
        && ['-', '*', '_']
            .iter()
            .any(|&c| line.chars().filter(|&x| x != ' ').all(|x| x == c));
    let definition =
        line.starts_with('[') && line.find("]:").is_some_and(|i| !line[..i].contains(']'));
    match bytes.first()? {
        b'0'..=b'9'
            if digits <= 9
                && matches!(bytes.get(digits), Some(b'.' | b')'))
                && spaced(digits + 1) =>
        {
            Some(digits)
        }
        b'-' | b'+' | b'*' if spaced(1) || rule => Some(0),
        b'#' if hashes <= 6 && spaced(hashes) => Some(0),
        b'_' if rule => Some(0),
        b'>' | b'|' => Some(0),
        _ if line.starts_with("```") || line.starts_with("~~~") || definition => Some(0),
        _ => None,
    }
}

/// The text a reader sees, without URLs and HTML tags: text, image alt text and (with
/// `with_code`) code spans. Breaks, HTML and dropped code become spaces.
pub(super) fn visible_text(markdown: &str, with_code: bool) -> String {
    let mut out = String::with_capacity(markdown.len());
    for_each_event(markdown, |event| match event {
        Event::Text(text) => out.push_str(&text),
        Event::Code(code) if with_code => out.push_str(&code),
        Event::Code(_)
        | Event::SoftBreak
        | Event::HardBreak
        | Event::Html(_)
        | Event::InlineHtml(_) => {
            out.push(' ');
        }
        _ => {}
    });
    out
}

/// The markup of one text.
#[derive(Debug, Default, Clone)]
pub struct Inventory {
    links: Vec<String>,
    images: Vec<String>,
    code: Vec<String>,
    tags: Vec<String>,
    footnotes: Vec<String>,
    protected: Vec<String>,
    emphasis: usize,
    strong: usize,
    strikethrough: usize,
}

impl Inventory {
    fn is_empty(&self) -> bool {
        self.links.is_empty()
            && self.images.is_empty()
            && self.code.is_empty()
            && self.tags.is_empty()
            && self.footnotes.is_empty()
            && self.protected.is_empty()
            && self.emphasis == 0
            && self.strong == 0
            && self.strikethrough == 0
    }

    fn of(markdown: &str) -> Inventory {
        let mut inventory = Inventory {
            protected: crate::segment::protected_items(markdown),
            ..Inventory::default()
        };
        for_each_event(markdown, |event| match event {
            Event::Start(Tag::Link { dest_url, .. }) => inventory.links.push(dest_url.into()),
            Event::Start(Tag::Image { dest_url, .. }) => inventory.images.push(dest_url.into()),
            Event::Start(Tag::Emphasis) => inventory.emphasis += 1,
            Event::Start(Tag::Strong) => inventory.strong += 1,
            Event::Start(Tag::Strikethrough) => inventory.strikethrough += 1,
            Event::Code(code) => inventory.code.push(code.into()),
            Event::FootnoteReference(label) => inventory.footnotes.push(label.into()),
            Event::Html(html) | Event::InlineHtml(html) => html_tags(&html, &mut inventory.tags),
            _ => {}
        });
        inventory
    }
}

/// The tags of raw HTML as html5gum reads them: names lowercased, attributes sorted with
/// their values, without those that are text (`alt`, `title`, `aria-label`): `<br/>` →
/// `<br>`, `</SUB>` → `</sub>`, `<b style='x'>` → `<b style="x">`. Comments are skipped.
fn html_tags(html: &str, tags: &mut Vec<String>) {
    use html5gum::{Token, Tokenizer};
    for token in Tokenizer::new(html).flatten() {
        match token {
            Token::StartTag(tag) => {
                let mut out = format!("<{}", String::from_utf8_lossy(&tag.name));
                for (name, value) in &tag.attributes {
                    let name = String::from_utf8_lossy(name);
                    if !matches!(name.as_ref(), "alt" | "title" | "aria-label") {
                        let _ = write!(out, " {name}=\"{}\"", String::from_utf8_lossy(value));
                    }
                }
                out.push('>');
                tags.push(out);
            }
            Token::EndTag(tag) => tags.push(format!("</{}>", String::from_utf8_lossy(&tag.name))),
            _ => {}
        }
    }
}

/// One difference, with the text to point at in the translation when there is one.
struct Problem {
    message: String,
    needle: Option<String>,
}

/// Items of `english` absent from `translated` and the other way round, each in its text's
/// order (multiset difference): each English item takes the earliest equal translated item
/// not yet taken. Linear: the positions of each translated item wait in a queue.
fn difference<'a>(english: &'a [String], translated: &'a [String]) -> (Vec<&'a str>, Vec<&'a str>) {
    let mut positions: rustc_hash::FxHashMap<&str, VecDeque<usize>> =
        rustc_hash::FxHashMap::default();
    for (at, item) in translated.iter().enumerate() {
        positions.entry(item.as_str()).or_default().push_back(at);
    }
    let mut taken = vec![false; translated.len()];
    let mut lost = Vec::new();
    for item in english {
        match positions
            .get_mut(item.as_str())
            .and_then(VecDeque::pop_front)
        {
            Some(at) => taken[at] = true,
            None => lost.push(item.as_str()),
        }
    }
    let extra = translated
        .iter()
        .zip(taken)
        .filter(|(_, taken)| !taken)
        .map(|(item, _)| item.as_str())
        .collect();
    (lost, extra)
}

/// Lost, changed and added items of one kind (`link`, `image`, …).
fn compare_items(kind: &str, english: &[String], translated: &[String], out: &mut Vec<Problem>) {
    let (lost, added) = difference(english, translated);
    for (i, item) in lost.iter().enumerate() {
        out.push(match added.get(i) {
            Some(now) => Problem {
                message: format!("the {kind} `{now}` should be `{item}` as in the English"),
                needle: Some((*now).to_owned()),
            },
            None => Problem {
                message: format!("the {kind} `{item}` of the English is missing"),
                needle: None,
            },
        });
    }
    for item in added.iter().skip(lost.len()) {
        out.push(Problem {
            message: format!("the {kind} `{item}` is not in the English"),
            needle: Some((*item).to_owned()),
        });
    }
}

fn compare_counts(kind: &str, english: usize, translated: usize, out: &mut Vec<Problem>) {
    if english != translated {
        out.push(Problem {
            message: format!(
                "the English has {english} {kind} span(s), the translation {translated}"
            ),
            needle: None,
        });
    }
}

fn problems(en: &Inventory, tr: &Inventory) -> Vec<Problem> {
    let mut out = Vec::new();
    compare_items("link to", &en.links, &tr.links, &mut out);
    compare_items("image", &en.images, &tr.images, &mut out);
    compare_items("inline code", &en.code, &tr.code, &mut out);
    compare_items("HTML tag", &en.tags, &tr.tags, &mut out);
    compare_items("footnote", &en.footnotes, &tr.footnotes, &mut out);
    compare_items("protected markup", &en.protected, &tr.protected, &mut out);
    compare_counts("*emphasis*", en.emphasis, tr.emphasis, &mut out);
    compare_counts("**strong**", en.strong, tr.strong, &mut out);
    compare_counts(
        "~~strikethrough~~",
        en.strikethrough,
        tr.strikethrough,
        &mut out,
    );
    out
}

/// The markup of each pattern of an English entry (`Entry::patterns` order), per rendering.
/// The same for every locale, so kept in the run's shared facts.
pub(crate) type EnglishMarkup = Vec<Vec<Inventory>>;

fn english_markup(source: Entry<'_>) -> EnglishMarkup {
    source
        .patterns()
        .map(|(_, pattern)| {
            renderings(pattern)
                .iter()
                .map(|text| Inventory::of(text))
                .collect()
        })
        .collect()
}

fn check(pair: &MessagePair<'_>, out: &mut Vec<Finding>) {
    let mut english_side = None;
    for (index, (attribute, _)) in pair.source.patterns().enumerate() {
        let Some(target) = translated_pattern(pair, attribute) else {
            continue;
        };
        let english_side = english_side.get_or_insert_with(|| {
            pair.env.source_facts.get(
                pair.source,
                |facts| &facts.markup,
                || english_markup(pair.source),
            )
        });
        let english = &english_side[index];
        // Without markup in the English nor a character that makes markup in the
        // translation (most messages), every inventory is empty: nothing to compare.
        if english.iter().all(Inventory::is_empty) && !may_have_markup(target) {
            continue;
        }
        // Every rendering of the translation must match some rendering of the English;
        // the first that matches none is reported against the English default.
        let worst = renderings(target).into_iter().find_map(|translated| {
            let translated = Inventory::of(&translated);
            let found: Vec<Vec<Problem>> =
                english.iter().map(|e| problems(e, &translated)).collect();
            let best = found.into_iter().min_by_key(Vec::len)?;
            (!best.is_empty()).then_some(best)
        });
        let place = attribute.map_or_else(String::new, |name| format!("in `.{name}`: "));
        for problem in worst.into_iter().flatten() {
            let offset = problem
                .needle
                .as_deref()
                .and_then(|needle| locate(pair.target, needle, false))
                .unwrap_or_else(|| pair.target.offset());
            let mut finding = pair.finding_at(&RULE, offset, format!("{place}{}", problem.message));
            finding.help = Some(
                "keep URLs, `code`, emphasis, HTML tags and protected markup as in the English; \
                 translate only the words around and inside them"
                    .to_owned(),
            );
            out.push(finding);
        }
    }
}

#[cfg(test)]
mod tests {
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

    #[test]
    fn plain_paragraph_is_what_the_parser_gives() {
        for text in [
            "Call the patient now.",
            "Ο νοσηλευτής καλεί τον ασθενή; μετά (αν χρειαστεί) ξανά.",
            "Pacienții primesc un apel: «acum».",
            " trailing and leading ",
            "Ratio 50% / 24h",
            "Delete { $count } e-mails from { -brand-short-name }? a=b #tag user@example",
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

    use super::super::fixture::{ids, run};
    use super::*;

    #[track_caller]
    fn messages(english: &str, translated: &str) -> Vec<String> {
        run(
            &RULE,
            "el",
            &format!("m = {english}\n"),
            &format!("m = {translated}\n"),
        )
        .into_iter()
        .map(|f| f.message)
        .collect()
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
}
