//! `kurso man [COMMAND]`: the manual page in roff, generated from the clap definition
//! (`clap_mangen`): kurso(1) with its subcommands, or one subcommand's page (kurso-check(1)).

use kurso::diagnostic::Diagnostic;

use crate::ExitStatus;
use crate::args::ManArgs;
use crate::help;
use crate::output::Output;

pub fn run(args: &ManArgs, out: &mut Output) -> ExitStatus {
    match page(args.command.as_deref()) {
        Ok(roff) => {
            out.raw(&roff);
            ExitStatus::Clean
        }
        Err(diagnostic) => {
            out.error(&diagnostic);
            ExitStatus::Failed
        }
    }
}

/// kurso's page, or the page of subcommand `name`, in roff.
fn page(name: Option<&str>) -> Result<String, Diagnostic> {
    let mut command = help::command().disable_help_subcommand(true);
    command.build();
    let page = match name {
        None => command,
        Some(name) => {
            let Some(sub) = command.find_subcommand(name) else {
                let mut names: Vec<&str> = command
                    .get_subcommands()
                    .map(clap::Command::get_name)
                    .collect();
                names.sort_unstable();
                return Err(Diagnostic::file_error(
                    std::path::Path::new("kurso man"),
                    format!("no subcommand `{name}`"),
                )
                .with_help(format!("subcommands: {}", names.join(", "))));
            };
            // `kurso-check`, as the page is installed and referred to.
            sub.clone().name(format!("kurso-{}", sub.get_name()))
        }
    };
    let mut roff = Vec::new();
    clap_mangen::Man::new(page)
        .render(&mut roff)
        .expect("rendering into memory cannot fail");
    Ok(String::from_utf8(roff).expect("clap_mangen writes UTF-8"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The requests and macros of the man(7) package and roff that a page may use.
    const KNOWN: &[&str] = &[
        "TH", "SH", "SS", "PP", "LP", "P", "TP", "IP", "HP", "RS", "RE", "B", "I", "BR", "RB",
        "BI", "IB", "IR", "RI", "SM", "SB", "nf", "fi", "br", "sp", "in", "ti", "ne", "\\\"", "ie",
        "el", "if", "ds", "nr", "EX", "EE", "UR", "UE", "MT", "ME",
    ];

    /// Parses `roff` as a man(7) page: only known requests, the title (`.TH`) before any
    /// section; returns the section names in order.
    #[track_caller]
    fn sections(roff: &str) -> Vec<String> {
        let mut title = false;
        let mut sections = Vec::new();
        for line in roff.lines() {
            let Some(request) = line.strip_prefix('.').or_else(|| line.strip_prefix('\'')) else {
                continue;
            };
            let name = request.split_whitespace().next().unwrap_or("");
            assert!(
                KNOWN.contains(&name),
                "unknown roff request `.{name}` in `{line}`"
            );
            match name {
                "TH" => title = true,
                "SH" => {
                    assert!(title, "a section before the title `.TH`");
                    sections.push(request[2..].trim().trim_matches('"').to_owned());
                }
                _ => {}
            }
        }
        assert!(title, "no `.TH` title");
        sections
    }

    #[test]
    fn the_page_is_roff_with_every_subcommand() {
        let roff = page(None).expect("kurso's page");
        let sections = sections(&roff);
        for section in ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "SUBCOMMANDS"] {
            assert!(
                sections.iter().any(|s| s == section),
                "{section}: {sections:?}"
            );
        }
        let mut command = help::command();
        command.build();
        for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
            let reference = format!("kurso\\-{}(1)", sub.get_name().replace('-', "\\-"));
            assert!(roff.contains(&reference), "{reference} missing");
        }
    }

    #[test]
    fn a_subcommand_page_is_named_after_it_and_lists_its_options() {
        let roff = page(Some("check")).expect("the page of check");
        assert!(roff.contains("\n.TH kurso-check 1 "), "{roff}");
        assert!(roff.contains("\\-\\-rule"), "{roff}");
        assert!(roff.contains("stale"), "the rule list is in the page");
        sections(&roff);
    }

    #[test]
    fn an_unknown_subcommand_is_an_error_listing_them() {
        let err = page(Some("chek")).expect_err("no such subcommand");
        assert!(err.message.contains("`chek`"));
        assert!(err.help.expect("a hint").contains("check"));
    }

    /// Where groff is installed, it must read the page without a warning, as man(1) runs it
    /// (`-k`: UTF-8 input through preconv); the structural checks above run everywhere.
    #[test]
    fn groff_reads_the_page_without_warnings_when_installed() {
        let roff = page(None).expect("kurso's page");
        let run = std::process::Command::new("groff")
            .args(["-k", "-man", "-Tutf8", "-ww", "-z"])
            .stdin(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn();
        let Ok(mut child) = run else {
            return;
        };
        {
            use std::io::Write as _;
            let mut stdin = child.stdin.take().expect("piped");
            stdin.write_all(roff.as_bytes()).expect("groff reads");
        }
        let output = child.wait_with_output().expect("groff finishes");
        assert!(output.status.success());
        assert_eq!(String::from_utf8_lossy(&output.stderr), "");
    }
}
