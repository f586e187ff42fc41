//! Writes a generated brief to stdout: `cargo run --release --example synth -- [QUOTES] [revised]`.
//! With no argument it writes the benchmark brief (10,000 actors, 100,000 quotes, about 33 MB);
//! with `revised`, its revision with one item in a hundred changed (`brief diff`'s benchmark).

use std::io::Write;

fn main() {
    let mut args = std::env::args().skip(1);
    let quotes = args.next().and_then(|n| n.parse().ok()).unwrap_or(brief::synth::Shape::BENCH.quotes);
    let shape = brief::synth::Shape::with_quotes(quotes);
    let yaml = match args.next().as_deref() {
        Some("revised") => brief::synth::revised_yaml(shape, 100),
        _ => brief::synth::brief_yaml(shape),
    };
    let _ = std::io::stdout().lock().write_all(yaml.as_bytes());
}
