//! The generated crate's `README.md`, which is also its crate documentation, so its
//! examples are compiled as doctests.

use std::fmt::Write;

use super::client::setter_name;
use super::prose::{code_span, sanitize_inline, sanitize_lines};
use super::server_choice::choice_method_name;
use crate::Settings;
use crate::model::{Api, Operation, ServerChoice, ServerOption, TypeRef};

/// The README text, after the header. The spec's text in it (title, version,
/// description) goes through [`super::prose`]; the examples are the generator's own.
pub fn readme(api: &Api, settings: &Settings) -> String {
    let crate_ident = settings.crate_name.replace('-', "_");
    let mut out = format!(
        "# `{}`: a typed Rust client for {}\n\n",
        settings.crate_name,
        sanitize_inline(std::slice::from_ref(&api.title))
    );
    for line in sanitize_lines(&api.docs) {
        out.push_str(&line);
        out.push('\n');
    }
    let _ = write!(
        out,
        "\nThis crate is generated from `{}` (API version {}). Do not edit it: change the spec \
         and regenerate.\n\n## Usage\n\n```rust,no_run\n{}```\n\n",
        settings.spec_label,
        sanitize_inline(std::slice::from_ref(&api.version)),
        example(api, &crate_ident)
    );
    operations_table(&mut out, api);
    webhooks(&mut out, api);
    configuration(&mut out, api, &crate_ident);
    if !api.schemes.is_empty() {
        authentication(&mut out, api, &crate_ident);
    }
    out.push_str(RETRIES);
    errors(&mut out, api);
    out.push_str(&hooks(&crate_ident));
    out.push_str(GUARANTEES);
    if !api.schemes.is_empty() {
        out.push_str(SECRETS);
    }
    out
}

/// The builder's first lines: the server choice and a token, when the spec has them.
fn builder_start(api: &Api) -> String {
    let mut code = String::from("let client = Client::builder()\n");
    if api.server.default_url.is_none() {
        // The spec names no absolute server: the builder needs one.
        code.push_str("    .base_url(\"https://api.example.com\")\n");
    }
    if let Some(c) = &api.server.choice {
        let option = c
            .options
            .iter()
            .enumerate()
            .find(|(i, _)| *i != c.default)
            .map_or(&c.options[c.default], |(_, o)| o);
        code.push_str(&choice_line(c, option));
    }
    if let Some(auth) = api.schemes.first() {
        let _ = if auth.is_token() {
            writeln!(
                code,
                "    .{}(\"your-access-token\")",
                setter_name(api, auth, "access_token")
            )
        } else {
            writeln!(
                code,
                "    .{}(\"your-user\", \"your-password\")",
                setter_name(api, auth, "basic_auth")
            )
        };
    }
    code
}

/// The builder line choosing `option` of the server choice.
fn choice_line(choice: &ServerChoice, option: &ServerOption) -> String {
    format!(
        "    .{}({}::{})\n",
        choice_method_name(choice),
        choice.type_name,
        option.rust_name
    )
}

fn imports(api: &Api, crate_ident: &str, extra: &[&str]) -> String {
    let mut names = vec!["Client", "Error"];
    if let Some(c) = &api.server.choice {
        names.push(&c.type_name);
    }
    names.extend(extra);
    format!("use {crate_ident}::{{{}}};\n", names.join(", "))
}

/// A compiled example: build a client, make a call, handle the error.
fn example(api: &Api, crate_ident: &str) -> String {
    let mut code = imports(api, crate_ident, &[]);
    code.push_str("\n# async fn example() -> Result<(), Error> {\n");
    code.push_str(&builder_start(api));
    code.push_str("    .build()?;\n");
    if let Some(op) = api.operations.iter().find(|op| simple(op)) {
        let args: Vec<String> = op
            .params
            .iter()
            .map(|p| format!("\"example-{}\"", p.wire_name.replace('_', "-")))
            .collect();
        let _ = write!(
            code,
            "\nmatch client.{}({}).await {{\n    Ok(answer) => println!(\"{{answer:?}}\"),\n    \
             Err(Error::Api(error)) => eprintln!(\"HTTP {{}}: {{:?}}\", error.status(), error.body()),\n    \
             Err(other) => return Err(other),\n}}\n",
            op.fn_name.trim_start_matches("r#"),
            args.join(", ")
        );
    } else {
        code.push_str("println!(\"{client:?}\");\n");
    }
    if let Some(line) = api.operations.iter().find_map(optional_input_example) {
        code.push_str(&line);
    }
    code.push_str("# Ok(())\n# }\n");
    code
}

