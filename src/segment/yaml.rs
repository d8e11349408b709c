//! YAML (front matter, `course.yaml`) → segments.
//!
//! Walks saphyr-parser's events, which carry the source span of every scalar. A string value
//! below a translatable key becomes a segment: one per scalar, so a list gives one message
//! per item. IDs follow the key path (`meta-objectives-2`), made readable and stable by the
//! same alignment as Markdown blocks.

use std::ops::Range;
use std::path::Path;

use saphyr_parser::{Event, Parser, ScalarStyle};

use super::slug::slugify;
use super::{Placement, Segment, SegmentKind, SegmentedFile};
use crate::diagnostic::Diagnostic;
use crate::span::{LineIndex, Span};

enum Frame {
    Mapping {
        key: Option<String>,
        expecting_key: bool,
    },
    Sequence {
        index: usize,
    },
}

/// Segments the YAML in `source[yaml]` (all of `course.yaml`, or a module's front matter).
/// `id_prefix` starts every derived ID (`meta` for front matter); empty for none.
pub fn segment_yaml(
    path: &Path,
    source: &str,
    yaml: Range<usize>,
    translatable_keys: &[String],
    id_prefix: &str,
) -> SegmentedFile {
    let text = &source[yaml.clone()];
    let chars = CharOffsets::new(text);
    let lines = LineIndex::new(source);
    let mut file = SegmentedFile::default();
    let mut stack: Vec<Frame> = Vec::new();
    let mut saw_root = false;
    for item in Parser::new_from_str(text) {
        let (event, span) = match item {
            Ok(item) => item,
            Err(err) => {
                let marker = err.marker();
                let offset = yaml.start + chars.byte(marker.index());
                file.diagnostics.push(
                    Diagnostic::error_at(path, source, offset, format!("invalid YAML: {}", err.info()))
                        .with_help("fix the YAML syntax (quote values that contain `: ` or start with a special character)"),
                );
                return file;
            }
        };
        let start = yaml.start + chars.byte(span.start.index());
        let end = yaml.start + chars.byte(span.end.index());
        match event {
            Event::MappingStart(..) | Event::SequenceStart(..) => {
                if stack.is_empty() {
                    if saw_root || !matches!(event, Event::MappingStart(..)) {
                        file.diagnostics.push(
                            Diagnostic::error_at(path, source, start, "the YAML must be a mapping of keys to values")
                                .with_help("write `key: value` lines, such as `title: Telehealth consultations`"),
                        );
                        return file;
                    }
                    saw_root = true;
                }
                stack.push(match event {
                    Event::MappingStart(..) => Frame::Mapping {
                        key: None,
                        expecting_key: true,
                    },
                    _ => Frame::Sequence { index: 0 },
                });
            }
            Event::MappingEnd | Event::SequenceEnd => {
                stack.pop();
                advance(&mut stack);
            }
            Event::Scalar(value, style, ..) => {
                if let Some(Frame::Mapping {
                    key,
                    expecting_key: expecting @ true,
                }) = stack.last_mut()
                {
                    *key = Some(value.into_owned());
                    *expecting = false;
                    continue;
                }
                if stack.is_empty() {
                    if !value.trim().is_empty() {
                        file.diagnostics.push(
                            Diagnostic::error_at(path, source, start, "the YAML must be a mapping of keys to values")
                                .with_help("write `key: value` lines, such as `title: Telehealth consultations`"),
                        );
                    }
                    return file;
                }
                let key_path = key_path(&stack);
                let translatable = key_path.iter().any(|part| translatable_keys.contains(part));
                if translatable && value.chars().any(char::is_alphabetic) {
                    let replace = if matches!(style, ScalarStyle::Literal | ScalarStyle::Folded) {
                        block_scalar_span(source, start, end)
                    } else {
                        Span::new(start, end)
                    };
                    if key_path.iter().any(|part| part == "title") && key_path.len() == 1 {
                        file.title = Some(value.to_string());
                    }
                    file.segments.push(Segment {
                        kind: SegmentKind::Field,
                        text: value.into_owned(),
                        span: replace,
                        line: lines.position(source, start).line,
                        derived_id: derive_id(id_prefix, &key_path),
                        context: key_path,
                        pin: None,
                        notes: Vec::new(),
                        placement: Placement::Yaml,
                    });
                }
                advance(&mut stack);
            }
            Event::Alias(_) => advance(&mut stack),
            _ => {}
        }
    }
    file
}

/// After a value: a mapping expects its next key, a sequence counts the item.
fn advance(stack: &mut [Frame]) {
    match stack.last_mut() {
        Some(Frame::Mapping { expecting_key, .. }) => *expecting_key = true,
        Some(Frame::Sequence { index }) => *index += 1,
        None => {}
    }
}

fn key_path(stack: &[Frame]) -> Vec<String> {
    stack
        .iter()
        .map(|frame| match frame {
            Frame::Mapping { key, .. } => key.clone().unwrap_or_default(),
            Frame::Sequence { index } => (index + 1).to_string(),
        })
        .collect()
}

fn derive_id(prefix: &str, key_path: &[String]) -> String {
    let mut parts: Vec<String> = Vec::new();
    if !prefix.is_empty() {
        parts.push(prefix.to_owned());
    }
    for part in key_path {
        parts.push(if part.chars().all(|ch| ch.is_ascii_digit()) {
            part.clone()
        } else {
            slugify(part, "key").trim_start_matches("s-").to_owned()
        });
    }
    let id = parts.join("-");
    if id.starts_with(|ch: char| ch.is_ascii_alphabetic()) {
        id
    } else {
        format!("key-{id}")
    }
}

