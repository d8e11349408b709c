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
    // Most words of most texts: ASCII lowercases to ASCII, which no later step changes
    // (Turkish `I` is the one ASCII letter that folds to a non-ASCII one).
    if word.is_ascii() && !(matches!(lang, "tr" | "az") && word.contains('I')) {
        return word.to_ascii_lowercase();
    }
    if lang == "el"
        && let Some(folded) = monotonic_greek(word)
    {
        return folded;
    }
    let lower = lowercase(lang, word);
    // Outside Greek, without a combining dot above there is none to drop, and a word
    // already in NFC (as text usually is) comes out as it is; below U+0300 (Latin letters
    // with their accents, written precomposed) every character is in NFC.
    if lang != "el"
        && (lower.chars().all(|c| c < '\u{300}')
            || (!lower.contains('\u{307}')
                && unicode_normalization::is_nfc_quick(lower.chars())
                    == unicode_normalization::IsNormalized::Yes))
    {
        return lower;
    }
    normalized(lang, &lower)
}

/// A word of monotonic Greek (or ASCII letters and digits) folded one character at a time:
/// lowercase, without accent or diaeresis, final sigma as σ. `None` for any other character
/// (polytonic Greek, decomposed accents, other scripts): those words go through NFD.
fn monotonic_greek(word: &str) -> Option<String> {
    let mut out = String::with_capacity(word.len());
    for c in word.chars() {
        out.push(match c {
            'A'..='Z' => c.to_ascii_lowercase(),
            'ς' => 'σ',
            'a'..='z' | '0'..='9' | 'α'..='ω' => c,
            // Capitals: the lowercase letter is 0x20 further.
            'Α'..='Ρ' | 'Σ'..='Ω' => char::from_u32(u32::from(c) + 0x20)?,
            'ά' | 'Ά' => 'α',
            'έ' | 'Έ' => 'ε',
            'ή' | 'Ή' => 'η',
            'ί' | 'Ί' | 'ϊ' | 'Ϊ' | 'ΐ' => 'ι',
            'ό' | 'Ό' => 'ο',
            'ύ' | 'Ύ' | 'ϋ' | 'Ϋ' | 'ΰ' => 'υ',
            'ώ' | 'Ώ' => 'ω',
            _ => return None,
        });
    }
    Some(out)
}

/// `word` lowercased the way `lang` writes it.
fn lowercase(lang: &str, word: &str) -> String {
    let turkic = matches!(lang, "tr" | "az");
    let romanian = lang == "ro";
    let mut lower = String::with_capacity(word.len());
    for ch in word.chars() {
        match ch {
            'I' if turkic => lower.push('ı'),
            'İ' if turkic => lower.push('i'),
            'ş' | 'Ş' if romanian => lower.push('ș'),
            'ţ' | 'Ţ' if romanian => lower.push('ț'),
            _ if ch.is_ascii() => lower.push(ch.to_ascii_lowercase()),
            _ => lower.extend(ch.to_lowercase()),
        }
    }
    lower
}

/// A lowercased word with the accents `lang` ignores dropped, in NFC.
fn normalized(lang: &str, lower: &str) -> String {
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

/// `c.is_alphabetic()`, without Unicode's tables for the letters kurso's languages write
/// most: Latin with its accents and monotonic Greek. (The tables' search costs more than
/// the rest of tokenizing a word.)
pub fn is_letter(c: char) -> bool {
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\0'..='\x7f' | '×' | '÷' => false,
        'À'..='ɏ' | 'Ά' | 'Έ'..='Ί' | 'Ό' | 'Ύ'..='Ρ' | 'Σ'..='ώ' => true,
        _ => c.is_alphabetic(),
    }
}

/// `c.is_alphanumeric()`, as fast as [`is_letter`] for ASCII digits and those letters.
pub fn is_letter_or_digit(c: char) -> bool {
    c.is_ascii_digit() || is_letter(c) || (!c.is_ascii() && c.is_numeric())
}

/// A word of a text: its folded form and its byte range in the text (where it is as
/// written).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    pub folded: String,
    pub start: usize,
    pub end: usize,
}

/// The words of `text`: runs of letters and digits. Apostrophes and colons inside a word
/// split it (Turkish `FHIR'ın`, Finnish `FHIR:n` keep `FHIR` as a word); hyphens split too
/// (`e-health` is two words), so multi-word terms match either spelling.
pub fn tokens(lang: &str, text: &str) -> Vec<Token> {
    // About one word per six bytes of text: room for most texts' words from the start.
    let mut out = Vec::with_capacity(text.len() / 6 + 1);
    let mut start = None;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i <= text.len() {
        // ASCII is read a byte at a time: a letter or a digit is a word's, nothing else is.
        let (word_char, width) = match bytes.get(i) {
            None => (false, 1),
            Some(&b) if b.is_ascii() => (b.is_ascii_alphanumeric(), 1),
            Some(_) => {
                let ch = text[i..].chars().next().unwrap_or(' ');
                (is_word_char(ch), ch.len_utf8())
            }
        };
        match (word_char, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(Token {
                    folded: fold(lang, &text[s..i]),
                    start: s,
                    end: i,
                });
                start = None;
            }
            _ => {}
        }
        i += width;
    }
    out
}

