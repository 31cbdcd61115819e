//! The generated crate's `Cargo.toml`.
//!
//! It is self-contained (no workspace inheritance), so a crate generated anywhere
//! builds on its own. The versions are those the runtime files are written for.

use crate::{RuntimeSource, Settings};

/// What a spec's crate needs beyond what every crate does.
pub struct Needs {
    /// A `pattern` to check.
    pub regex: bool,
    /// A security scheme.
    pub auth: bool,
    /// A `date-time` or a `date`.
    pub chrono: bool,
    /// A `uuid`.
    pub uuid: bool,
}

/// The manifest text, after the header.
pub fn cargo_toml(settings: &Settings, needs: &Needs) -> String {
    let regex = if needs.regex { "regex = \"1\"\n" } else { "" };
    let chrono = if needs.chrono {
        "chrono = { version = \"0.4\", default-features = false, features = [\"serde\", \"std\"] }\n"
    } else {
        ""
    };
    let uuid = if needs.uuid {
        "uuid = { version = \"1\", features = [\"serde\"] }\n"
    } else {
        ""
    };
    let (runtime, tracing) = match &settings.runtime {
        RuntimeSource::Inline => (INLINE_RUNTIME_DEPENDENCIES.to_owned(), "dep:tracing"),
        RuntimeSource::Crate { path } => (
            format!("client-runtime = {{ path = \"{path}\" }}\n"),
            "client-runtime/tracing",
        ),
    };
    let async_trait = if needs.auth || settings.runtime == RuntimeSource::Inline {
        "async-trait = \"0.1\"\n"
    } else {
        ""
    };
    format!(
        r#"[package]
name = "{name}"
version = "{version}"
edition = "2024"
rust-version = "1.85"
description = "Typed async client generated from {spec}"
publish = false

[features]
default = []
# Emits a `tracing` event for every attempt: operation, method, path template,
# attempt, status and latency. Never a secret.
tracing = ["{tracing}"]

[dependencies]
{async_trait}{chrono}{runtime}{regex}reqwest = {{ version = "0.12", default-features = false, features = ["json", "multipart", "rustls-tls"] }}
serde = {{ version = "1", features = ["derive"] }}
serde_json = "1"
{uuid}
[dev-dependencies]
tokio = {{ version = "1", features = ["macros", "rt-multi-thread"] }}
"#,
        name = settings.crate_name,
        version = settings.crate_version,
        spec = settings.spec_label,
    )
}

/// What the runtime's modules use besides reqwest, serde and serde_json, as the
/// runtime crate's own manifest lists them.
const INLINE_RUNTIME_DEPENDENCIES: &str = r#"bytes = "1"
fastrand = "2"
httpdate = "1"
percent-encoding = "2"
serde_path_to_error = "0.1"
tokio = { version = "1", features = ["sync", "time", "rt"] }
tracing = { version = "0.1", optional = true }
"#;
