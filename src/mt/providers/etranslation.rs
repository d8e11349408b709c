//! The European Commission's eTranslation, which is asynchronous: `POST {base}/translate`
//! (default base `https://webgate.ec.europa.eu/etranslation/si`) with HTTP Digest
//! authentication (application name and password, `digest.rs`) and a JSON body
//!
//! ```json
//! {"externalReference": "kurso-…", "callerInformation": {"application": "…", "username": "…"},
//!  "textToTranslate": "…", "sourceLanguage": "EN", "targetLanguages": ["LT"],
//!  "requesterCallback": "https://…", "errorCallback": "https://…"}
//! ```
//!
//! answered at once by the request's number (positive) or an error code (negative,
//! `codes.rs`). The translation comes later, posted to the callback URL, where
//! [`serve_callbacks`] (`receiver.rs`) hands it to a [`CallbackSink`].
//!
//! One text per request: the text-snippet API takes one string (`textToTranslate`), and
//! joining texts with a separator would trust the engine to keep the separator, which it
//! does not promise. So [`Limits::max_texts`] is 1 (a larger batch is answered `TooLarge`,
//! which makes the engine split it) and a text may hold at most [`MAX_SNIPPET_CHARS`]
//! characters, the service's snippet limit. Each request carries an `externalReference` we
//! generate (`kurso-` and 32 random hex digits); the callbacks echo it, and
//! `Reply::Submitted { request_id }` is that reference. The same URL is sent as requester
//! and error callback: the receiver tells them apart by their fields.
//!
//! Invariants: the password is used only for the Digest answer; it never reaches a URL, an
//! error or `Debug`, and is cut out of error bodies.

mod codes;
mod digest;
mod receiver;

use std::time::Duration;

use serde::Serialize;

use super::http;
use crate::mt::config::RemoteConfig;
use crate::mt::provider::{Batch, BoxFuture, Limits, Provider, ProviderError, Reply, Secret};

pub use codes::{describe as describe_code, error_for_code};
pub use receiver::{CallbackSink, HEADER_TIMEOUT, MAX_BODY_BYTES, SHUTDOWN_GRACE, serve_callbacks};

/// The production service, when no `base-url` is configured.
pub const DEFAULT_BASE_URL: &str = "https://webgate.ec.europa.eu/etranslation/si";
/// Characters one text snippet may hold.
pub const MAX_SNIPPET_CHARS: usize = 5000;

/// Per request unless `timeout-seconds` says otherwise.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
const DEFAULT_CONCURRENCY: usize = 2;

/// A request eTranslation accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Submission {
    /// Ours: the callbacks carry it as `external-reference`.
    pub external_reference: String,
    /// eTranslation's: the callbacks carry it as `request-id`.
    pub request_id: i64,
}

/// The eTranslation service.
#[derive(Debug)]
pub struct Etranslation {
    client: reqwest::Client,
    endpoint: reqwest::Url,
    password: Secret,
    application: String,
    username: String,
    callback_url: String,
    domain: Option<String>,
    limits: Limits,
}

impl Etranslation {
    /// eTranslation with `config`'s key as the application's password (required, for the
    /// Digest answer) and `[mt.etranslation]` settings: `application` (required: the name
    /// eTranslation registered; the Digest user name and `callerInformation.application`),
    /// `username` (`callerInformation.username`; the application name when absent),
    /// `callback-url` (required: an http or https URL that reaches
    /// `kurso etranslation-receiver`), `domain` (`GEN`, `SPD`…), `base-url`,
    /// `timeout-seconds`, `concurrency`, `requests-per-second`.
    pub fn new(config: RemoteConfig) -> Result<Etranslation, ProviderError> {
        let settings = &config.settings;
        let missing = |what: &str| {
            ProviderError::Config(format!(
                "the etranslation provider needs {what} in [mt.etranslation]"
            ))
        };
        let password = config
            .key
            .filter(|password| !password.expose().is_empty())
            .ok_or_else(|| missing("a password (ETRANSLATION_PASSWORD)"))?;
        let application = non_empty(settings.application.as_deref())
            .ok_or_else(|| missing("the application name (`application`)"))?;
        let username = non_empty(settings.username.as_deref()).unwrap_or(application.clone());
        let callback_url = non_empty(settings.callback_url.as_deref())
            .ok_or_else(|| missing("the URL results are sent to (`callback-url`)"))?;
        let parsed = reqwest::Url::parse(&callback_url).map_err(|err| {
            ProviderError::Config(format!("invalid eTranslation `callback-url`: {err}"))
        })?;
        if !matches!(parsed.scheme(), "http" | "https") {
            return Err(ProviderError::Config(
                "eTranslation's `callback-url` must be an http or https URL".to_owned(),
            ));
        }
        let base = non_empty(settings.base_url.as_deref()).unwrap_or(DEFAULT_BASE_URL.to_owned());
        let endpoint = http::endpoint(&base, "/translate", "eTranslation")?;
        let client = http::client(settings.timeout_or(DEFAULT_TIMEOUT))?;
        Ok(Etranslation {
            client,
            endpoint,
            password,
            application,
            username,
            callback_url,
            domain: non_empty(settings.domain.as_deref()),
            limits: Limits {
                max_texts: 1,
                max_bytes: MAX_SNIPPET_CHARS * 4,
                max_chars: MAX_SNIPPET_CHARS,
                concurrency: settings.concurrency_or(DEFAULT_CONCURRENCY),
                requests_per_second: settings.rate(),
            },
        })
    }

