//! A brief whose text holds escape sequences, C0 and C1 controls and bidi overrides: on every
//! screen the reader draws, not one of those characters reaches a cell.

use brief::text::is_unsafe;
use brief::tui::{Action, App, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::properties::unicode_loaded;
use super::{app_with, press};

fn assert_clean(app: &mut App, screen: &str) {
    for (width, height) in [(120, 40), (80, 24), (40, 12)] {
        app.update(Action::Resize(width, height));
        let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
        terminal.draw(|frame| view::draw(frame.buffer_mut(), app)).unwrap();
        let buffer = terminal.backend().buffer();
        for cell in &buffer.content {
            assert!(!cell.symbol().chars().any(is_unsafe), "{screen} at {width}x{height} drew {:?}", cell.symbol());
        }
    }
}

#[test]
fn no_screen_draws_a_control_character_from_the_brief() {
    let mut app = app_with(vec![unicode_loaded()], 120, 40);
    assert_clean(&mut app, "the main screen");
    for pane in ["1", "2", "3", "4"] {
        press(&mut app, pane);
        for _ in 0..4 {
            press(&mut app, "j");
            assert_clean(&mut app, &format!("pane {pane}"));
        }
        press(&mut app, "enter");
        for _ in 0..4 {
            assert_clean(&mut app, &format!("the detail of pane {pane}"));
            press(&mut app, "j");
        }
        press(&mut app, "enter");
        assert_clean(&mut app, "a followed reference");
        press(&mut app, "esc f");
        assert_clean(&mut app, "a filter");
        press(&mut app, "f");
    }
    press(&mut app, "m");
    assert_clean(&mut app, "the matrix");
    press(&mut app, "esc ? G");
    assert_clean(&mut app, "the help");
    press(&mut app, "esc ctrl-p type:a");
    assert_clean(&mut app, "the picker");
    press(&mut app, "esc / type:e");
    assert_clean(&mut app, "a search");
    press(&mut app, "enter e");
    assert_clean(&mut app, "the export dialog");
}
