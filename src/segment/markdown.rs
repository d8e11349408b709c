//! Markdown modules → segments.
//!
//! Walks pulldown-cmark's events with their source ranges. Inline content is gathered into
//! a *run* per block (a paragraph, a heading, a table cell, the text of a tight list item);
//! a run becomes one segment whose span runs from its first inline event to its last, so
//! inline Markdown stays inside the message exactly as written. A run made only of images
//! becomes one segment per alt text and per title instead.

use std::collections::HashMap;
use std::ops::Range;
use std::path::Path;

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag, TagEnd};

use super::front_matter::split_front_matter;
use super::slug::slugify;
use super::yaml::segment_yaml;
use super::{Escape, Pin, Placement, Segment, SegmentKind, SegmentedFile};
use crate::diagnostic::Diagnostic;
use crate::span::{LineIndex, Span};

/// The Markdown dialect kurso reads: `CommonMark` with GitHub tables, task lists,
/// strikethrough and footnotes.
pub fn markdown_options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
}

/// Section slug for blocks before the first heading.
const INTRO_SLUG: &str = "intro";

/// Segments a module: its YAML front matter (keys in `translatable_keys`) and its body.
pub fn segment_module(path: &Path, source: &str, translatable_keys: &[String]) -> SegmentedFile {
    let mut file = SegmentedFile::default();
    let body_start = match split_front_matter(source) {
        Ok(None) => 0,
        Ok(Some(front)) => {
            let meta = segment_yaml(path, source, front.yaml, translatable_keys, "meta");
            if meta.has_errors() {
                // A module whose front matter cannot be read is not extracted at all, so a
                // half-read file never replaces a good one.
                return meta;
            }
            file = meta;
            front.body_start
        }
        Err(diagnostic) => {
            file.diagnostics.push(diagnostic(path, source));
            return file;
        }
    };
    let mut walker = Walker::new(path, source);
    walker.walk(body_start);
    file.segments.extend(walker.segments);
    file.diagnostics.extend(walker.diagnostics);
    file.markdown_start = Some(body_start);
    file
}

/// A block the next directive-governed segments belong to.
struct Governed {
    depth: usize,
    pin: Option<Pin>,
    notes: Vec<String>,
}

/// An image inside a run.
struct RunImage {
    /// The whole image, `![` to `)`.
    range: Range<usize>,
    alt: Option<Range<usize>>,
    alt_has_letters: bool,
    title_span: Option<Span>,
}

#[derive(Default)]
struct Run {
    range: Option<Range<usize>>,
    has_letters: bool,
    /// Anything besides images and blanks?
    has_non_image_content: bool,
    plain: String,
    /// The text that made `has_letters` (outside images and autolinks, without code).
    words: String,
    /// The run is a task-list item (a quiz option in the sample courses).
    task: bool,
    images: Vec<RunImage>,
    image_depth: usize,
    /// Inside `<https://…>`: its text is a URL, not prose.
    autolink_depth: usize,
}

impl Run {
    fn extend(&mut self, range: &Range<usize>) {
        self.range = Some(match self.range.take() {
            None => range.clone(),
            Some(current) => current.start.min(range.start)..current.end.max(range.end),
        });
        if self.image_depth > 0
            && let Some(image) = self.images.last_mut()
        {
            image.alt = Some(match image.alt.take() {
                None => range.clone(),
                Some(current) => current.start.min(range.start)..current.end.max(range.end),
            });
        }
    }
}

struct Walker<'a> {
    path: &'a Path,
    source: &'a str,
    lines: LineIndex,
    segments: Vec<Segment>,
    diagnostics: Vec<Diagnostic>,
    /// Open block tags, innermost last.
    blocks: Vec<Tag<'a>>,
    in_table_head: bool,
    headings: Vec<(u8, String)>,
    section_slug: String,
    ordinals: HashMap<String, usize>,
    run: Run,
    /// Skip the next block: set by `skip`, becomes `skip_depth` when the block starts.
    skip_next: Option<usize>,
    skip_depth: Option<usize>,
    /// Offset of an open `skip-start`.
    skip_region: Option<usize>,
    /// Directives waiting for the next block.
    pending_pin: Option<Pin>,
    pending_notes: Vec<String>,
    governed: Option<Governed>,
    /// `<!-- l10n: text -->`: set by the directive, becomes `text_depth` when the block starts.
    text_next: bool,
    text_depth: Option<usize>,
    /// The lines of the HTML block being read.
    html_lines: Vec<Range<usize>>,
    /// How deep in HTML prose read as Markdown (a guard against reading the same text again).
    nesting: usize,
    /// Some block came before: a LiaScript header must come first.
    seen_block: bool,
    quiz: quiz::QuizState,
}

