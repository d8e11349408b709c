//! `kurso review`: the review queue of a project, served to a browser.
//!
//! The library half has no HTTP in it: [`workspace`] loads one locale the way `kurso export`
//! and `kurso check` read it and cuts it into [`item::Item`]s (what needs a person, with the
//! English, the translation or draft, notes, glossary terms and check findings);
//! [`save`] checks and writes a person's text through `exchange::apply` — the code `kurso
//! import` uses — as a one-message packet; [`editable`] is the text a translator edits, with
//! inline codes as `⟦1⟧` tokens; [`tokens`] holds who may review which locales. [`server`]
//! is the thin HTTP layer over those calls (axum), with its pages and assets embedded.
//!
//! Invariants: the server writes translation and state files only through `exchange::apply`
//! (and so `guard::writable_state` and `fsx`), with origin `human`; a message is looked up by
//! its file and ID in the loaded project, never joined into a path from a request; a save
//! made against an older version of a message (its English, translation and state record as
//! read from disk) is refused and changes nothing.

pub mod config;
pub mod editable;
pub mod item;
pub mod save;
pub mod server;
pub mod tokens;
pub mod workspace;

pub use item::{Item, ItemStatus};
pub use save::{Action, CheckResult, SaveOutcome, SaveRequest};
pub use tokens::{Reviewer, Tokens};
pub use workspace::{LocaleView, Workspace};
