//! Tests of the TMX format: round trips with inline codes, kurso's `memory` provider reading
//! kurso's TMX, other tools' TMX (the real TICO-19 memories), and what is refused.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::*;
use crate::exchange::model::{Code, CodeKind, Inline, Note, NoteKind, PacketFile, State, Unit};

const FILE: &str = "digicantrain-oncology/01-remote-symptom-monitoring.ftl";

fn text(value: &str) -> Inline {
    Inline::Text(value.to_owned())
}

fn ph(id: &str, original: &str) -> Inline {
    Inline::Ph {
        id: id.to_owned(),
        equiv: Some(original.to_owned()),
    }
}

fn open(id: &str, original: &str) -> Inline {
    Inline::Open {
        id: id.to_owned(),
        equiv: Some(original.to_owned()),
    }
}

fn close(id: &str, original: &str) -> Inline {
    Inline::Close {
        id: id.to_owned(),
        equiv: Some(original.to_owned()),
    }
}

fn unit(id: &str, source: Vec<Inline>, target: Option<Vec<Inline>>, state: State) -> Unit {
    Unit {
        id: id.to_owned(),
        source,
        target,
        state,
        ..Unit::default()
    }
}

/// Units in every state; the reviewed one has codes (a placeable and a link) and who/when.
fn packet() -> Packet {
    let mut dose = unit(
        "dose-p1",
        vec![
            text("Give "),
            ph("1", "{ $dose }"),
            text(" mg, see "),
            open("2", "["),
            text("the leaflet"),
            close("2", "](https://example.org/a?b=1&c=2)"),
            text(" if 1 < 2."),
        ],
        Some(vec![
            text("Vedere "),
            open("2", "["),
            text("il foglietto"),
            close("2", "](https://example.org/a?b=1&c=2)"),
            text(", dare "),
            ph("1", "{ $dose }"),
            text(" mg, se 1 < 2."),
        ]),
        State::Reviewed,
    );
    dose.codes = vec![
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
            closing: "](https://example.org/a?b=1&c=2)".to_owned(),
        },
    ];
    dose.changed_by = Some("Maria Rossi".to_owned());
    dose.changed_on = Some("2025-03-01T10:20:30Z".to_owned());
    let mut title = unit(
        "meta-title",
        vec![text("Remote symptom monitoring")],
        Some(vec![text("Monitoraggio remoto dei sintomi")]),
        State::Final,
    );
    title.changed_on = Some("2025-03-02".to_owned());
    Packet {
        source_locale: "en".to_owned(),
        target_locale: "it".to_owned(),
        tool: None,
        files: vec![PacketFile {
            original: FILE.to_owned(),
            units: vec![
                unit("new", vec![text("New")], None, State::New),
                unit(
                    "draft",
                    vec![text("Draft")],
                    Some(vec![text("Bozza")]),
                    State::Draft,
                ),
                unit(
                    "done",
                    vec![text("Done")],
                    Some(vec![text("Fatto")]),
                    State::Translated,
                ),
                dose,
                title,
            ],
        }],
        raw_markup: false,
    }
}

#[track_caller]
fn read_clean(text: &str) -> Packet {
    let (packet, diagnostics) = read(Path::new("it.tmx"), text).expect("reads");
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    packet
}

