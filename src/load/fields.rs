//! From YAML nodes to model items: every field checked, every problem reported once.

use super::diagnostic::{Code, Diagnostic, with_article};
use super::suggest::nearest;
use super::yaml::{Context, FromNode, Items, Key, Node, Plain, Rest, Value};
use crate::model::{
    Actor, Brief, Claim, Date, Event, Extensions, FORMAT_VERSION, Position, Quote, Ref, Section, Source, Span, Topic,
    Vocabulary, is_valid_id,
};

/// A field name of the format as a static string, so keys can be read without allocating.
pub(crate) fn field_name(name: &str) -> Option<&'static str> {
    let lists = [
        Brief::FIELDS,
        Source::FIELDS,
        Topic::FIELDS,
        Actor::FIELDS,
        Claim::FIELDS,
        Position::FIELDS,
        Quote::FIELDS,
        Event::FIELDS,
    ];
    lists.into_iter().flatten().copied().find(|known| *known == name)
}

/// Words people write for a field, and the field the format has for them.
const FIELD_SYNONYMS: &[(&str, &str)] = &[
    ("author", "prepared_by"),
    ("authors", "prepared_by"),
    ("desk", "prepared_by"),
    ("classification", "marking"),
    ("headline", "title"),
    ("description", "summary"),
    ("quote", "text"),
    ("body", "text"),
    ("content", "text"),
    ("said_by", "speaker"),
    ("holder", "actor"),
    ("position", "stance"),
    ("org", "affiliation"),
    ("organisation", "affiliation"),
    ("organization", "affiliation"),
    ("audience", "to"),
    ("where", "at"),
    ("locator", "at"),
    ("page", "at"),
    ("link", "url"),
    ("type", "kind"),
];

/// A section as read from the file: its items, and where its key stood.
pub(crate) struct Slot<T> {
    pub items: Vec<T>,
    /// The key's position, when the section was written at all.
    pub key: Option<Span>,
    /// Whether the author wrote entries (even ones that could not be read) or a non-list.
    pub written: bool,
    /// The section held something other than a list, so its items could not be read.
    pub unread: bool,
}

impl<T> Default for Slot<T> {
    fn default() -> Self {
        Slot { items: Vec::new(), key: None, written: false, unread: false }
    }
}

impl<T> Slot<T> {
    pub fn fill(&mut self, key: Key, (value_span, items): (Span, Items<T>), context: &Context) {
        let name = key.name;
        if let Some(first) = self.key {
            context.report(
                Diagnostic::new(Code::DuplicateField, key.span, format!("section `{name}` is written twice"))
                    .label("second time here")
                    .help(format!("merge the two lists into the `{name}:` on line {}", first.line)),
            );
        } else {
            self.key = Some(key.span);
        }
        self.written |= items.written > 0 || items.not_a_list.is_some();
        let mut list = items.items;
        if self.items.is_empty() {
            // Moving, not appending: appending would copy a 30 MB list into a new one.
            list.shrink_to_fit();
            self.items = list;
        } else {
            self.items.append(&mut list);
        }
        if let Some(found) = items.not_a_list {
            self.unread = true;
            let help = if found == "a mapping" {
                format!(
                    "write each item on its own line under `{name}:`, starting with `- id: …` (a list, not a mapping keyed by id)"
                )
            } else {
                format!("write each item on its own line under `{name}:`, starting with `- id: …`")
            };
            context.report(
                Diagnostic::new(Code::WrongType, value_span, format!("section `{name}` must be a list, found {found}"))
                    .label("expected a list of items")
                    .help(help),
            );
        }
    }
}

/// Everything the top-level mapping held, gathered before the brief is assembled.
#[derive(Default)]
pub(crate) struct BriefParts {
    /// Top-level entries other than the sections, in file order.
    pub fields: Vec<(Key, Node)>,
    pub sources: Slot<Source>,
    pub topics: Slot<Topic>,
    pub actors: Slot<Actor>,
    pub claims: Slot<Claim>,
    pub positions: Slot<Position>,
    pub quotes: Slot<Quote>,
    pub events: Slot<Event>,
}

impl BriefParts {
    /// Takes in the entries read after a cut (see `cut`). `false` when both name one entry: the
    /// file is then read whole, so that problem is reported as it is for any file.
    pub fn join_tail(&mut self, tail: BriefParts) -> bool {
        let BriefParts { fields, sources, topics, actors, claims, positions, quotes, events } = tail;
        if fields.iter().any(|(key, _)| self.fields.iter().any(|(mine, _)| mine.name == key.name)) {
            return false;
        }
        self.fields.extend(fields);
        self.sources.take(sources)
            && self.topics.take(topics)
            && self.actors.take(actors)
            && self.claims.take(claims)
            && self.positions.take(positions)
            && self.quotes.take(quotes)
            && self.events.take(events)
    }
}