/// A call setting an optional input by name, for an operation whose required
/// inputs are strings and whose first optional one is a scalar a literal can give.
fn optional_input_example(op: &Operation) -> Option<String> {
    if !simple_required(op) {
        return None;
    }
    let setters = super::requests::setters(op);
    let setter = setters.first()?;
    let value = match &setter.param?.ty {
        TypeRef::String => "\"example\"",
        TypeRef::I32 | TypeRef::I64 => "10",
        TypeRef::Bool => "true",
        _ => return None,
    };
    let args: Vec<String> = op
        .params
        .iter()
        .filter(|p| p.required)
        .map(|p| format!("\"example-{}\"", p.wire_name.replace('_', "-")))
        .collect();
    Some(format!(
        "\n// Optional inputs are set by name; a timeout bounds the whole call.\n\
         let answer = client\n    .{}({})\n    .{}({value})\n    \
         .timeout(std::time::Duration::from_secs(60))\n    .await?;\n# drop(answer);\n",
        op.fn_name.trim_start_matches("r#"),
        args.join(", "),
        setter.name.trim_start_matches("r#"),
    ))
}

/// An operation the example can call with string literals alone.
fn simple(op: &Operation) -> bool {
    simple_required(op) && op.params.iter().all(|p| p.required)
}

/// An operation whose required inputs are string parameters alone.
fn simple_required(op: &Operation) -> bool {
    !op.body.as_ref().is_some_and(|b| b.required)
        && !op.fn_name.starts_with("r#")
        && op
            .params
            .iter()
            .filter(|p| p.required)
            .all(|p| p.ty == TypeRef::String)
}

fn operations_table(out: &mut String, api: &Api) {
    out.push_str(
        "## Operations\n\nEach method takes the operation's required inputs and gives its \
         request (in `requests`): set the optional inputs on it by name, then `.await` it for \
         the answer, or `.with_response().await` for the answer with its status and headers. \
         A request's `timeout` bounds the whole call; `header` adds a header to it.\n\n",
    );
    out.push_str("| operation | request | `Client` method |\n| --- | --- | --- |\n");
    for op in &api.operations {
        let method = op.fn_name.trim_start_matches("r#");
        let _ = writeln!(
            out,
            "| {} | {} | [`Client::{method}`](Client::{}) |",
            table_cell(&code_span(&op.id)),
            table_cell(&code_span(&format!(
                "{} {}",
                op.method.as_str(),
                op.path_template
            ))),
            op.fn_name
        );
    }
    out.push('\n');
}

/// The webhooks of a 3.1 document: the API's own requests, which a client does not
/// make, listed so that none of the spec goes unmentioned.
fn webhooks(out: &mut String, api: &Api) {
    if api.webhooks.is_empty() {
        return;
    }
    out.push_str(
        "## Webhooks\n\nThe spec describes requests that the API sends to an address of \
         yours. This crate makes calls and does not serve them, so they have no methods \
         here:\n\n| webhook | method | summary |\n| --- | --- | --- |\n",
    );
    for hook in &api.webhooks {
        let summary = hook
            .summary
            .as_deref()
            .map(|s| sanitize_inline(&[s.to_owned()]))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            table_cell(&code_span(&hook.name)),
            hook.method,
            table_cell(&summary)
        );
    }
    out.push('\n');
}

/// `text` in a table cell: a `|`, even in a code span, would end the cell.
fn table_cell(text: &str) -> String {
    text.replace('|', "\\|")
}

