//! `kurso extract`: course sources → `locales/<source>/<course>/<module>.ftl`.
//!
//! Each source file is segmented, aligned with the messages extracted last time (so IDs stay
//! stable), and rendered as a Fluent file with a translator comment on every message.
//! Files are independent, so they are processed in parallel.
//!
//! Invariant: a file with errors is reported and left as it was on disk; the other files are
//! still extracted. Output is deterministic and only written when it changes.

mod align;
mod drift;

pub use align::{Alignment, Change, MIN_SIMILARITY, OldMessage, align_ids, similarity};
pub use drift::{orphan_warnings, out_of_date_warnings, source_drift};

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use rayon::prelude::*;

use crate::accept::{Carry, carry_forward};
use crate::diagnostic::Diagnostic;
use crate::fluent::{SourceFtl, SourceMessage, parse_ftl, render_source_ftl};
use crate::fsx;
use crate::project::{Project, SourceFile, SourceKind};
use crate::segment::{Segment, SegmentKind, SegmentedFile, segment_module, segment_yaml};

#[derive(Debug, Clone, Default)]
pub struct ExtractOptions {
    /// Only these courses (all when empty).
    pub courses: Vec<String>,
    /// Compute and report, but write nothing (`--check`).
    pub check_only: bool,
    /// The English edits are typo fixes: carry every translation made from the old English
    /// forward to the new (`--keep-translations`), with an audit record.
    pub keep_translations: bool,
}

/// What happened to one source file.
#[derive(Debug, Clone)]
pub struct FileReport {
    pub source: SourceFile,
    /// The Fluent file, relative to the project root.
    pub messages_path: PathBuf,
    pub n_messages: usize,
    pub added: Vec<String>,
    pub changed: Vec<String>,
    pub moved: Vec<String>,
    pub removed: Vec<String>,
    /// The Fluent file differs from what is on disk (and was written unless `--check`).
    pub out_of_date: bool,
    /// Translation records carried forward over a typo fix (`--keep-translations`).
    pub carried: usize,
}

#[derive(Debug, Clone, Default)]
pub struct ExtractSummary {
    pub files: Vec<FileReport>,
    /// Source Fluent files whose module no longer exists (relative to the project root).
    /// `--check` fails on them; nothing deletes them, since translations hang on them.
    pub orphans: Vec<PathBuf>,
    pub diagnostics: Vec<Diagnostic>,
}

impl ExtractSummary {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    pub fn n_messages(&self) -> usize {
        self.files.iter().map(|file| file.n_messages).sum()
    }

    pub fn out_of_date(&self) -> impl Iterator<Item = &FileReport> {
        self.files.iter().filter(|file| file.out_of_date)
    }
}

/// A source file cut into segments, each with its aligned ID: what `extract` writes and
/// what `build` puts translations into.
#[derive(Debug, Clone)]
pub struct PlannedFile {
    pub source: SourceFile,
    pub text: String,
    pub segmented: SegmentedFile,
    pub alignment: Alignment,
    /// The source Fluent file as it should be.
    pub rendered: String,
    /// The file on disk already holds exactly `rendered`.
    pub up_to_date: bool,
}

/// A planned file with its warnings, or the errors that stop it.
pub type PlanResult = Result<(PlannedFile, Vec<Diagnostic>), Vec<Diagnostic>>;

/// Runs extraction over the project.
pub fn extract(project: &Project, opts: &ExtractOptions) -> Result<ExtractSummary, Diagnostic> {
    let files = project.source_files(&opts.courses)?;
    let results: Vec<PlanResult> = files
        .par_iter()
        .map(|file| plan_file(project, file))
        .collect();
    // Writing is parallel too: on a cold run creating the files is most of the cost.
    let written: Vec<_> = results
        .into_par_iter()
        .map(|result| {
            result.map(|(planned, diagnostics)| {
                let report = write_planned(project, &planned, opts);
                (report, diagnostics)
            })
        })
        .collect();
    let mut summary = ExtractSummary::default();
    for result in written {
        match result {
            Ok((report, diagnostics)) => {
                summary.diagnostics.extend(diagnostics);
                match report {
                    Ok(report) => summary.files.push(report),
                    Err(diagnostics) => summary.diagnostics.extend(diagnostics),
                }
            }
            Err(diagnostics) => summary.diagnostics.extend(diagnostics),
        }
    }
    let source_dir = project.locale_dir(&project.config.source_locale);
    summary.orphans = project
        .orphaned_messages(&files, &opts.courses)
        .iter()
        .map(|rel| project.relative(&source_dir.join(rel)).to_path_buf())
        .collect();
    summary.diagnostics.sort_by_key(Diagnostic::sort_key);
    Ok(summary)
}