impl<T> Slot<T> {
    /// Takes a section read after a cut, unless this one was written already.
    fn take(&mut self, other: Slot<T>) -> bool {
        if other.key.is_none() {
            return true;
        }
        if self.key.is_some() {
            return false;
        }
        *self = other;
        true
    }

    /// Appends the rest of this section's list, read after a cut.
    pub fn extend(&mut self, rest: Rest<T>) -> bool {
        if self.key.is_none() {
            return false;
        }
        self.written |= rest.written > 0;
        // Exactly: the list grows no further, and doubling a 30 MB list would waste half of it.
        self.items.reserve_exact(rest.pieces.iter().map(Vec::len).sum());
        for mut piece in rest.pieces {
            self.items.append(&mut piece);
        }
        true
    }
}

/// Assembles the brief from its parts once the whole document has been read, with the
/// sections that could not be read: written as something other than a list, or under a
/// misspelt key (`claimz:`). That section's error says it all, so the checks leave the
/// references into it alone.
pub(crate) fn finish_brief(parts: BriefParts, span: Span, context: &Context) -> (Option<Brief>, Vec<Section>) {
    let mut unread: Vec<Section> = parts
        .fields
        .iter()
        // A field of the format is no misspelt section, and every brief has several: only the
        // others are worth the search.
        .filter(|(key, _)| !Brief::FIELDS.contains(&key.name.as_ref()))
        .filter_map(|(key, _)| suggest_field(&key.name, Brief::FIELDS).and_then(|field| Section::from_key(&field)))
        .collect();
    let slots = [
        (Section::Sources, parts.sources.unread),
        (Section::Topics, parts.topics.unread),
        (Section::Actors, parts.actors.unread),
        (Section::Claims, parts.claims.unread),
        (Section::Positions, parts.positions.unread),
        (Section::Quotes, parts.quotes.unread),
        (Section::Events, parts.events.unread),
    ];
    unread.extend(slots.into_iter().filter(|(_, unread)| *unread).map(|(section, _)| section));
    let brief = assemble(parts, span, &unread, context);
    (brief, unread)
}

fn assemble(parts: BriefParts, span: Span, unread: &[Section], context: &Context) -> Option<Brief> {
    let mut fields = Fields::new(parts.fields, "brief", span, Brief::FIELDS, context);
    let version = fields.version();
    let id = fields.id();
    let title = fields.text_required("title");
    let date = fields.date_required("date");
    let summary = fields.text("summary");
    let prepared_by = fields.text("prepared_by");
    let marking = fields.text("marking");
    let tags = fields.strings("tags");
    let follows = fields.follows();
    let (extensions, _) = fields.finish();
    if let Version::Unsupported = version {
        // Another version's fields would drown the one message that matters.
        context.retain_problems(|p| p.code == Code::UnsupportedVersion);
        return None;
    }
    // A misspelt `actors:` is reported as such; "no actors" would say it a second time.
    if parts.actors.key.is_none() && !unread.contains(&Section::Actors) {
        context.report(
            Diagnostic::new(Code::MissingField, span, "the brief has no `actors:` section")
                .label("the brief starts here")
                .help("add `actors:` with at least one `- id: …` and `name: …`"),
        );
    }
    let sections = [
        (Section::Sources, parts.sources.key, parts.sources.written),
        (Section::Topics, parts.topics.key, parts.topics.written),
        (Section::Actors, parts.actors.key, parts.actors.written),
        (Section::Claims, parts.claims.key, parts.claims.written),
        (Section::Positions, parts.positions.key, parts.positions.written),
        (Section::Quotes, parts.quotes.key, parts.quotes.written),
        (Section::Events, parts.events.key, parts.events.written),
    ];
    for (section, key, written) in sections {
        if let (Some(key), false) = (key, written) {
            let help = if section == Section::Actors {
                "a brief needs at least one actor: add `- id: …` and `name: …` under `actors:`".to_string()
            } else {
                format!("add items to `{}`, or remove the key", section.key())
            };
            context.report(
                Diagnostic::new(Code::EmptySection, key, format!("section `{}` is empty", section.key()))
                    .label("no items")
                    .help(help),
            );
        }
    }
    // Missing top-level fields were reported; the rest is still checked, so build with blanks.
    Some(Brief {
        brief: FORMAT_VERSION,
        id: id.unwrap_or_default(),
        title: title.unwrap_or_default(),
        date: date.unwrap_or_default(),
        summary,
        prepared_by,
        marking,
        tags,
        follows,
        sources: parts.sources.items,
        topics: parts.topics.items,
        actors: parts.actors.items,
        claims: parts.claims.items,
        positions: parts.positions.items,
        quotes: parts.quotes.items,
        events: parts.events.items,
        extensions,
        span,
    })
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
    entries: Vec<Option<(Key, Node)>>,
    known: &'static [&'static str],
    /// Required fields found missing; reported at the end, unless a misspelt key explains them.
    missing: Vec<&'static str>,
    /// Where each taken field's value was written (when positions are recorded).
    spans: Vec<(&'static str, Span)>,
    context: &'p Context<'p>,
}

