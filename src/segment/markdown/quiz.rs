//! Quizzes as linked units: the question, each option, hint and answer its own message, the
//! feedback after it, each with a note that ties it to its question. The markers that say
//! which answer is right (`[(X)]`, `[[X]]`, `- [x]`, the parentheses of `[[a|(b)]]`) are
//! never inside a message, so no translation can move the correct answer.
//!
//! Two forms are read: LiaScript quiz lines in a paragraph (`liascript.rs` reads one line),
//! and a task list under a list item (the sample courses' quizzes: the item is the question,
//! the task items its options, an `Answers` section after it the feedback). A LiaScript
//! solution (between two rows of `*` after the options) is feedback too.

use std::ops::Range;

use super::Walker;
use crate::segment::liascript::{QuizPart, QuizStyle, quiz_line};
use crate::segment::protected::is_markup_only;
use crate::segment::{Escape, SegmentKind};

/// Section titles whose text is feedback on the quiz before them.
const FEEDBACK_TITLES: [&str; 6] = [
    "answers",
    "answer",
    "feedback",
    "solutions",
    "solution",
    "answer key",
];

#[derive(Debug, Default)]
pub(super) struct QuizState {
    open: Option<OpenQuiz>,
    /// What the text being read is feedback on.
    feedback: Option<String>,
    /// The title of the section that held the last quiz.
    last_quiz_section: Option<String>,
    /// A task list is being read as a quiz.
    in_task_list: bool,
}

#[derive(Debug)]
struct OpenQuiz {
    /// The start of the question, for notes.
    question: String,
    options: usize,
    /// The last segment was an option: a row of `*` now opens the solution.
    after_options: bool,
    in_solution: bool,
}

impl QuizState {
    /// A thematic break: rows of `*` right after the options open a LiaScript solution, the
    /// next closes it.
    pub(super) fn rule(&mut self, source: &str) {
        let stars = !source.trim().is_empty() && source.trim().chars().all(|c| c == '*');
        let Some(open) = &mut self.open else {
            return;
        };
        if open.in_solution {
            self.open = None;
            self.feedback = None;
        } else if open.after_options && stars {
            open.in_solution = true;
            self.feedback = Some(format!("the quiz “{}”", open.question));
        }
    }

    pub(super) fn heading(&mut self, title: &str) {
        let closes = self.open.take().is_some();
        self.feedback = None;
        if FEEDBACK_TITLES.contains(&title.to_lowercase().as_str()) {
            if let Some(section) = &self.last_quiz_section {
                self.feedback = Some(format!("the quiz in “{section}”"));
            }
        } else if !closes {
            self.last_quiz_section = None;
        }
    }

    pub(super) fn list_started(&mut self) {
        self.in_task_list = false;
    }

    /// The notes a segment pushed now gets from the quiz around it.
    pub(super) fn segment_pushed(&mut self) -> Option<String> {
        if let Some(open) = &mut self.open {
            open.after_options = false;
        }
        self.feedback
            .as_ref()
            .map(|what| format!("Feedback on {what}, shown after answering."))
    }
}

const QUESTION_NOTE: &str = "Quiz question: its options, hints and feedback are the messages \
     that follow. Which answer is right is kept outside the text.";

