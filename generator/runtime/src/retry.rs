//! Retries: which failures are retried, and how long to wait before the next try.
//!
//! # The rule
//!
//! GET, PUT, DELETE and HEAD are idempotent: they are retried on connection errors
//! and timeouts, and on HTTP 408, 429, 500, 502, 503 and 504.
//!
//! Other methods (POST, PATCH) are not idempotent, so they are retried only when the
//! server cannot have acted on the request: the connection was never made, or the
//! server answered 429 (rate limited), or 503 with a `Retry-After` header.
//!
//! A `Retry-After` header (seconds, or an HTTP date) sets the wait; otherwise the
//! wait grows exponentially from [`RetryPolicy::initial_backoff`] with jitter, capped
//! by [`RetryPolicy::max_backoff`]. A `Retry-After` longer than
//! [`RetryPolicy::max_retry_after`] is never shortened: the server asked for that
//! wait, so the call ends at once with the error, whose `retry_after()` says how long
//! the server asked for. No retry is made once the waits would add up to more than
//! [`RetryPolicy::max_total_delay`], nor past the call's own time limit. All
//! arithmetic saturates: `Duration::MAX` means "no limit".

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::time::{Duration, SystemTime};

/// How often, and after how long, a failed call is tried again.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct RetryPolicy {
    /// Attempts in all, the first included; 1 means no retry.
    pub max_attempts: u32,
    /// The wait before the first retry, doubled for each further one.
    pub initial_backoff: Duration,
    /// The longest wait between two attempts, when the server does not say.
    pub max_backoff: Duration,
    /// The most all waits of one call may add up to.
    pub max_total_delay: Duration,
    /// The longest `Retry-After` that is waited for; a longer one ends the call.
    pub max_retry_after: Duration,
}

impl Default for RetryPolicy {
    /// Three attempts, waits from 250 ms to 5 s, at most 30 s of waiting in all, and
    /// a `Retry-After` followed when it asks for 30 s or less.
    fn default() -> Self {
        Self {
            max_attempts: 3,
            initial_backoff: Duration::from_millis(250),
            max_backoff: Duration::from_secs(5),
            max_total_delay: Duration::from_secs(30),
            max_retry_after: Duration::from_secs(30),
        }
    }
}

impl RetryPolicy {
    /// No retries at all.
    pub fn never() -> Self {
        Self {
            max_attempts: 1,
            ..Self::default()
        }
    }

    /// The policy with `max_attempts` attempts in all.
    #[must_use]
    pub fn with_max_attempts(mut self, max_attempts: u32) -> Self {
        self.max_attempts = max_attempts.max(1);
        self
    }

    /// The policy with another first wait.
    #[must_use]
    pub fn with_initial_backoff(mut self, wait: Duration) -> Self {
        self.initial_backoff = wait;
        self
    }

    /// The policy with another longest wait between attempts.
    #[must_use]
    pub fn with_max_backoff(mut self, wait: Duration) -> Self {
        self.max_backoff = wait;
        self
    }

    /// The policy with another limit on all waits of a call together.
    #[must_use]
    pub fn with_max_total_delay(mut self, wait: Duration) -> Self {
        self.max_total_delay = wait;
        self
    }

    /// The policy with another cap on `Retry-After`.
    #[must_use]
    pub fn with_max_retry_after(mut self, wait: Duration) -> Self {
        self.max_retry_after = wait;
        self
    }

    /// The wait before attempt `attempt + 1`, after `attempt` attempts failed and
    /// `waited` was spent waiting already; `None` when no retry may be made.
    ///
    /// `jitter` in `[0, 1)` picks a point in the upper half of the exponential
    /// wait, so that many clients do not retry in step.
    pub(crate) fn next_wait(
        &self,
        attempt: u32,
        retry_after: Option<Duration>,
        waited: Duration,
        jitter: f64,
    ) -> Option<Duration> {
        if attempt >= self.max_attempts {
            return None;
        }
        let wait = match retry_after {
            Some(wait) if wait > self.max_retry_after => return None,
            Some(wait) => wait,
            None => self.backoff(attempt, jitter),
        };
        (waited.saturating_add(wait) <= self.max_total_delay).then_some(wait)
    }

    /// The exponential wait after `attempt` failed attempts.
    fn backoff(&self, attempt: u32, jitter: f64) -> Duration {
        let doubling = 2u32.saturating_pow(attempt.saturating_sub(1));
        let full = self
            .initial_backoff
            .saturating_mul(doubling)
            .min(self.max_backoff);
        // Half of `full` plus at most half again: never more than `full`, so the
        // multiplication cannot overflow.
        full / 2 + full.mul_f64(jitter.clamp(0.0, 1.0) / 2.0)
    }
}

/// What went wrong with one attempt, as far as retrying cares.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Failure {
    /// No connection was made: the request never reached the server.
    NotConnected,
    /// The connection broke or timed out after the request may have been sent.
    Interrupted,
    /// The server answered with this status.
    Status { status: u16, has_retry_after: bool },
}

/// Whether a failed attempt of a `method` call may be tried again (see the module
/// docs for the rule).
pub(crate) fn is_retryable(method: &reqwest::Method, failure: Failure) -> bool {
    let idempotent = matches!(
        *method,
        reqwest::Method::GET
            | reqwest::Method::PUT
            | reqwest::Method::DELETE
            | reqwest::Method::HEAD
    );
    match failure {
        Failure::NotConnected => true,
        Failure::Interrupted => idempotent,
        Failure::Status {
            status,
            has_retry_after,
        } => {
            if idempotent {
                matches!(status, 408 | 429 | 500 | 502 | 503 | 504)
            } else {
                status == 429 || (status == 503 && has_retry_after)
            }
        }
    }
}

