//! The reverse cross-references, built once per brief: each reference is written once in the
//! file, in one direction; this index answers the other direction in one step.

mod references;

pub use references::{Group, Relation, references};

use crate::model::{Brief, IdTable, ItemRef, Ref, Section, Stance};

/// One relation for every item of a section, stored compactly: for item `i`, the positions
/// (in another section) it is linked to, in file order, or for events in date order. A brief of 100,000 quotes spends four
/// bytes per quote per relation, plus four per link.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Links {
    /// `targets[starts[i]..starts[i + 1]]` are item `i`'s links.
    starts: Vec<u32>,
    targets: Vec<u32>,
}

impl Links {
    /// Builds the relation from `(item, target)` pairs, for `items` items. Each item's links
    /// come out in the file order of their targets; a pair given twice is kept once.
    fn from_pairs(items: usize, mut pairs: Vec<(u32, u32)>) -> Links {
        pairs.sort_unstable();
        pairs.dedup();
        let mut starts = Vec::with_capacity(items + 1);
        let mut targets = Vec::with_capacity(pairs.len());
        let mut next = pairs.iter().peekable();
        for item in 0..items as u32 {
            starts.push(targets.len() as u32);
            while let Some(&(_, target)) = next.next_if(|(i, _)| *i == item) {
                targets.push(target);
            }
        }
        starts.push(targets.len() as u32);
        Links { starts, targets }
    }

    /// Item `i`'s links.
    pub fn of(&self, i: usize) -> &[u32] {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&start), Some(&end)) => &self.targets[start as usize..end as usize],
            _ => &[],
        }
    }
}

/// What points at actors.
#[derive(Debug, Clone, Default)]
pub struct ActorLinks {
    /// Quotes it spoke.
    pub quotes: Links,
    /// Quotes others spoke on its behalf (their `speaks_for`, or the quote's `on_behalf_of`).
    pub spoken_for: Links,
    /// Claims it asserts.
    pub claims: Links,
    /// Positions it holds.
    pub positions: Links,
    /// Quotes that mention it.
    pub mentioned_in: Links,
    /// Events it is part of, in date order.
    pub events: Links,
    /// Actors whose affiliation it is.
    pub members: Links,
    /// Actors that speak for it.
    pub spokespeople: Links,
}

/// What points at claims.
#[derive(Debug, Clone, Default)]
pub struct ClaimLinks {
    /// Positions that back it.
    pub supported_by: Links,
    /// Positions that contest it.
    pub disputed_by: Links,
}

/// What points at quotes, and on whose behalf each was said.
#[derive(Debug, Clone, Default)]
pub struct QuoteLinks {
    /// The actors the speaker spoke for when saying it.
    pub principals: Links,
    /// Claims it backs.
    pub claims: Links,
    /// Positions it evidences.
    pub positions: Links,
}

/// What points at topics.
#[derive(Debug, Clone, Default)]
pub struct TopicLinks {
    pub positions: Links,
    pub claims: Links,
}

/// What cites each source: every item, in section order, events in date order.
#[derive(Debug, Clone, Default)]
pub struct SourceLinks {
    pub claims: Links,
    pub positions: Links,
    pub quotes: Links,
    pub events: Links,
}

/// The cross-references of one brief.
#[derive(Debug, Clone, Default)]
pub struct Index {
    ids: IdTable,
    /// Event indices in date order, events on the same date as written.
    timeline: Vec<u32>,
    /// Each event's place in the timeline.
    timeline_places: Vec<u32>,
    pub actors: ActorLinks,
    pub claims: ClaimLinks,
    pub quotes: QuoteLinks,
    pub topics: TopicLinks,
    pub sources: SourceLinks,
}

/// Collects `(item, target)` pairs for one relation.
#[derive(Default)]
struct Pairs(Vec<(u32, u32)>);

impl Pairs {
    fn add(&mut self, item: usize, target: usize) {
        self.0.push((item as u32, target as u32));
    }

    fn into_links(self, items: usize) -> Links {
        Links::from_pairs(items, self.0)
    }

    /// Like `into_links`, for pairs whose target is its place in `order`: each item's links
    /// come out in that order, as the targets themselves.
    fn into_links_in(self, items: usize, order: &[u32]) -> Links {
        let mut links = Links::from_pairs(items, self.0);
        for target in &mut links.targets {
            *target = order[*target as usize];
        }
        links
    }
}

