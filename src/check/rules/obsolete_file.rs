//! `obsolete-file`: a translation file whose English file no longer exists.

use super::Rule;
use crate::check::finding::Level;

pub const RULE: Rule = Rule {
    code: "obsolete-file",
    level: Level::Warning,
    summary: "a translation file with no English file",
    docs: "\
The locale has an `.ftl` file at a path where the reference locale has none: the English
module was removed or renamed. Its entries are counted as obsolete in the totals but not
listed one by one.

Fix: delete the file, or rename it after the English module was renamed (keep its state file
`*.state.toml` beside it).",
    check: None,
};
