//! `obsolete`: a translated message, term or attribute the English no longer has.

use super::Rule;
use crate::check::finding::Level;

pub const RULE: Rule = Rule {
    code: "obsolete",
    level: Level::Warning,
    summary: "a message, term or attribute the English no longer has",
    docs: "\
The translation defines a message, term or attribute that the English file does not. Usually
the English paragraph was deleted (its ID is retired and will never be reused), or the message
was renamed. Obsolete entries are never shown to learners; they only mislead translators.

Fix: delete the entry from the translation file. If the English block was moved to another
module, move the translation with it.",
    check: None,
};
