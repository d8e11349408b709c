//! The one interface every machine-translation provider implements, and its typed errors.
//!
//! A provider turns a [`Batch`] of masked segments (XML placeholders stand for placeables,
//! inline Markdown and do-not-translate terms; see `mask.rs`) into translations, in order.
//! It knows its wire format and its limits; the engine (`engine.rs`) does batching,
//! concurrency, rate limiting, retries, journaling and caching for all of them.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::time::Duration;

use thiserror::Error;

/// An API key. `Debug` and `Display` print `***`, so a key never reaches output, logs or
/// error messages by accident; [`Secret::expose`] is the one way to read it.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Secret {
        Secret(value.into())
    }

    /// The key itself, for the request header or body that needs it. Nothing else.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

/// A glossary term pair for one language pair, as providers receive it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct TermPair {
    pub source: String,
    pub target: String,
}

/// The glossary of one language pair, with a content hash that names its version (cache
/// keys, and DeepL glossaries reused by hash).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PairGlossary {
    pub terms: Vec<TermPair>,
    /// Hex SHA-256 of the sorted terms; empty when there are none.
    pub version: String,
}

/// What one request translates.
#[derive(Debug, Clone)]
pub struct Batch {
    /// BCP 47 codes as in kurso.toml (`en`, `el-CY`); providers map them to their codes.
    pub source_lang: String,
    pub target_lang: String,
    /// Message IDs, one per text (the LLM provider keys its JSON by them).
    pub ids: Vec<String>,
    /// Masked texts: XML placeholders `<x id="N"/>` and `<g id="N">…</g>` must come back.
    pub texts: Vec<String>,
    /// Context that is not translated: the module title and neighbouring text.
    pub context: Option<String>,
    pub glossary: Arc<PairGlossary>,
    /// CLDR plural categories of the target (`one few many other` for Lithuanian).
    pub plural_categories: Vec<&'static str>,
    /// `more`/`less`/`prefer_more`/`prefer_less` for providers that support formality.
    pub formality: Option<String>,
}

impl Batch {
    /// Characters a provider bills for this batch.
    pub fn characters(&self) -> usize {
        self.texts.iter().map(|t| t.chars().count()).sum()
    }
}

/// What a provider answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reply {
    /// One translation per text, in order.
    Done(Vec<String>),
    /// Accepted for asynchronous translation (eTranslation); results arrive by callback.
    Submitted { request_id: String },
}

/// How much one request may hold and how fast requests may go.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Limits {
    /// Texts per request.
    pub max_texts: usize,
    /// Bytes of text per request (request body size limits).
    pub max_bytes: usize,
    /// Characters per request (Azure: 50,000 characters × targets).
    pub max_chars: usize,
    /// Requests in flight at once.
    pub concurrency: usize,
    /// Requests per second (0: unlimited).
    pub requests_per_second: f64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_texts: 50,
            max_bytes: 128 * 1024,
            max_chars: usize::MAX,
            concurrency: 4,
            requests_per_second: 0.0,
        }
    }
}

/// Why a request failed. The engine decides from the variant whether to retry.
#[derive(Debug, Error, Clone, PartialEq, Eq)]
pub enum ProviderError {
    /// 429 (or 529): slow down; retried after `retry_after` when the server says.
    #[error("rate limited by the provider{}", retry_after.map(|d| format!(" (retry after {} s)", d.as_secs())).unwrap_or_default())]
    RateLimited { retry_after: Option<Duration> },
    /// DeepL 456 and equivalents: the account's quota is used up. Stops the run.
    #[error("the provider's quota is used up: nothing more can be translated until it renews")]
    QuotaExceeded,
    /// 413: the batch is too large; the engine splits it.
    #[error("the request was too large for the provider")]
    TooLarge,
    /// 5xx: retried, after `retry_after` when the server says (a 503 during maintenance).
    #[error("the provider failed (HTTP {status}): {body}")]
    Server {
        status: u16,
        body: String,
        retry_after: Option<Duration>,
    },
    /// 401, 403: the key is wrong, revoked or not allowed this. Every other request would
    /// be refused alike, so it stops the run.
    #[error("the provider rejected the key (HTTP {status}): {body}")]
    KeyRejected { status: u16, body: String },
    /// 400, 404…: a mistake retrying cannot fix.
    #[error("the provider refused the request (HTTP {status}): {body}")]
    Client { status: u16, body: String },
    /// No answer in time: retried.
    #[error("the provider did not answer in time")]
    Timeout,
    /// Connection refused, reset, DNS…: retried.
    #[error("could not reach the provider: {0}")]
    Network(String),
    /// The answer was not what the wire format promises (truncated or malformed JSON, wrong
    /// number of translations): retried once, then reported.
    #[error("the provider's answer was malformed: {0}")]
    Malformed(String),
    /// Configuration problem (missing key, unsupported language): not retried.
    #[error("{0}")]
    Config(String),
}

