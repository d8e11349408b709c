//! The unit written after a number: the table of `units.txt` (SI symbols, clinical units and
//! each language's words for them), read once, and the reader that finds a unit, or a unit
//! over a unit (`mL/h`, `ml/óra`, `mg/kg/h`), right after a number.
//!
//! Invariant: a unit is a canonical name from the table (`ml`, `h`, `mcg`), or such names
//! joined by `/`; `name/?` is an *open* unit, a unit over something the table does not know
//! (`g/24 h`), which agrees with any unit of the same numerator.

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

use super::scan::SPACES;
use crate::glossary::normalize::fold;

/// One way a unit is written: the folded spelling, and whether it is a prefix (`tunn*`).
#[derive(Debug)]
struct Spelling {
    text: String,
    prefix: bool,
    canonical: &'static str,
}

/// The spellings of `units.txt` by language subtag (`*` for every language), longest first.
static UNITS: LazyLock<FxHashMap<&'static str, Vec<Spelling>>> = LazyLock::new(|| {
    let mut table: FxHashMap<&'static str, Vec<Spelling>> = FxHashMap::default();
    let lines = include_str!("units.txt").lines();
    for line in lines.filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        let mut fields = line.split('\t');
        let (Some(canonical), Some(language), Some(spellings)) =
            (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        for spelling in spellings.split(' ').filter(|s| !s.is_empty()) {
            let (text, prefix) = match spelling.strip_suffix('*') {
                Some(stem) => (stem, true),
                None => (spelling, false),
            };
            table.entry(language).or_default().push(Spelling {
                text: fold(language, text),
                prefix,
                canonical,
            });
        }
    }
    for spellings in table.values_mut() {
        spellings.sort_by_key(|s| std::cmp::Reverse(s.text.chars().count()));
    }
    table
});

/// The length in bytes of the start of `rest` that folds to `spelling`, if it does.
fn folded_prefix(rest: &str, spelling: &str, language: &str) -> Option<usize> {
    let n_chars = spelling.chars().count();
    let end = rest
        .char_indices()
        .nth(n_chars)
        .map_or(rest.len(), |(at, _)| at);
    let head = &rest[..end];
    (head.chars().count() == n_chars && fold(language, head) == spelling).then_some(end)
}

/// One unit (no `/`) at the start of `rest` in `language`: its canonical name and length.
fn one_unit(rest: &str, language: &str) -> Option<(&'static str, usize)> {
    let languages = [language, "*"];
    let candidates = languages
        .iter()
        .filter_map(|l| UNITS.get(l))
        .flat_map(|spellings| spellings.iter());
    // Only spellings that start with the same letter are folded and compared.
    let first = fold(language, &rest.chars().next()?.to_string());
    let mut best: Option<(&'static str, usize)> = None;
    for spelling in candidates.filter(|s| s.text.starts_with(&first)) {
        let Some(mut end) = folded_prefix(rest, &spelling.text, language) else {
            continue;
        };
        let next = rest[end..].chars().next();
        if spelling.prefix {
            // The rest of the word is its ending.
            end += rest[end..]
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(rest.len() - end);
        } else {
            let single = spelling.text.chars().count() == 1;
            let bounded = next.is_none_or(|c| !(c.is_alphanumeric() || (single && c == '\'')));
            // `°C` and `%` end where they end; a word or symbol ends at a word boundary.
            let symbol = !spelling.text.ends_with(char::is_alphanumeric);
            if !(bounded || symbol) {
                continue;
            }
        }
        if best.is_none_or(|(_, length)| end > length) {
            best = Some((spelling.canonical, end));
        }
    }
    best
}

/// The unit right after byte `end` of `text` in `language`: (canonical, as written), and where
/// it ends. After a `/`, a known unit joins it (`ml/óra` is `ml/h`); anything else leaves it
/// open (`g/24 h` is `g/?`).
pub fn unit_after(text: &str, end: usize, language: &str) -> Option<((String, String), usize)> {
    let rest = &text[end..];
    let rest = rest.strip_prefix(SPACES).unwrap_or(rest);
    let start = text.len() - rest.len();
    let (first, mut length) = one_unit(rest, language)?;
    let mut canonical = first.to_owned();
    while let Some(after) = rest[length..].strip_prefix('/') {
        let Some((next, next_length)) = one_unit(after, language) else {
            canonical.push_str("/?");
            break;
        };
        canonical.push('/');
        canonical.push_str(next);
        length += 1 + next_length;
    }
    let written = rest[..length].to_owned();
    Some(((canonical, written), start + length))
}

/// The unit written right before byte `start` of `text`, for the languages that write `%`
/// first (Turkish `%5`).
pub fn unit_before(text: &str, start: usize) -> Option<(String, String)> {
    text[..start]
        .ends_with('%')
        .then(|| ("%".to_owned(), "%".to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn unit(language: &str, text: &str) -> Option<String> {
        unit_after(text, 0, language).map(|((canonical, _), _)| canonical)
    }

    #[test]
    fn symbols_words_and_rates() {
        assert_eq!(unit("en", " mL/h").as_deref(), Some("ml/h"));
        assert_eq!(unit("hu", " ml/óra").as_deref(), Some("ml/h"));
        assert_eq!(unit("hu", " ml/perc").as_deref(), Some("ml/min"));
        assert_eq!(unit("tr", " mL/saat'in").as_deref(), Some("ml/h"));
        assert_eq!(unit("lt", " ml/val.").as_deref(), Some("ml/h"));
        assert_eq!(unit("en", " mg/kg/h").as_deref(), Some("mg/kg/h"));
        assert_eq!(unit("hu", " mg/ttkg").as_deref(), Some("mg/kg"));
        assert_eq!(unit("en", " g/24 h").as_deref(), Some("g/?"));
        assert_eq!(unit("fi", " tunnin välein").as_deref(), Some("h"));
        assert_eq!(unit("fi", " minuutin välein").as_deref(), Some("min"));
        assert_eq!(unit("el", " ΩΡΕΣ").as_deref(), Some("h"));
        assert_eq!(unit("el", "ωρο").as_deref(), Some("h"));
        assert_eq!(unit("fi", " ml:aan").as_deref(), Some("ml"));
        assert_eq!(unit("fi", " °C").as_deref(), Some("°c"));
        assert_eq!(unit("en", "%").as_deref(), Some("%"));
        assert_eq!(unit("en", " mmol/L").as_deref(), Some("mmol/l"));
        assert_eq!(unit("en", " mg/m²").as_deref(), Some("mg/m²"));
    }

    #[test]
    fn words_that_only_start_like_a_unit_are_not_units() {
        assert_eq!(unit("en", " mga"), None);
        assert_eq!(unit("en", " lessons"), None);
        // An English word is not read in another language, and the other way round.
        assert_eq!(unit("fi", " hours"), None);
        assert_eq!(unit("en", " tunnin"), None);
        assert_eq!(unit("it", " l'acqua"), None);
    }
}
