//! `--pager` on a terminal: the text goes through $PAGER, colours and exit status unchanged.

use super::Session;

fn start(args: &[&str], env: &[(&str, &str)]) -> (Session, tempfile::TempDir) {
    let folder = tempfile::tempdir().unwrap();
    let root = env!("CARGO_MANIFEST_DIR");
    let args: Vec<String> =
        args.iter().map(|a| if a.starts_with("tests/") { format!("{root}/{a}") } else { a.to_string() }).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let session = Session::start(&args, 100, 30, folder.path(), env);
    (session, folder)
}

const DIFF: [&str; 4] = ["diff", "tests/data/diff/tariff-old.yaml", "tests/data/diff/tariff-new.yaml", "--pager"];

fn shown(session: &Session) -> String {
    String::from_utf8_lossy(&session.output()).into_owned()
}

#[test]
fn diff_pages_through_pager_in_colour_and_still_exits_1_for_a_change() {
    let (mut session, _folder) = start(&DIFF, &[("PAGER", "sed 's/^/paged: /'")]);
    assert_eq!(session.wait_exit(), 1);
    let out = shown(&session);
    assert!(out.contains("paged: Brief water-tariff"), "{out}");
    assert!(out.contains("\x1b[31m"), "a terminal gets the colours through the pager");
}

#[test]
fn export_pages_with_less_options_set_as_git_sets_them_unless_less_is_set() {
    let pager = "sh -c 'echo \"LESS is [$LESS]\"; cat'";
    let args = ["export", "--section", "quotes", "--pager"];
    let (mut session, _folder) = start(&args, &[("PAGER", pager)]);
    assert_eq!(session.wait_exit(), 0);
    let expected = std::env::var("LESS").unwrap_or_else(|_| "FRX".into());
    assert!(shown(&session).contains(&format!("LESS is [{expected}]")), "{}", shown(&session));
    let (mut session, _folder) = start(&args, &[("PAGER", pager), ("LESS", "-S")]);
    assert_eq!(session.wait_exit(), 0);
    assert!(shown(&session).contains("LESS is [-S]"), "the user's LESS is kept");
}

#[test]
fn a_pager_that_cannot_start_is_a_warning_and_the_text_is_printed() {
    let (mut session, _folder) = start(&DIFF, &[("PAGER", "/no/such/pager -x")]);
    assert_eq!(session.wait_exit(), 1, "the diff's exit status is kept");
    let out = shown(&session);
    assert!(
        out.contains("warning: cannot start the pager '/no/such/pager': no such program; printing without it"),
        "{out}"
    );
    assert!(out.contains("Brief water-tariff"), "{out}");
}
