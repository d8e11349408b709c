//! Packets that went through a CAT tool or Poedit come back in the tool's own dialect
//! (`tools`): each imports, with the state the tool recorded, the tool in the state record's
//! `via`, and who and when where the tool says so; a second import changes nothing.

use kurso::state::Status;

use super::edit::{xliff12_fill, xml_escape};
use super::round_trip::{Format, PO, XLIFF2, XLIFF12, packet_path};
use super::tools::{
    PairedCodes, TRANSLATOR, WORKED_ON, memoq_saves, phrase_saves, poedit_saves, trados_saves,
    xliff2_tool_saves,
};
use super::{
    ONCOLOGY_01, STALE_ID, STALE_ITALIAN, TELEHEALTH, changed, count, locales, message, record,
    run_expect, summary_line,
};
use crate::support::TestProject;

const LINK_ID: &str = "why-this-matters-p2";
/// The Italian of `LINK_ID` with kurso's link code (`<g id="1">` in XLIFF 1.2).
const LINK_ITALIAN: (&str, &str, &str) = (
    "La ",
    "strategia globale dell'OMS sulla salute digitale 2020–2025",
    " chiede ai sistemi sanitari di rendere i servizi digitali sicuri, equi e centrati sulla persona. In prima linea, tutto comincia da come si apre la chiamata.",
);
const LINK_URL: &str = "https://www.who.int/publications/i/item/9789240020924";
/// A message whose English holds a code inside a code: the do-not-translate `NICE` in a link.
const NESTED_ID: &str = "red-flag-symptoms-p2";
const TWO_SENTENCES_ID: &str = "before-the-call-p2";
const TWO_SENTENCES: &str = "Usate solo la piattaforma video approvata dalla vostra organizzazione. Le app di messaggistica per consumatori potrebbero non soddisfare i requisiti di sicurezza e protezione dei dati sanitari.";

/// What the tool should have recorded for the messages a person changed.
struct Expected {
    via: &'static str,
    by: Option<&'static str>,
    on: Option<&'static str>,
    /// The statuses the translator's translated, reviewed and final come back as.
    statuses: [Status; 3],
}

/// The sample with Italian machine drafts and its Italian packets in `format`, filled by a
/// translator: the stale message updated, a machine draft confirmed as it is, two drafts
/// replaced (one reviewed, one signed off) and, in the XLIFF formats, `extra` units. Returns
/// the project, the two packet paths and the confirmed draft's text.
fn translated_packets(
    format: Format,
    extra: &[(&str, String, &str)],
) -> (TestProject, [String; 2], String) {
    let project = TestProject::sample();
    run_expect(&project, &["translate", "--to", "it"], 0);
    let draft = message(&project, "it", TELEHEALTH, "why-this-matters-title").expect("a draft");
    run_expect(&project, &["export", "it", "--format", format.flag], 0);
    let [translated, reviewed, final_] = format.states;
    let oncology = packet_path(format, "it", "digicantrain-oncology");
    let text = project.read(&oncology);
    project.write(
        &oncology,
        &format.fill(&text, ONCOLOGY_01, STALE_ID, STALE_ITALIAN, translated),
    );
    let hpass = packet_path(format, "it", "hpass-digital-skills");
    let mut text = project.read(&hpass);
    for (id, target, state) in [
        ("why-this-matters-title", draft.as_str(), translated),
        ("consent-title", "Consenso", reviewed),
        ("before-the-call-title", "Prima della chiamata", final_),
    ] {
        text = format.fill(&text, TELEHEALTH, id, target, state);
    }
    for (id, xml, state) in extra {
        text = match format.flag {
            "xliff12" => xliff12_fill(&text, id, xml, state),
            _ => super::edit::xliff2_fill(&text, id, xml, state),
        };
    }
    project.write(&hpass, &text);
    (project, [oncology, hpass], draft)
}

