//! The human format: findings grouped by file, each with its place, the source line and a
//! caret, the help, and for stale translations the old → new English as a word diff beside
//! the current translation; then a summary line per locale and the totals.
//!
//! ```text
//! locales/el/course.ftl
//! error[stale]: the English of `dose` changed since it was translated (machine)
//!  --> locales/el/course.ftl:3:8
//!   |
//! 3 | dose = Δώστε 5 mg τώρα
//!   |        ^
//!   = english: locales/en/course.ftl:3:1
//!   = english changed: Give [-5-]{+50+} mg now
//!   = translation: Δώστε 5 mg τώρα
//!   = help: update the translation, then `kurso accept el --id dose`
//!
//! el: 1 error (1 stale)
//! total: 1 error; 2 files checked; 0 suppressed
//! ```
//!
//! Invariants: without `color` the output holds no escape sequence (the diff is marked
//! `[-deleted-]` and `{+inserted+}` instead); the caret sits under the finding's column,
//! counted in characters and drawn in terminal cells: tabs are shown as four spaces, East
//! Asian wide characters take two cells, combining marks none. Diagnostics (problems with the
//! input) are counted here but shown by the binary on stderr.

use std::fmt::Write as _;
use std::path::Path;

use super::{LocaleCounts, ReportOptions, locale_counts, plural, total_counts};
use crate::check::CheckSummary;
use crate::check::finding::{DiffPart, Finding, Level};

/// Cells a tab takes in a snippet.
const TAB_WIDTH: usize = 4;

/// The few ANSI styles the human format uses.
mod ansi {
    pub const RESET: &str = "\x1b[0m";
    pub const BOLD: &str = "\x1b[1m";
    pub const HEADER: &str = "\x1b[1;4m";
    pub const ERROR: &str = "\x1b[1;31m";
    pub const WARNING: &str = "\x1b[1;33m";
    pub const INFO: &str = "\x1b[1;36m";
    pub const GUTTER: &str = "\x1b[1;34m";
    pub const DELETE: &str = "\x1b[31m";
    pub const INSERT: &str = "\x1b[32m";
}

#[derive(Debug, Clone, Copy)]
struct Paint {
    color: bool,
}

impl Paint {
    fn paint(self, style: &str, text: &str) -> String {
        if self.color && !text.is_empty() {
            format!("{style}{text}{}", ansi::RESET)
        } else {
            text.to_owned()
        }
    }

    fn level_style(level: Level) -> &'static str {
        match level {
            Level::Error => ansi::ERROR,
            Level::Warning => ansi::WARNING,
            Level::Info | Level::Off => ansi::INFO,
        }
    }
}

/// Renders `summary` for a terminal.
pub fn render_human(summary: &CheckSummary, opts: &ReportOptions) -> String {
    let paint = Paint { color: opts.color };
    let mut out = String::new();
    let mut current_path: Option<&Path> = None;
    for finding in &summary.findings {
        if current_path != Some(finding.path.as_path()) {
            current_path = Some(&finding.path);
            let header = finding.path.display().to_string();
            let _ = writeln!(out, "{}", paint.paint(ansi::HEADER, &header));
        }
        write_finding(&mut out, finding, paint);
        out.push('\n');
    }
    write_summary(&mut out, summary);
    out
}

fn write_finding(out: &mut String, finding: &Finding, paint: Paint) {
    let style = Paint::level_style(finding.level);
    let label = format!("{}[{}]", finding.level, finding.rule);
    let _ = writeln!(
        out,
        "{}: {}",
        paint.paint(style, &label),
        paint.paint(ansi::BOLD, &finding.message)
    );
    let number = finding
        .position
        .map_or_else(String::new, |pos| pos.line.to_string());
    let width = number.len().max(1);
    let gutter = " ".repeat(width + 1);
    let arrow = format!("{}-->", " ".repeat(width));
    let _ = writeln!(
        out,
        "{} {}",
        paint.paint(ansi::GUTTER, &arrow),
        finding.location()
    );
    let bar = paint.paint(ansi::GUTTER, "|");
    if let (Some(pos), Some(snippet)) = (finding.position, &finding.snippet) {
        let line = snippet.trim_end_matches(['\n', '\r']);
        let _ = writeln!(out, "{gutter}{bar}");
        let _ = writeln!(
            out,
            "{} {bar} {}",
            paint.paint(ansi::GUTTER, &format!("{number:>width$}")),
            display_line(line)
        );
        let pad = " ".repeat(caret_offset(line, pos.column));
        let _ = writeln!(out, "{gutter}{bar} {pad}{}", paint.paint(style, "^"));
    }
    let note = |out: &mut String, label: &str, text: &str| {
        let prefix = format!("{gutter}= {label}: ");
        let shown = prefix.replace('=', &paint.paint(ansi::GUTTER, "="));
        let indent = " ".repeat(prefix.chars().count());
        let _ = writeln!(out, "{shown}{}", text.replace('\n', &format!("\n{indent}")));
    };
    if let Some(reference) = &finding.reference {
        note(out, "english", reference);
    }
    if let Some(diff) = &finding.diff {
        note(out, "english changed", &render_diff(diff, paint));
    }
    if let Some(translation) = &finding.translation {
        note(out, "translation", translation);
    }
    if let Some(help) = &finding.help {
        note(out, "help", help);
    }
}

