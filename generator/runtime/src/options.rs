//! The settings every client has, whatever its spec, and the assembly of the
//! [`Dispatcher`] that a client's calls share.
//!
//! A generated `ClientBuilder` keeps these in a field and adds what its spec
//! decides (the server choice, the credential).

use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;
use std::time::Duration;

use super::credential::Schemes;
use super::dispatch::Dispatcher;
use super::endpoint::{check_base_url, is_loopback};
use super::error::ConfigError;
use super::hooks::Hooks;
use super::retry::{RetryPolicy, Timer, TokioTimer};
use super::secret::redact_url;

/// How long connecting may take, unless the builder says otherwise.
pub const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// How long one attempt may take in all, unless the builder says otherwise.
pub const DEFAULT_TIMEOUT: Duration = Duration::from_secs(30);
/// The largest success answer read, unless the builder says otherwise: 16 MiB.
pub const DEFAULT_MAX_ANSWER_SIZE: usize = 16 * 1024 * 1024;

/// The generic settings of a client builder.
#[derive(Clone)]
pub struct ClientOptions {
    /// Any base URL; it wins over the spec's servers.
    pub base_url: Option<String>,
    /// The caller's HTTP client, used instead of one built from these settings.
    pub http: Option<reqwest::Client>,
    /// How long connecting may take.
    pub connect_timeout: Duration,
    /// How long one attempt may take, answer included.
    pub timeout: Duration,
    /// The `User-Agent` header.
    pub user_agent: Option<String>,
    /// When failed calls are tried again.
    pub retry: RetryPolicy,
    /// The clock and sleep.
    pub timer: Arc<dyn Timer>,
    /// Code of the caller's run around every attempt.
    pub hooks: Vec<Arc<dyn Hooks>>,
    /// The largest success answer read, in bytes.
    pub max_answer_size: usize,
}

impl Default for ClientOptions {
    fn default() -> Self {
        Self {
            base_url: None,
            http: None,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            timeout: DEFAULT_TIMEOUT,
            user_agent: None,
            retry: RetryPolicy::default(),
            timer: Arc::new(TokioTimer),
            hooks: Vec::new(),
            max_answer_size: DEFAULT_MAX_ANSWER_SIZE,
        }
    }
}

impl fmt::Debug for ClientOptions {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientOptions")
            .field("base_url", &self.base_url.as_deref().map(redact_url))
            .field("http", &self.http.as_ref().map(|_| "the caller's"))
            .field("connect_timeout", &self.connect_timeout)
            .field("timeout", &self.timeout)
            .field("user_agent", &self.user_agent)
            .field("retry", &self.retry)
            .field("hooks", &self.hooks.len())
            .field("max_answer_size", &self.max_answer_size)
            .finish_non_exhaustive()
    }
}

/// What a credential needs from the client's settings to reach a token endpoint.
#[derive(Debug, Clone)]
pub struct Environment {
    /// The client's clock.
    pub timer: Arc<dyn Timer>,
    /// How long one request may take.
    pub timeout: Duration,
    connect_timeout: Duration,
    user_agent: Option<String>,
}

impl Environment {
    /// The environment of default settings with this clock and request timeout.
    pub(crate) fn new(timer: Arc<dyn Timer>, timeout: Duration) -> Self {
        Self {
            timer,
            timeout,
            connect_timeout: DEFAULT_CONNECT_TIMEOUT,
            user_agent: None,
        }
    }

    /// An HTTP client of the client's settings for requests to `url`: each request
    /// ends after the client's timeout, it never follows a redirect, and never sends
    /// a request for a loopback host through a proxy (other hosts get the proxies of
    /// the environment, `HTTPS_PROXY` and the like).
    pub fn http_client_for(&self, url: &reqwest::Url) -> Result<reqwest::Client, ConfigError> {
        let mut builder = reqwest::Client::builder()
            .connect_timeout(self.connect_timeout)
            .timeout(self.timeout)
            .redirect(reqwest::redirect::Policy::none());
        if is_loopback(url) {
            builder = builder.no_proxy();
        }
        if let Some(agent) = &self.user_agent {
            builder = builder.user_agent(agent);
        }
        builder
            .build()
            .map_err(|e| ConfigError(format!("the HTTP client cannot be built: {e}")))
    }
}

impl ClientOptions {
    /// Checks the settings and assembles the dispatcher every call of the client
    /// shares.
    ///
    /// `default_base_url` is the spec's server (`None` when the spec names none, and
    /// then [`ClientOptions::base_url`] is required); `credentials` makes the
    /// credentials of the spec's security schemes the client was given.
    pub fn into_dispatcher<B>(
        self,
        default_base_url: Option<&str>,
        credentials: impl FnOnce(&Environment) -> Result<Schemes, ConfigError>,
    ) -> Result<Dispatcher<B>, ConfigError> {
        let base_url = match (self.base_url.as_deref(), default_base_url) {
            (Some(url), _) | (None, Some(url)) => check_base_url(url)?,
            (None, None) => {
                return Err(ConfigError(
                    "the spec names no server: set one with ClientBuilder::base_url".to_owned(),
                ));
            }
        };
        let environment = Environment {
            timer: Arc::clone(&self.timer),
            timeout: self.timeout,
            connect_timeout: self.connect_timeout,
            user_agent: self.user_agent,
        };
        let http_times_out = self.http.is_none();
        let http = match self.http {
            Some(http) => http,
            None => {
                let parsed = reqwest::Url::parse(&base_url)
                    .map_err(|e| ConfigError(format!("the base URL is not a URL: {e}")))?;
                environment.http_client_for(&parsed)?
            }
        };
        let schemes = credentials(&environment)?;
        Ok(Dispatcher {
            http,
            base_url,
            schemes,
            retry: self.retry,
            attempt_timeout: self.timeout,
            http_times_out,
            max_answer_size: self.max_answer_size,
            timer: self.timer,
            hooks: self.hooks,
            error_body: PhantomData,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn none(_: &Environment) -> Result<Schemes, ConfigError> {
        Ok(Schemes::default())
    }

    #[test]
    fn a_spec_without_servers_needs_a_base_url() {
        let refused = ClientOptions::default().into_dispatcher::<()>(None, none);
        assert_eq!(
            refused.err().map(|e| e.0),
            Some("the spec names no server: set one with ClientBuilder::base_url".to_owned())
        );
        let options = ClientOptions {
            base_url: Some("http://127.0.0.1:9/v1/".to_owned()),
            ..ClientOptions::default()
        };
        let dispatcher = options.into_dispatcher::<()>(None, none);
        assert_eq!(
            dispatcher.ok().map(|d| d.base_url),
            Some("http://127.0.0.1:9/v1".to_owned())
        );
    }

    #[test]
    fn the_base_url_set_wins_over_the_spec() {
        let options = ClientOptions {
            base_url: Some("https://proxy.example.com".to_owned()),
            ..ClientOptions::default()
        };
        let dispatcher = options.into_dispatcher::<()>(Some("https://api.example.com"), none);
        assert_eq!(
            dispatcher.ok().map(|d| d.base_url),
            Some("https://proxy.example.com".to_owned())
        );
    }

    #[test]
    fn debug_redacts_the_base_url() {
        let options = ClientOptions {
            base_url: Some("https://u:hunter22@example.com/?key=hunter22".to_owned()),
            ..ClientOptions::default()
        };
        let shown = format!("{options:?}");
        assert!(!shown.contains("hunter22"), "{shown}");
    }
}
