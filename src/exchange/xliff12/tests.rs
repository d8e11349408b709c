//! Round trips of kurso's own packets (every state, note kind, code kind, nesting, terms,
//! previous English, who/when, select-variant IDs, escaping, whitespace at the ends), schema
//! validity of what is written, and the files the reader refuses.

use std::path::Path;
use std::process::Command;

use super::tree::{self, Element};
use super::{read, write};
use crate::exchange::inline::{align, from_masked};
use crate::exchange::model::{
    Code, CodeKind, Inline, Note, NoteKind, Packet, PacketFile, State, TermHint, Unit,
};
use crate::mt::mask::{mask, pattern_text};

const SCHEMAS: &str = "../shared/corpora/interop/xliff-schemas/xliff-1.2";

/// A unit whose English and translation are Fluent values, turned into inlines and codes the
/// way export does (`inline::from_masked`, then `align`).
pub(super) fn unit(id: &str, english: &str, translation: Option<&str>, state: State) -> Unit {
    let (source, codes) = masked_inlines(english);
    let target = translation.map(|translation| {
        let (inlines, own) = masked_inlines(translation);
        align(&inlines, &own, &codes).expect("the translation has the English's codes")
    });
    Unit {
        id: id.to_owned(),
        source,
        target,
        state,
        // A draft here is the machine's (a person's stale translation is tested apart).
        machine: state == State::Draft,
        codes,
        ..Unit::default()
    }
}

/// The inlines and codes of a Fluent value, masked as `mt::mask` does (FHIR is do-not-translate).
fn masked_inlines(fluent_value: &str) -> (Vec<Inline>, Vec<Code>) {
    let source = format!("x = {fluent_value}\n");
    let resource = fluent_syntax::parser::parse(source.as_str()).expect("valid Fluent");
    let Some(fluent_syntax::ast::Entry::Message(message)) = resource.body.first() else {
        panic!("one message");
    };
    let (text, placeables) = pattern_text(message.value.as_ref().expect("a value"));
    from_masked(&mask(&text, &["FHIR".to_owned()]), &placeables)
}

/// A packet with everything the format carries.
pub(super) fn sample() -> Packet {
    let mut draft = unit(
        "dose-intro",
        "Give { $dose } mg, see [the **leaflet**](https://e.org/a?b=1&c=2) and `dose_mg` in FHIR.",
        Some(
            "Δώστε { $dose } mg, δείτε [το **φύλλο**](https://e.org/a?b=1&c=2) και `dose_mg` στο FHIR.",
        ),
        State::Draft,
    );
    draft.notes = vec![
        Note {
            kind: NoteKind::Location,
            text: "01-dosing.md:41 · Dosing › Children".into(),
        },
        Note {
            kind: NoteKind::Author,
            text: "Keep the unit <mg> & \"quotes\" as written.".into(),
        },
    ];
    draft.terms = vec![TermHint {
        source: "leaflet".into(),
        approved: vec!["φύλλο οδηγιών".into(), "φύλλο".into()],
        forbidden: vec!["φυλλάδιο".into()],
        do_not_translate: false,
        note: Some("the package insert\nthat comes with the medicine".into()),
    }];
    draft.changed_by = Some("deepl".into());
    draft.changed_on = Some("2025-03-31".into());

    let mut stale = unit(
        "dose[one]",
        "Take *one* tablet.",
        Some("Πάρτε *ένα* δισκίο."),
        State::Translated,
    );
    stale.previous_source = Some("Take *1* tablet & water.".into());
    stale.notes = vec![Note {
        kind: NoteKind::Stale,
        text: "Take [-*1*-]{+*one*+} tablet [-& water-].".into(),
    }];
    stale.changed_by = Some("Μαρία Π.".into());
    stale.changed_on = Some("2025-02-01T10:20:30Z".into());

    let mut reviewed = unit(
        "dose.title[other]",
        "Doses for { $count } patients",
        Some("Δόσεις για { $count } ασθενείς"),
        State::Reviewed,
    );
    reviewed.terms = vec![TermHint {
        source: "FHIR".into(),
        approved: vec![],
        forbidden: vec![],
        do_not_translate: true,
        note: None,
    }];
    reviewed.changed_by = Some("dr. Nikos".into());
    reviewed.changed_on = Some("last Tuesday, after lunch".into());

    let mut final_unit = unit(
        "ends",
        "  leading and trailing  ",
        Some("\tμε κενά\r\n"),
        State::Final,
    );
    final_unit.notes = vec![Note {
        kind: NoteKind::General,
        text: "  whitespace at the ends matters\n".into(),
    }];
    final_unit.target = Some(vec![Inline::Text("\tμε κενά\r\n".into())]);
    final_unit.source = vec![Inline::Text("  leading and trailing  ".into())];

    let new = unit(
        "html",
        "Press <kbd>Ctrl</kbd> then a < b & c > d",
        None,
        State::New,
    );
    let escaping = Unit {
        id: "q\"uote&<id>".into(),
        source: vec![
            Inline::Text("]]> and &amp; stay text".into()),
            Inline::Ph {
                id: "a\"1".into(),
                equiv: Some("<br\n\tclass=\"x\">".into()),
            },
        ],
        target: Some(vec![Inline::Text("]]> και &amp;".into())]),
        state: State::Translated,
        codes: vec![Code {
            id: "a\"1".into(),
            kind: CodeKind::Standalone,
            original: "<br\n\tclass=\"x\">".into(),
            closing: String::new(),
        }],
        ..Unit::default()
    };

    Packet {
        source_locale: "en".into(),
        target_locale: "el-CY".into(),
        tool: Some("kurso".into()),
        raw_markup: false,
        files: vec![
            PacketFile {
                original: "digicantrain-oncology/01-dosing.ftl".into(),
                units: vec![draft, stale, reviewed, final_unit],
            },
            PacketFile {
                original: "digicantrain-oncology/02 & more.ftl".into(),
                units: vec![new, escaping],
            },
        ],
    }
}

