//! The keymap: one table of bindings. Key handling, the help screen and the hint bar all read
//! it, so what the help says is what the keys do.

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::action::{Action, Pane};

/// Where the user is; each context has its own bindings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    Lists,
    Detail,
    Matrix,
    Help,
    Search,
    Picker,
    Dialog,
    Problems,
    Overview,
    Library,
    /// Typing what the library's `/` finds.
    Finding,
    Across,
}

impl Context {
    pub const ALL: [Context; 12] = [
        Context::Library,
        Context::Lists,
        Context::Detail,
        Context::Across,
        Context::Overview,
        Context::Matrix,
        Context::Search,
        Context::Finding,
        Context::Picker,
        Context::Dialog,
        Context::Problems,
        Context::Help,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Context::Lists => "Lists",
            Context::Detail => "Detail pane",
            Context::Matrix => "Stance matrix",
            Context::Help => "Help",
            Context::Search => "Search (typing after /)",
            Context::Picker => "Picker (Ctrl-p)",
            Context::Dialog => "Export dialog",
            Context::Problems => "Problems (D)",
            Context::Overview => "Overview (i)",
            Context::Library => "Library (L): every brief opened",
            Context::Finding => "Finding briefs (typing after / in the library)",
            Context::Across => "Across briefs: dossier (a) and timeline (t)",
        }
    }

    /// The name a config file's `[keys.NAME]` table gives it.
    pub fn name(self) -> &'static str {
        match self {
            Context::Lists => "lists",
            Context::Detail => "detail",
            Context::Matrix => "matrix",
            Context::Help => "help",
            Context::Search => "search",
            Context::Picker => "picker",
            Context::Dialog => "dialog",
            Context::Problems => "problems",
            Context::Overview => "overview",
            Context::Library => "library",
            Context::Finding => "finding",
            Context::Across => "across",
        }
    }

    /// Contexts where typed characters are text, not commands.
    pub fn takes_text(self) -> bool {
        matches!(self, Context::Search | Context::Finding | Context::Picker | Context::Dialog)
    }
}

/// One entry of the keymap.
#[derive(Debug)]
pub struct Binding {
    pub contexts: &'static [Context],
    /// Keys as written in the table (`ctrl-d`, `down`, `G`); see [`parse_key`].
    pub keys: &'static [&'static str],
    pub action: Action,
    /// What the help screen says.
    pub help: &'static str,
    /// What the hint bar says, for the keys that matter most.
    pub hint: Option<&'static str>,
}

use Context::*;

const NORMAL: &[Context] = &[Lists, Detail];
const MOVING: &[Context] = &[Lists, Detail, Matrix, Help, Problems, Overview, Library, Across];
const TYPING: &[Context] = &[Search, Finding, Picker, Dialog];

