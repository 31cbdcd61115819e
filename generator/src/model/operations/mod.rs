//! Lowering of paths and operations: here the operation as a whole (its id, its
//! security, skipping it); its parameters in [`parameters`], its body and answers in
//! [`answers`].

mod answers;
mod parameters;

use std::collections::BTreeMap;

use indexmap::IndexMap;
use openapiv3::{Components, OpenAPI, PathItem, ReferenceOr};

use super::schema::{TypeSpace, dangling_ref};
use super::server::{Security, alternatives};
use super::{Method, Operation, TypeRef, doc_lines};
use crate::diagnostics::{Diagnostic, escape_token};
use crate::naming::{self, Scope};

/// Codes of problems confined to one operation: features the generator cannot yet
/// express, and a path template that disagrees with the operation's parameters
/// (E0303, E0304: no URL can be built for it). Outside `--strict`, an operation with
/// one is skipped with a warning that says why, never generated without the part it
/// cannot send or read; the rest of the document still makes a correct client.
pub const SKIPPABLE: &[&str] = &["E0301", "E0303", "E0304", "E0306", "E0308", "E0404"];

/// How deep a chain of `$ref` to `$ref` may go before it counts as a loop.
const MAX_REF_DEPTH: usize = 16;

/// Lowers every operation; collects the types of error answers on the way.
pub(super) struct OperationLowering<'a, 's> {
    components: Option<&'a Components>,
    types: &'s mut TypeSpace<'a>,
    fn_names: Scope,
    /// The names of the request types, one per operation.
    request_types: Scope,
    ids: BTreeMap<String, String>,
    pub operations: Vec<Operation>,
    /// Every error answer's body type, with the pointer of the answer.
    pub error_types: Vec<(TypeRef, String)>,
    pub problems: Vec<Diagnostic>,
    /// Skip an operation whose problems are all features outside the subset, with
    /// warnings, instead of failing (everything but `--strict`).
    pub skip_unsupported: bool,
    /// What was skipped, and why.
    pub warnings: Vec<Diagnostic>,
    /// The parameters of the operation being lowered that could not be expressed:
    /// the operation is skipped for them, so the template naming them is no
    /// further problem.
    rejected_params: Vec<String>,
    /// The client's credential, which decides which operations send it.
    security: &'s Security,
    global_security: Option<&'a Vec<openapiv3::SecurityRequirement>>,
}

impl<'a, 's> OperationLowering<'a, 's> {
    pub fn new(api: &'a OpenAPI, types: &'s mut TypeSpace<'a>, security: &'s Security) -> Self {
        Self {
            security,
            global_security: api.security.as_ref(),
            components: api.components.as_ref(),
            types,
            fn_names: Scope::with_reserved(&["new", "builder", "base_url", "clone", "fmt", "core"]),
            request_types: Scope::default(),
            ids: BTreeMap::new(),
            operations: Vec::new(),
            error_types: Vec::new(),
            problems: Vec::new(),
            skip_unsupported: false,
            warnings: Vec::new(),
            rejected_params: Vec::new(),
        }
    }

    pub fn lower_paths(&mut self, api: &'a OpenAPI) {
        for (path, item) in &api.paths.paths {
            let ptr = format!("#/paths/{}", escape_token(path));
            match item {
                ReferenceOr::Item(item) => self.lower_path(path, item, &ptr),
                ReferenceOr::Reference { .. } => self.problems.push(
                    Diagnostic::new("E0102", ptr, "a path item given by `$ref` is not supported")
                        .with_hint("write the path item in place"),
                ),
            }
        }
    }

