//! `src/types.rs`: one Rust type per schema.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::quote;

use super::prose::code_span;
use super::tokens::{doc_attrs, ident, type_tokens};
use crate::model::{
    AliasDef, EnumDef, Operation, Success, TaggedDef, TypeDef, TypeRef, UntaggedDef,
};

/// The whole `types` module: the schemas' types, then the answer enums of
/// operations whose success answers differ by status.
pub fn types_file(types: &[TypeDef], operations: &[Operation]) -> TokenStream {
    let validating = super::structs::validating_types(types);
    let enums = enum_names(types);
    let items = types.iter().map(|def| type_def(def, &validating, &enums));
    let answers = operations.iter().filter_map(answer_enum);
    quote! {
        #![cfg_attr(rustfmt, rustfmt::skip)]
        //! The API's data types, one per schema of the spec.
        //!
        //! Objects keep the properties the spec does not list in
        //! `additional_properties`, so nothing the server sends is lost; enums keep
        //! values the spec does not list in their `Unknown` variant.
        #( #items )*
        #( #answers )*
    }
}

/// The enum of `op`'s success answers, when they differ by status.
fn answer_enum(op: &Operation) -> Option<TokenStream> {
    let Success::ByStatus { name, variants } = &op.success else {
        return None;
    };
    let docs = doc_attrs(
        &Vec::new(),
        &format!(
            "The success answers of {}, which differ by status: which one came.",
            code_span(&op.id)
        ),
    );
    let name = ident(name);
    let variants = variants.iter().map(|v| {
        let case = ident(&v.name);
        let status = v
            .status
            .map_or_else(|| "Another 2xx status".to_owned(), |s| format!("HTTP {s}"));
        match &v.body {
            Some(ty) => {
                let ty = type_tokens(ty);
                let doc = format!(" {status}, with its body.");
                quote! { #[doc = #doc] #case(#ty), }
            }
            None => {
                let doc = format!(" {status}, without a body.");
                quote! { #[doc = #doc] #case, }
            }
        }
    });
    Some(quote! {
        #docs
        #[derive(Debug, Clone, PartialEq)]
        pub enum #name {
            #( #variants )*
        }
    })
}

/// The named types that show as their wire value (`Display`): the crate's enums,
/// and aliases of scalars or of those.
pub fn enum_names(types: &[TypeDef]) -> BTreeSet<&str> {
    let mut names: BTreeSet<&str> = types
        .iter()
        .filter(|def| matches!(def, TypeDef::IntEnum(_) | TypeDef::StringEnum(_)))
        .map(TypeDef::name)
        .collect();
    loop {
        let before = names.len();
        for def in types {
            if let TypeDef::Alias(alias) = def {
                if is_displayable(&alias.target, &names) {
                    names.insert(&alias.name);
                }
            }
        }
        if names.len() == before {
            return names;
        }
    }
}

fn type_def(def: &TypeDef, validating: &BTreeSet<String>, enums: &BTreeSet<&str>) -> TokenStream {
    match def {
        TypeDef::Struct(s) => super::structs::struct_def(s, validating),
        TypeDef::IntEnum(e) => int_enum(e),
        TypeDef::StringEnum(e) => string_enum(e),
        TypeDef::Untagged(u) => untagged(u, enums),
        TypeDef::Tagged(t) => tagged(t),
        TypeDef::Alias(a) => alias(a),
    }
}

fn int_enum(def: &EnumDef<i64>) -> TokenStream {
    let values: Vec<TokenStream> = def
        .variants
        .iter()
        .map(|v| {
            let n = proc_macro2::Literal::i64_unsuffixed(v.value);
            quote! { #n }
        })
        .collect();
    enum_def(def, &values, quote! { i64 }, true)
}

fn string_enum(def: &EnumDef<String>) -> TokenStream {
    let values: Vec<TokenStream> = def
        .variants
        .iter()
        .map(|v| {
            let s = &v.value;
            quote! { #s }
        })
        .collect();
    enum_def(def, &values, quote! { ::std::string::String }, false)
}

/// An enum with one variant per known value and `Unknown` for the rest, converted
/// through its wire value so that unknown values round-trip.
fn enum_def<V>(
    def: &EnumDef<V>,
    values: &[TokenStream],
    wire: TokenStream,
    copy: bool,
) -> TokenStream {
    let docs = doc_attrs(&def.docs, &format!("The `{}` schema.", def.name));
    let name = ident(&def.name);
    let variants: Vec<_> = def.variants.iter().map(|v| ident(&v.rust_name)).collect();
    // Labels and values are the spec's strings: quoted so they cannot be Markdown.
    let variant_docs = def.variants.iter().zip(values).map(|(v, value)| {
        format!(
            " {} ({}).",
            code_span(&v.label),
            code_span(value.to_string().trim_matches('"'))
        )
    });
    let copy_derive = copy.then(|| quote! { Copy, });
    let (value_ty, value_of_unknown, from_param) = if copy {
        (quote! { i64 }, quote! { *value }, quote! { value: i64 })
    } else {
        (
            quote! { &str },
            quote! { value.as_str() },
            quote! { value: &str },
        )
    };
    let unknown_from = if copy {
        quote! { other }
    } else {
        quote! { other.to_owned() }
    };
    // An enum whose every listed value was left out has nothing to match.
    let from_value_body = if def.variants.is_empty() {
        let from_value = if copy {
            quote! { value }
        } else {
            quote! { value.to_owned() }
        };
        quote! { Self::Unknown(#from_value) }
    } else {
        quote! {
            match value {
                #( #values => Self::#variants, )*
                other => Self::Unknown(#unknown_from),
            }
        }
    };
    let from_wire = if copy {
        quote! { value }
    } else {
        quote! { &value }
    };
    quote! {
        #docs
        #[derive(Debug, Clone, #copy_derive PartialEq, Eq, Hash)]
        pub enum #name {
            #( #[doc = #variant_docs] #variants, )*
            /// A value the spec does not list, kept as sent.
            Unknown(#wire),
        }

        impl #name {
            /// The value on the wire.
            pub fn value(&self) -> #value_ty {
                match self {
                    #( Self::#variants => #values, )*
                    Self::Unknown(value) => #value_of_unknown,
                }
            }

            /// The variant for a wire value; values the spec does not list give `Unknown`.
            pub fn from_value(#from_param) -> Self {
                #from_value_body
            }
        }

        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                ::std::fmt::Display::fmt(&self.value(), f)
            }
        }

        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                ::serde::Serialize::serialize(&self.value(), serializer)
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let value: #wire = ::serde::Deserialize::deserialize(deserializer)?;
                ::std::result::Result::Ok(Self::from_value(#from_wire))
            }
        }
    }
}

fn untagged(def: &UntaggedDef, enums: &BTreeSet<&str>) -> TokenStream {
    let docs = doc_attrs(&def.docs, &format!("The `{}` schema.", def.name));
    let name = ident(&def.name);
    let variants = def.variants.iter().map(|(variant, ty)| {
        let variant = ident(variant);
        let ty = type_tokens(ty);
        let doc = format!(" The value as {}.", describe(&variant.to_string()));
        quote! { #[doc = #doc] #variant(#ty), }
    });
    let display = def
        .variants
        .iter()
        .all(|(_, ty)| is_displayable(ty, enums))
        .then(|| {
            let arms = def.variants.iter().map(|(variant, _)| {
                let variant = ident(variant);
                quote! { Self::#variant(value) => ::std::fmt::Display::fmt(value, f), }
            });
            quote! {
                impl ::std::fmt::Display for #name {
                    fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                        match self { #( #arms )* }
                    }
                }
            }
        });
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, ::serde::Serialize, ::serde::Deserialize)]
        #[serde(untagged)]
        pub enum #name {
            #( #variants )*
        }
        #display
    }
}

