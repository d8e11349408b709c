//! The analysers' answers kept between runs: one file per analyser and dictionary, so a
//! second `kurso check` asks Hunspell or Voikko only about words it has not seen (and, when it
//! has seen them all, does not start the program at all, which is most of an analyser's cost:
//! `tr_TR` takes 0.28 s to load).
//!
//! Where: `$KURSO_CACHE_DIR`, else `$XDG_CACHE_HOME/kurso`, else `~/.cache/kurso`, in
//! `lemmas/<lang>-<fingerprint>.tsv`. `KURSO_CACHE_DIR=` (empty) keeps nothing. The
//! fingerprint hashes kurso's version, the program's command line and the size and
//! modification time of the program and its dictionary files: an upgraded dictionary or
//! kurso starts a new file, never reads an old answer.
//!
//! Format: one word a line, its folded lemmas after it, tab-separated (`potilaalle\tpotilas`);
//! a word alone has none. A line that does not read is skipped, a file that does not read is
//! an empty cache: the cache can make a run faster, never wrong or failed. Written atomically
//! at the end of a run, so two runs at once each leave a whole file.
//!
//! Invariant: only answers the program gave are kept; a program that failed or timed out
//! leaves no entry, so the next run asks again.

use rustc_hash::FxHashMap;
use std::hash::{DefaultHasher, Hash as _, Hasher as _};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use super::pipe::Program;

/// The environment variable naming the cache folder; empty turns the cache off.
pub const CACHE_DIR_VAR: &str = "KURSO_CACHE_DIR";

/// The file for `program`'s answers in `lang`, or `None` when there is no cache folder.
pub(super) fn file_for(lang: &str, program: &Program) -> Option<PathBuf> {
    let dir = cache_dir()?;
    Some(
        dir.join("lemmas")
            .join(format!("{lang}-{:016x}.tsv", fingerprint(program))),
    )
}

fn cache_dir() -> Option<PathBuf> {
    if let Some(dir) = std::env::var_os(CACHE_DIR_VAR) {
        return (!dir.is_empty()).then(|| PathBuf::from(dir));
    }
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|dir| !dir.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cache")))?;
    Some(base.join("kurso"))
}

/// What the answers depend on: kurso's version (how lemmas are folded), the command line
/// and the identity (size, modification time) of the program and dictionary files.
fn fingerprint(program: &Program) -> u64 {
    let mut hasher = DefaultHasher::new();
    env!("CARGO_PKG_VERSION").hash(&mut hasher);
    program.label.hash(&mut hasher);
    program.argv.hash(&mut hasher);
    for path in &program.data {
        path.hash(&mut hasher);
        if let Ok(meta) = std::fs::metadata(path) {
            meta.len().hash(&mut hasher);
            let modified = meta.modified().ok();
            let since = modified.and_then(|m| m.duration_since(UNIX_EPOCH).ok());
            since.map(|d| d.as_nanos()).hash(&mut hasher);
        }
    }
    hasher.finish()
}

/// Lemmas by word, as the analysers answered.
pub(super) type Answers = FxHashMap<String, Vec<String>>;

/// The answers kept in `path`; an absent or unreadable file is an empty cache.
pub(super) fn load(path: &Path) -> Answers {
    let Ok(text) = std::fs::read_to_string(path) else {
        return Answers::default();
    };
    let mut answers = Answers::default();
    answers.reserve(memchr::memchr_iter(b'\n', text.as_bytes()).count());
    answers.extend(text.lines().filter_map(|line| {
        let mut fields = line.split('\t');
        let word = fields.next().filter(|w| !w.is_empty())?;
        let lemmas: Vec<String> = fields.map(str::to_owned).collect();
        lemmas
            .iter()
            .all(|l| !l.is_empty())
            .then(|| (word.to_owned(), lemmas))
    }));
    answers
}

/// Writes `answers` to `path` (sorted, so the file is the same for the same answers).
/// Answers that cannot be written as a line (a tab or line break in a lemma) are left out.
pub(super) fn save(path: &Path, answers: &Answers) {
    let mut words: Vec<&String> = answers.keys().collect();
    words.sort_unstable();
    let writable = |text: &str| !text.is_empty() && !text.contains(['\t', '\n', '\r']);
    let mut out = String::new();
    for word in words {
        let lemmas = &answers[word];
        if !(writable(word) && lemmas.iter().all(|l| writable(l))) {
            continue;
        }
        out.push_str(word);
        for lemma in lemmas {
            out.push('\t');
            out.push_str(lemma);
        }
        out.push('\n');
    }
    // A cache that cannot be written costs the next run time, nothing else.
    let _ = crate::fsx::write_atomic(path, out.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    fn program(data: Vec<PathBuf>) -> Program {
        Program {
            label: "test".to_owned(),
            argv: vec!["hunspell".into()],
            parse: super::super::hunspell::parse,
            data,
        }
    }

    #[test]
    fn answers_round_trip_and_odd_lines_are_skipped() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = dir.path().join("lemmas").join("fi-x.tsv");
        let answers: Answers = [
            ("potilaalle", vec!["potilas"]),
            ("kuumeen", vec!["kuume", "kuumeen"]),
            ("xqz", vec![]),
            ("bad", vec!["a\tb"]),
        ]
        .into_iter()
        .map(|(w, l)| (w.to_owned(), l.into_iter().map(str::to_owned).collect()))
        .collect();
        save(&path, &answers);
        let text = std::fs::read_to_string(&path).expect("written");
        assert_eq!(text, "kuumeen\tkuume\tkuumeen\npotilaalle\tpotilas\nxqz\n");
        let mut expected = answers.clone();
        expected.remove("bad");
        assert_eq!(load(&path), expected);
        std::fs::write(&path, "\tnoword\nok\tlemma\nempty\t\n").expect("written");
        let loaded = load(&path);
        assert_eq!(loaded.len(), 1, "{loaded:?}");
        assert_eq!(loaded["ok"], ["lemma"]);
        assert!(load(&dir.path().join("absent.tsv")).is_empty());
    }

    #[test]
    fn a_changed_dictionary_has_another_fingerprint() {
        let dir = tempfile::tempdir().expect("a temporary directory");
        let dictionary = dir.path().join("hu_HU.dic");
        std::fs::write(&dictionary, "1\nbeteg\n").expect("written");
        let before = fingerprint(&program(vec![dictionary.clone()]));
        assert_eq!(before, fingerprint(&program(vec![dictionary.clone()])));
        std::fs::write(&dictionary, "2\nbeteg\nápoló\n").expect("written");
        assert_ne!(before, fingerprint(&program(vec![dictionary])));
        assert_ne!(before, fingerprint(&program(Vec::new())));
    }
}
