//! Inputs the fuzzers found, replayed through the checks they failed (`brief::fuzzing`).
//! A file named `load-…` goes to the loader's check, `reader-…` to the reader's.

#[test]
fn every_input_the_fuzzers_found_now_passes() {
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz-regressions");
    let mut count = 0;
    for entry in std::fs::read_dir(folder).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let bytes = std::fs::read(&path).unwrap();
        match name.split('-').next() {
            Some("load") => brief::fuzzing::check_load(&bytes),
            Some("reader") => brief::fuzzing::check_reader(&bytes),
            _ => panic!("{name}: name it load-… or reader-…"),
        }
        count += 1;
    }
    assert!(count > 0, "the regressions folder is empty");
}
