//! The JSON format: one document for scripts, with a version number that changes only when a
//! key is removed or changes meaning (adding keys is not a break).
//!
//! ```text
//! {
//!   "version": 1,
//!   "tool": "kurso",
//!   "tool_version": "0.1.0",
//!   "findings": [{
//!     "rule": "stale",                      // rule code, see `kurso explain`
//!     "level": "error",                     // "error" | "warning" | "info"
//!     "locale": "el",
//!     "path": "locales/el/course.ftl",      // relative, `/`-separated
//!     "position": {"line": 3, "column": 1}, // 1-based, column in characters; or null
//!     "id": "dose",                         // message or term ID, or null
//!     "message": "…", "help": "…" | null,
//!     "snippet": "…" | null,                // the line `position` points into
//!     "reference": "locales/en/course.ftl:3:1" | null,  // where the English is
//!     "diff": [{"op": "equal" | "delete" | "insert", "text": "…"}] | null,  // stale
//!     "translation": "…" | null             // stale: the current translation
//!   }],
//!   "summary": {
//!     "locales": {"el": COUNTS},            // every checked locale, sorted
//!     "total": COUNTS,
//!     "files_checked": 12,
//!     "suppressed": 0                       // findings dropped by policy or suppressions
//!   },
//!   "diagnostics": [{"severity": "error" | "warning", "path", "position", "message",
//!                    "help", "snippet"}],    // problems with the input, not findings
//!   "filter": {                             // --rule, --level, --quiet
//!     "rules": ["stale"],                   // [] when every rule is shown
//!     "level": "error" | null,              // null when every level is shown
//!     "hidden": {"errors": 0, "warnings": 5080, "infos": 0}  // findings left out
//!   }
//! }
//! ```
//!
//! `COUNTS` is `{errors, warnings, infos, messages, translated, missing, missing_files,
//! obsolete, obsolete_files, stale, unverified}`: the first three count reported findings,
//! the rest count English messages and files whatever the policy (see
//! [`LocaleCounts`](super::LocaleCounts)). With a filter, `findings` and the first three
//! counts are the shown findings; `filter.hidden` counts the rest. Findings keep the order of
//! the summary (path, line, column, rule); every key is present, `null` when unknown.

use rayon::prelude::*;
use serde::Serialize;
use serde_json::{Value, json};

use super::{Hidden, ReportOptions, locale_counts, slash_path, total_counts};
use crate::check::CheckSummary;
use crate::check::finding::{DiffPart, Finding, Level};
use crate::diagnostic::{Diagnostic, Severity};
use crate::span::Position;

/// The findings array as the document is first written, to be filled.
const EMPTY: &str = "\n  \"findings\": [],\n";

/// Findings rendered as one run of text by one worker.
const FINDINGS_PER_RUN: usize = 64;
/// About the length of a finding's JSON text (most are 400–900 bytes).
const BYTES_PER_FINDING: usize = 768;

/// The `version` of the document [`render_json`] writes.
pub const JSON_VERSION: u32 = 1;

/// Renders `summary` as a pretty-printed JSON document; `hidden` is what the filter left out.
pub fn render_json(summary: &CheckSummary, hidden: &Hidden, opts: &ReportOptions) -> String {
    render_json_pieces(summary, hidden, opts).concat()
}

