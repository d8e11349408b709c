//! `kurso translate` end to end: the real binary against a DeepL-speaking HTTP server on
//! 127.0.0.1 (wiremock): drafts, state, the journal, suggestions beside people's work,
//! verification, quota exhaustion and resuming, and keys that never show.
//!
//! Every request of every DeepL run is checked against DeepL's `OpenAPI` spec ([`kurso`] does
//! it after each run), and the stand-in answers in the language asked for (`IT[…]` for
//! `target_lang: IT`), so a text written into the wrong locale shows.

use std::process::Command;

use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

use crate::support::{Run, TestProject};

const KEY: &str = "translate-test-key-91c2:fx";

/// Translates every text as `TARGET[text]` (`FI[…]` for `target_lang: FI`), keeping its XML
/// placeholders (or dropping placeholder 2); its answers follow DeepL's spec.
struct Echo {
    drop_placeholders: bool,
}

impl Respond for Echo {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let body: Value = serde_json::from_slice(&request.body).unwrap_or(Value::Null);
        let texts = body["text"].as_array().cloned().unwrap_or_default();
        let target = body["target_lang"]
            .as_str()
            .unwrap_or("NO-TARGET")
            .to_owned();
        let translations: Vec<Value> = texts
            .iter()
            .map(|t| {
                let text = t.as_str().unwrap_or_default();
                let text = if self.drop_placeholders {
                    text.replace("<x id=\"2\"/>", "")
                } else {
                    text.to_owned()
                };
                json!({"detected_source_language": "EN", "text": format!("{target}[{text}]")})
            })
            .collect();
        let answer = json!({ "translations": translations });
        crate::deepl::assert_answer_conforms("POST", "/v2/translate", 200, &answer);
        ResponseTemplate::new(200).set_body_json(answer)
    }
}

async fn server(drop_placeholders: bool) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v2/translate"))
        .respond_with(Echo { drop_placeholders })
        .mount(&server)
        .await;
    server
}

fn project(server: &MockServer) -> TestProject {
    TestProject::new()
        .file(
            "kurso.toml",
            &format!(
                "target-locales = [\"el\", \"it\", \"fi\"]\n[mt]\nprovider = \"deepl\"\n[mt.deepl]\nbase-url = \"{}\"\nconcurrency = 1\n",
                server.uri()
            ),
        )
        .file(
            "locales/en/c/01-a.ftl",
            "a-title = Dosing\n\na-p1 = Give 5 mg, see [the leaflet](https://example.org/l.pdf) and `dose_mg`.\n\na-p2 = Check the patient every hour.\n",
        )
}

/// Runs kurso off the async runtime (the mock server lives on it), with the DeepL key set;
/// then asserts that every request `server` received follows DeepL's spec.
async fn kurso(server: &MockServer, project: &TestProject, args: &[&str]) -> Run {
    let root = project.root().to_path_buf();
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    let run = tokio::task::spawn_blocking(move || {
        let output = Command::new(env!("CARGO_BIN_EXE_kurso"))
            .args(&args)
            .env("DEEPL_API_KEY", KEY)
            .current_dir(root)
            .output()
            .expect("run kurso");
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    })
    .await
    .expect("join");
    crate::deepl::assert_conforming(server, KEY).await;
    run
}