/// Every binding. The first key of each is the one hints show.
pub const BINDINGS: &[Binding] = &[
    Binding { contexts: MOVING, keys: &["j", "down"], action: Action::Down, help: "move down", hint: Some("move") },
    Binding { contexts: MOVING, keys: &["k", "up"], action: Action::Up, help: "move up", hint: None },
    Binding { contexts: MOVING, keys: &["g", "home"], action: Action::Top, help: "go to the top", hint: None },
    Binding { contexts: MOVING, keys: &["G", "end"], action: Action::Bottom, help: "go to the bottom", hint: None },
    Binding { contexts: MOVING, keys: &["pgdn"], action: Action::PageDown, help: "page down", hint: None },
    Binding { contexts: MOVING, keys: &["pgup"], action: Action::PageUp, help: "page up", hint: None },
    Binding { contexts: MOVING, keys: &["ctrl-d"], action: Action::HalfPageDown, help: "half a page down", hint: None },
    Binding { contexts: MOVING, keys: &["ctrl-u"], action: Action::HalfPageUp, help: "half a page up", hint: None },
    Binding {
        contexts: &[Lists, Detail],
        keys: &["tab"],
        action: Action::NextPane,
        help: "next pane",
        hint: Some("pane"),
    },
    Binding {
        contexts: &[Lists, Detail],
        keys: &["shift-tab"],
        action: Action::PreviousPane,
        help: "previous pane",
        hint: None,
    },
    Binding { contexts: &[Lists], keys: &["l", "right"], action: Action::NextPane, help: "next pane", hint: None },
    Binding {
        contexts: &[Lists],
        keys: &["h", "left"],
        action: Action::PreviousPane,
        help: "previous pane",
        hint: None,
    },
    Binding { contexts: &[Matrix], keys: &["l", "right"], action: Action::Right, help: "next topic", hint: None },
    Binding { contexts: &[Matrix], keys: &["h", "left"], action: Action::Left, help: "previous topic", hint: None },
    Binding {
        contexts: &[Lists, Overview],
        keys: &["1"],
        action: Action::FocusPane(Pane::Actors),
        help: "Actors pane",
        hint: None,
    },
    Binding {
        contexts: &[Lists, Overview],
        keys: &["2"],
        action: Action::FocusPane(Pane::Claims),
        help: "Claims pane",
        hint: None,
    },
    Binding {
        contexts: &[Lists, Overview],
        keys: &["3"],
        action: Action::FocusPane(Pane::Positions),
        help: "Positions pane",
        hint: None,
    },
    Binding {
        contexts: &[Lists, Overview],
        keys: &["4"],
        action: Action::FocusPane(Pane::Quotes),
        help: "Quotes pane",
        hint: None,
    },
    Binding {
        contexts: &[Lists, Overview],
        keys: &["5"],
        action: Action::FocusPane(Pane::Events),
        help: "Events pane: the timeline",
        hint: None,
    },
    Binding {
        contexts: &[Lists, Overview],
        keys: &["6"],
        action: Action::FocusPane(Pane::Sources),
        help: "Sources pane",
        hint: None,
    },
    Binding {
        contexts: &[Lists, Overview],
        keys: &["7"],
        action: Action::FocusPane(Pane::Topics),
        help: "Topics pane",
        hint: None,
    },
    Binding {
        contexts: &[Library],
        keys: &["enter"],
        action: Action::Follow,
        help: "open the brief under the cursor",
        hint: Some("open"),
    },
    Binding {
        contexts: &[Library],
        keys: &["/"],
        action: Action::StartSearch,
        help: "find briefs by title, tag, date or anything in them",
        hint: Some("find"),
    },
    Binding {
        contexts: &[Finding],
        keys: &["enter"],
        action: Action::Submit,
        help: "keep the briefs found",
        hint: Some("keep"),
    },
    Binding {
        contexts: &[Library],
        keys: &["esc"],
        action: Action::Leave,
        help: "show every brief again; with every brief shown, back to the brief last read",
        hint: None,
    },
    Binding {
        contexts: &[Library],
        keys: &["D"],
        action: Action::ShowProblems,
        help: "list the problems of a brief that could not open",
        hint: None,
    },
    Binding {
        contexts: &[Across],
        keys: &["enter"],
        action: Action::Follow,
        help: "open the item under the cursor in its brief",
        hint: Some("open"),
    },
    Binding {
        contexts: &[Across],
        keys: &["f"],
        action: Action::ToggleFilter,
        help: "timeline: only what involves the selected actor or topic; again to show all",
        hint: Some("narrow"),
    },
    Binding {
        contexts: &[Across],
        keys: &["esc", "q", "a", "t"],
        action: Action::Leave,
        help: "close",
        hint: Some("close"),
    },
    Binding {
        contexts: &[Lists],
        keys: &["enter"],
        action: Action::EnterDetail,
        help: "read the selected item and its references",
        hint: Some("detail"),
    },
    Binding {
        contexts: NORMAL,
        keys: &["i"],
        action: Action::ToggleOverview,
        help: "the brief's overview: bottom line, who prepared it, its sources",
        hint: Some("overview"),
    },
    Binding {
        contexts: &[Overview],
        keys: &["enter"],
        action: Action::Follow,
        help: "open the source under the cursor",
        hint: Some("open"),
    },
    Binding {
        contexts: &[Detail],
        keys: &["enter"],
        action: Action::Follow,
        help: "follow the reference under the cursor",
        hint: Some("follow"),
    },
    Binding {
        contexts: &[Detail],
        keys: &["1"],
        action: Action::Digit(1),
        help: "follow reference N (1-9, 0; type 12 for 12)",
        hint: Some("follow N"),
    },
    Binding { contexts: &[Detail], keys: &["2"], action: Action::Digit(2), help: "", hint: None },
    Binding { contexts: &[Detail], keys: &["3"], action: Action::Digit(3), help: "", hint: None },
    Binding { contexts: &[Detail], keys: &["4"], action: Action::Digit(4), help: "", hint: None },
    Binding { contexts: &[Detail], keys: &["5"], action: Action::Digit(5), help: "", hint: None },
    Binding { contexts: &[Detail], keys: &["6"], action: Action::Digit(6), help: "", hint: None },
    Binding { contexts: &[Detail], keys: &["7"], action: Action::Digit(7), help: "", hint: None },
    Binding { contexts: &[Detail], keys: &["8"], action: Action::Digit(8), help: "", hint: None },
    Binding { contexts: &[Detail], keys: &["9"], action: Action::Digit(9), help: "", hint: None },
    Binding { contexts: &[Detail], keys: &["0"], action: Action::Digit(0), help: "", hint: None },
    Binding {
        contexts: &[Detail],
        keys: &["esc", "h", "left"],
        action: Action::Leave,
        help: "back to the list",
        hint: Some("list"),
    },
    Binding {
        contexts: &[Lists, Detail, Library],
        keys: &["backspace", "ctrl-o", "alt-left"],
        action: Action::Back,
        help: "go back to where you were",
        hint: Some("back"),
    },
    Binding {
        contexts: &[Lists, Detail, Library],
        keys: &["ctrl-i", "alt-right"],
        action: Action::Forward,
        help: "go forward again (Ctrl-i where the terminal tells it from Tab)",
        hint: None,
    },
    Binding {
        contexts: NORMAL,
        keys: &["f"],
        action: Action::ToggleFilter,
        help: "show only what is related to the selection; again to show all",
        hint: Some("filter"),
    },
    Binding {
        contexts: NORMAL,
        keys: &["c"],
        action: Action::ToggleChanged,
        help: "show only what is new (+) or changed (~) since the brief this one follows; again to show all",
        hint: None,
    },
    Binding {
        contexts: NORMAL,
        keys: &["o"],
        action: Action::OpenEarlier,
        help: "open the selected item's earlier version, in the brief this one follows (back returns)",
        hint: None,
    },
    Binding {
        contexts: NORMAL,
        keys: &["/"],
        action: Action::StartSearch,
        help: "search the focused pane",
        hint: Some("search"),
    },
    Binding { contexts: NORMAL, keys: &["n"], action: Action::NextMatch, help: "next match", hint: None },
    Binding { contexts: NORMAL, keys: &["N"], action: Action::PreviousMatch, help: "previous match", hint: None },
    Binding {
        contexts: &[Lists, Detail, Library, Across],
        keys: &["ctrl-p"],
        action: Action::OpenPicker,
        help: "jump to any item of any brief by name, id or text",
        hint: Some("jump"),
    },
    Binding {
        contexts: NORMAL,
        keys: &["m"],
        action: Action::ToggleMatrix,
        help: "actors × topics stance matrix",
        hint: Some("matrix"),
    },
    Binding {
        contexts: &[Overview],
        keys: &["esc", "i", "q"],
        action: Action::Leave,
        help: "close the overview",
        hint: Some("close"),
    },
    Binding {
        contexts: &[Matrix],
        keys: &["enter"],
        action: Action::Follow,
        help: "open the position in this cell",
        hint: Some("open"),
    },
    Binding {
        contexts: &[Matrix],
        keys: &["esc", "m", "q"],
        action: Action::Leave,
        help: "close the matrix",
        hint: Some("close"),
    },
    Binding {
        contexts: NORMAL,
        keys: &["]"],
        action: Action::NextBrief,
        help: "the next brief in time, on the same item where it has it",
        hint: None,
    },
    Binding {
        contexts: NORMAL,
        keys: &["["],
        action: Action::PreviousBrief,
        help: "the brief before in time, on the same item where it has it",
        hint: None,
    },
    Binding {
        contexts: &[Lists, Detail, Overview, Across],
        keys: &["e"],
        action: Action::Export,
        help: "export what is in view to a file",
        hint: Some("export"),
    },
    Binding {
        contexts: &[Lists, Detail, Overview, Across],
        keys: &["y"],
        action: Action::Copy,
        help: "copy what is in view to the clipboard",
        hint: None,
    },
    Binding {
        contexts: NORMAL,
        keys: &["r"],
        action: Action::Reload,
        help: "read the brief's file again (what is loaded stays if the file is gone or broken)",
        hint: None,
    },
    Binding {
        contexts: NORMAL,
        keys: &["D"],
        action: Action::ShowProblems,
        help: "list the errors the last save or r found in the brief's file",
        hint: None,
    },
    Binding {
        contexts: NORMAL,
        keys: &["E"],
        action: Action::Edit,
        help: "edit the selected item's file at its line in $VISUAL or $EDITOR",
        hint: None,
    },
    Binding {
        contexts: &[Problems],
        keys: &["E"],
        action: Action::Edit,
        help: "edit the file at the first error's line",
        hint: Some("edit"),
    },
    Binding {
        contexts: &[Library],
        keys: &["E"],
        action: Action::Edit,
        help: "edit the file of the brief under the cursor",
        hint: None,
    },
    Binding {
        contexts: &[Problems],
        keys: &["esc", "D", "q"],
        action: Action::Leave,
        help: "close the problems",
        hint: Some("close"),
    },
    Binding {
        contexts: &[Lists, Detail, Matrix, Overview, Library, Across],
        keys: &["?"],
        action: Action::ToggleHelp,
        help: "this help",
        hint: Some("help"),
    },
    Binding {
        contexts: &[Help],
        keys: &["esc", "?", "q"],
        action: Action::Leave,
        help: "close the help",
        hint: Some("close"),
    },
    Binding {
        contexts: &[Search],
        keys: &["enter"],
        action: Action::Submit,
        help: "keep this search, to step through its matches",
        hint: Some("keep"),
    },
    Binding {
        contexts: &[Search],
        keys: &["down", "ctrl-n"],
        action: Action::NextMatch,
        help: "next match",
        hint: Some("next"),
    },
    Binding {
        contexts: &[Search],
        keys: &["up", "ctrl-p"],
        action: Action::PreviousMatch,
        help: "previous match",
        hint: None,
    },
    Binding {
        contexts: &[Picker],
        keys: &["enter"],
        action: Action::Submit,
        help: "jump to the chosen item",
        hint: Some("jump"),
    },
    Binding {
        contexts: &[Picker],
        keys: &["down", "ctrl-n"],
        action: Action::Down,
        help: "next candidate",
        hint: Some("choose"),
    },
    Binding {
        contexts: &[Picker],
        keys: &["up", "ctrl-p"],
        action: Action::Up,
        help: "previous candidate",
        hint: None,
    },
    Binding {
        contexts: &[Finding],
        keys: &["down", "ctrl-n"],
        action: Action::Down,
        help: "next brief found",
        hint: Some("choose"),
    },
    Binding { contexts: &[Finding], keys: &["up", "ctrl-p"], action: Action::Up, help: "brief above", hint: None },
    Binding { contexts: &[Dialog], keys: &["enter"], action: Action::Submit, help: "accept", hint: Some("accept") },
    Binding {
        contexts: &[Dialog],
        keys: &["tab"],
        action: Action::NextPane,
        help: "next format",
        hint: Some("format"),
    },
    Binding { contexts: TYPING, keys: &["backspace"], action: Action::Erase, help: "erase a character", hint: None },
    Binding { contexts: TYPING, keys: &["esc"], action: Action::Leave, help: "cancel", hint: Some("cancel") },
    Binding {
        contexts: &[Lists, Detail, Library],
        keys: &["ctrl-z"],
        action: Action::Suspend,
        help: "suspend (fg resumes)",
        hint: None,
    },
    Binding {
        contexts: &[Lists, Detail, Library],
        keys: &["q"],
        action: Action::Quit,
        help: "quit",
        hint: Some("quit"),
    },
    Binding {
        contexts: &[Lists, Detail, Library],
        keys: &["L"],
        action: Action::ToggleLibrary,
        help: "the library: every brief opened, newest first; from it, back to the brief",
        hint: None,
    },
    Binding {
        contexts: &[Lists, Detail, Library],
        keys: &["t"],
        action: Action::Timeline,
        help: "the timeline across every brief opened",
        hint: Some("timeline"),
    },
    Binding {
        contexts: NORMAL,
        keys: &["a"],
        action: Action::Dossier,
        help: "the selected item across every brief: an actor's or a topic's dossier",
        hint: Some("across"),
    },
    Binding {
        contexts: &[Lists, Detail, Matrix, Help, Search, Finding, Picker, Dialog, Problems, Overview, Library, Across],
        keys: &["ctrl-c"],
        action: Action::Quit,
        help: "quit",
        hint: None,
    },
];

