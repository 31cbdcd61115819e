//! Lowering of `servers` and the security scheme.

use openapiv3::{APIKeyLocation, OpenAPI, ReferenceOr, SecurityScheme, ServerVariable};
use serde_json::Value;

use super::{Auth, AuthPlace, Server, ServerChoice, ServerOption, doc_lines};
use crate::diagnostics::{Diagnostic, escape_token};
use crate::naming::{self, Scope};

/// The first server of the spec; its variables at their defaults, except one with an
/// `enum`, which becomes a choice the client offers. Without a server, or with a
/// relative one, the client has no default base URL: a warning says so, and its
/// builder then requires one.
pub(super) fn lower_server(
    api: &OpenAPI,
    problems: &mut Vec<Diagnostic>,
    warnings: &mut Vec<Diagnostic>,
) -> Server {
    let Some(server) = api.servers.first() else {
        warnings.push(
            Diagnostic::new(
                "E0401",
                "#",
                "the spec gives no `servers`: the client has no default base URL, so \
                 `ClientBuilder::base_url` must be set",
            )
            .with_hint("add `servers: [{url: https://api.example.com/v1}]` to give one"),
        );
        return Server {
            default_url: None,
            docs: vec![],
            choice: None,
        };
    };
    let variables = server.variables.clone().unwrap_or_default();
    let defaults: Vec<(String, String)> = variables
        .iter()
        .map(|(name, v)| (name.clone(), v.default.clone()))
        .collect();
    let default_url = substitute(&server.url, &defaults);
    if !(default_url.starts_with("https://") || default_url.starts_with("http://")) {
        // A relative URL is relative to wherever the document was served from, which
        // the client cannot know.
        warnings.push(
            Diagnostic::new(
                "E0402",
                "#/servers/0/url",
                format!(
                    "the server URL `{default_url}` is not an absolute http(s) URL: the client \
                     has no default base URL, so `ClientBuilder::base_url` must be set (the \
                     full URL, this path included)"
                ),
            )
            .with_hint("give the full URL, such as `https://api.example.com/v1`"),
        );
        return Server {
            default_url: None,
            docs: doc_lines(&[server.description.as_deref()]),
            choice: None,
        };
    }
    let choice = variables
        .iter()
        .find(|(_, variable)| !variable.enumeration.is_empty())
        .and_then(|(name, variable)| choice(&server.url, &defaults, name, variable, problems));
    Server {
        default_url: Some(default_url),
        docs: doc_lines(&[server.description.as_deref()]),
        choice,
    }
}

fn choice(
    url: &str,
    defaults: &[(String, String)],
    name: &str,
    variable: &ServerVariable,
    problems: &mut Vec<Diagnostic>,
) -> Option<ServerChoice> {
    let ptr = format!("#/servers/0/variables/{}", escape_token(name));
    let count = variable.enumeration.len();
    let labels = string_list(
        variable.extensions.get("x-enum-varnames"),
        count,
        &ptr,
        "x-enum-varnames",
        problems,
    )
    .unwrap_or_else(|| variable.enumeration.clone());
    let accounts = string_list(
        variable.extensions.get("x-accounts-servers"),
        count,
        &ptr,
        "x-accounts-servers",
        problems,
    );
    let descriptions = string_list(
        variable.extensions.get("x-enum-descriptions"),
        count,
        &ptr,
        "x-enum-descriptions",
        problems,
    )
    .unwrap_or_else(|| vec![String::new(); count]);
    let Some(default) = variable
        .enumeration
        .iter()
        .position(|v| v == &variable.default)
    else {
        problems.push(
            Diagnostic::new(
                "E0403",
                format!("{ptr}/default"),
                format!(
                    "the default `{}` is not one of the variable's `enum` values",
                    variable.default
                ),
            )
            .with_hint("make `default` one of the listed values"),
        );
        return None;
    };
    let mut scope = Scope::default();
    let options = variable
        .enumeration
        .iter()
        .zip(labels)
        .zip(descriptions)
        .enumerate()
        .map(|(index, ((value, label), description))| {
            let mut values = defaults.to_vec();
            values.retain(|(n, _)| n != name);
            values.push((name.to_owned(), value.clone()));
            ServerOption {
                value: value.clone(),
                rust_name: scope.claim(naming::camel(&label)),
                label,
                docs: doc_lines(&[Some(&description)]),
                url: substitute(url, &values),
                accounts_server: accounts.as_ref().map(|list| list[index].clone()),
            }
        })
        .collect();
    Some(ServerChoice {
        type_name: naming::camel(name),
        docs: doc_lines(&[variable.description.as_deref()]),
        options,
        default,
    })
}

