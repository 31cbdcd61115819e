// @generated: generator/runtime/src/endpoint.rs, the generator's client runtime, as it stands there. Do not edit: change it there and regenerate.

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

/// Escaped in a cookie's value: what RFC 6265 keeps out of one (controls, space,
/// `"`, `,`, `;`, `\\`), `%` so that the escape reads back, and non-ASCII.
const COOKIE_VALUE: &AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b',')
    .add(b';')
    .add(b'\\')
    .add(b'%');

/// A cookie parameter as the `Cookie` header carries it: `name=value`, the value
/// escaped where a cookie cannot hold it. The dispatcher joins a call's cookies
/// (and a cookie credential) into one `Cookie` header.
pub fn cookie(name: &str, value: &str) -> String {
    format!("{name}={}", utf8_percent_encode(value, COOKIE_VALUE))
}

/// How a path, header or cookie parameter is written, OpenAPI's `style`: `a,b`
/// (`simple`), `.a.b` (`label`), `;name=a;name=b` (`matrix`) or, for a cookie,
/// `name=a; name=b` (`form`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `a,b`; an object as `k,v` or, exploded, `k=v`.
    Simple,
    /// Each value after a `.` (exploded) or all after one `.`, comma-separated.
    Label,
    /// `;name=value`, repeated per item when exploded; an exploded object as `;k=v`.
    Matrix,
    /// A cookie: `name=value`, a cookie per item when exploded (an object's
    /// properties each their own cookie), else the values joined by `,`.
    Form,
}

/// Appends `value` to `url` as one path segment written in `style`, each value
/// escaped as [`push_segment`] escapes and the style's delimiters as they are.
pub fn push_styled_segment<T: serde::Serialize + ?Sized>(
    url: &mut String,
    operation: &'static str,
    parameter: &'static str,
    value: &T,
    style: Style,
    explode: bool,
) -> Result<(), RequestError> {
    let escape = |atom: &str| utf8_percent_encode(atom, SEGMENT).to_string();
    let segment = styled(operation, parameter, value, style, explode, escape)?;
    if matches!(segment.as_str(), "" | "." | "..") {
        return Err(RequestError::InvalidParameter {
            operation,
            parameter,
            reason: "an empty value, `.` or `..` cannot stand in a URL path segment",
        });
    }
    url.push_str(&segment);
    Ok(())
}

/// A header parameter that is a list or an object, in the `simple` style: `a,b`,
/// an object as `k,v` or, exploded, `k=v`.
pub fn header_value<T: serde::Serialize + ?Sized>(
    operation: &'static str,
    parameter: &'static str,
    value: &T,
    explode: bool,
) -> Result<String, RequestError> {
    styled(
        operation,
        parameter,
        value,
        Style::Simple,
        explode,
        str::to_owned,
    )
}

/// A cookie parameter that is a list or an object, in the `form` style: exploded,
/// a cookie per item (`id=3; id=4`) or per property (`R=100; G=200`); not
/// exploded, one cookie of its values joined by `,` (`id=3,4`, `color=R,100,G,200`),
/// as OpenAPI shows it. Each value is escaped as [`cookie`] escapes, commas in it
/// too; the joining commas stay, though RFC 6265 keeps them out of cookie values.
pub fn styled_cookie<T: serde::Serialize + ?Sized>(
    operation: &'static str,
    parameter: &'static str,
    value: &T,
    explode: bool,
) -> Result<String, RequestError> {
    styled(operation, parameter, value, Style::Form, explode, |text| {
        utf8_percent_encode(text, COOKIE_VALUE).to_string()
    })
}

/// A parameter given by `content: application/json`: `value` as JSON text, which
/// the caller then places (and escapes) as it would a string.
pub fn json_text<T: serde::Serialize + ?Sized>(
    operation: &'static str,
    parameter: &'static str,
    value: &T,
) -> Result<String, RequestError> {
    serde_json::to_string(value).map_err(|_| RequestError::InvalidParameter {
        operation,
        parameter,
        reason: "its value cannot be written as JSON",
    })
}

/// `value` written in `style`, each value passed through `escape`.
fn styled<T: serde::Serialize + ?Sized>(
    operation: &'static str,
    name: &str,
    value: &T,
    style: Style,
    explode: bool,
    escape: impl Fn(&str) -> String,
) -> Result<String, RequestError> {
    let value = serde_json::to_value(value).map_err(|e| RequestError::Serialize {
        operation,
        message: e.to_string(),
    })?;
    let name = escape(name);
    // Each entry is one value, or with `Some(key)` an object's key and value.
    let entries: Vec<(Option<String>, String)> = match &value {
        serde_json::Value::Array(items) => items.iter().map(|i| (None, escape(&atom(i)))).collect(),
        serde_json::Value::Object(fields) => fields
            .iter()
            .map(|(k, v)| (Some(escape(k)), escape(&atom(v))))
            .collect(),
        serde_json::Value::Null => Vec::new(),
        scalar => vec![(None, escape(&atom(scalar)))],
    };
    let pair = |(key, item): &(Option<String>, String), joiner: &str| match key {
        Some(key) => format!("{key}{joiner}{item}"),
        None => item.clone(),
    };
    let joined = |kv: &str, between: &str| {
        entries
            .iter()
            .map(|e| pair(e, kv))
            .collect::<Vec<_>>()
            .join(between)
    };
    let is_object = value.is_object();
    Ok(match (style, explode) {
        (Style::Simple, true) => joined("=", ","),
        (Style::Simple, false) => joined(",", ","),
        (Style::Label, true) => prefixed(".", &joined("=", ".")),
        (Style::Label, false) => prefixed(".", &joined(",", ",")),
        (Style::Matrix, true) if is_object => prefixed(";", &joined("=", ";")),
        (Style::Matrix, true) if !entries.is_empty() => entries
            .iter()
            .map(|(_, item)| format!(";{name}={item}"))
            .collect(),
        (Style::Matrix, _) if entries.is_empty() => format!(";{name}"),
        (Style::Matrix, _) => format!(";{name}={}", joined(",", ",")),
        (Style::Form, _) if entries.is_empty() => format!("{name}="),
        (Style::Form, true) if is_object => joined("=", "; "),
        (Style::Form, true) => entries
            .iter()
            .map(|(_, item)| format!("{name}={item}"))
            .collect::<Vec<_>>()
            .join("; "),
        (Style::Form, false) => format!("{name}={}", joined(",", ",")),
    })
}

