//! LiaScript, recognised without configuration: quiz lines and the course header.
//!
//! A quiz line starts with its marker: `[( )]`/`[(X)]` (single choice), `[[ ]]`/`[[X]]`
//! (multiple choice), `[[?]]` (a hint), `[(name)]`/`[[name]]` before a label (a survey
//! option, `name` being a variable, not text), or is a whole `[[answer]]` (a text answer) or
//! `[[a|(b)|c]]` (a selection, the one in parentheses correct). Only the option's words, the
//! hint and the answers are text: the markers and the parentheses that say which answer is
//! right stay outside every message, so a translation cannot move the correct answer.
//!
//! The header is the HTML comment that opens a LiaScript course (`author:`, `version:`,
//! `narrator:`, …). Its visible fields (`title`, `comment`, `long_description`,
//! `current_version_description`) are text; so are the blocks `@pre_reqs`,
//! `@learning_objectives` and `@version_history` (Markdown up to `@end`). Every other field,
//! macro definition, `import:` and `script:` line stays as it is.

use std::ops::Range;

/// What a quiz line holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuizPart {
    /// A single- or multiple-choice option, or a survey option's label.
    Option,
    /// A hint (`[[?]]`).
    Hint,
    /// An answer a learner types or selects (`[[answer]]`, `[[a|(b)]]`).
    Answer,
}

/// Which kind of quiz an option line belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuizStyle {
    SingleChoice,
    MultipleChoice,
    Survey,
    Hint,
    TextAnswer,
}

/// One quiz line: its style and the ranges (in the line) of its text parts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuizLine {
    pub style: QuizStyle,
    pub parts: Vec<(QuizPart, Range<usize>)>,
    /// What its markers say, apart from the words.
    pub markers: QuizMarkers,
}

/// What a quiz line's markers say about its answers: the kind of quiz, how many answers a
/// `[[a|(b)|c]]` offers, and which are marked right. No translation may change it (the
/// `structure` rule and the build compare it, see `segment::structure`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QuizMarkers {
    pub style: QuizStyle,
    /// The answers offered: the `|`-separated pieces of a `[[…]]`, 1 for the other styles.
    pub choices: usize,
    /// Bit `i` set: choice `i` is marked right (`[(X)]`, `[[X]]`, the `(b)` of `[[a|(b)]]`).
    pub right: u64,
}

/// Reads `line` (container prefix removed, no newline) as a LiaScript quiz line.
pub fn quiz_line(line: &str) -> Option<QuizLine> {
    let trimmed = line.trim_start();
    let lead = line.len() - trimmed.len();
    let (close, style, marker) = if let Some(inner) = trimmed.strip_prefix("[(") {
        let close = inner.find(")]")?;
        let marker = &inner[..close];
        let style = match marker {
            " " | "X" | "x" => QuizStyle::SingleChoice,
            name if is_variable(name) => QuizStyle::Survey,
            _ => return None,
        };
        (2 + close + 2, style, marker)
    } else if let Some(inner) = trimmed.strip_prefix("[[") {
        let close = inner.find("]]")?;
        let marker = &inner[..close];
        let after = &inner[close + 2..];
        match marker {
            " " | "X" | "x" => (2 + close + 2, QuizStyle::MultipleChoice, marker),
            "?" => (2 + close + 2, QuizStyle::Hint, marker),
            name if is_variable(name) && !after.trim().is_empty() => {
                (2 + close + 2, QuizStyle::Survey, marker)
            }
            _ if after.trim().is_empty() && !marker.is_empty() => {
                let start = lead + 2;
                return Some(QuizLine {
                    style: QuizStyle::TextAnswer,
                    parts: answers(marker, start),
                    markers: selection_markers(marker),
                });
            }
            _ => return None,
        }
    } else {
        return None;
    };
    let rest = &trimmed[close..];
    if !rest.starts_with([' ', '\t']) {
        return None;
    }
    let text_start = lead + close + (rest.len() - rest.trim_start().len());
    let text_end = lead + trimmed.trim_end().len();
    let part = match style {
        QuizStyle::Hint => QuizPart::Hint,
        _ => QuizPart::Option,
    };
    let parts = if text_end > text_start {
        vec![(part, text_start..text_end)]
    } else {
        Vec::new()
    };
    let markers = QuizMarkers {
        style,
        choices: 1,
        right: u64::from(matches!(marker, "X" | "x")),
    };
    Some(QuizLine {
        style,
        parts,
        markers,
    })
}

