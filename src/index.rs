//! The reverse cross-references, built once per brief: each reference is written once in the
//! file, in one direction; this index answers the other direction in one step.

use std::collections::HashMap;

use crate::model::{Brief, ItemRef, Ref, Section, Stance};

/// Item positions within one section.
pub type Indices = Vec<u32>;

/// What points at an actor.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ActorLinks {
    /// Quotes it spoke.
    pub quotes: Indices,
    /// Quotes others spoke on its behalf (their `speaks_for`, or the quote's `on_behalf_of`).
    pub spoken_for: Indices,
    /// Claims it asserts.
    pub claims: Indices,
    /// Positions it holds.
    pub positions: Indices,
    /// Quotes that mention it.
    pub mentioned_in: Indices,
    /// Events it is part of.
    pub events: Indices,
    /// Actors whose affiliation it is.
    pub members: Indices,
    /// Actors that speak for it.
    pub spokespeople: Indices,
}

/// What points at a claim.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ClaimLinks {
    /// Positions that back it.
    pub supported_by: Indices,
    /// Positions that contest it.
    pub disputed_by: Indices,
}

/// What points at a quote, and on whose behalf it was said.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuoteLinks {
    /// The actors the speaker spoke for when saying it.
    pub principals: Indices,
    /// Claims it backs.
    pub claims: Indices,
    /// Positions it evidences.
    pub positions: Indices,
}

/// What points at a topic.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TopicLinks {
    pub positions: Indices,
    pub claims: Indices,
}

/// The cross-references of one brief.
#[derive(Debug, Clone, Default)]
pub struct Index {
    ids: HashMap<Box<str>, ItemRef, foldhash::fast::RandomState>,
    pub actors: Vec<ActorLinks>,
    pub claims: Vec<ClaimLinks>,
    pub quotes: Vec<QuoteLinks>,
    pub topics: Vec<TopicLinks>,
    /// For each source, every item citing it, in section order.
    pub sources: Vec<Vec<ItemRef>>,
}

impl Index {
    /// Builds the index. References that do not resolve (a brief with errors) are skipped.
    pub fn build(brief: &Brief) -> Index {
        let mut ids =
            HashMap::with_capacity_and_hasher(Section::ALL.iter().map(|s| brief.len(*s)).sum(), Default::default());
        for section in Section::ALL {
            for item in brief.items(section) {
                ids.entry(brief.id_of(item).into()).or_insert(item);
            }
        }
        let mut index = Index {
            ids,
            actors: vec![ActorLinks::default(); brief.actors.len()],
            claims: vec![ClaimLinks::default(); brief.claims.len()],
            quotes: vec![QuoteLinks::default(); brief.quotes.len()],
            topics: vec![TopicLinks::default(); brief.topics.len()],
            sources: vec![Vec::new(); brief.sources.len()],
        };
        index.link_actors(brief);
        index.link_claims(brief);
        index.link_positions(brief);
        index.link_quotes(brief);
        index.link_events(brief);
        index
    }

    /// The item with this id, in any section.
    pub fn lookup(&self, id: &str) -> Option<ItemRef> {
        self.ids.get(id).copied()
    }

    /// The item a reference points to, if it is in the expected section.
    pub fn resolve(&self, reference: &Ref, section: Section) -> Option<usize> {
        self.lookup(&reference.id).filter(|i| i.section == section).map(ItemRef::index)
    }

    fn link_actors(&mut self, brief: &Brief) {
        for (i, actor) in brief.actors.iter().enumerate() {
            if let Some(a) = actor.affiliation.as_ref().and_then(|r| self.resolve(r, Section::Actors)) {
                self.actors[a].members.push(i as u32);
            }
            for principal in &actor.speaks_for {
                if let Some(a) = self.resolve(principal, Section::Actors) {
                    push_once(&mut self.actors[a].spokespeople, i);
                }
            }
        }
    }

