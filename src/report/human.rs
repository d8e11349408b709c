//! The human format, for a maintainer at a terminal or reading a CI log:
//!
//! 1. the summary: one line per locale, the total, the findings per rule, and what the
//!    filters hid;
//! 2. the findings by level, errors first, then warnings, then info (a `== 2 errors ==`
//!    heading before each level when more than one is shown), each level grouped by file;
//!    each finding as rustc shows a diagnostic (annotate-snippets): its place, the source line
//!    with a caret, the English, for stale translations the old → new English as a word diff
//!    beside the current translation, and the help;
//! 3. the total again, so the last line on a terminal says what the run found.
//!
//! Why this order: `kurso check` on a whole project can print thousands of warnings (5,080
//! glossary warnings on the sample after a machine-translation run), and the few errors that
//! fail the run must not drown in them. A log read from the top (a pager, a CI page) starts
//! with the counts and the errors; a terminal that scrolled shows the total at the bottom.
//!
//! ```text
//! el: 1 error (1 stale)
//! total: 1 error; 2 files checked; 0 suppressed
//! rules: stale 1 error
//!
//! locales/el/course.ftl
//! error[stale]: the English of `dose` changed since it was translated (machine)
//!  --> locales/el/course.ftl:3:1
//!   |
//! 3 | dose = Δώστε 5 mg τώρα
//!   | ^
//!   |
//!   = english: locales/en/course.ftl:3:1
//!   = english changed: Give [-5-]{+50+} mg now
//!   = translation: Δώστε 5 mg τώρα
//!   = help: update the translation, then `kurso accept el --id dose`
//!
//! total: 1 error
//! ```
//!
//! Invariants: without `color` the output holds no escape sequence (the diff is marked
//! `[-deleted-]` and `{+inserted+}` instead), and text from the files never does; the caret
//! sits under the finding's column, counted in characters and drawn in terminal cells
//! (annotate-snippets: tabs as four spaces, wide characters two cells). Diagnostics (problems
//! with the input) are counted here but shown by the binary on stderr.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use anstyle::{AnsiColor, Effects, Style};

use super::{Hidden, LocaleCounts, ReportOptions, level_list, locale_counts, plural, total_counts};
use crate::check::CheckSummary;
use crate::check::finding::{DiffPart, Finding, Level};
use crate::diagnostic::{Annotated, without_controls};

const FILE_HEADER: Style = Style::new().effects(Effects::BOLD.insert(Effects::UNDERLINE));
const LEVEL_HEADING: Style = Style::new().effects(Effects::BOLD);
const DELETE: Style = AnsiColor::Red.on_default();
const INSERT: Style = AnsiColor::Green.on_default();

/// The levels a finding can have, most severe first.
const LEVELS: [Level; 3] = [Level::Error, Level::Warning, Level::Info];

/// Renders `summary` for a terminal or a log; `hidden` is what the filters left out.
pub fn render_human(summary: &CheckSummary, hidden: &Hidden, opts: &ReportOptions) -> String {
    let mut out = String::new();
    if opts.summary {
        write_summary(&mut out, summary, hidden, opts);
    }
    let by_level: Vec<(Level, Vec<&Finding>)> = LEVELS
        .into_iter()
        .map(|level| (level, findings_at(summary, level)))
        .filter(|(_, findings)| !findings.is_empty())
        .collect();
    let headed = by_level.len() > 1;
    for (level, findings) in &by_level {
        if headed {
            let heading = format!("== {} ==", level_noun(*level, findings.len()));
            separate(&mut out);
            let _ = writeln!(out, "{}", paint(opts.color, LEVEL_HEADING, &heading));
        }
        let mut current_path: Option<&Path> = None;
        for finding in findings {
            if current_path != Some(finding.path.as_path()) {
                current_path = Some(&finding.path);
                separate(&mut out);
                let file = finding.path.display().to_string();
                let _ = writeln!(out, "{}", paint(opts.color, FILE_HEADER, &file));
            }
            out.push_str(&render_finding(finding, opts.color));
            out.push('\n');
        }
    }
    if !by_level.is_empty() {
        separate(&mut out);
        let shown = total_counts(&locale_counts(summary));
        let _ = write!(
            out,
            "total: {}",
            level_list(shown.errors, shown.warnings, shown.infos)
        );
        if headed && shown.errors > 0 {
            out.push_str(" (errors are listed first)");
        }
        if hidden.total() > 0 {
            let _ = write!(out, "; not shown ({}): {hidden}", opts.filter);
        }
        out.push('\n');
    }
    out
}

/// A blank line between blocks (none at the start).
fn separate(out: &mut String) {
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
}

fn paint(color: bool, style: Style, text: &str) -> String {
    if color {
        format!("{style}{text}{style:#}")
    } else {
        text.to_owned()
    }
}

