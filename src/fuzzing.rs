//! The checks the fuzzers run (`fuzz/`), here so the regression tests can replay what they
//! found (`tests/fuzz_regressions.rs`). Each panics when a guarantee breaks.

use crate::export::{self, Format, Options, Selection};
use crate::index::Index;
use crate::load::{Origin, load_bytes, render};
use crate::tui::{Action, App, Opened, Pane, view};

/// Bytes in, a brief or diagnostics out: no panic, a file read in pieces (see `load::cut`)
/// says what it says read whole, and neither the diagnostics nor any export of what loads holds
/// a control character.
pub fn check_load(bytes: &[u8]) {
    if let Ok(text) = std::str::from_utf8(bytes) {
        assert!(crate::load::cut_agrees(text), "read in pieces, the file says something else");
    }
    let file = load_bytes(Origin::Stdin, bytes.to_vec());
    // Diagnostics render whatever the file holds.
    let shown = render::human(&file, false);
    assert!(!shown.chars().any(|c| crate::text::is_unsafe(c) && c != '\n'), "{shown:?}");
    let _ = render::json(std::slice::from_ref(&file));
    for brief in file.into_valid_briefs() {
        let index = Index::build(&brief);
        for format in [Format::Text, Format::Markdown, Format::Json] {
            let out = export::export(&brief, &index, &Selection::All, &Options { format, width: 40 });
            assert!(!out.chars().any(|c| crate::text::is_unsafe(c) && c != '\n'), "{format:?} export: {out:?}");
        }
    }
}

/// The input is a brief, then 0xFF, then actions, one or three bytes each. Without a valid
/// brief in front, the bundled sample is read.
fn split(bytes: &[u8]) -> (Vec<Opened>, &[u8]) {
    let (yaml, actions) = match bytes.iter().position(|&b| b == 0xFF) {
        Some(at) => (&bytes[..at], &bytes[at + 1..]),
        None => (&[][..], bytes),
    };
    let file = crate::load::load_bytes(crate::load::Origin::Stdin, yaml.to_vec());
    let mut briefs: Vec<Opened> = file.into_valid_briefs().into_iter().map(|b| Opened::new("fuzz".into(), b)).collect();
    if briefs.is_empty() {
        static SAMPLE: std::sync::OnceLock<crate::model::Brief> = std::sync::OnceLock::new();
        let sample = SAMPLE.get_or_init(|| crate::sample::load().into_valid_briefs().pop().expect("the sample loads"));
        briefs.push(Opened::new("sample".into(), sample.clone()));
    }
    (briefs, actions)
}

fn action(bytes: &mut std::slice::Iter<u8>) -> Option<Action> {
    let code = *bytes.next()?;
    let mut next = || bytes.next().copied().unwrap_or(0);
    Some(match code % 40 {
        0 => Action::Down,
        1 => Action::Up,
        2 => Action::Top,
        3 => Action::Bottom,
        4 => Action::PageDown,
        5 => Action::PageUp,
        6 => Action::HalfPageDown,
        7 => Action::HalfPageUp,
        8 => Action::Left,
        9 => Action::Right,
        10 => Action::NextPane,
        11 => Action::PreviousPane,
        12 => Action::FocusPane(Pane::ALL[usize::from(next()) % Pane::COUNT]),
        13 => Action::EnterDetail,
        14 => Action::Leave,
        15 => Action::Follow,
        16 => Action::Digit(next() % 10),
        17 => Action::ToggleFilter,
        18 => Action::Back,
        19 => Action::Forward,
        20 => Action::StartSearch,
        21 => Action::NextMatch,
        22 => Action::PreviousMatch,
        23 => Action::OpenPicker,
        24 => Action::ToggleMatrix,
        25 => Action::ToggleHelp,
        26 => Action::NextBrief,
        27 => Action::PreviousBrief,
        28 => Action::Type(char::from_u32(u32::from(next()) * 97 + 32).unwrap_or('x')),
        29 => Action::Erase,
        30 => Action::Submit,
        31 => Action::Work,
        32 => Action::Resize(u16::from(next()) + 1, u16::from(next() % 100) + 1),
        33 => Action::Click { column: u16::from(next()), row: u16::from(next()) },
        34 => Action::ScrollDown { column: u16::from(next()), row: u16::from(next()) },
        35 => Action::ScrollUp { column: u16::from(next()), row: u16::from(next()) },
        36 => Action::ShowProblems,
        37 => Action::ToggleOverview,
        38 => Action::ToggleChanged,
        39 => Action::OpenEarlier,
        _ => Action::Down,
    })
}

/// A brief and a stream of keys, clicks and sizes, drawn after each action: no panic, and every
/// pane keeps a valid selection.
pub fn check_reader(bytes: &[u8]) {
    let (briefs, actions) = split(bytes);
    let mut app = App::new(briefs);
    app.update(Action::Resize(80, 24));
    let mut stream = actions.iter();
    let mut screen = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).expect("a test backend");
    // A hundred actions per input: longer streams only repeat what shorter ones reach.
    for _ in 0..100 {
        let Some(action) = action(&mut stream) else { break };
        app.update(action);
        app.effects.clear();
        // The test backend is asked its size at each frame, as a terminal would be.
        let (width, height) = app.size;
        screen.backend_mut().resize(width, height);
        let _ = screen.draw(|frame| view::draw(frame.buffer_mut(), &app));
        for pane in Pane::ALL {
            let count = app.row_count(pane);
            let cursor = app.nav().panes[pane as usize].cursor;
            assert!(cursor < count.max(1), "{pane:?}: cursor {cursor} of {count}");
        }
    }
}
