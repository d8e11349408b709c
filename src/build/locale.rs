//! Building one locale: every message looked up along the locale's fallback chain, judged
//! by `[build]`, spliced into its module, the module written.
//!
//! Invariant: a built module has the Markdown structure of its source, and holds only what
//! the policy ships (a preview: drafts too, marked). What is not used is listed with the
//! reason (`choose.rs` decides, one mechanism for the policy and the structure).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use unic_langid::LanguageIdentifier;

use super::choose::{Candidate, choose};
use super::modules::{SourceModule, SourceModules};
use super::outputs::Output;
use super::policy::{Hold, Rules, Verdict, verdict};
use super::{DRAFT_MARK, Fallback, Flagged, LocaleBuild, NotUsed, TranslationAt, Translations};
use crate::diagnostic::Diagnostic;
use crate::fsx;
use crate::project::Project;
use crate::segment::{place_translation, splice};
use crate::span::LineIndex;

/// The locale being built and where.
pub(super) struct Target<'a> {
    pub locale: &'a LanguageIdentifier,
    pub chain: &'a [LanguageIdentifier],
    pub output_dir: PathBuf,
    pub preview: bool,
}

/// What building one module produced.
struct ModuleResult {
    output: Option<Output>,
    written: bool,
    source: PathBuf,
    n_messages: usize,
    from_locale: BTreeMap<String, usize>,
    fallbacks: Vec<Fallback>,
    not_used: Vec<NotUsed>,
    marked: Vec<Flagged>,
    shipped_despite: Vec<Flagged>,
    blocked: bool,
    diagnostics: Vec<Diagnostic>,
}

pub(super) fn build_locale(
    project: &Project,
    modules: &SourceModules,
    target: &Target<'_>,
    translations: &Translations,
) -> (LocaleBuild, Vec<Diagnostic>, Vec<Output>) {
    // The rules for text of each locale of the chain, in the build of this one.
    let rules: Vec<Rules> = target
        .chain
        .iter()
        .map(|from| project.config.build.rules_for(target.locale, from))
        .collect();
    let per_file: Vec<ModuleResult> = modules
        .iter()
        .collect::<Vec<_>>()
        .par_iter()
        .map(|module| build_module(project, module, target, &rules, translations))
        .collect();

    let mut build = LocaleBuild {
        locale: target.locale.clone(),
        chain: target.chain.to_vec(),
        output_dir: project.relative(&target.output_dir).to_path_buf(),
        n_files: per_file.len(),
        n_written: 0,
        n_messages: 0,
        from_locale: BTreeMap::new(),
        fallbacks: Vec::new(),
        not_used: Vec::new(),
        marked: Vec::new(),
        shipped_despite: Vec::new(),
        blocked: Vec::new(),
        removed: Vec::new(),
        file_messages: BTreeMap::new(),
    };
    let mut diagnostics = Vec::new();
    let mut outputs = Vec::new();
    for result in per_file {
        build.n_written += usize::from(result.written);
        build.n_messages += result.n_messages;
        build
            .file_messages
            .insert(result.source.clone(), result.n_messages);
        for (from, count) in result.from_locale {
            *build.from_locale.entry(from).or_default() += count;
        }
        build.fallbacks.extend(result.fallbacks);
        build.not_used.extend(result.not_used);
        build.marked.extend(result.marked);
        build.shipped_despite.extend(result.shipped_despite);
        if result.blocked {
            build.blocked.push(result.source);
        }
        diagnostics.extend(result.diagnostics);
        outputs.extend(result.output);
    }
    build.fallbacks.sort_by(|a, b| a.source.cmp(&b.source));
    build.blocked.sort();
    let place = |at: &TranslationAt| (at.path.clone(), at.line, at.column);
    build.not_used.sort_by_key(|entry| place(&entry.at));
    build.marked.sort_by_key(|entry| place(&entry.at));
    build.shipped_despite.sort_by_key(|entry| place(&entry.at));
    (build, diagnostics, outputs)
}

