//! Dates as the format writes them: `2021`, `2021-12`, `2021-12-06`, or an RFC 3339 date-time.

use std::cmp::Ordering;
use std::fmt;

/// A calendar date at the precision its author gave, with the time of day when one was given.
///
/// Ordering follows time. A coarser date sorts before finer dates inside it (`2021-12` before
/// `2021-12-06`, a day before the times on it), which keeps a timeline stable. Date-times
/// compare as instants whatever their offsets: each is placed on its day in UTC, so
/// `2024-03-11T21:30:00-05:00` is a time on 12 March and sorts after the day `2024-03-12`
/// (a day without a time has no zone to compare in). The same instant written in two zones
/// is two dates, ordered by how they are written, so the order agrees with equality.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
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

    /// A date for readers: `2 Dec 2021`, `Dec 2021`, `2021`; a date-time in the zone it was
    /// written in, `11 Mar 2024, 04:30 UTC-05:00` (seconds only when not zero, `Z` as `UTC`).
    /// Every view shows dates this way; JSON keeps the ISO form ([`Display`](fmt::Display)).
    pub fn human(&self) -> String {
        let mut out = match (self.month, self.day) {
            (Some(m), Some(d)) => format!("{d} {} {}", MONTHS[usize::from(m) - 1], self.year),
            (Some(m), None) => format!("{} {}", MONTHS[usize::from(m) - 1], self.year),
            _ => self.year.to_string(),
        };
        let Some(time) = &self.time else {
            return out;
        };
        let Some(c) = clock(time) else {
            // Not a time `parse` accepts: as written.
            out.push_str(", ");
            out.push_str(time);
            return out;
        };
        out.push_str(&format!(", {:02}:{:02}", c.hour, c.minute));
        if c.second != 0 || !c.fraction.is_empty() {
            out.push_str(&format!(":{:02}", c.second));
        }
        if !c.fraction.is_empty() {
            out.push('.');
            out.push_str(c.fraction);
        }
        out.push_str(" UTC");
        if c.offset != 0 {
            let sign = if c.offset < 0 { '-' } else { '+' };
            out.push_str(&format!("{sign}{:02}:{:02}", c.offset.abs() / 60, c.offset.abs() % 60));
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

impl Date {
    /// Whether this date falls before, within or after another, at the precision both share:
    /// `2021-12` is within `2021-12-06` (Equal), `2021-11` before it. Times of day are not
    /// compared, only the day they fall on in UTC.
    pub fn against(&self, other: &Date) -> Ordering {
        let (a, b) = (self.instant(), other.instant());
        let at_day = |(year, month, day, _): Instant| (year, month, day);
        let (a, b) = (at_day(a), at_day(b));
        a.0.cmp(&b.0).then_with(|| match (a.1, b.1) {
            (Some(m), Some(n)) => m.cmp(&n).then_with(|| match (a.2, b.2) {
                (Some(d), Some(e)) => d.cmp(&e),
                _ => Ordering::Equal,
            }),
            _ => Ordering::Equal,
        })
    }
}

impl Ord for Date {
    fn cmp(&self, other: &Date) -> Ordering {
        self.instant().cmp(&other.instant()).then_with(|| self.written().cmp(&other.written()))
    }
}

impl PartialOrd for Date {
    fn partial_cmp(&self, other: &Date) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Where a date falls in time: year, month and day (in UTC for a date-time), then for a
/// date-time the second of that day in UTC and the digits of a fraction of a second.
type Instant<'a> = (i32, Option<u8>, Option<u8>, Option<(u32, &'a str)>);

impl Date {
    fn instant(&self) -> Instant<'_> {
        let (year, month, day) = (i32::from(self.year), self.month, self.day);
        let Some(time) = self.time.as_deref() else {
            return (year, month, day, None);
        };
        match (month, day, utc_time(time)) {
            (Some(m), Some(d), Some((shift, second, fraction))) => {
                let (y, m, d) = civil_from_days(days_from_civil(year, m, d) + shift);
                (y, Some(m), Some(d), Some((second, fraction)))
            }
            // Not a time `parse` accepts: after every time of its day, as written.
            _ => (year, month, day, Some((u32::MAX, time))),
        }
    }

    /// The fields as written, to order dates that fall at the same instant.
    fn written(&self) -> (u16, Option<u8>, Option<u8>, Option<&str>) {
        (self.year, self.month, self.day, self.time.as_deref())
    }
}

