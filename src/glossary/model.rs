//! The terminology model: concepts, their terms per language, status and provenance.
//!
//! One model for every format: TBX (ISO 30042: TBX-Basic/Core, and the older martif form),
//! kurso's CSV, and importers (TICO-19). Languages are BCP 47 codes as written in the source
//! (`en`, `el`, `el-CY`, `fi`).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
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
    ///
    /// Linear in the size of both glossaries: IDs are looked up in a hash map, and a term
    /// is looked for in a hash set of its slot only when a concept is merged (a term list is
    /// never scanned once per added term).
    pub fn merge(&mut self, mut other: Glossary) {
        if self.concepts.is_empty() {
            // The first file of a folder: take its concepts as they are (no copy) unless an
            // ID repeats, which the general case below handles.
            let mut ids: HashSet<&str> = HashSet::with_capacity(other.concepts.len());
            if other.concepts.iter().all(|c| ids.insert(c.id.as_str())) {
                std::mem::swap(&mut self.concepts, &mut other.concepts);
                return;
            }
        }
        // Where each of `other`'s concepts goes: the first concept in `self` with its ID, or
        // the first one of `other` with its ID, appended in order.
        let (targets, n_new) = {
            let mut by_id: HashMap<&str, usize> =
                HashMap::with_capacity(self.concepts.len() + other.concepts.len());
            for (at, concept) in self.concepts.iter().enumerate() {
                by_id.entry(concept.id.as_str()).or_insert(at);
            }
            let mut next = self.concepts.len();
            let targets: Vec<usize> = other
                .concepts
                .iter()
                .map(|concept| {
                    *by_id.entry(concept.id.as_str()).or_insert_with(|| {
                        next += 1;
                        next - 1
                    })
                })
                .collect();
            (targets, next - self.concepts.len())
        };
        self.concepts.reserve(n_new);
        // Texts of the term slots merged into so far, by (concept, language).
        let mut texts: HashMap<(usize, String), HashSet<String>> = HashMap::new();
        for (concept, at) in other.concepts.into_iter().zip(targets) {
            if at == self.concepts.len() {
                self.concepts.push(concept);
                continue;
            }
            let existing = &mut self.concepts[at];
            for (lang, terms) in concept.terms {
                let slot = existing.terms.entry(lang.clone()).or_default();
                let known = texts
                    .entry((at, lang))
                    .or_insert_with(|| slot.iter().map(|t| t.text.clone()).collect());
                for term in terms {
                    if known.insert(term.text.clone()) {
                        slot.push(term);
                    }
                }
            }
        }
    }

    /// Every language code that has at least one term, sorted.
    pub fn languages(&self) -> Vec<String> {
        let mut langs: BTreeSet<&String> = BTreeSet::new();
        for concept in &self.concepts {
            for lang in concept.terms.keys() {
                // Few languages, many concepts: look each up rather than collect and sort.
                langs.insert(lang);
            }
        }
        langs.into_iter().cloned().collect()
    }
}
