//! The TICO-19 COVID-19 terminologies (CC0, by Facebook and Google): one language pair per
//! CSV file, read into concepts so that files for several languages merge.
//!
//! ```csv
//! id,sourceLang,targetLang,sourceString,targetString                              (Facebook)
//! 2,en,fi_FI,acute bronchitis,akuutti keuhkoputkentulehdus
//! stringID,sourceLang,targetLang,pos,description,sourceString,targetString       (Google)
//! 12,en,fi,noun,In the context of coronavirus (COVID-19): …,incubation period,itämisaika
//! ```
//!
//! - **Concept ID**: a slug of the English term (lowercase, each run of non-alphanumerics
//!   becomes `-`): `acute-bronchitis`. The same English term in the Finnish and the Greek file
//!   is the same concept, so [`Glossary::merge`] joins them. When a Google row gives a part of
//!   speech that differs from the one already read for that slug in the file, the slug gets it
//!   as a suffix (`quarantine` the noun, `quarantine-verb`).
//! - **Repeated rows** (the files repeat some terms, with other spellings or translations) add
//!   their terms to the concept as admitted; the first row's terms are preferred.
//! - **Languages**: Facebook's `el_GR` becomes `el` (the language subtag; the region only names
//!   the locale the file was made for), except Chinese, whose `zh-CN` and `zh-TW` differ in
//!   script. Google's codes (`fi`, `es-419`, `pt-BR`) are BCP 47 already and kept.
//! - **Provenance**: authority `TICO-19`, authority-id `fb:<id>` or `google:<stringID>` of the
//!   concept's first row; Google's `pos` and `description` become part of speech and definition.

use std::collections::HashMap;
use std::path::Path;

use super::SourceText;
use super::model::{Concept, Glossary, Origin, Provenance, Term, TermStatus};
use crate::diagnostic::Diagnostic;
use crate::locale::parse_locale_code;

const FACEBOOK: &[&str] = &[
    "id",
    "sourceLang",
    "targetLang",
    "sourceString",
    "targetString",
];
const GOOGLE: &[&str] = &[
    "stringID",
    "sourceLang",
    "targetLang",
    "pos",
    "description",
    "sourceString",
    "targetString",
];

/// Whether `text` starts with a TICO-19 header (Facebook or Google form).
pub fn looks_like(text: &str) -> bool {
    let header = text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap_or_default();
    let names: Vec<&str> = header.split(',').map(str::trim).collect();
    names == FACEBOOK || names == GOOGLE
}

/// Parses one TICO-19 terminology file. A bad row is reported with its line and skipped.
pub fn parse(path: &Path, text: &str) -> (Glossary, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let mut reader = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(headers) => headers.clone(),
        Err(err) => {
            let source = SourceText::new(path, text);
            return (Glossary::default(), vec![csv_error(&source, &err)]);
        }
    };
    let column = |name: &str| headers.iter().position(|h| h.trim() == name);
    let (id_column, id_prefix) = match (column("id"), column("stringID")) {
        (Some(index), _) => (index, "fb"),
        (None, Some(index)) => (index, "google"),
        (None, None) => (usize::MAX, ""),
    };
    let required = ["sourceLang", "targetLang", "sourceString", "targetString"].map(column);
    let (Some(source_lang), Some(target_lang), Some(source), Some(target)) =
        (required[0], required[1], required[2], required[3])
    else {
        let message = "not a TICO-19 terminology: the header lacks id/stringID, sourceLang, targetLang, sourceString or targetString";
        return (
            Glossary::default(),
            vec![Diagnostic::error_at(path, text, 0, message)],
        );
    };
    if id_column == usize::MAX {
        let message = "not a TICO-19 terminology: the header has neither `id` nor `stringID`";
        return (
            Glossary::default(),
            vec![Diagnostic::error_at(path, text, 0, message)],
        );
    }
    let (pos_column, description_column) = (column("pos"), column("description"));
    let file = SourceText::new(path, text);
    let mut glossary = Glossary::default();
    let mut index: HashMap<String, usize> = HashMap::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(err) => {
                diagnostics.push(csv_error(&file, &err));
                continue;
            }
        };
        let position = record
            .position()
            .cloned()
            .unwrap_or_else(csv::Position::new);
        let offset = usize::try_from(position.byte()).unwrap_or(0);
        let field =
            |index: Option<usize>| index.and_then(|i| record.get(i)).unwrap_or_default().trim();
        let facebook = id_prefix == "fb";
        let langs = [field(Some(source_lang)), field(Some(target_lang))]
            .map(|code| language(code, facebook));
        let texts = [field(Some(source)), field(Some(target))];
        let problem = if texts.iter().any(|t| t.is_empty()) {
            Some("this row has an empty source or target term".to_owned())
        } else {
            langs.iter().find_map(|lang| parse_locale_code(lang).err())
        };
        let english = if langs[1] == "en" { texts[1] } else { texts[0] };
        let slug = slug(english);
        if let Some(message) = problem.or_else(|| {
            slug.is_empty()
                .then(|| "the English term has no letters or digits".to_owned())
        }) {
            diagnostics.push(
                file.error(offset, message)
                    .with_help("fix or remove the row; the other rows are read"),
            );
            continue;
        }
        let pos = Some(field(pos_column)).filter(|p| !p.is_empty());
        let mut id = slug.clone();
        if let (Some(pos), Some(&at)) = (pos, index.get(&slug)) {
            if glossary.concepts[at]
                .part_of_speech
                .as_deref()
                .is_some_and(|known| known != pos)
            {
                id = format!("{slug}-{}", self::slug(pos));
            }
        }
        let at = *index.entry(id.clone()).or_insert_with(|| {
            glossary.concepts.push(Concept {
                id,
                provenance: Provenance {
                    authority: Some("TICO-19".to_owned()),
                    authority_id: Some(format!("{id_prefix}:{}", field(Some(id_column)))),
                    ..Provenance::default()
                },
                origin: Origin {
                    path: path.to_path_buf(),
                    line: usize::try_from(position.line()).unwrap_or(0),
                },
                ..Concept::default()
            });
            glossary.concepts.len() - 1
        });
        let concept = &mut glossary.concepts[at];
        if concept.part_of_speech.is_none() {
            concept.part_of_speech = pos.map(str::to_owned);
        }
        if concept.definition.is_none() {
            concept.definition =
                Some(field(description_column).to_owned()).filter(|d| !d.is_empty());
        }
        for (lang, term) in langs.into_iter().zip(texts) {
            let terms = concept.terms.entry(lang).or_default();
            if !terms.iter().any(|t| t.text == term) {
                let status = if terms.is_empty() {
                    TermStatus::Preferred
                } else {
                    TermStatus::Admitted
                };
                terms.push(Term::new(term, status));
            }
        }
    }
    for concept in &mut glossary.concepts {
        concept.terms.values_mut().for_each(Vec::shrink_to_fit);
    }
    (glossary, diagnostics)
}

