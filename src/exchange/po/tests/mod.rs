//! Tests of the PO format: round trips of every state, note, term, escape and plural, and
//! text that is not PO. `tools.rs`: what other tools write and read.

use std::path::Path;

use super::*;

mod tools;
use crate::exchange::model::{
    Code, CodeKind, Inline, Note, NoteKind, PacketFile, State, TermHint, Unit,
};

const FILE: &str = "digicantrain-oncology/01-remote-symptom-monitoring.ftl";

fn text(value: &str) -> Vec<Inline> {
    if value.is_empty() {
        Vec::new()
    } else {
        vec![Inline::Text(value.to_owned())]
    }
}

fn unit(id: &str, english: &str, target: Option<&str>, state: State) -> Unit {
    Unit {
        id: id.to_owned(),
        source: text(english),
        target: target.map(text),
        state,
        ..Unit::default()
    }
}

fn packet(locale: &str, files: Vec<PacketFile>) -> Packet {
    Packet {
        source_locale: "en".to_owned(),
        target_locale: locale.to_owned(),
        tool: Some(format!("kurso {}", env!("CARGO_PKG_VERSION"))),
        files,
        raw_markup: false,
    }
}

fn file(original: &str, units: Vec<Unit>) -> PacketFile {
    PacketFile {
        original: original.to_owned(),
        units,
    }
}

/// `po` with every string that continues on the next line joined onto one line, so tests
/// can look for whole values.
fn unwrapped(po: &str) -> String {
    po.replace("\"\n\"", "").replace("\"\n#| \"", "")
}

/// Reads `text` expecting no diagnostics; unit lines are left out (set to 0) for comparing
/// with a packet.
#[track_caller]
fn read_clean(text: &str) -> Packet {
    let (mut packet, diagnostics) = read(Path::new("it.po"), text).expect("reads");
    assert!(diagnostics.is_empty(), "{diagnostics:#?}\n{text}");
    for unit in packet.files.iter_mut().flat_map(|f| &mut f.units) {
        assert!(unit.line > 0, "{unit:?}");
        unit.line = 0;
    }
    packet
}

/// What reading gives for a packet whose texts are plain (no codes): the same packet, marked
/// as raw markup.
fn as_read(mut packet: Packet) -> Packet {
    packet.raw_markup = true;
    packet
}

/// A packet with a unit in every state, every kind of note, terms, a stale unit and who/when.
fn rich_packet() -> Packet {
    let mut reviewed = unit(
        "red-alerts-act-now-p1",
        "Call the patient if the temperature is **38.0 °C** or higher.",
        Some("Chiamare il paziente se la temperatura è **38,0 °C** o più."),
        State::Reviewed,
    );
    reviewed.notes = vec![
        Note {
            kind: NoteKind::Location,
            text: "01-remote-symptom-monitoring.md:41 · Remote symptom monitoring › Red alerts"
                .to_owned(),
        },
        Note {
            kind: NoteKind::Author,
            text: "Thresholds must not change.".to_owned(),
        },
        Note {
            kind: NoteKind::General,
            text: "Two lines:\nthe second one.".to_owned(),
        },
        Note {
            kind: NoteKind::General,
            text: "note: looks like a label".to_owned(),
        },
    ];
    reviewed.terms = vec![
        TermHint {
            source: "patient".to_owned(),
            approved: vec!["paziente".to_owned(), "assistito".to_owned()],
            forbidden: vec!["cliente".to_owned()],
            do_not_translate: false,
            note: Some("A person | receiving care; not a customer.".to_owned()),
        },
        TermHint {
            source: "FHIR".to_owned(),
            approved: Vec::new(),
            forbidden: Vec::new(),
            do_not_translate: true,
            note: None,
        },
    ];
    reviewed.changed_by = Some("Maria Rossi".to_owned());
    reviewed.changed_on = Some("2025-03-01".to_owned());
    let mut stale = unit(
        "loperamide-note",
        "Give 4 mg loperamide, then 2 mg after each loose stool.",
        Some("Dare 4 mg di loperamide."),
        State::Translated,
    );
    stale.previous_source = Some("Give 4 mg loperamide.".to_owned());
    stale.notes = vec![Note {
        kind: NoteKind::Stale,
        text: "Give 4 mg loperamide{+, then 2 mg after each loose stool+}.".to_owned(),
    }];
    packet(
        "it",
        vec![file(
            FILE,
            vec![
                unit("meta-title", "Remote symptom monitoring", None, State::New),
                unit(
                    "epro-p1",
                    "Patients report symptoms from home.",
                    Some("I pazienti segnalano i sintomi da casa."),
                    State::Draft,
                ),
                unit(
                    "epro-p2",
                    "A nurse reads every report.",
                    Some("Un infermiere legge ogni segnalazione."),
                    State::Translated,
                ),
                reviewed,
                unit(
                    "epro-p3",
                    "Grade 3 diarrhoea needs a call.",
                    Some("La diarrea di grado 3 richiede una chiamata."),
                    State::Final,
                ),
                stale,
            ],
        )],
    )
}

