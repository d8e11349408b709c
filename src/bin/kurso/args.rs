//! Command-line arguments. Doc comments are the `--help` text.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub use crate::check_args::{CheckArgs, ExplainArgs, FormatArg, LevelArg};

/// Keep training courses for health professionals translated.
///
/// kurso extracts the text of Markdown course modules into Fluent (.ftl) files with stable
/// message IDs, checks translations (drift, placeables, doses, glossary terms), drafts machine
/// translations for translators to review, and builds localized copies of the courses.
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

    /// Print less: only errors and warnings (`kurso check`: only the findings that fail the
    /// run, and no summary)
    #[arg(long, short, global = true, help_heading = "Global options")]
    pub quiet: bool,

    /// Colour the output: auto (on a terminal that can colour, unless `NO_COLOR` is set or
    /// `CLICOLOR=0`; `CLICOLOR_FORCE=1` forces it), always or never
    #[arg(
        long,
        global = true,
        value_enum,
        default_value_t = ColorArg::Auto,
        value_name = "WHEN",
        help_heading = "Global options"
    )]
    pub color: ColorArg,
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
    /// Directives in HTML comments steer it: `<!-- l10n: skip -->` (next block), `skip-start`
    /// … `skip-end`, `id=my-id` (pin the next block's ID), `note Text for translators`, `text`
    /// (the next table's cells are messages even where they look like data: `M`, `ABC123`).
    ///
    /// Exit status: 0 done (or up to date with --check), 1 out of date or orphaned files with
    /// --check, 2 a file could not be read or has errors (the other files are still
    /// extracted).
    Extract(ExtractArgs),
    /// Build localized courses into build/<locale>/<course>/
    ///
    /// Every translatable block of every module (front matter and course.yaml included) is
    /// replaced by its translation; everything else is copied unchanged, and so are images
    /// and other files. Only what [build] in kurso.toml ships is used; by default a text a
    /// person made or checked (`edited`, `reviewed`, `approved`) for today's English, never
    /// a machine draft, a stale translation or one with no state record. A message without
    /// such a translation falls back along the locale's chain (el-CY → el → en; el's text
    /// must pass el's rules too) and finally to the source text. What was held back is
    /// listed per module with the reason (counts; --verbose lists every message), and so is
    /// a translation that would change the module's Markdown structure (a paragraph split
    /// in two, an image turned into a link). With `stale = "block"`, a module with a stale
    /// translation is not built: its previous output stays, and the build fails.
    ///
    /// --preview builds with the drafts too, each marked with a leading `⚠ ` in its
    /// block, into build-preview/<locale>/ (beside the build folder, never inside it), to
    /// check layout before review; it is not for learners.
    ///
    /// Building the source locale reproduces the sources exactly. Outputs kurso wrote whose
    /// source is gone are removed and listed (build/.kurso-manifest records what it wrote).
    ///
    /// Exit status: 0 built, 2 a file could not be read or has errors, or a stale
    /// translation blocks a module (the rest is built), or there is nothing to build (no
    /// course, or --course names one without modules).
    Build(BuildArgs),
    /// Check translations: what is wrong with each locale, where and why (for CI)
    ///
    /// Runs every rule (listed below; `kurso explain CODE` explains one). Levels and
    /// suppressions come from `[check]` in kurso.toml. The human format prints the summary
    /// first, then the errors, the warnings and the info, then the total again.
    ///
    /// What is checked: the locales given (default: every target locale) and --course. What
    /// is shown: --rule, --level and --quiet filter the findings in every format; they never
    /// change the exit status, which counts every finding of the locales and courses checked
    /// (a note on stderr says when hidden findings fail the run). To fail CI on fewer rules,
    /// lower their level in kurso.toml or raise --fail-on.
    ///
    /// Also runs on any Fluent project, without kurso.toml:
    /// `kurso check --reference l10n/en-US --l10n l10n el fi`.
    ///
    /// Exit status: 0 nothing at or above --fail-on, 1 findings, 2 the run failed (bad
    /// config, unreadable file; every other file is still checked and reported).
    Check(CheckArgs),
    /// Explain a rule of `kurso check`: what it finds, why it matters, how to fix it
    ///
    /// Without a code, lists every rule with its default level.
    Explain(ExplainArgs),
    /// Record that translations are current with today's English
    ///
    /// After updating a stale translation, or to adopt hand-made translations that have no
    /// record yet. Writes only the state files (`<module>.state.toml`) beside the
    /// translations; no translation text changes. Choose what to accept with --id, --course
    /// or --all. Each record changed gets who (`changed-by`: --by, else `git config
    /// user.name`) and when (`changed-on`: today). A machine draft stays `machine` unless
    /// --status moves it on (what `kurso build` ships depends on it); a person's work
    /// (`edited`, `reviewed`, `approved`) is never set back to `machine`: that is refused and
    /// nothing is written.
    Accept(AcceptArgs),
    /// Show each stale message: old → new English as a word diff, beside the translation
    ///
    /// Exit status: 0 nothing stale, 1 stale messages shown, 2 the run failed.
    Diff(DiffArgs),
    /// How far each locale is, per course: reviewed, drafted, machine, stale, unverified,
    /// missing
    ///
    /// Counts what a reader of each locale gets along its fallback chain (el-CY counts el's
    /// text). --format html writes one self-contained page (inline styles, no scripts, no
    /// links out) to publish or attach to a pull request: a bar per course and locale, the
    /// `kurso check` findings per rule and locale, and the glossary coverage.
    ///
    /// Exit status: 0 counted, 2 a file could not be read (the rest is still counted and
    /// shown) or the report could not be written. Findings do not change it: `kurso check`
    /// is the gate.
    Status(StatusArgs),
    /// Draft machine translations of missing and stale messages, for translators to review
    ///
    /// Selects, per target locale, the messages missing along the whole fallback chain and
    /// the stale ones; masks placeables, inline Markdown and do-not-translate terms as XML
    /// placeholders; sends them to the provider; verifies every draft (placeholders,
    /// markup, numbers, glossary) before writing it. Drafts get status `machine` in the
    /// state file. A stale translation a person wrote is never replaced: the draft is kept
    /// beside it as a suggestion (`kurso diff` shows it). Every translation received is
    /// journaled in .kurso/mt-journal.jsonl as it arrives, so a re-run (or a run after an
    /// interruption) sends nothing twice.
    ///
    /// Providers: pseudo (default: no key, no network), memory, deepl, google, azure,
    /// libretranslate, openai, etranslation. Keys come from the environment (`DEEPL_API_KEY`,
    /// `GOOGLE_TRANSLATE_API_KEY`, `AZURE_TRANSLATOR_KEY`, `LIBRETRANSLATE_API_KEY`, `OPENAI_API_KEY`,
    /// `ETRANSLATION_PASSWORD`) or a key file named in kurso.toml, never from the command line.
    ///
    /// Without --to, only the commissioned locales are drafted: `locales` under [mt], else
    /// the target locales already started (a folder under locales/); a routine run never
    /// starts a locale by itself. A text needed by several messages is sent once. A
    /// rejected key (401/403) stops the run at the first request; a 429, or a 503 with
    /// Retry-After, holds every request until the server's window ends; a spent quota
    /// (DeepL 456) stops it with everything received saved.
    ///
    /// Exit status: 0 done, 1 some drafts were refused or not translated (listed; also a
    /// quota used up after some drafts arrived), 2 the run failed (no key, a rejected key,
    /// bad config, quota used up before anything arrived).
    Translate(TranslateArgs),
    /// Show the machine-translation account's usage (DeepL: characters used and allowed)
    Usage(UsageArgs),
    /// Receive eTranslation's callbacks and journal the translations they carry
    ///
    /// eTranslation is asynchronous: `kurso translate --provider etranslation` submits each
    /// segment with `callback-url` (under [mt.etranslation]) and records it in
    /// .kurso/mt-pending.jsonl. This server accepts the callbacks at that URL (put it behind a
    /// TLS reverse proxy when it faces the internet), writes each translation into the journal,
    /// and ignores callbacks for requests it does not know. Run `kurso translate` again to
    /// verify and write the drafts: nothing is sent twice. Ctrl-C stops it.
    EtranslationReceiver(ReceiverArgs),
    /// Write review packets for translators: XLIFF 2.0, XLIFF 1.2, PO, or a TMX memory
    ///
    /// One file per course and locale under exchange/<locale>/ (--output): what needs a
    /// person (missing along the fallback chain, stale, machine drafts, unverified; --all
    /// adds the rest). Each unit carries the message ID, the English, the current translation
    /// or draft with its review state, notes (where the English is, the author's note, for a
    /// stale message the old English and the word diff) and the glossary terms the English
    /// uses. Placeables and inline Markdown are inline codes a CAT tool protects. A packet file
    /// that is there and differs is not replaced without --force.
    ///
    /// Exit status: 0 written, 2 the run failed or a file could not be written.
    Export(crate::exchange_args::ExportArgs),
    /// Read review packets back: every translation checked, what passes written with its state
    ///
    /// Each message (value, attributes and variants together) must match today's English
    /// (otherwise it is stale, and refused with the word diff), keep its inline codes, and pass
    /// every `kurso check` rule (an error refuses it, a warning is shown). What passes is
    /// written into locales/<locale>/ with its state: origin a person, status from the
    /// packet (translated → edited, reviewed, final → approved); an unconfirmed target never
    /// replaces a person's translation. Importing the same file twice changes nothing.
    ///
    /// Exit status: 0 everything applied or unchanged, 1 some messages refused or stale, 2 a
    /// file could not be read (the other files are still imported).
    Import(crate::exchange_args::ImportArgs),
    Review(crate::review_args::ReviewArgs),
    /// Terminology: look terms up, list, measure coverage, export and import glossaries
    ///
    /// The glossary is every .csv and .tbx file in the project's glossaries folder (see
    /// glossaries/README.md for the CSV columns). `kurso check` uses it for the `glossary`
    /// rule.
    #[command(subcommand)]
    Glossary(GlossaryCommand),
    /// Print the effective configuration (defaults merged with kurso.toml)
    ///
    /// Every key of kurso.toml, with what it does and its default, is listed below (it is the
    /// file `kurso init` writes).
    Config,
    /// Print a shell completion script for kurso
    ///
    /// Bash: `kurso completions bash > ~/.local/share/bash-completion/completions/kurso`.
    /// Zsh: `kurso completions zsh > ~/.zfunc/_kurso` (with ~/.zfunc on fpath).
    /// Fish: `kurso completions fish > ~/.config/fish/completions/kurso.fish`.
    Completions(CompletionsArgs),
    /// Print kurso's manual page (roff), or a subcommand's
    ///
    /// `kurso man | man -l -` reads it; `kurso man > kurso.1` and
    /// `kurso man check > kurso-check.1` install it.
    Man(ManArgs),
}
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell to complete in
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// A subcommand (e.g. `check`): print its page instead of kurso's
    #[arg(value_name = "COMMAND")]
    pub command: Option<String>,
}

