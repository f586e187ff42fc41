//! `brief new`: the starter opens in the reader as written.

use super::Session;

#[test]
fn a_new_brief_opens_in_the_reader_with_its_example_actor() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("harbour-talks.yaml");
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("brief")).arg("new").arg(&path).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let mut session = Session::start(&[path.to_str().unwrap()], 100, 30, folder.path(), &[]);
    session.wait_for_text("What happened, in one line");
    session.wait_for_text("A. Person");
    session.quit();
}
