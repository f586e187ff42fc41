//! `brief check` and `brief schema` on the real binary: output, exit codes, formats.

use assert_cmd::Command;
use predicates::prelude::*;

fn brief() -> Command {
    let mut cmd = Command::cargo_bin("brief").expect("the binary is built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR")).env_remove("NO_COLOR");
    // Never the config file of whoever runs the tests.
    cmd.env("XDG_CONFIG_HOME", concat!(env!("CARGO_TARGET_TMPDIR"), "/no-config"));
    cmd
}

#[test]
fn the_bundled_briefs_check_clean_and_say_so() {
    brief().args(["check", "briefs/"]).assert().success().stdout("").stderr("3 briefs, 0 errors, 0 warnings\n");
}

#[test]
fn a_claim_position_or_event_may_cite_several_sources() {
    brief()
        .args(["check", "tests/data/multi-source.yaml"])
        .assert()
        .success()
        .stdout("")
        .stderr("1 brief, 0 errors, 0 warnings\n");
    let text = std::fs::read_to_string("tests/data/multi-source.yaml").unwrap();
    assert!(text.contains("    source: [gazette, minutes]\n"), "the brief cites two sources in one claim");
    // The same list with an id no source has is an error at that id, with the nearest id.
    let unknown = text.replacen("    source: [gazette, minutes]\n", "    source: [gazette, minute]\n", 1);
    brief()
        .args(["check", "-"])
        .write_stdin(unknown)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error[E014]: unknown source 'minute'"))
        .stderr(predicate::str::contains("--> <stdin>:51:23"))
        .stderr(predicate::str::contains("help: did you mean 'minutes'?"));
}

#[test]
fn check_without_a_path_checks_the_briefs_of_the_current_folder_not_below_it() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("ci")).unwrap();
    std::fs::write(dir.path().join("clean.yaml"), brief::sample::portable()).unwrap();
    std::fs::copy("tests/bad/E014-unknown-speaker.yaml", dir.path().join("unknown-speaker.yml")).unwrap();
    // A YAML file in a subfolder is not taken for a brief without a path that asks for it.
    std::fs::write(dir.path().join("ci/workflow.yaml"), "on: push\n").unwrap();
    brief()
        .current_dir(dir.path())
        .arg("check")
        .assert()
        .code(1)
        .stderr(predicate::str::starts_with("checking ./ (2 files; subfolders only with a path: brief check .)\n"))
        .stderr(predicate::str::contains("--> ./unknown-speaker.yml:17:14"))
        .stderr(predicate::str::contains("workflow").not())
        .stderr(predicate::str::ends_with("\n2 briefs, 2 errors (warnings are checked once the errors are fixed)\n"));
    let json = brief().current_dir(dir.path()).args(["check", "--format", "json"]).output().unwrap();
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert_eq!((report["files"].as_u64(), report["errors"].as_u64()), (Some(2), Some(2)));
    assert_eq!(report["briefs_with_errors"].as_u64(), Some(1));
    assert!(json.stderr.is_empty(), "JSON mode keeps stderr free");
    // With a path, the subfolders too.
    brief().current_dir(dir.path()).args(["check", "."]).assert().code(1).stderr(predicate::str::contains("workflow"));
}

#[test]
fn check_without_a_path_in_a_folder_without_briefs_says_so() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a brief").unwrap();
    brief().current_dir(dir.path()).arg("check").assert().code(2).stderr(
        "error: no briefs to check: the current folder holds no .yaml or .yml files; \
         give a file or folder (`brief check briefs/` reads its subfolders too), or - for stdin\n",
    );
}

