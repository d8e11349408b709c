//! The project as `kurso review` serves it: the locales it may show, and for one locale a
//! [`LocaleView`] loaded the way `kurso export --all` and `kurso check` read it.
//!
//! A view is read from disk when a locale is first opened and kept: reading and checking
//! 10,000 messages takes a second, a page of the queue must not. With the view go the
//! [`Stamps`] of every file it was read from (the courses' Markdown, the English `.ftl`, the
//! locale's and its fallbacks' `.ftl` and state files), taken before reading; opening the
//! queue compares them with the disk ([`LocaleView::changed_on_disk`], a `stat` per file) and
//! reads everything again when anything changed, so edits made on disk (a `git pull`, another
//! tool, `kurso extract`) show up on reload. A save re-reads the one file it writes first and
//! updates the saved message in place (see [`super::save`]); when nothing else had changed
//! on disk it stamps the files it wrote, so the view stays current without a full read.
//! `kurso.toml` and the glossary are read once, when the server starts.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

use unic_langid::LanguageIdentifier;

use super::editable;
use super::item::{Item, ItemFinding, ItemStatus, ItemUnit, Suggestion, version};
use crate::build::SourceModules;
use crate::check::doc::FtlDoc;
use crate::check::rules::LocaleEnv;
use crate::check::{CheckOptions, Layout, LocaleDocs, LocaleTree, word_diff};
use crate::diagnostic::Diagnostic;
use crate::exchange::NoteKind;
use crate::exchange::collect::collect;
use crate::fsx::{self, Stamps};
use crate::glossary::Glossary;
use crate::project::Project;
use crate::state::StateFile;

/// What one `kurso review` serves.
pub struct Workspace {
    pub project: Project,
    glossary: Arc<Glossary>,
    courses: Vec<String>,
    /// The locales served (`--locale`, else every target locale), in kurso.toml's order.
    locales: Vec<LanguageIdentifier>,
}

/// One locale, loaded: its items in file order, and what `exchange::apply` needs to write.
pub struct LocaleView {
    pub locale: String,
    pub items: Vec<Item>,
    /// Files that could not be read, broken state files, …
    pub diagnostics: Vec<Diagnostic>,
    pub(crate) source_locale: String,
    pub(crate) tree: LocaleTree,
    /// Index of the locale in `tree.locales` (the others are its fallbacks).
    pub(crate) index: usize,
    pub(crate) env: LocaleEnv,
    pub(crate) keep: Vec<String>,
    pub(crate) modules: Option<Arc<SourceModules>>,
    /// The project's `[check]` policy: saves are judged at its levels, as imports are.
    pub(crate) policy: crate::check::policy::Policy,
    /// The files the view was read from, as they were (see the module comment).
    pub(crate) stamps: Stamps,
    pub(crate) stamp_dirs: Vec<PathBuf>,
}

impl Workspace {
    /// `locales` empty: every target locale. Locales must be target locales (the binary
    /// checks them, as for every command).
    pub fn new(
        project: Project,
        glossary: Glossary,
        locales: &[LanguageIdentifier],
        courses: &[String],
    ) -> Workspace {
        let locales = project
            .config
            .target_locales
            .iter()
            .filter(|l| locales.is_empty() || locales.contains(l))
            .cloned()
            .collect();
        Workspace {
            project,
            glossary: Arc::new(glossary),
            courses: courses.to_vec(),
            locales,
        }
    }

    /// The locales served, as written in paths (`el-CY`).
    pub fn locales(&self) -> Vec<String> {
        self.locales.iter().map(ToString::to_string).collect()
    }

    /// The courses asked for (empty: all).
    pub fn courses(&self) -> &[String] {
        &self.courses
    }

    /// The status report of the served locales and courses (`kurso status --format html`).
    pub fn status_report(&self) -> crate::status::report::StatusReport {
        let layout = Layout::for_project(&self.project, &self.locales, &self.courses);
        crate::status::report::status_report(&self.project, &layout, &self.courses)
    }

