//! The public corpus (`tests/corpus/`): every document is generated as a user would,
//! without `--strict`, and what came of it is pinned per document by a snapshot
//! (`snapshots/generator__corpus__<document>.snap`): refused with which codes, or
//! generated with how many of its operations and which warning codes. A change that
//! loses an operation or adds a warning shows as a diff. The crates themselves are
//! built by `scripts/build-corpus.sh`, which `.ci/run` runs.

use std::collections::BTreeMap;
use std::fs;
use std::path::PathBuf;

/// The corpus documents, sorted.
fn documents() -> Vec<PathBuf> {
    let dir = tests::workspace_root().join("tests/corpus/documents");
    let mut files: Vec<PathBuf> = fs::read_dir(&dir)
        .expect("tests/corpus/documents/ is readable")
        .map(|entry| entry.expect("a directory entry").path())
        .collect();
    files.sort();
    files
}

/// `E0308 ×4, E0306 ×2` for the codes of `diagnostics`.
fn codes(diagnostics: &generator::Diagnostics) -> String {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for item in &diagnostics.items {
        *counts.entry(item.code).or_default() += 1;
    }
    let listed: Vec<String> = counts.iter().map(|(c, n)| format!("{c} ×{n}")).collect();
    if listed.is_empty() {
        "none".to_owned()
    } else {
        listed.join(", ")
    }
}

/// What the user gets from `path`: never a panic.
fn outcome(path: &PathBuf) -> String {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let text = fs::read_to_string(path).expect("a corpus document is readable");
    let label = format!("tests/corpus/documents/{name}");
    let settings = generator::Settings {
        crate_name: "corpus-client".to_owned(),
        ..generator::workspace::default_settings()
    };
    let result = std::panic::catch_unwind(|| generator::generate(&text, &label, &settings));
    match result {
        Err(_) => panic!("the generator panicked on {label}"),
        Ok(Err(errors)) => format!(
            "refused: {}\nerrors: {}",
            errors.items.len(),
            codes(&errors)
        ),
        Ok(Ok(output)) => format!(
            "{}\nwarnings: {}",
            output.summary(),
            codes(&output.warnings)
        ),
    }
}

#[test]
fn every_corpus_document_gives_its_pinned_outcome() {
    let mut failures = Vec::new();
    let (mut generated, mut in_spec) = (0, 0);
    for path in documents() {
        let name = path
            .file_stem()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let text = outcome(&path);
        if let Some(counts) = text.strip_prefix("generated ") {
            let numbers: Vec<usize> = counts
                .split(|c: char| !c.is_ascii_digit())
                .filter_map(|n| n.parse().ok())
                .take(2)
                .collect();
            generated += numbers.first().copied().unwrap_or(0);
            in_spec += numbers.get(1).copied().unwrap_or(0);
        }
        let snapshot = std::panic::catch_unwind(|| {
            insta::with_settings!({ omit_expression => true, prepend_module_to_snapshot => true }, {
                insta::assert_snapshot!(name.as_str(), text.as_str());
            });
        });
        if snapshot.is_err() {
            failures.push(name);
        }
    }
    eprintln!(
        "corpus: {generated} operations generated in the documents that generate ({in_spec} in them)"
    );
    assert!(
        failures.is_empty(),
        "corpus outcomes differ from their snapshots: {failures:?} (see above)"
    );
}

#[test]
fn the_corpus_has_its_table_and_licences() {
    let corpus = tests::workspace_root().join("tests/corpus");
    let readme = fs::read_to_string(corpus.join("README.md")).expect("tests/corpus/README.md");
    for path in documents() {
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        assert!(
            readme.contains(&name),
            "{name} is not in tests/corpus/README.md's table"
        );
    }
    assert!(corpus.join("LICENSES.md").is_file());
}
