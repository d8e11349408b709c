//! `kurso check` against compare-locales 9.0.5 on real Fluent: the Thunderbird pair in
//! `../shared/corpora/fluent/thunderbird` (English reference `en-US`, seven translations).
//!
//! Invariant: per locale, kurso counts the same missing entries, missing files, obsolete
//! entries and obsolete files as compare-locales, and reports as `missing` findings with a
//! place the same missing attributes compare-locales reports as errors. The expected numbers
//! are the table of `shared/corpora/README.md`, produced with
//! `compare-locales --json out.json l10n.toml . LOCALE`. What compare-locales counts, read from
//! its JSON and source: terms (`-brand`) and messages without a value are entries like any
//! other; every entry of a missing file counts as missing; an obsolete file counts as one file
//! and its entries are not obsolete entries; a missing attribute is an error, not missing.
//! `thunderbird_parity.rs` compares the findings themselves with compare-locales' report.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use kurso::check::{CheckOptions, CheckSummary, Layout, check, file_counts, totals};

pub(crate) const LOCALES: [&str; 7] = ["el", "hu", "it", "lt", "ro", "fi", "tr"];

/// One locale's counts, as compare-locales names them.
#[derive(Debug, PartialEq, Eq)]
struct Counts {
    locale: &'static str,
    missing: usize,
    missing_files: usize,
    obsolete: usize,
    obsolete_files: usize,
    /// compare-locales' errors: all "missing attribute: title" on this corpus.
    missing_attributes: usize,
}

const fn counts(
    locale: &'static str,
    [
        missing,
        missing_files,
        obsolete,
        obsolete_files,
        missing_attributes,
    ]: [usize; 5],
) -> Counts {
    Counts {
        locale,
        missing,
        missing_files,
        obsolete,
        obsolete_files,
        missing_attributes,
    }
}

/// compare-locales 9.0.5 on the corpus (README table: missing, missing files, obsolete,
/// obsolete files, errors).
const COMPARE_LOCALES: [Counts; 7] = [
    counts("el", [12, 0, 98, 4, 10]),
    counts("hu", [12, 0, 110, 4, 10]),
    counts("it", [12, 0, 113, 4, 10]),
    counts("lt", [1773, 19, 31, 3, 3]),
    counts("ro", [12, 0, 113, 4, 10]),
    counts("fi", [236, 1, 31, 3, 3]),
    counts("tr", [32, 1, 89, 3, 10]),
];

/// The corpus folder; fails (never skips) when it is not there.
pub(crate) fn thunderbird() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora/fluent/thunderbird");
    assert!(
        root.join("en-US").is_dir() && LOCALES.iter().all(|l| root.join(l).is_dir()),
        "the Thunderbird corpus is expected at {} (en-US and {} folders); \
         it ships in shared/corpora beside the repository",
        root.display(),
        LOCALES.join(", ")
    );
    root
}

/// Runs the engine once for all tests, as `kurso check --reference …/en-US --l10n … LOCALES`.
pub(crate) fn summary() -> &'static CheckSummary {
    static SUMMARY: OnceLock<CheckSummary> = OnceLock::new();
    let root = thunderbird();
    SUMMARY.get_or_init(|| check_dirs(&root.join("en-US"), &root, &LOCALES))
}

fn check_dirs(reference: &Path, l10n: &Path, locales: &[&str]) -> CheckSummary {
    let locales: Vec<String> = locales.iter().map(|l| (*l).to_owned()).collect();
    let tree = Layout::generic(reference, l10n, &locales)
        .expect("the layout is valid")
        .load();
    check(&tree, &CheckOptions::default())
}

/// kurso's counts in compare-locales' terms. A `missing` finding with a place in the
/// translation is a missing attribute of a translated message; a missing entry has no place.
fn kurso_counts(summary: &CheckSummary, locale: &'static str) -> Counts {
    let stats = totals(&summary.stats);
    let files = file_counts(&summary.stats);
    let entries = &stats[locale];
    let (missing_files, obsolete_files) = files[locale];
    Counts {
        locale,
        missing: entries.missing,
        missing_files,
        obsolete: entries.obsolete,
        obsolete_files,
        missing_attributes: summary
            .findings
            .iter()
            .filter(|f| f.locale == locale && f.rule == "missing" && f.position.is_some())
            .count(),
    }
}

#[test]
fn counts_match_compare_locales_per_locale() {
    let summary = summary();
    assert_eq!(summary.locales, LOCALES);
    let got: Vec<Counts> = LOCALES
        .iter()
        .map(|locale| kurso_counts(summary, locale))
        .collect();
    assert_eq!(got, COMPARE_LOCALES);
}

