//! Back and forward through the places the reader has been.

use crate::tui::state::*;

impl App {
    pub(super) fn location(&self) -> Location {
        let nav = self.nav();
        Location {
            brief: self.current,
            pane: nav.active,
            item: self.anchor(),
            focus: nav.focus,
            filter: nav.filter,
            screen: match &self.overlay {
                Overlay::Overview(state) => Screen::Overview(state.source),
                Overlay::Library(state) => Screen::Library { cursor: state.cursor, query: state.query.clone() },
                Overlay::Across(state) => Screen::Across(state.clone()),
                _ => Screen::Panes,
            },
        }
    }

    pub(super) fn remember(&mut self) {
        let here = self.location();
        if self.back.last() != Some(&here) {
            self.back.push(here);
        }
        self.forward.clear();
    }

    pub(super) fn go_back(&mut self) {
        let Some(there) = self.back.pop() else {
            self.message = Some("nothing to go back to".into());
            return;
        };
        let here = self.location();
        self.forward.push(here);
        self.restore(there);
    }

    pub(super) fn go_forward(&mut self) {
        let Some(there) = self.forward.pop() else {
            self.message = Some("nothing to go forward to".into());
            return;
        };
        let here = self.location();
        self.back.push(here);
        self.restore(there);
    }

    pub(super) fn restore(&mut self, location: Location) {
        // The library is no brief's: the brief last read stays the one Esc returns to.
        if !matches!(location.screen, Screen::Library { .. }) {
            self.current = location.brief.min(self.briefs.len() - 1);
        }
        self.overlay = match location.screen {
            Screen::Overview(source) => Overlay::Overview(OverviewState { source, scroll: 0 }),
            Screen::Library { cursor, query } => {
                let rows = self.library_rows(&query);
                let cursor = cursor.min(rows.len().saturating_sub(1));
                // Back in the library, nothing below it changes.
                let library = Overlay::Library(LibraryState { cursor, offset: 0, query, typing: false, rows });
                self.overlay = library;
                return;
            }
            Screen::Across(state) => Overlay::Across(state),
            Screen::Panes => Overlay::None,
        };
        if self.nav().filter != location.filter {
            self.set_filter(location.filter);
        }
        self.nav_mut().activate(location.pane);
        if let Some(item) = location.item {
            self.select(location.pane, item.index());
        }
        let nav = self.nav_mut();
        nav.focus = location.focus;
        nav.detail = DetailState::default();
    }
}
