//! A JSON Schema 2020-12 schema rewritten into an OpenAPI 3.0 schema, in place.
//!
//! Each step reads one family of keywords and leaves the schema valid 3.0 for it;
//! the schemas a schema holds are translated at their own pointers.

use serde_yaml::{Mapping, Value};

use super::Walk;

/// Keywords that only describe a schema: a `$ref` beside them still means just the
/// referenced schema, which 3.0 reads as the reference (the generator takes the
/// description from the raw document).
const ANNOTATIONS: &[&str] = &[
    "description",
    "summary",
    "title",
    "deprecated",
    "readOnly",
    "writeOnly",
    "example",
    "examples",
    "externalDocs",
];

/// JSON Schema's own bookkeeping, meaningless to a client: dropped.
const META: &[&str] = &[
    "$schema",
    "$id",
    "$anchor",
    "$dynamicAnchor",
    "$comment",
    "$vocabulary",
];

/// Constraints with no 3.0 form that do not change the type: dropped, with a
/// warning that they are not checked.
const UNCHECKED: &[&str] = &[
    "if",
    "then",
    "else",
    "dependentSchemas",
    "dependentRequired",
    "unevaluatedProperties",
    "unevaluatedItems",
    "contains",
    "minContains",
    "maxContains",
    "propertyNames",
];

/// Which keywords belong to which JSON type, for splitting a `type` list into
/// one schema per type.
const TYPE_KEYWORDS: &[(&str, &[&str])] = &[
    (
        "string",
        &[
            "format",
            "pattern",
            "minLength",
            "maxLength",
            "contentEncoding",
            "contentMediaType",
        ],
    ),
    (
        "number",
        &[
            "format",
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "multipleOf",
        ],
    ),
    (
        "integer",
        &[
            "format",
            "minimum",
            "maximum",
            "exclusiveMinimum",
            "exclusiveMaximum",
            "multipleOf",
        ],
    ),
    ("array", &["items", "minItems", "maxItems", "uniqueItems"]),
    (
        "object",
        &[
            "properties",
            "required",
            "additionalProperties",
            "minProperties",
            "maxProperties",
        ],
    ),
];

impl Walk {
    /// Translates the schema at the current pointer.
    pub(super) fn schema(&mut self, schema: &mut Value) {
        match schema {
            // Boolean schemas: `true` allows anything, `false` nothing.
            Value::Bool(true) => *schema = Value::Mapping(Mapping::new()),
            Value::Bool(false) => *schema = mapping([("not", Value::Mapping(Mapping::new()))]),
            Value::Mapping(m) => self.schema_mapping(m),
            _ => {}
        }
    }

    fn schema_mapping(&mut self, m: &mut Mapping) {
        for key in META {
            m.shift_remove(*key);
        }
        if m.contains_key("$dynamicRef") {
            self.dynamic_ref(m);
            return;
        }
        self.null_alternatives(m);
        self.type_list(m);
        const_to_enum(m);
        examples_to_example(m);
        exclusive_bounds(m);
        content_to_format(m);
        ref_with_siblings(m);
        self.unchecked(m);
        let items_built = self.tuple(m);
        let additional_built = self.pattern_properties(m);
        self.children(m, items_built, additional_built);
    }

    /// `$dynamicRef` resolves at validation time against the dynamic scope, which
    /// no static type can follow: the schema is read as any JSON.
    fn dynamic_ref(&mut self, m: &mut Mapping) {
        let reference = m
            .get("$dynamicRef")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        m.retain(|key, _| key.as_str().is_some_and(|k| ANNOTATIONS.contains(&k)));
        self.warn(
            "E0213",
            format!("`$dynamicRef: {reference}` has no OpenAPI 3.0 form; the schema is read as any JSON (`serde_json::Value`)"),
            "replace the dynamic reference with a `$ref` to the schema it resolves to",
        );
    }

