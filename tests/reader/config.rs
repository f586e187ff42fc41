//! A config file's settings in the reader: its keys work and the help, the hint bar and the
//! help's title show them; its colours and first pane are what the screen shows.

use brief::config::Config;
use brief::tui::{Action, App, Pane, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::style::Color;

use super::{drawn, press, sample_app};

fn configured(text: &str) -> (App, Config) {
    let config = brief::config::parse(text, std::path::Path::new("config.toml")).unwrap_or_else(|e| panic!("{e}"));
    let mut app = sample_app();
    app.keymap = config.keymap.clone();
    app.palette = config.palette;
    app.open_on(config.reader.pane);
    (app, config)
}

const KEYS: &str = "[keys]\nquit = [\"x\"]\ntoggle_help = [\"H\"]\n[keys.help]\nleave = [\"esc\", \"H\"]\n";

#[test]
fn the_users_keys_work_and_the_hint_bar_shows_them() {
    let (mut app, _) = configured(KEYS);
    app.update(Action::Resize(250, 30));
    let bar = drawn(&app).pop().unwrap_or_default();
    assert!(bar.contains("x quit") && bar.contains("H help"), "{bar}");
    assert!(!bar.contains("q quit") && !bar.contains("? help"), "{bar}");
    press(&mut app, "H");
    assert!(matches!(app.overlay, brief::tui::state::Overlay::Help { .. }));
    press(&mut app, "H");
    assert!(matches!(app.overlay, brief::tui::state::Overlay::None));
    press(&mut app, "x");
    assert!(app.effects.iter().any(|e| matches!(e, brief::tui::Effect::Quit)));
}

#[test]
fn the_help_lists_the_users_keys() {
    let (mut app, _) = configured(KEYS);
    // Tall enough for every key of the lists, down to quit's.
    app.update(Action::Resize(80, 56));
    press(&mut app, "H");
    let mut terminal = Terminal::new(TestBackend::new(80, 56)).unwrap();
    terminal.draw(|frame| view::draw(frame.buffer_mut(), &app)).unwrap();
    insta::assert_snapshot!("help_with_the_users_keys_80x56", terminal.backend().to_string());
}

#[test]
fn the_users_colours_and_first_pane_are_drawn() {
    let (mut app, config) = configured("[reader]\npane = \"claims\"\n[theme]\nborder = \"#102030\"\n");
    assert_eq!(config.reader.pane, Pane::Claims);
    app.color = true;
    app.update(Action::Resize(160, 48));
    assert_eq!(app.nav().active, Pane::Claims);
    let claim = app.selected(Pane::Claims);
    assert!(claim.is_some());
    assert_eq!(app.reading().marks_for, claim, "the marks and the detail pane are the claim's");
    let mut terminal = Terminal::new(TestBackend::new(160, 48)).unwrap();
    terminal.draw(|frame| view::draw(frame.buffer_mut(), &app)).unwrap();
    let buffer = terminal.backend().buffer();
    let bordered: Vec<String> = (0..48u16)
        .filter_map(|y| (0..160u16).find(|&x| buffer[(x, y)].fg == Color::Rgb(16, 32, 48)).map(|x| (x, y)))
        .take(1)
        .map(|(x, y)| (x..160).map(|x| buffer[(x, y)].symbol().to_string()).collect())
        .collect();
    let first = bordered.first().unwrap_or_else(|| panic!("no cell has the border's colour"));
    assert!(first.contains("Claims"), "the focused pane's border is the claims': {first}");
}

#[test]
fn the_search_line_and_the_export_dialog_name_the_users_keys() {
    let (mut app, _) = configured("[keys.search]\nsubmit = [\"ctrl-j\"]\n[keys.dialog]\nleave = [\"ctrl-g\"]\n");
    app.update(Action::Resize(120, 30));
    press(&mut app, "/");
    let bar = drawn(&app).pop().unwrap_or_default();
    assert!(bar.contains("Ctrl-j keep · ↓/↑ next/previous"), "{bar}");
    press(&mut app, "esc e");
    assert!(drawn(&app).iter().any(|row| row.contains("Tab changes the format · Enter writes · Ctrl-g cancels")));
}

#[test]
fn titles_and_footers_that_name_a_key_name_the_users() {
    let (mut app, _) = configured("[keys.matrix]\nleave = [\"ctrl-g\"]\n[keys.detail]\nfollow = [\"space\"]\n");
    app.update(Action::Resize(120, 40));
    press(&mut app, "m");
    assert!(drawn(&app).iter().any(|row| row.contains("Enter opens · Ctrl-g closes")), "{:#?}", drawn(&app));
    press(&mut app, "ctrl-g enter");
    assert!(drawn(&app).iter().any(|row| row.contains("Space or number follows")), "{:#?}", drawn(&app));
}

#[test]
fn the_helps_legend_names_the_users_keys() {
    let (app, _) = configured("[keys]\ntoggle_filter = [\"F\"]\n");
    let lines = brief::tui::help::lines(app.theme(), &app.keymap, brief::tui::keymap::Context::Lists, 120);
    let text: Vec<String> = lines.iter().map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect()).collect();
    assert!(text.iter().any(|l| l.ends_with("related to the selected item; F shows only these")), "{text:#?}");
}
