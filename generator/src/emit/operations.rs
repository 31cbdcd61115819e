//! One `Client` method per operation.

use proc_macro2::TokenStream;
use quote::quote;

use super::tokens::{escape_doc, ident, raw_doc_attrs, type_tokens};
use crate::model::{Operation, Param, ParamLocation, PathPart, TypeRef};

/// The async method for `op`.
pub fn operation_method(op: &Operation) -> TokenStream {
    let docs = method_docs(op);
    let name = ident(&op.fn_name);
    let id = &op.id;
    let params = op.params.iter().map(argument);
    let body_param = op.body.as_ref().map(|body| {
        let ty = type_tokens(&body.ty);
        if body.required {
            quote! { body: &#ty, }
        } else {
            quote! { body: ::std::option::Option<&#ty>, }
        }
    });
    let url = url_building(op);
    let method = ident(op.method.as_str());
    let query = op
        .params
        .iter()
        .filter(|p| p.location == ParamLocation::Query)
        .map(query_pair);
    let headers = op
        .params
        .iter()
        .filter(|p| p.location == ParamLocation::Header)
        .map(header);
    let body = op.body.as_ref().map(|body| {
        if body.required {
            quote! { let request = request.json(body); }
        } else {
            quote! { let request = match body { ::std::option::Option::Some(body) => request.json(body), ::std::option::Option::None => request }; }
        }
    });
    let (output, send) = match &op.success {
        Some(ty) => (
            type_tokens(ty),
            quote! { support::send(request, OPERATION).await },
        ),
        None => (
            quote! { () },
            quote! { support::send_empty(request, OPERATION).await },
        ),
    };
    quote! {
        #docs
        pub async fn #name(&self, #( #params )* #body_param) -> ::std::result::Result<#output, Error> {
            const OPERATION: &str = #id;
            #url
            let request = self.request(::reqwest::Method::#method, url);
            #( #query )*
            #( #headers )*
            #body
            #send
        }
    }
}

fn argument(param: &Param) -> TokenStream {
    let name = ident(&param.rust_name);
    let ty = match param.ty {
        TypeRef::String => quote! { &str },
        _ => type_tokens(&param.ty),
    };
    if param.required {
        quote! { #name: #ty, }
    } else {
        quote! { #name: ::std::option::Option<#ty>, }
    }
}

/// Builds `url`: literal parts as written, each path parameter escaped as one segment.
fn url_building(op: &Operation) -> TokenStream {
    let steps = op.path.iter().map(|part| match part {
        PathPart::Literal(text) => quote! { url.push_str(#text); },
        PathPart::Param(rust_name) => {
            let param = op.params.iter().find(|p| &p.rust_name == rust_name);
            let wire = param.map_or(rust_name.as_str(), |p| p.wire_name.as_str());
            let name = ident(rust_name);
            let value = match param.map(|p| &p.ty) {
                Some(TypeRef::String) => quote! { #name },
                _ => quote! { &#name.to_string() },
            };
            quote! { support::push_segment(&mut url, OPERATION, #wire, #value)?; }
        }
    });
    quote! {
        let mut url = self.base_url.clone();
        #( #steps )*
    }
}

fn query_pair(param: &Param) -> TokenStream {
    let name = ident(&param.rust_name);
    let wire = &param.wire_name;
    if param.required {
        quote! { let request = request.query(&[(#wire, #name)]); }
    } else {
        quote! {
            let request = match #name {
                ::std::option::Option::Some(value) => request.query(&[(#wire, value)]),
                ::std::option::Option::None => request,
            };
        }
    }
}

fn header(param: &Param) -> TokenStream {
    let name = ident(&param.rust_name);
    let wire = &param.wire_name;
    let value = match param.ty {
        TypeRef::String => quote! { value },
        _ => quote! { value.to_string() },
    };
    if param.required {
        quote! { let request = { let value = #name; request.header(#wire, #value) }; }
    } else {
        quote! {
            let request = match #name {
                ::std::option::Option::Some(value) => request.header(#wire, #value),
                ::std::option::Option::None => request,
            };
        }
    }
}

/// The spec's summary and description, then the call it makes, its arguments and
/// its errors.
fn method_docs(op: &Operation) -> TokenStream {
    let mut lines: Vec<String> = op.docs.iter().map(|l| escape_doc(l)).collect();
    if !lines.is_empty() {
        lines.push(String::new());
    }
    lines.push(format!(
        "`{} {}` (operation `{}`).",
        op.method.as_str(),
        op.path_template,
        op.id
    ));
    let documented: Vec<&Param> = op.params.iter().collect();
    if !documented.is_empty() || op.body.is_some() {
        lines.push(String::new());
        lines.push("# Arguments".to_owned());
        for param in documented {
            let text = escape_doc(&param.docs.join(" "));
            let place = match param.location {
                ParamLocation::Path => "path",
                ParamLocation::Query => "query",
                ParamLocation::Header => "header",
            };
            lines.push(format!(
                "- `{}` ({place} `{}`): {}",
                param.rust_name.trim_start_matches("r#"),
                param.wire_name,
                text
            ));
        }
        if let Some(body) = &op.body {
            lines.push(format!(
                "- `body`: {}",
                if body.docs.is_empty() {
                    "the JSON request body.".to_owned()
                } else {
                    escape_doc(&body.docs.join(" "))
                }
            ));
        }
    }
    lines.push(String::new());
    lines.push("# Errors".to_owned());
    lines.push(format!(
        "[`Error::Api`] when the server answers with an error status; [`Error::Decode`] when a \
         success answer ({}) is not what the spec describes; [`Error::Transport`] when the request \
         fails; [`Error::InvalidParameter`] when a path parameter is empty, `.` or `..`.",
        success_codes(op)
    ));
    raw_doc_attrs(&lines)
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
