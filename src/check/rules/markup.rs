//! `markup`: links, URLs, inline code, emphasis or HTML tags lost, added or changed.
//!
//! Also home of [`visible_text`] (what a reader sees of a rendering: no URLs, no HTML
//! tags), which `numbers`, `untranslated`, `length` and `glossary` share. Markdown is
//! parsed with pulldown-cmark in kurso's dialect; comparisons are of multisets, never of
//! order, because word order changes between languages.

use std::collections::VecDeque;
use std::fmt::Write as _;

use fluent_syntax::ast::Pattern;
use pulldown_cmark::{BrokenLink, CowStr, Event, LinkType, Parser, Tag, TagEnd};

use super::rendering::{renderings, translated_pattern};
use super::{MessagePair, Rule};
use crate::check::doc::Entry;
use crate::check::facts::PerPattern;
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

/// The characters without which a text has no [`Inventory`]: links, images and footnotes
/// need `[`, autolinks and HTML `<`, code `` ` ``, emphasis `*` or `_`, strikethrough `~`,
/// protected markup `{`, `](` or `@`.
const MARKUP_BYTES: &[u8; 9] = b"[]<`*_~{@";

/// Whether a rendering of `pattern` may have markup: one of [`MARKUP_BYTES`]. `false`
/// means every rendering's inventory is empty.
fn may_have_markup(pattern: &Pattern<&str>) -> bool {
    super::rendering::may_render_any(pattern, MARKUP_BYTES)
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

/// What [`plain_paragraph`] does with each byte: [`PLAIN`] ones need nothing.
const PLAIN: u8 = 0;
const SPECIAL: u8 = 1;
const SPACE: u8 = 2;
const AMPERSAND: u8 = 3;
const LEAD: u8 = 4;
const BYTE_CLASS: [u8; 256] = {
    let mut class = [PLAIN; 256];
    let mut b = 0;
    while b < 0x20 {
        class[b] = SPECIAL;
        b += 1;
    }
    let special = b"*<[\\]_`~\x7f";
    let mut k = 0;
    while k < special.len() {
        class[special[k] as usize] = SPECIAL;
        k += 1;
    }
    class[b' ' as usize] = SPACE;
    class[b'&' as usize] = AMPERSAND;
    class[0xc2] = LEAD;
    class[0xe1] = LEAD;
    class[0xe2] = LEAD;
    class[0xe3] = LEAD;
    class
};

/// The text of a message with no character Markdown gives meaning to, trimmed: pulldown-cmark
/// would parse it as one paragraph of this one text. `None` when the parser is needed.
///
/// A character is text to Markdown wherever it stands in a line (a line's start aside): in
/// ASCII, letters, digits, the space and `.,;:?'"()%/{}$-+=#@!^|>`, and `&` before anything
/// but a letter, a digit or `#` (which may make an entity); outside ASCII, anything but
/// blanks, line breaks and controls (next to `*` or `_`, which are not plain, punctuation
/// would matter: a letter, a symbol or a quotation mark is text). `!` makes an image only
/// before `[`, a table needs a second line, and kurso's Markdown has no superscript. Read in
/// one pass over the bytes, as most texts are short and plain.
fn plain_paragraph(markdown: &str) -> Option<&str> {
    // Four leading spaces open an indented code block.
    if markdown.starts_with("    ") {
        return None;
    }
    let text = markdown.trim_matches(' ');
    let bytes = text.as_bytes();
    // A line start can open a block (`- item`, `# Heading`, `1. item`, `+ item`, `===`).
    let first = *bytes.first()?;
    if first.is_ascii_digit() || matches!(first, b'-' | b'+' | b'#' | b'=' | b'>' | b'|') {
        return None;
    }
    for (at, &b) in bytes.iter().enumerate() {
        // Most bytes are plain wherever they stand: one lookup, no comparison chain.
        let plain = match BYTE_CLASS[usize::from(b)] {
            PLAIN => continue,
            // Two spaces: a hard break before a line end, and not the text as written (the
            // first byte is not a space: the text is trimmed).
            SPACE => at == 0 || bytes[at - 1] != b' ',
            AMPERSAND => !bytes
                .get(at + 1)
                .is_some_and(|&next| next.is_ascii_alphanumeric() || next == b'#'),
            // The first bytes of the blanks and controls outside ASCII: U+0080 to U+00A0,
            // U+1680, U+2000 to U+205F and U+3000.
            LEAD => text[at..]
                .chars()
                .next()
                .is_some_and(|c| !(c.is_whitespace() || c.is_control())),
            // Controls (line breaks, tabs), DEL and the punctuation that makes markup.
            _ => false,
        };
        if !plain {
            return None;
        }
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

/// How many characters [`visible_text`] (with code) shows once its blanks are collapsed to
/// one space and trimmed, counted without building the text.
pub(super) fn visible_len(markdown: &str) -> usize {
    #[derive(Default)]
    struct Count {
        chars: usize,
        words: usize,
        in_word: bool,
    }
    impl Count {
        fn text(&mut self, text: &str) {
            for c in text.chars() {
                if c.is_whitespace() {
                    self.in_word = false;
                } else {
                    self.words += usize::from(!self.in_word);
                    self.in_word = true;
                    self.chars += 1;
                }
            }
        }
    }
    // A plain paragraph is its own visible text, blanks already single and trimmed.
    if let Some(plain) = plain_paragraph(markdown) {
        return plain.chars().count();
    }
    let mut count = Count::default();
    for_each_event(markdown, |event| match event {
        Event::Text(text) | Event::Code(text) => count.text(&text),
        Event::SoftBreak | Event::HardBreak | Event::Html(_) | Event::InlineHtml(_) => {
            count.in_word = false;
        }
        _ => {}
    });
    // Words and the one space between each two.
    count.chars + count.words.saturating_sub(1)
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

/// The markup of each pattern of an English entry (`Entry::patterns` order), per rendering,
/// telling when some rendering has markup. The same for every locale, so kept in the run's
/// shared facts.
fn english_markup(source: Entry<'_>) -> PerPattern<Vec<Inventory>> {
    let inventories = source
        .patterns()
        .map(|(_, pattern)| {
            renderings(pattern)
                .iter()
                .map(|text| Inventory::of(text))
                .collect()
        })
        .collect();
    PerPattern::new(inventories, |pattern: &Vec<Inventory>| {
        !pattern.iter().all(Inventory::is_empty)
    })
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
        // Without markup in the English nor a character that makes markup in the
        // translation (most messages), every inventory is empty: nothing to compare.
        if !english_side.tells(index) && !may_have_markup(target) {
            continue;
        }
        let Some(english) = english_side.get(index) else {
            continue;
        };
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
mod tests;
