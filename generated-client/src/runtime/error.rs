// @generated: generator/runtime/src/error.rs, the generator's client runtime, as it stands there. Do not edit: change it there and regenerate.

//! The one error type of a client, and the smaller errors its parts return.
//!
//! `Error<B>` is generic over `B`, the error body the spec describes; a generated
//! crate names it once (`pub type Error = runtime::Error<ErrorBody>`). The parts
//! that do not know `B` return [`ConfigError`] or [`RequestError`], which `?`
//! turns into an `Error<B>`.

use std::fmt;
use std::time::Duration;

/// The most of an answer's body an error keeps.
pub const MAX_BODY_KEPT: usize = 64 * 1024;

/// How much of a body `Display` shows.
const SHOWN_BODY: usize = 300;

/// Everything that can go wrong when building a client or making a call.
///
/// No variant holds a credential the client knows of: credential headers are part of
/// no error, transport errors drop their URL (where a query API key travels), URLs
/// in messages are redacted, and token-endpoint texts are scrubbed. An API that
/// echoes a key into its error body is the API's doing: `ApiError::raw_body` keeps
/// what it sent.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error<B = serde_json::Value> {
    /// The client could not be built: a bad base URL, a missing or unusable
    /// credential.
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
    /// The request did not complete: connection, TLS, or an answer that could not
    /// be read. `Display` shows the whole chain of causes.
    Transport {
        /// The operation's `operationId`.
        operation: &'static str,
        /// What reqwest reported.
        source: reqwest::Error,
    },
    /// The call took longer than its request's `timeout` allows in all:
    /// token refresh, attempts and waits between them together.
    Timeout {
        /// The operation's `operationId`.
        operation: &'static str,
        /// The limit that was reached.
        after: Duration,
    },
    /// The server answered with an error status, or a redirect (3xx), which is
    /// never followed.
    Api(Box<ApiError<B>>),
    /// Getting an access token failed (the token endpoint refused or could not be
    /// reached, or a token source failed); nothing was sent to the API.
    Auth(AuthError),
    /// The server answered with a success status, but the body says the operation
    /// failed.
    Unsuccessful {
        /// The operation's `operationId`.
        operation: &'static str,
        /// The HTTP status of the answer.
        status: u16,
        /// What in the body says so.
        reason: String,
        /// The start of the body as received (at most 64 KiB).
        body: String,
    },
    /// The request breaks constraints the spec states; nothing was sent.
    Invalid {
        /// The operation's `operationId`.
        operation: &'static str,
        /// Every constraint broken.
        violations: Vec<Violation>,
    },
    /// The request body could not be written; nothing was sent.
    Serialize {
        /// The operation's `operationId`.
        operation: &'static str,
        /// What the serializer reported.
        message: String,
    },
    /// The server answered with a success status, but the body is not what the spec
    /// describes.
    Decode {
        /// The operation's `operationId`.
        operation: &'static str,
        /// The HTTP status of the answer.
        status: u16,
        /// Where in the body decoding failed, as a serde path (`items[0].id`).
        path: String,
        /// What was wrong there.
        message: String,
        /// The start of the body as received (at most 64 KiB).
        body: String,
    },
    /// The answer's body is larger than the client reads
    /// (`ClientBuilder::max_answer_size`); reading stopped at the limit.
    TooLarge {
        /// The operation's `operationId`.
        operation: &'static str,
        /// The HTTP status of the answer.
        status: u16,
        /// The limit, in bytes.
        limit: usize,
    },
}

impl<B> Error<B> {
    /// The answer's HTTP status, when the server answered.
    pub fn status(&self) -> Option<u16> {
        match self {
            Error::Api(api) => Some(api.status().as_u16()),
            Error::Decode { status, .. }
            | Error::Unsuccessful { status, .. }
            | Error::TooLarge { status, .. } => Some(*status),
            Error::Transport { source, .. } => source.status().map(|s| s.as_u16()),
            _ => None,
        }
    }

    /// The error answer, when the server answered with an error or redirect status.
    pub fn api(&self) -> Option<&ApiError<B>> {
        match self {
            Error::Api(api) => Some(api),
            _ => None,
        }
    }

    /// How long the server asked to wait before trying again (its `Retry-After`),
    /// when it said so.
    pub fn retry_after(&self) -> Option<Duration> {
        self.api().and_then(ApiError::retry_after)
    }
}

