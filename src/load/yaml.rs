//! The YAML layer: serde-saphyr turned into small trees of nodes, one item at a time.
//!
//! serde-saphyr streams events; we read each section item into a small tree ([`Node`]),
//! convert it to a model item at once (collecting every problem rather than stopping at the
//! first), and drop the tree. Memory holds the source, the model, and an item's tree per thread.
//!
//! Positions cost: asking serde-saphyr for the place of every value doubles the parse time.
//! So a file is first read [`Mode::Fast`], with positions of items only; only when that finds
//! a problem is it read again [`Mode::Positioned`], so each diagnostic can point at its value.
//!
//! A large file is cut in two and read on two threads at once (see [`super::cut`]).
//!
//! What a reading needs and what it finds (the source text, to read numbers back as written,
//! `1.10` not `1.1`; the mode; the problems; the places of fields; the progress) live in one
//! [`Context`] per document or piece, handed to every part of it as a serde `DeserializeSeed`.
//! Nothing of one reading is left where another could see it.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Location;

use super::cut::{self, Cut};
use super::diagnostic::{Code, Diagnostic};
use super::{FieldSpans, Lane, Progress, fields};
use crate::model::{Brief, ItemRef, Section, Span};

/// How much a parse records about where things were written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Positions of items only: the common case of a file without problems.
    Fast,
    /// Positions of every key and value, for diagnostics.
    Positioned,
}

/// The reading of one document (or of one piece of a file cut for two threads): what it reads
/// with, and what it has found so far. Every seed below holds a reference to it; the findings
/// are taken out when the document is read.
pub(crate) struct Context<'a> {
    /// The whole file's text, which numbers are read back from as written.
    source: &'a str,
    mode: Mode,
    /// Where the text read starts in the file.
    start: Start,
    reporting: Reporting<'a>,
    problems: RefCell<Vec<Diagnostic>>,
    field_spans: RefCell<FieldSpans>,
    /// A fast reading met a number where text belongs: its spelling needs a positioned reading.
    inexact: Cell<bool>,
    /// The items this lane has read so far, this text's included.
    items_read: Cell<u64>,
}

/// The lines and bytes of a file before a text read on its own: serde-saphyr counts from the
/// text's start, diagnostics from the file's.
#[derive(Debug, Clone, Copy, Default)]
struct Start {
    lines: u32,
    bytes: u32,
}

/// Where a reading reports how far it has got: its lane, which counts from byte `from`.
#[derive(Clone, Copy)]
struct Reporting<'a> {
    progress: Option<&'a Progress>,
    lane: Lane,
    from: u32,
}

impl<'a> Context<'a> {
    fn new(source: &'a str, mode: Mode, start: Start, reporting: Reporting<'a>, items_read: u64) -> Context<'a> {
        Context {
            source,
            mode,
            start,
            reporting,
            problems: RefCell::default(),
            field_spans: RefCell::default(),
            inexact: Cell::new(false),
            items_read: Cell::new(items_read),
        }
    }

    pub(crate) fn report(&self, problem: Diagnostic) {
        self.problems.borrow_mut().push(problem);
    }

    /// Keeps only the problems found so far that `keep` accepts.
    pub(crate) fn retain_problems(&self, keep: impl FnMut(&Diagnostic) -> bool) {
        self.problems.borrow_mut().retain(keep);
    }

    fn positioned(&self) -> bool {
        self.mode == Mode::Positioned
    }

    /// Where the value of a top-level field of the document starting at `document` was
    /// written, found in the text: a fast reading keeps no places of values, but a warning
    /// given after the reading (across briefs) must still point at one. A field written at the
    /// start of its line, as block YAML writes top-level fields; else `None`.
    pub(crate) fn top_level_value(&self, document: Span, key: &str) -> Option<Span> {
        let start = usize::try_from(document.offset).ok()?.min(self.source.len());
        let mut offset = start;
        for (n, line) in self.source.get(start..)?.split_inclusive('\n').enumerate() {
            if n > 0 && line.starts_with("---") {
                return None;
            }
            if let Some(rest) = line.strip_prefix(key).and_then(|rest| rest.strip_prefix(':')) {
                let value = rest.trim_start_matches([' ', '\t']);
                let before = line.len() - value.len();
                let value = value.split(" #").next().unwrap_or("").trim_end();
                let clamp = |v: usize| u32::try_from(v).unwrap_or(u32::MAX);
                return Some(Span {
                    line: document.line.saturating_add(clamp(n)),
                    column: clamp(line[..before].chars().count() + 1),
                    offset: clamp(offset + before),
                    len: clamp(value.len()),
                });
            }
            offset += line.len();
        }
        None
    }

    /// Whether the text was read without a problem, as a piece of a cut file must be.
    fn clean(&self) -> bool {
        !self.inexact.get() && self.problems.borrow().is_empty() && self.field_spans.borrow().is_empty()
    }

    /// Where serde-saphyr says something is, in the file.
    fn span_of(&self, location: &Location) -> Span {
        let span = location.span();
        let clamp = |v: u64| u32::try_from(v).unwrap_or(u32::MAX);
        Span {
            line: clamp(location.line()).saturating_add(self.start.lines),
            column: clamp(location.column()),
            offset: clamp(span.byte_offset().unwrap_or(0)).saturating_add(self.start.bytes),
            len: clamp(span.byte_len().unwrap_or(0)),
        }
    }

    /// `items` more items have been read, the last of them at byte `offset` of the file.
    fn count_items(&self, items: usize, offset: u32) {
        let read = self.items_read.get() + items as u64;
        self.items_read.set(read);
        let Reporting { progress, lane, from } = self.reporting;
        if let Some(progress) = progress {
            progress.advance(lane, u64::from(offset.saturating_sub(from)), read);
        }
    }
}

/// How often (in items) the parse reports progress.
const PROGRESS_EVERY: usize = 512;

/// A YAML value with where it was written (`Span::default()` when not recorded).
#[derive(Debug, Clone)]
pub(crate) struct Node {
    pub span: Span,
    pub value: Value,
}

/// A mapping key: a field name.
#[derive(Debug, Clone)]
pub(crate) struct Key {
    pub span: Span,
    pub name: Cow<'static, str>,
    /// The key was a list or mapping, not a name.
    pub not_a_name: Option<&'static str>,
}

