//! What CAT tools do to a file they import and send back, simulated on kurso's own output: the
//! reader must return the same units (or, where a tool renumbers or rewrites codes, units whose
//! codes still match the English through `inline::to_masked`, which is what import checks).

use std::path::Path;

use super::tests::{round_trip, sample, unit};
use super::{read, write};
use crate::exchange::inline::to_masked;
use crate::exchange::model::{Inline, Packet, State, Unit};

/// Reads `text` (a tool's rewrite of kurso's XLIFF); no diagnostics allowed.
#[track_caller]
fn read_back(text: &str) -> Packet {
    let (mut packet, diagnostics) =
        read(Path::new("rewritten.xlf"), text).unwrap_or_else(|err| panic!("{err}\n{text}"));
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    for unit in packet.files.iter_mut().flat_map(|file| &mut file.units) {
        unit.line = 0;
    }
    packet
}

/// Applies `change` to every `<trans-unit …>…</trans-unit>` of `text`.
fn map_units(text: &str, change: impl Fn(&str) -> String) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("<trans-unit ") {
        let end = rest[start..].find("</trans-unit>").expect("closed") + start + 13;
        out.push_str(&rest[..start]);
        out.push_str(&change(&rest[start..end]));
        rest = &rest[end..];
    }
    out.push_str(rest);
    out
}

/// The content of the first `<name …>…</name>` in `unit` and the byte range of that content.
fn content<'a>(unit: &'a str, name: &str) -> Option<(&'a str, std::ops::Range<usize>)> {
    let open = unit.find(&format!("<{name}"))?;
    let start = unit[open..].find('>')? + open + 1;
    let end = unit[start..].find(&format!("</{name}>"))? + start;
    Some((&unit[start..end], start..end))
}

/// The sample plus a unit of two sentences, which Trados segments.
fn sample_with_sentences() -> Packet {
    let mut packet = sample();
    packet.files[1].units.push(unit(
        "two-sentences",
        "Wash your hands. Then put on gloves.",
        Some("Πλύνετε τα χέρια. Μετά φορέστε γάντια."),
        State::Translated,
    ));
    packet
}

/// Trados Studio: `<seg-source>` with `<mrk mtype="seg">` per sentence, the same mrks in the
/// target with a plain space between them, and the status in `sdl:seg conf`.
fn trados(unit: &str) -> String {
    let segment = |text: &str| -> String {
        if !text.contains('<') && text.contains(". ") {
            let (first, second) = text.split_once(". ").expect("two sentences");
            format!(
                "<mrk mtype=\"seg\" mid=\"1\">{first}.</mrk> <mrk mtype=\"seg\" mid=\"2\">{second}</mrk>"
            )
        } else {
            format!("<mrk mtype=\"seg\" mid=\"1\">{text}</mrk>")
        }
    };
    let mut unit = unit.to_owned();
    if let Some((target, range)) = content(&unit, "target") {
        let segmented = segment(target);
        unit.replace_range(range, &segmented);
    }
    let (source, range) = content(&unit, "source").expect("a source");
    let seg_source = format!("<seg-source>{}</seg-source>", segment(source));
    unit.insert_str(range.end + "</source>".len(), &seg_source);
    let conf = [
        ("state=\"needs-review-translation\"", " conf=\"Draft\""),
        ("state=\"translated\"", " conf=\"Translated\""),
        ("state=\"signed-off\"", " conf=\"ApprovedTranslation\""),
        ("state=\"final\"", " conf=\"ApprovedSignOff\""),
    ]
    .iter()
    .find(|(state, _)| unit.contains(state))
    .map_or("", |(_, conf)| conf);
    let defs = format!("<sdl:seg-defs><sdl:seg id=\"1\"{conf}/></sdl:seg-defs>");
    unit.replace("</trans-unit>", &format!("{defs}</trans-unit>"))
}

#[test]
fn trados_segmentation_and_status_read_back_the_same() {
    let packet = sample_with_sentences();
    let text = write(&packet).replacen(
        "<xliff version=\"1.2\"",
        "<xliff xmlns:sdl=\"http://sdl.com/FileTypes/SdlXliff/1.0\" version=\"1.2\"",
        1,
    );
    let segmented = map_units(&text, trados);
    assert!(segmented.contains(
        "<mrk mtype=\"seg\" mid=\"1\">Πλύνετε τα χέρια.</mrk> <mrk mtype=\"seg\" mid=\"2\">"
    ));
    // kurso's header stays, but Trados's statuses say who had the file.
    let expected = Packet {
        tool: Some("Trados Studio".to_owned()),
        ..packet
    };
    assert_eq!(read_back(&segmented), expected);
}

