//! Constraints a schema states (`minLength`, `pattern`, `minimum`, `maxItems`, …),
//! which the client checks before sending a request.

use openapiv3::{ReferenceOr, Schema, SchemaKind, Type};

use crate::diagnostics::Diagnostic;

/// What a value must satisfy, besides its type.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Constraints {
    /// `minLength`, in characters.
    pub min_length: Option<usize>,
    /// `maxLength`, in characters.
    pub max_length: Option<usize>,
    /// `pattern`, an ECMA-262 regular expression checked with the `regex` crate.
    pub pattern: Option<String>,
    /// `minimum`, and whether it is exclusive.
    pub minimum: Option<(f64, bool)>,
    /// `maximum`, and whether it is exclusive.
    pub maximum: Option<(f64, bool)>,
    /// `minItems`.
    pub min_items: Option<usize>,
    /// `maxItems`.
    pub max_items: Option<usize>,
}

impl Constraints {
    /// Whether there is anything to check.
    pub fn is_empty(&self) -> bool {
        self == &Self::default()
    }

    /// The constraints that apply to a value of type `ty`: a string's length and
    /// pattern do not apply to the enum a `type: string` with `enum` becomes.
    pub(super) fn fitting(self, ty: &super::TypeRef) -> Self {
        use super::TypeRef;
        let text = matches!(ty, TypeRef::String);
        let number = matches!(
            ty,
            TypeRef::I32 | TypeRef::I64 | TypeRef::F32 | TypeRef::F64
        );
        let list = matches!(ty, TypeRef::Vec(_) | TypeRef::OneOrMany(_));
        Self {
            min_length: self.min_length.filter(|_| text),
            max_length: self.max_length.filter(|_| text),
            pattern: self.pattern.filter(|_| text),
            minimum: self.minimum.filter(|_| number),
            maximum: self.maximum.filter(|_| number),
            min_items: self.min_items.filter(|_| list),
            max_items: self.max_items.filter(|_| list),
        }
    }
}

/// The constraints of a schema written in place (a `$ref`'s are its target's).
pub(super) fn constraints_of(
    schema: &ReferenceOr<Box<Schema>>,
    ptr: &str,
    warnings: &mut Vec<Diagnostic>,
) -> Constraints {
    let Some(schema) = schema.as_item() else {
        return Constraints::default();
    };
    let mut found = Constraints::default();
    match &schema.schema_kind {
        SchemaKind::Type(Type::String(s)) => {
            found.min_length = s.min_length;
            found.max_length = s.max_length;
            found.pattern = s.pattern.clone();
        }
        SchemaKind::Type(Type::Integer(i)) => {
            found.minimum = i.minimum.map(|m| (m as f64, i.exclusive_minimum));
            found.maximum = i.maximum.map(|m| (m as f64, i.exclusive_maximum));
        }
        SchemaKind::Type(Type::Number(n)) => {
            found.minimum = n.minimum.map(|m| (m, n.exclusive_minimum));
            found.maximum = n.maximum.map(|m| (m, n.exclusive_maximum));
        }
        SchemaKind::Type(Type::Array(a)) => {
            found.min_items = a.min_items;
            found.max_items = a.max_items;
        }
        _ => {}
    }
    if let Some(pattern) = &found.pattern {
        if let Err(error) = regex::Regex::new(pattern) {
            warnings.push(
                Diagnostic::new(
                    "E0205",
                    format!("{ptr}/pattern"),
                    format!("the pattern `{pattern}` is not a regular expression the client can check, so it is not checked: {error}"),
                )
                .with_hint("write the pattern without look-around or back-references"),
            );
            found.pattern = None;
        }
    }
    found
}
