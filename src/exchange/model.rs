//! A review packet, whatever its file format: the units of one course in one locale, each
//! with its English, its current translation or machine draft, its review state, the notes a
//! translator needs and the inline codes that must survive.
//!
//! The formats (`xliff2`, `xliff12`, `po`) only turn a [`Packet`] into text and text back into
//! a [`Packet`]; choosing what goes into a packet (`export`) and what to do with what comes
//! back (`import`) happens once, on this model.
//!
//! Unit IDs name one translatable piece of a Fluent message: `id` (the value), `id.attr` (an
//! attribute), `id[key]` or `id.attr[key]` (one variant of a select expression, including
//! plural categories the target needs and English lacks).

/// One packet: a course's units for one target locale, grouped by translation file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Packet {
    /// BCP 47 code of the English (`en`).
    pub source_locale: String,
    /// BCP 47 code of the translation (`el-CY`).
    pub target_locale: String,
    /// The tool that wrote the file: `kurso` on export; on import what the file says
    /// (XLIFF 1.2 `tool-id`/`<tool>`, XLIFF 2.0 tool extensions, PO `X-Generator`), if anything.
    pub tool: Option<String>,
    pub files: Vec<PacketFile>,
    /// Set on import from a format without inline codes (PO): every source and target is one
    /// [`Inline::Text`] holding the text as the translator saw it (Markdown with Fluent
    /// placeables as written, `Give { $dose } mg, see [the leaflet](https://…)`), so the
    /// importer must find the codes in it itself. False for the XLIFF formats.
    pub raw_markup: bool,
}

/// The units of one translation file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PacketFile {
    /// The translation file, relative to the locale folder: `digicantrain-oncology/01-x.ftl`.
    pub original: String,
    pub units: Vec<Unit>,
}

/// One translatable piece of a message.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Unit {
    /// `id`, `id.attr`, `id[key]` or `id.attr[key]` (see the module docs).
    pub id: String,
    /// The English, with inline codes.
    pub source: Vec<Inline>,
    /// The translation or machine draft, with the source's inline codes; `None` when there is
    /// none yet.
    pub target: Option<Vec<Inline>>,
    pub state: State,
    /// The target is a machine draft (its origin a provider), not a person's text. Formats
    /// that can say so do (XLIFF 1.2 `state-qualifier="mt-suggestion"`); a stale person's
    /// translation is also [`State::Draft`], but not machine.
    pub machine: bool,
    /// What each inline code of the source stands for (filled on export; on import the codes
    /// are matched against the current English instead, so this may be empty).
    pub codes: Vec<Code>,
    /// Notes for the translator, in order.
    pub notes: Vec<Note>,
    /// For a stale unit: the English the current translation was made from.
    pub previous_source: Option<String>,
    /// Glossary concepts the English uses.
    pub terms: Vec<TermHint>,
    /// A fingerprint of the message's translation when the packet was made (of no
    /// translation, when there was none). Import refuses a target for a message whose
    /// translation changed since, unless it brings that same text: a packet made before
    /// someone else's save never overwrites it. `None` when a tool dropped it.
    pub base: Option<String>,
    /// Who last changed or confirmed the target and when (ISO 8601), where the file says so.
    pub changed_by: Option<String>,
    pub changed_on: Option<String>,
    /// On import: the 1-based line where the unit starts in the file (0 when unknown).
    pub line: usize,
}

/// How far a unit's target has come. Ordered: a later state is further along.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum State {
    /// No target yet.
    #[default]
    New,
    /// A machine draft nobody has confirmed (XLIFF 2.0 `initial`; XLIFF 1.2
    /// `needs-review-translation` with `state-qualifier="mt-suggestion"`; PO `fuzzy`).
    Draft,
    /// A person wrote or edited it (`translated`).
    Translated,
    /// A second person checked it (XLIFF 2.0 `reviewed`; XLIFF 1.2 `signed-off`).
    Reviewed,
    /// Signed off for release (`final`).
    Final,
}

/// A piece of unit content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    /// A standalone code: a Fluent placeable, inline code, an HTML tag, an image, a
    /// do-not-translate term. `equiv` is the readable form a file gave (import) or will give.
    Ph {
        id: String,
        equiv: Option<String>,
    },
    /// The start of a paired code around translatable text (a link, emphasis, strong).
    Open {
        id: String,
        equiv: Option<String>,
    },
    /// The end of the paired code `id`.
    Close {
        id: String,
        equiv: Option<String>,
    },
}

/// What one inline code of the English stands for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Code {
    /// The ID the units' [`Inline`]s use.
    pub id: String,
    pub kind: CodeKind,
    /// The original text: the whole atom (`{ $count }`, `` `dose_mg` ``), or a pair's opening
    /// (`[`, `**`).
    pub original: String,
    /// A pair's closing original (`](https://…)`, `**`); empty for a standalone code.
    pub closing: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CodeKind {
    Standalone,
    Paired,
}

/// A note for the translator.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    pub kind: NoteKind,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoteKind {
    /// Where the English is: `01-x.md:41 · Heading › Subheading`.
    Location,
    /// The course author's note from an `<!-- l10n: note … -->` directive.
    Author,
    /// The English changed since the translation was made: the word diff, old → new.
    Stale,
    /// Anything else kurso wants the translator to know.
    General,
}

/// A glossary concept the English of a unit uses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermHint {
    /// The English term as the glossary writes it.
    pub source: String,
    /// Approved target terms (preferred first).
    pub approved: Vec<String>,
    /// Forbidden target terms.
    pub forbidden: Vec<String>,
    /// The term stays as written in every language.
    pub do_not_translate: bool,
    /// The concept's definition or note, if any.
    pub note: Option<String>,
}

impl Inline {
    /// The text of a run of inlines with every code left out: what a person reads.
    pub fn plain(inlines: &[Inline]) -> String {
        inlines
            .iter()
            .filter_map(|inline| match inline {
                Inline::Text(text) => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }
}
