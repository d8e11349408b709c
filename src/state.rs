//! Translation state: for each translated message, the English it was made from, its status
//! and its origin. Kept beside the translation as `<module>.state.toml`.
//!
//! Invariant: state files are deterministic and merge-friendly: one table per message,
//! sorted by ID, one blank line between tables, fixed key order, no timestamps except the
//! dates a person's action records. Two translators who touch different messages produce
//! changes git merges without conflict.
//!
//! ```toml
//! [consent-p2]
//! status = "reviewed"
//! origin = "human"
//! source = "Ask before you record."
//! ```

use std::collections::BTreeMap;
use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::diagnostic::Diagnostic;
use crate::fsx;

/// File name suffix of a state file, replacing `.ftl`.
pub const STATE_SUFFIX: &str = ".state.toml";

/// How far a translation has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    /// A machine draft nobody has looked at.
    Machine,
    /// Written or edited by a person.
    Edited,
    /// Checked by a second person.
    Reviewed,
    /// Signed off for release.
    Approved,
}

impl Status {
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Machine => "machine",
            Status::Edited => "edited",
            Status::Reviewed => "reviewed",
            Status::Approved => "approved",
        }
    }
}

impl fmt::Display for Status {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Status {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "machine" => Ok(Status::Machine),
            "edited" => Ok(Status::Edited),
            "reviewed" => Ok(Status::Reviewed),
            "approved" => Ok(Status::Approved),
            other => Err(format!(
                "unknown status `{other}`: use machine, edited, reviewed or approved"
            )),
        }
    }
}

/// What one translation was made from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Record {
    pub status: Status,
    /// `human`, or the machine-translation provider (`deepl`, `pseudo`, …).
    pub origin: String,
    /// The English the translation was made from (or last accepted against).
    pub source: String,
    /// The English before a typo fix that carried this translation forward.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carried_from: Option<String>,
    /// When it was carried forward (YYYY-MM-DD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub carried_on: Option<String>,
    /// A machine draft kept beside a person's stale translation, never replacing it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
    /// Where the suggestion came from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestion_origin: Option<String>,
    /// The English the suggestion was made from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub suggestion_source: Option<String>,
    /// Who last changed or confirmed the translation, where a review packet said so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed_by: Option<String>,
    /// When (ISO 8601, as the packet wrote it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub changed_on: Option<String>,
    /// The tool the person worked in (`memoQ`, `Poedit 3.4`), where the packet said so.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
}

impl Record {
    /// A person's translation of `source`.
    pub fn human(source: String, status: Status) -> Record {
        Record {
            status,
            origin: "human".to_owned(),
            source,
            carried_from: None,
            carried_on: None,
            suggestion: None,
            suggestion_origin: None,
            suggestion_source: None,
            changed_by: None,
            changed_on: None,
            via: None,
        }
    }
}

/// The records of one translation file, by message ID.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct StateFile {
    pub records: BTreeMap<String, Record>,
}

/// The state file that belongs to the translation file `ftl`.
pub fn state_path(ftl: &Path) -> PathBuf {
    let name = ftl
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name.strip_suffix(".ftl").unwrap_or(&name);
    ftl.with_file_name(format!("{stem}{STATE_SUFFIX}"))
}

impl StateFile {
    /// Parses the text of a state file; `path` is only used in errors.
    pub fn parse(path: &Path, text: &str) -> Result<StateFile, Diagnostic> {
        let records: BTreeMap<String, Record> = toml::from_str(text).map_err(|err| {
            let offset = err.span().map_or(0, |span| span.start);
            Diagnostic::error_at(
                path,
                text,
                offset,
                format!("invalid translation state: {}", err.message()),
            )
            .with_help(
                "state files are written by kurso; fix the entry by hand or remove it and run \
                 `kurso accept` for the message",
            )
        })?;
        Ok(StateFile { records })
    }

    /// Reads the state file beside `ftl`; an absent file is an empty state.
    pub fn load_for(ftl: &Path, display: &Path) -> Result<StateFile, Diagnostic> {
        let path = state_path(ftl);
        match fsx::read_optional(&path) {
            Ok(Some(text)) => StateFile::parse(&state_path(display), &text),
            Ok(None) => Ok(StateFile::default()),
            Err(err) => Err(Diagnostic::file_error(
                &state_path(display),
                err.to_string(),
            )),
        }
    }