impl ProviderError {
    /// Whether retrying the same request may succeed.
    pub fn is_retryable(&self) -> bool {
        matches!(
            self,
            ProviderError::RateLimited { .. }
                | ProviderError::Server { .. }
                | ProviderError::Timeout
                | ProviderError::Network(_)
                | ProviderError::Malformed(_)
        )
    }

    /// Whether this error ends the whole run: nothing sent after it could succeed (a spent
    /// quota, a rejected key).
    pub fn stops_the_run(&self) -> bool {
        matches!(
            self,
            ProviderError::QuotaExceeded | ProviderError::KeyRejected { .. }
        )
    }

    /// How long the server asked to be left alone, if it said.
    pub fn retry_after(&self) -> Option<Duration> {
        match self {
            ProviderError::RateLimited { retry_after }
            | ProviderError::Server { retry_after, .. } => *retry_after,
            _ => None,
        }
    }

    /// Maps an HTTP status and body to an error (`retry_after` from the header, if any).
    pub fn from_status(status: u16, body: &str, retry_after: Option<Duration>) -> ProviderError {
        let body = body.chars().take(500).collect::<String>();
        match status {
            429 | 529 => ProviderError::RateLimited { retry_after },
            456 => ProviderError::QuotaExceeded,
            413 => ProviderError::TooLarge,
            401 | 403 => ProviderError::KeyRejected { status, body },
            500..=599 => ProviderError::Server {
                status,
                body,
                retry_after,
            },
            _ => ProviderError::Client { status, body },
        }
    }

    /// The same error with `redact` applied to every text a server or a library wrote (a
    /// server may echo the key).
    #[must_use]
    pub fn map_text(self, redact: impl Fn(String) -> String) -> ProviderError {
        match self {
            ProviderError::Server {
                status,
                body,
                retry_after,
            } => ProviderError::Server {
                status,
                body: redact(body),
                retry_after,
            },
            ProviderError::KeyRejected { status, body } => ProviderError::KeyRejected {
                status,
                body: redact(body),
            },
            ProviderError::Client { status, body } => ProviderError::Client {
                status,
                body: redact(body),
            },
            ProviderError::Network(text) => ProviderError::Network(redact(text)),
            ProviderError::Malformed(text) => ProviderError::Malformed(redact(text)),
            ProviderError::Config(text) => ProviderError::Config(redact(text)),
            other => other,
        }
    }
}

/// A boxed future, so providers can live behind `dyn Provider`.
pub type BoxFuture<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// Account usage (characters used and allowed this period).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Usage {
    pub characters: u64,
    pub limit: Option<u64>,
}

/// A machine-translation provider.
pub trait Provider: Send + Sync {
    /// Short name used in config, state (`origin`) and the cache key (`deepl`, `pseudo`).
    fn name(&self) -> &str;

    fn limits(&self) -> Limits;

    /// Translates one batch (within [`Self::limits`]).
    fn translate<'a>(&'a self, batch: &'a Batch) -> BoxFuture<'a, Result<Reply, ProviderError>>;

    /// Requests [`Self::prepare`] may send for this batch's language pair (DeepL: find and
    /// create its glossary); the engine paces them like translation requests.
    fn prepare_requests(&self, batch: &Batch) -> usize {
        let _ = batch;
        0
    }

    /// Work done once per language pair before its batches (DeepL: the glossary), so it is
    /// paced and does not crowd the first translation request. Errors are left to the
    /// translation requests, which do the same work again if it is still needed.
    fn prepare<'a>(&'a self, batch: &'a Batch) -> BoxFuture<'a, Result<(), ProviderError>> {
        let _ = batch;
        Box::pin(async { Ok(()) })
    }