fn configuration(out: &mut String, api: &Api, crate_ident: &str) {
    let _ = write!(
        out,
        "## Configuration\n\n\
         `Client::builder()` chooses the server{} and sets timeouts (connect: 10 s, each attempt: \
         30 s, by default), the user agent, the retry policy, hooks, and optionally a \
         `reqwest::Client` of your own. Any base URL can replace the spec's servers; it must be \
         `https`, or `http` to a loopback address.\n\n\
         ```rust,no_run\nuse std::time::Duration;\n{}use {crate_ident}::RetryPolicy;\n\n\
         # async fn example() -> Result<(), Error> {{\n{}    .connect_timeout(Duration::from_secs(5))\n    \
         .timeout(Duration::from_secs(20))\n    .user_agent(\"my-app/1.0\")\n    \
         .retry_policy(RetryPolicy::default().with_max_attempts(5))\n    .build()?;\n\
         # drop(client);\n# Ok(())\n# }}\n```\n\n{LIMITS}",
        if api.server.choice.is_some() {
            " (by its name, or any base URL)"
        } else {
            ""
        },
        imports(api, crate_ident, &[]),
        builder_start(api)
    );
}

/// What bounds a call, and what the client never does on its own.
const LIMITS: &str = "### Time, size and redirects

- **Time.** `ClientBuilder::timeout` bounds each attempt (and each token request); a
  request's own `timeout` bounds the whole call: getting a token, every attempt and the
  waits between them together. A call that reaches its limit ends with `Error::Timeout`; a retry
  whose wait would end past the limit is not started.
- **Size.** A success answer is read up to `ClientBuilder::max_answer_size` (16 MiB by
  default) and no further: a larger one is `Error::TooLarge`, and a declared length over the
  limit is refused before its body is read. An error answer is read only up to the 64 KiB an
  error keeps of it. Memory stays bounded whatever the server sends.
- **Redirects** are never followed: a 3xx answer is an `Error::Api` whose
  `ApiError::location()` says where it points. Following one could resend a body or a
  credential to another host, or turn a POST into a GET of a list. A `reqwest::Client` of
  your own (`ClientBuilder::http_client`) must not follow them either (build it with
  `redirect(reqwest::redirect::Policy::none())`): an answer that came through a redirect
  is refused.
- **Proxies.** The environment's proxy settings (`HTTPS_PROXY`, `NO_PROXY`, …) apply to
  every host but this machine's: a call to a loopback address never goes through a proxy.

";

fn authentication(out: &mut String, api: &Api, crate_ident: &str) {
    out.push_str("## Authentication\n\n");
    if api.single_scheme().is_none() {
        several_schemes(out, api);
    }
    let Some(token) = api.schemes.iter().find(|auth| auth.is_token()) else {
        let _ = write!(
            out,
            "A client sends HTTP basic credentials (`{}`, a user name and password), \
             marked sensitive; they never appear in `Debug`, `Display`, traces or errors. An \
             HTTP 401 is returned as [`Error::Api`].\n\n",
            setter_name(api, &api.schemes[0], "basic_auth")
        );
        return;
    };
    // The methods' names: as they are for a spec's only scheme, after each scheme
    // for several.
    let named = |base: &str| match api.single_scheme() {
        Some(_) => base.to_owned(),
        None => format!("…_{base}"),
    };
    let _ = write!(
        out,
        "A client sends a fixed token (`{}`), or asks a token source before every \
         attempt (`{}`, an async trait you implement)",
        named("access_token"),
        named("token_source")
    );
    let refreshed = api.schemes.iter().find(|auth| auth.refresh_url.is_some());
    if refreshed.is_some() {
        let _ = write!(
            out,
            ", or refreshes tokens itself with the OAuth 2.0 refresh-token grant \
             (`{}`, with `{}` before or after it). The refresh source caches \
             each token until a tenth of its lifetime before it expires (at most 60 s before); \
             however many calls wait for a token, one request goes to the token endpoint, and \
             they all share its outcome, success or failure (the next call tries again); when \
             a refresh made early fails, the token still valid is used; a token that cannot be \
             sent in a header is refused and not cached; token requests never follow redirects; \
             an answer of the token endpoint holding `error` is an [`Error::Auth`] even with \
             HTTP 200",
            named("refresh_token"),
            named("token_url")
        );
    }
    out.push_str(
        ". On an HTTP 401 the client tells the source, gets a new token and tries once more; a \
         second 401 is returned as [`Error::Api`].\n\n",
    );
    let _ = write!(
        out,
        "A token source of your own:\n\n```rust\n\
         use {crate_ident}::auth::{{AccessToken, TokenSource}};\n\
         use {crate_ident}::AuthError;\n\n\
         #[derive(Debug)]\nstruct FromEnvironment;\n\n\
         #[{crate_ident}::async_trait]\nimpl TokenSource for FromEnvironment {{\n    \
         async fn token(&self) -> Result<AccessToken, AuthError> {{\n        \
         std::env::var(\"ACCESS_TOKEN\")\n            .map(AccessToken::new)\n            \
         .map_err(|_| AuthError::new(\"ACCESS_TOKEN is not set\"))\n    }}\n}}\n\n\
         let builder = {crate_ident}::Client::builder().{}(FromEnvironment);\n\
         # drop(builder);\n```\n\n",
        setter_name(api, token, "token_source")
    );
    if let Some(auth) = refreshed {
        let mut code = imports(api, crate_ident, &[]);
        code.push_str("\n# fn example() -> Result<(), Error> {\nlet client = Client::builder()\n");
        if let Some(c) = &api.server.choice {
            code.push_str(&choice_line(c, &c.options[c.default]));
        }
        let _ = write!(
            code,
            "    .{}(\"client-id\", \"client-secret\", \"refresh-token\")\n    .build()?;\n# drop(client);\n# Ok(())\n# }}\n",
            setter_name(api, auth, "refresh_token")
        );
        let _ = write!(out, "```rust,no_run\n{code}```\n\n");
    }
}

