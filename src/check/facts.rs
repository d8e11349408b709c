//! What the pair rules derive from an English entry alone (the glossary concepts it uses, its
//! visible length, its normalized text), computed once per run and shared by every locale
//! checked against it.
//!
//! `check_layout` checks one locale at a time against the same reference documents, so without
//! this each English message would be analysed again for each locale (for the glossary: its
//! words folded, stemmed and run through the term automaton). The cache is made for one run
//! (one glossary, one reference), holds a slot per entry of each reference document, filled on
//! first use, and is read without locks by the parallel workers. A document's slots are made
//! when one of its entries is first asked about, by the worker checking it: made all at once
//! on the thread that sets up the run, they would be a megabyte of fresh memory written while
//! the workers wait (Thunderbird: 5,900 entries). A run of one locale keeps nothing: each fact
//! is needed once.
//!
//! Invariant: a slot holds exactly what the rule would compute for that entry in this run; an
//! English entry that is not one of the run's reference documents (a fixture, a draft being
//! verified) is computed each time, never cached.

use std::borrow::Cow;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::doc::{Entry, FtlDoc};
use crate::check::rules::markup::Inventory;
use crate::check::rules::numbers::EnglishNumbers;
use crate::glossary::matcher::Spotted;

/// Per-entry facts about the reference documents of one run.
#[derive(Debug, Default)]
pub struct SourceFacts {
    /// Keyed by the address of a reference document (they live as long as the run); one slot
    /// per body entry of that document, made on first use.
    by_doc: FxHashMap<usize, DocFacts>,
}

/// The slots of one reference document: as many as its body has entries, made on first use.
#[derive(Debug)]
struct DocFacts {
    entries: usize,
    slots: OnceLock<Box<[EntryFacts]>>,
}

impl DocFacts {
    fn slot(&self, body_index: usize) -> Option<&EntryFacts> {
        self.slots
            .get_or_init(|| (0..self.entries).map(|_| EntryFacts::default()).collect())
            .get(body_index)
    }
}

/// What is known about one English entry, each fact computed on first use. Per pattern means
/// the value, then the attributes in order (`Entry::patterns`).
#[derive(Debug, Default)]
pub struct EntryFacts {
    /// The glossary concepts each pattern uses, as `Matcher::spot` finds them in its visible
    /// text. The same for every locale: spotting reads only the English and the glossary's
    /// English terms.
    pub spotted: OnceLock<PerPattern<Vec<Spotted>>>,
    /// The longest visible length of each pattern's renderings (`length`).
    pub visible_lengths: OnceLock<Vec<usize>>,
    /// Each pattern flattened with its blanks collapsed (`untranslated`).
    pub normalized: OnceLock<Vec<String>>,
    /// The most ordinary words among each pattern's renderings (`untranslated`).
    pub ordinary_words: OnceLock<Vec<usize>>,
    /// Each pattern's numbers and words, per rendering (`numbers`).
    pub numbers: OnceLock<EnglishNumbers>,
    /// Each pattern's markup, per rendering (`markup`).
    pub markup: OnceLock<PerPattern<Vec<Inventory>>>,
}

/// A fact per pattern of an English entry (`Entry::patterns` order), with a mask of the
/// patterns whose fact tells something (a concept spotted, some markup). Most tell nothing, and
/// the mask, kept inline with the entry's facts, answers for them without reading the facts
/// themselves, which lie elsewhere in memory (reading them was a cache miss per message and
/// locale).
#[derive(Debug, Clone, Default)]
pub struct PerPattern<T> {
    facts: Vec<T>,
    /// Bit `i`: pattern `i` tells something; bit 63 stands for pattern 63 and every later one.
    telling: u64,
}

impl<T> PerPattern<T> {
    /// The facts of an entry's patterns, `tells` saying which of them tell something.
    pub fn new(facts: Vec<T>, tells: impl Fn(&T) -> bool) -> PerPattern<T> {
        let telling = facts
            .iter()
            .enumerate()
            .filter(|(index, fact)| *index > 63 || tells(fact))
            .fold(0, |mask, (index, _)| mask | 1 << index.min(63));
        PerPattern { facts, telling }
    }

    /// Whether the fact of pattern `index` may tell something: `false` only when it does not.
    pub fn tells(&self, index: usize) -> bool {
        self.telling & 1 << index.min(63) != 0
    }

    /// The fact of pattern `index`.
    pub fn get(&self, index: usize) -> Option<&T> {
        self.facts.get(index)
    }
}