impl<B> fmt::Display for Error<B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Config(message) => write!(f, "client configuration: {message}"),
            Error::InvalidParameter {
                operation,
                parameter,
                reason,
            } => write!(f, "{operation}: parameter `{parameter}` refused: {reason}"),
            Error::Transport { operation, source } => {
                write!(f, "{operation}: request failed: {}", causes(source))
            }
            Error::Timeout { operation, after } => {
                write!(f, "{operation}: the call took longer than {after:?} in all")
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
            Error::Serialize { operation, message } => write!(
                f,
                "{operation}: the request body cannot be written: {message}"
            ),
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
            Error::TooLarge {
                operation,
                status,
                limit,
            } => write!(
                f,
                "{operation}: HTTP {status} answer is larger than the {limit} bytes the \
                 client reads"
            ),
        }
    }
}

impl<B: fmt::Debug> std::error::Error for Error<B> {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Transport { source, .. } => Some(source),
            Error::Auth(auth) => Some(auth),
            _ => None,
        }
    }
}

/// The client's settings cannot work; the text says which and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError(pub String);

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "client configuration: {}", self.0)
    }
}

impl std::error::Error for ConfigError {}

impl<B> From<ConfigError> for Error<B> {
    fn from(error: ConfigError) -> Self {
        Error::Config(error.0)
    }
}

/// A request refused before anything was sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequestError {
    /// See [`Error::InvalidParameter`].
    InvalidParameter {
        /// The operation's `operationId`.
        operation: &'static str,
        /// The parameter's name in the spec.
        parameter: &'static str,
        /// Why the value was refused.
        reason: &'static str,
    },
    /// See [`Error::Invalid`].
    Invalid {
        /// The operation's `operationId`.
        operation: &'static str,
        /// Every constraint broken.
        violations: Vec<Violation>,
    },
    /// See [`Error::Serialize`].
    Serialize {
        /// The operation's `operationId`.
        operation: &'static str,
        /// What the serializer reported.
        message: String,
    },
}

impl<B> From<RequestError> for Error<B> {
    fn from(error: RequestError) -> Self {
        match error {
            RequestError::InvalidParameter {
                operation,
                parameter,
                reason,
            } => Error::InvalidParameter {
                operation,
                parameter,
                reason,
            },
            RequestError::Invalid {
                operation,
                violations,
            } => Error::Invalid {
                operation,
                violations,
            },
            RequestError::Serialize { operation, message } => {
                Error::Serialize { operation, message }
            }
        }
    }
}

impl<B> From<AuthError> for Error<B> {
    fn from(error: AuthError) -> Self {
        Error::Auth(error)
    }
}

/// A value that breaks a constraint of the spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// Where, as a path from the request body (`.item.name`).
    pub field: String,
    /// What is wrong.
    pub problem: String,
}

impl Violation {
    /// A violation at `field`.
    pub fn new(field: &str, problem: String) -> Self {
        Self {
            field: field.to_owned(),
            problem,
        }
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "`{}` {}", self.field, self.problem)
    }
}

/// An answer with an error status (4xx, 5xx) or a redirect (3xx).
#[derive(Debug, Clone)]
pub struct ApiError<B = serde_json::Value> {
    operation: &'static str,
    status: reqwest::StatusCode,
    headers: reqwest::header::HeaderMap,
    retry_after: Option<Duration>,
    body: Option<B>,
    raw_body: String,
}

impl<B: serde::de::DeserializeOwned> ApiError<B> {
    /// The error answer of `operation`; `body` is at most the kept excerpt, decoded
    /// as `B` when it is that JSON.
    pub fn new(
        operation: &'static str,
        status: reqwest::StatusCode,
        headers: reqwest::header::HeaderMap,
        retry_after: Option<Duration>,
        body: &[u8],
    ) -> Self {
        Self {
            operation,
            status,
            headers,
            retry_after,
            body: serde_json::from_slice(body).ok(),
            raw_body: kept_text(body),
        }
    }
}

