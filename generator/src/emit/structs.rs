//! Object schemas: the struct, its constructor, its `failure()` check (`x-envelope`)
//! and its validation of the spec's constraints.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::{format_ident, quote};

use super::prose::{code_span, sanitize_lines};
use super::tokens::{doc_attrs, ident, raw_doc_attrs, type_tokens, unraw};
use crate::model::{Constraints, Envelope, Field, StructDef, TypeDef, TypeRef};

/// Whether any type has a constraint to check, so the crate needs the runtime's
/// `validate` module.
pub fn has_constraints(api: &crate::model::Api) -> bool {
    api.types.iter().any(|t| match t {
        TypeDef::Struct(s) => s.fields.iter().any(|f| !f.constraints.is_empty()),
        _ => false,
    })
}

/// The structs that have something to validate, in themselves or in what they hold.
pub fn validating_types(types: &[TypeDef]) -> BTreeSet<String> {
    let structs: Vec<&StructDef> = types
        .iter()
        .filter_map(|t| match t {
            TypeDef::Struct(s) => Some(s),
            _ => None,
        })
        .collect();
    let mut found: BTreeSet<String> = structs
        .iter()
        .filter(|s| s.fields.iter().any(|f| !f.constraints.is_empty()))
        .map(|s| s.name.clone())
        .collect();
    loop {
        let before = found.len();
        for s in &structs {
            if s.fields
                .iter()
                .any(|f| named_in(&f.ty).is_some_and(|n| found.contains(n)))
            {
                found.insert(s.name.clone());
            }
        }
        if found.len() == before {
            return found;
        }
    }
}

/// The named type a field holds, directly or as list or map items.
fn named_in(ty: &TypeRef) -> Option<&str> {
    match ty {
        TypeRef::Named(name) => Some(name),
        TypeRef::Vec(item) | TypeRef::OneOrMany(item) | TypeRef::Map(item) => named_in(item),
        _ => None,
    }
}

/// The struct, with its constructor, failure check and validation.
pub fn struct_def(def: &StructDef, validating: &BTreeSet<String>) -> TokenStream {
    let docs = doc_attrs(&def.docs, &format!("The `{}` schema.", def.name));
    let name = ident(&def.name);
    let fields = def.fields.iter().map(field);
    let extra = def.extra_field.as_deref().map(|extra| {
        let extra = ident(extra);
        quote! {
            /// Properties the spec does not list, kept as sent.
            #[serde(flatten)]
            pub #extra: ::serde_json::Map<::std::string::String, ::serde_json::Value>,
        }
    });
    let any_plain = def.fields.iter().any(Field::is_plain);
    let default = (!any_plain).then(|| quote! { Default, });
    let constructor = any_plain.then(|| constructor(def));
    let failure = def.envelope.as_ref().map(|e| failure_method(&def.name, e));
    let validate = validating
        .contains(&def.name)
        .then(|| validate_impl(def, validating));
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, #default ::serde::Serialize, ::serde::Deserialize)]
        pub struct #name {
            #( #fields )*
            #extra
        }
        #constructor
        #failure
        #validate
    }
}

/// The property's description, then the generator's facts about it; each is made
/// safe on its own, so that a code block the spec leaves open ends before the facts.
fn field_docs(field: &Field) -> TokenStream {
    let mut lines = sanitize_lines(&field.docs);
    lines.extend(sanitize_lines(&field.facts));
    if lines.is_empty() {
        lines.push(format!("The {} property.", code_span(&field.wire_name)));
    }
    raw_doc_attrs(&lines)
}

