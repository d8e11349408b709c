//! Any `OpenAI`-compatible chat endpoint (`OpenAI`, Azure `OpenAI` behind a proxy, Ollama, vLLM,
//! llama.cpp's server): `POST {base}/v1/chat/completions` with `Authorization: Bearer KEY`,
//! a system prompt (see `prompt.rs`), and one user message holding the batch as a JSON object
//! `{ID: masked text}`. JSON mode (`response_format: {"type": "json_object"}`) and
//! `temperature: 0`; the answer, `choices[0].message.content`, must be a JSON object with
//! exactly the IDs sent, each mapped to a string (`answer.rs` checks that).
//!
//! Invariants: a batch comes back complete, in order, or not at all: a missing, extra or
//! non-string ID, or an answer cut off at the token limit (`finish_reason: "length"`), is
//! `Malformed`, never a partial result. The key travels only in the `Authorization` header
//! (marked sensitive) and is cut out of every error body.
//!
//! Only an LLM can write plural variants English lacks, so this provider says
//! [`Provider::fills_plural_variants`] and has [`OpenAi::fill_plurals`].
//!
//! 429 is a rate limit unless the body's `error.type`/`error.code` says the account is out
//! of credit (`insufficient_quota` and its successors), which is `QuotaExceeded`.

mod answer;
mod prompt;

use std::collections::BTreeMap;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::http;
use crate::mt::config::RemoteConfig;
use crate::mt::provider::{Batch, BoxFuture, Limits, Provider, ProviderError, Reply, Secret};

use answer::parse_keyed;
use prompt::message_keys;
pub use prompt::{plural_prompt, system_prompt};

/// The public `OpenAI` API, when no `base-url` is configured.
pub const DEFAULT_BASE_URL: &str = "https://api.openai.com";
/// Texts per request unless configured: small enough that the answer fits the model's
/// output limit with room to spare.
pub const DEFAULT_MAX_TEXTS: usize = 40;
/// Bytes of text per request.
pub const DEFAULT_MAX_BYTES: usize = 32 * 1024;

/// Per request unless `timeout-seconds` says otherwise: a model writes slowly.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(120);
const DEFAULT_CONCURRENCY: usize = 2;

/// An OpenAI-compatible chat completions endpoint.
#[derive(Debug)]
pub struct OpenAi {
    client: reqwest::Client,
    endpoint: reqwest::Url,
    key: Option<Secret>,
    model: String,
    limits: Limits,
}

impl OpenAi {
    /// The endpoint with `config`'s key (sent as `Authorization: Bearer`; local servers may
    /// need none) and `[mt.openai]` settings: `model` (required: `gpt-4o-mini`,
    /// `llama3.1:8b`…), `base-url` (the server root without `/v1`; a trailing `/v1` is
    /// tolerated), `timeout-seconds`, `concurrency`, `requests-per-second`, `max-texts`.
    pub fn new(config: RemoteConfig) -> Result<OpenAi, ProviderError> {
        let settings = &config.settings;
        let model = settings
            .model
            .as_deref()
            .map(str::trim)
            .filter(|model| !model.is_empty())
            .ok_or_else(|| {
                ProviderError::Config(
                    "the openai provider needs a model name (`model = \"…\"` in [mt.openai])"
                        .to_owned(),
                )
            })?
            .to_owned();
        let base = settings
            .base_url
            .as_deref()
            .map(str::trim)
            .filter(|base| !base.is_empty())
            .unwrap_or(DEFAULT_BASE_URL);
        let root = base.trim_end_matches('/');
        let root = root.strip_suffix("/v1").unwrap_or(root);
        let endpoint =
            reqwest::Url::parse(&format!("{root}/v1/chat/completions")).map_err(|err| {
                ProviderError::Config(format!("invalid OpenAI base URL `{base}`: {err}"))
            })?;
        let client = http::client(settings.timeout_or(DEFAULT_TIMEOUT))?;
        Ok(OpenAi {
            client,
            endpoint,
            model,
            limits: Limits {
                max_texts: settings.max_texts_or(DEFAULT_MAX_TEXTS, usize::MAX),
                max_bytes: DEFAULT_MAX_BYTES,
                max_chars: usize::MAX,
                concurrency: settings.concurrency_or(DEFAULT_CONCURRENCY),
                requests_per_second: settings.rate(),
            },
            key: config.key.filter(|key| !key.expose().is_empty()),
        })
    }

