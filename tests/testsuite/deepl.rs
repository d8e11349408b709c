//! The DeepL provider against a real HTTP server on 127.0.0.1 (wiremock): the happy path,
//! glossaries, usage, and every fault the engine must tell apart.
//!
//! Invariant: every request the provider sends, in every test, is checked against DeepL's
//! own API spec (`../shared/corpora/specs/deepl-openapi.yaml`) by [`Spec`]: method and path
//! name an operation, the `Authorization` header carries the key as its security scheme says,
//! query parameters are declared, and the body validates against the operation's request
//! schema, closed so a misspelt or undeclared field fails too.

use std::sync::{Arc, OnceLock};
use std::time::Duration;

use kurso::mt::config::{ProviderSettings, RemoteConfig};
use kurso::mt::providers::deepl::DeepL;
use kurso::mt::{Batch, PairGlossary, Provider, ProviderError, Reply, Secret, TermPair, Usage};
use serde_json::{Value, json};
use wiremock::matchers::{method, path};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

use crate::support::corpora;

const KEY: &str = "kurso-test-key-7f3a9c:fx";

// ---------------------------------------------------------------------------------------
// The spec validator
// ---------------------------------------------------------------------------------------

/// DeepL's API spec with every `$ref` resolved in place.
struct Spec {
    doc: Value,
}

fn spec() -> &'static Spec {
    static SPEC: OnceLock<Spec> = OnceLock::new();
    SPEC.get_or_init(|| {
        let file = corpora().join("specs/deepl-openapi.yaml");
        let text = std::fs::read_to_string(&file).expect("the DeepL spec is in the shared corpora");
        let yaml: serde_yaml_ng::Value = serde_yaml_ng::from_str(&text).expect("the spec is YAML");
        let raw = yaml_to_json(yaml);
        let doc = resolve(&raw, &raw, &mut Vec::new());
        Spec { doc }
    })
}

/// YAML to JSON, with non-string keys (`200:` in responses) as strings.
fn yaml_to_json(yaml: serde_yaml_ng::Value) -> Value {
    use serde_yaml_ng::Value as Yaml;
    match yaml {
        Yaml::Null => Value::Null,
        Yaml::Bool(b) => Value::Bool(b),
        Yaml::Number(n) => serde_json::to_value(&n).expect("a YAML number is a JSON number"),
        Yaml::String(s) => Value::String(s),
        Yaml::Sequence(items) => Value::Array(items.into_iter().map(yaml_to_json).collect()),
        Yaml::Mapping(map) => Value::Object(
            map.into_iter()
                .map(|(key, value)| {
                    let key = match key {
                        Yaml::String(s) => s,
                        other => serde_yaml_ng::to_string(&other)
                            .expect("a scalar key")
                            .trim()
                            .to_owned(),
                    };
                    (key, yaml_to_json(value))
                })
                .collect(),
        ),
        Yaml::Tagged(tagged) => yaml_to_json(tagged.value),
    }
}

/// `value` with every local `$ref` (`#/components/...`) replaced by what it points to; the
/// `$ref`'s sibling keywords are kept where the target lacks them. A `$ref` back into one
/// being resolved (a cycle) would panic: DeepL's spec has none.
fn resolve(value: &Value, root: &Value, resolving: &mut Vec<String>) -> Value {
    match value {
        Value::Object(object) => {
            if let Some(Value::String(reference)) = object.get("$ref") {
                let pointer = reference
                    .strip_prefix('#')
                    .expect("only local $refs in the spec");
                assert!(!resolving.contains(reference), "cyclic $ref {reference}");
                let target = root
                    .pointer(pointer)
                    .unwrap_or_else(|| panic!("{reference} points nowhere"));
                resolving.push(reference.clone());
                let mut resolved = resolve(target, root, resolving);
                resolving.pop();
                if let Value::Object(resolved) = &mut resolved {
                    for (key, sibling) in object.iter().filter(|(key, _)| *key != "$ref") {
                        resolved
                            .entry(key.clone())
                            .or_insert_with(|| resolve(sibling, root, resolving));
                    }
                }
                return resolved;
            }
            Value::Object(
                object
                    .iter()
                    .map(|(key, value)| (key.clone(), resolve(value, root, resolving)))
                    .collect(),
            )
        }
        Value::Array(items) => Value::Array(
            items
                .iter()
                .map(|item| resolve(item, root, resolving))
                .collect(),
        ),
        other => other.clone(),
    }
}

