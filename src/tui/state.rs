//! The reader's state and the one place it changes: [`App::update`]. No terminal here: tests
//! drive it with actions and read the state back.

use std::sync::Arc;

use super::action::{Action, Pane};
use super::finder::{Picker, Search};
use super::keymap::Context;
use crate::index::{Group, Index};
use crate::model::{Brief, ItemRef, Section};

/// A brief ready to read: the model, its index, a name for the header, and the search texts
/// built the first time they are needed.
pub struct Opened {
    pub name: String,
    pub brief: Brief,
    pub index: Index,
    pub finder: super::finder::FinderCache,
    /// The file the brief came from and its place among the file's documents, so `r` can
    /// read it again; `None` for the bundled briefs and stdin.
    pub file: Option<(std::path::PathBuf, usize)>,
    /// Where its sources' texts are read from.
    pub folder: crate::load::Folder,
}

impl Opened {
    pub fn new(name: String, brief: Brief) -> Opened {
        let index = Index::build(&brief);
        Opened::indexed(name, brief, index)
    }

    /// A brief whose index was built already (`index` must be the brief's own).
    pub fn indexed(name: String, brief: Brief, index: Index) -> Opened {
        Opened { name, brief, index, finder: Default::default(), file: None, folder: Default::default() }
    }

    /// A brief read from the `document`-th document of a file.
    pub fn from_file(name: String, brief: Brief, path: std::path::PathBuf, document: usize) -> Opened {
        let folder = crate::load::Origin::File(path.clone()).folder();
        Opened { file: Some((path, document)), folder, ..Opened::new(name, brief) }
    }

    /// Builds the search texts and picker entries now, so the first keystroke of a search is
    /// as fast as the rest. The reader calls it on a background thread once the brief is shown.
    pub fn warm_finder(&self) {
        self.finder.warm(&self.brief, &self.index);
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
    pub filter: Option<ItemRef>,
    /// What was open over the panes.
    pub screen: Screen,
}

/// What history brings back over the panes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    Panes,
    /// The overview, with this source selected.
    Overview(usize),
    /// The library, with this row selected and this query.
    Library {
        cursor: usize,
        query: String,
    },
    /// A dossier or timeline across briefs.
    Across(Box<AcrossState>),
}

/// Where the reader is in one brief: the panes' cursors, focus, detail, filter and search.
pub struct Navigation {
    pub panes: [PaneState; Pane::COUNT],
    /// The list pane whose selection anchors the marks and the detail pane.
    pub active: Pane,
    /// Which of the events, sources and topics a wide screen shows in the place they share:
    /// the one last focused.
    pub shared: Pane,
    pub focus: Focus,
    pub detail: DetailState,
    /// `f`: the item every pane is narrowed to, with what is related to it.
    pub filter: Option<ItemRef>,
    /// The rows of each pane while filtered: the items' places in their section as listed
    /// (see [`crate::index::Index::place`]), in order.
    pub rows: [Option<Vec<u32>>; Pane::COUNT],
    /// The last search, for n/N.
    pub search: Option<Search>,
    /// `c`: only the items new or changed since the earlier brief; narrows `rows` with the
    /// filter. Kept with the brief, so it is as it was when the reader comes back to it.
    pub only_changed: bool,
}

impl Navigation {
    /// Makes a pane the one the keyboard and the marks are on; on a wide screen, a list of the
    /// three that share a place becomes the one shown there.
    pub fn activate(&mut self, pane: Pane) {
        self.active = pane;
        if pane.is_shared() {
            self.shared = pane;
        }
    }

    fn new(opened: &Opened) -> Navigation {
        let mut panes = [PaneState::default(); Pane::COUNT];
        panes[Pane::Events as usize].cursor = what_is_next(opened);
        Navigation {
            panes,
            active: Pane::Actors,
            shared: Pane::Events,
            focus: Focus::List,
            detail: DetailState::default(),
            filter: None,
            rows: Default::default(),
            search: None,
            only_changed: false,
        }
    }
}

