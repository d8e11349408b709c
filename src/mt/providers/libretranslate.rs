//! `LibreTranslate` (self-hosted or libretranslate.com): `POST {base}/translate` with a JSON
//! body `{"q": [...], "source", "target", "format": "html", "api_key"?}`, answered by
//! `{"translatedText": [...]}`: an array in, an array out, in order.
//!
//! There is no default server: `base_url` is required. The key, when the server wants one,
//! travels in the body (`api_key`, as the API documents), never in the URL, and is cut out
//! of error bodies.
//!
//! The server's HTML mode parses the text with an HTML parser and then unescapes the whole
//! result, so what comes back is raw text with tags: `<`, `>` and `&` unescaped and empty
//! elements written `<x id="1"></x>`. [`restore_markup`] turns that back into the XML we
//! sent: our placeholder tags normalized, everything else escaped.
//!
//! Limits are the server's settings (`--batch-limit`, `--char-limit`), so they are
//! configurable; a server refusing a batch as too big ("exceeds text limit") is `TooLarge`.

use std::collections::BTreeMap;
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::http;
use crate::mt::config::RemoteConfig;
use crate::mt::provider::{Batch, BoxFuture, Limits, Provider, ProviderError, Reply, Secret};

/// Texts per request unless configured.
pub const DEFAULT_MAX_TEXTS: usize = 50;

/// Per request unless `timeout-seconds` says otherwise.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(60);
const DEFAULT_CONCURRENCY: usize = 2;

/// A `LibreTranslate` server.
#[derive(Debug)]
pub struct LibreTranslate {
    client: reqwest::Client,
    endpoint: reqwest::Url,
    key: Option<Secret>,
    language_codes: BTreeMap<String, String>,
    limits: Limits,
}

impl LibreTranslate {
    /// The server at `base-url` (required) with `config`'s key (only for servers that
    /// require one) and `[mt.libretranslate]` settings: `timeout-seconds`, `concurrency`,
    /// `requests-per-second`, `max-texts` (the server's `--batch-limit`), `language-codes`
    /// (the server's code where it is not the language subtag: `pt-BR = "pb"`).
    pub fn new(config: RemoteConfig) -> Result<LibreTranslate, ProviderError> {
        let settings = config.settings;
        let base = settings
            .base_url
            .as_deref()
            .map(str::trim)
            .filter(|base| !base.is_empty())
            .ok_or_else(|| {
                ProviderError::Config(
                    "the LibreTranslate provider needs the server's address (`base-url`)"
                        .to_owned(),
                )
            })?;
        let endpoint = http::endpoint(base, "/translate", "LibreTranslate")?;
        let client = http::client(settings.timeout_or(DEFAULT_TIMEOUT))?;
        Ok(LibreTranslate {
            client,
            endpoint,
            key: config.key.filter(|key| !key.expose().is_empty()),
            limits: Limits {
                max_texts: settings.max_texts_or(DEFAULT_MAX_TEXTS, usize::MAX),
                max_bytes: Limits::default().max_bytes,
                max_chars: usize::MAX,
                concurrency: settings.concurrency_or(DEFAULT_CONCURRENCY),
                requests_per_second: settings.rate(),
            },
            language_codes: settings.language_codes,
        })
    }

    /// This server's code for a BCP 47 tag: the configured one, else the language subtag.
    pub fn language_code(&self, bcp47: &str) -> String {
        if let Some(code) = self.language_codes.get(bcp47) {
            return code.clone();
        }
        let language = bcp47.split(['-', '_']).next().unwrap_or_default();
        language.to_ascii_lowercase()
    }

    async fn translate_texts(&self, batch: &Batch) -> Result<Vec<String>, ProviderError> {
        if batch.texts.is_empty() {
            return Ok(Vec::new());
        }
        let source = self.language_code(&batch.source_lang);
        let target = self.language_code(&batch.target_lang);
        let body = TranslateRequest {
            q: &batch.texts,
            source: &source,
            target: &target,
            format: "html",
            api_key: self.key.as_ref().map(Secret::expose),
        };
        let request = self.client.post(self.endpoint.clone()).json(&body);
        let text = http::send_checked(request, self.key.as_ref(), error_from_status).await?;
        let parsed: TranslateResponse =
            http::parse_json(&text, "LibreTranslate answered with unexpected JSON")?;
        http::expect_count(
            batch.texts.len(),
            parsed.translated_text.len(),
            "LibreTranslate",
            "translations",
        )?;
        Ok(parsed
            .translated_text
            .iter()
            .map(|text| restore_markup(text))
            .collect())
    }
}

