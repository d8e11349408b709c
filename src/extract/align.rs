//! Keeping message IDs stable across re-extraction.
//!
//! The new segments of a file are aligned with the messages extracted last time:
//! pinned IDs first; then a sequence diff of the texts (unchanged blocks keep their IDs);
//! then blocks whose exact text moved; then edited blocks, paired with the most similar
//! removed message (word-level similarity of at least [`MIN_SIMILARITY`]). What is left is
//! new (a fresh ID, never one in use or retired) or removed (its ID is retired for good).

use std::collections::{BTreeSet, HashMap, HashSet};

use similar::{Algorithm, DiffOp, capture_diff_slices, get_diff_ratio};

use crate::segment::Segment;

/// Below this word-level similarity an edited block counts as a different block.
pub const MIN_SIMILARITY: f32 = 0.5;
/// The lower bar for a block edited in place, with unchanged blocks on both sides.
pub const MIN_IN_PLACE_SIMILARITY: f32 = 0.2;
/// Past this many candidate pairs, edited blocks are not paired (each side is treated as
/// added and removed), which bounds the cost of a rewritten file.
const MAX_SIMILARITY_PAIRS: usize = 40_000;

/// A message of the previous extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OldMessage {
    pub id: String,
    pub text: String,
}

/// What happened to a segment's message since the last extraction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    Unchanged,
    /// Same text, new place.
    Moved,
    /// Edited text; the ID is kept and translations become stale.
    Changed {
        old_text: String,
    },
    Added,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alignment {
    /// The ID of each segment, in segment order.
    pub ids: Vec<String>,
    pub changes: Vec<Change>,
    /// IDs of old messages with no segment any more.
    pub removed: Vec<String>,
    /// Every retired ID after this extraction (old retired + removed − re-pinned), sorted.
    pub retired: BTreeSet<String>,
}

/// Aligns `segments` with the previous messages `old` and the `retired` IDs.
/// Duplicate pins must have been rejected by the caller; a repeated pin here is ignored.
pub fn align_ids(
    segments: &[Segment],
    old: &[OldMessage],
    retired: &BTreeSet<String>,
) -> Alignment {
    let mut ids: Vec<Option<String>> = vec![None; segments.len()];
    let mut changes: Vec<Option<Change>> = vec![None; segments.len()];
    let mut old_used = vec![false; old.len()];
    let old_index: HashMap<&str, usize> = old
        .iter()
        .enumerate()
        .map(|(idx, m)| (m.id.as_str(), idx))
        .collect();

    // 1. Pinned IDs win.
    let mut pinned: HashSet<&str> = HashSet::new();
    for (seg_idx, segment) in segments.iter().enumerate() {
        let Some(pin) = &segment.pin else { continue };
        if !pinned.insert(pin.id.as_str()) {
            continue;
        }
        ids[seg_idx] = Some(pin.id.clone());
        changes[seg_idx] = Some(match old_index.get(pin.id.as_str()) {
            Some(&old_idx) => {
                old_used[old_idx] = true;
                if old[old_idx].text == segment.text {
                    Change::Unchanged
                } else {
                    Change::Changed {
                        old_text: old[old_idx].text.clone(),
                    }
                }
            }
            None => Change::Added,
        });
    }

    // 2. Sequence diff of the rest: equal runs keep their IDs.
    let free_new: Vec<usize> = (0..segments.len())
        .filter(|&idx| ids[idx].is_none())
        .collect();
    let free_old: Vec<usize> = (0..old.len())
        .filter(|&idx| !old_used[idx] && !pinned.contains(old[idx].id.as_str()))
        .collect();
    let new_texts: Vec<&str> = free_new
        .iter()
        .map(|&idx| segments[idx].text.as_str())
        .collect();
    let old_texts: Vec<&str> = free_old.iter().map(|&idx| old[idx].text.as_str()).collect();
    let mut one_for_one = Vec::new();
    for op in capture_diff_slices(Algorithm::Myers, &old_texts, &new_texts) {
        if let DiffOp::Replace {
            old_index,
            old_len: 1,
            new_index,
            new_len: 1,
        } = op
        {
            one_for_one.push((free_new[new_index], free_old[old_index]));
        }
        if let DiffOp::Equal {
            old_index,
            new_index,
            len,
        } = op
        {
            for offset in 0..len {
                let (old_idx, seg_idx) =
                    (free_old[old_index + offset], free_new[new_index + offset]);
                ids[seg_idx] = Some(old[old_idx].id.clone());
                changes[seg_idx] = Some(Change::Unchanged);
                old_used[old_idx] = true;
            }
        }
    }

    // 3. Exact text elsewhere: moved.
    let mut by_text: HashMap<&str, Vec<usize>> = HashMap::new();
    for &old_idx in free_old.iter().rev() {
        if !old_used[old_idx] {
            by_text
                .entry(old[old_idx].text.as_str())
                .or_default()
                .push(old_idx);
        }
    }
    for &seg_idx in &free_new {
        if ids[seg_idx].is_some() {
            continue;
        }
        if let Some(old_idx) = by_text
            .get_mut(segments[seg_idx].text.as_str())
            .and_then(Vec::pop)
        {
            ids[seg_idx] = Some(old[old_idx].id.clone());
            changes[seg_idx] = Some(Change::Moved);
            old_used[old_idx] = true;
        }
    }

    // 4. Edited: pair by similarity, best first.
    let open_new: Vec<usize> = free_new
        .iter()
        .copied()
        .filter(|&idx| ids[idx].is_none())
        .collect();
    let open_old: Vec<usize> = free_old
        .iter()
        .copied()
        .filter(|&idx| !old_used[idx])
        .collect();
    if !open_new.is_empty() && open_new.len() * open_old.len() <= MAX_SIMILARITY_PAIRS {
        let mut candidates = Vec::new();
        for &seg_idx in &open_new {
            for &old_idx in &open_old {
                let score = similarity(&old[old_idx].text, &segments[seg_idx].text);
                if score >= MIN_SIMILARITY {
                    candidates.push((score, seg_idx, old_idx));
                }
            }
        }
        // Highest similarity first; ties go to the earlier segment and the earlier message.
        candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        for (_, seg_idx, old_idx) in candidates {
            if ids[seg_idx].is_some() || old_used[old_idx] {
                continue;
            }
            ids[seg_idx] = Some(old[old_idx].id.clone());
            changes[seg_idx] = Some(Change::Changed {
                old_text: old[old_idx].text.clone(),
            });
            old_used[old_idx] = true;
        }
    }

    // A block replaced in place between unchanged neighbours is an edit even when few words
    // survive (a renamed heading), as long as some do.
    for (seg_idx, old_idx) in one_for_one {
        if ids[seg_idx].is_none()
            && !old_used[old_idx]
            && similarity(&old[old_idx].text, &segments[seg_idx].text) >= MIN_IN_PLACE_SIMILARITY
        {
            ids[seg_idx] = Some(old[old_idx].id.clone());
            changes[seg_idx] = Some(Change::Changed {
                old_text: old[old_idx].text.clone(),
            });
            old_used[old_idx] = true;
        }
    }

    // 5. Removed messages retire their IDs; pinned IDs come back to life.
    let removed: Vec<String> = (0..old.len())
        .filter(|&idx| !old_used[idx])
        .map(|idx| old[idx].id.clone())
        .collect();
    let mut retired: BTreeSet<String> = retired.iter().chain(&removed).cloned().collect();
    for id in &pinned {
        retired.remove(*id);
    }

    // 6. New blocks get fresh IDs that clash with nothing in use or retired.
    let mut taken: HashSet<String> = ids.iter().flatten().cloned().collect();
    taken.extend(retired.iter().cloned());
    taken.extend(old.iter().map(|message| message.id.clone()));
    for (seg_idx, segment) in segments.iter().enumerate() {
        if ids[seg_idx].is_none() {
            let id = fresh_id(&segment.derived_id, &taken);
            taken.insert(id.clone());
            ids[seg_idx] = Some(id);
            changes[seg_idx] = Some(Change::Added);
        }
    }

    Alignment {
        ids: ids
            .into_iter()
            .map(|id| id.expect("every segment has an ID"))
            .collect(),
        changes: changes
            .into_iter()
            .map(|change| change.expect("every segment has a change"))
            .collect(),
        removed,
        retired,
    }
}

