//! The client runtime in a generated crate: the modules of `generator/runtime/`,
//! written out as they are, or a dependency on that crate.
//!
//! The runtime is an ordinary crate, compiled and tested where it is written. A
//! generated crate carries the modules its spec needs under `src/runtime/` (as
//! smithy-rs inlines its runtime files), so that it builds on its own; with
//! [`RuntimeSource::Crate`] it depends on the runtime crate instead (as progenitor
//! depends on progenitor-client), which is what a workspace of many generated
//! crates wants: the runtime compiles once. Either way the generated code reaches
//! it as `crate::runtime`.

use proc_macro2::TokenStream;
use quote::quote;

use crate::model::Api;

/// Where a generated crate's runtime comes from.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum RuntimeSource {
    /// Its modules are written into the crate, under `src/runtime/`.
    #[default]
    Inline,
    /// The crate depends on the runtime crate at this path (relative to the
    /// generated crate, or absolute).
    Crate {
        /// The runtime crate's folder, as the manifest's `path` gives it.
        path: String,
    },
}

/// One module of the runtime: its name and its source.
struct Module {
    name: &'static str,
    source: &'static str,
    /// Whether a crate needs it.
    needed: fn(&Api) -> bool,
}

fn always(_: &Api) -> bool {
    true
}

/// A runtime module that every crate needs, or one that `needed` says of.
macro_rules! module {
    ($name:literal) => {
        module!($name, always)
    };
    ($name:literal, $needed:expr) => {
        Module {
            name: $name,
            source: include_str!(concat!("../../runtime/src/", $name, ".rs")),
            needed: $needed,
        }
    };
}

/// Every runtime module, in name order.
const MODULES: &[Module] = &[
    module!("auth", |api| api.auth.is_some()),
    module!("body"),
    module!("dispatch"),
    module!("endpoint"),
    module!("error"),
    module!("hooks"),
    module!("options"),
    module!("retry"),
    module!("secret"),
    module!("validate", super::structs::has_constraints),
];

/// The runtime modules `api` needs: `(path in the crate, contents)`, each the
/// runtime crate's file after a header that says where it comes from.
pub fn inline_files(api: &Api) -> Vec<(String, String)> {
    MODULES
        .iter()
        .filter(|m| (m.needed)(api))
        .map(|m| {
            let header = format!(
                "// @generated: generator/runtime/src/{}.rs, the generator's client runtime, \
                 as it stands there. Do not edit: change it there and regenerate.\n\n",
                m.name
            );
            (format!("src/runtime/{}.rs", m.name), header + m.source)
        })
        .collect()
}

/// Whether `path` (relative to a generated crate) is a runtime module written as
/// the runtime crate has it; `src/runtime/mod.rs`, which lists them, is not one.
pub fn is_runtime_module(path: &str) -> bool {
    path.strip_prefix("src/runtime/")
        .and_then(|file| file.strip_suffix(".rs"))
        .is_some_and(|name| module_source(name).is_some())
}

/// The source of the runtime module `name`, as the runtime crate has it.
pub fn module_source(name: &str) -> Option<&'static str> {
    MODULES.iter().find(|m| m.name == name).map(|m| m.source)
}

/// `src/runtime/mod.rs`: the modules written.
pub fn mod_file(api: &Api) -> TokenStream {
    let modules = MODULES.iter().filter(|m| (m.needed)(api)).map(|m| {
        let name = super::tokens::ident(m.name);
        quote! { pub mod #name; }
    });
    quote! {
        #![cfg_attr(rustfmt, rustfmt::skip)]
        //! The client runtime: the modules of the generator's runtime crate that this
        //! crate's spec needs, as that crate has them.
        #( #modules )*
    }
}

/// The item of `lib.rs` that brings the runtime in as `crate::runtime`.
pub fn lib_item(source: &RuntimeSource) -> TokenStream {
    match source {
        RuntimeSource::Inline => quote! {
            #[allow(dead_code, reason = "the runtime is linted as a crate of its own; which of its helpers a crate calls depends on its spec")]
            mod runtime;
        },
        RuntimeSource::Crate { .. } => quote! {
            use client_runtime as runtime;
        },
    }
}