    /// `locale` read from disk; `None` when it is not served. A locale is looked up among the
    /// served ones, never turned into a path from what was asked.
    pub fn load(&self, locale: &str) -> Option<LocaleView> {
        let locale = self.locales.iter().find(|l| l.to_string() == locale)?;
        let layout =
            Layout::for_project(&self.project, std::slice::from_ref(locale), &self.courses);
        // Stamped before reading: a change made while reading shows up on the next reload.
        let mut stamp_dirs = vec![self.project.courses_dir(), layout.reference.dir.clone()];
        for spec in &layout.locales {
            stamp_dirs.push(spec.dir.clone());
            stamp_dirs.extend(
                layout
                    .fallbacks
                    .iter()
                    .filter(|f| spec.chain.contains(&f.name))
                    .map(|f| f.dir.clone()),
            );
        }
        let stamps = Stamps::of_dirs(&stamp_dirs);
        let tree = layout.load();
        let index = tree.locales.iter().position(|l| l.checked)?;
        let source = self.project.config.source_locale.to_string();
        let modules = crate::build::course_modules(&self.project, &self.courses);
        let opts = CheckOptions {
            policy: self.project.config.check.clone(),
            glossary: (!self.glossary.concepts.is_empty()).then(|| Arc::clone(&self.glossary)),
            modules: modules.clone(),
            ..CheckOptions::default()
        };
        let env = crate::check::locale_env(&tree, &tree.locales[index], &opts);
        let (_, keep) = crate::mt::pair_glossary::pair_glossary(
            &self.glossary,
            &source,
            &tree.locales[index].chain,
        );
        let checked = crate::check::check(&tree, &opts);
        let collected = collect(&tree, &self.glossary, &source, true);
        let mut diagnostics = tree.diagnostics.clone();
        diagnostics.extend(checked.diagnostics);
        diagnostics.extend(collected.diagnostics);
        diagnostics.sort_by_key(Diagnostic::sort_key);
        diagnostics.dedup();
        let mut findings: HashMap<(PathBuf, String), Vec<ItemFinding>> = HashMap::new();
        for finding in checked.findings {
            if let Some(id) = finding.id {
                findings
                    .entry((finding.path, id))
                    .or_default()
                    .push(ItemFinding {
                        rule: finding.rule.to_owned(),
                        level: finding.level,
                        message: finding.message,
                    });
            }
        }
        let docs = &tree.locales[index];
        let mut items = Vec::new();
        for (_, packet) in &collected.packets {
            for file in &packet.files {
                items.extend(file_items(
                    &tree,
                    docs,
                    &file.original,
                    &file.units,
                    &keep,
                    &mut findings,
                ));
            }
        }
        Some(LocaleView {
            locale: locale.to_string(),
            items,
            diagnostics,
            source_locale: source,
            tree,
            index,
            env,
            keep,
            modules,
            policy: self.project.config.check.clone(),
            stamps,
            stamp_dirs,
        })
    }
}

