//! Plumbing shared by every operation: URL building, sending, decoding.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use reqwest::header::HeaderValue;
use serde::de::{self, DeserializeOwned, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

use crate::call::Answer;
use crate::error::Error;

/// Everything but RFC 3986's unreserved characters is escaped in a path segment, so
/// `/`, `?`, `#` and `%` in a value stay inside its segment.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// The most of an answer's body an error keeps.
pub(crate) const MAX_BODY_KEPT: usize = 64 * 1024;

/// Appends `value` to `url` as one escaped path segment.
///
/// An empty value, `.` and `..` are refused: URL parsers merge or drop such segments,
/// which would send the request to another resource.
pub(crate) fn push_segment(
    url: &mut String,
    operation: &'static str,
    parameter: &'static str,
    value: &str,
) -> Result<(), Error> {
    if matches!(value, "" | "." | "..") {
        return Err(Error::InvalidParameter {
            operation,
            parameter,
            reason: "an empty value, `.` or `..` cannot stand in a URL path segment",
        });
    }
    url.extend(utf8_percent_encode(value, SEGMENT));
    Ok(())
}

/// Checks a base URL and returns it without a trailing `/`.
///
/// `http://` is accepted only for loopback hosts, so a token is never sent in clear
/// text by mistake.
pub(crate) fn check_base_url(base_url: &str) -> Result<String, Error> {
    let parsed = reqwest::Url::parse(base_url)
        .map_err(|e| Error::Config(format!("the base URL `{base_url}` is not a URL: {e}")))?;
    if !parsed.username().is_empty() || parsed.password().is_some() {
        // The URL is not repeated: it holds a credential.
        return Err(Error::Config(
            "the base URL must not hold a user name or password".to_owned(),
        ));
    }
    let loopback = match parsed.host_str() {
        Some("localhost") => true,
        Some(host) => host
            .trim_start_matches('[')
            .trim_end_matches(']')
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback()),
        None => false,
    };
    match parsed.scheme() {
        "https" => {}
        "http" if loopback => {}
        "http" => {
            return Err(Error::Config(format!(
                "the base URL `{parsed}` uses plain http to a host that is not loopback; \
                 use https so the token is not sent in clear text"
            )));
        }
        other => {
            return Err(Error::Config(format!(
                "the base URL `{parsed}` has the scheme `{other}`; use https"
            )));
        }
    }
    if parsed.query().is_some() || parsed.fragment().is_some() {
        return Err(Error::Config(format!(
            "the base URL `{parsed}` must not have a query or fragment"
        )));
    }
    // The parsed form, not the text given: parsing drops surrounding white space
    // and line breaks that would otherwise end up in every request's path.
    Ok(parsed.as_str().trim_end_matches('/').to_owned())
}

/// The credential header's value, marked sensitive so it never shows in `Debug`.
pub(crate) fn credential(prefix: Option<&str>, token: &str) -> Result<HeaderValue, Error> {
    if token.trim().is_empty() {
        return Err(Error::Config("the access token is empty".to_owned()));
    }
    let text = match prefix {
        Some(prefix) => format!("{prefix} {token}"),
        None => token.to_owned(),
    };
    let mut value = HeaderValue::from_str(&text).map_err(|_| {
        Error::Config(
            "the access token holds characters an HTTP header cannot carry \
             (such as a line break); the token is not shown"
                .to_owned(),
        )
    })?;
    value.set_sensitive(true);
    Ok(value)
}

/// Writes a request body as JSON, once, so that every attempt sends the same bytes.
pub(crate) fn to_json<T: Serialize>(operation: &'static str, body: &T) -> Result<Vec<u8>, Error> {
    serde_json::to_vec(body).map_err(|e| Error::Serialize {
        operation,
        message: e.to_string(),
    })
}

