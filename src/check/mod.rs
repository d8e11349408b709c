//! `kurso check`: what is wrong with each locale, where and why.
//!
//! The engine pairs every reference (English) file with each locale's file of the same
//! relative path, every English entry with its translation, and runs the rules
//! ([`rules`]). Each reference file is parsed once for all locales, each locale file once;
//! the (locale, file) pairs are checked in parallel with rayon.
//!
//! Invariant: one unreadable or unparsable file never stops the others: it becomes a
//! finding (or a run error) and the rest is checked.

pub mod doc;
pub mod entry;
mod env;
mod facts;
pub mod finding;
mod findings;
pub mod layout;
mod pipeline;
pub mod policy;
pub mod rules;

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;
use unic_langid::LanguageIdentifier;

use crate::diagnostic::Diagnostic;
use crate::glossary::matcher::Matcher;
use crate::state::StateFile;
use doc::FtlDoc;
pub(crate) use env::locale_env;
use env::{env_with_glossary, glossary_matcher};
use facts::SourceFacts;
use finding::{Finding, Level};
pub use findings::word_diff;
use findings::{
    at, attribute_findings, file_findings, reference_findings, reference_place, state_findings,
};
pub use layout::{Layout, LocaleDocs, LocaleTree};
pub use pipeline::{check_layout, check_layout_from};
use policy::Policy;
use rules::{LocaleEnv, MessagePair};

/// What to check.
#[derive(Debug, Clone, Default)]
pub struct CheckOptions {
    pub policy: Policy,
    /// The glossary for the `glossary` rule (none: the rule finds nothing).
    pub glossary: Option<std::sync::Arc<crate::glossary::Glossary>>,
    /// The project's source modules, for the `structure` rule (a kurso project; none: the
    /// rule finds nothing).
    pub modules: Option<std::sync::Arc<crate::build::SourceModules>>,
    /// The caller exits once the findings are reported (the CLI): what the run read and
    /// derived (the documents, the facts about the English, the glossary's English side) is
    /// left for the system to reclaim at exit instead of being freed one allocation at a
    /// time. Off for a caller that goes on running.
    pub leave_to_exit: bool,
}

/// Counts for one translation file (or the place where it should be).
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct FileStats {
    pub locale: String,
    /// Path relative to the locale folder.
    pub rel_path: String,
    /// Entries of the English file.
    pub messages: usize,
    /// English entries the locale or its fallbacks translate.
    pub translated: usize,
    pub missing: usize,
    pub obsolete: usize,
    pub stale: usize,
    pub unverified: usize,
    pub missing_file: bool,
    pub obsolete_file: bool,
}

/// The result of a check run.
#[derive(Debug, Default, Clone)]
pub struct CheckSummary {
    /// Findings after policy, sorted by file, line, column.
    pub findings: Vec<Finding>,
    /// Findings dropped by `off` levels or written suppressions.
    pub suppressed: usize,
    /// Per locale and file, sorted.
    pub stats: Vec<FileStats>,
    /// Problems that are not findings about translations (unreadable state files…).
    pub diagnostics: Vec<Diagnostic>,
    /// The locales checked, in order.
    pub locales: Vec<String>,
    pub files_checked: usize,
}

impl CheckSummary {
    /// The most severe level among the findings.
    pub fn worst(&self) -> Option<Level> {
        self.findings.iter().map(|f| f.level).max()
    }
}

/// CLDR cardinal plural categories of `locale`, in CLDR order (`zero one two few many
/// other`), from current CLDR data (ICU4X, `rules::plurals::cldr`); `other` alone when CLDR
/// has no rules for it.
pub fn plural_categories(locale: &LanguageIdentifier) -> Vec<&'static str> {
    rules::plurals::cldr::categories(locale)
}

/// The report's order: findings by place, stats by locale and file, diagnostics by place.
fn sort(summary: &mut CheckSummary) {
    Finding::sort(&mut summary.findings);
    sort_the_rest(summary);
}

