//! The JSON Schema of the format: generated from the model, committed for editors, and true to
//! what the loader accepts.

use std::path::Path;

use serde_json::Value;

fn committed_schema() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/brief.schema.json"))
        .expect("assets/brief.schema.json exists")
}

fn validator() -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(&committed_schema()).expect("the schema is JSON");
    jsonschema::draft202012::new(&schema).expect("the schema is a valid 2020-12 schema")
}

/// A YAML brief as the JSON value an editor's YAML language server checks.
fn yaml_as_json(yaml: &str) -> Value {
    serde_saphyr::from_str(yaml).expect("the brief is YAML")
}

fn errors(instance: &Value) -> Vec<String> {
    validator().iter_errors(instance).map(|e| format!("{} at {}", e, e.instance_path())).collect()
}

#[test]
fn the_committed_schema_is_the_generated_one() {
    assert!(
        committed_schema() == brief::schema::json_schema(),
        "assets/brief.schema.json is stale: run `cargo run -- schema > assets/brief.schema.json`"
    );
}

#[test]
fn every_bundled_brief_is_valid_against_the_schema() {
    let briefs = brief::load::brief_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("briefs")).unwrap();
    assert!(!briefs.is_empty());
    for path in briefs {
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.starts_with("# yaml-language-server: $schema="), "{} should name the schema", path.display());
        let problems = errors(&yaml_as_json(&text));
        assert!(problems.is_empty(), "{}: {problems:#?}", path.display());
    }
}

#[test]
fn an_unknown_field_fails_the_schema_but_an_extension_passes() {
    let base = brief::sample::portable();
    let typo =
        base.replacen("    role: President of the United States\n", "    rol: President of the United States\n", 1);
    assert_ne!(typo, base, "the sample has Biden's role line");
    assert!(!errors(&yaml_as_json(&typo)).is_empty(), "`rol` must fail the schema");
    let extended = base.replacen("    role: President of the United States\n", "    x-desk-note: check\n", 1);
    assert_eq!(errors(&yaml_as_json(&extended)), Vec::<String>::new());
}

#[test]
fn the_schema_rejects_what_the_loader_rejects() {
    let cases = [
        ("stance: opposes", "stance: opose"),
        ("kind: partial", "kind: partly"),
        ("date: 2021-12-06", "date: 6 Dec 2021"),
        ("id: putin", "id: Vladimir Putin"),
        ("reliability: B", "reliability: Z"),
    ];
    for (good, bad) in cases {
        assert!(brief::sample::portable().contains(good), "the sample has `{good}`");
        let broken = brief::sample::portable().replacen(good, bad, 1);
        assert!(!errors(&yaml_as_json(&broken)).is_empty(), "the schema should reject `{bad}`");
        let loaded = brief::load::load_text(brief::load::Origin::Embedded("x"), broken);
        assert!(loaded.has_errors(), "the loader should reject `{bad}`");
    }
}

#[test]
fn each_items_field_list_is_its_schemas() {
    use brief::model::{Actor, Brief, Claim, Event, Position, Quote, Source, Topic};
    let schema: Value = serde_json::from_str(&brief::schema::json_schema()).expect("the schema is JSON");
    let properties = |definition: &Value| {
        let mut names: Vec<String> =
            definition["properties"].as_object().expect("properties").keys().cloned().collect();
        names.sort();
        names
    };
    let sorted = |fields: &[&str]| {
        let mut names: Vec<String> = fields.iter().map(|f| f.to_string()).collect();
        names.sort();
        names
    };
    assert_eq!(properties(&schema), sorted(Brief::FIELDS), "Brief");
    let items = [
        ("Source", Source::FIELDS),
        ("Topic", Topic::FIELDS),
        ("Actor", Actor::FIELDS),
        ("Claim", Claim::FIELDS),
        ("Position", Position::FIELDS),
        ("Quote", Quote::FIELDS),
        ("Event", Event::FIELDS),
    ];
    for (name, fields) in items {
        assert_eq!(properties(&schema["$defs"][name]), sorted(fields), "{name}");
    }
}
