//! Where access tokens come from (a fixed token, a source of the caller's, or the
//! built-in refresh-token grant), and how a token becomes a credential header.
//!
//! # Token refresh
//!
//! [`RefreshTokenSource`] caches each token until shortly before it expires: a
//! tenth of its lifetime before, at most 60 s. However many calls need a token at
//! once, one request goes to the token endpoint, and every call waiting for it
//! shares its outcome, success or failure; the next call after a failure tries
//! again. When a refresh made early fails, the token still valid is used. A token
//! that cannot be sent (empty, or with characters a header cannot carry) is refused
//! at once and nothing is cached. Token requests never follow redirects, and their
//! errors never repeat the client secret or the refresh token.

use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, SystemTime};

use reqwest::header::HeaderValue;
use tokio::sync::watch;

use super::credential::{Authenticator, Credential, Placement};
use super::dispatch::read_body;
use super::endpoint::check_url;
use super::error::{AuthError, ConfigError, causes};
use super::options::{DEFAULT_TIMEOUT, Environment};
use super::retry::{Timer, TokioTimer};
use super::secret::{Secret, redact_url, scrub};

/// The longest time before expiry that a cached token is refreshed.
const MAX_REFRESH_MARGIN: Duration = Duration::from_secs(60);
/// The most of a token endpoint's answer that is read.
const MAX_TOKEN_ANSWER: usize = 64 * 1024;

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
            value: Secret::new(value),
            expires_at: None,
        }
    }

    /// A token valid until `expires_at`.
    pub fn expiring_at(value: impl Into<String>, expires_at: SystemTime) -> Self {
        Self {
            value: Secret::new(value),
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

    fn is_valid_at(&self, now: SystemTime) -> bool {
        self.expires_at.is_none_or(|at| now < at)
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
/// Implement it to bring tokens from elsewhere (a vault, another process); the
/// crate's README has an example.
#[async_trait::async_trait]
pub trait TokenSource: Send + Sync + fmt::Debug {
    /// A token to send now.
    async fn token(&self) -> Result<AccessToken, AuthError>;

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
    async fn token(&self) -> Result<AccessToken, AuthError> {
        Ok(self.0.clone())
    }
}

/// The OAuth 2.0 refresh-token grant: trades a long-lived refresh token for access
/// tokens; see the module docs for caching and refresh.
///
/// An answer with an `error` field is an error even when its status is 200.
#[derive(Clone)]
pub struct RefreshTokenSource {
    inner: Arc<Refresher>,
}

struct Refresher {
    http: reqwest::Client,
    token_url: reqwest::Url,
    client_id: String,
    client_secret: Secret,
    refresh_token: Secret,
    timer: Arc<dyn Timer>,
    timeout: Duration,
    state: Mutex<RefreshState>,
}

/// The cache and the refresh under way, if any.
#[derive(Default)]
struct RefreshState {
    cached: Option<Cached>,
    pending: Option<watch::Receiver<Option<Outcome>>>,
}

#[derive(Clone)]
struct Cached {
    token: AccessToken,
    refresh_after: SystemTime,
}

type Outcome = Result<Cached, AuthError>;

impl fmt::Debug for RefreshTokenSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RefreshTokenSource")
            .field("token_url", &redact_url(self.inner.token_url.as_str()))
            .field("client_id", &self.inner.client_id)
            .field("client_secret", &"<redacted>")
            .field("refresh_token", &"<redacted>")
            .finish_non_exhaustive()
    }
}

/// The token endpoint's answer; fields absent on failure.
#[derive(serde::Deserialize)]
struct TokenAnswer {
    access_token: Option<String>,
    expires_in: Option<serde_json::Value>,
    error: Option<String>,
    error_description: Option<String>,
}

impl RefreshTokenSource {
    /// A source that posts to `token_url`, an `https` URL (or `http` to a loopback
    /// host).
    ///
    /// # Errors
    /// When `token_url` is not such a URL; the message shows it redacted.
    pub fn new(
        token_url: &str,
        client_id: impl Into<String>,
        client_secret: impl Into<String>,
        refresh_token: impl Into<String>,
    ) -> Result<Self, ConfigError> {
        let token_url = check_url("token URL", token_url)?;
        let environment = Environment::new(Arc::new(TokioTimer), DEFAULT_TIMEOUT);
        let http = environment.http_client_for(&token_url)?;
        Ok(Self::with_parts(
            http,
            token_url,
            client_id.into(),
            Secret::new(client_secret),
            Secret::new(refresh_token),
            &environment,
        ))
    }

    fn with_parts(
        http: reqwest::Client,
        token_url: reqwest::Url,
        client_id: String,
        client_secret: Secret,
        refresh_token: Secret,
        environment: &Environment,
    ) -> Self {
        Self {
            inner: Arc::new(Refresher {
                http,
                token_url,
                client_id,
                client_secret,
                refresh_token,
                timer: Arc::clone(&environment.timer),
                timeout: environment.timeout,
                state: Mutex::new(RefreshState::default()),
            }),
        }
    }

    /// The token endpoint.
    pub fn token_url(&self) -> &str {
        self.inner.token_url.as_str()
    }
}

#[async_trait::async_trait]
impl TokenSource for RefreshTokenSource {
    async fn token(&self) -> Result<AccessToken, AuthError> {
        let mut pending = {
            let mut state = self.inner.lock();
            let now = self.inner.timer.now();
            let cached = state.cached.clone();
            if let Some(cached) = cached.as_ref().filter(|c| now < c.refresh_after) {
                return Ok(cached.token.clone());
            }
            let pending = self.inner.pending_or_start(&mut state)?;
            // Refreshed early, the cached token is still good: callers keep using it
            // while the refresh runs, and no one waits for it.
            if let Some(valid) = cached.filter(|c| c.token.is_valid_at(now)) {
                return Ok(valid.token);
            }
            pending
        };
        let outcome = match pending.wait_for(Option::is_some).await {
            Ok(outcome) => outcome.clone(),
            Err(_) => None,
        };
        match outcome {
            Some(Ok(cached)) => Ok(cached.token),
            Some(Err(error)) => self.inner.still_valid().ok_or(error),
            None => self
                .inner
                .still_valid()
                .ok_or_else(|| AuthError::new("the token refresh ended without an answer")),
        }
    }

    async fn invalidate(&self, rejected: &AccessToken) {
        let mut state = self.inner.lock();
        if state
            .cached
            .as_ref()
            .is_some_and(|c| c.token.secret() == rejected.secret())
        {
            state.cached = None;
        }
    }
}

impl Refresher {
    fn lock(&self) -> std::sync::MutexGuard<'_, RefreshState> {
        // The state is a cache: a panic elsewhere leaves nothing half-written in it.
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// The cached token, if it has not expired yet.
    fn still_valid(&self) -> Option<AccessToken> {
        let now = self.timer.now();
        let state = self.lock();
        state
            .cached
            .as_ref()
            .map(|c| c.token.clone())
            .filter(|token| token.is_valid_at(now))
    }

    /// The refresh under way, or a new one. A refresh whose task ended without an
    /// answer (its runtime shut down) is no longer under way.
    fn pending_or_start(
        self: &Arc<Self>,
        state: &mut RefreshState,
    ) -> Result<watch::Receiver<Option<Outcome>>, AuthError> {
        if let Some(pending) = state.pending.as_ref().filter(|p| p.has_changed().is_ok()) {
            return Ok(pending.clone());
        }
        let runtime = tokio::runtime::Handle::try_current().map_err(|_| {
            AuthError::new("a token refresh needs a Tokio runtime, and none is running")
        })?;
        let (sender, receiver) = watch::channel(None);
        state.pending = Some(receiver.clone());
        // A task of its own, so that a caller giving up (its time limit, a dropped
        // future) does not abandon the others waiting.
        runtime.spawn(Arc::clone(self).refresh_and_publish(sender));
        Ok(receiver)
    }

    async fn refresh_and_publish(self: Arc<Self>, sender: watch::Sender<Option<Outcome>>) {
        // However this task ends, a refresh it no longer runs is not left pending.
        let _clear = ClearPending {
            refresher: &self,
            channel: sender.subscribe(),
        };
        let outcome = match tokio::time::timeout(self.timeout, self.refresh()).await {
            Ok(outcome) => outcome,
            Err(_) => Err(AuthError::new(format!(
                "the token endpoint did not answer within {:?}",
                self.timeout
            ))),
        };
        if let Ok(cached) = &outcome {
            self.lock().cached = Some(cached.clone());
        }
        // No receiver left means no caller waits any more; the cache is set anyway.
        let _ = sender.send(Some(outcome));
    }

    async fn refresh(&self) -> Outcome {
        let form = [
            ("grant_type", "refresh_token"),
            ("client_id", self.client_id.as_str()),
            ("client_secret", self.client_secret.expose()),
            ("refresh_token", self.refresh_token.expose()),
        ];
        let mut response = self
            .http
            .post(self.token_url.clone())
            .form(&form)
            .send()
            .await
            .map_err(|e| {
                self.failed(
                    None,
                    None,
                    format!("token request failed: {}", causes(&e.without_url())),
                )
            })?;
        let status = response.status();
        let code = Some(status.as_u16());
        let body = match read_body(&mut response, MAX_TOKEN_ANSWER, false).await {
            Ok(body) => body.whole().ok_or_else(|| {
                self.failed(
                    code,
                    None,
                    "the token answer is larger than 64 KiB".to_owned(),
                )
            })?,
            Err(e) => {
                return Err(self.failed(
                    code,
                    None,
                    format!("token answer unreadable: {}", causes(&e.without_url())),
                ));
            }
        };
        if status.is_redirection() {
            return Err(self.failed(
                code,
                None,
                "the token endpoint answered with a redirect, which token requests never follow"
                    .to_owned(),
            ));
        }
        let answer: TokenAnswer = serde_json::from_slice(&body).map_err(|_| {
            self.failed(
                code,
                None,
                "the token answer is not the expected JSON".to_owned(),
            )
        })?;
        if answer.error.is_some() || !status.is_success() {
            let description = answer.error_description.unwrap_or_default();
            return Err(self.failed(code, answer.error, description));
        }
        let Some(value) = answer.access_token else {
            return Err(self.failed(
                code,
                None,
                "the token answer has no access_token".to_owned(),
            ));
        };
        if value.trim().is_empty() || HeaderValue::from_str(&value).is_err() {
            return Err(self.failed(
                code,
                None,
                "the token endpoint gave an access token that is empty or holds characters \
                 an HTTP header cannot carry; it is not shown"
                    .to_owned(),
            ));
        }
        let lifetime = answer.expires_in.as_ref().and_then(seconds);
        Ok(cache_entry(value, lifetime, self.timer.now()))
    }
}

/// The token got at `now` with its expiry and the moment it is refreshed: a tenth
/// of its lifetime before it expires, at most [`MAX_REFRESH_MARGIN`] before. A
/// lifetime too long for the clock means no known expiry.
fn cache_entry(value: String, lifetime: Option<Duration>, now: SystemTime) -> Cached {
    let expiry = lifetime.and_then(|lifetime| {
        let margin = (lifetime / 10).min(MAX_REFRESH_MARGIN);
        Some((
            now.checked_add(lifetime)?,
            now.checked_add(lifetime - margin)?,
        ))
    });
    match expiry {
        Some((expires_at, refresh_after)) => Cached {
            token: AccessToken::expiring_at(value, expires_at),
            refresh_after,
        },
        None => Cached {
            token: AccessToken::new(value),
            refresh_after: far_future(now),
        },
    }
}

impl Refresher {
    /// An error that never repeats a secret the endpoint may have echoed.
    fn failed(&self, status: Option<u16>, error: Option<String>, description: String) -> AuthError {
        let secrets = [self.client_secret.expose(), self.refresh_token.expose()];
        let description = (!description.is_empty()).then(|| scrub(&description, &secrets));
        AuthError::from_endpoint(status, error.map(|e| scrub(&e, &secrets)), description)
    }
}

/// Clears the refresh under way when the task that runs it ends, answered or not
/// (dropped with its runtime, or panicked), unless another has taken its place.
struct ClearPending<'a> {
    refresher: &'a Refresher,
    channel: watch::Receiver<Option<Outcome>>,
}