impl<'p> Fields<'p> {
    fn new(
        entries: Vec<(Key, Node)>,
        owner: &'static str,
        owner_span: Span,
        known: &'static [&'static str],
        context: &'p Context<'p>,
    ) -> Fields<'p> {
        let mut kept: Vec<Option<(Key, Node)>> = Vec::with_capacity(entries.len());
        for (key, value) in entries {
            if let Some(found) = key.not_a_name {
                context.report(
                    Diagnostic::new(Code::WrongType, key.span, format!("a field name must be text, found {found}"))
                        .label("not a field name")
                        .help("write `name: value`; a `?` before a key makes a complex key, which the format has no use for"),
                );
                continue;
            }
            if let Some((first, _)) = kept.iter().flatten().find(|(k, _)| k.name == key.name) {
                context.report(
                    Diagnostic::new(
                        Code::DuplicateField,
                        key.span,
                        format!("field `{}` is written twice in this {owner}", key.name),
                    )
                    .label(format!("first written on line {}", first.span.line))
                    .help("keep one of the two; YAML would silently drop the other"),
                );
                continue;
            }
            kept.push(Some((key, value)));
        }
        Fields { owner, owner_span, entries: kept, known, missing: Vec::new(), spans: Vec::new(), context }
    }

    /// Takes a field's value, remembering where it was written.
    fn take(&mut self, name: &'static str) -> Option<(Span, Node)> {
        debug_assert!(self.known.contains(&name), "`{name}` is read but not among the {}'s FIELDS", self.owner);
        let slot = self.entries.iter_mut().find(|e| e.as_ref().is_some_and(|(k, _)| k.name == name))?;
        let (key, value) = slot.take()?;
        if value.span.line != 0 {
            self.spans.push((name, value.span));
        }
        Some((key.span, value))
    }

    fn missing(&mut self, name: &'static str) {
        self.missing.push(name);
    }

    fn wrong_type(&mut self, name: &str, node: &Node, expected: &str, help: String) {
        self.context.report(
            Diagnostic::new(
                Code::WrongType,
                node.span,
                format!("`{name}` must be {expected}, found {}", node.value.kind_name()),
            )
            .label(format!("expected {expected}"))
            .help(help),
        );
    }

    /// A scalar's text; numbers and booleans as written. Reports lists and mappings as the
    /// wrong type, with what was `expected` and the help that `said` gives (made only then: a
    /// library's fields are read by the million); `None` for them and for nothing.
    fn scalar(&mut self, name: &str, node: Node, said: impl FnOnce() -> Said) -> Option<(Span, String)> {
        self.scalar_read(name, node, said, true)
    }

    /// A scalar read for its value (a vocabulary word, a date), where `2` and `02` mean the same.
    fn scalar_value(&mut self, name: &str, node: Node, said: impl FnOnce() -> Said) -> Option<(Span, String)> {
        self.scalar_read(name, node, said, false)
    }

    fn scalar_read(
        &mut self,
        name: &str,
        node: Node,
        said: impl FnOnce() -> Said,
        as_written: bool,
    ) -> Option<(Span, String)> {
        match node.into_text(as_written, self.context) {
            Ok(text) => Some(text),
            Err(node) if matches!(node.value, Value::Null) => None,
            Err(node) => {
                let Said { expected, help } = said();
                self.wrong_type(name, &node, &expected, help);
                None
            }
        }
    }

    fn text_scalar(&mut self, name: &str, node: Node) -> Option<(Span, String)> {
        self.scalar(name, node, || {
            Said::new("text", format!("write `{name}` as text, in quotes if it holds `: ` or ` #`"))
        })
    }

    fn version(&mut self) -> Version {
        let Some((key_span, node)) = self.take("brief") else {
            self.context.report(
                Diagnostic::new(Code::MissingVersion, self.owner_span, "the brief does not say its format version")
                    .label("expected `brief: 1` in this mapping")
                    .help("add `brief: 1` as the first line of the brief"),
            );
            return Version::Missing;
        };
        let written = match &node.value {
            Value::Plain { kind: Plain::Int(1) | Plain::UInt(1), .. } => return Version::One,
            Value::Text(t) if t.trim() == "1" => return Version::One,
            Value::Null => {
                self.context.report(
                    Diagnostic::new(Code::MissingVersion, key_span, "`brief:` has no value")
                        .label("expected the format version")
                        .help("write `brief: 1`"),
                );
                return Version::Missing;
            }
            Value::Text(t) | Value::Plain { text: t, .. } => format!("'{t}'"),
            other => other.kind_name().to_string(),
        };
        let one = matches!(&node.value, Value::Plain { kind: Plain::Float(f), .. } if *f == 1.0);
        self.context.report(
            Diagnostic::new(
                Code::UnsupportedVersion,
                node.span,
                format!("format version {written} is not supported; this reader knows version 1"),
            )
            .label("only `1` exists")
            .help("write `brief: 1`, or open this file with the tool that wrote it")
            .suggest(one.then_some("1")),
        );
        Version::Unsupported
    }

    fn id(&mut self) -> Option<Box<str>> {
        let Some((key_span, node)) = self.take("id") else {
            self.missing("id");
            return None;
        };
        if matches!(node.value, Value::Null) {
            self.context.report(
                Diagnostic::new(Code::MissingField, key_span, "`id:` has no value")
                    .label("expected an id after `id:`")
                    .help("write an id such as `harbour-council`: letters, digits, `.`, `_` and `-`"),
            );
            return None;
        }
        let (span, id) = self.scalar("id", node, || Said::new("an id", "write one id such as `harbour-council`"))?;
        if !is_valid_id(&id) {
            self.context.report(bad_id(&id, span));
        }
        Some(id.into_boxed_str())
    }

    fn text_required(&mut self, name: &'static str) -> Option<Box<str>> {
        let Some((key_span, node)) = self.take(name) else {
            self.missing(name);
            return None;
        };
        let blank = match &node.value {
            Value::Null => true,
            Value::Text(t) => t.trim().is_empty(),
            _ => false,
        };
        if blank {
            // Point at the key: an empty value has no place of its own (or is on the next line).
            self.context.report(
                Diagnostic::new(Code::BlankText, key_span, format!("`{name}` is empty"))
                    .label(format!("no {name} after `{name}:`"))
                    .help(format!("write the {name} of this {}", self.owner)),
            );
            return None;
        }
        self.text_scalar(name, node).map(|(_, text)| text.into_boxed_str())
    }

    fn text(&mut self, name: &'static str) -> Option<Box<str>> {
        let (_, node) = self.take(name)?;
        self.text_scalar(name, node).map(|(_, t)| t.into_boxed_str()).filter(|t| !t.trim().is_empty())
    }

    fn strings(&mut self, name: &'static str) -> Vec<Box<str>> {
        let Some((_, node)) = self.take(name) else { return Vec::new() };
        match node.value {
            Value::Seq(items) => exact(items, |item| self.text_scalar(name, item).map(|(_, t)| t.into_boxed_str())),
            Value::Null => Vec::new(),
            _ => {
                let example = match &node.value {
                    Value::Text(t) => format!("write `{name}: [{t}]`, a list even for one entry"),
                    _ => format!("write `{name}: [first, second]`"),
                };
                self.wrong_type(name, &node, "a list", example);
                Vec::new()
            }
        }
    }

    fn reference_node(&mut self, name: &str, node: Node, what: &str) -> Option<Ref> {
        let said = || Said::new(format!("one {what} id"), format!("write the id of {what}; one field holds one id"));
        let (span, id) = self.scalar(name, node, said)?;
        Some(Ref { id: id.into_boxed_str(), span })
    }

    /// The brief's `follows`: the id of the brief it updates. Another brief's id is not
    /// checked here (which briefs are open is known only across briefs), only its pattern.
    fn follows(&mut self) -> Option<Ref> {
        let mut follows = self.reference("follows", "brief")?;
        if follows.span == Span::default() {
            // A fast reading keeps no places of values; the warning across briefs needs it.
            follows.span = self.context.top_level_value(self.owner_span, "follows").unwrap_or(self.owner_span);
        }
        if !is_valid_id(&follows.id) {
            self.context.report(bad_id(&follows.id, follows.span));
            return None;
        }
        Some(follows)
    }

    fn reference(&mut self, name: &'static str, what: &str) -> Option<Ref> {
        let (_, node) = self.take(name)?;
        self.reference_node(name, node, what)
    }

    fn reference_required(&mut self, name: &'static str, what: &str) -> Option<Ref> {
        let Some((key_span, node)) = self.take(name) else {
            self.missing(name);
            return None;
        };
        if matches!(node.value, Value::Null) {
            self.context.report(
                Diagnostic::new(Code::MissingField, key_span, format!("`{name}:` has no value"))
                    .label(format!("expected {} id here", with_article(what)))
                    .help(format!("write the id of {} after `{name}:`", with_article(what))),
            );
            return None;
        }
        self.reference_node(name, node, what)
    }

    /// A quote's `source`: one id, never a list, since the quote's words are checked against it.
    fn one_source(&mut self) -> Option<Ref> {
        let (_, node) = self.take("source")?;
        let Value::Seq(items) = &node.value else { return self.reference_node("source", node, "source") };
        // A list of one is most likely that one source written as a list.
        let only = match items.as_slice() {
            [Node { value: Value::Text(id) | Value::Plain { text: id, .. }, .. }] if is_valid_id(id) => {
                Some(id.as_str())
            }
            _ => None,
        };
        self.context.report(
            Diagnostic::new(
                Code::WrongType,
                node.span,
                "a quote cites one source: `source` must be one source id, found a list",
            )
            .label("one source id expected")
            .help(
                "a quote's words are checked against its source, so a quote has one; \
                 cite the other sources on the claim or position the quote backs",
            )
            .suggest(only),
        );
        None
    }

    /// A list of ids; with `one_allowed`, a single id also counts (`by: biden`).
    fn references(&mut self, name: &'static str, what: &str, one_allowed: bool) -> Vec<Ref> {
        let Some((_, node)) = self.take(name) else { return Vec::new() };
        match node.value {
            Value::Seq(items) => exact(items, |item| self.reference_node(name, item, what)),
            Value::Null => Vec::new(),
            Value::Text(_) | Value::Plain { .. } if one_allowed => {
                self.reference_node(name, node, what).into_iter().collect()
            }
            _ => {
                let (expected, help) = match (&node.value, one_allowed) {
                    (Value::Text(t), _) => {
                        (format!("a list of {what} ids"), format!("write `{name}: [{t}]`, a list even for one id"))
                    }
                    (_, true) => (
                        format!("{} id or a list of them", with_article(what)),
                        format!("write `{name}: some-id` or `{name}: [first-id, second-id]`"),
                    ),
                    (_, false) => (format!("a list of {what} ids"), format!("write `{name}: [first-id, second-id]`")),
                };
                self.wrong_type(name, &node, &expected, help);
                Vec::new()
            }
        }
    }

    fn vocabulary<T: Vocabulary>(&mut self, name: &'static str) -> Option<T> {
        let (_, node) = self.take(name)?;
        let help = || format!("use one of: {}", T::words().collect::<Vec<_>>().join(", "));
        let (span, word) = self.scalar_value(name, node, || Said::new(format!("one {}", T::NAME), help()))?;
        if let Some(value) = T::parse(&word) {
            return Some(value);
        }
        let (words, help): (Vec<&str>, String) = (T::words().collect(), help());
        let suggestion = nearest(&word, words.iter().copied()).or_else(|| vocabulary_synonym(T::NAME, &word));
        let mut diagnostic = Diagnostic::new(Code::UnknownValue, span, format!("'{word}' is not a valid {}", T::NAME))
            .label(format!("not {}", with_article(T::NAME)))
            .help(help)
            .suggest(suggestion);
        if T::NAME == "credibility" && word.len() == 2 && word.as_bytes()[0].is_ascii_alphabetic() {
            diagnostic = diagnostic.help(format!(
                "'{word}' looks like a full Admiralty code: its letter is the source's `reliability`, its digit the claim's `credibility`"
            ));
            if let Some(digit) = word.get(1..).filter(|d| T::parse(d).is_some()) {
                diagnostic = diagnostic.suggest(Some(digit));
            }
        }
        self.context.report(diagnostic);
        None
    }

    fn boolean(&mut self, name: &'static str) -> bool {
        let Some((_, node)) = self.take(name) else { return false };
        match node.value {
            Value::Plain { kind: Plain::Bool(b), .. } => b,
            Value::Null => false,
            _ => {
                let guess = match &node.value {
                    Value::Text(t) => match t.to_lowercase().as_str() {
                        "yes" | "y" | "on" => Some("true"),
                        "no" | "n" | "off" => Some("false"),
                        _ => None,
                    },
                    _ => None,
                };
                let help = format!("write `{name}: {}`", guess.unwrap_or("true` or `false"));
                self.wrong_type(name, &node, "true or false", help);
                false
            }
        }
    }

    fn date_node(&mut self, name: &str, node: Node) -> Option<Date> {
        let help = "write 2021, 2021-12, 2021-12-06 or 2021-12-06T10:30:00Z";
        let (span, text) = self.scalar_value(name, node, || Said::new("a date", help))?;
        match Date::parse(text.trim()) {
            Ok(date) => Some(date),
            Err(why) => {
                self.context.report(
                    Diagnostic::new(Code::BadDate, span, format!("`{name}`: {why}"))
                        .label(why.label())
                        .help(help)
                        .suggest(Date::suggest(text.trim()).as_deref()),
                );
                None
            }
        }
    }

    fn date(&mut self, name: &'static str) -> Option<Date> {
        let (_, node) = self.take(name)?;
        self.date_node(name, node)
    }

    fn date_required(&mut self, name: &'static str) -> Option<Date> {
        let Some((key_span, node)) = self.take(name) else {
            self.missing(name);
            return None;
        };
        if matches!(node.value, Value::Null) {
            self.context.report(
                Diagnostic::new(Code::MissingField, key_span, format!("`{name}:` has no value"))
                    .label("expected a date here")
                    .help("write a date such as 2021-12-06"),
            );
            return None;
        }
        self.date_node(name, node)
    }

    /// Keeps `x-` fields, reports any other field left over and the required fields missing,
    /// and hands back where each field was written.
    fn finish(mut self) -> (Extensions, Vec<(&'static str, Span)>) {
        let mut extensions = Extensions::new();
        let mut explained = Vec::new();
        for (key, value) in std::mem::take(&mut self.entries).into_iter().flatten() {
            let name = key.name;
            if name.starts_with("x-") {
                let value = to_json(value, self.context);
                extensions.insert(name.into_owned(), value);
                continue;
            }
            let suggestion = suggest_field(&name, self.known);
            let required = suggestion.as_deref().and_then(|s| self.missing.iter().copied().find(|m| *m == s));
            let message = match required {
                Some(field) => {
                    explained.push(field);
                    format!("unknown field `{name}`; {} needs `{field}`", with_article(self.owner))
                }
                None => format!("unknown field `{name}` in {}", with_article(self.owner)),
            };
            self.context.report(
                Diagnostic::new(Code::UnknownField, key.span, message)
                    .label("not a field of the format")
                    .help(format!(
                        "the fields of {} are: {}; name fields of your own `x-…`",
                        with_article(self.owner),
                        self.known.join(", ")
                    ))
                    .suggest(suggestion.as_deref()),
            );
        }
        for name in self.missing.iter().filter(|m| !explained.contains(m)) {
            let example = match *name {
                "id" => "an id such as `harbour-council`".to_string(),
                "date" => "a date such as 2021-12-06".to_string(),
                _ => "…".to_string(),
            };
            self.context.report(
                Diagnostic::new(
                    Code::MissingField,
                    self.owner_span,
                    format!("{} needs `{name}:`", with_article(self.owner)),
                )
                .label(format!("this {} has no `{name}`", self.owner))
                .help(format!("add `{name}: {example}` to this {}", self.owner)),
            );
        }
        (extensions, self.spans)
    }
}

