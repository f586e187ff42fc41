//! A listing across briefs, an id's dossier or the timeline ([`crate::library`]), as text,
//! Markdown or JSON: a memo on one actor over a week of briefs, or the week in date order.
//! `brief export --related ID` over several briefs and `--section timeline` write it, and so does
//! the reader's `e` on its dossier and timeline screens.
//!
//! Every row says its date, what it says, the brief it comes from (date and title) and, in words,
//! what earlier briefs had of it: `Earlier: 6 Dec scheduled → 7 Dec occurred`, or for an item
//! without a status or stance `Also in: the brief of 6 Dec`. The header names the briefs the rows
//! come from, oldest first, their markings, and what the stance signs mean.
//!
//! Text and Markdown are laid out by the same code as an export of one brief (`plain.rs`,
//! `markdown.rs`), every string from a brief made visible first; JSON escapes what could drive
//! a terminal and keeps the data.

use serde::Serialize;

use super::doc::{Block, Field, Inline, Item, date, glued, line};
use super::{Format, Options, markdown, plain};
use crate::library::{Listing, Place, Row, Version, short_date, state_of};
use crate::model::{Brief, Date, Section, Stance, Vocabulary};

/// A listing in the chosen format, ending with a line break. `briefs` are the briefs the
/// listing was made from, in the same order ([`crate::library::Library::build`]); a row whose
/// place is not among them is left out.
pub fn listing(listing: &Listing, briefs: &[&Brief], options: &Options) -> String {
    match options.format {
        Format::Text => plain::render(&document(listing, briefs), options.width),
        Format::Markdown => markdown::render(&document(listing, briefs)),
        Format::Json => json(listing, briefs),
    }
}

/// The brief a place is in, when the place is there.
fn brief_at<'a>(briefs: &[&'a Brief], place: Place) -> Option<&'a Brief> {
    let brief = *briefs.get(place.brief())?;
    (place.item.index() < brief.len(place.item.section)).then_some(brief)
}

/// The briefs the rows and their histories come from, oldest first (by date, then title, then
/// the order given, as the library orders them); every brief given when there are no rows.
fn drawn_on(listing: &Listing, briefs: &[&Brief]) -> Vec<usize> {
    let mut drawn: Vec<usize> = if listing.row_count() == 0 {
        (0..briefs.len()).collect()
    } else {
        listing
            .rows()
            .flat_map(|row| std::iter::once(row.at).chain(row.history.iter().map(|v| v.at)))
            .filter(|&place| brief_at(briefs, place).is_some())
            .map(Place::brief)
            .collect()
    };
    drawn.sort_by(|&a, &b| {
        let (x, y) = (briefs[a], briefs[b]);
        x.date.cmp(&y.date).then_with(|| x.title.cmp(&y.title)).then(a.cmp(&b))
    });
    drawn.dedup();
    drawn
}

/// How a brief is named in a row's history: `6 Dec` when every brief drawn on is of one year,
/// else `6 Dec 2021`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Dates {
    pub short: bool,
}

impl Dates {
    fn of(briefs: &[&Brief], drawn: &[usize]) -> Dates {
        let mut years = drawn.iter().map(|&b| briefs[b].date.year);
        let first = years.next();
        Dates { short: years.all(|y| Some(y) == first) }
    }

    /// A brief's date in a history, kept on one line.
    fn of_brief(self, brief: &Brief) -> String {
        let day = if self.short { short_date(&brief.date) } else { Date { time: None, ..brief.date.clone() }.human() };
        glued(&day)
    }
}

/// A row's earlier versions in words, as a label and a value: `("Earlier", "6 Dec scheduled →
/// 7 Dec occurred")` where the item has a status or stance, else `("Also in", "the briefs of
/// 6 Dec and 7 Dec")`. `None` without earlier versions.
pub(crate) fn history_words(history: &[Version], briefs: &[&Brief], dates: Dates) -> Option<(&'static str, String)> {
    let versions: Vec<(&Brief, Option<String>)> =
        history.iter().filter_map(|v| Some((brief_at(briefs, v.at)?, v.state.map(line)))).collect();
    if versions.is_empty() {
        return None;
    }
    if versions.iter().any(|(_, state)| state.is_some()) {
        let steps: Vec<String> = versions
            .iter()
            .map(|(brief, state)| match state {
                Some(state) => format!("{} {state}", dates.of_brief(brief)),
                None => dates.of_brief(brief),
            })
            .collect();
        return Some(("Earlier", steps.join(" → ")));
    }
    let mut days: Vec<String> = Vec::new();
    for (brief, _) in &versions {
        let day = dates.of_brief(brief);
        if !days.contains(&day) {
            days.push(day);
        }
    }
    let words = match days.as_slice() {
        [one] => format!("the brief of {one}"),
        [rest @ .., last] => format!("the briefs of {} and {last}", rest.join(", ")),
        [] => return None,
    };
    Some(("Also in", words))
}

