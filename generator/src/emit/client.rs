//! `src/client.rs`: the `Client` and its builder. The generic settings live in the
//! runtime (`builder.rs`, `call.rs`); what is emitted here is what the spec decides:
//! the server choice, the credential, and the operations.

use proc_macro2::TokenStream;
use quote::quote;

use super::operations::operation_method;
use super::server_choice::{choice_method_name, server_choice};
use super::tokens::{doc_attrs, ident, type_tokens};
use std::collections::BTreeSet;

use crate::model::{Api, Auth};

/// The whole `client` module.
pub fn client_file(api: &Api) -> TokenStream {
    let choice = api.server.choice.as_ref().map(server_choice);
    let error_body = api
        .error_body
        .as_ref()
        .map_or_else(|| quote! { ::serde_json::Value }, type_tokens);
    let client = client_struct(api);
    let builder = builder(api);
    let checked: BTreeSet<&str> = api.envelope_types().into_iter().collect();
    let validating = super::structs::validating_types(&api.types);
    let methods = api
        .operations
        .iter()
        .map(|op| operation_method(op, &checked, &validating));
    quote! {
        #![cfg_attr(rustfmt, rustfmt::skip)]
        //! The client: one async method per operation of the spec.

        use crate::error::Error;
        use crate::support;

        /// The body of error answers, as the spec describes it.
        pub type ErrorBody = #error_body;

        #choice
        #client
        #builder

        impl Client {
            #( #methods )*
        }
    }
}

fn client_struct(api: &Api) -> TokenStream {
    let new = api.auth.as_ref().map(|auth| {
        let doc = format!(
            " A client for the default server (`{}`) that sends `access_token` in the `{}` header.",
            api.server.default_url, auth.header
        );
        quote! {
            #[doc = #doc]
            ///
            /// # Errors
            /// [`Error::Config`] when the token is empty or cannot be sent in a header.
            pub fn new(access_token: impl ::std::convert::Into<::std::string::String>) -> ::std::result::Result<Self, Error> {
                Self::builder().access_token(access_token).build()
            }
        }
    });
    quote! {
        /// A client for the API. Cheap to clone: clones share one connection pool,
        /// one token cache and one configuration.
        #[derive(Clone)]
        pub struct Client {
            core: ::std::sync::Arc<crate::call::Core>,
            timeout: ::std::option::Option<::std::time::Duration>,
        }

        impl ::std::fmt::Debug for Client {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Client")
                    .field("base_url", &self.core.base_url)
                    .field("retry", &self.core.retry)
                    .field("timeout", &self.timeout.unwrap_or(self.core.timeout))
                    .finish_non_exhaustive()
            }
        }

        impl Client {
            #new

            /// A builder to choose the server, the credential, timeouts, retries and hooks.
            pub fn builder() -> ClientBuilder {
                ClientBuilder::default()
            }

            /// The base URL every path is appended to, without a trailing `/`.
            pub fn base_url(&self) -> &str {
                &self.core.base_url
            }

            /// A client sharing this one's connections and settings whose calls may each
            /// take `timeout` in all, instead of the builder's timeout.
            #[must_use]
            pub fn with_timeout(&self, timeout: ::std::time::Duration) -> Self {
                Self { core: ::std::sync::Arc::clone(&self.core), timeout: ::std::option::Option::Some(timeout) }
            }
        }
    }
}

