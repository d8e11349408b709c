//! A person's translation is never replaced or hidden: every command that writes translations
//! or their state (`translate`, `accept`, `extract --keep-translations`) leaves a translation
//! file that does not parse, or has a duplicate ID, byte-identical together with its state,
//! reports it at the broken line, goes on with the other files, and exits 2.

use crate::support::TestProject;

const IT_MODULE: &str = "locales/it/digicantrain-oncology/01-remote-symptom-monitoring.ftl";
const IT_STATE: &str = "locales/it/digicantrain-oncology/01-remote-symptom-monitoring.state.toml";
const BROKEN_ID: &str = "meta-objectives-2";

/// The sample with ` { $broken` appended to the Italian `meta-objectives-2` (a person's
/// translation); returns the project and the 1-based line of the broken message.
fn sample_with_broken_italian() -> (TestProject, usize) {
    let project = TestProject::sample();
    let text = project.read(IT_MODULE);
    let mut line_no = 0;
    let broken: String = text
        .lines()
        .enumerate()
        .map(|(i, line)| {
            if line.starts_with(&format!("{BROKEN_ID} =")) {
                line_no = i + 1;
                format!("{line} {{ $broken\n")
            } else {
                format!("{line}\n")
            }
        })
        .collect();
    assert!(line_no > 0, "the sample has {BROKEN_ID}");
    project.write(IT_MODULE, &broken);
    (project, line_no)
}

/// Bytes of the Italian module and its state.
fn italian(project: &TestProject) -> (String, String) {
    (project.read(IT_MODULE), project.read(IT_STATE))
}

#[test]
fn translate_leaves_a_broken_translation_and_its_state_alone() {
    let (project, line) = sample_with_broken_italian();
    let before = italian(&project);
    let run = project.run(&["translate", "--to", "it", "--to", "hu"]);
    assert_eq!(
        run.code, 2,
        "stdout:\n{}\nstderr:\n{}",
        run.stdout, run.stderr
    );
    assert_eq!(
        italian(&project),
        before,
        "the broken file or its state changed"
    );
    // Reported at the broken line, not where the parser noticed.
    assert!(
        run.stderr.contains(&format!("{IT_MODULE}:{line}:")),
        "stderr:\n{}",
        run.stderr
    );
    // The other files still got their drafts: one bad file hides nothing else.
    assert!(project.exists("locales/hu/digicantrain-oncology/01-remote-symptom-monitoring.ftl"));
    assert!(
        project
            .read("locales/it/hpass-digital-skills/01-telehealth-consultations.ftl")
            .contains("⟦"),
        "the Italian H-PASS course (no translation yet) got no pseudo drafts"
    );
    // And the build does not ship a draft in place of the person's message.
    project.run(&["build", "--locale", "it"]);
    let built = project.read("build/it/digicantrain-oncology/01-remote-symptom-monitoring.md");
    assert!(!built.contains("⟦"), "a pseudo draft reached the build");
}

#[test]
fn translate_leaves_a_file_with_a_duplicate_id_alone() {
    let project = TestProject::sample();
    let text = project.read(IT_MODULE);
    let doubled = format!("{text}\n{BROKEN_ID} = Seconda versione\n");
    project.write(IT_MODULE, &doubled);
    let state = project.read(IT_STATE);
    let run = project.run(&["translate", "--to", "it"]);
    assert_eq!(run.code, 2, "stderr:\n{}", run.stderr);
    assert!(
        run.stderr.contains("defined more than once"),
        "{}",
        run.stderr
    );
    assert_eq!(project.read(IT_MODULE), doubled);
    assert_eq!(project.read(IT_STATE), state);
}

#[test]
fn translate_leaves_a_file_whose_state_does_not_parse_alone() {
    let project = TestProject::sample();
    let module = "locales/it/hpass-digital-skills/01-telehealth-consultations.ftl";
    let state = "locales/it/hpass-digital-skills/01-telehealth-consultations.state.toml";
    project.write(module, "# started by hand\n");
    project.write(state, "[x]\nstatus = \"edited\n");
    let run = project.run(&["translate", "--to", "it"]);
    assert_eq!(run.code, 2, "stderr:\n{}", run.stderr);
    assert!(run.stderr.contains(state), "{}", run.stderr);
    assert_eq!(project.read(module), "# started by hand\n");
    assert_eq!(project.read(state), "[x]\nstatus = \"edited\n");
}

