//! `kurso init`: writes the commented starter `kurso.toml`; refuses to replace one without `--force`.

use std::path::PathBuf;

use kurso::config::{CONFIG_FILE, STARTER_CONFIG};
use kurso::diagnostic::Diagnostic;
use kurso::fsx;

use crate::ExitStatus;
use crate::args::{GlobalArgs, InitArgs};
use crate::output::Output;

pub fn run(global: &GlobalArgs, args: &InitArgs, out: &mut Output) -> ExitStatus {
    let dir = global.project.clone().unwrap_or_else(|| PathBuf::from("."));
    let path = dir.join(CONFIG_FILE);
    if path.exists() && !args.force {
        out.error(
            &Diagnostic::file_error(&path, "already exists")
                .with_help("keep it, or run `kurso init --force` to replace it with the starter"),
        );
        return ExitStatus::Failed;
    }
    if let Err(err) = fsx::write_durable(&path, STARTER_CONFIG.as_bytes()) {
        out.error(&Diagnostic::file_error(&path, err.to_string()));
        return ExitStatus::Failed;
    }
    out.line(&format!(
        "wrote {}; next: put courses in courses/<course>/ and run `kurso extract`",
        path.display()
    ));
    ExitStatus::Clean
}
