//! Finding glossary terms: in the English (which concepts a message uses) and in a
//! translation (which of the concept's terms it renders, in any inflected form).
//!
//! Source side: Aho-Corasick over the message's normalized tokens: folded and stemmed
//! (`patients` finds `patient`), or as written for case-sensitive concepts (`NICE`, not
//! `nice`); of two concepts on the same words, the one written exactly so wins (`oncology`
//! is not `oncologist`, though Snowball stems both to `oncolog`).
//!
//! Target side: a translation's word is a form of a term's word when it is equal after
//! folding, when the morphological analyser gives the term's word as its lemma, or when it is
//! one of the word's stems followed by inflectional endings of the language's paradigm
//! (`paradigm.rs`: `syöpä`/`syövän`, `ápoló`/`ápolóknak`, `pacient`/`pacienților`). Derivations
//! are not forms (`ápolási` is not `ápoló`), and a shared prefix is not enough. In Finnish and
//! Hungarian a compound counts when the term is its head (`syöpäpotilaalle` for `potilas`), not
//! when it is a modifier (`kaliumkloridi`, `antibiotikum-kezelés`). A term found inside a longer
//! term of another concept belongs to that concept (`kálium` in `kálium-klorid`, `javallat` in
//! `ellenjavallat`). Languages without a paradigm file fall back to Snowball stems. Forbidden
//! terms match inflected too, but not as compound heads, so the check does not cry wolf.

use std::sync::{Arc, OnceLock};

use rustc_hash::FxHashMap;
use snowball_stemmers_rs::Stemmer;

use super::model::{Concept, Glossary, TermStatus};
use super::morph::{Analyzer, system_analyzer};
use super::normalize::{Token, language, stem, stemmer, tokens};
use super::paradigm::{Paradigm, Stem};

mod shadow;
mod source;
pub use source::SourceTerms;

/// A term of the glossary, prepared for matching in one language.
#[derive(Debug, Clone)]
pub struct TermForms {
    pub text: String,
    pub status: TermStatus,
    /// Folded words.
    words: Vec<String>,
    /// Per word: its stems in the language's paradigm (or its Snowball stem alone, for a
    /// language without a paradigm).
    stems: Vec<Vec<Stem>>,
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

/// A translation's words, computed once per message; its lemmas are asked of the analyser
/// only when a term is not found without them (most terms are found by their paradigm, and
/// an analyser is a round trip to another process).
#[derive(Debug)]
pub struct Target {
    text: String,
    pub tokens: Vec<Token>,
    /// Snowball stems of the words, for a language without a paradigm.
    stems: Vec<String>,
    /// Per word: a hyphen joins it to the next word (`kálium-klorid`, `stroke-ot`).
    hyphen_after: Vec<bool>,
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

/// A run of words of a translation: first and last word.
#[derive(Debug, Clone, Copy)]
struct Run {
    first: usize,
    last: usize,
}

/// How a term may be matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Approved terms: compound heads and inflected short inner words count too.
    Lenient,
    /// Forbidden terms: only the word and its inflections.
    Strict,
}

/// Everything needed to check one target locale against a glossary.
pub struct Matcher {
    /// The English side, shared by every locale's matcher of a run.
    source: Arc<SourceTerms>,
    target_lang: String,
    target_stemmer: Option<Stemmer>,
    paradigm: Option<&'static Paradigm>,
    analyzer: Option<Arc<dyn Analyzer>>,
    /// Per concept: its terms in the target locale (the first locale of the chain that has
    /// any).
    targets: Vec<Vec<TermForms>>,
    /// Stems of the first word of every approved target term → (concept, term), built on
    /// first use: which other concept's longer term a found term may sit in.
    first_stems: OnceLock<FxHashMap<String, Vec<(usize, usize)>>>,
}

impl std::fmt::Debug for Matcher {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Matcher")
            .field("source_lang", &self.source.lang)
            .field("target_lang", &self.target_lang)
            .field("concepts", &self.source.positions.len())
            .finish_non_exhaustive()
    }
}