/// [`render_json`] as pieces to write one after another: the findings are rendered in
/// parallel runs of [`FINDINGS_PER_RUN`], and a run is written as it is rather than copied
/// into one string (Thunderbird: 2 MB, written by the thread the workers wait for).
pub fn render_json_pieces(
    summary: &CheckSummary,
    hidden: &Hidden,
    opts: &ReportOptions,
) -> Vec<String> {
    let per_locale = locale_counts(summary);
    // The findings (thousands) are written straight from the summary; the rest is small.
    // Keys come out sorted, as serde_json writes an object's keys.
    let document = Document {
        diagnostics: summary.diagnostics.iter().map(diagnostic_json).collect(),
        filter: json!({
            "rules": opts.filter.rules,
            "level": opts.filter.level.map(Level::as_str),
            "hidden": hidden,
        }),
        findings: Vec::new(),
        summary: json!({
            "locales": per_locale,
            "total": total_counts(&per_locale),
            "files_checked": summary.files_checked,
            "suppressed": summary.suppressed,
        }),
        tool: "kurso",
        tool_version: &opts.tool_version,
        version: JSON_VERSION,
    };
    let document = serde_json::to_string_pretty(&document)
        .expect("a document of strings and numbers always serializes");
    let at = document
        .find(EMPTY)
        .expect("the document has an empty findings array to fill");
    let mut head = String::with_capacity(at + 16);
    head.push_str(&document[..at]);
    head.push_str("\n  \"findings\": [");
    let mut pieces = vec![head];
    // The findings (thousands, with their snippets and diffs) are written in parallel, in
    // runs of consecutive findings: each as serde_json pretty-prints a document, then
    // indented to its place in the array, two levels deep (a JSON string holds no raw line
    // break, so indenting lines is exact). A run after the first starts with the comma that
    // separates it from the one before.
    pieces.par_extend(
        summary
            .findings
            .par_chunks(FINDINGS_PER_RUN)
            .enumerate()
            .map(|(index, run)| {
                let mut out = String::with_capacity(run.len() * BYTES_PER_FINDING + 1);
                if index > 0 {
                    out.push(',');
                }
                for (n, finding) in run.iter().enumerate() {
                    let text = serde_json::to_string_pretty(&FindingJson::of(finding))
                        .expect("a finding of strings and numbers always serializes");
                    out.push_str(if n == 0 { "\n" } else { ",\n" });
                    for (index, line) in text.split('\n').enumerate() {
                        if index > 0 {
                            out.push('\n');
                        }
                        out.push_str("    ");
                        out.push_str(line);
                    }
                }
                out
            }),
    );
    let mut tail = String::with_capacity(document.len() - at);
    tail.push_str(if summary.findings.is_empty() {
        "],"
    } else {
        "\n  ],"
    });
    tail.push_str(&document[at + EMPTY.len() - 1..]);
    tail.push('\n');
    pieces.push(tail);
    pieces
}

/// The document, its keys in sorted order; `findings` is left empty and filled in after.
#[derive(Serialize)]
struct Document<'a> {
    diagnostics: Vec<Value>,
    filter: Value,
    findings: Vec<FindingJson<'a>>,
    summary: Value,
    tool: &'a str,
    tool_version: &'a str,
    version: u32,
}

/// One finding, borrowed from the summary, its keys in sorted order.
#[derive(Serialize)]
struct FindingJson<'a> {
    diff: Option<Vec<DiffJson<'a>>>,
    help: Option<&'a str>,
    id: Option<&'a str>,
    level: &'static str,
    locale: &'a str,
    message: &'a str,
    path: String,
    position: Option<PositionJson>,
    reference: Option<&'a str>,
    rule: &'static str,
    snippet: Option<&'a str>,
    translation: Option<&'a str>,
}

#[derive(Serialize)]
struct DiffJson<'a> {
    op: &'static str,
    text: &'a str,
}

#[derive(Serialize)]
struct PositionJson {
    column: usize,
    line: usize,
}

