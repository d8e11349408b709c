//! The `junit` format: the XML of `JUnit` test reports, which CI systems (GitLab, Jenkins,
//! Azure, test-report actions) display; one test suite per locale, one test case per finding.
//!
//! ```text
//! <testsuites name="kurso check" tests="2" failures="2" errors="0">
//!   <testsuite name="kurso check el" tests="2" failures="2" errors="0" skipped="0">
//!     <testcase classname="locales/el/course.ftl" name="stale dose" file="…" line="3">
//!       <failure message="the English of `dose` changed…" type="stale">…</failure>
//!     </testcase>
//! ```
//!
//! `JUnit` has no warnings, so **errors and warnings are both `<failure>`s**: a CI report then
//! lists every finding the human format shows as error or warning, whatever `--fail-on` makes
//! the exit code. Info findings are passing test cases with the text in `<system-out>`. A
//! locale without findings is an empty suite (`tests="0"`). Diagnostics (problems with the
//! input) form a last suite, `kurso input`: error diagnostics are `<error>`s, warnings
//! `<failure>`s. Text is escaped for XML 1.0: `& < > " '` as entities, line breaks and tabs
//! in attributes as character references (so parsers keep them), and characters XML 1.0
//! cannot hold as U+FFFD.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::human::plain_diff;
use super::{locale_counts, slash_path};
use crate::check::CheckSummary;
use crate::check::finding::{Finding, Level};
use crate::diagnostic::Severity;

