//! `kurso translate`: select what needs a draft, mask it, send it, verify what comes back,
//! and write drafts (status `machine`) or suggestions beside people's translations.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

use unic_langid::LanguageIdentifier;

use super::draft::{Job, draft_entry, message_parts};
use super::engine::{self, Progress, RetryPolicy, Segment, TargetSettings};
use super::journal::{self, Journal};
use super::pair_glossary::pair_glossary;
use super::provider::{Provider, ProviderError};
use super::select::select;
use super::write::write_file;
use crate::check::entry::check_entry;
use crate::check::finding::Level;
use crate::check::rules;
use crate::check::{CheckOptions, Layout};
use crate::diagnostic::Diagnostic;
use crate::glossary::Glossary;
use crate::guard::writable_state;
use crate::project::Project;

/// Where the journal lives, under the project root.
pub const JOURNAL: &str = ".kurso/mt-journal.jsonl";

#[derive(Debug, Clone, Default)]
pub struct TranslateOptions {
    /// Target locales (empty: the commissioned ones, see `mt::locales`).
    pub locales: Vec<LanguageIdentifier>,
    pub courses: Vec<String>,
    /// Write nothing and send nothing; count what would be billed.
    pub dry_run: bool,
    /// Ask the provider again for translations whose drafts were refused before, instead
    /// of replaying them from the journal.
    pub retry_refused: bool,
}

/// A message that was not written, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejected {
    pub path: PathBuf,
    pub id: String,
    pub reason: String,
}

/// What happened in one locale.
#[derive(Debug, Clone, Default)]
pub struct LocaleReport {
    pub locale: String,
    /// Messages selected (missing or stale).
    pub messages: usize,
    /// Segments (value and attributes) and the characters that are (or would be) billed.
    pub segments: usize,
    pub characters: usize,
    pub from_journal: usize,
    pub drafts: usize,
    pub suggestions: usize,
    pub submitted: usize,
    /// Not written: verification failed; a person must translate these.
    pub rejected: Vec<Rejected>,
    /// Not translated: the provider failed (or the quota ran out).
    pub failed: Vec<Rejected>,
}

