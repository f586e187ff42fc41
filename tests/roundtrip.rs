//! Any brief the generator makes loads, exports and loads again to the same model: nothing a
//! user wrote is lost on the way, whatever characters it holds.

use brief::export::{self, Format, Options, Selection};
use brief::index::Index;
use brief::load::{Origin, load_text};
use brief::model::Brief;
use proptest::prelude::*;
use serde_json::{Value, json};

/// Text of every kind a brief may hold: CJK, emoji, RTL, YAML's own syntax, quotes,
/// backslashes, line breaks, escape sequences, C1 controls and bidi overrides.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        "[a-zA-Z ]{1,12}",
        Just("東京".to_string()),
        Just("🙂👩‍👩‍👧".to_string()),
        Just("العربية".to_string()),
        Just(": - # & * ! | > % @ `".to_string()),
        Just("\"'\\".to_string()),
        Just("\n  indented\n".to_string()),
        Just("\u{1b}]0;title\u{7}\u{1b}[31m".to_string()),
        Just("\u{9b}\u{202E}\u{2066}".to_string()),
        Just("1.10".to_string()),
    ];
    // Required text is not blank: it starts with a letter.
    prop::collection::vec(piece, 0..4).prop_map(|pieces| format!("x{}", pieces.concat()))
}

fn ids(prefix: &'static str, count: usize) -> Vec<String> {
    (0..count).map(|i| format!("{prefix}{i}")).collect()
}

/// A brief as the format writes it, with references that resolve.
fn brief_value() -> impl Strategy<Value = Value> {
    (1usize..5, 0usize..3, 0usize..4, 0usize..4, 0usize..6, 0usize..4).prop_flat_map(|(actors, topics, claims, positions, quotes, sources)| {
        let actor_ids = ids("a", actors);
        // None, one (written as v1 wrote it, one id) or several sources (a list).
        let some_sources = prop::sample::subsequence(ids("s", sources), 0..=sources);
        let pick = move |ids: Vec<String>| prop::sample::select(ids);
        let actor = pick(actor_ids.clone());
        let some_actors = prop::sample::subsequence(actor_ids.clone(), 0..=actors);
        (
            text(),
            prop::collection::vec((text(), prop::option::of(text()), prop::collection::vec(text(), 0..2)), actors),
            prop::collection::vec(text(), topics),
            prop::collection::vec((text(), some_actors.clone(), some_sources.clone()), claims),
            prop::collection::vec((actor.clone(), text(), 0usize..5, some_sources), positions),
            prop::collection::vec((actor, text(), some_actors, 0usize..3), quotes),
            prop::collection::vec(text(), sources),
        )
            .prop_map(move |(title, actors, topics, claims, positions, quotes, sources)| {
                let stances = ["supports", "opposes", "neutral", "mixed", "unclear"];
                let kinds = ["direct", "partial", "indirect"];
                json!({
                    "brief": 1,
                    "id": "generated",
                    "title": title,
                    "date": "2024-06-30",
                    "x-desk": {"tags": ["a", 1, true]},
                    "sources": sources.iter().enumerate().map(|(i, title)| json!({"id": format!("s{i}"), "title": title})).collect::<Vec<_>>(),
                    "topics": topics.iter().enumerate().map(|(i, label)| json!({"id": format!("t{i}"), "label": label})).collect::<Vec<_>>(),
                    "actors": actors.iter().enumerate().map(|(i, (name, role, aliases))| json!({
                        "id": format!("a{i}"), "name": name, "role": role, "aliases": aliases
                    })).collect::<Vec<_>>(),
                    "claims": claims.iter().enumerate().map(|(i, (text, by, cited))| json!({
                        "id": format!("c{i}"), "text": text, "by": by, "source": one_or_a_list(cited)
                    })).collect::<Vec<_>>(),
                    "positions": positions.iter().enumerate().map(|(i, (actor, text, stance, cited))| json!({
                        "id": format!("p{i}"), "actor": actor, "text": text, "stance": stances[*stance], "source": one_or_a_list(cited)
                    })).collect::<Vec<_>>(),
                    "quotes": quotes.iter().enumerate().map(|(i, (speaker, text, mentions, kind))| json!({
                        "id": format!("q{i}"), "speaker": speaker, "text": text, "mentions": mentions, "kind": kinds[*kind], "x-note": text
                    })).collect::<Vec<_>>(),
                })
            })
    })
}

