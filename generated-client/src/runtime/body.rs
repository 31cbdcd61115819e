// @generated: generator/runtime/src/body.rs, the generator's client runtime, as it stands there. Do not edit: change it there and regenerate.

//! Bodies: requests written as JSON, answers decoded into the spec's types, and the
//! tolerant readers generated types use for their fields.

use serde::de::{self, DeserializeOwned, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};

pub use bytes::Bytes;

use super::dispatch::{Payload, RawResponse};
use super::error::{Error, RequestError, kept_text};

/// A text body (`text/plain`, XML), sent as given with `content_type`.
pub fn text(content_type: &'static str, body: impl Into<String>) -> Payload {
    Payload::Bytes {
        content_type,
        bytes: Bytes::from(body.into()),
    }
}

/// A body of bytes (`application/octet-stream`, an image), sent as given with
/// `content_type`.
pub fn bytes(content_type: &'static str, body: impl Into<Bytes>) -> Payload {
    Payload::Bytes {
        content_type,
        bytes: body.into(),
    }
}

/// Writes a request body as `multipart/form-data`: a part per property, files
/// ([`super::multipart::File`]) with their bytes, file name and content type.
pub fn to_multipart<T: Serialize>(
    operation: &'static str,
    body: &T,
) -> Result<Payload, RequestError> {
    super::multipart::parts(operation, body).map(Payload::Multipart)
}

/// Writes a request body as JSON.
pub fn to_json<T: Serialize>(operation: &'static str, body: &T) -> Result<Payload, RequestError> {
    serde_json::to_vec(body)
        .map(|bytes| Payload::Bytes {
            content_type: "application/json",
            bytes: bytes.into(),
        })
        .map_err(|e| serialize_failed(operation, &e))
}

/// Writes a request body as a form (`application/x-www-form-urlencoded`): each
/// property a `key=value` pair, an array as the key repeated (OpenAPI's default for
/// forms), a nested object as `key[inner]` and an array of objects as `key[0][inner]`
/// (the `deepObject` style APIs with nested forms use); `null` and absent values
/// are left out.
pub fn to_form<T: Serialize>(operation: &'static str, body: &T) -> Result<Payload, RequestError> {
    let value = serde_json::to_value(body).map_err(|e| serialize_failed(operation, &e))?;
    let serde_json::Value::Object(fields) = value else {
        return Err(RequestError::Serialize {
            operation,
            message: "a form body must be an object".to_owned(),
        });
    };
    let mut pairs = Vec::new();
    for (key, value) in &fields {
        form_pairs(key, value, true, &mut pairs);
    }
    Ok(Payload::Bytes {
        content_type: "application/x-www-form-urlencoded",
        bytes: bytes::Bytes::from(form_encode(&pairs)),
    })
}

/// `pairs` as `application/x-www-form-urlencoded` writes them (`a=1&b=x+y`), by the
/// URL standard's serializer.
pub(crate) fn form_encode(pairs: &[(String, String)]) -> String {
    match reqwest::Url::parse("form:") {
        Ok(mut url) => {
            url.query_pairs_mut().extend_pairs(pairs);
            url.query().unwrap_or_default().to_owned()
        }
        // A constant URL that parses; nothing to encode into otherwise.
        Err(_) => String::new(),
    }
}

fn serialize_failed(operation: &'static str, error: &dyn std::fmt::Display) -> RequestError {
    RequestError::Serialize {
        operation,
        message: error.to_string(),
    }
}

/// The pairs of `value` under `key`; `top` is whether it is a property of the body
/// itself, whose arrays of scalars repeat the key.
pub(crate) fn form_pairs(
    key: &str,
    value: &serde_json::Value,
    top: bool,
    out: &mut Vec<(String, String)>,
) {
    use serde_json::Value;
    match value {
        Value::Null => {}
        Value::String(text) => out.push((key.to_owned(), text.clone())),
        Value::Bool(_) | Value::Number(_) => out.push((key.to_owned(), value.to_string())),
        Value::Array(items) if top && items.iter().all(|i| !i.is_object() && !i.is_array()) => {
            for item in items {
                form_pairs(key, item, false, out);
            }
        }
        Value::Array(items) => {
            for (index, item) in items.iter().enumerate() {
                form_pairs(&format!("{key}[{index}]"), item, false, out);
            }
        }
        Value::Object(fields) => {
            for (inner, item) in fields {
                form_pairs(&format!("{key}[{inner}]"), item, false, out);
            }
        }
    }
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

    /// The same answer with its value turned into another.
    pub fn map<U>(self, turn: impl FnOnce(T) -> U) -> Response<U> {
        Response {
            status: self.status,
            headers: self.headers,
            value: turn(self.value),
        }
    }
}

