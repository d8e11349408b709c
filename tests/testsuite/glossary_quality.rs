//! How well the `glossary` rule decides, measured on two labelled sets of sentences: each row
//! pairs an English sentence that uses a glossary concept with a translation labelled `ok` (an
//! approved term of the concept, in any inflected form) or `finding` (a synonym outside the
//! glossary, a forbidden term, a derivation or a compound with another head, a related concept,
//! the concept dropped). Each row is decided as the rule decides it
//! (`src/check/rules/glossary.rs`: a forbidden term of the concept, or none of its approved
//! terms), with the installed analysers and with `KURSO_NO_ANALYZER=1`.
//!
//! - `tests/fixtures/glossary-labelled/` is the development set: the matcher may be changed
//!   while looking at it. Goal: precision and recall of 0.9 in every language.
//! - `tests/fixtures/glossary-heldout/` was written before the matcher of issue 11 and is never
//!   tuned on (its README). Goals: precision and recall of the findings of 0.95 in every
//!   language, a recall of 0.9 on its near-misses (derivations, compounds with another head,
//!   related concepts, places for people, a diacritic that makes another word) in every
//!   language, and every forbidden term reported, also beside the approved one.
//!
//! `cargo test --test testsuite glossary_quality -- --nocapture` prints the tables (per
//! language, per kind) and every row decided against its label.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use kurso::glossary::Glossary;
use kurso::glossary::csv;
use kurso::glossary::matcher::Matcher;
use kurso::glossary::morph::{NO_ANALYZER_VAR, system_analyzer};

const LANGUAGES: [&str; 7] = ["el", "hu", "it", "lt", "ro", "fi", "tr"];
/// Kinds of `finding` rows that are near-misses: a word close to the term that is another word.
const NEAR_MISSES: [&str; 5] = ["derivation", "compound", "related", "place", "diacritic"];
/// Kinds of rows with a forbidden term.
const FORBIDDEN: [&str; 2] = ["forbidden", "forbidden-beside"];

/// Goals not reached on the held-out set: (language, measure, the figure measured when the
/// matcher of issue 11 was finished). The set is never tuned on, so a miss is reported, not
/// hidden: the test fails if a figure falls below its entry, and asks for the entry to be
/// removed once the goal is met. The rows behind it are listed in the test's output.
const SHORTFALLS: [(&str, &str, f64); 1] = [("el", "recall", 0.949)];

/// One labelled set and what it must reach.
struct LabelledSet {
    name: &'static str,
    dir: &'static str,
    /// Precision and recall of the findings, in every language.
    min_precision: f64,
    min_recall: f64,
    /// Recall on the near-miss kinds, in every language (`None`: not a goal of this set).
    min_near_miss_recall: Option<f64>,
    /// At least this many `ok` and `finding` rows, and concepts, per language.
    min_rows_per_label: usize,
    min_concepts: usize,
    /// Goals known not to be reached (only the held-out set has any).
    shortfalls: &'static [(&'static str, &'static str, f64)],
}

const DEVELOPMENT: LabelledSet = LabelledSet {
    name: "development (glossary-labelled)",
    dir: "tests/fixtures/glossary-labelled",
    min_precision: 0.9,
    min_recall: 0.9,
    min_near_miss_recall: None,
    min_rows_per_label: 30,
    min_concepts: 25,
    shortfalls: &[],
};

const HELD_OUT: LabelledSet = LabelledSet {
    name: "held-out (glossary-heldout, never tuned on)",
    dir: "tests/fixtures/glossary-heldout",
    min_precision: 0.95,
    min_recall: 0.95,
    min_near_miss_recall: Some(0.9),
    min_rows_per_label: 30,
    min_concepts: 25,
    shortfalls: &SHORTFALLS,
};

/// One labelled row of a fixture file.
struct Row {
    line: usize,
    concept: String,
    english: String,
    translation: String,
    /// The label: `finding` (true) or `ok` (false).
    finding: bool,
    /// What the row tests: the `kind` column, or for the development set (which has none) a
    /// kind read from its note.
    kind: String,
}

/// Decisions against labels, for a language or a kind.
#[derive(Default, Clone)]
struct Score {
    true_findings: usize,
    false_findings: usize,
    missed_findings: usize,
    true_oks: usize,
}

impl Score {
    fn add(&mut self, label: bool, predicted: bool) {
        match (label, predicted) {
            (true, true) => self.true_findings += 1,
            (false, false) => self.true_oks += 1,
            (false, true) => self.false_findings += 1,
            (true, false) => self.missed_findings += 1,
        }
    }

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

    /// Of the rows, the share decided as labelled.
    fn agreement(&self) -> f64 {
        ratio(
            self.true_findings + self.true_oks,
            self.n_findings() + self.n_oks(),
        )
    }
}