/// An enum read by its tag property; tags the spec does not list are kept as JSON.
/// The tag stays in the variant's JSON, since the variant's schema names it too.
fn tagged(def: &TaggedDef) -> TokenStream {
    let docs = doc_attrs(&def.docs, &format!("The `{}` schema.", def.name));
    let name = ident(&def.name);
    let property = &def.property;
    let variants: Vec<_> = def.variants.iter().map(|(v, _, _)| ident(v)).collect();
    let tags: Vec<&String> = def.variants.iter().map(|(_, tag, _)| tag).collect();
    let types = def.variants.iter().map(|(_, _, ty)| type_tokens(ty));
    let variant_docs = tags
        .iter()
        .map(|tag| format!(" {}.", code_span(&format!("{property}: {tag}"))));
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq)]
        pub enum #name {
            #( #[doc = #variant_docs] #variants(#types), )*
            /// A tag the spec does not list, kept as sent.
            Unknown(::serde_json::Value),
        }

        impl ::serde::Serialize for #name {
            fn serialize<S: ::serde::Serializer>(&self, serializer: S) -> ::std::result::Result<S::Ok, S::Error> {
                match self {
                    #( Self::#variants(value) => ::serde::Serialize::serialize(value, serializer), )*
                    Self::Unknown(value) => ::serde::Serialize::serialize(value, serializer),
                }
            }
        }

        impl<'de> ::serde::Deserialize<'de> for #name {
            fn deserialize<D: ::serde::Deserializer<'de>>(deserializer: D) -> ::std::result::Result<Self, D::Error> {
                let value: ::serde_json::Value = ::serde::Deserialize::deserialize(deserializer)?;
                let tag = value.get(#property).and_then(::serde_json::Value::as_str).map(str::to_owned);
                match tag.as_deref() {
                    #( ::std::option::Option::Some(#tags) => ::serde_json::from_value(value).map(Self::#variants).map_err(::serde::de::Error::custom), )*
                    _ => ::std::result::Result::Ok(Self::Unknown(value)),
                }
            }
        }
    }
}

fn describe(variant: &str) -> String {
    let lower = variant.to_lowercase();
    let article = if lower.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {lower}")
}

/// Scalars and the crate's enums show as their value on the wire.
fn is_displayable(ty: &TypeRef, enums: &BTreeSet<&str>) -> bool {
    match ty {
        TypeRef::Named(name) => enums.contains(name.as_str()),
        _ => matches!(
            ty,
            TypeRef::String
                | TypeRef::I32
                | TypeRef::I64
                | TypeRef::F32
                | TypeRef::F64
                | TypeRef::Bool
        ),
    }
}

fn alias(def: &AliasDef) -> TokenStream {
    let docs = doc_attrs(&def.docs, &format!("The `{}` schema.", def.name));
    let name = ident(&def.name);
    let target = type_tokens(&def.target);
    quote! {
        #docs
        pub type #name = #target;
    }
}