/// Decodes a successful answer; a failure names the field (a serde path) and keeps
/// the body. `failure` then says whether the body reports a failure of its own.
pub(crate) fn decode_answer<T: DeserializeOwned>(
    operation: &'static str,
    answer: Answer,
    failure: fn(&T) -> Option<String>,
) -> Result<Response<T>, Error> {
    let status = answer.status.as_u16();
    let decode_failure = |path: String, message: String| Error::Decode {
        operation,
        status,
        path,
        message,
        body: kept_text(&answer.body),
    };
    // Tracking the path costs allocations on every field, so it is done only to
    // explain a failure.
    let value: T = match serde_json::from_slice(&answer.body) {
        Ok(value) => value,
        Err(_) => {
            let mut deserializer = serde_json::Deserializer::from_slice(&answer.body);
            let error = match serde_path_to_error::deserialize::<_, T>(&mut deserializer) {
                Err(e) => decode_failure(e.path().to_string(), e.inner().to_string()),
                Ok(_) => match deserializer.end() {
                    Err(e) => decode_failure(".".to_owned(), e.to_string()),
                    Ok(()) => decode_failure(".".to_owned(), "the body does not decode".to_owned()),
                },
            };
            return Err(error);
        }
    };
    if let Some(reason) = failure(&value) {
        return Err(Error::Unsuccessful {
            operation,
            status,
            reason,
            body: kept_text(&answer.body),
        });
    }
    Ok(Response {
        status: answer.status,
        headers: answer.headers,
        value,
    })
}

/// A successful answer whose body the spec does not describe.
#[allow(dead_code)] // Only specs with a body-less success answer use it.
pub(crate) fn empty_answer(answer: Answer) -> Response<()> {
    Response {
        status: answer.status,
        headers: answer.headers,
        value: (),
    }
}

/// For answers that cannot report a failure in their body.
pub(crate) fn never_failed<T>(_: &T) -> Option<String> {
    None
}

/// A successful answer: the decoded value with the status and headers it came with.
#[derive(Debug, Clone)]
pub struct Response<T> {
    status: reqwest::StatusCode,
    headers: reqwest::header::HeaderMap,
    value: T,
}

impl<T> Response<T> {
    /// The HTTP status.
    pub fn status(&self) -> reqwest::StatusCode {
        self.status
    }

    /// The answer's headers.
    pub fn headers(&self) -> &reqwest::header::HeaderMap {
        &self.headers
    }

    /// The decoded body.
    pub fn value(&self) -> &T {
        &self.value
    }

    /// The decoded body, dropping the status and headers.
    pub fn into_value(self) -> T {
        self.value
    }
}

/// The body as text, cut to [`MAX_BODY_KEPT`] bytes at a character boundary.
pub(crate) fn kept_text(body: &[u8]) -> String {
    let text = String::from_utf8_lossy(body);
    if text.len() <= MAX_BODY_KEPT {
        return text.into_owned();
    }
    let mut end = MAX_BODY_KEPT;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    text[..end].to_owned()
}

/// Reads a list that the server may also send as a single object or `null`; the
/// `deserialize_with` of optional one-or-many fields.
pub(crate) fn option_one_or_many<'de, D, T>(deserializer: D) -> Result<Option<Vec<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<OneOrMany<T>>::deserialize(deserializer).map(|found| found.map(|list| list.0))
}

/// The `deserialize_with` of required one-or-many fields.
#[allow(dead_code)] // Only specs with a required one-or-many property use it.
pub(crate) fn one_or_many<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    OneOrMany::deserialize(deserializer).map(|list| list.0)
}

/// A list read from either a JSON array or a single JSON object.
struct OneOrMany<T>(Vec<T>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for OneOrMany<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ListOrObject<T>(std::marker::PhantomData<T>);

        impl<'de, T: Deserialize<'de>> Visitor<'de> for ListOrObject<T> {
            type Value = OneOrMany<T>;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an array, or a single item")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(1024));
                while let Some(item) = seq.next_element()? {
                    items.push(item);
                }
                Ok(OneOrMany(items))
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map))
                    .map(|item| OneOrMany(vec![item]))
            }

            // A single scalar item stands for a list of one, like a single object.
            fn visit_str<E: de::Error>(self, value: &str) -> Result<Self::Value, E> {
                one(de::value::StrDeserializer::new(value))
            }

            fn visit_string<E: de::Error>(self, value: String) -> Result<Self::Value, E> {
                one(de::value::StringDeserializer::new(value))
            }

            fn visit_bool<E: de::Error>(self, value: bool) -> Result<Self::Value, E> {
                one(de::value::BoolDeserializer::new(value))
            }

            fn visit_i64<E: de::Error>(self, value: i64) -> Result<Self::Value, E> {
                one(de::value::I64Deserializer::new(value))
            }

            fn visit_u64<E: de::Error>(self, value: u64) -> Result<Self::Value, E> {
                one(de::value::U64Deserializer::new(value))
            }

            fn visit_f64<E: de::Error>(self, value: f64) -> Result<Self::Value, E> {
                one(de::value::F64Deserializer::new(value))
            }
        }

        fn one<'de, T: Deserialize<'de>, D: Deserializer<'de>>(
            item: D,
        ) -> Result<OneOrMany<T>, D::Error> {
            T::deserialize(item).map(|item| OneOrMany(vec![item]))
        }

        deserializer.deserialize_any(ListOrObject(std::marker::PhantomData))
    }
}