/// The parts of an RFC 3339 time.
struct Clock<'a> {
    hour: u32,
    minute: u32,
    second: u32,
    /// The digits after the point, without trailing zeros.
    fraction: &'a str,
    /// From UTC, in minutes: `-05:00` is -300.
    offset: i64,
}

/// The parts of a time `parse` accepted; `None` for anything else.
fn clock(time: &str) -> Option<Clock<'_>> {
    let number = |text: &str, at: std::ops::Range<usize>| -> Option<u32> {
        let digits = text.get(at)?;
        digits.bytes().all(|b| b.is_ascii_digit()).then(|| digits.parse().ok())?
    };
    let (hour, minute, second) = (number(time, 0..2)?, number(time, 3..5)?, number(time, 6..8)?);
    let rest = time.get(8..)?;
    let (fraction, zone) = match rest.strip_prefix('.') {
        Some(after) => {
            let end = after.find(|c: char| !c.is_ascii_digit()).unwrap_or(after.len());
            (after[..end].trim_end_matches('0'), &after[end..])
        }
        None => ("", rest),
    };
    let offset = match zone.as_bytes() {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), ..] if zone.len() == 6 => {
            let minutes = i64::from(number(zone, 1..3)? * 60 + number(zone, 4..6)?);
            if *sign == b'-' { -minutes } else { minutes }
        }
        _ => return None,
    };
    Some(Clock { hour, minute, second, fraction, offset })
}

/// A time in UTC: how many days the change to UTC moves the date, the second of the day (a
/// leap second is the 86,400th, still on its day) and the fraction's digits.
fn utc_time(time: &str) -> Option<(i64, u32, &str)> {
    let c = clock(time)?;
    let minutes = i64::from(c.hour * 60 + c.minute) - c.offset;
    let minute_of_day = u32::try_from(minutes.rem_euclid(24 * 60)).ok()?;
    Some((minutes.div_euclid(24 * 60), minute_of_day * 60 + c.second, c.fraction))
}

