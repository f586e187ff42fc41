//! What the README shows is what the program does: its key table and code list are generated
//! from the live keymap and codes, and its tour of the format is a brief that passes the check.

fn readme() -> String {
    std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap()
}

/// The text between `<!-- name:start -->` and `<!-- name:end -->`.
fn marked(readme: &str, name: &str) -> String {
    let start_marker = format!("<!-- {name}:start -->\n");
    let start =
        readme.find(&start_marker).unwrap_or_else(|| panic!("the README marks its {name}")) + start_marker.len();
    let end = readme.find(&format!("<!-- {name}:end -->")).unwrap_or_else(|| panic!("the README ends its {name}"));
    readme[start..end].to_string()
}

#[test]
fn the_readme_lists_the_live_keymap() {
    assert!(
        marked(&readme(), "keys") == brief::tui::keymap::Keymap::default().markdown(),
        "README.md's key table is stale: replace it with the output of `cargo run --example keys`"
    );
}

#[test]
fn the_readme_lists_every_diagnostic_code() {
    assert!(
        marked(&readme(), "codes") == brief::load::Code::markdown_table(),
        "README.md's list of codes is stale: replace it with the output of `cargo run --example codes`"
    );
}

#[test]
fn the_tour_of_the_format_is_a_brief_that_passes_the_check() {
    let readme = readme();
    let start = readme.find("```yaml\n").expect("the tour's YAML") + "```yaml\n".len();
    let end = start + readme[start..].find("```\n").expect("the end of the tour's YAML");
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("tour.yaml");
    std::fs::write(&path, &readme[start..end]).unwrap();
    let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("brief"))
        .env("XDG_CONFIG_HOME", concat!(env!("CARGO_TARGET_TMPDIR"), "/no-config"))
        .arg("check")
        .arg(&path)
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(output.status.success(), "the tour does not pass brief check:\n{stderr}");
    assert!(stderr.ends_with("1 brief, 0 errors, 0 warnings\n"), "{stderr}");
    let brief = brief::load::load_file(&path).unwrap().into_valid_briefs().remove(0);
    for section in brief::model::Section::ALL {
        assert!(brief.len(section) > 0, "the tour shows every section: {} is empty", section.key());
    }
}

/// The fenced block that follows a line of the README.
fn block_after(readme: &str, line: &str) -> String {
    let at = readme.find(line).unwrap_or_else(|| panic!("the README shows {line}")) + line.len();
    let start = at + readme[at..].find("```").expect("a fenced block");
    let start = start + readme[start..].find('\n').expect("the fence's line") + 1;
    let end = start + readme[start..].find("```\n").expect("the end of the block");
    readme[start..end].to_string()
}

#[test]
fn the_exports_across_briefs_it_shows_are_real_output() {
    let readme = readme();
    let export = |args: &[&str]| {
        let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("brief"))
            .env("XDG_CONFIG_HOME", concat!(env!("CARGO_TARGET_TMPDIR"), "/no-config"))
            .args(args)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap();
        assert!(output.status.success(), "{args:?}");
        String::from_utf8(output.stdout).unwrap()
    };
    let putin = block_after(&readme, "`brief export --related putin briefs/`:");
    assert!(export(&["export", "--related", "putin", "briefs/"]).starts_with(&putin), "stale:\n{putin}");
    let timeline = block_after(&readme, "`brief export --section timeline briefs/ --format markdown`");
    let real = export(&["export", "--section", "timeline", "briefs/", "--format", "markdown"]);
    assert!(real.contains(&timeline), "stale:\n{timeline}");
}

#[test]
fn the_diffs_it_shows_are_real_output() {
    let readme = readme();
    let diff = |more: &[&str]| {
        let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("brief"))
            .env("XDG_CONFIG_HOME", concat!(env!("CARGO_TARGET_TMPDIR"), "/no-config"))
            .args(["diff", "briefs/biden-putin-call-2021-12.yaml", "briefs/biden-putin-call-2021-12-07.yaml"])
            .args(more)
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .unwrap();
        assert_eq!(output.status.code(), Some(1), "{more:?}: the briefs differ");
        String::from_utf8(output.stdout).unwrap()
    };
    let stat = block_after(&readme, "briefs/biden-putin-call-2021-12-07.yaml --stat`):");
    assert_eq!(diff(&["--stat"]), stat, "stale");
    let call = block_after(&readme, "and the call itself, among the events of the same diff without `--stat`:");
    assert!(diff(&[]).contains(&call), "stale:\n{call}");
}

#[test]
fn the_completions_and_manual_page_it_installs_are_printed_by_the_binary() {
    let readme = readme();
    let block = block_after(&readme, "Its completions for your shell and its manual page come from the binary");
    let commands: Vec<&str> = block.lines().map(|l| l.split(" > ").next().expect("a command")).collect();
    assert!(commands.len() >= 4, "{block}");
    for command in commands {
        let args: Vec<&str> = command.split_whitespace().skip(1).collect();
        let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("brief")).args(&args).output().unwrap();
        assert!(output.status.success() && !output.stdout.is_empty(), "`{command}` fails");
    }
}

#[test]
fn the_config_it_shows_is_one_brief_accepts() {
    let readme = readme();
    let start = readme.find("```toml\n").expect("the example config") + "```toml\n".len();
    let end = start + readme[start..].find("```\n").expect("the end of the example config");
    let config = brief::config::parse(&readme[start..end], std::path::Path::new("README.md"));
    let config = config.unwrap_or_else(|e| panic!("the README's config is refused:\n{e}"));
    assert_eq!(config.reader.pane, brief::tui::Pane::Claims);
}

#[test]
fn the_config_error_it_shows_is_real_output() {
    let readme = readme();
    let shown =
        block_after(&readme, "fix, until it is fixed or `--no-config` is given. A missing file is the defaults.\n");
    let home = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(home.path().join("brief")).unwrap();
    let path = home.path().join("brief/config.toml");
    std::fs::write(&path, "[keys]\nquitt = [\"x\"]\n").unwrap();
    let output = std::process::Command::new(assert_cmd::cargo::cargo_bin("brief"))
        .arg("config")
        .env("XDG_CONFIG_HOME", home.path())
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(stderr.replace(&path.display().to_string(), "/home/me/.config/brief/config.toml"), shown);
}
