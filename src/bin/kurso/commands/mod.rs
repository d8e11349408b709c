//! One file per subcommand; each loads the project, calls one library function and renders.

pub mod build;
pub mod config;
pub mod extract;
pub mod init;

use std::path::Path;

use kurso::project::Project;

use crate::args::GlobalArgs;
use crate::output::Output;

/// The project named by `--project`, or the one around the current folder; reports why
/// not on stderr and returns `None` when there is none.
pub fn load_project(global: &GlobalArgs, out: &mut Output) -> Option<Project> {
    let loaded = match &global.project {
        Some(dir) => Project::open(dir),
        None => Project::discover(Path::new(".")),
    };
    loaded.map_err(|diagnostic| out.error(&diagnostic)).ok()
}
