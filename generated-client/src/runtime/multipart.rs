// @generated: generator/runtime/src/multipart.rs, the generator's client runtime, as it stands there. Do not edit: change it there and regenerate.

//! `multipart/form-data` bodies: a part per property of the body, files as bytes
//! with a file name and content type.
//!
//! A body's type is the spec's object, whose file properties (`format: binary`)
//! are [`File`]s. It is turned into parts through serde, like every other body: a
//! [`File`] serialized while parts are collected leaves a marker in the JSON value
//! and its bytes aside, so that no byte passes through JSON. The parts are kept,
//! not a `reqwest` form, because a form is consumed by sending it and every
//! attempt of a call needs its own ([`form`]).

use std::cell::RefCell;
use std::fmt;

use bytes::Bytes;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::error::RequestError;

/// The key of the marker a [`File`] leaves in the body's JSON value.
const MARKER: &str = "\u{0}client-runtime-file";

thread_local! {
    /// The files of the body being turned into parts on this thread, if any: the
    /// serializer runs synchronously, so nothing else runs here meanwhile.
    static COLLECTED: RefCell<Option<Vec<File>>> = const { RefCell::new(None) };
}

/// A file sent in a multipart body: its bytes, and the file name and content type
/// its part declares.
#[derive(Clone, PartialEq, Eq)]
pub struct File {
    bytes: Bytes,
    file_name: Option<String>,
    content_type: Option<String>,
}

impl File {
    /// A file of `bytes`, sent as `application/octet-stream` without a file name.
    pub fn new(bytes: impl Into<Bytes>) -> Self {
        Self {
            bytes: bytes.into(),
            file_name: None,
            content_type: None,
        }
    }

    /// Sets the file name its part declares.
    #[must_use]
    pub fn with_file_name(mut self, file_name: impl Into<String>) -> Self {
        self.file_name = Some(file_name.into());
        self
    }

    /// Sets the content type of its part (`image/png`).
    #[must_use]
    pub fn with_content_type(mut self, content_type: impl Into<String>) -> Self {
        self.content_type = Some(content_type.into());
        self
    }

    /// The bytes.
    pub fn bytes(&self) -> &Bytes {
        &self.bytes
    }

    /// The file name, if one was set.
    pub fn file_name(&self) -> Option<&str> {
        self.file_name.as_deref()
    }

    /// The content type, if one was set.
    pub fn content_type(&self) -> Option<&str> {
        self.content_type.as_deref()
    }
}

impl fmt::Debug for File {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("File")
            .field("len", &self.bytes.len())
            .field("file_name", &self.file_name)
            .field("content_type", &self.content_type)
            .finish()
    }
}

/// In a multipart body, the marker of a file set aside; anywhere else (a JSON
/// body whose schema says `format: binary`), the bytes as a string, which they
/// must then be UTF-8 to be.
impl Serialize for File {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeMap};
        let index = COLLECTED.with(|collected| {
            collected.borrow_mut().as_mut().map(|files| {
                files.push(self.clone());
                files.len() - 1
            })
        });
        match index {
            Some(index) => {
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry(MARKER, &index)?;
                map.end()
            }
            None => match std::str::from_utf8(&self.bytes) {
                Ok(text) => serializer.serialize_str(text),
                Err(_) => Err(S::Error::custom(
                    "a file that is not UTF-8 text can only be sent in a multipart body",
                )),
            },
        }
    }
}

/// A binary string in a JSON answer: its UTF-8 bytes.
impl<'de> Deserialize<'de> for File {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(File::new)
    }
}

/// One part of a multipart body.
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    name: String,
    value: PartValue,
}

#[derive(Debug, Clone, PartialEq)]
enum PartValue {
    /// A string, number or boolean, as text.
    Text(String),
    /// An object or an array of them, as `application/json`.
    Json(String),
    /// A file.
    File(File),
}

/// The parts of `body`: a property a part (an array of files or scalars a part
/// per item, the way forms repeat a key), `null` and absent ones left out.
pub fn parts<T: Serialize>(operation: &'static str, body: &T) -> Result<Vec<Part>, RequestError> {
    let fail = |message: String| RequestError::Serialize { operation, message };
    let (value, files) = collect_files(|| serde_json::to_value(body));
    let value = value.map_err(|e| fail(e.to_string()))?;
    let serde_json::Value::Object(fields) = value else {
        return Err(fail("a multipart body must be an object".to_owned()));
    };
    let mut parts = Vec::new();
    for (name, value) in fields {
        let items = match value {
            serde_json::Value::Array(items)
                if items.iter().all(|i| marker(i).is_some() || is_scalar(i)) =>
            {
                items
            }
            other => vec![other],
        };
        for item in items {
            if let Some(value) = part_value(item, &files) {
                parts.push(Part {
                    name: name.clone(),
                    value,
                });
            }
        }
    }
    Ok(parts)
}

/// Runs `serialize` with files set aside, and returns them with its result.
fn collect_files<R>(serialize: impl FnOnce() -> R) -> (R, Vec<File>) {
    /// Stops collecting even when `serialize` panics.
    struct Stop;
    impl Drop for Stop {
        fn drop(&mut self) {
            COLLECTED.with(|collected| collected.borrow_mut().take());
        }
    }
    COLLECTED.with(|collected| *collected.borrow_mut() = Some(Vec::new()));
    let stop = Stop;
    let result = serialize();
    let files = COLLECTED.with(|collected| collected.borrow_mut().take().unwrap_or_default());
    drop(stop);
    (result, files)
}

