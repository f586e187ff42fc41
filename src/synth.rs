//! Generated briefs of any size, for benchmarks, property tests and fuzzing seeds.
//!
//! The output is a valid brief (it loads without errors or warnings) with text that exercises
//! Unicode: accents, CJK, Cyrillic, typographic quotes and emoji. The same shape always gives
//! the same bytes.

use std::fmt::Write;

/// How many items of each section to generate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shape {
    pub actors: usize,
    pub topics: usize,
    pub claims: usize,
    pub positions: usize,
    pub quotes: usize,
    pub events: usize,
}

impl Shape {
    /// The benchmark brief: 10,000 actors, 5,000 claims, 5,000 positions, 100,000 quotes.
    pub const BENCH: Shape =
        Shape { actors: 10_000, topics: 200, claims: 5_000, positions: 5_000, quotes: 100_000, events: 1_000 };

    /// A brief of this shape scaled to `quotes` quotes.
    pub fn with_quotes(quotes: usize) -> Shape {
        Shape { quotes, ..Shape::BENCH }
    }

    /// A few of everything.
    pub const SMALL: Shape = Shape { actors: 12, topics: 4, claims: 8, positions: 10, quotes: 40, events: 6 };
}

const WORDS: &[&str] = &[
    "minister",
    "council",
    "budget",
    "reform",
    "naïve",
    "café",
    "déjà-vu",
    "résumé",
    "coöperation",
    "Zürich",
    "São-Paulo",
    "Kraków",
    "東京",
    "北京",
    "данные",
    "право",
    "“quoted”",
    "—",
    "…",
    "✓",
    "🙂",
    "policy",
    "vote",
    "tariff",
    "treaty",
    "border",
    "energy",
    "health",
    "data",
    "privacy",
    "court",
    "committee",
    "hearing",
    "statement",
    "report",
    "analysis",
    "growth",
    "risk",
    "sanctions",
    "troops",
    "talks",
    "guarantees",
];
const ROLES: &[&str] = &["minister", "analyst", "spokesperson", "ambassador", "member of parliament"];
const STANCES: &[&str] = &["supports", "opposes", "neutral", "mixed", "unclear"];
const KINDS: &[&str] = &["direct", "partial", "indirect"];

/// A small deterministic generator (xorshift64*), so the crate needs no `rand`; the screen's
/// tests draw their random frames with it too.
pub(crate) struct Rng(pub(crate) u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub(crate) fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// About `chars` characters of words.
    fn text(&mut self, chars: usize) -> String {
        let mut out = String::new();
        while out.chars().count() < chars {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(self.pick(WORDS));
        }
        out
    }
}

/// A YAML double-quoted scalar.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// Generates a brief of the given shape as YAML.
pub fn brief_yaml(shape: Shape) -> String {
    generate(shape, None)
}

/// [`brief_yaml`] revised: one item in `every` of each section changed (an actor's role, a
/// claim's status, a position's stance, an event's status), and of the quotes one in `every`
/// each reworded, given another kind, given another id, or dropped for a new quote at the end.
/// The rest is byte for byte the same, so `brief diff` of the two finds exactly these.
pub fn revised_yaml(shape: Shape, every: usize) -> String {
    generate(shape, Some(every.max(1)))
}

/// What [`revised_yaml`] does to the `n`th item of a section: nothing, or the `k`th revision
/// (its turn among the revisions of the section).
fn revision(revise: Option<usize>, n: usize) -> Option<usize> {
    let every = revise?;
    (n % every == every / 2).then_some(n / every)
}

