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
        let _ = writeln!(w, "  - id: a{a:05}\n    name: {}\n    role: {}", quoted(&rng.text(24)), rng.pick(ROLES));
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
    }
    if shape.positions > 0 {
        let _ = writeln!(w, "positions:");
    }
    for p in 0..shape.positions {
        let mut line = format!(
            "  - {{id: p{p:05}, actor: a{:05}, topic: t{:04}, stance: {}, text: {}",
            rng.below(actors),
            rng.below(topics),
            rng.pick(STANCES),
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
    for q in 0..shape.quotes {
        let _ = writeln!(
            w,
            "  - id: q{q:06}\n    speaker: a{:05}\n    kind: {}\n    text: {}\n    mentions: [a{:05}]\n    date: 2024-{:02}-{:02}\n    source: s0\n    at: page {}",
            q % actors,
            rng.pick(KINDS),
            quoted(&rng.text(150)),
            rng.below(actors),
            1 + q % 12,
            1 + q % 28,
            1 + q % 300
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
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
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
}