/// A character of a word: a letter, a digit or a combining mark (the dot above of Turkish
/// `i̇` among them).
fn is_word_char(ch: char) -> bool {
    is_letter_or_digit(ch) || is_combining(ch) || ch == '\u{307}'
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
    use std::path::Path;

    use super::*;

    #[test]
    fn letters_are_the_unicode_alphabetic_characters() {
        let others = [
            '\u{1f00}',
            'ḁ',
            'я',
            'ـ',
            '٣',
            'Ⅻ',
            '²',
            '\u{ffff}',
            '中',
            '\u{10ffff}',
        ];
        for c in (0..0x800).filter_map(char::from_u32).chain(others) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_letter_or_digit(c), c.is_alphanumeric(), "{c:?}");
        }
    }

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

    /// `fold` without its fast paths (ASCII words, words already in NFC): every word
    /// lowercased and normalized, as `fold` did before them.
    fn fold_reference(lang: &str, word: &str) -> String {
        normalized(lang, &lowercase(lang, word))
    }

    /// Every word of the Thunderbird translations of each language, and the awkward cases
    /// (decomposed accents, a dotted capital I outside Turkish, Turkish capitals), fold as
    /// the reference folds them.
    #[test]
    fn the_fast_paths_fold_as_the_reference() {
        let corpus =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/fluent/thunderbird");
        let mut words: Vec<String> = [
            "ISI",
            "İLAÇ",
            "İstanbul",
            "Ápolók",
            "e\u{301}",
            "i\u{307}",
            "I\u{307}",
            "ė",
            "Şedinţă",
            "ΑΣΘΕΝΗΣ",
            "προϊόν",
            "Å",
            "A\u{30a}",
            "ﬁ",
            "ǅ",
            "ẞ",
            "Σ",
            "123",
            "",
        ]
        .iter()
        .map(|w| (*w).to_owned())
        .collect();
        // Every character up to Cyrillic alone, and after a letter and before one.
        for c in (0..0x500).filter_map(char::from_u32) {
            words.extend([c.to_string(), format!("Ά{c}"), format!("{c}a")]);
        }
        for lang in ["el", "hu", "it", "lt", "ro", "fi", "tr"] {
            let dir = corpus.join(lang);
            for entry in walkdir::WalkDir::new(&dir)
                .into_iter()
                .filter_map(Result::ok)
            {
                if entry.path().extension().is_some_and(|e| e == "ftl") {
                    let text = std::fs::read_to_string(entry.path()).expect("readable");
                    words.extend(
                        text.split(|c: char| !c.is_alphanumeric() && !is_combining(c))
                            .map(str::to_owned),
                    );
                }
            }
        }
        assert!(
            words.len() > 100_000,
            "the corpus is read: {} words",
            words.len()
        );
        words.sort();
        words.dedup();
        for lang in ["el", "hu", "it", "lt", "ro", "fi", "tr", "en", "az"] {
            for word in &words {
                assert_eq!(
                    fold(lang, word),
                    fold_reference(lang, word),
                    "{lang} {word:?}"
                );
            }
        }
    }

    #[test]
    fn other_diacritics_are_kept() {
        assert_eq!(fold("hu", "Ápolók"), "ápolók");
        assert_eq!(fold("lt", "Slaugytojų"), "slaugytojų");
        assert_eq!(fold("lt", "Ligoninėje"), "ligoninėje");
    }

    /// Words are what the character-by-character definition makes them, on every line of
    /// the Thunderbird files (English and 7 translations) and on awkward cases.
    #[test]
    fn tokens_are_the_runs_of_word_characters() {
        // The definition: the non-empty pieces between characters that are not a word's.
        fn by_char(lang: &str, text: &str) -> Vec<Token> {
            text.split(|c: char| !is_word_char(c))
                .filter(|word| !word.is_empty())
                .map(|word| {
                    let start = word.as_ptr() as usize - text.as_ptr() as usize;
                    Token {
                        folded: fold(lang, word),
                        start,
                        end: start + word.len(),
                    }
                })
                .collect()
        }
        let corpus =
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/fluent/thunderbird");
        let mut lines = 0;
        for lang in ["en-US", "el", "hu", "it", "lt", "ro", "fi", "tr"] {
            for file in walkdir::WalkDir::new(corpus.join(lang))
                .into_iter()
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file())
            {
                let text = std::fs::read_to_string(file.path()).expect("readable");
                for line in text.lines() {
                    lines += 1;
                    assert_eq!(
                        tokens(&language(lang), line),
                        by_char(&language(lang), line),
                        "{line}"
                    );
                }
            }
        }
        assert!(lines > 10_000, "only {lines} lines");
        for text in [
            "",
            "a",
            "é",
            "1.5 mg/kg",
            "İi̇ IŞIK",
            "x\u{301}y",
            "Ω-3 ½ ²",
            "a\u{a0}b",
        ] {
            assert_eq!(tokens("tr", text), by_char("tr", text), "{text}");
        }
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
