//! What a build ships: `[build]` of kurso.toml, per project and per locale, and the verdict
//! on one translation (ship it, hold it back, or block its module).
//!
//! ```toml
//! [build]
//! ship = ["edited", "reviewed", "approved"]   # the statuses that ship
//! stale = "fallback"        # fallback | ship | block
//! unverified = "fallback"   # fallback | ship
//!
//! [build.locales.lt]        # one locale, over [build]
//! ship = ["reviewed", "approved"]
//! ```
//!
//! Invariant: by default a machine draft never ships (`machine` is not in the default
//! `ship`), nor a translation made from older English (`stale = "fallback"`), nor one with no
//! record of the English it was made from (`unverified = "fallback"`): the message falls
//! back along the chain. A text taken from a fallback locale must pass the rules of both
//! locales (the stricter wins): el's machine draft does not reach an el-CY reader either.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::path::Path;

use serde::{Deserialize, Serialize};
use toml::Spanned;
use unic_langid::LanguageIdentifier;

use crate::diagnostic::Diagnostic;
use crate::locale::parse_locale_code;
use crate::state::{Record, Status};

/// What to do with a translation made from older English.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StaleAction {
    /// Ship it anyway (listed).
    Ship,
    /// Hold it back: the message falls back along the chain.
    #[default]
    Fallback,
    /// Do not build its module: the previous output stays and the build fails.
    Block,
}

/// What to do with a translation that has no state record.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UnverifiedAction {
    /// Ship it (listed).
    Ship,
    /// Hold it back: the message falls back along the chain.
    #[default]
    Fallback,
}

/// The statuses that ship when kurso.toml does not say: what a person made or checked.
pub const DEFAULT_SHIP: [Status; 3] = [Status::Edited, Status::Reviewed, Status::Approved];

/// The rules of one locale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Rules {
    pub ship: BTreeSet<Status>,
    pub stale: StaleAction,
    pub unverified: UnverifiedAction,
}

impl Default for Rules {
    fn default() -> Self {
        Rules {
            ship: DEFAULT_SHIP.into_iter().collect(),
            stale: StaleAction::default(),
            unverified: UnverifiedAction::default(),
        }
    }
}

impl Rules {
    /// The rules for text of one locale shown to readers of another: the stricter of the
    /// two (a status ships only if both ship it; the stronger action wins).
    fn stricter(&self, other: &Rules) -> Rules {
        Rules {
            ship: self.ship.intersection(&other.ship).copied().collect(),
            stale: self.stale.max(other.stale),
            unverified: self.unverified.max(other.unverified),
        }
    }
}

/// Rules for one locale as written: only what it overrides.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct LocaleRules {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ship: Option<BTreeSet<Status>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stale: Option<StaleAction>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unverified: Option<UnverifiedAction>,
}

/// `[build]` of kurso.toml, validated.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct ShipPolicy {
    #[serde(flatten)]
    pub rules: Rules,
    /// Overrides by locale code (as `LanguageIdentifier` prints it).
    pub locales: BTreeMap<String, LocaleRules>,
}

/// `[build]` as written in kurso.toml.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawBuild {
    ship: Option<BTreeSet<Status>>,
    stale: Option<StaleAction>,
    unverified: Option<UnverifiedAction>,
    locales: Option<BTreeMap<Spanned<String>, LocaleRules>>,
}

impl ShipPolicy {
    /// Validates `[build]` of kurso.toml (`text`, at `path`): statuses and actions are
    /// known (serde names a misspelt one at its line), every locale is a target locale.
    pub(crate) fn from_raw(
        path: &Path,
        text: &str,
        raw: RawBuild,
        targets: &[LanguageIdentifier],
    ) -> Result<ShipPolicy, Diagnostic> {
        let mut policy = ShipPolicy::default();
        if let Some(ship) = raw.ship {
            policy.rules.ship = ship;
        }
        if let Some(stale) = raw.stale {
            policy.rules.stale = stale;
        }
        if let Some(unverified) = raw.unverified {
            policy.rules.unverified = unverified;
        }
        for (code, rules) in raw.locales.unwrap_or_default() {
            let offset = code.span().start;
            let parsed = parse_locale_code(code.get_ref()).map_err(|message| {
                Diagnostic::error_at(path, text, offset, message)
                    .with_help("use a BCP 47 code such as `el`, `el-CY` or `fi`")
            })?;
            if !targets.contains(&parsed) {
                return Err(Diagnostic::error_at(
                    path,
                    text,
                    offset,
                    format!("`{parsed}` is not a target locale of this project"),
                )
                .with_help("use one of `target-locales`; the source locale is always shipped"));
            }
            policy.locales.insert(parsed.to_string(), rules);
        }
        Ok(policy)
    }

