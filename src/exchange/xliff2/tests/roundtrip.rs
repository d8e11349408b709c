//! model → XLIFF 2.0 → model is the identity for everything the format carries.

use super::*;
use crate::exchange::model::{CodeKind, State};

#[test]
fn a_packet_with_everything_reads_back_exactly() {
    let packet = sample_packet();
    let text = write(&packet);
    let read = read_clean(&text);
    assert_eq!(without_lines(read), packet, "--- file ---\n{text}");
}

#[test]
fn writing_is_deterministic() {
    assert_eq!(write(&sample_packet()), write(&sample_packet()));
}

#[test]
fn every_state_reads_back_with_its_target() {
    for state in [
        State::New,
        State::Draft,
        State::Translated,
        State::Reviewed,
        State::Final,
    ] {
        let target = (state != State::New).then(|| vec![text("Μετάφραση")]);
        let packet = Packet {
            source_locale: "en".into(),
            target_locale: "el".into(),
            files: vec![PacketFile {
                original: "a.ftl".into(),
                units: vec![Unit {
                    id: "a".into(),
                    source: vec![text("Translation")],
                    target,
                    state,
                    ..Unit::default()
                }],
            }],
            ..Packet::default()
        };
        let text = write(&packet);
        assert_eq!(
            without_lines(read_clean(&text)),
            packet,
            "{state:?}:\n{text}"
        );
    }
}

#[test]
fn states_are_written_as_xliff_2_states() {
    let text = write(&sample_packet());
    // The machine draft: initial, with its target and the machine sub-state.
    assert!(
        text.contains(
            "<segment state=\"initial\" subState=\"kurso:machine\">\n        <source>Give "
        )
    );
    assert!(text.contains("<segment state=\"translated\">"));
    assert!(text.contains("<segment state=\"reviewed\">"));
    assert!(text.contains("<segment state=\"final\">"));
    // The new unit has no target.
    let new_unit = &text[text.find("name=\"consent-h1\"").expect("written")..];
    let new_unit = &new_unit[..new_unit.find("</unit>").expect("closed")];
    assert!(
        new_unit.contains("<segment state=\"initial\">"),
        "{new_unit}"
    );
    assert!(!new_unit.contains("<target"), "{new_unit}");
}

#[test]
fn select_variant_ids_get_an_nmtoken_id_and_their_exact_name() {
    let text = write(&sample_packet());
    assert!(
        text.contains(
            "<unit id=\"doses-remaining.label:one\" name=\"doses-remaining.label[one]\">"
        )
    );
    assert!(text.contains("<unit id=\"crossed:other\" name=\"crossed[other]\">"));
    // Without `name` (a tool dropped it) the variant form is undone.
    let dropped = text.replace(" name=\"doses-remaining.label[one]\"", "");
    let packet = read_clean(&dropped);
    assert!(
        packet.files[0]
            .units
            .iter()
            .any(|unit| unit.id == "doses-remaining.label[one]")
    );
}

#[test]
fn unit_ids_that_are_not_nmtokens_are_escaped_and_kept_unique() {
    assert_eq!(super::super::safe_id("a b"), "a_x0020_b");
    assert_eq!(super::super::safe_id("x.attr[-1.5]"), "x.attr:-1.5");
    assert_eq!(super::super::safe_id(""), "_");
    let unit = |id: &str| Unit {
        id: id.to_owned(),
        source: vec![text("x")],
        ..Unit::default()
    };
    let packet = Packet {
        source_locale: "en".into(),
        files: vec![PacketFile {
            original: "a.ftl".into(),
            units: vec![unit("a:b"), unit("a[b]"), unit("ä")],
        }],
        ..Packet::default()
    };
    let text = write(&packet);
    assert!(
        text.contains("<unit id=\"a_x003A_b\" name=\"a:b\">"),
        "{text}"
    );
    assert!(text.contains("<unit id=\"a:b\" name=\"a[b]\">"), "{text}");
    assert!(text.contains("<unit id=\"_x00E4_\" name=\"ä\">"), "{text}");
    assert_eq!(without_lines(read_clean(&text)), packet);
    // Two IDs with the same safe form get distinct XML ids.
    let packet = Packet {
        files: vec![PacketFile {
            original: "a.ftl".into(),
            units: vec![unit("a b"), unit("a_x0020_b")],
        }],
        ..Packet::default()
    };
    let text = write(&packet);
    assert!(
        text.contains("<unit id=\"a_x0020_b\" name=\"a b\">"),
        "{text}"
    );
    assert!(
        text.contains("<unit id=\"a_x0020_b-2\" name=\"a_x0020_b\">"),
        "{text}"
    );
}

