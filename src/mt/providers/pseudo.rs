//! `pseudo`: pseudo-localization, offline, no key. Letters become accented look-alikes and
//! each text grows by about a third, inside brackets, so a layout shows what is translated,
//! what is not, and where longer languages will overflow. Placeholders, numbers and URLs are
//! untouched. The default provider, so the README's main job runs with no key and no network.

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
        Box::pin(async move { Ok(Reply::Done(batch.texts.iter().map(|t| pseudo(t)).collect())) })
    }
}

/// Pseudo-localizes a masked text: `<…>` tags and `&…;` entities are copied as they are, and
/// so are acronyms (`CTCAE`) and unit words after a number (`5 mg`, `50 units`, `38 °C`),
/// which checks compare with the English.
pub fn pseudo(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    out.push('[');
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
    out.push_str(&"~".repeat(letters / 3));
    out.push(']');
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
    fn accents_letters_keeps_tags_entities_and_numbers_and_grows() {
        assert_eq!(
            pseudo("Give <x id=\"1\"/> 5 mg &lt; <g id=\"2\">now</g>"),
            "[Gîvé <x id=\"1\"/> 5 mg &lt; <g id=\"2\">ñöw</g> ~~~]"
        );
        assert_eq!(
            pseudo("50 units in CTCAE at 38.0 °C"),
            "[50 units îñ CTCAE àt 38.0 °C ~~~~~]"
        );
    }
}
