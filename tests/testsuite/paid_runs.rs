//! Paid runs fail fast and say why: `kurso translate` end to end against HTTP servers on
//! 127.0.0.1 speaking each provider's documented wire format (DeepL requests are validated
//! against `../shared/corpora/specs/deepl-openapi.yaml`). A rejected key stops at the first
//! request, a 429 or a 503 with `Retry-After` holds every request until the window ends, a
//! spent quota exits as documented, identical texts are paid for once, a refused draft can
//! be asked for again, and a run without `--to` translates only the commissioned locales.

use std::process::Command;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use wiremock::matchers::{any, method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

use crate::support::{Run, TestProject};

const KEY: &str = "paid-run-key-5d81e0:fx";

/// A DeepL `/v2/translate` stand-in: answers from `script` first (one template per request,
/// in order), then translates every text as `XX[text]`; records when each request arrived.
#[derive(Clone, Default)]
struct Deepl {
    script: Arc<Mutex<Vec<ResponseTemplate>>>,
    arrivals: Arc<Mutex<Vec<Instant>>>,
    /// Drop this placeholder from translations (a draft that fails verification).
    drop_placeholder: Option<&'static str>,
}

impl Deepl {
    fn scripted(script: Vec<ResponseTemplate>) -> Deepl {
        Deepl {
            script: Arc::new(Mutex::new(script.into_iter().rev().collect())),
            ..Deepl::default()
        }
    }

    fn arrivals(&self) -> Vec<Instant> {
        self.arrivals.lock().expect("lock").clone()
    }
}

impl Respond for Deepl {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        self.arrivals.lock().expect("lock").push(Instant::now());
        if let Some(answer) = self.script.lock().expect("lock").pop() {
            return answer;
        }
        let body: Value = serde_json::from_slice(&request.body).unwrap_or(Value::Null);
        let target = body["target_lang"].as_str().unwrap_or("XX").to_owned();
        let translations: Vec<Value> = body["text"]
            .as_array()
            .cloned()
            .unwrap_or_default()
            .iter()
            .map(|text| {
                let mut text = text.as_str().unwrap_or_default().to_owned();
                if let Some(dropped) = self.drop_placeholder {
                    text = text.replace(dropped, "");
                }
                json!({"detected_source_language": "EN", "text": format!("{target}[{text}]")})
            })
            .collect();
        ResponseTemplate::new(200).set_body_json(json!({ "translations": translations }))
    }
}

async fn deepl_server(responder: Deepl) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v2/translate"))
        .respond_with(responder)
        .mount(&server)
        .await;
    server
}

