//! Stage 1: read the YAML text into an `openapiv3::OpenAPI`, keeping a map of where
//! each node stands in the file for later diagnostics. A 3.1 document is rewritten
//! into its 3.0 equivalent first (module `openapi31`), node for node, so that map still
//! locates every pointer.

mod numbers;
mod openapi31;
mod source_map;

pub use openapi31::Webhook;
pub use source_map::SourceMap;

use openapiv3::OpenAPI;

use crate::diagnostics::{Diagnostic, pointer};

/// A parsed spec, and its text for locating problems.
#[derive(Debug)]
pub struct LoadedSpec {
    /// The document.
    pub api: OpenAPI,
    /// The document as plain JSON, for what `openapiv3` does not keep (such as a
    /// `description` beside a `$ref`); `Null` when it does not convert.
    pub raw: serde_json::Value,
    /// What was read other than as written (integer bounds beyond 64 bits, 3.1
    /// forms without a 3.0 equivalent).
    pub warnings: Vec<Diagnostic>,
    /// A 3.1 document's webhooks, which the crate documents but does not generate.
    pub webhooks: Vec<Webhook>,
    /// The YAML text, walked again only when a problem needs its line.
    text: String,
}

impl LoadedSpec {
    /// Fills in the line and column of every diagnostic that lacks one.
    pub fn place(&self, diagnostics: &mut [Diagnostic]) {
        place(&self.text, diagnostics);
    }
}

/// Locates diagnostics in `text`; the source map is built only when one needs it,
/// since a spec without problems never does.
fn place(text: &str, diagnostics: &mut [Diagnostic]) {
    if diagnostics.iter().any(|d| d.location.is_none()) {
        if let Ok(source) = SourceMap::build(text) {
            source.place(diagnostics);
        }
    }
}

/// Parses `text` as an OpenAPI 3.0 or 3.1 document: the YAML is read once, then
/// checked for its version, a 3.1 document translated to 3.0, then deserialized into
/// `openapiv3`'s types.
pub fn load(text: &str) -> Result<LoadedSpec, Vec<Diagnostic>> {
    // A UTF-8 byte-order mark is not part of the document: left in, YAML reads it as
    // content and every line:column of the source map is lost.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let fail = |mut problems: Vec<Diagnostic>| {
        place(text, &mut problems);
        Err(problems)
    };
    let mut value = match read_value(text) {
        Ok(value) => value,
        Err(problem) => return fail(vec![problem]),
    };
    let version = match check_version(&value) {
        Ok(version) => version,
        Err(problems) => return fail(problems),
    };
    let translated = match version {
        Version::V3_0 => openapi31::Translated::default(),
        Version::V3_1 => openapi31::translate(&mut value),
    };
    let mut warnings = translated.warnings;
    warnings.extend(numbers::clamp_integer_bounds(&mut value));
    let raw = serde_json::to_value(&value).unwrap_or_default();
    match parse(value) {
        Ok(api) => Ok(LoadedSpec {
            api,
            raw,
            warnings,
            webhooks: translated.webhooks,
            text: text.to_owned(),
        }),
        Err(problem) => fail(vec![problem]),
    }
}

/// The document as a YAML value. A JSON document is read as JSON: it is YAML too,
/// but YAML parsers refuse some of JSON's string escapes (the surrogate pairs of
/// `"\ud83d\ude00"`), which real JSON documents use.
fn read_value(text: &str) -> Result<serde_yaml::Value, Diagnostic> {
    if text.trim_start().starts_with('{') {
        let json: serde_json::Value = serde_json::from_str(text).map_err(|error| {
            let mut diagnostic = Diagnostic::new(
                "E0001",
                "#",
                format!(
                    "the file is not valid JSON: {}",
                    strip_position(&error.to_string())
                ),
            )
            .with_hint("fix the JSON syntax at the line shown");
            diagnostic.location = Some(crate::diagnostics::Location {
                line: error.line(),
                column: error.column(),
            });
            diagnostic
        })?;
        return serde_yaml::to_value(json).map_err(|error| yaml_error(&error));
    }
    serde_yaml::from_str(text)
        .map(|numbers::Lenient(value)| value)
        .map_err(|error| yaml_error(&error))
}

