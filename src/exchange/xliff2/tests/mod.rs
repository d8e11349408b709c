//! Tests of the XLIFF 2.0 reader and writer: round trips (`roundtrip`), schema validation
//! (`schema`), tools' rewrites of kurso's output (`rewrites`), real tools' files and the OASIS
//! test suite (`real`), and what is refused (`refused`).

mod real;
mod refused;
mod rewrites;
mod roundtrip;
mod schema;

use std::path::{Path, PathBuf};

use super::{read, write};
use crate::diagnostic::Diagnostic;
use crate::exchange::inline::from_masked;
use crate::exchange::model::{Inline, Note, NoteKind, Packet, PacketFile, State, TermHint, Unit};
use crate::mt::mask::{mask, pattern_text};

/// `../shared/corpora/interop`.
fn interop() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/interop")
}

/// Reads `text`, expecting no `Err`.
#[track_caller]
fn read_ok(text: &str) -> (Packet, Vec<Diagnostic>) {
    match read(Path::new("packet.xlf"), text) {
        Ok(read) => read,
        Err(err) => panic!("{err}\n--- file ---\n{text}"),
    }
}

/// Reads `text`, expecting no `Err` and no diagnostic.
#[track_caller]
fn read_clean(text: &str) -> Packet {
    let (packet, problems) = read_ok(text);
    assert!(problems.is_empty(), "{problems:#?}");
    packet
}

/// The units of every file, sorted by file and ID, with `line` cleared: what a rewrite must
/// leave as it was.
fn sorted_units(packet: &Packet) -> Vec<(String, Unit)> {
    let mut units: Vec<(String, Unit)> = packet
        .files
        .iter()
        .flat_map(|file| {
            file.units.iter().map(|unit| {
                let mut unit = unit.clone();
                unit.line = 0;
                (file.original.clone(), unit)
            })
        })
        .collect();
    units.sort_by(|a, b| (&a.0, &a.1.id).cmp(&(&b.0, &b.1.id)));
    units
}

/// The packet with every unit's `line` cleared, to compare with what was written.
fn without_lines(mut packet: Packet) -> Packet {
    for unit in packet.files.iter_mut().flat_map(|file| &mut file.units) {
        unit.line = 0;
    }
    packet
}

/// A unit made the way export makes one: inlines and codes from the masked Fluent value.
fn masked_unit(id: &str, english: &str, translation: Option<&str>, state: State) -> Unit {
    let (source, codes) = masked_inlines(english);
    let target = translation.map(|text| {
        let (inlines, own) = masked_inlines(text);
        crate::exchange::inline::align(&inlines, &own, &codes).expect("same markup")
    });
    Unit {
        id: id.to_owned(),
        source,
        target,
        state,
        codes,
        ..Unit::default()
    }
}

fn masked_inlines(fluent_value: &str) -> (Vec<Inline>, Vec<crate::exchange::model::Code>) {
    let source = format!("x = {fluent_value}\n");
    let resource = fluent_syntax::parser::parse(source.as_str()).expect("valid Fluent");
    let Some(fluent_syntax::ast::Entry::Message(message)) = resource.body.first() else {
        panic!("one message");
    };
    let (text, placeables) = pattern_text(message.value.as_ref().expect("a value"));
    from_masked(&mask(&text, &["FHIR".to_owned()]), &placeables)
}

fn text(value: &str) -> Inline {
    Inline::Text(value.to_owned())
}

fn ph(id: &str, equiv: &str) -> Inline {
    Inline::Ph {
        id: id.to_owned(),
        equiv: Some(equiv.to_owned()),
    }
}

fn open(id: &str, equiv: &str) -> Inline {
    Inline::Open {
        id: id.to_owned(),
        equiv: Some(equiv.to_owned()),
    }
}

fn close(id: &str, equiv: &str) -> Inline {
    Inline::Close {
        id: id.to_owned(),
        equiv: Some(equiv.to_owned()),
    }
}

fn note(kind: NoteKind, text: &str) -> Note {
    Note {
        kind,
        text: text.to_owned(),
    }
}