/// `n` distinct messages with a placeable each, so every draft is verified for real.
fn english(n: usize) -> String {
    (0..n)
        .map(|i| format!("m{i} = Give {i} mg to {{ $patient }} and check the chart.\n"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// A project translated with DeepL at `server`: target locales el, it and fi, `extra` in
/// `[mt.deepl]`, `n` messages in one English file.
fn deepl_project(server: &MockServer, extra: &str, n: usize) -> TestProject {
    TestProject::new()
        .file(
            "kurso.toml",
            &format!(
                "target-locales = [\"el\", \"it\", \"fi\"]\n[mt]\nprovider = \"deepl\"\n[mt.deepl]\nbase-url = \"{}\"\n{extra}",
                server.uri()
            ),
        )
        .file("locales/en/c/01-a.ftl", &english(n))
}

/// Runs kurso off the async runtime (the mock server lives on it) with `env` set and every
/// provider key variable cleared first.
async fn kurso(project: &TestProject, args: &[&str], env: &[(&str, &str)]) -> Run {
    let root = project.root().to_path_buf();
    let args: Vec<String> = args.iter().map(|a| (*a).to_owned()).collect();
    let env: Vec<(String, String)> = env
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    tokio::task::spawn_blocking(move || {
        let mut command = Command::new(env!("CARGO_BIN_EXE_kurso"));
        for (_, var) in KEY_VARS {
            command.env_remove(var);
        }
        let output = command
            .args(&args)
            .envs(env)
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
    .expect("join")
}

const KEY_VARS: &[(&str, &str)] = &[
    ("deepl", "DEEPL_API_KEY"),
    ("google", "GOOGLE_TRANSLATE_API_KEY"),
    ("azure", "AZURE_TRANSLATOR_KEY"),
    ("libretranslate", "LIBRETRANSLATE_API_KEY"),
    ("openai", "OPENAI_API_KEY"),
    ("etranslation", "ETRANSLATION_PASSWORD"),
];

fn with_key() -> [(&'static str, &'static str); 1] {
    [("DEEPL_API_KEY", KEY)]
}

/// Texts the DeepL stand-in received, in order of arrival.
async fn texts_received(server: &MockServer) -> Vec<String> {
    server
        .received_requests()
        .await
        .expect("recorded")
        .iter()
        .filter_map(|r| serde_json::from_slice::<Value>(&r.body).ok())
        .flat_map(|body| {
            body["text"]
                .as_array()
                .cloned()
                .unwrap_or_default()
                .into_iter()
                .filter_map(|t| t.as_str().map(str::to_owned))
        })
        .collect()
}

fn assert_no_key(run: &Run, key: &str) {
    assert!(
        !run.stdout.contains(key) && !run.stderr.contains(key),
        "the key leaked:\n{}{}",
        run.stdout,
        run.stderr
    );
}

// --- 1. A rejected key ---------------------------------------------------------------------

#[tokio::test(flavor = "multi_thread")]
async fn a_rejected_deepl_key_stops_at_the_first_request_and_names_the_variable() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(
            ResponseTemplate::new(403)
                .set_body_json(json!({"message": format!("Wrong key {KEY}")})),
        )
        .mount(&server)
        .await;
    // Three locales of 120 messages: 9 batches of at most 50 texts, 4 requests at a time.
    let project = deepl_project(&server, "", 120);
    let run = kurso(
        &project,
        &["translate", "--to", "el", "--to", "it", "--to", "fi"],
        &with_key(),
    )
    .await;
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert_eq!(
        server.received_requests().await.expect("recorded").len(),
        1,
        "nothing is sent after the key is rejected"
    );
    assert_eq!(run.stdout, "", "no report per locale or per message");
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "one line: {}", run.stderr);
    assert!(
        lines[0].contains("rejected") && lines[0].contains("DEEPL_API_KEY"),
        "{}",
        lines[0]
    );
    assert_no_key(&run, KEY);
    assert!(!project.exists("locales/el/c/01-a.ftl"));
    crate::deepl::assert_conforming(&server, KEY).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_rejected_key_from_the_key_file_names_the_file_and_its_entry() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(403).set_body_json(json!({"message": "Forbidden"})))
        .mount(&server)
        .await;
    let project = deepl_project(&server, "", 3);
    let keys = tempfile::tempdir().expect("temp dir");
    let key_file = keys.path().join("keys.toml");
    std::fs::write(&key_file, format!("deepl = \"{KEY}\"\n")).expect("write keys");
    let toml = project.read("kurso.toml").replacen(
        "[mt]\n",
        &format!("[mt]\nkey-file = {:?}\n", key_file.display().to_string()),
        1,
    );
    project.write("kurso.toml", &toml);
    let run = kurso(&project, &["translate", "--to", "fi"], &[]).await;
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    let lines: Vec<&str> = run.stderr.lines().collect();
    assert_eq!(lines.len(), 1, "{}", run.stderr);
    assert!(
        lines[0].contains(&key_file.display().to_string()) && lines[0].contains("`deepl`"),
        "{}",
        lines[0]
    );
    assert_no_key(&run, KEY);
    assert_eq!(server.received_requests().await.expect("recorded").len(), 1);
}

#[tokio::test(flavor = "multi_thread")]
async fn usage_with_a_rejected_key_says_where_the_key_was_read() {
    let server = MockServer::start().await;
    Mock::given(any())
        .respond_with(ResponseTemplate::new(403).set_body_json(json!({"message": "Forbidden"})))
        .mount(&server)
        .await;
    let project = deepl_project(&server, "", 1);
    let run = kurso(&project, &["usage"], &with_key()).await;
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.trim().lines().count() == 1
            && run.stderr.contains("rejected")
            && run.stderr.contains("DEEPL_API_KEY"),
        "{}",
        run.stderr
    );
    assert_no_key(&run, KEY);
    crate::deepl::assert_conforming(&server, KEY).await;
}

/// `(provider, [mt.<provider>] settings, environment variable)` for every provider with a key.
fn keyed_providers(base: &str) -> Vec<(&'static str, String, &'static str)> {
    vec![
        (
            "google",
            format!("base-url = \"{base}\"\n"),
            "GOOGLE_TRANSLATE_API_KEY",
        ),
        (
            "azure",
            format!("base-url = \"{base}\"\nregion = \"westeurope\"\n"),
            "AZURE_TRANSLATOR_KEY",
        ),
        (
            "libretranslate",
            format!("base-url = \"{base}\"\n"),
            "LIBRETRANSLATE_API_KEY",
        ),
        (
            "openai",
            format!("base-url = \"{base}\"\nmodel = \"gpt-test\"\n"),
            "OPENAI_API_KEY",
        ),
        (
            "etranslation",
            format!(
                "base-url = \"{base}/etranslation/si\"\napplication = \"kurso-test\"\ncallback-url = \"http://127.0.0.1:9/cb\"\n"
            ),
            "ETRANSLATION_PASSWORD",
        ),
    ]
}

#[tokio::test(flavor = "multi_thread")]
async fn every_keyed_provider_stops_at_a_rejected_key() {
    let challenge = "Digest realm=\"eTranslation\", qop=\"auth\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c0\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\", algorithm=MD5";
    let secret = "sk-paid-run-secret-77";
    let server = MockServer::start().await;
    for (name, settings, var) in keyed_providers(&server.uri()) {
        server.reset().await;
        Mock::given(any())
            .respond_with(
                ResponseTemplate::new(401)
                    .insert_header("WWW-Authenticate", challenge)
                    .set_body_json(json!({"error": {"code": 401, "message": "invalid key"}})),
            )
            .mount(&server)
            .await;
        let project = TestProject::new()
            .file(
                "kurso.toml",
                &format!(
                    "target-locales = [\"el\", \"it\", \"fi\"]\n[mt]\nprovider = \"{name}\"\n[mt.{name}]\n{settings}"
                ),
            )
            .file("locales/en/c/01-a.ftl", &english(6));
        let run = kurso(
            &project,
            &["translate", "--to", "el", "--to", "it", "--to", "fi"],
            &[(var, secret)],
        )
        .await;
        assert_eq!(run.code, 2, "{name}: {}{}", run.stdout, run.stderr);
        // eTranslation answers the first request with a Digest challenge: one request, two
        // HTTP exchanges.
        let expected = if name == "etranslation" { 2 } else { 1 };
        assert_eq!(
            server.received_requests().await.expect("recorded").len(),
            expected,
            "{name}: nothing is sent after the key is rejected"
        );
        let lines: Vec<&str> = run.stderr.lines().collect();
        assert_eq!(lines.len(), 1, "{name}: {}", run.stderr);
        assert!(
            lines[0].contains("rejected") && lines[0].contains(var),
            "{name}: {}",
            lines[0]
        );
        assert_no_key(&run, secret);
    }
}

// --- 2 and 3. Rate limits, Retry-After, quota ------------------------------------------------

/// Asserts no request arrived within `window` after the first (which was answered with a
/// `Retry-After` for that window).
#[track_caller]
fn assert_held(arrivals: &[Instant], window: Duration) {
    let (first, rest) = arrivals.split_first().expect("a first request");
    assert!(!rest.is_empty(), "the run went on after the window");
    for (i, at) in rest.iter().enumerate() {
        let after = at.duration_since(*first);
        assert!(
            after >= window,
            "request {} was sent {after:?} after the answer that said wait {window:?}",
            i + 2
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_429_with_retry_after_holds_every_request_without_a_rate_set() {
    let responder = Deepl::scripted(vec![
        ResponseTemplate::new(429)
            .insert_header("Retry-After", "2")
            .set_body_json(json!({"message": "Too many requests"})),
    ]);
    let server = deepl_server(responder.clone()).await;
    // 200 messages: 4 batches per locale, 12 in all, 4 at a time; no requests-per-second.
    let project = deepl_project(&server, "", 200);
    let run = kurso(
        &project,
        &["translate", "--to", "el", "--to", "it", "--to", "fi"],
        &with_key(),
    )
    .await;
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_held(&responder.arrivals(), Duration::from_secs(2));
    assert_eq!(responder.arrivals().len(), 13, "12 batches and one retry");
    crate::deepl::assert_conforming(&server, KEY).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_503_with_retry_after_in_seconds_is_honoured() {
    let responder = Deepl::scripted(vec![
        ResponseTemplate::new(503)
            .insert_header("Retry-After", "2")
            .set_body_json(json!({"message": "Service unavailable"})),
    ]);
    let server = deepl_server(responder.clone()).await;
    // 120 messages: 3 batches; the service is away for all of them, not only the first.
    let project = deepl_project(&server, "", 120);
    let run = kurso(&project, &["translate", "--to", "fi"], &with_key()).await;
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_held(&responder.arrivals(), Duration::from_secs(2));
    assert_eq!(responder.arrivals().len(), 4, "3 batches and one retry");
    crate::deepl::assert_conforming(&server, KEY).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_503_with_retry_after_as_an_http_date_is_honoured() {
    // Three seconds from now, to the second: at least two seconds of waiting.
    let date = httpdate::fmt_http_date(std::time::SystemTime::now() + Duration::from_secs(3));
    let responder = Deepl::scripted(vec![
        ResponseTemplate::new(503)
            .insert_header("Retry-After", date.as_str())
            .set_body_json(json!({"message": "Service unavailable"})),
    ]);
    let server = deepl_server(responder.clone()).await;
    let project = deepl_project(&server, "", 3);
    let run = kurso(&project, &["translate", "--to", "fi"], &with_key()).await;
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert_held(&responder.arrivals(), Duration::from_secs(2));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_quota_spent_before_anything_arrived_exits_2_after_one_request() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v2/translate"))
        .respond_with(
            ResponseTemplate::new(456).set_body_json(json!({"message": "Quota exceeded"})),
        )
        .mount(&server)
        .await;
    let project = deepl_project(&server, "", 120);
    let run = kurso(
        &project,
        &["translate", "--to", "el", "--to", "it", "--to", "fi"],
        &with_key(),
    )
    .await;
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(run.stderr.contains("quota is used up"), "{}", run.stderr);
    assert_eq!(server.received_requests().await.expect("recorded").len(), 1);
    crate::deepl::assert_conforming(&server, KEY).await;
}

// --- 4. `--to el lt hu`, `--dry-run` without a key ----------------------------------------

#[tokio::test(flavor = "multi_thread")]
async fn to_takes_several_locales_after_one_flag() {
    let server = deepl_server(Deepl::default()).await;
    let project = deepl_project(&server, "", 2);
    let run = kurso(
        &project,
        &["translate", "--to", "el", "it", "fi"],
        &with_key(),
    )
    .await;
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    for locale in ["el", "it", "fi"] {
        assert!(
            run.stdout.contains(&format!("{locale}: 2 drafts written")),
            "{}",
            run.stdout
        );
    }
    crate::deepl::assert_conforming(&server, KEY).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn dry_run_needs_no_key() {
    let server = deepl_server(Deepl::default()).await;
    let project = deepl_project(&server, "", 2);
    let run = kurso(&project, &["translate", "--to", "fi", "--dry-run"], &[]).await;
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout.contains("fi: 2 messages, 2 segments with deepl"),
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
}

// --- 5. Identical texts are paid for once --------------------------------------------------

#[tokio::test(flavor = "multi_thread")]
async fn identical_texts_are_sent_once_and_every_message_gets_the_answer() {
    let server = deepl_server(Deepl::default()).await;
    let repeated = "Wash your hands before and after every patient contact.";
    let project = deepl_project(&server, "", 0)
        .file(
            "locales/en/c/01-a.ftl",
            &format!("a-p1 = {repeated}\n\na-p2 = Check the chart.\n\na-p3 = {repeated}\n"),
        )
        .file(
            "locales/en/c/02-b.ftl",
            &format!("b-p1 = {repeated}\n\nb-p2 = Check the chart.\n"),
        );
    let run = kurso(
        &project,
        &["translate", "--to", "fi", "--to", "it"],
        &with_key(),
    )
    .await;
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    let mut texts = texts_received(&server).await;
    texts.sort();
    assert_eq!(
        texts,
        ["Check the chart.", "Check the chart.", repeated, repeated],
        "each distinct text once per target language"
    );
    for locale in ["fi", "it"] {
        let first = project.read(&format!("locales/{locale}/c/01-a.ftl"));
        let second = project.read(&format!("locales/{locale}/c/02-b.ftl"));
        let code = locale.to_uppercase();
        for (file, id) in [(&first, "a-p1"), (&first, "a-p3"), (&second, "b-p1")] {
            assert!(
                file.contains(&format!("{id} = {code}[{repeated}]")),
                "{id} in {locale}: {file}"
            );
        }
    }
    crate::deepl::assert_conforming(&server, KEY).await;
}

// --- 6. A refused draft can be asked for again ----------------------------------------------

#[tokio::test(flavor = "multi_thread")]
async fn a_refused_draft_is_asked_for_again_with_retry_refused_and_only_it() {
    let breaking = Deepl {
        drop_placeholder: Some("<x id=\"1\"/>"),
        ..Deepl::default()
    };
    let server = deepl_server(breaking).await;
    let project = deepl_project(&server, "", 0).file(
        "locales/en/c/01-a.ftl",
        "a-p1 = Give 5 mg to { $patient }.\n\na-p2 = Check the chart.\n",
    );
    let first = kurso(&project, &["translate", "--to", "fi"], &with_key()).await;
    assert_eq!(first.code, 1, "{}{}", first.stdout, first.stderr);
    assert!(first.stdout.contains("refused a-p1"), "{}", first.stdout);
    assert!(first.stdout.contains("--retry-refused"), "{}", first.stdout);
    // The provider does better now. A plain run replays the journal: nothing is paid and
    // the draft is refused again.
    server.reset().await;
    Mock::given(method("POST"))
        .and(path("/v2/translate"))
        .respond_with(Deepl::default())
        .mount(&server)
        .await;
    let replay = kurso(&project, &["translate", "--to", "fi"], &with_key()).await;
    assert_eq!(replay.code, 1, "{}{}", replay.stdout, replay.stderr);
    assert!(
        texts_received(&server).await.is_empty(),
        "replayed, not paid"
    );
    let retry = kurso(
        &project,
        &["translate", "--to", "fi", "--retry-refused"],
        &with_key(),
    )
    .await;
    assert_eq!(retry.code, 0, "{}{}", retry.stdout, retry.stderr);
    assert_eq!(
        texts_received(&server).await,
        ["Give 5 mg to <x id=\"1\"/>."],
        "only the refused message is asked for again"
    );
    let fi = project.read("locales/fi/c/01-a.ftl");
    assert!(fi.contains("a-p1 = FI[Give 5 mg to { $patient }.]"), "{fi}");
    assert!(fi.contains("a-p2 = FI[Check the chart.]"), "{fi}");
    crate::deepl::assert_conforming(&server, KEY).await;
}

// --- 7. Only commissioned locales without `--to` ---------------------------------------------

fn pseudo_project(mt: &str) -> TestProject {
    TestProject::new()
        .file(
            "kurso.toml",
            &format!("target-locales = [\"el\", \"it\", \"fi\"]\n{mt}"),
        )
        .file("locales/en/c/01-a.ftl", "a-p1 = Check the chart.\n")
}

#[test]
fn without_to_only_the_commissioned_locales_are_translated() {
    let project = pseudo_project("[mt]\nlocales = [\"it\"]\n");
    let run = project.run_ok(&["translate"]);
    assert!(run.stdout.contains("it: 1 draft written"), "{}", run.stdout);
    assert!(project.exists("locales/it/c/01-a.ftl"));
    assert!(!project.exists("locales/el") && !project.exists("locales/fi"));
    let config = project.run_ok(&["config"]);
    assert!(
        config.stdout.contains("locales = [\"it\"]"),
        "{}",
        config.stdout
    );
}

#[test]
fn without_the_setting_only_started_locales_are_translated() {
    let project = pseudo_project("").file("locales/el/c/00-started.ftl", "");
    let run = project.run_ok(&["translate"]);
    assert!(run.stdout.contains("el: 1 draft written"), "{}", run.stdout);
    assert!(!project.exists("locales/it") && !project.exists("locales/fi"));
    let config = project.run_ok(&["config"]);
    assert!(
        config.stdout.contains("# [mt] locales is not set") && config.stdout.contains("el"),
        "{}",
        config.stdout
    );
}

#[test]
fn a_commissioned_locale_must_be_a_target_locale() {
    let project = pseudo_project("[mt]\nlocales = [\"it\", \"pt\"]\n");
    let run = project.run(&["translate"]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains("kurso.toml:3:19") && run.stderr.contains("`pt`"),
        "{}",
        run.stderr
    );
}

#[test]
fn nothing_commissioned_and_nothing_started_is_a_clear_error() {
    let project = pseudo_project("");
    let run = project.run(&["translate"]);
    assert_eq!(run.code, 2, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stderr.contains("no locale to translate") && run.stderr.contains("--to"),
        "{}",
        run.stderr
    );
    assert!(!project.exists("locales/el"));
}
