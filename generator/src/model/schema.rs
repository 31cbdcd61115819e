//! Lowering of JSON schemas into [`TypeDef`]s and [`TypeRef`]s.

use std::collections::BTreeMap;

use indexmap::IndexMap;
use openapiv3::{
    AdditionalProperties, IntegerFormat, NumberFormat, ObjectType, ReferenceOr, Schema, SchemaKind,
    StringFormat, StringType, Type, VariantOrUnknownOrEmpty,
};
use serde_json::Value;

use super::constraints::constraints_of;
use super::{AliasDef, Docs, EnumDef, EnumVariant, Field, StructDef, TypeDef, TypeRef, doc_lines};
use crate::diagnostics::{Diagnostic, escape_token};
use crate::naming::{self, Scope};

const SCHEMA_PREFIX: &str = "#/components/schemas/";

/// Names reserved in the generated `types` module: the modules and types it refers to.
const RESERVED_TYPE_NAMES: &[&str] = &["Serialize", "Deserialize"];

/// Every type of the API, built while schemas are lowered.
pub(super) struct TypeSpace<'a> {
    raw: &'a Value,
    pub(super) schemas: &'a IndexMap<String, ReferenceOr<Schema>>,
    /// Component schema name → Rust type name, assigned up front so `$ref`s resolve in
    /// any order.
    pub(super) component_names: BTreeMap<String, String>,
    scope: Scope,
    pub types: Vec<TypeDef>,
    /// `x-envelope` extensions met, by type name, with their pointer; resolved once
    /// every type exists.
    pub envelopes: Vec<(String, Value, String)>,
    pub problems: Vec<Diagnostic>,
    /// What was inferred or ignored, and why: the spec means something, but not in
    /// the words the generator reads directly.
    pub warnings: Vec<Diagnostic>,
}

impl<'a> TypeSpace<'a> {
    pub fn new(raw: &'a Value, schemas: &'a IndexMap<String, ReferenceOr<Schema>>) -> Self {
        let mut scope = Scope::with_reserved(RESERVED_TYPE_NAMES);
        let component_names = schemas
            .keys()
            .map(|name| (name.clone(), scope.claim(naming::camel(name))))
            .collect();
        Self {
            raw,
            schemas,
            component_names,
            scope,
            types: Vec::new(),
            envelopes: Vec::new(),
            problems: Vec::new(),
            warnings: Vec::new(),
        }
    }

    /// Defines a type for every component schema, in spec order.
    pub fn define_components(&mut self) {
        for (name, schema) in self.schemas {
            let pointer = format!("{SCHEMA_PREFIX}{}", escape_token(name));
            let rust_name = self.component_names[name].clone();
            match schema {
                ReferenceOr::Reference { reference } => {
                    let target = self.alias_target(name, reference, &pointer);
                    self.types.push(TypeDef::Alias(AliasDef {
                        name: rust_name,
                        docs: vec![],
                        target,
                    }));
                }
                ReferenceOr::Item(schema) => self.define(rust_name, schema, &pointer),
            }
        }
    }

    /// The target of a component that is only a `$ref`; a chain of such components
    /// that comes back to itself is an error, not a type alias loop.
    fn alias_target(&mut self, start: &str, reference: &str, ptr: &str) -> TypeRef {
        let mut seen = vec![start];
        let mut next = reference;
        while let Some(name) = next.strip_prefix(SCHEMA_PREFIX) {
            if seen.contains(&name) {
                self.problems.push(
                    Diagnostic::new(
                        "E0103",
                        ptr,
                        format!("this `$ref` chain loops back to `{name}`"),
                    )
                    .with_hint("make one of the schemas in the chain a definition"),
                );
                return TypeRef::Any;
            }
            seen.push(name);
            match self.schemas.get(name) {
                Some(ReferenceOr::Reference { reference }) => next = reference,
                _ => break,
            }
        }
        self.reference(reference, ptr)
    }

    /// `ty` with every alias the crate defines followed to what it stands for: a
    /// parameter whose schema is a `$ref` to a named string is a string.
    /// A type name of the crate's for `hint`, no other type's.
    pub fn claim_name(&mut self, hint: &str) -> String {
        self.scope.claim(naming::camel(hint))
    }