impl Index {
    /// Builds the index. References that do not resolve (a brief with errors) are skipped.
    pub fn build(brief: &Brief) -> Index {
        let mut index = Index { ids: IdTable::build(brief), ..Index::default() };
        let resolve = |r: &Ref, section: Section| index.resolve(brief, r, section);
        let (actors, claims, quotes, topics) =
            (brief.actors.len(), brief.claims.len(), brief.quotes.len(), brief.topics.len());

        let (mut members, mut spokespeople) = (Pairs::default(), Pairs::default());
        for (i, actor) in brief.actors.iter().enumerate() {
            if let Some(a) = actor.affiliation.as_ref().and_then(|r| resolve(r, Section::Actors)) {
                members.add(a, i);
            }
            for a in actor.speaks_for.iter().filter_map(|r| resolve(r, Section::Actors)) {
                spokespeople.add(a, i);
            }
        }

        let (mut asserts, mut topic_claims, mut quote_claims, mut cited_claims) =
            (Pairs::default(), Pairs::default(), Pairs::default(), Pairs::default());
        for (i, claim) in brief.claims.iter().enumerate() {
            for a in claim.by.iter().filter_map(|r| resolve(r, Section::Actors)) {
                asserts.add(a, i);
            }
            if let Some(t) = claim.topic.as_ref().and_then(|r| resolve(r, Section::Topics)) {
                topic_claims.add(t, i);
            }
            for q in claim.quotes.iter().filter_map(|r| resolve(r, Section::Quotes)) {
                quote_claims.add(q, i);
            }
            // Every source it cites lists it, the first (which `at` points into) or not.
            for s in claim.source.iter().filter_map(|r| resolve(r, Section::Sources)) {
                cited_claims.add(s, i);
            }
        }

        let (mut holds, mut topic_positions, mut supported, mut disputed, mut quote_positions, mut cited_positions) = (
            Pairs::default(),
            Pairs::default(),
            Pairs::default(),
            Pairs::default(),
            Pairs::default(),
            Pairs::default(),
        );
        for (i, position) in brief.positions.iter().enumerate() {
            if let Some(a) = resolve(&position.actor, Section::Actors) {
                holds.add(a, i);
            }
            if let Some(t) = position.topic.as_ref().and_then(|r| resolve(r, Section::Topics)) {
                topic_positions.add(t, i);
            }
            for c in position.supports.iter().filter_map(|r| resolve(r, Section::Claims)) {
                supported.add(c, i);
            }
            for c in position.disputes.iter().filter_map(|r| resolve(r, Section::Claims)) {
                disputed.add(c, i);
            }
            for q in position.quotes.iter().filter_map(|r| resolve(r, Section::Quotes)) {
                quote_positions.add(q, i);
            }
            for s in position.source.iter().filter_map(|r| resolve(r, Section::Sources)) {
                cited_positions.add(s, i);
            }
        }

        let (mut said, mut principals, mut spoken_for, mut mentions, mut cited_quotes) =
            (Pairs::default(), Pairs::default(), Pairs::default(), Pairs::default(), Pairs::default());
        for (i, quote) in brief.quotes.iter().enumerate() {
            let speaker = resolve(&quote.speaker, Section::Actors);
            if let Some(s) = speaker {
                said.add(s, i);
            }
            // A quote's own `on_behalf_of` is the more specific word; otherwise the speaker's
            // standing `speaks_for` says whom they speak for.
            match &quote.on_behalf_of {
                Some(principal) => {
                    if let Some(p) = resolve(principal, Section::Actors) {
                        principals.add(i, p);
                        spoken_for.add(p, i);
                    }
                }
                None => {
                    for p in speaker.iter().flat_map(|&s| &brief.actors[s].speaks_for) {
                        if let Some(p) = resolve(p, Section::Actors) {
                            principals.add(i, p);
                            spoken_for.add(p, i);
                        }
                    }
                }
            }
            for a in quote.mentions.iter().filter_map(|r| resolve(r, Section::Actors)) {
                mentions.add(a, i);
            }
            if let Some(s) = quote.source.as_ref().and_then(|r| resolve(r, Section::Sources)) {
                cited_quotes.add(s, i);
            }
        }

        // Events are a timeline wherever they are listed: linked by their place in it.
        let mut timeline: Vec<u32> = (0..brief.events.len() as u32).collect();
        timeline.sort_by(|&a, &b| brief.events[a as usize].date.cmp(&brief.events[b as usize].date));
        let (mut involved, mut cited_events) = (Pairs::default(), Pairs::default());
        for (place, &i) in timeline.iter().enumerate() {
            let event = &brief.events[i as usize];
            for a in event.actors.iter().filter_map(|r| resolve(r, Section::Actors)) {
                involved.add(a, place);
            }
            for s in event.source.iter().filter_map(|r| resolve(r, Section::Sources)) {
                cited_events.add(s, place);
            }
        }

        let sources = brief.sources.len();
        index.actors = ActorLinks {
            quotes: said.into_links(actors),
            spoken_for: spoken_for.into_links(actors),
            claims: asserts.into_links(actors),
            positions: holds.into_links(actors),
            mentioned_in: mentions.into_links(actors),
            events: involved.into_links_in(actors, &timeline),
            members: members.into_links(actors),
            spokespeople: spokespeople.into_links(actors),
        };
        index.claims =
            ClaimLinks { supported_by: supported.into_links(claims), disputed_by: disputed.into_links(claims) };
        index.quotes = QuoteLinks {
            principals: principals.into_links(quotes),
            claims: quote_claims.into_links(quotes),
            positions: quote_positions.into_links(quotes),
        };
        index.topics =
            TopicLinks { positions: topic_positions.into_links(topics), claims: topic_claims.into_links(topics) };
        index.sources = SourceLinks {
            claims: cited_claims.into_links(sources),
            positions: cited_positions.into_links(sources),
            quotes: cited_quotes.into_links(sources),
            events: cited_events.into_links_in(sources, &timeline),
        };
        index.timeline_places = vec![0; timeline.len()];
        for (place, &event) in timeline.iter().enumerate() {
            index.timeline_places[event as usize] = place as u32;
        }
        index.timeline = timeline;
        index
    }

