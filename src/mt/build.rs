//! Building the provider a run uses from `[mt]` in kurso.toml and the environment, and the
//! stand-in a dry run uses (it sends nothing, so it needs no key).

use std::sync::Arc;

use unic_langid::LanguageIdentifier;

use super::config::{KeySource, PROVIDERS, RemoteConfig};
use super::provider::{Batch, BoxFuture, Limits, Provider, ProviderError, Reply};
use super::providers::memory::Memory;
use super::providers::pseudo::Pseudo;
use crate::check::Layout;
use crate::diagnostic::Diagnostic;
use crate::project::Project;
use crate::state::{StateFile, Status};

/// Providers that work without a key (a local `LibreTranslate` or model server may need
/// none); the others refuse to start without one.
const KEY_OPTIONAL: &[&str] = &["libretranslate", "openai"];

/// The provider a run uses, and where its key was read (to say so if it is rejected).
pub struct Chosen {
    pub provider: Arc<dyn Provider>,
    pub key_source: Option<KeySource>,
}

/// The provider `name` (or the configured default) for translating into `locales`.
pub fn provider(
    project: &Project,
    name: Option<&str>,
    locales: &[LanguageIdentifier],
) -> Result<Chosen, Diagnostic> {
    let mt = &project.config.mt;
    let name = known(project, name)?;
    let settings = mt.settings(name);
    let config_path = std::path::Path::new(crate::config::CONFIG_FILE);
    let (key, key_source) = mt.key(name, &project.root)?.unzip();
    let env_var = PROVIDERS
        .iter()
        .find(|(n, _)| *n == name)
        .and_then(|(_, v)| *v);
    if let Some(var) = env_var
        && key.is_none()
        && !KEY_OPTIONAL.contains(&name)
    {
        return Err(
            Diagnostic::file_error(config_path, format!("no key for `{name}`")).with_help(format!(
                "set {var} in the environment, or name a key file with `key-file` under [mt] in kurso.toml; `--provider pseudo` needs no key"
            )),
        );
    }
    let provider: Arc<dyn Provider> = match name {
        "pseudo" => Arc::new(Pseudo),
        "memory" => Arc::new(memory(project, locales, &settings)?),
        other => super::providers::remote(other, RemoteConfig { key, settings })
            .map_err(|err| Diagnostic::file_error(config_path, err.to_string()))?,
    };
    Ok(Chosen {
        provider,
        key_source,
    })
}

/// A stand-in for the provider `name` (or the configured default) that has its name, so
/// a dry run counts against the same journal keys, and sends nothing: no key is read.
pub fn dry_run(project: &Project, name: Option<&str>) -> Result<Arc<dyn Provider>, Diagnostic> {
    Ok(Arc::new(Unsent(known(project, name)?.to_owned())))
}

/// The name of the provider to use, checked against [`PROVIDERS`].
fn known<'a>(project: &'a Project, name: Option<&'a str>) -> Result<&'a str, Diagnostic> {
    let name = project.config.mt.provider_name(name);
    if PROVIDERS.iter().any(|(n, _)| *n == name) {
        return Ok(name);
    }
    let names: Vec<&str> = PROVIDERS.iter().map(|(n, _)| *n).collect();
    Err(Diagnostic::file_error(
        std::path::Path::new(crate::config::CONFIG_FILE),
        format!("unknown provider `{name}`"),
    )
    .with_help(format!("providers: {}", names.join(", "))))
}

/// A provider that only has a name: what a dry run needs.
struct Unsent(String);

impl Provider for Unsent {
    fn name(&self) -> &str {
        &self.0
    }

    fn limits(&self) -> Limits {
        Limits::default()
    }

    fn translate<'a>(&'a self, _: &'a Batch) -> BoxFuture<'a, Result<Reply, ProviderError>> {
        Box::pin(async { Err(ProviderError::Config("a dry run sends nothing".to_owned())) })
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
