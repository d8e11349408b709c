//! `stale`: the English changed since the translation was made.

use super::Rule;
use crate::check::finding::Level;

pub const RULE: Rule = Rule {
    code: "stale",
    level: Level::Error,
    summary: "the English changed since the translation was made (with a word diff)",
    docs: "\
The translation state (`<module>.state.toml` beside the translation) records the English each
translation was made from. When the current English differs, the translation may say something
the English no longer says: a changed dose, a new contraindication, a removed step. In a course
a clinician acts on, that is a safety problem, so the default level is error.

The finding shows the old → new English as a word diff beside the current translation; so does
`kurso diff <locale>`.

Fix: update the translation, then record it as current with `kurso accept <locale> --id ID`.
If the English change was only a typo fix that does not affect any translation, the maintainer
can carry every translation forward with `kurso extract --keep-translations` (each record keeps
the old English and the date as an audit trail).",
    check: None,
};
