//! A parsed Fluent file as the checks see it: its text, its AST, and where each entry is.
//!
//! fluent-syntax's AST carries no positions, but its strings are slices of the file's text: an
//! entry starts where its identifier's slice does (entries start at column 0 with an
//! identifier or `-identifier`). Every finding can then name `file:line:col`.

use std::fmt::Write as _;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::OnceLock;

use fluent_syntax::ast;
use rustc_hash::{FxBuildHasher, FxHashMap};

use crate::diagnostic::Diagnostic;
use crate::fluent::error_offset;
use crate::span::{LineIndex, Position};

mod compact;
mod flatten;

pub use flatten::{flatten, serialize_expression};

/// A file's syntax tree and the index of its entries by ID, borrowing the file's text.
#[derive(Debug)]
struct Tree<'text> {
    resource: ast::Resource<&'text str>,
    /// First entry of each ID (`-id` for terms; later duplicates are in `entries` but not
    /// here), as an index into `FtlDoc::entries`.
    by_id: FxHashMap<&'text str, usize>,
}

self_cell::self_cell!(
    /// A file's text and its syntax tree, whose strings are slices of the text: parsing
    /// allocates no string per identifier, text element or comment line, and dropping the
    /// tree frees none. (fluent-bundle's `FluentResource` does the same but parses without
    /// comments, which kurso reads.)
    struct Parsed {
        owner: String,
        #[covariant]
        dependent: Tree,
    }
    impl {Debug}
);

/// One `.ftl` file, parsed once and shared by every rule and locale.
#[derive(Debug)]
pub struct FtlDoc {
    /// The path to print (relative to where the run started).
    pub path: PathBuf,
    parsed: Parsed,
    /// Syntax errors: byte offset and the parser's message.
    pub errors: Vec<(usize, String)>,
    /// Messages and terms in file order.
    pub entries: Vec<EntryInfo>,
    /// Built at the first position asked for: most files of a run have no finding.
    lines: OnceLock<LineIndex>,
}

/// Where one message or term is.
#[derive(Debug, Clone)]
pub struct EntryInfo {
    /// Byte range of `id`, or of `-id` for a term; it starts the entry's text.
    id: Range<usize>,
    /// Index into `resource.body`.
    pub body_index: usize,
}

/// A message or term of a document.
#[derive(Debug, Clone, Copy)]
pub struct Entry<'a> {
    pub doc: &'a FtlDoc,
    pub info: &'a EntryInfo,
}

impl FtlDoc {
    pub fn parse(path: PathBuf, text: String) -> FtlDoc {
        let mut errors = Vec::new();
        let mut entries = Vec::new();
        let parsed = Parsed::new(text, |text| {
            let mut resource =
                fluent_syntax::parser::parse(text.as_str()).unwrap_or_else(|(resource, found)| {
                    errors = found
                        .into_iter()
                        .map(|error| (error_offset(text, &error), error.to_string()))
                        .collect();
                    resource
                });
            compact::compact(&mut resource);
            entries.reserve_exact(resource.body.len());
            let mut by_id = FxHashMap::with_capacity_and_hasher(resource.body.len(), FxBuildHasher);
            for (body_index, entry) in resource.body.iter().enumerate() {
                let (name, sigil) = match entry {
                    ast::Entry::Message(message) => (message.id.name, 0),
                    ast::Entry::Term(term) => (term.id.name, 1),
                    _ => continue,
                };
                // The parser's identifiers are slices of the text, a term's right after its
                // `-`.
                let Some(at) = offset_in(text, name).and_then(|at| at.checked_sub(sigil)) else {
                    continue;
                };
                let id = at..at + sigil + name.len();
                by_id.entry(&text[id.clone()]).or_insert(entries.len());
                entries.push(EntryInfo { id, body_index });
            }
            Tree { resource, by_id }
        });
        FtlDoc {
            path,
            parsed,
            errors,
            entries,
            lines: OnceLock::new(),
        }
    }

    /// The file's text.
    pub fn text(&self) -> &str {
        self.parsed.borrow_owner()
    }

    /// Entries of the syntax tree (messages, terms, comments, junk) in file order.
    pub fn body(&self) -> &[ast::Entry<&str>] {
        &self.parsed.borrow_dependent().resource.body
    }

    fn by_id(&self) -> &FxHashMap<&str, usize> {
        &self.parsed.borrow_dependent().by_id
    }

