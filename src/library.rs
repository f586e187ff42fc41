//! Reading across briefs opened together: the library. The same id means the same actor, topic
//! or source in every brief, and the same claim, position, quote or event followed over time
//! (see `docs/brief-format.md`). The library is built once over the briefs: their order by date
//! and, for every id, where it appears. The dossier of an id and the timeline across briefs are
//! [`Listing`]s, which the reader draws and `export` writes.

use std::collections::HashSet;

/// Ids hash with foldhash: the std hasher took a tenth of a timeline across 2,000 briefs.
type Hasher = foldhash::fast::RandomState;

use crate::model::{Brief, Date, ItemRef, Section, Stance, Vocabulary};

/// An item of one brief: the brief's place among the briefs given, and the item there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Place {
    pub brief: u32,
    pub item: ItemRef,
}

impl Place {
    pub fn new(brief: usize, item: ItemRef) -> Place {
        Place { brief: brief as u32, item }
    }

    pub fn brief(self) -> usize {
        self.brief as usize
    }
}

/// The briefs' order in time and where each id appears. No brief is held: every question takes
/// the same briefs, in the same order, as [`Library::build`] did.
#[derive(Debug, Clone, Default)]
pub struct Library {
    /// The briefs, oldest first: by date, then title, then the order given.
    oldest_first: Vec<u32>,
    /// Each brief's rank in `oldest_first`.
    rank: Vec<u32>,
    /// The briefs as the library lists them: newest day first, a day's briefs by title.
    newest_first: Vec<u32>,
    /// Every item's place, sorted by the hash of its id and, for one id, oldest brief first;
    /// `hashes` beside it. Ids are not copied (a map of them took 26 MB for 2,000 briefs): a
    /// lookup checks each place of the hash against the briefs.
    places: Vec<Place>,
    hashes: Vec<u64>,
}

impl Library {
    pub fn build(briefs: &[&Brief]) -> Library {
        let mut oldest_first: Vec<u32> = (0..briefs.len() as u32).collect();
        oldest_first.sort_by(|&a, &b| {
            let (a, b) = (briefs[a as usize], briefs[b as usize]);
            a.date.cmp(&b.date).then_with(|| a.title.cmp(&b.title))
        });
        let mut rank = vec![0; briefs.len()];
        for (r, &b) in oldest_first.iter().enumerate() {
            rank[b as usize] = r as u32;
        }
        let same_day = |a: &u32, b: &u32| briefs[*a as usize].date == briefs[*b as usize].date;
        let newest_first = oldest_first.chunk_by(same_day).rev().flatten().copied().collect();
        let mut keyed: Vec<(u64, u32, Place)> = Vec::new();
        for (r, &b) in oldest_first.iter().enumerate() {
            let brief = briefs[b as usize];
            for section in Section::ALL {
                for item in brief.items(section) {
                    keyed.push((crate::model::id_hash(brief.id_of(item)), r as u32, Place::new(b as usize, item)));
                }
            }
        }
        keyed.sort_unstable_by_key(|&(hash, rank, place)| (hash, rank, place.item.section, place.item.index));
        let hashes = keyed.iter().map(|&(hash, ..)| hash).collect();
        let places = keyed.into_iter().map(|(.., place)| place).collect();
        Library { oldest_first, rank, newest_first, places, hashes }
    }

    /// How many briefs it was built on.
    pub fn len(&self) -> usize {
        self.oldest_first.len()
    }

    pub fn is_empty(&self) -> bool {
        self.oldest_first.is_empty()
    }

