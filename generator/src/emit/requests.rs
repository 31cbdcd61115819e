//! `src/requests.rs`: a request type per operation. The `Client` method gives one
//! holding the required inputs; a setter per optional input, named after it, and
//! the call's own settings (a timeout, extra headers) change it; awaiting it sends
//! the call (`IntoFuture`), and `with_response` sends it for the status and headers
//! too. Adding an optional parameter to the spec adds a setter and breaks no caller.

use std::collections::BTreeSet;

use proc_macro2::TokenStream;
use quote::quote;

use super::operations::{body_text, body_type, call_body, output_type, param_text, value_type};
use super::prose::code_span;
use super::tokens::{ident, raw_doc_attrs, unraw};
use crate::model::{Api, BodyMedia, Operation, Param};
use crate::naming::Scope;

/// The methods every request type has; a setter never takes one of these names.
const REQUEST_METHODS: &[&str] = &[
    "execute",
    "header",
    "into_future",
    "timeout",
    "with_response",
];

/// A setter of an optional input: of a parameter, or of the body (`param: None`).
pub struct Setter<'o> {
    pub name: String,
    pub param: Option<&'o Param>,
}

/// The setters of `op`'s optional inputs, named after them, in spec order.
pub fn setters(op: &Operation) -> Vec<Setter<'_>> {
    let mut scope = Scope::with_reserved(REQUEST_METHODS);
    let mut setters: Vec<Setter<'_>> = op
        .params
        .iter()
        .filter(|p| !p.required)
        .map(|p| Setter {
            name: scope.claim(p.rust_name.clone()),
            param: Some(p),
        })
        .collect();
    if op.body.as_ref().is_some_and(|b| !b.required) {
        setters.push(Setter {
            name: scope.claim("body".to_owned()),
            param: None,
        });
    }
    setters
}

/// What every request type has: its per-call settings, and the call it becomes
/// when awaited. Written as text into the formatted module ([`with_request_macro`]),
/// since prettyplease leaves a macro's body on long lines; it does not depend on
/// the spec.
const REQUEST_MACRO: &str = r#"
/// What every request type has: its per-call settings, and the call it becomes
/// when awaited (the answer without its status and headers).
macro_rules! request {
    ($request:ident, $output:ty) => {
        impl<'a> $request<'a> {
            /// How long the whole call may take: getting a token, every attempt and
            /// the waits between them together; reaching it ends the call with
            /// [`Error::Timeout`](crate::Error). Each attempt is still bounded by the
            /// client's timeout too.
            pub fn timeout(mut self, timeout: ::std::time::Duration) -> Self {
                self.base.settings.timeout = ::std::option::Option::Some(timeout);
                self
            }

            /// Adds a header to this call, sent after the operation's own; its value
            /// is marked sensitive and never shows in `Debug`.
            pub fn header(
                mut self,
                name: ::reqwest::header::HeaderName,
                value: ::reqwest::header::HeaderValue,
            ) -> Self {
                self.base.settings.add_header(name, value);
                self
            }

            /// Sends the call, and gives the answer with its status and headers.
            ///
            /// # Errors
            /// Those of the `Client` method that made the request.
            pub async fn with_response(self) -> WithResponse<$output> {
                self.execute().await
            }
        }

        impl<'a> ::std::future::IntoFuture for $request<'a> {
            type Output = ::std::result::Result<$output, Error>;
            type IntoFuture = runtime::request::Pending<'a, Self::Output>;

            fn into_future(self) -> Self::IntoFuture {
                ::std::boxed::Box::pin(async move {
                    self.with_response()
                        .await
                        .map(runtime::body::Response::into_value)
                })
            }
        }
    };
}
"#;

/// The line of the formatted module after which [`REQUEST_MACRO`] goes.
const LAST_IMPORT: &str = "use crate::Error;\n";

/// `formatted`, the formatted `requests` module, with [`REQUEST_MACRO`] after its
/// imports; `None` if they are not where the module puts them. prettyplease writes
/// a macro's arguments token by token (`crate ::types::Pet`, `Vec < Pet >`); the
/// arguments of `request!` are a name and a type path, which need no space, so
/// they are written without.
pub fn with_request_macro(formatted: &str) -> Option<String> {
    let at = formatted.find(LAST_IMPORT)? + LAST_IMPORT.len();
    let mut out = format!("{}{REQUEST_MACRO}\n", &formatted[..at]);
    for line in formatted[at..].split_inclusive('\n') {
        match line
            .strip_prefix("request!(")
            .and_then(|rest| rest.trim_end().strip_suffix(");"))
            .and_then(|args| args.split_once(','))
        {
            Some((name, output)) => {
                let output: String = output.chars().filter(|c| !c.is_whitespace()).collect();
                out.push_str(&format!("request!({}, {output});\n", name.trim()));
            }
            None => out.push_str(line),
        }
    }
    Some(out)
}

