//! Tests of the analysers: real inflected words through the installed programs, the cache,
//! and the paths where an analyser program dies, hangs or talks nonsense.
//!
//! Tests of real words run in one of two modes, and say which on stderr: *analyser mode*
//! (the language's analyser is installed and on) asserts its lemmas and that the matcher uses
//! them; *fallback mode* (none installed, or `KURSO_NO_ANALYZER=1`) asserts that there is no
//! analyser and what the matcher still finds without one. `.ci/run` runs both.

use std::collections::HashSet;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use super::pipe::{Line, PipeAnalyzer, Program};
use super::{Analyzer, analyzers_disabled, detect, hunspell, system_analyzer, voikko};
use crate::glossary::matcher::Matcher;
use crate::glossary::normalize::tokens;

/// The environment variable that makes the analyser mode compulsory: `.ci/run` sets it for
/// its run with the analysers installed, so a failed installation cannot pass as the
/// fallback mode.
const EXPECT_ANALYZERS_VAR: &str = "KURSO_EXPECT_ANALYZERS";

/// Which way a test of one language runs.
enum Mode {
    /// The language's analyser is installed and on.
    Analyser(Arc<dyn Analyzer>),
    /// No analyser: none installed, or `KURSO_NO_ANALYZER` set.
    Fallback,
}

/// The mode for `lang`, said on stderr (`cargo test -- --nocapture` shows which branch each
/// test took). Fails when `KURSO_EXPECT_ANALYZERS` asks for analysers that are not there.
#[expect(clippy::print_stderr, reason = "the test says which mode it checked")]
fn mode(lang: &str) -> Mode {
    let installed = voikko::program(lang).or_else(|| hunspell::program(lang));
    let disabled = analyzers_disabled();
    if let (Some(program), false) = (&installed, disabled) {
        eprintln!("{lang}: analyser mode ({})", program.label);
        return Mode::Analyser(system_analyzer(lang).expect("the program is installed"));
    }
    let expected =
        std::env::var_os(EXPECT_ANALYZERS_VAR).is_some_and(|v| !v.is_empty() && v != "0");
    assert!(
        disabled || !expected,
        "{lang}: {EXPECT_ANALYZERS_VAR} is set but no analyser is installed"
    );
    assert!(system_analyzer(lang).is_none());
    eprintln!(
        "{lang}: fallback mode ({})",
        if disabled {
            "analysers turned off"
        } else {
            "no analyser installed"
        }
    );
    Mode::Fallback
}

/// Whether the matcher still counts a word as a form of a term without an analyser (through
/// Snowball stems or the long-prefix rule).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fallback {
    Found,
    Lost,
}

/// Whether the glossary matcher (with whatever analyser the mode gives) finds the approved
/// `lang` term `term` in the text `word`.
fn matcher_finds(lang: &str, term: &str, word: &str) -> bool {
    let csv = format!("id,en,{lang}\nconcept,concept,{term}\n");
    let (glossary, diagnostics) = crate::glossary::csv::parse(Path::new("g.csv"), &csv);
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let matcher = Matcher::new(&std::sync::Arc::new(glossary), "en", &[lang.to_owned()]);
    matcher.find_allowed(0, &matcher.target(word)).is_some()
}

/// In analyser mode: the analyser gives `lemma` for `word`, and the matcher finds the term
/// `lemma` in `word`. In fallback mode: no analyser, and the matcher finds the term or loses
/// it as `fallback` says (what a machine without analysers gives up, written down).
#[track_caller]
fn check_lemma(lang: &str, word: &str, lemma: &str, fallback: Fallback) {
    match mode(lang) {
        Mode::Analyser(analyzer) => {
            let lemmas = analyzer.lemmas(&[word]);
            assert!(
                lemmas[0].iter().any(|l| l == lemma),
                "{}: lemmas of {word}: {lemmas:?}, expected {lemma}",
                analyzer.name()
            );
            assert!(
                matcher_finds(lang, lemma, word),
                "{}: the matcher does not find `{lemma}` in `{word}`",
                analyzer.name()
            );
        }
        Mode::Fallback => {
            let found = if matcher_finds(lang, lemma, word) {
                Fallback::Found
            } else {
                Fallback::Lost
            };
            assert_eq!(
                found, fallback,
                "{lang}: `{lemma}` in `{word}` without an analyser"
            );
        }
    }
}

