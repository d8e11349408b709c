//! Findings the engine makes itself while pairing files and entries: syntax errors and
//! duplicates of a file, missing and obsolete attributes, and `stale` / `unverified` from the
//! translation state (with the word diff).

use similar::{ChangeTag, TextDiff};

use super::FileStats;
use super::doc::{Entry, FtlDoc};
use super::finding::{DiffPart, Finding};
use super::layout::LocaleTree;
use super::rules::{self, MessagePair, Rule};
use crate::state::StateFile;

/// Syntax errors and duplicates of the English files, reported once under the source locale.
pub(super) fn reference_findings(tree: &LocaleTree) -> Vec<Finding> {
    let mut out = Vec::new();
    for doc in tree.reference.docs.values() {
        file_findings(doc, &tree.reference.name, &mut out);
    }
    out
}

/// `syntax` and `duplicate` findings of one file.
pub(super) fn file_findings(doc: &FtlDoc, locale: &str, out: &mut Vec<Finding>) {
    for (offset, message) in &doc.errors {
        let mut f = at(&rules::syntax::RULE, locale, doc, *offset, None);
        f.message = format!("Fluent syntax error: {message}");
        f.help = Some("fix this line; the entry is skipped until then".to_owned());
        out.push(f);
    }
    for entry in doc.duplicates() {
        let mut f = at(
            &rules::duplicate::RULE,
            locale,
            doc,
            entry.offset(),
            Some(entry.id()),
        );
        f.message = format!("`{}` is defined more than once in this file", entry.id());
        f.help = Some("keep one definition".to_owned());
        out.push(f);
    }
    for entry in doc.iter() {
        let attributes = entry.attributes();
        for (index, attr) in attributes.iter().enumerate() {
            // Entries have a few attributes: a scan beats hashing them.
            let earlier = attributes[..index]
                .iter()
                .filter(|a| a.id.name == attr.id.name)
                .count();
            if earlier > 0 {
                let offset = attribute_line(entry, attr.id.name, earlier).unwrap_or(entry.offset());
                let mut f = at(
                    &rules::duplicate::RULE,
                    locale,
                    doc,
                    offset,
                    Some(entry.id()),
                );
                f.message = format!(
                    "attribute `.{}` of `{}` is defined twice",
                    attr.id.name,
                    entry.id()
                );
                out.push(f);
            }
        }
    }
}

/// The offset of the `.name` that starts the `nth` (from 0) line defining attribute `name` of
/// `entry`.
fn attribute_line(entry: Entry<'_>, name: &str, nth: usize) -> Option<usize> {
    let source = entry.source();
    let needle = format!(".{name}");
    source
        .match_indices(&needle)
        .filter(|(i, _)| {
            let line_start = source[..*i].rfind('\n').map_or(0, |n| n + 1);
            let after = &source[i + needle.len()..];
            source[line_start..*i].trim().is_empty()
                && after.trim_start_matches([' ', '\t']).starts_with('=')
        })
        .nth(nth)
        .map(|(i, _)| entry.offset() + i)
}

/// A finding of `rule` at `offset` of `doc`.
pub(super) fn at(
    rule: &Rule,
    locale: &str,
    doc: &FtlDoc,
    offset: usize,
    id: Option<&str>,
) -> Finding {
    let mut f = Finding::new(rule.code, rule.level, locale, doc.path.clone());
    f.position = Some(doc.position(offset));
    f.snippet = Some(doc.line_at(offset).to_owned());
    f.id = id.map(str::to_owned);
    f
}

pub(super) fn reference_place(entry: Entry<'_>) -> String {
    let pos = entry.doc.position(entry.offset());
    // A path in UTF-8 (almost every one) is written as it is, without `display`'s
    // character-by-character check.
    match entry.doc.path.to_str() {
        Some(path) => format!("{path}:{}:{}", pos.line, pos.column),
        None => format!("{}:{}:{}", entry.doc.path.display(), pos.line, pos.column),
    }
}

/// Missing and obsolete attributes of one translated entry.
pub(super) fn attribute_findings(pair: &MessagePair<'_>, out: &mut Vec<Finding>) {
    for attr in pair.source.attributes() {
        if pair.target.attribute(attr.id.name).is_none() {
            let mut f = pair.finding(
                &rules::missing::RULE,
                format!(
                    "attribute `.{}` of `{}` is not translated",
                    attr.id.name,
                    pair.target.id()
                ),
            );
            f.help = Some("add the attribute below the message".to_owned());
            out.push(f);
        }
    }
    for attr in pair.target.attributes() {
        if pair.source.attribute(attr.id.name).is_none() {
            let offset = pair
                .target
                .find(&format!(".{}", attr.id.name))
                .unwrap_or(pair.target.offset());
            let f = pair.finding_at(
                &rules::obsolete::RULE,
                offset,
                format!("attribute `.{}` is not in the English", attr.id.name),
            );
            out.push(f);
        }
    }
}

/// `stale` and `unverified`, and their counts.
pub(super) fn state_findings(
    pair: &MessagePair<'_>,
    state_file: &StateFile,
    counts: &mut FileStats,
    out: &mut Vec<Finding>,
) {
    let Some(record) = state_file.records.get(pair.target.id()) else {
        counts.unverified += 1;
        let mut f = pair.finding(
            &rules::unverified::RULE,
            format!(
                "`{}` has no record of the English it was translated from",
                pair.target.id()
            ),
        );
        f.help = Some(format!(
            "check it against the English, then `kurso accept {} --id {}`",
            pair.env.name,
            pair.target.id()
        ));
        out.push(f);
        return;
    };
    let english = pair.source.text();
    if record.source != english {
        counts.stale += 1;
        let mut f = pair.finding(
            &rules::stale::RULE,
            format!(
                "the English of `{}` changed since it was translated ({})",
                pair.target.id(),
                record.status
            ),
        );
        f.diff = Some(word_diff(&record.source, &english));
        f.translation = Some(pair.target.text());
        f.help = Some(format!(
            "update the translation, then `kurso accept {} --id {}`",
            pair.env.name,
            pair.target.id()
        ));
        if let (Some(suggestion), Some(from)) = (&record.suggestion, &record.suggestion_source)
            && *from == english
        {
            f.help = Some(format!(
                "a machine suggestion ({}) for the new English: {suggestion}\nupdate the translation, then `kurso accept {} --id {}`",
                record.suggestion_origin.as_deref().unwrap_or("machine"),
                pair.env.name,
                pair.target.id()
            ));
        }
        out.push(f);
    }
}

/// A word-level diff of `old` → `new`.
pub fn word_diff(old: &str, new: &str) -> Vec<DiffPart> {
    let diff = TextDiff::from_words(old, new);
    let mut parts: Vec<DiffPart> = Vec::new();
    for change in diff.iter_all_changes() {
        let text = change.value();
        let merged = match (parts.last_mut(), change.tag()) {
            (Some(DiffPart::Equal(s)), ChangeTag::Equal)
            | (Some(DiffPart::Delete(s)), ChangeTag::Delete)
            | (Some(DiffPart::Insert(s)), ChangeTag::Insert) => {
                s.push_str(text);
                true
            }
            _ => false,
        };
        if !merged {
            parts.push(match change.tag() {
                ChangeTag::Equal => DiffPart::Equal(text.to_owned()),
                ChangeTag::Delete => DiffPart::Delete(text.to_owned()),
                ChangeTag::Insert => DiffPart::Insert(text.to_owned()),
            });
        }
    }
    parts
}
