//! `kurso check`: runs every rule over a kurso project or any Fluent project and renders
//! the findings in the chosen format.

use std::io::IsTerminal as _;
use std::sync::Arc;

use kurso::check::finding::Level;
use kurso::check::policy::Policy;
use kurso::check::{CheckOptions, Layout, check_layout};
use kurso::diagnostic::Diagnostic;
use kurso::glossary::{self, Glossary};
use kurso::report::{Format, ReportOptions, render};

use crate::ExitStatus;
use crate::args::{CheckArgs, ColorArg, FormatArg, GlobalArgs, LevelArg};
use crate::commands::{load_project, parse_targets};
use crate::output::Output;

pub fn run(global: &GlobalArgs, args: &CheckArgs, out: &mut Output) -> ExitStatus {
    let mut glossary_dir = None;
    let mut modules = None;
    let (layout, policy) = if let (Some(reference), Some(l10n)) = (&args.reference, &args.l10n) {
        if !args.courses.is_empty() {
            out.error(&Diagnostic::file_error(
                std::path::Path::new("--course"),
                "--course needs a kurso project; it does not combine with --reference",
            ));
            return ExitStatus::Failed;
        }
        match Layout::generic(reference, l10n, &args.locales) {
            Ok(layout) => (layout, Policy::default()),
            Err(diagnostic) => {
                out.error(&diagnostic);
                return ExitStatus::Failed;
            }
        }
    } else {
        let Some(project) = load_project(global, out) else {
            return ExitStatus::Failed;
        };
        let Some(locales) = parse_targets(&project, &args.locales, out) else {
            return ExitStatus::Failed;
        };
        let layout = Layout::for_project(&project, &locales, &args.courses);
        // The project's glossaries folder is optional; an explicit --glossary is not.
        glossary_dir =
            Some(project.root.join(&project.config.paths.glossaries)).filter(|dir| dir.is_dir());
        // The source modules, for the `structure` rule.
        modules = kurso::build::course_modules(&project, &args.courses);
        (layout, project.config.check.clone())
    };
    let fail_on = args
        .fail_on
        .map(|level| match level {
            LevelArg::Error => Level::Error,
            LevelArg::Warning => Level::Warning,
            LevelArg::Info => Level::Info,
        })
        .or(policy.fail_on)
        .unwrap_or(Level::Error);
    let (glossary, glossary_problems) = match args.glossary.as_deref().or(glossary_dir.as_deref()) {
        Some(path) if path.is_dir() => glossary::load_dir(path, path),
        Some(path) => glossary::load_file(path, path),
        None => (Glossary::default(), Vec::new()),
    };
    let opts = CheckOptions {
        policy,
        glossary: (!glossary.concepts.is_empty()).then(|| Arc::new(glossary)),
        modules,
    };
    let mut summary = check_layout(&layout, &opts);
    summary.diagnostics.extend(glossary_problems);
    let format = match args.format {
        FormatArg::Human => Format::Human,
        FormatArg::Json => Format::Json,
        FormatArg::Github => Format::Github,
        FormatArg::Sarif => Format::Sarif,
        FormatArg::Junit => Format::Junit,
    };
    let opts = ReportOptions {
        color: format == Format::Human && use_color(args.color),
        tool_version: env!("CARGO_PKG_VERSION").to_owned(),
    };
    out.raw(&render(format, &summary, &opts));
    // The run's problems (unreadable files, bad state) go to stderr in every format.
    out.diagnostics(&summary.diagnostics);
    if summary.diagnostics.iter().any(Diagnostic::is_error) {
        ExitStatus::Failed
    } else if summary.worst().is_some_and(|worst| worst >= fail_on) {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    }
}

/// Colour when asked, or on a terminal unless `NO_COLOR` is set.
pub fn use_color(arg: ColorArg) -> bool {
    match arg {
        ColorArg::Always => true,
        ColorArg::Never => false,
        ColorArg::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}
