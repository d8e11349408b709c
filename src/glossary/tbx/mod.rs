//! TBX termbases (ISO 30042): reads TBX-Basic and TBX-Core 2019 (`<tbx>`, DCA and DCT style)
//! and the older martif form (`<martif>`, as Pontoon exports), writes TBX-Basic 2019 (DCA).
//!
//! **Invariant:** no DTD is read and no entity is expanded. A `<!DOCTYPE>` is skipped (quick-xml
//! never fetches it); a reference other than the five XML ones (`&amp;` …) and numeric character
//! references is an error at its `file:line:col` and drops the entry it sits in, so a
//! billion-laughs or external-entity file yields diagnostics, not expansions.
//!
//! What the TBX-Basic data categories become (elements by local name; `conceptEntry`/`termEntry`,
//! `langSec`/`langSet` and `termSec`/`tig`/`ntig` are treated alike):
//!
//! | TBX | kurso |
//! |---|---|
//! | `conceptEntry@id` | `Concept::id` (required, unique per file) |
//! | `langSec@xml:lang` | language code, kept as written (`en-US` stays `en-US`; see [`rename_language`]) |
//! | `termNote administrativeStatus` | preferred/standardized → Preferred, admitted → Admitted, deprecated/superseded (and notRecommended/obsolete/forbidden) → Forbidden; none → Preferred |
//! | `termNote partOfSpeech` | `part_of_speech` (the first one in the entry) |
//! | `termNote termType` | `variant` → a variant of the term before it; `acronym`/`abbreviation` → `case_sensitive` |
//! | `descrip subjectField` | `domain` |
//! | `descrip definition` | `definition`: the concept-level one, else the first langSec one |
//! | `note`, `descrip context` | `note`, one line each, in file order |
//! | `admin source` (concept or langSec level) | `provenance.authority`; a term's context source is not an authority |
//! | `xref externalCrossReference@target` (concept level) | `provenance.authority_id` |
//! | concept-level `transacGrp`: `transacNote responsibility`, `date` | `provenance.reviewer`, `provenance.date` (the last group wins) |
//! | `descrip "Translation needed"` = No, `termNote translationNote` = no (Weblate's forms; TBX-Basic has no such category) | `do_not_translate` |
//!
//! The categories, their levels and picklists are those of the TBX-Basic dialect 1.2
//! (LTAC-Global's `TBX-Basic_DCA.sch`); the do-not-translate forms are Weblate's. DCT-style
//! elements (`<min:partOfSpeech>`, `<basic:definition>`) map like their DCA forms.
//!
//! [`render`] writes the same categories back: Forbidden as `deprecatedTerm-admn-sts`, variants
//! as admitted `termSec`s with termType `variant`, a note line per `<note>`, the reviewer and
//! date as a `modification` transaction, and do-not-translate as Weblate's
//! `<descrip type="Translation needed">No</descrip>`, which a strict TBX-Basic validator flags.
//!
//! Left out: customerSubset, projectSubset, grammaticalGender, termLocation, xGraphic,
//! crossReference and term-level transactions. TBX has no case-sensitivity or severity
//! category, so `render` writes neither and a round trip keeps `case_sensitive` only for
//! acronyms and abbreviations.

mod entry;
mod read;
mod write;

pub use read::parse;
pub use write::render;

use super::model::Glossary;

/// Renames language `from` to `to` in every concept, merging the terms when `to` exists (for
/// Pontoon's `en-US` in a project whose source is `en`). Concepts keep the file's codes until
/// a caller asks for this.
pub fn rename_language(glossary: &mut Glossary, from: &str, to: &str) {
    for concept in &mut glossary.concepts {
        if let Some(terms) = concept.terms.remove(from) {
            let slot = concept.terms.entry(to.to_owned()).or_default();
            for term in terms {
                if !slot.iter().any(|t| t.text == term.text) {
                    slot.push(term);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
