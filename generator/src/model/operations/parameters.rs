//! An operation's parameters: path-level and operation-level ones merged, each
//! lowered to the argument it becomes, and the path template split on them.

use indexmap::IndexMap;
use openapiv3::{MediaType, Parameter, ParameterSchemaOrContent, ReferenceOr};

use super::OperationLowering;
use crate::diagnostics::{Diagnostic, escape_token};
use crate::model::media::{self, Kind};
use crate::model::{Param, ParamLocation, ParamStyle, PathPart, TypeRef, doc_lines};
use crate::naming::{self, Scope};

impl<'a> OperationLowering<'a, '_> {
    /// Path-level parameters overridden by operation-level ones; path parameters first,
    /// in the order the template names them.
    pub(super) fn parameters(
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

    pub(super) fn parameter(
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
    pub(super) fn path_parts(&mut self, path: &str, params: &[Param], ptr: &str) -> Vec<PathPart> {
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

fn location_key(param: &Parameter) -> &'static str {
    match param {
        Parameter::Path { .. } => "path",
        Parameter::Query { .. } => "query",
        Parameter::Header { .. } => "header",
        Parameter::Cookie { .. } => "cookie",
    }
}
