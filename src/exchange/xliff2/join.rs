//! How the parts of a unit become one [`Unit`](crate::exchange::model::Unit)'s content: the
//! `<segment>`s and `<ignorable>`s joined (targets in their `order`), the unit's state, each
//! code's readable form and what the source's codes stand for.

use std::collections::HashMap;

use super::content::{CodeRole, Item, merge_text};
use super::lexer::Lexer;
use crate::diagnostic::Diagnostic;
use crate::exchange::model::{Code, CodeKind, Inline, State};

/// A `<segment>` or `<ignorable>` as read.
pub(super) struct Part {
    pub ignorable: bool,
    pub state: Option<String>,
    /// `subState="kurso:machine"`: kurso exported a machine draft.
    pub machine: bool,
    pub offset: usize,
    pub source: Vec<Item>,
    /// The target's content and its `order`.
    pub target: Option<(Vec<Item>, Option<usize>)>,
}

/// The unit's joined target and state: the least advanced segment's state, no target when
/// any segment lacks one.
pub(super) fn join_target(
    lexer: &Lexer<'_>,
    problems: &mut Vec<Diagnostic>,
    id: &str,
    offset: usize,
    parts: &[Part],
) -> (Option<Vec<Item>>, State) {
    let mut states = Vec::new();
    let mut n_targets = 0;
    for part in parts.iter().filter(|part| !part.ignorable) {
        let state = match part.state.as_deref() {
            None | Some("initial") => State::Draft,
            Some("translated") => State::Translated,
            Some("reviewed") => State::Reviewed,
            Some("final") => State::Final,
            Some(other) => {
                let problem = error(
                    lexer,
                    part.offset,
                    format!("unknown segment state `{other}` in unit `{id}`"),
                    "XLIFF 2.0 states are initial, translated, reviewed and final; it was read as initial",
                );
                problems.push(problem);
                State::Draft
            }
        };
        let has_target = part
            .target
            .as_ref()
            .is_some_and(|(items, _)| !items.is_empty() || state > State::Draft);
        n_targets += usize::from(has_target);
        states.push(state);
    }
    if n_targets == 0 {
        return (None, State::New);
    }
    if n_targets < states.len() {
        let problem = error(
            lexer,
            offset,
            format!(
                "unit `{id}` is translated only in part: {n_targets} of {} segments have a target",
                states.len()
            ),
            "translate every segment of the unit; it was read without a translation",
        );
        problems.push(problem);
        return (None, State::New);
    }
    let state = states.into_iter().min().unwrap_or(State::New);
    let contents: Vec<(&[Item], Option<usize>)> = parts
        .iter()
        .map(|part| match &part.target {
            Some((items, order)) => (items.as_slice(), *order),
            None => (part.source.as_slice(), None),
        })
        .collect();
    let mut slots: Vec<Option<&[Item]>> = vec![None; contents.len()];
    let mut ordered = true;
    for (index, (items, order)) in contents.iter().enumerate() {
        let slot = order.map_or(Some(index), |order| order.checked_sub(1));
        match slot.and_then(|slot| slots.get_mut(slot)) {
            Some(free @ None) => *free = Some(items),
            _ => ordered = false,
        }
    }
    if !ordered {
        let problem = error(
            lexer,
            offset,
            format!(
                "the `order` of the targets of unit `{id}` is not a permutation of its segments"
            ),
            "the targets were joined in document order",
        );
        problems.push(problem);
        slots = contents.iter().map(|(items, _)| Some(*items)).collect();
    }
    let joined = slots.into_iter().flatten().flatten().cloned().collect();
    (Some(merge_text(joined)), state)
}

fn error(lexer: &Lexer<'_>, offset: usize, message: impl Into<String>, help: &str) -> Diagnostic {
    lexer.error(offset, message).with_help(help).warning()
}

/// The inlines of `items`, each code's readable form being its `disp`, else its original
/// data, else its `equiv`.
pub(super) fn resolve(
    items: &[Item],
    data: &HashMap<String, String>,
    problems: &mut Vec<Diagnostic>,
    lexer: &Lexer<'_>,
) -> Vec<Inline> {
    items
        .iter()
        .map(|item| match item {
            Item::Text(text) => Inline::Text(text.clone()),
            Item::Code {
                role,
                id,
                disp,
                equiv,
                data_ref,
                offset,
                ..
            } => {
                let original = data_ref.as_ref().and_then(|key| {
                    let found = data.get(key).cloned();
                    if found.is_none() {
                        problems.push(
                            lexer
                                .error(*offset, format!("code {id} refers to data `{key}`, which this unit does not have"))
                                .with_help("the code's original is unknown; it is matched by its id and readable form only")
                                .warning(),
                        );
                    }
                    found
                });
                let equiv = disp.clone().or(original).or_else(|| equiv.clone());
                let id = id.clone();
                match role {
                    CodeRole::Standalone => Inline::Ph { id, equiv },
                    CodeRole::Open => Inline::Open { id, equiv },
                    CodeRole::Close => Inline::Close { id, equiv },
                }
            }
        })
        .collect()
}

/// What each code of the source stands for, from its original data, in source order.
pub(super) fn codes(source: &[Item], data: &HashMap<String, String>) -> Vec<Code> {
    let mut codes: Vec<Code> = Vec::new();
    for (index, item) in source.iter().enumerate() {
        let Item::Code {
            role,
            id,
            data_ref: Some(key),
            ..
        } = item
        else {
            continue;
        };
        let Some(original) = data.get(key) else {
            continue;
        };
        if codes.iter().any(|code| code.id == *id) {
            continue;
        }
        let (kind, closing) = match role {
            CodeRole::Standalone => (CodeKind::Standalone, String::new()),
            CodeRole::Open => {
                let closing = source[index + 1..].iter().find_map(|later| match later {
                    Item::Code {
                        role: CodeRole::Close,
                        id: other,
                        data_ref,
                        ..
                    } if other == id => Some(data_ref.as_ref().and_then(|key| data.get(key))),
                    _ => None,
                });
                (
                    CodeKind::Paired,
                    closing.flatten().cloned().unwrap_or_default(),
                )
            }
            CodeRole::Close => continue,
        };
        codes.push(Code {
            id: id.clone(),
            kind,
            original: original.clone(),
            closing,
        });
    }
    codes
}

/// Warns about codes of `items` (a unit's `what`, source or target) that end before they
/// start or never end; halves marked `isolated` are exempt.
pub(super) fn check_pairs(
    lexer: &Lexer<'_>,
    problems: &mut Vec<Diagnostic>,
    unit: &str,
    what: &str,
    items: &[Item],
) {
    let mut open: Vec<(&str, usize)> = Vec::new();
    for item in items {
        let Item::Code {
            role,
            id,
            isolated: false,
            offset,
            ..
        } = item
        else {
            continue;
        };
        match role {
            CodeRole::Open => open.push((id, *offset)),
            CodeRole::Close => {
                if let Some(at) = open.iter().rposition(|(other, _)| other == id) {
                    open.remove(at);
                } else {
                    problems.push(error(
                        lexer,
                        *offset,
                        format!("in the {what} of unit `{unit}`, code {id} ends before it starts"),
                        "a paired code starts (<sc>, <pc>) before it ends; mark a lone end isolated=\"yes\"",
                    ));
                }
            }
            CodeRole::Standalone => {}
        }
    }
    for (id, offset) in open {
        problems.push(error(
            lexer,
            offset,
            format!("in the {what} of unit `{unit}`, code {id} starts but never ends"),
            "end it with <ec startRef=\"…\"/>, or mark a lone start isolated=\"yes\"",
        ));
    }
}
