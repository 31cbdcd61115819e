//! The fixture specs under `tests/fixtures/` and the crates the generator makes from
//! them, shared by the generator suite's snapshots and builds.

use std::fs;
use std::path::{Path, PathBuf};

pub use crate::workspace_root;

/// Every fixture, by file stem, in name order. A test checks that this list and the
/// folder agree, so a new fixture cannot go unsnapshotted or uncompiled.
pub const FIXTURES: &[&str] = &[
    "api_key_auth",
    "basic_and_query_auth",
    "callbacks_and_links",
    "client_method_names",
    "combinations",
    "constraints",
    "envelope",
    "form_body",
    "formats",
    "hostile_prose",
    "integer_enum",
    "keywords",
    "many_parameters",
    "multipart_body",
    "names",
    "no_auth_no_body",
    "no_servers",
    "one_or_many",
    "openapi31_document",
    "openapi31_types",
    "openapi31_unmapped",
    "parameter_styles",
    "path_and_query",
    "petstore",
    "query_api_key",
    "query_arrays",
    "raw_bodies",
    "request_inputs",
    "request_inputs_grown",
    "server_choice",
    "several_security_schemes",
    "structured_query",
    "untagged_scalar",
];

/// `tests/fixtures/`.
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// The stems of the `.yaml` files in `tests/fixtures/`, sorted.
pub fn fixtures_on_disk() -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(fixtures_dir())
        .expect("tests/fixtures/ is readable")
        .map(|entry| entry.expect("a directory entry").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
        .filter_map(|path| Some(path.file_stem()?.to_string_lossy().into_owned()))
        .collect();
    names.sort();
    names
}

/// The settings a fixture is generated with: fixed, so the output does not depend on
/// where or by whom it is made. Not `--strict`: a fixture may show a warning, which
/// its snapshot pins.
pub fn settings(name: &str) -> generator::Settings {
    generator::Settings {
        crate_name: crate_name(name),
        crate_version: "0.1.0".to_owned(),
        spec_label: spec_label(name),
        strict: false,
        runtime: generator::RuntimeSource::Inline,
    }
}

/// `fixture-<name>`, with `_` as `-`.
pub fn crate_name(name: &str) -> String {
    format!("fixture-{}", name.replace('_', "-"))
}

/// The spec's path relative to the `tests` package, as headers and diagnostics show it.
pub fn spec_label(name: &str) -> String {
    format!("tests/fixtures/{name}.yaml")
}

/// Generates the crate for fixture `name` in memory, with the runtime written into
/// it; panics with the diagnostics when the generator rejects the spec.
pub fn generate(name: &str) -> generator::Output {
    generate_with(name, generator::RuntimeSource::Inline)
}

/// Generates the crate for fixture `name` with the runtime from `runtime`.
pub fn generate_with(name: &str, runtime: generator::RuntimeSource) -> generator::Output {
    let path = fixtures_dir().join(format!("{name}.yaml"));
    let text =
        fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    let label = spec_label(name);
    let settings = generator::Settings {
        runtime,
        ..settings(name)
    };
    generator::generate(&text, &label, &settings)
        .unwrap_or_else(|diagnostics| panic!("the generator rejects {label}:\n{diagnostics}"))
}
