//! Where requests go: checking a base URL, and appending path segments to it.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};

use super::body::{form_encode, form_pairs};
use super::error::{ConfigError, RequestError};
use super::secret::redact_url;

/// Everything but RFC 3986's unreserved characters is escaped in a path segment, so
/// `/`, `?`, `#` and `%` in a value stay inside its segment.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Appends `value` to `url` as one escaped path segment.
///
/// An empty value, `.` and `..` are refused: URL parsers merge or drop such segments,
/// which would send the request to another resource.
pub fn push_segment(
    url: &mut String,
    operation: &'static str,
    parameter: &'static str,
    value: &str,
) -> Result<(), RequestError> {
    if matches!(value, "" | "." | "..") {
        return Err(RequestError::InvalidParameter {
            operation,
            parameter,
            reason: "an empty value, `.` or `..` cannot stand in a URL path segment",
        });
    }
    url.extend(utf8_percent_encode(value, SEGMENT));
    Ok(())
}

/// Appends a query parameter that is not a scalar to `url`'s query: with `deep`
/// (`deepObject` style) as `name[key]=value` pairs, else (`form` style) each property
/// of an object as its own `key=value`; a scalar value as `name=value`.
pub fn push_query_value<T: serde::Serialize>(
    url: &mut String,
    operation: &'static str,
    name: &'static str,
    value: &T,
    deep: bool,
) -> Result<(), RequestError> {
    let serialize_failed = |message: String| RequestError::Serialize { operation, message };
    let value = serde_json::to_value(value).map_err(|e| serialize_failed(e.to_string()))?;
    let mut pairs = Vec::new();
    match (&value, deep) {
        (serde_json::Value::Object(fields), false) => {
            for (key, item) in fields {
                form_pairs(key, item, true, &mut pairs);
            }
        }
        _ => form_pairs(name, &value, true, &mut pairs),
    }
    let query = form_encode(&pairs);
    if !query.is_empty() {
        url.push(if url.contains('?') { '&' } else { '?' });
        url.push_str(&query);
    }
    Ok(())
}

/// Whether `url`'s host is this machine (`localhost`, 127.0.0.0/8, `[::1]`).
pub fn is_loopback(url: &reqwest::Url) -> bool {
    url.host_str().is_some_and(|host| {
        host.eq_ignore_ascii_case("localhost")
            || host
                .trim_start_matches('[')
                .trim_end_matches(']')
                .parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback())
    })
}

/// Checks a URL that credentials will be sent to (`what` says which, for the
/// message) and returns it parsed.
///
/// `http://` is accepted only for loopback hosts, so that a credential is never
/// sent in clear text by mistake; a user name, password, query or fragment is
/// refused. Messages show the URL redacted.
pub fn check_url(what: &str, text: &str) -> Result<reqwest::Url, ConfigError> {
    let parsed = reqwest::Url::parse(text).map_err(|e| {
        ConfigError(format!(
            "the {what} `{}` is not a URL: {e}",
            redact_url(text)
        ))
    })?;
    let shown = redact_url(parsed.as_str());
    if !parsed.username().is_empty() || parsed.password().is_some() {
        return Err(ConfigError(format!(
            "the {what} `{shown}` must not hold a user name or password"
        )));
    }
    match parsed.scheme() {
        "https" => {}
        "http" if is_loopback(&parsed) => {}
        "http" => {
            return Err(ConfigError(format!(
                "the {what} `{shown}` uses plain http to a host that is not loopback; \
                 use https so that credentials are not sent in clear text"
            )));
        }
        other => {
            return Err(ConfigError(format!(
                "the {what} `{shown}` has the scheme `{other}`; use https"
            )));
        }
    }
    if parsed.query().is_some() || parsed.fragment().is_some() {
        return Err(ConfigError(format!(
            "the {what} `{shown}` must not have a query or fragment"
        )));
    }
    Ok(parsed)
}

/// Checks a base URL and returns it without a trailing `/`.
///
/// The parsed form is kept, not the text given: parsing drops surrounding white
/// space and line breaks that would otherwise end up in every request's path.
pub fn check_base_url(base_url: &str) -> Result<String, ConfigError> {
    let parsed = check_url("base URL", base_url)?;
    Ok(parsed.as_str().trim_end_matches('/').to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_are_escaped_and_dot_segments_refused() {
        let mut url = String::from("https://h/p/");
        assert!(push_segment(&mut url, "op", "id", "a/b?c#d%e f").is_ok());
        assert_eq!(url, "https://h/p/a%2Fb%3Fc%23d%25e%20f");
        for bad in ["", ".", ".."] {
            assert!(push_segment(&mut url, "op", "id", bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn structured_query_values_become_pairs() {
        #[derive(serde::Serialize)]
        struct Range {
            gte: u32,
            lt: Option<u32>,
        }
        let range = Range { gte: 1, lt: None };
        let mut url = String::from("https://h/p");
        assert!(push_query_value(&mut url, "op", "created", &range, true).is_ok());
        assert!(push_query_value(&mut url, "op", "page", &range, false).is_ok());
        assert!(push_query_value(&mut url, "op", "limit", &5, true).is_ok());
        assert_eq!(url, "https://h/p?created%5Bgte%5D=1&gte=1&limit=5");
    }

    #[test]
    fn base_urls_must_be_https_or_loopback() {
        assert_eq!(
            check_base_url(" https://api.example.com/v1/ ")
                .ok()
                .as_deref(),
            Some("https://api.example.com/v1")
        );
        for ok in [
            "http://localhost:8080",
            "http://127.0.0.2",
            "http://[::1]:1",
        ] {
            assert!(check_base_url(ok).is_ok(), "{ok}");
        }
        for bad in [
            "http://example.com",
            "ftp://localhost",
            "https://h/?a=1",
            "nope",
        ] {
            assert!(check_base_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn messages_never_repeat_credentials_of_the_url() {
        for url in [
            "https://user:hunter22@example.com/",
            "http://example.com/?token=hunter22",
            "https://example.com/?access_token=hunter22",
            "not a url hunter22",
        ] {
            let message = check_base_url(url).err().map(|e| e.0).unwrap_or_default();
            assert!(!message.is_empty(), "{url} is refused");
            assert!(!message.contains("hunter22"), "{message}");
        }
    }
}
