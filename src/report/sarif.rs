//! The SARIF format: a SARIF 2.1.0 log with one run, for code-scanning dashboards (GitHub
//! code scanning, IDE viewers).
//!
//! The driver lists one `reportingDescriptor` per rule code the findings use, sorted by code,
//! with the rule's summary and docs ([`rules::lookup`]); each finding is a `result` whose
//! `ruleIndex` points at its descriptor. Columns count Unicode code points
//! (`columnKind: unicodeCodePoints`), as every kurso column does. Artifact URIs are the
//! relative, `/`-separated, percent-encoded paths the findings carry (relative to where
//! `kurso` ran). `partialFingerprints["kurso/v1"]` (rule, locale, path, ID) lets a dashboard
//! follow a finding when lines move. Diagnostics (problems with the input) are
//! `toolExecutionNotifications` of the one invocation, which fails when any is an error. With
//! `--rule`/`--level`, `results` holds the shown findings and the run's property bag says
//! what was hidden (`properties["kurso/filter"]`: rules, level, hidden counts by level).

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

use serde_json::{Value, json};

use super::{Hidden, ReportOptions, slash_path};
use crate::check::CheckSummary;
use crate::check::finding::{Finding, Level};
use crate::check::rules;
use crate::diagnostic::{Diagnostic, Severity};
use crate::span::Position;

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// Renders `summary` as a pretty-printed SARIF 2.1.0 log; `hidden` is what the filter left
/// out (a `kurso/filter` entry in the run's property bag says so).
pub fn render_sarif(summary: &CheckSummary, hidden: &Hidden, opts: &ReportOptions) -> String {
    let rule_index: BTreeMap<&str, usize> = {
        let mut codes: Vec<&str> = summary.findings.iter().map(|f| f.rule).collect();
        codes.sort_unstable();
        codes.dedup();
        codes.into_iter().enumerate().map(|(i, c)| (c, i)).collect()
    };
    let mut driver = json!({
        "name": "kurso",
        "version": opts.tool_version,
        "rules": rule_index.keys().map(|code| rule_descriptor(code)).collect::<Vec<_>>(),
    });
    if let Some(uri) = information_uri() {
        driver["informationUri"] = json!(uri);
    }
    let results: Vec<Value> = summary
        .findings
        .iter()
        .map(|finding| result(finding, rule_index[finding.rule]))
        .collect();
    let notifications: Vec<Value> = summary.diagnostics.iter().map(notification).collect();
    let log = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": driver },
            "invocations": [{
                "executionSuccessful": !summary.diagnostics.iter().any(Diagnostic::is_error),
                "toolExecutionNotifications": notifications,
            }],
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    let mut log = log;
    if opts.filter.is_active() {
        log["runs"][0]["properties"] = json!({
            "kurso/filter": {
                "rules": opts.filter.rules,
                "level": opts.filter.level.map(Level::as_str),
                "hidden": hidden,
            },
        });
    }
    let mut out = serde_json::to_string_pretty(&log)
        .expect("a JSON value of strings and numbers always serializes");
    out.push('\n');
    out
}

/// The crate's homepage or repository from `Cargo.toml`, when it names one.
fn information_uri() -> Option<&'static str> {
    [env!("CARGO_PKG_HOMEPAGE"), env!("CARGO_PKG_REPOSITORY")]
        .into_iter()
        .find(|uri| !uri.is_empty())
}

fn sarif_level(level: Level) -> &'static str {
    match level {
        Level::Error => "error",
        Level::Warning => "warning",
        Level::Info => "note",
        Level::Off => "none",
    }
}

fn rule_descriptor(code: &str) -> Value {
    match rules::lookup(code) {
        Some(rule) => json!({
            "id": rule.code,
            "shortDescription": { "text": rule.summary },
            "fullDescription": { "text": rule.docs },
            "help": { "text": rule.docs },
            "defaultConfiguration": { "level": sarif_level(rule.level) },
        }),
        // A code the rule table does not know still gets a descriptor, so `ruleIndex` holds.
        None => json!({ "id": code, "shortDescription": { "text": code } }),
    }
}

fn result(finding: &Finding, rule_index: usize) -> Value {
    let mut properties = json!({ "locale": finding.locale });
    if let Some(id) = &finding.id {
        properties["messageId"] = json!(id);
    }
    if let Some(help) = &finding.help {
        properties["help"] = json!(help);
    }
    let anchor = finding.id.clone().unwrap_or_else(|| {
        finding
            .position
            .map_or_else(String::new, |pos| pos.line.to_string())
    });
    json!({
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": sarif_level(finding.level),
        "message": { "text": finding.message },
        "locations": [location(&finding.path, finding.position, finding.snippet.as_deref())],
        "partialFingerprints": {
            "kurso/v1": format!(
                "{}:{}:{}:{anchor}",
                finding.rule,
                finding.locale,
                slash_path(&finding.path)
            ),
        },
        "properties": properties,
    })
}

