//! Tests of the check engine: its helpers (plural categories, word diffs), locales checked
//! together, and the findings it makes itself.

use super::*;
use crate::check::finding::DiffPart;

fn categories(code: &str) -> Vec<&'static str> {
    plural_categories(&code.parse().expect("locale"))
}

#[test]
fn plural_categories_follow_cldr() {
    assert_eq!(categories("lt"), ["one", "few", "many", "other"]);
    assert_eq!(categories("ro"), ["one", "few", "other"]);
    assert_eq!(categories("en"), ["one", "other"]);
    assert_eq!(categories("fi"), ["one", "other"]);
    assert_eq!(categories("it"), ["one", "other"]);
    assert_eq!(categories("tr"), ["one", "other"]);
    assert_eq!(categories("el-CY"), ["one", "other"]);
    assert_eq!(categories("lt-LT"), ["one", "few", "many", "other"]);
}

#[test]
fn word_diff_merges_runs() {
    assert_eq!(
        word_diff("Give 5 mg now", "Give 50 mg now"),
        [
            DiffPart::Equal("Give ".into()),
            DiffPart::Delete("5".into()),
            DiffPart::Insert("50".into()),
            DiffPart::Equal(" mg now".into()),
        ]
    );
}

/// The English side of the glossary, numbers and markup rules is computed once per run and shared by
/// every locale: checking the locales together finds exactly what checking each alone finds.
#[test]
fn locales_checked_together_find_what_each_finds_alone() {
    let dir = tempfile::tempdir().expect("temporary folder");
    let write = |path: &str, text: &str| {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("folder");
        std::fs::write(path, text).expect("written");
    };
    write(
        "en/x.ftl",
        "a = Record the informed consent.\nb = Ask the patient.\n    .title = Patient\nc = Nothing here.\n\
         d = Take { $n } tablets.\n    .title = 5 mg every 8 hours\n\
         e = Read it.\n    .title = See [the guide](https://example.org/a).\n",
    );
    write(
        "fi/x.ftl",
        "a = Kirjaa lupa.\nb = Kysy potilaalta.\n    .title = Asiakas\nc = Ei mitään.\n\
         d = Ota { $n } tablettia.\n    .title = 50 mg 8 tunnin välein\n\
         e = Lue se.\n    .title = Katso [opas](https://example.org/b).\n",
    );
    write(
        "el/x.ftl",
        "a = Καταγράψτε τη συγκατάθεση.\nb = Ρωτήστε τον πελάτη.\n    .title = Ασθενής\nc = Τίποτα.\n\
         d = Πάρτε { $n } δισκία.\n    .title = 5 mg κάθε 2 ώρες\n\
         e = Διαβάστε το.\n    .title = Δείτε τον [οδηγό](https://example.org/a).\n",
    );
    let (glossary, problems) = crate::glossary::csv::parse(
        std::path::Path::new("g.csv"),
        "id,en,fi,el\n\
         informed-consent,informed consent,tietoon perustuva suostumus,συναίνεση κατόπιν ενημέρωσης\n\
         patient,patient,potilas,ασθενής\n",
    );
    assert!(problems.is_empty(), "{problems:?}");
    let opts = CheckOptions {
        glossary: Some(std::sync::Arc::new(glossary)),
        ..CheckOptions::default()
    };
    let run = |locales: &[&str]| -> Vec<String> {
        let locales: Vec<String> = locales.iter().map(|l| (*l).to_owned()).collect();
        let layout = Layout::generic(&dir.path().join("en"), dir.path(), &locales).expect("layout");
        check_layout(&layout, &opts)
            .findings
            .iter()
            .filter(|f| matches!(f.rule, "glossary" | "numbers" | "markup"))
            .map(|f| format!("{} {:?} {}", f.locale, f.id, f.message))
            .collect()
    };
    let together = run(&["el", "fi"]);
    let mut alone = run(&["el"]);
    alone.extend(run(&["fi"]));
    alone.sort();
    let mut sorted = together.clone();
    sorted.sort();
    assert_eq!(sorted, alone);
    // Greek misses `patient` in the value of `b`, Finnish in its title; in the title of `d`,
    // Finnish changed the dose and Greek the interval; in the title of `e`, Finnish changed
    // the link.
    assert_eq!(
        sorted,
        [
            "el Some(\"a\") source has 'informed consent' (glossary el: συναίνεση κατόπιν ενημέρωσης); the translation has none of its forms",
            "el Some(\"b\") source has 'patient' (glossary el: ασθενής); the translation has none of its forms",
            "el Some(\"d\") in `.title`: `2 ώρες` does not match the English `8 hours`",
            "fi Some(\"a\") source has 'informed consent' (glossary fi: tietoon perustuva suostumus); the translation has none of its forms",
            "fi Some(\"b\") source has 'Patient' (glossary fi: potilas); the translation has none of its forms",
            "fi Some(\"d\") in `.title`: `50 mg` does not match the English `5 mg`",
            "fi Some(\"e\") in `.title`: the link to `https://example.org/b` should be `https://example.org/a` as in the English",
        ]
    );
}

