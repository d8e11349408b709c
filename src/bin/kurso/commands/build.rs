//! `kurso build`: runs the build stage and lists, per locale, what fell back to the source,
//! the translations `[build]` held back (counts per reason and per module; every message
//! with --verbose), those not used because they would change a module's structure, the
//! modules a stale translation blocked, and the outputs removed because their source is gone.
//! A preview lists its marked drafts the same way and says where it wrote.

use std::collections::BTreeMap;
use std::path::Path;

use kurso::build::{
    BuildOptions, BuildSummary, DRAFT_MARK, Hold, LocaleBuild, NotUsedBecause, TranslationAt, build,
};
use kurso::diagnostic::Diagnostic;
use kurso::locale::parse_locale_code;
use kurso::report::plural;
use kurso::state::Status;

use crate::ExitStatus;
use crate::args::{BuildArgs, GlobalArgs};
use crate::commands::load_project;
use crate::output::Output;

/// How many fallback IDs to show per file without --verbose.
const SHOWN_FALLBACKS: usize = 5;

pub fn run(global: &GlobalArgs, args: &BuildArgs, out: &mut Output) -> ExitStatus {
    let Some(project) = load_project(global, out) else {
        return ExitStatus::Failed;
    };
    let mut locales = Vec::new();
    for code in &args.locales {
        match parse_locale_code(code) {
            Ok(locale) => locales.push(locale),
            Err(message) => {
                out.error(
                    &Diagnostic::file_error(std::path::Path::new("--locale"), message)
                        .with_help("use a BCP 47 code such as `el`, `el-CY` or `fi`"),
                );
                return ExitStatus::Failed;
            }
        }
    }
    let opts = BuildOptions {
        locales,
        courses: args.courses.clone(),
        preview: args.preview,
    };
    let summary = match build(&project, &opts) {
        Ok(summary) => summary,
        Err(diagnostic) => {
            out.error(&diagnostic);
            return ExitStatus::Failed;
        }
    };
    out.diagnostics(&summary.diagnostics);
    let source = project.config.source_locale.to_string();
    for locale in &summary.locales {
        render_locale(locale, &source, args.verbose, out);
    }
    render_preview_note(&summary, &project, out);
    if summary.has_errors() {
        ExitStatus::Failed
    } else {
        ExitStatus::Clean
    }
}

fn render_locale(locale: &LocaleBuild, source: &str, verbose: bool, out: &mut Output) {
    let chain: Vec<String> = locale.chain.iter().map(ToString::to_string).collect();
    let sources: Vec<String> = locale
        .chain
        .iter()
        .filter_map(|from| {
            locale
                .from_locale
                .get(&from.to_string())
                .map(|n| format!("{n} {from}"))
        })
        .collect();
    out.line(&format!(
        "{}: {} into {} ({} written); {}: {} [chain {}]",
        locale.locale,
        plural(locale.n_files, "file"),
        locale.output_dir.display(),
        locale.n_written,
        plural(locale.n_messages, "message"),
        sources.join(", "),
        chain.join(" → "),
    ));
    render_fallbacks(locale, source, verbose, out);
    for entry in &locale.not_used {
        if let NotUsedBecause::Structure(change) = &entry.because {
            let at = &entry.at;
            out.line(&format!(
                "    not used, it would change the structure: {}:{}:{} {}: {change} ({}:{}); built from {}",
                at.path.display(),
                at.line,
                at.column,
                at.id,
                at.source.display(),
                at.source_line,
                entry.built_from,
            ));
        }
    }
    let held: Vec<Entry<'_>> = locale
        .not_used
        .iter()
        .filter_map(|entry| match entry.because {
            NotUsedBecause::Held(hold) => Some(Entry {
                at: &entry.at,
                hold,
                built_from: Some(&entry.built_from),
            }),
            NotUsedBecause::Structure(_) => None,
        })
        .collect();
    let locale_code = locale.locale.to_string();
    render_group(
        "held back ([build] in kurso.toml), built from the fallback",
        &held,
        &locale_code,
        verbose,
        out,
    );
    render_group(
        &format!(
            "preview: drafts marked `{}` (a default build holds them back)",
            DRAFT_MARK.trim_end()
        ),
        &flagged(&locale.marked),
        &locale_code,
        verbose,
        out,
    );
    render_group(
        "shipped unchecked, as [build] in kurso.toml allows",
        &flagged(&locale.shipped_despite),
        &locale_code,
        verbose,
        out,
    );
    if !locale.blocked.is_empty() {
        out.line(&format!(
            "    not built, a stale translation blocks it (stale = \"block\"; the previous output stays): {}",
            locale
                .blocked
                .iter()
                .map(|path| path.display().to_string())
                .collect::<Vec<_>>()
                .join(" ")
        ));
    }
    if !locale.removed.is_empty() {
        out.line(&format!(
            "    removed {} whose source is gone: {}",
            plural(locale.removed.len(), "output"),
            locale
                .removed
                .iter()
                .map(|path| path.display().to_string())
                .collect::<Vec<_>>()
                .join(" ")
        ));
    }
}

