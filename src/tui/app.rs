//! The reader's state and the one place it changes: [`App::update`]. No terminal here: tests
//! drive it with actions and read the state back.

use std::sync::Arc;

use super::action::{Action, Pane};
use super::finder::{Picker, Search};
use super::keymap::Context;
use crate::index::{Group, Index, references};
use crate::model::{Brief, ItemRef, Section};
use crate::text::one_line;

/// A brief ready to read: the model, its index, a name for the header, and the search texts
/// built the first time they are needed.
pub struct Loaded {
    pub name: String,
    pub brief: Brief,
    pub index: Index,
    pub finder: super::finder::FinderCache,
    /// The file the brief came from and its place among the file's documents, so `r` can
    /// read it again; `None` for the bundled sample and stdin.
    pub file: Option<(std::path::PathBuf, usize)>,
}

impl Loaded {
    pub fn new(name: String, brief: Brief) -> Loaded {
        let index = Index::build(&brief);
        Loaded::indexed(name, brief, index)
    }

    /// A brief whose index was built already (`index` must be the brief's own).
    pub fn indexed(name: String, brief: Brief, index: Index) -> Loaded {
        Loaded { name, brief, index, finder: Default::default(), file: None }
    }

    /// A brief read from the `document`-th document of a file.
    pub fn from_file(name: String, brief: Brief, path: std::path::PathBuf, document: usize) -> Loaded {
        Loaded { file: Some((path, document)), ..Loaded::new(name, brief) }
    }

    /// Builds the search texts and picker entries now, so the first keystroke of a search is
    /// as fast as the rest. The reader calls it on a background thread once the brief is shown.
    pub fn warm_finder(&self) {
        self.finder.warm(&self.brief);
    }
}

/// Where the keyboard is: one of the list panes or the detail pane.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    List,
    Detail,
}

/// A list pane's cursor and the first row in view.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PaneState {
    pub cursor: usize,
    pub offset: usize,
}

/// The detail pane: the reference under the cursor and how far the text is scrolled.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DetailState {
    /// An item shown in the detail pane that no list pane holds (a topic, an event, a source).
    pub item: Option<ItemRef>,
    pub cursor: usize,
    pub scroll: usize,
    /// Digits typed so far to follow a reference by number.
    pub digits: String,
}

/// A place in the reader, as history remembers it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    pub brief: usize,
    pub pane: Pane,
    pub item: Option<ItemRef>,
    pub focus: Focus,
    pub detail_item: Option<ItemRef>,
    pub filter: Option<ItemRef>,
}

/// Everything about how one brief is being read.
pub struct View {
    pub panes: [PaneState; 4],
    /// The list pane whose selection anchors the marks and the detail pane.
    pub active: Pane,
    pub focus: Focus,
    pub detail: DetailState,
    /// `f`: the item every pane is narrowed to, with what is related to it.
    pub filter: Option<ItemRef>,
    /// The rows of each pane while filtered: item positions in the section.
    pub rows: [Option<Vec<u32>>; 4],
    /// The last search, for n/N.
    pub search: Option<Search>,
}

impl View {
    fn new() -> View {
        View {
            panes: [PaneState::default(); 4],
            active: Pane::Actors,
            focus: Focus::List,
            detail: DetailState::default(),
            filter: None,
            rows: [None, None, None, None],
            search: None,
        }
    }
}

/// A brief with its view and the caches reading it builds.
pub struct Reading {
    pub loaded: Arc<Loaded>,
    pub view: View,
    /// Items related to the anchor, per pane, sorted: the marks.
    pub marks: [Vec<u32>; 4],
    pub marks_for: Option<ItemRef>,
    /// The texts of sources with a `file`, by source, read when a quote citing one is shown:
    /// the text, or why it could not be read.
    pub source_texts: std::collections::HashMap<usize, Result<String, String>>,
    /// What the last reading of the brief's file found wrong, while the brief as loaded stays.
    pub problems: Option<Problems>,
}

/// The diagnostics of a file that could not replace the brief on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problems {
    pub errors: usize,
    /// The report as `brief check` prints it, a line at a time.
    pub report: Vec<String>,
}

impl Reading {
    /// How many rows a pane shows (all items, or the filtered ones).
    pub fn row_count(&self, pane: Pane) -> usize {
        match &self.view.rows[pane as usize] {
            Some(rows) => rows.len(),
            None => self.loaded.brief.len(pane.section()),
        }
    }
}

/// The stance matrix overlay: the cell under the cursor and the first row and column in view.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MatrixState {
    pub row: usize,
    pub column: usize,
}

/// What is drawn over the panes and takes the keys.
pub enum Overlay {
    None,
    /// The keys, opened from a context whose keys come first.
    Help {
        from: Context,
        scroll: usize,
    },
    Matrix(MatrixState),
    Search(Search),
    Picker(Box<Picker>),
    Dialog(super::dialog::Dialog),
    /// The problems of the last reload, scrolled.
    Problems {
        scroll: usize,
    },
}

