//! `kurso check` end to end on small projects: fallback chains, policy and exit codes.

use crate::support::TestProject;

fn project() -> TestProject {
    TestProject::new()
        .file(
            "locales/en/c/01-a.ftl",
            "a-title = Consent\n\na-p1 = Ask first.\n",
        )
        .file(
            "locales/el/c/01-a.ftl",
            "a-title = Συναίνεση\n\na-p1 = Ρωτήστε πρώτα.\n",
        )
        .file(
            "locales/el-CY/c/01-a.ftl",
            "a-p1 = Ρωτήστε πρώτα, παρακαλώ.\n",
        )
}

fn findings(project: &TestProject, args: &[&str]) -> (i32, Vec<serde_json::Value>) {
    let mut all = vec!["check", "--format", "json"];
    all.extend_from_slice(args);
    let run = project.run(&all);
    let json: serde_json::Value = serde_json::from_str(&run.stdout)
        .unwrap_or_else(|err| panic!("{err}\n{}\n{}", run.stdout, run.stderr));
    let findings = json["findings"].as_array().expect("findings").clone();
    (run.code, findings)
}

fn rules(findings: &[serde_json::Value]) -> Vec<(String, String)> {
    findings
        .iter()
        .map(|f| {
            (
                f["rule"].as_str().unwrap_or_default().to_owned(),
                f["id"].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect()
}

#[test]
fn a_regional_locale_checked_alone_still_falls_back_to_its_language() {
    let project = project();
    let (_, found) = findings(&project, &["el-CY"]);
    let missing: Vec<_> = rules(&found)
        .into_iter()
        .filter(|(rule, _)| rule.starts_with("missing"))
        .collect();
    assert!(missing.is_empty(), "{missing:?}");
}

#[test]
fn a_message_missing_along_the_whole_chain_is_missing_in_both() {
    let project = project();
    project.write(
        "locales/en/c/01-a.ftl",
        "a-title = Consent\n\na-p1 = Ask first.\n\na-p2 = Then record.\n",
    );
    let (code, found) = findings(&project, &["el", "el-CY"]);
    assert_eq!(code, 1);
    let missing: Vec<_> = found
        .iter()
        .filter(|f| f["rule"] == "missing")
        .map(|f| f["locale"].as_str().unwrap_or_default().to_owned())
        .collect();
    assert_eq!(missing, ["el", "el-CY"]);
}

#[test]
fn policy_lowers_a_rule_for_one_locale_and_the_exit_code_follows() {
    let project = project();
    project.write(
        "kurso.toml",
        "target-locales = [\"el\", \"el-CY\", \"it\"]\n[check.locales.it]\nmissing-file = \"warning\"\n",
    );
    let (code, found) = findings(&project, &["it"]);
    assert_eq!(code, 0, "{found:?}");
    assert_eq!(found[0]["level"], "warning");
    let (code, _) = findings(&project, &["it", "--fail-on", "warning"]);
    assert_eq!(code, 1);
}

#[test]
fn a_comment_with_a_reason_suppresses_one_rule_for_one_message() {
    let project = project();
    project.write(
        "locales/it/c/01-a.ftl",
        "a-title = Consenso\n\n# kurso-allow unverified: adopted from the 2025 print edition\na-p1 = Chiedere prima.\n",
    );
    let (_, found) = findings(&project, &["it"]);
    let ids: Vec<_> = rules(&found);
    assert!(
        ids.contains(&("unverified".to_owned(), "a-title".to_owned())),
        "{ids:?}"
    );
    assert!(
        !ids.contains(&("unverified".to_owned(), "a-p1".to_owned())),
        "{ids:?}"
    );
}

#[test]
fn one_unparsable_file_does_not_hide_the_others() {
    let project = project()
        .file("locales/en/c/02-b.ftl", "b-p1 = Wash hands.\n")
        .file(
            "locales/it/c/01-a.ftl",
            "a-title = { Consenso\n\na-p1 = Chiedere prima.\n",
        )
        .file(
            "locales/it/c/02-b.ftl",
            "b-p1 = Lavarsi le mani.\nb-p9 = Vecchio.\n",
        );
    let (code, found) = findings(&project, &["it"]);
    assert_eq!(code, 1);
    let got = rules(&found);
    assert!(got.iter().any(|(rule, _)| rule == "syntax"), "{got:?}");
    assert!(
        got.contains(&("obsolete".to_owned(), "b-p9".to_owned())),
        "{got:?}"
    );
}
