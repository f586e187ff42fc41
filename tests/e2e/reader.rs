//! Reading the sample in a real terminal, and every way out of it.

use super::Session;

fn sample() -> (Session, tempfile::TempDir) {
    let folder = tempfile::tempdir().unwrap();
    let session = Session::start(&[], 100, 30, folder.path(), &[]);
    session.wait_for_text("1 Actors 21");
    (session, folder)
}

#[test]
fn select_putin_follow_a_reference_go_back_and_quit() {
    let (mut session, _folder) = sample();
    session.wait_for_text("actor · Joe Biden");
    session.send(b"j");
    session.wait_for_text("actor · Vladimir Putin");
    session.send(b"\r");
    session.wait_for_text("Enter or number follows");
    // The cursor starts on reference 1, his affiliation: Russia.
    session.send(b"\r");
    session.wait_for_text("actor · Russia");
    session.send(b"\x7f");
    session.wait_for_text("actor · Vladimir Putin");
    session.send(b"q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
}

#[test]
fn export_lavrovs_quotes_and_refuse_to_overwrite_without_asking() {
    let (mut session, folder) = sample();
    session.send(b"\x10");
    session.wait_for_text("jump to");
    session.send(b"lavrov");
    session.wait_for_text("Sergey Lavrov · lavrov");
    session.send(b"\r");
    session.wait_for_text("actor · Sergey Lavrov");
    session.send(b"f4");
    session.wait_for_text("4 Quotes 3/26");
    session.send(b"e");
    session.wait_for_text("biden-putin-call-2021-12-quotes.txt");
    session.send(b"\r");
    session.wait_for_text("wrote 3 items");
    let written = std::fs::read_to_string(folder.path().join("biden-putin-call-2021-12-quotes.txt")).unwrap();
    let lavrov = ["If the new ‘sanctions from hell’ come, we will respond", "We can’t fail to respond."];
    for quote in lavrov {
        assert!(written.contains(quote), "{quote} is exported:\n{written}");
    }
    for other in ["Our objective here", "I won’t accept anybody’s red line", "severe costs"] {
        assert!(!written.contains(other), "{other} is not Lavrov's:\n{written}");
    }
    session.send(b"e");
    session.wait_for_text("biden-putin-call-2021-12-quotes.txt");
    session.send(b"\r");
    session.wait_for_text("the file exists: Enter replaces it");
    session.send(b"\x1b");
    session.wait_for_text("export cancelled");
    session.send(b"q");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
}

#[test]
fn sigterm_restores_the_terminal() {
    let (mut session, _folder) = sample();
    let status = std::process::Command::new("kill").arg("-TERM").arg(session.pid().to_string()).status().unwrap();
    assert!(status.success());
    assert_eq!(session.wait_exit(), 128 + 15);
    session.assert_restored();
}

#[test]
fn a_panic_restores_the_terminal_then_prints_its_message() {
    let folder = tempfile::tempdir().unwrap();
    let mut session = Session::start(&[], 100, 30, folder.path(), &[("BRIEF_TEST_PANIC", "1")]);
    session.wait_for_text("1 Actors 21");
    session.send(b"!");
    assert_ne!(session.wait_exit(), 0);
    session.assert_restored();
    session.wait_for_text("test panic requested");
    let output = session.output();
    let left = output.windows(8).rposition(|w| w == b"\x1b[?1049l").expect("the alternate screen was left");
    let message = output.windows(20).position(|w| w == b"test panic requested").expect("the message printed");
    assert!(message > left, "the message comes after the terminal is restored");
}

#[test]
fn a_brief_with_errors_prints_its_diagnostics_and_never_opens() {
    let folder = tempfile::tempdir().unwrap();
    let bad = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad/E014-unknown-speaker.yaml");
    let mut session = Session::start(&[bad.to_str().unwrap()], 100, 30, folder.path(), &[]);
    assert_eq!(session.wait_exit(), 1);
    assert!(session.screen().contains("error[E014]: unknown actor 'mayor-ruis'"), "{}", session.screen());
    assert!(!session.output().windows(8).any(|w| w == b"\x1b[?1049h"), "the alternate screen was never entered");
    session.assert_restored();
}
