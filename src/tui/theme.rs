//! Styles from the terminal's own ANSI palette, with bold and reverse, so the reader is legible
//! on dark and light themes. With `NO_COLOR` only modifiers remain: selection, marks and stances
//! still show through reverse, bold, underline and glyphs. A config file's `[theme]` gives a role
//! another colour.

use ratatui::style::{Color, Modifier, Style};

use crate::model::{ClaimStatus, EventStatus, Stance};

/// What a colour is for on screen: the names a config file's `[theme]` sets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Marked,
    Heading,
    Border,
    Found,
    Message,
    Key,
    Supports,
    Opposes,
    Neutral,
    Mixed,
    Unclear,
    Today,
    Ahead,
    Scheduled,
    Ongoing,
    Confirmed,
    Disputed,
    Denied,
}

impl Role {
    pub const COUNT: usize = 18;
    pub const ALL: [Role; Role::COUNT] = [
        Role::Marked,
        Role::Heading,
        Role::Border,
        Role::Found,
        Role::Message,
        Role::Key,
        Role::Supports,
        Role::Opposes,
        Role::Neutral,
        Role::Mixed,
        Role::Unclear,
        Role::Today,
        Role::Ahead,
        Role::Scheduled,
        Role::Ongoing,
        Role::Confirmed,
        Role::Disputed,
        Role::Denied,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Role::Marked => "marked",
            Role::Heading => "heading",
            Role::Border => "border",
            Role::Found => "found",
            Role::Message => "message",
            Role::Key => "key",
            Role::Supports => "supports",
            Role::Opposes => "opposes",
            Role::Neutral => "neutral",
            Role::Mixed => "mixed",
            Role::Unclear => "unclear",
            Role::Today => "today",
            Role::Ahead => "ahead",
            Role::Scheduled => "scheduled",
            Role::Ongoing => "ongoing",
            Role::Confirmed => "confirmed",
            Role::Disputed => "disputed",
            Role::Denied => "denied",
        }
    }

    /// What the role colours, for the commented default config.
    pub fn about(self) -> &'static str {
        match self {
            Role::Marked => "rows related to the selection",
            Role::Heading => "headings and titles",
            Role::Border => "the border of the pane the keyboard is in",
            Role::Found => "behind search matches (the text on it is black)",
            Role::Message => "the status line's messages",
            Role::Key => "keys in the hint bar and the help",
            Role::Supports => "a position's stance: supports",
            Role::Opposes => "a position's stance: opposes",
            Role::Neutral => "a position's stance: neutral",
            Role::Mixed => "a position's stance: mixed",
            Role::Unclear => "a position's stance: unclear",
            Role::Today => "an event on the brief's date",
            Role::Ahead => "an event after the brief's date",
            Role::Scheduled => "an event's status: scheduled",
            Role::Ongoing => "an event's status: ongoing",
            Role::Confirmed => "a claim's status: confirmed",
            Role::Disputed => "a claim's status: disputed",
            Role::Denied => "a claim's status: denied",
        }
    }

    fn default_color(self) -> Color {
        match self {
            Role::Marked | Role::Border | Role::Key | Role::Ahead | Role::Scheduled => Color::Cyan,
            Role::Heading | Role::Found | Role::Today | Role::Ongoing | Role::Disputed => Color::Yellow,
            Role::Message | Role::Supports | Role::Confirmed => Color::Green,
            Role::Opposes | Role::Denied => Color::Red,
            Role::Neutral => Color::Blue,
            Role::Mixed => Color::Magenta,
            Role::Unclear => Color::Reset,
        }
    }
}

/// A colour for every role.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Palette([Color; Role::COUNT]);

impl Default for Palette {
    fn default() -> Palette {
        Palette(Role::ALL.map(Role::default_color))
    }
}

impl Palette {
    pub fn get(&self, role: Role) -> Color {
        self.0[role as usize]
    }

    pub fn set(&mut self, role: Role, color: Color) {
        self.0[role as usize] = color;
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
    pub palette: Palette,
}

impl Theme {
    /// The default colours; `color` false for none.
    pub fn new(color: bool) -> Theme {
        Theme { color, palette: Palette::default() }
    }

    fn paint(self, role: Role) -> Style {
        if self.color { Style::new().fg(self.palette.get(role)) } else { Style::new() }
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
        self.paint(Role::Marked).add_modifier(Modifier::BOLD)
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
        self.paint(Role::Heading).add_modifier(Modifier::BOLD)
    }

    pub fn border(self, focused: bool) -> Style {
        if focused { self.paint(Role::Border).add_modifier(Modifier::BOLD) } else { self.dim() }
    }

    /// Search matches inside a row.
    pub fn found(self) -> Style {
        if self.color {
            Style::new().fg(Color::Black).bg(self.palette.get(Role::Found))
        } else {
            Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD)
        }
    }

    pub fn marking(self) -> Style {
        Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD)
    }

    pub fn message(self) -> Style {
        self.paint(Role::Message).add_modifier(Modifier::BOLD)
    }

    pub fn key(self) -> Style {
        self.paint(Role::Key).add_modifier(Modifier::BOLD)
    }

    /// A stance as one glyph and its colour: readable without the colour.
    pub fn stance(self, stance: Stance) -> (&'static str, Style) {
        let role = match stance {
            Stance::Supports => Role::Supports,
            Stance::Opposes => Role::Opposes,
            Stance::Neutral => Role::Neutral,
            Stance::Mixed => Role::Mixed,
            Stance::Unclear => Role::Unclear,
        };
        (stance.sign(), self.paint(role).add_modifier(Modifier::BOLD))
    }

    /// Where an event falls against the brief's date, as a glyph that reads without colour:
    /// nothing before it, `◆` on it, `▶` ahead of it.
    pub fn when(self, against_brief: std::cmp::Ordering) -> (&'static str, Style) {
        match against_brief {
            std::cmp::Ordering::Less => (" ", Style::new()),
            std::cmp::Ordering::Equal => (Theme::ON_THE_DAY, self.paint(Role::Today).add_modifier(Modifier::BOLD)),
            std::cmp::Ordering::Greater => (Theme::AHEAD, self.paint(Role::Ahead).add_modifier(Modifier::BOLD)),
        }
    }

    /// An event on (or within) the brief's date.
    pub const ON_THE_DAY: &'static str = "◆";
    /// An event after the brief's date.
    pub const AHEAD: &'static str = "▶";

    /// An event's status, where it is not `occurred`.
    pub fn event_status(self, status: EventStatus) -> Style {
        match status {
            EventStatus::Scheduled => self.paint(Role::Scheduled).add_modifier(Modifier::BOLD),
            EventStatus::Ongoing => self.paint(Role::Ongoing),
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
            ClaimStatus::Confirmed => self.paint(Role::Confirmed),
            ClaimStatus::Disputed => self.paint(Role::Disputed),
            ClaimStatus::Denied => self.paint(Role::Denied),
            ClaimStatus::Unverified => self.dim(),
            ClaimStatus::Reported => Style::new(),
        }
    }
}