impl Drop for ClearPending<'_> {
    fn drop(&mut self) {
        let mut state = self.refresher.lock();
        if state
            .pending
            .as_ref()
            .is_some_and(|pending| pending.same_channel(&self.channel))
        {
            state.pending = None;
        }
    }
}

/// `expires_in` as a duration: a whole or fractional number of seconds, or such a
/// number as a string; negative means already expired.
fn seconds(value: &serde_json::Value) -> Option<Duration> {
    let number = match value {
        serde_json::Value::Number(n) => n.as_f64()?,
        serde_json::Value::String(s) => s.trim().parse::<f64>().ok()?,
        _ => return None,
    };
    if number.is_nan() {
        return None;
    }
    Some(Duration::try_from_secs_f64(number.max(0.0)).unwrap_or(Duration::MAX))
}

/// A moment later than any token lives, that the clock can still represent.
fn far_future(now: SystemTime) -> SystemTime {
    const CENTURY: Duration = Duration::from_secs(100 * 365 * 24 * 60 * 60);
    now.checked_add(CENTURY).unwrap_or(now)
}

/// How a token is sent: where, and the text before the token.
#[derive(Debug, Clone)]
pub struct TokenScheme {
    /// Where it goes.
    pub place: Placement,
    /// The text before the token and a space (`Bearer`), if any.
    pub prefix: Option<&'static str>,
}

