//! Hunspell through its command-line program, for Hungarian, Italian, Lithuanian, Romanian and
//! Turkish.
//!
//! `hunspell -i UTF-8 -d <dictionary> -s` reads words on stdin and prints, for each word it
//! finds in them, one line `word stem` per stem (`ápolóknak ápoló`), or the word alone when it
//! has no stem, then a blank line. Hunspell does not flush that output, so it runs under
//! coreutils' `stdbuf -oL`. Input and output are UTF-8 whatever the dictionary's encoding
//! (`lt_LT` is ISO 8859-13); only the echo of an unknown word comes out in the dictionary's
//! encoding, which does no harm: it brings no lemma.
//!
//! Greek is left out: `el_GR` lists full forms (`ασθενών` stems to itself) and the matcher's
//! folded words have lost the accents the dictionary needs.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use super::find_program;
use super::pipe::{Line, Program};

/// The dictionary used for each language.
const DICTIONARIES: [(&str, &str); 5] = [
    ("hu", "hu_HU"),
    ("it", "it_IT"),
    ("lt", "lt_LT"),
    ("ro", "ro_RO"),
    ("tr", "tr_TR"),
];

/// Where Hunspell dictionaries are installed, after the directories of `$DICPATH`.
const DICTIONARY_DIRS: [&str; 5] = [
    "/usr/share/hunspell",
    "/usr/local/share/hunspell",
    "/usr/share/myspell",
    "/usr/share/myspell/dicts",
    "/opt/homebrew/share/hunspell",
];

/// Hunspell for `lang`, when `hunspell`, `stdbuf` and the language's dictionary are installed.
pub(super) fn program(lang: &str) -> Option<Program> {
    let (_, name) = DICTIONARIES.iter().find(|(code, _)| *code == lang)?;
    let dictionary = find_dictionary(name)?;
    let stdbuf = find_program("stdbuf")?;
    let hunspell = find_program("hunspell")?;
    let data = vec![
        hunspell.clone(),
        with_extension(&dictionary, "aff"),
        with_extension(&dictionary, "dic"),
    ];
    Some(Program {
        label: format!("hunspell {name}"),
        argv: vec![
            stdbuf.into_os_string(),
            "-oL".into(),
            hunspell.into_os_string(),
            "-i".into(),
            "UTF-8".into(),
            "-d".into(),
            dictionary.into_os_string(),
            "-s".into(),
        ],
        parse,
        data,
    })
}

/// The dictionary `name` (`hu_HU`) as Hunspell's `-d` takes it: the path without `.aff`.
fn find_dictionary(name: &str) -> Option<PathBuf> {
    let from_env: Vec<PathBuf> = std::env::var_os("DICPATH")
        .map(|paths| std::env::split_paths(&paths).collect())
        .unwrap_or_default();
    from_env
        .into_iter()
        .chain(DICTIONARY_DIRS.iter().map(PathBuf::from))
        .map(|dir| dir.join(name))
        .find(|base| has_extension_file(base, "aff") && has_extension_file(base, "dic"))
}

fn has_extension_file(base: &Path, extension: &str) -> bool {
    with_extension(base, extension).is_file()
}

/// `base` (`/usr/share/hunspell/hu_HU`) with `.extension` added.
fn with_extension(base: &Path, extension: &str) -> PathBuf {
    let mut path = OsString::from(base.as_os_str());
    path.push(".");
    path.push(extension);
    PathBuf::from(path)
}

/// Reads one line of `hunspell -s` output.
pub(super) fn parse(line: &str) -> Line<'_> {
    match line.split_once(' ') {
        _ if line.is_empty() => Line::Other,
        Some((word, lemma)) => Line::Lemma {
            word: Some(word),
            lemma: lemma.trim(),
        },
        None => Line::Word(line),
    }
}