/// A key as the table writes it, as crossterm reports it.
pub fn parse_key(text: &str) -> Option<(KeyCode, KeyModifiers)> {
    let (modifiers, name) = match text.split_once('-').filter(|(m, rest)| !rest.is_empty() && m.len() > 1) {
        Some(("ctrl", rest)) => (KeyModifiers::CONTROL, rest),
        Some(("alt", rest)) => (KeyModifiers::ALT, rest),
        Some(("shift", "tab")) => return Some((KeyCode::BackTab, KeyModifiers::SHIFT)),
        Some(_) => return None,
        None => (KeyModifiers::NONE, text),
    };
    let code = match name {
        "down" => KeyCode::Down,
        "up" => KeyCode::Up,
        "left" => KeyCode::Left,
        "right" => KeyCode::Right,
        "home" => KeyCode::Home,
        "end" => KeyCode::End,
        "pgdn" => KeyCode::PageDown,
        "pgup" => KeyCode::PageUp,
        "enter" => KeyCode::Enter,
        "esc" => KeyCode::Esc,
        "tab" => KeyCode::Tab,
        "backspace" => KeyCode::Backspace,
        "space" => KeyCode::Char(' '),
        one if one.chars().count() == 1 => KeyCode::Char(one.chars().next()?),
        _ => return None,
    };
    Some((code, modifiers))
}

