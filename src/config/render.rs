//! A config as a file: what `brief config` prints (the settings in force) and, with every
//! setting behind a `#`, what `brief config --default` prints. Both read back as what they show.

use crate::tui::keymap::{Context, Keymap};
use crate::tui::theme::Role;

use super::Config;

/// The config as TOML, every setting with what it does; `commented` puts each setting behind a
/// `#` (tables stay, empty), so removing one `#` changes one setting.
pub fn render(config: &Config, commented: bool) -> String {
    let set = if commented { "#" } else { "" };
    let mut out = String::new();
    let mut line = |text: &str| {
        out.push_str(text);
        out.push('\n');
    };
    line("# brief's config: $XDG_CONFIG_HOME/brief/config.toml, else ~/.config/brief/config.toml.");
    line("# Every setting is optional. `brief config` prints the settings in force, `brief config");
    line("# --keys` every key, `brief config --default` this file; `brief --no-config` reads none.");
    line("");
    line("[reader]");
    line("# Clicks and the wheel; false leaves the mouse to the terminal, to select text (--no-mouse).");
    line(&format!("{set}mouse = {}", config.reader.mouse));
    line("# Read a brief's file again when it changes on disk.");
    line(&format!("{set}watch = {}", config.reader.watch));
    line("# The pane a brief opens on: actors, claims, positions, quotes, events, sources or topics.");
    line(&format!("{set}pane = \"{}\"", config.reader.pane.section().key()));
    line("");
    line("[export]");
    line("# The format of `brief export` and of the reader's export dialog: text, markdown or json.");
    line(&format!("{set}format = \"{}\"", config.export.format.name()));
    line("# Text is wrapped at this many terminal cells; 0 does not wrap. --format and --width win.");
    line(&format!("{set}width = {}", config.export.width));
    line("");
    line("[theme]");
    line("# A colour for each role: a name of the terminal's palette, a number 0-255, or \"#rrggbb\".");
    let names = format!("Names: {}.", super::theme::palette_names());
    for wrapped in textwrap::wrap(&names, 88) {
        line(&format!("# {wrapped}"));
    }
    for role in Role::ALL {
        let value = super::theme::value(config.palette.get(role));
        line(&format!("{set}{} = {value}  # {}", role.name(), role.about()));
    }
    line("");
    keys(&config.keymap, set, &mut line);
    out
}

/// `[keys]`: an action's line there where it has the same keys in every context it has keys in
/// (those where characters are typed aside); `[keys.CONTEXT]` lines for the rest.
fn keys(keymap: &Keymap, set: &str, line: &mut impl FnMut(&str)) {
    line("[keys]");
    line("# An action's keys, in every context it has keys in but search, finding, picker and dialog,");
    line("# where characters are typed. A list replaces all the action's keys. A key another action");
    line("# has in the same context is an error, unless that action is given other keys too.");
    line("# Keys: a character (q, G, ?), ctrl-x, alt-x, shift-tab, down, up, left, right, home, end,");
    line("# pgdn, pgup, enter, esc, tab, backspace, space. `brief config --keys` shows them by context.");
    let keys_in = |context: Context, action: &crate::tui::Action| -> Vec<String> {
        keymap.entries(context).filter(|e| e.binding.action == *action).flat_map(|e| e.keys.clone()).collect()
    };
    let mut general: Vec<(&crate::tui::Action, Vec<Context>)> = Vec::new();
    for action in super::keys::actions() {
        let Some(name) = action.name() else { continue };
        let contexts: Vec<Context> =
            Context::ALL.into_iter().filter(|&c| !c.takes_text() && !keys_in(c, action).is_empty()).collect();
        let Some(&first) = contexts.first() else { continue };
        let first_keys = keys_in(first, action);
        if contexts.iter().all(|&c| keys_in(c, action) == first_keys) {
            line(&format!("{set}{name} = {}", list(&first_keys)));
            general.push((action, contexts));
        }
    }
    for context in Context::ALL {
        let mut lines = Vec::new();
        for action in super::keys::actions() {
            let covered = general.iter().any(|(a, cs)| *a == action && cs.contains(&context));
            let keys = keys_in(context, action);
            if covered || keys.is_empty() {
                continue;
            }
            lines.push(format!("{set}{} = {}", action.name().unwrap_or_default(), list(&keys)));
        }
        if !lines.is_empty() {
            line("");
            line(&format!("[keys.{}]", context.name()));
            line(&format!("# {}", context.title()));
            lines.iter().for_each(|l| line(l));
        }
    }
}

fn list(keys: &[String]) -> String {
    let quoted: Vec<String> =
        keys.iter().map(|k| format!("\"{}\"", k.replace('\\', "\\\\").replace('"', "\\\""))).collect();
    format!("[{}]", quoted.join(", "))
}
