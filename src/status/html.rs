//! The status page: one self-contained HTML file a maintainer can publish or attach to a pull
//! request (`kurso status --format html`), and that `kurso review` serves as it is.
//!
//! What it shows: per course and locale a stacked bar of what a reader gets (approved,
//! reviewed, machine drafts, stale, unverified, missing: together every message of the
//! course) beside the same figures as numbers; the check findings per rule, level and locale;
//! the glossary concepts the courses use and how many have a term in each locale; the
//! problems met reading the project.
//!
//! Invariants:
//! - Self-contained: the CSS is inline (`status.css`), no script, font, image or link leaves
//!   the file; it reads the same printed, offline or with styles off (the bars' figures are
//!   text in the table, and each bar says its figures in words for screen readers).
//! - Every text from the project (course names, locale codes, messages, concept IDs) goes
//!   through [`Escaped`]; the output is well-formed XHTML too (every element closed, no named
//!   entity but the five of XML), so an XML parser reads it.
//! - Deterministic: the same report and options give the same bytes; no clock is read (a
//!   date appears only when the caller passes one).
//! - A bar's segments are whole tenths of a percent that add up to exactly 100% (rounded
//!   cumulatively), so a bar never wraps or falls short.
//!
//! Plain `write!` rather than a template engine: the page is four small tables, each drawn by
//! one function here; one escaping type covers every interpolation, and a template crate
//! would add a build step and a second place where escaping is decided for this one page.

use std::fmt::{self, Write as _};

use super::StatusRow;
use super::report::{FindingCount, GlossaryCoverage, StatusReport};
use crate::check::finding::Level;
use crate::report::plural;

/// The style sheet, inlined into every page.
const STYLE: &str = include_str!("status.css");

/// How to render the page.
#[derive(Debug, Clone, Default)]
pub struct HtmlOptions {
    /// The page's title and heading (default: "Translation status").
    pub title: Option<String>,
    /// Shown as "Generated on …" when set; the binary passes the date of `SOURCE_DATE_EPOCH`
    /// when that is set, and nothing otherwise, so the page stays reproducible.
    pub generated_on: Option<String>,
}

/// One part of a status bar: what a reader of the locale gets for some of the messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Segment {
    /// CSS class suffix and legend key (`approved`, `reviewed`, …).
    pub key: &'static str,
    pub count: usize,
    /// Width in tenths of a percent of the bar.
    pub tenths: usize,
}

/// The segments of a bar, in legend order, and what each means.
const SEGMENTS: [(&str, &str); 6] = [
    (
        "approved",
        "approved: a person approved the text for today's English",
    ),
    (
        "reviewed",
        "reviewed or edited: a person made or checked the text for today's English",
    ),
    (
        "machine",
        "machine: a draft no person has accepted yet (it does not ship by default)",
    ),
    (
        "stale",
        "stale: a person's text made from older English (kurso diff shows the change)",
    ),
    (
        "unverified",
        "unverified: text with no state record (kurso accept adopts it)",
    ),
    (
        "missing",
        "missing: no text along the chain, readers get the English",
    ),
];

/// The bar of `row`: every message in exactly one segment, widths adding up to 1000 tenths
/// (none for a course without messages).
pub fn bar_segments(row: &StatusRow) -> Vec<Segment> {
    let counts = [
        row.approved,
        row.reviewed - row.approved,
        row.machine,
        row.stale_by_person(),
        row.unverified,
        row.missing,
    ];
    let mut segments = Vec::new();
    if row.messages == 0 {
        return segments;
    }
    let (mut before, mut start) = (0, 0);
    for ((key, _), count) in SEGMENTS.iter().zip(counts) {
        before += count;
        let end = (before * 1000 + row.messages / 2) / row.messages;
        segments.push(Segment {
            key,
            count,
            tenths: end - start,
        });
        start = end;
    }
    segments
}

