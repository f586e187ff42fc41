//! What an export says, before it is laid out as text or Markdown: headings, items with their
//! fields, quotes with their attribution. Every string here comes from the brief through
//! [`text::visible`], so neither layout can pass a control character on.

use std::cell::RefCell;
use std::collections::BTreeSet;

use serde_json::Value;

use super::{Selection, related_parts};
use crate::index::{Agreement, Index, Relation};
use crate::model::{
    Actor, ActorKind, Brief, Claim, Date, Event, EventStatus, Extensions, ItemRef, Position, Quote, QuoteKind, Ref,
    Section, Source, Stance, Topic, Vocabulary,
};
use crate::text::wrap::GLUE;
use crate::text::{self, Lines};

/// A run of text, part of it possibly a link.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Piece {
    Text(String),
    /// `url_in_text`: plain text shows the address on a line of its own (source lists);
    /// elsewhere plain text shows only the words.
    Link {
        text: String,
        url: String,
        url_in_text: bool,
    },
}

/// One line's worth of content: text and links.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Inline(pub Vec<Piece>);

impl Inline {
    pub fn text(text: impl Into<String>) -> Inline {
        Inline(vec![Piece::Text(text.into())])
    }

    fn push(&mut self, text: &str) -> &mut Inline {
        match self.0.last_mut() {
            Some(Piece::Text(last)) => last.push_str(text),
            _ => self.0.push(Piece::Text(text.to_string())),
        }
        self
    }

    fn append(&mut self, other: Inline) -> &mut Inline {
        for piece in other.0 {
            match piece {
                Piece::Text(t) => {
                    self.push(&t);
                }
                link => self.0.push(link),
            }
        }
        self
    }

    /// The words, without addresses.
    pub fn plain(&self) -> String {
        self.0
            .iter()
            .map(|p| match p {
                Piece::Text(t) | Piece::Link { text: t, .. } => t.as_str(),
            })
            .collect()
    }
}

/// `Label: value, value`, or with `list`, the values one to a line.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Field {
    pub label: String,
    pub values: Vec<Inline>,
    pub list: bool,
}

/// Words attributed to a speaker, and the circumstances.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct QuoteBlock {
    /// In quotation marks when verbatim.
    pub text: String,
    /// `— Sergey Lavrov, Russian Foreign Minister, 2 Dec 2021 (Al Jazeera, para 19)`
    pub attribution: Inline,
    pub details: Vec<Field>,
}

/// One item of a section.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Item {
    pub title: Inline,
    /// A paragraph under the title (an actor's or topic's summary).
    pub body: Option<String>,
    pub fields: Vec<Field>,
    pub quotes: Vec<QuoteBlock>,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Block {
    /// Level 1: the brief; 2: a section or the subject; 3: a part of it.
    Heading(u8, String),
    Para(String),
    Fields(Vec<Field>),
    Item(Item),
    Quote(QuoteBlock),
}

/// How much an item shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Detail {
    /// A section's list: the item, who and what it refers to, its quotes in full.
    Listed,
    /// Inside a dossier, where the quotes have their own part: quotes as one line each.
    Related,
    /// One item on its own: also what refers to it.
    Alone,
    /// The subject of a dossier: as listed, but a claim's or position's quotes with their
    /// circumstances, since they have no part of their own there.
    Subject,
}

pub(super) fn line(text: &str) -> String {
    text::one_line(text).trim().to_string()
}

fn para(text: &str) -> String {
    text::visible(text, Lines::Keep).trim().to_string()
}

pub(super) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// An author's `x-` fields, each under its name as written. A mapping is shown one `key: value`
/// to a line; a list of texts and numbers on one line, a list holding lists or mappings one
/// entry to a line; anything else as one value.
fn extension_fields(extensions: &Extensions) -> Vec<Field> {
    extensions
        .iter()
        .map(|(name, value)| {
            let (values, list) = match value {
                Value::Object(map) if !map.is_empty() => (map.iter().map(|(k, v)| entry(k, v)).collect(), true),
                Value::Array(items) if items.iter().any(|v| v.is_array() || v.is_object()) => {
                    (items.iter().map(extension_value).collect(), true)
                }
                other => (vec![extension_value(other)], false),
            };
            Field { label: line(name), values: values.into_iter().map(Inline::text).collect(), list }
        })
        .collect()
}

