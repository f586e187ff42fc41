//! `brief diff` on the real binary: golden diffs of pairs of briefs that cover every kind of
//! change (tests/data/diff/), in each format; exit statuses; stdin, `/dev/null` and git's
//! seven arguments; the JSON against its committed schema.
//!
//! To accept new output after a deliberate change: `BRIEF_BLESS=1 cargo test --test cli_diff`
//! (it writes the goldens and `assets/brief-diff.schema.json`; read their diff first).

use std::fs;
use std::path::PathBuf;

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;

fn brief() -> Command {
    let mut cmd = Command::cargo_bin("brief").expect("the binary is built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR"));
    // Never the config file of whoever runs the tests.
    cmd.env("XDG_CONFIG_HOME", concat!(env!("CARGO_TARGET_TMPDIR"), "/no-config"));
    cmd
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn golden_dir() -> PathBuf {
    root().join("tests/golden/diff")
}

fn bless() -> bool {
    std::env::var_os("BRIEF_BLESS").is_some()
}

const TARIFF_OLD: &str = "tests/data/diff/tariff-old.yaml";
const TARIFF_NEW: &str = "tests/data/diff/tariff-new.yaml";
const SEVERAL_OLD: &str = "tests/data/diff/several-old.yaml";
const SEVERAL_NEW: &str = "tests/data/diff/several-new.yaml";
const SAMPLE: &str = "briefs/biden-putin-call-2021-12.yaml";
const SAMPLE_NEXT: &str = "briefs/biden-putin-call-2021-12-07.yaml";

/// Every golden: its name, OLD and NEW, and whether it is only the counts (`--stat`: text and
/// Markdown) or the whole diff (text, Markdown and JSON).
const CASES: &[(&str, &str, &str, bool)] = &[
    // Every field of every kind of item, the brief's own fields, added, removed, renamed.
    ("tariff", TARIFF_OLD, TARIFF_NEW, false),
    ("tariff", TARIFF_OLD, TARIFF_NEW, true),
    // Files of several briefs: one changed, one the same, one dropped, one new.
    ("several", SEVERAL_OLD, SEVERAL_NEW, false),
    ("several", SEVERAL_OLD, SEVERAL_NEW, true),
    // A file added, as git gives it: every item added.
    ("added-file", "/dev/null", SEVERAL_OLD, false),
    // The bundled briefs of 6 and 7 December, counted.
    ("bundled", SAMPLE, SAMPLE_NEXT, true),
];

fn formats(stat: bool) -> &'static [(&'static str, &'static str)] {
    if stat {
        &[("text", "stat.txt"), ("markdown", "stat.md")]
    } else {
        &[("text", "txt"), ("markdown", "md"), ("json", "json")]
    }
}

/// What `brief diff` prints, with its exit status.
fn diff(args: &[&str]) -> (String, i32) {
    let output = brief().arg("diff").args(args).output().unwrap();
    assert!(output.stderr.is_empty(), "{args:?}: {}", String::from_utf8_lossy(&output.stderr));
    (String::from_utf8(output.stdout).unwrap(), output.status.code().unwrap_or(-1))
}

#[test]
fn every_diff_matches_its_golden() {
    let mut failures = Vec::new();
    for &(name, old, new, stat) in CASES {
        for (format, extension) in formats(stat) {
            let mut args = vec![old, new, "--format", format];
            if stat {
                args.push("--stat");
            }
            let (actual, code) = diff(&args);
            assert_eq!(code, 1, "{args:?}: something changed");
            let path = golden_dir().join(format!("{name}.{extension}"));
            if bless() {
                fs::create_dir_all(golden_dir()).unwrap();
                fs::write(&path, &actual).unwrap();
            } else if fs::read_to_string(&path).unwrap_or_default() != actual {
                failures.push(format!("{}:\n--- actual\n{actual}", path.display()));
            }
        }
    }
    assert!(failures.is_empty(), "{} diffs changed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn every_golden_is_checked() {
    let mut expected: Vec<String> = CASES
        .iter()
        .flat_map(|&(name, _, _, stat)| formats(stat).iter().map(move |(_, extension)| format!("{name}.{extension}")))
        .collect();
    expected.sort();
    let mut present: Vec<String> = fs::read_dir(golden_dir())
        .expect("tests/golden/diff exists")
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    present.sort();
    assert_eq!(present, expected, "a golden file without a case, or a case without its file");
}

fn json(old: &str, new: &str) -> Value {
    serde_json::from_str(&diff(&[old, new, "--format", "json"]).0).expect("valid JSON")
}

/// The model's fields of each section, as `brief::model` lists them.
fn fields_of(section: &str) -> &'static [&'static str] {
    use brief::model::*;
    match section {
        "sources" => Source::FIELDS,
        "topics" => Topic::FIELDS,
        "actors" => Actor::FIELDS,
        "claims" => Claim::FIELDS,
        "positions" => Position::FIELDS,
        "quotes" => Quote::FIELDS,
        "events" => Event::FIELDS,
        other => panic!("no section {other}"),
    }
}