#[derive(Debug, Clone)]
pub(crate) enum Value {
    Null,
    /// A string scalar.
    Text(String),
    /// A number or boolean, with its text as written (exact when positioned).
    Plain {
        text: String,
        kind: Plain,
    },
    Seq(Vec<Node>),
    Map(Vec<(Key, Node)>),
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

impl Node {
    /// The text of a scalar; `Err` for nothing, lists and mappings. Where the spelling
    /// matters (`as_written`: free text, ids) a number read without its position is flagged, so
    /// the file is read again positioned and `1.10` stays `1.10`. A number read as a number (a
    /// credibility, a year) needs no second reading.
    pub fn into_text(self, as_written: bool, context: &Context) -> Result<(Span, String), Node> {
        match self.value {
            Value::Text(text) => Ok((self.span, text)),
            Value::Plain { text, .. } => {
                if as_written && self.span.line == 0 {
                    context.inexact.set(true);
                }
                Ok((self.span, text))
            }
            value => Err(Node { span: self.span, value }),
        }
    }
}

/// serde-saphyr's `Spanned` for a seed: the value `S` reads, with where it is used and where it
/// is defined (they differ for an alias). serde-saphyr's own `Spanned<T>` takes only a
/// `T: Deserialize`, which cannot be handed a context; this asks for the same newtype and reads
/// the same answer, a map of the value and its two locations.
struct Spanned<S>(S);

/// The newtype name by which serde-saphyr knows a request for a value's location.
const SPANNED: &str = "__yaml_spanned";

impl<'de, S: DeserializeSeed<'de>> DeserializeSeed<'de> for Spanned<S> {
    type Value = (S::Value, Location, Location);

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_newtype_struct(SPANNED, self)
    }
}

impl<'de, S: DeserializeSeed<'de>> Visitor<'de> for Spanned<S> {
    type Value = (S::Value, Location, Location);

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a value with its location")
    }

    fn visit_newtype_struct<D: Deserializer<'de>>(self, deserializer: D) -> Result<Self::Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut seed = Some(self.0);
        let (mut value, mut referenced, mut defined) = (None, None, None);
        while let Some(part) = map.next_key::<SpannedPart>()? {
            match part {
                SpannedPart::Value => {
                    let seed = seed.take().ok_or_else(|| de::Error::duplicate_field("value"))?;
                    value = Some(map.next_value_seed(seed)?);
                }
                SpannedPart::Referenced => referenced = Some(map.next_value()?),
                SpannedPart::Defined => defined = Some(map.next_value()?),
                SpannedPart::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        match (value, referenced, defined) {
            (Some(value), Some(referenced), Some(defined)) => Ok((value, referenced, defined)),
            _ => Err(de::Error::custom("serde-saphyr gave a value without its location")),
        }
    }
}

/// The entries of serde-saphyr's answer to [`SPANNED`].
enum SpannedPart {
    Value,
    Referenced,
    Defined,
    Other,
}

impl<'de> de::Deserialize<'de> for SpannedPart {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct PartVisitor;
        impl Visitor<'_> for PartVisitor {
            type Value = SpannedPart;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("value, referenced or defined")
            }

            fn visit_str<E>(self, v: &str) -> Result<SpannedPart, E> {
                Ok(match v {
                    "value" => SpannedPart::Value,
                    "referenced" => SpannedPart::Referenced,
                    "defined" => SpannedPart::Defined,
                    _ => SpannedPart::Other,
                })
            }
        }
        deserializer.deserialize_identifier(PartVisitor)
    }
}

/// A value, with its position when positioned.
#[derive(Clone, Copy)]
struct NodeSeed<'c>(&'c Context<'c>);

impl<'de> DeserializeSeed<'de> for NodeSeed<'_> {
    type Value = Node;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Node, D::Error> {
        if self.0.positioned() {
            positioned_node(self.0, deserializer)
        } else {
            Ok(Node { span: Span::default(), value: ValueSeed(self.0).deserialize(deserializer)? })
        }
    }
}

/// Reads a value with its position: used for items always, and for everything when positioned.
fn positioned_node<'de, D: Deserializer<'de>>(context: &Context, deserializer: D) -> Result<Node, D::Error> {
    let (value, referenced, defined) = Spanned(ValueSeed(context)).deserialize(deserializer)?;
    let mut node = Node { span: context.span_of(&referenced), value };
    if let Value::Plain { text, .. } = &mut node.value {
        // Read the scalar back from its definition (an alias points elsewhere).
        let at = context.span_of(&defined);
        let range = at.offset as usize..(at.offset as usize + at.len as usize);
        if let Some(written) = context.source.get(range).filter(|s| !s.is_empty()) {
            *text = written.to_string();
        }
    }
    Ok(node)
}

#[derive(Clone, Copy)]
struct ValueSeed<'c>(&'c Context<'c>);

impl<'de> DeserializeSeed<'de> for ValueSeed<'_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for ValueSeed<'_> {
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
        while let Some(node) = seq.next_element_seed(NodeSeed(self.0))? {
            items.push(node);
        }
        Ok(Value::Seq(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0).min(32));
        while let Some(key) = map.next_key_seed(KeySeed(self.0))? {
            let value = map.next_value_seed(NodeSeed(self.0))?;
            entries.push((key, value));
        }
        Ok(Value::Map(entries))
    }
}

/// A mapping's key, with its position when positioned.
#[derive(Clone, Copy)]
struct KeySeed<'c>(&'c Context<'c>);

impl<'de> DeserializeSeed<'de> for KeySeed<'_> {
    type Value = Key;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key, D::Error> {
        let (KeyName(name, not_a_name), span) = if self.0.positioned() {
            let (name, referenced, _) = Spanned(PhantomData::<KeyName>).deserialize(deserializer)?;
            (name, self.0.span_of(&referenced))
        } else {
            (de::Deserialize::deserialize(deserializer)?, Span::default())
        };
        Ok(Key { span, name, not_a_name })
    }
}

/// A key's text, borrowed from the list of field names when it is one (no allocation).
struct KeyName(Cow<'static, str>, Option<&'static str>);

impl<'de> de::Deserialize<'de> for KeyName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(KeyVisitor)
    }
}

