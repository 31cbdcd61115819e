//! The corpus of broken specs in `tests/broken/`: with `--strict` each must be
//! rejected, never with a panic, with the diagnostic its file name starts with
//! (`e0308_…` → `E0308`), and the full text the user sees is pinned by a snapshot
//! (`snapshots/generator__broken_specs__<name>.snap`; bless as for `snapshots.rs`).
//! Without `--strict`, what the user sees (the errors, or the summary and the
//! warnings of a crate generated anyway) is pinned too (`…__<name>__default.snap`).

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

/// The outcome of generating `path` with or without `--strict`; never a panic.
fn outcome(path: &Path, strict: bool) -> Result<generator::Output, generator::Diagnostics> {
    let text = fs::read_to_string(path).expect("a corpus file is readable");
    let label = format!("tests/broken/{}.yaml", stem(path));
    let settings = generator::Settings {
        strict,
        ..generator::workspace::default_settings()
    };
    std::panic::catch_unwind(|| generator::generate(&text, &label, &settings))
        .unwrap_or_else(|_| panic!("the generator panicked on {label}"))
}

/// What the user sees for `path` with `--strict`: the diagnostics, as the CLI
/// prints them.
fn rejection(path: &Path) -> generator::Diagnostics {
    match outcome(path, true) {
        Err(diagnostics) => diagnostics,
        Ok(_) => panic!("tests/broken/{}.yaml was accepted", stem(path)),
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
fn without_strict_the_errors_or_the_warnings_are_pinned() {
    let mut failures = Vec::new();
    for path in corpus() {
        let name = format!("{}__default", stem(&path));
        let text = match outcome(&path, false) {
            Err(errors) => format!("refused:\n{errors}"),
            Ok(output) => format!(
                "generated anyway: {}\n{}",
                output.summary(),
                output.warnings.render("warning")
            ),
        };
        let snapshot = std::panic::catch_unwind(|| {
            insta::with_settings!({ omit_expression => true, prepend_module_to_snapshot => true }, {
                insta::assert_snapshot!(name.as_str(), text.as_str());
            });
        });
        if snapshot.is_err() {
            failures.push(format!("{name}: differs from its snapshot (see above)"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
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