fn sort_the_rest(summary: &mut CheckSummary) {
    summary
        .stats
        .sort_by(|a, b| (&a.locale, &a.rel_path).cmp(&(&b.locale, &b.rel_path)));
    summary.diagnostics.sort_by_key(Diagnostic::sort_key);
}

/// Runs every rule over a loaded tree (every locale marked `checked`).
pub fn check(tree: &LocaleTree, opts: &CheckOptions) -> CheckSummary {
    let n_checked = tree.locales.iter().filter(|l| l.checked).count();
    let facts = SourceFacts::shared_by(n_checked, tree.reference.docs.values());
    let mut summary = check_with(tree, opts, &std::sync::Arc::new(facts), None, true);
    sort(&mut summary);
    summary
}

/// [`check`], unsorted, with the facts about the reference shared with the run's other
/// trees, the glossary matcher of its one checked locale when it was built already, and the
/// syntax and duplicate findings of the reference files only when `reference_problems`.
fn check_with(
    tree: &LocaleTree,
    opts: &CheckOptions,
    facts: &std::sync::Arc<SourceFacts>,
    matcher: Option<&Arc<Matcher>>,
    reference_problems: bool,
) -> CheckSummary {
    // Aligned with `tree.locales`; only checked locales need an environment.
    let source = OnceLock::new();
    let envs: Vec<Option<LocaleEnv>> = tree
        .locales
        .iter()
        .map(|locale| {
            locale.checked.then(|| {
                let matcher = matcher.cloned().or_else(|| {
                    glossary_matcher(opts, &source, &tree.reference.name, &locale.chain)
                });
                LocaleEnv {
                    source_facts: std::sync::Arc::clone(facts),
                    ..env_with_glossary(tree, locale, matcher)
                }
            })
        })
        .collect();
    let mut jobs: Vec<(usize, Job<'_>)> = Vec::new();
    for (index, locale) in tree.locales.iter().enumerate().filter(|(_, l)| l.checked) {
        for rel in tree.reference.docs.keys() {
            jobs.push((index, Job::Reference(rel)));
        }
        for rel in locale.docs.keys() {
            if !tree.reference.docs.contains_key(rel) {
                jobs.push((index, Job::Orphan(rel)));
            }
        }
    }
    let results: Vec<FileResult> = jobs
        .par_iter()
        .filter_map(|(index, job)| {
            let env = envs[*index].as_ref()?;
            let modules = opts.modules.as_deref();
            let mut result = check_job(tree, &tree.locales[*index], env, modules, *job);
            let found = result.findings.len();
            result
                .findings
                .retain_mut(|finding| opts.policy.keep(finding));
            result.suppressed = found - result.findings.len();
            Some(result)
        })
        .collect();

    let mut summary = CheckSummary {
        locales: tree
            .locales
            .iter()
            .filter(|l| l.checked)
            .map(|l| l.name.clone())
            .collect(),
        files_checked: tree.reference.docs.len()
            + tree
                .locales
                .iter()
                .filter(|l| l.checked)
                .map(|l| l.docs.len())
                .sum::<usize>(),
        diagnostics: tree.diagnostics.clone(),
        ..CheckSummary::default()
    };
    if reference_problems {
        for finding in reference_findings(tree) {
            match opts.policy.apply(finding) {
                Some(finding) => summary.findings.push(finding),
                None => summary.suppressed += 1,
            }
        }
    }
    for mut result in results {
        summary.findings.append(&mut result.findings);
        summary.suppressed += result.suppressed;
        summary.stats.push(result.stats);
        summary.diagnostics.append(&mut result.diagnostics);
    }
    summary
}

#[derive(Debug, Clone, Copy)]
enum Job<'a> {
    /// An English file, checked in one locale.
    Reference(&'a String),
    /// A locale file with no English file.
    Orphan(&'a String),
}

struct FileResult {
    findings: Vec<Finding>,
    /// Findings the policy dropped (counted once it is applied).
    suppressed: usize,
    stats: FileStats,
    diagnostics: Vec<Diagnostic>,
}

fn check_job(
    tree: &LocaleTree,
    locale: &LocaleDocs,
    env: &LocaleEnv,
    modules: Option<&crate::build::SourceModules>,
    job: Job<'_>,
) -> FileResult {
    match job {
        Job::Reference(rel) => {
            let module = modules.and_then(|modules| modules.by_messages_path(rel));
            check_file(tree, locale, env, module, rel)
        }
        Job::Orphan(rel) => {
            let doc = &locale.docs[rel];
            let mut findings = Vec::new();
            file_findings(doc, &locale.name, &mut findings);
            let mut f = Finding::new(
                rules::obsolete_file::RULE.code,
                rules::obsolete_file::RULE.level,
                &locale.name,
                doc.path.clone(),
            );
            f.message = format!(
                "the English has no `{rel}`: its {} never used",
                match doc.entries.len() {
                    1 => "1 entry is".to_owned(),
                    n => format!("{n} entries are"),
                }
            );
            f.help = Some("delete the file, or rename it after the English file".to_owned());
            findings.push(f);
            // An obsolete file counts once, in `obsolete_file`; its entries are not added to
            // `obsolete` (no per-entry finding either: the fix is one deletion). This is how
            // compare-locales counts, so the per-locale totals of both tools agree.
            FileResult {
                findings,
                suppressed: 0,
                stats: FileStats {
                    locale: locale.name.clone(),
                    rel_path: rel.clone(),
                    obsolete_file: true,
                    ..FileStats::default()
                },
                diagnostics: Vec::new(),
            }
        }
    }
}

fn check_file(
    tree: &LocaleTree,
    locale: &LocaleDocs,
    env: &LocaleEnv,
    module: Option<&crate::build::SourceModule>,
    rel: &String,
) -> FileResult {
    let reference = &tree.reference.docs[rel];
    let mut stats = FileStats {
        locale: locale.name.clone(),
        rel_path: rel.clone(),
        messages: reference.unique_ids(),
        ..FileStats::default()
    };
    let mut findings = Vec::new();
    let mut diagnostics = Vec::new();
    let own = locale.docs.get(rel);
    // Docs of the locales this one falls back to (el for el-CY), the source excluded.
    let fallbacks: Vec<&FtlDoc> = locale.chain[1..]
        .iter()
        .filter_map(|name| tree.locales.iter().find(|l| &l.name == name))
        .filter_map(|l| l.docs.get(rel))
        .collect();
    let expected_path = locale.dir_display.join(rel);
    if own.is_none() && fallbacks.is_empty() {
        let mut f = Finding::new(
            rules::missing_file::RULE.code,
            rules::missing_file::RULE.level,
            &locale.name,
            expected_path,
        );
        f.message = format!(
            "no translation of `{}` ({})",
            reference.path.display(),
            match stats.messages {
                1 => "1 entry".to_owned(),
                n => format!("{n} entries"),
            }
        );
        f.help = Some(format!(
            "create `{rel}` in the {} folder with the same IDs",
            locale.name
        ));
        findings.push(f);
        stats.missing = stats.messages;
        stats.missing_file = true;
        return FileResult {
            findings,
            suppressed: 0,
            stats,
            diagnostics,
        };
    }
    let state_file = match (own, tree.with_state) {
        (Some(doc), true) => match StateFile::load_for(&locale.dir.join(rel), &doc.path) {
            Ok(loaded) => Some(loaded),
            Err(diagnostic) => {
                diagnostics.push(diagnostic);
                None
            }
        },
        _ => None,
    };
    if let Some(doc) = own {
        file_findings(doc, &locale.name, &mut findings);
    }
    let mut translated: Vec<MessagePair<'_>> = Vec::new();
    for source in reference.first_of_each_id() {
        let target = own.and_then(|doc| doc.get(source.id()));
        let Some(target) = target else {
            if fallbacks.iter().any(|doc| doc.contains(source.id())) {
                stats.translated += 1;
            } else {
                stats.missing += 1;
                let mut f = Finding::new(
                    rules::missing::RULE.code,
                    rules::missing::RULE.level,
                    &locale.name,
                    own.map_or_else(|| expected_path.clone(), |doc| doc.path.clone()),
                );
                f.id = Some(source.id().to_owned());
                f.reference = Some(reference_place(source));
                f.message = format!("`{}` is not translated", source.id());
                f.help = Some(
                    "translate it, or lower `missing` for this locale in kurso.toml".to_owned(),
                );
                findings.push(f);
            }
            continue;
        };
        stats.translated += 1;
        let pair = MessagePair {
            env,
            source,
            target,
        };
        let mut pair_findings = Vec::new();
        attribute_findings(&pair, &mut pair_findings);
        for rule in rules::ALL {
            if let Some(check) = rule.check {
                check(&pair, &mut pair_findings);
            }
        }
        if let Some(state_file) = &state_file {
            state_findings(&pair, state_file, &mut stats, &mut pair_findings);
        }
        let allowed: Vec<&str> = policy::comment_allows(target.comment()).collect();
        pair_findings.retain(|f| !allowed.contains(&f.rule));
        findings.extend(pair_findings);
        translated.push(pair);
    }
    if let Some(module) = module {
        let mut structure_findings = Vec::new();
        rules::structure::check(module, &translated, &mut structure_findings);
        structure_findings.retain(|finding| {
            let target = translated
                .iter()
                .find(|pair| finding.id.as_deref() == Some(pair.target.id()));
            !target.is_some_and(|pair| {
                policy::comment_allows(pair.target.comment()).any(|code| code == finding.rule)
            })
        });
        findings.extend(structure_findings);
    }
    if let Some(doc) = own {
        for entry in doc.first_of_each_id() {
            if reference.contains(entry.id()) {
                continue;
            }
            stats.obsolete += 1;
            let mut f = at(
                &rules::obsolete::RULE,
                &locale.name,
                doc,
                entry.offset(),
                Some(entry.id()),
            );
            f.message = format!("`{}` is not in the English any more", entry.id());
            f.help = Some("delete it; the English paragraph was removed or renamed".to_owned());
            findings.push(f);
        }
    }
    FileResult {
        findings,
        suppressed: 0,
        stats,
        diagnostics,
    }
}

/// Per-locale totals of file stats, for summaries.
pub fn totals(stats: &[FileStats]) -> BTreeMap<String, FileStats> {
    let mut out: BTreeMap<String, FileStats> = BTreeMap::new();
    for s in stats {
        let t = out.entry(s.locale.clone()).or_insert_with(|| FileStats {
            locale: s.locale.clone(),
            ..FileStats::default()
        });
        t.messages += s.messages;
        t.translated += s.translated;
        t.missing += s.missing;
        t.obsolete += s.obsolete;
        t.stale += s.stale;
        t.unverified += s.unverified;
    }
    out
}

/// Number of files per locale that are missing / obsolete.
pub fn file_counts(stats: &[FileStats]) -> HashMap<String, (usize, usize)> {
    let mut out: HashMap<String, (usize, usize)> = HashMap::new();
    for s in stats {
        let entry = out.entry(s.locale.clone()).or_default();
        entry.0 += usize::from(s.missing_file);
        entry.1 += usize::from(s.obsolete_file);
    }
    out
}

/// Paths of the loaded files, for tests and reports.
pub fn reference_paths(tree: &LocaleTree) -> Vec<PathBuf> {
    tree.reference
        .docs
        .values()
        .map(|d| d.path.clone())
        .collect()
}

#[cfg(test)]
mod tests;