struct KeyVisitor;

fn key_name(name: &str) -> Cow<'static, str> {
    match fields::field_name(name) {
        Some(known) => Cow::Borrowed(known),
        None => Cow::Owned(name.to_string()),
    }
}

impl<'de> Visitor<'de> for KeyVisitor {
    type Value = KeyName;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a field name")
    }

    fn visit_str<E>(self, v: &str) -> Result<KeyName, E> {
        Ok(KeyName(key_name(v), None))
    }

    fn visit_bool<E>(self, v: bool) -> Result<KeyName, E> {
        Ok(KeyName(Cow::Owned(v.to_string()), None))
    }

    fn visit_i64<E>(self, v: i64) -> Result<KeyName, E> {
        Ok(KeyName(Cow::Owned(v.to_string()), None))
    }

    fn visit_u64<E>(self, v: u64) -> Result<KeyName, E> {
        Ok(KeyName(Cow::Owned(v.to_string()), None))
    }

    fn visit_f64<E>(self, v: f64) -> Result<KeyName, E> {
        Ok(KeyName(Cow::Owned(v.to_string()), None))
    }

    fn visit_unit<E>(self) -> Result<KeyName, E> {
        Ok(KeyName(Cow::Borrowed("null"), None))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<KeyName, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(KeyName(Cow::Borrowed("[…]"), Some("a list")))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<KeyName, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(KeyName(Cow::Borrowed("{…}"), Some("a mapping")))
    }
}

/// A model item that can be built from a mapping node, reporting its problems to the context.
/// Along with the item come the places of its fields' values (recorded when positioned).
pub(crate) trait FromNode: Sized {
    const SECTION: Section;
    fn from_node(node: Node, context: &Context) -> Option<(Self, Vec<(&'static str, Span)>)>;
}

/// One section's list, each item converted as soon as it has been read.
pub(crate) struct Items<T> {
    pub items: Vec<T>,
    /// How many entries the list held, converted or not.
    pub written: usize,
    /// The section held something other than a list; what it held.
    pub not_a_list: Option<&'static str>,
}

impl<T> Items<T> {
    fn none(not_a_list: Option<&'static str>) -> Items<T> {
        Items { items: Vec::new(), written: 0, not_a_list }
    }
}

/// A section's value: a list of items of type `T`, or what stands there instead.
struct SectionSeed<'c, T>(&'c Context<'c>, PhantomData<T>);

impl<'de, T: FromNode> DeserializeSeed<'de> for SectionSeed<'_, T> {
    type Value = Items<T>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Items<T>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, T: FromNode> Visitor<'de> for SectionSeed<'_, T> {
    type Value = Items<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of items")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Items<T>, A::Error> {
        let context = self.0;
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 16));
        let written = read_list(&mut seq, context, |item: T, spans| {
            if !spans.is_empty() {
                let at = ItemRef::new(T::SECTION, items.len());
                context.field_spans.borrow_mut().record(at, spans);
            }
            items.push(item);
        })?;
        Ok(Items { items, written, not_a_list: None })
    }

    fn visit_unit<E>(self) -> Result<Items<T>, E> {
        Ok(Items::none(None))
    }

    fn visit_none<E>(self) -> Result<Items<T>, E> {
        Ok(Items::none(None))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Items<T>, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Items::none(Some("a mapping")))
    }

    fn visit_bool<E>(self, _: bool) -> Result<Items<T>, E> {
        Ok(Items::none(Some("true/false")))
    }

    fn visit_i64<E>(self, _: i64) -> Result<Items<T>, E> {
        Ok(Items::none(Some("a number")))
    }

    fn visit_u64<E>(self, _: u64) -> Result<Items<T>, E> {
        Ok(Items::none(Some("a number")))
    }

    fn visit_f64<E>(self, _: f64) -> Result<Items<T>, E> {
        Ok(Items::none(Some("a number")))
    }

    fn visit_str<E>(self, _: &str) -> Result<Items<T>, E> {
        Ok(Items::none(Some("text")))
    }
}

/// A section item: always read with its position, so the model knows where each item is.
#[derive(Clone, Copy)]
struct ItemSeed<'c>(&'c Context<'c>);

impl<'de> DeserializeSeed<'de> for ItemSeed<'_> {
    type Value = Node;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Node, D::Error> {
        positioned_node(self.0, deserializer)
    }
}

