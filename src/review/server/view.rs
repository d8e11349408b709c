//! What the page and the JSON API show of an [`Item`]: plain serializable data, the same for
//! the HTML templates (which escape every string) and for `/api/…` answers.

use serde::Serialize;

use crate::check::finding::DiffPart;
use crate::exchange::{Code, CodeKind, Inline};
use crate::review::editable;
use crate::review::item::Item;

#[derive(Debug, Serialize)]
pub struct ItemView {
    pub anchor: String,
    pub file: String,
    pub id: String,
    pub course: String,
    pub module: String,
    pub status: &'static str,
    pub needs: Vec<&'static str>,
    pub origin: Option<String>,
    pub changed_by: Option<String>,
    pub changed_on: Option<String>,
    pub location: Option<String>,
    pub notes: Vec<String>,
    /// Old → new English of a stale message: `{op: "equal"|"delete"|"insert", text}`.
    pub diff: Vec<DiffView>,
    pub suggestion: Option<SuggestionView>,
    pub terms: Vec<TermView>,
    pub findings: Vec<FindingView>,
    pub units: Vec<UnitView>,
    pub version: String,
}

#[derive(Debug, Serialize)]
pub struct DiffView {
    pub op: &'static str,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct SuggestionView {
    pub origin: String,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub struct TermView {
    pub source: String,
    pub approved: Vec<String>,
    pub forbidden: Vec<String>,
    pub do_not_translate: bool,
    pub note: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct FindingView {
    pub rule: String,
    pub level: String,
    pub message: String,
}

#[derive(Debug, Serialize)]
pub struct UnitView {
    pub id: String,
    /// `""` for the message's value; `.title`, `[one]` for an attribute or a variant.
    pub label: String,
    /// The English as text and chips.
    pub english: Vec<Segment>,
    pub codes: Vec<CodeView>,
    pub text: String,
}

/// A run of the English: text, or a chip for an inline code.
#[derive(Debug, Serialize)]
pub struct Segment {
    pub text: String,
    /// The token when the segment is a chip.
    pub chip: Option<String>,
    /// What the chip stands for.
    pub title: Option<String>,
}

#[derive(Debug, Serialize)]
pub struct CodeView {
    /// `⟦1⟧`.
    pub token: String,
    /// `⟦/1⟧` for a pair.
    pub closing_token: Option<String>,
    /// What it stands for: `{ $dose }`, or `[` … `](https://…)`.
    pub original: String,
}

impl ItemView {
    pub fn new(item: &Item) -> ItemView {
        ItemView {
            anchor: format!("m-{}-{}", item.module, item.id),
            file: item.file.clone(),
            id: item.id.clone(),
            course: item.course.clone(),
            module: item.module.clone(),
            status: item.status.as_str(),
            needs: item.needs(),
            origin: item.origin.clone(),
            changed_by: item.changed_by.clone(),
            changed_on: item.changed_on.clone(),
            location: item.location.clone(),
            notes: item.notes.clone(),
            diff: item
                .diff
                .iter()
                .flatten()
                .map(|part| match part {
                    DiffPart::Equal(text) => DiffView {
                        op: "equal",
                        text: text.clone(),
                    },
                    DiffPart::Delete(text) => DiffView {
                        op: "delete",
                        text: text.clone(),
                    },
                    DiffPart::Insert(text) => DiffView {
                        op: "insert",
                        text: text.clone(),
                    },
                })
                .collect(),
            suggestion: item
                .suggestion
                .as_ref()
                .map(|(origin, text)| SuggestionView {
                    origin: origin.clone(),
                    text: text.clone(),
                }),
            terms: item
                .terms
                .iter()
                .map(|t| TermView {
                    source: t.source.clone(),
                    approved: t.approved.clone(),
                    forbidden: t.forbidden.clone(),
                    do_not_translate: t.do_not_translate,
                    note: t.note.clone(),
                })
                .collect(),
            findings: item
                .findings
                .iter()
                .map(|f| FindingView {
                    rule: f.rule.clone(),
                    level: f.level.to_string(),
                    message: f.message.clone(),
                })
                .collect(),
            units: item
                .units
                .iter()
                .map(|unit| UnitView {
                    id: unit.id.clone(),
                    label: unit.id[item.id.len().min(unit.id.len())..].to_owned(),
                    english: segments(&unit.english, &unit.codes),
                    codes: unit
                        .codes
                        .iter()
                        .map(|code| CodeView {
                            token: editable::token(code),
                            closing_token: (code.kind == CodeKind::Paired)
                                .then(|| format!("⟦/{}⟧", code.id)),
                            original: if code.kind == CodeKind::Paired {
                                format!("{} … {}", code.original, code.closing)
                            } else {
                                code.original.clone()
                            },
                        })
                        .collect(),
                    text: unit.text.clone(),
                })
                .collect(),
            version: item.version.clone(),
        }
    }
}

fn segments(inlines: &[Inline], codes: &[Code]) -> Vec<Segment> {
    let title = |id: &str, closing: bool| {
        codes.iter().find(|c| c.id == id).map(|c| {
            if closing {
                c.closing.clone()
            } else {
                c.original.clone()
            }
        })
    };
    inlines
        .iter()
        .map(|inline| match inline {
            Inline::Text(text) => Segment {
                text: text.clone(),
                chip: None,
                title: None,
            },
            Inline::Ph { id, .. } | Inline::Open { id, .. } => Segment {
                text: String::new(),
                chip: Some(format!("⟦{id}⟧")),
                title: title(id, false),
            },
            Inline::Close { id, .. } => Segment {
                text: String::new(),
                chip: Some(format!("⟦/{id}⟧")),
                title: title(id, true),
            },
        })
        .collect()
}