    /// The item with this id, in any section.
    pub fn lookup(&self, brief: &Brief, id: &str) -> Option<ItemRef> {
        self.ids.get(brief, id)
    }

    /// The item a reference points to, if it is in the expected section.
    pub fn resolve(&self, brief: &Brief, reference: &Ref, section: Section) -> Option<usize> {
        self.lookup(brief, &reference.id).filter(|i| i.section == section).map(ItemRef::index)
    }

    /// The items of a section in the order a reader lists them: events as a timeline, every
    /// other section as written.
    pub fn listed(&self, brief: &Brief, section: Section) -> impl Iterator<Item = ItemRef> + '_ {
        let (written, timeline) = match section {
            Section::Events => (0..0, self.timeline.as_slice()),
            _ => (0..brief.len(section), [].as_slice()),
        };
        written.chain(timeline.iter().map(|&e| e as usize)).map(move |i| ItemRef::new(section, i))
    }

    /// An item's place in its section as a reader lists it (see [`Index::listed`]).
    pub fn place(&self, item: ItemRef) -> usize {
        match item.section {
            Section::Events => self.timeline_places.get(item.index()).map_or(item.index(), |&p| p as usize),
            _ => item.index(),
        }
    }

    /// The item at a place of a section as a reader lists it: the inverse of [`Index::place`].
    pub fn at_place(&self, section: Section, place: usize) -> usize {
        match section {
            Section::Events => self.timeline.get(place).map_or(place, |&e| e as usize),
            _ => place,
        }
    }

    /// How many items cite a source.
    pub fn citing_count(&self, source: usize) -> usize {
        self.citing_links().iter().map(|(links, _)| links.of(source).len()).sum()
    }

    /// What cites sources, by section.
    fn citing_links(&self) -> [(&Links, Section); 4] {
        [
            (&self.sources.claims, Section::Claims),
            (&self.sources.positions, Section::Positions),
            (&self.sources.quotes, Section::Quotes),
            (&self.sources.events, Section::Events),
        ]
    }

    /// A topic's positions counted by stance, in the order of [`Stance`]'s variants.
    pub fn stance_tally(&self, brief: &Brief, topic: usize) -> Vec<(Stance, usize)> {
        let mut tally: Vec<(Stance, usize)> = Vec::new();
        for &p in self.topics.positions.of(topic) {
            let stance = brief.positions[p as usize].stance;
            match tally.iter_mut().find(|(s, _)| *s == stance) {
                Some((_, n)) => *n += 1,
                None => tally.push((stance, 1)),
            }
        }
        tally.sort_by_key(|&(stance, _)| stance);
        tally
    }

    /// Every item citing a source, in section order, events by date.
    pub fn citing(&self, source: usize) -> impl Iterator<Item = ItemRef> + '_ {
        self.citing_links()
            .into_iter()
            .flat_map(move |(links, section)| links.of(source).iter().map(move |&i| ItemRef::new(section, i as usize)))
    }

    /// The other positions on a position's topic, each with whether it agrees, disagrees, or
    /// neither, in file order.
    pub fn same_topic(&self, brief: &Brief, position: usize) -> Vec<(usize, Agreement)> {
        let own = &brief.positions[position];
        let Some(topic) = own.topic.as_ref().and_then(|r| self.resolve(brief, r, Section::Topics)) else {
            return Vec::new();
        };
        self.topics
            .positions
            .of(topic)
            .iter()
            .map(|&p| p as usize)
            .filter(|&p| p != position)
            .map(|p| (p, Agreement::between(own.stance, brief.positions[p].stance)))
            .collect()
    }

    /// Each actor's stance on each topic: rows are actors holding at least one position,
    /// columns are topics, cells the positions (an actor may hold several on one topic).
    pub fn stance_matrix(&self, brief: &Brief) -> StanceMatrix {
        let rows: Vec<usize> = (0..brief.actors.len()).filter(|&a| !self.actors.positions.of(a).is_empty()).collect();
        let columns: Vec<usize> =
            (0..brief.topics.len()).filter(|&t| !self.topics.positions.of(t).is_empty()).collect();
        let cells = rows
            .iter()
            .map(|&a| {
                columns
                    .iter()
                    .map(|&t| {
                        self.actors
                            .positions
                            .of(a)
                            .iter()
                            .map(|&p| p as usize)
                            .filter(|&p| {
                                brief.positions[p].topic.as_ref().and_then(|r| self.resolve(brief, r, Section::Topics))
                                    == Some(t)
                            })
                            .collect()
                    })
                    .collect()
            })
            .collect();
        StanceMatrix { rows, columns, cells }
    }
}