/// The terms of `concept` for the first code of `codes` that has any; codes compare by
/// exact code, then by language subtag (`en-US` terms serve `en`).
pub(super) fn terms_for<'a>(
    concept: &'a Concept,
    codes: &[String],
) -> Option<(&'a str, &'a [super::Term])> {
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
        Matcher::with_source(&Arc::new(SourceTerms::new(glossary, source)), target_chain)
    }

    /// [`Matcher::new`] with the English side already prepared (every locale of a run can
    /// share one).
    pub fn with_source(source: &Arc<SourceTerms>, target_chain: &[String]) -> Matcher {
        let target_lang = language(target_chain.first().map_or("", String::as_str));
        let mut matcher = Matcher {
            source: Arc::clone(source),
            analyzer: system_analyzer(&target_lang),
            paradigm: Paradigm::of(&target_lang),
            target_stemmer: stemmer(&target_lang),
            target_lang,
            targets: Vec::with_capacity(source.positions.len()),
            first_stems: OnceLock::new(),
        };
        for &position in &source.positions {
            let targets = terms_for(&source.glossary.concepts[position], target_chain)
                .map(|(_, terms)| {
                    terms
                        .iter()
                        .map(|term| matcher.prepare(&term.text, term.status, &term.variants))
                        .collect()
                })
                .unwrap_or_default();
            matcher.targets.push(targets);
        }
        matcher
    }

    fn prepare(&self, text: &str, status: TermStatus, variants: &[String]) -> TermForms {
        let words: Vec<String> = tokens(&self.target_lang, text)
            .into_iter()
            .map(|t| t.folded)
            .collect();
        let stems = words.iter().map(|w| self.stems_of(w)).collect();
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

    /// The stems of a folded word: its paradigm's, or its Snowball stem.
    fn stems_of(&self, word: &str) -> Vec<Stem> {
        match self.paradigm {
            Some(paradigm) => paradigm.stems(word),
            None => Paradigm::default().stems(&stem(self.target_stemmer.as_ref(), word)),
        }
    }

    /// The concepts used in an English `text`: leftmost-longest, not overlapping; of two
    /// concepts on the same words, the one whose term is written so.
    pub fn spot(&self, text: &str) -> Vec<Spotted> {
        self.source.spot(text)
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
        &self.source.glossary.concepts[self.source.positions[index]]
    }

    /// The concepts with source terms, by index.
    pub fn concepts(&self) -> impl Iterator<Item = &Concept> {
        self.source
            .positions
            .iter()
            .map(|&at| &self.source.glossary.concepts[at])
    }

    /// Whether the concept has any term in the target locale.
    pub fn has_target(&self, concept: usize) -> bool {
        !self.targets[concept].is_empty()
    }

    /// The first preferred or admitted term of the concept found in `translation`, not
    /// inside a longer term of another concept.
    pub fn find_allowed(&self, concept: usize, translation: &Target) -> Option<Found> {
        self.targets[concept]
            .iter()
            .filter(|term| term.status != TermStatus::Forbidden)
            .find_map(|term| {
                let run = self.find(term, translation, Mode::Lenient, Some(concept))?;
                Some(found(term, translation, run))
            })
    }

    /// Every forbidden term of the concept found in `translation`, wherever it is (also
    /// beside an approved term), except inside a longer approved term (Italian `radiologia` is
    /// forbidden for the radiologist but part of the radiographer's `tecnico sanitario di
    /// radiologia medica`).
    pub fn find_forbidden(&self, concept: usize, translation: &Target) -> Vec<Found> {
        let allowed: Vec<Found> = self.targets[concept]
            .iter()
            .filter(|term| term.status != TermStatus::Forbidden)
            .filter_map(|term| {
                let run = self.find(term, translation, Mode::Strict, None)?;
                Some(found(term, translation, run))
            })
            .collect();
        self.target_terms(concept, TermStatus::Forbidden)
            .filter_map(|term| {
                let run = self.find(term, translation, Mode::Strict, None)?;
                Some(found(term, translation, run))
            })
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
        let stems = if self.paradigm.is_none() {
            tokens
                .iter()
                .map(|t| stem(self.target_stemmer.as_ref(), &t.folded).into_owned())
                .collect()
        } else {
            Vec::new()
        };
        let hyphen_after = tokens
            .windows(2)
            .map(|pair| matches!(&text[pair[0].end..pair[1].start], "-" | "\u{2011}"))
            .chain(std::iter::once(false))
            .collect();
        Target {
            text: text.to_owned(),
            tokens,
            stems,
            hyphen_after,
            analyzer: self.analyzer.clone(),
            lemmas: std::cell::OnceCell::new(),
        }
    }

    /// The first run of words of `target` that renders `term` (one unrelated word may sit
    /// between two of its words: `consimțământul său informat`), without then with the
    /// analyser's lemmas. With `owner`, a run inside a longer term of another concept does
    /// not count.
    fn find(
        &self,
        term: &TermForms,
        target: &Target,
        mode: Mode,
        owner: Option<usize>,
    ) -> Option<Run> {
        if term.words.is_empty() {
            return None;
        }
        let accept = |run: &Run| {
            !self.modifier_of_hyphenated_compound(run, target)
                && owner.is_none_or(|owner| !self.shadowed(owner, term, run, target))
        };
        for variant in &term.variants {
            let same = |k: usize, i: usize| target.tokens[i].folded == variant[k];
            if let Some(run) = runs(target.tokens.len(), variant.len(), same).find(|r| accept(r)) {
                return Some(run);
            }
        }
        let plain = |k: usize, i: usize| self.word_matches(term, k, target, i, mode, false);
        if let Some(run) = runs(target.tokens.len(), term.words.len(), plain).find(|r| accept(r)) {
            return Some(run);
        }
        // Lemmas need the analyser.
        target.analyzer.as_ref()?;
        // A lemma shares its first letters with its inflected forms (gradation and vowel
        // harmony change the ending): without such a word, the analyser cannot help.
        let head: String = term.words[0].chars().take(2).collect();
        if !target.tokens.iter().any(|t| t.folded.contains(&head)) {
            return None;
        }
        let with_lemmas = |k: usize, i: usize| self.word_matches(term, k, target, i, mode, true);
        runs(target.tokens.len(), term.words.len(), with_lemmas).find(|r| accept(r))
    }

    /// Whether word `i` of the translation renders word `k` of `term`.
    fn word_matches(
        &self,
        term: &TermForms,
        k: usize,
        target: &Target,
        i: usize,
        mode: Mode,
        lemmas: bool,
    ) -> bool {
        let word = &target.tokens[i].folded;
        let want = &term.words[k];
        if word == want {
            return true;
        }
        let compounds = mode == Mode::Lenient && self.paradigm.is_some_and(|p| p.compounds);
        if lemmas {
            let lemma_fits = |lemma: &String| {
                lemma == want
                    || (compounds && lemma.len() > want.len() + 1 && lemma.ends_with(want.as_str()))
            };
            return target
                .lemmas()
                .get(i)
                .is_some_and(|l| l.iter().any(lemma_fits));
        }
        let inflected = if let Some(paradigm) = self.paradigm {
            paradigm.is_form(&term.stems[k], word)
                // A compound whose head is the term's word (`keuhkoetäpesäke`).
                || (compounds && is_compound_of(paradigm, &term.stems[k], want, word))
        } else {
            let wanted = &term.stems[k][0].text;
            wanted.chars().count() >= 3 && target.stems[i] == *wanted
        };
        if inflected {
            return true;
        }
        // Short inner words of a multi-word term (articles, prepositions) inflect too:
        // Greek `τον`/`τους`, Romanian `al`/`ai`.
        let inner = k > 0 && k + 1 < term.words.len();
        mode == Mode::Lenient && inner && want.chars().count() <= 3 && word.chars().count() <= 5
    }

    /// In a language that writes compounds as one word, `run` is the first part of a
    /// hyphenated compound (`kálium-klorid`, `járóbeteg-rendelés`), not followed by an
    /// inflectional ending (`stroke-ot`).
    fn modifier_of_hyphenated_compound(&self, run: &Run, target: &Target) -> bool {
        let Some(paradigm) = self.paradigm.filter(|p| p.compounds) else {
            return false;
        };
        if !target.hyphen_after[run.last] {
            return false;
        }
        let next = &target.tokens[run.last + 1].folded;
        let empty = paradigm.stems("");
        !paradigm.is_form(&empty, next)
    }
}