    pub fn unaliased(&self, ty: TypeRef) -> TypeRef {
        let mut ty = ty;
        for _ in 0..16 {
            let TypeRef::Named(name) = &ty else {
                return ty;
            };
            let target = self.types.iter().find_map(|def| match def {
                TypeDef::Alias(a) if &a.name == name => Some(a.target.clone()),
                _ => None,
            });
            match target {
                Some(target) => ty = target,
                None => return ty,
            }
        }
        ty
    }

    /// Whether `ty` is a choice the crate defines between scalars only (`oneOf:
    /// [integer, string]`), which parameters may use like a scalar (it has `Display`).
    pub fn is_scalar_choice(&self, ty: &TypeRef) -> bool {
        let TypeRef::Named(name) = ty else {
            return false;
        };
        self.types.iter().any(|def| {
            matches!(def, TypeDef::Untagged(u) if &u.name == name
            && u.variants.iter().all(|(_, variant)| {
                let variant = self.unaliased(variant.clone());
                self.is_enum(&variant) || variant.is_scalar()
            }))
        })
    }

    /// Whether `ty` is an enum the crate defines, which parameters may use like a
    /// scalar (it has `Display`).
    pub fn is_enum(&self, ty: &TypeRef) -> bool {
        let TypeRef::Named(name) = ty else {
            return false;
        };
        self.types.iter().any(|def| {
            matches!(def, TypeDef::IntEnum(e) if &e.name == name)
                || matches!(def, TypeDef::StringEnum(e) if &e.name == name)
        })
    }

    /// The type of a schema used somewhere; inline objects and enums get a named type
    /// called `hint`.
    pub fn use_schema(&mut self, schema: &ReferenceOr<Schema>, hint: &str, ptr: &str) -> TypeRef {
        match schema {
            ReferenceOr::Reference { reference } => self.reference(reference, ptr),
            ReferenceOr::Item(schema) => self.inline(schema, hint, ptr),
        }
    }

    fn use_boxed(&mut self, schema: &ReferenceOr<Box<Schema>>, hint: &str, ptr: &str) -> TypeRef {
        match schema {
            ReferenceOr::Reference { reference } => self.reference(reference, ptr),
            ReferenceOr::Item(schema) => self.inline(schema, hint, ptr),
        }
    }

    pub(super) fn reference(&mut self, reference: &str, ptr: &str) -> TypeRef {
        if let Some(list) = self.one_or_many_component(reference) {
            return list;
        }
        let found = reference
            .strip_prefix(SCHEMA_PREFIX)
            .and_then(|name| self.component_names.get(name));
        match found {
            Some(rust_name) => TypeRef::Named(rust_name.clone()),
            None => {
                self.problems
                    .push(dangling_ref(reference, ptr, SCHEMA_PREFIX));
                TypeRef::Any
            }
        }
    }

    /// A schema written in place: scalars and arrays stay anonymous, anything that needs
    /// a definition of its own gets one named `hint`.
    fn inline(&mut self, schema: &Schema, hint: &str, ptr: &str) -> TypeRef {
        if let Some(typed) = self.typed(schema, ptr) {
            return self.inline(&typed, hint, ptr);
        }
        if let Some(scalar) = self.anonymous(schema, hint, ptr) {
            return scalar;
        }
        let name = self.scope.claim(naming::camel(hint));
        self.define(name.clone(), schema, ptr);
        TypeRef::Named(name)
    }