/// Writes `tool(packet)` beside each packet as `name` with `extension`, imports those, and
/// checks what the tool's file says against `expected`; then imports them again.
fn import_from_tool(
    project: &TestProject,
    packets: &[String; 2],
    draft: &str,
    tool: impl Fn(&str) -> String,
    extension: &str,
    expected: &Expected,
) -> String {
    let mut returned = Vec::new();
    for packet in packets {
        let text = project.read(packet);
        let rewritten = tool(&text);
        assert_ne!(rewritten, text, "the tool changed nothing");
        let path = packet
            .replace("exchange/", "returned/")
            .replace(".xlf", extension)
            .replace(".po", extension);
        project.write(&path, &rewritten);
        returned.push(path);
    }
    let mut args = vec!["import"];
    args.extend(returned.iter().map(String::as_str));
    let run = run_expect(project, &args, 0);
    let hpass_line = summary_line(&run.stdout, &returned[1]);
    assert!(
        hpass_line.contains(&format!(" from {}", expected.via)),
        "{hpass_line}"
    );
    assert_eq!(count(summary_line(&run.stdout, &returned[0]), "applied"), 1);

    let check = |file: &str, id: &str, text: &str, status: Status| {
        assert_eq!(
            message(project, "it", file, id).as_deref(),
            Some(text),
            "{id}"
        );
        let record = record(project, "it", file, id).expect("a record");
        assert_eq!(record.status, status, "{id}: {record:?}");
        assert_eq!(record.origin, "human", "{id}");
        assert_eq!(record.via.as_deref(), Some(expected.via), "{id}");
        assert_eq!(record.changed_by.as_deref(), expected.by, "{id}");
        assert_eq!(record.changed_on.as_deref(), expected.on, "{id}");
        assert_eq!(
            Some(record.source),
            message(project, "en", file, id),
            "{id}: recorded against today's English"
        );
    };
    let [translated, reviewed, final_] = expected.statuses;
    check(ONCOLOGY_01, STALE_ID, STALE_ITALIAN, translated);
    check(TELEHEALTH, "why-this-matters-title", draft, translated);
    check(TELEHEALTH, "consent-title", "Consenso", reviewed);
    check(
        TELEHEALTH,
        "before-the-call-title",
        "Prima della chiamata",
        final_,
    );
    let untouched = record(project, "it", TELEHEALTH, "why-this-matters-p1").expect("a draft");
    assert_eq!(
        untouched.status,
        Status::Machine,
        "an unconfirmed draft stays one"
    );
    run_expect(project, &["check", "it", "--level", "error"], 0);

    let before = locales(project);
    let again = run_expect(project, &args, 0);
    for file in &returned {
        assert_eq!(
            count(summary_line(&again.stdout, file), "applied"),
            0,
            "{}",
            again.stdout
        );
    }
    assert_eq!(changed(&before, &locales(project)), Vec::<String>::new());
    hpass_line.to_owned()
}

/// The XLIFF 1.2 units whose English has codes, translated with kurso's codes.
fn coded_units() -> Vec<(&'static str, String, &'static str)> {
    let (before, link, after) = LINK_ITALIAN;
    vec![
        (
            LINK_ID,
            format!("{before}<g id=\"1\">{}</g>{}", xml_escape(link), xml_escape(after)),
            "translated",
        ),
        (
            NESTED_ID,
            "Anche le letture dei dispositivi domestici possono far scattare l'escalation. Per gli adulti con sospetta infezione, questi criteri ad alto rischio seguono la <g id=\"1\"><x id=\"2\"/> linea guida NG51</g>:".to_owned(),
            "translated",
        ),
    ]
}

/// The coded units came back as Markdown with the English's link and term.
fn assert_codes_restored(project: &TestProject) {
    let (before, link, after) = LINK_ITALIAN;
    assert_eq!(
        message(project, "it", TELEHEALTH, LINK_ID).as_deref(),
        Some(format!("{before}[{link}]({LINK_URL}){after}").as_str())
    );
    let nested = message(project, "it", TELEHEALTH, NESTED_ID).expect("imported");
    assert!(
        nested.ends_with(
            "seguono la [NICE linea guida NG51](https://www.nice.org.uk/guidance/ng51):"
        ),
        "{nested}"
    );
}

