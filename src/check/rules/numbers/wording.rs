//! The words around numbers that change what a number means: comparisons (`below`, `yli`,
//! `en az`), the words that start a new part of a sentence (`and`, `sitten`, `ve`), and the
//! word that opens a dosing interval (`every`). The phrases are data, `wording.txt`, one line
//! per language and kind, with the grammars they come from.
//!
//! Invariant: at each word the longest phrase wins, so a negated or longer phrase (`at most`,
//! `ne daugiau`, `en fazla`) is never read as the shorter phrase inside it.

use std::collections::HashMap;

use rustc_hash::FxHashMap;
use std::sync::LazyLock;

use crate::glossary::normalize::{Token, fold, tokens};

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

/// The phrases of one language, longest first, indexed by their first word.
#[derive(Debug, Default)]
struct Phrases {
    list: Vec<Phrase>,
    /// Positions in `list` of the phrases starting with a word, ascending.
    by_first: FxHashMap<String, Vec<usize>>,
    /// Positions in `list` of the one-word phrases that are a prefix (`feletti*`), ascending.
    prefixes: Vec<usize>,
}

impl Phrases {
    /// `list` sorted longest first (in file order among phrases of one length), indexed.
    fn new(mut list: Vec<Phrase>) -> Phrases {
        list.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        let mut phrases = Phrases::default();
        for (index, phrase) in list.iter().enumerate() {
            if phrase.last_is_prefix && phrase.words.len() == 1 {
                phrases.prefixes.push(index);
            } else {
                let first = phrase.words.first().cloned().unwrap_or_default();
                phrases.by_first.entry(first).or_default().push(index);
            }
        }
        phrases.list = list;
        phrases
    }

    /// The first phrase of `list` (so the longest) that the words at the start of `words`
    /// say; only phrases starting with the first word's text are tried.
    fn longest_at(&self, words: &[Token]) -> Option<&Phrase> {
        let first = &words.first()?.folded;
        let says = |&&index: &&usize| {
            let phrase = &self.list[index];
            let n = phrase.words.len();
            let Some(here) = words.get(..n) else {
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
        let exact = self
            .by_first
            .get(first)
            .and_then(|indices| indices.iter().find(says));
        let prefix = self.prefixes.iter().find(says);
        let best = match (exact, prefix) {
            (Some(a), Some(b)) => a.min(b),
            (a, b) => a.or(b)?,
        };
        Some(&self.list[*best])
    }
}

/// The phrases of each language subtag.
static PHRASES: LazyLock<FxHashMap<&'static str, Phrases>> = LazyLock::new(|| {
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
    table
        .into_iter()
        .map(|(language, list)| (language, Phrases::new(list)))
        .collect()
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
        match phrases.longest_at(&words[at..]) {
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
    fn of_the_phrases_a_text_says_the_first_of_the_longest_wins() {
        let phrase = |words: &str, kind| Phrase {
            words: words
                .trim_end_matches('*')
                .split(' ')
                .map(str::to_owned)
                .collect(),
            last_is_prefix: words.ends_with('*'),
            kind,
        };
        let phrases = Phrases::new(vec![
            phrase("abc*", Kind::Up),
            phrase("abcd", Kind::Down),
            phrase("abcd efg", Kind::Join),
            phrase("xyz", Kind::Not),
            phrase("xy*", Kind::Every),
        ]);
        let kind = |text: &str| phrases.longest_at(&tokens("en", text)).map(|p| p.kind);
        // Two words before one; among one-word phrases, the file's order, prefix or not.
        assert_eq!(kind("abcd efg"), Some(Kind::Join));
        assert_eq!(kind("abcd"), Some(Kind::Up));
        assert_eq!(kind("xyz"), Some(Kind::Not));
        assert_eq!(kind("xyzzy"), Some(Kind::Every));
        assert_eq!(kind("ab"), None);
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
