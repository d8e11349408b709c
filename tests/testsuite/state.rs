//! Translation state end to end: accept, stale after an English edit, typo fixes carried
//! forward, unverified translations, and state files that merge cleanly in git.

use std::process::Command;

use crate::support::TestProject;

const MODULE: &str = "---\ntitle: Dosing\n---\n\n# Dosing\n\nGive 5 mg of the medicine.\n\nCheck the patient every hour.\n";

/// A project with one module, extracted, and a complete Italian translation.
fn translated() -> TestProject {
    let project = TestProject::new().file("courses/c/01-dosing.md", MODULE);
    project.run_ok(&["extract"]);
    let english = project.read("locales/en/c/01-dosing.ftl");
    let italian = english
        .replace("= Dosing", "= Dosaggio")
        .replace(
            "Give 5 mg of the medicine.",
            "Somministrare 5 mg del farmaco.",
        )
        .replace(
            "Check the patient every hour.",
            "Controllare il paziente ogni ora.",
        );
    project.write("locales/it/c/01-dosing.ftl", &italian);
    project
}

/// `kurso status --format json` row of the locale.
fn status(project: &TestProject, locale: &str) -> serde_json::Value {
    let run = project.run_ok(&["status", "--format", "json", locale]);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&run.stdout).expect("status JSON");
    rows.into_iter()
        .find(|row| row["locale"] == locale)
        .expect("a row for the locale")
}

#[test]
fn hand_made_translation_is_unverified_until_accepted() {
    let project = translated();
    // Front-matter title, heading, two paragraphs.
    assert_eq!(status(&project, "it")["unverified"], 4);
    let run = project.run_ok(&["accept", "it", "--all"]);
    assert!(run.stdout.contains("4 accepted"), "{}", run.stdout);
    let row = status(&project, "it");
    assert_eq!(
        (row["unverified"].as_u64(), row["stale"].as_u64()),
        (Some(0), Some(0))
    );
    let state = project.read("locales/it/c/01-dosing.state.toml");
    assert!(
        state.contains("source = \"Give 5 mg of the medicine.\""),
        "{state}"
    );
    assert!(state.contains("origin = \"human\""), "{state}");
}

#[test]
fn english_edit_makes_the_translation_stale_until_accepted_again() {
    let project = translated();
    project.run_ok(&["accept", "it", "--all"]);
    project.write(
        "courses/c/01-dosing.md",
        &MODULE.replace("Give 5 mg", "Give 50 mg"),
    );
    project.run_ok(&["extract"]);
    assert_eq!(status(&project, "it")["stale"], 1);
    let id = "dosing-p1";
    project.run_ok(&["accept", "it", "--id", id]);
    assert_eq!(status(&project, "it")["stale"], 0);
}

#[test]
fn keep_translations_carries_a_typo_fix_forward_with_an_audit_record() {
    let project = translated();
    project.run_ok(&["accept", "it", "--all"]);
    project.write(
        "courses/c/01-dosing.md",
        &MODULE.replace("Check the patient", "Check the patient,"),
    );
    let run = std::process::Command::new(env!("CARGO_BIN_EXE_kurso"))
        .args(["extract", "--keep-translations"])
        .env("SOURCE_DATE_EPOCH", "1763856000")
        .current_dir(project.root())
        .output()
        .expect("run kurso");
    assert!(
        run.status.success(),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    assert!(
        String::from_utf8_lossy(&run.stdout).contains("carried 1 translation"),
        "{}",
        String::from_utf8_lossy(&run.stdout)
    );
    assert_eq!(status(&project, "it")["stale"], 0);
    let state = project.read("locales/it/c/01-dosing.state.toml");
    assert!(
        state.contains("source = \"Check the patient, every hour.\""),
        "{state}"
    );
    assert!(
        state.contains("carried-from = \"Check the patient every hour.\""),
        "{state}"
    );
    assert!(state.contains("carried-on = \"2025-11-23\""), "{state}");
}

#[test]
fn without_keep_translations_an_edit_goes_stale() {
    let project = translated();
    project.run_ok(&["accept", "it", "--all"]);
    project.write(
        "courses/c/01-dosing.md",
        &MODULE.replace("Check the patient", "Check the patient,"),
    );
    project.run_ok(&["extract"]);
    assert_eq!(status(&project, "it")["stale"], 1);
}

#[test]
fn accept_an_unknown_id_is_an_error() {
    let project = translated();
    let run = project.run(&["accept", "it", "--id", "no-such-id"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("no translation of `no-such-id` in it"),
        "{}",
        run.stderr
    );
}

#[test]
fn accept_needs_a_selection() {
    let project = translated();
    let run = project.run(&["accept", "it"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("--id"), "{}", run.stderr);
}

/// Two translators accept different messages on two branches; git merges the state files
/// without a conflict because each record is its own table, sorted, separated by blank lines.
#[test]
fn state_files_from_two_translators_merge_without_conflict() {
    let project = translated();
    project.run_ok(&["accept", "it", "--all"]);
    let base = project.read("locales/it/c/01-dosing.state.toml");
    project.write(
        "courses/c/01-dosing.md",
        &MODULE
            .replace("Give 5 mg", "Give 50 mg")
            .replace("Check the patient", "Check the patient,"),
    );
    project.run_ok(&["extract"]);
    project.run_ok(&["accept", "it", "--id", "dosing-p1"]);
    let ours = project.read("locales/it/c/01-dosing.state.toml");
    project.write("locales/it/c/01-dosing.state.toml", &base);
    project.run_ok(&["accept", "it", "--id", "dosing-p2"]);
    let theirs = project.read("locales/it/c/01-dosing.state.toml");
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, text) in [("base", &base), ("ours", &ours), ("theirs", &theirs)] {
        std::fs::write(dir.path().join(name), text).expect("write");
    }
    let merge = Command::new("git")
        .args(["merge-file", "-p", "ours", "base", "theirs"])
        .current_dir(dir.path())
        .output()
        .expect("git merge-file");
    assert_eq!(
        merge.status.code(),
        Some(0),
        "conflicts:\n{}",
        String::from_utf8_lossy(&merge.stdout)
    );
    project.write(
        "locales/it/c/01-dosing.state.toml",
        &String::from_utf8_lossy(&merge.stdout),
    );
    let row = status(&project, "it");
    assert_eq!(
        (row["stale"].as_u64(), row["unverified"].as_u64()),
        (Some(0), Some(0))
    );
}