/// What a field should have held, and how to write it: said only when it does not.
struct Said {
    expected: String,
    help: String,
}

impl Said {
    fn new(expected: impl Into<String>, help: impl Into<String>) -> Said {
        Said { expected: expected.into(), help: help.into() }
    }
}

/// What the nodes of a list become, in a list of its own size. Collected from the nodes' list,
/// they would keep its allocation (a node is larger than a reference or a string), room for
/// twice as many or more, as long as the brief is held: 18 MB over a library of 2,000 briefs.
fn exact<T>(nodes: Vec<Node>, read: impl FnMut(Node) -> Option<T>) -> Vec<T> {
    let mut items = Vec::with_capacity(nodes.len());
    items.extend(nodes.into_iter().filter_map(read));
    items
}

/// The nearest field name: a typo, a synonym, or `x_note` / `X-note` meant as `x-note`.
fn suggest_field(name: &str, known: &'static [&'static str]) -> Option<String> {
    if let Some(found) = nearest(name, known.iter().copied()) {
        return Some(found.to_string());
    }
    let lower = name.to_lowercase();
    if let Some((_, field)) = FIELD_SYNONYMS.iter().find(|(synonym, field)| *synonym == lower && known.contains(field))
    {
        return Some((*field).to_string());
    }
    ["x_", "X-", "X_"]
        .iter()
        .find_map(|prefix| name.strip_prefix(prefix))
        .filter(|rest| !rest.is_empty())
        .map(|rest| format!("x-{rest}"))
}

