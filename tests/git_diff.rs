//! `brief diff` as git's diff driver, driven by real `git` in a temporary repository: a brief
//! changed, added, deleted and renamed, through `git diff` and `git log -p --ext-diff`.
//! Hermetic: no system or user configuration (`GIT_CONFIG_NOSYSTEM`, `HOME` in the repository's
//! folder), the driver set to the binary under test.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A repository in a temporary folder, briefs diffed by `brief diff`.
struct Repository {
    dir: tempfile::TempDir,
}

impl Repository {
    fn new() -> Repository {
        let repository = Repository { dir: tempfile::tempdir().unwrap() };
        repository.git(&["init", "--quiet", "--initial-branch=main"]);
        repository.git(&["config", "user.name", "Test"]);
        repository.git(&["config", "user.email", "test@example.org"]);
        let driver = format!("'{}' diff", env!("CARGO_BIN_EXE_brief"));
        repository.git(&["config", "diff.brief.command", &driver]);
        repository.write(".gitattributes", "*.yaml diff=brief\n");
        repository.commit("set up");
        repository
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn write(&self, name: &str, text: &str) {
        std::fs::write(self.path(name), text).unwrap();
    }

    /// Runs git in the repository, and what it printed; git must succeed.
    fn git(&self, args: &[&str]) -> String {
        let output = Command::new("git")
            .args(args)
            .current_dir(self.dir.path())
            .env("GIT_CONFIG_NOSYSTEM", "1")
            .env("HOME", self.dir.path())
            .env("XDG_CONFIG_HOME", self.dir.path())
            .env_remove("GIT_EXTERNAL_DIFF")
            .env_remove("GIT_DIR")
            .env_remove("GIT_WORK_TREE")
            .env("GIT_PAGER", "cat")
            .env("NO_COLOR", "1")
            .output()
            .expect("git runs");
        assert!(output.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&output.stderr));
        String::from_utf8(output.stdout).unwrap()
    }

    fn commit(&self, message: &str) {
        self.git(&["add", "--all"]);
        self.git(&["commit", "--quiet", "-m", message]);
    }
}

fn data(name: &str) -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/diff").join(name)).unwrap()
}

/// The two versions of the tariff brief, without the source file they name: the repository
/// does not hold it.
fn tariff(version: &str) -> String {
    data(&format!("tariff-{version}.yaml"))
        .lines()
        .filter(|l| !l.trim_start().starts_with("file: "))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// What `brief diff` prints for two texts of `name`, as git's driver would be given them.
fn expected(old: &str, new: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("old.yaml"), dir.path().join("new.yaml"));
    std::fs::write(&a, old).unwrap();
    std::fs::write(&b, new).unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_brief"))
        .arg("diff")
        .arg(&a)
        .arg(&b)
        .env("NO_COLOR", "1")
        .env("XDG_CONFIG_HOME", concat!(env!("CARGO_TARGET_TMPDIR"), "/no-config"))
        .output()
        .unwrap();
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn git_diff_prints_the_semantic_diff_of_two_commits() {
    let repository = Repository::new();
    repository.write("tariff.yaml", &tariff("old"));
    repository.commit("first");
    repository.write("tariff.yaml", &tariff("new"));
    repository.commit("second");
    let shown = repository.git(&["diff", "HEAD~1"]);
    let diff = expected(&tariff("old"), &tariff("new"));
    assert!(diff.contains("    status: reported → confirmed\n"), "{diff}");
    assert_eq!(shown, format!("brief diff a/tariff.yaml b/tariff.yaml\n{diff}"));
    assert!(!shown.contains("@@"), "not git's line diff");
    // git log -p runs a driver only when asked.
    let log = repository.git(&["log", "-p", "--ext-diff", "-1", "--format=%s"]);
    assert_eq!(log, format!("second\n\nbrief diff a/tariff.yaml b/tariff.yaml\n{diff}"));
    let without = repository.git(&["log", "-p", "-1", "--format=%s"]);
    assert!(without.contains("@@") && !without.contains("brief diff a/"), "{without}");
}

#[test]
fn an_added_and_a_deleted_file_show_every_item_added_or_removed() {
    let repository = Repository::new();
    repository.write("several.yaml", &data("several-old.yaml"));
    repository.commit("add");
    let added = repository.git(&["show", "--ext-diff", "--format=", "HEAD"]);
    assert!(
        added.starts_with(
            "brief diff a/several.yaml b/several.yaml\nnew file\n+ Brief ferry-strike: Ferry crews walk out\n"
        ),
        "{added}"
    );
    assert!(added.contains("+ c-walkout: Crews stop work on every crossing from Monday.\n"), "{added}");
    std::fs::remove_file(repository.path("several.yaml")).unwrap();
    repository.commit("delete");
    let deleted = repository.git(&["diff", "HEAD~1"]);
    assert!(
        deleted.starts_with(
            "brief diff a/several.yaml b/several.yaml\ndeleted file\n- Brief ferry-strike: Ferry crews walk out\n"
        ),
        "{deleted}"
    );
    assert!(
        deleted.contains(
            "- Brief market-day: The Saturday market moves\n\nActors: 1 removed\n- traders: Market traders\n"
        ),
        "{deleted}"
    );
}

#[test]
fn a_renamed_file_is_diffed_under_both_names_and_the_working_tree_too() {
    let repository = Repository::new();
    repository.write("old-name.yaml", &tariff("old"));
    repository.commit("first");
    repository.git(&["mv", "old-name.yaml", "new-name.yaml"]);
    let mut moved = tariff("old");
    moved = moved.replace("marking: INTERNAL", "marking: PUBLIC");
    repository.write("new-name.yaml", &moved);
    repository.commit("renamed");
    // Git passes nine arguments for a rename.
    let shown = repository.git(&["diff", "-M", "HEAD~1"]);
    assert_eq!(
        shown,
        "brief diff a/old-name.yaml b/new-name.yaml\nrenamed from old-name.yaml\nBrief water-tariff\n  marking: INTERNAL → PUBLIC\n"
    );
    // Uncommitted changes: the working tree's file itself is the new side.
    repository.write("new-name.yaml", &moved.replace("status: disputed", "status: denied"));
    let working = repository.git(&["diff"]);
    assert!(
        working.starts_with("brief diff a/new-name.yaml b/new-name.yaml\nBrief water-tariff\n\nClaims: 1 changed\n"),
        "{working}"
    );
    assert!(working.contains("    status: disputed → denied\n"), "{working}");
}

#[test]
fn a_commit_that_breaks_a_brief_does_not_stop_git() {
    let repository = Repository::new();
    repository.write("tariff.yaml", &tariff("old"));
    repository.commit("first");
    repository.write("tariff.yaml", &tariff("old").replace("speaker: mayor", "speaker: mayr"));
    repository.commit("broken");
    let shown = repository.git(&["diff", "HEAD~1"]);
    assert!(
        shown.contains("the new version has errors; not compared:\n\nerror[E014]: unknown actor 'mayr'"),
        "{shown}"
    );
    assert!(shown.contains("--> tariff.yaml:"), "named by its path in the repository:\n{shown}");
}