/// The OpenAPI versions read: 3.1 documents are translated to 3.0 first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Version {
    V3_0,
    V3_1,
}

/// Rejects anything but OpenAPI 3.0.x and 3.1.x before the typed parse, whose
/// errors for a Swagger 2.0 file would be confusing.
fn check_version(value: &serde_yaml::Value) -> Result<Version, Vec<Diagnostic>> {
    let version = value.get("openapi").and_then(version_text);
    let problem = match version.as_deref() {
        Some(v) if v.starts_with("3.0.") || v == "3.0" => return Ok(Version::V3_0),
        Some(v) if v.starts_with("3.1.") || v == "3.1" => return Ok(Version::V3_1),
        Some(v) => Diagnostic::new(
            "E0002",
            "#/openapi",
            format!("OpenAPI {v} is not supported"),
        )
        .with_hint("this generator reads OpenAPI 3.0.x and 3.1.x; set `openapi: 3.1.1` or `3.0.3` and use that version's syntax"),
        None if value.get("openapi").is_some() => Diagnostic::new(
            "E0002",
            "#/openapi",
            "the `openapi` field is not a version string",
        )
        .with_hint("write it as `openapi: 3.1.1` or `openapi: 3.0.3`"),
        None if value.get("swagger").is_some() => Diagnostic::new(
            "E0002",
            "#/swagger",
            "Swagger 2.0 documents are not supported",
        )
        .with_hint("convert the document to OpenAPI 3.0 or 3.1 first"),
        None => Diagnostic::new("E0002", "#", "the document has no `openapi` version field")
            .with_hint("add `openapi: 3.1.1` (or `3.0.3`) at the top level"),
    };
    Err(vec![problem])
}

fn version_text(value: &serde_yaml::Value) -> Option<String> {
    match value {
        serde_yaml::Value::String(s) => Some(s.clone()),
        serde_yaml::Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn parse(value: serde_yaml::Value) -> Result<OpenAPI, Diagnostic> {
    serde_path_to_error::deserialize(value).map_err(|error| {
        let tokens: Vec<String> = error.path().iter().filter_map(segment_token).collect();
        let mut diagnostic = yaml_error(error.inner());
        diagnostic.code = "E0003";
        diagnostic.pointer = pointer(&tokens);
        diagnostic.message = format!(
            "the document does not match the OpenAPI 3.0 schema: {}",
            strip_position(&error.inner().to_string())
        );
        diagnostic.with_hint("compare this node with the OpenAPI 3.0.3 specification")
    })
}

fn segment_token(segment: &serde_path_to_error::Segment) -> Option<String> {
    use serde_path_to_error::Segment;
    match segment {
        Segment::Seq { index } => Some(index.to_string()),
        Segment::Map { key } => Some(key.clone()),
        Segment::Enum { variant } => Some(variant.clone()),
        Segment::Unknown => None,
    }
}

fn yaml_error(error: &serde_yaml::Error) -> Diagnostic {
    let mut diagnostic = Diagnostic::new(
        "E0001",
        "#",
        format!(
            "the file is not valid YAML: {}",
            strip_position(&error.to_string())
        ),
    );
    diagnostic.location = error.location().map(|l| crate::diagnostics::Location {
        line: l.line(),
        column: l.column(),
    });
    diagnostic.with_hint("fix the YAML syntax at the line shown")
}

/// serde_yaml appends " at line L column C" to its messages; the diagnostic shows the
/// position on its own line, so it is dropped from the text.
fn strip_position(message: &str) -> String {
    match message.find(" at line ") {
        Some(at) => message[..at].to_owned(),
        None => message.to_owned(),
    }
}
