//! Schemas built from others: `allOf` (merged into one struct), `oneOf` and `anyOf`
//! (an enum: tagged by the `discriminator` where there is one, untagged otherwise).

use openapiv3::{ObjectType, ReferenceOr, Schema, SchemaKind, Type};

use super::schema::{TypeSpace, variant_name};
use super::{AliasDef, Docs, TaggedDef, TypeDef, TypeRef, UntaggedDef};
use crate::diagnostics::Diagnostic;
use crate::naming::{self, Scope};

const SCHEMA_PREFIX: &str = "#/components/schemas/";

/// How deep `allOf`s may nest inside each other before it counts as a loop.
const MAX_ALL_OF_DEPTH: usize = 16;

impl<'a> TypeSpace<'a> {
    /// `allOf`: the parts' properties and `required` lists merged into one struct
    /// (with `own`, the properties written beside the `allOf`).
    pub(super) fn all_of(
        &mut self,
        name: String,
        docs: Docs,
        parts: &[ReferenceOr<Schema>],
        own: Option<ObjectType>,
        ptr: &str,
    ) -> TypeDef {
        let own_is_empty = own.as_ref().is_none_or(|o| o == &ObjectType::default());
        if let ([part], true) = (parts, own_is_empty) {
            // One part, with at most a title or description beside it: that part.
            let target = self.use_schema(part, &name, &format!("{ptr}/allOf/0"));
            return TypeDef::Alias(AliasDef { name, docs, target });
        }
        let mut merged = own.unwrap_or_default();
        if !self.merge_parts(&mut merged, parts, ptr, 0) {
            // Parts that are not objects cannot be merged into one Rust type.
            return TypeDef::Alias(AliasDef {
                name,
                docs,
                target: TypeRef::Any,
            });
        }
        TypeDef::Struct(self.object(name, docs, &merged, ptr))
    }

    /// Merges the object parts into `merged`; `false` when a part is not an object,
    /// with a warning.
    fn merge_parts(
        &mut self,
        merged: &mut ObjectType,
        parts: &[ReferenceOr<Schema>],
        ptr: &str,
        depth: usize,
    ) -> bool {
        if depth > MAX_ALL_OF_DEPTH {
            self.problems.push(
                Diagnostic::new(
                    "E0103",
                    ptr,
                    "these `allOf`s include each other without end",
                )
                .with_hint("break the loop of `$ref`s between the `allOf` parts"),
            );
            return true;
        }
        let mut all_objects = true;
        for (index, part) in parts.iter().enumerate() {
            let part_ptr = format!("{ptr}/allOf/{index}");
            let Some((schema, schema_ptr)) = self.part_schema(part, &part_ptr) else {
                continue;
            };
            match &schema.schema_kind {
                SchemaKind::Type(Type::Object(object)) => {
                    self.merge_object(merged, object, &schema_ptr)
                }
                SchemaKind::AllOf { all_of } => {
                    all_objects &= self.merge_parts(merged, all_of, &schema_ptr, depth + 1);
                }
                SchemaKind::Any(any) if !any.properties.is_empty() || !any.all_of.is_empty() => {
                    let object = ObjectType {
                        properties: any.properties.clone(),
                        required: any.required.clone(),
                        ..ObjectType::default()
                    };
                    self.merge_object(merged, &object, &schema_ptr);
                    all_objects &= self.merge_parts(merged, &any.all_of, &schema_ptr, depth + 1);
                }
                // Nothing but annotations (a description, a default): nothing to merge.
                SchemaKind::Any(any) if any == &openapiv3::AnySchema::default() => {}
                _ => {
                    self.warnings.push(
                        Diagnostic::new(
                            "E0201",
                            part_ptr,
                            "an `allOf` part that is not an object cannot be merged with the \
                             others into one type; the whole is read as `serde_json::Value`",
                        )
                        .with_hint("merge only object schemas with `allOf`"),
                    );
                    all_objects = false;
                }
            }
        }
        all_objects
    }

