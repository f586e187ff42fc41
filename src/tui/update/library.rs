//! The library screen and the listings across briefs: the dossier (`a`) and the timeline (`t`).

use super::lists::keep_in_view;
use crate::library::Place;
use crate::model::{Brief, Section};
use crate::text::one_line;
use crate::tui::action::{Action, Pane};
use crate::tui::state::*;

impl App {
    /// Opens the library with every brief listed and the cursor on the brief being read.
    pub(in crate::tui) fn open_library(&mut self) {
        let rows = self.library_rows("");
        let current = Shelf::Brief(self.current);
        let cursor = rows.iter().position(|r| r.entry == current).unwrap_or(0);
        self.show_library(LibraryState { cursor, rows, ..Default::default() });
    }

    /// Rows a page of the library holds.
    pub(in crate::tui) fn library_page(&self, rows: usize) -> usize {
        crate::tui::view::library::list_rows(self.screen(), rows).max(1)
    }

    /// The library's rows for a query: briefs that could not open first, then every brief
    /// newest first; with a query, those whose header holds it or whose items do, each with how
    /// many items.
    pub(in crate::tui) fn library_rows(&self, query: &str) -> Vec<ShelfRow> {
        let needle = query.to_lowercase();
        let broken = (0..self.shelved.len()).filter(|&s| {
            let shelved = &self.shelved[s];
            needle.is_empty() || [&shelved.name, &shelved.first].iter().any(|t| t.to_lowercase().contains(&needle))
        });
        let mut rows: Vec<ShelfRow> = broken.map(|s| ShelfRow { entry: Shelf::Broken(s), matches: 0 }).collect();
        let newest_first: Vec<usize> = self.library.newest_first().collect();
        if needle.is_empty() {
            rows.extend(newest_first.iter().map(|&b| ShelfRow { entry: Shelf::Brief(b), matches: 0 }));
            return rows;
        }
        let finder = memchr::memmem::Finder::new(needle.as_bytes());
        let count = |b: &usize| {
            let opened = &self.briefs[*b].opened;
            let items = crate::tui::finder::count_matching(opened, &finder) as u32;
            (items > 0 || header_holds(&opened.brief, &opened.name, &needle))
                .then_some(ShelfRow { entry: Shelf::Brief(*b), matches: items })
        };
        rows.extend(in_two(&newest_first, count));
        rows
    }

    pub(super) fn update_library(&mut self, action: Action) {
        let Overlay::Library(mut state) = std::mem::replace(&mut self.overlay, Overlay::None) else { return };
        let page = self.library_page(state.rows.len());
        let count = state.rows.len();
        if state.typing {
            match action {
                Action::Type(c) => state.query.push(c),
                Action::Erase => {
                    state.query.pop();
                }
                Action::Leave => {
                    state.typing = false;
                    state.query.clear();
                }
                Action::Submit => state.typing = false,
                _ => state.cursor = moved(state.cursor, &action, page, count).unwrap_or(state.cursor),
            }
            // Only a change to the query reads the briefs again.
            if matches!(action, Action::Type(_) | Action::Erase | Action::Leave) {
                self.find_again(&mut state);
            }
            return self.show_library(state);
        }
        if let Some(cursor) = moved(state.cursor, &action, page, count) {
            state.cursor = cursor;
        }
        match action {
            Action::StartSearch => state.typing = true,
            Action::Follow => match state.rows.get(state.cursor).map(|r| r.entry) {
                Some(Shelf::Brief(brief)) => {
                    let query = state.query.clone();
                    self.overlay = Overlay::Library(state);
                    self.remember();
                    self.overlay = Overlay::None;
                    self.open_brief(brief, &query);
                    return;
                }
                Some(Shelf::Broken(shelved)) => {
                    self.message = Some(format!("{} (D lists every problem)", self.shelved[shelved].first));
                }
                None => {}
            },
            Action::ShowProblems => match state.rows.get(state.cursor).map(|r| r.entry) {
                Some(Shelf::Broken(shelved)) => {
                    self.overlay =
                        Overlay::Problems { scroll: 0, shelved: Some(shelved), library: Some(Box::new(state)) };
                    return;
                }
                _ => self.message = Some("this brief opened without errors".into()),
            },
            Action::Leave if !state.query.is_empty() => {
                state.query.clear();
                self.find_again(&mut state);
            }
            Action::Leave | Action::ToggleLibrary => return,
            Action::Back | Action::Forward => {
                self.overlay = Overlay::Library(state);
                if action == Action::Back {
                    self.go_back()
                } else {
                    self.go_forward()
                }
                return;
            }
            Action::Timeline => {
                self.overlay = Overlay::Library(state);
                self.open_timeline();
                return;
            }
            Action::Edit => {
                self.overlay = Overlay::Library(state);
                return self.edit();
            }
            Action::OpenPicker => {
                self.overlay = Overlay::Library(state);
                self.open_picker();
                return;
            }
            Action::ToggleHelp => {
                self.overlay = Overlay::Library(state);
                return self.open_help();
            }
            _ => {}
        }
        self.show_library(state);
    }

