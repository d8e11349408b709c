//! `duplicate`: the same ID defined twice in one file.

use super::Rule;
use crate::check::finding::Level;

pub const RULE: Rule = Rule {
    code: "duplicate",
    level: Level::Error,
    summary: "the same message or term ID is defined twice in one file",
    docs: "\
Two entries of one file share an ID. Fluent runtimes keep one of them (which one depends on the
runtime), so what learners see is not what the translator last wrote. Also reported for the same
attribute twice in one message.

Fix: keep one definition and delete the other.",
    check: None,
};