/// A schema where every object schema with `properties` refuses other properties (DeepL's
/// spec leaves them open; a misspelt field would otherwise pass), and deprecated properties
/// are refused as well.
fn closed(schema: &Value) -> Value {
    let mut schema = schema.clone();
    close(&mut schema);
    schema
}

fn close(schema: &mut Value) {
    let Some(object) = schema.as_object_mut() else {
        return;
    };
    if let Some(Value::Object(properties)) = object.get_mut("properties") {
        properties.retain(|_, property| property.get("deprecated") != Some(&Value::Bool(true)));
        properties.values_mut().for_each(close);
        object
            .entry("additionalProperties")
            .or_insert(Value::Bool(false));
    }
    if let Some(items) = object.get_mut("items") {
        close(items);
    }
    for keyword in ["allOf", "anyOf", "oneOf"] {
        if let Some(Value::Array(branches)) = object.get_mut(keyword) {
            branches.iter_mut().for_each(close);
        }
    }
}

impl Spec {
    /// The operation for a method and concrete path (`{param}` segments match anything).
    fn operation(&self, method: &str, path: &str) -> Option<&Value> {
        let paths = self.doc["paths"].as_object()?;
        let segments: Vec<&str> = path.split('/').collect();
        paths
            .iter()
            .find(|(template, _)| {
                let parts: Vec<&str> = template.split('/').collect();
                parts.len() == segments.len()
                    && parts
                        .iter()
                        .zip(&segments)
                        .all(|(part, segment)| part.starts_with('{') || part == segment)
            })
            .and_then(|(_, item)| item.get(method.to_ascii_lowercase()))
    }

    /// Everything wrong with one request, as DeepL's spec sees it.
    fn violations(&self, request: &Request, key: &str) -> Vec<String> {
        let method = request.method.as_str();
        let path = request.url.path();
        let Some(operation) = self.operation(method, path) else {
            return vec![format!(
                "{method} {path} is not an operation of the DeepL API"
            )];
        };
        let mut problems = Vec::new();
        let id = operation["operationId"].as_str().unwrap_or("?");

        // Security: the scheme names the header and the value's prefix.
        let requirements = operation.get("security").unwrap_or(&self.doc["security"]);
        for requirement in requirements.as_array().into_iter().flatten() {
            for name in requirement.as_object().into_iter().flat_map(|r| r.keys()) {
                let scheme = &self.doc["components"]["securitySchemes"][name];
                assert_eq!(scheme["in"], "header", "the tests know header schemes only");
                let header = scheme["name"]
                    .as_str()
                    .expect("a header scheme names its header");
                let expected = format!("{}{key}", scheme["x-default"].as_str().unwrap_or_default());
                match request.headers.get(header).map(|value| value.to_str()) {
                    Some(Ok(value)) if value == expected => {}
                    Some(_) => problems.push(format!(
                        "{id}: `{header}` is not `{}<key>`",
                        scheme["x-default"]
                    )),
                    None => problems.push(format!("{id}: no `{header}` header")),
                }
            }
        }

        // Query parameters must be declared; required ones present.
        let parameters: Vec<&Value> = operation["parameters"]
            .as_array()
            .into_iter()
            .flatten()
            .filter(|parameter| parameter["in"] == "query")
            .collect();
        for (name, _) in request.url.query_pairs() {
            if !parameters
                .iter()
                .any(|parameter| parameter["name"] == *name)
            {
                problems.push(format!("{id}: undeclared query parameter `{name}`"));
            }
        }
        for parameter in parameters.iter().filter(|p| p["required"] == true) {
            let name = parameter["name"].as_str().unwrap_or_default();
            if !request.url.query_pairs().any(|(n, _)| n == name) {
                problems.push(format!("{id}: missing required query parameter `{name}`"));
            }
        }

        // The body: absent where the operation takes none, else valid for its media type.
        let Some(request_body) = operation.get("requestBody") else {
            if !request.body.is_empty() {
                problems.push(format!(
                    "{id}: takes no body, got {} bytes",
                    request.body.len()
                ));
            }
            return problems;
        };
        let media_type = request
            .headers
            .get("content-type")
            .and_then(|value| value.to_str().ok())
            .map(|value| {
                value
                    .split(';')
                    .next()
                    .unwrap_or_default()
                    .trim()
                    .to_owned()
            })
            .unwrap_or_default();
        let Some(media) = request_body["content"].get(&media_type) else {
            problems.push(format!(
                "{id}: content type `{media_type}` is not one the spec lists"
            ));
            return problems;
        };
        assert_eq!(media_type, "application/json", "the provider speaks JSON");
        let body: Value = match serde_json::from_slice(&request.body) {
            Ok(body) => body,
            Err(err) => {
                problems.push(format!("{id}: body is not JSON: {err}"));
                return problems;
            }
        };
        let schema = closed(&media["schema"]);
        let validator =
            jsonschema::draft4::new(&schema).expect("the spec's request schema compiles");
        problems.extend(
            validator
                .iter_errors(&body)
                .map(|err| format!("{id}: body {}: {err}", err.instance_path())),
        );
        problems
    }