#[test]
fn codes_are_written_with_their_originals_and_readable_forms() {
    let text = write(&sample_packet());
    assert!(text.contains("<data id=\"d1\">{ $dose }</data>"), "{text}");
    assert!(text.contains("<data id=\"d2\">[</data>"), "{text}");
    assert!(
        text.contains("<data id=\"d2e\">](https://e.org)</data>"),
        "{text}"
    );
    assert!(text.contains("<ph id=\"1\" dataRef=\"d1\" disp=\"{ $dose }\" equiv=\"{ $dose }\"/>"));
    assert!(text.contains(
        "<pc id=\"2\" dataRefStart=\"d2\" dataRefEnd=\"d2e\" dispStart=\"[\" equivStart=\"[\" \
         dispEnd=\"](https://e.org)\" equivEnd=\"](https://e.org)\">the <pc id=\"3\""
    ));
    // Overlapping pairs: the inner one that nests is a <pc>, the other <sc>/<ec>.
    assert!(
        text.contains(
            "<source><sc id=\"1\" disp=\"*\" equiv=\"*\"/>a <pc id=\"2\" dispStart=\"**\" \
         equivStart=\"**\" dispEnd=\"**\" equivEnd=\"**\">b<ec startRef=\"1\" disp=\"*\" \
         equiv=\"*\"/> c</pc>&#32;<sc id=\"3\" disp=\"&lt;span&gt;\" equiv=\"&lt;span&gt;\" \
         isolated=\"yes\"/>half<ec id=\"4\" isolated=\"yes\" disp=\"&lt;/b&gt;\" \
         equiv=\"&lt;/b&gt;\"/>"
        ),
        "{text}"
    );
    let read = read_clean(&text);
    let dose = &read.files[0].units[0];
    let kinds: Vec<(&str, CodeKind, &str, &str)> = dose
        .codes
        .iter()
        .map(|c| {
            (
                c.id.as_str(),
                c.kind,
                c.original.as_str(),
                c.closing.as_str(),
            )
        })
        .collect();
    assert_eq!(
        kinds,
        [
            ("1", CodeKind::Standalone, "{ $dose }", ""),
            ("2", CodeKind::Paired, "[", "](https://e.org)"),
            ("3", CodeKind::Paired, "**", "**"),
            ("4", CodeKind::Standalone, "`dose_mg`", ""),
            ("5", CodeKind::Standalone, "FHIR", ""),
        ]
    );
}

#[test]
fn characters_xml_cannot_hold_are_code_points_or_references() {
    let text = write(&sample_packet());
    // Control characters in content are <cp>, a carriage return a reference.
    assert!(
        text.contains("<cp hex=\"0007\"/>bell<cp hex=\"FFFE\"/>"),
        "{text}"
    );
    assert!(text.contains(" dose left\tnow&#13;\n</source>"), "{text}");
    // In attributes line ends are references and quotes escaped.
    assert!(
        text.contains("disp=\"a&lt;b &quot;q&quot;&#10;\""),
        "{text}"
    );
    // Whitespace-only text with a line break between codes is written as references.
    assert!(
        text.contains("<target>&#10;&#32;&#32;<ph id=\"5\""),
        "{text}"
    );
    assert!(text.contains("original=\"digicantrain-oncology/02 consent &amp; capacity.ftl\""));
    assert!(text.contains("<source>  Consent &amp; capacity &lt;when&gt; \"unsure\"  </source>"));
}

