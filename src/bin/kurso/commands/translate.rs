//! `kurso translate` and `kurso usage`.

use kurso::report::plural;
use std::io::IsTerminal as _;
use std::path::Path;
use std::sync::Arc;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use kurso::diagnostic::Diagnostic;
use kurso::mt::ProviderError;
use kurso::mt::build::Chosen;
use kurso::mt::config::{KeySource, PROVIDERS};
use kurso::mt::engine::{Progress, Silent};
use kurso::mt::translate::{TranslateOptions, translate};

use crate::ExitStatus;
use crate::args::{GlobalArgs, ReceiverArgs, TranslateArgs, UsageArgs};
use crate::commands::{load_glossary, load_project, parse_targets, warn_source_drift};
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
    let Some(requested) = parse_targets(&project, &args.locales, out) else {
        return ExitStatus::Failed;
    };
    if !warn_source_drift(&project, &args.courses, out) {
        return ExitStatus::Failed;
    }
    let name = args.provider.as_deref();
    // A dry run sends nothing, so it reads no key.
    let chosen = kurso::mt::locales::to_translate(&project, &requested).and_then(|locales| {
        let chosen = if args.dry_run {
            kurso::mt::build::dry_run(&project, name).map(|provider| Chosen {
                provider,
                key_source: None,
            })
        } else {
            kurso::mt::build::provider(&project, name, &locales)
        };
        chosen.map(|chosen| (locales, chosen))
    });
    let (
        locales,
        Chosen {
            provider,
            key_source,
        },
    ) = match chosen {
        Ok(chosen) => chosen,
        Err(diagnostic) => {
            out.error(&diagnostic);
            return ExitStatus::Failed;
        }
    };
    let terms = load_glossary(&project, out);
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
        retry_refused: args.retry_refused,
    };
    let summary = match translate(&project, provider, &terms, &opts, progress) {
        Ok(summary) => summary,
        Err(diagnostic) => {
            out.error(&diagnostic);
            return ExitStatus::Failed;
        }
    };
    out.diagnostics(&summary.diagnostics);
    if let Some(ProviderError::KeyRejected { status, .. }) = &summary.stopped {
        // One line: every other request would have been refused alike.
        out.error(&key_rejected(
            &summary.provider,
            *status,
            key_source.as_ref(),
        ));
        return ExitStatus::Failed;
    }
    // Messages not sent because the run stopped are counted, not listed one by one.
    let stopped = summary.stopped.as_ref().map(ToString::to_string);
    let mut problems = 0;
    for report in &summary.locales {
        if summary.dry_run {
            out.result(&format!(
                "{}: {}, {} with {}: {} to bill ({} already in the journal)",
                report.locale,
                plural(report.messages, "message"),
                plural(report.segments, "segment"),
                summary.provider,
                plural(report.characters, "character"),
                plural(report.from_journal, "segment")
            ));
            continue;
        }
        out.line(&format!(
            "{}: {} written, {} beside people's translations, {} refused, {} not translated{}",
            report.locale,
            plural(report.drafts, "draft"),
            plural(report.suggestions, "suggestion"),
            report.rejected.len(),
            report.failed.len(),
            if report.submitted > 0 {
                format!(
                    ", {} submitted (results arrive by callback)",
                    report.submitted
                )
            } else {
                String::new()
            }
        ));
        for rejected in &report.rejected {
            problems += 1;
            out.result(&format!(
                "  refused {} ({}): {}; translate it by hand, or ask {} again with --retry-refused",
                rejected.id,
                rejected.path.display(),
                rejected.reason,
                summary.provider
            ));
        }
        let shown = if args.verbose { usize::MAX } else { 5 };
        let listed: Vec<_> = report
            .failed
            .iter()
            .filter(|failed| stopped.as_ref() != Some(&failed.reason))
            .collect();
        for failed in listed.iter().take(shown) {
            out.result(&format!(
                "  not translated {} ({}): {}",
                failed.id,
                failed.path.display(),
                failed.reason
            ));
        }
        if listed.len() > shown {
            out.result(&format!(
                "  … and {} more not translated (--verbose lists all)",
                listed.len() - shown
            ));
        }
        problems += report.failed.len();
    }
    if summary.dry_run {
        let total: usize = summary.locales.iter().map(|r| r.characters).sum();
        out.line(&format!(
            "dry run: {} would be billed by {}; nothing was sent or written",
            plural(total, "character"),
            summary.provider
        ));
        return if summary.diagnostics.iter().any(Diagnostic::is_error) {
            ExitStatus::Failed
        } else {
            ExitStatus::Clean
        };
    }
    out.line(&format!(
        "{}: {}",
        summary.provider,
        plural(summary.requests, "request")
    ));
    let quota_exceeded = summary.stopped == Some(ProviderError::QuotaExceeded);
    if quota_exceeded {
        out.error(
            &Diagnostic::file_error(Path::new(&summary.provider), "the provider's quota is used up")
                .with_help("everything received is saved; run again when the quota renews and only the rest is sent"),
        );
    }
    // A quota spent before anything arrived: the run did nothing (2); after some drafts
    // arrived, the rest is "not translated" (1), as `kurso translate --help` says.
    if summary.diagnostics.iter().any(Diagnostic::is_error)
        || (quota_exceeded && summary.received == 0)
    {
        ExitStatus::Failed
    } else if problems > 0 || quota_exceeded {
        ExitStatus::Findings
    } else {
        ExitStatus::Clean
    }
}

pub fn usage(global: &GlobalArgs, args: &UsageArgs, out: &mut Output) -> ExitStatus {
    let Some(project) = load_project(global, out) else {
        return ExitStatus::Failed;
    };
    let Chosen {
        provider,
        key_source,
    } = match kurso::mt::build::provider(&project, args.provider.as_deref(), &[]) {
        Ok(chosen) => chosen,
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
                "{}: {} used of {limit}",
                provider.name(),
                plural(usage.characters, "character")
            ));
            ExitStatus::Clean
        }
        Err(ProviderError::KeyRejected { status, .. }) => {
            out.error(&key_rejected(provider.name(), status, key_source.as_ref()));
            ExitStatus::Failed
        }
        Err(err) => {
            out.error(&Diagnostic::file_error(
                Path::new(provider.name()),
                err.to_string(),
            ));
            ExitStatus::Failed
        }
    }
}

/// The one line for a rejected key: where it was read, never the key.
fn key_rejected(provider: &str, status: u16, source: Option<&KeySource>) -> Diagnostic {
    let message = match source {
        Some(source) => format!(
            "the key from {source} was rejected (HTTP {status}); nothing more was sent: check or replace it"
        ),
        None => format!(
            "the provider rejected the request for want of a key (HTTP {status}); nothing more was sent: set {}",
            PROVIDERS
                .iter()
                .find(|(name, _)| *name == provider)
                .and_then(|(_, var)| *var)
                .unwrap_or("its key")
        ),
    };
    Diagnostic::file_error(Path::new(provider), message)
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
        "listening on {} for eTranslation callbacks; {} pending; Ctrl-C stops",
        args.listen,
        plural(pending.len(), "segment")
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
