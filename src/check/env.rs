//! The environment a locale's rules run in ([`LocaleEnv`]): its plural categories, the IDs
//! it and the reference define, and the glossary prepared for it.

use std::sync::{Arc, OnceLock};

use super::rules::LocaleEnv;
use super::{CheckOptions, LocaleDocs, LocaleTree, plural_categories};
use crate::glossary::matcher::{Matcher, SourceTerms};

/// The environment of `locale` of `tree`, its glossary matcher made from scratch.
pub(crate) fn locale_env(tree: &LocaleTree, locale: &LocaleDocs, opts: &CheckOptions) -> LocaleEnv {
    let matcher = glossary_matcher(opts, &OnceLock::new(), &tree.reference.name, &locale.chain);
    env_with_glossary(tree, locale, matcher)
}

/// The glossary of `opts` prepared for checking `chain` (a locale and its fallbacks) against
/// `reference`, when there is a glossary. The English side is prepared once in `source` and
/// shared by every matcher made with it.
pub(super) fn glossary_matcher(
    opts: &CheckOptions,
    source: &OnceLock<Arc<SourceTerms>>,
    reference: &str,
    chain: &[String],
) -> Option<Arc<Matcher>> {
    let glossary = opts.glossary.as_ref()?;
    let source = source.get_or_init(|| Arc::new(SourceTerms::new(glossary, reference)));
    Some(Arc::new(Matcher::with_source(source, chain)))
}

/// The environment of `locale` of `tree` with `glossary`, its matcher (if any).
pub(super) fn env_with_glossary(
    tree: &LocaleTree,
    locale: &LocaleDocs,
    glossary: Option<Arc<Matcher>>,
) -> LocaleEnv {
    let chain: Vec<&LocaleDocs> = locale
        .chain
        .iter()
        .filter_map(|name| tree.locales.iter().find(|l| &l.name == name))
        .collect();
    let visible = match chain.as_slice() {
        [only] => Arc::clone(only.ids()),
        _ => Arc::new(
            chain
                .iter()
                .flat_map(|docs| docs.ids().iter().cloned())
                .collect(),
        ),
    };
    LocaleEnv {
        glossary,
        plural_categories: plural_categories(&locale.locale),
        locale: locale.locale.clone(),
        name: locale.name.clone(),
        visible,
        reference_visible: Arc::clone(tree.reference.ids()),
        source_facts: Arc::default(),
    }
}