/// Reads a list's items one at a time, handing each converted item and the places of its fields
/// to `keep`: each item's tree is dropped before the next is read. Gives how many entries the
/// list held.
fn read_list<'de, A: SeqAccess<'de>, T: FromNode>(
    seq: &mut A,
    context: &Context,
    mut keep: impl FnMut(T, Vec<(&'static str, Span)>),
) -> Result<usize, A::Error> {
    let mut written = 0;
    while let Some(node) = seq.next_element_seed(ItemSeed(context))? {
        written += 1;
        if written % PROGRESS_EVERY == 0 {
            context.count_items(PROGRESS_EVERY, node.span.offset);
        }
        let (node, next) = split_run_on_item(node, T::SECTION, context);
        for node in std::iter::once(node).chain(next) {
            if let Some((item, spans)) = T::from_node(node, context) {
                keep(item, spans);
            }
        }
    }
    Ok(written)
}

/// An item holding a second `id` is two items run together: the author left out the next
/// one's `- `. Reported once, at that `id`, and read from there on as the next item, so its id
/// exists and what refers to it resolves (rather than an error for each field written twice
/// and for each reference to the lost item).
fn split_run_on_item(node: Node, section: Section, context: &Context) -> (Node, Vec<Node>) {
    let (span, entries) = match node {
        Node { span, value: Value::Map(entries) } if entries.iter().filter(|(k, _)| k.name == "id").count() > 1 => {
            (span, entries)
        }
        other => return (other, Vec::new()),
    };
    let owner = section.singular();
    let mut items = Vec::new();
    let (mut start, mut current) = (span, Vec::new());
    for (key, value) in entries {
        if key.name == "id" && current.iter().any(|(k, _): &(Key, Node)| k.name == "id") {
            let id = match &value.value {
                Value::Text(id) | Value::Plain { text: id, .. } => id.as_str(),
                _ => "…",
            };
            context.report(
                Diagnostic::new(
                    Code::DuplicateField,
                    key.span,
                    format!("a second `id` in one {owner}: each {owner} starts with `- `"),
                )
                .label(format!("the next {owner} starts here"))
                .help(format!("write `- id: {id}`, its `-` under the `-` of the {owner} above")),
            );
            items.push(Node { span: start, value: Value::Map(std::mem::take(&mut current)) });
            start = key.span;
        }
        current.push((key, value));
    }
    items.push(Node { span: start, value: Value::Map(current) });
    let first = items.remove(0);
    (first, items)
}

/// The rest of a cut list (see `cut`), kept in pieces: joined to the head's list piece by
/// piece, each freed as it goes, the list is never held twice.
pub(crate) struct Rest<T> {
    pub pieces: Vec<Vec<T>>,
    pub written: usize,
}

/// Items in a piece of [`Rest`]: a megabyte of quotes.
const PIECE: usize = 4096;

struct RestSeed<'c, T>(&'c Context<'c>, PhantomData<T>);

impl<'de, T: FromNode> DeserializeSeed<'de> for RestSeed<'_, T> {
    type Value = Rest<T>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Rest<T>, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de, T: FromNode> Visitor<'de> for RestSeed<'_, T> {
    type Value = Rest<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("the rest of a list of items")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Rest<T>, A::Error> {
        let context = self.0;
        let mut pieces: Vec<Vec<T>> = Vec::new();
        let written = read_list(&mut seq, context, |item: T, spans| {
            if !spans.is_empty() {
                // Places recorded here would name the wrong items: recording any refuses the
                // cut, and the file is read whole.
                context.field_spans.borrow_mut().record(ItemRef::new(T::SECTION, 0), spans);
            }
            match pieces.last_mut() {
                Some(piece) if piece.len() < PIECE => piece.push(item),
                _ => {
                    let mut piece = Vec::with_capacity(PIECE);
                    piece.push(item);
                    pieces.push(piece);
                }
            }
        })?;
        Ok(Rest { pieces, written })
    }
}

/// One YAML document read as a brief: the brief if it could be built, its problems, and the
/// places of its fields.
pub(crate) struct Document {
    pub brief: Option<Brief>,
    pub problems: Vec<Diagnostic>,
    pub field_spans: FieldSpans,
    /// Sections that could not be read (see [`fields::finish_brief`]).
    pub unread_sections: Vec<Section>,
}

/// A document, read but not yet assembled into a brief (the pieces of a cut file are read so,
/// then joined); `None` when it holds nothing (only comments, or `~`).
struct DocumentSeed<'c>(&'c Context<'c>);

impl<'de> DeserializeSeed<'de> for DocumentSeed<'_> {
    type Value = Option<Unfinished>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<Unfinished>, D::Error> {
        let (top, referenced, _) = Spanned(TopLevelSeed(self.0)).deserialize(deserializer)?;
        let span = self.0.span_of(&referenced);
        Ok(top.map(|top| Unfinished { span, top }))
    }
}

struct Unfinished {
    span: Span,
    top: TopLevel,
}

impl Unfinished {
    /// Assembles the brief, with the problems and places its reading found.
    fn finish(self, context: &Context) -> Document {
        let (brief, unread_sections) = match self.top {
            TopLevel::Brief(parts) => fields::finish_brief(*parts, self.span, context),
            TopLevel::Other(kind) => {
                context.report(
                    Diagnostic::new(Code::NotAMapping, self.span, format!("a brief must be a mapping of fields, found {kind}"))
                        .label("expected `brief: 1`, `id:`, `title:` …")
                        .help("start the document with `brief: 1` on its own line, then `id:`, `title:`, `date:` and `actors:`"),
                );
                (None, Vec::new())
            }
        };
        Document { brief, problems: context.problems.take(), field_spans: context.field_spans.take(), unread_sections }
    }

    fn into_parts(self) -> Option<Box<fields::BriefParts>> {
        match self.top {
            TopLevel::Brief(parts) => Some(parts),
            TopLevel::Other(_) => None,
        }
    }
}

enum TopLevel {
    Brief(Box<fields::BriefParts>),
    Other(&'static str),
}

#[derive(Clone, Copy)]
struct TopLevelSeed<'c>(&'c Context<'c>);

impl<'de> DeserializeSeed<'de> for TopLevelSeed<'_> {
    type Value = Option<TopLevel>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<TopLevel>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

/// Reads a section's list, converting each item as it arrives.
fn next_section<'de, A: MapAccess<'de>, T: FromNode>(
    map: &mut A,
    context: &Context,
) -> Result<(Span, Items<T>), A::Error> {
    let (items, referenced, _) = map.next_value_seed(Spanned(SectionSeed(context, PhantomData)))?;
    Ok((context.span_of(&referenced), items))
}

impl<'de> Visitor<'de> for TopLevelSeed<'_> {
    type Value = Option<TopLevel>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a brief")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Option<TopLevel>, A::Error> {
        let context = self.0;
        let mut parts = Box::<fields::BriefParts>::default();
        while let Some(key) = map.next_key_seed(KeySeed(context))? {
            if key.name == "brief" && parts.fields.iter().any(|(k, _)| k.name == "brief") {
                // A second brief run on into the first: every field they share would be
                // written twice. Said once; the rest is read once the marker is there.
                context.report(
                    Diagnostic::new(
                        Code::DuplicateField,
                        key.span,
                        "a second `brief:` in one document: each brief after the first starts with `---`",
                    )
                    .label("a new brief starts here")
                    .help("write `---` on the line above; the brief after it is checked once it is there"),
                );
                map.next_value::<IgnoredAny>()?;
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                break;
            }
            let Some(section) = Section::from_key(&key.name).filter(|_| key.not_a_name.is_none()) else {
                parts.fields.push((key, map.next_value_seed(NodeSeed(context))?));
                continue;
            };
            match section {
                Section::Sources => parts.sources.fill(key, next_section(&mut map, context)?, context),
                Section::Topics => parts.topics.fill(key, next_section(&mut map, context)?, context),
                Section::Actors => parts.actors.fill(key, next_section(&mut map, context)?, context),
                Section::Claims => parts.claims.fill(key, next_section(&mut map, context)?, context),
                Section::Positions => parts.positions.fill(key, next_section(&mut map, context)?, context),
                Section::Quotes => parts.quotes.fill(key, next_section(&mut map, context)?, context),
                Section::Events => parts.events.fill(key, next_section(&mut map, context)?, context),
            }
        }
        Ok(Some(TopLevel::Brief(parts)))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Option<TopLevel>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Some(TopLevel::Other("a list")))
    }

    fn visit_unit<E>(self) -> Result<Option<TopLevel>, E> {
        Ok(None)
    }

    fn visit_none<E>(self) -> Result<Option<TopLevel>, E> {
        Ok(None)
    }

    fn visit_bool<E>(self, _: bool) -> Result<Option<TopLevel>, E> {
        Ok(Some(TopLevel::Other("true/false")))
    }

    fn visit_i64<E>(self, _: i64) -> Result<Option<TopLevel>, E> {
        Ok(Some(TopLevel::Other("a number")))
    }

    fn visit_u64<E>(self, _: u64) -> Result<Option<TopLevel>, E> {
        Ok(Some(TopLevel::Other("a number")))
    }

    fn visit_f64<E>(self, _: f64) -> Result<Option<TopLevel>, E> {
        Ok(Some(TopLevel::Other("a number")))
    }

    fn visit_str<E>(self, _: &str) -> Result<Option<TopLevel>, E> {
        Ok(Some(TopLevel::Other("text")))
    }
}

