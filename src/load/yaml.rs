//! The YAML layer: serde-saphyr turned into positioned nodes, one item at a time.
//!
//! serde-saphyr streams events; we read each section item into a small positioned tree
//! ([`Node`]), convert it to a model item at once (collecting every problem rather than stopping
//! at the first), and drop the tree. So memory holds the source, the model, and one item's tree.
//!
//! Two pieces of per-parse state live in thread-locals because serde's `Deserialize` cannot
//! carry context: the source text (to read numbers back exactly as written, `1.10` not `1.1`)
//! and the problems found so far. [`parse`] sets and clears both.

use std::cell::RefCell;
use std::fmt;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{Location, Spanned};

use super::diagnostic::{Code, Diagnostic};
use super::fields;
use crate::model::{Brief, Span};

thread_local! {
    static SOURCE: RefCell<String> = const { RefCell::new(String::new()) };
    static PROBLEMS: RefCell<Vec<Diagnostic>> = const { RefCell::new(Vec::new()) };
}

/// YAML's default depth limit (64) is kept: a brief nests five levels at most.
const MAX_DEPTH: usize = 64;

/// A YAML value with where it was written.
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub span: Span,
    pub value: Value,
}

#[derive(Debug, Clone)]
pub(crate) enum Value {
    Null,
    /// A string scalar.
    Text(String),
    /// A number or boolean, with its text exactly as written.
    Plain { text: String, kind: Plain },
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

#[derive(Debug, Clone, Copy)]
pub(crate) enum Plain {
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
}

impl Value {
    /// What the author wrote, in words, for "expected text, found a list".
    pub fn kind_name(&self) -> &'static str {
        match self {
            Value::Null => "nothing",
            Value::Text(_) => "text",
            Value::Plain { kind: Plain::Bool(_), .. } => "true/false",
            Value::Plain { .. } => "a number",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }
}

fn span_of(location: &Location) -> Span {
    let span = location.span();
    let clamp = |v: u64| u32::try_from(v).unwrap_or(u32::MAX);
    Span {
        line: clamp(location.line()),
        column: clamp(location.column()),
        offset: clamp(span.byte_offset().unwrap_or(0)),
        len: clamp(span.byte_len().unwrap_or(0)),
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let Spanned { value, referenced, defined } = Spanned::<Value>::deserialize(deserializer)?;
        let mut node = Node { span: span_of(&referenced), value };
        if let Value::Plain { text, .. } = &mut node.value {
            // Read the scalar back from its definition (an alias points elsewhere).
            let at = span_of(&defined);
            SOURCE.with(|source| {
                let source = source.borrow();
                let range = at.offset as usize..(at.offset as usize + at.len as usize);
                if let Some(written) = source.get(range).filter(|s| !s.is_empty()) {
                    *text = written.to_string();
                }
            });
        }
        Ok(node)
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Plain { text: v.to_string(), kind: Plain::Bool(v) })
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Plain { text: v.to_string(), kind: Plain::Int(v) })
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Plain { text: v.to_string(), kind: Plain::UInt(v) })
    }

    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Value, E> {
        Ok(Value::Plain { text: v.to_string(), kind: Plain::Float(v as f64) })
    }

    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Value, E> {
        Ok(Value::Plain { text: v.to_string(), kind: Plain::Float(v as f64) })
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Plain { text: v.to_string(), kind: Plain::Float(v) })
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::Text(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::Text(v))
    }

    fn visit_bytes<E>(self, v: &[u8]) -> Result<Value, E> {
        Ok(Value::Text(String::from_utf8_lossy(v).into_owned()))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(node) = seq.next_element::<Node>()? {
            items.push(node);
        }
        Ok(Value::Seq(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0).min(32));
        while let Some(key) = map.next_key::<Node>()? {
            let value = map.next_value::<Node>()?;
            entries.push((key, value));
        }
        Ok(Value::Map(entries))
    }
}

/// Reports a problem found while the parse is under way.
pub(crate) fn report(diagnostic: Diagnostic) {
    PROBLEMS.with(|p| p.borrow_mut().push(diagnostic));
}

/// Runs `f` with the source text of the parse under way.
fn with_source<R>(f: impl FnOnce(&str) -> R) -> R {
    SOURCE.with(|source| f(&source.borrow()))
}

/// A model item that can be built from a mapping node, reporting its problems.
pub(crate) trait FromNode: Sized {
    fn from_node(node: Node, problems: &mut Vec<Diagnostic>) -> Option<Self>;
}

