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

    /// Contexts where typed characters are text, not commands.
    pub fn takes_text(self) -> bool {
        matches!(self, Context::Search | Context::Finding | Context::Picker | Context::Dialog)
    }
}

/// One entry of the keymap.
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
        help: "open the selected item's earlier version, in the brief this one follows (Backspace returns)",
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
        help: "keep this search (n/N move between matches)",
        hint: Some("keep"),
    },
    Binding {
        contexts: &[Search],
        keys: &["ctrl-n", "down"],
        action: Action::NextMatch,
        help: "next match",
        hint: Some("next"),
    },
    Binding {
        contexts: &[Search],
        keys: &["ctrl-p", "up"],
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

/// The action a key performs in a context, if any. In text contexts, an unbound character is
/// typed.
pub fn action_for(context: Context, event: &KeyEvent) -> Option<Action> {
    if event.kind == KeyEventKind::Release {
        return None;
    }
    let bound = BINDINGS
        .iter()
        .filter(|b| b.contexts.contains(&context))
        .find(|b| b.keys.iter().any(|k| matches(event, k)))
        .map(|b| b.action.clone());
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

/// The bindings of a context, in table order, for the help screen.
pub fn bindings_for(context: Context) -> impl Iterator<Item = &'static Binding> {
    BINDINGS.iter().filter(move |b| b.contexts.contains(&context) && !b.help.is_empty())
}

/// `key hint` pairs for the hint bar of a context.
pub fn hints_for(context: Context) -> Vec<(String, &'static str)> {
    let mut hints: Vec<(String, &'static str)> = Vec::new();
    for binding in BINDINGS.iter().filter(|b| b.contexts.contains(&context)) {
        let Some(hint) = binding.hint else { continue };
        if hints.iter().any(|(_, h)| *h == hint) {
            continue;
        }
        // "j/k move": pair a key with its opposite when the table lists both.
        let key = display_key(binding.keys[0]);
        let key = match binding.action {
            Action::Down => format!("{key}/{}", display_key(if context.takes_text() { "up" } else { "k" })),
            _ => key,
        };
        hints.push((key, hint));
    }
    hints
}

/// The one hint a lost user needs in a context, shown whatever else fits: how to get help, or,
/// where the help cannot open, how to get out.
pub fn essential_hint(context: Context) -> Option<(String, &'static str)> {
    let bound = |action: Action| {
        BINDINGS.iter().find(|b| b.contexts.contains(&context) && b.action == action && b.hint.is_some())
    };
    let binding = bound(Action::ToggleHelp).or_else(|| bound(Action::Leave))?;
    Some((display_key(binding.keys[0]), binding.hint?))
}

/// Every key by context as a Markdown table, for the README: docs drawn from the same table
/// as the keys themselves (a test keeps the README's copy current).
pub fn markdown() -> String {
    let mut out = String::new();
    for context in Context::ALL {
        out.push_str(&format!("\n**{}**\n\n| keys | does |\n|---|---|\n", context.title()));
        for binding in bindings_for(context) {
            let keys: Vec<String> =
                binding.keys.iter().map(|k| format!("`{}`", display_key(k).replace('|', "\\|"))).collect();
            out.push_str(&format!("| {} | {} |\n", keys.join(" "), binding.help));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
        assert_eq!(action_for(Context::Lists, &key(KeyCode::Char('j'), KeyModifiers::NONE)), Some(Action::Down));
        assert_eq!(action_for(Context::Lists, &key(KeyCode::Char('G'), KeyModifiers::SHIFT)), Some(Action::Bottom));
        assert_eq!(
            action_for(Context::Lists, &key(KeyCode::Char('d'), KeyModifiers::CONTROL)),
            Some(Action::HalfPageDown)
        );
        assert_eq!(action_for(Context::Lists, &key(KeyCode::BackTab, KeyModifiers::SHIFT)), Some(Action::PreviousPane));
        assert_eq!(action_for(Context::Lists, &key(KeyCode::Left, KeyModifiers::ALT)), Some(Action::Back));
        assert_eq!(action_for(Context::Detail, &key(KeyCode::Char('3'), KeyModifiers::NONE)), Some(Action::Digit(3)));
        assert_eq!(
            action_for(Context::Lists, &key(KeyCode::Char('3'), KeyModifiers::NONE)),
            Some(Action::FocusPane(Pane::Positions))
        );
    }

    #[test]
    fn text_contexts_type_unbound_characters() {
        assert_eq!(action_for(Context::Search, &key(KeyCode::Char('j'), KeyModifiers::NONE)), Some(Action::Type('j')));
        assert_eq!(action_for(Context::Search, &key(KeyCode::Char('q'), KeyModifiers::NONE)), Some(Action::Type('q')));
        assert_eq!(action_for(Context::Picker, &key(KeyCode::Char('n'), KeyModifiers::CONTROL)), Some(Action::Down));
        assert_eq!(action_for(Context::Lists, &key(KeyCode::Char('x'), KeyModifiers::NONE)), None);
    }

    #[test]
    fn every_context_has_a_way_to_help_or_out() {
        for context in Context::ALL {
            let (key, hint) = essential_hint(context).unwrap_or_else(|| panic!("{context:?} has none"));
            assert!(["help", "close", "cancel"].contains(&hint), "{context:?}: {key} {hint}");
        }
        assert_eq!(essential_hint(Context::Lists), Some(("?".to_string(), "help")));
        assert_eq!(essential_hint(Context::Search), Some(("Esc".to_string(), "cancel")));
    }

    #[test]
    fn hints_come_from_the_table() {
        let hints = hints_for(Context::Lists);
        assert_eq!(hints[0], ("j/k".to_string(), "move"));
        assert!(hints.iter().any(|(k, h)| k == "/" && *h == "search"));
        assert!(hints.iter().any(|(k, h)| k == "q" && *h == "quit"));
    }
}
