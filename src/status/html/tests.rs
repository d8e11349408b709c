//! Tests of the status page: escaping, the bars' figures and widths on a small project, every
//! rule with findings listed, well-formed and deterministic output.

use std::collections::BTreeMap;

use scraper::{Html, Selector};

use super::*;
use crate::check::Layout;
use crate::project::Project;
use crate::status::report::{CourseTerms, status_report};

/// Writes `files` (path, text) under a fresh folder and opens it as a project.
fn project(files: &[(&str, &str)]) -> (tempfile::TempDir, Project) {
    let dir = tempfile::tempdir().expect("temporary folder");
    for (path, text) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().expect("has a folder")).expect("folder");
        std::fs::write(&path, text).expect("written");
    }
    let project = Project::open(dir.path()).expect("a project");
    (dir, project)
}

fn record(status: &str, source: &str) -> String {
    format!("status = \"{status}\"\norigin = \"human\"\nsource = \"{source}\"\n")
}

/// One course of four messages. el: `a` approved, `b` a machine draft, `c` reviewed against
/// older English; `d` missing. A glossary whose `hands` concept has a Greek term and whose
/// `dose` concept has none. el-CY inherits el; its own file has only an entry the English
/// no longer has.
fn greek() -> (tempfile::TempDir, Project) {
    let el_state = format!(
        "[a]\n{}\n[b]\n{}\n[c]\n{}",
        record("approved", "Give 5 mg dose"),
        record("machine", "Wash hands"),
        record("reviewed", "Ask"),
    );
    project(&[
        (
            "kurso.toml",
            "target-locales = [\"el\", \"el-CY\"]\n[check.locales.el-CY]\nmissing = \"off\"\n",
        ),
        (
            "glossaries/g.csv",
            "id,en,el\nhands,hands,χέρια\ndose,dose,\n",
        ),
        (
            "locales/en/ward/m.ftl",
            "a = Give 5 mg dose\nb = Wash hands\nc = Ask first\nd = Call us\n",
        ),
        (
            "locales/el/ward/m.ftl",
            "a = Δώστε δόση 5 mg\nb = [Wàšh hàñds]\nc = Ρωτήστε\n",
        ),
        ("locales/el/ward/m.state.toml", &el_state),
        ("locales/el-CY/ward/m.ftl", "zz = Παλιό\n"),
    ])
}

fn report(project: &Project) -> StatusReport {
    let layout = Layout::for_project(project, &[], &[]);
    status_report(project, &layout, &[])
}

fn select<'a>(page: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    let selector = Selector::parse(css).expect("a valid selector");
    page.select(&selector).collect()
}

fn text(element: scraper::ElementRef<'_>) -> String {
    element.text().collect::<String>().trim().to_owned()
}

#[test]
fn the_bar_puts_every_message_in_one_segment_and_adds_up_to_exactly_100_percent() {
    let row = StatusRow {
        messages: 3,
        drafted: 2,
        reviewed: 1,
        machine: 1,
        missing: 1,
        ..StatusRow::default()
    };
    let segments: Vec<(&str, usize, usize)> = bar_segments(&row)
        .iter()
        .map(|s| (s.key, s.count, s.tenths))
        .collect();
    // Rounded cumulatively: 333, 667, 1000.
    assert_eq!(
        segments,
        [
            ("approved", 0, 0),
            ("reviewed", 1, 333),
            ("machine", 1, 334),
            ("stale", 0, 0),
            ("unverified", 0, 0),
            ("missing", 1, 333),
        ]
    );
    assert!(bar_segments(&StatusRow::default()).is_empty());
}

#[test]
fn the_page_shows_each_locales_figures_and_bar_widths() {
    let (_dir, project) = greek();
    let html = render_status_html(&report(&project), &HtmlOptions::default());
    let page = Html::parse_document(&html);
    let el = select(&page, "table.status tr[data-locale=\"el\"]");
    assert_eq!(el.len(), 1, "one row for el");
    let cells: Vec<String> = el[0]
        .child_elements()
        .skip(2)
        .map(|cell| text(cell))
        .collect();
    // reviewed (a) 25%, drafted (a b c) 75%, approved 1, machine 1, stale 1, unverified 0,
    // missing 1.
    assert_eq!(cells, ["25.0%", "75.0%", "1", "1", "1", "0", "1"]);
    let widths: Vec<(String, String)> = select(&page, "tr[data-locale=\"el\"] .seg")
        .iter()
        .map(|seg| {
            (
                seg.value().attr("class").unwrap_or("").to_owned(),
                seg.value().attr("style").unwrap_or("").to_owned(),
            )
        })
        .collect();
    let expected = ["approved", "machine", "stale", "missing"]
        .map(|key| (format!("seg s-{key}"), "width: 25.0%".to_owned()));
    assert_eq!(widths, expected);
    let spoken = text(select(&page, "tr[data-locale=\"el\"] .visually-hidden")[0]);
    assert_eq!(
        spoken,
        "approved 1, reviewed 0, machine 1, stale 1, unverified 0, missing 1 of 4 messages"
    );
    // el-CY gets el's text along the chain: the same bar.
    let cy = select(&page, "tr[data-locale=\"el-CY\"] .seg");
    assert_eq!(cy.len(), 4);
}

