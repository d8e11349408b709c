//! The Google, Azure and `LibreTranslate` providers against a real HTTP server on 127.0.0.1
//! (wiremock): the documented request shape (method, path, query, headers, JSON body),
//! language codes, order, Azure's dynamic dictionary and several targets per request, and
//! every fault: 429 with and without Retry-After, 5xx, 4xx, 413, late answers, truncated and
//! malformed JSON, wrong counts, dropped connections. Keys never reach URLs, errors or Debug.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use kurso::mt::config::{ProviderSettings, RemoteConfig};
use kurso::mt::providers::azure::{self, Azure};
use kurso::mt::providers::google::Google;
use kurso::mt::providers::libretranslate::LibreTranslate;
use kurso::mt::{Batch, PairGlossary, Provider, ProviderError, Reply, Secret, TermPair};
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use wiremock::matchers::{
    body_json, body_string_contains, header, method, path, query_param, query_param_is_missing,
};
use wiremock::{Mock, MockServer, ResponseTemplate};

const KEY: &str = "k3y-Sup3r-s3cret:fx";
const GOOGLE_PATH: &str = "/language/translate/v2";

fn batch(source: &str, target: &str, texts: &[&str]) -> Batch {
    Batch {
        source_lang: source.to_owned(),
        target_lang: target.to_owned(),
        ids: (1..=texts.len()).map(|idx| format!("msg-{idx}")).collect(),
        texts: texts.iter().map(|text| (*text).to_owned()).collect(),
        context: None,
        glossary: Arc::new(PairGlossary::default()),
        plural_categories: vec!["one", "other"],
        formality: None,
    }
}

fn with_glossary(mut batch: Batch, terms: &[(&str, &str)]) -> Batch {
    batch.glossary = Arc::new(PairGlossary {
        terms: terms
            .iter()
            .map(|(source, target)| TermPair {
                source: (*source).to_owned(),
                target: (*target).to_owned(),
            })
            .collect(),
        version: "test".to_owned(),
    });
    batch
}

fn google(base: &str, timeout: Duration) -> Google {
    Google::new(keyed(ProviderSettings {
        base_url: Some(base.to_owned()),
        timeout_seconds: Some(timeout.into()),
        ..ProviderSettings::default()
    }))
    .expect("valid Google config")
}

/// `settings` with the test key.
fn keyed(settings: ProviderSettings) -> RemoteConfig {
    RemoteConfig {
        key: Some(Secret::new(KEY)),
        settings,
    }
}

fn azure(base: &str, timeout: Duration) -> Azure {
    Azure::new(keyed(ProviderSettings {
        base_url: Some(base.to_owned()),
        region: Some("westeurope".to_owned()),
        timeout_seconds: Some(timeout.into()),
        ..ProviderSettings::default()
    }))
    .expect("valid Azure config")
}

fn libretranslate(base: &str, timeout: Duration) -> LibreTranslate {
    LibreTranslate::new(keyed(ProviderSettings {
        base_url: Some(base.to_owned()),
        timeout_seconds: Some(timeout.into()),
        ..ProviderSettings::default()
    }))
    .expect("valid LibreTranslate config")
}

async fn done(provider: &dyn Provider, batch: &Batch) -> Vec<String> {
    match provider.translate(batch).await {
        Ok(Reply::Done(texts)) => texts,
        other => panic!("{}: expected translations, got {other:?}", provider.name()),
    }
}

/// The three providers, for the faults they share.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Google,
    Azure,
    LibreTranslate,
}

const KINDS: [Kind; 3] = [Kind::Google, Kind::Azure, Kind::LibreTranslate];