impl TokenScheme {
    fn credential(&self, token: &AccessToken) -> Option<Credential> {
        let secret = token.secret();
        if secret.trim().is_empty() {
            return None;
        }
        let text = match (&self.place, self.prefix) {
            (Placement::Cookie(name), _) => format!("{name}={secret}"),
            (_, Some(prefix)) => format!("{prefix} {secret}"),
            (_, None) => secret.to_owned(),
        };
        let mut value = HeaderValue::from_str(&text).ok()?;
        value.set_sensitive(true);
        Some(Credential {
            place: self.place.clone(),
            value,
            token: Secret::new(secret),
        })
    }
}

/// How a client authenticates: a token, or a user name and password (HTTP basic).
#[derive(Debug, Clone)]
pub enum Scheme {
    /// A token from a fixed value, a source, or the refresh grant.
    Token(TokenScheme),
    /// `Authorization: Basic …` with a user name and password.
    Basic,
}

/// A credential that never changes: HTTP basic credentials (a user name and
/// password, sent as RFC 7617 says) or a fixed access token. It is built once, with
/// the client, so that a call only clones it.
#[derive(Debug)]
pub struct FixedAuthenticator {
    credential: Credential,
}

impl FixedAuthenticator {
    fn basic(user: &str, password: &Secret) -> Option<Self> {
        // RFC 7617: the user name cannot hold a colon, which separates the password.
        if user.contains(':') {
            return None;
        }
        let pair = format!("{user}:{}", password.expose());
        let mut value =
            HeaderValue::from_str(&format!("Basic {}", base64(pair.as_bytes()))).ok()?;
        value.set_sensitive(true);
        Some(Self {
            credential: Credential {
                place: Placement::Header(reqwest::header::AUTHORIZATION),
                value,
                token: Secret::new(pair),
            },
        })
    }
}

