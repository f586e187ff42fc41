//! Two versions of an item, or of a brief's own fields, compared field by field. Every field
//! of the format is compared here but `id` (items are matched by it) and where it was written
//! (`span`): a test holds the list to each item's `FIELDS`.

use std::borrow::Cow;

use serde_json::Value;

use super::words;
use super::{Change, FieldChange};
use crate::model::{Actor, Brief, Claim, Event, Extensions, Position, Quote, Ref, Source, Topic};

/// The changes found so far; nothing is allocated while fields are equal, so comparing the
/// 99% of items that did not change costs only the comparisons.
#[derive(Debug, Default)]
pub(super) struct Changes(pub Vec<FieldChange>);

impl Changes {
    fn push(&mut self, field: impl Into<Cow<'static, str>>, change: Change) {
        self.0.push(FieldChange { field: field.into(), change });
    }

    /// Free text that is always there: a title, name, label or text.
    fn text(&mut self, field: &'static str, old: &str, new: &str) {
        self.optional_text(field, Some(old), Some(new));
    }

    /// Free text that may be left out. A text that kept at least half its words is compared
    /// word by word; otherwise the change is the old value and the new.
    fn optional_text(&mut self, field: impl Into<Cow<'static, str>>, old: Option<&str>, new: Option<&str>) {
        if old == new {
            return;
        }
        let change = match (old, new) {
            (Some(old), Some(new)) => {
                let words = words::diff(old, new);
                if words::mostly_kept(&words, old, new) {
                    Change::Text { old: old.to_string(), new: new.to_string(), words }
                } else {
                    Change::Value { old: Some(old.to_string()), new: Some(new.to_string()) }
                }
            }
            _ => Change::Value { old: old.map(str::to_string), new: new.map(str::to_string) },
        };
        self.push(field, change);
    }

    /// A word from a closed list, a number, a date, a yes or no: shown as the format writes it.
    fn value<T: PartialEq + std::fmt::Display>(&mut self, field: &'static str, old: T, new: T) {
        if old != new {
            self.push(field, Change::Value { old: Some(old.to_string()), new: Some(new.to_string()) });
        }
    }

    fn optional<T: PartialEq + std::fmt::Display>(&mut self, field: &'static str, old: Option<T>, new: Option<T>) {
        if old != new {
            self.push(field, Change::Value { old: old.map(|v| v.to_string()), new: new.map(|v| v.to_string()) });
        }
    }

    fn reference(&mut self, field: &'static str, old: Option<&Ref>, new: Option<&Ref>) {
        self.optional(field, old.map(|r| &*r.id), new.map(|r| &*r.id));
    }

    fn references(&mut self, field: &'static str, old: &[Ref], new: &[Ref]) {
        self.list(field, old.iter().map(|r| &*r.id), new.iter().map(|r| &*r.id));
    }

    fn words(&mut self, field: &'static str, old: &[Box<str>], new: &[Box<str>]) {
        self.list(field, old.iter().map(|w| &**w), new.iter().map(|w| &**w));
    }

    /// A list: what was added and what was removed; where only the order changed (which
    /// matters for sources: `at` is a place in the first), the old order and the new.
    fn list<'a>(
        &mut self,
        field: &'static str,
        old: impl ExactSizeIterator<Item = &'a str> + Clone,
        new: impl ExactSizeIterator<Item = &'a str> + Clone,
    ) {
        if old.len() == new.len() && old.clone().zip(new.clone()).all(|(a, b)| a == b) {
            return;
        }
        let (old, new): (Vec<&str>, Vec<&str>) = (old.collect(), new.collect());
        let added: Vec<String> = new.iter().filter(|n| !old.contains(n)).map(|n| n.to_string()).collect();
        let removed: Vec<String> = old.iter().filter(|o| !new.contains(o)).map(|o| o.to_string()).collect();
        let change = if added.is_empty() && removed.is_empty() {
            let owned = |list: Vec<&str>| list.into_iter().map(str::to_string).collect();
            Change::Order { old: owned(old), new: owned(new) }
        } else {
            Change::List { added, removed }
        };
        self.push(field, change);
    }

    /// The author's `x-` fields, by name: a text compared as text, anything else as the
    /// JSON it is (`0.6 → 0.8`, `["a","b"] → ["a"]`).
    fn extensions(&mut self, old: &Extensions, new: &Extensions) {
        if old == new {
            return;
        }
        let mut names: Vec<&String> = old.iter().chain(new.iter()).map(|(name, _)| name).collect();
        names.sort();
        names.dedup();
        for name in names {
            let (old, new) = (old.get(name), new.get(name));
            if old == new {
                continue;
            }
            match (old, new) {
                (Some(Value::String(old)), Some(Value::String(new))) => {
                    self.optional_text(name.clone(), Some(old), Some(new));
                }
                _ => {
                    let written = |value: Option<&Value>| {
                        value.map(|v| match v {
                            Value::String(text) => text.clone(),
                            other => other.to_string(),
                        })
                    };
                    self.push(name.clone(), Change::Value { old: written(old), new: written(new) });
                }
            }
        }
    }
}

/// The brief's own fields: everything but its sections.
pub(super) fn brief(old: &Brief, new: &Brief, changes: &mut Changes) {
    changes.value("brief", old.brief, new.brief);
    changes.text("id", &old.id, &new.id);
    changes.text("title", &old.title, &new.title);
    changes.value("date", &old.date, &new.date);
    changes.optional_text("summary", old.summary.as_deref(), new.summary.as_deref());
    changes.optional_text("prepared_by", old.prepared_by.as_deref(), new.prepared_by.as_deref());
    changes.optional_text("marking", old.marking.as_deref(), new.marking.as_deref());
    changes.words("tags", &old.tags, &new.tags);
    changes.reference("follows", old.follows.as_ref(), new.follows.as_ref());
    changes.extensions(&old.extensions, &new.extensions);
}

