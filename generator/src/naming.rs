//! Rust names for things named in a spec.
//!
//! Every identifier the generator writes passes through here, so keywords, leading
//! digits, punctuation and collisions are handled in one place.

use std::collections::BTreeSet;

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Keywords of every Rust edition, strict and reserved (`gen` since 2024).
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "union", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// The names a generated method gives its own variables; a parameter never takes
/// one (a query parameter called `url` becomes `url_2`).
pub const METHOD_LOCALS: &[&str] = &[
    "answer", "base", "body", "call", "item", "joined", "pairs", "self", "url", "value",
];

/// Keywords that cannot be raw identifiers (`r#self` is not allowed).
const NOT_RAW: &[&str] = &["self", "Self", "super", "crate", "_"];

/// A `snake_case` name for a field, parameter or function.
///
/// Returns the identifier as it must be written, raw (`r#type`) where needed.
pub fn snake(wire: &str) -> String {
    fix_ident(wire.to_snake_case(), "field")
}

/// An `UpperCamelCase` name for a type or variant.
pub fn camel(wire: &str) -> String {
    fix_ident(wire.to_upper_camel_case(), "Type")
}

/// Makes any string a valid identifier: keeps ASCII letters, digits and `_`, puts a prefix
/// before a leading digit, and turns keywords into raw identifiers.
fn fix_ident(cased: String, empty_name: &str) -> String {
    let mut name: String = cased
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if name.is_empty() || name.chars().all(|c| c == '_') {
        name = empty_name.to_owned();
    }
    if name.starts_with(|c: char| c.is_ascii_digit()) {
        let prefix = if empty_name == "Type" { "N" } else { "n_" };
        name.insert_str(0, prefix);
    }
    if NOT_RAW.contains(&name.as_str()) {
        name.push('_');
    } else if KEYWORDS.contains(&name.as_str()) {
        name.insert_str(0, "r#");
    }
    name
}

/// Hands out names in one scope, resolving collisions deterministically: the first
/// claimant keeps the name, later ones get `_2`, `_3`, … (or `2`, `3` for types).
#[derive(Debug, Default)]
pub struct Scope {
    taken: BTreeSet<String>,
}

impl Scope {
    /// A scope in which `reserved` names are already taken.
    pub fn with_reserved(reserved: &[&str]) -> Self {
        Self {
            taken: reserved.iter().map(|s| (*s).to_owned()).collect(),
        }
    }

    /// Claims `name`, or the first free numbered variant of it.
    pub fn claim(&mut self, name: String) -> String {
        let bare = name.trim_start_matches("r#").to_owned();
        if self.taken.insert(bare.clone()) {
            return name;
        }
        let separator = if bare.starts_with(|c: char| c.is_uppercase()) {
            ""
        } else {
            "_"
        };
        // `self_` and `Self_` end in `_` only to dodge a keyword; a number does that too.
        let stem = bare.trim_end_matches('_');
        (2..)
            .map(|n| format!("{stem}{separator}{n}"))
            .find(|candidate| self.taken.insert(candidate.clone()))
            .unwrap_or(bare)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_become_raw_or_suffixed() {
        assert_eq!(snake("type"), "r#type");
        assert_eq!(snake("gen"), "r#gen");
        assert_eq!(snake("async"), "r#async");
        assert_eq!(snake("self"), "self_");
        assert_eq!(snake("crate"), "crate_");
        assert_eq!(camel("Self"), "Self_");
        assert_eq!(snake("super"), "super_");
    }

    #[test]
    fn wire_names_are_cased() {
        assert_eq!(
            snake("timeTakenToProcessTheRequest"),
            "time_taken_to_process_the_request"
        );
        assert_eq!(snake("goal-type"), "goal_type");
        assert_eq!(camel("PAGE_VISIT_GOAL"), "PageVisitGoal");
        assert_eq!(camel("createProjectGoal"), "CreateProjectGoal");
    }

    #[test]
    fn leading_digits_and_punctuation() {
        assert_eq!(snake("1st"), "n_1st");
        assert_eq!(camel("2xx"), "N2xx");
        assert_eq!(snake("$"), "field");
        assert_eq!(snake("a.b"), "a_b");
    }

    #[test]
    fn collisions_are_numbered_in_claim_order() {
        let mut scope = Scope::default();
        assert_eq!(scope.claim(snake("goal-type")), "goal_type");
        assert_eq!(scope.claim(snake("goal_type")), "goal_type_2");
        assert_eq!(scope.claim(snake("GoalType")), "goal_type_3");
        let mut types = Scope::with_reserved(&["Client"]);
        assert_eq!(types.claim(camel("client")), "Client2");
        assert_eq!(scope.claim(snake("type")), "r#type");
        assert_eq!(scope.claim(snake("type")), "type_2");
        assert_eq!(scope.claim(snake("self")), "self_");
        assert_eq!(scope.claim(snake("self")), "self_2");
        assert_eq!(types.claim(camel("Self")), "Self_");
        assert_eq!(types.claim(camel("Self")), "Self2");
    }
}
