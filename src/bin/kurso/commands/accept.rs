//! `kurso accept LOCALE`: records translations as current with today's English.

use std::path::Path;

use kurso::accept::{AcceptOptions, accept};
use kurso::diagnostic::Diagnostic;
use kurso::locale::parse_locale_code;
use kurso::state::Status;

use crate::ExitStatus;
use crate::args::{AcceptArgs, GlobalArgs};
use crate::commands::load_project;
use crate::output::Output;

pub fn run(global: &GlobalArgs, args: &AcceptArgs, out: &mut Output) -> ExitStatus {
    let Some(project) = load_project(global, out) else {
        return ExitStatus::Failed;
    };
    let locale = match parse_locale_code(&args.locale) {
        Ok(locale) => locale,
        Err(message) => {
            out.error(&Diagnostic::file_error(Path::new("LOCALE"), message));
            return ExitStatus::Failed;
        }
    };
    let status = match args.status.as_deref().map(str::parse::<Status>).transpose() {
        Ok(status) => status,
        Err(message) => {
            out.error(&Diagnostic::file_error(Path::new("--status"), message));
            return ExitStatus::Failed;
        }
    };
    let opts = AcceptOptions {
        locale,
        ids: args.ids.clone(),
        courses: args.courses.clone(),
        status,
    };
    let summary = match accept(&project, &opts) {
        Ok(summary) => summary,
        Err(diagnostic) => {
            out.error(&diagnostic);
            return ExitStatus::Failed;
        }
    };
    out.diagnostics(&summary.diagnostics);
    for (path, id) in &summary.accepted {
        out.line(&format!("accepted {id} ({})", path.display()));
    }
    out.line(&format!(
        "{}: {} accepted, {} already current; {} written",
        args.locale,
        summary.accepted.len(),
        summary.unchanged,
        kurso::report::plural(summary.files_written, "state file")
    ));
    if summary.diagnostics.iter().any(Diagnostic::is_error) {
        ExitStatus::Failed
    } else {
        ExitStatus::Clean
    }
}
