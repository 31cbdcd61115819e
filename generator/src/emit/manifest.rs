//! The generated crate's `Cargo.toml`.
//!
//! It is self-contained (no workspace inheritance), so a crate generated anywhere
//! builds on its own. The versions are those the runtime files are written for.

use crate::Settings;

/// The manifest text, after the header.
pub fn cargo_toml(settings: &Settings) -> String {
    format!(
        r#"[package]
name = "{name}"
version = "{version}"
edition = "2024"
rust-version = "1.85"
description = "Typed async client generated from {spec}"
publish = false

[dependencies]
bytes = "1"
percent-encoding = "2"
reqwest = {{ version = "0.12", default-features = false, features = ["json", "rustls-tls"] }}
serde = {{ version = "1", features = ["derive"] }}
serde_json = "1"
serde_path_to_error = "0.1"

[dev-dependencies]
tokio = {{ version = "1", features = ["macros", "rt-multi-thread"] }}
"#,
        name = settings.crate_name,
        version = settings.crate_version,
        spec = settings.spec_label,
    )
}