fn vocabulary_synonym(vocabulary: &str, word: &str) -> Option<&'static str> {
    let word = word.to_lowercase();
    let table: &[(&str, &str)] = match vocabulary {
        "quote kind" => {
            &[("paraphrase", "indirect"), ("reported", "indirect"), ("fragment", "partial"), ("verbatim", "direct")]
        }
        "stance" => &[
            ("support", "supports"),
            ("for", "supports"),
            ("against", "opposes"),
            ("oppose", "opposes"),
            ("undecided", "unclear"),
        ],
        "actor kind" => {
            &[("organization", "organisation"), ("country", "state"), ("nation", "state"), ("individual", "person")]
        }
        "claim status" => &[("true", "confirmed"), ("false", "denied"), ("contested", "disputed")],
        "event status" => &[("planned", "scheduled"), ("done", "occurred"), ("canceled", "cancelled")],
        _ => &[],
    };
    table.iter().find(|(w, _)| *w == word).map(|(_, v)| *v)
}

fn bad_id(id: &str, span: Span) -> Diagnostic {
    let (message, label) = if id.is_empty() {
        ("the id is empty".to_string(), "an id needs at least one letter or digit".to_string())
    } else if id.len() > 64 {
        (format!("id '{id}' is {} characters long; ids are at most 64", id.chars().count()), "too long".to_string())
    } else if !id.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        (format!("id '{id}' does not start with a letter or digit"), "ids start with a letter or digit".to_string())
    } else {
        let bad: String =
            id.chars().filter(|c| !(c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-'))).take(3).collect();
        (
            format!("id '{id}' holds {}", bad.chars().map(|c| format!("'{c}'")).collect::<Vec<_>>().join(", ")),
            "ids hold only ASCII letters, digits, `.`, `_` and `-`".to_string(),
        )
    };
    let tidy: String = id
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-') { c } else { '-' })
        .take(64)
        .collect::<String>()
        .trim_matches(|c: char| !c.is_ascii_alphanumeric())
        .to_string();
    let diagnostic = Diagnostic::new(Code::BadId, span, message)
        .label(label)
        .help("use lower-case kebab-case, like `harbour-council`");
    // Only offer a tidied id when it keeps the letters: `mayor ruiz` → `mayor-ruiz`.
    let keeps_letters = id.chars().all(|c| c.is_ascii() || !c.is_alphanumeric());
    if is_valid_id(&tidy) && keeps_letters && tidy != id { diagnostic.suggest(Some(&tidy)) } else { diagnostic }
}

/// An extension value as plain data. Keys written twice inside it are reported.
fn to_json(node: Node, context: &Context) -> serde_json::Value {
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
        Value::Seq(items) => J::Array(items.into_iter().map(|i| to_json(i, context)).collect()),
        Value::Map(entries) => {
            let mut object = serde_json::Map::new();
            for (key, value) in entries {
                let value = to_json(value, context);
                if object.contains_key(key.name.as_ref()) {
                    context.report(
                        Diagnostic::new(
                            Code::DuplicateField,
                            key.span,
                            format!("key `{}` is written twice in this mapping", key.name),
                        )
                        .label("second time here")
                        .help("keep one of the two; YAML would silently drop the other"),
                    );
                    continue;
                }
                object.insert(key.name.into_owned(), value);
            }
            J::Object(object)
        }
    }
}

