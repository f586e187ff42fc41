//! Writes a generated brief to stdout: `cargo run --release --example synth -- [QUOTES]`.
//! With no argument it writes the benchmark brief (10,000 actors, 100,000 quotes, about 33 MB).

use std::io::Write;

fn main() {
    let quotes = std::env::args().nth(1).and_then(|n| n.parse().ok()).unwrap_or(brief::synth::Shape::BENCH.quotes);
    let yaml = brief::synth::brief_yaml(brief::synth::Shape::with_quotes(quotes));
    let _ = std::io::stdout().lock().write_all(yaml.as_bytes());
}