#[async_trait::async_trait]
impl Authenticator for FixedAuthenticator {
    async fn credential(&self) -> Result<Credential, AuthError> {
        Ok(self.credential.clone())
    }

    fn fixed(&self) -> Option<&Credential> {
        Some(&self.credential)
    }

    async fn refused(&self, _: &Credential) -> Result<Option<Credential>, AuthError> {
        Ok(None)
    }
}

/// Standard base64 with padding (RFC 4648), for basic credentials.
fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let word = chunk.iter().enumerate().fold(0u32, |word, (i, byte)| {
            word | u32::from(*byte) << (16 - 8 * i)
        });
        for position in 0..4 {
            if position <= chunk.len() {
                let index = (word >> (18 - 6 * position)) & 0x3f;
                out.push(char::from(ALPHABET[index as usize]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Tokens of a [`TokenSource`], sent as a [`TokenScheme`] says.
#[derive(Debug)]
pub struct TokenAuthenticator {
    scheme: TokenScheme,
    source: Arc<dyn TokenSource>,
    /// The credential made of the last token: a token lives for many calls, and
    /// each would otherwise format the same header again.
    last: std::sync::Mutex<Option<Credential>>,
}

impl TokenAuthenticator {
    fn new(scheme: TokenScheme, source: Arc<dyn TokenSource>) -> Self {
        Self {
            scheme,
            source,
            last: std::sync::Mutex::new(None),
        }
    }

    async fn credential_from(&self, token: AccessToken) -> Result<Credential, AuthError> {
        // A poisoned lock only loses the cache: the credential is made anew.
        let cached = self.last.lock().ok().and_then(|last| {
            last.as_ref()
                .filter(|credential| credential.token.expose() == token.secret())
                .cloned()
        });
        if let Some(credential) = cached {
            return Ok(credential);
        }
        let credential = self.scheme.credential(&token).ok_or_else(|| {
            AuthError::new(
                "the token source gave an access token that is empty or holds characters \
                 an HTTP header cannot carry; it is not shown",
            )
        })?;
        if let Ok(mut last) = self.last.lock() {
            *last = Some(credential.clone());
        }
        Ok(credential)
    }
}

#[async_trait::async_trait]
impl Authenticator for TokenAuthenticator {
    async fn credential(&self) -> Result<Credential, AuthError> {
        let token = self.source.token().await?;
        self.credential_from(token).await
    }

    async fn refused(&self, used: &Credential) -> Result<Option<Credential>, AuthError> {
        self.source
            .invalidate(&AccessToken::new(used.token.expose()))
            .await;
        let next = self.source.token().await?;
        if next.secret() == used.token.expose() {
            return Ok(None);
        }
        self.credential_from(next).await.map(Some)
    }
}

/// Where a client's tokens come from, as its builder was told; the order of the
/// builder's calls does not matter.
#[derive(Clone, Default)]
pub struct TokenSettings {
    choice: Option<TokenChoice>,
    token_url: Option<String>,
}

#[derive(Clone)]
enum TokenChoice {
    Basic {
        user: String,
        password: Secret,
    },
    Fixed(Secret),
    Source(Arc<dyn TokenSource>),
    Refresh {
        client_id: String,
        client_secret: Secret,
        refresh_token: Secret,
    },
}

impl fmt::Debug for TokenSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let choice = match &self.choice {
            None => "none",
            Some(TokenChoice::Basic { .. }) => "user name and password <redacted>",
            Some(TokenChoice::Fixed(_)) => "fixed token <redacted>",
            Some(TokenChoice::Source(_)) => "token source",
            Some(TokenChoice::Refresh { .. }) => "refresh token <redacted>",
        };
        f.debug_struct("TokenSettings")
            .field("choice", &choice)
            .field("token_url", &self.token_url.as_deref().map(redact_url))
            .finish()
    }
}

impl TokenSettings {
    /// HTTP basic credentials.
    pub fn basic(&mut self, user: String, password: String) {
        self.choice = Some(TokenChoice::Basic {
            user,
            password: Secret::new(password),
        });
    }

    /// A fixed token.
    pub fn fixed(&mut self, token: String) {
        self.choice = Some(TokenChoice::Fixed(Secret::new(token)));
    }

    /// Tokens from a source of the caller's.
    pub fn source(&mut self, source: Arc<dyn TokenSource>) {
        self.choice = Some(TokenChoice::Source(source));
    }

    /// Tokens from the refresh-token grant.
    pub fn refresh(&mut self, client_id: String, client_secret: String, refresh_token: String) {
        self.choice = Some(TokenChoice::Refresh {
            client_id,
            client_secret: Secret::new(client_secret),
            refresh_token: Secret::new(refresh_token),
        });
    }

    /// The refresh-token endpoint, instead of the spec's.
    pub fn token_url(&mut self, url: String) {
        self.token_url = Some(url);
    }

    /// The credentials of one security scheme, when the builder was given them:
    /// `scheme` says how they are sent, `spec_token_url` is the spec's refresh-token
    /// endpoint for the chosen server, if any. `Ok(None)` when none were given.
    ///
    /// # Errors
    /// Credentials of another kind than the scheme's, a fixed token that cannot be
    /// sent, a token URL set for tokens that are not refreshed, or a refresh endpoint
    /// missing or unsafe.
    pub fn authenticator(
        self,
        scheme: Scheme,
        spec_token_url: Option<String>,
        environment: &Environment,
    ) -> Result<Option<Arc<dyn Authenticator>>, ConfigError> {
        let (scheme, choice) = match (scheme, self.choice) {
            (_, None) if self.token_url.is_some() => {
                return Err(ConfigError(
                    "ClientBuilder::token_url is set, but no refresh token goes with it".to_owned(),
                ));
            }
            (_, None) => return Ok(None),
            (Scheme::Basic, Some(TokenChoice::Basic { user, password })) => {
                let basic = FixedAuthenticator::basic(&user, &password).ok_or_else(|| {
                    ConfigError(
                        "the user name holds a colon, which HTTP basic authentication \
                         cannot carry (RFC 7617); it is not shown"
                            .to_owned(),
                    )
                })?;
                return Ok(Some(Arc::new(basic)));
            }
            (Scheme::Basic, Some(_)) => {
                return Err(ConfigError(
                    "the scheme takes a user name and password, not a token".to_owned(),
                ));
            }
            (Scheme::Token(scheme), Some(choice)) => (scheme, choice),
        };
        let source: Arc<dyn TokenSource> = match (choice, self.token_url) {
            (TokenChoice::Basic { .. }, _) => {
                return Err(ConfigError(
                    "the scheme takes a token, not a user name and password".to_owned(),
                ));
            }
            (TokenChoice::Fixed(_) | TokenChoice::Source(_), Some(_)) => {
                return Err(ConfigError(
                    "ClientBuilder::token_url is set, but tokens do not come from \
                     ClientBuilder::refresh_token, so it would not be used"
                        .to_owned(),
                ));
            }
            (TokenChoice::Fixed(token), None) => {
                // Built now: a bad token fails the build, not the first call, and no
                // call formats the same header again.
                let Some(credential) = scheme.credential(&AccessToken::new(token.expose())) else {
                    return Err(ConfigError(
                        "the access token is empty or holds characters an HTTP header cannot \
                         carry (such as a line break); it is not shown"
                            .to_owned(),
                    ));
                };
                return Ok(Some(Arc::new(FixedAuthenticator { credential })));
            }
            (TokenChoice::Source(source), None) => source,
            (
                TokenChoice::Refresh {
                    client_id,
                    client_secret,
                    refresh_token,
                },
                token_url,
            ) => {
                let Some(url) = token_url.or(spec_token_url) else {
                    return Err(ConfigError(
                        "the spec gives no refresh-token endpoint: set one with \
                         ClientBuilder::token_url"
                            .to_owned(),
                    ));
                };
                let url = check_url("token URL", &url)?;
                let http = environment.http_client_for(&url)?;
                Arc::new(RefreshTokenSource::with_parts(
                    http,
                    url,
                    client_id,
                    client_secret,
                    refresh_token,
                    environment,
                ))
            }
        };
        Ok(Some(Arc::new(TokenAuthenticator::new(scheme, source))))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(seconds: u64) -> SystemTime {
        SystemTime::UNIX_EPOCH + Duration::from_secs(seconds)
    }

    #[test]
    fn a_token_is_refreshed_a_tenth_of_its_lifetime_early_at_most_a_minute() {
        let now = at(1_000);
        let hour = cache_entry("t".into(), Some(Duration::from_secs(3_600)), now);
        assert_eq!(hour.refresh_after, at(1_000 + 3_600 - 60));
        assert_eq!(hour.token.expires_at(), Some(at(1_000 + 3_600)));
        let minute = cache_entry("t".into(), Some(Duration::from_secs(60)), now);
        assert_eq!(minute.refresh_after, at(1_000 + 54));
        let unknown = cache_entry("t".into(), None, now);
        assert_eq!(unknown.token.expires_at(), None);
        assert!(unknown.refresh_after > at(1_000 + 50 * 365 * 24 * 3_600));
    }

    #[test]
    fn a_lifetime_too_long_for_the_clock_is_no_expiry() {
        let entry = cache_entry("t".into(), Some(Duration::MAX), SystemTime::now());
        assert_eq!(entry.token.expires_at(), None);
    }

    #[test]
    fn expires_in_is_read_tolerantly() {
        let read = |value: serde_json::Value| seconds(&value);
        assert_eq!(
            read(serde_json::json!(3600)),
            Some(Duration::from_secs(3_600))
        );
        assert_eq!(read(serde_json::json!("90")), Some(Duration::from_secs(90)));
        assert_eq!(
            read(serde_json::json!(1.5)),
            Some(Duration::from_millis(1_500))
        );
        assert_eq!(read(serde_json::json!(-5)), Some(Duration::ZERO));
        assert_eq!(read(serde_json::json!(1e300)), Some(Duration::MAX));
        assert!(read(serde_json::json!(u64::MAX)).is_some_and(|d| d.as_secs() > 1 << 60));
        assert_eq!(read(serde_json::json!(null)), None);
        assert_eq!(read(serde_json::json!("soon")), None);
    }

    #[test]
    fn a_token_that_cannot_be_sent_gives_no_credential() {
        let scheme = TokenScheme {
            place: Placement::Header(reqwest::header::AUTHORIZATION),
            prefix: Some("Bearer"),
        };
        for bad in ["", "  ", "a\r\nb", "nul\0"] {
            assert!(
                scheme.credential(&AccessToken::new(bad)).is_none(),
                "{bad:?}"
            );
        }
        let credential = scheme.credential(&AccessToken::new("abc"));
        let value = credential.map(|c| (c.value.is_sensitive(), c.value.as_bytes().to_vec()));
        assert_eq!(value, Some((true, b"Bearer abc".to_vec())));
    }

    #[test]
    fn base64_is_rfc_4648() {
        for (input, output) in [
            ("", ""),
            ("f", "Zg=="),
            ("fo", "Zm8="),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg=="),
            ("fooba", "Zm9vYmE="),
            ("foobar", "Zm9vYmFy"),
            ("Aladdin:open sesame", "QWxhZGRpbjpvcGVuIHNlc2FtZQ=="),
        ] {
            assert_eq!(base64(input.as_bytes()), output, "{input:?}");
        }
    }

    #[test]
    fn a_cookie_credential_names_its_cookie() {
        let scheme = TokenScheme {
            place: Placement::Cookie("session".to_owned()),
            prefix: None,
        };
        let credential = scheme.credential(&AccessToken::new("abc"));
        assert_eq!(
            credential.map(|c| c.value.as_bytes().to_vec()),
            Some(b"session=abc".to_vec())
        );
    }

    /// A source that hands out the token it holds, which the test changes.
    #[derive(Debug)]
    struct Changing(std::sync::Mutex<&'static str>);

    #[async_trait::async_trait]
    impl TokenSource for Changing {
        async fn token(&self) -> Result<AccessToken, AuthError> {
            let token = self.0.lock().map(|t| *t).unwrap_or_default();
            Ok(AccessToken::new(token))
        }
    }

    #[tokio::test]
    async fn a_new_token_gets_a_new_credential_and_the_same_token_the_kept_one() {
        let source = Arc::new(Changing(std::sync::Mutex::new("first")));
        let scheme = TokenScheme {
            place: Placement::Header(reqwest::header::AUTHORIZATION),
            prefix: Some("Bearer"),
        };
        let authenticator = TokenAuthenticator::new(scheme, source.clone());
        let header = |credential: Result<Credential, AuthError>| {
            credential
                .map(|c| c.value.as_bytes().to_vec())
                .unwrap_or_default()
        };
        assert_eq!(header(authenticator.credential().await), b"Bearer first");
        assert_eq!(header(authenticator.credential().await), b"Bearer first");
        if let Ok(mut token) = source.0.lock() {
            *token = "second";
        }
        assert_eq!(header(authenticator.credential().await), b"Bearer second");
    }
}