/// The items of one translation file, from the units `collect` cut it into.
fn file_items(
    tree: &LocaleTree,
    docs: &LocaleDocs,
    rel: &str,
    units: &[crate::exchange::Unit],
    keep: &[String],
    findings: &mut HashMap<(PathBuf, String), Vec<ItemFinding>>,
) -> Vec<Item> {
    let Some(english) = tree.reference.docs.get(rel) else {
        return Vec::new();
    };
    let own = docs.docs.get(rel);
    let display = docs.dir_display.join(rel);
    // A broken state file is in the diagnostics already; its records count as absent here.
    let state = StateFile::load_for(&docs.dir.join(rel), &display).unwrap_or_default();
    let mut groups: BTreeMap<usize, (&str, Vec<&crate::exchange::Unit>)> = BTreeMap::new();
    let mut order: HashMap<&str, usize> = HashMap::new();
    for unit in units {
        let id = message_id(&unit.id);
        let next = order.len();
        let at = *order.entry(id).or_insert(next);
        groups
            .entry(at)
            .or_insert_with(|| (id, Vec::new()))
            .1
            .push(unit);
    }
    let course = rel.split('/').next().unwrap_or_default().to_owned();
    let module = rel
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .trim_end_matches(".ftl")
        .to_owned();
    let mut items = Vec::new();
    for (id, units) in groups.into_values() {
        let Some(entry) = english.get(id) else {
            continue;
        };
        let translation = own.and_then(|doc| doc.get(id));
        let record = state.records.get(id);
        let text = entry.text();
        let status = ItemStatus::of(&text, translation.is_some(), record);
        let mut location = None;
        let mut notes: Vec<String> = Vec::new();
        for note in units.iter().flat_map(|u| &u.notes) {
            match note.kind {
                NoteKind::Location => location = Some(note.text.clone()),
                NoteKind::Stale => {}
                NoteKind::Author | NoteKind::General => {
                    if !notes.contains(&note.text) {
                        notes.push(note.text.clone());
                    }
                }
            }
        }
        items.push(Item {
            file: rel.to_owned(),
            course: course.clone(),
            module: module.clone(),
            id: id.to_owned(),
            status,
            origin: record.map(|r| r.origin.clone()),
            changed_by: record.and_then(|r| r.changed_by.clone()),
            changed_on: record.and_then(|r| r.changed_on.clone()),
            location,
            notes,
            diff: (status == ItemStatus::Stale)
                .then(|| record.map(|r| word_diff(&r.source, &text)))
                .flatten(),
            suggestion: None,
            terms: units.first().map(|u| u.terms.clone()).unwrap_or_default(),
            findings: findings
                .remove(&(display.clone(), id.to_owned()))
                .unwrap_or_default(),
            units: units
                .iter()
                .map(|unit| ItemUnit {
                    id: unit.id.clone(),
                    english: unit.source.clone(),
                    codes: unit.codes.clone(),
                    text: unit
                        .target
                        .as_deref()
                        .map(editable::render)
                        .unwrap_or_default(),
                })
                .collect(),
            version: version(entry, translation, record),
        });
        if let (Some(item), Some(record)) = (items.last_mut(), record) {
            item.suggestion = Suggestion::of(record, id, &text, keep, &item.units);
        }
    }
    items
}

/// `id.attr[key]` → `id`.
pub(crate) fn message_id(unit: &str) -> &str {
    let end = unit.find(['.', '[']).unwrap_or(unit.len());
    &unit[..end]
}

impl LocaleView {
    /// Whether a file the view was read from was added, removed or changed on disk since
    /// (other than by this view's own saves).
    pub fn changed_on_disk(&self) -> bool {
        Stamps::of_dirs(&self.stamp_dirs) != self.stamps
    }

    /// The message `id` of the translation file `file` (relative to the locale folder).
    pub fn item(&self, file: &str, id: &str) -> Option<&Item> {
        self.items.iter().find(|i| i.file == file && i.id == id)
    }

    pub(crate) fn item_mut(&mut self, file: &str, id: &str) -> Option<&mut Item> {
        self.items.iter_mut().find(|i| i.file == file && i.id == id)
    }

    /// Messages per status, over every message of the locale (the progress bar).
    pub fn progress(&self) -> BTreeMap<ItemStatus, usize> {
        let mut counts = BTreeMap::new();
        for item in &self.items {
            *counts.entry(item.status).or_insert(0) += 1;
        }
        counts
    }

    /// Reads `file` again, in the English and in the locale and its fallbacks, so what a save
    /// checks against and splices into is what is on disk now.
    pub(crate) fn refresh_file(&mut self, file: &str) {
        fn reread(docs: &mut LocaleDocs, file: &str) {
            let display = docs.dir_display.join(file);
            match fsx::read_optional(&docs.dir.join(file)) {
                Ok(Some(text)) => {
                    docs.docs
                        .insert(file.to_owned(), FtlDoc::parse(display, text));
                }
                Ok(None) => {
                    docs.docs.remove(file);
                }
                // Unreadable now: the write reports it at the file.
                Err(_) => {}
            }
        }
        if let Some(reference) = Arc::get_mut(&mut self.tree.reference) {
            reread(reference, file);
        }
        for docs in &mut self.tree.locales {
            reread(docs, file);
        }
    }

    /// The version of message `id` of `file` as the loaded files (refresh them first) and its
    /// state file on disk say; `None` when the English no longer has it.
    pub(crate) fn version_now(&self, file: &str, id: &str) -> Option<String> {
        let english = self.tree.reference.docs.get(file)?.get(id)?;
        let docs = &self.tree.locales[self.index];
        let translation = docs.docs.get(file).and_then(|doc| doc.get(id));
        let state = StateFile::load_for(&docs.dir.join(file), &docs.dir_display.join(file))
            .unwrap_or_default();
        Some(version(english, translation, state.records.get(id)))
    }
}
