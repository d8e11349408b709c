//! What CAT tools do to a file before they send it back, applied to kurso's own output: the
//! reader must return the same units.

use std::fmt::Write as _;
use std::process::Command;

use super::*;
use crate::exchange::inline::to_masked;

/// The sample packet, plus a unit whose source and target are codes only (what
/// re-indentation breaks first). The sample's whitespace-only target text between codes is
/// left out: `xmllint --format` turns its references into literal layout (see the module docs).
fn packet() -> Packet {
    let mut packet = sample_packet();
    packet.files[0].units[2].target = Some(vec![ph("5", "x")]);
    packet.files[1].units.push(Unit {
        id: "codes-only".into(),
        source: vec![
            ph("1", "{ $a }"),
            open("2", "**"),
            ph("3", "{ $b }"),
            close("2", "**"),
        ],
        target: Some(vec![
            open("2", "**"),
            ph("3", "{ $b }"),
            close("2", "**"),
            ph("1", "{ $a }"),
        ]),
        state: State::Translated,
        ..Unit::default()
    });
    packet
}

/// Applies `rewrite` to kurso's output and checks that the same units come back.
#[track_caller]
fn survives(rewrite: impl Fn(&str) -> String) -> String {
    let packet = packet();
    let rewritten = rewrite(&write(&packet));
    let read = read_clean(&rewritten);
    assert_eq!(
        sorted_units(&read),
        sorted_units(&packet),
        "--- rewritten ---\n{rewritten}"
    );
    assert_eq!(read.source_locale, packet.source_locale);
    assert_eq!(read.target_locale, packet.target_locale);
    rewritten
}

#[test]
fn re_indentation_is_layout_but_whitespace_in_text_is_content() {
    // What `xmllint --format` does: other indentation, and codes-only content put on lines
    // of their own.
    let rewritten = survives(|text| {
        text.replace("\n  ", "\n\t")
            .replace(
                "<source><ph id=\"1\" disp=\"{ $a }\"",
                "<source>\n\t\t\t\t\t<ph id=\"1\" disp=\"{ $a }\"",
            )
            .replace("</pc></source>", "</pc>\n\t\t\t\t</source>")
            .replace("<target><pc id=\"2\"", "<target>\n\t\t\t\t\t<pc id=\"2\"")
            .replace(
                "equiv=\"{ $a }\"/></target>",
                "equiv=\"{ $a }\"/>\n\t\t\t\t</target>",
            )
            .replace("<target><ph id=\"5\"", "<target>\n    <ph id=\"5\"")
    });
    assert!(rewritten.contains("<source>\n\t\t\t\t\t<ph id=\"1\""));
    // Spaces at the ends of text are kept; so is a line break inside text.
    let packet = read_clean(&rewritten);
    let heading = &packet.files[1].units[1];
    assert_eq!(
        heading.source,
        [text("  Consent & capacity <when> \"unsure\"  ")]
    );
    // Under xml:space="preserve" the tool says its whitespace is content.
    let preserved = rewritten.replacen("<xliff ", "<xliff xml:space=\"preserve\" ", 1);
    let packet = read_clean(&preserved);
    let codes_only = &packet.files[1].units[3];
    assert_eq!(codes_only.source.first(), Some(&text("\n\t\t\t\t\t")));
}

