//! `kurso export` and `kurso import`: review packets out to translators and back.

use kurso::diagnostic::Diagnostic;
use kurso::exchange::export::{ExportOptions, Format, export as export_packets};
use kurso::exchange::import::import as import_packets;
use kurso::report::plural;

use crate::ExitStatus;
use crate::args::GlobalArgs;
use crate::commands::{load_glossary, load_project, parse_targets, warn_source_drift};
use crate::exchange_args::{ExchangeFormat, ExportArgs, ImportArgs};
use crate::output::Output;

pub fn export(global: &GlobalArgs, args: &ExportArgs, out: &mut Output) -> ExitStatus {
    let Some(project) = load_project(global, out) else {
        return ExitStatus::Failed;
    };
    let Some(locales) = parse_targets(&project, &args.locales, out) else {
        return ExitStatus::Failed;
    };
    if !warn_source_drift(&project, &args.courses, out) {
        return ExitStatus::Failed;
    }
    let glossary = load_glossary(&project, out);
    let cwd = std::env::current_dir().unwrap_or_default();
    let opts = ExportOptions {
        locales,
        courses: args.courses.clone(),
        format: match args.format {
            ExchangeFormat::Xliff2 => Format::Xliff2,
            ExchangeFormat::Xliff12 => Format::Xliff12,
            ExchangeFormat::Po => Format::Po,
            ExchangeFormat::Tmx => Format::Tmx,
        },
        all: args.all,
        output: args.output.as_ref().map_or_else(
            || project.root.join(kurso::exchange::export::EXCHANGE_DIR),
            |dir| cwd.join(dir),
        ),
        force: args.force,
    };
    let summary = match export_packets(&project, &glossary, &opts) {
        Ok(summary) => summary,
        Err(diagnostic) => {
            out.error(&diagnostic);
            return ExitStatus::Failed;
        }
    };
    out.diagnostics(&summary.diagnostics);
    for file in &summary.files {
        let what = if opts.format == Format::Tmx {
            plural(file.units, "reviewed translation")
        } else {
            format!(
                "{}, {} to translate or confirm",
                plural(file.units, "unit"),
                file.to_do
            )
        };
        out.line(&format!(
            "{}: {} ({}): {what}{}",
            file.locale,
            file.path.display(),
            opts.format.name(),
            if file.unchanged { " (unchanged)" } else { "" }
        ));
    }
    for (locale, course) in &summary.nothing {
        let scope = if course.is_empty() {
            locale.clone()
        } else {
            format!("{locale}/{course}")
        };
        let reason = if opts.format == Format::Tmx {
            "no reviewed or approved translation"
        } else if opts.all {
            "no message"
        } else {
            "nothing needs a person (--all exports everything)"
        };
        out.line(&format!("{scope}: {reason}"));
    }
    if summary.diagnostics.iter().any(Diagnostic::is_error) {
        ExitStatus::Failed
    } else {
        ExitStatus::Clean
    }
}

pub fn import(global: &GlobalArgs, args: &ImportArgs, out: &mut Output) -> ExitStatus {
    let Some(project) = load_project(global, out) else {
        return ExitStatus::Failed;
    };
    let glossary = load_glossary(&project, out);
    let cwd = std::env::current_dir().unwrap_or_default();
    let summary = import_packets(&project, &glossary, &args.files, &cwd);
    let (mut failed, mut problems) = (false, false);
    for file in &summary.files {
        out.diagnostics(&file.diagnostics);
        out.diagnostics(&file.applied.diagnostics);
        failed |= file.failed();
        let applied = &file.applied;
        problems |= !applied.refused.is_empty() || !applied.stale.is_empty();
        let Some(format) = file.format else {
            continue;
        };
        let from = file
            .tool
            .as_deref()
            .filter(|tool| *tool != "kurso")
            .map(|tool| format!(" from {tool}"))
            .unwrap_or_default();
        out.line(&format!(
            "{} ({}{from}, {}): {} applied, {} unchanged, {} refused, {} stale{}",
            file.path.display(),
            format.name(),
            file.locale.as_deref().unwrap_or("?"),
            applied.applied.len(),
            applied.unchanged,
            applied.refused.len(),
            applied.stale.len(),
            if applied.empty > 0 {
                format!(", {} without a translation", applied.empty)
            } else {
                String::new()
            }
        ));
        if args.verbose {
            for (path, id) in &applied.applied {
                out.line(&format!("  applied {id} ({})", path.display()));
            }
        }
        for (path, id, reason) in &applied.refused {
            out.result(&format!("  refused {id} ({}): {reason}", path.display()));
        }
        for (path, id, diff) in &applied.stale {
            out.result(&format!(
                "  stale {id} ({}): the English changed since the packet was made: {diff}; export again",
                path.display()
            ));
        }
        for (path, id, warning) in &applied.warnings {
            out.line(&format!("  warning {id} ({}): {warning}", path.display()));
        }
    }
    if failed {
        ExitStatus::Failed
    } else if problems {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    }
}