/// Renders `summary` as a `JUnit` XML document.
pub fn render_junit(summary: &CheckSummary) -> String {
    let mut by_locale: BTreeMap<String, Vec<&Finding>> = locale_counts(summary)
        .into_keys()
        .map(|locale| (locale, Vec::new()))
        .collect();
    for finding in &summary.findings {
        by_locale
            .entry(finding.locale.clone())
            .or_default()
            .push(finding);
    }
    let input_errors = summary.diagnostics.iter().filter(|d| d.is_error()).count();
    let tests = summary.findings.len() + summary.diagnostics.len();
    let failures = summary.findings.iter().filter(|f| is_failure(f)).count()
        + (summary.diagnostics.len() - input_errors);

    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"kurso check\" tests=\"{tests}\" failures=\"{failures}\" errors=\"{input_errors}\">"
    );
    for (locale, findings) in &by_locale {
        let _ = writeln!(
            out,
            "  <testsuite name=\"kurso check {}\" tests=\"{}\" failures=\"{}\" errors=\"0\" skipped=\"0\">",
            attr(locale),
            findings.len(),
            findings.iter().filter(|f| is_failure(f)).count()
        );
        for finding in findings {
            write_testcase(&mut out, finding);
        }
        out.push_str("  </testsuite>\n");
    }
    if !summary.diagnostics.is_empty() {
        let _ = writeln!(
            out,
            "  <testsuite name=\"kurso input\" tests=\"{}\" failures=\"{}\" errors=\"{input_errors}\" skipped=\"0\">",
            summary.diagnostics.len(),
            summary.diagnostics.len() - input_errors
        );
        for diagnostic in &summary.diagnostics {
            let element = match diagnostic.severity {
                Severity::Error => "error",
                Severity::Warning => "failure",
            };
            let path = slash_path(&diagnostic.path);
            let _ = writeln!(
                out,
                "    <testcase classname=\"{}\" name=\"input\" file=\"{}\"{}>",
                attr(&path),
                attr(&path),
                line_attr(diagnostic.position.map(|p| p.line))
            );
            let mut body = diagnostic.to_string();
            body.push('\n');
            let _ = writeln!(
                out,
                "      <{element} message=\"{}\" type=\"input\">{}</{element}>",
                attr(&diagnostic.message),
                text(&body)
            );
            out.push_str("    </testcase>\n");
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    out
}

fn write_testcase(out: &mut String, finding: &Finding) {
    let path = slash_path(&finding.path);
    let name = match &finding.id {
        Some(id) => format!("{} {id}", finding.rule),
        None => finding.rule.to_owned(),
    };
    let _ = writeln!(
        out,
        "    <testcase classname=\"{}\" name=\"{}\" file=\"{}\"{}>",
        attr(&path),
        attr(&name),
        attr(&path),
        line_attr(finding.position.map(|p| p.line))
    );
    let body = failure_text(finding);
    if is_failure(finding) {
        let _ = writeln!(
            out,
            "      <failure message=\"{}\" type=\"{}\">{}</failure>",
            attr(&finding.message),
            attr(finding.rule),
            text(&body)
        );
    } else {
        let _ = writeln!(out, "      <system-out>{}</system-out>", text(&body));
    }
    out.push_str("    </testcase>\n");
}

/// Errors and warnings are failures; `JUnit` has no warnings.
fn is_failure(finding: &Finding) -> bool {
    matches!(finding.level, Level::Error | Level::Warning)
}

fn line_attr(line: Option<usize>) -> String {
    line.map_or_else(String::new, |line| format!(" line=\"{line}\""))
}

/// The text of a finding, as the human format shows it without the snippet.
fn failure_text(finding: &Finding) -> String {
    let mut body = format!(
        "{}: {}[{}]: {}\n",
        finding.location(),
        finding.level,
        finding.rule,
        finding.message
    );
    if let Some(reference) = &finding.reference {
        let _ = writeln!(body, "english: {reference}");
    }
    if let Some(diff) = &finding.diff {
        let _ = writeln!(body, "english changed: {}", plain_diff(diff));
    }
    if let Some(translation) = &finding.translation {
        let _ = writeln!(body, "translation: {translation}");
    }
    if let Some(help) = &finding.help {
        let _ = writeln!(body, "help: {help}");
    }
    body
}

/// Escapes element text.
fn text(raw: &str) -> String {
    escape(raw, false)
}

/// Escapes an attribute value (written between double quotes).
fn attr(raw: &str) -> String {
    escape(raw, true)
}

fn escape(raw: &str, attribute: bool) -> String {
    let mut out = String::with_capacity(raw.len());
    for ch in raw.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\'' if attribute => out.push_str("&apos;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\r' => out.push_str("&#13;"),
            '\t' | '\n' => out.push(ch),
            ch if ch < ' ' || ch == '\u{fffe}' || ch == '\u{ffff}' => out.push('\u{fffd}'),
            ch => out.push(ch),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use quick_xml::escape::resolve_predefined_entity;
    use quick_xml::events::Event;
    use quick_xml::{Reader, XmlVersion};

    use super::*;
    use crate::diagnostic::Diagnostic;
    use crate::report::tests::{at, finding, stale_el, summary};

    /// An element parsed back with quick-xml: name, attributes, text, children.
    #[derive(Debug, Default)]
    struct Node {
        name: String,
        attrs: BTreeMap<String, String>,
        text: String,
        children: Vec<Node>,
    }

    impl Node {
        fn attr(&self, key: &str) -> &str {
            self.attrs.get(key).map_or("", String::as_str)
        }
    }

    fn element(e: &quick_xml::events::BytesStart<'_>) -> Node {
        let mut node = Node {
            name: String::from_utf8(e.name().as_ref().to_vec()).expect("utf-8 name"),
            ..Node::default()
        };
        for a in e.attributes() {
            let a = a.expect("well-formed attribute");
            let key = String::from_utf8(a.key.as_ref().to_vec()).expect("utf-8 key");
            let value = a.normalized_value(XmlVersion::Explicit1_0).expect("value");
            node.attrs.insert(key, value.into_owned());
        }
        node
    }

    fn parse(xml: &str) -> Node {
        let mut reader = Reader::from_str(xml);
        let mut stack = vec![Node::default()];
        loop {
            let event = reader.read_event().expect("well-formed XML");
            let top = stack.last_mut().expect("root");
            match event {
                Event::Start(e) => stack.push(element(&e)),
                Event::Empty(e) => top.children.push(element(&e)),
                Event::End(_) => {
                    let done = stack.pop().expect("open element");
                    stack.last_mut().expect("parent").children.push(done);
                }
                Event::Text(t) => top.text.push_str(&t.xml10_content().expect("text")),
                Event::GeneralRef(r) => {
                    if let Some(ch) = r.resolve_char_ref().expect("char ref") {
                        top.text.push(ch);
                    } else {
                        let name = r.decode().expect("entity name");
                        let resolved = resolve_predefined_entity(&name).expect("predefined");
                        top.text.push_str(resolved);
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        assert_eq!(stack.len(), 1, "every element closed");
        let mut document = stack.pop().expect("document");
        assert_eq!(document.children.len(), 1, "one root element");
        document.children.pop().expect("root")
    }

    #[test]
    fn one_suite_per_locale_one_case_per_finding_warnings_fail() {
        let s = summary(vec![
            stale_el(),
            at(
                finding("unverified", Level::Warning, "el", "locales/el/b.ftl"),
                4,
                1,
                "x",
            ),
            finding("obsolete-file", Level::Info, "it", "locales/it/c.ftl"),
        ]);
        let root = parse(&render_junit(&s));
        assert_eq!(root.name, "testsuites");
        assert_eq!((root.attr("tests"), root.attr("failures")), ("3", "2"));
        let suites: Vec<(&str, &str, &str)> = root
            .children
            .iter()
            .map(|s| (s.attr("name"), s.attr("tests"), s.attr("failures")))
            .collect();
        assert_eq!(
            suites,
            [("kurso check el", "2", "2"), ("kurso check it", "1", "0")]
        );
        let stale = &root.children[0].children[0];
        assert_eq!(stale.name, "testcase");
        assert_eq!(stale.attr("classname"), "locales/el/course.ftl");
        assert_eq!(stale.attr("name"), "stale dose");
        assert_eq!(stale.attr("line"), "3");
        let failure = &stale.children[0];
        assert_eq!(failure.name, "failure");
        assert_eq!(failure.attr("type"), "stale");
        assert!(
            failure
                .text
                .contains("english changed: Give [-5-]{+50+} mg now\n")
        );
        assert!(failure.text.contains("translation: Δώστε 5 mg τώρα\n"));
        assert_eq!(root.children[0].children[1].children[0].name, "failure");
        let info = &root.children[1].children[0];
        assert_eq!(info.children[0].name, "system-out");
    }

    #[test]
    fn escapes_markup_quotes_and_newlines() {
        let mut f = finding("syntax", Level::Error, "el", "a&b.ftl");
        f.message = "expected \"<\" & 'x'\nthen ]]> y".to_owned();
        f.id = Some("a<b".to_owned());
        let xml = render_junit(&summary(vec![f]));
        let case = &parse(&xml).children[0].children[0];
        assert_eq!(case.attr("classname"), "a&b.ftl");
        assert_eq!(case.attr("name"), "syntax a<b");
        let failure = &case.children[0];
        assert_eq!(failure.attr("message"), "expected \"<\" & 'x'\nthen ]]> y");
        assert_eq!(
            failure.text,
            "a&b.ftl: error[syntax]: expected \"<\" & 'x'\nthen ]]> y\n"
        );
    }

    #[test]
    fn control_characters_become_replacement_characters() {
        assert_eq!(text("a\u{1b}b\u{0}"), "a\u{fffd}b\u{fffd}");
        assert_eq!(attr("a\tb\r"), "a&#9;b&#13;");
    }

    #[test]
    fn clean_locales_are_empty_suites_and_diagnostics_a_last_suite() {
        let mut s = summary(Vec::new());
        s.locales = vec!["it".to_owned()];
        s.diagnostics.push(Diagnostic::file_error(
            Path::new("a.state.toml"),
            "cannot read",
        ));
        s.diagnostics
            .push(Diagnostic::file_error(Path::new("b.state.toml"), "odd").warning());
        let root = parse(&render_junit(&s));
        assert_eq!(
            (
                root.attr("tests"),
                root.attr("failures"),
                root.attr("errors")
            ),
            ("2", "1", "1")
        );
        let names: Vec<&str> = root.children.iter().map(|s| s.attr("name")).collect();
        assert_eq!(names, ["kurso check it", "kurso input"]);
        assert_eq!(root.children[0].attr("tests"), "0");
        let input = &root.children[1];
        assert_eq!(input.children[0].children[0].name, "error");
        assert_eq!(input.children[1].children[0].name, "failure");
        assert_eq!(input.children[0].attr("classname"), "a.state.toml");
    }
}
