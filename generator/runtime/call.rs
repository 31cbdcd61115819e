//! One call from start to end: the token, the attempts, the retries, the hooks.

use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};

use crate::auth::{AccessToken, TokenSource};
use crate::error::{ApiError, Error};
use crate::hooks::{AttemptInfo, CallInfo, Hooks};
use crate::retry::{Failure, RetryPolicy, Timer, is_retryable, parse_retry_after};
use crate::support;

/// How a client authenticates: the header, the text before the token, the source.
#[derive(Debug, Clone)]
pub(crate) struct Credential {
    pub(crate) header: HeaderName,
    pub(crate) prefix: Option<&'static str>,
    pub(crate) source: Arc<dyn TokenSource>,
}

/// What every call of a client shares.
#[derive(Debug)]
pub(crate) struct Core {
    pub(crate) http: reqwest::Client,
    pub(crate) base_url: String,
    pub(crate) credential: Option<Credential>,
    pub(crate) retry: RetryPolicy,
    /// How long one attempt may take, unless the call says otherwise.
    pub(crate) timeout: Duration,
    pub(crate) timer: Arc<dyn Timer>,
    pub(crate) hooks: Vec<Arc<dyn Hooks>>,
}

/// One request as an operation describes it, before any attempt.
#[derive(Debug)]
pub(crate) struct Call {
    pub(crate) info: CallInfo,
    pub(crate) url: String,
    pub(crate) query: Vec<(&'static str, String)>,
    pub(crate) headers: Vec<(&'static str, String)>,
    /// The JSON body, serialized once so every attempt sends the same bytes.
    pub(crate) body: Option<Vec<u8>>,
}

/// A successful answer: status, headers and the body's bytes.
#[derive(Debug)]
pub(crate) struct Answer {
    pub(crate) status: reqwest::StatusCode,
    pub(crate) headers: HeaderMap,
    pub(crate) body: bytes::Bytes,
}

/// How one attempt ended.
enum Attempt {
    Answered(Answer),
    Failed {
        failure: Failure,
        retry_after: Option<Duration>,
        error: Error,
    },
}

impl Core {
    /// Runs `call` with retries; a 401 refreshes the token once and tries again once.
    ///
    /// With the `tracing` feature the call is a span (operation, method, path
    /// template) and each attempt an event in it (attempt, status, latency).
    pub(crate) async fn execute(
        &self,
        call: &Call,
        timeout: Option<Duration>,
    ) -> Result<Answer, Error> {
        #[cfg(feature = "tracing")]
        {
            use tracing::Instrument;
            let span = tracing::info_span!(
                "api_call",
                operation = call.info.operation,
                method = %call.info.method,
                path = call.info.path_template,
            );
            self.attempts(call, timeout).instrument(span).await
        }
        #[cfg(not(feature = "tracing"))]
        self.attempts(call, timeout).await
    }

    async fn attempts(&self, call: &Call, timeout: Option<Duration>) -> Result<Answer, Error> {
        let mut attempt = 0u32;
        let mut waited = Duration::ZERO;
        let mut refreshed = false;
        // The token fetched after a 401, for the attempt that follows.
        let mut fresh: Option<AccessToken> = None;
        loop {
            attempt += 1;
            let token = match (&self.credential, fresh.take()) {
                (Some(_), Some(token)) => Some(token),
                (Some(credential), None) => Some(credential.source.token().await?),
                (None, _) => None,
            };
            let outcome = self.attempt(call, token.as_ref(), timeout, attempt).await?;
            let (failure, retry_after, error) = match outcome {
                Attempt::Answered(answer) => return Ok(answer),
                Attempt::Failed {
                    failure,
                    retry_after,
                    error,
                } => (failure, retry_after, error),
            };
            if let (Failure::Status { status: 401, .. }, false, Some(credential), Some(token)) =
                (failure, refreshed, &self.credential, &token)
            {
                // The token was refused: ask the source for a new one and try once more,
                // an attempt the retry policy does not count. A source that gives the
                // same token again (a fixed token) cannot help: the 401 stands.
                refreshed = true;
                credential.source.invalidate(token).await;
                let next = credential.source.token().await?;
                if &next == token {
                    return Err(error);
                }
                fresh = Some(next);
                continue;
            }
            let counted = attempt - u32::from(refreshed);
            let wait = self.retry.backoff(counted, retry_after, fastrand::f64());
            let may_retry = counted < self.retry.max_attempts
                && is_retryable(&call.info.method, failure)
                && waited + wait <= self.retry.max_total_delay;
            if !may_retry {
                return Err(error);
            }
            waited += wait;
            self.timer.sleep(wait).await;
        }
    }

    async fn attempt(
        &self,
        call: &Call,
        token: Option<&AccessToken>,
        timeout: Option<Duration>,
        attempt: u32,
    ) -> Result<Attempt, Error> {
        let mut request = self.request(call, token, timeout)?;
        let info = AttemptInfo {
            call: &call.info,
            attempt,
        };
        for hook in &self.hooks {
            hook.before_request(&info, &mut request);
        }
        let started = Instant::now();
        let result = self.send(call, request).await;
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
        token: Option<&AccessToken>,
        timeout: Option<Duration>,
    ) -> Result<reqwest::Request, Error> {
        let mut builder = self
            .http
            .request(call.info.method.clone(), &call.url)
            .header(reqwest::header::ACCEPT, "application/json");
        if !call.query.is_empty() {
            builder = builder.query(&call.query);
        }
        for (name, value) in &call.headers {
            builder = builder.header(*name, value);
        }
        if let (Some(credential), Some(token)) = (&self.credential, token) {
            let value: HeaderValue = support::credential(credential.prefix, token.secret())?;
            builder = builder.header(credential.header.clone(), value);
        }
        if let Some(body) = &call.body {
            builder = builder
                .header(reqwest::header::CONTENT_TYPE, "application/json")
                .body(body.clone());
        }
        builder = builder.timeout(timeout.unwrap_or(self.timeout));
        builder.build().map_err(|source| Error::Transport {
            operation: call.info.operation,
            source: source.without_url(),
        })
    }

    async fn send(&self, call: &Call, request: reqwest::Request) -> Attempt {
        let operation = call.info.operation;
        let transport = |source: reqwest::Error, failure| Attempt::Failed {
            failure,
            retry_after: None,
            error: Error::Transport { operation, source },
        };
        let response = match self.http.execute(request).await {
            Ok(response) => response,
            Err(e) if e.is_connect() => return transport(e, Failure::NotConnected),
            Err(e) => return transport(e, Failure::Interrupted),
        };
        let mut response = response;
        let status = response.status();
        // Taken, not cloned: the body is read next and the response dropped.
        let headers = std::mem::take(response.headers_mut());
        let body = match response.bytes().await {
            Ok(body) => body,
            Err(e) => return transport(e, Failure::Interrupted),
        };
        if status.is_success() {
            return Attempt::Answered(Answer {
                status,
                headers,
                body,
            });
        }
        let retry_after = headers
            .get(reqwest::header::RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| parse_retry_after(v, self.timer.now()));
        Attempt::Failed {
            failure: Failure::Status {
                status: status.as_u16(),
                has_retry_after: retry_after.is_some(),
            },
            retry_after,
            error: Error::Api(Box::new(ApiError::new(operation, status, &headers, &body))),
        }
    }
}
