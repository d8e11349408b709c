//! What a check reports: a [`Finding`] with a rule code, a [`Level`], a place and a message a
//! translator understands.

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;

use serde::Serialize;

use crate::span::Position;

/// How serious a finding is. `Off` silences a rule (policy only; no finding has it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Info,
    Warning,
    Error,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Off => "off",
            Level::Info => "info",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for Level {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "off" => Ok(Level::Off),
            "info" => Ok(Level::Info),
            "warning" => Ok(Level::Warning),
            "error" => Ok(Level::Error),
            other => Err(format!(
                "unknown level `{other}`: use error, warning, info or off"
            )),
        }
    }
}

/// One word-diff piece of a stale message: unchanged, removed from the old English, or added
/// in the new.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase", tag = "op", content = "text")]
pub enum DiffPart {
    Equal(String),
    Delete(String),
    Insert(String),
}

/// One problem found in one locale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The rule's stable code (`missing`, `stale`, …).
    pub rule: &'static str,
    pub level: Level,
    pub locale: String,
    /// The file the finding is about (for a missing message or file: the translation file
    /// that should hold it).
    pub path: PathBuf,
    /// 1-based line and column in `path`, when the place exists.
    pub position: Option<Position>,
    /// The message or term ID (`-term` for terms), when the finding is about one.
    pub id: Option<String>,
    pub message: String,
    /// What to do about it.
    pub help: Option<String>,
    /// The line `position` points into, for a caret snippet.
    pub snippet: Option<String>,
    /// Where the English is, as `path:line:col`, for findings about a translated message.
    pub reference: Option<String>,
    /// Old → new English, for stale messages.
    pub diff: Option<Vec<DiffPart>>,
    /// The current translation, for stale messages.
    pub translation: Option<String>,
}

impl Finding {
    pub fn new(rule: &'static str, level: Level, locale: &str, path: PathBuf) -> Finding {
        Finding {
            rule,
            level,
            locale: locale.to_owned(),
            path,
            position: None,
            id: None,
            message: String::new(),
            help: None,
            snippet: None,
            reference: None,
            diff: None,
            translation: None,
        }
    }

    /// `path:line:col` (or `path` alone).
    pub fn location(&self) -> String {
        match self.position {
            Some(pos) => format!("{}:{}:{}", self.path.display(), pos.line, pos.column),
            None => self.path.display().to_string(),
        }
    }

    /// Sort order of reports: file, line, column, rule, ID.
    pub fn sort_key(&self) -> (&Path, usize, usize, &'static str, Option<&str>) {
        let (line, column) = self.position.map_or((0, 0), |p| (p.line, p.column));
        (&self.path, line, column, self.rule, self.id.as_deref())
    }

    /// The report's order: by [`Finding::sort_key`], compared without copying it.
    pub fn order(a: &Finding, b: &Finding) -> std::cmp::Ordering {
        a.sort_key().cmp(&b.sort_key())
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}: {}[{}]: {}",
            self.location(),
            self.level,
            self.rule,
            self.message
        )
    }
}

impl Serialize for Position {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut s = serializer.serialize_struct("Position", 2)?;
        s.serialize_field("line", &self.line)?;
        s.serialize_field("column", &self.column)?;
        s.end()
    }
}
