//! Where the Fluent files are: a kurso project (`locales/<locale>/…`, with translation
//! state), or any Fluent project laid out as compare-locales reads it (a reference folder and
//! a folder of locale folders). Loading parses every file once, in parallel.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;
use rustc_hash::FxHashSet;
use unic_langid::LanguageIdentifier;

use super::doc::FtlDoc;
use crate::diagnostic::Diagnostic;
use crate::fsx;
use crate::locale::fallback_chain;
use crate::locale::parse_locale_code;
use crate::project::Project;

/// One locale to load: its code, its folder (absolute, and as printed) and its fallbacks.
#[derive(Debug, Clone)]
pub struct LocaleSpec {
    pub name: String,
    pub locale: LanguageIdentifier,
    pub dir: PathBuf,
    pub dir_display: PathBuf,
    /// This locale, then the locales it falls back to, the reference excluded.
    pub chain: Vec<String>,
}

/// What to load.
#[derive(Debug, Clone)]
pub struct Layout {
    pub reference: LocaleSpec,
    /// The locales to check.
    pub locales: Vec<LocaleSpec>,
    /// Other locales the checked ones may fall back to (el for el-CY when only el-CY is
    /// checked): loaded for lookups, not checked.
    pub fallbacks: Vec<LocaleSpec>,
    /// Read `*.state.toml` beside translations (kurso projects).
    pub with_state: bool,
    /// Only files under these folders (courses), relative to each locale folder; empty: all.
    pub only: Vec<String>,
    /// Reference files whose module is gone (kurso projects; relative to the reference
    /// folder). They are not loaded as English: nothing drafts, checks or counts against
    /// them, and a locale's file of the same path is an `obsolete-file`.
    pub orphans: BTreeSet<String>,
}

/// A loaded locale: every `.ftl` file by path relative to the locale folder.
#[derive(Debug)]
pub struct LocaleDocs {
    pub name: String,
    /// Checked (`false`: loaded only as a fallback of a checked locale).
    pub checked: bool,
    pub locale: LanguageIdentifier,
    pub dir: PathBuf,
    pub dir_display: PathBuf,
    pub chain: Vec<String>,
    pub docs: BTreeMap<String, FtlDoc>,
    /// Every ID its files define (`-name` for terms), made on first use ([`Self::ids`]).
    ids: OnceLock<Arc<FxHashSet<String>>>,
}

impl LocaleDocs {
    /// Every ID this locale's files define (`-name` for terms). Made once: the reference
    /// locale is shared by every locale of a run.
    pub fn ids(&self) -> &Arc<FxHashSet<String>> {
        self.ids.get_or_init(|| {
            let ids = self
                .docs
                .values()
                .flat_map(|doc| doc.iter().map(|e| e.id().to_owned()));
            Arc::new(ids.collect())
        })
    }
}

/// Everything a check reads.
#[derive(Debug)]
pub struct LocaleTree {
    /// Shared: `check_layout` loads it once for every locale.
    pub reference: Arc<LocaleDocs>,
    pub locales: Vec<LocaleDocs>,
    pub with_state: bool,
    /// Files that could not be read.
    pub diagnostics: Vec<Diagnostic>,
}

impl Layout {
    /// A kurso project: `locales/<source>` is the reference; `locales` (empty: every target
    /// locale of kurso.toml) are checked.
    pub fn for_project(
        project: &Project,
        locales: &[LanguageIdentifier],
        courses: &[String],
    ) -> Layout {
        let config = &project.config;
        let all = config.all_locales();
        let spec = |locale: &LanguageIdentifier| {
            let dir = project.locale_dir(locale);
            LocaleSpec {
                name: locale.to_string(),
                locale: locale.clone(),
                dir_display: project.relative(&dir).to_path_buf(),
                dir,
                chain: fallback_chain(locale, &all, &config.source_locale)
                    .iter()
                    .filter(|l| **l != config.source_locale)
                    .map(ToString::to_string)
                    .collect(),
            }
        };
        let chosen: Vec<&LanguageIdentifier> = if locales.is_empty() {
            config.target_locales.iter().collect()
        } else {
            locales.iter().collect()
        };
        Layout {
            reference: spec(&config.source_locale),
            locales: chosen.iter().copied().map(spec).collect(),
            fallbacks: config
                .target_locales
                .iter()
                .filter(|locale| !chosen.contains(locale))
                .map(spec)
                .collect(),
            with_state: true,
            only: courses.to_vec(),
            orphans: orphaned_sources(project),
        }
    }