/// The table of a spec's several schemes: how each is sent, and its methods.
fn several_schemes(out: &mut String, api: &Api) {
    out.push_str(
        "The API has several security schemes, each given on the builder with methods named \
         after it. A call sends the credentials of the first of its operation's alternatives \
         that the client was given (each method's docs list them); a call for which the \
         client holds no alternative's credentials fails with [`Error::Auth`] before anything \
         is sent.\n\n| scheme | sent as | builder methods |\n| --- | --- | --- |\n",
    );
    for auth in &api.schemes {
        let mut bases = if auth.is_token() {
            vec!["access_token", "token_source"]
        } else {
            vec!["basic_auth"]
        };
        if auth.refresh_url.is_some() {
            bases.extend(["refresh_token", "token_url"]);
        }
        let methods: Vec<String> = bases
            .iter()
            .map(|base| format!("`{}`", setter_name(api, auth, base)))
            .collect();
        let _ = writeln!(
            out,
            "| {} | {} | {} |",
            table_cell(&code_span(&auth.name)),
            table_cell(&code_span(&auth.sent_as())),
            methods.join(", ")
        );
    }
    out.push('\n');
}

const RETRIES: &str = "## Retries

GET, PUT and DELETE are retried on connection errors and timeouts, and on HTTP 408, 429,
500, 502, 503 and 504. POST is retried only when the server cannot have acted on it: the
connection was never made, or the answer is 429, or 503 with `Retry-After`; the API has no
idempotency key, so a POST that may have reached the server is never sent twice. Waits grow
exponentially with jitter. A `Retry-After` header (seconds or an HTTP date) is followed when it
asks for no more than `RetryPolicy::max_retry_after` (30 s by default) and fits in the total
wait; a longer one is never shortened: the call ends at once with the error, and
`Error::retry_after()` says how long the server asked to wait. Every attempt sends the same
body. `RetryPolicy` sets the number of attempts, the waits and the total wait;
`ClientBuilder::timer` replaces the clock and the sleeping in tests.

";

