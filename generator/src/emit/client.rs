//! `src/client.rs`: the `Client`, its builder, and the choice of servers.

use proc_macro2::TokenStream;
use quote::quote;

use super::operations::operation_method;
use super::tokens::{doc_attrs, ident, type_tokens};
use crate::model::{Api, Auth, ServerChoice};
use crate::naming;

/// The whole `client` module.
pub fn client_file(api: &Api) -> TokenStream {
    let choice = api.server.choice.as_ref().map(server_choice);
    let error_body = api
        .error_body
        .as_ref()
        .map_or_else(|| quote! { ::serde_json::Value }, type_tokens);
    let client = client_struct(api);
    let builder = builder(api);
    let methods = api.operations.iter().map(operation_method);
    let auth_header = api.auth.as_ref().map(|auth| {
        let name = auth.header.to_ascii_lowercase();
        quote! {
            const CREDENTIAL_HEADER: ::reqwest::header::HeaderName =
                ::reqwest::header::HeaderName::from_static(#name);
        }
    });
    quote! {
        #![cfg_attr(rustfmt, rustfmt::skip)]
        //! The client: one async method per operation of the spec.

        use crate::error::Error;
        use crate::support;

        /// The body of error answers, as the spec describes it.
        pub type ErrorBody = #error_body;

        #auth_header
        #choice
        #client
        #builder

        impl Client {
            #( #methods )*
        }
    }
}

fn client_struct(api: &Api) -> TokenStream {
    let default_url = &api.server.default_url;
    let (token_field, token_debug, token_header) = match &api.auth {
        Some(_) => (
            quote! { credential: ::reqwest::header::HeaderValue, },
            quote! { .field("credential", &"<redacted>") },
            quote! { .header(CREDENTIAL_HEADER, self.credential.clone()) },
        ),
        None => (quote! {}, quote! {}, quote! {}),
    };
    let new = api.auth.as_ref().map(|auth| {
        let doc = format!(
            " A client for the default server (`{default_url}`) that sends `access_token` in the `{}` header.",
            auth.header
        );
        quote! {
            #[doc = #doc]
            ///
            /// # Errors
            /// [`Error::Config`] when the token cannot be sent in a header.
            pub fn new(access_token: impl ::std::convert::Into<::std::string::String>) -> ::std::result::Result<Self, Error> {
                Self::builder().access_token(access_token).build()
            }
        }
    });
    quote! {
        /// A client for the API. Cheap to clone: clones share one connection pool.
        #[derive(Clone)]
        pub struct Client {
            http: ::reqwest::Client,
            base_url: ::std::string::String,
            #token_field
        }

        impl ::std::fmt::Debug for Client {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Client").field("base_url", &self.base_url) #token_debug .finish()
            }
        }

        impl Client {
            #new

            /// A builder to choose the server, the token and the HTTP client.
            pub fn builder() -> ClientBuilder {
                ClientBuilder::default()
            }

            /// The base URL every path is appended to, without a trailing `/`.
            pub fn base_url(&self) -> &str {
                &self.base_url
            }

            fn request(&self, method: ::reqwest::Method, url: ::std::string::String) -> ::reqwest::RequestBuilder {
                self.http
                    .request(method, url)
                    .header(::reqwest::header::ACCEPT, "application/json")
                    #token_header
            }
        }
    }
}

