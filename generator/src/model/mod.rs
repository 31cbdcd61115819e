//! Stage 2: the generator's own model of an API, lowered from the OpenAPI document.
//!
//! Emission reads only this model, never the raw spec, so every decision about names,
//! types and supported constructs is made once, here, with diagnostics for what does
//! not fit. Every wire name is kept beside its Rust name.

mod combine;
mod constraints;
mod envelope;
mod infer;
mod lower;
mod media;
mod operations;
mod recursion;
mod schema;
mod server;

pub use constraints::Constraints;
pub use lower::{Lowered, lower, lower_with};

/// Documentation lines taken from a spec's `summary` and `description`.
pub type Docs = Vec<String>;

/// Everything the emitter needs to write a client crate.
#[derive(Debug, Clone)]
pub struct Api {
    /// `info.title`.
    pub title: String,
    /// `info.version`.
    pub version: String,
    /// `info.description`, as lines.
    pub docs: Docs,
    /// The base URL and, where the spec offers a choice, the choice of hosts.
    pub server: Server,
    /// The security schemes the operations name that a client can send, in name
    /// order; an operation's [`Operation::security`] holds indices into it.
    pub schemes: Vec<Auth>,
    /// Named types, in spec order; an inline type comes just before the type that
    /// holds it.
    pub types: Vec<TypeDef>,
    /// Operations, in spec order.
    pub operations: Vec<Operation>,
    /// The body type of error answers, when every operation shares one.
    pub error_body: Option<TypeRef>,
    /// A 3.1 document's webhooks: requests the API sends, listed in the crate's
    /// README, not generated.
    pub webhooks: Vec<crate::load::Webhook>,
}

impl Api {
    /// The names of the types whose answers can report failure in their body
    /// (`x-envelope`).
    pub fn envelope_types(&self) -> Vec<&str> {
        self.types
            .iter()
            .filter_map(|t| match t {
                TypeDef::Struct(s) if s.envelope.is_some() => Some(s.name.as_str()),
                _ => None,
            })
            .collect()
    }

    /// The spec's one security scheme, when it has exactly one.
    pub fn single_scheme(&self) -> Option<&Auth> {
        match self.schemes.as_slice() {
            [only] => Some(only),
            _ => None,
        }
    }

    /// Whether every operation needs a credential: a client given none could make
    /// no call.
    pub fn every_call_authenticates(&self) -> bool {
        !self.schemes.is_empty()
            && self.operations.iter().all(|op| {
                op.security
                    .iter()
                    .all(|alternative| !alternative.is_empty())
            })
    }
}

/// The API's base URL.
#[derive(Debug, Clone)]
pub struct Server {
    /// The URL with every variable at its default; `None` when the spec gives no
    /// absolute one, and the client's builder needs a base URL.
    pub default_url: Option<String>,
    /// `servers[0].description`.
    pub docs: Docs,
    /// The variable offering a choice of hosts, when there is exactly one with an `enum`.
    pub choice: Option<ServerChoice>,
}

/// A server variable whose `enum` lists the hosts a client may choose from.
#[derive(Debug, Clone)]
pub struct ServerChoice {
    /// Rust name of the enum type, from the variable's name.
    pub type_name: String,
    /// The variable's description.
    pub docs: Docs,
    /// The options, in spec order.
    pub options: Vec<ServerOption>,
    /// Index of the default option.
    pub default: usize,
}

/// One value of a server variable.
#[derive(Debug, Clone)]
pub struct ServerOption {
    /// The value as the spec gives it (`zoho.eu`).
    pub value: String,
    /// Variant name, from `x-enum-varnames` or the value.
    pub rust_name: String,
    /// The label as the spec gives it (`EU`).
    pub label: String,
    /// From `x-enum-descriptions`.
    pub docs: Docs,
    /// The base URL with this value substituted.
    pub url: String,
    /// The OAuth server of this option, from `x-accounts-servers`.
    pub accounts_server: Option<String>,
}

