//! `unverified`: a translation with no state record.

use super::Rule;
use crate::check::finding::Level;

pub const RULE: Rule = Rule {
    code: "unverified",
    level: Level::Warning,
    summary: "a translation with no record of the English it was made from",
    docs: "\
kurso cannot tell whether this translation matches today's English, because its state file has
no record of it (a hand-made translation added outside kurso, or a state file that was not
committed). It is never treated as current silently.

Fix: check the translation against the English, then adopt it with
`kurso accept <locale> --id ID` (or `--course C`, or `--all` for a whole locale).

Only kurso projects keep translation state; `kurso check --reference DIR --l10n DIR` on other
Fluent projects does not run this rule.",
    check: None,
};
