//! From positioned YAML nodes to model items: every field checked, every problem reported.

use std::collections::HashSet;

use super::diagnostic::{Code, Diagnostic};
use super::suggest::nearest;
use super::yaml::{FromNode, Items, Node, Plain, Value};
use crate::model::{
    Actor, Brief, Claim, Date, Event, Extensions, FORMAT_VERSION, Position, Quote, Ref, Source, Span, Topic,
    Vocabulary, is_valid_id,
};

/// A section as read from the file: its items, and where its key stood.
pub(crate) struct Slot<T> {
    pub items: Vec<T>,
    /// The key's position, when the section was written at all.
    pub key: Option<Span>,
}

impl<T> Default for Slot<T> {
    fn default() -> Self {
        Slot { items: Vec::new(), key: None }
    }
}

impl<T> Slot<T> {
    pub fn fill(&mut self, key: Node, (value_span, items): (Span, Items<T>), problems: &mut Vec<Diagnostic>) {
        let name = match &key.value {
            Value::Text(name) => name.clone(),
            _ => String::new(),
        };
        if let Some(first) = self.key {
            problems.push(
                Diagnostic::new(Code::DuplicateField, key.span, format!("section `{name}` is written twice"))
                    .label("second time here")
                    .help(format!("merge the two lists into the `{name}:` on line {}", first.line)),
            );
        } else {
            self.key = Some(key.span);
        }
        match items {
            Items::List(mut items) => self.items.append(&mut items),
            Items::NotAList(found) => problems.push(
                Diagnostic::new(Code::WrongType, value_span, format!("section `{name}` must be a list, found {found}"))
                    .label("expected a list")
                    .help(format!("write each item on its own line under `{name}:`, starting with `- id: …`")),
            ),
        }
    }
}

/// Everything the top-level mapping held, gathered before the brief is assembled.
#[derive(Default)]
pub(crate) struct BriefParts {
    /// Top-level entries other than the sections, in file order.
    pub fields: Vec<(Node, Node)>,
    pub sources: Slot<Source>,
    pub topics: Slot<Topic>,
    pub actors: Slot<Actor>,
    pub claims: Slot<Claim>,
    pub positions: Slot<Position>,
    pub quotes: Slot<Quote>,
    pub events: Slot<Event>,
}

const BRIEF_FIELDS: &[&str] = &[
    "brief", "id", "title", "date", "summary", "prepared_by", "marking", "tags", "sources", "topics", "actors", "claims",
    "positions", "quotes", "events",
];

/// Assembles the brief from its parts once the whole document has been read.
pub(crate) fn finish_brief(parts: BriefParts, span: Span, problems: &mut Vec<Diagnostic>) -> Option<Brief> {
    let start = problems.len();
    let mut fields = Fields::new(parts.fields, "brief", span, BRIEF_FIELDS, problems);
    let version = fields.version();
    let id = fields.id();
    let title = fields.text_required("title");
    let date = fields.date_required("date");
    let summary = fields.text("summary");
    let prepared_by = fields.text("prepared_by");
    let marking = fields.text("marking");
    let tags = fields.strings("tags");
    let extensions = fields.finish();
    match version {
        Version::Unsupported => {
            // Another version's fields would drown the one message that matters.
            let version_problem = problems[start..].iter().find(|p| p.code == Code::UnsupportedVersion).cloned();
            problems.truncate(start);
            problems.extend(version_problem);
            return None;
        }
        Version::Missing | Version::One => {}
    }
    if parts.actors.key.is_none() {
        problems.push(
            Diagnostic::new(Code::MissingField, span, "the brief has no `actors:` section")
                .label("brief starts here")
                .help("add `actors:` with at least one `- id: …` and `name: …`"),
        );
    }
    // Missing top-level fields were reported; the rest is still checked, so build with blanks.
    let brief = Brief {
        brief: FORMAT_VERSION,
        id: id.unwrap_or_default(),
        title: title.unwrap_or_default(),
        date: date.unwrap_or_default(),
        summary,
        prepared_by,
        marking,
        tags,
        sources: parts.sources.items,
        topics: parts.topics.items,
        actors: parts.actors.items,
        claims: parts.claims.items,
        positions: parts.positions.items,
        quotes: parts.quotes.items,
        events: parts.events.items,
        extensions,
        span,
    };
    let keys = [
        ("sources", parts.sources.key, brief.sources.is_empty()),
        ("topics", parts.topics.key, brief.topics.is_empty()),
        ("actors", parts.actors.key, brief.actors.is_empty()),
        ("claims", parts.claims.key, brief.claims.is_empty()),
        ("positions", parts.positions.key, brief.positions.is_empty()),
        ("quotes", parts.quotes.key, brief.quotes.is_empty()),
        ("events", parts.events.key, brief.events.is_empty()),
    ];
    for (name, key, empty) in keys {
        if let (Some(key), true) = (key, empty) {
            problems.push(
                Diagnostic::new(Code::EmptySection, key, format!("section `{name}` is empty"))
                    .label("no items")
                    .help(format!("add items to `{name}` or remove the key")),
            );
        }
    }
    Some(brief)
}