/// One language's decisions.
#[derive(Default)]
struct LanguageScore {
    all: Score,
    near_misses: Score,
    by_kind: BTreeMap<String, Score>,
    n_concepts: usize,
    /// Rows decided against their label, for the report.
    wrong: Vec<String>,
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

fn fixture(set: &LabelledSet, lang: &str) -> PathBuf {
    root().join(format!("{}/{lang}.tsv", set.dir))
}

/// The kind of a development-set row, read from its label and note.
fn kind_from_note(finding: bool, note: &str) -> String {
    let kind = if !finding {
        "inflection"
    } else if note.starts_with("near-miss") {
        "near-miss"
    } else if note.contains("forbidden") {
        "forbidden"
    } else if note.starts_with("related concept") {
        "related"
    } else {
        "other"
    };
    kind.to_owned()
}

/// The rows of `path`; a malformed line is an error naming it.
fn read_rows(path: &Path, errors: &mut Vec<String>) -> Vec<Row> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|err| panic!("cannot read {}: {err}", path.display()));
    let mut lines = text.lines().enumerate();
    let header = lines.next().map_or("", |(_, header)| header);
    let n_fields = match header {
        "concept\tenglish\ttranslation\texpected\tnote" => 5,
        "concept\tenglish\ttranslation\texpected\tkind\tnote" => 6,
        other => {
            errors.push(format!(
                "{}:1: header must be `concept english translation expected [kind] note` \
                 (tab-separated), found {other:?}",
                path.display()
            ));
            return Vec::new();
        }
    };
    let mut rows = Vec::new();
    for (index, line) in lines {
        if line.trim().is_empty() {
            continue;
        }
        let at = format!("{}:{}", path.display(), index + 1);
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != n_fields {
            errors.push(format!(
                "{at}: expected {n_fields} fields, found {}",
                fields.len()
            ));
            continue;
        }
        let finding = match fields[3] {
            "finding" => true,
            "ok" => false,
            other => {
                errors.push(format!(
                    "{at}: the label is `ok` or `finding`, not {other:?}"
                ));
                continue;
            }
        };
        if fields[1..3]
            .iter()
            .any(|text| text.contains(['`', '<', '[']) || text.contains("://"))
        {
            errors.push(format!(
                "{at}: keep the sentences plain text (no code, tags, links), as a reader sees them"
            ));
        }
        let kind = if n_fields == 6 {
            fields[4].to_owned()
        } else {
            kind_from_note(finding, fields[4])
        };
        rows.push(Row {
            line: index + 1,
            concept: fields[0].to_owned(),
            english: fields[1].to_owned(),
            translation: fields[2].to_owned(),
            finding,
            kind,
        });
    }
    rows
}

