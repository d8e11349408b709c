//! Everything the status page shows, gathered once: the status rows, the check findings
//! counted per rule, level and locale, and the glossary coverage per course and locale.
//!
//! [`status_report`] makes the same library calls the commands make: [`super::status`] as
//! `kurso status`, [`check_layout`] with the project's `[check]` policy, glossary and source
//! modules as `kurso check`, and the glossary's [`Matcher`] as `kurso glossary coverage`. It
//! never prints and never fails: what could not be read is in `diagnostics`, and the rest is
//! still counted. The `kurso review` server serves the page from the same call.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use crate::check::finding::Level;
use crate::check::{CheckOptions, Layout, check_layout};
use crate::diagnostic::Diagnostic;
use crate::glossary::matcher::Matcher;
use crate::glossary::{self, Glossary};
use crate::project::Project;

use super::StatusRow;

/// What `kurso status --format html` shows.
#[derive(Debug, Default)]
pub struct StatusReport {
    /// The source locale (`en`).
    pub source_locale: String,
    /// The locales reported, in the layout's order.
    pub locales: Vec<String>,
    /// Per course and locale, courses sorted (as `kurso status`).
    pub rows: Vec<StatusRow>,
    /// Findings of every rule that found something, by level (most severe first), then code.
    pub findings: Vec<FindingCount>,
    /// Findings the policy silenced (`off` levels, `# kurso-allow`, `[[check.allow]]`).
    pub suppressed: usize,
    /// `None` when the project has no glossary concepts.
    pub glossary: Option<GlossaryCoverage>,
    /// Problems reading the project (unreadable files, broken state or glossary files).
    pub diagnostics: Vec<Diagnostic>,
}

/// The findings of one rule at one level, per locale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindingCount {
    /// The rule's code (`missing`, `stale`, …).
    pub rule: &'static str,
    pub level: Level,
    /// Findings per locale; locales without any are absent.
    pub by_locale: BTreeMap<String, usize>,
}

impl FindingCount {
    pub fn total(&self) -> usize {
        self.by_locale.values().sum()
    }
}

/// Which glossary concepts the courses' English uses, and how many of them each locale has a
/// term for (along its fallback chain, as the `glossary` rule looks terms up).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct GlossaryCoverage {
    /// Concepts in the glossary.
    pub concepts: usize,
    /// Per course, sorted.
    pub courses: Vec<CourseTerms>,
}

/// One course's use of the glossary.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CourseTerms {
    pub course: String,
    /// Concept IDs its English messages use, sorted.
    pub used: Vec<String>,
    /// Per locale (in the report's order): the used concepts that have no term there, sorted.
    pub without_term: BTreeMap<String, Vec<String>>,
}

impl CourseTerms {
    /// Used concepts with a term in `locale`.
    pub fn with_term(&self, locale: &str) -> usize {
        self.used.len() - self.without_term.get(locale).map_or(0, Vec::len)
    }
}

/// Counts `layout` (a kurso project's layout; `courses` as given to it) for the status page.
pub fn status_report(project: &Project, layout: &Layout, courses: &[String]) -> StatusReport {
    let summary = super::status(layout);
    let dir = project.root.join(&project.config.paths.glossaries);
    let (glossary, glossary_problems) = if dir.is_dir() {
        glossary::load_dir(&dir, project.relative(&dir))
    } else {
        (Glossary::default(), Vec::new())
    };
    let glossary = (!glossary.concepts.is_empty()).then(|| Arc::new(glossary));
    let opts = CheckOptions {
        policy: project.config.check.clone(),
        glossary: glossary.clone(),
        modules: crate::build::course_modules(project, courses),
        ..CheckOptions::default()
    };
    let checked = check_layout(layout, &opts);
    let mut diagnostics = summary.diagnostics;
    diagnostics.extend(checked.diagnostics);
    diagnostics.extend(glossary_problems);
    diagnostics.sort_by_key(Diagnostic::sort_key);
    diagnostics.dedup();
    StatusReport {
        source_locale: layout.reference.name.clone(),
        locales: layout.locales.iter().map(|l| l.name.clone()).collect(),
        rows: summary.rows,
        findings: count_findings(&checked.findings),
        suppressed: checked.suppressed,
        glossary: glossary.map(|glossary| glossary_coverage(&glossary, layout)),
        diagnostics,
    }
}