/// The markers of a `[[…]]` text answer or selection (its inside): one choice per
/// `|`-separated piece, the ones in parentheses right.
fn selection_markers(inner: &str) -> QuizMarkers {
    let mut markers = QuizMarkers {
        style: QuizStyle::TextAnswer,
        choices: 0,
        right: 0,
    };
    for (index, piece) in inner.split('|').enumerate() {
        markers.choices += 1;
        if is_marked_right(piece.trim()) && index < 64 {
            markers.right |= 1 << index;
        }
    }
    markers
}

/// Whether a piece of a selection is the right answer: `(b)`.
fn is_marked_right(piece: &str) -> bool {
    piece.len() >= 2 && piece.starts_with('(') && piece.ends_with(')')
}

/// The answers of `[[…]]` (its inside starting at `start`): `a|(b)|c` gives `a`, `b`, `c`
/// without the parentheses that mark the right one.
fn answers(inner: &str, start: usize) -> Vec<(QuizPart, Range<usize>)> {
    let mut parts = Vec::new();
    let mut at = 0;
    for piece in inner.split('|') {
        let trimmed = piece.trim();
        let mut from = at + (piece.len() - piece.trim_start().len());
        let mut to = from + trimmed.len();
        if is_marked_right(trimmed) {
            from += 1;
            to -= 1;
        }
        let text = inner[from..to].trim();
        if text.chars().any(char::is_alphabetic) && !text.chars().all(|c| c == '_') {
            let lead = inner[from..to].len() - inner[from..to].trim_start().len();
            parts.push((
                QuizPart::Answer,
                start + from + lead..start + from + lead + text.len(),
            ));
        }
        at += piece.len() + 1;
    }
    parts
}

/// A LiaScript survey variable name (`[[male]]`, `[(1)]`).
fn is_variable(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | ' '))
        && !name.trim().is_empty()
        && !name.contains("  ")
}

/// Header fields a learner sees.
const VISIBLE_FIELDS: [&str; 4] = [
    "title",
    "comment",
    "long_description",
    "current_version_description",
];

/// Header blocks (`@name` … `@end`) a learner sees.
const VISIBLE_BLOCKS: [&str; 3] = ["pre_reqs", "learning_objectives", "version_history"];

/// Fields only a LiaScript header has (one of them makes a comment a header).
const HEADER_FIELDS: [&str; 8] = [
    "author", "email", "version", "narrator", "language", "import", "mode", "logo",
];

/// What the header holds that is text, as byte ranges of `comment` (the comment's inside).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Header {
    /// (field name, value range).
    pub fields: Vec<(String, Range<usize>)>,
    /// (block name, Markdown range).
    pub blocks: Vec<(String, Range<usize>)>,
}

/// Reads the inside of an HTML comment as a LiaScript header; `None` if it is not one.
pub fn header(comment: &str) -> Option<Header> {
    let mut header = Header::default();
    let mut is_header = false;
    let mut open_block: Option<(String, usize)> = None;
    let mut at = 0;
    for line in comment.split_inclusive('\n') {
        let line_start = at;
        at += line.len();
        let content = line.trim_end_matches(['\n', '\r']);
        let trimmed = content.trim();
        if let Some((name, start)) = &open_block {
            if trimmed == "@end" {
                if VISIBLE_BLOCKS.contains(&name.as_str()) {
                    header.blocks.push((name.clone(), *start..line_start));
                }
                open_block = None;
            }
            continue;
        }
        if let Some(name) = trimmed.strip_prefix('@') {
            let is_block_name = !name.is_empty()
                && name
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.'));
            if is_block_name && name != "end" {
                open_block = Some((name.to_owned(), at));
            }
            continue;
        }
        let Some((key, _)) = content.split_once(':') else {
            continue;
        };
        let key = key.trim();
        if !key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') || key.is_empty() {
            continue;
        }
        is_header |= HEADER_FIELDS.contains(&key);
        if VISIBLE_FIELDS.contains(&key) {
            let value_start = line_start + key_end(content) + 1;
            let value = &comment[value_start..line_start + content.len()];
            let lead = value.len() - value.trim_start().len();
            let range = value_start + lead..value_start + value.trim_end().len();
            if !range.is_empty() {
                header.fields.push((key.to_owned(), range));
            }
        }
    }
    is_header.then_some(header)
}