/// A stable concept ID from an English term: `Alcohol-based hand sanitizer` →
/// `alcohol-based-hand-sanitizer`, `COVID 19` → `covid-19`.
pub fn slug(term: &str) -> String {
    let mut slug = String::with_capacity(term.len());
    for ch in term.chars().flat_map(char::to_lowercase) {
        if ch.is_alphanumeric() {
            slug.push(ch);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_owned()
}

/// A TICO-19 language code as kurso writes it: `el_GR` → `el` (Facebook), `pt-BR` kept.
fn language(code: &str, facebook: bool) -> String {
    let code = code.replace('_', "-");
    match code.split_once('-') {
        Some((lang, region)) if facebook && (lang != "zh" || region == "XX") => lang.to_owned(),
        _ => code,
    }
}

fn csv_error(source: &SourceText<'_>, err: &csv::Error) -> Diagnostic {
    let offset = err
        .position()
        .map_or(0, |p| usize::try_from(p.byte()).unwrap_or(0));
    source
        .error(offset, format!("invalid CSV: {err}"))
        .with_help(
            "a field with a comma, quote or line break is quoted, and a quote inside it is doubled",
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn read(text: &str) -> Glossary {
        let (glossary, diagnostics) = parse(Path::new("t.csv"), text);
        assert!(diagnostics.is_empty(), "{diagnostics:#?}");
        glossary
    }

    fn terms(concept: &Concept, lang: &str) -> Vec<(String, TermStatus)> {
        concept.terms[lang]
            .iter()
            .map(|t| (t.text.clone(), t.status))
            .collect()
    }

    const FACEBOOK_FI: &str = "id,sourceLang,targetLang,sourceString,targetString\n\
        2,en,fi_FI,acute bronchitis,akuutti keuhkoputkentulehdus\n\
        62,en,fi_FI,covid-19,covid-19\n\
        67,en,fi_FI,COVID 19,COVID 19\n";

    const GOOGLE_FI: &str = "stringID,sourceLang,targetLang,pos,description,sourceString,targetString\n\
        14,en,fi,noun,\"In the context of the coronavirus (COVID-19): the practice of restricting movement, as a noun.\",quarantine,karanteeni\n\
        15,en,fi,verb,To restrict movement.,quarantine,asettaa karanteeniin\n\
        504,en,fi,,,quarantine,karanteeni\n\
        48,en,fi,,,alcohol based hand sanitizer,alkoholipohjainen käsien desinfiointiaine\n\
        51,en,fi,,,alcohol-based hand sanitizer,alkoholipohjainen käsien desinfiointiaine\n";

    #[test]
    fn sniffs_both_headers_and_nothing_else() {
        assert!(looks_like(FACEBOOK_FI));
        assert!(looks_like(GOOGLE_FI));
        assert!(looks_like(
            "\u{feff}id,sourceLang,targetLang,sourceString,targetString\r\n"
        ));
        assert!(!looks_like(
            "id,en,fi\ninformed-consent,informed consent,suostumus\n"
        ));
        assert!(!looks_like("<tbx/>"));
    }

    #[test]
    fn facebook_form_reads_terms_language_and_provenance() {
        let glossary = read(FACEBOOK_FI);
        let bronchitis = glossary.get("acute-bronchitis").expect("concept");
        assert_eq!(
            terms(bronchitis, "en"),
            [("acute bronchitis".to_owned(), TermStatus::Preferred)]
        );
        assert_eq!(
            terms(bronchitis, "fi"),
            [(
                "akuutti keuhkoputkentulehdus".to_owned(),
                TermStatus::Preferred
            )]
        );
        assert_eq!(bronchitis.provenance.authority.as_deref(), Some("TICO-19"));
        assert_eq!(bronchitis.provenance.authority_id.as_deref(), Some("fb:2"));
        assert_eq!(bronchitis.origin.line, 2);
        // `COVID 19` repeats `covid-19`: one concept, the second spelling admitted.
        let covid = glossary.get("covid-19").expect("merged");
        assert_eq!(
            terms(covid, "fi"),
            [
                ("covid-19".to_owned(), TermStatus::Preferred),
                ("COVID 19".to_owned(), TermStatus::Admitted),
            ]
        );
        assert_eq!(glossary.concepts.len(), 2);
    }

    #[test]
    fn google_form_reads_pos_and_definition_and_splits_parts_of_speech() {
        let glossary = read(GOOGLE_FI);
        let ids: Vec<_> = glossary.concepts.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "quarantine",
                "quarantine-verb",
                "alcohol-based-hand-sanitizer"
            ]
        );
        let noun = &glossary.concepts[0];
        assert_eq!(noun.part_of_speech.as_deref(), Some("noun"));
        assert!(
            noun.definition
                .as_deref()
                .is_some_and(|d| d.contains("restricting movement, as a noun"))
        );
        assert_eq!(noun.provenance.authority_id.as_deref(), Some("google:14"));
        assert_eq!(
            terms(noun, "fi"),
            [("karanteeni".to_owned(), TermStatus::Preferred)]
        );
        let verb = &glossary.concepts[1];
        assert_eq!(verb.part_of_speech.as_deref(), Some("verb"));
        assert_eq!(
            terms(verb, "fi"),
            [("asettaa karanteeniin".to_owned(), TermStatus::Preferred)]
        );
        let sanitizer = &glossary.concepts[2];
        assert_eq!(sanitizer.terms["en"].len(), 2);
        assert_eq!(sanitizer.terms["fi"].len(), 1);
    }

    #[test]
    fn the_same_english_term_in_two_language_files_merges() {
        let mut glossary = read(FACEBOOK_FI);
        glossary.merge(read(
            "id,sourceLang,targetLang,sourceString,targetString\n2,en,el_GR,acute bronchitis,οξεία βρογχίτιδα\n",
        ));
        let bronchitis = glossary.get("acute-bronchitis").expect("concept");
        assert_eq!(
            bronchitis.terms.keys().collect::<Vec<_>>(),
            ["el", "en", "fi"]
        );
    }

    #[test]
    fn slugs_and_language_codes() {
        assert_eq!(
            slug("Alcohol-based  hand sanitizer!"),
            "alcohol-based-hand-sanitizer"
        );
        assert_eq!(slug("(COVID 19)"), "covid-19");
        assert_eq!(slug("Ménière's disease"), "ménière-s-disease");
        assert_eq!(slug("--"), "");
        assert_eq!(language("el_GR", true), "el");
        assert_eq!(language("es_XX", true), "es");
        assert_eq!(language("zh_TW", true), "zh-TW");
        assert_eq!(language("fi", false), "fi");
        assert_eq!(language("pt-BR", false), "pt-BR");
    }

    #[test]
    fn bad_rows_are_reported_and_skipped() {
        let text = "id,sourceLang,targetLang,sourceString,targetString\n\
            1,en,fi_FI,,tyhjä\n\
            2,en,finnish,fever,kuume\n\
            3,en,fi_FI,???,kysymys\n\
            4,en,fi_FI,cough,yskä\n";
        let (glossary, diagnostics) = parse(Path::new("t.csv"), text);
        let places: Vec<_> = diagnostics
            .iter()
            .map(|d| format!("{}: {}", d.location(), d.message))
            .collect();
        assert_eq!(
            places,
            [
                "t.csv:2:1: this row has an empty source or target term",
                "t.csv:3:1: `finnish` is not a valid locale code",
                "t.csv:4:1: the English term has no letters or digits",
            ]
        );
        assert_eq!(glossary.concepts.len(), 1);
    }

    #[test]
    fn a_header_without_the_term_columns_is_an_error() {
        let (glossary, diagnostics) = parse(Path::new("t.csv"), "id,en,fi\nx,a,b\n");
        assert!(glossary.concepts.is_empty());
        assert_eq!(diagnostics[0].location(), "t.csv:1:1");
    }
}
