//! An item's cross-references, grouped by relation, in the order a reader wants them: what the
//! detail pane lists and numbers, and what an export resolves.

use super::{Agreement, Index, Links};
use crate::model::{Brief, ItemRef, Ref, Section, Stance};

/// How a referenced item relates to the item being read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Relation {
    /// A quote's or position's speaker or holder; a claim's asserters.
    SaidBy,
    HeldBy,
    AssertedBy,
    /// The actors a quote was said on behalf of.
    OnBehalfOf,
    /// An actor's own quotes.
    Said,
    /// Quotes others said on an actor's behalf.
    SaidOnItsBehalf,
    /// The actors an actor speaks for; the actors that speak for it.
    SpeaksFor,
    Spokespeople,
    /// An actor's affiliation; the actors affiliated to it.
    MemberOf,
    Members,
    Positions,
    Asserts,
    /// Claims a position backs or contests; positions that back or contest a claim.
    Supports,
    Disputes,
    SupportedBy,
    DisputedBy,
    /// The quotes behind a claim or position; the claims and positions a quote backs.
    Quotes,
    BacksClaims,
    BacksPositions,
    Mentions,
    MentionedIn,
    Topic,
    /// Other positions on the same topic, by how their stance compares.
    SameTopicAgrees,
    SameTopicDisagrees,
    SameTopicOther,
    /// A topic's positions by stance.
    Supporting,
    Opposing,
    OtherStances,
    /// A topic's claims.
    Claims,
    Events,
    Involves,
    Source,
    /// Everything citing a source.
    CitedBy,
}

impl Relation {
    /// The group heading a reader sees.
    pub fn label(self) -> &'static str {
        match self {
            Relation::SaidBy => "said by",
            Relation::HeldBy => "held by",
            Relation::AssertedBy => "asserted by",
            Relation::OnBehalfOf => "on behalf of",
            Relation::Said => "said",
            Relation::SaidOnItsBehalf => "said on its behalf",
            Relation::SpeaksFor => "speaks for",
            Relation::Spokespeople => "spokespeople",
            Relation::MemberOf => "member of",
            Relation::Members => "members",
            Relation::Positions => "positions",
            Relation::Asserts => "asserts",
            Relation::Supports => "supports",
            Relation::Disputes => "disputes",
            Relation::SupportedBy => "supported by",
            Relation::DisputedBy => "disputed by",
            Relation::Quotes => "quotes",
            Relation::BacksClaims => "backs claims",
            Relation::BacksPositions => "evidences positions",
            Relation::Mentions => "mentions",
            Relation::MentionedIn => "mentioned in",
            Relation::Topic => "topic",
            Relation::SameTopicAgrees => "same topic: agrees",
            Relation::SameTopicDisagrees => "same topic: disagrees",
            Relation::SameTopicOther => "same topic: other stances",
            Relation::Supporting => "supporting",
            Relation::Opposing => "opposing",
            Relation::OtherStances => "other stances",
            Relation::Claims => "claims",
            Relation::Events => "events",
            Relation::Involves => "involves",
            Relation::Source => "source",
            Relation::CitedBy => "cited by",
        }
    }
}

/// The items of one relation, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub relation: Relation,
    pub items: Vec<ItemRef>,
}

/// Builds the groups of one item, skipping empty ones.
struct Groups<'a> {
    brief: &'a Brief,
    index: &'a Index,
    groups: Vec<Group>,
}

impl<'a> Groups<'a> {
    fn add(&mut self, relation: Relation, items: impl IntoIterator<Item = ItemRef>) {
        let items: Vec<ItemRef> = items.into_iter().collect();
        if !items.is_empty() {
            self.groups.push(Group { relation, items });
        }
    }

    fn links(&mut self, relation: Relation, links: &Links, i: usize, section: Section) {
        self.add(relation, links.of(i).iter().map(|&t| ItemRef::new(section, t as usize)));
    }

    /// The items references name, as written; an id written twice (`by: [a, a]`) once.
    fn refs<'r>(&mut self, relation: Relation, refs: impl IntoIterator<Item = &'r Ref>, section: Section) {
        let (brief, index) = (self.brief, self.index);
        let mut items: Vec<ItemRef> = Vec::new();
        for item in refs.into_iter().filter_map(|r| index.resolve(brief, r, section)).map(|i| ItemRef::new(section, i))
        {
            if !items.contains(&item) {
                items.push(item);
            }
        }
        self.add(relation, items);
    }
}

