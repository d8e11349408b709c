//! Building one locale: every message looked up along the locale's fallback chain, spliced
//! into its module, the module written.
//!
//! Invariant: a built module has the Markdown structure of its source. A translation whose
//! splice would change it (an image that becomes a link, a paragraph split in two) is not
//! used: the message falls back to the next locale of the chain, down to the source, and is
//! listed in [`LocaleBuild::rejected`] with the change it would have made.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use unic_langid::LanguageIdentifier;

use super::modules::{SourceModule, SourceModules};
use super::outputs::Output;
use super::{Fallback, LocaleBuild, Rejected, Translations};
use crate::diagnostic::Diagnostic;
use crate::fsx;
use crate::project::Project;
use crate::segment::{place_translation, splice};
use crate::span::LineIndex;

/// A translation a message could be built from.
struct Candidate<'a> {
    locale: &'a LanguageIdentifier,
    value: &'a str,
    /// The translation file, relative to the project.
    path: &'a Path,
    text: &'a str,
    offset: usize,
}

/// What building one module produced.
struct ModuleResult {
    output: Option<Output>,
    written: bool,
    source: PathBuf,
    n_messages: usize,
    from_locale: BTreeMap<String, usize>,
    fallbacks: Vec<Fallback>,
    rejected: Vec<Rejected>,
    diagnostics: Vec<Diagnostic>,
}

pub(super) fn build_locale(
    project: &Project,
    modules: &SourceModules,
    locale: &LanguageIdentifier,
    chain: &[LanguageIdentifier],
    translations: &Translations,
) -> (LocaleBuild, Vec<Diagnostic>, Vec<Output>) {
    let output_dir = project.build_dir().join(locale.to_string());
    let per_file: Vec<ModuleResult> = modules
        .iter()
        .collect::<Vec<_>>()
        .par_iter()
        .map(|module| build_module(project, module, locale, chain, translations, &output_dir))
        .collect();

    let mut build = LocaleBuild {
        locale: locale.clone(),
        chain: chain.to_vec(),
        output_dir: project.relative(&output_dir).to_path_buf(),
        n_files: per_file.len(),
        n_written: 0,
        n_messages: 0,
        from_locale: BTreeMap::new(),
        fallbacks: Vec::new(),
        rejected: Vec::new(),
        removed: Vec::new(),
        file_messages: BTreeMap::new(),
    };
    let mut diagnostics = Vec::new();
    let mut outputs = Vec::new();
    for result in per_file {
        build.n_written += usize::from(result.written);
        build.n_messages += result.n_messages;
        build.file_messages.insert(result.source, result.n_messages);
        for (from, count) in result.from_locale {
            *build.from_locale.entry(from).or_default() += count;
        }
        build.fallbacks.extend(result.fallbacks);
        build.rejected.extend(result.rejected);
        diagnostics.extend(result.diagnostics);
        outputs.extend(result.output);
    }
    build.fallbacks.sort_by(|a, b| a.source.cmp(&b.source));
    build
        .rejected
        .sort_by(|a, b| (&a.path, a.line, a.column).cmp(&(&b.path, b.line, b.column)));
    (build, diagnostics, outputs)
}