    /// The type of a schema that needs no definition, or `None` when it does.
    fn anonymous(&mut self, schema: &Schema, hint: &str, ptr: &str) -> Option<TypeRef> {
        match &schema.schema_kind {
            SchemaKind::Type(Type::String(s))
                if s.enumeration.is_empty()
                    && s.format == VariantOrUnknownOrEmpty::Item(StringFormat::Binary) =>
            {
                Some(TypeRef::File)
            }
            SchemaKind::Type(Type::String(s)) if s.enumeration.is_empty() => {
                Some(string_type(&s.format))
            }
            SchemaKind::Type(Type::Integer(i)) if i.enumeration.is_empty() => {
                Some(integer_type(&i.format))
            }
            SchemaKind::Type(Type::Number(n)) if n.enumeration.is_empty() => Some(match n.format {
                VariantOrUnknownOrEmpty::Item(NumberFormat::Float) => TypeRef::F32,
                _ => TypeRef::F64,
            }),
            SchemaKind::Type(Type::Boolean(_)) => Some(TypeRef::Bool),
            SchemaKind::Type(Type::Array(array)) => Some(TypeRef::Vec(Box::new(self.items(
                array.items.as_ref(),
                hint,
                ptr,
            )))),
            SchemaKind::Type(Type::Object(object)) if object.properties.is_empty() => {
                Some(self.map(object.additional_properties.as_ref(), hint, ptr))
            }
            SchemaKind::OneOf { one_of } => self.one_or_many(one_of, hint, ptr),
            // `allOf: [$ref]` is how specs put a description beside a `$ref`.
            SchemaKind::AllOf { all_of } => match all_of.as_slice() {
                [ReferenceOr::Reference { reference }] => Some(self.reference(reference, ptr)),
                _ => None,
            },
            SchemaKind::Any(any) if is_empty_any(any) => Some(TypeRef::Any),
            _ => None,
        }
    }

    fn items(
        &mut self,
        items: Option<&ReferenceOr<Box<Schema>>>,
        hint: &str,
        ptr: &str,
    ) -> TypeRef {
        match items {
            Some(items) => self.use_boxed(items, &format!("{hint}Item"), &format!("{ptr}/items")),
            None => TypeRef::Any,
        }
    }

    fn map(&mut self, extra: Option<&AdditionalProperties>, hint: &str, ptr: &str) -> TypeRef {
        let value = match extra {
            Some(AdditionalProperties::Schema(schema)) => self.use_schema(
                schema,
                &format!("{hint}Value"),
                &format!("{ptr}/additionalProperties"),
            ),
            _ => TypeRef::Any,
        };
        TypeRef::Map(Box::new(value))
    }

    /// `oneOf: [{type: array, items: X}, X]` is read as either form and kept as a list:
    /// APIs that answer a single object where they usually answer an array use it.
    fn one_or_many(
        &mut self,
        one_of: &[ReferenceOr<Schema>],
        hint: &str,
        ptr: &str,
    ) -> Option<TypeRef> {
        let [ReferenceOr::Item(first), single] = one_of else {
            return None;
        };
        let SchemaKind::Type(Type::Array(array)) = &first.schema_kind else {
            return None;
        };
        let items = array.items.as_ref()?.clone().unbox();
        if &items != single {
            return None;
        }
        let item = self.use_schema(single, &format!("{hint}Item"), &format!("{ptr}/oneOf/1"));
        Some(TypeRef::OneOrMany(Box::new(item)))
    }

    /// A `$ref` to a component that is `oneOf: [array of X, X]` with `X` itself a
    /// `$ref` is used as that one-or-many list, so that it still reads either form.
    fn one_or_many_component(&mut self, reference: &str) -> Option<TypeRef> {
        let name = reference.strip_prefix(SCHEMA_PREFIX)?;
        let Some(ReferenceOr::Item(schema)) = self.schemas.get(name) else {
            return None;
        };
        let SchemaKind::OneOf { one_of } = &schema.schema_kind else {
            return None;
        };
        if !matches!(one_of.get(1), Some(ReferenceOr::Reference { .. })) {
            return None;
        }
        let ptr = format!("{SCHEMA_PREFIX}{}", escape_token(name));
        let hint = self.component_names.get(name)?.clone();
        self.one_or_many(one_of, &hint, &ptr)
    }

    /// The typed schema an untyped one plainly means, with a warning saying what was
    /// inferred; `None` for a schema that is typed already, or that says nothing
    /// more precise than "any JSON".
    fn typed(&mut self, schema: &Schema, ptr: &str) -> Option<Schema> {
        let SchemaKind::Any(any) = &schema.schema_kind else {
            return None;
        };
        if is_empty_any(any) || !any.all_of.is_empty() {
            return None;
        }
        let (kind, what) = super::infer::infer(any)?;
        self.warnings.push(
            Diagnostic::new(
                "E0208",
                ptr,
                format!("this schema has no `type` that fits all its keywords; read as {what}"),
            )
            .with_hint("give the schema a `type`, and only the keywords of that type"),
        );
        Some(Schema {
            schema_data: schema.schema_data.clone(),
            schema_kind: kind,
        })
    }

