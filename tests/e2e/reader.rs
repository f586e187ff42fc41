//! Reading the sample in a real terminal, and every way out of it.

use super::Session;

/// `brief` with no path: the library of the three bundled briefs, and from it the oldest, the
/// sample of 6 December.
fn sample() -> (Session, tempfile::TempDir) {
    let folder = tempfile::tempdir().unwrap();
    let session = start_in(folder.path(), &[]);
    (session, folder)
}

fn start_in(folder: &std::path::Path, env: &[(&str, &str)]) -> Session {
    let session = Session::start(&[], 100, 30, folder, env);
    session.wait_for_text("Library · 3 briefs, newest first");
    session.press(b"G", "3 of 3");
    session.press(b"\r", "1 Actors 21");
    session
}

#[test]
fn select_putin_follow_a_reference_go_back_and_quit() {
    let (mut session, _folder) = sample();
    session.wait_for_text("actor · Joe Biden");
    session.press(b"j", "actor · Vladimir Putin");
    session.press(b"\r", "Enter or number follows");
    // The cursor starts on reference 1, his affiliation: Russia.
    session.press(b"\r", "actor · Russia");
    session.press(b"\x7f", "actor · Vladimir Putin");
    session.quit();
}

#[test]
fn with_no_path_the_library_lists_the_bundled_briefs_newest_first_and_an_actor_is_followed_across_them() {
    let folder = tempfile::tempdir().unwrap();
    let mut session = Session::start(&[], 120, 40, folder.path(), &[]);
    session.wait_for("three rows, newest first", |screen| {
        let rows: Vec<String> = screen.rows(0, 120).collect();
        let row = |date: &str| rows.iter().position(|r| r.starts_with(&format!("│{date}")));
        match (row("9 Dec 2021"), row("7 Dec 2021"), row("6 Dec 2021")) {
            (Some(a), Some(b), Some(c)) => a < b && b < c,
            _ => false,
        }
    });
    session.press(b"\r", "brief 3/3");
    session.press(b"\x10", "jump to");
    session.press(b"joe biden", "Joe Biden · biden");
    session.press(b"\r", "actor · Joe Biden");
    session.wait_for_text("Across 3 briefs");
    session.press(b"a", "Joe Biden across 3 briefs");
    // Past his five stances over time to his first quote, of 3 December, in the 6 December brief.
    session.press(b"jjjjj", "3 Dec 2021  Joe Biden:");
    session.press(b"\r", "brief 1/3");
    session.wait_for_text("4 Quotes");
    session.press(b"\x7f", "Joe Biden across 3 briefs");
    // q closes the dossier, back in the brief it was opened from; in the reader q quits.
    session.press(b"q", "1 Actors 23");
    session.quit();
}

#[test]
fn brackets_go_through_the_bundled_briefs_in_time() {
    let (mut session, _folder) = sample();
    session.wait_for_text("brief 1/3");
    session.press(b"]", "Biden warns Putin of heavy economic penalties");
    session.wait_for_text("brief 2/3");
    session.press(b"]", "After the call, Biden rules out US troops");
    // The quotes of each are checked against the texts compiled in with it: a quote in the
    // detail pane shows the paragraph it comes from.
    session.press(b"4", "4 Quotes");
    session.press(b"\r", "in context (sources/");
    session.press(b"[", "brief 2/3");
    session.quit();
}

#[test]
fn five_shows_the_events_in_date_order_and_what_is_next() {
    let (mut session, _folder) = sample();
    session.press(b"5", "5 Events 14");
    session.press(b"g", "event · Russia annexes Crimea from Ukraine.");
    session.wait_for_text("7 Dec 2021  ▶ [scheduled] Biden and");
    let screen = session.screen();
    // The timeline as the file does not write it: the 2014 events, then November, then December.
    let dates: Vec<&str> = ["2014  ", "Nov 2021", "2 Dec 2021", "3 Dec 2021", "6 Dec 2021  ◆", "7 Dec 2021  ▶"]
        .into_iter()
        .filter(|date| screen.contains(date))
        .collect();
    assert_eq!(dates.len(), 6, "every date is on screen:\n{screen}");
    let places: Vec<usize> = dates.iter().map(|date| screen.find(date).unwrap()).collect();
    assert!(places.windows(2).all(|w| w[0] < w[1]), "in date order:\n{screen}");
    session.quit();
}

