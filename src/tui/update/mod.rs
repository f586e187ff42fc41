//! How the reader's state changes: [`App::update`], the one place, and the actions of the
//! lists and the detail pane it hands to the modules beside it.

mod briefs;
mod detail;
mod files;
mod history;
mod library;
mod lists;
mod mouse;
mod overlays;
mod since;

use crate::tui::action::{Action, Pane};
use crate::tui::finder::Search;
use crate::tui::keymap::Context;
use crate::tui::state::*;
use lists::keep_in_view;
use overlays::copied_message;

impl App {
    /// Applies one action. Side effects the runtime must carry out are left in `effects`.
    pub fn update(&mut self, action: Action) {
        // A message stays until the user does something: the terminal resizing, or work left
        // from the last key, is not that.
        if !matches!(action, Action::Resize(..) | Action::Work | Action::FilesChanged(_)) {
            self.message = None;
        }
        match action {
            Action::Resize(width, height) => {
                self.size = (width, height);
                // Every pane of every brief fits its new height, shown or not.
                let pages = self.pane_pages();
                for reading in &mut self.briefs {
                    for pane in Pane::ALL {
                        let count = reading.row_count(pane);
                        keep_in_view(&mut reading.nav.panes[pane as usize], pages[pane as usize], count);
                    }
                }
                if self.nav().focus == Focus::Detail {
                    self.fit_detail(true);
                }
                return;
            }
            Action::Quit => {
                self.effects.push(Effect::Quit);
                return;
            }
            Action::Suspend => {
                self.effects.push(Effect::Suspend);
                return;
            }
            Action::Work => {
                if let Overlay::Picker(picker) = &mut self.overlay {
                    picker.work();
                }
                return;
            }
            // The runtime's answer to `y`, whatever is open by the time it comes.
            Action::Copied { items, to } => self.message = Some(copied_message(items, &to)),
            Action::FilesChanged(paths) => self.files_changed(paths),
            Action::Edited { file, error } => self.edited(file, error),
            Action::Unwatched(why) => {
                self.message = Some(format!("{why}; {} reloads", self.key(Context::Lists, Action::Reload)));
            }
            Action::Click { column, row } => self.click(column, row),
            Action::ScrollDown { column, row } => self.wheel(column, row, true),
            Action::ScrollUp { column, row } => self.wheel(column, row, false),
            action => match self.context() {
                Context::Help => self.update_help(action),
                Context::Matrix => self.update_matrix(action),
                Context::Search => self.update_search(action),
                Context::Library | Context::Finding => self.update_library(action),
                Context::Across => self.update_across(action),
                Context::Picker => self.update_picker(action),
                Context::Dialog => self.update_dialog(action),
                Context::Problems => self.update_problems(action),
                Context::Overview => self.update_overview(action),
                Context::Lists | Context::Detail => self.update_normal(action),
            },
        }
        self.refresh_marks();
        self.read_quoted_source();
        // A pane's height changes with the focus (the part the keyboard is in is larger) and with
        // the pane shown: each keeps its cursor in view of the height it has now.
        let pages = self.pane_pages();
        for pane in Pane::ALL {
            let count = self.row_count(pane);
            keep_in_view(&mut self.nav_mut().panes[pane as usize], pages[pane as usize], count);
        }
        // The detail pane may now show another item: keep its cursor among its references.
        let references = self.reference_count();
        if self.nav().detail.cursor >= references {
            self.nav_mut().detail.cursor = references.saturating_sub(1);
            if self.nav().focus == Focus::Detail {
                self.fit_detail(true);
            }
        }
    }

    /// `?`: the keys, those of where the user is first; closing it returns there.
    pub(super) fn open_help(&mut self) {
        let from = self.context();
        let beneath = Beneath::taking(std::mem::replace(&mut self.overlay, Overlay::None));
        self.overlay = Overlay::Help { from, scroll: 0, beneath };
    }

