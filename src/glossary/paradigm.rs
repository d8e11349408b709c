//! Inflection without an analyser: is a word of a translation an inflected form of a term's
//! word? Each language's paradigm is data (`paradigms/<lang>.txt`, with its grammar reference;
//! the format is in `paradigms/README.md`): the lemma's stems (endings stripped, alternations
//! such as Romanian `pacient`/`pacienți`, Finnish consonant gradation `syöpä`/`syövän`) and
//! slots of inflectional endings. A word is a form of a lemma when it is a stem followed by at
//! most one ending of each slot, in order.
//!
//! Invariant: derivational suffixes are never in a table, so a word derived from the term
//! (`ápolási` from `ápoló`, `raskaana` from `raskaus`) is not a form of it; a shared prefix is
//! not enough. Languages without a file compare words as folded, nothing more.

use std::collections::HashSet;
use std::sync::OnceLock;

/// One language's paradigm, parsed from its file.
#[derive(Debug, Default)]
#[expect(
    clippy::struct_excessive_bools,
    reason = "each is one independent line of a paradigm file"
)]
pub struct Paradigm {
    /// Compounds are written as one word (Finnish, Hungarian).
    pub compounds: bool,
    /// A stripped stem is a word by itself.
    bare_stem: bool,
    strip: Vec<String>,
    /// (from, to, the first letters an ending must start with; empty: any).
    alternations: Vec<(String, String, String)>,
    finnish_gradation: bool,
    assimilate_v: bool,
    slots: Vec<HashSet<String>>,
    /// The longest ending of any slot, in bytes.
    longest: usize,
}

/// A stem of a lemma, and what must follow it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stem {
    pub text: String,
    /// The first letters the ending must start with (empty: any).
    before: String,
    /// The stem needs an ending.
    needs_ending: bool,
    /// Only the assimilated `-val/-vel`, `-vá/-vé` may follow (`gyógytornássz` + `al`).
    assimilated: bool,
}

/// Files of [`Paradigm::of`], by language subtag.
const FILES: [(&str, &str); 7] = [
    ("el", include_str!("paradigms/el.txt")),
    ("fi", include_str!("paradigms/fi.txt")),
    ("hu", include_str!("paradigms/hu.txt")),
    ("it", include_str!("paradigms/it.txt")),
    ("lt", include_str!("paradigms/lt.txt")),
    ("ro", include_str!("paradigms/ro.txt")),
    ("tr", include_str!("paradigms/tr.txt")),
];

/// Finnish consonant gradation, strong grade first.
const GRADATION: [(&str, &str); 13] = [
    ("kk", "k"),
    ("pp", "p"),
    ("tt", "t"),
    ("nk", "ng"),
    ("mp", "mm"),
    ("lt", "ll"),
    ("nt", "nn"),
    ("rt", "rr"),
    ("ht", "hd"),
    ("lk", "lj"),
    ("p", "v"),
    ("t", "d"),
    ("k", ""),
];

/// Hungarian digraphs: their first letter is doubled (`sz` → `ssz`).
const DIGRAPHS: [&str; 7] = ["sz", "zs", "cs", "gy", "ly", "ny", "ty"];

fn is_vowel(c: char) -> bool {
    "aeiouyäöåáéíóúőűüıâîăàèìòùαεηιουωё".contains(c)
}

impl Paradigm {
    /// The paradigm of a language subtag, or `None` for a language without a file.
    pub fn of(lang: &str) -> Option<&'static Paradigm> {
        static PARSED: OnceLock<Vec<(&'static str, Paradigm)>> = OnceLock::new();
        let parsed = PARSED.get_or_init(|| {
            FILES
                .iter()
                .map(|(lang, text)| (*lang, Paradigm::parse(text)))
                .collect()
        });
        parsed.iter().find(|(l, _)| *l == lang).map(|(_, p)| p)
    }

    /// Reads a paradigm file (a compiled-in table: an unknown line is a bug caught by the
    /// tests, and is skipped).
    pub fn parse(text: &str) -> Paradigm {
        let mut paradigm = Paradigm::default();
        for line in text.lines() {
            let line = line.split('#').next().unwrap_or_default().trim();
            let Some((key, value)) = line.split_once(':') else {
                continue;
            };
            let words = || value.split_whitespace().map(str::to_owned);
            match key.trim() {
                "compounds" => paradigm.compounds = value.trim() == "yes",
                "bare-stem" => paradigm.bare_stem = value.trim() == "yes",
                "assimilate-v" => paradigm.assimilate_v = value.trim() == "yes",
                "gradation" => paradigm.finnish_gradation = value.trim() == "fi",
                "strip" => paradigm.strip.extend(words()),
                "alternate" => {
                    let parts: Vec<String> = words().map(|w| w.replace('-', "")).collect();
                    if let [from, to, rest @ ..] = parts.as_slice() {
                        let before = rest.first().cloned().unwrap_or_default();
                        paradigm
                            .alternations
                            .push((from.clone(), to.clone(), before));
                    }
                }
                slot if slot.starts_with("slot") => paradigm.slots.push(words().collect()),
                _ => {}
            }
        }
        paradigm.longest = paradigm
            .slots
            .iter()
            .flatten()
            .map(String::len)
            .max()
            .unwrap_or(0);
        paradigm
    }

