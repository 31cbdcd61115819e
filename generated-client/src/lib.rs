// @generated from schema/goals.yaml by this workspace's generator. Do not edit: change the spec and regenerate.

#![cfg_attr(rustfmt, rustfmt::skip)]
#![doc = include_str!("../README.md")]
#![forbid(unsafe_code)]
#![warn(missing_docs)]
#![allow(
    clippy::doc_lazy_continuation,
    clippy::doc_overindented_list_items,
    rustdoc::bare_urls,
    rustdoc::broken_intra_doc_links,
    rustdoc::invalid_html_tags
)]
pub mod auth;
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

pub use client::{Client, ClientBuilder, ErrorBody, DataCenter};
pub use error::{ApiError, AuthError, Error};
pub use support::Response;
pub use retry::RetryPolicy;
/// For implementing [`auth::TokenSource`].
pub use async_trait::async_trait;
/// The HTTP client this crate uses, for building a [`reqwest::Client`] to pass to
/// [`ClientBuilder::http_client`].
pub use reqwest;
