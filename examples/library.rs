//! Writes a generated library of briefs into a folder:
//! `cargo run --release --example library -- DIR [COUNT]` (2,000 briefs of about 30 KB by default).

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: library DIR [COUNT]");
        std::process::exit(2);
    };
    let count = args.next().and_then(|n| n.parse().ok()).unwrap_or(2_000);
    match brief::synth::write_library(std::path::Path::new(&dir), count) {
        Ok(bytes) => println!("{count} briefs, {bytes} bytes in {dir}"),
        Err(error) => {
            eprintln!("cannot write the library: {error}");
            std::process::exit(1);
        }
    }
}
