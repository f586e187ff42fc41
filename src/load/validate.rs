//! Rules across items: unique ids, references that resolve to the right section, no cycles,
//! and the warnings of the format.

use super::FieldSpans;
use super::diagnostic::{Code, Diagnostic};
use super::suggest::nearest;
use crate::model::{Brief, IdTable, ItemRef, Ref, Section};

/// `unread`: sections that could not be read, whose error was reported already; references
/// into them are not checked.
pub(crate) fn check(brief: &Brief, spans: &FieldSpans, unread: &[Section], problems: &mut Vec<Diagnostic>) {
    let ids = unique_ids(brief, spans, problems);
    // Each reference is looked up once, here; on a large brief the lookups are most of the checks.
    let mut referenced = vec![false; brief.actors.len()];
    // A reference left empty was reported where it was read.
    let checked = references(brief).filter(|(r, expected, _)| !r.id.is_empty() && !unread.contains(expected));
    for (reference, expected, field) in checked {
        match check_reference(brief, &ids, reference, expected, field, problems) {
            Some(found) if found.section == Section::Actors => referenced[found.index()] = true,
            _ => {}
        }
    }
    check_affiliation_cycles(brief, &ids, problems);
    for actor in &brief.actors {
        if let Some(own) = actor.speaks_for.iter().find(|r| *r.id == *actor.id) {
            problems.push(
                Diagnostic::new(Code::SpeaksForSelf, own.span, format!("actor '{}' speaks for itself", actor.id))
                    .label("an actor cannot be its own principal")
                    .help("list only the other actors this one speaks on behalf of"),
            );
        }
    }
    for quote in &brief.quotes {
        if let Some(principal) = quote.on_behalf_of.as_ref().filter(|p| p.id == quote.speaker.id) {
            problems.push(
                Diagnostic::new(
                    Code::SpeaksForSelf,
                    principal.span,
                    format!("quote '{}' is said on behalf of its own speaker", quote.id),
                )
                .label("the speaker cannot be their own principal")
                .help("name the actor the speaker spoke for, or remove `on_behalf_of`"),
            );
        }
    }
    warn_unreferenced_actors(brief, &referenced, problems);
    warn_unsourced(brief, problems);
}

fn unique_ids(brief: &Brief, spans: &FieldSpans, problems: &mut Vec<Diagnostic>) -> IdTable {
    let ids = IdTable::build(brief);
    for (item, first) in ids.duplicates(brief) {
        let id = brief.id_of(item);
        let at = spans.get(item, "id").unwrap_or(brief.span_of(item));
        let first_span = brief.span_of(first);
        problems.push(
            Diagnostic::new(Code::DuplicateId, at, format!("id '{id}' is used twice"))
                .label(format!("already the id of {} on line {}", first.section.with_article(), first_span.line))
                .help("ids are unique across all sections of a brief; rename one of them"),
        );
    }
    ids
}

/// Every reference in the brief with the section it must point into and the field holding it.
fn references(brief: &Brief) -> impl Iterator<Item = (&Ref, Section, &'static str)> {
    let actors = brief.actors.iter().flat_map(|a| {
        a.affiliation
            .iter()
            .map(|r| (r, Section::Actors, "affiliation"))
            .chain(a.speaks_for.iter().map(|r| (r, Section::Actors, "speaks_for")))
    });
    let claims = brief.claims.iter().flat_map(|c| {
        c.by.iter()
            .map(|r| (r, Section::Actors, "by"))
            .chain(c.topic.iter().map(|r| (r, Section::Topics, "topic")))
            .chain(c.quotes.iter().map(|r| (r, Section::Quotes, "quotes")))
            .chain(c.source.iter().map(|r| (r, Section::Sources, "source")))
    });
    let positions = brief.positions.iter().flat_map(|p| {
        std::iter::once((&p.actor, Section::Actors, "actor"))
            .chain(p.topic.iter().map(|r| (r, Section::Topics, "topic")))
            .chain(p.supports.iter().map(|r| (r, Section::Claims, "supports")))
            .chain(p.disputes.iter().map(|r| (r, Section::Claims, "disputes")))
            .chain(p.quotes.iter().map(|r| (r, Section::Quotes, "quotes")))
            .chain(p.source.iter().map(|r| (r, Section::Sources, "source")))
    });
    let quotes = brief.quotes.iter().flat_map(|q| {
        std::iter::once((&q.speaker, Section::Actors, "speaker"))
            .chain(q.on_behalf_of.iter().map(|r| (r, Section::Actors, "on_behalf_of")))
            .chain(q.mentions.iter().map(|r| (r, Section::Actors, "mentions")))
            .chain(q.source.iter().map(|r| (r, Section::Sources, "source")))
    });
    let events = brief.events.iter().flat_map(|e| {
        e.actors
            .iter()
            .map(|r| (r, Section::Actors, "actors"))
            .chain(e.source.iter().map(|r| (r, Section::Sources, "source")))
    });
    actors.chain(claims).chain(positions).chain(quotes).chain(events)
}

/// The item an id names, preferring one of the expected section: when an actor and a topic
/// share an id, the duplicate is reported once and a `speaker` still finds the actor.
fn resolve(brief: &Brief, ids: &IdTable, id: &str, expected: Section) -> Option<ItemRef> {
    ids.all(brief, id).find(|item| item.section == expected).or_else(|| ids.get(brief, id))
}