    /// Any Fluent project: `reference` holds the English files; `l10n` holds one folder per
    /// locale. `locales` empty: every folder of `l10n` except the reference's.
    pub fn generic(
        reference: &Path,
        l10n: &Path,
        locales: &[String],
    ) -> Result<Layout, Diagnostic> {
        if !reference.is_dir() {
            return Err(
                Diagnostic::file_error(reference, "the reference folder does not exist").with_help(
                    "--reference takes the folder holding the English .ftl files, e.g. l10n/en-US",
                ),
            );
        }
        if !l10n.is_dir() {
            return Err(
                Diagnostic::file_error(l10n, "the localization folder does not exist")
                    .with_help("--l10n takes the folder holding one folder per locale"),
            );
        }
        let reference_name = reference
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let names: Vec<String> = if locales.is_empty() {
            let mut names: Vec<String> = std::fs::read_dir(l10n)
                .map_err(|err| Diagnostic::file_error(l10n, err.to_string()))?
                .filter_map(Result::ok)
                .filter(|entry| entry.path().is_dir())
                .map(|entry| entry.file_name().to_string_lossy().into_owned())
                .filter(|name| !name.starts_with('.') && *name != reference_name)
                .filter(|name| parse_locale_code(name).is_ok())
                .collect();
            names.sort();
            names
        } else {
            locales.to_vec()
        };
        let reference_locale = parse_locale_code(&reference_name)
            .unwrap_or_else(|_| "en".parse().expect("`en` is a valid locale"));
        let mut parsed = Vec::new();
        for name in &names {
            let locale = parse_locale_code(name).map_err(|message| {
                Diagnostic::file_error(Path::new(name), message)
                    .with_help("name locales with BCP 47 codes such as el, el-CY or fi")
            })?;
            parsed.push((name.clone(), locale));
        }
        let mut available: Vec<LanguageIdentifier> =
            parsed.iter().map(|(_, l)| l.clone()).collect();
        available.push(reference_locale.clone());
        let specs = parsed
            .into_iter()
            .map(|(name, locale)| LocaleSpec {
                chain: fallback_chain(&locale, &available, &reference_locale)
                    .iter()
                    .filter(|l| **l != reference_locale)
                    .map(ToString::to_string)
                    .collect(),
                dir: l10n.join(&name),
                dir_display: l10n.join(&name),
                name,
                locale,
            })
            .collect();
        Ok(Layout {
            reference: LocaleSpec {
                name: reference_name,
                locale: reference_locale,
                dir: reference.to_path_buf(),
                dir_display: reference.to_path_buf(),
                chain: Vec::new(),
            },
            locales: specs,
            fallbacks: Vec::new(),
            with_state: false,
            only: Vec::new(),
            orphans: BTreeSet::new(),
        })
    }

    /// Reads and parses every file of the reference, the checked locales and their
    /// fallbacks, in parallel.
    pub fn load(&self) -> LocaleTree {
        let mut specs: Vec<(&LocaleSpec, bool)> = vec![(&self.reference, false)];
        specs.extend(self.locales.iter().map(|spec| (spec, true)));
        specs.extend(
            self.needed_fallbacks(&self.locales)
                .into_iter()
                .map(|spec| (spec, false)),
        );
        self.load_specs(&specs, None)
    }