/// Decodes a successful answer; a failure names the field (a serde path) and keeps
/// the start of the body. `failure` then says whether the body reports a failure
/// of its own.
pub fn decode_answer<T: DeserializeOwned, B>(
    operation: &'static str,
    answer: RawResponse,
    failure: fn(&T) -> Option<String>,
) -> Result<Response<T>, Error<B>> {
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

/// Decodes a successful answer that may have no body (the spec lists a 2xx with
/// one and a 2xx without): `None` for an empty body, else as [`decode_answer`].
pub fn decode_optional_answer<T: DeserializeOwned, B>(
    operation: &'static str,
    answer: RawResponse,
    failure: fn(&T) -> Option<String>,
) -> Result<Response<Option<T>>, Error<B>> {
    if answer.body.iter().all(u8::is_ascii_whitespace) {
        return Ok(Response {
            status: answer.status,
            headers: answer.headers,
            value: None,
        });
    }
    let found = decode_answer(operation, answer, failure)?;
    Ok(Response {
        status: found.status,
        headers: found.headers,
        value: Some(found.value),
    })
}

/// A successful text answer (`text/*`, XML); one that is not UTF-8 is a
/// [`Error::Decode`].
pub fn text_answer<B>(
    operation: &'static str,
    answer: RawResponse,
) -> Result<Response<String>, Error<B>> {
    match std::str::from_utf8(&answer.body) {
        Ok(text) => Ok(Response {
            status: answer.status,
            headers: answer.headers,
            value: text.to_owned(),
        }),
        Err(error) => Err(Error::Decode {
            operation,
            status: answer.status.as_u16(),
            path: ".".to_owned(),
            message: format!("the answer is not UTF-8 text: {error}"),
            body: kept_text(&answer.body),
        }),
    }
}

/// A successful answer of bytes (`application/octet-stream`, an image), as sent.
pub fn bytes_answer<B>(answer: RawResponse) -> Result<Response<Bytes>, Error<B>> {
    Ok(Response {
        status: answer.status,
        headers: answer.headers,
        value: answer.body,
    })
}

/// A successful answer whose body the spec does not describe.
pub fn empty_answer<B>(answer: RawResponse) -> Result<Response<()>, Error<B>> {
    Ok(Response {
        status: answer.status,
        headers: answer.headers,
        value: (),
    })
}

/// For answers that cannot report a failure in their body.
pub fn never_failed<T>(_: &T) -> Option<String> {
    None
}

/// Whether `value` displays as one of `expected`: an envelope's status checked on
/// every answer, compared as it is written out rather than copied into a string.
pub fn displays_as_one_of(value: &dyn std::fmt::Display, expected: &[&str]) -> bool {
    expected.iter().any(|want| {
        let mut left = Unwritten { rest: want };
        std::fmt::write(&mut left, format_args!("{value}")).is_ok() && left.rest.is_empty()
    })
}

/// What is left of an expected text while a value is written against it; a
/// write that does not continue it fails.
struct Unwritten<'a> {
    rest: &'a str,
}

impl std::fmt::Write for Unwritten<'_> {
    fn write_str(&mut self, piece: &str) -> std::fmt::Result {
        self.rest = self.rest.strip_prefix(piece).ok_or(std::fmt::Error)?;
        Ok(())
    }
}

/// Reads a list that the server may also send as a single item or `null`; the
/// `deserialize_with` of optional one-or-many fields.
pub fn option_one_or_many<'de, D, T>(deserializer: D) -> Result<Option<Vec<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<OneOrMany<T>>::deserialize(deserializer).map(|found| found.map(|list| list.0))
}

/// The `deserialize_with` of required one-or-many fields.
pub fn one_or_many<'de, D, T>(deserializer: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    OneOrMany::deserialize(deserializer).map(|list| list.0)
}

