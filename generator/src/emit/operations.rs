//! Two `Client` methods per operation: one that returns the decoded answer, and one
//! (`…_with_response`) that returns it with the answer's status and headers.

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

/// The pair of async methods for `op`.
///
/// `checked` names the types whose answers can report failure in their body
/// (`x-envelope`); they have a `failure()` method.
/// `validating` names the types with constraints to check before sending.
pub fn operation_method(
    op: &Operation,
    checked: &BTreeSet<&str>,
    validating: &BTreeSet<String>,
) -> TokenStream {
    let name = ident(&op.fn_name);
    let with_response = format_ident!("{}_with_response", unraw(&op.fn_name).trim_end_matches('_'));
    let args: Vec<TokenStream> = op
        .params
        .iter()
        .map(argument)
        .chain(body_argument(op))
        .collect();
    let arg_names: Vec<TokenStream> = op
        .params
        .iter()
        .map(|p| {
            let name = ident(&p.rust_name);
            quote! { #name }
        })
        .chain(op.body.as_ref().map(|_| quote! { body }))
        .collect();
    let output = output_type(&op.success);
    let allow = (args.len() + 1 > CLIPPY_MAX_ARGUMENTS)
        .then(|| quote! { #[allow(clippy::too_many_arguments)] });
    let docs = method_docs(op, false);
    let raw_docs = method_docs(op, true);
    let body = call_body(op, checked, validating);
    quote! {
        #docs
        #allow
        pub async fn #name(&self, #( #args ),*) -> ::std::result::Result<#output, Error> {
            self.#with_response(#( #arg_names ),*).await.map(runtime::body::Response::into_value)
        }

        #raw_docs
        #allow
        pub async fn #with_response(&self, #( #args ),*) -> ::std::result::Result<runtime::body::Response<#output>, Error> {
            #body
        }
    }
}

/// Builds the call, runs it, decodes the answer.
fn call_body(
    op: &Operation,
    checked: &BTreeSet<&str>,
    validating: &BTreeSet<String>,
) -> TokenStream {
    let id = &op.id;
    let alternatives = op.security.iter().map(|alternative| {
        let indices = alternative
            .iter()
            .map(|index| proc_macro2::Literal::usize_unsuffixed(*index));
        quote! { &[ #( #indices ),* ] }
    });
    let template = &op.path_template;
    let method = ident(op.method.as_str());
    let url = url_building(op);
    let query = pairs(op, ParamLocation::Query);
    let headers = pairs(op, ParamLocation::Header);

    let validate = op.body.as_ref().and_then(|b| match &b.ty {
        TypeRef::Named(name) if validating.contains(name) => Some(if b.required {
            quote! { runtime::validate::validate_body(OPERATION, body)?; }
        } else {
            quote! { if let ::std::option::Option::Some(body) = body { runtime::validate::validate_body(OPERATION, body)?; } }
        }),
        _ => None,
    });
    let body = op.body.as_ref().map_or_else(
        || quote! { ::std::option::Option::None },
        |b| {
            let (write, fallible) = writer(&b.media);
            match (b.required, fallible) {
                (true, true) => quote! { ::std::option::Option::Some(#write?) },
                (true, false) => quote! { ::std::option::Option::Some(#write) },
                (false, true) => quote! { body.map(|body| #write).transpose()? },
                (false, false) => quote! { body.map(|body| #write) },
            }
        },
    );
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
            query: #query,
            headers: #headers,
            body: #body,
            security: &[ #( #alternatives ),* ],
        };
        let answer = self.core.execute(&call, self.timeout).await?;
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
fn output_type(success: &Success) -> TokenStream {
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

fn argument(param: &Param) -> TokenStream {
    let name = ident(&param.rust_name);
    let ty = match &param.ty {
        TypeRef::Vec(item) if param.structured.is_none() => {
            let item = type_tokens(item);
            quote! { &[#item] }
        }
        _ if param.compound => {
            let ty = type_tokens(&param.ty);
            quote! { &#ty }
        }
        TypeRef::String => quote! { &str },
        _ => type_tokens(&param.ty),
    };
    if param.required {
        quote! { #name: #ty }
    } else {
        quote! { #name: ::std::option::Option<#ty> }
    }
}

/// `body`: a reference to a typed value, or text or bytes taken by value (any
/// `Into<String>` or `Into<Bytes>` when required).
fn body_argument(op: &Operation) -> Option<TokenStream> {
    let body = op.body.as_ref()?;
    let owned = match &body.media {
        BodyMedia::Json | BodyMedia::Form | BodyMedia::Multipart => None,
        BodyMedia::Text(_) => Some(quote! { ::std::string::String }),
        BodyMedia::Bytes(_) => Some(quote! { runtime::body::Bytes }),
    };
    Some(match (owned, body.required) {
        (None, required) => {
            let ty = type_tokens(&body.ty);
            if required {
                quote! { body: &#ty }
            } else {
                quote! { body: ::std::option::Option<&#ty> }
            }
        }
        (Some(ty), true) => quote! { body: impl ::std::convert::Into<#ty> },
        (Some(ty), false) => quote! { body: ::std::option::Option<#ty> },
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
        let mut url = self.core.base_url().to_owned();
        #( #steps )*
        #( #structured )*
    }
}

/// The `(name, value)` pairs of the query or the headers; optional ones only when
/// given; a query array as one pair per item, or one pair joined by `,`.
fn pairs(op: &Operation, location: ParamLocation) -> TokenStream {
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
    let scalars = params
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
        );
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
    if statements.is_empty() {
        return quote! { ::std::vec![ #( #scalars ),* ] };
    }
    quote! {{
        let mut pairs: ::std::vec::Vec<(&'static str, ::std::string::String)> = ::std::vec![ #( #scalars ),* ];
        #( #statements )*
        pairs
    }}
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

/// The spec's summary and description, then the call it makes, its arguments and
/// its errors. An argument's description is folded into its list line, where a
/// code block in it becomes a code span ([`sanitize_inline`]).
fn method_docs(op: &Operation, with_response: bool) -> TokenStream {
    let mut lines: Vec<String> = if with_response {
        vec![format!(
            "[`Self::{}`], with the answer's status and headers.",
            op.fn_name
        )]
    } else {
        sanitize_lines(&op.docs)
    };
    if !lines.is_empty() {
        lines.push(String::new());
    }
    lines.push(format!(
        "{} (operation {}).",
        code_span(&format!("{} {}", op.method.as_str(), op.path_template)),
        code_span(&op.id)
    ));
    if !with_response && (!op.params.is_empty() || op.body.is_some()) {
        lines.push(String::new());
        lines.push("# Arguments".to_owned());
        for param in &op.params {
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
            lines.push(format!(
                "- `{}` ({place} {}): {text}",
                unraw(&param.rust_name),
                code_span(&param.wire_name)
            ));
        }
        if let Some(body) = &op.body {
            let text = sanitize_inline(&body.docs);
            let text = if text.is_empty() {
                match &body.media {
                    BodyMedia::Json => "the JSON request body.".to_owned(),
                    BodyMedia::Form => "the request body, sent as a form.".to_owned(),
                    BodyMedia::Multipart => {
                        "the request body, sent as `multipart/form-data`: a part per property."
                            .to_owned()
                    }
                    BodyMedia::Text(kind) | BodyMedia::Bytes(kind) => {
                        format!("the request body, sent as {}.", code_span(kind))
                    }
                }
            } else {
                text
            };
            lines.push(format!("- `body`: {text}"));
        }
    }
    lines.push(String::new());
    lines.push("# Errors".to_owned());
    lines.extend(error_lines(op));
    raw_doc_attrs(&lines)
}

/// Which errors this operation can give.
fn error_lines(op: &Operation) -> Vec<String> {
    let mut lines = vec![
        "- [`Error::Api`]: the server answered with an error status.".to_owned(),
        "- [`Error::Transport`]: the request failed (connection, timeout).".to_owned(),
    ];
    match &op.success {
        Success::Json(_) | Success::MaybeJson(_) | Success::ByStatus { .. } => {
            lines.push(format!(
                "- [`Error::Decode`]: a success answer ({}) is not what the spec describes.",
                success_codes(op)
            ));
            lines.push("- [`Error::Unsuccessful`]: a success answer says in its body that the operation failed.".to_owned());
        }
        Success::Text => lines.push(format!(
            "- [`Error::Decode`]: a success answer ({}) is not UTF-8 text.",
            success_codes(op)
        )),
        Success::Empty | Success::Bytes => {}
    }
    if op.params.iter().any(|p| p.location == ParamLocation::Path) {
        lines.push(
            "- [`Error::InvalidParameter`]: a path parameter is empty, `.` or `..`.".to_owned(),
        );
    }
    lines
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