/// `source` as an author writes it: nothing, one id, or a list.
fn one_or_a_list(ids: &[String]) -> Value {
    match ids {
        [] => Value::Null,
        [one] => json!(one),
        several => json!(several),
    }
}

fn load(value: &Value) -> Brief {
    // JSON is YAML, once C1 controls are escaped (YAML allows them only escaped).
    let text = brief::text::json_escape_unsafe(serde_json::to_string_pretty(value).unwrap());
    let file = load_text(Origin::Embedded("generated"), text);
    let problems: Vec<_> = file.all_problems().filter(|p| p.is_error()).map(|p| p.message.clone()).collect();
    assert!(problems.is_empty(), "{problems:#?}\n{value:#}");
    file.into_valid_briefs().pop().unwrap()
}

/// The brief rebuilt from a JSON export of all of it: the header, then each item under its
/// section.
fn rebuilt_from_export(brief: &Brief) -> Value {
    let index = Index::build(brief);
    let json = export::export(brief, &index, &Selection::All, &Options { format: Format::Json, width: 80 });
    let exported: Value = serde_json::from_str(&json).unwrap();
    let exported = &exported[0];
    let mut rebuilt = exported["brief"].clone();
    for entry in exported["items"].as_array().unwrap() {
        let section = entry["section"].as_str().unwrap();
        let list = rebuilt.as_object_mut().unwrap().entry(section).or_insert_with(|| json!([]));
        list.as_array_mut().unwrap().push(entry["item"].clone());
    }
    // Nulls stand for fields left out.
    fn drop_nulls(value: &mut Value) {
        match value {
            Value::Object(map) => {
                map.retain(|_, v| !v.is_null());
                map.values_mut().for_each(drop_nulls);
            }
            Value::Array(items) => items.iter_mut().for_each(drop_nulls),
            _ => {}
        }
    }
    drop_nulls(&mut rebuilt);
    rebuilt
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn a_generated_brief_loads_exports_and_loads_again_unchanged(written in brief_value()) {
        let first = load(&written);
        // Every field as written came through the loader.
        for (section, key) in [("actors", "name"), ("quotes", "text"), ("quotes", "x-note"), ("claims", "text"), ("claims", "source"), ("positions", "source")] {
            for (i, item) in written[section].as_array().unwrap().iter().enumerate() {
                let model = serde_json::to_value(&first).unwrap();
                prop_assert_eq!(&model[section][i][key], &item[key], "{} {} {}", section, i, key);
            }
        }
        prop_assert_eq!(&serde_json::to_value(&first).unwrap()["x-desk"], &written["x-desk"]);
        let second = load(&rebuilt_from_export(&first));
        prop_assert_eq!(as_a_timeline(&first), serde_json::to_value(&second).unwrap());
    }
}

/// The brief as an export gives it back: events as a timeline (by date, equal dates as
/// written), everything else as written.
fn as_a_timeline(brief: &Brief) -> Value {
    let mut brief = brief.clone();
    brief.events.sort_by(|a, b| a.date.cmp(&b.date));
    serde_json::to_value(&brief).unwrap()
}

#[test]
fn the_sample_survives_the_round_trip() {
    let first = brief::sample::load().into_valid_briefs().pop().unwrap();
    let second = load(&rebuilt_from_export(&first));
    assert_eq!(as_a_timeline(&first), serde_json::to_value(&second).unwrap());
}
