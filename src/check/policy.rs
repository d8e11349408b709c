//! Which findings count, and how much: rule levels per project and per locale, and written
//! suppressions (`kurso.toml`'s `[check]` table, and `# kurso-allow` comments in translations).
//!
//! ```toml
//! [check]
//! fail-on = "error"            # default of --fail-on
//!
//! [check.rules]                # every locale
//! length = "off"
//!
//! [check.locales.lt]           # one locale: still in progress
//! missing = "warning"
//!
//! [[check.allow]]              # one suppression; `reason` is required
//! rule = "untranslated"
//! locale = "it"                # optional
//! path = "locales/it/hpass-*/**"  # optional glob over the reported path
//! id = "ehr-title"             # optional
//! reason = "EHR is used untranslated in Italian hospitals"
//! ```

use std::collections::BTreeMap;
use std::path::Path;

use globset::GlobMatcher;
use serde::{Deserialize, Serialize};
use toml::Spanned;

use super::finding::{Finding, Level};
use super::rules;
use crate::diagnostic::Diagnostic;
use crate::locale::parse_locale_code;

/// The check policy of a project.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Policy {
    /// Default of `--fail-on`.
    pub fail_on: Option<Level>,
    /// Rule levels for every locale.
    pub rules: BTreeMap<String, Level>,
    /// Rule levels for one locale (by locale code as written), over `rules`.
    pub locales: BTreeMap<String, BTreeMap<String, Level>>,
    pub allow: Vec<Allow>,
}

/// A suppression: findings matching every given field are dropped.
#[derive(Debug, Clone)]
pub struct Allow {
    pub rule: String,
    pub locale: Option<String>,
    /// The glob as written, and its matcher.
    pub path: Option<(String, GlobMatcher)>,
    pub id: Option<String>,
    pub reason: String,
}

impl PartialEq for Allow {
    fn eq(&self, other: &Self) -> bool {
        (
            &self.rule,
            &self.locale,
            self.path.as_ref().map(|p| &p.0),
            &self.id,
            &self.reason,
        ) == (
            &other.rule,
            &other.locale,
            other.path.as_ref().map(|p| &p.0),
            &other.id,
            &other.reason,
        )
    }
}

impl Eq for Allow {}

/// `[check]` as written in kurso.toml.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub(crate) struct RawCheck {
    fail_on: Option<Spanned<String>>,
    rules: Option<BTreeMap<String, Spanned<String>>>,
    locales: Option<BTreeMap<String, BTreeMap<String, Spanned<String>>>>,
    allow: Option<Vec<Spanned<RawAllow>>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawAllow {
    rule: Spanned<String>,
    locale: Option<Spanned<String>>,
    path: Option<Spanned<String>>,
    id: Option<String>,
    reason: Option<String>,
}

/// `[check]` as `kurso config` shows it.
#[derive(Debug, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct ShownCheck {
    #[serde(skip_serializing_if = "Option::is_none")]
    fail_on: Option<String>,
    rules: BTreeMap<String, String>,
    locales: BTreeMap<String, BTreeMap<String, String>>,
    allow: Vec<BTreeMap<&'static str, String>>,
}