    fn entry_at(&self, body_index: usize) -> Option<&ast::Entry<&str>> {
        self.body().get(body_index)
    }

    /// The first message or term with this ID (`-id` for terms).
    pub fn get(&self, id: &str) -> Option<Entry<'_>> {
        self.by_id().get(id).map(|&i| Entry {
            doc: self,
            info: &self.entries[i],
        })
    }

    /// How many different IDs the file defines (duplicates counted once).
    pub fn unique_ids(&self) -> usize {
        self.by_id().len()
    }

    pub fn contains(&self, id: &str) -> bool {
        self.by_id().contains_key(id)
    }

    /// Every entry in file order, duplicates included.
    pub fn iter(&self) -> impl Iterator<Item = Entry<'_>> {
        self.entries.iter().map(|info| Entry { doc: self, info })
    }

    pub fn position(&self, offset: usize) -> Position {
        let text = self.text();
        self.lines
            .get_or_init(|| LineIndex::new(text))
            .position(text, offset)
    }

    /// The first entry of each ID, in file order: [`Self::iter`] without the duplicates.
    pub fn first_of_each_id(&self) -> impl Iterator<Item = Entry<'_>> {
        // Most files have no duplicate: then every entry is the first of its ID.
        let whole = self.unique_ids() == self.entries.len();
        self.iter()
            .enumerate()
            .filter(move |(i, entry)| whole || self.by_id().get(entry.id()) == Some(i))
            .map(|(_, entry)| entry)
    }

    /// Entries whose ID an earlier entry of the file already has, in file order.
    pub fn duplicates(&self) -> impl Iterator<Item = Entry<'_>> {
        self.iter()
            .enumerate()
            .filter(|(i, entry)| self.by_id().get(entry.id()) != Some(i))
            .map(|(_, entry)| entry)
    }

    /// Why kurso must not write into this file: each syntax error and each duplicate ID, as
    /// an error at its place. A file that does not parse holds a person's text kurso cannot
    /// see (the broken entry is skipped), so anything written into it (a draft appended under
    /// the same ID, a state record) could hide or replace that text. Empty when the file is
    /// whole.
    pub fn write_blockers(&self) -> Vec<Diagnostic> {
        const HELP: &str = "fix this line (run `kurso check` to see every problem); \
            kurso writes nothing to this file or its state until it parses";
        let syntax = self.errors.iter().map(|(offset, message)| {
            Diagnostic::error_at(
                &self.path,
                self.text(),
                *offset,
                format!("Fluent syntax error: {message}"),
            )
            .with_help(HELP)
        });
        let duplicates = self.duplicates().map(|entry| {
            Diagnostic::error_at(
                &self.path,
                self.text(),
                entry.offset(),
                format!("`{}` is defined more than once in this file", entry.id()),
            )
            .with_help(HELP)
        });
        syntax.chain(duplicates).collect()
    }

    /// The text of the line holding `offset`, for a caret snippet.
    pub fn line_at(&self, offset: usize) -> &str {
        let text = self.text();
        let start = text[..offset.min(text.len())]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        text[start..end].trim_end_matches('\r')
    }
}

