//! kurso's findings on the Thunderbird corpus against compare-locales 9.0.5's own report
//! (`../shared/corpora/fluent/thunderbird/compare-locales-9.0.5.json`), item by item: for
//! every locale, the same missing and obsolete entries (by file and ID), missing and obsolete
//! files, missing attributes (at the same line and column), missing plural categories and
//! missing term references. Where the two tools differ, the difference is listed below with
//! its reason, and each listed difference must still occur (so a fixed one is noticed).
//!
//! compare-locales' JSON, as 9.0.5 writes it: `[{"details": {LOCALE: TREE}, "summary": …}]`,
//! where TREE maps folder names (sometimes several joined with `/`) down to a file name,
//! whose value is a list of one-key objects: `missingEntity`/`obsoleteEntity` (the ID),
//! `missingFile`/`obsoleteFile` (the level), `error`/`warning` (a sentence ending in
//! `at line L, column C for ID`). Entries of a missing file are not listed one by one.

use std::collections::BTreeSet;
use std::path::Path;

use kurso::check::CheckSummary;
use kurso::check::finding::Finding;
use serde_json::Value;

use crate::thunderbird::{LOCALES, summary, thunderbird};

/// One finding in terms both tools share.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
struct Item {
    locale: String,
    kind: Kind,
    /// Relative to the locale folder, `/`-separated.
    path: String,
    /// The entry's ID; none for a file.
    id: Option<String>,
    /// What the kind needs besides: the attribute and `line:col` of a missing attribute, a
    /// plural category, a term.
    detail: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    MissingEntry,
    ObsoleteEntry,
    MissingFile,
    ObsoleteFile,
    MissingAttribute,
    ObsoleteAttribute,
    /// A plural category the locale needs and a select lacks.
    MissingPlural,
    /// A term the English message uses and the translation does not.
    MissingTerm,
    /// A term the translation uses and the English message does not.
    ExtraTerm,
    /// A `{ message }` reference the locale cannot resolve.
    UnresolvedMessage,
}

/// A known difference: items only one tool reports, and why.
struct Difference {
    /// Reported by kurso only (else by compare-locales only).
    kurso_only: bool,
    /// Which items it covers.
    covers: fn(&Item) -> bool,
    reason: &'static str,
}

const DIFFERENCES: [Difference; 3] = [
    Difference {
        kurso_only: true,
        covers: |item| {
            item.locale == "lt"
                && item.kind == Kind::MissingPlural
                && item.detail.as_deref() == Some("many")
        },
        reason: "kurso takes a locale's plural categories from CLDR, which fluent-bundle \
                 selects with: Lithuanian has `many` (fractions: 0.5, 1.5). compare-locales \
                 9.0.5 uses Gecko's plural rule 6 for lt (one, few, other), so a select \
                 without [many] falls to *[other] at run time unnoticed",
    },
    Difference {
        kurso_only: false,
        covers: |item| item.kind == Kind::ExtraTerm,
        reason: "kurso reports a term reference only when the English uses it and the \
                 translation does not, or when it does not resolve; a translation that names \
                 the product where the English does not (these five) is left to the \
                 translator",
    },
    Difference {
        kurso_only: true,
        covers: |item| item.kind == Kind::UnresolvedMessage,
        reason: "compare-locales does not check that `{ message }` references resolve in the \
                 locale; kurso does, since the reader would see `{message-id}`",
    },
];

/// kurso rules with no counterpart in compare-locales 9.0.5, and why.
const KURSO_ONLY_RULES: [(&str, &str); 7] = [
    (
        "variables",
        "compare-locales does not check `$variables` (its README says so)",
    ),
    (
        "markup",
        "compare-locales does not compare links, code or tags inside values",
    ),
    ("numbers", "compare-locales does not compare numbers"),
    ("length", "compare-locales does not compare lengths"),
    ("empty", "compare-locales does not report empty values"),
    (
        "untranslated",
        "compare-locales counts copies of the English (`unchanged`), without a finding",
    ),
    ("runtime", "compare-locales does not format messages"),
];

fn item(locale: &str, kind: Kind, path: &str, id: Option<&str>, detail: Option<String>) -> Item {
    Item {
        locale: locale.to_owned(),
        kind,
        path: path.to_owned(),
        id: id.map(str::to_owned),
        detail,
    }
}

