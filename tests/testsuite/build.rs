//! `kurso build` end to end: translations put back, fallback chains, front matter and
//! course.yaml, assets, and bad translations reported without stopping the build.

use crate::support::{TestProject, block_skeleton, events};

const MODULE: &str = "---\ntitle: Consent\nduration: 45 min\n---\n# Consent\n\nAsk the patient.\n\n> Record it\n> in the notes.\n\n| Drug | Dose |\n|---|---|\n| Ondansetron | 8 mg |\n\n![Alert flow](fig/a.svg \"Alerts\")\n\n```\ncode stays\n```\n";

fn project() -> TestProject {
    let project = TestProject::new()
        .file(
            "courses/c/course.yaml",
            "title: Oncology\nsummary: >-\n  Digital skills\n  for cancer care.\neqf-level: 7\n",
        )
        .file("courses/c/01-consent.md", MODULE)
        .file("courses/c/fig/a.svg", "<svg/>");
    project.run_ok(&["extract"]);
    project
}

#[test]
fn source_locale_build_reproduces_the_sources() {
    let project = project();
    let run = project.run_ok(&["build", "--locale", "en"]);
    assert!(
        run.stdout.contains("en: 2 files into build/en (2 written)"),
        "{}",
        run.stdout
    );
    let built = project.read("build/en/c/01-consent.md");
    assert_eq!(built, MODULE);
    assert_eq!(events(&built), events(MODULE));
    assert_eq!(
        project.read("build/en/c/course.yaml"),
        project.read("courses/c/course.yaml")
    );
    assert_eq!(project.read("build/en/c/fig/a.svg"), "<svg/>");
}

#[test]
fn translations_replace_blocks_and_leave_everything_else() {
    let project = project();
    project.write(
        "locales/it/c/01-consent.ftl",
        "meta-title = Consenso\nconsent-title = Consenso\nconsent-p1 = Chiedi al paziente.\nconsent-q1 =\n    Registralo\n    nella cartella.\nconsent-th1 = Farmaco | nome\nconsent-td2 = 8 mg\nconsent-alt1 = Flusso degli allarmi\nconsent-img-title1 = Allarmi \"rossi\"\n",
    );
    project.run_ok(&["accept", "it", "--all"]);
    let run = project.run_ok(&["build", "--locale", "it"]);
    let built = project.read("build/it/c/01-consent.md");
    assert_eq!(
        built,
        "---\ntitle: \"Consenso\"\nduration: 45 min\n---\n# Consenso\n\nChiedi al paziente.\n\n> Registralo\n> nella cartella.\n\n| Farmaco \\| nome | Dose |\n|---|---|\n| Ondansetron | 8 mg |\n\n![Flusso degli allarmi](fig/a.svg \"Allarmi \\\"rossi\\\"\")\n\n```\ncode stays\n```\n"
    );
    assert_eq!(block_skeleton(&built), block_skeleton(MODULE));
    assert!(
        run.stdout.contains(
            "fell back to en: 2 of 10 in courses/c/01-consent.md: consent-th2 consent-td1"
        ),
        "{}",
        run.stdout
    );
}

#[test]
fn regional_locale_falls_back_to_language_then_source() {
    let project = project();
    project.write(
        "locales/el/c/01-consent.ftl",
        "consent-title = Συναίνεση\nconsent-p1 = Ρωτήστε τον ασθενή.\n",
    );
    project.write(
        "locales/el-CY/c/01-consent.ftl",
        "consent-p1 = Ρωτήστε τον ασθενή (ΓεΣΥ).\n",
    );
    project.run_ok(&["accept", "el", "--all"]);
    project.run_ok(&["accept", "el-CY", "--all"]);
    let run = project.run_ok(&["build", "--locale", "el-CY"]);
    let built = project.read("build/el-CY/c/01-consent.md");
    assert!(built.contains("# Συναίνεση\n"), "from el: {built}");
    assert!(
        built.contains("Ρωτήστε τον ασθενή (ΓεΣΥ).\n"),
        "from el-CY: {built}"
    );
    assert!(built.contains("> Record it\n"), "from en: {built}");
    assert!(
        run.stdout.contains("[chain el-CY → el → en]"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("1 el-CY, 1 el, 10 en"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("not translated yet, built from en: 1 file (2 messages)"),
        "course.yaml: {}",
        run.stdout
    );
}

#[test]
fn course_yaml_block_scalars_are_translated_as_valid_yaml() {
    let project = project();
    project.write(
        "locales/it/c/course.ftl",
        "title = Oncologia\nsummary = Competenze digitali: cura del cancro.\n",
    );
    project.run_ok(&["accept", "it", "--all"]);
    project.run_ok(&["build", "--locale", "it"]);
    assert_eq!(
        project.read("build/it/c/course.yaml"),
        "title: \"Oncologia\"\nsummary: \"Competenze digitali: cura del cancro.\"\neqf-level: 7\n"
    );
}

#[test]
fn broken_translation_files_are_errors_but_the_build_goes_on() {
    let project = project();
    project.write(
        "locales/it/c/01-consent.ftl",
        "consent-title = Consenso\nconsent-p1 = { $\nmeta-title = Consenso { $name }\n",
    );
    // `kurso accept` refuses a file that does not parse; a translator recorded this one.
    project.write(
        "locales/it/c/01-consent.state.toml",
        "[consent-title]\nstatus = \"edited\"\norigin = \"human\"\nsource = \"Consent\"\n",
    );
    let run = project.run(&["build", "--locale", "it"]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains(" --> locales/it/c/01-consent.ftl:2:"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("message `meta-title` uses `{ $name }`"),
        "{}",
        run.stderr
    );
    let built = project.read("build/it/c/01-consent.md");
    assert!(built.contains("# Consenso\n"), "{built}");
    assert!(
        built.contains("title: Consent\n"),
        "placeable falls back: {built}"
    );
}

#[test]
fn unknown_and_invalid_locales_are_rejected() {
    let project = project();
    let run = project.run(&["build", "--locale", "pt"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("locale `pt` is not one of the project's locales"),
        "{}",
        run.stderr
    );
    let run = project.run(&["build", "--locale", "en_GB"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("`en_GB` is not a valid locale code"),
        "{}",
        run.stderr
    );
}

#[test]
fn stale_source_messages_are_a_warning() {
    let project = project();
    project.write(
        "courses/c/01-consent.md",
        &MODULE.replace("Ask the patient.", "Ask the patient first."),
    );
    let run = project.run_ok(&["build", "--locale", "en"]);
    assert!(
        run.stderr
            .contains("warning: locales/en/c/01-consent.ftl: source messages are out of date"),
        "{}",
        run.stderr
    );
}
