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

/// Pseudo-localizes a masked text: `<…>` tags and `&…;` entities are copied as they are.
pub fn pseudo(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    out.push('[');
    let mut letters = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '<' => {
                out.push(c);
                for t in chars.by_ref() {
                    out.push(t);
                    if t == '>' {
                        break;
                    }
                }
            }
            '&' => {
                out.push(c);
                for t in chars.by_ref() {
                    out.push(t);
                    if t == ';' {
                        break;
                    }
                }
            }
            _ => {
                if c.is_alphabetic() {
                    letters += 1;
                }
                out.push(accent(c));
            }
        }
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
    }
}
