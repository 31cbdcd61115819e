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

/// The workspace that holds `start`, found as cargo finds one: the nearest folder,
/// `start` or above it, whose `Cargo.toml` has a `[workspace]` table.
///
/// It is looked for at run time, never taken from where the generator was built:
/// a binary built once and run in another checkout (a shared `CARGO_TARGET_DIR`, a
/// git worktree) must read and write that checkout.
///
/// # Errors
/// When no such folder exists; the message says what to do instead.
pub fn find_root(start: &Path) -> Result<PathBuf, String> {
    start
        .ancestors()
        .find(|folder| {
            std::fs::read_to_string(folder.join("Cargo.toml"))
                .is_ok_and(|manifest| manifest.lines().any(|line| line.trim() == "[workspace]"))
        })
        .map(Path::to_path_buf)
        .ok_or_else(|| {
            format!(
                "{} is not inside a Cargo workspace, so there is no default spec ({SPEC}) \
                 or output ({OUT}); run the generator inside the workspace, or give both \
                 --spec and --out",
                start.display()
            )
        })
}

/// The settings `cargo run -p generator` uses with no arguments.
pub fn default_settings() -> Settings {
    Settings {
        crate_name: CRATE_NAME.to_owned(),
        crate_version: CRATE_VERSION.to_owned(),
        spec_label: SPEC.to_owned(),
        strict: false,
        runtime: crate::RuntimeSource::Inline,
    }
}