    fn update_normal(&mut self, action: Action) {
        let in_detail = self.nav().focus == Focus::Detail;
        if !matches!(action, Action::Digit(_)) {
            self.nav_mut().detail.digits.clear();
        }
        match action {
            Action::Down if in_detail => self.move_detail_cursor(1),
            Action::Up if in_detail => self.move_detail_cursor(-1),
            Action::Top if in_detail => {
                self.nav_mut().detail.cursor = 0;
                self.nav_mut().detail.scroll = 0;
            }
            Action::Bottom if in_detail => {
                let last = self.reference_count().saturating_sub(1);
                self.nav_mut().detail.cursor = last;
                self.fit_detail(true);
            }
            Action::PageDown if in_detail => self.scroll_detail(self.detail_page() as isize),
            Action::PageUp if in_detail => self.scroll_detail(-(self.detail_page() as isize)),
            Action::HalfPageDown if in_detail => self.scroll_detail(self.detail_page() as isize / 2),
            Action::HalfPageUp if in_detail => self.scroll_detail(-(self.detail_page() as isize / 2)),
            Action::Down => self.move_cursor(1),
            Action::Up => self.move_cursor(-1),
            Action::Top => self.set_cursor(0),
            Action::Bottom => self.set_cursor(usize::MAX),
            Action::PageDown => self.move_cursor(self.list_page() as isize),
            Action::PageUp => self.move_cursor(-(self.list_page() as isize)),
            Action::HalfPageDown => self.move_cursor((self.list_page() / 2).max(1) as isize),
            Action::HalfPageUp => self.move_cursor(-((self.list_page() / 2).max(1) as isize)),
            Action::NextPane => self.focus_pane(self.nav().active.next()),
            Action::PreviousPane => self.focus_pane(self.nav().active.previous()),
            Action::FocusPane(pane) => self.focus_pane(pane),
            Action::EnterDetail if self.detail_item().is_some() => {
                let nav = self.nav_mut();
                nav.focus = Focus::Detail;
                nav.detail.cursor = 0;
                nav.detail.scroll = 0;
            }
            Action::Leave => self.nav_mut().focus = Focus::List,
            Action::Follow if in_detail => self.follow(self.nav().detail.cursor),
            Action::Digit(digit) if in_detail => self.type_digit(digit),
            Action::ToggleFilter => self.toggle_filter(),
            Action::ToggleChanged => self.toggle_only_changed(),
            Action::OpenEarlier => self.open_earlier(),
            Action::Back => self.go_back(),
            Action::Forward => self.go_forward(),
            Action::StartSearch => {
                let pane = self.nav().active;
                let origin = self.nav().panes[pane as usize].cursor;
                self.nav_mut().focus = Focus::List;
                self.overlay = Overlay::Search(Search::new(pane, origin));
            }
            Action::NextMatch => self.jump_to_match(true),
            Action::PreviousMatch => self.jump_to_match(false),
            Action::OpenPicker => self.open_picker(),
            Action::ToggleMatrix => self.open_matrix(),
            Action::ToggleOverview => self.overlay = Overlay::Overview(OverviewState::default()),
            Action::ToggleHelp => self.open_help(),
            Action::NextBrief => self.switch_brief(true),
            Action::PreviousBrief => self.switch_brief(false),
            Action::ToggleLibrary => {
                self.remember();
                self.open_library();
            }
            Action::Timeline => self.open_timeline(),
            Action::Dossier => self.open_dossier(),
            Action::Export => self.open_export(),
            Action::Copy => self.copy_view(),
            Action::Reload => self.reload(),
            Action::Edit => self.edit(),
            Action::ShowProblems => match self.reading().problems {
                Some(_) => self.overlay = Overlay::Problems { scroll: 0, shelved: None, library: None },
                None => self.message = Some("no problems: the brief's file read cleanly".into()),
            },
            _ => {}
        }
    }
}
