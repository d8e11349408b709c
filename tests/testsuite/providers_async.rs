//! The `OpenAI`-compatible chat provider and eTranslation against real HTTP servers on
//! 127.0.0.1: wiremock for the services, and kurso's own callback receiver on a real port.
//!
//! `OpenAI`: the request (model, messages, JSON mode, temperature, prompt with glossary and
//! plural categories), the answer keyed by ID, every way an answer can be incomplete, HTTP
//! faults, and plural variants. eTranslation: the Digest challenge and answer, the
//! documented body, error codes, and the loopback round trip: submit, then post the
//! callbacks eTranslation would send to the receiver, which hands them to the sink. Neither
//! the key nor the password ever reaches a URL, an error or `Debug` output.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use kurso::mt::config::{ProviderSettings, RemoteConfig};
use kurso::mt::providers::etranslation::{self, CallbackSink, Etranslation, MAX_SNIPPET_CHARS};
use kurso::mt::providers::openai::OpenAi;
use kurso::mt::{Batch, PairGlossary, Provider, ProviderError, Reply, Secret, TermPair};
use serde_json::{Value, json};
use wiremock::matchers::{header, header_exists, method, path};
use wiremock::{Mock, MockServer, Request, ResponseTemplate};

const KEY: &str = "sk-Sup3r-s3cret-k3y";
const PASSWORD: &str = "Pa55-w0rd-s3cret";
const APPLICATION: &str = "Kurso_Test_2024";
const CHAT_PATH: &str = "/v1/chat/completions";
const TRANSLATE_PATH: &str = "/etranslation/si/translate";

fn batch(texts: &[&str]) -> Batch {
    Batch {
        source_lang: "en".to_owned(),
        target_lang: "lt".to_owned(),
        ids: (1..=texts.len()).map(|idx| format!("msg-{idx}")).collect(),
        texts: texts.iter().map(|text| (*text).to_owned()).collect(),
        context: None,
        glossary: Arc::new(PairGlossary::default()),
        plural_categories: vec!["one", "few", "many", "other"],
        formality: None,
    }
}

fn openai(base: &str, timeout: Duration) -> OpenAi {
    OpenAi::new(RemoteConfig {
        key: Some(Secret::new(KEY)),
        settings: ProviderSettings {
            base_url: Some(base.to_owned()),
            model: Some("gpt-test".to_owned()),
            timeout_seconds: Some(timeout.into()),
            ..ProviderSettings::default()
        },
    })
    .expect("valid OpenAI config")
}

/// A chat completion whose first choice says `content`.
fn chat(content: &str, finish_reason: &str) -> ResponseTemplate {
    ResponseTemplate::new(200).set_body_json(json!({
        "id": "chatcmpl-1",
        "object": "chat.completion",
        "model": "gpt-test",
        "choices": [{
            "index": 0,
            "message": {"role": "assistant", "content": content},
            "finish_reason": finish_reason
        }],
        "usage": {"prompt_tokens": 10, "completion_tokens": 5, "total_tokens": 15}
    }))
}

async fn openai_server(response: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(CHAT_PATH))
        .respond_with(response)
        .mount(&server)
        .await;
    server
}

async fn openai_fault(response: ResponseTemplate) -> ProviderError {
    let server = openai_server(response).await;
    openai(&server.uri(), Duration::from_secs(5))
        .translate(&batch(&["One dose.", "Two doses."]))
        .await
        .expect_err("a fault")
}

async fn sent_json(server: &MockServer) -> Vec<Value> {
    server
        .received_requests()
        .await
        .expect("recorded")
        .iter()
        .map(|request| serde_json::from_slice(&request.body).expect("JSON request"))
        .collect()
}

