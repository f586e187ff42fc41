//! What changed from one brief to another, in the terms of the format: items added, removed,
//! given another id, or changed field by field. Pure: two briefs in, a [`BriefDiff`] out; the
//! `export` layer writes it as text, Markdown or JSON, and `brief diff` prints that.
//!
//! Items are matched by id within each section. An item only in the new brief is added, one
//! only in the old removed, unless an added and a removed item of one section differ in nothing
//! but their id: that is a rename (`old-id → new-id`). An item in both is changed when a field
//! differs; each [`FieldChange`] says how ([`Change`]): a value replaced (`status: reported →
//! confirmed`), a list's entries added and removed (`supports: + c-troop-buildup`), or free text
//! compared word by word ([`Words`]). The brief's own fields (title, date, summary, marking,
//! tags, `x-` fields…) are compared the same way ([`BriefDiff::header`]). Where an item was
//! written, and in what order, is not a change.
//!
//! The reader asks, for brief NEW against OLD:
//!
//! ```
//! # let old = brief::sample::load().into_valid_briefs().remove(0);
//! # let mut new = old.clone();
//! # new.claims[0].status = brief::model::ClaimStatus::Confirmed;
//! use brief::diff::{BriefDiff, ItemState};
//! use brief::model::Section;
//!
//! let diff = BriefDiff::between(&old, &new);
//! // Which items are new, which changed, and how: by the item's place in NEW.
//! for item in Section::ALL.into_iter().flat_map(|s| new.items(s)) {
//!     match diff.state(item) {
//!         ItemState::Added => println!("+ {}", new.id_of(item)),
//!         ItemState::Changed(change) => {
//!             for field in &change.fields {
//!                 println!("~ {} {}", new.id_of(item), field.field); // `status`, and field.change
//!             }
//!             let _earlier = change.old; // the item in OLD, to open the earlier version
//!         }
//!         ItemState::Renamed { from } => println!("{} was {}", new.id_of(item), old.id_of(from)),
//!         ItemState::Unchanged => {}
//!     }
//! }
//! // What OLD had that NEW does not.
//! let gone = diff.sections().iter().flat_map(|s| &s.removed).map(|&item| old.id_of(item));
//! # assert_eq!(gone.count(), 0);
//! # assert!(matches!(diff.state(brief::model::ItemRef::new(Section::Claims, 0)), ItemState::Changed(_)));
//! ```
//!
//! A file may hold several briefs: [`pair`] pairs the briefs of two files by brief id (two
//! files of one brief each are paired whatever their ids), and a brief without a partner is
//! compared with nothing, every item added or removed.

mod fields;
mod words;

use std::borrow::Cow;

use serde::Serialize;

pub use words::Words;

use crate::model::{Brief, IdTable, ItemRef, Section, id_hash};
use fields::{Changes, Compared};

/// One field of an item, or of the brief, that differs, and how.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct FieldChange {
    /// The field as the format names it: `status`, `supports`, `x-desk-note`.
    pub field: Cow<'static, str>,
    #[serde(flatten)]
    pub change: Change,
}

/// How a field changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, schemars::JsonSchema)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum Change {
    /// A value given, taken away or replaced, as the format writes it (`reported`, `3`,
    /// `2021-12-07`, `true`); `None` (`null` in JSON) where the field is not given. A field's default is its
    /// value when not given (`status: reported`).
    Value { old: Option<String>, new: Option<String> },
    /// Free text that kept at least half its words (else it is a `Value`): both versions and
    /// the words kept, deleted and inserted.
    Text { old: String, new: String, words: Vec<Words> },
    /// A list's entries (ids for references) added and removed, each in its list's order.
    List { added: Vec<String>, removed: Vec<String> },
    /// A list with the same entries in another order (which matters for sources: `at` is a
    /// place in the first): both orders.
    Order { old: Vec<String>, new: Vec<String> },
}

/// An item in both briefs that differs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemChange {
    /// The item in the old brief.
    pub old: ItemRef,
    /// The item in the new brief.
    pub new: ItemRef,
    /// Its fields that differ, in the format's order, `x-` fields last by name.
    pub fields: Vec<FieldChange>,
}

/// An item given another id and nothing else.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rename {
    pub old: ItemRef,
    pub new: ItemRef,
}

/// What changed in one section. Added, changed and renamed items are in the new brief's
/// order, removed items in the old brief's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SectionDiff {
    pub section: Section,
    /// Items of the new brief.
    pub added: Vec<ItemRef>,
    /// Items of the old brief.
    pub removed: Vec<ItemRef>,
    pub changed: Vec<ItemChange>,
    pub renamed: Vec<Rename>,
}

