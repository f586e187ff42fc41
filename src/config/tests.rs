use std::path::Path;

use crossterm::event::KeyEvent;

use super::*;
use crate::tui::Action;
use crate::tui::keymap::{Context, parse_key};

fn parsed(text: &str) -> Config {
    parse(text, Path::new("config.toml")).unwrap_or_else(|e| panic!("{e}"))
}

/// The first mistake of a config refused.
fn error(text: &str) -> ConfigError {
    let errors = parse(text, Path::new("config.toml")).expect_err("the config is refused");
    errors.0.into_iter().next().expect("a mistake")
}

fn press(config: &Config, context: Context, key: &str) -> Option<Action> {
    let (code, modifiers) = parse_key(key).expect("a key");
    config.keymap.action_for(context, &KeyEvent::new(code, modifiers))
}

/// Every key and what it does, context by context: what two keymaps are compared by.
fn behaviour(keymap: &Keymap) -> Vec<(Context, String, Action)> {
    let mut all: Vec<_> = Context::ALL
        .into_iter()
        .flat_map(|c| {
            keymap.entries(c).flat_map(move |e| e.keys.iter().map(move |k| (c, k.clone(), e.binding.action.clone())))
        })
        .collect();
    all.sort_by(|a, b| (a.0.name(), &a.1).cmp(&(b.0.name(), &b.1)));
    all
}

#[test]
fn an_empty_file_is_the_defaults() {
    let config = parsed("");
    assert_eq!(behaviour(&config.keymap), behaviour(&Keymap::default()));
    assert_eq!(config.reader, Reader::default());
    assert_eq!(config.export, crate::export::Options::default());
}

#[test]
fn an_override_replaces_the_actions_keys_where_it_has_them_but_not_while_typing() {
    let config = parsed("[keys]\nquit = [\"x\"]\n");
    assert_eq!(press(&config, Context::Lists, "x"), Some(Action::Quit));
    assert_eq!(press(&config, Context::Lists, "q"), None, "q no longer quits");
    assert_eq!(press(&config, Context::Lists, "ctrl-c"), None, "the list is all of quit's keys");
    assert_eq!(press(&config, Context::Help, "x"), Some(Action::Quit));
    assert_eq!(press(&config, Context::Search, "x"), Some(Action::Type('x')), "typed while searching");
    assert_eq!(press(&config, Context::Search, "ctrl-c"), Some(Action::Quit));
}

#[test]
fn a_context_table_sets_the_keys_of_that_context_over_keys() {
    let config =
        parsed("[keys]\nleave = [\"esc\"]\n[keys.detail]\nleave = [\"esc\", \"backspace\"]\nback = [\"ctrl-o\"]\n");
    assert_eq!(press(&config, Context::Detail, "backspace"), Some(Action::Leave));
    assert_eq!(press(&config, Context::Detail, "h"), None);
    assert_eq!(press(&config, Context::Overview, "q"), None, "[keys] took q from the overview's leave");
    assert_eq!(press(&config, Context::Lists, "backspace"), Some(Action::Back), "other contexts keep theirs");
}

#[test]
fn a_key_another_action_has_is_an_error_naming_both() {
    let e = error("[keys]\ntoggle_matrix = [\"q\"]\n");
    let place = e.place.as_ref().expect("a place");
    assert_eq!((place.line, place.column), (2, 18));
    assert_eq!(e.message, "`q` for `toggle_matrix` is already `quit`'s key in lists");
    assert!(e.fix.contains("[keys.lists] quit = "), "{}", e.fix);
    // Giving quit other keys frees q.
    let config = parsed("[keys]\ntoggle_matrix = [\"q\"]\nquit = [\"Q\", \"ctrl-c\"]\n");
    assert_eq!(press(&config, Context::Lists, "q"), Some(Action::ToggleMatrix));
    assert_eq!(press(&config, Context::Matrix, "ctrl-c"), Some(Action::Quit));
}

#[test]
fn two_overrides_with_one_key_are_an_error_at_the_later() {
    let e = error("[keys]\nquit = [\"x\"]\ntoggle_filter = [\"x\"]\n");
    assert_eq!(e.place.as_ref().map(|p| p.line), Some(3));
    assert!(e.message.starts_with("`x` is given to both "), "{}", e.message);
    assert!(e.message.contains("`quit`") && e.message.contains("`toggle_filter`"), "{}", e.message);
}

#[test]
fn swapping_two_keys_is_allowed() {
    let config = parsed("[keys]\ntop = [\"G\"]\nbottom = [\"g\"]\n");
    assert_eq!(press(&config, Context::Lists, "g"), Some(Action::Bottom));
    assert_eq!(press(&config, Context::Lists, "G"), Some(Action::Top));
}