/// A key as the help and hints show it.
pub fn display_key(text: &str) -> String {
    let (prefix, name) = match text.split_once('-').filter(|(m, rest)| !rest.is_empty() && m.len() > 1) {
        Some(("ctrl", rest)) => ("Ctrl-", rest),
        Some(("alt", rest)) => ("Alt-", rest),
        Some(("shift", rest)) => ("Shift-", rest),
        _ => ("", text),
    };
    let name = match name {
        "down" => "↓",
        "up" => "↑",
        "left" => "←",
        "right" => "→",
        "home" => "Home",
        "end" => "End",
        "pgdn" => "PgDn",
        "pgup" => "PgUp",
        "enter" => "Enter",
        "esc" => "Esc",
        "tab" => "Tab",
        "backspace" => "Backspace",
        "space" => "Space",
        other => other,
    };
    format!("{prefix}{name}")
}

/// Whether a key event is this table key. Shift is part of the character for letters and
/// symbols (`G`, `?`), so it is ignored there.
fn matches(event: &KeyEvent, key: &str) -> bool {
    let Some((code, modifiers)) = parse_key(key) else { return false };
    let mut pressed = event.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
    if matches!(event.code, KeyCode::Char(_)) {
        pressed.remove(KeyModifiers::SHIFT);
    }
    if event.code == KeyCode::BackTab {
        pressed = KeyModifiers::SHIFT;
    }
    let code_matches = match (event.code, code) {
        // Terminals report Ctrl-letters lower case, some with Shift upper case.
        (KeyCode::Char(a), KeyCode::Char(b)) if modifiers.contains(KeyModifiers::CONTROL) => a.eq_ignore_ascii_case(&b),
        (a, b) => a == b,
    };
    code_matches && pressed == modifiers
}