fn build_module(
    project: &Project,
    module: &SourceModule,
    target: &Target<'_>,
    rules: &[Rules],
    translations: &Translations,
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
        not_used: Vec::new(),
        marked: Vec::new(),
        shipped_despite: Vec::new(),
        blocked: false,
        diagnostics: Vec::new(),
    };

    // Every translation of each message, in chain order, with the policy's verdict.
    let candidates: Vec<Vec<Candidate<'_>>> = file
        .alignment
        .ids
        .iter()
        .zip(module.segments())
        .map(|(id, segment)| {
            let mut found = Vec::new();
            for (candidate, rules) in target.chain.iter().zip(rules) {
                if candidate == source_locale {
                    continue;
                }
                let Some(loaded) = translations.get(&(candidate.clone(), file.source.clone()))
                else {
                    continue;
                };
                let Some(message) = loaded.file.get(id) else {
                    continue;
                };
                match &message.value {
                    Ok(value) if !value.trim().is_empty() => {
                        let record = match &loaded.state {
                            Ok(state) => Ok(state.records.get(id)),
                            Err(()) => Err(()),
                        };
                        let verdict = verdict(record, &segment.text, rules);
                        let marked = target.preview
                            && matches!(verdict, Verdict::Hold(_) | Verdict::Block);
                        found.push(Candidate {
                            locale: candidate,
                            value: if marked {
                                Cow::Owned(format!("{DRAFT_MARK}{value}"))
                            } else {
                                Cow::Borrowed(value.as_str())
                            },
                            verdict,
                            path: &loaded.path,
                            text: &loaded.text,
                            offset: message.offset,
                        });
                    }
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

    let choice = choose(&candidates, target.preview, |chosen| {
        module.breaking(chosen)
    });
    let at = |index: usize, candidate: &Candidate<'_>| {
        let position = LineIndex::new(candidate.text).position(candidate.text, candidate.offset);
        TranslationAt {
            path: candidate.path.to_path_buf(),
            line: position.line,
            column: position.column,
            id: file.alignment.ids[index].clone(),
            locale: candidate.locale.to_string(),
            source: source.clone(),
            source_line: module.segments()[index].line,
        }
    };
    if !choice.blocking.is_empty() {
        result.blocked = true;
        result.n_messages = 0;
        for &(index, position) in &choice.blocking {
            let candidate = &candidates[index][position];
            let id = &file.alignment.ids[index];
            result.diagnostics.push(
                Diagnostic::error_at(
                    candidate.path,
                    candidate.text,
                    candidate.offset,
                    format!(
                        "`{id}` is stale: the English changed since it was translated; with \
                         `stale = \"block\"`, {} is not built for {} (its previous output stays)",
                        source.display(),
                        target.locale
                    ),
                )
                .with_help(format!(
                    "update the translation, then `kurso accept {} --id {id}`; or change \
                     `stale = \"block\"` ([build] of kurso.toml) to `fallback`",
                    candidate.locale
                )),
            );
        }
        return result;
    }

    let mut replacements = Vec::new();
    for (index, (segment, id)) in module
        .segments()
        .iter()
        .zip(&file.alignment.ids)
        .enumerate()
    {
        if let Some(candidate) = candidates[index].get(choice.chosen[index]) {
            *result
                .from_locale
                .entry(candidate.locale.to_string())
                .or_default() += 1;
            replacements.extend(place_translation(segment, &candidate.value));
            match candidate.verdict {
                Verdict::Hold(hold) => result.marked.push(Flagged {
                    at: at(index, candidate),
                    hold,
                }),
                Verdict::Block => result.marked.push(Flagged {
                    at: at(index, candidate),
                    hold: Hold::Stale,
                }),
                Verdict::ShipDespite(hold) => result.shipped_despite.push(Flagged {
                    at: at(index, candidate),
                    hold,
                }),
                Verdict::Ship => {}
            }
        } else {
            *result
                .from_locale
                .entry(source_locale.to_string())
                .or_default() += 1;
            if target.locale != source_locale && candidates[index].is_empty() {
                result.fallbacks.push(Fallback {
                    source: source.clone(),
                    id: id.clone(),
                });
            }
        }
    }
    for (index, position, because) in choice.passed {
        let built_from = candidates[index]
            .get(choice.chosen[index])
            .map_or_else(|| source_locale.to_string(), |c| c.locale.to_string());
        result.not_used.push(NotUsed {
            at: at(index, &candidates[index][position]),
            because,
            built_from,
        });
    }

    let rel = Path::new(&file.source.course).join(&file.source.rel_path);
    let output = target.output_dir.join(&rel);
    let mut built = String::with_capacity(file.text.len() + 3);
    if module.byte_order_mark {
        built.push('\u{feff}');
    }
    built.push_str(&splice(&file.text, replacements));
    match fsx::write_if_changed(&output, built.as_bytes()) {
        Ok(written) => {
            result.written = written;
            result.output = Some(Output::new(
                &Path::new(&target.locale.to_string()).join(rel),
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
