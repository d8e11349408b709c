//! `kurso status`: courses × locales, how far each translation is: what a reader of the
//! locale gets (drafted, machine drafts included) beside what a person made or checked
//! (reviewed), both counted along the fallback chain (`kurso::status`). `--format html`
//! renders the status page (`kurso::status::html`) from `kurso::status::report`, which also
//! runs the check rules and measures glossary coverage; `--output` writes any format to a
//! file instead of stdout.

use std::fmt::Write as _;
use std::path::Path;

use kurso::diagnostic::Diagnostic;
use kurso::status::html::{HtmlOptions, render_status_html};
use kurso::status::report::status_report;
use kurso::status::{StatusRow, status};

use crate::ExitStatus;
use crate::args::{GlobalArgs, StatusArgs, StatusReportFormat};
use crate::commands::{load_project, parse_targets, warn_source_drift};
use crate::output::Output;

pub fn run(global: &GlobalArgs, args: &StatusArgs, out: &mut Output) -> ExitStatus {
    let Some(project) = load_project(global, out) else {
        return ExitStatus::Failed;
    };
    let Some(locales) = parse_targets(&project, &args.locales, out) else {
        return ExitStatus::Failed;
    };
    if !warn_source_drift(&project, &args.courses, out) {
        return ExitStatus::Failed;
    }
    let layout = kurso::check::Layout::for_project(&project, &locales, &args.courses);
    let (text, diagnostics) = match args.format {
        StatusReportFormat::Html => {
            let report = status_report(&project, &layout, &args.courses);
            let options = HtmlOptions {
                title: None,
                generated_on: std::env::var_os("SOURCE_DATE_EPOCH")
                    .is_some()
                    .then(kurso::state::today),
            };
            (render_status_html(&report, &options), report.diagnostics)
        }
        StatusReportFormat::Json => {
            let summary = status(&layout);
            (
                format!("{}\n", render_json(&summary.rows)),
                summary.diagnostics,
            )
        }
        StatusReportFormat::Table => {
            let summary = status(&layout);
            let mut text = render_table(&summary.rows);
            if !global.quiet {
                let _ = writeln!(text, "{LEGEND}");
            }
            (text, summary.diagnostics)
        }
    };
    out.diagnostics(&diagnostics);
    let written = if let Some(path) = &args.output {
        write_report(path, &text, out)
    } else {
        out.raw(&text);
        true
    };
    if !written || diagnostics.iter().any(Diagnostic::is_error) {
        ExitStatus::Failed
    } else {
        ExitStatus::Clean
    }
}

/// Writes the report to `path` (relative to the current folder), atomically; `false` after
/// reporting why not.
fn write_report(path: &Path, text: &str, out: &mut Output) -> bool {
    match kurso::fsx::write_atomic(path, text.as_bytes()) {
        Ok(()) => {
            out.line(&format!("wrote {}", path.display()));
            true
        }
        Err(err) => {
            let reason = std::error::Error::source(&err)
                .map_or_else(|| err.to_string(), ToString::to_string);
            out.error(
                &Diagnostic::file_error(path, format!("cannot write the report: {reason}"))
                    .with_help("choose a file in a folder you can write to"),
            );
            false
        }
    }
}

const LEGEND: &str = "
reviewed    a person made or checked the text for today's English (edited, reviewed, approved)
drafted     the locale has text, machine drafts included
            (both count what a locale inherits along its fallback chain: el-CY counts el's)
machine     drafts no person has accepted yet
stale       made from older English; suggested: with a machine suggestion beside it (`kurso diff`)
unverified  text with no state record (`kurso accept`)
missing     no text along the chain: readers get the English";

fn render_table(rows: &[StatusRow]) -> String {
    let width = rows
        .iter()
        .map(|row| row.course.len())
        .chain([6])
        .max()
        .unwrap_or(6);
    let mut text = format!(
        "{:<width$}  {:<6} {:>8} {:>9} {:>8} {:>8} {:>6} {:>9} {:>11} {:>8}\n",
        "course",
        "locale",
        "messages",
        "reviewed",
        "drafted",
        "machine",
        "stale",
        "suggested",
        "unverified",
        "missing",
    );
    for row in rows {
        let _ = writeln!(
            text,
            "{:<width$}  {:<6} {:>8} {:>8.1}% {:>7.1}% {:>8} {:>6} {:>9} {:>11} {:>8}",
            row.course,
            row.locale,
            row.messages,
            row.reviewed_percent(),
            row.drafted_percent(),
            row.machine,
            row.stale,
            row.suggestions,
            row.unverified,
            row.missing,
        );
    }
    text
}

fn render_json(rows: &[StatusRow]) -> String {
    let json: Vec<serde_json::Value> = rows
        .iter()
        .map(|row| {
            serde_json::json!({
                "course": row.course,
                "locale": row.locale,
                "messages": row.messages,
                "reviewed": row.reviewed,
                "reviewed_percent": row.reviewed_percent(),
                "approved": row.approved,
                "drafted": row.drafted,
                "drafted_percent": row.drafted_percent(),
                "machine": row.machine,
                "stale": row.stale,
                "suggestions": row.suggestions,
                "unverified": row.unverified,
                "missing": row.missing,
                "inherited": row.inherited,
                "statuses": row.statuses,
                "obsolete": row.obsolete,
            })
        })
        .collect();
    serde_json::to_string_pretty(&json).expect("status serializes to JSON")
}
