//! XLIFF 2.0 review packets: OASIS XLIFF Version 2.0 core (OASIS Standard, 5 August 2014,
//! namespace `urn:oasis:names:tc:xliff:document:2.0`) with the Metadata (`mda`) and Glossary
//! (`gls`) modules. [`write`] turns a [`Packet`](crate::exchange::Packet) into a file that validates against
//! `xliff_core_2.0.xsd`, `modules/metadata.xsd` and `modules/glossary.xsd` (the test runs
//! `xmllint --schema` over them); [`read`] reads kurso's own files back exactly and reads what
//! CAT tools make of them.
//!
//! # What maps to what
//!
//! | kurso | XLIFF 2.0 |
//! |---|---|
//! | `Packet.source_locale` / `target_locale` | `<xliff srcLang trgLang>` (`trgLang` left out when empty) |
//! | `Packet.tool` | `<mda:meta type="tool">` in the file-level `<mda:metaGroup category="kurso">`; on reading, `Phrase (Memsource)` when the root declares the `memsource:` namespace and the metadata names no tool or only kurso |
//! | `PacketFile` | `<file id="f1" original="course/01-x.ftl">`, ids `f1`, `f2`… in order; a file without units is not written (the core XSD needs a unit) |
//! | `Unit.id` | `<unit name>` verbatim; `<unit id>` a valid NMTOKEN derived from it (see below) |
//! | `Unit.source` / `target` | `<segment><source>` / `<target>` |
//! | `Unit.line` | on reading, the line of the `<unit>` start tag |
//! | `State::New` | `<segment state="initial">` without `<target>` |
//! | `State::Draft` | `state="initial" subState="kurso:machine"` with the target |
//! | `State::Translated` / `Reviewed` / `Final` | `state="translated"` / `"reviewed"` / `"final"` |
//! | `Inline::Ph` | `<ph id dataRef="dN" disp equiv/>` |
//! | `Inline::Open` … `Close` | `<pc id dataRefStart="dN" dataRefEnd="dNe" dispStart equivStart dispEnd equivEnd>` when they nest; `<sc>`/`<ec startRef>` when they overlap, `isolated="yes"` when one half is missing |
//! | `Code.original` / `closing` | `<originalData><data id="dN">` / `<data id="dNe">` of the unit |
//! | `Note` | `<note category="location" appliesTo="source">`, `category="author"`, `category="stale" appliesTo="source"`; `NoteKind::General` has no category |
//! | `Unit.previous_source` | `<mda:meta type="previous-source">` in the unit's `<mda:metaGroup category="kurso">`, and a `<note category="previous-source" appliesTo="source">` a translator sees |
//! | `Unit.base` | `<mda:meta type="base">` in the same group: the fingerprint of the message's translation when the packet was made |
//! | `Unit.changed_by` / `changed_on` | `<mda:meta type="changed-by">` / `type="changed-on"` in the same group |
//! | `TermHint` | `<gls:glossEntry>`: `<gls:term>` the English, one `<gls:translation>` per approved form (preferred first), `<gls:definition>` the note followed by a line for do-not-translate and one naming the forbidden forms, and `<kurso:forbidden>` / `<kurso:doNotTranslate/>` (namespace `urn:kurso:xliff`) for an exact read; plus one `<note category="glossary">` listing all terms, because CAT tools show notes and seldom the Glossary module |
//!
//! Text is escaped as XML needs (`&amp;`, `&lt;`, `&gt;`; in attributes also `&quot;` and
//! `&#9;`/`&#10;`/`&#13;`, so attribute normalization keeps them). In content a carriage return
//! is written `&#13;`, a character XML 1.0 forbids (U+0001…U+001F but tab and line ends,
//! U+FFFE, U+FFFF) `<cp hex="…"/>`, and a run of only whitespace (between codes) as character
//! references, so no reader takes it for indentation and no parser drops it as "ignorable"
//! (libxml2 does, without `xml:space="preserve"`). Notes, metadata, glossary text and
//! attributes cannot hold `<cp>`: a forbidden character becomes U+FFFD there.
//!
//! # Unit IDs
//!
//! kurso's unit IDs (`id`, `id.attr`, `id[key]`, `id.attr[key]`) go verbatim into `name`, which
//! is free text. `id` must be an NMTOKEN, and `[`/`]` are not NMTOKEN characters, so a variant
//! `base[key]` is written `base:key` (`:` is an NMTOKEN character that Fluent identifiers and
//! variant keys never contain); any other character outside ASCII letters, digits, `-`, `_`
//! and `.` becomes `_xHHHH_`, and a clash within a file gets `-2`, `-3`…. Reading takes `name`
//! when present, else turns `base:key` back into `base[key]`; a unit with neither is a
//! diagnostic and is skipped.
//!
//! # Reading other tools' files
//!
//! - States: `initial` with a target is a draft (whoever made it), without one (or with an
//!   empty `<target/>`) new; `translated`, `reviewed`, `final` map to their kurso states. Any
//!   other value (Angular writes 1.2's `new`) is a warning and counts as `initial`, so it never
//!   promotes a text. `subState` is not read.
//! - A unit split into several `<segment>`s and `<ignorable>`s is joined in document order; a
//!   target's `order` moves its content to that position, and an ignorable without target
//!   contributes its source (untranslatable content reads the same in both languages; the
//!   OASIS suite's `toJoin2` expects it dropped, which would glue sentences together). The
//!   unit's state is its least advanced segment's. When only some segments have a target the
//!   unit is read without one, with a warning.
//! - Codes keep the IDs the file gives them. The readable form of a code (`Inline` `equiv`) is
//!   `disp`, else the `<data>` its `dataRef` names, else `equiv` (so a code kurso wrote without
//!   a readable form reads back with its original as one); `<sc>`/`<ec>` are returned as
//!   `Open`/`Close` (`ec` by its `startRef`), `<mrk>` keeps its content, `<sm>`/`<em>` are
//!   dropped, `<cp hex>` is its character. `Unit.codes` is rebuilt from the source's codes
//!   that have original data, in source order.
//! - `<group>`s are flattened; elements and attributes in other namespaces (`mtc:matches`,
//!   `slr:`, `memsource:`, `its:`) are ignored, whatever their prefix; the core namespace may
//!   have any prefix (a root without namespace is read as XLIFF 2.0 too). Note categories
//!   `description` (Angular) read as author notes, unknown ones as general notes; the
//!   `previous-source` note is the previous English when the metadata lacks it, and the
//!   `glossary` note is dropped when the unit has its `gls:glossary`.
//! - Whitespace inside `<source>`/`<target>` is content (XLIFF 2.0 gives `xml:space="default"`
//!   no meaning of its own, and the ends of a sentence matter to the segment that follows).
//!   The one exception undoes re-indentation: where a content element (`source`, `target`,
//!   `pc`, `mrk`) holds codes and no text but literal whitespace runs with a line break, as
//!   `xmllint --format` and most XML libraries produce around codes, those runs are layout
//!   and dropped, unless `xml:space="preserve"` is in force. A whitespace-only run with a line
//!   break between codes is therefore lost when a pretty-printer writes kurso's references
//!   back as literal text; kurso's own units practically never have one.
//!
//! # Refused
//!
//! A file that is not well-formed XML, whose root is not `<xliff version="2.x">` (XLIFF 1.2 has
//! its own reader), that has a `<!DOCTYPE>` (XLIFF 2.0 has no DTD, and a DTD is how entity
//! expansion and external fetches get in) or refers to an entity other than the five XML ones
//! and numeric character references is an `Err` naming `path:line:col`. Problems of one unit
//! are diagnostics beside the packet, and the other units are read: errors (the unit is
//! skipped) for a unit without ID or segment, a segment without source and a duplicate ID;
//! warnings (the unit is read) for an unknown state, a partial translation, targets whose
//! `order` is not a permutation, a `dataRef` to no data, two `<data>` with one ID, codes that
//! end before they start or never end (unless `isolated="yes"`), a bad `<cp>`, a second
//! `<source>`, and targets without `trgLang`. Each invalid file of the OASIS test suite has its
//! outcome decided in `tests/real.rs`; constraints on what kurso does not read (fragment
//! identifiers, `xml:lang`, editing hints, other modules) are not checked.
//!
//! Not carried: the Translation Candidates module (a machine draft *is* the target; `mtc`
//! would repeat it), `subState` values of other tools, `translate="no"`, `canCopy`/`canDelete`
//! and other editing hints, file- and group-level notes.