/// memoQ: its namespace, status and bookkeeping attributes and elements, and an empty target
/// for an untranslated unit.
fn memoq(unit: &str) -> String {
    let status = [
        ("state=\"needs-review-translation\"", "PartiallyEdited"),
        ("state=\"translated\"", "ManuallyConfirmed"),
        ("state=\"signed-off\"", "Proofread"),
        ("state=\"final\"", "Reviewer2Confirmed"),
    ]
    .iter()
    .find(|(state, _)| unit.contains(state))
    .map_or("NotStarted", |(_, status)| status);
    let mut unit = unit.replacen(
        "<trans-unit ",
        &format!("<trans-unit mq:status=\"{status}\" mq:segmentguid=\"3f1c\" mq:lastchangedtimestamp=\"0001-01-01T00:00:00Z\" "),
        1,
    );
    if !unit.contains("<target") {
        unit = unit.replacen(
            "</source>",
            "</source><target xml:space=\"preserve\"></target>",
            1,
        );
    }
    unit.replace(
        "</trans-unit>",
        "<mq:startingws xml:space=\"preserve\" /><mq:commitinfos xmlns=\"MQXliff\"><commitinfo role=\"4\"/></mq:commitinfos></trans-unit>",
    )
}

#[test]
fn memoq_extensions_read_back_the_same() {
    let packet = sample();
    let text = write(&packet).replacen(
        "<xliff version=\"1.2\"",
        "<xliff xmlns:mq=\"MQXliff\" version=\"1.2\"",
        1,
    );
    let text = map_units(&text, memoq).replace(
        "<body>",
        "<body><mq:docinformation mq:docname=\"x\"><mq:doccomments/></mq:docinformation>",
    );
    assert!(text.contains("<target xml:space=\"preserve\"></target>"));
    let expected = Packet {
        tool: Some("memoQ".to_owned()),
        ..packet
    };
    assert_eq!(read_back(&text), expected);
}

#[test]
fn another_namespace_prefix_reads_back_the_same() {
    let packet = sample();
    let mut text = write(&packet).replacen(
        "xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"",
        "xmlns:x=\"urn:oasis:names:tc:xliff:document:1.2\"",
        1,
    );
    for name in [
        "xliff",
        "file",
        "header",
        "phase-group",
        "phase",
        "tool",
        "body",
        "trans-unit",
        "source",
        "target",
        "note",
        "alt-trans",
        "g",
        "x",
        "bx",
        "ex",
    ] {
        text = text
            .replace(&format!("<{name} "), &format!("<x:{name} "))
            .replace(&format!("<{name}>"), &format!("<x:{name}>"))
            .replace(&format!("</{name}>"), &format!("</x:{name}>"));
    }
    assert!(text.contains("<x:x id=\"1\""), "a placeholder is <x:x/>");
    assert_eq!(read_back(&text), packet);
}

#[test]
fn re_indentation_between_elements_reads_back_the_same() {
    let packet = sample();
    // Tabs, blank lines and attributes on lines of their own, as MadCap and Okapi write; the
    // content of source, target and note is left alone, as xml:space="preserve" asks.
    let text = write(&packet)
        .replace("\n  ", "\n\t\t\n\t")
        .replace(
            " xml:space=\"preserve\">",
            "\n\t\t\txml:space=\"preserve\"\n\t\t>",
        )
        .replace("<note from=", "<note\n   from=");
    assert_eq!(read_back(&text), packet);
}

#[test]
fn pretty_printing_without_preserve_reads_back_the_text() {
    // A printer that ignores xml:space and indents the text itself: the reader drops the
    // layout at the ends, so units whose text has no whitespace at its ends come back.
    let mut packet = sample();
    packet.files[0].units.retain(|unit| unit.id != "ends");
    let text = write(&packet).replace(" xml:space=\"preserve\"", "");
    let text = map_units(&text, |unit| {
        let mut unit = unit.to_owned();
        for name in ["source", "target", "note"] {
            let mut at = 0;
            while let Some((inner, range)) = content(&unit[at..], name) {
                let indented = format!("\n            {inner}\n          ");
                let (start, end) = (range.start + at, range.end + at);
                unit.replace_range(start..end, &indented);
                at = start + indented.len();
            }
        }
        unit
    });
    assert!(text.contains("<source>\n            Give <x"));
    assert_eq!(read_back(&text), packet);
}

