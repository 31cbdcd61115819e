//! One call from start to end: its credential, its attempts, the waits between
//! them, the hooks, and reading the answer within its size limit.
//!
//! # Policies
//!
//! - **Redirects** are never followed. A 3xx answer is an `Error::Api` that keeps
//!   the `Location` (`ApiError::location`): following one could resend a body or a
//!   credential to another host, or turn a POST into a GET of a list. A caller's
//!   own `reqwest::Client` that follows redirects is detected after the fact and
//!   its answer refused, since the request it sent is not the one asked for.
//! - **Time**: each attempt may take the client's attempt timeout. A call given a
//!   limit of its own (a request's `timeout`) ends when the limit is reached,
//!   whatever it is doing: waiting for a token, an attempt, or the wait before a
//!   retry, which is not started when it would end past the limit.
//! - **Size**: a success answer's body is read up to the client's limit and no
//!   further (`Error::TooLarge`); an error answer's body only up to the excerpt an
//!   error keeps, so an answer of any size costs bounded memory.

use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::header::{HeaderMap, HeaderValue};

use super::credential::{Chosen, Credential, Credentials, Placement, Schemes};
use super::error::{ApiError, AuthError, Error, MAX_BODY_KEPT, RequestError};
use super::hooks::{AttemptInfo, CallInfo, Hooks};
use super::multipart::{self, Part};
use super::request::CallSettings;
use super::retry::{Failure, RetryPolicy, Timer, is_retryable, parse_retry_after};
use super::secret::redact_url;

/// One request as an operation describes it, before any attempt. Its default is
/// empty: no query, headers or body, and no credential sent.
#[derive(Debug)]
pub struct Call {
    /// What the call is, for hooks and logs.
    pub info: CallInfo,
    /// The full URL, path parameters filled in.
    pub url: String,
    /// Query pairs, in order.
    pub query: Vec<(&'static str, String)>,
    /// Header pairs, in order.
    pub headers: Vec<(&'static str, String)>,
    /// Headers sent after the operation's own; [`Dispatcher::execute`] adds those
    /// of the call's settings.
    pub extra_headers: HeaderMap,
    /// The body, written once so that every attempt sends the same bytes.
    pub body: Option<Payload>,
    /// The alternatives of the operation's `security`, each the indices of the
    /// schemes (in [`Schemes`]) sent together; an empty one sends no credential.
    pub security: &'static [&'static [usize]],
}

impl Default for Call {
    fn default() -> Self {
        Self {
            info: CallInfo::default(),
            url: String::new(),
            query: Vec::new(),
            headers: Vec::new(),
            extra_headers: HeaderMap::new(),
            body: None,
            security: &[&[]],
        }
    }
}

/// A request body, written once so that every attempt sends the same one.
#[derive(Debug, Clone)]
pub enum Payload {
    /// Bytes with their `Content-Type`.
    Bytes {
        /// Its `Content-Type`.
        content_type: &'static str,
        /// Its bytes.
        bytes: bytes::Bytes,
    },
    /// A `multipart/form-data` body, of which each attempt builds its own form.
    Multipart(Vec<Part>),
}

/// An answer with a success status: status, headers and the body's bytes.
#[derive(Debug)]
pub struct RawResponse {
    pub(crate) status: reqwest::StatusCode,
    pub(crate) headers: HeaderMap,
    pub(crate) body: bytes::Bytes,
}

impl RawResponse {
    /// The HTTP status, by which an operation whose answers differ tells them apart.
    pub fn status(&self) -> reqwest::StatusCode {
        self.status
    }
}

/// What every call of a client shares: the HTTP client, where to send, the
/// credential, and the rules for retries, time and size.
///
/// `B` is the error body the spec describes.
pub struct Dispatcher<B> {
    pub(crate) http: reqwest::Client,
    pub(crate) base_url: String,
    pub(crate) schemes: Schemes,
    pub(crate) retry: RetryPolicy,
    pub(crate) attempt_timeout: Duration,
    /// Whether `http` itself ends a request after `attempt_timeout` (a client this
    /// crate built), so that only a shorter limit needs setting per request.
    pub(crate) http_times_out: bool,
    pub(crate) max_answer_size: usize,
    pub(crate) timer: Arc<dyn Timer>,
    pub(crate) hooks: Vec<Arc<dyn Hooks>>,
    pub(crate) error_body: PhantomData<fn() -> B>,
}

impl<B> fmt::Debug for Dispatcher<B> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Dispatcher")
            .field("base_url", &self.base_url)
            .field("retry", &self.retry)
            .field("attempt_timeout", &self.attempt_timeout)
            .field("max_answer_size", &self.max_answer_size)
            .field("hooks", &self.hooks.len())
            .finish_non_exhaustive()
    }
}

