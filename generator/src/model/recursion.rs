//! Recursive schemas: a struct that holds itself, directly or through other types,
//! would have infinite size, so the fields that close such a loop are boxed.

use std::collections::{BTreeMap, BTreeSet};

use super::{TypeDef, TypeRef};

/// Marks as boxed every struct field whose type leads back to its own struct
/// without passing through a `Vec` or a map (which already hold their items apart).
pub(super) fn box_recursive_fields(mut types: Vec<TypeDef>) -> Vec<TypeDef> {
    let edges: BTreeMap<String, Vec<String>> = types
        .iter()
        .map(|def| (def.name().to_owned(), direct_members(def)))
        .collect();
    for def in &mut types {
        let TypeDef::Struct(def) = def else { continue };
        let name = def.name.clone();
        for field in &mut def.fields {
            if let TypeRef::Named(target) = &field.ty {
                field.boxed = reaches(&edges, target, &name);
            }
        }
    }
    types
}

/// The named types a type holds inline (not through a `Vec` or map).
fn direct_members(def: &TypeDef) -> Vec<String> {
    let named = |ty: &TypeRef| match ty {
        TypeRef::Named(name) => Some(name.clone()),
        _ => None,
    };
    match def {
        TypeDef::Struct(s) => s.fields.iter().filter_map(|f| named(&f.ty)).collect(),
        TypeDef::Untagged(u) => u.variants.iter().filter_map(|(_, ty)| named(ty)).collect(),
        TypeDef::Tagged(t) => t
            .variants
            .iter()
            .filter_map(|(_, _, ty)| named(ty))
            .collect(),
        TypeDef::Alias(a) => named(&a.target).into_iter().collect(),
        TypeDef::IntEnum(_) | TypeDef::StringEnum(_) => vec![],
    }
}

/// Whether `goal` can be reached from `start` by following inline members.
fn reaches(edges: &BTreeMap<String, Vec<String>>, start: &str, goal: &str) -> bool {
    let mut seen = BTreeSet::new();
    let mut todo = vec![start.to_owned()];
    while let Some(name) = todo.pop() {
        if name == goal {
            return true;
        }
        if seen.insert(name.clone()) {
            todo.extend(edges.get(&name).into_iter().flatten().cloned());
        }
    }
    false
}