/// A security scheme: where its credential goes, and what it is.
#[derive(Debug, Clone)]
pub struct Auth {
    /// Its name under `components.securitySchemes`.
    pub name: String,
    /// Its name in Rust, unique among the schemes: the prefix of its builder
    /// methods when the spec has several.
    pub rust_name: String,
    /// Where the token goes, or HTTP basic credentials.
    pub place: AuthPlace,
    /// Text sent before the token, from `x-token-prefix` (`Zoho-oauthtoken`), or
    /// `Bearer`.
    pub prefix: Option<String>,
    /// The refresh-token endpoint, from `x-refresh-token-url`; may hold
    /// `{accounts_server}`, filled from the server choice's `x-accounts-servers`.
    pub refresh_url: Option<String>,
    /// The scheme's description.
    pub docs: Docs,
}

/// Where a credential goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AuthPlace {
    /// A token in this header.
    Header(String),
    /// A token in this query parameter.
    Query(String),
    /// A token in this cookie.
    Cookie(String),
    /// `Authorization: Basic` with a user name and password.
    Basic,
}

impl Auth {
    /// How the credential shows on the wire, for docs: `Authorization: Bearer <token>`.
    pub fn sent_as(&self) -> String {
        let token = match &self.prefix {
            Some(prefix) => format!("{prefix} <token>"),
            None => "<token>".to_owned(),
        };
        match &self.place {
            AuthPlace::Header(name) => format!("{name}: {token}"),
            AuthPlace::Query(name) => format!("?{name}=<token>"),
            AuthPlace::Cookie(name) => format!("Cookie: {name}=<token>"),
            AuthPlace::Basic => "Authorization: Basic <user:password in base64>".to_owned(),
        }
    }

    /// Whether the credential is a token (not basic credentials).
    pub fn is_token(&self) -> bool {
        self.place != AuthPlace::Basic
    }
}

/// A type the generated crate defines.
#[derive(Debug, Clone)]
pub enum TypeDef {
    /// An object schema.
    Struct(StructDef),
    /// An integer schema with an `enum`.
    IntEnum(EnumDef<i64>),
    /// A string schema with an `enum`.
    StringEnum(EnumDef<String>),
    /// A `oneOf`/`anyOf` without a discriminator: the first variant that fits.
    Untagged(UntaggedDef),
    /// A `oneOf`/`anyOf` with a discriminator: the variant its tag names.
    Tagged(TaggedDef),
    /// A named schema that is just another type (`type: array`, `type: string`, …).
    Alias(AliasDef),
}

impl TypeDef {
    /// Every type it holds directly: fields, variants, an alias's target.
    pub fn held(&self) -> Vec<&TypeRef> {
        match self {
            TypeDef::Struct(s) => s.fields.iter().map(|f| &f.ty).collect(),
            TypeDef::IntEnum(_) | TypeDef::StringEnum(_) => Vec::new(),
            TypeDef::Untagged(u) => u.variants.iter().map(|(_, ty)| ty).collect(),
            TypeDef::Tagged(t) => t.variants.iter().map(|(_, _, ty)| ty).collect(),
            TypeDef::Alias(a) => vec![&a.target],
        }
    }

    /// The Rust name of the type.
    pub fn name(&self) -> &str {
        match self {
            TypeDef::Struct(s) => &s.name,
            TypeDef::IntEnum(e) => &e.name,
            TypeDef::StringEnum(e) => &e.name,
            TypeDef::Untagged(u) => &u.name,
            TypeDef::Tagged(t) => &t.name,
            TypeDef::Alias(a) => &a.name,
        }
    }
}

/// An object schema.
#[derive(Debug, Clone)]
pub struct StructDef {
    /// Rust name.
    pub name: String,
    /// Doc lines.
    pub docs: Docs,
    /// Properties, in spec order.
    pub fields: Vec<Field>,
    /// Rust name of the map that keeps properties the spec does not list, unless the
    /// schema says `additionalProperties: false`.
    pub extra_field: Option<String>,
    /// How an answer of this type reports failure in its body, from `x-envelope`.
    pub envelope: Option<Box<Envelope>>,
}

