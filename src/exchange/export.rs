//! `kurso export`: review packets for translators, one file per course and locale (a TMX
//! memory per locale pair), written under the exchange folder.
//!
//! Invariant: a packet file that exists and differs from what export would write is never
//! replaced without `force`: it may be a translator's work that was not imported yet.

use std::path::{Path, PathBuf};

use unic_langid::LanguageIdentifier;

use super::collect::collect;
use super::model::{Packet, State};
use super::{po, tmx, xliff2, xliff12};
use crate::check::Layout;
use crate::diagnostic::Diagnostic;
use crate::fsx;
use crate::glossary::Glossary;
use crate::project::Project;

/// The default exchange folder, under the project root.
pub const EXCHANGE_DIR: &str = "exchange";

/// A packet format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// OASIS XLIFF 2.0.
    Xliff2,
    /// OASIS XLIFF 1.2 (memoQ, Trados Studio).
    Xliff12,
    /// GNU gettext PO (Poedit).
    Po,
    /// TMX 1.4: reviewed and approved translations as a memory.
    Tmx,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Xliff2 => "XLIFF 2.0",
            Format::Xliff12 => "XLIFF 1.2",
            Format::Po => "PO",
            Format::Tmx => "TMX 1.4",
        }
    }

    fn extension(self) -> &'static str {
        match self {
            Format::Xliff2 => "xlf",
            // Its own name, so exporting both XLIFF versions into one folder never collides.
            Format::Xliff12 => "xliff12.xlf",
            Format::Po => "po",
            Format::Tmx => "tmx",
        }
    }

    fn write(self, packet: &Packet) -> String {
        match self {
            Format::Xliff2 => xliff2::write(packet),
            Format::Xliff12 => xliff12::write(packet),
            Format::Po => po::write(packet),
            Format::Tmx => tmx::write(packet),
        }
    }
}

#[derive(Debug, Clone)]
pub struct ExportOptions {
    /// Target locales (empty: every target locale).
    pub locales: Vec<LanguageIdentifier>,
    pub courses: Vec<String>,
    pub format: Format,
    /// Also what is already done (edited, reviewed, approved), for a full proofread.
    pub all: bool,
    /// Where the files go (absolute).
    pub output: PathBuf,
    /// Replace packet files that differ from what export writes.
    pub force: bool,
}

/// One file written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Exported {
    /// As printed (relative to the project when inside it).
    pub path: PathBuf,
    pub locale: String,
    /// The course, or `None` for a TMX memory of every course.
    pub course: Option<String>,
    pub units: usize,
    /// Units with no translation yet, machine drafts or stale ones: what needs a person.
    pub to_do: usize,
    /// The file already held exactly this.
    pub unchanged: bool,
}

#[derive(Debug, Default)]
pub struct ExportSummary {
    pub files: Vec<Exported>,
    /// (locale, course) with nothing that needs a person.
    pub nothing: Vec<(String, String)>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Writes the packets `opts` asks for.
pub fn export(
    project: &Project,
    glossary: &Glossary,
    opts: &ExportOptions,
) -> Result<ExportSummary, Diagnostic> {
    let layout = Layout::for_project(project, &opts.locales, &opts.courses);
    let tree = layout.load();
    let source = project.config.source_locale.to_string();
    // A memory holds what a person checked, so TMX looks at every message.
    let all = opts.all || opts.format == Format::Tmx;
    let collected = collect(&tree, glossary, &source, all);
    let mut summary = ExportSummary {
        diagnostics: tree.diagnostics.clone(),
        ..ExportSummary::default()
    };
    summary.diagnostics.extend(collected.diagnostics);
    let mut packets: Vec<(Option<String>, Packet)> = Vec::new();
    for (course, packet) in collected.packets {
        if opts.format == Format::Tmx {
            // One memory per locale pair: the courses' files together.
            match packets
                .iter_mut()
                .find(|(_, p)| p.target_locale == packet.target_locale)
            {
                Some((_, memory)) => memory.files.extend(packet.files),
                None => packets.push((None, packet)),
            }
        } else {
            packets.push((Some(course), packet));
        }
    }
    for (course, packet) in &packets {
        let units = packet.files.iter().map(|f| f.units.len()).sum::<usize>();
        let kept = if opts.format == Format::Tmx {
            packet
                .files
                .iter()
                .flat_map(|f| &f.units)
                .filter(|u| matches!(u.state, State::Reviewed | State::Final))
                .count()
        } else {
            units
        };
        if kept == 0 {
            summary.nothing.push((
                packet.target_locale.clone(),
                course.clone().unwrap_or_default(),
            ));
            continue;
        }
        let name = match course {
            Some(course) => format!("{course}.{}", opts.format.extension()),
            None => format!(
                "{}-{}.{}",
                packet.source_locale,
                packet.target_locale,
                opts.format.extension()
            ),
        };
        let path = opts.output.join(&packet.target_locale).join(name);
        let display = project.relative(&path).to_path_buf();
        let text = opts.format.write(packet);
        // A file that cannot be read as text counts as one that differs.
        let existing = fsx::read_optional(&path);
        let unchanged = matches!(&existing, Ok(Some(current)) if *current == text);
        let present = !matches!(existing, Ok(None));
        if present && !unchanged && !opts.force {
            summary.diagnostics.push(
                Diagnostic::file_error(
                    &display,
                    "a packet is already there and differs from this export: it may hold a translator's work",
                )
                .with_help(format!(
                    "import it first (`kurso import {}`), or pass --force to replace it",
                    display.display()
                )),
            );
            continue;
        }
        if !unchanged && let Err(err) = fsx::write_durable(&path, text.as_bytes()) {
            summary
                .diagnostics
                .push(Diagnostic::file_error(&display, err.to_string()));
            continue;
        }
        let to_do = packet
            .files
            .iter()
            .flat_map(|f| &f.units)
            .filter(|u| matches!(u.state, State::New | State::Draft))
            .count();
        summary.files.push(Exported {
            path: display,
            locale: packet.target_locale.clone(),
            course: course.clone(),
            units: kept,
            to_do: if opts.format == Format::Tmx { 0 } else { to_do },
            unchanged,
        });
    }
    Ok(summary)
}

/// The format of a packet file, by its name and, for XML, its root element.
pub fn detect(path: &Path, text: &str) -> Option<Format> {
    let extension = path
        .extension()
        .map(|ext| ext.to_string_lossy().to_ascii_lowercase());
    match extension.as_deref() {
        Some("po" | "pot") => return Some(Format::Po),
        Some("tmx") => return Some(Format::Tmx),
        _ => {}
    }
    let head: String = text.chars().take(4096).collect();
    if let Some(at) = head.find("<xliff").or_else(|| head.find(":xliff")) {
        let root = &head[at..];
        let root = &root[..root.find('>').unwrap_or(root.len())];
        let version = root
            .split("version=")
            .nth(1)
            .map(|v| v.trim_start_matches(['"', '\'']));
        return match version {
            Some(v) if v.starts_with('2') => Some(Format::Xliff2),
            Some(v) if v.starts_with('1') => Some(Format::Xliff12),
            _ => None,
        };
    }
    if head.contains("<tmx") {
        return Some(Format::Tmx);
    }
    if head.contains("msgid") {
        return Some(Format::Po);
    }
    None
}