/// How one attempt ended.
enum Attempt<B> {
    Answered(RawResponse),
    Failed {
        failure: Failure,
        retry_after: Option<Duration>,
        error: Error<B>,
    },
}

impl<B: serde::de::DeserializeOwned> Dispatcher<B> {
    /// The base URL every path is appended to, without a trailing `/`.
    pub fn base_url(&self) -> &str {
        &self.base_url
    }

    /// The retry policy.
    pub fn retry_policy(&self) -> &RetryPolicy {
        &self.retry
    }

    /// How long one attempt may take.
    pub fn attempt_timeout(&self) -> Duration {
        self.attempt_timeout
    }

    /// Runs `call` with retries; a 401 asks for a new credential once and tries
    /// once more. The caller's `settings` add their headers, and with a timeout
    /// the whole call ends within it.
    ///
    /// With the `tracing` feature the call is a span (operation, method, path
    /// template) and each attempt an event in it (attempt, status, latency).
    pub async fn execute(
        &self,
        mut call: Call,
        settings: CallSettings,
    ) -> Result<RawResponse, Error<B>> {
        for (name, value) in &settings.headers {
            call.extra_headers.append(name.clone(), value.clone());
        }
        let call = &call;
        let limit = settings.timeout;
        let deadline = limit.and_then(|limit| Some((Instant::now().checked_add(limit)?, limit)));
        let run = self.attempts(call, deadline);
        #[cfg(feature = "tracing")]
        let run = {
            use tracing::Instrument;
            let span = tracing::info_span!(
                "api_call",
                operation = call.info.operation,
                method = %call.info.method,
                path = call.info.path_template,
            );
            run.instrument(span)
        };
        match deadline {
            Some((_, limit)) => {
                tokio::time::timeout(limit, run)
                    .await
                    .unwrap_or(Err(Error::Timeout {
                        operation: call.info.operation,
                        after: limit,
                    }))
            }
            None => run.await,
        }
    }