    /// The briefs, oldest first.
    pub fn oldest_first(&self) -> impl DoubleEndedIterator<Item = usize> + ExactSizeIterator + '_ {
        self.oldest_first.iter().map(|&b| b as usize)
    }

    /// The briefs as the library lists them: the newest day first, a day's briefs by title.
    pub fn newest_first(&self) -> impl Iterator<Item = usize> + '_ {
        self.newest_first.iter().map(|&b| b as usize)
    }

    /// A brief's place in time among the others: 0 for the oldest.
    pub fn rank(&self, brief: usize) -> usize {
        self.rank[brief] as usize
    }

    /// The brief next in time after (or before) one, if any.
    pub fn step(&self, brief: usize, newer: bool) -> Option<usize> {
        let rank = self.rank(brief);
        let next = if newer { rank.checked_add(1) } else { rank.checked_sub(1) }?;
        self.oldest_first.get(next).map(|&b| b as usize)
    }

    /// Where an id appears in the briefs the library was built on, oldest brief first.
    pub fn places<'a>(&'a self, briefs: &'a [&Brief], id: &'a str) -> impl DoubleEndedIterator<Item = Place> + 'a {
        let hash = crate::model::id_hash(id);
        let start = self.hashes.partition_point(|&h| h < hash);
        let end = self.hashes.partition_point(|&h| h <= hash);
        self.places[start..end].iter().copied().filter(move |p| {
            let brief = briefs.get(p.brief());
            brief.is_some_and(|b| p.item.index() < b.len(p.item.section) && b.id_of(p.item) == id)
        })
    }

    /// How many briefs an id appears in.
    pub fn brief_count(&self, briefs: &[&Brief], id: &str) -> usize {
        let mut found: Vec<u32> = self.places(briefs, id).map(|p| p.brief).collect();
        found.dedup();
        found.len()
    }

    /// Everything about an id across the briefs: for an actor their quotes, their positions per
    /// topic over time, their claims and what was said on their behalf; for a topic who stood
    /// where, brief by brief, and its claims; for any other item its versions brief by brief.
    /// `None` when no brief has the id.
    pub fn dossier(&self, briefs: &[&Brief], id: &str) -> Option<Listing> {
        let latest = self.places(briefs, id).next_back()?;
        let brief = briefs[latest.brief()];
        let count = self.brief_count(briefs, id);
        // An actor or topic by name; another item, whose name is its text, by kind and id.
        let name = match latest.item.section {
            Section::Actors | Section::Topics => crate::text::one_line(brief.name_of(latest.item)).into_owned(),
            section => format!("{} {id},", section.singular()),
        };
        let title = format!("{name} across {count} {}", plural(count, "brief", "briefs"));
        let groups = match latest.item.section {
            Section::Actors => self.actor_dossier(briefs, id),
            Section::Topics => self.topic_dossier(briefs, id),
            _ => vec![self.versions(briefs, id)],
        };
        Some(Listing {
            title,
            about: Some(latest),
            groups: groups.into_iter().filter(|g| !g.rows.is_empty()).collect(),
        })
    }

    /// Stances over time: for an actor, one row per topic; for a topic, one per actor. Empty for
    /// other items and ids in no brief.
    pub fn stances_over_time(&self, briefs: &[&Brief], id: &str) -> Vec<Row> {
        let on = |r: &Option<crate::model::Ref>| r.as_ref().is_some_and(|t| &*t.id == id);
        match self.places(briefs, id).next_back().map(|p| p.item.section) {
            Some(Section::Actors) => {
                self.stances(briefs, |p| (&*p.actor.id == id).then(|| p.topic.as_ref().map(|t| &*t.id)))
            }
            Some(Section::Topics) => self.stances(briefs, |p| on(&p.topic).then_some(Some(&*p.actor.id))),
            _ => Vec::new(),
        }
    }

    fn actor_dossier(&self, briefs: &[&Brief], id: &str) -> Vec<ListGroup> {
        let quotes = self.items_where(briefs, Section::Quotes, |brief, item| &*brief.quotes[item].speaker.id == id);
        let behalf = self.items_where(briefs, Section::Quotes, |brief, item| {
            brief.quotes[item].on_behalf_of.as_ref().is_some_and(|r| &*r.id == id)
        });
        let claims =
            self.items_where(briefs, Section::Claims, |brief, item| brief.claims[item].by.iter().any(|r| &*r.id == id));
        let positions = self
            .stances(briefs, |position| (&*position.actor.id == id).then(|| position.topic.as_ref().map(|t| &*t.id)));
        vec![
            ListGroup { heading: "Positions by topic over time".into(), rows: positions },
            ListGroup { heading: "Quotes".into(), rows: quotes },
            ListGroup { heading: "Claims".into(), rows: claims },
            ListGroup { heading: "Said on their behalf".into(), rows: behalf },
        ]
    }

    fn topic_dossier(&self, briefs: &[&Brief], id: &str) -> Vec<ListGroup> {
        let on_topic = |topic: &Option<crate::model::Ref>| topic.as_ref().is_some_and(|t| &*t.id == id);
        let stances = self.stances(briefs, |position| on_topic(&position.topic).then_some(Some(&*position.actor.id)));
        let claims = self.items_where(briefs, Section::Claims, |brief, item| on_topic(&brief.claims[item].topic));
        vec![
            ListGroup { heading: "Who stood where, brief by brief".into(), rows: stances },
            ListGroup { heading: "Claims".into(), rows: claims },
        ]
    }

    /// One item's versions, brief by brief.
    fn versions(&self, briefs: &[&Brief], id: &str) -> ListGroup {
        let rows = self
            .places(briefs, id)
            .map(|place| {
                let brief = briefs[place.brief()];
                Row {
                    date: Some(brief.date.clone()),
                    text: version_text(brief, place.item),
                    at: place,
                    history: Vec::new(),
                }
            })
            .collect();
        ListGroup { heading: "Brief by brief".into(), rows }
    }

    /// The items of a section that meet a test, once per id: the latest brief's version, with
    /// the briefs before it that had the id as its history, in date order.
    fn items_where(&self, briefs: &[&Brief], section: Section, test: impl Fn(&Brief, usize) -> bool) -> Vec<Row> {
        // The ids that meet the test in some brief, then every version of each: a claim by
        // Biden on 7 December keeps its 6 December version even where that one named no one.
        // Text is laid out only for the rows kept.
        let mut ids: Vec<&str> = Vec::new();
        let mut seen: HashSet<&str, Hasher> = HashSet::default();
        for b in self.oldest_first() {
            let brief = briefs[b];
            for item in brief.items(section) {
                if test(brief, item.index()) && seen.insert(brief.id_of(item)) {
                    ids.push(brief.id_of(item));
                }
            }
        }
        let mut rows: Vec<Row> = ids
            .into_iter()
            .filter_map(|id| {
                let places: Vec<Place> = self.places(briefs, id).filter(|p| p.item.section == section).collect();
                let (&at, earlier) = places.split_last()?;
                let brief = briefs[at.brief()];
                let history = earlier.iter().map(|&at| Version { at, state: state_of(briefs[at.brief()], at.item) });
                Some(Row {
                    date: item_date(brief, at.item),
                    text: version_text(brief, at.item),
                    at,
                    history: history.collect(),
                })
            })
            .collect();
        // By key, not in place: a row is large to move, and a date costs to compare.
        rows.sort_by_cached_key(|row| row.date.clone());
        rows
    }

    /// Stances over time, one row per key a position gives (`keyed` returns `None` for a
    /// position that does not belong, `Some(key)` for one that does): "sanctions: + 6 Dec →
    /// + 7 Dec → ± 9 Dec". The row is at the latest position, the earlier ones its history.
    fn stances<'b>(
        &self,
        briefs: &[&'b Brief],
        keyed: impl Fn(&'b crate::model::Position) -> Option<Option<&'b str>>,
    ) -> Vec<Row> {
        let mut by_key: Vec<(Option<&str>, Vec<Place>)> = Vec::new();
        for b in self.oldest_first() {
            let brief: &'b Brief = briefs[b];
            for (i, position) in brief.positions.iter().enumerate() {
                let Some(key) = keyed(position) else { continue };
                let place = Place::new(b, ItemRef::new(Section::Positions, i));
                match by_key.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, places)) => places.push(place),
                    None => by_key.push((key, vec![place])),
                }
            }
        }
        by_key
            .into_iter()
            .filter_map(|(key, mut places)| {
                let stance_at = |p: &Place| briefs[p.brief()].positions[p.item.index()].stance;
                // Two positions of one brief with one stance are one step of the course.
                places.dedup_by(|b, a| a.brief == b.brief && stance_at(a) == stance_at(b));
                let (&latest, earlier) = places.split_last()?;
                let latest_brief = briefs[latest.brief()];
                let label = match key {
                    Some(key) => self.name_in_latest(briefs, key).unwrap_or_else(|| key.to_string()),
                    None => "no topic".to_string(),
                };
                let steps = stance_steps(&places, stance_at, |p| short_date(&briefs[p.brief()].date));
                let history =
                    earlier.iter().map(|&at| Version { at, state: state_of(briefs[at.brief()], at.item) }).collect();
                Some(Row {
                    date: Some(latest_brief.date.clone()),
                    text: format!("{label}: {}", steps.join(" → ")),
                    at: latest,
                    history,
                })
            })
            .collect()
    }

    /// The name an id has in the latest brief that has it.
    fn name_in_latest(&self, briefs: &[&Brief], id: &str) -> Option<String> {
        let place = self.places(briefs, id).next_back()?;
        Some(crate::text::one_line(briefs[place.brief()].name_of(place.item)).into_owned())
    }

    /// Events and the dated quotes, claims and positions of every brief in date order, once per
    /// id: the latest brief's version, with the earlier ones as its history. With `about` (an
    /// actor's or a topic's id), only what involves it.
    pub fn timeline(&self, briefs: &[&Brief], about: Option<&str>) -> Listing {
        let mut rows = Vec::new();
        for section in [Section::Events, Section::Quotes, Section::Claims, Section::Positions] {
            let dated = |brief: &Brief, item: usize| {
                let item = ItemRef::new(section, item);
                dated_on_its_own(brief, item) && about.is_none_or(|id| involves(brief, item, id))
            };
            rows.extend(self.items_where(briefs, section, dated));
        }
        // Events before what was said on the same date, as the sections are taken.
        rows.sort_by_cached_key(|row| row.date.clone());
        let title = match about {
            Some(id) => {
                let name = self.name_in_latest(briefs, id).unwrap_or_else(|| id.to_string());
                format!("Timeline across {} {}: {name}", self.len(), plural(self.len(), "brief", "briefs"))
            }
            None => format!("Timeline across {} {}", self.len(), plural(self.len(), "brief", "briefs")),
        };
        let about = about.and_then(|id| self.places(briefs, id).next_back());
        Listing { title, about, groups: vec![ListGroup { heading: "In date order".into(), rows }] }
    }
}

