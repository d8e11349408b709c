//! What import refuses, per message, while it applies the rest of the same file (exit 1): a
//! translation made from English that changed since the export (stale, with the word diff),
//! inline codes dropped or duplicated, a dose that changed, a broken Markdown structure, and
//! an unconfirmed target over a person's translation. And what stops a whole file (exit 2,
//! `path:line:col`) without stopping the others: XML cut short, a PO syntax error, a target
//! language the project does not translate into.

use kurso::state::Status;

use super::edit::{po_fill, xliff2_fill};
use super::round_trip::{Format, PO, XLIFF2, packet_path};
use super::{
    ONCOLOGY_01, STALE_ID, STALE_ITALIAN, changed, count, locales, message, record, run_expect,
    summary_line,
};
use crate::support::TestProject;

const PAIN: &str = "c/01-pain.ftl";
/// A message of the sample a person translated into Italian; `edited_oncology_packet` edits it.
const EDITED_ID: &str = "how-an-epro-pathway-works-li1";
const PACKET: &str = "exchange/it/c.xlf";

/// A one-module course in English with Italian started: one message a person translated.
fn pain_course() -> TestProject {
    let project = TestProject::new()
        .file(
            "kurso.toml",
            "source-locale = \"en\"\ntarget-locales = [\"it\"]\n",
        )
        .file(
            "courses/c/01-pain.md",
            "---\ntitle: Pain relief\n---\n\n# Pain relief\n\nGive 5 mg of morphine by mouth.\n\n\
             Set `dose_mg` to the value on the label.\n\n\
             Check `weight_kg` and `age_years` before you start.\n\n\
             Wash your hands **before** and after.\n\nAsk the patient to rate the pain.\n",
        );
    run_expect(&project, &["extract"], 0);
    project.write(
        "locales/it/c/01-pain.ftl",
        "pain-relief-p5 = Chiedere al paziente di valutare il dolore.\n",
    );
    run_expect(&project, &["accept", "it", "--id", "pain-relief-p5"], 0);
    project
}

#[test]
fn refused_messages_are_left_alone_and_the_rest_of_the_file_is_applied() {
    let project = pain_course();
    run_expect(&project, &["export", "it", "--all"], 0);
    let person = project.read("locales/it/c/01-pain.ftl");
    let mut text = project.read(PACKET);
    for (id, target, state) in [
        ("pain-relief-title", "Sollievo dal dolore", "translated"),
        // The dose changed: 5 mg became 50 mg.
        (
            "pain-relief-p1",
            "Somministrare 50 mg di morfina per bocca.",
            "translated",
        ),
        // The code `dose_mg` is gone.
        (
            "pain-relief-p2",
            "Impostare il valore indicato sull'etichetta.",
            "translated",
        ),
        // `age_years` twice.
        (
            "pain-relief-p3",
            "Controllare <ph id=\"1\"/>, <ph id=\"2\"/> e ancora <ph id=\"2\"/> prima di iniziare.",
            "translated",
        ),
        // A blank line splits the paragraph in two.
        (
            "pain-relief-p4",
            "Lavarsi le mani <pc id=\"1\">prima</pc>\n\ne dopo.",
            "translated",
        ),
        // A draft nobody confirmed, over the person's translation.
        (
            "pain-relief-p5",
            "Chiedi al paziente quanto dolore ha.",
            "initial",
        ),
    ] {
        text = xliff2_fill(&text, id, target, state);
    }
    project.write(PACKET, &text);
    let run = run_expect(&project, &["import", PACKET], 1);
    let line = summary_line(&run.stdout, PACKET);
    assert_eq!(count(line, "applied"), 1, "{}", run.stdout);
    assert_eq!(count(line, "refused"), 5, "{}", run.stdout);
    let refused = |id: &str| -> &str {
        run.stdout
            .lines()
            .find(|l| l.trim_start().starts_with(&format!("refused {id} ")))
            .unwrap_or_else(|| panic!("{id} is not refused:\n{}", run.stdout))
    };
    assert!(
        refused("pain-relief-p1").contains("numbers"),
        "{}",
        run.stdout
    );
    assert!(
        refused("pain-relief-p2").contains("placeholder 1 is missing"),
        "{}",
        run.stdout
    );
    assert!(
        refused("pain-relief-p3").contains("placeholder 2 appears 2 times"),
        "{}",
        run.stdout
    );
    assert!(
        refused("pain-relief-p4").contains("structure"),
        "{}",
        run.stdout
    );
    assert!(
        refused("pain-relief-p5").contains("unconfirmed target does not replace a person's"),
        "{}",
        run.stdout
    );
    // Nothing of the refused is written; the person's translation and record are as they were.
    for id in [
        "pain-relief-p1",
        "pain-relief-p2",
        "pain-relief-p3",
        "pain-relief-p4",
    ] {
        assert_eq!(message(&project, "it", PAIN, id), None, "{id} was written");
        assert_eq!(record(&project, "it", PAIN, id), None, "{id} got a record");
    }
    let p5 = record(&project, "it", PAIN, "pain-relief-p5").expect("the person's record");
    assert_eq!((p5.status, p5.origin.as_str()), (Status::Edited, "human"));
    assert!(
        project
            .read("locales/it/c/01-pain.ftl")
            .starts_with(&person)
    );
    assert_eq!(
        message(&project, "it", PAIN, "pain-relief-title").as_deref(),
        Some("Sollievo dal dolore")
    );
}