/// The findings of one level (`Off` never reaches a report; it would count as info).
fn findings_at(summary: &CheckSummary, level: Level) -> Vec<&Finding> {
    summary
        .findings
        .iter()
        .filter(|f| f.level == level || (level == Level::Info && f.level == Level::Off))
        .collect()
}

/// "2 errors", "1 warning", "3 info".
fn level_noun(level: Level, n: usize) -> String {
    match level {
        Level::Error => plural(n, "error"),
        Level::Warning => plural(n, "warning"),
        Level::Info | Level::Off => format!("{n} info"),
    }
}

/// One finding as rustc shows a diagnostic.
fn render_finding(finding: &Finding, color: bool) -> String {
    let level = match finding.level {
        Level::Error => annotate_snippets::Level::ERROR,
        Level::Warning => annotate_snippets::Level::WARNING,
        Level::Info | Level::Off => annotate_snippets::Level::INFO,
    };
    let clean = |text: &str| without_controls(text, true);
    let mut notes: Vec<(&str, String)> = Vec::new();
    if let Some(reference) = &finding.reference {
        notes.push(("english", clean(reference)));
    }
    if let Some(diff) = &finding.diff {
        notes.push(("english changed", render_diff(diff, color)));
    }
    if let Some(translation) = &finding.translation {
        notes.push(("translation", clean(translation)));
    }
    if let Some(help) = &finding.help {
        notes.push(("help", clean(help)));
    }
    let path = finding.path.display().to_string();
    let mut text = Annotated {
        level,
        rule: Some(finding.rule),
        title: &finding.message,
        path: &path,
        position: finding.position,
        line: finding.snippet.as_deref(),
        notes: &notes,
    }
    .render(color);
    text.push('\n');
    text
}

/// Old → new English without colour: `[-deleted-]`, `{+inserted+}`.
pub(super) fn plain_diff(diff: &[DiffPart]) -> String {
    render_diff(diff, false)
}

/// Old → new English in one text: deletions red (or `[-…-]`), insertions green (or `{+…+}`).
/// The parts are cleaned of control characters before the colours go in.
fn render_diff(diff: &[DiffPart], color: bool) -> String {
    let clean = |text: &str| without_controls(text, true);
    let mut out = String::new();
    for part in diff {
        match part {
            DiffPart::Equal(text) => out.push_str(&clean(text)),
            DiffPart::Delete(text) if color => out.push_str(&paint(true, DELETE, &clean(text))),
            DiffPart::Insert(text) if color => out.push_str(&paint(true, INSERT, &clean(text))),
            DiffPart::Delete(text) => {
                let _ = write!(out, "[-{}-]", clean(text));
            }
            DiffPart::Insert(text) => {
                let _ = write!(out, "{{+{}+}}", clean(text));
            }
        }
    }
    out
}