    /// The rules of `locale`: its overrides over the project's.
    pub fn rules(&self, locale: &LanguageIdentifier) -> Rules {
        let mut rules = self.rules.clone();
        if let Some(own) = self.locales.get(&locale.to_string()) {
            if let Some(ship) = &own.ship {
                rules.ship.clone_from(ship);
            }
            if let Some(stale) = own.stale {
                rules.stale = stale;
            }
            if let Some(unverified) = own.unverified {
                rules.unverified = unverified;
            }
        }
        rules
    }

    /// The rules for text of `from` (a locale of `built`'s chain) in the build of `built`.
    pub fn rules_for(&self, built: &LanguageIdentifier, from: &LanguageIdentifier) -> Rules {
        let rules = self.rules(built);
        if built == from {
            rules
        } else {
            rules.stricter(&self.rules(from))
        }
    }
}

/// Why the policy holds a translation back (or would, for a preview's marked drafts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Hold {
    /// Its status is not one the locale ships (`machine`: a draft nobody reviewed).
    Status(Status),
    /// The English changed since it was translated.
    Stale,
    /// No state record: nobody recorded which English it was made from.
    Unverified,
    /// Its state file could not be read, so nothing is known about it.
    UnreadableState,
}

impl fmt::Display for Hold {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Hold::Status(Status::Machine) => f.write_str("machine draft, not reviewed"),
            Hold::Status(status) => write!(f, "{status}, not a status this locale ships"),
            Hold::Stale => f.write_str("stale: the English changed since it was translated"),
            Hold::Unverified => f.write_str("no record of the English it was made from"),
            Hold::UnreadableState => f.write_str("state file unreadable"),
        }
    }
}

/// The policy's word on one translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Ship,
    /// Ships because the rules say so (`stale = "ship"`, `unverified = "ship"`); listed.
    ShipDespite(Hold),
    /// Held back: the message falls back along the chain.
    Hold(Hold),
    /// Stale under `stale = "block"`: its module is not built.
    Block,
}