/// A packet with everything the format carries: every state, every note kind, every code
/// kind and nesting, terms, a previous source, who/when, select-variant IDs, characters that
/// need escaping and whitespace at the ends of text.
fn sample_packet() -> Packet {
    let mut dose = masked_unit(
        "dose-p1",
        "Give { $dose } mg, see [the **leaflet**](https://e.org) and `dose_mg` in FHIR.",
        Some("Δώστε { $dose } mg, δείτε [το **φύλλο**](https://e.org) και `dose_mg` στο FHIR."),
        State::Draft,
    );
    dose.machine = true;
    dose.notes = vec![
        note(NoteKind::Location, "01-dosing.md:41 · Dosing › Children"),
        note(NoteKind::Author, "Keep the unit symbol as it is."),
    ];
    dose.terms = vec![
        TermHint {
            source: "leaflet".into(),
            approved: vec!["φύλλο οδηγιών".into(), "φύλλο".into()],
            forbidden: vec!["φυλλάδιο".into()],
            do_not_translate: false,
            note: Some("The patient information leaflet.\nSecond line.".into()),
        },
        TermHint {
            source: "FHIR".into(),
            approved: Vec::new(),
            forbidden: Vec::new(),
            do_not_translate: true,
            note: None,
        },
        TermHint {
            source: "mg".into(),
            approved: vec!["mg".into()],
            forbidden: vec!["μγ".into(), "χλγ".into()],
            do_not_translate: true,
            note: Some(String::new()),
        },
    ];
    let stale = Unit {
        id: "consent-p2".into(),
        source: vec![text("Ask for consent before the procedure.")],
        target: Some(vec![text("Ζητήστε συγκατάθεση πριν από την πράξη.")]),
        state: State::Translated,
        notes: vec![note(
            NoteKind::Stale,
            "Ask for [-written-] consent before the procedure.",
        )],
        previous_source: Some("Ask for written consent before the procedure.".into()),
        changed_by: Some("Maria Georgiou <maria@example.org>".into()),
        changed_on: Some("2025-03-14T09:30:00Z".into()),
        ..Unit::default()
    };
    let new = Unit {
        id: "consent-h1".into(),
        source: vec![text("  Consent & capacity <when> \"unsure\"  ")],
        notes: vec![note(NoteKind::General, "Heading; keep it short.")],
        ..Unit::default()
    };
    let variant = Unit {
        id: "doses-remaining.label[one]".into(),
        source: vec![ph("1", "{ $count }"), text(" dose left\tnow\r\n")],
        target: Some(vec![ph("1", "{ $count }"), text(" δόση ακόμη")]),
        state: State::Reviewed,
        codes: vec![crate::exchange::model::Code {
            id: "1".into(),
            kind: crate::exchange::model::CodeKind::Standalone,
            original: "{ $count }".into(),
            closing: String::new(),
        }],
        ..Unit::default()
    };
    let crossed = Unit {
        id: "crossed[other]".into(),
        source: vec![
            open("1", "*"),
            text("a "),
            open("2", "**"),
            text("b"),
            close("1", "*"),
            text(" c"),
            close("2", "**"),
            text(" "),
            open("3", "<span>"),
            text("half"),
            close("4", "</b>"),
            ph("5", "a<b \"q\"\n"),
            text("\u{7}bell\u{FFFE}"),
        ],
        target: Some(vec![text("\n  "), ph("5", "x")]),
        state: State::Final,
        ..Unit::default()
    };
    let mut nested = masked_unit(
        "nested.title",
        "**Bold with [a link](https://x.org/?a=1&b=2)** then <br> and { $n }",
        Some("{ $n } und <br> **Fett mit [Link](https://x.org/?a=1&b=2)**"),
        State::Translated,
    );
    nested.changed_by = Some("reviewer".into());
    Packet {
        source_locale: "en".into(),
        target_locale: "el-CY".into(),
        tool: Some("kurso".into()),
        raw_markup: false,
        files: vec![
            PacketFile {
                original: "digicantrain-oncology/01-dosing.ftl".into(),
                units: vec![dose, variant, crossed],
            },
            PacketFile {
                original: "digicantrain-oncology/02 consent & capacity.ftl".into(),
                units: vec![stale, new, nested],
            },
        ],
    }
}
