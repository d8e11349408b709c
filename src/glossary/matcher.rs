//! Finding glossary terms: in the English (which concepts a message uses) and in a
//! translation (which of the concept's terms it renders, in any inflected form).
//!
//! Source side: Aho-Corasick over the message's normalized tokens: folded and stemmed
//! (`patients` finds `patient`), or as written for case-sensitive concepts (`NICE`, not
//! `nice`). Target side: a term's words match a translation's words when they are equal after
//! folding, share a Snowball stem, when a morphological analyser gives the term's word as the
//! lemma, when they are listed variants, or (for approved terms only) when they share a long
//! prefix (Finnish `potilas` / `potilaan`, Romanian `pacient` / `pacienții`, whose Snowball
//! stems differ). Forbidden and do-not-translate terms never use the prefix rule, so a check
//! for a wrong term does not cry wolf.

use std::collections::HashMap;
use std::sync::Arc;

use aho_corasick::AhoCorasick;
use snowball_stemmers_rs::Stemmer;

use super::model::{Concept, Glossary, TermStatus};
use super::morph::{Analyzer, system_analyzer};
use super::normalize::{Token, language, stem, stemmer, tokens};

/// A term of the glossary, prepared for matching in one language.
#[derive(Debug, Clone)]
pub struct TermForms {
    pub text: String,
    pub status: TermStatus,
    /// Folded words.
    words: Vec<String>,
    /// Stems of `words`.
    stems: Vec<String>,
    /// Folded words of each listed variant.
    variants: Vec<Vec<String>>,
}

/// A concept found in an English text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Spotted {
    /// Index into [`Matcher::concepts`].
    pub concept: usize,
    /// The source text that matched, as written.
    pub text: String,
    pub start: usize,
    pub end: usize,
}

/// A translation's words and stems, computed once per message; its lemmas are asked of the
/// analyser only when a term is not found without them (most terms are found by folding,
/// stems or prefixes, and an analyser is a round trip to another process).
#[derive(Debug)]
pub struct Target {
    text: String,
    /// The language writes compounds as one word (Finnish, Hungarian): `enimmäisannos` is a
    /// form of `annos`.
    compounds: bool,
    pub tokens: Vec<Token>,
    stems: Vec<String>,
    analyzer: Option<Arc<dyn Analyzer>>,
    lemmas: std::cell::OnceCell<Vec<Vec<String>>>,
}

impl Target {
    /// The text the words were taken from; [`Found`] ranges index into it.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Lemmas of every word (empty without an analyser), computed on first use.
    fn lemmas(&self) -> &[Vec<String>] {
        self.lemmas.get_or_init(|| match &self.analyzer {
            Some(analyzer) => {
                let words: Vec<&str> = self.tokens.iter().map(|t| t.folded.as_str()).collect();
                analyzer.lemmas(&words)
            }
            None => Vec::new(),
        })
    }
}

/// A term found in a translation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub term: String,
    /// Byte range in the translation.
    pub start: usize,
    pub end: usize,
}

/// Everything needed to check one target locale against a glossary.
pub struct Matcher {
    /// The glossary, shared, not copied: a matcher is built per locale, and a glossary may
    /// hold a million concepts.
    glossary: Arc<Glossary>,
    /// Per concept index of the matcher: its position in `glossary.concepts` (concepts
    /// without source terms have none).
    positions: Vec<usize>,
    source_lang: String,
    target_lang: String,
    source_stemmer: Option<Stemmer>,
    target_stemmer: Option<Stemmer>,
    analyzer: Option<Arc<dyn Analyzer>>,
    /// Over ` stem stem ` strings of case-insensitive source terms.
    folded_ac: Option<AhoCorasick>,
    /// Over ` Word Word ` strings of case-sensitive source terms.
    exact_ac: Option<AhoCorasick>,
    /// Per pattern of each automaton: (concept, source term text).
    folded_patterns: Vec<(usize, String)>,
    exact_patterns: Vec<(usize, String)>,
    /// Per concept: its terms in the target locale (the first locale of the chain that has
    /// any).
    targets: Vec<Vec<TermForms>>,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher")
            .field("source_lang", &self.source_lang)
            .field("target_lang", &self.target_lang)
            .field("concepts", &self.positions.len())
            .finish_non_exhaustive()
    }
}