#[test]
fn notes_terms_previous_source_and_who_when_use_notes_and_modules() {
    let text = write(&sample_packet());
    for expected in [
        "<note category=\"location\" appliesTo=\"source\">01-dosing.md:41 · Dosing › Children</note>",
        "<note category=\"author\">Keep the unit symbol as it is.</note>",
        "<note category=\"stale\" appliesTo=\"source\">Ask for [-written-] consent before the procedure.</note>",
        "<note category=\"previous-source\" appliesTo=\"source\">Ask for written consent before the procedure.</note>",
        "<note>Heading; keep it short.</note>",
        "<mda:metaGroup category=\"kurso\">\n          <mda:meta type=\"previous-source\">Ask for written consent before the procedure.</mda:meta>\n          <mda:meta type=\"changed-by\">Maria Georgiou &lt;maria@example.org&gt;</mda:meta>\n          <mda:meta type=\"changed-on\">2025-03-14T09:30:00Z</mda:meta>",
        "<mda:meta type=\"tool\">kurso</mda:meta>",
        "<gls:term>leaflet</gls:term>\n          <gls:translation>φύλλο οδηγιών</gls:translation>\n          <gls:translation>φύλλο</gls:translation>\n          <gls:definition>The patient information leaflet.\nSecond line.\nForbidden: φυλλάδιο.</gls:definition>\n          <kurso:forbidden>φυλλάδιο</kurso:forbidden>",
        "<gls:term>FHIR</gls:term>\n          <gls:definition>Do not translate: keep the term as written.</gls:definition>\n          <kurso:doNotTranslate/>",
        "<note category=\"glossary\">leaflet → φύλλο οδηγιών, φύλλο; forbidden: φυλλάδιο\nFHIR (do not translate)\nmg → mg (do not translate); forbidden: μγ, χλγ</note>",
    ] {
        assert!(
            text.contains(expected),
            "missing {expected}\n--- file ---\n{text}"
        );
    }
}

#[test]
fn a_file_without_units_is_left_out() {
    let mut packet = sample_packet();
    packet.files.insert(
        0,
        PacketFile {
            original: "empty.ftl".into(),
            units: Vec::new(),
        },
    );
    let text = write(&packet);
    assert!(!text.contains("empty.ftl"));
    assert!(text.contains("<file id=\"f1\" original=\"digicantrain-oncology/01-dosing.ftl\">"));
    let read = read_clean(&text);
    assert_eq!(read.files.len(), 2);
}

#[test]
fn units_know_their_line() {
    let text = write(&sample_packet());
    let read = read_clean(&text);
    for unit in read.files.iter().flat_map(|file| &file.units) {
        let line = text.lines().nth(unit.line - 1).expect("a line");
        assert!(
            line.trim_start().starts_with("<unit ")
                && line.contains(&format!("name=\"{}\"", attr_form(&unit.id))),
            "{} at {}: {line}",
            unit.id,
            unit.line
        );
    }
}

fn attr_form(id: &str) -> String {
    id.replace('&', "&amp;").replace('"', "&quot;")
}

#[test]
fn characters_attributes_and_notes_cannot_hold_become_replacement_characters() {
    let packet = Packet {
        source_locale: "en".into(),
        files: vec![PacketFile {
            original: "a.ftl".into(),
            units: vec![Unit {
                id: "a".into(),
                source: vec![ph("1", "x\u{1}y")],
                notes: vec![note(NoteKind::General, "bell\u{7}")],
                ..Unit::default()
            }],
        }],
        ..Packet::default()
    };
    let text = write(&packet);
    assert!(text.contains("disp=\"x\u{FFFD}y\""), "{text}");
    assert!(text.contains("<note>bell\u{FFFD}</note>"), "{text}");
    let unit = &read_clean(&text).files[0].units[0];
    assert_eq!(unit.source, [ph("1", "x\u{FFFD}y")]);
}
