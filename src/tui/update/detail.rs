//! The detail pane: its cursor on the references, scrolling, and following a reference.

use crate::model::ItemRef;
use crate::tui::action::{Action, Pane};
use crate::tui::keymap::Context;
use crate::tui::state::*;

impl App {
    pub(super) fn move_detail_cursor(&mut self, by: isize) {
        let count = self.reference_count();
        let detail = &mut self.nav_mut().detail;
        detail.cursor = (detail.cursor as isize + by).clamp(0, count.saturating_sub(1) as isize) as usize;
        self.fit_detail(true);
    }

    pub(super) fn scroll_detail(&mut self, by: isize) {
        let detail = &mut self.nav_mut().detail;
        detail.scroll = (detail.scroll as isize + by).max(0) as usize;
        self.fit_detail(false);
    }

    /// Keeps the detail pane's scroll within its rows, and the reference cursor in view: by
    /// scrolling to it after the cursor moved, or by moving it into view after a scroll.
    pub(super) fn fit_detail(&mut self, follow_cursor: bool) {
        let layout = crate::tui::layout::Areas::new(self.screen(), self);
        let Some(rect) = layout.detail else { return };
        let (width, height) = (rect.width.saturating_sub(2) as usize, rect.height.saturating_sub(2).max(1) as usize);
        let rows = crate::tui::detail_rows::detail_rows(self, width);
        let detail = &self.nav().detail;
        let (mut scroll, mut cursor) = (detail.scroll, detail.cursor);
        scroll = scroll.min(rows.len().saturating_sub(height));
        let row_of = |n: usize| rows.reference_row(n);
        if follow_cursor {
            if let Some(row) = row_of(cursor) {
                if row < scroll {
                    // Show the group's heading too when it is just above.
                    scroll = row.saturating_sub(usize::from(cursor == 0 || row_of(cursor - 1) != Some(row - 1)));
                } else if row >= scroll + height {
                    scroll = row + 1 - height;
                }
            }
        } else if let Some(row) = row_of(cursor)
            && (row < scroll || row >= scroll + height)
        {
            let in_view = rows.from(scroll).take(height).find_map(|r| match r {
                crate::tui::detail_rows::DetailRow::Reference(n, _) => Some(n),
                _ => None,
            });
            cursor = in_view.unwrap_or(cursor);
        }
        let detail = &mut self.nav_mut().detail;
        detail.scroll = scroll;
        detail.cursor = cursor;
    }

    pub(super) fn type_digit(&mut self, digit: u8) {
        let count = self.reference_count();
        let mut digits = std::mem::take(&mut self.nav_mut().detail.digits);
        digits.push(char::from(b'0' + digit));
        let number: usize = digits.parse().unwrap_or(0);
        if number == 0 || number > count {
            self.message = Some(format!("no reference {digits}: this item has {count}"));
            return;
        }
        // Follow as soon as no further digit could name another reference.
        if number * 10 > count {
            self.follow(number - 1);
        } else {
            let follow = self.key(Context::Detail, Action::Follow);
            self.message = Some(format!("follow {digits}… (another digit, or {follow})"));
            self.nav_mut().detail.cursor = number - 1;
            self.nav_mut().detail.digits = digits;
            self.fit_detail(true);
        }
    }

    /// Follows the n-th reference: the item becomes the selection of its pane, and the place we
    /// left goes on the history.
    pub(super) fn follow(&mut self, n: usize) {
        let Some(target) = self.reference(n) else { return };
        self.remember();
        self.go_to(target);
    }

    /// Shows an item in full: selected in its pane, read in the detail pane.
    pub(super) fn go_to(&mut self, target: ItemRef) {
        self.select(Pane::of(target.section), target.index());
        let nav = self.nav_mut();
        nav.focus = Focus::Detail;
        nav.detail = DetailState::default();
    }
}