/// Segments and aligns one file. `Err` carries the errors that stop this file (it is then
/// left alone); `Ok` carries warnings.
pub fn plan_file(project: &Project, file: &SourceFile) -> PlanResult {
    let path = project.source_path(file);
    let rel = project.relative(&path).to_path_buf();
    let text = fsx::read_to_string(&path)
        .map_err(|err| vec![Diagnostic::file_error(&rel, err.to_string())])?;
    let keys = &project.config.translatable_keys;
    let segmented = match file.kind {
        SourceKind::Module => segment_module(&rel, &text, keys),
        SourceKind::CourseMeta => segment_yaml(&rel, &text, 0..text.len(), keys, ""),
    };
    let mut diagnostics = segmented.diagnostics.clone();
    diagnostics.extend(duplicate_pins(&rel, &text, &segmented.segments));
    if diagnostics.iter().any(Diagnostic::is_error) {
        return Err(diagnostics);
    }

    let messages_path = project.messages_path(&project.config.source_locale, file);
    let previous = match fsx::read_optional(&messages_path) {
        Ok(previous) => previous,
        Err(err) => {
            return Err(vec![Diagnostic::file_error(
                project.relative(&messages_path),
                err.to_string(),
            )]);
        }
    };
    let (old, retired) = match &previous {
        Some(previous) => {
            let parsed = parse_ftl(project.relative(&messages_path), previous);
            diagnostics.extend(parsed.diagnostics.into_iter().map(Diagnostic::warning));
            let old: Vec<OldMessage> = parsed
                .messages
                .into_iter()
                .map(|message| OldMessage {
                    id: message.id,
                    text: message.value.unwrap_or_default(),
                })
                .collect();
            (old, parsed.retired.into_iter().collect::<BTreeSet<_>>())
        }
        None => (Vec::new(), BTreeSet::new()),
    };
    let alignment = align_ids(&segmented.segments, &old, &retired);
    let rendered = render_source_ftl(&source_ftl(
        file,
        &rel.display().to_string(),
        &segmented,
        &alignment,
    ));
    Ok((
        PlannedFile {
            source: file.clone(),
            text,
            segmented,
            alignment,
            up_to_date: previous.as_deref() == Some(rendered.as_str()),
            rendered,
        },
        diagnostics,
    ))
}

fn write_planned(
    project: &Project,
    planned: &PlannedFile,
    opts: &ExtractOptions,
) -> Result<FileReport, Vec<Diagnostic>> {
    let messages_path = project.messages_path(&project.config.source_locale, &planned.source);
    let out_of_date = !planned.up_to_date;
    let mut carried = 0;
    if out_of_date && !opts.check_only {
        if opts.keep_translations {
            let edits: Vec<Carry> = planned
                .alignment
                .ids
                .iter()
                .zip(&planned.alignment.changes)
                .zip(&planned.segmented.segments)
                .filter_map(|((id, change), segment)| match change {
                    Change::Changed { old_text } => Some(Carry {
                        id: id.clone(),
                        old: old_text.clone(),
                        new: segment.text.clone(),
                    }),
                    _ => None,
                })
                .collect();
            if !edits.is_empty() {
                let rel = format!(
                    "{}/{}",
                    planned.source.course,
                    planned.source.messages_rel_path()
                );
                carried = carry_forward(project, &rel, &edits, &crate::state::today())?;
            }
        }
        fsx::write_atomic(&messages_path, planned.rendered.as_bytes()).map_err(|err| {
            vec![Diagnostic::file_error(
                project.relative(&messages_path),
                err.to_string(),
            )]
        })?;
    }
    let mut report = FileReport {
        source: planned.source.clone(),
        messages_path: project.relative(&messages_path).to_path_buf(),
        n_messages: planned.alignment.ids.len(),
        added: Vec::new(),
        changed: Vec::new(),
        moved: Vec::new(),
        removed: planned.alignment.removed.clone(),
        out_of_date,
        carried,
    };
    for (id, change) in planned.alignment.ids.iter().zip(&planned.alignment.changes) {
        match change {
            Change::Unchanged => {}
            Change::Moved => report.moved.push(id.clone()),
            Change::Changed { .. } => report.changed.push(id.clone()),
            Change::Added => report.added.push(id.clone()),
        }
    }
    Ok(report)
}

/// The same ID pinned twice in one file is an error at the second pin.
fn duplicate_pins(path: &std::path::Path, text: &str, segments: &[Segment]) -> Vec<Diagnostic> {
    let mut first_line: HashMap<&str, usize> = HashMap::new();
    let mut diagnostics = Vec::new();
    for segment in segments {
        let Some(pin) = &segment.pin else { continue };
        if let Some(line) = first_line.get(pin.id.as_str()) {
            diagnostics.push(
                Diagnostic::error_at(
                    path,
                    text,
                    pin.offset,
                    format!("ID `{}` is already pinned on line {line}", pin.id),
                )
                .with_help("give each pinned block its own ID"),
            );
        } else {
            first_line.insert(
                &pin.id,
                crate::span::LineIndex::new(text)
                    .position(text, pin.offset)
                    .line,
            );
        }
    }
    diagnostics
}

fn source_ftl(
    file: &SourceFile,
    rel_path: &str,
    segmented: &SegmentedFile,
    alignment: &Alignment,
) -> SourceFtl {
    let file_name = file.rel_path.rsplit('/').next().unwrap_or(&file.rel_path);
    let messages = segmented
        .segments
        .iter()
        .zip(&alignment.ids)
        .map(|(segment, id)| {
            let mut where_from = format!("{file_name}:{}", segment.line);
            let context = match (segment.kind, &segmented.title) {
                (SegmentKind::Field, _) if file.kind == SourceKind::Module => {
                    format!("front matter › {}", segment.context.join(" › "))
                }
                (_, Some(title)) => std::iter::once(title.as_str())
                    .chain(segment.context.iter().map(String::as_str))
                    .collect::<Vec<_>>()
                    .join(" › "),
                (SegmentKind::Field, _) | (_, None) => segment.context.join(" › "),
            };
            if !context.is_empty() {
                where_from.push_str(" · ");
                where_from.push_str(&context);
            }
            let mut comment = vec![where_from];
            comment.extend(segment.notes.iter().map(|note| format!("Note: {note}")));
            SourceMessage {
                id: id.clone(),
                value: segment.text.clone(),
                comment,
            }
        })
        .collect();
    SourceFtl {
        header: vec![
            format!("Source: {rel_path}"),
            "Generated by `kurso extract`: edit the source, not this file. IDs are kept across edits.".to_owned(),
        ],
        messages,
        retired: alignment.retired.iter().cloned().collect(),
    }
}