/// The outcome of parsing one file's text.
pub(crate) struct Parsed {
    pub documents: Vec<Document>,
    /// A problem that stopped the parse (syntax, limits), after the documents read before it.
    pub fatal: Option<Diagnostic>,
    /// A fast parse read a number where text belongs and needs a positioned parse.
    pub inexact: bool,
    /// The text, handed back.
    pub text: String,
}

/// Files from this size are cut in two and read on two threads at once, when they can be (see
/// [`super::cut`], whose module doc has the measurements).
const CUT_FROM: usize = 1 << 14;

/// Parses every document of `text` as a brief; a large one on two threads when `may_cut`.
pub(crate) fn parse(text: String, mode: Mode, progress: Option<&Progress>, may_cut: bool) -> Parsed {
    let cut = (may_cut && mode == Mode::Fast && text.len() >= CUT_FROM).then(|| cut::find(&text)).flatten();
    if let Some((documents, inexact)) = cut.and_then(|cut| parse_cut(&text, &cut, progress)) {
        return Parsed { documents, fatal: None, inexact, text };
    }
    parse_whole(text, mode, progress)
}

/// Parses every document of `text` on this thread, one after the other, until one cannot be
/// read.
fn parse_whole(text: String, mode: Mode, progress: Option<&Progress>) -> Parsed {
    let mut documents = Vec::new();
    let mut fatal = None;
    let mut inexact = false;
    let mut items_read = 0;
    let reporting = Reporting { progress, lane: Lane::Whole, from: 0 };
    for (number, piece) in split_documents(&text).into_iter().enumerate() {
        if number == MAX_DOCUMENTS {
            fatal = Some(too_many_documents(&text, piece.start));
            break;
        }
        let context = Context::new(&text, mode, piece.start, reporting, items_read);
        let limits = Limits::of(text.len()).share(piece.text.len(), text.len());
        match read_document(&context, piece.text, limits) {
            Ok(document) => documents.extend(document.map(|document| document.finish(&context))),
            Err(error) => {
                fatal = Some(diagnose(&error, &text, piece.start.lines));
                break;
            }
        }
        inexact |= context.inexact.get();
        items_read = context.items_read.get();
    }
    Parsed { documents, fatal, inexact, text }
}

/// Reads one document, all of `text`, under `limits`.
fn read_document(context: &Context, text: &str, limits: Limits) -> Result<Option<Unfinished>, serde_saphyr::Error> {
    serde_saphyr::with_deserializer_from_str_with_options(text, options(limits, MAX_DEPTH), |deserializer| {
        DocumentSeed(context).deserialize(deserializer)
    })
}

/// One document's text in a file, and where it starts.
struct Piece<'t> {
    text: &'t str,
    start: Start,
}

/// Cuts a file's text into its documents. YAML ends a document at any line that starts with
/// `---` or `...` followed by a space, a tab or the line's end, whatever that line is in the
/// middle of, so the lines alone tell where each document starts. serde-saphyr reads several
/// documents only into a `Deserialize` type, which cannot be handed a context; one at a time,
/// each is read with its own.
fn split_documents(text: &str) -> Vec<Piece<'_>> {
    let marker = |line: &str, marker: &str| {
        line.strip_prefix('\u{feff}')
            .unwrap_or(line)
            .strip_prefix(marker)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t', '\r', '\n']))
    };
    let mut pieces = Vec::new();
    let mut start = Start::default();
    let piece = |start: Start, end: usize| Piece { text: &text[start.bytes as usize..end], start };
    // Whether the current piece holds a document yet: `---`, or anything but blank lines,
    // comments and directives.
    let mut begun = false;
    let mut here = Start::default();
    for line in lines(text) {
        if begun && marker(line, "---") {
            pieces.push(piece(start, here.bytes as usize));
            start = here;
        }
        here = Start { lines: here.lines.saturating_add(1), bytes: here.bytes.saturating_add(line.len() as u32) };
        if marker(line, "...") {
            pieces.push(piece(start, here.bytes as usize));
            (start, begun) = (here, false);
            continue;
        }
        let content = line.trim_start_matches(['\u{feff}', ' ', '\t']);
        let blank = content.trim_end_matches(['\r', '\n']).is_empty();
        begun |= marker(line, "---") || !(blank || content.starts_with('#') || line.starts_with('%'));
    }
    pieces.push(piece(start, text.len()));
    pieces
}

/// The lines of a text, each with its break: `\n`, `\r\n`, or a lone `\r`, as YAML breaks them.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let bytes = rest.as_bytes();
        let end = memchr::memchr2(b'\n', b'\r', bytes).map_or(rest.len(), |at| {
            if bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n') { at + 2 } else { at + 1 }
        });
        let (line, tail) = rest.split_at(end);
        rest = tail;
        Some(line)
    })
}