#[test]
fn every_state_note_term_and_stale_unit_round_trips() {
    let packet = rich_packet();
    let written = write(&packet);
    assert_eq!(read_clean(&written), as_read(packet.clone()));
    // Deterministic: the same packet gives the same bytes.
    assert_eq!(write(&packet), written);
    assert!(
        written
            .lines()
            .filter(|line| !line.starts_with("#."))
            .all(|line| line.chars().count() <= 79),
        "{written}"
    );
    let written = unwrapped(&written);
    for expected in [
        "msgctxt \"digicantrain-oncology/01-remote-symptom-monitoring.ftl:epro-p1\"\n",
        "#, fuzzy\nmsgctxt",
        "#: 01-remote-symptom-monitoring.md:41\n",
        "#. note: Thresholds must not change.\n",
        "#. Two lines:\n#.   the second one.\n",
        "#. general: note: looks like a label\n",
        "#. term: patient | approved: paziente; assistito | forbidden: cliente | note: A person \\| receiving care\\; not a customer.\n",
        "#. term: FHIR | do not translate\n",
        "#. kurso-changed-by: Maria Rossi\n#. kurso-changed-on: 2025-03-01\n",
        "#| msgctxt \"digicantrain-oncology/01-remote-symptom-monitoring.ftl:loperamide-note\"\n#| msgid \"Give 4 mg loperamide.\"\n",
        "Language: it\\n",
        "X-Generator: kurso ",
    ] {
        assert!(written.contains(expected), "{expected:?} not in\n{written}");
    }
    // Reviewed and final say so in a comment; the others need none.
    assert_eq!(written.matches("#. kurso-state:").count(), 2, "{written}");
}

#[test]
fn the_context_keeps_ids_that_repeat_across_modules_apart() {
    let packet = packet(
        "el-CY",
        vec![
            file(
                "hpass-digital-skills/01-telehealth.ftl",
                vec![unit(
                    "meta-title",
                    "Telehealth",
                    Some("Τηλεϋγεία"),
                    State::Translated,
                )],
            ),
            file(
                "hpass-digital-skills/02-ehr.ftl",
                vec![unit(
                    "meta-title",
                    "Telehealth",
                    Some("Τηλεϋγεία"),
                    State::Translated,
                )],
            ),
        ],
    );
    let written = write(&packet);
    assert!(written.contains("\"Language: el_CY\\n\""), "{written}");
    let back = read_clean(&written);
    assert_eq!(back.target_locale, "el-CY");
    assert_eq!(back, as_read(packet));
}

#[test]
fn escapes_and_long_lines_round_trip() {
    let tricky = "Line one\nline\ttwo with \"quotes\" and a back\\slash, \u{7} and a very long tail that goes on well past the seventy-nine columns gettext wraps at, so it is wrapped";
    let packet = packet(
        "fi",
        vec![file(
            FILE,
            vec![unit("p1", tricky, Some(tricky), State::Translated)],
        )],
    );
    let written = write(&packet);
    assert!(
        written.contains("msgid \"\"\n\"Line one\\n\"\n"),
        "{written}"
    );
    assert!(written.contains("\\\"quotes\\\""), "{written}");
    assert!(written.contains("back\\\\slash"), "{written}");
    assert!(written.contains("\\007"), "{written}");
    assert!(written.contains("line\\ttwo"), "{written}");
    assert!(
        written.lines().all(|line| line.chars().count() <= 79),
        "{written}"
    );
    assert_eq!(read_clean(&written), as_read(packet));
}

proptest::proptest! {
    #[test]
    fn any_text_survives_a_round_trip(english in "\\PC{0,120}", target in "(\\PC|[\n\t\"\\\\]){1,200}") {
        let packet = packet("hu", vec![file(FILE, vec![unit("p1", &english, Some(&target), State::Translated)])]);
        let (mut back, _) = read(Path::new("hu.po"), &write(&packet)).expect("reads");
        back.files[0].units[0].line = 0;
        proptest::prop_assert_eq!(back, as_read(packet));
    }
}

