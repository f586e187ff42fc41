//! Dates as the format writes them: `2021`, `2021-12`, `2021-12-06`, or an RFC 3339 date-time.

use std::fmt;

/// A calendar date at the precision its author gave, with the time of day when one was given.
///
/// Ordering follows the calendar; a coarser date sorts before finer dates inside it
/// (`2021-12` before `2021-12-06`), which keeps a timeline stable.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: u16,
    pub month: Option<u8>,
    pub day: Option<u8>,
    /// The RFC 3339 time and offset after `T`, exactly as written (`10:30:00Z`).
    pub time: Option<Box<str>>,
}

/// Why a date was not accepted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    pub kind: DateErrorKind,
    pub message: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateErrorKind {
    /// Not written in any of the ISO forms.
    Format,
    /// Written well, but the month or day does not exist.
    NoSuchDate,
    /// The time after `T` is not an RFC 3339 time.
    Time,
}

impl DateError {
    fn new(kind: DateErrorKind, message: String) -> DateError {
        DateError { kind, message }
    }

    /// A few words for under the caret.
    pub fn label(&self) -> &'static str {
        match self.kind {
            DateErrorKind::Format => "not an ISO 8601 date",
            DateErrorKind::NoSuchDate => "no such date",
            DateErrorKind::Time => "not an RFC 3339 time",
        }
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

impl Date {
    pub fn parse(text: &str) -> Result<Date, DateError> {
        let (date_part, time) = match text.find(['T', 't']) {
            Some(at) => (&text[..at], Some(&text[at + 1..])),
            None => (text, None),
        };
        let fields: Vec<&str> = date_part.split('-').collect();
        let expect = || DateError::new(DateErrorKind::Format, format!("'{text}' is not an ISO 8601 date"));
        if fields.len() > 3 || fields.iter().any(|f| !f.bytes().all(|b| b.is_ascii_digit())) {
            return Err(expect());
        }
        let number = |s: &str, width: usize| (s.len() == width).then(|| s.parse::<u16>().ok()).flatten();
        let year = number(fields[0], 4).ok_or_else(expect)?;
        let month = match fields.get(1) {
            Some(m) => {
                let m = number(m, 2).ok_or_else(expect)?;
                if !(1..=12).contains(&m) {
                    return Err(DateError::new(
                        DateErrorKind::NoSuchDate,
                        format!("'{text}' has month {m}; months run 01 to 12"),
                    ));
                }
                Some(m as u8)
            }
            None => None,
        };
        let day = match fields.get(2) {
            Some(d) => {
                let d = number(d, 2).ok_or_else(expect)?;
                let last = days_in_month(year, month.unwrap_or(1));
                if d == 0 || d > u16::from(last) {
                    return Err(DateError::new(
                        DateErrorKind::NoSuchDate,
                        format!("'{text}' has day {d}; that month has days 01 to {last:02}"),
                    ));
                }
                Some(d as u8)
            }
            None => None,
        };
        let time = match time {
            None => None,
            Some(time) => {
                if day.is_none() {
                    return Err(DateError::new(
                        DateErrorKind::Format,
                        format!("'{text}' gives a time without a full date"),
                    ));
                }
                check_rfc3339_time(time).map_err(|why| {
                    DateError::new(
                        DateErrorKind::Time,
                        format!("'{text}' has a bad time: {why}; write HH:MM:SS then Z or an offset like +01:00"),
                    )
                })?;
                Some(time.into())
            }
        };
        Ok(Date { year, month, day, time })
    }