#[test]
fn every_rule_with_findings_has_a_row_with_its_counts_per_locale() {
    let (_dir, project) = greek();
    let report = report(&project);
    let layout = Layout::for_project(&project, &[], &[]);
    let dir = project.root.join("glossaries");
    let (glossary, _) = crate::glossary::load_dir(&dir, &dir);
    let opts = crate::check::CheckOptions {
        policy: project.config.check.clone(),
        glossary: Some(std::sync::Arc::new(glossary)),
        modules: None,
        ..crate::check::CheckOptions::default()
    };
    let checked = crate::check::check_layout(&layout, &opts);
    let mut expected: BTreeMap<(String, String), usize> = BTreeMap::new();
    for finding in &checked.findings {
        *expected
            .entry((finding.rule.to_owned(), finding.locale.clone()))
            .or_default() += 1;
    }
    assert!(
        expected.contains_key(&("missing".into(), "el".into()))
            && expected.contains_key(&("obsolete".into(), "el-CY".into())),
        "the fixture has findings of several rules: {expected:?}"
    );
    let html = render_status_html(&report, &HtmlOptions::default());
    let page = Html::parse_document(&html);
    let columns: Vec<String> = select(&page, "table.findings thead th")
        .into_iter()
        .map(text)
        .collect();
    assert_eq!(
        columns,
        ["Rule", "Level", "What it finds", "el", "el-CY", "Total"]
    );
    let mut shown: BTreeMap<(String, String), usize> = BTreeMap::new();
    for row in select(&page, "table.findings tbody tr") {
        let rule = row.value().attr("data-rule").expect("rows name their rule");
        let cells: Vec<String> = row.child_elements().map(text).collect();
        for (locale, count) in ["el", "el-CY"].iter().zip(&cells[3..5]) {
            let count: usize = count.parse().expect("a count");
            if count > 0 {
                *shown
                    .entry((rule.to_owned(), (*locale).to_owned()))
                    .or_default() += count;
            }
        }
    }
    assert_eq!(shown, expected);
}

#[test]
fn glossary_coverage_counts_the_used_concepts_with_a_term_per_locale() {
    let (_dir, project) = greek();
    let report = report(&project);
    let coverage = report
        .glossary
        .as_ref()
        .expect("the project has a glossary");
    assert_eq!(coverage.concepts, 2);
    assert_eq!(
        coverage.courses,
        [CourseTerms {
            course: "ward".into(),
            used: vec!["dose".into(), "hands".into()],
            without_term: BTreeMap::from([
                ("el".into(), vec!["dose".into()]),
                ("el-CY".into(), vec!["dose".into()]),
            ]),
        }]
    );
    let page = Html::parse_document(&render_status_html(&report, &HtmlOptions::default()));
    let cells: Vec<String> = select(&page, "table.glossary tbody tr[data-course=\"ward\"] td")
        .into_iter()
        .map(text)
        .collect();
    assert_eq!(cells, ["2", "1 of 2", "1 of 2"]);
}

#[test]
fn text_from_the_project_is_escaped_everywhere() {
    let hostile = "<script>alert('x')</script>&\"";
    let report = StatusReport {
        source_locale: "en".into(),
        locales: vec!["el".into()],
        rows: vec![StatusRow {
            course: hostile.into(),
            locale: "el".into(),
            messages: 1,
            missing: 1,
            ..StatusRow::default()
        }],
        glossary: Some(GlossaryCoverage {
            concepts: 1,
            courses: vec![CourseTerms {
                course: hostile.into(),
                used: vec![hostile.into()],
                without_term: BTreeMap::from([("el".into(), vec![hostile.into()])]),
            }],
        }),
        diagnostics: vec![crate::diagnostic::Diagnostic::file_error(
            std::path::Path::new("<img src=x>.ftl"),
            "bad <b>",
        )],
        ..StatusReport::default()
    };
    let options = HtmlOptions {
        title: Some("<i>status</i>".into()),
        generated_on: None,
    };
    let html = render_status_html(&report, &options);
    for raw in ["<script", "<img", "<b>", "<i>"] {
        assert!(!html.contains(raw), "`{raw}` came through unescaped");
    }
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;&quot;"));
    // A browser reads the name back as it was, in the caption and the attribute.
    let page = Html::parse_document(&html);
    let caption = select(&page, "table.status caption")[0];
    assert!(text(caption).starts_with(hostile), "{}", text(caption));
    let table = select(&page, "table.status")[0];
    assert_eq!(table.value().attr("data-course"), Some(hostile));
    assert!(select(&page, "script").is_empty());
}

#[test]
fn the_page_is_well_formed_self_contained_and_deterministic() {
    let (_dir, project) = greek();
    let report = report(&project);
    let html = render_status_html(&report, &HtmlOptions::default());
    assert_eq!(html, render_status_html(&report, &HtmlOptions::default()));
    assert!(!html.contains("Generated on"), "no date unless given");
    let dated = HtmlOptions {
        generated_on: Some("2026-01-02".into()),
        ..HtmlOptions::default()
    };
    assert!(render_status_html(&report, &dated).contains("Generated on 2026-01-02."));
    // Nothing is fetched: no script, link, image, font or URL.
    for outside in [
        "<script", "<link", "<img", "@import", "url(", "http:", "https:",
    ] {
        assert!(!html.contains(outside), "the page refers to `{outside}`");
    }
    // Every element closed: an XML parser reads it to the end.
    let mut reader = quick_xml::Reader::from_str(&html);
    let mut depth = 0_usize;
    loop {
        match reader.read_event().expect("well-formed XHTML") {
            quick_xml::events::Event::Start(_) => depth += 1,
            quick_xml::events::Event::End(_) => depth -= 1,
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(depth, 0);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
}