    /// `anyOf`/`oneOf` alternatives that are `null`: taken out, and the schema made
    /// `nullable`. One alternative left is the schema itself.
    fn null_alternatives(&mut self, m: &mut Mapping) {
        for key in ["anyOf", "oneOf"] {
            let Some(Value::Sequence(alternatives)) = m.get_mut(key) else {
                continue;
            };
            let before = alternatives.len();
            alternatives.retain(|alternative| !is_null_schema(alternative));
            if alternatives.len() == before {
                continue;
            }
            m.insert("nullable".into(), Value::Bool(true));
            let Some(Value::Sequence(mut left)) = m.shift_remove(key) else {
                continue;
            };
            match left.len() {
                0 => set_null_only(m),
                1 => merge_single(m, left.remove(0)),
                _ => {
                    m.insert(key.into(), Value::Sequence(left));
                }
            }
        }
    }

    /// `type: [string, "null"]` is a nullable string; several types other than
    /// `null` are a `oneOf` of one schema per type, each with its keywords.
    fn type_list(&mut self, m: &mut Mapping) {
        let types: Vec<String> = match m.get("type") {
            Some(Value::Sequence(types)) => types
                .iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect(),
            Some(Value::String(single)) if single == "null" => vec!["null".to_owned()],
            _ => return,
        };
        let nullable = types.iter().any(|t| t == "null");
        let others: Vec<&String> = types.iter().filter(|t| *t != "null").collect();
        m.shift_remove("type");
        if nullable {
            m.insert("nullable".into(), Value::Bool(true));
        }
        match others.as_slice() {
            [] => set_null_only(m),
            [only] => {
                m.insert("type".into(), Value::String((*only).clone()));
            }
            several => {
                let split: Vec<Value> = several
                    .iter()
                    .map(|name| one_type_schema(m, name))
                    .collect();
                for (_, keywords) in TYPE_KEYWORDS {
                    for keyword in *keywords {
                        m.shift_remove(*keyword);
                    }
                }
                let key = if m.contains_key("oneOf") {
                    "anyOf"
                } else {
                    "oneOf"
                };
                if m.contains_key(key) {
                    // Both already taken: keep the first type, and say so.
                    let kept = several[0].clone();
                    m.insert("type".into(), Value::String(kept.clone()));
                    self.warn(
                        "E0211",
                        format!("a schema of several types beside both `oneOf` and `anyOf` is read as its first type, `{kept}`"),
                        "move the list of types into one of the `oneOf` alternatives",
                    );
                } else {
                    m.insert(key.into(), Value::Sequence(split));
                }
            }
        }
    }

    /// Keywords that constrain without changing the type, and have no 3.0 form.
    fn unchecked(&mut self, m: &mut Mapping) {
        for keyword in UNCHECKED {
            if m.shift_remove(*keyword).is_some() {
                self.at(keyword, |walk| {
                    walk.warn(
                        "E0212",
                        format!("`{keyword}` has no OpenAPI 3.0 form: the client does not check it, and the type is what the schema's other keywords say"),
                        "the server still applies it; express it with `properties`, `required` or `oneOf` where the type should show it",
                    );
                });
            }
        }
    }

    /// `prefixItems` (a tuple): an array whose items are any of the tuple's item
    /// types. Returns whether it built `items`, already translated.
    fn tuple(&mut self, m: &mut Mapping) -> bool {
        let Some(Value::Sequence(mut prefix)) = m.shift_remove("prefixItems") else {
            return false;
        };
        self.at("prefixItems", |walk| {
            for (index, item) in prefix.iter_mut().enumerate() {
                walk.at(&index.to_string(), |walk| walk.schema(item));
            }
        });
        let mut distinct: Vec<Value> = Vec::new();
        let rest = match m.shift_remove("items") {
            Some(Value::Bool(false)) | None => None,
            Some(mut rest) => {
                self.at("items", |walk| walk.schema(&mut rest));
                Some(rest)
            }
        };
        for item in prefix.into_iter().chain(rest) {
            if !distinct.contains(&item) {
                distinct.push(item);
            }
        }
        if !m.contains_key("type") {
            m.insert("type".into(), "array".into());
        }
        let items = if distinct.len() == 1 {
            distinct.remove(0)
        } else {
            self.at("prefixItems", |walk| {
                walk.warn(
                    "E0211",
                    format!("a tuple (`prefixItems`) of {} item types is read as a list whose items are any of them", distinct.len()),
                    "Rust's types here come from OpenAPI 3.0, which has no tuples; the item count is still what `minItems`/`maxItems` say",
                );
            });
            mapping([("anyOf", Value::Sequence(distinct))])
        };
        m.insert("items".into(), items);
        true
    }