/// The page for `report`.
pub fn render_status_html(report: &StatusReport, options: &HtmlOptions) -> String {
    let title = options.title.as_deref().unwrap_or("Translation status");
    let mut html = String::new();
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\" />\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />\n\
         <meta name=\"generator\" content=\"kurso\" />\n<title>{}</title>\n<style>\n{STYLE}</style>\n\
         </head>\n<body>\n<header>\n<h1>{}</h1>\n",
        Escaped(title),
        Escaped(title)
    );
    let courses = report
        .rows
        .iter()
        .map(|row| row.course.as_str())
        .collect::<std::collections::BTreeSet<_>>()
        .len();
    let _ = write!(
        html,
        "<p class=\"lede\">{} in {} (translated from <code>{}</code>).",
        plural(courses, "course"),
        plural(report.locales.len(), "locale"),
        Escaped(&report.source_locale)
    );
    if let Some(date) = &options.generated_on {
        let _ = write!(html, " Generated on {}.", Escaped(date));
    }
    html.push_str(
        "</p>\n<nav aria-label=\"Sections\"><a href=\"#progress\">Progress</a> \
         <a href=\"#findings\">Findings</a> <a href=\"#glossary\">Glossary</a>",
    );
    if !report.diagnostics.is_empty() {
        html.push_str(" <a href=\"#problems\">Problems</a>");
    }
    html.push_str("</nav>\n</header>\n<main>\n");
    progress(&mut html, &report.rows);
    findings(&mut html, report);
    glossary(&mut html, report.glossary.as_ref(), &report.locales);
    problems(&mut html, report);
    html.push_str("</main>\n</body>\n</html>\n");
    html
}

/// The legend and one table per course: a row per locale with its bar and figures.
fn progress(html: &mut String, rows: &[StatusRow]) {
    html.push_str(
        "<section id=\"progress\" aria-labelledby=\"progress-title\">\n\
         <h2 id=\"progress-title\">Progress per course and locale</h2>\n\
         <p>What a reader of each locale gets, counted along its fallback chain (el-CY counts \
         el's text). <em>Reviewed</em> is what a person made or checked for today's English; \
         <em>drafted</em> is any text, machine drafts included.</p>\n<ul class=\"legend\">\n",
    );
    for (key, meaning) in SEGMENTS {
        let _ = writeln!(
            html,
            "<li><span class=\"swatch s-{key}\" aria-hidden=\"true\"></span>{}</li>",
            Escaped(meaning)
        );
    }
    html.push_str("</ul>\n");
    if rows.is_empty() {
        html.push_str("<p>No courses to report.</p>\n");
    }
    for course_rows in rows.chunk_by(|a, b| a.course == b.course) {
        let first = &course_rows[0];
        let _ = write!(
            html,
            "<table class=\"status\" data-course=\"{course}\">\n<caption>{course} \
             <span class=\"count\">{}</span></caption>\n<thead><tr><th scope=\"col\">Locale</th>\
             <th scope=\"col\" class=\"bar-col\">What a reader gets</th>\
             <th scope=\"col\">Reviewed</th><th scope=\"col\">Drafted</th>\
             <th scope=\"col\">Approved</th><th scope=\"col\">Machine</th>\
             <th scope=\"col\">Stale</th><th scope=\"col\">Unverified</th>\
             <th scope=\"col\">Missing</th></tr></thead>\n<tbody>\n",
            plural(first.messages, "message"),
            course = Escaped(&first.course),
        );
        for row in course_rows {
            status_row(html, row);
        }
        html.push_str("</tbody>\n</table>\n");
    }
    html.push_str("</section>\n");
}

