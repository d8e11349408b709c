//! One test per ID-stability scenario: each extracts a module, edits the Markdown, and
//! extracts again against the first result.

use std::path::Path;

use super::*;
use crate::segment::segment_module;

fn extract(markdown: &str) -> Vec<Segment> {
    segment_module(Path::new("m.md"), markdown, &["title".to_owned()]).segments
}

/// First extraction (everything new), as the old messages of the next one.
fn first(markdown: &str) -> (Vec<OldMessage>, BTreeSet<String>) {
    let segments = extract(markdown);
    let alignment = align_ids(&segments, &[], &BTreeSet::new());
    let old = segments
        .iter()
        .zip(&alignment.ids)
        .map(|(segment, id)| OldMessage {
            id: id.clone(),
            text: segment.text.clone(),
        })
        .collect();
    (old, alignment.retired)
}

/// Re-extracts `after` against `before`; returns (id, text, change) rows and the alignment.
fn again(before: &str, after: &str) -> (Vec<(String, String, Change)>, Alignment) {
    let (old, retired) = first(before);
    let segments = extract(after);
    let alignment = align_ids(&segments, &old, &retired);
    let rows = segments
        .iter()
        .zip(&alignment.ids)
        .zip(&alignment.changes)
        .map(|((segment, id), change)| (id.clone(), segment.text.clone(), change.clone()))
        .collect();
    (rows, alignment)
}

fn row(id: &str, text: &str, change: Change) -> (String, String, Change) {
    (id.to_owned(), text.to_owned(), change)
}

const BEFORE: &str = "# Consent\n\nAsk the patient before the video call starts.\n\nRecord the consent in the notes.\n\nOffer an interpreter when needed.\n";

#[test]
fn unchanged_file_keeps_every_id() {
    let (rows, alignment) = again(BEFORE, BEFORE);
    assert!(
        rows.iter()
            .all(|(_, _, change)| *change == Change::Unchanged)
    );
    assert!(alignment.removed.is_empty());
}

#[test]
fn edited_paragraph_keeps_its_id() {
    let after = BEFORE.replace(
        "Record the consent in the notes.",
        "Record the verbal consent in the electronic notes.",
    );
    let (rows, _) = again(BEFORE, &after);
    assert_eq!(
        rows[2],
        row(
            "consent-p2",
            "Record the verbal consent in the electronic notes.",
            Change::Changed {
                old_text: "Record the consent in the notes.".into()
            }
        )
    );
}

#[test]
fn inserted_paragraph_gets_a_fresh_id_and_others_keep_theirs() {
    let after = BEFORE.replace(
        "Record the consent",
        "Check the patient's identity.\n\nRecord the consent",
    );
    let (rows, _) = again(BEFORE, &after);
    let ids: Vec<&str> = rows.iter().map(|(id, _, _)| id.as_str()).collect();
    // The new block would derive `consent-p2`, which is taken: it gets the next free one.
    assert_eq!(
        ids,
        [
            "consent-title",
            "consent-p1",
            "consent-p4",
            "consent-p2",
            "consent-p3"
        ]
    );
    assert_eq!(rows[2].2, Change::Added);
}

#[test]
fn deleted_paragraph_is_retired_and_never_reused() {
    let deleted = BEFORE.replace("Record the consent in the notes.\n\n", "");
    let (old, retired) = first(BEFORE);
    let segments = extract(&deleted);
    let alignment = align_ids(&segments, &old, &retired);
    assert_eq!(alignment.removed, ["consent-p2"]);
    assert!(alignment.retired.contains("consent-p2"));

    // A later, different paragraph in the same place derives `consent-p2` but must not get it.
    let old: Vec<OldMessage> = segments
        .iter()
        .zip(&alignment.ids)
        .map(|(segment, id)| OldMessage {
            id: id.clone(),
            text: segment.text.clone(),
        })
        .collect();
    let later = deleted.replace(
        "Offer an interpreter",
        "Switch to a telephone call if the video fails.\n\nOffer an interpreter",
    );
    let later_segments = extract(&later);
    let later_alignment = align_ids(&later_segments, &old, &alignment.retired);
    let new_id = &later_alignment.ids[2];
    assert_eq!(later_alignment.changes[2], Change::Added);
    assert_ne!(new_id, "consent-p2");
    assert!(!alignment.retired.contains(new_id));
}

