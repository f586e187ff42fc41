//! Where each part of the screen goes, as a pure function of the terminal size and the state,
//! so drawing and mouse clicks agree.

use ratatui::layout::{Constraint, Layout, Rect};

use super::action::Pane;
use super::state::{App, Focus};

/// Below this the reader shows "terminal too small".
pub const MIN_WIDTH: u16 = 30;
pub const MIN_HEIGHT: u16 = 8;

/// The four panes side by side above the detail pane, from this width and height.
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
    /// The tab row, a tab for each pane, when one pane is shown at a time.
    pub tabs: Option<[Rect; 4]>,
    pub panes: [Option<Rect>; 4],
    pub detail: Option<Rect>,
    pub hints: Rect,
    pub too_small: bool,
}

impl Areas {
    /// The parts of `area` (the terminal's whole screen when running).
    pub fn new(area: Rect, app: &App) -> Areas {
        let mut areas = Areas {
            header: Rect::default(),
            tabs: None,
            panes: [None; 4],
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

    /// The panes, tab row and detail pane inside the body, for the size of the screen.
    fn place(&mut self, app: &App, body: Rect) {
        let (width, height) = (body.width, body.height + 2);
        let quarters = [Constraint::Ratio(1, 4); 4];
        if width >= ACROSS_WIDTH && height >= ACROSS_HEIGHT {
            let [lists, detail] = Layout::vertical([Constraint::Percentage(55), Constraint::Fill(1)]).areas(body);
            let panes: [Rect; 4] = Layout::horizontal(quarters).areas(lists);
            self.panes = panes.map(Some);
            self.detail = Some(detail);
        } else if width >= GRID_WIDTH && height >= GRID_HEIGHT {
            let [lists, detail] = Layout::horizontal([Constraint::Percentage(55), Constraint::Fill(1)]).areas(body);
            let halves = [Constraint::Ratio(1, 2); 2];
            let [top, bottom] = Layout::vertical(halves).areas(lists);
            let [actors, claims] = Layout::horizontal(halves).areas(top);
            let [positions, quotes] = Layout::horizontal(halves).areas(bottom);
            self.panes = [actors, claims, positions, quotes].map(Some);
            self.detail = Some(detail);
        } else {
            let [tabs, rest] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(body);
            self.tabs = Some(Layout::horizontal(quarters).areas(tabs));
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

    pub fn pane(&self, pane: Pane) -> Option<Rect> {
        self.panes[pane as usize]
    }
}

/// A centred area of at most `width` × `height` inside `area`.
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    area.centered(Constraint::Max(width), Constraint::Max(height))
}

/// Where the help is drawn on a screen.
pub fn help_area(area: Rect) -> Rect {
    centered(area, 84, area.height.saturating_sub(2).max(3))
}
