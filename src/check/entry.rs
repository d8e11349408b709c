//! Checking a translation before it is written: the pair rules `kurso check` runs, applied to
//! an entry that is not in a file yet (a machine draft, a unit coming back from a translator).
//! Writers refuse what this finds at error level, so nothing reaches a file that `kurso
//! check` would then reject.

use std::path::PathBuf;

use super::doc::{Entry, FtlDoc};
use super::finding::Finding;
use super::rules::{self, LocaleEnv, MessagePair};

/// The findings of the pair rules named by `codes` (every pair rule when `None`) on the
/// Fluent `entry` (`id = …`) as the translation of `english`, and of the `structure` rule
/// when the source `module` is known. `Err` when `entry` is not valid Fluent or does not
/// define `english`'s ID.
pub fn check_entry(
    entry: &str,
    english: Entry<'_>,
    env: &LocaleEnv,
    codes: Option<&[&str]>,
    module: Option<&crate::build::SourceModule>,
) -> Result<Vec<Finding>, String> {
    let doc = FtlDoc::parse(PathBuf::from("entry.ftl"), format!("{entry}\n"));
    if let Some((_, message)) = doc.errors.first() {
        return Err(format!("not valid Fluent: {message}"));
    }
    let target = doc
        .get(english.id())
        .ok_or_else(|| format!("no message `{}`", english.id()))?;
    let pair = MessagePair {
        env,
        source: english,
        target,
    };
    let mut findings = Vec::new();
    for rule in rules::ALL {
        let wanted = codes.is_none_or(|codes| codes.contains(&rule.code));
        if let (true, Some(check)) = (wanted, rule.check) {
            check(&pair, &mut findings);
        }
    }
    if let Some(module) = module {
        rules::structure::check(module, &[pair], &mut findings);
    }
    Ok(findings)
}