impl Kind {
    fn path(self) -> &'static str {
        match self {
            Kind::Google => GOOGLE_PATH,
            Kind::Azure | Kind::LibreTranslate => "/translate",
        }
    }

    fn provider(self, base: &str, timeout: Duration) -> Box<dyn Provider> {
        match self {
            Kind::Google => Box::new(google(base, timeout)),
            Kind::Azure => Box::new(azure(base, timeout)),
            Kind::LibreTranslate => Box::new(libretranslate(base, timeout)),
        }
    }

    /// A well-formed answer carrying `translations` into Finnish.
    fn answer(self, translations: &[&str]) -> Value {
        match self {
            Kind::Google => json!({"data": {"translations": translations
                .iter()
                .map(|text| json!({"translatedText": text}))
                .collect::<Vec<_>>()}}),
            Kind::Azure => translations
                .iter()
                .map(|text| json!({"translations": [{"text": text, "to": "fi"}]}))
                .collect(),
            Kind::LibreTranslate => json!({"translatedText": translations}),
        }
    }
}

/// The error `kind`, talking to `base`, makes of translating `texts` into Finnish.
async fn error_from(kind: Kind, base: &str, timeout: Duration, texts: &[&str]) -> ProviderError {
    match kind
        .provider(base, timeout)
        .translate(&batch("en", "fi", texts))
        .await
    {
        Err(err) => err,
        Ok(reply) => panic!("{kind:?}: expected an error, got {reply:?}"),
    }
}

/// What `kind` makes of `response` to a two-text batch.
async fn fault_within(kind: Kind, response: ResponseTemplate, timeout: Duration) -> ProviderError {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(kind.path()))
        .respond_with(response)
        .mount(&server)
        .await;
    error_from(kind, &server.uri(), timeout, &["One.", "Two."]).await
}

async fn fault(kind: Kind, response: ResponseTemplate) -> ProviderError {
    fault_within(kind, response, Duration::from_secs(5)).await
}

// --- Google -------------------------------------------------------------------------------

#[tokio::test]
async fn google_sends_the_documented_request_and_keeps_order() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(GOOGLE_PATH))
        .and(header("x-goog-api-key", KEY))
        .and(query_param_is_missing("key"))
        .and(body_json(json!({
            "q": ["Take <x id=\"1\"/> daily.", "Call <g id=\"1\">your nurse</g>.", "Stop."],
            "source": "en",
            "target": "fi",
            "format": "html",
        })))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(Kind::Google.answer(&[
                "Ota <x id=\"1\"/> päivittäin.",
                "Soita <g id=\"1\">hoitajallesi</g>.",
                "Lopeta.",
            ])),
        )
        .expect(1)
        .mount(&server)
        .await;
    let provider = google(&server.uri(), Duration::from_secs(5));
    let texts = done(
        &provider,
        &batch(
            "en",
            "fi",
            &[
                "Take <x id=\"1\"/> daily.",
                "Call <g id=\"1\">your nurse</g>.",
                "Stop.",
            ],
        ),
    )
    .await;
    assert_eq!(
        texts,
        [
            "Ota <x id=\"1\"/> päivittäin.",
            "Soita <g id=\"1\">hoitajallesi</g>.",
            "Lopeta."
        ]
    );
    assert_eq!(provider.limits().max_texts, 128);
}

#[tokio::test]
async fn google_maps_language_codes_in_the_request() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path(GOOGLE_PATH))
        .and(body_json(
            json!({"q": ["Fever"], "source": "en", "target": "el", "format": "html"}),
        ))
        .respond_with(ResponseTemplate::new(200).set_body_json(Kind::Google.answer(&["Πυρετός"])))
        .expect(1)
        .mount(&server)
        .await;
    let texts = done(
        &google(&server.uri(), Duration::from_secs(5)),
        &batch("en-GB", "el-CY", &["Fever"]),
    )
    .await;
    assert_eq!(texts, ["Πυρετός"]);
}

#[tokio::test]
async fn google_turns_back_the_quotes_it_escapes_and_keeps_xml() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(Kind::Google.answer(&[
                "Se on &quot;&lt; 5 mg&quot; &amp; potilaan <x id=\"1\"/>, ei &#39;R&amp;D&#39;",
            ])),
        )
        .mount(&server)
        .await;
    let texts = done(
        &google(&server.uri(), Duration::from_secs(5)),
        &batch(
            "en",
            "fi",
            &["It's \"&lt; 5 mg\" &amp; the patient's <x id=\"1\"/>, not 'R&amp;D'"],
        ),
    )
    .await;
    assert_eq!(
        texts,
        ["Se on \"&lt; 5 mg\" &amp; potilaan <x id=\"1\"/>, ei 'R&amp;D'"]
    );
}

