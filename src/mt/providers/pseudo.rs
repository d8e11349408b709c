//! `pseudo`: pseudo-localization, offline, no key. Letters become accented look-alikes and
//! each text grows by about a third, inside brackets, so a layout shows what is translated,
//! what is not, and where longer languages will overflow. Placeholders, numbers and URLs are
//! untouched. The default provider, so the README's main job runs with no key and no network.
//!
//! Invariant: a pseudo draft has the Markdown structure of its English wherever the build
//! puts it. What it adds (the brackets `⟦ ⟧`, the padding `·`) means nothing to Markdown,
//! unlike `[ ]` (a lone `[` turns an image into a link) or `~` (strikethrough).

use super::super::provider::{Batch, BoxFuture, Limits, Provider, ProviderError, Reply};

#[derive(Debug, Default)]
pub struct Pseudo;

impl Provider for Pseudo {
    fn name(&self) -> &'static str {
        "pseudo"
    }

    fn limits(&self) -> Limits {
        Limits {
            max_texts: 1000,
            max_bytes: usize::MAX,
            max_chars: usize::MAX,
            concurrency: 1,
            requests_per_second: 0.0,
        }
    }

    fn translate<'a>(&'a self, batch: &'a Batch) -> BoxFuture<'a, Result<Reply, ProviderError>> {
        Box::pin(async move {
            let style = NumberStyle::of(&batch.target_lang);
            Ok(Reply::Done(
                batch
                    .texts
                    .iter()
                    .map(|t| localize_numbers(&pseudo(t), style))
                    .collect(),
            ))
        })
    }
}

/// Pseudo-localizes a masked text: `<…>` tags and `&…;` entities are copied as they are, and
/// so are acronyms (`CTCAE`) and unit words after a number (`5 mg`, `50 units`, `38 °C`),
/// which checks compare with the English.
pub fn pseudo(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    out.push(OPEN);
    let mut letters = 0;
    let mut rest = text;
    let mut after_number = false;
    while let Some(c) = rest.chars().next() {
        if c == '<' || c == '&' {
            let close = if c == '<' { '>' } else { ';' };
            let end = rest.find(close).map_or(rest.len(), |i| i + 1);
            out.push_str(&rest[..end]);
            rest = &rest[end..];
            continue;
        }
        if c.is_alphabetic() {
            let end = rest
                .find(|ch: char| !ch.is_alphanumeric() && ch != '/')
                .unwrap_or(rest.len());
            let word = &rest[..end];
            letters += word.chars().filter(|ch| ch.is_alphabetic()).count();
            let acronym = word.chars().filter(|ch| ch.is_alphabetic()).count() > 1
                && !word.chars().any(char::is_lowercase);
            if after_number || acronym {
                out.push_str(word);
            } else {
                out.extend(word.chars().map(accent));
            }
            after_number = false;
            rest = &rest[end..];
            continue;
        }
        if c.is_ascii_digit() {
            after_number = true;
        } else if !(c == ' ' || c == '.' || c == ',' || c == '°' || c == '\u{a0}') {
            after_number = false;
        }
        out.push(c);
        rest = &rest[c.len_utf8()..];
    }
    // About a third longer, like Greek or Finnish after English.
    out.push(' ');
    out.extend(std::iter::repeat_n(PAD, letters / 3));
    out.push(CLOSE);
    out
}

/// What a pseudo draft starts and ends with, and grows by: characters with no meaning in
/// Markdown or Fluent.
const OPEN: char = '⟦';
const CLOSE: char = '⟧';
const PAD: char = '·';

/// How a target language writes decimals and thousands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberStyle {
    /// `1,000.5` (English).
    Point,
    /// `1.000,5` (Greek, Italian, Romanian, Turkish).
    CommaDot,
    /// `1 000,5` with a no-break space (Finnish, Hungarian, Lithuanian).
    CommaSpace,
}