    /// The library's rows for its query as it is now, the cursor staying on its brief.
    pub(super) fn find_again(&self, state: &mut LibraryState) {
        let chosen = state.rows.get(state.cursor).map(|r| r.entry);
        state.rows = self.library_rows(&state.query);
        state.cursor = chosen.and_then(|c| state.rows.iter().position(|r| r.entry == c)).unwrap_or(0);
    }

    /// Puts the library back on screen with its cursor in view.
    fn show_library(&mut self, mut state: LibraryState) {
        let page = self.library_page(state.rows.len());
        keep_in_view_of(&mut state.offset, state.cursor, page, state.rows.len());
        self.overlay = Overlay::Library(state);
    }

    /// Opens a brief from the library; with a query, the first list it matches in, searched.
    fn open_brief(&mut self, brief: usize, query: &str) {
        self.current = brief;
        self.nav_mut().focus = Focus::List;
        let title = one_line(&self.brief().title).into_owned();
        let library = self.key(crate::tui::keymap::Context::Lists, Action::ToggleLibrary);
        self.message = Some(format!("{title} · {library} returns to the library"));
        if query.is_empty() {
            return;
        }
        // Where the query was found, as `/` would find it there: n and N go on from it.
        for pane in Pane::ALL {
            let origin = self.nav().panes[pane as usize].cursor;
            let mut search = crate::tui::finder::Search::new(pane, origin);
            for c in query.chars() {
                search.push(c, &self.reading().opened, self.nav().rows[pane as usize].as_deref());
            }
            if let Some(place) = search.current_place() {
                self.nav_mut().focus = Focus::List;
                self.select_place(pane, place);
                let matches = search.matches.len();
                self.nav_mut().search = Some(search);
                self.message =
                    Some(format!("{title} · “{query}”: {matches} in {} (n/N for more)", pane.section().title()));
                return;
            }
        }
    }

    /// Ctrl-p: any item of any brief; Esc returns to what was open.
    pub(super) fn open_picker(&mut self) {
        let current = self.current;
        let mut briefs = vec![(current, self.reading().opened.clone())];
        let others = self.library.newest_first().filter(|&b| b != current);
        briefs.extend(others.map(|b| (b, self.briefs[b].opened.clone())));
        let mut picker = crate::tui::finder::Picker::new(briefs);
        picker.beneath = Beneath::taking(std::mem::replace(&mut self.overlay, Overlay::None));
        self.overlay = Overlay::Picker(Box::new(picker));
    }

    /// The briefs as the library passes them to its questions, in the order they were opened.
    pub(in crate::tui) fn brief_refs(&self) -> Vec<&Brief> {
        self.briefs.iter().map(|r| &r.opened.brief).collect()
    }