#[test]
fn reviewed_and_final_units_round_trip_with_their_codes() {
    let written = write(&packet());
    assert_eq!(write(&packet()), written, "deterministic");
    for expected in [
        "<tmx version=\"1.4\">",
        "<header creationtool=\"kurso\" creationtoolversion=\"",
        "segtype=\"paragraph\" adminlang=\"en\" srclang=\"en\" o-tmf=\"kurso\"/>",
        "<tu tuid=\"digicantrain-oncology/01-remote-symptom-monitoring.ftl:dose-p1\">",
        "<prop type=\"x-kurso-state\">reviewed</prop>",
        "<tuv xml:lang=\"en\"><seg>Give <ph x=\"1\">{ $dose }</ph> mg, see <bpt i=\"2\" x=\"2\">[</bpt>the leaflet<ept i=\"2\">](https://example.org/a?b=1&amp;c=2)</ept> if 1 &lt; 2.</seg></tuv>",
        "<tuv xml:lang=\"it\" changeid=\"Maria Rossi\" changedate=\"20250301T102030Z\">",
        // A date alone: changedate needs a time, so the exact value goes into a prop.
        "<prop type=\"x-kurso-changed-on\">2025-03-02</prop>",
    ] {
        assert!(written.contains(expected), "{expected:?} not in\n{written}");
    }
    let mut expected = packet();
    expected.files[0].units.drain(..3);
    expected.tool = Some(format!("kurso {}", env!("CARGO_PKG_VERSION")));
    for unit in &mut expected.files[0].units {
        unit.codes.clear();
    }
    let mut back = read_clean(&written);
    let lines: Vec<usize> = back.files[0].units.iter().map(|u| u.line).collect();
    assert_eq!(lines, [5, 12]);
    for unit in &mut back.files[0].units {
        unit.line = 0;
    }
    assert_eq!(back, expected);
    save_sample("it.tmx", &written);
    if let Ok(output) = std::process::Command::new("xmllint")
        .args(["--noout", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write as _;
            child
                .stdin
                .take()
                .expect("piped")
                .write_all(written.as_bytes())?;
            child.wait_with_output()
        })
    {
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    }
}

#[test]
fn a_pair_split_across_segments_is_written_as_isolated_tags() {
    let mut half = unit(
        "half",
        vec![open("1", "**"), text("bold")],
        Some(vec![text("grassetto"), close("1", "**")]),
        State::Reviewed,
    );
    half.codes = vec![];
    let mut packet = packet();
    packet.files[0].units = vec![half.clone()];
    let written = write(&packet);
    assert!(
        written.contains("<seg><it pos=\"begin\" x=\"1\">**</it>bold</seg>"),
        "{written}"
    );
    assert!(
        written.contains("<seg>grassetto<it pos=\"end\" x=\"1\">**</it></seg>"),
        "{written}"
    );
    let back = read_clean(&written);
    assert_eq!(back.files[0].units[0].source, half.source);
    assert_eq!(back.files[0].units[0].target, half.target);
}

#[test]
fn kursos_memory_provider_reuses_kursos_tmx() {
    use crate::mt::provider::{Batch, Provider as _, Reply};
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("it.tmx");
    crate::fsx::write_atomic(&path, write(&packet()).as_bytes()).expect("write");
    let mut memory = crate::mt::providers::memory::Memory::new(75);
    // The reviewed and the final unit; drafts and unreviewed translations are not in the file.
    assert_eq!(memory.add_tmx(&path, "it").expect("reads"), 2);
    // A message's value as `translate` sends it: placeables as sentinels, then masked.
    let batch = |value: &str| {
        let source = format!("x = {value}\n");
        let resource = fluent_syntax::parser::parse(source.as_str()).expect("Fluent");
        let Some(fluent_syntax::ast::Entry::Message(message)) = resource.body.first() else {
            panic!("one message");
        };
        let (text, _) = crate::mt::mask::pattern_text(message.value.as_ref().expect("value"));
        Batch {
            source_lang: "en".to_owned(),
            target_lang: "it".to_owned(),
            ids: vec!["x".to_owned()],
            texts: vec![crate::mt::mask::mask(&text, &[]).text],
            context: None,
            glossary: Arc::new(crate::mt::provider::PairGlossary::default()),
            plural_categories: Vec::new(),
            formality: None,
        }
    };
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("runtime");
    let reply = runtime
        .block_on(memory.translate(&batch("Remote symptom monitoring")))
        .expect("in the memory");
    assert_eq!(
        reply,
        Reply::Done(vec!["Monitoraggio remoto dei sintomi".to_owned()])
    );
    // The placeable and the link are codes the provider masks and moves.
    let reply = runtime
        .block_on(memory.translate(&batch(
            "Give { $dose } mg, see [the leaflet](https://example.org/a?b=1&c=2) if 1 < 2.",
        )))
        .expect("in the memory");
    assert_eq!(
        reply,
        Reply::Done(vec![
            "Vedere <g id=\"2\">il foglietto</g>, dare <x id=\"1\"/> mg, se 1 &lt; 2.".to_owned()
        ])
    );
}

