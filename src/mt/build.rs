//! Building the provider a run uses from `[mt]` in kurso.toml and the environment.

use std::sync::Arc;

use unic_langid::LanguageIdentifier;

use super::config::PROVIDERS;
use super::provider::Provider;
use super::providers::memory::Memory;
use super::providers::pseudo::Pseudo;
use crate::check::Layout;
use crate::diagnostic::Diagnostic;
use crate::project::Project;
use crate::state::{StateFile, Status};

/// The provider `name` (or the configured default) for translating into `locales`.
pub fn provider(
    project: &Project,
    name: Option<&str>,
    locales: &[LanguageIdentifier],
) -> Result<Arc<dyn Provider>, Diagnostic> {
    let mt = &project.config.mt;
    let name = mt.provider_name(name);
    let settings = mt.settings(name);
    let config_path = std::path::Path::new(crate::config::CONFIG_FILE);
    if !PROVIDERS.iter().any(|(n, _)| *n == name) {
        let names: Vec<&str> = PROVIDERS.iter().map(|(n, _)| *n).collect();
        return Err(
            Diagnostic::file_error(config_path, format!("unknown provider `{name}`"))
                .with_help(format!("providers: {}", names.join(", "))),
        );
    }
    let key = mt.key(name, &project.root)?;
    let missing_key = |var: &str| {
        Diagnostic::file_error(config_path, format!("no key for `{name}`"))
            .with_help(format!(
                "set {var} in the environment, or name a key file with `key-file` under [mt] in kurso.toml; `--provider pseudo` needs no key"
            ))
    };
    let env_var = PROVIDERS
        .iter()
        .find(|(n, _)| *n == name)
        .and_then(|(_, v)| *v)
        .unwrap_or_default();
    match name {
        "pseudo" => Ok(Arc::new(Pseudo)),
        "memory" => Ok(Arc::new(memory(project, locales, &settings)?)),
        other => super::providers::remote(other, &settings, key).map_err(|message| {
            if message.is_empty() {
                missing_key(env_var)
            } else {
                Diagnostic::file_error(config_path, message)
            }
        }),
    }
}

/// A memory of the project's current human translations (and configured TMX files).
fn memory(
    project: &Project,
    locales: &[LanguageIdentifier],
    settings: &super::config::ProviderSettings,
) -> Result<Memory, Diagnostic> {
    let mut memory = Memory::new(settings.min_similarity.unwrap_or(75));
    let all: Vec<LanguageIdentifier> = if locales.is_empty() {
        project.config.target_locales.clone()
    } else {
        locales.to_vec()
    };
    let tree = Layout::for_project(project, &all, &[]).load();
    for locale in tree.locales.iter().filter(|l| l.checked) {
        for (rel, reference) in &tree.reference.docs {
            let Some(doc) = locale.docs.get(rel) else {
                continue;
            };
            let state = StateFile::load_for(&locale.dir.join(rel), &locale.dir_display.join(rel))
                .unwrap_or_default();
            for english in reference.iter() {
                let current = state
                    .records
                    .get(english.id())
                    .is_some_and(|r| r.status != Status::Machine && r.source == english.text());
                if let (true, Some(translation)) = (current, doc.get(english.id()))
                    && let (Some(en), Some(tr)) = (english.value(), translation.value())
                {
                    let en = super::mask::pattern_text(en).0;
                    let tr = super::mask::pattern_text(tr).0;
                    memory.add(&locale.name, &en, &tr);
                }
            }
        }
        for tmx in &settings.tmx {
            let path = if tmx.is_absolute() {
                tmx.clone()
            } else {
                project.root.join(tmx)
            };
            memory.add_tmx(&path, &locale.name)?;
        }
    }
    Ok(memory)
}