#[tokio::test]
async fn google_403_daily_limit_is_quota_exceeded() {
    let body = json!({"error": {"code": 403, "message": "Daily Limit Exceeded",
        "errors": [{"domain": "usageLimits", "reason": "dailyLimitExceeded"}]}});
    let err = fault(Kind::Google, ResponseTemplate::new(403).set_body_json(body)).await;
    assert_eq!(err, ProviderError::QuotaExceeded);
    assert!(!err.is_retryable());
}

#[tokio::test]
async fn google_403_user_rate_limit_is_rate_limited() {
    let body = json!({"error": {"code": 403, "message": "User Rate Limit Exceeded",
        "errors": [{"domain": "usageLimits", "reason": "userRateLimitExceeded"}]}});
    let err = fault(Kind::Google, ResponseTemplate::new(403).set_body_json(body)).await;
    assert_eq!(err, ProviderError::RateLimited { retry_after: None });
    assert!(err.is_retryable());
}

#[tokio::test]
async fn google_refuses_a_body_over_100k_bytes_before_sending() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200))
        .expect(0)
        .mount(&server)
        .await;
    let long = "a".repeat(60_000);
    let err = google(&server.uri(), Duration::from_secs(5))
        .translate(&batch("en", "fi", &[&long, &long]))
        .await
        .expect_err("too large");
    assert_eq!(err, ProviderError::TooLarge);
}

// --- Azure --------------------------------------------------------------------------------

#[tokio::test]
async fn azure_sends_the_documented_request_and_keeps_order() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/translate"))
        .and(query_param("api-version", "3.0"))
        .and(query_param("from", "en"))
        .and(query_param("to", "fi"))
        .and(query_param("textType", "html"))
        .and(header("Ocp-Apim-Subscription-Key", KEY))
        .and(header("Ocp-Apim-Subscription-Region", "westeurope"))
        .and(body_json(
            json!([{"Text": "Take <x id=\"1\"/> daily."}, {"Text": "Stop."}]),
        ))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(Kind::Azure.answer(&["Ota <x id=\"1\"/> päivittäin.", "Lopeta."])),
        )
        .expect(1)
        .mount(&server)
        .await;
    let provider = azure(&server.uri(), Duration::from_secs(5));
    let texts = done(
        &provider,
        &batch("en", "fi", &["Take <x id=\"1\"/> daily.", "Stop."]),
    )
    .await;
    assert_eq!(texts, ["Ota <x id=\"1\"/> päivittäin.", "Lopeta."]);
    assert_eq!(provider.limits().max_texts, 1_000);
    assert_eq!(provider.limits().max_chars, 50_000);
}

#[tokio::test]
async fn azure_maps_language_codes_in_the_query() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(query_param("from", "en"))
        .and(query_param("to", "el"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!([{"translations": [{"text": "Πυρετός", "to": "el"}]}])),
        )
        .expect(1)
        .mount(&server)
        .await;
    let texts = done(
        &azure(&server.uri(), Duration::from_secs(5)),
        &batch("en-GB", "el-CY", &["Fever"]),
    )
    .await;
    assert_eq!(texts, ["Πυρετός"]);
    assert_eq!(azure::language_code("zh-TW"), "zh-Hant");
}