/// One section's list, each item converted as soon as it has been read.
pub(crate) enum Items<T> {
    List(Vec<T>),
    /// The section held something other than a list; carries what it held.
    NotAList(&'static str),
}

impl<'de, T: FromNode> Deserialize<'de> for Items<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ItemsVisitor(std::marker::PhantomData))
    }
}

struct ItemsVisitor<T>(std::marker::PhantomData<T>);

impl<'de, T: FromNode> Visitor<'de> for ItemsVisitor<T> {
    type Value = Items<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of items")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Items<T>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 16));
        let mut problems = Vec::new();
        while let Some(node) = seq.next_element::<Node>()? {
            if let Some(item) = T::from_node(node, &mut problems) {
                items.push(item);
            }
            if !problems.is_empty() {
                PROBLEMS.with(|p| p.borrow_mut().append(&mut problems));
            }
        }
        Ok(Items::List(items))
    }

    fn visit_unit<E>(self) -> Result<Items<T>, E> {
        Ok(Items::List(Vec::new()))
    }

    fn visit_none<E>(self) -> Result<Items<T>, E> {
        Ok(Items::List(Vec::new()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Items<T>, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Items::NotAList("a mapping"))
    }

    fn visit_bool<E>(self, _: bool) -> Result<Items<T>, E> {
        Ok(Items::NotAList("true/false"))
    }

    fn visit_i64<E>(self, _: i64) -> Result<Items<T>, E> {
        Ok(Items::NotAList("a number"))
    }

    fn visit_u64<E>(self, _: u64) -> Result<Items<T>, E> {
        Ok(Items::NotAList("a number"))
    }

    fn visit_f64<E>(self, _: f64) -> Result<Items<T>, E> {
        Ok(Items::NotAList("a number"))
    }

    fn visit_str<E>(self, _: &str) -> Result<Items<T>, E> {
        Ok(Items::NotAList("text"))
    }
}

/// One YAML document read as a brief: the brief if it could be built, and its problems.
pub(crate) struct Document {
    pub brief: Option<Brief>,
    pub problems: Vec<Diagnostic>,
}

impl<'de> Deserialize<'de> for Document {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let first_problem = PROBLEMS.with(|p| p.borrow().len());
        let top = Spanned::<TopLevel>::deserialize(deserializer)?;
        let mut problems: Vec<Diagnostic> =
            PROBLEMS.with(|p| p.borrow_mut().drain(first_problem..).collect());
        let span = span_of(&top.referenced);
        let brief = match top.value {
            TopLevel::Brief(builder) => fields::finish_brief(*builder, span, &mut problems),
            TopLevel::Other(kind) => {
                problems.push(
                    Diagnostic::new(Code::NotAMapping, span, format!("a brief must be a mapping of fields, found {kind}"))
                        .label("expected `brief: 1`, `id:`, `title:` …")
                        .help("start the document with `brief: 1` on its own line, then `id:`, `title:`, `date:` and `actors:`"),
                );
                None
            }
        };
        Ok(Document { brief, problems })
    }
}

enum TopLevel {
    Brief(Box<fields::BriefParts>),
    Other(&'static str),
}

impl<'de> Deserialize<'de> for TopLevel {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(TopLevelVisitor)
    }
}

struct TopLevelVisitor;

