//! The bundled briefs and the texts they cite, compiled into the binary, so `brief` with no path
//! has something to open wherever it runs, and every quote of theirs is checked against its
//! text just as it is in `briefs/`.

/// The name messages give the sample, the brief of 6 December that every other test reads.
pub const NAME: &str = "briefs/biden-putin-call-2021-12.yaml";

/// Its text.
pub const TEXT: &str = include_str!("../briefs/biden-putin-call-2021-12.yaml");

/// Every bundled brief, oldest first: its name and its text.
pub const BRIEFS: [(&str, &str); 3] = [
    (NAME, TEXT),
    ("briefs/biden-putin-call-2021-12-07.yaml", include_str!("../briefs/biden-putin-call-2021-12-07.yaml")),
    ("briefs/biden-putin-aftermath-2021-12-09.yaml", include_str!("../briefs/biden-putin-aftermath-2021-12-09.yaml")),
];

pub use crate::load::bundled::{SOURCES, source};

/// Loads the sample as if it were a file.
pub fn load() -> crate::load::LoadedFile {
    crate::load::load_text(crate::load::Origin::Embedded(NAME), TEXT.to_string())
}

/// The sample without its sources' `file:` lines: a valid brief wherever it is written, for
/// tests that write it to a folder of their own or read it from stdin.
#[cfg(any(test, feature = "testing"))]
pub fn portable() -> String {
    TEXT.lines().filter(|line| !line.starts_with("    file: ")).map(|line| format!("{line}\n")).collect()
}

/// Loads every bundled brief, oldest first, as if each were a file.
pub fn load_all() -> Vec<crate::load::LoadedFile> {
    let mut files: Vec<crate::load::LoadedFile> = BRIEFS
        .iter()
        .map(|&(name, text)| crate::load::load_text(crate::load::Origin::Embedded(name), text.to_string()))
        .collect();
    crate::load::check_across_briefs(&mut files);
    files
}
