//! What other tools do: Poedit's rewrites of kurso's output, real files from GNOME and
//! Translate Toolkit, and `msgfmt -c` on kurso's output.

use std::path::{Path, PathBuf};

use super::*;

// What Poedit does to a file, applied to kurso's own output.

/// Joins every multi-line string onto one line and splits long ones at other places, as
/// Poedit's wrapping (79 columns, its own break rules) does.
fn rewrap(po: &str) -> String {
    let mut out = String::new();
    for line in po.lines() {
        if line.starts_with('"') && out.ends_with("\"\n") && !out.ends_with("msgid \"\"\n") {
            // Join the continuation onto the previous string.
            out.truncate(out.len() - 2);
            out.push_str(&line[1..]);
            out.push('\n');
        } else {
            out.push_str(line);
            out.push('\n');
        }
    }
    // Then break every string at its first space into two strings.
    out.lines()
        .map(|line| match line.split_once(" \"") {
            Some((keyword, rest)) if keyword.starts_with("msg") && rest.contains(' ') => {
                let (a, b) = rest.split_at(rest.find(' ').expect("a space") + 1);
                format!("{keyword} \"{a}\"\n\"{b}\n")
            }
            _ => format!("{line}\n"),
        })
        .collect()
}

/// The lines of `po` that `keep` keeps.
fn keep_lines(po: &str, keep: impl Fn(&str) -> bool) -> String {
    po.lines()
        .filter(|line| keep(line))
        .fold(String::new(), |mut out, line| {
            out.push_str(line);
            out.push('\n');
            out
        })
}

/// The entries of a PO text (blank-line separated), the header first.
fn entries(po: &str) -> Vec<String> {
    po.split("\n\n")
        .map(|e| e.trim_end().to_owned() + "\n")
        .collect()
}

fn sorted(mut packet: Packet) -> Packet {
    for file in &mut packet.files {
        file.units.sort_by(|a, b| a.id.cmp(&b.id));
        for unit in &mut file.units {
            unit.line = 0;
        }
    }
    packet
}

#[test]
fn poedit_rewrapping_and_reordering_change_nothing() {
    let packet = as_read(rich_packet());
    let written = write(&packet);
    let rewrapped = rewrap(&written);
    assert_ne!(rewrapped, written);
    assert_eq!(sorted(read_clean(&rewrapped)), sorted(packet.clone()));
    let mut parts = entries(&written);
    parts[1..].reverse();
    let reordered = parts.join("\n");
    assert_eq!(sorted(read_clean(&reordered)), sorted(packet));
}

#[test]
fn poedit_confirming_a_draft_makes_it_translated() {
    let mut packet = rich_packet();
    let stale = &mut packet.files[0].units[5];
    stale.state = State::Draft;
    let written = write(&packet);
    // Poedit removes `fuzzy` and the previous msgid when the translator confirms.
    let confirmed = keep_lines(&written, |line| {
        line != "#, fuzzy" && !line.starts_with("#|")
    });
    let back = read_clean(&confirmed);
    let states: Vec<State> = back.files[0].units.iter().map(|u| u.state).collect();
    assert_eq!(
        states,
        [
            State::New,
            State::Translated,
            State::Translated,
            State::Reviewed,
            State::Final,
            State::Translated
        ]
    );
    assert_eq!(back.files[0].units[5].previous_source, None);
}

#[test]
fn an_edited_reviewed_translation_is_no_longer_reviewed() {
    let written = write(&rich_packet());
    let edited = written.replace("o più.\"", "o superiore.\"");
    assert_ne!(edited, written);
    let back = read_clean(&edited);
    let unit = &back.files[0].units[3];
    assert_eq!(unit.state, State::Translated);
    assert_eq!(unit.changed_by.as_deref(), Some("Maria Rossi"));
    // The final one, untouched, is still final.
    assert_eq!(back.files[0].units[4].state, State::Final);
}

#[test]
fn without_kursos_comments_reviewed_reads_as_translated_and_the_location_comes_from_references() {
    let written = write(&rich_packet());
    let stripped = keep_lines(&written, |line| !line.starts_with("#."));
    let back = read_clean(&stripped);
    let unit = &back.files[0].units[3];
    assert_eq!(unit.state, State::Translated);
    assert_eq!(
        unit.notes,
        [Note {
            kind: NoteKind::Location,
            text: "01-remote-symptom-monitoring.md:41".to_owned()
        }]
    );
    assert!(unit.terms.is_empty());
    assert_eq!(back.files[0].units[1].state, State::Draft);
}

