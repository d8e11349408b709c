//! `[mt]` in kurso.toml: which provider, and each provider's settings. Keys are never in
//! kurso.toml: they come from the environment or from a key file it names.
//!
//! ```toml
//! [mt]
//! provider = "deepl"                 # default: pseudo (no key, no network)
//! key-file = "~/.config/kurso/keys.toml"   # optional: deepl = "…", openai = "…"
//!
//! [mt.deepl]
//! base-url = "https://api.deepl.com"     # default from the key (…:fx → api-free)
//! requests-per-second = 10
//! concurrency = 4
//! formality = { el = "more", it = "prefer_less" }
//! ```

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::provider::Secret;
use crate::diagnostic::Diagnostic;

/// Every provider kurso knows, and the environment variable holding its key.
pub const PROVIDERS: &[(&str, Option<&str>)] = &[
    ("pseudo", None),
    ("memory", None),
    ("deepl", Some("DEEPL_API_KEY")),
    ("google", Some("GOOGLE_TRANSLATE_API_KEY")),
    ("azure", Some("AZURE_TRANSLATOR_KEY")),
    ("libretranslate", Some("LIBRETRANSLATE_API_KEY")),
    ("openai", Some("OPENAI_API_KEY")),
    ("etranslation", Some("ETRANSLATION_PASSWORD")),
];

/// Settings of one provider (each uses the fields that apply to it).
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ProviderSettings {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub concurrency: Option<usize>,
    /// Requests per second; may be fractional (`9.5`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requests_per_second: Option<Rate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeout_seconds: Option<u64>,
    /// Per target locale: `more`, `less`, `prefer_more`, `prefer_less` (DeepL).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub formality: BTreeMap<String, String>,
    /// Azure resource region.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Model name (OpenAI-compatible endpoints).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub model: Option<String>,
    /// eTranslation: where it posts results (`kurso etranslation-receiver` listens there).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub callback_url: Option<String>,
    /// eTranslation application name and user name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub application: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub username: Option<String>,
    /// Texts per request, below the provider's own limit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_texts: Option<usize>,
    /// memory: TMX files to reuse besides the project's translations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tmx: Vec<PathBuf>,
    /// memory: lowest similarity (0–100) of a fuzzy match to reuse.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_similarity: Option<u32>,
}

impl ProviderSettings {
    pub fn timeout(&self) -> Duration {
        Duration::from_secs(self.timeout_seconds.unwrap_or(60))
    }

    pub fn rate(&self) -> f64 {
        self.requests_per_second.map_or(0.0, |rate| rate.0)
    }
}

/// A request rate: a finite, non-negative number (so it can be compared for equality).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Rate(pub f64);

impl Eq for Rate {}

impl<'de> Deserialize<'de> for Rate {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = f64::deserialize(deserializer)?;
        if value.is_finite() && value >= 0.0 {
            Ok(Rate(value))
        } else {
            Err(serde::de::Error::custom(
                "requests-per-second must be a number of at least 0",
            ))
        }
    }
}

/// `[mt]` as written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct MtConfig {
    /// The default provider (`--provider` overrides); pseudo when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// A TOML file of keys by provider name (`deepl = "…"`), outside the repository.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key_file: Option<PathBuf>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pseudo: Option<ProviderSettings>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub memory: Option<ProviderSettings>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deepl: Option<ProviderSettings>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub google: Option<ProviderSettings>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub azure: Option<ProviderSettings>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub libretranslate: Option<ProviderSettings>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub openai: Option<ProviderSettings>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub etranslation: Option<ProviderSettings>,
}

impl MtConfig {
    /// The provider to use: `requested`, else `[mt] provider`, else pseudo.
    pub fn provider_name<'a>(&'a self, requested: Option<&'a str>) -> &'a str {
        requested.or(self.provider.as_deref()).unwrap_or("pseudo")
    }

    /// The settings of `name` (defaults when the table is absent).
    pub fn settings(&self, name: &str) -> ProviderSettings {
        let table = match name {
            "pseudo" => &self.pseudo,
            "memory" => &self.memory,
            "deepl" => &self.deepl,
            "google" => &self.google,
            "azure" => &self.azure,
            "libretranslate" => &self.libretranslate,
            "openai" => &self.openai,
            "etranslation" => &self.etranslation,
            _ => &None,
        };
        table.clone().unwrap_or_default()
    }

    /// The key of `name`: its environment variable, else the key file. `root` resolves a
    /// relative key-file path.
    pub fn key(&self, name: &str, root: &Path) -> Result<Option<Secret>, Diagnostic> {
        let Some((_, Some(var))) = PROVIDERS.iter().find(|(n, _)| *n == name) else {
            return Ok(None);
        };
        if let Ok(value) = std::env::var(var)
            && !value.trim().is_empty()
        {
            return Ok(Some(Secret::new(value.trim())));
        }
        let Some(file) = &self.key_file else {
            return Ok(None);
        };
        let path = if file.is_absolute() {
            file.clone()
        } else {
            root.join(file)
        };
        let text = crate::fsx::read_to_string(&path)
            .map_err(|err| Diagnostic::file_error(&path, err.to_string()))?;
        let keys: BTreeMap<String, String> = toml::from_str(&text).map_err(|err| {
            // Never echo the file's content: it holds keys.
            Diagnostic::file_error(
                &path,
                format!("not a TOML table of keys: {}", err.message()),
            )
            .with_help("write one line per provider: deepl = \"…\"")
        })?;
        Ok(keys.get(name).map(|k| Secret::new(k.trim())))
    }

    /// Validates provider names.
    pub fn validate(&self, path: &Path, text: &str) -> Result<(), Diagnostic> {
        if let Some(name) = &self.provider
            && !PROVIDERS.iter().any(|(n, _)| n == name)
        {
            let offset = text.find(&format!("\"{name}\"")).map_or(0, |i| i + 1);
            let names: Vec<&str> = PROVIDERS.iter().map(|(n, _)| *n).collect();
            return Err(Diagnostic::error_at(
                path,
                text,
                offset,
                format!("unknown provider `{name}`"),
            )
            .with_help(format!("providers: {}", names.join(", "))));
        }
        Ok(())
    }
}