// ---------------------------------------------------------------------------------------
// compare-locales' side
// ---------------------------------------------------------------------------------------

fn compare_locales_items() -> BTreeSet<Item> {
    let file = thunderbird().join("compare-locales-9.0.5.json");
    let text =
        std::fs::read_to_string(&file).unwrap_or_else(|err| panic!("{}: {err}", file.display()));
    let report: Value = serde_json::from_str(&text).expect("compare-locales wrote JSON");
    let details = &report[0]["details"];
    let mut items = BTreeSet::new();
    for locale in LOCALES {
        let tree = &details[locale];
        assert!(
            tree.is_object(),
            "no details for {locale} in {}",
            file.display()
        );
        walk(locale, tree, "", &mut items);
    }
    items
}

fn walk(locale: &str, tree: &Value, prefix: &str, items: &mut BTreeSet<Item>) {
    match tree {
        Value::Object(children) => {
            for (name, child) in children {
                let path = if prefix.is_empty() {
                    name.clone()
                } else {
                    format!("{prefix}/{name}")
                };
                walk(locale, child, &path, items);
            }
        }
        Value::Array(entries) => {
            for entry in entries {
                let (key, value) = entry
                    .as_object()
                    .and_then(|object| object.iter().next())
                    .expect("a one-key object");
                let value = value.as_str().expect("a string");
                items.extend(compare_locales_entry(locale, prefix, key, value));
            }
        }
        other => panic!("unexpected {other} in compare-locales' details"),
    }
}

fn compare_locales_entry(locale: &str, path: &str, key: &str, value: &str) -> Vec<Item> {
    let one = |kind, id, detail| vec![item(locale, kind, path, id, detail)];
    match key {
        "missingEntity" => one(Kind::MissingEntry, Some(value), None),
        "obsoleteEntity" => one(Kind::ObsoleteEntry, Some(value), None),
        "missingFile" => one(Kind::MissingFile, None, None),
        "obsoleteFile" => one(Kind::ObsoleteFile, None, None),
        "error" | "warning" => {
            // `WHAT: DETAIL at line L, column C for ID`
            let (text, id) = value.rsplit_once(" for ").expect("`for ID`");
            let (text, place) = text.rsplit_once(" at line ").expect("`at line`");
            let (what, detail) = text.split_once(": ").expect("`WHAT: DETAIL`");
            let (line, column) = place.split_once(", column ").expect("`, column`");
            match what {
                "Missing attribute" => one(
                    Kind::MissingAttribute,
                    Some(id),
                    Some(format!("{detail}@{line}:{column}")),
                ),
                "Plural categories missing" => detail
                    .split(", ")
                    .map(|category| {
                        item(
                            locale,
                            Kind::MissingPlural,
                            path,
                            Some(id),
                            Some(category.to_owned()),
                        )
                    })
                    .collect(),
                "Missing term reference" => {
                    one(Kind::MissingTerm, Some(id), Some(detail.to_owned()))
                }
                "Obsolete term reference" => {
                    one(Kind::ExtraTerm, Some(id), Some(detail.to_owned()))
                }
                other => panic!("compare-locales reports `{other}`, which this test does not know"),
            }
        }
        other => panic!("compare-locales reports `{other}`, which this test does not know"),
    }
}

// ---------------------------------------------------------------------------------------
// kurso's side
// ---------------------------------------------------------------------------------------

/// The text between the first pair of backticks after `after` in `message`.
fn quoted<'a>(message: &'a str, after: &str) -> &'a str {
    let rest = &message[message
        .find(after)
        .unwrap_or_else(|| panic!("`{after}` in {message}"))..];
    let start = rest.find('`').expect("a quoted name") + 1;
    let end = start + rest[start..].find('`').expect("a closing backtick");
    &rest[start..end]
}