#[test]
fn errors_show_file_line_column_the_source_line_and_the_fix() {
    brief()
        .args(["check", "tests/bad/E014-unknown-speaker.yaml"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error[E014]: unknown actor 'mayor-ruis'"))
        .stderr(predicate::str::contains("--> tests/bad/E014-unknown-speaker.yaml:17:14"))
        .stderr(predicate::str::contains("17 |     speaker: mayor-ruis"))
        .stderr(predicate::str::contains("^^^^^^^^^^ no actor has this id"))
        .stderr(predicate::str::contains("help: did you mean 'mayor-ruiz'?"))
        .stderr(predicate::str::ends_with("1 brief, 2 errors (warnings are checked once the errors are fixed)\n"));
}

#[test]
fn a_brief_with_errors_holds_back_its_warnings_and_a_clean_one_does_not() {
    let dir = tempfile::tempdir().unwrap();
    for name in ["E014-errors-hold-back-warnings.yaml", "W001-unreferenced-actor.yaml"] {
        std::fs::copy(format!("tests/bad/{name}"), dir.path().join(name)).unwrap();
    }
    let output = brief().arg("check").arg(dir.path()).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.matches("warning[").count(), 1, "{stderr}");
    assert!(stderr.contains("warning[W001]: actor 'harbour-master' is not referred to by anything"), "{stderr}");
    assert!(
        stderr.ends_with(
            "2 briefs, 1 error, 1 warning (briefs with errors are checked for warnings once the errors are fixed)\n"
        ),
        "{stderr}"
    );
}

#[test]
fn output_to_a_pipe_has_no_colour() {
    let output = brief().args(["check", "tests/bad/E014-unknown-speaker.yaml"]).output().unwrap();
    assert!(!output.stderr.contains(&0x1b), "no escape sequences when stderr is not a terminal");
}

#[test]
fn warnings_alone_exit_zero() {
    brief()
        .args(["check", "tests/bad/W001-unreferenced-actor.yaml"])
        .assert()
        .success()
        .stderr(predicate::str::contains("warning[W001]"))
        .stderr(predicate::str::ends_with("0 errors, 1 warning\n"));
}

#[test]
fn a_missing_path_is_a_usage_error() {
    brief()
        .args(["check", "no/such/brief.yaml"])
        .assert()
        .code(2)
        .stderr("error: cannot read 'no/such/brief.yaml': no such file or folder\n");
}

#[test]
fn an_unknown_option_is_a_usage_error() {
    brief().args(["check", "--colour"]).assert().code(2);
    brief().args(["check", "--format", "xml"]).assert().code(2);
}

#[test]
fn a_folder_is_read_recursively_in_a_stable_order() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("b/deeper");
    std::fs::create_dir_all(&nested).unwrap();
    let bad = std::fs::read_to_string("tests/bad/E014-unknown-speaker.yaml").unwrap();
    std::fs::write(dir.path().join("a.yml"), brief::sample::portable()).unwrap();
    std::fs::write(nested.join("c.yaml"), &bad).unwrap();
    std::fs::write(dir.path().join("b/b.yaml"), &bad).unwrap();
    std::fs::write(dir.path().join("notes.txt"), "not a brief").unwrap();
    std::fs::write(dir.path().join(".hidden.yaml"), "not: [a brief").unwrap();
    let output = brief().arg("check").arg(dir.path()).arg("--format").arg("json").output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["briefs"], 3);
    let files: Vec<String> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["file"].as_str().unwrap().trim_start_matches(&*dir.path().to_string_lossy()).to_string())
        .collect();
    assert_eq!(files, ["/b/b.yaml", "/b/b.yaml", "/b/deeper/c.yaml", "/b/deeper/c.yaml"]);
}

#[test]
fn json_output_has_every_field_for_editors() {
    let output = brief().args(["check", "--format", "json", "tests/bad/E014-unknown-speaker.yaml"]).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(report["briefs"], 1);
    assert_eq!(report["errors"], 2);
    assert_eq!(report["warnings"], 0);
    let first = &report["diagnostics"][0];
    assert_eq!(first["file"], "tests/bad/E014-unknown-speaker.yaml");
    assert_eq!(first["line"], 17);
    assert_eq!(first["column"], 14);
    assert_eq!(first["end_line"], 17);
    assert_eq!(first["end_column"], 24);
    assert_eq!(first["code"], "E014");
    assert_eq!(first["severity"], "error");
    assert_eq!(first["message"], "unknown actor 'mayor-ruis'");
    assert_eq!(first["suggestion"], "mayor-ruiz");
    assert!(first["help"].is_string());
    assert!(output.stderr.is_empty(), "JSON mode keeps stderr free");
}

