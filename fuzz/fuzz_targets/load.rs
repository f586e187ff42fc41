//! Bytes in, a brief or diagnostics out: the loader never panics, hangs or runs away with
//! memory, and every export of what loads is free of control characters.
#![no_main]

use brief::export::{self, Format, Options, Selection};
use brief::index::Index;
use brief::load::{Origin, load_bytes, render};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let file = load_bytes(Origin::Stdin, bytes.to_vec());
    // Diagnostics render whatever the file holds.
    let shown = render::human(&file, false);
    assert!(!shown.chars().any(|c| brief::text::is_unsafe(c) && c != '\n'), "{shown:?}");
    let _ = render::json(std::slice::from_ref(&file));
    for brief in file.into_valid_briefs() {
        let index = Index::build(&brief);
        for format in [Format::Text, Format::Markdown, Format::Json] {
            let out = export::export(&brief, &index, &Selection::All, &Options { format, width: 40 });
            assert!(!out.chars().any(|c| brief::text::is_unsafe(c) && c != '\n'), "{format:?} export: {out:?}");
        }
    }
});
