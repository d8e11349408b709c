//! DeepL glossary entries as TSV: one `source<TAB>target` line per concept, UTF-8, for the
//! `entries` field of DeepL's glossary API (`entries_format: tsv`).
//!
//! The rules, from DeepL's `OpenAPI` description (`"Hello\tGuten Tag"`; a key that "duplicates
//! key with the index 0" is a 400), its glossary documentation (each side at most 1024 UTF-8
//! bytes) and the validation in DeepL's own client libraries:
//!
//! 1. **Preferred terms only.** The source side is the concept's first preferred source term,
//!    the target side its first preferred target term; admitted and forbidden terms are never
//!    written (DeepL would *use* a forbidden one).
//! 2. **Do-not-translate** concepts map the source term to itself.
//! 3. **No tabs, line breaks or control characters inside an entry**: each run of whitespace,
//!    C0/C1 control characters and U+2028/U+2029 becomes one space.
//! 4. **Trimmed**: leading and trailing whitespace is removed.
//! 5. **No empty side**: an entry whose source or target is empty after 3–4 is left out.
//! 6. **No duplicate source**: the first concept with a source term wins; later ones are left out.
//! 7. **At most 1024 UTF-8 bytes per side**: longer entries are left out.
//!
//! Entries follow the glossary's concept order; every line ends with `\n`.

use std::collections::HashSet;

use super::model::{Glossary, TermStatus};

/// The longest term DeepL accepts, in UTF-8 bytes.
pub const MAX_TERM_BYTES: usize = 1024;

/// The DeepL TSV entries for translating `source_lang` into `target_lang` (codes as the
/// glossary writes them).
pub fn render(glossary: &Glossary, source_lang: &str, target_lang: &str) -> String {
    let mut seen: HashSet<String> = HashSet::new();
    let mut out = String::new();
    for concept in &glossary.concepts {
        let preferred = |lang: &str| {
            concept
                .terms_with(lang, TermStatus::Preferred)
                .next()
                .map(|term| clean(&term.text))
        };
        let Some(source) = preferred(source_lang) else {
            continue;
        };
        let target = if concept.do_not_translate {
            Some(source.clone())
        } else {
            preferred(target_lang)
        };
        let Some(target) = target else { continue };
        let fits = |side: &str| !side.is_empty() && side.len() <= MAX_TERM_BYTES;
        if fits(&source) && fits(&target) && seen.insert(source.clone()) {
            out.push_str(&source);
            out.push('\t');
            out.push_str(&target);
            out.push('\n');
        }
    }
    out
}

/// `text` with each run of whitespace and control characters as one space, trimmed.
fn clean(text: &str) -> String {
    let spaced: String = text
        .chars()
        .map(|ch| {
            if ch.is_whitespace() || ch.is_control() {
                ' '
            } else {
                ch
            }
        })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::glossary::model::{Concept, Term};

    fn concept(id: &str, terms: &[(&str, &str, TermStatus)]) -> Concept {
        let mut concept = Concept {
            id: id.to_owned(),
            ..Concept::default()
        };
        for (lang, text, status) in terms {
            concept
                .terms
                .entry((*lang).to_owned())
                .or_default()
                .push(Term::new(*text, *status));
        }
        concept
    }

    #[track_caller]
    fn check(concepts: Vec<Concept>, expected: &str) {
        let glossary = Glossary { concepts };
        assert_eq!(render(&glossary, "en", "fi"), expected);
    }

    use TermStatus::{Admitted, Forbidden, Preferred};

    #[test]
    fn one_line_per_concept_with_the_preferred_terms() {
        check(
            vec![
                concept(
                    "fever",
                    &[
                        ("en", "fever", Preferred),
                        ("en", "pyrexia", Admitted),
                        ("fi", "lämpö", Forbidden),
                        ("fi", "kuume", Preferred),
                        ("el", "πυρετός", Preferred),
                    ],
                ),
                concept(
                    "cough",
                    &[("en", "cough", Preferred), ("fi", "yskä", Preferred)],
                ),
            ],
            "fever\tkuume\ncough\tyskä\n",
        );
    }

    #[test]
    fn admitted_and_forbidden_terms_are_never_written() {
        check(
            vec![
                concept(
                    "a",
                    &[("en", "rash", Preferred), ("fi", "ihottuma", Admitted)],
                ),
                concept("b", &[("en", "sore", Admitted), ("fi", "haava", Preferred)]),
                concept("c", &[("en", "bad", Preferred), ("fi", "huono", Forbidden)]),
            ],
            "",
        );
    }

    #[test]
    fn do_not_translate_maps_the_term_to_itself() {
        let mut fhir = concept("fhir", &[("en", "HL7 FHIR", Preferred)]);
        fhir.do_not_translate = true;
        check(vec![fhir], "HL7 FHIR\tHL7 FHIR\n");
    }

    #[test]
    fn tabs_line_breaks_and_control_characters_become_single_spaces() {
        check(
            vec![concept(
                "a",
                &[
                    ("en", "blood\tpressure", Preferred),
                    ("fi", "veren\r\n paine\u{2028}x\u{85}y\u{0}z", Preferred),
                ],
            )],
            "blood pressure\tveren paine x y z\n",
        );
    }

    #[test]
    fn sides_are_trimmed() {
        check(
            vec![concept(
                "a",
                &[
                    ("en", "  fever ", Preferred),
                    ("fi", "\tkuume\n", Preferred),
                ],
            )],
            "fever\tkuume\n",
        );
    }

    #[test]
    fn entries_with_an_empty_side_are_left_out() {
        check(
            vec![
                concept(
                    "a",
                    &[("en", " \t ", Preferred), ("fi", "tyhjä", Preferred)],
                ),
                concept(
                    "b",
                    &[("en", "empty", Preferred), ("fi", "\u{2029}", Preferred)],
                ),
                concept("c", &[("en", "only source", Preferred)]),
            ],
            "",
        );
    }

    #[test]
    fn the_first_concept_with_a_source_term_wins() {
        check(
            vec![
                concept(
                    "a",
                    &[("en", "case", Preferred), ("fi", "tapaus", Preferred)],
                ),
                concept(
                    "b",
                    &[("en", "case ", Preferred), ("fi", "kotelo", Preferred)],
                ),
                concept(
                    "c",
                    &[("en", "Case", Preferred), ("fi", "Tapaus", Preferred)],
                ),
            ],
            "case\ttapaus\nCase\tTapaus\n",
        );
    }

    #[test]
    fn sides_longer_than_1024_bytes_are_left_out() {
        let long = "ä".repeat(513);
        let fits = "a".repeat(1024);
        check(
            vec![
                concept("a", &[("en", "long", Preferred), ("fi", &long, Preferred)]),
                concept("b", &[("en", &fits, Preferred), ("fi", "ok", Preferred)]),
            ],
            &format!("{fits}\tok\n"),
        );
    }
}
