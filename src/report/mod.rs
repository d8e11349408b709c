//! Renders a [`CheckSummary`] in one output format: one renderer per format, each a pure
//! function from the summary to a `String` (ruff's `render/*.rs`).
//!
//! Invariants: renderers never print and never fail; the same summary always renders to the
//! same bytes (findings arrive sorted, every map is a `BTreeMap`); a non-empty result ends
//! with a newline, so the binary writes it as is (`write_all`, not `writeln!`). [`render`]
//! applies the [`Filter`] first, so every format shows the same findings and counts them the
//! same way.

mod filter;
mod github;
mod human;
mod json;
mod junit;
mod sarif;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::path::{Component, Path};
use std::str::FromStr;

use serde::Serialize;

use crate::check::finding::Level;
use crate::check::{CheckSummary, file_counts, totals};

pub use filter::{Filter, Hidden};
pub use github::render_github;
pub use human::render_human;
pub use json::{JSON_VERSION, render_json, render_json_pieces};
pub use junit::render_junit;
pub use sarif::render_sarif;

/// An output format of `kurso check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Format {
    /// Grouped by file, with snippets, carets and word diffs, for a terminal.
    #[default]
    Human,
    /// One JSON document ([`JSON_VERSION`]), for scripts.
    Json,
    /// GitHub Actions workflow commands (`::error file=…`), for annotations on a pull request.
    Github,
    /// SARIF 2.1.0, for code-scanning dashboards.
    Sarif,
    /// `JUnit` XML, for CI test reports.
    Junit,
}

impl Format {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [Format; 5] = [
        Format::Human,
        Format::Json,
        Format::Github,
        Format::Sarif,
        Format::Junit,
    ];

    /// The name on the command line (`--format sarif`).
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Human => "human",
            Format::Json => "json",
            Format::Github => "github",
            Format::Sarif => "sarif",
            Format::Junit => "junit",
        }
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Format {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Format::ALL
            .into_iter()
            .find(|format| format.as_str() == s)
            .ok_or_else(|| format!("unknown format `{s}`: use human, json, github, sarif or junit"))
    }
}

/// How to render.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportOptions {
    /// ANSI colours in the human format (the binary decides: `--color`, the terminal,
    /// `NO_COLOR`, `CLICOLOR_FORCE`).
    pub color: bool,
    /// Written into JSON and SARIF (`tool.driver.version`).
    pub tool_version: String,
    /// Which findings to show.
    pub filter: Filter,
    /// The human format's per-locale summary before the findings (off for `--quiet` and
    /// `kurso diff`, which show only findings and the closing total).
    pub summary: bool,
}

impl Default for ReportOptions {
    fn default() -> Self {
        ReportOptions {
            color: false,
            tool_version: env!("CARGO_PKG_VERSION").to_owned(),
            filter: Filter::default(),
            summary: true,
        }
    }
}

/// Renders the findings of `summary` that `opts.filter` keeps, in `format`.
pub fn render(format: Format, summary: &CheckSummary, opts: &ReportOptions) -> String {
    match <[String; 1]>::try_from(render_pieces(format, summary, opts)) {
        Ok([text]) => text,
        Err(pieces) => pieces.concat(),
    }
}

/// [`render`] as pieces of text to write one after another, without copying them into one
/// string first (a JSON report is rendered in parallel runs: [`render_json_pieces`]).
pub fn render_pieces(format: Format, summary: &CheckSummary, opts: &ReportOptions) -> Vec<String> {
    let (shown, hidden) = opts.filter.apply(summary);
    match format {
        Format::Human => vec![render_human(&shown, &hidden, opts)],
        Format::Json => render_json_pieces(&shown, &hidden, opts),
        Format::Github => vec![render_github(&shown, &hidden, opts)],
        Format::Sarif => vec![render_sarif(&shown, &hidden, opts)],
        Format::Junit => vec![render_junit(&shown)],
    }
}

/// What one locale's check found. `errors`, `warnings` and `infos` count reported findings
/// (after policy); the others count messages and files whatever their level, from the
/// engine's statistics.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct LocaleCounts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    /// Entries of the English files.
    pub messages: usize,
    pub translated: usize,
    pub missing: usize,
    pub missing_files: usize,
    pub obsolete: usize,
    pub obsolete_files: usize,
    pub stale: usize,
    pub unverified: usize,
}