fn build_module(
    project: &Project,
    module: &SourceModule,
    locale: &LanguageIdentifier,
    chain: &[LanguageIdentifier],
    translations: &Translations,
    output_dir: &Path,
) -> ModuleResult {
    let source_locale = &project.config.source_locale;
    let file = &module.planned;
    let source = project
        .relative(&project.source_path(&file.source))
        .to_path_buf();
    let mut result = ModuleResult {
        output: None,
        written: false,
        source: source.clone(),
        n_messages: file.alignment.ids.len(),
        from_locale: BTreeMap::new(),
        fallbacks: Vec::new(),
        rejected: Vec::new(),
        diagnostics: Vec::new(),
    };

    // Every usable translation of each message, in chain order.
    let candidates: Vec<Vec<Candidate<'_>>> = file
        .alignment
        .ids
        .iter()
        .map(|id| {
            let mut found = Vec::new();
            for candidate in chain.iter().filter(|candidate| *candidate != source_locale) {
                let Some(loaded) = translations.get(&(candidate.clone(), file.source.clone()))
                else {
                    continue;
                };
                let Some(message) = loaded.file.get(id) else {
                    continue;
                };
                match &message.value {
                    Ok(value) if !value.trim().is_empty() => found.push(Candidate {
                        locale: candidate,
                        value,
                        path: &loaded.path,
                        text: &loaded.text,
                        offset: message.offset,
                    }),
                    Ok(_) => {}
                    Err(placeable) => result.diagnostics.push(
                        Diagnostic::error_at(&loaded.path, &loaded.text, message.offset, format!(
                            "message `{id}` uses `{placeable}`, which course text cannot hold; it is built from the fallback"
                        ))
                        .with_help("write the text itself instead of a placeable")
                        .warning(),
                    ),
                }
            }
            found
        })
        .collect();

    // Take each message's first candidate; while some would change the module's
    // structure, move those to their next candidate (at worst the source text).
    let mut choice = vec![0_usize; candidates.len()];
    let mut rejected: Vec<(usize, Rejected)> = Vec::new();
    loop {
        let chosen: Vec<(usize, &str)> = candidates
            .iter()
            .enumerate()
            .filter_map(|(index, found)| found.get(choice[index]).map(|c| (index, c.value)))
            .collect();
        let breaking = module.breaking(&chosen);
        if breaking.is_empty() {
            break;
        }
        for (position, change) in breaking {
            let index = chosen[position].0;
            let candidate = &candidates[index][choice[index]];
            let position =
                LineIndex::new(candidate.text).position(candidate.text, candidate.offset);
            rejected.push((
                index,
                Rejected {
                    path: candidate.path.to_path_buf(),
                    line: position.line,
                    column: position.column,
                    id: file.alignment.ids[index].clone(),
                    locale: candidate.locale.to_string(),
                    change,
                    source: source.clone(),
                    source_line: module.segments()[index].line,
                    built_from: String::new(),
                },
            ));
            choice[index] += 1;
        }
    }

    let mut replacements = Vec::new();
    for (index, (segment, id)) in module
        .segments()
        .iter()
        .zip(&file.alignment.ids)
        .enumerate()
    {
        if let Some(candidate) = candidates[index].get(choice[index]) {
            *result
                .from_locale
                .entry(candidate.locale.to_string())
                .or_default() += 1;
            replacements.extend(place_translation(segment, candidate.value));
        } else {
            *result
                .from_locale
                .entry(source_locale.to_string())
                .or_default() += 1;
            if locale != source_locale {
                result.fallbacks.push(Fallback {
                    source: source.clone(),
                    id: id.clone(),
                });
            }
        }
    }
    for (index, mut entry) in rejected {
        entry.built_from = candidates[index]
            .get(choice[index])
            .map_or_else(|| source_locale.to_string(), |c| c.locale.to_string());
        result.rejected.push(entry);
    }

    let rel = Path::new(&file.source.course).join(&file.source.rel_path);
    let output = output_dir.join(&rel);
    let mut built = String::with_capacity(file.text.len() + 3);
    if module.byte_order_mark {
        built.push('\u{feff}');
    }
    built.push_str(&splice(&file.text, replacements));
    match fsx::write_if_changed(&output, built.as_bytes()) {
        Ok(written) => {
            result.written = written;
            result.output = Some(Output::new(
                &Path::new(&locale.to_string()).join(rel),
                built.as_bytes(),
            ));
        }
        Err(err) => result.diagnostics.push(Diagnostic::file_error(
            project.relative(&output),
            err.to_string(),
        )),
    }
    result
}