fn string_list(
    value: Option<&Value>,
    count: usize,
    ptr: &str,
    key: &str,
    problems: &mut Vec<Diagnostic>,
) -> Option<Vec<String>> {
    let value = value?;
    let list: Option<Vec<String>> = value.as_array().and_then(|items| {
        items
            .iter()
            .map(|v| v.as_str().map(str::to_owned))
            .collect()
    });
    match list {
        Some(list) if list.len() == count => Some(list),
        _ => {
            problems.push(
                Diagnostic::new(
                    "E0203",
                    format!("{ptr}/{key}"),
                    format!("`{key}` must be a list of {count} strings, one per `enum` value"),
                )
                .with_hint("give one entry per value, in the same order as `enum`"),
            );
            None
        }
    }
}

fn substitute(url: &str, values: &[(String, String)]) -> String {
    values
        .iter()
        .fold(url.to_owned(), |url, (name, value)| {
            url.replace(&format!("{{{name}}}"), value)
        })
        .trim_end_matches('/')
        .to_owned()
}

/// The security schemes the spec's requirements name that a client can send, each
/// configured on its own on the builder. A scheme it cannot send is a warning here;
/// it is a problem only where an operation has no other way in, and that operation
/// is then skipped (see the operations' lowering).
pub(super) fn lower_auth(
    api: &OpenAPI,
    problems: &mut Vec<Diagnostic>,
    warnings: &mut Vec<Diagnostic>,
) -> Security {
    let mut names: Vec<&String> = api
        .security
        .iter()
        .chain(
            api.operations()
                .filter_map(|(_, _, op)| op.security.as_ref()),
        )
        .flatten()
        .flat_map(|requirement| requirement.keys())
        .collect();
    names.sort();
    names.dedup();
    let mut scope = Scope::default();
    let mut schemes: Vec<Auth> = Vec::new();
    for name in names {
        let ptr = format!("#/components/securitySchemes/{}", escape_token(name));
        let scheme = api
            .components
            .as_ref()
            .and_then(|c| c.security_schemes.get(name));
        let Some(ReferenceOr::Item(scheme)) = scheme else {
            problems.push(
                Diagnostic::new(
                    "E0101",
                    "#/security",
                    format!(
                        "the security scheme `{name}` is not defined under \
                         `components.securitySchemes`"
                    ),
                )
                .with_hint("define the scheme, or fix its name in `security`"),
            );
            continue;
        };
        if let Some(way) = auth_for(scheme, &ptr, warnings) {
            schemes.push(Auth {
                name: name.clone(),
                rust_name: scope.claim(naming::snake(name)),
                ..way
            });
        }
    }
    Security { schemes }
}

/// The alternatives of a `security` list: each the names of the schemes it needs
/// together; an empty alternative means no credential is needed.
pub(super) fn alternatives(
    security: Option<&Vec<openapiv3::SecurityRequirement>>,
) -> Vec<Vec<String>> {
    match security {
        None => vec![vec![]],
        Some(list) if list.is_empty() => vec![vec![]],
        Some(list) => list
            .iter()
            .map(|requirement| {
                let mut names: Vec<String> = requirement.keys().cloned().collect();
                names.sort();
                names
            })
            .collect(),
    }
}

/// The schemes a client can send.
#[derive(Debug, Clone, Default)]
pub(super) struct Security {
    pub schemes: Vec<Auth>,
}

