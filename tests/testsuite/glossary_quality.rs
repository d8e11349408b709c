//! How well the `glossary` rule decides, measured on labelled real sentences:
//! `tests/fixtures/glossary-labelled/<lang>.tsv` pairs English sentences from the sample courses
//! with a translation (the existing `locales/it` and `locales/el` ones where they use the concept)
//! labelled `ok` (an approved term of the concept, in any inflected form) or `finding` (a synonym
//! outside the glossary, a forbidden term, a paraphrase, the concept dropped). Each row is
//! decided as the rule decides it (`src/check/rules/glossary.rs`; the sentences are plain text,
//! so the rule's what-a-reader-sees filter changes nothing), and the rule's findings must
//! reach a precision and a recall of 0.9 in every language, with the installed analysers and
//! with `KURSO_NO_ANALYZER=1`. `cargo test --test testsuite glossary_quality -- --nocapture`
//! prints the table and every row decided against its label.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use kurso::glossary::csv;
use kurso::glossary::matcher::Matcher;
use kurso::glossary::morph::{NO_ANALYZER_VAR, system_analyzer};

const LANGUAGES: [&str; 7] = ["el", "hu", "it", "lt", "ro", "fi", "tr"];
const HEADER: &str = "concept\tenglish\ttranslation\texpected\tnote";
const MIN_PRECISION: f64 = 0.9;
const MIN_RECALL: f64 = 0.9;
const MIN_ROWS_PER_LABEL: usize = 30;
const MIN_CONCEPTS: usize = 25;

/// One labelled row of a fixture file.
struct Row {
    line: usize,
    concept: String,
    english: String,
    translation: String,
    /// The label: `finding` (true) or `ok` (false).
    finding: bool,
}

/// The rule's decisions on one language's rows, against their labels.
#[derive(Default)]
struct Score {
    true_findings: usize,
    false_findings: usize,
    missed_findings: usize,
    true_oks: usize,
    n_concepts: usize,
    /// Rows decided against their label, for the report.
    wrong: Vec<String>,
}

impl Score {
    fn n_findings(&self) -> usize {
        self.true_findings + self.missed_findings
    }

    fn n_oks(&self) -> usize {
        self.true_oks + self.false_findings
    }

    /// Of the rows the rule reports, the share labelled `finding`.
    fn precision(&self) -> f64 {
        ratio(self.true_findings, self.true_findings + self.false_findings)
    }

    /// Of the rows labelled `finding`, the share the rule reports.
    fn recall(&self) -> f64 {
        ratio(self.true_findings, self.n_findings())
    }
}

#[expect(clippy::cast_precision_loss, reason = "row counts are far below 2^52")]
fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        1.0
    } else {
        part as f64 / whole as f64
    }
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn fixture(lang: &str) -> PathBuf {
    root().join(format!("tests/fixtures/glossary-labelled/{lang}.tsv"))
}

/// The rows of `path`; a malformed line is an error naming it.
fn read_rows(path: &Path, errors: &mut Vec<String>) -> Vec<Row> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()));
    let mut lines = text.lines().enumerate();
    match lines.next() {
        Some((_, header)) if header == HEADER => {}
        other => errors.push(format!(
            "{}:1: header must be `{HEADER}`, found {other:?}",
            path.display()
        )),
    }
    let mut rows = Vec::new();
    for (index, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        let finding = match fields.get(3) {
            Some(&"finding") => true,
            Some(&"ok") => false,
            _ => {
                errors.push(format!(
                    "{}:{}: expected 5 tab-separated fields with `ok` or `finding` fourth",
                    path.display(),
                    index + 1
                ));
                continue;
            }
        };
        if fields.len() != 5 {
            errors.push(format!(
                "{}:{}: expected 5 fields, found {}",
                path.display(),
                index + 1,
                fields.len()
            ));
            continue;
        }
        if fields[1..3]
            .iter()
            .any(|text| text.contains(['`', '<', '[']) || text.contains("://"))
        {
            errors.push(format!(
                "{}:{}: keep the sentences plain text (no code, tags, links), as a reader sees them",
                path.display(),
                index + 1
            ));
        }
        rows.push(Row {
            line: index + 1,
            concept: fields[0].to_owned(),
            english: fields[1].to_owned(),
            translation: fields[2].to_owned(),
            finding,
        });
    }
    rows
}