#[test]
fn a_memoq_xliff_imports_with_memoq_statuses() {
    let (project, packets, draft) = translated_packets(XLIFF12, &coded_units());
    let line = import_from_tool(
        &project,
        &packets,
        &draft,
        memoq_saves,
        ".mqxliff",
        &Expected {
            via: "MemoQ",
            by: Some(TRANSLATOR),
            on: Some(WORKED_ON),
            // memoQ's Reviewer2Confirmed is the final step.
            statuses: [Status::Edited, Status::Reviewed, Status::Approved],
        },
    );
    assert_eq!(count(&line, "applied"), 5, "{line}");
    assert_codes_restored(&project);
}

#[test]
fn a_trados_sdlxliff_with_paired_codes_imports() {
    let (project, packets, draft) = translated_packets(XLIFF12, &coded_units());
    let line = import_from_tool(
        &project,
        &packets,
        &draft,
        |text| trados_saves(text, PairedCodes::BptEpt),
        ".sdlxliff",
        &Expected {
            via: "Trados Studio",
            by: Some(TRANSLATOR),
            on: Some("2025-03-04T10:15:00"),
            statuses: [Status::Edited, Status::Reviewed, Status::Approved],
        },
    );
    assert_eq!(count(&line, "applied"), 5, "{line}");
    assert_codes_restored(&project);
}

#[test]
fn a_trados_sdlxliff_with_boundary_codes_imports() {
    let (project, packets, draft) = translated_packets(XLIFF12, &coded_units());
    let line = import_from_tool(
        &project,
        &packets,
        &draft,
        |text| trados_saves(text, PairedCodes::BxEx),
        ".sdlxliff",
        &Expected {
            via: "Trados Studio",
            by: Some(TRANSLATOR),
            on: Some("2025-03-04T10:15:00"),
            statuses: [Status::Edited, Status::Reviewed, Status::Approved],
        },
    );
    assert_eq!(count(&line, "applied"), 5, "{line}");
    assert_codes_restored(&project);
}

#[test]
fn a_phrase_mxliff_imports_with_its_confirmations() {
    let (project, packets, draft) = translated_packets(XLIFF12, &coded_units());
    let line = import_from_tool(
        &project,
        &packets,
        &draft,
        phrase_saves,
        ".mxliff",
        &Expected {
            via: "Phrase",
            by: Some(TRANSLATOR),
            on: Some(WORKED_ON),
            // Phrase's first workflow step confirms: translated, whatever the translator meant.
            statuses: [Status::Edited, Status::Edited, Status::Edited],
        },
    );
    assert_eq!(count(&line, "applied"), 5, "{line}");
    assert_codes_restored(&project);
}

#[test]
fn an_xliff2_with_another_prefix_and_a_split_unit_imports() {
    let extra = [(TWO_SENTENCES_ID, xml_escape(TWO_SENTENCES), "translated")];
    let (project, packets, draft) = translated_packets(XLIFF2, &extra);
    let line = import_from_tool(
        &project,
        &packets,
        &draft,
        |text| {
            let split = text.contains(TWO_SENTENCES_ID).then_some(TWO_SENTENCES_ID);
            xliff2_tool_saves(text, split)
        },
        ".xlf",
        &Expected {
            via: "Phrase (Memsource)",
            by: None,
            on: None,
            statuses: [Status::Edited, Status::Reviewed, Status::Approved],
        },
    );
    assert_eq!(count(&line, "applied"), 4, "{line}");
    assert_eq!(
        message(&project, "it", TELEHEALTH, TWO_SENTENCES_ID).as_deref(),
        Some(TWO_SENTENCES),
        "the two segments are one message again"
    );
}

#[test]
fn a_po_saved_by_poedit_imports() {
    let (project, packets, draft) = translated_packets(PO, &[]);
    let line = import_from_tool(
        &project,
        &packets,
        &draft,
        poedit_saves,
        ".po",
        &Expected {
            via: "Poedit 3.4",
            by: Some("Giulia Bianchi <giulia.bianchi@example.org>"),
            on: Some("2025-03-04T10:15+01:00"),
            statuses: [Status::Edited, Status::Edited, Status::Edited],
        },
    );
    assert_eq!(count(&line, "applied"), 3, "{line}");
}