#[test]
fn poedit_header_changes_and_obsolete_entries_are_read() {
    let written = write(&rich_packet());
    let saved = written
        .replace(
            "\"Last-Translator: \\n\"",
            "\"Last-Translator: Maria Rossi <maria@example.org>\\n\"",
        )
        .replace(
            &format!("\"X-Generator: kurso {}\\n\"", env!("CARGO_PKG_VERSION")),
            "\"X-Generator: Poedit 3.4.2\\n\"\n\"X-Poedit-SourceCharset: UTF-8\\n\"",
        )
        + "\n#, fuzzy\n#~ msgctxt \"old.ftl:gone\"\n#~ msgid \"Gone\"\n#~ msgstr \"Andato\"\n\n#~ msgid \"Older\"\n#~ msgstr \"\"\n#~ \"Più vecchio\"\n";
    let back = read_clean(&saved);
    assert_eq!(back.tool.as_deref(), Some("Poedit 3.4.2"));
    assert_eq!(back.files.len(), 1);
    assert_eq!(back.files[0].units.len(), 6);
}

#[test]
fn a_plural_forms_header_a_tool_rewrote_is_read_by_its_own_rule() {
    let packet = packet("lt", vec![file(FILE, lithuanian_plural()[..4].to_vec())]);
    let written = unwrapped(&write(&packet));
    // Weblate's Lithuanian: four forms, the third for fractions, which gettext never picks.
    let rewritten = written
        .replace(
            "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && (n%100<10 || n%100>=20) ? 1 : 2);",
            "nplurals=4; plural=(n % 10 == 1 && (n % 100 > 19 || n % 100 < 11) ? 0 : (n % 10 >= 2 && n % 10 <=9) && (n % 100 > 19 || n % 100 < 11) ? 1 : n % 1 != 0 ? 2: 3);",
        )
        .replace(
            "msgstr[2] \"{ $n } dozių\"",
            "msgstr[2] \"{ $n } dozės (trupmena)\"\nmsgstr[3] \"{ $n } dozių\"",
        );
    assert_ne!(rewritten, written);
    let back = read_clean(&rewritten);
    let got: Vec<(&str, String)> = back.files[0]
        .units
        .iter()
        .map(|u| {
            (
                u.id.as_str(),
                Inline::plain(u.target.as_deref().unwrap_or_default()),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("doses[one]", "{ $n } dozė".to_owned()),
            ("doses[few]", "{ $n } dozės".to_owned()),
            ("doses[many]", "{ $n } dozės (trupmena)".to_owned()),
            ("doses[other]", "{ $n } dozių".to_owned()),
            // The entry of its own that kurso wrote for `many` is still there.
            ("doses[many]", "{ $n } dozės (trupmena)".to_owned()),
        ]
    );
}

// Real files.

fn corpus(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/corpora/interop/po-real")
        .join(path)
}

fn read_corpus(path: &str) -> (Packet, Vec<Diagnostic>) {
    let path = corpus(path);
    let bytes = std::fs::read(&path).expect("the corpus is checked out beside the repository");
    read_bytes(&path, &bytes).expect("reads")
}

fn count(packet: &Packet, state: State) -> usize {
    packet
        .files
        .iter()
        .flat_map(|f| &f.units)
        .filter(|u| u.state == state)
        .count()
}

#[test]
fn gnome_calculator_afrikaans_virtaal() {
    let (packet, diagnostics) = read_corpus("gnome-calculator/af.po");
    // Another project's entries: one warning, all read.
    assert_eq!(diagnostics.len(), 1, "{diagnostics:#?}");
    assert!(
        diagnostics[0]
            .message
            .starts_with("428 entries have no kurso context")
    );
    assert_eq!(packet.target_locale, "af");
    assert_eq!(packet.tool.as_deref(), Some("Virtaal 0.7.0-beta4"));
    let units = &packet.files[0].units;
    // 426 singular entries and 2 plural entries of 2 forms; msgfmt --statistics counts 350
    // translated, 37 fuzzy, 41 untranslated entries.
    assert_eq!(units.len(), 430);
    assert_eq!(count(&packet, State::Draft), 37);
    assert_eq!(count(&packet, State::New), 41);
    let place: Vec<(&str, String)> = units
        .iter()
        .filter(|u| u.id.starts_with("_%d place"))
        .map(|u| {
            (
                u.id.as_str(),
                Inline::plain(u.target.as_deref().unwrap_or_default()),
            )
        })
        .collect();
    assert_eq!(
        place,
        [
            ("_%d place[one]", "_%d plek".to_owned()),
            ("_%d place[other]", "_%d plekke".to_owned())
        ]
    );
    let acres = units
        .iter()
        .find(|u| u.source == text("%s acres"))
        .expect("msgctxt entry");
    assert_eq!(acres.id, "unit-format");
    assert_eq!(acres.previous_source.as_deref(), Some("%d place"));
    assert_eq!(acres.line, 1884);
    let wrapped = units
        .iter()
        .find(|u| u.source == text("The number of digits displayed after the numeric point"))
        .expect("entry");
    assert_eq!(
        wrapped.previous_source.as_deref(),
        Some(
            "The number of digits displayed after the numeric point. This value must be in the range 0 to 9."
        )
    );
    assert!(
        !units.iter().any(|u| u.source == text("BS")),
        "obsolete entries are skipped"
    );
}

#[test]
fn baobab_greek_and_lithuanian() {
    let (greek, _) = read_corpus("baobab/el.po");
    assert_eq!(greek.target_locale, "el");
    assert_eq!(count(&greek, State::Translated), 78 + 4);
    let (lithuanian, _) = read_corpus("baobab/lt.po");
    assert_eq!(lithuanian.tool.as_deref(), Some("Poedit 3.8"));
    let plural_ids: Vec<&str> = lithuanian.files[0]
        .units
        .iter()
        .filter_map(|u| u.id.rsplit_once('[').map(|(_, key)| key))
        .collect();
    assert_eq!(plural_ids.len(), 4 * 3);
    assert_eq!(&plural_ids[..3], ["one]", "few]", "other]"]);
}

#[test]
fn tgif_french_in_latin_1_declared_as_koi8_r_is_refused_with_the_charset_named() {
    let path = corpus("translate-toolkit/f43.tgif.fr.po");
    let bytes = std::fs::read(&path).expect("corpus");
    let err = read_bytes(&path, &bytes).expect_err("not UTF-8");
    assert_eq!(
        err.message,
        "this PO file is not UTF-8 (byte 0xE7); its header declares charset `koi8-r`, which kurso does not convert"
    );
    // Line 7 of an editor that takes `\r\r\n` as one line end; CR and CRLF count apart here.
    assert_eq!(err.position.map(|p| (p.line, p.column)), Some((13, 21)));
    assert!(err.help.as_deref().is_some_and(|h| h.contains("iconv")));
    // Converted as the help says, its mixed CR / CRLF line ends parse, with a warning about
    // the declaration that is still wrong.
    let latin1: String = bytes.iter().map(|&b| char::from(b)).collect();
    let (packet, diagnostics) = read(&path, &latin1).expect("PO once it is text");
    assert!(
        diagnostics
            .iter()
            .any(|d| d.message.contains("declares charset `koi8-r`"))
    );
    let units = &packet.files[0].units;
    assert!(units.len() > 300, "{}", units.len());
    assert!(
        units
            .iter()
            .any(|u| u.target == Some(text("Capture d'écran")))
    );
}

// Other tools.

#[test]
fn msgfmt_accepts_kursos_po_when_installed() {
    let mut rich = rich_packet();
    rich.files
        .push(file("digicantrain-oncology/02-x.ftl", lithuanian_plural()));
    rich.target_locale = "lt".to_owned();
    let written = write(&rich);
    // Without msgfmt, the structure msgfmt -c checks: a header with the plural forms, one
    // msgstr[i] per form for each plural entry.
    assert!(written.starts_with("# Review packet written by kurso."));
    assert!(written.contains("\"Content-Type: text/plain; charset=UTF-8\\n\""));
    assert_eq!(
        written.matches("msgstr[2]").count(),
        written.matches("msgid_plural").count()
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let po = dir.path().join("lt.po");
    crate::fsx::write_atomic(&po, written.as_bytes()).expect("write");
    save_sample("lt.po", &written);
    match std::process::Command::new("msgfmt")
        .args(["-c", "--statistics", "-o", "/dev/null"])
        .arg(&po)
        .output()
    {
        Ok(output) => {
            let stderr = String::from_utf8_lossy(&output.stderr);
            assert!(output.status.success(), "{stderr}");
            assert_eq!(
                stderr.trim(),
                "6 translated messages, 2 fuzzy translations, 2 untranslated messages.",
                "{written}"
            );
        }
        Err(err) => assert_eq!(err.kind(), std::io::ErrorKind::NotFound, "{err}"),
    }
}

/// Keeps a file for `scripts/check-translate-toolkit` when `KURSO_EXCHANGE_SAMPLES` names a
/// folder.
fn save_sample(name: &str, text: &str) {
    if let Some(dir) = std::env::var_os("KURSO_EXCHANGE_SAMPLES") {
        crate::fsx::write_atomic(&Path::new(&dir).join(name), text.as_bytes()).expect("sample");
    }
}