    /// Writes one variant per CLDR plural category of `target` (`one few many other` for
    /// Lithuanian) from the English variants (`one`, `other`), keyed by category. The answer
    /// must name exactly `categories`, each with a string.
    pub async fn fill_plurals(
        &self,
        english_variants: &BTreeMap<String, String>,
        categories: &[&str],
        target: &str,
    ) -> Result<BTreeMap<String, String>, ProviderError> {
        if categories.is_empty() {
            return Ok(BTreeMap::new());
        }
        let system = plural_prompt(target, categories);
        let user = serde_json::to_string(english_variants).map_err(|err| {
            ProviderError::Config(format!("cannot encode the English variants: {err}"))
        })?;
        let messages = vec![Message::new("system", system), Message::new("user", user)];
        let content = self.complete(messages).await?;
        let keys: Vec<String> = categories.iter().map(|c| (*c).to_owned()).collect();
        let texts = parse_keyed(&content, &keys)?;
        Ok(keys.into_iter().zip(texts).collect())
    }

    async fn translate_texts(&self, batch: &Batch) -> Result<Vec<String>, ProviderError> {
        if batch.texts.is_empty() {
            return Ok(Vec::new());
        }
        let keys = message_keys(batch);
        let segments: serde_json::Map<String, serde_json::Value> = keys
            .iter()
            .zip(&batch.texts)
            .map(|(key, text)| (key.clone(), serde_json::Value::String(text.clone())))
            .collect();
        let mut messages = vec![Message::new("system", system_prompt(batch))];
        if let Some(context) = batch.context.as_deref().filter(|c| !c.trim().is_empty()) {
            messages.push(Message::new(
                "system",
                format!("Context, for understanding only (do not translate it): {context}"),
            ));
        }
        let user = serde_json::Value::Object(segments).to_string();
        messages.push(Message::new("user", user));
        let content = self.complete(messages).await?;
        parse_keyed(&content, &keys)
    }

    /// One chat completion in JSON mode: the content of the first choice, whole.
    async fn complete(&self, messages: Vec<Message>) -> Result<String, ProviderError> {
        let body = ChatRequest {
            model: &self.model,
            messages,
            temperature: 0.0,
            response_format: ResponseFormat {
                kind: "json_object",
            },
        };
        let mut request = self.client.post(self.endpoint.clone()).json(&body);
        if let Some(key) = &self.key {
            request = request.bearer_auth(key.expose());
        }
        let text = http::send_checked(request, self.key.as_ref(), error_from_status).await?;
        let parsed: ChatResponse =
            http::parse_json(&text, "the chat endpoint answered unexpected JSON")?;
        let choice = parsed.choices.into_iter().next().ok_or_else(|| {
            ProviderError::Malformed("the chat endpoint answered no choices".to_owned())
        })?;
        match choice.finish_reason.as_deref() {
            Some("length") => {
                return Err(ProviderError::Malformed(
                    "the model stopped at its token limit, so the answer is cut off".to_owned(),
                ));
            }
            Some("content_filter") => {
                return Err(ProviderError::Malformed(
                    "the provider's content filter withheld the answer".to_owned(),
                ));
            }
            _ => {}
        }
        choice.message.content.ok_or_else(|| {
            ProviderError::Malformed("the model's answer has no text content".to_owned())
        })
    }
}

impl Provider for OpenAi {
    fn name(&self) -> &'static str {
        "openai"
    }

    fn limits(&self) -> Limits {
        self.limits
    }

    fn translate<'a>(&'a self, batch: &'a Batch) -> BoxFuture<'a, Result<Reply, ProviderError>> {
        Box::pin(async move { self.translate_texts(batch).await.map(Reply::Done) })
    }

    fn fills_plural_variants(&self) -> bool {
        true
    }

    fn fill_plurals<'a>(
        &'a self,
        english: &'a BTreeMap<String, String>,
        categories: &'a [&'static str],
        target: &'a str,
    ) -> BoxFuture<'a, Result<BTreeMap<String, String>, ProviderError>> {
        Box::pin(OpenAi::fill_plurals(self, english, categories, target))
    }
}

