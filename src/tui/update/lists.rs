//! The list panes: cursors and what is in view, the marks of what is related to the selection,
//! and the filter.

use crate::index::{Group, Index, references};
use crate::model::{Brief, ItemRef, Section};
use crate::text::one_line;
use crate::tui::action::Pane;
use crate::tui::state::*;

impl App {
    pub(super) fn move_cursor(&mut self, by: isize) {
        let pane = self.nav().active;
        let cursor = self.nav().panes[pane as usize].cursor as isize;
        self.set_cursor((cursor + by).max(0) as usize);
    }

    /// Moves the active pane's cursor, clamped to its rows, keeping it in view.
    pub(super) fn set_cursor(&mut self, cursor: usize) {
        let pane = self.nav().active;
        let count = self.row_count(pane);
        let page = self.list_page();
        let state = &mut self.nav_mut().panes[pane as usize];
        state.cursor = cursor;
        keep_in_view(state, page, count);
    }

    pub(super) fn focus_pane(&mut self, pane: Pane) {
        let nav = self.nav_mut();
        nav.activate(pane);
        nav.focus = Focus::List;
    }

    /// Places the cursor on an item of a pane, clearing a filter that hides it.
    pub(super) fn select(&mut self, pane: Pane, item: usize) {
        if self.row_of(pane, item).is_none() {
            self.set_filter(None);
        }
        let row = self.row_of(pane, item).unwrap_or(0);
        let page = self.list_page();
        let count = self.row_count(pane);
        let nav = self.nav_mut();
        nav.activate(pane);
        let state = &mut nav.panes[pane as usize];
        state.cursor = row;
        keep_in_view(state, page, count);
    }

    /// Places the cursor on the row showing a place of the pane's section, if shown.
    pub(super) fn select_place(&mut self, pane: Pane, place: usize) {
        if let Some(row) = self.row_of_place(pane, place) {
            self.nav_mut().activate(pane);
            self.set_cursor(row);
        }
    }

    /// Reads the text of the source the shown quote cites, the first time it is needed, so
    /// the detail pane can show the quote in its context. A file gone or unreadable since the
    /// brief was loaded is said once; the brief as loaded stays.
    pub(super) fn read_quoted_source(&mut self) {
        let Some((source, file)) = self.quoted_source() else { return };
        if self.reading().source_texts.contains_key(&source) {
            return;
        }
        let text = crate::load::read_source(&self.opened().folder, file);
        if let Err(why) = &text {
            self.message = Some(format!("cannot read {}, the source's text: {why}", one_line(file)));
        }
        self.reading_mut().source_texts.insert(source, text);
    }

    /// Recomputes the anchor's references and which items they mark, when the anchor changed.
    pub(in crate::tui) fn refresh_marks(&mut self) {
        let anchor = self.anchor();
        if self.reading().marks_for == anchor {
            return;
        }
        let (groups, marks) = match anchor {
            Some(item) => {
                let groups = references(self.brief(), &self.opened().index, item);
                let marks = marks_of(self.brief(), &self.opened().index, item, &groups);
                (groups, marks)
            }
            None => Default::default(),
        };
        let across = anchor.filter(|a| matches!(a.section, Section::Actors | Section::Topics)).and_then(|a| {
            let (id, briefs) = (self.brief().id_of(a), self.brief_refs());
            let count = self.library.brief_count(&briefs, id);
            let rows = (count > 1).then(|| self.library.stances_over_time(&briefs, id))?;
            Some((count, rows.into_iter().map(|r| r.text).collect()))
        });
        let reading = self.reading_mut();
        reading.groups = groups;
        reading.marks = marks;
        reading.marks_for = anchor;
        reading.across = across;
    }

    pub(super) fn toggle_filter(&mut self) {
        if self.nav().filter.is_some() {
            self.set_filter(None);
            self.message = Some("showing everything".into());
        } else if let Some(anchor) = self.anchor() {
            self.set_filter(Some(anchor));
            let name = one_line(self.brief().name_of(anchor));
            self.message = Some(format!("showing what is related to {name} (f to show all)"));
        }
    }

