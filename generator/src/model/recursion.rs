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

/// Every named type `ty` mentions, at any depth of `Vec`s and maps.
fn mentioned(ty: &TypeRef, out: &mut Vec<String>) {
    match ty {
        TypeRef::Named(name) => out.push(name.clone()),
        TypeRef::Vec(inner) | TypeRef::OneOrMany(inner) | TypeRef::Map(inner) => {
            mentioned(inner, out);
        }
        _ => {}
    }
}

/// `ty` with every mention of `name` replaced by JSON.
fn without(ty: &TypeRef, name: &str) -> TypeRef {
    match ty {
        TypeRef::Named(n) if n == name => TypeRef::Any,
        TypeRef::Vec(inner) => TypeRef::Vec(Box::new(without(inner, name))),
        TypeRef::OneOrMany(inner) => TypeRef::OneOrMany(Box::new(without(inner, name))),
        TypeRef::Map(inner) => TypeRef::Map(Box::new(without(inner, name))),
        other => other.clone(),
    }
}

/// A type alias cannot hold itself (`type Tree = BTreeMap<String, Tree>` does not
/// compile), and only aliases lead back to it without a struct in between: such a
/// self-reference is read as JSON, with a warning.
pub(super) fn break_alias_cycles(
    mut types: Vec<TypeDef>,
    warnings: &mut Vec<crate::diagnostics::Diagnostic>,
) -> Vec<TypeDef> {
    let aliases: BTreeMap<String, TypeRef> = types
        .iter()
        .filter_map(|def| match def {
            TypeDef::Alias(a) => Some((a.name.clone(), a.target.clone())),
            _ => None,
        })
        .collect();
    let edges: BTreeMap<String, Vec<String>> = aliases
        .iter()
        .map(|(name, target)| {
            let mut out = Vec::new();
            mentioned(target, &mut out);
            out.retain(|n| aliases.contains_key(n));
            (name.clone(), out)
        })
        .collect();
    for def in &mut types {
        let TypeDef::Alias(alias) = def else { continue };
        let loops = edges[&alias.name]
            .iter()
            .any(|next| reaches(&edges, next, &alias.name));
        if loops {
            warnings.push(crate::diagnostics::Diagnostic::new(
                "E0209",
                "#/components/schemas",
                format!(
                    "the schema `{}` holds itself through arrays or maps only, which a Rust \
                     type alias cannot; where it holds itself it is read as `serde_json::Value`",
                    alias.name
                ),
            ));
            alias.target = without(&alias.target, &alias.name);
            let back: Vec<String> = edges[&alias.name]
                .iter()
                .filter(|next| reaches(&edges, next, &alias.name))
                .cloned()
                .collect();
            for other in back {
                alias.target = without(&alias.target, &other);
            }
        }
    }
    types
}