    /// The schema a part stands for, following `$ref`s to components.
    fn part_schema<'s>(
        &mut self,
        part: &'s ReferenceOr<Schema>,
        ptr: &str,
    ) -> Option<(&'s Schema, String)>
    where
        'a: 's,
    {
        match part {
            ReferenceOr::Item(schema) => Some((schema, ptr.to_owned())),
            ReferenceOr::Reference { reference } => {
                let name = reference.strip_prefix(SCHEMA_PREFIX);
                match name.and_then(|n| self.schemas.get(n)) {
                    Some(ReferenceOr::Item(schema)) => Some((
                        schema,
                        format!(
                            "{SCHEMA_PREFIX}{}",
                            crate::diagnostics::escape_token(name.unwrap_or_default())
                        ),
                    )),
                    _ => {
                        self.reference(reference, ptr);
                        None
                    }
                }
            }
        }
    }

    fn merge_object(&mut self, merged: &mut ObjectType, object: &ObjectType, ptr: &str) {
        for (key, property) in &object.properties {
            match merged.properties.get(key) {
                Some(existing) if existing != property => {
                    // Usually a later part narrows a base property (a default, a
                    // description); the later definition is the more specific one.
                    self.warnings.push(
                        Diagnostic::new(
                            "E0207",
                            format!("{ptr}/properties/{}", crate::diagnostics::escape_token(key)),
                            format!(
                                "the `allOf` parts define the property `{key}` differently; the \
                                 later definition is used"
                            ),
                        )
                        .with_hint(
                            "define each property in one part only, or the same way in each",
                        ),
                    );
                    merged.properties.insert(key.clone(), property.clone());
                }
                Some(_) => {}
                None => {
                    merged.properties.insert(key.clone(), property.clone());
                }
            }
        }
        for required in &object.required {
            if !merged.required.contains(required) {
                merged.required.push(required.clone());
            }
        }
    }

    /// `oneOf` or `anyOf`: tagged by the discriminator, or tried in order.
    pub(super) fn choice(
        &mut self,
        name: String,
        docs: Docs,
        schema: &Schema,
        choices: &[ReferenceOr<Schema>],
        keyword: &str,
        ptr: &str,
    ) -> TypeDef {
        match &schema.schema_data.discriminator {
            Some(discriminator) => {
                TypeDef::Tagged(self.tagged(name, docs, discriminator, choices, keyword, ptr))
            }
            None => TypeDef::Untagged(self.untagged(name, docs, choices, keyword, ptr)),
        }
    }

    fn untagged(
        &mut self,
        name: String,
        docs: Docs,
        choices: &[ReferenceOr<Schema>],
        keyword: &str,
        ptr: &str,
    ) -> UntaggedDef {
        let mut scope = Scope::default();
        let variants = choices
            .iter()
            .enumerate()
            .map(|(index, choice)| {
                let choice_ptr = format!("{ptr}/{keyword}/{index}");
                let ty = self.use_schema(choice, &format!("{name}Variant{index}"), &choice_ptr);
                (scope.claim(variant_name(&ty)), ty)
            })
            .collect();
        UntaggedDef {
            name,
            docs,
            variants,
        }
    }

    /// Every choice is a `$ref`; its tag is the `mapping` key that names it, else the
    /// component's name, as OpenAPI says.
    fn tagged(
        &mut self,
        name: String,
        docs: Docs,
        discriminator: &openapiv3::Discriminator,
        choices: &[ReferenceOr<Schema>],
        keyword: &str,
        ptr: &str,
    ) -> TaggedDef {
        let mut scope = Scope::with_reserved(&["Unknown"]);
        let mut variants = Vec::new();
        for (index, choice) in choices.iter().enumerate() {
            let choice_ptr = format!("{ptr}/{keyword}/{index}");
            let ReferenceOr::Reference { reference } = choice else {
                self.problems.push(
                    Diagnostic::new(
                        "E0201",
                        choice_ptr,
                        format!(
                            "with a `discriminator`, every `{keyword}` choice must be a `$ref`"
                        ),
                    )
                    .with_hint("move the choice under `components.schemas` and refer to it"),
                );
                continue;
            };
            let component = reference.strip_prefix(SCHEMA_PREFIX).unwrap_or(reference);
            let tag = discriminator
                .mapping
                .iter()
                .find(|(_, target)| *target == reference || target.as_str() == component)
                .map_or_else(|| component.to_owned(), |(key, _)| key.clone());
            let ty = self.reference(reference, &choice_ptr);
            variants.push((scope.claim(naming::camel(component)), tag, ty));
        }
        TaggedDef {
            name,
            docs,
            property: discriminator.property_name.clone(),
            variants,
        }
    }
}