/// Days since 1970-01-01 of a date in the proleptic Gregorian calendar (H. Hinnant's
/// `days_from_civil`).
fn days_from_civil(year: i32, month: u8, day: u8) -> i64 {
    let (month, day) = (i64::from(month), i64::from(day));
    let year = i64::from(year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// The date of a day counted from 1970-01-01: the inverse of [`days_from_civil`].
pub(crate) fn civil_from_days(days: i64) -> (i32, u8, u8) {
    let days = days + 719_468;
    let era = days.div_euclid(146_097);
    let day_of_era = days - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 { shifted_month + 3 } else { shifted_month - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    // A year of 0..=9999 moved by at most a day stays well inside i32.
    (year as i32, month as u8, day as u8)
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
    fn a_date_is_against_another_at_the_precision_both_share() {
        let d = |text: &str| Date::parse(text).expect(text);
        let day = d("2021-12-06");
        assert_eq!(d("2021-12").against(&day), Ordering::Equal);
        assert_eq!(d("2021").against(&day), Ordering::Equal);
        assert_eq!(d("2021-11").against(&day), Ordering::Less);
        assert_eq!(d("2014").against(&day), Ordering::Less);
        assert_eq!(d("2021-12-07").against(&day), Ordering::Greater);
        assert_eq!(d("2021-12-06T23:00:00Z").against(&day), Ordering::Equal);
        assert_eq!(d("2021-12-06T23:00:00-05:00").against(&day), Ordering::Greater, "4:00 UTC the next day");
        assert_eq!(day.against(&d("2022")), Ordering::Less);
    }

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
    fn a_date_time_reads_as_hours_and_minutes_in_its_zone() {
        let human = |text: &str| Date::parse(text).unwrap().human();
        assert_eq!(human("2024-03-11T04:30:00-05:00"), "11 Mar 2024, 04:30 UTC-05:00");
        assert_eq!(human("2021-12-06T10:30:00Z"), "6 Dec 2021, 10:30 UTC");
        assert_eq!(human("2021-12-06t10:30:00.000z"), "6 Dec 2021, 10:30 UTC", "a zero fraction is no seconds");
        assert_eq!(human("2024-03-11T04:30:15+05:30"), "11 Mar 2024, 04:30:15 UTC+05:30");
        assert_eq!(human("2024-02-29T23:59:60.5+00:00"), "29 Feb 2024, 23:59:60.5 UTC");
        assert_eq!(human("2024-02-29T23:59:00.250-00:00"), "29 Feb 2024, 23:59:00.25 UTC");
    }

    fn sorted(texts: &[&str]) -> Vec<String> {
        let mut dates: Vec<Date> = texts.iter().map(|t| Date::parse(t).unwrap()).collect();
        dates.sort();
        dates.iter().map(Date::to_string).collect()
    }

    #[test]
    fn date_times_compare_as_instants_whatever_their_zone() {
        // 04:30 at UTC-5 is 09:30 UTC, after 09:00 at UTC+1 (08:00 UTC).
        assert_eq!(
            sorted(&["2024-03-11T04:30:00-05:00", "2024-03-11T09:00:00+01:00"]),
            ["2024-03-11T09:00:00+01:00", "2024-03-11T04:30:00-05:00"]
        );
        // 21:30 on the 11th at UTC-5 is 02:30 UTC on the 12th.
        assert_eq!(
            sorted(&["2024-03-11T21:30:00-05:00", "2024-03-12T01:15:00Z", "2024-03-11T23:59:60Z"]),
            ["2024-03-11T23:59:60Z", "2024-03-12T01:15:00Z", "2024-03-11T21:30:00-05:00"]
        );
        assert_eq!(
            sorted(&["2024-03-11T10:00:00.25Z", "2024-03-11T10:00:00.5Z", "2024-03-11T10:00:00Z"]),
            ["2024-03-11T10:00:00Z", "2024-03-11T10:00:00.25Z", "2024-03-11T10:00:00.5Z"]
        );
    }

    #[test]
    fn the_same_instant_written_two_ways_is_two_dates_in_a_fixed_order() {
        let utc = Date::parse("2024-03-11T10:30:00Z").unwrap();
        let paris = Date::parse("2024-03-11T11:30:00+01:00").unwrap();
        assert_ne!(utc, paris);
        assert_ne!(utc.cmp(&paris), std::cmp::Ordering::Equal, "Ord agrees with Eq");
        assert_eq!(utc.cmp(&paris), paris.cmp(&utc).reverse());
    }

    #[test]
    fn a_day_sorts_before_the_times_on_it_in_utc() {
        assert_eq!(
            sorted(&["2024-03-12T01:15:00Z", "2024-03-12", "2024-03-11T21:30:00-05:00", "2024-03-11", "2024-03"]),
            ["2024-03", "2024-03-11", "2024-03-12", "2024-03-12T01:15:00Z", "2024-03-11T21:30:00-05:00"]
        );
    }

    #[test]
    fn day_numbers_count_from_1970_across_leap_years_and_eras() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(0, 1, 1), -719_528);
        for days in (-800_000..3_000_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days, "{y}-{m}-{d}");
        }
        assert_eq!(civil_from_days(days_from_civil(2024, 2, 28) + 1), (2024, 2, 29));
        assert_eq!(civil_from_days(days_from_civil(2023, 12, 31) + 1), (2024, 1, 1));
        assert_eq!(civil_from_days(days_from_civil(2100, 3, 1) - 1), (2100, 2, 28));
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
