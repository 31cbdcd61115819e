// @generated from schema/goals.yaml by this workspace's generator. Do not edit: change the spec and regenerate.

#![cfg_attr(rustfmt, rustfmt::skip)]
#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![recursion_limit = "512"]
#![allow(
    clippy::doc_lazy_continuation,
    clippy::doc_overindented_list_items,
    rustdoc::bare_urls,
    rustdoc::broken_intra_doc_links,
    rustdoc::invalid_html_tags
)]
#![allow(
    clippy::large_enum_variant,
    clippy::type_complexity,
    clippy::disallowed_names,
    reason = "the spec decides the types' shapes and names"
)]
#[allow(
    dead_code,
    reason = "the runtime is linted as a crate of its own; which of its helpers a crate calls depends on its spec"
)]
mod runtime;
mod client;
pub mod requests;
pub mod types;

pub use client::{Client, ClientBuilder, ErrorBody, DataCenter};
pub use runtime::{error, hooks, retry};
pub use runtime::auth;
/// For implementing [`auth::TokenSource`].
pub use async_trait::async_trait;
pub use runtime::body::Response;
pub use runtime::error::{AuthError, Violation};
pub use runtime::retry::RetryPolicy;

/// Everything that can go wrong when building the client or making a call.
pub type Error = runtime::error::Error<ErrorBody>;

/// An answer with an error or redirect status, its body decoded as [`ErrorBody`].
pub type ApiError = runtime::error::ApiError<ErrorBody>;

/// The HTTP client this crate uses, for building a [`reqwest::Client`] to pass to
/// [`ClientBuilder::http_client`].
pub use reqwest;
