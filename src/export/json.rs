//! The selection as JSON, an array of one export object per brief: each item with every field,
//! as the model serializes it (`x-` fields included), and the cross-references resolved to
//! `{"id", "name"}` pairs. An overview selects no items: it counts them, and lists the sources. Keys come in a fixed order (the model's field order, then the
//! references' order here), so the same brief gives the same bytes.

use serde::Serialize;
use serde::ser::{SerializeMap, Serializer};

use super::{Selection, key, related_items, related_parts};
use crate::index::Index;
use crate::model::{Brief, Date, Extensions, ItemRef, Section, Source};

/// Exports as one JSON array, one object per brief whatever the count, so a script reads
/// every export the same way.
pub(crate) fn render(exports: &[Export<'_>]) -> String {
    let json = serde_json::to_string_pretty(exports).expect("an export serializes: all keys are strings");
    let mut out = crate::text::json_escape_unsafe(json);
    out.push('\n');
    out
}

/// The export of one brief: `{brief, selection, items, relations}`.
pub(crate) fn export<'a>(brief: &'a Brief, index: &'a Index, selection: &Selection) -> Export<'a> {
    let items: Vec<ItemRef> = match selection {
        Selection::All => Section::ALL.iter().flat_map(|&s| index.listed(brief, s)).collect(),
        Selection::Section(section) => index.listed(brief, *section).collect(),
        Selection::Items(section, items) => {
            items.iter().filter(|&&i| i < brief.len(*section)).map(|&i| ItemRef::new(*section, i)).collect()
        }
        Selection::Item(item) => exists(brief, *item).then_some(*item).into_iter().collect(),
        Selection::Related(item) if exists(brief, *item) => related_items(brief, index, *item),
        Selection::Related(_) | Selection::Overview => Vec::new(),
    };
    let relations = match selection {
        Selection::Related(item) if exists(brief, *item) => Some(Relations(
            related_parts(brief, index, *item)
                .into_iter()
                .map(|part| (key(part.relation), part.items.iter().map(|&i| brief.id_of(i)).collect()))
                .collect(),
        )),
        _ => None,
    };
    Export {
        brief: Header {
            brief: brief.brief,
            id: &brief.id,
            title: &brief.title,
            date: &brief.date,
            summary: brief.summary.as_deref(),
            prepared_by: brief.prepared_by.as_deref(),
            marking: brief.marking.as_deref(),
            tags: &brief.tags,
            follows: brief.follows.as_ref().map(|r| &*r.id),
            extensions: &brief.extensions,
        },
        selection: SelectionJson::of(brief, selection),
        items: items.into_iter().map(|item| ItemJson { brief, index, item }).collect(),
        relations,
        overview: matches!(selection, Selection::Overview).then(|| Overview::of(brief)),
    }
}

fn exists(brief: &Brief, item: ItemRef) -> bool {
    item.index() < brief.len(item.section)
}

#[derive(Serialize)]
pub(crate) struct Export<'a> {
    brief: Header<'a>,
    selection: SelectionJson<'a>,
    items: Vec<ItemJson<'a>>,
    /// For `Related`: how each item relates to the subject (the first item), by id.
    #[serde(skip_serializing_if = "Option::is_none")]
    relations: Option<Relations<'a>>,
    /// For `Overview`: what the brief holds and where it comes from.
    #[serde(skip_serializing_if = "Option::is_none")]
    overview: Option<Overview<'a>>,
}

/// `{"counts": {"sources": 1, "topics": 5, …}, "sources": [{…, "reliability_meaning"}]}`: how
/// many items each section holds, in the format's order, and every source as the model
/// serializes it, with its reliability in words (`null` without one).
#[derive(Serialize)]
struct Overview<'a> {
    counts: Counts<'a>,
    sources: Vec<SourceJson<'a>>,
}

impl<'a> Overview<'a> {
    fn of(brief: &'a Brief) -> Overview<'a> {
        Overview {
            counts: Counts(brief),
            sources: brief
                .sources
                .iter()
                .map(|source| SourceJson { source, reliability_meaning: source.reliability.map(|r| r.meaning()) })
                .collect(),
        }
    }
}

struct Counts<'a>(&'a Brief);

