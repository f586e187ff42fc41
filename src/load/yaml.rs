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
//! Per-parse state lives in thread-locals because serde's `Deserialize` cannot carry context:
//! the source text (to read numbers back exactly as written, `1.10` not `1.1`), the mode, the
//! problems found so far, and the places of fields.

use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::fmt;
use std::sync::Arc;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_saphyr::{Location, Spanned};

use super::cut::{self, Cut};
use super::diagnostic::{Code, Diagnostic};
use super::fields;
use super::{FieldSpans, Reading};
use crate::model::{Brief, ItemRef, Section, Span};

/// How much a parse records about where things were written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Mode {
    /// Positions of items only: the common case of a file without problems.
    Fast,
    /// Positions of every key and value, for diagnostics.
    Positioned,
}

thread_local! {
    static SOURCE: RefCell<String> = const { RefCell::new(String::new()) };
    static POSITIONED: Cell<bool> = const { Cell::new(false) };
    /// Set when a fast parse met a number where text belongs: its exact spelling needs a
    /// position to be read back, so the file is read again positioned.
    static INEXACT: Cell<bool> = const { Cell::new(false) };
    static PROBLEMS: RefCell<Vec<Diagnostic>> = const { RefCell::new(Vec::new()) };
    static FIELD_SPANS: RefCell<FieldSpans> = RefCell::new(FieldSpans::default());
    /// Where to report how far the parse has got.
    static PROGRESS: RefCell<Option<Arc<super::Progress>>> = const { RefCell::new(None) };
    /// Which reading of the file this thread does, where in the file it started, and how many
    /// items it has read.
    static READING: Cell<(Reading, u32, u64)> = const { Cell::new((Reading::Whole, 0, 0)) };
    /// Where the text this thread parses starts in the file (line and byte): a cut file's
    /// middle and tail are parsed on their own, and their places must still be the file's.
    static BASE: Cell<(u32, u32)> = const { Cell::new((0, 0)) };
}

/// Reports progress to `progress` while `f` runs on this thread.
pub(crate) fn reporting<R>(progress: Option<&Arc<super::Progress>>, f: impl FnOnce() -> R) -> R {
    PROGRESS.with(|p| *p.borrow_mut() = progress.cloned());
    let result = f();
    PROGRESS.with(|p| *p.borrow_mut() = None);
    result
}

/// How often (in items) the parse reports progress.
const PROGRESS_EVERY: usize = 512;

/// Reports that this thread has read up to `offset` in the file, and `items` more items.
fn report_progress(offset: u32, items: usize) {
    let (reading, start, read) = READING.get();
    let read = read + items as u64;
    READING.set((reading, start, read));
    PROGRESS.with(|p| {
        if let Some(progress) = p.borrow().as_ref() {
            progress.advance(reading, u64::from(offset.saturating_sub(start)), read);
        }
    });
}

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
    pub fn into_text(self, as_written: bool) -> Result<(Span, String), Node> {
        match self.value {
            Value::Text(text) => Ok((self.span, text)),
            Value::Plain { text, .. } => {
                if as_written && self.span.line == 0 {
                    INEXACT.set(true);
                }
                Ok((self.span, text))
            }
            value => Err(Node { span: self.span, value }),
        }
    }
}

fn span_of(location: &Location) -> Span {
    let span = location.span();
    let clamp = |v: u64| u32::try_from(v).unwrap_or(u32::MAX);
    let (base_line, base_offset) = BASE.get();
    Span {
        line: clamp(location.line()).saturating_add(base_line),
        column: clamp(location.column()),
        offset: clamp(span.byte_offset().unwrap_or(0)).saturating_add(base_offset),
        len: clamp(span.byte_len().unwrap_or(0)),
    }
}

/// Reads a value with its position: used for items always, and for everything when positioned.
fn positioned_node<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Node, D::Error> {
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

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if POSITIONED.get() {
            positioned_node(deserializer)
        } else {
            Ok(Node { span: Span::default(), value: Value::deserialize(deserializer)? })
        }
    }
}

/// A section item: always read with its position, so the model knows where each item is.
struct ItemNode(Node);