/// The whole `requests` module, but for [`REQUEST_MACRO`].
pub fn requests_file(api: &Api) -> TokenStream {
    let checked: BTreeSet<&str> = api.envelope_types().into_iter().collect();
    let validating = super::structs::validating_types(&api.types);
    let requests = api
        .operations
        .iter()
        .map(|op| request_type(op, &checked, &validating));
    quote! {
        #![cfg_attr(rustfmt, rustfmt::skip)]
        //! The request of each operation: made by its [`Client`](crate::Client) method,
        //! changed by a setter per optional input, sent when awaited.

        use crate::runtime;
        use crate::Error;

        /// What a request's `with_response` gives: the answer with its status and
        /// headers.
        pub type WithResponse<T> = ::std::result::Result<runtime::body::Response<T>, Error>;

        #( #requests )*
    }
}

fn request_type(
    op: &Operation,
    checked: &BTreeSet<&str>,
    validating: &BTreeSet<String>,
) -> TokenStream {
    let name = ident(&op.request_type);
    let method = &op.fn_name;
    let doc = format!(
        " A {} request ({}), made by [`Client::{}`](crate::Client::{method}): set its \
         optional inputs, then await it.",
        code_span(&op.id),
        code_span(&format!("{} {}", op.method.as_str(), op.path_template)),
        unraw(method),
    );
    let fields = op.params.iter().map(|p| {
        let field = ident(&p.rust_name);
        let ty = value_type(p);
        if p.required {
            quote! { pub(crate) #field: #ty, }
        } else {
            quote! { pub(crate) #field: ::std::option::Option<#ty>, }
        }
    });
    let body_field = body_type(op).map(|ty| {
        if op.body.as_ref().is_some_and(|b| b.required) {
            quote! { pub(crate) body: #ty, }
        } else {
            quote! { pub(crate) body: ::std::option::Option<#ty>, }
        }
    });
    let setters = setters(op)
        .into_iter()
        .map(|setter| setter_method(op, &setter));
    let output = output_type(&op.success);
    let locals = op
        .params
        .iter()
        .map(|p| ident(&p.rust_name))
        .chain(op.body.as_ref().map(|_| ident("body")));
    let send = call_body(op, checked, validating);
    quote! {
        #[doc = #doc]
        #[derive(Debug)]
        #[must_use = "a request is sent only when awaited"]
        pub struct #name<'a> {
            pub(crate) base: runtime::request::RequestBase<'a, crate::Client>,
            #( #fields )*
            #body_field
        }

        impl<'a> #name<'a> {
            #( #setters )*

            async fn execute(self) -> WithResponse<#output> {
                let Self { base, #( #locals, )* } = self;
                #send
            }
        }

        request!(#name, #output);
    }
}

/// `name(value)`: sets one optional input.
fn setter_method(op: &Operation, setter: &Setter<'_>) -> TokenStream {
    let name = ident(&setter.name);
    let (field, ty, value, docs) = match setter.param {
        Some(param) => {
            let ty = value_type(param);
            let docs = format!("Sets `{}` {}", unraw(&param.rust_name), param_text(param));
            (ident(&param.rust_name), ty, quote! { value }, docs)
        }
        None => {
            let docs = format!("Sets the body: {}", body_text(op));
            let (ty, value) = match op.body.as_ref().map(|b| &b.media) {
                Some(BodyMedia::Text(_)) => (
                    quote! { impl ::std::convert::Into<::std::string::String> },
                    quote! { value.into() },
                ),
                Some(BodyMedia::Bytes(_)) => (
                    quote! { impl ::std::convert::Into<runtime::body::Bytes> },
                    quote! { value.into() },
                ),
                _ => (body_type(op).unwrap_or_default(), quote! { value }),
            };
            (ident("body"), ty, value, docs)
        }
    };
    let docs = raw_doc_attrs(&[docs]);
    quote! {
        #docs
        pub fn #name(mut self, value: #ty) -> Self {
            self.#field = ::std::option::Option::Some(#value);
            self
        }
    }
}