/// A block scalar (`|` or `>`) is replaced from its indicator to its last non-blank
/// character, so a translation can be written as a quoted scalar on the key's line.
fn block_scalar_span(source: &str, content_start: usize, content_end: usize) -> Span {
    let header_end = source[..content_start].rfind('\n').unwrap_or(0);
    let header_start = source[..header_end].rfind('\n').map_or(0, |idx| idx + 1);
    let indicator = source[header_start..header_end]
        .rfind(['|', '>'])
        .map_or(content_start, |idx| header_start + idx);
    let end = content_start + source[content_start..content_end].trim_end().len();
    Span::new(indicator, end.max(indicator))
}

/// saphyr-parser counts characters; spans need bytes.
struct CharOffsets {
    /// Byte offset of each character, or empty when the text is ASCII.
    offsets: Vec<usize>,
    len: usize,
}

impl CharOffsets {
    fn new(text: &str) -> Self {
        let offsets = if text.is_ascii() {
            Vec::new()
        } else {
            text.char_indices().map(|(offset, _)| offset).collect()
        };
        CharOffsets {
            offsets,
            len: text.len(),
        }
    }

    fn byte(&self, char_index: usize) -> usize {
        if self.offsets.is_empty() {
            char_index.min(self.len)
        } else {
            self.offsets.get(char_index).copied().unwrap_or(self.len)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::DEFAULT_TRANSLATABLE_KEYS;
    use crate::segment::{place_translation, splice};

    fn keys() -> Vec<String> {
        DEFAULT_TRANSLATABLE_KEYS
            .iter()
            .map(|&key| key.to_owned())
            .collect()
    }

    /// (derived ID, text, source slice the span covers) of each segment.
    #[track_caller]
    fn check(yaml: &str, expected: &[(&str, &str, &str)]) {
        let file = segment_yaml(Path::new("course.yaml"), yaml, 0..yaml.len(), &keys(), "");
        assert!(file.diagnostics.is_empty(), "{:?}", file.diagnostics);
        let got: Vec<(&str, &str, &str)> = file
            .segments
            .iter()
            .map(|segment| {
                (
                    segment.derived_id.as_str(),
                    segment.text.as_str(),
                    &yaml[segment.span.range()],
                )
            })
            .collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn translatable_strings_and_list_items() {
        check(
            "title: Telehealth\neqf-level: 6\naudience:\n  - Doctors\n  - Nurses\nduration: 45 min\n",
            &[
                ("title", "Telehealth", "Telehealth"),
                ("audience-1", "Doctors", "Doctors"),
                ("audience-2", "Nurses", "Nurses"),
            ],
        );
    }

    #[test]
    fn nested_maps_under_a_translatable_key_are_walked() {
        check(
            "activities:\n  synchronous:\n    - title: Webinar\n      duration: 90 min\n",
            &[("activities-synchronous-1-title", "Webinar", "Webinar")],
        );
    }

    #[test]
    fn block_scalars_span_from_the_indicator() {
        check(
            "summary: >-\n  Folded\n  text.\n\nnext: x\n",
            &[("summary", "Folded text.", ">-\n  Folded\n  text.")],
        );
    }

    #[test]
    fn quoted_scalars_span_their_quotes() {
        check("title: \"A: B\"\n", &[("title", "A: B", "\"A: B\"")]);
    }

    #[test]
    fn non_ascii_values_get_byte_spans() {
        check(
            "summary: Ψηφιακή υγεία\ntitle: x y\n",
            &[
                ("summary", "Ψηφιακή υγεία", "Ψηφιακή υγεία"),
                ("title", "x y", "x y"),
            ],
        );
    }

    #[test]
    fn translated_block_scalar_becomes_a_quoted_scalar_that_parses_back() {
        let yaml = "summary: >-\n  Folded\n  text.\n\nnext: x\n";
        let file = segment_yaml(Path::new("c.yaml"), yaml, 0..yaml.len(), &keys(), "");
        let replacement =
            place_translation(&file.segments[0], "Τεκμηρίωση: \"ναι\"").expect("differs");
        let built = splice(yaml, vec![replacement]);
        assert_eq!(built, "summary: \"Τεκμηρίωση: \\\"ναι\\\"\"\n\nnext: x\n");
        let again = segment_yaml(Path::new("c.yaml"), &built, 0..built.len(), &keys(), "");
        assert_eq!(again.segments[0].text, "Τεκμηρίωση: \"ναι\"");
    }

    #[test]
    fn syntax_error_has_file_line_and_column() {
        let yaml = "title: ok\nsummary: [unclosed\n";
        let file = segment_yaml(Path::new("course.yaml"), yaml, 0..yaml.len(), &keys(), "");
        let diagnostic = file.diagnostics.first().expect("an error");
        assert!(
            diagnostic.location().starts_with("course.yaml:"),
            "{diagnostic}"
        );
        assert!(
            diagnostic.message.starts_with("invalid YAML"),
            "{diagnostic}"
        );
    }

    #[test]
    fn a_list_at_the_top_is_an_error() {
        let yaml = "- a\n- b\n";
        let file = segment_yaml(Path::new("course.yaml"), yaml, 0..yaml.len(), &keys(), "");
        assert_eq!(
            file.diagnostics[0].message,
            "the YAML must be a mapping of keys to values"
        );
        assert_eq!(file.diagnostics[0].location(), "course.yaml:1:1");
    }
}
