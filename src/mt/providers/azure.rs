//! Azure AI Translator v3: `POST {base}/translate?api-version=3.0&from=en&to=fi&to=lt&textType=html`
//! with a JSON body `[{"Text": "..."}]`, answered by `[{"translations": [{"text", "to"}]}]`,
//! one item per text, in order, each with one translation per `to`.
//!
//! Several targets go in one request ([`Azure::translate_many`]); the [`Provider`] method
//! asks for one. Glossary terms are pushed with Azure's dynamic dictionary: each source
//! occurrence (case-insensitive, whole word, outside placeholders) becomes
//! `<mstrans:dictionary translation="TERM">source</mstrans:dictionary>`. Azure requires
//! English on one side and an explicit `from` for it, so it is used only then; markup that
//! comes back anyway is replaced by its translation.
//!
//! Invariants: the key travels only in the `Ocp-Apim-Subscription-Key` header, marked
//! sensitive, and is cut out of error bodies. Documented limits: 1,000 texts per request and
//! 50,000 characters across all targets (3,000 characters to three languages count 9,000).

use std::collections::HashMap;
use std::time::Duration;

use reqwest::header::HeaderValue;
use serde::{Deserialize, Serialize};

use super::http;
use crate::mt::config::RemoteConfig;
use crate::mt::provider::{
    Batch, BoxFuture, Limits, Provider, ProviderError, Reply, Secret, TermPair,
};

/// Azure's global endpoint.
pub const DEFAULT_BASE_URL: &str = "https://api.cognitive.microsofttranslator.com";
/// Texts (array elements) per request.
pub const MAX_TEXTS: usize = 1_000;
/// Characters per request, counted once per target language.
pub const MAX_REQUEST_CHARS: usize = 50_000;

/// Per request unless `timeout-seconds` says otherwise.
const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
const DEFAULT_CONCURRENCY: usize = 4;

/// Azure AI Translator.
#[derive(Debug)]
pub struct Azure {
    client: reqwest::Client,
    endpoint: reqwest::Url,
    key: Secret,
    key_header: HeaderValue,
    region: Option<HeaderValue>,
    limits: Limits,
}

/// The characters of text one request may hold when it translates into `n_targets`
/// languages: Azure counts them once per target.
pub fn max_chars_per_request(n_targets: usize) -> usize {
    MAX_REQUEST_CHARS / n_targets.max(1)
}

impl Azure {
    /// Azure with `config`'s key and `[mt.azure]` settings: `base-url` (default
    /// [`DEFAULT_BASE_URL`]; a regional endpoint or a local test server), `region` (sent as
    /// `Ocp-Apim-Subscription-Region`; needed for regional and multi-service resources),
    /// `timeout-seconds`, `concurrency`, `requests-per-second`, `max-texts`.
    pub fn new(config: RemoteConfig) -> Result<Azure, ProviderError> {
        let settings = &config.settings;
        let (key, key_header) = http::api_key(config.key, "Azure")?;
        let region =
            match settings.region.as_deref().map(str::trim) {
                None | Some("") => None,
                Some(region) => Some(HeaderValue::from_str(region).map_err(|_| {
                    ProviderError::Config(format!("invalid Azure region `{region}`"))
                })?),
            };
        let base = settings.base_url.as_deref().unwrap_or(DEFAULT_BASE_URL);
        let endpoint = http::endpoint(base, "/translate", "Azure")?;
        let client = http::client(settings.timeout_or(DEFAULT_TIMEOUT))?;
        Ok(Azure {
            client,
            endpoint,
            key,
            key_header,
            region,
            limits: Limits {
                max_texts: settings.max_texts_or(MAX_TEXTS, MAX_TEXTS),
                max_bytes: usize::MAX,
                max_chars: MAX_REQUEST_CHARS,
                concurrency: settings.concurrency_or(DEFAULT_CONCURRENCY),
                requests_per_second: settings.rate(),
            },
        })
    }

