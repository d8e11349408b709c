//! Which translation each message of a module is built from: the one mechanism for "this
//! translation is not used; fall back along the chain".
//!
//! Every message has its candidates in chain order (the built locale first; the source
//! text is what remains when none is left). The build takes the first candidate `[build]`
//! lets through: one it holds back is passed over and listed, and a stale one under
//! `stale = "block"` stops the whole module. While the chosen texts would change the
//! module's Markdown structure, each message that breaks it is passed over the same way and
//! moves on to its next usable candidate. In a preview every candidate is usable (the caller
//! marks what a real build would hold back); the structure still rules.

use std::borrow::Cow;
use std::path::Path;

use unic_langid::LanguageIdentifier;

use super::NotUsedBecause;
use super::policy::Verdict;
use crate::segment::StructureChange;

/// A translation a message could be built from.
pub(super) struct Candidate<'a> {
    pub locale: &'a LanguageIdentifier,
    /// The text as it is built (with the draft mark in a preview).
    pub value: Cow<'a, str>,
    pub verdict: Verdict,
    /// The translation file, relative to the project, its text, and the message's offset.
    pub path: &'a Path,
    pub text: &'a str,
    pub offset: usize,
}

/// The candidate chosen for each message, and what was passed over.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Choice {
    /// Per message, the index of its chosen candidate; past the end: the source text.
    pub chosen: Vec<usize>,
    /// (message, candidate, why) of each candidate passed over, in the order met.
    pub passed: Vec<(usize, usize, NotUsedBecause)>,
    /// (message, candidate) of each stale translation that blocks the module.
    pub blocking: Vec<(usize, usize)>,
}

/// Chooses a candidate for every message. `breaking` answers which of the chosen texts
/// (message index, text) would change the structure, by position, with the change.
pub(super) fn choose(
    candidates: &[Vec<Candidate<'_>>],
    preview: bool,
    breaking: impl Fn(&[(usize, &str)]) -> Vec<(usize, StructureChange)>,
) -> Choice {
    let mut choice = Choice {
        chosen: vec![0; candidates.len()],
        passed: Vec::new(),
        blocking: Vec::new(),
    };
    for index in 0..candidates.len() {
        choice.settle(candidates, index, preview);
    }
    while choice.blocking.is_empty() {
        let chosen: Vec<(usize, &str)> = candidates
            .iter()
            .enumerate()
            .filter_map(|(index, found)| {
                found
                    .get(choice.chosen[index])
                    .map(|candidate| (index, candidate.value.as_ref()))
            })
            .collect();
        let broken = breaking(&chosen);
        if broken.is_empty() {
            break;
        }
        for (position, change) in broken {
            let index = chosen[position].0;
            choice.passed.push((
                index,
                choice.chosen[index],
                NotUsedBecause::Structure(change),
            ));
            choice.chosen[index] += 1;
            choice.settle(candidates, index, preview);
        }
    }
    choice
}

impl Choice {
    /// Moves message `index` from its current candidate on to the first the build may use,
    /// passing over what the policy holds back (nothing, in a preview).
    fn settle(&mut self, candidates: &[Vec<Candidate<'_>>], index: usize, preview: bool) {
        while let Some(candidate) = candidates[index].get(self.chosen[index]) {
            match candidate.verdict {
                Verdict::Hold(hold) if !preview => {
                    self.passed
                        .push((index, self.chosen[index], NotUsedBecause::Held(hold)));
                    self.chosen[index] += 1;
                }
                Verdict::Block if !preview => {
                    self.blocking.push((index, self.chosen[index]));
                    return;
                }
                _ => return,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::build::policy::Hold;
    use crate::segment::{Element, Mark, StructureChange};
    use crate::state::Status;

    fn locales() -> [LanguageIdentifier; 2] {
        [
            "el-CY".parse().expect("valid"),
            "el".parse().expect("valid"),
        ]
    }

    fn candidate<'a>(
        locale: &'a LanguageIdentifier,
        value: &'a str,
        verdict: Verdict,
    ) -> Candidate<'a> {
        Candidate {
            locale,
            value: Cow::Borrowed(value),
            verdict,
            path: Path::new("x.ftl"),
            text: "",
            offset: 0,
        }
    }

    fn change() -> StructureChange {
        StructureChange {
            expected: Some(Mark::Open(Element::Paragraph)),
            found: Some(Mark::Open(Element::List(false))),
        }
    }

    const MACHINE: Verdict = Verdict::Hold(Hold::Status(Status::Machine));

    #[test]
    fn held_candidates_are_passed_over_and_listed() {
        let [cy, el] = locales();
        let candidates = vec![
            vec![
                candidate(&cy, "a", MACHINE),
                candidate(&el, "b", Verdict::Ship),
            ],
            vec![candidate(&cy, "c", MACHINE), candidate(&el, "d", MACHINE)],
            vec![
                candidate(&cy, "e", Verdict::Ship),
                candidate(&el, "f", MACHINE),
            ],
        ];
        let choice = choose(&candidates, false, |_| Vec::new());
        assert_eq!(choice.chosen, [1, 2, 0]);
        let held = NotUsedBecause::Held(Hold::Status(Status::Machine));
        assert_eq!(
            choice.passed,
            [(0, 0, held.clone()), (1, 0, held.clone()), (1, 1, held)],
            "el's draft behind el-CY's own text was not needed and is not listed"
        );
    }

    #[test]
    fn a_preview_uses_drafts_but_not_what_breaks_the_structure() {
        let [cy, el] = locales();
        let candidates = vec![vec![
            candidate(&cy, "broken", MACHINE),
            candidate(&el, "ok", Verdict::Block),
        ]];
        let choice = choose(&candidates, true, |chosen| {
            chosen
                .iter()
                .enumerate()
                .filter(|(_, (_, text))| *text == "broken")
                .map(|(position, _)| (position, change()))
                .collect()
        });
        assert_eq!(choice.chosen, [1]);
        assert_eq!(choice.passed, [(0, 0, NotUsedBecause::Structure(change()))]);
        assert!(choice.blocking.is_empty());
    }

    #[test]
    fn a_stale_translation_under_block_stops_the_module() {
        let [cy, el] = locales();
        let candidates = vec![
            vec![candidate(&cy, "a", Verdict::Ship)],
            vec![
                candidate(&cy, "b", MACHINE),
                candidate(&el, "c", Verdict::Block),
            ],
        ];
        let choice = choose(&candidates, false, |_| Vec::new());
        assert_eq!(choice.blocking, [(1, 1)]);
    }

    #[test]
    fn a_structure_fallback_skips_held_candidates_too() {
        let [cy, el] = locales();
        let candidates = vec![vec![
            candidate(&cy, "broken", Verdict::Ship),
            candidate(&el, "draft", MACHINE),
        ]];
        let choice = choose(&candidates, false, |chosen| {
            chosen
                .iter()
                .enumerate()
                .filter(|(_, (_, text))| *text == "broken")
                .map(|(position, _)| (position, change()))
                .collect()
        });
        assert_eq!(choice.chosen, [2], "built from the source");
        assert_eq!(choice.passed.len(), 2);
    }
}
