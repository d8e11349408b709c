//! DeepL's JSON bodies, named as DeepL's API spec names them
//! (`../shared/corpora/specs/deepl-openapi.yaml`).
//!
//! Requests serialize only fields the spec declares for the operation; responses read only
//! what kurso uses, so extra fields DeepL adds later are ignored.

use serde::{Deserialize, Serialize};

/// `POST /v2/translate` (`translateText`), `application/json` body.
#[derive(Debug, Serialize)]
pub(super) struct TranslateRequest<'a> {
    pub text: &'a [String],
    pub source_lang: &'a str,
    pub target_lang: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub context: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub formality: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub glossary_id: Option<&'a str>,
    /// `nonewlines`: a segment is one paragraph; a soft line break inside it must not cut a
    /// sentence in two.
    pub split_sentences: &'static str,
    /// Keep the segment's own capitalisation and final punctuation (list items, table cells).
    pub preserve_formatting: bool,
    pub tag_handling: &'static str,
    pub tag_handling_version: &'static str,
    /// `<x/>` and `<g>` are inline: they never end a sentence.
    pub non_splitting_tags: &'static [&'static str],
    /// `<x/>` stands for an atom: nothing in it is translated.
    pub ignore_tags: &'static [&'static str],
}

/// `translateText` 200 answer.
#[derive(Debug, Deserialize)]
pub(super) struct TranslateResponse {
    pub translations: Vec<Translation>,
}

#[derive(Debug, Deserialize)]
pub(super) struct Translation {
    pub text: String,
}

/// `POST /v3/glossaries` (`createMultilingualGlossary`): `CreateMultilingualGlossaryParameters`.
#[derive(Debug, Serialize)]
pub(super) struct CreateGlossary<'a> {
    pub name: &'a str,
    pub dictionaries: [Dictionary<'a>; 1],
}

/// `GlossaryDictionary` with its entries.
#[derive(Debug, Serialize)]
pub(super) struct Dictionary<'a> {
    pub source_lang: &'a str,
    pub target_lang: &'a str,
    pub entries: &'a str,
    pub entries_format: &'static str,
}

/// `GET /v3/glossaries` (`listMultilingualGlossaries`) 200 answer.
#[derive(Debug, Deserialize)]
pub(super) struct GlossaryList {
    #[serde(default)]
    pub glossaries: Vec<GlossaryInfo>,
}

/// `MultilingualGlossary`, also the `createMultilingualGlossary` 201 answer.
#[derive(Debug, Deserialize)]
pub(super) struct GlossaryInfo {
    pub glossary_id: String,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub dictionaries: Vec<DictionaryInfo>,
}

#[derive(Debug, Deserialize)]
pub(super) struct DictionaryInfo {
    pub source_lang: String,
    pub target_lang: String,
}

impl GlossaryInfo {
    /// Whether this glossary holds a dictionary for the pair (codes compared ignoring case:
    /// the spec's examples list them upper case, its enums lower case).
    pub fn has_pair(&self, source: &str, target: &str) -> bool {
        self.dictionaries.iter().any(|dictionary| {
            dictionary.source_lang.eq_ignore_ascii_case(source)
                && dictionary.target_lang.eq_ignore_ascii_case(target)
        })
    }
}

/// `GET /v2/usage` (`getUsage`) 200 answer: `UsageResponse`.
#[derive(Debug, Deserialize)]
pub(super) struct UsageResponse {
    pub character_count: u64,
    pub character_limit: Option<u64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn glossary_pairs_match_in_either_case() {
        let listed: GlossaryList = serde_json::from_str(
            r#"{"glossaries": [{"glossary_id": "g", "name": "kurso-1",
                "dictionaries": [{"source_lang": "EN", "target_lang": "EL", "entry_count": 2}]}]}"#,
        )
        .expect("a glossary list");
        assert!(listed.glossaries[0].has_pair("en", "el"));
        assert!(!listed.glossaries[0].has_pair("en", "hu"));
    }
}
