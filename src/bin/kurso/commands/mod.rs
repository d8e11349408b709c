//! One file per subcommand; each loads the project, calls one library function and renders.

pub mod build;
pub mod config;
pub mod extract;
pub mod init;

use std::path::Path;

use kurso::diagnostic::Diagnostic;
use kurso::project::Project;

use crate::args::GlobalArgs;

/// The project named by `--project`, or the one around the current folder.
pub fn load_project(global: &GlobalArgs) -> Result<Project, Diagnostic> {
    match &global.project {
        Some(dir) => Project::open(dir),
        None => Project::discover(Path::new(".")),
    }
}