#[test]
fn a_resized_terminal_is_drawn_whole_at_its_new_size() {
    let (mut session, _folder) = sample();
    // Wide: the four panes side by side, each with its title in its border.
    session.resize(160, 40);
    session.wait_for("four panes across 160 columns", |screen| {
        let top = screen.rows(0, 160).nth(1).unwrap_or_default();
        top.starts_with("┌ 1 Actors 21") && top.contains("┌ 4 Quotes 34") && top.ends_with('┐')
    });
    // Too small, then back: nothing of the wide frame is left behind.
    session.resize(20, 6);
    session.wait_for_text("terminal too small");
    session.resize(80, 24);
    session.wait_for("one pane with a tab row at 80x24", |screen| {
        let rows: Vec<String> = screen.rows(0, 80).collect();
        rows[1].starts_with(" 1 Actors  2 Claims")
            && rows[2].starts_with("┌ 1 Actors 21")
            && !screen.contents().contains("small")
    });
    session.quit();
}

#[test]
fn export_lavrovs_quotes_and_refuse_to_overwrite_without_asking() {
    let (mut session, folder) = sample();
    session.press(b"\x10", "jump to");
    session.press(b"lavrov", "Sergey Lavrov · lavrov");
    session.press(b"\r", "actor · Sergey Lavrov");
    session.press(b"f4", "4 Quotes 3/34");
    session.press(b"e", "biden-putin-call-2021-12-quotes.txt");
    session.press(b"\r", "wrote 3 items");
    let written = std::fs::read_to_string(folder.path().join("biden-putin-call-2021-12-quotes.txt")).unwrap();
    let lavrov = ["If the new ‘sanctions from hell’ come, we will respond", "We can’t fail to respond."];
    for quote in lavrov {
        assert!(written.contains(quote), "{quote} is exported:\n{written}");
    }
    for other in ["Our objective here", "I won’t accept anybody’s red line", "severe costs"] {
        assert!(!written.contains(other), "{other} is not Lavrov's:\n{written}");
    }
    session.press(b"e", "biden-putin-call-2021-12-quotes.txt");
    session.press(b"\r", "the file exists: Enter replaces it");
    session.press(b"\x1b", "export cancelled");
    session.quit();
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
#[cfg_attr(not(debug_assertions), ignore = "the panic trigger exists in debug builds only")]
fn a_panic_restores_the_terminal_then_prints_its_message() {
    let folder = tempfile::tempdir().unwrap();
    let mut session = start_in(folder.path(), &[("BRIEF_TEST_PANIC", "1")]);
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

#[test]
fn the_bytes_sent_to_the_terminal_carry_nothing_from_the_brief_that_could_drive_it() {
    let folder = tempfile::tempdir().unwrap();
    let hostile = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/unicode-and-hostile.yaml");
    let mut session = Session::start(&[hostile.to_str().unwrap()], 100, 30, folder.path(), &[]);
    session.wait_for_text("1 Actors 4");
    // Every pane, every item's detail, the matrix, the help, the picker and a search.
    // Each overlay closes with its own key, not Esc: an Esc with a key right behind it reads as
    // Alt and that key, which is not the key meant.
    session.send(b"jjj\rh2j\rjjh3jj\rj\rh4jj\rhmm??\x10a\r/e\r");
    session.press(b"f", "showing what is related");
    let output = session.output();
    let contains = |needle: &[u8]| output.windows(needle.len()).any(|w| w == needle);
    assert!(!output.contains(&0x07), "no BEL");
    assert!(!output.contains(&0x08), "no backspace");
    assert!(!contains(b"\x1b]"), "no OSC: no title change, no clipboard write, no hyperlink");
    assert!(!contains(b"\x1b[5m") && !contains(b"\x1b[31m") && !contains(b"\x1bc"), "none of the brief's CSI");
    assert!(
        !contains(b"\x1b[?25h") && !contains(b"\x1b[?1049l"),
        "the brief cannot show the cursor or leave the screen"
    );
    for c1 in 0x80u8..=0x9f {
        assert!(!contains(&[0xc2, c1]), "no C1 control U+00{c1:02X}");
    }
    for bidi in
        ['\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}']
    {
        assert!(!contains(bidi.to_string().as_bytes()), "no bidi control {bidi:?}");
    }
    assert!(session.screen().contains("␛]0;pwned␇"), "the title's escape shows as symbols");
    session.quit();
}

#[test]
fn sighup_and_sigint_restore_the_terminal() {
    for (signal, number) in [("-HUP", 1), ("-INT", 2)] {
        let (mut session, _folder) = sample();
        let status = std::process::Command::new("kill").arg(signal).arg(session.pid().to_string()).status().unwrap();
        assert!(status.success());
        assert_eq!(session.wait_exit(), 128 + number, "after {signal}");
        session.assert_restored();
    }
}

#[test]
fn ctrl_z_gives_the_terminal_back_and_resuming_redraws_everything() {
    let (mut session, _folder) = sample();
    session.press(b"j", "actor · Vladimir Putin");
    let before = session.output().len();
    session.send(b"\x1a");
    // Here nothing stops the reader (its process group has no shell to resume it, so the
    // terminal driver discards the stop): it gives the terminal back, then takes it again at
    // once and draws the whole screen, as after `fg`.
    session.wait_for("the terminal given back and taken again", |_| {
        let output = session.output();
        let after = &output[before..];
        let left = after.windows(8).position(|w| w == b"\x1b[?1049l");
        let entered = after.windows(8).rposition(|w| w == b"\x1b[?1049h");
        matches!((left, entered), (Some(l), Some(e)) if e > l)
    });
    session.wait_for_text("actor · Vladimir Putin");
    session.press(b"j", "actor · Dmitry Peskov");
    session.quit();
}

#[test]
fn a_brief_file_that_disappears_while_open_is_kept_and_the_reader_says_so() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("brief.yaml");
    std::fs::write(&path, brief::sample::portable()).unwrap();
    let mut session = Session::start(&[path.to_str().unwrap()], 100, 30, folder.path(), &[]);
    session.wait_for_text("1 Actors 21");
    std::fs::remove_file(&path).unwrap();
    session.send(b"r");
    session.wait_for_text("no such file or folder; still showing");
    session.press(b"j", "actor · Vladimir Putin");
    session.quit();
}

#[test]
fn y_inside_tmux_puts_the_text_in_tmuxs_paste_buffer() {
    use std::os::unix::fs::PermissionsExt;
    let folder = tempfile::tempdir().unwrap();
    // A stand-in for tmux, first on the PATH, that keeps what it is asked to load.
    let bin = folder.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    let script = format!("#!/bin/sh\necho \"$*\" > '{0}/args'\ncat > '{0}/buffer'\n", folder.path().display());
    std::fs::write(bin.join("tmux"), script).unwrap();
    std::fs::set_permissions(bin.join("tmux"), std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let env = [("TMUX", "/tmp/tmux-test/default,1,0"), ("PATH", path.as_str())];
    let mut session = start_in(folder.path(), &env);
    session.wait_for_text("actor · Joe Biden");
    session.press(b"\ry", "to tmux's paste buffer");
    assert_eq!(std::fs::read_to_string(folder.path().join("args")).unwrap(), "load-buffer -w -\n");
    let copied = std::fs::read_to_string(folder.path().join("buffer")).unwrap();
    assert!(copied.contains("Joe Biden") && copied.contains("What they said"), "{copied}");
    assert!(!String::from_utf8_lossy(&session.output()).contains("\u{1b}]52;"), "no OSC 52 to the terminal");
    session.quit();
}

#[test]
fn y_outside_tmux_asks_the_terminal_and_says_it_asked() {
    let (mut session, _folder) = sample();
    session.press(b"y", "asked the terminal to copy 21 items");
    let output = String::from_utf8_lossy(&session.output()).into_owned();
    let start = output.find("\u{1b}]52;c;").expect("an OSC 52 sequence") + 7;
    let end = start + output[start..].find('\u{7}').expect("ended by BEL");
    use base64::Engine;
    let copied = base64::engine::general_purpose::STANDARD.decode(&output[start..end]).unwrap();
    assert!(String::from_utf8(copied).unwrap().contains("Vladimir Putin"));
    session.quit();
}

#[test]
fn briefs_that_disagree_on_an_id_open_and_the_status_line_says_where() {
    let folder = tempfile::tempdir().unwrap();
    let text = |id: &str, kind: &str| {
        format!(
            "brief: 1\nid: {id}\ntitle: Day {id}\ndate: 2024-01-0{id}\nactors:\n  - {{id: putin, name: Vladimir Putin, kind: {kind}}}\n\
             quotes:\n  - {{id: q{id}, speaker: putin, kind: indirect, text: Something was said.}}\n"
        )
    };
    std::fs::write(folder.path().join("a.yaml"), text("1", "person")).unwrap();
    std::fs::write(folder.path().join("b.yaml"), text("2", "state")).unwrap();
    let mut session = Session::start(&["a.yaml", "b.yaml"], 120, 30, folder.path(), &[]);
    session.wait_for_text("b.yaml:6:");
    session.wait_for_text("actor 'putin' is a state here but a person in a.yaml:6:");
    session.wait_for_text("brief check lists them");
    session.press(b"\r", "brief 2/2");
    session.quit();
}

#[test]
fn a_folder_opened_again_is_read_from_the_cache_which_follows_edits_and_survives_damage() {
    let folder = tempfile::tempdir().unwrap();
    let briefs = folder.path().join("archive");
    std::fs::create_dir(&briefs).unwrap();
    let text = |day: &str, title: &str| {
        format!(
            "brief: 1\nid: day-{day}\ntitle: {title}\ndate: 2024-01-0{day}\nactors:\n  - {{id: putin, name: Vladimir Putin}}\n\
             quotes:\n  - {{id: q{day}, speaker: putin, kind: indirect, text: Something was said.}}\n"
        )
    };
    std::fs::write(briefs.join("a.yaml"), text("1", "The first day")).unwrap();
    std::fs::write(briefs.join("b.yaml"), text("2", "The second day")).unwrap();
    let cache = folder.path().join("cache");
    let cache_home = cache.to_str().unwrap();
    let packs = || -> Vec<std::path::PathBuf> {
        let listed = std::fs::read_dir(cache.join("brief/parsed"));
        listed.map(|l| l.map(|e| e.unwrap().path()).collect()).unwrap_or_default()
    };
    let open = |args: &[&str], title: &str| {
        let mut session = Session::start(args, 100, 30, folder.path(), &[("XDG_CACHE_HOME", cache_home)]);
        session.wait_for_text("Library · 2 briefs");
        session.wait_for_text(title);
        session.quit();
    };

    open(&["archive"], "The second day");
    let [pack] = packs().try_into().expect("one pack for the folder");
    std::fs::write(&pack, "damaged").unwrap();
    open(&["archive"], "The second day");
    assert_eq!(packs(), std::slice::from_ref(&pack));
    assert!(std::fs::read(&pack).unwrap().len() > 100, "a damaged pack is written anew");

    // An edit shows, whatever the cache holds.
    std::fs::write(briefs.join("b.yaml"), text("2", "The second day, revised")).unwrap();
    open(&["archive"], "The second day, revised");

    std::fs::remove_dir_all(&cache).unwrap();
    open(&["--no-cache", "archive"], "The second day");
    assert!(packs().is_empty(), "--no-cache writes nothing");
}

#[test]
fn the_config_files_keys_and_first_pane_are_the_readers() {
    let folder = tempfile::tempdir().unwrap();
    let config = folder.path().join(".config/brief");
    std::fs::create_dir_all(&config).unwrap();
    std::fs::write(config.join("config.toml"), "[reader]\npane = \"claims\"\n[keys]\nquit = [\"x\"]\n").unwrap();
    let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(brief::sample::NAME);
    let mut session = Session::start(&[sample.to_str().unwrap()], 100, 30, folder.path(), &[]);
    // The claims pane has the keyboard: its first claim is the one described beside it.
    session.wait_for_text("claim · ");
    // x does nothing by default: here it quits.
    session.send(b"x");
    assert_eq!(session.wait_exit(), 0);
    session.assert_restored();
}
