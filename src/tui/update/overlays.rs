//! What opens over the panes and takes the keys: search, picker, matrix, help, problems, the
//! export dialog; and copying.

use crate::model::{ItemRef, Section};
use crate::tui::action::Action;
use crate::tui::state::*;

impl App {
    pub(super) fn update_search(&mut self, action: Action) {
        let Overlay::Search(mut search) = std::mem::replace(&mut self.overlay, Overlay::None) else { return };
        match action {
            Action::Type(c) => search.push(c, &self.reading().opened, self.nav().rows[search.pane as usize].as_deref()),
            Action::Erase => search.pop(self.nav().rows[search.pane as usize].as_deref()),
            Action::NextMatch => search.step(true),
            Action::PreviousMatch => search.step(false),
            Action::Submit => {
                if !search.query.is_empty() {
                    self.nav_mut().search = Some(search);
                }
                return;
            }
            Action::Leave => {
                let (pane, origin) = (search.pane, search.origin);
                self.nav_mut().activate(pane);
                self.set_cursor(origin);
                return;
            }
            _ => {}
        }
        if let Some(place) = search.current_place() {
            self.select_place(search.pane, place);
        }
        self.overlay = Overlay::Search(search);
    }

    pub(super) fn jump_to_match(&mut self, forward: bool) {
        // From the selection of the list searched, whichever list the keyboard is in now.
        let searched = self.nav().search.as_ref().map(|s| s.pane);
        let cursor_place = searched.and_then(|pane| self.selected(pane)).map(|item| self.opened().index.place(item));
        let Some(search) = self.nav_mut().search.as_mut() else {
            self.message = Some("no search yet: / searches the focused pane".into());
            return;
        };
        if search.matches.is_empty() {
            self.message = Some(format!("no match for “{}”", search.query));
            return;
        }
        search.step_from(cursor_place, forward);
        let (pane, place) = (search.pane, search.current_place());
        if let Some(place) = place {
            self.nav_mut().focus = Focus::List;
            self.select_place(pane, place);
        }
    }

    pub(super) fn update_picker(&mut self, action: Action) {
        let Overlay::Picker(mut picker) = std::mem::replace(&mut self.overlay, Overlay::None) else { return };
        match action {
            Action::Type(c) => picker.push(c),
            Action::Erase => picker.pop(),
            Action::Down => picker.move_cursor(1),
            Action::Up => picker.move_cursor(-1),
            Action::Submit => {
                if let Some((brief, item)) = picker.chosen() {
                    self.overlay = std::mem::replace(&mut picker.beneath, Beneath::Panes).overlay();
                    self.remember();
                    self.overlay = Overlay::None;
                    self.open_place(crate::library::Place::new(brief, item));
                }
                return;
            }
            Action::Leave => {
                self.overlay = std::mem::replace(&mut picker.beneath, Beneath::Panes).overlay();
                return;
            }
            _ => {}
        }
        self.overlay = Overlay::Picker(picker);
    }

    pub(super) fn open_matrix(&mut self) {
        let matrix = self.opened().index.stance_matrix(self.brief());
        if matrix.rows.is_empty() {
            self.message = Some("no positions on topics in this brief".into());
            return;
        }
        // Start on the anchor's row when it is an actor with positions.
        let row = self
            .anchor()
            .filter(|a| a.section == Section::Actors)
            .and_then(|a| matrix.rows.iter().position(|&r| r == a.index()))
            .unwrap_or(0);
        self.overlay = Overlay::Matrix(MatrixState { row, column: 0 });
    }

    pub(super) fn update_matrix(&mut self, action: Action) {
        let Overlay::Matrix(mut state) = self.overlay else { return };
        let matrix = self.opened().index.stance_matrix(self.brief());
        let (rows, columns) = (matrix.rows.len(), matrix.columns.len());
        match action {
            Action::Down => state.row = (state.row + 1).min(rows.saturating_sub(1)),
            Action::Up => state.row = state.row.saturating_sub(1),
            Action::Right => state.column = (state.column + 1).min(columns.saturating_sub(1)),
            Action::Left => state.column = state.column.saturating_sub(1),
            Action::Top => state.row = 0,
            Action::Bottom => state.row = rows.saturating_sub(1),
            Action::PageDown => state.row = (state.row + 10).min(rows.saturating_sub(1)),
            Action::PageUp => state.row = state.row.saturating_sub(10),
            Action::HalfPageDown => state.row = (state.row + 5).min(rows.saturating_sub(1)),
            Action::HalfPageUp => state.row = state.row.saturating_sub(5),
            Action::Follow => {
                let cell = matrix.cells.get(state.row).and_then(|r| r.get(state.column));
                match cell.and_then(|positions| positions.first()) {
                    Some(&position) => {
                        self.overlay = Overlay::None;
                        self.remember();
                        self.go_to(ItemRef::new(Section::Positions, position));
                    }
                    None => self.message = Some("no position in this cell".into()),
                }
                return;
            }
            Action::Leave => {
                self.overlay = Overlay::None;
                return;
            }
            Action::ToggleHelp => return self.open_help(),
            _ => {}
        }
        self.overlay = Overlay::Matrix(state);
    }