/// The terms of `concept` for the first code of `codes` that has any; codes compare by
/// exact code, then by language subtag (`en-US` terms serve `en`).
fn terms_for<'a>(concept: &'a Concept, codes: &[String]) -> Option<(&'a str, &'a [super::Term])> {
    for code in codes {
        if let Some((lang, terms)) = concept.terms.get_key_value(code.as_str()) {
            return Some((lang.as_str(), terms.as_slice()));
        }
    }
    for code in codes {
        let wanted = language(code);
        if let Some((lang, terms)) = concept
            .terms
            .iter()
            .find(|(lang, _)| language(lang) == wanted)
        {
            return Some((lang.as_str(), terms.as_slice()));
        }
    }
    None
}

impl Matcher {
    /// Prepares `glossary` for checking translations from `source` (e.g. `en`) into the
    /// first locale of `target_chain` (e.g. `[el-CY, el]`).
    pub fn new(glossary: &Arc<Glossary>, source: &str, target_chain: &[String]) -> Matcher {
        let source_lang = language(source);
        let target_lang = language(target_chain.first().map_or("", String::as_str));
        let source_stemmer = stemmer(&source_lang);
        let target_stemmer = stemmer(&target_lang);
        let mut matcher = Matcher {
            glossary: Arc::clone(glossary),
            positions: Vec::new(),
            analyzer: system_analyzer(&target_lang),
            source_lang,
            target_lang,
            source_stemmer,
            target_stemmer,
            folded_ac: None,
            exact_ac: None,
            folded_patterns: Vec::new(),
            exact_patterns: Vec::new(),
            targets: Vec::new(),
        };
        let source_codes = [source.to_owned()];
        let mut folded: Vec<String> = Vec::new();
        let mut exact: Vec<String> = Vec::new();
        for (position, concept) in glossary.concepts.iter().enumerate() {
            let Some((_, source_terms)) = terms_for(concept, &source_codes) else {
                continue;
            };
            let index = matcher.positions.len();
            for term in source_terms
                .iter()
                .filter(|t| t.status != TermStatus::Forbidden)
            {
                let words = tokens(&matcher.source_lang, &term.text);
                if words.is_empty() {
                    continue;
                }
                if concept.case_sensitive || concept.do_not_translate {
                    exact.push(joined(words.iter().map(|t| t.raw.as_str())));
                    matcher.exact_patterns.push((index, term.text.clone()));
                }
                if !concept.case_sensitive {
                    let stems: Vec<String> = words
                        .iter()
                        .map(|t| stem(matcher.source_stemmer.as_ref(), &t.folded).into_owned())
                        .collect();
                    folded.push(joined(stems.iter().map(String::as_str)));
                    matcher.folded_patterns.push((index, term.text.clone()));
                }
            }
            let targets = terms_for(concept, target_chain)
                .map(|(_, terms)| {
                    terms
                        .iter()
                        .map(|term| matcher.prepare(&term.text, term.status, &term.variants))
                        .collect()
                })
                .unwrap_or_default();
            matcher.targets.push(targets);
            matcher.positions.push(position);
        }
        matcher.folded_ac = AhoCorasick::new(&folded)
            .ok()
            .filter(|_| !folded.is_empty());
        matcher.exact_ac = AhoCorasick::new(&exact).ok().filter(|_| !exact.is_empty());
        matcher
    }

    fn prepare(&self, text: &str, status: TermStatus, variants: &[String]) -> TermForms {
        let words: Vec<String> = tokens(&self.target_lang, text)
            .into_iter()
            .map(|t| t.folded)
            .collect();
        let stems = words
            .iter()
            .map(|w| stem(self.target_stemmer.as_ref(), w).into_owned())
            .collect();
        TermForms {
            text: text.to_owned(),
            status,
            words,
            stems,
            variants: variants
                .iter()
                .map(|v| {
                    tokens(&self.target_lang, v)
                        .into_iter()
                        .map(|t| t.folded)
                        .collect()
                })
                .collect(),
        }
    }

