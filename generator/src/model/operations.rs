//! Lowering of paths and operations.

use std::collections::BTreeMap;

use indexmap::IndexMap;
use openapiv3::{
    Components, MediaType, OpenAPI, Parameter, ParameterSchemaOrContent, PathItem, ReferenceOr,
    RequestBody, Response, StatusCode,
};

use super::media::{self, Kind};
use super::schema::{TypeSpace, dangling_ref};
use super::server::{Security, alternatives};
use super::{
    AnswerVariant, Body, BodyMedia, Method, Operation, Param, ParamLocation, ParamStyle, PathPart,
    Success, TypeRef, doc_lines,
};
use crate::diagnostics::{Diagnostic, escape_token};
use crate::naming::{self, Scope};

/// Codes of problems confined to one operation: features the generator cannot yet
/// express, and a path template that disagrees with the operation's parameters
/// (E0303, E0304: no URL can be built for it). Outside `--strict`, an operation with
/// one is skipped with a warning that says why, never generated without the part it
/// cannot send or read; the rest of the document still makes a correct client.
pub const SKIPPABLE: &[&str] = &["E0301", "E0303", "E0304", "E0306", "E0308", "E0404"];

/// How deep a chain of `$ref` to `$ref` may go before it counts as a loop.
const MAX_REF_DEPTH: usize = 16;

/// Lowers every operation; collects the types of error answers on the way.
pub(super) struct OperationLowering<'a, 's> {
    components: Option<&'a Components>,
    types: &'s mut TypeSpace<'a>,
    fn_names: Scope,
    /// The names of the request types, one per operation.
    request_types: Scope,
    ids: BTreeMap<String, String>,
    pub operations: Vec<Operation>,
    /// Every error answer's body type, with the pointer of the answer.
    pub error_types: Vec<(TypeRef, String)>,
    pub problems: Vec<Diagnostic>,
    /// Skip an operation whose problems are all features outside the subset, with
    /// warnings, instead of failing (everything but `--strict`).
    pub skip_unsupported: bool,
    /// What was skipped, and why.
    pub warnings: Vec<Diagnostic>,
    /// The parameters of the operation being lowered that could not be expressed:
    /// the operation is skipped for them, so the template naming them is no
    /// further problem.
    rejected_params: Vec<String>,
    /// The client's credential, which decides which operations send it.
    security: &'s Security,
    global_security: Option<&'a Vec<openapiv3::SecurityRequirement>>,
}

impl<'a, 's> OperationLowering<'a, 's> {
    pub fn new(api: &'a OpenAPI, types: &'s mut TypeSpace<'a>, security: &'s Security) -> Self {
        Self {
            security,
            global_security: api.security.as_ref(),
            components: api.components.as_ref(),
            types,
            fn_names: Scope::with_reserved(&["new", "builder", "base_url", "clone", "fmt", "core"]),
            request_types: Scope::default(),
            ids: BTreeMap::new(),
            operations: Vec::new(),
            error_types: Vec::new(),
            problems: Vec::new(),
            skip_unsupported: false,
            warnings: Vec::new(),
            rejected_params: Vec::new(),
        }
    }

    pub fn lower_paths(&mut self, api: &'a OpenAPI) {
        for (path, item) in &api.paths.paths {
            let ptr = format!("#/paths/{}", escape_token(path));
            match item {
                ReferenceOr::Item(item) => self.lower_path(path, item, &ptr),
                ReferenceOr::Reference { .. } => self.problems.push(
                    Diagnostic::new("E0102", ptr, "a path item given by `$ref` is not supported")
                        .with_hint("write the path item in place"),
                ),
            }
        }
    }