/// Decides each row as the `glossary` rule does: the concept must be spotted in the English
/// (else the row is a broken fixture); the rule reports a forbidden term of the concept in the
/// translation, or the absence of all its approved terms.
fn score(
    path: &Path,
    lang: &str,
    matcher: &Matcher,
    rows: &[Row],
    errors: &mut Vec<String>,
) -> LanguageScore {
    let mut score = LanguageScore::default();
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
        // A row with a forbidden term is caught only when that term is reported: the approved
        // term missing as well must not stand in for it (with forbidden-term detection off,
        // this test fails on both sets).
        let predicted = if FORBIDDEN.contains(&row.kind.as_str()) {
            !forbidden.is_empty()
        } else {
            !forbidden.is_empty() || matcher.find_allowed(index, &target).is_none()
        };
        score.all.add(row.finding, predicted);
        score
            .by_kind
            .entry(row.kind.clone())
            .or_default()
            .add(row.finding, predicted);
        if NEAR_MISSES.contains(&row.kind.as_str()) {
            score.near_misses.add(row.finding, predicted);
        }
        if row.finding != predicted {
            let label = if row.finding { "finding" } else { "ok" };
            let decided = if predicted { "finding" } else { "ok" };
            score.wrong.push(format!(
                "{lang}:{} {} labelled {label}, decided {decided}: {} | {}",
                row.line, row.kind, row.concept, row.translation
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

fn load_glossary() -> Arc<Glossary> {
    let path = root().join("glossaries/medical.csv");
    let text = std::fs::read_to_string(&path).expect("glossaries/medical.csv");
    let (glossary, diagnostics) = csv::parse(&path, &text);
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    Arc::new(glossary)
}

/// Scores `set` in every language, prints its tables, and returns the goals it misses and its
/// broken rows.
#[expect(
    clippy::print_stderr,
    reason = "prints the precision and recall tables"
)]
fn measure(set: &LabelledSet, glossary: &Arc<Glossary>) -> (Vec<String>, Vec<String>) {
    let mut errors = Vec::new();
    let mut missed_goals = Vec::new();
    let mut table = format!(
        "glossary rule on the {} set, analysers {}\n\
         lang  analyser         rows   ok  finding  concepts  TP  FP  FN  precision  recall  near-miss recall\n",
        set.name,
        analysers_mode()
    );
    let mut by_kind: BTreeMap<String, Score> = BTreeMap::new();
    let mut kinds_by_language: BTreeMap<String, BTreeMap<&str, Score>> = BTreeMap::new();
    let mut wrong = Vec::new();
    for lang in LANGUAGES {
        let path = fixture(set, lang);
        let rows = read_rows(&path, &mut errors);
        let matcher = Matcher::new(glossary, "en", &[lang.to_owned()]);
        let score = score(&path, lang, &matcher, &rows, &mut errors);
        let analyser = system_analyzer(lang).map_or_else(|| "none".to_owned(), |a| a.name());
        let all = &score.all;
        let near_miss = if score.near_misses.n_findings() == 0 {
            "-".to_owned()
        } else {
            format!("{:.3}", score.near_misses.recall())
        };
        writeln!(
            table,
            "{lang:<5} {analyser:<16} {:>4} {:>4} {:>8} {:>9} {:>3} {:>3} {:>3} {:>10.3} {:>7.3} {near_miss:>17}",
            all.n_oks() + all.n_findings(),
            all.n_oks(),
            all.n_findings(),
            score.n_concepts,
            all.true_findings,
            all.false_findings,
            all.missed_findings,
            all.precision(),
            all.recall(),
        )
        .expect("write to a String");
        if all.n_oks() < set.min_rows_per_label || all.n_findings() < set.min_rows_per_label {
            errors.push(format!(
                "{lang}: needs at least {} `ok` and {} `finding` rows, has {} and {}",
                set.min_rows_per_label,
                set.min_rows_per_label,
                all.n_oks(),
                all.n_findings()
            ));
        }
        if score.n_concepts < set.min_concepts {
            errors.push(format!(
                "{lang}: needs rows for at least {} concepts, has {}",
                set.min_concepts, score.n_concepts
            ));
        }
        let mut goals = vec![
            ("precision", all.precision(), set.min_precision),
            ("recall", all.recall(), set.min_recall),
        ];
        if let Some(goal) = set.min_near_miss_recall {
            goals.push(("near-miss recall", score.near_misses.recall(), goal));
            if score.near_misses.n_findings() < 30 {
                errors.push(format!(
                    "{lang}: needs at least 30 near-miss rows, has {}",
                    score.near_misses.n_findings()
                ));
            }
        }
        for (measure, figure, goal) in goals {
            let known = set
                .shortfalls
                .iter()
                .find(|(l, m, _)| *l == lang && *m == measure)
                .map(|(_, _, floor)| *floor);
            match known {
                Some(_) if figure >= goal => missed_goals.push(format!(
                    "{lang}: {measure} {figure:.3} now reaches the goal {goal}: remove its entry \
                     from SHORTFALLS"
                )),
                Some(floor) if figure + 1e-9 < floor => missed_goals.push(format!(
                    "{lang}: {measure} {figure:.3}, below the {floor} measured before (goal {goal})"
                )),
                Some(floor) => writeln!(
                    table,
                    "      {lang}: {measure} {figure:.3} misses the goal {goal} (known shortfall, \
                     floor {floor})"
                )
                .expect("write to a String"),
                None if figure < goal => {
                    missed_goals.push(format!("{lang}: {measure} {figure:.3}, goal {goal}"));
                }
                None => {}
            }
        }
        for (kind, kind_score) in score.by_kind {
            let total = by_kind.entry(kind.clone()).or_default();
            total.true_findings += kind_score.true_findings;
            total.false_findings += kind_score.false_findings;
            total.missed_findings += kind_score.missed_findings;
            total.true_oks += kind_score.true_oks;
            kinds_by_language
                .entry(kind)
                .or_default()
                .insert(lang, kind_score);
        }
        wrong.extend(score.wrong);
    }
    table.push_str("\nper kind: rows decided as labelled (all languages, then per language)\n");
    for (kind, score) in &by_kind {
        let rows = score.n_findings() + score.n_oks();
        write!(
            table,
            "{kind:<17} {rows:>4} rows {:>6.3} |",
            score.agreement()
        )
        .expect("write to a String");
        for (lang, score) in &kinds_by_language[kind] {
            write!(table, " {lang} {:.2}", score.agreement()).expect("write to a String");
        }
        table.push('\n');
    }
    // Every forbidden term is reported, also beside the approved one.
    for kind in FORBIDDEN {
        if let Some(score) = by_kind.get(kind)
            && score.recall() < set.min_recall
        {
            missed_goals.push(format!(
                "`{kind}` rows: recall {:.3}, goal {}",
                score.recall(),
                set.min_recall
            ));
        }
    }
    eprintln!("{table}");
    eprintln!(
        "{} rows decided against their label:\n  {}\n",
        set.name,
        wrong.join("\n  ")
    );
    (missed_goals, errors)
}

#[test]
fn glossary_rule_reaches_its_goals_on_the_development_set() {
    let glossary = load_glossary();
    let (missed, errors) = measure(&DEVELOPMENT, &glossary);
    assert!(errors.is_empty(), "broken fixtures:\n{}", errors.join("\n"));
    assert!(missed.is_empty(), "goals missed:\n{}", missed.join("\n"));
}

#[test]
fn glossary_rule_reaches_its_goals_on_the_held_out_set() {
    let glossary = load_glossary();
    let (missed, errors) = measure(&HELD_OUT, &glossary);
    assert!(errors.is_empty(), "broken fixtures:\n{}", errors.join("\n"));
    assert!(missed.is_empty(), "goals missed:\n{}", missed.join("\n"));
}
