//! `brief export` on the real binary: formats, files, errors, pipes, hostile text.

use std::path::Path;

use assert_cmd::Command;
use predicates::prelude::*;

fn brief() -> Command {
    let mut cmd = Command::cargo_bin("brief").expect("the binary is built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    // Never the config file of whoever runs the tests.
    cmd.env("XDG_CONFIG_HOME", concat!(env!("CARGO_TARGET_TMPDIR"), "/no-config"));
    cmd
}

fn golden(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/export").join(name)).unwrap()
}

fn stdout(args: &[&str]) -> String {
    let output = brief().args(args).output().unwrap();
    assert!(output.status.success(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    assert!(output.stderr.is_empty(), "{}", String::from_utf8_lossy(&output.stderr));
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn each_format_on_stdout_matches_the_library_goldens() {
    assert_eq!(stdout(&["export", "--section", "quotes"]), golden("quotes.txt"));
    assert_eq!(
        stdout(&["export", "briefs/biden-putin-call-2021-12.yaml", "--related", "lavrov", "--format", "markdown"]),
        golden("related-lavrov.md")
    );
    assert_eq!(
        stdout(&["export", "briefs/biden-putin-call-2021-12.yaml", "--item", "c-troop-buildup", "--format", "json"]),
        golden("item-c-troop-buildup.json")
    );
    assert_eq!(
        stdout(&["export", "tests/data/timeline.yaml", "--section", "events", "--format", "markdown"]),
        golden("timeline-events.md"),
        "events by date, not as written"
    );
}

#[test]
fn without_a_selection_the_whole_brief_is_exported() {
    let all = stdout(&["export"]);
    for heading in
        ["Sources (2)", "Topics (5)", "Actors (21)", "Claims (17)", "Positions (15)", "Quotes (34)", "Events (14)"]
    {
        assert!(all.contains(&format!("\n{heading}\n")), "{heading}");
    }
    assert_eq!(all, stdout(&["export", "--section", "all"]));
    assert!(all.contains("prepared by brief sample desk"), "the whole brief has its summary line");
}

#[test]
fn the_overview_is_the_header_the_counts_and_the_sources() {
    assert_eq!(stdout(&["export", "--section", "overview"]), golden("overview.txt"));
    assert_eq!(
        stdout(&["export", "tests/data/multi-source.yaml", "--section", "overview", "--format", "markdown"]),
        golden("multi-source-overview.md")
    );
    let json = stdout(&["export", "tests/data/multi-source.yaml", "--section", "overview", "--format", "json"]);
    assert_eq!(json, golden("multi-source-overview.json"));
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value[0]["selection"]["kind"], "overview");
    assert_eq!(value[0]["overview"]["counts"]["claims"], 3);
    assert_eq!(value[0]["overview"]["sources"][1]["reliability_meaning"], "completely reliable");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("overview.txt");
    brief()
        .args(["export", "tests/data/multi-source.yaml", "--section", "overview", "-o"])
        .arg(&path)
        .assert()
        .success()
        .stderr(format!("wrote 3 items to {}\n", path.display()));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), golden("multi-source-overview.txt"));
    brief()
        .args(["export", "--section", "overveiw"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown section 'overveiw'; did you mean 'overview'?"));
}

#[test]
fn width_wraps_text_and_zero_does_not() {
    let narrow = stdout(&["export", "--section", "claims", "--width", "40"]);
    assert!(narrow.lines().filter(|l| !l.trim_start().starts_with("https://")).all(|l| brief::text::cells(l) <= 40));
    let unwrapped = stdout(&["export", "--section", "claims", "--width", "0"]);
    assert!(unwrapped.contains(
        "- US-Russian friction has grown over recent weeks because of the large Russian deployment by the Ukrainian frontier, which has stirred fears of an attack and talk of fresh Western penalties.\n"
    ));
}

#[test]
fn output_goes_to_a_file_atomically_and_a_second_export_replaces_it() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("quotes.md");
    brief()
        .args(["export", "--section", "quotes", "--format", "markdown", "-o"])
        .arg(&file)
        .assert()
        .success()
        .stdout("")
        .stderr(format!("wrote 34 items to {}\n", file.display()));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), golden("quotes.md"));
    // The command line replaces without asking (the reader's dialog is the one that asks).
    let sample = brief::sample::load().into_valid_briefs().pop().unwrap();
    let index = brief::index::Index::build(&sample);
    let lavrov = index.lookup(&sample, "lavrov").unwrap();
    let items = brief::export::item_count(&sample, &index, &brief::export::Selection::Related(lavrov));
    brief()
        .args(["export", "--related", "lavrov", "--output"])
        .arg(&file)
        .assert()
        .success()
        .stderr(format!("wrote {items} items to {}\n", file.display()));
    assert_eq!(std::fs::read_to_string(&file).unwrap(), golden("related-lavrov.txt"));
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["quotes.md"], "no temporary file is left behind");
}

