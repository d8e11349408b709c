//! What the reader refuses (an `Err` at `path:line:col`) and what it reports beside the
//! units it still reads.

use super::*;

#[track_caller]
fn refused(text: &str) -> Diagnostic {
    match read(Path::new("back.xlf"), text) {
        Ok((packet, problems)) => panic!("read: {packet:?} {problems:?}"),
        Err(err) => err,
    }
}

#[track_caller]
fn at(err: &Diagnostic) -> (usize, usize) {
    let position = err.position.expect("a position");
    (position.line, position.column)
}

const HEAD: &str = "<?xml version=\"1.0\"?>\n<xliff xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" version=\"2.0\" srcLang=\"en\" trgLang=\"fi\">\n<file id=\"f1\" original=\"a.ftl\">\n";
const TAIL: &str = "</file>\n</xliff>\n";

fn file(units: &str) -> String {
    format!("{HEAD}{units}{TAIL}")
}

#[test]
fn xml_that_is_not_well_formed_is_an_error_with_its_position() {
    let err = refused(&file(
        "<unit id=\"a\"><segment><source>x</segment></unit>\n",
    ));
    assert_eq!(at(&err), (4, 32), "{err}");
    assert!(err.message.starts_with("invalid XML"), "{err}");
    assert!(err.location().starts_with("back.xlf:4:"), "{err}");
    let cut = file("<unit id=\"a\"><segment><source>x</source>");
    let cut = &cut[..cut.find("</file>").expect("there")];
    assert!(refused(cut).message.contains("ends"), "{cut}");
    assert!(refused("").message.contains("no root element"));
    let twice = format!("{}<xliff version=\"2.0\"/>", file(""));
    assert!(refused(&twice).message.contains("second root"));
}

#[test]
fn a_file_that_is_not_xliff_2_says_what_it_is() {
    let err = refused("<?xml version=\"1.0\"?>\n<html><body/></html>");
    assert_eq!(at(&err), (2, 1));
    assert!(err.message.contains("root element is <html>"), "{err}");
    let err = refused(
        "<xliff xmlns=\"urn:oasis:names:tc:xliff:document:1.2\" version=\"1.2\"><file/></xliff>",
    );
    assert!(err.message.contains("\"1.2\""), "{err}");
    assert!(err.help.as_deref().is_some_and(|h| h.contains("XLIFF 1.2")));
    let err = refused("<xliff xmlns=\"urn:other\" version=\"2.0\"/>");
    assert!(err.message.contains("namespace"), "{err}");
    // Without any namespace it is read as XLIFF 2.0 all the same; 2.1 and 2.2 read too.
    let bare = "<xliff version=\"2.1\" srcLang=\"en\"><file id=\"f\"><unit id=\"a\"><segment><source>x</source></segment></unit></file></xliff>";
    assert_eq!(read_clean(bare).files[0].units[0].source, [text("x")]);
}

#[test]
fn a_doctype_is_refused() {
    let laughs = "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff [\n<!ENTITY lol \"lol\">\n<!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">\n]>\n<xliff version=\"2.0\" srcLang=\"en\"><file id=\"f\"><unit id=\"a\"><segment><source>&lol2;</source></segment></unit></file></xliff>";
    let err = refused(laughs);
    assert_eq!(at(&err), (2, 1), "{err}");
    assert!(err.message.contains("DOCTYPE"), "{err}");
    let external = "<?xml version=\"1.0\"?>\n<!DOCTYPE xliff SYSTEM \"file:///etc/passwd\">\n<xliff version=\"2.0\" srcLang=\"en\"/>";
    assert!(refused(external).message.contains("DOCTYPE"));
}