    /// The concepts used in an English `text`: leftmost-longest, not overlapping.
    pub fn spot(&self, text: &str) -> Vec<Spotted> {
        let words = tokens(&self.source_lang, text);
        if words.is_empty() {
            return Vec::new();
        }
        let mut candidates: Vec<(usize, usize, usize, String)> = Vec::new(); // first, last, concept, term
        if let Some(ac) = &self.folded_ac {
            let stems: Vec<String> = words
                .iter()
                .map(|t| stem(self.source_stemmer.as_ref(), &t.folded).into_owned())
                .collect();
            collect(ac, &stems, &self.folded_patterns, &mut candidates);
        }
        if let Some(ac) = &self.exact_ac {
            let raw: Vec<String> = words.iter().map(|t| t.raw.clone()).collect();
            collect(ac, &raw, &self.exact_patterns, &mut candidates);
        }
        candidates.sort_by_key(|(first, last, concept, _)| (*first, usize::MAX - last, *concept));
        let mut out = Vec::new();
        let mut next_free = 0;
        for (first, last, concept, _) in candidates {
            if first < next_free {
                continue;
            }
            next_free = last + 1;
            let (start, end) = (words[first].start, words[last].end);
            out.push(Spotted {
                concept,
                text: text[start..end].to_owned(),
                start,
                end,
            });
        }
        out
    }

    /// The concept's terms in the target locale with `status`.
    pub fn target_terms(
        &self,
        concept: usize,
        status: TermStatus,
    ) -> impl Iterator<Item = &TermForms> {
        self.targets[concept]
            .iter()
            .filter(move |term| term.status == status)
    }

    /// Concept `index` (as [`Spotted::concept`] names it).
    pub fn concept(&self, index: usize) -> &Concept {
        &self.glossary.concepts[self.positions[index]]
    }

    /// The concepts with source terms, by index.
    pub fn concepts(&self) -> impl Iterator<Item = &Concept> {
        self.positions.iter().map(|&at| &self.glossary.concepts[at])
    }

    /// Whether the concept has any term in the target locale.
    pub fn has_target(&self, concept: usize) -> bool {
        !self.targets[concept].is_empty()
    }

    /// The first preferred or admitted term of the concept found in `translation`.
    pub fn find_allowed(&self, concept: usize, translation: &Target) -> Option<Found> {
        self.targets[concept]
            .iter()
            .filter(|term| term.status != TermStatus::Forbidden)
            .find_map(|term| Self::find(term, translation, true))
    }

    /// Every forbidden term of the concept found in `translation`, except inside a longer
    /// approved term (Italian `radiologia` is forbidden for the radiologist but part of the
    /// radiographer's `tecnico sanitario di radiologia medica`).
    pub fn find_forbidden(&self, concept: usize, translation: &Target) -> Vec<Found> {
        let allowed: Vec<Found> = self.targets[concept]
            .iter()
            .filter(|term| term.status != TermStatus::Forbidden)
            .filter_map(|term| Self::find(term, translation, false))
            .collect();
        self.target_terms(concept, TermStatus::Forbidden)
            .filter_map(|term| Self::find(term, translation, false))
            .filter(|found| {
                !allowed.iter().any(|a| {
                    a.start <= found.start
                        && found.end <= a.end
                        && a.end - a.start > found.end - found.start
                })
            })
            .collect()
    }

    /// A translation prepared for [`Self::find_allowed`] and [`Self::find_forbidden`].
    pub fn target(&self, text: &str) -> Target {
        let tokens = tokens(&self.target_lang, text);
        let stems = tokens
            .iter()
            .map(|t| stem(self.target_stemmer.as_ref(), &t.folded).into_owned())
            .collect();
        Target {
            text: text.to_owned(),
            compounds: matches!(
                self.target_lang.as_str(),
                "fi" | "hu" | "de" | "nl" | "sv" | "et"
            ),
            tokens,
            stems,
            analyzer: self.analyzer.clone(),
            lemmas: std::cell::OnceCell::new(),
        }
    }

    /// Finds `term` as a run of words of `text` (one unrelated word may sit between two of
    /// its words: `consimțământul său informat`).
    fn find(term: &TermForms, target: &Target, lenient: bool) -> Option<Found> {
        Self::find_with(term, target, lenient, false).or_else(|| {
            // A lemma shares its first letters with its inflected forms (gradation and
            // vowel harmony change the ending): without such a word, the analyser cannot help.
            let head: String = term.words.first()?.chars().take(2).collect();
            let candidate = target.tokens.iter().any(|t| t.folded.starts_with(&head));
            (candidate && target.analyzer.is_some())
                .then(|| Self::find_with(term, target, lenient, true))
                .flatten()
        })
    }