#[derive(Serialize)]
struct Message {
    role: &'static str,
    content: String,
}

impl Message {
    fn new(role: &'static str, content: String) -> Message {
        Message { role, content }
    }
}

#[derive(Serialize)]
struct ChatRequest<'a> {
    model: &'a str,
    messages: Vec<Message>,
    temperature: f64,
    response_format: ResponseFormat,
}

#[derive(Serialize)]
struct ResponseFormat {
    #[serde(rename = "type")]
    kind: &'static str,
}

#[derive(Deserialize)]
struct ChatResponse {
    choices: Vec<Choice>,
}

#[derive(Deserialize)]
struct Choice {
    message: ChoiceMessage,
    finish_reason: Option<String>,
}

#[derive(Deserialize)]
struct ChoiceMessage {
    content: Option<String>,
}

/// `{"error": {"type": …, "code": …}}`, as `OpenAI` and most compatible servers answer.
#[derive(Deserialize)]
struct ErrorBody {
    error: ErrorDetail,
}

#[derive(Deserialize)]
struct ErrorDetail {
    #[serde(rename = "type")]
    kind: Option<String>,
    code: Option<serde_json::Value>,
}

/// Codes `OpenAI` sends with 429 when waiting will not help: the account is out of credit or
/// over a spend limit.
const QUOTA_CODES: &[&str] = &[
    "insufficient_quota",
    "credit_balance_exhausted",
    "organization_spend_limit_exceeded",
    "project_spend_limit_exceeded",
    "organization_usage_limit_exceeded",
];

fn error_from_status(status: u16, body: &str, retry_after: Option<Duration>) -> ProviderError {
    if status == 429
        && let Ok(parsed) = serde_json::from_str::<ErrorBody>(body)
    {
        let code = parsed
            .error
            .code
            .as_ref()
            .and_then(serde_json::Value::as_str);
        let kind = parsed.error.kind.as_deref();
        if [kind, code]
            .into_iter()
            .flatten()
            .any(|value| QUOTA_CODES.contains(&value))
        {
            return ProviderError::QuotaExceeded;
        }
    }
    ProviderError::from_status(status, body, retry_after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn needs_a_model_and_builds_the_endpoint_from_the_base() {
        let err = OpenAi::new(RemoteConfig::default()).expect_err("no model");
        assert!(err.to_string().contains("model"), "{err}");
        for base in [
            "http://127.0.0.1:9/",
            "http://127.0.0.1:9/v1",
            "http://127.0.0.1:9",
        ] {
            let provider = OpenAi::new(RemoteConfig {
                key: None,
                settings: crate::mt::config::ProviderSettings {
                    base_url: Some(base.to_owned()),
                    model: Some("m".to_owned()),
                    ..Default::default()
                },
            })
            .expect("valid config");
            assert_eq!(
                provider.endpoint.as_str(),
                "http://127.0.0.1:9/v1/chat/completions"
            );
        }
    }

    #[test]
    fn quota_429_is_not_a_rate_limit() {
        let quota = r#"{"error":{"message":"You exceeded your current quota","type":"insufficient_quota","code":"insufficient_quota"}}"#;
        assert_eq!(
            error_from_status(429, quota, None),
            ProviderError::QuotaExceeded
        );
        let spend =
            r#"{"error":{"type":"insufficient_quota","code":"project_spend_limit_exceeded"}}"#;
        assert_eq!(
            error_from_status(429, spend, None),
            ProviderError::QuotaExceeded
        );
        let rate = r#"{"error":{"type":"requests","code":"rate_limit_exceeded"}}"#;
        assert_eq!(
            error_from_status(429, rate, Some(Duration::from_secs(3))),
            ProviderError::RateLimited {
                retry_after: Some(Duration::from_secs(3))
            }
        );
    }
}