#[test]
fn codes_are_written_as_their_originals_and_read_back_as_raw_text() {
    let codes = vec![
        Code {
            id: "1".to_owned(),
            kind: CodeKind::Standalone,
            original: "{ $dose }".to_owned(),
            closing: String::new(),
        },
        Code {
            id: "2".to_owned(),
            kind: CodeKind::Paired,
            original: "[".to_owned(),
            closing: "](https://example.org/leaflet)".to_owned(),
        },
    ];
    let ph = |id: &str| Inline::Ph {
        id: id.to_owned(),
        equiv: None,
    };
    let open = Inline::Open {
        id: "2".to_owned(),
        equiv: Some("[".to_owned()),
    };
    let close = Inline::Close {
        id: "2".to_owned(),
        equiv: None,
    };
    let mut dose = unit("dose-p1", "", None, State::Translated);
    dose.source = vec![
        Inline::Text("Give ".to_owned()),
        ph("1"),
        Inline::Text(" mg, see ".to_owned()),
        open.clone(),
        Inline::Text("the leaflet".to_owned()),
        close.clone(),
        Inline::Text(". Keep {braces}.".to_owned()),
    ];
    dose.target = Some(vec![
        Inline::Text("Vedere ".to_owned()),
        open,
        Inline::Text("il foglietto".to_owned()),
        close,
        Inline::Text(", dare ".to_owned()),
        ph("1"),
        Inline::Text(" mg.".to_owned()),
    ]);
    dose.codes = codes;
    let written = unwrapped(&write(&packet("it", vec![file(FILE, vec![dose])])));
    assert!(
        written.contains(
            "msgid \"Give { $dose } mg, see [the leaflet](https://example.org/leaflet). Keep {braces}.\""
        ),
        "{written}"
    );
    let back = read_clean(&written);
    assert!(back.raw_markup);
    let unit = &back.files[0].units[0];
    assert_eq!(
        unit.target.as_deref(),
        Some(&text("Vedere [il foglietto](https://example.org/leaflet), dare { $dose } mg.")[..])
    );
    assert!(unit.codes.is_empty());
}

/// The variants of a Lithuanian plural select, as export gives them: English `other` for the
/// categories English lacks.
fn lithuanian_plural() -> Vec<Unit> {
    let mut few = unit(
        "doses[few]",
        "{ $n } doses",
        Some("{ $n } dozės"),
        State::Draft,
    );
    few.changed_on = Some("2025-02-01".to_owned());
    vec![
        unit(
            "doses[one]",
            "{ $n } dose",
            Some("{ $n } dozė"),
            State::Reviewed,
        ),
        few,
        unit(
            "doses[other]",
            "{ $n } doses",
            Some("{ $n } dozių"),
            State::Translated,
        ),
        unit(
            "doses[many]",
            "{ $n } doses",
            Some("{ $n } dozės (trupmena)"),
            State::Translated,
        ),
        unit(
            "route[oral]",
            "by mouth",
            Some("per burną"),
            State::Translated,
        ),
        unit("route[other]", "other route", None, State::New),
    ]
}

#[test]
fn a_plural_select_is_one_gettext_entry_in_the_targets_forms() {
    let packet = packet("lt", vec![file(FILE, lithuanian_plural())]);
    let written = unwrapped(&write(&packet));
    let expected_plural = "#. kurso-state: one=reviewed ";
    assert!(written.contains(expected_plural), "{written}");
    for expected in [
        "Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && (n%100<10 || n%100>=20) ? 1 : 2);\\n",
        "#. kurso-changed-on: 2025-02-01\n#, fuzzy\nmsgctxt \"digicantrain-oncology/01-remote-symptom-monitoring.ftl:doses\"\nmsgid \"{ $n } dose\"\nmsgid_plural \"{ $n } doses\"\nmsgstr[0] \"{ $n } dozė\"\nmsgstr[1] \"{ $n } dozės\"\nmsgstr[2] \"{ $n } dozių\"\n",
        // `many` (fractions) has no gettext form: an entry of its own.
        "msgctxt \"digicantrain-oncology/01-remote-symptom-monitoring.ftl:doses[many]\"\n",
        // A select on something else stays one entry per variant.
        "msgctxt \"digicantrain-oncology/01-remote-symptom-monitoring.ftl:route[oral]\"\n",
    ] {
        assert!(written.contains(expected), "{expected:?} not in\n{written}");
    }
    assert_eq!(written.matches("msgid_plural").count(), 1, "{written}");
    let back = read_clean(&written);
    let units = &back.files[0].units;
    let ids: Vec<&str> = units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "doses[one]",
            "doses[few]",
            "doses[other]",
            "doses[many]",
            "route[oral]",
            "route[other]"
        ]
    );
    // Every variant keeps its own state, though the entry is fuzzy for `few`'s sake.
    let mut expected = lithuanian_plural();
    for unit in &mut expected[..3] {
        unit.changed_on = Some("2025-02-01".to_owned());
    }
    assert_eq!(units, &expected);
}

