//! `x-envelope`: how a 2xx answer says in its body that the operation failed.
//!
//! ```yaml
//! x-envelope:
//!   status-field: status_code        # a property whose value is shown with Display
//!   success-status: ['10000']        # the values that mean success
//!   items-field: projectgoals        # a list property …
//!   item-success-field: success      # … whose items have a boolean flag
//! ```
//!
//! Both halves are optional; a given half must name properties that exist.

use serde_json::Value;

use super::{Envelope, Field, StructDef, TypeDef, TypeRef};
use crate::diagnostics::Diagnostic;

/// Attaches each `x-envelope` to its struct, or reports why it cannot.
pub(super) fn attach(
    types: &mut [TypeDef],
    envelopes: &[(String, Value, String)],
    problems: &mut Vec<Diagnostic>,
) {
    for (name, raw, ptr) in envelopes {
        let resolved = {
            let Some(TypeDef::Struct(def)) = types.iter().find(|t| t.name() == name) else {
                problems.push(problem(
                    ptr,
                    "`x-envelope` is allowed on object schemas only",
                ));
                continue;
            };
            resolve(def, types, raw, ptr)
        };
        match resolved {
            Ok(envelope) => {
                if let Some(TypeDef::Struct(def)) = types.iter_mut().find(|t| t.name() == name) {
                    def.envelope = Some(Box::new(envelope));
                }
            }
            Err(problem) => problems.push(problem),
        }
    }
}

fn resolve(
    def: &StructDef,
    types: &[TypeDef],
    raw: &Value,
    ptr: &str,
) -> Result<Envelope, Diagnostic> {
    let text = |key: &str| raw.get(key).and_then(Value::as_str);
    let status = match text("status-field") {
        None => None,
        Some(wire) => {
            let field = field(def, wire, ptr)?;
            if !displayable(&field.ty, types) {
                return Err(problem(
                    ptr,
                    &format!(
                        "the status field `{wire}` is not a string, a number or a `oneOf` of them"
                    ),
                ));
            }
            let values = raw
                .get("success-status")
                .and_then(Value::as_array)
                .map(|list| list.iter().map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned)).collect())
                .ok_or_else(|| problem(ptr, "`status-field` needs `success-status`, a list of the values that mean success"))?;
            Some((field.clone(), values))
        }
    };
    let items = match (text("items-field"), text("item-success-field")) {
        (None, None) => None,
        (Some(list), Some(flag)) => {
            let list_field = field(def, list, ptr)?;
            let item = match &list_field.ty {
                TypeRef::Vec(item) | TypeRef::OneOrMany(item) => item,
                _ => {
                    return Err(problem(
                        ptr,
                        &format!("the items field `{list}` is not a list"),
                    ));
                }
            };
            let item_def = match item.as_ref() {
                TypeRef::Named(name) => types.iter().find_map(|t| match t {
                    TypeDef::Struct(s) if &s.name == name => Some(s),
                    _ => None,
                }),
                _ => None,
            };
            let item_def = item_def
                .ok_or_else(|| problem(ptr, &format!("the items of `{list}` are not objects")))?;
            let flag_field = field(item_def, flag, ptr)?;
            if flag_field.ty != TypeRef::Bool {
                return Err(problem(
                    ptr,
                    &format!("the item field `{flag}` is not a boolean"),
                ));
            }
            Some((list_field.clone(), flag_field.clone()))
        }
        _ => {
            return Err(problem(
                ptr,
                "`items-field` and `item-success-field` go together",
            ));
        }
    };
    Ok(Envelope { status, items })
}

fn field<'d>(def: &'d StructDef, wire: &str, ptr: &str) -> Result<&'d Field, Diagnostic> {
    def.fields
        .iter()
        .find(|f| f.wire_name == wire)
        .ok_or_else(|| problem(ptr, &format!("`{}` has no property `{wire}`", def.name)))
}

fn displayable(ty: &TypeRef, types: &[TypeDef]) -> bool {
    let scalar = TypeRef::is_scalar;
    match ty {
        TypeRef::Named(name) => types.iter().any(|t| match t {
            TypeDef::Untagged(u) => &u.name == name && u.variants.iter().all(|(_, ty)| scalar(ty)),
            _ => false,
        }),
        other => scalar(other),
    }
}

fn problem(ptr: &str, message: &str) -> Diagnostic {
    Diagnostic::new("E0206", ptr, message.to_owned())
        .with_hint("see the generator README for the form of `x-envelope`")
}