    /// Translates `batch` into each of `targets` (BCP 47 codes as in kurso.toml), keyed by
    /// target. The batch's glossary belongs to `batch.target_lang`: when its terms occur, that
    /// target gets a request with the dictionary markup and the others one without, since the
    /// markup would force one language's terms on all of them.
    pub async fn translate_many(
        &self,
        batch: &Batch,
        targets: &[String],
    ) -> Result<HashMap<String, Vec<String>>, ProviderError> {
        let mut results = HashMap::new();
        if batch.texts.is_empty() {
            for target in targets {
                results.insert(target.clone(), Vec::new());
            }
            return Ok(results);
        }
        let marked = dictionary_texts(batch);
        let (glossary_targets, plain_targets): (Vec<&String>, Vec<&String>) = match marked {
            Some(_) => targets
                .iter()
                .partition(|target| **target == batch.target_lang),
            None => (Vec::new(), targets.iter().collect()),
        };
        if let Some(texts) = marked.as_deref().filter(|_| !glossary_targets.is_empty()) {
            self.request(&batch.source_lang, texts, &glossary_targets, &mut results)
                .await?;
        }
        if !plain_targets.is_empty() {
            self.request(
                &batch.source_lang,
                &batch.texts,
                &plain_targets,
                &mut results,
            )
            .await?;
        }
        Ok(results)
    }

    async fn request(
        &self,
        source_lang: &str,
        texts: &[String],
        targets: &[&String],
        results: &mut HashMap<String, Vec<String>>,
    ) -> Result<(), ProviderError> {
        let mut codes: Vec<String> = Vec::new();
        for target in targets {
            let code = language_code(target);
            if !codes.contains(&code) {
                codes.push(code);
            }
        }
        let n_chars: usize = texts.iter().map(|text| text.chars().count()).sum();
        if texts.len() > MAX_TEXTS || n_chars > max_chars_per_request(codes.len()) {
            return Err(ProviderError::TooLarge);
        }
        let mut url = self.endpoint.clone();
        {
            let mut query = url.query_pairs_mut();
            query.append_pair("api-version", "3.0");
            query.append_pair("from", &language_code(source_lang));
            for code in &codes {
                query.append_pair("to", code);
            }
            query.append_pair("textType", "html");
        }
        let body: Vec<TextItem<'_>> = texts.iter().map(|text| TextItem { text }).collect();
        let mut request = self
            .client
            .post(url)
            .header("Ocp-Apim-Subscription-Key", self.key_header.clone())
            .json(&body);
        if let Some(region) = &self.region {
            request = request.header("Ocp-Apim-Subscription-Region", region.clone());
        }
        let text = http::send_checked(request, Some(&self.key), error_from_status).await?;
        let items: Vec<ResultItem> =
            http::parse_json(&text, "Azure answered with unexpected JSON")?;
        http::expect_count(texts.len(), items.len(), "Azure", "results")?;
        let mut by_code: HashMap<&str, Vec<String>> = HashMap::new();
        for code in &codes {
            let mut translations = Vec::with_capacity(items.len());
            for (text_idx, item) in items.iter().enumerate() {
                let translation = item
                    .translations
                    .iter()
                    .find(|translation| translation.to.eq_ignore_ascii_case(code))
                    .ok_or_else(|| {
                        ProviderError::Malformed(format!(
                            "Azure sent no `{code}` translation for text {}",
                            text_idx + 1
                        ))
                    })?;
                translations.push(strip_dictionary_markup(&translation.text));
            }
            by_code.insert(code, translations);
        }
        for target in targets {
            let code = language_code(target);
            results.insert((*target).clone(), by_code[code.as_str()].clone());
        }
        Ok(())
    }
}

impl Provider for Azure {
    fn name(&self) -> &'static str {
        "azure"
    }

    fn limits(&self) -> Limits {
        self.limits
    }

    fn translate<'a>(&'a self, batch: &'a Batch) -> BoxFuture<'a, Result<Reply, ProviderError>> {
        Box::pin(async move {
            let target = batch.target_lang.clone();
            let mut results = self
                .translate_many(batch, std::slice::from_ref(&target))
                .await?;
            Ok(Reply::Done(results.remove(&target).unwrap_or_default()))
        })
    }
}

#[derive(Serialize)]
struct TextItem<'a> {
    #[serde(rename = "Text")]
    text: &'a str,
}

#[derive(Deserialize)]
struct ResultItem {
    translations: Vec<AzureTranslation>,
}

#[derive(Deserialize)]
struct AzureTranslation {
    text: String,
    to: String,
}

