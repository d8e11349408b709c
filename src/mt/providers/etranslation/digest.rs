//! HTTP Digest authentication (RFC 7616) for eTranslation's endpoints, on top of reqwest:
//! send the request, and when the server answers 401 with a `Digest` challenge, send it
//! again with the answer. The `digest_auth` crate computes the answer (MD5, SHA-256, `qop`
//! `auth` and `auth-int`); this file only carries it over HTTP, because the crate that does
//! that for reqwest (`diqwest`) follows reqwest 0.13.
//!
//! Invariant: the password is used only to compute the `Authorization` header, which is
//! marked sensitive; it never reaches a URL, an error or a `Debug` output.

use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, HeaderValue, WWW_AUTHENTICATE};

use crate::mt::provider::{self, ProviderError, Secret};

/// POSTs `body` as JSON to `url`, answering a Digest challenge with `username`/`password`.
/// Any other answer (including a 401 without a Digest challenge, or the 401 that follows
/// wrong credentials) is returned as it is, for the caller to map.
pub async fn post_json(
    client: &reqwest::Client,
    url: &reqwest::Url,
    body: Vec<u8>,
    username: &str,
    password: &Secret,
) -> Result<reqwest::Response, ProviderError> {
    let first = send(client, url, body.clone(), None).await?;
    if first.status() != reqwest::StatusCode::UNAUTHORIZED {
        return Ok(first);
    }
    let Some(challenge) = first
        .headers()
        .get_all(WWW_AUTHENTICATE)
        .iter()
        .filter_map(|value| value.to_str().ok())
        .find(|value| is_digest(value))
        .map(str::to_owned)
    else {
        return Ok(first);
    };
    let mut prompt = digest_auth::parse(&challenge).map_err(|err| {
        ProviderError::Malformed(format!(
            "eTranslation's Digest challenge is unreadable: {err}"
        ))
    })?;
    let context = digest_auth::AuthContext::new_post(
        username,
        password.expose(),
        request_uri(url),
        Some(body.as_slice()),
    );
    let answer = prompt.respond(&context).map_err(|err| {
        ProviderError::Malformed(format!(
            "cannot answer eTranslation's Digest challenge: {err}"
        ))
    })?;
    let mut header = HeaderValue::from_str(&answer.to_header_string()).map_err(|_| {
        ProviderError::Config("the eTranslation user name cannot go in an HTTP header".to_owned())
    })?;
    header.set_sensitive(true);
    send(client, url, body, Some(header)).await
}

async fn send(
    client: &reqwest::Client,
    url: &reqwest::Url,
    body: Vec<u8>,
    authorization: Option<HeaderValue>,
) -> Result<reqwest::Response, ProviderError> {
    let mut request = client
        .post(url.clone())
        .header(CONTENT_TYPE, "application/json")
        .body(body);
    if let Some(authorization) = authorization {
        request = request.header(AUTHORIZATION, authorization);
    }
    request
        .send()
        .await
        .map_err(|err| provider::from_reqwest(&err))
}

fn is_digest(challenge: &str) -> bool {
    challenge
        .trim_start()
        .get(..6)
        .is_some_and(|scheme| scheme.eq_ignore_ascii_case("digest"))
}

/// The request-target the digest covers: path and query.
fn request_uri(url: &reqwest::Url) -> String {
    match url.query() {
        Some(query) => format!("{}?{query}", url.path()),
        None => url.path().to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognizes_digest_challenges_and_request_targets() {
        assert!(is_digest("Digest realm=\"x\", nonce=\"y\""));
        assert!(is_digest("  digest realm=\"x\""));
        assert!(!is_digest("Basic realm=\"x\""));
        let url = reqwest::Url::parse("https://h.example/etranslation/si/translate?a=1")
            .expect("valid URL");
        assert_eq!(request_uri(&url), "/etranslation/si/translate?a=1");
    }
}