#[test]
fn accept_leaves_a_broken_translation_and_its_state_alone() {
    let (project, line) = sample_with_broken_italian();
    let before = italian(&project);
    let run = project.run(&["accept", "it", "--all", "--status", "reviewed"]);
    assert_eq!(run.code, 2, "stderr:\n{}", run.stderr);
    assert_eq!(italian(&project), before);
    assert!(
        run.stderr.contains(&format!("{IT_MODULE}:{line}:")),
        "{}",
        run.stderr
    );
    // The other Italian files were accepted.
    assert!(
        project
            .read("locales/it/digicantrain-oncology/course.state.toml")
            .contains("status = \"reviewed\""),
        "the whole files were not accepted"
    );
}

#[test]
fn keep_translations_carries_nothing_while_a_translation_is_broken() {
    let (project, line) = sample_with_broken_italian();
    // A typo fix in the English of the broken module.
    let module = "courses/digicantrain-oncology/01-remote-symptom-monitoring.md";
    let english = project.read(module);
    let fixed = english.replacen(
        "happens at home, between visits",
        "happens at home between visits",
        1,
    );
    assert_ne!(fixed, english, "the sample has the phrase");
    project.write(module, &fixed);
    let source = "locales/en/digicantrain-oncology/01-remote-symptom-monitoring.ftl";
    let source_before = project.read(source);
    let greek_state = "locales/el/digicantrain-oncology/01-remote-symptom-monitoring.state.toml";
    let greek_before = project.read(greek_state);
    let before = italian(&project);
    let run = project.run(&["extract", "--keep-translations"]);
    assert_eq!(
        run.code, 2,
        "stdout:\n{}\nstderr:\n{}",
        run.stdout, run.stderr
    );
    assert!(
        run.stderr.contains(&format!("{IT_MODULE}:{line}:")),
        "{}",
        run.stderr
    );
    // All or nothing: no locale carried, the English kept, so the run can be repeated.
    assert_eq!(italian(&project), before);
    assert_eq!(project.read(greek_state), greek_before);
    assert_eq!(project.read(source), source_before);
}

/// Answers DeepL's `/v2/translate` with `IT[text]` for each text, after `delay`.
struct SlowEcho;

impl wiremock::Respond for SlowEcho {
    fn respond(&self, request: &wiremock::Request) -> wiremock::ResponseTemplate {
        let body: serde_json::Value =
            serde_json::from_slice(&request.body).unwrap_or(serde_json::Value::Null);
        let translations: Vec<serde_json::Value> = body["text"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .map(|text| {
                serde_json::json!({
                    "detected_source_language": "EN",
                    "text": format!("IT[{}]", text.as_str().unwrap_or_default()),
                })
            })
            .collect();
        wiremock::ResponseTemplate::new(200)
            .set_body_json(serde_json::json!({ "translations": translations }))
            .set_delay(std::time::Duration::from_millis(1500))
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_translation_a_person_writes_while_the_provider_answers_wins() {
    let server = wiremock::MockServer::start().await;
    wiremock::Mock::given(wiremock::matchers::path("/v2/translate"))
        .respond_with(SlowEcho)
        .mount(&server)
        .await;
    let project = TestProject::new()
        .file(
            "kurso.toml",
            &format!(
                "target-locales = [\"it\"]\n[mt]\nprovider = \"deepl\"\n[mt.deepl]\nbase-url = \"{}\"\n",
                server.uri()
            ),
        )
        .file(
            "locales/en/c/01-a.ftl",
            "a-title = Dosing\n\na-p1 = Check the patient every hour.\n",
        )
        .file("locales/it/c/01-a.ftl", "a-title = Dosaggio\n")
        .file(
            "locales/it/c/01-a.state.toml",
            "[a-title]\nstatus = \"edited\"\norigin = \"human\"\nsource = \"Dosing\"\n",
        );
    let root = project.root().to_path_buf();
    let kurso = tokio::task::spawn_blocking(move || {
        std::process::Command::new(env!("CARGO_BIN_EXE_kurso"))
            .args(["translate", "--to", "it"])
            .env("DEEPL_API_KEY", "person-work-test-key:fx")
            .current_dir(root)
            .output()
            .expect("run kurso")
    });
    // Once the request is on its way, a translator saves the message by hand.
    for _ in 0..200 {
        if !server
            .received_requests()
            .await
            .unwrap_or_default()
            .is_empty()
        {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(10)).await;
    }
    let by_hand = "a-title = Dosaggio\n\na-p1 = Controllare il paziente ogni ora.\n";
    project.write("locales/it/c/01-a.ftl", by_hand);
    let output = kurso.await.expect("join");
    assert_eq!(
        project.read("locales/it/c/01-a.ftl"),
        by_hand,
        "stderr:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(
        !project
            .read("locales/it/c/01-a.state.toml")
            .contains("deepl")
    );
}
