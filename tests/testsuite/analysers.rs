//! `kurso check` where the result depends on the installed morphological analysers: each
//! test asserts what the analyser finds when it is installed, and what the fallback (Snowball
//! stems, long prefixes) finds without it (`KURSO_NO_ANALYZER=1`, or a machine without
//! them). `.ci/run` runs both modes.

use serde_json::Value;

use crate::support::{TestProject, analyser};

/// A Finnish project whose glossary forbids the calque `informoitu suostumus` for informed
/// consent (approved: `tietoon perustuva suostumus`).
fn finnish_project(translation: &str) -> TestProject {
    TestProject::new()
        .file(
            "kurso.toml",
            "source-locale = \"en\"\ntarget-locales = [\"fi\"]\n",
        )
        .file(
            "glossaries/medical.csv",
            "id,en,fi,forbidden:fi,severity\n\
             informed-consent,informed consent,tietoon perustuva suostumus,informoitu suostumus,error\n",
        )
        .file(
            "locales/en/c/01-consent.ftl",
            "consent-p1 = The nurse records the patient's informed consent.\n",
        )
        .file("locales/fi/c/01-consent.ftl", translation)
}

/// `(line:col, message)` of each `glossary` finding of `kurso check fi`.
fn glossary_findings(project: &TestProject) -> Vec<(String, String)> {
    let run = project.run(&["check", "fi", "--format", "json"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    let json: Value = serde_json::from_str(&run.stdout).expect("json");
    json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == "glossary")
        .map(|f| {
            (
                format!("{}:{}", f["position"]["line"], f["position"]["column"]),
                f["message"].as_str().expect("a message").to_owned(),
            )
        })
        .collect()
}

/// The forbidden calque, inflected (`informoidun suostumuksen`, genitive): Voikko gives its
/// base form, and without Voikko the Finnish paradigm (`-nen` → `-se-`/`-sen`, `-us` →
/// `-ukse-`) recognises it, so either way the finding names the forbidden term where it
/// stands.
#[test]
#[expect(clippy::print_stderr, reason = "the test says which mode it checked")]
fn an_inflected_forbidden_term_is_named_with_voikko_and_without() {
    let project =
        finnish_project("consent-p1 = Sairaanhoitaja kirjaa potilaan informoidun suostumuksen.\n");
    let findings = glossary_findings(&project);
    eprintln!(
        "fi: {}",
        analyser("fi").unwrap_or_else(|| "fallback mode (paradigm)".to_owned())
    );
    let expected = (
        "1:45",
        "'informoidun suostumuksen' is a forbidden term for 'informed consent' (glossary fi); \
         use 'tietoon perustuva suostumus'",
    );
    assert_eq!(findings, [(expected.0.to_owned(), expected.1.to_owned())]);
}