/// Whether two table keys are one key as pressed: `ctrl-x` is `ctrl-X`, as [`matches`] has it.
pub fn same_key(a: &str, b: &str) -> bool {
    let (Some((code_a, mods_a)), Some((code_b, mods_b))) = (parse_key(a), parse_key(b)) else { return false };
    let codes = match (code_a, code_b) {
        (KeyCode::Char(x), KeyCode::Char(y)) if mods_a.contains(KeyModifiers::CONTROL) => x.eq_ignore_ascii_case(&y),
        (x, y) => x == y,
    };
    codes && mods_a == mods_b
}

/// One context's share of a table binding, with the keys in force there: the table's, or those
/// a config file gave the action.
#[derive(Debug, Clone)]
pub struct Entry {
    pub context: Context,
    pub keys: Vec<String>,
    pub binding: &'static Binding,
}

/// The keys in force: [`BINDINGS`] with a config file's overrides, built once at start. Key
/// handling, the help, the hint bar and the key tables all read it.
#[derive(Debug, Clone)]
pub struct Keymap {
    /// In table order, so each context's entries are in the order the help lists them.
    entries: Vec<Entry>,
}

impl Default for Keymap {
    fn default() -> Keymap {
        let entries = BINDINGS
            .iter()
            .flat_map(|binding| {
                binding.contexts.iter().map(move |&context| Entry {
                    context,
                    keys: binding.keys.iter().map(|k| k.to_string()).collect(),
                    binding,
                })
            })
            .collect();
        Keymap { entries }
    }
}

