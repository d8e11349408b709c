//! DeepL: v2 `/translate` with XML tag handling, v3 glossaries pushed once per content hash,
//! and v2 `/usage`, as `../shared/corpora/specs/deepl-openapi.yaml` describes them.
//!
//! Invariants: the key travels only in the `Authorization` header (marked sensitive), never
//! in a URL; every error leaving this module has the key scrubbed from its text (a server
//! may echo it), and `Debug` prints `***` for it. Each request body holds only fields the
//! spec declares for its operation (the integration tests validate every one against it).

mod glossary;
mod languages;
mod wire;

use std::collections::BTreeMap;
use std::time::Duration;

use reqwest::Method;
use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, HeaderValue};
use serde::de::DeserializeOwned;

use self::glossary::Glossaries;
use self::wire::{TranslateRequest, TranslateResponse, UsageResponse};
use super::http;
use crate::mt::config::RemoteConfig;
use crate::mt::provider::BoxFuture;
use crate::mt::{Batch, Limits, Provider, ProviderError, Reply, Secret, Usage};

/// DeepL's limit on one request's body; `limits()` batches to it, and a body that still
/// comes out larger (JSON escaping, context) is refused before it is sent.
const MAX_REQUEST_BYTES: usize = 128 * 1024;
const MAX_TEXTS: usize = 50;

const FREE_URL: &str = "https://api-free.deepl.com";
const PRO_URL: &str = "https://api.deepl.com";

/// Per request, connection to last byte, unless `timeout-seconds` says otherwise.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// Requests in flight unless `concurrency` says otherwise; no rate cap unless
/// `requests-per-second` sets one (the engine backs off on 429).
const DEFAULT_CONCURRENCY: usize = 4;

/// Which operation a response answers: DeepL's 456 means the character quota on
/// `/v2/translate` but "too many glossary requests lately" on the glossary endpoints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Endpoint {
    Translate,
    Glossary,
    Usage,
}

/// The DeepL provider.
#[derive(Debug)]
pub struct DeepL {
    client: reqwest::Client,
    base_url: String,
    key: Secret,
    auth: HeaderValue,
    formality: BTreeMap<String, String>,
    limits: Limits,
    glossaries: Glossaries,
}

impl DeepL {
    /// DeepL with `config`'s key and `[mt.deepl]` settings: `base-url` (else the host the
    /// key belongs to), `formality`, `timeout-seconds`, `concurrency`, `requests-per-second`,
    /// `max-texts` (at most 50).
    pub fn new(config: RemoteConfig) -> Result<DeepL, ProviderError> {
        let settings = config.settings;
        let key = config
            .key
            .map(|key| key.expose().trim().to_owned())
            .filter(|key| !key.is_empty())
            .ok_or_else(|| ProviderError::Config("the DeepL key is empty".to_owned()))?;
        let key = key.as_str();
        let mut auth = HeaderValue::from_str(&format!("DeepL-Auth-Key {key}")).map_err(|_| {
            ProviderError::Config(
                "the DeepL key holds characters an HTTP header cannot carry".to_owned(),
            )
        })?;
        auth.set_sensitive(true);
        for (locale, wanted) in &settings.formality {
            let target = languages::target_code(locale)?;
            languages::formality(target, wanted)?;
        }
        let base_url = settings
            .base_url
            .clone()
            .unwrap_or_else(|| default_base_url(key).to_owned())
            .trim_end_matches('/')
            .to_owned();
        let client = http::build(
            reqwest::Client::builder()
                .timeout(settings.timeout_or(DEFAULT_TIMEOUT))
                .user_agent(concat!("kurso/", env!("CARGO_PKG_VERSION"))),
        )?;
        Ok(DeepL {
            client,
            base_url,
            key: Secret::new(key),
            auth,
            limits: Limits {
                max_texts: settings.max_texts_or(MAX_TEXTS, MAX_TEXTS),
                max_bytes: MAX_REQUEST_BYTES,
                max_chars: usize::MAX,
                concurrency: settings.concurrency_or(DEFAULT_CONCURRENCY),
                requests_per_second: settings.rate(),
            },
            formality: settings.formality,
            glossaries: Glossaries::default(),
        })
    }

    async fn translate_batch(&self, batch: &Batch) -> Result<Reply, ProviderError> {
        let source_lang = languages::source_code(&batch.source_lang)?;
        let target_lang = languages::target_code(&batch.target_lang)?;
        let formality = match self
            .formality_for(&batch.target_lang)
            .or(batch.formality.as_deref())
        {
            Some(wanted) => languages::formality(target_lang, wanted)?,
            None => None,
        };
        if batch.texts.is_empty() {
            return Ok(Reply::Done(Vec::new()));
        }
        let glossary_id = if batch.glossary.terms.is_empty() {
            None
        } else {
            self.glossaries
                .ensure(
                    self,
                    &batch.source_lang,
                    &batch.target_lang,
                    &batch.glossary,
                )
                .await?
        };
        let request = TranslateRequest {
            text: &batch.texts,
            source_lang,
            target_lang,
            context: batch
                .context
                .as_deref()
                .filter(|context| !context.trim().is_empty()),
            formality,
            glossary_id: glossary_id.as_deref(),
            split_sentences: "nonewlines",
            preserve_formatting: true,
            tag_handling: "xml",
            tag_handling_version: "v2",
            non_splitting_tags: &["x", "g"],
            ignore_tags: &["x"],
        };
        let body = serde_json::to_vec(&request).expect("a translate request always serializes");
        if body.len() > MAX_REQUEST_BYTES {
            return Err(ProviderError::TooLarge);
        }
        let answer = self
            .call(
                Method::POST,
                "/v2/translate",
                Some(body),
                Endpoint::Translate,
            )
            .await?;
        let response: TranslateResponse = parse(&answer, "translation")?;
        if response.translations.len() != batch.texts.len() {
            return Err(ProviderError::Malformed(format!(
                "{} translations for {} texts",
                response.translations.len(),
                batch.texts.len()
            )));
        }
        Ok(Reply::Done(
            response
                .translations
                .into_iter()
                .map(|translation| translation.text)
                .collect(),
        ))
    }