impl Policy {
    /// Validates `[check]` of kurso.toml (`text`, at `path`): rule codes exist, levels are
    /// valid, locales are project locales, every suppression has a reason, globs compile.
    pub(crate) fn from_raw(
        path: &Path,
        text: &str,
        raw: RawCheck,
        locales: &[unic_langid::LanguageIdentifier],
    ) -> Result<Policy, Diagnostic> {
        let err = |offset: usize, message: String, help: &str| {
            Diagnostic::error_at(path, text, offset, message).with_help(help.to_owned())
        };
        // Keys carry no span; find them in the text for the error position.
        let key_offset = |key: &str| text.find(key).unwrap_or(0);
        let level = |value: &Spanned<String>| {
            value.get_ref().parse::<Level>().map_err(|message| {
                err(
                    value.span().start + 1,
                    message,
                    "levels: error, warning, info, off",
                )
            })
        };
        let rule_code = |code: &str, offset: usize| {
            if rules::lookup(code).is_some() {
                Ok(code.to_owned())
            } else {
                Err(err(
                    offset,
                    format!("unknown rule `{code}`"),
                    "`kurso explain` lists every rule code",
                ))
            }
        };
        let mut policy = Policy::default();
        if let Some(fail_on) = raw.fail_on {
            policy.fail_on = Some(level(&fail_on)?);
        }
        for (code, value) in raw.rules.unwrap_or_default() {
            let code = rule_code(&code, key_offset(&code))?;
            policy.rules.insert(code, level(&value)?);
        }
        for (locale, table) in raw.locales.unwrap_or_default() {
            let parsed = parse_locale_code(&locale)
                .map_err(|message| err(key_offset(&locale), message, "use a BCP 47 code"))?;
            if !locales.contains(&parsed) {
                return Err(err(
                    key_offset(&format!("locales.{locale}")),
                    format!("`{locale}` is not a locale of this project"),
                    "use one of `target-locales` (or the source locale)",
                ));
            }
            let mut levels = BTreeMap::new();
            for (code, value) in table {
                let code = rule_code(&code, key_offset(&code))?;
                levels.insert(code, level(&value)?);
            }
            policy.locales.insert(locale, levels);
        }
        for entry in raw.allow.unwrap_or_default() {
            let start = entry.span().start;
            let entry = entry.into_inner();
            let rule = rule_code(entry.rule.get_ref(), entry.rule.span().start + 1)?;
            let reason = entry.reason.unwrap_or_default();
            if reason.trim().is_empty() {
                return Err(err(
                    start,
                    "a suppression needs a `reason`".to_owned(),
                    "say why these findings are acceptable, e.g. reason = \"brand name, never translated\"",
                ));
            }
            let path = match entry.path {
                Some(glob) => {
                    let matcher = globset::Glob::new(glob.get_ref())
                        .map_err(|e| {
                            err(
                                glob.span().start + 1,
                                format!("invalid glob: {e}"),
                                "e.g. \"locales/it/**\"",
                            )
                        })?
                        .compile_matcher();
                    Some((glob.into_inner(), matcher))
                }
                None => None,
            };
            policy.allow.push(Allow {
                rule,
                locale: entry.locale.map(Spanned::into_inner),
                path,
                id: entry.id,
                reason,
            });
        }
        Ok(policy)
    }

    /// The policy as `kurso config` prints it.
    pub(crate) fn shown(&self) -> ShownCheck {
        let name = |levels: &BTreeMap<String, Level>| {
            levels
                .iter()
                .map(|(code, level)| (code.clone(), level.as_str().to_owned()))
                .collect()
        };
        ShownCheck {
            fail_on: self.fail_on.map(|l| l.as_str().to_owned()),
            rules: name(&self.rules),
            locales: self
                .locales
                .iter()
                .map(|(locale, levels)| (locale.clone(), name(levels)))
                .collect(),
            allow: self
                .allow
                .iter()
                .map(|allow| {
                    let mut table = BTreeMap::new();
                    table.insert("rule", allow.rule.clone());
                    if let Some(locale) = &allow.locale {
                        table.insert("locale", locale.clone());
                    }
                    if let Some((glob, _)) = &allow.path {
                        table.insert("path", glob.clone());
                    }
                    if let Some(id) = &allow.id {
                        table.insert("id", id.clone());
                    }
                    table.insert("reason", allow.reason.clone());
                    table
                })
                .collect(),
        }
    }
}

