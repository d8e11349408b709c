//! `kurso export`'s own promises: a packet that differs (a translator's work not yet imported)
//! is replaced only with `--force`; `--all` adds what a person already did; `--format tmx`
//! holds only reviewed and approved translations, which the `memory` provider reuses and which
//! `kurso import` leaves as they are.

use super::{ONCOLOGY_01, changed, locales, message, run_expect};
use crate::support::TestProject;

const PACKET: &str = "exchange/it/digicantrain-oncology.xlf";
const REVIEWED_ID: &str = "how-an-epro-pathway-works-li3";
const APPROVED_ID: &str = "how-an-epro-pathway-works-li1";
/// A person's translation nobody reviewed.
const EDITED_ID: &str = "how-an-epro-pathway-works-li2";

/// The sample with two Italian translations reviewed and approved.
fn sample_with_reviews() -> TestProject {
    let project = TestProject::sample();
    run_expect(
        &project,
        &["accept", "it", "--id", REVIEWED_ID, "--status", "reviewed"],
        0,
    );
    run_expect(
        &project,
        &["accept", "it", "--id", APPROVED_ID, "--status", "approved"],
        0,
    );
    project
}

#[test]
fn a_packet_that_differs_is_replaced_only_with_force() {
    let project = TestProject::sample();
    let first = run_expect(&project, &["export", "it"], 0);
    assert!(!first.stdout.contains("(unchanged)"), "{}", first.stdout);
    let exported = project.read(PACKET);
    let again = run_expect(&project, &["export", "it"], 0);
    assert!(again.stdout.contains("(unchanged)"), "{}", again.stdout);

    let worked = exported.replace(
        "<segment state=\"initial\">",
        "<segment state=\"translated\">",
    );
    assert_ne!(worked, exported);
    project.write(PACKET, &worked);
    let refused = run_expect(&project, &["export", "it"], 2);
    assert!(
        refused.stderr.contains(PACKET) && refused.stderr.contains("--force"),
        "{}",
        refused.stderr
    );
    assert_eq!(
        project.read(PACKET),
        worked,
        "the translator's file was replaced"
    );
    run_expect(&project, &["export", "it", "--force"], 0);
    assert_eq!(project.read(PACKET), exported);
}

#[test]
fn all_adds_what_a_person_already_translated_or_reviewed() {
    let project = sample_with_reviews();
    run_expect(
        &project,
        &["export", "it", "--course", "digicantrain-oncology"],
        0,
    );
    let needed = project.read(PACKET);
    for id in [REVIEWED_ID, EDITED_ID] {
        assert!(
            !needed.contains(&format!("name=\"{id}\"")),
            "{id} needs no one"
        );
    }
    run_expect(
        &project,
        &[
            "export",
            "it",
            "--course",
            "digicantrain-oncology",
            "--all",
            "--force",
        ],
        0,
    );
    let all = project.read(PACKET);
    let unit = |id: &str| -> String {
        let start = all
            .find(&format!("name=\"{id}\""))
            .unwrap_or_else(|| panic!("{id} is not in the --all packet"));
        all[start..start + all[start..].find("</unit>").expect("closed")].to_owned()
    };
    assert!(unit(REVIEWED_ID).contains("<segment state=\"reviewed\">"));
    assert!(unit(APPROVED_ID).contains("<segment state=\"final\">"));
    assert!(unit(EDITED_ID).contains("<segment state=\"translated\">"));
}

#[test]
fn a_tmx_memory_holds_reviewed_translations_for_the_memory_provider() {
    let project = sample_with_reviews();
    let run = run_expect(&project, &["export", "it", "--format", "tmx"], 0);
    let memory = "exchange/it/en-it.tmx";
    assert!(run.stdout.contains(memory), "{}", run.stdout);
    let tmx = project.read(memory);
    let tmx_text = tmx.replace("&apos;", "'");
    let italian = |id: &str| message(&project, "it", ONCOLOGY_01, id).expect("translated");
    assert!(tmx_text.contains(&italian(REVIEWED_ID)), "{tmx}");
    assert!(tmx_text.contains(&italian(APPROVED_ID)), "{tmx}");
    assert!(
        !tmx_text.contains(&italian(EDITED_ID)),
        "an unreviewed translation is in the memory"
    );

    // Importing the memory back changes nothing.
    let before = locales(&project);
    run_expect(&project, &["import", memory], 0);
    assert_eq!(changed(&before, &locales(&project)), Vec::<String>::new());

    // Another project with the same English reuses the reviewed translation offline.
    let english = message(&project, "en", ONCOLOGY_01, REVIEWED_ID).expect("English");
    let other = TestProject::new()
        .file(
            "kurso.toml",
            "source-locale = \"en\"\ntarget-locales = [\"it\"]\n[mt.memory]\ntmx = [\"memories/en-it.tmx\"]\n",
        )
        .file("locales/en/c/01-a.ftl", &format!("agree-schedule = {english}\n"))
        .file("memories/en-it.tmx", &tmx);
    run_expect(
        &other,
        &["translate", "--to", "it", "--provider", "memory"],
        0,
    );
    assert_eq!(
        message(&other, "it", "c/01-a.ftl", "agree-schedule"),
        Some(italian(REVIEWED_ID))
    );
}

/// Both XLIFF versions of a course can be exported into one folder: each has its own name.
#[test]
fn xliff_2_and_1_2_packets_of_a_course_sit_side_by_side() {
    let project = TestProject::sample();
    run_expect(&project, &["export", "it", "--format", "xliff2"], 0);
    run_expect(&project, &["export", "it", "--format", "xliff12"], 0);
    let two = project.read("exchange/it/digicantrain-oncology.xlf");
    let one_two = project.read("exchange/it/digicantrain-oncology.xliff12.xlf");
    assert!(two.contains("version=\"2.0\""), "{two}");
    assert!(one_two.contains("version=\"1.2\""), "{one_two}");
}
