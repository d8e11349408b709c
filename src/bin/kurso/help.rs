//! The command-line definition with the help text that comes from the library's tables rather
//! than doc comments, so it cannot fall behind them: the rules `kurso check --help` lists
//! (from `check::rules::ALL`) and the keys `kurso config --help` lists (the commented
//! `kurso.toml` that `kurso init` writes). `main`, `kurso completions` and `kurso man` all
//! use [`command`].

use clap::CommandFactory as _;

use crate::args::Cli;

/// kurso's clap command, help text complete.
pub fn command() -> clap::Command {
    Cli::command()
        .mut_subcommand("check", |check| check.after_help(rule_list()))
        .mut_subcommand("config", |config| {
            config
                .after_help("Every key of kurso.toml: `kurso config --help`.")
                .after_long_help(format!(
                    "Every key of kurso.toml, with its default:\n\n{}",
                    kurso::config::STARTER_CONFIG
                ))
        })
}

/// Width of help text (`max_term_width` in args.rs); the rule list wraps itself to it, with a
/// hanging indent, so clap has nothing to rewrap on a wide terminal.
const HELP_WIDTH: usize = 100;

/// "Rules:" and one entry per rule: code, default level, summary.
fn rule_list() -> String {
    let rules = kurso::check::rules::ALL;
    let width = rules.iter().map(|rule| rule.code.len()).max().unwrap_or(0);
    let indent = 2 + width + 2 + 7 + 2;
    let mut text = String::from("Rules (default level; `kurso explain CODE` explains one):\n");
    for rule in rules {
        let mut line = format!("  {:<width$}  {:<7} ", rule.code, rule.level.as_str());
        for word in rule.summary.split(' ') {
            if line.chars().count() + 1 + word.chars().count() > HELP_WIDTH {
                text.push_str(line.trim_end());
                text.push('\n');
                line = " ".repeat(indent - 1);
            }
            line.push(' ');
            line.push_str(word);
        }
        text.push_str(&line);
        text.push('\n');
    }
    text.trim_end().to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn long_help(name: &str) -> String {
        let mut cmd = command();
        cmd.build();
        let sub = cmd
            .find_subcommand_mut(name)
            .expect("the subcommand exists");
        sub.render_long_help().to_string()
    }

    #[test]
    fn check_help_lists_every_rule_with_its_level_and_summary() {
        let help = long_help("check");
        let words = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
        let flowing = words(&help);
        for rule in kurso::check::rules::ALL {
            let entry = format!("{} {} {}", rule.code, rule.level, words(rule.summary));
            assert!(
                flowing.contains(&entry),
                "`kurso check --help` does not list `{entry}`:\n{help}"
            );
        }
        assert!(
            help.lines().all(|line| line.chars().count() <= HELP_WIDTH),
            "{help}"
        );
    }

    #[test]
    fn config_help_lists_the_commented_starter_configuration() {
        let help = long_help("config");
        for line in kurso::config::STARTER_CONFIG
            .lines()
            .filter(|l| l.contains(" = "))
        {
            assert!(help.contains(line.trim()), "missing `{line}`:\n{help}");
        }
    }

    #[test]
    fn the_command_definition_is_consistent() {
        command().debug_assert();
    }
}
