//! brief: a terminal reader for briefing notes.
//!
//! Layers, each usable alone: [`model`] (the typed brief) → [`load`] (YAML, files, diagnostics) →
//! [`index`] (reverse cross-references) → [`export`] (text, Markdown, JSON) → [`tui`] (the reader).

pub mod cli;
pub mod export;
pub mod fuzzing;
pub mod index;
pub mod load;
pub mod model;
pub mod sample;
pub mod schema;
pub mod synth;
pub mod text;
pub mod tui;
