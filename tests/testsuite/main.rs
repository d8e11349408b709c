//! Integration tests, compiled into one binary. `support` holds the `TestProject` builder;
//! `browser` a headless Chromium for pages (or `None` when it is not installed).

mod analysers;
mod browser;
mod build;
mod build_outputs;
mod check;
mod check_engine;
mod corpus;
mod deepl;
mod drift;
mod extract;
mod files;
mod glossary_corpus;
mod glossary_quality;
mod paid_runs;
mod person_work;
mod providers_async;
mod providers_http;
mod roundtrip;
mod shipping;
mod state;
mod status_html;
mod structure;
mod support;
mod thunderbird;
mod thunderbird_parity;
mod translate;
