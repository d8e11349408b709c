//! kurso's CSV glossary: one concept per row, one column per language.
//!
//! ```csv
//! id,domain,pos,en,el,fi,forbidden:fi,dnt,case-sensitive,definition,note,authority,authority-id,reviewer,date
//! informed-consent,clinical,noun,informed consent,συναίνεση κατόπιν ενημέρωσης,tietoon perustuva suostumus,,,,…
//! ```
//!
//! A language column holds the preferred term, then admitted synonyms, separated by ` | `.
//! `forbidden:<lang>` columns list terms that must not be used. `dnt` = `yes` marks a
//! do-not-translate concept; `case-sensitive` = `yes` matches case exactly. Every other
//! column is optional; unknown columns are an error naming the column, so a typo in a header
//! never silently drops a language.

use std::collections::HashSet;
use std::path::Path;

use super::SourceText;
use super::model::{Concept, Glossary, Origin, Provenance, Term, TermStatus};
use crate::diagnostic::Diagnostic;
use crate::locale::parse_locale_code;

/// Separator between terms in one cell.
pub const TERM_SEPARATOR: &str = " | ";

/// Columns that are not languages.
const META: &[&str] = &[
    "id",
    "domain",
    "pos",
    "dnt",
    "case-sensitive",
    "severity",
    "definition",
    "note",
    "authority",
    "authority-id",
    "reviewer",
    "date",
];

/// Parses the CSV `text` of `path`. Errors name the line and column; a bad row is reported
/// and skipped, the other rows are still read.
pub fn parse(path: &Path, text: &str) -> (Glossary, Vec<Diagnostic>) {
    let mut diagnostics = Vec::new();
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = match reader.headers() {
        Ok(headers) => headers.clone(),
        Err(err) => {
            diagnostics.push(csv_error(&SourceText::new(path, text), &err));
            return (Glossary::default(), diagnostics);
        }
    };
    let mut columns: Vec<Column> = Vec::new();
    for (index, name) in headers.iter().enumerate() {
        let name = name.trim();
        let column = if META.contains(&name) {
            Column::Meta(name.to_owned())
        } else if let Some(lang) = name.strip_prefix("forbidden:") {
            match parse_locale_code(lang) {
                Ok(_) => Column::Forbidden(lang.to_owned()),
                Err(message) => {
                    diagnostics.push(header_error(path, text, index, &message));
                    Column::Ignored
                }
            }
        } else if parse_locale_code(name).is_ok() {
            Column::Language(name.to_owned())
        } else {
            diagnostics.push(header_error(
                path,
                text,
                index,
                &format!(
                    "unknown column `{name}`: expected a language code (en, fi, el-CY), \
                     forbidden:<language>, or one of {}",
                    META.join(", ")
                ),
            ));
            Column::Ignored
        };
        columns.push(column);
    }
    if !columns
        .iter()
        .any(|c| matches!(c, Column::Meta(m) if m == "id"))
    {
        diagnostics.push(
            Diagnostic::error_at(path, text, 0, "the header has no `id` column")
                .with_help("the first row names the columns: id, domain, pos, en, el, …"),
        );
        return (Glossary::default(), diagnostics);
    }
    let source = SourceText::new(path, text);
    // A row is at least a line, and rarely shorter than 32 bytes: reserving that many
    // concepts keeps a large file from growing the vector by doubling (and copying) it,
    // without reserving a concept for each line of a file of blank lines.
    let n_lines = text.bytes().filter(|&b| b == b'\n').count();
    let mut glossary = Glossary {
        concepts: Vec::with_capacity(n_lines.min(text.len() / 32)),
    };
    let mut seen: HashSet<String> = HashSet::new();
    for record in reader.records() {
        let record = match record {
            Ok(record) => record,
            Err(err) => {
                diagnostics.push(csv_error(&source, &err));
                continue;
            }
        };
        let line = record
            .position()
            .map_or(0, |p| usize::try_from(p.line()).unwrap_or(0));
        let offset = record
            .position()
            .map_or(0, |p| usize::try_from(p.byte()).unwrap_or(0));
        let mut concept = Concept {
            origin: Origin {
                path: path.to_path_buf(),
                line,
            },
            ..Concept::default()
        };
        let mut provenance = Provenance::default();
        for (column, value) in columns.iter().zip(record.iter()) {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            match column {
                Column::Meta(name) => match name.as_str() {
                    "id" => value.clone_into(&mut concept.id),
                    "domain" => concept.domain = Some(value.to_owned()),
                    "pos" => concept.part_of_speech = Some(value.to_owned()),
                    "dnt" => concept.do_not_translate = is_yes(value),
                    "case-sensitive" => concept.case_sensitive = is_yes(value),
                    "severity" => match value.parse() {
                        Ok(level) => concept.severity = Some(level),
                        Err(message) => diagnostics.push(
                            source
                                .error(offset, message)
                                .with_help("severity is error, warning, info or off"),
                        ),
                    },
                    "definition" => concept.definition = Some(value.to_owned()),
                    "note" => concept.note = Some(value.to_owned()),
                    "authority" => provenance.authority = Some(value.to_owned()),
                    "authority-id" => provenance.authority_id = Some(value.to_owned()),
                    "reviewer" => provenance.reviewer = Some(value.to_owned()),
                    "date" => provenance.date = Some(value.to_owned()),
                    _ => {}
                },
                Column::Language(lang) => {
                    let terms = concept.terms.entry(lang.clone()).or_default();
                    for (i, text) in split_terms(value).enumerate() {
                        let status = if i == 0 {
                            TermStatus::Preferred
                        } else {
                            TermStatus::Admitted
                        };
                        terms.push(Term::new(text, status));
                    }
                }
                Column::Forbidden(lang) => {
                    let terms = concept.terms.entry(lang.clone()).or_default();
                    terms.extend(split_terms(value).map(|t| Term::new(t, TermStatus::Forbidden)));
                }
                Column::Ignored => {}
            }
        }
        concept.provenance = provenance;
        if concept.id.is_empty() {
            diagnostics.push(
                source
                    .error(offset, "this row has no `id`")
                    .with_help("give every concept a stable ID such as `informed-consent`"),
            );
            continue;
        }
        if !seen.insert(concept.id.clone()) {
            diagnostics.push(
                source
                    .error(offset, format!("concept `{}` is defined twice", concept.id))
                    .with_help("merge the two rows; the first one is used"),
            );
            continue;
        }
        // One row's terms are all there is: keep no spare capacity (a glossary may hold a
        // million concepts).
        concept.terms.values_mut().for_each(Vec::shrink_to_fit);
        glossary.concepts.push(concept);
    }
    (glossary, diagnostics)
}

