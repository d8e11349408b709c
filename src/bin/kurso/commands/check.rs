//! `kurso check`: runs every rule over a kurso project or any Fluent project and renders
//! the findings in the chosen format.
//!
//! The exit status is computed from every finding of the locales and courses checked, before
//! `--rule`, `--level` and `--quiet` choose what is shown; when a hidden finding fails the run,
//! a note on stderr says so, so a filter never makes a failing run look clean.

use std::sync::Arc;

use kurso::check::finding::Level;
use kurso::check::policy::Policy;
use kurso::check::{CheckOptions, CheckSummary, Layout, check_layout_from};
use kurso::diagnostic::Diagnostic;
use kurso::glossary::{self, Glossary};
use kurso::report::{Filter, Format, ReportOptions, render_pieces};

use crate::ExitStatus;
use crate::args::{CheckArgs, FormatArg, GlobalArgs, LevelArg};
use crate::commands::{load_project, parse_targets, warn_source_drift};
use crate::output::Output;

/// What to check: the layout, the policy, the project's glossaries folder and its source
/// modules (none of the last two for `--reference`/`--l10n`).
type Checked = (
    Layout,
    Policy,
    Option<std::path::PathBuf>,
    Option<Arc<kurso::build::SourceModules>>,
);

pub fn run(global: &GlobalArgs, args: &CheckArgs, out: &mut Output) -> ExitStatus {
    let locales: Vec<String> = args
        .locales
        .iter()
        .chain(&args.locale_flags)
        .cloned()
        .collect();
    let Some((layout, policy, glossary_dir, modules)) = layout(global, args, &locales, out) else {
        return ExitStatus::Failed;
    };
    let fail_on = args
        .fail_on
        .map(LevelArg::level)
        .or(policy.fail_on)
        .unwrap_or(Level::Error);
    // The glossary is read while the English files are (with no locale to check, the check
    // reads everything itself).
    let ((glossary, glossary_problems), reference) = rayon::join(
        || match args.glossary.as_deref().or(glossary_dir.as_deref()) {
            Some(path) if path.is_dir() => glossary::load_dir(path, path),
            Some(path) => glossary::load_file(path, path),
            None => (Glossary::default(), Vec::new()),
        },
        || (!layout.locales.is_empty()).then(|| layout.load_reference()),
    );
    let opts = CheckOptions {
        policy,
        glossary: (!glossary.concepts.is_empty()).then(|| Arc::new(glossary)),
        modules,
        leave_to_exit: true,
    };
    let mut summary = check_layout_from(&layout, &opts, reference);
    summary.diagnostics.extend(glossary_problems);
    let status = exit_status(&summary, fail_on);

    let mut filter = Filter {
        rules: args.rules.clone(),
        level: args.level.map(LevelArg::level),
        quiet: false,
    };
    if global.quiet {
        filter = filter.failing_only(fail_on);
    }
    let format = match args.format {
        FormatArg::Human => Format::Human,
        FormatArg::Json => Format::Json,
        FormatArg::Github => Format::Github,
        FormatArg::Sarif => Format::Sarif,
        FormatArg::Junit => Format::Junit,
    };
    let report = ReportOptions {
        color: format == Format::Human && out.color(),
        tool_version: env!("CARGO_PKG_VERSION").to_owned(),
        filter,
        summary: !global.quiet,
    };
    let text = render_pieces(format, &summary, &report);
    out.raw_pieces(&text);
    // The run's problems (unreadable files, bad state) go to stderr in every format.
    out.diagnostics(&summary.diagnostics);
    note_hidden_failures(&summary, &report.filter, fail_on, out);
    // The process exits next: the findings, the glossary and the report go back to the
    // system at once, not one allocation at a time (as `leave_to_exit` does for the rest).
    std::mem::forget((summary, opts, layout, text));
    status
}

/// What to check, the policy and the project's glossaries folder; `None` after reporting why
/// the run cannot start.
fn layout(
    global: &GlobalArgs,
    args: &CheckArgs,
    locales: &[String],
    out: &mut Output,
) -> Option<Checked> {
    if let (Some(reference), Some(l10n)) = (&args.reference, &args.l10n) {
        if !args.courses.is_empty() {
            out.error(&Diagnostic::file_error(
                std::path::Path::new("--course"),
                "--course needs a kurso project; it does not combine with --reference",
            ));
            return None;
        }
        return match Layout::generic(reference, l10n, locales) {
            Ok(layout) => Some((layout, Policy::default(), None, None)),
            Err(diagnostic) => {
                out.error(&diagnostic);
                None
            }
        };
    }
    let project = load_project(global, out)?;
    let locales = parse_targets(&project, locales, out)?;
    if !warn_source_drift(&project, &args.courses, out) {
        return None;
    }
    let layout = Layout::for_project(&project, &locales, &args.courses);
    // The project's glossaries folder is optional; an explicit --glossary is not.
    let glossary_dir =
        Some(project.root.join(&project.config.paths.glossaries)).filter(|dir| dir.is_dir());
    // The source modules, for the `structure` rule.
    let modules = kurso::build::course_modules(&project, &args.courses);
    Some((layout, project.config.check.clone(), glossary_dir, modules))
}

/// 2 when the run had input errors, 1 when a finding is at or above `fail_on`, else 0: over
/// every finding, whatever is shown.
fn exit_status(summary: &CheckSummary, fail_on: Level) -> ExitStatus {
    if summary.diagnostics.iter().any(Diagnostic::is_error) {
        ExitStatus::Failed
    } else if summary.worst().is_some_and(|worst| worst >= fail_on) {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    }
}

/// Says on stderr when findings the filter hid are what fails the run.
fn note_hidden_failures(summary: &CheckSummary, filter: &Filter, fail_on: Level, out: &mut Output) {
    let hidden = filter.hidden(summary);
    let failing = hidden.at_or_above(fail_on);
    if failing.total() > 0 {
        out.note(&format!(
            "{failing} that fail this run (--fail-on {fail_on}) are not shown ({filter}); \
             drop the filter to see them"
        ));
    }
}
