//! Integration tests, compiled into one binary. `support` holds the `TestProject` builder.

mod build;
mod check;
mod corpus;
mod extract;
mod glossary_corpus;
mod roundtrip;
mod state;
mod support;
mod thunderbird;
