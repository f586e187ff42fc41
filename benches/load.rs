//! Loading a large brief: 10,000 actors, 5,000 claims, 5,000 positions, 100,000 quotes (about
//! 35 MB of YAML from `brief::synth`).
//!
//! - `typed_parse`: YAML into the model, every field checked (the first stage of a load);
//! - `full_load`: the same plus the rules across items (ids, references, cycles, warnings) and
//!   the cross-reference index: everything before the reader can open the brief;
//! - `derive_reference`: serde-saphyr into plain `#[derive(Deserialize)]` structs of the same
//!   shape, with no checks and no positions: what a loader that stops at the first problem
//!   would cost.
//!
//! Throughput is in bytes of YAML, so criterion reports MB/s.

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use serde::Deserialize;

use brief::index::Index;
use brief::load::{Origin, load_text, parse_text};
use brief::synth::{Shape, brief_yaml};

fn load(c: &mut Criterion) {
    let yaml = brief_yaml(Shape::BENCH);
    let mut group = c.benchmark_group("load");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(yaml.len() as u64));
    let id = |name: &str| BenchmarkId::new(name, format!("{:.1}MB", yaml.len() as f64 / 1e6));

    group.bench_function(id("typed_parse"), |b| {
        b.iter_batched(
            || yaml.clone(),
            |text| {
                let file = parse_text(Origin::Stdin, text);
                assert!(!file.has_errors());
                file
            },
            criterion::BatchSize::LargeInput,
        )
    });
    group.bench_function(id("full_load"), |b| {
        b.iter_batched(
            || yaml.clone(),
            |text| {
                let file = load_text(Origin::Stdin, text);
                assert!(!file.has_errors());
                let brief = file.into_valid_briefs().pop().unwrap();
                let index = Index::build(&brief);
                (brief, index)
            },
            criterion::BatchSize::LargeInput,
        )
    });
    group.bench_function(id("derive_reference"), |b| {
        b.iter(|| {
            let n = yaml.len();
            let options = serde_saphyr::options! { budget: serde_saphyr::budget! {
            max_nodes: n.max(250_000), max_events: n.max(1_000_000), max_total_scalar_bytes: n.max(64 << 20) } };
            let brief: reference::Brief = serde_saphyr::from_str_with_options(&yaml, options).unwrap();
            brief
        })
    });
    group.finish();
}

/// The benchmark brief's shape as plain serde structs: no positions, no checks. The fields are
/// there to be parsed, not read.
#[allow(dead_code)]
mod reference {
    use super::Deserialize;

    #[derive(Deserialize)]
    pub struct Brief {
        pub brief: u32,
        pub id: String,
        pub title: String,
        pub date: String,
        pub summary: Option<String>,
        pub marking: Option<String>,
        pub tags: Vec<String>,
        pub sources: Vec<Source>,
        pub topics: Vec<Topic>,
        pub actors: Vec<Actor>,
        pub claims: Vec<Claim>,
        pub positions: Vec<Position>,
        pub quotes: Vec<Quote>,
        pub events: Vec<Event>,
    }
    #[derive(Deserialize)]
    pub struct Source {
        pub id: String,
        pub title: String,
        pub publisher: String,
        pub reliability: String,
    }
    #[derive(Deserialize)]
    pub struct Topic {
        pub id: String,
        pub label: String,
    }
    #[derive(Deserialize)]
    pub struct Actor {
        pub id: String,
        pub name: String,
        pub role: Option<String>,
        pub affiliation: Option<String>,
        #[serde(default)]
        pub aliases: Vec<String>,
    }
    #[derive(Deserialize)]
    pub struct Claim {
        pub id: String,
        pub by: String,
        pub topic: String,
        pub text: String,
        pub source: String,
        pub at: String,
    }
    #[derive(Deserialize)]
    pub struct Position {
        pub id: String,
        pub actor: String,
        pub topic: String,
        pub stance: String,
        pub text: String,
        pub supports: Vec<String>,
        pub source: String,
    }
    #[derive(Deserialize)]
    pub struct Quote {
        pub id: String,
        pub speaker: String,
        pub kind: String,
        pub text: String,
        pub mentions: Vec<String>,
        pub date: String,
        pub source: String,
        pub at: String,
    }
    #[derive(Deserialize)]
    pub struct Event {
        pub id: String,
        pub date: String,
        pub text: String,
        pub actors: Vec<String>,
        pub source: String,
    }
}

criterion_group!(benches, load);
criterion_main!(benches);
