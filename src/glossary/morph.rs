//! Morphological analysers: the base forms (lemmas) of a word, from a system analyser when
//! one is installed (Hunspell dictionaries, Voikko for Finnish). The matcher uses them beside
//! the language's paradigm (`paradigm.rs`); without them it falls back cleanly to the paradigm.
//!
//! Analysers are command-line programs run as child processes (`unsafe` is forbidden, so no
//! FFI): one long-lived process per language, shared by every matcher of the run, with each
//! distinct word analysed once. Detection is a look at `$PATH` and the dictionary directories,
//! done once per language; a missing program or dictionary means no analyser, not an error.
//! `KURSO_NO_ANALYZER=1` turns them all off (for comparable runs across machines).

mod cache;
mod hunspell;
mod pipe;
#[cfg(test)]
mod tests;
mod voikko;

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, OnceLock, PoisonError};
use std::time::Duration;

use pipe::PipeAnalyzer;

/// Gives the lemmas of words of one language.
pub trait Analyzer: Send + Sync + std::fmt::Debug {
    /// Lemmas of each word (folded, lowercase), in the order given; an unknown word has none.
    fn lemmas(&self, words: &[&str]) -> Vec<Vec<String>>;

    /// A short description for `kurso glossary` output (`hunspell hu_HU`).
    fn name(&self) -> String;

    /// Gets ready to answer without waiting for it (a program starts and loads its
    /// dictionary in the background); answers do not change.
    fn start(&self) {}

    /// Keeps this run's new answers for the next run (`cache.rs`), when there is a cache.
    fn save(&self) {}

    /// Stops the program, if it runs (a program still loading its dictionary would otherwise
    /// go on after kurso exits); it starts again if a word is asked later.
    fn stop(&self) {}
}

/// The analyser of a language, or none.
type Found = Option<Arc<dyn Analyzer>>;

/// The environment variable that turns every analyser off when set to anything but `0` or
/// the empty string.
pub const NO_ANALYZER_VAR: &str = "KURSO_NO_ANALYZER";

/// Time allowed for an analyser to answer a batch, beside a little per word: enough to start
/// and load a dictionary. An analyser that misses it is stopped for the rest of the run.
const BATCH_TIMEOUT: Duration = Duration::from_secs(20);

/// What detection found, per language.
static FOUND: OnceLock<Mutex<HashMap<String, Found>>> = OnceLock::new();

/// The analyser installed for `lang` (a language subtag), if any: Voikko for `fi`, Hunspell
/// for `hu`, `it`, `lt`, `ro` and `tr`. Every call for one language returns the same one.
pub fn system_analyzer(lang: &str) -> Option<Arc<dyn Analyzer>> {
    if analyzers_disabled() {
        return None;
    }
    let mut found = FOUND
        .get_or_init(Mutex::default)
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    found
        .entry(lang.to_owned())
        .or_insert_with(|| detect(lang))
        .clone()
}

/// Keeps the new answers of every analyser used so far for the next run (`cache.rs`), and
/// stops their programs: none outlives the run that started it.
pub fn finish_analyzers() {
    let Some(found) = FOUND.get() else {
        return;
    };
    let analyzers: Vec<Arc<dyn Analyzer>> = found
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .values()
        .flatten()
        .cloned()
        .collect();
    for analyzer in analyzers {
        analyzer.save();
        analyzer.stop();
    }
}

/// Starts the analyser of each language of `langs` that has one, without waiting: a program
/// loads its dictionary (0.03–0.3 s for Hunspell's) while the run reads and checks other
/// files, rather than when the first word of its language is asked.
pub fn start_analyzers<'a>(langs: impl IntoIterator<Item = &'a str>) {
    for lang in langs {
        if let Some(analyzer) = system_analyzer(lang) {
            analyzer.start();
        }
    }
}

fn analyzers_disabled() -> bool {
    std::env::var_os(NO_ANALYZER_VAR).is_some_and(|value| !value.is_empty() && value != "0")
}

fn detect(lang: &str) -> Option<Arc<dyn Analyzer>> {
    let program = voikko::program(lang).or_else(|| hunspell::program(lang))?;
    let cache_file = cache::file_for(lang, &program);
    Some(Arc::new(PipeAnalyzer::new(
        lang,
        program,
        BATCH_TIMEOUT,
        cache_file,
    )))
}

/// The executable `name` in a directory of `$PATH`.
fn find_program(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .map(|dir| dir.join(name))
        .find(|candidate| candidate.is_file())
}
