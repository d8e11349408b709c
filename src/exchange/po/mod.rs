//! GNU gettext PO (the GNU gettext manual, "The Format of PO Files"): a review packet for
//! Poedit and every tool that reads PO. UTF-8 only.
//!
//! **Entries.** One entry per unit, in packet order, after a header with `Language` (gettext's
//! `ll_CC`: `el_CY`), `Content-Type: text/plain; charset=UTF-8`, the target's `Plural-Forms`
//! (`plural.rs` has the table, its source and the CLDR mapping), `X-Generator: kurso …` and
//! `X-Source-Language`. `PO-Revision-Date`, `Last-Translator` and `Language-Team` are written
//! empty (the file has no timestamp, so the same packet gives the same bytes; Poedit fills
//! them on save).
//!
//! | packet | PO |
//! |---|---|
//! | `PacketFile.original` and `Unit.id` | `msgctxt "digicantrain-oncology/01-x.ftl:meta-title"`: unique in a course packet, although every module has `meta-title`; the reader splits at the last colon (unit IDs have none) |
//! | English | `msgid` |
//! | target | `msgstr` (empty when there is none) |
//! | `State::New` / `Draft` / `Translated` | empty `msgstr` / `#, fuzzy` / neither |
//! | `State::Reviewed` / `Final` | as Translated, plus `#. kurso-state: reviewed 3f2a9c1d` (with a hash of the translation) |
//! | notes, glossary terms | `#.` lines labelled `location:`, `note:`, `stale:`, `term:` (`comments.rs`) |
//! | the location note's `module.md:41` | also `#: module.md:41` |
//! | `previous_source` | `#\| msgctxt` and `#\| msgid` |
//! | `base` | `#. kurso-base:` (the fingerprint of the message's translation when the packet was made; one per entry) |
//! | `changed_by` / `changed_on` | `#. kurso-changed-by:` / `#. kurso-changed-on:`; on reading, a translated unit without them takes the header's `Last-Translator` and `PO-Revision-Date` (as ISO 8601) when a tool filled them |
//! | `Packet.tool` | `X-Generator` |
//!
//! **Text.** PO has no inline codes: a unit's text is written as the translator would see it
//! in the `.ftl` file, each code as its original from `Unit.codes` (`Give { $dose } mg, see
//! [the leaflet](https://…)`); literal braces are not Fluent-escaped. Reading gives one
//! `Inline::Text` with that text and sets `Packet.raw_markup`, so the importer finds the codes
//! in it against the current English.
//!
//! **Plurals.** The variants `id[one]`, `id[few]`, `id[other]`… of a select whose keys are all
//! CLDR categories (with `other`) become one entry: `msgctxt "file:id"`, `msgid` the English
//! `one` (or `other`), `msgid_plural` the English `other`, `msgstr[i]` the variant of the
//! category index `i` holds under the target's `Plural-Forms`. A category with no index (Lithuanian
//! `many`: fractions) stays an entry of its own, `msgctxt "file:id[many]"`, and so does every
//! variant of another select. The plural entry is `fuzzy` when a variant is a draft; differing
//! states are recorded per variant (`#. kurso-state: one=reviewed …, few=draft …`); who and
//! when are the latest variant's. Reading maps the forms back by the file's own
//! `Plural-Forms`, so a header a tool rewrote is read correctly: `one` takes `msgid` and
//! `#| msgid`, the others `msgid_plural` and `#| msgid_plural`.
//!
//! **Reading back what tools did.** Poedit re-wraps lines, reorders entries, keeps `#.`
//! comments, removes `fuzzy` and `#|` when the translator confirms, appends obsolete `#~`
//! entries and rewrites the header (`X-Generator: Poedit 3.4` → `Packet.tool`). So: no
//! `fuzzy` is Translated; `fuzzy` is Draft; a recorded `kurso-state` (reviewed, final, or a
//! plural variant's state) counts only while the translation is the one it was recorded for,
//! so an edited reviewed translation reads as Translated; when a tool drops kurso's `#.` lines,
//! Reviewed and Final read as Translated and the location comes from `#:`. Obsolete entries
//! are ignored. Entries without a kurso context (another project's PO) are read with their
//! `msgctxt` or `msgid` as ID into a file with an empty `original`, with one warning.
//!
//! **Refused.** Text that is not PO is an `Err` at its line and column; so is a file that is
//! not UTF-8 ([`read_bytes`]), naming the charset it declares: kurso does not convert (tgif's
//! French file from 2000 declares koi8-r and is Latin-1; reading it as declared would turn
//! every accent into Cyrillic). A UTF-8 file that declares another charset is read as UTF-8
//! with a warning. An entry defined twice, or a plural entry the file's `Plural-Forms` cannot
//! map, is a diagnostic; the other entries are still read.

mod comments;
mod plural;
mod read;
mod syntax;
mod write;

use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::exchange::model::Packet;
use crate::span::Position;

pub use plural::PluralForms;

/// The PO text for `packet` (deterministic: same packet, same bytes).
pub fn write(packet: &Packet) -> String {
    write::write(packet)
}

/// Reads a PO file's text. `Err` when it is not PO (with line and column); problems of one
/// entry are diagnostics beside the packet, whose other units are still read.
pub fn read(path: &Path, text: &str) -> Result<(Packet, Vec<Diagnostic>), Diagnostic> {
    read::read(path, text)
}

/// Reads a PO file's bytes: [`read`] when they are UTF-8, else an `Err` at the first byte that
/// is not, naming the charset the header declares.
pub fn read_bytes(path: &Path, bytes: &[u8]) -> Result<(Packet, Vec<Diagnostic>), Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let error = match std::str::from_utf8(bytes) {
        Ok(text) => return read(path, text),
        Err(error) => error,
    };
    let before = std::str::from_utf8(&bytes[..error.valid_up_to()]).expect("valid up to here");
    let mut position = Position { line: 1, column: 1 };
    let mut after_cr = false;
    for c in before.chars() {
        match c {
            '\n' if after_cr => {}
            '\n' | '\r' => {
                position = Position {
                    line: position.line + 1,
                    column: 1,
                }
            }
            _ => position.column += 1,
        }
        after_cr = c == '\r';
    }
    let lossy = String::from_utf8_lossy(bytes);
    let declared = lossy
        .lines()
        .find(|line| line.contains("Content-Type"))
        .and_then(read::declared_charset);
    let declaration = match &declared {
        Some(charset) if !read::is_utf8_name(charset) => {
            format!("; its header declares charset `{charset}`, which kurso does not convert")
        }
        Some(_) => "; its header declares UTF-8 but it is not".to_owned(),
        None => String::new(),
    };
    // Positions here count CR and CRLF as line ends; the snippet uses LF lines.
    Err(Diagnostic::error_at_position(
        path,
        &lossy,
        position,
        format!(
            "this PO file is not UTF-8 (byte 0x{:02X}){declaration}",
            bytes[error.valid_up_to()]
        ),
    )
    .with_help(
        "find the charset the text really uses (a declaration can be wrong), convert the file \
         (`iconv -f ISO-8859-1 -t UTF-8 IN > OUT` for Latin-1) and set `charset=UTF-8` in its header",
    ))
}

#[cfg(test)]
mod tests;