/// An attribute written twice in one entry is one `duplicate` finding, at the second one;
/// attributes of other entries with the same name are not duplicates.
#[test]
fn an_attribute_written_twice_is_reported_at_the_second() {
    let dir = tempfile::tempdir().expect("temporary folder");
    std::fs::create_dir_all(dir.path().join("en")).expect("folder");
    std::fs::create_dir_all(dir.path().join("fi")).expect("folder");
    let english = "a = A\n    .title = T\n    .label = L\nb = B\n    .title = T\n";
    std::fs::write(dir.path().join("en/x.ftl"), english).expect("written");
    let finnish = "a = A\n    .title = T\n    .label = L\n    .title = U\nb = B\n    .title = T\n";
    std::fs::write(dir.path().join("fi/x.ftl"), finnish).expect("written");
    let layout =
        Layout::generic(&dir.path().join("en"), dir.path(), &["fi".to_owned()]).expect("layout");
    let found: Vec<String> = check_layout(&layout, &CheckOptions::default())
        .findings
        .iter()
        .filter(|f| f.rule == "duplicate")
        .map(|f| format!("{} {}", f.location(), f.message))
        .collect();
    let path = dir.path().join("fi/x.ftl");
    assert_eq!(
        found,
        [format!(
            "{}:4:5 attribute `.title` of `a` is defined twice",
            path.display()
        )]
    );
}

/// A reference read beforehand (`Layout::load_reference`, as the CLI reads it while loading
/// the glossary) gives the run `check_layout` gives: the same findings, counts and problems,
/// an unreadable English file reported once for every locale.
#[test]
fn a_reference_read_beforehand_checks_as_one_read_in_the_run() {
    let dir = tempfile::tempdir().expect("temporary folder");
    for (path, text) in [
        (
            "en/x.ftl",
            "a = Take 5 mg.\nb = Ask the patient.\n".as_bytes(),
        ),
        ("en/bad.ftl", b"a = \xff\xfe not UTF-8\n"),
        ("fi/x.ftl", "a = Ota 50 mg.\nc = Vanha.\n".as_bytes()),
        ("el/x.ftl", "a = Πάρτε 5 mg.\nb = Ρωτήστε.\n".as_bytes()),
    ] {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("folder");
        std::fs::write(path, text).expect("written");
    }
    let locales = ["el".to_owned(), "fi".to_owned()];
    let layout = Layout::generic(&dir.path().join("en"), dir.path(), &locales).expect("layout");
    let opts = CheckOptions::default();
    let seen = |summary: &CheckSummary| {
        let findings: Vec<String> = summary
            .findings
            .iter()
            .map(|f| format!("{} {} {}", f.location(), f.rule, f.message))
            .collect();
        let diagnostics: Vec<String> = summary
            .diagnostics
            .iter()
            .map(|d| format!("{} {}", d.path.display(), d.message))
            .collect();
        (
            findings,
            diagnostics,
            summary.stats.clone(),
            summary.files_checked,
        )
    };
    let in_the_run = seen(&check_layout(&layout, &opts));
    let beforehand = seen(&check_layout_from(
        &layout,
        &opts,
        Some(layout.load_reference()),
    ));
    assert_eq!(beforehand, in_the_run);
    // A run whose process exits next leaves what it read to the system: the same results.
    let leaving = CheckOptions {
        leave_to_exit: true,
        ..CheckOptions::default()
    };
    assert_eq!(seen(&check_layout(&layout, &leaving)), in_the_run);
    let (findings, diagnostics, _, files_checked) = beforehand;
    assert_eq!(diagnostics.len(), 1, "{diagnostics:?}");
    assert!(diagnostics[0].contains("bad.ftl"), "{diagnostics:?}");
    assert!(
        findings.iter().any(|f| f.contains("numbers")),
        "{findings:?}"
    );
    // One English file read, one file per locale.
    assert_eq!(files_checked, 3);
}
