//! Hooks: code of the caller's that runs around every attempt, to add a header,
//! record metrics or log.

use std::fmt;
use std::time::Duration;

/// What a call is, for hooks and logs. Never holds a secret.
#[derive(Debug, Clone, Default)]
pub struct CallInfo {
    /// The operation's `operationId`.
    pub operation: &'static str,
    /// The HTTP method.
    pub method: reqwest::Method,
    /// The path as the spec writes it, parameters unfilled.
    pub path_template: &'static str,
}

/// One attempt of a call.
#[derive(Debug, Clone, Copy)]
pub struct AttemptInfo<'a> {
    /// The call.
    pub call: &'a CallInfo,
    /// 1 for the first attempt, 2 for the first retry, …
    pub attempt: u32,
}

/// Runs before each request is sent and after each answer (or failure).
///
/// Both methods do nothing by default.
pub trait Hooks: Send + Sync + fmt::Debug {
    /// May change the request, such as adding a header. The request holds the
    /// credential (in a sensitive header, or in the URL for an API key sent in the
    /// query): a hook that logs it must leave it out.
    fn before_request(&self, attempt: &AttemptInfo<'_>, request: &mut reqwest::Request) {
        let _ = (attempt, request);
    }

    /// Sees how the attempt ended: the status when the server answered, and how
    /// long it took.
    fn after_response(&self, attempt: &AttemptInfo<'_>, status: Option<u16>, elapsed: Duration) {
        let _ = (attempt, status, elapsed);
    }
}