fn generate(shape: Shape, revise: Option<usize>) -> String {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let actors = shape.actors.max(1);
    let topics = shape.topics.max(1);
    let mut out = String::with_capacity(shape.quotes * 330 + actors * 140 + 4096);
    let w = &mut out;
    let _ = writeln!(w, "brief: 1\nid: synthetic\ntitle: Synthetic brief\ndate: 2024-06-30");
    let _ = writeln!(w, "summary: {}", quoted(&rng.text(200)));
    let _ = writeln!(w, "marking: TEST\ntags: [synthetic, benchmark]");
    let _ = writeln!(w, "sources:\n  - id: s0\n    title: Transcripts\n    publisher: Generated\n    reliability: C");
    let _ = writeln!(w, "topics:");
    for t in 0..topics {
        let _ = writeln!(w, "  - id: t{t:04}\n    label: {}", quoted(&rng.text(30)));
    }
    let _ = writeln!(w, "actors:");
    for a in 0..actors {
        let (name, role) = (quoted(&rng.text(24)), rng.pick(ROLES));
        let role = if revision(revise, a).is_some() { "envoy" } else { role };
        let _ = writeln!(w, "  - id: a{a:05}\n    name: {name}\n    role: {role}");
        if a > 0 && a % 10 != 0 {
            // Every actor belongs to the nearest multiple of ten below it: no cycles, and every
            // leader is referenced by its members.
            let _ = writeln!(w, "    affiliation: a{:05}", a - a % 10);
        }
        if a % 3 == 1 {
            let _ = writeln!(w, "    aliases: [{}]", quoted(&rng.text(12)));
        }
    }
    let claims = shape.claims;
    if claims > 0 {
        let _ = writeln!(w, "claims:");
    }
    for c in 0..claims {
        let _ = writeln!(
            w,
            "  - id: c{c:05}\n    by: a{:05}\n    topic: t{:04}\n    text: >-\n      {}\n    source: s0\n    at: page {}",
            rng.below(actors),
            rng.below(topics),
            rng.text(120),
            1 + c % 300
        );
        if revision(revise, c).is_some() {
            let _ = writeln!(w, "    status: confirmed");
        }
    }
    if shape.positions > 0 {
        let _ = writeln!(w, "positions:");
    }
    for p in 0..shape.positions {
        let mut line = format!(
            "  - {{id: p{p:05}, actor: a{:05}, topic: t{:04}, stance: {}, text: {}",
            rng.below(actors),
            rng.below(topics),
            match (rng.pick(STANCES), revision(revise, p)) {
                ("mixed", Some(_)) => "neutral",
                (_, Some(_)) => "mixed",
                (stance, None) => stance,
            },
            quoted(&rng.text(60))
        );
        if claims > 0 {
            let _ = write!(line, ", supports: [c{:05}]", rng.below(claims));
        }
        let _ = writeln!(w, "{line}, source: s0}}");
    }
    if shape.quotes > 0 {
        let _ = writeln!(w, "quotes:");
    }
    let mut dropped = Vec::new();
    for q in 0..shape.quotes {
        let (speaker, kind, mut text) = (q % actors, rng.pick(KINDS), rng.text(150));
        let (mentions, month, day, page) = (rng.below(actors), 1 + q % 12, 1 + q % 28, 1 + q % 300);
        let (mut id, mut kind) = (format!("q{q:06}"), kind);
        match revision(revise, q).map(|k| k % 4) {
            None => {}
            Some(0) => text.push_str(" (revised)"),
            Some(1) => kind = if kind == "indirect" { "direct" } else { "indirect" },
            Some(2) => id = format!("r{q:06}"),
            Some(_) => {
                dropped.push(q);
                continue;
            }
        }
        let _ = writeln!(
            w,
            "  - id: {id}\n    speaker: a{speaker:05}\n    kind: {kind}\n    text: {}\n    mentions: [a{mentions:05}]\n    date: 2024-{month:02}-{day:02}\n    source: s0\n    at: page {page}",
            quoted(&text)
        );
    }
    // Without the generator, so the events after them come out the same.
    for q in dropped {
        let _ = writeln!(
            w,
            "  - id: n{q:06}\n    speaker: a{:05}\n    kind: indirect\n    text: A statement new in this version, number {q}.\n    source: s0",
            q % actors
        );
    }
    if shape.events > 0 {
        let _ = writeln!(w, "events:");
    }
    for e in 0..shape.events {
        let _ = writeln!(
            w,
            "  - id: e{e:05}\n    date: 2024-{:02}-{:02}\n    text: {}\n    actors: [a{:05}]\n    source: s0",
            1 + e % 12,
            1 + e % 28,
            quoted(&rng.text(50)),
            rng.below(actors)
        );
        if revision(revise, e).is_some() {
            let _ = writeln!(w, "    status: ongoing");
        }
    }
    out
}

