//! Reading a library: 2,000 generated briefs of about 30 KB each (`brief::synth::library`,
//! 62.5 MB), written once into a temporary folder.
//!
//! - `previews`: every brief's header, read side by side: what the reader's first frame, the
//!   list of the briefs with their titles, waits for;
//! - `parse_all`: `load_paths` on the folder: every file read, parsed and checked (the rules
//!   across items, and across briefs), on every core;
//! - `full_index`: the same, then each brief's cross-reference index (side by side) and the
//!   library across them: everything before a reader could follow an id through the briefs;
//! - `index_only`: the indexes and the library alone, on briefs already parsed: what
//!   `full_index` adds to `parse_all`, measured without the parse's noise;
//! - `reader_load`: the reader's own load (each file parsed, checked and indexed on the core
//!   that read it) and the library, with no cache; `reader_load_cached`: the same once the cache
//!   holds every brief, as when an unchanged library is opened again.
//!
//! - `screen/…`: the reader on the library, at 200x50, its briefs' search texts built (as the
//!   reader builds them while the first frame is read): a frame of the library; a move and its
//!   frame; a keystroke of `/` across every brief (`mins` → `minsk` and back, and the first
//!   letter); opening the dossier of the actor most briefs have, a move in it; opening the
//!   timeline across every brief.
//!
//! Issue 15's targets, on a 2-core machine: `previews` well under 0.2 s (the first frame in
//! 0.3 s), `full_index` within 1.2 times `parse_all`, `reader_load_cached` within 0.3 s. Each
//! step takes seconds, so the samples are few: `cargo bench --bench library` runs in a few
//! minutes.

use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use rayon::prelude::*;

use brief::index::Index;
use brief::library::Library;
use brief::load::{Cache, brief_inputs, load_paths, previews};
use brief::model::Brief;

const BRIEFS: usize = 2_000;

fn library(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let bytes = brief::synth::write_library(dir.path(), BRIEFS).expect("the library is written");
    let paths = vec![dir.path().to_path_buf()];
    let files = brief_inputs(&paths).expect("the library's files");
    assert_eq!(files.len(), BRIEFS);
    let id = |name: &str| BenchmarkId::new(name, format!("{BRIEFS}x{:.0}KB", bytes as f64 / BRIEFS as f64 / 1e3));

    let mut group = c.benchmark_group("library");
    group.sample_size(10);
    group.warm_up_time(Duration::from_secs(1));
    group.measurement_time(Duration::from_secs(5));
    group.bench_function(id("previews"), |b| {
        b.iter(|| {
            let previews = previews(&files);
            assert!(previews.iter().all(Option::is_some));
            previews
        })
    });

    group.throughput(Throughput::Bytes(bytes));
    group.measurement_time(Duration::from_secs(30));
    group.bench_function(id("parse_all"), |b| {
        b.iter_with_large_drop(|| {
            let files = load_paths(&paths).expect("readable");
            assert!(files.iter().all(|f| !f.has_errors()));
            files
        })
    });
    group.bench_function(id("full_index"), |b| {
        b.iter_with_large_drop(|| {
            let files = load_paths(&paths).expect("readable");
            let (indexes, library) = {
                let briefs: Vec<&Brief> = files.iter().flat_map(|f| f.valid_briefs()).collect();
                assert_eq!(briefs.len(), BRIEFS);
                index_all(&briefs)
            };
            (files, indexes, library)
        })
    });
    let loaded = load_paths(&paths).expect("readable");
    let briefs: Vec<&Brief> = loaded.iter().flat_map(|f| f.valid_briefs()).collect();
    group.measurement_time(Duration::from_secs(10));
    group.bench_function(id("index_only"), |b| b.iter_with_large_drop(|| index_all(&briefs)));
    drop(loaded);

    // What the reader does before its first full frame, without and with its cache.
    let reader_load = |cache: Option<&Cache>| {
        let (files, indexes) = brief::tui::load(&paths, None, cache);
        let files = files.expect("readable");
        let briefs: Vec<&Brief> = files.iter().flat_map(|f| f.valid_briefs()).collect();
        assert_eq!((briefs.len(), indexes.len()), (BRIEFS, BRIEFS));
        let library = Library::build(&briefs);
        (library, indexes, files)
    };
    group.measurement_time(Duration::from_secs(30));
    group.bench_function(id("reader_load"), |b| b.iter_with_large_drop(|| reader_load(None)));
    let cache_dir = tempfile::tempdir().expect("a temporary folder");
    let cache = Cache::new(cache_dir.path());
    drop(reader_load(Some(&cache)));
    group.measurement_time(Duration::from_secs(10));
    group.bench_function(id("reader_load_cached"), |b| b.iter_with_large_drop(|| reader_load(Some(&cache))));
    group.finish();
}