    /// The furthest the help can scroll: its lines less a page.
    pub(super) fn help_end(&self) -> usize {
        let Overlay::Help { from, .. } = self.overlay else { return 0 };
        let area = crate::tui::layout::help_area(self.screen());
        let (width, rows) = (area.width.saturating_sub(2) as usize, area.height.saturating_sub(2) as usize);
        crate::tui::help::lines(self.theme(), &self.keymap, from, width).len().saturating_sub(rows)
    }

    pub(super) fn update_help(&mut self, action: Action) {
        let end = self.help_end();
        let Overlay::Help { from, scroll, beneath } = std::mem::replace(&mut self.overlay, Overlay::None) else {
            return;
        };
        let page = self.size.1.saturating_sub(4) as usize;
        match scrolled(scroll, &action, page, end) {
            Some(scroll) => self.overlay = Overlay::Help { from, scroll, beneath },
            None => self.overlay = beneath.overlay(),
        }
    }

    pub(super) fn update_problems(&mut self, action: Action) {
        let Overlay::Problems { scroll, shelved, library } = std::mem::replace(&mut self.overlay, Overlay::None) else {
            return;
        };
        if action == Action::Edit {
            let at = self.problems_shown(shelved).and_then(|p| p.at.clone());
            self.overlay = Overlay::Problems { scroll, shelved, library };
            return self.edit_at(at);
        }
        let lines = self.problems_shown(shelved).map_or(0, |p| p.report.len());
        let page = (self.size.1 as usize).saturating_sub(4);
        match scrolled(scroll, &action, page, lines.saturating_sub(page)) {
            Some(scroll) => self.overlay = Overlay::Problems { scroll, shelved, library },
            // Back to the library as it was, or the panes.
            None => self.overlay = library.map_or(Overlay::None, |state| Overlay::Library(*state)),
        }
    }

    /// The overview's lines at the width it is drawn, and the rows it shows.
    fn overview_lines(&self) -> (Vec<crate::tui::overview::OverviewLine>, usize) {
        let area = crate::tui::layout::overview_area(self.screen());
        let (width, rows) = (area.width.saturating_sub(2) as usize, area.height.saturating_sub(2) as usize);
        (crate::tui::overview::lines(self.opened(), self.theme(), width.max(1)), rows.max(1))
    }

    pub(super) fn update_overview(&mut self, action: Action) {
        let Overlay::Overview(mut state) = self.overlay else { return };
        let sources = self.brief().sources.len();
        let (lines, page) = self.overview_lines();
        let end = lines.len().saturating_sub(page);
        let last = sources.saturating_sub(1);
        // Moving picks the next source and scrolls to it; paging scrolls and picks a source in view.
        let mut follow_cursor = true;
        match action {
            Action::Down if sources > 0 => state.source = (state.source + 1).min(last),
            // Up from the first source goes on up to the brief's title, as Top does.
            Action::Up if sources > 0 && state.source > 0 => state.source -= 1,
            Action::Up | Action::Top => {
                (state.source, state.scroll) =
                    (0, if matches!(action, Action::Top) { 0 } else { state.scroll.saturating_sub(1) });
                follow_cursor = false;
            }
            Action::ScrollDown { .. } | Action::ScrollUp { .. } => {
                let by = if matches!(action, Action::ScrollDown { .. }) { 3 } else { -3 };
                state.scroll = state.scroll.saturating_add_signed(by).min(end);
                follow_cursor = false;
            }
            Action::Bottom => (state.source, state.scroll) = (last, end),
            Action::Follow if sources > 0 => {
                self.remember();
                self.overlay = Overlay::None;
                self.go_to(ItemRef::new(Section::Sources, state.source.min(last)));
                return;
            }
            Action::Follow => {
                self.message = Some("the brief lists no sources to open".into());
                return;
            }
            Action::FocusPane(pane) => {
                self.overlay = Overlay::None;
                self.focus_pane(pane);
                return;
            }
            Action::ToggleHelp => return self.open_help(),
            Action::Export => return self.open_export(),
            Action::Copy => return self.copy_view(),
            Action::Leave => {
                self.overlay = Overlay::None;
                return;
            }
            action => match scrolled(state.scroll, &action, page, end) {
                Some(scroll) => {
                    state.scroll = scroll;
                    follow_cursor = false;
                }
                None => return,
            },
        }
        let shown = |scroll: usize, range: &std::ops::Range<usize>| range.start >= scroll && range.end <= scroll + page;
        if let Some(range) = crate::tui::overview::source_lines(&lines, state.source) {
            if follow_cursor && !shown(state.scroll, &range) {
                // The source's lines in view, with the heading above the first when it fits.
                state.scroll = if range.start < state.scroll {
                    range.start.saturating_sub(usize::from(state.source == 0))
                } else {
                    (range.end.saturating_sub(page)).min(range.start)
                };
            } else if !follow_cursor && !shown(state.scroll, &range) {
                let in_view = (0..sources)
                    .find(|&s| crate::tui::overview::source_lines(&lines, s).is_some_and(|r| shown(state.scroll, &r)));
                state.source = in_view.unwrap_or(state.source);
            }
        }
        state.scroll = state.scroll.min(end);
        self.overlay = Overlay::Overview(state);
    }

