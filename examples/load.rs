//! Loads briefs as the reader does (parse, validate, index; for several, the library across
//! them) and reports the time of each stage; run under `/usr/bin/time -v` for peak memory:
//! `cargo run --release --example load -- PATH...` (files or folders).

use std::path::PathBuf;
use std::time::Instant;

use rayon::prelude::*;

fn main() {
    let paths: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if paths.is_empty() {
        eprintln!("usage: load PATH...");
        std::process::exit(2);
    }
    let started = Instant::now();
    let previews = match brief::load::brief_inputs(&paths) {
        Ok(inputs) => brief::load::previews(&inputs),
        Err(error) => {
            eprintln!("{error}");
            std::process::exit(2);
        }
    };
    let previewed = started.elapsed();
    let files = match brief::load::load_paths(&paths) {
        Ok(files) => files,
        Err(error) => {
            eprintln!("{error}");
            std::process::exit(2);
        }
    };
    let loaded = started.elapsed();
    let bytes: usize = files.iter().map(|f| f.text.len()).sum();
    let problems: usize = files.iter().map(|f| f.all_problems().count()).sum();
    let briefs: Vec<_> = files.into_iter().flat_map(brief::load::LoadedFile::into_valid_briefs).collect();
    eprintln!("after the load: {}", memory());
    let indexed = Instant::now();
    let refs: Vec<&brief::model::Brief> = briefs.iter().collect();
    let (indexes, library) = rayon::join(
        || refs.par_iter().map(|brief| brief::index::Index::build(brief)).collect::<Vec<_>>(),
        || brief::library::Library::build(&refs),
    );
    let index_time = indexed.elapsed();
    eprintln!("after the index: {}", memory());
    eprintln!(
        "{bytes} bytes, {} briefs ({} headers), {problems} problems: headers {previewed:.2?}, load {:.2?}, \
         index and library {index_time:.2?}, total {:.2?}",
        indexes.len().min(library.len()),
        previews.iter().flatten().count(),
        loaded - previewed,
        started.elapsed()
    );
}

fn memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status.lines().filter(|l| l.starts_with("VmHWM") || l.starts_with("VmRSS")).collect::<Vec<_>>().join(" ")
}
