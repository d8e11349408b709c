//! `kurso diff LOCALE`: each stale message as old → new English beside the translation.

use kurso::check::{CheckOptions, CheckSummary, Layout, check_layout};
use kurso::diagnostic::Diagnostic;
use kurso::report::{Format, ReportOptions, render};

use crate::ExitStatus;
use crate::args::{DiffArgs, GlobalArgs};
use crate::commands::{load_project, parse_targets};
use crate::output::Output;

pub fn run(global: &GlobalArgs, args: &DiffArgs, out: &mut Output) -> ExitStatus {
    let Some(project) = load_project(global, out) else {
        return ExitStatus::Failed;
    };
    let Some(locales) = parse_targets(&project, std::slice::from_ref(&args.locale), out) else {
        return ExitStatus::Failed;
    };
    let layout = Layout::for_project(&project, &locales, &args.courses);
    let full = check_layout(&layout, &CheckOptions::default());
    let stale = CheckSummary {
        findings: full
            .findings
            .into_iter()
            .filter(|finding| finding.rule == "stale")
            .collect(),
        stats: full.stats,
        diagnostics: full.diagnostics,
        locales: full.locales,
        files_checked: full.files_checked,
        suppressed: 0,
    };
    out.diagnostics(&stale.diagnostics);
    if stale.findings.is_empty() {
        out.line(&format!("{}: nothing is stale", args.locale));
    } else {
        let opts = ReportOptions {
            color: out.color(),
            summary: false,
            ..ReportOptions::default()
        };
        out.raw(&render(Format::Human, &stale, &opts));
    }
    if stale.diagnostics.iter().any(Diagnostic::is_error) {
        ExitStatus::Failed
    } else if stale.findings.is_empty() {
        ExitStatus::Clean
    } else {
        ExitStatus::Findings
    }
}