#[tokio::test]
async fn azure_translates_into_several_targets_in_one_request() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/translate"))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([
            {"translations": [{"text": "Kuume", "to": "fi"}, {"text": "Karščiavimas", "to": "lt"}, {"text": "Πυρετός", "to": "el"}]},
            {"translations": [{"text": "Lopeta.", "to": "fi"}, {"text": "Sustokite.", "to": "lt"}, {"text": "Σταματήστε.", "to": "el"}]},
        ])))
        .expect(1)
        .mount(&server)
        .await;
    let provider = azure(&server.uri(), Duration::from_secs(5));
    let targets = ["fi", "lt", "el", "el-CY"].map(str::to_owned);
    let results = provider
        .translate_many(&batch("en", "fi", &["Fever", "Stop."]), &targets)
        .await
        .expect("translations");
    assert_eq!(results["fi"], ["Kuume", "Lopeta."]);
    assert_eq!(results["lt"], ["Karščiavimas", "Sustokite."]);
    assert_eq!(results["el"], ["Πυρετός", "Σταματήστε."]);
    assert_eq!(results["el-CY"], results["el"]);
    let requests = server.received_requests().await.expect("recorded");
    let to: Vec<String> = requests[0]
        .url
        .query_pairs()
        .filter(|(name, _)| name == "to")
        .map(|(_, value)| value.into_owned())
        .collect();
    assert_eq!(to, ["fi", "lt", "el"], "one `to` per distinct Azure code");
}

#[tokio::test]
async fn azure_sends_glossary_terms_as_dynamic_dictionary_markup() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(body_json(json!([
            {"Text": "Report <mstrans:dictionary translation=\"hengenahdistus\">dyspnoea</mstrans:dictionary> <x id=\"1\"/>."},
            {"Text": "Check <mstrans:dictionary translation=\"verenpaine\">Blood Pressure</mstrans:dictionary>, not blood pressures."},
        ])))
        .respond_with(ResponseTemplate::new(200).set_body_json(Kind::Azure.answer(&[
            "Ilmoita hengenahdistus <x id=\"1\"/>.",
            "Tarkista verenpaine, ei verenpaineita.",
        ])))
        .expect(1)
        .mount(&server)
        .await;
    let batch = with_glossary(
        batch(
            "en",
            "fi",
            &[
                "Report dyspnoea <x id=\"1\"/>.",
                "Check Blood Pressure, not blood pressures.",
            ],
        ),
        &[
            ("dyspnoea", "hengenahdistus"),
            ("blood pressure", "verenpaine"),
        ],
    );
    let texts = done(&azure(&server.uri(), Duration::from_secs(5)), &batch).await;
    assert_eq!(
        texts,
        [
            "Ilmoita hengenahdistus <x id=\"1\"/>.",
            "Tarkista verenpaine, ei verenpaineita."
        ]
    );
    assert!(texts.iter().all(|text| !text.contains("mstrans")));
}

#[tokio::test]
async fn azure_replaces_dictionary_markup_that_comes_back() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200).set_body_json(Kind::Azure.answer(&[
            "Ilmoita <mstrans:dictionary translation=\"hengenahdistus\">dyspnoea</mstrans:dictionary> <x id=\"1\"/>.",
        ])))
        .mount(&server)
        .await;
    let batch = with_glossary(
        batch("en", "fi", &["Report dyspnoea <x id=\"1\"/>."]),
        &[("dyspnoea", "hengenahdistus")],
    );
    let texts = done(&azure(&server.uri(), Duration::from_secs(5)), &batch).await;
    assert_eq!(texts, ["Ilmoita hengenahdistus <x id=\"1\"/>."]);
}

#[tokio::test]
async fn azure_sends_the_glossary_only_for_its_own_target() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(query_param("to", "fi"))
        .and(body_string_contains("mstrans:dictionary"))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(Kind::Azure.answer(&["Ilmoita hengenahdistus."])),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(query_param("to", "lt"))
        .and(body_json(json!([{"Text": "Report dyspnoea."}])))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            json!([{"translations": [{"text": "Praneškite apie dusulį.", "to": "lt"}]}]),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let batch = with_glossary(
        batch("en", "fi", &["Report dyspnoea."]),
        &[("dyspnoea", "hengenahdistus")],
    );
    let results = azure(&server.uri(), Duration::from_secs(5))
        .translate_many(&batch, &["fi".to_owned(), "lt".to_owned()])
        .await
        .expect("translations");
    assert_eq!(results["fi"], ["Ilmoita hengenahdistus."]);
    assert_eq!(results["lt"], ["Praneškite apie dusulį."]);
    for request in server.received_requests().await.expect("recorded") {
        let n_targets = request
            .url
            .query_pairs()
            .filter(|(name, _)| name == "to")
            .count();
        assert_eq!(n_targets, 1, "{}", request.url);
    }
}