/// How a position relates to another on the same topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Agreement {
    Agrees,
    Disagrees,
    Other,
}

impl Agreement {
    fn between(a: Stance, b: Stance) -> Agreement {
        if a.agrees_with(b) {
            Agreement::Agrees
        } else if a.disagrees_with(b) {
            Agreement::Disagrees
        } else {
            Agreement::Other
        }
    }
}

/// Actors × topics, each cell the positions the actor holds on the topic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StanceMatrix {
    /// Actor indices, in file order.
    pub rows: Vec<usize>,
    /// Topic indices, in file order.
    pub columns: Vec<usize>,
    /// `cells[row][column]`: position indices.
    pub cells: Vec<Vec<Vec<usize>>>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Origin, load_text};

    const BRIEF: &str = r#"
brief: 1
id: t
title: Test
date: 2021-12-06
sources:
  - {id: s1, title: Paper}
topics:
  - {id: nato, label: NATO expansion}
actors:
  - {id: kremlin, name: Kremlin, kind: organisation}
  - {id: putin, name: Putin, affiliation: kremlin}
  - {id: peskov, name: Peskov, affiliation: kremlin, speaks_for: [kremlin, putin]}
  - {id: biden, name: Biden}
  - {id: zelenskyy, name: Zelenskyy}
claims:
  - {id: c1, text: Troops massed, by: [biden], topic: nato, quotes: [q2], source: s1}
  - {id: c2, text: Red line, by: putin}
positions:
  - {id: p1, actor: putin, text: No, topic: nato, stance: opposes, supports: [c2], disputes: [c1], quotes: [q1], source: s1}
  - {id: p2, actor: biden, text: Yes, topic: nato, stance: supports, supports: [c1], quotes: [q2]}
  - {id: p3, actor: peskov, text: No, topic: nato, stance: opposes}
quotes:
  - {id: q1, speaker: peskov, text: "No.", mentions: [zelenskyy], source: s1}
  - {id: q2, speaker: biden, text: "Yes.", mentions: [putin, zelenskyy]}
  - {id: q3, speaker: peskov, text: "Maybe.", on_behalf_of: kremlin}
events:
  - {id: e1, date: 2021-12-07, text: Call, actors: [biden, putin], source: s1}