impl NumberStyle {
    pub fn of(locale: &str) -> NumberStyle {
        match crate::glossary::normalize::language(locale).as_str() {
            "el" | "it" | "ro" | "tr" | "de" | "es" | "pt" | "nl" => NumberStyle::CommaDot,
            "fi" | "hu" | "lt" | "fr" | "sv" | "pl" | "cs" | "et" => NumberStyle::CommaSpace,
            _ => NumberStyle::Point,
        }
    }
}

/// Rewrites English number separators the way `style` writes them (`0.5` → `0,5`,
/// `1,000` → `1.000`), so pseudo drafts pass the same number checks as real ones.
pub fn localize_numbers(text: &str, style: NumberStyle) -> String {
    if style == NumberStyle::Point {
        return text.to_owned();
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    for (i, &c) in chars.iter().enumerate() {
        let between_digits = i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        match (c, between_digits) {
            ('.', true) => out.push(','),
            (',', true)
                if chars[i + 1..]
                    .iter()
                    .take_while(|d| d.is_ascii_digit())
                    .count()
                    == 3 =>
            {
                out.push(if style == NumberStyle::CommaDot {
                    '.'
                } else {
                    '\u{a0}'
                });
            }
            _ => out.push(c),
        }
    }
    out
}

fn accent(c: char) -> char {
    match c {
        'a' => 'à',
        'c' => 'ç',
        'e' => 'é',
        'i' => 'î',
        'n' => 'ñ',
        'o' => 'ö',
        's' => 'š',
        'u' => 'ü',
        'y' => 'ý',
        'A' => 'À',
        'C' => 'Ç',
        'E' => 'É',
        'I' => 'Î',
        'N' => 'Ñ',
        'O' => 'Ö',
        'S' => 'Š',
        'U' => 'Ü',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_target_language() {
        assert_eq!(
            localize_numbers("0.075 mg, 1,000 mL, v5.0", NumberStyle::of("fi")),
            "0,075 mg, 1\u{a0}000 mL, v5,0"
        );
        assert_eq!(
            localize_numbers("0.5 mg, 1,000 mL", NumberStyle::of("el-CY")),
            "0,5 mg, 1.000 mL"
        );
        assert_eq!(localize_numbers("0.5 mg", NumberStyle::of("en")), "0.5 mg");
    }

    #[test]
    fn accents_letters_keeps_tags_entities_and_numbers_and_grows() {
        assert_eq!(
            pseudo("Give <x id=\"1\"/> 5 mg &lt; <g id=\"2\">now</g>"),
            "⟦Gîvé <x id=\"1\"/> 5 mg &lt; <g id=\"2\">ñöw</g> ···⟧"
        );
        assert_eq!(
            pseudo("50 units in CTCAE at 38.0 °C"),
            "⟦50 units îñ CTCAE àt 38.0 °C ·····⟧"
        );
    }

    #[test]
    fn drafts_keep_the_markdown_structure_wherever_they_go() {
        use crate::segment::{ModuleStructure, Replacement};
        use crate::span::Span;
        let texts = [
            "Flow diagram: green results go to routine review",
            "about ~5 mg, then ~10 mg",
            "Figure 1",
            // Kept as it is (an acronym): `[OK ]` would be a link to the definition below.
            "OK",
        ];
        for text in texts {
            for (before, after) in [
                ("", "\n"),
                ("![", "](fig/a.svg)\n"),
                ("| ", " | Dose |\n|---|---|\n| a | b |\n"),
                ("| Drug | Dose |\n|---|---|\n| a | ", " |\n"),
                ("- ", "\n- b\n"),
                ("*", "* and ~b~\n"),
                ("", "\n\n[ok]: https://example.org/ok\n"),
            ] {
                let module = format!("{before}{text}{after}");
                let draft = Replacement {
                    span: Span::new(before.len(), before.len() + text.len()),
                    // As it is: without the escaping the build adds.
                    text: pseudo(text),
                };
                let structure = ModuleStructure::new(&module, 0);
                assert_eq!(
                    structure.breaking(&module, &[draft]),
                    [],
                    "{module:?} with {:?}",
                    pseudo(text)
                );
            }
        }
    }
}