/// From `x-envelope`: the fields by which a 2xx answer says it failed.
#[derive(Debug, Clone)]
pub struct Envelope {
    /// The status field and the values that mean success.
    pub status: Option<(Field, Vec<String>)>,
    /// The list field, and the boolean flag of its items.
    pub items: Option<(Field, Field)>,
}

/// One property of an object schema.
#[derive(Debug, Clone)]
pub struct Field {
    /// Name on the wire.
    pub wire_name: String,
    /// Rust name (may be raw, `r#type`).
    pub rust_name: String,
    /// Type of the value.
    pub ty: TypeRef,
    /// Listed in `required`.
    pub required: bool,
    /// `nullable: true`: an optional nullable field keeps "absent" apart from `null`.
    pub nullable: bool,
    /// Held in a `Box`, because the type contains itself through this field.
    pub boxed: bool,
    /// What the value must satisfy, checked before a request is sent.
    pub constraints: Constraints,
    /// Doc lines: the spec's title and description.
    pub docs: Docs,
    /// Doc lines the generator adds (format, default, read- or write-only), after a
    /// blank line; kept apart from `docs` so that an unclosed code block there
    /// cannot take them in.
    pub facts: Docs,
}

impl Field {
    /// Required and not nullable: the value itself, not an `Option`.
    pub fn is_plain(&self) -> bool {
        self.required && !self.nullable
    }
}

/// An enum schema with named values and a catch-all for values added later.
#[derive(Debug, Clone)]
pub struct EnumDef<V> {
    /// Rust name.
    pub name: String,
    /// Doc lines.
    pub docs: Docs,
    /// The known values.
    pub variants: Vec<EnumVariant<V>>,
}

/// One known value of an enum.
#[derive(Debug, Clone)]
pub struct EnumVariant<V> {
    /// Rust name.
    pub rust_name: String,
    /// The name the spec gives (`x-enum-varnames`), or the value itself.
    pub label: String,
    /// The value on the wire.
    pub value: V,
}

/// A choice between types, decided by which one the JSON fits.
#[derive(Debug, Clone)]
pub struct UntaggedDef {
    /// Rust name.
    pub name: String,
    /// Doc lines.
    pub docs: Docs,
    /// Variant names and types, tried in this order.
    pub variants: Vec<(String, TypeRef)>,
}

/// A choice between object types, decided by a tag property (`discriminator`).
#[derive(Debug, Clone)]
pub struct TaggedDef {
    /// Rust name.
    pub name: String,
    /// Doc lines.
    pub docs: Docs,
    /// The tag property's wire name (`discriminator.propertyName`).
    pub property: String,
    /// Variant name, tag value and type, in spec order.
    pub variants: Vec<(String, String, TypeRef)>,
}

/// A named schema that stands for another type.
#[derive(Debug, Clone)]
pub struct AliasDef {
    /// Rust name.
    pub name: String,
    /// Doc lines.
    pub docs: Docs,
    /// The type it stands for.
    pub target: TypeRef,
}

/// A use of a type.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TypeRef {
    /// `type: string`.
    String,
    /// `type: integer, format: int32`.
    I32,
    /// `type: integer`.
    I64,
    /// `type: number, format: float`.
    F32,
    /// `type: number`.
    F64,
    /// `type: boolean`.
    Bool,
    /// A schema that allows any JSON.
    Any,
    /// A type the crate defines, by Rust name.
    Named(String),
    /// `type: array`.
    Vec(Box<TypeRef>),
    /// `oneOf: [array of T, T]`: read either, always written as an array.
    OneOrMany(Box<TypeRef>),
    /// `additionalProperties` only.
    Map(Box<TypeRef>),
    /// `type: string, format: binary`: bytes, with a file name and content type
    /// when sent in a multipart body.
    File,
    /// `format: date-time`: `chrono::DateTime<FixedOffset>`.
    DateTime,
    /// `format: date`: `chrono::NaiveDate`.
    Date,
    /// `format: uuid`: `uuid::Uuid`.
    Uuid,
}