    fn lower_path(&mut self, path: &str, item: &'a PathItem, ptr: &str) {
        let methods = [
            ("get", Some(Method::Get), &item.get),
            ("put", Some(Method::Put), &item.put),
            ("post", Some(Method::Post), &item.post),
            ("delete", Some(Method::Delete), &item.delete),
            ("patch", Some(Method::Patch), &item.patch),
            ("options", None, &item.options),
            ("head", None, &item.head),
            ("trace", None, &item.trace),
        ];
        for (key, method, operation) in methods {
            let (Some(operation), op_ptr) = (operation, format!("{ptr}/{key}")) else {
                continue;
            };
            match method {
                Some(method) => self.lower_operation(path, method, item, operation, &op_ptr),
                None => {
                    let problem = Diagnostic::new(
                        "E0301",
                        op_ptr.clone(),
                        format!("`{}` operations are not supported", key.to_uppercase()),
                    )
                    .with_hint(
                        "remove the operation, or describe it as GET, PUT, POST, PATCH or DELETE",
                    );
                    let id = operation.operation_id.as_deref().unwrap_or(key).to_owned();
                    if operation.operation_id.is_some() {
                        self.claim_id(&id, &op_ptr);
                    }
                    self.fail_or_skip(&id, vec![problem]);
                }
            }
        }
    }

    fn lower_operation(
        &mut self,
        path: &str,
        method: Method,
        item: &'a PathItem,
        op: &'a openapiv3::Operation,
        ptr: &str,
    ) {
        let id = op
            .operation_id
            .clone()
            .unwrap_or_else(|| derived_id(method, path));
        self.claim_id(&id, ptr);
        let problems_before = self.problems.len();
        let needs = alternatives(op.security.as_ref().or(self.global_security));
        let security = match self.security.requires(&needs) {
            Some(met) => met,
            None => {
                let ways: Vec<String> = needs
                    .iter()
                    .map(|alt| format!("`{}`", alt.join(" + ")))
                    .collect();
                self.problems.push(
                    Diagnostic::new(
                        "E0404",
                        format!("{ptr}/security"),
                        format!(
                            "the operation accepts only {}, which the client cannot send",
                            ways.join(" or ")
                        ),
                    )
                    .with_hint("the schemes a client can send are listed in the generator README"),
                );
                Vec::new()
            }
        };
        let type_hint = naming::camel(&id);
        self.rejected_params.clear();
        let params = self.parameters(&item.parameters, &op.parameters, &type_hint, ptr);
        let path_parts = self.path_parts(path, &params, ptr);
        let body = op
            .request_body
            .as_ref()
            .and_then(|b| self.body(b, &type_hint, &format!("{ptr}/requestBody")));
        let (success, success_codes, links, accept) =
            self.responses(&op.responses, &type_hint, &format!("{ptr}/responses"));
        if self.skippable_since(problems_before) {
            let problems: Vec<Diagnostic> = self.problems.drain(problems_before..).collect();
            self.fail_or_skip(&id, problems);
            return;
        }
        let mut docs = doc_lines(&[op.summary.as_deref(), op.description.as_deref()]);
        docs.extend(links);
        docs.extend(callback_notes(op));
        docs.extend(security_note(&security, &self.security.schemes));
        self.operations.push(Operation {
            request_type: self.request_types.claim(naming::camel(&id)),
            fn_name: self.fn_names.claim(naming::snake(&id)),
            id,
            method,
            path_template: path.to_owned(),
            path: path_parts,
            docs,
            params,
            body,
            success,
            success_codes,
            accept,
            security,
        });
    }

    /// Records that the operation at `ptr` is `id`; a second use is E0302, even
    /// when one of the two is skipped.
    fn claim_id(&mut self, id: &str, ptr: &str) {
        if let Some(first) = self.ids.insert(id.to_owned(), ptr.to_owned()) {
            self.problems.push(
                Diagnostic::new(
                    "E0302",
                    format!("{ptr}/operationId"),
                    format!("the operationId `{id}` is also used at {first}"),
                )
                .with_hint("give every operation its own operationId"),
            );
        }
    }

