//! Prints the keymap as Markdown, for the README: `cargo run --example keys`.

fn main() {
    print!("{}", brief::tui::keymap::markdown());
}