    /// `patternProperties`: the values become the map's `additionalProperties`
    /// where the schema has none; the key patterns are not checked. Returns whether
    /// it built `additionalProperties`, already translated.
    fn pattern_properties(&mut self, m: &mut Mapping) -> bool {
        let Some(Value::Mapping(mut patterns)) = m.shift_remove("patternProperties") else {
            return false;
        };
        self.at("patternProperties", |walk| {
            for (pattern, schema) in patterns.iter_mut() {
                let token = super::key_token(pattern);
                walk.at(&token, |walk| walk.schema(schema));
            }
            walk.warn(
                "E0212",
                "`patternProperties` has no OpenAPI 3.0 form: its values are read as the map's values, and the client does not check the key patterns".to_owned(),
                "the server still applies them",
            );
        });
        if m.contains_key("additionalProperties") {
            return false;
        }
        let mut values: Vec<Value> = Vec::new();
        for (_, schema) in patterns {
            if !values.contains(&schema) {
                values.push(schema);
            }
        }
        let additional = match values.len() {
            0 => return false,
            1 => values.remove(0),
            _ => mapping([("anyOf", Value::Sequence(values))]),
        };
        if !m.contains_key("type") {
            m.insert("type".into(), "object".into());
        }
        m.insert("additionalProperties".into(), additional);
        true
    }

    /// The schemas this schema holds, each at its own pointer.
    fn children(&mut self, m: &mut Mapping, items_built: bool, additional_built: bool) {
        for key in ["properties", "$defs", "definitions"] {
            if let Some(Value::Mapping(entries)) = m.get_mut(key) {
                self.at(key, |walk| {
                    for (name, schema) in entries.iter_mut() {
                        let token = super::key_token(name);
                        walk.at(&token, |walk| walk.schema(schema));
                    }
                });
            }
        }
        // `items` and `not` may be boolean schemas, which 3.0 does not allow there;
        // `additionalProperties` keeps its boolean, which 3.0 has too.
        let single = [
            ("items", !items_built, true),
            ("not", true, true),
            ("additionalProperties", !additional_built, false),
        ];
        for (key, wanted, booleans_too) in single {
            let Some(schema) = m.get_mut(key).filter(|_| wanted) else {
                continue;
            };
            if booleans_too || schema.is_mapping() {
                self.at(key, |walk| walk.schema(schema));
            }
        }
        for key in ["allOf", "anyOf", "oneOf"] {
            if let Some(Value::Sequence(schemas)) = m.get_mut(key) {
                self.at(key, |walk| {
                    for (index, schema) in schemas.iter_mut().enumerate() {
                        walk.at(&index.to_string(), |walk| walk.schema(schema));
                    }
                });
            }
        }
    }
}

/// A mapping of string keys.
fn mapping<const N: usize>(entries: [(&str, Value); N]) -> Value {
    Value::Mapping(
        entries
            .into_iter()
            .map(|(key, value)| (Value::from(key), value))
            .collect(),
    )
}

/// Whether `schema` allows `null` only: `type: "null"`, `type: ["null"]`,
/// `const: null` or `enum: [null]`, with nothing but annotations beside.
fn is_null_schema(schema: &Value) -> bool {
    let Value::Mapping(m) = schema else {
        return false;
    };
    let says_null = match (m.get("type"), m.get("const"), m.get("enum")) {
        (Some(Value::String(t)), _, _) => t == "null",
        (Some(Value::Sequence(types)), _, _) => types.iter().all(|t| t.as_str() == Some("null")),
        (None, Some(Value::Null), _) => true,
        (None, None, Some(Value::Sequence(values))) => values.iter().all(Value::is_null),
        _ => false,
    };
    says_null
        && m.keys().all(|key| {
            key.as_str().is_some_and(|k| {
                ["type", "const", "enum", "nullable"].contains(&k) || ANNOTATIONS.contains(&k)
            })
        })
}