/// The rule codes `kurso check LOCALE` reports.
fn check_rules(project: &TestProject, locale: &str) -> Vec<String> {
    let check = project.run(&["check", locale, "--format", "json"]);
    let json: Value = serde_json::from_str(&check.stdout).expect("json");
    json["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["rule"].as_str().map(str::to_owned))
        .collect()
}

fn assert_no_key(run: &Run, project: &TestProject) {
    assert!(
        !run.stdout.contains(KEY) && !run.stderr.contains(KEY),
        "{}{}",
        run.stdout,
        run.stderr
    );
    if project.exists(".kurso/mt-journal.jsonl") {
        assert!(!project.read(".kurso/mt-journal.jsonl").contains(KEY));
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn drafts_are_written_with_state_and_a_rerun_sends_nothing() {
    let server = server(false).await;
    let project = project(&server);
    let run = kurso(&server, &project, &["translate", "--to", "fi"]).await;
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_no_key(&run, &project);
    let fi = project.read("locales/fi/c/01-a.ftl");
    assert!(
        fi.contains(
            "a-p1 = FI[Give 5 mg, see [the leaflet](https://example.org/l.pdf) and `dose_mg`.]"
        ),
        "{fi}"
    );
    let state = project.read("locales/fi/c/01-a.state.toml");
    assert!(
        state.contains("status = \"machine\"\norigin = \"deepl\""),
        "{state}"
    );
    crate::deepl::assert_conforming(&server, KEY).await;
    let sent = server.received_requests().await.expect("recorded").len();
    let again = kurso(&server, &project, &["translate", "--to", "fi"]).await;
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert_eq!(
        server.received_requests().await.expect("recorded").len(),
        sent,
        "a re-run sends nothing"
    );
    // The drafts check clean of everything but the glossary-free project's state.
    let rules = check_rules(&project, "fi");
    let rules: Vec<&str> = rules.iter().map(String::as_str).collect();
    assert!(
        !rules.contains(&"markup") && !rules.contains(&"numbers") && !rules.contains(&"missing"),
        "{rules:?}"
    );
}

/// One run for three locales, their requests in flight together: each locale's
/// file holds the answers to its own language's requests (`EL[…]` in el, `IT[…]` in it,
/// `FI[…]` in fi), and the journal files each answer under the target it was asked for. A
/// mix-up of batches between locales would put one language's text into another's file.
#[tokio::test(flavor = "multi_thread")]
async fn each_locale_gets_the_answers_in_its_own_language() {
    let server = server(false).await;
    let project = project(&server);
    project.write(
        "kurso.toml",
        &format!(
            "target-locales = [\"el\", \"it\", \"fi\"]\n[mt]\nprovider = \"deepl\"\n[mt.deepl]\nbase-url = \"{}\"\nconcurrency = 4\n",
            server.uri()
        ),
    );
    let run = kurso(
        &server,
        &project,
        &["translate", "--to", "el", "--to", "it", "--to", "fi"],
    )
    .await;
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    for (locale, tag) in [("el", "EL"), ("it", "IT"), ("fi", "FI")] {
        assert_eq!(
            project.read(&format!("locales/{locale}/c/01-a.ftl")),
            format!(
                "a-title = {tag}[Dosing]\n\n\
                 a-p1 = {tag}[Give 5 mg, see [the leaflet](https://example.org/l.pdf) and `dose_mg`.]\n\n\
                 a-p2 = {tag}[Check the patient every hour.]\n"
            ),
            "{locale}"
        );
    }
    let requests = server.received_requests().await.expect("recorded");
    let mut targets: Vec<String> = requests
        .iter()
        .map(|r| {
            let body: Value = serde_json::from_slice(&r.body).expect("a JSON body");
            body["target_lang"].as_str().expect("a target").to_owned()
        })
        .collect();
    targets.sort();
    assert_eq!(targets, ["EL", "FI", "IT"], "one request per locale");
    let journal = project.read(".kurso/mt-journal.jsonl");
    assert_eq!(journal.lines().count(), 9);
    for line in journal.lines() {
        let entry: Value = serde_json::from_str(line).expect("a journal line");
        let target = entry["target"].as_str().expect("a target").to_uppercase();
        let translation = entry["translation"].as_str().expect("a translation");
        assert!(
            translation.starts_with(&format!("{target}[")),
            "journaled under {target}: {translation}"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_draft_that_loses_a_placeholder_is_refused_and_not_written() {
    let server = server(true).await;
    let project = project(&server);
    let run = kurso(&server, &project, &["translate", "--to", "fi"]).await;
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("refused a-p1"), "{}", run.stdout);
    assert!(
        run.stdout.contains("placeholder 2 is missing"),
        "{}",
        run.stdout
    );
    let fi = project.read("locales/fi/c/01-a.ftl");
    assert!(!fi.contains("a-p1"), "{fi}");
    assert!(
        fi.contains("a-p2 = FI[Check the patient every hour.]"),
        "{fi}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_stale_human_translation_gets_a_suggestion_and_is_never_replaced() {
    let server = server(false).await;
    let project = project(&server);
    let italian = "a-title = Dosaggio\n\na-p1 = Dare 5 mg, vedere [il foglietto](https://example.org/l.pdf) e `dose_mg`.\n\na-p2 = Controllare il paziente ogni ora.\n";
    project.write("locales/it/c/01-a.ftl", italian);
    project.run_ok(&["accept", "it", "--all"]);
    project.write(
        "locales/en/c/01-a.ftl",
        "a-title = Dosing\n\na-p1 = Give 5 mg, see [the leaflet](https://example.org/l.pdf) and `dose_mg`.\n\na-p2 = Check the patient every two hours.\n",
    );
    let run = kurso(&server, &project, &["translate", "--to", "it"]).await;
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("1 suggestion beside"), "{}", run.stdout);
    assert_eq!(
        project.read("locales/it/c/01-a.ftl"),
        italian,
        "a person's translation is untouched"
    );
    let state = project.read("locales/it/c/01-a.state.toml");
    assert!(
        state.contains("suggestion = \"IT[Check the patient every two hours.]\""),
        "{state}"
    );
    let diff = project.run(&["diff", "it", "--color", "never"]);
    assert!(
        diff.stdout.contains("a machine suggestion (deepl)"),
        "{}",
        diff.stdout
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn quota_exhaustion_keeps_what_arrived_and_the_next_run_sends_only_the_rest() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v2/translate"))
        .respond_with(Echo {
            drop_placeholders: false,
        })
        .up_to_n_times(1)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v2/translate"))
        .respond_with(
            ResponseTemplate::new(456).set_body_json(json!({"message": "Quota exceeded"})),
        )
        .with_priority(2)
        .mount(&server)
        .await;
    let project = project(&server);
    let run = kurso(
        &server,
        &project,
        &["translate", "--to", "el", "--to", "fi"],
    )
    .await;
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("quota is used up"), "{}", run.stderr);
    assert_no_key(&run, &project);
    let journal = project.read(".kurso/mt-journal.jsonl");
    assert_eq!(
        journal.lines().count(),
        3,
        "the first locale's 3 segments are journaled"
    );
    server.reset().await;
    Mock::given(method("POST"))
        .and(path("/v2/translate"))
        .respond_with(Echo {
            drop_placeholders: false,
        })
        .mount(&server)
        .await;
    let run = kurso(
        &server,
        &project,
        &["translate", "--to", "el", "--to", "fi"],
    )
    .await;
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let requests = server.received_requests().await.expect("recorded");
    let texts: usize = requests
        .iter()
        .map(|r| {
            serde_json::from_slice::<Value>(&r.body)
                .map_or(0, |b| b["text"].as_array().map_or(0, Vec::len))
        })
        .sum();
    assert_eq!(texts, 3, "only the locale that was not received is sent");
    crate::deepl::assert_conforming(&server, KEY).await;
    assert!(project.exists("locales/el/c/01-a.ftl") && project.exists("locales/fi/c/01-a.ftl"));
}

#[tokio::test(flavor = "multi_thread")]
async fn dry_run_counts_billed_characters_and_sends_nothing() {
    let server = server(false).await;
    let project = project(&server);
    let run = kurso(&server, &project, &["translate", "--to", "fi", "--dry-run"]).await;
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("fi: 3 messages, 3 segments with deepl"),
        "{}",
        run.stdout
    );
    assert!(
        server
            .received_requests()
            .await
            .expect("recorded")
            .is_empty()
    );
    assert!(!project.exists("locales/fi/c/01-a.ftl"));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_missing_key_is_a_clear_error() {
    let server = server(false).await;
    let project = project(&server);
    let root = project.root().to_path_buf();
    let output = tokio::task::spawn_blocking(move || {
        Command::new(env!("CARGO_BIN_EXE_kurso"))
            .args(["translate", "--to", "fi"])
            .env_remove("DEEPL_API_KEY")
            .current_dir(root)
            .output()
            .expect("run")
    })
    .await
    .expect("join");
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("no key for `deepl`") && stderr.contains("DEEPL_API_KEY"),
        "{stderr}"
    );
}

const CHALLENGE: &str = "Digest realm=\"eTranslation\", qop=\"auth\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c0\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\", algorithm=MD5";

/// The whole asynchronous round trip on loopback: `kurso translate` submits to a local
/// eTranslation, `kurso etranslation-receiver` takes the callbacks into the journal, and the
/// next `kurso translate` writes the drafts without sending anything.
#[tokio::test(flavor = "multi_thread")]
async fn etranslation_submit_callback_receiver_and_drafts() {
    use wiremock::matchers::header_exists;

    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/etranslation/si/translate"))
        .and(header_exists("authorization"))
        .respond_with(ResponseTemplate::new(200).set_body_string("987654"))
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/etranslation/si/translate"))
        .respond_with(ResponseTemplate::new(401).insert_header("WWW-Authenticate", CHALLENGE))
        .with_priority(2)
        .mount(&server)
        .await;
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let project = TestProject::new()
        .file(
            "kurso.toml",
            &format!(
                "target-locales = [\"lt\"]\n[mt]\nprovider = \"etranslation\"\n[mt.etranslation]\nbase-url = \"{}/etranslation/si\"\napplication = \"kurso-test\"\ncallback-url = \"http://127.0.0.1:{port}/cb\"\n",
                server.uri()
            ),
        )
        .file("locales/en/c/01-a.ftl", "a-p1 = Check the dose twice.\n\na-p2 = Call the `on-call` nurse.\n");
    let root = project.root().to_path_buf();
    let run = |args: &'static [&'static str]| {
        let root = root.clone();
        tokio::task::spawn_blocking(move || {
            Command::new(env!("CARGO_BIN_EXE_kurso"))
                .args(args)
                .env("ETRANSLATION_PASSWORD", "secret-pass-42")
                .current_dir(root)
                .output()
                .expect("run kurso")
        })
    };
    let first = run(&["translate", "--to", "lt"]).await.expect("join");
    let stdout = String::from_utf8_lossy(&first.stdout);
    assert_eq!(
        first.status.code(),
        Some(0),
        "{stdout}{}",
        String::from_utf8_lossy(&first.stderr)
    );
    assert!(stdout.contains("2 submitted"), "{stdout}");
    assert!(!stdout.contains("secret-pass-42"));
    let mut receiver = Command::new(env!("CARGO_BIN_EXE_kurso"))
        .args([
            "etranslation-receiver",
            "--listen",
            &format!("127.0.0.1:{port}"),
        ])
        .current_dir(project.root())
        .spawn()
        .expect("start the receiver");
    let client = reqwest::Client::new();
    let url = format!("http://127.0.0.1:{port}/cb");
    let pending = project.read(".kurso/mt-pending.jsonl");
    for line in pending.lines() {
        let item: Value = serde_json::from_str(line).expect("pending JSON");
        let reference = item["reference"].as_str().expect("reference").to_owned();
        let masked = item["entry"]["masked"].as_str().expect("masked").to_owned();
        let translated = format!("LT[{masked}]");
        let mut answered = None;
        for _ in 0..100 {
            match client
                .post(&url)
                .form(&[
                    ("request-id", "987654"),
                    ("target-language", "LT"),
                    ("translated-text", translated.as_str()),
                    ("external-reference", reference.as_str()),
                ])
                .send()
                .await
            {
                Ok(response) => {
                    answered = Some(response.status().as_u16());
                    break;
                }
                Err(_) => tokio::time::sleep(std::time::Duration::from_millis(50)).await,
            }
        }
        assert_eq!(answered, Some(200));
    }
    let _ = receiver.kill();
    let _ = receiver.wait();
    let sent_before = server.received_requests().await.expect("recorded").len();
    let second = run(&["translate", "--to", "lt"]).await.expect("join");
    assert_eq!(
        second.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&second.stderr)
    );
    assert_eq!(
        server.received_requests().await.expect("recorded").len(),
        sent_before,
        "nothing is sent twice"
    );
    let lt = project.read("locales/lt/c/01-a.ftl");
    assert!(lt.contains("a-p1 = LT[Check the dose twice.]"), "{lt}");
    assert!(lt.contains("a-p2 = LT[Call the `on-call` nurse.]"), "{lt}");
}

/// An OpenAI-compatible chat endpoint: translates the JSON it is sent as `LT:<text>`, and
/// writes plural variants for the categories a plural prompt asks for.
struct Chat;

impl Respond for Chat {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let body: Value = serde_json::from_slice(&request.body).unwrap_or(Value::Null);
        let messages = body["messages"].as_array().cloned().unwrap_or_default();
        let system = messages
            .first()
            .and_then(|m| m["content"].as_str())
            .unwrap_or_default()
            .to_owned();
        let user: Value = messages
            .iter()
            .rev()
            .find(|m| m["role"] == "user")
            .and_then(|m| m["content"].as_str())
            .and_then(|c| serde_json::from_str(c).ok())
            .unwrap_or(Value::Null);
        let mut answer = serde_json::Map::new();
        if system.starts_with("You write plural variants") {
            let list = system
                .rsplit(": ")
                .next()
                .unwrap_or_default()
                .trim_end_matches('.');
            let template = user["other"].as_str().unwrap_or_default();
            for category in list.split(", ") {
                answer.insert(
                    category.to_owned(),
                    json!(format!("LT-{category}:{template}")),
                );
            }
        } else if let Some(map) = user.as_object() {
            for (key, value) in map {
                answer.insert(
                    key.clone(),
                    json!(format!("LT:{}", value.as_str().unwrap_or_default())),
                );
            }
        }
        ResponseTemplate::new(200).set_body_json(json!({
            "choices": [{"index": 0, "finish_reason": "stop",
                         "message": {"role": "assistant", "content": Value::Object(answer).to_string()}}]
        }))
    }
}

/// Variants of a select are sent one by one and come back as a select; an LLM fills the
/// Lithuanian plural categories English lacks, and the draft passes the plural check.
#[tokio::test(flavor = "multi_thread")]
async fn select_variants_are_translated_and_an_llm_fills_lithuanian_plurals() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v1/chat/completions"))
        .respond_with(Chat)
        .mount(&server)
        .await;
    let project = TestProject::new()
        .file(
            "kurso.toml",
            &format!(
                "target-locales = [\"lt\"]\n[mt]\nprovider = \"openai\"\n[mt.openai]\nbase-url = \"{}\"\nmodel = \"test-model\"\n",
                server.uri()
            ),
        )
        .file(
            "locales/en/c/01-a.ftl",
            "a-alerts =\n    { $count ->\n        [one] You have { $count } new alert.\n       *[other] You have { $count } new alerts.\n    }\n",
        );
    let root = project.root().to_path_buf();
    let output = tokio::task::spawn_blocking(move || {
        Command::new(env!("CARGO_BIN_EXE_kurso"))
            .args(["translate", "--to", "lt"])
            .env("OPENAI_API_KEY", "sk-test-5521")
            .current_dir(root)
            .output()
            .expect("run")
    })
    .await
    .expect("join");
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    let lt = project.read("locales/lt/c/01-a.ftl");
    for expected in [
        "{ $count ->",
        "[one] LT:You have { $count } new alert.",
        "[few] LT-few:You have { $count } new alerts.",
        "[many] LT-many:You have { $count } new alerts.",
        "*[other] LT:You have { $count } new alerts.",
    ] {
        assert!(lt.contains(expected), "{expected}\n{lt}");
    }
    let rules = check_rules(&project, "lt");
    let rules: Vec<&str> = rules.iter().map(String::as_str).collect();
    assert!(
        !rules.contains(&"plurals") && !rules.contains(&"syntax") && !rules.contains(&"variables"),
        "{rules:?}\n{lt}"
    );
}