#[test]
fn a_failed_write_is_an_error_and_leaves_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no/such/folder/out.txt");
    brief()
        .args(["export", "-o"])
        .arg(&missing)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::starts_with("error: cannot write '").and(predicate::str::contains("no such folder")));
    // A folder where the file should go: the rename fails, the folder and its contents stay.
    let folder = dir.path().join("taken");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("keep.txt"), "kept").unwrap();
    brief().args(["export", "-o"]).arg(&folder).assert().code(2).stderr(predicate::str::contains("cannot write"));
    let mut names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    names.sort();
    assert_eq!(names, ["taken"], "no temporary file is left behind");
    assert_eq!(std::fs::read_to_string(folder.join("keep.txt")).unwrap(), "kept");
}

#[test]
fn an_unknown_section_or_id_suggests_the_nearest() {
    brief()
        .args(["export", "--section", "quote"])
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("unknown section 'quote'; did you mean 'quotes'?"))
        .stderr(predicate::str::contains("actors, claims, positions, quotes, topics, events, sources, all, overview"));
    brief()
        .args(["export", "--item", "lavorv"])
        .assert()
        .code(2)
        .stderr("error: no item has the id 'lavorv' in the brief; did you mean 'lavrov'?\n");
    brief()
        .args(["export", "--related", "c-troop-build-up"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("did you mean 'c-troop-buildup'?"));
    brief()
        .args(["export", "--item", "zzzzzzzz"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no item has the id"));
    brief().args(["export", "--format", "pdf"]).assert().code(2);
    brief().args(["export", "--item", "lavrov", "--related", "lavrov"]).assert().code(2);
}

#[test]
fn a_brief_with_errors_is_not_exported() {
    brief()
        .args(["export", "tests/bad/E014-unknown-speaker.yaml", "-o", "/nonexistent/never-written.txt"])
        .assert()
        .code(1)
        .stdout("")
        .stderr(predicate::str::contains("error[E014]"))
        .stderr(predicate::str::contains("brief check"));
    brief().args(["export", "no/such/brief.yaml"]).assert().code(2);
}

#[test]
fn stdin_and_several_briefs() {
    let two = brief::sample::portable()
        + "\n---\n"
        + &brief::sample::portable().replace("id: biden-putin-call-2021-12", "id: second");
    let output = brief()
        .args(["export", "-", "--item", "lavrov", "--format", "json"])
        .write_stdin(two.clone())
        .output()
        .unwrap();
    assert!(output.status.success());
    let value: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let briefs: Vec<&str> = value.as_array().unwrap().iter().map(|v| v["brief"]["id"].as_str().unwrap()).collect();
    assert_eq!(briefs, ["biden-putin-call-2021-12", "second"], "several JSON exports make one array");
    let text = String::from_utf8(
        brief().args(["export", "-", "--section", "events"]).write_stdin(two).output().unwrap().stdout,
    )
    .unwrap();
    assert_eq!(text.matches("Events (14)").count(), 2, "a section from each brief");
}

#[test]
fn json_is_an_array_of_exports_whatever_the_count() {
    for args in [
        vec!["export", "--format", "json"],
        vec!["export", "--item", "lavrov", "--format", "json"],
        vec!["export", "briefs/", "tests/data/timeline.yaml", "--section", "events", "--format", "json"],
    ] {
        let value: serde_json::Value = serde_json::from_str(&stdout(&args)).expect("valid JSON");
        let exports = value.as_array().unwrap_or_else(|| panic!("{args:?}: not an array"));
        // The three bundled briefs and the timeline.
        let wanted = if args.contains(&"tests/data/timeline.yaml") { 4 } else { 1 };
        assert_eq!(exports.len(), wanted, "{args:?}");
        for export in exports {
            assert!(export["brief"]["id"].is_string() && export["items"].is_array(), "{args:?}: {export}");
        }
    }
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let big = dir.path().join("big.yaml");
    std::fs::write(&big, brief::synth::brief_yaml(brief::synth::Shape::with_quotes(3_000))).unwrap();
    let binary = assert_cmd::cargo::cargo_bin("brief");
    let output = std::process::Command::new("bash")
        .arg("-c")
        .arg(r#"set -o pipefail; "$0" export "$1" --section quotes | head -1"#)
        .arg(&binary)
        .arg(&big)
        .env("XDG_CONFIG_HOME", concat!(env!("CARGO_TARGET_TMPDIR"), "/no-config"))
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0), "{}", String::from_utf8_lossy(&output.stderr));
    assert_eq!(String::from_utf8(output.stdout).unwrap(), "Synthetic brief\n");
    assert!(output.stderr.is_empty(), "{}", String::from_utf8_lossy(&output.stderr));
}

/// A brief whose every kind of text holds terminal escapes and bidi overrides.
const HOSTILE: &str = r#"brief: 1
id: hostile
title: "Title \e]0;pwned\a change \e]52;c;Y3VybCBldmlsLnNoIHwgc2g=\a clip"
date: 2024-01-01
marking: "\e[5mBLINK\e[0m"
summary: "line\roverwrite \x08\x08 back \e[2J\e[H clear \u009b31m c1 \u202eevil\u202c \u2066iso\u2069"
prepared_by: "\e[8mhidden"
tags: ["\e[31mred"]
"x-\e[31mdesk": {"\e]0;key\a": "\u202evalue", list: ["\e[2J", 1]}
sources:
  - id: s
    title: "\e]8;;http://evil.example\e\\link\e]8;;\e\\"
    publisher: "Pub\u0085lisher\u009d"
    url: "https://example.org/\e[31m"
    x-note: "\e[1mbold"
topics:
  - {id: t, label: "\u202eLabel", summary: "\a\a"}
actors:
  - id: a
    name: "Name\e[2K\r"
    role: "\e[?1049hrole"
    aliases: ["\u200falias"]
    x-notes: ["\e[2Jclear", {"\u202ekey": "\a"}]
    summary: "\u009d0;title\u009c"
  - {id: b, name: "B\u2067ob", speaks_for: [a]}
claims:
  - {id: c, text: "claim\e[1A", by: [a], topic: t, quotes: [q], source: s, at: "para\a 1"}
positions:
  - {id: p, actor: b, text: "pos\e[0m", topic: t, stance: supports, supports: [c], quotes: [q2], source: s}
quotes:
  - {id: q, speaker: a, text: "\e[31mquote\e[0m \e]52;c;cm0gLXJmIH4=\a", context: "\u202ectx", to: "\x7fto", mentions: [b], source: s, at: "\e[6n"}
  - {id: q2, speaker: b, kind: indirect, text: "said\u0007", on_behalf_of: a, source: s}
events:
  - {id: e, date: 2024-01-01, text: "event\e[3J", actors: [a, b], source: s}
"#;

#[test]
fn nothing_in_an_export_can_drive_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.yaml");
    std::fs::write(&path, HOSTILE).unwrap();
    brief().arg("check").arg(&path).assert().success();
    let mut checked = 0;
    for format in ["text", "markdown", "json"] {
        for selection in [
            vec!["--section", "all"],
            vec!["--related", "a"],
            vec!["--related", "b"],
            vec!["--item", "q"],
            vec!["--related", "s"],
            vec!["--related", "t"],
            vec!["--related", "c"],
        ] {
            let file = dir.path().join("out");
            let output = brief()
                .arg("export")
                .arg(&path)
                .args(&selection)
                .args(["--format", format, "-o"])
                .arg(&file)
                .output()
                .unwrap();
            assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
            let on_stdout =
                brief().arg("export").arg(&path).args(&selection).args(["--format", format]).output().unwrap();
            for bytes in [std::fs::read(&file).unwrap(), on_stdout.stdout, output.stderr] {
                let text = String::from_utf8(bytes).expect("UTF-8");
                for c in text.chars().filter(|&c| c != '\n') {
                    assert!(!brief::text::is_unsafe(c), "U+{:04X} in {format} {selection:?}:\n{text}", c as u32);
                }
                assert!(!text.contains('\u{1b}') && !text.contains('\u{7}') && !text.contains('\r'));
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 3 * 7 * 3);
    let text = String::from_utf8(brief().arg("export").arg(&path).output().unwrap().stdout).unwrap();
    assert!(text.contains("Title ␛]0;pwned␇ change ␛]52;c;Y3VybCBldmlsLnNoIHwgc2g=␇ clip"), "{text}");
    assert!(text.contains("[RLO]evil[PDF]"), "{text}");
    assert!(text.contains("[U+009B]31m"), "{text}");
    assert!(text.contains("x-␛[31mdesk:\n  - ␛]0;key␇: [RLO]value\n  - list: ␛[2J, 1\n"), "{text}");
    let json = String::from_utf8(brief().arg("export").arg(&path).args(["--format", "json"]).output().unwrap().stdout)
        .unwrap();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value[0]["brief"]["marking"], "\u{1b}[5mBLINK\u{1b}[0m", "JSON escapes, and keeps the data");
}

#[test]
fn related_over_several_briefs_is_one_dossier_across_them() {
    for (format, extension) in [("text", "txt"), ("markdown", "md"), ("json", "json")] {
        for id in ["biden", "sanctions"] {
            assert_eq!(
                stdout(&["export", "briefs/", "--related", id, "--format", format]),
                golden(&format!("across-related-{id}.{extension}")),
                "{id} in {format}"
            );
        }
    }
    // One brief: the dossier of that brief, as before.
    let one = stdout(&["export", "briefs/biden-putin-call-2021-12.yaml", "--related", "biden"]);
    assert!(one.starts_with("Biden to warn Putin of \"direct costs\" over Ukraine\n"), "{one}");
    assert!(!one.contains("across"), "{one}");
    // Several: one listing, each item once, from whichever briefs have it.
    let several = stdout(&["export", "briefs/", "--related", "lavrov"]);
    assert!(several.starts_with("Sergey Lavrov across "), "{several}");
    let json: serde_json::Value =
        serde_json::from_str(&stdout(&["export", "briefs/", "--related", "lavrov", "--format", "json"])).unwrap();
    assert!(json.is_object(), "a dossier across briefs is one object, not an array of exports");
    assert_eq!(json["about"]["id"], "lavrov");
}

#[test]
fn the_timeline_merges_every_brief_given_in_date_order() {
    for (format, extension) in [("text", "txt"), ("markdown", "md"), ("json", "json")] {
        assert_eq!(
            stdout(&["export", "--section", "timeline", "briefs/", "--format", format]),
            golden(&format!("across-timeline.{extension}")),
            "{format}"
        );
    }
    let one = stdout(&["export", "briefs/biden-putin-call-2021-12.yaml", "--section", "timeline"]);
    assert!(one.starts_with("Timeline across 1 brief\n"), "one brief has a timeline too:\n{one}");
    assert!(!one.contains("Earlier:"), "nothing earlier than the only brief");
    brief()
        .args(["export", "--section", "timelien"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("unknown section 'timelien'; did you mean 'timeline'?"))
        .stderr(predicate::str::contains("all, overview, timeline"));
}

#[test]
fn a_listing_written_to_a_file_counts_its_rows() {
    let briefs: Vec<brief::model::Brief> = brief::load::load_paths(&["briefs/".into()])
        .unwrap()
        .into_iter()
        .flat_map(brief::load::LoadedFile::into_valid_briefs)
        .collect();
    let refs: Vec<&brief::model::Brief> = briefs.iter().collect();
    let library = brief::library::Library::build(&refs);
    let dir = tempfile::tempdir().unwrap();
    for (args, rows) in [
        (["--section", "timeline"], library.timeline(&refs, None).row_count()),
        (["--related", "biden"], library.dossier(&refs, "biden").unwrap().row_count()),
    ] {
        let file = dir.path().join("out.md");
        brief()
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["export", "briefs/"])
            .args(args)
            .args(["--format", "markdown", "-o"])
            .arg(&file)
            .assert()
            .success()
            .stdout("")
            .stderr(format!("wrote {rows} items to {}\n", file.display()));
        assert!(std::fs::read_to_string(&file).unwrap().starts_with("# "), "{args:?}");
    }
}

#[test]
fn an_id_in_no_brief_is_a_usage_error_naming_it() {
    brief()
        .args(["export", "briefs/", "--related", "bidne"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("error: no item has the id 'bidne' in any brief; did you mean 'biden'?\n");
    brief()
        .args(["export", "briefs/", "--related", "zzzzzzzz", "--format", "json"])
        .assert()
        .code(2)
        .stdout("")
        .stderr("error: no item has the id 'zzzzzzzz' in any brief; `brief export --format json` lists every id\n");
    // As --item does, over one brief or several.
    brief()
        .args(["export", "briefs/", "--item", "bidne"])
        .assert()
        .code(2)
        .stderr("error: no item has the id 'bidne' in any brief; did you mean 'biden'?\n");
}

#[test]
fn a_brief_with_errors_stops_an_export_across_briefs() {
    for selection in [["--section", "timeline"], ["--related", "biden"]] {
        brief()
            .args(["export", "briefs/", "tests/bad/E014-unknown-speaker.yaml"])
            .args(selection)
            .assert()
            .code(1)
            .stdout("")
            .stderr(predicate::str::contains("error[E014]"))
            .stderr(predicate::str::contains("nothing was exported"));
    }
}

#[test]
fn nothing_in_an_export_across_briefs_can_drive_a_terminal() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("hostile.yaml"), HOSTILE).unwrap();
    let later =
        HOSTILE.replace("id: hostile\n", "id: hostile-later\n").replace("date: 2024-01-01\n", "date: 2024-01-02\n");
    std::fs::write(dir.path().join("hostile-later.yaml"), later).unwrap();
    brief().arg("check").arg(dir.path()).assert().success();
    for format in ["text", "markdown", "json"] {
        for selection in [["--section", "timeline"], ["--related", "a"], ["--related", "t"], ["--related", "e"]] {
            let output =
                brief().arg("export").arg(dir.path()).args(selection).args(["--format", format]).output().unwrap();
            assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
            let text = String::from_utf8(output.stdout).expect("UTF-8");
            for c in text.chars().filter(|&c| c != '\n') {
                assert!(!brief::text::is_unsafe(c), "U+{:04X} in {format} {selection:?}:\n{text}", c as u32);
            }
            assert!(text.contains("across 2 briefs"), "{format} {selection:?}:\n{text}");
        }
    }
    let text =
        String::from_utf8(brief().arg("export").arg(dir.path()).args(["--related", "a"]).output().unwrap().stdout)
            .unwrap();
    assert!(text.starts_with("Name␛[2K␍ across 2 briefs\n"), "{text}");
    assert!(text.contains("Name␛[2K␍: “␛[31mquote␛[0m ␛]52;c;cm0gLXJmIH4=␇”"), "{text}");
    assert!(text.contains("“Title ␛]0;pwned␇ change ␛]52;c;Y3VybCBldmlsLnNoIHwgc2g=␇ clip”"), "{text}");
    assert!(text.contains("␛[5mBLINK"), "the marking, made visible: {text}");
    let json = String::from_utf8(
        brief()
            .arg("export")
            .arg(dir.path())
            .args(["--section", "timeline", "--format", "json"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["briefs"][0]["marking"], "\u{1b}[5mBLINK\u{1b}[0m", "JSON escapes, and keeps the data");
}
