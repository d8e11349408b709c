//! `kurso translate`: select what needs a draft, mask it, send it, verify what comes back,
//! and write drafts (status `machine`) or suggestions beside people's translations.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::Arc;

use sha2::{Digest as _, Sha256};
use unic_langid::LanguageIdentifier;

use super::draft::{CATEGORIES, Job, Part, Select, draft_entry, single_select, variant_key};
use super::engine::{self, Progress, RetryPolicy, Segment, TargetSettings};
use super::journal::{self, Journal};
use super::mask::{mask, pattern_text, restore};
use super::provider::{PairGlossary, Provider, TermPair};
use super::select::{Kind, select};
use crate::check::doc::FtlDoc;
use crate::check::finding::Level;
use crate::check::rules::{self, MessagePair};
use crate::check::{CheckOptions, Layout, LocaleTree};
use crate::diagnostic::Diagnostic;
use crate::glossary::{Glossary, TermStatus};
use crate::project::Project;
use crate::state::{Record, StateFile, Status};

/// Where the journal lives, under the project root.
pub const JOURNAL: &str = ".kurso/mt-journal.jsonl";

#[derive(Debug, Clone, Default)]
pub struct TranslateOptions {
    /// Target locales (empty: every target locale).
    pub locales: Vec<LanguageIdentifier>,
    pub courses: Vec<String>,
    /// Write nothing and send nothing; count what would be billed.
    pub dry_run: bool,
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
    pub quota_exceeded: bool,
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
    let layout = Layout::for_project(project, &opts.locales, &opts.courses);
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
    let mut jobs: Vec<Job<'_>> = Vec::new();
    let mut segments: Vec<Segment> = Vec::new();
    for selected in select(&tree) {
        let locale = &tree.locales[selected.locale];
        let keep = &dnt[&locale.name];
        let mut parts = Vec::new();
        let mut selects = Vec::new();
        for (attribute, pattern) in selected.english.patterns() {
            let base = attribute.map_or_else(
                || selected.english.id().to_owned(),
                |a| format!("{}.{a}", selected.english.id()),
            );
            // A select expression: each variant is its own segment, and comes back as one.
            let pieces: Vec<(Option<String>, &fluent_syntax::ast::Pattern<String>)> =
                match single_select(pattern) {
                    Some((selector, variants)) => {
                        let keys: Vec<String> =
                            variants.iter().map(|v| variant_key(&v.key)).collect();
                        let default = variants.iter().find(|v| v.default).map_or_else(
                            || keys.last().cloned().unwrap_or_default(),
                            |v| variant_key(&v.key),
                        );
                        selects.push(Select {
                            attribute: attribute.map(str::to_owned),
                            selector: crate::check::doc::serialize_expression(
                                &fluent_syntax::ast::Expression::Inline(selector.clone()),
                            ),
                            plural: keys.iter().any(|k| CATEGORIES.contains(&k.as_str())),
                            keys,
                            default,
                            filled: Vec::new(),
                        });
                        variants
                            .iter()
                            .map(|v| (Some(variant_key(&v.key)), &v.value))
                            .collect()
                    }
                    None => vec![(None, pattern)],
                };
            for (variant, piece) in pieces {
                let (text, placeables) = pattern_text(piece);
                if text.trim().is_empty() && variant.is_none() {
                    continue;
                }
                let masked = mask(&text, keep);
                parts.push(Part {
                    attribute: attribute.map(str::to_owned),
                    variant: variant.clone(),
                    segment: segments.len(),
                    placeables,
                    masked: masked.clone(),
                });
                segments.push(Segment {
                    id: variant.map_or_else(|| base.clone(), |key| format!("{base}[{key}]")),
                    target: locale.name.clone(),
                    masked: masked.text,
                    context: selected.context.clone(),
                });
            }
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
    for job in &jobs {
        let locale = &tree.locales[job.selected.locale].name;
        let report = reports
            .get_mut(locale)
            .expect("every checked locale has a report");
        report.messages += 1;
        for part in &job.parts {
            let segment = &segments[part.segment];
            let version = &settings[locale].glossary.version;
            let key = journal::key(provider.name(), &source, locale, version, &segment.masked);
            report.segments += 1;
            if journal.get(&key).is_some() {
                report.from_journal += 1;
            } else {
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
    summary.quota_exceeded = outcome.quota_exceeded;
    // Asynchronous submissions: remember what each callback completes.
    let submitted: Vec<super::pending::Pending> = outcome
        .submitted
        .iter()
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
        match draft_entry(job, &outcome.translated) {
            Ok(entry) => match verify(
                &entry,
                job,
                &envs[&job.selected.locale],
                provider.name(),
                check_opts.modules.as_deref(),
            ) {
                Ok(()) => {
                    drafts
                        .entry((job.selected.locale, job.selected.rel.clone()))
                        .or_default()
                        .push((job, entry));
                }
                Err(reason) => report.rejected.push(Rejected { path, id, reason }),
            },
            Err(reason) => report.rejected.push(Rejected { path, id, reason }),
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
            Err(diagnostic) => summary.diagnostics.push(diagnostic),
        }
    }
    summary.locales = reports.into_values().collect();
    Ok(summary)
}

/// The glossary of a language pair for providers (preferred source term → preferred target
/// term; not for do-not-translate concepts), with its version hash; and the do-not-translate
/// terms to mask.
fn pair_glossary(
    glossary: &Glossary,
    source: &str,
    chain: &[String],
) -> (PairGlossary, Vec<String>) {
    let mut terms = Vec::new();
    let mut keep = Vec::new();
    let lang = |code: &str| crate::glossary::normalize::language(code);
    for concept in &glossary.concepts {
        let english = concept
            .terms
            .iter()
            .find(|(l, _)| lang(l) == lang(source))
            .and_then(|(_, t)| t.iter().find(|t| t.status != TermStatus::Forbidden));
        let Some(english) = english else { continue };
        if concept.do_not_translate {
            keep.push(english.text.clone());
            continue;
        }
        let target = chain.iter().find_map(|code| {
            concept
                .terms
                .get(code)
                .or_else(|| {
                    concept
                        .terms
                        .iter()
                        .find(|(l, _)| lang(l) == lang(code))
                        .map(|(_, t)| t)
                })
                .and_then(|t| t.iter().find(|t| t.status == TermStatus::Preferred))
        });
        if let Some(target) = target {
            terms.push(TermPair {
                source: english.text.clone(),
                target: target.text.clone(),
            });
        }
    }
    terms.sort_by(|a, b| (&a.source, &a.target).cmp(&(&b.source, &b.target)));
    terms.dedup();
    let version = if terms.is_empty() {
        String::new()
    } else {
        let mut hasher = Sha256::new();
        for term in &terms {
            hasher.update(term.source.as_bytes());
            hasher.update([b'\t']);
            hasher.update(term.target.as_bytes());
            hasher.update([b'\n']);
        }
        format!("{:x}", hasher.finalize())[..16].to_owned()
    };
    keep.sort_by_key(|t| std::cmp::Reverse(t.len()));
    (PairGlossary { terms, version }, keep)
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
    let doc = FtlDoc::parse(PathBuf::from("draft.ftl"), format!("{entry}\n"));
    if let Some((_, message)) = doc.errors.first() {
        return Err(format!("the draft is not valid Fluent: {message}"));
    }
    let target = doc
        .get(job.selected.english.id())
        .ok_or_else(|| "the draft has no message".to_owned())?;
    let pair = MessagePair {
        env,
        source: job.selected.english,
        target,
    };
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
    let mut findings = Vec::new();
    for code in codes {
        if let Some(check) = rules::lookup(code).and_then(|r| r.check) {
            check(&pair, &mut findings);
        }
    }
    if let Some(module) = modules.and_then(|m| m.by_messages_path(&job.selected.rel)) {
        rules::structure::check(module, &[pair], &mut findings);
    }
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

/// Writes the drafts of one file and their state; returns (drafts, suggestions).
fn write_file(
    tree: &LocaleTree,
    locale_index: usize,
    rel: &str,
    entries: &[(&Job<'_>, String)],
    provider: &str,
) -> Result<(usize, usize), Diagnostic> {
    let locale = &tree.locales[locale_index];
    let path = locale.dir.join(rel);
    let display = locale.dir_display.join(rel);
    let mut state = StateFile::load_for(&path, &display)?;
    let existing = locale.docs.get(rel);
    let mut text = existing.map(|d| d.text.clone()).unwrap_or_default();
    let (mut drafted, mut suggested) = (0, 0);
    // Replacements from the end, so earlier spans stay valid.
    let mut replacements: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    let mut appended: Vec<String> = Vec::new();
    for (job, entry) in entries {
        let id = job.selected.english.id();
        let english = job.selected.english.text();
        match job.selected.kind {
            Kind::StaleHuman => {
                let record = state
                    .records
                    .entry(id.to_owned())
                    .or_insert_with(|| Record::human(String::new(), Status::Edited));
                let suggestion = entry
                    .split_once(" =")
                    .map_or(entry.as_str(), |(_, v)| v)
                    .trim_start();
                record.suggestion = Some(restore(suggestion, &[]));
                record.suggestion_origin = Some(provider.to_owned());
                record.suggestion_source = Some(english);
                suggested += 1;
                continue;
            }
            Kind::StaleMachine => {
                if let Some(old) = existing.and_then(|d| d.get(id)) {
                    replacements.push((old.info.span.clone(), entry.clone()));
                }
            }
            Kind::Missing => appended.push(entry.clone()),
        }
        state.records.insert(
            id.to_owned(),
            Record {
                status: Status::Machine,
                origin: provider.to_owned(),
                source: english,
                carried_from: None,
                carried_on: None,
                suggestion: None,
                suggestion_origin: None,
                suggestion_source: None,
            },
        );
        drafted += 1;
    }
    replacements.sort_by_key(|(range, _)| std::cmp::Reverse(range.start));
    for (range, entry) in replacements {
        text.replace_range(range, &entry);
    }
    for entry in appended {
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(&entry);
        text.push('\n');
    }
    let write_err = |err: crate::fsx::FsError| Diagnostic::file_error(&display, err.to_string());
    if drafted > 0 {
        crate::fsx::write_durable(&path, text.as_bytes()).map_err(write_err)?;
    }
    state.save_for(&path).map_err(write_err)?;
    Ok((drafted, suggested))
}