#[test]
fn a_language_without_plural_forms_keeps_every_variant_as_an_entry() {
    let packet = packet("ja", vec![file(FILE, lithuanian_plural())]);
    let written = write(&packet);
    assert!(!written.contains("Plural-Forms"), "{written}");
    assert!(!written.contains("msgid_plural"), "{written}");
    assert_eq!(read_clean(&written), as_read(packet));
}

// Errors.

#[track_caller]
fn check_error(po: &str, expected: &str) {
    let err = read(Path::new("x.po"), po).expect_err("not PO");
    assert_eq!(format!("{}: {}", err.location(), err.message), expected);
}

#[test]
fn text_that_is_not_po_is_an_error_at_its_line_and_column() {
    let header = "msgid \"\"\nmsgstr \"Language: it\\n\"\n\n";
    check_error(
        &format!("{header}msgid \"a\"\nmsgstr \"b\n"),
        "x.po:5:10: not a PO file: the string is not closed: a string ends with `\"` on the line it starts",
    );
    check_error(
        &format!("{header}msgid \"a\"\nmsgstr \"b\" c\n"),
        "x.po:5:12: not a PO file: text after the closing quote (write `\\\"` for a quote inside a string)",
    );
    check_error(
        &format!("{header}msgid \"a\"\n  msgtsr \"b\"\n"),
        "x.po:5:3: not a PO file: expected `msgctxt`, `msgid`, `msgid_plural`, `msgstr`, a string or a comment",
    );
    check_error(
        &format!("{header}msgid \"a\"\n\nmsgid \"b\"\nmsgstr \"c\"\n"),
        "x.po:4:1: not a PO file: this entry has no `msgstr`",
    );
    check_error(
        &format!("{header}msgid \"a\\q\"\nmsgstr \"\"\n"),
        "x.po:4:9: not a PO file: unknown escape `\\q` (write `\\\\` for a backslash)",
    );
    check_error(
        &format!("{header}msgid \"a\"\nmsgid_plural \"as\"\nmsgstr[1] \"x\"\n"),
        "x.po:6:1: not a PO file: expected `msgstr[0]` here",
    );
    check_error(
        "<?xml version=\"1.0\"?>\n",
        "x.po:1:1: not a PO file: expected `msgctxt`, `msgid`, `msgid_plural`, `msgstr`, a string or a comment",
    );
}

#[test]
fn problems_of_one_entry_are_diagnostics_and_the_others_are_read() {
    let po = "msgid \"\"\nmsgstr \"Language: lt\\n\"\n\n\
              msgctxt \"a.ftl:x\"\nmsgid \"X\"\nmsgstr \"x\"\n\n\
              msgctxt \"a.ftl:x\"\nmsgid \"X\"\nmsgstr \"y\"\n\n\
              msgctxt \"a.ftl:n\"\nmsgid \"one\"\nmsgid_plural \"many\"\nmsgstr[0] \"a\"\nmsgstr[1] \"b\"\n\n\
              msgctxt \"a.ftl:z\"\nmsgid \"Z\"\nmsgstr \"z\"\n";
    let (packet, diagnostics) = read(Path::new("lt.po"), po).expect("reads");
    let messages: Vec<String> = diagnostics
        .iter()
        .map(|d| format!("{}: {}", d.location(), d.message))
        .collect();
    assert_eq!(
        messages,
        [
            "lt.po:8:1: this msgctxt and msgid are defined twice; the second was not read",
            "lt.po:12:1: this plural entry was not read: the header has no `Plural-Forms`",
        ]
    );
    let ids: Vec<&str> = packet.files[0]
        .units
        .iter()
        .map(|u| u.id.as_str())
        .collect();
    assert_eq!(ids, ["x", "z"]);
    assert_eq!(packet.files[0].units[1].line, 18);
}
