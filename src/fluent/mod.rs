//! Fluent files: escaping Markdown into message values, writing the source `.ftl` files
//! `kurso extract` generates, and reading any `.ftl` back into messages.
//!
//! Invariant: `unescape(escape(s)) == s` for every string `s` (a property test holds us to
//! it), so any Markdown survives the trip through Fluent.

mod escape;
mod resource;

pub use escape::{escape_value, is_identifier, pattern_to_string};
pub use resource::{
    FtlFile, FtlMessage, SourceFtl, SourceMessage, error_offset, parse_ftl, render_source_ftl,
};