    /// The ISO form of a date written another common way (`2021-3-9`, `2021/03/09`,
    /// `9 March 2021`, `March 9, 2021`, `13/03/2021`), when it can be read without guessing:
    /// `03/12/2021` may be 3 December or 12 March, so it gets none.
    pub fn suggest(text: &str) -> Option<String> {
        let valid = |y: &str, m: u32, d: Option<u32>| {
            let iso = match d {
                Some(d) => format!("{y}-{m:02}-{d:02}"),
                None => format!("{y}-{m:02}"),
            };
            Date::parse(&iso).is_ok().then_some(iso)
        };
        let parts: Vec<&str> = text.split(['-', '/', '.']).collect();
        if parts.len() >= 2
            && parts.len() <= 3
            && parts[0].len() == 4
            && parts.iter().all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
        {
            let m = parts[1].parse().ok()?;
            let d = match parts.get(2) {
                Some(d) => Some(d.parse().ok()?),
                None => None,
            };
            return valid(parts[0], m, d).filter(|iso| iso != text);
        }
        let digits = |p: &str, lengths: std::ops::RangeInclusive<usize>| {
            lengths.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
        };
        if let [a, b, y] = parts.as_slice()
            && digits(a, 1..=2)
            && digits(b, 1..=2)
            && digits(y, 4..=4)
        {
            // Day first or month first: read only when the two readings do not disagree.
            let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
            let day_first = valid(y, b, Some(a));
            let month_first = valid(y, a, Some(b));
            return match (day_first, month_first) {
                (Some(one), Some(other)) => (one == other).then_some(one),
                (one, other) => one.or(other),
            };
        }
        let words: Vec<&str> = text.split([' ', ',']).filter(|w| !w.is_empty()).collect();
        let month = |w: &str| {
            let start: String = w.to_lowercase().chars().take(3).collect();
            MONTHS.iter().position(|m| start.chars().count() == 3 && m.to_lowercase() == start).map(|i| i as u32 + 1)
        };
        let number = |w: &str| w.trim_end_matches(|c: char| c.is_ascii_alphabetic()).parse::<u32>().ok();
        match words.as_slice() {
            [a, b, y] if y.len() == 4 => {
                let day_month = || valid(y, month(b)?, Some(number(a)?));
                let month_day = || valid(y, month(a)?, Some(number(b)?));
                day_month().or_else(month_day)
            }
            [m, y] if y.len() == 4 => valid(y, month(m)?, None),
            _ => None,
        }
    }

    /// A date for readers: `2 Dec 2021`, `Dec 2021`, `2021`, with the time when given.
    pub fn human(&self) -> String {
        let mut out = match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", MONTHS[usize::from(m) - 1], self.year),
            (Some(m), None) => format!("{} {}", MONTHS[usize::from(m) - 1], self.year),
            _ => self.year.to_string(),
        };
        if let Some(time) = &self.time {
            out.push(' ');
            out.push_str(time);
        }
        out
    }
}

impl fmt::Display for Date {
    /// The ISO form the author wrote.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        if let Some(t) = &self.time {
            write!(f, "T{t}")?;
        }
        Ok(())
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl schemars::JsonSchema for Date {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Date".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "ISO 8601: YYYY, YYYY-MM, YYYY-MM-DD, or an RFC 3339 date-time",
            "anyOf": [
                { "type": "string", "pattern": r"^\d{4}(-\d{2}(-\d{2}([Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2}))?)?)?$" },
                { "type": "integer", "minimum": 0, "maximum": 9999 }
            ]
        })
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => 29,
        2 => 28,
        _ => 31,
    }
}