/// `packet` read back from its XLIFF, with the lines read cleared.
#[track_caller]
pub(super) fn round_trip(packet: &Packet) -> Packet {
    let text = write(packet);
    let (mut back, diagnostics) = read(Path::new("p.xlf"), &text).expect("kurso's XLIFF reads");
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    for unit in back.files.iter_mut().flat_map(|file| &mut file.units) {
        assert!(unit.line > 0, "unit {} has its line", unit.id);
        unit.line = 0;
    }
    back
}

#[test]
fn a_packet_reads_back_exactly() {
    let packet = sample();
    assert_eq!(round_trip(&packet), packet);
}

#[test]
fn every_state_reads_back_and_is_written_as_the_standard_says() {
    let expectations = [
        (
            State::Draft,
            Some(r#"<target state="needs-review-translation" state-qualifier="mt-suggestion""#),
        ),
        (State::Translated, Some(r#"<target state="translated""#)),
        (State::Reviewed, Some(r#"<target state="signed-off""#)),
        (State::Final, Some(r#"<target state="final""#)),
        (State::New, None),
    ];
    for (state, written) in expectations {
        let translation = (state != State::New).then_some("Μετάφραση");
        let packet = Packet {
            source_locale: "en".into(),
            target_locale: "el".into(),
            tool: Some("kurso".into()),
            raw_markup: false,
            files: vec![PacketFile {
                original: "a.ftl".into(),
                units: vec![unit("a", "Translation", translation, state)],
            }],
        };
        let text = write(&packet);
        match written {
            Some(target) => assert!(text.contains(target), "{state:?}: {text}"),
            None => assert!(!text.contains("<target"), "{state:?}: {text}"),
        }
        assert_eq!(round_trip(&packet), packet, "{state:?}");
    }
}

#[test]
fn codes_are_x_and_g_with_their_originals_readable() {
    let text = write(&sample());
    assert!(
        text.contains(r#"<x id="1" ctype="x-fluent-placeable" equiv-text="{ $dose }"/>"#),
        "{text}"
    );
    assert!(
        text.contains(r#"<g id="2" ctype="link" equiv-text="[…](https://e.org/a?b=1&amp;c=2)">the <g id="3" ctype="bold" equiv-text="**…**">leaflet</g></g>"#),
        "{text}"
    );
    assert!(text.contains(r#"<x id="4" ctype="x-code" equiv-text="`dose_mg`"/>"#));
}

#[test]
fn pairs_that_cross_or_cannot_join_are_bx_and_ex() {
    let open = |id: &str, equiv: &str| Inline::Open {
        id: id.into(),
        equiv: Some(equiv.into()),
    };
    let close = |id: &str, equiv: &str| Inline::Close {
        id: id.into(),
        equiv: Some(equiv.into()),
    };
    let crossed = vec![
        open("1", "*"),
        Inline::Text("a ".into()),
        open("2", "**"),
        Inline::Text("b".into()),
        close("1", "*"),
        Inline::Text(" c".into()),
        close("2", "**"),
    ];
    let ellipsis = vec![
        open("5", "["),
        Inline::Text("x".into()),
        close("5", "](https://e.org/…)"),
    ];
    let packet = Packet {
        source_locale: "en".into(),
        target_locale: "fi".into(),
        tool: Some("kurso".into()),
        raw_markup: false,
        files: vec![PacketFile {
            original: "a.ftl".into(),
            units: vec![
                Unit {
                    id: "crossed".into(),
                    target: Some(crossed.clone()),
                    source: crossed,
                    state: State::Translated,
                    ..Unit::default()
                },
                Unit {
                    id: "ellipsis".into(),
                    target: Some(ellipsis.clone()),
                    source: ellipsis,
                    state: State::Translated,
                    ..Unit::default()
                },
            ],
        }],
    };
    let text = write(&packet);
    assert!(text.contains(r#"<bx id="1" rid="1" equiv-text="*"/>a <bx id="2" rid="2" equiv-text="**"/>b<ex id="1" rid="1" equiv-text="*"/>"#), "{text}");
    assert!(
        text.contains(r#"<ex id="5" rid="5" equiv-text="](https://e.org/…)"/>"#),
        "{text}"
    );
    let mut back = round_trip(&packet);
    // Codes are rebuilt from the source's readable forms.
    for unit in &mut back.files[0].units {
        assert_eq!(unit.codes.len(), if unit.id == "crossed" { 2 } else { 1 });
        unit.codes.clear();
    }
    assert_eq!(back, packet);
}

#[test]
fn writing_is_deterministic_and_phases_are_shared() {
    let mut packet = sample();
    assert_eq!(write(&packet), write(&packet));
    for unit in &mut packet.files[0].units {
        unit.state = State::Reviewed;
        unit.machine = false;
        unit.changed_by = Some("dr. Nikos".into());
        unit.changed_on = Some("2025-03-31".into());
    }
    let text = write(&packet);
    assert_eq!(text.matches("<phase ").count(), 1, "{text}");
    assert!(text.contains(r#"<phase phase-name="p1" process-name="review" contact-name="dr. Nikos" date="2025-03-31T00:00:00"/>"#));
    assert_eq!(round_trip(&packet), packet);
}

/// Runs xmllint on `text` against `schema`; `None` when xmllint is not installed.
fn xmllint(text: &str, schema: &str) -> Option<Result<(), String>> {
    let dir = tempfile::tempdir().expect("temporary folder");
    let file = dir.path().join("packet.xlf");
    std::fs::write(&file, text).expect("write the packet");
    let schemas = Path::new(env!("CARGO_MANIFEST_DIR")).join(SCHEMAS);
    let output = Command::new("xmllint")
        .env("XML_CATALOG_FILES", schemas.join("catalog.xml"))
        .args(["--nonet", "--noout", "--schema"])
        .arg(schemas.join(schema))
        .arg(&file)
        .output()
        .ok()?;
    Some(if output.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&output.stderr).into_owned())
    })
}

/// What the XSD requires of kurso's output, checked without a validator: the root, every
/// file's required attributes and body, every unit's id and source, state values from the
/// standard's list, phase names that exist, codes only where the schema allows them.
fn check_structure(text: &str) -> Result<(), String> {
    const NS: &str = "urn:oasis:names:tc:xliff:document:1.2";
    const STATES: [&str; 10] = [
        "final",
        "needs-adaptation",
        "needs-l10n",
        "needs-review-adaptation",
        "needs-review-l10n",
        "needs-review-translation",
        "needs-translation",
        "new",
        "signed-off",
        "translated",
    ];
    let (root, diagnostics) =
        tree::parse(Path::new("p.xlf"), text).map_err(|err| err.to_string())?;
    if !diagnostics.is_empty() || root.name != "xliff" || root.ns != NS {
        return Err(format!("bad root or entities: {diagnostics:?}"));
    }
    if root.attr("version") != Some("1.2") {
        return Err("version".into());
    }
    for file in root.children_named(NS, "file") {
        for required in ["original", "source-language", "datatype"] {
            file.attr(required)
                .ok_or(format!("<file> lacks {required}"))?;
        }
        let header = file.child(NS, "header").ok_or("no header")?;
        let phases: Vec<&str> = header
            .children_named(NS, "phase-group")
            .flat_map(|group| group.children_named(NS, "phase"))
            .filter_map(|phase| phase.attr("phase-name"))
            .collect();
        let body = file.child(NS, "body").ok_or("no body")?;
        for unit in body.children_named(NS, "trans-unit") {
            unit.attr("id").ok_or("unit without id")?;
            let names: Vec<&str> = unit.elements().map(|e| e.name.as_str()).collect();
            if names.first() != Some(&"source") {
                return Err(format!("unit children {names:?}"));
            }
            if let Some(target) = unit.child(NS, "target") {
                let state = target.attr("state").unwrap_or("translated");
                if !STATES.contains(&state) {
                    return Err(format!("state {state}"));
                }
                if let Some(phase) = target.attr("phase-name") {
                    if !phases.contains(&phase) {
                        return Err(format!("phase {phase} is not declared"));
                    }
                }
            }
            check_codes(unit)?;
        }
    }
    Ok(())
}

fn check_codes(element: &Element) -> Result<(), String> {
    for child in element.elements() {
        let inline =
            ["x", "g", "bx", "ex", "bpt", "ept", "ph", "it"].contains(&child.name.as_str());
        if inline && child.attr("id").is_none() {
            return Err(format!("<{}> without id", child.name));
        }
        if !inline && child.attr("equiv-text").is_some() {
            return Err(format!("equiv-text on <{}>", child.name));
        }
        check_codes(child)?;
    }
    Ok(())
}

#[test]
#[expect(clippy::print_stderr, reason = "the test says which validation it ran")]
fn what_is_written_validates_against_the_xliff_12_schemas() {
    let text = write(&sample());
    check_structure(&text).expect("kurso's XLIFF has the required structure");
    // The structural check is not blind: a broken document fails it.
    assert!(check_structure(&text.replace("state=\"final\"", "state=\"done\"")).is_err());
    assert!(check_structure(&text.replace("<source>", "<sauce>")).is_err());
    for schema in [
        "xliff-core-1.2-strict.xsd",
        "xliff-core-1.2-transitional.xsd",
    ] {
        match xmllint(&text, schema) {
            None => eprintln!("xmllint is not installed: checked the structure only"),
            Some(result) => {
                result.unwrap_or_else(|err| panic!("{schema}: {err}\n{text}"));
                // And the validator is really validating.
                let broken = text.replacen("state=\"final\"", "state=\"done\"", 1);
                assert!(xmllint(&broken, schema).expect("installed").is_err());
            }
        }
    }
}

#[track_caller]
fn read_err(text: &str) -> String {
    read(Path::new("bad.xlf"), text)
        .expect_err("refused")
        .to_string()
}

#[test]
fn files_that_are_not_xliff_12_are_errors_at_their_place() {
    let err = read_err("<?xml version=\"1.0\"?>\n<xliff version=\"1.2\">\n  <file>\n</xliff>\n");
    assert!(err.contains("bad.xlf:4:"), "{err}");
    let err = read_err("<?xml version=\"1.0\"?>\n<tmx version=\"1.4\"/>\n");
    assert!(
        err.contains("bad.xlf:2:1") && err.contains("root element is <tmx>"),
        "{err}"
    );
    let err = read_err("<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\"/>");
    assert!(
        err.contains("bad.xlf:1:1") && err.contains("XLIFF 2"),
        "{err}"
    );
    let err = read_err(
        "<xliff version=\"1.2\"><file original=\"a\"><body>\n<trans-unit id=\"a\"><source>x</source>",
    );
    assert!(err.contains("never closed"), "{err}");
    assert!(read_err("").contains("no XML element"));
}

#[test]
fn entities_are_never_expanded_and_only_their_unit_is_lost() {
    let text = r#"<?xml version="1.0"?>
<!DOCTYPE xliff [
  <!ENTITY lol "lol">
  <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
  <!ENTITY ext SYSTEM "file:///etc/passwd">
]>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="a.ftl" source-language="en" datatype="plaintext">
    <body>
      <trans-unit id="laughs"><source>&lol2;</source></trans-unit>
      <trans-unit id="secret" resname="&ext;"><source>x</source></trans-unit>
      <trans-unit id="fine"><source>a &amp; b &#233;</source></trans-unit>
      <trans-unit><source>no id</source></trans-unit>
      <trans-unit id="fine"><source>again</source></trans-unit>
      <trans-unit id="nosource"/>
    </body>
  </file>
</xliff>
"#;
    let (packet, diagnostics) = read(Path::new("e.xlf"), text).expect("well-formed");
    let units = &packet.files[0].units;
    assert_eq!(units.len(), 1);
    assert_eq!(Inline::plain(&units[0].source), "a & b é");
    let messages: Vec<String> = diagnostics.iter().map(ToString::to_string).collect();
    assert_eq!(diagnostics.len(), 5, "{messages:#?}");
    assert!(
        messages[0].contains("e.xlf:10:39") && messages[0].contains("`&lol2;`"),
        "{}",
        messages[0]
    );
    assert!(
        messages[1].contains("e.xlf:11:40") && messages[1].contains("`&ext;`"),
        "{}",
        messages[1]
    );
    assert!(messages[2].contains("e.xlf:13:7") && messages[2].contains("no id"));
    assert!(messages[3].contains("e.xlf:14:7") && messages[3].contains("appears twice"));
    assert!(messages[4].contains("e.xlf:15:7") && messages[4].contains("no <source>"));
}