impl Allow {
    fn matches(&self, finding: &Finding) -> bool {
        self.rule == finding.rule
            && self.locale.as_ref().is_none_or(|l| *l == finding.locale)
            && self
                .id
                .as_ref()
                .is_none_or(|id| finding.id.as_ref() == Some(id))
            && self
                .path
                .as_ref()
                .is_none_or(|(_, glob)| glob.is_match(&finding.path))
    }
}

/// The prefix of an in-file suppression comment: `# kurso-allow RULE[, RULE]: reason`.
pub const ALLOW_COMMENT: &str = "kurso-allow ";

/// Rule codes a translated entry's comment suppresses (only with a non-empty reason).
pub fn comment_allows<'a>(comment: &[&'a str]) -> impl Iterator<Item = &'a str> {
    comment.iter().flat_map(|line| {
        line.trim()
            .strip_prefix(ALLOW_COMMENT)
            .and_then(|rest| rest.split_once(':'))
            .filter(|(_, reason)| !reason.trim().is_empty())
            .map(|(codes, _)| codes.split(',').map(str::trim))
            .into_iter()
            .flatten()
    })
}

impl Policy {
    /// The level of `rule` in `locale`, from the rule's default and the policy.
    pub fn level(&self, rule: &str, default: Level, locale: &str) -> Level {
        self.locales
            .get(locale)
            .and_then(|rules| rules.get(rule))
            .or_else(|| self.rules.get(rule))
            .copied()
            .unwrap_or(default)
    }

    /// Applies levels and suppressions: returns the finding with its level set, or `None`
    /// when it is silenced (level `off`) or suppressed (an allow entry matches).
    pub fn apply(&self, mut finding: Finding) -> Option<Finding> {
        self.keep(&mut finding).then_some(finding)
    }

    /// [`Policy::apply`] in place: sets the finding's level and says whether it stays.
    pub fn keep(&self, finding: &mut Finding) -> bool {
        finding.level = self.level(finding.rule, finding.level, &finding.locale);
        finding.level != Level::Off && !self.allow.iter().any(|allow| allow.matches(finding))
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;

    fn finding(rule: &'static str, locale: &str, path: &str, id: &str) -> Finding {
        let mut f = Finding::new(rule, Level::Error, locale, PathBuf::from(path));
        f.id = Some(id.to_owned());
        f
    }

    #[test]
    fn locale_level_wins_over_project_level_and_default() {
        let mut policy = Policy::default();
        policy.rules.insert("missing".into(), Level::Warning);
        policy
            .locales
            .entry("fi".into())
            .or_default()
            .insert("missing".into(), Level::Error);
        assert_eq!(policy.level("missing", Level::Error, "lt"), Level::Warning);
        assert_eq!(policy.level("missing", Level::Warning, "fi"), Level::Error);
        assert_eq!(policy.level("stale", Level::Error, "lt"), Level::Error);
    }

    #[test]
    fn off_and_allow_drop_findings() {
        let mut policy = Policy::default();
        policy.rules.insert("length".into(), Level::Off);
        policy.allow.push(Allow {
            rule: "untranslated".into(),
            locale: Some("it".into()),
            path: Some((
                "locales/it/**".into(),
                globset::Glob::new("locales/it/**")
                    .expect("glob")
                    .compile_matcher(),
            )),
            id: None,
            reason: "brand".into(),
        });
        assert!(
            policy
                .apply(finding("length", "it", "locales/it/a.ftl", "a"))
                .is_none()
        );
        assert!(
            policy
                .apply(finding("untranslated", "it", "locales/it/a.ftl", "a"))
                .is_none()
        );
        assert!(
            policy
                .apply(finding("untranslated", "el", "locales/el/a.ftl", "a"))
                .is_some()
        );
    }

    #[test]
    fn comment_suppressions_need_a_reason() {
        let comment = [
            "kurso-allow untranslated, length: product name",
            "kurso-allow numbers:",
        ];
        assert_eq!(
            comment_allows(&comment).collect::<Vec<_>>(),
            ["untranslated", "length"]
        );
    }
}
