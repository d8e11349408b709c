//! `kurso glossary lookup|list|coverage|export|import`.

use kurso::report::plural;
use std::path::Path;

use kurso::check::Layout;
use kurso::diagnostic::Diagnostic;
use kurso::glossary::matcher::{Matcher, shares_long_prefix};
use kurso::glossary::normalize::{language, stem, stemmer};
use kurso::glossary::{self, Concept, Glossary, TermStatus};
use kurso::project::{Project, check_plain_name};

use crate::ExitStatus;
use crate::args::{ExportFormat, GlobalArgs, GlossaryCommand, StatusFormat};
use crate::commands::load_project;
use crate::output::Output;

pub fn run(global: &GlobalArgs, command: &GlossaryCommand, out: &mut Output) -> ExitStatus {
    let Some(project) = load_project(global, out) else {
        return ExitStatus::Failed;
    };
    let dir = project.root.join(&project.config.paths.glossaries);
    let display = project.relative(&dir).to_path_buf();
    if let GlossaryCommand::Import { file, name, force } = command {
        return import(&dir, &display, file, name.as_deref(), *force, out);
    }
    let (glossary, problems) = glossary::load_dir(&dir, &display);
    out.diagnostics(&problems);
    if glossary.concepts.is_empty() {
        out.error(
            &Diagnostic::file_error(&display, "no glossary concepts found")
                .with_help("add a .csv or .tbx file (see glossaries/README.md), or `kurso glossary import FILE`"),
        );
        return ExitStatus::Failed;
    }
    let status = match command {
        GlossaryCommand::Lookup { term, locale } => lookup(&glossary, term, locale.as_deref(), out),
        GlossaryCommand::List { format } => list(&glossary, *format, out),
        GlossaryCommand::Coverage {
            min_count,
            top,
            format,
        } => coverage(&project, &glossary, *min_count, *top, *format, out),
        GlossaryCommand::Export { format, locale } => {
            export(&project, &glossary, *format, locale.as_deref(), out)
        }
        GlossaryCommand::Import { .. } => unreachable!("handled above"),
    };
    if problems.iter().any(Diagnostic::is_error) {
        ExitStatus::Failed
    } else {
        status
    }
}

/// Concepts with a term that matches `query` in some language: word by word, equal after
/// folding, equal Snowball stems, or the matcher's long shared prefix (so `potilaalle` finds
/// `potilas`). Whole-term matches come first.
fn lookup(glossary: &Glossary, query: &str, locale: Option<&str>, out: &mut Output) -> ExitStatus {
    let mut scored: Vec<(usize, &Concept)> = glossary
        .concepts
        .iter()
        .filter_map(|concept| {
            let best = concept
                .terms
                .iter()
                .flat_map(|(lang, terms)| terms.iter().map(move |term| (language(lang), term)))
                .filter_map(|(lang, term)| {
                    let stemmer = stemmer(&lang);
                    let words = |text: &str| -> Vec<(String, String)> {
                        kurso::glossary::normalize::tokens(&lang, text)
                            .into_iter()
                            .map(|t| {
                                let root = stem(stemmer.as_ref(), &t.folded).into_owned();
                                (t.folded, root)
                            })
                            .collect()
                    };
                    let wanted = words(query);
                    let have = words(&term.text);
                    if wanted.is_empty() || have.len() < wanted.len() {
                        return None;
                    }
                    let same = |(tw, ts): &(String, String), (qw, qs): &(String, String)| {
                        tw == qw || ts == qs || shares_long_prefix(tw, qw)
                    };
                    have.windows(wanted.len())
                        .any(|window| window.iter().zip(&wanted).all(|(t, q)| same(t, q)))
                        .then_some(have.len() - wanted.len())
                })
                .min()?;
            Some((best, concept))
        })
        .collect();
    scored.sort_by_key(|(extra, concept)| (*extra, concept.id.clone()));
    let matches: Vec<&Concept> = scored.into_iter().map(|(_, concept)| concept).collect();
    if matches.is_empty() {
        out.result(&format!("no concept has a term like `{query}`"));
        return ExitStatus::Findings;
    }
    for concept in matches {
        out.result(&format!("{} ({})", concept.id, describe(concept)));
        for (lang, terms) in &concept.terms {
            let shown =
                locale.is_none_or(|l| lang == l || language(lang) == "en" || language(l) == *lang);
            if !shown {
                continue;
            }
            let list: Vec<String> = terms
                .iter()
                .map(|t| match t.status {
                    TermStatus::Preferred => t.text.clone(),
                    TermStatus::Admitted => format!("{} (admitted)", t.text),
                    TermStatus::Forbidden => format!("{} (FORBIDDEN)", t.text),
                })
                .collect();
            out.result(&format!("  {lang:<6} {}", list.join("; ")));
        }
        if let Some(definition) = &concept.definition {
            out.result(&format!("  definition: {definition}"));
        }
        if let Some(note) = &concept.note {
            out.result(&format!("  note: {note}"));
        }
        let p = &concept.provenance;
        out.result(&format!(
            "  source: {}{}; reviewed by: {}; {}:{}",
            p.authority.as_deref().unwrap_or("unknown"),
            p.authority_id
                .as_deref()
                .map(|id| format!(" {id}"))
                .unwrap_or_default(),
            p.reviewer.as_deref().unwrap_or("nobody"),
            concept.origin.path.display(),
            concept.origin.line
        ));
    }
    ExitStatus::Clean
}

fn describe(concept: &Concept) -> String {
    let mut parts = Vec::new();
    parts.extend(concept.domain.clone());
    parts.extend(concept.part_of_speech.clone());
    if concept.do_not_translate {
        parts.push("do not translate".to_owned());
    }
    if concept.case_sensitive {
        parts.push("case-sensitive".to_owned());
    }
    parts.join(", ")
}

