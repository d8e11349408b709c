//! Loading a folder of glossaries: what merging several files (CSV, TICO-19, TBX) gives,
//! concept by concept and diagnostic by diagnostic, and that the hash-indexed merge behaves
//! exactly as the plain scan it replaced.

use std::fmt::Write as _;
use std::path::Path;

use proptest::prelude::*;

use super::*;

/// Every concept (ID, where it was read, the fields merging could touch, terms per language
/// with their status), then every diagnostic, one per line.
fn describe(glossary: &Glossary, diagnostics: &[Diagnostic]) -> String {
    let mut out = String::new();
    for concept in &glossary.concepts {
        let _ = writeln!(
            out,
            "{} {}:{} definition={:?} dnt={}",
            concept.id,
            concept.origin.path.display(),
            concept.origin.line,
            concept.definition.as_deref().unwrap_or("-"),
            concept.do_not_translate,
        );
        for (lang, terms) in &concept.terms {
            let terms: Vec<String> = terms
                .iter()
                .map(|t| format!("{} ({})", t.text, t.status))
                .collect();
            let _ = writeln!(out, "  {lang}: {}", terms.join(", "));
        }
    }
    for diagnostic in diagnostics {
        let _ = writeln!(out, "{}: {}", diagnostic.location(), diagnostic.message);
    }
    out
}

/// `tests/fixtures/glossary-merge`, read in file order a.csv, b.csv (TICO-19), c.tbx, d.csv.
/// The expected result follows from the rules of `Glossary::merge` and the readers:
/// - a.csv gives consent, fever, pain; its second `consent` row and the row without an ID are
///   errors and are skipped.
/// - b.csv is TICO-19: `fever` and `Fever` both slug to `fever`, so the Greek terms and the
///   second English spelling (admitted) join a.csv's `fever`; the row with an empty source
///   term is an error.
/// - c.tbx: `pain` brings `kipu` as forbidden, but a term already there is never added again,
///   so `kipu` stays preferred; `särky` is new (admitted); the TBX definition is dropped,
///   because merging adds terms only (a.csv's `pain` has no definition and keeps none).
///   `nausea` is new and goes last; its second entry is an error. `consent` adds Greek;
///   its Finnish terms are all known, so `informoitu suostumus` stays forbidden and
///   `suostumus` preferred, whatever c.tbx says.
/// - d.csv: `fever` gains `lämpö` with the status its own cell gives it (the first term of
///   a cell: preferred), `kuume` is known; its `dnt` and definition are dropped. `zzz-new`
///   is new and goes last.
#[test]
fn merging_a_folder_keeps_the_first_concept_and_adds_only_new_terms() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/glossary-merge");
    let (glossary, diagnostics) = load_dir(&dir, Path::new("g"));
    let expected = "\
consent g/a.csv:2 definition=\"Agreement after information.\" dnt=false
  el: συναίνεση (preferred)
  en: informed consent (preferred), consent (admitted)
  fi: suostumus (preferred), tietoon perustuva suostumus (admitted), informoitu suostumus (forbidden)
fever g/a.csv:3 definition=\"-\" dnt=false
  el: πυρετός (preferred), θέρμη (admitted)
  en: fever (preferred), Fever (admitted)
  fi: kuume (preferred), lämpö (preferred)
pain g/a.csv:6 definition=\"-\" dnt=false
  en: pain (preferred)
  fi: kipu (preferred), särky (admitted)
nausea g/c.tbx:11 definition=\"-\" dnt=false
  en: nausea (preferred)
  fi: pahoinvointi (preferred)
zzz-new g/d.csv:3 definition=\"-\" dnt=false
  fi: uusi (preferred)
g/a.csv:4:1: concept `consent` is defined twice
g/a.csv:5:1: this row has no `id`
g/b.csv:4:1: this row has an empty source or target term
g/c.tbx:15:5: concept `nausea` is defined twice
";
    assert_eq!(describe(&glossary, &diagnostics), expected);
}

/// The merge before it was indexed: a scan of every concept for each added one, and of a
/// language's terms for each added term. The reference the indexed merge must equal.
fn merge_by_scanning(into: &mut Glossary, other: Glossary) {
    for concept in other.concepts {
        match into.concepts.iter_mut().find(|c| c.id == concept.id) {
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
            None => into.concepts.push(concept),
        }
    }
}

/// Small glossaries with few IDs, languages and texts, so that IDs repeat (also inside one
/// glossary, which the readers never produce but `merge` accepts) and terms collide.
fn glossary() -> impl Strategy<Value = Glossary> {
    let term = (
        prop::sample::select(vec!["a", "b", "c", "d"]),
        prop::sample::select(vec![
            TermStatus::Preferred,
            TermStatus::Admitted,
            TermStatus::Forbidden,
        ]),
    )
        .prop_map(|(text, status)| Term::new(text, status));
    let terms = prop::collection::btree_map(
        prop::sample::select(vec!["en", "fi", "el"]).prop_map(str::to_owned),
        prop::collection::vec(term, 0..4),
        0..3,
    );
    let concept = (0..5_usize, terms, 0..100_usize).prop_map(|(id, terms, line)| Concept {
        id: format!("c{id}"),
        terms,
        origin: Origin {
            path: "g.csv".into(),
            line,
        },
        ..Concept::default()
    });
    prop::collection::vec(concept, 0..8).prop_map(|concepts| Glossary { concepts })
}

proptest! {
    #[test]
    fn merge_equals_the_scanning_merge(
        first in glossary(),
        others in prop::collection::vec(glossary(), 0..4),
    ) {
        let mut merged = first.clone();
        let mut expected = first;
        for other in others {
            merged.merge(other.clone());
            merge_by_scanning(&mut expected, other);
        }
        prop_assert_eq!(merged, expected);
    }
}
