//! Stage 3: the model turned into the files of a crate.
//!
//! Rust files are built as tokens and formatted by [`mod@crate::format`]. They tell
//! rustfmt to skip them (`cfg_attr(rustfmt, rustfmt::skip)`, which rustc ignores):
//! prettyplease's layout is not rustfmt's, and `cargo fmt --check` runs over the
//! whole workspace. The runtime modules, which do not depend on the spec, are
//! written as they stand in `generator/runtime/src/` (see [`runtime`]).

mod client;
mod manifest;
mod operations;
mod prose;
mod readme;
mod requests;
pub mod runtime;
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
pub use runtime::RuntimeSource;

/// A Rust file of the crate: its path, and what builds its tokens.
type RustFile = (&'static str, fn(&Api, &Settings) -> TokenStream);

/// The Rust files made from the spec. Each is built and formatted on a thread of its
/// own: formatting is most of the generator's time, and the files do not depend on
/// each other. The biggest come first, so that they start first.
const RUST_FILES: &[RustFile] = &[
    ("src/types.rs", |api, _| {
        types::types_file(&api.types, &api.operations)
    }),
    ("src/requests.rs", |api, _| requests::requests_file(api)),
    ("src/client.rs", |api, _| client::client_file(api)),
    ("src/lib.rs", |api, settings| {
        lib_file(api, &settings.runtime)
    }),
    ("src/runtime/mod.rs", |api, _| runtime::mod_file(api)),
];

/// Every file of the crate, by path relative to the crate's root.
pub fn crate_files(api: &Api, settings: &Settings) -> Result<Output, Diagnostic> {
    let header = header_for(settings);
    let mut output = Output::default();
    let inline = settings.runtime == RuntimeSource::Inline;
    let wanted = RUST_FILES
        .iter()
        .filter(|(path, _)| inline || !path.starts_with("src/runtime/"));
    let texts: Vec<(&str, Result<String, Diagnostic>)> = std::thread::scope(|scope| {
        let running: Vec<_> = wanted
            .map(|&(path, build)| {
                (
                    path,
                    scope.spawn(move || rust_file(path, build(api, settings))),
                )
            })
            .collect();
        running
            .into_iter()
            .map(|(path, thread)| {
                // A panic in a thread is the generator's bug: it goes on as one here.
                let text = thread
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                (path, text)
            })
            .collect()
    });
    for (path, text) in texts {
        output.insert(path, format!("{}{}", header.rust, text?));
    }
    if inline {
        for (path, text) in runtime::inline_files(api) {
            output.insert(&path, text);
        }
    }
    output.insert(
        "Cargo.toml",
        format!(
            "{}{}",
            header.toml,
            manifest::cargo_toml(
                settings,
                &manifest::Needs {
                    regex: needs_regex(api),
                    auth: !api.schemes.is_empty(),
                    chrono: uses_type(api, &crate::model::TypeRef::DateTime)
                        || uses_type(api, &crate::model::TypeRef::Date),
                    uuid: uses_type(api, &crate::model::TypeRef::Uuid),
                },
            )
        ),
    );
    output.insert(
        "README.md",
        format!("{}{}", header.markdown, readme::readme(api, settings)),
    );
    Ok(output)
}

/// One Rust file's text: its tokens formatted, and for `src/requests.rs` the shared
/// request macro put in.
fn rust_file(path: &str, tokens: TokenStream) -> Result<String, Diagnostic> {
    let internal = |problem: String| {
        Diagnostic::new("E0901", "#", format!("internal error: {problem}"))
            .with_hint("this is a bug in the generator; please report it with the spec")
    };
    let text = format_tokens(tokens)
        .map_err(|error| internal(format!("the generated {path} does not parse: {error}")))?;
    if path == "src/requests.rs" {
        return requests::with_request_macro(&text).ok_or_else(|| {
            internal(format!(
                "the generated {path} has no imports to put its macro after"
            ))
        });
    }
    Ok(text)
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

/// Whether a method takes or returns bytes.
fn uses_bytes(api: &Api) -> bool {
    api.operations.iter().any(|op| {
        op.success == crate::model::Success::Bytes
            || op
                .body
                .as_ref()
                .is_some_and(|b| matches!(b.media, crate::model::BodyMedia::Bytes(_)))
    })
}

/// Whether a type, a parameter, a body or an answer holds a file (`format: binary`).
fn uses_files(api: &Api) -> bool {
    uses_type(api, &crate::model::TypeRef::File)
}

/// Whether a type, a parameter, a body or an answer holds `wanted`.
pub(super) fn uses_type(api: &Api, wanted: &crate::model::TypeRef) -> bool {
    let found = |ty: &crate::model::TypeRef| ty == wanted;
    api.types
        .iter()
        .flat_map(crate::model::TypeDef::held)
        .chain(
            api.operations
                .iter()
                .flat_map(|op| op.params.iter().map(|p| &p.ty)),
        )
        .chain(
            api.operations
                .iter()
                .filter_map(|op| op.body.as_ref().map(|b| &b.ty)),
        )
        .chain(api.operations.iter().flat_map(|op| op.success.json_types()))
        .any(|ty| ty.mentions(&found))
}

fn lib_file(api: &Api, source: &RuntimeSource) -> TokenStream {
    let choice = api.server.choice.as_ref().map(|c| {
        let name = tokens::ident(&c.type_name);
        quote! { #name, }
    });
    let runtime = runtime::lib_item(source);
    // The runtime's own types a spec's methods or types use, for callers to name.
    let bytes = uses_bytes(api).then(|| quote! { pub use runtime::body::Bytes; });
    let file = uses_files(api).then(|| quote! { pub use runtime::multipart::File; });
    let auth = (!api.schemes.is_empty()).then(|| {
        quote! {
            pub use runtime::auth;
            /// For implementing [`auth::TokenSource`].
            pub use async_trait::async_trait;
        }
    });
    quote! {
        #![cfg_attr(rustfmt, rustfmt::skip)]
        #![doc = include_str!("../README.md")]
        #![forbid(unsafe_code)]
        #![warn(missing_docs)]
        // Large specs nest types deeply enough for rustdoc's auto-trait checks to
        // pass the default limit of 128.
        #![recursion_limit = "512"]
        // Doc comments carry the spec's prose, Markdown written for readers of the
        // spec; its layout is not held to rustdoc's stricter reading.
        #![allow(clippy::doc_lazy_continuation, clippy::doc_overindented_list_items, rustdoc::bare_urls, rustdoc::broken_intra_doc_links, rustdoc::invalid_html_tags)]
        #![allow(clippy::large_enum_variant, clippy::type_complexity, clippy::disallowed_names, reason = "the spec decides the types' shapes and names")]

        #runtime
        mod client;
        pub mod requests;
        pub mod types;

        pub use client::{Client, ClientBuilder, ErrorBody, #choice};
        pub use runtime::{error, hooks, retry};
        #auth
        pub use runtime::body::Response;
        #bytes
        #file
        pub use runtime::error::{AuthError, Violation};
        pub use runtime::retry::RetryPolicy;
        /// Everything that can go wrong when building the client or making a call.
        pub type Error = runtime::error::Error<ErrorBody>;
        /// An answer with an error or redirect status, its body decoded as [`ErrorBody`].
        pub type ApiError = runtime::error::ApiError<ErrorBody>;
        /// The HTTP client this crate uses, for building a [`reqwest::Client`] to pass to
        /// [`ClientBuilder::http_client`].
        pub use reqwest;
    }
}
