//! Generation speed, in process: `generator::generate` on `schema/goals.yaml` and on
//! synthetic specs of 10, 100, 1,000 and 5,000 operations, plus the time of each
//! stage (load, model, emit + format) on the 1,000-operation spec.
//!
//! ```sh
//! cargo bench -p benches --bench generation
//! ```
//!
//! Peak memory per size is measured by the `generation_memory` bench, whose counting
//! allocator would slow this one down.

use std::hint::black_box;

/// The generator binary's allocator, so that these figures are the binary's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, SamplingMode, Throughput};

use generator::Settings;

fn or_exit<T, E: std::fmt::Display>(result: Result<T, E>, what: &str) -> T {
    match result {
        Ok(value) => value,
        Err(error) => {
            eprintln!("{what}: {error}");
            std::process::exit(1)
        }
    }
}

/// The specs measured: name, operations, text.
fn specs() -> Vec<(String, usize, String)> {
    let goals = benches::workspace_root().join(generator::workspace::SPEC);
    let goals = or_exit(std::fs::read_to_string(&goals), "reading schema/goals.yaml");
    let mut specs = vec![("goals.yaml".to_owned(), 6, goals)];
    for n in [10, 100, 1_000, 5_000] {
        specs.push((format!("synthetic-{n}"), n, benches::synth::spec(n)));
    }
    specs
}

fn generate(c: &mut Criterion) {
    let settings = generator::workspace::default_settings();
    let mut group = c.benchmark_group("generate");
    for (name, operations, text) in specs() {
        // Every spec must generate cleanly, or the figures mean nothing.
        or_exit(generator::generate(&text, &name, &settings), &name);
        if operations >= 1_000 {
            // Seconds per run: few samples, each one run.
            group.sample_size(10);
            group.sampling_mode(SamplingMode::Flat);
            group.measurement_time(Duration::from_secs(if operations >= 5_000 {
                40
            } else {
                10
            }));
        } else {
            group.sample_size(50);
            group.sampling_mode(SamplingMode::Auto);
            group.measurement_time(Duration::from_secs(5));
        }
        group.throughput(Throughput::Elements(operations as u64));
        group.bench_with_input(BenchmarkId::from_parameter(&name), &text, |b, text| {
            b.iter(|| generator::generate(black_box(text), "spec.yaml", black_box(&settings)));
        });
    }
    group.finish();
}

fn stages(c: &mut Criterion) {
    let settings: Settings = generator::workspace::default_settings();
    let text = benches::synth::spec(1_000);
    let loaded = or_exit(
        generator::load::load(&text).map_err(|d| format!("{} diagnostics", d.len())),
        "load",
    );
    let api = or_exit(
        generator::model::lower(&loaded).map_err(|d| format!("{} diagnostics", d.len())),
        "model",
    );
    let mut group = c.benchmark_group("stages-1000");
    group.sample_size(10);
    group.sampling_mode(SamplingMode::Flat);
    group.measurement_time(Duration::from_secs(8));
    group.bench_function("load", |b| {
        b.iter(|| generator::load::load(black_box(&text)));
    });
    group.bench_function("model", |b| {
        b.iter(|| generator::model::lower(black_box(&loaded)));
    });
    group.bench_function("emit+format", |b| {
        b.iter(|| generator::emit::crate_files(black_box(&api), &settings));
    });
    group.finish();
}

fn main() {
    let mut criterion = Criterion::default()
        .warm_up_time(Duration::from_secs(2))
        .configure_from_args();
    generate(&mut criterion);
    stages(&mut criterion);
    criterion.final_summary();
}
