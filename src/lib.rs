//! kurso keeps training courses for health professionals translated.
//!
//! Stages (see ARCHITECTURE.md): [`extract`] turns course Markdown and `course.yaml` into
//! Fluent source messages with stable IDs; [`build`] puts translations back into localized
//! modules. Both talk through the files under `locales/`, so each runs alone.
//!
//! Invariant: the library never prints and never exits; it returns data (summaries and
//! [`diagnostic::Diagnostic`]s) and the binary renders it.

pub mod accept;
pub mod build;
pub mod check;
pub mod config;
pub mod diagnostic;
pub mod exchange;
pub mod extract;
pub mod fluent;
pub mod fsx;
pub mod glossary;
pub mod guard;
pub mod locale;
pub mod mt;
pub mod project;
pub mod report;
pub mod review;
pub mod segment;
pub mod span;
pub mod state;
pub mod status;