/// A schema that allows only `null`: 3.0's nearest form, `enum: [null]`.
fn set_null_only(m: &mut Mapping) {
    m.insert("nullable".into(), Value::Bool(true));
    if !m.contains_key("enum") {
        m.insert("enum".into(), Value::Sequence(vec![Value::Null]));
    }
}

/// The one alternative left of an `anyOf`/`oneOf` becomes the schema: its keywords
/// join the schema's when none clash, or it becomes the schema's one `allOf` part
/// (always so for a `$ref`, which 3.0 allows no siblings).
fn merge_single(m: &mut Mapping, alternative: Value) {
    if let Value::Mapping(alternative) = &alternative {
        let clash = alternative.contains_key("$ref")
            || alternative
                .keys()
                .any(|key| m.contains_key(key) && !is_annotation(key));
        if !clash {
            for (key, value) in alternative {
                if !m.contains_key(key) {
                    m.insert(key.clone(), value.clone());
                }
            }
            return;
        }
    }
    match m.get_mut("allOf") {
        Some(Value::Sequence(parts)) => parts.push(alternative),
        _ => {
            m.insert("allOf".into(), Value::Sequence(vec![alternative]));
        }
    }
}

fn is_annotation(key: &Value) -> bool {
    key.as_str().is_some_and(|k| ANNOTATIONS.contains(&k))
}

/// The schema for one type of a `type` list: the type and its own keywords.
fn one_type_schema(m: &Mapping, name: &str) -> Value {
    let mut schema = Mapping::new();
    schema.insert("type".into(), name.into());
    let keywords = TYPE_KEYWORDS
        .iter()
        .find(|(type_name, _)| *type_name == name)
        .map_or(&[][..], |(_, keywords)| *keywords);
    for keyword in keywords {
        if let Some(value) = m.get(*keyword) {
            schema.insert((*keyword).into(), value.clone());
        }
    }
    Value::Mapping(schema)
}

/// `const: x` is `enum: [x]`, of the type `x` has: a constant says its type, which
/// 3.1 documents leave out.
fn const_to_enum(m: &mut Mapping) {
    let Some(value) = m.shift_remove("const") else {
        return;
    };
    if value.is_null() {
        set_null_only(m);
        return;
    }
    let type_name = match &value {
        Value::String(_) => Some("string"),
        Value::Bool(_) => Some("boolean"),
        Value::Number(n) if n.is_f64() => Some("number"),
        Value::Number(_) => Some("integer"),
        _ => None,
    };
    if let (false, Some(type_name)) = (m.contains_key("type"), type_name) {
        m.insert("type".into(), type_name.into());
    }
    if !m.contains_key("enum") {
        m.insert("enum".into(), Value::Sequence(vec![value]));
    }
}

/// A schema's `examples` list: its first item is 3.0's `example`.
fn examples_to_example(m: &mut Mapping) {
    if !matches!(m.get("examples"), Some(Value::Sequence(_))) {
        return;
    }
    if let Some(Value::Sequence(examples)) = m.shift_remove("examples") {
        if let (false, Some(first)) = (m.contains_key("example"), examples.into_iter().next()) {
            m.insert("example".into(), first);
        }
    }
}

/// Numeric `exclusiveMinimum: 5` is 3.0's `minimum: 5` with `exclusiveMinimum:
/// true`, unless an inclusive `minimum` is stricter (likewise for the maximum).
fn exclusive_bounds(m: &mut Mapping) {
    for (exclusive, inclusive, stricter) in [
        (
            "exclusiveMinimum",
            "minimum",
            (|e: f64, i: f64| e >= i) as fn(f64, f64) -> bool,
        ),
        ("exclusiveMaximum", "maximum", |e: f64, i: f64| e <= i),
    ] {
        let Some(Value::Number(bound)) = m.get(exclusive).cloned() else {
            continue;
        };
        m.shift_remove(exclusive);
        let replaces = match m.get(inclusive).and_then(Value::as_f64) {
            Some(current) => bound.as_f64().is_some_and(|e| stricter(e, current)),
            None => true,
        };
        if replaces {
            m.insert(inclusive.into(), Value::Number(bound));
            m.insert(exclusive.into(), Value::Bool(true));
        }
    }
}