#[test]
fn finnish_voikko_gives_base_forms() {
    check_lemma("fi", "potilaalle", "potilas", Fallback::Found);
    check_lemma("fi", "lääkkeen", "lääke", Fallback::Found);
    // Consonant gradation: stems and prefixes cannot see `käsi` in `käden`.
    check_lemma("fi", "käden", "käsi", Fallback::Lost);
}

#[test]
fn hungarian_hunspell_gives_base_forms() {
    check_lemma("hu", "ápolóknak", "ápoló", Fallback::Found);
}

#[test]
fn lithuanian_hunspell_gives_base_forms() {
    // lt_LT is an ISO 8859-13 dictionary: words still go in and come out as UTF-8.
    check_lemma("lt", "slaugytojams", "slaugytojas", Fallback::Found);
    check_lemma("lt", "širdies", "širdis", Fallback::Found);
    check_lemma("lt", "gydytojų", "gydytojas", Fallback::Found);
}

#[test]
fn romanian_hunspell_gives_base_forms() {
    check_lemma("ro", "pacienții", "pacient", Fallback::Found);
}

#[test]
fn turkish_hunspell_gives_base_forms() {
    check_lemma("tr", "hastanın", "hasta", Fallback::Found);
}

#[test]
fn italian_hunspell_gives_base_forms() {
    check_lemma("it", "infermieri", "infermiere", Fallback::Found);
}

#[test]
fn greek_and_unknown_languages_have_no_analyser() {
    assert!(system_analyzer("el").is_none());
    assert!(system_analyzer("xx").is_none());
    assert!(system_analyzer("").is_none());
}

#[test]
fn one_analyser_per_language_for_the_whole_run() {
    match mode("it") {
        Mode::Analyser(first) => {
            let second = system_analyzer("it").expect("the same analyser again");
            assert!(Arc::ptr_eq(&first, &second));
        }
        Mode::Fallback => assert!(system_analyzer("it").is_none()),
    }
}

/// Unknown words, empty words and words a program would read as two get no lemmas, and do
/// not shift the answers of the words after them: through the installed Hunspell, and in
/// fallback mode through a stand-in speaking its protocol (so the pipe's side of the
/// invariant is checked on every machine).
#[test]
fn unknown_words_and_odd_input_have_no_lemmas() {
    let words = ["xqzvkw", "", "két szó", "betegek", "123"];
    let dir = tempfile::tempdir().expect("a temporary directory");
    let (analyzer, lemma): (Arc<dyn Analyzer>, &str) = match mode("hu") {
        Mode::Analyser(analyzer) => (analyzer, "beteg"),
        Mode::Fallback => (
            Arc::new(PipeAnalyzer::new(
                "hu",
                fake_hunspell(&dir.path().join("words.log")),
                Duration::from_secs(20),
                None,
            )),
            "lbetegek",
        ),
    };
    let lemmas = analyzer.lemmas(&words);
    assert_eq!(lemmas.len(), 5);
    assert_eq!(&lemmas[..3], &[Vec::<String>::new(), vec![], vec![]]);
    assert!(lemmas[3].contains(&lemma.to_owned()), "{lemmas:?}");
}

/// A shell script speaking `hunspell -s`: the lemma of `word` is `Lword` (folded to
/// `lword`), words starting with `x` are unknown; every line read is logged to `log`.
fn fake_hunspell(log: &Path) -> Program {
    program(&["sh", "-c", FAKE_HUNSPELL, "sh", &log.display().to_string()])
}

/// The script of [`fake_hunspell`]; `$1` is the log.
const FAKE_HUNSPELL: &str = r#"while IFS= read -r w; do
  printf '%s\n' "$w" >> "$1"
  case "$w" in
    x*|zzkursoend*) printf '%s\n\n' "$w" ;;
    *) printf '%s L%s\n\n' "$w" "$w" ;;
  esac
done"#;

