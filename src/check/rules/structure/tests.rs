//! Tests of `check::rules::structure`, on a module planned in a throwaway project.

use std::path::PathBuf;

use super::*;
use crate::build::plan_modules;
use crate::check::doc::FtlDoc;
use crate::check::rules::LocaleEnv;
use crate::config::Config;
use crate::project::Project;

const MODULE: &str = "# Alerts\n\nCall the **patient** today.\n\n- Check the dose.\n\n![Flow diagram](fig/a.svg)\n\n| Drug | Dose |\n|---|---|\n| Ondansetron | 8 mg |\n";

/// The findings' `line:col level: message` for the Italian `translation` of [`MODULE`].
#[track_caller]
fn check_it(translation: &str, expected: &[&str]) {
    let dir = tempfile::tempdir().expect("temp dir");
    let config = Config {
        target_locales: vec!["it".parse().expect("a locale")],
        ..Config::default()
    };
    let project = Project::with_config(dir.path(), config);
    let module_path = dir.path().join("courses/c/01-a.md");
    std::fs::create_dir_all(module_path.parent().expect("a folder")).expect("mkdir");
    std::fs::write(&module_path, MODULE).expect("write");
    let files = project.source_files(&[]).expect("the sources");
    let (modules, diagnostics) = plan_modules(&project, &files);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let module = modules.by_messages_path("c/01-a.ftl").expect("the module");

    let source = FtlDoc::parse(
        PathBuf::from("en/c/01-a.ftl"),
        module.planned.rendered.clone(),
    );
    let target = FtlDoc::parse(PathBuf::from("it/c/01-a.ftl"), translation.to_owned());
    let env = LocaleEnv {
        locale: "it".parse().expect("a locale"),
        name: "it".to_owned(),
        plural_categories: vec!["one", "other"],
        visible: std::sync::Arc::default(),
        reference_visible: std::sync::Arc::default(),
        source_facts: std::sync::Arc::default(),
        glossary: None,
    };
    let pairs: Vec<MessagePair<'_>> = target
        .iter()
        .filter_map(|entry| {
            source.get(entry.id()).map(|english| MessagePair {
                env: &env,
                source: english,
                target: entry,
            })
        })
        .collect();
    let mut findings = Vec::new();
    check(module, &pairs, &mut findings);
    let got: Vec<String> = findings
        .iter()
        .map(|f| {
            let pos = f.position.expect("a position");
            format!("{}:{} {}: {}", pos.line, pos.column, f.level, f.message)
        })
        .collect();
    assert_eq!(got, expected);
}

#[test]
fn translations_that_keep_the_markdown_are_fine() {
    check_it(
        "alerts-title = Allarmi\nalerts-p1 = Chiama **oggi** il paziente.\nalerts-li1 = Controlla la dose.\nalerts-alt1 = Diagramma\nalerts-th1 = Farmaco | nome\nalerts-td1 = Ondansetron\n",
        &[],
    );
}

#[test]
fn brackets_in_alt_text_are_escaped_by_the_build_not_reported() {
    check_it("alerts-alt1 = [bozza Diagramma\n", &[]);
}

#[test]
fn a_translation_that_changes_the_structure_is_an_error_at_its_message() {
    check_it(
        "alerts-title = Allarmi\nalerts-p1 =\n    Chiama il paziente.\n\n    **Oggi.**\nalerts-li1 = Controlla la dose.\n",
        &[
            "2:1 error: it would change the Markdown structure of courses/c/01-a.md:3: the built module has the end of a paragraph where the English has strong emphasis",
        ],
    );
    check_it(
        "alerts-p1 = Chiama il paziente oggi.\nalerts-li1 = Controlla la `dose`.\n",
        &[
            "1:1 error: it would change the Markdown structure of courses/c/01-a.md:3: the built module has the end of a paragraph where the English has strong emphasis",
            "2:1 error: it would change the Markdown structure of courses/c/01-a.md:5: the built module has inline code where the English has the end of a list item",
        ],
    );
}

#[test]
fn placeables_and_empty_values_are_not_built_so_not_judged() {
    check_it("alerts-p1 = Chiama { $name }\nalerts-li1 = {\"\"}\n", &[]);
}