fn status_row(html: &mut String, row: &StatusRow) {
    let locale = Escaped(&row.locale);
    let _ = write!(
        html,
        "<tr data-locale=\"{locale}\"><th scope=\"row\">{locale}</th><td>"
    );
    let segments = bar_segments(row);
    if segments.is_empty() {
        html.push_str("no messages");
    } else {
        let words: Vec<String> = segments
            .iter()
            .map(|segment| format!("{} {}", segment.key, segment.count))
            .collect();
        let _ = write!(
            html,
            "<div class=\"bar\"><span class=\"visually-hidden\">{} of {}</span>",
            words.join(", "),
            plural(row.messages, "message")
        );
        for segment in segments.iter().filter(|segment| segment.tenths > 0) {
            let _ = write!(
                html,
                "<span class=\"seg s-{key}\" style=\"width: {}.{}%\" title=\"{key}: {}\" \
                 data-count=\"{}\" aria-hidden=\"true\"></span>",
                segment.tenths / 10,
                segment.tenths % 10,
                segment.count,
                segment.count,
                key = segment.key,
            );
        }
        html.push_str("</div>");
    }
    let _ = writeln!(
        html,
        "</td><td class=\"num\">{:.1}%</td><td class=\"num\">{:.1}%</td>{}{}{}{}{}</tr>",
        row.reviewed_percent(),
        row.drafted_percent(),
        Count(row.approved),
        Count(row.machine),
        Count(row.stale),
        Count(row.unverified),
        Count(row.missing),
    );
}

/// Findings per rule and level (a row each), a column per locale.
fn findings(html: &mut String, report: &StatusReport) {
    html.push_str(
        "<section id=\"findings\" aria-labelledby=\"findings-title\">\n\
         <h2 id=\"findings-title\">Findings of <code>kurso check</code></h2>\n",
    );
    let total = |level: Level| -> usize {
        report
            .findings
            .iter()
            .filter(|count| count.level == level)
            .map(FindingCount::total)
            .sum()
    };
    let _ = write!(
        html,
        "<p>{}, {}, {}",
        plural(total(Level::Error), "error"),
        plural(total(Level::Warning), "warning"),
        plural(total(Level::Info), "note"),
    );
    if report.suppressed > 0 {
        let _ = write!(
            html,
            "; {} silenced by the project's policy",
            plural(report.suppressed, "finding")
        );
    }
    html.push_str(
        ". Levels follow <code>[check]</code> in kurso.toml; \
         <code>kurso explain RULE</code> says what a rule finds and how to fix it.</p>\n",
    );
    if report.findings.is_empty() {
        html.push_str("<p class=\"clean\">No findings.</p>\n</section>\n");
        return;
    }
    html.push_str(
        "<table class=\"findings\">\n<caption>Findings per rule and locale</caption>\n\
         <thead><tr><th scope=\"col\">Rule</th><th scope=\"col\">Level</th>\
         <th scope=\"col\">What it finds</th>",
    );
    for locale in &report.locales {
        let _ = write!(html, "<th scope=\"col\">{}</th>", Escaped(locale));
    }
    html.push_str("<th scope=\"col\">Total</th></tr></thead>\n<tbody>\n");
    for count in &report.findings {
        let summary = crate::check::rules::lookup(count.rule).map_or("", |rule| rule.summary);
        let _ = write!(
            html,
            "<tr class=\"level-{level}\" data-rule=\"{rule}\"><th scope=\"row\"><code>{rule}</code>\
             </th><td><span class=\"level {level}\">{level}</span></td><td>{}</td>",
            Escaped(summary),
            rule = Escaped(count.rule),
            level = count.level,
        );
        for locale in &report.locales {
            let _ = write!(
                html,
                "{}",
                Count(count.by_locale.get(locale).copied().unwrap_or(0))
            );
        }
        let _ = writeln!(html, "{}</tr>", Count(count.total()));
    }
    html.push_str("</tbody>\n<tfoot><tr><th scope=\"row\" colspan=\"3\">All findings</th>");
    for locale in &report.locales {
        let n: usize = report
            .findings
            .iter()
            .filter_map(|count| count.by_locale.get(locale))
            .sum();
        let _ = write!(html, "{}", Count(n));
    }
    let all: usize = report.findings.iter().map(FindingCount::total).sum();
    let _ = writeln!(html, "{}</tr></tfoot>\n</table>\n</section>", Count(all));
}