fn program(argv: &[&str]) -> Program {
    Program {
        label: "test".to_owned(),
        argv: argv.iter().map(Into::into).collect(),
        parse: hunspell::parse,
        data: Vec::new(),
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

#[test]
fn each_distinct_word_is_sent_once() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let log = dir.path().join("words.log");
    let analyzer = PipeAnalyzer::new("it", fake_hunspell(&log), Duration::from_secs(20), None);
    assert_eq!(
        analyzer.lemmas(&["ab", "cd", "ab", "xy"]),
        [
            strings(&["lab"]),
            strings(&["lcd"]),
            strings(&["lab"]),
            vec![]
        ]
    );
    assert_eq!(
        analyzer.lemmas(&["cd", "ef", "xy"]),
        [strings(&["lcd"]), strings(&["lef"]), vec![]]
    );
    assert_eq!(
        analyzer.lemmas(&["ab", "cd"]),
        [strings(&["lab"]), strings(&["lcd"])]
    );
    let sent = std::fs::read_to_string(&log).expect("the script logged its input");
    let words: Vec<&str> = sent
        .lines()
        .filter(|w| !w.starts_with("zzkursoend"))
        .collect();
    assert_eq!(words, ["ab", "cd", "xy", "ef"]);
    assert_eq!(
        sent.lines().count(),
        6,
        "two batches, two end markers: {sent}"
    );
}

/// `start` launches the program before any word is asked (it loads its dictionary while
/// the run does other work), once, and changes no answer.
#[test]
fn start_launches_the_program_once_before_the_first_word() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let launches = dir.path().join("launches.log");
    let log = dir.path().join("words.log");
    let script = r#"echo launched >> "$1"
while IFS= read -r w; do
  printf '%s\n' "$w" >> "$2"
  printf '%s L%s\n\n' "$w" "$w"
done"#;
    let analyzer = PipeAnalyzer::new(
        "it",
        program(&[
            "sh",
            "-c",
            script,
            "sh",
            &launches.display().to_string(),
            &log.display().to_string(),
        ]),
        Duration::from_secs(20),
        None,
    );
    analyzer.start();
    analyzer.start();
    let deadline = Instant::now() + Duration::from_secs(10);
    while !launches.exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
    assert!(launches.exists(), "started before any word was asked");
    assert!(!log.exists(), "no word was sent");
    assert_eq!(analyzer.lemmas(&["ab"]), [strings(&["lab"])]);
    analyzer.start();
    assert_eq!(analyzer.lemmas(&["cd"]), [strings(&["lcd"])]);
    let started = std::fs::read_to_string(&launches).expect("the script logged its start");
    assert_eq!(
        started.lines().count(),
        1,
        "one process for the run: {started}"
    );
}

/// `stop` ends a running program (none outlives the run that started it: one still loading
/// its dictionary would go on after kurso exits); a word asked later starts it again, and the
/// answers already given stay.
#[test]
fn stop_ends_the_program_and_a_later_word_starts_it_again() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let launches = dir.path().join("launches.log");
    let script = r#"echo $$ >> "$1"
while IFS= read -r w; do
  printf '%s L%s\n\n' "$w" "$w"
done"#;
    let analyzer = PipeAnalyzer::new(
        "it",
        program(&["sh", "-c", script, "sh", &launches.display().to_string()]),
        Duration::from_secs(20),
        None,
    );
    // Nothing runs yet: stopping is a no-op.
    analyzer.stop();
    assert!(!launches.exists());
    assert_eq!(analyzer.lemmas(&["ab"]), [strings(&["lab"])]);
    let pids = || -> Vec<String> {
        std::fs::read_to_string(&launches)
            .expect("the script logged its start")
            .lines()
            .map(str::to_owned)
            .collect()
    };
    let first = pids();
    assert_eq!(first.len(), 1);
    // The shell's own `kill` (a machine need not have the program).
    let alive = |pid: &str| {
        std::process::Command::new("sh")
            .args(["-c", "kill -0 \"$1\" 2>/dev/null", "sh", pid])
            .status()
            .is_ok_and(|status| status.success())
    };
    assert!(alive(&first[0]), "the program runs between batches");
    analyzer.stop();
    assert!(!alive(&first[0]), "stopped: killed and reaped");
    // A kept answer needs no program; a new word starts one.
    assert_eq!(analyzer.lemmas(&["ab"]), [strings(&["lab"])]);
    assert_eq!(pids().len(), 1);
    assert_eq!(analyzer.lemmas(&["cd"]), [strings(&["lcd"])]);
    assert_eq!(pids().len(), 2, "started again for a new word");
    analyzer.stop();
}