impl<'a> Entry<'a> {
    pub fn id(&self) -> &'a str {
        &self.doc.text()[self.info.id.clone()]
    }

    pub fn is_term(&self) -> bool {
        self.id().starts_with('-')
    }

    /// Byte offset of the identifier.
    pub fn offset(&self) -> usize {
        self.info.id.start
    }

    /// Byte range of the entry's own text: its identifier to the next line that starts an
    /// entry, without the blank and comment lines before that line.
    pub fn span(&self) -> Range<usize> {
        let text = self.doc.text();
        let start = self.offset();
        start..trim_trailing_comments(text, start, next_entry_start(text, start))
    }

    /// The entry's own source text.
    pub fn source(&self) -> &'a str {
        &self.doc.text()[self.span()]
    }

    /// Byte offset of the first occurrence of `needle` in this entry's text, if any.
    pub fn find(&self, needle: &str) -> Option<usize> {
        self.source().find(needle).map(|i| self.offset() + i)
    }

    pub fn value(&self) -> Option<&'a ast::Pattern<&'a str>> {
        match self.doc.entry_at(self.info.body_index) {
            Some(ast::Entry::Message(message)) => message.value.as_ref(),
            Some(ast::Entry::Term(term)) => Some(&term.value),
            _ => None,
        }
    }

    pub fn attributes(&self) -> &'a [ast::Attribute<&'a str>] {
        match self.doc.entry_at(self.info.body_index) {
            Some(ast::Entry::Message(message)) => &message.attributes,
            Some(ast::Entry::Term(term)) => &term.attributes,
            _ => &[],
        }
    }

    pub fn attribute(&self, name: &str) -> Option<&'a ast::Attribute<&'a str>> {
        self.attributes().iter().find(|attr| attr.id.name == name)
    }

    /// The comment lines attached to the entry.
    pub fn comment(&self) -> &'a [&'a str] {
        let comment = match self.doc.entry_at(self.info.body_index) {
            Some(ast::Entry::Message(message)) => message.comment.as_ref(),
            Some(ast::Entry::Term(term)) => term.comment.as_ref(),
            _ => None,
        };
        comment.map_or(&[], |comment| comment.content.as_slice())
    }

    /// The value and each attribute as `(None | Some(attribute name), pattern)`.
    pub fn patterns(&self) -> impl Iterator<Item = (Option<&'a str>, &'a ast::Pattern<&'a str>)> {
        self.value().map(|value| (None, value)).into_iter().chain(
            self.attributes()
                .iter()
                .map(|attr| (Some(attr.id.name), &attr.value)),
        )
    }

    /// The whole message as text for people and for translation state: the value flattened,
    /// then `.name = value` per attribute on its own line.
    pub fn text(&self) -> String {
        let mut out = self.value().map(flatten).unwrap_or_default();
        for attr in self.attributes() {
            if !out.is_empty() {
                out.push('\n');
            }
            let _ = write!(out, ".{} = {}", attr.id.name, flatten(&attr.value));
        }
        out
    }
}

/// The text of `current` (empty when there is no file yet) with each `(id, entry)` of
/// `writes` in place of the entry with that ID, or appended after a blank line when there is
/// none. Everything else stays byte for byte.
pub fn splice_entries(current: Option<&FtlDoc>, writes: &[(String, String)]) -> String {
    let mut text = current.map(|d| d.text().to_owned()).unwrap_or_default();
    let mut replacements: Vec<(Range<usize>, &str)> = Vec::new();
    let mut appended: Vec<&str> = Vec::new();
    for (id, entry) in writes {
        match current.and_then(|d| d.get(id)) {
            Some(old) => replacements.push((old.span(), entry)),
            None => appended.push(entry),
        }
    }
    // From the end, so earlier spans stay valid.
    replacements.sort_by_key(|(range, _)| std::cmp::Reverse(range.start));
    for (range, entry) in replacements {
        text.replace_range(range, entry);
    }
    for entry in appended {
        if !text.is_empty() && !text.ends_with('\n') {
            text.push('\n');
        }
        if !text.is_empty() {
            text.push('\n');
        }
        text.push_str(entry);
        text.push('\n');
    }
    text
}

/// The offset of the first line after the one holding `start` that starts an entry, as the
/// parser reads one: a letter or `-` + letter, then identifier characters, blanks and `=`.
/// The end of the text when none does.
fn next_entry_start(text: &str, start: usize) -> usize {
    let after = start
        + text[start..]
            .find('\n')
            .map_or(text.len() - start, |i| i + 1);
    let line_starts = std::iter::once(after)
        .chain(memchr::memchr_iter(b'\n', &text.as_bytes()[after..]).map(|i| after + i + 1));
    for offset in line_starts {
        // The rest of the text from the line's start: an identifier ends at the line's end.
        let rest = &text.as_bytes()[offset..];
        let skip = usize::from(rest.first() == Some(&b'-'));
        if !rest.get(skip).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let end = skip
            + rest[skip..]
                .iter()
                .position(|&b| !(b.is_ascii_alphanumeric() || b == b'_' || b == b'-'))
                .unwrap_or(rest.len() - skip);
        if text[offset + end..]
            .trim_start_matches([' ', '\t'])
            .starts_with('=')
        {
            return offset;
        }
    }
    text.len()
}

/// The byte offset of `part` in `text`, when `part` is a slice of `text`.
fn offset_in(text: &str, part: &str) -> Option<usize> {
    let at = (part.as_ptr() as usize).checked_sub(text.as_ptr() as usize)?;
    (at + part.len() <= text.len()).then_some(at)
}

