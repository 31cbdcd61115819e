// @generated: generator/runtime/src/request.rs, the generator's client runtime, as it stands there. Do not edit: change it there and regenerate.

//! What every request value of a generated client holds besides the operation's
//! parameters: the settings of that one call, and the future it becomes when
//! awaited.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderName, HeaderValue};

/// The future an awaited request value becomes.
pub type Pending<'a, T> = Pin<Box<dyn Future<Output = T> + Send + 'a>>;

/// What every request holds besides the operation's inputs: the client it is sent
/// with, and the settings of that one call.
#[derive(Debug)]
pub struct RequestBase<'a, C> {
    /// The client.
    pub client: &'a C,
    /// The call's own settings.
    pub settings: CallSettings,
}

impl<'a, C> RequestBase<'a, C> {
    /// A request of `client` with no settings of its own.
    pub fn new(client: &'a C) -> Self {
        Self {
            client,
            settings: CallSettings::default(),
        }
    }
}

/// The settings of one call, beside its parameters.
#[derive(Clone, Default)]
pub struct CallSettings {
    /// How long the whole call may take: getting a token, every attempt and the
    /// waits between them together.
    pub timeout: Option<Duration>,
    /// Headers sent with every attempt, after the operation's own.
    pub headers: HeaderMap,
}

impl CallSettings {
    /// Adds a header. Its value is marked sensitive, since it may be a credential:
    /// it never shows in `Debug`.
    pub fn add_header(&mut self, name: HeaderName, mut value: HeaderValue) {
        value.set_sensitive(true);
        self.headers.append(name, value);
    }
}

impl fmt::Debug for CallSettings {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.headers.keys().map(HeaderName::as_str).collect();
        f.debug_struct("CallSettings")
            .field("timeout", &self.timeout)
            .field("headers", &names)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn added_headers_show_by_name_only() {
        let mut settings = CallSettings::default();
        settings.add_header(
            HeaderName::from_static("x-api-key"),
            HeaderValue::from_static("s3cret"),
        );
        settings.add_header(
            HeaderName::from_static("x-api-key"),
            HeaderValue::from_static("other"),
        );
        let shown = format!("{settings:?}");
        assert!(!shown.contains("s3cret"), "{shown}");
        assert!(shown.contains("x-api-key"), "{shown}");
        assert_eq!(settings.headers.get_all("x-api-key").iter().count(), 2);
        assert!(settings.headers.values().all(HeaderValue::is_sensitive));
    }
}