fn builder(api: &Api) -> TokenStream {
    let choice = api.server.choice.as_ref();
    let choice_field = choice.map(|c| {
        let ty = ident(&c.type_name);
        quote! { server: #ty, }
    });
    let choice_method = choice.map(|c| {
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
    let default_base = match choice {
        Some(_) => quote! { self.server.base_url() },
        None => {
            let url = &api.server.default_url;
            quote! { #url }
        }
    };
    let token_methods = api.auth.as_ref().map(|auth| token_methods(api, auth));
    let credential = match &api.auth {
        Some(auth) => credential_spec(api, auth),
        None => quote! { ::std::option::Option::None },
    };
    quote! {
        /// Configures a [`Client`]. The token never shows in its `Debug`.
        #[derive(Debug, Clone, Default)]
        pub struct ClientBuilder {
            pub(crate) options: crate::builder::Options,
            #choice_field
        }

        impl ClientBuilder {
            #choice_method
            #token_methods

            /// Builds the client.
            ///
            /// # Errors
            /// [`Error::Config`] for a base URL that is not `https` (or `http` to a
            /// loopback host), or a missing or unusable credential.
            pub fn build(self) -> ::std::result::Result<Client, Error> {
                let credential = #credential;
                let core = self.options.into_core(#default_base, credential)?;
                ::std::result::Result::Ok(Client { core: ::std::sync::Arc::new(core), timeout: ::std::option::Option::None })
            }
        }
    }
}

/// The credential's header, prefix and refresh endpoint, as `build` passes them on.
fn credential_spec(api: &Api, auth: &Auth) -> TokenStream {
    let header = auth.header.to_ascii_lowercase();
    let prefix = match &auth.prefix {
        Some(p) => quote! { ::std::option::Option::Some(#p) },
        None => quote! { ::std::option::Option::None },
    };
    let refresh_url = match (&auth.refresh_url, &api.server.choice) {
        (None, _) => quote! { ::std::option::Option::None },
        (Some(url), Some(choice))
            if url.contains("{accounts_server}")
                && choice.options.iter().all(|o| o.accounts_server.is_some()) =>
        {
            quote! { ::std::option::Option::Some(#url.replace("{accounts_server}", self.server.accounts_server())) }
        }
        (Some(url), _) => quote! { ::std::option::Option::Some(#url.to_owned()) },
    };
    quote! {
        ::std::option::Option::Some(crate::builder::CredentialSpec {
            header: ::reqwest::header::HeaderName::from_static(#header),
            prefix: #prefix,
            refresh_url: #refresh_url,
        })
    }
}

fn token_methods(api: &Api, auth: &Auth) -> TokenStream {
    let sent_as = match &auth.prefix {
        Some(p) => format!(" It is sent as `{}: {p} <token>`.", auth.header),
        None => format!(" It is sent as `{}: <token>`.", auth.header),
    };
    let scheme_docs = doc_attrs(&auth.docs, "");
    let refresh = auth.refresh_url.as_ref().map(|url| {
        let from = match &api.server.choice {
            Some(c) if url.contains("{accounts_server}") => format!(
                " The endpoint is `{url}`, `{{accounts_server}}` being the chosen `{}`'s; [`Self::token_url`] sets another.",
                c.type_name
            ),
            _ => format!(" The endpoint is `{url}`; [`Self::token_url`] sets another."),
        };
        quote! {
            /// Gets access tokens with the OAuth 2.0 refresh-token grant, caching each
            /// until shortly before it expires; see [`crate::auth::RefreshTokenSource`].
            #[doc = #from]
            #[must_use]
            pub fn refresh_token(
                mut self,
                client_id: impl ::std::convert::Into<::std::string::String>,
                client_secret: impl ::std::convert::Into<::std::string::String>,
                refresh_token: impl ::std::convert::Into<::std::string::String>,
            ) -> Self {
                let token_url = match self.options.token.take() {
                    ::std::option::Option::Some(crate::builder::TokenChoice::Refresh { token_url, .. }) => token_url,
                    _ => ::std::option::Option::None,
                };
                self.options.token = ::std::option::Option::Some(crate::builder::TokenChoice::Refresh {
                    client_id: client_id.into(),
                    client_secret: support::Secret::new(client_secret.into()),
                    refresh_token: support::Secret::new(refresh_token.into()),
                    token_url,
                });
                self
            }

            /// The refresh-token endpoint to use instead of the spec's; call it after
            /// [`Self::refresh_token`].
            #[must_use]
            pub fn token_url(mut self, url: impl ::std::convert::Into<::std::string::String>) -> Self {
                if let ::std::option::Option::Some(crate::builder::TokenChoice::Refresh { token_url, .. }) = &mut self.options.token {
                    *token_url = ::std::option::Option::Some(url.into());
                }
                self
            }
        }
    });
    quote! {
        /// A fixed access token.
        #[doc = #sent_as]
        ///
        /// From the spec's security scheme:
        ///
        #scheme_docs
        #[must_use]
        pub fn access_token(mut self, access_token: impl ::std::convert::Into<::std::string::String>) -> Self {
            self.options.token = ::std::option::Option::Some(crate::builder::TokenChoice::Fixed(support::Secret::new(access_token.into())));
            self
        }

        /// Tokens from a source of the caller's, asked before every attempt; on an
        /// HTTP 401 the client tells it, asks again, and retries once.
        #[must_use]
        pub fn token_source(mut self, source: impl crate::auth::TokenSource + 'static) -> Self {
            self.options.token = ::std::option::Option::Some(crate::builder::TokenChoice::Source(::std::sync::Arc::new(source)));
            self
        }

        #refresh
    }
}