/// A stance's course, step by step: `+ 6 Dec → + 7 Dec → ± 9 Dec`. A run of more than three
/// briefs with the same stance is one step, `+ 2 Jan … 30 Mar (40 briefs)`, so that a year of
/// briefs reads as its changes.
fn stance_steps(places: &[Place], stance: impl Fn(&Place) -> Stance, date: impl Fn(&Place) -> String) -> Vec<String> {
    let mut steps = Vec::new();
    for run in places.chunk_by(|a, b| stance(a) == stance(b)) {
        let sign = stance(&run[0]).sign();
        match run {
            [first, .., last] if run.len() > 3 => {
                steps.push(format!("{sign} {} … {} ({} briefs)", date(first), date(last), run.len()))
            }
            _ => steps.extend(run.iter().map(|p| format!("{sign} {}", date(p)))),
        }
    }
    steps
}

/// What the library lists about an id, or its timeline: groups of rows, each row an item of
/// one brief to follow into it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listing {
    pub title: String,
    /// The item it is about, in the latest brief that has it.
    pub about: Option<Place>,
    pub groups: Vec<ListGroup>,
}

impl Listing {
    /// Every row, group after group.
    pub fn rows(&self) -> impl Iterator<Item = &Row> {
        self.groups.iter().flat_map(|g| &g.rows)
    }

