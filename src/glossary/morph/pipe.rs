//! An analyser program run as one long-lived child process: words go in on its stdin, one a
//! line, then an end marker; its answers are read back up to the marker's own answer, so the
//! end of a batch is known without waiting for the program to exit.
//!
//! Invariants: nothing here panics or blocks past a deadline. A program that cannot start,
//! exits, or misses the deadline is killed, and the analyser answers "no lemmas" for new words
//! from then on (answers already cached stay). Each distinct word is sent at most once.

use std::collections::{HashMap, HashSet};
use std::ffi::OsString;
use std::io::{BufRead as _, BufReader, Read as _, Write as _};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::mpsc::{self, Receiver, Sender, SyncSender};
use std::sync::{Mutex, PoisonError};
use std::thread;
use std::time::{Duration, Instant};

use super::{Analyzer, cache};
use crate::glossary::normalize::fold;

/// What one line of a program's output says.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Line<'a> {
    /// The answer for this word begins (it may bring no lemma).
    Word(&'a str),
    /// A lemma of `word`, or of the word being answered when `None`.
    Lemma {
        word: Option<&'a str>,
        lemma: &'a str,
    },
    /// Anything else: blank separators, other fields of an analysis.
    Other,
}

/// How to run and read one analyser program.
#[derive(Debug, Clone)]
pub(super) struct Program {
    /// For [`Analyzer::name`]: `hunspell hu_HU`.
    pub label: String,
    /// The program, then its arguments.
    pub argv: Vec<OsString>,
    pub parse: fn(&str) -> Line<'_>,
    /// The files the answers come from (the program, its dictionary): a kept answer is
    /// valid while they are unchanged (`cache.rs`).
    pub data: Vec<PathBuf>,
}

/// Time allowed for a batch: a fixed part (start-up, dictionary loading) plus a little per word.
const PER_WORD: Duration = Duration::from_millis(10);
/// Longest word sent (Hunspell reads lines into a fixed buffer and would split longer ones).
const MAX_WORD_BYTES: usize = 200;
/// Longest output line kept; a longer one is cut (a program that never ends its lines).
const MAX_LINE_BYTES: u64 = 64 * 1024;
/// Lines in flight between the reader thread and a batch.
const LINE_QUEUE: usize = 4096;
/// Lemmas kept per word.
const MAX_LEMMAS: usize = 16;

/// An [`Analyzer`] over a [`Program`], with a cache of every answer, kept between runs in
/// `cache_file` when there is one.
#[derive(Debug)]
pub(super) struct PipeAnalyzer {
    lang: String,
    program: Program,
    timeout: Duration,
    cache_file: Option<PathBuf>,
    state: Mutex<State>,
}

#[derive(Debug, Default)]
struct State {
    /// Folded lemmas of every word answered so far, in this run or (read from the cache
    /// file at first use) an earlier one.
    cache: cache::Answers,
    /// The cache file was read.
    loaded: bool,
    /// Answers the program gave in this run, not yet in the cache file.
    unsaved: usize,
    /// Batches sent, to give each its own end marker.
    n_batches: u64,
    process: Process,
}

#[derive(Debug, Default)]
enum Process {
    #[default]
    NotStarted,
    Running(Session),
    Failed,
}

impl PipeAnalyzer {
    /// An analyser for `lang` over `program`; the process starts at the first word not in
    /// the cache. `timeout` is the fixed part of the time allowed for a batch; answers are
    /// kept between runs in `cache_file` ([`super::cache`]) when given.
    pub(super) fn new(
        lang: &str,
        program: Program,
        timeout: Duration,
        cache_file: Option<PathBuf>,
    ) -> PipeAnalyzer {
        PipeAnalyzer {
            lang: lang.to_owned(),
            program,
            timeout,
            cache_file,
            state: Mutex::new(State::default()),
        }
    }

    /// Reads the cache file into the cache, once.
    fn load(&self, state: &mut State) {
        if !state.loaded {
            state.loaded = true;
            if let Some(file) = &self.cache_file {
                let kept = cache::load(file);
                if state.cache.is_empty() {
                    state.cache = kept;
                } else {
                    state.cache.extend(kept);
                }
            }
        }
    }

    /// Starts the program unless it was started (or failed) before.
    fn spawn(&self, state: &mut State) {
        if matches!(state.process, Process::NotStarted) {
            state.process = Session::spawn(&self.program).map_or(Process::Failed, Process::Running);
        }
    }

    /// Asks the program about `words` (distinct, not cached); `None` when it failed.
    fn ask(&self, state: &mut State, words: &[&str]) -> Option<HashMap<String, Vec<String>>> {
        self.spawn(state);
        let Process::Running(session) = &mut state.process else {
            return None;
        };
        state.n_batches += 1;
        let n_words = u32::try_from(words.len()).unwrap_or(u32::MAX);
        let deadline = Instant::now() + self.timeout + PER_WORD.saturating_mul(n_words);
        let answers = session.ask(
            words,
            &end_marker(state.n_batches),
            self.program.parse,
            deadline,
        );
        if answers.is_none() {
            // Dropping the session kills the process.
            state.process = Process::Failed;
        }
        answers
    }
}

