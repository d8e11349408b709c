//! `kurso translate` and `kurso usage`.

use std::io::IsTerminal as _;
use std::sync::Arc;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use kurso::diagnostic::Diagnostic;
use kurso::glossary;
use kurso::mt::engine::{Progress, Silent};
use kurso::mt::translate::{TranslateOptions, translate};

use crate::ExitStatus;
use crate::args::{GlobalArgs, ReceiverArgs, TranslateArgs, UsageArgs};
use crate::commands::{load_project, parse_targets, warn_source_drift};
use crate::output::Output;

/// A progress bar on stderr: segments done / total, characters, ETA.
struct Bar(ProgressBar);

impl Progress for Bar {
    fn start(&self, segments: usize, characters: usize) {
        self.0.set_length(segments as u64);
        self.0.set_message(format!("0 / {characters} characters"));
    }

    fn advance(&self, segments: usize, characters: usize) {
        self.0.inc(segments as u64);
        let done = self.0.position();
        self.0
            .set_message(format!("+{characters} characters (segment {done})"));
    }
}

pub fn run(global: &GlobalArgs, args: &TranslateArgs, out: &mut Output) -> ExitStatus {
    let Some(project) = load_project(global, out) else {
        return ExitStatus::Failed;
    };
    let Some(locales) = parse_targets(&project, &args.locales, out) else {
        return ExitStatus::Failed;
    };
    if !warn_source_drift(&project, &args.courses, out) {
        return ExitStatus::Failed;
    }
    let provider = match kurso::mt::build::provider(&project, args.provider.as_deref(), &locales) {
        Ok(provider) => provider,
        Err(diagnostic) => {
            out.error(&diagnostic);
            return ExitStatus::Failed;
        }
    };
    let dir = project.root.join(&project.config.paths.glossaries);
    let (terms, problems) = if dir.is_dir() {
        glossary::load_dir(&dir, project.relative(&dir))
    } else {
        (glossary::Glossary::default(), Vec::new())
    };
    out.diagnostics(&problems);
    let progress: Arc<dyn Progress> = if !global.quiet
        && !args.dry_run
        && std::io::stderr().is_terminal()
    {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("{spinner} {pos}/{len} segments {wide_bar} {eta} {msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        Arc::new(Bar(bar))
    } else {
        Arc::new(Silent)
    };
    let opts = TranslateOptions {
        locales,
        courses: args.courses.clone(),
        dry_run: args.dry_run,
    };
    let summary = match translate(&project, provider, &terms, &opts, progress) {
        Ok(summary) => summary,
        Err(diagnostic) => {
            out.error(&diagnostic);
            return ExitStatus::Failed;
        }
    };
    out.diagnostics(&summary.diagnostics);
    let mut problems = 0;
    for report in &summary.locales {
        if summary.dry_run {
            out.result(&format!(
                "{}: {} messages, {} segments with {}: {} characters to bill ({} segments already in the journal)",
                report.locale,
                report.messages,
                report.segments,
                summary.provider,
                report.characters,
                report.from_journal
            ));
            continue;
        }
        out.line(&format!(
            "{}: {} drafts written, {} suggestions beside people's translations, {} refused, {} not translated{}",
            report.locale,
            report.drafts,
            report.suggestions,
            report.rejected.len(),
            report.failed.len(),
            if report.submitted > 0 {
                format!(", {} submitted (results arrive by callback)", report.submitted)
            } else {
                String::new()
            }
        ));
        for rejected in &report.rejected {
            problems += 1;
            out.result(&format!(
                "  refused {} ({}): {}; translate it by hand",
                rejected.id,
                rejected.path.display(),
                rejected.reason
            ));
        }
        let shown = if args.verbose { usize::MAX } else { 5 };
        for failed in report.failed.iter().take(shown) {
            out.result(&format!(
                "  not translated {} ({}): {}",
                failed.id,
                failed.path.display(),
                failed.reason
            ));
        }
        if report.failed.len() > shown {
            out.result(&format!(
                "  … and {} more not translated (--verbose lists all)",
                report.failed.len() - shown
            ));
        }
        problems += report.failed.len();
    }
    if summary.dry_run {
        let total: usize = summary.locales.iter().map(|r| r.characters).sum();
        out.line(&format!(
            "dry run: {total} characters would be billed by {}; nothing was sent or written",
            summary.provider
        ));
        return ExitStatus::Clean;
    }
    out.line(&format!(
        "{}: {} requests",
        summary.provider, summary.requests
    ));
    if summary.quota_exceeded {
        out.error(
            &Diagnostic::file_error(std::path::Path::new(&summary.provider), "the provider's quota is used up")
                .with_help("everything received is saved; run again when the quota renews and only the rest is sent"),
        );
    }
    if summary.diagnostics.iter().any(Diagnostic::is_error) {
        ExitStatus::Failed
    } else if problems > 0 || summary.quota_exceeded {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    }
}

pub fn usage(global: &GlobalArgs, args: &UsageArgs, out: &mut Output) -> ExitStatus {
    let Some(project) = load_project(global, out) else {
        return ExitStatus::Failed;
    };
    let provider = match kurso::mt::build::provider(&project, args.provider.as_deref(), &[]) {
        Ok(provider) => provider,
        Err(diagnostic) => {
            out.error(&diagnostic);
            return ExitStatus::Failed;
        }
    };
    let Some(runtime) = runtime(out) else {
        return ExitStatus::Failed;
    };
    match runtime.block_on(provider.usage()) {
        Ok(usage) => {
            let limit = usage
                .limit
                .map_or_else(|| "no limit".to_owned(), |l| l.to_string());
            out.result(&format!(
                "{}: {} characters used of {limit}",
                provider.name(),
                usage.characters
            ));
            ExitStatus::Clean
        }
        Err(err) => {
            out.error(&Diagnostic::file_error(
                std::path::Path::new(provider.name()),
                err.to_string(),
            ));
            ExitStatus::Failed
        }
    }
}

pub fn receiver(global: &GlobalArgs, args: &ReceiverArgs, out: &mut Output) -> ExitStatus {
    use std::io::Write as _;

    use kurso::mt::journal::Journal;
    use kurso::mt::pending::{JournalSink, PENDING, load};
    use kurso::mt::translate::JOURNAL;

    let Some(project) = load_project(global, out) else {
        return ExitStatus::Failed;
    };
    let pending = load(&project.root.join(PENDING));
    let journal = match Journal::open(&project.root.join(JOURNAL), false) {
        Ok(journal) => journal,
        Err(err) => {
            out.error(&Diagnostic::file_error(
                std::path::Path::new(JOURNAL),
                err.to_string(),
            ));
            return ExitStatus::Failed;
        }
    };
    let Some(runtime) = runtime(out) else {
        return ExitStatus::Failed;
    };
    let listener = match runtime.block_on(tokio::net::TcpListener::bind(args.listen)) {
        Ok(listener) => listener,
        Err(err) => {
            out.error(
                &Diagnostic::file_error(
                    std::path::Path::new("--listen"),
                    format!("cannot listen on {}: {err}", args.listen),
                )
                .with_help("choose a free port, e.g. --listen 127.0.0.1:8088"),
            );
            return ExitStatus::Failed;
        }
    };
    out.line(&format!(
        "listening on {} for eTranslation callbacks; {} segments pending; Ctrl-C stops",
        args.listen,
        pending.len()
    ));
    let report = Box::new(|line: String| {
        let _ = writeln!(std::io::stderr(), "{line}");
    });
    let sink = Arc::new(JournalSink::new(pending, journal, report));
    runtime.block_on(kurso::mt::providers::etranslation::serve_callbacks(
        listener,
        sink,
        async {
            let _ = tokio::signal::ctrl_c().await;
        },
    ));
    ExitStatus::Clean
}

/// A runtime for network work; reports why not when it cannot start.
fn runtime(out: &mut Output) -> Option<tokio::runtime::Runtime> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|err| {
            out.error(&Diagnostic::file_error(
                std::path::Path::new("kurso"),
                format!("cannot start the network runtime: {err}"),
            ));
        })
        .ok()
}
