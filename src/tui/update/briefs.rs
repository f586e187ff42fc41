//! Reading the brief's file again, and moving between briefs.

use std::sync::Arc;

use super::lists::keep_in_view;
use crate::model::{ItemRef, Section};
use crate::text::one_line;
use crate::tui::action::Pane;
use crate::tui::state::*;

impl App {
    /// Reads the brief's file again (`r`). A file that is gone, unreadable or now has errors
    /// changes nothing: the reader keeps what it loaded and says why.
    pub(super) fn reload(&mut self) {
        let Some((path, _)) = self.opened().file.clone() else {
            self.message =
                Some(format!("{} was not read from a file: nothing to reload", one_line(&self.opened().name)));
            return;
        };
        let mut file = crate::load::load_file(&path);
        self.message = Some(self.reload_brief(self.current, &mut file));
    }

    /// Puts in place of brief `b` its document of `file`, just read again from the brief's file,
    /// and says what happened. A file that could not be read, or where the brief now has errors,
    /// changes nothing but the brief's problems (what `D` lists). The brief is taken out of the
    /// file, for each of its briefs in turn.
    pub(super) fn reload_brief(
        &mut self,
        b: usize,
        file: &mut Result<crate::load::LoadedFile, crate::load::LoadError>,
    ) -> String {
        let old = self.briefs[b].opened.clone();
        let Some((_, document)) = old.file.clone() else {
            return format!("{} was not read from a file: nothing to reload", one_line(&old.name));
        };
        let file = match file {
            Ok(file) => file,
            Err(error) => return format!("{}; still showing what was loaded", one_line(&error.to_string())),
        };
        // The file's own errors (its YAML did not parse) or this document's stop the reload;
        // another document's do not.
        let broken = |b: &crate::load::LoadedBrief| b.has_errors();
        if file.problems.iter().any(|p| p.is_error()) || file.briefs.get(document).is_some_and(broken) {
            // The file's own problems first (the YAML did not parse), then this brief's, then the
            // other briefs' of the file.
            let this_brief = file.briefs.get(document).into_iter().flat_map(|b| &b.problems);
            let first = file.problems.iter().chain(this_brief).chain(file.all_problems()).find(|p| p.is_error());
            let problems = Problems::of(file, first);
            let errors = problems.errors;
            let first = first.map_or_else(String::new, |p| format!("{} ", one_line(&p.located(&file.origin.name()))));
            self.briefs[b].problems = Some(problems);
            let count = if errors == 1 { "the only error".to_string() } else { format!("1 of {errors} errors") };
            let key = self.key(crate::tui::keymap::Context::Lists, crate::tui::Action::ShowProblems);
            let lists =
                if b == self.current { format!("{key} lists them") } else { format!("{key} in that brief lists them") };
            return format!("{first}({count}; {lists}; still showing what was loaded)");
        }
        let Some((brief, path)) = file.briefs.get_mut(document).and_then(|b| b.brief.take()).zip(old.file.clone())
        else {
            return format!("{} no longer holds this brief; still showing what was loaded", one_line(&old.name));
        };
        self.briefs[b].problems = None;
        // The problems on screen were this brief's, and are fixed.
        if b == self.current && matches!(self.overlay, Overlay::Problems { shelved: None, .. }) {
            self.overlay = Overlay::None;
        }
        let fresh = Arc::new(Opened::from_file(old.name.clone(), brief, path.0, document));
        let warm = fresh.clone();
        let _ = std::thread::Builder::new().name("warm".into()).spawn(move || warm.warm_finder());
        // Every selection of the brief is kept by id, as for the brief in view.
        let current = std::mem::replace(&mut self.current, b);
        self.replace_brief(&old, fresh);
        self.current = current;
        let items: usize = Section::ALL.iter().map(|&s| self.briefs[b].opened.brief.len(s)).sum();
        format!("reloaded {}: {items} items", one_line(&self.briefs[b].opened.name))
    }