/// One `x-` value on one line: a text as written, a list as `a, b`, a mapping as
/// `key: value; key: value`. A list or mapping inside another is put in parentheses where
/// its separators would run into the outer ones: `a, (b, c)`, `k: (m: 1; n: 2)`.
fn extension_value(value: &Value) -> String {
    match value {
        Value::String(text) => line(text),
        Value::Null => "none".to_string(),
        Value::Bool(true) => "yes".to_string(),
        Value::Bool(false) => "no".to_string(),
        Value::Number(n) => n.to_string(),
        Value::Array(items) if items.is_empty() => "none".to_string(),
        Value::Array(items) => items.iter().map(nested).collect::<Vec<_>>().join(", "),
        Value::Object(map) if map.is_empty() => "none".to_string(),
        Value::Object(map) => map.iter().map(|(k, v)| entry(k, v)).collect::<Vec<_>>().join("; "),
    }
}

/// `key: value` of an `x-` mapping; a list reads plainly there (`spoiled: 3, late`).
fn entry(key: &str, value: &Value) -> String {
    let value = if value.is_array() { extension_value(value) } else { nested(value) };
    format!("{}: {value}", line(key))
}

/// A value inside a list or mapping, in parentheses when it is a list or mapping itself.
fn nested(value: &Value) -> String {
    match value {
        Value::Array(items) if !items.is_empty() => format!("({})", extension_value(value)),
        Value::Object(map) if !map.is_empty() => format!("({})", extension_value(value)),
        _ => extension_value(value),
    }
}

/// A date as readers see it ([`Date::human`]), kept on one line when wrapped.
pub(super) fn date(date: &Date) -> String {
    glued(&date.human())
}

/// The words kept on one line when wrapped.
pub(super) fn glued(text: &str) -> String {
    text.replace(' ', &GLUE.to_string())
}

/// A short run (up to 32 characters) kept on one line; a longer one may break.
fn glue_short(inline: Inline) -> Inline {
    if inline.plain().chars().count() > 32 {
        return inline;
    }
    Inline(
        inline
            .0
            .into_iter()
            .map(|piece| match piece {
                Piece::Text(t) => Piece::Text(glued(&t)),
                Piece::Link { text, url, url_in_text } => Piece::Link { text: glued(&text), url, url_in_text },
            })
            .collect(),
    )
}

pub(crate) struct Builder<'a> {
    brief: &'a Brief,
    index: &'a Index,
    /// The sources cited so far, by index: every citation is made through
    /// [`Builder::citation`], which records it, so the header names exactly the sources the
    /// body cites.
    cited: RefCell<BTreeSet<usize>>,
}

