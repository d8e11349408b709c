//! XLIFF 1.2 review packets: OASIS XLIFF Version 1.2 (OASIS Standard, 1 February 2008,
//! <http://docs.oasis-open.org/xliff/v1.2/os/xliff-core.html>), the version memoQ and Trados
//! Studio import best. [`write`] makes a document that validates against the strict and the
//! transitional XSD of that standard; [`read`] reads it back, and what memoQ, Trados, Phrase,
//! `MadCap` Lingo, Okapi, Xcode, Lokalise and Angular write (XLIFF 1.0 and 1.1 too).
//!
//! # What maps to what
//!
//! | kurso | XLIFF 1.2 |
//! |---|---|
//! | `Packet.source_locale`, `target_locale` | `source-language`, `target-language` of every `<file>` (read from the first) |
//! | `Packet.tool` | written `tool-id="kurso"` and `<header><tool tool-id="kurso" tool-name="kurso" tool-version=…/>`; read from the first file's `<tool tool-name>`, else `tool-id`; when that is missing or kurso, the tool whose status the units carry (`Trados Studio`, `memoQ`, `Phrase`: see `tools`) |
//! | `PacketFile` | `<file original=… datatype="plaintext">` with `<header>` and `<body>` |
//! | `Unit.id` | `<trans-unit id=… resname=…>`, the same text in both (`id` is an `xsd:string`, so `dose[one]` and `intro.title` are valid, and neither memoQ nor Trados asks more of it; `resname`, XLIFF's resource name, which CAT tools show as context, keeps the ID should a tool renumber `id`). Read from `resname` when no other unit of the file has the same, else `id` |
//! | `Unit.source`, `target` | `<source>`, `<target>`, on a unit with `xml:space="preserve"`; no target: no `<target>` |
//! | `State::New` (no target) | no `<target>` (memoQ and Trados add an empty one; XLIFF's `new` means "not in a previous version", not "untranslated") |
//! | `State::Draft` | `state="needs-review-translation"`, with `state-qualifier="mt-suggestion"` when `Unit.machine` (a person's stale translation has none) |
//! | `State::Translated` | `state="translated"` |
//! | `State::Reviewed` | `state="signed-off"`, and `approved="yes"` on the unit |
//! | `State::Final` | `state="final"`, and `approved="yes"` |
//! | `changed_by`, `changed_on` | a `<phase process-name="translation|review|approval" contact-name=… date=…>` in the header's `<phase-group>`, named by the target's `phase-name`; one phase per distinct (process, person, date). `date` is an `xsd:dateTime`: see `phase_date` |
//! | `Note` | `<note from=… annotates=… priority=…>`: `from` names the kind (`location`, `course author`, `English changed`, `kurso`; see `notes`), which CAT tools show as the comment's author |
//! | `TermHint` | `<note from="glossary" annotates="source" priority="2">` in a line form a translator reads and kurso parses (see `notes`) |
//! | `base` | `<context-group name="kurso" purpose="information"><context context-type="x-kurso-base">` (the fingerprint of the message's translation when the packet was made) |
//! | `previous_source` | `<alt-trans alttranstype="previous-version" origin="kurso">` whose `<source>` is the previous English and whose `<target>` the current translation: the standard's place for an earlier version of a unit; as not every tool shows `<alt-trans>`, the word diff also goes in the `English changed` note |
//! | `Inline::Ph` | `<x id=… ctype=… equiv-text=…/>` |
//! | `Inline::Open` … `Close` | `<g id=… ctype=… equiv-text="opening…closing">…</g>`; `<bx id rid equiv-text/>` … `<ex id rid equiv-text/>` when the pair does not nest, or its readable forms cannot be joined (one empty, or a closing holding `…`) |
//! | `Unit.codes` | not written: read back from the source's readable forms (`equiv-text`), which export takes from the codes' originals |
//! | `Unit.line` | the line of `<trans-unit` |
//!
//! Inline codes are `<x/>` and `<g>` rather than `<ph>`/`<bpt>`/`<ept>` with the original as
//! native content: they carry no native data for a tool to interpret (memoQ's XLIFF filter has
//! a setting that reads native codes as XML tags, and then, by its documentation, fails the
//! import when one is not XML, as `{ $dose }` or `**` are not), every CAT tool makes them protected tags, and XML itself keeps a
//! `<g>` pair whole and nested, which is what kurso's import verifies. The readable form goes
//! in `equiv-text`, which XLIFF 1.2 allows on every inline code element (`AttrGroup_TextContent`
//! of the XSD) but not on `<mrk>` or `<sub>`. `ctype` says what a code is (`bold`, `italic`,
//! `link`, `image`, `lb`, `x-fluent-placeable`, `x-code`, `x-html`, `x-markup`); it is not read
//! back.
//!
//! # Reading other tools' files
//!
//! See `content` for inline codes, segment `<mrk>`s and whitespace, `tools` for the statuses of
//! Trados, memoQ and Phrase. Other `state` values: `new`/`needs-translation` → New (Draft with
//! an MT or TM `state-qualifier`, as Okapi writes `leveraged-mt`); `needs-review-*`,
//! `needs-adaptation`, `needs-l10n` → Draft; `translated` → Translated; `signed-off` (and 2.0's
//! `reviewed`) → Reviewed; `final` → Final; no state → Reviewed with `approved="yes"`, else
//! Translated. A target with no code and only whitespace is no target (unless the source is
//! blank too).
//! `<alt-trans>` is never the target (Phrase's MT proposals, TM matches). Extra namespaces
//! (`sdl:`, `mq:`, `m:`, `MadCap:`, `okp:`, `its:`), `<group>`s at any depth, `<seg-source>`,
//! `<context-group>`, `<count-group>` and the skeleton are read past. Units marked
//! `translate="no"` (memoQ's locked segments, Trados's structure units) are read like the others.
//! Any prefix may name the XLIFF namespace (`<x:xliff xmlns:x=…>`, where `<x:x/>` is a code).
//!
//! # Refused
//!
//! Not well-formed XML, and a root that is not `<xliff version="1.x">` (XLIFF 2 included), are
//! `Err` with `file:line:col`. A `<!DOCTYPE>` is never read and an entity other than the five
//! XML ones and character references is not expanded: the unit holding it is reported and
//! skipped (see `tree`). So are a unit without `id` or `<source>` and a unit whose ID its file
//! already had.
//!
//! Translate Toolkit's `xliff2po` reads what [`write`] makes; it marks every unit without
//! `approved="yes"` (Draft and Translated) fuzzy, and leaves the codes out of the text.
//!
//! A packet without files becomes an `<xliff>` without `<file>`, which the XSD does not allow
//! (export never makes one).
//!
//! **Invariant:** `read(write(p)) == p` for every packet whose inlines' readable forms are their
//! codes' originals (as `inline::from_masked` makes them) and whose units have a target unless
//! they are New; characters XML 1.0 cannot carry (C0 controls other than tab, LF, CR) are
//! written as U+FFFD.