/// Reads an optional nullable field: absent stays `None` (through `default`), `null`
/// is `Some(None)`.
pub fn double_option<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Deserialize, PartialEq)]
    struct Holder {
        #[serde(default, deserialize_with = "option_one_or_many")]
        items: Option<Vec<u32>>,
        #[serde(default, deserialize_with = "double_option")]
        nullable: Option<Option<u32>>,
    }

    fn read(json: &str) -> Holder {
        // A value no input gives, so that a failed parse fails every assertion.
        serde_json::from_str(json).unwrap_or(Holder {
            items: Some(vec![u32::MAX]),
            nullable: Some(Some(u32::MAX)),
        })
    }

    #[test]
    fn one_or_many_reads_lists_single_items_and_null() {
        assert_eq!(read(r#"{"items": [1, 2]}"#).items, Some(vec![1, 2]));
        assert_eq!(read(r#"{"items": 7}"#).items, Some(vec![7]));
        assert_eq!(read(r#"{"items": null}"#).items, None);
        assert_eq!(read("{}").items, None);
    }

    #[test]
    fn forms_repeat_array_keys_and_nest_objects_in_brackets() {
        let body = serde_json::json!({
            "Name": "a b&c",
            "Tags": ["x", "y"],
            "Count": 3,
            "Skip": null,
            "metadata": {"order": "7"},
            "items": [{"price": "p_1"}],
        });
        let (kind, bytes) = to_form("op", &body).map(sent).unwrap_or_default();
        assert_eq!(kind, "application/x-www-form-urlencoded");
        // The order of the keys is serde_json's map's; what counts is the pairs.
        let text = String::from_utf8_lossy(&bytes).into_owned();
        let mut pairs: Vec<&str> = text.split('&').collect();
        pairs.sort_unstable();
        assert_eq!(
            pairs,
            [
                "Count=3",
                "Name=a+b%26c",
                "Tags=x",
                "Tags=y",
                "items%5B0%5D%5Bprice%5D=p_1",
                "metadata%5Border%5D=7"
            ]
        );
        assert!(to_form("op", &serde_json::json!([1])).is_err());
    }

    /// The content type and bytes of a payload that is bytes; none for multipart.
    fn sent(payload: Payload) -> (&'static str, Vec<u8>) {
        match payload {
            Payload::Bytes {
                content_type,
                bytes,
            } => (content_type, bytes.to_vec()),
            Payload::Multipart(_) => ("multipart", Vec::new()),
        }
    }

    fn answer(body: &'static [u8]) -> RawResponse {
        RawResponse {
            status: reqwest::StatusCode::OK,
            headers: reqwest::header::HeaderMap::new(),
            body: Bytes::from_static(body),
        }
    }

    #[test]
    fn an_optional_answer_is_none_when_empty_and_decoded_otherwise() {
        let read = |body| {
            decode_optional_answer::<u32, ()>("op", answer(body), never_failed)
                .map(Response::into_value)
        };
        assert_eq!(read(b"").ok(), Some(None));
        assert_eq!(read(b" \r\n").ok(), Some(None));
        assert_eq!(read(b"7").ok(), Some(Some(7)));
        assert!(matches!(read(b"x"), Err(Error::Decode { .. })));
    }

    #[test]
    fn text_answers_must_be_utf8_and_bytes_come_as_sent() {
        let read = text_answer::<()>("op", answer("café".as_bytes())).map(Response::into_value);
        assert_eq!(read.ok().as_deref(), Some("café"));
        let bad = text_answer::<()>("op", answer(b"\xff\xfe"));
        assert!(
            matches!(&bad, Err(Error::Decode { message, .. }) if message.contains("not UTF-8")),
            "{bad:?}"
        );
        let raw = bytes_answer::<()>(answer(b"\xff\x00")).map(Response::into_value);
        assert_eq!(raw.ok().as_deref(), Some(&b"\xff\x00"[..]));
        assert_eq!(
            sent(bytes("image/png", vec![1, 2])),
            ("image/png", vec![1, 2])
        );
        assert_eq!(
            sent(text("text/plain", "hi")),
            ("text/plain", b"hi".to_vec())
        );
    }

    #[test]
    fn double_option_keeps_absent_apart_from_null() {
        assert_eq!(read("{}").nullable, None);
        assert_eq!(read(r#"{"nullable": null}"#).nullable, Some(None));
        assert_eq!(read(r#"{"nullable": 3}"#).nullable, Some(Some(3)));
    }

    #[test]
    fn a_value_is_compared_as_it_displays() {
        assert!(displays_as_one_of(&10000, &["10000"]));
        assert!(displays_as_one_of(&"ok", &["no", "ok"]));
        assert!(!displays_as_one_of(&1000, &["10000"]));
        assert!(!displays_as_one_of(&100000, &["10000"]));
        assert!(!displays_as_one_of(&"ok", &[]));
        assert!(displays_as_one_of(&"", &[""]));
    }
}
