//! One file per subcommand; each loads the project, calls one library function and renders.

pub mod accept;
pub mod build;
pub mod check;
pub mod completions;
pub mod config;
pub mod diff;
pub mod exchange;
pub mod explain;
pub mod extract;
pub mod glossary;
pub mod init;
pub mod man;
pub mod review;
pub mod status;
pub mod translate;

use std::path::Path;

use kurso::project::Project;

use crate::args::GlobalArgs;
use crate::output::Output;

/// The project named by `--project`, or the one around the current folder; reports why
/// not on stderr and returns `None` when there is none. Every command that loads a project
/// first removes the temporary files a killed run left behind.
pub fn load_project(global: &GlobalArgs, out: &mut Output) -> Option<Project> {
    let loaded = match &global.project {
        Some(dir) => Project::open(dir),
        None => Project::discover(Path::new(".")),
    };
    let project = loaded.map_err(|diagnostic| out.error(&diagnostic)).ok()?;
    out.diagnostics(&project.remove_stale_temps());
    Some(project)
}

/// The project glossary (every .csv and .tbx in its glossaries folder; none when there is no
/// folder), its problems reported as warnings or errors on stderr.
pub fn load_glossary(project: &Project, out: &mut Output) -> kurso::glossary::Glossary {
    let dir = project.root.join(&project.config.paths.glossaries);
    if !dir.is_dir() {
        return kurso::glossary::Glossary::default();
    }
    let (glossary, problems) = kurso::glossary::load_dir(&dir, project.relative(&dir));
    out.diagnostics(&problems);
    glossary
}

/// Warns when `locales/<source>` is out of step with the courses (out of date, orphaned
/// files), for the commands that read it. `false` (reported) when a `--course` is not one.
pub fn warn_source_drift(project: &Project, courses: &[String], out: &mut Output) -> bool {
    match kurso::extract::source_drift(project, courses) {
        Ok(warnings) => {
            out.diagnostics(&warnings);
            true
        }
        Err(diagnostic) => {
            out.error(&diagnostic);
            false
        }
    }
}

/// Parses locale codes given on the command line; reports the first bad one.
pub fn parse_locales(
    codes: &[String],
    out: &mut Output,
) -> Option<Vec<unic_langid::LanguageIdentifier>> {
    let mut locales = Vec::new();
    for code in codes {
        match kurso::locale::parse_locale_code(code) {
            Ok(locale) => locales.push(locale),
            Err(message) => {
                out.error(
                    &kurso::diagnostic::Diagnostic::file_error(Path::new(code), message)
                        .with_help("use a BCP 47 code such as `el`, `el-CY` or `fi`"),
                );
                return None;
            }
        }
    }
    Some(locales)
}

/// Parses locale codes given on the command line and checks each is a target locale of the
/// project; reports the first problem.
pub fn parse_targets(
    project: &Project,
    codes: &[String],
    out: &mut Output,
) -> Option<Vec<unic_langid::LanguageIdentifier>> {
    let locales = parse_locales(codes, out)?;
    if let Some(unknown) = locales
        .iter()
        .find(|l| !project.config.target_locales.contains(l))
    {
        out.error(
            &kurso::diagnostic::Diagnostic::file_error(
                Path::new(kurso::config::CONFIG_FILE),
                format!("`{unknown}` is not a target locale of this project"),
            )
            .with_help("use one of `target-locales`, or add it there"),
        );
        return None;
    }
    Some(locales)
}