impl Walker<'_> {
    /// Starts a quiz whose question is segment `question` (or the text before it).
    fn start_quiz(&mut self, question: Option<usize>) {
        let excerpt = question
            .and_then(|index| self.segments.get_mut(index))
            .map(|segment| {
                if !segment.notes.iter().any(|note| note == QUESTION_NOTE) {
                    segment.notes.push(QUESTION_NOTE.to_owned());
                }
                excerpt(&segment.text)
            })
            .unwrap_or_default();
        self.quiz.open = Some(OpenQuiz {
            question: excerpt,
            options: 0,
            after_options: false,
            in_solution: false,
        });
        self.quiz.last_quiz_section = self.headings.last().map(|(_, title)| title.clone());
    }

    /// A task-list marker: the first of a list starts a quiz whose question is the text
    /// before it (the parent item).
    pub(super) fn task_marker(&mut self) {
        if !self.quiz.in_task_list {
            self.quiz.in_task_list = true;
            let question = self.segments.len().checked_sub(1);
            self.start_quiz(question);
        }
    }

    /// The segment just pushed was a task item: an option.
    pub(super) fn task_option_pushed(&mut self) {
        let note = self.option_note(QuizPart::Option);
        if let Some(segment) = self.segments.last_mut() {
            segment.notes.push(note);
        }
    }

    fn option_note(&mut self, part: QuizPart) -> String {
        let Some(open) = &mut self.quiz.open else {
            return String::new();
        };
        open.after_options = true;
        match part {
            QuizPart::Option => {
                open.options += 1;
                format!(
                    "Option {} of the quiz “{}”. Which option is right is kept outside this \
                     text: translate the words only.",
                    open.options, open.question
                )
            }
            QuizPart::Hint => format!("Hint for the quiz “{}”.", open.question),
            QuizPart::Answer => format!(
                "An answer a learner types or picks in the quiz “{}”: write it as a learner \
                 in your language would.",
                open.question
            ),
        }
    }

    /// Pushes a paragraph that holds LiaScript quiz lines: the lines before the first as its
    /// question, each option, hint and answer on its own, other lines as paragraphs. False
    /// (and nothing pushed) when it holds none.
    pub(super) fn push_quiz_block(&mut self, kind: SegmentKind, range: &Range<usize>) -> bool {
        let mut lines: Vec<(Range<usize>, Option<crate::segment::liascript::QuizLine>)> =
            Vec::new();
        let mut at = range.start;
        for line in self.source[range.clone()].split('\n') {
            let prefix = if at == range.start {
                0
            } else {
                line.len() - line.trim_start_matches(['>', ' ', '\t']).len()
            };
            let content = at + prefix..at + line.len();
            lines.push((content.clone(), quiz_line(&self.source[content])));
            at += line.len() + 1;
        }
        if lines.iter().all(|(_, quiz)| quiz.is_none()) {
            return false;
        }
        let mut prose: Option<Range<usize>> = None;
        for (line, quiz) in lines {
            let Some(quiz) = quiz else {
                prose = Some(prose.map_or(line.clone(), |p| p.start..line.end));
                continue;
            };
            let question = prose.take().and_then(|p| self.push_prose_lines(kind, p));
            let starts = self
                .quiz
                .open
                .as_ref()
                .is_none_or(|open| !open.after_options || question.is_some());
            if starts && quiz.style != QuizStyle::Hint {
                let question = question.or_else(|| self.segments.len().checked_sub(1));
                self.start_quiz(question);
            }
            for (part, part_range) in quiz.parts {
                let part_range = line.start + part_range.start..line.start + part_range.end;
                let kind = match part {
                    QuizPart::Option => SegmentKind::QuizOption,
                    QuizPart::Hint => SegmentKind::QuizHint,
                    QuizPart::Answer => SegmentKind::QuizAnswer,
                };
                self.push_segment(kind, part_range, Escape::Nothing);
                let note = self.option_note(part);
                if let Some(segment) = self.segments.last_mut().filter(|_| !note.is_empty()) {
                    segment.notes.push(note);
                }
            }
        }
        if let Some(p) = prose {
            self.push_prose_lines(kind, p);
        }
        true
    }

    /// Pushes lines of prose between quiz lines; the index of the segment, if any.
    fn push_prose_lines(&mut self, kind: SegmentKind, range: Range<usize>) -> Option<usize> {
        let text = &self.source[range.clone()];
        let range = range.start..range.start + text.trim_end().len();
        let text = &self.source[range.clone()];
        if !text.chars().any(char::is_alphabetic) || is_markup_only(text) {
            return None;
        }
        self.push_segment(kind, range, Escape::Nothing);
        Some(self.segments.len() - 1)
    }
}

/// The start of a question for notes: its first words, markup as written.
fn excerpt(text: &str) -> String {
    let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if words.chars().count() <= 60 {
        return words;
    }
    let cut: String = words.chars().take(57).collect();
    format!("{}…", cut.trim_end())
}