fn key_end(line: &str) -> usize {
    line.find(':').unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn parts(line: &str) -> Vec<(QuizPart, &str)> {
        quiz_line(line)
            .expect("a quiz line")
            .parts
            .into_iter()
            .map(|(part, range)| (part, &line[range]))
            .collect()
    }

    #[test]
    fn choice_options_without_their_markers() {
        assert_eq!(
            parts("[(X)] Only question 3"),
            [(QuizPart::Option, "Only question 3")]
        );
        assert_eq!(parts("[( )] True"), [(QuizPart::Option, "True")]);
        assert_eq!(
            parts("[[X]] Structured Query Language "),
            [(QuizPart::Option, "Structured Query Language")]
        );
        assert_eq!(
            parts("[[?]] More than one"),
            [(QuizPart::Hint, "More than one")]
        );
        assert_eq!(
            quiz_line("[[X]] a").expect("quiz").style,
            QuizStyle::MultipleChoice
        );
        assert_eq!(
            quiz_line("[(x)] a").expect("quiz").style,
            QuizStyle::SingleChoice
        );
    }

    #[test]
    fn answers_lose_the_parentheses_that_mark_the_right_one() {
        assert_eq!(
            parts("  [[male|(female)| non-binary ]]"),
            [
                (QuizPart::Answer, "male"),
                (QuizPart::Answer, "female"),
                (QuizPart::Answer, "non-binary")
            ]
        );
        assert_eq!(
            parts("[[Structured Query Language]]"),
            [(QuizPart::Answer, "Structured Query Language")]
        );
        assert!(parts("[[___]]").is_empty());
    }

    #[test]
    fn survey_options_keep_their_variable_out() {
        assert_eq!(
            parts("[[nonbinary]] non-binary"),
            [(QuizPart::Option, "non-binary")]
        );
        assert_eq!(
            quiz_line("[(1)] Yes").expect("quiz").style,
            QuizStyle::Survey
        );
    }

    #[test]
    fn other_brackets_are_not_quizzes() {
        for line in [
            "[link](x)",
            "[[x]](url)",
            "[(a)]b",
            "text [( )] here",
            "[X] done",
        ] {
            assert_eq!(quiz_line(line), None, "{line}");
        }
    }

    #[test]
    fn header_fields_and_blocks() {
        let comment = "\nauthor: Rose\nversion: 1.2.3\ncurrent_version_description: Fix a typo\ntitle: Demystifying SQL\ncomment:  SQL is old.\nlong_description: For people new to data.\nestimated_time_in_minutes: 40\nnarrator: US English Male\n@pre_reqs\n\nSome rows.\n\n@end\n@learning_objectives  \n- Define SQL\n@end\n@sets_you_up_for\n- x\n@end\n@version_history\n- 1.0: first\n@end\nimport: https://x/macros.md\n";
        let header = header(comment).expect("a header");
        let fields: Vec<_> = header
            .fields
            .iter()
            .map(|(k, r)| (k.as_str(), &comment[r.clone()]))
            .collect();
        assert_eq!(
            fields,
            [
                ("current_version_description", "Fix a typo"),
                ("title", "Demystifying SQL"),
                ("comment", "SQL is old."),
                ("long_description", "For people new to data.")
            ]
        );
        let blocks: Vec<_> = header
            .blocks
            .iter()
            .map(|(k, r)| (k.as_str(), &comment[r.clone()]))
            .collect();
        assert_eq!(
            blocks,
            [
                ("pre_reqs", "\nSome rows.\n\n"),
                ("learning_objectives", "- Define SQL\n"),
                ("version_history", "- 1.0: first\n")
            ]
        );
    }

    #[test]
    fn an_ordinary_comment_is_not_a_header() {
        assert_eq!(header(" TODO: add a figure "), None);
        assert_eq!(header(" data-type=\"none\" "), None);
    }
}