/// The texts with dynamic-dictionary markup, or `None` when no term occurs (or Azure would
/// not accept the markup: it needs English on one side).
fn dictionary_texts(batch: &Batch) -> Option<Vec<String>> {
    let english = |code: &str| language_code(code) == "en";
    if batch.glossary.terms.is_empty()
        || !(english(&batch.source_lang) || english(&batch.target_lang))
    {
        return None;
    }
    let texts: Vec<String> = batch
        .texts
        .iter()
        .map(|text| apply_dynamic_dictionary(text, &batch.glossary.terms))
        .collect();
    (texts != batch.texts).then_some(texts)
}

/// Azure's code for a BCP 47 tag: the language subtag (`el-CY` → `el`), except where Azure
/// distinguishes scripts or regions (`zh-Hans`, `zh-Hant`, `pt-pt`, `fr-ca`, `sr-Cyrl`,
/// `sr-Latn`) or names Norwegian `nb`.
pub fn language_code(bcp47: &str) -> String {
    let lower = bcp47.to_ascii_lowercase();
    let mut subtags = lower.split(['-', '_']);
    let language = subtags.next().unwrap_or_default();
    let rest: Vec<&str> = subtags.collect();
    let has = |subtag: &str| rest.contains(&subtag);
    match language {
        "zh" if has("hant") || has("tw") || has("hk") || has("mo") => "zh-Hant".to_owned(),
        "zh" => "zh-Hans".to_owned(),
        "pt" if has("pt") => "pt-pt".to_owned(),
        "fr" if has("ca") => "fr-ca".to_owned(),
        "sr" if has("latn") => "sr-Latn".to_owned(),
        "sr" => "sr-Cyrl".to_owned(),
        "no" | "nb" => "nb".to_owned(),
        _ => language.to_owned(),
    }
}

/// Wraps each occurrence of a glossary term in `text` (masked XML) in Azure's dynamic
/// dictionary markup. Matches ignore case, need word boundaries, prefer the longest term,
/// and never reach into a placeholder tag or an entity.
pub fn apply_dynamic_dictionary(text: &str, terms: &[TermPair]) -> String {
    let mut terms: Vec<(String, String)> = terms
        .iter()
        .filter(|term| !term.source.trim().is_empty())
        .map(|term| (escape_xml(&term.source), escape_attribute(&term.target)))
        .collect();
    terms.sort_by_key(|(source, _)| std::cmp::Reverse(source.chars().count()));
    let mut out = String::with_capacity(text.len() + 64);
    let mut after_word = false;
    let mut rest = text;
    'scan: while let Some(c) = rest.chars().next() {
        if c == '<' {
            let end = rest.find('>').map_or(rest.len(), |gt| gt + 1);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            after_word = false;
            continue;
        }
        if !after_word {
            for (source, target) in &terms {
                if let Some(len) = match_ignoring_case(rest, source) {
                    if !rest[len..].chars().next().is_some_and(is_word_char) {
                        out.push_str("<mstrans:dictionary translation=\"");
                        out.push_str(target);
                        out.push_str("\">");
                        out.push_str(&rest[..len]);
                        out.push_str("</mstrans:dictionary>");
                        rest = &rest[len..];
                        after_word = true;
                        continue 'scan;
                    }
                }
            }
        }
        if c == '&' {
            let end = rest.find(';').map_or(1, |semicolon| semicolon + 1);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            after_word = false;
            continue;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
        after_word = is_word_char(c);
    }
    out
}