/// Old → new English without colour: `[-deleted-]`, `{+inserted+}`.
pub(super) fn plain_diff(diff: &[DiffPart]) -> String {
    render_diff(diff, Paint { color: false })
}

/// Old → new English in one text: deletions red (or `[-…-]`), insertions green (or `{+…+}`).
fn render_diff(diff: &[DiffPart], paint: Paint) -> String {
    let mut out = String::new();
    for part in diff {
        match part {
            DiffPart::Equal(text) => out.push_str(text),
            DiffPart::Delete(text) if paint.color => out.push_str(&paint.paint(ansi::DELETE, text)),
            DiffPart::Insert(text) if paint.color => out.push_str(&paint.paint(ansi::INSERT, text)),
            DiffPart::Delete(text) => {
                let _ = write!(out, "[-{text}-]");
            }
            DiffPart::Insert(text) => {
                let _ = write!(out, "{{+{text}+}}");
            }
        }
    }
    out
}

/// The snippet as shown: tabs expanded, other control characters replaced, so a line from a
/// file can neither misalign the caret nor send escape sequences to the terminal.
fn display_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for ch in line.chars() {
        match ch {
            '\t' => out.push_str(&" ".repeat(TAB_WIDTH)),
            ch if ch.is_control() => out.push('\u{fffd}'),
            ch => out.push(ch),
        }
    }
    out
}

/// Cells before the caret for 1-based character `column` of `line` (past the end of the line:
/// one cell per missing character).
fn caret_offset(line: &str, column: usize) -> usize {
    let before = column.saturating_sub(1);
    let in_line: usize = line.chars().take(before).map(char_width).sum();
    in_line + before.saturating_sub(line.chars().count())
}

/// Terminal cells of `ch` as [`display_line`] shows it: an approximation of UAX #11 good for
/// the scripts courses are translated into (no dependency on a width table).
fn char_width(ch: char) -> usize {
    match u32::from(ch) {
        0x09 => TAB_WIDTH,
        0x0300..=0x036F
        | 0x0483..=0x0489
        | 0x0591..=0x05BD
        | 0x064B..=0x065F
        | 0x1AB0..=0x1AFF
        | 0x1DC0..=0x1DFF
        | 0x200B..=0x200F
        | 0x20D0..=0x20FF
        | 0xFE00..=0xFE0F
        | 0xFE20..=0xFE2F => 0,
        0x1100..=0x115F
        | 0x2E80..=0x303E
        | 0x3041..=0x33FF
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x1F300..=0x1F64F
        | 0x1F900..=0x1F9FF
        | 0x20000..=0x3FFFD => 2,
        _ => 1,
    }
}

fn write_summary(out: &mut String, summary: &CheckSummary) {
    let per_locale = locale_counts(summary);
    for (locale, counts) in &per_locale {
        let _ = writeln!(
            out,
            "{locale}: {}{}",
            level_counts(counts),
            state_counts(counts)
        );
    }
    let total = total_counts(&per_locale);
    let _ = write!(
        out,
        "total: {}; {} checked; {} suppressed",
        level_counts(&total),
        plural(summary.files_checked, "file"),
        summary.suppressed
    );
    if !summary.diagnostics.is_empty() {
        let _ = write!(
            out,
            "; {}",
            plural(summary.diagnostics.len(), "input problem")
        );
    }
    out.push('\n');
}

/// "2 errors, 1 warning", or "no findings".
fn level_counts(counts: &LocaleCounts) -> String {
    let mut parts = Vec::new();
    if counts.errors > 0 {
        parts.push(plural(counts.errors, "error"));
    }
    if counts.warnings > 0 {
        parts.push(plural(counts.warnings, "warning"));
    }
    if counts.infos > 0 {
        parts.push(format!("{} info", counts.infos));
    }
    if parts.is_empty() {
        "no findings".to_owned()
    } else {
        parts.join(", ")
    }
}

