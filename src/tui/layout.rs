//! Where each part of the screen goes, as a pure function of the terminal size and the state,
//! so drawing and mouse clicks agree.

use ratatui::layout::Rect;

use super::action::Pane;
use super::app::{App, Focus};

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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    pub header: Rect,
    /// The tab row, when one pane is shown at a time.
    pub tabs: Option<Rect>,
    pub panes: [Option<Rect>; 4],
    pub detail: Option<Rect>,
    pub hints: Rect,
    pub too_small: bool,
}

impl Layout {
    /// The layout inside `area` (the terminal's whole screen when running).
    pub fn new(area: Rect, app: &App) -> Layout {
        let (width, height) = (area.width, area.height);
        let mut layout = Layout {
            header: Rect::default(),
            tabs: None,
            panes: [None; 4],
            detail: None,
            hints: Rect::default(),
            too_small: width < MIN_WIDTH || height < MIN_HEIGHT,
        };
        if layout.too_small {
            return layout;
        }
        layout.header = Rect::new(0, 0, width, 1);
        layout.hints = Rect::new(0, height - 1, width, 1);
        let body = Rect::new(0, 1, width, height - 2);
        layout.place(app, width, height, body);
        layout.offset(area.x, area.y);
        layout
    }

    /// Every part moved by an area's origin.
    fn offset(&mut self, x: u16, y: u16) {
        let shift = |r: &mut Rect| {
            r.x += x;
            r.y += y;
        };
        shift(&mut self.header);
        shift(&mut self.hints);
        self.tabs.iter_mut().for_each(shift);
        self.panes.iter_mut().flatten().for_each(shift);
        self.detail.iter_mut().for_each(shift);
    }

    /// The panes, tab row and detail pane inside the body, for the size of the screen.
    fn place(&mut self, app: &App, width: u16, height: u16, body: Rect) {
        let layout = self;
        let reading_detail = app.view().focus == Focus::Detail;
        if width >= ACROSS_WIDTH && height >= ACROSS_HEIGHT {
            let lists = body.height * 11 / 20;
            let quarter = width / 4;
            for (i, slot) in layout.panes.iter_mut().enumerate() {
                let x = quarter * i as u16;
                let w = if i == 3 { width - x } else { quarter };
                *slot = Some(Rect::new(x, body.y, w, lists));
            }
            layout.detail = Some(Rect::new(0, body.y + lists, width, body.height - lists));
        } else if width >= GRID_WIDTH && height >= GRID_HEIGHT {
            let left = width * 11 / 20;
            let half_w = left / 2;
            let half_h = body.height / 2;
            for (i, slot) in layout.panes.iter_mut().enumerate() {
                let (col, row) = ((i % 2) as u16, (i / 2) as u16);
                let x = col * half_w;
                let y = body.y + row * half_h;
                let w = if col == 1 { left - half_w } else { half_w };
                let h = if row == 1 { body.height - half_h } else { half_h };
                *slot = Some(Rect::new(x, y, w, h));
            }
            layout.detail = Some(Rect::new(left, body.y, width - left, body.height));
        } else {
            let tabs = Rect::new(0, body.y, width, 1);
            layout.tabs = Some(tabs);
            let rest = Rect::new(0, body.y + 1, width, body.height - 1);
            let active = app.view().active as usize;
            if width >= BESIDE_WIDTH {
                let list = width * 9 / 20;
                layout.panes[active] = Some(Rect::new(0, rest.y, list, rest.height));
                layout.detail = Some(Rect::new(list, rest.y, width - list, rest.height));
            } else if rest.height >= 6 {
                // The part the keyboard is in gets the larger share.
                let share = if reading_detail { 2 } else { 3 };
                let list = (rest.height * share / 5).max(3);
                layout.panes[active] = Some(Rect::new(0, rest.y, width, list));
                layout.detail = Some(Rect::new(0, rest.y + list, width, rest.height - list));
            } else if reading_detail {
                layout.detail = Some(rest);
            } else {
                layout.panes[active] = Some(rest);
            }
        }
    }

    pub fn pane(&self, pane: Pane) -> Option<Rect> {
        self.panes[pane as usize]
    }
}
