//! One file per provider wire format.

pub mod azure;
pub mod deepl;
pub mod google;
pub mod libretranslate;
pub mod memory;
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
    env_var: &str,
) -> Result<Arc<dyn Provider>, String> {
    let _ = (settings, env_var);
    let _key = key.ok_or_else(String::new)?;
    Err(format!(
        "the `{name}` provider is not available in this build"
    ))
}