    pub fn row_count(&self) -> usize {
        self.groups.iter().map(|g| g.rows.len()).sum()
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListGroup {
    pub heading: String,
    pub rows: Vec<Row>,
}

/// One line of a listing: the date it is of, what it says, the item it is (its latest version),
/// and the earlier versions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub date: Option<Date>,
    pub text: String,
    pub at: Place,
    pub history: Vec<Version>,
}

/// An earlier version of an item: where, and its status or stance there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Version {
    pub at: Place,
    pub state: Option<&'static str>,
}

/// The status or stance an item has in a brief, in words: what changes over time.
pub fn state_of(brief: &Brief, item: ItemRef) -> Option<&'static str> {
    let i = item.index();
    match item.section {
        Section::Claims => Some(brief.claims[i].status.as_str()),
        Section::Positions => Some(brief.positions[i].stance.as_str()),
        Section::Events => Some(brief.events[i].status.as_str()),
        _ => None,
    }
}

/// An item's text as a listing shows it, with its status or stance where it has one.
fn version_text(brief: &Brief, item: ItemRef) -> String {
    let i = item.index();
    match item.section {
        Section::Quotes => {
            let quote = &brief.quotes[i];
            format!("{}: “{}”", actor_name(brief, &quote.speaker), quote.text)
        }
        Section::Positions => {
            let position = &brief.positions[i];
            format!("{} ({}): {}", actor_name(brief, &position.actor), position.stance.as_str(), position.text)
        }
        Section::Claims | Section::Events => {
            format!("[{}] {}", state_of(brief, item).unwrap_or_default(), brief.name_of(item))
        }
        _ => brief.name_of(item).to_string(),
    }
}