/// A regional locale translated together with its language gets no drafts of its own: it
/// shows the language's draft (one bill, not two); alone, it gets its own.
#[tokio::test(flavor = "multi_thread")]
async fn a_regional_locale_does_not_pay_twice_for_what_its_language_gets() {
    let server = server(false).await;
    let project = project(&server);
    project.write(
        "kurso.toml",
        &format!(
            "target-locales = [\"el\", \"el-CY\"]\n[mt]\nprovider = \"deepl\"\n[mt.deepl]\nbase-url = \"{}\"\n",
            server.uri()
        ),
    );
    let run = kurso(
        &server,
        &project,
        &["translate", "--to", "el", "--to", "el-CY"],
    )
    .await;
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("el: 3 drafts"), "{}", run.stdout);
    assert!(run.stdout.contains("el-CY: 0 drafts"), "{}", run.stdout);
    assert!(!project.exists("locales/el-CY/c/01-a.ftl"));
    // Alone, with nothing in el, el-CY gets its own drafts.
    project.write("locales/en/c/02-b.ftl", "b-p1 = Wash your hands.\n");
    std::fs::remove_dir_all(project.root().join("locales/el")).expect("remove el");
    let alone = kurso(&server, &project, &["translate", "--to", "el-CY"]).await;
    assert!(alone.stdout.contains("el-CY: 4 drafts"), "{}", alone.stdout);
}

/// The memory provider reuses a current human translation of the same English elsewhere,
/// offline; what it has no match for is listed, the rest is still drafted.
#[test]
fn memory_reuses_existing_translations_and_lists_what_it_cannot() {
    let project = TestProject::new()
        .file(
            "locales/en/c/01-a.ftl",
            "a-p1 = Wash your hands before and after.\n",
        )
        .file(
            "locales/it/c/01-a.ftl",
            "a-p1 = Lavarsi le mani prima e dopo.\n",
        )
        .file(
            "locales/en/c/02-b.ftl",
            "b-p1 = Wash your hands before and after.\n\nb-p2 = Record the dose given.\n",
        );
    project.run_ok(&["accept", "it", "--all"]);
    let run = project.run(&["translate", "--provider", "memory", "--to", "it"]);
    assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("it: 1 draft written"), "{}", run.stdout);
    assert!(run.stdout.contains("not translated b-p2"), "{}", run.stdout);
    let it = project.read("locales/it/c/02-b.ftl");
    assert_eq!(it, "b-p1 = Lavarsi le mani prima e dopo.\n");
    assert!(
        project
            .read("locales/it/c/02-b.state.toml")
            .contains("origin = \"memory\"")
    );
}