// A library: many briefs about one region over a year, for the benchmarks of reading folders.

/// People's given names; with [`SURNAMES`], the names of the pool's people.
const GIVEN: &[&str] = &[
    "Anna", "Łukasz", "Zoë", "Björn", "Olena", "Dmitri", "Amélie", "José", "Mei", "Kenji", "Aisha", "Tomás", "Ingrid",
    "Yusuf", "Sofía", "Mikhail", "Chloé", "Rahul", "Hana", "Pieter", "Nadia", "Émile", "Leila", "Ørjan",
];
/// ASCII, as they also make the people's ids.
const SURNAMES: &[&str] = &[
    "Kowalski",
    "Mueller",
    "Ivanova",
    "Nakamura",
    "Garcia",
    "Dubois",
    "Okafor",
    "Novak",
    "Horvath",
    "Lindqvist",
    "Petrenko",
    "Rossi",
    "Haddad",
    "Chen",
    "Jansen",
    "Moreau",
    "Sato",
    "Kaya",
    "Silva",
    "Nowak",
    "Fischer",
    "Popescu",
    "Bianchi",
    "Tanaka",
    "Varga",
    "Larsen",
    "Costa",
    "Schmidt",
    "Kovalenko",
    "Andersen",
];
const STATES: &[&str] = &[
    "Poland",
    "Lithuania",
    "Latvia",
    "Estonia",
    "Finland",
    "Sweden",
    "Norway",
    "Denmark",
    "Germany",
    "France",
    "Italy",
    "Spain",
    "Portugal",
    "Austria",
    "Hungary",
    "Romania",
    "Bulgaria",
    "Greece",
    "Turkey",
    "Georgia",
    "Moldova",
    "Ukraine",
    "Belarus",
    "Armenia",
];
/// The bodies of each state: the id's ending and the name's.
const BODIES: &[(&str, &str)] =
    &[("foreign-ministry", "Foreign Ministry"), ("parliament", "Parliament"), ("energy-agency", "Energy Agency")];
const PLACES: &[&str] = &[
    "Minsk",
    "Vilnius",
    "Warsaw",
    "Riga",
    "Tallinn",
    "Helsinki",
    "Geneva",
    "Brussels",
    "Vienna",
    "Chișinău",
    "Tbilisi",
    "Yerevan",
    "Kyiv",
    "Istanbul",
    "Bucharest",
    "Budapest",
];
/// What the topics are about, ASCII as they also make the topics' ids.
const AREAS: &[&str] = &[
    "Gas transit",
    "Grain exports",
    "Border crossings",
    "Sanctions relief",
    "Arms deliveries",
    "Refugee quotas",
    "Data sharing",
    "Tariff schedule",
    "Election monitoring",
    "Power grid links",
];
const PUBLISHERS: &[&str] = &[
    "Baltic Wire",
    "Danube Press Agency",
    "Northern Courier",
    "Eastern Ledger",
    "Caucasus Daily",
    "Parliamentary Record",
    "Ministry Press Office",
    "Open Sources Monitor",
];
const PERSON_ROLES: &[&str] =
    &["Foreign Minister", "spokesperson", "member of parliament", "energy analyst", "ambassador", "deputy minister"];
const VERBS: &[&str] = &["said", "warned", "confirmed", "denied", "announced", "suggested", "insisted"];