/// The name of the actor a reference is to, else its id. Found by a scan of the brief's actors:
/// the library holds no index, and a listing names only the rows it keeps.
fn actor_name<'b>(brief: &'b Brief, actor: &'b crate::model::Ref) -> &'b str {
    brief.actors.iter().find(|a| a.id == actor.id).map_or(&*actor.id, |a| &a.name)
}

/// Whether an item carries a date of its own (an event always does).
fn dated_on_its_own(brief: &Brief, item: ItemRef) -> bool {
    let i = item.index();
    match item.section {
        Section::Events => true,
        Section::Quotes => brief.quotes[i].date.is_some(),
        Section::Claims => brief.claims[i].date.is_some(),
        Section::Positions => brief.positions[i].date.is_some(),
        _ => false,
    }
}

/// The date an item is of: its own, else its brief's.
fn item_date(brief: &Brief, item: ItemRef) -> Option<Date> {
    let i = item.index();
    let own = match item.section {
        Section::Events => Some(&brief.events[i].date),
        Section::Quotes => brief.quotes[i].date.as_ref(),
        Section::Claims => brief.claims[i].date.as_ref(),
        Section::Positions => brief.positions[i].date.as_ref(),
        _ => None,
    };
    Some(own.unwrap_or(&brief.date).clone())
}

/// Whether an item involves an actor or a topic: who acts in an event, speaks or is spoken for
/// or of in a quote, makes a claim or holds a position; the topic a claim or position is on.
fn involves(brief: &Brief, item: ItemRef, id: &str) -> bool {
    let i = item.index();
    let is = |r: &crate::model::Ref| &*r.id == id;
    match item.section {
        Section::Events => brief.events[i].actors.iter().any(is),
        Section::Quotes => {
            let q = &brief.quotes[i];
            is(&q.speaker) || q.on_behalf_of.as_ref().is_some_and(is) || q.mentions.iter().any(is)
        }
        Section::Claims => {
            let c = &brief.claims[i];
            c.by.iter().any(is) || c.topic.as_ref().is_some_and(is)
        }
        Section::Positions => {
            let p = &brief.positions[i];
            is(&p.actor) || p.topic.as_ref().is_some_and(is)
        }
        _ => false,
    }
}

/// A date short enough for a line of stances: `6 Dec`, `Dec 2021`, `2021`.
pub fn short_date(date: &Date) -> String {
    let human = Date { time: None, ..date.clone() }.human();
    match (date.month, date.day) {
        (Some(_), Some(_)) => human.rsplit_once(' ').map_or(human.clone(), |(day_month, _)| day_month.to_string()),
        _ => human,
    }
}

fn plural(count: usize, one: &'static str, many: &'static str) -> &'static str {
    if count == 1 { one } else { many }
}