    /// Asserts that a mocked answer is one the spec allows, so the mocks cannot drift.
    #[track_caller]
    fn assert_response(&self, method: &str, path: &str, status: u16, body: &Value) {
        let operation = self.operation(method, path).expect("a spec operation");
        let schema =
            &operation["responses"][status.to_string()]["content"]["application/json"]["schema"];
        assert!(
            schema.is_object(),
            "{method} {path} has no JSON answer for {status}"
        );
        let validator =
            jsonschema::draft4::new(schema).expect("the spec's response schema compiles");
        let errors: Vec<String> = validator.iter_errors(body).map(|e| e.to_string()).collect();
        assert!(
            errors.is_empty(),
            "mock {method} {path} {status} breaks the spec: {errors:?}"
        );
    }
}

/// Asserts that a mocked DeepL answer is one the spec allows (for other test files' mocks).
#[track_caller]
pub(crate) fn assert_answer_conforms(method: &str, path: &str, status: u16, body: &Value) {
    spec().assert_response(method, path, status, body);
}

/// Asserts every request `server` received follows DeepL's spec, with `key` as the key
/// (for other test files that speak DeepL, such as the end-to-end `kurso translate` tests).
pub(crate) async fn assert_conforming(server: &MockServer, key: &str) {
    let requests = server
        .received_requests()
        .await
        .expect("request recording is on");
    let problems: Vec<String> = requests
        .iter()
        .flat_map(|request| spec().violations(request, key))
        .collect();
    assert!(
        problems.is_empty(),
        "requests break DeepL's spec:\n{}",
        problems.join("\n")
    );
}

/// Every request the server received, after asserting each follows the spec.
async fn conforming_requests(server: &MockServer) -> Vec<Request> {
    assert_conforming(server, KEY).await;
    server
        .received_requests()
        .await
        .expect("request recording is on")
}

fn bodies(requests: &[Request], wanted: &str) -> Vec<Value> {
    requests
        .iter()
        .filter(|request| format!("{} {}", request.method, request.url.path()) == wanted)
        .map(|request| request.body_json().expect("a JSON body"))
        .collect()
}

// ---------------------------------------------------------------------------------------
// Fixtures
// ---------------------------------------------------------------------------------------

fn config(server: &MockServer) -> RemoteConfig {
    config_at(&server.uri(), Duration::from_secs(5))
}

fn config_at(base_url: &str, timeout: Duration) -> RemoteConfig {
    RemoteConfig {
        key: Some(Secret::new(KEY)),
        settings: ProviderSettings {
            base_url: Some(base_url.to_owned()),
            timeout_seconds: Some(timeout.into()),
            ..ProviderSettings::default()
        },
    }
}

fn provider(server: &MockServer) -> DeepL {
    DeepL::new(config(server)).expect("valid config")
}