    /// The problems of operation `id`, which are all features outside the subset:
    /// warnings that skip it, or (with `--strict`) errors.
    fn fail_or_skip(&mut self, id: &str, mut problems: Vec<Diagnostic>) {
        if !self.skip_unsupported {
            self.problems.extend(problems);
            return;
        }
        for problem in &mut problems {
            problem.message = format!("operation `{id}` skipped: {}", problem.message);
        }
        self.warnings.extend(problems);
    }

    /// Whether every problem since `start` is an unsupported feature of the
    /// operation (not a mistake in the spec), so that skipping it is safe.
    fn skippable_since(&self, start: usize) -> bool {
        let problems = &self.problems[start..];
        !problems.is_empty() && problems.iter().all(|p| SKIPPABLE.contains(&p.code))
    }

    /// Follows `$ref`s into `components.<section>`.
    fn resolve<T>(
        &mut self,
        item: &'a ReferenceOr<T>,
        section: &str,
        ptr: &str,
        pick: impl Fn(&'a Components) -> &'a IndexMap<String, ReferenceOr<T>>,
    ) -> Option<&'a T> {
        let prefix = format!("#/components/{section}/");
        let mut current = item;
        for _ in 0..MAX_REF_DEPTH {
            let reference = match current {
                ReferenceOr::Item(item) => return Some(item),
                ReferenceOr::Reference { reference } => reference,
            };
            let found = reference
                .strip_prefix(&prefix)
                .and_then(|name| self.components.map(&pick)?.get(name));
            match found {
                Some(next) => current = next,
                None => {
                    self.problems
                        .push(dangling_ref(reference, &format!("{ptr}/$ref"), &prefix));
                    return None;
                }
            }
        }
        self.problems.push(
            Diagnostic::new("E0103", ptr, "this `$ref` chain does not end (it loops)")
                .with_hint("make one of the references point to a definition"),
        );
        None
    }
}

/// Doc lines naming the callbacks of `op`: requests the API sends to a server of
/// the caller's, which a client does not receive.
fn callback_notes(op: &openapiv3::Operation) -> Vec<String> {
    note(op.callbacks.keys(), |names| {
        format!(
            "The API may call back a server of yours after this call ({names}); this client \
             does not receive callbacks."
        )
    })
}

/// Doc lines saying which credentials a call sends, for a spec with several
/// schemes (with one, the builder's docs say it all).
fn security_note(security: &[Vec<usize>], schemes: &[super::Auth]) -> Vec<String> {
    if schemes.len() < 2 {
        return Vec::new();
    }
    let names = |alternative: &[usize]| -> String {
        alternative
            .iter()
            .map(|i| format!("`{}`", schemes[*i].name))
            .collect::<Vec<_>>()
            .join(" + ")
    };
    let text = match security {
        [] => return Vec::new(),
        [only] if only.is_empty() => "Sends no credential.".to_owned(),
        [only] => format!("Sends the credentials of {}.", names(only)),
        alternatives => {
            let ways: Vec<String> = alternatives
                .iter()
                .map(|alternative| match alternative.as_slice() {
                    [] => "none".to_owned(),
                    indices => names(indices),
                })
                .collect();
            format!(
                "Sends the credentials of the first of these the client was given: {}.",
                ways.join(", or ")
            )
        }
    };
    vec![String::new(), text]
}

/// A paragraph of docs naming `names` in code spans, or nothing when there are none.
pub(super) fn note<'n>(
    names: impl Iterator<Item = &'n String>,
    say: impl Fn(&str) -> String,
) -> Vec<String> {
    let names: Vec<String> = names.map(|name| format!("`{name}`")).collect();
    if names.is_empty() {
        return Vec::new();
    }
    vec![String::new(), say(&names.join(", "))]
}

/// A stable name for an operation without `operationId`: method and path, such as
/// `get_portal_portal_name_goals`.
fn derived_id(method: Method, path: &str) -> String {
    let words: Vec<&str> = path
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    format!("{}_{}", method.as_str().to_lowercase(), words.join("_"))
}