    fn lower_path(&mut self, path: &str, item: &'a PathItem, ptr: &str) {
        let methods = [
            ("get", Some(Method::Get), &item.get),
            ("put", Some(Method::Put), &item.put),
            ("post", Some(Method::Post), &item.post),
            ("delete", Some(Method::Delete), &item.delete),
            ("patch", Some(Method::Patch), &item.patch),
            ("options", None, &item.options),
            ("head", None, &item.head),
            ("trace", None, &item.trace),
        ];
        for (key, method, operation) in methods {
            let (Some(operation), op_ptr) = (operation, format!("{ptr}/{key}")) else {
                continue;
            };
            match method {
                Some(method) => self.lower_operation(path, method, item, operation, &op_ptr),
                None => {
                    let problem = Diagnostic::new(
                        "E0301",
                        op_ptr.clone(),
                        format!("`{}` operations are not supported", key.to_uppercase()),
                    )
                    .with_hint(
                        "remove the operation, or describe it as GET, PUT, POST, PATCH or DELETE",
                    );
                    let id = operation.operation_id.as_deref().unwrap_or(key).to_owned();
                    if operation.operation_id.is_some() {
                        self.claim_id(&id, &op_ptr);
                    }
                    self.fail_or_skip(&id, vec![problem]);
                }
            }
        }
    }

    fn lower_operation(
        &mut self,
        path: &str,
        method: Method,
        item: &'a PathItem,
        op: &'a openapiv3::Operation,
        ptr: &str,
    ) {
        let id = op
            .operation_id
            .clone()
            .unwrap_or_else(|| derived_id(method, path));
        self.claim_id(&id, ptr);
        let problems_before = self.problems.len();
        let needs = alternatives(op.security.as_ref().or(self.global_security));
        let security = match self.security.requires(&needs) {
            Some(met) => met,
            None => {
                let ways: Vec<String> = needs
                    .iter()
                    .map(|alt| format!("`{}`", alt.join(" + ")))
                    .collect();
                self.problems.push(
                    Diagnostic::new(
                        "E0404",
                        format!("{ptr}/security"),
                        format!(
                            "the operation accepts only {}, which the client cannot send",
                            ways.join(" or ")
                        ),
                    )
                    .with_hint("the schemes a client can send are listed in the generator README"),
                );
                Vec::new()
            }
        };
        let type_hint = naming::camel(&id);
        self.rejected_params.clear();
        let params = self.parameters(&item.parameters, &op.parameters, &type_hint, ptr);
        let path_parts = self.path_parts(path, &params, ptr);
        let body = op
            .request_body
            .as_ref()
            .and_then(|b| self.body(b, &type_hint, &format!("{ptr}/requestBody")));
        let (success, success_codes, links, accept) =
            self.responses(&op.responses, &type_hint, &format!("{ptr}/responses"));
        if self.skippable_since(problems_before) {
            let problems: Vec<Diagnostic> = self.problems.drain(problems_before..).collect();
            self.fail_or_skip(&id, problems);
            return;
        }
        let mut docs = doc_lines(&[op.summary.as_deref(), op.description.as_deref()]);
        docs.extend(links);
        docs.extend(callback_notes(op));
        docs.extend(security_note(&security, &self.security.schemes));
        self.operations.push(Operation {
            request_type: self.request_types.claim(naming::camel(&id)),
            fn_name: self.fn_names.claim(naming::snake(&id)),
            id,
            method,
            path_template: path.to_owned(),
            path: path_parts,
            docs,
            params,
            body,
            success,
            success_codes,
            accept,
            security,
        });
    }

    /// Records that the operation at `ptr` is `id`; a second use is E0302, even
    /// when one of the two is skipped.
    fn claim_id(&mut self, id: &str, ptr: &str) {
        if let Some(first) = self.ids.insert(id.to_owned(), ptr.to_owned()) {
            self.problems.push(
                Diagnostic::new(
                    "E0302",
                    format!("{ptr}/operationId"),
                    format!("the operationId `{id}` is also used at {first}"),
                )
                .with_hint("give every operation its own operationId"),
            );
        }
    }

    /// The problems of operation `id`, which are all features outside the subset:
    /// warnings that skip it, or (with `--strict`) errors.
    fn fail_or_skip(&mut self, id: &str, mut problems: Vec<Diagnostic>) {
        if !self.skip_unsupported {
            self.problems.extend(problems);
            return;
        }
        for problem in &mut problems {
            problem.message = format!("operation `{id}` skipped: {}", problem.message);
        }
        self.warnings.extend(problems);
    }

