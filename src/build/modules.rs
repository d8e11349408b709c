//! The source modules as the build splices them: segmented and aligned as `extract` would
//! (so IDs match `locales/`), with the Markdown structure each translation must keep.
//!
//! Shared by `kurso build` (which falls back for a translation that would change the
//! structure) and the `structure` rule of `kurso check` (which reports it), so both judge a
//! translation by the very splice the build makes.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use rayon::prelude::*;

use crate::diagnostic::Diagnostic;
use crate::extract::{PlannedFile, plan_file};
use crate::fsx;
use crate::project::{Project, SourceFile};
use crate::segment::{ModuleStructure, Segment, StructureChange, place_translation};

/// One source file (a module or `course.yaml`), ready to splice.
#[derive(Debug)]
pub struct SourceModule {
    pub planned: PlannedFile,
    /// The source file, relative to the project.
    pub path: PathBuf,
    /// The Markdown structure of a module's body (`None` for `course.yaml`).
    pub structure: Option<ModuleStructure>,
    /// The file starts with a byte-order mark (dropped from `planned.text`; built files
    /// get it back).
    pub byte_order_mark: bool,
    /// Segment index of each message ID.
    by_id: HashMap<String, usize>,
}

impl SourceModule {
    fn new(planned: PlannedFile, path: PathBuf, byte_order_mark: bool) -> SourceModule {
        let structure = planned
            .segmented
            .markdown_start
            .map(|start| ModuleStructure::new(&planned.text, start));
        let by_id = planned
            .alignment
            .ids
            .iter()
            .enumerate()
            .map(|(index, id)| (id.clone(), index))
            .collect();
        SourceModule {
            planned,
            path,
            structure,
            byte_order_mark,
            by_id,
        }
    }

    pub fn segments(&self) -> &[Segment] {
        &self.planned.segmented.segments
    }

    /// The index of the segment that message `id` translates.
    pub fn segment_index(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    /// Which `translations` (segment index, translated text) would change the module's
    /// structure if built together, by position in `translations`, with the change each
    /// makes (see [`ModuleStructure::breaking`]).
    pub fn breaking(&self, translations: &[(usize, &str)]) -> Vec<(usize, StructureChange)> {
        let Some(structure) = &self.structure else {
            return Vec::new();
        };
        let mut replacements = Vec::with_capacity(translations.len());
        let mut owners = Vec::with_capacity(translations.len());
        for (position, (segment, text)) in translations.iter().enumerate() {
            if let Some(replacement) = place_translation(&self.segments()[*segment], text) {
                replacements.push(replacement);
                owners.push(position);
            }
        }
        structure
            .breaking(&self.planned.text, &replacements)
            .into_iter()
            .map(|(index, change)| (owners[index], change))
            .collect()
    }
}

/// The planned source files, in the order given, findable by their messages file.
#[derive(Debug, Default)]
pub struct SourceModules {
    modules: Vec<SourceModule>,
    /// Index by the messages file's path relative to a locale folder
    /// (`course/01-module.ftl`, `/`-separated).
    by_messages: HashMap<String, usize>,
}

impl SourceModules {
    pub fn iter(&self) -> impl Iterator<Item = &SourceModule> {
        self.modules.iter()
    }

    /// The module whose messages live at `rel` (`course/01-module.ftl`) in a locale folder.
    pub fn by_messages_path(&self, rel: &str) -> Option<&SourceModule> {
        self.by_messages.get(rel).map(|&index| &self.modules[index])
    }
}

/// The source modules of `courses` (all when empty), for checks that judge translations
/// where the build puts them; `None` when the courses cannot be listed. Modules that cannot
/// be read are left out: `extract` and `build` report them.
pub fn course_modules(project: &Project, courses: &[String]) -> Option<Arc<SourceModules>> {
    let files = project.source_files(courses).ok()?;
    Some(Arc::new(plan_modules(project, &files).0))
}

/// Plans `files` in parallel. A file that cannot be planned is left out, with its errors.
pub fn plan_modules(project: &Project, files: &[SourceFile]) -> (SourceModules, Vec<Diagnostic>) {
    let results: Vec<_> = files
        .par_iter()
        .map(|file| {
            let planned = plan_file(project, file)?;
            let path = project.source_path(file);
            let rel = project.relative(&path).to_path_buf();
            match fsx::has_byte_order_mark(&path) {
                Ok(bom) => Ok((planned, rel, bom)),
                Err(err) => Err(vec![Diagnostic::file_error(
                    project.relative(&path),
                    err.to_string(),
                )]),
            }
        })
        .collect();
    let mut modules = SourceModules::default();
    let mut diagnostics = Vec::new();
    for result in results {
        match result {
            Ok(((planned, warnings), path, bom)) => {
                diagnostics.extend(warnings);
                let key = format!(
                    "{}/{}",
                    planned.source.course,
                    planned.source.messages_rel_path()
                );
                modules.by_messages.insert(key, modules.modules.len());
                modules.modules.push(SourceModule::new(planned, path, bom));
            }
            Err(errors) => diagnostics.extend(errors),
        }
    }
    (modules, diagnostics)
}