/// Replaces dynamic-dictionary markup that came back with the translation it asked for, and
/// drops stray dictionary tags.
pub fn strip_dictionary_markup(text: &str) -> String {
    const OPEN: &str = "<mstrans:dictionary";
    const CLOSE: &str = "</mstrans:dictionary>";
    if !text.contains("mstrans:dictionary") {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        rest = &rest[lt..];
        if rest.starts_with(CLOSE) {
            rest = &rest[CLOSE.len()..];
        } else if rest.starts_with(OPEN) {
            let tag_end = rest.find('>').map_or(rest.len(), |gt| gt + 1);
            let translation = attribute(&rest[..tag_end], "translation");
            match (translation, rest[tag_end..].find(CLOSE)) {
                (Some(translation), Some(close)) => {
                    out.push_str(translation);
                    rest = &rest[tag_end + close + CLOSE.len()..];
                }
                _ => rest = &rest[tag_end..],
            }
        } else {
            out.push('<');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    out
}

/// The value of `name="…"` in a start tag.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!("{name}=\""))? + name.len() + 2;
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

/// Bytes of `haystack`'s prefix that equal `needle` ignoring case, if any.
fn match_ignoring_case(haystack: &str, needle: &str) -> Option<usize> {
    let mut hay = haystack.char_indices();
    for wanted in needle.chars() {
        let (_, found) = hay.next()?;
        if found != wanted && !found.to_lowercase().eq(wanted.to_lowercase()) {
            return None;
        }
    }
    Some(hay.next().map_or(haystack.len(), |(idx, _)| idx))
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// Text as the masked segments hold it.
fn escape_xml(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn escape_attribute(text: &str) -> String {
    escape_xml(text).replace('"', "&quot;")
}

/// Azure names a used-up free quota with error code 403001; other statuses map as for every
/// provider.
fn error_from_status(status: u16, body: &str, retry_after: Option<Duration>) -> ProviderError {
    #[derive(Deserialize)]
    struct ErrorBody {
        error: ErrorDetail,
    }
    #[derive(Deserialize)]
    struct ErrorDetail {
        code: u64,
    }
    if status == 403
        && serde_json::from_str::<ErrorBody>(body).is_ok_and(|parsed| parsed.error.code == 403_001)
    {
        return ProviderError::QuotaExceeded;
    }
    ProviderError::from_status(status, body, retry_after)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(pairs: &[(&str, &str)]) -> Vec<TermPair> {
        pairs
            .iter()
            .map(|(source, target)| TermPair {
                source: (*source).to_owned(),
                target: (*target).to_owned(),
            })
            .collect()
    }

    #[track_caller]
    fn check(text: &str, pairs: &[(&str, &str)], expected: &str) {
        assert_eq!(apply_dynamic_dictionary(text, &terms(pairs)), expected);
    }

    #[test]
    fn wraps_whole_words_ignoring_case() {
        check(
            "Report Dyspnoea and dyspnoeas.",
            &[("dyspnoea", "hengenahdistus")],
            "Report <mstrans:dictionary translation=\"hengenahdistus\">Dyspnoea</mstrans:dictionary> and dyspnoeas.",
        );
    }

    #[test]
    fn prefers_the_longest_term_and_skips_placeholders_and_entities() {
        check(
            "<g id=\"1\">blood pressure</g> &lt; <x id=\"2\"/> id lt",
            &[
                ("blood", "veri"),
                ("blood pressure", "verenpaine"),
                ("id", "ID"),
                ("lt", "LT"),
            ],
            "<g id=\"1\"><mstrans:dictionary translation=\"verenpaine\">blood pressure</mstrans:dictionary></g> &lt; <x id=\"2\"/> \
             <mstrans:dictionary translation=\"ID\">id</mstrans:dictionary> <mstrans:dictionary translation=\"LT\">lt</mstrans:dictionary>",
        );
    }

    #[test]
    fn escapes_terms_like_the_masked_text() {
        check(
            "R&amp;D \"quoted\"",
            &[("R&D", "T&K \"x\"")],
            "<mstrans:dictionary translation=\"T&amp;K &quot;x&quot;\">R&amp;D</mstrans:dictionary> \"quoted\"",
        );
    }

    #[test]
    fn markup_that_comes_back_becomes_its_translation() {
        assert_eq!(
            strip_dictionary_markup(
                "Ilmoita <mstrans:dictionary translation=\"hengenahdistus\">dyspnoea</mstrans:dictionary> <x id=\"1\"/></mstrans:dictionary>"
            ),
            "Ilmoita hengenahdistus <x id=\"1\"/>"
        );
        assert_eq!(
            strip_dictionary_markup("a <g id=\"1\">b</g>"),
            "a <g id=\"1\">b</g>"
        );
    }

    #[test]
    fn maps_language_codes() {
        for (bcp47, azure) in [
            ("el-CY", "el"),
            ("fi", "fi"),
            ("zh-TW", "zh-Hant"),
            ("pt-PT", "pt-pt"),
            ("pt-BR", "pt"),
            ("no", "nb"),
        ] {
            assert_eq!(language_code(bcp47), azure, "{bcp47}");
        }
    }

    #[test]
    fn character_budget_is_shared_by_targets() {
        assert_eq!(max_chars_per_request(1), 50_000);
        assert_eq!(max_chars_per_request(3), 16_666);
        assert_eq!(max_chars_per_request(0), 50_000);
    }
}