    /// The attempts of `call`; `deadline` is when its own limit (the second) ends.
    async fn attempts(
        &self,
        call: &Call,
        deadline: Option<(Instant, Duration)>,
    ) -> Result<RawResponse, Error<B>> {
        let mut attempt = 0u32;
        let mut waited = Duration::ZERO;
        let mut refreshed = false;
        let authenticators = self.schemes.choose(call.info.operation, call.security)?;
        // The credentials given after a 401, for the attempt that follows.
        let mut renewed: Option<Credentials> = None;
        loop {
            attempt = attempt.saturating_add(1);
            let credentials = match renewed.take() {
                Some(credentials) => credentials,
                None => {
                    let mut credentials = Credentials::None;
                    for authenticator in authenticators.iter() {
                        credentials.push(match authenticator.fixed() {
                            Some(fixed) => fixed.clone(),
                            None => authenticator.credential().await?,
                        });
                    }
                    credentials
                }
            };
            // Whether the call's own limit, not the attempt timeout, bounds this attempt.
            let cut_by_limit = deadline.is_some_and(|(at, _)| {
                at.saturating_duration_since(Instant::now()) < self.attempt_timeout
            });
            let (failure, retry_after, error) = match self
                .attempt(
                    call,
                    credentials.as_slice(),
                    deadline.map(|(at, _)| at),
                    attempt,
                )
                .await?
            {
                Attempt::Answered(answer) => return Ok(answer),
                Attempt::Failed {
                    failure,
                    retry_after,
                    error,
                } => (failure, retry_after, error),
            };
            // An attempt cut short by the call's own limit ends the call as such.
            let past = deadline.is_some_and(|(at, _)| Instant::now() >= at);
            let timed_out = cut_by_limit && matches!(failure, Failure::Interrupted);
            if let Some((_, limit)) = deadline.filter(|_| past || timed_out) {
                return Err(Error::Timeout {
                    operation: call.info.operation,
                    after: limit,
                });
            }
            if matches!(failure, Failure::Status { status: 401, .. })
                && !refreshed
                && !credentials.as_slice().is_empty()
            {
                // Refused: one more attempt with new credentials, which the retry
                // policy does not count. Sources with no other (fixed tokens)
                // cannot help, and the 401 stands.
                refreshed = true;
                match renew(authenticators, credentials).await? {
                    Some(next) => {
                        renewed = Some(next);
                        continue;
                    }
                    None => return Err(error),
                }
            }
            let counted = attempt - u32::from(refreshed);
            let wait = self
                .retry
                .next_wait(counted, retry_after, waited, fastrand::f64())
                .filter(|_| is_retryable(&call.info.method, failure));
            let Some(wait) = wait else {
                return Err(error);
            };
            // A retry the policy allows but the call's own limit does not: the limit
            // is what ends the call.
            if let Some((_, limit)) = deadline.filter(|(at, _)| !ends_before(wait, Some(*at))) {
                return Err(Error::Timeout {
                    operation: call.info.operation,
                    after: limit,
                });
            }
            waited = waited.saturating_add(wait);
            self.timer.sleep(wait).await;
        }
    }