    /// Adds a named type for `schema`.
    fn define(&mut self, name: String, schema: &Schema, ptr: &str) {
        if let Some(typed) = self.typed(schema, ptr) {
            return self.define(name, &typed, ptr);
        }
        let docs = schema_docs(schema);
        if let Some(envelope) = schema.schema_data.extensions.get("x-envelope") {
            self.envelopes
                .push((name.clone(), envelope.clone(), format!("{ptr}/x-envelope")));
        }
        let def = match &schema.schema_kind {
            SchemaKind::Type(Type::Object(object)) if !object.properties.is_empty() => {
                TypeDef::Struct(self.object(name, docs, object, ptr))
            }
            SchemaKind::Type(Type::Integer(int)) if !int.enumeration.is_empty() => {
                let values = int.enumeration.iter().map(|v| v.map(Value::from)).collect();
                let labels: Vec<String> = int
                    .enumeration
                    .iter()
                    .map(|v| v.map_or_else(|| "null".to_owned(), |v| v.to_string()))
                    .collect();
                TypeDef::IntEnum(
                    self.enumeration(name, docs, schema, values, labels, ptr, |v| v.as_i64()),
                )
            }
            SchemaKind::Type(Type::String(StringType { enumeration, .. }))
                if !enumeration.is_empty() =>
            {
                let values = enumeration
                    .iter()
                    .map(|v| v.clone().map(Value::from))
                    .collect();
                let labels = enumeration
                    .iter()
                    .map(|v| v.clone().unwrap_or_else(|| "null".to_owned()))
                    .collect();
                TypeDef::StringEnum(self.enumeration(
                    name,
                    docs,
                    schema,
                    values,
                    labels,
                    ptr,
                    |v| v.as_str().map(str::to_owned),
                ))
            }
            SchemaKind::OneOf { one_of } => match self.one_or_many(one_of, &name, ptr) {
                Some(target) => TypeDef::Alias(AliasDef { name, docs, target }),
                None => self.choice(name, docs, schema, one_of, "oneOf", ptr),
            },
            SchemaKind::AnyOf { any_of } => self.choice(name, docs, schema, any_of, "anyOf", ptr),
            SchemaKind::AllOf { all_of } => self.all_of(name, docs, all_of, None, ptr),
            SchemaKind::Any(any) if !any.all_of.is_empty() => {
                let own = ObjectType {
                    properties: any.properties.clone(),
                    required: any.required.clone(),
                    additional_properties: any.additional_properties.clone(),
                    ..ObjectType::default()
                };
                self.all_of(name, docs, &any.all_of, Some(own), ptr)
            }
            _ => match self.anonymous(schema, &name, ptr) {
                Some(target) => TypeDef::Alias(AliasDef { name, docs, target }),
                None => {
                    self.warnings.push(unsupported_schema(schema, ptr));
                    TypeDef::Alias(AliasDef {
                        name,
                        docs,
                        target: TypeRef::Any,
                    })
                }
            },
        };
        self.types.push(def);
    }

    pub(super) fn object(
        &mut self,
        name: String,
        docs: Docs,
        object: &ObjectType,
        ptr: &str,
    ) -> StructDef {
        for (index, required) in object.required.iter().enumerate() {
            if !object.properties.contains_key(required) {
                // JSON Schema allows it: the object must have that key, of any value.
                // Unlisted properties are kept in the map of extras, so nothing is lost.
                self.warnings.push(
                    Diagnostic::new(
                        "E0204",
                        format!("{ptr}/required/{index}"),
                        format!(
                            "`{required}` is listed in `required` but is not a property; the \
                             requirement is not checked"
                        ),
                    )
                    .with_hint("add the property under `properties`, or remove it from `required`"),
                );
            }
        }
        let mut scope = Scope::default();
        let mut fields = Vec::new();
        for (wire_name, property) in &object.properties {
            let prop_ptr = format!("{ptr}/properties/{}", escape_token(wire_name));
            let hint = format!("{name}{}", naming::camel(wire_name));
            let ty = self.use_boxed(property, &hint, &prop_ptr);
            let property_docs = match property {
                ReferenceOr::Item(schema) => schema_docs(schema),
                ReferenceOr::Reference { .. } => self.sibling_docs(&prop_ptr),
            };
            let nullable = property.as_item().is_some_and(|s| s.schema_data.nullable);
            fields.push(Field {
                boxed: false,
                constraints: constraints_of(property, &prop_ptr, &mut self.warnings).fitting(&ty),
                nullable,
                wire_name: wire_name.clone(),
                rust_name: scope.claim(naming::snake(wire_name)),
                ty,
                required: object.required.contains(wire_name),
                docs: property_docs,
                facts: property
                    .as_item()
                    .map(|schema| facts(schema))
                    .unwrap_or_default(),
            });
        }
        let closed = matches!(
            object.additional_properties,
            Some(AdditionalProperties::Any(false))
        );
        let extra_field = (!closed).then(|| scope.claim("additional_properties".to_owned()));
        StructDef {
            envelope: None,
            name,
            docs,
            fields,
            extra_field,
        }
    }

