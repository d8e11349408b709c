//! Arguments of `kurso export` and `kurso import` (the review-packet round trip).

use std::path::PathBuf;

use clap::{Args, ValueEnum};

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// Target locales (default: every target locale)
    #[arg(value_name = "LOCALE")]
    pub locales: Vec<String>,

    /// Only this course; repeat for several
    #[arg(long = "course", value_name = "COURSE")]
    pub courses: Vec<String>,

    /// Packet format: xliff2 (OASIS XLIFF 2.0), xliff12 (XLIFF 1.2: what memoQ and Trados
    /// Studio import best), po (Poedit, gettext) or tmx (a TMX 1.4 memory of the reviewed and
    /// approved translations, one per locale pair)
    #[arg(long, value_enum, default_value = "xliff2")]
    pub format: ExchangeFormat,

    /// Also what is already done (a person's current translations, reviewed and approved
    /// ones), for a full proofread; by default only what needs a person: missing along the
    /// fallback chain, stale, machine drafts, unverified
    #[arg(long)]
    pub all: bool,

    /// The folder the packets go into, one subfolder per locale (default: exchange/ in the
    /// project)
    #[arg(long, value_name = "DIR")]
    pub output: Option<PathBuf>,

    /// Replace packet files that are there and differ (they may hold a translator's work
    /// that was not imported yet)
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExchangeFormat {
    Xliff2,
    Xliff12,
    Po,
    Tmx,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Packet files: XLIFF 2.0 or 1.2 (.xlf, .xliff, .sdlxliff, .mqxliff, .mxliff), PO or
    /// TMX; the format is read from the file
    #[arg(value_name = "FILE", required = true)]
    pub files: Vec<PathBuf>,

    /// List every message applied, not only the refused and stale ones
    #[arg(long, short)]
    pub verbose: bool,
}