    /// Whether every problem since `start` is an unsupported feature of the
    /// operation (not a mistake in the spec), so that skipping it is safe.
    fn skippable_since(&self, start: usize) -> bool {
        let problems = &self.problems[start..];
        !problems.is_empty() && problems.iter().all(|p| SKIPPABLE.contains(&p.code))
    }

    /// Path-level parameters overridden by operation-level ones; path parameters first,
    /// in the order the template names them.
    fn parameters(
        &mut self,
        path_level: &'a [ReferenceOr<Parameter>],
        op_level: &'a [ReferenceOr<Parameter>],
        type_hint: &str,
        ptr: &str,
    ) -> Vec<Param> {
        let mut chosen: IndexMap<(String, &'static str), (&'a Parameter, String)> = IndexMap::new();
        let path_ptr = ptr.rsplit_once('/').map_or(ptr, |(p, _)| p).to_owned();
        let levels = [(path_level, path_ptr), (op_level, ptr.to_owned())];
        for (list, base) in levels {
            for (index, param) in list.iter().enumerate() {
                let at = format!("{base}/parameters/{index}");
                if let Some(param) = self.resolve(param, "parameters", &at, |c| &c.parameters) {
                    let data = param.parameter_data_ref();
                    chosen.insert((data.name.clone(), location_key(param)), (param, at));
                }
            }
        }
        let mut scope = Scope::with_reserved(naming::METHOD_LOCALS);
        let mut params: Vec<Param> = chosen
            .values()
            .filter_map(|(param, at)| self.parameter(param, type_hint, at, &mut scope))
            .collect();
        params.sort_by_key(|p| p.location != ParamLocation::Path);
        params
    }

    fn parameter(
        &mut self,
        param: &Parameter,
        type_hint: &str,
        ptr: &str,
        scope: &mut Scope,
    ) -> Option<Param> {
        let location = match param {
            Parameter::Path { .. } => ParamLocation::Path,
            Parameter::Query { .. } => ParamLocation::Query,
            Parameter::Header { .. } => ParamLocation::Header,
            Parameter::Cookie { .. } => ParamLocation::Cookie,
        };
        let data = param.parameter_data_ref();
        // Until it is accepted at the end, this parameter counts as rejected.
        self.rejected_params.push(data.name.clone());
        // `content` of JSON is written as JSON text; of text, a scalar as it is.
        let (schema, schema_ptr, content) = match &data.format {
            ParameterSchemaOrContent::Schema(schema) => (schema, format!("{ptr}/schema"), None),
            ParameterSchemaOrContent::Content(content) => match media::preferred(content) {
                Some((
                    name,
                    MediaType {
                        schema: Some(schema),
                        ..
                    },
                    kind @ (Kind::Json | Kind::Text),
                )) => (
                    schema,
                    format!("{ptr}/content/{}/schema", escape_token(name)),
                    Some(kind),
                ),
                _ => {
                    self.problems.push(content_refused(ptr));
                    return None;
                }
            },
        };
        let json = content == Some(Kind::Json);
        let hint = format!("{type_hint}{}", naming::camel(&data.name));
        let ty = self.types.use_schema(schema, &hint, &schema_ptr);
        let ty = match self.types.unaliased(ty) {
            TypeRef::Vec(item) => TypeRef::Vec(Box::new(self.types.unaliased(*item))),
            other => other,
        };
        let scalar = |ty: &TypeRef| {
            ty.is_scalar()
                || ty.is_formatted()
                || self.types.is_enum(ty)
                || self.types.is_scalar_choice(ty)
        };
        if content == Some(Kind::Text) && !scalar(&ty) {
            self.problems.push(content_refused(ptr));
            return None;
        }
        // JSON text is placed as a string would be, whatever its type.
        let as_text = |ty: &TypeRef| json || scalar(ty);
        let query_list = !json
            && location == ParamLocation::Query
            && matches!(&ty, TypeRef::Vec(item) if scalar(item));
        // Anything else in the query (an object, a choice, a list of objects) is sent as
        // pairs: `deepObject` style as `name[key]=value`, the default `form` style as
        // each property its own `key=value`.
        let deep = matches!(
            param,
            Parameter::Query {
                style: openapiv3::QueryStyle::DeepObject,
                ..
            }
        );
        let structured =
            (location == ParamLocation::Query && !as_text(&ty) && !query_list).then_some(deep);
        // The `form` style of queries and cookies explodes by default (`tag=a&tag=b`;
        // `explode: false` gives `tag=a,b`); the path's and headers' styles do not.
        let explode = data.explode.unwrap_or(matches!(
            location,
            ParamLocation::Query | ParamLocation::Cookie
        ));
        if location == ParamLocation::Cookie && !as_text(&ty) {
            self.warnings
                .push(cookie_style_warning(&data.name, explode, ptr));
        }
        // A path, header or cookie parameter that is a list or an object is written
        // in its style by the runtime, as is a path parameter in the label or matrix
        // style.
        let style = match param {
            Parameter::Path { .. } if json => None,
            Parameter::Path { style, .. } => {
                let style = match style {
                    openapiv3::PathStyle::Simple => ParamStyle::Simple,
                    openapiv3::PathStyle::Label => ParamStyle::Label,
                    openapiv3::PathStyle::Matrix => ParamStyle::Matrix,
                };
                (style != ParamStyle::Simple || !scalar(&ty)).then_some(style)
            }
            Parameter::Header { .. } => (!as_text(&ty)).then_some(ParamStyle::Simple),
            Parameter::Cookie { .. } => (!as_text(&ty)).then_some(ParamStyle::Form),
            Parameter::Query { .. } => None,
        };
        self.rejected_params.pop();
        Some(Param {
            explode,
            structured,
            style,
            compound: !scalar(&ty),
            json,
            wire_name: data.name.clone(),
            rust_name: scope.claim(naming::snake(&data.name)),
            location,
            required: data.required || location == ParamLocation::Path,
            ty,
            docs: doc_lines(&[data.description.as_deref()]),
        })
    }

