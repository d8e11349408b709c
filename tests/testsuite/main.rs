//! Integration tests, compiled into one binary. `support` holds the `TestProject` builder.

mod build;
mod build_outputs;
mod check;
mod corpus;
mod deepl;
mod extract;
mod glossary_corpus;
mod glossary_quality;
mod providers_async;
mod providers_http;
mod roundtrip;
mod state;
mod structure;
mod support;
mod thunderbird;
mod translate;
