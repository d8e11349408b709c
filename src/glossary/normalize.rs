//! Words as the glossary matcher sees them: tokenized and case-folded per language, then
//! stemmed with the language's Snowball stemmer.
//!
//! Folding respects the languages kurso serves: Greek drops accents and diaeresis and writes
//! final sigma as σ (`Ασθενής`, `ασθενης` and `ΑΣΘΕΝΗΣ` are one word); Turkish lowercases
//! dotted `İ` to `i` and dotless `I` to `ı` (`İLAÇ` is `ilaç`, `ISI` is `ısı`); Romanian
//! s/t with cedilla (legacy encodings) become s/t with comma below. Other diacritics are
//! kept: they tell Hungarian, Finnish and Lithuanian words apart.

use std::borrow::Cow;

use snowball_stemmers_rs::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization as _;

/// The language subtag of a code (`el-CY` → `el`), lowercase.
pub fn language(code: &str) -> String {
    code.split(['-', '_'])
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// Folds one word for comparison in `lang` (a language subtag).
pub fn fold(lang: &str, word: &str) -> String {
    let mut lower = String::with_capacity(word.len());
    for ch in word.chars() {
        match (lang, ch) {
            ("tr" | "az", 'I') => lower.push('ı'),
            ("tr" | "az", 'İ') => lower.push('i'),
            (_, 'ş' | 'Ş') if lang == "ro" => lower.push('ș'),
            (_, 'ţ' | 'Ţ') if lang == "ro" => lower.push('ț'),
            _ => lower.extend(ch.to_lowercase()),
        }
    }
    if lang == "el" {
        return lower
            .nfd()
            .filter(|c| !is_combining(*c))
            .map(|c| if c == 'ς' { 'σ' } else { c })
            .collect();
    }
    // `İ`.to_lowercase() is `i` + combining dot above outside Turkish: drop that dot, and
    // only that one (Lithuanian `ė` is `e` + the same dot).
    let mut previous = ' ';
    let mut out = String::with_capacity(lower.len());
    for c in lower.nfd() {
        if !(c == '\u{307}' && previous == 'i') {
            out.push(c);
        }
        previous = c;
    }
    out.nfc().collect()
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36f}')
}

/// A word of a text: its folded form and its byte range in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub folded: String,
    /// The word as written.
    pub raw: String,
    pub start: usize,
    pub end: usize,
}

/// The words of `text`: runs of letters and digits. Apostrophes and colons inside a word
/// split it (Turkish `FHIR'ın`, Finnish `FHIR:n` keep `FHIR` as a word); hyphens split too
/// (`e-health` is two words), so multi-word terms match either spelling.
pub fn tokens(lang: &str, text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, ch) in text
        .char_indices()
        .chain(std::iter::once((text.len(), ' ')))
    {
        let word_char = ch.is_alphanumeric() || is_combining(ch) || ch == '\u{307}';
        match (word_char, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                let raw = &text[s..i];
                out.push(Token {
                    folded: fold(lang, raw),
                    raw: raw.to_owned(),
                    start: s,
                    end: i,
                });
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// The Snowball stemmer of a language subtag, when Snowball has one.
pub fn stemmer(lang: &str) -> Option<Stemmer> {
    let algorithm = match lang {
        "en" => Algorithm::English,
        "el" => Algorithm::Greek,
        "hu" => Algorithm::Hungarian,
        "it" => Algorithm::Italian,
        "lt" => Algorithm::Lithuanian,
        "ro" => Algorithm::Romanian,
        "fi" => Algorithm::Finnish,
        "tr" => Algorithm::Turkish,
        "de" => Algorithm::German,
        "fr" => Algorithm::French,
        "es" => Algorithm::Spanish,
        "pt" => Algorithm::Portuguese,
        "nl" => Algorithm::Dutch,
        "sv" => Algorithm::Swedish,
        "da" => Algorithm::Danish,
        "et" => Algorithm::Estonian,
        "pl" => Algorithm::Polish,
        "cs" => Algorithm::Czech,
        _ => return None,
    };
    Some(Stemmer::create(algorithm))
}

/// Stems a folded word (unchanged without a stemmer).
pub fn stem<'a>(stemmer: Option<&Stemmer>, folded: &'a str) -> Cow<'a, str> {
    match stemmer {
        Some(stemmer) => stemmer.stem(folded),
        None => Cow::Borrowed(folded),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn greek_folding_drops_accents_and_final_sigma() {
        assert_eq!(fold("el", "Ασθενής"), "ασθενησ");
        assert_eq!(fold("el", "ΑΣΘΕΝΗΣ"), "ασθενησ");
        assert_eq!(fold("el", "Πρωτόκολλο"), "πρωτοκολλο");
        assert_eq!(fold("el", "προϊόν"), "προιον");
    }

    #[test]
    fn turkish_dotted_and_dotless_i() {
        assert_eq!(fold("tr", "İLAÇ"), "ilaç");
        assert_eq!(fold("tr", "ISI"), "ısı");
        assert_eq!(fold("en", "ISI"), "isi");
        assert_eq!(fold("it", "İstanbul"), "istanbul");
    }

    #[test]
    fn romanian_cedilla_becomes_comma_below() {
        assert_eq!(fold("ro", "Şedinţă"), "ședință");
    }

    #[test]
    fn other_diacritics_are_kept() {
        assert_eq!(fold("hu", "Ápolók"), "ápolók");
        assert_eq!(fold("lt", "Slaugytojų"), "slaugytojų");
        assert_eq!(fold("lt", "Ligoninėje"), "ligoninėje");
    }

    #[test]
    fn tokens_split_suffix_apostrophes_and_keep_offsets() {
        let toks = tokens("tr", "HL7 FHIR'ın sürümü: e-sağlık");
        let words: Vec<_> = toks.iter().map(|t| t.folded.as_str()).collect();
        assert_eq!(words, ["hl7", "fhır", "ın", "sürümü", "e", "sağlık"]);
        assert_eq!(&"HL7 FHIR'ın"[toks[1].start..toks[1].end], "FHIR");
    }

    #[test]
    fn every_target_language_has_a_stemmer_including_lithuanian() {
        for lang in ["en", "el", "hu", "it", "lt", "ro", "fi", "tr"] {
            assert!(stemmer(lang).is_some(), "{lang}");
        }
        let lt = stemmer("lt");
        assert_eq!(
            stem(lt.as_ref(), "slaugytojas"),
            stem(lt.as_ref(), "slaugytojams")
        );
    }
}
