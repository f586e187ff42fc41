//! `brief new` on the real binary: the starter passes the check, is dated today in the local
//! time zone, and never replaces a file.

use assert_cmd::Command;
use predicates::prelude::*;

fn brief(config: &tempfile::TempDir) -> Command {
    let mut cmd = Command::cargo_bin("brief").expect("the binary is built");
    cmd.current_dir(env!("CARGO_MANIFEST_DIR")).env_remove("NO_COLOR").env("XDG_CONFIG_HOME", config.path());
    cmd
}

#[test]
fn a_new_brief_passes_brief_check_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("harbour-talks.yaml");
    brief(&dir)
        .arg("new")
        .arg(&path)
        .assert()
        .success()
        .stdout("")
        .stderr(predicate::str::starts_with(format!("wrote {}: a brief of ", path.display())));
    brief(&dir).arg("check").arg(&path).assert().success().stderr("1 brief, 0 errors, 0 warnings\n");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("\nid: harbour-talks "), "the id comes from the file's name:\n{text}");
}

#[test]
fn without_a_path_the_starter_goes_to_stdout() {
    let dir = tempfile::tempdir().unwrap();
    let out = brief(&dir).arg("new").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("\nid: new-brief "), "{text}");
    brief(&dir).args(["check", "-"]).write_stdin(text).assert().success().stderr("1 brief, 0 errors, 0 warnings\n");
}

#[test]
fn an_existing_file_is_never_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("notes.yaml");
    std::fs::write(&path, "my notes\n").unwrap();
    brief(&dir).arg("new").arg(&path).assert().code(2).stdout("").stderr(format!(
        "error: '{}' already exists; brief new never overwrites a file: give a new name, or remove it first\n",
        path.display()
    ));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "my notes\n");
}

#[test]
fn a_missing_folder_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no/such/folder/brief.yaml");
    brief(&dir)
        .arg("new")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(format!("error: cannot write '{}': no such folder\n", path.display()));
}

/// The `date:` of the starter written with the time zone `tz` (a POSIX TZ string, which needs
/// no time zone database).
fn dated(tz: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = brief(&dir).arg("new").env("TZ", tz).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let line = text.lines().find(|l| l.starts_with("date: ")).expect("a date line");
    let value = line["date: ".len()..].split_whitespace().next().expect("a value");
    value.to_string()
}

/// The day in UTC of a moment, as days since 1970 turned into a calendar date (Howard
/// Hinnant's civil_from_days).
fn utc_date(time: std::time::SystemTime) -> String {
    let days = (time.duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() / 86_400) as i64;
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

#[test]
fn the_starter_is_dated_today_in_the_local_time_zone() {
    let before = utc_date(std::time::SystemTime::now());
    let utc = dated("UTC0");
    let after = utc_date(std::time::SystemTime::now());
    assert!(utc == before || utc == after, "{utc} is not today in UTC ({before})");
    // 26 hours apart, UTC+14 and UTC-12 are never on the same day: a date taken in UTC, or
    // with the time zone ignored, would make them equal.
    let (east, west) = (dated("EAST-14"), dated("WEST+12"));
    assert!(east > west, "UTC+14 is on {east}, UTC-12 on {west}");
}