#[tokio::test]
async fn azure_refuses_more_characters_than_the_budget_for_its_targets() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(200))
        .expect(0)
        .mount(&server)
        .await;
    let provider = azure(&server.uri(), Duration::from_secs(5));
    let long = "a".repeat(20_000);
    let targets = ["fi", "lt", "el"].map(str::to_owned);
    let err = provider
        .translate_many(&batch("en", "fi", &[&long]), &targets)
        .await
        .expect_err("60,000 characters counted");
    assert_eq!(err, ProviderError::TooLarge);
    assert_eq!(azure::max_chars_per_request(targets.len()), 16_666);
}

#[tokio::test]
async fn azure_403001_is_quota_exceeded() {
    let body = json!({"error": {"code": 403_001, "message": "The operation is not allowed because the subscription has exceeded its free quota."}});
    let err = fault(Kind::Azure, ResponseTemplate::new(403).set_body_json(body)).await;
    assert_eq!(err, ProviderError::QuotaExceeded);
}

#[tokio::test]
async fn azure_missing_target_in_answer_is_malformed() {
    let answer = json!([
        {"translations": [{"text": "Yksi.", "to": "fi"}]},
        {"translations": [{"text": "Du.", "to": "lt"}]},
    ]);
    let err = fault(
        Kind::Azure,
        ResponseTemplate::new(200).set_body_json(answer),
    )
    .await;
    assert!(
        matches!(&err, ProviderError::Malformed(message) if message.contains("`fi`")),
        "{err:?}"
    );
}

// --- LibreTranslate -----------------------------------------------------------------------

#[tokio::test]
async fn libretranslate_sends_the_documented_request_and_keeps_order() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(path("/translate"))
        .and(header("content-type", "application/json"))
        .and(body_json(json!({
            "q": ["Take <x id=\"1\"/> daily.", "Stop."],
            "source": "en",
            "target": "fi",
            "format": "html",
            "api_key": KEY,
        })))
        .respond_with(ResponseTemplate::new(200).set_body_json(
            Kind::LibreTranslate.answer(&["Ota <x id=\"1\"></x> päivittäin.", "Lopeta."]),
        ))
        .expect(1)
        .mount(&server)
        .await;
    let provider = libretranslate(&server.uri(), Duration::from_secs(5));
    let texts = done(
        &provider,
        &batch("en", "fi", &["Take <x id=\"1\"/> daily.", "Stop."]),
    )
    .await;
    assert_eq!(texts, ["Ota <x id=\"1\"/> päivittäin.", "Lopeta."]);
    assert_eq!(provider.limits().max_texts, 50);
}

#[tokio::test]
async fn libretranslate_sends_no_api_key_when_none_is_configured() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(body_json(
            json!({"q": ["Fever"], "source": "en", "target": "el", "format": "html"}),
        ))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"translatedText": ["Πυρετός"]})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let provider = LibreTranslate::new(RemoteConfig {
        key: None,
        settings: ProviderSettings {
            base_url: Some(format!("{}/", server.uri())),
            ..ProviderSettings::default()
        },
    })
    .expect("valid config");
    assert_eq!(
        done(&provider, &batch("en", "el-CY", &["Fever"])).await,
        ["Πυρετός"]
    );
}

