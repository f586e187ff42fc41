//! The JSON Schema (2020-12) of the format, generated from the model's types, so editors can
//! complete and check briefs (`# yaml-language-server: $schema=…`).

use schemars::generate::SchemaSettings;

use crate::model::Brief;

/// The schema as pretty JSON with a trailing newline, exactly as `assets/brief.schema.json` holds it.
pub fn json_schema() -> String {
    let schema = SchemaSettings::draft2020_12().for_deserialize().into_generator().into_root_schema_for::<Brief>();
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}
