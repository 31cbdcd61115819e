// @generated from schema/goals.yaml by this workspace's generator. Do not edit: change the spec and regenerate.

//! The one error type of this crate.

use std::fmt;

use crate::support::MAX_BODY_KEPT;

/// How much of a body `Display` shows.
const SHOWN_BODY: usize = 300;

/// Everything that can go wrong when building the client or making a call.
///
/// No variant ever holds the access token: it is not in the request URL, and the
/// credential header is not part of any error.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The client could not be built: a bad base URL, a missing or unusable token.
    Config(String),
    /// A parameter's value cannot be sent as given; nothing was sent.
    InvalidParameter {
        /// The operation's `operationId`.
        operation: &'static str,
        /// The parameter's name in the spec.
        parameter: &'static str,
        /// Why the value was refused.
        reason: &'static str,
    },
    /// The request did not complete: connection, TLS, timeout, or a body that could
    /// not be read.
    Transport {
        /// The operation's `operationId`.
        operation: &'static str,
        /// What reqwest reported.
        source: reqwest::Error,
    },
    /// The server answered with an error status.
    Api(ApiError),
    /// The server answered with a success status, but the body is not what the spec
    /// describes.
    Decode {
        /// The operation's `operationId`.
        operation: &'static str,
        /// The HTTP status of the answer.
        status: u16,
        /// Where in the body decoding failed, as a serde path (`projectgoals[0].goal_id`).
        path: String,
        /// What was wrong there.
        message: String,
        /// The body as received (at most 64 KiB of it).
        body: String,
    },
}

impl Error {
    /// The answer's HTTP status, when the server answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api(api) => Some(api.status().as_u16()),
            Error::Decode { status, .. } => Some(*status),
            Error::Transport { source, .. } => source.status().map(|s| s.as_u16()),
            Error::Config(_) | Error::InvalidParameter { .. } => None,
        }
    }

    /// The error answer, when the server answered with an error status.
    pub fn api(&self) -> Option<&ApiError> {
        match self {
            Error::Api(api) => Some(api),
            _ => None,
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Config(message) => write!(f, "client configuration: {message}"),
            Error::InvalidParameter {
                operation,
                parameter,
                reason,
            } => {
                write!(f, "{operation}: parameter `{parameter}` refused: {reason}")
            }
            Error::Transport { operation, source } => {
                write!(f, "{operation}: request failed: {source}")
            }
            Error::Api(api) => api.fmt(f),
            Error::Decode {
                operation,
                status,
                path,
                message,
                body,
            } => write!(
                f,
                "{operation}: HTTP {status} answer does not match the spec at `{path}`: \
                 {message}; body: {}",
                shown(body)
            ),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Transport { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// An answer with an error status (4xx, 5xx).
#[derive(Debug, Clone)]
pub struct ApiError {
    operation: &'static str,
    status: reqwest::StatusCode,
    body: Option<crate::ErrorBody>,
    raw_body: String,
}

impl ApiError {
    pub(crate) fn new(operation: &'static str, status: reqwest::StatusCode, body: &[u8]) -> Self {
        Self {
            operation,
            status,
            body: serde_json::from_slice(body).ok(),
            raw_body: crate::support::kept_text(body),
        }
    }

    /// The operation's `operationId`.
    pub fn operation(&self) -> &'static str {
        self.operation
    }

    /// The HTTP status.
    pub fn status(&self) -> reqwest::StatusCode {
        self.status
    }

    /// The error body, decoded, when it is the JSON the spec describes.
    pub fn body(&self) -> Option<&crate::ErrorBody> {
        self.body.as_ref()
    }

    /// The body as received, whatever it is (at most 64 KiB of it).
    pub fn raw_body(&self) -> &str {
        &self.raw_body
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: HTTP {}", self.operation, self.status)?;
        if !self.raw_body.is_empty() {
            write!(f, ": {}", shown(&self.raw_body))?;
        }
        Ok(())
    }
}

impl std::error::Error for ApiError {}

/// The start of a body, on one line, for messages.
fn shown(body: &str) -> String {
    let flat: String = body.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(SHOWN_BODY) {
        Some((end, _)) => format!(
            "{}… ({} bytes)",
            &flat[..end],
            body.len().min(MAX_BODY_KEPT)
        ),
        None => flat,
    }
}