/// `9 Dec 2021, “After the call, …”`: a brief as a row names it.
fn brief_line(brief: &Brief) -> String {
    format!("{}, “{}”", date(&brief.date), line(&brief.title))
}

/// The stances the position rows and their histories hold, in the format's order.
fn stances(listing: &Listing, briefs: &[&Brief]) -> Vec<Stance> {
    let mut found = Vec::new();
    for place in listing.rows().flat_map(|row| std::iter::once(row.at).chain(row.history.iter().map(|v| v.at))) {
        if place.item.section != Section::Positions {
            continue;
        }
        if let Some(brief) = brief_at(briefs, place) {
            found.push(brief.positions[place.item.index()].stance);
        }
    }
    Stance::ALL.iter().copied().filter(|s| found.contains(s)).collect()
}

fn document(listing: &Listing, briefs: &[&Brief]) -> Vec<Block> {
    let drawn = drawn_on(listing, briefs);
    let dates = Dates::of(briefs, &drawn);
    let mut blocks = header(listing, briefs, &drawn);
    if listing.groups.is_empty() {
        blocks.push(Block::Para("Nothing in these briefs.".into()));
    }
    for group in &listing.groups {
        let rows: Vec<Block> = group.rows.iter().filter_map(|row| self::row(row, briefs, dates)).collect();
        blocks.push(Block::Heading(2, format!("{} ({})", line(&group.heading), rows.len())));
        if rows.is_empty() {
            blocks.push(Block::Para("None.".into()));
        }
        blocks.extend(rows);
    }
    blocks
}

/// The title; the dates the briefs span and their markings; the briefs, oldest first; what the
/// stance signs mean, where there are any.
fn header(listing: &Listing, briefs: &[&Brief], drawn: &[usize]) -> Vec<Block> {
    let mut blocks = vec![Block::Heading(1, line(&listing.title))];
    let mut meta = Vec::new();
    if let (Some(&first), Some(&last)) = (drawn.first(), drawn.last()) {
        let (first, last) = (date(&briefs[first].date), date(&briefs[last].date));
        meta.push(if first == last { first } else { format!("{first} to {last}") });
    }
    let mut markings: Vec<String> = Vec::new();
    for marking in drawn.iter().filter_map(|&b| briefs[b].marking.as_deref()).map(line) {
        if !markings.contains(&marking) {
            markings.push(marking);
        }
    }
    // A brief's own marking is named with it where the briefs are not all marked alike.
    let each_marked =
        markings.len() > 1 || (!markings.is_empty() && drawn.iter().any(|&b| briefs[b].marking.is_none()));
    meta.extend(markings);
    if meta.is_empty() {
        meta.push("No briefs.".into());
    }
    blocks.push(Block::Para(meta.join(" · ")));
    let mut fields = Vec::new();
    let values: Vec<Inline> = drawn
        .iter()
        .map(|&b| {
            let brief = briefs[b];
            let mut text = brief_line(brief);
            if each_marked {
                match brief.marking.as_deref() {
                    Some(marking) => text.push_str(&format!(" ({})", line(marking))),
                    None => text.push_str(" (no marking)"),
                }
            }
            Inline::text(text)
        })
        .collect();
    if !values.is_empty() {
        let label = if values.len() == 1 { "Brief" } else { "Briefs" };
        fields.push(Field { label: label.into(), list: values.len() > 1, values });
    }
    let stances = stances(listing, briefs);
    if !stances.is_empty() {
        let legend: Vec<String> = stances.iter().map(|s| glued(&format!("{} {}", s.sign(), s.as_str()))).collect();
        fields.push(Field { label: "Stances".into(), values: vec![Inline::text(legend.join(", "))], list: false });
    }
    if !fields.is_empty() {
        blocks.push(Block::Fields(fields));
    }
    blocks
}