enum Version {
    One,
    Missing,
    Unsupported,
}

/// Reads the fields of one mapping, in any order, reporting each problem once.
struct Fields<'p> {
    owner: &'static str,
    owner_span: Span,
    /// Entries not taken yet; `None` once taken.
    entries: Vec<Option<(String, Node, Node)>>,
    known: &'static [&'static str],
    problems: &'p mut Vec<Diagnostic>,
}

impl<'p> Fields<'p> {
    fn new(
        entries: Vec<(Node, Node)>,
        owner: &'static str,
        owner_span: Span,
        known: &'static [&'static str],
        problems: &'p mut Vec<Diagnostic>,
    ) -> Fields<'p> {
        let mut seen: HashSet<String> = HashSet::with_capacity(entries.len());
        let mut kept = Vec::with_capacity(entries.len());
        for (key, value) in entries {
            let name = match &key.value {
                Value::Text(name) => name.clone(),
                Value::Plain { text, .. } => text.clone(),
                other => {
                    problems.push(
                        Diagnostic::new(Code::WrongType, key.span, format!("a field name must be text, found {}", other.kind_name()))
                            .label("not a field name"),
                    );
                    continue;
                }
            };
            if !seen.insert(name.clone()) {
                problems.push(
                    Diagnostic::new(Code::DuplicateField, key.span, format!("field `{name}` is written twice in this {owner}"))
                        .label("second time here")
                        .help("keep one of the two; YAML would silently drop the other"),
                );
                continue;
            }
            kept.push(Some((name, key, value)));
        }
        Fields { owner, owner_span, entries: kept, known, problems }
    }

    fn take(&mut self, name: &str) -> Option<(Span, Node)> {
        self.entries.iter_mut().find(|e| e.as_ref().is_some_and(|(n, _, _)| n == name)).and_then(|slot| {
            let (_, key, value) = slot.take()?;
            Some((key.span, value))
        })
    }

    fn missing(&mut self, name: &str) {
        let article = if self.owner.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
        self.problems.push(
            Diagnostic::new(Code::MissingField, self.owner_span, format!("{article} {} needs `{name}:`", self.owner))
                .label(format!("this {} has no `{name}`", self.owner))
                .help(format!("add `{name}: …` to this {}", self.owner)),
        );
    }

    fn wrong_type(&mut self, name: &str, node: &Node, expected: &str, help: String) {
        self.problems.push(
            Diagnostic::new(
                Code::WrongType,
                node.span,
                format!("`{name}` must be {expected}, found {}", node.value.kind_name()),
            )
            .label(format!("expected {expected}"))
            .help(help),
        );
    }

    /// A scalar's text; numbers and booleans as written. Reports other shapes.
    fn scalar(&mut self, name: &str, node: Node) -> Option<(Span, String)> {
        match node.value {
            Value::Text(text) | Value::Plain { text, .. } => Some((node.span, text)),
            Value::Null => None,
            Value::Seq(_) | Value::Map(_) => {
                self.wrong_type(name, &node, "text", format!("write `{name}` as one line of text, quoted if it holds `: `"));
                None
            }
        }
    }

    fn version(&mut self) -> Version {
        let Some((_, node)) = self.take("brief") else {
            self.problems.push(
                Diagnostic::new(Code::MissingVersion, self.owner_span, "the brief does not say its format version")
                    .label("expected `brief: 1` in this mapping")
                    .help("add `brief: 1` as the first line of the brief"),
            );
            return Version::Missing;
        };
        match &node.value {
            Value::Plain { kind: Plain::Int(1) | Plain::UInt(1), .. } => Version::One,
            Value::Text(t) if t.trim() == "1" => Version::One,
            other => {
                let written = match other {
                    Value::Text(t) | Value::Plain { text: t, .. } => format!("'{t}'"),
                    other => other.kind_name().to_string(),
                };
                self.problems.push(
                    Diagnostic::new(
                        Code::UnsupportedVersion,
                        node.span,
                        format!("format version {written} is not supported; this reader knows version 1"),
                    )
                    .label("only `1` exists")
                    .help("write `brief: 1`, or open this file with the tool that wrote it"),
                );
                Version::Unsupported
            }
        }
    }

    fn id(&mut self) -> Option<String> {
        let Some((_, node)) = self.take("id") else {
            self.missing("id");
            return None;
        };
        let (span, id) = self.scalar("id", node)?;
        if !is_valid_id(&id) {
            self.problems.push(bad_id(&id, span));
        }
        Some(id)
    }

    fn text_required(&mut self, name: &str) -> Option<String> {
        let Some((key_span, node)) = self.take(name) else {
            self.missing(name);
            return None;
        };
        let span = node.span;
        match self.scalar(name, node) {
            Some((_, text)) if !text.trim().is_empty() => Some(text),
            Some((span, _)) => {
                self.blank(name, span);
                None
            }
            None if span.len == 0 => {
                self.blank(name, key_span);
                None
            }
            None => None,
        }
    }

    fn blank(&mut self, name: &str, span: Span) {
        self.problems.push(
            Diagnostic::new(Code::BlankText, span, format!("`{name}` is empty"))
                .label(format!("{} {name} here", self.owner))
                .help(format!("write the {name}, or remove this {}", self.owner)),
        );
    }

    fn text(&mut self, name: &str) -> Option<String> {
        let (_, node) = self.take(name)?;
        self.scalar(name, node).map(|(_, t)| t).filter(|t| !t.trim().is_empty())
    }

    fn strings(&mut self, name: &str) -> Vec<String> {
        let Some((_, node)) = self.take(name) else { return Vec::new() };
        match node.value {
            Value::Seq(items) => items.into_iter().filter_map(|item| self.scalar(name, item).map(|(_, t)| t)).collect(),
            Value::Null => Vec::new(),
            _ => {
                self.wrong_type(name, &node, "a list", format!("write `{name}: [first, second]`"));
                Vec::new()
            }
        }
    }

    fn reference_node(&mut self, name: &str, node: Node) -> Option<Ref> {
        let (span, id) = self.scalar(name, node)?;
        Some(Ref { id, span })
    }

    fn reference(&mut self, name: &str) -> Option<Ref> {
        let (_, node) = self.take(name)?;
        self.reference_node(name, node)
    }

    fn reference_required(&mut self, name: &str) -> Option<Ref> {
        let Some((key_span, node)) = self.take(name) else {
            self.missing(name);
            return None;
        };
        if matches!(node.value, Value::Null) {
            self.problems.push(
                Diagnostic::new(Code::MissingField, key_span, format!("`{name}` has no id"))
                    .label("expected an id here")
                    .help(format!("write the id after `{name}:`")),
            );
            return None;
        }
        self.reference_node(name, node)
    }

    /// A list of ids; with `one_allowed`, a single id also counts (`by: biden`).
    fn references(&mut self, name: &str, one_allowed: bool) -> Vec<Ref> {
        let Some((_, node)) = self.take(name) else { return Vec::new() };
        match node.value {
            Value::Seq(items) => items.into_iter().filter_map(|item| self.reference_node(name, item)).collect(),
            Value::Null => Vec::new(),
            Value::Text(_) | Value::Plain { .. } if one_allowed => self.reference_node(name, node).into_iter().collect(),
            _ => {
                let example = match &node.value {
                    Value::Text(t) => format!("write `{name}: [{t}]`"),
                    _ => format!("write `{name}: [first-id, second-id]`"),
                };
                self.wrong_type(name, &node, "a list of ids", example);
                Vec::new()
            }
        }
    }

    fn vocabulary<T: Vocabulary>(&mut self, name: &str) -> Option<T> {
        let (_, node) = self.take(name)?;
        let (span, word) = self.scalar(name, node)?;
        match T::parse(&word) {
            Some(value) => Some(value),
            None => {
                let words: Vec<&str> = T::words().collect();
                self.problems.push(
                    Diagnostic::new(Code::UnknownValue, span, format!("'{word}' is not a valid {}", T::NAME))
                        .label(format!("not one of {}", words.join(", ")))
                        .help(format!("use one of: {}", words.join(", ")))
                        .suggest(nearest(&word, words.iter().copied())),
                );
                None
            }
        }
    }

    fn boolean(&mut self, name: &str) -> bool {
        let Some((_, node)) = self.take(name) else { return false };
        match node.value {
            Value::Plain { kind: Plain::Bool(b), .. } => b,
            Value::Null => false,
            _ => {
                let lower = match &node.value {
                    Value::Text(t) => t.to_lowercase(),
                    _ => String::new(),
                };
                let guess = match lower.as_str() {
                    "yes" | "y" | "on" => "true",
                    "no" | "n" | "off" => "false",
                    _ => "true or false",
                };
                self.wrong_type(name, &node, "true or false", format!("write `{name}: {guess}`"));
                false
            }
        }
    }

    fn date_node(&mut self, name: &str, node: Node) -> Option<Date> {
        let (span, text) = self.scalar(name, node)?;
        match Date::parse(text.trim()) {
            Ok(date) => Some(date),
            Err(why) => {
                self.problems.push(
                    Diagnostic::new(Code::BadDate, span, format!("`{name}` is not a date: {why}"))
                        .label("not an ISO 8601 date")
                        .help("write 2021, 2021-12, 2021-12-06 or 2021-12-06T10:30:00Z"),
                );
                None
            }
        }
    }

    fn date(&mut self, name: &str) -> Option<Date> {
        let (_, node) = self.take(name)?;
        self.date_node(name, node)
    }

    fn date_required(&mut self, name: &str) -> Option<Date> {
        let Some((key_span, node)) = self.take(name) else {
            self.missing(name);
            return None;
        };
        if matches!(node.value, Value::Null) {
            self.problems.push(
                Diagnostic::new(Code::MissingField, key_span, format!("`{name}` has no date"))
                    .label("expected a date here")
                    .help("write a date such as 2021-12-06"),
            );
            return None;
        }
        self.date_node(name, node)
    }

    /// Keeps `x-` fields and reports any other field left over.
    fn finish(self) -> Extensions {
        let mut extensions = Extensions::new();
        for (name, key, value) in self.entries.into_iter().flatten() {
            if name.starts_with("x-") {
                extensions.insert(name, to_json(value));
                continue;
            }
            let diagnostic = Diagnostic::new(
                Code::UnknownField,
                key.span,
                format!("unknown field `{name}` in {} {}", if self.owner.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" }, self.owner),
            )
            .label("not a field of the format")
            .help(format!(
                "the fields of {} are: {}; name your own fields `x-…`",
                self.owner,
                self.known.join(", ")
            ))
            .suggest(nearest(&name, self.known.iter().copied()));
            self.problems.push(diagnostic);
        }
        extensions
    }
}