enum Column {
    Meta(String),
    Language(String),
    Forbidden(String),
    Ignored,
}

fn is_yes(value: &str) -> bool {
    matches!(
        value.to_ascii_lowercase().as_str(),
        "yes" | "y" | "true" | "1"
    )
}

/// The terms of one cell: split at ` | `, trimmed, empty ones dropped.
pub fn split_terms(cell: &str) -> impl Iterator<Item = &str> {
    cell.split(TERM_SEPARATOR.trim())
        .map(str::trim)
        .filter(|term| !term.is_empty())
}

fn header_error(path: &Path, text: &str, index: usize, message: &str) -> Diagnostic {
    // Offset of the index-th header field (headers are rarely quoted; good enough to point).
    let header = text.lines().next().unwrap_or_default();
    let offset = header
        .split(',')
        .take(index)
        .map(|field| field.len() + 1)
        .sum::<usize>();
    Diagnostic::error_at(path, text, offset.min(header.len()), message.to_owned())
        .with_help("fix the header row; the rest of the file is read without this column")
}

fn csv_error(source: &SourceText<'_>, err: &csv::Error) -> Diagnostic {
    let offset = err
        .position()
        .map_or(0, |p| usize::try_from(p.byte()).unwrap_or(0));
    source
        .error(offset, format!("invalid CSV: {err}"))
        .with_help("check the quoting: a field with a comma, quote or line break is quoted, and a quote inside it is doubled")
}

