//! Every fixture's generated crate must build without a single warning, under
//! `cargo check` and `cargo clippy -D warnings`, for all its targets.
//!
//! The crates are written into a scratch Cargo workspace,
//! `<workspace>/target/fixture-build/ws/` (one member per fixture, named after it),
//! with a copy of the workspace's `Cargo.lock` so the dependency versions are the
//! ones the real client is built with; cargo runs `--offline`. The scratch crates
//! are deleted and rewritten on every run; the build goes to its own target dir,
//! `<workspace>/target/fixture-build/target/` (the outer `cargo test` holds the
//! lock on the main one), which is kept, so only the first run checks reqwest and
//! its dependencies (about 35 s on two cores; later runs take a few seconds).
//!
//! All fixtures are built by one `cargo check` and one `cargo clippy`, both with
//! `--keep-going`, so that one failing crate does not hide the others' problems.
//!
//! A further member, `fixture-behaviour`, depends on every fixture crate and holds
//! the tests in `tests/fixture_behaviour/*.rs`: what a fixture's client does at run
//! time, against local servers. `cargo test` runs them after the checks.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

#[path = "support/fixtures.rs"]
mod fixtures;

/// `<workspace>/target/fixture-build`.
fn build_root() -> PathBuf {
    fixtures::workspace_root()
        .join("target")
        .join("fixture-build")
}

/// Writes the scratch workspace afresh and returns its root.
fn write_workspace() -> PathBuf {
    let root = build_root();
    let ws = root.join("ws");
    if ws.exists() {
        fs::remove_dir_all(&ws).expect("the old scratch workspace can be removed");
    }
    fs::create_dir_all(&ws).expect("the scratch workspace can be created");
    let mut manifest = String::from(
        "# Written by tests/tests/compile_fixtures.rs on every run; do not edit.\n\
         [workspace]\nmembers = [\n",
    );
    for fixture in fixtures::FIXTURES {
        fixtures::generate(fixture)
            .write_to(&ws.join(fixture))
            .unwrap_or_else(|e| panic!("cannot write the {fixture} crate: {e}"));
        let _ = writeln!(manifest, "    \"{fixture}\",");
    }
    write_behaviour_crate(&ws.join("behaviour"));
    manifest.push_str("    \"behaviour\",\n]\nresolver = \"3\"\n");
    fs::write(ws.join("Cargo.toml"), manifest).expect("the workspace manifest can be written");
    fs::copy(
        fixtures::workspace_root().join("Cargo.lock"),
        ws.join("Cargo.lock"),
    )
    .expect("the workspace's Cargo.lock can be copied");
    ws
}

/// The crate holding the fixtures' behaviour tests: one test file per file in
/// `tests/fixture_behaviour/`, with every fixture crate as a dependency.
fn write_behaviour_crate(dir: &Path) {
    let tests = dir.join("tests");
    fs::create_dir_all(&tests).expect("the behaviour crate can be created");
    let mut manifest = String::from(
        "[package]\nname = \"fixture-behaviour\"\nversion = \"0.1.0\"\nedition = \"2024\"\npublish = false\n\n\
         [dependencies]\n",
    );
    for fixture in fixtures::FIXTURES {
        let _ = writeln!(
            manifest,
            "{} = {{ path = \"../{fixture}\" }}",
            fixtures::crate_name(fixture)
        );
    }
    manifest.push_str(
        "\n[dev-dependencies]\nserde_json = \"1\"\ntokio = { version = \"1\", features = [\"macros\", \"rt-multi-thread\"] }\nwiremock = \"0.6\"\n",
    );
    fs::write(dir.join("Cargo.toml"), manifest).expect("the behaviour manifest can be written");
    fs::create_dir_all(dir.join("src")).expect("src/ can be created");
    fs::write(dir.join("src/lib.rs"), "//! Tests only; see `tests/`.\n")
        .expect("lib.rs can be written");
    let sources = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixture_behaviour");
    for entry in fs::read_dir(&sources).expect("tests/fixture_behaviour/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.extension().is_some_and(|e| e == "rs") {
            let name = path.file_name().expect("a file name");
            fs::copy(&path, tests.join(name)).expect("a behaviour test can be copied");
        }
    }
}

