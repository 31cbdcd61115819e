//! `src/types.rs`: one Rust type per schema.

use proc_macro2::TokenStream;
use quote::quote;

use super::tokens::{doc_attrs, ident, type_tokens, unraw};
use crate::model::{AliasDef, EnumDef, Envelope, Field, StructDef, TypeDef, TypeRef, UntaggedDef};

/// The whole `types` module.
pub fn types_file(types: &[TypeDef]) -> TokenStream {
    let items = types.iter().map(type_def);
    quote! {
        #![cfg_attr(rustfmt, rustfmt::skip)]
        //! The API's data types, one per schema of the spec.
        //!
        //! Objects keep the properties the spec does not list in
        //! `additional_properties`, so nothing the server sends is lost; enums keep
        //! values the spec does not list in their `Unknown` variant.
        #( #items )*
    }
}

fn type_def(def: &TypeDef) -> TokenStream {
    match def {
        TypeDef::Struct(s) => struct_def(s),
        TypeDef::IntEnum(e) => int_enum(e),
        TypeDef::StringEnum(e) => string_enum(e),
        TypeDef::Untagged(u) => untagged(u),
        TypeDef::Alias(a) => alias(a),
    }
}

fn struct_def(def: &StructDef) -> TokenStream {
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
    let all_optional = def.fields.iter().all(|f| !f.required);
    let default = all_optional.then(|| quote! { Default, });
    let constructor = (!all_optional).then(|| constructor(def));
    let failure = def.envelope.as_ref().map(|e| failure_method(&def.name, e));
    quote! {
        #docs
        #[derive(Debug, Clone, PartialEq, #default ::serde::Serialize, ::serde::Deserialize)]
        pub struct #name {
            #( #fields )*
            #extra
        }
        #constructor
        #failure
    }
}

/// `failure()`: why a 2xx answer of this type says it failed, from `x-envelope`.
fn failure_method(name: &str, envelope: &Envelope) -> TokenStream {
    let name = ident(name);
    let status = envelope.status.as_ref().map(|(field, values)| {
        let field_name = ident(&field.rust_name);
        let wire = &field.wire_name;
        let check = quote! {
            let status = status.to_string();
            if ![#( #values ),*].contains(&status.as_str()) {
                return ::std::option::Option::Some(format!("`{}` is {}", #wire, status));
            }
        };
        if field.required {
            quote! { { let status = &self.#field_name; #check } }
        } else {
            quote! { if let ::std::option::Option::Some(status) = &self.#field_name { #check } }
        }
    });
    let items = envelope.items.as_ref().map(|(list, flag)| {
        let list_name = ident(&list.rust_name);
        let list_wire = &list.wire_name;
        let flag_name = ident(&flag.rust_name);
        let flag_wire = &flag.wire_name;
        let failed = if flag.required {
            quote! { !item.#flag_name }
        } else {
            quote! { item.#flag_name == ::std::option::Option::Some(false) }
        };
        let find = quote! {
            if let ::std::option::Option::Some(index) = items.iter().position(|item| #failed) {
                return ::std::option::Option::Some(format!("`{}[{}].{}` is false", #list_wire, index, #flag_wire));
            }
        };
        if list.required {
            quote! { { let items = &self.#list_name; #find } }
        } else {
            quote! { if let ::std::option::Option::Some(items) = &self.#list_name { #find } }
        }
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

fn field(field: &Field) -> TokenStream {
    let docs = doc_attrs(&field.docs, &format!("The `{}` property.", field.wire_name));
    let name = ident(&field.rust_name);
    let rename = (unraw(&field.rust_name) != field.wire_name).then(|| {
        let wire = &field.wire_name;
        quote! { #[serde(rename = #wire)] }
    });
    let inner = field_type(field);
    let one_or_many = matches!(field.ty, TypeRef::OneOrMany(_));
    let (ty, serde) = match (field.required, one_or_many) {
        (true, false) => (inner, quote! {}),
        (true, true) => (
            inner,
            quote! { #[serde(deserialize_with = "crate::support::one_or_many")] },
        ),
        (false, false) => (
            quote! { ::std::option::Option<#inner> },
            quote! { #[serde(default, skip_serializing_if = "::std::option::Option::is_none")] },
        ),
        (false, true) => (
            quote! { ::std::option::Option<#inner> },
            quote! {
                #[serde(
                    default,
                    skip_serializing_if = "::std::option::Option::is_none",
                    deserialize_with = "crate::support::option_one_or_many"
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

/// The field's type without the `Option`: boxed where the struct holds itself.
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
    let required: Vec<&Field> = def.fields.iter().filter(|f| f.required).collect();
    let params = required.iter().map(|f| {
        let name = ident(&f.rust_name);
        let ty = field_type(f);
        quote! { #name: #ty }
    });
    let inits = def.fields.iter().map(|f| {
        let name = ident(&f.rust_name);
        if f.required {
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
    let allow = (required.len() > 7).then(|| quote! { #[allow(clippy::too_many_arguments)] });
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
    let variant_docs = def.variants.iter().zip(values).map(|(v, value)| {
        format!(
            " `{}` (`{}`).",
            v.label,
            value.to_string().trim_matches('"')
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
                match value {
                    #( #values => Self::#variants, )*
                    other => Self::Unknown(#unknown_from),
                }
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

fn untagged(def: &UntaggedDef) -> TokenStream {
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
        .all(|(_, ty)| is_displayable(ty))
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

fn describe(variant: &str) -> String {
    let lower = variant.to_lowercase();
    let article = if lower.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {lower}")
}

fn is_displayable(ty: &TypeRef) -> bool {
    matches!(
        ty,
        TypeRef::String | TypeRef::I32 | TypeRef::I64 | TypeRef::F32 | TypeRef::F64 | TypeRef::Bool
    )
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
