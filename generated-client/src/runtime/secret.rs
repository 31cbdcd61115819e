// @generated: generator/runtime/src/secret.rs, the generator's client runtime, as it stands there. Do not edit: change it there and regenerate.

//! Secrets and what is shown of them: a string type that never prints itself, and
//! the redaction of URLs and texts before they reach a message.

use std::fmt;
use std::sync::Arc;

/// A secret string (a token, a client secret) whose `Debug` never shows it. Shared,
/// so that the credential of every call clones it without a copy.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Arc<str>);

impl Secret {
    /// Wraps `value`.
    pub fn new(value: impl Into<String>) -> Self {
        Self(Arc::from(value.into()))
    }

    /// The secret itself. Handle with care.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// What replaces a secret in a message.
pub const REDACTED: &str = "<redacted>";

/// `url` as it may be shown: a user name or password is replaced, and so is the
/// value of every query parameter (keys stay, so the message still says what was
/// there). Text that is not a URL is shown only by its length.
pub fn redact_url(url: &str) -> String {
    let Ok(mut parsed) = reqwest::Url::parse(url.trim()) else {
        return format!("<{} characters that are not a URL>", url.chars().count());
    };
    if !parsed.username().is_empty() || parsed.password().is_some() {
        // Neither setter fails on a URL that has a host, which one with userinfo has.
        let _ = parsed.set_username(REDACTED);
        let _ = parsed.set_password(None);
    }
    if parsed.query().is_some() {
        let keys: Vec<String> = parsed.query_pairs().map(|(k, _)| k.into_owned()).collect();
        let mut pairs = parsed.query_pairs_mut();
        pairs.clear();
        for key in &keys {
            pairs.append_pair(key, REDACTED);
        }
        drop(pairs);
    }
    if parsed.fragment().is_some() {
        parsed.set_fragment(Some(REDACTED));
    }
    parsed.to_string()
}

/// `text` with every occurrence of each secret replaced, as it is and as a form or
/// query encodes it (an endpoint that echoes its request shows `a%2Fb` for `a/b`).
/// Secrets shorter than four characters are left alone: replacing them would
/// shred ordinary words while protecting nothing.
pub fn scrub(text: &str, secrets: &[&str]) -> String {
    let mut out = text.to_owned();
    for secret in secrets.iter().filter(|s| s.len() >= 4) {
        for form in [(*secret).to_owned(), form_encoded(secret)] {
            if out.contains(&form) {
                out = out.replace(&form, REDACTED);
            }
        }
    }
    out
}

/// `value` as `application/x-www-form-urlencoded` writes it.
fn form_encoded(value: &str) -> String {
    let Ok(mut url) = reqwest::Url::parse("form:") else {
        return value.to_owned();
    };
    url.query_pairs_mut().append_pair("k", value);
    url.query()
        .and_then(|q| q.strip_prefix("k="))
        .unwrap_or(value)
        .to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secrets_never_debug() {
        assert_eq!(format!("{:?}", Secret::new("hunter22")), "<redacted>");
    }

    #[test]
    fn urls_lose_userinfo_query_values_and_fragments() {
        assert_eq!(
            redact_url("https://user:pw@accounts.example.com/oauth?client_secret=s3cr3t&x=1#frag"),
            "https://%3Credacted%3E@accounts.example.com/oauth?client_secret=%3Credacted%3E&x=%3Credacted%3E#%3Credacted%3E"
        );
        assert_eq!(
            redact_url("https://example.com/a/b"),
            "https://example.com/a/b"
        );
        let shown = redact_url("not a url with token=abc");
        assert!(!shown.contains("abc"), "{shown}");
    }

    #[test]
    fn scrub_replaces_every_known_secret_but_not_tiny_ones() {
        let text = "echo: refresh_token=rt-123456&client_secret=cs-abcdef (rt-123456)";
        let scrubbed = scrub(text, &["rt-123456", "cs-abcdef", "a"]);
        assert_eq!(
            scrubbed,
            "echo: refresh_token=<redacted>&client_secret=<redacted> (<redacted>)"
        );
        let echoed = "refresh_token=1%2F%2F0g+x%3D";
        assert_eq!(scrub(echoed, &["1//0g x="]), "refresh_token=<redacted>");
    }
}
