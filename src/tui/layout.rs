//! Where each part of the screen goes, as a pure function of the terminal size and the state,
//! so drawing and mouse clicks agree.

use ratatui::layout::{Constraint, Layout, Rect};

use super::action::Pane;
use super::state::{App, Focus};

/// Below this the reader shows "terminal too small".
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;

/// The four panes a brief opens on side by side above the detail pane, from this width and height.
const ACROSS_WIDTH: u16 = 160;
const ACROSS_HEIGHT: u16 = 30;
/// The four panes in a grid beside the detail pane, from this width.
const GRID_WIDTH: u16 = 120;
const GRID_HEIGHT: u16 = 20;
/// One pane with the detail pane beside it rather than below, from this width.
const BESIDE_WIDTH: u16 = 100;

/// The parts of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Areas {
    pub header: Rect,
    /// A tab for each pane shown one at a time: all seven on a narrow screen, the three that
    /// share a place on a wide one.
    pub tabs: [Option<Rect>; Pane::COUNT],
    /// How much the tabs say, to fit the width (see [`tab_label`]).
    pub tab_words: TabWords,
    pub panes: [Option<Rect>; Pane::COUNT],
    pub detail: Option<Rect>,
    pub hints: Rect,
    pub too_small: bool,
}

/// How much a tab says: `1 Actors 21`, `1 Actors`, `1 Act`, `1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum TabWords {
    NameAndCount,
    Name,
    Short,
    Number,
}

impl Areas {
    /// The parts of `area` (the terminal's whole screen when running).
    pub fn new(area: Rect, app: &App) -> Areas {
        let mut areas = Areas {
            header: Rect::default(),
            tabs: [None; Pane::COUNT],
            tab_words: TabWords::NameAndCount,
            panes: [None; Pane::COUNT],
            detail: None,
            hints: Rect::default(),
            too_small: area.width < MIN_WIDTH || area.height < MIN_HEIGHT,
        };
        if areas.too_small {
            return areas;
        }
        let [header, body, hints] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1), Constraint::Length(1)]).areas(area);
        areas.header = header;
        areas.hints = hints;
        areas.place(app, body);
        areas
    }

    /// The panes, tab rows and detail pane inside the body, for the size of the screen.
    fn place(&mut self, app: &App, body: Rect) {
        let (width, height) = (body.width, body.height + 2);
        if width >= ACROSS_WIDTH && height >= ACROSS_HEIGHT {
            // The four panes a brief opens on side by side; below them the timeline, sources or
            // topics (one at a time, under their tabs) beside the detail pane.
            let [lists, below] = Layout::vertical([Constraint::Percentage(55), Constraint::Fill(1)]).areas(body);
            let seeds: [Rect; 4] = Layout::horizontal([Constraint::Ratio(1, 4); 4]).areas(lists);
            for (pane, rect) in Pane::SEEDS.into_iter().zip(seeds) {
                self.panes[pane as usize] = Some(rect);
            }
            let [shared, detail] = Layout::horizontal([Constraint::Percentage(40), Constraint::Fill(1)]).areas(below);
            self.place_shared(app, shared);
            self.detail = Some(detail);
        } else if width >= GRID_WIDTH && height >= GRID_HEIGHT {
            // The four in a grid; beside them the shared place above the detail pane.
            let [lists, right] = Layout::horizontal([Constraint::Percentage(55), Constraint::Fill(1)]).areas(body);
            let halves = [Constraint::Ratio(1, 2); 2];
            let [top, bottom] = Layout::vertical(halves).areas(lists);
            let [actors, claims] = Layout::horizontal(halves).areas(top);
            let [positions, quotes] = Layout::horizontal(halves).areas(bottom);
            for (pane, rect) in Pane::SEEDS.into_iter().zip([actors, claims, positions, quotes]) {
                self.panes[pane as usize] = Some(rect);
            }
            let [shared, detail] = Layout::vertical([Constraint::Percentage(40), Constraint::Fill(1)]).areas(right);
            self.place_shared(app, shared);
            self.detail = Some(detail);
        } else {
            let [tabs, rest] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(body);
            self.place_tabs(app, &Pane::ALL, tabs);
            let active = &mut self.panes[app.nav().active as usize];
            let reading_detail = app.nav().focus == Focus::Detail;
            if width >= BESIDE_WIDTH {
                let [list, detail] = Layout::horizontal([Constraint::Percentage(45), Constraint::Fill(1)]).areas(rest);
                *active = Some(list);
                self.detail = Some(detail);
            } else if rest.height >= 6 {
                // The part the keyboard is in gets the larger share.
                let share = if reading_detail { 2 } else { 3 };
                let list = Constraint::Length((rest.height * share / 5).max(3));
                let [list, detail] = Layout::vertical([list, Constraint::Fill(1)]).areas(rest);
                *active = Some(list);
                self.detail = Some(detail);
            } else if reading_detail {
                self.detail = Some(rest);
            } else {
                *active = Some(rest);
            }
        }
    }

    /// The place the events, sources and topics share on a wide screen: their tabs, and below
    /// them the one last focused.
    fn place_shared(&mut self, app: &App, area: Rect) {
        let [tabs, pane] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        self.place_tabs(app, &Pane::SHARED, tabs);
        self.panes[app.nav().shared as usize] = Some(pane);
    }

    /// Tabs side by side from the left, each as wide as its label, saying as much as fits.
    fn place_tabs(&mut self, app: &App, panes: &[Pane], row: Rect) {
        let words = [TabWords::NameAndCount, TabWords::Name, TabWords::Short, TabWords::Number];
        let width = |words: TabWords, pane: Pane| crate::text::cells(&tab_label(app, pane, words)) as u16;
        let fits = |words: TabWords| panes.iter().map(|&p| width(words, p)).sum::<u16>() <= row.width;
        self.tab_words = words.into_iter().find(|&w| fits(w)).unwrap_or(TabWords::Number);
        let mut x = row.x;
        for &pane in panes {
            let tab = Rect::new(x, row.y, width(self.tab_words, pane), 1).intersection(row);
            self.tabs[pane as usize] = Some(tab);
            x = x.saturating_add(tab.width);
        }
    }

    pub fn pane(&self, pane: Pane) -> Option<Rect> {
        self.panes[pane as usize]
    }
}

/// How many items a pane shows: `21`, or `3/21` while filtered.
pub fn count_label(app: &App, pane: Pane) -> String {
    let total = app.brief().len(pane.section());
    let shown = app.row_count(pane);
    if app.nav().rows[pane as usize].is_some() { format!("{shown}/{total}") } else { total.to_string() }
}

/// A pane's tab, saying as much as `words` asks: ` 1 Actors 21 `.
pub fn tab_label(app: &App, pane: Pane, words: TabWords) -> String {
    let (number, title) = (pane.number(), pane.section().title());
    match words {
        TabWords::NameAndCount => format!(" {number} {title} {} ", count_label(app, pane)),
        TabWords::Name => format!(" {number} {title} "),
        TabWords::Short => format!(" {number} {} ", &title[..3]),
        TabWords::Number => format!(" {number} "),
    }
}

/// A centred area of at most `width` × `height` inside `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    area.centered(Constraint::Max(width), Constraint::Max(height))
}

/// Where the overview is drawn on a screen: the body, at a width that reads well.
pub fn overview_area(area: Rect) -> Rect {
    centered(area, 100, area.height.saturating_sub(2).max(3))
}

/// Where the help is drawn on a screen.
pub fn help_area(area: Rect) -> Rect {
    centered(area, 84, area.height.saturating_sub(2).max(3))
}
