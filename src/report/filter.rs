//! Which findings a report shows: `kurso check --rule CODE… --level LEVEL` (and `--quiet`,
//! which shows only the findings at or above `--fail-on`).
//!
//! Invariant: a filter changes what is shown, never what is found: every format renders the
//! same shown findings, counts them, and says how many were hidden ([`Hidden`]); the exit
//! status is the binary's, computed from the whole run before filtering, so a filter can
//! never turn a failing run into a passing one.

use std::borrow::Cow;
use std::fmt;

use crate::check::CheckSummary;
use crate::check::finding::{Finding, Level};

/// What to show. The default shows everything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Only findings of these rule codes (empty: every rule).
    pub rules: Vec<String>,
    /// Only findings at or above this level (`None`: every level).
    pub level: Option<Level>,
    /// The level comes from `--quiet` (only what fails the run), for describing the filter.
    pub quiet: bool,
}

/// Findings a filter hid, by level.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Hidden {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
}

impl Hidden {
    pub fn total(&self) -> usize {
        self.errors + self.warnings + self.infos
    }

    /// The hidden findings at or above `level` (those that fail a run at `--fail-on level`).
    #[must_use]
    pub fn at_or_above(&self, level: Level) -> Hidden {
        Hidden {
            errors: self.errors,
            warnings: if level <= Level::Warning {
                self.warnings
            } else {
                0
            },
            infos: if level <= Level::Info { self.infos } else { 0 },
        }
    }

    fn add(&mut self, level: Level) {
        match level {
            Level::Error => self.errors += 1,
            Level::Warning => self.warnings += 1,
            Level::Info | Level::Off => self.infos += 1,
        }
    }
}

impl fmt::Display for Hidden {
    /// "1 error, 5080 warnings".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&super::level_list(self.errors, self.warnings, self.infos))
    }
}

impl Filter {
    /// Shows only what fails a run at `fail_on` (`--quiet`), within this filter.
    #[must_use]
    pub fn failing_only(mut self, fail_on: Level) -> Filter {
        self.level = Some(self.level.map_or(fail_on, |level| level.max(fail_on)));
        self.quiet = true;
        self
    }

    /// Whether anything could be hidden.
    pub fn is_active(&self) -> bool {
        !self.rules.is_empty() || self.level.is_some_and(|level| level > Level::Info)
    }

    pub fn keeps(&self, finding: &Finding) -> bool {
        (self.rules.is_empty() || self.rules.iter().any(|rule| rule == finding.rule))
            && self.level.is_none_or(|level| finding.level >= level)
    }

    /// The summary with only the findings this filter keeps, and what it hid. Statistics,
    /// diagnostics and suppressions are the run's, unchanged. When nothing is hidden the
    /// summary is the run's own, not a copy.
    pub fn apply<'a>(&self, summary: &'a CheckSummary) -> (Cow<'a, CheckSummary>, Hidden) {
        let hidden = self.hidden(summary);
        if hidden.total() == 0 {
            return (Cow::Borrowed(summary), hidden);
        }
        let shown = CheckSummary {
            findings: summary
                .findings
                .iter()
                .filter(|finding| self.keeps(finding))
                .cloned()
                .collect(),
            suppressed: summary.suppressed,
            stats: summary.stats.clone(),
            diagnostics: summary.diagnostics.clone(),
            locales: summary.locales.clone(),
            files_checked: summary.files_checked,
        };
        (Cow::Owned(shown), hidden)
    }

    /// The findings of `summary` this filter hides, by level.
    pub fn hidden(&self, summary: &CheckSummary) -> Hidden {
        let mut hidden = Hidden::default();
        for finding in summary.findings.iter().filter(|f| !self.keeps(f)) {
            hidden.add(finding.level);
        }
        hidden
    }
}

impl fmt::Display for Filter {
    /// As given on the command line: "--rule stale --rule numbers --level error" (or
    /// "--quiet" for the level `--quiet` set).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts: Vec<String> = self.rules.iter().map(|r| format!("--rule {r}")).collect();
        if self.quiet {
            parts.push("--quiet".to_owned());
        } else if let Some(level) = self.level.filter(|level| *level > Level::Info) {
            parts.push(format!("--level {level}"));
        }
        f.write_str(&parts.join(" "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::tests::{finding, summary};

    fn run() -> CheckSummary {
        summary(vec![
            finding("stale", Level::Error, "el", "a.ftl"),
            finding("glossary", Level::Warning, "el", "a.ftl"),
            finding("glossary", Level::Warning, "it", "b.ftl"),
            finding("length", Level::Info, "it", "b.ftl"),
        ])
    }

    fn rules_of(summary: &CheckSummary) -> Vec<&str> {
        summary.findings.iter().map(|f| f.rule).collect()
    }

    #[test]
    fn default_shows_everything_and_hides_nothing() {
        let summary = run();
        let (shown, hidden) = Filter::default().apply(&summary);
        assert!(
            matches!(shown, Cow::Borrowed(_)),
            "nothing hidden: the run's own summary, not a copy"
        );
        assert_eq!(shown.findings, run().findings);
        assert_eq!(hidden, Hidden::default());
        assert!(!Filter::default().is_active());
    }

    #[test]
    fn rule_filter_keeps_only_those_rules_and_counts_the_rest_by_level() {
        let filter = Filter {
            rules: vec!["glossary".to_owned(), "length".to_owned()],
            ..Filter::default()
        };
        let summary = run();
        let (shown, hidden) = filter.apply(&summary);
        assert_eq!(rules_of(&shown), ["glossary", "glossary", "length"]);
        assert_eq!(
            hidden,
            Hidden {
                errors: 1,
                warnings: 0,
                infos: 0
            }
        );
        assert_eq!(filter.to_string(), "--rule glossary --rule length");
    }

    #[test]
    fn level_filter_keeps_that_level_and_above() {
        let filter = Filter {
            level: Some(Level::Warning),
            ..Filter::default()
        };
        let summary = run();
        let (shown, hidden) = filter.apply(&summary);
        assert_eq!(rules_of(&shown), ["stale", "glossary", "glossary"]);
        assert_eq!(hidden.infos, 1);
        assert_eq!(hidden.at_or_above(Level::Warning).total(), 0);
        assert_eq!(filter.to_string(), "--level warning");
    }

    #[test]
    fn failing_only_never_lowers_a_stricter_level() {
        let quiet = Filter::default().failing_only(Level::Warning);
        assert_eq!(quiet.level, Some(Level::Warning));
        assert_eq!(quiet.to_string(), "--quiet");
        let strict = Filter {
            level: Some(Level::Error),
            ..Filter::default()
        };
        assert_eq!(strict.failing_only(Level::Info).level, Some(Level::Error));
    }

    #[test]
    fn hidden_counts_what_would_fail_a_run() {
        let hidden = Hidden {
            errors: 2,
            warnings: 3,
            infos: 4,
        };
        assert_eq!(hidden.at_or_above(Level::Error).to_string(), "2 errors");
        assert_eq!(
            hidden.at_or_above(Level::Warning).to_string(),
            "2 errors, 3 warnings"
        );
        assert_eq!(hidden.at_or_above(Level::Info), hidden);
        assert_eq!(hidden.to_string(), "2 errors, 3 warnings, 4 info");
    }
}