impl<'a> FindingJson<'a> {
    fn of(finding: &'a Finding) -> FindingJson<'a> {
        let diff = finding.diff.as_ref().map(|parts| {
            parts
                .iter()
                .map(|part| {
                    let (op, text) = match part {
                        DiffPart::Equal(text) => ("equal", text),
                        DiffPart::Delete(text) => ("delete", text),
                        DiffPart::Insert(text) => ("insert", text),
                    };
                    DiffJson { op, text }
                })
                .collect()
        });
        FindingJson {
            diff,
            help: finding.help.as_deref(),
            id: finding.id.as_deref(),
            level: finding.level.as_str(),
            locale: &finding.locale,
            message: &finding.message,
            path: slash_path(&finding.path),
            position: finding.position.map(|p| PositionJson {
                column: p.column,
                line: p.line,
            }),
            reference: finding.reference.as_deref(),
            rule: finding.rule,
            snippet: finding.snippet.as_deref(),
            translation: finding.translation.as_deref(),
        }
    }
}

fn diagnostic_json(diagnostic: &Diagnostic) -> Value {
    let severity = match diagnostic.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    json!({
        "severity": severity,
        "path": slash_path(&diagnostic.path),
        "position": diagnostic.position.map(position_json),
        "message": diagnostic.message,
        "help": diagnostic.help,
        "snippet": diagnostic.source_line,
    })
}

fn position_json(position: Position) -> Value {
    json!({ "line": position.line, "column": position.column })
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::check::FileStats;
    use crate::check::finding::Level;
    use crate::report::tests::{finding, stale_el, summary};

    fn parse(summary: &CheckSummary) -> Value {
        let out = render_json(summary, &Hidden::default(), &ReportOptions::default());
        assert!(out.ends_with("}\n"));
        serde_json::from_str(&out).expect("render_json writes valid JSON")
    }

    fn keys(value: &Value) -> Vec<&str> {
        let mut keys: Vec<&str> = value
            .as_object()
            .expect("an object")
            .keys()
            .map(String::as_str)
            .collect();
        keys.sort_unstable();
        keys
    }

    /// The document is written as `serde_json` writes its own values: keys sorted at every
    /// level, pretty-printed, so reports of two runs diff line by line.
    #[test]
    fn the_document_is_written_with_sorted_keys() {
        let mut with_position = finding("numbers", Level::Error, "el", "a.ftl");
        with_position.position = Some(Position { line: 3, column: 7 });
        with_position.help = Some("help".to_owned());
        with_position.snippet = Some("a = 5 mg".to_owned());
        // Byte for byte what serde_json writes for the whole document (the findings are
        // written apart, in parallel runs), with findings and without, and with more
        // findings than one run holds.
        let many = (0..2 * FINDINGS_PER_RUN + 3)
            .map(|n| {
                if n % 2 == 0 {
                    stale_el()
                } else {
                    with_position.clone()
                }
            })
            .collect();
        for s in [
            summary(Vec::new()),
            summary(vec![stale_el(), with_position.clone()]),
            summary(many),
        ] {
            let out = render_json(&s, &Hidden::default(), &ReportOptions::default());
            let value: Value = serde_json::from_str(&out).expect("valid JSON");
            let mut again = serde_json::to_string_pretty(&value).expect("serializes");
            again.push('\n');
            assert_eq!(out, again);
        }
        let s = summary(vec![stale_el(), with_position]);
        let out = render_json(&s, &Hidden::default(), &ReportOptions::default());
        assert!(
            out.contains("\"diff\": ["),
            "a stale finding has its diff: {out}"
        );
        assert!(out.contains("\"column\": 7,\n"), "{out}");
    }

    #[test]
    fn document_has_the_documented_top_level_keys() {
        let doc = parse(&summary(Vec::new()));
        assert_eq!(
            keys(&doc),
            [
                "diagnostics",
                "filter",
                "findings",
                "summary",
                "tool",
                "tool_version",
                "version"
            ]
        );
        assert_eq!(doc["version"], 1);
        assert_eq!(doc["tool"], "kurso");
        assert_eq!(doc["tool_version"], env!("CARGO_PKG_VERSION"));
        assert_eq!(
            keys(&doc["summary"]),
            ["files_checked", "locales", "suppressed", "total"]
        );
        assert_eq!(
            doc["filter"],
            json!({"rules": [], "level": null, "hidden": {"errors": 0, "warnings": 0, "infos": 0}})
        );
    }

    #[test]
    fn a_filter_is_described_and_its_hidden_findings_counted() {
        let opts = ReportOptions {
            filter: crate::report::Filter {
                rules: vec!["stale".to_owned()],
                level: Some(Level::Error),
                quiet: false,
            },
            ..ReportOptions::default()
        };
        let s = summary(vec![
            stale_el(),
            finding("unverified", Level::Warning, "el", "a.ftl"),
        ]);
        let out = crate::report::render(crate::report::Format::Json, &s, &opts);
        let doc: Value = serde_json::from_str(&out).expect("valid JSON");
        assert_eq!(doc["findings"].as_array().map(Vec::len), Some(1));
        assert_eq!(doc["summary"]["total"]["warnings"], 0);
        assert_eq!(
            doc["filter"],
            json!({"rules": ["stale"], "level": "error",
                   "hidden": {"errors": 0, "warnings": 1, "infos": 0}})
        );
    }

    #[test]
    fn stale_finding_round_trips_with_every_field() {
        let doc = parse(&summary(vec![stale_el()]));
        let f = &doc["findings"][0];
        assert_eq!(
            keys(f),
            [
                "diff",
                "help",
                "id",
                "level",
                "locale",
                "message",
                "path",
                "position",
                "reference",
                "rule",
                "snippet",
                "translation"
            ]
        );
        assert_eq!(f["rule"], "stale");
        assert_eq!(f["level"], "error");
        assert_eq!(f["locale"], "el");
        assert_eq!(f["path"], "locales/el/course.ftl");
        assert_eq!(f["position"], json!({"line": 3, "column": 1}));
        assert_eq!(f["id"], "dose");
        assert_eq!(f["snippet"], "dose = Δώστε 5 mg τώρα");
        assert_eq!(f["reference"], "locales/en/course.ftl:3:1");
        assert_eq!(f["translation"], "Δώστε 5 mg τώρα");
        assert_eq!(
            f["diff"],
            json!([
                {"op": "equal", "text": "Give "},
                {"op": "delete", "text": "5"},
                {"op": "insert", "text": "50"},
                {"op": "equal", "text": " mg now"},
            ])
        );
    }

    #[test]
    fn unknown_fields_are_null_not_absent() {
        let doc = parse(&summary(vec![finding(
            "missing-file",
            Level::Warning,
            "it",
            "locales/it/a.ftl",
        )]));
        let f = &doc["findings"][0];
        assert_eq!(f["level"], "warning");
        for key in ["position", "id", "help", "snippet", "diff", "translation"] {
            assert!(f[key].is_null(), "{key} should be null: {f}");
        }
    }

    #[test]
    fn summary_counts_per_locale_and_diagnostics() {
        let mut s = summary(vec![
            stale_el(),
            finding("unverified", Level::Warning, "el", "a.ftl"),
        ]);
        s.suppressed = 4;
        s.stats.push(FileStats {
            locale: "el".to_owned(),
            messages: 10,
            missing: 2,
            stale: 1,
            obsolete_file: true,
            ..FileStats::default()
        });
        s.diagnostics.push(
            Diagnostic::file_error(Path::new("locales/el/a.state.toml"), "cannot parse").warning(),
        );
        let doc = parse(&s);
        let el = &doc["summary"]["locales"]["el"];
        assert_eq!(
            *el,
            json!({
                "errors": 1, "warnings": 1, "infos": 0, "messages": 10, "translated": 0,
                "missing": 2, "missing_files": 0, "obsolete": 0, "obsolete_files": 1,
                "stale": 1, "unverified": 0,
            })
        );
        assert_eq!(doc["summary"]["total"], *el);
        assert_eq!(doc["summary"]["suppressed"], 4);
        assert_eq!(
            doc["diagnostics"],
            json!([{
                "severity": "warning", "path": "locales/el/a.state.toml", "position": null,
                "message": "cannot parse", "help": null, "snippet": null,
            }])
        );
    }
}
