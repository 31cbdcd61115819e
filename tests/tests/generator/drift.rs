//! The checked-in `generated-client/` is exactly what the generator makes of
//! `schema/goals.yaml`, and the generator makes the same bytes every time.
//!
//! These tests call the library the way `cargo run -p generator` does with no
//! arguments: the workspace's spec, `workspace::default_settings()`, and the spec's
//! path as the file name (which only shows in diagnostics).

use std::fs;
use std::path::{Path, PathBuf};

use generator::output::GENERATED_MARKER;
use generator::{Output, workspace};

/// How many lines of diff a failure shows.
const DIFF_LINES: usize = 80;

fn spec_path() -> PathBuf {
    tests::workspace_root().join(workspace::SPEC)
}

fn out_path() -> PathBuf {
    tests::workspace_root().join(workspace::OUT)
}

/// What `cargo run -p generator` generates, with the file name `main.rs` passes.
fn generate_with_file_name(file_name: &str) -> Output {
    let text = fs::read_to_string(spec_path()).expect("read schema/goals.yaml");
    generator::generate(&text, file_name, &workspace::default_settings())
        .unwrap_or_else(|diagnostics| panic!("schema/goals.yaml does not generate:\n{diagnostics}"))
}

fn generate() -> Output {
    generate_with_file_name(&spec_path().display().to_string())
}

/// Every file under `dir`, recursively, sorted.
fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries {
            let path = entry.expect("read a directory entry").path();
            if path.is_dir() {
                folders.push(path);
            } else {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

fn first_line_is_generated(text: &str) -> bool {
    text.lines()
        .next()
        .is_some_and(|line| line.contains(GENERATED_MARKER))
}

/// The first `DIFF_LINES` lines of `text`, saying how many were left out.
fn shorten(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    if lines.len() <= DIFF_LINES {
        return text.to_owned();
    }
    format!(
        "{}\n… ({} more lines)",
        lines[..DIFF_LINES].join("\n"),
        lines.len() - DIFF_LINES
    )
}

/// The files (paths relative to the crate) on which two outputs disagree.
fn differing_files(a: &Output, b: &Output) -> Vec<String> {
    let mut names: Vec<String> = a
        .files
        .keys()
        .chain(b.files.keys())
        .filter(|name| a.files.get(*name) != b.files.get(*name))
        .cloned()
        .collect();
    names.sort();
    names.dedup();
    names
}

#[test]
fn checked_in_client_matches_the_spec_byte_for_byte() {
    let output = generate();
    let out = out_path();
    let mut problems = Vec::new();
    for (relative, wanted) in &output.files {
        match fs::read(out.join(relative)) {
            Ok(found) if found == wanted.as_bytes() => {}
            Ok(_) => problems.push(format!("{relative}: differs from what the spec gives")),
            Err(e) => problems.push(format!("{relative}: cannot be read ({e})")),
        }
    }
    for path in files_under(&out.join("src")) {
        let relative = path
            .strip_prefix(&out)
            .expect("a file under the crate")
            .to_string_lossy()
            .replace('\\', "/");
        let generated = fs::read_to_string(&path).is_ok_and(|text| first_line_is_generated(&text));
        if generated && !output.files.contains_key(&relative) {
            problems.push(format!(
                "{relative}: a generated file the spec no longer produces"
            ));
        }
    }
    if !problems.is_empty() {
        let diff = output
            .diff_against(&out)
            .expect("compare with generated-client/")
            .unwrap_or_default();
        panic!(
            "generated-client/ is out of date with schema/goals.yaml; run `cargo run -p generator`\n\
             {}\n\n{}",
            problems.join("\n"),
            shorten(&diff)
        );
    }
    // The generator's own comparison agrees.
    assert_eq!(
        output
            .diff_against(&out)
            .expect("compare with generated-client/"),
        None
    );
}

#[test]
fn generation_is_deterministic() {
    let first = generate();
    let second = generate();
    assert!(
        first == second,
        "two runs disagree on {:?}",
        differing_files(&first, &second)
    );
    // The file name only names the spec in diagnostics; it never reaches the output.
    let renamed = generate_with_file_name("somewhere/else/goals.yaml");
    assert!(
        first == renamed,
        "the spec's file name changed {:?}",
        differing_files(&first, &renamed)
    );
    // Nothing of this machine leaks into the files.
    let root = tests::workspace_root().display().to_string();
    for (relative, contents) in &first.files {
        assert!(
            !contents.contains(&root),
            "{relative} contains the workspace path {root}"
        );
    }
}

/// Puts the current directory back even when the test fails.
struct RestoreDir(PathBuf);

impl Drop for RestoreDir {
    fn drop(&mut self) {
        let _ = std::env::set_current_dir(&self.0);
    }
}

#[test]
fn generation_does_not_depend_on_the_current_directory() {
    // The other tests of this file use absolute paths only, so moving the process
    // is safe while they run.
    let here = generate();
    let elsewhere = tempfile::tempdir().expect("make a temporary folder");
    let moved = {
        let _restore = RestoreDir(std::env::current_dir().expect("current directory"));
        std::env::set_current_dir(elsewhere.path()).expect("enter the temporary folder");
        generate()
    };
    assert!(
        here == moved,
        "the current directory changed {:?}",
        differing_files(&here, &moved)
    );
}

#[test]
fn every_generated_file_starts_with_the_marker() {
    let output = generate();
    assert!(
        output.files.contains_key("Cargo.toml") && output.files.contains_key("src/lib.rs"),
        "unexpected file set: {:?}",
        output.files.keys().collect::<Vec<_>>()
    );
    for (relative, contents) in &output.files {
        let first = contents.lines().next().unwrap_or_default();
        assert!(
            first.contains(GENERATED_MARKER),
            "{relative}: first line {first:?} lacks {GENERATED_MARKER}"
        );
        // A runtime module names the runtime's file it is, not the spec.
        let origin = if generator::emit::runtime::is_runtime_module(relative) {
            format!(
                "generator/runtime/{}",
                relative.replace("src/runtime/", "src/")
            )
        } else {
            workspace::SPEC.to_owned()
        };
        assert!(
            first.contains(&origin),
            "{relative}: first line {first:?} does not name {origin}"
        );
    }
}