/// serde-saphyr's own limit on the documents of one stream, which reading them one at a time
/// would lift.
const MAX_DOCUMENTS: usize = 1024;

fn too_many_documents(text: &str, start: Start) -> Diagnostic {
    Diagnostic::new(
        Code::YamlLimit,
        point_at(text, start.lines + 1, 1),
        format!("YAML exceeds the loader's limits: a file holds at most {MAX_DOCUMENTS} documents"),
    )
    .label("here")
    .help("split the briefs into several files in one folder and open the folder")
}

/// Parses a file cut in three (see `cut`): the head on this thread, the middle and the tail on
/// another. `None` unless every piece reads without a problem; the file is then read whole, so
/// that whatever is wrong is reported as it is for any file. With the document comes whether a
/// number stood where text belongs (the brief's own fields are read after the join, on this
/// thread: a number among them needs the positioned reading as in a whole one).
fn parse_cut(source: &str, cut: &Cut, progress: Option<&Progress>) -> Option<(Vec<Document>, bool)> {
    match cut.section {
        Section::Sources => parse_cut_list(source, cut, progress, |parts| &mut parts.sources),
        Section::Topics => parse_cut_list(source, cut, progress, |parts| &mut parts.topics),
        Section::Actors => parse_cut_list(source, cut, progress, |parts| &mut parts.actors),
        Section::Claims => parse_cut_list(source, cut, progress, |parts| &mut parts.claims),
        Section::Positions => parse_cut_list(source, cut, progress, |parts| &mut parts.positions),
        Section::Quotes => parse_cut_list(source, cut, progress, |parts| &mut parts.quotes),
        Section::Events => parse_cut_list(source, cut, progress, |parts| &mut parts.events),
    }
}

fn parse_cut_list<T: FromNode + Send>(
    source: &str,
    cut: &Cut,
    progress: Option<&Progress>,
    list: fn(&mut fields::BriefParts) -> &mut fields::Slot<T>,
) -> Option<(Vec<Document>, bool)> {
    let (middle, tail) = (&source[cut.middle..cut.tail], &source[cut.tail..]);
    let middle_start = Start { lines: cut.middle_line - 1, bytes: u32::try_from(cut.middle).ok()? };
    let tail_start = Start { lines: cut.tail_line - 1, bytes: u32::try_from(cut.tail).ok()? };
    // The pieces' limits add up to the whole file's, so a cut lets nothing through that the
    // whole reading would stop. The middle's items stand a level higher than in the file.
    let (middle_limits, tail_limits) = (Limits::of_piece(middle.len()), Limits::of_piece(tail.len()));
    let head_limits = Limits::of(source.len()).less(middle_limits).less(tail_limits);
    let head_context =
        Context::new(source, Mode::Fast, Start::default(), Reporting { progress, lane: Lane::Head, from: 0 }, 0);
    let (head, rest) = std::thread::scope(|scope| {
        // No second thread (the system is out of them): the file is read whole.
        let rest = std::thread::Builder::new().name("load-rest".into()).spawn_scoped(scope, || {
            let reporting = Reporting { progress, lane: Lane::Rest, from: middle_start.bytes };
            let context = Context::new(source, Mode::Fast, middle_start, reporting, 0);
            let options = options(middle_limits, MAX_DEPTH - 1);
            let middle = serde_saphyr::with_deserializer_from_str_with_options(middle, options, |deserializer| {
                RestSeed::<T>(&context, PhantomData).deserialize(deserializer)
            });
            let middle = middle.ok().filter(|_| context.clean())?;
            let context = Context::new(source, Mode::Fast, tail_start, reporting, context.items_read.get());
            let tail = read_document(&context, tail, tail_limits).ok().filter(|_| context.clean())?;
            Some((middle, tail))
        });
        let rest = rest.ok()?;
        let head =
            read_document(&head_context, &source[..cut.middle], head_limits).ok().filter(|_| head_context.clean());
        Some((head, rest.join().ok().flatten()))
    })?;
    let (middle, tail) = rest?;
    let head = head??;
    let span = head.span;
    let mut parts = head.into_parts()?;
    if !list(&mut parts).extend(middle) {
        return None;
    }
    if let Some(tail) = tail
        && !parts.join_tail(*tail.into_parts()?)
    {
        return None;
    }
    let document = Unfinished { span, top: TopLevel::Brief(parts) }.finish(&head_context);
    Some((vec![document], head_context.inexact.get()))
}

/// Whether reading `text` cut in pieces, at any size, gives what reading it whole does (or is
/// refused): the fuzzer's check that a cut can never change what a file says.
#[cfg(any(test, feature = "testing"))]
pub(crate) fn cut_agrees(text: &str) -> bool {
    let Some(cut) = cut::find(text) else { return true };
    let Some((mut pieces, pieces_inexact)) = parse_cut(text, &cut, None) else { return true };
    let mut whole = parse_whole(text.to_string(), Mode::Fast, None);
    let (Some(pieces), Some(whole_document)) = (pieces.pop(), whole.documents.pop()) else {
        return false;
    };
    whole.fatal.is_none()
        && whole.documents.is_empty()
        && pieces_inexact == whole.inexact
        && pieces.brief == whole_document.brief
        && pieces.problems == whole_document.problems
}

/// serde-saphyr's depth limit, kept: a brief nests five levels at most.
const MAX_DEPTH: usize = 64;

/// How much YAML a parse may read before it is stopped as hostile.
#[derive(Debug, Clone, Copy)]
struct Limits {
    nodes: usize,
    events: usize,
    scalar_bytes: usize,
    /// Events replayed from aliases.
    replayed: usize,
}

impl Limits {
    /// A whole file's: scaled with its length, so large honest briefs load while an alias bomb
    /// still stops early (see the research note on serde-saphyr's budgets). Alias replays keep
    /// serde-saphyr's limit.
    fn of(len: usize) -> Limits {
        let replayed = serde_saphyr::Options::default().alias_limits.max_total_replayed_events;
        Limits { nodes: len.max(250_000), events: len.max(1_000_000), scalar_bytes: len.max(64 << 20), replayed }
    }