/// Splits an item node into its entries, or reports that it is not a mapping.
fn item_entries(node: Node, owner: &'static str, context: &Context) -> Option<(Span, Vec<(Key, Node)>)> {
    match node.value {
        Value::Map(entries) => Some((node.span, entries)),
        other => {
            context.report(
                Diagnostic::new(
                    Code::WrongType,
                    node.span,
                    format!("each {owner} must be a mapping of fields, found {}", other.kind_name()),
                )
                .label(format!("expected `id: …` and the other fields of {}", with_article(owner)))
                .help(format!("write the {owner} as `- id: …` with its fields indented below")),
            );
            None
        }
    }
}

/// The place to remember for an item: its id when recorded, else where the item starts.
fn item_span(entries: &[(Key, Node)], start: Span) -> Span {
    entries.iter().find(|(k, v)| k.name == "id" && v.span.line != 0).map_or(start, |(_, v)| v.span)
}

macro_rules! item_reader {
    ($node:ident, $context:ident, |$fields:ident| $build:block) => {{
        let owner = Self::SECTION.singular();
        let (start, entries) = item_entries($node, owner, $context)?;
        let span = item_span(&entries, start);
        let mut $fields = Fields::new(entries, owner, start, Self::FIELDS, $context);
        // A closure, so a missing id ends the build but not the check of the other fields.
        #[allow(clippy::redundant_closure_call)]
        let built = (|| $build)();
        let (extensions, spans) = $fields.finish();
        built.map(|mut item| {
            item.extensions = extensions;
            item.span = span;
            (item, spans)
        })
    }};
}

