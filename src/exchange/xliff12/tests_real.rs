//! Real tools' XLIFF 1.2 files (`../shared/corpora/interop/xliff12-real/`, see its README for
//! each tool's quirks) and the OASIS sample instances: unit counts, IDs, states with each tool's
//! mapping, targets, notes, who/when and inline codes.

use std::path::Path;

use super::read;
use crate::exchange::model::{Inline, NoteKind, Packet, State, Unit};

/// Reads a corpus file; it must read without `Err` and without diagnostics.
#[track_caller]
fn corpus(relative: &str) -> Packet {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpora/interop")
        .join(relative);
    let text = std::fs::read_to_string(&path).expect("the corpora sit beside the repository");
    let (packet, diagnostics) = read(&path, &text).unwrap_or_else(|err| panic!("{err}"));
    assert!(diagnostics.is_empty(), "{relative}: {diagnostics:#?}");
    packet
}

fn units(packet: &Packet) -> Vec<&Unit> {
    packet.files.iter().flat_map(|file| &file.units).collect()
}

fn unit<'a>(packet: &'a Packet, id: &str) -> &'a Unit {
    units(packet)
        .into_iter()
        .find(|unit| unit.id == id)
        .unwrap_or_else(|| panic!("no unit {id}"))
}

fn target_text(unit: &Unit) -> Option<String> {
    unit.target.as_deref().map(Inline::plain)
}

fn ph(id: &str, equiv: Option<&str>) -> Inline {
    Inline::Ph {
        id: id.into(),
        equiv: equiv.map(Into::into),
    }
}

fn text(text: &str) -> Inline {
    Inline::Text(text.into())
}

#[test]
fn trados_confirmation_levels_map_to_states() {
    let packet =
        corpus("xliff12-real/matecat-xliff-parser/Test stati sdlxliff.txt_it-IT_en-US.sdlxliff");
    assert_eq!(
        (packet.source_locale.as_str(), packet.target_locale.as_str()),
        ("it-IT", "en-US")
    );
    let all = units(&packet);
    assert_eq!(all.len(), 31);
    // Structure units (translate="no") hold only codes and have no target.
    let structure = all
        .iter()
        .filter(|unit| Inline::plain(&unit.source).trim().is_empty());
    for unit in structure.clone() {
        assert_eq!(
            (unit.state, &unit.target),
            (State::New, &None),
            "{}",
            unit.id
        );
    }
    assert_eq!(structure.count(), 16);
    assert_eq!(all[0].source, [ph("0", None)]);
    let segments: Vec<(State, Option<String>)> = all
        .iter()
        .filter(|unit| !Inline::plain(&unit.source).trim().is_empty())
        .map(|unit| (unit.state, target_text(unit)))
        .collect();
    let with_text = |n: usize| Some(format!("Segment {n}"));
    let expected = [
        (State::Draft, with_text(1)),      // no conf: typed, not confirmed
        (State::Draft, with_text(2)),      // Draft
        (State::Translated, with_text(3)), // Translated
        (State::Draft, with_text(4)),      // RejectedTranslation
        (State::Reviewed, with_text(5)),   // ApprovedTranslation
        (State::Draft, with_text(6)),      // RejectedSignOff
        (State::Final, with_text(7)),      // ApprovedSignOff
    ];
    assert_eq!(segments[..7], expected);
    // Segments 8 to 15 have every level but an empty target: nothing to import.
    assert!(
        segments[7..]
            .iter()
            .all(|segment| *segment == (State::New, None))
    );
    let first = unit(&packet, "c10f7ce7-4ad0-46a1-b069-cbdfe4cfda3f");
    assert_eq!(
        first.changed_by.as_deref(),
        Some("WORKSTATION1\\translated")
    );
    assert_eq!(first.changed_on.as_deref(), Some("2024-08-06T10:26:11"));
    assert_eq!(first.line, 149);
}

#[test]
fn trados_segments_join_into_the_unit_text() {
    let packet = corpus(
        "xliff12-real/supervertaler/Supervertaler_DOCX_Advanced_Test_Document.docx.sdlxliff",
    );
    let all = units(&packet);
    assert_eq!(all.len(), 42);
    assert!(all.iter().all(|unit| unit.state == State::Translated));
    let two = unit(&packet, "1728c601-0237-499e-94dd-ecc10d57248d");
    assert_eq!(
        target_text(two).as_deref(),
        Some(
            "Dit document is ontworpen om het volledige scala aan opmaakfuncties te testen die vaak voorkomen in complexe Microsoft Word-documenten. Het combineert opzettelijk structuur, lay-out en inline opmaak."
        )
    );
    let formatted = unit(&packet, "de50f1a8-0f22-44ec-8ea1-d5e96b581c61");
    let code_ids = |inlines: &[Inline]| -> Vec<String> {
        inlines
            .iter()
            .filter_map(|inline| match inline {
                Inline::Open { id, .. } => Some(format!("<{id}")),
                Inline::Close { id, .. } => Some(format!("{id}>")),
                _ => None,
            })
            .collect()
    };
    let source_codes = code_ids(&formatted.source);
    assert_eq!(source_codes[..4], ["<2", "2>", "<5", "5>"]);
    assert_eq!(
        code_ids(formatted.target.as_deref().expect("translated")),
        source_codes
    );
    assert_eq!(formatted.changed_by.as_deref(), Some("M.Beijer"));
}