#[derive(Debug, Default)]
pub struct TranslateSummary {
    pub provider: String,
    pub dry_run: bool,
    pub locales: Vec<LocaleReport>,
    pub requests: usize,
    /// Segments the provider translated in this run.
    pub received: usize,
    /// Why the run stopped before sending everything (the quota ran out, the key was
    /// rejected).
    pub stopped: Option<ProviderError>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Runs `kurso translate` with `provider` on `project`.
#[allow(
    clippy::needless_pass_by_value,
    reason = "the caller hands the provider and progress over for the run"
)]
pub fn translate(
    project: &Project,
    provider: Arc<dyn Provider>,
    glossary: &Glossary,
    opts: &TranslateOptions,
    progress: Arc<dyn Progress>,
) -> Result<TranslateSummary, Diagnostic> {
    let locales = super::locales::to_translate(project, &opts.locales)?;
    let layout = Layout::for_project(project, &locales, &opts.courses);
    let tree = layout.load();
    let source = project.config.source_locale.to_string();
    let mut summary = TranslateSummary {
        provider: provider.name().to_owned(),
        dry_run: opts.dry_run,
        diagnostics: tree.diagnostics.clone(),
        ..TranslateSummary::default()
    };
    let journal_path = project.root.join(JOURNAL);
    let journal =
        Arc::new(Journal::open(&journal_path, opts.dry_run).map_err(|err| {
            Diagnostic::file_error(project.relative(&journal_path), err.to_string())
        })?);
    if opts.retry_refused {
        journal.forget_refused();
    }
    let mut settings: HashMap<String, TargetSettings> = HashMap::new();
    let mut dnt: HashMap<String, Vec<String>> = HashMap::new();
    for locale in tree.locales.iter().filter(|l| l.checked) {
        let (pair, keep) = pair_glossary(glossary, &source, &locale.chain);
        let formality = project
            .config
            .mt
            .settings(provider.name())
            .formality
            .get(&locale.name)
            .cloned();
        settings.insert(
            locale.name.clone(),
            TargetSettings {
                glossary: Arc::new(pair),
                plural_categories: crate::check::plural_categories(&locale.locale),
                formality,
            },
        );
        dnt.insert(locale.name.clone(), keep);
    }
    // A translation file that does not parse (or whose state does not) is never written:
    // nothing of it is sent, so nothing is paid for that could not be written.
    let mut locked: HashSet<(usize, &str)> = HashSet::new();
    for (index, locale) in tree.locales.iter().enumerate().filter(|(_, l)| l.checked) {
        for (rel, doc) in &locale.docs {
            if let Err(blockers) = writable_state(&locale.dir.join(rel), &doc.path, Some(doc)) {
                locked.insert((index, rel.as_str()));
                summary.diagnostics.extend(blockers);
            }
        }
    }
    let mut jobs: Vec<Job<'_>> = Vec::new();
    let mut segments: Vec<Segment> = Vec::new();
    for selected in select(&tree)
        .into_iter()
        .filter(|s| !locked.contains(&(s.locale, s.rel.as_str())))
    {
        let locale = &tree.locales[selected.locale];
        let (parts, selects) = message_parts(selected.english, &dnt[&locale.name], segments.len());
        for part in &parts {
            segments.push(Segment {
                id: part.unit.clone(),
                target: locale.name.clone(),
                masked: part.masked.text.clone(),
                context: selected.context.clone(),
            });
        }
        if !parts.is_empty() {
            jobs.push(Job {
                selected,
                parts,
                selects,
            });
        }
    }
    let mut reports: BTreeMap<String, LocaleReport> = tree
        .locales
        .iter()
        .filter(|l| l.checked)
        .map(|l| {
            (
                l.name.clone(),
                LocaleReport {
                    locale: l.name.clone(),
                    ..LocaleReport::default()
                },
            )
        })
        .collect();
    let key_of = |segment: &Segment| {
        let version = &settings[&segment.target].glossary.version;
        journal::key(
            provider.name(),
            &source,
            &segment.target,
            version,
            &segment.masked,
        )
    };
    // A text is billed once however many messages need it (the engine sends it once).
    let mut billed = std::collections::HashSet::new();
    for job in &jobs {
        let locale = &tree.locales[job.selected.locale].name;
        let report = reports
            .get_mut(locale)
            .expect("every checked locale has a report");
        report.messages += 1;
        for part in &job.parts {
            let segment = &segments[part.segment];
            let key = key_of(segment);
            report.segments += 1;
            if journal.get(&key).is_some() {
                report.from_journal += 1;
            } else if billed.insert(key) {
                report.characters += segment.masked.chars().count();
            }
        }
    }
    if opts.dry_run {
        summary.locales = reports.into_values().collect();
        return Ok(summary);
    }
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|err| {
            Diagnostic::file_error(
                std::path::Path::new("kurso"),
                format!("cannot start the network runtime: {err}"),
            )
        })?;
    let outcome = runtime.block_on(engine::run(
        Arc::clone(&provider),
        &source,
        &segments,
        &settings,
        Arc::clone(&journal),
        progress,
        RetryPolicy::default(),
    ));
    // Plural categories the target needs and English lacks (Lithuanian `few`, `many`):
    // only a provider that can write them (an LLM) is asked.
    if provider.fills_plural_variants() {
        for job in &mut jobs {
            let locale = &tree.locales[job.selected.locale].name;
            let categories = &settings[locale].plural_categories;
            for select in job.selects.iter_mut().filter(|s| s.plural) {
                let missing: Vec<&'static str> = categories
                    .iter()
                    .copied()
                    .filter(|c| !select.keys.iter().any(|k| k == c))
                    .collect();
                if missing.is_empty() {
                    continue;
                }
                let english: BTreeMap<String, String> = job
                    .parts
                    .iter()
                    .filter(|p| p.attribute == select.attribute)
                    .filter_map(|p| {
                        p.variant
                            .clone()
                            .map(|k| (k, segments[p.segment].masked.clone()))
                    })
                    .collect();
                if let Ok(filled) =
                    runtime.block_on(provider.fill_plurals(&english, &missing, locale))
                {
                    select.filled = missing
                        .iter()
                        .filter_map(|c| filled.get(*c).map(|t| ((*c).to_owned(), t.clone())))
                        .collect();
                }
            }
        }
    }
    summary.requests = outcome.requests;
    summary.received = outcome.received;
    summary.stopped.clone_from(&outcome.stopped);
    // Asynchronous submissions: remember what each callback completes.
    let mut pending_keys = std::collections::HashSet::new();
    let submitted: Vec<super::pending::Pending> = outcome
        .submitted
        .iter()
        // A text shared by several segments was submitted once.
        .filter(|&(&i, _)| pending_keys.insert(key_of(&segments[i])))
        .map(|(&i, reference)| {
            let segment = &segments[i];
            let glossary = settings[&segment.target].glossary.version.clone();
            super::pending::Pending {
                reference: reference.clone(),
                entry: journal::Entry {
                    key: journal::key(
                        provider.name(),
                        &source,
                        &segment.target,
                        &glossary,
                        &segment.masked,
                    ),
                    provider: provider.name().to_owned(),
                    source: source.clone(),
                    target: segment.target.clone(),
                    glossary,
                    masked: segment.masked.clone(),
                    translation: String::new(),
                },
            }
        })
        .collect();
    let pending_path = project.root.join(super::pending::PENDING);
    if let Err(err) = super::pending::record(&pending_path, &submitted) {
        summary.diagnostics.push(Diagnostic::file_error(
            project.relative(&pending_path),
            err.to_string(),
        ));
    }
    // Verify, then group the drafts by file.
    let check_opts = CheckOptions {
        policy: crate::check::policy::Policy::default(),
        glossary: (!glossary.concepts.is_empty() && provider.name() != "pseudo")
            .then(|| Arc::new(glossary.clone())),
        modules: crate::build::course_modules(project, &opts.courses),
        ..CheckOptions::default()
    };
    let envs: HashMap<usize, rules::LocaleEnv> = tree
        .locales
        .iter()
        .enumerate()
        .filter(|(_, l)| l.checked)
        .map(|(i, l)| (i, crate::check::locale_env(&tree, l, &check_opts)))
        .collect();
    let mut drafts: BTreeMap<(usize, String), Vec<(&Job<'_>, String)>> = BTreeMap::new();
    for job in &jobs {
        let locale = &tree.locales[job.selected.locale];
        let report = reports.get_mut(&locale.name).expect("report");
        let path = locale.dir_display.join(&job.selected.rel);
        let id = job.selected.english.id().to_owned();
        if let Some(part) = job
            .parts
            .iter()
            .find(|p| outcome.failed.contains_key(&p.segment))
        {
            report.failed.push(Rejected {
                path,
                id,
                reason: outcome.failed[&part.segment].to_string(),
            });
            continue;
        }
        if job
            .parts
            .iter()
            .any(|p| outcome.submitted.contains_key(&p.segment))
        {
            report.submitted += 1;
            continue;
        }
        let verified = draft_entry(job, &outcome.translated).and_then(|entry| {
            verify(
                &entry,
                job,
                &envs[&job.selected.locale],
                provider.name(),
                check_opts.modules.as_deref(),
            )
            .map(|()| entry)
        });
        match verified {
            Ok(entry) => {
                drafts
                    .entry((job.selected.locale, job.selected.rel.clone()))
                    .or_default()
                    .push((job, entry));
            }
            Err(reason) => {
                // Replayed, not paid for, until `--retry-refused` asks again.
                for part in &job.parts {
                    let _ = journal.refuse(&key_of(&segments[part.segment]), &reason);
                }
                report.rejected.push(Rejected { path, id, reason });
            }
        }
    }
    for ((locale_index, rel), entries) in drafts {
        let locale = &tree.locales[locale_index];
        let report = reports.get_mut(&locale.name).expect("report");
        match write_file(&tree, locale_index, &rel, &entries, provider.name()) {
            Ok((drafted, suggested)) => {
                report.drafts += drafted;
                report.suggestions += suggested;
            }
            Err(blockers) => summary.diagnostics.extend(blockers),
        }
    }
    summary.locales = reports.into_values().collect();
    Ok(summary)
}