#[tokio::test]
async fn openai_sends_model_json_mode_and_a_prompt_with_glossary_and_plurals() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(CHAT_PATH))
        .and(header("authorization", format!("Bearer {KEY}").as_str()))
        .respond_with(chat(
            r#"{"msg-2": "Suleiskite <x id=\"1\"/> 2,5 mg.", "msg-1": "Patikrinkite dozę."}"#,
            "stop",
        ))
        .expect(1)
        .mount(&server)
        .await;
    let mut batch = batch(&["Check the dose.", "Inject <x id=\"1\"/> 2.5 mg."]);
    batch.context = Some("Module 3: Insulin".to_owned());
    batch.glossary = Arc::new(PairGlossary {
        terms: vec![TermPair {
            source: "dose".to_owned(),
            target: "dozė".to_owned(),
        }],
        version: "v1".to_owned(),
    });
    let reply = openai(&server.uri(), Duration::from_secs(5))
        .translate(&batch)
        .await
        .expect("translated");
    assert_eq!(
        reply,
        Reply::Done(vec![
            "Patikrinkite dozę.".to_owned(),
            "Suleiskite <x id=\"1\"/> 2,5 mg.".to_owned(),
        ])
    );
    let body = &sent_json(&server).await[0];
    assert_eq!(body["model"], "gpt-test");
    assert_eq!(body["temperature"], 0.0);
    assert_eq!(body["response_format"], json!({"type": "json_object"}));
    let messages = body["messages"].as_array().expect("messages");
    assert_eq!(messages.len(), 3);
    assert_eq!(messages[0]["role"], "system");
    let prompt = messages[0]["content"].as_str().expect("prompt");
    for fragment in [
        "medical training course from en to lt",
        "health professionals",
        "<x id=\"1\"/>",
        "<g id=\"2\">",
        "numbers, doses and units",
        "dose → dozė",
        "CLDR plural categories of lt are: one, few, many, other",
        "ONLY with a JSON object",
    ] {
        assert!(prompt.contains(fragment), "`{fragment}` not in {prompt}");
    }
    assert_eq!(messages[1]["role"], "system");
    assert!(
        messages[1]["content"]
            .as_str()
            .expect("context")
            .contains("Module 3: Insulin")
    );
    assert_eq!(messages[2]["role"], "user");
    let user: Value =
        serde_json::from_str(messages[2]["content"].as_str().expect("user")).expect("JSON");
    assert_eq!(
        user,
        json!({"msg-1": "Check the dose.", "msg-2": "Inject <x id=\"1\"/> 2.5 mg."})
    );
}

