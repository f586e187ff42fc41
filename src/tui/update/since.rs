//! `c` (only what changed since the earlier brief) and `o` (open an item's earlier version):
//! what [`crate::tui::since`] found, acted on.

use crate::diff::ItemState;
use crate::tui::Action;
use crate::tui::since::Earlier;
use crate::tui::state::*;

impl App {
    /// `c`: only what changed since the earlier brief, or everything again. Kept per brief.
    pub(super) fn toggle_only_changed(&mut self) {
        let Some(since) = self.since() else {
            self.message = Some(match self.brief().follows.as_ref() {
                Some(follows) => format!(
                    "this brief follows {}, which is not open: open it too, or give it with --since FILE",
                    crate::text::one_line(&follows.id)
                ),
                None => "this brief follows no other open brief (`follows:`), and no --since FILE was given".into(),
            });
            return;
        };
        let date = crate::library::short_date(&self.earlier_brief(since).date);
        let only = !self.nav().only_changed;
        self.nav_mut().only_changed = only;
        let filter = self.nav().filter;
        self.set_filter(filter);
        self.message = Some(if only {
            format!("showing only what is new or changed since {date} (c to show all)")
        } else {
            "showing everything".into()
        });
    }

    /// Opens the earlier version of the selected item (or of the item in the detail pane) in
    /// the brief before, when that brief is open; `Backspace` comes back.
    pub(super) fn open_earlier(&mut self) {
        let Some(item) = self.detail_item().or_else(|| self.anchor()) else { return };
        let Some(since) = self.since() else {
            self.message = Some("no earlier brief is open to compare with".into());
            return;
        };
        let earlier = match since.earlier_of(item) {
            Some(earlier) => earlier,
            None => {
                let what = match since.diff.state(item) {
                    ItemState::Added => "it is new in this brief",
                    _ => "it is unchanged",
                };
                self.message = Some(format!("no earlier version to open: {what}"));
                return;
            }
        };
        let Earlier::Open(brief) = since.earlier else {
            self.message = Some("the earlier brief was given with --since and is not open in the reader".into());
            return;
        };
        self.remember();
        self.current = brief;
        self.go_to(earlier);
        let date = self.brief().date.human();
        let back = self.key(self.context(), Action::Back);
        self.message = Some(format!("the earlier version, in the brief of {date} ({back} returns)"));
    }
}