/// `finding` in the shared terms; `None` for rules compare-locales has no counterpart of.
fn kurso_item(root: &Path, finding: &Finding) -> Option<Item> {
    let locale = finding.locale.as_str();
    let path = finding
        .path
        .strip_prefix(root.join(locale))
        .unwrap_or_else(|_| panic!("{} is not under {locale}", finding.path.display()))
        .to_string_lossy()
        .replace('\\', "/");
    let id = finding.id.as_deref();
    let message = finding.message.as_str();
    let (kind, detail) = match (finding.rule, &finding.position) {
        ("missing", None) => (Kind::MissingEntry, None),
        ("missing", Some(position)) => (
            Kind::MissingAttribute,
            Some(format!(
                "{}@{}:{}",
                quoted(message, "attribute").trim_start_matches('.'),
                position.line,
                position.column
            )),
        ),
        ("obsolete", _) if message.starts_with("attribute") => (
            Kind::ObsoleteAttribute,
            Some(quoted(message, "attribute").to_owned()),
        ),
        ("obsolete", _) => (Kind::ObsoleteEntry, None),
        ("missing-file", _) => (Kind::MissingFile, None),
        ("obsolete-file", _) => (Kind::ObsoleteFile, None),
        ("plurals", _) => (
            Kind::MissingPlural,
            Some(quoted(message, "category").to_owned()),
        ),
        ("references", _) if message.starts_with("the English uses") => {
            let term = quoted(message, "uses");
            let term = term.trim_start_matches("{ ").trim_end_matches(" }");
            (Kind::MissingTerm, Some(term.to_owned()))
        }
        ("references", _) => (
            Kind::UnresolvedMessage,
            Some(quoted(message, "").to_owned()),
        ),
        (rule, _) => {
            assert!(
                KURSO_ONLY_RULES.iter().any(|(code, _)| *code == rule),
                "kurso's `{rule}` rule is neither compared with compare-locales nor listed \
                 in KURSO_ONLY_RULES: {finding:#?}"
            );
            return None;
        }
    };
    Some(item(locale, kind, &path, id, detail))
}

fn kurso_items(summary: &CheckSummary) -> BTreeSet<Item> {
    let root = thunderbird();
    summary
        .findings
        .iter()
        .filter(|finding| finding.locale != "en-US")
        .filter_map(|finding| kurso_item(&root, finding))
        .collect()
}

// ---------------------------------------------------------------------------------------
// The comparison
// ---------------------------------------------------------------------------------------

fn show(items: &[&Item]) -> String {
    items
        .iter()
        .map(|item| format!("  {item:?}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn findings_match_compare_locales_item_by_item() {
    let expected = compare_locales_items();
    let got = kurso_items(summary());
    for locale in LOCALES {
        assert!(
            expected.iter().any(|item| item.locale == locale),
            "compare-locales reports nothing for {locale}: the report was not read"
        );
    }
    let mut unexplained = Vec::new();
    let mut explained = vec![0_usize; DIFFERENCES.len()];
    for (kurso_only, items) in [
        (true, got.difference(&expected).collect::<Vec<_>>()),
        (false, expected.difference(&got).collect::<Vec<_>>()),
    ] {
        for item in items {
            match DIFFERENCES
                .iter()
                .position(|d| d.kurso_only == kurso_only && (d.covers)(item))
            {
                Some(index) => explained[index] += 1,
                None => unexplained.push((kurso_only, item)),
            }
        }
    }
    let only = |kurso_only: bool| -> Vec<&Item> {
        unexplained
            .iter()
            .filter(|(k, _)| *k == kurso_only)
            .map(|(_, item)| *item)
            .collect()
    };
    assert!(
        unexplained.is_empty(),
        "kurso only:\n{}\ncompare-locales only:\n{}",
        show(&only(true)),
        show(&only(false))
    );
    for (difference, n) in DIFFERENCES.iter().zip(&explained) {
        assert!(
            *n > 0,
            "this difference no longer occurs: {}",
            difference.reason
        );
    }
    // The figures of each difference, so a change in either tool is noticed.
    assert_eq!(explained, [84, 5, 1], "items per listed difference");
    // And what both report, per kind.
    let shared = |kind: Kind| {
        got.intersection(&expected)
            .filter(|i| i.kind == kind)
            .count()
    };
    assert_eq!(
        [
            Kind::MissingEntry,
            Kind::ObsoleteEntry,
            Kind::MissingFile,
            Kind::ObsoleteFile,
            Kind::MissingAttribute,
            Kind::MissingPlural,
            Kind::MissingTerm,
        ]
        .map(shared),
        [1832, 585, 21, 25, 56, 32, 2]
    );
}
