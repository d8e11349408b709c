//! `kurso status`: courses × locales, how far each translation is.

use std::collections::BTreeMap;

use kurso::check::{CheckOptions, FileStats, Layout, check_layout};

use crate::ExitStatus;
use crate::args::{GlobalArgs, StatusArgs, StatusFormat};
use crate::commands::{load_project, parse_locales, warn_source_drift};
use crate::output::Output;

pub fn run(global: &GlobalArgs, args: &StatusArgs, out: &mut Output) -> ExitStatus {
    let Some(project) = load_project(global, out) else {
        return ExitStatus::Failed;
    };
    let Some(locales) = parse_locales(&args.locales, out) else {
        return ExitStatus::Failed;
    };
    if !warn_source_drift(&project, &args.courses, out) {
        return ExitStatus::Failed;
    }
    let layout = Layout::for_project(&project, &locales, &args.courses);
    let summary = check_layout(&layout, &CheckOptions::default());
    out.diagnostics(&summary.diagnostics);
    // (course, locale) → totals; the course is the first folder of the file's path.
    let mut rows: BTreeMap<(String, String), FileStats> = BTreeMap::new();
    for stats in &summary.stats {
        let course = stats
            .rel_path
            .split_once('/')
            .map_or("", |(course, _)| course)
            .to_owned();
        let row = rows
            .entry((course.clone(), stats.locale.clone()))
            .or_insert_with(|| FileStats {
                locale: stats.locale.clone(),
                rel_path: course,
                ..FileStats::default()
            });
        row.messages += stats.messages;
        row.translated += stats.translated;
        row.missing += stats.missing;
        row.obsolete += stats.obsolete;
        row.stale += stats.stale;
        row.unverified += stats.unverified;
        row.machine += stats.machine;
        row.reviewed += stats.reviewed;
        row.suggestions += stats.suggestions;
    }
    // Keep the locale order of kurso.toml within each course.
    let order: Vec<&String> = summary.locales.iter().collect();
    let mut sorted: Vec<&FileStats> = rows.values().collect();
    sorted.sort_by_key(|row| {
        (
            row.rel_path.clone(),
            order.iter().position(|l| **l == row.locale),
        )
    });
    match args.format {
        StatusFormat::Json => {
            let json: Vec<serde_json::Value> = sorted
                .iter()
                .map(|row| {
                    serde_json::json!({
                        "course": row.rel_path,
                        "locale": row.locale,
                        "messages": row.messages,
                        "translated": row.translated,
                        "translated_percent": percent(row.translated, row.messages),
                        "stale": row.stale,
                        "missing": row.missing,
                        "machine": row.machine,
                        "reviewed": row.reviewed,
                        "suggestions": row.suggestions,
                        "unverified": row.unverified,
                        "obsolete": row.obsolete,
                    })
                })
                .collect();
            out.result(&serde_json::to_string_pretty(&json).expect("status serializes to JSON"));
        }
        StatusFormat::Table => {
            out.result(&format!(
                "{:<28} {:<6} {:>8} {:>11} {:>6} {:>9} {:>8} {:>8} {:>9} {:>11}",
                "course",
                "locale",
                "messages",
                "translated",
                "stale",
                "suggested",
                "missing",
                "machine",
                "reviewed",
                "unverified"
            ));
            for row in sorted {
                out.result(&format!(
                    "{:<28} {:<6} {:>8} {:>10.1}% {:>6} {:>9} {:>8} {:>8} {:>9} {:>11}",
                    row.rel_path,
                    row.locale,
                    row.messages,
                    percent(row.translated, row.messages),
                    row.stale,
                    row.suggestions,
                    row.missing,
                    row.machine,
                    row.reviewed,
                    row.unverified
                ));
            }
            out.line(
                "\ntranslated: the locale or a locale it falls back to has the message \
                 (el-CY counts el's); suggested: stale with a machine suggestion beside it \
                 (`kurso diff`); machine: drafts nobody has edited; reviewed: reviewed or \
                 approved; unverified: translated with no state record (`kurso accept`)",
            );
        }
    }
    if summary
        .diagnostics
        .iter()
        .any(kurso::diagnostic::Diagnostic::is_error)
    {
        ExitStatus::Failed
    } else {
        ExitStatus::Clean
    }
}

#[allow(
    clippy::cast_precision_loss,
    reason = "message counts are far below 2^52"
)]
fn percent(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        100.0
    } else {
        (part as f64 * 1000.0 / whole as f64).round() / 10.0
    }
}