#[test]
fn an_unknown_action_names_the_nearest() {
    let e = error("[keys]\nquitt = [\"x\"]\n");
    assert_eq!(e.message, "unknown action `quitt`");
    assert!(e.fix.starts_with("did you mean `quit`?"), "{}", e.fix);
    assert_eq!(e.place.as_ref().map(|p| (p.line, p.column)), Some((2, 1)));
}

#[test]
fn unknown_tables_keys_contexts_and_panes_name_the_nearest() {
    let cases = [
        ("[reder]\n", "unknown table `reder`", "did you mean `reader`?"),
        ("[reader]\nmouses = true\n", "unknown key in [reader] `mouses`", "did you mean `mouse`?"),
        ("[reader]\npane = \"claim\"\n", "unknown pane `claim`", "did you mean `claims`?"),
        ("[export]\nformat = \"markdwn\"\n", "unknown export format `markdwn`", "did you mean `markdown`?"),
        ("[keys.detial]\nleave = [\"esc\"]\n", "unknown context `detial`", "did you mean `detail`?"),
        ("[keys]\nquit = [\"pagedown\"]\n", "unknown key `pagedown` for `quit`", "did you mean `pgdn`?"),
        ("[theme]\nheadng = \"red\"\n", "unknown colour role `headng`", "did you mean `heading`?"),
    ];
    for (text, message, fix) in cases {
        let e = error(text);
        assert_eq!(e.message, message, "{text}");
        assert!(e.fix.starts_with(fix), "{text}: {}", e.fix);
    }
}

#[test]
fn a_bad_colour_is_an_error_at_the_colour() {
    let e = error("[theme]\nmarked = \"cyn\"\n");
    assert_eq!(e.message, "unknown colour `cyn` for `marked`");
    assert!(e.fix.starts_with("did you mean `cyan`?"), "{}", e.fix);
    assert_eq!(e.place.as_ref().map(|p| (p.line, p.column)), Some((2, 10)));
    assert_eq!(error("[theme]\nmarked = 256\n").message, "colour 256 for `marked` is not in the palette");
    assert!(error("[theme]\nmarked = \"#12345\"\n").message.starts_with("unknown colour"));
}

#[test]
fn colours_by_role_reach_the_palette() {
    use ratatui::style::Color;
    let config = parsed("[theme]\nmarked = \"bright-magenta\"\nheading = 208\nfound = \"#102030\"\n");
    assert_eq!(config.palette.get(crate::tui::theme::Role::Marked), Color::LightMagenta);
    assert_eq!(config.palette.get(crate::tui::theme::Role::Heading), Color::Indexed(208));
    assert_eq!(config.palette.get(crate::tui::theme::Role::Found), Color::Rgb(0x10, 0x20, 0x30));
}

#[test]
fn broken_toml_is_an_error_with_its_line() {
    let e = error("[reader]\nmouse = true\npane = \"claims\n");
    assert!(e.message.starts_with("not valid TOML"), "{}", e.message);
    assert_eq!(e.place.as_ref().map(|p| p.line), Some(3));
}

#[test]
fn values_of_the_wrong_kind_say_what_is_wanted() {
    assert_eq!(error("[reader]\nmouse = \"no\"\n").message, "`mouse` must be true or false, not a string");
    assert_eq!(error("[export]\nwidth = -1\n").message, "`width` must be a whole number from 0, not a number");
    assert_eq!(error("reader = 1\n").message, "`reader` must be a table, not a number");
    assert_eq!(error("[keys]\nquit = \"x\"\n").message, "`quit` must be a list of keys, not a string");
    assert_eq!(error("[keys]\nquit = []\n").message, "`quit` is given no key");
}

#[test]
fn a_letter_cannot_be_bound_while_typing() {
    let e = error("[keys.search]\nnext_match = [\"n\"]\n");
    assert_eq!(e.message, "`n` would stop being typed in search");
    let config = parsed("[keys.search]\nnext_match = [\"ctrl-j\"]\n");
    assert_eq!(press(&config, Context::Search, "ctrl-j"), Some(Action::NextMatch));
}

#[test]
fn an_action_only_bound_while_typing_needs_its_context() {
    let e = error("[keys]\nerase = [\"ctrl-h\"]\n");
    assert!(e.message.starts_with("`erase` has keys only while typing"), "{}", e.message);
    let e = error("[keys.help]\nexport = [\"x\"]\n");
    assert_eq!(e.message, "`export` has no keys in help");
}

#[test]
fn reader_and_export_settings_are_read() {
    let config =
        parsed("[reader]\nmouse = false\nwatch = false\npane = \"events\"\n[export]\nformat = \"json\"\nwidth = 0\n");
    assert_eq!(config.reader, Reader { mouse: false, watch: false, pane: crate::tui::Pane::Events });
    assert_eq!(config.export, crate::export::Options { format: crate::export::Format::Json, width: 0 });
}

