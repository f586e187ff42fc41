//! `brief new [PATH]`: a starter brief. Its example items are real items, not commented-out
//! ones: so the starter passes `brief check` without a warning (an empty section is one) and
//! opens in the reader, where a newcomer sees how a quote, a claim and a position refer to
//! an actor and a source before writing their own. A comment on every field says what it takes.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use super::{io_reason, print_stderr, print_stdout, usage_error};
use crate::text::one_line;

const STARTER: &str = include_str!("starter.yaml");

/// The id of a brief whose file name is not an id.
const DEFAULT_ID: &str = "new-brief";

pub(super) fn new(path: Option<&Path>) -> ExitCode {
    let Some(date) = today() else {
        return usage_error("cannot tell today's date from the system clock");
    };
    let path = path.filter(|p| p.as_os_str() != "-");
    let text = starter(path.map_or(DEFAULT_ID, id_from_name), &date);
    let Some(path) = path else { return print_stdout(&text) };
    let shown = one_line(&path.display().to_string()).into_owned();
    // `create_new` refuses an existing file in the same system call that creates it: no other
    // program can slip a file in between a check and the write.
    let written = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
        .and_then(|mut file| file.write_all(text.as_bytes()));
    match written {
        Ok(()) => {
            print_stderr(&format!(
                "wrote {shown}: a brief of {date} with one example item in each section to replace; \
                 `brief check {shown}` checks it, `brief {shown}` opens it\n"
            ));
            ExitCode::SUCCESS
        }
        Err(error) if error.kind() == std::io::ErrorKind::AlreadyExists => usage_error(&format!(
            "'{shown}' already exists; brief new never overwrites a file: give a new name, or remove it first"
        )),
        Err(error) => usage_error(&format!("cannot write '{shown}': {}", io_reason(&error))),
    }
}

/// The starter with its id and date filled in, its comments kept in their column.
fn starter(id: &str, date: &str) -> String {
    fill(&fill(STARTER, "{id}", id), "{date}", date)
}

/// `text` with `placeholder` replaced by `value`, taking or giving back the spaces after it so
/// that the comment further on the line does not move (one space at least).
fn fill(text: &str, placeholder: &str, value: &str) -> String {
    let mut filled = String::with_capacity(text.len() + value.len());
    let mut rest = text;
    while let Some(at) = rest.find(placeholder) {
        filled.push_str(&rest[..at]);
        let after = &rest[at + placeholder.len()..];
        let spaces = after.len() - after.trim_start_matches(' ').len();
        let room = placeholder.len() + spaces;
        filled.push_str(value);
        if spaces > 0 {
            filled.push_str(&" ".repeat(room.saturating_sub(value.len()).max(1)));
        }
        rest = &after[spaces..];
    }
    filled.push_str(rest);
    filled
}

/// The brief's id from its file's name (`ukraine-2026-12-02.yaml`), when that name is one.
fn id_from_name(path: &Path) -> &str {
    path.file_stem().and_then(|s| s.to_str()).filter(|s| crate::model::is_valid_id(s)).unwrap_or(DEFAULT_ID)
}

/// Today in the local time zone, as an ISO 8601 date: the day the user is writing on, which
/// for someone east or west of Greenwich is not always UTC's.
fn today() -> Option<String> {
    let now =
        libc::time_t::try_from(std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).ok()?.as_secs())
            .ok()?;
    // SAFETY: `tm` is plain data that localtime_r fills in; both pointers are to live locals,
    // and localtime_r (unlike localtime) keeps no shared buffer, so other threads are safe.
    // glibc's and musl's localtime_r read TZ themselves on first use (libc has no tzset).
    let tm = unsafe {
        let mut tm: libc::tm = std::mem::zeroed();
        if libc::localtime_r(&now, &mut tm).is_null() {
            return None;
        }
        tm
    };
    Some(format!("{:04}-{:02}-{:02}", i64::from(tm.tm_year) + 1900, tm.tm_mon + 1, tm.tm_mday))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_comments_stay_in_their_column_whatever_the_id_and_date() {
        let column = |text: &str, key: &str| {
            let line = text.lines().find(|l| l.starts_with(key)).expect("the line");
            line.find('#').expect("its comment")
        };
        let short = starter("a", "2026");
        let long = starter("a-very-long-brief-id-that-takes-the-room", "2026-12-02");
        assert_eq!(column(&short, "id:"), column(&short, "brief:"));
        assert_eq!(column(&starter(DEFAULT_ID, "2026-12-02"), "date:"), column(&short, "brief:"));
        assert!(long.lines().any(|l| l == "id: a-very-long-brief-id-that-takes-the-room # letters, digits, . _ -; every id is unique in the brief"));
    }
    use crate::load::{Origin, load_bytes};
    use crate::model::Section;

    #[test]
    fn the_starter_loads_without_an_error_or_a_warning_and_fills_every_section() {
        let text = starter("ukraine-talks", "2026-12-02");
        let file = load_bytes(Origin::File("starter.yaml".into()), text.into_bytes());
        let problems: Vec<String> = file.all_problems().map(|p| format!("{p:?}")).collect();
        assert!(problems.is_empty(), "{problems:#?}");
        let brief = file.into_valid_briefs().remove(0);
        assert_eq!(&*brief.id, "ukraine-talks");
        for section in Section::ALL {
            assert_eq!(brief.len(section), 1, "one example item in {}", section.key());
        }
    }

    #[test]
    fn every_section_of_the_starter_says_what_it_holds() {
        for section in Section::ALL {
            let line = STARTER.lines().find(|l| l.starts_with(&format!("{}:", section.key())));
            assert!(line.is_some_and(|l| l.contains(" # ")), "{} has no comment", section.key());
        }
    }

    #[test]
    fn the_id_comes_from_a_file_name_that_is_an_id() {
        assert_eq!(id_from_name(Path::new("notes/ukraine-2026-12-02.yaml")), "ukraine-2026-12-02");
        assert_eq!(id_from_name(Path::new("my notes.yaml")), DEFAULT_ID);
        assert_eq!(id_from_name(Path::new(".yaml")), DEFAULT_ID);
    }

    #[test]
    fn today_is_an_iso_date() {
        let date = today().expect("the clock is readable");
        assert!(crate::model::Date::parse(&date).is_ok(), "{date}");
        assert_eq!(date.len(), 10, "a day, not a month: {date}");
    }
}
