//! `kurso build`: runs the build stage and lists what fell back to the source, the
//! translations not used because they would change a module's structure, and the outputs
//! removed because their source is gone.

use kurso::build::{BuildOptions, build};
use kurso::diagnostic::Diagnostic;
use kurso::locale::parse_locale_code;
use kurso::report::plural;

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
    };
    let summary = match build(&project, &opts) {
        Ok(summary) => summary,
        Err(diagnostic) => {
            out.error(&diagnostic);
            return ExitStatus::Failed;
        }
    };
    out.diagnostics(&summary.diagnostics);
    for locale in &summary.locales {
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
        let mut by_file: Vec<(&std::path::Path, Vec<&str>)> = Vec::new();
        for fallback in &locale.fallbacks {
            match by_file.last_mut() {
                Some((path, ids)) if *path == fallback.source.as_path() => ids.push(&fallback.id),
                _ => by_file.push((&fallback.source, vec![&fallback.id])),
            }
        }
        let source = &project.config.source_locale;
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
            if args.verbose {
                for (path, _) in &untranslated {
                    out.line(&format!("        {}", path.display()));
                }
            }
        }
        for (path, ids) in partial {
            let shown = if args.verbose || ids.len() <= SHOWN_FALLBACKS {
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
        for rejected in &locale.rejected {
            out.line(&format!(
                "    not used, it would change the structure: {}:{}:{} {}: {} ({}:{}); built from {}",
                rejected.path.display(),
                rejected.line,
                rejected.column,
                rejected.id,
                rejected.change,
                rejected.source.display(),
                rejected.source_line,
                rejected.built_from,
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
    if summary.has_errors() {
        ExitStatus::Failed
    } else {
        ExitStatus::Clean
    }
}