/// The summary block: a line per locale, the total, the findings per rule, what was hidden.
fn write_summary(out: &mut String, summary: &CheckSummary, hidden: &Hidden, opts: &ReportOptions) {
    let per_locale = locale_counts(summary);
    for (locale, counts) in &per_locale {
        let _ = writeln!(
            out,
            "{locale}: {}{}",
            level_list(counts.errors, counts.warnings, counts.infos),
            state_counts(counts)
        );
    }
    let total = total_counts(&per_locale);
    let _ = write!(
        out,
        "total: {}; {} checked; {} suppressed",
        level_list(total.errors, total.warnings, total.infos),
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
    if let Some(rules) = rule_counts(summary) {
        let _ = writeln!(out, "rules: {rules}");
    }
    if hidden.total() > 0 {
        let _ = writeln!(out, "not shown ({}): {hidden}", opts.filter);
    }
}

/// "stale 2 errors; glossary 5080 warnings": the shown findings per rule, the rules with
/// errors first, then by count.
fn rule_counts(summary: &CheckSummary) -> Option<String> {
    let mut per_rule: BTreeMap<&str, [usize; 3]> = BTreeMap::new();
    for finding in &summary.findings {
        let counts = per_rule.entry(finding.rule).or_default();
        match finding.level {
            Level::Error => counts[0] += 1,
            Level::Warning => counts[1] += 1,
            Level::Info | Level::Off => counts[2] += 1,
        }
    }
    if per_rule.is_empty() {
        return None;
    }
    let mut rules: Vec<(&str, [usize; 3])> = per_rule.into_iter().collect();
    // Errors first, then warnings, then by count, then by code (already sorted).
    rules.sort_by_key(|(_, [errors, warnings, infos])| {
        (
            std::cmp::Reverse(*errors),
            std::cmp::Reverse(*warnings),
            std::cmp::Reverse(*infos),
        )
    });
    let parts: Vec<String> = rules
        .into_iter()
        .map(|(rule, [errors, warnings, infos])| {
            format!("{rule} {}", level_list(errors, warnings, infos))
        })
        .collect();
    Some(parts.join("; "))
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
    use crate::report::{Filter, Format, render};

    fn human(summary: &CheckSummary, opts: &ReportOptions) -> String {
        render(Format::Human, summary, opts)
    }

    fn plain() -> ReportOptions {
        ReportOptions::default()
    }

    fn findings_only() -> ReportOptions {
        ReportOptions {
            summary: false,
            ..plain()
        }
    }

    /// The ` --> ` line and the caret line of a one-finding report.
    #[track_caller]
    fn check_snippet(line: &str, column: usize, expected_pad: usize) {
        let f = at(
            finding("syntax", Level::Error, "el", "a.ftl"),
            7,
            column,
            line,
        );
        let out = human(&summary(vec![f]), &findings_only());
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "a.ftl");
        assert_eq!(lines[1], "error[syntax]: syntax here");
        assert_eq!(lines[2], format!(" --> a.ftl:7:{column}"), "{out}");
        assert!(lines[4].starts_with("7 | "), "{out}");
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
        // "ό" written as ο + U+0301: two characters, one cell; the tab takes four.
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
    fn summary_first_then_errors_then_warnings_then_info_then_the_total() {
        // Sorted by file as the engine delivers them: the warning's file comes first.
        let warning = at(
            finding("glossary", Level::Warning, "el", "locales/el/a.ftl"),
            1,
            1,
            "x",
        );
        let info = finding("length", Level::Info, "el", "locales/el/a.ftl");
        let out = human(&summary(vec![warning, info, stale_el()]), &plain());
        let expected = "\
el: 1 error, 1 warning, 1 info
total: 1 error, 1 warning, 1 info; 2 files checked; 0 suppressed
rules: stale 1 error; glossary 1 warning; length 1 info

== 1 error ==

locales/el/course.ftl
error[stale]: the English of `dose` changed since it was translated (machine)
 --> locales/el/course.ftl:3:1
  |
3 | dose = Δώστε 5 mg τώρα
  | ^
  |
  = english: locales/en/course.ftl:3:1
  = english changed: Give [-5-]{+50+} mg now
  = translation: Δώστε 5 mg τώρα
  = help: update the translation, then `kurso accept el --id dose`

== 1 warning ==

locales/el/a.ftl
warning[glossary]: glossary here
 --> locales/el/a.ftl:1:1
  |
1 | x
  | ^

== 1 info ==

locales/el/a.ftl
info[length]: length here
 --> locales/el/a.ftl

total: 1 error, 1 warning, 1 info (errors are listed first)
";
        assert_eq!(out, expected);
    }

    #[test]
    fn one_level_needs_no_headings() {
        let out = human(&summary(vec![stale_el()]), &findings_only());
        assert!(
            out.starts_with("locales/el/course.ftl\nerror[stale]"),
            "{out}"
        );
        assert!(!out.contains("=="), "{out}");
        assert!(out.ends_with("\n\ntotal: 1 error\n"), "{out}");
    }

    #[test]
    fn filters_show_fewer_findings_and_say_what_they_hid() {
        let warning = finding("glossary", Level::Warning, "el", "locales/el/a.ftl");
        let opts = ReportOptions {
            filter: Filter {
                rules: Vec::new(),
                level: Some(Level::Error),
                quiet: false,
            },
            ..plain()
        };
        let out = human(&summary(vec![warning, stale_el()]), &opts);
        assert!(!out.contains("glossary"), "{out}");
        assert!(out.starts_with("el: 1 error\n"), "{out}");
        assert!(
            out.contains("\nnot shown (--level error): 1 warning\n"),
            "{out}"
        );
        assert!(
            out.ends_with("\ntotal: 1 error; not shown (--level error): 1 warning\n"),
            "{out}"
        );
    }

    #[test]
    fn no_escape_sequences_without_color_and_some_with_it() {
        let s = summary(vec![stale_el()]);
        assert!(!human(&s, &plain()).contains('\x1b'));
        let colored = ReportOptions {
            color: true,
            ..plain()
        };
        let out = human(&s, &colored);
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
        f.translation = Some("one\ntwo\x1b[2J".to_owned());
        f.message = "bad \x1b[1m".to_owned();
        let out = human(&summary(vec![f]), &plain());
        assert!(!out.contains('\x1b'), "{out:?}");
        assert!(
            out.contains("  = translation: one\n                 two\u{fffd}[2J\n"),
            "{out}"
        );
        assert!(out.contains("info[stale]: bad \u{fffd}[1m"), "{out}");
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
            human(&s, &plain()),
            "it: no findings (1 missing file, 2 missing, 1 stale)\n\
             total: no findings; 2 files checked; 3 suppressed; 1 input problem\n"
        );
    }
}