#[tokio::test]
async fn libretranslate_maps_language_codes() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .and(body_json(
            json!({"q": ["Fever"], "source": "en", "target": "pb", "format": "html"}),
        ))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!({"translatedText": ["Febre"]})),
        )
        .expect(1)
        .mount(&server)
        .await;
    let provider = LibreTranslate::new(RemoteConfig {
        key: None,
        settings: ProviderSettings {
            base_url: Some(server.uri()),
            language_codes: BTreeMap::from([("pt-BR".to_owned(), "pb".to_owned())]),
            ..ProviderSettings::default()
        },
    })
    .expect("valid config");
    assert_eq!(
        done(&provider, &batch("en-US", "pt-BR", &["Fever"])).await,
        ["Febre"]
    );
    assert_eq!(provider.language_code("el-CY"), "el");
}

#[tokio::test]
async fn libretranslate_restores_the_markup_its_html_mode_unescapes() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(Kind::LibreTranslate.answer(&[
                "Annos < 5 mg <x id=\"1\"></x>",
                "<g id=\"2\">T&K</g> \"ok\"",
            ])),
        )
        .mount(&server)
        .await;
    let texts = done(
        &libretranslate(&server.uri(), Duration::from_secs(5)),
        &batch(
            "en",
            "fi",
            &[
                "Dose &lt; 5 mg <x id=\"1\"/>",
                "<g id=\"2\">R&amp;D</g> \"ok\"",
            ],
        ),
    )
    .await;
    assert_eq!(
        texts,
        [
            "Annos &lt; 5 mg <x id=\"1\"/>",
            "<g id=\"2\">T&amp;K</g> \"ok\""
        ]
    );
}

#[test]
fn libretranslate_needs_a_base_url() {
    let err = LibreTranslate::new(RemoteConfig::default()).expect_err("no default server");
    assert!(
        matches!(&err, ProviderError::Config(message) if message.contains("base-url")),
        "{err:?}"
    );
}

#[tokio::test]
async fn libretranslate_text_limit_is_too_large() {
    let body = json!({"error": "Invalid request: request (60) exceeds text limit (50)"});
    let err = fault(
        Kind::LibreTranslate,
        ResponseTemplate::new(400).set_body_json(body),
    )
    .await;
    assert_eq!(err, ProviderError::TooLarge);
}

#[test]
fn libretranslate_max_texts_is_configurable() {
    let provider = LibreTranslate::new(RemoteConfig {
        key: None,
        settings: ProviderSettings {
            base_url: Some("http://127.0.0.1:5000".to_owned()),
            max_texts: Some(10),
            ..ProviderSettings::default()
        },
    })
    .expect("valid config");
    assert_eq!(provider.limits().max_texts, 10);
}

// --- Faults every provider maps the same way ----------------------------------------------

#[tokio::test]
async fn rate_limited_429_with_retry_after() {
    for kind in KINDS {
        let err = fault(
            kind,
            ResponseTemplate::new(429).insert_header("Retry-After", "7"),
        )
        .await;
        assert_eq!(
            err,
            ProviderError::RateLimited {
                retry_after: Some(Duration::from_secs(7))
            },
            "{kind:?}"
        );
        assert!(err.is_retryable());
    }
}

#[tokio::test]
async fn rate_limited_429_without_retry_after() {
    for kind in KINDS {
        let err = fault(kind, ResponseTemplate::new(429)).await;
        assert_eq!(
            err,
            ProviderError::RateLimited { retry_after: None },
            "{kind:?}"
        );
    }
}

#[tokio::test]
async fn server_errors_500_and_503_are_retryable() {
    for kind in KINDS {
        for status in [500, 503] {
            let err = fault(
                kind,
                ResponseTemplate::new(status).set_body_string("backend unavailable"),
            )
            .await;
            assert_eq!(
                err,
                ProviderError::Server {
                    status,
                    body: "backend unavailable".to_owned(),
                    retry_after: None,
                },
                "{kind:?}"
            );
            assert!(err.is_retryable());
        }
    }
}

