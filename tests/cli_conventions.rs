//! What any command line owes its users, on the real binary: --version, help that fits 80
//! columns, colour only where it is wanted, a pager only when asked, completion scripts and a
//! manual page that their tools accept.

use assert_cmd::Command;
use predicates::prelude::*;

fn brief(config: &tempfile::TempDir) -> Command {
    let mut cmd = Command::cargo_bin("brief").expect("the binary is built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR")).env_remove("NO_COLOR").env("XDG_CONFIG_HOME", config.path());
    cmd
}

fn stdout(config: &tempfile::TempDir, args: &[&str]) -> String {
    let out = brief(config).args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The subcommands `brief --help` lists, read from it so a new one is tested too.
fn subcommands(config: &tempfile::TempDir) -> Vec<String> {
    let help = stdout(config, &["--help"]);
    let listed = help.split("Commands:\n").nth(1).expect("the help lists the commands");
    let names: Vec<String> = listed
        .lines()
        .take_while(|l| !l.is_empty())
        .filter(|l| l.starts_with("  ") && !l.starts_with("   "))
        .filter_map(|l| l.split_whitespace().next())
        .filter(|name| *name != "help")
        .map(str::to_string)
        .collect();
    for known in ["check", "export", "diff", "schema", "new", "completions", "man"] {
        assert!(names.iter().any(|n| n == known), "{known} is not among {names:?}");
    }
    names
}

#[test]
fn version_prints_the_name_and_the_version() {
    let config = tempfile::tempdir().unwrap();
    brief(&config).arg("--version").assert().success().stdout(format!("brief {}\n", env!("CARGO_PKG_VERSION")));
    brief(&config).arg("-V").assert().success().stdout("brief 0.1.0\n");
}

#[test]
fn every_help_fits_80_columns() {
    let config = tempfile::tempdir().unwrap();
    let mut commands: Vec<Vec<String>> = vec![vec![]];
    commands.extend(subcommands(&config).into_iter().map(|s| vec![s]));
    for command in commands {
        for flag in ["-h", "--help"] {
            let mut args = command.clone();
            args.push(flag.to_string());
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let help = stdout(&config, &args);
            assert!(help.lines().count() > 3, "{args:?} prints help");
            for line in help.lines() {
                assert!(brief::text::cells(line) <= 80, "{args:?}: a line of {} cells:\n{line}", line.len());
            }
        }
    }
}

const BROKEN: &str = "tests/bad/E014-unknown-speaker.yaml";
const ESC: &str = "\x1b[";

#[test]
fn check_colours_stderr_when_told_whatever_the_terminal_and_no_color_say() {
    let config = tempfile::tempdir().unwrap();
    let colour = |args: &[&str], no_color: bool| {
        let mut cmd = brief(&config);
        if no_color {
            cmd.env("NO_COLOR", "1");
        }
        let out = cmd.args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        String::from_utf8(out.stderr).unwrap().contains(ESC)
    };
    assert!(!colour(&["check", BROKEN], false), "a pipe gets no colour by default");
    assert!(!colour(&["check", "--color", "auto", BROKEN], false));
    assert!(colour(&["check", "--color", "always", BROKEN], false), "always colours a pipe");
    assert!(colour(&["check", BROKEN, "--color=always"], true), "always beats NO_COLOR, after the paths too");
    assert!(colour(&["--color", "always", "check", BROKEN], false), "before the subcommand, as git takes it");
    assert!(!colour(&["check", "--color", "never", BROKEN], false));
    brief(&config)
        .args(["check", "--color", "sometimes", BROKEN])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("[possible values: auto, always, never]"));
}

const OLD: &str = "tests/data/diff/tariff-old.yaml";
const NEW: &str = "tests/data/diff/tariff-new.yaml";

#[test]
fn diff_colours_stdout_only_when_told_on_a_pipe() {
    let config = tempfile::tempdir().unwrap();
    let diff = |colour: &str| brief(&config).args(["diff", OLD, NEW, "--color", colour]).output().unwrap();
    let (always, never, auto) = (diff("always"), diff("never"), diff("auto"));
    assert!(String::from_utf8_lossy(&always.stdout).contains(ESC));
    assert!(!String::from_utf8_lossy(&never.stdout).contains(ESC));
    assert_eq!(auto.stdout, never.stdout, "auto on a pipe is never");
    assert_eq!([always.status.code(), never.status.code()], [Some(1), Some(1)], "the exit status says it changed");
}

