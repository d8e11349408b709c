//! Integration tests, compiled into one binary. `support` holds the `TestProject` builder.

mod analysers;
mod build;
mod build_outputs;
mod check;
mod check_engine;
mod corpus;
mod deepl;
mod drift;
mod exchange;
mod extract;
mod files;
mod glossary_corpus;
mod glossary_quality;
mod paid_runs;
mod person_work;
mod providers_async;
mod providers_http;
mod roundtrip;
mod state;
mod structure;
mod support;
mod thunderbird;
mod thunderbird_parity;
mod translate;
