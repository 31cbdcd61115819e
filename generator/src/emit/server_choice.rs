//! The enum of servers a spec offers through a server variable's `enum`.

use proc_macro2::TokenStream;
use quote::quote;

use super::prose::{code_span, sanitize_lines};
use super::tokens::{doc_attrs, ident, raw_doc_attrs};
use crate::model::ServerChoice;
use crate::naming;

/// The builder's setter for the server choice, named after the server variable.
pub fn choice_method_name(choice: &ServerChoice) -> String {
    let name = naming::snake(&choice.type_name);
    let taken = [
        "base_url",
        "access_token",
        "token_source",
        "refresh_token",
        "token_url",
        "http_client",
        "connect_timeout",
        "timeout",
        "user_agent",
        "retry_policy",
        "timer",
        "hook",
        "build",
    ];
    if taken.contains(&name.as_str()) {
        format!("{name}_choice")
    } else {
        name
    }
}

/// The enum, with its labels, values and URLs.
pub fn server_choice(choice: &ServerChoice) -> TokenStream {
    let name = ident(&choice.type_name);
    let docs = doc_attrs(
        &choice.docs,
        &format!("The servers the spec offers, by `{}`.", choice.type_name),
    );
    let variants: Vec<_> = choice.options.iter().map(|o| ident(&o.rust_name)).collect();
    // The option's description (`x-enum-descriptions`), then its URL; made safe
    // apart, so that a code block the spec leaves open ends before the URL.
    let variant_docs = choice.options.iter().map(|o| {
        let mut lines = sanitize_lines(&o.docs);
        lines.push(String::new());
        lines.push(code_span(&o.url));
        raw_doc_attrs(&lines)
    });
    let default_attr =
        (0..variants.len()).map(|i| (i == choice.default).then(|| quote! { #[default] }));
    let values = choice.options.iter().map(|o| &o.value);
    let labels = choice.options.iter().map(|o| &o.label);
    let urls = choice.options.iter().map(|o| &o.url);
    let count = variants.len();
    let accounts = accounts_servers(choice, &variants);
    quote! {
        #docs
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
        pub enum #name {
            #( #variant_docs #default_attr #variants, )*
        }

        impl #name {
            /// Every option, in the spec's order.
            pub const ALL: [Self; #count] = [ #( Self::#variants ),* ];

            /// The short name the spec gives this option.
            pub fn label(self) -> &'static str {
                match self { #( Self::#variants => #labels, )* }
            }

            /// The value substituted into the server URL.
            pub fn value(self) -> &'static str {
                match self { #( Self::#variants => #values, )* }
            }

            /// The full base URL.
            pub fn base_url(self) -> &'static str {
                match self { #( Self::#variants => #urls, )* }
            }

            #accounts
        }

        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.label())
            }
        }
    }
}

/// `accounts_server()`, when the spec gives `x-accounts-servers`.
fn accounts_servers(choice: &ServerChoice, variants: &[proc_macro2::Ident]) -> Option<TokenStream> {
    let servers: Option<Vec<&String>> = choice
        .options
        .iter()
        .map(|o| o.accounts_server.as_ref())
        .collect();
    let servers = servers?;
    Some(quote! {
        /// The OAuth server that issues tokens for this option (`x-accounts-servers`).
        pub fn accounts_server(self) -> &'static str {
            match self { #( Self::#variants => #servers, )* }
        }
    })
}