#[test]
fn stdin_is_read_with_a_dash() {
    brief()
        .args(["check", "-"])
        .write_stdin(brief::sample::portable())
        .assert()
        .success()
        .stderr("1 brief, 0 errors, 0 warnings\n");
    brief()
        .args(["check", "-"])
        .write_stdin("brief: 1\nid: x\n")
        .assert()
        .code(1)
        .stderr(predicate::str::contains("--> <stdin>:1:1"));
}

#[test]
fn several_documents_in_one_file_count_as_several_briefs() {
    let two = format!("{}\n---\n{}", brief::sample::portable(), brief::sample::portable());
    brief().args(["check", "-"]).write_stdin(two).assert().success().stderr("1 file, 2 briefs, 0 errors, 0 warnings\n");
}

#[test]
fn brief_text_in_diagnostics_cannot_drive_the_terminal() {
    let hostile = "brief: 1\nid: x\ntitle: t\ndate: 2021-01-01\nactors:\n  - id: a\n    name: A\n    \"\\e]0;pwned\\a\\e[2J\": 1\n";
    let output = brief().args(["check", "-"]).write_stdin(hostile).output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert!(!stderr.contains('\u{1b}') && !stderr.contains('\u{7}'), "{stderr}");
    assert!(stderr.contains("␛]0;pwned␇␛[2J"), "{stderr}");
    let json = brief().args(["check", "--format", "json", "-"]).write_stdin(hostile).output().unwrap();
    assert!(!json.stdout.contains(&0x1b));
}

#[test]
fn schema_prints_the_committed_schema() {
    let committed = std::fs::read_to_string("assets/brief.schema.json").unwrap();
    brief().arg("schema").assert().success().stdout(committed);
}

#[test]
fn an_empty_or_binary_file_counts_as_a_file_without_a_brief() {
    for (name, bytes) in [("empty.yaml", &b""[..]), ("binary.yaml", &b"\x89PNG\r\n\x1a\n\0\0\xff"[..])] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join(name), bytes).unwrap();
        brief()
            .arg("check")
            .arg(dir.path().join(name))
            .assert()
            .code(1)
            .stderr(predicate::str::ends_with("\n1 file, 0 briefs, 1 error\n"));
        let output = brief().args(["check", "--format", "json"]).arg(dir.path().join(name)).output().unwrap();
        let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert_eq!((report["files"].as_u64(), report["briefs"].as_u64()), (Some(1), Some(0)), "{name}");
    }
}

#[test]
fn files_are_counted_apart_from_briefs_only_when_the_numbers_differ() {
    let dir = tempfile::tempdir().unwrap();
    let two = format!("{}\n---\n{}", brief::sample::portable(), brief::sample::portable());
    std::fs::write(dir.path().join("two.yaml"), two).unwrap();
    std::fs::write(dir.path().join("one.yaml"), brief::sample::portable()).unwrap();
    brief().arg("check").arg(dir.path()).assert().success().stderr("2 files, 3 briefs, 0 errors, 0 warnings\n");
    let output = brief().args(["check", "--format", "json"]).arg(dir.path()).output().unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!((report["files"].as_u64(), report["briefs"].as_u64()), (Some(2), Some(3)));
}