/// Where the timeline opens, like a calendar at today: on the first event after the brief's
/// date that was not cancelled, else the first after it, else the latest.
fn what_is_next(opened: &Opened) -> usize {
    let brief = &opened.brief;
    let timeline: Vec<&crate::model::Event> =
        opened.index.listed(brief, Section::Events).map(|e| &brief.events[e.index()]).collect();
    let ahead = |event: &&crate::model::Event| event.date.against(&brief.date).is_gt();
    let happening = |event: &&crate::model::Event| event.status != crate::model::EventStatus::Cancelled;
    let next = timeline.iter().position(|e| ahead(e) && happening(e)).or_else(|| timeline.iter().position(ahead));
    next.unwrap_or(timeline.len().saturating_sub(1))
}

/// A brief with where the reader is in it and the caches reading it builds.
pub struct Reading {
    pub opened: Arc<Opened>,
    pub nav: Navigation,
    /// Items related to the anchor, per pane, sorted by their index in the section: the marks.
    pub marks: [Vec<u32>; Pane::COUNT],
    /// The anchor's references, grouped: what the detail pane lists.
    pub groups: Vec<Group>,
    /// The anchor the marks and groups are of.
    pub marks_for: Option<ItemRef>,
    /// For an actor or topic in other briefs too: in how many, and the stances over time.
    pub across: Option<(usize, Vec<String>)>,
    /// The texts of sources with a `file`, by source, read when a quote citing one is shown:
    /// the text, or why it could not be read.
    pub source_texts: std::collections::HashMap<usize, Result<String, String>>,
    /// What the last reading of the brief's file found wrong, while the brief as loaded stays.
    pub problems: Option<Problems>,
    /// What changed since the earlier brief ([`App::since`]), worked out once, when first
    /// asked: `None` inside when no earlier brief is known.
    pub since: std::sync::OnceLock<Option<super::since::Since>>,
}

/// The diagnostics of a file that could not replace the brief on screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problems {
    pub errors: usize,
    /// The report as `brief check` prints it, a line at a time.
    pub report: Vec<String>,
    /// The file and line of the first error, where `E` opens the editor.
    pub at: Option<(std::path::PathBuf, u32)>,
}

impl Problems {
    /// The errors of a file, `first` the one `E` opens (`None`: the file's first error).
    pub fn of(file: &crate::load::LoadedFile, first: Option<&crate::load::Diagnostic>) -> Problems {
        let errors = file.all_problems().filter(|p| p.is_error()).count();
        let report = crate::load::render::human(file, false).lines().map(str::to_string).collect();
        let first = first.or_else(|| file.all_problems().find(|p| p.is_error()));
        let at = match &file.origin {
            crate::load::Origin::File(path) => Some((path.clone(), first.and_then(|p| p.span).map_or(1, |s| s.line))),
            _ => None,
        };
        Problems { errors, report, at }
    }
}

impl Reading {
    pub fn new(opened: Opened) -> Reading {
        Reading {
            nav: Navigation::new(&opened),
            opened: Arc::new(opened),
            marks: Default::default(),
            groups: Vec::new(),
            marks_for: None,
            across: None,
            source_texts: Default::default(),
            problems: None,
            since: Default::default(),
        }
    }

    /// How many rows a pane shows (all items, or the filtered ones).
    pub fn row_count(&self, pane: Pane) -> usize {
        match &self.nav.rows[pane as usize] {
            Some(rows) => rows.len(),
            None => self.opened.brief.len(pane.section()),
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
    /// The keys, opened from a context whose keys come first, and what closing it returns to.
    Help {
        from: Context,
        scroll: usize,
        beneath: Beneath,
    },
    Matrix(MatrixState),
    Search(Search),
    Picker(Box<Picker>),
    Dialog(super::dialog::Dialog),
    /// The problems of the last reload, or of a brief of the library that could not open,
    /// scrolled.
    Problems {
        scroll: usize,
        shelved: Option<usize>,
        /// The library they were opened from, to return to.
        library: Option<Box<LibraryState>>,
    },
    /// The brief's overview, with a cursor on its sources.
    Overview(OverviewState),
    /// Every brief opened, newest first.
    Library(LibraryState),
    /// A dossier or a timeline across the briefs.
    Across(Box<AcrossState>),
}

/// The library screen: its rows (every brief, or those the query finds), the row under the
/// cursor and the first in view.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LibraryState {
    pub cursor: usize,
    pub offset: usize,
    /// What `/` typed: the rows are the briefs whose header or items hold it.
    pub query: String,
    /// Whether keys are typing the query.
    pub typing: bool,
    pub rows: Vec<ShelfRow>,
}

/// A row of the library: a brief, or a file that could not open, and how many of its items the
/// query finds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ShelfRow {
    pub entry: Shelf,
    pub matches: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shelf {
    /// A brief that opened: its place in [`App::briefs`].
    Brief(usize),
    /// A brief with errors: its place in [`App::shelved`].
    Broken(usize),
}

/// A brief of the library that could not open: where, its first error, and the report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shelved {
    pub name: String,
    /// The file, to read again when it changes.
    pub path: Option<std::path::PathBuf>,
    /// The first error, `file:line:col: error[E014]: …`, on one line.
    pub first: String,
    pub problems: Problems,
    /// How many of the file's briefs opened all the same (a file may hold several).
    pub opened: usize,
}