    async fn fetch_usage(&self) -> Result<Usage, ProviderError> {
        let answer = self
            .call(Method::GET, "/v2/usage", None, Endpoint::Usage)
            .await?;
        let usage: UsageResponse = parse(&answer, "usage")?;
        Ok(Usage {
            characters: usage.character_count,
            limit: usage.character_limit,
        })
    }

    /// Formality configured for a locale, or for its language.
    fn formality_for(&self, locale: &str) -> Option<&str> {
        let language = locale.split(['-', '_']).next().unwrap_or(locale);
        self.formality
            .get(locale)
            .or_else(|| self.formality.get(language))
            .map(String::as_str)
    }

    /// Sends one request and returns the body of a 2xx answer; anything else is a typed error.
    async fn call(
        &self,
        method: Method,
        path: &str,
        body: Option<Vec<u8>>,
        endpoint: Endpoint,
    ) -> Result<String, ProviderError> {
        let mut request = self
            .client
            .request(method, format!("{}{path}", self.base_url))
            .header(AUTHORIZATION, self.auth.clone());
        if let Some(body) = body {
            request = request.header(CONTENT_TYPE, "application/json").body(body);
        }
        let answer = http::send(request).await?;
        if answer.is_success() {
            return Ok(answer.body);
        }
        let wait = answer.retry_after;
        Err(match (answer.status, endpoint) {
            (456, Endpoint::Glossary) => ProviderError::RateLimited { retry_after: wait },
            (status, _) => ProviderError::from_status(status, &answer.body, wait),
        })
    }

    /// The error with every trace of the key replaced by `***`.
    fn scrub(&self, err: ProviderError) -> ProviderError {
        err.map_text(|text| http::redact(text, Some(&self.key)))
    }
}

impl Provider for DeepL {
    fn name(&self) -> &'static str {
        "deepl"
    }

    fn limits(&self) -> Limits {
        self.limits
    }

    fn translate<'a>(&'a self, batch: &'a Batch) -> BoxFuture<'a, Result<Reply, ProviderError>> {
        Box::pin(async move {
            self.translate_batch(batch)
                .await
                .map_err(|err| self.scrub(err))
        })
    }

    fn usage(&self) -> BoxFuture<'_, Result<Usage, ProviderError>> {
        Box::pin(async move { self.fetch_usage().await.map_err(|err| self.scrub(err)) })
    }

    fn prepare_requests(&self, batch: &Batch) -> usize {
        // Listing the glossaries, then creating ours if it is not there.
        if batch.glossary.terms.is_empty() {
            0
        } else {
            2
        }
    }

    fn prepare<'a>(&'a self, batch: &'a Batch) -> BoxFuture<'a, Result<(), ProviderError>> {
        Box::pin(async move {
            if batch.glossary.terms.is_empty() {
                return Ok(());
            }
            self.glossaries
                .ensure(
                    self,
                    &batch.source_lang,
                    &batch.target_lang,
                    &batch.glossary,
                )
                .await
                .map(|_| ())
                .map_err(|err| self.scrub(err))
        })
    }
}

/// DeepL's host for a key: free-plan keys end in `:fx`.
fn default_base_url(key: &str) -> &'static str {
    if key.ends_with(":fx") {
        FREE_URL
    } else {
        PRO_URL
    }
}

/// A JSON answer, or [`ProviderError::Malformed`] naming what it should have been.
fn parse<T: DeserializeOwned>(body: &str, what: &str) -> Result<T, ProviderError> {
    http::parse_json(body, &format!("DeepL {what} answer"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mt::config::ProviderSettings;

    #[test]
    fn free_keys_use_the_free_host() {
        assert_eq!(
            default_base_url("0000-1111:fx"),
            "https://api-free.deepl.com"
        );
        assert_eq!(default_base_url("0000-1111"), "https://api.deepl.com");
    }

    fn config(key: &str) -> RemoteConfig {
        RemoteConfig {
            key: Some(Secret::new(key)),
            settings: ProviderSettings::default(),
        }
    }

    #[test]
    fn debug_never_shows_the_key() {
        let mut config = config("very-secret-key:fx");
        config
            .settings
            .formality
            .insert("it".to_owned(), "more".to_owned());
        let deepl = DeepL::new(config.clone()).expect("valid config");
        let shown = format!("{config:?} {deepl:?}");
        assert!(!shown.contains("very-secret-key"), "{shown}");
        assert_eq!(deepl.base_url, "https://api-free.deepl.com");
    }

    #[test]
    fn bad_config_is_refused_up_front() {
        let mut polite = config("key");
        polite
            .settings
            .formality
            .insert("hu".to_owned(), "polite".to_owned());
        assert!(matches!(DeepL::new(polite), Err(ProviderError::Config(_))));
        for empty in [config("  "), RemoteConfig::default()] {
            assert!(matches!(DeepL::new(empty), Err(ProviderError::Config(_))));
        }
    }

    #[test]
    fn settings_apply_within_deepl_limits() {
        let mut tuned = config("key");
        tuned.settings.max_texts = Some(500);
        tuned.settings.concurrency = Some(0);
        let limits = DeepL::new(tuned).expect("valid").limits();
        assert_eq!((limits.max_texts, limits.concurrency), (MAX_TEXTS, 1));
    }
}
