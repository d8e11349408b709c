//! The HTTP plumbing the remote providers share: the client, sending a request and reading
//! its answer whole, typed errors for a status (with keys cut out of the body), and the
//! checks every JSON answer gets. What a status means beyond [`ProviderError::from_status`]
//! (Google's 403 daily limit, DeepL's 456 on glossaries…) stays with each provider.

use std::time::Duration;

use reqwest::header::HeaderValue;
use serde::de::DeserializeOwned;

use crate::mt::provider::{ProviderError, Secret, from_reqwest, retry_after};

/// Maps a non-2xx status, its (redacted) body and `Retry-After` to an error.
pub(super) type StatusMapper = fn(u16, &str, Option<Duration>) -> ProviderError;

/// A client whose every request, connection to last byte, ends within `timeout`.
pub(super) fn client(timeout: Duration) -> Result<reqwest::Client, ProviderError> {
    build(reqwest::Client::builder().timeout(timeout))
}

/// `builder`'s client, or a configuration error.
pub(super) fn build(builder: reqwest::ClientBuilder) -> Result<reqwest::Client, ProviderError> {
    builder
        .build()
        .map_err(|err| ProviderError::Config(format!("cannot set up the HTTP client: {err}")))
}

/// `{base}{path}` (`base` without its trailing slashes) as a URL; `who` names the provider
/// in the error.
pub(super) fn endpoint(base: &str, path: &str, who: &str) -> Result<reqwest::Url, ProviderError> {
    let url = format!("{}{path}", base.trim_end_matches('/'));
    reqwest::Url::parse(&url)
        .map_err(|err| ProviderError::Config(format!("invalid {who} base URL `{base}`: {err}")))
}

/// The required, non-empty API key of the `who` provider and its header value, marked
/// sensitive.
pub(super) fn api_key(
    key: Option<Secret>,
    who: &str,
) -> Result<(Secret, HeaderValue), ProviderError> {
    let key = key
        .filter(|key| !key.expose().is_empty())
        .ok_or_else(|| ProviderError::Config(format!("the {who} provider needs an API key")))?;
    let mut header = HeaderValue::from_str(key.expose()).map_err(|_| {
        ProviderError::Config(format!(
            "the {who} API key holds characters a header cannot carry"
        ))
    })?;
    header.set_sensitive(true);
    Ok((key, header))
}

/// An answer read whole.
pub(super) struct Answer {
    pub status: u16,
    /// The `Retry-After` header.
    pub retry_after: Option<Duration>,
    pub body: String,
}

impl Answer {
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }
}

/// Sends `request` and reads the answer, whatever its status.
pub(super) async fn send(request: reqwest::RequestBuilder) -> Result<Answer, ProviderError> {
    let response = request.send().await.map_err(|err| from_reqwest(&err))?;
    read(response).await
}

/// Reads `response` whole, whatever its status.
pub(super) async fn read(response: reqwest::Response) -> Result<Answer, ProviderError> {
    let status = response.status().as_u16();
    let retry_after = retry_after(response.headers());
    let body = response.text().await.map_err(|err| from_reqwest(&err))?;
    Ok(Answer {
        status,
        retry_after,
        body,
    })
}

/// Sends `request` and returns the body of a 2xx answer; any other status is
/// `error_from_status` of the body with `key` cut out.
pub(super) async fn send_checked(
    request: reqwest::RequestBuilder,
    key: Option<&Secret>,
    error_from_status: StatusMapper,
) -> Result<String, ProviderError> {
    let answer = send(request).await?;
    if answer.is_success() {
        return Ok(answer.body);
    }
    Err(error_from_status(
        answer.status,
        &redact(answer.body, key),
        answer.retry_after,
    ))
}

/// `text` with the key cut out (`***`), should a server echo it.
pub(super) fn redact(text: String, key: Option<&Secret>) -> String {
    match key.map(Secret::expose) {
        Some(key) if !key.is_empty() => text.replace(key, "***"),
        _ => text,
    }
}

/// A JSON answer, or [`ProviderError::Malformed`]: `{what}: {serde's reason}`.
pub(super) fn parse_json<T: DeserializeOwned>(body: &str, what: &str) -> Result<T, ProviderError> {
    serde_json::from_str(body).map_err(|err| ProviderError::Malformed(format!("{what}: {err}")))
}

/// [`ProviderError::Malformed`] unless `who` answered as many `items` as texts were sent.
pub(super) fn expect_count(
    sent: usize,
    got: usize,
    who: &str,
    items: &str,
) -> Result<(), ProviderError> {
    if sent == got {
        Ok(())
    } else {
        Err(ProviderError::Malformed(format!(
            "sent {sent} texts to {who}, got {got} {items}"
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn redacts_only_a_real_key() {
        let key = Secret::new("k-1");
        assert_eq!(redact("bad k-1 k-1".to_owned(), Some(&key)), "bad *** ***");
        assert_eq!(redact("ab".to_owned(), Some(&Secret::new(""))), "ab");
        assert_eq!(redact("ab".to_owned(), None), "ab");
    }

    #[test]
    fn counts_and_urls() {
        assert!(expect_count(2, 2, "X", "results").is_ok());
        assert_eq!(
            expect_count(2, 1, "X", "results"),
            Err(ProviderError::Malformed(
                "sent 2 texts to X, got 1 results".to_owned()
            ))
        );
        let url = endpoint("http://h.example//", "/translate", "X").expect("valid");
        assert_eq!(url.as_str(), "http://h.example/translate");
        assert!(endpoint("not a url", "/translate", "X").is_err());
    }
}