/// Uncomments every setting of the commented default.
fn uncommented(text: &str) -> String {
    text.lines()
        .map(|l| match l.strip_prefix('#') {
            Some(rest) if rest.starts_with(|c: char| c.is_ascii_lowercase()) => rest,
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_commented_default_reads_back_as_the_defaults_with_every_setting_uncommented() {
    let text = render(&Config::default(), true);
    assert_eq!(behaviour(&parsed(&text).keymap), behaviour(&Keymap::default()), "as it is");
    let every = uncommented(&text);
    assert!(every.contains("\nquit = ") && every.contains("\nmarked = \"cyan\""), "{every}");
    let config = parsed(&every);
    assert_eq!(behaviour(&config.keymap), behaviour(&Keymap::default()));
    assert_eq!(config.palette, crate::tui::theme::Palette::default());
    assert_eq!(config.reader, Reader::default());
    assert_eq!(config.export, crate::export::Options::default());
}

#[test]
fn the_settings_in_force_read_back_as_themselves() {
    let config = parsed(
        "[reader]\npane = \"topics\"\n[theme]\nkey = \"#aabbcc\"\n[keys]\nquit = [\"x\"]\n[keys.detail]\nleave = [\"esc\"]\n",
    );
    let again = parsed(&render(&config, false));
    assert_eq!(behaviour(&again.keymap), behaviour(&config.keymap));
    assert_eq!((again.palette, again.reader), (config.palette, config.reader));
}

#[test]
fn the_config_is_found_where_xdg_says() {
    let var = |pairs: &'static [(&str, &str)]| {
        move |name: &str| pairs.iter().find(|(k, _)| *k == name).map(|(_, v)| std::ffi::OsString::from(v))
    };
    let at = |p: &str| Some(std::path::PathBuf::from(p));
    assert_eq!(path_from(var(&[("XDG_CONFIG_HOME", "/x"), ("HOME", "/h")])), at("/x/brief/config.toml"));
    assert_eq!(path_from(var(&[("XDG_CONFIG_HOME", "rel"), ("HOME", "/h")])), at("/h/.config/brief/config.toml"));
    assert_eq!(path_from(var(&[("XDG_CONFIG_HOME", "")])), None);
}

#[test]
fn a_control_character_in_a_key_is_shown_not_sent() {
    let e = error("[keys]\nquit = [\"\u{1b}x\"]\n");
    assert!(!e.to_string().contains('\u{1b}'));
}

proptest::proptest! {
    /// Whatever the file holds, reading it ends in a config or an error, and the error's place
    /// is in the file.
    #[test]
    fn no_file_makes_the_reading_panic(
        lines in proptest::collection::vec(
            proptest::sample::select(vec![
                "[keys]", "[keys.search]", "[keys.detail]", "[theme]", "[reader]", "[export]",
                "quit = [\"x\"]", "leave = [\"esc\", \"q\"]", "down = [\"ctrl-\u{1b}\"]", "next_match = [\"n\"]",
                "marked = \"#zz\"", "heading = 300", "pane = \"é\"", "width = 9999999999999999999999",
                "format = [1]", "= broken", "\"\u{202e}\" = 1", "toggle_help = [\"h\"]", "x.y.z = 1",
            ]),
            0..8,
        ),
        noise in "\\PC{0,12}",
    ) {
        let text = format!("{}\n{noise}", lines.join("\n"));
        if let Err(e) = parse(&text, Path::new("c.toml")) {
            let shown = e.to_string();
            proptest::prop_assert!(!shown.contains('\u{1b}') && !shown.contains('\u{202e}'), "{shown}");
            proptest::prop_assert!(!e.0.is_empty());
            for place in e.0.iter().filter_map(|e| e.place.as_ref()) {
                proptest::prop_assert!(place.line <= text.lines().count() + 1);
            }
        }
    }
}

#[test]
fn every_mistake_is_told_at_once_in_the_files_order() {
    let text = "[theme]\nborder = \"bleu\"\n[keys]\nquitt = [\"x\"]\nquit = [\"j\"]\n[reader]\npane = \"claim\"\n";
    let errors = parse(text, Path::new("config.toml")).expect_err("refused");
    let told: Vec<(usize, &str)> =
        errors.0.iter().map(|e| (e.place.as_ref().map_or(0, |p| p.line), e.message.as_str())).collect();
    assert_eq!(
        told,
        [
            (2, "unknown colour `bleu` for `border`"),
            (4, "unknown action `quitt`"),
            (5, "`j` for `quit` is already `down`'s key in library"),
            (7, "unknown pane `claim`"),
        ]
    );
    let shown = errors.to_string();
    assert!(shown.ends_with("the file was not used (4 mistakes); `brief --no-config` starts without it"), "{shown}");
    assert_eq!(shown.matches("error: ").count(), 4, "{shown}");
}
