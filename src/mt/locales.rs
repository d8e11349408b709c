//! Which locales `kurso translate` drafts when `--to` names none.
//!
//! `locales` under [mt] in kurso.toml when it is set (the locales commissioned for machine
//! drafts); otherwise the target locales already *started*: those with a folder under the
//! locales path. Not every target locale: a routine run must not start a locale nobody
//! translates yet (creating its files, paying for its drafts and turning `kurso check`
//! red for it); starting one is a decision, made with `--to` or by listing it.

use std::fmt;

use unic_langid::LanguageIdentifier;

use crate::diagnostic::Diagnostic;
use crate::project::Project;

/// Where the locales of a run come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    /// `--to` on the command line.
    Requested,
    /// `locales` under [mt].
    Commissioned,
    /// The setting is absent: the target locales with a folder under locales/.
    Started,
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Origin::Requested => "--to",
            Origin::Commissioned => "[mt] locales",
            Origin::Started => "the target locales already started under the locales folder",
        })
    }
}

/// The locales to draft: `requested` when it names any, else the commissioned ones.
pub fn to_translate(
    project: &Project,
    requested: &[LanguageIdentifier],
) -> Result<Vec<LanguageIdentifier>, Diagnostic> {
    let (locales, origin) = if requested.is_empty() {
        commissioned(project)
    } else {
        (requested.to_vec(), Origin::Requested)
    };
    if locales.is_empty() {
        let why = match origin {
            Origin::Commissioned => "`locales` under [mt] is empty",
            _ => "no target locale has a folder under the locales folder yet",
        };
        return Err(Diagnostic::file_error(
            std::path::Path::new(crate::config::CONFIG_FILE),
            format!("no locale to translate: {why}"),
        )
        .with_help(
            "name them: `kurso translate --to el hu`, or `locales = [\"el\", \"hu\"]` under [mt] in kurso.toml",
        ));
    }
    Ok(locales)
}

/// The locales drafted without `--to`, and where that list comes from.
pub fn commissioned(project: &Project) -> (Vec<LanguageIdentifier>, Origin) {
    if let Some(locales) = project.config.mt.commissioned() {
        return (locales, Origin::Commissioned);
    }
    let dir = project.root.join(&project.config.paths.locales);
    let started = project
        .config
        .target_locales
        .iter()
        .filter(|locale| dir.join(locale.to_string()).is_dir())
        .cloned()
        .collect();
    (started, Origin::Started)
}
