//! The round trip on the sample for each packet format: machine drafts for Italian, packets
//! for it, el and el-CY, filled as a translator fills them (a new translation of a missing
//! message, a machine draft confirmed as it is, drafts replaced and reviewed or signed off,
//! the stale message updated), imported, checked, and imported again without a change.

use super::edit::{po_fill, xliff2_fill, xliff12_fill, xml_escape};
use super::{
    ONCOLOGY_01, PORTALS, STALE_ENGLISH, STALE_ID, STALE_ITALIAN, TELEHEALTH, changed, count,
    locales, message, record, run_expect, summary_line,
};
use crate::support::TestProject;
use kurso::state::Status;

const STALE_GREEK: &str = "Όχι πριν από αξιολόγηση σε ασθενείς που λαμβάνουν αναστολείς ανοσολογικών σημείων ελέγχου· όχι όταν υπάρχει αίμα στα κόπρανα";

/// A packet format as a translator's tool saves it.
#[derive(Clone, Copy)]
pub struct Format {
    pub flag: &'static str,
    pub extension: &'static str,
    /// The format's words for translated, reviewed and final (PO has only translated).
    pub states: [&'static str; 3],
}

pub const XLIFF2: Format = Format {
    flag: "xliff2",
    extension: "xlf",
    states: ["translated", "reviewed", "final"],
};
pub const XLIFF12: Format = Format {
    flag: "xliff12",
    extension: "xliff12.xlf",
    states: ["translated", "signed-off", "final"],
};
pub const PO: Format = Format {
    flag: "po",
    extension: "po",
    states: ["translated", "translated", "translated"],
};

impl Format {
    /// `text` with the unit `id` of `file` filled with `target` (plain text) in `state`.
    pub fn fill(self, text: &str, file: &str, id: &str, target: &str, state: &str) -> String {
        match self.flag {
            "xliff2" => xliff2_fill(text, id, &xml_escape(target), state),
            "xliff12" => xliff12_fill(text, id, &xml_escape(target), state),
            _ => po_fill(text, file, id, target, false),
        }
    }

