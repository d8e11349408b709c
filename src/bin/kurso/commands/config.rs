//! `kurso config`: prints the effective configuration.

use crate::ExitStatus;
use crate::args::GlobalArgs;
use crate::commands::load_project;
use crate::output::Output;

pub fn run(global: &GlobalArgs, out: &mut Output) -> ExitStatus {
    match load_project(global) {
        Ok(project) => {
            out.result(&format!(
                "# {}",
                project.root.join(kurso::config::CONFIG_FILE).display()
            ));
            out.result(project.config.to_toml().trim_end());
            ExitStatus::Clean
        }
        Err(diagnostic) => {
            out.error(&diagnostic);
            ExitStatus::Failed
        }
    }
}