    /// Swaps in a new version of the current brief, keeping each selection, the filter, the
    /// detail pane and the history on the same ids where they still exist.
    pub(super) fn replace_brief(&mut self, old: &Opened, fresh: Arc<Opened>) {
        let same = |item: Option<ItemRef>| -> Option<ItemRef> {
            let item = item?;
            fresh.index.lookup(&fresh.brief, old.brief.id_of(item)).filter(|found| found.section == item.section)
        };
        let selected: Vec<Option<ItemRef>> = Pane::ALL.iter().map(|&p| same(self.selected(p))).collect();
        let filter = same(self.nav().filter);
        let shown = same(self.detail_item());
        let before = self.nav().panes;
        let detail_before = self.nav().detail.clone();
        let current = self.current;
        for location in self.back.iter_mut().chain(self.forward.iter_mut()).filter(|l| l.brief == current) {
            location.item = same(location.item);
            location.filter = same(location.filter);
            if let Screen::Overview(source) = &mut location.screen {
                *source = same(Some(ItemRef::new(Section::Sources, *source))).map_or(0, ItemRef::index);
            }
        }
        let reading = self.reading_mut();
        reading.opened = fresh;
        // What the library knows of this brief is of its old items: it is built again, every
        // brief's summary across briefs is made again when next shown, and the listings history
        // would bring back are let go.
        self.library = crate::library::Library::build(&self.brief_refs());
        for reading in &mut self.briefs {
            reading.marks_for = None;
            // What changed since the earlier brief is worked out again, from either side.
            reading.since = Default::default();
        }
        for location in self.back.iter_mut().chain(self.forward.iter_mut()) {
            if matches!(location.screen, Screen::Across(_)) {
                location.screen = Screen::Panes;
            }
        }
        let reading = self.reading_mut();
        // The marks and references were of the old brief's items: none may outlive it, even
        // where the new brief leaves nothing selected.
        reading.marks_for = None;
        reading.marks = Default::default();
        reading.groups = Vec::new();
        reading.source_texts.clear();
        reading.nav.search = None;
        reading.nav.rows = Default::default();
        reading.nav.filter = None;
        self.set_filter(filter);
        // Each pane keeps its item and the rows in view round it; an item gone leaves the
        // cursor on the nearest row.
        let pages = self.pane_pages();
        for (pane, item) in Pane::ALL.into_iter().zip(selected) {
            let was = before[pane as usize];
            let cursor = item.and_then(|i| self.row_of(pane, i.index())).unwrap_or(was.cursor);
            let (page, count) = (pages[pane as usize], self.row_count(pane));
            let state = &mut self.nav_mut().panes[pane as usize];
            *state = PaneState { cursor, offset: was.offset };
            keep_in_view(state, page, count);
        }
        self.nav_mut().detail = detail_before;
        self.refresh_marks();
        // The detail pane stays open on the item it showed, if that item is still there.
        let same_item_shown = shown.is_some() && self.detail_item() == shown;
        let nav = self.nav_mut();
        if !same_item_shown {
            nav.detail = DetailState::default();
            nav.focus = Focus::List;
        }
        self.fit_detail(true);
    }

    /// Moves to the next brief in time or the one before (from the newest, round to the
    /// oldest), keeping the list and the selected item by id where that brief has it, else the
    /// row the cursor was on, and saying which.
    pub(super) fn switch_brief(&mut self, newer: bool) {
        let count = self.briefs.len();
        if count < 2 {
            self.message = Some("only one brief is open".into());
            return;
        }
        let (pane, focus) = (self.nav().active, self.nav().focus);
        let row = self.nav().panes[pane as usize].cursor;
        let selected =
            self.anchor().map(|item| (self.brief().id_of(item).to_string(), self.brief().name_of(item).to_string()));
        let round = if newer { self.library.oldest_first().next() } else { self.library.oldest_first().last() };
        let next = self.library.step(self.current, newer);
        self.current = next.or(round).unwrap_or(self.current);
        let title = one_line(&self.brief().title).into_owned();
        let date = self.brief().date.human();
        let mut message = format!("brief {}/{count} in time: {date} · {title}", self.library.rank(self.current) + 1);
        if next.is_none() {
            message.push_str(if newer {
                " (past the newest, back to the oldest)"
            } else {
                " (before the oldest, on to the newest)"
            });
        }
        let found = selected.as_ref().and_then(|(id, _)| {
            let opened = self.opened();
            opened.index.lookup(&opened.brief, id).filter(|item| item.section == pane.section())
        });
        match found {
            Some(item) => {
                self.select(pane, item.index());
                self.nav_mut().focus = focus;
                self.nav_mut().detail = DetailState::default();
            }
            None => {
                self.focus_pane(pane);
                self.set_cursor(row);
                if let Some((_, name)) = selected {
                    message.push_str(&format!(" · {} is not in this brief", one_line(&name)));
                }
            }
        }
        self.message = Some(message);
    }
}
