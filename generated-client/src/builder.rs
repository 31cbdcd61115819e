// @generated from schema/goals.yaml by this workspace's generator. Do not edit: change the spec and regenerate.

//! The settings every client has, whatever its spec: the builder's generic setters
//! and the assembly of a client's shared core.
//!
//! `ClientBuilder` itself is generated (its server choice and credential come from
//! the spec); it keeps these settings in its `options` field.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::HeaderName;

use crate::ClientBuilder;
use crate::auth::{RefreshTokenSource, StaticToken, TokenSource};
use crate::call::{Core, Credential};
use crate::error::Error;
use crate::hooks::Hooks;
use crate::retry::{RetryPolicy, Timer, TokioTimer};
use crate::support::{self, Secret};

/// How long connecting may take, unless the builder says otherwise.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long one attempt may take in all, unless the builder or the call says
/// otherwise.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);

/// Where the client's tokens come from.
#[derive(Clone)]
#[allow(dead_code)] // A spec without a credential never sets a token.
pub(crate) enum TokenChoice {
    Fixed(Secret),
    Source(Arc<dyn TokenSource>),
    Refresh {
        client_id: String,
        client_secret: Secret,
        refresh_token: Secret,
        token_url: Option<String>,
    },
}

/// The generic settings of a [`ClientBuilder`].
#[derive(Clone)]
pub(crate) struct Options {
    pub(crate) base_url: Option<String>,
    pub(crate) token: Option<TokenChoice>,
    http: Option<reqwest::Client>,
    connect_timeout: Duration,
    timeout: Duration,
    user_agent: Option<String>,
    retry: RetryPolicy,
    timer: Arc<dyn Timer>,
    hooks: Vec<Arc<dyn Hooks>>,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            base_url: None,
            token: None,
            http: None,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            timeout: DEFAULT_TIMEOUT,
            user_agent: None,
            retry: RetryPolicy::default(),
            timer: Arc::new(TokioTimer),
            hooks: Vec::new(),
        }
    }
}

impl fmt::Debug for Options {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let token = match &self.token {
            None => "none",
            Some(TokenChoice::Fixed(_)) => "fixed token <redacted>",
            Some(TokenChoice::Source(_)) => "token source",
            Some(TokenChoice::Refresh { .. }) => "refresh token <redacted>",
        };
        f.debug_struct("Options")
            .field("base_url", &self.base_url)
            .field("token", &token)
            .field("connect_timeout", &self.connect_timeout)
            .field("timeout", &self.timeout)
            .field("user_agent", &self.user_agent)
            .field("retry", &self.retry)
            .field("hooks", &self.hooks.len())
            .finish_non_exhaustive()
    }
}

/// What the spec says about the credential header.
pub(crate) struct CredentialSpec {
    pub(crate) header: HeaderName,
    pub(crate) prefix: Option<&'static str>,
    /// The refresh-token endpoint for the chosen server, when the spec gives one.
    pub(crate) refresh_url: Option<String>,
}

impl Options {
    /// Checks the settings and assembles the core every call of the client shares.
    pub(crate) fn into_core(
        self,
        default_base_url: &str,
        credential: Option<CredentialSpec>,
    ) -> Result<Core, Error> {
        let base_url =
            support::check_base_url(self.base_url.as_deref().unwrap_or(default_base_url))?;
        let http = match self.http {
            Some(http) => http,
            None => {
                let mut builder = reqwest::Client::builder().connect_timeout(self.connect_timeout);
                if let Some(agent) = &self.user_agent {
                    builder = builder.user_agent(agent);
                }
                builder
                    .build()
                    .map_err(|e| Error::Config(format!("the HTTP client cannot be built: {e}")))?
            }
        };
        let credential = match credential {
            Some(spec) => Some(Self::credential(
                spec,
                self.token,
                &http,
                &self.timer,
                self.timeout,
            )?),
            None => None,
        };
        Ok(Core {
            http,
            base_url,
            credential,
            retry: self.retry,
            timeout: self.timeout,
            timer: self.timer,
            hooks: self.hooks,
        })
    }

    fn credential(
        spec: CredentialSpec,
        token: Option<TokenChoice>,
        http: &reqwest::Client,
        timer: &Arc<dyn Timer>,
        timeout: Duration,
    ) -> Result<Credential, Error> {
        let source: Arc<dyn TokenSource> = match token {
            None => {
                return Err(Error::Config(
                    "no access token: call ClientBuilder::access_token, token_source or \
                     refresh_token"
                        .to_owned(),
                ));
            }
            Some(TokenChoice::Fixed(token)) => {
                // Checked now, so a bad token fails the build and not the first call.
                support::credential(spec.prefix, token.expose())?;
                Arc::new(StaticToken::new(token.expose()))
            }
            Some(TokenChoice::Source(source)) => source,
            Some(TokenChoice::Refresh {
                client_id,
                client_secret,
                refresh_token,
                token_url,
            }) => {
                let Some(url) = token_url.or(spec.refresh_url) else {
                    return Err(Error::Config(
                        "the spec gives no refresh-token endpoint: set one with \
                         ClientBuilder::token_url"
                            .to_owned(),
                    ));
                };
                support::check_base_url(&url)?;
                Arc::new(
                    RefreshTokenSource::new(
                        url,
                        client_id,
                        client_secret.expose(),
                        refresh_token.expose(),
                    )
                    .with_http_client(http.clone())
                    .with_timer(Arc::clone(timer))
                    .with_timeout(timeout),
                )
            }
        };
        Ok(Credential {
            header: spec.header,
            prefix: spec.prefix,
            source,
        })
    }
}

impl ClientBuilder {
    /// Any base URL, such as a proxy or a test server; it wins over the server
    /// choice. It must be `https`, or `http` to a loopback host, so that a token is
    /// never sent in clear text by mistake.
    #[must_use]
    pub fn base_url(mut self, base_url: impl Into<String>) -> Self {
        self.options.base_url = Some(base_url.into());
        self
    }

    /// The `reqwest::Client` to send with, for its proxy, pool or TLS settings.
    /// Its own connect timeout and user agent then apply instead of this builder's.
    #[must_use]
    pub fn http_client(mut self, http: reqwest::Client) -> Self {
        self.options.http = Some(http);
        self
    }

    /// How long connecting may take (default 10 s).
    #[must_use]
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.options.connect_timeout = timeout;
        self
    }

    /// How long one attempt may take in all, answer included (default 30 s).
    /// [`crate::Client::with_timeout`] overrides it for some calls.
    #[must_use]
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.options.timeout = timeout;
        self
    }

    /// The `User-Agent` header.
    #[must_use]
    pub fn user_agent(mut self, user_agent: impl Into<String>) -> Self {
        self.options.user_agent = Some(user_agent.into());
        self
    }

    /// When failed calls are tried again; see [`RetryPolicy`] for the rule.
    #[must_use]
    pub fn retry_policy(mut self, policy: RetryPolicy) -> Self {
        self.options.retry = policy;
        self
    }

    /// The clock and sleep the client uses; replace them in tests of retry timing.
    #[must_use]
    pub fn timer(mut self, timer: impl Timer + 'static) -> Self {
        self.options.timer = Arc::new(timer);
        self
    }

    /// Adds hooks that run before each request and after each answer.
    #[must_use]
    pub fn hook(mut self, hooks: impl Hooks + 'static) -> Self {
        self.options.hooks.push(Arc::new(hooks));
        self
    }
}