    /// Splits the template into literals and parameters; every `{name}` must have a
    /// path parameter, and every path parameter a `{name}`.
    fn path_parts(&mut self, path: &str, params: &[Param], ptr: &str) -> Vec<PathPart> {
        let mut parts = Vec::new();
        let mut rest = path;
        let mut named = Vec::new();
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}').map(|c| open + c) else {
                break;
            };
            parts.push(PathPart::Literal(rest[..open].to_owned()));
            let name = &rest[open + 1..close];
            named.push(name.to_owned());
            match params.iter().find(|p| p.location == ParamLocation::Path && p.wire_name == name) {
                Some(param) => parts.push(PathPart::Param(param.rust_name.clone())),
                None if self.rejected_params.iter().any(|r| r == name) => {}
                None => self.problems.push(
                    Diagnostic::new("E0303", ptr, format!("the path template names `{{{name}}}` but the operation defines no path parameter `{name}`"))
                        .with_hint(format!("add a parameter with `name: {name}` and `in: path`")),
                ),
            }
            rest = &rest[close + 1..];
        }
        parts.push(PathPart::Literal(rest.to_owned()));
        parts.retain(|p| p != &PathPart::Literal(String::new()));
        for param in params.iter().filter(|p| p.location == ParamLocation::Path) {
            if !named.contains(&param.wire_name) {
                self.problems.push(
                    Diagnostic::new(
                        "E0304",
                        ptr,
                        format!(
                            "the path parameter `{}` does not appear in the template `{path}`",
                            param.wire_name
                        ),
                    )
                    .with_hint("add it to the path as `{name}`, or make it a query parameter"),
                );
            }
        }
        parts
    }

    fn body(
        &mut self,
        body: &'a ReferenceOr<RequestBody>,
        type_hint: &str,
        ptr: &str,
    ) -> Option<Body> {
        let body = self.resolve(body, "requestBodies", ptr, |c| &c.request_bodies)?;
        let (name, media, kind) = media::preferred(&body.content)?;
        let media_ptr = format!("{ptr}/content/{}", escape_token(name));
        let (ty, media) = match kind {
            Kind::Json | Kind::Form | Kind::Multipart => {
                let ty = self.media_type(media, &format!("{type_hint}Body"), &media_ptr);
                let media = match kind {
                    Kind::Json => BodyMedia::Json,
                    Kind::Form => BodyMedia::Form,
                    _ => BodyMedia::Multipart,
                };
                (ty, media)
            }
            Kind::Text => (
                TypeRef::String,
                BodyMedia::Text(self.content_type(name, &media_ptr)),
            ),
            Kind::Bytes => (
                TypeRef::Any,
                BodyMedia::Bytes(self.content_type(name, &media_ptr)),
            ),
        };
        Some(Body {
            ty,
            required: body.required,
            docs: doc_lines(&[body.description.as_deref()]),
            media,
        })
    }

    /// The type a JSON or form media entry's schema describes (any JSON without one).
    fn media_type(&mut self, media: &'a MediaType, hint: &str, media_ptr: &str) -> TypeRef {
        match &media.schema {
            Some(schema) => self
                .types
                .use_schema(schema, hint, &format!("{media_ptr}/schema")),
            None => TypeRef::Any,
        }
    }

    /// The `Content-Type` a body described as `name` is sent with; a range such as
    /// `*/*` is sent as octet-stream, with a warning.
    fn content_type(&mut self, name: &str, media_ptr: &str) -> String {
        if let Some(sent) = media::sendable(name) {
            return sent.to_owned();
        }
        self.warnings.push(
            Diagnostic::new(
                "E0309",
                media_ptr,
                format!(
                    "the body's media type `{name}` is a range, not a type a request can have; \
                     it is sent as `application/octet-stream`"
                ),
            )
            .with_hint("name the media type the server expects"),
        );
        "application/octet-stream".to_owned()
    }

    /// What the success answers hold (all 2xx answers together: a body after some
    /// and none after others is an `Option`) and the success codes; error answers'
    /// types are kept for the crate's error type.
    fn responses(
        &mut self,
        responses: &'a openapiv3::Responses,
        type_hint: &str,
        ptr: &str,
    ) -> (Success, Vec<u16>, Vec<String>, Option<String>) {
        let mut answers: Vec<(Option<StatusCode>, Success, String)> = Vec::new();
        let mut media_types: Vec<&str> = Vec::new();
        let mut codes = Vec::new();
        let mut notes = Vec::new();
        let entries = responses
            .responses
            .iter()
            .map(|(code, r)| (Some(code), r))
            .chain(responses.default.iter().map(|r| (None, r)));
        for (code, response) in entries {
            let key = code.map_or_else(|| "default".to_owned(), StatusCode::to_string);
            let at = format!("{ptr}/{key}");
            let Some(response) = self.resolve(response, "responses", &at, |c| &c.responses) else {
                continue;
            };
            notes.extend(link_notes(&key, response));
            let is_success = matches!(
                code,
                Some(StatusCode::Code(200..=299) | StatusCode::Range(2))
            );
            if !is_success {
                // An error answer that is not JSON is kept raw in `Error::Api`; only
                // a JSON one has a type.
                if let Success::Json(ty) = self.answer(response, &format!("{type_hint}Error"), &at)
                {
                    self.error_types.push((ty, at));
                }
                continue;
            }
            let answer = self.answer(response, &format!("{type_hint}Response"), &at);
            if let Some((name, ..)) = media::preferred(&response.content) {
                if !media_types.contains(&name) {
                    media_types.push(name);
                }
            }
            if let Some(StatusCode::Code(n)) = code {
                codes.push(*n);
            }
            answers.push((code.cloned(), answer, at));
        }
        let success = self.success_of(answers, type_hint);
        // A text or byte answer asks for its own media types, not JSON's.
        let accept =
            matches!(success, Success::Text | Success::Bytes).then(|| media_types.join(", "));
        (success, codes, notes, accept)
    }

    /// What the success answers hold together: one type when they agree (a body
    /// and none make an `Option`), else an enum by status when each is JSON or
    /// empty, else E0308.
    fn success_of(
        &mut self,
        answers: Vec<(Option<StatusCode>, Success, String)>,
        type_hint: &str,
    ) -> Success {
        // The pointer of the first answer that no one type holds with those before it.
        let mut together_so_far: Option<Success> = None;
        let mut apart_at: Option<&str> = None;
        for (_, answer, at) in &answers {
            together_so_far = match together_so_far {
                None => Some(answer.clone()),
                Some(first) => match together(&first, answer) {
                    Some(both) => Some(both),
                    None => {
                        apart_at = apart_at.or(Some(at));
                        Some(first)
                    }
                },
            };
        }
        let Some(apart_at) = apart_at else {
            return together_so_far.unwrap_or(Success::Empty);
        };
        let by_status = answers
            .iter()
            .all(|(_, a, _)| matches!(a, Success::Json(_) | Success::Empty));
        if !by_status {
            let (_, _, first_at) = &answers[0];
            self.problems.push(
                Diagnostic::new(
                    "E0308",
                    apart_at,
                    format!("this success answer's body differs from the one at {first_at}, and not every one of them is JSON or empty"),
                )
                .with_hint("give every 2xx answer of an operation the same schema"),
            );
            return Success::Empty;
        }
        let mut names = naming::Scope::with_reserved(&[]);
        let variants = answers
            .into_iter()
            .map(|(code, answer, _)| {
                let status = match code {
                    Some(StatusCode::Code(n)) => Some(n),
                    _ => None,
                };
                AnswerVariant {
                    name: names.claim(variant_for(status)),
                    status,
                    body: match answer {
                        Success::Json(ty) => Some(ty),
                        _ => None,
                    },
                }
            })
            .collect();
        Success::ByStatus {
            name: self.types.claim_name(&format!("{type_hint}Answer")),
            variants,
        }
    }

    /// What one answer holds: its preferred media entry's kind.
    fn answer(&mut self, response: &'a Response, hint: &str, ptr: &str) -> Success {
        let Some((name, media, kind)) = media::preferred(&response.content) else {
            return Success::Empty;
        };
        match kind {
            Kind::Json => {
                let media_ptr = format!("{ptr}/content/{}", escape_token(name));
                Success::Json(self.media_type(media, hint, &media_ptr))
            }
            Kind::Form | Kind::Text => Success::Text,
            Kind::Multipart | Kind::Bytes => Success::Bytes,
        }
    }

    /// Follows `$ref`s into `components.<section>`.
    fn resolve<T>(
        &mut self,
        item: &'a ReferenceOr<T>,
        section: &str,
        ptr: &str,
        pick: impl Fn(&'a Components) -> &'a IndexMap<String, ReferenceOr<T>>,
    ) -> Option<&'a T> {
        let prefix = format!("#/components/{section}/");
        let mut current = item;
        for _ in 0..MAX_REF_DEPTH {
            let reference = match current {
                ReferenceOr::Item(item) => return Some(item),
                ReferenceOr::Reference { reference } => reference,
            };
            let found = reference
                .strip_prefix(&prefix)
                .and_then(|name| self.components.map(&pick)?.get(name));
            match found {
                Some(next) => current = next,
                None => {
                    self.problems
                        .push(dangling_ref(reference, &format!("{ptr}/$ref"), &prefix));
                    return None;
                }
            }
        }
        self.problems.push(
            Diagnostic::new("E0103", ptr, "this `$ref` chain does not end (it loops)")
                .with_hint("make one of the references point to a definition"),
        );
        None
    }
}