mod content;
mod notes;
mod phase_date;
mod read;
mod tools;
mod tree;
mod write;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_real;
#[cfg(test)]
mod tests_rewrites;

use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::exchange::model::{Packet, State};

/// The namespaces of XLIFF 1.2, 1.1 and 1.0, and none (files that declare no namespace).
const XLIFF_NAMESPACES: [&str; 4] = [
    "urn:oasis:names:tc:xliff:document:1.2",
    "urn:oasis:names:tc:xliff:document:1.1",
    "urn:oasis:names:tc:xliff:document:1.0",
    "",
];

/// The file's text for `packet` (deterministic: same packet, same bytes).
pub fn write(packet: &Packet) -> String {
    write::write(packet)
}

/// Reads an XLIFF 1.x file back. `Err` only when the file is not well-formed XML or not XLIFF
/// 1.x; a unit that cannot be read is a diagnostic beside the packet, and the other units are
/// still read.
pub fn read(path: &Path, text: &str) -> Result<(Packet, Vec<Diagnostic>), Diagnostic> {
    read::read(path, text)
}

/// The `context-type` of the context that carries `Unit.base` (the fingerprint of the
/// message's translation when the packet was made), in a `<context-group name="kurso">`.
const BASE_CONTEXT: &str = "x-kurso-base";

/// `state` and `state-qualifier` of a target in `state`; `machine`: the target is a machine
/// draft (a person's stale translation is not).
fn state_attributes(state: State, machine: bool) -> (&'static str, Option<&'static str>) {
    match state {
        State::New => ("needs-translation", None),
        State::Draft if machine => ("needs-review-translation", Some("mt-suggestion")),
        State::Draft => ("needs-review-translation", None),
        State::Translated => ("translated", None),
        State::Reviewed => ("signed-off", None),
        State::Final => ("final", None),
    }
}
