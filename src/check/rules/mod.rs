//! The rules of `kurso check`, one file each, with a stable code, a default level and the
//! documentation `kurso explain CODE` prints.
//!
//! Two kinds: *engine* rules (files, missing and obsolete entries, syntax, duplicates, state)
//! are found by the engine while it pairs files and messages, because they are about what
//! is absent; *pair* rules look at one English message and its translation
//! ([`MessagePair`]) and are independent of each other, so they run in parallel. One rule,
//! `structure`, looks at all the translated messages of a file with its source module,
//! because it judges them where the build puts them.
//!
//! Adding a rule: a new file with `pub const RULE: Rule`, listed in [`ALL`] (keep it sorted by
//! code); a fixture test with positive and negative cases in the file.

use rustc_hash::FxHashSet;
use unic_langid::LanguageIdentifier;

use super::doc::Entry;
use super::finding::{Finding, Level};

pub mod duplicate;
pub mod empty;
pub mod glossary;
pub mod length;
pub mod markup;
pub mod missing;
pub mod missing_file;
pub mod numbers;
pub mod obsolete;
pub mod obsolete_file;
pub mod plurals;
pub mod references;
pub mod rendering;
pub mod runtime;
pub mod stale;
pub mod structure;
pub mod syntax;
pub mod untranslated;
pub mod unverified;
pub mod variables;

/// A pair rule's check: look at one message pair, push findings.
pub type PairCheck = fn(&MessagePair<'_>, &mut Vec<Finding>);

/// A rule: its code, default level, documentation, and (for pair rules) its check.
#[derive(Debug)]
pub struct Rule {
    /// Stable code, used in output, policy (`kurso.toml`) and suppressions.
    pub code: &'static str,
    pub level: Level,
    /// One line: what it finds.
    pub summary: &'static str,
    /// Several paragraphs: why it matters, an example, how to fix, how to silence.
    pub docs: &'static str,
    pub check: Option<PairCheck>,
}

/// Every rule, sorted by code.
pub const ALL: &[&Rule] = &[
    &duplicate::RULE,
    &empty::RULE,
    &glossary::RULE,
    &length::RULE,
    &markup::RULE,
    &missing::RULE,
    &missing_file::RULE,
    &numbers::RULE,
    &obsolete::RULE,
    &obsolete_file::RULE,
    &plurals::RULE,
    &references::RULE,
    &runtime::RULE,
    &stale::RULE,
    &structure::RULE,
    &syntax::RULE,
    &untranslated::RULE,
    &unverified::RULE,
    &variables::RULE,
];

/// The rule with this code.
pub fn lookup(code: &str) -> Option<&'static Rule> {
    ALL.iter().copied().find(|rule| rule.code == code)
}

/// What pair rules may know about the locale being checked.
#[derive(Debug)]
pub struct LocaleEnv {
    pub locale: LanguageIdentifier,
    /// The locale code as written in paths and output (`el-CY`).
    pub name: String,
    /// CLDR cardinal plural categories of the locale (`one`, `few`, `many`, `other`, …).
    pub plural_categories: Vec<&'static str>,
    /// IDs (messages, and terms with their `-`) defined in this locale or a locale it falls
    /// back to, the source locale excluded.
    pub visible: std::sync::Arc<FxHashSet<String>>,
    /// IDs defined in the reference (source) locale.
    pub reference_visible: std::sync::Arc<FxHashSet<String>>,
    /// The project glossary prepared for this locale, when there is one.
    pub glossary: Option<std::sync::Arc<crate::glossary::matcher::Matcher>>,
    /// What is derived from the English entries, shared by every locale of a run.
    pub source_facts: std::sync::Arc<super::facts::SourceFacts>,
}

/// One English message and its translation, for pair rules.
#[derive(Debug, Clone, Copy)]
pub struct MessagePair<'a> {
    pub env: &'a LocaleEnv,
    /// The reference (English) entry.
    pub source: Entry<'a>,
    /// The translated entry, in the locale's own file.
    pub target: Entry<'a>,
}

impl MessagePair<'_> {
    /// A finding of `rule` at the translated message's identifier, at the rule's default
    /// level (policy adjusts it later).
    pub fn finding(&self, rule: &Rule, message: impl Into<String>) -> Finding {
        self.finding_at(rule, self.target.offset(), message)
    }

    /// A finding of `rule` at byte `offset` of the translation file.
    pub fn finding_at(&self, rule: &Rule, offset: usize, message: impl Into<String>) -> Finding {
        let doc = self.target.doc;
        let mut finding = Finding::new(rule.code, rule.level, &self.env.name, doc.path.clone());
        finding.position = Some(doc.position(offset));
        finding.snippet = Some(doc.line_at(offset).to_owned());
        finding.id = Some(self.target.id().to_owned());
        finding.message = message.into();
        let source_doc = self.source.doc;
        let pos = source_doc.position(self.source.offset());
        finding.reference = Some(format!(
            "{}:{}:{}",
            source_doc.path.display(),
            pos.line,
            pos.column
        ));
        finding
    }
}

