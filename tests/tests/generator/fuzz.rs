//! Property tests of the generator: whatever text it is given, it returns files or
//! diagnostics, and never panics.
//!
//! Inputs are arbitrary text, YAML-shaped token soup, and the specs of this
//! repository (`schema/goals.yaml`, `tests/fixtures/`, `tests/broken/`) with random
//! edits: lines deleted, duplicated, swapped, re-indented, truncated, or tokens
//! inserted. Every run tries `FUZZ_CASES` inputs per property (default 200, so CI
//! stays quick); a longer run is `FUZZ_CASES=20000 cargo test -p tests --test fuzz
//! --release`. A failing input is shrunk and printed by proptest.

use std::fs;
use std::path::Path;
use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::test_runner::{Config, FileFailurePersistence};

fn config() -> Config {
    let cases = std::env::var("FUZZ_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);
    Config {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::Off)),
        ..Config::default()
    }
}

/// Every spec of the repository, as text.
fn seeds() -> &'static [String] {
    static SEEDS: OnceLock<Vec<String>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut texts =
            vec![fs::read_to_string(root.join("../schema/goals.yaml")).expect("the spec")];
        for dir in ["fixtures", "broken"] {
            let mut paths: Vec<_> = fs::read_dir(root.join(dir))
                .expect("a spec folder")
                .map(|e| e.expect("an entry").path())
                .collect();
            paths.sort();
            texts.extend(paths.iter().map(|p| fs::read_to_string(p).expect("a spec")));
        }
        texts
    })
}

/// Runs the generator; a panic fails the property with the input shown.
fn never_panics(text: &str) -> Result<(), TestCaseError> {
    let settings = generator::workspace::default_settings();
    let outcome = std::panic::catch_unwind(|| generator::generate(text, "fuzz.yaml", &settings));
    match outcome {
        Ok(Ok(output)) => {
            prop_assert!(output.files.contains_key("src/lib.rs"));
            Ok(())
        }
        Ok(Err(diagnostics)) => {
            prop_assert!(
                !diagnostics.items.is_empty(),
                "an error without a diagnostic"
            );
            for item in &diagnostics.items {
                prop_assert!(
                    item.pointer.starts_with('#'),
                    "bad pointer {:?}",
                    item.pointer
                );
            }
            Ok(())
        }
        Err(_) => Err(TestCaseError::fail(format!(
            "the generator panicked on:\n{text}"
        ))),
    }
}

/// One random edit of a spec's lines.
#[derive(Debug, Clone)]
enum Edit {
    Delete(usize),
    Duplicate(usize),
    Swap(usize, usize),
    Indent(usize, usize),
    Insert(usize, String),
    Truncate(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    let token = prop_oneof![
        Just("$ref: '#/components/schemas/Nope'".to_owned()),
        Just("type: array".to_owned()),
        Just("oneOf: []".to_owned()),
        Just("allOf:\n  - {}".to_owned()),
        Just("required: [x]".to_owned()),
        Just("enum: [1, null, '2']".to_owned()),
        Just("nullable: true".to_owned()),
        Just("in: cookie".to_owned()),
        Just("discriminator: {propertyName: k}".to_owned()),
        Just("'{x}': {}".to_owned()),
        Just("- ".to_owned()),
        Just(": :".to_owned()),
        Just("&a [*a]".to_owned()),
        "[ -~]{0,20}",
    ];
    prop_oneof![
        any::<usize>().prop_map(Edit::Delete),
        any::<usize>().prop_map(Edit::Duplicate),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Swap(a, b)),
        (any::<usize>(), 0..6usize).prop_map(|(a, n)| Edit::Indent(a, n)),
        (any::<usize>(), token).prop_map(|(a, t)| Edit::Insert(a, t)),
        any::<usize>().prop_map(Edit::Truncate),
    ]
}

fn apply(text: &str, edits: &[Edit]) -> String {
    let mut lines: Vec<String> = text.lines().map(str::to_owned).collect();
    for edit in edits {
        if lines.is_empty() {
            break;
        }
        let at = |i: usize| i % lines.len();
        match edit {
            Edit::Delete(i) => {
                let i = at(*i);
                lines.remove(i);
            }
            Edit::Duplicate(i) => {
                let i = at(*i);
                lines.insert(i, lines[i].clone());
            }
            Edit::Swap(a, b) => {
                let (a, b) = (at(*a), at(*b));
                lines.swap(a, b);
            }
            Edit::Indent(i, n) => {
                let i = at(*i);
                lines[i] = format!("{}{}", " ".repeat(*n), lines[i].trim_start());
            }
            Edit::Insert(i, token) => {
                let i = at(*i);
                let indent: String = lines[i].chars().take_while(|c| *c == ' ').collect();
                lines.insert(i, format!("{indent}{token}"));
            }
            Edit::Truncate(i) => {
                let i = at(*i);
                lines.truncate(i + 1);
            }
        }
    }
    lines.join("\n")
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,200}") {
        never_panics(&text)?;
    }

    #[test]
    fn yaml_shaped_soup_never_panics(
        parts in proptest::collection::vec(
            prop_oneof![
                Just("openapi: 3.0.3\n"), Just("paths:\n"), Just("  /a/{b}:\n"), Just("    get:\n"),
                Just("components:\n"), Just("  schemas:\n"), Just("    X:\n"), Just("      type: object\n"),
                Just("      $ref: '#/components/schemas/X'\n"), Just("info: {title: t, version: '1'}\n"),
                Just("servers: [{url: 'https://a'}]\n"), Just("- "), Just("  "), Just("{"), Just("["), Just("'"),
            ],
            0..40,
        )
    ) {
        never_panics(&parts.concat())?;
    }

    #[test]
    fn edited_specs_never_panic(
        seed in any::<prop::sample::Index>(),
        edits in proptest::collection::vec(edit(), 1..6),
    ) {
        let seeds = seeds();
        let text = apply(&seeds[seed.index(seeds.len())], &edits);
        never_panics(&text)?;
    }
}