impl TypeRef {
    /// Whether `found` holds for this type or one inside it.
    pub fn mentions(&self, found: &impl Fn(&TypeRef) -> bool) -> bool {
        found(self)
            || match self {
                TypeRef::Vec(inner) | TypeRef::OneOrMany(inner) | TypeRef::Map(inner) => {
                    inner.mentions(found)
                }
                _ => false,
            }
    }

    /// A string whose format the client parses: a date-time, a date or a UUID.
    pub fn is_formatted(&self) -> bool {
        matches!(self, TypeRef::DateTime | TypeRef::Date | TypeRef::Uuid)
    }

    /// A string, number, integer or boolean.
    pub fn is_scalar(&self) -> bool {
        matches!(
            self,
            TypeRef::String
                | TypeRef::I32
                | TypeRef::I64
                | TypeRef::F32
                | TypeRef::F64
                | TypeRef::Bool
        )
    }
}

/// An HTTP method the generator supports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// GET
    Get,
    /// POST
    Post,
    /// PUT
    Put,
    /// PATCH
    Patch,
    /// DELETE
    Delete,
}

impl Method {
    /// The method as HTTP writes it.
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }
}

/// One operation of the API.
#[derive(Debug, Clone)]
pub struct Operation {
    /// `operationId`.
    pub id: String,
    /// Rust method name.
    pub fn_name: String,
    /// The name of its request type, in the crate's `requests` module.
    pub request_type: String,
    /// HTTP method.
    pub method: Method,
    /// The path as the spec writes it.
    pub path_template: String,
    /// The path split into literal text and parameters.
    pub path: Vec<PathPart>,
    /// Summary and description.
    pub docs: Docs,
    /// Parameters: path ones in template order, then the others in spec order.
    pub params: Vec<Param>,
    /// The request body.
    pub body: Option<Body>,
    /// What a successful answer holds.
    pub success: Success,
    /// The status codes the spec lists as successes.
    pub success_codes: Vec<u16>,
    /// The `Accept` header of an operation whose answers are text or bytes: their
    /// media types. `None` for the runtime's `application/json`.
    pub accept: Option<String>,
    /// The alternatives of its `security` the client can meet, each the indices (in
    /// [`Api::schemes`]) of the schemes sent together; an empty one needs none.
    pub security: Vec<Vec<usize>>,
}

/// What the success answers of an operation hold, all 2xx codes together.
#[derive(Debug, Clone, PartialEq)]
pub enum Success {
    /// No content, or none described: `()`.
    Empty,
    /// A JSON body of this type.
    Json(TypeRef),
    /// A JSON body after some 2xx codes and none after others (`200` with a body,
    /// `204` without): `Option<T>`, `None` for an empty answer.
    MaybeJson(TypeRef),
    /// A text body (`text/*`, XML): `String`.
    Text,
    /// Any other body (`application/octet-stream`, images, PDF): the bytes as sent.
    Bytes,
    /// JSON bodies that differ by status (`200` with one schema, `202` with another
    /// or none): an enum of this name, a variant per status.
    ByStatus {
        /// The enum's Rust name.
        name: String,
        /// Its variants, in the spec's order.
        variants: Vec<AnswerVariant>,
    },
}

/// One success status of an operation whose answers differ by status.
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerVariant {
    /// The variant's Rust name (`Ok`, `Accepted`, `Status299`).
    pub name: String,
    /// The status, or `None` for the `2XX` range.
    pub status: Option<u16>,
    /// The body's type; `None` for an answer without one.
    pub body: Option<TypeRef>,
}

