//! `missing`: an English message, term or attribute the translation lacks.

use super::Rule;
use crate::check::finding::Level;

pub const RULE: Rule = Rule {
    code: "missing",
    level: Level::Error,
    summary: "a message, term or attribute of the English is absent from the translation",
    docs: "\
The English (reference) file has a message, term or attribute that neither the locale nor any
locale it falls back to defines (el-CY falls back to el; the source locale is not a fallback
for this rule). In a build the English text would be shown to the learner.

A missing message is reported at the translation file (which may not exist yet), with the place
of the English. A message inside a file that is missing altogether is counted, not listed: see
`missing-file`.

Fix: translate it (`kurso translate` drafts it). For a locale still in progress, lower the level
in kurso.toml:

    [check.locales.lt]
    missing = \"warning\"",
    check: None,
};