/// Doc lines naming the links of the answer `code`: documentation of what a client
/// may call next, which needs no code.
fn link_notes(code: &str, response: &Response) -> Vec<String> {
    note(response.links.keys(), |names| {
        format!("The spec links the `{code}` answer to further calls: {names}.")
    })
}

/// Doc lines naming the callbacks of `op`: requests the API sends to a server of
/// the caller's, which a client does not receive.
fn callback_notes(op: &openapiv3::Operation) -> Vec<String> {
    note(op.callbacks.keys(), |names| {
        format!(
            "The API may call back a server of yours after this call ({names}); this client \
             does not receive callbacks."
        )
    })
}

/// Doc lines saying which credentials a call sends, for a spec with several
/// schemes (with one, the builder's docs say it all).
fn security_note(security: &[Vec<usize>], schemes: &[super::Auth]) -> Vec<String> {
    if schemes.len() < 2 {
        return Vec::new();
    }
    let names = |alternative: &[usize]| -> String {
        alternative
            .iter()
            .map(|i| format!("`{}`", schemes[*i].name))
            .collect::<Vec<_>>()
            .join(" + ")
    };
    let text = match security {
        [] => return Vec::new(),
        [only] if only.is_empty() => "Sends no credential.".to_owned(),
        [only] => format!("Sends the credentials of {}.", names(only)),
        alternatives => {
            let ways: Vec<String> = alternatives
                .iter()
                .map(|alternative| match alternative.as_slice() {
                    [] => "none".to_owned(),
                    indices => names(indices),
                })
                .collect();
            format!(
                "Sends the credentials of the first of these the client was given: {}.",
                ways.join(", or ")
            )
        }
    };
    vec![String::new(), text]
}