#[test]
fn entities_other_than_the_xml_ones_are_refused() {
    let err = refused(&file(
        "<unit id=\"a\"><segment><source>caf&eacute; &amp; &#233;</source></segment></unit>\n",
    ));
    assert_eq!(at(&err), (4, 34), "{err}");
    assert!(err.message.contains("`&eacute;`"), "{err}");
    let err = refused(&file(
        "<unit id=\"a\" name=\"x&ext;\"><segment><source>x</source></segment></unit>\n",
    ));
    assert_eq!(at(&err), (4, 21), "{err}");
    // The five XML ones and character references are text.
    let packet = read_clean(&file(
        "<unit id=\"a\"><segment><source>&lt;&gt;&amp;&quot;&apos;&#233;&#x1F600;</source></segment></unit>\n",
    ));
    assert_eq!(packet.files[0].units[0].source, [text("<>&\"'é😀")]);
}

#[test]
fn a_broken_unit_is_reported_and_the_others_are_read() {
    let (packet, problems) = read_ok(&file(concat!(
        "<unit><segment><source>no id</source></segment></unit>\n",
        "<unit id=\"b\"><notes><note>only a note</note></notes></unit>\n",
        "<unit id=\"c\"><segment><target>no source</target></segment></unit>\n",
        "<unit id=\"d\"><segment state=\"translated\"><source>kept</source><target>pidetty</target></segment></unit>\n",
        "<unit id=\"d\"><segment><source>again</source></segment></unit>\n",
        "<unit id=\"e\"><segment state=\"translated\"><source>One.</source><target>Yksi.</target></segment><segment><source>Two.</source></segment></unit>\n",
        "<unit id=\"f\"><segment state=\"signed-off\"><source>odd</source><target>outo</target></segment></unit>\n",
        "<unit id=\"g\"><originalData><data id=\"d1\">[</data></originalData><segment><source><ph id=\"1\" dataRef=\"d9\"/><ec startRef=\"7\"/></source></segment></unit>\n",
    )));
    let found: Vec<(usize, bool, &str)> = problems
        .iter()
        .map(|p| {
            let line = p.position.expect("a position").line;
            (line, p.is_error(), p.message.as_str())
        })
        .collect();
    assert_eq!(
        found,
        [
            (4, true, "a <unit> without an id"),
            (5, true, "unit `b` has no <segment>"),
            (6, true, "a <segment> without <source>"),
            (
                8,
                true,
                "unit `d` appears twice in this file (first at line 7)"
            ),
            (
                9,
                false,
                "unit `e` is translated only in part: 1 of 2 segments have a target"
            ),
            (10, false, "unknown segment state `signed-off` in unit `f`"),
            (
                11,
                false,
                "code 1 refers to data `d9`, which this unit does not have"
            ),
            (
                11,
                false,
                "in the source of unit `g`, code 7 ends before it starts"
            ),
        ]
    );
    let units: Vec<(&str, State)> = packet.files[0]
        .units
        .iter()
        .map(|u| (u.id.as_str(), u.state))
        .collect();
    assert_eq!(
        units,
        [
            ("d", State::Translated),
            ("e", State::New),
            ("f", State::Draft),
            ("g", State::New)
        ]
    );
    assert!(problems.iter().all(|p| p.help.is_some()));
    assert_eq!(
        problems[0].source_line.as_deref(),
        Some("<unit><segment><source>no id</source></segment></unit>")
    );
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    let deep = format!(
        "{}x{}",
        "<pc id=\"1\">".repeat(100_000),
        "</pc>".repeat(100_000)
    );
    let err = refused(&file(&format!(
        "<unit id=\"a\"><segment><source>{deep}</source></segment></unit>\n"
    )));
    assert!(err.message.contains("nested more than"), "{}", err.message);
    assert_eq!(at(&err).0, 4);
}

#[test]
fn a_file_without_target_language_but_with_targets_is_warned_about() {
    let text = file("<unit id=\"a\"><segment state=\"final\"><source>x</source><target>y</target></segment></unit>\n")
        .replace(" trgLang=\"fi\"", "");
    let (packet, problems) = read_ok(&text);
    assert_eq!(packet.files[0].units[0].state, State::Final);
    assert_eq!(problems.len(), 1);
    assert!(problems[0].message.contains("no trgLang"));
}
