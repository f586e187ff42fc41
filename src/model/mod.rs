//! The typed brief: every section and field of the format, version 1. No I/O here.
//!
//! Each item remembers where it was written (`Span`), so diagnostics and the reader can point
//! back into the file. References keep the id as written plus its place; the `index` module
//! resolves them.

mod date;
mod ids;
mod vocab;

use std::collections::BTreeMap;

use schemars::JsonSchema;
use serde::Serialize;

#[cfg(any(test, feature = "testing"))]
pub(crate) use date::civil_from_days;
pub use date::{Date, DateError, DateErrorKind};
pub use ids::IdTable;
pub(crate) use ids::id_hash;
pub use vocab::{ActorKind, ClaimStatus, Credibility, EventStatus, QuoteKind, Reliability, Stance, Vocabulary};

/// The only format version that exists.
pub const FORMAT_VERSION: u64 = 1;

/// The `$id` pattern of the format: `^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$`.
pub const ID_PATTERN: &str = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

pub fn is_valid_id(id: &str) -> bool {
    let mut bytes = id.bytes();
    matches!(bytes.next(), Some(b) if b.is_ascii_alphanumeric())
        && id.len() <= 64
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// Where something was written in its file: 1-based line and column (in characters), and the
/// byte range of the value.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub line: u32,
    pub column: u32,
    pub offset: u32,
    pub len: u32,
}

/// `x-` fields, kept as written (as JSON-like values), in name order, never interpreted.
/// Most items have none, so an empty set costs one pointer.
#[derive(Debug, Clone, Default, PartialEq)]
#[allow(clippy::box_collection)] // an empty BTreeMap is three words; `None` here is one
pub struct Extensions(Option<Box<BTreeMap<String, serde_json::Value>>>);

impl Extensions {
    pub fn new() -> Extensions {
        Extensions(None)
    }

    pub fn insert(&mut self, name: String, value: serde_json::Value) {
        self.0.get_or_insert_default().insert(name, value);
    }

    pub fn get(&self, name: &str) -> Option<&serde_json::Value> {
        self.0.as_ref()?.get(name)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &serde_json::Value)> {
        self.0.iter().flat_map(|map| map.iter())
    }

    pub fn len(&self) -> usize {
        self.0.as_ref().map_or(0, |map| map.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl Serialize for Extensions {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

/// A reference to another item by id, as written in the file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Ref {
    /// Boxed rather than a `String`: a brief holds hundreds of thousands of references.
    pub id: Box<str>,
    pub span: Span,
}

impl Serialize for Ref {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.id)
    }
}

impl JsonSchema for Ref {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Id".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({ "type": "string", "pattern": ID_PATTERN })
    }
}

/// The sections of a brief that hold items, in the order the format lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    Sources,
    Topics,
    Actors,
    Claims,
    Positions,
    Quotes,
    Events,
}

impl Section {
    pub const ALL: [Section; 7] = [
        Section::Sources,
        Section::Topics,
        Section::Actors,
        Section::Claims,
        Section::Positions,
        Section::Quotes,
        Section::Events,
    ];

    /// The section's key in the file (`actors`).
    pub fn key(self) -> &'static str {
        match self {
            Section::Sources => "sources",
            Section::Topics => "topics",
            Section::Actors => "actors",
            Section::Claims => "claims",
            Section::Positions => "positions",
            Section::Quotes => "quotes",
            Section::Events => "events",
        }
    }

    /// One item of the section, for messages (`an actor`).
    pub fn singular(self) -> &'static str {
        match self {
            Section::Sources => "source",
            Section::Topics => "topic",
            Section::Actors => "actor",
            Section::Claims => "claim",
            Section::Positions => "position",
            Section::Quotes => "quote",
            Section::Events => "event",
        }
    }

    pub fn with_article(self) -> &'static str {
        match self {
            Section::Sources => "a source",
            Section::Topics => "a topic",
            Section::Actors => "an actor",
            Section::Claims => "a claim",
            Section::Positions => "a position",
            Section::Quotes => "a quote",
            Section::Events => "an event",
        }
    }

    pub fn title(self) -> &'static str {
        match self {
            Section::Sources => "Sources",
            Section::Topics => "Topics",
            Section::Actors => "Actors",
            Section::Claims => "Claims",
            Section::Positions => "Positions",
            Section::Quotes => "Quotes",
            Section::Events => "Events",
        }
    }

    pub fn from_key(key: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|s| s.key() == key)
    }
}