/// The reader on the library: frames, keys and the search across every brief.
fn screen(c: &mut Criterion) {
    use brief::tui::{Action, App};
    let dir = tempfile::tempdir().expect("a temporary folder");
    brief::synth::write_library(dir.path(), BRIEFS).expect("the library is written");
    let files = load_paths(&[dir.path().to_path_buf()]).expect("readable");
    let mut app = App::new(brief::tui::open_all(files));
    app.update(Action::Resize(200, 50));
    app.briefs.par_iter().for_each(|reading| reading.opened.warm_finder());
    let frame = |app: &App| {
        let mut buffer = ratatui::buffer::Buffer::empty(ratatui::layout::Rect::new(0, 0, 200, 50));
        brief::tui::view::draw(&mut buffer, app);
        buffer
    };
    let mut group = c.benchmark_group("screen");
    group.sample_size(20);
    group.measurement_time(Duration::from_secs(5));
    group.bench_function("library_frame", |b| b.iter(|| frame(&app)));
    group.bench_function("library_move_and_frame", |b| {
        b.iter(|| {
            app.update(Action::Down);
            app.update(Action::Up);
            frame(&app)
        })
    });
    app.update(Action::StartSearch);
    "mins".chars().for_each(|c| app.update(Action::Type(c)));
    group.bench_function("find_keystroke_minsk", |b| {
        b.iter(|| {
            app.update(Action::Type('k'));
            app.update(Action::Erase);
        })
    });
    "mins".chars().for_each(|_| app.update(Action::Erase));
    group.bench_function("find_first_letter", |b| {
        b.iter(|| {
            app.update(Action::Type('m'));
            app.update(Action::Erase);
        })
    });
    app.update(Action::Leave);
    // The actor most briefs have, selected in the newest brief.
    let briefs: Vec<&Brief> = app.briefs.iter().map(|r| &r.opened.brief).collect();
    let actor =
        briefs[app.current].actors.iter().max_by_key(|a| app.library.brief_count(&briefs, &a.id)).expect("actors");
    let (id, count) = (actor.id.to_string(), app.library.brief_count(&briefs, &actor.id));
    app.update(Action::Follow);
    app.update(Action::OpenPicker);
    id.chars().for_each(|c| app.update(Action::Type(c)));
    while app.pending_work() {
        app.update(Action::Work);
    }
    app.update(Action::Submit);
    assert_eq!(app.anchor().map(|a| app.brief().id_of(a).to_string()), Some(id.clone()), "the picker found {id}");
    group.bench_function(format!("dossier_open_{count}_briefs"), |b| {
        b.iter(|| {
            app.update(Action::Dossier);
            let frame = frame(&app);
            app.update(Action::Leave);
            frame
        })
    });
    app.update(Action::Dossier);
    group.bench_function("dossier_move_and_frame", |b| {
        b.iter(|| {
            app.update(Action::Down);
            app.update(Action::Up);
            frame(&app)
        })
    });
    app.update(Action::Leave);
    group.bench_function("timeline_open", |b| {
        b.iter(|| {
            app.update(Action::Timeline);
            let frame = frame(&app);
            app.update(Action::Leave);
            frame
        })
    });
    group.finish();
}

/// Each brief's index, side by side, while the library across them is built.
fn index_all(briefs: &[&Brief]) -> (Vec<Index>, Library) {
    rayon::join(|| briefs.par_iter().map(|brief| Index::build(brief)).collect(), || Library::build(briefs))
}

criterion_group!(benches, library, screen);
criterion_main!(benches);
