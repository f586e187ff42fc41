//! Loads a brief file as the reader does (parse, validate, index) and reports the time of each
//! stage; run under `/usr/bin/time -v` for peak memory:
//! `cargo run --release --example load -- FILE`.

use std::time::Instant;

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: load FILE");
        std::process::exit(2);
    };
    let started = Instant::now();
    let file = match brief::load::load_file(std::path::Path::new(&path)) {
        Ok(file) => file,
        Err(error) => {
            eprintln!("{error}");
            std::process::exit(2);
        }
    };
    let loaded = started.elapsed();
    let (bytes, problems) = (file.text.len(), file.all_problems().count());
    let briefs = file.into_valid_briefs();
    eprintln!(
        "{}",
        std::fs::read_to_string("/proc/self/status")
            .unwrap()
            .lines()
            .filter(|l| l.starts_with("VmHWM") || l.starts_with("VmRSS"))
            .collect::<Vec<_>>()
            .join(" ")
    );
    let indexed = Instant::now();
    let indexes: Vec<_> = briefs.iter().map(brief::index::Index::build).collect();
    let index_time = indexed.elapsed();
    eprintln!(
        "{bytes} bytes, {} briefs, {problems} problems: load {loaded:.2?}, index {index_time:.2?}, total {:.2?}",
        indexes.len(),
        started.elapsed()
    );
}