impl SourceFacts {
    /// The cache for a run checking `n_locales` locales against `docs`: slots for every entry
    /// when two or more locales share them, none for one locale (each fact is then needed
    /// once, and keeping it would only hold memory).
    pub fn shared_by<'a>(
        n_locales: usize,
        docs: impl IntoIterator<Item = &'a FtlDoc>,
    ) -> SourceFacts {
        if n_locales > 1 {
            SourceFacts::new(docs)
        } else {
            SourceFacts::default()
        }
    }

    /// Slots for every entry of `docs` (the run's reference documents), each document's made
    /// when it is first used.
    pub fn new<'a>(docs: impl IntoIterator<Item = &'a FtlDoc>) -> SourceFacts {
        let by_doc = docs
            .into_iter()
            .map(|doc| {
                let facts = DocFacts {
                    entries: doc.body().len(),
                    slots: OnceLock::new(),
                };
                (std::ptr::from_ref(doc) as usize, facts)
            })
            .collect();
        SourceFacts { by_doc }
    }

    /// The fact `which` of `source`: from the cache when `source` is one of the run's
    /// reference entries (`compute` runs once per entry and run), else from `compute`.
    pub fn get<T: Clone>(
        &self,
        source: Entry<'_>,
        which: fn(&EntryFacts) -> &OnceLock<T>,
        compute: impl FnOnce() -> T,
    ) -> Cow<'_, T> {
        let cached = self
            .by_doc
            .get(&(std::ptr::from_ref(source.doc) as usize))
            .and_then(|doc| doc.slot(source.info.body_index));
        match cached {
            Some(facts) => Cow::Borrowed(which(facts).get_or_init(compute)),
            None => Cow::Owned(compute()),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;
    use std::path::PathBuf;

    use super::*;

    fn doc(text: &str) -> FtlDoc {
        FtlDoc::parse(PathBuf::from("en/x.ftl"), text.to_owned())
    }

    #[test]
    fn a_reference_entry_is_spotted_once_per_run_and_an_outside_entry_each_time() {
        let reference = doc("a = A\nb = B\n");
        let outside = doc("a = A\n");
        let facts = SourceFacts::new([&reference]);
        let calls = Cell::new(0);
        let spotted = |source, spot: &dyn Fn() -> PerPattern<Vec<Spotted>>| {
            let found = facts.get(source, |f| &f.spotted, spot);
            found.get(0).expect("the value's")[0].concept
        };
        let spot = |concept: usize| {
            calls.set(calls.get() + 1);
            let found = vec![Spotted {
                concept,
                text: String::new(),
                start: 0,
                end: 0,
            }];
            PerPattern::new(vec![found], |found| !found.is_empty())
        };
        let a = reference.get("a").expect("a");
        let b = reference.get("b").expect("b");
        assert_eq!(spotted(a, &|| spot(1)), 1);
        // Cached: the second locale's call does not spot again, and gets the first answer.
        assert_eq!(spotted(a, &|| spot(2)), 1);
        assert_eq!(calls.get(), 1);
        // Each entry has its own slot.
        assert_eq!(spotted(b, &|| spot(3)), 3);
        assert_eq!(calls.get(), 2);
        // An entry of another document (a draft being verified) is never cached.
        let other = outside.get("a").expect("a");
        assert_eq!(spotted(other, &|| spot(4)), 4);
        assert_eq!(spotted(other, &|| spot(5)), 5);
        assert_eq!(calls.get(), 4);
    }

    #[test]
    fn the_mask_tells_every_pattern_that_tells_and_only_those_below_63() {
        let facts: Vec<usize> = (0..70).map(|i| usize::from(i % 3 == 0)).collect();
        let per_pattern = PerPattern::new(facts, |fact| *fact > 0);
        for index in 0..63 {
            assert_eq!(per_pattern.tells(index), index % 3 == 0, "pattern {index}");
        }
        // From pattern 63 on, one bit stands for all: it may tell.
        assert!((63..70).all(|index| per_pattern.tells(index)));
        assert_eq!(per_pattern.get(69), Some(&1));
        assert_eq!(per_pattern.get(70), None);
        let quiet = PerPattern::new(vec![0; 64], |fact| *fact > 0);
        assert!((0..64).all(|index| !quiet.tells(index)));
    }

    #[test]
    fn a_run_of_one_locale_keeps_nothing() {
        let reference = doc("a = A\n");
        let a = reference.get("a").expect("a");
        let one = SourceFacts::shared_by(1, [&reference]);
        assert_eq!(*one.get(a, |f| &f.visible_lengths, || vec![1]), [1]);
        assert_eq!(*one.get(a, |f| &f.visible_lengths, || vec![2]), [2]);
        let two = SourceFacts::shared_by(2, [&reference]);
        assert_eq!(*two.get(a, |f| &f.visible_lengths, || vec![1]), [1]);
        assert_eq!(*two.get(a, |f| &f.visible_lengths, || vec![2]), [1]);
    }
}