    /// A document's share of its file's limits, by length, and room for the events that open
    /// and close it: the documents of a file, each read on its own, may together read hardly
    /// more than the file could whole.
    fn share(self, len: usize, file_len: usize) -> Limits {
        if len >= file_len {
            return self;
        }
        let share = |limit: usize| {
            let shared = limit as u128 * len as u128 / file_len.max(1) as u128;
            usize::try_from(shared).unwrap_or(limit).saturating_add(16)
        };
        Limits {
            nodes: share(self.nodes),
            events: share(self.events),
            scalar_bytes: share(self.scalar_bytes),
            replayed: share(self.replayed),
        }
    }

    /// A piece's after a cut: its length, and room for the events that open and close it. A
    /// file is cut only where it holds no alias.
    fn of_piece(len: usize) -> Limits {
        Limits { nodes: len + 16, events: len + 16, scalar_bytes: len + 16, replayed: 0 }
    }

    fn less(self, piece: Limits) -> Limits {
        Limits {
            nodes: self.nodes.saturating_sub(piece.nodes),
            events: self.events.saturating_sub(piece.events),
            scalar_bytes: self.scalar_bytes.saturating_sub(piece.scalar_bytes),
            replayed: self.replayed,
        }
    }
}

fn options(limits: Limits, max_depth: usize) -> serde_saphyr::Options {
    let mut options = serde_saphyr::options! {
        budget: serde_saphyr::budget! {
            max_nodes: limits.nodes,
            max_events: limits.events,
            max_total_scalar_bytes: limits.scalar_bytes,
            max_depth: max_depth,
        },
        strict_booleans: true,
        leading_zero_numbers_as_strings: true,
        underscored_numbers_as_strings: true,
        duplicate_keys: serde_saphyr::DuplicateKeyPolicy::PassThrough,
        with_snippet: false,
    };
    options.alias_limits.max_total_replayed_events = limits.replayed;
    options
}

/// A small piece of YAML as plain data, under the default budget (a header preview).
pub(crate) fn parse_value(text: &str) -> Option<serde_json::Value> {
    serde_saphyr::from_str(text).ok()
}

/// Turns a serde-saphyr error in a document after `lines_before` lines of `text` into our
/// diagnostic.
fn diagnose(error: &serde_saphyr::Error, text: &str, lines_before: u32) -> Diagnostic {
    use serde_saphyr::MessageFormatter;
    let bare = error.without_snippet();
    let message = serde_saphyr::UserMessageFormatter.format_message(bare).into_owned();
    let at = error.location().map(|l| ((l.line() as u32).saturating_add(lines_before), l.column() as u32));
    if let Some(help) = limit_help(bare, &message) {
        let span = at.map(|(line, column)| point_at(text, line, column));
        return Diagnostic::new(Code::YamlLimit, span, format!("YAML exceeds the loader's limits: {message}"))
            .label("here")
            .help(help);
    }
    super::syntax::explain(&message, at, text)
}

/// For an error that is a resource limit rather than a syntax mistake, what to do about it.
fn limit_help(error: &serde_saphyr::Error, message: &str) -> Option<&'static str> {
    use serde_saphyr::Error as E;
    let mut error = error;
    while let E::AliasError { error: inner, .. } | E::WithSnippet { error: inner, .. } = error {
        error = inner;
    }
    let lower = message.to_lowercase();
    let deep = lower.contains("depth") || lower.contains("recursion") || lower.contains("nesting");
    let limit = matches!(
        error,
        E::Budget { .. }
            | E::AliasReplayCounterOverflow { .. }
            | E::AliasReplayLimitExceeded { .. }
            | E::AliasExpansionLimitExceeded { .. }
            | E::AliasReplayStackDepthExceeded { .. }
    ) || deep
        || lower.contains("limit");
    match (limit, deep) {
        (false, _) => None,
        (true, true) => Some("a brief nests a few levels deep; this file nests far deeper"),
        (true, false) => {
            Some("anchors and aliases here expand to far more data than the file holds; write the values out")
        }
    }
}