/// Decides each row as the `glossary` rule does: the concept must be spotted in the English
/// (else the row is a broken fixture); the rule reports a forbidden term of the concept in the
/// translation, or the absence of all its approved terms.
fn score(lang: &str, matcher: &Matcher, rows: &[Row], errors: &mut Vec<String>) -> Score {
    let path = fixture(lang);
    let mut score = Score::default();
    let mut concepts: Vec<&str> = Vec::new();
    for row in rows {
        let at = format!("{}:{}", path.display(), row.line);
        let Some(index) = matcher.concepts().position(|c| c.id == row.concept) else {
            errors.push(format!("{at}: `{}` is not a glossary concept", row.concept));
            continue;
        };
        if !matcher
            .spot(&row.english)
            .iter()
            .any(|s| s.concept == index)
        {
            errors.push(format!(
                "{at}: `{}` is not spotted in the English {:?}",
                row.concept, row.english
            ));
            continue;
        }
        if matcher.concept(index).do_not_translate || !matcher.has_target(index) {
            errors.push(format!(
                "{at}: `{}` has no {lang} term to check (do-not-translate or empty cell)",
                row.concept
            ));
            continue;
        }
        if !concepts.contains(&row.concept.as_str()) {
            concepts.push(&row.concept);
        }
        let target = matcher.target(&row.translation);
        let forbidden = matcher.find_forbidden(index, &target);
        let predicted = !forbidden.is_empty() || matcher.find_allowed(index, &target).is_none();
        match (row.finding, predicted) {
            (true, true) => score.true_findings += 1,
            (false, false) => score.true_oks += 1,
            (false, true) => score.false_findings += 1,
            (true, false) => score.missed_findings += 1,
        }
        if row.finding != predicted {
            let label = if row.finding { "finding" } else { "ok" };
            let decided = if predicted { "finding" } else { "ok" };
            score.wrong.push(format!(
                "{lang}:{} labelled {label}, decided {decided}: {} | {}",
                row.line, row.concept, row.translation
            ));
        }
    }
    score.n_concepts = concepts.len();
    score
}

fn analysers_mode() -> String {
    match std::env::var(NO_ANALYZER_VAR) {
        Ok(value) if !value.is_empty() && value != "0" => {
            format!("off ({NO_ANALYZER_VAR}={value})")
        }
        _ => "on where installed".to_owned(),
    }
}

#[test]
#[expect(clippy::print_stderr, reason = "prints the precision and recall table")]
fn glossary_rule_reaches_the_precision_and_recall_targets_in_every_language() {
    let path = root().join("glossaries/medical.csv");
    let text = std::fs::read_to_string(&path).expect("glossaries/medical.csv");
    let (glossary, diagnostics) = csv::parse(&path, &text);
    let glossary = std::sync::Arc::new(glossary);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");

    let mut errors = Vec::new();
    let mut table = format!(
        "glossary rule on labelled sentences, analysers {}\n\
         lang  analyser         rows   ok  finding  concepts  TP  FP  FN  precision  recall\n",
        analysers_mode()
    );
    let mut wrong = Vec::new();
    let mut below_target = Vec::new();
    for lang in LANGUAGES {
        let rows = read_rows(&fixture(lang), &mut errors);
        let matcher = Matcher::new(&glossary, "en", &[lang.to_owned()]);
        let score = score(lang, &matcher, &rows, &mut errors);
        let analyser = system_analyzer(lang).map_or_else(|| "none".to_owned(), |a| a.name());
        writeln!(
            table,
            "{lang:<5} {analyser:<16} {:>4} {:>4} {:>8} {:>9} {:>3} {:>3} {:>3} {:>10.3} {:>7.3}",
            rows.len(),
            score.n_oks(),
            score.n_findings(),
            score.n_concepts,
            score.true_findings,
            score.false_findings,
            score.missed_findings,
            score.precision(),
            score.recall(),
        )
        .expect("write to a String");
        if score.n_oks() < MIN_ROWS_PER_LABEL || score.n_findings() < MIN_ROWS_PER_LABEL {
            errors.push(format!(
                "{lang}: needs at least {MIN_ROWS_PER_LABEL} `ok` and {MIN_ROWS_PER_LABEL} \
                 `finding` rows, has {} and {}",
                score.n_oks(),
                score.n_findings()
            ));
        }
        if score.n_concepts < MIN_CONCEPTS {
            errors.push(format!(
                "{lang}: needs rows for at least {MIN_CONCEPTS} concepts, has {}",
                score.n_concepts
            ));
        }
        if score.precision() < MIN_PRECISION || score.recall() < MIN_RECALL {
            below_target.push(lang);
        }
        wrong.extend(score.wrong);
    }
    eprintln!("{table}");
    eprintln!(
        "rows decided against their label:\n  {}",
        wrong.join("\n  ")
    );

    assert!(errors.is_empty(), "broken fixtures:\n{}", errors.join("\n"));
    assert!(
        below_target.is_empty(),
        "precision or recall below {MIN_PRECISION}/{MIN_RECALL} in {below_target:?}:\n{table}"
    );
}