    /// OpenAPI 3.0 ignores a `description` beside a `$ref`, but specs use it to say
    /// what the property means; it is the best doc the field can get.
    fn sibling_docs(&self, ptr: &str) -> Docs {
        let description = self
            .raw
            .pointer(&format!("{}/description", ptr.trim_start_matches('#')))
            .and_then(Value::as_str);
        doc_lines(&[description])
    }

    #[allow(clippy::too_many_arguments)]
    fn enumeration<V>(
        &mut self,
        name: String,
        docs: Docs,
        schema: &Schema,
        values: Vec<Option<Value>>,
        default_labels: Vec<String>,
        ptr: &str,
        convert: impl Fn(&Value) -> Option<V>,
    ) -> EnumDef<V> {
        let labels = self
            .varnames(schema, values.len(), ptr)
            .unwrap_or(default_labels);
        let mut scope = Scope::with_reserved(&["Unknown"]);
        let mut variants = Vec::new();
        for (index, (value, label)) in values.iter().zip(labels).enumerate() {
            // A nullable enum lists `null` among its values, as OpenAPI 3.0.3 asks;
            // the field's `Option` carries it.
            if value.is_none() && schema.schema_data.nullable {
                continue;
            }
            match value.as_ref().and_then(&convert) {
                Some(value) => variants.push(EnumVariant {
                    rust_name: scope.claim(naming::camel(&label)),
                    label,
                    value,
                }),
                None => self.warnings.push(
                    Diagnostic::new(
                        "E0202",
                        format!("{ptr}/enum/{index}"),
                        "an `enum` value is null or not of the schema's type; it is left out \
                         of the enum's variants",
                    )
                    .with_hint(
                        "list only values of the schema's `type`; use `nullable: true` for null",
                    ),
                ),
            }
        }
        EnumDef {
            name,
            docs,
            variants,
        }
    }

    /// Names from `x-enum-varnames` (or `x-enumNames`), when given and well formed.
    fn varnames(&mut self, schema: &Schema, count: usize, ptr: &str) -> Option<Vec<String>> {
        let extensions = &schema.schema_data.extensions;
        let (key, value) = ["x-enum-varnames", "x-enumNames"]
            .iter()
            .find_map(|key| extensions.get(*key).map(|value| (*key, value)))?;
        let names: Option<Vec<String>> = value
            .as_array()
            .map(|items| {
                items
                    .iter()
                    .map(|v| v.as_str().map(str::to_owned))
                    .collect()
            })
            .unwrap_or(None);
        match names {
            Some(names) if names.len() == count => Some(names),
            _ => {
                self.problems.push(
                    Diagnostic::new(
                        "E0203",
                        format!("{ptr}/{key}"),
                        format!("`{key}` must be a list of {count} strings, one per `enum` value"),
                    )
                    .with_hint("give one name per value, in the same order as `enum`"),
                );
                None
            }
        }
    }
}

/// The type of a string of `format`: the formats the client parses, else text.
fn string_type(format: &VariantOrUnknownOrEmpty<StringFormat>) -> TypeRef {
    match format {
        VariantOrUnknownOrEmpty::Item(StringFormat::DateTime) => TypeRef::DateTime,
        VariantOrUnknownOrEmpty::Item(StringFormat::Date) => TypeRef::Date,
        VariantOrUnknownOrEmpty::Unknown(name) if name == "uuid" => TypeRef::Uuid,
        _ => TypeRef::String,
    }
}