    /// Account usage, where the provider has an endpoint for it.
    fn usage(&self) -> BoxFuture<'_, Result<Usage, ProviderError>> {
        Box::pin(async {
            Err(ProviderError::Config(
                "this provider does not report usage".to_owned(),
            ))
        })
    }

    /// Whether this provider may fill plural variants English lacks (only an LLM can).
    fn fills_plural_variants(&self) -> bool {
        false
    }

    /// Writes the variants of `categories` (the target's CLDR plural categories English lacks,
    /// e.g. Lithuanian `few` and `many`) from the English variants (masked, by key). Only for
    /// providers whose [`Self::fills_plural_variants`] is true.
    fn fill_plurals<'a>(
        &'a self,
        english: &'a std::collections::BTreeMap<String, String>,
        categories: &'a [&'static str],
        target: &'a str,
    ) -> BoxFuture<'a, Result<std::collections::BTreeMap<String, String>, ProviderError>> {
        let _ = (english, categories, target);
        Box::pin(async {
            Err(ProviderError::Config(
                "this provider does not fill plural variants".to_owned(),
            ))
        })
    }
}

/// The `Retry-After` header as a duration: delay-seconds, or an HTTP-date (RFC 9110
/// §10.2.3; a date in the past means now).
pub fn retry_after(headers: &reqwest::header::HeaderMap) -> Option<Duration> {
    let value = headers.get(reqwest::header::RETRY_AFTER)?.to_str().ok()?;
    retry_after_value(value, std::time::SystemTime::now())
}

/// A `Retry-After` value read at `now`.
fn retry_after_value(value: &str, now: std::time::SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(date.duration_since(now).unwrap_or(Duration::ZERO))
}

/// Maps a reqwest error to a provider error, never including the URL's query (keys can
/// travel there) in the message.
pub fn from_reqwest(err: &reqwest::Error) -> ProviderError {
    if err.is_timeout() {
        ProviderError::Timeout
    } else if err.is_decode() || err.is_body() {
        ProviderError::Malformed(err.without_url_ref())
    } else {
        ProviderError::Network(err.without_url_ref())
    }
}

/// `reqwest::Error` without its URL.
trait WithoutUrl {
    fn without_url_ref(&self) -> String;
}

impl WithoutUrl for reqwest::Error {
    fn without_url_ref(&self) -> String {
        let mut text = self.to_string();
        if let Some(url) = self.url() {
            text = text.replace(url.as_str(), "<url>");
        }
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_never_print() {
        let key = Secret::new("abc-123:fx");
        assert_eq!(format!("{key} {key:?}"), "*** Secret(***)");
        assert_eq!(key.expose(), "abc-123:fx");
    }

    #[test]
    fn statuses_map_to_retry_decisions() {
        assert!(ProviderError::from_status(429, "", None).is_retryable());
        assert!(ProviderError::from_status(529, "", None).is_retryable());
        assert!(ProviderError::from_status(503, "", None).is_retryable());
        assert_eq!(
            ProviderError::from_status(456, "", None),
            ProviderError::QuotaExceeded
        );
        assert_eq!(
            ProviderError::from_status(413, "", None),
            ProviderError::TooLarge
        );
        for status in [400, 401, 403, 404] {
            assert!(!ProviderError::from_status(status, "", None).is_retryable());
        }
        for status in [401, 403] {
            assert!(ProviderError::from_status(status, "", None).stops_the_run());
        }
        let wait = Some(Duration::from_secs(3));
        assert_eq!(
            ProviderError::from_status(503, "", wait).retry_after(),
            wait
        );
    }

    #[test]
    fn retry_after_is_seconds_or_an_http_date() {
        let now = httpdate::parse_http_date("Sun, 06 Nov 1994 08:49:37 GMT").expect("a date");
        let check = |value: &str, expected: Option<u64>| {
            assert_eq!(
                retry_after_value(value, now),
                expected.map(Duration::from_secs),
                "{value}"
            );
        };
        check("120", Some(120));
        check(" 7 ", Some(7));
        check("Sun, 06 Nov 1994 08:50:07 GMT", Some(30));
        check("Sun, 06 Nov 1994 08:49:00 GMT", Some(0));
        check("soon", None);
        check("-5", None);
    }
}