/// Reads a `Retry-After` value: a number of seconds, or an HTTP date (a date in
/// the past means now).
pub(crate) fn parse_retry_after(value: &str, now: SystemTime) -> Option<Duration> {
    let value = value.trim();
    if let Ok(seconds) = value.parse::<u64>() {
        return Some(Duration::from_secs(seconds));
    }
    let date = httpdate::parse_http_date(value).ok()?;
    Some(date.duration_since(now).unwrap_or(Duration::ZERO))
}

/// The clock and the sleeping the client uses; replace them to test retry timing
/// without waiting.
pub trait Timer: Send + Sync + fmt::Debug {
    /// The current time, for `Retry-After` dates and token expiry.
    fn now(&self) -> SystemTime;

    /// Waits for `duration`.
    fn sleep(&self, duration: Duration) -> Pin<Box<dyn Future<Output = ()> + Send + '_>>;
}

/// The real clock, and tokio's sleep.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokioTimer;

impl Timer for TokioTimer {
    fn now(&self) -> SystemTime {
        SystemTime::now()
    }

    fn sleep(&self, duration: Duration) -> Pin<Box<dyn Future<Output = ()> + Send + '_>> {
        Box::pin(tokio::time::sleep(duration))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_with_jitter_in_the_upper_half_and_is_capped() {
        let policy = RetryPolicy::default()
            .with_max_attempts(100)
            .with_initial_backoff(Duration::from_millis(100))
            .with_max_backoff(Duration::from_millis(350));
        let wait = |attempt, jitter| policy.next_wait(attempt, None, Duration::ZERO, jitter);
        assert_eq!(wait(1, 0.0), Some(Duration::from_millis(50)));
        assert_eq!(wait(1, 0.5), Some(Duration::from_millis(75)));
        assert_eq!(wait(2, 0.0), Some(Duration::from_millis(100)));
        assert_eq!(wait(3, 1.0), Some(Duration::from_millis(350)));
        assert_eq!(wait(40, 1.0), Some(Duration::from_millis(350)));
    }

    #[test]
    fn attempts_and_total_delay_end_the_retries() {
        let policy = RetryPolicy::default()
            .with_max_attempts(3)
            .with_initial_backoff(Duration::from_secs(1))
            .with_max_total_delay(Duration::from_secs(2));
        assert!(policy.next_wait(1, None, Duration::ZERO, 1.0).is_some());
        assert_eq!(policy.next_wait(3, None, Duration::ZERO, 0.0), None);
        assert_eq!(policy.next_wait(2, None, Duration::from_secs(1), 1.0), None);
    }

    #[test]
    fn retry_after_is_followed_up_to_the_cap_and_never_shortened() {
        let policy = RetryPolicy::default().with_max_retry_after(Duration::from_secs(10));
        let after =
            |secs| policy.next_wait(1, Some(Duration::from_secs(secs)), Duration::ZERO, 0.5);
        assert_eq!(after(3), Some(Duration::from_secs(3)));
        assert_eq!(after(10), Some(Duration::from_secs(10)));
        assert_eq!(after(11), None);
    }

    #[test]
    fn the_default_follows_every_retry_after_it_accepts() {
        let policy = RetryPolicy::default();
        let longest = policy.max_retry_after;
        assert_eq!(
            policy.next_wait(1, Some(longest), Duration::ZERO, 0.0),
            Some(longest)
        );
    }

    #[test]
    fn unlimited_policies_saturate_instead_of_overflowing() {
        let policy = RetryPolicy::default()
            .with_max_attempts(u32::MAX)
            .with_initial_backoff(Duration::MAX)
            .with_max_backoff(Duration::MAX)
            .with_max_total_delay(Duration::MAX)
            .with_max_retry_after(Duration::MAX);
        assert!(policy.next_wait(1, None, Duration::MAX, 1.0).is_some());
        assert!(
            policy
                .next_wait(7, Some(Duration::MAX), Duration::MAX, 0.0)
                .is_some()
        );
        assert!(
            policy
                .next_wait(u32::MAX - 1, None, Duration::ZERO, 0.9)
                .is_some()
        );
    }

    #[test]
    fn retry_after_reads_seconds_and_dates() {
        let now = httpdate::parse_http_date("Wed, 21 Oct 2026 07:28:00 GMT")
            .unwrap_or(SystemTime::UNIX_EPOCH);
        assert_eq!(
            parse_retry_after(" 120 ", now),
            Some(Duration::from_secs(120))
        );
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2026 07:28:30 GMT", now),
            Some(Duration::from_secs(30))
        );
        assert_eq!(
            parse_retry_after("Wed, 21 Oct 2026 07:00:00 GMT", now),
            Some(Duration::ZERO)
        );
        assert_eq!(parse_retry_after("soon", now), None);
    }

    #[test]
    fn post_is_retried_only_when_the_server_cannot_have_acted() {
        let post = reqwest::Method::POST;
        let status = |status, has_retry_after| Failure::Status {
            status,
            has_retry_after,
        };
        assert!(is_retryable(&post, Failure::NotConnected));
        assert!(!is_retryable(&post, Failure::Interrupted));
        assert!(is_retryable(&post, status(429, false)));
        assert!(is_retryable(&post, status(503, true)));
        assert!(!is_retryable(&post, status(503, false)));
        assert!(!is_retryable(&post, status(500, true)));
        let get = reqwest::Method::GET;
        assert!(is_retryable(&get, Failure::Interrupted));
        for code in [408, 429, 500, 502, 503, 504] {
            assert!(is_retryable(&get, status(code, false)), "{code}");
        }
        for code in [400, 401, 404, 409, 501] {
            assert!(!is_retryable(&get, status(code, false)), "{code}");
        }
    }
}
