//! Where access tokens come from: a fixed token, a source the caller writes, or the
//! built-in refresh-token source.

use std::fmt;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use crate::error::{AuthError, Error};
use crate::retry::Timer;
use crate::support::Secret;

/// How long before its expiry a cached token is refreshed.
const REFRESH_MARGIN: Duration = Duration::from_secs(60);

/// An access token and, when known, the moment it stops being valid.
///
/// Its `Debug` never shows the token.
#[derive(Clone, PartialEq, Eq)]
pub struct AccessToken {
    value: Secret,
    expires_at: Option<SystemTime>,
}

impl AccessToken {
    /// A token with no known expiry.
    pub fn new(value: impl Into<String>) -> Self {
        Self {
            value: Secret::new(value.into()),
            expires_at: None,
        }
    }

    /// A token valid until `expires_at`.
    pub fn expiring_at(value: impl Into<String>, expires_at: SystemTime) -> Self {
        Self {
            value: Secret::new(value.into()),
            expires_at: Some(expires_at),
        }
    }

    /// The token itself. Handle with care: it is a credential.
    pub fn secret(&self) -> &str {
        self.value.expose()
    }

    /// When the token stops being valid, if known.
    pub fn expires_at(&self) -> Option<SystemTime> {
        self.expires_at
    }

    fn is_fresh(&self, now: SystemTime) -> bool {
        self.expires_at.is_none_or(|at| now + REFRESH_MARGIN < at)
    }
}

impl fmt::Debug for AccessToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AccessToken")
            .field("value", &"<redacted>")
            .field("expires_at", &self.expires_at)
            .finish()
    }
}

/// A source of access tokens, asked before every attempt of every call.
///
/// Implement it to bring tokens from elsewhere (a vault, another process):
///
/// ```
/// use pagesense_goals::auth::{AccessToken, TokenSource};
/// use pagesense_goals::Error;
///
/// #[derive(Debug)]
/// struct FromEnvironment;
///
/// #[pagesense_goals::async_trait]
/// impl TokenSource for FromEnvironment {
///     async fn token(&self) -> Result<AccessToken, Error> {
///         std::env::var("ACCESS_TOKEN")
///             .map(AccessToken::new)
///             .map_err(|_| Error::Config("ACCESS_TOKEN is not set".into()))
///     }
/// }
/// ```
#[async_trait::async_trait]
pub trait TokenSource: Send + Sync + fmt::Debug {
    /// A token to send now.
    async fn token(&self) -> Result<AccessToken, Error>;

    /// The server refused `rejected` (HTTP 401): forget it, so that the next
    /// [`TokenSource::token`] brings a new one. Does nothing by default.
    async fn invalidate(&self, rejected: &AccessToken) {
        let _ = rejected;
    }
}

/// A fixed token.
#[derive(Debug, Clone)]
pub struct StaticToken(AccessToken);

impl StaticToken {
    /// A source that always gives `token`.
    pub fn new(token: impl Into<String>) -> Self {
        Self(AccessToken::new(token))
    }
}

#[async_trait::async_trait]
impl TokenSource for StaticToken {
    async fn token(&self) -> Result<AccessToken, Error> {
        Ok(self.0.clone())
    }
}

/// The OAuth 2.0 refresh-token grant: trades a long-lived refresh token for access
/// tokens, caches each until shortly before it expires, and refreshes once however
/// many calls wait for it.
///
/// An answer with an `error` field is an error even when its status is 200.
pub struct RefreshTokenSource {
    http: reqwest::Client,
    token_url: String,
    client_id: String,
    client_secret: Secret,
    refresh_token: Secret,
    timer: Arc<dyn Timer>,
    timeout: Duration,
    cached: tokio::sync::Mutex<Option<AccessToken>>,
}

impl fmt::Debug for RefreshTokenSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RefreshTokenSource")
            .field("token_url", &self.token_url)
            .field("client_id", &self.client_id)
            .field("client_secret", &"<redacted>")
            .field("refresh_token", &"<redacted>")
            .finish_non_exhaustive()
    }
}