#[test]
fn xmllint_format_changes_nothing_kurso_reads() {
    let Ok(mut child) = Command::new("xmllint")
        .args(["--format", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
    else {
        // Without xmllint the hand-made re-indentation above stands in for it.
        return;
    };
    let text = write(&packet());
    std::io::Write::write_all(&mut child.stdin.take().expect("stdin"), text.as_bytes())
        .expect("written");
    let output = child.wait_with_output().expect("xmllint runs");
    let formatted = String::from_utf8(output.stdout).expect("UTF-8");
    assert_ne!(formatted, text, "xmllint reformatted nothing");
    assert_eq!(
        sorted_units(&read_clean(&formatted)),
        sorted_units(&packet())
    );
}

#[test]
fn another_namespace_prefix_reads_the_same() {
    let rewritten = survives(|text| {
        let mut out = text.replacen(
            "xmlns=\"urn:oasis:names:tc:xliff:document:2.0\"",
            "xmlns:x=\"urn:oasis:names:tc:xliff:document:2.0\"",
            1,
        );
        for name in [
            "xliff",
            "file",
            "unit",
            "notes",
            "note",
            "originalData",
            "data",
            "segment",
            "source",
            "target",
            "ph",
            "pc",
            "sc",
            "ec",
            "cp",
        ] {
            out = out
                .replace(&format!("<{name} "), &format!("<x:{name} "))
                .replace(&format!("<{name}>"), &format!("<x:{name}>"))
                .replace(&format!("</{name}>"), &format!("</x:{name}>"));
        }
        out.replace("xmlns:mda=", "xmlns:meta=")
            .replace("<mda:", "<meta:")
            .replace("</mda:", "</meta:")
    });
    assert!(rewritten.contains("<x:unit id=\"consent-p2\""));
    assert!(rewritten.contains("<meta:meta type=\"previous-source\">"));
}

#[test]
fn foreign_attributes_and_elements_are_ignored() {
    survives(|text| {
        text.replacen(
            "<xliff ",
            "<xliff xmlns:mq=\"MQXliff\" xmlns:its=\"http://www.w3.org/2005/11/its\" its:version=\"2.0\" ",
            1,
        )
        .replace("<unit ", "<unit mq:status=\"ManuallyConfirmed\" ")
        .replace(
            "<segment ",
            "<mq:history><mq:entry user=\"x\">old text</mq:entry></mq:history>\n      <segment mq:locked=\"false\" ",
        )
        .replace("<file ", "<file mq:id=\"7\" ")
        .replace("<note ", "<note mq:author=\"pm\" ")
        .replace("<ph ", "<ph mq:tag=\"t\" ")
        .replace("</notes>", "</notes>\n<mtc:matches xmlns:mtc=\"urn:oasis:names:tc:xliff:matches:2.0\"><mtc:match ref=\"#1\"><source>x</source><target>y</target></mtc:match></mtc:matches>")
    });
}

#[test]
fn reordered_units_and_files_read_the_same() {
    let packet = packet();
    let mut reordered = packet.clone();
    reordered.files.reverse();
    for file in &mut reordered.files {
        file.units.reverse();
    }
    let read = read_clean(&write(&reordered));
    assert_eq!(sorted_units(&read), sorted_units(&packet));
}

#[test]
fn annotations_in_the_target_keep_their_text() {
    let rewritten = survives(|text| {
        text.replace(
            "<target>Ζητήστε συγκατάθεση πριν",
            "<target><mrk id=\"m1\" type=\"comment\" value=\"checked\">Ζητήστε \
             <sm id=\"s1\" type=\"term\"/>συγκατάθεση<em startRef=\"s1\"/></mrk> πριν",
        )
    });
    assert!(rewritten.contains("<mrk id=\"m1\""));
}

#[test]
fn renumbered_codes_come_back_as_they_are_and_still_match() {
    let packet = packet();
    let text = write(&packet);
    let start = text.find("name=\"dose-p1\"").expect("written");
    let target_at = start + text[start..].find("<target>").expect("a target");
    let (head, tail) = text.split_at(target_at);
    let end = tail.find("</target>").expect("closed");
    let renumbered_target = tail[..end]
        .replace("id=\"1\"", "id=\"11\"")
        .replace("id=\"5\"", "id=\"15\"")
        .replace(" dataRef=\"d1\"", "");
    let rewritten = format!("{head}{renumbered_target}{}", &tail[end..]);
    let read = read_clean(&rewritten);
    let unit = &read.files[0].units[0];
    let target = unit.target.as_ref().expect("a target");
    assert!(target.contains(&ph("11", "{ $dose }")), "{target:?}");
    assert!(target.contains(&ph("15", "FHIR")), "{target:?}");
    // The readable forms match them to the English codes.
    let original = &packet.files[0].units[0];
    let expected = to_masked(original.target.as_ref().expect("a target"), &original.codes);
    assert_eq!(to_masked(target, &original.codes), expected);
}

#[test]
fn paired_codes_rewritten_as_start_and_end_codes_read_the_same() {
    let rewritten = survives(pc_to_sc_ec);
    assert!(!rewritten.contains("<pc "));
    assert!(rewritten.contains("<ec startRef=\"2\" dataRef=\"d2e\""));
}

/// Turns every `<pc>` into an `<sc/>` … `<ec/>` pair with the same data and readable forms.
fn pc_to_sc_ec(text: &str) -> String {
    let mut out = String::new();
    let mut ends: Vec<String> = Vec::new();
    let mut rest = text;
    while let Some(at) = rest
        .find("<pc ")
        .into_iter()
        .chain(rest.find("</pc>"))
        .min()
    {
        out.push_str(&rest[..at]);
        if rest[at..].starts_with("</pc>") {
            out.push_str(&ends.pop().expect("balanced"));
            rest = &rest[at + "</pc>".len()..];
            continue;
        }
        let close = at + rest[at..].find('>').expect("a tag");
        let attrs = &rest[at + "<pc ".len()..close];
        let value = |name: &str| {
            let key = format!(" {name}=\"");
            let padded = format!(" {attrs}");
            padded.find(&key).map(|i| {
                let from = i + key.len();
                padded[from..from + padded[from..].find('"').expect("quoted")].to_owned()
            })
        };
        let id = value("id").expect("an id");
        let mut start = format!("<sc id=\"{id}\"");
        let mut end = format!("<ec startRef=\"{id}\"");
        for (tag, suffix) in [(&mut start, "Start"), (&mut end, "End")] {
            for (attr, name) in [("dataRef", "dataRef"), ("disp", "disp"), ("equiv", "equiv")] {
                if let Some(v) = value(&format!("{name}{suffix}")) {
                    let _ = write!(tag, " {attr}=\"{v}\"");
                }
            }
            tag.push_str("/>");
        }
        out.push_str(&start);
        ends.push(end);
        rest = &rest[close + 1..];
    }
    out.push_str(rest);
    out
}

#[test]
fn a_unit_split_into_segments_comes_back_whole() {
    let rewritten = survives(|text| {
        text.replace(
            "<segment state=\"translated\">\n        <source>Ask for consent before the procedure.</source>\n        <target>Ζητήστε συγκατάθεση πριν από την πράξη.</target>\n      </segment>",
            "<segment id=\"s1\" state=\"translated\">\n        <source>Ask for consent</source>\n        <target>Ζητήστε συγκατάθεση</target>\n      </segment>\n      <ignorable>\n        <source> </source>\n      </ignorable>\n      <segment id=\"s2\" state=\"final\">\n        <source>before the procedure.</source>\n        <target>πριν από την πράξη.</target>\n      </segment>",
        )
    });
    assert!(rewritten.contains("<ignorable>"));
}

#[test]
fn segments_take_the_least_advanced_state_and_targets_their_order() {
    let text = write(&packet()).replace(
        "<segment state=\"translated\">\n        <source>Ask for consent before the procedure.</source>\n        <target>Ζητήστε συγκατάθεση πριν από την πράξη.</target>\n      </segment>",
        "<segment state=\"final\">\n        <source>One.</source>\n        <target order=\"3\">Ένα.</target>\n      </segment>\n      <ignorable>\n        <source> </source>\n        <target> </target>\n      </ignorable>\n      <segment state=\"reviewed\">\n        <source>Two.</source>\n        <target order=\"1\">Δύο.</target>\n      </segment>",
    );
    let packet = read_clean(&text);
    let unit = &packet.files[1].units[0];
    assert_eq!(unit.source, [text_of("One. Two.")]);
    assert_eq!(unit.target, Some(vec![text_of("Δύο. Ένα.")]));
    assert_eq!(unit.state, State::Reviewed);
}

fn text_of(value: &str) -> Inline {
    text(value)
}

#[test]
fn code_points_are_their_characters() {
    survives(|text| {
        text.replace("<target>Ζητήστε", "<target><cp hex=\"0396\"/>ητήστε")
            .replace("procedure.</source>", "procedur<cp hex=\"65\"/>.</source>")
    });
}

#[test]
fn the_previous_english_survives_a_tool_that_drops_notes_or_metadata() {
    let text = write(&packet());
    let note = "<note category=\"previous-source\" appliesTo=\"source\">Ask for written consent before the procedure.</note>\n";
    let meta = "<mda:meta type=\"previous-source\">Ask for written consent before the procedure.</mda:meta>\n";
    for dropped in [note, meta] {
        assert!(text.contains(dropped), "{dropped}");
        let unit = unit_of(&read_clean(&text.replace(dropped, "")), "consent-p2");
        assert_eq!(
            unit.previous_source.as_deref(),
            Some("Ask for written consent before the procedure.")
        );
        assert!(
            unit.notes
                .iter()
                .all(|n| !n.text.starts_with("Ask for written"))
        );
    }
}

fn unit_of(packet: &Packet, id: &str) -> Unit {
    packet
        .files
        .iter()
        .flat_map(|file| &file.units)
        .find(|unit| unit.id == id)
        .cloned()
        .expect("the unit")
}
