//! `syntax`: a Fluent file that does not parse.

use super::Rule;
use crate::check::finding::Level;

pub const RULE: Rule = Rule {
    code: "syntax",
    level: Level::Error,
    summary: "FTL that does not parse",
    docs: "\
A line of a Fluent file that the Fluent parser rejects, at the parser's position. The broken
entry is skipped (the parser recovers at the next entry), so it is also reported as missing,
and in a build it falls back to the next locale of the chain.

Common causes: a `{` or `}` written as text (write `{\"{\"}`), a continuation line that is not
indented, a line starting with `[`, `*` or `.` inside a value (write `{\"[\"}`), a variant list
without a `*[other]` default.

Fix the line; every other file and entry is still checked.",
    check: None,
};