fn builder(api: &Api) -> TokenStream {
    let choice_field = api.server.choice.as_ref().map(|c| {
        let ty = ident(&c.type_name);
        quote! { server: #ty, }
    });
    let choice_method = api.server.choice.as_ref().map(|c| {
        let ty = ident(&c.type_name);
        let method = ident(&choice_method_name(c));
        let doc = format!(
            " The server to call, by its `{}`; ignored when [`Self::base_url`] is set.",
            c.type_name
        );
        quote! {
            #[doc = #doc]
            #[must_use]
            pub fn #method(mut self, server: #ty) -> Self {
                self.server = server;
                self
            }
        }
    });
    let default_base = match &api.server.choice {
        Some(_) => quote! { self.server.base_url() },
        None => {
            let url = &api.server.default_url;
            quote! { #url }
        }
    };
    let auth = api.auth.as_ref().map(auth_parts);
    let (token_field, token_method, token_build, token_init) = match auth {
        Some(parts) => parts,
        None => (quote! {}, quote! {}, quote! {}, quote! {}),
    };
    quote! {
        /// Configures a [`Client`].
        #[derive(Clone, Default)]
        pub struct ClientBuilder {
            base_url: ::std::option::Option<::std::string::String>,
            #choice_field
            #token_field
            http: ::std::option::Option<::reqwest::Client>,
        }

        impl ::std::fmt::Debug for ClientBuilder {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("ClientBuilder")
                    .field("base_url", &self.base_url)
                    .finish_non_exhaustive()
            }
        }

        impl ClientBuilder {
            #choice_method

            /// Any base URL, such as a proxy or a test server; it wins over the server
            /// choice. It must be `https`, or `http` to a loopback host.
            #[must_use]
            pub fn base_url(mut self, base_url: impl ::std::convert::Into<::std::string::String>) -> Self {
                self.base_url = ::std::option::Option::Some(base_url.into());
                self
            }

            #token_method

            /// The `reqwest::Client` to send with, for its timeouts, proxy or pool.
            #[must_use]
            pub fn http_client(mut self, http: ::reqwest::Client) -> Self {
                self.http = ::std::option::Option::Some(http);
                self
            }

            /// Builds the client.
            ///
            /// # Errors
            /// [`Error::Config`] for a base URL that is not `https` (or `http` to a
            /// loopback host), or a missing or unusable token.
            pub fn build(self) -> ::std::result::Result<Client, Error> {
                let base_url = match &self.base_url {
                    ::std::option::Option::Some(url) => support::check_base_url(url)?,
                    ::std::option::Option::None => support::check_base_url(#default_base)?,
                };
                #token_build
                ::std::result::Result::Ok(Client {
                    http: self.http.unwrap_or_default(),
                    base_url,
                    #token_init
                })
            }
        }
    }
}

/// The builder's setter for the server choice, named after the server variable.
fn choice_method_name(choice: &ServerChoice) -> String {
    let name = naming::snake(&choice.type_name);
    if ["base_url", "access_token", "http_client", "build"].contains(&name.as_str()) {
        format!("{name}_choice")
    } else {
        name
    }
}

/// The builder's field, setter, check and client field for the token.
fn auth_parts(auth: &Auth) -> (TokenStream, TokenStream, TokenStream, TokenStream) {
    let prefix = match &auth.prefix {
        Some(p) => quote! { ::std::option::Option::Some(#p) },
        None => quote! { ::std::option::Option::None },
    };
    let sent_as = match &auth.prefix {
        Some(p) => format!(" It is sent as `{}: {p} <token>`.", auth.header),
        None => format!(" It is sent as `{}: <token>`.", auth.header),
    };
    let scheme_docs = doc_attrs(&auth.docs, "");
    (
        quote! { access_token: ::std::option::Option<support::Secret>, },
        quote! {
            /// The access token.
            #[doc = #sent_as]
            ///
            /// From the spec's security scheme:
            ///
            #scheme_docs
            #[must_use]
            pub fn access_token(mut self, access_token: impl ::std::convert::Into<::std::string::String>) -> Self {
                self.access_token = ::std::option::Option::Some(support::Secret::new(access_token.into()));
                self
            }
        },
        quote! {
            let credential = match &self.access_token {
                ::std::option::Option::Some(token) => support::credential(#prefix, token.expose())?,
                ::std::option::Option::None => {
                    return ::std::result::Result::Err(Error::Config(
                        "no access token: call ClientBuilder::access_token".to_owned(),
                    ));
                }
            };
        },
        quote! { credential, },
    )
}

fn server_choice(choice: &ServerChoice) -> TokenStream {
    let name = ident(&choice.type_name);
    let docs = doc_attrs(
        &choice.docs,
        &format!("The servers the spec offers, by `{}`.", choice.type_name),
    );
    let variants: Vec<_> = choice.options.iter().map(|o| ident(&o.rust_name)).collect();
    let variant_docs = choice.options.iter().map(|o| {
        let mut docs = o.docs.clone();
        docs.push(String::new());
        docs.push(format!("`{}`", o.url));
        doc_attrs(&docs, "")
    });
    let default_attr =
        (0..variants.len()).map(|i| (i == choice.default).then(|| quote! { #[default] }));
    let values = choice.options.iter().map(|o| &o.value);
    let labels = choice.options.iter().map(|o| &o.label);
    let urls = choice.options.iter().map(|o| &o.url);
    let count = variants.len();
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
        }

        impl ::std::fmt::Display for #name {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.write_str(self.label())
            }
        }
    }
}