/// How many items of a section were added, removed, changed and renamed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, schemars::JsonSchema)]
pub struct Counts {
    pub added: usize,
    pub removed: usize,
    pub changed: usize,
    pub renamed: usize,
}

impl Counts {
    pub fn total(self) -> usize {
        self.added + self.removed + self.changed + self.renamed
    }
}

impl SectionDiff {
    fn empty(section: Section) -> SectionDiff {
        SectionDiff { section, added: Vec::new(), removed: Vec::new(), changed: Vec::new(), renamed: Vec::new() }
    }

    pub fn counts(&self) -> Counts {
        Counts {
            added: self.added.len(),
            removed: self.removed.len(),
            changed: self.changed.len(),
            renamed: self.renamed.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.counts().total() == 0
    }
}

/// What became of an item of the new brief.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemState<'d> {
    /// Not in the old brief.
    Added,
    /// In both, with these changes.
    Changed(&'d ItemChange),
    /// In the old brief under another id, otherwise the same.
    Renamed {
        from: ItemRef,
    },
    Unchanged,
}

/// What changed from an old brief to a new one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BriefDiff {
    header: Vec<FieldChange>,
    /// One per section, in the format's order.
    sections: Vec<SectionDiff>,
}

impl BriefDiff {
    /// Compares two briefs.
    pub fn between(old: &Brief, new: &Brief) -> BriefDiff {
        let mut header = Changes::default();
        fields::brief(old, new, &mut header);
        let table = IdTable::build(old);
        let sections = Section::ALL
            .into_iter()
            .map(|section| match section {
                Section::Sources => section_diff(section, &old.sources, &new.sources, old, &table),
                Section::Topics => section_diff(section, &old.topics, &new.topics, old, &table),
                Section::Actors => section_diff(section, &old.actors, &new.actors, old, &table),
                Section::Claims => section_diff(section, &old.claims, &new.claims, old, &table),
                Section::Positions => section_diff(section, &old.positions, &new.positions, old, &table),
                Section::Quotes => section_diff(section, &old.quotes, &new.quotes, old, &table),
                Section::Events => section_diff(section, &old.events, &new.events, old, &table),
            })
            .collect();
        BriefDiff { header: header.0, sections }
    }

    /// A brief that has no old version: every item added.
    pub fn added(new: &Brief) -> BriefDiff {
        BriefDiff::whole(new, |diff, items| diff.added = items)
    }

    /// A brief that has no new version: every item removed.
    pub fn removed(old: &Brief) -> BriefDiff {
        BriefDiff::whole(old, |diff, items| diff.removed = items)
    }

    fn whole(brief: &Brief, put: impl Fn(&mut SectionDiff, Vec<ItemRef>)) -> BriefDiff {
        let sections = Section::ALL
            .into_iter()
            .map(|section| {
                let mut diff = SectionDiff::empty(section);
                put(&mut diff, brief.items(section).collect());
                diff
            })
            .collect();
        BriefDiff { header: Vec::new(), sections }
    }

    /// The brief's own fields that differ (everything but its sections), in the format's
    /// order, `x-` fields last by name.
    pub fn header(&self) -> &[FieldChange] {
        &self.header
    }

    /// Every section, in the format's order, changed or not.
    pub fn sections(&self) -> &[SectionDiff] {
        &self.sections
    }

    pub fn section(&self, section: Section) -> &SectionDiff {
        &self.sections[Section::ALL.iter().position(|&s| s == section).unwrap_or_default()]
    }

    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.header.is_empty() && self.sections.iter().all(SectionDiff::is_empty)
    }

    /// What became of an item of the new brief (an item it does not hold is unchanged).
    pub fn state(&self, item: ItemRef) -> ItemState<'_> {
        let diff = self.section(item.section);
        if diff.added.binary_search(&item).is_ok() {
            return ItemState::Added;
        }
        if let Ok(at) = diff.changed.binary_search_by_key(&item, |c| c.new) {
            return ItemState::Changed(&diff.changed[at]);
        }
        if let Ok(at) = diff.renamed.binary_search_by_key(&item, |r| r.new) {
            return ItemState::Renamed { from: diff.renamed[at].old };
        }
        ItemState::Unchanged
    }
}