    fn link_claims(&mut self, brief: &Brief) {
        for (i, claim) in brief.claims.iter().enumerate() {
            for asserter in &claim.by {
                if let Some(a) = self.resolve(asserter, Section::Actors) {
                    push_once(&mut self.actors[a].claims, i);
                }
            }
            if let Some(t) = claim.topic.as_ref().and_then(|r| self.resolve(r, Section::Topics)) {
                self.topics[t].claims.push(i as u32);
            }
            for quote in &claim.quotes {
                if let Some(q) = self.resolve(quote, Section::Quotes) {
                    push_once(&mut self.quotes[q].claims, i);
                }
            }
            self.cite(claim.source.as_ref(), ItemRef::new(Section::Claims, i));
        }
    }

    fn link_positions(&mut self, brief: &Brief) {
        for (i, position) in brief.positions.iter().enumerate() {
            if let Some(a) = self.resolve(&position.actor, Section::Actors) {
                self.actors[a].positions.push(i as u32);
            }
            if let Some(t) = position.topic.as_ref().and_then(|r| self.resolve(r, Section::Topics)) {
                self.topics[t].positions.push(i as u32);
            }
            for claim in &position.supports {
                if let Some(c) = self.resolve(claim, Section::Claims) {
                    push_once(&mut self.claims[c].supported_by, i);
                }
            }
            for claim in &position.disputes {
                if let Some(c) = self.resolve(claim, Section::Claims) {
                    push_once(&mut self.claims[c].disputed_by, i);
                }
            }
            for quote in &position.quotes {
                if let Some(q) = self.resolve(quote, Section::Quotes) {
                    push_once(&mut self.quotes[q].positions, i);
                }
            }
            self.cite(position.source.as_ref(), ItemRef::new(Section::Positions, i));
        }
    }

    fn link_quotes(&mut self, brief: &Brief) {
        for (i, quote) in brief.quotes.iter().enumerate() {
            let speaker = self.resolve(&quote.speaker, Section::Actors);
            if let Some(s) = speaker {
                self.actors[s].quotes.push(i as u32);
            }
            // A quote's own `on_behalf_of` is the more specific word; otherwise the speaker's
            // standing `speaks_for` says whom they speak for.
            let principals: Vec<usize> = match &quote.on_behalf_of {
                Some(principal) => self.resolve(principal, Section::Actors).into_iter().collect(),
                None => speaker
                    .map(|s| {
                        brief.actors[s].speaks_for.iter().filter_map(|r| self.resolve(r, Section::Actors)).collect()
                    })
                    .unwrap_or_default(),
            };
            for p in principals {
                push_once(&mut self.quotes[i].principals, p);
                push_once(&mut self.actors[p].spoken_for, i);
            }
            for mention in &quote.mentions {
                if let Some(a) = self.resolve(mention, Section::Actors) {
                    push_once(&mut self.actors[a].mentioned_in, i);
                }
            }
            self.cite(quote.source.as_ref(), ItemRef::new(Section::Quotes, i));
        }
    }

    fn link_events(&mut self, brief: &Brief) {
        for (i, event) in brief.events.iter().enumerate() {
            for actor in &event.actors {
                if let Some(a) = self.resolve(actor, Section::Actors) {
                    push_once(&mut self.actors[a].events, i);
                }
            }
            self.cite(event.source.as_ref(), ItemRef::new(Section::Events, i));
        }
    }

    fn cite(&mut self, source: Option<&Ref>, item: ItemRef) {
        if let Some(s) = source.and_then(|r| self.resolve(r, Section::Sources)) {
            self.sources[s].push(item);
        }
    }

    /// The other positions on a position's topic, each with whether it agrees, disagrees, or
    /// neither, in file order.
    pub fn same_topic(&self, brief: &Brief, position: usize) -> Vec<(usize, Agreement)> {
        let own = &brief.positions[position];
        let Some(topic) = own.topic.as_ref().and_then(|r| self.resolve(r, Section::Topics)) else {
            return Vec::new();
        };
        self.topics[topic]
            .positions
            .iter()
            .map(|&p| p as usize)
            .filter(|&p| p != position)
            .map(|p| (p, Agreement::between(own.stance, brief.positions[p].stance)))
            .collect()
    }

