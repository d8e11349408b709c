//! `kurso build`: localized copies of every course, one folder per locale.
//!
//! Each module is segmented and aligned as `extract` would (so IDs match `locales/`), then
//! every segment's text is looked up along the locale's fallback chain and spliced into the
//! source. What is not a segment is copied byte for byte (a byte-order mark included), so
//! building the source locale reproduces the sources exactly. Files that are not modules
//! (images, data) are copied. Outputs whose source is gone are removed (`outputs.rs`).
//!
//! Invariant: a message missing along the whole chain falls back to the source text and is
//! listed in the summary; nothing is dropped silently. A translation is not used when
//! `[build]` holds it back (`policy.rs`: by default a machine draft, a stale translation, one
//! with no record) or when it would change the module's Markdown structure (`locale.rs`): the
//! message falls back along the chain, and the translation is listed with the reason.
//!
//! Invariant: a default build never ships a machine draft. `--preview` writes everything,
//! drafts marked with [`DRAFT_MARK`], into a separate folder ([`preview_dir`]), never into
//! the build folder.

mod choose;
mod locale;
mod modules;
mod outputs;
pub mod policy;

use std::collections::{BTreeMap, HashMap};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use unic_langid::LanguageIdentifier;

use crate::diagnostic::Diagnostic;
use crate::fluent::{FtlFile, parse_ftl};
use crate::fsx;
use crate::locale::fallback_chain;
use crate::project::{Project, SourceFile};
use crate::segment::StructureChange;
use crate::state::StateFile;
pub use modules::{SourceModule, SourceModules, course_modules, plan_modules};
pub use outputs::MANIFEST;
pub use policy::{Hold, ShipPolicy};

/// What a preview puts at the start of a draft's text (a translation a real build holds
/// back). Plain text, so the module's Markdown structure stays as it is.
pub const DRAFT_MARK: &str = "⚠ ";

#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// Locales to build; all the project's locales (source included) when empty.
    pub locales: Vec<LanguageIdentifier>,
    /// Only these courses (all when empty).
    pub courses: Vec<String>,
    /// Use drafts too, marked with [`DRAFT_MARK`], and write into [`preview_dir`].
    pub preview: bool,
}

/// A message that fell back to the source text.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Fallback {
    /// The source file, relative to the project root.
    pub source: PathBuf,
    pub id: String,
}

/// Where a translation is, to point a person at it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TranslationAt {
    /// The translation file, relative to the project, and the message's place in it.
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
    pub id: String,
    /// The locale whose translation it is.
    pub locale: String,
    /// The source module and the line of the block.
    pub source: PathBuf,
    pub source_line: usize,
}

/// Why a translation was not used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NotUsedBecause {
    /// `[build]` holds it back.
    Held(Hold),
    /// Its splice would change the module's Markdown structure.
    Structure(StructureChange),
}

/// A translation not used: its message was built from the next locale of the chain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotUsed {
    pub at: TranslationAt,
    pub because: NotUsedBecause,
    /// The locale the message was built from instead (the source locale at worst).
    pub built_from: String,
}

/// A translation used although a default build would not use it as it is: marked as a
/// draft in a preview, or shipped because `[build]` says so (`stale`/`unverified = "ship"`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flagged {
    pub at: TranslationAt,
    pub hold: Hold,
}

/// The result for one locale.
#[derive(Debug, Clone)]
pub struct LocaleBuild {
    pub locale: LanguageIdentifier,
    pub chain: Vec<LanguageIdentifier>,
    pub output_dir: PathBuf,
    pub n_files: usize,
    pub n_written: usize,
    /// Messages built (a blocked module's are not counted).
    pub n_messages: usize,
    /// How many messages came from each locale of the chain (source last).
    pub from_locale: BTreeMap<String, usize>,
    /// Messages with no translation anywhere along the chain (source locale excluded), in
    /// document order per file.
    pub fallbacks: Vec<Fallback>,
    /// Translations not used (held back, or they would change the structure), by file and
    /// line.
    pub not_used: Vec<NotUsed>,
    /// A preview's drafts, marked in the built text; by file and line.
    pub marked: Vec<Flagged>,
    /// Shipped only because `[build]` allows it (stale or unverified); by file and line.
    pub shipped_despite: Vec<Flagged>,
    /// Modules not built because a stale translation blocks them (`stale = "block"`); their
    /// previous output stays.
    pub blocked: Vec<PathBuf>,
    /// Outputs removed because their source is gone, relative to the project.
    pub removed: Vec<PathBuf>,
    /// Number of messages of each source file (relative path), for reporting fallbacks.
    pub file_messages: BTreeMap<PathBuf, usize>,
}

#[derive(Debug, Clone, Default)]
pub struct BuildSummary {
    pub locales: Vec<LocaleBuild>,
    /// The folder written (relative to the project): the build folder, or the preview's.
    pub output_root: PathBuf,
    pub preview: bool,
    pub diagnostics: Vec<Diagnostic>,
}

