//! Snapshot tests of the generator over the fixture specs in `tests/fixtures/`.
//!
//! Each fixture is generated in memory with fixed settings (crate `fixture-<name>`,
//! version `0.1.0`, spec label `tests/fixtures/<name>.yaml`) and every file of the
//! crate is compared with its snapshot in `tests/tests/generator/snapshots/`, named
//! `generator__snapshots__<fixture>__<file path with / as __>.snap`.
//!
//! Snapshots are only ever blessed on request; this file never writes them. When
//! output changes, a plain run writes the new output beside the old as `.snap.new`
//! and fails (under `CI=true`, insta writes nothing and fails). To bless, review the
//! change and then either run
//!
//! ```text
//! INSTA_UPDATE=always cargo test -p tests --test generator snapshots::
//! ```
//!
//! or `cargo insta review` (from `cargo install cargo-insta`), and read the diff of
//! the `.snap` files before committing them.
//!
//! The runtime modules (`src/runtime/*.rs` but `mod.rs`) are not snapshotted per
//! fixture: they are the runtime crate's files, which a test here checks byte for
//! byte. `src/runtime/mod.rs`, which says which modules a spec gets, is snapshotted.
//!
//! That each fixture's crate compiles without warnings is checked by
//! `compile_fixtures.rs`.

use std::collections::BTreeSet;
use std::fs;
use std::panic;
use std::path::Path;

use generator::emit::runtime::is_runtime_module;

use tests::fixtures;

/// The snapshot name of one generated file.
fn snapshot_name(fixture: &str, file: &str) -> String {
    format!("{fixture}__{file}")
}

/// The name of the pseudo-file holding a fixture's summary and warnings, when it has
/// warnings.
const WARNINGS: &str = "WARNINGS";

/// What a fixture's snapshots hold: every file but the runtime's modules, and its
/// summary and warnings when it has any.
fn snapshotted(output: &generator::Output) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = output
        .files
        .iter()
        .filter(|(f, _)| !is_runtime_module(f))
        .map(|(f, c)| (f.clone(), c.clone()))
        .collect();
    if !output.warnings.items.is_empty() {
        let text = format!(
            "{}\n{}",
            output.summary(),
            output.warnings.render("warning")
        );
        files.push((WARNINGS.to_owned(), text));
    }
    files
}

/// Compares every file of `fixture`'s crate, in path order, with its snapshot. All
/// files are compared before failing, so one run writes every `.snap.new`.
fn check_fixture(fixture: &str) {
    let output = fixtures::generate(fixture);
    assert!(
        !output.files.is_empty(),
        "{fixture}: the generator produced no files"
    );
    let mut failed = Vec::new();
    for (file, contents) in snapshotted(&output) {
        let name = snapshot_name(fixture, &file);
        let description = format!("{file} generated from tests/fixtures/{fixture}.yaml");
        let outcome = panic::catch_unwind(|| {
            insta::with_settings!({
                description => description.as_str(),
                omit_expression => true,
            }, {
                insta::assert_snapshot!(name.as_str(), contents.as_str());
            });
        });
        if outcome.is_err() {
            failed.push(file);
        }
    }
    assert!(
        failed.is_empty(),
        "{fixture}: the generated files {failed:?} differ from their snapshots (see above); \
         review the `.snap.new` files, then bless them with \
         `INSTA_UPDATE=always cargo test -p tests --test generator snapshots::` or `cargo insta review`"
    );
}

macro_rules! fixture_tests {
    ($($name:ident),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                check_fixture(stringify!($name));
            }
        )*

        /// The fixtures with a test above, in name order.
        const TESTED: &[&str] = &[$(stringify!($name)),*];
    };
}

fixture_tests!(
    api_key_auth,
    basic_and_query_auth,
    callbacks_and_links,
    client_method_names,
    combinations,
    constraints,
    envelope,
    form_body,
    formats,
    hostile_prose,
    integer_enum,
    keywords,
    many_parameters,
    multipart_body,
    names,
    no_auth_no_body,
    no_servers,
    one_or_many,
    openapi31_document,
    openapi31_types,
    openapi31_unmapped,
    parameter_styles,
    path_and_query,
    petstore,
    query_api_key,
    query_arrays,
    raw_bodies,
    request_inputs,
    request_inputs_grown,
    server_choice,
    several_security_schemes,
    structured_query,
    untagged_scalar,
);