fn bad_id(id: &str, span: Span) -> Diagnostic {
    let tidy: String = id
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') { c } else { '-' })
        .collect::<String>()
        .trim_matches(|c: char| !c.is_ascii_alphanumeric())
        .chars()
        .take(64)
        .collect();
    let diagnostic = Diagnostic::new(Code::BadId, span, format!("'{id}' is not a valid id"))
        .label("ids are letters, digits, `.`, `_` and `-`, starting with a letter or digit, at most 64")
        .help("use lower-case kebab-case, like `sergey-lavrov`");
    if is_valid_id(&tidy) { diagnostic.suggest(Some(&tidy)) } else { diagnostic }
}

/// An extension value as plain data.
fn to_json(node: Node) -> serde_json::Value {
    use serde_json::Value as J;
    match node.value {
        Value::Null => J::Null,
        Value::Text(t) => J::String(t),
        Value::Plain { kind, text } => match kind {
            Plain::Bool(b) => J::Bool(b),
            Plain::Int(i) => J::from(i),
            Plain::UInt(u) => J::from(u),
            Plain::Float(f) => serde_json::Number::from_f64(f).map_or(J::String(text), J::Number),
        },
        Value::Seq(items) => J::Array(items.into_iter().map(to_json).collect()),
        Value::Map(entries) => J::Object(
            entries
                .into_iter()
                .map(|(k, v)| {
                    let key = match k.value {
                        Value::Text(t) | Value::Plain { text: t, .. } => t,
                        _ => format!("{}:{}", k.span.line, k.span.column),
                    };
                    (key, to_json(v))
                })
                .collect(),
        ),
    }
}