/// One section compared: items matched by id, the changed ones field by field; what is left
/// over on both sides searched for renames.
fn section_diff<T: Compared>(
    section: Section,
    old: &[T],
    new: &[T],
    old_brief: &Brief,
    table: &IdTable,
) -> SectionDiff {
    let mut diff = SectionDiff::empty(section);
    let mut matched = vec![false; old.len()];
    for (n, item) in new.iter().enumerate() {
        let found = table.all(old_brief, item.id()).find(|found| found.section == section && !matched[found.index()]);
        let Some(found) = found else {
            diff.added.push(ItemRef::new(section, n));
            continue;
        };
        matched[found.index()] = true;
        let mut changes = Changes::default();
        T::compare(&old[found.index()], item, &mut changes);
        if !changes.0.is_empty() {
            diff.changed.push(ItemChange { old: found, new: ItemRef::new(section, n), fields: changes.0 });
        }
    }
    diff.removed = matched.iter().enumerate().filter(|(_, m)| !**m).map(|(o, _)| ItemRef::new(section, o)).collect();
    find_renames(&mut diff, old, new);
    diff
}

/// Pairs each removed item with the first added item, in the new brief's order, that differs
/// from it in nothing but its id. Candidates are found by a hash of everything but the id, and
/// checked field by field.
fn find_renames<T: Compared>(diff: &mut SectionDiff, old: &[T], new: &[T]) {
    if diff.added.is_empty() || diff.removed.is_empty() {
        return;
    }
    let fingerprint = |item: &T| id_hash(&serde_json::to_string(&item.without_id()).unwrap_or_default());
    let mut by_print: std::collections::HashMap<u64, Vec<ItemRef>> = std::collections::HashMap::new();
    for &item in &diff.added {
        by_print.entry(fingerprint(&new[item.index()])).or_default().push(item);
    }
    let mut taken = Vec::new();
    diff.removed.retain(|&gone| {
        let candidates = by_print.get_mut(&fingerprint(&old[gone.index()]));
        let found = candidates.and_then(|candidates| {
            let at = candidates.iter().position(|&added| {
                let mut changes = Changes::default();
                T::compare(&old[gone.index()], &new[added.index()], &mut changes);
                changes.0.is_empty()
            })?;
            Some(candidates.remove(at))
        });
        match found {
            Some(added) => {
                taken.push(Rename { old: gone, new: added });
                false
            }
            None => true,
        }
    });
    taken.sort_by_key(|r| r.new);
    diff.added.retain(|item| taken.binary_search_by_key(item, |r| r.new).is_err());
    diff.renamed = taken;
}

/// Two files' briefs, one of each paired, or one without a partner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    /// The brief's place among the old briefs, if it has an old version.
    pub old: Option<usize>,
    /// Its place among the new briefs, if it has a new version.
    pub new: Option<usize>,
    pub diff: BriefDiff,
}

impl Pair {
    /// Whether the brief is on both sides and nothing in it changed.
    pub fn is_unchanged(&self) -> bool {
        self.old.is_some() && self.new.is_some() && self.diff.is_empty()
    }
}