#[tokio::test]
async fn client_errors_400_401_403_are_not_retryable() {
    for kind in KINDS {
        for status in [400, 401, 403] {
            let err = fault(
                kind,
                ResponseTemplate::new(status).set_body_string("{\"error\": \"no\"}"),
            )
            .await;
            // 401 and 403 reject the key: the run stops there.
            assert!(
                match err {
                    ProviderError::Client { status: got, .. } => got == status && status == 400,
                    ProviderError::KeyRejected { status: got, .. } => got == status && got != 400,
                    _ => false,
                },
                "{kind:?}: {err:?}"
            );
            assert!(!err.is_retryable());
        }
    }
}

#[tokio::test]
async fn payload_too_large_413_asks_for_a_split() {
    for kind in KINDS {
        assert_eq!(
            fault(kind, ResponseTemplate::new(413)).await,
            ProviderError::TooLarge,
            "{kind:?}"
        );
    }
}

#[tokio::test]
async fn timeout_when_the_answer_is_late() {
    for kind in KINDS {
        let late = ResponseTemplate::new(200)
            .set_body_json(kind.answer(&["Yksi.", "Kaksi."]))
            .set_delay(Duration::from_secs(3));
        let err = fault_within(kind, late, Duration::from_millis(200)).await;
        assert_eq!(err, ProviderError::Timeout, "{kind:?}");
        assert!(err.is_retryable());
    }
}

#[tokio::test]
async fn truncated_json_is_malformed() {
    for kind in KINDS {
        let full = kind.answer(&["Yksi.", "Kaksi."]).to_string();
        let cut = &full[..full.len() / 2];
        let err = fault(
            kind,
            ResponseTemplate::new(200).set_body_raw(cut, "application/json"),
        )
        .await;
        assert!(
            matches!(err, ProviderError::Malformed(_)),
            "{kind:?}: {err:?}"
        );
        assert!(err.is_retryable());
    }
}

#[tokio::test]
async fn malformed_json_is_malformed() {
    for kind in KINDS {
        for body in [
            "<html>Bad gateway</html>",
            "{\"unexpected\": true}",
            "[1, 2]",
            "null",
        ] {
            let err = fault(
                kind,
                ResponseTemplate::new(200).set_body_raw(body, "application/json"),
            )
            .await;
            assert!(
                matches!(err, ProviderError::Malformed(_)),
                "{kind:?} {body}: {err:?}"
            );
        }
    }
}

#[tokio::test]
async fn wrong_number_of_translations_is_malformed() {
    for kind in KINDS {
        for translations in [&["Yksi."][..], &["Yksi.", "Kaksi.", "Kolme."][..]] {
            let err = fault(
                kind,
                ResponseTemplate::new(200).set_body_json(kind.answer(translations)),
            )
            .await;
            assert!(
                matches!(err, ProviderError::Malformed(_)),
                "{kind:?}: {err:?}"
            );
        }
    }
}

/// A server that reads one request, promises a 1,000-byte JSON body, sends 20 bytes and
/// closes the connection.
async fn hang_up_mid_body() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = listener.local_addr().expect("address");
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let mut request = Vec::new();
            let mut buffer = [0_u8; 4096];
            loop {
                let n_read = socket.read(&mut buffer).await.unwrap_or(0);
                if n_read == 0 {
                    break;
                }
                request.extend_from_slice(&buffer[..n_read]);
                let text = String::from_utf8_lossy(&request);
                if let Some(head_end) = text.find("\r\n\r\n") {
                    let length = text[..head_end]
                        .lines()
                        .find_map(|line| {
                            let (name, value) = line.split_once(':')?;
                            name.eq_ignore_ascii_case("content-length")
                                .then(|| value.trim().parse::<usize>().ok())?
                        })
                        .unwrap_or(0);
                    if request.len() >= head_end + 4 + length {
                        break;
                    }
                }
            }
            let head =
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n";
            let _ = socket
                .write_all(format!("{head}{{\"data\": {{\"transla").as_bytes())
                .await;
            let _ = socket.shutdown().await;
        }
    });
    format!("http://{address}")
}

