//! Inline codes: between kurso's masked segments (`<x id="N"/>`, `<g id="N">…</g>`, the
//! form `mt::mask` writes and verifies) and a packet's [`Inline`]s and [`Code`]s.
//!
//! Export turns the English and the current translation of a unit into inlines whose code IDs
//! agree (a translation's code takes the ID of the English code with the same original text,
//! in order). Import turns what came back into masked text for `Masked::unmask`, which puts
//! the originals back and refuses a code that is missing, repeated or badly nested. Tools
//! renumber codes: a code whose ID the English lacks is matched by its readable form.

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;

use super::model::{Code, CodeKind, Inline};
use crate::mt::mask::{Masked, Part, escape_xml, restore, unescape_xml};

/// The inlines of a masked segment and what each code stands for. `placeables` turn the
/// placeable sentinels into their Fluent source.
pub fn from_masked(masked: &Masked, placeables: &[String]) -> (Vec<Inline>, Vec<Code>) {
    let mut inlines = Vec::new();
    let mut codes = Vec::new();
    let mut open: Vec<String> = Vec::new();
    let mut text = String::new();
    let mut rest = masked.text.as_str();
    let flush = |text: &mut String, inlines: &mut Vec<Inline>| {
        if !text.is_empty() {
            inlines.push(Inline::Text(unescape_xml(&std::mem::take(text))));
        }
    };
    while let Some(lt) = rest.find('<') {
        text.push_str(&rest[..lt]);
        let Some(gt) = rest[lt..].find('>').map(|i| i + lt) else {
            break;
        };
        let tag = &rest[lt + 1..gt];
        rest = &rest[gt + 1..];
        flush(&mut text, &mut inlines);
        if tag == "/g" {
            let id = open.pop().unwrap_or_default();
            inlines.push(Inline::Close { id, equiv: None });
            continue;
        }
        let Some(id) = tag_id(tag) else {
            continue;
        };
        match masked.part(id) {
            Some(Part::Atom(atom)) => {
                let original = restore(&atom, placeables);
                inlines.push(Inline::Ph {
                    id: id.to_string(),
                    equiv: Some(original.clone()),
                });
                codes.push(Code {
                    id: id.to_string(),
                    kind: CodeKind::Standalone,
                    original,
                    closing: String::new(),
                });
            }
            Some(Part::Group(opening, closing)) => {
                inlines.push(Inline::Open {
                    id: id.to_string(),
                    equiv: Some(opening.clone()),
                });
                open.push(id.to_string());
                codes.push(Code {
                    id: id.to_string(),
                    kind: CodeKind::Paired,
                    original: restore(&opening, placeables),
                    closing: restore(&closing, placeables),
                });
            }
            None => {}
        }
    }
    text.push_str(rest);
    flush(&mut text, &mut inlines);
    // Closing tags carry their pair's readable closing.
    for inline in &mut inlines {
        if let Inline::Close { id, equiv } = inline {
            *equiv = codes
                .iter()
                .find(|code| code.id == *id)
                .map(|code| code.closing.clone());
        }
    }
    (inlines, codes)
}

/// Gives the codes of `inlines` (a translation, with codes of its own) the IDs of the English
/// codes with the same original text, in order. Errors when a code of the translation has no
/// counterpart in the English (its markup differs: `kurso check` reports it as `markup`).
pub fn align(
    inlines: &[Inline],
    own_codes: &[Code],
    english: &[Code],
) -> Result<Vec<Inline>, String> {
    let own: HashMap<&str, &Code> = own_codes.iter().map(|c| (c.id.as_str(), c)).collect();
    let mut used: HashSet<&str> = HashSet::new();
    let mut renamed: HashMap<&str, String> = HashMap::new();
    let mut out = Vec::with_capacity(inlines.len());
    for inline in inlines {
        match inline {
            Inline::Text(_) => out.push(inline.clone()),
            Inline::Ph { id, equiv } | Inline::Open { id, equiv } => {
                let code = own
                    .get(id.as_str())
                    .ok_or_else(|| format!("code {id} is not described"))?;
                let counterpart = english
                    .iter()
                    .find(|e| {
                        e.kind == code.kind
                            && e.original == code.original
                            && e.closing == code.closing
                            && !used.contains(e.id.as_str())
                    })
                    .ok_or_else(|| {
                        format!("`{}{}` is not in the English", code.original, code.closing)
                    })?;
                used.insert(&counterpart.id);
                renamed.insert(id, counterpart.id.clone());
                let id = counterpart.id.clone();
                let equiv = equiv.clone();
                out.push(match inline {
                    Inline::Ph { .. } => Inline::Ph { id, equiv },
                    _ => Inline::Open { id, equiv },
                });
            }
            Inline::Close { id, equiv } => out.push(Inline::Close {
                id: renamed
                    .get(id.as_str())
                    .cloned()
                    .unwrap_or_else(|| id.clone()),
                equiv: equiv.clone(),
            }),
        }
    }
    Ok(out)
}