fn is_scalar(value: &serde_json::Value) -> bool {
    !value.is_array() && !value.is_object()
}

/// The index of the file a marker stands for.
fn marker(value: &serde_json::Value) -> Option<usize> {
    let fields = value.as_object().filter(|fields| fields.len() == 1)?;
    let index = fields.get(MARKER)?.as_u64()?;
    usize::try_from(index).ok()
}

fn part_value(value: serde_json::Value, files: &[File]) -> Option<PartValue> {
    if let Some(file) = marker(&value).and_then(|index| files.get(index)) {
        return Some(PartValue::File(file.clone()));
    }
    Some(match value {
        serde_json::Value::Null => return None,
        serde_json::Value::String(text) => PartValue::Text(text),
        serde_json::Value::Bool(_) | serde_json::Value::Number(_) => {
            PartValue::Text(value.to_string())
        }
        other => PartValue::Json(other.to_string()),
    })
}

/// A `reqwest` form of `parts`, for one attempt.
pub fn form(parts: &[Part]) -> Result<reqwest::multipart::Form, String> {
    let mut form = reqwest::multipart::Form::new();
    for part in parts {
        let built = match &part.value {
            PartValue::Text(text) => reqwest::multipart::Part::text(text.clone()),
            PartValue::Json(json) => reqwest::multipart::Part::text(json.clone())
                .mime_str("application/json")
                .map_err(|e| e.to_string())?,
            PartValue::File(file) => {
                let length = u64::try_from(file.bytes.len()).unwrap_or(u64::MAX);
                let body = reqwest::Body::from(file.bytes.clone());
                let mut built = reqwest::multipart::Part::stream_with_length(body, length);
                if let Some(name) = &file.file_name {
                    built = built.file_name(name.clone());
                }
                built
                    .mime_str(
                        file.content_type
                            .as_deref()
                            .unwrap_or("application/octet-stream"),
                    )
                    .map_err(|e| format!("the content type of the part `{}`: {e}", part.name))?
            }
        };
        form = form.part(part.name.clone(), built);
    }
    Ok(form)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Serialize)]
    struct Upload {
        purpose: String,
        count: Option<u32>,
        skipped: Option<u32>,
        file: File,
        more: Vec<File>,
        tags: Vec<String>,
        meta: serde_json::Value,
    }

    fn upload() -> Upload {
        Upload {
            purpose: "fine-tune".to_owned(),
            count: Some(2),
            skipped: None,
            file: File::new(vec![0xff, 0x00]).with_file_name("a.bin"),
            more: vec![File::new("x"), File::new("y")],
            tags: vec!["a".to_owned(), "b".to_owned()],
            meta: serde_json::json!({"k": [1]}),
        }
    }

    #[test]
    fn a_property_is_a_part_and_files_keep_their_bytes() {
        let parts = parts("op", &upload()).unwrap_or_default();
        let named: Vec<(&str, &PartValue)> =
            parts.iter().map(|p| (p.name.as_str(), &p.value)).collect();
        let file = |bytes: &'static [u8]| PartValue::File(File::new(bytes));
        assert_eq!(
            named,
            [
                ("count", &PartValue::Text("2".to_owned())),
                (
                    "file",
                    &PartValue::File(File::new(vec![0xff, 0x00]).with_file_name("a.bin"))
                ),
                ("meta", &PartValue::Json(r#"{"k":[1]}"#.to_owned())),
                ("more", &file(b"x")),
                ("more", &file(b"y")),
                ("purpose", &PartValue::Text("fine-tune".to_owned())),
                ("tags", &PartValue::Text("a".to_owned())),
                ("tags", &PartValue::Text("b".to_owned())),
            ]
        );
        assert!(parts.iter().all(|p| p.name != "skipped"));
    }

    #[test]
    fn collecting_ends_with_the_body_and_a_file_elsewhere_is_text() {
        assert!(parts("op", &upload()).is_ok());
        assert_eq!(
            serde_json::to_value(File::new("plain")).ok(),
            Some(serde_json::json!("plain"))
        );
        assert!(serde_json::to_value(File::new(vec![0xff])).is_err());
        assert!(parts("op", &serde_json::json!([1])).is_err());
    }

    #[test]
    fn a_file_debugs_as_its_length() {
        let shown = format!("{:?}", File::new(vec![7; 4]).with_content_type("image/png"));
        assert_eq!(
            shown,
            r#"File { len: 4, file_name: None, content_type: Some("image/png") }"#
        );
    }

    #[test]
    fn a_form_is_built_for_each_attempt() {
        let parts = parts("op", &upload()).unwrap_or_default();
        assert!(form(&parts).is_ok());
        assert!(form(&parts).is_ok(), "the parts are still there");
        let bad = vec![Part {
            name: "f".to_owned(),
            value: PartValue::File(File::new("x").with_content_type("not a type")),
        }];
        assert!(form(&bad).is_err());
    }
}