fn batch(target: &str, texts: &[&str]) -> Batch {
    Batch {
        source_lang: "en".to_owned(),
        target_lang: target.to_owned(),
        ids: (0..texts.len()).map(|i| format!("msg-{i}")).collect(),
        texts: texts.iter().map(|&text| text.to_owned()).collect(),
        context: None,
        glossary: Arc::new(PairGlossary::default()),
        plural_categories: vec!["one", "other"],
        formality: None,
    }
}

fn glossary(terms: &[(&str, &str)], version: &str) -> Arc<PairGlossary> {
    Arc::new(PairGlossary {
        terms: terms
            .iter()
            .map(|&(source, target)| TermPair {
                source: source.to_owned(),
                target: target.to_owned(),
            })
            .collect(),
        version: version.to_owned(),
    })
}

/// Answers `/v2/translate` with `[TARGET] text` for each text, in order.
struct Echo;

impl Respond for Echo {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let body: Value = request.body_json().expect("a JSON translate body");
        let target = body["target_lang"].as_str().unwrap_or("?");
        let translations: Vec<Value> = body["text"]
            .as_array()
            .expect("texts")
            .iter()
            .map(|text| {
                let text = format!("[{target}] {}", text.as_str().unwrap_or_default());
                json!({"detected_source_language": "EN", "text": text})
            })
            .collect();
        let answer = json!({ "translations": translations });
        spec().assert_response("POST", "/v2/translate", 200, &answer);
        ResponseTemplate::new(200).set_body_json(answer)
    }
}

async fn echo_server() -> MockServer {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v2/translate"))
        .respond_with(Echo)
        .mount(&server)
        .await;
    server
}

fn done(reply: Reply) -> Vec<String> {
    match reply {
        Reply::Done(texts) => texts,
        Reply::Submitted { .. } => panic!("DeepL answers synchronously"),
    }
}

/// Asserts the key is nowhere in what an error shows.
#[track_caller]
fn assert_no_key(err: &ProviderError) {
    let shown = format!("{err} {err:?}");
    assert!(
        !shown.contains(KEY) && !shown.contains("7f3a9c"),
        "the key leaked: {shown}"
    );
}

/// The error a translate request meets when the server answers `answer`.
async fn fault(answer: ResponseTemplate) -> ProviderError {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v2/translate"))
        .respond_with(answer)
        .expect(1)
        .mount(&server)
        .await;
    let err = provider(&server)
        .translate(&batch("el", &["Wash your hands.", "Wear gloves."]))
        .await
        .expect_err("the request fails");
    assert_no_key(&err);
    conforming_requests(&server).await;
    err
}

// ---------------------------------------------------------------------------------------
// Happy paths
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn translates_in_order_with_xml_tags_context_and_formality() {
    let server = echo_server().await;
    let mut config = config(&server);
    config
        .settings
        .formality
        .insert("it".to_owned(), "more".to_owned());
    let deepl = DeepL::new(config).expect("valid config");
    let mut batch = batch(
        "it",
        &[
            r#"Check <x id="1"/> before <g id="2">every</g> dose."#,
            "Wash your hands.",
            r#"Call <g id="1">the <g id="2">ward</g></g>."#,
        ],
    );
    batch.context = Some("Module 3: Medication safety".to_owned());

    let texts = done(deepl.translate(&batch).await.expect("translated"));

    assert_eq!(
        texts,
        [
            r#"[IT] Check <x id="1"/> before <g id="2">every</g> dose."#,
            "[IT] Wash your hands.",
            r#"[IT] Call <g id="1">the <g id="2">ward</g></g>."#,
        ]
    );
    assert!(texts.iter().all(|text| !text.contains(KEY)));
    let requests = conforming_requests(&server).await;
    let sent = &bodies(&requests, "POST /v2/translate")[0];
    assert_eq!(sent["text"], json!(batch.texts));
    assert_eq!(sent["source_lang"], "EN");
    assert_eq!(sent["target_lang"], "IT");
    assert_eq!(sent["formality"], "more");
    assert_eq!(sent["context"], "Module 3: Medication safety");
    assert_eq!(sent["tag_handling"], "xml");
    assert_eq!(sent["tag_handling_version"], "v2");
    assert_eq!(sent["non_splitting_tags"], json!(["x", "g"]));
    assert_eq!(sent["ignore_tags"], json!(["x"]));
    assert!(sent.get("glossary_id").is_none());
}