    /// Each actor's stance on each topic: rows are actors holding at least one position,
    /// columns are topics, cells the positions (an actor may hold several on one topic).
    pub fn stance_matrix(&self, brief: &Brief) -> StanceMatrix {
        let rows: Vec<usize> = (0..brief.actors.len()).filter(|&a| !self.actors[a].positions.is_empty()).collect();
        let columns: Vec<usize> = (0..brief.topics.len()).filter(|&t| !self.topics[t].positions.is_empty()).collect();
        let cells = rows
            .iter()
            .map(|&a| {
                columns
                    .iter()
                    .map(|&t| {
                        self.actors[a]
                            .positions
                            .iter()
                            .map(|&p| p as usize)
                            .filter(|&p| {
                                brief.positions[p].topic.as_ref().and_then(|r| self.resolve(r, Section::Topics))
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

fn push_once(list: &mut Indices, i: usize) {
    let i = i as u32;
    if list.last() != Some(&i) && !list.contains(&i) {
        list.push(i);
    }
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
        assert_eq!(index.actors[PESKOV].quotes, [0, 2]);
        assert_eq!(index.actors[BIDEN].claims, [0]);
        assert_eq!(index.actors[PUTIN].claims, [1]);
        assert_eq!(index.actors[PUTIN].positions, [0]);
        assert_eq!(index.actors[BIDEN].events, [0]);
        assert_eq!(index.actors[PUTIN].events, [0]);
    }

    #[test]
    fn quotes_on_an_actors_behalf_come_from_speaks_for_or_on_behalf_of() {
        let (_, index) = fixture();
        // q1 through Peskov's speaks_for; q3 names the Kremlin itself.
        assert_eq!(index.actors[KREMLIN].spoken_for, [0, 2]);
        // q3's own on_behalf_of is more specific than Peskov's standing speaks_for.
        assert_eq!(index.actors[PUTIN].spoken_for, [0]);
        assert_eq!(index.quotes[0].principals, [KREMLIN as u32, PUTIN as u32]);
        assert_eq!(index.quotes[2].principals, [KREMLIN as u32]);
    }

    #[test]
    fn an_actor_knows_who_mentions_it_its_members_and_spokespeople() {
        let (_, index) = fixture();
        assert_eq!(index.actors[ZELENSKYY].mentioned_in, [0, 1]);
        assert_eq!(index.actors[PUTIN].mentioned_in, [1]);
        assert_eq!(index.actors[KREMLIN].members, [PUTIN as u32, PESKOV as u32]);
        assert_eq!(index.actors[KREMLIN].spokespeople, [PESKOV as u32]);
        assert_eq!(index.actors[PUTIN].spokespeople, [PESKOV as u32]);
    }

    #[test]
    fn a_claim_knows_who_supports_and_disputes_it() {
        let (_, index) = fixture();
        assert_eq!(index.claims[0].supported_by, [1]);
        assert_eq!(index.claims[0].disputed_by, [0]);
        assert_eq!(index.claims[1].supported_by, [0]);
        assert!(index.claims[1].disputed_by.is_empty());
    }

    #[test]
    fn a_quote_knows_the_claims_and_positions_it_backs() {
        let (_, index) = fixture();
        assert_eq!(index.quotes[1].claims, [0]);
        assert_eq!(index.quotes[1].positions, [1]);
        assert_eq!(index.quotes[0].positions, [0]);
        assert!(index.quotes[2].claims.is_empty());
    }

    #[test]
    fn a_topic_knows_its_positions_and_claims() {
        let (_, index) = fixture();
        assert_eq!(index.topics[0].positions, [0, 1, 2]);
        assert_eq!(index.topics[0].claims, [0]);
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
            index.sources[0],
            [
                ItemRef::new(Section::Claims, 0),
                ItemRef::new(Section::Positions, 0),
                ItemRef::new(Section::Quotes, 0),
                ItemRef::new(Section::Events, 0)
            ]
        );
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
        let (_, index) = fixture();
        assert_eq!(index.lookup("q2"), Some(ItemRef::new(Section::Quotes, 1)));
        assert_eq!(index.lookup("nato"), Some(ItemRef::new(Section::Topics, 0)));
        assert_eq!(index.lookup("nobody"), None);
    }
}