/// Concepts used per course, and per locale how many have a term.
fn glossary(html: &mut String, coverage: Option<&GlossaryCoverage>, locales: &[String]) {
    html.push_str(
        "<section id=\"glossary\" aria-labelledby=\"glossary-title\">\n\
         <h2 id=\"glossary-title\">Glossary coverage</h2>\n",
    );
    let Some(coverage) = coverage else {
        html.push_str(
            "<p>The project has no glossary concepts (<code>glossaries/</code>): \
             the <code>glossary</code> rule checks nothing.</p>\n</section>\n",
        );
        return;
    };
    let _ = write!(
        html,
        "<p>Of the glossary's {}, the concepts each course's English uses, and how many of \
         them have a term in each locale (along its fallback chain). A concept without a term \
         is not checked in that locale.</p>\n<table class=\"glossary\">\n\
         <caption>Used concepts with a term</caption>\n<thead><tr><th scope=\"col\">Course</th>\
         <th scope=\"col\">Concepts used</th>",
        plural(coverage.concepts, "concept")
    );
    for locale in locales {
        let _ = write!(html, "<th scope=\"col\">{}</th>", Escaped(locale));
    }
    html.push_str("</tr></thead>\n<tbody>\n");
    for course in &coverage.courses {
        let _ = write!(
            html,
            "<tr data-course=\"{name}\"><th scope=\"row\">{name}</th>{}",
            Count(course.used.len()),
            name = Escaped(&course.course),
        );
        for locale in locales {
            let with = course.with_term(locale);
            let _ = write!(
                html,
                "<td class=\"num\">{with} <span class=\"of\">of {}</span></td>",
                course.used.len()
            );
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</tbody>\n</table>\n");
    let lacking: Vec<(&str, &str, &[String])> = coverage
        .courses
        .iter()
        .flat_map(|course| {
            locales.iter().filter_map(|locale| {
                let ids = course.without_term.get(locale)?;
                (!ids.is_empty()).then_some((course.course.as_str(), locale.as_str(), &ids[..]))
            })
        })
        .collect();
    if !lacking.is_empty() {
        html.push_str("<details>\n<summary>Used concepts without a term</summary>\n<dl>\n");
        for (course, locale, ids) in lacking {
            let _ = write!(
                html,
                "<dt>{} · {}</dt><dd>",
                Escaped(course),
                Escaped(locale)
            );
            for (index, id) in ids.iter().enumerate() {
                let comma = if index + 1 < ids.len() { ", " } else { "" };
                let _ = write!(html, "<code>{}</code>{comma}", Escaped(id));
            }
            html.push_str("</dd>\n");
        }
        html.push_str("</dl>\n</details>\n");
    }
    html.push_str("</section>\n");
}

/// What could not be read, as `kurso status` prints it on stderr.
fn problems(html: &mut String, report: &StatusReport) {
    if report.diagnostics.is_empty() {
        return;
    }
    html.push_str(
        "<section id=\"problems\" aria-labelledby=\"problems-title\">\n\
         <h2 id=\"problems-title\">Problems reading the project</h2>\n\
         <p>The figures above leave out what could not be read.</p>\n<ul>\n",
    );
    for diagnostic in &report.diagnostics {
        let _ = writeln!(
            html,
            "<li><pre>{}</pre></li>",
            Escaped(&diagnostic.render(false))
        );
    }
    html.push_str("</ul>\n</section>\n");
}

/// A number in a table cell; zero is dimmed.
struct Count(usize);

impl fmt::Display for Count {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0 == 0 {
            f.write_str("<td class=\"num zero\">0</td>")
        } else {
            write!(f, "<td class=\"num\">{}</td>", self.0)
        }
    }
}

/// Text escaped for HTML element content and quoted attribute values.
pub struct Escaped<'a>(pub &'a str);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut rest = self.0;
        while let Some(at) = rest.find(['&', '<', '>', '"', '\'']) {
            f.write_str(&rest[..at])?;
            f.write_str(match rest.as_bytes()[at] {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                _ => "&#39;",
            })?;
            rest = &rest[at + 1..];
        }
        f.write_str(rest)
    }
}

#[cfg(test)]
mod tests;
