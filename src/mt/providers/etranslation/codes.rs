//! eTranslation's error codes: the negative numbers its translate endpoint answers instead
//! of a request ID, and that its error callback carries in `error-code`.
//!
//! Invariant: every code maps to a [`ProviderError`] the engine can act on: the concurrency
//! quota is a rate limit (retried later), "too long" is `TooLarge`, everything else is a
//! configuration or request problem that retrying cannot fix. Unknown codes are `Config`
//! errors that show the number, so they can be looked up.

use crate::mt::provider::ProviderError;

/// The documented codes of the translate endpoint, as the service describes them.
const CODES: &[(i64, &str)] = &[
    (-20000, "source language not specified"),
    (-20001, "invalid source language"),
    (-20002, "target language(s) not specified"),
    (-20003, "invalid target language(s)"),
    (-20005, "caller information not specified"),
    (-20006, "missing application name"),
    (-20007, "application not authorized to access the service"),
    (-20010, "bad format for HTTP address"),
    (
        -20012,
        "a request holds text, a document path or a base64 document, not several",
    ),
    (-20013, "language pair not supported by the domain"),
    (-20014, "username parameter not specified"),
    (-20017, "username parameter too long"),
    (-20019, "institution parameter too long"),
    (-20021, "text to translate too long"),
    (-20024, "too many HTTP destinations"),
    (-20025, "missing destination"),
    (-20026, "bad requester callback protocol"),
    (-20027, "bad error callback protocol"),
    (-20028, "concurrency quota exceeded"),
    (-20030, "text to translate is empty"),
    (-20031, "missing text or document to translate"),
    (-40010, "too many segments to translate"),
];

/// What the service says a code means, where it is documented.
pub fn describe(code: i64) -> Option<&'static str> {
    CODES
        .iter()
        .find(|(known, _)| *known == code)
        .map(|(_, text)| *text)
}

/// The provider error for a negative answer of the translate endpoint.
pub fn error_for_code(code: i64) -> ProviderError {
    let described = match describe(code) {
        Some(text) => format!("eTranslation refused the request ({code}: {text})"),
        None => format!("eTranslation refused the request with undocumented code {code}"),
    };
    match code {
        -20028 => ProviderError::RateLimited { retry_after: None },
        -20021 | -40010 => ProviderError::TooLarge,
        -20005 | -20006 | -20007 | -20014 | -20017 | -20019 => ProviderError::Config(format!(
            "{described}: check the eTranslation application name, user name and password"
        )),
        -20010 | -20024 | -20025 | -20026 | -20027 => ProviderError::Config(format!(
            "{described}: check `callback-url` in [mt.etranslation] (an http or https URL)"
        )),
        -20003..=-20000 | -20013 => ProviderError::Config(format!(
            "{described}: eTranslation does not translate this language pair"
        )),
        _ => ProviderError::Config(described),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_map_to_what_the_engine_can_do() {
        assert_eq!(
            error_for_code(-20028),
            ProviderError::RateLimited { retry_after: None }
        );
        assert_eq!(error_for_code(-20021), ProviderError::TooLarge);
        for (code, fragment) in [
            (-20007, "-20007: application not authorized"),
            (-20026, "callback-url"),
            (-20003, "language pair"),
            (-99999, "undocumented code -99999"),
        ] {
            let err = error_for_code(code);
            assert!(!err.is_retryable(), "{err}");
            assert!(err.to_string().contains(fragment), "{err}");
        }
    }
}
