//! `kurso status --format html` as a person sees it: the sample project's page, opened in
//! headless Chromium when it is installed (else read from its HTML, with the same
//! assertions; the test prints which), checked against what `kurso status --format json` and
//! `kurso check --format json` say.
//!
//! In the browser the test also saves a screenshot of the page in
//! `target/screenshots/status-report.png`; with `KURSO_UPDATE_SCREENSHOTS=1` it copies it to
//! `docs/screenshots/status-report.png`, the README's picture.

use std::collections::BTreeMap;
use std::io::Write as _;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::browser::Page;
use crate::support::TestProject;

fn json(text: &str) -> Value {
    serde_json::from_str(text).expect("JSON output")
}

/// The sample with machine drafts for Hungarian oncology, so the page has every kind of bar
/// segment: approved and reviewed work, machine drafts, stale text, missing messages.
fn sample_with_drafts() -> TestProject {
    let project = TestProject::sample();
    project.run_ok(&[
        "translate",
        "--to",
        "hu",
        "--course",
        "digicantrain-oncology",
    ]);
    project
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("target"),
        PathBuf::from,
    )
}

#[test]
fn the_sample_status_page_shows_the_rows_bars_and_findings_a_person_expects() {
    let project = sample_with_drafts();
    let run = project.run_ok(&["status", "--format", "html", "--output", "status.html"]);
    assert!(run.stdout.contains("wrote status.html"), "{}", run.stdout);
    let rows = json(&project.run_ok(&["status", "--format", "json"]).stdout);
    let rows = rows.as_array().expect("rows");
    let page = Page::open(&project.root().join("status.html"));
    // Straight to stderr, past the test harness's capture, so every run says its mode.
    let _ = writeln!(
        std::io::stderr(),
        "status_html: the status page checked {}",
        page.mode()
    );

    // Each course has a table with a row per locale, in kurso.toml's order, and the same
    // figures as the JSON.
    for course in ["digicantrain-oncology", "hpass-digital-skills"] {
        let table = format!("table.status[data-course=\"{course}\"]");
        let course_rows: Vec<&Value> = rows.iter().filter(|r| r["course"] == course).collect();
        let locales: Vec<String> = course_rows
            .iter()
            .map(|r| r["locale"].as_str().expect("locale").to_owned())
            .collect();
        assert_eq!(
            locales,
            ["el", "el-CY", "hu", "it", "lt", "ro", "fi", "tr"],
            "{course}"
        );
        assert_eq!(page.texts(&format!("{table} tbody th")), locales);
        for row in &course_rows {
            let cells = page.texts(&format!(
                "{table} tr[data-locale=\"{}\"] td.num",
                row["locale"].as_str().expect("locale")
            ));
            let expected: Vec<String> = [
                format!("{:.1}%", row["reviewed_percent"].as_f64().expect("%")),
                format!("{:.1}%", row["drafted_percent"].as_f64().expect("%")),
            ]
            .into_iter()
            .chain(
                ["approved", "machine", "stale", "unverified", "missing"]
                    .iter()
                    .map(|key| row[key].to_string()),
            )
            .collect();
            assert_eq!(cells, expected, "{course} {}", row["locale"]);
        }
    }

    // The bars: as wide as their share of the course's messages.
    let onco = "table.status[data-course=\"digicantrain-oncology\"]";
    let share = |locale: &str, key: &str| -> f64 {
        let row = rows
            .iter()
            .find(|r| r["course"] == "digicantrain-oncology" && r["locale"] == locale)
            .expect("the row");
        100.0 * row[key].as_f64().expect("count") / row["messages"].as_f64().expect("messages")
    };
    let reviewed = page.percent_widths(&format!("{onco} tr[data-locale=\"el\"] .s-reviewed"));
    assert_eq!(reviewed.len(), 1, "el has a reviewed segment");
    assert!(reviewed[0] > 0.0);
    assert!(
        (reviewed[0] - share("el", "reviewed")).abs() < 0.6,
        "{reviewed:?}"
    );
    let machine = page.percent_widths(&format!("{onco} tr[data-locale=\"hu\"] .s-machine"));
    assert_eq!(machine.len(), 1, "hu has a machine segment");
    assert!(
        (machine[0] - share("hu", "machine")).abs() < 0.6,
        "{machine:?}"
    );
    let missing = page.percent_widths(&format!("{onco} tr[data-locale=\"fi\"] .seg"));
    assert_eq!(missing.len(), 1, "fi's bar is all missing");
    assert!((missing[0] - 100.0).abs() < 0.6, "{missing:?}");
    for locale in ["el", "hu", "it", "fi"] {
        let total: f64 = page
            .percent_widths(&format!("{onco} tr[data-locale=\"{locale}\"] .seg"))
            .iter()
            .sum();
        assert!((total - 100.0).abs() < 0.6, "{locale}'s bar fills {total}%");
    }

    // The findings: a row per rule and level, with kurso check's counts per locale.
    let check = json(&project.run(&["check", "--format", "json"]).stdout);
    let mut expected: BTreeMap<(String, String), BTreeMap<String, usize>> = BTreeMap::new();
    for finding in check["findings"].as_array().expect("findings") {
        let key = (
            finding["rule"].as_str().expect("rule").to_owned(),
            finding["level"].as_str().expect("level").to_owned(),
        );
        *expected
            .entry(key)
            .or_default()
            .entry(finding["locale"].as_str().expect("locale").to_owned())
            .or_default() += 1;
    }
    assert!(
        expected.len() >= 4,
        "the sample has findings of several rules"
    );
    let columns = page.texts("table.findings thead th");
    let locales = &columns[3..columns.len() - 1];
    let mut shown: BTreeMap<(String, String), BTreeMap<String, usize>> = BTreeMap::new();
    let rules = page.texts("table.findings tbody th");
    let levels = page.texts("table.findings tbody td:nth-of-type(1)");
    assert_eq!(rules.len(), levels.len());
    for (index, (rule, level)) in rules.iter().zip(&levels).enumerate() {
        let counts = page.texts(&format!(
            "table.findings tbody tr:nth-child({}) td.num",
            index + 1
        ));
        let by_locale = shown.entry((rule.clone(), level.clone())).or_default();
        for (locale, count) in locales.iter().zip(&counts) {
            let count: usize = count.parse().expect("a count");
            if count > 0 {
                by_locale.insert(locale.clone(), count);
            }
        }
    }
    assert_eq!(shown, expected);

    // The glossary coverage has a row per course.
    assert_eq!(
        page.texts("table.glossary tbody th"),
        ["digicantrain-oncology", "hpass-digital-skills"]
    );

    if let Page::Browser(browser) = &page {
        let shot = target_dir().join("screenshots/status-report.png");
        browser.screenshot_page(1100, &shot);
        let _ = writeln!(
            std::io::stderr(),
            "status_html: screenshot {}",
            shot.display()
        );
        if std::env::var_os("KURSO_UPDATE_SCREENSHOTS").is_some_and(|v| v == "1") {
            let docs = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/screenshots");
            std::fs::create_dir_all(&docs).expect("docs/screenshots");
            std::fs::copy(&shot, docs.join("status-report.png")).expect("copied");
        }
    }
}