"#;

    fn fixture() -> (Brief, Index) {
        let file = load_text(Origin::Embedded("index-test"), BRIEF.to_string());
        let problems: Vec<_> = file.all_problems().filter(|p| p.is_error()).collect();
        assert!(problems.is_empty(), "{problems:?}");
        let brief = file.briefs[0].brief.clone().unwrap();
        let index = Index::build(&brief);
        (brief, index)
    }

    const KREMLIN: usize = 0;
    const PUTIN: usize = 1;
    const PESKOV: usize = 2;
    const BIDEN: usize = 3;
    const ZELENSKYY: usize = 4;

    #[test]
    fn an_actor_knows_its_quotes_claims_positions_and_events() {
        let (_, index) = fixture();
        assert_eq!(index.actors.quotes.of(PESKOV), [0, 2]);
        assert_eq!(index.actors.claims.of(BIDEN), [0]);
        assert_eq!(index.actors.claims.of(PUTIN), [1]);
        assert_eq!(index.actors.positions.of(PUTIN), [0]);
        assert_eq!(index.actors.events.of(BIDEN), [0]);
        assert_eq!(index.actors.events.of(PUTIN), [0]);
    }

    /// Events written out of date order: by time zone, by precision, and two on one day.
    const TIMELINE: &str = r#"
brief: 1
id: t
title: Test
date: 2024-03-12
sources:
  - {id: s1, title: Paper}
actors:
  - {id: union, name: Union}
  - {id: ports, name: Ports}
events:
  - {id: signed, date: "2024-03-12T01:15:00Z", text: Signed, actors: [union, ports], source: s1}
  - {id: opened, date: "2024-03-11T09:00:00+01:00", text: Opened, actors: [ports], source: s1}
  - {id: walkout, date: "2024-03-11T04:30:00-05:00", text: Walkout, actors: [union], source: s1}
  - {id: vote, date: 2024-03-15, text: Vote, actors: [union], source: s1}
  - {id: reopens, date: 2024-03-15, text: Reopens, actors: [ports], source: s1}
  - {id: began, date: 2024-03, text: Began, actors: [union, ports], source: s1}
