//! Voikko through `voikkospell` (Debian ships it in `libvoikko-dev`), for Finnish.
//!
//! `voikkospell -m` reads one word a line and answers each with `C: word` (known) or
//! `W: word` (unknown), then, for a known word, one line per field of each analysis:
//! `A(potilaalle):1:BASEFORM=potilas`. It flushes after each word. It needs a UTF-8 locale
//! (the child runs with `LC_ALL=C.UTF-8`).

use std::path::PathBuf;

use super::find_program;
use super::pipe::{Line, Program};

/// Where libvoikko looks for dictionaries, after `$VOIKKO_DICTIONARY_PATH` and `~/.voikko`.
const DICTIONARY_DIRS: [&str; 5] = [
    "/etc/voikko",
    "/usr/lib/voikko",
    "/usr/share/voikko",
    "/usr/local/lib/voikko",
    "/usr/local/share/voikko",
];

/// Voikko for `lang`, when it is Finnish and `voikkospell` and a Finnish morphology
/// (`voikko-fi`) are installed.
pub(super) fn program(lang: &str) -> Option<Program> {
    if lang != "fi" {
        return None;
    }
    let morphology = morphology()?;
    let voikkospell = find_program("voikkospell")?;
    Some(Program {
        label: "voikko fi".to_owned(),
        argv: vec![voikkospell.clone().into_os_string(), "-m".into()],
        parse,
        data: vec![voikkospell, morphology],
    })
}

/// The first morphology in libvoikko's format 5 (`5/mor-standard/mor.vfst`) installed.
fn morphology() -> Option<PathBuf> {
    let mut dirs: Vec<PathBuf> = std::env::var_os("VOIKKO_DICTIONARY_PATH")
        .map(|paths| std::env::split_paths(&paths).collect())
        .unwrap_or_default();
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(PathBuf::from(home).join(".voikko"));
    }
    dirs.extend(DICTIONARY_DIRS.iter().map(PathBuf::from));
    dirs.iter().find_map(|dir| {
        let mut found: Vec<PathBuf> = std::fs::read_dir(dir.join("5"))
            .ok()?
            .filter_map(Result::ok)
            .filter(|entry| entry.file_name().to_string_lossy().starts_with("mor-"))
            .map(|entry| entry.path().join("mor.vfst"))
            .filter(|path| path.is_file())
            .collect();
        found.sort();
        found.into_iter().next()
    })
}

/// Reads one line of `voikkospell -m` output.
pub(super) fn parse(line: &str) -> Line<'_> {
    if let Some(word) = line
        .strip_prefix("C: ")
        .or_else(|| line.strip_prefix("W: "))
    {
        return Line::Word(word);
    }
    match line.split_once(":BASEFORM=") {
        Some((head, lemma)) if head.starts_with("A(") => Line::Lemma { word: None, lemma },
        _ => Line::Other,
    }
}