impl<'a> Walker<'a> {
    fn new(path: &'a Path, source: &'a str) -> Self {
        Walker {
            path,
            source,
            lines: LineIndex::new(source),
            segments: Vec::new(),
            diagnostics: Vec::new(),
            blocks: Vec::new(),
            in_table_head: false,
            headings: Vec::new(),
            section_slug: INTRO_SLUG.to_owned(),
            ordinals: HashMap::new(),
            run: Run::default(),
            skip_next: None,
            skip_depth: None,
            skip_region: None,
            pending_pin: None,
            pending_notes: Vec::new(),
            governed: None,
            text_next: false,
            text_depth: None,
            html_lines: Vec::new(),
            nesting: 0,
            seen_block: false,
            quiz: quiz::QuizState::default(),
        }
    }

    fn walk(&mut self, body_start: usize) {
        self.walk_range(body_start..self.source.len());
        self.flush_run();
        if let Some(offset) = self.skip_region {
            self.error(
                offset,
                "`skip-start` has no matching `skip-end`",
                "add `<!-- l10n: skip-end -->` where the untranslated part ends",
            );
        }
        if let Some(pin) = self.pending_pin.take() {
            self.unused_pin(&pin);
        }
    }

    /// Reads `range` of the source as Markdown: the body, or prose inside an HTML block.
    fn walk_range(&mut self, range: Range<usize>) {
        let base = range.start;
        let body = &self.source[range];
        let mut in_code_block = false;
        for (event, range) in Parser::new_ext(body, markdown_options()).into_offset_iter() {
            let range = range.start + base..range.end + base;
            match event {
                Event::Start(tag) => {
                    if is_inline_tag(&tag) {
                        self.inline_start(&tag, &range);
                    } else {
                        self.flush_run();
                        self.block_start(&tag);
                        in_code_block |= matches!(tag, Tag::CodeBlock(_));
                        self.blocks.push(tag);
                    }
                }
                Event::End(tag_end) => {
                    if is_inline_tag_end(tag_end) {
                        self.inline_end(tag_end, &range);
                    } else {
                        self.flush_run();
                        in_code_block &= !matches!(tag_end, TagEnd::CodeBlock);
                        self.blocks.pop();
                        if tag_end == TagEnd::HtmlBlock {
                            self.html_block();
                        }
                        self.block_end(tag_end);
                    }
                }
                Event::Html(html) => {
                    self.html_lines.push(range.clone());
                    self.directives(&html, range.start);
                }
                Event::Text(text) if !in_code_block => {
                    self.run.extend(&range);
                    self.run.plain.push_str(&text);
                    if self.run.autolink_depth == 0 && text.chars().any(char::is_alphabetic) {
                        if self.run.image_depth > 0 {
                            if let Some(image) = self.run.images.last_mut() {
                                image.alt_has_letters = true;
                            }
                        } else {
                            self.run.has_letters = true;
                        }
                    }
                    if self.run.autolink_depth == 0 && self.run.image_depth == 0 {
                        self.run.words.push_str(&text);
                    }
                    if self.run.image_depth == 0 && !text.trim().is_empty() {
                        self.run.has_non_image_content = true;
                    }
                }
                Event::Code(code) => {
                    self.run.extend(&range);
                    self.run.plain.push_str(&code);
                    if self.run.image_depth == 0 {
                        self.run.has_non_image_content = true;
                    }
                }
                Event::InlineHtml(_)
                | Event::FootnoteReference(_)
                | Event::InlineMath(_)
                | Event::DisplayMath(_) => {
                    self.run.extend(&range);
                    if self.run.image_depth == 0 {
                        self.run.has_non_image_content = true;
                    }
                }
                Event::SoftBreak | Event::HardBreak => {
                    if self.run.range.is_some() {
                        self.run.extend(&range);
                    }
                    self.run.plain.push(' ');
                }
                Event::Rule => {
                    self.flush_run();
                    self.quiz.rule(&self.source[range.clone()]);
                }
                Event::TaskListMarker(_) => {
                    self.run.task = true;
                    self.task_marker();
                }
                Event::Text(_) => {}
            }
        }
        self.flush_run();
    }

