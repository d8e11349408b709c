//! The one gate before kurso writes into a translation file or its state.
//!
//! A translation file that does not parse holds a person's text that kurso cannot see:
//! fluent-syntax skips the broken entry as junk, so to every stage the message looks missing.
//! Writing into such a file (a machine draft appended under the same ID, a state record
//! saying the message is the provider's, a carried-forward audit record) would hide or
//! replace that person's text. A duplicate ID is the same hazard: which of the two a reader
//! uses is anybody's guess. A state file that does not parse cannot be rewritten without
//! losing the records kurso could not read.
//!
//! Invariant: every command that writes translations or translation state (`translate`,
//! `accept`, `extract --keep-translations`, and the importers) asks [`writable_state`] first
//! and leaves a file it refuses byte-identical, together with its state file, reporting each
//! problem as an error at its `file:line:col`.

use std::path::Path;

use crate::check::doc::FtlDoc;
use crate::diagnostic::Diagnostic;
use crate::fsx;
use crate::state::StateFile;

/// The state of the translation file `ftl` (printed as `display`), if kurso may write the file
/// and its state; otherwise every reason it may not. `doc` is the file as already parsed; when
/// `None` the file is read here (a file that does not exist yet is whole).
pub fn writable_state(
    ftl: &Path,
    display: &Path,
    doc: Option<&FtlDoc>,
) -> Result<StateFile, Vec<Diagnostic>> {
    let mut blockers = match doc {
        Some(doc) => doc.write_blockers(),
        None => match fsx::read_optional(ftl) {
            Ok(Some(text)) => FtlDoc::parse(display.to_path_buf(), text).write_blockers(),
            Ok(None) => Vec::new(),
            Err(err) => vec![Diagnostic::file_error(display, err.to_string())],
        },
    };
    match StateFile::load_for(ftl, display) {
        Ok(state) if blockers.is_empty() => Ok(state),
        Ok(_) => Err(blockers),
        Err(diagnostic) => {
            blockers.push(diagnostic);
            Err(blockers)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setup(ftl: &str, state: Option<&str>) -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("01-a.ftl");
        std::fs::write(&path, ftl).expect("write ftl");
        if let Some(state) = state {
            std::fs::write(dir.path().join("01-a.state.toml"), state).expect("write state");
        }
        (dir, path)
    }

    fn reasons(ftl: &str, state: Option<&str>) -> Vec<String> {
        let (_dir, path) = setup(ftl, state);
        match writable_state(&path, Path::new("it/01-a.ftl"), None) {
            Ok(_) => Vec::new(),
            Err(blockers) => blockers.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn a_whole_file_with_its_state_is_writable() {
        let state = "[a]\nstatus = \"edited\"\norigin = \"human\"\nsource = \"One\"\n";
        let (_dir, path) = setup("a = Uno\n", Some(state));
        let loaded = writable_state(&path, Path::new("it/01-a.ftl"), None).expect("writable");
        assert_eq!(loaded.records["a"].source, "One");
    }

    #[test]
    fn a_syntax_error_blocks_at_the_broken_line() {
        let found = reasons("a = Uno\nb = Due { $broken\n\nc = Tre\n", None);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("it/01-a.ftl:2:"), "{found:?}");
    }

    #[test]
    fn a_duplicate_id_blocks() {
        let found = reasons("a = Uno\na = Due\n", None);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("it/01-a.ftl:2:1"), "{found:?}");
        assert!(found[0].contains("more than once"), "{found:?}");
    }

    #[test]
    fn a_state_file_that_does_not_parse_blocks() {
        let found = reasons("a = Uno\n", Some("[a]\nstatus = \"edited\n"));
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].contains("01-a.state.toml"), "{found:?}");
    }

    #[test]
    fn a_file_not_written_yet_is_writable() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("new.ftl");
        assert!(writable_state(&path, Path::new("it/new.ftl"), None).is_ok());
    }
}