fn english(concept: &Concept) -> String {
    concept
        .terms
        .iter()
        .find(|(lang, _)| language(lang) == "en")
        .and_then(|(_, terms)| terms.first())
        .map(|t| t.text.clone())
        .unwrap_or_default()
}

fn list(glossary: &Glossary, format: StatusFormat, out: &mut Output) -> ExitStatus {
    match format {
        StatusFormat::Json => {
            out.result(&serde_json::to_string_pretty(glossary).expect("the glossary serializes"));
        }
        StatusFormat::Table => {
            for concept in &glossary.concepts {
                let langs: Vec<&str> = concept.terms.keys().map(String::as_str).collect();
                out.result(&format!(
                    "{:<36} {:<40} {}",
                    concept.id,
                    english(concept),
                    langs.join(" ")
                ));
            }
            out.line(&format!(
                "\n{} in {}",
                plural(glossary.concepts.len(), "concept"),
                plural(glossary.languages().len(), "language")
            ));
        }
    }
    ExitStatus::Clean
}

fn coverage(
    project: &Project,
    glossary: &Glossary,
    min_count: usize,
    top: usize,
    format: StatusFormat,
    out: &mut Output,
) -> ExitStatus {
    let source = project.config.source_locale.to_string();
    let tree = Layout::for_project(project, &[], &[]).load();
    out.diagnostics(&tree.diagnostics);
    let matcher = Matcher::new(
        &std::sync::Arc::new(glossary.clone()),
        &source,
        std::slice::from_ref(&source),
    );
    let texts: Vec<String> = tree
        .reference
        .docs
        .values()
        .flat_map(|doc| doc.iter().map(|entry| entry.text()).collect::<Vec<_>>())
        .collect();
    let mut cov =
        glossary::coverage::coverage(&matcher, texts.iter().map(String::as_str), min_count);
    cov.candidates.truncate(top);
    match format {
        StatusFormat::Json => {
            out.result(&serde_json::to_string_pretty(&cov).expect("coverage serializes"));
        }
        StatusFormat::Table => {
            out.result(&format!(
                "{} of {} used in {}:",
                cov.used.len(),
                plural(glossary.concepts.len(), "concept"),
                plural(cov.messages, "English message")
            ));
            for used in &cov.used {
                out.result(&format!(
                    "  {:>4}  {:<36} {}",
                    used.messages, used.id, used.term
                ));
            }
            out.result(&format!(
                "\nfrequent English words and phrases no concept covers (seen {min_count}+ times):"
            ));
            for candidate in &cov.candidates {
                out.result(&format!("  {:>4}  {}", candidate.count, candidate.phrase));
            }
            out.line(&format!(
                "\n{} unused: {}",
                plural(cov.unused.len(), "concept"),
                cov.unused.join(" ")
            ));
        }
    }
    ExitStatus::Clean
}

fn export(
    project: &Project,
    glossary: &Glossary,
    format: ExportFormat,
    locale: Option<&str>,
    out: &mut Output,
) -> ExitStatus {
    let source = project.config.source_locale.to_string();
    let languages: Vec<String> = match locale {
        Some(locale) => vec![source.clone(), locale.to_owned()],
        None => glossary.languages(),
    };
    let text = match format {
        ExportFormat::Tbx => glossary::tbx::render(glossary, &languages),
        ExportFormat::Csv => glossary::csv::render(glossary, &languages),
        ExportFormat::DeeplTsv => {
            let Some(locale) = locale else {
                out.error(
                    &Diagnostic::file_error(Path::new("--locale"), "deepl-tsv needs --locale")
                        .with_help("a DeepL glossary holds one language pair, e.g. --locale fi"),
                );
                return ExitStatus::Failed;
            };
            glossary::deepl_tsv::render(glossary, &source, locale)
        }
    };
    out.raw(&text);
    ExitStatus::Clean
}

fn import(
    dir: &Path,
    display: &Path,
    file: &Path,
    name: Option<&str>,
    force: bool,
    out: &mut Output,
) -> ExitStatus {
    // The name becomes a file in the glossaries folder: one plain name, never a path.
    let stem = name.map_or_else(
        || {
            file.file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        },
        str::to_owned,
    );
    let what = if name.is_some() { "--name" } else { "FILE" };
    if let Err(diagnostic) = check_plain_name(what, &stem) {
        out.error(&diagnostic);
        return ExitStatus::Failed;
    }
    let (imported, problems) = glossary::import(file, file);
    out.diagnostics(&problems);
    if imported.concepts.is_empty() {
        out.error(&Diagnostic::file_error(
            file,
            "nothing to import: no concepts were read",
        ));
        return ExitStatus::Failed;
    }
    let target = dir.join(format!("{stem}.csv"));
    if target.exists() && !force {
        out.error(
            &Diagnostic::file_error(&display.join(format!("{stem}.csv")), "already exists")
                .with_help("choose another --name, or replace it with --force"),
        );
        return ExitStatus::Failed;
    }
    let languages = imported.languages();
    let text = glossary::csv::render(&imported, &languages);
    if let Err(err) = kurso::fsx::write_durable(&target, text.as_bytes()) {
        out.error(&Diagnostic::file_error(&target, err.to_string()));
        return ExitStatus::Failed;
    }
    out.line(&format!(
        "imported {} in {} into {}",
        plural(imported.concepts.len(), "concept"),
        plural(languages.len(), "language"),
        display.join(format!("{stem}.csv")).display()
    ));
    if problems.iter().any(Diagnostic::is_error) {
        ExitStatus::Failed
    } else {
        ExitStatus::Clean
    }
}
