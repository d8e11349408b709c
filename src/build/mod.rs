//! `kurso build`: localized copies of every course, one folder per locale.
//!
//! Each module is segmented and aligned as `extract` would (so IDs match `locales/`), then
//! every segment's text is looked up along the locale's fallback chain and spliced into the
//! source. What is not a segment is copied byte for byte, so building the source locale
//! reproduces the sources exactly. Files that are not modules (images, data) are copied.
//!
//! Invariant: a message missing along the whole chain falls back to the source text and is
//! listed in the summary; nothing is dropped silently.

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use unic_langid::LanguageIdentifier;

use crate::diagnostic::Diagnostic;
use crate::extract::{PlannedFile, plan_file};
use crate::fluent::{FtlFile, parse_ftl};
use crate::fsx;
use crate::locale::fallback_chain;
use crate::project::{COURSE_FILE, Project, SourceFile};
use crate::segment::{place_translation, splice};

#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Locales to build; all the project's locales (source included) when empty.
    pub locales: Vec<LanguageIdentifier>,
    /// Only these courses (all when empty).
    pub courses: Vec<String>,
}

/// A message that fell back to the source text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Fallback {
    /// The source file, relative to the project root.
    pub source: PathBuf,
    pub id: String,
}

/// The result for one locale.
#[derive(Debug, Clone)]
pub struct LocaleBuild {
    pub locale: LanguageIdentifier,
    pub chain: Vec<LanguageIdentifier>,
    pub output_dir: PathBuf,
    pub n_files: usize,
    pub n_written: usize,
    pub n_messages: usize,
    /// How many messages came from each locale of the chain (source last).
    pub from_locale: BTreeMap<String, usize>,
    /// Messages with no translation anywhere along the chain (source locale excluded), in
    /// document order per file.
    pub fallbacks: Vec<Fallback>,
    /// Number of messages of each source file (relative path), for reporting fallbacks.
    pub file_messages: BTreeMap<PathBuf, usize>,
}

#[derive(Debug, Clone, Default)]
pub struct BuildSummary {
    pub locales: Vec<LocaleBuild>,
    pub diagnostics: Vec<Diagnostic>,
}