    fn inline_start(&mut self, tag: &Tag<'a>, range: &Range<usize>) {
        self.run.extend(range);
        match tag {
            Tag::Image {
                link_type, title, ..
            } => {
                let title_span = (*link_type == LinkType::Inline && !title.is_empty())
                    .then(|| find_inline_title(&self.source[range.clone()]))
                    .flatten()
                    .map(|title| title.shifted(range.start));
                self.run.images.push(RunImage {
                    range: range.clone(),
                    alt: None,
                    alt_has_letters: false,
                    title_span,
                });
                self.run.image_depth += 1;
            }
            Tag::Link { link_type, .. } => {
                if matches!(link_type, LinkType::Autolink | LinkType::Email) {
                    self.run.autolink_depth += 1;
                }
            }
            _ => {
                if self.run.image_depth == 0 {
                    self.run.has_non_image_content = true;
                }
            }
        }
    }

    fn inline_end(&mut self, tag_end: TagEnd, range: &Range<usize>) {
        if tag_end == TagEnd::Image {
            // Leave the image first, so its end does not count as alt text.
            self.run.image_depth = self.run.image_depth.saturating_sub(1);
        }
        if tag_end == TagEnd::Link && self.run.autolink_depth > 0 {
            let source = &self.source[range.clone()];
            if source.starts_with('<') && source.ends_with('>') {
                self.run.autolink_depth -= 1;
            }
        }
        self.run.extend(range);
    }

    fn block_start(&mut self, tag: &Tag<'a>) {
        if matches!(tag, Tag::HtmlBlock) {
            // Directives live in HTML blocks; they govern the next real block (an HTML block
            // with text is one: `html_block` opens it).
            self.html_lines.clear();
            return;
        }
        self.seen_block = true;
        if matches!(tag, Tag::List(_)) {
            self.quiz.list_started();
        }
        if matches!(tag, Tag::TableHead) {
            self.in_table_head = true;
        }
        self.open_governed(self.blocks.len());
    }

    fn block_end(&mut self, tag_end: TagEnd) {
        if tag_end == TagEnd::TableHead {
            self.in_table_head = false;
        }
        if tag_end != TagEnd::HtmlBlock {
            self.close_governed(self.blocks.len());
        }
    }

    /// Ends the current run, turning it into segments.
    fn flush_run(&mut self) {
        let run = std::mem::take(&mut self.run);
        let Some(mut range) = run.range.clone() else {
            return;
        };
        let Some(kind) = self.container_kind() else {
            return;
        };
        if kind == SegmentKind::Heading {
            // `## Query Style {.challenge}`: the attributes are not part of the title.
            range.end =
                range.start + without_trailing_attributes(&self.source[range.clone()]).len();
            self.enter_heading(without_trailing_attributes(&run.plain));
        }
        if self.skipping() {
            return;
        }
        if !run.has_non_image_content && !run.images.is_empty() {
            for image in &run.images {
                if let Some(alt) = image.alt.clone().filter(|_| image.alt_has_letters) {
                    self.push_segment(SegmentKind::ImageAlt, alt, Escape::Brackets);
                }
                if let Some(title) = image.title_span {
                    let quote = self.source[..title.start].chars().next_back();
                    let escape = match quote {
                        Some('(') => Escape::Every(')'),
                        Some(quote) => Escape::Every(quote),
                        None => Escape::Nothing,
                    };
                    if self.source[title.range()].chars().any(char::is_alphabetic) {
                        self.push_segment(SegmentKind::ImageTitle, title.range(), escape);
                    }
                }
            }
            return;
        }
        if self.image_attributes(&run.images, &range) {
            return;
        }
        let Some(range) = without_attribute_lines(self.source, range) else {
            return;
        };
        let is_cell = matches!(kind, SegmentKind::TableCell | SegmentKind::TableHeader);
        if !run.has_letters
            || is_markup_only(&run.words)
            || is_bare_url(run.plain.trim())
            || is_div_fence(&self.source[range.clone()])
            || (is_cell && self.text_depth.is_none() && is_data_cell(run.plain.trim()))
        {
            return;
        }
        if matches!(kind, SegmentKind::Paragraph | SegmentKind::Quote)
            && self.push_quiz_block(kind, &range)
        {
            return;
        }
        let escape = if is_cell {
            Escape::Every('|')
        } else {
            Escape::Nothing
        };
        self.push_segment(kind, range, escape);
        if run.task {
            self.task_option_pushed();
        }
    }

