//! The texts the bundled briefs cite (`briefs/sources/`), compiled in so that a bundled brief's
//! quotes are checked against them wherever `brief` runs: what `Folder::Bundled` reads.

macro_rules! bundled_text {
    ($name:literal) => {
        (concat!("sources/", $name), include_str!(concat!("../../briefs/sources/", $name)))
    };
}

/// The texts the bundled briefs cite, by the path their sources give (`file:`).
pub const SOURCES: [(&str, &str); 10] = [
    bundled_text!("wh-psaki-statement-upcoming-call-2021-12-04.txt"),
    bundled_text!("wh-background-call-preview-2021-12-06.txt"),
    bundled_text!("wh-readout-european-allies-2021-12-06.txt"),
    bundled_text!("wh-readout-2021-12-07.txt"),
    bundled_text!("wh-press-briefing-psaki-sullivan-2021-12-07.txt"),
    bundled_text!("wh-readout-european-allies-2021-12-07.txt"),
    bundled_text!("wh-biden-remarks-marine-one-2021-12-08.txt"),
    bundled_text!("wh-readout-zelenskyy-2021-12-09.txt"),
    bundled_text!("wh-readout-bucharest-nine-2021-12-09.txt"),
    bundled_text!("wh-background-call-zelenskyy-europeans-2021-12-09.txt"),
];

/// A bundled text by the path a source gives it, `..` and `.` taken as a path would take them.
pub fn source(file: &str) -> Option<&'static str> {
    let mut parts: Vec<&str> = Vec::new();
    for part in file.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    let path = parts.join("/");
    SOURCES.iter().find(|(name, _)| *name == path).map(|&(_, text)| text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_text_is_the_file_in_briefs() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("briefs");
        for (name, text) in SOURCES {
            assert_eq!(std::fs::read_to_string(folder.join(name)).unwrap(), text, "{name}");
        }
        let on_disk = std::fs::read_dir(folder.join("sources")).unwrap().count();
        assert_eq!(on_disk, SOURCES.len(), "every text in briefs/sources is bundled");
    }

    #[test]
    fn a_bundled_text_is_found_as_a_path_would_find_it() {
        let readout = source("sources/wh-readout-2021-12-07.txt").expect("bundled");
        assert!(readout.contains("secure video call"));
        assert_eq!(source("./sources/../sources/wh-readout-2021-12-07.txt"), Some(readout));
        assert_eq!(source("../sources/wh-readout-2021-12-07.txt"), None, "nothing above the briefs");
        assert_eq!(source("sources/wh-readout-2021-12-08.txt"), None);
        assert_eq!(source("wh-readout-2021-12-07.txt"), None);
    }
}