#[tokio::test]
async fn locales_map_to_deepl_targets_and_formality_never_fails() {
    let server = echo_server().await;
    let mut config = config(&server);
    for (locale, formality) in [
        ("hu", "more"),
        ("el", "less"),
        ("el-CY", "more"),
        ("it", "less"),
    ] {
        config
            .settings
            .formality
            .insert(locale.to_owned(), formality.to_owned());
    }
    let deepl = DeepL::new(config).expect("valid config");
    let cases = [
        ("el", "EL", Some("prefer_less")),
        ("el-CY", "EL", Some("prefer_more")),
        ("hu", "HU", Some("prefer_more")),
        ("it", "IT", Some("less")),
        ("lt", "LT", None),
        ("ro", "RO", None),
        ("fi", "FI", Some("prefer_less")), // from the batch, not the config
        ("tr", "TR", None),
    ];
    for (locale, _, _) in cases {
        let mut batch = batch(locale, &["Hello"]);
        if locale == "fi" {
            batch.formality = Some("less".to_owned());
        }
        deepl.translate(&batch).await.expect("translated");
    }

    let sent = bodies(&conforming_requests(&server).await, "POST /v2/translate");
    assert_eq!(sent.len(), cases.len());
    for (body, (locale, target, formality)) in sent.iter().zip(cases) {
        assert_eq!(body["target_lang"], target, "{locale}");
        assert_eq!(body["formality"].as_str(), formality, "{locale}");
    }
}

#[tokio::test]
async fn unsupported_target_is_a_config_error_and_sends_nothing() {
    let server = echo_server().await;
    let err = provider(&server)
        .translate(&batch("kl", &["Hello"]))
        .await
        .expect_err("Greenlandic is not a DeepL target");
    assert!(matches!(err, ProviderError::Config(_)), "{err:?}");
    assert!(!err.is_retryable());
    assert!(conforming_requests(&server).await.is_empty());
}

// ---------------------------------------------------------------------------------------
// Glossaries
// ---------------------------------------------------------------------------------------

async fn mount_glossaries(server: &MockServer, existing: Value, n_lists: u64, n_creates: u64) {
    spec().assert_response("GET", "/v3/glossaries", 200, &existing);
    Mock::given(method("GET"))
        .and(path("/v3/glossaries"))
        .respond_with(ResponseTemplate::new(200).set_body_json(existing))
        .expect(n_lists)
        .mount(server)
        .await;
    let created = json!({
        "glossary_id": "gl-created",
        "name": "kurso-v1",
        "dictionaries": [{"source_lang": "en", "target_lang": "el"}],
        "creation_time": "2026-01-05T10:00:00.000Z",
    });
    spec().assert_response("POST", "/v3/glossaries", 201, &created);
    Mock::given(method("POST"))
        .and(path("/v3/glossaries"))
        .respond_with(ResponseTemplate::new(201).set_body_json(created))
        .expect(n_creates)
        .mount(server)
        .await;
}

#[tokio::test]
async fn glossary_is_created_once_then_reused() {
    let server = echo_server().await;
    mount_glossaries(&server, json!({"glossaries": []}), 1, 1).await;
    let deepl = provider(&server);
    let terms = glossary(
        &[("hand hygiene", "υγιεινή των χεριών"), ("dose", "δόση")],
        "v1",
    );
    let mut first = batch("el", &["Hand hygiene first."]);
    first.glossary = terms.clone();
    let mut second = batch("el-CY", &["Check the dose."]);
    second.glossary = terms.clone();
    let mut third = batch("el", &["Again."]);
    third.glossary = terms;

    // Two batches of the pair at once, then one more: one look-up, one creation.
    let (a, b) = tokio::join!(deepl.translate(&first), deepl.translate(&second));
    a.expect("first translated");
    b.expect("second translated");
    deepl.translate(&third).await.expect("third translated");

    let requests = conforming_requests(&server).await;
    let created = bodies(&requests, "POST /v3/glossaries");
    assert_eq!(
        created,
        [json!({
            "name": "kurso-v1",
            "dictionaries": [{
                "source_lang": "en",
                "target_lang": "el",
                "entries": "hand hygiene\tυγιεινή των χεριών\ndose\tδόση",
                "entries_format": "tsv",
            }],
        })]
    );
    let translated = bodies(&requests, "POST /v2/translate");
    assert_eq!(translated.len(), 3);
    assert!(
        translated
            .iter()
            .all(|body| body["glossary_id"] == "gl-created")
    );
}