#[tokio::test]
async fn openai_keys_repeated_ids_apart() {
    let server = openai_server(chat(r#"{"a": "Vienas", "a#2": "Du"}"#, "stop")).await;
    let mut batch = batch(&["One", "Two"]);
    batch.ids = vec!["a".to_owned(), "a".to_owned()];
    let reply = openai(&server.uri(), Duration::from_secs(5))
        .translate(&batch)
        .await
        .expect("translated");
    assert_eq!(
        reply,
        Reply::Done(vec!["Vienas".to_owned(), "Du".to_owned()])
    );
}

#[tokio::test]
async fn openai_missing_extra_or_non_string_ids_are_malformed() {
    for (content, fragment) in [
        (r#"{"msg-1": "Viena dozė."}"#, "lacks `msg-2`"),
        (
            r#"{"msg-1": "Viena.", "msg-2": "Dvi.", "msg-3": "Trys."}"#,
            "not asked for: `msg-3`",
        ),
        (
            r#"{"msg-1": "Viena.", "msg-2": ["Dvi."]}"#,
            "`msg-2` is not a string",
        ),
        (r#"["Viena.", "Dvi."]"#, "not a JSON object"),
        ("Here is the translation: Viena dozė.", "not valid JSON"),
    ] {
        let err = openai_fault(chat(content, "stop")).await;
        let ProviderError::Malformed(message) = &err else {
            panic!("{content}: {err:?}");
        };
        assert!(message.contains(fragment), "{content}: {message}");
        assert!(err.is_retryable());
    }
}

#[tokio::test]
async fn openai_answer_cut_at_the_token_limit_is_malformed() {
    // Even a complete-looking object is refused when the model says it was cut off.
    for content in [
        r#"{"msg-1": "Viena dozė.", "msg-2": "Dv"#,
        r#"{"msg-1": "a", "msg-2": "b"}"#,
    ] {
        let err = openai_fault(chat(content, "length")).await;
        let ProviderError::Malformed(message) = &err else {
            panic!("{err:?}");
        };
        assert!(message.contains("token limit"), "{message}");
    }
}

#[tokio::test]
async fn openai_truncated_or_empty_answers_are_malformed() {
    let full =
        json!({"choices": [{"message": {"content": "{}"}, "finish_reason": "stop"}]}).to_string();
    for body in [
        &full[..full.len() / 2],
        "{\"choices\": []}",
        "<html>502</html>",
    ] {
        let err =
            openai_fault(ResponseTemplate::new(200).set_body_raw(body, "application/json")).await;
        assert!(
            matches!(err, ProviderError::Malformed(_)),
            "{body}: {err:?}"
        );
        assert!(err.is_retryable());
    }
    let no_content = ResponseTemplate::new(200).set_body_json(
        json!({"choices": [{"message": {"role": "assistant", "content": null}, "finish_reason": "stop"}]}),
    );
    assert!(matches!(
        openai_fault(no_content).await,
        ProviderError::Malformed(_)
    ));
}

#[tokio::test]
async fn openai_429_with_retry_after_is_rate_limited_unless_the_quota_is_gone() {
    let rate = ResponseTemplate::new(429)
        .insert_header("Retry-After", "7")
        .set_body_json(json!({"error": {"message": "Rate limit reached", "type": "requests", "code": "rate_limit_exceeded"}}));
    let err = openai_fault(rate).await;
    assert_eq!(
        err,
        ProviderError::RateLimited {
            retry_after: Some(Duration::from_secs(7))
        }
    );
    assert!(err.is_retryable());
    let quota = ResponseTemplate::new(429).set_body_json(json!({"error": {
        "message": "You exceeded your current quota, please check your plan and billing details.",
        "type": "insufficient_quota", "param": null, "code": "insufficient_quota"}}));
    let err = openai_fault(quota).await;
    assert_eq!(err, ProviderError::QuotaExceeded);
    assert!(!err.is_retryable());
}

#[tokio::test]
async fn openai_500_is_a_retryable_server_error() {
    let err = openai_fault(ResponseTemplate::new(500).set_body_string("upstream failed")).await;
    assert_eq!(
        err,
        ProviderError::Server {
            status: 500,
            body: "upstream failed".to_owned(),
            retry_after: None,
        }
    );
    assert!(err.is_retryable());
}

#[tokio::test]
async fn openai_401_is_not_retryable() {
    let err = openai_fault(ResponseTemplate::new(401).set_body_json(
        json!({"error": {"message": "Incorrect API key provided", "type": "invalid_request_error", "code": "invalid_api_key"}}),
    ))
    .await;
    assert!(
        matches!(err, ProviderError::KeyRejected { status: 401, .. }),
        "{err:?}"
    );
    assert!(!err.is_retryable() && err.stops_the_run());
}

#[tokio::test]
async fn openai_late_answer_is_a_timeout() {
    let server = openai_server(chat("{}", "stop").set_delay(Duration::from_secs(3))).await;
    let err = openai(&server.uri(), Duration::from_millis(200))
        .translate(&batch(&["One."]))
        .await
        .expect_err("late");
    assert_eq!(err, ProviderError::Timeout);
    assert!(err.is_retryable());
}

#[tokio::test]
async fn openai_fills_lithuanian_plural_variants_from_english() {
    let server = openai_server(chat(
        r#"{"one": "{ $n } dozė", "few": "{ $n } dozės", "many": "{ $n } dozės", "other": "{ $n } dozių"}"#,
        "stop",
    ))
    .await;
    let provider = openai(&server.uri(), Duration::from_secs(5));
    assert!(provider.fills_plural_variants());
    let english = BTreeMap::from([
        ("one".to_owned(), "{ $n } dose".to_owned()),
        ("other".to_owned(), "{ $n } doses".to_owned()),
    ]);
    let variants = provider
        .fill_plurals(&english, &["one", "few", "many", "other"], "lt")
        .await
        .expect("variants");
    assert_eq!(
        variants.keys().map(String::as_str).collect::<Vec<_>>(),
        ["few", "many", "one", "other"]
    );
    assert_eq!(variants["other"], "{ $n } dozių");
    let body = &sent_json(&server).await[0];
    assert_eq!(body["response_format"], json!({"type": "json_object"}));
    let prompt = body["messages"][0]["content"].as_str().expect("prompt");
    assert!(prompt.contains("lt"), "{prompt}");
    assert!(prompt.contains("one, few, many, other"), "{prompt}");
    let user: Value =
        serde_json::from_str(body["messages"][1]["content"].as_str().expect("user")).expect("JSON");
    assert_eq!(user, json!({"one": "{ $n } dose", "other": "{ $n } doses"}));
}

#[tokio::test]
async fn openai_plural_answer_missing_a_category_is_malformed() {
    let server = openai_server(chat(r#"{"one": "x", "other": "y"}"#, "stop")).await;
    let english = BTreeMap::from([("one".to_owned(), "dose".to_owned())]);
    let err = openai(&server.uri(), Duration::from_secs(5))
        .fill_plurals(&english, &["one", "few", "many", "other"], "lt")
        .await
        .expect_err("incomplete");
    let ProviderError::Malformed(message) = &err else {
        panic!("{err:?}");
    };
    assert!(message.contains("`few`"), "{message}");
}

// eTranslation.

fn etranslation(base: &str, callback_url: &str, timeout: Duration) -> Etranslation {
    Etranslation::new(RemoteConfig {
        key: Some(Secret::new(PASSWORD)),
        settings: ProviderSettings {
            application: Some(APPLICATION.to_owned()),
            username: Some("kurso-user".to_owned()),
            base_url: Some(format!("{base}/etranslation/si")),
            callback_url: Some(callback_url.to_owned()),
            timeout_seconds: Some(timeout.into()),
            ..ProviderSettings::default()
        },
    })
    .expect("valid eTranslation config")
}

/// The error eTranslation at `base` answers to one text within `timeout`.
async fn etranslation_error(base: &str, timeout: Duration) -> ProviderError {
    etranslation(base, "http://127.0.0.1:9/cb", timeout)
        .translate(&batch(&["One."]))
        .await
        .expect_err("a fault")
}

const CHALLENGE: &str = "Digest realm=\"eTranslation\", qop=\"auth\", nonce=\"dcd98b7102dd2f0e8b11d0f600bfb0c0\", opaque=\"5ccc069c403ebaf9f0171e9517f40e41\", algorithm=MD5";

/// An eTranslation endpoint that challenges requests without `Authorization` and answers
/// the others with `answer`.
async fn etranslation_server(answer: ResponseTemplate) -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(TRANSLATE_PATH))
        .and(header_exists("authorization"))
        .respond_with(answer)
        .with_priority(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(TRANSLATE_PATH))
        .respond_with(ResponseTemplate::new(401).insert_header("WWW-Authenticate", CHALLENGE))
        .with_priority(2)
        .mount(&server)
        .await;
    server
}

/// Checks the Digest answer against RFC 7616 (MD5, qop=auth), computed here by hand.
#[track_caller]
fn assert_valid_digest(request: &Request) {
    let authorization = request
        .headers
        .get("authorization")
        .expect("Authorization")
        .to_str()
        .expect("ASCII");
    assert!(!authorization.contains(PASSWORD), "{authorization}");
    let answer = digest_auth::AuthorizationHeader::parse(authorization).expect("a Digest answer");
    assert_eq!(answer.username, APPLICATION);
    assert_eq!(answer.realm, "eTranslation");
    assert_eq!(answer.nonce, "dcd98b7102dd2f0e8b11d0f600bfb0c0");
    assert_eq!(
        answer.opaque.as_deref(),
        Some("5ccc069c403ebaf9f0171e9517f40e41")
    );
    assert_eq!(answer.uri, TRANSLATE_PATH);
    let md5 = |text: String| {
        digest_auth::Algorithm::new(digest_auth::AlgorithmType::MD5, false).hash_str(&text)
    };
    let ha1 = md5(format!("{APPLICATION}:eTranslation:{PASSWORD}"));
    let ha2 = md5(format!("POST:{TRANSLATE_PATH}"));
    let cnonce = answer.cnonce.as_deref().expect("cnonce");
    let expected = md5(format!(
        "{ha1}:dcd98b7102dd2f0e8b11d0f600bfb0c0:{:08x}:{cnonce}:auth:{ha2}",
        answer.nc
    ));
    assert_eq!(answer.response, expected);
}

#[tokio::test]
async fn etranslation_answers_the_digest_challenge_and_submits_the_documented_body() {
    let server = etranslation_server(ResponseTemplate::new(200).set_body_string("4242")).await;
    let provider = etranslation(
        &server.uri(),
        "https://kurso.example/etranslation",
        Duration::from_secs(5),
    );
    let mut batch = batch(&["Check the dose <x id=\"1\"/>."]);
    batch.target_lang = "el-CY".to_owned();
    let submission = provider.submit(&batch).await.expect("submitted");
    assert_eq!(submission.request_id, 4242);
    let reference = &submission.external_reference;
    assert!(
        reference.starts_with("kurso-") && reference.len() == 38,
        "{reference}"
    );
    let requests = server.received_requests().await.expect("recorded");
    assert_eq!(requests.len(), 2, "challenge, then answer");
    assert!(!requests[0].headers.contains_key("authorization"));
    assert_valid_digest(&requests[1]);
    assert_eq!(requests[0].body, requests[1].body);
    let body: Value = serde_json::from_slice(&requests[1].body).expect("JSON");
    assert_eq!(
        body,
        json!({
            "externalReference": reference,
            "callerInformation": {"application": APPLICATION, "username": "kurso-user"},
            "textToTranslate": "Check the dose <x id=\"1\"/>.",
            "sourceLanguage": "EN",
            "targetLanguages": ["EL"],
            "requesterCallback": "https://kurso.example/etranslation",
            "errorCallback": "https://kurso.example/etranslation"
        })
    );
    let reply = provider.translate(&batch).await.expect("submitted");
    let Reply::Submitted { request_id } = reply else {
        panic!("{reply:?}");
    };
    assert!(request_id.starts_with("kurso-") && request_id != *reference);
}

#[tokio::test]
async fn etranslation_negative_answers_map_to_the_documented_codes() {
    for (answer, check) in [
        (
            "-20028",
            (|err: &ProviderError| *err == ProviderError::RateLimited { retry_after: None })
                as fn(&ProviderError) -> bool,
        ),
        ("-20021", |err| *err == ProviderError::TooLarge),
        ("-40010", |err| *err == ProviderError::TooLarge),
        (
            "-20007",
            |err| matches!(err, ProviderError::Config(m) if m.contains("-20007: application not authorized")),
        ),
        (
            "-20013",
            |err| matches!(err, ProviderError::Config(m) if m.contains("language pair")),
        ),
        (
            "-20026",
            |err| matches!(err, ProviderError::Config(m) if m.contains("callback-url")),
        ),
        (
            "-12345",
            |err| matches!(err, ProviderError::Config(m) if m.contains("undocumented code -12345")),
        ),
        (
            "<html>Service unavailable</html>",
            |err| matches!(err, ProviderError::Malformed(m) if m.contains("instead of a request number")),
        ),
    ] {
        let server = etranslation_server(ResponseTemplate::new(200).set_body_string(answer)).await;
        let err = etranslation_error(&server.uri(), Duration::from_secs(5)).await;
        assert!(check(&err), "{answer}: {err:?}");
    }
}

#[tokio::test]
async fn etranslation_http_faults_map_like_every_provider() {
    let wrong_password = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(401).insert_header("WWW-Authenticate", CHALLENGE))
        .mount(&wrong_password)
        .await;
    for (server, expected) in [
        (wrong_password, 401_u16),
        (
            etranslation_server(ResponseTemplate::new(503).set_body_string("down")).await,
            503,
        ),
    ] {
        let err = etranslation_error(&server.uri(), Duration::from_secs(5)).await;
        let (ProviderError::KeyRejected { status, .. } | ProviderError::Server { status, .. }) =
            &err
        else {
            panic!("{err:?}");
        };
        assert_eq!(*status, expected);
        assert_eq!(err.is_retryable(), expected >= 500, "{err:?}");
    }
    let late = etranslation_server(
        ResponseTemplate::new(200)
            .set_body_string("1")
            .set_delay(Duration::from_secs(3)),
    )
    .await;
    let err = etranslation_error(&late.uri(), Duration::from_millis(200)).await;
    assert_eq!(err, ProviderError::Timeout);
}

#[tokio::test]
async fn etranslation_sends_one_text_of_at_most_5000_characters_per_request() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_string("1"))
        .expect(0)
        .mount(&server)
        .await;
    let provider = etranslation(
        &server.uri(),
        "http://127.0.0.1:9/cb",
        Duration::from_secs(5),
    );
    assert_eq!(provider.limits().max_texts, 1);
    assert_eq!(provider.limits().max_chars, MAX_SNIPPET_CHARS);
    let two = provider.translate(&batch(&["One.", "Two."])).await;
    assert_eq!(two, Err(ProviderError::TooLarge), "the engine splits it");
    let long = "é".repeat(MAX_SNIPPET_CHARS + 1);
    let long = provider.translate(&batch(&[long.as_str()])).await;
    assert_eq!(long, Err(ProviderError::TooLarge));
    assert_eq!(
        provider.translate(&batch(&[])).await,
        Ok(Reply::Done(Vec::new()))
    );
}

// The callback receiver, on a real port.

#[derive(Default)]
struct Recorder {
    received: Mutex<Vec<(String, String, String)>>,
    failed: Mutex<Vec<(String, String, String)>>,
}

impl CallbackSink for Recorder {
    fn received(&self, external_reference: &str, target: &str, text: &str) {
        self.received.lock().expect("lock").push((
            external_reference.to_owned(),
            target.to_owned(),
            text.to_owned(),
        ));
    }

    fn failed(&self, external_reference: &str, code: &str, message: &str) {
        self.failed.lock().expect("lock").push((
            external_reference.to_owned(),
            code.to_owned(),
            message.to_owned(),
        ));
    }
}

struct Receiver {
    url: String,
    sink: Arc<Recorder>,
    stop: tokio::sync::oneshot::Sender<()>,
    task: tokio::task::JoinHandle<()>,
}

impl Receiver {
    async fn start() -> Receiver {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("bind");
        let address = listener.local_addr().expect("address");
        let sink = Arc::new(Recorder::default());
        let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
        let task = tokio::spawn(etranslation::serve_callbacks(
            listener,
            Arc::clone(&sink) as Arc<dyn CallbackSink>,
            stopped,
        ));
        Receiver {
            url: format!("http://{address}/kurso/etranslation"),
            sink,
            stop,
            task,
        }
    }

    fn received(&self) -> Vec<(String, String, String)> {
        self.sink.received.lock().expect("lock").clone()
    }

    fn failed(&self) -> Vec<(String, String, String)> {
        self.sink.failed.lock().expect("lock").clone()
    }

    async fn stop(self) {
        let _ = self.stop.send(());
        tokio::time::timeout(Duration::from_secs(10), self.task)
            .await
            .expect("stops in time")
            .expect("no panic");
    }
}

async fn post_form(url: &str, fields: &[(&str, &str)]) -> u16 {
    reqwest::Client::new()
        .post(url)
        .form(fields)
        .send()
        .await
        .expect("receiver answers")
        .status()
        .as_u16()
}

#[tokio::test]
async fn etranslation_round_trip_through_the_callback_receiver_on_loopback() {
    let receiver = Receiver::start().await;
    let server = etranslation_server(ResponseTemplate::new(200).set_body_string("987654")).await;
    let provider = etranslation(&server.uri(), &receiver.url, Duration::from_secs(5));
    let reply = provider
        .translate(&batch(&["Check the dose <x id=\"1\"/>."]))
        .await
        .expect("submitted");
    let Reply::Submitted { request_id } = reply else {
        panic!("{reply:?}");
    };
    // What eTranslation does next: post the translation to the requester callback named in
    // the body of the second request (the one that answered the Digest challenge).
    let sent = sent_json(&server).await.remove(1);
    let callback = sent["requesterCallback"].as_str().expect("callback URL");
    let reference = sent["externalReference"].as_str().expect("reference");
    assert_eq!(reference, request_id);
    assert_eq!(callback, receiver.url);
    let status = post_form(
        callback,
        &[
            ("request-id", "987654"),
            ("target-language", "LT"),
            (
                "translated-text",
                "Patikrinkite dozę <x id=\"1\"/> & 2,5 mg.",
            ),
            ("external-reference", reference),
        ],
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        receiver.received(),
        [(
            request_id.clone(),
            "LT".to_owned(),
            "Patikrinkite dozę <x id=\"1\"/> & 2,5 mg.".to_owned()
        )]
    );
    assert!(receiver.failed().is_empty());
    receiver.stop().await;
}

#[tokio::test]
async fn callback_receiver_delivers_error_callbacks() {
    let receiver = Receiver::start().await;
    let server = etranslation_server(ResponseTemplate::new(200).set_body_string("55")).await;
    let provider = etranslation(&server.uri(), &receiver.url, Duration::from_secs(5));
    let Ok(Reply::Submitted { request_id }) = provider.translate(&batch(&["One."])).await else {
        panic!("not submitted");
    };
    // The second request is the one that answered the Digest challenge.
    let sent = sent_json(&server).await.remove(1);
    let error_callback = sent["errorCallback"].as_str().expect("error callback URL");
    let status = post_form(
        error_callback,
        &[
            ("request-id", "55"),
            ("target-languages", "LT"),
            ("error-code", "-20013"),
            ("error-message", "Language pair not supported by the domain"),
            ("external-reference", &request_id),
        ],
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        receiver.failed(),
        [(
            request_id,
            "-20013".to_owned(),
            "Language pair not supported by the domain".to_owned()
        )]
    );
    assert!(receiver.received().is_empty());
    receiver.stop().await;
}

#[tokio::test]
async fn callback_receiver_refuses_incomplete_callbacks_and_delivers_nothing() {
    let receiver = Receiver::start().await;
    for fields in [
        &[
            ("request-id", "1"),
            ("target-language", "LT"),
            ("translated-text", "x"),
        ][..],
        &[("external-reference", "kurso-1"), ("translated-text", "x")][..],
        &[("external-reference", "kurso-1"), ("target-language", "LT")][..],
        &[("error-code", "-20013"), ("error-message", "no reference")][..],
        &[][..],
    ] {
        assert_eq!(post_form(&receiver.url, fields).await, 400, "{fields:?}");
    }
    let get = reqwest::get(&receiver.url).await.expect("answers");
    assert_eq!(get.status().as_u16(), 405);
    let huge = "x".repeat(etranslation::MAX_BODY_BYTES + 1);
    let status = post_form(
        &receiver.url,
        &[
            ("external-reference", "kurso-1"),
            ("target-language", "LT"),
            ("translated-text", &huge),
        ],
    )
    .await;
    assert_eq!(status, 413);
    assert!(receiver.received().is_empty());
    assert!(receiver.failed().is_empty());
    // Fields in the query string count too.
    let url = format!(
        "{}?external-reference=kurso-9&target-language=LT&translated-text=Sveiki",
        receiver.url
    );
    let status = reqwest::Client::new()
        .post(&url)
        .send()
        .await
        .expect("answers")
        .status();
    assert_eq!(status.as_u16(), 200);
    assert_eq!(
        receiver.received(),
        [("kurso-9".to_owned(), "LT".to_owned(), "Sveiki".to_owned())]
    );
    receiver.stop().await;
}

#[tokio::test]
async fn callback_receiver_stops_accepting_on_shutdown() {
    let receiver = Receiver::start().await;
    let url = receiver.url.clone();
    receiver.stop().await;
    let refused = reqwest::Client::new().post(&url).send().await;
    assert!(refused.is_err(), "still listening: {refused:?}");
}

// Credentials.

#[tokio::test]
async fn credentials_never_appear_in_urls_errors_or_debug_output() {
    let mut shown = Vec::new();
    let echo_key = format!("{{\"error\": {{\"message\": \"key {KEY} is not valid\"}}}}");
    let echo_password = format!("password {PASSWORD} refused");
    let faults = |echo: &str| {
        [
            ResponseTemplate::new(401).set_body_string(echo),
            ResponseTemplate::new(400).set_body_string(echo),
            ResponseTemplate::new(500).set_body_string(echo),
            ResponseTemplate::new(429).insert_header("Retry-After", "3"),
            ResponseTemplate::new(200).set_body_string(echo),
        ]
    };
    for response in faults(&echo_key) {
        let server = openai_server(response).await;
        let provider = openai(&server.uri(), Duration::from_secs(5));
        let err = provider
            .translate(&batch(&["One."]))
            .await
            .expect_err("a fault");
        shown.push(format!("{err} / {err:?} / {provider:?}"));
        for request in server.received_requests().await.expect("recorded") {
            assert!(!request.url.as_str().contains(KEY), "{}", request.url);
        }
    }
    for response in faults(&echo_password) {
        let server = etranslation_server(response).await;
        let provider = etranslation(
            &server.uri(),
            "http://127.0.0.1:9/cb",
            Duration::from_secs(5),
        );
        let err = provider
            .translate(&batch(&["One."]))
            .await
            .expect_err("a fault");
        shown.push(format!("{err} / {err:?} / {provider:?}"));
        for request in server.received_requests().await.expect("recorded") {
            assert!(!request.url.as_str().contains(PASSWORD), "{}", request.url);
            assert!(!String::from_utf8_lossy(&request.body).contains(PASSWORD));
            for (_, value) in &request.headers {
                assert!(!value.to_str().unwrap_or_default().contains(PASSWORD));
            }
        }
    }
    let closed = crate::support::closed_port().await;
    let err = openai(&closed, Duration::from_secs(5))
        .translate(&batch(&["One."]))
        .await
        .expect_err("refused");
    shown.push(format!("{err} / {err:?}"));
    let err = etranslation_error(&closed, Duration::from_secs(5)).await;
    shown.push(format!("{err} / {err:?}"));
    for text in &shown {
        assert!(!text.contains(KEY), "key shown: {text}");
        assert!(!text.contains(PASSWORD), "password shown: {text}");
    }
    assert!(
        shown.iter().any(|text| text.contains("***")),
        "echoed secrets are masked, not dropped: {shown:?}"
    );
}
