//! DeepL's language codes for kurso's BCP 47 locales, and which targets take a strict
//! formality.
//!
//! Translation codes are upper case (`EL`, `PT-BR`); glossary codes are lower case (`el`), as
//! the API spec's `GlossarySourceLanguage`/`GlossaryTargetLanguage` enums list them. A
//! region DeepL does not translate into separately is dropped (`el-CY` → `EL`). A locale
//! DeepL cannot take is a [`ProviderError::Config`], found before anything is sent.

use crate::mt::ProviderError;

/// Languages DeepL translates from and into without a variant (its `/v2/languages` list),
/// by lower-case ISO 639-1 code.
const PLAIN: &[(&str, &str)] = &[
    ("ar", "AR"),
    ("bg", "BG"),
    ("cs", "CS"),
    ("da", "DA"),
    ("de", "DE"),
    ("el", "EL"),
    ("es", "ES"),
    ("et", "ET"),
    ("fi", "FI"),
    ("fr", "FR"),
    ("he", "HE"),
    ("hu", "HU"),
    ("id", "ID"),
    ("it", "IT"),
    ("ja", "JA"),
    ("ko", "KO"),
    ("lt", "LT"),
    ("lv", "LV"),
    ("nb", "NB"),
    ("nl", "NL"),
    ("pl", "PL"),
    ("ro", "RO"),
    ("ru", "RU"),
    ("sk", "SK"),
    ("sl", "SL"),
    ("sv", "SV"),
    ("th", "TH"),
    ("tr", "TR"),
    ("uk", "UK"),
    ("vi", "VI"),
];

/// Targets where DeepL honours `more`/`less` (its `supports_formality` flag); any other
/// target fails a request that sets them, so they become `prefer_more`/`prefer_less`.
const STRICT_FORMALITY: &[&str] = &[
    "DE", "ES", "FR", "IT", "JA", "NL", "PL", "PT-BR", "PT-PT", "RU",
];

/// Glossary languages: the spec's `GlossarySourceLanguage`/`GlossaryTargetLanguage` enum.
const GLOSSARY: &[&str] = &[
    "ar", "bg", "cs", "da", "de", "el", "en", "es", "et", "fi", "fr", "he", "hu", "id", "it", "ja",
    "ko", "lt", "lv", "nb", "nl", "pl", "pt", "ro", "ru", "sk", "sl", "sv", "th", "tr", "uk", "vi",
    "zh",
];

/// A locale split into its lower-case language and the rest of its subtags.
fn split(locale: &str) -> (String, Vec<String>) {
    let mut subtags = locale.split(['-', '_']).map(str::to_ascii_lowercase);
    let language = subtags.next().unwrap_or_default();
    let language = if language == "no" {
        "nb".to_owned()
    } else {
        language
    };
    (language, subtags.collect())
}

fn plain(language: &str) -> Option<&'static str> {
    PLAIN
        .iter()
        .find(|(code, _)| *code == language)
        .map(|(_, deepl)| *deepl)
}

/// DeepL's `source_lang` for a locale (sources never carry a variant).
pub(super) fn source_code(locale: &str) -> Result<&'static str, ProviderError> {
    let (language, _) = split(locale);
    match language.as_str() {
        "en" => Some("EN"),
        "pt" => Some("PT"),
        "zh" => Some("ZH"),
        other => plain(other),
    }
    .ok_or_else(|| ProviderError::Config(format!("DeepL cannot translate from `{locale}`")))
}

/// DeepL's `target_lang` for a locale.
pub(super) fn target_code(locale: &str) -> Result<&'static str, ProviderError> {
    let (language, rest) = split(locale);
    let has = |subtag: &str| rest.iter().any(|s| s == subtag);
    let code = match language.as_str() {
        "en" if has("gb") => Some("EN-GB"),
        "en" if has("us") => Some("EN-US"),
        "en" => None,
        "pt" if has("br") => Some("PT-BR"),
        "pt" => Some("PT-PT"),
        "zh" if has("hant") || has("tw") || has("hk") || has("mo") => Some("ZH-HANT"),
        "zh" => Some("ZH-HANS"),
        other => plain(other),
    };
    code.ok_or_else(|| {
        let hint = if language == "en" {
            " (name a variant: `en-GB` or `en-US`)"
        } else {
            ""
        };
        ProviderError::Config(format!("DeepL cannot translate into `{locale}`{hint}"))
    })
}

/// The language a glossary dictionary names for a locale, if DeepL keeps glossaries in it.
pub(super) fn glossary_code(locale: &str) -> Option<&'static str> {
    let (language, _) = split(locale);
    GLOSSARY.iter().copied().find(|code| *code == language)
}

/// The `formality` value to send for a target: `more`/`less` only where the target supports
/// it, `prefer_*` elsewhere so the request never fails; `default` sends nothing.
pub(super) fn formality(target: &str, wanted: &str) -> Result<Option<&'static str>, ProviderError> {
    let strict = STRICT_FORMALITY.contains(&target);
    Ok(match wanted {
        "default" => None,
        "more" if strict => Some("more"),
        "less" if strict => Some("less"),
        "more" | "prefer_more" => Some("prefer_more"),
        "less" | "prefer_less" => Some("prefer_less"),
        other => {
            return Err(ProviderError::Config(format!(
                "unknown DeepL formality `{other}` (expected more, less, prefer_more, prefer_less or default)"
            )));
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn check_target(locale: &str, expected: &str) {
        assert_eq!(
            target_code(locale).expect("supported"),
            expected,
            "{locale}"
        );
    }

    #[test]
    fn course_locales_map_to_deepl_targets() {
        for (locale, code) in [
            ("el", "EL"),
            ("el-CY", "EL"),
            ("hu", "HU"),
            ("it", "IT"),
            ("lt", "LT"),
            ("ro", "RO"),
            ("fi", "FI"),
            ("tr", "TR"),
            ("pt-BR", "PT-BR"),
            ("pt", "PT-PT"),
            ("en-GB", "EN-GB"),
            ("zh-Hant-TW", "ZH-HANT"),
            ("no", "NB"),
        ] {
            check_target(locale, code);
        }
    }

    #[test]
    fn unsupported_targets_are_config_errors() {
        for locale in ["en", "kl", "", "ga-IE"] {
            assert!(
                matches!(target_code(locale), Err(ProviderError::Config(_))),
                "{locale}"
            );
        }
        assert_eq!(source_code("en").expect("English source"), "EN");
    }

    #[test]
    fn formality_falls_back_to_prefer_where_unsupported() {
        assert_eq!(formality("IT", "more").expect("valid"), Some("more"));
        assert_eq!(formality("HU", "more").expect("valid"), Some("prefer_more"));
        assert_eq!(formality("EL", "less").expect("valid"), Some("prefer_less"));
        assert_eq!(
            formality("DE", "prefer_less").expect("valid"),
            Some("prefer_less")
        );
        assert_eq!(formality("DE", "default").expect("valid"), None);
        assert!(formality("DE", "polite").is_err());
    }

    #[test]
    fn glossary_languages_follow_the_spec() {
        assert_eq!(glossary_code("el-CY"), Some("el"));
        assert_eq!(glossary_code("en"), Some("en"));
        assert_eq!(glossary_code("kl"), None);
    }
}