fn notification(diagnostic: &Diagnostic) -> Value {
    let level = match diagnostic.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut text = diagnostic.message.clone();
    if let Some(help) = &diagnostic.help {
        let _ = write!(text, " (help: {help})");
    }
    json!({
        "level": level,
        "message": { "text": text },
        "locations": [location(
            &diagnostic.path,
            diagnostic.position,
            diagnostic.source_line.as_deref(),
        )],
    })
}

fn location(path: &Path, position: Option<Position>, snippet: Option<&str>) -> Value {
    let mut physical = json!({ "artifactLocation": { "uri": uri_reference(path) } });
    if let Some(Position { line, column }) = position {
        let mut region = json!({ "startLine": line, "startColumn": column });
        if let Some(snippet) = snippet {
            region["snippet"] = json!({ "text": snippet });
        }
        physical["region"] = region;
    }
    json!({ "physicalLocation": physical })
}

/// `path` as a relative URI reference: `/`-separated, every byte outside RFC 3986's
/// unreserved and path characters percent-encoded (`:` too, so a first segment never reads
/// as a scheme).
fn uri_reference(path: &Path) -> String {
    let mut out = String::new();
    for byte in slash_path(path).bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=@".contains(&byte) {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::tests::{at, finding, stale_el, summary};

    fn parse(summary: &CheckSummary) -> Value {
        let out = render_sarif(summary, &Hidden::default(), &ReportOptions::default());
        serde_json::from_str(&out).expect("render_sarif writes valid JSON")
    }

    fn text<'a>(value: &'a Value, what: &str) -> &'a str {
        value
            .as_str()
            .unwrap_or_else(|| panic!("{what} must be a string, is {value}"))
    }

    /// Every property SARIF 2.1.0 requires, and ruleId/ruleIndex consistency.
    #[track_caller]
    fn assert_valid_sarif(log: &Value) {
        assert_eq!(log["version"], "2.1.0");
        assert_eq!(log["$schema"], SCHEMA);
        let runs = log["runs"].as_array().expect("sarifLog.runs is an array");
        assert_eq!(runs.len(), 1);
        let run = &runs[0];
        let driver = &run["tool"]["driver"];
        assert_eq!(text(&driver["name"], "driver.name"), "kurso");
        let rules = driver["rules"].as_array().expect("driver.rules");
        for rule in rules {
            text(&rule["id"], "reportingDescriptor.id");
            text(&rule["shortDescription"]["text"], "shortDescription.text");
        }
        let mut ids: Vec<&str> = rules.iter().map(|r| text(&r["id"], "id")).collect();
        ids.dedup();
        assert_eq!(ids.len(), rules.len(), "one descriptor per rule");
        for invocation in run["invocations"].as_array().expect("invocations") {
            assert!(invocation["executionSuccessful"].is_boolean());
            for n in invocation["toolExecutionNotifications"]
                .as_array()
                .expect("list")
            {
                text(&n["message"]["text"], "notification.message.text");
            }
        }
        for result in run["results"].as_array().expect("run.results") {
            text(&result["message"]["text"], "result.message.text");
            let index = usize::try_from(result["ruleIndex"].as_u64().expect("ruleIndex"))
                .expect("small index");
            assert_eq!(
                result["ruleId"], rules[index]["id"],
                "ruleIndex points at ruleId"
            );
            let level = text(&result["level"], "level");
            assert!(["none", "note", "warning", "error"].contains(&level));
            for location in result["locations"].as_array().expect("locations") {
                let physical = &location["physicalLocation"];
                let uri = text(&physical["artifactLocation"]["uri"], "uri");
                assert!(!uri.contains('\\') && !uri.starts_with('/'), "{uri}");
                if let Some(region) = physical.get("region") {
                    assert!(region["startLine"].as_u64().expect("startLine") >= 1);
                    assert!(region["startColumn"].as_u64().expect("startColumn") >= 1);
                }
            }
        }
    }

    #[test]
    fn required_fields_and_rule_indices_hold() {
        let s = summary(vec![
            stale_el(),
            at(
                finding("missing", Level::Warning, "el", "locales/el/b.ftl"),
                2,
                1,
                "x",
            ),
            finding("missing-file", Level::Info, "it", "locales/it/c.ftl"),
            at(
                finding("stale", Level::Error, "it", "locales/it/d.ftl"),
                9,
                4,
                "x",
            ),
        ]);
        let log = parse(&s);
        assert_valid_sarif(&log);
        let run = &log["runs"][0];
        let ids: Vec<&Value> = run["tool"]["driver"]["rules"]
            .as_array()
            .expect("rules")
            .iter()
            .map(|r| &r["id"])
            .collect();
        assert_eq!(
            ids,
            [&json!("missing"), &json!("missing-file"), &json!("stale")]
        );
        let stale = &run["tool"]["driver"]["rules"][2];
        assert_eq!(
            stale["shortDescription"]["text"],
            rules::stale::RULE.summary
        );
        assert_eq!(stale["help"]["text"], rules::stale::RULE.docs);
        assert_eq!(stale["defaultConfiguration"]["level"], "error");
        let levels: Vec<&Value> = run["results"]
            .as_array()
            .expect("results")
            .iter()
            .map(|r| &r["level"])
            .collect();
        assert_eq!(
            levels,
            [
                &json!("error"),
                &json!("warning"),
                &json!("note"),
                &json!("error")
            ]
        );
    }

    #[test]
    fn result_location_region_and_fingerprint() {
        let log = parse(&summary(vec![
            stale_el(),
            finding("missing-file", Level::Error, "it", "locales/it/c d.ftl"),
        ]));
        let results = &log["runs"][0]["results"];
        let physical = &results[0]["locations"][0]["physicalLocation"];
        assert_eq!(physical["artifactLocation"]["uri"], "locales/el/course.ftl");
        assert_eq!(physical["region"]["startLine"], 3);
        assert_eq!(physical["region"]["startColumn"], 1);
        assert_eq!(
            physical["region"]["snippet"]["text"],
            "dose = Δώστε 5 mg τώρα"
        );
        assert_eq!(
            results[0]["partialFingerprints"]["kurso/v1"],
            "stale:el:locales/el/course.ftl:dose"
        );
        assert_eq!(results[0]["properties"]["messageId"], "dose");
        let no_position = &results[1]["locations"][0]["physicalLocation"];
        assert_eq!(
            no_position["artifactLocation"]["uri"],
            "locales/it/c%20d.ftl"
        );
        assert!(no_position.get("region").is_none());
        assert_eq!(log["runs"][0]["columnKind"], "unicodeCodePoints");
    }

    #[test]
    fn error_diagnostics_fail_the_invocation() {
        let mut s = summary(Vec::new());
        assert_eq!(
            parse(&s)["runs"][0]["invocations"][0]["executionSuccessful"],
            true
        );
        s.diagnostics.push(Diagnostic::file_error(
            Path::new("a.state.toml"),
            "cannot read",
        ));
        let log = parse(&s);
        assert_valid_sarif(&log);
        let invocation = &log["runs"][0]["invocations"][0];
        assert_eq!(invocation["executionSuccessful"], false);
        assert_eq!(
            invocation["toolExecutionNotifications"][0]["message"]["text"],
            "cannot read"
        );
    }

    #[test]
    fn uri_reference_percent_encodes_non_ascii_and_colons() {
        assert_eq!(uri_reference(Path::new("el/δ:x.ftl")), "el/%CE%B4%3Ax.ftl");
    }

    #[test]
    fn a_filter_keeps_only_shown_results_and_says_what_it_hid() {
        let opts = ReportOptions {
            filter: crate::report::Filter {
                rules: Vec::new(),
                level: Some(Level::Error),
                quiet: false,
            },
            ..ReportOptions::default()
        };
        let s = summary(vec![
            stale_el(),
            finding("missing", Level::Warning, "el", "locales/el/b.ftl"),
        ]);
        let log: Value = serde_json::from_str(&crate::report::render(
            crate::report::Format::Sarif,
            &s,
            &opts,
        ))
        .expect("valid JSON");
        assert_valid_sarif(&log);
        let run = &log["runs"][0];
        assert_eq!(run["results"].as_array().map(Vec::len), Some(1));
        assert_eq!(run["results"][0]["ruleId"], "stale");
        assert_eq!(
            run["properties"]["kurso/filter"],
            json!({"rules": [], "level": "error",
                   "hidden": {"errors": 0, "warnings": 1, "infos": 0}})
        );
        assert!(parse(&s)["runs"][0].get("properties").is_none());
    }
}
