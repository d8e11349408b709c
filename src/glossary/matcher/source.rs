//! The English side of the matcher: which glossary concepts a message uses, found with
//! Aho-Corasick over the message's Snowball-stemmed words, then kept only when every word is
//! the term's word or an English inflection of it (Snowball stems `oncologist` and `oncology`
//! alike; a concept is never spotted on a derivation).

use std::sync::{Arc, PoisonError, RwLock};

use aho_corasick::AhoCorasick;
use rustc_hash::FxHashMap;
use snowball_stemmers_rs::Stemmer;

use super::{Spotted, terms_for};
use crate::glossary::model::{Glossary, TermStatus};
use crate::glossary::normalize::{Token, language, stem, stemmer, tokens};

/// The English side of a [`Matcher`](super::Matcher): which concepts have a source term and
/// the automata that find them in a message. It depends on the glossary and the source
/// language alone, so the matchers of every locale of a run share one.
pub struct SourceTerms {
    /// The glossary, shared, not copied: a glossary may hold a million concepts.
    pub(super) glossary: Arc<Glossary>,
    pub(super) lang: String,
    stemmer: Option<Stemmer>,
    /// Per concept index of the matcher: its position in `glossary.concepts` (concepts
    /// without source terms have none).
    pub(super) positions: Vec<usize>,
    /// Over ` stem stem ` strings of case-insensitive source terms.
    folded_ac: Option<AhoCorasick>,
    /// Over ` Word Word ` strings of case-sensitive source terms.
    exact_ac: Option<AhoCorasick>,
    /// Per pattern of each automaton: (concept, folded words of the source term).
    folded_patterns: Vec<(usize, String)>,
    exact_patterns: Vec<(usize, String)>,
    /// Stems of the words spotted in so far (folded word → Snowball stem).
    stems: RwLock<FxHashMap<String, String>>,
}

impl SourceTerms {
    /// The terms of `glossary` in `source` (a locale code such as `en`).
    pub fn new(glossary: &Arc<Glossary>, source: &str) -> SourceTerms {
        let lang = language(source);
        let mut terms = SourceTerms {
            glossary: Arc::clone(glossary),
            stemmer: stemmer(&lang),
            lang,
            positions: Vec::new(),
            folded_ac: None,
            exact_ac: None,
            folded_patterns: Vec::new(),
            exact_patterns: Vec::new(),
            stems: RwLock::default(),
        };
        let source_codes = [source.to_owned()];
        let mut folded: Vec<String> = Vec::new();
        let mut exact: Vec<String> = Vec::new();
        for (position, concept) in glossary.concepts.iter().enumerate() {
            let Some((_, source_terms)) = terms_for(concept, &source_codes) else {
                continue;
            };
            let index = terms.positions.len();
            for term in source_terms
                .iter()
                .filter(|t| t.status != TermStatus::Forbidden)
            {
                let words = tokens(&terms.lang, &term.text);
                if words.is_empty() {
                    continue;
                }
                let as_folded = joined(words.iter().map(|t| t.folded.as_str()));
                if concept.case_sensitive || concept.do_not_translate {
                    exact.push(joined(words.iter().map(|t| &term.text[t.start..t.end])));
                    terms.exact_patterns.push((index, as_folded.clone()));
                }
                if !concept.case_sensitive {
                    let stems: Vec<String> = words
                        .iter()
                        .map(|t| stem(terms.stemmer.as_ref(), &t.folded).into_owned())
                        .collect();
                    folded.push(joined(stems.iter().map(String::as_str)));
                    terms.folded_patterns.push((index, as_folded));
                }
            }
            terms.positions.push(position);
        }
        terms.folded_ac = AhoCorasick::new(&folded)
            .ok()
            .filter(|_| !folded.is_empty());
        terms.exact_ac = AhoCorasick::new(&exact).ok().filter(|_| !exact.is_empty());
        terms
    }