#[test]
fn a_syntax_error_says_what_to_change_and_keeps_the_parsers_words_in_a_note() {
    brief()
        .args(["check", "tests/bad/E002-tab-indent.yaml"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains("error[E002]: YAML indents with spaces, not tabs"))
        .stderr(predicate::str::contains("--> tests/bad/E002-tab-indent.yaml:7:1"))
        .stderr(predicate::str::contains("= note: the YAML parser said: while scanning a plain scalar, found a tab"));
    let output = brief().args(["check", "--format", "json", "tests/bad/E002-tab-indent.yaml"]).output().unwrap();
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["diagnostics"][0]["note"], "the YAML parser said: while scanning a plain scalar, found a tab");
}

#[cfg(unix)]
#[test]
fn a_source_file_that_is_a_fifo_or_leads_outside_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("brief");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(dir.path().join("private.txt"), "The toll pays for the repairs, nothing more.").unwrap();
    std::os::unix::fs::symlink(dir.path().join("private.txt"), folder.join("linked.txt")).unwrap();
    let pipe = std::ffi::CString::new(folder.join("pipe.txt").into_os_string().into_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path; mkfifo only creates the file.
    assert_eq!(unsafe { libc::mkfifo(pipe.as_ptr(), 0o600) }, 0);
    let brief_with = |file: &str| {
        format!(
            "brief: 1\nid: b\ntitle: T\ndate: 2024\nsources:\n  - {{id: s, title: S, file: {file}}}\n\
             actors:\n  - {{id: a, name: A}}\nquotes:\n  - {{id: q, speaker: a, text: The toll pays, source: s}}\n"
        )
    };
    for (file, why) in [
        ("pipe.txt", "it is a FIFO (a named pipe), not a regular file"),
        ("linked.txt", "it lies outside the brief's folder"),
        ("../private.txt", "it lies outside the brief's folder"),
    ] {
        std::fs::write(folder.join("brief.yaml"), brief_with(file)).unwrap();
        brief()
            .arg("check")
            .arg(folder.join("brief.yaml"))
            .timeout(std::time::Duration::from_secs(20))
            .assert()
            .code(1)
            .stderr(predicate::str::contains(format!(
                "error[E019]: cannot read '{file}', the text of source 's': {why}"
            )));
    }
}

#[test]
fn an_actor_that_disagrees_with_itself_across_briefs_is_warned_of_with_both_places() {
    let dir = tempfile::tempdir().unwrap();
    let text = |id: &str, actor: &str| {
        format!(
            "brief: 1\nid: {id}\ntitle: T\ndate: 2024-01-01\nactors:\n  - {actor}\n\
             quotes:\n  - {{id: q-{id}, speaker: putin, kind: indirect, text: Something was said.}}\n"
        )
    };
    std::fs::write(dir.path().join("a.yaml"), text("a", "{id: putin, name: Vladimir Putin, kind: person}")).unwrap();
    std::fs::write(dir.path().join("b.yaml"), text("b", "{id: putin, name: Vladimir Putin, kind: state}")).unwrap();
    let output = brief().arg("check").arg(dir.path()).env("NO_COLOR", "1").output().unwrap();
    assert_eq!(output.status.code(), Some(0), "a warning, not an error");
    let stderr = String::from_utf8_lossy(&output.stderr);
    let a = dir.path().join("a.yaml").display().to_string();
    let b = dir.path().join("b.yaml").display().to_string();
    assert!(stderr.contains("warning[W004]: actor 'putin' is a state here but a person in"), "{stderr}");
    assert!(stderr.contains(&format!("a person in {a}:6:5\n")), "the first place: {stderr}");
    assert!(stderr.contains(&format!("--> {b}:6:5\n")), "the later place: {stderr}");
    assert!(stderr.contains("make both `kind: person`, or give one another id"), "{stderr}");
    assert!(stderr.ends_with("2 briefs, 0 errors, 1 warning\n"), "{stderr}");
}

#[test]
fn the_reader_refuses_a_since_file_that_is_not_there_before_taking_the_terminal() {
    let out = brief().args(["--since", "no-such-brief.yaml", "briefs/"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--since no-such-brief.yaml: cannot read 'no-such-brief.yaml'"), "{stderr}");
}
