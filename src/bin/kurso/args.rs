//! Command-line arguments. Doc comments are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Keep training courses for health professionals translated.
///
/// kurso extracts the text of Markdown course modules into Fluent (.ftl) files with stable
/// message IDs, and builds localized copies of the courses from the translations.
/// Run it anywhere inside a project (a folder with kurso.toml); `kurso init` starts one.
#[derive(Debug, Parser)]
#[command(
    name = "kurso",
    version,
    propagate_version = true,
    max_term_width = 100
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,

    #[command(flatten)]
    pub global: GlobalArgs,
}

#[derive(Debug, Args)]
pub struct GlobalArgs {
    /// The project folder (default: the nearest folder with kurso.toml, from the current one up)
    #[arg(
        long,
        global = true,
        value_name = "DIR",
        help_heading = "Global options"
    )]
    pub project: Option<PathBuf>,

    /// Print only errors and warnings
    #[arg(long, short, global = true, help_heading = "Global options")]
    pub quiet: bool,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Write a commented starter kurso.toml in the current folder (or --project)
    Init(InitArgs),
    /// Extract course text into locales/<source>/<course>/<module>.ftl
    ///
    /// One message per heading, paragraph, list item, table cell, quote paragraph, image alt
    /// text and title, and translatable front-matter and course.yaml value. IDs are derived
    /// once from the section heading, the kind of block and its ordinal (`consent-p2`), then
    /// kept: an edited paragraph keeps its ID, a new one gets a fresh ID, a deleted one's ID
    /// is retired and never reused. Prints what was added, changed, moved and removed.
    ///
    /// Directives in HTML comments steer it: `<!-- l10n: skip -->` (next block),
    /// `<!-- l10n: skip-start -->` … `<!-- l10n: skip-end -->`, `<!-- l10n: id=my-id -->`
    /// (pin the next block's ID), `<!-- l10n: note Text for translators -->`.
    ///
    /// Exit status: 0 done (or up to date with --check), 1 out of date with --check,
    /// 2 a file could not be read or has errors (the other files are still extracted).
    Extract(ExtractArgs),
    /// Build localized courses into build/<locale>/<course>/
    ///
    /// Every translatable block of every module (front matter and course.yaml included) is
    /// replaced by its translation; everything else is copied unchanged, and so are images
    /// and other files. A missing translation falls back along the locale's chain
    /// (el-CY → el → en) and finally to the source text; those messages are listed.
    /// Building the source locale reproduces the sources exactly.
    ///
    /// Exit status: 0 built, 2 a file could not be read or has errors (the rest is built).
    Build(BuildArgs),
    /// Print the effective configuration (defaults merged with kurso.toml)
    Config,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Overwrite an existing kurso.toml
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// Only this course (a folder name under courses/); repeat for several
    #[arg(long = "course", value_name = "COURSE")]
    pub courses: Vec<String>,

    /// Write nothing; exit 1 and list the files when locales/<source> is out of date (for CI)
    #[arg(long)]
    pub check: bool,

    /// List every added, changed, moved and removed message ID
    #[arg(long, short)]
    pub verbose: bool,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Build this locale (BCP 47, e.g. el-CY); repeat for several. Default: every locale in
    /// kurso.toml, the source included
    #[arg(long = "locale", short = 'l', value_name = "LOCALE")]
    pub locales: Vec<String>,

    /// Only this course; repeat for several
    #[arg(long = "course", value_name = "COURSE")]
    pub courses: Vec<String>,

    /// List every message that fell back to the source text
    #[arg(long, short)]
    pub verbose: bool,
}
