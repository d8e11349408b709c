//! Tests of `kurso status` counting on small projects written to a temporary folder.

use std::path::Path;

use super::*;
use crate::project::Project;

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

fn rows(project: &Project, locales: &[&str]) -> StatusSummary {
    let locales: Vec<_> = locales
        .iter()
        .map(|code| code.parse().expect("locale"))
        .collect();
    status(&Layout::for_project(project, &locales, &[]))
}

fn record(status: &str, origin: &str, source: &str) -> String {
    format!("status = \"{status}\"\norigin = \"{origin}\"\nsource = \"{source}\"\n")
}

const CONFIG: &str = "target-locales = [\"el\", \"el-CY\"]\n";
const ENGLISH: &str = "a = Give 5 mg\nb = Wash hands\nc = Ask first\nd = Call us\n";

/// el: a person's `a` (edited), a machine draft of `b`, a reviewed `c` made from older
/// English; `d` missing. el-CY: its own approved `d`, the rest inherited from el.
fn greek() -> (tempfile::TempDir, Project) {
    let el_state = format!(
        "[a]\n{}\n[b]\n{}\n[c]\n{}",
        record("edited", "human", "Give 5 mg"),
        record("machine", "pseudo", "Wash hands"),
        record("reviewed", "human", "Ask"),
    );
    project(&[
        ("kurso.toml", CONFIG),
        ("locales/en/c/m.ftl", ENGLISH),
        (
            "locales/el/c/m.ftl",
            "a = Δώστε 5 mg\nb = [Wàšh]\nc = Ρωτήστε\n",
        ),
        ("locales/el/c/m.state.toml", &el_state),
        ("locales/el-CY/c/m.ftl", "d = Τηλεφωνήστε μας\n"),
        (
            "locales/el-CY/c/m.state.toml",
            &format!("[d]\n{}", record("approved", "human", "Call us")),
        ),
    ])
}

#[test]
fn machine_drafts_count_as_drafted_but_not_reviewed() {
    let (_dir, project) = greek();
    let summary = rows(&project, &["el"]);
    assert!(summary.diagnostics.is_empty(), "{:?}", summary.diagnostics);
    let el = &summary.rows[0];
    assert_eq!((el.course.as_str(), el.locale.as_str()), ("c", "el"));
    assert_eq!(el.messages, 4);
    assert_eq!(el.drafted, 3);
    assert_eq!(el.missing, 1);
    assert_eq!(el.machine, 1);
    // `a` only: `b` is a machine draft, `c` was reviewed against older English.
    assert_eq!(el.reviewed, 1);
    assert_eq!(el.approved, 0);
    assert_eq!(el.stale, 1);
    // `c`: a person's translation of older English.
    assert_eq!(el.stale_by_person(), 1);
    assert_eq!(el.inherited, 0);
    assert!((el.drafted_percent() - 75.0).abs() < 1e-9);
    assert!((el.reviewed_percent() - 25.0).abs() < 1e-9);
}

#[test]
fn a_regional_locale_counts_what_it_inherits_along_the_chain() {
    let (_dir, project) = greek();
    // Only el-CY asked for: el is still loaded as its fallback.
    let summary = rows(&project, &["el-CY"]);
    let cy = &summary.rows[0];
    assert_eq!(cy.locale, "el-CY");
    assert_eq!(cy.drafted, 4);
    assert_eq!(cy.missing, 0);
    assert_eq!(cy.inherited, 3);
    // el's machine draft is el-CY's machine draft too; el's edited `a` and el-CY's own
    // approved `d` are reviewed.
    assert_eq!(cy.machine, 1);
    assert_eq!(cy.reviewed, 2);
    // `d` only; el's reviewed `c` is stale, so not approved either.
    assert_eq!(cy.approved, 1);
    assert_eq!(cy.stale, 1);
    assert_eq!(
        cy.reviewed + cy.machine + cy.stale_by_person() + cy.unverified,
        cy.drafted
    );
    assert_eq!(
        cy.statuses,
        BTreeMap::from([
            (Status::Machine, 1),
            (Status::Edited, 1),
            (Status::Reviewed, 1),
            (Status::Approved, 1),
        ])
    );
}

#[test]
fn no_record_is_unverified_and_a_suggestion_for_todays_english_is_counted() {
    let state = "[a]\nstatus = \"edited\"\norigin = \"human\"\nsource = \"Give 4 mg\"\n\
                 suggestion = \"[Gîvé 5 mg]\"\nsuggestion-origin = \"pseudo\"\n\
                 suggestion-source = \"Give 5 mg\"\n";
    let (_dir, project) = project(&[
        ("kurso.toml", CONFIG),
        ("locales/en/c/m.ftl", ENGLISH),
        (
            "locales/el/c/m.ftl",
            "a = Δώστε 4 mg\nb = Πλύνετε\nzz = παλιό\n",
        ),
        ("locales/el/c/m.state.toml", state),
    ]);
    let el = &rows(&project, &["el"]).rows[0];
    assert_eq!((el.drafted, el.unverified, el.stale), (2, 1, 1));
    assert_eq!((el.suggestions, el.reviewed, el.obsolete), (1, 0, 1));
}

#[test]
fn rows_follow_courses_then_the_locale_order_asked_for() {
    let (_dir, project) = project(&[
        ("kurso.toml", CONFIG),
        ("locales/en/b/m.ftl", "x = X\n"),
        ("locales/en/a/m.ftl", "y = Y\n"),
    ]);
    let summary = rows(&project, &["el-CY", "el"]);
    let order: Vec<(&str, &str)> = summary
        .rows
        .iter()
        .map(|r| (r.course.as_str(), r.locale.as_str()))
        .collect();
    assert_eq!(
        order,
        [("a", "el-CY"), ("a", "el"), ("b", "el-CY"), ("b", "el")]
    );
    assert!(
        summary
            .rows
            .iter()
            .all(|r| r.missing == 1 && r.drafted == 0)
    );
}

#[test]
fn an_unreadable_state_file_is_reported_and_the_rest_still_counted() {
    let (_dir, project) = project(&[
        ("kurso.toml", CONFIG),
        ("locales/en/c/m.ftl", ENGLISH),
        ("locales/el/c/m.ftl", "a = Δώστε 5 mg\n"),
        ("locales/el/c/m.state.toml", "[a]\nstatus = \"done\"\n"),
    ]);
    let summary = rows(&project, &["el"]);
    assert_eq!(summary.diagnostics.len(), 1);
    assert!(
        summary.diagnostics[0]
            .location()
            .starts_with(&Path::new("locales/el/c/m.state.toml").display().to_string()),
        "{:?}",
        summary.diagnostics
    );
    let el = &summary.rows[0];
    assert_eq!((el.drafted, el.unverified, el.missing), (1, 1, 3));
}
