//! `brief diff` of two large briefs: the benchmark brief (10,000 actors, 5,000 claims, 5,000
//! positions, 100,000 quotes, about 35 MB of YAML from `brief::synth`) and its revision with
//! one item in a hundred of each section changed, renamed, dropped or added
//! (`brief::synth::revised_yaml`). Issue 16 asks for the diff in at most twice the time it
//! takes to load both.
//!
//! - `load_both`: both files read as `brief diff` reads them, one after the other, every rule
//!   checked (no index: the diff does not use one);
//! - `compare`: the two briefs compared ([`brief::diff::pair`]);
//! - `compare_and_write`: that and the text `brief diff` prints;
//! - `whole`: load both, compare, write: what `brief diff OLD NEW` does past reading the files.

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

use brief::export::{self, diff::Options};
use brief::load::{Origin, load_text};
use brief::model::Brief;
use brief::synth::{Shape, brief_yaml, revised_yaml};

fn load(yaml: String) -> Brief {
    let file = load_text(Origin::Stdin, yaml);
    assert!(!file.has_errors());
    file.into_valid_briefs().remove(0)
}

fn write(old: &Brief, new: &Brief) -> String {
    let pairs = brief::diff::pair(&[old], &[new]);
    let options = Options { format: export::Format::Text, color: false, stat: false };
    export::diff::render(&pairs, &[old], &[new], &options)
}

fn diff(c: &mut Criterion) {
    let (old_yaml, new_yaml) = (brief_yaml(Shape::BENCH), revised_yaml(Shape::BENCH, 100));
    let (old, new) = (load(old_yaml.clone()), load(new_yaml.clone()));
    let mut group = c.benchmark_group("diff");
    group.sample_size(10);
    let id = |name: &str| BenchmarkId::new(name, format!("{:.1}MB", (old_yaml.len() + new_yaml.len()) as f64 / 1e6));

    group.bench_function(id("load_both"), |b| {
        b.iter_batched(
            || (old_yaml.clone(), new_yaml.clone()),
            |(old, new)| (load(old), load(new)),
            criterion::BatchSize::LargeInput,
        )
    });
    group.bench_function(id("compare"), |b| b.iter(|| brief::diff::pair(&[&old], &[&new])));
    group.bench_function(id("compare_and_write"), |b| b.iter(|| write(&old, &new)));
    group.bench_function(id("whole"), |b| {
        b.iter_batched(
            || (old_yaml.clone(), new_yaml.clone()),
            |(old, new)| {
                let (old, new) = (load(old), load(new));
                write(&old, &new)
            },
            criterion::BatchSize::LargeInput,
        )
    });
    group.finish();
}

criterion_group!(benches, diff);
criterion_main!(benches);