/// Checks a draft as `kurso check` would check a translation: placeables, markup, numbers,
/// emptiness, formatting, the structure of its module (when the module is known), and (for
/// real providers) the glossary. Any error refuses it.
fn verify(
    entry: &str,
    job: &Job<'_>,
    env: &rules::LocaleEnv,
    provider: &str,
    modules: Option<&crate::build::SourceModules>,
) -> Result<(), String> {
    let codes: &[&str] = if provider == "pseudo" {
        &[
            "variables",
            "references",
            "markup",
            "numbers",
            "empty",
            "runtime",
        ]
    } else {
        &[
            "variables",
            "references",
            "markup",
            "numbers",
            "empty",
            "runtime",
            "glossary",
        ]
    };
    let module = modules.and_then(|m| m.by_messages_path(&job.selected.rel));
    let findings = check_entry(entry, job.selected.english, env, Some(codes), module)
        .map_err(|reason| format!("the draft is {reason}"))?;
    let problems: Vec<String> = findings
        .iter()
        .filter(|f| {
            f.level == Level::Error
                || (f.rule == "glossary" && f.message.contains("forbidden"))
                || (f.rule == "glossary" && f.message.contains("never translated"))
        })
        .map(|f| format!("{}: {}", f.rule, f.message))
        .collect();
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("; "))
    }
}
