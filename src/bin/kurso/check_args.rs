//! Arguments of `kurso check` (and `kurso explain`, which documents its rules): what to
//! check, which findings to show, the report format and when the run fails.

use std::path::PathBuf;

use clap::{Args, ValueEnum};

/// Report formats of `kurso check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// Grouped by file, with snippets, carets and word diffs
    Human,
    /// One JSON document (findings, per-locale summary, run diagnostics)
    Json,
    /// GitHub Actions annotations (`::error file=…,line=…::…`)
    Github,
    /// SARIF 2.1.0, for code-scanning dashboards
    Sarif,
    /// `JUnit` XML, one test suite per locale
    Junit,
}

/// Levels for `--fail-on` and `--level`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LevelArg {
    Error,
    Warning,
    Info,
}

impl LevelArg {
    pub fn level(self) -> kurso::check::finding::Level {
        use kurso::check::finding::Level;
        match self {
            LevelArg::Error => Level::Error,
            LevelArg::Warning => Level::Warning,
            LevelArg::Info => Level::Info,
        }
    }
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Locales to check (default: every target locale, or every folder of --l10n)
    #[arg(value_name = "LOCALE")]
    pub locales: Vec<String>,

    /// A locale to check, as the positional LOCALE; repeat for several
    #[arg(long = "locale", short = 'l', value_name = "LOCALE")]
    pub locale_flags: Vec<String>,

    /// Only this course; repeat for several
    #[arg(long = "course", value_name = "COURSE")]
    pub courses: Vec<String>,

    /// Show only this rule's findings (a code listed below); repeat for several (the exit
    /// status still counts every rule)
    #[arg(
        long = "rule",
        value_name = "CODE",
        value_parser = rule_codes(),
        hide_possible_values = true,
        help_heading = "Which findings to show"
    )]
    pub rules: Vec<String>,

    /// Show only findings at or above this level (the exit status still counts every level)
    #[arg(
        long,
        value_enum,
        value_name = "LEVEL",
        help_heading = "Which findings to show"
    )]
    pub level: Option<LevelArg>,

    /// Output format
    #[arg(long, value_enum, default_value_t = FormatArg::Human)]
    pub format: FormatArg,

    /// Exit 1 when a finding is at or above this level (default: `fail-on` in kurso.toml,
    /// else error)
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub fail_on: Option<LevelArg>,

    /// Any Fluent project: the folder with the reference (English) .ftl files
    #[arg(
        long,
        value_name = "DIR",
        requires = "l10n",
        help_heading = "Any Fluent project"
    )]
    pub reference: Option<PathBuf>,

    /// Any Fluent project: the folder holding one folder per locale
    #[arg(
        long,
        value_name = "DIR",
        requires = "reference",
        help_heading = "Any Fluent project"
    )]
    pub l10n: Option<PathBuf>,

    /// Glossary for the `glossary` rule: a .csv or .tbx file, or a folder of them (default:
    /// the project's glossaries folder). Inflected forms are also found with Hunspell and
    /// Voikko when installed; their answers are kept for the next run in `$KURSO_CACHE_DIR`
    /// (default `~/.cache/kurso`; empty keeps nothing), and `KURSO_NO_ANALYZER=1` turns them off
    #[arg(long, value_name = "PATH")]
    pub glossary: Option<PathBuf>,
}

/// `--rule` accepts the codes of `check::rules::ALL`; clap's error for any other lists them.
fn rule_codes() -> clap::builder::PossibleValuesParser {
    clap::builder::PossibleValuesParser::new(kurso::check::rules::ALL.iter().map(|rule| rule.code))
}

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// A rule code, e.g. `stale` (omit to list every rule)
    #[arg(value_name = "CODE")]
    pub code: Option<String>,
}
