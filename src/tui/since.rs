//! "New since": what changed in a brief since the earlier brief it follows, when that brief is
//! open too (the same id as its `follows`) or was given with `--since FILE`. Each brief's diff
//! is computed once, the first time it is asked for, and kept with the brief: the lists' marks
//! (`+` new, `~` changed), the header's count, `c` (only what changed) and the detail pane's
//! changes field by field all read it.

use std::sync::Arc;

use crate::diff::{BriefDiff, ItemState};
use crate::model::{Brief, ItemRef};
use crate::tui::action::Pane;
use crate::tui::state::{App, Opened};

/// The earlier brief a brief is compared with.
pub enum Earlier {
    /// One of the briefs open, by its place in [`App::briefs`]: its items can be opened.
    Open(usize),
    /// The brief of `--since FILE`, which the library does not list.
    Given(Arc<Opened>),
}

/// What changed in a brief since the earlier one.
pub struct Since {
    pub earlier: Earlier,
    pub diff: BriefDiff,
    /// Per pane, the items new or changed (a renamed item counts as changed), by their index in
    /// the section, sorted.
    pub items: [Vec<u32>; Pane::COUNT],
    pub new: usize,
    pub changed: usize,
}

impl Since {
    fn between(earlier: Earlier, old: &Brief, new: &Brief) -> Since {
        let diff = BriefDiff::between(old, new);
        let mut items: [Vec<u32>; Pane::COUNT] = Default::default();
        let (mut added, mut changed) = (0, 0);
        for pane in Pane::ALL {
            for item in new.items(pane.section()) {
                match diff.state(item) {
                    ItemState::Added => added += 1,
                    ItemState::Changed(_) | ItemState::Renamed { .. } => changed += 1,
                    ItemState::Unchanged => continue,
                }
                items[pane as usize].push(item.index);
            }
        }
        Since { earlier, diff, items, new: added, changed }
    }

    /// The item's earlier version, for an item changed or renamed since the earlier brief.
    pub fn earlier_of(&self, item: ItemRef) -> Option<ItemRef> {
        match self.diff.state(item) {
            ItemState::Changed(change) => Some(change.old),
            ItemState::Renamed { from } => Some(from),
            ItemState::Added | ItemState::Unchanged => None,
        }
    }

    /// The mark of an item in the lists: `+` new, `~` changed, none when unchanged.
    pub fn glyph(&self, item: ItemRef) -> Option<char> {
        match self.diff.state(item) {
            ItemState::Added => Some('+'),
            ItemState::Changed(_) | ItemState::Renamed { .. } => Some('~'),
            ItemState::Unchanged => None,
        }
    }
}

impl App {
    /// What changed in the brief being read since the one before it, if that one is known.
    pub fn since(&self) -> Option<&Since> {
        self.since_of(self.current)
    }

    /// What changed in a brief since the one before it: computed the first time it is asked.
    pub fn since_of(&self, brief: usize) -> Option<&Since> {
        let reading = self.briefs.get(brief)?;
        reading
            .since
            .get_or_init(|| {
                let new = &reading.opened.brief;
                let earlier = match &self.since_file {
                    // Given on the command line: the user's choice beats `follows`.
                    Some(given) => Earlier::Given(given.clone()),
                    None => Earlier::Open(self.predecessor(brief)?),
                };
                let given;
                let old = match &earlier {
                    Earlier::Open(at) => &self.briefs[*at].opened.brief,
                    Earlier::Given(opened) => {
                        given = opened.clone();
                        &given.brief
                    }
                };
                Some(Since::between(earlier, old, new))
            })
            .as_ref()
    }

    /// The open brief a brief follows: another brief with the id its `follows` names, the
    /// latest not dated after it when there are several.
    fn predecessor(&self, brief: usize) -> Option<usize> {
        let this = &self.briefs[brief].opened.brief;
        let follows = this.follows.as_ref()?;
        let named: Vec<usize> = self
            .library
            .newest_first()
            .filter(|&b| b != brief && *self.briefs[b].opened.brief.id == *follows.id)
            .collect();
        let not_after = named.iter().copied().find(|&b| !self.briefs[b].opened.brief.date.against(&this.date).is_gt());
        not_after.or(named.first().copied())
    }

    /// The earlier brief of a [`Since`].
    pub fn earlier_brief<'a>(&'a self, since: &'a Since) -> &'a Brief {
        match &since.earlier {
            Earlier::Open(at) => &self.briefs[*at].opened.brief,
            Earlier::Given(given) => &given.brief,
        }
    }
}