impl Success {
    /// Every JSON type it decodes: one, or one per status with a body.
    pub fn json_types(&self) -> Vec<&TypeRef> {
        match self {
            Success::ByStatus { variants, .. } => {
                variants.iter().filter_map(|v| v.body.as_ref()).collect()
            }
            other => other.json_type().into_iter().collect(),
        }
    }

    /// The JSON type it decodes, if one.
    pub fn json_type(&self) -> Option<&TypeRef> {
        match self {
            Success::Json(ty) | Success::MaybeJson(ty) => Some(ty),
            Success::Empty | Success::Text | Success::Bytes | Success::ByStatus { .. } => None,
        }
    }
}

/// A piece of a path template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PathPart {
    /// Literal text.
    Literal(String),
    /// A path parameter, by Rust name.
    Param(String),
}

/// Where a parameter goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamLocation {
    /// A path segment.
    Path,
    /// The query string.
    Query,
    /// A request header.
    Header,
    /// A cookie, in the `Cookie` header.
    Cookie,
}

/// How a path, header or cookie parameter is written (OpenAPI's `style`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParamStyle {
    /// `a,b`: the default of paths, the only style of headers.
    Simple,
    /// `.a.b`.
    Label,
    /// `;name=a;name=b`.
    Matrix,
    /// A cookie that is a list or an object: `name=a; name=b`, or `name=a,b`.
    Form,
}

/// One parameter of an operation.
#[derive(Debug, Clone)]
pub struct Param {
    /// Name on the wire.
    pub wire_name: String,
    /// Rust name.
    pub rust_name: String,
    /// Where it goes.
    pub location: ParamLocation,
    /// For a query array: one `name=value` pair per item (else one pair, values
    /// joined by `,`).
    pub explode: bool,
    /// Whether it must be given.
    pub required: bool,
    /// Its type: a scalar, a list of scalars in the query, or (`structured`) any type.
    pub ty: TypeRef,
    /// A query parameter that is not a scalar nor a list of scalars: sent as pairs,
    /// `name[key]=value` when this is `true` (`deepObject` style), each property as
    /// its own `key=value` when `false` (`form` style).
    pub structured: Option<bool>,
    /// A path, header or cookie parameter written by the runtime in this style: one
    /// that is a list or an object, or a path parameter in the `label` or `matrix`
    /// style. `None` for a scalar (or JSON text) written as it is.
    pub style: Option<ParamStyle>,
    /// A list or an object (not a scalar, an enum or a choice of scalars): the
    /// method takes it by reference.
    pub compound: bool,
    /// Given by `content: application/json`: written as JSON text, then placed as
    /// a string would be.
    pub json: bool,
    /// Doc lines.
    pub docs: Docs,
}

/// A request body.
#[derive(Debug, Clone)]
pub struct Body {
    /// Its type.
    pub ty: TypeRef,
    /// Whether it must be given.
    pub required: bool,
    /// Doc lines.
    pub docs: Docs,
    /// How it is written.
    pub media: BodyMedia,
}

/// How a request body is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodyMedia {
    /// `application/json`.
    Json,
    /// `application/x-www-form-urlencoded`: properties as `key=value` pairs, arrays as
    /// repeated keys, nested objects as `key[inner]`.
    Form,
    /// Text sent as given, with this `Content-Type` (`text/plain`, XML).
    Text(String),
    /// Bytes sent as given, with this `Content-Type` (`application/octet-stream`,
    /// an image).
    Bytes(String),
    /// `multipart/form-data`: a part per property, files as
    /// `runtime::multipart::File`.
    Multipart,
}

/// Splits a description into doc lines, dropping trailing blank lines.
pub fn doc_lines(texts: &[Option<&str>]) -> Docs {
    let mut lines = Vec::new();
    for text in texts.iter().flatten() {
        let text = text.trim();
        if text.is_empty() {
            continue;
        }
        if !lines.is_empty() {
            lines.push(String::new());
        }
        lines.extend(text.lines().map(|l| l.trim_end().to_owned()));
    }
    lines
}
