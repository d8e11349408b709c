//! `kurso accept LOCALE`: records translations as current with today's English, and who
//! accepted them (`--by`, else `git config user.name` of the project, else nobody named).

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
    let changed_by = args
        .by
        .as_deref()
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .or_else(|| git_user_name(&project.root));
    let opts = AcceptOptions {
        locale,
        ids: args.ids.clone(),
        courses: args.courses.clone(),
        status,
        changed_by: changed_by.clone(),
    };
    let summary = match accept(&project, &opts) {
        Ok(summary) => summary,
        Err(diagnostic) => {
            out.error(&diagnostic);
            return ExitStatus::Failed;
        }
    };
    out.diagnostics(&summary.diagnostics);
    if summary.refused > 0 {
        out.line(&format!(
            "{}: nothing accepted: {} refused",
            args.locale,
            kurso::report::plural(summary.refused, "record")
        ));
        return ExitStatus::Failed;
    }
    for (path, id) in &summary.accepted {
        out.line(&format!("accepted {id} ({})", path.display()));
    }
    if !summary.accepted.is_empty() {
        out.line(&match &changed_by {
            Some(name) => format!(
                "recorded changed-by \"{name}\", changed-on {}",
                kurso::state::today()
            ),
            None => format!(
                "recorded changed-on {} (no name: give --by NAME, or set git config user.name)",
                kurso::state::today()
            ),
        });
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

/// `git config user.name` as seen from the project folder (its own config, then the
/// user's), or `None` when git is not installed, not configured, or fails. Local and quick:
/// git reads its config files and nothing else.
fn git_user_name(root: &Path) -> Option<String> {
    let output = std::process::Command::new("git")
        .arg("-C")
        .arg(root)
        .args(["config", "--get", "user.name"])
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    let name = String::from_utf8(output.stdout).ok()?;
    let name = name.trim();
    (output.status.success() && !name.is_empty()).then(|| name.to_owned())
}
