//! Where this workspace keeps its spec and its generated client: the defaults of the
//! binary, shared with the drift test so both generate the same bytes.

use std::path::{Path, PathBuf};

use crate::Settings;

/// The spec, relative to the workspace root.
pub const SPEC: &str = "schema/goals.yaml";
/// The generated crate, relative to the workspace root.
pub const OUT: &str = "generated-client";
/// The generated crate's package name.
pub const CRATE_NAME: &str = "pagesense-goals";
/// The generated crate's version.
pub const CRATE_VERSION: &str = "0.1.0";

/// The workspace root: the parent of this crate's folder.
pub fn root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
}

/// The settings `cargo run -p generator` uses with no arguments.
pub fn default_settings() -> Settings {
    Settings {
        crate_name: CRATE_NAME.to_owned(),
        crate_version: CRATE_VERSION.to_owned(),
        spec_label: SPEC.to_owned(),
        skip_unsupported: false,
        runtime: crate::RuntimeSource::Inline,
    }
}
