//! A term found inside a longer term of another concept belongs to that concept: `javallat`
//! (indication) in Hungarian `ellenjavallat` (contraindication), `kalio` (potassium) in
//! Lithuanian `kalio chloridas` (potassium chloride). Which other terms to try comes from an
//! index of the stems of every approved term's first word, built on first use.

use rustc_hash::FxHashMap;

use super::{Matcher, Mode, Run, Target, TermForms, runs};
use crate::glossary::model::TermStatus;

/// Languages whose multi-word terms put the head noun first (`cloruro di potassio`).
const HEAD_FIRST: [&str; 6] = ["it", "ro", "fr", "es", "pt", "ca"];

impl Matcher {
    /// Whether the words of `run` (a term of concept `owner`) are part of a longer approved
    /// term of another concept (`javallat` in `ellenjavallat`, `κάλιο` in `χλωριούχο κάλιο`).
    pub(super) fn shadowed(
        &self,
        owner: usize,
        term: &TermForms,
        run: &Run,
        target: &Target,
    ) -> bool {
        let index = self.first_stems.get_or_init(|| self.index_first_stems());
        let from = run.first.saturating_sub(3);
        for i in from..=run.last {
            let word = &target.tokens[i].folded;
            let prefixes = word
                .char_indices()
                .skip(2)
                .map(|(at, _)| at)
                .chain(std::iter::once(word.len()));
            for at in prefixes {
                let Some(terms) = index.get(&word[..at]) else {
                    continue;
                };
                for &(concept, which) in terms {
                    if concept == owner {
                        continue;
                    }
                    let other = &self.targets[concept][which];
                    let covers = |r: &Run| self.inside(run, term, r, other);
                    let matches = |k: usize, i: usize| {
                        self.word_matches(other, k, target, i, Mode::Lenient, false)
                    };
                    if runs(target.tokens.len(), other.words.len(), matches).any(|r| covers(&r)) {
                        return true;
                    }
                }
            }
        }
        false
    }

    /// Whether `run` (a term of a concept) sits in `other_run` (a longer term of another
    /// concept) as a part that is not the other term's head: one word that is the whole of a
    /// single-word term (`javallat` in `ellenjavallat`), or a modifier in a term of at most
    /// three words (`kalio` in `kalio chloridas`, `potassio` in `cloruro di potassio`). A
    /// term that is the head of the longer one still counts (`annos` in `enimmäisannos 24
    /// tunnin aikana` is a dose; `medicul oncolog` in `medicul oncolog curant` an oncologist).
    fn inside(&self, run: &Run, term: &TermForms, other_run: &Run, other: &TermForms) -> bool {
        if other_run.first > run.first || run.last > other_run.last {
            return false;
        }
        if other.words.len() == 1 {
            return other_run.first == run.first
                && other_run.last == run.last
                && other.text.chars().count() > term.text.chars().count();
        }
        if other.words.len() > 3 || (other_run.first, other_run.last) == (run.first, run.last) {
            return false;
        }
        // Romance terms put the head first, the others last.
        if HEAD_FIRST.contains(&self.target_lang.as_str()) {
            run.first > other_run.first
        } else {
            run.last < other_run.last
        }
    }

    fn index_first_stems(&self) -> FxHashMap<String, Vec<(usize, usize)>> {
        let mut index: FxHashMap<String, Vec<(usize, usize)>> = FxHashMap::default();
        for (concept, terms) in self.targets.iter().enumerate() {
            for (which, term) in terms.iter().enumerate() {
                if term.status == TermStatus::Forbidden {
                    continue;
                }
                let Some(stems) = term.stems.first() else {
                    continue;
                };
                for stem in stems {
                    index
                        .entry(stem.text.clone())
                        .or_default()
                        .push((concept, which));
                }
            }
        }
        index
    }
}
