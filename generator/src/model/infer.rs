//! What an untyped schema plainly means.
//!
//! `openapiv3` reads a schema whose keywords do not all fit one `type` as "any":
//! `properties` without `type: object`, `type: string` with `minItems`, `type:
//! object` with a `format`, an `enum` without a `type`, a `oneOf` beside
//! `properties` (the "at least one of" idiom). Real documents are full of them, and
//! each still says plainly what it holds. The keywords that decide are, in order:
//! `properties` or `type: object`, `items` or `type: array`, the scalar `type`, the
//! kind of every `enum` value, and a lone `oneOf`/`anyOf`; the others are ignored.

use openapiv3::{
    AnySchema, ArrayType, BooleanType, IntegerType, NumberType, ObjectType, SchemaKind, StringType,
    Type,
};
use serde_json::Value;

/// The typed schema `any` means and how to say it in a warning, or `None` when it
/// says nothing more precise than "any JSON".
pub(super) fn infer(any: &AnySchema) -> Option<(SchemaKind, &'static str)> {
    let typ = any.typ.as_deref();
    if !any.properties.is_empty() || typ == Some("object") {
        return Some((SchemaKind::Type(Type::Object(object(any))), "an object"));
    }
    if any.items.is_some() || typ == Some("array") {
        return Some((SchemaKind::Type(Type::Array(array(any))), "an array"));
    }
    let kind = typ.or_else(|| enum_kind(&any.enumeration));
    match kind {
        Some("string") => Some((SchemaKind::Type(Type::String(string(any))), "a string")),
        Some("integer") => Some((SchemaKind::Type(Type::Integer(integer(any))), "an integer")),
        Some("number") => Some((SchemaKind::Type(Type::Number(number(any))), "a number")),
        Some("boolean") => Some((
            SchemaKind::Type(Type::Boolean(BooleanType::default())),
            "a boolean",
        )),
        _ if !any.one_of.is_empty() => Some((
            SchemaKind::OneOf {
                one_of: any.one_of.clone(),
            },
            "its `oneOf`",
        )),
        _ if !any.any_of.is_empty() => Some((
            SchemaKind::AnyOf {
                any_of: any.any_of.clone(),
            },
            "its `anyOf`",
        )),
        _ => None,
    }
}

/// The one JSON kind every non-null `enum` value has, if there is one.
fn enum_kind(values: &[Value]) -> Option<&'static str> {
    let mut kinds = values
        .iter()
        .filter(|v| !v.is_null())
        .map(|value| match value {
            Value::String(_) => "string",
            Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
            Value::Number(_) => "number",
            Value::Bool(_) => "boolean",
            _ => "other",
        });
    let first = kinds.next()?;
    (first != "other" && kinds.all(|kind| kind == first)).then_some(first)
}

/// A format string as the typed schema's format (known or not).
fn format<F: serde::de::DeserializeOwned + Default>(format: Option<&String>) -> F {
    format
        .and_then(|f| serde_json::from_value(Value::String(f.clone())).ok())
        .unwrap_or_default()
}

fn object(any: &AnySchema) -> ObjectType {
    ObjectType {
        properties: any.properties.clone(),
        required: any.required.clone(),
        additional_properties: any.additional_properties.clone(),
        min_properties: any.min_properties,
        max_properties: any.max_properties,
    }
}

fn array(any: &AnySchema) -> ArrayType {
    ArrayType {
        items: any.items.clone(),
        min_items: any.min_items,
        max_items: any.max_items,
        unique_items: any.unique_items.unwrap_or(false),
    }
}

fn string(any: &AnySchema) -> StringType {
    StringType {
        format: format(any.format.as_ref()),
        pattern: any.pattern.clone(),
        enumeration: any
            .enumeration
            .iter()
            .map(|v| v.as_str().map(str::to_owned))
            .collect(),
        min_length: any.min_length,
        max_length: any.max_length,
    }
}

fn integer(any: &AnySchema) -> IntegerType {
    // Bounds that are not whole numbers cannot bound an integer: left out.
    let whole = |bound: Option<f64>| bound.filter(|b| b.fract() == 0.0).map(|b| b as i64);
    IntegerType {
        format: format(any.format.as_ref()),
        multiple_of: whole(any.multiple_of),
        exclusive_minimum: any.exclusive_minimum.unwrap_or(false),
        exclusive_maximum: any.exclusive_maximum.unwrap_or(false),
        minimum: whole(any.minimum),
        maximum: whole(any.maximum),
        enumeration: any.enumeration.iter().map(Value::as_i64).collect(),
    }
}

fn number(any: &AnySchema) -> NumberType {
    NumberType {
        format: format(any.format.as_ref()),
        multiple_of: any.multiple_of,
        exclusive_minimum: any.exclusive_minimum.unwrap_or(false),
        exclusive_maximum: any.exclusive_maximum.unwrap_or(false),
        minimum: any.minimum,
        maximum: any.maximum,
        enumeration: any.enumeration.iter().map(Value::as_f64).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn any(json: Value) -> AnySchema {
        serde_json::from_value(json).unwrap_or_default()
    }

    fn kind_of(json: Value) -> Option<&'static str> {
        infer(&any(json)).map(|(_, what)| what)
    }

    #[test]
    fn the_deciding_keywords_in_order() {
        assert_eq!(
            kind_of(serde_json::json!({"properties": {"a": {}}})),
            Some("an object")
        );
        assert_eq!(
            kind_of(serde_json::json!({"type": "object", "format": "kvpairs"})),
            Some("an object")
        );
        assert_eq!(
            kind_of(serde_json::json!({"items": {"type": "string"}})),
            Some("an array")
        );
        assert_eq!(
            kind_of(serde_json::json!({"type": "string", "minItems": 1})),
            Some("a string")
        );
        assert_eq!(
            kind_of(serde_json::json!({"enum": [1, 2, null]})),
            Some("an integer")
        );
        assert_eq!(kind_of(serde_json::json!({"enum": ["a", 1]})), None);
        assert_eq!(
            kind_of(serde_json::json!({"anyOf": [{"type": "string"}, {"type": "integer"}]})),
            Some("its `anyOf`")
        );
        assert_eq!(kind_of(serde_json::json!({"enum": [null]})), None);
    }
}