/// A dossier or timeline across the briefs, with the row under the cursor and the first in view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AcrossState {
    pub listing: crate::library::Listing,
    pub cursor: usize,
    pub offset: usize,
    /// For the timeline: the actor or topic `f` narrows it to, when not narrowed yet.
    pub narrow_to: Option<String>,
    pub kind: AcrossKind,
    /// The library it was opened over, which closing it returns to.
    pub over: Option<LibraryState>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AcrossKind {
    Dossier,
    Timeline { narrowed: bool },
}

/// The overview: the source under the cursor and the first line in view.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct OverviewState {
    pub source: usize,
    pub scroll: usize,
}

/// What the help returns to when it closes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Beneath {
    Panes,
    Matrix(MatrixState),
    Overview(OverviewState),
    Library(LibraryState),
    Across(Box<AcrossState>),
}

impl Beneath {
    /// What closing something opened over an overlay returns to: that overlay, where it is
    /// one to return to (the matrix, the overview, the library, a listing), else the panes.
    pub fn taking(overlay: Overlay) -> Beneath {
        match overlay {
            Overlay::Matrix(state) => Beneath::Matrix(state),
            Overlay::Overview(state) => Beneath::Overview(state),
            Overlay::Library(state) => Beneath::Library(state),
            Overlay::Across(state) => Beneath::Across(state),
            _ => Beneath::Panes,
        }
    }

    pub fn overlay(self) -> Overlay {
        match self {
            Beneath::Panes => Overlay::None,
            Beneath::Matrix(state) => Overlay::Matrix(state),
            Beneath::Overview(state) => Overlay::Overview(state),
            Beneath::Library(state) => Overlay::Library(state),
            Beneath::Across(state) => Overlay::Across(state),
        }
    }
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
    /// Hand the terminal to the editor on this file at this line, then reload it; the runtime
    /// answers with [`Action::Edited`].
    Edit {
        file: std::path::PathBuf,
        line: u32,
    },
}

pub struct App {
    pub briefs: Vec<Reading>,
    pub current: usize,
    /// The briefs' order in time and where each id appears in them.
    pub library: crate::library::Library,
    /// Briefs opened with the others that have errors: the library lists them.
    pub shelved: Vec<Shelved>,
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
    /// The earlier brief of `--since FILE`, which every brief open is compared with; not in
    /// the library.
    pub since_file: Option<Arc<Opened>>,
    /// The keys in force: the table's, with a config file's overrides.
    pub keymap: super::keymap::Keymap,
    /// The colours of the screen's roles.
    pub palette: super::theme::Palette,
    /// What the export dialog starts on: a format, and the width text is wrapped to.
    pub export: crate::export::Options,
}

impl App {
    pub fn new(briefs: Vec<Opened>) -> App {
        App::with_shelved(briefs, Vec::new())
    }