fn errors(out: &mut String, api: &Api) {
    out.push_str(
        "## Errors\n\n\
         Every method returns `Result<_, Error>`:\n\n\
         - `Error::Api`: an error status, or a redirect (never followed). It keeps the status, \
         the headers, the body decoded as the spec's error schema (`ErrorBody`) when it is one, \
         and the start of the raw body.\n\
         - `Error::Decode`: a success answer that does not match the spec; it names the field \
         (a serde path such as `items[0].id`) and keeps the body.\n\
         - `Error::Unsuccessful`: a success status whose body says the operation failed.\n\
         - `Error::Transport`: the request did not complete (connection, TLS, an attempt's \
         timeout); its message shows the whole chain of causes.\n\
         - `Error::Timeout`: the call's own limit (a request's `timeout`) was reached.\n\
         - `Error::TooLarge`: a success answer over `ClientBuilder::max_answer_size`.\n\
         - `Error::Auth`: no access token could be had.\n\
         - `Error::Invalid`: the body breaks constraints the spec states (each violation \
         with its path); nothing was sent.\n\
         - `Error::Config`, `Error::InvalidParameter`, `Error::Serialize`: nothing was sent.\n\n",
    );
    let envelopes = api.envelope_types();
    if !envelopes.is_empty() {
        let _ = write!(
            out,
            "A 2xx answer of type {} is checked by its `failure()` method (the spec's \
             `x-envelope`): a status field other than success, or an item whose success flag is \
             false, makes it an `Error::Unsuccessful` instead of a silent success.\n\n",
            envelopes
                .iter()
                .map(|n| format!("`{n}`"))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
}

fn hooks(crate_ident: &str) -> String {
    format!(
        "## Hooks and tracing\n\n\
         Hooks run before each request (they may change it, such as adding a header) and \
         after each answer (status and latency, for metrics). With the `tracing` feature, each call \
         is a `tracing` span (operation, method, path template) and each attempt an event in it \
         (attempt, status, latency); never a secret.\n\n\
         ```rust\nuse std::time::Duration;\nuse {crate_ident}::hooks::{{AttemptInfo, Hooks}};\n\n\
         #[derive(Debug)]\nstruct Tagged;\n\nimpl Hooks for Tagged {{\n    \
         fn before_request(&self, _: &AttemptInfo<'_>, request: &mut {crate_ident}::reqwest::Request) {{\n        \
         request.headers_mut().insert(\"x-request-source\", \"nightly-sync\".parse().unwrap());\n    }}\n\n    \
         fn after_response(&self, attempt: &AttemptInfo<'_>, status: Option<u16>, elapsed: Duration) {{\n        \
         println!(\"{{}} #{{}}: {{status:?}} in {{elapsed:?}}\", attempt.call.operation, attempt.attempt);\n    }}\n}}\n\n\
         let builder = {crate_ident}::Client::builder().hook(Tagged);\n# drop(builder);\n```\n\n"
    )
}

const GUARANTEES: &str = "## What to expect

- **Unknown values.** Objects keep properties the spec does not list in
  `additional_properties`; enums keep values the spec does not list in `Unknown`, and
  write them back unchanged.
- **Paths.** Every path parameter is percent-encoded as a single segment: `/`, `?`, `#`,
  `%` and non-ASCII characters stay inside it; an empty value, `.` or `..` is refused
  before anything is sent.
";

const SECRETS: &str =
    "- **Secrets.** Access tokens are sent where the spec's scheme says (a header marked
  sensitive, or the query for an API key the spec puts there); a client secret and
  a refresh token only in the form body of token requests, to the token endpoint. None of
  them appears in `Debug`, `Display`, traces or errors: URLs in messages lose their user
  names, passwords and query values, and whatever the token endpoint echoes of a secret is
  replaced. A base URL or token URL with plain `http://` is refused unless it points at a
  loopback address.
";

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ParamLocation;

    #[test]
    fn simple_operations_need_only_required_strings() {
        let op = |params: Vec<crate::model::Param>| Operation {
            id: "op".into(),
            fn_name: "op".into(),
            request_type: "Op".into(),
            method: crate::model::Method::Get,
            path_template: "/".into(),
            path: vec![],
            docs: vec![],
            params,
            body: None,
            success: crate::model::Success::Empty,
            success_codes: vec![],
            accept: None,
            security: vec![vec![]],
        };
        let param = |required, ty| crate::model::Param {
            wire_name: "p".into(),
            rust_name: "p".into(),
            location: ParamLocation::Query,
            explode: true,
            structured: None,
            style: None,
            compound: false,
            json: false,
            required,
            ty,
            docs: vec![],
        };
        assert!(simple(&op(vec![param(true, TypeRef::String)])));
        assert!(!simple(&op(vec![param(false, TypeRef::String)])));
        assert!(!simple(&op(vec![param(true, TypeRef::I64)])));
    }
}