impl<'de> Deserialize<'de> for ItemNode {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        positioned_node(deserializer).map(ItemNode)
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
        while let Some(key) = map.next_key::<Key>()? {
            let value = map.next_value::<Node>()?;
            entries.push((key, value));
        }
        Ok(Value::Map(entries))
    }
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        if POSITIONED.get() {
            let Spanned { value, referenced, .. } = Spanned::<KeyName>::deserialize(deserializer)?;
            Ok(Key { span: span_of(&referenced), name: value.0, not_a_name: value.1 })
        } else {
            let KeyName(name, not_a_name) = KeyName::deserialize(deserializer)?;
            Ok(Key { span: Span::default(), name, not_a_name })
        }
    }
}

/// A key's text, borrowed from the list of field names when it is one (no allocation).
struct KeyName(Cow<'static, str>, Option<&'static str>);

impl<'de> Deserialize<'de> for KeyName {
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

/// A model item that can be built from a mapping node, reporting its problems. Along with the
/// item come the places of its fields' values (recorded when positioned).
pub(crate) trait FromNode: Sized {
    const SECTION: Section;
    fn from_node(node: Node, problems: &mut Vec<Diagnostic>) -> Option<(Self, Vec<(&'static str, Span)>)>;
}

/// One section's list, each item converted as soon as it has been read.
pub(crate) struct Items<T> {
    pub items: Vec<T>,
    /// How many entries the list held, converted or not.
    pub written: usize,
    /// The section held something other than a list; what it held.
    pub not_a_list: Option<&'static str>,
}

impl<'de, T: FromNode> Deserialize<'de> for Items<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(ItemsVisitor(std::marker::PhantomData))
    }
}

struct ItemsVisitor<T>(std::marker::PhantomData<T>);

impl<T> ItemsVisitor<T> {
    fn not_a_list<E>(found: &'static str) -> Result<Items<T>, E> {
        Ok(Items { items: Vec::new(), written: 0, not_a_list: Some(found) })
    }
}

impl<'de, T: FromNode> Visitor<'de> for ItemsVisitor<T> {
    type Value = Items<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a list of items")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Items<T>, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1 << 16));
        let written = read_list(&mut seq, |item: T, spans| {
            if !spans.is_empty() {
                let at = ItemRef::new(T::SECTION, items.len());
                FIELD_SPANS.with(|f| f.borrow_mut().record(at, spans));
            }
            items.push(item);
        })?;
        Ok(Items { items, written, not_a_list: None })
    }

    fn visit_unit<E>(self) -> Result<Items<T>, E> {
        Ok(Items { items: Vec::new(), written: 0, not_a_list: None })
    }

    fn visit_none<E>(self) -> Result<Items<T>, E> {
        Ok(Items { items: Vec::new(), written: 0, not_a_list: None })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Items<T>, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Self::not_a_list("a mapping")
    }

    fn visit_bool<E>(self, _: bool) -> Result<Items<T>, E> {
        Self::not_a_list("true/false")
    }

    fn visit_i64<E>(self, _: i64) -> Result<Items<T>, E> {
        Self::not_a_list("a number")
    }

    fn visit_u64<E>(self, _: u64) -> Result<Items<T>, E> {
        Self::not_a_list("a number")
    }

    fn visit_f64<E>(self, _: f64) -> Result<Items<T>, E> {
        Self::not_a_list("a number")
    }

    fn visit_str<E>(self, _: &str) -> Result<Items<T>, E> {
        Self::not_a_list("text")
    }
}

