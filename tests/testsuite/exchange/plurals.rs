//! A plural select exported for Lithuanian gets units for the categories English lacks (`few`,
//! `many`); filled and imported, it becomes a select with every category the locale needs.

use super::edit::{po_fill, xliff2_fill};
use super::{count, message, record, run_expect, summary_line};
use crate::support::TestProject;
use kurso::state::Status;

const FILE: &str = "c/01-a.ftl";
/// Lithuanian for each category, `{ $count }` where the placeable goes.
const LITHUANIAN: [(&str, &str); 4] = [
    ("one", "Turite { $count } naują įspėjimą."),
    ("few", "Turite { $count } naujus įspėjimus."),
    ("many", "Turite { $count } naujo įspėjimo."),
    ("other", "Turite { $count } naujų įspėjimų."),
];

fn alerts_project() -> TestProject {
    TestProject::new()
        .file(
            "kurso.toml",
            "source-locale = \"en\"\ntarget-locales = [\"lt\"]\n",
        )
        .file(
            "locales/en/c/01-a.ftl",
            "a-alerts =\n    { $count ->\n        [one] You have { $count } new alert.\n       *[other] You have { $count } new alerts.\n    }\n",
        )
}

/// The imported Lithuanian select has every category, each with its text, and passes the
/// plural check.
fn assert_every_category(project: &TestProject) {
    let text = message(project, "lt", FILE, "a-alerts").expect("imported");
    for (category, lithuanian) in LITHUANIAN {
        let key = if category == "other" {
            "*[other]"
        } else {
            &format!("[{category}]")
        };
        assert!(
            text.contains(&format!("{key} {lithuanian}")),
            "{category}: {text}"
        );
    }
    let record = record(project, "lt", FILE, "a-alerts").expect("a record");
    assert_eq!(record.status, Status::Edited);
    let check = run_expect(
        project,
        &["check", "lt", "--rule", "plurals", "--format", "json"],
        0,
    );
    assert!(
        check.stdout.contains("\"findings\": []"),
        "{}",
        check.stdout
    );
}

#[test]
fn lithuanian_plural_units_in_xliff2_import_as_a_select_with_every_category() {
    let project = alerts_project();
    run_expect(&project, &["export", "lt"], 0);
    let packet = "exchange/lt/c.xlf";
    let mut text = project.read(packet);
    for category in ["few", "many"] {
        assert!(
            text.contains(&format!("name=\"a-alerts[{category}]\"")),
            "{category}: {text}"
        );
    }
    for (category, lithuanian) in LITHUANIAN {
        let target = lithuanian.replace("{ $count }", "<ph id=\"1\"/>");
        text = xliff2_fill(
            &text,
            &format!("a-alerts[{category}]"),
            &target,
            "translated",
        );
    }
    project.write(packet, &text);
    let run = run_expect(&project, &["import", packet], 0);
    assert_eq!(
        count(summary_line(&run.stdout, packet), "applied"),
        1,
        "{}",
        run.stdout
    );
    assert_every_category(&project);
}

#[test]
fn lithuanian_plural_forms_in_po_import_as_a_select_with_every_category() {
    let project = alerts_project();
    run_expect(&project, &["export", "lt", "--format", "po"], 0);
    let packet = "exchange/lt/c.po";
    let text = project.read(packet);
    // Lithuanian gettext forms: 0 one, 1 few, 2 other; `many` (fractions) has an entry of its own.
    let forms = "msgstr[0] \"\"\nmsgstr[1] \"\"\nmsgstr[2] \"\"";
    assert!(text.contains(forms), "{text}");
    let [one, few, many, other] = LITHUANIAN.map(|(_, lithuanian)| lithuanian);
    let text = text.replace(
        forms,
        &format!("msgstr[0] \"{one}\"\nmsgstr[1] \"{few}\"\nmsgstr[2] \"{other}\""),
    );
    let text = po_fill(&text, FILE, "a-alerts[many]", many, false);
    project.write(packet, &text);
    let run = run_expect(&project, &["import", packet], 0);
    assert_eq!(
        count(summary_line(&run.stdout, packet), "applied"),
        1,
        "{}",
        run.stdout
    );
    assert_every_category(&project);
}