    /// [`Self::find`] without, then with, the analyser's lemmas.
    fn find_with(term: &TermForms, target: &Target, lenient: bool, lemmas: bool) -> Option<Found> {
        if term.words.is_empty() {
            return None;
        }
        let text = &target.tokens;
        let word_matches = |k: usize, i: usize| -> bool {
            let word = &text[i].folded;
            let want = &term.words[k];
            if word == want {
                return true;
            }
            if term.stems[k].chars().count() >= 3 && target.stems[i] == term.stems[k] {
                return true;
            }
            if lemmas
                && target
                    .lemmas()
                    .get(i)
                    .is_some_and(|l| l.iter().any(|l| l == want))
            {
                return true;
            }
            if !lenient {
                return false;
            }
            // Short inner words of a multi-word term (articles, prepositions) inflect too:
            // Greek `τον`/`τους`, Romanian `al`/`ai`.
            let inner = k > 0 && k + 1 < term.words.len();
            if inner && want.chars().count() <= 3 && word.chars().count() <= 5 {
                return true;
            }
            // A compound ending in the term's word (`enimmäisannos` for `annos`).
            let (want_len, word_len) = (want.chars().count(), word.chars().count());
            if target.compounds
                && want_len >= 5
                && word_len >= want_len + 3
                && word.ends_with(want.as_str())
            {
                return true;
            }
            shares_long_prefix(want, word)
        };
        // Variants: exact folded word runs.
        for variant in &term.variants {
            if let Some(found) = find_run(text, variant.len(), |k, i| text[i].folded == variant[k])
            {
                return Some(Found {
                    term: term.text.clone(),
                    ..found
                });
            }
        }
        find_run(text, term.words.len(), word_matches).map(|found| Found {
            term: term.text.clone(),
            ..found
        })
    }
}

/// `want` (a term's word) and `word` share a prefix long enough to be one lemma inflected:
/// at least 4 characters, and at most 3 characters of `want` left over.
pub fn shares_long_prefix(want: &str, word: &str) -> bool {
    let want_len = want.chars().count();
    if want_len < 4 {
        return false;
    }
    let common = want
        .chars()
        .zip(word.chars())
        .take_while(|(a, b)| a == b)
        .count();
    common >= 4 && common + 3 >= want_len
}

/// The first run of `n` words of `text` where word `k` of the term matches text word `i`,
/// allowing one extra word between two term words.
fn find_run(text: &[Token], n: usize, matches: impl Fn(usize, usize) -> bool) -> Option<Found> {
    if n == 0 {
        return None;
    }
    'start: for first in 0..text.len() {
        if !matches(0, first) {
            continue;
        }
        let mut at = first;
        for k in 1..n {
            if at + 1 < text.len() && matches(k, at + 1) {
                at += 1;
            } else if at + 2 < text.len() && matches(k, at + 2) {
                at += 2;
            } else {
                continue 'start;
            }
        }
        return Some(Found {
            term: String::new(),
            start: text[first].start,
            end: text[at].end,
        });
    }
    None
}

/// ` a b c ` — words with a space on each side, so a match never starts or ends mid-word.
fn joined<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let mut out = String::from(" ");
    for word in words {
        out.push_str(word);
        out.push(' ');
    }
    out
}

/// Runs `ac` over the words and records (first word, last word, concept, term) per match.
fn collect(
    ac: &AhoCorasick,
    words: &[String],
    patterns: &[(usize, String)],
    out: &mut Vec<(usize, usize, usize, String)>,
) {
    let text = joined(words.iter().map(String::as_str));
    // Byte offset of each word's leading space → word index.
    let mut word_at: HashMap<usize, usize> = HashMap::with_capacity(words.len());
    let mut offset = 0;
    for (i, word) in words.iter().enumerate() {
        word_at.insert(offset, i);
        offset += word.len() + 1;
    }
    for found in ac.find_overlapping_iter(&text) {
        let Some(&first) = word_at.get(&found.start()) else {
            continue;
        };
        let spaces = text[found.start()..found.end()].matches(' ').count();
        let last = first + spaces.saturating_sub(2);
        let (concept, term) = &patterns[found.pattern().as_usize()];
        out.push((first, last, *concept, term.clone()));
    }
}

#[cfg(test)]
mod tests;