/// One item anywhere in a brief: its section and its place in that section's list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemRef {
    pub section: Section,
    pub index: u32,
}

impl ItemRef {
    pub fn new(section: Section, index: usize) -> ItemRef {
        ItemRef { section, index: index as u32 }
    }

    pub fn index(self) -> usize {
        self.index as usize
    }
}

/// Marks the schema of an item struct as closed except for `x-` fields.
fn closed_but_extensible(schema: &mut schemars::Schema) {
    schema.insert("additionalProperties".into(), false.into());
    schema.insert("patternProperties".into(), serde_json::json!({ "^x-": {} }));
}

/// `by` takes one actor id or a list of them.
fn one_or_many_ids(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "anyOf": [
            { "type": "string", "pattern": ID_PATTERN },
            { "type": "array", "items": { "type": "string", "pattern": ID_PATTERN } }
        ]
    })
}

/// `source` on a claim, position or event takes one source id or a list of them; `null`, as a
/// v1 brief may write it, cites none.
fn one_or_many_sources(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({
        "anyOf": [
            { "type": "string", "pattern": ID_PATTERN },
            { "type": "array", "items": { "type": "string", "pattern": ID_PATTERN } },
            { "type": "null" }
        ],
        "default": null
    })
}

/// The sources an item cites, as a v1 brief wrote the one it could: none as `null`, one as its
/// id; several as a list of ids.
fn sources_as_written<S: serde::Serializer>(sources: &[Ref], serializer: S) -> Result<S::Ok, S::Error> {
    match sources {
        [] => serializer.serialize_none(),
        [one] => one.serialize(serializer),
        several => serializer.collect_seq(several),
    }
}

fn id_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({ "type": "string", "pattern": ID_PATTERN })
}

fn text_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({ "type": "string", "pattern": r"\S" })
}

fn version_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
    schemars::json_schema!({ "const": FORMAT_VERSION })
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A brief: one YAML document recording who said what about a situation.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(title = "Brief", transform = closed_but_extensible)]
#[schemars(description = "A briefing note: actors, claims, positions and quotes (brief format, version 1).")]
pub struct Brief {
    /// Format version; only 1 exists.
    #[schemars(schema_with = "version_schema")]
    pub brief: u64,
    #[schemars(schema_with = "id_schema")]
    pub id: Box<str>,
    #[schemars(schema_with = "text_schema")]
    pub title: Box<str>,
    /// The date the brief speaks as of.
    pub date: Date,
    /// Bottom line up front, a few sentences.
    #[serde(default)]
    pub summary: Option<Box<str>>,
    /// Author or desk.
    #[serde(default)]
    pub prepared_by: Option<Box<str>>,
    /// Handling marking, shown in the title bar.
    #[serde(default)]
    pub marking: Option<Box<str>>,
    #[serde(default)]
    pub tags: Vec<Box<str>>,
    /// The id of the earlier brief this one updates: what the reader marks as new or changed
    /// is measured against it.
    #[serde(default)]
    pub follows: Option<Ref>,
    #[serde(default)]
    pub sources: Vec<Source>,
    #[serde(default)]
    pub topics: Vec<Topic>,
    pub actors: Vec<Actor>,
    #[serde(default)]
    pub claims: Vec<Claim>,
    #[serde(default)]
    pub positions: Vec<Position>,
    #[serde(default)]
    pub quotes: Vec<Quote>,
    /// A dated timeline.
    #[serde(default)]
    pub events: Vec<Event>,
    #[serde(flatten)]
    #[schemars(skip)]
    pub extensions: Extensions,
    #[serde(skip)]
    #[schemars(skip)]
    pub span: Span,
}

impl Brief {
    /// The fields of a brief, as the format names them: the loader reads these and no others
    /// (beyond `x-` fields), and a test holds each item's list to its struct's schema.
    pub const FIELDS: &'static [&'static str] = &[
        "brief",
        "id",
        "title",
        "date",
        "summary",
        "prepared_by",
        "marking",
        "tags",
        "follows",
        "sources",
        "topics",
        "actors",
        "claims",
        "positions",
        "quotes",
        "events",
    ];
}