    /// The reader on briefs that opened and those that could not. With more than one, it opens
    /// on the library. `briefs` must not be empty.
    pub fn with_shelved(briefs: Vec<Opened>, shelved: Vec<Shelved>) -> App {
        let library = {
            let refs: Vec<&Brief> = briefs.iter().map(|o| &o.brief).collect();
            crate::library::Library::build(&refs)
        };
        let mut app = App {
            library,
            shelved,
            briefs: briefs.into_iter().map(Reading::new).collect(),
            current: 0,
            overlay: Overlay::None,
            back: Vec::new(),
            forward: Vec::new(),
            size: (80, 24),
            message: None,
            effects: Vec::new(),
            color: true,
            export_dir: std::path::PathBuf::from("."),
            since_file: None,
            keymap: Default::default(),
            palette: Default::default(),
            export: Default::default(),
        };
        if app.briefs.len() + app.shelved.len() > 1 {
            // Esc from the library opens the newest brief.
            app.current = app.library.newest_first().next().unwrap_or(0);
            app.open_library();
            // On the top row: a brief that could not open, else the newest.
            if let Overlay::Library(state) = &mut app.overlay {
                (state.cursor, state.offset) = (0, 0);
            }
        }
        app.refresh_marks();
        app
    }

    pub fn reading(&self) -> &Reading {
        &self.briefs[self.current]
    }

    pub(super) fn reading_mut(&mut self) -> &mut Reading {
        &mut self.briefs[self.current]
    }

    pub fn opened(&self) -> &Opened {
        &self.reading().opened
    }

    /// The styles the screen is drawn with: the palette, or none with `NO_COLOR`.
    pub fn theme(&self) -> super::theme::Theme {
        super::theme::Theme { color: self.color, palette: self.palette }
    }

    /// The key an action has in a context, as shown: for text that names a key, so it names
    /// the user's.
    pub fn key(&self, context: Context, action: Action) -> String {
        self.keymap.first_key(context, &action).unwrap_or_default()
    }

    /// Opens every brief on this pane, as a config file's `[reader] pane` asks.
    pub fn open_on(&mut self, pane: Pane) {
        for reading in &mut self.briefs {
            reading.nav.activate(pane);
        }
        // The marks and the detail pane are of the selection in the pane with the keyboard.
        self.refresh_marks();
    }

    pub fn brief(&self) -> &Brief {
        &self.opened().brief
    }

    pub fn nav(&self) -> &Navigation {
        &self.reading().nav
    }