/// The sample's Italian oncology packet with everything (`--all`) in `format`, a person's
/// current translation edited, and the stale message updated.
fn edited_oncology_packet(project: &TestProject, format: Format) -> String {
    run_expect(
        project,
        &[
            "export",
            "it",
            "--all",
            "--course",
            "digicantrain-oncology",
            "--format",
            format.flag,
        ],
        0,
    );
    let path = packet_path(format, "it", "digicantrain-oncology");
    let text = project.read(&path);
    let text = format.fill(
        &text,
        ONCOLOGY_01,
        EDITED_ID,
        "Prima del ciclo 1, l'infermiere o l'infermiera arruola il paziente.",
        format.states[0],
    );
    let text = format.fill(
        &text,
        ONCOLOGY_01,
        STALE_ID,
        STALE_ITALIAN,
        format.states[0],
    );
    project.write(&path, &text);
    path
}

fn english_changes_after_the_export(format: Format) {
    let project = TestProject::sample();
    let packet = edited_oncology_packet(&project, format);
    let module = "courses/digicantrain-oncology/01-remote-symptom-monitoring.md";
    let markdown = project.read(module);
    let edited = markdown.replace(
        "Before cycle 1, the nurse enrols the patient.",
        "Before cycle 1, a nurse enrols the patient.",
    );
    assert_ne!(edited, markdown, "the sample has the sentence");
    project.write(module, &edited);
    run_expect(&project, &["extract"], 0);
    let id = EDITED_ID;
    let italian = message(&project, "it", ONCOLOGY_01, id);
    let before = record(&project, "it", ONCOLOGY_01, id);

    let run = run_expect(&project, &["import", &packet], 1);
    let line = summary_line(&run.stdout, &packet);
    assert_eq!(count(line, "stale"), 1, "{}", run.stdout);
    assert_eq!(
        count(line, "applied"),
        1,
        "the other message is applied: {line}"
    );
    let stale = run
        .stdout
        .lines()
        .find(|l| l.trim_start().starts_with(&format!("stale {id} ")))
        .unwrap_or_else(|| panic!("{}", run.stdout));
    assert!(
        stale.contains("cycle 1, [-the-]{+a+} nurse"),
        "the word diff: {stale}"
    );
    assert_eq!(
        message(&project, "it", ONCOLOGY_01, id),
        italian,
        "untouched"
    );
    assert_eq!(record(&project, "it", ONCOLOGY_01, id), before, "untouched");
    assert_eq!(
        message(&project, "it", ONCOLOGY_01, STALE_ID).as_deref(),
        Some(STALE_ITALIAN)
    );
}

#[test]
fn an_xliff2_translation_of_english_that_changed_since_is_stale() {
    english_changes_after_the_export(XLIFF2);
}

#[test]
fn a_po_translation_of_english_that_changed_since_is_stale() {
    english_changes_after_the_export(PO);
}