/// A one-character span at a line and (character) column, for errors that carry no offset.
fn point_at(text: &str, line: u32, column: u32) -> Span {
    let line_start =
        text.split_inclusive('\n').take(line.saturating_sub(1) as usize).map(str::len).sum::<usize>().min(text.len());
    let rest = &text[line_start..];
    let offset = line_start + rest.char_indices().nth(column.saturating_sub(1) as usize).map_or(rest.len(), |(i, _)| i);
    let len = text[offset..].chars().next().filter(|c| *c != '\n').map_or(0, char::len_utf8);
    Span { line, column, offset: offset as u32, len: len as u32 }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_at_a_line_and_column() {
        let text = "a: 1\nbé: [x\n";
        assert_eq!(point_at(text, 2, 3), Span { line: 2, column: 3, offset: 8, len: 1 });
        assert_eq!(point_at(text, 1, 1), Span { line: 1, column: 1, offset: 0, len: 1 });
    }

    /// A file read whole, on one thread.
    fn whole(text: &str) -> Document {
        let mut parsed = parse_whole(text.to_string(), Mode::Fast, None);
        assert!(parsed.fatal.is_none() && parsed.documents.len() == 1, "{:?}", parsed.fatal);
        parsed.documents.pop().unwrap()
    }

    /// The same file cut where `cut::find` says and read on two threads; `None` when the cut
    /// is refused.
    fn in_pieces(text: &str) -> Option<Document> {
        let cut = cut::find(text).expect("the file can be cut");
        parse_cut(text, &cut, None).map(|(mut documents, _)| documents.pop().unwrap())
    }

    fn small_generated() -> String {
        let shape = crate::synth::Shape { actors: 30, topics: 4, claims: 12, positions: 12, quotes: 400, events: 6 };
        crate::synth::brief_yaml(shape)
    }

    #[test]
    fn a_cut_file_reads_as_the_whole_file_does_places_included() {
        let text = small_generated();
        let pieces = in_pieces(&text).expect("a clean generated brief is read in pieces");
        let whole = whole(&text);
        assert!(pieces.problems.is_empty() && whole.problems.is_empty());
        assert_eq!(pieces.brief.unwrap(), whole.brief.unwrap());
        // Windows line ends move every byte offset after the first line.
        let crlf = text.replace('\n', "\r\n");
        assert_eq!(in_pieces(&crlf).expect("read in pieces").brief.unwrap(), self::whole(&crlf).brief.unwrap());
    }

    #[test]
    fn the_sample_brief_is_read_in_pieces_as_it_reads_whole() {
        let text = crate::sample::TEXT;
        assert!(text.len() >= CUT_FROM, "the sample is large enough to be cut: {} bytes", text.len());
        let pieces = in_pieces(text).expect("the sample is read in pieces");
        assert_eq!(pieces.brief.unwrap(), whole(text).brief.unwrap());
        assert!(cut_agrees(text));
    }

    #[test]
    fn entries_after_the_cut_list_join_the_brief() {
        let text = format!("{}x-note: after\nx-more: [1, 2]\n", small_generated());
        let pieces = in_pieces(&text).expect("read in pieces").brief.unwrap();
        assert_eq!(pieces, whole(&text).brief.unwrap());
        assert_eq!(pieces.extensions.len(), 2);
    }

    #[test]
    fn a_cut_that_would_change_the_reading_is_refused() {
        let text = small_generated();
        let quotes = text.find("\nquotes:\n").unwrap();
        // An anchor before the cut and its alias after it.
        let anchored = text.replacen("    text: ", "    text: &first ", 1).replacen(
            "    text: ",
            "    text: *first\n    x-was: ",
            300,
        );
        assert!(cut::find(&anchored).is_none(), "anchors and aliases: never cut");
        // A section written twice, and a field written twice: problems for the whole file.
        for twice in ["quotes:\n  - id: again\n    text: t\n    speaker: a0\n", "title: twice\n"] {
            let text = format!("{text}{twice}");
            assert!(in_pieces(&text).is_none(), "{twice}");
            assert!(!whole(&text).problems.is_empty(), "{twice}");
        }
        // A quoted text running over lines, one of which looks like an item.
        let mut spread = text.clone();
        let middle = quotes + (text.len() - quotes) / 2;
        let line = middle + text[middle..].find("\n    text: ").unwrap();
        spread.insert_str(line + "\n    text: ".len(), "\"a quote\n  - over lines\" ");
        assert!(in_pieces(&spread).is_none_or(|pieces| pieces.brief == whole(&spread).brief));
    }

    #[test]
    fn a_file_is_cut_into_its_documents_where_yaml_ends_them() {
        let pieces = |text: &str| {
            split_documents(text).iter().map(|p| (p.text.to_string(), p.start.lines, p.start.bytes)).collect::<Vec<_>>()
        };
        let one = |text: &str, lines, bytes| (text.to_string(), lines, bytes);
        assert_eq!(pieces(""), [one("", 0, 0)]);
        assert_eq!(pieces("a: 1\n"), [one("a: 1\n", 0, 0)]);
        // A marker before anything else opens the first document; one after it, the next.
        assert_eq!(pieces("# c\n---\na: 1\n---\nb: 2"), [one("# c\n---\na: 1\n", 0, 0), one("---\nb: 2", 3, 13)]);
        assert_eq!(pieces("---\n---\n"), [one("---\n", 0, 0), one("---\n", 1, 4)]);
        // `...` ends a document; the directives after it belong to the next.
        assert_eq!(
            pieces("a: 1\n...\n%YAML 1.2\n---\nb: 2\n"),
            [one("a: 1\n...\n", 0, 0), one("%YAML 1.2\n---\nb: 2\n", 2, 9)]
        );
        // Only a marker alone or followed by a space: `---x` is text.
        assert_eq!(pieces("a: |\n  x\n---x\n").len(), 1);
        assert_eq!(pieces("a: 1\n--- {b: 2}\n").len(), 2);
        // Windows line ends and lone carriage returns count as YAML counts them.
        assert_eq!(pieces("a: 1\r\n---\r\nb: 2\r\n")[1], one("---\r\nb: 2\r\n", 1, 6));
        assert_eq!(pieces("a: 1\r---\rb: 2\r")[1], one("---\rb: 2\r", 1, 5));
    }

    #[test]
    fn every_document_is_read_with_its_places_in_the_file() {
        let text = "brief: 1\nid: a\n---\nbrief: 1\nid: b\ntitle: [t]\n";
        let parsed = parse(text.to_string(), Mode::Positioned, None, true);
        assert!(parsed.fatal.is_none());
        let [first, second] = <[Document; 2]>::try_from(parsed.documents).ok().expect("two documents");
        assert_eq!(first.brief.map(|b| b.span.line), Some(1));
        let wrong_type = second.problems.iter().find(|p| p.code == Code::WrongType).expect("title is a list");
        assert_eq!(wrong_type.span.map(|s| (s.line, s.column, s.offset)), Some((6, 8, 41)));
        // A syntax error in the second document keeps the first and points into the second.
        let parsed = parse("brief: 1\n---\nbrief: [1\n".to_string(), Mode::Fast, None, true);
        assert_eq!(parsed.documents.len(), 1);
        assert_eq!(parsed.fatal.and_then(|f| f.span).map(|s| s.line), Some(3));
    }

    #[test]
    fn the_documents_of_a_file_share_its_limits() {
        let whole = Limits::of(300_000);
        let (first, second) = (whole.share(100_000, 300_000), whole.share(200_000, 300_000));
        for (shared, limit) in [
            (first.nodes + second.nodes, whole.nodes),
            (first.events + second.events, whole.events),
            (first.scalar_bytes + second.scalar_bytes, whole.scalar_bytes),
            (first.replayed + second.replayed, whole.replayed),
        ] {
            // Each share has room for the events that open and close its document.
            assert!(limit <= shared && shared <= limit + 32, "{shared} of {limit}");
        }
        assert_eq!(whole.share(300_000, 300_000).nodes, whole.nodes, "one document has the file's limits");
    }

    #[test]
    fn a_file_of_many_documents_is_stopped_as_it_was_read_whole() {
        let text = "---\nbrief: 1\n".repeat(MAX_DOCUMENTS + 1);
        let parsed = parse(text, Mode::Fast, None, true);
        assert_eq!(parsed.documents.len(), MAX_DOCUMENTS);
        let fatal = parsed.fatal.expect("the documents past the limit are refused");
        assert_eq!((fatal.code, fatal.span.map(|s| s.line)), (Code::YamlLimit, Some(2 * MAX_DOCUMENTS as u32 + 1)));
    }
}
