//! `kurso completions SHELL`: a completion script generated from the clap definition
//! (`clap_complete`), so it knows every subcommand and option the binary has.

use clap_complete::Shell;

use crate::ExitStatus;
use crate::args::CompletionsArgs;
use crate::help;
use crate::output::Output;

pub fn run(args: &CompletionsArgs, out: &mut Output) -> ExitStatus {
    out.raw(&script(args.shell));
    ExitStatus::Clean
}

/// The completion script for `shell`.
fn script(shell: Shell) -> String {
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut help::command(), "kurso", &mut script);
    String::from_utf8(script).expect("clap_complete writes UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subcommands() -> Vec<String> {
        help::command()
            .get_subcommands()
            .filter(|sub| !sub.is_hide_set())
            .map(|sub| sub.get_name().to_owned())
            .collect()
    }

    #[test]
    fn bash_completion_offers_every_subcommand_and_the_rule_codes() {
        let bash = script(Shell::Bash);
        assert!(bash.contains("complete -F _kurso"), "{bash}");
        // The words offered after `kurso `.
        let top = bash
            .lines()
            .find(|line| line.contains("opts=\"") && line.contains("extract"))
            .expect("the top-level word list");
        for name in subcommands() {
            assert!(
                top.split(['"', ' ']).any(|word| word == name),
                "`{name}` missing from {top}"
            );
        }
        assert!(subcommands().contains(&"completions".to_owned()));
        for rule in kurso::check::rules::ALL {
            assert!(
                bash.contains(rule.code),
                "--rule {} not completed",
                rule.code
            );
        }
    }

    #[test]
    fn zsh_fish_and_powershell_scripts_name_the_subcommands() {
        for shell in [Shell::Zsh, Shell::Fish, Shell::PowerShell, Shell::Elvish] {
            let text = script(shell);
            for name in subcommands() {
                assert!(text.contains(&name), "{shell}: `{name}` missing");
            }
        }
    }
}