/// `HH:MM:SS[.frac](Z|+HH:MM|-HH:MM)`, the time half of RFC 3339.
fn check_rfc3339_time(time: &str) -> Result<(), &'static str> {
    let b = time.as_bytes();
    let two = |i: usize, max: u8| -> Result<(), &'static str> {
        match (b.get(i), b.get(i + 1)) {
            (Some(x @ b'0'..=b'9'), Some(y @ b'0'..=b'9')) if (x - b'0') * 10 + (y - b'0') <= max => Ok(()),
            _ => Err("hours, minutes or seconds out of range"),
        }
    };
    two(0, 23)?;
    if b.get(2) != Some(&b':') || b.get(5) != Some(&b':') {
        return Err("expected HH:MM:SS");
    }
    two(3, 59)?;
    two(6, 60)?;
    let mut i = 8;
    if b.get(i) == Some(&b'.') {
        i += 1;
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return Err("a fraction of a second needs digits");
        }
    }
    match &b[i.min(b.len())..] {
        [b'Z' | b'z'] => Ok(()),
        [b'+' | b'-', rest @ ..] if rest.len() == 5 && rest[2] == b':' => {
            two(i + 1, 23)?;
            two(i + 4, 59)
        }
        [] => Err("no time zone; add Z or an offset"),
        _ => Err("the time zone must be Z or +HH:MM"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_every_iso_form() {
        for text in ["2021", "2021-12", "2021-12-06", "2021-12-06T10:30:00Z", "2024-02-29T23:59:60.5+05:30"] {
            let date = Date::parse(text).unwrap_or_else(|e| panic!("{text}: {e}"));
            assert_eq!(date.to_string(), text);
        }
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        for text in [
            "21",
            "2021-1",
            "2021-13",
            "2021-00",
            "2021-02-29",
            "2021-04-31",
            "2021-12-06T25:00:00Z",
            "2021-12-06T10:30:00",
            "2021-12T10:00:00Z",
            "6 Dec 2021",
            "2021/12/06",
            "2021-12-06-01",
            "",
        ] {
            assert!(Date::parse(text).is_err(), "{text} should be rejected");
        }
    }

    #[test]
    fn common_spellings_get_their_iso_form() {
        assert_eq!(Date::suggest("2021-3-9").as_deref(), Some("2021-03-09"));
        assert_eq!(Date::suggest("2021/12/06").as_deref(), Some("2021-12-06"));
        assert_eq!(Date::suggest("6 Dec 2021").as_deref(), Some("2021-12-06"));
        assert_eq!(Date::suggest("December 6, 2021").as_deref(), Some("2021-12-06"));
        assert_eq!(Date::suggest("March 2024").as_deref(), Some("2024-03"));
        assert_eq!(Date::suggest("2021-02-30"), None);
        assert_eq!(Date::suggest("yesterday"), None);
    }

    #[test]
    fn a_day_and_month_written_either_way_round_are_read_only_when_one_reading_is_a_date() {
        assert_eq!(Date::suggest("13/03/2024").as_deref(), Some("2024-03-13"));
        assert_eq!(Date::suggest("03/13/2024").as_deref(), Some("2024-03-13"));
        assert_eq!(Date::suggest("13.3.2024").as_deref(), Some("2024-03-13"));
        assert_eq!(Date::suggest("13-03-2024").as_deref(), Some("2024-03-13"));
        // Both readings are the same date.
        assert_eq!(Date::suggest("03/03/2024").as_deref(), Some("2024-03-03"));
        // 3 December or 12 March: no guess.
        assert_eq!(Date::suggest("03/12/2024"), None);
        assert_eq!(Date::suggest("31/02/2024"), None);
        assert_eq!(Date::suggest("13/13/2024"), None);
    }

    #[test]
    fn errors_say_what_kind_of_wrong() {
        assert_eq!(Date::parse("2021-02-30").unwrap_err().label(), "no such date");
        assert_eq!(Date::parse("6 Dec 2021").unwrap_err().label(), "not an ISO 8601 date");
        assert_eq!(Date::parse("2021-12-06T10:00:00").unwrap_err().label(), "not an RFC 3339 time");
    }

    #[test]
    fn human_form_reads_like_a_byline() {
        assert_eq!(Date::parse("2021-12-02").unwrap().human(), "2 Dec 2021");
        assert_eq!(Date::parse("2021-11").unwrap().human(), "Nov 2021");
        assert_eq!(Date::parse("2014").unwrap().human(), "2014");
    }

    #[test]
    fn coarse_dates_sort_before_the_days_inside_them() {
        let mut dates: Vec<Date> =
            ["2021-12-06", "2021-12", "2014", "2021-12-02"].iter().map(|t| Date::parse(t).unwrap()).collect();
        dates.sort();
        let sorted: Vec<String> = dates.iter().map(Date::to_string).collect();
        assert_eq!(sorted, ["2014", "2021-12", "2021-12-02", "2021-12-06"]);
    }
}
