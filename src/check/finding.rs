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

    /// Sorts `findings` by [`Finding::order`] (stable). A run's findings share a few hundred
    /// paths: they are ranked once, so that most comparisons are between numbers rather than
    /// between paths component by component.
    pub fn sort(findings: &mut Vec<Finding>) {
        let ranks: Vec<usize> = {
            let mut paths: Vec<&Path> = findings.iter().map(|f| f.path.as_path()).collect();
            paths.sort_unstable_by(|a, b| a.as_os_str().cmp(b.as_os_str()));
            paths.dedup_by(|a, b| a.as_os_str() == b.as_os_str());
            paths.sort();
            // Paths written differently but equal as paths (`a//b`, `a/b`) share a rank.
            let mut rank = rustc_hash::FxHashMap::default();
            let mut current = 0;
            for (index, path) in paths.iter().enumerate() {
                if index > 0 && paths[index - 1] != *path {
                    current += 1;
                }
                rank.insert(path.as_os_str(), current);
            }
            findings.iter().map(|f| rank[f.path.as_os_str()]).collect()
        };
        let mut order: Vec<usize> = (0..findings.len()).collect();
        order.sort_by(|&a, &b| {
            let (x, y) = (findings[a].sort_key(), findings[b].sort_key());
            ranks[a]
                .cmp(&ranks[b])
                .then_with(|| (x.1, x.2, x.3, x.4).cmp(&(y.1, y.2, y.3, y.4)))
        });
        let mut slots: Vec<Option<Finding>> =
            std::mem::take(findings).into_iter().map(Some).collect();
        findings.extend(order.into_iter().filter_map(|index| slots[index].take()));
    }

    /// The report's order: by [`Finding::sort_key`], compared without copying it. Paths
    /// written alike are equal without comparing them component by component (most
    /// comparisons of a sort are between findings of one file).
    pub fn order(a: &Finding, b: &Finding) -> std::cmp::Ordering {
        let (a, b) = (a.sort_key(), b.sort_key());
        let path = if a.0.as_os_str() == b.0.as_os_str() {
            std::cmp::Ordering::Equal
        } else {
            a.0.cmp(b.0)
        };
        path.then_with(|| (a.1, a.2, a.3, a.4).cmp(&(b.1, b.2, b.3, b.4)))
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

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::{Finding, Level, Position};

    /// `order` is the order of the sort keys, also for paths whose bytes and components sort
    /// differently (`a/b` before `a-b`, `./x` and `x`).
    #[test]
    fn order_is_the_order_of_the_sort_keys() {
        let mut findings = Vec::new();
        for path in [
            "a/b.ftl", "a-b.ftl", "a/b.ftl", "./x.ftl", "x.ftl", "a//b.ftl", "b.ftl",
        ] {
            for (line, rule) in [(3, "length"), (1, "markup"), (3, "empty")] {
                let mut finding = Finding::new(rule, Level::Warning, "el", PathBuf::from(path));
                finding.position = Some(Position { line, column: 1 });
                findings.push(finding);
            }
        }
        for a in &findings {
            for b in &findings {
                assert_eq!(
                    Finding::order(a, b),
                    a.sort_key().cmp(&b.sort_key()),
                    "{a} / {b}"
                );
            }
        }
        // `sort` puts them in that order, keeping the order of equal findings.
        for (index, finding) in findings.iter_mut().rev().enumerate() {
            finding.message = index.to_string();
        }
        let mut by_key: Vec<&Finding> = findings.iter().collect();
        by_key.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        let expected: Vec<String> = by_key.iter().map(|f| f.message.clone()).collect();
        Finding::sort(&mut findings);
        let sorted: Vec<String> = findings.iter().map(|f| f.message.clone()).collect();
        assert_eq!(sorted, expected);
    }
}