fn prefixed(prefix: &str, rest: &str) -> String {
    format!("{prefix}{rest}")
}

/// One value of a styled parameter: text as it is, anything nested as JSON.
fn atom(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::String(text) => text.clone(),
        serde_json::Value::Null => String::new(),
        other => other.to_string(),
    }
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
    fn cookie_lists_and_objects_are_written_in_the_form_style() {
        let write = |value: serde_json::Value, explode: bool| {
            styled_cookie("op", "id", &value, explode).unwrap()
        };
        assert_eq!(write(serde_json::json!([3, 4]), true), "id=3; id=4");
        assert_eq!(write(serde_json::json!([3, 4]), false), "id=3,4");
        assert_eq!(
            write(serde_json::json!({"R": 100, "G": "a b"}), true),
            "G=a%20b; R=100"
        );
        assert_eq!(
            write(serde_json::json!({"R": 100, "G": 200}), false),
            "id=G,200,R,100"
        );
        assert_eq!(write(serde_json::json!(["a,b;c"]), false), "id=a%2Cb%3Bc");
        assert_eq!(write(serde_json::json!([]), true), "id=");
    }

    #[test]
    fn a_json_parameter_is_its_json_text_or_a_clear_refusal() {
        let text = json_text(
            "op",
            "filter",
            &serde_json::json!({"lat": 1.5, "tags": ["a"]}),
        );
        assert_eq!(text.unwrap(), r#"{"lat":1.5,"tags":["a"]}"#);
        let unwritable: std::collections::BTreeMap<(u8, u8), u8> = [((1, 2), 3)].into();
        let refused = json_text("op", "filter", &unwritable);
        assert!(matches!(
            refused,
            Err(RequestError::InvalidParameter {
                parameter: "filter",
                ..
            })
        ));
    }

    #[test]
    fn segments_are_escaped_and_dot_segments_refused() {
        let mut url = String::from("https://h/p/");
        assert!(push_segment(&mut url, "op", "id", "a/b?c#d%e f").is_ok());
        assert_eq!(url, "https://h/p/a%2Fb%3Fc%23d%25e%20f");
        for bad in ["", ".", ".."] {
            assert!(push_segment(&mut url, "op", "id", bad).is_err(), "{bad:?}");
        }
    }

    /// The segment `value` makes in `style`, or the error's text.
    fn segment(value: &serde_json::Value, style: Style, explode: bool) -> String {
        let mut url = String::new();
        match push_styled_segment(&mut url, "op", "color", value, style, explode) {
            Ok(()) => url,
            Err(e) => format!("error: {e:?}"),
        }
    }

    #[test]
    fn path_styles_write_what_the_openapi_specification_shows() {
        let list = serde_json::json!(["blue", "black"]);
        // serde_json's map sorts its keys: the specification's `R`, `G` are `B`, `G` here.
        let object = serde_json::json!({"B": 100, "G": 200});
        let one = serde_json::json!("blue");
        let cases = [
            (&list, Style::Simple, false, "blue,black"),
            (&list, Style::Simple, true, "blue,black"),
            (&object, Style::Simple, false, "B,100,G,200"),
            (&object, Style::Simple, true, "B=100,G=200"),
            (&one, Style::Label, false, ".blue"),
            (&list, Style::Label, false, ".blue,black"),
            (&list, Style::Label, true, ".blue.black"),
            (&object, Style::Label, false, ".B,100,G,200"),
            (&object, Style::Label, true, ".B=100.G=200"),
            (&one, Style::Matrix, true, ";color=blue"),
            (&list, Style::Matrix, false, ";color=blue,black"),
            (&list, Style::Matrix, true, ";color=blue;color=black"),
            (&object, Style::Matrix, false, ";color=B,100,G,200"),
            (&object, Style::Matrix, true, ";B=100;G=200"),
        ];
        for (value, style, explode, expected) in cases {
            assert_eq!(
                segment(value, style, explode),
                expected,
                "{value} {style:?} {explode}"
            );
        }
    }

    #[test]
    fn cookie_values_are_escaped_where_a_cookie_cannot_hold_them() {
        assert_eq!(cookie("session", "abc-123"), "session=abc-123");
        assert_eq!(
            cookie("q", "a b;c,d\"e\\f%é"),
            "q=a%20b%3Bc%2Cd%22e%5Cf%25%C3%A9"
        );
    }

    #[test]
    fn styled_values_are_escaped_but_not_their_delimiters() {
        let value = serde_json::json!(["a/b", "c,d"]);
        assert_eq!(segment(&value, Style::Label, true), ".a%2Fb.c%2Cd");
        assert!(segment(&serde_json::json!([]), Style::Simple, false).starts_with("error"));
        assert!(segment(&serde_json::json!([]), Style::Label, false).starts_with("error"));
        assert_eq!(
            segment(&serde_json::json!([]), Style::Matrix, false),
            ";color"
        );
        let header = header_value("op", "X-Ids", &serde_json::json!({"a": "1 2"}), true);
        assert_eq!(header.ok().as_deref(), Some("a=1 2"));
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