/// E0306: a parameter whose `content` the client cannot write.
fn content_refused(ptr: &str) -> Diagnostic {
    Diagnostic::new(
        "E0306",
        format!("{ptr}/content"),
        "the parameter's `content` is neither JSON with a schema nor text of a scalar, \
         which are what the client can write",
    )
    .with_hint("describe the parameter with `schema`, or as `application/json` content")
}

/// The warning for a cookie parameter that is a list or an object: OpenAPI 3.0 shows
/// the `form` style of the query, and a cookie has no `&`.
fn cookie_style_warning(name: &str, explode: bool, ptr: &str) -> Diagnostic {
    let how = if explode {
        format!("as a cookie per item or property (`{name}=a; {name}=b`)")
    } else {
        format!(
            "as one cookie of its values joined by `,` (`{name}=a,b`), commas RFC 6265 keeps \
             out of cookie values"
        )
    };
    Diagnostic::new(
        "E0305",
        ptr,
        format!("the cookie parameter `{name}` is a list or an object: it is sent {how}"),
    )
    .with_hint("a cookie holds one value best: a string, number or boolean")
}

/// A paragraph of docs naming `names` in code spans, or nothing when there are none.
fn note<'n>(names: impl Iterator<Item = &'n String>, say: impl Fn(&str) -> String) -> Vec<String> {
    let names: Vec<String> = names.map(|name| format!("`{name}`")).collect();
    if names.is_empty() {
        return Vec::new();
    }
    vec![String::new(), say(&names.join(", "))]
}

