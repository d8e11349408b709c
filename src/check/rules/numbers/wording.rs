//! The words around numbers that change what a number means: comparisons (`below`, `yli`,
//! `en az`), the words that start a new part of a sentence (`and`, `sitten`, `ve`), and the
//! word that opens a dosing interval (`every`). The phrases are data, `wording.txt`, one line
//! per language and kind, with the grammars they come from.
//!
//! Invariant: at each word the longest phrase wins, so a negated or longer phrase (`at most`,
//! `ne daugiau`, `en fazla`) is never read as the shorter phrase inside it.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::glossary::normalize::{fold, tokens};

/// What a phrase says about the numbers near it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The value is a lower bound: above, more than, at least.
    Up,
    /// The value is an upper bound: below, less than, at most.
    Down,
    /// A new part of the sentence starts: and, then, or.
    Join,
    /// A dosing interval starts: every.
    Every,
    /// A negation: not, non, nem.
    Not,
}

/// A phrase of `wording.txt`: its folded words (the last may be a prefix) and kind.
#[derive(Debug)]
struct Phrase {
    words: Vec<String>,
    last_is_prefix: bool,
    kind: Kind,
}

/// The phrases of each language subtag, longest first.
static PHRASES: LazyLock<HashMap<&'static str, Vec<Phrase>>> = LazyLock::new(|| {
    let mut table: HashMap<&'static str, Vec<Phrase>> = HashMap::new();
    let lines = include_str!("wording.txt").lines();
    for line in lines.filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        let mut fields = line.split('\t');
        let (Some(language), Some(kind), Some(phrases)) =
            (fields.next(), fields.next(), fields.next())
        else {
            continue;
        };
        let kind = match kind {
            "up" => Kind::Up,
            "down" => Kind::Down,
            "join" => Kind::Join,
            "every" => Kind::Every,
            "not" => Kind::Not,
            _ => continue,
        };
        for phrase in phrases.split(" | ") {
            let (phrase, last_is_prefix) = match phrase.trim().strip_suffix('*') {
                Some(stem) => (stem, true),
                None => (phrase.trim(), false),
            };
            let words = phrase.split(' ').map(|w| fold(language, w)).collect();
            table.entry(language).or_default().push(Phrase {
                words,
                last_is_prefix,
                kind,
            });
        }
    }
    for phrases in table.values_mut() {
        phrases.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
    }
    table
});

/// A phrase found in a text: its kind, byte range and words as written.
#[derive(Debug, Clone)]
pub struct Mark {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    pub written: String,
}

/// The phrases of `language` in `text`, in text order, none overlapping.
pub fn marks(text: &str, language: &str) -> Vec<Mark> {
    let Some(phrases) = PHRASES.get(language) else {
        return Vec::new();
    };
    let words = tokens(language, text);
    let mut out = Vec::new();
    let mut at = 0;
    while at < words.len() {
        let matches = |phrase: &&Phrase| {
            let n = phrase.words.len();
            let Some(here) = words.get(at..at + n) else {
                return false;
            };
            here.iter()
                .zip(&phrase.words)
                .enumerate()
                .all(|(k, (word, wanted))| {
                    let prefix = phrase.last_is_prefix && k + 1 == n;
                    word.folded == *wanted || (prefix && word.folded.starts_with(wanted.as_str()))
                })
        };
        match phrases.iter().find(matches) {
            Some(phrase) => {
                let last = &words[at + phrase.words.len() - 1];
                out.push(Mark {
                    kind: phrase.kind,
                    start: words[at].start,
                    end: last.end,
                    written: text[words[at].start..last.end].to_owned(),
                });
                at += phrase.words.len();
            }
            None => at += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn kinds(language: &str, text: &str) -> Vec<(Kind, String)> {
        marks(text, language)
            .into_iter()
            .map(|m| (m.kind, m.written))
            .collect()
    }

    #[test]
    fn the_longest_phrase_wins() {
        use Kind::{Down, Join, Up};
        assert_eq!(kinds("en", "at most 4 g"), [(Down, "at most".to_owned())]);
        assert_eq!(kinds("tr", "en az 5"), [(Up, "en az".to_owned())]);
        assert_eq!(kinds("tr", "%5'ten az"), [(Down, "az".to_owned())]);
        assert_eq!(kinds("tr", "en fazla 4 g"), [(Down, "en fazla".to_owned())]);
        assert_eq!(
            kinds("lt", "ne daugiau kaip 4"),
            [(Down, "ne daugiau".to_owned())]
        );
        assert_eq!(
            kinds("it", "7 o più, poi"),
            [(Up, "o più".to_owned()), (Join, "poi".to_owned())]
        );
    }

    #[test]
    fn prefixes_accents_and_case() {
        use Kind::{Down, Up};
        assert_eq!(kinds("hu", "50 feletti"), [(Up, "feletti".to_owned())]);
        assert_eq!(kinds("el", "ΚΑΤΩ ΑΠΟ 50"), [(Down, "ΚΑΤΩ ΑΠΟ".to_owned())]);
        assert_eq!(kinds("el", "υψηλότερη"), [(Up, "υψηλότερη".to_owned())]);
        assert_eq!(kinds("fi", "Ylittää 5"), [(Up, "Ylittää".to_owned())]);
        assert_eq!(kinds("xx", "below 5"), []);
    }
}