    /// The stems of a folded lemma.
    pub fn stems(&self, lemma: &str) -> Vec<Stem> {
        let whole = Stem {
            text: lemma.to_owned(),
            before: String::new(),
            needs_ending: false,
            assimilated: false,
        };
        let mut stems = vec![whole];
        for ending in &self.strip {
            if let Some(stem) = lemma.strip_suffix(ending.as_str())
                && stem.chars().count() >= 2
            {
                stems.push(Stem {
                    text: stem.to_owned(),
                    before: String::new(),
                    needs_ending: !self.bare_stem,
                    assimilated: false,
                });
            }
        }
        // Alternations apply to stems and to their own results once more (`potilas` →
        // `potilaa` → `potila` before the plural `-ita`).
        let mut from = 0;
        for _ in 0..2 {
            let now = stems.len();
            for k in from..now {
                for (ending, replacement, before) in &self.alternations {
                    if let Some(head) = stems[k].text.strip_suffix(ending.as_str())
                        && !head.is_empty()
                    {
                        let stem = Stem {
                            text: [head, replacement.as_str()].concat(),
                            before: if before.is_empty() {
                                stems[k].before.clone()
                            } else {
                                before.clone()
                            },
                            ..stems[k]
                        };
                        if !stems.contains(&stem) {
                            stems.push(stem);
                        }
                    }
                }
            }
            from = now;
        }
        if self.finnish_gradation {
            let now = stems.len();
            for k in 0..now {
                for text in graded(&stems[k].text) {
                    let mut stem = stems[k].clone();
                    stem.text = text;
                    stems.push(stem);
                }
            }
        }
        if self.assimilate_v {
            let now = stems.len();
            for k in 0..now {
                if let Some(doubled) = doubled_final_consonant(&stems[k].text) {
                    stems.push(Stem {
                        text: doubled,
                        before: String::new(),
                        needs_ending: true,
                        assimilated: true,
                    });
                }
            }
        }
        stems.dedup();
        stems
    }

    /// Whether `word` is a form of the lemma whose stems are `stems`.
    pub fn is_form(&self, stems: &[Stem], word: &str) -> bool {
        stems.iter().any(|stem| {
            let Some(rest) = word.strip_prefix(stem.text.as_str()) else {
                return false;
            };
            if rest.is_empty() {
                return !stem.needs_ending && stem.before.is_empty();
            }
            if !stem.before.is_empty() && !rest.starts_with(|c| stem.before.contains(c)) {
                return false;
            }
            if stem.assimilated {
                return ["al", "el", "á", "é"].contains(&rest);
            }
            self.endings(rest, 0)
        })
    }

    /// `rest` is one ending of each of some of the slots from `slot` on, in order.
    fn endings(&self, rest: &str, slot: usize) -> bool {
        if rest.is_empty() {
            return true;
        }
        if slot >= self.slots.len() || rest.len() > self.longest * (self.slots.len() - slot) {
            return false;
        }
        let cuts = rest
            .char_indices()
            .skip(1)
            .map(|(at, _)| at)
            .chain(std::iter::once(rest.len()));
        for cut in cuts {
            if self.slots[slot].contains(&rest[..cut]) && self.endings(&rest[cut..], slot + 1) {
                return true;
            }
        }
        // The slot may be empty.
        self.endings(rest, slot + 1)
    }
}

/// The other grade of the last consonant cluster before the final vowels of `stem`
/// (`syöpä` → `syövä`, `lääke` → `lääkke`, `vajaatoiminta` → `vajaatoiminna`).
fn graded(stem: &str) -> Vec<String> {
    let chars: Vec<char> = stem.chars().collect();
    let mut end = chars.len();
    while end > 0 && !is_vowel(chars[end - 1]) {
        end -= 1;
    }
    let mut vowels = end;
    while vowels > 0 && is_vowel(chars[vowels - 1]) {
        vowels -= 1;
    }
    if vowels == 0 || vowels == end {
        return Vec::new();
    }
    let head: String = chars[..vowels].iter().collect();
    let tail: String = chars[vowels..].iter().collect();
    let mut out = Vec::new();
    for (strong, weak) in GRADATION {
        if let Some(before) = head.strip_suffix(strong)
            && !before.is_empty()
        {
            out.push(format!("{before}{weak}{tail}"));
        }
        if !weak.is_empty()
            && let Some(before) = head.strip_suffix(weak)
            && !before.is_empty()
        {
            out.push(format!("{before}{strong}{tail}"));
        }
    }
    // The weak grade of `k` is nothing: `reikä` / `reiän`; and an -e stem's lost `k`
    // returns (`hylje` / `hylkeen`) only through the analyser.
    out
}

/// A consonant-final stem with its last consonant doubled, digraphs by their first letter
/// (`gyógytornász` → `gyógytornássz`); `None` after a vowel.
fn doubled_final_consonant(stem: &str) -> Option<String> {
    let last = stem.chars().last()?;
    if is_vowel(last) || !last.is_alphabetic() {
        return None;
    }
    if let Some(digraph) = DIGRAPHS.iter().find(|d| stem.ends_with(*d)) {
        let head = &stem[..stem.len() - digraph.len()];
        let first = &digraph[..1];
        return Some(format!("{head}{first}{digraph}"));
    }
    Some(format!("{stem}{last}"))
}

#[cfg(test)]
mod tests;