/// Splits an item node into its entries, or reports that it is not a mapping.
fn item_entries(node: Node, owner: &'static str, problems: &mut Vec<Diagnostic>) -> Option<(Span, Vec<(Node, Node)>)> {
    match node.value {
        Value::Map(entries) => Some((node.span, entries)),
        other => {
            problems.push(
                Diagnostic::new(Code::WrongType, node.span, format!("each {owner} must be a mapping of fields, found {}", other.kind_name()))
                    .label(format!("expected `id: …` and the other fields of {owner}"))
                    .help(format!("write the {owner} as `- id: …` with its fields indented below")),
            );
            None
        }
    }
}

/// The span to remember for an item: its id if it has one, else where the item starts.
fn item_span(entries: &[(Node, Node)], start: Span) -> Span {
    entries
        .iter()
        .find(|(k, _)| matches!(&k.value, Value::Text(t) if t == "id"))
        .map_or(start, |(_, v)| v.span)
}

macro_rules! item_reader {
    ($node:ident, $problems:ident, $owner:literal, $known:expr, |$fields:ident| $build:block) => {{
        let (start, entries) = item_entries($node, $owner, $problems)?;
        let span = item_span(&entries, start);
        let mut $fields = Fields::new(entries, $owner, start, $known, $problems);
        // A closure, so a missing required field ends the build but not the check of the rest.
        #[allow(clippy::redundant_closure_call)]
        let built = (|| $build)();
        let extensions = $fields.finish();
        built.map(|mut item| {
            item.extensions = extensions;
            item.span = span;
            item
        })
    }};
}

