//! The floor under `kurso check` on a Fluent tree, for `scripts/bench-vs-compare-locales`:
//! what reading every `.ftl` file costs, and reading and parsing them with fluent-syntax,
//! with nothing checked.
//!
//!     cargo run --release --example check_floor -- read|parse REFERENCE L10N LOCALE...
//!
//! It finds the files as `kurso check --reference REFERENCE --l10n L10N LOCALE...` does
//! (`project::ftl_files`), reads them through `fsx` and, for `parse`, parses each with
//! `fluent_syntax::parser::parse`, in parallel over files with rayon's default pool and
//! mimalloc, as the `kurso` binary does.
//! It prints the number of files, bytes and entries so a run that read nothing shows.
#![allow(
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "a measuring tool prints its counts"
)]

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use rayon::prelude::*;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(mode), Some(reference), Some(l10n)) = (args.first(), args.get(1), args.get(2)) else {
        eprintln!("usage: check_floor read|parse REFERENCE L10N LOCALE...");
        return ExitCode::from(2);
    };
    let parse = match mode.as_str() {
        "read" => false,
        "parse" => true,
        _ => {
            eprintln!("check_floor: the mode is `read` or `parse`, not `{mode}`");
            return ExitCode::from(2);
        }
    };
    let mut dirs = vec![PathBuf::from(reference)];
    dirs.extend(args[3..].iter().map(|locale| Path::new(l10n).join(locale)));
    let files: Vec<PathBuf> = dirs
        .iter()
        .flat_map(|dir| {
            kurso::project::ftl_files(dir, &[])
                .into_iter()
                .map(move |rel| dir.join(rel))
        })
        .collect();
    let counts: Result<Vec<(usize, usize)>, String> = files
        .par_iter()
        .map(|path| {
            let text = kurso::fsx::read_to_string(path)
                .map_err(|err| format!("{}: {err}", path.display()))?;
            let bytes = text.len();
            let entries = if parse {
                match fluent_syntax::parser::parse(text) {
                    Ok(resource) | Err((resource, _)) => resource.body.len(),
                }
            } else {
                0
            };
            Ok((bytes, entries))
        })
        .collect();
    match counts {
        Ok(counts) => {
            let bytes: usize = counts.iter().map(|(b, _)| b).sum();
            let entries: usize = counts.iter().map(|(_, e)| e).sum();
            println!("{} files, {bytes} bytes, {entries} entries", files.len());
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("check_floor: {message}");
            ExitCode::from(2)
        }
    }
}
