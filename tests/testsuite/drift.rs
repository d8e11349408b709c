//! `locales/<source>` out of step with the courses: orphaned source files fail
//! `extract --check` and are never drafted; out-of-date ones are warned about by every command
//! that reads them.

use crate::support::TestProject;

const CONSENT: &str = "# Consent\n\nAsk the patient before the call.\n";
const DOSES: &str = "# Doses\n\nGive 5 mg of loperamide after each loose stool.\n";

const OUT_OF_DATE: &str = "source messages are out of date with the course";
const ORPHANED: &str = "orphaned source messages";

/// Two modules, extracted, with the second then deleted: its source file is orphaned, and
/// Italian has a translation of it.
fn with_an_orphan() -> TestProject {
    let project = TestProject::new()
        .file("courses/tele/01-consent.md", CONSENT)
        .file("courses/tele/02-doses.md", DOSES);
    project.run_ok(&["extract"]);
    project.write("locales/it/tele/02-doses.ftl", "doses-title = Dosi\n");
    std::fs::remove_file(project.root().join("courses/tele/02-doses.md")).expect("rm");
    project
}

#[test]
fn extract_check_fails_on_orphaned_source_files() {
    let project = with_an_orphan();
    let run = project.run(&["extract", "--check"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("orphaned locales/en/tele/02-doses.ftl"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("0 out of date, 1 orphaned"),
        "{}",
        run.stdout
    );

    // Nothing deletes it: translations hang on it; a person decides.
    assert_eq!(project.run(&["extract"]).code, 0);
    assert!(project.exists("locales/en/tele/02-doses.ftl"));
    std::fs::remove_file(project.root().join("locales/en/tele/02-doses.ftl")).expect("rm");
    assert_eq!(project.run(&["extract", "--check"]).code, 0);
}

#[test]
fn translate_never_drafts_orphaned_messages() {
    let project = with_an_orphan();
    std::fs::remove_file(project.root().join("locales/it/tele/02-doses.ftl")).expect("rm");
    let run = project.run_ok(&["translate", "--to", "el"]);
    assert!(
        project.exists("locales/el/tele/01-consent.ftl"),
        "{}",
        run.stdout
    );
    assert!(
        !project.exists("locales/el/tele/02-doses.ftl"),
        "the deleted module was drafted: {}",
        run.stdout
    );
    assert!(run.stderr.contains(ORPHANED), "{}", run.stderr);
}

#[test]
fn check_and_status_report_orphans_and_their_translations() {
    let project = with_an_orphan();
    let run = project.run(&["check", "it"]);
    assert!(
        run.stdout.contains("locales/it/tele/02-doses.ftl") && run.stdout.contains("obsolete-file"),
        "{}",
        run.stdout
    );
    assert!(
        !run.stdout
            .contains("no translation of `locales/en/tele/02-doses.ftl`"),
        "the orphan is not English any more: {}",
        run.stdout
    );
    assert!(
        run.stderr.contains(&format!(
            "warning: locales/en/tele/02-doses.ftl: {ORPHANED}"
        )),
        "{}",
        run.stderr
    );
    let status = project.run_ok(&["status", "el", "--format", "json"]);
    let rows: serde_json::Value = serde_json::from_str(&status.stdout).expect("json");
    assert_eq!(rows[0]["messages"], 2, "only the module that exists counts");
    assert!(status.stderr.contains(ORPHANED), "{}", status.stderr);
}

#[test]
fn commands_that_read_the_source_warn_when_it_is_out_of_date() {
    let project = TestProject::new().file("courses/tele/01-consent.md", CONSENT);
    project.run_ok(&["extract"]);
    for args in [
        &["check"][..],
        &["status"],
        &["translate", "--to", "it", "--dry-run"],
    ] {
        let run = project.run(args);
        assert!(
            !run.stderr.contains(OUT_OF_DATE),
            "{args:?}: {}",
            run.stderr
        );
    }
    project.write(
        "courses/tele/01-consent.md",
        &CONSENT.replace("Ask", "Always ask"),
    );
    for args in [
        &["check"][..],
        &["status"],
        &["translate", "--to", "it", "--dry-run"],
        &["build", "--locale", "it"],
    ] {
        let run = project.run(args);
        assert!(
            run.stderr.contains(&format!(
                "warning: locales/en/tele/01-consent.ftl: {OUT_OF_DATE}"
            )),
            "{args:?}: {}",
            run.stderr
        );
    }
    // Without a project there is nothing to compare with.
    let run = project.run(&["check", "--reference", "locales/en", "--l10n", "locales"]);
    assert!(!run.stderr.contains(OUT_OF_DATE), "{}", run.stderr);
}