#[test]
fn pager_is_not_run_when_stdout_is_not_a_terminal() {
    let config = tempfile::tempdir().unwrap();
    let marker = config.path().join("pager-ran");
    let pager = format!("touch '{}'", marker.display());
    let plain = brief(&config).args(["diff", OLD, NEW]).output().unwrap();
    brief(&config)
        .args(["diff", OLD, NEW, "--pager"])
        .env("PAGER", &pager)
        .assert()
        .code(1)
        .stdout(String::from_utf8(plain.stdout).unwrap());
    let export = stdout(&config, &["export", "--section", "quotes"]);
    brief(&config)
        .args(["export", "--section", "quotes", "--pager"])
        .env("PAGER", &pager)
        .assert()
        .success()
        .stdout(export);
    assert!(!marker.exists(), "the pager ran on a pipe");
    brief(&config)
        .args(["export", "--pager", "-o", "x.md"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("'--pager' cannot be used with '--output <FILE>'"));
}

#[test]
fn completion_scripts_name_every_subcommand_and_the_values_of_section_and_format() {
    let config = tempfile::tempdir().unwrap();
    let subcommands = subcommands(&config);
    for shell in ["bash", "zsh", "fish", "elvish", "powershell"] {
        let script = stdout(&config, &["completions", shell]);
        for name in subcommands.iter().map(String::as_str).chain(["timeline", "overview", "quotes", "markdown", "json"])
        {
            assert!(script.contains(name), "the {shell} script lacks {name}");
        }
    }
    brief(&config).args(["completions", "tcsh"]).assert().code(2).stderr(predicate::str::contains("possible values"));
}

#[test]
fn the_bash_script_is_valid_bash() {
    let config = tempfile::tempdir().unwrap();
    let script = config.path().join("brief.bash");
    std::fs::write(&script, stdout(&config, &["completions", "bash"])).unwrap();
    let checked = std::process::Command::new("bash").arg("-n").arg(&script).output().expect("bash is installed");
    assert!(checked.status.success(), "{}", String::from_utf8_lossy(&checked.stderr));
}

/// The long options a command's `--help` lists.
fn long_options(help: &str) -> Vec<String> {
    help.split(|c: char| c.is_whitespace() || c == ',' || c == '[' || c == '=')
        .filter(|w| w.starts_with("--") && w.len() > 2 && w[2..].chars().all(|c| c.is_ascii_lowercase() || c == '-'))
        .map(str::to_string)
        .collect()
}

#[test]
fn the_man_page_documents_every_subcommand_and_option_in_plain_roff() {
    let config = tempfile::tempdir().unwrap();
    let roff = stdout(&config, &["man"]);
    assert!(roff.is_ascii(), "groff reads Latin-1 by default: other characters must be escapes");
    let pages: Vec<&str> = roff.split("\n.TH ").skip(1).collect();
    let page = |title: &str| {
        pages.iter().find(|p| p.starts_with(&format!("{title} "))).unwrap_or_else(|| panic!("no page {title}"))
    };
    for option in long_options(&stdout(&config, &["--help"])) {
        assert!(page("brief").contains(&option.replace('-', "\\-")), "brief(1) lacks {option}");
    }
    for sub in subcommands(&config) {
        let page = page(&format!("brief-{sub}"));
        assert!(page.contains("\n.SH SYNOPSIS\n"), "brief-{sub} has a synopsis");
        for option in long_options(&stdout(&config, &[&sub, "--help"])) {
            assert!(page.contains(&option.replace('-', "\\-")), "brief-{sub}(1) lacks {option}");
        }
    }
    // Where groff is installed (CI images often have it for man), it must accept the page
    // without a warning; the checks above run everywhere.
    let path = config.path().join("brief.1");
    std::fs::write(&path, &roff).unwrap();
    if let Ok(groff) = std::process::Command::new("groff").args(["-man", "-ww", "-z"]).arg(&path).output() {
        assert!(groff.status.success() && groff.stderr.is_empty(), "{}", String::from_utf8_lossy(&groff.stderr));
    }
}

#[test]
fn the_ids_the_scripts_ask_for_are_those_of_the_briefs_on_the_command_line() {
    let config = tempfile::tempdir().unwrap();
    let ids = stdout(&config, &["__ids", "export", "briefs/", "--item", "pu"]);
    assert!(ids.lines().any(|id| id == "putin"), "{ids}");
    assert!(ids.lines().any(|id| id == "aljazeera-2021-12-06"), "sources are items too: {ids}");
    let one = stdout(&config, &["__ids", "export", "tests/data/diff/tariff-old.yaml", "--related", ""]);
    assert!(!one.contains("putin") && !one.is_empty(), "only the brief named: {one}");
    // A Tab must never print an error into the command line being typed.
    for words in [&["export", "no-such.yaml", "--item", ""][..], &["check", "--item"], &[]] {
        let mut args = vec!["__ids"];
        args.extend(words);
        brief(&config).args(&args).assert().success().stdout("").stderr("");
    }
}

#[test]
fn bash_completes_sections_formats_and_the_ids_of_the_briefs_named() {
    let config = tempfile::tempdir().unwrap();
    let script = config.path().join("brief.bash");
    std::fs::write(&script, stdout(&config, &["completions", "bash"])).unwrap();
    let binary = assert_cmd::cargo::cargo_bin("brief");
    // What bash does at Tab: the words so far, the cursor's word, and the completion function
    // the script registered for `brief`, called as bash calls it.
    let complete = |words: &str| {
        let program = format!(
            r#"source "$1"; COMP_WORDS=("$2" {words}); COMP_CWORD=$((${{#COMP_WORDS[@]}} - 1))
            spec=$(complete -p brief); function=${{spec#*-F }}; function=${{function%% *}}
            "$function" "$2" "${{COMP_WORDS[COMP_CWORD]}}" "${{COMP_WORDS[COMP_CWORD-1]}}"
            if (( ${{#COMPREPLY[@]}} )); then printf '%s\n' "${{COMPREPLY[@]}}"; fi"#
        );
        let out = std::process::Command::new("bash")
            .args(["-c", &program, "bash"])
            .arg(&script)
            .arg(&binary)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("bash is installed");
        assert!(out.stderr.is_empty(), "{}", String::from_utf8_lossy(&out.stderr));
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(complete("export --section t"), "topics\ntimeline\n");
    assert_eq!(complete("export --format m"), "markdown\n");
    assert_eq!(complete("export briefs/ --item pu"), "putin\n");
    assert_eq!(complete("export --related may tests/data/diff/tariff-old.yaml"), "", "ids come from the paths before");
    assert_eq!(complete("export tests/data/diff/tariff-old.yaml --related may"), "mayor\n");
}

#[test]
fn zsh_and_fish_complete_ids_subcommand_values_and_shells_through_what_clap_defines() {
    let config = tempfile::tempdir().unwrap();
    let zsh = stdout(&config, &["completions", "zsh"]);
    assert!(zsh.contains("\n_brief() {") && zsh.contains(" __ids ") && zsh.ends_with("compdef _brief_ids brief\n"));
    // clap's zsh script looks for the subcommand after the positionals: with the reader's paths
    // in it, `brief check --format <Tab>` took `check` for a path.
    assert!(!zsh.contains("Brief files or folders to open"), "the reader's paths are left to the lines brief adds");
    assert!(zsh.contains("${words[2]} == (check|export|diff|schema|new|completions|man|config)"));
    let fish = stdout(&config, &["completions", "fish"]);
    assert!(fish.contains("function __fish_brief_using_subcommand") && fish.contains("-l item -x -a \"(brief __ids"));
    assert!(fish.contains("using_subcommand completions\" -f -a \"bash elvish fish powershell zsh\""));
}

#[test]
fn a_reader_option_before_a_subcommand_is_refused_with_what_to_do() {
    let config = tempfile::tempdir().unwrap();
    brief(&config)
        .args(["--no-mouse", "check", "briefs"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--no-mouse is for the reader, not `brief check`: leave it out"));
    brief(&config).args(["--color", "never", "check", "briefs"]).assert().success();
}