#[test]
fn another_tools_memory_is_read_with_its_ids_and_codes() {
    let tmx = "\u{feff}<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\
        <!DOCTYPE tmx SYSTEM \"tmx14.dtd\">\n\
        <tmx version=\"1.4\">\n\
          <header creationtool=\"SDL Language Platform\" creationtoolversion=\"8.1\" o-tmf=\"SDL TM8 Format\"\n\
                  datatype=\"xml\" segtype=\"sentence\" adminlang=\"EN-US\" srclang=\"EN-US\">\n\
            <prop type=\"x-Recognizers\">RecognizeAll</prop>\n\
          </header>\n\
          <body>\n\
            <tu changeid=\"TRANSLATOR\" changedate=\"20240105T081500Z\" creationid=\"X\">\n\
              <prop type=\"x-Context\">0, 0</prop>\n\
              <note>Checked by the ward pharmacist.</note>\n\
              <tuv xml:lang=\"EN-US\">\n\
                <seg>Take <bpt i=\"7\" type=\"bold\">&lt;b&gt;</bpt>two<ept i=\"7\">&lt;/b&gt;</ept> tablets<ph/>&#233;<hi type=\"x\">now</hi></seg>\n\
              </tuv>\n\
              <tuv xml:lang=\"IT-IT\"><seg>Prendere <bpt i=\"3\" x=\"7\">&lt;b&gt;</bpt>due<ept i=\"3\">&lt;/b&gt;</ept> compresse<ph/> <ut>{x}</ut></seg></tuv>\n\
            </tu>\n\
            <tu tuid=\"only-french\"><tuv xml:lang=\"fr-FR\"><seg>Seul</seg></tuv></tu>\n\
          </body>\n\
        </tmx>\n";
    let (packet, diagnostics) = read(Path::new("sdl.tmx"), tmx).expect("reads");
    assert_eq!(packet.source_locale, "EN-US");
    assert_eq!(packet.target_locale, "IT-IT");
    assert_eq!(packet.tool.as_deref(), Some("SDL Language Platform 8.1"));
    let messages: Vec<String> = diagnostics
        .iter()
        .map(|d| format!("{}: {}", d.location(), d.message))
        .collect();
    assert_eq!(
        messages,
        ["sdl.tmx:17:1: a <tu> without a <tuv> in `EN-US` was skipped"]
    );
    let file = &packet.files[0];
    assert_eq!(file.original, "");
    let unit = &file.units[0];
    assert_eq!(unit.id, "1", "no tuid: the position");
    assert_eq!(unit.state, State::Translated);
    assert_eq!(unit.line, 9);
    assert_eq!(unit.changed_by.as_deref(), Some("TRANSLATOR"));
    assert_eq!(unit.changed_on.as_deref(), Some("2024-01-05T08:15:00Z"));
    assert_eq!(
        unit.notes,
        [Note {
            kind: NoteKind::General,
            text: "Checked by the ward pharmacist.".to_owned()
        }]
    );
    assert_eq!(
        unit.source,
        [
            text("Take "),
            open("7", "<b>"),
            text("two"),
            close("7", "</b>"),
            text(" tablets"),
            Inline::Ph {
                id: "t3".to_owned(),
                equiv: None
            },
            text("énow"),
        ]
    );
    let target = unit.target.as_ref().expect("target");
    // A tool renumbered the pair (`i="3"`); its `x` and the `ept` name the code.
    assert_eq!(
        (&target[1], &target[3]),
        (&open("7", "<b>"), &close("7", "</b>"))
    );
    assert_eq!(
        target[5],
        Inline::Ph {
            id: "t3".to_owned(),
            equiv: None
        }
    );
    assert_eq!(
        target[7],
        Inline::Ph {
            id: "t4".to_owned(),
            equiv: Some("{x}".to_owned())
        }
    );
}