#[test]
fn a_truncated_xliff_is_an_error_at_its_place_and_the_next_file_is_imported() {
    let project = TestProject::sample();
    let packet = edited_oncology_packet(&project, XLIFF2);
    run_expect(
        &project,
        &["export", "el", "--course", "digicantrain-oncology"],
        0,
    );
    let broken = "exchange/el/digicantrain-oncology.xlf";
    let text = project.read(broken);
    let lines: Vec<&str> = text.lines().collect();
    // Cut inside a unit, as a copy that stopped half way leaves it.
    project.write(broken, &lines[..lines.len() / 2].join("\n"));
    let greek = locales(&project)
        .into_iter()
        .filter(|(path, _)| path.starts_with("locales/el/"))
        .collect::<std::collections::BTreeMap<_, _>>();

    let run = run_expect(&project, &["import", broken, &packet], 2);
    let place = format!("{broken}:");
    let at = run
        .stderr
        .find(&place)
        .unwrap_or_else(|| panic!("no {place} in:\n{}", run.stderr));
    let position = run.stderr[at + place.len()..]
        .split_whitespace()
        .next()
        .expect("line:col");
    let (line_no, column) = position.split_once(':').expect("line:col");
    assert!(
        line_no.parse::<usize>().is_ok() && column.parse::<usize>().is_ok(),
        "{position}"
    );
    assert_eq!(
        count(summary_line(&run.stdout, &packet), "applied"),
        2,
        "{}",
        run.stdout
    );
    let after = locales(&project)
        .into_iter()
        .filter(|(path, _)| path.starts_with("locales/el/"))
        .collect();
    assert_eq!(changed(&greek, &after), Vec::<String>::new());
}

#[test]
fn a_po_syntax_error_is_an_error_at_its_line_and_the_next_file_is_imported() {
    let project = TestProject::sample();
    let packet = edited_oncology_packet(&project, XLIFF2);
    run_expect(
        &project,
        &[
            "export",
            "el",
            "--course",
            "digicantrain-oncology",
            "--format",
            "po",
        ],
        0,
    );
    let broken = "exchange/el/digicantrain-oncology.po";
    let text = project.read(broken);
    let text = po_fill(
        &text,
        "digicantrain-oncology/02-patient-portals-health-literacy.ftl",
        "accessibility-title",
        "Προσβασιμότητα",
        false,
    );
    // A string that is never closed.
    let line_no = text
        .lines()
        .position(|l| l == "msgstr \"Προσβασιμότητα\"")
        .expect("the filled entry")
        + 1;
    project.write(
        broken,
        &text.replace("msgstr \"Προσβασιμότητα\"", "msgstr \"Προσβασιμότητα"),
    );
    let run = run_expect(&project, &["import", broken, &packet], 2);
    assert!(
        run.stderr.contains(&format!("{broken}:{line_no}:")),
        "{broken}:{line_no}: in\n{}",
        run.stderr
    );
    assert_eq!(
        count(summary_line(&run.stdout, &packet), "applied"),
        2,
        "{}",
        run.stdout
    );
    assert_eq!(
        message(
            &project,
            "el",
            "digicantrain-oncology/02-patient-portals-health-literacy.ftl",
            "accessibility-title"
        ),
        None
    );
}

#[test]
fn a_packet_for_a_language_the_project_does_not_translate_into_is_an_error() {
    let project = TestProject::sample();
    let packet = edited_oncology_packet(&project, XLIFF2);
    let other = "exchange/pt/digicantrain-oncology.xlf";
    project.write(
        other,
        &project
            .read(&packet)
            .replace("trgLang=\"it\"", "trgLang=\"pt-BR\""),
    );
    let before = locales(&project);
    let run = run_expect(&project, &["import", other], 2);
    assert!(
        run.stderr.contains(other) && run.stderr.contains("`pt-BR` is not a target locale"),
        "{}",
        run.stderr
    );
    assert_eq!(changed(&before, &locales(&project)), Vec::<String>::new());
    // Translated units in a packet a tool saved for Italy import for the project's `it`.
    let italy = "exchange/it/from-a-tool.xlf";
    project.write(
        italy,
        &project
            .read(&packet)
            .replace("trgLang=\"it\"", "trgLang=\"it-IT\""),
    );
    let run = run_expect(&project, &["import", italy], 0);
    assert_eq!(
        count(summary_line(&run.stdout, italy), "applied"),
        2,
        "{}",
        run.stdout
    );
}