#[test]
fn memoq_status_lock_and_commit_info() {
    let packet = corpus("xliff12-real/blackbird-openai/locked.mqxliff");
    assert_eq!(packet.tool.as_deref(), Some("MemoQ"));
    let all = units(&packet);
    assert_eq!(
        all.iter().map(|unit| unit.id.as_str()).collect::<Vec<_>>(),
        ["1", "2", "3"]
    );
    let locked = all[0];
    assert_eq!(
        locked.state,
        State::Reviewed,
        "Proofread, locked with translate=\"no\""
    );
    assert!(
        target_text(locked)
            .expect("a target")
            .starts_with("Moment mal, (this is an issue)")
    );
    assert_eq!(locked.changed_by.as_deref(), Some("admin"));
    assert_eq!(locked.changed_on.as_deref(), Some("2025-03-31T09:44:01Z"));
    for not_started in &all[1..] {
        assert_eq!(
            (not_started.state, &not_started.target),
            (State::New, &None)
        );
        assert_eq!(
            (&not_started.changed_by, &not_started.changed_on),
            (&None, &None)
        );
    }
}

#[test]
fn phrase_confirmation_and_machine_origin() {
    let packet = corpus("xliff12-real/blackbird-openai/3 random sentences-en-de-T.mxliff");
    let all = units(&packet);
    assert_eq!(all.len(), 3);
    assert_eq!(all[2].id, "tOvG0wyW9t1QEg2E1_dc2:2");
    for unit in &all {
        assert_eq!(
            unit.state,
            State::Draft,
            "m:confirmed=\"0\", m:trans-origin=\"mt\""
        );
        assert_eq!(unit.changed_by.as_deref(), Some("vitalii.bezuhlyi"));
        assert_eq!(unit.changed_on.as_deref(), Some("2025-04-23T15:45:22Z"));
    }
    assert_eq!(
        target_text(all[1]).as_deref(),
        Some("Der Gletscher erwachte zum Leben, als die Bergsteiger näher kamen.")
    );
}

#[test]
fn madcap_bpt_ept_pairs_and_native_codes() {
    let packet = corpus("xliff12-real/matecat-xliff-parser/Working_with_the_Review_tool.xlf");
    assert_eq!(packet.tool.as_deref(), Some("Lingo"));
    let all = units(&packet);
    assert_eq!(all.len(), 56);
    assert!(
        all.iter()
            .all(|unit| unit.state == State::New && unit.target.is_none())
    );
    let note = unit(&packet, "10");
    assert_eq!(
        note.source[..3],
        [
            Inline::Open {
                id: "1".into(),
                equiv: Some("<span class=\"strong\">".into())
            },
            text("Note:"),
            Inline::Close {
                id: "1".into(),
                equiv: Some("</span>".into())
            },
        ]
    );
    assert!(
        matches!(&note.source[4], Inline::Ph { id, equiv: Some(native) }
        if id == "1" && native.starts_with("<MadCap:xref href=") && native.ends_with(">1.0.1</MadCap:xref>"))
    );
    // MadCap numbers each element kind apart: the placeholder's ID is the pair's, and the
    // codes, one per ID, describe the pair.
    assert_eq!(note.codes.len(), 1);
    assert_eq!(
        (
            note.codes[0].original.as_str(),
            note.codes[0].closing.as_str()
        ),
        ("<span class=\"strong\">", "</span>")
    );
}

#[test]
fn okapi_files_bx_ex_and_g() {
    let packet = corpus("xliff12-real/matecat-xliff-parser/calibre.docx.xliff");
    let per_file: Vec<usize> = packet.files.iter().map(|file| file.units.len()).collect();
    assert_eq!(per_file, [182, 1, 1, 0, 4]);
    assert_eq!(packet.files[3].original, "word/settings.xml");
    let units = units(&packet);
    assert!(units.iter().all(|unit| unit.state == State::Translated));
    let buttons = unit(&packet, "NFDBB2FA9-tu4");
    let codes: Vec<&Inline> = buttons
        .source
        .iter()
        .filter(|i| !matches!(i, Inline::Text(_)))
        .collect();
    assert_eq!(
        codes[..4],
        [
            &Inline::Open {
                id: "1".into(),
                equiv: None
            },
            &Inline::Close {
                id: "1".into(),
                equiv: None
            },
            &Inline::Open {
                id: "2".into(),
                equiv: None
            }, // <bx id="2"/>
            &Inline::Close {
                id: "2".into(),
                equiv: None
            }, // <ex id="2"/>
        ]
    );
}

