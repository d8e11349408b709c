//! Locale codes and fallback chains.
//!
//! A requested locale falls back through less specific locales of the same language to the
//! source (el-CY → el → en), negotiated with fluent-langneg; a more specific variant is
//! never a fallback for its language (el never takes el-CY's text).

use fluent_langneg::{NegotiationStrategy, negotiate_languages};
use unic_langid::LanguageIdentifier;

/// Parses a BCP 47 locale code, with a message a user understands when it is not one.
pub fn parse_locale_code(code: &str) -> Result<LanguageIdentifier, String> {
    code.parse::<LanguageIdentifier>()
        .ok()
        // BCP 47 allows 5–8 letter language subtags, but none is registered: `finnish` is a
        // typo, not a language.
        .filter(|id| (2..=3).contains(&id.language.as_str().len()))
        .filter(|_| !code.is_empty() && !code.contains('_'))
        .ok_or_else(|| format!("`{code}` is not a valid locale code"))
}

/// The locales to try, in order, for `requested`: itself, its less specific project locales,
/// then `source`. `available` is every locale of the project.
pub fn fallback_chain(
    requested: &LanguageIdentifier,
    available: &[LanguageIdentifier],
    source: &LanguageIdentifier,
) -> Vec<LanguageIdentifier> {
    let negotiated = negotiate_languages(
        std::slice::from_ref(requested),
        available,
        Some(source),
        NegotiationStrategy::Filtering,
    );
    let mut chain: Vec<LanguageIdentifier> = Vec::new();
    for candidate in negotiated {
        if (candidate == requested || is_less_specific(candidate, requested))
            && !chain.contains(candidate)
        {
            chain.push(candidate.clone());
        }
    }
    chain.retain(|locale| locale != source);
    chain.push(source.clone());
    chain
}

/// `general` covers `specific`: same language, and each subtag either absent or equal.
fn is_less_specific(general: &LanguageIdentifier, specific: &LanguageIdentifier) -> bool {
    general.language == specific.language
        && (general.script.is_none() || general.script == specific.script)
        && (general.region.is_none() || general.region == specific.region)
        && general
            .variants()
            .all(|variant| specific.variants().any(|other| other == variant))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(codes: &[&str]) -> Vec<LanguageIdentifier> {
        codes
            .iter()
            .map(|code| code.parse().expect("valid"))
            .collect()
    }

    #[track_caller]
    fn check(requested: &str, expected: &[&str]) {
        let available = ids(&["en", "el", "el-CY", "hu", "it", "lt", "ro", "fi", "tr"]);
        let chain = fallback_chain(
            &requested.parse().expect("valid"),
            &available,
            &"en".parse().expect("valid"),
        );
        let chain: Vec<String> = chain.iter().map(ToString::to_string).collect();
        assert_eq!(chain, expected);
    }

    #[test]
    fn regional_variant_falls_back_to_its_language_then_source() {
        check("el-CY", &["el-CY", "el", "en"]);
    }

    #[test]
    fn language_never_falls_back_to_a_regional_variant() {
        check("el", &["el", "en"]);
    }

    #[test]
    fn unlisted_region_uses_the_language() {
        check("tr-CY", &["tr", "en"]);
    }

    #[test]
    fn source_locale_is_its_own_chain() {
        check("en", &["en"]);
    }

    #[test]
    fn unknown_language_goes_straight_to_source() {
        check("pt", &["en"]);
    }

    #[test]
    fn locale_codes_parse_when_they_are_bcp47_with_a_registered_language_length() {
        for code in ["el", "el-CY", "fi", "pt-BR", "sr-Latn", "fil"] {
            assert_eq!(
                parse_locale_code(code).map(|id| id.to_string()),
                Ok(code.to_owned())
            );
        }
        for code in ["", "gr_GR", "finnish", "e", "el-"] {
            assert_eq!(
                parse_locale_code(code),
                Err(format!("`{code}` is not a valid locale code")),
                "{code}"
            );
        }
    }
}
