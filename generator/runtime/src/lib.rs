//! The runtime of the clients the generator writes: everything a client does that
//! does not depend on its spec.
//!
//! A generated crate carries a copy of these modules under `src/runtime/` (only
//! those its spec needs: no `auth` without a security scheme, no `validate` without
//! constraints, no `time` without a date-time), or depends on this crate instead (`--runtime-crate`). Either way
//! its code reaches them as `crate::runtime::…`, so each file here names its
//! siblings with `super::` and nothing of a generated crate: what differs per spec
//! arrives as a value (the credential's header and prefix, the base URL) or as a
//! type parameter (the error body, `B` in [`error::Error`]).
//!
//! The modules depend on each other in one direction, leaves first:
//! [`secret`], [`hooks`], [`retry`], [`time`], [`request`] → [`error`] → [`credential`],
//! [`validate`], [`multipart`] → [`dispatch`] → [`body`] → [`endpoint`] → [`options`] →
//! [`auth`].
//!
//! A token source of one's own, for a spec with a security scheme:
//!
//! ```
//! use client_runtime::auth::{AccessToken, TokenSource};
//! use client_runtime::error::AuthError;
//!
//! #[derive(Debug)]
//! struct FromEnvironment;
//!
//! #[async_trait::async_trait]
//! impl TokenSource for FromEnvironment {
//!     async fn token(&self) -> Result<AccessToken, AuthError> {
//!         std::env::var("ACCESS_TOKEN")
//!             .map(AccessToken::new)
//!             .map_err(|_| AuthError::new("ACCESS_TOKEN is not set"))
//!     }
//! }
//! ```

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
pub mod time;
pub mod validate;