/// Reads a list's items one at a time, handing each converted item and the places of its fields
/// to `keep`; gives how many entries the list held.
fn read_list<'de, A: SeqAccess<'de>, T: FromNode>(
    seq: &mut A,
    mut keep: impl FnMut(T, Vec<(&'static str, Span)>),
) -> Result<usize, A::Error> {
    let mut written = 0;
    let mut problems = Vec::new();
    while let Some(ItemNode(node)) = seq.next_element::<ItemNode>()? {
        written += 1;
        if written % PROGRESS_EVERY == 0 {
            report_progress(node.span.offset, PROGRESS_EVERY);
        }
        let (node, mut next) = split_run_on_item(node, T::SECTION, &mut problems);
        for node in std::iter::once(node).chain(next.drain(..)) {
            if let Some((item, spans)) = T::from_node(node, &mut problems) {
                keep(item, spans);
            }
        }
        if !problems.is_empty() {
            PROBLEMS.with(|p| p.borrow_mut().append(&mut problems));
        }
    }
    Ok(written)
}

/// An item holding a second `id` is two items run together: the author left out the next
/// one's `- `. Reported once, at that `id`, and read from there on as the next item, so its id
/// exists and what refers to it resolves (rather than an error for each field written twice
/// and for each reference to the lost item).
fn split_run_on_item(node: Node, section: Section, problems: &mut Vec<Diagnostic>) -> (Node, Vec<Node>) {
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
            problems.push(
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

impl<'de, T: FromNode> Deserialize<'de> for Rest<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_seq(RestVisitor(std::marker::PhantomData))
    }
}

struct RestVisitor<T>(std::marker::PhantomData<T>);

impl<'de, T: FromNode> Visitor<'de> for RestVisitor<T> {
    type Value = Rest<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("the rest of a list of items")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Rest<T>, A::Error> {
        let mut pieces: Vec<Vec<T>> = Vec::new();
        let written = read_list(&mut seq, |item: T, spans| {
            if !spans.is_empty() {
                // Places recorded here would name the wrong items: recording any refuses the
                // cut, and the file is read whole.
                FIELD_SPANS.with(|f| f.borrow_mut().record(ItemRef::new(T::SECTION, 0), spans));
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

impl<'de> Deserialize<'de> for Document {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Unfinished::deserialize(deserializer).map(Unfinished::finish)
    }
}

/// A document read but not yet assembled into a brief: the pieces of a cut file are read so,
/// then joined.
struct Unfinished {
    span: Span,
    top: TopLevel,
    problems: Vec<Diagnostic>,
    field_spans: FieldSpans,
}

impl<'de> Deserialize<'de> for Unfinished {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        PROBLEMS.with(|p| p.borrow_mut().clear());
        FIELD_SPANS.with(|f| f.borrow_mut().clear());
        let top = Spanned::<TopLevel>::deserialize(deserializer)?;
        let problems = PROBLEMS.with(|p| std::mem::take(&mut *p.borrow_mut()));
        let field_spans = FIELD_SPANS.with(|f| std::mem::take(&mut *f.borrow_mut()));
        Ok(Unfinished { span: span_of(&top.referenced), top: top.value, problems, field_spans })
    }
}

impl Unfinished {
    fn finish(self) -> Document {
        let Unfinished { span, top, mut problems, field_spans } = self;
        let (brief, unread_sections) = match top {
            TopLevel::Brief(parts) => fields::finish_brief(*parts, span, &mut problems),
            TopLevel::Other(kind) => {
                problems.push(
                    Diagnostic::new(Code::NotAMapping, span, format!("a brief must be a mapping of fields, found {kind}"))
                        .label("expected `brief: 1`, `id:`, `title:` …")
                        .help("start the document with `brief: 1` on its own line, then `id:`, `title:`, `date:` and `actors:`"),
                );
                (None, Vec::new())
            }
        };
        Document { brief, problems, field_spans, unread_sections }
    }

    /// The brief's parts, when the document was read without a problem.
    fn clean_parts(self) -> Option<Box<fields::BriefParts>> {
        match self.top {
            TopLevel::Brief(parts) if self.problems.is_empty() && self.field_spans.is_empty() => Some(parts),
            _ => None,
        }
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

/// Reads a section's list, converting each item as it arrives.
fn next_section<'de, A: MapAccess<'de>, T: FromNode>(map: &mut A) -> Result<(Span, Items<T>), A::Error> {
    let items = map.next_value::<Spanned<Items<T>>>()?;
    Ok((span_of(&items.referenced), items.value))
}

impl<'de> Visitor<'de> for TopLevelVisitor {
    type Value = TopLevel;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a brief")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<TopLevel, A::Error> {
        let mut parts = Box::<fields::BriefParts>::default();
        while let Some(key) = map.next_key::<Key>()? {
            if key.name == "brief" && parts.fields.iter().any(|(k, _)| k.name == "brief") {
                // A second brief run on into the first: every field they share would be
                // written twice. Said once; the rest is read once the marker is there.
                PROBLEMS.with(|p| {
                    p.borrow_mut().push(
                        Diagnostic::new(
                            Code::DuplicateField,
                            key.span,
                            "a second `brief:` in one document: each brief after the first starts with `---`",
                        )
                        .label("a new brief starts here")
                        .help("write `---` on the line above; the brief after it is checked once it is there"),
                    )
                });
                map.next_value::<IgnoredAny>()?;
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                break;
            }
            let Some(section) = Section::from_key(&key.name).filter(|_| key.not_a_name.is_none()) else {
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
            PROBLEMS.with(|p| p.borrow_mut().append(&mut problems));
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

/// Files from this size are cut in two and read on two threads at once, when they can be. A
/// second thread costs about 0.1 ms; the sample brief (28 KB) opens 1.5 ms sooner cut.
const CUT_FROM: usize = 1 << 14;

/// Parses every document of `text` as a brief.
pub(crate) fn parse(text: String, mode: Mode) -> Parsed {
    let cut_from = if mode == Mode::Fast { CUT_FROM } else { usize::MAX };
    parse_cutting_from(text, mode, cut_from)
}

fn parse_cutting_from(text: String, mode: Mode, cut_from: usize) -> Parsed {
    SOURCE.with(|source| *source.borrow_mut() = text);
    POSITIONED.set(mode == Mode::Positioned);
    let cut = with_source(|source| (source.len() >= cut_from).then(|| cut::find(source)).flatten());
    if let Some(documents) = cut.and_then(|cut| with_source(|source| parse_cut(source, &cut))) {
        let text = SOURCE.with(|source| std::mem::take(&mut *source.borrow_mut()));
        // The brief's own fields are read after the join, on this thread: a number among them
        // needs the positioned reading as in a whole one.
        return Parsed { documents, fatal: None, inexact: INEXACT.get(), text };
    }
    READING.set((Reading::Whole, 0, 0));
    INEXACT.set(false);
    let (documents, fatal) = with_source(|source| match parse_documents(source) {
        Ok(documents) => (documents, None),
        Err(error) => {
            let fatal = diagnose(&error, source);
            // Keep what the documents before the broken one hold: parse up to the last
            // document marker before the error.
            let line = fatal.span.map_or(0, |s| s.line as usize);
            let before = last_document_start_before(source, line);
            let documents = before.and_then(|end| parse_documents(&source[..end]).ok()).unwrap_or_default();
            (documents, Some(fatal))
        }
    });
    let text = SOURCE.with(|source| std::mem::take(&mut *source.borrow_mut()));
    PROBLEMS.with(|p| p.borrow_mut().clear());
    FIELD_SPANS.with(|f| f.borrow_mut().clear());
    Parsed { documents, fatal, inexact: INEXACT.get(), text }
}

fn with_source<R>(f: impl FnOnce(&str) -> R) -> R {
    SOURCE.with(|source| f(&source.borrow()))
}

fn parse_documents(source: &str) -> Result<Vec<Document>, serde_saphyr::Error> {
    let options = options(Limits::of(source.len()), MAX_DEPTH);
    serde_saphyr::from_str_multiple_with_options::<Document, Vec<Document>>(source, options)
}

/// Parses a file cut in three (see `cut`): the head on this thread, the middle and the tail on
/// another. `None` unless every piece reads without a problem; the file is then read whole, so
/// that whatever is wrong is reported as it is for any file.
fn parse_cut(source: &str, cut: &Cut) -> Option<Vec<Document>> {
    match cut.section {
        Section::Sources => parse_cut_list(source, cut, |parts| &mut parts.sources),
        Section::Topics => parse_cut_list(source, cut, |parts| &mut parts.topics),
        Section::Actors => parse_cut_list(source, cut, |parts| &mut parts.actors),
        Section::Claims => parse_cut_list(source, cut, |parts| &mut parts.claims),
        Section::Positions => parse_cut_list(source, cut, |parts| &mut parts.positions),
        Section::Quotes => parse_cut_list(source, cut, |parts| &mut parts.quotes),
        Section::Events => parse_cut_list(source, cut, |parts| &mut parts.events),
    }
}

fn parse_cut_list<T: FromNode + Send>(
    source: &str,
    cut: &Cut,
    list: fn(&mut fields::BriefParts) -> &mut fields::Slot<T>,
) -> Option<Vec<Document>> {
    let progress = PROGRESS.with(|p| p.borrow().clone());
    let (middle, tail) = (&source[cut.middle..cut.tail], &source[cut.tail..]);
    // The pieces' limits add up to the whole file's, so a cut lets nothing through that the
    // whole reading would stop. The middle's items stand a level higher than in the file.
    let (middle_limits, tail_limits) = (Limits::of_piece(middle.len()), Limits::of_piece(tail.len()));
    let head_limits = Limits::of(source.len()).less(middle_limits).less(tail_limits);
    let (head, rest) = std::thread::scope(|scope| {
        // No second thread (the system is out of them): the file is read whole.
        let rest = std::thread::Builder::new().name("load-rest".into()).spawn_scoped(scope, || {
            PROGRESS.with(|p| *p.borrow_mut() = progress);
            READING.set((Reading::Rest, u32::try_from(cut.middle).ok()?, 0));
            let middle = read_piece(cut.middle_line, cut.middle, || {
                serde_saphyr::from_str_with_options::<Rest<T>>(middle, options(middle_limits, MAX_DEPTH - 1)).ok()
            })?;
            let tail = read_piece(cut.tail_line, cut.tail, || {
                let options = options(tail_limits, MAX_DEPTH);
                serde_saphyr::from_str_multiple_with_options::<Unfinished, Vec<Unfinished>>(tail, options).ok()
            })?;
            Some((middle, tail))
        });
        let rest = rest.ok()?;
        READING.set((Reading::Head, 0, 0));
        let head = &source[..cut.middle];
        let head = read_piece(1, 0, || {
            let options = options(head_limits, MAX_DEPTH);
            serde_saphyr::from_str_multiple_with_options::<Unfinished, Vec<Unfinished>>(head, options).ok()
        });
        Some((head, rest.join().ok().flatten()))
    })?;
    let (middle, tail) = rest?;
    let [head] = <[Unfinished; 1]>::try_from(head?).ok()?;
    let span = head.span;
    let mut parts = head.clean_parts()?;
    if !list(&mut parts).extend(middle) {
        return None;
    }
    match <[Unfinished; 1]>::try_from(tail) {
        Ok([tail]) => {
            if !parts.join_tail(*tail.clean_parts()?) {
                return None;
            }
        }
        Err(tail) if tail.is_empty() => {}
        Err(_) => return None,
    }
    let whole =
        Unfinished { span, top: TopLevel::Brief(parts), problems: Vec::new(), field_spans: FieldSpans::default() };
    Some(vec![whole.finish()])
}

/// Whether reading `text` cut in pieces, at any size, gives what reading it whole does (or is
/// refused): the fuzzer's check that a cut can never change what a file says.
#[cfg(any(test, feature = "testing"))]
pub(crate) fn cut_agrees(text: &str) -> bool {
    let Some(cut) = cut::find(text) else { return true };
    INEXACT.set(false);
    let Some(mut pieces) = parse_cut(text, &cut) else { return true };
    let pieces_inexact = INEXACT.get();
    let mut whole = parse_cutting_from(text.to_string(), Mode::Fast, usize::MAX);
    let (Some(pieces), Some(whole_document)) = (pieces.pop(), whole.documents.pop()) else {
        return false;
    };
    whole.fatal.is_none()
        && whole.documents.is_empty()
        && pieces_inexact == whole.inexact
        && pieces.brief == whole_document.brief
        && pieces.problems == whole_document.problems
}

/// Reads one piece of a cut file, starting at `line` and byte `offset` of the file, fast (no
/// positions but items'). `None` when the piece has a problem of its own.
fn read_piece<R>(line: u32, offset: usize, read: impl FnOnce() -> Option<R>) -> Option<R> {
    let offset = u32::try_from(offset).ok()?;
    BASE.set((line - 1, offset));
    POSITIONED.set(false);
    INEXACT.set(false);
    PROBLEMS.with(|p| p.borrow_mut().clear());
    FIELD_SPANS.with(|f| f.borrow_mut().clear());
    let piece = read();
    BASE.set((0, 0));
    let clean =
        !INEXACT.get() && PROBLEMS.with(|p| p.borrow().is_empty()) && FIELD_SPANS.with(|f| f.borrow().is_empty());
    piece.filter(|_| clean)
}

/// serde-saphyr's depth limit, kept: a brief nests five levels at most.
const MAX_DEPTH: usize = 64;

/// How much YAML a parse may read before it is stopped as hostile.
#[derive(Debug, Clone, Copy)]
struct Limits {
    nodes: usize,
    events: usize,
    scalar_bytes: usize,
}

impl Limits {
    /// A whole file's: scaled with its length, so large honest briefs load while an alias bomb
    /// still stops early (see the research note on serde-saphyr's budgets).
    fn of(len: usize) -> Limits {
        Limits { nodes: len.max(250_000), events: len.max(1_000_000), scalar_bytes: len.max(64 << 20) }
    }

    /// A piece's after a cut: its length, and room for the events that open and close it.
    fn of_piece(len: usize) -> Limits {
        Limits { nodes: len + 16, events: len + 16, scalar_bytes: len + 16 }
    }

    fn less(self, piece: Limits) -> Limits {
        Limits {
            nodes: self.nodes.saturating_sub(piece.nodes),
            events: self.events.saturating_sub(piece.events),
            scalar_bytes: self.scalar_bytes.saturating_sub(piece.scalar_bytes),
        }
    }
}

fn options(limits: Limits, max_depth: usize) -> serde_saphyr::Options {
    serde_saphyr::options! {
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
    }
}

/// A small piece of YAML as plain data, under the default budget (a header preview).
pub(crate) fn parse_value(text: &str) -> Option<serde_json::Value> {
    serde_saphyr::from_str(text).ok()
}

/// The byte offset of the last `---` document marker that starts a line before `line`.
fn last_document_start_before(source: &str, line: usize) -> Option<usize> {
    let mut offset = 0;
    let mut found = None;
    for (number, text) in source.split_inclusive('\n').enumerate() {
        if number + 1 >= line {
            break;
        }
        if text.starts_with("---") && text[3..].chars().next().is_none_or(char::is_whitespace) {
            found = Some(offset);
        }
        offset += text.len();
    }
    found
}

/// Turns a serde-saphyr error into our diagnostic.
fn diagnose(error: &serde_saphyr::Error, text: &str) -> Diagnostic {
    use serde_saphyr::MessageFormatter;
    let bare = error.without_snippet();
    let message = serde_saphyr::UserMessageFormatter.format_message(bare).into_owned();
    let span = error.location().map(|l| point_at(text, l.line() as u32, l.column() as u32));
    if let Some(help) = limit_help(bare, &message) {
        return Diagnostic::new(Code::YamlLimit, span, format!("YAML exceeds the loader's limits: {message}"))
            .label("here")
            .help(help);
    }
    let at = error.location().map(|l| (l.line() as u32, l.column() as u32));
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
        let mut parsed = parse_cutting_from(text.to_string(), Mode::Fast, usize::MAX);
        assert!(parsed.fatal.is_none() && parsed.documents.len() == 1, "{:?}", parsed.fatal);
        parsed.documents.pop().unwrap()
    }

    /// The same file cut where `cut::find` says and read on two threads; `None` when the cut
    /// is refused.
    fn in_pieces(text: &str) -> Option<Document> {
        let cut = cut::find(text).expect("the file can be cut");
        parse_cut(text, &cut).map(|mut documents| documents.pop().unwrap())
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
    fn finds_the_document_before_an_error() {
        let text = "a: 1\n---\nb: 2\n---\nc: [\n";
        assert_eq!(last_document_start_before(text, 5), Some(14));
        assert_eq!(last_document_start_before(text, 1), None);
    }
}
