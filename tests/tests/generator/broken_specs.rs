//! The corpus of broken specs in `tests/broken/`: each must be rejected, never with a
//! panic, with the diagnostic its file name starts with (`e0307_…` → `E0307`), and
//! the full text the user sees is pinned by a snapshot
//! (`snapshots/broken_specs__<name>.snap`; bless as for `snapshots.rs`).

use std::fs;
use std::path::{Path, PathBuf};

fn corpus() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("broken");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("tests/broken/ is readable")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .expect("a file name")
        .to_string_lossy()
        .into_owned()
}

/// What the user sees for `path`: the diagnostics, as the CLI prints them.
fn rejection(path: &Path) -> generator::Diagnostics {
    let text = fs::read_to_string(path).expect("a corpus file is readable");
    let label = format!("tests/broken/{}.yaml", stem(path));
    let settings = generator::workspace::default_settings();
    let outcome = std::panic::catch_unwind(|| generator::generate(&text, &label, &settings));
    match outcome {
        Ok(Err(diagnostics)) => diagnostics,
        Ok(Ok(_)) => panic!("{label} was accepted"),
        Err(_) => panic!("the generator panicked on {label}"),
    }
}

#[test]
fn the_corpus_is_large_enough() {
    assert!(
        corpus().len() >= 20,
        "the corpus needs at least 20 broken specs"
    );
}

#[test]
fn every_broken_spec_gives_its_diagnostic_and_pinned_text() {
    let mut failures = Vec::new();
    for path in corpus() {
        let name = stem(&path);
        let diagnostics = rejection(&path);
        if let Some(code) = name.split('_').next().filter(|c| c.starts_with('e')) {
            let code = code.to_uppercase();
            if !diagnostics.items.iter().any(|d| d.code == code) {
                failures.push(format!("{name}: no {code} in\n{diagnostics}"));
            }
        }
        if diagnostics.items.iter().any(|d| d.location.is_none()) {
            failures.push(format!(
                "{name}: a diagnostic without a line:\n{diagnostics}"
            ));
        }
        let text = diagnostics.to_string();
        let snapshot = std::panic::catch_unwind(|| {
            insta::with_settings!({ omit_expression => true, prepend_module_to_snapshot => true }, {
                insta::assert_snapshot!(name.as_str(), text.as_str());
            });
        });
        if snapshot.is_err() {
            failures.push(format!(
                "{name}: the text differs from its snapshot (see above)"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
}

#[test]
fn many_problems_are_reported_in_one_run_sorted_by_line() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("broken/many_problems_in_one_run.yaml");
    let diagnostics = rejection(&path);
    let codes: Vec<&str> = diagnostics.items.iter().map(|d| d.code).collect();
    assert_eq!(codes.len(), 4, "{diagnostics}");
    for code in ["E0101", "E0204", "E0303", "E0305"] {
        assert!(codes.contains(&code), "{code} missing from\n{diagnostics}");
    }
    let lines: Vec<usize> = diagnostics
        .items
        .iter()
        .filter_map(|d| d.location)
        .map(|l| l.line)
        .collect();
    let mut sorted = lines.clone();
    sorted.sort_unstable();
    assert_eq!(lines, sorted, "{diagnostics}");
}
