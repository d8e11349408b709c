//! DeepL v3 glossaries: one per language pair and glossary version, named `kurso-<version>`.
//!
//! The name is the content hash, so a glossary made in an earlier run is found by listing and
//! reused; one made in this run is remembered. The cache is locked across the look-up and the
//! creation, so concurrent batches of one pair create it once. A pair DeepL will not take a
//! glossary for is remembered too, and its batches are translated without one (the glossary
//! rule still checks every draft).

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use reqwest::Method;
use sha2::{Digest as _, Sha256};
use tokio::sync::Mutex;

use super::wire::{CreateGlossary, Dictionary, GlossaryInfo, GlossaryList};
use super::{DeepL, Endpoint, languages, parse};
use crate::glossary::deepl_tsv::MAX_TERM_BYTES;
use crate::mt::{PairGlossary, ProviderError, TermPair};

/// Source and target glossary codes (`en`, `el`).
type Pair = (&'static str, &'static str);

/// Glossary ids by pair and version, and pairs without glossaries, for this run.
#[derive(Debug, Default)]
pub(super) struct Glossaries {
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    ids: HashMap<(Pair, String), String>,
    unsupported: HashSet<Pair>,
}

impl Glossaries {
    /// The id of the DeepL glossary holding `glossary` for the pair of these locales, made
    /// if need be; `None` when the batch goes without one.
    pub(super) async fn ensure(
        &self,
        deepl: &DeepL,
        source_locale: &str,
        target_locale: &str,
        glossary: &PairGlossary,
    ) -> Result<Option<String>, ProviderError> {
        let (Some(source), Some(target)) = (
            languages::glossary_code(source_locale),
            languages::glossary_code(target_locale),
        ) else {
            return Ok(None);
        };
        let entries = tsv(&glossary.terms);
        if entries.is_empty() {
            return Ok(None);
        }
        let pair = (source, target);
        let key = (pair, glossary.version.clone());
        let mut state = self.state.lock().await;
        if state.unsupported.contains(&pair) {
            return Ok(None);
        }
        if let Some(id) = state.ids.get(&key) {
            return Ok(Some(id.clone()));
        }
        let name = format!("kurso-{}", version(glossary, &entries));
        let id = match find(deepl, &name, pair).await? {
            Some(id) => id,
            None => match create(deepl, &name, pair, &entries).await {
                Ok(id) => id,
                // DeepL refuses the pair (or these entries): translate without, and do not ask
                // again this run.
                Err(ProviderError::Client { status: 400, .. }) => {
                    state.unsupported.insert(pair);
                    return Ok(None);
                }
                Err(err) => return Err(err),
            },
        };
        state.ids.insert(key, id.clone());
        Ok(Some(id))
    }
}

/// An existing glossary with this name and a dictionary for the pair.
async fn find(
    deepl: &DeepL,
    name: &str,
    (source, target): Pair,
) -> Result<Option<String>, ProviderError> {
    let body = deepl
        .call(Method::GET, "/v3/glossaries", None, Endpoint::Glossary)
        .await?;
    let list: GlossaryList = parse(&body, "glossary list")?;
    Ok(list
        .glossaries
        .into_iter()
        .find(|glossary| glossary.name == name && glossary.has_pair(source, target))
        .map(|glossary| glossary.glossary_id))
}

async fn create(
    deepl: &DeepL,
    name: &str,
    (source, target): Pair,
    entries: &str,
) -> Result<String, ProviderError> {
    let request = CreateGlossary {
        name,
        dictionaries: [Dictionary {
            source_lang: source,
            target_lang: target,
            entries,
            entries_format: "tsv",
        }],
    };
    let body = serde_json::to_vec(&request).expect("a glossary request always serializes");
    let answer = deepl
        .call(
            Method::POST,
            "/v3/glossaries",
            Some(body),
            Endpoint::Glossary,
        )
        .await?;
    let created: GlossaryInfo = parse(&answer, "created glossary")?;
    Ok(created.glossary_id)
}

/// The glossary's version, or (should a caller leave it empty) a hash of what is sent, so
/// the name always tells contents apart.
fn version(glossary: &PairGlossary, entries: &str) -> String {
    if glossary.version.is_empty() {
        Sha256::digest(entries.as_bytes()).iter().fold(
            String::with_capacity(64),
            |mut hex, byte| {
                let _ = write!(hex, "{byte:02x}");
                hex
            },
        )
    } else {
        glossary.version.clone()
    }
}

/// Entries as DeepL's TSV (`source\ttarget` lines), by the rules of
/// `crate::glossary::deepl_tsv`: whitespace and control characters inside a term become one
/// space, a side that is empty or longer than 1024 bytes drops the entry, and the first
/// target for a source wins (DeepL refuses duplicate sources).
fn tsv(terms: &[TermPair]) -> String {
    let mut seen = HashSet::new();
    let mut entries = String::new();
    for term in terms {
        let (source, target) = (clean(&term.source), clean(&term.target));
        let fits = |side: &str| !side.is_empty() && side.len() <= MAX_TERM_BYTES;
        if fits(&source) && fits(&target) && seen.insert(source.clone()) {
            if !entries.is_empty() {
                entries.push('\n');
            }
            entries.push_str(&source);
            entries.push('\t');
            entries.push_str(&target);
        }
    }
    entries
}

/// `text` with each run of whitespace and control characters as one space, trimmed.
fn clean(text: &str) -> String {
    text.split(|ch: char| ch.is_whitespace() || ch.is_control())
        .filter(|word| !word.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pair(source: &str, target: &str) -> TermPair {
        TermPair {
            source: source.to_owned(),
            target: target.to_owned(),
        }
    }

    #[test]
    fn tsv_keeps_one_target_per_source_and_drops_what_it_cannot_carry() {
        let terms = [
            pair("heart", "καρδιά"),
            pair("heart", "κάρδια"),
            pair("tab\there", "x"),
            pair(" dose ", " δόση "),
            pair("", "κενό"),
            pair(&"a".repeat(1025), "long"),
        ];
        assert_eq!(tsv(&terms), "heart\tκαρδιά\ntab here\tx\ndose\tδόση");
    }

    #[test]
    fn an_unversioned_glossary_is_named_by_its_entries() {
        let unversioned = PairGlossary {
            terms: vec![pair("dose", "δόση")],
            version: String::new(),
        };
        assert_eq!(version(&unversioned, "dose\tδόση").len(), 64);
        assert_ne!(
            version(&unversioned, "dose\tδόση"),
            version(&unversioned, "dose\tδόσεις")
        );
    }
}