impl BuildSummary {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Where `kurso build --preview` writes: beside the build folder, under its name with
/// `-preview` (`build-preview/` for `build/`), so that publishing the build folder can never
/// publish a preview.
pub fn preview_dir(project: &Project) -> PathBuf {
    let mut parts: Vec<&std::ffi::OsStr> = project
        .config
        .paths
        .build
        .components()
        .filter_map(|part| match part {
            Component::Normal(name) => Some(name),
            _ => None,
        })
        .collect();
    let last = parts.pop().map_or_else(
        || "build".to_owned(),
        |name| name.to_string_lossy().into_owned(),
    );
    let mut dir = project.root.clone();
    dir.extend(parts);
    dir.join(format!("{last}-preview"))
}

/// A translation file as the build reads it.
struct Loaded {
    file: FtlFile,
    /// The file's text and its path relative to the project, to point at a message.
    text: String,
    path: PathBuf,
    /// Its state records; `Err` when the state file cannot be read (reported).
    state: Result<StateFile, ()>,
}

type Translations = HashMap<(LanguageIdentifier, SourceFile), Arc<Loaded>>;

/// Builds the requested locales.
///
/// `Err` when the run cannot start: an unknown locale or course, no courses folder, or
/// nothing to build (no module or `course.yaml` in the chosen courses).
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
    let courses = if opts.courses.is_empty() {
        project.courses()?
    } else {
        opts.courses.clone()
    };
    if files.is_empty() {
        return Err(nothing_to_build(project, &courses));
    }
    let root = if opts.preview {
        preview_dir(project)
    } else {
        project.build_dir()
    };
    let mut summary = BuildSummary {
        output_root: project.relative(&root).to_path_buf(),
        preview: opts.preview,
        ..BuildSummary::default()
    };
    let (modules, diagnostics) = plan_modules(project, &files);
    summary.diagnostics.extend(diagnostics);
    summary
        .diagnostics
        .extend(crate::extract::out_of_date_warnings(
            project,
            &modules
                .iter()
                .map(|module| module.planned.clone())
                .collect::<Vec<_>>(),
        ));
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
    let translations = load_translations(project, &modules, &chains, &mut summary.diagnostics);

    let mut produced = Vec::new();
    for (locale, chain) in chains {
        let target = locale::Target {
            locale: &locale,
            chain: &chain,
            output_dir: root.join(locale.to_string()),
            preview: opts.preview,
        };
        let (build, diagnostics, outputs) =
            locale::build_locale(project, &modules, &target, &translations);
        summary.diagnostics.extend(diagnostics);
        summary.locales.push(build);
        produced.extend(outputs);
    }
    let locale_names: Vec<String> = locales.iter().map(ToString::to_string).collect();
    let assets = outputs::course_assets(project, &courses);
    let (copied, diagnostics) = outputs::copy_assets(project, &root, &assets, &locale_names);
    produced.extend(copied);
    summary.diagnostics.extend(diagnostics);

    let scope = outputs::Scope {
        locales: &locale_names,
        courses: &courses,
        expected: outputs::expected_outputs(&files, &assets, &locale_names),
    };
    let (removed, diagnostics) = outputs::prune(project, &root, &scope, &produced);
    summary.diagnostics.extend(diagnostics);
    for path in removed {
        let locale = path
            .strip_prefix(project.relative(&root))
            .ok()
            .and_then(|rel| rel.components().next())
            .map(|part| part.as_os_str().to_string_lossy().into_owned());
        if let Some(build) = summary
            .locales
            .iter_mut()
            .find(|build| Some(build.locale.to_string()) == locale)
        {
            build.removed.push(path);
        }
    }
    summary.diagnostics.sort_by_key(Diagnostic::sort_key);
    summary.diagnostics.dedup();
    Ok(summary)
}

/// Why there is nothing to build, and what to do.
fn nothing_to_build(project: &Project, courses: &[String]) -> Diagnostic {
    let courses_dir = project.relative(&project.courses_dir()).to_path_buf();
    let message = if courses.is_empty() {
        format!(
            "nothing to build: `{}` holds no course folder",
            courses_dir.display()
        )
    } else {
        format!(
            "nothing to build: no module (`*.md`) or `course.yaml` in {}",
            courses
                .iter()
                .map(|course| format!("`{}`", courses_dir.join(course).display()))
                .collect::<Vec<_>>()
                .join(", ")
        )
    };
    Diagnostic::file_error(&courses_dir, message).with_help(
        "add a course folder with modules, or point `paths.courses` in kurso.toml at them",
    )
}

/// Parses every translation file the chains need, and its state, once each.
fn load_translations(
    project: &Project,
    modules: &SourceModules,
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
            modules
                .iter()
                .map(|module| ((*locale).clone(), module.planned.source.clone()))
        })
        .collect();
    let loaded: Vec<_> = needed
        .into_par_iter()
        .map(|(locale, file)| {
            let path = project.messages_path(&locale, &file);
            let rel = project.relative(&path).to_path_buf();
            let parsed = match fsx::read_optional(&path) {
                Ok(Some(text)) => {
                    let mut file = parse_ftl(&rel, &text);
                    let state = StateFile::load_for(&path, &rel).map_err(|diagnostic| {
                        file.diagnostics.push(diagnostic.with_help(
                            "no message of its translation file is built until it is fixed; \
                             state files are written by kurso: fix the entry by hand, or \
                             remove it and run `kurso accept` for the message",
                        ));
                    });
                    Some(Loaded {
                        file,
                        text,
                        path: rel,
                        state,
                    })
                }
                Ok(None) => None,
                Err(err) => {
                    let mut failed = FtlFile::default();
                    failed
                        .diagnostics
                        .push(Diagnostic::file_error(&rel, err.to_string()));
                    Some(Loaded {
                        file: failed,
                        text: String::new(),
                        path: rel,
                        state: Ok(StateFile::default()),
                    })
                }
            };
            ((locale, file), parsed)
        })
        .collect();
    let mut translations = Translations::new();
    for (key, parsed) in loaded {
        if let Some(mut parsed) = parsed {
            diagnostics.append(&mut parsed.file.diagnostics);
            translations.insert(key, Arc::new(parsed));
        }
    }
    translations
}