#[derive(Debug, Args)]
pub struct TranslateArgs {
    /// Target locales: `--to el lt hu` (or `--to el --to lt`). Default: `locales` under
    /// [mt] in kurso.toml, else the target locales already started (a folder under locales/)
    #[arg(long = "to", short = 't', value_name = "LOCALE", num_args = 1..)]
    pub locales: Vec<String>,

    /// Provider (default: `provider` under [mt] in kurso.toml, else pseudo)
    #[arg(long, value_name = "NAME")]
    pub provider: Option<String>,

    /// Only this course; repeat for several
    #[arg(long = "course", value_name = "COURSE")]
    pub courses: Vec<String>,

    /// Send nothing, write nothing: print per locale the segments and the characters that
    /// would be billed (what the journal already holds is not billed; a text needed twice
    /// is billed once). Needs no key
    #[arg(long)]
    pub dry_run: bool,

    /// Ask the provider again for drafts that were refused (failed verification) before;
    /// without it they are replayed from the journal, free, and refused again
    #[arg(long)]
    pub retry_refused: bool,

    /// List every drafted, refused and failed message
    #[arg(long, short)]
    pub verbose: bool,
}

#[derive(Debug, Args)]
pub struct ReceiverArgs {
    /// Address to listen on, e.g. 127.0.0.1:8088
    #[arg(long, value_name = "ADDR")]
    pub listen: std::net::SocketAddr,
}

