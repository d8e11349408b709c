//! The English side of the matcher: which glossary concepts a message uses, found with
//! Aho-Corasick over the message's Snowball-stemmed words, then kept only when every word is
//! the term's word or an English inflection of it (Snowball stems `oncologist` and `oncology`
//! alike; a concept is never spotted on a derivation).

use aho_corasick::AhoCorasick;

use crate::glossary::normalize::Token;

/// ` a b c ` — words with a space on each side, so a match never starts or ends mid-word.
pub(super) fn joined<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::from(" ");
    for word in words {
        out.push_str(word);
        out.push(' ');
    }
    out
}

/// One of `term` and `text` is the other or an English inflection of it: plural or third
/// person (`-s`, `-es`, `-ies`), past or participle (`-ed`, `-ing`, a final `e` dropped or a
/// consonant doubled), British and American `-ise`/`-ize` (`feel unwell` for `feeling
/// unwell`, never `oncologist` for `oncology`).
fn english_inflection(term: &str, text: &str) -> bool {
    inflects(term, text) || inflects(text, term)
}

/// `text` is `base` with an English inflectional ending.
fn inflects(base: &str, text: &str) -> bool {
    if base == text || base.replace("ise", "ize") == text.replace("ise", "ize") {
        return true;
    }
    let without_e = base.strip_suffix('e').unwrap_or(base);
    let doubled = base.chars().last().map(|last| format!("{base}{last}"));
    let y_stem = base.strip_suffix('y');
    ["s", "es", "ed", "d", "ing", "er", "est"]
        .iter()
        .any(|ending| {
            text.strip_suffix(ending)
                .is_some_and(|t| t == base || t == without_e || doubled.as_deref() == Some(t))
        })
        || y_stem.is_some_and(|y| ["ies", "ied"].iter().any(|e| text == format!("{y}{e}")))
}

/// A concept spotted on words `first..=last` of the English.
pub(super) struct Candidate {
    pub first: usize,
    pub last: usize,
    pub concept: usize,
    /// The term's folded words are the text's, not only their stems.
    pub as_written: bool,
}

/// Runs `ac` over the words and records a candidate per match.
pub(super) fn collect(
    ac: &AhoCorasick,
    words: &[String],
    patterns: &[(usize, String)],
    tokens: &[Token],
    out: &mut Vec<Candidate>,
) {
    let text = joined(words.iter().map(String::as_str));
    // Byte offset of each word's leading space, in word order (so ascending).
    let mut starts = Vec::with_capacity(words.len());
    let mut offset = 0;
    for word in words {
        starts.push(offset);
        offset += word.len() + 1;
    }
    for found in ac.find_overlapping_iter(&text) {
        let Ok(first) = starts.binary_search(&found.start()) else {
            continue;
        };
        let spaces = text[found.start()..found.end()].matches(' ').count();
        let last = first + spaces.saturating_sub(2);
        let (concept, folded) = &patterns[found.pattern().as_usize()];
        let words_of_text: Vec<&str> = tokens[first..=last]
            .iter()
            .map(|t| t.folded.as_str())
            .collect();
        let as_written = joined(words_of_text.iter().copied()) == *folded;
        // Snowball stems derivations alike (`oncologist`, `oncology`): every word must be the
        // term's word or an English inflection of it.
        let term_words: Vec<&str> = folded.split_whitespace().collect();
        if term_words.len() != words_of_text.len()
            || !term_words
                .iter()
                .zip(&words_of_text)
                .all(|(term, text)| english_inflection(term, text))
        {
            continue;
        }
        out.push(Candidate {
            first,
            last,
            concept: *concept,
            as_written,
        });
    }
}