    /// ` stem stem ` of `words` (see [`joined`]), each Snowball stem looked up when the word
    /// was stemmed before: a course repeats its words, and stemming costs more than the
    /// lookup.
    fn joined_stems(&self, words: &[Token]) -> String {
        let mut text =
            String::with_capacity(words.iter().map(|t| t.folded.len() + 1).sum::<usize>() + 1);
        text.push(' ');
        let mut new: Vec<(usize, String)> = Vec::new();
        {
            let stems = self.stems.read().unwrap_or_else(PoisonError::into_inner);
            for (index, word) in words.iter().enumerate() {
                if let Some(known) = stems.get(&word.folded) {
                    text.push_str(known);
                } else {
                    let stemmed = stem(self.stemmer.as_ref(), &word.folded).into_owned();
                    text.push_str(&stemmed);
                    new.push((index, stemmed));
                }
                text.push(' ');
            }
        }
        if !new.is_empty() {
            let mut stems = self.stems.write().unwrap_or_else(PoisonError::into_inner);
            for (index, stemmed) in new {
                stems.insert(words[index].folded.clone(), stemmed);
            }
        }
        text
    }

    /// The concepts used in an English `text`: leftmost-longest, not overlapping; of two
    /// concepts on the same words, the one whose term is written so.
    pub fn spot(&self, text: &str) -> Vec<Spotted> {
        let words = tokens(&self.lang, text);
        if words.is_empty() {
            return Vec::new();
        }
        let mut candidates: Vec<Candidate> = Vec::new();
        if let Some(ac) = &self.folded_ac {
            let stems = self.joined_stems(&words);
            collect(ac, &stems, &self.folded_patterns, &words, &mut candidates);
        }
        if let Some(ac) = &self.exact_ac {
            let raw = joined(words.iter().map(|t| &text[t.start..t.end]));
            collect(ac, &raw, &self.exact_patterns, &words, &mut candidates);
        }
        candidates.sort_by_key(|c| (c.first, usize::MAX - c.last, !c.as_written, c.concept));
        let mut out: Vec<Spotted> = Vec::new();
        let mut next_free = 0;
        for candidate in candidates {
            if candidate.first < next_free {
                continue;
            }
            next_free = candidate.last + 1;
            let (start, end) = (words[candidate.first].start, words[candidate.last].end);
            out.push(Spotted {
                concept: candidate.concept,
                text: text[start..end].to_owned(),
                start,
                end,
            });
        }
        out
    }
}

/// ` a b c ` — words with a space on each side, so a match never starts or ends mid-word.
pub(super) fn joined<'a>(words: impl Iterator<Item = &'a str> + Clone) -> String {
    let mut out =
        String::with_capacity(1 + words.clone().map(|word| word.len() + 1).sum::<usize>());
    out.push(' ');
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

/// Runs `ac` over `text`, the words of `tokens` (or their stems) as [`joined`] writes them,
/// and records a candidate per match.
pub(super) fn collect(
    ac: &AhoCorasick,
    text: &str,
    patterns: &[(usize, String)],
    tokens: &[Token],
    out: &mut Vec<Candidate>,
) {
    // Byte offset of each word's leading space, in word order (so ascending).
    let starts: Vec<usize> = text
        .bytes()
        .enumerate()
        .filter(|&(_, b)| b == b' ')
        .map(|(i, _)| i)
        .take(tokens.len())
        .collect();
    for found in ac.find_overlapping_iter(text) {
        let Ok(first) = starts.binary_search(&found.start()) else {
            continue;
        };
        let spaces = text[found.start()..found.end()].matches(' ').count();
        let last = first + spaces.saturating_sub(2);
        let (concept, folded) = &patterns[found.pattern().as_usize()];
        let words_of_text = tokens[first..=last].iter().map(|t| t.folded.as_str());
        let term_words = folded.split_whitespace();
        let as_written = term_words.clone().eq(words_of_text.clone());
        // Snowball stems derivations alike (`oncologist`, `oncology`): every word must be the
        // term's word or an English inflection of it.
        let inflected = as_written
            || (term_words.clone().count() == last + 1 - first
                && term_words
                    .zip(words_of_text)
                    .all(|(term, text)| english_inflection(term, text)));
        if !inflected {
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
