//! Everything a user can do, as data: keys, mouse events and tests all become an [`Action`],
//! and only [`crate::tui::App::update`] changes state.

/// One of the seven list panes, one per section, numbered as their keys: the four a brief opens
/// on, then the timeline, the sources and the topics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Pane {
    #[default]
    Actors,
    Claims,
    Positions,
    Quotes,
    Events,
    Sources,
    Topics,
}

impl Pane {
    pub const COUNT: usize = 7;
    pub const ALL: [Pane; Pane::COUNT] =
        [Pane::Actors, Pane::Claims, Pane::Positions, Pane::Quotes, Pane::Events, Pane::Sources, Pane::Topics];
    /// The panes a wide screen shows side by side.
    pub const SEEDS: [Pane; 4] = [Pane::Actors, Pane::Claims, Pane::Positions, Pane::Quotes];
    /// The panes a wide screen shows one at a time, in the place they share.
    pub const SHARED: [Pane; 3] = [Pane::Events, Pane::Sources, Pane::Topics];

    pub fn section(self) -> crate::model::Section {
        use crate::model::Section;
        match self {
            Pane::Actors => Section::Actors,
            Pane::Claims => Section::Claims,
            Pane::Positions => Section::Positions,
            Pane::Quotes => Section::Quotes,
            Pane::Events => Section::Events,
            Pane::Sources => Section::Sources,
            Pane::Topics => Section::Topics,
        }
    }

    /// The pane listing a section's items.
    pub fn of(section: crate::model::Section) -> Pane {
        use crate::model::Section;
        match section {
            Section::Actors => Pane::Actors,
            Section::Claims => Pane::Claims,
            Section::Positions => Pane::Positions,
            Section::Quotes => Pane::Quotes,
            Section::Events => Pane::Events,
            Section::Sources => Pane::Sources,
            Section::Topics => Pane::Topics,
        }
    }

    /// The key that focuses it.
    pub fn number(self) -> usize {
        self as usize + 1
    }

    pub fn is_shared(self) -> bool {
        Pane::SHARED.contains(&self)
    }

    pub fn next(self) -> Pane {
        Pane::ALL[(self as usize + 1) % Pane::COUNT]
    }

