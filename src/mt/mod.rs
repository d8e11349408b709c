//! Machine translation for review: drafts from providers, masked and verified, written
//! beside what people wrote (never over it), journaled and cached so nothing is paid twice.

pub mod build;
pub mod config;
pub(crate) mod draft;
pub mod engine;
pub mod journal;
pub mod locales;
pub mod mask;
pub(crate) mod pair_glossary;
pub mod pending;
pub mod provider;
pub mod providers;
pub mod select;
pub mod translate;
mod write;

pub use provider::{
    Batch, Limits, PairGlossary, Provider, ProviderError, Reply, Secret, TermPair, Usage,
};
