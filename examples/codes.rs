//! Prints the diagnostic codes as Markdown, for the README: `cargo run --example codes`.

fn main() {
    print!("{}", brief::load::Code::markdown_table());
}
