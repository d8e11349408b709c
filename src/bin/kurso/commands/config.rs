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
    ExitStatus::Clean
}