impl Analyzer for PipeAnalyzer {
    fn lemmas(&self, words: &[&str]) -> Vec<Vec<String>> {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        self.load(&mut state);
        let mut seen = HashSet::new();
        let missing: Vec<&str> = words
            .iter()
            .copied()
            .filter(|word| sendable(word) && !state.cache.contains_key(*word) && seen.insert(*word))
            .collect();
        if !missing.is_empty() {
            if let Some(mut answers) = self.ask(&mut state, &missing) {
                for word in missing {
                    let mut lemmas: Vec<String> = Vec::new();
                    for lemma in answers.remove(word).unwrap_or_default() {
                        let lemma = fold(&self.lang, &lemma);
                        if !lemmas.contains(&lemma) {
                            lemmas.push(lemma);
                        }
                    }
                    state.cache.insert(word.to_owned(), lemmas);
                    state.unsaved += 1;
                }
            }
        }
        words
            .iter()
            .map(|word| state.cache.get(*word).cloned().unwrap_or_default())
            .collect()
    }

    fn name(&self) -> String {
        self.program.label.clone()
    }

    fn start(&self) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        self.load(&mut state);
        // With answers kept from earlier runs the program may not be needed at all: it
        // starts at the first word they lack.
        if state.cache.is_empty() {
            self.spawn(&mut state);
        }
    }

    fn save(&self) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        if let (Some(file), true) = (&self.cache_file, state.unsaved > 0) {
            cache::save(file, &state.cache);
            state.unsaved = 0;
        }
    }

    fn stop(&self) {
        let mut state = self.state.lock().unwrap_or_else(PoisonError::into_inner);
        // Dropping the session kills the process and waits for it; a program that failed
        // stays failed.
        if matches!(state.process, Process::Running(_)) {
            state.process = Process::NotStarted;
        }
    }
}

/// Whether `word` can go to a program as one line that it reads as one word.
fn sendable(word: &str) -> bool {
    !word.is_empty()
        && word.len() <= MAX_WORD_BYTES
        && !word.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// The end marker of batch `n`: lowercase ASCII letters only, so every program reads it as
/// one word, and different for each batch, so a late line about an earlier marker cannot end
/// a later batch.
fn end_marker(n: u64) -> String {
    let mut marker = String::from("zzkursoend");
    let mut rest = n;
    loop {
        marker.push(char::from(b'a' + u8::try_from(rest % 26).unwrap_or(0)));
        rest /= 26;
        if rest == 0 {
            break;
        }
    }
    marker.push_str("zz");
    marker
}

/// A running program: a thread writes batches to its stdin, another reads its stdout lines.
#[derive(Debug)]
struct Session {
    child: Child,
    input: Sender<String>,
    output: Receiver<String>,
}

impl Session {
    fn spawn(program: &Program) -> Option<Session> {
        let (name, args) = program.argv.split_first()?;
        let mut child = Command::new(name)
            .args(args)
            .env("LC_ALL", "C.UTF-8")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .ok()?;
        let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            stop(&mut child);
            return None;
        };
        let (input, inbox) = mpsc::channel();
        let (outbox, output) = mpsc::sync_channel(LINE_QUEUE);
        let started = thread::Builder::new()
            .name("kurso-analyser-in".to_owned())
            .spawn(move || write_batches(stdin, &inbox))
            .and_then(|_| {
                thread::Builder::new()
                    .name("kurso-analyser-out".to_owned())
                    .spawn(move || read_lines(stdout, &outbox))
            });
        // Dropped on failure, which kills the process.
        let session = Session {
            child,
            input,
            output,
        };
        started.is_ok().then_some(session)
    }

    /// Sends `words` and `marker`, and gathers each word's lemmas until the marker's answer.
    fn ask(
        &mut self,
        words: &[&str],
        marker: &str,
        parse: fn(&str) -> Line<'_>,
        deadline: Instant,
    ) -> Option<HashMap<String, Vec<String>>> {
        let mut batch = String::new();
        for word in words {
            batch.push_str(word);
            batch.push('\n');
        }
        batch.push_str(marker);
        batch.push('\n');
        self.input.send(batch).ok()?;
        let wanted: HashSet<&str> = words.iter().copied().collect();
        let mut answers: HashMap<String, Vec<String>> = HashMap::new();
        let mut current: Option<String> = None;
        loop {
            let left = deadline.checked_duration_since(Instant::now())?;
            let line = self.output.recv_timeout(left).ok()?;
            let (word, lemma) = match parse(&line) {
                Line::Word(word) => (Some(word), None),
                Line::Lemma { word, lemma } => (word, Some(lemma)),
                Line::Other => continue,
            };
            if let Some(word) = word {
                if word == marker {
                    return Some(answers);
                }
                if current.as_deref() != Some(word) {
                    current = wanted.contains(word).then(|| word.to_owned());
                }
            }
            if let (Some(word), Some(lemma)) = (&current, lemma) {
                let lemmas = answers.entry(word.clone()).or_default();
                if !lemma.is_empty() && lemmas.len() < MAX_LEMMAS {
                    lemmas.push(lemma.to_owned());
                }
            }
        }
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        stop(&mut self.child);
    }
}

fn stop(child: &mut Child) {
    // Either may fail only because the process is already gone.
    let _ = child.kill();
    let _ = child.wait();
}

fn write_batches(mut stdin: ChildStdin, inbox: &Receiver<String>) {
    for batch in inbox {
        if stdin
            .write_all(batch.as_bytes())
            .and_then(|()| stdin.flush())
            .is_err()
        {
            return;
        }
    }
}

fn read_lines(stdout: ChildStdout, outbox: &SyncSender<String>) {
    let mut reader = BufReader::new(stdout);
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match (&mut reader)
            .take(MAX_LINE_BYTES)
            .read_until(b'\n', &mut buf)
        {
            Ok(0) | Err(_) => return,
            Ok(_) => {
                while buf.last().is_some_and(|b| *b == b'\n' || *b == b'\r') {
                    buf.pop();
                }
                let line = String::from_utf8_lossy(&buf).into_owned();
                if outbox.send(line).is_err() {
                    return;
                }
            }
        }
    }
}
