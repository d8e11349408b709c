//! Extract and build on real text: the shipped sample courses, the Carpentries lesson in
//! `../shared/corpora/courses` (12 episodes of patient-data Markdown nobody here wrote) and
//! the LiaScript and kramdown lessons in `tests/fixtures/real-courses`.
//!
//! For each: building the source locale reproduces every module byte for byte (and so the
//! same Markdown event stream); building a pseudo-translation keeps every module's block
//! structure and puts exactly the translated text back where the source text was.

use std::path::Path;

use kurso::build::{BuildOptions, build};
use kurso::config::Config;
use kurso::extract::{ExtractOptions, extract};
use kurso::fluent::{SourceFtl, SourceMessage, parse_ftl, render_source_ftl};
use kurso::project::{Project, SourceKind};
use kurso::segment::{segment_module, segment_yaml};

use crate::support::{block_skeleton, corpora, events};

/// A translation that keeps Markdown intact and is visibly different.
fn pseudo(text: &str) -> String {
    format!("Ψ {text} Ω")
}

fn check_corpus(courses_dir: &Path) {
    let work = tempfile::tempdir().expect("temp dir");
    let mut config = Config {
        target_locales: vec!["it".parse().expect("valid")],
        ..Config::default()
    };
    config.paths.courses = courses_dir.to_path_buf();
    // The pseudo-translations below have no state record; this test is about the splice.
    config.build.rules.unverified = kurso::build::policy::UnverifiedAction::Ship;
    let project = Project::with_config(work.path(), config);

    let extracted = extract(&project, &ExtractOptions::default()).expect("extract runs");
    assert!(
        extracted.diagnostics.is_empty(),
        "{:#?}",
        extracted.diagnostics
    );
    assert!(
        extracted.n_messages() > 100,
        "too few messages: {}",
        extracted.n_messages()
    );

    // Pseudo-translate every source message into `it`.
    let files = project.source_files(&[]).expect("sources");
    let en = &project.config.source_locale;
    let it = &project.config.target_locales[0];
    for file in &files {
        let source_ftl =
            std::fs::read_to_string(project.messages_path(en, file)).expect("extracted");
        let parsed = parse_ftl(Path::new("en.ftl"), &source_ftl);
        let translated = SourceFtl {
            messages: parsed
                .messages
                .iter()
                .map(|message| SourceMessage {
                    id: message.id.clone(),
                    value: pseudo(message.value.as_ref().expect("plain text")),
                    comment: Vec::new(),
                })
                .collect(),
            ..SourceFtl::default()
        };
        kurso::fsx::write_atomic(
            &project.messages_path(it, file),
            render_source_ftl(&translated).as_bytes(),
        )
        .expect("write");
    }

    let built = build(&project, &BuildOptions::default()).expect("build runs");
    assert!(built.diagnostics.is_empty(), "{:#?}", built.diagnostics);
    for locale in &built.locales {
        assert!(
            locale.not_used.is_empty(),
            "{}: translations not used: {:?}",
            locale.locale,
            &locale.not_used[..locale.not_used.len().min(5)]
        );
        assert!(
            locale.fallbacks.is_empty(),
            "{}: {:?}",
            locale.locale,
            &locale.fallbacks[..locale.fallbacks.len().min(5)]
        );
    }

    let keys = &project.config.translatable_keys;
    for file in &files {
        let source = std::fs::read_to_string(project.source_path(file)).expect("source");
        let rel = Path::new(&file.course).join(&file.rel_path);
        let same =
            std::fs::read_to_string(work.path().join("build/en").join(&rel)).expect("built en");
        assert!(
            same == source,
            "{}: building the source locale changed the file",
            rel.display()
        );
        assert_eq!(events(&same), events(&source), "{}", rel.display());

        let translated =
            std::fs::read_to_string(work.path().join("build/it").join(&rel)).expect("built it");
        let (before, after) = match file.kind {
            SourceKind::Module => (
                segment_module(&rel, &source, keys),
                segment_module(&rel, &translated, keys),
            ),
            SourceKind::CourseMeta => (
                segment_yaml(&rel, &source, 0..source.len(), keys, ""),
                segment_yaml(&rel, &translated, 0..translated.len(), keys, ""),
            ),
        };
        assert!(
            after.diagnostics.is_empty(),
            "{}: {:#?}",
            rel.display(),
            after.diagnostics
        );
        if file.kind == SourceKind::Module {
            assert_eq!(
                block_skeleton(&translated),
                block_skeleton(&source),
                "{}: block structure changed",
                rel.display()
            );
        }
        let expected: Vec<String> = before
            .segments
            .iter()
            .map(|segment| pseudo(&segment.text))
            .collect();
        // The splice may escape a pipe so a paragraph does not turn into a table.
        let got: Vec<String> = after
            .segments
            .iter()
            .enumerate()
            .map(|(index, segment)| {
                let source = before.segments.get(index).map_or("", |s| s.text.as_str());
                if source.contains("\\|") {
                    segment.text.clone()
                } else {
                    segment.text.replace("\\|", "|")
                }
            })
            .collect();
        let first_difference = got
            .iter()
            .zip(&expected)
            .position(|(got, expected)| got != expected)
            .unwrap_or(got.len().min(expected.len()));
        assert!(
            got == expected,
            "{}: translated text did not land where the source text was: message {first_difference} is {:?}, expected {:?} ({} messages, {} expected)",
            rel.display(),
            got.get(first_difference),
            expected.get(first_difference),
            got.len(),
            expected.len()
        );
    }
}

#[test]
fn shipped_sample_courses_round_trip() {
    check_corpus(&Path::new(env!("CARGO_MANIFEST_DIR")).join("courses"));
}

#[test]
fn carpentries_lesson_round_trips() {
    check_corpus(&corpora().join("courses"));
}

/// LiaScript modules (HTML boxes, quizzes, a header) and kramdown/Jekyll episodes nobody here
/// wrote: see `tests/fixtures/real-courses/README.md`.
#[test]
fn real_liascript_and_kramdown_lessons_round_trip() {
    check_corpus(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/real-courses"));
}