/// The actors every brief of a library draws from: 24 states, 3 bodies of each, then people
/// (and a few groups). An id has the same name and kind in every brief.
const POOL_STATES: usize = 24;
const POOL_BODIES: usize = POOL_STATES * 3;
const POOL_PEOPLE: usize = 240;
const POOL_TOPICS: usize = 40;

struct PoolActor {
    id: String,
    name: String,
    kind: Option<&'static str>,
    role: Option<&'static str>,
    affiliation: Option<usize>,
    speaks_for_affiliation: bool,
    aliases: Option<&'static str>,
}

fn pool_actor(j: usize) -> PoolActor {
    let slug = |s: &str| s.to_ascii_lowercase().replace(' ', "-");
    if j < POOL_STATES {
        let name = STATES[j];
        return PoolActor {
            id: slug(name),
            name: name.to_string(),
            kind: Some("state"),
            role: None,
            affiliation: None,
            speaks_for_affiliation: false,
            aliases: None,
        };
    }
    if j < POOL_STATES + POOL_BODIES {
        let k = j - POOL_STATES;
        let (state, (id, name)) = (k / BODIES.len(), BODIES[k % BODIES.len()]);
        return PoolActor {
            id: format!("{}-{id}", slug(STATES[state])),
            name: format!("{} {name}", STATES[state]),
            kind: Some("organisation"),
            role: None,
            affiliation: Some(state),
            speaks_for_affiliation: false,
            aliases: None,
        };
    }
    let p = j - POOL_STATES - POOL_BODIES;
    if p % 40 == 39 {
        return PoolActor {
            id: format!("protesters-{p}"),
            name: format!("Protesters in {}", PLACES[p % PLACES.len()]),
            kind: Some("group"),
            role: None,
            affiliation: None,
            speaks_for_affiliation: false,
            aliases: None,
        };
    }
    let surname = SURNAMES[(p * 7 + p / GIVEN.len()) % SURNAMES.len()];
    let role = PERSON_ROLES[p % PERSON_ROLES.len()];
    PoolActor {
        id: format!("{}-{p}", surname.to_ascii_lowercase()),
        name: format!("{} {surname}", GIVEN[p % GIVEN.len()]),
        kind: None,
        role: Some(role),
        // Four people to a body, so a brief's people share a few bodies and states.
        affiliation: Some(POOL_STATES + (p / 4) % POOL_BODIES),
        speaks_for_affiliation: role == "spokesperson",
        aliases: p.is_multiple_of(3).then_some(surname),
    }
}

fn topic_id(t: usize) -> String {
    format!("t{t:02}-{}", AREAS[t % AREAS.len()].to_ascii_lowercase().replace(' ', "-"))
}

fn topic_label(t: usize) -> String {
    format!("{} ({})", AREAS[t % AREAS.len()], PLACES[(t * 7) % PLACES.len()])
}

/// A brief's own choice of actors and topics: a window of the pool that moves with the brief's
/// number, so the same people recur from one brief to the next.
struct Plan {
    actors: Vec<usize>,
    topics: Vec<usize>,
}

fn seed(brief: usize, what: u64) -> Rng {
    Rng((0x9E37_79B9_7F4A_7C15
        ^ (brief as u64).wrapping_mul(0x0100_0000_01B3)
        ^ what.wrapping_mul(0xBF58_476D_1CE4_E5B9))
        | 1)
}

fn plan(brief: usize) -> Plan {
    let mut rng = seed(brief, 0);
    let start = brief * 3;
    let mut actors: Vec<usize> =
        (0..12).map(|_| POOL_STATES + POOL_BODIES + (start + rng.below(32)) % POOL_PEOPLE).collect();
    actors.extend((0..2).map(|_| rng.below(POOL_STATES)));
    actors.sort_unstable();
    actors.dedup();
    let mut topics: Vec<usize> = (0..5).map(|_| (brief / 4 + rng.below(8)) % POOL_TOPICS).collect();
    topics.sort_unstable();
    topics.dedup();
    Plan { actors, topics }
}