/// Answers are kept between runs: a second analyser over the same cache file answers the
/// words the first was asked without starting its program, and asks it only about new words.
#[test]
fn kept_answers_spare_the_next_run_the_program() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let cache_file = dir.path().join("cache").join("it-test.tsv");
    let first_log = dir.path().join("first.log");
    let first = PipeAnalyzer::new(
        "it",
        fake_hunspell(&first_log),
        Duration::from_secs(20),
        Some(cache_file.clone()),
    );
    assert_eq!(first.lemmas(&["ab", "xy"]), [strings(&["lab"]), vec![]]);
    first.save();
    let kept = std::fs::read_to_string(&cache_file).expect("the answers were kept");
    assert_eq!(kept, "ab\tlab\nxy\n");

    let second_log = dir.path().join("second.log");
    let launches = dir.path().join("launches.log");
    let script = format!(
        "echo launched >> '{}'\n{}",
        launches.display(),
        FAKE_HUNSPELL
    );
    let second = PipeAnalyzer::new(
        "it",
        program(&["sh", "-c", &script, "sh", &second_log.display().to_string()]),
        Duration::from_secs(20),
        Some(cache_file.clone()),
    );
    second.start();
    assert_eq!(second.lemmas(&["xy", "ab"]), [vec![], strings(&["lab"])]);
    std::thread::sleep(Duration::from_millis(200));
    assert!(!launches.exists(), "no program started for kept answers");
    assert_eq!(
        second.lemmas(&["cd", "ab"]),
        [strings(&["lcd"]), strings(&["lab"])]
    );
    let started = std::fs::read_to_string(&launches).expect("a new word starts the program");
    assert_eq!(started.lines().count(), 1);
    let sent = std::fs::read_to_string(&second_log).expect("the new word was sent");
    let words: Vec<&str> = sent
        .lines()
        .filter(|w| !w.starts_with("zzkursoend"))
        .collect();
    assert_eq!(words, ["cd"]);
    second.save();
    let kept = std::fs::read_to_string(&cache_file).expect("kept");
    assert_eq!(kept, "ab\tlab\ncd\tlcd\nxy\n");
}

/// A program that failed leaves nothing in the cache: the next run asks again.
#[test]
fn answers_of_a_failed_program_are_not_kept() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let cache_file = dir.path().join("it-test.tsv");
    let analyzer = PipeAnalyzer::new(
        "it",
        program(&["sh", "-c", "exit 0"]),
        Duration::from_millis(300),
        Some(cache_file.clone()),
    );
    assert_eq!(analyzer.lemmas(&["ab"]), [Vec::<String>::new()]);
    analyzer.save();
    assert!(!cache_file.exists(), "nothing to keep");
}

#[test]
fn every_batch_has_its_own_end_marker() {
    let dir = tempfile::tempdir().expect("a temporary directory");
    let log = dir.path().join("words.log");
    let analyzer = PipeAnalyzer::new("it", fake_hunspell(&log), Duration::from_secs(20), None);
    for word in ["a", "b", "c"] {
        analyzer.lemmas(&[word]);
    }
    let sent = std::fs::read_to_string(&log).expect("the script logged its input");
    let markers: HashSet<&str> = sent
        .lines()
        .filter(|w| w.starts_with("zzkursoend"))
        .collect();
    assert_eq!(markers.len(), 3, "{sent}");
}

/// Asserts an analyser over `argv` answers "no lemmas", twice, within a few seconds.
#[track_caller]
fn check_degrades(argv: &[&str]) {
    let analyzer = PipeAnalyzer::new("it", program(argv), Duration::from_millis(300), None);
    let started = Instant::now();
    assert_eq!(
        analyzer.lemmas(&["uno", "due"]),
        [Vec::<String>::new(), vec![]]
    );
    assert_eq!(analyzer.lemmas(&["tre"]), [Vec::<String>::new()]);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
}

#[test]
fn a_program_that_exits_at_once_gives_no_lemmas() {
    check_degrades(&["sh", "-c", "exit 0"]);
}

#[test]
fn a_missing_program_gives_no_lemmas() {
    check_degrades(&["/nonexistent/kurso-analyser"]);
}

#[test]
fn a_program_that_never_answers_is_given_up() {
    check_degrades(&["sleep", "30"]);
}

#[test]
fn a_program_that_never_ends_its_batch_is_given_up() {
    check_degrades(&["yes", "uno lemma"]);
}

