//! `kurso import`: review packets back from translators (XLIFF 2.0, XLIFF 1.2, PO, TMX), each
//! file read, its locale checked, then applied message by message (`apply`).
//!
//! Invariant: a file that cannot be read is an error of its own and every other file is still
//! imported; files are applied one after the other, each against what the ones before wrote.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::apply::{Applied, Target, apply};
use super::export::{Format, detect};
use super::model::Packet;
use super::{po, tmx, xliff2, xliff12};
use crate::check::{CheckOptions, Layout, locale_env};
use crate::diagnostic::Diagnostic;
use crate::fsx;
use crate::glossary::Glossary;
use crate::locale::parse_locale_code;
use crate::mt::pair_glossary::pair_glossary;
use crate::project::Project;

/// What happened to one file.
#[derive(Debug)]
pub struct FileImport {
    /// As given.
    pub path: PathBuf,
    pub format: Option<Format>,
    pub locale: Option<String>,
    /// The tool that wrote the file, where it says so.
    pub tool: Option<String>,
    pub applied: Applied,
    /// Problems reading the file (an error: nothing of it was applied).
    pub diagnostics: Vec<Diagnostic>,
}

impl FileImport {
    /// The file could not be read or applied at all.
    pub fn failed(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
            || self.applied.diagnostics.iter().any(Diagnostic::is_error)
    }
}

#[derive(Debug, Default)]
pub struct ImportSummary {
    pub files: Vec<FileImport>,
}

/// Imports `files` (paths as given; relative ones are taken from `cwd`).
pub fn import(
    project: &Project,
    glossary: &Glossary,
    files: &[PathBuf],
    cwd: &Path,
) -> ImportSummary {
    let shared = (!glossary.concepts.is_empty()).then(|| Arc::new(glossary.clone()));
    let modules = crate::build::course_modules(project, &[]);
    let source = project.config.source_locale.to_string();
    let mut summary = ImportSummary::default();
    for path in files {
        let mut file = FileImport {
            path: path.clone(),
            format: None,
            locale: None,
            tool: None,
            applied: Applied::default(),
            diagnostics: Vec::new(),
        };
        let read = read(&cwd.join(path), path).and_then(|(format, packet, problems)| {
            let locale = target_locale(project, &packet.target_locale, path)?;
            Ok((format, packet, problems, locale))
        });
        match read {
            Err(diagnostic) => file.diagnostics.push(diagnostic),
            Ok((format, mut packet, problems, locale)) => {
                // kurso's own file (`kurso`, PO's `kurso 0.1.0`) names no tool a person used.
                packet.tool = packet.tool.filter(|tool| !is_kurso(tool));
                file.format = Some(format);
                file.tool.clone_from(&packet.tool);
                file.diagnostics = problems;
                file.locale = Some(locale.to_string());
                let tree = Layout::for_project(project, std::slice::from_ref(&locale), &[]).load();
                let opts = CheckOptions {
                    glossary: shared.clone(),
                    modules: modules.clone(),
                    ..CheckOptions::default()
                };
                let locale_docs = &tree.locales[0];
                let env = locale_env(&tree, locale_docs, &opts);
                let (_, keep) = pair_glossary(glossary, &source, &locale_docs.chain);
                let target = Target {
                    english: &tree.reference,
                    locale: locale_docs,
                    env: &env,
                    keep: &keep,
                    modules: modules.as_deref(),
                    policy: &project.config.check,
                };
                file.applied = apply(&packet, &target);
            }
        }
        summary.files.push(file);
    }
    summary
}

/// Whether a file's tool is kurso itself: `kurso`, or `kurso 0.1.0` as PO's `X-Generator`.
fn is_kurso(tool: &str) -> bool {
    tool.split_whitespace().next() == Some("kurso")
}

/// The file's format, its packet and the problems of single units.
fn read(absolute: &Path, display: &Path) -> Result<(Format, Packet, Vec<Diagnostic>), Diagnostic> {
    let bytes = fsx::read_bytes(absolute)
        .map_err(|err| Diagnostic::file_error(display, err.to_string()))?;
    let format = detect(display, &String::from_utf8_lossy(&bytes)).ok_or_else(|| {
        Diagnostic::file_error(
            display,
            "not a packet kurso reads: no XLIFF 2.0 or 1.2 root, no TMX, no PO entries",
        )
        .with_help("import the .xlf, .po or .tmx file your tool exported")
    })?;
    if format == Format::Po {
        let (packet, problems) = po::read_bytes(display, &bytes)?;
        return Ok((format, packet, problems));
    }
    let text = std::str::from_utf8(&bytes).map_err(|err| {
        Diagnostic::file_error(
            display,
            format!(
                "not valid UTF-8 (byte {}): XML packets are read as UTF-8",
                err.valid_up_to()
            ),
        )
        .with_help("export the file again from your tool as UTF-8")
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (packet, problems) = match format {
        Format::Xliff2 => xliff2::read(display, text)?,
        Format::Xliff12 => xliff12::read(display, text)?,
        Format::Tmx | Format::Po => tmx::read(display, text)?,
    };
    Ok((format, packet, problems))
}

/// The packet's target locale, which must be a target locale of the project. Tools write
/// `it-IT` for a project's `it`: the project's locale of that language is taken when the
/// exact one is not a target and exactly one region-less locale of the language is.
fn target_locale(
    project: &Project,
    code: &str,
    display: &Path,
) -> Result<unic_langid::LanguageIdentifier, Diagnostic> {
    let locale = parse_locale_code(code).map_err(|message| {
        Diagnostic::file_error(display, format!("the packet's target language: {message}"))
    })?;
    let targets = &project.config.target_locales;
    if targets.contains(&locale) {
        return Ok(locale);
    }
    let same_language: Vec<_> = targets
        .iter()
        .filter(|t| t.language == locale.language && t.region.is_none())
        .collect();
    match same_language.as_slice() {
        [one] => Ok((*one).clone()),
        _ => Err(Diagnostic::file_error(
            display,
            format!("`{code}` is not a target locale of this project"),
        )
        .with_help(
            "check the target language the tool wrote, or add the locale to `target-locales`",
        )),
    }
}