/// An item kind compared field by field.
pub(super) trait Compared: Clone + serde::Serialize {
    fn id(&self) -> &str;
    fn compare(old: &Self, new: &Self, changes: &mut Changes);
    /// A copy without its id, for finding an item that was only given another id.
    fn without_id(&self) -> Self;
}

macro_rules! without_id {
    () => {
        fn id(&self) -> &str {
            &self.id
        }

        fn without_id(&self) -> Self {
            Self { id: Box::default(), ..self.clone() }
        }
    };
}

impl Compared for Source {
    without_id!();

    fn compare(old: &Self, new: &Self, changes: &mut Changes) {
        changes.text("title", &old.title, &new.title);
        changes.optional_text("publisher", old.publisher.as_deref(), new.publisher.as_deref());
        changes.optional("published", old.published.as_ref(), new.published.as_ref());
        changes.optional_text("url", old.url.as_deref(), new.url.as_deref());
        changes.optional("reliability", old.reliability, new.reliability);
        changes.optional_text("file", old.file.as_deref(), new.file.as_deref());
        changes.extensions(&old.extensions, &new.extensions);
    }
}

impl Compared for Topic {
    without_id!();

    fn compare(old: &Self, new: &Self, changes: &mut Changes) {
        changes.text("label", &old.label, &new.label);
        changes.optional_text("summary", old.summary.as_deref(), new.summary.as_deref());
        changes.extensions(&old.extensions, &new.extensions);
    }
}

impl Compared for Actor {
    without_id!();

    fn compare(old: &Self, new: &Self, changes: &mut Changes) {
        changes.text("name", &old.name, &new.name);
        changes.value("kind", old.kind, new.kind);
        changes.optional_text("role", old.role.as_deref(), new.role.as_deref());
        changes.value("anonymous", old.anonymous, new.anonymous);
        changes.reference("affiliation", old.affiliation.as_ref(), new.affiliation.as_ref());
        changes.references("speaks_for", &old.speaks_for, &new.speaks_for);
        changes.words("aliases", &old.aliases, &new.aliases);
        changes.optional_text("summary", old.summary.as_deref(), new.summary.as_deref());
        changes.extensions(&old.extensions, &new.extensions);
    }
}

impl Compared for Claim {
    without_id!();

    fn compare(old: &Self, new: &Self, changes: &mut Changes) {
        changes.text("text", &old.text, &new.text);
        changes.references("by", &old.by, &new.by);
        changes.reference("topic", old.topic.as_ref(), new.topic.as_ref());
        changes.value("status", old.status, new.status);
        changes.optional("credibility", old.credibility, new.credibility);
        changes.references("quotes", &old.quotes, &new.quotes);
        changes.optional("date", old.date.as_ref(), new.date.as_ref());
        changes.references("source", &old.source, &new.source);
        changes.optional_text("at", old.at.as_deref(), new.at.as_deref());
        changes.extensions(&old.extensions, &new.extensions);
    }
}

impl Compared for Position {
    without_id!();

    fn compare(old: &Self, new: &Self, changes: &mut Changes) {
        changes.reference("actor", Some(&old.actor), Some(&new.actor));
        changes.text("text", &old.text, &new.text);
        changes.reference("topic", old.topic.as_ref(), new.topic.as_ref());
        changes.value("stance", old.stance, new.stance);
        changes.references("supports", &old.supports, &new.supports);
        changes.references("disputes", &old.disputes, &new.disputes);
        changes.references("quotes", &old.quotes, &new.quotes);
        changes.optional("date", old.date.as_ref(), new.date.as_ref());
        changes.references("source", &old.source, &new.source);
        changes.optional_text("at", old.at.as_deref(), new.at.as_deref());
        changes.extensions(&old.extensions, &new.extensions);
    }
}

impl Compared for Quote {
    without_id!();

    fn compare(old: &Self, new: &Self, changes: &mut Changes) {
        changes.reference("speaker", Some(&old.speaker), Some(&new.speaker));
        changes.text("text", &old.text, &new.text);
        changes.value("kind", old.kind, new.kind);
        changes.reference("on_behalf_of", old.on_behalf_of.as_ref(), new.on_behalf_of.as_ref());
        changes.optional_text("to", old.to.as_deref(), new.to.as_deref());
        changes.optional_text("context", old.context.as_deref(), new.context.as_deref());
        changes.references("mentions", &old.mentions, &new.mentions);
        changes.optional("date", old.date.as_ref(), new.date.as_ref());
        changes.reference("source", old.source.as_ref(), new.source.as_ref());
        changes.optional_text("at", old.at.as_deref(), new.at.as_deref());
        changes.extensions(&old.extensions, &new.extensions);
    }
}

impl Compared for Event {
    without_id!();

    fn compare(old: &Self, new: &Self, changes: &mut Changes) {
        changes.value("date", &old.date, &new.date);
        changes.text("text", &old.text, &new.text);
        changes.value("status", old.status, new.status);
        changes.references("actors", &old.actors, &new.actors);
        changes.references("source", &old.source, &new.source);
        changes.optional_text("at", old.at.as_deref(), new.at.as_deref());
        changes.extensions(&old.extensions, &new.extensions);
    }
}
