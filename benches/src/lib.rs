//! Shared parts of the benchmarks: the synthetic spec maker and a counting allocator.
//!
//! The benches themselves live in `benches/benches/`; how to run each one is in
//! `benches/README.md`, and the figures of the last run are in `BENCHMARKS.md` at the
//! workspace root.

pub mod alloc_count;
pub mod synth;

use std::path::PathBuf;

/// The workspace root (the parent of this crate's folder).
pub fn workspace_root() -> PathBuf {
    let manifest = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
}

/// Where the benches write their JSON results: `target/bench-results/` under the
/// workspace root, or `$BENCH_RESULTS_DIR` when set.
pub fn results_dir() -> PathBuf {
    std::env::var_os("BENCH_RESULTS_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("target").join("bench-results"))
}

/// Lines of all the generated files of `output` whose path ends in `.rs`.
pub fn rust_lines(output: &generator::Output) -> usize {
    output
        .files
        .iter()
        .filter(|(path, _)| path.ends_with(".rs"))
        .map(|(_, text)| text.lines().count())
        .sum()
}