impl BuildSummary {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

type Translations = HashMap<(LanguageIdentifier, SourceFile), Arc<FtlFile>>;

/// Builds the requested locales.
pub fn build(project: &Project, opts: &BuildOptions) -> Result<BuildSummary, Diagnostic> {
    let config = &project.config;
    let all_locales = config.all_locales();
    let locales = if opts.locales.is_empty() {
        all_locales.clone()
    } else {
        opts.locales.clone()
    };
    if let Some(unknown) = locales.iter().find(|locale| !all_locales.contains(locale)) {
        return Err(Diagnostic::file_error(
            Path::new(crate::config::CONFIG_FILE),
            format!("locale `{unknown}` is not one of the project's locales"),
        )
        .with_help(format!(
            "add it to `target-locales` in kurso.toml, or build one of: {}",
            all_locales
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    let files = project.source_files(&opts.courses)?;
    let mut summary = BuildSummary::default();

    let planned: Vec<PlannedFile> = files
        .par_iter()
        .map(|file| plan_file(project, file))
        .collect::<Vec<_>>()
        .into_iter()
        .filter_map(|result| match result {
            Ok((planned, diagnostics)) => {
                summary.diagnostics.extend(diagnostics);
                Some(planned)
            }
            Err(diagnostics) => {
                summary.diagnostics.extend(diagnostics);
                None
            }
        })
        .collect();
    summary
        .diagnostics
        .extend(crate::extract::out_of_date_warnings(project, &planned));
    let orphans = project.orphaned_messages(&files, &opts.courses);
    summary
        .diagnostics
        .extend(crate::extract::orphan_warnings(project, &orphans));

    let chains: Vec<(LanguageIdentifier, Vec<LanguageIdentifier>)> = locales
        .iter()
        .map(|locale| {
            (
                locale.clone(),
                fallback_chain(locale, &all_locales, &config.source_locale),
            )
        })
        .collect();
    let translations = load_translations(project, &planned, &chains, &mut summary.diagnostics);

    for (locale, chain) in chains {
        let result = build_locale(project, &planned, &locale, &chain, &translations);
        summary.diagnostics.extend(result.1);
        summary.locales.push(result.0);
    }
    let assets = copy_assets(project, &files, &locales);
    summary.diagnostics.extend(assets);
    summary.diagnostics.sort_by_key(Diagnostic::sort_key);
    summary.diagnostics.dedup();
    Ok(summary)
}

fn build_locale(
    project: &Project,
    planned: &[PlannedFile],
    locale: &LanguageIdentifier,
    chain: &[LanguageIdentifier],
    translations: &Translations,
) -> (LocaleBuild, Vec<Diagnostic>) {
    let source_locale = &project.config.source_locale;
    let output_dir = project.build_dir().join(locale.to_string());
    let per_file: Vec<_> = planned
        .par_iter()
        .map(|file| {
            let mut diagnostics = Vec::new();
            let mut from_locale: BTreeMap<String, usize> = BTreeMap::new();
            let mut fallbacks = Vec::new();
            let mut replacements = Vec::new();
            let source_rel = project.relative(&project.source_path(&file.source)).to_path_buf();
            for (segment, id) in file.segmented.segments.iter().zip(&file.alignment.ids) {
                let mut chosen = None;
                for candidate in chain.iter().filter(|candidate| *candidate != source_locale) {
                    let Some(ftl) = translations.get(&(candidate.clone(), file.source.clone())) else {
                        continue;
                    };
                    let Some(message) = ftl.get(id) else { continue };
                    match &message.value {
                        Ok(value) if !value.trim().is_empty() => {
                            chosen = Some((candidate, value));
                            break;
                        }
                        Ok(_) => {}
                        Err(placeable) => diagnostics.push(
                            Diagnostic::file_error(
                                project.relative(&project.messages_path(candidate, &file.source)),
                                format!("message `{id}` uses `{placeable}`, which course text cannot hold; it is built from the fallback"),
                            )
                            .with_help("write the text itself instead of a placeable")
                            .warning(),
                        ),
                    }
                }
                if let Some((candidate, value)) = chosen {
                    *from_locale.entry(candidate.to_string()).or_default() += 1;
                    replacements.extend(place_translation(segment, value));
                } else {
                    *from_locale.entry(source_locale.to_string()).or_default() += 1;
                    if locale != source_locale {
                        fallbacks.push(Fallback { source: source_rel.clone(), id: id.clone() });
                    }
                }
            }
            let output = output_dir.join(&file.source.course).join(&file.source.rel_path);
            let built = splice(&file.text, replacements);
            let written = match fsx::write_if_changed(&output, built.as_bytes()) {
                Ok(written) => written,
                Err(err) => {
                    diagnostics.push(Diagnostic::file_error(project.relative(&output), err.to_string()));
                    false
                }
            };
            (written, (source_rel, file.alignment.ids.len()), from_locale, fallbacks, diagnostics)
        })
        .collect();

    let mut build = LocaleBuild {
        locale: locale.clone(),
        chain: chain.to_vec(),
        output_dir: project.relative(&output_dir).to_path_buf(),
        n_files: planned.len(),
        n_written: 0,
        n_messages: 0,
        from_locale: BTreeMap::new(),
        fallbacks: Vec::new(),
        file_messages: BTreeMap::new(),
    };
    let mut diagnostics = Vec::new();
    for (written, (source_rel, n_messages), from_locale, fallbacks, file_diagnostics) in per_file {
        build.n_written += usize::from(written);
        build.n_messages += n_messages;
        build.file_messages.insert(source_rel, n_messages);
        for (from, count) in from_locale {
            *build.from_locale.entry(from).or_default() += count;
        }
        build.fallbacks.extend(fallbacks);
        diagnostics.extend(file_diagnostics);
    }
    build.fallbacks.sort_by(|a, b| a.source.cmp(&b.source));
    (build, diagnostics)
}

/// Parses every translation file the chains need, once each.
fn load_translations(
    project: &Project,
    planned: &[PlannedFile],
    chains: &[(LanguageIdentifier, Vec<LanguageIdentifier>)],
    diagnostics: &mut Vec<Diagnostic>,
) -> Translations {
    let mut locales: Vec<&LanguageIdentifier> = chains
        .iter()
        .flat_map(|(_, chain)| chain)
        .filter(|locale| **locale != project.config.source_locale)
        .collect();
    locales.sort_by_key(ToString::to_string);
    locales.dedup();
    let needed: Vec<(LanguageIdentifier, SourceFile)> = locales
        .iter()
        .flat_map(|locale| {
            planned
                .iter()
                .map(|file| ((*locale).clone(), file.source.clone()))
        })
        .collect();
    let loaded: Vec<_> = needed
        .into_par_iter()
        .map(|(locale, file)| {
            let path = project.messages_path(&locale, &file);
            let parsed = match fsx::read_optional(&path) {
                Ok(Some(text)) => Some(parse_ftl(project.relative(&path), &text)),
                Ok(None) => None,
                Err(err) => {
                    let mut failed = FtlFile::default();
                    failed.diagnostics.push(Diagnostic::file_error(
                        project.relative(&path),
                        err.to_string(),
                    ));
                    Some(failed)
                }
            };
            ((locale, file), parsed)
        })
        .collect();
    let mut translations = Translations::new();
    for (key, parsed) in loaded {
        if let Some(mut parsed) = parsed {
            diagnostics.append(&mut parsed.diagnostics);
            translations.insert(key, Arc::new(parsed));
        }
    }
    translations
}

/// Copies each course's other files (images, data) into every locale's output.
fn copy_assets(
    project: &Project,
    files: &[SourceFile],
    locales: &[LanguageIdentifier],
) -> Vec<Diagnostic> {
    let mut courses: Vec<&str> = files.iter().map(|file| file.course.as_str()).collect();
    courses.dedup();
    let mut diagnostics = Vec::new();
    for course in courses {
        let course_dir = project.courses_dir().join(course);
        let assets: Vec<PathBuf> = walkdir::WalkDir::new(&course_dir)
            .into_iter()
            .filter_entry(|entry| !entry.file_name().to_string_lossy().starts_with('.'))
            .filter_map(Result::ok)
            .filter(|entry| entry.file_type().is_file())
            .map(walkdir::DirEntry::into_path)
            .filter(|path| {
                path.extension().is_none_or(|ext| ext != "md") && !path.ends_with(COURSE_FILE)
            })
            .collect();
        for asset in &assets {
            let rel = asset
                .strip_prefix(&course_dir)
                .expect("walked inside the course");
            for locale in locales {
                let target = project
                    .build_dir()
                    .join(locale.to_string())
                    .join(course)
                    .join(rel);
                if let Err(err) = fsx::copy_atomic(asset, &target) {
                    diagnostics.push(Diagnostic::file_error(
                        project.relative(asset),
                        err.to_string(),
                    ));
                }
            }
        }
    }
    diagnostics
}
