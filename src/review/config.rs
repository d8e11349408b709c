//! `[review]` of `kurso.toml`: where `kurso review` listens and the file its tokens come from.
//!
//! Tokens themselves never live in `kurso.toml` (it is committed) nor on the command line (it
//! shows in `ps` and shell history): see [`super::tokens`].

use std::net::SocketAddr;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ReviewConfig {
    /// The address and port (`--listen` overrides; default 127.0.0.1 and a free port).
    pub listen: Option<SocketAddr>,
    /// A TOML file of review tokens (`[tokens.<name>]` with `token` and `locales`), relative
    /// to the project folder when not absolute.
    pub tokens_file: Option<PathBuf>,
}