    /// Narrows every pane to an item and what is related to it (or shows all again), keeping
    /// each pane's selected item where it is still shown.
    pub(super) fn set_filter(&mut self, filter: Option<ItemRef>) {
        // Each pane keeps its selected item where it is still shown; the filtered item's own
        // pane selects it.
        let selected: Vec<Option<usize>> = Pane::ALL
            .iter()
            .map(|&p| match filter {
                Some(item) if Pane::of(item.section) == p => Some(item.index()),
                _ => self.selected(p).map(ItemRef::index),
            })
            .collect();
        let rows = match filter {
            Some(item) => {
                let index = &self.opened().index;
                let mut related = related(self.brief(), index, item);
                let own = &mut related[Pane::of(item.section) as usize];
                if let Err(at) = own.binary_search(&item.index) {
                    own.insert(at, item.index);
                }
                // Rows are places in the list as shown: the timeline's order for events.
                let mut section = 0;
                related.map(|items| {
                    let pane = Pane::ALL[section];
                    section += 1;
                    let mut places: Vec<u32> = items
                        .into_iter()
                        .map(|i| index.place(ItemRef { section: pane.section(), index: i }) as u32)
                        .collect();
                    places.sort_unstable();
                    Some(places)
                })
            }
            None => Default::default(),
        };
        let rows = self.only_changed_rows(rows);
        self.nav_mut().rows = rows;
        self.nav_mut().filter = filter;
        let pages = self.pane_pages();
        for pane in Pane::ALL {
            let row = selected[pane as usize].and_then(|item| self.row_of(pane, item)).unwrap_or(0);
            let (page, count) = (pages[pane as usize], self.row_count(pane));
            let state = &mut self.nav_mut().panes[pane as usize];
            state.cursor = row;
            state.offset = 0;
            keep_in_view(state, page, count);
        }
    }
}

impl App {
    /// The rows the filter leaves, narrowed to what is new or changed when `c` is on.
    fn only_changed_rows(&self, rows: [Option<Vec<u32>>; Pane::COUNT]) -> [Option<Vec<u32>>; Pane::COUNT] {
        let Some(since) = self.since().filter(|_| self.nav().only_changed) else { return rows };
        let index = &self.opened().index;
        let mut pane = 0;
        rows.map(|rows| {
            let section = Pane::ALL[pane].section();
            let mut places: Vec<u32> = since.items[pane]
                .iter()
                .map(|&i| index.place(ItemRef { section, index: i }) as u32)
                .filter(|place| rows.as_ref().is_none_or(|rows| rows.binary_search(place).is_ok()))
                .collect();
            pane += 1;
            places.sort_unstable();
            Some(places)
        })
    }
}

/// Keeps a pane's cursor on one of its `count` rows and within the `page` rows in view, with no
/// blank rows at the bottom while rows above could fill them.
pub(super) fn keep_in_view(state: &mut PaneState, page: usize, count: usize) {
    state.cursor = state.cursor.min(count.saturating_sub(1));
    if state.cursor < state.offset {
        state.offset = state.cursor;
    } else if state.cursor >= state.offset + page {
        state.offset = state.cursor + 1 - page;
    }
    state.offset = state.offset.min(count.saturating_sub(page));
}

/// The items of each pane related to an item, by pane, sorted: every reference of it, and for
/// a topic the actors holding its positions and making its claims.
pub fn related(brief: &Brief, index: &Index, item: ItemRef) -> [Vec<u32>; Pane::COUNT] {
    marks_of(brief, index, item, &references(brief, index, item))
}

/// [`related`], from the item's references already grouped.
fn marks_of(brief: &Brief, index: &Index, item: ItemRef, groups: &[Group]) -> [Vec<u32>; Pane::COUNT] {
    let mut marks: [Vec<u32>; Pane::COUNT] = Default::default();
    for group in groups {
        for &target in &group.items {
            marks[Pane::of(target.section) as usize].push(target.index);
        }
    }
    if item.section == crate::model::Section::Topics {
        let section = crate::model::Section::Actors;
        let holders = index.topics.positions.of(item.index()).iter().map(|&p| &brief.positions[p as usize].actor);
        let claimants = index.topics.claims.of(item.index()).iter().flat_map(|&c| &brief.claims[c as usize].by);
        for actor in holders.chain(claimants).filter_map(|r| index.resolve(brief, r, section)) {
            marks[Pane::Actors as usize].push(actor as u32);
        }
    }
    for list in &mut marks {
        list.sort_unstable();
        list.dedup();
    }
    marks
}