impl FromNode for Source {
    fn from_node(node: Node, problems: &mut Vec<Diagnostic>) -> Option<Self> {
        const KNOWN: &[&str] = &["id", "title", "publisher", "published", "url", "reliability", "file"];
        item_reader!(node, problems, "source", KNOWN, |f| {
            let id = f.id();
            let title = f.text_required("title");
            let publisher = f.text("publisher");
            let published = f.date("published");
            let url = f.text("url");
            let reliability = f.vocabulary("reliability");
            let file = f.text("file");
            Some(Source {
                id: id?,
                title: title.unwrap_or_default(),
                publisher,
                published,
                url,
                reliability,
                file,
                extensions: Extensions::new(),
                span: Span::default(),
            })
        })
    }
}

impl FromNode for Topic {
    fn from_node(node: Node, problems: &mut Vec<Diagnostic>) -> Option<Self> {
        const KNOWN: &[&str] = &["id", "label", "summary"];
        item_reader!(node, problems, "topic", KNOWN, |f| {
            let id = f.id();
            let label = f.text_required("label");
            let summary = f.text("summary");
            Some(Topic { id: id?, label: label.unwrap_or_default(), summary, extensions: Extensions::new(), span: Span::default() })
        })
    }
}

impl FromNode for Actor {
    fn from_node(node: Node, problems: &mut Vec<Diagnostic>) -> Option<Self> {
        const KNOWN: &[&str] =
            &["id", "name", "kind", "role", "anonymous", "affiliation", "speaks_for", "aliases", "summary"];
        item_reader!(node, problems, "actor", KNOWN, |f| {
            let id = f.id();
            let name = f.text_required("name");
            let kind = f.vocabulary("kind").unwrap_or_default();
            let role = f.text("role");
            let anonymous = f.boolean("anonymous");
            let affiliation = f.reference("affiliation");
            let speaks_for = f.references("speaks_for", false);
            let aliases = f.strings("aliases");
            let summary = f.text("summary");
            Some(Actor {
                id: id?,
                name: name.unwrap_or_default(),
                kind,
                role,
                anonymous,
                affiliation,
                speaks_for,
                aliases,
                summary,
                extensions: Extensions::new(),
                span: Span::default(),
            })
        })
    }
}