#[test]
fn the_output_file_holds_what_standard_output_shows() {
    let project = TestProject::sample();
    let stdout = project.run_ok(&["status", "--format", "html"]).stdout;
    assert!(stdout.starts_with("<!DOCTYPE html>"));
    project.run_ok(&["status", "--format", "html", "--output", "out/status.html"]);
    assert_eq!(project.read("out/status.html"), stdout);
    // The same with a date: only SOURCE_DATE_EPOCH puts one on the page.
    assert!(!stdout.contains("Generated on"));
    let dated = std::process::Command::new(env!("CARGO_BIN_EXE_kurso"))
        .args(["status", "--format", "html"])
        .current_dir(project.root())
        .env("SOURCE_DATE_EPOCH", "1767225600")
        .output()
        .expect("run kurso");
    assert!(String::from_utf8_lossy(&dated.stdout).contains("Generated on 2026-01-01."));
}

#[test]
fn the_glossary_coverage_counts_the_concepts_each_course_uses_and_has_terms_for() {
    // Three concepts, two used by the English; lt has a term for both, el for one.
    let project = TestProject::new()
        .file(
            "kurso.toml",
            "source-locale = \"en\"\ntarget-locales = [\"lt\", \"el\"]\n",
        )
        .file(
            "glossaries/medical.csv",
            "id,en,lt,el\n\
             informed-consent,informed consent,informuotas sutikimas,\n\
             blood-pressure,blood pressure,kraujospūdis,αρτηριακή πίεση\n\
             hand-hygiene,hand hygiene,rankų higiena,υγιεινή των χεριών\n",
        )
        .file(
            "locales/en/c/01-a.ftl",
            "a = Record the informed consent.\nb = Measure the blood pressure.\n",
        );
    let page = project.run_ok(&["status", "--format", "html"]).stdout;
    let html = scraper::Html::parse_document(&page);
    let texts = |css: &str| -> Vec<String> {
        let selector = scraper::Selector::parse(css).expect("selector");
        html.select(&selector)
            .map(|e| e.text().collect::<String>().trim().to_owned())
            .collect()
    };
    assert_eq!(
        texts("table.glossary thead th"),
        ["Course", "Concepts used", "lt", "el"]
    );
    assert_eq!(
        texts("table.glossary tr[data-course=\"c\"] td"),
        ["2", "2 of 2", "1 of 2"]
    );
    assert!(
        texts("#glossary p")[0].contains("Of the glossary's 3 concepts"),
        "{:?}",
        texts("#glossary p")
    );
    assert_eq!(texts("#glossary details dt"), ["c · el"]);
    assert_eq!(texts("#glossary details dd"), ["informed-consent"]);
}