    pub(super) fn nav_mut(&mut self) -> &mut Navigation {
        &mut self.reading_mut().nav
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
            Overlay::None => match self.nav().focus {
                Focus::List => Context::Lists,
                Focus::Detail => Context::Detail,
            },
            Overlay::Help { .. } => Context::Help,
            Overlay::Matrix(_) => Context::Matrix,
            Overlay::Search(_) => Context::Search,
            Overlay::Picker(_) => Context::Picker,
            Overlay::Dialog(_) => Context::Dialog,
            Overlay::Problems { .. } => Context::Problems,
            Overlay::Overview(_) => Context::Overview,
            Overlay::Library(state) if state.typing => Context::Finding,
            Overlay::Library(_) => Context::Library,
            Overlay::Across(_) => Context::Across,
        }
    }

    /// How many rows a pane shows (all items, or the filtered ones).
    pub fn row_count(&self, pane: Pane) -> usize {
        self.reading().row_count(pane)
    }

    /// The item at a row of a pane.
    pub fn item_at(&self, pane: Pane, row: usize) -> Option<usize> {
        let place = match &self.nav().rows[pane as usize] {
            Some(rows) => *rows.get(row)? as usize,
            None => row,
        };
        (place < self.brief().len(pane.section())).then(|| self.opened().index.at_place(pane.section(), place))
    }

    /// The row holding an item in a pane, if shown.
    pub fn row_of(&self, pane: Pane, item: usize) -> Option<usize> {
        if item >= self.brief().len(pane.section()) {
            return None;
        }
        self.row_of_place(pane, self.opened().index.place(ItemRef::new(pane.section(), item)))
    }

    /// The row showing the item at a place of the pane's section as listed, if shown.
    pub fn row_of_place(&self, pane: Pane, place: usize) -> Option<usize> {
        match &self.nav().rows[pane as usize] {
            Some(rows) => rows.binary_search(&(place as u32)).ok(),
            None => (place < self.brief().len(pane.section())).then_some(place),
        }
    }

    /// The selected item of a pane.
    pub fn selected(&self, pane: Pane) -> Option<ItemRef> {
        self.item_at(pane, self.nav().panes[pane as usize].cursor).map(|i| ItemRef::new(pane.section(), i))
    }

    /// The item the marks and the detail pane are about.
    pub fn anchor(&self) -> Option<ItemRef> {
        self.selected(self.nav().active)
    }

    /// What the detail pane shows: the anchor.
    pub fn detail_item(&self) -> Option<ItemRef> {
        self.anchor()
    }

    /// The detail pane's references, grouped (kept with the marks, built once per selection).
    pub fn detail_groups(&self) -> &[Group] {
        &self.reading().groups
    }

    /// Whether an item of a pane is related to the anchor.
    pub fn is_marked(&self, pane: Pane, item: usize) -> bool {
        self.reading().marks[pane as usize].binary_search(&(item as u32)).is_ok()
    }

    /// Rows a page of the focused list holds, from the last known terminal size.
    pub fn list_page(&self) -> usize {
        self.pane_page(self.nav().active)
    }

    /// Rows a page of a pane holds: where it is shown, or where it would be when focused (one
    /// pane at a time, they all take the same place).
    pub(super) fn pane_page(&self, pane: Pane) -> usize {
        self.pane_pages()[pane as usize]
    }

    /// [`App::pane_page`] of every pane, from one layout of the screen.
    pub(super) fn pane_pages(&self) -> [usize; Pane::COUNT] {
        let layout = super::layout::Areas::new(self.screen(), self);
        let nav = self.nav();
        Pane::ALL.map(|pane| {
            // A pane not on screen would take the place of the one that shares it: the active
            // pane, or on a wide screen the shared pane shown.
            let stand_in = if pane.is_shared() { nav.shared } else { nav.active };
            let rect = layout.pane(pane).or_else(|| layout.pane(stand_in)).or_else(|| layout.pane(nav.active));
            rect.map_or(10, |r| r.height.saturating_sub(2) as usize).max(1)
        })
    }

    pub(super) fn detail_page(&self) -> usize {
        let layout = super::layout::Areas::new(self.screen(), self);
        layout.detail.map_or(10, |r| r.height.saturating_sub(2) as usize).max(1)
    }

    /// The source a quote in the detail pane cites, when it has a `file`: its index and path.
    pub fn quoted_source(&self) -> Option<(usize, &str)> {
        let item = self.detail_item().filter(|i| i.section == Section::Quotes)?;
        let quote = &self.brief().quotes[item.index()];
        let source = self.opened().index.resolve(self.brief(), quote.source.as_ref()?, Section::Sources)?;
        Some((source, self.brief().sources[source].file.as_deref()?))
    }

    /// The problems the problems screen shows: of a brief of the library that could not open,
    /// or of the last reload.
    pub fn problems_shown(&self, shelved: Option<usize>) -> Option<&Problems> {
        match shelved {
            Some(s) => self.shelved.get(s).map(|s| &s.problems),
            None => self.reading().problems.as_ref(),
        }
    }

    /// How many references the detail pane numbers.
    pub fn reference_count(&self) -> usize {
        self.detail_groups().iter().map(|g| g.items.len()).sum()
    }

    /// The n-th reference (0-based), counting through the groups.
    pub fn reference(&self, n: usize) -> Option<ItemRef> {
        let mut n = n;
        for group in self.detail_groups() {
            match group.items.get(n) {
                Some(&item) => return Some(item),
                None => n -= group.items.len(),
            }
        }
        None
    }

    /// What `e` and `y` pass on: the overview, the focused pane's items as filtered, or in the
    /// detail pane the item with its references.
    pub fn selection_in_view(&self) -> crate::export::Selection {
        use crate::export::Selection;
        if let Overlay::Overview(_) = self.overlay {
            return Selection::Overview;
        }
        let nav = self.nav();
        match (nav.focus, self.detail_item()) {
            (Focus::Detail, Some(item)) => Selection::Related(item),
            _ => {
                let pane = nav.active;
                match &nav.rows[pane as usize] {
                    Some(rows) => {
                        let index = &self.opened().index;
                        let items = rows.iter().map(|&place| index.at_place(pane.section(), place as usize));
                        Selection::Items(pane.section(), items.collect())
                    }
                    None => Selection::Section(pane.section()),
                }
            }
        }
    }
}