impl Provider for LibreTranslate {
    fn name(&self) -> &'static str {
        "libretranslate"
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
    #[serde(skip_serializing_if = "Option::is_none")]
    api_key: Option<&'a str>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct TranslateResponse {
    translated_text: Vec<String>,
}

/// The server answers 400 "exceeds text limit" for a batch over `--batch-limit` or a text
/// over `--char-limit`: the engine should split. Other statuses map as for every provider.
fn error_from_status(status: u16, body: &str, retry_after: Option<Duration>) -> ProviderError {
    if status == 400 && body.contains("exceeds text limit") {
        return ProviderError::TooLarge;
    }
    ProviderError::from_status(status, body, retry_after)
}

/// Turns the server's unescaped HTML back into the masked XML: `<x id="N"/>` (also written
/// `<x id="N"></x>` or `<x id='N'>`), `<g id="N">` and `</g>` are kept, normalized; any
/// other `<`, `>` or `&` is text and escaped.
pub fn restore_markup(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if c == '<' {
            if let Some((tag, len)) = placeholder_tag(rest) {
                out.push_str(&tag);
                rest = &rest[len..];
                continue;
            }
        }
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            _ => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// A placeholder tag at the start of `text`: its normal form and the bytes it takes. A
/// stray `</x>` is taken with an empty normal form.
fn placeholder_tag(text: &str) -> Option<(String, usize)> {
    for closing in ["</g>", "</x>"] {
        if text.starts_with(closing) {
            let normal = if closing == "</g>" { closing } else { "" };
            return Some((normal.to_owned(), closing.len()));
        }
    }
    let name = match text.get(..2)? {
        "<x" => 'x',
        "<g" => 'g',
        _ => return None,
    };
    let rest = text[2..].strip_prefix(char::is_whitespace)?.trim_start();
    let rest = rest.strip_prefix("id=")?;
    let quote = rest
        .chars()
        .next()
        .filter(|quote| *quote == '"' || *quote == '\'')?;
    let rest = &rest[1..];
    let end = rest.find(quote)?;
    let id: u32 = rest[..end].parse().ok()?;
    let rest = rest[end + 1..].trim_start();
    if let Some(rest) = rest.strip_prefix("/>") {
        return (name == 'x').then(|| (format!("<x id=\"{id}\"/>"), text.len() - rest.len()));
    }
    let rest = rest.strip_prefix('>')?;
    if name == 'x' {
        let rest = rest.strip_prefix("</x>").unwrap_or(rest);
        Some((format!("<x id=\"{id}\"/>"), text.len() - rest.len()))
    } else {
        Some((format!("<g id=\"{id}\">"), text.len() - rest.len()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check(from_server: &str, expected: &str) {
        assert_eq!(restore_markup(from_server), expected);
    }

    #[test]
    fn keeps_placeholders_and_normalizes_empty_elements() {
        check("Annos <x id=\"1\"></x> mg", "Annos <x id=\"1\"/> mg");
        check("Annos <x id='1'/> mg", "Annos <x id=\"1\"/> mg");
        check(
            "<g id=\"2\">linkki</g> <x id=\"3\">",
            "<g id=\"2\">linkki</g> <x id=\"3\"/>",
        );
    }

    #[test]
    fn escapes_text_the_server_unescaped() {
        check(
            "annos < 5 mg & > 2 <b>",
            "annos &lt; 5 mg &amp; &gt; 2 &lt;b&gt;",
        );
        check("<x id=\"one\"/> <g/>", "&lt;x id=\"one\"/&gt; &lt;g/&gt;");
    }

    #[test]
    fn maps_language_codes_with_overrides() {
        let provider = LibreTranslate::new(RemoteConfig {
            key: None,
            settings: crate::mt::config::ProviderSettings {
                base_url: Some("http://127.0.0.1:1".to_owned()),
                language_codes: BTreeMap::from([("pt-BR".to_owned(), "pb".to_owned())]),
                ..Default::default()
            },
        })
        .expect("valid config");
        assert_eq!(provider.language_code("el-CY"), "el");
        assert_eq!(provider.language_code("pt-BR"), "pb");
        assert_eq!(provider.language_code("FI"), "fi");
    }
}