/// `9 Dec 2021 · [occurred] Biden and Putin hold their call.`, then a position's stance, the
/// brief it comes from and its history.
fn row(row: &Row, briefs: &[&Brief], dates: Dates) -> Option<Block> {
    let brief = brief_at(briefs, row.at)?;
    let text = line(&row.text);
    let mut fields = Vec::new();
    // A position's row gives its stance as a sign; a claim's or event's gives its status in words.
    if row.at.item.section == Section::Positions {
        let stance = brief.positions[row.at.item.index()].stance.as_str();
        fields.push(Field { label: "Stance".into(), values: vec![Inline::text(stance)], list: false });
    }
    fields.push(Field { label: "Brief".into(), values: vec![Inline::text(brief_line(brief))], list: false });
    if let Some((label, words)) = history_words(&row.history, briefs, dates) {
        fields.push(Field { label: label.into(), values: vec![Inline::text(words)], list: false });
    }
    let title = match &row.date {
        Some(day) => format!("{} · {text}", date(day)),
        None => text,
    };
    Some(Block::Item(Item { title: Inline::text(title), body: None, fields, quotes: Vec::new() }))
}

// JSON.

/// `{title, about, briefs, groups: [{heading, rows: [{date, text, brief, section, id, state,
/// history: [{brief, section, id, state}]}]}]}`; see the README's "Exporting".
#[derive(Serialize)]
struct ListingJson<'a> {
    title: &'a str,
    /// The item the listing is about, in the latest brief that has it; `null` for the timeline.
    about: Option<ItemJson<'a>>,
    /// The briefs the rows come from, oldest first.
    briefs: Vec<BriefJson<'a>>,
    groups: Vec<GroupJson<'a>>,
}

#[derive(Serialize)]
struct BriefJson<'a> {
    id: &'a str,
    title: &'a str,
    date: &'a Date,
    marking: Option<&'a str>,
}

impl<'a> BriefJson<'a> {
    fn of(brief: &'a Brief) -> BriefJson<'a> {
        BriefJson { id: &brief.id, title: &brief.title, date: &brief.date, marking: brief.marking.as_deref() }
    }
}

#[derive(Serialize)]
struct ItemJson<'a> {
    brief: &'a str,
    section: &'static str,
    id: &'a str,
}

#[derive(Serialize)]
struct GroupJson<'a> {
    heading: &'a str,
    rows: Vec<RowJson<'a>>,
}

#[derive(Serialize)]
struct RowJson<'a> {
    /// ISO 8601, as written.
    date: Option<&'a Date>,
    text: &'a str,
    brief: BriefJson<'a>,
    section: &'static str,
    id: &'a str,
    /// Its status or stance in that brief; `null` for quotes.
    state: Option<&'static str>,
    /// The earlier briefs' versions, oldest first.
    history: Vec<VersionJson<'a>>,
}

#[derive(Serialize)]
struct VersionJson<'a> {
    brief: BriefJson<'a>,
    section: &'static str,
    id: &'a str,
    state: Option<&'a str>,
}

fn json(listing: &Listing, briefs: &[&Brief]) -> String {
    let out = ListingJson {
        title: &listing.title,
        about: listing.about.and_then(|about| {
            let brief = brief_at(briefs, about)?;
            Some(ItemJson { brief: &brief.id, section: about.item.section.key(), id: brief.id_of(about.item) })
        }),
        briefs: drawn_on(listing, briefs).into_iter().map(|b| BriefJson::of(briefs[b])).collect(),
        groups: listing
            .groups
            .iter()
            .map(|group| GroupJson {
                heading: &group.heading,
                rows: group.rows.iter().filter_map(|row| row_json(row, briefs)).collect(),
            })
            .collect(),
    };
    let json = serde_json::to_string_pretty(&out).expect("a listing serializes: all keys are strings");
    let mut out = crate::text::json_escape_unsafe(json);
    out.push('\n');
    out
}