impl<'a> Builder<'a> {
    pub fn new(brief: &'a Brief, index: &'a Index) -> Builder<'a> {
        Builder { brief, index, cited: RefCell::default() }
    }

    /// The whole document for a selection: the body first, so the header knows what it cites.
    pub fn document(&self, selection: &Selection) -> Vec<Block> {
        let mut blocks = Vec::new();
        match selection {
            Selection::All => {
                for section in Section::ALL {
                    let items: Vec<usize> = self.index.listed(self.brief, section).map(ItemRef::index).collect();
                    self.section(&mut blocks, section, &items);
                }
            }
            Selection::Section(section) => {
                let items: Vec<usize> = self.index.listed(self.brief, *section).map(ItemRef::index).collect();
                self.section(&mut blocks, *section, &items);
            }
            Selection::Items(section, items) => {
                let items: Vec<usize> = items.iter().copied().filter(|&i| i < self.brief.len(*section)).collect();
                self.section(&mut blocks, *section, &items);
            }
            Selection::Item(item) => {
                if self.exists(*item) {
                    blocks.push(Block::Heading(2, capitalised(item.section.singular())));
                    blocks.push(self.item(*item, Detail::Alone));
                }
            }
            Selection::Related(item) => {
                if self.exists(*item) {
                    self.related(&mut blocks, *item);
                }
            }
            Selection::Overview => self.overview(&mut blocks),
        }
        let mut document = self.header(selection);
        document.append(&mut blocks);
        document
    }

    fn exists(&self, item: ItemRef) -> bool {
        item.index() < self.brief.len(item.section)
    }

    /// Title, date, marking and the sources cited, with their reliability. For the whole brief,
    /// every source, the author, summary, tags and `x-` fields; an overview has all but the
    /// sources, which it lists in full below.
    fn header(&self, selection: &Selection) -> Vec<Block> {
        let full = matches!(selection, Selection::All | Selection::Overview);
        let brief = self.brief;
        let mut blocks = vec![Block::Heading(1, line(&brief.title))];
        let mut meta = vec![date(&brief.date)];
        if let Some(marking) = brief.marking.as_deref() {
            meta.push(line(marking));
        }
        if let Some(by) = brief.prepared_by.as_deref().filter(|_| full) {
            meta.push(format!("prepared by {}", line(by)));
        }
        blocks.push(Block::Para(meta.join(" · ")));
        let mut fields = Vec::new();
        let sources: Vec<usize> = match selection {
            Selection::All => (0..brief.sources.len()).collect(),
            Selection::Overview => Vec::new(),
            _ => self.cited.borrow().iter().copied().collect(),
        };
        if !sources.is_empty() {
            let values: Vec<Inline> = sources.iter().map(|&s| self.source_line(&brief.sources[s])).collect();
            let label = if values.len() == 1 { "Source" } else { "Sources" };
            fields.push(Field { label: label.into(), list: values.len() > 1, values });
        }
        if full && !brief.tags.is_empty() {
            let tags = brief.tags.iter().map(|t| line(t)).collect::<Vec<_>>().join(", ");
            fields.push(Field { label: "Tags".into(), values: vec![Inline::text(tags)], list: false });
        }
        if let Some(follows) = brief.follows.as_ref().filter(|_| full) {
            fields.push(Field { label: "Follows".into(), values: vec![Inline::text(line(&follows.id))], list: false });
        }
        if full {
            fields.extend(extension_fields(&brief.extensions));
        }
        if !fields.is_empty() {
            blocks.push(Block::Fields(fields));
        }
        if let Some(summary) = brief.summary.as_deref().filter(|_| full) {
            blocks.push(Block::Para(para(summary)));
        }
        blocks
    }

    /// `Al Jazeera, “Title” (6 Dec 2021; reliability B, usually reliable)`, the title a link.
    fn source_line(&self, source: &Source) -> Inline {
        let mut out = Inline::default();
        if let Some(publisher) = source.publisher.as_deref() {
            out.push(&line(publisher)).push(", ");
        }
        let title = format!("“{}”", line(&source.title));
        match source.url.as_deref() {
            Some(url) => out.0.push(Piece::Link { text: title, url: line(url), url_in_text: true }),
            None => {
                out.push(&title);
            }
        }
        let mut notes = Vec::new();
        if let Some(published) = &source.published {
            notes.push(date(published));
        }
        if let Some(r) = source.reliability {
            notes.push(format!("reliability {r}, {}", r.meaning()));
        }
        if !notes.is_empty() {
            out.push(&format!(" ({})", notes.join("; ")));
        }
        out
    }

    /// What the brief holds, section by section, and where its material comes from: each source
    /// with its publisher, date and reliability in words.
    fn overview(&self, blocks: &mut Vec<Block>) {
        let brief = self.brief;
        blocks.push(Block::Heading(2, "In this brief".into()));
        let counts: Vec<String> =
            Section::ALL.iter().map(|&s| glued(&count(brief.len(s), s.singular(), s.key()))).collect();
        blocks.push(Block::Para(counts.join(" · ")));
        blocks.push(Block::Heading(2, format!("{} ({})", Section::Sources.title(), brief.sources.len())));
        if brief.sources.is_empty() {
            blocks.push(Block::Para("None.".into()));
        }
        for source in &brief.sources {
            let title = format!("“{}”", line(&source.title));
            let title = match source.url.as_deref() {
                Some(url) => Inline(vec![Piece::Link { text: title, url: line(url), url_in_text: true }]),
                None => Inline::text(title),
            };
            let mut fields = Vec::new();
            fields.extend(Self::field("Publisher", source.publisher.as_deref().map(line).into_iter().collect()));
            fields.extend(Self::field("Published", source.published.iter().map(date).collect()));
            let reliability = source.reliability.map(|r| format!("{r}: {}", r.meaning()));
            fields.extend(Self::field("Reliability", reliability.into_iter().collect()));
            fields.extend(extension_fields(&source.extensions));
            blocks.push(Block::Item(Item { title, body: None, fields, quotes: Vec::new() }));
        }
    }

    fn section(&self, blocks: &mut Vec<Block>, section: Section, items: &[usize]) {
        blocks.push(Block::Heading(2, format!("{} ({})", section.title(), items.len())));
        if items.is_empty() {
            blocks.push(Block::Para("None.".into()));
        }
        for &i in items {
            blocks.push(self.item(ItemRef::new(section, i), Detail::Listed));
        }
    }

    /// The subject in full, then each kind of item related to it under its own heading.
    fn related(&self, blocks: &mut Vec<Block>, subject: ItemRef) {
        let heading = match subject.section {
            Section::Actors => self.actor_name(subject.index()),
            section => capitalised(section.singular()),
        };
        blocks.push(Block::Heading(2, heading));
        match subject.section {
            Section::Actors => blocks.extend(self.who(subject.index())),
            // The parts below spell out what refers to it.
            _ => blocks.push(self.item(subject, Detail::Subject)),
        }
        for part in related_parts(self.brief, self.index, subject) {
            match part.relation {
                // A claim's or position's quotes are shown in full with it, above.
                Relation::Quotes => continue,
                // Claims, positions, quotes and events citing a source, each kind apart.
                Relation::CitedBy => {
                    for section in Section::ALL {
                        let items: Vec<ItemRef> = part.items.iter().copied().filter(|i| i.section == section).collect();
                        if !items.is_empty() {
                            let title = format!("{} {}", part.title(), section.key());
                            self.part(blocks, &title, &items, Detail::Related);
                        }
                    }
                }
                // The subject's own words, and words said for it, with every detail; elsewhere
                // quotes are one line each, as they are shown apart.
                Relation::Said | Relation::SaidOnItsBehalf => {
                    self.part(blocks, part.title(), &part.items, Detail::Listed)
                }
                _ => self.part(blocks, part.title(), &part.items, Detail::Related),
            }
        }
    }

    /// One kind of related item under its heading, with how many there are.
    fn part(&self, blocks: &mut Vec<Block>, title: &str, items: &[ItemRef], detail: Detail) {
        blocks.push(Block::Heading(3, format!("{title} ({})", items.len())));
        blocks.extend(items.iter().map(|&item| self.item(item, detail)));
    }

    /// An actor dossier's opening: role, affiliation, whom they speak for, aliases, summary,
    /// the author's `x-` fields.
    fn who(&self, actor: usize) -> Vec<Block> {
        let a = &self.brief.actors[actor];
        let mut blocks = Vec::new();
        let mut fields = self.actor_fields(actor, true);
        fields.extend(extension_fields(&a.extensions));
        if let Some(summary) = a.summary.as_deref() {
            blocks.push(Block::Para(para(summary)));
        }
        if !fields.is_empty() {
            blocks.push(Block::Fields(fields));
        }
        blocks
    }

    fn item(&self, item: ItemRef, detail: Detail) -> Block {
        let i = item.index();
        let block = match item.section {
            Section::Sources => Block::Item(self.source(i, detail)),
            Section::Topics => Block::Item(self.topic(i, detail)),
            Section::Actors => Block::Item(self.actor(i, detail)),
            Section::Claims => Block::Item(self.claim(i, detail)),
            Section::Positions => Block::Item(self.position(i, detail)),
            Section::Quotes => Block::Quote(self.quote_block(i, detail)),
            Section::Events => Block::Item(self.event(i)),
        };
        match block {
            Block::Item(mut it) => {
                it.fields.extend(extension_fields(self.brief.extensions_of(item)));
                Block::Item(it)
            }
            // A quote block carries its own.
            other => other,
        }
    }

    // Names of things, for references.

    fn actor_name(&self, i: usize) -> String {
        line(&self.brief.actors[i].name)
    }

    /// What a reference shows: the name, label, title or text of what it points to.
    fn name_of(&self, reference: &Ref, section: Section) -> String {
        match self.index.resolve(self.brief, reference, section) {
            Some(i) => self.label(ItemRef::new(section, i)),
            // Only in a brief with errors, which is not exported; still, never an empty name.
            None => line(&reference.id),
        }
    }

    fn label(&self, item: ItemRef) -> String {
        line(self.brief.name_of(item))
    }

    fn source_label(&self, i: usize) -> String {
        line(self.brief.sources[i].cited_as())
    }

    fn names(&self, refs: &[Ref], section: Section) -> Vec<String> {
        let mut seen = BTreeSet::new();
        refs.iter().map(|r| self.name_of(r, section)).filter(|n| seen.insert(n.clone())).collect()
    }

    fn actor_names(&self, actors: impl IntoIterator<Item = usize>) -> Vec<String> {
        let mut seen = BTreeSet::new();
        actors.into_iter().map(|a| self.actor_name(a)).filter(|n| seen.insert(n.clone())).collect()
    }

    /// The sources a citation names: each one the brief has, once, in the order written.
    fn cited_sources(&self, sources: &[Ref]) -> Vec<usize> {
        let mut cited: Vec<usize> = Vec::with_capacity(sources.len());
        for s in sources.iter().filter_map(|r| self.index.resolve(self.brief, r, Section::Sources)) {
            if !cited.contains(&s) {
                cited.push(s);
            }
        }
        cited
    }

    /// `Al Jazeera, para 12; White House`: every source, the locator after the first (the one it
    /// points into), a source a link when it has an address. With `reliability`, each source
    /// says how far it is trusted: `Al Jazeera (B, usually reliable), para 12`.
    pub(crate) fn citation(&self, sources: &[Ref], at: Option<&str>, reliability: bool) -> Option<Inline> {
        let cited = self.cited_sources(sources);
        self.cited.borrow_mut().extend(cited.iter().copied());
        let at = at.map(line).filter(|a| !a.is_empty());
        if cited.is_empty() {
            return at.map(Inline::text);
        }
        let mut out = Inline::default();
        for (n, &s) in cited.iter().enumerate() {
            let source = &self.brief.sources[s];
            if n > 0 {
                out.push("; ");
            }
            match source.url.as_deref() {
                Some(url) => out.0.push(Piece::Link { text: self.source_label(s), url: line(url), url_in_text: false }),
                None => {
                    out.push(&self.source_label(s));
                }
            }
            if let Some(r) = source.reliability.filter(|_| reliability) {
                out.push(&format!(" ({r}, {})", r.meaning()));
            }
            if let Some(at) = at.as_deref().filter(|_| n == 0) {
                out.push(", ").push(at);
            }
        }
        Some(out)
    }

    // Fields.

    fn field(label: &str, values: Vec<String>) -> Option<Field> {
        (!values.is_empty()).then(|| Field {
            label: label.into(),
            values: vec![Inline::text(values.join(", "))],
            list: false,
        })
    }

    fn list(label: &str, values: Vec<String>) -> Option<Field> {
        (!values.is_empty()).then(|| Field {
            label: label.into(),
            values: values.into_iter().map(Inline::text).collect(),
            list: true,
        })
    }

    fn source_field(&self, sources: &[Ref], at: Option<&str>) -> Option<Field> {
        let label = if self.cited_sources(sources).len() > 1 { "Sources" } else { "Source" };
        self.citation(sources, at, false).map(|c| Field { label: label.into(), values: vec![c], list: false })
    }

    /// Quotes inside another item: in full, or one line each where a dossier shows them apart.
    fn nested_quotes(&self, refs: &[Ref], detail: Detail) -> (Option<Field>, Vec<QuoteBlock>) {
        let quotes: Vec<usize> =
            refs.iter().filter_map(|r| self.index.resolve(self.brief, r, Section::Quotes)).collect();
        match detail {
            Detail::Related => {
                let lines = quotes
                    .iter()
                    .map(|&q| format!("{} — {}", self.quoted_text(q, Lines::Join), self.speaker_name(q)))
                    .collect();
                (Self::list("Quotes", lines), Vec::new())
            }
            Detail::Listed | Detail::Alone => {
                (None, quotes.iter().map(|&q| self.quote_block(q, Detail::Related)).collect())
            }
            Detail::Subject => (None, quotes.iter().map(|&q| self.quote_block(q, Detail::Listed)).collect()),
        }
    }

    // Items.

    fn source(&self, i: usize, detail: Detail) -> Item {
        let s = &self.brief.sources[i];
        // The author's copy (`file`) is for checking quotes, not for a reader of the export;
        // a list or a dossier shows what cites the source item by item, or not at all.
        let mut fields = Vec::new();
        if detail == Detail::Alone {
            let citing: Vec<ItemRef> = self.index.citing(i).collect();
            for section in [Section::Claims, Section::Positions, Section::Quotes, Section::Events] {
                let items = citing.iter().filter(|c| c.section == section).map(|&c| self.label(c)).collect();
                fields.extend(Self::list(&format!("Cited by {}", section.key()), items));
            }
        }
        Item { title: self.source_line(s), body: None, fields, quotes: Vec::new() }
    }

    fn topic(&self, i: usize, detail: Detail) -> Item {
        let t: &Topic = &self.brief.topics[i];
        let mut fields = Vec::new();
        let positions = self.index.topics.positions.of(i);
        for stance in Stance::ALL {
            let holders = positions
                .iter()
                .map(|&p| &self.brief.positions[p as usize])
                .filter(|p| p.stance == *stance)
                .map(|p| self.name_of(&p.actor, Section::Actors));
            let mut seen = BTreeSet::new();
            let holders: Vec<String> = holders.filter(|n| seen.insert(n.clone())).collect();
            fields.extend(Self::field(&capitalised(stance.as_str()), holders));
        }
        // Listed, a topic's claims are in the claims section or a dossier's part of their own,
        // and a count of them tells a reader nothing.
        if detail == Detail::Alone {
            let claims = self.index.topics.claims.of(i).iter().map(|&c| line(&self.brief.claims[c as usize].text));
            fields.extend(Self::list("Claims", claims.collect()));
        }
        Item { title: Inline::text(line(&t.label)), body: t.summary.as_deref().map(para), fields, quotes: Vec::new() }
    }

    fn actor_fields(&self, i: usize, aliases: bool) -> Vec<Field> {
        let a: &Actor = &self.brief.actors[i];
        let mut fields = Vec::new();
        fields.extend(Self::field("Role", a.role.as_deref().map(line).into_iter().collect()));
        if a.kind != ActorKind::Person {
            fields.extend(Self::field("Kind", vec![a.kind.to_string()]));
        }
        if a.anonymous {
            fields.extend(Self::field("Anonymous", vec!["yes, an unnamed source".into()]));
        }
        let affiliation = a.affiliation.as_ref().map(|r| self.name_of(r, Section::Actors));
        fields.extend(Self::field("Part of", affiliation.into_iter().collect()));
        fields.extend(Self::field("Speaks for", self.names(&a.speaks_for, Section::Actors)));
        let members = self.index.actors.members.of(i).iter().map(|&m| m as usize);
        fields.extend(Self::field("Members", self.actor_names(members)));
        let spokespeople = self.index.actors.spokespeople.of(i).iter().map(|&m| m as usize);
        fields.extend(Self::field("Spokespeople", self.actor_names(spokespeople)));
        if aliases {
            let name = line(&a.name);
            let aliases = a.aliases.iter().map(|n| line(n)).filter(|n| !n.eq_ignore_ascii_case(&name)).collect();
            fields.extend(Self::field("Also known as", aliases));
        }
        fields
    }

    fn actor(&self, i: usize, detail: Detail) -> Item {
        let a = &self.brief.actors[i];
        // Aliases are how the text names the actor: wherever the actor is listed in full,
        // not where it is one of many related to another item.
        let mut fields = self.actor_fields(i, detail != Detail::Related);
        if detail == Detail::Alone {
            let links = &self.index.actors;
            let n = |l: &crate::index::Links| l.of(i).len();
            let counts = [
                (n(&links.quotes), "quote", "quotes"),
                (n(&links.spoken_for), "quote on their behalf", "quotes on their behalf"),
                (n(&links.positions), "position", "positions"),
                (n(&links.claims), "claim", "claims"),
                (n(&links.mentioned_in), "mention", "mentions"),
                (n(&links.events), "event", "events"),
            ];
            let counts: Vec<String> =
                counts.iter().filter(|(c, ..)| *c > 0).map(|&(c, one, many)| count(c, one, many)).collect();
            fields.extend(Self::field("In this brief", counts));
        }
        Item { title: Inline::text(line(&a.name)), body: a.summary.as_deref().map(para), fields, quotes: Vec::new() }
    }

    fn claim(&self, i: usize, detail: Detail) -> Item {
        let c: &Claim = &self.brief.claims[i];
        let mut fields = Vec::new();
        let by = self.names(&c.by, Section::Actors);
        let by = if by.is_empty() { vec!["the source’s own narration".to_string()] } else { by };
        fields.extend(Self::field("Asserted by", by));
        let mut status = c.status.to_string();
        if let Some(credibility) = c.credibility {
            status.push_str(&format!("; credibility {}, {}", credibility.number(), credibility.meaning()));
        }
        fields.extend(Self::field("Status", vec![status]));
        fields.extend(Self::field("Topic", c.topic.iter().map(|t| self.name_of(t, Section::Topics)).collect()));
        let holders = |links: &crate::index::Links| {
            self.actor_names(links.of(i).iter().filter_map(|&p| {
                self.index.resolve(self.brief, &self.brief.positions[p as usize].actor, Section::Actors)
            }))
        };
        if detail == Detail::Alone {
            // Who, and in what words.
            let stated = |links: &crate::index::Links| -> Vec<String> {
                links
                    .of(i)
                    .iter()
                    .map(|&p| {
                        let p = &self.brief.positions[p as usize];
                        format!("{}: {}", self.name_of(&p.actor, Section::Actors), line(&p.text))
                    })
                    .collect()
            };
            fields.extend(Self::list("Supported by", stated(&self.index.claims.supported_by)));
            fields.extend(Self::list("Disputed by", stated(&self.index.claims.disputed_by)));
        } else {
            fields.extend(Self::field("Supported by", holders(&self.index.claims.supported_by)));
            fields.extend(Self::field("Disputed by", holders(&self.index.claims.disputed_by)));
        }
        fields.extend(Self::field("Date", c.date.iter().map(date).collect()));
        fields.extend(self.source_field(&c.source, c.at.as_deref()));
        let (quote_field, quotes) = self.nested_quotes(&c.quotes, detail);
        fields.extend(quote_field);
        Item { title: Inline::text(line(&c.text)), body: None, fields, quotes }
    }

    fn position(&self, i: usize, detail: Detail) -> Item {
        let p: &Position = &self.brief.positions[i];
        let mut fields = Vec::new();
        fields.extend(Self::field("Held by", vec![self.name_of(&p.actor, Section::Actors)]));
        fields.extend(Self::field("Topic", p.topic.iter().map(|t| self.name_of(t, Section::Topics)).collect()));
        fields.extend(Self::field("Stance", vec![p.stance.to_string()]));
        fields.extend(Self::list("Backs", self.names(&p.supports, Section::Claims)));
        fields.extend(Self::list("Contests", self.names(&p.disputes, Section::Claims)));
        if detail == Detail::Alone {
            let (mut agree, mut disagree, mut other) = (Vec::new(), Vec::new(), Vec::new());
            for (q, agreement) in self.index.same_topic(self.brief, i) {
                let other_position = &self.brief.positions[q];
                let who =
                    format!("{} ({})", self.name_of(&other_position.actor, Section::Actors), other_position.stance);
                match agreement {
                    Agreement::Agrees => agree.push(who),
                    Agreement::Disagrees => disagree.push(who),
                    Agreement::Other => other.push(who),
                }
            }
            fields.extend(Self::field("Agreeing", agree));
            fields.extend(Self::field("Disagreeing", disagree));
            fields.extend(Self::field("Others on the topic", other));
        }
        fields.extend(Self::field("Date", p.date.iter().map(date).collect()));
        fields.extend(self.source_field(&p.source, p.at.as_deref()));
        let (quote_field, quotes) = self.nested_quotes(&p.quotes, detail);
        fields.extend(quote_field);
        Item { title: Inline::text(line(&p.text)), body: None, fields, quotes }
    }

    fn event(&self, i: usize) -> Item {
        let e: &Event = &self.brief.events[i];
        let mut fields = Vec::new();
        if e.status != EventStatus::Occurred {
            fields.extend(Self::field("Status", vec![e.status.to_string()]));
        }
        fields.extend(Self::field("Actors", self.names(&e.actors, Section::Actors)));
        fields.extend(self.source_field(&e.source, e.at.as_deref()));
        let title = format!("{}: {}", date(&e.date), line(&e.text));
        Item { title: Inline::text(title), body: None, fields, quotes: Vec::new() }
    }

    // Quotes.

    fn speaker_name(&self, q: usize) -> String {
        self.name_of(&self.brief.quotes[q].speaker, Section::Actors)
    }

    /// The words, in quotation marks when they are the speaker's own.
    fn quoted_text(&self, q: usize, lines: Lines) -> String {
        let quote = &self.brief.quotes[q];
        let text = text::visible(&quote.text, lines);
        let text = text.trim();
        match quote.kind {
            QuoteKind::Direct | QuoteKind::Partial => format!("“{text}”"),
            QuoteKind::Indirect => text.to_string(),
        }
    }

    /// `— Sergey Lavrov, Russian Foreign Minister, 2 Dec 2021 (Al Jazeera, para 19)`
    pub(crate) fn attribution(&self, q: usize) -> Inline {
        let quote: &Quote = &self.brief.quotes[q];
        let mut out = Inline::text("— ");
        match self.index.resolve(self.brief, &quote.speaker, Section::Actors) {
            Some(s) => {
                let speaker = &self.brief.actors[s];
                let name = line(&speaker.name);
                out.push(&name);
                // An unnamed official's role often repeats the name.
                if let Some(role) = speaker.role.as_deref().map(line).filter(|r| !r.eq_ignore_ascii_case(&name)) {
                    out.push(", ").push(&role);
                }
            }
            None => {
                out.push(&line(&quote.speaker.id));
            }
        }
        if let Some(d) = &quote.date {
            out.push(", ").push(&date(d));
        }
        if let Some(citation) = self.citation(quote.source.as_slice(), quote.at.as_deref(), false) {
            let mut cited = Inline::text("(");
            cited.append(citation).push(")");
            out.push(" ").append(glue_short(cited));
        }
        out
    }

    /// A quote as a block: its words and attribution; in a list or alone, the circumstances
    /// too; alone, also what it backs; always the author's `x-` fields.
    fn quote_block(&self, q: usize, detail: Detail) -> QuoteBlock {
        let quote = &self.brief.quotes[q];
        let mut details = Vec::new();
        if detail != Detail::Related {
            match quote.kind {
                QuoteKind::Indirect => {
                    details.extend(Self::field("Kind", vec!["reported speech, not verbatim".into()]))
                }
                QuoteKind::Partial => details.extend(Self::field("Kind", vec!["partial quote".into()])),
                QuoteKind::Direct => {}
            }
            let principals = self.index.quotes.principals.of(q).iter().map(|&a| a as usize);
            details.extend(Self::field("On behalf of", self.actor_names(principals)));
            details.extend(Self::field("To", quote.to.as_deref().map(line).into_iter().collect()));
            details.extend(Self::field("Context", quote.context.as_deref().map(line).into_iter().collect()));
            details.extend(Self::field("Mentions", self.names(&quote.mentions, Section::Actors)));
        }
        if detail == Detail::Alone {
            details.extend(self.quote_backing(q));
        }
        details.extend(extension_fields(&quote.extensions));
        QuoteBlock { text: self.quoted_text(q, Lines::Keep), attribution: self.attribution(q), details }
    }

    /// What a quote stands behind: claims and positions.
    fn quote_backing(&self, q: usize) -> Vec<Field> {
        let claims =
            self.index.quotes.claims.of(q).iter().map(|&c| line(&self.brief.claims[c as usize].text)).collect();
        let positions = self
            .index
            .quotes
            .positions
            .of(q)
            .iter()
            .map(|&p| {
                let p = &self.brief.positions[p as usize];
                format!("{}: {}", self.name_of(&p.actor, Section::Actors), line(&p.text))
            })
            .collect();
        [Self::list("Backs claims", claims), Self::list("Evidence for positions", positions)]
            .into_iter()
            .flatten()
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn shown(value: Value) -> (Vec<String>, bool) {
        let mut extensions = Extensions::new();
        extensions.insert("x-field".into(), value);
        let fields = extension_fields(&extensions);
        assert_eq!(fields.len(), 1);
        assert_eq!(fields[0].label, "x-field");
        (fields[0].values.iter().map(Inline::plain).collect(), fields[0].list)
    }

    #[test]
    fn x_values_read_as_words_not_json() {
        assert_eq!(shown(json!("checked \u{1b}[31mtwice\nover")), (vec!["checked ␛[31mtwice over".into()], false));
        assert_eq!(shown(json!(1200)), (vec!["1200".into()], false));
        assert_eq!(shown(json!(0.8)), (vec!["0.8".into()], false));
        assert_eq!(shown(json!(true)), (vec!["yes".into()], false));
        assert_eq!(shown(json!(null)), (vec!["none".into()], false));
        assert_eq!(shown(json!([])), (vec!["none".into()], false));
        assert_eq!(shown(json!(["press office", 2])), (vec!["press office, 2".into()], false));
    }

    #[test]
    fn x_mappings_and_lists_of_them_take_a_line_an_entry() {
        assert_eq!(
            shown(json!({"yes": 412, "spoiled": [3, "late"], "by": {"name": "Ana", "on": []}})),
            (vec!["by: (name: Ana; on: none)".into(), "spoiled: 3, late".into(), "yes: 412".into()], true)
        );
        assert_eq!(
            shown(json!([{"source": "notice", "page": 2}, ["a", ["b", "c"]], {"k": {"m": [1, {"n": 2}]}}])),
            (vec!["page: 2; source: notice".into(), "a, (b, c)".into(), "k: (m: 1, (n: 2))".into()], true)
        );
        assert_eq!(shown(json!({"\u{202e}key": {"k": 1}})), (vec!["[RLO]key: (k: 1)".into()], true));
    }
}