#[derive(Debug, Args)]
pub struct UsageArgs {
    /// Provider (default: `provider` under [mt] in kurso.toml)
    #[arg(long, value_name = "NAME")]
    pub provider: Option<String>,
}

#[derive(Debug, Subcommand)]
pub enum GlossaryCommand {
    /// Find concepts by a term in any language (inflected forms of the term count)
    Lookup {
        /// The term, e.g. `informed consent` or `potilaalle`
        term: String,
        /// Show only this locale's terms (beside the English)
        #[arg(long, short, value_name = "LOCALE")]
        locale: Option<String>,
    },
    /// List every concept with its English term and languages
    List {
        #[arg(long, value_enum, default_value_t = StatusFormat::Table)]
        format: StatusFormat,
    },
    /// Which concepts the courses use, and frequent English terms not in the glossary yet
    Coverage {
        /// Show uncovered words and phrases seen at least this often
        #[arg(long, default_value_t = 3, value_name = "N")]
        min_count: usize,
        /// How many uncovered candidates to show
        #[arg(long, default_value_t = 30, value_name = "N")]
        top: usize,
        #[arg(long, value_enum, default_value_t = StatusFormat::Table)]
        format: StatusFormat,
    },
    /// Write the glossary to stdout as TBX, kurso CSV or a DeepL glossary (TSV)
    Export {
        #[arg(long, value_enum)]
        format: ExportFormat,
        /// Target locale: required for deepl-tsv; for tbx and csv, only the source and this
        /// locale (default: every language)
        #[arg(long, short, value_name = "LOCALE")]
        locale: Option<String>,
    },
    /// Convert a TBX, TICO-19 or kurso CSV file into glossaries/<name>.csv
    Import {
        /// The file to import
        file: PathBuf,
        /// Name of the glossary file to write (default: the imported file's stem)
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
        /// Replace an existing glossary file of that name
        #[arg(long)]
        force: bool,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// TBX-Basic (ISO 30042:2019)
    Tbx,
    /// kurso CSV (one concept per row)
    Csv,
    /// DeepL glossary entries: `source<TAB>target` per line
    DeeplTsv,
}

/// When to colour output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum ColorArg {
    #[default]
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("what").required(true).args(["ids", "courses", "all"])))]
pub struct AcceptArgs {
    /// The locale whose translations to accept (e.g. it, el-CY)
    #[arg(value_name = "LOCALE")]
    pub locale: String,

