//! Which glossary concepts the courses use, and which frequent English terms the glossary
//! does not cover yet (candidates for new concepts).

use std::collections::{BTreeMap, HashMap};

use super::matcher::Matcher;
use super::normalize::tokens;

/// Words too common to be terms on their own (English).
const STOPWORDS: &[&str] = &[
    "a", "about", "above", "after", "again", "all", "also", "am", "an", "and", "any", "are", "as",
    "at", "be", "because", "been", "before", "being", "below", "between", "both", "but", "by",
    "can", "could", "did", "do", "does", "doing", "down", "during", "each", "either", "every",
    "few", "for", "from", "further", "had", "has", "have", "having", "he", "her", "here", "hers",
    "him", "his", "how", "i", "if", "in", "into", "is", "it", "its", "itself", "just", "may", "me",
    "might", "more", "most", "must", "my", "no", "nor", "not", "now", "of", "off", "on", "once",
    "one", "only", "or", "other", "our", "out", "over", "own", "same", "she", "should", "so",
    "some", "such", "than", "that", "the", "their", "them", "then", "there", "these", "they",
    "this", "those", "through", "to", "too", "two", "under", "until", "up", "use", "used", "using",
    "very", "was", "we", "were", "what", "when", "where", "which", "while", "who", "whom", "why",
    "will", "with", "within", "without", "would", "you", "your", "yes", "see", "e.g", "g", "e",
    "per", "via", "new", "first", "next", "three", "four", "five",
];

/// How often a concept is used.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ConceptUse {
    pub id: String,
    /// The English term as the glossary writes it.
    pub term: String,
    /// Messages that use it.
    pub messages: usize,
}

/// A frequent English word or two-word phrase no concept covers.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Candidate {
    pub phrase: String,
    pub count: usize,
}

#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Coverage {
    /// Concepts used, most used first.
    pub used: Vec<ConceptUse>,
    /// Concepts no message uses.
    pub unused: Vec<String>,
    /// Uncovered phrases seen at least `min_count` times, most frequent first.
    pub candidates: Vec<Candidate>,
    pub messages: usize,
}

/// Coverage of `texts` (English messages) by the glossary in `matcher`.
pub fn coverage<'a>(
    matcher: &Matcher,
    texts: impl Iterator<Item = &'a str>,
    min_count: usize,
) -> Coverage {
    let mut used: HashMap<usize, usize> = HashMap::new();
    let mut phrases: HashMap<String, usize> = HashMap::new();
    let mut messages = 0;
    for text in texts {
        messages += 1;
        let spotted = matcher.spot(text);
        for concept in spotted
            .iter()
            .map(|s| s.concept)
            .collect::<std::collections::BTreeSet<_>>()
        {
            *used.entry(concept).or_default() += 1;
        }
        let words = tokens("en", text);
        let covered =
            |start: usize, end: usize| spotted.iter().any(|s| start < s.end && s.start < end);
        let is_term_word = |w: &super::normalize::Token| {
            w.folded.chars().count() >= 3
                && w.folded.chars().all(char::is_alphabetic)
                && !STOPWORDS.contains(&w.folded.as_str())
        };
        for (i, word) in words.iter().enumerate() {
            if !is_term_word(word) || covered(word.start, word.end) {
                continue;
            }
            *phrases.entry(word.folded.clone()).or_default() += 1;
            if let Some(next) = words.get(i + 1)
                && is_term_word(next)
                && !covered(next.start, next.end)
                && text[word.end..next.start].trim().is_empty()
            {
                *phrases
                    .entry(format!("{} {}", word.folded, next.folded))
                    .or_default() += 1;
            }
        }
    }
    let mut used_list: Vec<ConceptUse> = used
        .into_iter()
        .map(|(index, count)| {
            let concept = matcher.concept(index);
            ConceptUse {
                id: concept.id.clone(),
                term: source_term(concept),
                messages: count,
            }
        })
        .collect();
    used_list.sort_by(|a, b| b.messages.cmp(&a.messages).then_with(|| a.id.cmp(&b.id)));
    let used_ids: std::collections::HashSet<&str> =
        used_list.iter().map(|u| u.id.as_str()).collect();
    let mut unused: Vec<String> = matcher
        .concepts()
        .filter(|c| !used_ids.contains(c.id.as_str()))
        .map(|c| c.id.clone())
        .collect();
    unused.sort();
    let sorted: BTreeMap<String, usize> = phrases
        .into_iter()
        .filter(|(_, n)| *n >= min_count)
        .collect();
    let mut candidates: Vec<Candidate> = sorted
        .into_iter()
        .map(|(phrase, count)| Candidate { phrase, count })
        .collect();
    candidates.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.phrase.cmp(&b.phrase)));
    Coverage {
        used: used_list,
        unused,
        candidates,
        messages,
    }
}

fn source_term(concept: &super::Concept) -> String {
    concept
        .terms
        .iter()
        .find(|(lang, _)| super::normalize::language(lang) == "en")
        .and_then(|(_, terms)| terms.first())
        .map(|t| t.text.clone())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::glossary::csv;

    #[test]
    fn counts_used_concepts_and_frequent_uncovered_phrases() {
        let (glossary, _) = csv::parse(
            Path::new("g.csv"),
            "id,en,fi\npatient,patient,potilas\nconsent,informed consent,suostumus\n",
        );
        let matcher = Matcher::new(&std::sync::Arc::new(glossary), "en", &["fi".to_owned()]);
        let texts = [
            "Call the patient about febrile neutropenia.",
            "Febrile neutropenia is an emergency for every patient.",
            "Treat febrile neutropenia within one hour.",
        ];
        let cov = coverage(&matcher, texts.iter().copied(), 3);
        assert_eq!(
            cov.used,
            [ConceptUse {
                id: "patient".into(),
                term: "patient".into(),
                messages: 2
            }]
        );
        assert_eq!(cov.unused, ["consent"]);
        let phrases: Vec<_> = cov
            .candidates
            .iter()
            .map(|c| (c.phrase.as_str(), c.count))
            .collect();
        assert_eq!(
            phrases,
            [
                ("febrile", 3),
                ("febrile neutropenia", 3),
                ("neutropenia", 3)
            ]
        );
    }
}