impl FromNode for Claim {
    fn from_node(node: Node, problems: &mut Vec<Diagnostic>) -> Option<Self> {
        const KNOWN: &[&str] =
            &["id", "text", "by", "topic", "status", "credibility", "quotes", "date", "source", "at"];
        item_reader!(node, problems, "claim", KNOWN, |f| {
            let id = f.id();
            let text = f.text_required("text");
            let by = f.references("by", true);
            let topic = f.reference("topic");
            let status = f.vocabulary("status").unwrap_or_default();
            let credibility = f.vocabulary("credibility");
            let quotes = f.references("quotes", false);
            let date = f.date("date");
            let source = f.reference("source");
            let at = f.text("at");
            Some(Claim {
                id: id?,
                text: text.unwrap_or_default(),
                by,
                topic,
                status,
                credibility,
                quotes,
                date,
                source,
                at,
                extensions: Extensions::new(),
                span: Span::default(),
            })
        })
    }
}

impl FromNode for Position {
    fn from_node(node: Node, problems: &mut Vec<Diagnostic>) -> Option<Self> {
        const KNOWN: &[&str] =
            &["id", "actor", "text", "topic", "stance", "supports", "disputes", "quotes", "date", "source", "at"];
        item_reader!(node, problems, "position", KNOWN, |f| {
            let id = f.id();
            let actor = f.reference_required("actor");
            let text = f.text_required("text");
            let topic = f.reference("topic");
            let stance = f.vocabulary("stance").unwrap_or_default();
            let supports = f.references("supports", false);
            let disputes = f.references("disputes", false);
            let quotes = f.references("quotes", false);
            let date = f.date("date");
            let source = f.reference("source");
            let at = f.text("at");
            Some(Position {
                id: id?,
                actor: actor.unwrap_or_default(),
                text: text.unwrap_or_default(),
                topic,
                stance,
                supports,
                disputes,
                quotes,
                date,
                source,
                at,
                extensions: Extensions::new(),
                span: Span::default(),
            })
        })
    }
}

impl FromNode for Quote {
    fn from_node(node: Node, problems: &mut Vec<Diagnostic>) -> Option<Self> {
        const KNOWN: &[&str] =
            &["id", "speaker", "text", "kind", "on_behalf_of", "to", "context", "mentions", "date", "source", "at"];
        item_reader!(node, problems, "quote", KNOWN, |f| {
            let id = f.id();
            let speaker = f.reference_required("speaker");
            let text = f.text_required("text");
            let kind = f.vocabulary("kind").unwrap_or_default();
            let on_behalf_of = f.reference("on_behalf_of");
            let to = f.text("to");
            let context = f.text("context");
            let mentions = f.references("mentions", false);
            let date = f.date("date");
            let source = f.reference("source");
            let at = f.text("at");
            Some(Quote {
                id: id?,
                speaker: speaker.unwrap_or_default(),
                text: text.unwrap_or_default(),
                kind,
                on_behalf_of,
                to,
                context,
                mentions,
                date,
                source,
                at,
                extensions: Extensions::new(),
                span: Span::default(),
            })
        })
    }
}

impl FromNode for Event {
    fn from_node(node: Node, problems: &mut Vec<Diagnostic>) -> Option<Self> {
        const KNOWN: &[&str] = &["id", "date", "text", "status", "actors", "source", "at"];
        item_reader!(node, problems, "event", KNOWN, |f| {
            let id = f.id();
            let date = f.date_required("date");
            let text = f.text_required("text");
            let status = f.vocabulary("status").unwrap_or_default();
            let actors = f.references("actors", false);
            let source = f.reference("source");
            let at = f.text("at");
            Some(Event {
                id: id?,
                date: date.unwrap_or_default(),
                text: text.unwrap_or_default(),
                status,
                actors,
                source,
                at,
                extensions: Extensions::new(),
                span: Span::default(),
            })
        })
    }
}