/// Moves `end` back over blank lines and comment lines that belong to the next entry.
fn trim_trailing_comments(text: &str, start: usize, end: usize) -> usize {
    let mut end = end;
    while end > start {
        let before = text[..end].trim_end_matches('\n');
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        if line_start <= start {
            return before.len().max(start);
        }
        let line = &before[line_start..];
        if line.trim().is_empty() || line.starts_with('#') {
            end = line_start;
        } else {
            return before.len();
        }
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    fn doc(text: &str) -> FtlDoc {
        FtlDoc::parse(PathBuf::from("x.ftl"), text.to_owned())
    }

    #[test]
    fn an_entry_after_a_broken_one_with_its_id_is_located_at_its_own_line() {
        let d = doc("a = { broken\na = A\n    .title = T\n# c\nb = B\n");
        let a = d.get("a").expect("a parses");
        assert_eq!(a.offset(), 13);
        assert_eq!(a.source(), "a = A\n    .title = T");
        assert_eq!(d.position(a.offset()).line, 2);
        assert_eq!(d.errors.len(), 1);
    }

    #[test]
    fn entries_are_located_and_spans_stop_before_the_next_comment() {
        let d = doc("# c\na = A\n    .title = T\n\n# next\n-brand = B\nb = { -brand }\n");
        let ids: Vec<_> = d.iter().map(|e| (e.id().to_owned(), e.offset())).collect();
        assert_eq!(
            ids,
            [("a".into(), 4), ("-brand".into(), 33), ("b".into(), 44)]
        );
        assert_eq!(d.get("a").expect("a").source(), "a = A\n    .title = T");
        assert_eq!(d.position(33).line, 6);
    }

    #[test]
    fn an_entry_keeps_its_comment_lines() {
        // Suppressions (`kurso-allow`) and the exchange's location notes live there.
        let d = doc("# first\n# kurso-allow numbers: a range\na = A\n\n# group\n\nb = B\n");
        let a = d.get("a").expect("a");
        assert_eq!(a.comment(), ["first", "kurso-allow numbers: a range"]);
        assert!(d.get("b").expect("b").comment().is_empty());
    }

    #[test]
    fn duplicate_ids_keep_the_first_for_lookup() {
        let d = doc("a = one\na = two\n");
        assert_eq!(d.entries.len(), 2);
        assert_eq!(d.unique_ids(), 1);
        assert_eq!(d.get("a").expect("a").offset(), 0);
    }

    #[test]
    fn first_of_each_id_leaves_out_only_the_duplicates() {
        let firsts = |text: &str| -> Vec<(String, usize)> {
            let d = doc(text);
            let listed: Vec<_> = d
                .first_of_each_id()
                .map(|e| (e.id().to_owned(), e.offset()))
                .collect();
            let duplicates: Vec<usize> = d.duplicates().map(|e| e.offset()).collect();
            // Together with the duplicates, every entry.
            assert_eq!(listed.len() + duplicates.len(), d.entries.len(), "{text}");
            listed
        };
        assert_eq!(
            firsts("a = one\nb = B\na = two\n-t = T\nb = C\n"),
            [("a".into(), 0), ("b".into(), 8), ("-t".into(), 22)]
        );
        assert_eq!(
            firsts("a = one\nb = B\n"),
            [("a".into(), 0), ("b".into(), 8)]
        );
    }

    #[test]
    fn write_blockers_name_each_syntax_error_and_duplicate() {
        assert!(doc("a = one\nb = two\n").write_blockers().is_empty());
        let d = doc("a = one\nb = { $x\n\nc = three\na = again\n");
        let places: Vec<String> = d
            .write_blockers()
            .iter()
            .map(|diagnostic| format!("{} {}", diagnostic.location(), diagnostic.message))
            .collect();
        assert_eq!(
            places,
            [
                "x.ftl:2:9 Fluent syntax error: Expected a token starting with \"}\"",
                "x.ftl:5:1 `a` is defined more than once in this file",
            ]
        );
    }

    #[test]
    fn syntax_errors_have_offsets_and_other_entries_survive() {
        let d = doc("a = one\nb = { $\nc = three\n");
        assert_eq!(d.errors.len(), 1);
        assert!(d.contains("a") && d.contains("c") && !d.contains("b"));
    }
}
