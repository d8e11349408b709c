//! The GitHub format: one workflow command per finding, which GitHub Actions turns into an
//! annotation on the pull request's diff.
//!
//! ```text
//! ::error file=locales/el/course.ftl,line=3,col=1,title=kurso stale::the English of `dose` changed…%0Ahelp: update…
//! ```
//!
//! Errors become `::error`, warnings `::warning`, info `::notice`; the title names the rule,
//! the message is the finding's message, then its help on a second line. Diagnostics
//! (problems with the input) follow with the title `kurso`. A finding without a position has
//! no `line`/`col`. When a filter hid findings, a last `::notice title=kurso::` says how many
//! and which filter. Escaping follows `@actions/core`: in the message `%`, CR and LF become
//! `%25`, `%0D`, `%0A`; in properties also `:` and `,` become `%3A` and `%2C`.

use std::fmt::Write as _;
use std::path::Path;

use super::{Hidden, ReportOptions, slash_path};
use crate::check::CheckSummary;
use crate::check::finding::Level;
use crate::diagnostic::Severity;
use crate::span::Position;

/// Renders `summary` as GitHub Actions workflow commands, one per line; `hidden` is what the
/// filter left out.
pub fn render_github(summary: &CheckSummary, hidden: &Hidden, opts: &ReportOptions) -> String {
    let mut out = String::new();
    for finding in &summary.findings {
        let command = match finding.level {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Info | Level::Off => "notice",
        };
        let mut message = finding.message.clone();
        if let Some(help) = &finding.help {
            let _ = write!(message, "\nhelp: {help}");
        }
        let title = format!("kurso {}", finding.rule);
        write_command(
            &mut out,
            command,
            &finding.path,
            finding.position,
            &title,
            &message,
        );
    }
    for diagnostic in &summary.diagnostics {
        let command = match diagnostic.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let mut message = diagnostic.message.clone();
        if let Some(help) = &diagnostic.help {
            let _ = write!(message, "\nhelp: {help}");
        }
        write_command(
            &mut out,
            command,
            &diagnostic.path,
            diagnostic.position,
            "kurso",
            &message,
        );
    }
    if hidden.total() > 0 {
        let _ = writeln!(
            out,
            "::notice title=kurso::{}",
            escape_data(&format!("not shown ({}): {hidden}", opts.filter))
        );
    }
    out
}

fn write_command(
    out: &mut String,
    command: &str,
    path: &Path,
    position: Option<Position>,
    title: &str,
    message: &str,
) {
    let _ = write!(
        out,
        "::{command} file={}",
        escape_property(&slash_path(path))
    );
    if let Some(Position { line, column }) = position {
        let _ = write!(out, ",line={line},col={column}");
    }
    let _ = writeln!(
        out,
        ",title={}::{}",
        escape_property(title),
        escape_data(message)
    );
}

/// Escapes the message of a workflow command.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value (`file=`, `title=`) of a workflow command.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostic::Diagnostic;
    use crate::report::tests::{at, finding, stale_el, summary};

    #[track_caller]
    fn check(summary: &CheckSummary, expected: &[&str]) {
        let out = render_github(summary, &Hidden::default(), &ReportOptions::default());
        assert_eq!(out.lines().collect::<Vec<_>>(), expected);
        assert!(out.is_empty() || out.ends_with('\n'));
    }

    #[test]
    fn one_command_per_finding_with_level_place_and_rule() {
        let mut warning = at(
            finding("unverified", Level::Warning, "el", "b.ftl"),
            12,
            5,
            "x",
        );
        warning.message = "no record".to_owned();
        let mut info = finding("obsolete-file", Level::Info, "el", "c.ftl");
        info.message = "not in the English".to_owned();
        check(
            &summary(vec![stale_el(), warning, info]),
            &[
                "::error file=locales/el/course.ftl,line=3,col=1,title=kurso stale::the English of `dose` changed since it was translated (machine)%0Ahelp: update the translation, then `kurso accept el --id dose`",
                "::warning file=b.ftl,line=12,col=5,title=kurso unverified::no record",
                "::notice file=c.ftl,title=kurso obsolete-file::not in the English",
            ],
        );
    }

    #[test]
    fn escapes_percent_newlines_colons_and_commas() {
        let mut f = at(
            finding("syntax", Level::Error, "el", "a:b,c%.ftl"),
            1,
            2,
            "x",
        );
        f.message = "50% of\r\nthe dose: a, b".to_owned();
        check(
            &summary(vec![f]),
            &[
                "::error file=a%3Ab%2Cc%25.ftl,line=1,col=2,title=kurso syntax::50%25 of%0D%0Athe dose: a, b",
            ],
        );
    }

    #[test]
    fn diagnostics_follow_findings() {
        let mut s = summary(Vec::new());
        s.diagnostics.push(
            Diagnostic::error_at(Path::new("course.yaml"), "a: [", 3, "bad YAML")
                .with_help("fix it"),
        );
        check(
            &s,
            &["::error file=course.yaml,line=1,col=4,title=kurso::bad YAML%0Ahelp: fix it"],
        );
    }

    #[test]
    fn no_findings_no_output() {
        check(&summary(Vec::new()), &[]);
    }

    #[test]
    fn a_filter_that_hid_findings_leaves_a_notice() {
        let opts = ReportOptions {
            filter: crate::report::Filter {
                rules: vec!["stale".to_owned()],
                level: None,
                quiet: false,
            },
            ..ReportOptions::default()
        };
        let s = summary(vec![
            stale_el(),
            finding("glossary", Level::Warning, "el", "b.ftl"),
        ]);
        let out = crate::report::render(crate::report::Format::Github, &s, &opts);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 2, "{out}");
        assert!(lines[0].starts_with("::error file=locales/el/course.ftl"));
        assert_eq!(
            lines[1],
            "::notice title=kurso::not shown (--rule stale): 1 warning"
        );
    }
}