fn location_key(param: &Parameter) -> &'static str {
    match param {
        Parameter::Path { .. } => "path",
        Parameter::Query { .. } => "query",
        Parameter::Header { .. } => "header",
        Parameter::Cookie { .. } => "cookie",
    }
}

/// The variant of an answer enum for `status`: its reason phrase, as HTTP names it.
fn variant_for(status: Option<u16>) -> String {
    match status {
        Some(200) => "Ok".to_owned(),
        Some(201) => "Created".to_owned(),
        Some(202) => "Accepted".to_owned(),
        Some(203) => "NonAuthoritative".to_owned(),
        Some(204) => "NoContent".to_owned(),
        Some(205) => "ResetContent".to_owned(),
        Some(206) => "PartialContent".to_owned(),
        Some(n) => format!("Status{n}"),
        None => "Other".to_owned(),
    }
}

/// What two success answers of one operation hold together, if one type says it:
/// a body and none make an `Option`; bytes hold text or nothing too.
fn together(first: &Success, second: &Success) -> Option<Success> {
    use Success::{Bytes, Empty, Json, MaybeJson, Text};
    match (first, second) {
        _ if first == second => Some(first.clone()),
        (Empty | MaybeJson(_), Json(ty) | MaybeJson(ty)) | (Json(ty) | MaybeJson(ty), Empty) => {
            match (first.json_type(), second.json_type()) {
                (Some(a), Some(b)) if a != b => None,
                _ => Some(MaybeJson(ty.clone())),
            }
        }
        (Empty, Text) | (Text, Empty) => Some(Text),
        (Empty | Text | Bytes, Bytes) | (Bytes, Empty | Text) => Some(Bytes),
        _ => None,
    }
}

/// A stable name for an operation without `operationId`: method and path, such as
/// `get_portal_portal_name_goals`.
fn derived_id(method: Method, path: &str) -> String {
    let words: Vec<&str> = path
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    format!("{}_{}", method.as_str().to_lowercase(), words.join("_"))
}