/// What the runtime must do after an update: the state machine asks, the runtime acts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Quit,
    Suspend,
    /// Put this text, `items` items of the brief, on a clipboard; the runtime answers with
    /// [`Action::Copied`].
    Copy {
        text: String,
        items: usize,
    },
}

pub struct App {
    pub briefs: Vec<Reading>,
    pub current: usize,
    pub overlay: Overlay,
    pub back: Vec<Location>,
    pub forward: Vec<Location>,
    /// The terminal size, for paging and layout.
    pub size: (u16, u16),
    /// A one-line message for the status bar.
    pub message: Option<String>,
    pub effects: Vec<Effect>,
    /// Whether colours may be used (not with `NO_COLOR`).
    pub color: bool,
    /// Folder exports are written to.
    pub export_dir: std::path::PathBuf,
}

impl App {
    pub fn new(briefs: Vec<Loaded>) -> App {
        let mut app = App {
            briefs: briefs
                .into_iter()
                .map(|loaded| Reading {
                    loaded: Arc::new(loaded),
                    view: View::new(),
                    marks: Default::default(),
                    marks_for: None,
                    source_texts: Default::default(),
                    problems: None,
                })
                .collect(),
            current: 0,
            overlay: Overlay::None,
            back: Vec::new(),
            forward: Vec::new(),
            size: (80, 24),
            message: None,
            effects: Vec::new(),
            color: true,
            export_dir: std::path::PathBuf::from("."),
        };
        app.refresh_marks();
        app
    }

    // ----- reading the state -----

    pub fn reading(&self) -> &Reading {
        &self.briefs[self.current]
    }

    fn reading_mut(&mut self) -> &mut Reading {
        &mut self.briefs[self.current]
    }

    pub fn loaded(&self) -> &Loaded {
        &self.reading().loaded
    }

    pub fn brief(&self) -> &Brief {
        &self.loaded().brief
    }

    pub fn view(&self) -> &View {
        &self.reading().view
    }

    fn view_mut(&mut self) -> &mut View {
        &mut self.reading_mut().view
    }