/// Every cross-reference of an item, grouped by relation, empty groups left out.
pub fn references(brief: &Brief, index: &Index, item: ItemRef) -> Vec<Group> {
    let mut g = Groups { brief, index, groups: Vec::new() };
    let i = item.index();
    match item.section {
        Section::Actors => {
            let actor = &brief.actors[i];
            g.refs(Relation::MemberOf, actor.affiliation.iter(), Section::Actors);
            g.refs(Relation::SpeaksFor, &actor.speaks_for, Section::Actors);
            g.links(Relation::Spokespeople, &index.actors.spokespeople, i, Section::Actors);
            g.links(Relation::Members, &index.actors.members, i, Section::Actors);
            g.links(Relation::Said, &index.actors.quotes, i, Section::Quotes);
            g.links(Relation::SaidOnItsBehalf, &index.actors.spoken_for, i, Section::Quotes);
            g.links(Relation::Positions, &index.actors.positions, i, Section::Positions);
            g.links(Relation::Asserts, &index.actors.claims, i, Section::Claims);
            g.links(Relation::MentionedIn, &index.actors.mentioned_in, i, Section::Quotes);
            g.links(Relation::Events, &index.actors.events, i, Section::Events);
        }
        Section::Claims => {
            let claim = &brief.claims[i];
            g.refs(Relation::AssertedBy, &claim.by, Section::Actors);
            g.links(Relation::SupportedBy, &index.claims.supported_by, i, Section::Positions);
            g.links(Relation::DisputedBy, &index.claims.disputed_by, i, Section::Positions);
            g.refs(Relation::Quotes, &claim.quotes, Section::Quotes);
            g.refs(Relation::Topic, claim.topic.iter(), Section::Topics);
            g.refs(Relation::Source, &claim.source, Section::Sources);
        }
        Section::Positions => {
            let position = &brief.positions[i];
            g.refs(Relation::HeldBy, std::iter::once(&position.actor), Section::Actors);
            g.refs(Relation::Topic, position.topic.iter(), Section::Topics);
            g.refs(Relation::Supports, &position.supports, Section::Claims);
            g.refs(Relation::Disputes, &position.disputes, Section::Claims);
            g.refs(Relation::Quotes, &position.quotes, Section::Quotes);
            let others = index.same_topic(brief, i);
            for (relation, agreement) in [
                (Relation::SameTopicAgrees, Agreement::Agrees),
                (Relation::SameTopicDisagrees, Agreement::Disagrees),
                (Relation::SameTopicOther, Agreement::Other),
            ] {
                g.add(
                    relation,
                    others.iter().filter(|(_, a)| *a == agreement).map(|&(p, _)| ItemRef::new(Section::Positions, p)),
                );
            }
            g.refs(Relation::Source, &position.source, Section::Sources);
        }
        Section::Quotes => {
            let quote = &brief.quotes[i];
            g.refs(Relation::SaidBy, std::iter::once(&quote.speaker), Section::Actors);
            g.links(Relation::OnBehalfOf, &index.quotes.principals, i, Section::Actors);
            g.refs(Relation::Mentions, &quote.mentions, Section::Actors);
            g.links(Relation::BacksClaims, &index.quotes.claims, i, Section::Claims);
            g.links(Relation::BacksPositions, &index.quotes.positions, i, Section::Positions);
            g.refs(Relation::Source, quote.source.iter(), Section::Sources);
        }
        Section::Topics => {
            // Grouped by stance, so a topic reads as who is for, who against, who in between.
            let positions = index.topics.positions.of(i);
            let with = |wanted: &dyn Fn(Stance) -> bool| {
                positions
                    .iter()
                    .filter(|&&p| wanted(brief.positions[p as usize].stance))
                    .map(|&p| ItemRef::new(Section::Positions, p as usize))
                    .collect::<Vec<_>>()
            };
            g.add(Relation::Supporting, with(&|s| s == Stance::Supports));
            g.add(Relation::Opposing, with(&|s| s == Stance::Opposes));
            g.add(Relation::OtherStances, with(&|s| !matches!(s, Stance::Supports | Stance::Opposes)));
            g.links(Relation::Claims, &index.topics.claims, i, Section::Claims);
        }
        Section::Events => {
            let event = &brief.events[i];
            g.refs(Relation::Involves, &event.actors, Section::Actors);
            g.refs(Relation::Source, &event.source, Section::Sources);
        }
        Section::Sources => g.add(Relation::CitedBy, index.citing(i)),
    }
    g.groups
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{Origin, load_text};

    fn sample() -> (Brief, Index) {
        let brief = load_text(Origin::Embedded("sample"), crate::sample::portable())
            .into_valid_briefs()
            .pop()
            .expect("the sample loads");
        let index = Index::build(&brief);
        (brief, index)
    }

    fn names(brief: &Brief, groups: &[Group], relation: Relation) -> Vec<String> {
        groups
            .iter()
            .find(|g| g.relation == relation)
            .map(|g| g.items.iter().map(|&i| brief.id_of(i).to_string()).collect())
            .unwrap_or_default()
    }

    #[test]
    fn an_actor_lists_what_it_said_and_what_was_said_for_it() {
        let (brief, index) = sample();
        let kremlin = index.lookup(&brief, "kremlin").unwrap();
        let groups = references(&brief, &index, kremlin);
        assert_eq!(names(&brief, &groups, Relation::SaidOnItsBehalf), ["q-peskov-video-call"]);
        assert_eq!(names(&brief, &groups, Relation::Spokespeople), ["peskov"]);
        assert_eq!(names(&brief, &groups, Relation::MemberOf), ["russia"]);
        assert!(names(&brief, &groups, Relation::Said).contains(&"q-kremlin-guarantees".to_string()));
    }

    #[test]
    fn an_actors_events_are_a_timeline() {
        let (brief, index) = sample();
        let zelenskyy = index.lookup(&brief, "zelenskyy").unwrap();
        let groups = references(&brief, &index, zelenskyy);
        // Written 6 Dec, Dec, Dec; a month sorts before the days in it.
        assert_eq!(
            names(&brief, &groups, Relation::Events),
            ["e-blinken-zelenskyy-call", "e-biden-zelenskyy-followup", "e-zelenskyy-awards"]
        );
    }

    #[test]
    fn a_claim_lists_who_backs_and_who_contests_it() {
        let (brief, index) = sample();
        let claim = index.lookup(&brief, "c-deterrence-plan").unwrap();
        let groups = references(&brief, &index, claim);
        assert_eq!(names(&brief, &groups, Relation::AssertedBy), ["biden"]);
        assert_eq!(names(&brief, &groups, Relation::SupportedBy), ["p-biden-sanctions"]);
        assert_eq!(names(&brief, &groups, Relation::DisputedBy), ["p-lavrov-sanctions"]);
    }

    #[test]
    fn a_position_sees_agreement_and_disagreement_on_its_topic() {
        let (brief, index) = sample();
        let position = index.lookup(&brief, "p-lavrov-sanctions").unwrap();
        let groups = references(&brief, &index, position);
        assert_eq!(names(&brief, &groups, Relation::HeldBy), ["lavrov"]);
        assert_eq!(
            names(&brief, &groups, Relation::SameTopicDisagrees),
            ["p-biden-sanctions", "p-psaki-sanctions", "p-blinken-sanctions"]
        );
        assert!(names(&brief, &groups, Relation::SameTopicAgrees).is_empty());
    }

    #[test]
    fn a_topic_groups_its_positions_by_stance() {
        let (brief, index) = sample();
        let topic = index.lookup(&brief, "nato-expansion").unwrap();
        let groups = references(&brief, &index, topic);
        assert_eq!(names(&brief, &groups, Relation::Opposing), ["p-putin-nato", "p-kremlin-nato"]);
        assert_eq!(names(&brief, &groups, Relation::OtherStances), ["p-biden-nato"]);
        assert!(names(&brief, &groups, Relation::Supporting).is_empty());
    }

    #[test]
    fn empty_groups_are_left_out() {
        let (brief, index) = sample();
        let quote = index.lookup(&brief, "q-biden-red-line").unwrap();
        let groups = references(&brief, &index, quote);
        assert!(groups.iter().all(|g| !g.items.is_empty()));
        assert_eq!(names(&brief, &groups, Relation::SaidBy), ["biden"]);
        assert_eq!(names(&brief, &groups, Relation::Mentions), ["putin"]);
    }

    #[test]
    fn an_id_written_twice_is_listed_once() {
        let yaml = "brief: 1\nid: twice\ntitle: Twice\ndate: 2024-01-01\n\
                    sources: [{id: s, title: S}]\nactors: [{id: a, name: A}]\n\
                    claims: [{id: c, text: C., by: [a, a], source: [s, s]}]\n";
        let brief = load_text(Origin::Stdin, yaml.to_string()).into_valid_briefs().pop().expect("it loads");
        let index = Index::build(&brief);
        let groups = references(&brief, &index, ItemRef::new(Section::Claims, 0));
        let sizes: Vec<(Relation, usize)> = groups.iter().map(|g| (g.relation, g.items.len())).collect();
        assert_eq!(sizes, [(Relation::AssertedBy, 1), (Relation::Source, 1)]);
    }
}