impl FromNode for Source {
    const SECTION: Section = Section::Sources;

    fn from_node(node: Node, context: &Context) -> Option<(Self, Vec<(&'static str, Span)>)> {
        item_reader!(node, context, |f| {
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
    const SECTION: Section = Section::Topics;

    fn from_node(node: Node, context: &Context) -> Option<(Self, Vec<(&'static str, Span)>)> {
        item_reader!(node, context, |f| {
            let id = f.id();
            let label = f.text_required("label");
            let summary = f.text("summary");
            Some(Topic {
                id: id?,
                label: label.unwrap_or_default(),
                summary,
                extensions: Extensions::new(),
                span: Span::default(),
            })
        })
    }
}

impl FromNode for Actor {
    const SECTION: Section = Section::Actors;

    fn from_node(node: Node, context: &Context) -> Option<(Self, Vec<(&'static str, Span)>)> {
        item_reader!(node, context, |f| {
            let id = f.id();
            let name = f.text_required("name");
            let kind = f.vocabulary("kind").unwrap_or_default();
            let role = f.text("role");
            let anonymous = f.boolean("anonymous");
            let affiliation = f.reference("affiliation", "actor");
            let speaks_for = f.references("speaks_for", "actor", false);
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
    const SECTION: Section = Section::Claims;

    fn from_node(node: Node, context: &Context) -> Option<(Self, Vec<(&'static str, Span)>)> {
        item_reader!(node, context, |f| {
            let id = f.id();
            let text = f.text_required("text");
            let by = f.references("by", "actor", true);
            let topic = f.reference("topic", "topic");
            let status = f.vocabulary("status").unwrap_or_default();
            let credibility = f.vocabulary("credibility");
            let quotes = f.references("quotes", "quote", false);
            let date = f.date("date");
            let source = f.references("source", "source", true);
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
    const SECTION: Section = Section::Positions;

    fn from_node(node: Node, context: &Context) -> Option<(Self, Vec<(&'static str, Span)>)> {
        item_reader!(node, context, |f| {
            let id = f.id();
            let actor = f.reference_required("actor", "actor");
            let text = f.text_required("text");
            let topic = f.reference("topic", "topic");
            let stance = f.vocabulary("stance").unwrap_or_default();
            let supports = f.references("supports", "claim", false);
            let disputes = f.references("disputes", "claim", false);
            let quotes = f.references("quotes", "quote", false);
            let date = f.date("date");
            let source = f.references("source", "source", true);
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
    const SECTION: Section = Section::Quotes;

    fn from_node(node: Node, context: &Context) -> Option<(Self, Vec<(&'static str, Span)>)> {
        item_reader!(node, context, |f| {
            let id = f.id();
            let speaker = f.reference_required("speaker", "actor");
            let text = f.text_required("text");
            let kind = f.vocabulary("kind").unwrap_or_default();
            let on_behalf_of = f.reference("on_behalf_of", "actor");
            let to = f.text("to");
            let context = f.text("context");
            let mentions = f.references("mentions", "actor", false);
            let date = f.date("date");
            let source = f.one_source();
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
    const SECTION: Section = Section::Events;

    fn from_node(node: Node, context: &Context) -> Option<(Self, Vec<(&'static str, Span)>)> {
        item_reader!(node, context, |f| {
            let id = f.id();
            let date = f.date_required("date");
            let text = f.text_required("text");
            let status = f.vocabulary("status").unwrap_or_default();
            let actors = f.references("actors", "actor", false);
            let source = f.references("source", "source", true);
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

#[cfg(test)]
mod tests {
    use super::super::{Origin, load_text};

    fn labels(yaml: &str) -> Vec<String> {
        let file = load_text(Origin::Stdin, yaml.to_string());
        file.all_problems().filter_map(|p| p.label.clone()).collect()
    }

    /// Every field a list names is taken by the reader (a field it does not take is reported
    /// as unknown); `Fields::take` checks the converse.
    #[test]
    fn every_field_the_format_names_is_read() {
        use crate::model::{Actor, Brief, Claim, Event, Position, Quote, Section, Source, Topic};
        let empty = |field: &&str| format!("{field}: ~");
        let own = Brief::FIELDS.iter().filter(|field| Section::from_key(field).is_none());
        let mut yaml: String = own.map(|field| empty(field) + "\n").collect();
        let items = [
            (Section::Sources, Source::FIELDS),
            (Section::Topics, Topic::FIELDS),
            (Section::Actors, Actor::FIELDS),
            (Section::Claims, Claim::FIELDS),
            (Section::Positions, Position::FIELDS),
            (Section::Quotes, Quote::FIELDS),
            (Section::Events, Event::FIELDS),
        ];
        for (section, fields) in items {
            let item: Vec<String> = fields.iter().map(empty).collect();
            yaml += &format!("{}: [{{{}}}]\n", section.key(), item.join(", "));
        }
        let file = load_text(Origin::Stdin, yaml);
        let unknown: Vec<_> = file.all_problems().filter(|p| p.code == crate::load::Code::UnknownField).collect();
        assert!(file.has_errors() && unknown.is_empty(), "{unknown:#?}");
    }

    #[test]
    fn the_article_agrees_with_the_word_it_stands_before() {
        let yaml = "brief: 1\nid: b\ntitle: t\ndate: 2024\nsources:\n  - {id: s, title: S, file: nowhere.txt}\n\
                    actors:\n  - {id: a, name: A, kind: persn}\n\
                    quotes:\n  - {id: q, speaker: a, text: words, kind: indirect, source: s}\n\
                    events:\n  - {id: e, date: 2024, text: t, status: planed, actors: [a]}\n";
        let labels = labels(yaml);
        assert!(labels.contains(&"not an actor kind".to_string()), "{labels:?}");
        assert!(labels.contains(&"not an event status".to_string()), "{labels:?}");
        assert!(labels.iter().all(|l| !l.contains(" a a") && !l.contains(" a e")), "{labels:?}");
    }
}