#[tokio::test]
async fn existing_glossary_with_the_same_name_is_reused() {
    let server = echo_server().await;
    let existing = json!({"glossaries": [
        {"glossary_id": "gl-other-pair", "name": "kurso-v1",
         "dictionaries": [{"source_lang": "en", "target_lang": "hu"}]},
        {"glossary_id": "gl-old-version", "name": "kurso-v0",
         "dictionaries": [{"source_lang": "en", "target_lang": "el"}]},
        {"glossary_id": "gl-earlier-run", "name": "kurso-v1",
         "dictionaries": [{"source_lang": "en", "target_lang": "el"}]},
    ]});
    mount_glossaries(&server, existing, 1, 0).await;
    let deepl = provider(&server);
    for text in ["One.", "Two."] {
        let mut batch = batch("el", &[text]);
        batch.glossary = glossary(&[("dose", "δόση")], "v1");
        deepl.translate(&batch).await.expect("translated");
    }

    let translated = bodies(&conforming_requests(&server).await, "POST /v2/translate");
    assert!(
        translated
            .iter()
            .all(|body| body["glossary_id"] == "gl-earlier-run")
    );
}

#[tokio::test]
async fn unsupported_glossary_pair_translates_without_and_is_remembered() {
    let server = echo_server().await;
    Mock::given(method("GET"))
        .and(path("/v3/glossaries"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!({"glossaries": []})))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path("/v3/glossaries"))
        .respond_with(ResponseTemplate::new(400).set_body_json(json!({
            "message": "Unsupported glossary language pair",
        })))
        .expect(1)
        .mount(&server)
        .await;
    let deepl = provider(&server);
    for text in ["One.", "Two."] {
        let mut batch = batch("tr", &[text]);
        batch.glossary = glossary(&[("dose", "doz")], "v1");
        let texts = done(
            deepl
                .translate(&batch)
                .await
                .expect("translated without glossary"),
        );
        assert_eq!(texts, [format!("[TR] {text}")]);
    }

    let translated = bodies(&conforming_requests(&server).await, "POST /v2/translate");
    assert_eq!(translated.len(), 2);
    assert!(
        translated
            .iter()
            .all(|body| body.get("glossary_id").is_none())
    );
}

#[tokio::test]
async fn glossary_throttling_is_a_rate_limit_not_a_spent_quota() {
    let server = echo_server().await;
    Mock::given(method("GET"))
        .and(path("/v3/glossaries"))
        .respond_with(ResponseTemplate::new(456))
        .mount(&server)
        .await;
    let mut batch = batch("el", &["One."]);
    batch.glossary = glossary(&[("dose", "δόση")], "v1");
    let err = provider(&server)
        .translate(&batch)
        .await
        .expect_err("throttled");
    assert_eq!(err, ProviderError::RateLimited { retry_after: None });
    assert_no_key(&err);
    conforming_requests(&server).await;
}

#[tokio::test]
async fn usage_reports_characters_and_limit() {
    let server = MockServer::start().await;
    let answer = json!({"character_count": 180_118, "character_limit": 1_250_000});
    spec().assert_response("GET", "/v2/usage", 200, &answer);
    Mock::given(method("GET"))
        .and(path("/v2/usage"))
        .respond_with(ResponseTemplate::new(200).set_body_json(answer))
        .expect(1)
        .mount(&server)
        .await;
    let usage = provider(&server).usage().await.expect("usage");
    assert_eq!(
        usage,
        Usage {
            characters: 180_118,
            limit: Some(1_250_000)
        }
    );
    conforming_requests(&server).await;
}

// ---------------------------------------------------------------------------------------
// Faults
// ---------------------------------------------------------------------------------------

fn error_body(message: &str) -> Value {
    json!({ "message": message })
}