/// Word-level similarity in 0..=1 (1 = identical): matched words over all words, ignoring
/// punctuation, markup and case.
pub fn similarity(old: &str, new: &str) -> f32 {
    if old == new {
        return 1.0;
    }
    let old_words = words(old);
    let new_words = words(new);
    let (shorter, longer) = if old_words.len() < new_words.len() {
        (old_words.len(), new_words.len())
    } else {
        (new_words.len(), old_words.len())
    };
    // Cheap bound: texts of very different length cannot be similar enough.
    #[allow(clippy::cast_precision_loss)]
    if longer == 0 || (2 * shorter) as f32 / ((shorter + longer) as f32) < MIN_IN_PLACE_SIMILARITY {
        return 0.0;
    }
    let ops = capture_diff_slices(Algorithm::Myers, &old_words, &new_words);
    get_diff_ratio(&ops, old_words.len(), new_words.len())
}

fn words(text: &str) -> Vec<String> {
    text.split(|ch: char| !ch.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// `derived`, or the next free variant of it: the trailing number counts up
/// (`consent-p2` → `consent-p3`), or `-2`, `-3`… is appended.
fn fresh_id(derived: &str, taken: &HashSet<String>) -> String {
    if !taken.contains(derived) {
        return derived.to_owned();
    }
    let digits = derived.bytes().rev().take_while(u8::is_ascii_digit).count();
    let (stem, start) = if digits > 0 && digits < derived.len() {
        let (stem, number) = derived.split_at(derived.len() - digits);
        (stem.to_owned(), number.parse::<u64>().unwrap_or(1) + 1)
    } else {
        (format!("{derived}-"), 2)
    };
    // `taken` is finite, so one of its len + 1 next candidates is free.
    (start..=start + taken.len() as u64)
        .map(|n| format!("{stem}{n}"))
        .find(|candidate| !taken.contains(candidate))
        .expect("a finite set leaves one of len + 1 candidates free")
}

#[cfg(test)]
mod tests;