impl LocaleCounts {
    /// Findings of any level.
    pub fn findings(&self) -> usize {
        self.errors + self.warnings + self.infos
    }

    fn add(&mut self, other: &LocaleCounts) {
        self.errors += other.errors;
        self.warnings += other.warnings;
        self.infos += other.infos;
        self.messages += other.messages;
        self.translated += other.translated;
        self.missing += other.missing;
        self.missing_files += other.missing_files;
        self.obsolete += other.obsolete;
        self.obsolete_files += other.obsolete_files;
        self.stale += other.stale;
        self.unverified += other.unverified;
    }
}

/// Counts per locale: every checked locale, plus any other locale a finding is about (the
/// source locale, for syntax errors in the English files), sorted by name.
pub fn locale_counts(summary: &CheckSummary) -> BTreeMap<String, LocaleCounts> {
    let mut out: BTreeMap<String, LocaleCounts> = summary
        .locales
        .iter()
        .map(|locale| (locale.clone(), LocaleCounts::default()))
        .collect();
    let files = file_counts(&summary.stats);
    for (locale, stats) in totals(&summary.stats) {
        let (missing_files, obsolete_files) = files.get(&locale).copied().unwrap_or_default();
        let counts = out.entry(locale).or_default();
        counts.messages = stats.messages;
        counts.translated = stats.translated;
        counts.missing = stats.missing;
        counts.obsolete = stats.obsolete;
        counts.stale = stats.stale;
        counts.unverified = stats.unverified;
        counts.missing_files = missing_files;
        counts.obsolete_files = obsolete_files;
    }
    for finding in &summary.findings {
        // Every locale but an odd one (the reference's) is there already: no key to copy.
        let counts = match out.get_mut(&finding.locale) {
            Some(counts) => counts,
            None => out.entry(finding.locale.clone()).or_default(),
        };
        match finding.level {
            Level::Error => counts.errors += 1,
            Level::Warning => counts.warnings += 1,
            Level::Info | Level::Off => counts.infos += 1,
        }
    }
    out
}

/// The sum over all locales.
pub fn total_counts(per_locale: &BTreeMap<String, LocaleCounts>) -> LocaleCounts {
    let mut total = LocaleCounts::default();
    for counts in per_locale.values() {
        total.add(counts);
    }
    total
}

/// `path` with `/` between components on every platform, for machine formats.
pub(crate) fn slash_path(path: &Path) -> String {
    // Where `/` is the separator, a UTF-8 path that `components` would not tidy (no empty
    // or `.` component past the first, no trailing `/`) is already written so.
    if std::path::MAIN_SEPARATOR == '/'
        && let Some(text) = path.to_str()
        && !text.contains("//")
        && !text.contains("/./")
        && !(text.ends_with('/') && text.len() > 1)
        && !text.ends_with("/.")
    {
        return text.to_owned();
    }
    let mut out = String::with_capacity(path.as_os_str().len());
    for component in path.components() {
        let part = match component {
            Component::RootDir => {
                out.push('/');
                continue;
            }
            Component::Prefix(prefix) => prefix.as_os_str().to_string_lossy(),
            Component::CurDir => ".".into(),
            Component::ParentDir => "..".into(),
            Component::Normal(name) => name
                .to_str()
                .map_or_else(|| name.to_string_lossy(), Cow::Borrowed),
        };
        if !out.is_empty() && !out.ends_with('/') {
            out.push('/');
        }
        out.push_str(&part);
    }
    out
}

/// "1 error", "2 errors": a count of a noun whose plural takes an `s` (every count kurso
/// prints; the binary uses it too).
pub fn plural<N>(n: N, singular: &str) -> String
where
    N: fmt::Display + PartialEq + From<u8> + Copy,
{
    if n == N::from(1) {
        format!("1 {singular}")
    } else {
        format!("{n} {singular}s")
    }
}