fn row_json<'a>(row: &'a Row, briefs: &[&'a Brief]) -> Option<RowJson<'a>> {
    let brief = brief_at(briefs, row.at)?;
    Some(RowJson {
        date: row.date.as_ref(),
        text: &row.text,
        brief: BriefJson::of(brief),
        section: row.at.item.section.key(),
        id: brief.id_of(row.at.item),
        state: state_of(brief, row.at.item),
        history: row.history.iter().filter_map(|v| version_json(v, briefs)).collect(),
    })
}

fn version_json<'a>(version: &'a Version, briefs: &[&'a Brief]) -> Option<VersionJson<'a>> {
    let brief = brief_at(briefs, version.at)?;
    Some(VersionJson {
        brief: BriefJson::of(brief),
        section: version.at.item.section.key(),
        id: brief.id_of(version.at.item),
        state: version.state,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::Library;
    use crate::model::ItemRef;
    use crate::text::wrap::GLUE;

    fn bundled() -> Vec<Brief> {
        crate::sample::load_all().into_iter().flat_map(crate::load::LoadedFile::into_valid_briefs).collect()
    }

    /// The bundled briefs' places of an id, oldest brief first.
    fn places(refs: &[&Brief], id: &str) -> Vec<Place> {
        Library::build(refs).places(refs, id).collect()
    }

    fn words(history: &[Version], refs: &[&Brief], short: bool) -> Option<(&'static str, String)> {
        history_words(history, refs, Dates { short }).map(|(label, words)| (label, words.replace(GLUE, " ")))
    }

    #[test]
    fn a_status_over_time_reads_as_steps() {
        let briefs = bundled();
        let refs: Vec<&Brief> = briefs.iter().collect();
        let timeline = Library::build(&refs).timeline(&refs, None);
        let call = timeline.rows().find(|r| refs[r.at.brief()].id_of(r.at.item) == "e-biden-putin-call").unwrap();
        assert_eq!(
            words(&call.history, &refs, true),
            Some(("Earlier", "6 Dec scheduled → 7 Dec occurred".to_string()))
        );
        assert_eq!(
            words(&call.history, &refs, false),
            Some(("Earlier", "6 Dec 2021 scheduled → 7 Dec 2021 occurred".to_string()))
        );
        assert_eq!(words(&[], &refs, true), None, "no earlier version, nothing to say");
    }

    #[test]
    fn an_item_without_a_state_is_also_in_the_earlier_briefs() {
        let briefs = bundled();
        let refs: Vec<&Brief> = briefs.iter().collect();
        // Putin is in every brief: his places stand in for a quote's, which carry no state.
        let putin = places(&refs, "putin");
        let versions: Vec<Version> = putin.iter().map(|&at| Version { at, state: None }).collect();
        assert_eq!(words(&versions[..1], &refs, true), Some(("Also in", "the brief of 6 Dec".to_string())));
        assert_eq!(words(&versions[..2], &refs, true), Some(("Also in", "the briefs of 6 Dec and 7 Dec".to_string())));
        assert_eq!(
            words(&versions, &refs, true),
            Some(("Also in", "the briefs of 6 Dec, 7 Dec and 9 Dec".to_string()))
        );
        let twice = [versions[0].clone(), versions[0].clone()];
        assert_eq!(words(&twice, &refs, true), Some(("Also in", "the brief of 6 Dec".to_string())), "each brief once");
    }

    #[test]
    fn versions_in_briefs_not_given_are_left_out() {
        let briefs = bundled();
        let refs: Vec<&Brief> = briefs.iter().collect();
        let gone = Version { at: Place::new(99, ItemRef::new(Section::Events, 0)), state: Some("scheduled") };
        let no_item = Version { at: Place::new(0, ItemRef::new(Section::Events, 9999)), state: None };
        assert_eq!(words(&[gone, no_item], &refs, true), None);
    }

    #[test]
    fn briefs_of_different_years_are_named_with_the_year() {
        let briefs = bundled();
        let mut refs: Vec<&Brief> = briefs.iter().collect();
        // The latest brief a year on: the call's earlier versions are still of 2021.
        let latest = briefs.iter().position(|b| b.date.to_string() == "2021-12-09").unwrap();
        let mut next_year = briefs[latest].clone();
        next_year.date.year += 1;
        refs[latest] = &next_year;
        let drawn: Vec<usize> = (0..refs.len()).collect();
        assert_eq!(Dates::of(&refs, &drawn), Dates { short: false });
        let of_2021: Vec<usize> = drawn.iter().copied().filter(|&b| b != latest).collect();
        assert_eq!(Dates::of(&refs, &of_2021), Dates { short: true });
        let listing = Library::build(&refs).timeline(&refs, None);
        let text = super::listing(&listing, &refs, &Options { format: Format::Text, width: 0 });
        assert!(text.contains("Earlier: 6 Dec 2021 scheduled → 7 Dec 2021 occurred"), "{text}");
    }

    #[test]
    fn text_from_a_brief_cannot_drive_the_terminal() {
        let briefs = bundled();
        let mut hostile = briefs[0].clone();
        hostile.title = "Title \u{1b}]0;pwned\u{7} \u{202e}evil".into();
        hostile.marking = Some("\u{1b}[5mBLINK".into());
        hostile.quotes[0].text = "\u{1b}[31mred\u{1b}[0m\nsecond line \u{9b}2J".into();
        let mut refs: Vec<&Brief> = briefs.iter().collect();
        refs[0] = &hostile;
        let library = Library::build(&refs);
        let speaker = hostile.quotes[0].speaker.id.to_string();
        let dossier = library.dossier(&refs, &speaker).unwrap();
        let timeline = library.timeline(&refs, None);
        for listing in [&dossier, &timeline] {
            for format in Format::ALL {
                let out = super::listing(listing, &refs, &Options { format, width: 60 });
                assert!(!out.chars().any(|c| c != '\n' && crate::text::is_unsafe(c)), "{format:?}:\n{out}");
                if format == Format::Json {
                    let value: serde_json::Value = serde_json::from_str(&out).unwrap();
                    assert!(value.to_string().contains("\\u001b[5mBLINK"), "JSON keeps the data");
                } else {
                    // Markdown escapes the brackets as well.
                    let shown = out.replace('\\', "");
                    assert!(shown.contains("␛[31mred␛[0m second line [U+009B]2J"), "{format:?}:\n{out}");
                    assert!(shown.contains("[RLO]evil") && shown.contains("␛[5mBLINK"), "{format:?}:\n{out}");
                }
            }
        }
    }

    #[test]
    fn text_fits_the_width_and_zero_does_not_wrap() {
        let briefs = bundled();
        let refs: Vec<&Brief> = briefs.iter().collect();
        let timeline = Library::build(&refs).timeline(&refs, None);
        for width in [30, 50, 80] {
            let out = listing(&timeline, &refs, &Options { format: Format::Text, width });
            assert!(out.lines().all(|l| crate::text::cells(l) <= width), "width {width}:\n{out}");
        }
        let out = listing(&timeline, &refs, &Options { format: Format::Text, width: 0 });
        assert!(out.lines().any(|l| crate::text::cells(l) > 200), "a long claim on one line");
    }

    #[test]
    fn a_position_says_who_holds_it_and_its_stance() {
        let briefs = bundled();
        let refs: Vec<&Brief> = briefs.iter().collect();
        let library = Library::build(&refs);
        let timeline = listing_text(&library.timeline(&refs, None), &refs);
        assert!(timeline.contains("· Vladimir Putin (opposes): Treats any extension"), "{timeline}");
        assert!(timeline.contains("  Stance: opposes\n"), "{timeline}");
    }

    fn listing_text(listing: &Listing, refs: &[&Brief]) -> String {
        super::listing(listing, refs, &Options { format: Format::Text, width: 0 })
    }

    #[test]
    fn an_empty_listing_still_names_its_briefs() {
        let briefs = bundled();
        let refs: Vec<&Brief> = briefs.iter().collect();
        let empty = Listing { title: "Nobody across 0 briefs".into(), about: None, groups: Vec::new() };
        let text = listing_text(&empty, &refs);
        assert!(text.contains("Briefs:\n  - 6 Dec 2021") && text.ends_with("Nothing in these briefs.\n"), "{text}");
        let none = listing_text(&empty, &[]);
        assert_eq!(none, "Nobody across 0 briefs\n======================\nNo briefs.\n\nNothing in these briefs.\n");
    }
}
