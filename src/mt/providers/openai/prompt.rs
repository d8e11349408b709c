//! The instructions the chat model receives: one system prompt for translating a batch, one
//! for writing plural variants, and the JSON keys a batch is sent under.
//!
//! Invariants: every prompt names JSON (JSON mode requires the word in the messages) and asks
//! for the same keys it sends; keys are unique even when a batch repeats a message ID.

use std::collections::HashSet;
use std::fmt::Write as _;

use crate::mt::provider::{Batch, TermPair};

/// The system prompt for translating `batch`.
pub fn system_prompt(batch: &Batch) -> String {
    let source = &batch.source_lang;
    let target = &batch.target_lang;
    let mut prompt = format!(
        "You translate the text of a medical training course from {source} to {target} \
         (BCP 47 codes) for health professionals. Translate accurately, in the terminology \
         health professionals use in {target}.\n\
         - Keep every XML placeholder exactly as written, in a fitting place: empty ones like \
         <x id=\"1\"/> and paired ones like <g id=\"2\">…</g> (translate the text inside a \
         pair, keep the tags). Never add, drop, renumber or change a placeholder.\n\
         - Keep numbers, doses and units of measurement exactly; only the decimal separator \
         may follow {target} conventions.\n"
    );
    let terms = relevant_terms(&batch.glossary.terms, &batch.texts);
    if !terms.is_empty() {
        prompt.push_str("- Use these glossary translations (source → target):\n");
        for term in terms {
            let _ = writeln!(prompt, "  - {} → {}", term.source, term.target);
        }
    }
    if !batch.plural_categories.is_empty() {
        let _ = writeln!(
            prompt,
            "- The CLDR plural categories of {target} are: {}.",
            batch.plural_categories.join(", ")
        );
    }
    if let Some(register) = batch.formality.as_deref().and_then(register) {
        let _ = writeln!(prompt, "- {register}");
    }
    prompt.push_str(
        "The user sends a JSON object mapping IDs to texts. Answer ONLY with a JSON object \
         that maps each of those IDs, and no other, to its translation as a string.",
    );
    prompt
}

/// The system prompt for writing the plural variants of one message in `target`.
pub fn plural_prompt(target: &str, categories: &[&str]) -> String {
    let categories = categories.join(", ");
    format!(
        "You write plural variants of one message of a medical training course for health \
         professionals, in {target} (BCP 47 code). The user sends a JSON object mapping \
         English CLDR plural categories to the English variants. Write one {target} variant \
         for each CLDR plural category of {target}: {categories}. Each variant must read \
         correctly for the numbers of its category.\n\
         - Keep every XML placeholder exactly as written: empty ones like <x id=\"1\"/> and \
         paired ones like <g id=\"2\">…</g>.\n\
         - Keep numbers, doses and units of measurement exactly; only the decimal separator \
         may follow {target} conventions.\n\
         Answer ONLY with a JSON object that maps each of these categories, and no other, to \
         its variant as a string: {categories}."
    )
}

/// The JSON keys of a batch's texts: the message IDs, made unique (a repeated ID gets
/// `#2`, `#3`…), and the text's position where an ID is missing.
pub fn message_keys(batch: &Batch) -> Vec<String> {
    let mut seen = HashSet::new();
    (0..batch.texts.len())
        .map(|idx| {
            let base = batch
                .ids
                .get(idx)
                .filter(|id| !id.is_empty())
                .cloned()
                .unwrap_or_else(|| (idx + 1).to_string());
            let mut key = base.clone();
            let mut n = 1;
            while !seen.insert(key.clone()) {
                n += 1;
                key = format!("{base}#{n}");
            }
            key
        })
        .collect()
}

/// Glossary terms whose source occurs in one of the texts (ignoring case): a glossary of
/// thousands of terms would cost more than the texts it helps.
fn relevant_terms<'a>(terms: &'a [TermPair], texts: &[String]) -> Vec<&'a TermPair> {
    let texts: Vec<String> = texts.iter().map(|text| text.to_lowercase()).collect();
    terms
        .iter()
        .filter(|term| {
            let source = term.source.to_lowercase();
            !source.trim().is_empty() && texts.iter().any(|text| text.contains(&source))
        })
        .collect()
}

fn register(formality: &str) -> Option<&'static str> {
    match formality {
        "more" | "prefer_more" => Some("Use the formal register (polite forms of address)."),
        "less" | "prefer_less" => Some("Use the informal register (familiar forms of address)."),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::mt::provider::PairGlossary;

    fn batch(ids: &[&str], texts: &[&str]) -> Batch {
        Batch {
            source_lang: "en".to_owned(),
            target_lang: "lt".to_owned(),
            ids: ids.iter().map(|id| (*id).to_owned()).collect(),
            texts: texts.iter().map(|text| (*text).to_owned()).collect(),
            context: None,
            glossary: Arc::new(PairGlossary {
                terms: vec![
                    TermPair {
                        source: "Dose".to_owned(),
                        target: "dozė".to_owned(),
                    },
                    TermPair {
                        source: "syringe".to_owned(),
                        target: "švirkštas".to_owned(),
                    },
                ],
                version: "v".to_owned(),
            }),
            plural_categories: vec!["one", "few", "many", "other"],
            formality: Some("more".to_owned()),
        }
    }

    #[test]
    fn prompt_names_languages_terms_in_use_categories_and_json() {
        let prompt = system_prompt(&batch(&["a"], &["Check the dose <x id=\"1\"/>"]));
        assert!(prompt.contains("from en to lt"), "{prompt}");
        assert!(prompt.contains("Dose → dozė"), "{prompt}");
        assert!(!prompt.contains("švirkštas"), "unused term sent: {prompt}");
        assert!(prompt.contains("one, few, many, other"), "{prompt}");
        assert!(prompt.contains("formal register"), "{prompt}");
        assert!(prompt.contains("JSON object"), "{prompt}");
    }

    #[test]
    fn keys_are_unique_and_never_empty() {
        let keys = message_keys(&batch(&["a", "a", ""], &["1", "2", "3"]));
        assert_eq!(keys, ["a", "a#2", "3"]);
        let keys = message_keys(&batch(&[], &["1", "2"]));
        assert_eq!(keys, ["1", "2"]);
    }

    #[test]
    fn plural_prompt_lists_the_categories() {
        let prompt = plural_prompt("lt", &["one", "few", "many", "other"]);
        assert!(prompt.contains("one, few, many, other"), "{prompt}");
        assert!(prompt.contains("JSON object"), "{prompt}");
    }
}
