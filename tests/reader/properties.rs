//! Whatever the keys, the mouse and the terminal size do, the reader neither panics nor draws
//! outside its frame, and every pane keeps a valid selection.

use brief::tui::{Action, App, Opened, Pane, view};
use proptest::prelude::*;
use ratatui::backend::TestBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

use super::{app_with, idle, sample_loaded};

pub fn unicode_loaded() -> Opened {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/unicode-and-hostile.yaml");
    let brief = brief::load::load_file(std::path::Path::new(path)).unwrap().into_valid_briefs().pop().unwrap();
    Opened::new("unicode".into(), brief)
}

fn action() -> impl Strategy<Value = Action> {
    let pane = proptest::sample::select(Pane::ALL.to_vec());
    prop_oneof![
        4 => prop_oneof![
            Just(Action::Down),
            Just(Action::Up),
            Just(Action::Top),
            Just(Action::Bottom),
            Just(Action::PageDown),
            Just(Action::PageUp),
            Just(Action::HalfPageDown),
            Just(Action::HalfPageUp),
            Just(Action::Left),
            Just(Action::Right),
            Just(Action::NextPane),
            Just(Action::PreviousPane),
            Just(Action::EnterDetail),
            Just(Action::Leave),
            Just(Action::Follow),
            Just(Action::ToggleFilter),
            Just(Action::ToggleChanged),
            Just(Action::OpenEarlier),
            Just(Action::Back),
            Just(Action::Forward),
        ],
        2 => prop_oneof![
            Just(Action::StartSearch),
            Just(Action::NextMatch),
            Just(Action::PreviousMatch),
            Just(Action::OpenPicker),
            Just(Action::ToggleMatrix),
            Just(Action::ToggleHelp),
            Just(Action::NextBrief),
            Just(Action::PreviousBrief),
            Just(Action::Submit),
            Just(Action::Erase),
            Just(Action::Work),
            Just(Action::ShowProblems),
            Just(Action::ToggleOverview),
        ],
        1 => pane.prop_map(Action::FocusPane),
        1 => (0u8..10).prop_map(Action::Digit),
        2 => prop_oneof![Just('a'), Just('e'), Just('東'), Just('🙂'), Just(' '), Just('\u{1b}')].prop_map(Action::Type),
        2 => (1u16..=300, 1u16..=100).prop_map(|(w, h)| Action::Resize(w, h)),
        1 => (0u16..300, 0u16..100).prop_map(|(column, row)| Action::Click { column, row }),
        1 => (0u16..300, 0u16..100, any::<bool>()).prop_map(|(column, row, down)| if down {
            Action::ScrollDown { column, row }
        } else {
            Action::ScrollUp { column, row }
        }),
    ]
}

/// Draws the app into a frame placed away from the terminal's origin, inside a larger screen:
/// a write outside the frame panics in the buffer, and the cells around it stay blank.
fn draw_offset(app: &App) {
    let (width, height) = app.size;
    let frame = Rect::new(3, 2, width, height);
    let backend = TestBackend::new(width + 6, height + 4);
    let mut terminal = Terminal::with_options(backend, TerminalOptions { viewport: Viewport::Fixed(frame) }).unwrap();
    terminal.draw(|f| view::draw(f.buffer_mut(), app)).unwrap();
    let buffer = terminal.backend().buffer();
    for y in 0..buffer.area.height {
        for x in 0..buffer.area.width {
            let inside = x >= frame.x && x < frame.x + frame.width && y >= frame.y && y < frame.y + frame.height;
            if !inside {
                assert_eq!(buffer[(x, y)].symbol(), " ", "a cell outside the frame was written at {x},{y}");
            }
        }
    }
}

fn check_selection(app: &App) {
    assert!(app.current < app.briefs.len());
    for pane in Pane::ALL {
        let count = app.row_count(pane);
        let state = app.nav().panes[pane as usize];
        if count == 0 {
            assert_eq!(state.cursor, 0, "{pane:?} is empty but its cursor is {}", state.cursor);
        } else {
            assert!(state.cursor < count, "{pane:?}: cursor {} of {count} rows", state.cursor);
            assert!(state.offset <= state.cursor, "{pane:?}: the cursor is above the rows in view");
            assert!(app.selected(pane).is_some());
            // A pane on screen shows its cursor.
            let areas = brief::tui::layout::Areas::new(app.screen(), app);
            if let Some(rect) = areas.pane(pane).filter(|r| r.height > 2) {
                let page = (rect.height - 2) as usize;
                assert!(
                    state.cursor < state.offset + page,
                    "{pane:?}: cursor {} below rows {}..+{page}",
                    state.cursor,
                    state.offset
                );
            }
        }
    }
    let references = app.reference_count();
    assert!(app.nav().detail.cursor < references.max(1), "detail cursor past its {references} references");
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_keys_and_sizes_keep_the_reader_whole(actions in prop::collection::vec(action(), 1..60)) {
        let mut app = app_with(vec![sample_loaded(), unicode_loaded()], 80, 24);
        for action in actions {
            app.update(action);
            app.effects.clear();
            check_selection(&app);
            draw_offset(&app);
        }
        idle(&mut app);
        check_selection(&app);
    }
}

#[test]
fn a_resize_storm_leaves_the_selection_where_it_was() {
    let mut app = app_with(vec![sample_loaded()], 120, 40);
    super::press(&mut app, "4 j j j enter");
    let before = (app.nav().active, app.selected(Pane::Quotes), app.detail_item(), app.nav().focus);
    for step in 0..50u16 {
        let (width, height) = if step % 2 == 0 { (1 + step % 7, 1 + step % 3) } else { (300 - step, 100 - step) };
        app.update(Action::Resize(width, height));
        draw_offset(&app);
        check_selection(&app);
    }
    app.update(Action::Resize(120, 40));
    assert_eq!((app.nav().active, app.selected(Pane::Quotes), app.detail_item(), app.nav().focus), before);
    super::press(&mut app, "j");
    assert_eq!(app.nav().detail.cursor, 1, "still answering keys after the storm");
}