/// Messages no locale of the chain translates: whole files, then per file.
fn render_fallbacks(locale: &LocaleBuild, source: &str, verbose: bool, out: &mut Output) {
    let mut by_file: Vec<(&Path, Vec<&str>)> = Vec::new();
    for fallback in &locale.fallbacks {
        match by_file.last_mut() {
            Some((path, ids)) if *path == fallback.source.as_path() => ids.push(&fallback.id),
            _ => by_file.push((&fallback.source, vec![&fallback.id])),
        }
    }
    let (untranslated, partial): (Vec<_>, Vec<_>) = by_file
        .into_iter()
        .partition(|(path, ids)| locale.file_messages.get(*path) == Some(&ids.len()));
    if !untranslated.is_empty() {
        let n_messages: usize = untranslated.iter().map(|(_, ids)| ids.len()).sum();
        out.line(&format!(
            "    not translated yet, built from {source}: {} ({})",
            plural(untranslated.len(), "file"),
            plural(n_messages, "message")
        ));
        if verbose {
            for (path, _) in &untranslated {
                out.line(&format!("        {}", path.display()));
            }
        }
    }
    for (path, ids) in partial {
        let shown = if verbose || ids.len() <= SHOWN_FALLBACKS {
            ids.join(" ")
        } else {
            format!(
                "{} … and {} more (--verbose lists all)",
                ids[..SHOWN_FALLBACKS].join(" "),
                ids.len() - SHOWN_FALLBACKS
            )
        };
        let total = locale.file_messages.get(path).copied().unwrap_or_default();
        out.line(&format!(
            "    fell back to {source}: {} of {total} in {}: {shown}",
            ids.len(),
            path.display()
        ));
    }
}

/// A translation listed with the policy's reason.
struct Entry<'a> {
    at: &'a TranslationAt,
    hold: Hold,
    /// Where the message came from instead, for what was held back.
    built_from: Option<&'a str>,
}

/// One line with the count per reason, one per module with its counts, and with --verbose
/// every translation under its module.
fn render_group(title: &str, entries: &[Entry<'_>], locale: &str, verbose: bool, out: &mut Output) {
    if entries.is_empty() {
        return;
    }
    // A reason, and the locale whose text it is when not the one built.
    let reason = |entry: &Entry<'_>, short: bool| {
        let what = if short {
            short_reason(entry.hold)
        } else {
            entry.hold.to_string()
        };
        if entry.at.locale == locale {
            what
        } else {
            format!("{what} (from {})", entry.at.locale)
        }
    };
    let mut per_reason: BTreeMap<(Hold, &str), (String, usize)> = BTreeMap::new();
    let mut per_module: BTreeMap<&Path, Vec<&Entry<'_>>> = BTreeMap::new();
    for entry in entries {
        per_reason
            .entry((entry.hold, &entry.at.locale))
            .or_insert_with(|| (reason(entry, false), 0))
            .1 += 1;
        per_module.entry(&entry.at.source).or_default().push(entry);
    }
    out.line(&format!(
        "    {title}: {}: {}",
        plural(entries.len(), "translation"),
        per_reason
            .values()
            .map(|(what, n)| format!("{n} {what}"))
            .collect::<Vec<_>>()
            .join("; ")
    ));
    for (module, entries) in per_module {
        let mut counts: BTreeMap<(Hold, &str), (String, usize)> = BTreeMap::new();
        for entry in &entries {
            counts
                .entry((entry.hold, &entry.at.locale))
                .or_insert_with(|| (reason(entry, true), 0))
                .1 += 1;
        }
        out.line(&format!(
            "        {}: {}",
            module.display(),
            counts
                .values()
                .map(|(what, n)| format!("{n} {what}"))
                .collect::<Vec<_>>()
                .join(", ")
        ));
        if verbose {
            for entry in entries {
                let at = entry.at;
                let built = entry
                    .built_from
                    .map(|from| format!("; built from {from}"))
                    .unwrap_or_default();
                out.line(&format!(
                    "            {}:{}:{} {}: {}{built}",
                    at.path.display(),
                    at.line,
                    at.column,
                    at.id,
                    entry.hold,
                ));
            }
        }
    }
}

/// A reason in a few words, for the per-module counts.
fn short_reason(hold: Hold) -> String {
    match hold {
        Hold::Status(Status::Machine) => "machine draft".to_owned(),
        Hold::Status(status) => format!("`{status}`"),
        Hold::Stale => "stale".to_owned(),
        Hold::Unverified => "no record".to_owned(),
        Hold::UnreadableState => "unreadable state".to_owned(),
    }
}

/// A preview says where it wrote and that it is not the build.
fn render_preview_note(
    summary: &BuildSummary,
    project: &kurso::project::Project,
    out: &mut Output,
) {
    if summary.preview {
        out.line(&format!(
            "preview in {}/: drafts marked `{}`, for checking layout, not for learners; `kurso build` writes what ships into {}/",
            summary.output_root.display(),
            DRAFT_MARK.trim_end(),
            project.config.paths.build.display()
        ));
    }
}

fn flagged(list: &[kurso::build::Flagged]) -> Vec<Entry<'_>> {
    list.iter()
        .map(|entry| Entry {
            at: &entry.at,
            hold: entry.hold,
            built_from: None,
        })
        .collect()
}
