//! The reader on a brief of 100,000 quotes (`brief::synth`, about 35 MB): drawing a frame at
//! 200x50, moving the selection (with its cross-reference marks), following a reference, and
//! one keystroke of the incremental search and of the fuzzy picker; and the timeline, sources
//! and topics lists on the same brief with 100,000 events.
//!
//! Keystrokes are measured in pairs that undo each other (down then up, type then erase), so
//! every iteration does real work; the figures are per pair, so per keystroke is half.

use brief::load::{Origin, load_text};
use brief::synth::{Shape, brief_yaml};
use brief::tui::{Action, App, Opened, Pane, view};
use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::backend::CrosstermBackend;
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

/// The reader's screen at a size, writing its escape sequences where nothing reads them.
fn screen(width: u16, height: u16) -> Terminal<CrosstermBackend<std::io::Sink>> {
    let viewport = Viewport::Fixed(Rect::new(0, 0, width, height));
    Terminal::with_options(CrosstermBackend::new(std::io::sink()), TerminalOptions { viewport }).unwrap()
}

fn big_app() -> App {
    app_of(Shape::BENCH)
}

fn app_of(shape: Shape) -> App {
    let yaml = brief_yaml(shape);
    let brief = load_text(Origin::Stdin, yaml).into_valid_briefs().pop().expect("the generated brief loads");
    let loaded = Opened::new("bench".into(), brief);
    // What the reader does in the background after the first frame.
    loaded.warm_finder();
    let mut app = App::new(vec![loaded]);
    app.update(Action::Resize(200, 50));
    app
}

fn reader(c: &mut Criterion) {
    let mut app = big_app();
    let mut group = c.benchmark_group("reader");

    // The frame drawn, compared with the last, its changes written.
    let mut screen = screen(200, 50);
    app.update(Action::FocusPane(Pane::Quotes));
    app.update(Action::PageDown);
    group.bench_function("draw_frame_200x50", |b| {
        b.iter(|| {
            screen.draw(|frame| view::draw(frame.buffer_mut(), &app)).unwrap();
        });
    });

    app.update(Action::FocusPane(Pane::Actors));
    group.bench_function("move_selection_pair", |b| {
        b.iter(|| {
            app.update(Action::Down);
            app.update(Action::Up);
        });
    });

    app.update(Action::EnterDetail);
    group.bench_function("follow_reference_and_back_pair", |b| {
        b.iter(|| {
            app.update(Action::Follow);
            app.update(Action::Back);
        });
    });
    app.update(Action::Leave);

    app.update(Action::FocusPane(Pane::Quotes));
    app.update(Action::StartSearch);
    group.bench_function("search_first_keystroke_pair", |b| {
        b.iter(|| {
            app.update(Action::Type('e'));
            app.update(Action::Erase);
        });
    });
    // "e" matches nearly every quote, so the next letter narrows the largest set there is.
    app.update(Action::Type('e'));
    group.bench_function("search_next_keystroke_pair", |b| {
        b.iter(|| {
            app.update(Action::Type('r'));
            app.update(Action::Erase);
        });
    });
    app.update(Action::Leave);

    // A keystroke scores the first slice and shows its results; the rest is scored in slices
    // while no key waits (Action::Work). Both must fit the keystroke budget.
    app.update(Action::OpenPicker);
    group.bench_function("picker_keystroke_pair", |b| {
        b.iter(|| {
            app.update(Action::Type('e'));
            app.update(Action::Erase);
        });
    });
    app.update(Action::Type('e'));
    group.bench_function("picker_slice", |b| {
        b.iter_batched(
            || (),
            |()| {
                if !app.pending_work() {
                    app.update(Action::Erase);
                    app.update(Action::Type('e'));
                }
                app.update(Action::Work);
            },
            criterion::BatchSize::SmallInput,
        );
    });
    group.finish();
}

/// The lists a wide screen shows in the place they share, on the benchmark brief with 100,000
/// events: the frame with each in view, moving down the timeline, and the key that focuses the
/// one source every item cites (its marks are every item of the brief).
fn lists(c: &mut Criterion) {
    let mut app = app_of(Shape { events: 100_000, ..Shape::BENCH });
    let mut group = c.benchmark_group("lists");
    let mut screen = screen(200, 50);
    for pane in [Pane::Events, Pane::Sources, Pane::Topics] {
        app.update(Action::FocusPane(pane));
        app.update(Action::PageDown);
        let name = format!("draw_frame_200x50_{}", pane.section().key());
        group.bench_function(name, |b| {
            b.iter(|| {
                screen.draw(|frame| view::draw(frame.buffer_mut(), &app)).unwrap();
            });
        });
    }
    for pane in [Pane::Events, Pane::Topics] {
        app.update(Action::FocusPane(pane));
        group.bench_function(format!("move_selection_pair_{}", pane.section().key()), |b| {
            b.iter(|| {
                app.update(Action::Down);
                app.update(Action::Up);
            });
        });
    }
    group.bench_function("focus_sources_and_events_pair", |b| {
        b.iter(|| {
            app.update(Action::FocusPane(Pane::Sources));
            app.update(Action::FocusPane(Pane::Events));
        });
    });
    app.update(Action::ToggleOverview);
    group.bench_function("draw_overview_200x50", |b| {
        b.iter(|| {
            screen.draw(|frame| view::draw(frame.buffer_mut(), &app)).unwrap();
        });
    });
    group.finish();
}

/// The bundled sample at 120x40: a key and the frame that answers it.
fn sample(c: &mut Criterion) {
    let brief = brief::sample::load().into_valid_briefs().pop().expect("the sample loads");
    let mut app = App::new(vec![Opened::new("sample".into(), brief)]);
    app.update(Action::Resize(120, 40));
    let mut screen = screen(120, 40);
    c.bench_function("sample/key_and_frame_pair_120x40", |b| {
        b.iter(|| {
            for action in [Action::Down, Action::Up] {
                app.update(action);
                screen.draw(|frame| view::draw(frame.buffer_mut(), &app)).unwrap();
            }
        });
    });
}

criterion_group!(benches, reader, lists, sample);
criterion_main!(benches);
