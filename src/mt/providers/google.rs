//! Google Cloud Translation – Basic (v2): `POST {base}/language/translate/v2` with a JSON body
//! `{"q": [...], "source", "target", "format": "html"}`, answered by
//! `{"data": {"translations": [{"translatedText"}]}}`, one per `q`, in order.
//!
//! Invariants: the API key travels only in the `X-Goog-Api-Key` header (Google also accepts a
//! `key` query parameter, but URLs end up in logs and error messages), marked sensitive, and
//! is cut out of any error body. Texts go as HTML so the XML placeholders survive; what comes
//! back stays XML-escaped as it was sent, except the `&#39;` and `&quot;` Google adds for
//! quotes, which are turned back into the characters.
//!
//! Documented limits: 128 texts per request and a 100K-byte request body (Google's
//! "Quotas and limits" page); Google recommends about 5K characters per request for
//! latency, which is a preference, not a limit, so it is not enforced here.

use std::time::Duration;

use reqwest::header::{CONTENT_TYPE, HeaderValue};
use serde::{Deserialize, Serialize};

use super::http;
use crate::mt::config::RemoteConfig;
use crate::mt::provider::{Batch, BoxFuture, Limits, Provider, ProviderError, Reply, Secret};

/// Where Google serves the v2 API.
pub const DEFAULT_BASE_URL: &str = "https://translation.googleapis.com";
/// Texts (`q` values) per request.
pub const MAX_TEXTS: usize = 128;
/// Bytes per request body ("Cloud Translation - Basic has a maximum request size of 100K
/// bytes").
pub const MAX_REQUEST_BYTES: usize = 100_000;
/// Bytes of text the engine may put in one batch: the request limit less room for the JSON
/// around the texts (quotes, commas, escaped `"` in placeholders).
const MAX_TEXT_BYTES: usize = 90_000;

/// Per request unless `timeout-seconds` says otherwise.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
const DEFAULT_CONCURRENCY: usize = 4;

/// Google Cloud Translation – Basic.
#[derive(Debug)]
pub struct Google {
    client: reqwest::Client,
    endpoint: reqwest::Url,
    key: Secret,
    key_header: HeaderValue,
    limits: Limits,
}

impl Google {
    /// Google with `config`'s key and `[mt.google]` settings: `base-url` (default
    /// [`DEFAULT_BASE_URL`]; tests point it at a local server), `timeout-seconds`,
    /// `concurrency`, `requests-per-second`, `max-texts` (at most 128).
    pub fn new(config: RemoteConfig) -> Result<Google, ProviderError> {
        let settings = &config.settings;
        let (key, key_header) = http::api_key(config.key, "Google")?;
        let base = settings.base_url.as_deref().unwrap_or(DEFAULT_BASE_URL);
        let endpoint = http::endpoint(base, "/language/translate/v2", "Google")?;
        let client = http::client(settings.timeout_or(DEFAULT_TIMEOUT))?;
        Ok(Google {
            client,
            endpoint,
            key,
            key_header,
            limits: Limits {
                max_texts: settings.max_texts_or(MAX_TEXTS, MAX_TEXTS),
                max_bytes: MAX_TEXT_BYTES,
                max_chars: usize::MAX,
                concurrency: settings.concurrency_or(DEFAULT_CONCURRENCY),
                requests_per_second: settings.rate(),
            },
        })
    }

    async fn translate_texts(&self, batch: &Batch) -> Result<Vec<String>, ProviderError> {
        if batch.texts.is_empty() {
            return Ok(Vec::new());
        }
        let source = language_code(&batch.source_lang);
        let target = language_code(&batch.target_lang);
        let body = serde_json::to_vec(&TranslateRequest {
            q: &batch.texts,
            source: &source,
            target: &target,
            format: "html",
        })
        .map_err(|err| ProviderError::Config(format!("cannot encode the request: {err}")))?;
        if body.len() > MAX_REQUEST_BYTES {
            return Err(ProviderError::TooLarge);
        }
        let request = self
            .client
            .post(self.endpoint.clone())
            .header("x-goog-api-key", self.key_header.clone())
            .header(CONTENT_TYPE, "application/json; charset=utf-8")
            .body(body);
        let text = http::send_checked(request, Some(&self.key), error_from_status).await?;
        let parsed: TranslateResponse =
            http::parse_json(&text, "Google answered with unexpected JSON")?;
        let translations = parsed.data.translations;
        http::expect_count(
            batch.texts.len(),
            translations.len(),
            "Google",
            "translations",
        )?;
        Ok(translations
            .into_iter()
            .map(|translation| unescape_quotes(&translation.translated_text))
            .collect())
    }
}