    /// The reference alone (a tree of no locale), read and parsed in parallel; its problems
    /// (unreadable files) are the tree's diagnostics. For [`super::check_layout_from`].
    pub fn load_reference(&self) -> LocaleTree {
        self.load_specs(&[(&self.reference, false)], None)
    }

    /// The tree for one checked locale: the reference, the locale and the locales it falls
    /// back to. `check_layout` loads one while it checks the one before, so memory stays that of
    /// two chains.
    pub fn load_one(&self, index: usize, reference: Option<&Arc<LocaleDocs>>) -> LocaleTree {
        let locale = &self.locales[index];
        let mut specs: Vec<(&LocaleSpec, bool)> = vec![(&self.reference, false), (locale, true)];
        let others = self.locales.iter().chain(&self.fallbacks);
        for name in &locale.chain[1..] {
            if let Some(spec) = others.clone().find(|spec| &spec.name == name) {
                specs.push((spec, false));
            }
        }
        self.load_specs(&specs, reference)
    }

    /// Fallback locales of `checked` that are not checked themselves.
    fn needed_fallbacks(&self, checked: &[LocaleSpec]) -> Vec<&LocaleSpec> {
        self.fallbacks
            .iter()
            .filter(|spec| {
                checked
                    .iter()
                    .any(|locale| locale.chain[1..].contains(&spec.name))
            })
            .collect()
    }

    /// Reads and parses the files of `specs` (the reference first) in parallel.
    fn load_specs(
        &self,
        specs: &[(&LocaleSpec, bool)],
        reference: Option<&Arc<LocaleDocs>>,
    ) -> LocaleTree {
        let files: Vec<(usize, String)> = specs
            .iter()
            .enumerate()
            .skip(usize::from(reference.is_some()))
            .flat_map(|(index, (spec, _))| {
                crate::project::ftl_files(&spec.dir, &self.only)
                    .into_iter()
                    // The reference is first; its orphans are not English any more.
                    .filter(move |rel| index > 0 || !self.orphans.contains(rel))
                    .map(move |rel| (index, rel))
            })
            .collect();
        let parsed: Vec<(usize, String, Result<FtlDoc, Diagnostic>)> = files
            .into_par_iter()
            .map(|(index, rel)| {
                let spec = specs[index].0;
                let display = spec.dir_display.join(&rel);
                let doc = fsx::read_to_string(&spec.dir.join(&rel))
                    .map(|text| FtlDoc::parse(display.clone(), text))
                    .map_err(|err| Diagnostic::file_error(&display, err.to_string()));
                (index, rel, doc)
            })
            .collect();
        let mut loaded: Vec<LocaleDocs> = specs
            .iter()
            .map(|(spec, checked)| LocaleDocs {
                name: spec.name.clone(),
                checked: *checked,
                locale: spec.locale.clone(),
                dir: spec.dir.clone(),
                dir_display: spec.dir_display.clone(),
                chain: spec.chain.clone(),
                docs: BTreeMap::new(),
                ids: OnceLock::new(),
            })
            .collect();
        let mut diagnostics = Vec::new();
        for (index, rel, doc) in parsed {
            match doc {
                Ok(doc) => {
                    loaded[index].docs.insert(rel, doc);
                }
                Err(diagnostic) => diagnostics.push(diagnostic),
            }
        }
        let mut loaded = loaded.into_iter();
        let fresh = loaded.next().expect("the reference is always first");
        LocaleTree {
            reference: reference.map_or_else(|| Arc::new(fresh), Arc::clone),
            locales: loaded.collect(),
            with_state: self.with_state,
            diagnostics,
        }
    }
}

/// The project's orphaned source files; none when its courses cannot be listed (a project
/// of Fluent files only has nothing to compare with).
fn orphaned_sources(project: &Project) -> BTreeSet<String> {
    match project.source_files(&[]) {
        Ok(files) => project.orphaned_messages(&files, &[]).into_iter().collect(),
        Err(_) => BTreeSet::new(),
    }
}
