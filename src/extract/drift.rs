//! Whether `locales/<source>` is in step with the courses, for the commands that read it.
//!
//! `kurso extract` writes the source Fluent files and every other command reads them. When a
//! maintainer edits a module and forgets `extract`, translators would work on yesterday's
//! English, and `translate` would pay for it. So `build`, `check`, `status` and `translate`
//! warn: a source file `extract` would change is *out of date*; one whose module is gone is
//! *orphaned* (the layout no longer counts it as English, so nothing drafts or checks against
//! it). Both are warnings: the run goes on; `kurso extract --check` is the gate that fails CI.

use rayon::prelude::*;

use super::plan_file;
use crate::diagnostic::Diagnostic;
use crate::extract::PlannedFile;
use crate::project::{Project, SourceFile, check_plain_name};

/// Warnings for every source Fluent file of `courses` (all when empty) that is out of date
/// or orphaned, sorted. A project without a courses folder holds only Fluent files: there is
/// nothing to compare with, and no warning. `Err` when a course named is not one.
pub fn source_drift(project: &Project, courses: &[String]) -> Result<Vec<Diagnostic>, Diagnostic> {
    if !project.courses_dir().is_dir() {
        for course in courses {
            check_plain_name("--course", course)?;
        }
        return Ok(Vec::new());
    }
    let files = project.source_files(courses)?;
    let mut warnings: Vec<Diagnostic> = files
        .par_iter()
        .filter_map(|file| match plan_file(project, file) {
            Ok((planned, _)) => (!planned.up_to_date).then(|| out_of_date(project, file)),
            Err(_) => Some(unreadable(project, file)),
        })
        .collect();
    warnings.extend(orphan_warnings(
        project,
        &project.orphaned_messages(&files, courses),
    ));
    warnings.sort_by_key(Diagnostic::sort_key);
    Ok(warnings)
}

/// A warning for each planned file whose source Fluent file `extract` would change.
pub fn out_of_date_warnings(project: &Project, planned: &[PlannedFile]) -> Vec<Diagnostic> {
    planned
        .iter()
        .filter(|file| !file.up_to_date)
        .map(|file| out_of_date(project, &file.source))
        .collect()
}

/// A warning for each orphaned source Fluent file (relative to `locales/<source>`, as
/// [`Project::orphaned_messages`] gives them).
pub fn orphan_warnings(project: &Project, orphans: &[String]) -> Vec<Diagnostic> {
    let source_dir = project.locale_dir(&project.config.source_locale);
    orphans
        .iter()
        .map(|rel| {
            Diagnostic::file_error(
                project.relative(&source_dir.join(rel)),
                "orphaned source messages: the module they were extracted from is gone",
            )
            .with_help(
                "delete this file and its translations (`kurso check` lists them as \
                 obsolete-file), or restore the module; `kurso extract --check` fails until then",
            )
            .warning()
        })
        .collect()
}

fn out_of_date(project: &Project, file: &SourceFile) -> Diagnostic {
    let path = project.messages_path(&project.config.source_locale, file);
    Diagnostic::file_error(
        project.relative(&path),
        "source messages are out of date with the course",
    )
    .with_help("run `kurso extract` and commit the result, so translators see the current text")
    .warning()
}

fn unreadable(project: &Project, file: &SourceFile) -> Diagnostic {
    let path = project.source_path(file);
    Diagnostic::file_error(
        project.relative(&path),
        "cannot be extracted, so its source messages may be out of date",
    )
    .with_help("run `kurso extract` to see the errors")
    .warning()
}
