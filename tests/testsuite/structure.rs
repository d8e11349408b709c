//! A translation cannot change a module's structure: `kurso check` reports it at the message,
//! `kurso build` falls back along the chain for it, the pseudo provider never makes one;
//! on the shipped sample and on small projects.

use std::path::Path;

use serde_json::Value;

use crate::support::{TestProject, block_skeleton, events};

const MODULE: &str = "# Fever\n\nCall the patient if the temperature is **38.0 °C** or higher.\n\n- Check the neutrophil count\n\n![Alert flow](fig/flow.svg \"Alerts\")\n";

fn project() -> TestProject {
    let project = TestProject::new()
        .file("courses/onco/01-epro.md", MODULE)
        .file("courses/onco/fig/flow.svg", "<svg/>");
    project.run_ok(&["extract"]);
    project
}

/// `(rule, path:line:col)` of the findings of `kurso check LOCALE`.
fn findings(project: &TestProject, locale: &str) -> Vec<(String, String)> {
    let run = project.run(&["check", locale, "--format", "json"]);
    let json: Value = serde_json::from_str(&run.stdout).expect("json");
    json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap_or_default().to_owned(),
                format!(
                    "{}:{}:{}",
                    f["path"].as_str().unwrap_or_default(),
                    f["position"]["line"],
                    f["position"]["column"]
                ),
            )
        })
        .collect()
}

