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
    Api(Box<ApiError>),
    /// Getting an access token failed (the token endpoint refused or could not be
    /// reached); nothing was sent to the API.
    Auth(AuthError),
    /// The server answered with a success status, but the body says the operation
    /// failed (see the crate docs for the rule).
    Unsuccessful {
        /// The operation's `operationId`.
        operation: &'static str,
        /// The HTTP status of the answer.
        status: u16,
        /// What in the body says so.
        reason: String,
        /// The body as received (at most 64 KiB of it).
        body: String,
    },
    /// The request body breaks constraints the spec states; nothing was sent.
    Invalid {
        /// The operation's `operationId`.
        operation: &'static str,
        /// Every constraint broken.
        violations: Vec<crate::support::Violation>,
    },
    /// The request body could not be written as JSON; nothing was sent.
    Serialize {
        /// The operation's `operationId`.
        operation: &'static str,
        /// What serde_json reported.
        message: String,
    },
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
            Error::Decode { status, .. } | Error::Unsuccessful { status, .. } => Some(*status),
            Error::Transport { source, .. } => source.status().map(|s| s.as_u16()),
            Error::Auth(_)
            | Error::Config(_)
            | Error::InvalidParameter { .. }
            | Error::Invalid { .. }
            | Error::Serialize { .. } => None,
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
            Error::Auth(auth) => auth.fmt(f),
            Error::Unsuccessful {
                operation,
                status,
                reason,
                body,
            } => write!(
                f,
                "{operation}: HTTP {status} answer reports a failure ({reason}); body: {}",
                shown(body)
            ),
            Error::Invalid {
                operation,
                violations,
            } => {
                write!(f, "{operation}: the request breaks the spec's constraints:")?;
                for violation in violations {
                    write!(f, " {violation};")?;
                }
                Ok(())
            }
            Error::Serialize { operation, message } => {
                write!(
                    f,
                    "{operation}: the request body cannot be written as JSON: {message}"
                )
            }
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
    headers: reqwest::header::HeaderMap,
    body: Option<crate::ErrorBody>,
    raw_body: String,
}

impl ApiError {
    pub(crate) fn new(
        operation: &'static str,
        status: reqwest::StatusCode,
        headers: &reqwest::header::HeaderMap,
        body: &[u8],
    ) -> Self {
        Self {
            operation,
            status,
            headers: headers.clone(),
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

    /// The answer's headers (such as `Retry-After`).
    pub fn headers(&self) -> &reqwest::header::HeaderMap {
        &self.headers
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

/// The token endpoint refused to give an access token, or could not be reached.
///
/// It holds the endpoint's error code and description, never a secret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthError {
    status: Option<u16>,
    error: Option<String>,
    description: Option<String>,
}

impl AuthError {
    pub(crate) fn new(
        status: Option<u16>,
        error: Option<String>,
        description: Option<String>,
    ) -> Self {
        Self {
            status,
            error,
            description,
        }
    }

    /// The token endpoint's HTTP status, when it answered.
    pub fn status(&self) -> Option<u16> {
        self.status
    }

    /// The OAuth error code the endpoint gave (`invalid_code`, `invalid_client`, …).
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// What else is known of the failure.
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }
}

impl fmt::Display for AuthError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("getting an access token failed")?;
        if let Some(status) = self.status {
            write!(f, ": HTTP {status}")?;
        }
        if let Some(error) = &self.error {
            write!(f, ": {error}")?;
        }
        if let Some(description) = &self.description {
            write!(f, " ({description})")?;
        }
        Ok(())
    }
}

impl std::error::Error for AuthError {}

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