#[test]
fn alt_trans_proposals_and_reordering_change_nothing() {
    let packet = sample();
    // A Phrase MT proposal before the notes, and an empty TM proposal.
    let text = map_units(&write(&packet), |unit| {
        let proposal = "<alt-trans match-quality=\"0.96\" origin=\"machine-trans\"><target>Κάτι άλλο</target></alt-trans><alt-trans origin=\"memsource-tm\"><target/></alt-trans>";
        match unit.find("</target>") {
            Some(end) => format!("{}{proposal}{}", &unit[..end + 9], &unit[end + 9..]),
            None => unit.to_owned(),
        }
    });
    assert_eq!(read_back(&text), packet);
    // Units and files in reverse order come back in the file's order, each unchanged.
    let reversed = reverse_units_and_files(&write(&packet));
    let mut expected = packet.clone();
    expected.files.reverse();
    for file in &mut expected.files {
        file.units.reverse();
    }
    assert_eq!(read_back(&reversed), expected);
}

/// `text` with the `<file>`s, and the units of each, in reverse order.
fn reverse_units_and_files(text: &str) -> String {
    let files: Vec<&str> = text.split("  <file ").skip(1).collect();
    let head = text.split("  <file ").next().expect("a head");
    let mut out = head.to_owned();
    for (index, file) in files.iter().rev().enumerate() {
        let file = file.replace("</xliff>\n", "");
        let body_start = file.find("<body>\n").expect("a body") + 7;
        let body_end = file.find("    </body>").expect("a body end");
        let units: Vec<&str> = file[body_start..body_end]
            .split_inclusive("</trans-unit>\n")
            .collect();
        out.push_str("  <file ");
        out.push_str(&file[..body_start]);
        for unit in units.iter().rev() {
            out.push_str(unit);
        }
        out.push_str(&file[body_end..]);
        if index + 1 == files.len() {
            out.push_str("</xliff>\n");
        }
    }
    out
}

/// The masked text import computes for each unit's target against the English codes.
fn masked_targets(packet: &Packet, english: &Packet) -> Vec<Result<String, String>> {
    let units =
        |p: &Packet| -> Vec<Unit> { p.files.iter().flat_map(|f| f.units.clone()).collect() };
    units(packet)
        .iter()
        .zip(units(english))
        .filter_map(|(unit, original)| {
            let target = unit.target.as_ref()?;
            Some(to_masked(target, &original.codes))
        })
        .collect()
}

#[test]
fn codes_rewritten_as_bx_ex_or_bpt_ept_still_match_the_english() {
    let packet = sample();
    let text = write(&packet);
    // Okapi: <g> → <bx/> … <ex/> paired by id, readable forms dropped.
    let bx = rewrite_pairs(&text, |id, _| {
        (format!("<bx id=\"{id}\"/>"), format!("<ex id=\"{id}\"/>"))
    });
    // memoQ-style: <bpt>/<ept> with the native code inside and their own IDs paired by rid.
    let bpt = rewrite_pairs(&text, |id, equiv| {
        let (opening, closing) = equiv.rsplit_once('…').expect("kurso joins both forms");
        (
            format!("<bpt id=\"{id}\" rid=\"r{id}\">{opening}</bpt>"),
            format!("<ept id=\"9{id}\" rid=\"r{id}\">{closing}</ept>"),
        )
    });
    for rewritten in [bx, bpt] {
        assert!(!rewritten.contains("<g "));
        let back = read_back(&rewritten);
        assert_eq!(
            masked_targets(&back, &packet),
            masked_targets(&round_trip(&packet), &packet)
        );
        assert!(masked_targets(&back, &packet).iter().all(Result::is_ok));
        let draft = &back.files[0].units[0];
        let opens = draft
            .source
            .iter()
            .filter(|i| matches!(i, Inline::Open { .. }))
            .count();
        assert_eq!(opens, 2, "{:?}", draft.source);
    }
}