impl Security {
    /// The alternatives a client can meet, as indices into the schemes; `None` when
    /// it can meet none of them.
    pub fn requires(&self, alternatives: &[Vec<String>]) -> Option<Vec<Vec<usize>>> {
        let met: Vec<Vec<usize>> = alternatives
            .iter()
            .filter_map(|alternative| {
                alternative
                    .iter()
                    .map(|name| self.schemes.iter().position(|s| &s.name == name))
                    .collect()
            })
            .collect();
        (!met.is_empty()).then_some(met)
    }
}

/// How `scheme`'s credential is sent; the names are left for the caller to give.
fn auth_for(scheme: &SecurityScheme, ptr: &str, problems: &mut Vec<Diagnostic>) -> Option<Auth> {
    match scheme {
        SecurityScheme::APIKey {
            location: APIKeyLocation::Header,
            name,
            description,
            extensions,
        } => {
            let text = |key: &str| {
                extensions
                    .get(key)
                    .and_then(Value::as_str)
                    .map(str::to_owned)
            };
            if !is_header_name(name) {
                problems.push(
                    Diagnostic::new(
                        "E0405",
                        format!("{ptr}/name"),
                        format!("`{name}` is not a valid HTTP header name"),
                    )
                    .with_hint("use letters, digits and `-` only"),
                );
                return None;
            }
            Some(Auth {
                name: String::new(),
                rust_name: String::new(),
                place: AuthPlace::Header(name.clone()),
                prefix: text("x-token-prefix"),
                refresh_url: text("x-refresh-token-url"),
                docs: doc_lines(&[description.as_deref()]),
            })
        }
        SecurityScheme::APIKey {
            location: location @ (APIKeyLocation::Query | APIKeyLocation::Cookie),
            name,
            description,
            ..
        } => Some(Auth {
            name: String::new(),
            rust_name: String::new(),
            place: match location {
                APIKeyLocation::Query => AuthPlace::Query(name.clone()),
                _ => AuthPlace::Cookie(name.clone()),
            },
            prefix: None,
            refresh_url: None,
            docs: doc_lines(&[description.as_deref()]),
        }),
        SecurityScheme::HTTP {
            scheme,
            description,
            ..
        } if scheme.eq_ignore_ascii_case("bearer") => Some(bearer(description.as_deref())),
        SecurityScheme::HTTP {
            scheme,
            description,
            ..
        } if scheme.eq_ignore_ascii_case("basic") => Some(Auth {
            name: String::new(),
            rust_name: String::new(),
            place: AuthPlace::Basic,
            prefix: None,
            refresh_url: None,
            docs: doc_lines(&[description.as_deref()]),
        }),
        SecurityScheme::OAuth2 {
            description, flows, ..
        } => {
            // Tokens are refreshed where the flow issues them.
            let refresh_url = [
                flows
                    .authorization_code
                    .as_ref()
                    .map(|f| f.refresh_url.as_ref().unwrap_or(&f.token_url)),
                flows
                    .password
                    .as_ref()
                    .map(|f| f.refresh_url.as_ref().unwrap_or(&f.token_url)),
                flows
                    .client_credentials
                    .as_ref()
                    .map(|f| f.refresh_url.as_ref().unwrap_or(&f.token_url)),
            ]
            .into_iter()
            .flatten()
            .next()
            .cloned();
            Some(Auth {
                refresh_url,
                ..bearer(description.as_deref())
            })
        }
        SecurityScheme::OpenIDConnect { description, .. } => Some(bearer(description.as_deref())),
        _ => {
            problems.push(
                Diagnostic::new("E0405", ptr, "only API keys, HTTP bearer and basic, OAuth 2 and OpenID Connect schemes are supported")
                    .with_hint(
                        "operations that accept no other scheme are skipped; a hook's \
                         `before_request` can add the header such a scheme needs",
                    ),
            );
            None
        }
    }
}

/// RFC 7230's token characters, which `HeaderName::from_static` accepts lower-cased.
fn is_header_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c))
}

fn bearer(description: Option<&str>) -> Auth {
    Auth {
        name: String::new(),
        rust_name: String::new(),
        place: AuthPlace::Header("Authorization".to_owned()),
        prefix: Some("Bearer".to_owned()),
        refresh_url: None,
        docs: doc_lines(&[description]),
    }
}