/// `word` is a compound whose last part is a form of the lemma `want` (stems `stems`), after
/// a first part of at least two letters.
fn is_compound_of(paradigm: &Paradigm, stems: &[Stem], want: &str, word: &str) -> bool {
    let head: String = want.chars().take(2).collect();
    word.char_indices()
        .skip(2)
        .filter(|(at, _)| word[*at..].starts_with(&head))
        .any(|(at, _)| paradigm.is_form(stems, &word[at..]))
}

fn found(term: &TermForms, target: &Target, run: Run) -> Found {
    Found {
        term: term.text.clone(),
        start: target.tokens[run.first].start,
        end: target.tokens[run.last].end,
    }
}

/// `want` (a term's word) and `word` share a prefix long enough to be one lemma inflected:
/// at least 4 characters, and at most 3 characters of `want` left over. Only for looking
/// terms up (`kurso glossary lookup`); the check itself never takes a prefix for a form.
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

/// Every run of `n` words of a text of `len` words where word `k` of the term matches text
/// word `i`, allowing one extra word between two term words.
fn runs(len: usize, n: usize, matches: impl Fn(usize, usize) -> bool) -> impl Iterator<Item = Run> {
    (0..len).filter_map(move |first| {
        if n == 0 || !matches(0, first) {
            return None;
        }
        let mut at = first;
        for k in 1..n {
            if at + 1 < len && matches(k, at + 1) {
                at += 1;
            } else if at + 2 < len && matches(k, at + 2) {
                at += 2;
            } else {
                return None;
            }
        }
        Some(Run { first, last: at })
    })
}

#[cfg(test)]
mod tests;