    /// The kind of segment the innermost inline-holding block makes.
    fn container_kind(&self) -> Option<SegmentKind> {
        let mut blocks = self.blocks.iter().rev();
        match blocks.next()? {
            Tag::Heading { .. } => Some(SegmentKind::Heading),
            Tag::TableCell if self.in_table_head => Some(SegmentKind::TableHeader),
            Tag::TableCell => Some(SegmentKind::TableCell),
            Tag::Item => Some(SegmentKind::ListItem),
            Tag::Paragraph => Some(match blocks.next() {
                Some(Tag::Item) => SegmentKind::ListItem,
                Some(Tag::BlockQuote(_)) => SegmentKind::Quote,
                _ => SegmentKind::Paragraph,
            }),
            _ => None,
        }
    }

    fn enter_heading(&mut self, plain: &str) {
        let level = self.blocks.iter().rev().find_map(|tag| match tag {
            Tag::Heading { level, .. } => Some(*level as u8),
            _ => None,
        });
        let level = level.unwrap_or(1);
        self.enter_heading_at(level, plain);
    }

    /// Enters a heading of `level` (from Markdown or an HTML `<h1>`…`<h6>`).
    fn enter_heading_at(&mut self, level: u8, plain: &str) {
        while self.headings.last().is_some_and(|(open, _)| *open >= level) {
            self.headings.pop();
        }
        let title = plain.split_whitespace().collect::<Vec<_>>().join(" ");
        self.section_slug = slugify(&title, "section");
        self.quiz.heading(&title);
        self.headings.push((level, title));
    }

    fn push_segment(&mut self, kind: SegmentKind, range: Range<usize>, escape: Escape) {
        let line_start = self.source[..range.start]
            .rfind('\n')
            .map_or(0, |idx| idx + 1);
        let first_prefix = &self.source[line_start..range.start];
        // Container prefixes hold no `<`: from one on, the line holds HTML tags.
        let container_end = first_prefix.find('<').unwrap_or(first_prefix.len());
        let continuation_prefix: String = first_prefix[..container_end]
            .chars()
            .map(|ch| if ch == '>' || ch == '\t' { ch } else { ' ' })
            .collect();
        let text = strip_continuation_prefixes(&self.source[range.clone()]);
        let single_line = (matches!(
            kind,
            SegmentKind::Heading
                | SegmentKind::TableCell
                | SegmentKind::TableHeader
                | SegmentKind::ImageTitle
                | SegmentKind::HtmlAttribute
                | SegmentKind::QuizOption
                | SegmentKind::QuizHint
                | SegmentKind::QuizAnswer
                | SegmentKind::Header
        ) || matches!(escape, Escape::HtmlQuote(_)))
            && !self.is_setext_heading(kind, &range);
        let base = format!("{}-{}", self.section_slug, kind.id_part());
        let ordinal = self.ordinals.entry(base.clone()).or_insert(0);
        *ordinal += 1;
        let derived_id = match (kind, *ordinal) {
            (SegmentKind::Heading, 1) => base,
            (SegmentKind::Heading, n) => format!("{base}-{n}"),
            (_, n) => format!("{base}{n}"),
        };
        let (pin, mut notes) = match self.governed.as_mut() {
            Some(governed) => (governed.pin.take(), governed.notes.clone()),
            None => (None, Vec::new()),
        };
        notes.extend(self.quiz.segment_pushed());
        let context = self
            .headings
            .iter()
            .map(|(_, title)| title.clone())
            .collect();
        self.segments.push(Segment {
            kind,
            text,
            span: Span::from(range.clone()),
            line: self.lines.position(self.source, range.start).line,
            context,
            derived_id,
            pin,
            notes,
            placement: Placement::Inline {
                continuation_prefix,
                single_line,
                escape,
            },
        });
    }

    fn is_setext_heading(&self, kind: SegmentKind, range: &Range<usize>) -> bool {
        kind == SegmentKind::Heading && self.source[range.clone()].contains('\n')
    }
}

fn is_inline_tag(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

fn is_inline_tag_end(tag_end: TagEnd) -> bool {
    matches!(
        tag_end,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

mod attributes;
mod directives;
mod html_block;
mod quiz;
mod text;

use super::protected::is_markup_only;
use text::{
    find_inline_title, is_bare_url, is_data_cell, is_div_fence, strip_continuation_prefixes,
    without_attribute_lines, without_trailing_attributes,
};

#[cfg(test)]
mod tests;