/// The masked text (`<x id="N"/>`, `<g id="N">…</g>`) of `inlines` that came back from a
/// translator, for `Masked::unmask` of the current English, whose codes are `english`. A code
/// is matched by its ID when the English has that ID with the same kind; otherwise (a tool
/// renumbered it) by its readable form, which must then name exactly one unused code.
pub fn to_masked(inlines: &[Inline], english: &[Code]) -> Result<String, String> {
    let by_id: HashMap<&str, &Code> = english.iter().map(|c| (c.id.as_str(), c)).collect();
    let all_known = inlines.iter().all(|inline| match inline {
        Inline::Text(_) => true,
        Inline::Ph { id, .. } => by_id
            .get(id.as_str())
            .is_some_and(|c| c.kind == CodeKind::Standalone),
        Inline::Open { id, .. } | Inline::Close { id, .. } => by_id
            .get(id.as_str())
            .is_some_and(|c| c.kind == CodeKind::Paired),
    });
    let mut used: HashSet<&str> = HashSet::new();
    let mut renamed: HashMap<&str, &str> = HashMap::new();
    let mut open: Vec<&str> = Vec::new();
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text(text) => escape_xml(text, &mut out),
            Inline::Ph { id, equiv } | Inline::Open { id, equiv } => {
                let kind = if matches!(inline, Inline::Ph { .. }) {
                    CodeKind::Standalone
                } else {
                    CodeKind::Paired
                };
                let code = if all_known {
                    by_id[id.as_str()]
                } else {
                    by_readable_form(english, kind, equiv.as_deref(), &used).ok_or_else(|| {
                        format!(
                            "inline code {id}{} matches no code of the English",
                            equiv
                                .as_deref()
                                .map(|e| format!(" (`{e}`)"))
                                .unwrap_or_default()
                        )
                    })?
                };
                used.insert(&code.id);
                if kind == CodeKind::Standalone {
                    let _ = write!(out, "<x id=\"{}\"/>", code.id);
                } else {
                    renamed.insert(id, &code.id);
                    open.push(&code.id);
                    let _ = write!(out, "<g id=\"{}\">", code.id);
                }
            }
            Inline::Close { id, .. } => {
                let expected = open
                    .pop()
                    .ok_or_else(|| format!("inline code {id} is closed but was never opened"))?;
                let closing = renamed.get(id.as_str()).copied().unwrap_or(id.as_str());
                if closing != expected {
                    return Err(format!(
                        "inline codes are badly nested: {id} closes while {expected} is open"
                    ));
                }
                out.push_str("</g>");
            }
        }
    }
    if let Some(id) = open.last() {
        return Err(format!("inline code {id} is opened but never closed"));
    }
    Ok(out)
}

/// The first unused code of `kind` whose readable form is `equiv` (two identical codes, such
/// as two `**` pairs, are interchangeable, so the first is as good as any).
fn by_readable_form<'a>(
    english: &'a [Code],
    kind: CodeKind,
    equiv: Option<&str>,
    used: &HashSet<&str>,
) -> Option<&'a Code> {
    let equiv = equiv?.trim();
    english.iter().find(|code| {
        code.kind == kind && !used.contains(code.id.as_str()) && code.original.trim() == equiv
    })
}