/// Where the brief's material comes from.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(transform = closed_but_extensible)]
pub struct Source {
    #[schemars(schema_with = "id_schema")]
    pub id: Box<str>,
    #[schemars(schema_with = "text_schema")]
    pub title: Box<str>,
    #[serde(default)]
    pub publisher: Option<Box<str>>,
    #[serde(default)]
    pub published: Option<Date>,
    #[serde(default)]
    pub url: Option<Box<str>>,
    /// Admiralty source reliability, A..F.
    #[serde(default)]
    pub reliability: Option<Reliability>,
    /// Path, relative to the brief, of a plain-text copy of the source; direct and partial quotes
    /// citing this source must occur in it.
    #[serde(default)]
    pub file: Option<Box<str>>,
    #[serde(flatten)]
    #[schemars(skip)]
    pub extensions: Extensions,
    #[serde(skip)]
    #[schemars(skip)]
    pub span: Span,
}

impl Source {
    /// The fields of a source, as the format names them.
    pub const FIELDS: &'static [&'static str] =
        &["id", "title", "publisher", "published", "url", "reliability", "file"];

    /// What a citation calls the source: its publisher (`Al Jazeera, para 19`), else its title.
    pub fn cited_as(&self) -> &str {
        self.publisher.as_deref().unwrap_or(&self.title)
    }
}

/// An issue on which actors take positions.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(transform = closed_but_extensible)]
pub struct Topic {
    #[schemars(schema_with = "id_schema")]
    pub id: Box<str>,
    #[schemars(schema_with = "text_schema")]
    pub label: Box<str>,
    #[serde(default)]
    pub summary: Option<Box<str>>,
    #[serde(flatten)]
    #[schemars(skip)]
    pub extensions: Extensions,
    #[serde(skip)]
    #[schemars(skip)]
    pub span: Span,
}

impl Topic {
    /// The fields of a topic, as the format names them.
    pub const FIELDS: &'static [&'static str] = &["id", "label", "summary"];
}

/// A person, organisation, state or group.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(transform = closed_but_extensible)]
pub struct Actor {
    #[schemars(schema_with = "id_schema")]
    pub id: Box<str>,
    #[schemars(schema_with = "text_schema")]
    pub name: Box<str>,
    #[serde(default)]
    pub kind: ActorKind,
    /// `President of the United States`, `senior administration official`.
    #[serde(default)]
    pub role: Option<Box<str>>,
    /// True for an unnamed source.
    #[serde(default, skip_serializing_if = "is_false")]
    pub anonymous: bool,
    /// The body this actor belongs to (an actor id).
    #[serde(default)]
    pub affiliation: Option<Ref>,
    /// Actors this actor speaks on behalf of.
    #[serde(default)]
    pub speaks_for: Vec<Ref>,
    /// Other names used in the text, for search.
    #[serde(default)]
    pub aliases: Vec<Box<str>>,
    #[serde(default)]
    pub summary: Option<Box<str>>,
    #[serde(flatten)]
    #[schemars(skip)]
    pub extensions: Extensions,
    #[serde(skip)]
    #[schemars(skip)]
    pub span: Span,
}

impl Actor {
    /// The fields of an actor, as the format names them.
    pub const FIELDS: &'static [&'static str] =
        &["id", "name", "kind", "role", "anonymous", "affiliation", "speaks_for", "aliases", "summary"];
}

/// An assertion about the world, in the brief author's words.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(transform = closed_but_extensible)]
pub struct Claim {
    #[schemars(schema_with = "id_schema")]
    pub id: Box<str>,
    #[schemars(schema_with = "text_schema")]
    pub text: Box<str>,
    /// Actors asserting it; none means the source's own narration.
    #[serde(default)]
    #[schemars(schema_with = "one_or_many_ids")]
    pub by: Vec<Ref>,
    #[serde(default)]
    pub topic: Option<Ref>,
    #[serde(default)]
    pub status: ClaimStatus,
    /// Admiralty information credibility, 1..6.
    #[serde(default)]
    pub credibility: Option<Credibility>,
    /// Quotes whose words state or back the claim.
    #[serde(default)]
    pub quotes: Vec<Ref>,
    #[serde(default)]
    pub date: Option<Date>,
    /// The sources it comes from; `at` is a place in the first.
    #[serde(default, serialize_with = "sources_as_written")]
    #[schemars(schema_with = "one_or_many_sources")]
    pub source: Vec<Ref>,
    /// Locator inside the source, the first of several (`para 15`).
    #[serde(default)]
    pub at: Option<Box<str>>,
    #[serde(flatten)]
    #[schemars(skip)]
    pub extensions: Extensions,
    #[serde(skip)]
    #[schemars(skip)]
    pub span: Span,
}