impl<'de> Visitor<'de> for TopLevelVisitor {
    type Value = TopLevel;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a brief")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TopLevel, A::Error> {
        use crate::model::Section;
        let mut parts = Box::<fields::BriefParts>::default();
        while let Some(key) = map.next_key::<Node>()? {
            let section = match &key.value {
                Value::Text(name) => Section::from_key(name),
                _ => None,
            };
            let Some(section) = section else {
                parts.fields.push((key, map.next_value::<Node>()?));
                continue;
            };
            let mut problems = Vec::new();
            match section {
                Section::Sources => parts.sources.fill(key, next_section(&mut map)?, &mut problems),
                Section::Topics => parts.topics.fill(key, next_section(&mut map)?, &mut problems),
                Section::Actors => parts.actors.fill(key, next_section(&mut map)?, &mut problems),
                Section::Claims => parts.claims.fill(key, next_section(&mut map)?, &mut problems),
                Section::Positions => parts.positions.fill(key, next_section(&mut map)?, &mut problems),
                Section::Quotes => parts.quotes.fill(key, next_section(&mut map)?, &mut problems),
                Section::Events => parts.events.fill(key, next_section(&mut map)?, &mut problems),
            }
            problems.into_iter().for_each(report);
        }
        Ok(TopLevel::Brief(parts))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<TopLevel, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(TopLevel::Other("a list"))
    }

    fn visit_unit<E>(self) -> Result<TopLevel, E> {
        Ok(TopLevel::Other("nothing"))
    }

    fn visit_bool<E>(self, _: bool) -> Result<TopLevel, E> {
        Ok(TopLevel::Other("true/false"))
    }

    fn visit_i64<E>(self, _: i64) -> Result<TopLevel, E> {
        Ok(TopLevel::Other("a number"))
    }

    fn visit_u64<E>(self, _: u64) -> Result<TopLevel, E> {
        Ok(TopLevel::Other("a number"))
    }

    fn visit_f64<E>(self, _: f64) -> Result<TopLevel, E> {
        Ok(TopLevel::Other("a number"))
    }

    fn visit_str<E>(self, _: &str) -> Result<TopLevel, E> {
        Ok(TopLevel::Other("text"))
    }
}

/// Reads a section's list, converting each item as it arrives.
fn next_section<'de, A: MapAccess<'de>, T: FromNode>(map: &mut A) -> Result<(Span, Items<T>), A::Error> {
    let items = map.next_value::<Spanned<Items<T>>>()?;
    Ok((span_of(&items.referenced), items.value))
}

/// The outcome of parsing one file's text.
pub(crate) struct Parsed {
    pub documents: Vec<Document>,
    /// A problem that stopped the parse (syntax, limits), after the documents read before it.
    pub fatal: Option<Diagnostic>,
    /// The text, handed back.
    pub text: String,
}

/// Parses every document of `text` as a brief.
pub(crate) fn parse(text: String) -> Parsed {
    let len = text.len();
    // Budgets scale with the input so large honest briefs load, while an alias bomb or deep
    // nesting still stops early (see the research note on serde-saphyr's budgets).
    let options = serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_nodes: len.max(250_000),
            max_events: len.max(1_000_000),
            max_total_scalar_bytes: len.max(64 << 20),
            max_depth: MAX_DEPTH,
        },
        strict_booleans: true,
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::PassThrough,
        with_snippet: false,
    };
    SOURCE.with(|source| *source.borrow_mut() = text);
    PROBLEMS.with(|p| p.borrow_mut().clear());
    let result = with_source(|source| {
        serde_saphyr::from_str_multiple_with_options::<Document, Vec<Document>>(source, options)
    });
    let text = SOURCE.with(|source| std::mem::take(&mut *source.borrow_mut()));
    PROBLEMS.with(|p| p.borrow_mut().clear());
    match result {
        Ok(documents) => Parsed { documents, fatal: None, text },
        Err(error) => Parsed { documents: Vec::new(), fatal: Some(diagnose(&error, &text)), text },
    }
}

/// Turns a serde-saphyr error into our diagnostic.
fn diagnose(error: &serde_saphyr::Error, text: &str) -> Diagnostic {
    use serde_saphyr::MessageFormatter;
    let bare = error.without_snippet();
    let message = serde_saphyr::UserMessageFormatter.format_message(bare).into_owned();
    let span = error.location().map(|l| {
        let mut span = span_of(&l);
        // Syntax errors carry a point, not a range; mark one character.
        if span.len == 0 {
            span.len = text[(span.offset as usize).min(text.len())..]
                .chars()
                .next()
                .map_or(0, |c| c.len_utf8() as u32);
        }
        span
    });
    let lower = message.to_lowercase();
    if lower.contains("budget") || lower.contains("recursion") || lower.contains("depth") || lower.contains("alias") && lower.contains("limit") {
        let help = if lower.contains("depth") || lower.contains("recursion") {
            format!("a brief nests a few levels deep; this file nests more than {MAX_DEPTH}")
        } else {
            "anchors and aliases here expand to far more data than the file holds; write the values out".to_string()
        };
        return Diagnostic::new(Code::YamlLimit, span, format!("YAML exceeds the loader's limits: {message}")).help(help);
    }
    Diagnostic::new(Code::YamlSyntax, span, format!("YAML syntax: {message}"))
        .help("check the indentation and quoting around this point; text with `: ` or `#` needs quotes")
}