/// Pairs the old briefs with the new by brief id and compares each pair; briefs without a
/// partner are compared with nothing. One brief on each side is a pair whatever the ids (a
/// brief given a new id is the same brief). Pairs and new briefs come in the new briefs' order,
/// then the briefs only the old side has, in its order.
pub fn pair(old: &[&Brief], new: &[&Brief]) -> Vec<Pair> {
    if let ([one], [other]) = (old, new) {
        return vec![Pair { old: Some(0), new: Some(0), diff: BriefDiff::between(one, other) }];
    }
    let mut matched = vec![false; old.len()];
    let mut pairs = Vec::new();
    for (n, brief) in new.iter().enumerate() {
        let found = old.iter().enumerate().position(|(o, earlier)| !matched[o] && earlier.id == brief.id);
        match found {
            Some(o) => {
                matched[o] = true;
                pairs.push(Pair { old: Some(o), new: Some(n), diff: BriefDiff::between(old[o], brief) });
            }
            None => pairs.push(Pair { old: None, new: Some(n), diff: BriefDiff::added(brief) }),
        }
    }
    for (o, brief) in old.iter().enumerate().filter(|(o, _)| !matched[*o]) {
        pairs.push(Pair { old: Some(o), new: None, diff: BriefDiff::removed(brief) });
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ClaimStatus, Ref, Span, Stance};

    fn sample() -> Brief {
        crate::sample::load().into_valid_briefs().remove(0)
    }

    fn reference(id: &str) -> Ref {
        Ref { id: id.into(), span: Span::default() }
    }

    /// Each field change as `field: old → new`, `field: + a - b`, or `field: ~`.
    fn said(changes: &[FieldChange]) -> Vec<String> {
        changes
            .iter()
            .map(|c| match &c.change {
                Change::Value { old, new } => {
                    format!("{}: {} → {}", c.field, old.as_deref().unwrap_or("-"), new.as_deref().unwrap_or("-"))
                }
                Change::List { added, removed } => format!("{}: +{added:?} -{removed:?}", c.field),
                Change::Text { .. } => format!("{}: ~", c.field),
                Change::Order { old, new } => format!("{}: {} → {}", c.field, old.join(", "), new.join(", ")),
            })
            .collect()
    }

    #[test]
    fn a_brief_against_itself_has_no_changes_wherever_its_items_were_written() {
        let old = sample();
        let mut new = old.clone();
        new.quotes[0].span = Span { line: 999, ..Span::default() };
        new.quotes[0].speaker.span = Span { line: 998, ..Span::default() };
        let diff = BriefDiff::between(&old, &new);
        assert!(diff.is_empty(), "{diff:?}");
        assert!(Section::ALL.into_iter().flat_map(|s| new.items(s)).all(|i| diff.state(i) == ItemState::Unchanged));
    }

    #[test]
    fn items_are_matched_by_id_not_by_place() {
        let old = sample();
        let mut new = old.clone();
        new.claims.reverse();
        new.quotes.swap(0, 5);
        assert!(BriefDiff::between(&old, &new).is_empty());
    }

    #[test]
    fn a_changed_item_says_each_field_in_words() {
        let old = sample();
        let mut new = old.clone();
        new.claims[0].status = ClaimStatus::Confirmed;
        new.claims[0].credibility = Some(crate::model::Credibility::Two);
        let p = old.positions.iter().position(|p| !p.disputes.is_empty() && p.stance != Stance::Supports).unwrap();
        new.positions[p].stance = Stance::Supports;
        new.positions[p].supports.push(reference("c-troop-buildup"));
        new.positions[p].disputes.clear();
        let diff = BriefDiff::between(&old, &new);
        let claim = ItemRef::new(Section::Claims, 0);
        let ItemState::Changed(change) = diff.state(claim) else { panic!("{:?}", diff.state(claim)) };
        assert_eq!(change.old, claim);
        let was = old.claims[0].credibility.map_or("-".to_string(), |c| c.to_string());
        assert_eq!(
            said(&change.fields),
            ["status: reported → confirmed".to_string(), format!("credibility: {was} → 2")]
        );
        let ItemState::Changed(change) = diff.state(ItemRef::new(Section::Positions, p)) else { panic!() };
        let disputed: Vec<String> = old.positions[p].disputes.iter().map(|r| r.id.to_string()).collect();
        assert_eq!(
            said(&change.fields),
            [
                format!("stance: {} → supports", old.positions[p].stance),
                "supports: +[\"c-troop-buildup\"] -[]".to_string(),
                format!("disputes: +[] -{disputed:?}"),
            ]
        );
        assert_eq!(diff.section(Section::Claims).counts(), Counts { changed: 1, ..Counts::default() });
    }

    #[test]
    fn a_list_in_another_order_shows_both_orders() {
        let mut old = sample();
        old.events[0].source = vec![reference("a"), reference("b")];
        let mut new = old.clone();
        new.events[0].source.reverse();
        let diff = BriefDiff::between(&old, &new);
        assert_eq!(said(&diff.section(Section::Events).changed[0].fields), ["source: a, b → b, a"]);
    }

    #[test]
    fn text_mostly_kept_is_compared_word_by_word_else_replaced() {
        let old = sample();
        let mut new = old.clone();
        new.claims[0].text = format!("{} Officials say so.", old.claims[0].text).into();
        new.brief = old.brief;
        new.marking = Some("RESTRICTED".into());
        let diff = BriefDiff::between(&old, &new);
        let Change::Text { words, .. } = &diff.section(Section::Claims).changed[0].fields[0].change else {
            panic!("a word diff")
        };
        assert_eq!(words.last(), Some(&Words::Inserted("Officials say so.".into())));
        assert_eq!(said(diff.header()), ["marking: PUBLIC → RESTRICTED"]);
    }

    #[test]
    fn added_and_removed_items_keep_their_places() {
        let old = sample();
        let mut new = old.clone();
        let mut quote = new.quotes[3].clone();
        quote.id = "q-new".into();
        quote.text = "Words nobody said before.".into();
        new.quotes.push(quote);
        new.events.remove(2);
        let diff = BriefDiff::between(&old, &new);
        let added = ItemRef::new(Section::Quotes, new.quotes.len() - 1);
        assert_eq!(diff.section(Section::Quotes).added, [added]);
        assert_eq!(diff.state(added), ItemState::Added);
        assert_eq!(diff.section(Section::Events).removed, [ItemRef::new(Section::Events, 2)]);
        assert!(diff.section(Section::Events).changed.is_empty(), "the events after it are not changed");
    }

    #[test]
    fn an_item_with_only_a_new_id_is_renamed() {
        let old = sample();
        let mut new = old.clone();
        new.claims[2].id = "c-renamed".into();
        let diff = BriefDiff::between(&old, &new);
        let claims = diff.section(Section::Claims);
        let renamed = Rename { old: ItemRef::new(Section::Claims, 2), new: ItemRef::new(Section::Claims, 2) };
        assert_eq!(claims.renamed, [renamed]);
        assert!(claims.added.is_empty() && claims.removed.is_empty());
        assert_eq!(diff.state(renamed.new), ItemState::Renamed { from: renamed.old });
        assert_eq!(claims.counts(), Counts { renamed: 1, ..Counts::default() });
    }

    #[test]
    fn a_new_id_and_a_new_text_is_a_removal_and_an_addition() {
        let old = sample();
        let mut new = old.clone();
        new.claims[2].id = "c-renamed".into();
        new.claims[2].text = "Something else.".into();
        let claims = BriefDiff::between(&old, &new).section(Section::Claims).clone();
        assert_eq!(claims.counts(), Counts { added: 1, removed: 1, ..Counts::default() });
    }

    #[test]
    fn two_identical_items_renamed_are_paired_in_order() {
        let mut old = sample();
        old.topics.truncate(1);
        let mut twin = old.topics[0].clone();
        twin.id = "twin".into();
        old.topics.push(twin);
        let mut new = old.clone();
        new.topics[0].id = "first".into();
        new.topics[1].id = "second".into();
        let topics = BriefDiff::between(&old, &new).section(Section::Topics).clone();
        let at = |i| ItemRef::new(Section::Topics, i);
        assert_eq!(topics.renamed, [Rename { old: at(0), new: at(0) }, Rename { old: at(1), new: at(1) }]);
    }

    #[test]
    fn an_id_that_moves_to_another_section_is_removed_there_and_added_here() {
        let old = sample();
        let mut new = old.clone();
        let mut event = new.events[0].clone();
        event.id = new.claims[0].id.clone();
        new.claims.remove(0);
        new.events.push(event);
        let diff = BriefDiff::between(&old, &new);
        assert_eq!(diff.section(Section::Claims).counts().removed, 1);
        assert_eq!(diff.section(Section::Events).counts().added, 1);
    }

    #[test]
    fn extension_fields_are_compared_by_name() {
        let old = sample();
        let mut new = old.clone();
        new.actors[0].extensions.insert("x-desk-note".into(), serde_json::json!("check the title"));
        new.extensions.insert("x-confidence".into(), serde_json::json!(0.8));
        let diff = BriefDiff::between(&old, &new);
        assert_eq!(said(diff.header()), ["x-confidence: - → 0.8"]);
        assert_eq!(said(&diff.section(Section::Actors).changed[0].fields), ["x-desk-note: - → check the title"]);
    }

    #[test]
    fn briefs_of_two_files_pair_by_id() {
        let briefs: Vec<Brief> = crate::sample::load_all().into_iter().flat_map(|f| f.into_valid_briefs()).collect();
        let (a, b, c) = (&briefs[0], &briefs[1], &briefs[2]);
        let pairs = pair(&[a, b], &[b, c]);
        let places: Vec<(Option<usize>, Option<usize>)> = pairs.iter().map(|p| (p.old, p.new)).collect();
        assert_eq!(places, [(Some(1), Some(0)), (None, Some(1)), (Some(0), None)]);
        assert!(pairs[0].is_unchanged());
        assert_eq!(pairs[1].diff.section(Section::Quotes).added.len(), c.quotes.len());
        assert_eq!(pairs[2].diff.section(Section::Quotes).removed.len(), a.quotes.len());
        let one_each = pair(&[a], &[b]);
        assert_eq!((one_each[0].old, one_each[0].new), (Some(0), Some(0)), "one brief each: paired whatever the ids");
        assert!(
            said(one_each[0].diff.header()).iter().any(|c| c.starts_with("id: ")),
            "{:?}",
            one_each[0].diff.header()
        );
    }
}