fn integer_type(format: &VariantOrUnknownOrEmpty<IntegerFormat>) -> TypeRef {
    match format {
        VariantOrUnknownOrEmpty::Item(IntegerFormat::Int32) => TypeRef::I32,
        _ => TypeRef::I64,
    }
}

pub(super) fn variant_name(ty: &TypeRef) -> String {
    match ty {
        TypeRef::String => "String".into(),
        TypeRef::I32 | TypeRef::I64 => "Integer".into(),
        TypeRef::F32 | TypeRef::F64 => "Number".into(),
        TypeRef::Bool => "Boolean".into(),
        TypeRef::Any => "Value".into(),
        TypeRef::Named(name) => name.clone(),
        TypeRef::Vec(item) | TypeRef::OneOrMany(item) => format!("{}List", variant_name(item)),
        TypeRef::Map(value) => format!("{}Map", variant_name(value)),
        TypeRef::File => "File".into(),
        TypeRef::DateTime => "DateTime".into(),
        TypeRef::Date => "Date".into(),
        TypeRef::Uuid => "Uuid".into(),
    }
}

fn is_empty_any(any: &openapiv3::AnySchema) -> bool {
    any == &openapiv3::AnySchema::default()
}

/// What a property's schema says beyond its type, as doc lines: its format,
/// default, and whether it is read- or write-only.
fn facts(schema: &Schema) -> Docs {
    let data = &schema.schema_data;
    let mut facts = Vec::new();
    let format = match &schema.schema_kind {
        SchemaKind::Type(Type::String(s)) => format_name(&s.format),
        _ => None,
    };
    if let Some(format) = format {
        facts.push(format!("Format: `{format}`."));
    }
    if let Some(default) = &data.default {
        facts.push(format!("Default: `{default}`."));
    }
    if data.read_only {
        facts.push("Read-only: the server sends it; requests need not.".to_owned());
    }
    if data.write_only {
        facts.push("Write-only: sent in requests; answers leave it out.".to_owned());
    }
    if !facts.is_empty() {
        facts.insert(0, String::new());
    }
    facts
}

fn format_name(format: &VariantOrUnknownOrEmpty<openapiv3::StringFormat>) -> Option<String> {
    use openapiv3::StringFormat;
    match format {
        VariantOrUnknownOrEmpty::Item(item) => Some(
            match item {
                StringFormat::Date => "date",
                StringFormat::DateTime => "date-time",
                StringFormat::Password => "password",
                StringFormat::Byte => "byte",
                StringFormat::Binary => "binary",
            }
            .to_owned(),
        ),
        VariantOrUnknownOrEmpty::Unknown(other) => Some(other.clone()),
        VariantOrUnknownOrEmpty::Empty => None,
    }
}

/// Doc lines of a schema: its title and description.
pub(super) fn schema_docs(schema: &Schema) -> Docs {
    let data = &schema.schema_data;
    doc_lines(&[data.title.as_deref(), data.description.as_deref()])
}

fn unsupported_schema(schema: &Schema, ptr: &str) -> Diagnostic {
    // `allOf`, `oneOf` and `anyOf` are lowered in `combine.rs`; what reaches here is
    // `not`, or a mix of keywords no single Rust type expresses.
    let what = match &schema.schema_kind {
        SchemaKind::Not { .. } => "`not`",
        _ => "this schema",
    };
    Diagnostic::new(
        "E0201",
        ptr,
        format!("{what} has no Rust type that says more than \"any JSON\"; it is read as `serde_json::Value`"),
    )
    .with_hint("see the generator README for what each construct generates")
}

/// A `$ref` that names nothing in the document.
pub(super) fn dangling_ref(reference: &str, ptr: &str, expected_prefix: &str) -> Diagnostic {
    let hint = if reference.starts_with('#') {
        format!(
            "define it under `{}`, or fix the name",
            expected_prefix
                .trim_start_matches("#/")
                .trim_end_matches('/')
                .replace('/', ".")
        )
    } else {
        "only references inside this document (`#/components/…`) are supported".to_owned()
    };
    Diagnostic::new(
        "E0101",
        ptr,
        format!("`$ref: {reference}` points to nothing in this document"),
    )
    .with_hint(hint)
}
