//! Stage 3: the model turned into the files of a crate.
//!
//! Rust files are built as tokens and formatted by [`mod@crate::format`]. They tell
//! rustfmt to skip them (`cfg_attr(rustfmt, rustfmt::skip)`, which rustc ignores):
//! prettyplease's layout is not rustfmt's, and `cargo fmt --check` runs over the
//! whole workspace. The runtime
//! files (`error.rs`, `support.rs`), which do not depend on the spec, are written
//! as they stand in `generator/runtime/`, where they are ordinary Rust.

mod client;
mod manifest;
mod operations;
mod readme;
mod server_choice;
mod structs;
mod tokens;
mod types;

use proc_macro2::TokenStream;
use quote::quote;

use crate::diagnostics::Diagnostic;
use crate::format::{format_tokens, header_for};
use crate::model::Api;
use crate::{Output, Settings};

/// Runtime files written into every generated crate as they are.
const RUNTIME: &[(&str, &str)] = &[
    ("src/auth.rs", include_str!("../../runtime/auth.rs")),
    ("src/builder.rs", include_str!("../../runtime/builder.rs")),
    ("src/call.rs", include_str!("../../runtime/call.rs")),
    ("src/error.rs", include_str!("../../runtime/error.rs")),
    ("src/hooks.rs", include_str!("../../runtime/hooks.rs")),
    ("src/retry.rs", include_str!("../../runtime/retry.rs")),
    ("src/support.rs", include_str!("../../runtime/support.rs")),
];

/// The paths of the runtime files, which are the same for every spec.
pub fn runtime_paths() -> impl Iterator<Item = &'static str> {
    RUNTIME.iter().map(|(path, _)| *path)
}

/// Every file of the crate, by path relative to the crate's root.
pub fn crate_files(api: &Api, settings: &Settings) -> Result<Output, Diagnostic> {
    let header = header_for(settings);
    let mut output = Output::default();
    let rust_files = [
        ("src/lib.rs", lib_file(api)),
        ("src/types.rs", types::types_file(&api.types)),
        ("src/client.rs", client::client_file(api)),
    ];
    for (path, tokens) in rust_files {
        let text = format_tokens(tokens).map_err(|error| {
            Diagnostic::new(
                "E0901",
                "#",
                format!("internal error: the generated {path} does not parse: {error}"),
            )
            .with_hint("this is a bug in the generator; please report it with the spec")
        })?;
        output.insert(path, format!("{}{text}", header.rust));
    }
    for (path, text) in RUNTIME {
        output.insert(path, format!("{}{text}", header.rust));
    }
    output.insert(
        "Cargo.toml",
        format!(
            "{}{}",
            header.toml,
            manifest::cargo_toml(settings, needs_regex(api))
        ),
    );
    output.insert(
        "README.md",
        format!("{}{}", header.markdown, readme::readme(api, settings)),
    );
    Ok(output)
}

/// Whether any constraint is a `pattern`, which the client checks with `regex`.
fn needs_regex(api: &Api) -> bool {
    api.types.iter().any(|t| match t {
        crate::model::TypeDef::Struct(s) => {
            s.fields.iter().any(|f| f.constraints.pattern.is_some())
        }
        _ => false,
    })
}

fn lib_file(api: &Api) -> TokenStream {
    let choice = api.server.choice.as_ref().map(|c| {
        let name = tokens::ident(&c.type_name);
        quote! { #name, }
    });
    quote! {
        #![cfg_attr(rustfmt, rustfmt::skip)]
        #![doc = include_str!("../README.md")]
        #![forbid(unsafe_code)]
        #![warn(missing_docs)]
        // Doc comments carry the spec's prose, Markdown written for readers of the
        // spec; its layout is not held to rustdoc's stricter reading.
        #![allow(clippy::doc_lazy_continuation, clippy::doc_overindented_list_items, rustdoc::bare_urls, rustdoc::broken_intra_doc_links, rustdoc::invalid_html_tags)]

        pub mod auth;
        // Which runtime helpers a crate uses depends on its spec.
        #[allow(dead_code)]
        mod builder;
        #[allow(dead_code)]
        mod call;
        mod client;
        mod error;
        pub mod hooks;
        pub mod retry;
        #[allow(dead_code)]
        mod support;
        pub mod types;

        pub use client::{Client, ClientBuilder, ErrorBody, #choice};
        pub use error::{ApiError, AuthError, Error};
        pub use support::Response;
        pub use retry::RetryPolicy;
        /// For implementing [`auth::TokenSource`].
        pub use async_trait::async_trait;
        /// The HTTP client this crate uses, for building a [`reqwest::Client`] to pass to
        /// [`ClientBuilder::http_client`].
        pub use reqwest;
    }
}
