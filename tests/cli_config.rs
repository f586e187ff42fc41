//! The config file on the real binary: found under XDG_CONFIG_HOME, printed by `brief config`,
//! and refused by every command, with its place and a fix, when it has a mistake.

use assert_cmd::Command;
use predicates::prelude::*;

/// `brief` with XDG_CONFIG_HOME in a folder of its own, holding `config` when given.
fn brief_with(config: Option<&str>) -> (Command, tempfile::TempDir) {
    let home = tempfile::tempdir().unwrap();
    if let Some(text) = config {
        std::fs::create_dir_all(home.path().join("brief")).unwrap();
        std::fs::write(home.path().join("brief/config.toml"), text).unwrap();
    }
    let mut cmd = Command::cargo_bin("brief").expect("the binary is built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR")).env("XDG_CONFIG_HOME", home.path()).env("NO_COLOR", "1");
    (cmd, home)
}

#[test]
fn without_a_file_config_names_where_it_would_be_and_prints_the_defaults() {
    let (mut cmd, home) = brief_with(None);
    let path = home.path().join("brief/config.toml");
    let expected = format!("# {} (no such file: every setting is its default)\n", path.display());
    let defaults = predicate::str::contains("\nmouse = true\n").and(predicate::str::contains("\nmarked = \"cyan\""));
    cmd.arg("config").assert().success().stdout(predicate::str::starts_with(expected).and(defaults));
}

#[test]
fn the_commented_default_is_a_file_every_command_accepts() {
    let (mut cmd, _home) = brief_with(None);
    let default = cmd.args(["config", "--default"]).assert().success().get_output().stdout.clone();
    let default = String::from_utf8(default).unwrap();
    assert!(default.contains("\n#quit = ") || default.contains("\n[keys.lists]\n"), "{default}");
    let (mut cmd, _home) = brief_with(Some(&default));
    cmd.arg("config").assert().success();
}

#[test]
fn config_default_works_beside_a_broken_file() {
    let (mut cmd, _home) = brief_with(Some("[keys\n"));
    cmd.args(["config", "--default"]).assert().success().stdout(predicate::str::contains("[theme]"));
}

#[test]
fn broken_toml_stops_every_command_with_its_line() {
    for args in [&["check", "briefs/"][..], &["export"], &["config"], &[]] {
        let (mut cmd, home) = brief_with(Some("[reader]\nmouse = true\npane = \"claims\n"));
        let path = home.path().join("brief/config.toml");
        cmd.args(args).assert().code(2).stdout("").stderr(
            predicate::str::starts_with(format!("error: {}:3:15: not valid TOML", path.display()))
                .and(predicate::str::contains("3 | pane = \"claims\n"))
                .and(predicate::str::contains("--no-config")),
        );
    }
}

#[test]
fn a_bad_action_name_says_which_was_meant_and_no_config_skips_the_file() {
    let (mut cmd, home) = brief_with(Some("[keys]\nquitt = [\"x\"]\n"));
    let path = home.path().join("brief/config.toml");
    cmd.args(["export", "--section", "topics"]).assert().code(2).stderr(predicate::str::starts_with(format!(
        "error: {}:2:1: unknown action `quitt`\n  |\n2 | quitt = [\"x\"]\n  | ^^^^^\n  = fix: did you mean `quit`?",
        path.display()
    )));
    for args in
        [&["export", "--section", "topics", "--no-config"][..], &["--no-config", "export", "--section", "topics"]]
    {
        let (mut cmd, _home) = brief_with(Some("[keys]\nquitt = [\"x\"]\n"));
        cmd.args(args).assert().success().stdout(predicate::str::contains("NATO expansion"));
    }
}

#[test]
fn a_bad_colour_stops_the_reader_before_it_asks_for_a_terminal() {
    let (mut cmd, _home) = brief_with(Some("[theme]\nheading = \"yelow\"\n"));
    cmd.assert().code(2).stderr(
        predicate::str::contains(":2:11: unknown colour `yelow` for `heading`")
            .and(predicate::str::contains("did you mean `yellow`?"))
            .and(predicate::str::contains("needs a terminal").not()),
    );
}

#[test]
fn the_export_table_sets_export_defaults_and_flags_win() {
    let config = "[export]\nformat = \"markdown\"\nwidth = 0\n";
    let (mut cmd, _home) = brief_with(Some(config));
    cmd.args(["export", "--section", "topics"])
        .assert()
        .success()
        .stdout(predicate::str::contains("\n## Topics (5)\n"));
    // The flag wins over the format; the width of 0 still holds: text is not wrapped.
    let (mut cmd, _home) = brief_with(Some(config));
    let text =
        cmd.args(["export", "--section", "topics", "--format", "text"]).assert().success().get_output().stdout.clone();
    let text = String::from_utf8(text).unwrap();
    assert!(text.contains("\nTopics (5)\n"), "{text}");
    assert!(text.lines().any(|l| l.chars().count() > 80), "unwrapped:\n{text}");
}

#[test]
fn config_keys_prints_the_users_keys_as_the_readme_table() {
    let (mut cmd, _home) = brief_with(Some("[keys]\nquit = [\"x\"]\n"));
    cmd.args(["config", "--keys"]).assert().success().stdout(
        predicate::str::contains("| `x` | quit | `quit` |").and(predicate::str::contains("| `q` | quit |").not()),
    );
}

#[test]
fn a_key_taken_from_another_action_names_both() {
    let (mut cmd, _home) = brief_with(Some("[keys]\ntoggle_matrix = [\"q\"]\n"));
    cmd.arg("config")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(":2:18: `q` for `toggle_matrix` is already `quit`'s key in lists"));
}
