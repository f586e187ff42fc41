//! brief: a terminal reader for briefing notes.
//!
//! Layers, each usable alone: [`model`] (the typed brief) → [`load`] (YAML, files, diagnostics) →
//! [`index`] (reverse cross-references) → [`library`]
//! (reading across briefs) → [`diff`] (what changed from one brief to another) → [`export`] (text,
//! Markdown, JSON) → [`tui`] (the reader).

pub mod cli;
pub mod config;
pub mod diff;
pub mod export;
pub mod index;
pub mod library;
pub mod load;
pub mod model;
pub mod sample;
pub mod schema;
pub mod text;
pub mod tui;

// For the tests, benchmarks and fuzzers only: not in the library `brief` ships.
#[cfg(any(test, feature = "testing"))]
pub mod fuzzing;
#[cfg(any(test, feature = "testing"))]
pub mod synth;
