//! `[mt]` in kurso.toml: which provider, and each provider's settings. Keys are never in
//! kurso.toml: they come from the environment or from a key file it names.
//!
//! ```toml
//! [mt]
//! provider = "deepl"                 # default: pseudo (no key, no network)
//! key-file = "~/.config/kurso/keys.toml"   # optional: deepl = "…", openai = "…"
//! locales = ["el", "el-CY", "it"]    # drafted without --to; default: the ones started
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
use toml::Spanned;
use unic_langid::LanguageIdentifier;

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

/// Settings of one provider, `[mt.<name>]` as written (each provider uses the fields that
/// apply to it and has its own defaults for the rest).
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
    /// For each whole request, connection to last byte; may be fractional.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timeout_seconds: Option<Seconds>,
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
    /// eTranslation domain (`GEN`, `SPD`…); the service's default when absent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub domain: Option<String>,
    /// Texts per request, below the provider's own limit.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_texts: Option<usize>,
    /// libretranslate: the server's code for a locale where it is not the language subtag
    /// (`pt-BR = "pb"`).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub language_codes: BTreeMap<String, String>,
    /// memory: TMX files to reuse besides the project's translations.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tmx: Vec<PathBuf>,
    /// memory: lowest similarity (0–100) of a fuzzy match to reuse.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_similarity: Option<u32>,
}

impl ProviderSettings {
    /// The timeout per request, or the provider's `default`.
    pub fn timeout_or(&self, default: Duration) -> Duration {
        self.timeout_seconds
            .map_or(default, |seconds| Duration::from_secs_f64(seconds.0))
    }

    /// Requests in flight at once (at least one), or the provider's `default`.
    pub fn concurrency_or(&self, default: usize) -> usize {
        self.concurrency.unwrap_or(default).max(1)
    }

    /// Texts per request: `max-texts` within the provider's `limit`, else `default`.
    pub fn max_texts_or(&self, default: usize, limit: usize) -> usize {
        self.max_texts.unwrap_or(default).clamp(1, limit.max(1))
    }

    pub fn rate(&self) -> f64 {
        self.requests_per_second.map_or(0.0, |rate| rate.0)
    }
}

/// What a remote provider is built from: its key (from the environment or the key file)
/// and its `[mt.<name>]` settings. The one configuration every remote provider takes.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RemoteConfig {
    pub key: Option<Secret>,
    pub settings: ProviderSettings,
}

/// A number of seconds: finite and above 0 (`30`, `0.5`).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(transparent)]
pub struct Seconds(f64);

impl Eq for Seconds {}

impl From<Duration> for Seconds {
    fn from(duration: Duration) -> Seconds {
        Seconds(duration.as_secs_f64())
    }
}

impl<'de> Deserialize<'de> for Seconds {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = f64::deserialize(deserializer)?;
        if value.is_finite() && value > 0.0 && value < 1e9 {
            Ok(Seconds(value))
        } else {
            Err(serde::de::Error::custom(
                "timeout-seconds must be a number of seconds above 0",
            ))
        }
    }
}

/// Where a provider's key was read, to say so (never the key itself) when it is rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeySource {
    /// An environment variable (`DEEPL_API_KEY`).
    Environment(&'static str),
    /// An entry (`deepl`) of the key file named by `key-file` under [mt].
    File { path: PathBuf, entry: String },
}

impl std::fmt::Display for KeySource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            KeySource::Environment(var) => write!(f, "the environment variable {var}"),
            KeySource::File { path, entry } => {
                write!(f, "`{entry}` in the key file {}", path.display())
            }
        }
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
    /// The locales commissioned for machine drafts: what `kurso translate` drafts without
    /// `--to`. Each is a target locale. When absent, the target locales already started
    /// (see `mt::locales`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub locales: Option<Vec<Spanned<String>>>,
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

    /// The key of `name` and where it was read: its environment variable, else the key
    /// file. `root` resolves a relative key-file path.
    pub fn key(&self, name: &str, root: &Path) -> Result<Option<(Secret, KeySource)>, Diagnostic> {
        let Some((_, Some(var))) = PROVIDERS.iter().find(|(n, _)| *n == name) else {
            return Ok(None);
        };
        if let Ok(value) = std::env::var(var)
            && !value.trim().is_empty()
        {
            return Ok(Some((
                Secret::new(value.trim()),
                KeySource::Environment(var),
            )));
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
        Ok(keys.get(name).map(|k| {
            let source = KeySource::File {
                path,
                entry: name.to_owned(),
            };
            (Secret::new(k.trim()), source)
        }))
    }

    /// The commissioned locales (`locales`), parsed; `None` when the key is absent.
    pub fn commissioned(&self) -> Option<Vec<LanguageIdentifier>> {
        self.locales.as_ref().map(|codes| {
            codes
                .iter()
                .filter_map(|code| code.get_ref().parse().ok())
                .collect()
        })
    }

    /// Validates provider names and that each commissioned locale is one of `targets`.
    pub fn validate(
        &self,
        path: &Path,
        text: &str,
        targets: &[LanguageIdentifier],
    ) -> Result<(), Diagnostic> {
        for code in self.locales.iter().flatten() {
            // Inside the quotes, at the code itself.
            let at = code.span().start + 1;
            let locale = crate::locale::parse_locale_code(code.get_ref()).map_err(|message| {
                Diagnostic::error_at(path, text, at, message)
                    .with_help("use a BCP 47 code such as `el`, `el-CY` or `fi`")
            })?;
            if !targets.contains(&locale) {
                return Err(Diagnostic::error_at(
                    path,
                    text,
                    at,
                    format!("`{locale}` under [mt] locales is not a target locale"),
                )
                .with_help("list only locales of `target-locales`, or add it there"));
            }
        }
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