/// A packet made before someone else saved the message: its text is refused in every format,
/// whether the translator changed the unit or only confirmed it, and the other person's work
/// stays; a message nobody touched since is applied from the same file.
#[test]
fn a_packet_older_than_someone_elses_save_never_overwrites_it() {
    use super::round_trip::XLIFF12;
    for format in [XLIFF2, XLIFF12, PO] {
        let project = TestProject::sample();
        run_expect(
            &project,
            &["export", "it", "--all", "--format", format.flag],
            0,
        );
        let packet = packet_path(format, "it", "digicantrain-oncology");
        // Meanwhile a colleague fixes the stale message directly and records it.
        let module = format!("locales/it/{ONCOLOGY_01}");
        let theirs = "Non prima della valutazione nei pazienti che assumono inibitori dei checkpoint immunitari; non se ci sono feci con sangue";
        let text = project.read(&module);
        let old = message(&project, "it", ONCOLOGY_01, STALE_ID).expect("the stale message");
        project.write(&module, &text.replace(&old, theirs));
        run_expect(
            &project,
            &["accept", "it", "--id", STALE_ID, "--by", "Colleague"],
            0,
        );
        let before = locales(&project);
        // The packet comes back with the translator's own fix of that message, and one other
        // message (untouched since the export) confirmed as reviewed.
        let mut returned = format.fill(
            &project.read(&packet),
            ONCOLOGY_01,
            STALE_ID,
            STALE_ITALIAN,
            format.states[0],
        );
        let other = "why-monitor-symptoms-remotely-title";
        let other_text = message(&project, "it", ONCOLOGY_01, other).expect("translated");
        returned = format.fill(&returned, ONCOLOGY_01, other, &other_text, format.states[1]);
        project.write(&packet, &returned);
        let run = run_expect(&project, &["import", &packet], 1);
        assert!(
            run.stdout.contains("changed since this packet was made"),
            "{}: {}",
            format.flag,
            run.stdout
        );
        assert_eq!(
            message(&project, "it", ONCOLOGY_01, STALE_ID).as_deref(),
            Some(theirs),
            "{}: the colleague's save was overwritten",
            format.flag
        );
        let line = summary_line(&run.stdout, &packet);
        assert_eq!(count(line, "refused"), 1, "{}: {line}", format.flag);
        if format.flag != "po" {
            // The other message moved on to reviewed (PO cannot say reviewed).
            assert_eq!(count(line, "applied"), 1, "{}: {line}", format.flag);
        }
        let changed_files = changed(&before, &locales(&project));
        assert!(
            changed_files.iter().all(|file| std::path::Path::new(file)
                .extension()
                .is_none_or(|ext| ext != "ftl")),
            "{}: no translation text may change: {changed_files:?}",
            format.flag
        );
    }
}

/// Import judges a translation by the project's `[check]` levels and by the `# kurso-allow`
/// comment above the message, as `kurso check` does, not by the rules' default levels.
#[test]
fn import_follows_the_projects_check_policy() {
    let project = pain_course();
    let config = project.read("kurso.toml");
    project.write(
        "kurso.toml",
        &format!("{config}\n[check.locales.it]\nuntranslated = \"error\"\n"),
    );
    run_expect(&project, &["export", "it"], 0);
    // A copy of the English: `untranslated`, a warning by default, an error in this project.
    let copy = "Give 5 mg of morphine by mouth.";
    let packet = xliff2_fill(&project.read(PACKET), "pain-relief-p1", copy, "translated");
    project.write(PACKET, &packet);
    let run = run_expect(&project, &["import", PACKET], 1);
    assert!(
        run.stdout.contains("refused pain-relief-p1"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("untranslated"), "{}", run.stdout);
    // The same copy where a person allowed it above the message is applied.
    project.write(
        "locales/it/c/01-pain.ftl",
        &format!(
            "# kurso-allow untranslated: the dosing line stays in English in this pilot\npain-relief-p1 = {copy}\n\n{}",
            project.read("locales/it/c/01-pain.ftl")
        ),
    );
    run_expect(&project, &["accept", "it", "--id", "pain-relief-p1"], 0);
    run_expect(&project, &["export", "it", "--all", "--force"], 0);
    let packet = xliff2_fill(&project.read(PACKET), "pain-relief-p1", copy, "reviewed");
    project.write(PACKET, &packet);
    let run = run_expect(&project, &["import", PACKET], 0);
    assert_eq!(
        count(summary_line(&run.stdout, PACKET), "applied"),
        1,
        "{}",
        run.stdout
    );
    assert_eq!(
        record(&project, "it", PAIN, "pain-relief-p1").map(|r| r.status),
        Some(Status::Reviewed)
    );
}