    /// `t`: the timeline across every brief, open on the day of the brief being read (or,
    /// from the library, of the brief under the cursor), ready to narrow to the actor or topic
    /// selected in the brief.
    pub(super) fn open_timeline(&mut self) {
        let listing = self.library.timeline(&self.brief_refs(), None);
        let (over, date, narrow_to) = match std::mem::replace(&mut self.overlay, Overlay::None) {
            Overlay::Library(state) => {
                let b = match state.rows.get(state.cursor).map(|r| r.entry) {
                    Some(Shelf::Brief(b)) => b,
                    _ => self.current,
                };
                (Some(state), self.briefs[b].opened.brief.date.clone(), None)
            }
            _ => {
                self.remember();
                let anchor = self.anchor().filter(|a| matches!(a.section, Section::Actors | Section::Topics));
                (None, self.brief().date.clone(), anchor.map(|a| self.brief().id_of(a).to_string()))
            }
        };
        // Like a calendar at today: on the brief's day, with what led up to it above (a row
        // dated only by its month is not on the day); past the end, on the last row.
        let on_or_after =
            |d: &crate::model::Date| d.against(&date).is_gt() || (d.against(&date).is_eq() && d.day.is_some());
        let last = listing.row_count().saturating_sub(1);
        let cursor = listing.rows().position(|r| r.date.as_ref().is_some_and(on_or_after)).unwrap_or(last);
        let line = crate::tui::view::library::line_of_row(&listing, cursor);
        let page = self.across_page(&listing);
        let end = (listing.row_count() + listing.groups.len()).saturating_sub(page);
        let offset = line.saturating_sub(page / 3).min(end);
        let kind = AcrossKind::Timeline { narrowed: false };
        let state = AcrossState { listing, cursor, offset, narrow_to, kind, over };
        self.overlay = Overlay::Across(Box::new(state));
    }

    /// `a`: the selected item across every brief.
    pub(super) fn open_dossier(&mut self) {
        let Some(anchor) = self.anchor() else {
            self.message = Some("nothing selected".into());
            return;
        };
        let id = self.brief().id_of(anchor).to_string();
        let Some(listing) = self.library.dossier(&self.brief_refs(), &id) else {
            self.message = Some(format!("{id} is in no brief the library knows; r reads the brief again"));
            return;
        };
        if listing.groups.is_empty() {
            let what = match anchor.section {
                Section::Actors => "no quote, position or claim",
                _ => "nothing that changes",
            };
            self.message = Some(format!("{}: {what} in any brief", one_line(&listing.title)));
            return;
        }
        self.remember();
        let state =
            AcrossState { listing, cursor: 0, offset: 0, narrow_to: None, kind: AcrossKind::Dossier, over: None };
        self.overlay = Overlay::Across(Box::new(state));
    }

    /// Lines a page of a listing across briefs holds.
    pub(in crate::tui) fn across_page(&self, listing: &crate::library::Listing) -> usize {
        let lines = listing.row_count() + listing.groups.len();
        crate::tui::view::library::listing_lines(self.screen(), lines).max(1)
    }

    pub(super) fn update_across(&mut self, action: Action) {
        let Overlay::Across(mut state) = std::mem::replace(&mut self.overlay, Overlay::None) else { return };
        let page = self.across_page(&state.listing);
        if let Some(cursor) = moved(state.cursor, &action, page, state.listing.row_count()) {
            state.cursor = cursor;
        }
        match action {
            Action::Follow => {
                let at = state.listing.rows().nth(state.cursor).map(|row| row.at);
                self.overlay = Overlay::Across(state);
                if let Some(at) = at {
                    self.remember();
                    self.overlay = Overlay::None;
                    self.open_place(at);
                }
                return;
            }
            Action::ToggleFilter => self.narrow_timeline(&mut state),
            // Back to the library it was opened over, or the panes.
            Action::Leave => {
                if let Some(library) = state.over {
                    self.overlay = Overlay::Library(library);
                }
                return;
            }
            Action::OpenPicker => {
                self.overlay = Overlay::Across(state);
                self.open_picker();
                return;
            }
            Action::Export | Action::Copy => {
                self.overlay = Overlay::Across(state);
                if action == Action::Export {
                    self.open_export()
                } else {
                    self.copy_view()
                }
                return;
            }
            Action::ToggleHelp => {
                self.overlay = Overlay::Across(state);
                return self.open_help();
            }
            _ => {}
        }
        // The offset is in lines: rows come under their groups' headings.
        let page = self.across_page(&state.listing);
        let listing = &state.listing;
        let lines = listing.row_count() + listing.groups.len();
        let line = crate::tui::view::library::line_of_row(listing, state.cursor);
        keep_in_view_of(&mut state.offset, line, page, lines);
        self.overlay = Overlay::Across(state);
    }

