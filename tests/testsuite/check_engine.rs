//! Every finding the check engine makes itself (`src/check/findings.rs` and
//! `src/check/mod.rs`: syntax, duplicates, missing and obsolete entries, attributes and files,
//! stale and unverified from the state), on one small project, each with its rule, place, ID
//! and message, and the counts beside them. Deleting or altering any of them fails here.

use serde_json::{Value, json};

use crate::support::TestProject;

const ENGLISH: &str = "\
a-title = Consent

a-p1 = Ask first.
    .title = Ask

a-p2 = Record the dose.

a-p3 = Give 5 mg at night.

a-p4 = Sign the form.
    .alt = Signature

a-p4 = Sign the form twice.
";

const ITALIAN: &str = "\
a-title = Consenso

a-title = Consenso, di nuovo

a-p1 = Chiedere prima.
    .title = Chiedere
    .title = Chiedere ancora
    .label = Vecchio

a-p3 = Dare 5 mg la sera.

a-p4 = Firmare il modulo.

a-old = Vecchio.

a-old = Vecchio, di nuovo.
";

/// `a-p1` was translated from older English (edited by a person), `a-p3` from older English
/// by a machine, with a suggestion for today's English; `a-title` is current and approved;
/// `a-p4` has no record.
const ITALIAN_STATE: &str = r#"[a-p1]
status = "edited"
origin = "human"
source = "Ask first, always.\n.title = Ask"

[a-p3]
status = "machine"
origin = "deepl"
source = "Give 5 mg in the morning."
suggestion = "Dare 5 mg di notte."
suggestion-origin = "deepl"
suggestion-source = "Give 5 mg at night."

[a-title]
status = "approved"
origin = "human"
source = "Consent"
"#;

fn project() -> TestProject {
    TestProject::new()
        .file("locales/en/c/01-a.ftl", ENGLISH)
        .file(
            "locales/en/c/02-b.ftl",
            "b-p1 = Wash your hands.\n\nb-p2 = Wear gloves.\n",
        )
        .file("locales/it/c/01-a.ftl", ITALIAN)
        .file("locales/it/c/01-a.state.toml", ITALIAN_STATE)
        .file(
            "locales/it/c/99-gone.ftl",
            "x-p1 = Obsoleto.\n\nx-p2 = Anche obsoleto.\n\nx-p1 = Ancora.\n",
        )
        .file(
            "locales/el/c/01-a.ftl",
            "a-title = { Συναίνεση\n\na-p1 = Ρωτήστε πρώτα.\n",
        )
}

