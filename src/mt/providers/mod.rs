//! One file per provider wire format.

pub mod azure;
pub mod deepl;
pub mod etranslation;
pub mod google;
mod http;
pub mod libretranslate;
pub mod memory;
pub mod openai;
pub mod pseudo;

use std::sync::Arc;

use super::config::ProviderSettings;
use super::provider::{Provider, Secret};

/// A provider that calls a remote service. `Err("")` means its key is missing; any other
/// error is a configuration problem to show as is.
pub fn remote(
    name: &str,
    settings: &ProviderSettings,
    key: Option<Secret>,
) -> Result<Arc<dyn Provider>, String> {
    let rate = settings.rate();
    let timeout = settings.timeout();
    let shown = |err: super::provider::ProviderError| err.to_string();
    match name {
        "deepl" => {
            let mut config = deepl::DeeplConfig::new(key.ok_or_else(String::new)?);
            config.base_url.clone_from(&settings.base_url);
            config.formality.clone_from(&settings.formality);
            config.timeout = timeout;
            config.requests_per_second = rate;
            if let Some(concurrency) = settings.concurrency {
                config.concurrency = concurrency;
            }
            Ok(Arc::new(deepl::DeepL::new(config).map_err(shown)?))
        }
        "google" => {
            let config = google::GoogleConfig {
                key: Some(key.ok_or_else(String::new)?),
                base_url: settings.base_url.clone(),
                timeout,
                concurrency: settings.concurrency.unwrap_or(4),
                requests_per_second: rate,
            };
            Ok(Arc::new(google::Google::new(config).map_err(shown)?))
        }
        "azure" => {
            let config = azure::AzureConfig {
                key: Some(key.ok_or_else(String::new)?),
                base_url: settings.base_url.clone(),
                region: settings.region.clone(),
                timeout,
                concurrency: settings.concurrency.unwrap_or(4),
                requests_per_second: rate,
            };
            Ok(Arc::new(azure::Azure::new(config).map_err(shown)?))
        }
        "libretranslate" => {
            let mut config = libretranslate::LibreTranslateConfig {
                key,
                base_url: settings.base_url.clone(),
                timeout,
                requests_per_second: rate,
                ..libretranslate::LibreTranslateConfig::default()
            };
            if let Some(concurrency) = settings.concurrency {
                config.concurrency = concurrency;
            }
            if let Some(max) = settings.max_texts {
                config.max_texts = max;
            }
            Ok(Arc::new(
                libretranslate::LibreTranslate::new(config).map_err(shown)?,
            ))
        }
        "openai" => {
            let mut config = openai::OpenAiConfig {
                key,
                base_url: settings.base_url.clone(),
                model: settings.model.clone(),
                timeout,
                requests_per_second: rate,
                ..openai::OpenAiConfig::default()
            };
            if let Some(concurrency) = settings.concurrency {
                config.concurrency = concurrency;
            }
            if let Some(max) = settings.max_texts {
                config.max_texts = max;
            }
            if config.model.is_none() {
                return Err(
                    "the openai provider needs `model` under [mt.openai] in kurso.toml".to_owned(),
                );
            }
            Ok(Arc::new(openai::OpenAi::new(config).map_err(shown)?))
        }
        "etranslation" => {
            let mut config = etranslation::EtranslationConfig {
                password: Some(key.ok_or_else(String::new)?),
                application: settings.application.clone(),
                username: settings.username.clone(),
                base_url: settings.base_url.clone(),
                callback_url: settings.callback_url.clone(),
                timeout,
                requests_per_second: rate,
                ..etranslation::EtranslationConfig::default()
            };
            if let Some(concurrency) = settings.concurrency {
                config.concurrency = concurrency;
            }
            Ok(Arc::new(
                etranslation::Etranslation::new(config).map_err(shown)?,
            ))
        }
        other => Err(format!(
            "the `{other}` provider is not available in this build"
        )),
    }
}