/// The outcome of one cargo run.
struct Run {
    success: bool,
    /// stdout then stderr, as text.
    output: String,
}

/// Runs `cargo <args>` in the scratch workspace with its own target dir.
fn cargo(ws: &Path, args: &[&str]) -> Run {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let started = Instant::now();
    let out = Command::new(&cargo)
        .args(args)
        .current_dir(ws)
        .env("CARGO_TARGET_DIR", build_root().join("target"))
        .env("CARGO_TERM_COLOR", "never")
        .output()
        .unwrap_or_else(|e| panic!("cannot run {}: {e}", Path::new(&cargo).display()));
    eprintln!(
        "cargo {} took {:.1}s",
        args.join(" "),
        started.elapsed().as_secs_f64()
    );
    Run {
        success: out.status.success(),
        output: format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        ),
    }
}

/// Lines of cargo's output that report a warning in a fixture crate: a diagnostic
/// under a fixture's folder, or cargo's per-crate summary. Dependencies' warnings
/// are capped by cargo and never show.
fn fixture_warnings(output: &str) -> Vec<&str> {
    output
        .lines()
        .filter(|line| line.contains("warning"))
        .filter(|line| {
            (line.contains("`fixture-") && !line.contains("`fixture-behaviour"))
                || fixtures::FIXTURES
                    .iter()
                    .any(|f| line.starts_with(&format!("{f}/")))
        })
        .collect()
}

fn clippy_available(ws: &Path) -> bool {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    Command::new(cargo)
        .args(["clippy", "--version"])
        .current_dir(ws)
        .output()
        .is_ok_and(|out| out.status.success())
}

#[test]
fn fixture_crates_build_without_warnings() {
    let ws = write_workspace();
    let mut failures = Vec::new();

    let check = cargo(
        &ws,
        &[
            "check",
            "--offline",
            "--workspace",
            "--all-targets",
            "--keep-going",
            "--message-format=short",
        ],
    );
    let warnings = fixture_warnings(&check.output);
    if !check.success {
        failures.push(format!("cargo check failed:\n{}", check.output));
    } else if !warnings.is_empty() {
        failures.push(format!(
            "cargo check warned about fixture crates:\n{}\n\nfull output:\n{}",
            warnings.join("\n"),
            check.output
        ));
    }

    // Clippy runs even when the check failed, so one run reports everything.
    if clippy_available(&ws) {
        let clippy = cargo(
            &ws,
            &[
                "clippy",
                "--offline",
                "--workspace",
                "--all-targets",
                "--keep-going",
                "--message-format=short",
                "--",
                "-D",
                "warnings",
            ],
        );
        if !clippy.success {
            failures.push(format!(
                "cargo clippy -D warnings failed:\n{}",
                clippy.output
            ));
        }
    } else {
        eprintln!("cargo clippy is not installed; skipping the clippy check");
    }

    let behaviour = cargo(
        &ws,
        &[
            "test",
            "--offline",
            "-p",
            "fixture-behaviour",
            "--no-fail-fast",
        ],
    );
    if !behaviour.success {
        failures.push(format!(
            "the fixtures' behaviour tests (tests/fixture_behaviour/) failed:\n{}",
            behaviour.output
        ));
    }

    assert!(
        failures.is_empty(),
        "the fixture crates in {} do not build cleanly:\n\n{}",
        ws.display(),
        failures.join("\n\n")
    );
}

#[test]
fn fixture_list_matches_the_folder() {
    assert_eq!(fixtures::fixtures_on_disk(), fixtures::FIXTURES);
}