    /// The whole terminal, as the last resize gave it.
    pub fn screen(&self) -> ratatui::layout::Rect {
        ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1)
    }

    /// Whether work is left that [`Action::Work`] would carry on with.
    pub fn pending_work(&self) -> bool {
        matches!(&self.overlay, Overlay::Picker(picker) if picker.pending())
    }

    /// The context keys are read in.
    pub fn context(&self) -> Context {
        match &self.overlay {
            Overlay::None => match self.view().focus {
                Focus::List => Context::Lists,
                Focus::Detail => Context::Detail,
            },
            Overlay::Help { .. } => Context::Help,
            Overlay::Matrix(_) => Context::Matrix,
            Overlay::Search(_) => Context::Search,
            Overlay::Picker(_) => Context::Picker,
            Overlay::Dialog(_) => Context::Dialog,
            Overlay::Problems { .. } => Context::Problems,
        }
    }

    /// How many rows a pane shows (all items, or the filtered ones).
    pub fn row_count(&self, pane: Pane) -> usize {
        self.reading().row_count(pane)
    }

    /// The item at a row of a pane.
    pub fn item_at(&self, pane: Pane, row: usize) -> Option<usize> {
        match &self.view().rows[pane as usize] {
            Some(rows) => rows.get(row).map(|&i| i as usize),
            None => (row < self.brief().len(pane.section())).then_some(row),
        }
    }

    /// The row holding an item in a pane, if shown.
    pub fn row_of(&self, pane: Pane, item: usize) -> Option<usize> {
        match &self.view().rows[pane as usize] {
            Some(rows) => rows.binary_search(&(item as u32)).ok(),
            None => (item < self.brief().len(pane.section())).then_some(item),
        }
    }

    /// The selected item of a pane.
    pub fn selected(&self, pane: Pane) -> Option<ItemRef> {
        self.item_at(pane, self.view().panes[pane as usize].cursor).map(|i| ItemRef::new(pane.section(), i))
    }

    /// The item the marks and the detail pane are about.
    pub fn anchor(&self) -> Option<ItemRef> {
        self.selected(self.view().active)
    }

    /// What the detail pane shows.
    pub fn detail_item(&self) -> Option<ItemRef> {
        self.view().detail.item.or_else(|| self.anchor())
    }

    /// The detail pane's references, grouped.
    pub fn detail_groups(&self) -> Vec<Group> {
        match self.detail_item() {
            Some(item) => references(self.brief(), &self.loaded().index, item),
            None => Vec::new(),
        }
    }

    /// Whether an item of a pane is related to the anchor.
    pub fn is_marked(&self, pane: Pane, item: usize) -> bool {
        self.reading().marks[pane as usize].binary_search(&(item as u32)).is_ok()
    }

    // ----- changing the state -----

    /// Applies one action. Side effects the runtime must carry out are left in `effects`.
    pub fn update(&mut self, action: Action) {
        self.message = None;
        match action {
            Action::Resize(width, height) => {
                self.size = (width, height);
                // Every pane of every brief fits its new height, shown or not.
                let pages = Pane::ALL.map(|pane| self.pane_page(pane));
                for reading in &mut self.briefs {
                    for pane in Pane::ALL {
                        let count = reading.row_count(pane);
                        keep_in_view(&mut reading.view.panes[pane as usize], pages[pane as usize], count);
                    }
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
            Action::Click { column, row } => self.click(column, row),
            Action::ScrollDown { column, row } => self.wheel(column, row, true),
            Action::ScrollUp { column, row } => self.wheel(column, row, false),
            action => match self.context() {
                Context::Help => self.update_help(action),
                Context::Matrix => self.update_matrix(action),
                Context::Search => self.update_search(action),
                Context::Picker => self.update_picker(action),
                Context::Dialog => self.update_dialog(action),
                Context::Problems => self.update_problems(action),
                Context::Lists | Context::Detail => self.update_normal(action),
            },
        }
        self.refresh_marks();
        self.read_quoted_source();
        // The detail pane may now show another item: keep its cursor among its references.
        let references = self.reference_count();
        let detail = &mut self.view_mut().detail;
        if detail.cursor >= references {
            detail.cursor = references.saturating_sub(1);
        }
    }

    fn update_normal(&mut self, action: Action) {
        let in_detail = self.view().focus == Focus::Detail;
        if !matches!(action, Action::Digit(_)) {
            self.view_mut().detail.digits.clear();
        }
        match action {
            Action::Down if in_detail => self.move_detail_cursor(1),
            Action::Up if in_detail => self.move_detail_cursor(-1),
            Action::Top if in_detail => {
                self.view_mut().detail.cursor = 0;
                self.view_mut().detail.scroll = 0;
            }
            Action::Bottom if in_detail => {
                let last = self.reference_count().saturating_sub(1);
                self.view_mut().detail.cursor = last;
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
            Action::NextPane => self.focus_pane(self.view().active.next()),
            Action::PreviousPane => self.focus_pane(self.view().active.previous()),
            Action::FocusPane(pane) => self.focus_pane(pane),
            Action::EnterDetail if self.detail_item().is_some() => {
                let view = self.view_mut();
                view.focus = Focus::Detail;
                view.detail.cursor = 0;
                view.detail.scroll = 0;
            }
            Action::Leave => {
                let view = self.view_mut();
                view.focus = Focus::List;
                view.detail.item = None;
            }
            Action::Follow if in_detail => self.follow(self.view().detail.cursor),
            Action::Digit(digit) if in_detail => self.type_digit(digit),
            Action::ToggleFilter => self.toggle_filter(),
            Action::Back => self.go_back(),
            Action::Forward => self.go_forward(),
            Action::StartSearch => {
                let pane = self.view().active;
                let origin = self.view().panes[pane as usize].cursor;
                self.view_mut().focus = Focus::List;
                self.overlay = Overlay::Search(Search::new(pane, origin));
            }
            Action::NextMatch => self.jump_to_match(true),
            Action::PreviousMatch => self.jump_to_match(false),
            Action::OpenPicker => self.overlay = Overlay::Picker(Box::new(Picker::new(&self.reading().loaded))),
            Action::ToggleMatrix => self.open_matrix(),
            Action::ToggleHelp => self.overlay = Overlay::Help { from: self.context(), scroll: 0 },
            Action::NextBrief => self.switch_brief(1),
            Action::PreviousBrief => self.switch_brief(-1),
            Action::Export => self.open_export(),
            Action::Copy => self.copy_view(),
            Action::Copied { items, to } => self.message = Some(copied_message(items, &to)),
            Action::Reload => self.reload(),
            Action::ShowProblems => match self.reading().problems {
                Some(_) => self.overlay = Overlay::Problems { scroll: 0 },
                None => self.message = Some("no problems: the brief's file read cleanly".into()),
            },
            _ => {}
        }
    }

    // ----- lists -----

    /// Rows a page of the focused list holds, from the last known terminal size.
    pub fn list_page(&self) -> usize {
        self.pane_page(self.view().active)
    }

    /// Rows a page of a pane holds: where it is shown, or where it would be when focused (one
    /// pane at a time, they all take the same place).
    fn pane_page(&self, pane: Pane) -> usize {
        let layout = super::layout::Areas::new(self.screen(), self);
        let rect = layout.pane(pane).or_else(|| layout.pane(self.view().active));
        rect.map_or(10, |r| r.height.saturating_sub(2) as usize).max(1)
    }

    fn detail_page(&self) -> usize {
        let layout = super::layout::Areas::new(self.screen(), self);
        layout.detail.map_or(10, |r| r.height.saturating_sub(2) as usize).max(1)
    }

    fn move_cursor(&mut self, by: isize) {
        let pane = self.view().active;
        let cursor = self.view().panes[pane as usize].cursor as isize;
        self.set_cursor((cursor + by).max(0) as usize);
    }

    /// Moves the active pane's cursor, clamped to its rows, keeping it in view.
    fn set_cursor(&mut self, cursor: usize) {
        let pane = self.view().active;
        let count = self.row_count(pane);
        let page = self.list_page();
        let view = self.view_mut();
        view.detail.item = None;
        let state = &mut view.panes[pane as usize];
        state.cursor = cursor;
        keep_in_view(state, page, count);
    }

    fn focus_pane(&mut self, pane: Pane) {
        let view = self.view_mut();
        view.active = pane;
        view.focus = Focus::List;
        view.detail.item = None;
    }

    /// Places the cursor on an item of a pane, clearing a filter that hides it.
    fn select(&mut self, pane: Pane, item: usize) {
        if self.row_of(pane, item).is_none() {
            self.set_filter(None);
        }
        let row = self.row_of(pane, item).unwrap_or(0);
        let page = self.list_page();
        let count = self.row_count(pane);
        let view = self.view_mut();
        view.active = pane;
        view.detail.item = None;
        let state = &mut view.panes[pane as usize];
        state.cursor = row;
        keep_in_view(state, page, count);
    }

    // ----- marks and the filter -----

    /// The source a quote in the detail pane cites, when it has a `file`: its index and path.
    pub fn quoted_source(&self) -> Option<(usize, &str)> {
        let item = self.detail_item().filter(|i| i.section == Section::Quotes)?;
        let quote = &self.brief().quotes[item.index()];
        let source = self.loaded().index.resolve(self.brief(), quote.source.as_ref()?, Section::Sources)?;
        Some((source, self.brief().sources[source].file.as_deref()?))
    }

    /// Reads the text of the source the shown quote cites, the first time it is needed, so
    /// the detail pane can show the quote in its context. A file gone or unreadable since the
    /// brief was loaded is said once; the brief as loaded stays.
    fn read_quoted_source(&mut self) {
        let Some((source, file)) = self.quoted_source() else { return };
        if self.reading().source_texts.contains_key(&source) {
            return;
        }
        let folder = match &self.loaded().file {
            Some((path, _)) => path.parent().map(std::path::Path::to_path_buf).unwrap_or_default(),
            None => std::path::PathBuf::from("."),
        };
        let text = crate::load::source_text(&folder, file);
        if let Err(why) = &text {
            self.message = Some(format!("cannot read {}, the source's text: {why}", one_line(file)));
        }
        self.reading_mut().source_texts.insert(source, text);
    }

    /// Recomputes which items are related to the anchor, when the anchor changed.
    fn refresh_marks(&mut self) {
        let anchor = self.anchor();
        if self.reading().marks_for == anchor {
            return;
        }
        let marks = match anchor {
            Some(item) => related(self.brief(), &self.loaded().index, item),
            None => Default::default(),
        };
        let reading = self.reading_mut();
        reading.marks = marks;
        reading.marks_for = anchor;
    }

    fn toggle_filter(&mut self) {
        if self.view().filter.is_some() {
            self.set_filter(None);
            self.message = Some("showing everything".into());
        } else if let Some(anchor) = self.anchor() {
            self.set_filter(Some(anchor));
            let name = item_name(self.brief(), anchor);
            self.message = Some(format!("showing what is related to {name} (f to show all)"));
        }
    }

    /// Narrows every pane to an item and what is related to it (or shows all again), keeping
    /// each pane's selected item where it is still shown.
    fn set_filter(&mut self, filter: Option<ItemRef>) {
        let selected: Vec<Option<usize>> = Pane::ALL.iter().map(|&p| self.selected(p).map(ItemRef::index)).collect();
        let rows = match filter {
            Some(item) => {
                let mut related = related(self.brief(), &self.loaded().index, item);
                if let Some(pane) = Pane::of(item.section) {
                    let own = &mut related[pane as usize];
                    if let Err(at) = own.binary_search(&item.index) {
                        own.insert(at, item.index);
                    }
                }
                related.map(Some)
            }
            None => [None, None, None, None],
        };
        self.view_mut().rows = rows;
        self.view_mut().filter = filter;
        for pane in Pane::ALL {
            let row = selected[pane as usize].and_then(|item| self.row_of(pane, item)).unwrap_or(0);
            let (page, count) = (self.pane_page(pane), self.row_count(pane));
            let state = &mut self.view_mut().panes[pane as usize];
            state.cursor = row;
            state.offset = 0;
            keep_in_view(state, page, count);
        }
        if let Some(item) = filter.and_then(|f| Pane::of(f.section).map(|p| (p, f.index())))
            && self.view().filter.is_some()
        {
            let (pane, index) = item;
            if let Some(row) = self.row_of(pane, index) {
                self.view_mut().panes[pane as usize].cursor = row;
            }
        }
    }

    // ----- the detail pane -----

    /// How many references the detail pane numbers.
    pub fn reference_count(&self) -> usize {
        self.detail_groups().iter().map(|g| g.items.len()).sum()
    }

    /// The n-th reference (0-based), counting through the groups.
    pub fn reference(&self, n: usize) -> Option<ItemRef> {
        self.detail_groups().into_iter().flat_map(|g| g.items).nth(n)
    }

    fn move_detail_cursor(&mut self, by: isize) {
        let count = self.reference_count();
        let detail = &mut self.view_mut().detail;
        detail.cursor = (detail.cursor as isize + by).clamp(0, count.saturating_sub(1) as isize) as usize;
        self.fit_detail(true);
    }

    fn scroll_detail(&mut self, by: isize) {
        let detail = &mut self.view_mut().detail;
        detail.scroll = (detail.scroll as isize + by).max(0) as usize;
        self.fit_detail(false);
    }

    /// Keeps the detail pane's scroll within its rows, and the reference cursor in view: by
    /// scrolling to it after the cursor moved, or by moving it into view after a scroll.
    fn fit_detail(&mut self, follow_cursor: bool) {
        let layout = super::layout::Areas::new(self.screen(), self);
        let Some(rect) = layout.detail else { return };
        let (width, height) = (rect.width.saturating_sub(2) as usize, rect.height.saturating_sub(2).max(1) as usize);
        let rows = super::view::detail_rows(self, width);
        let detail = &self.view().detail;
        let (mut scroll, mut cursor) = (detail.scroll, detail.cursor);
        scroll = scroll.min(rows.len().saturating_sub(height));
        let row_of = |n: usize| super::view::reference_row(&rows, n);
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
            let in_view = rows.iter().skip(scroll).take(height).find_map(|r| match r {
                super::view::DetailRow::Reference(n, _) => Some(*n),
                _ => None,
            });
            cursor = in_view.unwrap_or(cursor);
        }
        let detail = &mut self.view_mut().detail;
        detail.scroll = scroll;
        detail.cursor = cursor;
    }

    fn type_digit(&mut self, digit: u8) {
        let count = self.reference_count();
        let mut digits = std::mem::take(&mut self.view_mut().detail.digits);
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
            self.message = Some(format!("follow {digits}… (another digit, or Enter)"));
            self.view_mut().detail.cursor = number - 1;
            self.view_mut().detail.digits = digits;
            self.fit_detail(true);
        }
    }

    /// Follows the n-th reference: the item becomes the selection (in its pane) or the detail
    /// (a topic, event or source), and the place we left goes on the history.
    fn follow(&mut self, n: usize) {
        let Some(target) = self.reference(n) else { return };
        self.remember();
        self.go_to(target);
    }

    /// Shows an item: selected in its pane, or in the detail pane when no pane holds it.
    fn go_to(&mut self, target: ItemRef) {
        match Pane::of(target.section) {
            Some(pane) => {
                self.select(pane, target.index());
                let view = self.view_mut();
                view.focus = Focus::Detail;
                view.detail = DetailState::default();
            }
            None => {
                let view = self.view_mut();
                view.focus = Focus::Detail;
                view.detail = DetailState { item: Some(target), ..DetailState::default() };
            }
        }
    }

    // ----- history -----

    fn location(&self) -> Location {
        let view = self.view();
        Location {
            brief: self.current,
            pane: view.active,
            item: self.anchor(),
            focus: view.focus,
            detail_item: view.detail.item,
            filter: view.filter,
        }
    }

    fn remember(&mut self) {
        let here = self.location();
        if self.back.last() != Some(&here) {
            self.back.push(here);
        }
        self.forward.clear();
    }

    fn go_back(&mut self) {
        let Some(there) = self.back.pop() else {
            self.message = Some("nothing to go back to".into());
            return;
        };
        let here = self.location();
        self.forward.push(here);
        self.restore(there);
    }

    fn go_forward(&mut self) {
        let Some(there) = self.forward.pop() else {
            self.message = Some("nothing to go forward to".into());
            return;
        };
        let here = self.location();
        self.back.push(here);
        self.restore(there);
    }

    fn restore(&mut self, location: Location) {
        self.current = location.brief.min(self.briefs.len() - 1);
        self.overlay = Overlay::None;
        if self.view().filter != location.filter {
            self.set_filter(location.filter);
        }
        self.view_mut().active = location.pane;
        if let Some(item) = location.item {
            self.select(location.pane, item.index());
        }
        let view = self.view_mut();
        view.focus = location.focus;
        view.detail = DetailState { item: location.detail_item, ..DetailState::default() };
    }

    // ----- briefs -----

    /// Reads the brief's file again (`r`). A file that is gone, unreadable or now has errors
    /// changes nothing: the reader keeps what it loaded and says why.
    fn reload(&mut self) {
        let old = self.reading().loaded.clone();
        let Some((path, document)) = old.file.clone() else {
            self.message = Some(format!("{} was not read from a file: nothing to reload", one_line(&old.name)));
            return;
        };
        let file = match crate::load::load_file(&path) {
            Ok(file) => file,
            Err(error) => {
                self.message = Some(format!("{}; still showing what was loaded", one_line(&error.to_string())));
                return;
            }
        };
        if file.has_errors() {
            let errors = file.all_problems().filter(|p| p.is_error()).count();
            let first = file.all_problems().find(|p| p.is_error()).map_or_else(String::new, |p| {
                let place = p.span.map_or(String::new(), |s| format!(":{}:{}", s.line, s.column));
                format!("{}{place}: {} ", one_line(&old.name), one_line(&p.message))
            });
            let report = crate::load::render::human(&file, false).lines().map(str::to_string).collect();
            self.reading_mut().problems = Some(Problems { errors, report });
            let count = if errors == 1 { "the only error".to_string() } else { format!("1 of {errors} errors") };
            self.message = Some(format!("{first}({count}; D lists them; still showing what was loaded)"));
            return;
        }
        let Some(brief) = file.into_valid_briefs().into_iter().nth(document) else {
            self.message =
                Some(format!("{} no longer holds this brief; still showing what was loaded", one_line(&old.name)));
            return;
        };
        self.reading_mut().problems = None;
        let fresh = Arc::new(Loaded::from_file(old.name.clone(), brief, path, document));
        let warm = fresh.clone();
        let _ = std::thread::Builder::new().name("warm".into()).spawn(move || warm.warm_finder());
        self.replace_brief(&old, fresh);
        let items: usize = Section::ALL.iter().map(|&s| self.brief().len(s)).sum();
        self.message = Some(format!("reloaded {}: {items} items", one_line(&self.loaded().name)));
    }

    /// Swaps in a new version of the current brief, keeping each selection, the filter, the
    /// detail pane and the history on the same ids where they still exist.
    fn replace_brief(&mut self, old: &Loaded, fresh: Arc<Loaded>) {
        let same = |item: Option<ItemRef>| -> Option<ItemRef> {
            let item = item?;
            fresh.index.lookup(&fresh.brief, old.brief.id_of(item)).filter(|found| found.section == item.section)
        };
        let selected: Vec<Option<ItemRef>> = Pane::ALL.iter().map(|&p| same(self.selected(p))).collect();
        let filter = same(self.view().filter);
        let shown = same(self.detail_item());
        let detail = same(self.view().detail.item);
        let before = self.view().panes;
        let detail_before = self.view().detail.clone();
        let current = self.current;
        for location in self.back.iter_mut().chain(self.forward.iter_mut()).filter(|l| l.brief == current) {
            location.item = same(location.item);
            location.filter = same(location.filter);
            location.detail_item = same(location.detail_item);
        }
        let reading = self.reading_mut();
        reading.loaded = fresh;
        reading.marks_for = None;
        reading.source_texts.clear();
        reading.view.search = None;
        reading.view.rows = [None, None, None, None];
        reading.view.filter = None;
        self.set_filter(filter);
        // Each pane keeps its item and the rows in view round it; an item gone leaves the
        // cursor on the nearest row.
        for (pane, item) in Pane::ALL.into_iter().zip(selected) {
            let was = before[pane as usize];
            let cursor = item.and_then(|i| self.row_of(pane, i.index())).unwrap_or(was.cursor);
            let (page, count) = (self.pane_page(pane), self.row_count(pane));
            let state = &mut self.view_mut().panes[pane as usize];
            *state = PaneState { cursor, offset: was.offset };
            keep_in_view(state, page, count);
        }
        self.view_mut().detail = DetailState { item: detail, ..detail_before };
        // The detail pane stays open on the item it showed, if that item is still there.
        let same_item_shown = shown.is_some() && self.detail_item() == shown;
        let view = self.view_mut();
        if !same_item_shown {
            view.detail = DetailState { item: None, ..DetailState::default() };
            view.focus = Focus::List;
        }
        self.fit_detail(true);
    }

    fn switch_brief(&mut self, by: isize) {
        let count = self.briefs.len();
        if count < 2 {
            self.message = Some("only one brief is open".into());
            return;
        }
        self.current = (self.current as isize + by).rem_euclid(count as isize) as usize;
        self.message = Some(format!("brief {}/{count}: {}", self.current + 1, self.brief().title));
    }

    // ----- search -----

    fn update_search(&mut self, action: Action) {
        let Overlay::Search(mut search) = std::mem::replace(&mut self.overlay, Overlay::None) else { return };
        match action {
            Action::Type(c) => {
                search.push(c, &self.reading().loaded, self.view().rows[search.pane as usize].as_deref())
            }
            Action::Erase => search.pop(self.view().rows[search.pane as usize].as_deref()),
            Action::NextMatch => search.step(true),
            Action::PreviousMatch => search.step(false),
            Action::Submit => {
                if !search.query.is_empty() {
                    self.view_mut().search = Some(search);
                }
                return;
            }
            Action::Leave => {
                let (pane, origin) = (search.pane, search.origin);
                self.view_mut().active = pane;
                self.set_cursor(origin);
                return;
            }
            _ => {}
        }
        if let Some(item) = search.current_item() {
            self.select_row_of(search.pane, item);
        }
        self.overlay = Overlay::Search(search);
    }

    fn select_row_of(&mut self, pane: Pane, item: usize) {
        if let Some(row) = self.row_of(pane, item) {
            self.view_mut().active = pane;
            self.set_cursor(row);
        }
    }

    fn jump_to_match(&mut self, forward: bool) {
        let cursor_item = self.anchor().map(ItemRef::index);
        let Some(search) = self.view_mut().search.as_mut() else {
            self.message = Some("no search yet: / searches the focused pane".into());
            return;
        };
        if search.matches.is_empty() {
            self.message = Some(format!("no match for “{}”", search.query));
            return;
        }
        search.step_from(cursor_item, forward);
        let (pane, item) = (search.pane, search.current_item());
        if let Some(item) = item {
            self.view_mut().focus = Focus::List;
            self.select_row_of(pane, item);
        }
    }

    // ----- the picker -----

    fn update_picker(&mut self, action: Action) {
        let Overlay::Picker(mut picker) = std::mem::replace(&mut self.overlay, Overlay::None) else { return };
        match action {
            Action::Type(c) => picker.push(c),
            Action::Erase => picker.pop(),
            Action::Down => picker.move_cursor(1),
            Action::Up => picker.move_cursor(-1),
            Action::Submit => {
                if let Some(target) = picker.chosen() {
                    self.remember();
                    self.go_to(target);
                    if Pane::of(target.section).is_some() {
                        self.view_mut().focus = Focus::List;
                    }
                }
                return;
            }
            Action::Leave => return,
            _ => {}
        }
        self.overlay = Overlay::Picker(picker);
    }

    // ----- the matrix -----

    fn open_matrix(&mut self) {
        let matrix = self.loaded().index.stance_matrix(self.brief());
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

    fn update_matrix(&mut self, action: Action) {
        let Overlay::Matrix(mut state) = self.overlay else { return };
        let matrix = self.loaded().index.stance_matrix(self.brief());
        let (rows, columns) = (matrix.rows.len(), matrix.columns.len());
        match action {
            Action::Down => state.row = (state.row + 1).min(rows.saturating_sub(1)),
            Action::Up => state.row = state.row.saturating_sub(1),
            Action::Right => state.column = (state.column + 1).min(columns.saturating_sub(1)),
            Action::Left => state.column = state.column.saturating_sub(1),
            Action::Top => state.row = 0,
            Action::Bottom => state.row = rows.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => state.row = (state.row + 10).min(rows.saturating_sub(1)),
            Action::PageUp | Action::HalfPageUp => state.row = state.row.saturating_sub(10),
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
            Action::ToggleHelp => {
                self.overlay = Overlay::Help { from: Context::Matrix, scroll: 0 };
                return;
            }
            _ => {}
        }
        self.overlay = Overlay::Matrix(state);
    }

    // ----- help -----

    /// The furthest the help can scroll: its lines less a page.
    fn help_end(&self) -> usize {
        super::view::help_scroll_end(self)
    }

    fn update_help(&mut self, action: Action) {
        let Overlay::Help { from, scroll } = self.overlay else { return };
        let page = self.size.1.saturating_sub(4) as usize;
        let scroll = match action {
            Action::Down => scroll + 1,
            Action::Up => scroll.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => scroll + page.max(1),
            Action::PageUp | Action::HalfPageUp => scroll.saturating_sub(page.max(1)),
            Action::Top => 0,
            Action::Bottom => self.help_end(),
            Action::Leave | Action::ToggleHelp => {
                self.overlay = Overlay::None;
                return;
            }
            _ => scroll,
        };
        self.overlay = Overlay::Help { from, scroll: scroll.min(self.help_end()) };
    }

    // ----- problems -----

    fn update_problems(&mut self, action: Action) {
        let Overlay::Problems { scroll } = self.overlay else { return };
        let lines = self.reading().problems.as_ref().map_or(0, |p| p.report.len());
        let page = (self.size.1 as usize).saturating_sub(4).max(1);
        let end = lines.saturating_sub(page);
        let scroll = match action {
            Action::Down => scroll + 1,
            Action::Up => scroll.saturating_sub(1),
            Action::PageDown | Action::HalfPageDown => scroll + page,
            Action::PageUp | Action::HalfPageUp => scroll.saturating_sub(page),
            Action::Top => 0,
            Action::Bottom => end,
            Action::Leave => {
                self.overlay = Overlay::None;
                return;
            }
            _ => scroll,
        };
        self.overlay = Overlay::Problems { scroll: scroll.min(end) };
    }

    // ----- export and copy -----

    fn open_export(&mut self) {
        let selection = self.selection_in_view();
        self.overlay = Overlay::Dialog(super::dialog::Dialog::new(self, selection));
    }

    fn update_dialog(&mut self, action: Action) {
        let Overlay::Dialog(mut dialog) = std::mem::replace(&mut self.overlay, Overlay::None) else { return };
        match dialog.update(action, &self.reading().loaded) {
            super::dialog::Outcome::Open => self.overlay = Overlay::Dialog(dialog),
            super::dialog::Outcome::Closed(message) => self.message = message,
        }
    }

    /// What `e` and `y` pass on: the focused pane's items as filtered, or in the detail pane
    /// the item with its references.
    pub fn selection_in_view(&self) -> crate::export::Selection {
        use crate::export::Selection;
        let view = self.view();
        match (view.focus, self.detail_item()) {
            (Focus::Detail, Some(item)) => Selection::Related(item),
            _ => {
                let pane = view.active;
                match &view.rows[pane as usize] {
                    Some(rows) => Selection::Items(pane.section(), rows.iter().map(|&i| i as usize).collect()),
                    None => Selection::Section(pane.section()),
                }
            }
        }
    }

    fn copy_view(&mut self) {
        let selection = self.selection_in_view();
        let loaded = &self.reading().loaded;
        let options = crate::export::Options { format: crate::export::Format::Text, width: 80 };
        let text = crate::export::export(&loaded.brief, &loaded.index, &selection, &options);
        let items = crate::export::item_count(&loaded.brief, &loaded.index, &selection);
        self.effects.push(Effect::Copy { text, items });
    }

    // ----- the mouse -----

    fn click(&mut self, column: u16, row: u16) {
        if !matches!(self.overlay, Overlay::None) {
            return;
        }
        let layout = super::layout::Areas::new(self.screen(), self);
        let inside =
            |r: ratatui::layout::Rect| column >= r.x && column < r.x + r.width && row >= r.y && row < r.y + r.height;
        if let Some(tabs) = layout.tabs.filter(|&r| inside(r)) {
            let width = (tabs.width / 4).max(1);
            let pane = Pane::ALL[((column - tabs.x) / width).min(3) as usize];
            self.focus_pane(pane);
        } else if let Some(pane) = Pane::ALL.into_iter().find(|&p| layout.pane(p).is_some_and(inside)) {
            let rect = layout.pane(pane).unwrap_or_default();
            self.focus_pane(pane);
            if row > rect.y && row < rect.y + rect.height - 1 {
                let offset = self.view().panes[pane as usize].offset;
                self.set_cursor(offset + (row - rect.y - 1) as usize);
            }
        } else if layout.detail.is_some_and(inside) && self.detail_item().is_some() {
            self.view_mut().focus = Focus::Detail;
        }
    }

    fn wheel(&mut self, column: u16, row: u16, down: bool) {
        let by = if down { 3 } else { -3 };
        let help_end = self.help_end();
        match &mut self.overlay {
            Overlay::Help { scroll, .. } => {
                *scroll = scroll.saturating_add_signed(by).min(help_end);
                return;
            }
            Overlay::None => {}
            _ => return,
        }
        let layout = super::layout::Areas::new(self.screen(), self);
        let inside =
            |r: ratatui::layout::Rect| column >= r.x && column < r.x + r.width && row >= r.y && row < r.y + r.height;
        if layout.detail.is_some_and(inside) {
            self.scroll_detail(by);
        } else if let Some(pane) = Pane::ALL.into_iter().find(|&p| layout.pane(p).is_some_and(inside)) {
            self.focus_pane(pane);
            self.move_cursor(by);
        }
    }
}

/// Keeps a pane's cursor on one of its `count` rows and within the `page` rows in view, with no
/// blank rows at the bottom while rows above could fill them.
fn keep_in_view(state: &mut PaneState, page: usize, count: usize) {
    state.cursor = state.cursor.min(count.saturating_sub(1));
    if state.cursor < state.offset {
        state.offset = state.cursor;
    } else if state.cursor >= state.offset + page {
        state.offset = state.cursor + 1 - page;
    }
    state.offset = state.offset.min(count.saturating_sub(page));
}

/// What the status line says of a copy: what is known, and only that.
fn copied_message(items: usize, to: &super::clipboard::Copied) -> String {
    let items = if items == 1 { "1 item".to_string() } else { format!("{items} items") };
    match to {
        super::clipboard::Copied::TmuxBuffer => {
            format!("copied {items} to tmux's paste buffer (prefix ] pastes them)")
        }
        super::clipboard::Copied::AskedTerminal => {
            format!("asked the terminal to copy {items} (OSC 52); terminals do not confirm it")
        }
    }
}

/// The items of each pane related to an item: every reference of it, by pane, sorted.
pub fn related(brief: &Brief, index: &Index, item: ItemRef) -> [Vec<u32>; 4] {
    let mut marks: [Vec<u32>; 4] = Default::default();
    for group in references(brief, index, item) {
        for target in group.items {
            if let Some(pane) = Pane::of(target.section) {
                marks[pane as usize].push(target.index);
            }
        }
    }
    for list in &mut marks {
        list.sort_unstable();
        list.dedup();
    }
    marks
}

/// The name a reader knows an item by: an actor's name, a topic's label, else its id.
pub fn item_name(brief: &Brief, item: ItemRef) -> String {
    let i = item.index();
    match item.section {
        Section::Actors => brief.actors[i].name.to_string(),
        Section::Topics => brief.topics[i].label.to_string(),
        Section::Sources => brief.sources[i].title.to_string(),
        _ => brief.id_of(item).to_string(),
    }
}
