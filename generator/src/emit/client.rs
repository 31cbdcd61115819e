//! `src/client.rs`: the `Client` and its builder. The generic settings live in the
//! runtime (`options`, `dispatch`); what is emitted here is what the spec decides:
//! the server choice, the credential, and the operations.

use proc_macro2::TokenStream;
use quote::quote;

use super::operations::operation_method;
use super::prose::code_span;
use super::server_choice::{choice_method_name, server_choice};
use super::tokens::{doc_attrs, ident, type_tokens};

use crate::model::{Api, Auth, AuthPlace};

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
    quote! {
        #![cfg_attr(rustfmt, rustfmt::skip)]
        //! The client: one async method per operation of the spec.

        use crate::runtime;
        use crate::requests;
        use crate::Error;

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
    // Without a default server, `new` could only fail: the builder is the way.
    let default_url = api.server.default_url.as_ref();
    let token = api.single_scheme().filter(|auth| auth.is_token());
    let new = token.zip(default_url).map(|(auth, default_url)| {
        let doc = format!(
            " A client for the default server ({}) that sends `access_token` as {}.",
            code_span(default_url),
            code_span(&auth.sent_as())
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
            pub(crate) core: ::std::sync::Arc<runtime::dispatch::Dispatcher<ErrorBody>>,
        }

        impl ::std::fmt::Debug for Client {
            fn fmt(&self, f: &mut ::std::fmt::Formatter<'_>) -> ::std::fmt::Result {
                f.debug_struct("Client")
                    .field("base_url", &self.core.base_url())
                    .field("retry", self.core.retry_policy())
                    .field("attempt_timeout", &self.core.attempt_timeout())
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
                self.core.base_url()
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
        Some(_) => quote! { ::std::option::Option::Some(self.server.base_url()) },
        None => match &api.server.default_url {
            Some(url) => quote! { ::std::option::Option::Some(#url) },
            None => quote! { ::std::option::Option::None },
        },
    };
    let token_methods = api.schemes.iter().map(|auth| token_methods(api, auth));
    let tokens_fields = api.schemes.iter().map(|auth| {
        let field = settings_field(api, auth);
        quote! { #field: runtime::auth::TokenSettings, }
    });
    let credentials = credentials(api);
    let generic = generic_setters();
    quote! {
        /// Configures a [`Client`]. No secret shows in its `Debug`.
        #[derive(Debug, Clone, Default)]
        pub struct ClientBuilder {
            options: runtime::options::ClientOptions,
            #( #tokens_fields )*
            #choice_field
        }

        impl ClientBuilder {
            #choice_method
            #( #token_methods )*
            #generic

            /// Builds the client.
            ///
            /// # Errors
            /// [`Error::Config`] for a base URL that is not `https` (or `http` to a
            /// loopback host), or a missing or unusable credential.
            pub fn build(self) -> ::std::result::Result<Client, Error> {
                let core = self.options.into_dispatcher(#default_base, #credentials)?;
                ::std::result::Result::Ok(Client { core: ::std::sync::Arc::new(core) })
            }
        }
    }
}

/// The builder's settings that every client has, passed on to the runtime's options.
fn generic_setters() -> TokenStream {
    quote! {
        /// Any base URL, such as a proxy or a test server; it wins over the server
        /// choice. It must be `https`, or `http` to a loopback host, so that a
        /// credential is never sent in clear text by mistake.
        #[must_use]
        pub fn base_url(mut self, base_url: impl ::std::convert::Into<::std::string::String>) -> Self {
            self.options.base_url = ::std::option::Option::Some(base_url.into());
            self
        }

        /// The `reqwest::Client` to send API calls with, for its proxy, pool or TLS
        /// settings; its own connect timeout and user agent then apply instead of this
        /// builder's. Build it with `redirect(reqwest::redirect::Policy::none())`:
        /// a call whose answer comes from a redirect is refused.
        #[must_use]
        pub fn http_client(mut self, http: ::reqwest::Client) -> Self {
            self.options.http = ::std::option::Option::Some(http);
            self
        }

        /// How long connecting may take (default 10 s).
        #[must_use]
        pub fn connect_timeout(mut self, timeout: ::std::time::Duration) -> Self {
            self.options.connect_timeout = timeout;
            self
        }

        /// How long one attempt may take in all, answer included (default 30 s); a
        /// token refresh is bounded by it too. A request's own `timeout` bounds a whole
        /// call.
        #[must_use]
        pub fn timeout(mut self, timeout: ::std::time::Duration) -> Self {
            self.options.timeout = timeout;
            self
        }

        /// The `User-Agent` header.
        #[must_use]
        pub fn user_agent(mut self, user_agent: impl ::std::convert::Into<::std::string::String>) -> Self {
            self.options.user_agent = ::std::option::Option::Some(user_agent.into());
            self
        }

        /// When failed calls are tried again; see [`crate::RetryPolicy`] for the rule.
        #[must_use]
        pub fn retry_policy(mut self, policy: crate::RetryPolicy) -> Self {
            self.options.retry = policy;
            self
        }

        /// The clock and sleep the client uses; replace them in tests of retry timing.
        #[must_use]
        pub fn timer(mut self, timer: impl crate::retry::Timer + 'static) -> Self {
            self.options.timer = ::std::sync::Arc::new(timer);
            self
        }

        /// Adds hooks that run before each request and after each answer.
        #[must_use]
        pub fn hook(mut self, hooks: impl crate::hooks::Hooks + 'static) -> Self {
            self.options.hooks.push(::std::sync::Arc::new(hooks));
            self
        }

        /// The largest success answer read, in bytes (default 16 MiB); a larger one is
        /// [`Error::TooLarge`](crate::Error), and reading stops at the limit. Error
        /// answers are read only up to the 64 KiB an error keeps.
        #[must_use]
        pub fn max_answer_size(mut self, bytes: usize) -> Self {
            self.options.max_answer_size = bytes;
            self
        }
    }
}

/// The builder's field holding a scheme's settings: `tokens` for a spec's only
/// scheme, one named after each of several.
fn settings_field(api: &Api, auth: &Auth) -> proc_macro2::Ident {
    match api.single_scheme() {
        Some(_) => ident("tokens"),
        None => ident(&format!("{}_credentials", auth.rust_name)),
    }
}

/// The name of a scheme's builder method `base` (`access_token`, `basic_auth`, …):
/// as it is for a spec's only scheme, after the scheme's name for one of several
/// (`basic_auth` becoming `…_credentials`, since the scheme's name often says
/// "basic auth" already).
pub(super) fn setter_name(api: &Api, auth: &Auth, base: &str) -> String {
    match (api.single_scheme(), base) {
        (Some(_), _) => base.to_owned(),
        (None, "basic_auth") => format!("{}_credentials", auth.rust_name),
        (None, _) => format!("{}_{base}", auth.rust_name),
    }
}

/// The closure that makes the client's credentials: per scheme, the credentials the
/// builder was given; for a spec whose every operation needs one, the builder
/// refuses a client given none.
fn credentials(api: &Api) -> TokenStream {
    if api.schemes.is_empty() {
        return quote! { |_| ::std::result::Result::Ok(runtime::credential::Schemes::default()) };
    }
    let (lets, slots): (Vec<TokenStream>, Vec<TokenStream>) = api
        .schemes
        .iter()
        .map(|auth| {
            let name = &auth.name;
            let field = settings_field(api, auth);
            let (scheme, refresh_url) = scheme_and_refresh_url(api, auth);
            (
                quote! {
                    let #field = self.#field.authenticator(#scheme, #refresh_url, environment)?;
                },
                quote! { (#name, #field) },
            )
        })
        .unzip();
    let schemes = quote! { runtime::credential::Schemes::new([ #( #slots ),* ]) };
    let result = if api.every_call_authenticates() {
        let missing = missing_credential(api);
        quote! { #schemes.required(#missing) }
    } else {
        quote! { ::std::result::Result::Ok(#schemes) }
    };
    quote! {
        |environment| {
            #( #lets )*
            #result
        }
    }
}

/// What `build` says when every operation needs a credential and none was given.
fn missing_credential(api: &Api) -> String {
    let first_setters: Vec<String> = api
        .schemes
        .iter()
        .map(|auth| {
            let base = if auth.is_token() {
                "access_token"
            } else {
                "basic_auth"
            };
            format!("ClientBuilder::{}", setter_name(api, auth, base))
        })
        .collect();
    match api.single_scheme() {
        Some(auth) if auth.is_token() && auth.refresh_url.is_some() => {
            "no access token: call ClientBuilder::access_token, token_source or refresh_token"
                .to_owned()
        }
        Some(auth) if auth.is_token() => {
            "no access token: call ClientBuilder::access_token or token_source".to_owned()
        }
        Some(_) => "no credentials: call ClientBuilder::basic_auth".to_owned(),
        None => format!(
            "no credentials: every operation needs some; give them with {} (or another \
             of their schemes' methods)",
            first_setters.join(", ")
        ),
    }
}

/// A scheme's header and prefix, and its refresh endpoint for the chosen server.
fn scheme_and_refresh_url(api: &Api, auth: &Auth) -> (TokenStream, TokenStream) {
    let none = quote! { ::std::option::Option::None };
    let place = match &auth.place {
        AuthPlace::Header(name) => {
            let name = name.to_ascii_lowercase();
            quote! { runtime::credential::Placement::Header(::reqwest::header::HeaderName::from_static(#name)) }
        }
        AuthPlace::Query(name) => {
            quote! { runtime::credential::Placement::Query(::std::string::String::from(#name)) }
        }
        AuthPlace::Cookie(name) => {
            quote! { runtime::credential::Placement::Cookie(::std::string::String::from(#name)) }
        }
        AuthPlace::Basic => return (quote! { runtime::auth::Scheme::Basic }, none),
    };
    let prefix = match &auth.prefix {
        Some(p) => quote! { ::std::option::Option::Some(#p) },
        None => none.clone(),
    };
    let refresh_url = match (&auth.refresh_url, &api.server.choice) {
        (None, _) => none,
        (Some(url), Some(choice))
            if url.contains("{accounts_server}")
                && choice.options.iter().all(|o| o.accounts_server.is_some()) =>
        {
            quote! { ::std::option::Option::Some(#url.replace("{accounts_server}", self.server.accounts_server())) }
        }
        (Some(url), _) => quote! { ::std::option::Option::Some(#url.to_owned()) },
    };
    let scheme = quote! {
        runtime::auth::Scheme::Token(runtime::auth::TokenScheme {
            place: #place,
            prefix: #prefix,
        })
    };
    (scheme, refresh_url)
}

fn token_methods(api: &Api, auth: &Auth) -> TokenStream {
    let sent_as = match api.single_scheme() {
        Some(_) => format!(" It is sent as {}.", code_span(&auth.sent_as())),
        None => format!(
            " The credential of the {} scheme, sent as {}.",
            code_span(&auth.name),
            code_span(&auth.sent_as())
        ),
    };
    let field = settings_field(api, auth);
    let setter = |base: &str| ident(&setter_name(api, auth, base));
    let (basic_auth, access_token, token_source, refresh_token, token_url) = (
        setter("basic_auth"),
        setter("access_token"),
        setter("token_source"),
        setter("refresh_token"),
        setter("token_url"),
    );
    let scheme_docs = (!auth.docs.is_empty()).then(|| {
        let lines = doc_attrs(&auth.docs, "");
        quote! {
            ///
            /// From the spec's security scheme:
            ///
            #lines
        }
    });
    if !auth.is_token() {
        return quote! {
            /// The user name and password of HTTP basic authentication.
            #[doc = #sent_as]
            #scheme_docs
            #[must_use]
            pub fn #basic_auth(
                mut self,
                user: impl ::std::convert::Into<::std::string::String>,
                password: impl ::std::convert::Into<::std::string::String>,
            ) -> Self {
                self.#field.basic(user.into(), password.into());
                self
            }
        };
    }
    let refresh = auth.refresh_url.as_ref().map(|url| {
        let from = match &api.server.choice {
            Some(c) if url.contains("{accounts_server}") => format!(
                " The endpoint is {}, `{{accounts_server}}` being the chosen `{}`'s; [`Self::{token_url}`] sets another.",
                code_span(url),
                c.type_name
            ),
            _ => format!(
                " The endpoint is {}; [`Self::{token_url}`] sets another.",
                code_span(url)
            ),
        };
        let goes_with = format!(
            " [`Self::{refresh_token}`], before or after it (`build` refuses it with any"
        );
        quote! {
            /// Gets access tokens with the OAuth 2.0 refresh-token grant, caching each
            /// until shortly before it expires; see [`crate::auth::RefreshTokenSource`].
            #[doc = #from]
            #[must_use]
            pub fn #refresh_token(
                mut self,
                client_id: impl ::std::convert::Into<::std::string::String>,
                client_secret: impl ::std::convert::Into<::std::string::String>,
                refresh_token: impl ::std::convert::Into<::std::string::String>,
            ) -> Self {
                self.#field.refresh(client_id.into(), client_secret.into(), refresh_token.into());
                self
            }

            /// The refresh-token endpoint to use instead of the spec's; it goes with
            #[doc = #goes_with]
            /// other kind of token).
            #[must_use]
            pub fn #token_url(mut self, url: impl ::std::convert::Into<::std::string::String>) -> Self {
                self.#field.token_url(url.into());
                self
            }
        }
    });
    quote! {
        /// A fixed access token.
        #[doc = #sent_as]
        #scheme_docs
        #[must_use]
        pub fn #access_token(mut self, access_token: impl ::std::convert::Into<::std::string::String>) -> Self {
            self.#field.fixed(access_token.into());
            self
        }

        /// Tokens from a source of the caller's, asked before every attempt; on an
        /// HTTP 401 the client tells it, asks again, and retries once.
        #[must_use]
        pub fn #token_source(mut self, source: impl crate::auth::TokenSource + 'static) -> Self {
            self.#field.source(::std::sync::Arc::new(source));
            self
        }

        #refresh
    }
}
