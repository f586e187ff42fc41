//! The corpus of bad briefs: one file per rule of the format, each with a golden file of the
//! diagnostics it must produce. Any change in a code, a position or a message fails the test.
//!
//! To accept new output after a deliberate change: `BRIEF_BLESS=1 cargo test --test bad_briefs`.

use std::fs;
use std::path::{Path, PathBuf};

use brief::load::{Code, LoadedFile, load_file};

fn corpus() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad"))
        .expect("tests/bad exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
}

/// One line per diagnostic: code, line:column, message, and the suggestion when there is one.
fn golden_lines(file: &LoadedFile) -> String {
    let mut out = String::new();
    for problem in file.all_problems() {
        let place = problem.span.map_or("-".to_string(), |s| format!("{}:{}", s.line, s.column));
        out.push_str(&format!("{} {} {}", problem.code, place, problem.message));
        if let Some(suggestion) = &problem.suggestion {
            out.push_str(&format!(" [did you mean '{suggestion}'?]"));
        }
        out.push('\n');
    }
    out
}

#[test]
fn every_bad_brief_gives_exactly_its_golden_diagnostics() {
    let bless = std::env::var_os("BRIEF_BLESS").is_some();
    let mut failures = Vec::new();
    for path in corpus() {
        let file = load_file(&path).expect("corpus files are readable");
        let actual = golden_lines(&file);
        let golden_path = path.with_extension("expected");
        if bless {
            fs::write(&golden_path, &actual).expect("write golden");
            continue;
        }
        let expected = fs::read_to_string(&golden_path).unwrap_or_default();
        if actual != expected {
            failures.push(format!("{}:\n--- expected\n{expected}--- actual\n{actual}", path.display()));
        }
    }
    assert!(failures.is_empty(), "{} bad briefs changed:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn each_file_shows_the_rule_it_is_named_for() {
    for path in corpus() {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let code = name.split('-').next().unwrap();
        let file = load_file(&path).expect("readable");
        assert!(
            file.all_problems().any(|p| p.code.as_str() == code),
            "{name} should report {code}; it reported {:?}",
            file.all_problems().map(|p| p.code.as_str()).collect::<Vec<_>>()
        );
    }
}

#[test]
fn every_rule_has_a_bad_brief() {
    let names: Vec<String> = corpus().iter().map(|p| p.file_stem().unwrap().to_string_lossy().to_string()).collect();
    // These need inputs too large or too odd to commit; tests/hostile.rs generates them.
    let generated = [Code::FileTooLarge, Code::YamlLimit, Code::NotUtf8];
    for code in Code::ALL.iter().filter(|c| !generated.contains(c)) {
        assert!(
            names.iter().any(|n| n.starts_with(&format!("{}-", code.as_str()))),
            "no bad brief under tests/bad shows {code} ({})",
            code.summary()
        );
    }
}