#[tokio::test]
async fn connection_closed_mid_body_is_malformed() {
    let base = hang_up_mid_body().await;
    for kind in KINDS {
        let err = error_from(kind, &base, Duration::from_secs(5), &["One."]).await;
        assert!(
            matches!(err, ProviderError::Malformed(_)),
            "{kind:?}: {err:?}"
        );
        assert!(err.is_retryable());
    }
}

#[tokio::test]
async fn connection_refused_is_a_network_error() {
    let base = crate::support::closed_port().await;
    for kind in KINDS {
        let err = error_from(kind, &base, Duration::from_secs(5), &["One."]).await;
        assert!(
            matches!(err, ProviderError::Network(_)),
            "{kind:?}: {err:?}"
        );
    }
}

#[tokio::test]
async fn empty_batch_sends_nothing() {
    let server = MockServer::start().await;
    Mock::given(method("POST"))
        .respond_with(ResponseTemplate::new(500))
        .expect(0)
        .mount(&server)
        .await;
    for kind in KINDS {
        let provider = kind.provider(&server.uri(), Duration::from_secs(5));
        assert_eq!(
            done(provider.as_ref(), &batch("en", "fi", &[])).await,
            Vec::<String>::new(),
            "{kind:?}"
        );
    }
}

#[tokio::test]
async fn keys_never_appear_in_urls_errors_or_debug_output() {
    let echo = format!("{{\"error\": {{\"code\": 401, \"message\": \"key {KEY} is not valid\"}}}}");
    let mut shown = Vec::new();
    for kind in KINDS {
        let responses = [
            ResponseTemplate::new(401).set_body_string(echo.clone()),
            ResponseTemplate::new(403).set_body_string(echo.clone()),
            ResponseTemplate::new(400).set_body_string(echo.clone()),
            ResponseTemplate::new(500).set_body_string(echo.clone()),
            ResponseTemplate::new(429).insert_header("Retry-After", "3"),
            ResponseTemplate::new(413),
            ResponseTemplate::new(200).set_body_raw(format!("{{\"{KEY}\": "), "application/json"),
            ResponseTemplate::new(200).set_body_json(kind.answer(&["only one"])),
        ];
        for response in responses {
            let server = MockServer::start().await;
            Mock::given(method("POST"))
                .respond_with(response)
                .mount(&server)
                .await;
            let err = error_from(
                kind,
                &server.uri(),
                Duration::from_secs(5),
                &["One.", "Two."],
            )
            .await;
            shown.push(format!("{kind:?}: {err} / {err:?}"));
            for request in server.received_requests().await.expect("recorded") {
                assert!(
                    !request.url.as_str().contains(KEY),
                    "{kind:?}: key in {}",
                    request.url
                );
            }
        }
        let late = ResponseTemplate::new(200).set_delay(Duration::from_secs(3));
        let err = fault_within(kind, late, Duration::from_millis(100)).await;
        shown.push(format!("{kind:?}: {err} / {err:?}"));
        let err = error_from(
            kind,
            &crate::support::closed_port().await,
            Duration::from_secs(5),
            &["One."],
        )
        .await;
        shown.push(format!("{kind:?}: {err} / {err:?}"));
    }
    shown.push(format!(
        "{:?}",
        google("http://127.0.0.1:9", Duration::from_secs(1))
    ));
    shown.push(format!(
        "{:?}",
        azure("http://127.0.0.1:9", Duration::from_secs(1))
    ));
    shown.push(format!(
        "{:?}",
        libretranslate("http://127.0.0.1:9", Duration::from_secs(1))
    ));
    shown.push(format!(
        "{:?} {:?} {:?}",
        keyed(ProviderSettings::default()),
        keyed(ProviderSettings {
            region: Some("westeurope".to_owned()),
            ..ProviderSettings::default()
        }),
        keyed(ProviderSettings {
            base_url: Some("http://127.0.0.1:9".to_owned()),
            ..ProviderSettings::default()
        }),
    ));
    for text in &shown {
        assert!(!text.contains(KEY), "the key leaked: {text}");
    }
    assert!(
        shown.iter().any(|text| text.contains("***")),
        "echoed keys are redacted, not dropped"
    );
}
