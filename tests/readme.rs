//! The README's key table is the keymap's own: generated, and checked here, so it cannot drift.

#[test]
fn the_readme_lists_the_live_keymap() {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let start = readme.find("<!-- keys:start -->\n").expect("the README marks its key table") + 20;
    let end = readme.find("<!-- keys:end -->").expect("the README marks its key table's end");
    assert!(
        readme[start..end] == brief::tui::keymap::markdown(),
        "README.md's key table is stale: replace it with the output of `cargo run --example keys`"
    );
}
