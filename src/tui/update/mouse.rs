//! Clicks and the wheel.

use crate::tui::action::{Action, Pane};
use crate::tui::state::*;

impl App {
    pub(super) fn click(&mut self, column: u16, row: u16) {
        if matches!(self.overlay, Overlay::Library(_) | Overlay::Across(_)) {
            return self.click_across(column, row);
        }
        if !matches!(self.overlay, Overlay::None) {
            return;
        }
        let layout = crate::tui::layout::Areas::new(self.screen(), self);
        let inside = |r: ratatui::layout::Rect| r.contains(ratatui::layout::Position::new(column, row));
        let tab = Pane::ALL.into_iter().find(|&p| layout.tabs[p as usize].is_some_and(inside));
        if let Some(pane) = tab {
            self.focus_pane(pane);
        } else if let Some(pane) = Pane::ALL.into_iter().find(|&p| layout.pane(p).is_some_and(inside)) {
            let rect = layout.pane(pane).unwrap_or_default();
            self.focus_pane(pane);
            if row > rect.y && row < rect.y + rect.height - 1 {
                let offset = self.nav().panes[pane as usize].offset;
                self.set_cursor(offset + (row - rect.y - 1) as usize);
            }
        } else if layout.detail.is_some_and(inside) && self.detail_item().is_some() {
            self.nav_mut().focus = Focus::Detail;
        }
    }

    /// A click on a row of the library or of a listing across briefs selects it.
    fn click_across(&mut self, column: u16, row: u16) {
        use crate::tui::view::library;
        let screen = self.screen();
        let inside = |r: ratatui::layout::Rect| r.contains(ratatui::layout::Position::new(column, row));
        match &mut self.overlay {
            Overlay::Library(state) => {
                let (list, _) = library::areas(screen, state.rows.len() + 1);
                // Inside the border, under the column heads.
                let first_row = list.y + 2;
                let rows = usize::from(list.height.saturating_sub(3));
                if inside(list) && row >= first_row && row + 1 < list.bottom() {
                    let clicked = library::first_row(state, rows) + usize::from(row - first_row);
                    if clicked < state.rows.len() {
                        state.cursor = clicked;
                    }
                }
            }
            Overlay::Across(state) => {
                let listing = &state.listing;
                let (list, _) = library::areas(screen, listing.row_count() + listing.groups.len());
                let first = library::first_line(state, usize::from(list.height.saturating_sub(2)));
                if inside(list) && row > list.y && row + 1 < list.bottom() {
                    let line = first + usize::from(row - list.y - 1);
                    if let Some(clicked) = library::row_of_line(listing, line) {
                        state.cursor = clicked;
                    }
                }
            }
            _ => {}
        }
    }

    pub(super) fn wheel(&mut self, column: u16, row: u16, down: bool) {
        let by = if down { 3 } else { -3 };
        let help_end = self.help_end();
        match &mut self.overlay {
            Overlay::Help { scroll, .. } => {
                *scroll = scroll.saturating_add_signed(by).min(help_end);
                return;
            }
            Overlay::Overview(_) => {
                let action = if down { Action::ScrollDown { column, row } } else { Action::ScrollUp { column, row } };
                return self.update_overview(action);
            }
            Overlay::Library(_) | Overlay::Across(_) => {
                let step = if down { Action::Down } else { Action::Up };
                for _ in 0..3 {
                    match self.overlay {
                        Overlay::Library(_) => self.update_library(step.clone()),
                        _ => self.update_across(step.clone()),
                    }
                }
                return;
            }
            Overlay::None => {}
            _ => return,
        }
        let layout = crate::tui::layout::Areas::new(self.screen(), self);
        let inside = |r: ratatui::layout::Rect| r.contains(ratatui::layout::Position::new(column, row));
        if layout.detail.is_some_and(inside) {
            self.scroll_detail(by);
        } else if let Some(pane) = Pane::ALL.into_iter().find(|&p| layout.pane(p).is_some_and(inside)) {
            self.focus_pane(pane);
            self.move_cursor(by);
        }
    }
}
