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
//!   `full_index` adds to `parse_all`, measured without the parse's noise.
//!
//! Issue 15's targets, on a 2-core machine: `previews` well under 0.2 s (the first frame in
//! 0.3 s), `full_index` within 1.2 times `parse_all`. Each step takes seconds, so the samples
//! are few: `cargo bench --bench library` runs in a few minutes.

use std::time::Duration;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use rayon::prelude::*;

use brief::index::Index;
use brief::library::Library;
use brief::load::{brief_inputs, load_paths, previews};
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
    group.finish();
}

/// Each brief's index, side by side, while the library across them is built.
fn index_all(briefs: &[&Brief]) -> (Vec<Index>, Library) {
    rayon::join(|| briefs.par_iter().map(|brief| Index::build(brief)).collect(), || Library::build(briefs))
}

criterion_group!(benches, library);
criterion_main!(benches);