impl Keymap {
    /// Every entry of a context, in table order.
    pub fn entries(&self, context: Context) -> impl Iterator<Item = &Entry> {
        self.entries.iter().filter(move |e| e.context == context)
    }

    /// Gives an action exactly these keys in a context: its first entry there takes them, any
    /// other of its entries there goes. False when the action has no entry in the context.
    pub fn rebind(&mut self, context: Context, action: &Action, keys: Vec<String>) -> bool {
        let of_action = |e: &Entry| e.context == context && e.binding.action == *action;
        let Some(first) = self.entries.iter().position(of_action) else { return false };
        self.entries[first].keys = keys;
        let mut at = 0;
        self.entries.retain(|e| {
            at += 1;
            at - 1 == first || !of_action(e)
        });
        true
    }

    /// The action a key performs in a context, if any. In text contexts, an unbound character
    /// is typed.
    pub fn action_for(&self, context: Context, event: &KeyEvent) -> Option<Action> {
        if event.kind == KeyEventKind::Release {
            return None;
        }
        let bound =
            self.entries(context).find(|e| e.keys.iter().any(|k| matches(event, k))).map(|e| e.binding.action.clone());
        if bound.is_some() {
            return bound;
        }
        match event.code {
            KeyCode::Char(c)
                if context.takes_text() && !event.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
            {
                Some(Action::Type(c))
            }
            _ => None,
        }
    }