/// `contentEncoding: base64` is 3.0's `format: byte`; a `contentMediaType` that is
/// not text, without an encoding, is raw bytes: `format: binary`.
fn content_to_format(m: &mut Mapping) {
    let encoding = m.shift_remove("contentEncoding");
    let media = m.shift_remove("contentMediaType");
    if m.contains_key("format") {
        return;
    }
    let format = match (&encoding, media.as_ref().and_then(Value::as_str)) {
        (Some(_), _) => "byte",
        (None, Some(media)) if !is_text_media(media) => "binary",
        _ => return,
    };
    m.insert("format".into(), format.into());
    if !m.contains_key("type") {
        m.insert("type".into(), "string".into());
    }
}

fn is_text_media(media: &str) -> bool {
    let media = media.to_ascii_lowercase();
    media.starts_with("text/") || media.contains("json") || media.contains("xml")
}

/// 3.1 lets a `$ref` have siblings that add to the referenced schema (`nullable`,
/// a `default`, more constraints); 3.0 ignores a reference's siblings, so the
/// reference becomes the schema's one `allOf` part. Descriptions alone stay.
fn ref_with_siblings(m: &mut Mapping) {
    if !m.contains_key("$ref")
        || m.keys()
            .all(|key| is_annotation(key) || key.as_str() == Some("$ref"))
    {
        return;
    }
    let Some(reference) = m.shift_remove("$ref") else {
        return;
    };
    let part = mapping([("$ref", reference)]);
    match m.get_mut("allOf") {
        Some(Value::Sequence(parts)) => parts.insert(0, part),
        _ => {
            m.insert("allOf".into(), Value::Sequence(vec![part]));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::Walk;
    use serde_yaml::Value;

    /// `schema` (YAML) translated, and the codes of the warnings given.
    fn translated(schema: &str) -> (Value, Vec<&'static str>) {
        let mut value: Value = serde_yaml::from_str(schema).unwrap_or(Value::Null);
        let mut walk = Walk::default();
        walk.schema(&mut value);
        (value, walk.warnings.iter().map(|w| w.code).collect())
    }

    fn yaml(text: &str) -> Value {
        serde_yaml::from_str(text).unwrap_or(Value::Null)
    }

    fn assert_translates(from: &str, to: &str) {
        let (value, warnings) = translated(from);
        assert_eq!(value, yaml(to), "from {from}");
        assert!(warnings.is_empty(), "{warnings:?} for {from}");
    }

    #[test]
    fn a_type_list_with_null_is_nullable() {
        assert_translates("type: [string, 'null']", "type: string\nnullable: true");
        assert_translates("type: [integer]", "type: integer");
    }

    #[test]
    fn several_types_are_a_one_of_with_their_own_keywords() {
        assert_translates(
            "type: [string, integer, 'null']\nmaxLength: 3\nminimum: 1\ndescription: d",
            "description: d\nnullable: true\noneOf:\n  - {type: string, maxLength: 3}\n  - {type: integer, minimum: 1}",
        );
    }

    #[test]
    fn null_alone_is_an_enum_of_null() {
        assert_translates("type: 'null'", "nullable: true\nenum: [null]");
    }

    #[test]
    fn a_null_alternative_makes_the_schema_nullable() {
        assert_translates(
            "anyOf: [{$ref: '#/components/schemas/A'}, {type: 'null'}]",
            "nullable: true\nallOf: [{$ref: '#/components/schemas/A'}]",
        );
        assert_translates(
            "description: d\nanyOf: [{type: string, format: date}, {type: 'null'}]",
            "description: d\nnullable: true\ntype: string\nformat: date",
        );
        assert_translates(
            "oneOf: [{type: string}, {type: integer}, {type: 'null'}]",
            "nullable: true\noneOf: [{type: string}, {type: integer}]",
        );
    }

    #[test]
    fn const_is_a_one_value_enum_of_its_type() {
        assert_translates("const: v2", "type: string\nenum: [v2]");
        assert_translates("const: 3", "type: integer\nenum: [3]");
        assert_translates(
            "type: string\nconst: a\nenum: [a, b]",
            "type: string\nenum: [a, b]",
        );
    }

    #[test]
    fn the_first_of_examples_is_the_example() {
        assert_translates("type: string\nexamples: [a, b]", "type: string\nexample: a");
        assert_translates("example: z\nexamples: [a]", "example: z");
    }

    #[test]
    fn numeric_exclusive_bounds_become_3_0_bounds() {
        assert_translates(
            "type: integer\nexclusiveMinimum: 0",
            "type: integer\nminimum: 0\nexclusiveMinimum: true",
        );
        // The inclusive bound is stricter: it stays, and the exclusive one goes.
        assert_translates(
            "type: number\nmaximum: 5\nexclusiveMaximum: 10",
            "type: number\nmaximum: 5",
        );
        // A 3.0-style boolean is left as it is.
        assert_translates(
            "type: number\nminimum: 1\nexclusiveMinimum: true",
            "type: number\nminimum: 1\nexclusiveMinimum: true",
        );
    }

    #[test]
    fn content_keywords_become_formats() {
        assert_translates(
            "type: string\ncontentEncoding: base64",
            "type: string\nformat: byte",
        );
        assert_translates(
            "contentMediaType: image/png",
            "format: binary\ntype: string",
        );
        assert_translates(
            "type: string\ncontentMediaType: text/markdown",
            "type: string",
        );
    }

    #[test]
    fn a_ref_with_constraints_beside_it_becomes_an_all_of() {
        assert_translates(
            "$ref: '#/components/schemas/K'\ndefault: a",
            "default: a\nallOf: [{$ref: '#/components/schemas/K'}]",
        );
        // Only a description beside it: 3.0 reads the reference, the raw document
        // keeps the description.
        assert_translates(
            "$ref: '#/components/schemas/K'\ndescription: d",
            "$ref: '#/components/schemas/K'\ndescription: d",
        );
    }

    #[test]
    fn boolean_schemas_and_meta_keywords() {
        assert_translates("true", "{}");
        assert_translates("false", "not: {}");
        assert_translates("type: array\nitems: true", "type: array\nitems: {}");
        assert_translates(
            "type: object\nadditionalProperties: false",
            "type: object\nadditionalProperties: false",
        );
        assert_translates(
            "$schema: https://json-schema.org/draft/2020-12/schema\n$id: x\ntype: string",
            "type: string",
        );
    }

    #[test]
    fn nested_schemas_are_translated_where_they_stand() {
        assert_translates(
            "type: object\nproperties:\n  a: {type: [string, 'null']}\n  b: {items: {const: 1}}\nadditionalProperties: {type: [integer, 'null']}",
            "type: object\nproperties:\n  a: {type: string, nullable: true}\n  b: {items: {type: integer, enum: [1]}}\nadditionalProperties: {type: integer, nullable: true}",
        );
    }

    #[test]
    fn a_tuple_is_a_list_of_any_of_its_item_types() {
        let (value, warnings) = translated("prefixItems: [{type: string}, {type: integer}]");
        assert_eq!(
            value,
            yaml("type: array\nitems: {anyOf: [{type: string}, {type: integer}]}")
        );
        assert_eq!(warnings, ["E0211"]);
        // Items of one type lose nothing: no warning.
        assert_translates(
            "type: array\nprefixItems: [{type: number}, {type: number}]\nminItems: 2",
            "type: array\nminItems: 2\nitems: {type: number}",
        );
    }

    #[test]
    fn keywords_without_a_3_0_form_are_dropped_with_a_warning_each() {
        let (value, warnings) =
            translated("type: object\nif: {}\nthen: {}\nelse: {}\nunevaluatedProperties: false");
        assert_eq!(value, yaml("type: object"));
        assert_eq!(warnings, ["E0212"; 4]);
    }

    #[test]
    fn pattern_properties_are_the_map_values() {
        let (value, warnings) = translated("patternProperties: {'^a': {type: [string, 'null']}}");
        assert_eq!(
            value,
            yaml("type: object\nadditionalProperties: {type: string, nullable: true}")
        );
        assert_eq!(warnings, ["E0212"]);
    }

    #[test]
    fn a_dynamic_ref_is_any_json() {
        let (value, warnings) = translated("$dynamicRef: '#node'\ndescription: d\ntype: object");
        assert_eq!(value, yaml("description: d"));
        assert_eq!(warnings, ["E0213"]);
    }
}