#[test]
fn okapi_empty_segment_mrk_and_resname() {
    let packet = corpus("xliff12-real/matecat-xliff-parser/empty-mrk.xliff");
    let ids: Vec<&str> = units(&packet).iter().map(|unit| unit.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "creators.PAGE_TITLE",
            "weather.WEATHER_TEXT",
            "yodel.MORNING_DIGEST"
        ]
    );
    let title = unit(&packet, "creators.PAGE_TITLE");
    // state="new": New, though the target has text; the layout between segments is dropped.
    assert_eq!(
        (title.state, target_text(title).as_deref()),
        (State::New, Some("Créateurs Yahoo"))
    );
    assert_eq!(title.notes[0].text, "Y4C page title");
    let weather = unit(&packet, "weather.WEATHER_TEXT");
    // The empty segment mrk adds nothing; xml:space="preserve" keeps the upstream indentation.
    assert_eq!(
        weather.target.as_deref().expect("a target"),
        [
            text("et\n            "),
            ph("1", Some("{condition}")),
            text("\n          ")
        ]
    );
    let digest = unit(&packet, "yodel.MORNING_DIGEST");
    assert_eq!(
        digest.state,
        State::Draft,
        "state-qualifier=\"leveraged-mt\""
    );
    assert_eq!(digest.notes.len(), 2);
    assert!(
        digest
            .notes
            .iter()
            .all(|note| note.kind == NoteKind::General)
    );
}

#[test]
fn xcode_lokalise_and_angular() {
    let xcode = corpus("xliff12-real/matecat-xliff-parser/long-segment-id.xliff");
    assert_eq!(xcode.tool.as_deref(), Some("Xcode"));
    assert_eq!(
        xcode
            .files
            .iter()
            .map(|f| f.units.len())
            .collect::<Vec<_>>(),
        [2, 1]
    );
    let long = &xcode.files[1].units[0];
    assert!(
        long.id.starts_with("Periodic notification trigger") && long.id.ends_with("5 accounts.")
    );
    assert_eq!(long.state, State::Translated, "a target without state");
    assert_eq!(long.notes[0].text, "No comment provided by engineer.");

    let lokalise = corpus("xliff12-real/blackbird-openai/test.xlf");
    assert_eq!(lokalise.tool.as_deref(), Some("Lokalise"));
    let heart = unit(&lokalise, "9");
    assert_eq!(
        (heart.state, &heart.target),
        (State::New, &None),
        "an empty <target>"
    );
    assert_eq!(heart.notes.len(), 2, "the duplicated note is kept");
    assert!(
        Inline::plain(&unit(&lokalise, "6").source)
            .contains("criteria.\\n    Among other checks LingoHub verifies if \"%@\"")
    );

    let angular = corpus("xliff12-real/ngx-i18nsupport-lib/translatedFile.xlf");
    let all = units(&angular);
    assert_eq!(all.len(), 39);
    assert!(all.iter().all(|unit| unit.state == State::Final));
    assert_eq!(
        (all[0].source.len(), all[0].target.as_deref()),
        (0, Some(&[][..]))
    );
    let bold = unit(&angular, "92c7024852ec03b5fd29a5e7ecd58ba8b39f5cb3");
    assert_eq!(
        bold.source,
        [
            text("Translate "),
            ph("START_BOLD_TEXT", None),
            text("from"),
            ph("CLOSE_BOLD_TEXT", None)
        ]
    );
    let count = unit(&angular, "17cb0e566c8ae68d987c74444b0ab259f783ee0c");
    assert_eq!(count.source, [ph("INTERPOLATION", None), text(" bytes, ")]);
    // No xml:space="preserve": the indentation around the text is layout.
    let indented = unit(&angular, "b4922e891f1039e26f004f3a89fd0eb9a97ec6e8");
    assert_eq!(indented.source, [text("mark as translated")]);
    let reference = unit(&angular, "c4a05f0fcb307b9203be9ad5ebc6e37f726801d1");
    assert_eq!(
        target_text(reference).as_deref(),
        Some("Ihre Übersetzung nach")
    );
}

#[test]
fn oasis_sample_instances() {
    for (name, per_file) in [("strict", [4, 7]), ("transitional", [5, 7])] {
        let packet = corpus(&format!(
            "xliff-schemas/xliff-1.2/samples/Sample_AlmostEverything_1.2_{name}.xlf"
        ));
        assert_eq!(
            packet
                .files
                .iter()
                .map(|f| f.units.len())
                .collect::<Vec<_>>(),
            per_file
        );
        let everything = unit(&packet, "_1_ski_041");
        assert_eq!(everything.state, State::New, "needs-translation");
        assert_eq!(
            everything.changed_by.as_deref(),
            Some("String"),
            "from its phase"
        );
        assert!(
            everything.source.contains(&Inline::Ph {
                id: "_1_ski_436".into(),
                equiv: Some("code".into())
            }),
            "<it>"
        );
        let protected = unit(&packet, "_1_ski_2203");
        assert_eq!(
            target_text(protected).as_deref(),
            Some("XLIFF in any language stands for XML Localisation Interchange File Format .")
        );
    }
}
