//! `kurso export` and `kurso import` end to end, through the real binary: packets of the
//! sample filled the way a translator fills them (`edit`), sent through what memoQ, Trados
//! Studio, Phrase, an XLIFF 2.0 tool and Poedit do to a file (`tools`), and imported; stale,
//! refused and broken input; export's own options; plurals.

mod edit;
mod options;
mod plurals;
mod refused;
mod round_trip;
mod tool_rewrites;
mod tools;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use kurso::check::doc::FtlDoc;
use kurso::state::{Record, StateFile};

use crate::support::{Run, TestProject};

/// The Italian oncology module: complete, with one stale translation (`STALE_ID`).
pub const ONCOLOGY_01: &str = "digicantrain-oncology/01-remote-symptom-monitoring.ftl";
/// The message whose English changed after Italian and Greek translated it.
pub const STALE_ID: &str = "first-line-advice-on-symptoms-td10";
/// Its English today and an Italian for it.
pub const STALE_ENGLISH: &str = "Not before assessment in patients on immune checkpoint inhibitors; not when there is blood in the stool";
pub const STALE_ITALIAN: &str = "Non prima della valutazione nei pazienti in terapia con inibitori dei checkpoint immunitari; non in presenza di sangue nelle feci";
/// An H-PASS module Italian has not started (every unit missing, or a machine draft after
/// `kurso translate --to it`).
pub const TELEHEALTH: &str = "hpass-digital-skills/01-telehealth-consultations.ftl";
/// The Greek oncology module that lacks its accessibility section.
pub const PORTALS: &str = "digicantrain-oncology/02-patient-portals-health-literacy.ftl";

/// Runs `kurso args` and asserts its exit code, showing the output when it differs.
#[track_caller]
pub fn run_expect(project: &TestProject, args: &[&str], code: i32) -> Run {
    let run = project.run(args);
    assert_eq!(
        run.code, code,
        "kurso {args:?}\nstdout:\n{}\nstderr:\n{}",
        run.stdout, run.stderr
    );
    run
}

/// The state record of `id` in `locale`'s `file`, if any.
pub fn record(project: &TestProject, locale: &str, file: &str, id: &str) -> Option<Record> {
    let state = file.replace(".ftl", ".state.toml");
    let rel = format!("locales/{locale}/{state}");
    if !project.exists(&rel) {
        return None;
    }
    let parsed = StateFile::parse(Path::new(&rel), &project.read(&rel))
        .unwrap_or_else(|err| panic!("{rel}: {err:?}"));
    parsed.records.get(id).cloned()
}

/// The text of message `id` in `locale`'s `file` (Fluent, as `Entry::text` gives it).
pub fn message(project: &TestProject, locale: &str, file: &str, id: &str) -> Option<String> {
    let rel = format!("locales/{locale}/{file}");
    if !project.exists(&rel) {
        return None;
    }
    let doc = FtlDoc::parse(PathBuf::from(&rel), project.read(&rel));
    doc.get(id).map(|entry| entry.text())
}

/// Every file under `locales/`, by path, with its bytes: to show that nothing changed.
pub fn locales(project: &TestProject) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(project.root().join("locales"))
        .into_iter()
        .map(|entry| entry.expect("walk locales"))
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| {
            let rel = entry
                .path()
                .strip_prefix(project.root())
                .expect("inside")
                .display()
                .to_string();
            (rel, std::fs::read(entry.path()).expect("read"))
        })
        .collect()
}

/// The paths whose bytes differ between two snapshots (or exist in only one).
pub fn changed(
    before: &BTreeMap<String, Vec<u8>>,
    after: &BTreeMap<String, Vec<u8>>,
) -> Vec<String> {
    let mut paths: Vec<String> = before
        .keys()
        .chain(after.keys())
        .filter(|path| before.get(*path) != after.get(*path))
        .cloned()
        .collect();
    paths.dedup();
    paths
}

/// The import summary line of `file` in `stdout`.
#[track_caller]
pub fn summary_line<'a>(stdout: &'a str, file: &str) -> &'a str {
    stdout
        .lines()
        .find(|line| line.starts_with(file))
        .unwrap_or_else(|| panic!("no summary line for {file} in:\n{stdout}"))
}

/// The number before `what` (`3 applied`) in an import summary line.
#[track_caller]
pub fn count(line: &str, what: &str) -> usize {
    let at = line
        .find(&format!(" {what}"))
        .unwrap_or_else(|| panic!("no `{what}` in {line}"));
    let start = line[..at].rfind([' ', ':', '(']).map_or(0, |i| i + 1);
    line[start..at]
        .parse()
        .unwrap_or_else(|_| panic!("no count before `{what}` in {line}"))
}