/// Findings counted per (rule, level) and locale: most severe level first, then by code.
pub fn count_findings(findings: &[crate::check::finding::Finding]) -> Vec<FindingCount> {
    let mut counts: BTreeMap<(std::cmp::Reverse<Level>, &'static str), BTreeMap<String, usize>> =
        BTreeMap::new();
    for finding in findings {
        *counts
            .entry((std::cmp::Reverse(finding.level), finding.rule))
            .or_default()
            .entry(finding.locale.clone())
            .or_default() += 1;
    }
    counts
        .into_iter()
        .map(|((level, rule), by_locale)| FindingCount {
            rule,
            level: level.0,
            by_locale,
        })
        .collect()
}

/// The concepts each course's English uses, and per locale those without a term.
fn glossary_coverage(glossary: &Arc<Glossary>, layout: &Layout) -> GlossaryCoverage {
    let reference = Layout {
        locales: Vec::new(),
        fallbacks: Vec::new(),
        ..layout.clone()
    }
    .load();
    let source = layout.reference.name.as_str();
    // English texts by course (the first folder of each file's path).
    let mut texts: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for (rel, doc) in &reference.reference.docs {
        let course = rel.split_once('/').map_or("", |(course, _)| course);
        texts
            .entry(course)
            .or_default()
            .extend(doc.iter().map(|entry| entry.text()));
    }
    let mut courses: Vec<CourseTerms> = texts
        .keys()
        .map(|course| CourseTerms {
            course: (*course).to_owned(),
            ..CourseTerms::default()
        })
        .collect();
    for (index, locale) in layout.locales.iter().enumerate() {
        // Spotting depends only on the English, so any locale's matcher finds the same
        // concepts; each locale's own matcher says which have a term along its chain.
        let matcher = Matcher::new(glossary, source, &locale.chain);
        for (course, texts) in courses.iter_mut().zip(texts.values()) {
            let used: BTreeSet<usize> = texts
                .iter()
                .flat_map(|text| matcher.spot(text))
                .map(|spotted| spotted.concept)
                .collect();
            if index == 0 {
                course.used = sorted_ids(&matcher, used.iter().copied());
            }
            let without = used.into_iter().filter(|&c| !matcher.has_target(c));
            course
                .without_term
                .insert(locale.name.clone(), sorted_ids(&matcher, without));
        }
    }
    GlossaryCoverage {
        concepts: glossary.concepts.len(),
        courses,
    }
}

fn sorted_ids(matcher: &Matcher, concepts: impl Iterator<Item = usize>) -> Vec<String> {
    let ids: BTreeSet<String> = concepts.map(|c| matcher.concept(c).id.clone()).collect();
    ids.into_iter().collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::finding::Finding;

    fn finding(rule: &'static str, level: Level, locale: &str) -> Finding {
        Finding::new(rule, level, locale, "x.ftl".into())
    }

    #[test]
    fn findings_are_counted_per_rule_level_and_locale_errors_first() {
        let findings = [
            finding("stale", Level::Warning, "el"),
            finding("missing", Level::Warning, "el"),
            finding("missing", Level::Error, "fi"),
            finding("missing", Level::Warning, "el"),
            finding("missing", Level::Warning, "it"),
            finding("empty", Level::Info, "it"),
        ];
        let counts: Vec<String> = count_findings(&findings)
            .iter()
            .map(|count| format!("{} {} {:?}", count.rule, count.level, count.by_locale))
            .collect();
        assert_eq!(
            counts,
            [
                r#"missing error {"fi": 1}"#,
                r#"missing warning {"el": 2, "it": 1}"#,
                r#"stale warning {"el": 1}"#,
                r#"empty info {"it": 1}"#,
            ]
        );
    }
}