#[track_caller]
fn check_error(tmx: &str, expected: &str) {
    let err = read(Path::new("x.tmx"), tmx).expect_err("refused");
    assert_eq!(format!("{}: {}", err.location(), err.message), expected);
}

#[test]
fn what_is_not_tmx_is_an_error_at_its_place() {
    check_error(
        "<tmx version=\"1.4\"><body><tu><tuv xml:lang=\"en\"><seg>a</tuv></tu></body></tmx>",
        "x.tmx:1:55: not well-formed XML: ill-formed document: expected `</seg>`, but `</tuv>` was found",
    );
    check_error(
        "<?xml version=\"1.0\"?>\n<xliff version=\"1.2\"/>",
        "x.tmx:2:1: not a TMX file: the root element is <xliff>",
    );
    check_error(
        "<tmx version=\"1.4\"><body>\n<tu><tuv xml:lang=\"en\"><seg>&nbsp;</seg></tuv></tu></body></tmx>",
        "x.tmx:2:29: entity `&nbsp;` is not allowed (no DTD is read)",
    );
    check_error("", "x.tmx:1:1: not a TMX file: it has no root element");
}

fn tico(pair: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpora/interop/tico19-tmx/data/TM")
        .join(format!("all.{pair}.tmx"))
}

#[test]
fn the_tico19_memories_are_read_whole() {
    for (pair, target, first) in [
        (
            "en-fr",
            "fr",
            "depuis combien ressentez-vous ces symptômes ?",
        ),
        ("en-ru", "ru", ""),
    ] {
        let path = tico(pair);
        let content =
            crate::fsx::read_to_string(&path).expect("the corpus is beside the repository");
        let (packet, diagnostics) = read(&path, &content).expect("reads");
        assert!(diagnostics.is_empty(), "{diagnostics:#?}");
        assert_eq!(
            (packet.source_locale.as_str(), packet.target_locale.as_str()),
            ("en", target)
        );
        let units = &packet.files[0].units;
        assert_eq!(units.len(), 3071, "{pair}");
        assert!(
            units
                .iter()
                .all(|u| u.state == State::Translated && u.target.is_some())
        );
        assert_eq!(units[0].id, "CMU_1:1");
        assert_eq!(
            units[0].source,
            [text("about how long have these symptoms been going on?")]
        );
        if !first.is_empty() {
            assert_eq!(units[0].target.as_deref(), Some(&[text(first)][..]));
        }
    }
}

#[test]
fn changedates_convert_both_ways() {
    assert_eq!(
        to_changedate("2025-03-01T10:20:30Z"),
        Some(("20250301T102030Z".to_owned(), true))
    );
    assert_eq!(
        to_changedate("2025-03-01"),
        Some(("20250301T000000Z".to_owned(), false))
    );
    assert_eq!(to_changedate("2025-03-01T10:20:30+02:00"), None);
    assert_eq!(to_changedate("yesterday"), None);
    assert_eq!(from_changedate("20250301T102030Z"), "2025-03-01T10:20:30Z");
    assert_eq!(from_changedate("2025"), "2025");
}

/// Keeps a file for `scripts/check-translate-toolkit` when `KURSO_EXCHANGE_SAMPLES` names a
/// folder.
fn save_sample(name: &str, text: &str) {
    if let Some(dir) = std::env::var_os("KURSO_EXCHANGE_SAMPLES") {
        crate::fsx::write_atomic(&Path::new(&dir).join(name), text.as_bytes()).expect("sample");
    }
}