    /// Only this message ID; repeat for several
    #[arg(long = "id", value_name = "ID")]
    pub ids: Vec<String>,

    /// Every translated message of this course; repeat for several
    #[arg(long = "course", value_name = "COURSE")]
    pub courses: Vec<String>,

    /// Every translated message of the locale
    #[arg(long)]
    pub all: bool,

    /// Record this status (machine, edited, reviewed, approved). Default: keep the recorded
    /// status; new records get `edited`. `machine` is refused for a person's work
    #[arg(long, value_name = "STATUS")]
    pub status: Option<String>,

    /// Who accepts, recorded as `changed-by` (default: `git config user.name`, if set)
    #[arg(long, value_name = "NAME")]
    pub by: Option<String>,
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The locale to show
    #[arg(value_name = "LOCALE")]
    pub locale: String,

    /// Only this course; repeat for several
    #[arg(long = "course", value_name = "COURSE")]
    pub courses: Vec<String>,
}

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// Only these locales (default: every target locale)
    #[arg(value_name = "LOCALE")]
    pub locales: Vec<String>,

    /// Only this course; repeat for several
    #[arg(long = "course", value_name = "COURSE")]
    pub courses: Vec<String>,

    /// Output format: a table, JSON, or one HTML page (bars per course and locale, the
    /// findings of every `kurso check` rule per locale, glossary coverage). The page shows no
    /// date unless `SOURCE_DATE_EPOCH` is set ("Generated on" that day), so the same project
    /// gives the same page
    #[arg(long, value_enum, default_value_t = StatusReportFormat::Table)]
    pub format: StatusReportFormat,

    /// Write the report to FILE (replaced if it is there) instead of standard output
    #[arg(long, value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusReportFormat {
    Table,
    Json,
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusFormat {
    Table,
    Json,
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

    /// Write nothing; exit 1 and list the files when locales/<source> is out of date or holds
    /// orphaned files, whose module is gone (for CI)
    #[arg(long)]
    pub check: bool,

    /// The English edits are typo fixes that change no translation: carry each translation
    /// made from the old English forward to the new one instead of letting it go stale. The
    /// state records keep the old English and the date as an audit trail
    #[arg(long, conflicts_with = "check")]
    pub keep_translations: bool,

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

    /// List every message that fell back to the source text or was held back
    #[arg(long, short)]
    pub verbose: bool,

    /// Use drafts too (machine, stale, unverified), each marked `⚠ ` in its block, and write
    /// into build-preview/ instead of build/: for checking layout, not for learners
    #[arg(long)]
    pub preview: bool,
}