/// " (3 missing, 1 stale)": the non-zero message and file counts.
fn state_counts(counts: &LocaleCounts) -> String {
    let parts: Vec<String> = [
        (counts.missing_files, "missing file", true),
        (counts.missing, "missing", false),
        (counts.stale, "stale", false),
        (counts.unverified, "unverified", false),
        (counts.obsolete_files, "obsolete file", true),
        (counts.obsolete, "obsolete", false),
    ]
    .into_iter()
    .filter(|(n, _, _)| *n > 0)
    .map(|(n, what, countable)| {
        if countable {
            plural(n, what)
        } else {
            format!("{n} {what}")
        }
    })
    .collect();
    if parts.is_empty() {
        String::new()
    } else {
        format!(" ({})", parts.join(", "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::FileStats;
    use crate::report::tests::{at, finding, stale_el, summary};

    fn plain() -> ReportOptions {
        ReportOptions::default()
    }

    #[track_caller]
    fn check_snippet(line: &str, column: usize, expected_pad: usize) {
        let f = at(
            finding("syntax", Level::Error, "el", "a.ftl"),
            7,
            column,
            line,
        );
        let out = render_human(&summary(vec![f]), &plain());
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[2], " --> a.ftl:7:".to_owned() + &column.to_string());
        assert_eq!(lines[3], "  |");
        assert_eq!(lines[4], format!("7 | {}", display_line(line)));
        assert_eq!(
            lines[5],
            format!("  | {}^", " ".repeat(expected_pad)),
            "{out}"
        );
    }

    #[test]
    fn caret_counts_characters_not_bytes_in_greek() {
        // "δόση" is 4 characters and 8 bytes: a byte-based pad would put the caret at cell 18.
        check_snippet("δόση = Δώστε 5 mg", 14, 13);
    }

    #[test]
    fn caret_skips_combining_marks_and_expands_tabs() {
        // "ό" written as ο + U+0301: two characters, one cell.
        check_snippet("\tδο\u{301}ση = x", 8, 9);
    }

    #[test]
    fn caret_counts_two_cells_for_wide_characters() {
        check_snippet("剂量 = x", 4, 5);
    }

    #[test]
    fn caret_past_the_end_of_the_line() {
        check_snippet("ab", 5, 4);
    }

    #[test]
    fn groups_by_file_and_renders_stale_diff_and_translation() {
        let other = at(
            finding("missing", Level::Warning, "el", "locales/el/z.ftl"),
            1,
            1,
            "x",
        );
        let out = render_human(&summary(vec![stale_el(), other]), &plain());
        let expected = "\
locales/el/course.ftl
error[stale]: the English of `dose` changed since it was translated (machine)
 --> locales/el/course.ftl:3:1
  |
3 | dose = Δώστε 5 mg τώρα
  | ^
  = english: locales/en/course.ftl:3:1
  = english changed: Give [-5-]{+50+} mg now
  = translation: Δώστε 5 mg τώρα
  = help: update the translation, then `kurso accept el --id dose`

locales/el/z.ftl
warning[missing]: missing here
 --> locales/el/z.ftl:1:1
  |
1 | x
  | ^

el: 1 error, 1 warning
total: 1 error, 1 warning; 2 files checked; 0 suppressed
";
        assert_eq!(out, expected);
    }

    #[test]
    fn no_escape_sequences_without_color_and_some_with_it() {
        let s = summary(vec![stale_el()]);
        assert!(!render_human(&s, &plain()).contains('\x1b'));
        let colored = ReportOptions {
            color: true,
            ..plain()
        };
        let out = render_human(&s, &colored);
        assert!(out.contains("\x1b[31m5\x1b[0m"), "{out}");
        assert!(out.contains("\x1b[32m50\x1b[0m"), "{out}");
        assert!(!out.contains("[-"), "markers are for plain output: {out}");
    }

    #[test]
    fn multi_line_notes_are_indented_and_control_characters_hidden() {
        let mut f = at(
            finding("stale", Level::Info, "el", "a.ftl"),
            1,
            1,
            "a\x1b[31mb",
        );
        f.translation = Some("one\ntwo".to_owned());
        let out = render_human(&summary(vec![f]), &plain());
        assert!(out.contains("1 | a\u{fffd}[31mb\n"), "{out}");
        assert!(
            out.contains("  = translation: one\n                 two\n"),
            "{out}"
        );
        assert!(out.contains("info[stale]"), "{out}");
    }

    #[test]
    fn summary_lists_locales_state_counts_suppressed_and_input_problems() {
        let mut s = summary(Vec::new());
        s.locales = vec!["it".to_owned()];
        s.suppressed = 3;
        s.stats.push(FileStats {
            locale: "it".to_owned(),
            missing: 2,
            stale: 1,
            missing_file: true,
            ..FileStats::default()
        });
        s.diagnostics
            .push(crate::diagnostic::Diagnostic::file_error(
                Path::new("x.ftl"),
                "cannot read",
            ));
        assert_eq!(
            render_human(&s, &plain()),
            "it: no findings (1 missing file, 2 missing, 1 stale)\n\
             total: no findings; 2 files checked; 3 suppressed; 1 input problem\n"
        );
    }
}
