//! Per operation, the `Client` method that makes its request value (from the
//! required inputs), and the code that sends it: the URL, the query, the headers,
//! the body and the reading of the answer. The request type itself is
//! [`super::requests`]'s.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::prose::{code_span, sanitize_inline, sanitize_lines};
use super::tokens::{ident, raw_doc_attrs, type_tokens, unraw};
use crate::model::{
    BodyMedia, Operation, Param, ParamLocation, ParamStyle, PathPart, Success, TypeRef,
};

/// More arguments than this and clippy asks for a struct; the spec decides.
const CLIPPY_MAX_ARGUMENTS: usize = 7;

/// The `Client` method of `op`: its required inputs as arguments, the request value
/// (the rest unset) as its result.
pub fn operation_method(op: &Operation) -> TokenStream {
    let name = ident(&op.fn_name);
    let request = ident(&op.request_type);
    let required: Vec<&Param> = op.params.iter().filter(|p| p.required).collect();
    let body_required = op.body.as_ref().is_some_and(|b| b.required);
    let args: Vec<TokenStream> = required
        .iter()
        .map(|p| {
            let name = ident(&p.rust_name);
            let ty = value_type(p);
            quote! { #name: #ty }
        })
        .chain(body_required.then(|| body_argument(op)).flatten())
        .collect();
    let fields = op.params.iter().map(|p| {
        let name = ident(&p.rust_name);
        if p.required {
            quote! { #name }
        } else {
            quote! { #name: ::std::option::Option::None }
        }
    });
    let body_field = op.body.as_ref().map(|b| match (b.required, &b.media) {
        (true, BodyMedia::Text(_) | BodyMedia::Bytes(_)) => quote! { body: body.into(), },
        (true, _) => quote! { body, },
        (false, _) => quote! { body: ::std::option::Option::None, },
    });
    let allow = (args.len() + 1 > CLIPPY_MAX_ARGUMENTS)
        .then(|| quote! { #[allow(clippy::too_many_arguments)] });
    let docs = method_docs(op);
    quote! {
        #docs
        #allow
        pub fn #name<'a>(&'a self, #( #args ),*) -> requests::#request<'a> {
            requests::#request {
                base: runtime::request::RequestBase::new(self),
                #( #fields, )*
                #body_field
            }
        }
    }
}

/// Builds the call, runs it, decodes the answer; its inputs are locals named after
/// the parameters, and `base` (the client and the call's settings).
pub(super) fn call_body(
    op: &Operation,
    checked: &BTreeSet<&str>,
    validating: &BTreeSet<String>,
) -> TokenStream {
    let id = &op.id;
    // The fields a call without query, headers, body or credential leaves at their
    // defaults are not written.
    let alternatives = op.security.iter().map(|alternative| {
        let indices = alternative
            .iter()
            .map(|index| proc_macro2::Literal::usize_unsuffixed(*index));
        quote! { &[ #( #indices ),* ] }
    });
    let security = (op.security != [Vec::<usize>::new()])
        .then(|| quote! { security: &[ #( #alternatives ),* ], });
    let template = &op.path_template;
    let method = ident(op.method.as_str());
    let url = url_building(op);
    let query = pairs(op, ParamLocation::Query).map(|query| quote! { query: #query, });
    let headers = pairs(op, ParamLocation::Header).map(|headers| quote! { headers: #headers, });

    let validate = op.body.as_ref().and_then(|b| match &b.ty {
        TypeRef::Named(name) if validating.contains(name) => Some(if b.required {
            quote! { runtime::validate::validate_body(OPERATION, body)?; }
        } else {
            quote! { if let ::std::option::Option::Some(body) = body { runtime::validate::validate_body(OPERATION, body)?; } }
        }),
        _ => None,
    });
    let body = op.body.as_ref().map(|b| {
        let (write, fallible) = writer(&b.media);
        let value = match (b.required, fallible) {
            (true, true) => quote! { ::std::option::Option::Some(#write?) },
            (true, false) => quote! { ::std::option::Option::Some(#write) },
            (false, true) => quote! { body.map(|body| #write).transpose()? },
            (false, false) => quote! { body.map(|body| #write) },
        };
        quote! { body: #value, }
    });
    let decode = decoder(&op.success, checked);
    quote! {
        const OPERATION: &str = #id;
        #validate
        #url
        let call = runtime::dispatch::Call {
            info: runtime::hooks::CallInfo {
                operation: OPERATION,
                method: ::reqwest::Method::#method,
                path_template: #template,
            },
            url,
            #query
            #headers
            #body
            #security
            ..::std::default::Default::default()
        };
        let answer = base.client.core.execute(call, base.settings).await?;
        #decode
    }
}

/// The expression that writes `body` as `media` into a `Payload`, and whether it
/// is a `Result` (serializing can fail; text and bytes are sent as given).
fn writer(media: &BodyMedia) -> (TokenStream, bool) {
    match media {
        BodyMedia::Json => (quote! { runtime::body::to_json(OPERATION, body) }, true),
        BodyMedia::Form => (quote! { runtime::body::to_form(OPERATION, body) }, true),
        BodyMedia::Multipart => (
            quote! { runtime::body::to_multipart(OPERATION, body) },
            true,
        ),
        BodyMedia::Text(content_type) => {
            (quote! { runtime::body::text(#content_type, body) }, false)
        }
        BodyMedia::Bytes(content_type) => {
            (quote! { runtime::body::bytes(#content_type, body) }, false)
        }
    }
}

/// The method's `Ok` type.
pub(super) fn output_type(success: &Success) -> TokenStream {
    match success {
        Success::Empty => quote! { () },
        Success::Json(ty) => type_tokens(ty),
        Success::MaybeJson(ty) => {
            let ty = type_tokens(ty);
            quote! { ::std::option::Option<#ty> }
        }
        Success::Text => quote! { ::std::string::String },
        Success::Bytes => quote! { runtime::body::Bytes },
        Success::ByStatus { name, .. } => {
            let name = ident(name);
            quote! { crate::types::#name }
        }
    }
}

/// The expression that reads the answer.
fn decoder(success: &Success, checked: &BTreeSet<&str>) -> TokenStream {
    let check = |ty: &TypeRef| match ty {
        TypeRef::Named(name) if checked.contains(name.as_str()) => {
            let ty = type_tokens(ty);
            quote! { #ty::failure }
        }
        _ => quote! { runtime::body::never_failed },
    };
    match success {
        Success::Empty => quote! { runtime::body::empty_answer(answer) },
        Success::Json(ty) => {
            let check = check(ty);
            quote! { runtime::body::decode_answer(OPERATION, answer, #check) }
        }
        Success::MaybeJson(ty) => {
            let check = check(ty);
            quote! { runtime::body::decode_optional_answer(OPERATION, answer, #check) }
        }
        Success::Text => quote! { runtime::body::text_answer(OPERATION, answer) },
        Success::Bytes => quote! { runtime::body::bytes_answer(answer) },
        Success::ByStatus { name, variants } => {
            let name = ident(name);
            let read = |variant: &crate::model::AnswerVariant| {
                let case = ident(&variant.name);
                match &variant.body {
                    Some(ty) => {
                        let check = check(ty);
                        quote! { runtime::body::decode_answer(OPERATION, answer, #check).map(|found| found.map(crate::types::#name::#case)) }
                    }
                    None => {
                        quote! { runtime::body::empty_answer(answer).map(|found| found.map(|()| crate::types::#name::#case)) }
                    }
                }
            };
            let arms = variants.iter().filter_map(|v| {
                let status = v.status?;
                let read = read(v);
                Some(quote! { #status => #read, })
            });
            // A 2xx the spec does not list is read as the `2XX` answer, or the first.
            let fallback = variants
                .iter()
                .find(|v| v.status.is_none())
                .or_else(|| variants.first())
                .map(read);
            quote! {
                match answer.status().as_u16() {
                    #( #arms )*
                    _ => #fallback,
                }
            }
        }
    }
}

/// The type of a parameter's value as the request holds it (borrowed for `'a`),
/// without the `Option` of an optional one.
pub(super) fn value_type(param: &Param) -> TokenStream {
    match &param.ty {
        TypeRef::Vec(item) if param.structured.is_none() => {
            let item = type_tokens(item);
            quote! { &'a [#item] }
        }
        _ if param.compound => {
            let ty = type_tokens(&param.ty);
            quote! { &'a #ty }
        }
        TypeRef::String => quote! { &'a str },
        _ => type_tokens(&param.ty),
    }
}

/// `body` as the `Client` method takes a required one: a reference to a typed
/// value, or text or bytes as anything that converts.
fn body_argument(op: &Operation) -> Option<TokenStream> {
    let body = op.body.as_ref()?;
    Some(match &body.media {
        BodyMedia::Json | BodyMedia::Form | BodyMedia::Multipart => {
            let ty = type_tokens(&body.ty);
            quote! { body: &'a #ty }
        }
        BodyMedia::Text(_) => quote! { body: impl ::std::convert::Into<::std::string::String> },
        BodyMedia::Bytes(_) => quote! { body: impl ::std::convert::Into<runtime::body::Bytes> },
    })
}

/// The type of the body as the request holds it, without the `Option` of an
/// optional one: a reference to a typed value, or the text or bytes.
pub(super) fn body_type(op: &Operation) -> Option<TokenStream> {
    let body = op.body.as_ref()?;
    Some(match &body.media {
        BodyMedia::Json | BodyMedia::Form | BodyMedia::Multipart => {
            let ty = type_tokens(&body.ty);
            quote! { &'a #ty }
        }
        BodyMedia::Text(_) => quote! { ::std::string::String },
        BodyMedia::Bytes(_) => quote! { runtime::body::Bytes },
    })
}

/// `name` as a reference, whatever the argument's type.
fn by_reference(param: &Param, name: &proc_macro2::Ident) -> TokenStream {
    if param.compound || param.ty == TypeRef::String {
        quote! { #name }
    } else {
        quote! { &#name }
    }
}

/// The runtime's `Style` for `param`.
fn style_tokens(param: &Param) -> TokenStream {
    match param.style {
        Some(ParamStyle::Label) => quote! { runtime::endpoint::Style::Label },
        Some(ParamStyle::Matrix) => quote! { runtime::endpoint::Style::Matrix },
        Some(ParamStyle::Form) => quote! { runtime::endpoint::Style::Form },
        Some(ParamStyle::Simple) | None => quote! { runtime::endpoint::Style::Simple },
    }
}

/// Builds `url`: literal parts as written, each path parameter escaped as one segment.
fn url_building(op: &Operation) -> TokenStream {
    let steps = op.path.iter().map(|part| match part {
        PathPart::Literal(text) if text.chars().count() == 1 => {
            let c = text.chars().next().unwrap_or('/');
            quote! { url.push(#c); }
        }
        PathPart::Literal(text) => quote! { url.push_str(#text); },
        PathPart::Param(rust_name) => {
            let param = op.params.iter().find(|p| &p.rust_name == rust_name);
            let wire = param.map_or(rust_name.as_str(), |p| p.wire_name.as_str());
            let name = ident(rust_name);
            if let Some(param) = param.filter(|p| p.style.is_some()) {
                let style = style_tokens(param);
                let explode = param.explode;
                let value = by_reference(param, &name);
                return quote! { runtime::endpoint::push_styled_segment(&mut url, OPERATION, #wire, #value, #style, #explode)?; };
            }
            if let Some(param) = param.filter(|p| p.json) {
                let text = pair_value(param, &name);
                return quote! { runtime::endpoint::push_segment(&mut url, OPERATION, #wire, &#text)?; };
            }
            let value = match param.map(|p| &p.ty) {
                Some(TypeRef::String) => quote! { #name },
                Some(ty) => {
                    let text = text_of(ty, &quote! { #name });
                    quote! { &#text }
                }
                None => quote! { &#name.to_string() },
            };
            quote! { runtime::endpoint::push_segment(&mut url, OPERATION, #wire, #value)?; }
        }
    });
    let structured = op.params.iter().filter_map(|param| {
        let deep = param.structured?;
        let name = ident(&param.rust_name);
        let wire = &param.wire_name;
        let push = quote! { runtime::endpoint::push_query_value(&mut url, OPERATION, #wire, value, #deep)?; };
        Some(if param.required {
            quote! { { let value = #name; #push } }
        } else {
            quote! { if let ::std::option::Option::Some(value) = #name { #push } }
        })
    });
    quote! {
        let mut url = base.client.core.base_url().to_owned();
        #( #steps )*
        #( #structured )*
    }
}

/// The `(name, value)` pairs of the query or the headers; optional ones only when
/// given; a query array as one pair per item, or one pair joined by `,`. `None`
/// when the operation has none.
fn pairs(op: &Operation, location: ParamLocation) -> Option<TokenStream> {
    // Cookies travel in the `Cookie` header, which the dispatcher joins into one.
    let here = |p: &Param| {
        p.location == location
            || (location == ParamLocation::Header && p.location == ParamLocation::Cookie)
    };
    let params: Vec<&Param> = op
        .params
        .iter()
        .filter(|p| here(p) && p.structured.is_none())
        .collect();
    let is_list = |p: &Param| matches!(p.ty, TypeRef::Vec(_)) && p.style.is_none() && !p.json;
    let scalars: Vec<TokenStream> = params
        .iter()
        .filter(|p| p.required && !is_list(p))
        .map(|param| {
            let name = ident(&param.rust_name);
            let (wire, value) = pair(param, &name);
            quote! { (#wire, #value) }
        })
        // A text or byte answer's media types, which the dispatcher sends for JSON's.
        .chain(
            op.accept
                .as_ref()
                .filter(|_| location == ParamLocation::Header)
                .map(|accept| quote! { ("Accept", #accept.to_owned()) }),
        )
        .collect();
    let statements: Vec<TokenStream> = params
        .iter()
        .filter(|p| !p.required || is_list(p))
        .map(|param| {
            let name = ident(&param.rust_name);
            let push = push_pairs(param, &format_ident!("value"));
            if param.required {
                quote! { { let value = #name; #push } }
            } else {
                quote! { if let ::std::option::Option::Some(value) = #name { #push } }
            }
        })
        .collect();
    match (scalars.is_empty(), statements.is_empty()) {
        (true, true) => None,
        (false, true) => Some(quote! { ::std::vec![ #( #scalars ),* ] }),
        _ => Some(quote! {{
            let mut pairs: ::std::vec::Vec<(&'static str, ::std::string::String)> = ::std::vec![ #( #scalars ),* ];
            #( #statements )*
            pairs
        }}),
    }
}

/// The text of a one-pair parameter: JSON content as JSON text, a list or an
/// object in a header in its style, anything else as it displays.
fn pair_value(param: &Param, value: &proc_macro2::Ident) -> TokenStream {
    let wire = &param.wire_name;
    if param.json {
        let value = by_reference(param, value);
        return quote! { runtime::endpoint::json_text(OPERATION, #wire, #value)? };
    }
    if param.style.is_none() {
        return text_of(&param.ty, &quote! { #value });
    }
    let explode = param.explode;
    let value = by_reference(param, value);
    quote! { runtime::endpoint::header_value(OPERATION, #wire, #value, #explode)? }
}

/// The header or query name and the text of a one-pair parameter; a cookie is a
/// `Cookie` pair of `name=value`.
fn pair(param: &Param, value: &proc_macro2::Ident) -> (String, TokenStream) {
    let text = pair_value(param, value);
    if param.location != ParamLocation::Cookie {
        return (param.wire_name.clone(), text);
    }
    let wire = &param.wire_name;
    if param.style == Some(ParamStyle::Form) {
        let explode = param.explode;
        let value = by_reference(param, value);
        let cookies =
            quote! { runtime::endpoint::styled_cookie(OPERATION, #wire, #value, #explode)? };
        return ("Cookie".to_owned(), cookies);
    }
    let text = match param.ty {
        TypeRef::String if !param.json => quote! { #value },
        _ => quote! { &#text },
    };
    let cookie = quote! { runtime::endpoint::cookie(#wire, #text) };
    ("Cookie".to_owned(), cookie)
}

/// Pushes the pair(s) of one parameter whose value is `value`.
fn push_pairs(param: &Param, value: &proc_macro2::Ident) -> TokenStream {
    let wire = &param.wire_name;
    if param.location == ParamLocation::Cookie {
        let (wire, text) = pair(param, value);
        return quote! { pairs.push((#wire, #text)); };
    }
    if param.style.is_some() || param.json {
        let text = pair_value(param, value);
        return quote! { pairs.push((#wire, #text)); };
    }
    match (&param.ty, param.explode) {
        (TypeRef::Vec(item), true) => {
            let text = item_text(item, &quote! { item });
            quote! {
                for item in #value.iter() {
                    pairs.push((#wire, #text));
                }
            }
        }
        (TypeRef::Vec(item), false) => {
            let write = match **item {
                TypeRef::DateTime => quote! { runtime::time::to_text },
                _ => quote! { ::std::string::ToString::to_string },
            };
            quote! {
                let joined: ::std::vec::Vec<::std::string::String> = #value.iter().map(#write).collect();
                pairs.push((#wire, joined.join(",")));
            }
        }
        (ty, _) => {
            let text = text_of(ty, &quote! { #value });
            quote! { pairs.push((#wire, #text)); }
        }
    }
}

/// The wire text of `value`, a scalar parameter's value of type `ty`: a date-time
/// as RFC 3339 (its `Display` is not), anything else as it displays.
fn text_of(ty: &TypeRef, value: &TokenStream) -> TokenStream {
    match ty {
        TypeRef::DateTime => quote! { runtime::time::to_text(&#value) },
        _ => quote! { #value.to_string() },
    }
}

/// As [`text_of`], for `item`, a reference to an item of a list.
fn item_text(ty: &TypeRef, item: &TokenStream) -> TokenStream {
    match ty {
        TypeRef::DateTime => quote! { runtime::time::to_text(#item) },
        _ => quote! { #item.to_string() },
    }
}

/// The spec's summary and description, then the call it makes, its arguments,
/// the setters of its optional inputs, and its errors. An argument's description
/// is folded into its list line, where a code block in it becomes a code span
/// ([`sanitize_inline`]).
fn method_docs(op: &Operation) -> TokenStream {
    let mut lines: Vec<String> = sanitize_lines(&op.docs);
    if !lines.is_empty() {
        lines.push(String::new());
    }
    lines.push(format!(
        "{} (operation {}). Await the request for the answer, or its \
         [`with_response`](crate::requests::{}::with_response) for the status and headers \
         too.",
        code_span(&format!("{} {}", op.method.as_str(), op.path_template)),
        code_span(&op.id),
        op.request_type
    ));
    let required: Vec<String> = op
        .params
        .iter()
        .filter(|p| p.required)
        .map(|p| format!("- `{}` {}", unraw(&p.rust_name), param_text(p)))
        .chain(
            op.body
                .as_ref()
                .filter(|b| b.required)
                .map(|_| format!("- `body`: {}", body_text(op))),
        )
        .collect();
    if !required.is_empty() {
        lines.push(String::new());
        lines.push("# Arguments".to_owned());
        lines.extend(required);
    }
    if !super::requests::setters(op).is_empty() {
        lines.push(String::new());
        lines.push(format!(
            "Its optional inputs are set on the request: see [`{0}`](crate::requests::{0}).",
            op.request_type
        ));
    }
    lines.push(String::new());
    lines.push("# Errors".to_owned());
    lines.extend(error_lines(op));
    raw_doc_attrs(&lines)
}

/// `(query `limit`): its description`, for a parameter's line in the docs.
pub(super) fn param_text(param: &Param) -> String {
    let place = match param.location {
        ParamLocation::Path => "path",
        ParamLocation::Query => "query",
        ParamLocation::Header => "header",
        ParamLocation::Cookie => "cookie",
    };
    let text = sanitize_inline(&param.docs);
    let text = if text.is_empty() {
        "(no description in the spec)".to_owned()
    } else {
        text
    };
    format!("({place} {}): {text}", code_span(&param.wire_name))
}

/// The body's description, or what it is when the spec gives none.
pub(super) fn body_text(op: &Operation) -> String {
    let Some(body) = &op.body else {
        return String::new();
    };
    let text = sanitize_inline(&body.docs);
    if !text.is_empty() {
        return text;
    }
    match &body.media {
        BodyMedia::Json => "the JSON request body.".to_owned(),
        BodyMedia::Form => "the request body, sent as a form.".to_owned(),
        BodyMedia::Multipart => {
            "the request body, sent as `multipart/form-data`: a part per property.".to_owned()
        }
        BodyMedia::Text(kind) | BodyMedia::Bytes(kind) => {
            format!("the request body, sent as {}.", code_span(kind))
        }
    }
}

/// Which errors this operation can give.
fn error_lines(op: &Operation) -> Vec<String> {
    let mut cases = vec![
        "[`Error::Api`] for an error status".to_owned(),
        "[`Error::Transport`] when the request fails (connection, timeout)".to_owned(),
    ];
    match &op.success {
        Success::Json(_) | Success::MaybeJson(_) | Success::ByStatus { .. } => {
            cases.push(format!(
                "[`Error::Decode`] when a success answer ({}) is not what the spec describes, \
                 [`Error::Unsuccessful`] when it says in its body that the operation failed",
                success_codes(op)
            ));
        }
        Success::Text => cases.push(format!(
            "[`Error::Decode`] when a success answer ({}) is not UTF-8 text",
            success_codes(op)
        )),
        Success::Empty | Success::Bytes => {}
    }
    if op.params.iter().any(|p| p.location == ParamLocation::Path) {
        cases.push(
            "[`Error::InvalidParameter`] for a path parameter that is empty, `.` or `..`"
                .to_owned(),
        );
    }
    let last = cases.pop().unwrap_or_default();
    vec![format!("{}, or {last}.", cases.join(", "))]
}

fn success_codes(op: &Operation) -> String {
    if op.success_codes.is_empty() {
        return "2xx".to_owned();
    }
    op.success_codes
        .iter()
        .map(u16::to_string)
        .collect::<Vec<_>>()
        .join(" or ")
}
