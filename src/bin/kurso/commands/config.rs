//! `kurso config`: prints the effective configuration.

use crate::ExitStatus;
use crate::args::GlobalArgs;
use crate::commands::load_project;
use crate::output::Output;

pub fn run(global: &GlobalArgs, out: &mut Output) -> ExitStatus {
    let Some(project) = load_project(global, out) else {
        return ExitStatus::Failed;
    };
    let path = project.root.join(kurso::config::CONFIG_FILE);
    out.result(&format!("# {}", path.display()));
    out.result(project.config.to_toml().trim_end());
    if project.config.mt.locales.is_none() {
        // The default is not a value in the file: say what it comes to today.
        let (started, _) = kurso::mt::locales::commissioned(&project);
        let started: Vec<String> = started.iter().map(ToString::to_string).collect();
        out.result(&format!(
            "# [mt] locales is not set: `kurso translate` without --to drafts the target locales already started: {}",
            if started.is_empty() {
                "none yet".to_owned()
            } else {
                started.join(", ")
            }
        ));
    }
    ExitStatus::Clean
}
