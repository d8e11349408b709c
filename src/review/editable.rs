//! The text a reviewer edits: a unit's inlines with every inline code written as a token,
//! `⟦1⟧` for a standalone code (a placeable, inline code, an image) and `⟦2⟧…⟦/2⟧` around the
//! text of a paired one (a link, emphasis). The page shows the tokens as chips and moves or
//! deletes a token only whole; whatever arrives is parsed back here, and `exchange::apply`
//! then refuses a code that is missing, repeated or badly nested, as it does on import.
//!
//! Invariant: `parse(&render(inlines), codes) == inlines` (codes as the English has them),
//! so opening a message and saving it unchanged changes nothing.

use crate::exchange::{Code, CodeKind, Inline};

const OPEN: char = '⟦';
const CLOSE: char = '⟧';

/// `inlines` as editable text.
pub fn render(inlines: &[Inline]) -> String {
    let mut text = String::new();
    for inline in inlines {
        match inline {
            Inline::Text(t) => text.push_str(t),
            Inline::Ph { id, .. } | Inline::Open { id, .. } => {
                text.push(OPEN);
                text.push_str(id);
                text.push(CLOSE);
            }
            Inline::Close { id, .. } => {
                text.push(OPEN);
                text.push('/');
                text.push_str(id);
                text.push(CLOSE);
            }
        }
    }
    text
}

/// The token that stands for `code` (its opening, for a paired code).
pub fn token(code: &Code) -> String {
    format!("{OPEN}{}{CLOSE}", code.id)
}

/// Editable text back into inlines, each token looked up in the English's `codes`. Errors
/// name a token the English does not have; text that only looks like a token's bracket is
/// kept as text.
pub fn parse(text: &str, codes: &[Code]) -> Result<Vec<Inline>, String> {
    let mut inlines = Vec::new();
    let mut plain = String::new();
    let mut rest = text;
    while let Some(start) = rest.find(OPEN) {
        let after = &rest[start + OPEN.len_utf8()..];
        let Some(end) = after.find(CLOSE) else {
            break;
        };
        let inner = &after[..end];
        let (closing, id) = match inner.strip_prefix('/') {
            Some(id) => (true, id),
            None => (false, inner),
        };
        if id.is_empty() || !id.chars().all(|c| c.is_ascii_digit()) {
            // Not a token: keep the bracket as text and look further.
            plain.push_str(&rest[..start + OPEN.len_utf8()]);
            rest = after;
            continue;
        }
        let code = codes.iter().find(|code| code.id == id).ok_or_else(|| {
            format!("{OPEN}{inner}{CLOSE} is not one of the English's codes: use the chips the English shows")
        })?;
        plain.push_str(&rest[..start]);
        if !plain.is_empty() {
            inlines.push(Inline::Text(std::mem::take(&mut plain)));
        }
        let id = id.to_owned();
        inlines.push(match (code.kind, closing) {
            (CodeKind::Standalone, false) => Inline::Ph {
                id,
                equiv: Some(code.original.clone()),
            },
            (CodeKind::Paired, false) => Inline::Open {
                id,
                equiv: Some(code.original.clone()),
            },
            (CodeKind::Paired, true) => Inline::Close {
                id,
                equiv: Some(code.closing.clone()),
            },
            (CodeKind::Standalone, true) => {
                return Err(format!(
                    "{OPEN}/{id}{CLOSE} closes a code that is not a pair: remove it"
                ));
            }
        });
        rest = &after[end + CLOSE.len_utf8()..];
    }
    plain.push_str(rest);
    if !plain.is_empty() {
        inlines.push(Inline::Text(plain));
    }
    Ok(inlines)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes() -> Vec<Code> {
        vec![
            Code {
                id: "1".into(),
                kind: CodeKind::Standalone,
                original: "{ $dose }".into(),
                closing: String::new(),
            },
            Code {
                id: "2".into(),
                kind: CodeKind::Paired,
                original: "[".into(),
                closing: "](https://example.org)".into(),
            },
        ]
    }

    #[track_caller]
    fn check(text: &str, expected: &str) {
        let shown = match parse(text, &codes()) {
            Ok(inlines) => inlines
                .iter()
                .map(|inline| match inline {
                    Inline::Text(t) => format!("T({t})"),
                    Inline::Ph { id, .. } => format!("X{id}"),
                    Inline::Open { id, .. } => format!("G{id}"),
                    Inline::Close { id, .. } => format!("/G{id}"),
                })
                .collect::<Vec<_>>()
                .join(" "),
            Err(reason) => format!("error: {reason}"),
        };
        assert_eq!(shown, expected);
    }

    #[test]
    fn tokens_become_codes() {
        check(
            "Duokite ⟦1⟧ mg, žr. ⟦2⟧lapelį⟦/2⟧.",
            "T(Duokite ) X1 T( mg, žr. ) G2 T(lapelį) /G2 T(.)",
        );
        check("no codes at all", "T(no codes at all)");
        check("", "");
    }

    #[test]
    fn brackets_that_are_not_tokens_stay_text() {
        check("a ⟦b⟧ c ⟦", "T(a ⟦b⟧ c ⟦)");
        check("⟦x⟧⟦1⟧", "T(⟦x⟧) X1");
    }

    #[test]
    fn an_unknown_or_misused_token_is_an_error_naming_it() {
        check(
            "⟦7⟧",
            "error: ⟦7⟧ is not one of the English's codes: use the chips the English shows",
        );
        check(
            "⟦/1⟧",
            "error: ⟦/1⟧ closes a code that is not a pair: remove it",
        );
    }

    #[test]
    fn render_and_parse_round_trip() {
        let text = "Duokite ⟦1⟧ mg, žr. ⟦2⟧lapelį⟦/2⟧.";
        let inlines = parse(text, &codes()).expect("parses");
        assert_eq!(render(&inlines), text);
    }
}
