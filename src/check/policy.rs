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

use globset::GlobMatcher;

use super::finding::{Finding, Level};

/// The check policy of a project.
#[derive(Debug, Clone, Default)]
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
pub fn comment_allows(comment: &[String]) -> impl Iterator<Item = &str> {
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
        finding.level = self.level(finding.rule, finding.level, &finding.locale);
        if finding.level == Level::Off || self.allow.iter().any(|allow| allow.matches(&finding)) {
            return None;
        }
        Some(finding)
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
        let comment = vec![
            "kurso-allow untranslated, length: product name".to_owned(),
            "kurso-allow numbers:".to_owned(),
        ];
        assert_eq!(
            comment_allows(&comment).collect::<Vec<_>>(),
            ["untranslated", "length"]
        );
    }
}