/// `x id="3"/` or `g id="3"` → 3.
fn tag_id(tag: &str) -> Option<usize> {
    let value = tag.split_once("id=")?.1;
    let value = value.trim_end_matches('/').trim();
    value.trim_matches('"').parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mt::mask::{mask, pattern_text};

    fn masked(fluent_value: &str) -> (Masked, Vec<String>) {
        let source = format!("x = {fluent_value}\n");
        let resource = fluent_syntax::parser::parse(source.as_str()).expect("valid Fluent");
        let Some(fluent_syntax::ast::Entry::Message(message)) = resource.body.first() else {
            panic!("one message");
        };
        let (text, placeables) = pattern_text(message.value.as_ref().expect("a value"));
        (mask(&text, &["FHIR".to_owned()]), placeables)
    }

    #[test]
    fn codes_carry_their_originals() {
        let (m, placeables) = masked(
            "Give { $dose } mg, see [the **leaflet**](https://e.org) and `dose_mg` in FHIR.",
        );
        let (inlines, codes) = from_masked(&m, &placeables);
        let originals: Vec<(CodeKind, &str, &str)> = codes
            .iter()
            .map(|c| (c.kind, c.original.as_str(), c.closing.as_str()))
            .collect();
        assert_eq!(
            originals,
            [
                (CodeKind::Standalone, "{ $dose }", ""),
                (CodeKind::Paired, "[", "](https://e.org)"),
                (CodeKind::Paired, "**", "**"),
                (CodeKind::Standalone, "`dose_mg`", ""),
                (CodeKind::Standalone, "FHIR", ""),
            ]
        );
        assert_eq!(
            Inline::plain(&inlines),
            "Give  mg, see the leaflet and  in ."
        );
        // And back: the same masked text, which unmasks to the original.
        let back = to_masked(&inlines, &codes).expect("back");
        assert_eq!(back, m.text);
        assert_eq!(
            restore(&m.unmask(&back).expect("unmask"), &placeables),
            "Give { $dose } mg, see [the **leaflet**](https://e.org) and `dose_mg` in FHIR."
        );
    }

    #[test]
    fn a_translation_takes_the_ids_of_the_english_codes() {
        let (english, ep) = masked("See [the leaflet](https://e.org) and `dose_mg`.");
        let (_, english_codes) = from_masked(&english, &ep);
        let (greek, gp) = masked("Το `dose_mg` και [το φύλλο](https://e.org).");
        let (inlines, own) = from_masked(&greek, &gp);
        let aligned = align(&inlines, &own, &english_codes).expect("aligned");
        let back = to_masked(&aligned, &english_codes).expect("masked");
        assert_eq!(back, "Το <x id=\"2\"/> και <g id=\"1\">το φύλλο</g>.");
        assert_eq!(
            english.unmask(&back).expect("unmask"),
            "Το `dose_mg` και [το φύλλο](https://e.org)."
        );
    }

    #[test]
    fn a_translation_with_markup_the_english_lacks_does_not_align() {
        let (english, ep) = masked("Plain text.");
        let (_, english_codes) = from_masked(&english, &ep);
        let (it, ip) = masked("Testo **in grassetto**.");
        let (inlines, own) = from_masked(&it, &ip);
        let err = align(&inlines, &own, &english_codes).expect_err("no bold in English");
        assert!(err.contains("**"), "{err}");
    }

    #[test]
    fn renumbered_codes_are_matched_by_their_readable_form() {
        let (english, ep) = masked("Give { $dose } then `x`.");
        let (_, codes) = from_masked(&english, &ep);
        let back = vec![
            Inline::Text("Dare ".into()),
            Inline::Ph {
                id: "7".into(),
                equiv: Some("`x`".into()),
            },
            Inline::Text(" poi ".into()),
            Inline::Ph {
                id: "8".into(),
                equiv: Some("{ $dose }".into()),
            },
        ];
        let text = to_masked(&back, &codes).expect("matched");
        assert_eq!(text, "Dare <x id=\"2\"/> poi <x id=\"1\"/>");
        // Without a readable form an unknown ID matches nothing.
        let bare = vec![Inline::Ph {
            id: "7".into(),
            equiv: None,
        }];
        assert!(to_masked(&bare, &codes).is_err());
    }

    #[test]
    fn bad_nesting_is_refused() {
        let (english, ep) = masked("*a* and **b**");
        let (_, codes) = from_masked(&english, &ep);
        let crossed = vec![
            Inline::Open {
                id: "1".into(),
                equiv: None,
            },
            Inline::Open {
                id: "2".into(),
                equiv: None,
            },
            Inline::Close {
                id: "1".into(),
                equiv: None,
            },
            Inline::Close {
                id: "2".into(),
                equiv: None,
            },
        ];
        let err = to_masked(&crossed, &codes).expect_err("crossed");
        assert!(err.contains("badly nested"), "{err}");
    }

    #[test]
    fn text_is_escaped_for_unmasking() {
        let (english, ep) = masked("a < b & c");
        let (inlines, codes) = from_masked(&english, &ep);
        assert_eq!(inlines, [Inline::Text("a < b & c".into())]);
        let back = to_masked(&inlines, &codes).expect("text");
        assert_eq!(english.unmask(&back).expect("unmask"), "a < b & c");
    }
}
