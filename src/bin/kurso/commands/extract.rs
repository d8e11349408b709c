//! `kurso extract`: runs the extract stage and reports what changed per file.

use kurso::extract::{ExtractOptions, FileReport, extract};
use kurso::report::plural;

use crate::ExitStatus;
use crate::args::{ExtractArgs, GlobalArgs};
use crate::commands::load_project;
use crate::output::Output;

pub fn run(global: &GlobalArgs, args: &ExtractArgs, out: &mut Output) -> ExitStatus {
    let Some(project) = load_project(global, out) else {
        return ExitStatus::Failed;
    };
    let opts = ExtractOptions {
        courses: args.courses.clone(),
        check_only: args.check,
        keep_translations: args.keep_translations,
    };
    let summary = match extract(&project, &opts) {
        Ok(summary) => summary,
        Err(diagnostic) => {
            out.error(&diagnostic);
            return ExitStatus::Failed;
        }
    };
    out.diagnostics(&summary.diagnostics);
    let verb = if args.check { "out of date" } else { "wrote" };
    for file in summary.out_of_date() {
        out.line(&format!(
            "{verb} {} ({})",
            file.messages_path.display(),
            counts(file)
        ));
        if file.carried > 0 {
            out.line(&format!(
                "    carried {} translation(s) forward over the English edits (--keep-translations)",
                file.carried
            ));
        }
        if args.verbose {
            for (label, ids) in [
                ("added", &file.added),
                ("changed", &file.changed),
                ("moved", &file.moved),
                ("removed", &file.removed),
            ] {
                if !ids.is_empty() {
                    out.line(&format!("    {label:<8}{}", ids.join(" ")));
                }
            }
        }
    }
    for orphan in &summary.orphans {
        out.line(&format!(
            "orphaned {} (its source is gone; delete it with its translations)",
            orphan.display()
        ));
    }
    let n_out_of_date = summary.out_of_date().count();
    let n_files = summary.files.len();
    let n_orphans = summary.orphans.len();
    let tail = if args.check {
        format!("{n_out_of_date} out of date, {n_orphans} orphaned")
    } else {
        format!(
            "{n_out_of_date} written, {} up to date",
            n_files - n_out_of_date
        )
    };
    out.line(&format!(
        "{}, {}: {tail}",
        plural(n_files, "file"),
        plural(summary.n_messages(), "message")
    ));
    if summary.has_errors() {
        ExitStatus::Failed
    } else if args.check && (n_out_of_date > 0 || n_orphans > 0) {
        if n_out_of_date > 0 {
            out.line("run `kurso extract` and commit the result");
        }
        if n_orphans > 0 {
            out.line("delete the orphaned files and their translations, or restore their modules");
        }
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    }
}

fn counts(file: &FileReport) -> String {
    format!(
        "{}: {} added, {} changed, {} moved, {} removed",
        plural(file.n_messages, "message"),
        file.added.len(),
        file.changed.len(),
        file.moved.len(),
        file.removed.len()
    )
}