impl Serialize for Counts<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(Section::ALL.len()))?;
        for section in Section::ALL {
            map.serialize_entry(section.key(), &self.0.len(section))?;
        }
        map.end()
    }
}

#[derive(Serialize)]
struct SourceJson<'a> {
    #[serde(flatten)]
    source: &'a Source,
    reliability_meaning: Option<&'static str>,
}

/// The brief's own fields, without its sections.
#[derive(Serialize)]
struct Header<'a> {
    brief: u64,
    id: &'a str,
    title: &'a str,
    date: &'a Date,
    summary: Option<&'a str>,
    prepared_by: Option<&'a str>,
    marking: Option<&'a str>,
    tags: &'a [Box<str>],
    /// Left out when not given, so the exports of briefs written before it stay as they were.
    #[serde(skip_serializing_if = "Option::is_none")]
    follows: Option<&'a str>,
    #[serde(flatten)]
    extensions: &'a Extensions,
}

#[derive(Serialize)]
struct SelectionJson<'a> {
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    section: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<&'a str>,
}

impl<'a> SelectionJson<'a> {
    fn of(brief: &'a Brief, selection: &Selection) -> SelectionJson<'a> {
        let id = |item: &ItemRef| exists(brief, *item).then(|| brief.id_of(*item));
        match selection {
            Selection::All => SelectionJson { kind: "all", section: None, id: None },
            Selection::Section(s) => SelectionJson { kind: "section", section: Some(s.key()), id: None },
            Selection::Items(s, _) => SelectionJson { kind: "items", section: Some(s.key()), id: None },
            Selection::Item(item) => SelectionJson { kind: "item", section: Some(item.section.key()), id: id(item) },
            Selection::Related(item) => {
                SelectionJson { kind: "related", section: Some(item.section.key()), id: id(item) }
            }
            Selection::Overview => SelectionJson { kind: "overview", section: None, id: None },
        }
    }
}

struct Relations<'a>(Vec<(String, Vec<&'a str>)>);

impl Serialize for Relations<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, ids) in &self.0 {
            map.serialize_entry(key, ids)?;
        }
        map.end()
    }
}

/// `{"section", "item", "references"}`.
struct ItemJson<'a> {
    brief: &'a Brief,
    index: &'a Index,
    item: ItemRef,
}

impl Serialize for ItemJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (brief, i) = (self.brief, self.item.index());
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("section", self.item.section.key())?;
        match self.item.section {
            Section::Sources => map.serialize_entry("item", &brief.sources[i])?,
            Section::Topics => map.serialize_entry("item", &brief.topics[i])?,
            Section::Actors => map.serialize_entry("item", &brief.actors[i])?,
            Section::Claims => map.serialize_entry("item", &brief.claims[i])?,
            Section::Positions => map.serialize_entry("item", &brief.positions[i])?,
            Section::Quotes => map.serialize_entry("item", &brief.quotes[i])?,
            Section::Events => map.serialize_entry("item", &brief.events[i])?,
        }
        map.serialize_entry("references", &References::of(brief, self.index, self.item))?;
        map.end()
    }
}

/// One resolved reference.
#[derive(Serialize)]
struct Named<'a> {
    id: &'a str,
    section: &'static str,
    name: &'a str,
}

/// An item's cross-references, forward and reverse, grouped by relation as the reader's
/// detail pane groups them; relations without items are left out.
struct References<'a>(Vec<(String, Vec<Named<'a>>)>);

impl Serialize for References<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.0.len()))?;
        for (key, refs) in &self.0 {
            map.serialize_entry(key, refs)?;
        }
        map.end()
    }
}

impl<'a> References<'a> {
    fn of(brief: &'a Brief, index: &Index, item: ItemRef) -> References<'a> {
        let named = |target: ItemRef| Named {
            id: brief.id_of(target),
            section: target.section.key(),
            name: brief.name_of(target),
        };
        References(
            crate::index::references(brief, index, item)
                .into_iter()
                .map(|group| (key(group.relation), group.items.into_iter().map(named).collect()))
                .collect(),
        )
    }
}
