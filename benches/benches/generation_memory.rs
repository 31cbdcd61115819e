//! Generation memory, in process: for `schema/goals.yaml` and the synthetic specs of
//! 10, 100, 1,000 and 5,000 operations, the peak of live heap bytes during one
//! `generator::generate` call (above the spec text, which exists before), the bytes
//! and the number of allocations it makes, and the lines of Rust it writes.
//!
//! ```sh
//! cargo bench -p benches --bench generation_memory
//! ```
//!
//! Prints a Markdown table and writes `target/bench-results/generation-memory.json`.
//! Times are in `generation` (criterion); the wall times printed here are single
//! runs under the counting allocator, only a cross-check.

use std::time::Instant;

use benches::alloc_count::{self, Counting};

#[global_allocator]
static ALLOC: Counting = Counting;

fn main() {
    // `cargo bench` passes `--bench`; a filter is not supported, every size is run.
    let settings = generator::workspace::default_settings();
    let goals = benches::workspace_root().join(generator::workspace::SPEC);
    let goals = match std::fs::read_to_string(&goals) {
        Ok(text) => text,
        Err(error) => {
            eprintln!("reading {}: {error}", goals.display());
            std::process::exit(1);
        }
    };
    let mut specs = vec![("goals.yaml".to_owned(), 6usize, goals)];
    for n in [10, 100, 1_000, 5_000] {
        specs.push((format!("synthetic-{n}"), n, benches::synth::spec(n)));
    }

    println!(
        "| spec | operations | spec bytes | peak live heap | allocated in all | allocations | generated Rust lines | one run (counting allocator) |"
    );
    println!("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
    let mut rows = Vec::new();
    for (name, operations, text) in &specs {
        // A first run warms up lazily built statics (keyword tables, regexes).
        let _ = generator::generate(text, name, &settings);
        let started = Instant::now();
        // Every thread: the generator formats its files on threads of its own.
        let (result, counts) =
            alloc_count::measure_all_threads(|| generator::generate(text, name, &settings));
        let elapsed = started.elapsed();
        let output = match result {
            Ok(output) => output,
            Err(diagnostics) => {
                eprintln!("{name}: {diagnostics}");
                std::process::exit(1);
            }
        };
        let lines = benches::rust_lines(&output);
        println!(
            "| {name} | {operations} | {} | {:.1} MiB | {:.1} MiB | {} | {lines} | {:.1} ms |",
            text.len(),
            mib(counts.peak_live_bytes),
            mib(counts.bytes_allocated),
            counts.allocations(),
            elapsed.as_secs_f64() * 1e3,
        );
        rows.push(format!(
            "{{\"spec\":\"{name}\",\"operations\":{operations},\"spec_bytes\":{},\"peak_live_bytes\":{},\"bytes_allocated\":{},\"allocations\":{},\"rust_lines\":{lines},\"single_run_ms\":{:.3}}}",
            text.len(),
            counts.peak_live_bytes,
            counts.bytes_allocated,
            counts.allocations(),
            elapsed.as_secs_f64() * 1e3,
        ));
    }
    let dir = benches::results_dir();
    let path = dir.join("generation-memory.json");
    let json = format!("[\n  {}\n]\n", rows.join(",\n  "));
    if let Err(error) = std::fs::create_dir_all(&dir).and_then(|()| std::fs::write(&path, json)) {
        eprintln!("writing {}: {error}", path.display());
        std::process::exit(1);
    }
    println!("\nwritten: {}", path.display());
}

fn mib(bytes: u64) -> f64 {
    bytes as f64 / (1024.0 * 1024.0)
}