#[cfg(test)]
#[allow(dead_code, reason = "used by the pair rules' tests")]
pub(crate) mod fixture {
    //! Fixture helpers for rule tests: check one English/translated pair of `.ftl` texts.

    use std::path::PathBuf;

    use super::{LocaleEnv, MessagePair, Rule};
    use crate::check::doc::FtlDoc;
    use crate::check::finding::Finding;

    /// Runs `rule` on every message of `translation` that `reference` also has, for
    /// `locale`; returns the findings.
    pub fn run(rule: &Rule, locale: &str, reference: &str, translation: &str) -> Vec<Finding> {
        run_env(rule, locale, reference, translation, None)
    }

    /// The value of the first message of `source` (`a = …`), for tests of pattern helpers.
    pub fn value_of(source: &str) -> fluent_syntax::ast::Pattern<&str> {
        let resource = fluent_syntax::parser::parse(source).expect("parses");
        match resource.body.into_iter().next() {
            Some(fluent_syntax::ast::Entry::Message(message)) => {
                message.value.expect("the message has a value")
            }
            _ => panic!("a message first: {source}"),
        }
    }

    /// [`run`] with a glossary matcher in the locale's environment.
    pub fn run_with_glossary(
        rule: &Rule,
        locale: &str,
        reference: &str,
        translation: &str,
        glossary: std::sync::Arc<crate::glossary::matcher::Matcher>,
    ) -> Vec<Finding> {
        run_env(rule, locale, reference, translation, Some(glossary))
    }

    fn run_env(
        rule: &Rule,
        locale: &str,
        reference: &str,
        translation: &str,
        glossary: Option<std::sync::Arc<crate::glossary::matcher::Matcher>>,
    ) -> Vec<Finding> {
        let source = FtlDoc::parse(PathBuf::from("en/x.ftl"), reference.to_owned());
        let target = FtlDoc::parse(
            PathBuf::from(format!("{locale}/x.ftl")),
            translation.to_owned(),
        );
        let langid: unic_langid::LanguageIdentifier = locale.parse().expect("locale");
        let env = LocaleEnv {
            plural_categories: crate::check::plural_categories(&langid),
            locale: langid,
            name: locale.to_owned(),
            visible: std::sync::Arc::new(target.iter().map(|e| e.id().to_owned()).collect()),
            reference_visible: std::sync::Arc::new(
                source.iter().map(|e| e.id().to_owned()).collect(),
            ),
            glossary,
            source_facts: std::sync::Arc::default(),
        };
        let check = rule.check.expect("a pair rule");
        let mut out = Vec::new();
        for entry in target.iter() {
            if let Some(source_entry) = source.get(entry.id()) {
                check(
                    &MessagePair {
                        env: &env,
                        source: source_entry,
                        target: entry,
                    },
                    &mut out,
                );
            }
        }
        out
    }

    /// The messages of what `rule` finds when one message `m` has the value `english` in the
    /// reference and `translated` in `locale`.
    #[track_caller]
    pub fn messages(rule: &Rule, locale: &str, english: &str, translated: &str) -> Vec<String> {
        run(
            rule,
            locale,
            &format!("m = {english}\n"),
            &format!("m = {translated}\n"),
        )
        .into_iter()
        .map(|f| f.message)
        .collect()
    }

    /// Checks that `rule` finds exactly `expected` in `translation` (for `locale`), each
    /// finding written `line:col level: message` (the position in the translation file).
    #[track_caller]
    pub fn check(rule: &Rule, locale: &str, reference: &str, translation: &str, expected: &[&str]) {
        let got: Vec<String> = run(rule, locale, reference, translation)
            .iter()
            .map(|f| {
                let pos = f.position.expect("a pair finding has a position");
                format!("{}:{} {}: {}", pos.line, pos.column, f.level, f.message)
            })
            .collect();
        assert_eq!(got, expected);
    }

    /// The IDs the findings are about, in order.
    pub fn ids(findings: &[Finding]) -> Vec<String> {
        findings.iter().filter_map(|f| f.id.clone()).collect()
    }
}