#[test]
fn every_fixture_has_a_snapshot_test() {
    let on_disk = fixtures::fixtures_on_disk();
    assert_eq!(
        on_disk,
        fixtures::FIXTURES,
        "tests/fixtures/ and support/fixtures.rs's FIXTURES list differ"
    );
    assert_eq!(
        TESTED,
        fixtures::FIXTURES,
        "every fixture needs its test in fixture_tests! (snapshots.rs)"
    );
}

/// A snapshot whose file the generator no longer produces would otherwise linger
/// unnoticed (insta only reports snapshots that are asserted).
#[test]
fn no_stale_snapshots() {
    let mut expected = BTreeSet::new();
    for fixture in fixtures::FIXTURES {
        let output = fixtures::generate(fixture);
        for (file, _) in snapshotted(&output) {
            let name = snapshot_name(fixture, &file).replace(['/', '\\'], "__");
            expected.insert(format!("generator__snapshots__{name}.snap"));
        }
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/generator/snapshots");
    let Ok(entries) = fs::read_dir(&dir) else {
        return; // No snapshot yet: the fixture tests report each missing one.
    };
    let stale: Vec<String> = entries
        .map(|entry| entry.expect("a directory entry").file_name())
        .map(|name| name.to_string_lossy().into_owned())
        .filter(|name| name.starts_with("generator__snapshots__") && name.ends_with(".snap"))
        .filter(|name| !expected.contains(name))
        .collect();
    assert!(
        stale.is_empty(),
        "snapshots of files no fixture generates any more; delete them: {stale:?}"
    );
}

/// Every runtime module a fixture gets is the runtime crate's file as it stands,
/// after a `@generated` header line and a blank line.
#[test]
fn runtime_modules_are_the_runtime_crates_files_byte_for_byte() {
    let sources = Path::new(env!("CARGO_MANIFEST_DIR")).join("../generator/runtime/src");
    let mut compared = 0;
    for fixture in fixtures::FIXTURES {
        let output = fixtures::generate(fixture);
        for (file, contents) in output.files.iter().filter(|(f, _)| is_runtime_module(f)) {
            let name = file.trim_start_matches("src/runtime/");
            let original = fs::read_to_string(sources.join(name))
                .unwrap_or_else(|e| panic!("generator/runtime/src/{name}: {e}"));
            let (header, body) = contents.split_once("\n\n").unwrap_or_default();
            assert!(header.contains("@generated"), "{fixture}: {file}: {header}");
            assert!(
                body == original,
                "{fixture}: {file} is not generator/runtime/src/{name}"
            );
            compared += 1;
        }
    }
    assert!(
        compared > fixtures::FIXTURES.len(),
        "only {compared} modules compared"
    );
}

/// A spec without a security scheme gets no credential code at all; one with a
/// scheme gets the runtime's `auth` module.
#[test]
fn only_a_spec_with_a_security_scheme_gets_auth_code() {
    let without = fixtures::generate("no_auth_no_body");
    assert!(!without.files.contains_key("src/runtime/auth.rs"));
    for (file, contents) in &without.files {
        for word in [
            "TokenSource",
            "RefreshTokenSource",
            "runtime::auth",
            "fn access_token",
        ] {
            assert!(!contents.contains(word), "{file} holds `{word}`");
        }
    }
    let with = fixtures::generate("api_key_auth");
    assert!(with.files.contains_key("src/runtime/auth.rs"));
}

#[test]
fn the_grown_fixture_is_the_original_with_one_more_optional_parameter() {
    // The behaviour tests compile the same callers against both crates; that proves
    // something only while the specs differ by exactly this parameter.
    let read = |name: &str| {
        std::fs::read_to_string(fixtures::fixtures_dir().join(format!("{name}.yaml")))
            .expect("a fixture is readable")
    };
    let from_servers = |text: &str| {
        let at = text.find("\nservers:").expect("the fixture has servers");
        text[at..].to_owned()
    };
    let original = from_servers(&read("request_inputs"));
    let grown = from_servers(&read("request_inputs_grown"));
    let added = "        - name: direction\n          in: query\n          schema:\n            type: string\n";
    assert!(grown.contains(added), "the grown fixture lacks `direction`");
    assert!(!original.contains(added));
    assert_eq!(grown.replacen(added, "", 1), original);
}