#[test]
fn corpus_parses_and_reads_cleanly() {
    let summary = summary();
    assert!(summary.diagnostics.is_empty(), "{:#?}", summary.diagnostics);
    let broken: Vec<_> = summary
        .findings
        .iter()
        .filter(|f| f.rule == "syntax" || f.rule == "duplicate")
        .collect();
    assert!(broken.is_empty(), "{broken:#?}");
    // 159 English files, checked in each locale.
    let english = summary
        .stats
        .iter()
        .filter(|s| s.locale == "el" && !s.obsolete_file)
        .count();
    assert_eq!(english, 159);
}

#[test]
fn same_files_missing_and_obsolete_as_compare_locales() {
    let summary = summary();
    let files = |locale: &str, obsolete: bool| -> Vec<&str> {
        summary
            .stats
            .iter()
            .filter(|s| {
                s.locale == locale && (s.obsolete_file, s.missing_file) == (obsolete, !obsolete)
            })
            .map(|s| s.rel_path.as_str())
            .collect()
    };
    assert_eq!(
        files("el", true),
        [
            "calendar/calendar/calendar-itip.ftl",
            "mail/messenger/openpgp/keyImportInfo.ftl",
            "mail/messenger/removeAccount.ftl",
            "mail/messenger/tb-banner.ftl",
        ]
    );
    assert_eq!(files("fi", false), ["mail/messenger/imAccounts.ftl"]);
    assert_eq!(files("tr", false), ["mail/messenger/imAccounts.ftl"]);
    // The 19 files lt lacks hold 255 of its 1,773 missing entries.
    let lt_missing_files: usize = summary
        .stats
        .iter()
        .filter(|s| s.locale == "lt" && s.missing_file)
        .map(|s| s.missing)
        .sum();
    assert_eq!(lt_missing_files, 255);
    // compare-locales' errors are all `.title` missing on `account-hub-result-*`.
    for finding in summary
        .findings
        .iter()
        .filter(|f| f.rule == "missing" && f.position.is_some())
    {
        let id = finding.id.as_deref().unwrap_or_default();
        assert!(
            id.starts_with("account-hub-result-") && finding.message.contains(".title"),
            "{finding:#?}"
        );
    }
}

/// Translations whose `$variable` is misspelt or renamed: Fluent leaves the placeholder
/// unfilled at run time. compare-locales 9.0.5 reports none of these.
const BROKEN_VARIABLES: [(&str, &str); 3] = [
    // `{ $UserId }` for `{ $userId }` (variables are case-sensitive).
    ("tr", "key-ring-sign-sub-keys-revoked"),
    // The variable itself translated: `{ $tiedostonimen }` for `{ $filename }`.
    ("fi", "cloud-file-upload-error-with-custom-message-title"),
    // `{ $errorMsg }` for `{ $errorCode }`.
    ("hu", "configured-cert-failure-use-anyway-v2"),
];

#[test]
fn finds_broken_variables_compare_locales_misses() {
    let summary = summary();
    for (locale, id) in BROKEN_VARIABLES {
        assert!(
            summary.findings.iter().any(|f| f.rule == "variables"
                && f.locale == locale
                && f.id.as_deref() == Some(id)),
            "no `variables` finding for {locale} `{id}`"
        );
    }
}

/// Regression: kurso counted the entries of an obsolete file as obsolete entries too
/// (98 + 106 for el), where compare-locales counts the file once. A miniature of what
/// compare-locales 9.0.5 reports (missing 4, obsolete 1, one missing and one obsolete file,
/// one missing-attribute error).
#[test]
fn obsolete_file_counts_once_and_terms_count_as_entries() {
    let dir = tempfile::tempdir().expect("temp dir");
    let write = |rel: &str, text: &str| {
        let path = dir.path().join(rel);
        std::fs::create_dir_all(path.parent().expect("has parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    };
    write(
        "en-US/a.ftl",
        "-brand = Brand\nnoval =\n    .label = L\nplain = P\nwith-attr = V\n    .title = T\n",
    );
    write("en-US/b.ftl", "-brand = B\nx = y\n");
    write("el/a.ftl", "plain = P\nwith-attr = V\nold = O\n");
    write("el/orphan.ftl", "o1 = 1\no2 = 2\n");
    let summary = check_dirs(&dir.path().join("en-US"), dir.path(), &["el"]);
    assert_eq!(kurso_counts(&summary, "el"), counts("el", [4, 1, 1, 1, 1]));
}
