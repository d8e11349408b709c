//! TMX 1.4b (LISA/GALA, "Translation Memory eXchange", <https://www.gala-global.org/tmx-14b>):
//! the project's reviewed and approved translations as a memory for one locale pair, for CAT
//! tools and for kurso's own `memory` provider.
//!
//! **Written.** `<tmx version="1.4">`, a `<header creationtool="kurso" srclang=… segtype=
//! "paragraph" o-tmf="kurso" adminlang="en" datatype="plaintext"/>`, then one `<tu>` per unit
//! whose target is Reviewed or Final (a memory holds what a second person checked; drafts and
//! unchecked translations are left out):
//!
//! | packet | TMX |
//! |---|---|
//! | `original` + unit ID | `tuid="digicantrain-oncology/01-x.ftl:meta-title"`, and `<prop type="x-kurso-file">` / `<prop type="x-kurso-id">` |
//! | `State::Reviewed` / `Final` | `<prop type="x-kurso-state">reviewed</prop>` / `final` |
//! | English, target | `<tuv xml:lang="en"><seg>`, `<tuv xml:lang="it"><seg>` |
//! | `changed_by` / `changed_on` | the target `<tuv>`'s `changeid` / `changedate` (`20250301T000000Z`); a date that form cannot hold exactly (no time, an offset) also goes into `<prop type="x-kurso-changed-on">` |
//! | `Inline::Ph` | `<ph x="1">{ $dose }</ph>` |
//! | `Inline::Open` / `Close` | `<bpt i="2" x="2">[</bpt>` … `<ept i="2">](https://…)</ept>`; one without its partner in the segment: `<it pos="begin"/"end" x="2">` |
//!
//! Inline codes are TMX tags with the original Markdown or Fluent as native code: Trados,
//! memoQ and `OmegaT` match them as tags (so a moved link still matches), and a reader that takes
//! the text content of `<seg>` with the tags' content gets the Markdown back (`Give { $dose }
//! mg, see [the leaflet](https://…)`). kurso's `memory` provider reads it so, taking a `<ph>`
//! that holds a Fluent placeable for that placeable, and reuses these units.
//!
//! **Read.** A packet of the header's `srclang` and the first other language of the `<tuv>`s;
//! per `<tu>`: the unit ID and file from kurso's props (otherwise `tuid`, otherwise the unit's
//! position, and an empty `original`), the state from `x-kurso-state` (other tools' TMX:
//! Translated), who and when from the target `<tuv>` (or the `<tu>`), `<note>`s as general
//! notes, inline codes with the IDs the file gives (`x`, else `i`) and their native code as the
//! readable form; `<hi>` and `<sub>` are transparent. XML is read with quick-xml: no DTD, no
//! external entities; any entity but the five of XML and character references is an error.
//! Text that is not well-formed XML, or whose root is not `<tmx>`, is an `Err` at its line and
//! column; a `<tu>` without the source language is a warning and is skipped.

mod read;
mod write;

use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::exchange::model::Packet;

/// The TMX text for `packet`: its Reviewed and Final units (deterministic).
pub fn write(packet: &Packet) -> String {
    write::write(packet)
}

/// Reads a TMX file's text. `Err` when it is not well-formed XML or not TMX.
pub fn read(path: &Path, text: &str) -> Result<(Packet, Vec<Diagnostic>), Diagnostic> {
    read::read(path, text)
}

/// `2025-03-01T10:00:00Z` → `20250301T100000Z` (exact); `2025-03-01` → `20250301T000000Z`
/// (not exact: the day is kept, the time is made up).
fn to_changedate(iso: &str) -> Option<(String, bool)> {
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    let (date, time) = iso.split_once('T').unwrap_or((iso, ""));
    let mut parts = date.split('-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if !(digits(y, 4) && digits(m, 2) && digits(d, 2)) || parts.next().is_some() {
        return None;
    }
    if time.is_empty() {
        return Some((format!("{y}{m}{d}T000000Z"), false));
    }
    let time = time.strip_suffix('Z')?;
    let mut parts = time.split(':');
    let (hh, mm, ss) = (parts.next()?, parts.next()?, parts.next()?);
    if !(digits(hh, 2) && digits(mm, 2) && digits(ss, 2)) || parts.next().is_some() {
        return None;
    }
    Some((format!("{y}{m}{d}T{hh}{mm}{ss}Z"), true))
}

/// `20250301T100000Z` → `2025-03-01T10:00:00Z`; anything else as it is.
fn from_changedate(value: &str) -> String {
    let bytes = value.as_bytes();
    let well_formed = value.len() == 16
        && bytes[8] == b'T'
        && bytes[15] == b'Z'
        && bytes[..8]
            .iter()
            .chain(&bytes[9..15])
            .all(u8::is_ascii_digit);
    if !well_formed {
        return value.to_owned();
    }
    format!(
        "{}-{}-{}T{}:{}:{}Z",
        &value[..4],
        &value[4..6],
        &value[6..8],
        &value[9..11],
        &value[11..13],
        &value[13..15]
    )
}

#[cfg(test)]
mod tests;
