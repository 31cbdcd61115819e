//! Small token builders shared by the emitters.

use proc_macro2::{Ident, Span, TokenStream};
use quote::quote;

use super::prose;
use crate::model::{Docs, TypeRef};

/// An identifier from a name the naming module made (raw where it says `r#`).
pub fn ident(name: &str) -> Ident {
    match name.strip_prefix("r#") {
        Some(raw) => Ident::new_raw(raw, Span::call_site()),
        None => Ident::new(name, Span::call_site()),
    }
}

/// `#[doc]` attributes for the spec's `docs`, made safe for rustdoc (no doctest,
/// no HTML, no broken link: see [`prose`]), or for `fallback` when it gave none.
pub fn doc_attrs(docs: &Docs, fallback: &str) -> TokenStream {
    if docs.is_empty() {
        return raw_doc_attrs(&[fallback.to_owned()]);
    }
    raw_doc_attrs(&prose::sanitize_lines(docs))
}

/// `#[doc]` attributes for lines the generator wrote, which may hold doc links.
/// Spec text goes in only through [`prose`].
pub fn raw_doc_attrs(lines: &[String]) -> TokenStream {
    let lines = lines.iter().map(|line| format!(" {line}"));
    quote! { #( #[doc = #lines] )* }
}

/// The Rust type of a model type, with every path absolute, so a spec type named
/// `Option` or `String` cannot shadow the standard one.
pub fn type_tokens(ty: &TypeRef) -> TokenStream {
    match ty {
        TypeRef::String => quote! { ::std::string::String },
        TypeRef::I32 => quote! { i32 },
        TypeRef::I64 => quote! { i64 },
        TypeRef::F32 => quote! { f32 },
        TypeRef::F64 => quote! { f64 },
        TypeRef::Bool => quote! { bool },
        TypeRef::Any => quote! { ::serde_json::Value },
        TypeRef::Named(name) => {
            let name = ident(name);
            quote! { crate::types::#name }
        }
        TypeRef::Vec(item) | TypeRef::OneOrMany(item) => {
            let item = type_tokens(item);
            quote! { ::std::vec::Vec<#item> }
        }
        TypeRef::Map(value) => {
            let value = type_tokens(value);
            quote! { ::std::collections::BTreeMap<::std::string::String, #value> }
        }
        TypeRef::File => quote! { crate::runtime::multipart::File },
        TypeRef::DateTime => quote! { ::chrono::DateTime<::chrono::FixedOffset> },
        TypeRef::Date => quote! { ::chrono::NaiveDate },
        TypeRef::Uuid => quote! { ::uuid::Uuid },
    }
}

/// The `name` without its `r#`, as serde sees it.
pub fn unraw(name: &str) -> &str {
    name.strip_prefix("r#").unwrap_or(name)
}
