//! Prints the default keymap as Markdown, for the README: `cargo run --example keys`. A user's
//! own keys, with their config file's overrides: `brief config --keys`.

fn main() {
    print!("{}", brief::tui::keymap::Keymap::default().markdown());
}