#[tokio::test]
async fn rate_limits_carry_retry_after_when_given() {
    let with = fault(
        ResponseTemplate::new(429)
            .insert_header("Retry-After", "7")
            .set_body_json(error_body("Too many requests")),
    )
    .await;
    assert_eq!(
        with,
        ProviderError::RateLimited {
            retry_after: Some(Duration::from_secs(7))
        }
    );
    let without =
        fault(ResponseTemplate::new(429).set_body_json(error_body("Too many requests"))).await;
    assert_eq!(without, ProviderError::RateLimited { retry_after: None });
    let overloaded = fault(ResponseTemplate::new(529)).await;
    assert_eq!(overloaded, ProviderError::RateLimited { retry_after: None });
    assert!(with.is_retryable() && without.is_retryable() && overloaded.is_retryable());
}

#[tokio::test]
async fn server_errors_are_retryable() {
    for status in [500, 503] {
        let err = fault(ResponseTemplate::new(status).set_body_string("upstream trouble")).await;
        assert!(
            matches!(err, ProviderError::Server { status: s, .. } if s == status),
            "{err:?}"
        );
        assert!(err.is_retryable());
    }
}

#[tokio::test]
async fn spent_quota_stops_the_run() {
    let err = fault(ResponseTemplate::new(456).set_body_json(error_body("Quota exceeded"))).await;
    assert_eq!(err, ProviderError::QuotaExceeded);
    assert!(!err.is_retryable());
}

#[tokio::test]
async fn too_large_asks_for_a_split() {
    let err =
        fault(ResponseTemplate::new(413).set_body_json(error_body("Request too large"))).await;
    assert_eq!(err, ProviderError::TooLarge);

    // A batch whose body would pass 128 KiB is refused before it is sent.
    let server = echo_server().await;
    let long = "x".repeat(70 * 1024);
    let err = provider(&server)
        .translate(&batch("el", &[&long, &long]))
        .await
        .expect_err("too large");
    assert_eq!(err, ProviderError::TooLarge);
    assert!(conforming_requests(&server).await.is_empty());
}

#[tokio::test]
async fn client_errors_are_not_retryable() {
    for status in [400, 403] {
        let err = fault(ResponseTemplate::new(status).set_body_json(error_body("Wrong"))).await;
        assert!(
            matches!(err, ProviderError::Client { status: s, .. } if s == status && s == 400)
                || matches!(err, ProviderError::KeyRejected { status: 403, .. }),
            "{err:?}"
        );
        assert!(!err.is_retryable());
    }
}

#[tokio::test]
async fn slow_answer_times_out() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/v2/translate"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!({"translations": [{"text": "late"}]}))
                .set_delay(Duration::from_secs(3)),
        )
        .mount(&server)
        .await;
    let config = config_at(&server.uri(), Duration::from_millis(300));
    let err = DeepL::new(config)
        .expect("valid config")
        .translate(&batch("el", &["Hello"]))
        .await
        .expect_err("times out");
    assert_eq!(err, ProviderError::Timeout);
    assert!(err.is_retryable());
    assert_no_key(&err);
    conforming_requests(&server).await;
}

#[tokio::test]
async fn truncated_malformed_and_short_answers_are_malformed() {
    for body in [
        r#"{"translations": [{"text": "Πλύνετε τα χέρια."}, {"te"#,
        "<html><body>Bad gateway</body></html>",
        r#"{"translations": [{"text": "Πλύνετε τα χέρια."}]}"#,
        r#"{"translations": [{"text": "a"}, {"text": "b"}, {"text": "c"}]}"#,
        r#"{"translations": [{"text": 7}, {"text": "b"}]}"#,
        "{}",
    ] {
        let err = fault(ResponseTemplate::new(200).set_body_raw(body, "application/json")).await;
        assert!(
            matches!(err, ProviderError::Malformed(_)),
            "{body}: {err:?}"
        );
    }
}