impl Provider for Google {
    fn name(&self) -> &'static str {
        "google"
    }

    fn limits(&self) -> Limits {
        self.limits
    }

    fn translate<'a>(&'a self, batch: &'a Batch) -> BoxFuture<'a, Result<Reply, ProviderError>> {
        Box::pin(async move { self.translate_texts(batch).await.map(Reply::Done) })
    }
}

#[derive(Serialize)]
struct TranslateRequest<'a> {
    q: &'a [String],
    source: &'a str,
    target: &'a str,
    format: &'static str,
}

#[derive(Deserialize)]
struct TranslateResponse {
    data: TranslateData,
}

#[derive(Deserialize)]
struct TranslateData {
    translations: Vec<Translation>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct Translation {
    translated_text: String,
}

/// Google's code for a BCP 47 tag: the language subtag (`el-CY` → `el`), except the few
/// regional codes Google lists (`zh-CN`, `zh-TW`, `fr-CA`, `mni-Mtei`).
pub fn language_code(bcp47: &str) -> String {
    let lower = bcp47.to_ascii_lowercase();
    let mut subtags = lower.split(['-', '_']);
    let language = subtags.next().unwrap_or_default();
    let rest: Vec<&str> = subtags.collect();
    let has = |subtag: &str| rest.contains(&subtag);
    match language {
        "zh" if has("hant") || has("tw") || has("hk") || has("mo") => "zh-TW".to_owned(),
        "zh" => "zh-CN".to_owned(),
        "fr" if has("ca") => "fr-CA".to_owned(),
        "mni" => "mni-Mtei".to_owned(),
        _ => language.to_owned(),
    }
}

/// Google's HTML mode escapes quotes it finds in text (`It&#39;s`); the masked text we sent
/// had them raw, so they go back to characters. `&amp;`, `&lt;` and `&gt;` stay: the masked
/// text is XML, escaped exactly once, and unmasking decodes it.
pub fn unescape_quotes(text: &str) -> String {
    if !text.contains('&') {
        return text.to_owned();
    }
    text.replace("&#39;", "'")
        .replace("&#x27;", "'")
        .replace("&apos;", "'")
        .replace("&quot;", "\"")
        .replace("&#34;", "\"")
}

/// Google reports quota exhaustion as 403 ("Daily Limit Exceeded", or "User Rate Limit
/// Exceeded" for the per-minute quota) and an invalid key as 400; other statuses map as for
/// every provider.
fn error_from_status(status: u16, body: &str, retry_after: Option<Duration>) -> ProviderError {
    // An invalid key is a 400 ("API key not valid", reason `API_KEY_INVALID`).
    if status == 400 && (body.contains("API_KEY_INVALID") || body.contains("API key not valid")) {
        return ProviderError::KeyRejected {
            status,
            body: body.chars().take(500).collect(),
        };
    }
    if status == 403 {
        if body.contains("Daily Limit Exceeded") || body.contains("dailyLimitExceeded") {
            return ProviderError::QuotaExceeded;
        }
        if body.contains("Rate Limit Exceeded")
            || body.contains("RateLimitExceeded")
            || body.contains("rateLimitExceeded")
        {
            return ProviderError::RateLimited { retry_after };
        }
    }
    ProviderError::from_status(status, body, retry_after)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn maps_language_codes() {
        for (bcp47, google) in [
            ("el-CY", "el"),
            ("el", "el"),
            ("lt", "lt"),
            ("en", "en"),
            ("zh-Hant", "zh-TW"),
            ("zh-Hans", "zh-CN"),
            ("fr-CA", "fr-CA"),
            ("fr-FR", "fr"),
        ] {
            assert_eq!(language_code(bcp47), google, "{bcp47}");
        }
    }

    #[test]
    fn unescapes_only_the_quotes() {
        assert_eq!(
            unescape_quotes("It&#39;s &quot;&lt;5&quot; &amp; <x id=\"1\"/>"),
            "It's \"&lt;5\" &amp; <x id=\"1\"/>"
        );
        assert_eq!(unescape_quotes("R&amp;quot;D"), "R&amp;quot;D");
    }
}