#[test]
fn a_program_that_dies_later_keeps_its_answers() {
    // Answers one word, then exits.
    let script =
        r#"IFS= read -r w; printf '%s L%s\n\n' "$w" "$w"; IFS= read -r m; printf '%s\n\n' "$m""#;
    let analyzer = PipeAnalyzer::new(
        "it",
        program(&["sh", "-c", script]),
        Duration::from_secs(20),
        None,
    );
    assert_eq!(analyzer.lemmas(&["ab"]), [strings(&["lab"])]);
    assert_eq!(analyzer.lemmas(&["cd", "ab"]), [vec![], strings(&["lab"])]);
}

#[test]
fn hunspell_output_lines() {
    assert_eq!(
        hunspell::parse("ápolóknak ápoló"),
        Line::Lemma {
            word: Some("ápolóknak"),
            lemma: "ápoló"
        }
    );
    assert_eq!(hunspell::parse("xqzvkw"), Line::Word("xqzvkw"));
    assert_eq!(hunspell::parse(""), Line::Other);
}

#[test]
fn voikko_output_lines() {
    assert_eq!(voikko::parse("C: potilaalle"), Line::Word("potilaalle"));
    assert_eq!(voikko::parse("W: xqzvkw"), Line::Word("xqzvkw"));
    assert_eq!(
        voikko::parse("A(potilaalle):1:BASEFORM=potilas"),
        Line::Lemma {
            word: None,
            lemma: "potilas"
        }
    );
    assert_eq!(voikko::parse("A(potilaalle):1:CLASS=nimisana"), Line::Other);
}

/// Distinct folded words of `lang` from the corpora: Thunderbird's translations and the
/// TICO-19 terminologies (both columns), topped up to `n` with the English of Firefox
/// (translations carry English too: names, untranslated strings).
fn corpus_words(lang: &str, n: usize) -> Vec<String> {
    let corpora = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora");
    let tico = |path: &Path| {
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        name.contains(&format!("_{lang}")) || name.contains(&format!("-{lang}_"))
    };
    let files = [
        (corpora.join("fluent/thunderbird").join(lang), "ftl"),
        (corpora.join("terms/tico19/data/terminologies"), "csv"),
        (corpora.join("fluent/firefox/en-US"), "ftl"),
    ]
    .into_iter()
    .flat_map(|(dir, extension)| {
        walkdir::WalkDir::new(dir)
            .sort_by_file_name()
            .into_iter()
            .filter_map(Result::ok)
            .map(walkdir::DirEntry::into_path)
            .filter(move |path| path.extension().is_some_and(|e| e == extension))
    })
    .filter(|path| path.extension().is_some_and(|e| e == "ftl") || tico(path));
    let mut seen = HashSet::new();
    let mut words = Vec::new();
    for path in files {
        let text = std::fs::read_to_string(&path).unwrap_or_default();
        for token in tokens(lang, &text) {
            if words.len() < n
                && !token.folded.chars().all(|c| c.is_ascii_digit())
                && seen.insert(token.folded.clone())
            {
                words.push(token.folded);
            }
        }
    }
    words
}

/// Timings for 10,000 distinct words per language: `cargo test --release -- --ignored
/// --nocapture ten_thousand_words`.
#[test]
#[ignore = "a measurement: reads the corpora, prints timings"]
#[expect(clippy::print_stderr, reason = "prints the measurement")]
fn ten_thousand_words() {
    for lang in ["fi", "hu", "it", "lt", "ro", "tr"] {
        let words = corpus_words(lang, 10_000);
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        let (Some(one_batch), Some(by_message)) = (detect(lang), detect(lang)) else {
            eprintln!("{lang}: no analyser installed");
            continue;
        };
        let started = Instant::now();
        let lemmas = one_batch.lemmas(&refs);
        let cold = started.elapsed();
        let started = Instant::now();
        for chunk in refs.chunks(20) {
            one_batch.lemmas(chunk);
        }
        let cached = started.elapsed();
        let started = Instant::now();
        for chunk in refs.chunks(20) {
            by_message.lemmas(chunk);
        }
        let chunked = started.elapsed();
        let known = lemmas.iter().filter(|l| !l.is_empty()).count();
        eprintln!(
            "{lang} ({}): {} words, {known} with lemmas; one batch {cold:.2?}, \
             500 batches of 20 {chunked:.2?}, again from the cache {cached:.2?}",
            one_batch.name(),
            words.len()
        );
    }
}
