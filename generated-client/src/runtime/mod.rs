// @generated from schema/goals.yaml by this workspace's generator. Do not edit: change the spec and regenerate.

#![cfg_attr(rustfmt, rustfmt::skip)]
//! The client runtime: the modules of the generator's runtime crate that this
//! crate's spec needs, as that crate has them.
pub mod auth;
pub mod body;
pub mod credential;
pub mod dispatch;
pub mod endpoint;
pub mod error;
pub mod hooks;
pub mod multipart;
pub mod options;
pub mod request;
pub mod retry;
pub mod secret;