/// Reports a reference that names nothing or names an item of the wrong section, and gives
/// the item it names, if any.
fn check_reference(
    brief: &Brief,
    ids: &IdTable,
    reference: &Ref,
    expected: Section,
    field: &str,
    problems: &mut Vec<Diagnostic>,
) -> Option<ItemRef> {
    let found = resolve(brief, ids, &reference.id, expected);
    match found {
        Some(found) if found.section == expected => {}
        Some(found) => problems.push(
            Diagnostic::new(
                Code::WrongSection,
                reference.span,
                format!(
                    "`{field}` must name {}, but '{}' is {}",
                    expected.with_article(),
                    reference.id,
                    found.section.with_article()
                ),
            )
            .label(format!(
                "{} (line {}), not {}",
                found.section.with_article(),
                brief.span_of(found).line,
                expected.with_article()
            ))
            .help(format!("write the id of one of the brief's {}", expected.key()))
            .suggest(nearest(&reference.id, brief.items(expected).map(|i| brief.id_of(i)))),
        ),
        None => {
            let nearest_id = nearest(&reference.id, brief.items(expected).map(|i| brief.id_of(i)));
            let help = match nearest_id {
                Some(_) => format!("or add {} with this id", expected.with_article()),
                None => format!(
                    "add {} with id '{}' to `{}`, or fix the id",
                    expected.with_article(),
                    reference.id,
                    expected.key()
                ),
            };
            problems.push(
                Diagnostic::new(
                    Code::UnknownReference,
                    reference.span,
                    format!("unknown {} '{}'", expected.singular(), reference.id),
                )
                .label(format!("no {} has this id", expected.singular()))
                .help(help)
                .suggest(nearest_id),
            );
        }
    }
    found
}

fn check_affiliation_cycles(brief: &Brief, ids: &IdTable, problems: &mut Vec<Diagnostic>) {
    // Each actor has at most one affiliation, so following it from anywhere either ends or
    // enters a cycle; report each cycle once, at its first actor in file order.
    let parent = |i: usize| -> Option<usize> {
        let reference = brief.actors[i].affiliation.as_ref()?;
        resolve(brief, ids, &reference.id, Section::Actors).filter(|r| r.section == Section::Actors).map(|r| r.index())
    };
    let mut state = vec![0u8; brief.actors.len()]; // 0 unvisited, 1 on the current path, 2 done
    for start in 0..brief.actors.len() {
        let mut path = Vec::new();
        let mut at = Some(start);
        while let Some(i) = at {
            match state[i] {
                2 => break,
                1 => {
                    let cycle_start = path.iter().position(|&p| p == i).unwrap_or(0);
                    let cycle = &path[cycle_start..];
                    let first = cycle.iter().copied().min().unwrap_or(i);
                    let names: Vec<&str> = cycle
                        .iter()
                        .cycle()
                        .skip_while(|&&p| p != first)
                        .take(cycle.len() + 1)
                        .map(|&p| brief.actors[p].id.as_ref())
                        .collect();
                    let span = brief.actors[first].affiliation.as_ref().map_or(brief.actors[first].span, |r| r.span);
                    let help = if cycle.len() == 1 {
                        "an actor cannot belong to itself; point `affiliation` at the body it belongs to, or remove it"
                    } else {
                        "an affiliation points to the larger body an actor belongs to; remove one link of the loop"
                    };
                    problems.push(
                        Diagnostic::new(
                            Code::AffiliationCycle,
                            span,
                            format!(
                                "actor '{}' is in its own affiliation chain: {}",
                                brief.actors[first].id,
                                names.join(" → ")
                            ),
                        )
                        .label("part of the loop")
                        .help(help),
                    );
                    break;
                }
                _ => {
                    state[i] = 1;
                    path.push(i);
                    at = parent(i);
                }
            }
        }
        for p in path {
            state[p] = 2;
        }
    }
}

/// `referenced`: for each actor, whether any reference names it.
fn warn_unreferenced_actors(brief: &Brief, referenced: &[bool], problems: &mut Vec<Diagnostic>) {
    for (actor, _) in brief.actors.iter().zip(referenced).filter(|(_, r)| !**r) {
        {
            problems.push(
                Diagnostic::new(
                    Code::UnreferencedActor,
                    actor.span,
                    format!("actor '{}' is not referred to by anything", actor.id),
                )
                .label("no quote, claim, position, event or actor points here")
                .help("link the actor from a quote, claim, position or event, or remove it"),
            );
        }
    }
}

fn warn_unsourced(brief: &Brief, problems: &mut Vec<Diagnostic>) {
    if brief.sources.is_empty() {
        return;
    }
    for section in [Section::Claims, Section::Positions, Section::Quotes, Section::Events] {
        for item in brief.items(section) {
            if brief.citation_of(item).0.is_empty() {
                problems.push(
                    Diagnostic::new(
                        Code::Unsourced,
                        brief.span_of(item),
                        format!("{} '{}' has no source", section.singular(), brief.id_of(item)),
                    )
                    .label("no `source:`")
                    .help(format!(
                        "add `source: {}` (and `at:` for the place in it)",
                        brief.sources.first().map_or("…", |s| s.id.as_ref())
                    )),
                );
            }
        }
    }
}
