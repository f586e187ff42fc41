//! What the reader draws, at 80x24, 160x48 and 40x12 (the lists a brief opens on, and the
//! overlays), at 80x24, 120x40, 200x50 and 40x12 (the overview and the timeline, sources and
//! topics, which each layout places differently), and when the terminal is too small.
//! Snapshots hold the characters on screen; `cargo insta review` shows changes.

use brief::tui::{Action, App, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use super::{press, sample_app};

const SIZES: [(u16, u16); 3] = [(80, 24), (160, 48), (40, 12)];

fn screen(app: &mut App, width: u16, height: u16) -> String {
    app.update(Action::Resize(width, height));
    let mut terminal = Terminal::new(TestBackend::new(width, height)).unwrap();
    terminal.draw(|frame| view::draw(frame.buffer_mut(), app)).unwrap();
    terminal.backend().to_string()
}

/// Every layout: one pane with tabs, the grid beside the detail, the panes across, and tiny.
const LAYOUTS: [(u16, u16); 4] = [(80, 24), (120, 40), (200, 50), (40, 12)];

fn snapshot_at_every_size(name: &str, keys: &str) {
    snapshot_at(&SIZES, name, keys);
}

fn snapshot_at(sizes: &[(u16, u16)], name: &str, keys: &str) {
    for &(width, height) in sizes {
        let mut app = sample_app();
        app.update(Action::Resize(width, height));
        press(&mut app, keys);
        insta::assert_snapshot!(format!("{name}_{width}x{height}"), screen(&mut app, width, height));
    }
}

#[test]
fn main_screen() {
    snapshot_at_every_size("main", "j");
}

#[test]
fn detail_with_references() {
    snapshot_at_every_size("detail", "j enter j j");
}

#[test]
fn filtered_lists() {
    snapshot_at_every_size("filter", "j j f");
}

#[test]
fn stance_matrix() {
    snapshot_at_every_size("matrix", "m j l");
}

#[test]
fn help() {
    snapshot_at_every_size("help", "?");
}

#[test]
fn search_while_typing() {
    snapshot_at_every_size("search", "4 / type:sanctions");
}

#[test]
fn picker() {
    snapshot_at_every_size("picker", "ctrl-p type:lav");
}

#[test]
fn export_dialog() {
    snapshot_at_every_size("export", "4 e");
}

#[test]
fn overview() {
    snapshot_at(&LAYOUTS, "overview", "i");
}

#[test]
fn timeline() {
    snapshot_at(&LAYOUTS, "events", "5 j");
}

#[test]
fn sources() {
    snapshot_at(&LAYOUTS, "sources", "6");
}

#[test]
fn topics() {
    snapshot_at(&LAYOUTS, "topics", "7 j");
}

#[test]
fn too_small() {
    let mut app = sample_app();
    insta::assert_snapshot!("too_small_29x7", screen(&mut app, 29, 7));
}

#[test]
fn every_size_down_to_one_by_one_draws() {
    for width in [1, 2, 5, 12, 29, 30, 31, 39, 40, 79, 99, 100, 119, 120, 159, 160, 200] {
        for height in [1, 2, 3, 7, 8, 9, 12, 19, 20, 24, 29, 30, 50] {
            for keys in ["", "enter", "m", "?", "ctrl-p type:a", "/ type:a", "e", "f", "i", "5", "6 enter", "7 f"] {
                let mut app = sample_app();
                app.update(Action::Resize(width, height));
                press(&mut app, keys);
                screen(&mut app, width, height);
            }
        }
    }
}

/// The 7 December brief, the sample's successor, with what is new (`+`) or changed (`~`)
/// since the sample marked; and with `c`, only that.
#[test]
fn the_successor_marks_what_changed() {
    for (width, height) in [(80, 24), (160, 48)] {
        let mut app = super::bundled_app(width, height);
        press(&mut app, "]");
        insta::assert_snapshot!(format!("since_{width}x{height}"), screen(&mut app, width, height));
        press(&mut app, "7 c");
        insta::assert_snapshot!(format!("since_only_{width}x{height}"), screen(&mut app, width, height));
    }
}