impl<B> ApiError<B> {
    /// The operation's `operationId`.
    pub fn operation(&self) -> &'static str {
        self.operation
    }

    /// The HTTP status.
    pub fn status(&self) -> reqwest::StatusCode {
        self.status
    }

    /// The answer's headers.
    pub fn headers(&self) -> &reqwest::header::HeaderMap {
        &self.headers
    }

    /// The server's `Retry-After`, read as a wait from when the answer came.
    pub fn retry_after(&self) -> Option<Duration> {
        self.retry_after
    }

    /// Where a redirect (3xx) points, which the client did not follow.
    pub fn location(&self) -> Option<&str> {
        self.headers
            .get(reqwest::header::LOCATION)
            .and_then(|v| v.to_str().ok())
    }

    /// The error body, decoded, when it is the JSON the spec describes.
    pub fn body(&self) -> Option<&B> {
        self.body.as_ref()
    }

    /// The start of the body as received, whatever it is (at most 64 KiB).
    pub fn raw_body(&self) -> &str {
        &self.raw_body
    }
}

impl<B> fmt::Display for ApiError<B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: HTTP {}", self.operation, self.status)?;
        if let Some(location) = self.location() {
            write!(
                f,
                " to {} (redirects are not followed)",
                super::secret::redact_url(location)
            )?;
        }
        if !self.raw_body.is_empty() {
            write!(f, ": {}", shown(&self.raw_body))?;
        }
        Ok(())
    }
}

impl<B: fmt::Debug> std::error::Error for ApiError<B> {}

/// Getting an access token failed: the token endpoint refused or could not be
/// reached, or a token source failed.
///
/// It holds the endpoint's error code and description, with every secret the
/// client knows replaced, never a secret itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuthError {
    status: Option<u16>,
    error: Option<String>,
    description: Option<String>,
}

impl AuthError {
    /// A failure of a token source of the caller's, described by `description`.
    pub fn new(description: impl Into<String>) -> Self {
        Self {
            status: None,
            error: None,
            description: Some(description.into()),
        }
    }

    /// What a token endpoint answered.
    pub fn from_endpoint(
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

    /// The OAuth error code the endpoint gave (`invalid_grant`, `invalid_client`, …).
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

/// `error` and its causes, each after a `: `, as reqwest's own `Display` shows only
/// the outermost ("error decoding response body" for a timeout).
pub(crate) fn causes(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut cause = error.source();
    while let Some(inner) = cause {
        let shown = inner.to_string();
        // Some layers repeat their cause's text in their own.
        if !text.ends_with(&shown) {
            text.push_str(": ");
            text.push_str(&shown);
        }
        cause = inner.source();
    }
    text
}

/// The start of `body` as text: at most [`MAX_BODY_KEPT`] bytes are converted, so a
/// huge body costs no more than its excerpt. A body of that length or more may have
/// been cut inside a character; such a last partial character is dropped, not shown
/// as U+FFFD.
pub fn kept_text(body: &[u8]) -> String {
    let head = &body[..body.len().min(MAX_BODY_KEPT)];
    match std::str::from_utf8(head) {
        Err(e) if e.error_len().is_none() && body.len() >= MAX_BODY_KEPT => {
            String::from_utf8_lossy(&head[..e.valid_up_to()]).into_owned()
        }
        _ => String::from_utf8_lossy(head).into_owned(),
    }
}

/// The start of a body, on one line, for messages.
fn shown(body: &str) -> String {
    let flat: String = body.split_whitespace().collect::<Vec<_>>().join(" ");
    match flat.char_indices().nth(SHOWN_BODY) {
        Some((end, _)) => format!("{}… ({} bytes kept)", &flat[..end], body.len()),
        None => flat,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kept_text_converts_only_the_excerpt_and_never_splits_a_character() {
        let mut body = vec![b'a'; MAX_BODY_KEPT - 1];
        body.extend("é and more".as_bytes());
        let kept = kept_text(&body);
        assert_eq!(kept.len(), MAX_BODY_KEPT - 1);
        assert!(kept.bytes().all(|b| b == b'a'));
        assert_eq!(kept_text(b"short \xff"), "short \u{fffd}");
    }

    #[test]
    fn auth_errors_show_the_description() {
        let auth: Error = Error::Auth(AuthError::new("vault sealed"));
        assert_eq!(
            auth.to_string(),
            "getting an access token failed (vault sealed)"
        );
    }

    #[test]
    fn request_errors_become_the_matching_variant() {
        let error: Error = RequestError::InvalidParameter {
            operation: "op",
            parameter: "id",
            reason: "empty",
        }
        .into();
        assert!(matches!(
            error,
            Error::InvalidParameter {
                parameter: "id",
                ..
            }
        ));
        let config: Error = ConfigError("no base URL".into()).into();
        assert_eq!(config.to_string(), "client configuration: no base URL");
    }
}