#[test]
fn moved_paragraph_keeps_its_id() {
    let after = "# Consent\n\nOffer an interpreter when needed.\n\nAsk the patient before the video call starts.\n\nRecord the consent in the notes.\n";
    let (rows, _) = again(BEFORE, after);
    assert_eq!(
        rows[1],
        row(
            "consent-p3",
            "Offer an interpreter when needed.",
            Change::Moved
        )
    );
    assert_eq!(rows[2].0, "consent-p1");
    assert_eq!(rows[3].0, "consent-p2");
}

#[test]
fn moved_and_edited_paragraph_keeps_its_id() {
    let after = "# Consent\n\nOffer a professional interpreter when needed.\n\nAsk the patient before the video call starts.\n\nRecord the consent in the notes.\n";
    let (rows, _) = again(BEFORE, after);
    assert_eq!(rows[1].0, "consent-p3");
    assert!(matches!(rows[1].2, Change::Changed { .. }));
}

#[test]
fn renamed_heading_keeps_ids_of_its_section() {
    let after = BEFORE.replace("# Consent", "# Consent to remote care");
    let (rows, _) = again(BEFORE, &after);
    let ids: Vec<&str> = rows.iter().map(|(id, _, _)| id.as_str()).collect();
    assert_eq!(
        ids,
        ["consent-title", "consent-p1", "consent-p2", "consent-p3"]
    );
}

#[test]
fn rewritten_paragraph_is_a_new_message() {
    let after = BEFORE.replace(
        "Record the consent in the notes.",
        "Bring a charged tablet to every ward round.",
    );
    let (rows, alignment) = again(BEFORE, &after);
    assert_eq!(rows[2].2, Change::Added);
    assert_eq!(alignment.removed, ["consent-p2"]);
    assert_ne!(rows[2].0, "consent-p2");
}

#[test]
fn pinned_id_wins_over_alignment() {
    let after = BEFORE.replace(
        "Record the consent",
        "<!-- l10n: id=record-consent -->\nRecord the consent",
    );
    let (rows, alignment) = again(BEFORE, &after);
    assert_eq!(
        rows[2],
        row(
            "record-consent",
            "Record the consent in the notes.",
            Change::Added
        )
    );
    assert_eq!(alignment.removed, ["consent-p2"]);
}

#[test]
fn pinned_id_can_revive_a_retired_one() {
    let (old, _) = first(BEFORE);
    let retired: BTreeSet<String> = ["old-intro".to_owned()].into();
    let segments = extract(&BEFORE.replace(
        "Ask the patient",
        "<!-- l10n: id=old-intro -->\nAsk the patient",
    ));
    let alignment = align_ids(&segments, &old, &retired);
    assert_eq!(alignment.ids[1], "old-intro");
    assert!(!alignment.retired.contains("old-intro"));
}

#[test]
fn fresh_ids_count_up_or_get_a_suffix() {
    let taken: HashSet<String> = ["a-p1", "a-p2", "a-title"]
        .iter()
        .map(|&id| id.to_owned())
        .collect();
    assert_eq!(fresh_id("a-p1", &taken), "a-p3");
    assert_eq!(fresh_id("a-title", &taken), "a-title-2");
    assert_eq!(fresh_id("b-p1", &taken), "b-p1");
}

#[test]
fn similarity_is_one_for_equal_and_low_for_unrelated_text() {
    assert!((similarity("a b c", "a b c") - 1.0).abs() < f32::EPSILON);
    assert!(
        similarity(
            "Record the consent in the notes.",
            "Bring a charged tablet to every ward round."
        ) < MIN_SIMILARITY
    );
}
