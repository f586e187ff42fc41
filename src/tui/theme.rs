//! Styles from the terminal's own ANSI palette, with bold and reverse, so the reader is legible
//! on dark and light themes. With `NO_COLOR` only modifiers remain: selection, marks and stances
//! still show through reverse, bold, underline and glyphs.

use ratatui::style::{Color, Modifier, Style};

use crate::model::{ClaimStatus, EventStatus, Stance};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    fn paint(self, color: Color) -> Style {
        if self.color { Style::new().fg(color) } else { Style::new() }
    }

    /// The selected row: reversed where the keyboard is, underlined elsewhere.
    pub fn cursor(self, focused: bool) -> Style {
        if focused {
            Style::new().add_modifier(Modifier::REVERSED)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED)
        }
    }

    /// Rows related to the selection.
    pub fn marked(self) -> Style {
        self.paint(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// The glyph in front of a related row, so marks show without colour or bold.
    pub const MARK: &'static str = "•";

    pub fn dim(self) -> Style {
        Style::new().add_modifier(Modifier::DIM)
    }

    pub fn strong(self) -> Style {
        Style::new().add_modifier(Modifier::BOLD)
    }

    pub fn heading(self) -> Style {
        self.paint(Color::Yellow).add_modifier(Modifier::BOLD)
    }

    pub fn border(self, focused: bool) -> Style {
        if focused { self.paint(Color::Cyan).add_modifier(Modifier::BOLD) } else { self.dim() }
    }

    /// Search matches inside a row.
    pub fn found(self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(Color::Yellow)
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
        }
    }

    pub fn marking(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    pub fn message(self) -> Style {
        self.paint(Color::Green).add_modifier(Modifier::BOLD)
    }

    pub fn key(self) -> Style {
        self.paint(Color::Cyan).add_modifier(Modifier::BOLD)
    }

    /// A stance as one glyph and its colour: readable without the colour.
    pub fn stance(self, stance: Stance) -> (&'static str, Style) {
        let color = match stance {
            Stance::Supports => Color::Green,
            Stance::Opposes => Color::Red,
            Stance::Neutral => Color::Blue,
            Stance::Mixed => Color::Magenta,
            Stance::Unclear => Color::Reset,
        };
        (stance.sign(), self.paint(color).add_modifier(Modifier::BOLD))
    }

    /// Where an event falls against the brief's date, as a glyph that reads without colour:
    /// nothing before it, `◆` on it, `▶` ahead of it.
    pub fn when(self, against_brief: std::cmp::Ordering) -> (&'static str, Style) {
        match against_brief {
            std::cmp::Ordering::Less => (" ", Style::new()),
            std::cmp::Ordering::Equal => (Theme::ON_THE_DAY, self.paint(Color::Yellow).add_modifier(Modifier::BOLD)),
            std::cmp::Ordering::Greater => (Theme::AHEAD, self.paint(Color::Cyan).add_modifier(Modifier::BOLD)),
        }
    }

    /// An event on (or within) the brief's date.
    pub const ON_THE_DAY: &'static str = "◆";
    /// An event after the brief's date.
    pub const AHEAD: &'static str = "▶";

    /// An event's status, where it is not `occurred`.
    pub fn event_status(self, status: EventStatus) -> Style {
        match status {
            EventStatus::Scheduled => self.paint(Color::Cyan).add_modifier(Modifier::BOLD),
            EventStatus::Ongoing => self.paint(Color::Yellow),
            EventStatus::Cancelled => self.dim(),
            EventStatus::Occurred => Style::new(),
        }
    }

    /// An event's text: struck through when it was cancelled.
    pub fn event_text(self, status: EventStatus) -> Style {
        match status {
            EventStatus::Cancelled => Style::new().add_modifier(Modifier::CROSSED_OUT | Modifier::DIM),
            _ => Style::new(),
        }
    }

    pub fn status(self, status: ClaimStatus) -> Style {
        match status {
            ClaimStatus::Confirmed => self.paint(Color::Green),
            ClaimStatus::Disputed => self.paint(Color::Yellow),
            ClaimStatus::Denied => self.paint(Color::Red),
            ClaimStatus::Unverified => self.dim(),
            ClaimStatus::Reported => Style::new(),
        }
    }
}