/// Rewrites every `<g id=… equiv-text=…>…</g>` of `text` with `forms(id, equiv)`.
fn rewrite_pairs(text: &str, forms: impl Fn(&str, &str) -> (String, String)) -> String {
    let mut out = String::new();
    let mut stack: Vec<String> = Vec::new();
    let mut rest = text;
    loop {
        let next_open = rest.find("<g id=\"");
        let next_close = rest.find("</g>");
        match (next_open, next_close) {
            (Some(open), close) if close.is_none_or(|close| open < close) => {
                let end = rest[open..].find('>').expect("a start tag") + open;
                let tag = &rest[open..=end];
                let id = tag[7..].split('"').next().expect("an id");
                let equiv = tag
                    .split("equiv-text=\"")
                    .nth(1)
                    .and_then(|e| e.split('"').next())
                    .unwrap_or("");
                let equiv = equiv.replace("&amp;", "&");
                let (opening, closing) = forms(id, &equiv);
                out.push_str(&rest[..open]);
                out.push_str(&opening.replace('&', "&amp;"));
                stack.push(closing.replace('&', "&amp;"));
                rest = &rest[end + 1..];
            }
            (_, Some(close)) => {
                out.push_str(&rest[..close]);
                out.push_str(&stack.pop().expect("balanced"));
                rest = &rest[close + 4..];
            }
            _ => break,
        }
    }
    out.push_str(rest);
    out
}

#[test]
fn renumbered_codes_keep_their_ids_and_readable_forms() {
    let packet = sample();
    let text = write(&packet);
    let mut renumbered = text.clone();
    for id in 1..=5 {
        renumbered = renumbered
            .replace(
                &format!("<x id=\"{id}\""),
                &format!("<x id=\"{}\"", 10 + id),
            )
            .replace(
                &format!("<g id=\"{id}\""),
                &format!("<g id=\"{}\"", 10 + id),
            );
    }
    // A protected-text annotation around a word, as some tools add.
    let renumbered = renumbered.replace("δισκίο", "<mrk mtype=\"protected\">δισκίο</mrk>");
    let back = read_back(&renumbered);
    let draft = &back.files[0].units[0];
    assert_eq!(
        draft.source[1],
        Inline::Ph {
            id: "11".into(),
            equiv: Some("{ $dose }".into())
        },
        "IDs as the file has them, readable form kept"
    );
    assert_eq!(
        masked_targets(&back, &packet),
        masked_targets(&round_trip(&packet), &packet)
    );
    assert_eq!(
        Inline::plain(back.files[0].units[1].target.as_deref().expect("a target")),
        "Πάρτε ένα δισκίο."
    );
}

#[test]
fn a_trados_unit_is_as_far_as_its_least_advanced_segment() {
    let packet = sample_with_sentences();
    let text = write(&packet).replacen(
        "<xliff version=\"1.2\"",
        "<xliff xmlns:sdl=\"http://sdl.com/FileTypes/SdlXliff/1.0\" version=\"1.2\"",
        1,
    );
    let value = |key: &str, value: &str| format!("<sdl:value key=\"{key}\">{value}</sdl:value>");
    let segments = format!(
        "<sdl:seg-defs><sdl:seg id=\"1\" conf=\"ApprovedSignOff\">{}{}</sdl:seg><sdl:seg id=\"2\" conf=\"Draft\">{}{}</sdl:seg></sdl:seg-defs></trans-unit>",
        value("last_modified_by", "Anna"),
        value("modified_on", "03/02/2025 09:00:00"),
        value("last_modified_by", "Ben"),
        value("modified_on", "03/01/2025 17:30:00"),
    );
    let text = map_units(&map_units(&text, trados), |unit| {
        if unit.contains("two-sentences") {
            let start = unit.find("<sdl:seg-defs>").expect("Trados status");
            format!("{}{segments}", &unit[..start])
        } else {
            unit.to_owned()
        }
    });
    let back = read_back(&text);
    let two = back.files[1].units.last().expect("the unit");
    assert_eq!(two.id, "two-sentences");
    assert_eq!(two.state, State::Draft, "one segment is only a draft");
    assert_eq!(
        two.changed_by.as_deref(),
        Some("Anna"),
        "the most recent change"
    );
    assert_eq!(two.changed_on.as_deref(), Some("2025-03-02T09:00:00"));
}