    /// Submits the one text of `batch` for translation.
    pub async fn submit(&self, batch: &Batch) -> Result<Submission, ProviderError> {
        let [text] = batch.texts.as_slice() else {
            return Err(ProviderError::TooLarge);
        };
        if text.chars().count() > MAX_SNIPPET_CHARS {
            return Err(ProviderError::TooLarge);
        }
        let external_reference = format!("kurso-{:032x}", fastrand::u128(..));
        let target = language_code(&batch.target_lang);
        let body = TranslateRequest {
            external_reference: &external_reference,
            caller_information: CallerInformation {
                application: &self.application,
                username: &self.username,
            },
            text_to_translate: text,
            source_language: language_code(&batch.source_lang),
            target_languages: [target.as_str()],
            domain: self.domain.as_deref(),
            requester_callback: &self.callback_url,
            error_callback: &self.callback_url,
        };
        let body = serde_json::to_vec(&body).map_err(|err| {
            ProviderError::Config(format!("cannot encode the eTranslation request: {err}"))
        })?;
        let response = digest::post_json(
            &self.client,
            &self.endpoint,
            body,
            &self.application,
            &self.password,
        )
        .await?;
        let answer = http::read(response).await?;
        let success = answer.is_success();
        let text = http::redact(answer.body, Some(&self.password));
        if !success {
            return Err(ProviderError::from_status(
                answer.status,
                &text,
                answer.retry_after,
            ));
        }
        let number = text.trim().trim_matches('"').trim();
        let request_id: i64 = number.parse().map_err(|_| {
            let shown: String = number.chars().take(100).collect();
            ProviderError::Malformed(format!(
                "eTranslation answered `{shown}` instead of a request number"
            ))
        })?;
        if request_id < 0 {
            return Err(error_for_code(request_id));
        }
        Ok(Submission {
            external_reference,
            request_id,
        })
    }
}

impl Provider for Etranslation {
    fn name(&self) -> &'static str {
        "etranslation"
    }

    fn limits(&self) -> Limits {
        self.limits
    }

    fn translate<'a>(&'a self, batch: &'a Batch) -> BoxFuture<'a, Result<Reply, ProviderError>> {
        Box::pin(async move {
            if batch.texts.is_empty() {
                return Ok(Reply::Done(Vec::new()));
            }
            let submission = self.submit(batch).await?;
            Ok(Reply::Submitted {
                request_id: submission.external_reference,
            })
        })
    }
}

/// eTranslation's code for a BCP 47 tag: the language subtag in capitals (`el-CY` → `EL`).
pub fn language_code(bcp47: &str) -> String {
    bcp47
        .split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_uppercase()
}

fn non_empty(value: Option<&str>) -> Option<String> {
    value
        .map(str::trim)
        .filter(|value| !value.is_empty())
        .map(str::to_owned)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct TranslateRequest<'a> {
    external_reference: &'a str,
    caller_information: CallerInformation<'a>,
    text_to_translate: &'a str,
    source_language: String,
    target_languages: [&'a str; 1],
    #[serde(skip_serializing_if = "Option::is_none")]
    domain: Option<&'a str>,
    requester_callback: &'a str,
    error_callback: &'a str,
}

#[derive(Serialize)]
struct CallerInformation<'a> {
    application: &'a str,
    username: &'a str,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mt::config::ProviderSettings;

    fn config() -> RemoteConfig {
        RemoteConfig {
            key: Some(Secret::new("pw")),
            settings: ProviderSettings {
                application: Some("App_2024".to_owned()),
                callback_url: Some("https://kurso.example/etranslation".to_owned()),
                ..ProviderSettings::default()
            },
        }
    }

    /// [`config`] with `change` made to it.
    fn changed(change: impl FnOnce(&mut RemoteConfig)) -> RemoteConfig {
        let mut config = config();
        change(&mut config);
        config
    }

    #[test]
    fn maps_language_codes() {
        assert_eq!(language_code("el-CY"), "EL");
        assert_eq!(language_code("lt"), "LT");
        assert_eq!(language_code("pt_BR"), "PT");
    }

    #[test]
    fn needs_password_application_and_an_http_callback() {
        assert!(Etranslation::new(config()).is_ok());
        for (config, fragment) in [
            (changed(|c| c.key = None), "password"),
            (
                changed(|c| c.settings.application = Some(" ".to_owned())),
                "application",
            ),
            (changed(|c| c.settings.callback_url = None), "callback-url"),
            (
                changed(|c| c.settings.callback_url = Some("ftp://kurso.example/x".to_owned())),
                "http or https",
            ),
        ] {
            let err = Etranslation::new(config).expect_err("invalid config");
            assert!(err.to_string().contains(fragment), "{err}");
        }
    }
}