impl Claim {
    /// The fields of a claim, as the format names them.
    pub const FIELDS: &'static [&'static str] =
        &["id", "text", "by", "topic", "status", "credibility", "quotes", "date", "source", "at"];
}

/// The stance an actor takes on a topic.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(transform = closed_but_extensible)]
pub struct Position {
    #[schemars(schema_with = "id_schema")]
    pub id: Box<str>,
    /// The holder.
    pub actor: Ref,
    #[schemars(schema_with = "text_schema")]
    pub text: Box<str>,
    #[serde(default)]
    pub topic: Option<Ref>,
    #[serde(default)]
    pub stance: Stance,
    /// Claims this position backs.
    #[serde(default)]
    pub supports: Vec<Ref>,
    /// Claims this position contests.
    #[serde(default)]
    pub disputes: Vec<Ref>,
    /// Quotes that evidence the position.
    #[serde(default)]
    pub quotes: Vec<Ref>,
    #[serde(default)]
    pub date: Option<Date>,
    /// The sources it comes from; `at` is a place in the first.
    #[serde(default, serialize_with = "sources_as_written")]
    #[schemars(schema_with = "one_or_many_sources")]
    pub source: Vec<Ref>,
    #[serde(default)]
    pub at: Option<Box<str>>,
    #[serde(flatten)]
    #[schemars(skip)]
    pub extensions: Extensions,
    #[serde(skip)]
    #[schemars(skip)]
    pub span: Span,
}

impl Position {
    /// The fields of a position, as the format names them.
    pub const FIELDS: &'static [&'static str] =
        &["id", "actor", "text", "topic", "stance", "supports", "disputes", "quotes", "date", "source", "at"];
}

/// Words attributed to a speaker.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(transform = closed_but_extensible)]
pub struct Quote {
    #[schemars(schema_with = "id_schema")]
    pub id: Box<str>,
    pub speaker: Ref,
    /// Verbatim for `direct` and `partial` quotes.
    #[schemars(schema_with = "text_schema")]
    pub text: Box<str>,
    #[serde(default)]
    pub kind: QuoteKind,
    /// The actor the speaker spoke for, where the speaker's `speaks_for` does not say it.
    #[serde(default)]
    pub on_behalf_of: Option<Ref>,
    /// The audience (`reporters`).
    #[serde(default)]
    pub to: Option<Box<str>>,
    /// One line of circumstance (`on condition of anonymity`).
    #[serde(default)]
    pub context: Option<Box<str>>,
    /// Actors the quote names or is about.
    #[serde(default)]
    pub mentions: Vec<Ref>,
    #[serde(default)]
    pub date: Option<Date>,
    #[serde(default)]
    pub source: Option<Ref>,
    #[serde(default)]
    pub at: Option<Box<str>>,
    #[serde(flatten)]
    #[schemars(skip)]
    pub extensions: Extensions,
    #[serde(skip)]
    #[schemars(skip)]
    pub span: Span,
}

impl Quote {
    /// The fields of a quote, as the format names them.
    pub const FIELDS: &'static [&'static str] =
        &["id", "speaker", "text", "kind", "on_behalf_of", "to", "context", "mentions", "date", "source", "at"];
}

/// A dated entry in the timeline.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
#[schemars(transform = closed_but_extensible)]
pub struct Event {
    #[schemars(schema_with = "id_schema")]
    pub id: Box<str>,
    pub date: Date,
    #[schemars(schema_with = "text_schema")]
    pub text: Box<str>,
    #[serde(default)]
    pub status: EventStatus,
    /// Actors involved.
    #[serde(default)]
    pub actors: Vec<Ref>,
    /// The sources it comes from; `at` is a place in the first.
    #[serde(default, serialize_with = "sources_as_written")]
    #[schemars(schema_with = "one_or_many_sources")]
    pub source: Vec<Ref>,
    #[serde(default)]
    pub at: Option<Box<str>>,
    #[serde(flatten)]
    #[schemars(skip)]
    pub extensions: Extensions,
    #[serde(skip)]
    #[schemars(skip)]
    pub span: Span,
}

impl Event {
    /// The fields of an event, as the format names them.
    pub const FIELDS: &'static [&'static str] = &["id", "date", "text", "status", "actors", "source", "at"];
}

impl Brief {
    /// How many items a section holds.
    pub fn len(&self, section: Section) -> usize {
        match section {
            Section::Sources => self.sources.len(),
            Section::Topics => self.topics.len(),
            Section::Actors => self.actors.len(),
            Section::Claims => self.claims.len(),
            Section::Positions => self.positions.len(),
            Section::Quotes => self.quotes.len(),
            Section::Events => self.events.len(),
        }
    }