/// Reads an optional nullable field: absent stays `None` (through `default`), `null`
/// is `Some(None)`.
pub(crate) fn double_option<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// A value that breaks a constraint of the spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// Where, as a path from the request body (`.projectgoal.display_name`).
    pub field: String,
    /// What is wrong.
    pub problem: String,
}

impl Violation {
    pub(crate) fn new(field: &str, problem: String) -> Self {
        Self {
            field: field.to_owned(),
            problem,
        }
    }
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "`{}` {}", self.field, self.problem)
    }
}

/// The constraints of a type, checked before a request is sent.
pub(crate) trait Validate {
    /// Adds every violation found in `self`, which stands at `path`, to `found`.
    fn validate_at(&self, path: &str, found: &mut Vec<Violation>);
}

/// Checks a request body; nothing is sent when it breaks the spec's constraints.
pub(crate) fn validate_body<T: Validate>(operation: &'static str, body: &T) -> Result<(), Error> {
    let mut violations = Vec::new();
    body.validate_at("", &mut violations);
    if violations.is_empty() {
        Ok(())
    } else {
        Err(Error::Invalid {
            operation,
            violations,
        })
    }
}

pub(crate) fn check_length(
    path: &str,
    value: &str,
    min: Option<usize>,
    max: Option<usize>,
    found: &mut Vec<Violation>,
) {
    let length = value.chars().count();
    if min.is_some_and(|min| length < min) || max.is_some_and(|max| length > max) {
        found.push(Violation::new(
            path,
            format!("has {length} characters; {}", bounds(min, max)),
        ));
    }
}

pub(crate) fn check_items(
    path: &str,
    count: usize,
    min: Option<usize>,
    max: Option<usize>,
    found: &mut Vec<Violation>,
) {
    if min.is_some_and(|min| count < min) || max.is_some_and(|max| count > max) {
        found.push(Violation::new(
            path,
            format!("has {count} items; {}", bounds(min, max)),
        ));
    }
}

/// `min` and `max` are `(bound, exclusive)`.
pub(crate) fn check_range(
    path: &str,
    value: f64,
    min: Option<(f64, bool)>,
    max: Option<(f64, bool)>,
    found: &mut Vec<Violation>,
) {
    let below =
        min.is_some_and(|(min, exclusive)| if exclusive { value <= min } else { value < min });
    let above =
        max.is_some_and(|(max, exclusive)| if exclusive { value >= max } else { value > max });
    if below || above {
        let show = |b: Option<(f64, bool)>, word: &str, strict: &str| match b {
            Some((v, true)) => format!("{strict} {v}"),
            Some((v, false)) => format!("{word} {v}"),
            None => String::new(),
        };
        let limits: Vec<String> = [
            show(min, "at least", "more than"),
            show(max, "at most", "less than"),
        ]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect();
        found.push(Violation::new(
            path,
            format!("is {value}; the spec allows {}", limits.join(" and ")),
        ));
    }
}

fn bounds(min: Option<usize>, max: Option<usize>) -> String {
    match (min, max) {
        (Some(min), Some(max)) => format!("the spec allows {min} to {max}"),
        (Some(min), None) => format!("the spec allows at least {min}"),
        (None, Some(max)) => format!("the spec allows at most {max}"),
        (None, None) => "the spec allows any".to_owned(),
    }
}

/// A secret string (a token) that never shows in `Debug`.
#[derive(Clone, PartialEq, Eq)]
pub(crate) struct Secret(String);

impl Secret {
    pub(crate) fn new(value: String) -> Self {
        Self(value)
    }

    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Debug for Secret {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<redacted>")
    }
}