/// The verdict on a translation whose state is `record` (`None`: no record; `Err`: the
/// state file cannot be read) when today's English is `english`.
pub fn verdict(record: Result<Option<&Record>, ()>, english: &str, rules: &Rules) -> Verdict {
    let record = match record {
        Err(()) => return Verdict::Hold(Hold::UnreadableState),
        Ok(None) => {
            return match rules.unverified {
                UnverifiedAction::Ship => Verdict::ShipDespite(Hold::Unverified),
                UnverifiedAction::Fallback => Verdict::Hold(Hold::Unverified),
            };
        }
        Ok(Some(record)) => record,
    };
    if !rules.ship.contains(&record.status) {
        return Verdict::Hold(Hold::Status(record.status));
    }
    if record.source != english {
        return match rules.stale {
            StaleAction::Ship => Verdict::ShipDespite(Hold::Stale),
            StaleAction::Fallback => Verdict::Hold(Hold::Stale),
            StaleAction::Block => Verdict::Block,
        };
    }
    Verdict::Ship
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;

    fn locale(code: &str) -> LanguageIdentifier {
        code.parse().expect("valid locale")
    }

    fn policy(text: &str) -> ShipPolicy {
        Config::parse(Path::new("kurso.toml"), text)
            .expect("valid")
            .build
    }

    #[track_caller]
    fn check_error(text: &str, expected: &str) {
        let err = Config::parse(Path::new("kurso.toml"), text).expect_err("invalid");
        assert_eq!(format!("{}: {}", err.location(), err.message), expected);
    }

    fn record(status: Status, source: &str) -> Record {
        let mut record = Record::human(source.to_owned(), status);
        if status == Status::Machine {
            "pseudo".clone_into(&mut record.origin);
        }
        record
    }

    #[test]
    fn by_default_what_a_person_made_or_checked_ships_and_nothing_else() {
        let rules = Rules::default();
        let v = |r: Result<Option<&Record>, ()>| verdict(r, "Give 5 mg.", &rules);
        assert_eq!(
            v(Ok(Some(&record(Status::Machine, "Give 5 mg.")))),
            Verdict::Hold(Hold::Status(Status::Machine))
        );
        for status in [Status::Edited, Status::Reviewed, Status::Approved] {
            assert_eq!(v(Ok(Some(&record(status, "Give 5 mg.")))), Verdict::Ship);
        }
        assert_eq!(
            v(Ok(Some(&record(Status::Approved, "Give 50 mg.")))),
            Verdict::Hold(Hold::Stale)
        );
        assert_eq!(v(Ok(None)), Verdict::Hold(Hold::Unverified));
        assert_eq!(v(Err(())), Verdict::Hold(Hold::UnreadableState));
    }

    #[test]
    fn a_stale_machine_draft_is_held_for_being_a_draft() {
        let rules = Rules {
            stale: StaleAction::Block,
            ..Rules::default()
        };
        assert_eq!(
            verdict(Ok(Some(&record(Status::Machine, "old"))), "new", &rules),
            Verdict::Hold(Hold::Status(Status::Machine))
        );
        assert_eq!(
            verdict(Ok(Some(&record(Status::Edited, "old"))), "new", &rules),
            Verdict::Block
        );
    }

    #[test]
    fn ship_and_unverified_can_be_relaxed_and_are_then_listed() {
        let policy = policy(
            "target-locales = [\"el\", \"lt\"]\n[build]\nstale = \"ship\"\nunverified = \"ship\"\n",
        );
        let rules = policy.rules(&locale("el"));
        assert_eq!(
            verdict(Ok(Some(&record(Status::Edited, "old"))), "new", &rules),
            Verdict::ShipDespite(Hold::Stale)
        );
        assert_eq!(
            verdict(Ok(None), "new", &rules),
            Verdict::ShipDespite(Hold::Unverified)
        );
    }

    #[test]
    fn a_locale_overrides_the_project() {
        let policy = policy(
            "target-locales = [\"el\", \"lt\"]\n[build]\nship = [\"approved\"]\n[build.locales.lt]\nship = [\"machine\", \"edited\"]\nstale = \"block\"\n",
        );
        let lt = policy.rules(&locale("lt"));
        assert_eq!(lt.ship, BTreeSet::from([Status::Machine, Status::Edited]));
        assert_eq!(lt.stale, StaleAction::Block);
        let el = policy.rules(&locale("el"));
        assert_eq!(el.ship, BTreeSet::from([Status::Approved]));
        assert_eq!(el.stale, StaleAction::Fallback);
    }

    #[test]
    fn text_from_a_fallback_locale_passes_both_locales_rules() {
        let policy = policy(
            "target-locales = [\"el\", \"el-CY\"]\n[build.locales.el-CY]\nship = [\"machine\", \"edited\", \"reviewed\", \"approved\"]\nstale = \"block\"\n",
        );
        let rules = policy.rules_for(&locale("el-CY"), &locale("el"));
        assert!(!rules.ship.contains(&Status::Machine), "el ships no drafts");
        assert_eq!(rules.stale, StaleAction::Block, "el-CY's stricter action");
        let own = policy.rules_for(&locale("el-CY"), &locale("el-CY"));
        assert!(own.ship.contains(&Status::Machine));
    }

    #[test]
    fn a_misspelt_status_or_action_names_its_line() {
        check_error(
            "[build]\nship = [\"edited\", \"reveiwed\"]\n",
            "kurso.toml:2:19: unknown variant `reveiwed`, expected one of `machine`, `edited`, `reviewed`, `approved`",
        );
        check_error(
            "[build]\nstale = \"warn\"\n",
            "kurso.toml:2:9: unknown variant `warn`, expected one of `ship`, `fallback`, `block`",
        );
        check_error(
            "[build]\nunverified = \"block\"\n",
            "kurso.toml:2:14: unknown variant `block`, expected `ship` or `fallback`",
        );
        check_error(
            "target-locales = [\"lt\"]\n[build.locales.lt]\nstael = \"ship\"\n",
            "kurso.toml:3:1: unknown field `stael`, expected one of `ship`, `stale`, `unverified`",
        );
    }

    #[test]
    fn a_locale_outside_the_project_is_an_error() {
        check_error(
            "target-locales = [\"el\"]\n[build.locales.fi]\nship = [\"approved\"]\n",
            "kurso.toml:2:16: `fi` is not a target locale of this project",
        );
        check_error(
            "target-locales = [\"el\"]\n[build.locales.en]\nship = [\"approved\"]\n",
            "kurso.toml:2:16: `en` is not a target locale of this project",
        );
    }
}