    /// The status a packet state becomes (PO cannot say reviewed or final).
    fn status(state: &str) -> Status {
        match state {
            "reviewed" | "signed-off" => Status::Reviewed,
            "final" => Status::Approved,
            _ => Status::Edited,
        }
    }
}

/// The packet of `course` for `locale`, as exported.
pub fn packet_path(format: Format, locale: &str, course: &str) -> String {
    format!("exchange/{locale}/{course}.{}", format.extension)
}

fn round_trip(format: Format) {
    let project = TestProject::sample();
    run_expect(&project, &["translate", "--to", "it"], 0);
    let drafted = record(&project, "it", TELEHEALTH, "why-this-matters-title").expect("a draft");
    assert_eq!(drafted.status, Status::Machine);
    let draft_text = message(&project, "it", TELEHEALTH, "why-this-matters-title").expect("text");
    run_expect(
        &project,
        &["export", "it", "el", "el-CY", "--format", format.flag],
        0,
    );
    let [translated, reviewed, final_] = format.states;
    let edit = |locale: &str, course: &str, fills: &[(&str, &str, &str, &str)]| {
        let path = packet_path(format, locale, course);
        let mut text = project.read(&path);
        for (file, id, target, state) in fills {
            text = format.fill(&text, file, id, target, state);
        }
        project.write(&path, &text);
        path
    };
    let files = [
        edit(
            "it",
            "digicantrain-oncology",
            &[(ONCOLOGY_01, STALE_ID, STALE_ITALIAN, translated)],
        ),
        edit(
            "it",
            "hpass-digital-skills",
            &[
                // The machine draft confirmed as it is.
                (
                    TELEHEALTH,
                    "why-this-matters-title",
                    &draft_text,
                    translated,
                ),
                (TELEHEALTH, "consent-title", "Consenso", reviewed),
                (
                    TELEHEALTH,
                    "before-the-call-title",
                    "Prima della chiamata",
                    final_,
                ),
            ],
        ),
        edit(
            "el",
            "digicantrain-oncology",
            &[
                (ONCOLOGY_01, STALE_ID, STALE_GREEK, translated),
                (PORTALS, "accessibility-title", "Προσβασιμότητα", translated),
            ],
        ),
        edit(
            "el-CY",
            "digicantrain-oncology",
            &[(
                PORTALS,
                "accessibility-td1",
                "Αντίθεση κειμένου, κανονικό κείμενο",
                translated,
            )],
        ),
    ];
    let mut args = vec!["import"];
    args.extend(files.iter().map(String::as_str));
    let run = run_expect(&project, &args, 0);
    for (file, applied) in files.iter().zip([1, 3, 2, 1]) {
        assert_eq!(
            count(summary_line(&run.stdout, file), "applied"),
            applied,
            "{}",
            run.stdout
        );
    }

    // The text and the record of each message.
    let expect = |locale: &str, file: &str, id: &str, text: &str, status: Status| {
        assert_eq!(
            message(&project, locale, file, id).as_deref(),
            Some(text),
            "{locale} {id}"
        );
        let record = record(&project, locale, file, id).expect("a record");
        assert_eq!(record.status, status, "{locale} {id}: {record:?}");
        assert_eq!(record.origin, "human", "{locale} {id}");
        let english = message(&project, "en", file, id).expect("English");
        assert_eq!(
            record.source, english,
            "{locale} {id}: made from today's English"
        );
        assert_eq!(record.suggestion, None, "{locale} {id}");
        assert_eq!(
            record.via, None,
            "{locale} {id}: kurso's own file names no tool"
        );
    };
    expect("it", ONCOLOGY_01, STALE_ID, STALE_ITALIAN, Status::Edited);
    assert_eq!(
        record(&project, "it", ONCOLOGY_01, STALE_ID)
            .expect("a record")
            .source,
        STALE_ENGLISH
    );
    let draft = "why-this-matters-title";
    expect("it", TELEHEALTH, draft, &draft_text, Status::Edited);
    expect(
        "it",
        TELEHEALTH,
        "consent-title",
        "Consenso",
        Format::status(reviewed),
    );
    expect(
        "it",
        TELEHEALTH,
        "before-the-call-title",
        "Prima della chiamata",
        Format::status(final_),
    );
    // Drafts nobody touched stay machine drafts.
    let untouched = record(&project, "it", TELEHEALTH, "why-this-matters-p1").expect("a draft");
    assert_eq!(untouched.status, Status::Machine);
    expect("el", ONCOLOGY_01, STALE_ID, STALE_GREEK, Status::Edited);
    expect(
        "el",
        PORTALS,
        "accessibility-title",
        "Προσβασιμότητα",
        Status::Edited,
    );
    expect(
        "el-CY",
        PORTALS,
        "accessibility-td1",
        "Αντίθεση κειμένου, κανονικό κείμενο",
        Status::Edited,
    );
    assert_eq!(
        message(&project, "el", PORTALS, "accessibility-td1"),
        None,
        "an el-CY translation stays in el-CY"
    );

    // What was imported passes the checks: the stale errors are gone.
    run_expect(&project, &["check", "it", "--level", "error"], 0);
    run_expect(&project, &["check", "el", "el-CY", "--level", "error"], 0);

    // The same files again change nothing.
    let before = locales(&project);
    let again = run_expect(&project, &args, 0);
    for file in &files {
        let line = summary_line(&again.stdout, file);
        assert_eq!(count(line, "applied"), 0, "{line}");
        assert!(count(line, "unchanged") > 0, "{line}");
    }
    assert_eq!(changed(&before, &locales(&project)), Vec::<String>::new());
}

#[test]
fn an_xliff2_packet_goes_out_and_comes_back() {
    round_trip(XLIFF2);
}

#[test]
fn an_xliff12_packet_goes_out_and_comes_back() {
    round_trip(XLIFF12);
}

#[test]
fn a_po_packet_goes_out_and_comes_back() {
    round_trip(PO);
}
