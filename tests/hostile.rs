//! Hostile input: each file ends in a clear diagnostic or a correct load, never a panic, abort,
//! stack overflow, hang or runaway memory. The binary runs under a 1 GiB address-space limit
//! and a hang guard; inputs are generated here, never committed.

use std::io::Write;
use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;

/// Runs `brief check --format json FILE` with at most 1 GiB of address space.
fn check_limited(file: &Path) -> (i32, serde_json::Value) {
    let binary = assert_cmd::cargo::cargo_bin("brief");
    let output = Command::new("sh")
        .arg("-c")
        .arg(r#"ulimit -v 1048576 && exec "$0" check --format json "$1""#)
        .arg(&binary)
        .arg(file)
        .env("XDG_CONFIG_HOME", concat!(env!("CARGO_TARGET_TMPDIR"), "/no-config"))
        .timeout(Duration::from_secs(30))
        .output()
        .expect("the binary runs");
    let code = output.status.code().unwrap_or_else(|| panic!("killed by a signal: {:?}", output.status));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!stderr.contains("panicked") && !stderr.contains("overflow"), "{stderr}");
    let report = serde_json::from_slice(&output.stdout).unwrap_or_else(|e| panic!("{e}: {stderr}"));
    (code, report)
}

fn codes(report: &serde_json::Value) -> Vec<String> {
    report["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap().to_string()).collect()
}

fn write_temp(bytes: &[u8]) -> tempfile::NamedTempFile {
    let mut file = tempfile::Builder::new().suffix(".yaml").tempfile().unwrap();
    file.write_all(bytes).unwrap();
    file
}

fn assert_rejected(bytes: &[u8], code: &str) -> serde_json::Value {
    let file = write_temp(bytes);
    let (exit, report) = check_limited(file.path());
    assert_eq!(exit, 1, "{report:#}");
    assert_eq!(codes(&report), [code], "{report:#}");
    report
}

#[test]
fn bytes_that_are_not_utf8_are_refused_with_their_place() {
    let mut bytes = b"brief: 1\nid: caf".to_vec();
    bytes.extend([0xE9, b'\n']);
    let report = assert_rejected(&bytes, "E001");
    assert_eq!(report["diagnostics"][0]["line"], 2);
    assert_eq!(report["diagnostics"][0]["column"], 8);
}

#[test]
fn an_empty_file_holds_no_brief() {
    assert_rejected(b"", "E003");
    assert_rejected(b"# only a comment\n", "E003");
}

#[test]
fn a_file_over_the_size_cap_is_refused_before_it_is_read() {
    let mut file = tempfile::Builder::new().suffix(".yaml").tempfile().unwrap();
    let line = b"# padding padding padding padding padding padding padding padding padding\n";
    let mut written = 0;
    while written < 100 << 20 {
        file.write_all(line).unwrap();
        written += line.len();
    }
    file.flush().unwrap();
    let (exit, report) = check_limited(file.path());
    assert_eq!(exit, 1);
    assert_eq!(codes(&report), ["E020"]);
}

#[test]
fn an_alias_bomb_is_stopped() {
    let mut yaml = String::from("a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for i in 1..10 {
        let refs = vec![format!("*a{}", i - 1); 9].join(",");
        yaml.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
    }
    assert_rejected(yaml.as_bytes(), "E021");
}

#[test]
fn typed_alias_amplification_is_stopped() {
    // 0.7 MB: one list of 10,000 ids, then 9,999 quotes that each repeat it by alias.
    let mut yaml = String::from("brief: 1\nid: amp\ntitle: t\ndate: 2021\nactors:\n  - {id: a0, name: A}\nquotes:\n");
    let ids: Vec<String> = (0..10_000).map(|i| format!("a{i}")).collect();
    yaml.push_str(&format!("  - {{id: q0, speaker: a0, text: t, mentions: &R [{}]}}\n", ids.join(",")));
    for i in 1..10_000 {
        yaml.push_str(&format!("  - {{id: q{i}, speaker: a0, text: t, mentions: *R}}\n"));
    }
    assert_rejected(yaml.as_bytes(), "E021");
}

#[test]
fn deep_nesting_is_stopped() {
    let depth = 100_000;
    assert_rejected(format!("{}x\n", "- ".repeat(depth)).as_bytes(), "E021");
    assert_rejected(format!("{}{}\n", "[".repeat(depth), "]".repeat(depth)).as_bytes(), "E021");
    assert_rejected(format!("{}1{}\n", "{a: ".repeat(depth), "}".repeat(depth)).as_bytes(), "E021");
}

#[test]
fn a_ten_megabyte_scalar_loads_whole() {
    let text = "é".repeat(5 << 20);
    let yaml = format!(
        "brief: 1\nid: big\ntitle: t\ndate: 2021\nactors:\n  - id: a\n    name: A\nquotes:\n  - id: q\n    speaker: a\n    text: \"{text}\"\n"
    );
    let file = write_temp(yaml.as_bytes());
    let (exit, report) = check_limited(file.path());
    assert_eq!(exit, 0, "{report:#}");
    assert_eq!(report["errors"], 0);
    let loaded = brief::load::load_file(file.path()).unwrap();
    assert_eq!(loaded.briefs[0].brief.as_ref().unwrap().quotes[0].text.as_ref(), text);
}

#[test]
fn a_large_honest_brief_loads_under_the_limits() {
    // About 12 MB: 30,000 quotes. The benchmark covers 33 MB.
    let yaml = brief::synth::brief_yaml(brief::synth::Shape::with_quotes(30_000));
    let file = write_temp(yaml.as_bytes());
    let (exit, report) = check_limited(file.path());
    assert_eq!(exit, 0, "{report:#}");
    assert_eq!(report["errors"], 0);
    assert_eq!(report["warnings"], 0);
}