/// Days from 2024-01-01 as an ISO date.
fn iso_date(day: i64) -> String {
    // 2024-01-01 is day 19,723 from 1970-01-01.
    let (y, m, d) = crate::model::civil_from_days(day + 19_723);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The day of a library's brief: `count` briefs spread over 2024.
fn brief_day(brief: usize, count: usize) -> i64 {
    (brief * 365 / count.max(1)) as i64
}

/// An item as its first brief had it; later briefs carry it over with a new status or stance.
struct Core {
    actor: usize,
    topic: usize,
    text: String,
    /// What else it names: a quote's mentions, an event's actors.
    others: Vec<usize>,
}

/// Item `k` of a section (by `what`) of brief `brief`, as that brief wrote it.
fn core(brief: usize, what: u64, k: usize, chars: usize) -> Core {
    let plan = plan(brief);
    let mut rng = seed(brief, what << 8 | k as u64);
    let actor = plan.actors[rng.below(plan.actors.len())];
    let topic = plan.topics[rng.below(plan.topics.len())];
    let others = (0..1 + rng.below(2)).map(|_| plan.actors[rng.below(plan.actors.len())]).collect();
    let place = rng.pick(PLACES);
    let text = format!(
        "{} {} in {place} that the {} {}.",
        pool_actor(actor).name,
        rng.pick(VERBS),
        AREAS[topic % AREAS.len()].to_lowercase(),
        rng.text(chars)
    );
    Core { actor, topic, text, others }
}

/// The items each brief has of its own, besides those it carries over.
const OWN_CLAIMS: usize = 14;
const OWN_QUOTES: usize = 30;

const CLAIMS: u64 = 1;
const POSITIONS: u64 = 2;
const QUOTES: u64 = 3;
const EVENTS: u64 = 4;

/// How many briefs later an item is still followed, by section, and what becomes of it.
const CLAIM_STATUSES: &[&str] = &["reported", "unverified", "disputed", "confirmed"];

/// Generates a library of `count` briefs of about 30 KB each, oldest first: file names (which
/// sort by date) and YAML. They share a pool of actors and topics (an id has the same name and
/// kind everywhere), span 2024, and carry some claims, positions, quotes and events over from
/// the briefs before them, with their status or stance moved on. Each loads without errors or
/// warnings, alone or with the others. The same count always gives the same bytes.
pub fn library(count: usize) -> Vec<(String, String)> {
    (0..count)
        .map(|b| (format!("{}-brief-{b:04}.yaml", iso_date(brief_day(b, count))), library_brief(b, count)))
        .collect()
}

/// Writes [`library`] into `dir` (created if need be), and gives the bytes written.
pub fn write_library(dir: &std::path::Path, count: usize) -> std::io::Result<u64> {
    std::fs::create_dir_all(dir)?;
    let mut bytes = 0;
    for (name, yaml) in library(count) {
        std::fs::write(dir.join(name), &yaml)?;
        bytes += yaml.len() as u64;
    }
    Ok(bytes)
}

/// Brief `b` of a library of `count`.
fn library_brief(b: usize, count: usize) -> String {
    let (plan, day) = (plan(b), brief_day(b, count));
    let mut rng = seed(b, 1 << 40);
    let source_ids: Vec<String> = (0..3).map(|s| format!("s{b:04}-{s}")).collect();
    let mut actors = plan.actors.clone();
    let mut topics = plan.topics.clone();

    // Items carried over from the briefs before: (origin brief, k, age).
    let carried = |section_age: usize, per_brief: usize| {
        (1..=section_age).filter(|age| *age <= b).flat_map(move |age| (0..per_brief).map(move |k| (b - age, k, age)))
    };
    let claims: Vec<(String, Core, &str)> = carried(3, 2)
        .map(|(o, k, age)| (format!("c{o:04}-{k}"), core(o, CLAIMS, k, 60), CLAIM_STATUSES[age]))
        .chain((0..OWN_CLAIMS).map(|k| (format!("c{b:04}-{k}"), core(b, CLAIMS, k, 60), CLAIM_STATUSES[0])))
        .collect();
    let positions: Vec<(String, Core, &str)> = carried(2, 2)
        .map(|(o, k, age)| (format!("p{o:04}-{k}"), core(o, POSITIONS, k, 55), STANCES[(o + k + age) % STANCES.len()]))
        .chain((0..12).map(|k| (format!("p{b:04}-{k}"), core(b, POSITIONS, k, 55), STANCES[(b + k) % STANCES.len()])))
        .collect();
    let quotes: Vec<(String, Core)> = carried(1, 3)
        .map(|(o, k, _)| (format!("q{o:04}-{k}"), core(o, QUOTES, k, 75)))
        .chain((0..OWN_QUOTES).map(|k| (format!("q{b:04}-{k}"), core(b, QUOTES, k, 75))))
        .collect();
    // Events: the last four of a brief are ahead of it; the briefs after it follow the first of
    // them until it has happened, and after.
    let event_day = |o: usize, k: usize| brief_day(o, count) + k as i64 - 7;
    let events: Vec<(String, Core, i64)> = carried(6, 1)
        .map(|(o, _, _)| (format!("e{o:04}-8"), core(o, EVENTS, 8, 30), event_day(o, 8)))
        .chain((0..12).map(|k| (format!("e{b:04}-{k}"), core(b, EVENTS, k, 30), event_day(b, k))))
        .collect();

    let every_core = claims.iter().map(|c| &c.1).chain(positions.iter().map(|p| &p.1));
    let every_core = every_core.chain(quotes.iter().map(|q| &q.1)).chain(events.iter().map(|e| &e.1));
    for item in every_core {
        actors.push(item.actor);
        actors.extend(&item.others);
        topics.push(item.topic);
    }
    // Every actor's bodies come along.
    let mut i = 0;
    while i < actors.len() {
        if let Some(a) = pool_actor(actors[i]).affiliation {
            actors.push(a);
        }
        i += 1;
    }
    actors.sort_unstable();
    actors.dedup();
    topics.sort_unstable();
    topics.dedup();
    // An actor nothing else names is mentioned by one of the brief's own quotes.
    let mut referenced = vec![false; actors.len()];
    let mut mark = |a: usize| {
        if let Ok(i) = actors.binary_search(&a) {
            referenced[i] = true;
        }
    };
    for item in claims.iter().map(|c| &c.1).chain(positions.iter().map(|p| &p.1)) {
        mark(item.actor);
    }
    for item in quotes.iter().map(|q| &q.1).chain(events.iter().map(|e| &e.1)) {
        mark(item.actor);
        item.others.iter().for_each(|&a| mark(a));
    }
    for &a in &actors {
        if let Some(body) = pool_actor(a).affiliation {
            mark(body);
        }
    }
    let unmentioned: Vec<usize> = actors.iter().zip(&referenced).filter(|(_, r)| !**r).map(|(a, _)| *a).collect();
    let own_quotes = quotes.len() - OWN_QUOTES;
    let mut extra_mentions: Vec<Vec<usize>> = vec![Vec::new(); quotes.len()];
    for (n, a) in unmentioned.into_iter().enumerate() {
        extra_mentions[own_quotes + n % OWN_QUOTES].push(a);
    }

    let mut out = String::with_capacity(32 << 10);
    let w = &mut out;
    let place = PLACES[b % PLACES.len()];
    let area = AREAS[plan.topics[0] % AREAS.len()].to_lowercase();
    let _ =
        writeln!(w, "brief: 1\nid: brief-{b:04}\ntitle: {}", quoted(&format!("{place}: {area} talks, day {}", b + 1)));
    let _ = writeln!(w, "date: {}", iso_date(day));
    let _ = writeln!(w, "summary: >-\n  {}", rng.text(400));
    let _ = writeln!(w, "prepared_by: {} desk\nmarking: {}", rng.pick(PLACES), ["PUBLIC", "INTERNAL"][b % 2]);
    let tags: Vec<String> = topics.iter().take(4).map(|&t| topic_id(t)).collect();
    let _ = writeln!(w, "tags: [{}, {}]", quoted(&place.to_lowercase()), tags.join(", "));
    let _ = writeln!(w, "sources:");
    for (s, id) in source_ids.iter().enumerate() {
        let _ = writeln!(
            w,
            "  - id: {id}\n    title: {}\n    publisher: {}\n    published: {}\n    reliability: {}",
            quoted(&rng.text(50)),
            PUBLISHERS[(b + s) % PUBLISHERS.len()],
            iso_date(day - s as i64),
            ["A", "B", "C", "D"][(b + s) % 4]
        );
    }
    let _ = writeln!(w, "topics:");
    for &t in &topics {
        let _ = writeln!(w, "  - id: {}\n    label: {}", topic_id(t), quoted(&topic_label(t)));
    }
    let _ = writeln!(w, "actors:");
    for &a in &actors {
        let actor = pool_actor(a);
        let _ = writeln!(w, "  - id: {}\n    name: {}", actor.id, quoted(&actor.name));
        if let Some(kind) = actor.kind {
            let _ = writeln!(w, "    kind: {kind}");
        }
        if let Some(role) = actor.role {
            let _ = writeln!(w, "    role: {role}");
        }
        if let Some(body) = actor.affiliation {
            let _ = writeln!(w, "    affiliation: {}", pool_actor(body).id);
            if actor.speaks_for_affiliation {
                let _ = writeln!(w, "    speaks_for: [{}]", pool_actor(body).id);
            }
        }
        if let Some(alias) = actor.aliases {
            let _ = writeln!(w, "    aliases: [{alias}]");
        }
    }
    let source = |rng: &mut Rng| &source_ids[rng.below(source_ids.len())];
    let _ = writeln!(w, "claims:");
    for (id, item, status) in &claims {
        let _ = writeln!(
            w,
            "  - id: {id}\n    text: >-\n      {}\n    by: {}\n    topic: {}\n    status: {status}\n    credibility: {}\n    source: {}\n    at: para {}",
            item.text,
            pool_actor(item.actor).id,
            topic_id(item.topic),
            1 + rng.below(6),
            source(&mut rng),
            1 + rng.below(40)
        );
    }
    let _ = writeln!(w, "positions:");
    let own_claims = &claims[claims.len() - OWN_CLAIMS..];
    for (id, item, stance) in &positions {
        let _ = writeln!(
            w,
            "  - id: {id}\n    actor: {}\n    topic: {}\n    stance: {stance}\n    text: {}\n    supports: [{}]\n    source: {}\n    at: para {}",
            pool_actor(item.actor).id,
            topic_id(item.topic),
            quoted(&item.text),
            own_claims[rng.below(own_claims.len())].0,
            source(&mut rng),
            1 + rng.below(40)
        );
    }
    let _ = writeln!(w, "quotes:");
    for ((id, item), extra) in quotes.iter().zip(&extra_mentions) {
        let mentions: Vec<String> = item.others.iter().chain(extra).map(|&a| pool_actor(a).id).collect();
        let _ = writeln!(
            w,
            "  - id: {id}\n    speaker: {}\n    kind: {}\n    text: {}\n    mentions: [{}]\n    date: {}\n    source: {}\n    at: para {}",
            pool_actor(item.actor).id,
            rng.pick(KINDS),
            quoted(&item.text),
            mentions.join(", "),
            iso_date(day - rng.below(3) as i64),
            source(&mut rng),
            1 + rng.below(40)
        );
    }
    let _ = writeln!(w, "events:");
    for (id, item, event_day) in &events {
        let status = if *event_day > day { "scheduled" } else { "occurred" };
        let actors: Vec<String> = std::iter::once(&item.actor).chain(&item.others).map(|&a| pool_actor(a).id).collect();
        let _ = writeln!(
            w,
            "  - id: {id}\n    date: {}\n    text: {}\n    status: {status}\n    actors: [{}]\n    source: {}",
            iso_date(*event_day),
            quoted(&item.text),
            actors.join(", "),
            source(&mut rng)
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_revised_brief_differs_in_exactly_the_revised_items() {
        let load = |yaml: String| {
            let file = crate::load::load_text(crate::load::Origin::Stdin, yaml);
            assert!(!file.has_errors(), "{:?}", file.all_problems().next());
            file.into_valid_briefs().remove(0)
        };
        let (old, new) = (load(brief_yaml(Shape::SMALL)), load(revised_yaml(Shape::SMALL, 4)));
        let diff = crate::diff::BriefDiff::between(&old, &new);
        assert!(diff.header().is_empty());
        let counts = |section| diff.section(section).counts();
        let changed = |n| crate::diff::Counts { changed: n, ..Default::default() };
        use crate::model::Section;
        assert_eq!(counts(Section::Actors), changed(3), "actors 2, 6 and 10");
        assert_eq!(counts(Section::Claims), changed(2));
        assert_eq!(counts(Section::Positions), changed(2), "positions 2 and 6");
        assert_eq!(counts(Section::Events), changed(1));
        // Ten quotes revised in turn: reworded, another kind, another id, dropped for a new one.
        assert_eq!(counts(Section::Quotes), crate::diff::Counts { added: 2, removed: 2, changed: 6, renamed: 2 });
    }
    use crate::load::{Origin, load_text};

    #[test]
    fn generated_briefs_load_cleanly() {
        let file = load_text(Origin::Embedded("synth"), brief_yaml(Shape::SMALL));
        let problems: Vec<_> = file.all_problems().collect();
        assert!(problems.is_empty(), "{problems:#?}");
        let brief = file.briefs[0].brief.as_ref().unwrap();
        assert_eq!(brief.quotes.len(), 40);
        assert_eq!(brief.actors.len(), 12);
    }

    #[test]
    fn the_same_shape_gives_the_same_bytes() {
        assert_eq!(brief_yaml(Shape::SMALL), brief_yaml(Shape::SMALL));
    }

    #[test]
    fn a_library_loads_without_errors_or_warnings_and_is_the_same_each_time() {
        let dir = tempfile::tempdir().unwrap();
        let bytes = write_library(dir.path(), 20).unwrap();
        assert!((20 * 25_000..20 * 35_000).contains(&bytes), "about 30 KB a brief: {bytes} bytes");
        let files = crate::load::load_paths(&[dir.path().to_path_buf()]).unwrap();
        assert_eq!(files.len(), 20);
        let problems: Vec<_> = files.iter().flat_map(|f| f.all_problems()).collect();
        assert!(problems.is_empty(), "{problems:#?}");
        assert_eq!(library(20), library(20));
        // Items followed over time: a claim of the first brief is in the next three, its status moving on.
        let briefs: Vec<_> = files.into_iter().flat_map(crate::load::LoadedFile::into_valid_briefs).collect();
        let status = |b: &crate::model::Brief| b.claims.iter().find(|c| &*c.id == "c0000-0").map(|c| c.status);
        let statuses: Vec<_> = briefs.iter().filter_map(status).collect();
        assert_eq!(statuses.len(), 4);
        assert!(statuses.windows(2).all(|w| w[0] != w[1]), "{statuses:?}");
        // Dates spread over the year, oldest first.
        let dates: Vec<String> = briefs.iter().map(|b| b.date.to_string()).collect();
        assert!(dates.windows(2).all(|w| w[0] <= w[1]) && dates[0] < dates[19], "{dates:?}");
    }

    #[test]
    fn library_dates_are_iso_dates() {
        assert_eq!(iso_date(0), "2024-01-01");
        assert_eq!(iso_date(59), "2024-02-29");
        assert_eq!(iso_date(365), "2024-12-31");
        assert_eq!(iso_date(366), "2025-01-01");
        assert_eq!(iso_date(-1), "2023-12-31");
    }
}