fn field(field: &Field) -> TokenStream {
    let docs = field_docs(field);
    let name = ident(&field.rust_name);
    let rename = (unraw(&field.rust_name) != field.wire_name).then(|| {
        let wire = &field.wire_name;
        quote! { #[serde(rename = #wire)] }
    });
    let inner = field_type(field);
    let option = |ty: TokenStream| quote! { ::std::option::Option<#ty> };
    let (ty, serde) = match (field.required, field.nullable, tolerant_reader(&field.ty)) {
        (true, false, None) => (inner, quote! {}),
        (true, false, Some((plain, _))) => (inner, quote! { #[serde(deserialize_with = #plain)] }),
        // Required but nullable: always written, `null` when `None`.
        (true, true, None) => (option(inner), quote! {}),
        (true, true, Some((_, optional))) => (
            option(inner),
            quote! { #[serde(default, deserialize_with = #optional)] },
        ),
        (false, _, Some((_, optional))) => (
            option(inner),
            quote! {
                #[serde(
                    default,
                    skip_serializing_if = "::std::option::Option::is_none",
                    deserialize_with = #optional
                )]
            },
        ),
        (false, false, None) => (
            option(inner),
            quote! { #[serde(default, skip_serializing_if = "::std::option::Option::is_none")] },
        ),
        // Optional and nullable: `None` is absent, `Some(None)` is an explicit `null`.
        (false, true, None) => (
            option(option(inner)),
            quote! {
                #[serde(
                    default,
                    skip_serializing_if = "::std::option::Option::is_none",
                    deserialize_with = "crate::runtime::body::double_option"
                )]
            },
        ),
    };
    quote! {
        #docs
        #rename
        #serde
        pub #name: #ty,
    }
}

/// The runtime's readers of a field of type `ty` that is read more tolerantly than
/// serde would: `(required, optional)` `deserialize_with` paths.
fn tolerant_reader(ty: &TypeRef) -> Option<(&'static str, &'static str)> {
    match ty {
        TypeRef::OneOrMany(_) => Some((
            "crate::runtime::body::one_or_many",
            "crate::runtime::body::option_one_or_many",
        )),
        TypeRef::DateTime => Some((
            "crate::runtime::time::date_time",
            "crate::runtime::time::option_date_time",
        )),
        _ => None,
    }
}

/// The field's type without any `Option`: boxed where the struct holds itself.
fn field_type(field: &Field) -> TokenStream {
    let ty = type_tokens(&field.ty);
    if field.boxed {
        quote! { ::std::boxed::Box<#ty> }
    } else {
        ty
    }
}

/// `new(required…)` for structs that cannot derive `Default`.
fn constructor(def: &StructDef) -> TokenStream {
    let name = ident(&def.name);
    let plain: Vec<&Field> = def.fields.iter().filter(|f| f.is_plain()).collect();
    let params = plain.iter().map(|f| {
        let name = ident(&f.rust_name);
        let ty = field_type(f);
        quote! { #name: #ty }
    });
    let inits = def.fields.iter().map(|f| {
        let name = ident(&f.rust_name);
        if f.is_plain() {
            quote! { #name }
        } else {
            quote! { #name: ::std::option::Option::None }
        }
    });
    let extra = def.extra_field.as_deref().map(|extra| {
        let extra = ident(extra);
        quote! { #extra: ::serde_json::Map::new(), }
    });
    let doc = format!(
        " A `{}` with its required properties; the others are `None`.",
        def.name
    );
    let allow = (plain.len() > 7).then(|| quote! { #[allow(clippy::too_many_arguments)] });
    quote! {
        impl #name {
            #[doc = #doc]
            #[must_use]
            #allow
            pub fn new(#( #params ),*) -> Self {
                Self { #( #inits, )* #extra }
            }
        }
    }
}

/// `failure()`: why a 2xx answer of this type says it failed, from `x-envelope`.
fn failure_method(name: &str, envelope: &Envelope) -> TokenStream {
    let name = ident(name);
    let status = envelope.status.as_ref().map(|(field, values)| {
        let field_wire = &field.wire_name;
        let check = quote! {
            if !crate::runtime::body::displays_as_one_of(status, &[#( #values ),*]) {
                return ::std::option::Option::Some(format!("`{}` is {}", #field_wire, status));
            }
        };
        with_value(field, quote! { status }, check)
    });
    let items = envelope.items.as_ref().map(|(list, flag)| {
        let list_wire = &list.wire_name;
        let flag_name = ident(&flag.rust_name);
        let flag_wire = &flag.wire_name;
        let failed = if flag.is_plain() {
            quote! { !item.#flag_name }
        } else {
            quote! { item.#flag_name == ::std::option::Option::Some(false) }
        };
        let find = quote! {
            if let ::std::option::Option::Some(index) = items.iter().position(|item| #failed) {
                return ::std::option::Option::Some(format!("`{}[{}].{}` is false", #list_wire, index, #flag_wire));
            }
        };
        with_value(list, quote! { items }, find)
    });
    quote! {
        impl #name {
            /// Why this answer says the operation failed although its HTTP status is a
            /// success, if it does (the spec's `x-envelope`); the client turns such an
            /// answer into [`crate::Error::Unsuccessful`].
            pub fn failure(&self) -> ::std::option::Option<::std::string::String> {
                #status
                #items
                ::std::option::Option::None
            }
        }
    }
}

/// Runs `body` with `binding` bound to the field's value, when there is one.
fn with_value(field: &Field, binding: TokenStream, body: TokenStream) -> TokenStream {
    let name = ident(&field.rust_name);
    match (
        field.is_plain(),
        !field.required && field.nullable && !matches!(field.ty, TypeRef::OneOrMany(_)),
    ) {
        (true, _) => quote! { { let #binding = &self.#name; #body } },
        (false, true) => quote! {
            if let ::std::option::Option::Some(::std::option::Option::Some(#binding)) = &self.#name { #body }
        },
        (false, false) => quote! {
            if let ::std::option::Option::Some(#binding) = &self.#name { #body }
        },
    }
}

/// `impl Validate`: the spec's constraints on each field, then the fields' own.
fn validate_impl(def: &StructDef, validating: &BTreeSet<String>) -> TokenStream {
    let name = ident(&def.name);
    let checks = def.fields.iter().map(|field| {
        let wire = &field.wire_name;
        let own = constraint_checks(def, field);
        let nested = nested_checks(field, validating);
        if own.is_empty() && nested.is_empty() {
            return quote! {};
        }
        let body = quote! {
            let path = format!("{}.{}", path, #wire);
            #own
            #nested
        };
        with_value(field, quote! { value }, body)
    });
    quote! {
        impl crate::runtime::validate::Validate for #name {
            fn validate_at(&self, path: &str, found: &mut ::std::vec::Vec<crate::runtime::error::Violation>) {
                #( #checks )*
            }
        }
    }
}

/// Checks of the constraints the spec states on one field (its value is `value`).
fn constraint_checks(def: &StructDef, field: &Field) -> TokenStream {
    let c: &Constraints = &field.constraints;
    let mut checks = Vec::new();
    if c.min_length.is_some() || c.max_length.is_some() {
        let (min, max) = (opt_usize(c.min_length), opt_usize(c.max_length));
        checks.push(
            quote! { crate::runtime::validate::check_length(&path, value, #min, #max, found); },
        );
    }
    if c.minimum.is_some() || c.maximum.is_some() {
        let bound = |b: Option<(f64, bool)>| match b {
            Some((v, exclusive)) => quote! { ::std::option::Option::Some((#v, #exclusive)) },
            None => quote! { ::std::option::Option::None },
        };
        let (min, max) = (bound(c.minimum), bound(c.maximum));
        let number = match field.ty {
            TypeRef::F64 => quote! { *value },
            TypeRef::I32 | TypeRef::F32 => quote! { f64::from(*value) },
            _ => quote! { *value as f64 },
        };
        checks.push(
            quote! { crate::runtime::validate::check_range(&path, #number, #min, #max, found); },
        );
    }
    if c.min_items.is_some() || c.max_items.is_some() {
        let (min, max) = (opt_usize(c.min_items), opt_usize(c.max_items));
        checks.push(quote! { crate::runtime::validate::check_items(&path, value.len(), #min, #max, found); });
    }
    if let Some(pattern) = &c.pattern {
        let cell = format_ident!(
            "PATTERN_{}_{}",
            def.name.to_uppercase(),
            unraw(&field.rust_name).to_uppercase()
        );
        checks.push(quote! {
            // Compiled once; the generator checked that the pattern compiles.
            static #cell: ::std::sync::LazyLock<::std::option::Option<::regex::Regex>> =
                ::std::sync::LazyLock::new(|| ::regex::Regex::new(#pattern).ok());
            if let ::std::option::Option::Some(pattern) = #cell.as_ref() {
                if !pattern.is_match(value) {
                    found.push(crate::runtime::error::Violation::new(&path, format!("does not match the pattern `{}`", #pattern)));
                }
            }
        });
    }
    quote! { #( #checks )* }
}

fn opt_usize(value: Option<usize>) -> TokenStream {
    match value {
        Some(n) => quote! { ::std::option::Option::Some(#n) },
        None => quote! { ::std::option::Option::None },
    }
}

/// Validation of the types a field holds.
fn nested_checks(field: &Field, validating: &BTreeSet<String>) -> TokenStream {
    if !named_in(&field.ty).is_some_and(|n| validating.contains(n)) {
        return quote! {};
    }
    let validate = quote! { crate::runtime::validate::Validate::validate_at };
    match &field.ty {
        TypeRef::Named(_) if field.boxed => quote! { #validate(&**value, &path, found); },
        TypeRef::Named(_) => quote! { #validate(value, &path, found); },
        TypeRef::Vec(_) | TypeRef::OneOrMany(_) => quote! {
            for (index, item) in value.iter().enumerate() {
                #validate(item, &format!("{path}[{index}]"), found);
            }
        },
        TypeRef::Map(_) => quote! {
            for (key, item) in value.iter() {
                #validate(item, &format!("{path}.{key}"), found);
            }
        },
        _ => quote! {},
    }
}