    pub fn previous(self) -> Pane {
        Pane::ALL[(self as usize + Pane::COUNT - 1) % Pane::COUNT]
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    // Moving in a list, the detail pane, the matrix or the help.
    Down,
    Up,
    Top,
    Bottom,
    PageDown,
    PageUp,
    HalfPageDown,
    HalfPageUp,
    Left,
    Right,
    NextPane,
    PreviousPane,
    FocusPane(Pane),
    /// Move into the detail pane.
    EnterDetail,
    /// Step out: of the detail pane, an overlay, a search.
    Leave,

    // Cross-references.
    /// Follow the reference under the cursor in the detail pane; in the matrix, open the cell.
    Follow,
    /// A digit typed in the detail pane: follows reference N once N is unambiguous.
    Digit(u8),
    ToggleFilter,
    /// Only what is new or changed since the earlier brief, or everything again.
    ToggleChanged,
    /// Open the selected item's earlier version, in the brief before.
    OpenEarlier,
    Back,
    Forward,

    // Finding.
    StartSearch,
    NextMatch,
    PreviousMatch,
    OpenPicker,

    // Views.
    ToggleMatrix,
    /// The brief's overview: its bottom line, who prepared it, its sources.
    ToggleOverview,
    ToggleHelp,
    NextBrief,
    PreviousBrief,
    /// The library: every brief opened, newest first.
    ToggleLibrary,
    /// Events and dated items of every brief, in date order.
    Timeline,
    /// The selected item across the briefs.
    Dossier,

    // Text input in a search, the picker or a dialog.
    Type(char),
    Erase,
    Submit,

    // Passing a section on.
    Export,
    Copy,
    /// The runtime copied `items` items: where they went.
    Copied {
        items: usize,
        to: super::clipboard::Copied,
    },
    /// Read the brief's file again.
    Reload,
    /// Show the problems the last reading of the file found.
    ShowProblems,
    /// Open the selected item's file, or a problem's, in the editor at its line.
    Edit,
    /// The runtime ran the editor on `file`: `error` says why it could not.
    Edited {
        file: std::path::PathBuf,
        error: Option<String>,
    },
    /// The runtime saw these files change on disk (saved, added, removed): read them again.
    FilesChanged(Vec<std::path::PathBuf>),
    /// The runtime cannot follow changes to the files: why, for the status line.
    Unwatched(String),

    /// Nothing was pressed: carry on with work left from the last key (the picker scoring a
    /// large brief in slices).
    Work,

    // The terminal.
    Resize(u16, u16),
    Click {
        column: u16,
        row: u16,
    },
    ScrollDown {
        column: u16,
        row: u16,
    },
    ScrollUp {
        column: u16,
        row: u16,
    },
    Suspend,
    Quit,
}

impl Action {
    /// The name a config file's `[keys]` binds it by (`quit = ["x"]`); `None` for what no key
    /// can be bound to: input that carries data and the runtime's answers. The match is
    /// exhaustive so a new action cannot be left without a decision: one line here.
    pub fn name(&self) -> Option<&'static str> {
        Some(match self {
            Action::Down => "down",
            Action::Up => "up",
            Action::Top => "top",
            Action::Bottom => "bottom",
            Action::PageDown => "page_down",
            Action::PageUp => "page_up",
            Action::HalfPageDown => "half_page_down",
            Action::HalfPageUp => "half_page_up",
            Action::Left => "left",
            Action::Right => "right",
            Action::NextPane => "next_pane",
            Action::PreviousPane => "previous_pane",
            Action::FocusPane(Pane::Actors) => "focus_actors",
            Action::FocusPane(Pane::Claims) => "focus_claims",
            Action::FocusPane(Pane::Positions) => "focus_positions",
            Action::FocusPane(Pane::Quotes) => "focus_quotes",
            Action::FocusPane(Pane::Events) => "focus_events",
            Action::FocusPane(Pane::Sources) => "focus_sources",
            Action::FocusPane(Pane::Topics) => "focus_topics",
            Action::EnterDetail => "enter_detail",
            Action::Leave => "leave",
            Action::Follow => "follow",
            Action::ToggleFilter => "toggle_filter",
            Action::ToggleChanged => "toggle_changed",
            Action::OpenEarlier => "open_earlier",
            Action::Back => "back",
            Action::Forward => "forward",
            Action::StartSearch => "start_search",
            Action::NextMatch => "next_match",
            Action::PreviousMatch => "previous_match",
            Action::OpenPicker => "open_picker",
            Action::ToggleMatrix => "toggle_matrix",
            Action::ToggleOverview => "toggle_overview",
            Action::ToggleHelp => "toggle_help",
            Action::NextBrief => "next_brief",
            Action::PreviousBrief => "previous_brief",
            Action::ToggleLibrary => "toggle_library",
            Action::Timeline => "timeline",
            Action::Dossier => "dossier",
            Action::Erase => "erase",
            Action::Submit => "submit",
            Action::Export => "export",
            Action::Copy => "copy",
            Action::Reload => "reload",
            Action::ShowProblems => "show_problems",
            Action::Edit => "edit",
            Action::Suspend => "suspend",
            Action::Quit => "quit",
            // Digits are the numbers of references, not commands.
            Action::Digit(_)
            | Action::Type(_)
            | Action::Copied { .. }
            | Action::Edited { .. }
            | Action::FilesChanged(_)
            | Action::Unwatched(_)
            | Action::Work
            | Action::Resize(..)
            | Action::Click { .. }
            | Action::ScrollDown { .. }
            | Action::ScrollUp { .. } => return None,
        })
    }
}