/// The token endpoint's answer; fields absent on failure.
#[derive(serde::Deserialize)]
struct TokenAnswer {
    access_token: Option<String>,
    expires_in: Option<u64>,
    error: Option<String>,
    error_description: Option<String>,
}

impl RefreshTokenSource {
    /// A source that posts to `token_url` (such as
    /// `https://accounts.zoho.com/oauth/v2/token`).
    pub fn new(
        token_url: impl Into<String>,
        client_id: impl Into<String>,
        client_secret: impl Into<String>,
        refresh_token: impl Into<String>,
    ) -> Self {
        Self {
            http: reqwest::Client::new(),
            token_url: token_url.into(),
            client_id: client_id.into(),
            client_secret: Secret::new(client_secret.into()),
            refresh_token: Secret::new(refresh_token.into()),
            timer: Arc::new(crate::retry::TokioTimer),
            timeout: crate::builder::DEFAULT_TIMEOUT,
            cached: tokio::sync::Mutex::new(None),
        }
    }

    /// Uses `http` to reach the token endpoint.
    #[must_use]
    pub fn with_http_client(mut self, http: reqwest::Client) -> Self {
        self.http = http;
        self
    }

    /// Uses `timer` as the clock for expiry.
    #[must_use]
    pub fn with_timer(mut self, timer: Arc<dyn Timer>) -> Self {
        self.timer = timer;
        self
    }

    /// How long a refresh may take in all (default 30 s); calls waiting for the
    /// token wait no longer.
    #[must_use]
    pub fn with_timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The token endpoint.
    pub fn token_url(&self) -> &str {
        &self.token_url
    }

    async fn refresh(&self) -> Result<AccessToken, Error> {
        let form = [
            ("grant_type", "refresh_token"),
            ("client_id", self.client_id.as_str()),
            ("client_secret", self.client_secret.expose()),
            ("refresh_token", self.refresh_token.expose()),
        ];
        let failed = |status: Option<u16>, error: Option<String>, description: Option<String>| {
            Error::Auth(AuthError::new(status, error, description))
        };
        let response = self
            .http
            .post(&self.token_url)
            .timeout(self.timeout)
            .form(&form)
            .send()
            .await
            .map_err(|e| {
                failed(
                    None,
                    None,
                    Some(format!("token request failed: {}", e.without_url())),
                )
            })?;
        let status = response.status();
        let body = response.bytes().await.map_err(|e| {
            failed(
                Some(status.as_u16()),
                None,
                Some(format!("token answer unreadable: {}", e.without_url())),
            )
        })?;
        let answer: TokenAnswer = serde_json::from_slice(&body).map_err(|_| {
            failed(
                Some(status.as_u16()),
                None,
                Some("the token answer is not the expected JSON".into()),
            )
        })?;
        if answer.error.is_some() || !status.is_success() {
            return Err(failed(
                Some(status.as_u16()),
                answer.error,
                answer.error_description,
            ));
        }
        let Some(value) = answer.access_token else {
            return Err(failed(
                Some(status.as_u16()),
                None,
                Some("the token answer has no access_token".into()),
            ));
        };
        Ok(match answer.expires_in {
            Some(seconds) => {
                AccessToken::expiring_at(value, self.timer.now() + Duration::from_secs(seconds))
            }
            None => AccessToken::new(value),
        })
    }
}

#[async_trait::async_trait]
impl TokenSource for RefreshTokenSource {
    async fn token(&self) -> Result<AccessToken, Error> {
        // Holding the lock while refreshing makes concurrent callers wait for the
        // one refresh instead of starting their own.
        let mut cached = self.cached.lock().await;
        if let Some(token) = cached.as_ref().filter(|t| t.is_fresh(self.timer.now())) {
            return Ok(token.clone());
        }
        let token = self.refresh().await?;
        *cached = Some(token.clone());
        Ok(token)
    }

    async fn invalidate(&self, rejected: &AccessToken) {
        let mut cached = self.cached.lock().await;
        if cached.as_ref() == Some(rejected) {
            *cached = None;
        }
    }
}
