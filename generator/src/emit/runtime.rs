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
    needed: Need,
}

/// Which crates need a module.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Need {
    /// Every crate.
    Always,
    /// Crates whose spec has a security scheme.
    Auth,
    /// Crates whose spec states constraints to check before sending.
    Constraints,
    /// Crates whose spec has a `date-time`.
    DateTimes,
}

impl Need {
    fn holds(self, api: &Api) -> bool {
        match self {
            Need::Always => true,
            Need::Auth => !api.schemes.is_empty(),
            Need::Constraints => super::structs::has_constraints(api),
            Need::DateTimes => super::uses_type(api, &crate::model::TypeRef::DateTime),
        }
    }
}

/// A runtime module that every crate needs, or one that `needed` says of.
macro_rules! module {
    ($name:literal) => {
        module!($name, Need::Always)
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
    module!("auth", Need::Auth),
    module!("body"),
    module!("credential"),
    module!("dispatch"),
    module!("endpoint"),
    module!("error"),
    module!("hooks"),
    module!("multipart"),
    module!("options"),
    module!("request"),
    module!("retry"),
    module!("secret"),
    module!("time", Need::DateTimes),
    module!("validate", Need::Constraints),
];

/// The runtime modules `api` needs: `(path in the crate, contents)`, each the
/// runtime crate's file after a header that says where it comes from.
pub fn inline_files(api: &Api) -> Vec<(String, String)> {
    MODULES
        .iter()
        .filter(|m| m.needed.holds(api))
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
    let modules = MODULES.iter().filter(|m| m.needed.holds(api)).map(|m| {
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

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use super::*;

    /// The sibling modules each runtime module names (`super::name`).
    fn dependencies() -> BTreeMap<&'static str, BTreeSet<String>> {
        let names: BTreeSet<&str> = MODULES.iter().map(|m| m.name).collect();
        MODULES
            .iter()
            .map(|m| {
                let used = m
                    .source
                    .split("super::")
                    .skip(1)
                    .filter_map(|rest| {
                        let name: String = rest
                            .chars()
                            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                            .collect();
                        names.contains(name.as_str()).then_some(name)
                    })
                    .filter(|name| name != m.name)
                    .collect();
                (m.name, used)
            })
            .collect()
    }

    #[test]
    fn the_modules_depend_on_each_other_in_one_direction() {
        let mut left = dependencies();
        // Take away, again and again, the modules that need none of those left.
        while !left.is_empty() {
            let free: Vec<&str> = left
                .iter()
                .filter(|(_, used)| used.iter().all(|u| !left.contains_key(u.as_str())))
                .map(|(name, _)| *name)
                .collect();
            assert!(!free.is_empty(), "an import cycle among {left:?}");
            for name in free {
                left.remove(name);
            }
        }
    }

    #[test]
    fn a_module_every_crate_gets_needs_only_modules_every_crate_gets() {
        let always_included: BTreeSet<&str> = MODULES
            .iter()
            .filter(|m| m.needed == Need::Always)
            .map(|m| m.name)
            .collect();
        for (name, used) in dependencies() {
            if always_included.contains(name) {
                for dependency in used {
                    assert!(
                        always_included.contains(dependency.as_str()),
                        "{name} needs {dependency}, which a crate may not get"
                    );
                }
            }
        }
    }

    #[test]
    fn every_file_of_the_runtime_crate_is_a_module_written_out() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("runtime/src");
        let mut files: Vec<String> = std::fs::read_dir(&folder)
            .into_iter()
            .flatten()
            .flatten()
            .filter_map(|entry| entry.file_name().into_string().ok())
            .filter(|name| name != "lib.rs")
            .collect();
        files.sort();
        let modules: Vec<String> = MODULES.iter().map(|m| format!("{}.rs", m.name)).collect();
        assert_eq!(files, modules);
        let lib = std::fs::read_to_string(folder.join("lib.rs")).unwrap_or_default();
        for module in MODULES {
            assert!(
                lib.contains(&format!("pub mod {};", module.name)),
                "lib.rs does not declare {}",
                module.name
            );
        }
    }
}