    async fn attempt(
        &self,
        call: &Call,
        credentials: &[Credential],
        deadline: Option<Instant>,
        attempt: u32,
    ) -> Result<Attempt<B>, Error<B>> {
        let timeout = match deadline {
            Some(deadline) => self
                .attempt_timeout
                .min(deadline.saturating_duration_since(Instant::now())),
            None => self.attempt_timeout,
        };
        let mut request = self.request(call, credentials, timeout)?;
        let info = AttemptInfo {
            call: &call.info,
            attempt,
        };
        for hook in &self.hooks {
            hook.before_request(&info, &mut request);
        }
        let started = Instant::now();
        let result = self.send(call, request).await?;
        let status = match &result {
            Attempt::Answered(answer) => Some(answer.status.as_u16()),
            Attempt::Failed {
                failure: Failure::Status { status, .. },
                ..
            } => Some(*status),
            Attempt::Failed { .. } => None,
        };
        let elapsed = started.elapsed();
        for hook in &self.hooks {
            hook.after_response(&info, status, elapsed);
        }
        #[cfg(feature = "tracing")]
        tracing::info!(
            attempt,
            status,
            latency_ms = u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX),
            "attempt finished"
        );
        Ok(result)
    }

    fn request(
        &self,
        call: &Call,
        credentials: &[Credential],
        timeout: Duration,
    ) -> Result<reqwest::Request, Error<B>> {
        let mut builder = self.http.request(call.info.method.clone(), &call.url);
        // JSON unless the call asks for its own media types (a download, text).
        if !call
            .headers
            .iter()
            .any(|(name, _)| name.eq_ignore_ascii_case("accept"))
        {
            builder = builder.header(reqwest::header::ACCEPT, "application/json");
        }
        if !call.query.is_empty() {
            builder = builder.query(&call.query);
        }
        // A request has one `Cookie` header (RFC 6265): the call's cookies and a
        // cookie credential are joined into it.
        let mut cookies: Vec<&str> = Vec::new();
        for (name, value) in &call.headers {
            if name.eq_ignore_ascii_case("cookie") {
                cookies.push(value);
            } else {
                builder = builder.header(*name, value);
            }
        }
        for (name, value) in &call.extra_headers {
            builder = builder.header(name, value);
        }
        let mut secret_cookies: Vec<&Credential> = Vec::new();
        for credential in credentials {
            builder = match &credential.place {
                Placement::Header(name) => builder.header(name.clone(), credential.value.clone()),
                Placement::Cookie(_) => {
                    secret_cookies.push(credential);
                    builder
                }
                Placement::Query(name) => {
                    builder.query(&[(name.as_str(), credential.token.expose())])
                }
            };
        }
        match (cookies.as_slice(), secret_cookies.as_slice()) {
            ([], []) => {}
            // The credential's own value, kept sensitive as it is.
            ([], [credential]) => {
                builder = builder.header(reqwest::header::COOKIE, credential.value.clone());
            }
            _ => {
                let header = cookie_header(&cookies, &secret_cookies).ok_or(
                    RequestError::InvalidParameter {
                        operation: call.info.operation,
                        parameter: "Cookie",
                        reason: "a cookie cannot stand in a `Cookie` header",
                    },
                )?;
                builder = builder.header(reqwest::header::COOKIE, header);
            }
        }
        match &call.body {
            None => {}
            Some(Payload::Bytes {
                content_type,
                bytes,
            }) => {
                builder = match static_value(content_type) {
                    Some(value) => builder.header(reqwest::header::CONTENT_TYPE, value),
                    // Not a header value: reqwest refuses it when the request is built.
                    None => builder.header(reqwest::header::CONTENT_TYPE, *content_type),
                };
                builder = builder.body(bytes.clone());
            }
            Some(Payload::Multipart(parts)) => {
                let form = multipart::form(parts).map_err(|message| RequestError::Serialize {
                    operation: call.info.operation,
                    message,
                })?;
                builder = builder.multipart(form);
            }
        }
        // A per-request timeout costs reqwest a map in the request's extensions;
        // it is set only when the HTTP client's own would not do.
        if !(self.http_times_out && timeout == self.attempt_timeout) {
            builder = builder.timeout(timeout);
        }
        builder.build().map_err(|source| Error::Transport {
            operation: call.info.operation,
            source: source.without_url(),
        })
    }

    async fn send(&self, call: &Call, request: reqwest::Request) -> Result<Attempt<B>, Error<B>> {
        let operation = call.info.operation;
        // Without its URL: a credential may travel in the query.
        let transport = |source: reqwest::Error, failure| Attempt::Failed {
            failure,
            retry_after: None,
            error: Error::Transport {
                operation,
                source: source.without_url(),
            },
        };
        let sent_to = request.url().clone();
        let mut response = match self.http.execute(request).await {
            Ok(response) => response,
            Err(e) if e.is_connect() => return Ok(transport(e, Failure::NotConnected)),
            Err(e) => return Ok(transport(e, Failure::Interrupted)),
        };
        if response.url() != &sent_to {
            return Err(Error::Config(format!(
                "{operation}: the HTTP client followed a redirect to `{}`; redirects are \
                 never followed (build the reqwest::Client with \
                 `redirect(reqwest::redirect::Policy::none())`)",
                redact_url(response.url().as_str())
            )));
        }
        let status = response.status();
        // Taken, not cloned: the body is read next and the response dropped.
        let headers = std::mem::take(response.headers_mut());
        // An error answer is kept only as an excerpt: its start is all it needs.
        let (limit, excerpt) = if status.is_success() {
            (self.max_answer_size, false)
        } else {
            (MAX_BODY_KEPT, true)
        };
        let body = match read_body(&mut response, limit, excerpt).await {
            Ok(Body::Whole(body)) => body,
            Ok(Body::Cut(start)) if !status.is_success() => start,
            Ok(Body::Cut(_)) => {
                return Err(Error::TooLarge {
                    operation,
                    status: status.as_u16(),
                    limit,
                });
            }
            Err(e) => return Ok(transport(e, Failure::Interrupted)),
        };
        if status.is_success() {
            return Ok(Attempt::Answered(RawResponse {
                status,
                headers,
                body,
            }));
        }
        let retry_after = headers
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| parse_retry_after(v, self.timer.now()));
        Ok(Attempt::Failed {
            failure: Failure::Status {
                status: status.as_u16(),
                has_retry_after: retry_after.is_some(),
            },
            retry_after,
            error: Error::Api(Box::new(ApiError::new(
                operation,
                status,
                headers,
                retry_after,
                &body,
            ))),
        })
    }
}