/// "2 errors, 1 warning, 3 info" (zero counts left out), or "no findings".
pub(crate) fn level_list(errors: usize, warnings: usize, infos: usize) -> String {
    let mut parts = Vec::new();
    if errors > 0 {
        parts.push(plural(errors, "error"));
    }
    if warnings > 0 {
        parts.push(plural(warnings, "warning"));
    }
    if infos > 0 {
        parts.push(format!("{infos} info"));
    }
    if parts.is_empty() {
        "no findings".to_owned()
    } else {
        parts.join(", ")
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::check::finding::{DiffPart, Finding};
    use crate::span::Position;

    /// A finding with a position and snippet, for every renderer's tests.
    pub(crate) fn finding(rule: &'static str, level: Level, locale: &str, path: &str) -> Finding {
        let mut f = Finding::new(rule, level, locale, PathBuf::from(path));
        f.message = format!("{rule} here");
        f
    }

    pub(crate) fn at(mut f: Finding, line: usize, column: usize, snippet: &str) -> Finding {
        f.position = Some(Position { line, column });
        f.snippet = Some(snippet.to_owned());
        f
    }

    /// A stale finding in Greek, with a word diff.
    pub(crate) fn stale_el() -> Finding {
        let mut f = at(
            finding("stale", Level::Error, "el", "locales/el/course.ftl"),
            3,
            1,
            "dose = Δώστε 5 mg τώρα",
        );
        f.id = Some("dose".to_owned());
        f.message = "the English of `dose` changed since it was translated (machine)".to_owned();
        f.help = Some("update the translation, then `kurso accept el --id dose`".to_owned());
        f.reference = Some("locales/en/course.ftl:3:1".to_owned());
        f.diff = Some(vec![
            DiffPart::Equal("Give ".into()),
            DiffPart::Delete("5".into()),
            DiffPart::Insert("50".into()),
            DiffPart::Equal(" mg now".into()),
        ]);
        f.translation = Some("Δώστε 5 mg τώρα".to_owned());
        f
    }

    pub(crate) fn summary(findings: Vec<Finding>) -> CheckSummary {
        let mut locales: Vec<String> = findings.iter().map(|f| f.locale.clone()).collect();
        locales.sort();
        locales.dedup();
        CheckSummary {
            findings,
            locales,
            files_checked: 2,
            ..CheckSummary::default()
        }
    }

    #[test]
    fn format_names_round_trip() {
        for format in Format::ALL {
            assert_eq!(format.as_str().parse::<Format>(), Ok(format));
        }
        assert!("xml".parse::<Format>().is_err());
    }

    #[test]
    fn locale_counts_count_levels_per_locale_and_include_clean_locales() {
        let mut s = summary(vec![
            finding("stale", Level::Error, "el", "a.ftl"),
            finding("unverified", Level::Warning, "el", "a.ftl"),
            finding("syntax", Level::Error, "en", "b.ftl"),
        ]);
        s.locales.push("it".to_owned());
        let counts = locale_counts(&s);
        assert_eq!(counts.keys().collect::<Vec<_>>(), ["el", "en", "it"]);
        assert_eq!((counts["el"].errors, counts["el"].warnings), (1, 1));
        assert_eq!(counts["it"].findings(), 0);
        assert_eq!(total_counts(&counts).errors, 2);
    }

    #[test]
    fn slash_path_uses_forward_slashes() {
        let path: PathBuf = ["locales", "el", "course.ftl"].iter().collect();
        assert_eq!(slash_path(&path), "locales/el/course.ftl");
    }

    /// The path as written when it is already tidy, else its components joined by `/`.
    #[cfg(unix)]
    #[test]
    fn slash_path_tidies_what_components_tidy() {
        for (path, want) in [
            ("locales/el/course.ftl", "locales/el/course.ftl"),
            ("../shared/el/a.ftl", "../shared/el/a.ftl"),
            ("./a/b", "./a/b"),
            ("/abs/a", "/abs/a"),
            ("/", "/"),
            (".", "."),
            ("", ""),
            ("a//b", "a/b"),
            ("a/./b", "a/b"),
            ("././a", "./a"),
            ("a/b/", "a/b"),
            ("a/b/.", "a/b"),
            ("//a", "/a"),
            ("a/../b", "a/../b"),
        ] {
            assert_eq!(slash_path(Path::new(path)), want, "{path}");
        }
    }
}