    /// The id of any item.
    pub fn id_of(&self, item: ItemRef) -> &str {
        let i = item.index();
        match item.section {
            Section::Sources => &self.sources[i].id,
            Section::Topics => &self.topics[i].id,
            Section::Actors => &self.actors[i].id,
            Section::Claims => &self.claims[i].id,
            Section::Positions => &self.positions[i].id,
            Section::Quotes => &self.quotes[i].id,
            Section::Events => &self.events[i].id,
        }
    }

    /// Where any item was written.
    pub fn span_of(&self, item: ItemRef) -> Span {
        let i = item.index();
        match item.section {
            Section::Sources => self.sources[i].span,
            Section::Topics => self.topics[i].span,
            Section::Actors => self.actors[i].span,
            Section::Claims => self.claims[i].span,
            Section::Positions => self.positions[i].span,
            Section::Quotes => self.quotes[i].span,
            Section::Events => self.events[i].span,
        }
    }

    /// The `x-` fields of any item.
    pub fn extensions_of(&self, item: ItemRef) -> &Extensions {
        let i = item.index();
        match item.section {
            Section::Sources => &self.sources[i].extensions,
            Section::Topics => &self.topics[i].extensions,
            Section::Actors => &self.actors[i].extensions,
            Section::Claims => &self.claims[i].extensions,
            Section::Positions => &self.positions[i].extensions,
            Section::Quotes => &self.quotes[i].extensions,
            Section::Events => &self.events[i].extensions,
        }
    }

    /// The items of a section, as references, in file order.
    pub fn items(&self, section: Section) -> impl ExactSizeIterator<Item = ItemRef> + use<> {
        (0..self.len(section)).map(move |i| ItemRef::new(section, i))
    }

    /// What a reader knows an item by: an actor's name, a topic's label, a source's title, or a
    /// claim's, position's, quote's or event's text.
    pub fn name_of(&self, item: ItemRef) -> &str {
        let i = item.index();
        match item.section {
            Section::Sources => &self.sources[i].title,
            Section::Topics => &self.topics[i].label,
            Section::Actors => &self.actors[i].name,
            Section::Claims => &self.claims[i].text,
            Section::Positions => &self.positions[i].text,
            Section::Quotes => &self.quotes[i].text,
            Section::Events => &self.events[i].text,
        }
    }

    /// The cited sources and the locator (in the first) of an item that can carry them; no
    /// sources for an item that cites none or cannot.
    pub fn citation_of(&self, item: ItemRef) -> (&[Ref], Option<&str>) {
        let i = item.index();
        match item.section {
            Section::Claims => (&self.claims[i].source, self.claims[i].at.as_deref()),
            Section::Positions => (&self.positions[i].source, self.positions[i].at.as_deref()),
            // A quote's words are checked against its source, so it has one.
            Section::Quotes => (self.quotes[i].source.as_slice(), self.quotes[i].at.as_deref()),
            Section::Events => (&self.events[i].source, self.events[i].at.as_deref()),
            Section::Sources | Section::Topics | Section::Actors => (&[], None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn id_pattern_matches_the_format() {
        for good in ["biden", "a", "Q1", "c-troop.build_up", &"x".repeat(64)] {
            assert!(is_valid_id(good), "{good}");
        }
        for bad in ["", "-lead", ".x", "has space", "ünï", &"x".repeat(65), "a/b"] {
            assert!(!is_valid_id(bad), "{bad}");
        }
    }

    #[test]
    fn sources_serialize_as_a_v1_brief_wrote_them_until_there_are_several() {
        let cited = |ids: &[&str]| -> serde_json::Value {
            let refs: Vec<Ref> = ids.iter().map(|id| Ref { id: (*id).into(), span: Span::default() }).collect();
            sources_as_written(&refs, serde_json::value::Serializer).unwrap()
        };
        assert_eq!(cited(&[]), serde_json::Value::Null);
        assert_eq!(cited(&["a"]), serde_json::json!("a"));
        assert_eq!(cited(&["a", "b"]), serde_json::json!(["a", "b"]));
    }

    #[test]
    fn section_keys_round_trip() {
        for section in Section::ALL {
            assert_eq!(Section::from_key(section.key()), Some(section));
        }
        assert_eq!(Section::from_key("actor"), None);
    }
}
