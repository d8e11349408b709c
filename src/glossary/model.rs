//! The terminology model: concepts, their terms per language, status and provenance.
//!
//! One model for every format: TBX (ISO 30042: TBX-Basic/Core, and the older martif form),
//! kurso's CSV, and importers (TICO-19). Languages are BCP 47 codes as written in the source
//! (`en`, `el`, `el-CY`, `fi`).

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;

use serde::Serialize;

/// How a term may be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum TermStatus {
    /// The term to use.
    Preferred,
    /// Acceptable, but not the first choice.
    Admitted,
    /// Must not be used (deprecated, superseded or forbidden).
    Forbidden,
}

impl TermStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            TermStatus::Preferred => "preferred",
            TermStatus::Admitted => "admitted",
            TermStatus::Forbidden => "forbidden",
        }
    }
}

impl fmt::Display for TermStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One term of a concept in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Term {
    pub text: String,
    pub status: TermStatus,
    /// Extra surface forms that count as this term (irregular inflections, spelling
    /// variants), beyond what the matcher derives.
    pub variants: Vec<String>,
}

impl Term {
    pub fn new(text: impl Into<String>, status: TermStatus) -> Term {
        Term {
            text: text.into(),
            status,
            variants: Vec::new(),
        }
    }
}

/// Where a concept comes from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Provenance {
    /// The body whose terminology it follows: `IATE`, `WHO`, `EMA`, `project`…
    pub authority: Option<String>,
    /// The authority's identifier for the concept, when known.
    pub authority_id: Option<String>,
    pub reviewer: Option<String>,
    /// YYYY-MM-DD.
    pub date: Option<String>,
}

/// Where a concept was read, for messages.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Origin {
    pub path: PathBuf,
    /// 1-based line of the concept in the file.
    pub line: usize,
}

/// One concept and its terms in every language.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Concept {
    pub id: String,
    pub domain: Option<String>,
    pub part_of_speech: Option<String>,
    pub definition: Option<String>,
    pub note: Option<String>,
    /// Do not translate: the source term must appear unchanged in every translation.
    pub do_not_translate: bool,
    /// Match case exactly (acronyms, product names).
    pub case_sensitive: bool,
    /// The level of `glossary` findings about this concept (default: the rule's).
    pub severity: Option<crate::check::finding::Level>,
    /// Terms by language code, in file order (preferred first where the file says so).
    pub terms: BTreeMap<String, Vec<Term>>,
    pub provenance: Provenance,
    pub origin: Origin,
}

impl Concept {
    /// Terms of `lang` with `status`.
    pub fn terms_with<'a>(
        &'a self,
        lang: &str,
        status: TermStatus,
    ) -> impl Iterator<Item = &'a Term> + 'a {
        self.terms
            .get(lang)
            .into_iter()
            .flatten()
            .filter(move |term| term.status == status)
    }

    /// The preferred term of `lang` (the first preferred, else the first admitted).
    pub fn preferred(&self, lang: &str) -> Option<&Term> {
        self.terms_with(lang, TermStatus::Preferred)
            .next()
            .or_else(|| self.terms_with(lang, TermStatus::Admitted).next())
    }

    /// Terms a translation may use: preferred and admitted.
    pub fn allowed<'a>(&'a self, lang: &str) -> impl Iterator<Item = &'a Term> + 'a {
        self.terms
            .get(lang)
            .into_iter()
            .flatten()
            .filter(|term| term.status != TermStatus::Forbidden)
    }
}

/// A set of concepts, from one or more files.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Glossary {
    pub concepts: Vec<Concept>,
}

impl Glossary {
    pub fn get(&self, id: &str) -> Option<&Concept> {
        self.concepts.iter().find(|concept| concept.id == id)
    }

    /// Adds `other`'s concepts; a concept ID seen before is merged term by term (later
    /// files add languages and terms, never remove).
    pub fn merge(&mut self, other: Glossary) {
        for concept in other.concepts {
            match self.concepts.iter_mut().find(|c| c.id == concept.id) {
                Some(existing) => {
                    for (lang, terms) in concept.terms {
                        let slot = existing.terms.entry(lang).or_default();
                        for term in terms {
                            if !slot.iter().any(|t| t.text == term.text) {
                                slot.push(term);
                            }
                        }
                    }
                }
                None => self.concepts.push(concept),
            }
        }
    }

    /// Every language code that has at least one term, sorted.
    pub fn languages(&self) -> Vec<String> {
        let mut langs: Vec<String> = self
            .concepts
            .iter()
            .flat_map(|c| c.terms.keys().cloned())
            .collect();
        langs.sort();
        langs.dedup();
        langs
    }
}
