//! Lowering of a whole document: servers, auth, types and operations.

use indexmap::IndexMap;

use super::operations::OperationLowering;
use super::schema::TypeSpace;
use super::server::{lower_auth, lower_server};
use super::{Api, TypeRef, doc_lines};
use crate::diagnostics::Diagnostic;
use crate::load::LoadedSpec;

/// A lowered spec, and the warnings: what was chosen or skipped, and why.
#[derive(Debug, Clone)]
pub struct Lowered {
    /// The model.
    pub api: Api,
    /// One warning per problem of each skipped operation.
    pub warnings: Vec<Diagnostic>,
}

/// Lowers a loaded spec into the model, or returns every problem found.
pub fn lower(spec: &LoadedSpec) -> Result<Api, Vec<Diagnostic>> {
    lower_with(spec, false).map(|lowered| lowered.api)
}

/// As [`lower`]; with `skip_unsupported` (all but `--strict`), an operation whose
/// only problems are features outside the supported subset is skipped with
/// warnings instead.
pub fn lower_with(spec: &LoadedSpec, skip_unsupported: bool) -> Result<Lowered, Vec<Diagnostic>> {
    let api = &spec.api;
    let mut problems = Vec::new();
    let mut warnings = Vec::new();
    let server = lower_server(api, &mut problems, &mut warnings);
    let security = lower_auth(api, &mut problems, &mut warnings);
    let empty = IndexMap::new();
    let schemas = api.components.as_ref().map_or(&empty, |c| &c.schemas);
    let mut types = TypeSpace::new(&spec.raw, schemas);
    types.define_components();
    let mut lowering = OperationLowering::new(api, &mut types, &security);
    lowering.skip_unsupported = skip_unsupported;
    lowering.lower_paths(api);
    let OperationLowering {
        operations,
        error_types,
        problems: op_problems,
        warnings: skipped,
        ..
    } = lowering;
    warnings.extend(skipped);
    problems.extend(op_problems);
    problems.extend(std::mem::take(&mut types.problems));
    warnings.extend(std::mem::take(&mut types.warnings));
    let envelopes = std::mem::take(&mut types.envelopes);
    super::envelope::attach(&mut types.types, &envelopes, &mut problems);
    let error_body = shared_error_type(&error_types);
    let alias_safe =
        super::recursion::break_alias_cycles(std::mem::take(&mut types.types), &mut warnings);
    if !skip_unsupported {
        // `--strict`: every warning is an error, reported with the others.
        problems.append(&mut warnings);
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let api = Api {
        title: api.info.title.clone(),
        version: api.info.version.clone(),
        docs: doc_lines(&[api.info.description.as_deref()]),
        server,
        schemes: security.schemes.clone(),
        types: super::recursion::box_recursive_fields(alias_safe),
        operations,
        error_body,
        webhooks: spec.webhooks.clone(),
    };
    Ok(Lowered { api, warnings })
}

/// The error body type, when every error answer of every operation has the same one;
/// otherwise errors keep their body as JSON.
fn shared_error_type(error_types: &[(TypeRef, String)]) -> Option<TypeRef> {
    let (first, _) = error_types.first()?;
    error_types
        .iter()
        .all(|(ty, _)| ty == first)
        .then(|| first.clone())
}
