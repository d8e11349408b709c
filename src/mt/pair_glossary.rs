//! The project glossary cut down to one language pair for a provider: preferred English
//! term → preferred target term (along the locale's fallback chain), with a content hash
//! naming its version (cache keys; DeepL glossaries are reused by it); and the
//! do-not-translate terms, which are masked instead of sent as pairs.

use sha2::{Digest as _, Sha256};

use super::provider::{PairGlossary, TermPair};
use crate::glossary::{Glossary, TermStatus};

/// The glossary of a language pair for providers (preferred source term → preferred target
/// term; not for do-not-translate concepts), with its version hash; and the do-not-translate
/// terms to mask.
pub(crate) fn pair_glossary(
    glossary: &Glossary,
    source: &str,
    chain: &[String],
) -> (PairGlossary, Vec<String>) {
    let mut terms = Vec::new();
    let mut keep = Vec::new();
    let lang = |code: &str| crate::glossary::normalize::language(code);
    for concept in &glossary.concepts {
        let english = concept
            .terms
            .iter()
            .find(|(l, _)| lang(l) == lang(source))
            .and_then(|(_, t)| t.iter().find(|t| t.status != TermStatus::Forbidden));
        let Some(english) = english else { continue };
        if concept.do_not_translate {
            keep.push(english.text.clone());
            continue;
        }
        let target = chain.iter().find_map(|code| {
            concept
                .terms
                .get(code)
                .or_else(|| {
                    concept
                        .terms
                        .iter()
                        .find(|(l, _)| lang(l) == lang(code))
                        .map(|(_, t)| t)
                })
                .and_then(|t| t.iter().find(|t| t.status == TermStatus::Preferred))
        });
        if let Some(target) = target {
            terms.push(TermPair {
                source: english.text.clone(),
                target: target.text.clone(),
            });
        }
    }
    terms.sort_by(|a, b| (&a.source, &a.target).cmp(&(&b.source, &b.target)));
    terms.dedup();
    let version = if terms.is_empty() {
        String::new()
    } else {
        let mut hasher = Sha256::new();
        for term in &terms {
            hasher.update(term.source.as_bytes());
            hasher.update([b'\t']);
            hasher.update(term.target.as_bytes());
            hasher.update([b'\n']);
        }
        format!("{:x}", hasher.finalize())[..16].to_owned()
    };
    keep.sort_by_key(|t| std::cmp::Reverse(t.len()));
    (PairGlossary { terms, version }, keep)
}