"#;

    fn ids(brief: &Brief, section: Section, items: &[u32]) -> Vec<String> {
        items.iter().map(|&i| brief.id_of(ItemRef::new(section, i as usize)).to_string()).collect()
    }

    #[test]
    fn events_are_kept_in_date_order() {
        let file = load_text(Origin::Embedded("timeline-test"), TIMELINE.to_string());
        let brief = file.into_valid_briefs().pop().expect("the brief loads");
        let index = Index::build(&brief);
        let events = |items: &[u32]| ids(&brief, Section::Events, items);
        assert_eq!(events(&index.timeline), ["began", "opened", "walkout", "signed", "vote", "reopens"]);
        assert_eq!(events(index.actors.events.of(0)), ["began", "walkout", "signed", "vote"]);
        assert_eq!(events(index.actors.events.of(1)), ["began", "opened", "signed", "reopens"]);
        assert_eq!(events(index.sources.events.of(0)), events(&index.timeline));
        let listed: Vec<&str> = index.listed(&brief, Section::Events).map(|e| brief.id_of(e)).collect();
        assert_eq!(listed, ["began", "opened", "walkout", "signed", "vote", "reopens"]);
        let actors: Vec<&str> = index.listed(&brief, Section::Actors).map(|a| brief.id_of(a)).collect();
        assert_eq!(actors, ["union", "ports"], "other sections as written");
    }

    #[test]
    fn quotes_on_an_actors_behalf_come_from_speaks_for_or_on_behalf_of() {
        let (_, index) = fixture();
        // q1 through Peskov's speaks_for; q3 names the Kremlin itself.
        assert_eq!(index.actors.spoken_for.of(KREMLIN), [0, 2]);
        // q3's own on_behalf_of is more specific than Peskov's standing speaks_for.
        assert_eq!(index.actors.spoken_for.of(PUTIN), [0]);
        assert_eq!(index.quotes.principals.of(0), [KREMLIN as u32, PUTIN as u32]);
        assert_eq!(index.quotes.principals.of(2), [KREMLIN as u32]);
    }

    #[test]
    fn an_actor_knows_who_mentions_it_its_members_and_spokespeople() {
        let (_, index) = fixture();
        assert_eq!(index.actors.mentioned_in.of(ZELENSKYY), [0, 1]);
        assert_eq!(index.actors.mentioned_in.of(PUTIN), [1]);
        assert_eq!(index.actors.members.of(KREMLIN), [PUTIN as u32, PESKOV as u32]);
        assert_eq!(index.actors.spokespeople.of(KREMLIN), [PESKOV as u32]);
        assert_eq!(index.actors.spokespeople.of(PUTIN), [PESKOV as u32]);
    }

    #[test]
    fn a_claim_knows_who_supports_and_disputes_it() {
        let (_, index) = fixture();
        assert_eq!(index.claims.supported_by.of(0), [1]);
        assert_eq!(index.claims.disputed_by.of(0), [0]);
        assert_eq!(index.claims.supported_by.of(1), [0]);
        assert!(index.claims.disputed_by.of(1).is_empty());
    }

    #[test]
    fn a_quote_knows_the_claims_and_positions_it_backs() {
        let (_, index) = fixture();
        assert_eq!(index.quotes.claims.of(1), [0]);
        assert_eq!(index.quotes.positions.of(1), [1]);
        assert_eq!(index.quotes.positions.of(0), [0]);
        assert!(index.quotes.claims.of(2).is_empty());
    }

    #[test]
    fn a_topic_knows_its_positions_and_claims() {
        let (_, index) = fixture();
        assert_eq!(index.topics.positions.of(0), [0, 1, 2]);
        assert_eq!(index.topics.claims.of(0), [0]);
    }

    #[test]
    fn a_position_sees_the_others_on_its_topic() {
        let (brief, index) = fixture();
        assert_eq!(index.same_topic(&brief, 0), [(1, Agreement::Disagrees), (2, Agreement::Agrees)]);
        assert_eq!(index.same_topic(&brief, 1), [(0, Agreement::Disagrees), (2, Agreement::Disagrees)]);
    }

    #[test]
    fn a_source_knows_every_item_citing_it() {
        let (_, index) = fixture();
        assert_eq!(
            index.citing(0).collect::<Vec<_>>(),
            [
                ItemRef::new(Section::Claims, 0),
                ItemRef::new(Section::Positions, 0),
                ItemRef::new(Section::Quotes, 0),
                ItemRef::new(Section::Events, 0)
            ]
        );
    }

    #[test]
    fn every_source_an_item_cites_knows_it_and_a_source_listed_twice_once() {
        let yaml = "brief: 1\nid: t\ntitle: T\ndate: 2024\n\
                    sources: [{id: s1, title: One}, {id: s2, title: Two}, {id: s3, title: Three}]\n\
                    actors: [{id: a, name: A}]\n\
                    claims: [{id: c1, text: T, by: a, source: [s2, s1, s2]}, {id: c2, text: T, by: a, source: s2}]\n\
                    positions: [{id: p1, actor: a, text: T, source: [s3, s1]}]\n\
                    events: [{id: e1, date: 2024, text: T, actors: [a], source: [s1, s3]}]\n";
        let brief = load_text(Origin::Embedded("sources-test"), yaml.to_string()).into_valid_briefs().pop().unwrap();
        let index = Index::build(&brief);
        let citing = |s: usize| index.citing(s).map(|i| brief.id_of(i)).collect::<Vec<_>>();
        assert_eq!(citing(0), ["c1", "p1", "e1"]);
        assert_eq!(citing(1), ["c1", "c2"]);
        assert_eq!(citing(2), ["p1", "e1"]);
    }

    #[test]
    fn the_stance_matrix_has_a_cell_per_actor_and_topic() {
        let (brief, index) = fixture();
        let matrix = index.stance_matrix(&brief);
        assert_eq!(matrix.rows, [PUTIN, PESKOV, BIDEN]);
        assert_eq!(matrix.columns, [0]);
        assert_eq!(matrix.cells, [[vec![0]], [vec![2]], [vec![1]]]);
    }

    #[test]
    fn ids_resolve_across_sections() {
        let (brief, index) = fixture();
        let (brief, index) = (brief, index);
        assert_eq!(index.lookup(&brief, "q2"), Some(ItemRef::new(Section::Quotes, 1)));
        assert_eq!(index.lookup(&brief, "nato"), Some(ItemRef::new(Section::Topics, 0)));
        assert_eq!(index.lookup(&brief, "nobody"), None);
    }
}