    /// The entries of a context the help lists, in table order.
    pub fn bindings_for(&self, context: Context) -> impl Iterator<Item = &Entry> {
        self.entries(context).filter(|e| !e.binding.help.is_empty())
    }

    /// The first key of an action in a context, as shown: for lines that name a key.
    pub fn first_key(&self, context: Context, action: &Action) -> Option<String> {
        let entry = self.entries(context).find(|e| e.binding.action == *action)?;
        entry.keys.first().map(|k| display_key(k))
    }

    /// `key hint` pairs for the hint bar of a context.
    pub fn hints_for(&self, context: Context) -> Vec<(String, &'static str)> {
        let mut hints: Vec<(String, &'static str)> = Vec::new();
        for entry in self.entries(context) {
            let Some(hint) = entry.binding.hint else { continue };
            let Some(first) = entry.keys.first() else { continue };
            if hints.iter().any(|(_, h)| *h == hint) {
                continue;
            }
            // "j/k move": pair a key with its opposite's.
            let key = display_key(first);
            let key = match (&entry.binding.action, self.first_key(context, &Action::Up)) {
                (Action::Down, Some(up)) => format!("{key}/{up}"),
                _ => key,
            };
            hints.push((key, hint));
        }
        hints
    }

    /// The one hint a lost user needs in a context, shown whatever else fits: how to get help,
    /// or, where the help cannot open, how to get out.
    pub fn essential_hint(&self, context: Context) -> Option<(String, &'static str)> {
        let bound = |action: Action| {
            self.entries(context).find(|e| e.binding.action == action && e.binding.hint.is_some() && !e.keys.is_empty())
        };
        let entry = bound(Action::ToggleHelp).or_else(|| bound(Action::Leave))?;
        Some((display_key(entry.keys.first()?), entry.binding.hint?))
    }

    /// Every key by context as a Markdown table, with the name a config file binds each by:
    /// for the README (the defaults) and `brief config --keys` (the keys in force).
    pub fn markdown(&self) -> String {
        let mut out = String::new();
        for context in Context::ALL {
            out.push_str(&format!(
                "\n**{}** (`{}`)\n\n| keys | does | action |\n|---|---|---|\n",
                context.title(),
                context.name()
            ));
            for entry in self.bindings_for(context) {
                let keys: Vec<String> =
                    entry.keys.iter().map(|k| format!("`{}`", display_key(k).replace('|', "\\|"))).collect();
                let name = entry.binding.action.name().map_or_else(String::new, |n| format!("`{n}`"));
                out.push_str(&format!("| {} | {} | {name} |\n", keys.join(" "), entry.binding.help));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn keymap() -> Keymap {
        Keymap::default()
    }

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn every_table_key_parses() {
        for binding in BINDINGS {
            for k in binding.keys {
                assert!(parse_key(k).is_some(), "{k} does not parse");
            }
        }
    }

    #[test]
    fn no_key_means_two_things_in_one_context() {
        for context in Context::ALL {
            let mut seen: Vec<(KeyCode, KeyModifiers)> = Vec::new();
            for binding in BINDINGS.iter().filter(|b| b.contexts.contains(&context)) {
                for k in binding.keys {
                    let parsed = parse_key(k).unwrap();
                    assert!(!seen.contains(&parsed), "{k} is bound twice in {context:?}");
                    seen.push(parsed);
                }
            }
        }
    }

    #[test]
    fn keys_map_to_their_actions() {
        assert_eq!(
            keymap().action_for(Context::Lists, &key(KeyCode::Char('j'), KeyModifiers::NONE)),
            Some(Action::Down)
        );
        assert_eq!(
            keymap().action_for(Context::Lists, &key(KeyCode::Char('G'), KeyModifiers::SHIFT)),
            Some(Action::Bottom)
        );
        assert_eq!(
            keymap().action_for(Context::Lists, &key(KeyCode::Char('d'), KeyModifiers::CONTROL)),
            Some(Action::HalfPageDown)
        );
        assert_eq!(
            keymap().action_for(Context::Lists, &key(KeyCode::BackTab, KeyModifiers::SHIFT)),
            Some(Action::PreviousPane)
        );
        assert_eq!(keymap().action_for(Context::Lists, &key(KeyCode::Left, KeyModifiers::ALT)), Some(Action::Back));
        assert_eq!(
            keymap().action_for(Context::Detail, &key(KeyCode::Char('3'), KeyModifiers::NONE)),
            Some(Action::Digit(3))
        );
        assert_eq!(
            keymap().action_for(Context::Lists, &key(KeyCode::Char('3'), KeyModifiers::NONE)),
            Some(Action::FocusPane(Pane::Positions))
        );
    }

    #[test]
    fn text_contexts_type_unbound_characters() {
        assert_eq!(
            keymap().action_for(Context::Search, &key(KeyCode::Char('j'), KeyModifiers::NONE)),
            Some(Action::Type('j'))
        );
        assert_eq!(
            keymap().action_for(Context::Search, &key(KeyCode::Char('q'), KeyModifiers::NONE)),
            Some(Action::Type('q'))
        );
        assert_eq!(
            keymap().action_for(Context::Picker, &key(KeyCode::Char('n'), KeyModifiers::CONTROL)),
            Some(Action::Down)
        );
        assert_eq!(keymap().action_for(Context::Lists, &key(KeyCode::Char('x'), KeyModifiers::NONE)), None);
    }

    #[test]
    fn every_context_has_a_way_to_help_or_out() {
        for context in Context::ALL {
            let (key, hint) = keymap().essential_hint(context).unwrap_or_else(|| panic!("{context:?} has none"));
            assert!(["help", "close", "cancel"].contains(&hint), "{context:?}: {key} {hint}");
        }
        assert_eq!(keymap().essential_hint(Context::Lists), Some(("?".to_string(), "help")));
        assert_eq!(keymap().essential_hint(Context::Search), Some(("Esc".to_string(), "cancel")));
    }

    #[test]
    fn hints_come_from_the_table() {
        let hints = keymap().hints_for(Context::Lists);
        assert_eq!(hints[0], ("j/k".to_string(), "move"));
        assert!(hints.iter().any(|(k, h)| k == "/" && *h == "search"));
        assert!(hints.iter().any(|(k, h)| k == "q" && *h == "quit"));
    }

    #[test]
    fn a_rebound_action_has_only_its_new_keys_in_that_context() {
        let mut keymap = keymap();
        assert!(keymap.rebind(Context::Lists, &Action::NextPane, vec!["x".into()]));
        let keys: Vec<&Vec<String>> =
            keymap.entries(Context::Lists).filter(|e| e.binding.action == Action::NextPane).map(|e| &e.keys).collect();
        assert_eq!(keys, [&vec!["x".to_string()]], "tab and l/right were two entries; one is left");
        assert_eq!(keymap.action_for(Context::Detail, &key(KeyCode::Tab, KeyModifiers::NONE)), Some(Action::NextPane));
        assert!(!keymap.rebind(Context::Search, &Action::Export, vec!["x".into()]), "export has no key there");
    }

    #[test]
    fn the_move_hint_pairs_down_with_ups_key_as_bound() {
        let mut keymap = keymap();
        keymap.rebind(Context::Lists, &Action::Up, vec!["i".into()]);
        assert_eq!(keymap.hints_for(Context::Lists)[0], ("j/i".to_string(), "move"));
        assert_eq!(
            keymap.hints_for(Context::Picker).iter().find(|(_, h)| *h == "choose").map(|(k, _)| k.as_str()),
            Some("↓/↑")
        );
    }

    #[test]
    fn ctrl_letters_are_one_key_in_either_case() {
        assert!(same_key("ctrl-d", "ctrl-D"));
        assert!(!same_key("d", "D"));
        assert!(!same_key("ctrl-d", "d"));
    }
}
