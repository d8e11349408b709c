//! `missing-file`: an English file with no translation file in the locale or its fallbacks.

use super::Rule;
use crate::check::finding::Level;

pub const RULE: Rule = Rule {
    code: "missing-file",
    level: Level::Error,
    summary: "an English file has no translation file at all",
    docs: "\
The reference locale has a file that the checked locale (and every locale it falls back to)
lacks. One finding per file; the messages inside are counted as missing in the totals but not
listed one by one.

Fix: create the file with the same relative path (`kurso translate` can draft it), or lower the
level for a locale that has not started:

    [check.locales.tr]
    missing-file = \"warning\"",
    check: None,
};