#[test]
fn the_tariff_pair_changes_every_field_of_every_kind_of_item_and_the_diff_reports_each() {
    let diff = json(TARIFF_OLD, TARIFF_NEW);
    let pair = &diff["briefs"][0];
    let names = |fields: &Value| -> Vec<String> {
        fields.as_array().unwrap().iter().map(|f| f["field"].as_str().unwrap().to_string()).collect()
    };
    let header = names(&pair["fields"]);
    for field in ["id", "title", "date", "summary", "prepared_by", "marking", "tags"] {
        assert!(header.contains(&field.to_string()), "the brief's {field} in {header:?}");
    }
    assert!(header.iter().any(|f| f.starts_with("x-")), "an x- field of the brief");
    for section in pair["sections"].as_array().unwrap() {
        let key = section["section"].as_str().unwrap();
        let changed: Vec<String> =
            section["changed"].as_array().unwrap().iter().flat_map(|c| names(&c["fields"])).collect();
        for field in fields_of(key).iter().filter(|&&f| f != "id") {
            assert!(changed.contains(&field.to_string()), "{key}: {field} is not reported changed in {changed:?}");
        }
        assert!(changed.iter().any(|f| f.starts_with("x-")), "{key}: an x- field");
        let counts = &section["counts"];
        assert!(counts["changed"].as_u64() > Some(0), "{key}: {counts}");
    }
    let kinds: Vec<&str> = pair["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["changed"].as_array().unwrap())
        .flat_map(|c| c["fields"].as_array().unwrap())
        .map(|f| f["change"].as_str().unwrap())
        .collect();
    for kind in ["value", "text", "list", "order"] {
        assert!(kinds.contains(&kind), "a change of kind {kind}");
    }
    let renamed: Vec<(&str, &str)> = pair["sections"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["renamed"].as_array().unwrap())
        .map(|r| (r["old_id"].as_str().unwrap(), r["new_id"].as_str().unwrap()))
        .collect();
    assert_eq!(renamed, [("leaks", "pipe-leaks"), ("q-engineer-old-pipes", "q-engineer-mains")]);
}

#[test]
fn text_from_a_brief_cannot_drive_the_terminal() {
    let (text, _) = diff(&[TARIFF_OLD, TARIFF_NEW]);
    assert!(text.contains("asked again on Tuesday ␛[1m(see [RLO]the gazette)"), "{text}");
    assert!(!text.chars().any(|c| c.is_control() && c != '\n'), "{text}");
    let (json, _) = diff(&[TARIFF_OLD, TARIFF_NEW, "--format", "json"]);
    assert!(json.contains(r"\u001b[1m(see \u202ethe gazette)"), "JSON escapes them");
}

#[test]
fn nothing_changed_exits_0_and_prints_nothing() {
    assert_eq!(diff(&[TARIFF_OLD, TARIFF_OLD]), (String::new(), 0));
    assert_eq!(diff(&[SAMPLE, SAMPLE, "--format", "markdown"]), (String::new(), 0));
    let (json, code) = diff(&[SEVERAL_OLD, SEVERAL_OLD, "--format", "json"]);
    assert_eq!(code, 0);
    let statuses: Vec<Value> = serde_json::from_str::<Value>(&json).unwrap()["briefs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["status"].clone())
        .collect();
    assert_eq!(statuses, ["unchanged", "unchanged", "unchanged"]);
}

#[test]
fn layout_comments_and_order_are_not_changes() {
    let dir = tempfile::tempdir().unwrap();
    let original = fs::read_to_string(root().join(SEVERAL_OLD)).unwrap();
    // The same briefs: another order, comments, flow style.
    let documents: Vec<&str> = original.split("---\n").collect();
    let moved = format!("# moved about\n{}---\n{}---\n{}", documents[2], documents[0], documents[1]);
    let moved = moved.replace("    text: Crews stop work", "    # a comment\n    text: Crews stop work");
    let path = dir.path().join("moved.yaml");
    fs::write(&path, moved).unwrap();
    assert_eq!(diff(&[SEVERAL_OLD, path.to_str().unwrap()]), (String::new(), 0));
}

#[test]
fn a_side_with_errors_is_reported_as_brief_check_reports_it_and_exits_2() {
    let bad = "tests/bad/E014-unknown-speaker.yaml";
    let check = brief().args(["check", bad]).output().unwrap();
    for args in [[bad, TARIFF_NEW], [TARIFF_OLD, bad]] {
        let output = brief().arg("diff").args(args).output().unwrap();
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(output.stdout.is_empty());
        let stderr = String::from_utf8(output.stderr).unwrap();
        assert!(stderr.starts_with(&String::from_utf8_lossy(&check.stderr).to_string()), "{stderr}");
        assert!(
            stderr.ends_with("error: nothing was compared: a brief has errors; `brief check` lists them\n"),
            "{stderr}"
        );
    }
}

#[test]
fn usage_and_io_errors_exit_2() {
    brief().args(["diff", TARIFF_OLD]).assert().code(2).stderr(predicate::str::contains("2 values required"));
    brief().args(["diff", TARIFF_OLD, TARIFF_NEW, SAMPLE]).assert().code(2).stderr(
        "error: brief diff takes two paths, OLD and NEW, or the seven arguments git gives a diff driver; 3 given\n",
    );
    brief().args(["diff", "-", "-"]).assert().code(2).stderr("error: only one side can be read from stdin (-)\n");
    brief()
        .args(["diff", TARIFF_OLD, "no-such.yaml"])
        .assert()
        .code(2)
        .stderr("error: cannot read 'no-such.yaml': no such file or folder\n");
    brief().args(["diff", TARIFF_OLD, TARIFF_NEW, "--stat", "--format", "json"]).assert().code(2);
    brief().args(["diff", TARIFF_OLD, TARIFF_NEW, "--format", "pdf"]).assert().code(2);
}

#[test]
fn either_side_may_come_from_stdin() {
    let text = fs::read_to_string(root().join(TARIFF_OLD)).unwrap();
    let (expected, _) = diff(&[TARIFF_OLD, TARIFF_NEW]);
    // The old side read from stdin has no folder of its own: its source's file is looked for
    // in the current folder, so this copy goes without it.
    let portable = text.replace("    file: tariff-source.txt\n", "");
    let output = brief().args(["diff", "-", TARIFF_NEW]).write_stdin(portable).output().unwrap();
    assert_eq!(output.status.code(), Some(1), "{}", String::from_utf8_lossy(&output.stderr));
    let shown = String::from_utf8(output.stdout).unwrap();
    assert_eq!(
        shown,
        expected
            .replace("    file: tariff-source.txt → ./tariff-source.txt\n", "    file: (none) → ./tariff-source.txt\n")
    );
}

#[test]
fn dev_null_is_no_brief() {
    let (removed, code) = diff(&[SEVERAL_NEW, "/dev/null"]);
    assert_eq!(code, 1);
    assert!(
        removed.starts_with(
            "- Brief bridge-works: Bridge closes for repairs\n\nActors: 1 removed\n- works-office: Works office\n"
        ),
        "{removed}"
    );
    assert_eq!(diff(&["/dev/null", "/dev/null"]), (String::new(), 0));
}

/// Git's seven arguments for `path`, its old version in `old` and its new in `new`.
fn git_arguments<'a>(path: &'a str, old: &'a str, new: &'a str) -> [&'a str; 7] {
    [
        path,
        old,
        "1111111111111111111111111111111111111111",
        "100644",
        new,
        "2222222222222222222222222222222222222222",
        "100644",
    ]
}

#[test]
fn with_gits_seven_arguments_it_names_the_path_and_exits_0() {
    let (whole, _) = diff(&[TARIFF_OLD, TARIFF_NEW]);
    let (shown, code) = diff(&git_arguments("tests/data/diff/tariff.yaml", TARIFF_OLD, TARIFF_NEW));
    assert_eq!(code, 0, "git takes any other status for a failure of the driver");
    assert_eq!(shown, format!("brief diff a/tests/data/diff/tariff.yaml b/tests/data/diff/tariff.yaml\n{whole}"));
    let (added, code) = diff(&git_arguments("several.yaml", "/dev/null", SEVERAL_OLD));
    assert_eq!(code, 0);
    assert!(added.starts_with("brief diff a/several.yaml b/several.yaml\nnew file\n+ Brief ferry-strike"), "{added}");
    let (same, code) = diff(&git_arguments("several.yaml", SEVERAL_OLD, SEVERAL_OLD));
    assert_eq!(code, 0);
    assert_eq!(
        same,
        "brief diff a/several.yaml b/several.yaml\nno change to the briefs: only their layout, comments or order\n"
    );
}

#[test]
fn as_gits_driver_a_side_with_errors_is_shown_in_the_diff_and_git_goes_on() {
    let bad = "tests/bad/E014-unknown-speaker.yaml";
    let (shown, code) = diff(&git_arguments("tests/bad/E014-unknown-speaker.yaml", TARIFF_OLD, bad));
    assert_eq!(code, 0);
    assert!(
        shown.contains("the new version has errors; not compared:\n\nerror[E014]: unknown actor 'mayor-ruis'"),
        "{shown}"
    );
    assert!(shown.contains("--> tests/bad/E014-unknown-speaker.yaml:17:14"), "named by its path:\n{shown}");
    brief().arg("diff").args(git_arguments("x.yaml", "no-such-temporary-file", TARIFF_NEW)).assert().code(2);
}

fn committed_schema() -> String {
    fs::read_to_string(root().join("assets/brief-diff.schema.json")).unwrap_or_default()
}

#[test]
fn the_committed_schema_is_the_generated_one() {
    let generated = brief::export::diff::json_schema();
    if bless() {
        fs::write(root().join("assets/brief-diff.schema.json"), &generated).unwrap();
        return;
    }
    assert!(
        committed_schema() == generated,
        "assets/brief-diff.schema.json is stale: BRIEF_BLESS=1 cargo test --test cli_diff"
    );
}

#[test]
fn every_json_diff_is_valid_against_the_schema() {
    let schema: Value = serde_json::from_str(&committed_schema()).expect("the schema is JSON");
    let validator = jsonschema::draft202012::new(&schema).expect("a valid 2020-12 schema");
    for (old, new) in [
        (TARIFF_OLD, TARIFF_NEW),
        (SEVERAL_OLD, SEVERAL_NEW),
        (SAMPLE, SAMPLE_NEXT),
        ("/dev/null", SAMPLE),
        (SAMPLE, SAMPLE),
    ] {
        let diff = json(old, new);
        let errors: Vec<String> =
            validator.iter_errors(&diff).map(|e| format!("{e} at {}", e.instance_path())).collect();
        assert!(errors.is_empty(), "{old} → {new}: {errors:#?}");
    }
}

#[test]
fn the_markdown_memo_is_commonmark_that_says_what_changed_since() {
    let (memo, _) = diff(&[SAMPLE, SAMPLE_NEXT, "--format", "markdown"]);
    assert!(
        memo.starts_with("# What changed since 6 Dec 2021, “Biden to warn Putin of \"direct costs\" over Ukraine”\n"),
        "{memo}"
    );
    // The markers are inline HTML to a CommonMark reader, and the brief's text is not.
    let html: Vec<String> = pulldown_cmark::Parser::new(&memo)
        .filter_map(|event| match event {
            pulldown_cmark::Event::InlineHtml(html) | pulldown_cmark::Event::Html(html) => Some(html.to_string()),
            _ => None,
        })
        .collect();
    assert!(html.iter().all(|tag| ["<del>", "</del>", "<ins>", "</ins>"].contains(&tag.as_str())), "{html:?}");
    assert!(html.contains(&"<del>".to_string()) && html.contains(&"<ins>".to_string()), "changed words are marked");
}
