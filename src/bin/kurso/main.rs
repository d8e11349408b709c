//! The `kurso` binary: parses arguments, runs one library stage, renders, exits.
//!
//! Exit codes, decided here only: 0 clean, 1 findings (e.g. `extract --check` out of date),
//! 2 the run failed or some input was bad.

mod args;
mod check_args;
mod commands;
mod exchange_args;
mod help;
mod output;
mod review_args;

use std::process::ExitCode;

/// Extraction allocates many small strings; mimalloc cuts the allocator's share of a cold run.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::FromArgMatches as _;

use args::{Cli, Command};
use output::Output;

/// How a run ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    Clean,
    Findings,
    Failed,
}

impl From<ExitStatus> for ExitCode {
    fn from(status: ExitStatus) -> ExitCode {
        match status {
            ExitStatus::Clean => ExitCode::SUCCESS,
            ExitStatus::Findings => ExitCode::from(1),
            ExitStatus::Failed => ExitCode::from(2),
        }
    }
}

fn main() -> ExitCode {
    let parsed = help::command()
        .try_get_matches()
        .and_then(|matches| Cli::from_arg_matches(&matches));
    let cli = match parsed {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return if err.use_stderr() {
                ExitCode::from(2)
            } else {
                ExitCode::SUCCESS
            };
        }
    };
    let mut out = Output::new(cli.global.quiet, cli.global.color);
    let status = match &cli.command {
        Command::Init(args) => commands::init::run(&cli.global, args, &mut out),
        Command::Extract(args) => commands::extract::run(&cli.global, args, &mut out),
        Command::Build(args) => commands::build::run(&cli.global, args, &mut out),
        Command::Explain(args) => commands::explain::run(args, &mut out),
        Command::Accept(args) => commands::accept::run(&cli.global, args, &mut out),
        Command::Status(args) => commands::status::run(&cli.global, args, &mut out),
        Command::Check(args) => commands::check::run(&cli.global, args, &mut out),
        Command::Diff(args) => commands::diff::run(&cli.global, args, &mut out),
        Command::Glossary(command) => commands::glossary::run(&cli.global, command, &mut out),
        Command::Translate(args) => commands::translate::run(&cli.global, args, &mut out),
        Command::Usage(args) => commands::translate::usage(&cli.global, args, &mut out),
        Command::EtranslationReceiver(args) => {
            commands::translate::receiver(&cli.global, args, &mut out)
        }
        Command::Export(args) => commands::exchange::export(&cli.global, args, &mut out),
        Command::Import(args) => commands::exchange::import(&cli.global, args, &mut out),
        Command::Review(args) => commands::review::run(&cli.global, args, &mut out),
        Command::Config => commands::config::run(&cli.global, &mut out),
        Command::Completions(args) => commands::completions::run(args, &mut out),
        Command::Man(args) => commands::man::run(args, &mut out),
    };
    status.into()
}
