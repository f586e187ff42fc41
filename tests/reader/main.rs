//! The reader as a state machine: keys in (through the live keymap), state out. No terminal.

mod config;
mod injection;
mod library;
mod properties;
mod snapshots;
mod state;
mod tour;

use brief::tui::keymap::parse_key;
use brief::tui::{Action, App, Opened};
use crossterm::event::KeyEvent;

/// The bundled sample, opened as the reader opens it, in an 80x24 terminal.
pub fn sample_app() -> App {
    app_with(vec![sample_loaded()], 80, 24)
}

pub fn sample_loaded() -> Opened {
    static SAMPLE: std::sync::OnceLock<brief::model::Brief> = std::sync::OnceLock::new();
    let brief = SAMPLE.get_or_init(|| brief::sample::load().into_valid_briefs().pop().expect("the sample loads"));
    Opened::new("sample".into(), brief.clone())
}

/// The reader as `brief` with no path opens it: the library of the three bundled briefs.
pub fn bundled_library(width: u16, height: u16) -> App {
    app_with(brief::tui::open_all(brief::sample::load_all()), width, height)
}

/// The three bundled briefs with the oldest, the sample of 6 December, opened from the library.
pub fn bundled_app(width: u16, height: u16) -> App {
    let mut app = bundled_library(width, height);
    press(&mut app, "G enter");
    assert_eq!(app.brief().date.to_string(), "2021-12-06");
    app
}

pub fn app_with(briefs: Vec<Opened>, width: u16, height: u16) -> App {
    let mut app = App::new(briefs);
    app.color = false;
    app.update(Action::Resize(width, height));
    app
}

/// Presses keys written as in the keymap table, separated by spaces (`j j enter ctrl-o`).
/// Typing text uses `type:`, with `~` for a space (`/ type:press~secretary enter`).
pub fn press(app: &mut App, keys: &str) {
    for key in keys.split(' ').filter(|k| !k.is_empty()) {
        if let Some(text) = key.strip_prefix("type:") {
            for c in text.chars() {
                app.update(Action::Type(if c == '~' { ' ' } else { c }));
                idle(app);
            }
            continue;
        }
        let (code, modifiers) = parse_key(key).unwrap_or_else(|| panic!("no such key: {key}"));
        let event = KeyEvent::new(code, modifiers);
        let action = app
            .keymap
            .action_for(app.context(), &event)
            .unwrap_or_else(|| panic!("{key} does nothing in {:?}", app.context()));
        app.update(action);
        idle(app);
    }
}

/// What the reader does while no key is waiting: finish the work the last key left.
pub fn idle(app: &mut App) {
    while app.pending_work() {
        app.update(Action::Work);
    }
}

/// The id of the item the detail pane shows.
pub fn detail_id(app: &App) -> String {
    app.detail_item().map(|i| app.brief().id_of(i).to_string()).unwrap_or_default()
}

/// Moves the cursor of the Actors pane to an actor by id, through the picker.
pub fn go_to(app: &mut App, id: &str) {
    press(app, "ctrl-p");
    press(app, &format!("type:{id}"));
    press(app, "enter");
    assert_eq!(detail_id(app), id, "the picker should have found {id}");
}

/// The screen's rows as drawn at the app's size, as text.
pub fn drawn(app: &App) -> Vec<String> {
    let (width, height) = app.size;
    let mut buffer = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, width, height));
    brief::tui::view::draw(&mut buffer, app);
    (0..height).map(|y| (0..width).map(|x| buffer[(x, y)].symbol()).collect()).collect()
}