#[tokio::test]
async fn the_key_never_shows_in_errors_even_when_echoed() {
    let echoed = format!("invalid key {KEY} for this endpoint");
    let mut errors = vec![
        fault(ResponseTemplate::new(403).set_body_json(error_body(&echoed))).await,
        fault(ResponseTemplate::new(500).set_body_string(echoed.clone())).await,
        fault(ResponseTemplate::new(200).set_body_raw(
            format!(r#"{{"translations": "{KEY}"}}"#),
            "application/json",
        ))
        .await,
    ];
    // Nobody listening (a port just freed): a network error.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .expect("a free port")
        .port();
    let closed = config_at(&format!("http://127.0.0.1:{port}"), Duration::from_secs(30));
    let deepl = DeepL::new(closed).expect("valid config");
    errors.push(
        deepl
            .translate(&batch("el", &["Hello"]))
            .await
            .expect_err("refused"),
    );
    errors.push(deepl.usage().await.expect_err("refused"));
    assert!(
        matches!(errors[3], ProviderError::Network(_)),
        "{:?}",
        errors[3]
    );
    for err in &errors {
        assert_no_key(err);
    }
    let shown = format!("{deepl:?} {:?}", config(&MockServer::start().await));
    assert!(!shown.contains(KEY), "{shown}");
}

// ---------------------------------------------------------------------------------------
// The validator itself
// ---------------------------------------------------------------------------------------

#[tokio::test]
async fn spec_validator_rejects_what_deepl_would_refuse() {
    let server = MockServer::start().await;
    Mock::given(wiremock::matchers::any())
        .respond_with(ResponseTemplate::new(200))
        .mount(&server)
        .await;
    let client = reqwest::Client::new();
    let auth = format!("DeepL-Auth-Key {KEY}");
    let translate = format!("{}/v2/translate", server.uri());
    let bad = [
        json!({"text": "not an array", "target_lang": "EL"}),
        json!({"text": ["Hi"], "target_lang": "EL", "tag_handling_versoin": "v2"}),
        json!({"text": ["Hi"], "target_lang": "EL", "formality": "polite"}),
        json!({"text": ["Hi"]}),
        json!({"text": ["Hi"], "target_lang": "EL", "enable_beta_languages": true}),
    ];
    for body in &bad {
        client
            .post(&translate)
            .header("Authorization", &auth)
            .json(body)
            .send()
            .await
            .expect("sent");
    }
    client
        .post(&translate)
        .json(&json!({"text": ["Hi"], "target_lang": "EL"}))
        .send()
        .await
        .expect("sent without key");
    client
        .get(format!("{}/v2/translations", server.uri()))
        .header("Authorization", &auth)
        .send()
        .await
        .expect("sent to a wrong path");
    client
        .get(format!("{}/v2/usage?verbose=1", server.uri()))
        .header("Authorization", &auth)
        .send()
        .await
        .expect("sent with a query");
    client
        .post(format!("{}/v3/glossaries", server.uri()))
        .header("Authorization", &auth)
        .json(&json!({"name": "kurso-v1", "dictionaries": [{
            "source_lang": "en", "target_lang": "xx", "entries": "a\tb", "entries_format": "tsv",
        }]}))
        .send()
        .await
        .expect("sent a glossary in no language");

    let requests = server.received_requests().await.expect("recorded");
    let expected = [
        "/text",
        "tag_handling_versoin",
        "/formality",
        "\"target_lang\" is a required property",
        "enable_beta_languages",
        "no `Authorization` header",
        "not an operation",
        "query parameter `verbose`",
        "/dictionaries/0/target_lang",
    ];
    assert_eq!(requests.len(), expected.len());
    for (request, fragment) in requests.iter().zip(expected) {
        let problems = spec().violations(request, KEY);
        assert!(
            problems.iter().any(|problem| problem.contains(fragment)),
            "{} {} {}: expected a problem with `{fragment}`, got {problems:?}",
            request.method,
            request.url,
            String::from_utf8_lossy(&request.body)
        );
    }

    // And a good one passes.
    let good = json!({
        "text": ["Hi"], "target_lang": "EL", "tag_handling": "xml", "non_splitting_tags": ["x"],
    });
    let server = MockServer::start().await;
    client
        .post(format!("{}/v2/translate", server.uri()))
        .header("Authorization", &auth)
        .json(&good)
        .send()
        .await
        .expect("sent");
    conforming_requests(&server).await;
}