impl Stance {
    /// One glyph that reads without colour: `+` supports, `-` opposes, `=` neutral, `±` mixed,
    /// `?` unclear.
    pub fn sign(self) -> &'static str {
        match self {
            Stance::Supports => "+",
            Stance::Opposes => "-",
            Stance::Neutral => "=",
            Stance::Mixed => "±",
            Stance::Unclear => "?",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bundled() -> Vec<Brief> {
        crate::sample::load_all().into_iter().flat_map(crate::load::LoadedFile::into_valid_briefs).collect()
    }

    #[test]
    fn briefs_are_ordered_by_date_then_title_never_by_file() {
        let mut briefs = bundled();
        briefs.reverse();
        let refs: Vec<&Brief> = briefs.iter().collect();
        let library = Library::build(&refs);
        let dates: Vec<String> = library.oldest_first().map(|b| refs[b].date.to_string()).collect();
        assert_eq!(dates, ["2021-12-06", "2021-12-07", "2021-12-09"]);
        assert_eq!(library.step(library.oldest_first().next().unwrap(), true), library.oldest_first().nth(1));
        assert_eq!(library.step(library.oldest_first().next().unwrap(), false), None);
    }

    #[test]
    fn the_library_lists_the_newest_day_first_and_a_days_briefs_by_title() {
        let mut briefs = bundled();
        briefs[0].title = "Zulu".into();
        briefs[1].title = "Alpha".into();
        briefs[1].date = briefs[0].date.clone();
        let refs: Vec<&Brief> = briefs.iter().collect();
        let library = Library::build(&refs);
        assert_eq!(library.newest_first().collect::<Vec<_>>(), [2, 1, 0]);
        assert_eq!(library.oldest_first().collect::<Vec<_>>(), [1, 0, 2]);
    }

    #[test]
    fn an_actors_dossier_follows_their_stance_per_topic_over_time() {
        let briefs = bundled();
        let refs: Vec<&Brief> = briefs.iter().collect();
        let library = Library::build(&refs);
        let dossier = library.dossier(&refs, "biden").expect("Biden is in the library");
        assert_eq!(dossier.title, "Joe Biden across 3 briefs");
        let positions = &dossier.groups[0];
        assert_eq!(positions.heading, "Positions by topic over time");
        let sanctions = positions
            .rows
            .iter()
            .find(|r| r.text.starts_with("Western economic sanctions"))
            .expect("a row on sanctions");
        assert_eq!(sanctions.text, "Western economic sanctions on Russia: + 6 Dec → + 7 Dec → + 9 Dec");
        assert_eq!(sanctions.at.brief(), library.oldest_first().last().unwrap(), "the row is at the latest version");
        let quotes = dossier.groups.iter().find(|g| g.heading == "Quotes").expect("Biden is quoted");
        let dates: Vec<&Option<Date>> = quotes.rows.iter().map(|r| &r.date).collect();
        assert!(dates.windows(2).all(|w| w[0] <= w[1]), "quotes by date");
        let ids: std::collections::HashSet<&str> =
            quotes.rows.iter().map(|r| refs[r.at.brief()].id_of(r.at.item)).collect();
        assert_eq!(ids.len(), quotes.rows.len(), "each quote once");
    }

    #[test]
    fn the_timeline_keeps_the_latest_version_and_the_earlier_as_history() {
        let briefs = bundled();
        let refs: Vec<&Brief> = briefs.iter().collect();
        let library = Library::build(&refs);
        let timeline = library.timeline(&refs, None);
        let rows = &timeline.groups[0].rows;
        assert!(rows.windows(2).all(|w| w[0].date <= w[1].date));
        let call = rows.iter().find(|r| refs[r.at.brief()].id_of(r.at.item) == "e-biden-putin-call").expect("the call");
        assert_eq!(call.at.brief(), library.oldest_first().last().unwrap());
        assert_eq!(call.history.first().and_then(|v| v.state), Some("scheduled"));
        let about_putin = library.timeline(&refs, Some("putin"));
        assert!(about_putin.row_count() < timeline.row_count() && about_putin.row_count() > 0);
        assert!(about_putin.rows().all(|r| involves(refs[r.at.brief()], r.at.item, "putin")));
    }

    #[test]
    fn short_dates_drop_the_year_only_of_a_day() {
        assert_eq!(short_date(&Date::parse("2021-12-06").unwrap()), "6 Dec");
        assert_eq!(short_date(&Date::parse("2021-12").unwrap()), "Dec 2021");
        assert_eq!(short_date(&Date::parse("2021-12-06T10:00:00Z").unwrap()), "6 Dec");
    }
}
