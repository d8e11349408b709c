//! What CAT tools record beside XLIFF's own `state`: their review status and who changed a unit
//! when. A tool's status wins over `state`, which these tools leave stale or never write.
//!
//! | tool | status → kurso | who / when |
//! |---|---|---|
//! | Trados Studio (`sdl:seg conf`, per segment; the unit takes its least advanced segment) | no `conf` → Draft with target text, else New; `Draft` → Draft; `Translated` → Translated; `RejectedTranslation`, `RejectedSignOff` → Draft (a reviewer sent it back); `ApprovedTranslation` → Reviewed; `ApprovedSignOff` → Final | the most recent segment's `sdl:value` `last_modified_by`, `modified_on` (`MM/dd/yyyy HH:mm:ss` → ISO 8601) |
//! | memoQ (`mq:status` on `<trans-unit>`) | `NotStarted` → New; `PartiallyEdited`, `Edited`, `Pretranslated`, `MachineTranslated`, `AssembledFromFragments`, `Rejected` → Draft; `ManuallyConfirmed`, `Confirmed` → Translated; `Proofread`, `ProofreadConfirmed`, `Reviewer1Confirmed` → Reviewed; `Reviewer2Confirmed` → Final; others: XLIFF `state` | `mq:lastchanginguser`, `mq:lastchangedtimestamp` (memoQ's `0001-01-01…` means never) |
//! | Phrase (`m:confirmed` on `<trans-unit>`, workflow step `m:level` on `<xliff>`) | `1` → Translated (Reviewed from step 2 on); `0` → Draft (MT, TM or typed, not confirmed) | `m:modified-by` (the user's name from `<m:users>` when listed), `m:modified-at` (ms since 1970 → ISO 8601) |
//!
//! memoQ's `translate="no"` (a locked segment) changes nothing: the unit is read with its status.
//!
//! The tool whose status was read names the packet's tool (`Packet.tool`: `Trados Studio`,
//! `memoQ`, `Phrase`) when the header names none or only kurso: Trados and Phrase write no
//! `<tool>`, and a tool that keeps kurso's header still did the translating.

use std::collections::HashMap;

use super::phase_date;
use super::tree::Element;
use crate::exchange::model::State;

pub const SDL: &str = "http://sdl.com/FileTypes/SdlXliff/1.0";
pub const MEMOQ: &str = "MQXliff";
pub const PHRASE: &str = "http://www.memsource.com/mxlf/2.0";

/// A tool's status of one unit.
#[derive(Debug, Default)]
pub struct ToolStatus {
    /// The tool that recorded it: `Trados Studio`, `memoQ`, `Phrase`.
    pub tool: &'static str,
    pub state: Option<State>,
    pub changed_by: Option<String>,
    pub changed_on: Option<String>,
}

/// Per-file facts the unit readers need: Phrase's workflow step and user names.
#[derive(Debug, Default)]
pub struct ToolContext {
    pub phrase_level: u32,
    pub phrase_users: HashMap<String, String>,
}

impl ToolContext {
    pub fn new(root: &Element) -> Self {
        let phrase_level = root
            .attr_ns(PHRASE, "level")
            .and_then(|level| level.trim().parse().ok())
            .unwrap_or(1);
        let mut phrase_users = HashMap::new();
        for extra in root.children_named(PHRASE, "extra") {
            for users in extra.children_named(PHRASE, "users") {
                for user in users.children_named(PHRASE, "user") {
                    let name = user.attr("username").or_else(|| user.attr("fullname"));
                    if let (Some(id), Some(name)) = (user.attr("id"), name) {
                        phrase_users.insert(id.to_owned(), name.to_owned());
                    }
                }
            }
        }
        ToolContext {
            phrase_level,
            phrase_users,
        }
    }

    /// The status a tool recorded on `unit`, if any tool did.
    pub fn status(&self, unit: &Element, has_target: bool) -> Option<ToolStatus> {
        trados(unit, has_target)
            .or_else(|| memoq(unit))
            .or_else(|| self.phrase(unit, has_target))
    }

    fn phrase(&self, unit: &Element, has_target: bool) -> Option<ToolStatus> {
        let confirmed = unit.attr_ns(PHRASE, "confirmed")?;
        let state = match (confirmed.trim(), has_target) {
            (_, false) => State::New,
            ("1", true) if self.phrase_level >= 2 => State::Reviewed,
            ("1", true) => State::Translated,
            _ => State::Draft,
        };
        let changed_by = unit.attr_ns(PHRASE, "modified-by").map(|id| {
            self.phrase_users
                .get(id)
                .cloned()
                .unwrap_or_else(|| id.to_owned())
        });
        let changed_on = unit
            .attr_ns(PHRASE, "modified-at")
            .and_then(phase_date::from_epoch_millis);
        Some(ToolStatus {
            tool: "Phrase",
            state: Some(state),
            changed_by,
            changed_on,
        })
    }
}

fn trados(unit: &Element, has_target: bool) -> Option<ToolStatus> {
    let segments: Vec<&Element> = unit
        .children_named(SDL, "seg-defs")
        .flat_map(|defs| defs.children_named(SDL, "seg"))
        .collect();
    if segments.is_empty() {
        return None;
    }
    let state = segments
        .iter()
        .map(|segment| match segment.attr("conf") {
            _ if !has_target => State::New,
            Some("Translated") => State::Translated,
            Some("ApprovedTranslation") => State::Reviewed,
            Some("ApprovedSignOff") => State::Final,
            // No conf (typed, not confirmed), Draft, RejectedTranslation, RejectedSignOff and
            // anything newer.
            _ => State::Draft,
        })
        .min();
    let value = |segment: &Element, key: &str| {
        segment
            .children_named(SDL, "value")
            .find(|value| value.attr("key") == Some(key))
            .map(|value| value.text().trim().to_owned())
    };
    let latest = segments
        .iter()
        .filter_map(|segment| {
            let on = value(segment, "modified_on").and_then(|on| phase_date::from_trados(&on))?;
            Some((on, value(segment, "last_modified_by")))
        })
        .max_by(|a, b| a.0.cmp(&b.0));
    let (changed_on, changed_by) = match latest {
        Some((on, by)) => (Some(on), by),
        None => (None, None),
    };
    Some(ToolStatus {
        tool: "Trados Studio",
        state,
        changed_by,
        changed_on,
    })
}

fn memoq(unit: &Element) -> Option<ToolStatus> {
    let status = unit.attr_ns(MEMOQ, "status")?;
    let state = match status.trim().to_lowercase().as_str() {
        "notstarted" => Some(State::New),
        "partiallyedited"
        | "edited"
        | "pretranslated"
        | "machinetranslated"
        | "assembledfromfragments"
        | "rejected" => Some(State::Draft),
        "manuallyconfirmed" | "confirmed" => Some(State::Translated),
        "proofread" | "proofreadconfirmed" | "reviewer1confirmed" => Some(State::Reviewed),
        "reviewer2confirmed" => Some(State::Final),
        _ => None,
    };
    let changed_on = unit
        .attr_ns(MEMOQ, "lastchangedtimestamp")
        .filter(|on| !on.starts_with("0001-"))
        .map(str::to_owned);
    let changed_by = unit
        .attr_ns(MEMOQ, "lastchanginguser")
        .filter(|by| !by.is_empty() && changed_on.is_some())
        .map(str::to_owned);
    Some(ToolStatus {
        tool: "memoQ",
        state,
        changed_by,
        changed_on,
    })
}