#[test]
fn check_reports_a_translation_that_would_change_the_structure_at_its_message() {
    let project = project();
    project.write(
        "locales/it/onco/01-epro.ftl",
        "fever-title = Febbre\nfever-p1 =\n    Chiamare il paziente se la temperatura è **38,0 °C**\n\n    o superiore.\nfever-li1 = Controllare la conta dei neutrofili\n",
    );
    let structure: Vec<_> = findings(&project, "it")
        .into_iter()
        .filter(|(rule, _)| rule == "structure")
        .collect();
    assert_eq!(
        structure,
        [(
            "structure".to_owned(),
            "locales/it/onco/01-epro.ftl:2:1".to_owned()
        )]
    );
    let run = project.run(&["check", "it"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout.contains(
            "error[structure]: it would change the Markdown structure of courses/onco/01-epro.md:3: the built module has a paragraph where the English has a bulleted list"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn check_of_any_fluent_project_has_no_modules_to_judge() {
    let project = project();
    project.write(
        "locales/it/onco/01-epro.ftl",
        "fever-p1 =\n    Chiamare il paziente.\n\n    Subito.\n",
    );
    let run = project.run(&[
        "check",
        "--reference",
        "locales/en",
        "--l10n",
        "locales",
        "--format",
        "json",
    ]);
    assert!(!run.stdout.contains("\"structure\""), "{}", run.stdout);
}

#[test]
fn build_falls_back_along_the_chain_for_a_structure_changing_translation() {
    let project = project();
    project.write(
        "locales/el/onco/01-epro.ftl",
        "fever-p1 = Καλέστε τον ασθενή αν η θερμοκρασία είναι **38,0 °C** ή υψηλότερη.\nfever-li1 = Ελέγξτε τα ουδετερόφιλα\n",
    );
    // el-CY: the paragraph loses its emphasis and the list item gains a heading.
    project.write(
        "locales/el-CY/onco/01-epro.ftl",
        "fever-p1 = Καλέστε τον ασθενή αν η θερμοκρασία είναι 38,0 °C ή υψηλότερη.\nfever-li1 =\n    Ελέγξτε\n\n    # τα ουδετερόφιλα\n",
    );
    project.run_ok(&["accept", "el", "--all"]);
    project.run_ok(&["accept", "el-CY", "--all"]);
    let run = project.run_ok(&["build", "--locale", "el-CY"]);
    let built = project.read("build/el-CY/onco/01-epro.md");
    assert_eq!(block_skeleton(&built), block_skeleton(MODULE), "{built}");
    assert!(
        built.contains("Καλέστε τον ασθενή αν η θερμοκρασία είναι **38,0 °C** ή υψηλότερη."),
        "the paragraph comes from el: {built}"
    );
    assert!(
        built.contains("- Ελέγξτε τα ουδετερόφιλα\n"),
        "the item comes from el: {built}"
    );
    assert!(
        run.stdout.contains(
            "    not used, it would change the structure: locales/el-CY/onco/01-epro.ftl:1:1 fever-p1: the built module has the end of a paragraph where the English has strong emphasis (courses/onco/01-epro.md:3); built from el"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("locales/el-CY/onco/01-epro.ftl:2:1 fever-li1: the built module has"),
        "{}",
        run.stdout
    );
    let el_check = findings(&project, "el-CY");
    assert!(
        el_check.contains(&(
            "structure".to_owned(),
            "locales/el-CY/onco/01-epro.ftl:1:1".to_owned()
        )),
        "{el_check:?}"
    );

    // Without el to fall back on, the message is built from the English and listed.
    std::fs::remove_file(project.root().join("locales/el/onco/01-epro.ftl")).expect("rm");
    let run = project.run_ok(&["build", "--locale", "el-CY"]);
    let built = project.read("build/el-CY/onco/01-epro.md");
    assert!(
        built.contains("Call the patient if the temperature is **38.0 °C** or higher."),
        "{built}"
    );
    assert!(
        run.stdout.contains("fever-p1: the built module has")
            && run
                .stdout
                .contains("(courses/onco/01-epro.md:3); built from en"),
        "{}",
        run.stdout
    );
}

/// Copies the shipped sample (kurso.toml, courses, locales, glossaries) into a fresh project.
fn sample() -> TestProject {
    let project = TestProject::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for part in ["courses", "locales", "glossaries"] {
        for entry in walkdir::WalkDir::new(root.join(part)) {
            let entry = entry.expect("walk the sample");
            if entry.file_type().is_file() {
                let rel = entry.path().strip_prefix(root).expect("inside");
                let text = std::fs::read_to_string(entry.path()).expect("read");
                project.write(&rel.to_string_lossy(), &text);
            }
        }
    }
    project.write(
        "kurso.toml",
        &std::fs::read_to_string(root.join("kurso.toml")).expect("kurso.toml"),
    );
    project
}

const EPRO: &str = "digicantrain-oncology/01-remote-symptom-monitoring";

#[test]
fn a_bracket_in_the_italian_alt_text_keeps_the_figure_an_image() {
    let project = sample();
    let ftl = format!("locales/it/{EPRO}.ftl");
    let text = project.read(&ftl).replace(
        "how-an-epro-pathway-works-alt1 = Diagramma",
        "how-an-epro-pathway-works-alt1 = [bozza Diagramma",
    );
    project.write(&ftl, &text);
    project.run_ok(&["build", "--locale", "it"]);
    let source = project.read(&format!("courses/{EPRO}.md"));
    let built = project.read(&format!("build/it/{EPRO}.md"));
    assert!(
        built.contains("![\\[bozza Diagramma di flusso"),
        "the bracket is escaped: {built}"
    );
    let images = |text: &str| {
        events(text)
            .iter()
            .filter(|event| event.starts_with("Start(Image"))
            .count()
    };
    assert_eq!(images(&built), images(&source));
    assert_eq!(block_skeleton(&built), block_skeleton(&source));
}

#[test]
fn pseudo_drafts_of_the_sample_keep_every_module_structure() {
    let project = sample();
    project.run_ok(&["translate"]);
    // A preview builds the drafts (a default build holds them back), each marked.
    let run = project.run_ok(&["build", "--preview"]);
    assert!(!run.stdout.contains("not used"), "{}", run.stdout);
    let check = project.run(&["check", "--format", "json"]);
    let json: Value = serde_json::from_str(&check.stdout).expect("json");
    let structure: Vec<&Value> = json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == "structure")
        .collect();
    assert!(structure.is_empty(), "{structure:#?}");
    for locale in ["hu", "lt", "ro", "fi", "tr"] {
        for module in [
            EPRO,
            "hpass-digital-skills/04-train-the-trainer",
            "digicantrain-oncology/03-virtual-tumour-boards",
        ] {
            let source = project.read(&format!("courses/{module}.md"));
            let built = project.read(&format!("build-preview/{locale}/{module}.md"));
            assert_ne!(built, source, "{locale}: {module} is translated");
            let shape = |text: &str| -> Vec<String> {
                events(text)
                    .into_iter()
                    .filter(|event| event.starts_with("Start(") || event.starts_with("End("))
                    .map(|event| event.split(['(', ' ', '{']).take(2).collect::<String>())
                    .collect()
            };
            assert_eq!(shape(&built), shape(&source), "{locale}: {module}");
        }
    }
}

#[test]
fn translate_refuses_a_draft_that_would_change_the_structure() {
    let project = TestProject::new()
        .file("courses/c/01-consent.md", "# Consent\n\nAsk the patient.\n")
        .file("courses/c/02-privacy.md", "# Privacy\n\nAsk the patient.\n");
    project.run_ok(&["extract"]);
    // A person's translation, reused by the translation memory for the same English.
    project.write(
        "locales/it/c/02-privacy.ftl",
        "privacy-title = Riservatezza\nprivacy-p1 =\n    Chiedi al paziente.\n\n    - subito\n",
    );
    project.run_ok(&["accept", "it", "--all"]);
    let run = project.run(&["translate", "--provider", "memory", "--to", "it"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stdout.contains(
            "  refused consent-p1 (locales/it/c/01-consent.ftl): structure: it would change the Markdown structure of courses/c/01-consent.md:3: the built module has a paragraph after the English ends"
        ),
        "{}",
        run.stdout
    );
    assert!(
        !project.exists("locales/it/c/01-consent.ftl"),
        "no draft written"
    );
}

#[test]
fn a_kurso_allow_comment_silences_the_finding_not_the_fallback() {
    let project = project();
    project.write(
        "locales/it/onco/01-epro.ftl",
        "# kurso-allow structure: reviewed, the split reads better\nfever-p1 =\n    Chiamare il paziente se la temperatura è **38,0 °C**\n\n    o superiore.\n",
    );
    let rules: Vec<String> = findings(&project, "it")
        .into_iter()
        .map(|(rule, _)| rule)
        .collect();
    assert!(!rules.contains(&"structure".to_owned()), "{rules:?}");
    project.run_ok(&["accept", "it", "--all"]);
    let run = project.run_ok(&["build", "--locale", "it"]);
    assert!(
        run.stdout.contains("fever-p1: the built module has"),
        "{}",
        run.stdout
    );
}