    /// `f` in the timeline: only what involves the actor or topic selected when it opened, or
    /// the one the row under the cursor is by; again, everything.
    fn narrow_timeline(&mut self, state: &mut AcrossState) {
        let AcrossKind::Timeline { narrowed } = state.kind else {
            self.message = Some("f narrows the timeline (t); a dossier is about one item already".into());
            return;
        };
        let briefs = self.brief_refs();
        let about = if narrowed {
            None
        } else {
            let of_row =
                state.listing.rows().nth(state.cursor).and_then(|row| primary_actor(briefs[row.at.brief()], row.at));
            match state.narrow_to.clone().or(of_row) {
                Some(id) => Some(id),
                None => {
                    self.message = Some("this row is by no actor: select one, or open t from an actor or topic".into());
                    return;
                }
            }
        };
        let chosen = state.listing.rows().nth(state.cursor).map(|r| r.at);
        state.listing = self.library.timeline(&briefs, about.as_deref());
        state.kind = AcrossKind::Timeline { narrowed: about.is_some() };
        state.cursor = chosen.and_then(|c| state.listing.rows().position(|r| r.at == c)).unwrap_or(0);
    }

    /// Opens an item of a brief, as the panes show it.
    pub(in crate::tui) fn open_place(&mut self, at: Place) {
        self.current = at.brief().min(self.briefs.len() - 1);
        self.go_to(at.item);
        self.nav_mut().focus = Focus::List;
    }
}

/// Whether a brief's header (title, date, marking, tags, summary, file) holds a lower-case needle.
fn header_holds(brief: &Brief, name: &str, needle: &str) -> bool {
    let date = brief.date.human();
    let date_iso = brief.date.to_string();
    let fields = [
        &*brief.title,
        &date,
        &date_iso,
        brief.marking.as_deref().unwrap_or(""),
        brief.summary.as_deref().unwrap_or(""),
        name,
    ];
    fields.iter().any(|f| f.to_lowercase().contains(needle))
        || brief.tags.iter().any(|t| t.to_lowercase().contains(needle))
}

/// The actor an item is by or about first: a quote's speaker, a position's actor, a claim's
/// first author, an event's first actor.
fn primary_actor(brief: &Brief, at: Place) -> Option<String> {
    let i = at.item.index();
    let id = match at.item.section {
        Section::Quotes => Some(&brief.quotes[i].speaker),
        Section::Positions => Some(&brief.positions[i].actor),
        Section::Claims => brief.claims[i].by.first(),
        Section::Events => brief.events[i].actors.first(),
        _ => None,
    };
    id.map(|r| r.id.to_string())
}

/// Where a move puts a cursor among `count` rows, `page` of them in view; `None` for an action
/// that is not a move.
fn moved(cursor: usize, action: &Action, page: usize, count: usize) -> Option<usize> {
    let last = count.saturating_sub(1);
    Some(match action {
        Action::Down => (cursor + 1).min(last),
        Action::Up => cursor.saturating_sub(1),
        Action::Top => 0,
        Action::Bottom => last,
        Action::PageDown => (cursor + page).min(last),
        Action::PageUp => cursor.saturating_sub(page),
        Action::HalfPageDown => (cursor + page / 2).min(last),
        Action::HalfPageUp => cursor.saturating_sub(page / 2),
        _ => return None,
    })
}

/// Keeps a cursor within the rows in view.
fn keep_in_view_of(offset: &mut usize, cursor: usize, page: usize, count: usize) {
    let mut state = PaneState { cursor, offset: *offset };
    keep_in_view(&mut state, page, count);
    *offset = state.offset;
}

/// Maps the items in two halves, one per core, keeping their order: a query over a library of
/// thousands of briefs reads every brief's text.
fn in_two<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> Option<R> + Sync) -> Vec<R> {
    if items.len() < 64 {
        return items.iter().filter_map(&work).collect();
    }
    let (head, tail) = items.split_at(items.len() / 2);
    let work = &work;
    std::thread::scope(|scope| {
        let tail = scope.spawn(move || tail.iter().filter_map(work).collect::<Vec<R>>());
        let mut found: Vec<R> = head.iter().filter_map(work).collect();
        found.extend(tail.join().unwrap_or_default());
        found
    })
}