mod content;
mod join;
mod lexer;
mod read;
mod write;

#[cfg(test)]
mod tests;

use std::fmt::Write as _;

pub use read::read;
pub use write::write;

/// The XLIFF 2.0 core namespace.
pub const XLIFF_NS: &str = "urn:oasis:names:tc:xliff:document:2.0";
/// The Metadata module's namespace.
pub const MDA_NS: &str = "urn:oasis:names:tc:xliff:metadata:2.0";
/// The Glossary module's namespace.
pub const GLS_NS: &str = "urn:oasis:names:tc:xliff:glossary:2.0";
/// kurso's own extension namespace (glossary details the Glossary module has no place for).
pub const KURSO_NS: &str = "urn:kurso:xliff";
/// Phrase (Memsource) extensions: their presence names the tool.
const MEMSOURCE_NS: &str = "http://www.memsource.com/xliff2.0/1.0";
/// `subState` of a machine draft.
const MACHINE_SUBSTATE: &str = "kurso:machine";
/// `category` of kurso's `mda:metaGroup`s.
const META_CATEGORY: &str = "kurso";

/// The NMTOKEN written as `<unit id>` for kurso unit ID `id` (see the module docs).
fn safe_id(id: &str) -> String {
    let (base, key) = match id.strip_suffix(']').and_then(|rest| rest.split_once('[')) {
        Some((base, key)) if !key.contains(['[', ']']) => (base, Some(key)),
        _ => (id, None),
    };
    let mut out = String::with_capacity(id.len() + 2);
    escape_id_part(base, &mut out);
    if let Some(key) = key {
        out.push(':');
        escape_id_part(key, &mut out);
    }
    if out.is_empty() {
        out.push('_');
    }
    out
}

fn escape_id_part(part: &str, out: &mut String) {
    for c in part.chars() {
        if c.is_ascii_alphanumeric() || matches!(c, '-' | '.' | '_') {
            out.push(c);
        } else {
            let _ = write!(out, "_x{:04X}_", u32::from(c));
        }
    }
}

/// The kurso unit ID of a unit whose `name` is gone: undoes the `base:key` form.
fn id_from_safe(id: &str) -> String {
    match id.split_once(':') {
        Some((base, key)) if !key.contains(':') => format!("{base}[{key}]"),
        _ => id.to_owned(),
    }
}

/// Whether XML 1.0 allows `c` in a document (tab, line ends and the ranges of the `Char`
/// production; Rust strings hold no surrogates).
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{FFFD}' | '\u{10000}'..)
}
