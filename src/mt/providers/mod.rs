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

use super::config::RemoteConfig;
use super::provider::{Provider, ProviderError};

/// The remote provider `name`, built from its key and settings.
pub fn remote(name: &str, config: RemoteConfig) -> Result<Arc<dyn Provider>, ProviderError> {
    Ok(match name {
        "deepl" => Arc::new(deepl::DeepL::new(config)?),
        "google" => Arc::new(google::Google::new(config)?),
        "azure" => Arc::new(azure::Azure::new(config)?),
        "libretranslate" => Arc::new(libretranslate::LibreTranslate::new(config)?),
        "openai" => Arc::new(openai::OpenAi::new(config)?),
        "etranslation" => Arc::new(etranslation::Etranslation::new(config)?),
        other => {
            return Err(ProviderError::Config(format!(
                "the `{other}` provider is not available in this build"
            )));
        }
    })
}
