//! `TestProject`: a throwaway kurso project on disk, and helpers to run the real binary on it.

use std::path::{Path, PathBuf};
use std::process::Command;

use pulldown_cmark::{Event, Parser, Tag};

pub struct TestProject {
    dir: tempfile::TempDir,
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl TestProject {
    /// A project with `kurso.toml` targeting el, el-CY and it.
    pub fn new() -> Self {
        let project = TestProject {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        project.file(
            "kurso.toml",
            "source-locale = \"en\"\ntarget-locales = [\"el\", \"el-CY\", \"it\"]\n",
        )
    }

    /// A copy of the repository's own sample project: kurso.toml, the courses, their
    /// translations and state, and the glossaries.
    pub fn sample() -> Self {
        let project = TestProject {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        let repository = Path::new(env!("CARGO_MANIFEST_DIR"));
        for top in ["kurso.toml", "courses", "locales", "glossaries"] {
            for entry in walkdir::WalkDir::new(repository.join(top)) {
                let entry = entry.expect("walk the sample");
                let rel = entry
                    .path()
                    .strip_prefix(repository)
                    .expect("inside the repository");
                let to = project.root().join(rel);
                if entry.file_type().is_dir() {
                    std::fs::create_dir_all(&to).expect("mkdir");
                } else {
                    std::fs::copy(entry.path(), &to).expect("copy");
                }
            }
        }
        project
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a file (creating folders); returns self for chaining.
    pub fn file(self, rel: &str, contents: &str) -> Self {
        self.write(rel, contents);
        self
    }

    pub fn write(&self, rel: &str, contents: &str) {
        let path = self.root().join(rel);
        std::fs::create_dir_all(path.parent().expect("has parent")).expect("mkdir");
        std::fs::write(path, contents).expect("write");
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.root().join(rel))
            .unwrap_or_else(|err| panic!("read {rel}: {err}"))
    }

    pub fn exists(&self, rel: &str) -> bool {
        self.root().join(rel).exists()
    }

    /// Runs `kurso ARGS` in the project folder.
    pub fn run(&self, args: &[&str]) -> Run {
        let output = Command::new(env!("CARGO_BIN_EXE_kurso"))
            .args(args)
            .current_dir(self.root())
            .output()
            .expect("run kurso");
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }

    /// Runs and asserts the exit code, showing the output when it differs.
    #[track_caller]
    pub fn run_ok(&self, args: &[&str]) -> Run {
        let run = self.run(args);
        assert_eq!(
            run.code, 0,
            "kurso {args:?} failed\nstdout:\n{}\nstderr:\n{}",
            run.stdout, run.stderr
        );
        run
    }
}

/// The repository's shared corpora (`../shared/corpora` beside the repository).
pub fn corpora() -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora");
    assert!(
        path.is_dir(),
        "the shared corpora are expected at {}",
        path.display()
    );
    path
}

/// Block-level structure of a Markdown text: every block tag, without positions or text.
pub fn block_skeleton(markdown: &str) -> Vec<String> {
    Parser::new_ext(markdown, kurso::segment::markdown_options())
        .filter_map(|event| match event {
            Event::Start(tag) if !is_inline(&tag) => Some(format!("start {}", tag_name(&tag))),
            Event::End(end) => {
                let name = format!("{end:?}");
                (![
                    "Emphasis",
                    "Strong",
                    "Strikethrough",
                    "Link",
                    "Image",
                    "Superscript",
                    "Subscript",
                ]
                .iter()
                .any(|inline| name.starts_with(inline)))
                .then(|| format!("end {name}"))
            }
            Event::Rule => Some("rule".to_owned()),
            _ => None,
        })
        .collect()
}

fn is_inline(tag: &Tag<'_>) -> bool {
    matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Link { .. }
            | Tag::Image { .. }
            | Tag::Superscript
            | Tag::Subscript
    )
}

fn tag_name(tag: &Tag<'_>) -> String {
    match tag {
        Tag::Heading { level, .. } => format!("heading {level}"),
        Tag::CodeBlock(_) => "code".to_owned(),
        Tag::List(start) => format!("list {start:?}"),
        Tag::Table(alignments) => format!("table {}", alignments.len()),
        other => format!("{other:?}"),
    }
}

/// The full event stream, for "same Markdown" comparisons.
pub fn events(markdown: &str) -> Vec<String> {
    Parser::new_ext(markdown, kurso::segment::markdown_options())
        .map(|event| format!("{event:?}"))
        .collect()
}

/// An address nothing listens on.
pub async fn closed_port() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = listener.local_addr().expect("address");
    drop(listener);
    format!("http://{address}")
}

/// Set (by `.ci/run`, after installing the analysers) to make the analyser mode compulsory,
/// so a failed installation cannot pass as the fallback mode.
pub const EXPECT_ANALYZERS_VAR: &str = "KURSO_EXPECT_ANALYZERS";

/// The analyser kurso uses for `lang` (its name, `voikko fi`), or `None` in fallback mode
/// (none installed, or `KURSO_NO_ANALYZER` set); said on stderr. Fails when
/// `KURSO_EXPECT_ANALYZERS` asks for an analyser that is not there.
#[expect(clippy::print_stderr, reason = "the test says which mode it checked")]
pub fn analyser(lang: &str) -> Option<String> {
    let on = |var: &str| std::env::var_os(var).is_some_and(|v| !v.is_empty() && v != "0");
    let found = kurso::glossary::morph::system_analyzer(lang).map(|a| a.name());
    let disabled = on(kurso::glossary::morph::NO_ANALYZER_VAR);
    assert!(
        found.is_some() || disabled || !on(EXPECT_ANALYZERS_VAR),
        "{lang}: {EXPECT_ANALYZERS_VAR} is set but no analyser is installed"
    );
    match &found {
        Some(name) => eprintln!("{lang}: analyser mode ({name})"),
        None => eprintln!("{lang}: fallback mode"),
    }
    found
}