/// Writes a glossary as kurso CSV, with a column per language of `languages`.
pub fn render(glossary: &Glossary, languages: &[String]) -> String {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let mut header: Vec<String> = vec!["id".into(), "domain".into(), "pos".into()];
    header.extend(languages.iter().cloned());
    header.extend(languages.iter().map(|l| format!("forbidden:{l}")));
    header.extend(
        [
            "dnt",
            "case-sensitive",
            "severity",
            "definition",
            "note",
            "authority",
            "authority-id",
            "reviewer",
            "date",
        ]
        .map(str::to_owned),
    );
    writer
        .write_record(&header)
        .expect("writing to memory cannot fail");
    for concept in &glossary.concepts {
        let opt = |value: &Option<String>| value.clone().unwrap_or_default();
        let mut row: Vec<String> = vec![
            concept.id.clone(),
            opt(&concept.domain),
            opt(&concept.part_of_speech),
        ];
        for lang in languages {
            row.push(join(concept.allowed(lang).map(|t| t.text.as_str())));
        }
        for lang in languages {
            row.push(join(
                concept
                    .terms_with(lang, TermStatus::Forbidden)
                    .map(|t| t.text.as_str()),
            ));
        }
        let yes = |flag: bool| {
            if flag {
                "yes".to_owned()
            } else {
                String::new()
            }
        };
        row.extend([
            yes(concept.do_not_translate),
            yes(concept.case_sensitive),
            concept
                .severity
                .map(|l| l.as_str().to_owned())
                .unwrap_or_default(),
            opt(&concept.definition),
            opt(&concept.note),
            opt(&concept.provenance.authority),
            opt(&concept.provenance.authority_id),
            opt(&concept.provenance.reviewer),
            opt(&concept.provenance.date),
        ]);
        writer
            .write_record(&row)
            .expect("every row has the header's columns");
    }
    String::from_utf8(writer.into_inner().unwrap_or_default()).unwrap_or_default()
}

fn join<'a>(terms: impl Iterator<Item = &'a str>) -> String {
    terms.collect::<Vec<_>>().join(TERM_SEPARATOR)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "id,pos,en,fi,forbidden:fi,dnt,authority\n\
        informed-consent,noun,informed consent,tietoon perustuva suostumus | suostumus,informoitu suostumus,,IATE\n\
        hl7-fhir,noun,HL7 FHIR,HL7 FHIR,,yes,HL7\n";

    #[test]
    fn reads_terms_statuses_and_provenance() {
        let (glossary, diagnostics) = parse(Path::new("g.csv"), SAMPLE);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        let consent = glossary.get("informed-consent").expect("concept");
        let fi: Vec<_> = consent.terms["fi"]
            .iter()
            .map(|t| (t.text.as_str(), t.status))
            .collect();
        assert_eq!(
            fi,
            [
                ("tietoon perustuva suostumus", TermStatus::Preferred),
                ("suostumus", TermStatus::Admitted),
                ("informoitu suostumus", TermStatus::Forbidden),
            ]
        );
        assert_eq!(consent.provenance.authority.as_deref(), Some("IATE"));
        assert_eq!(consent.origin.line, 2);
        assert!(glossary.get("hl7-fhir").expect("dnt").do_not_translate);
    }

    #[test]
    fn unknown_column_names_line_and_column() {
        let (_, diagnostics) = parse(Path::new("g.csv"), "id,en,finnish\nx,a,b\n");
        assert_eq!(diagnostics.len(), 1);
        assert_eq!(diagnostics[0].location(), "g.csv:1:7");
    }

    #[test]
    fn duplicate_ids_and_rows_without_id_are_errors_and_other_rows_survive() {
        let (glossary, diagnostics) = parse(Path::new("g.csv"), "id,en\na,x\n,y\na,z\nb,w\n");
        let ids: Vec<_> = glossary.concepts.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["a", "b"]);
        let places: Vec<_> = diagnostics.iter().map(Diagnostic::location).collect();
        assert_eq!(places, ["g.csv:3:1", "g.csv:4:1"]);
    }

    #[test]
    fn render_parses_back_to_the_same_concepts() {
        let (glossary, _) = parse(Path::new("g.csv"), SAMPLE);
        let text = render(&glossary, &["en".to_owned(), "fi".to_owned()]);
        let (again, diagnostics) = parse(Path::new("g.csv"), &text);
        assert!(diagnostics.is_empty(), "{diagnostics:?}");
        assert_eq!(again.concepts.len(), 2);
        assert_eq!(again.concepts[0].terms, glossary.concepts[0].terms);
    }
}