/// One `Cookie` header of `cookies` (`name=value` each) and cookie credentials,
/// marked sensitive when it holds one; `None` when a part is not header text (the
/// runtime's `cookie` escapes what could not be).
fn cookie_header(cookies: &[&str], credentials: &[&Credential]) -> Option<HeaderValue> {
    let mut parts: Vec<&str> = cookies.to_vec();
    for credential in credentials {
        parts.push(credential.value.to_str().ok()?);
    }
    let mut header = HeaderValue::from_str(&parts.join("; ")).ok()?;
    header.set_sensitive(!credentials.is_empty());
    Some(header)
}

/// The header value of a media type the generated code names, without a copy;
/// `None` when it is not a valid header value.
fn static_value(text: &'static str) -> Option<HeaderValue> {
    // `from_static` accepts exactly these bytes (and panics on others).
    let valid = text
        .bytes()
        .all(|b| b == b'\t' || (0x20..0x7f).contains(&b));
    valid.then(|| HeaderValue::from_static(text))
}

/// New credentials after a 401 for those `used`: each authenticator is told its
/// credential was refused; `None` when none of them has another to offer.
async fn renew(
    authenticators: Chosen<'_>,
    used: Credentials,
) -> Result<Option<Credentials>, AuthError> {
    let mut next = Credentials::None;
    let mut any_new = false;
    for (authenticator, credential) in authenticators.iter().zip(used.into_vec()) {
        match authenticator.refused(&credential).await? {
            Some(fresh) => {
                any_new = true;
                next.push(fresh);
            }
            None => next.push(credential),
        }
    }
    Ok(any_new.then_some(next))
}

/// Whether a wait of `wait` from now ends before `deadline`.
fn ends_before(wait: Duration, deadline: Option<Instant>) -> bool {
    deadline.is_none_or(|deadline| {
        Instant::now()
            .checked_add(wait)
            .is_some_and(|end| end < deadline)
    })
}

/// A body read up to a limit.
pub(crate) enum Body {
    /// All of it.
    Whole(bytes::Bytes),
    /// The body is longer than the limit; its first `limit` bytes.
    Cut(bytes::Bytes),
}

impl Body {
    /// The body, when it was read whole.
    pub(crate) fn whole(self) -> Option<bytes::Bytes> {
        match self {
            Body::Whole(body) => Some(body),
            Body::Cut(_) => None,
        }
    }
}

/// Reads at most `limit` bytes of the body. Unless the start is wanted anyway
/// (`excerpt`), a body whose declared length is over the limit is not read at all.
pub(crate) async fn read_body(
    response: &mut reqwest::Response,
    limit: usize,
    excerpt: bool,
) -> Result<Body, reqwest::Error> {
    let declared = response.content_length();
    if !excerpt && declared.is_some_and(|length| length > limit as u64) {
        return Ok(Body::Cut(bytes::Bytes::new()));
    }
    // A declared length is a hint, not a promise: at most 64 KiB is set aside before
    // the bytes arrive.
    let capacity = declared.map_or(0, |length| usize::try_from(length).unwrap_or(limit));
    let mut body = bytes::BytesMut::with_capacity(capacity.min(limit).min(MAX_BODY_KEPT));
    while let Some(chunk) = response.chunk().await? {
        let room = limit - body.len();
        if chunk.len() > room {
            body.extend_from_slice(&chunk[..room]);
            return Ok(Body::Cut(body.freeze()));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(Body::Whole(body.freeze()))
}