/// `kurso check it el --format json`.
fn report() -> Value {
    let run = project().run(&["check", "it", "el", "--format", "json"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    serde_json::from_str(&run.stdout).expect("json")
}

/// `rule locale path:line:col id: message` of a finding (`-` for what it does not have).
fn line(finding: &Value) -> String {
    let place = match &finding["position"] {
        Value::Null => String::new(),
        position => format!(":{}:{}", position["line"], position["column"]),
    };
    format!(
        "{} {} {}{place} {}: {}",
        finding["rule"].as_str().expect("a rule"),
        finding["locale"].as_str().expect("a locale"),
        finding["path"].as_str().expect("a path"),
        finding["id"].as_str().unwrap_or("-"),
        finding["message"].as_str().expect("a message"),
    )
}

#[test]
fn every_engine_finding_with_its_place_id_and_message() {
    let report = report();
    let got: Vec<String> = report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(line)
        .collect();
    let expected = [
        // el: a syntax error skips `a-title`, which is then missing; `a-p1` lacks `.title`.
        "missing el locales/el/c/01-a.ftl a-p2: `a-p2` is not translated",
        "missing el locales/el/c/01-a.ftl a-p3: `a-p3` is not translated",
        "missing el locales/el/c/01-a.ftl a-p4: `a-p4` is not translated",
        "missing el locales/el/c/01-a.ftl a-title: `a-title` is not translated",
        "syntax el locales/el/c/01-a.ftl:1:13 -: Fluent syntax error: Expected an inline expression",
        "missing el locales/el/c/01-a.ftl:3:1 a-p1: attribute `.title` of `a-p1` is not translated",
        "unverified el locales/el/c/01-a.ftl:3:1 a-p1: `a-p1` has no record of the English it was translated from",
        "missing-file el locales/el/c/02-b.ftl -: no translation of `locales/en/c/02-b.ftl` (2 entries)",
        // The English duplicate, once, although two locales are checked.
        "duplicate en locales/en/c/01-a.ftl:13:1 a-p4: `a-p4` is defined more than once in this file",
        "missing it locales/it/c/01-a.ftl a-p2: `a-p2` is not translated",
        "duplicate it locales/it/c/01-a.ftl:3:1 a-title: `a-title` is defined more than once in this file",
        "stale it locales/it/c/01-a.ftl:5:1 a-p1: the English of `a-p1` changed since it was translated (edited)",
        "duplicate it locales/it/c/01-a.ftl:7:5 a-p1: attribute `.title` of `a-p1` is defined twice",
        "obsolete it locales/it/c/01-a.ftl:8:5 a-p1: attribute `.label` is not in the English",
        "stale it locales/it/c/01-a.ftl:10:1 a-p3: the English of `a-p3` changed since it was translated (machine)",
        "missing it locales/it/c/01-a.ftl:12:1 a-p4: attribute `.alt` of `a-p4` is not translated",
        "unverified it locales/it/c/01-a.ftl:12:1 a-p4: `a-p4` has no record of the English it was translated from",
        "obsolete it locales/it/c/01-a.ftl:14:1 a-old: `a-old` is not in the English any more",
        "duplicate it locales/it/c/01-a.ftl:16:1 a-old: `a-old` is defined more than once in this file",
        "missing-file it locales/it/c/02-b.ftl -: no translation of `locales/en/c/02-b.ftl` (2 entries)",
        // An obsolete file is one finding, and its own mistakes are still reported.
        "obsolete-file it locales/it/c/99-gone.ftl -: the English has no `c/99-gone.ftl`: its 3 entries are never used",
        "duplicate it locales/it/c/99-gone.ftl:5:1 x-p1: `x-p1` is defined more than once in this file",
    ];
    assert_eq!(got, expected, "{}", got.join("\n"));
}

/// What each finding tells a translator to do, and where the English is.
#[test]
fn engine_findings_say_where_the_english_is_and_what_to_do() {
    let report = report();
    let find = |rule: &str, locale: &str, id: Option<&str>| -> Value {
        report["findings"]
            .as_array()
            .expect("findings")
            .iter()
            .find(|f| f["rule"] == rule && f["locale"] == locale && f["id"].as_str() == id)
            .unwrap_or_else(|| panic!("no {rule} finding for {locale} {id:?}"))
            .clone()
    };
    let help = |rule, locale, id| find(rule, locale, id)["help"].clone();
    assert_eq!(
        help("missing", "it", Some("a-p2")),
        "translate it, or lower `missing` for this locale in kurso.toml"
    );
    assert_eq!(
        find("missing", "it", Some("a-p2"))["reference"],
        "locales/en/c/01-a.ftl:6:1"
    );
    assert_eq!(
        help("missing-file", "it", None),
        "create `c/02-b.ftl` in the it folder with the same IDs"
    );
    assert_eq!(
        help("obsolete-file", "it", None),
        "delete the file, or rename it after the English file"
    );
    assert_eq!(
        help("obsolete", "it", Some("a-old")),
        "delete it; the English paragraph was removed or renamed"
    );
    assert_eq!(
        help("duplicate", "it", Some("a-old")),
        "keep one definition"
    );
    assert_eq!(
        help("syntax", "el", None),
        "fix this line; the entry is skipped until then"
    );
    assert_eq!(
        help("unverified", "it", Some("a-p4")),
        "check it against the English, then `kurso accept it --id a-p4`"
    );
    assert_eq!(
        help("stale", "it", Some("a-p1")),
        "update the translation, then `kurso accept it --id a-p1`"
    );
    // A stale machine draft with a suggestion for today's English offers it.
    assert_eq!(
        help("stale", "it", Some("a-p3")),
        "a machine suggestion (deepl) for the new English: Dare 5 mg di notte.\n\
         update the translation, then `kurso accept it --id a-p3`"
    );
    // The word diff goes from the recorded English to today's, beside the translation.
    let stale = find("stale", "it", Some("a-p3"));
    assert_eq!(
        stale["diff"],
        json!([
            {"op": "equal", "text": "Give 5 mg "},
            {"op": "delete", "text": "in"},
            {"op": "insert", "text": "at"},
            {"op": "equal", "text": " "},
            {"op": "delete", "text": "the morning."},
            {"op": "insert", "text": "night."},
        ])
    );
    assert_eq!(stale["translation"], "Dare 5 mg la sera.");
    assert_eq!(stale["snippet"], "a-p3 = Dare 5 mg la sera.");
}

#[test]
fn engine_counts_per_locale() {
    let report = report();
    let counts = |locale: &str| -> Vec<u64> {
        let c = &report["summary"]["locales"][locale];
        [
            "messages",
            "translated",
            "missing",
            "missing_files",
            "obsolete",
            "obsolete_files",
            "stale",
            "unverified",
        ]
        .iter()
        .map(|key| c[key].as_u64().unwrap_or_else(|| panic!("{locale} {key}")))
        .collect()
    };
    // messages, translated, missing, missing files, obsolete, obsolete files, stale,
    // unverified. Unique English IDs: 5 + 2; an obsolete file's entries are not obsolete
    // entries, and a duplicate obsolete ID counts once.
    assert_eq!(counts("it"), [7, 4, 3, 1, 1, 1, 2, 1]);
    assert_eq!(counts("el"), [7, 1, 6, 1, 0, 0, 0, 1]);
    assert_eq!(report["summary"]["files_checked"], 5);
}

/// `kurso status` counts what the state records say.
#[test]
fn engine_state_counts_in_status() {
    let run = project().run_ok(&["status", "it", "--format", "json"]);
    let rows: Value = serde_json::from_str(&run.stdout).expect("json");
    let row = &rows[0];
    assert_eq!(
        (&row["course"], &row["locale"]),
        (&json!("c"), &json!("it"))
    );
    let counts: Vec<&Value> = [
        "messages",
        "drafted",
        "missing",
        "stale",
        "machine",
        "reviewed",
        "suggestions",
        "unverified",
        "obsolete",
    ]
    .iter()
    .map(|key| &row[key])
    .collect();
    // One machine draft (a-p3, stale, with a suggestion for today's English), one approved
    // translation (a-title), one stale human translation (a-p1), one without a record (a-p4).
    assert_eq!(
        counts,
        [7, 4, 3, 2, 1, 1, 1, 1, 1]
            .map(|n| json!(n))
            .iter()
            .collect::<Vec<_>>()
    );
}
