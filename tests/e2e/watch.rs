//! Live reload and `E`: the reader follows saves to its briefs without a key, and hands the
//! terminal to the editor and takes it back.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use super::Session;

const BRIEF: &str = "brief: 1\nid: day\ntitle: The day\ndate: 2024-01-01\nactors:\n  - {id: putin, name: Vladimir Putin}\n  - {id: biden, name: Joe Biden}\n";

/// Saves as vim does: a new file renamed over the old one, which a watch on the file itself
/// would not see.
fn save(path: &Path, text: &str) {
    let new = path.with_extension("yaml~");
    std::fs::write(&new, text).unwrap();
    std::fs::rename(&new, path).unwrap();
}

#[test]
fn an_open_brief_follows_each_save_renamed_broken_and_fixed_without_a_key() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("day.yaml");
    std::fs::write(&path, BRIEF).unwrap();
    // Wide enough for the whole error on the status line.
    let mut session = Session::start(&["day.yaml"], 160, 30, folder.path(), &[]);
    session.wait_for_text("Joe Biden");
    session.press(b"j", "actor · Joe Biden");

    save(&path, &BRIEF.replace("Joe Biden", "Joseph Biden"));
    session.wait_for_text("reloaded day.yaml: 2 items");
    session.wait_for_text("actor · Joseph Biden");

    save(&path, &BRIEF.replace("Joe Biden", "[Joseph Biden"));
    session.wait_for_text("day.yaml:7:");
    session.wait_for_text("still showing what was loaded");
    assert!(session.screen().contains("actor · Joseph Biden"), "what was loaded stays:\n{}", session.screen());
    session.press(b"D", "errors in the file; showing what was loaded before");
    session.press(b"q", "file has 1 error");

    // A plain write, as editors that write in place save.
    std::fs::write(&path, BRIEF.replace("Joe Biden", "Joe R. Biden")).unwrap();
    session.wait_for_text("actor · Joe R. Biden");
    session.wait_for("the error gone from the status line", |screen| !screen.contents().contains("file has 1 error"));
    session.quit();
}

#[test]
fn a_brief_saved_into_the_folder_opened_joins_the_library() {
    let folder = tempfile::tempdir().unwrap();
    let archive = folder.path().join("archive");
    std::fs::create_dir(&archive).unwrap();
    std::fs::write(archive.join("a.yaml"), BRIEF).unwrap();
    std::fs::write(archive.join("b.yaml"), BRIEF.replace("id: day", "id: two").replace("The day", "Day two")).unwrap();
    let mut session = Session::start(&["archive"], 100, 30, folder.path(), &[]);
    session.wait_for_text("Library · 2 briefs");
    save(&archive.join("c.yaml"), &BRIEF.replace("id: day", "id: three").replace("The day", "Day three"));
    session.wait_for_text("Day three");
    session.wait_for_text("3 briefs");
    session.quit();
}

/// A stand-in for vim: says it runs, records its arguments and how the terminal was set, waits
/// for the test to have typed (on a named pipe), reads a line from the terminal, then renames
/// Joe Biden.
fn stub_editor(folder: &Path) -> String {
    let bin = folder.join("bin");
    std::fs::create_dir(&bin).unwrap();
    let out = folder.display();
    let status = std::process::Command::new("mkfifo").arg(folder.join("typed-now")).status().unwrap();
    assert!(status.success());
    let script = format!(
        "#!/bin/sh\nprintf '%s\\n' \"$@\" > '{out}/args'\nstty -a > '{out}/stty'\necho 'the stub editor runs'\n\
         read go < '{out}/typed-now'\nread line\nprintf '%s\\n' \"$line\" > '{out}/typed'\n\
         sed 's/Joe Biden/Joseph Biden/' \"$2\" > \"$2.new\" && mv \"$2.new\" \"$2\"\n"
    );
    std::fs::write(bin.join("vim"), script).unwrap();
    std::fs::set_permissions(bin.join("vim"), std::fs::Permissions::from_mode(0o755)).unwrap();
    bin.join("vim").display().to_string()
}

#[test]
fn e_hands_the_terminal_and_its_keys_to_the_editor_at_the_items_line_then_reloads() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("day.yaml");
    std::fs::write(&path, BRIEF).unwrap();
    let editor = stub_editor(folder.path());
    let env = [("VISUAL", ""), ("EDITOR", editor.as_str())];
    let mut session = Session::start(&["--no-watch", "day.yaml"], 100, 30, folder.path(), &env);
    session.press(b"j", "actor · Joe Biden");
    session.press(b"E", "the stub editor runs");
    // Typed while the editor runs, before it reads: the line waits for the editor, and the
    // reader (whose q would quit it) leaves it alone.
    session.send(b"jjq\r");
    std::fs::write(folder.path().join("typed-now"), "go\n").unwrap();
    session.wait_for_text("actor · Joseph Biden");
    session.wait_for_text("reloaded day.yaml: 2 items");
    let read = |name: &str| std::fs::read_to_string(folder.path().join(name)).unwrap();
    assert_eq!(read("args"), "+7\nday.yaml\n");
    assert_eq!(read("typed"), "jjq\n");
    let stty = read("stty");
    assert!(stty.contains(" icanon") && stty.contains(" echo"), "the terminal was handed over cooked:\n{stty}");
    // The reader has its keys back.
    session.press(b"k", "actor · Vladimir Putin");
    session.quit();
}

#[test]
fn an_editor_that_cannot_start_is_a_message() {
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(folder.path().join("day.yaml"), BRIEF).unwrap();
    let env = [("VISUAL", "/no/such/editor --wait")];
    let mut session = Session::start(&["day.yaml"], 100, 30, folder.path(), &env);
    session.wait_for_text("Joe Biden");
    session.press(b"E", "cannot start the editor “/no/such/editor”");
    session.press(b"j", "actor · Joe Biden");
    session.quit();
}

/// How many inotify instances a process holds: the watcher's, when it watches.
fn inotify_instances(pid: u32) -> usize {
    let fds = std::fs::read_dir(format!("/proc/{pid}/fd")).unwrap();
    let links = fds.filter_map(|fd| std::fs::read_link(fd.ok()?.path()).ok());
    links.filter(|target| target.to_string_lossy().contains("inotify")).count()
}

#[test]
#[cfg(target_os = "linux")]
fn no_watch_watches_nothing() {
    let folder = tempfile::tempdir().unwrap();
    std::fs::write(folder.path().join("day.yaml"), BRIEF).unwrap();
    for (args, instances) in [(&["day.yaml"][..], 1), (&["--no-watch", "day.yaml"][..], 0)] {
        let mut session = Session::start(args, 100, 30, folder.path(), &[]);
        session.wait_for_text("Joe Biden");
        assert_eq!(inotify_instances(session.pid()), instances, "brief {args:?}");
        session.quit();
    }
}