    pub(super) fn open_export(&mut self) {
        let content = self.content_in_view();
        let beneath = Beneath::taking(std::mem::replace(&mut self.overlay, Overlay::None));
        self.overlay = Overlay::Dialog(crate::tui::dialog::Dialog::new(self, content, beneath));
    }

    /// What `e` and `y` pass on: a listing across briefs when one is open, else the selection.
    fn content_in_view(&self) -> crate::tui::dialog::Content {
        use crate::tui::dialog::Content;
        match &self.overlay {
            Overlay::Across(state) => Content::Listing(Box::new(state.listing.clone())),
            Overlay::None if self.nav().only_changed && self.since().is_some() => Content::Changes,
            _ => Content::Selection(self.selection_in_view()),
        }
    }

    pub(super) fn update_dialog(&mut self, action: Action) {
        let Overlay::Dialog(mut dialog) = std::mem::replace(&mut self.overlay, Overlay::None) else { return };
        match dialog.update(action, self) {
            crate::tui::dialog::Outcome::Open => self.overlay = Overlay::Dialog(dialog),
            crate::tui::dialog::Outcome::Closed(message) => {
                self.overlay = dialog.beneath.overlay();
                self.message = message;
            }
        }
    }

    pub(super) fn copy_view(&mut self) {
        let content = self.content_in_view();
        let options = crate::export::Options { format: crate::export::Format::Text, width: 80 };
        let text = crate::tui::dialog::content_text(self, &content, options);
        let items = crate::tui::dialog::content_items(self, &content);
        self.effects.push(Effect::Copy { text, items });
    }
}

/// Where a scrolled overlay (the help, the problems) is after a key: its first line in view,
/// up to `end`, with `page` lines shown; `None` when the key closes it.
fn scrolled(scroll: usize, action: &Action, page: usize, end: usize) -> Option<usize> {
    let page = page.max(1);
    let scroll = match action {
        Action::Down => scroll + 1,
        Action::Up => scroll.saturating_sub(1),
        Action::PageDown => scroll + page,
        Action::PageUp => scroll.saturating_sub(page),
        Action::HalfPageDown => scroll + page.div_ceil(2),
        Action::HalfPageUp => scroll.saturating_sub(page.div_ceil(2)),
        Action::Top => 0,
        Action::Bottom => end,
        Action::Leave | Action::ToggleHelp => return None,
        _ => scroll,
    };
    Some(scroll.min(end))
}

/// What the status line says of a copy: what is known, and only that.
pub(super) fn copied_message(items: usize, to: &crate::tui::clipboard::Copied) -> String {
    let items = if items == 1 { "1 item".to_string() } else { format!("{items} items") };
    match to {
        crate::tui::clipboard::Copied::TmuxBuffer => {
            format!("copied {items} to tmux's paste buffer (prefix ] pastes them)")
        }
        crate::tui::clipboard::Copied::AskedTerminal => {
            format!("asked the terminal to copy {items} (OSC 52); terminals do not confirm it")
        }
    }
}