    /// The canonical text: header comment, then one table per record in ID order.
    pub fn render(&self) -> String {
        let mut out = String::from(
            "# Translation state, written by kurso: the English each translation was made from,\n\
             # its status and origin. One table per message; keep it beside the .ftl file.\n",
        );
        for (id, record) in &self.records {
            let _ = write!(out, "\n[{}]\n", toml_key(id));
            push_field(&mut out, "status", record.status.as_str());
            push_field(&mut out, "origin", &record.origin);
            push_field(&mut out, "source", &record.source);
            let optional = [
                ("carried-from", &record.carried_from),
                ("carried-on", &record.carried_on),
                ("suggestion", &record.suggestion),
                ("suggestion-origin", &record.suggestion_origin),
                ("suggestion-source", &record.suggestion_source),
                ("changed-by", &record.changed_by),
                ("changed-on", &record.changed_on),
                ("via", &record.via),
            ];
            for (key, value) in optional {
                if let Some(value) = value {
                    push_field(&mut out, key, value);
                }
            }
        }
        out
    }

    /// Writes the state beside `ftl` (durably: it records people's work), or removes the
    /// file when there are no records. Returns whether anything changed on disk.
    pub fn save_for(&self, ftl: &Path) -> Result<bool, fsx::FsError> {
        let path = state_path(ftl);
        if self.records.is_empty() {
            return fsx::remove_if_exists(&path);
        }
        let text = self.render();
        if fsx::read_optional(&path)?.as_deref() == Some(text.as_str()) {
            return Ok(false);
        }
        fsx::write_durable(&path, text.as_bytes())?;
        Ok(true)
    }
}

fn push_field(out: &mut String, key: &str, value: &str) {
    let _ = writeln!(out, "{key} = {}", toml::Value::String(value.to_owned()));
}

/// Fluent IDs (and `-terms`) are valid bare TOML keys; anything else is quoted.
fn toml_key(id: &str) -> String {
    if !id.is_empty()
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        id.to_owned()
    } else {
        toml::Value::String(id.to_owned()).to_string()
    }
}

/// Today's date as `YYYY-MM-DD` (UTC), or the date of `SOURCE_DATE_EPOCH` when it is set, so
/// tests and reproducible runs get a fixed date.
pub fn today() -> String {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|value| value.trim().parse::<i64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(0))
        });
    let (year, month, day) = civil_from_days(seconds.div_euclid(86_400));
    format!("{year:04}-{month:02}-{day:02}")
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
pub(crate) fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn render_is_sorted_and_parses_back() {
        let mut state = StateFile::default();
        let mut record = Record::human(
            "Give 0.5 mg \"slowly\".\nThen wait.".into(),
            Status::Reviewed,
        );
        record.suggestion = Some("Dare 0,5 mg.".into());
        record.suggestion_origin = Some("deepl".into());
        state.records.insert("z-p1".into(), record);
        state.records.insert(
            "-brand".into(),
            Record::human("kurso".into(), Status::Approved),
        );
        let text = state.render();
        let brand = text.find("[-brand]").expect("term table");
        let z = text.find("[z-p1]").expect("message table");
        assert!(brand < z, "{text}");
        let back = StateFile::parse(Path::new("x.state.toml"), &text).expect("parses");
        assert_eq!(back, state);
    }

    #[test]
    fn bad_state_names_line_and_column() {
        let err = StateFile::parse(
            Path::new("it/a.state.toml"),
            "[a]\nstatus = \"done\"\norigin = \"human\"\nsource = \"x\"\n",
        )
        .expect_err("unknown status");
        assert!(err.location().starts_with("it/a.state.toml:2:"), "{err}");
    }

    #[test]
    fn state_path_replaces_the_extension() {
        assert_eq!(
            state_path(Path::new("locales/it/c/01-a.ftl")),
            PathBuf::from("locales/it/c/01-a.state.toml")
        );
    }

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(20_415), (2025, 11, 23));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
    }
}
