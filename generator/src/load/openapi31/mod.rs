//! OpenAPI 3.1 documents read as 3.0.
//!
//! `openapiv3` reads OpenAPI 3.0 only. A 3.1 document's schemas are JSON Schema
//! 2020-12, whose forms mostly have a 3.0 equivalent (`type: [string, "null"]` is
//! `type: string` with `nullable: true`, `const` is a one-value `enum`). Here the
//! document's YAML value is rewritten into those equivalents before `openapiv3`
//! reads it. Nodes keep their place in the tree, so every later diagnostic's JSON
//! pointer still names a node of the original text (or the nearest node that text
//! has), and the source map, built from that text, locates it.
//!
//! What has no 3.0 form gets a warning here and the nearest faithful reading:
//! validation-only keywords are not checked, `$dynamicRef` is read as any JSON,
//! webhooks are listed in the crate's docs but not generated. A 3.0 document never
//! comes here.

mod schema;

use serde_yaml::{Mapping, Value};

use crate::diagnostics::{Diagnostic, pointer};

/// A webhook of a 3.1 document: a request the API makes to its users, which a
/// client receives rather than sends, so it is documented and not generated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Webhook {
    /// The webhook's name, its key under `webhooks`.
    pub name: String,
    /// The HTTP method, upper case.
    pub method: String,
    /// The operation's `summary`, or else its `operationId`, or else the first line
    /// of its `description`, when it has one.
    pub summary: Option<String>,
}

/// What the translation found: warnings, and the webhooks it took out.
#[derive(Debug, Default)]
pub struct Translated {
    /// Every choice made, each at the node it concerns.
    pub warnings: Vec<Diagnostic>,
    /// The document's webhooks, in document order.
    pub webhooks: Vec<Webhook>,
}

/// The dialect OpenAPI 3.1 schemas have unless `jsonSchemaDialect` says otherwise.
const DEFAULT_DIALECT: &str = "https://spec.openapis.org/oas/3.1/dialect/base";

/// The HTTP methods a path item may hold.
const METHODS: &[&str] = &[
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Rewrites the 3.1 document `value` into its 3.0 equivalent, in place.
pub fn translate(value: &mut Value) -> Translated {
    let mut walk = Walk::default();
    if let Value::Mapping(document) = value {
        walk.document(document);
    }
    Translated {
        warnings: walk.warnings,
        webhooks: walk.webhooks,
    }
}

/// What translates one kind of object (a parameter, a response) in place.
type Translate = fn(&mut Walk, &mut Mapping);

/// The walk over a document: where it is, and what it found.
#[derive(Default)]
struct Walk {
    /// The JSON pointer tokens of the node being translated.
    path: Vec<String>,
    warnings: Vec<Diagnostic>,
    webhooks: Vec<Webhook>,
}

impl Walk {
    /// Runs `f` one token deeper.
    fn at<T>(&mut self, token: &str, f: impl FnOnce(&mut Self) -> T) -> T {
        self.path.push(token.to_owned());
        let out = f(self);
        self.path.pop();
        out
    }

    /// A warning at the node being translated.
    fn warn(&mut self, code: &'static str, message: String, hint: &str) {
        self.warnings
            .push(Diagnostic::new(code, pointer(&self.path), message).with_hint(hint));
    }

    fn document(&mut self, document: &mut Mapping) {
        self.dialect(document);
        self.take_webhooks(document);
        inline_path_items(document);
        // 3.1 makes `paths` optional (a document may hold only webhooks or
        // components); 3.0 requires it.
        if !document.contains_key("paths") {
            document.insert("paths".into(), Value::Mapping(Mapping::new()));
        }
        if let Some(Value::Mapping(paths)) = document.get_mut("paths") {
            self.at("paths", |walk| {
                for (path, item) in paths.iter_mut() {
                    if let (Some(path), Value::Mapping(item)) = (path.as_str(), item) {
                        walk.at(path, |walk| walk.path_item(item));
                    }
                }
            });
        }
        if let Some(Value::Mapping(components)) = document.get_mut("components") {
            self.at("components", |walk| walk.components(components));
        }
    }

    /// `jsonSchemaDialect` has no 3.0 field; another dialect than OpenAPI's own is
    /// read as if it were that one.
    fn dialect(&mut self, document: &mut Mapping) {
        let Some(dialect) = document.shift_remove("jsonSchemaDialect") else {
            return;
        };
        let dialect = dialect.as_str().unwrap_or_default().to_owned();
        if dialect != DEFAULT_DIALECT {
            self.at("jsonSchemaDialect", |walk| {
                walk.warn(
                    "E0214",
                    format!(
                        "the schemas' dialect `{dialect}` is read as OpenAPI 3.1's own \
                         (JSON Schema 2020-12 with OpenAPI's vocabulary)"
                    ),
                    "keywords of other dialects are not understood; remove \
                     `jsonSchemaDialect` to use the default",
                );
            });
        }
    }

    /// Takes out `webhooks`, keeping what the crate's docs list of each.
    fn take_webhooks(&mut self, document: &mut Mapping) {
        let Some(Value::Mapping(webhooks)) = document.shift_remove("webhooks") else {
            return;
        };
        let path_items = document
            .get("components")
            .and_then(|components| components.get("pathItems"));
        for (name, item) in &webhooks {
            // A webhook may be a path item of the components, named by `$ref`.
            let item = item
                .get("$ref")
                .and_then(Value::as_str)
                .and_then(|reference| reference.strip_prefix("#/components/pathItems/"))
                .and_then(|target| {
                    path_items?.get(crate::diagnostics::unescape_token(target).as_str())
                })
                .unwrap_or(item);
            let (Some(name), Value::Mapping(item)) = (name.as_str(), item) else {
                continue;
            };
            let operations: Vec<Webhook> = METHODS
                .iter()
                .filter_map(|method| {
                    let operation = item.get(*method)?;
                    let summary = ["summary", "operationId", "description"]
                        .iter()
                        .find_map(|key| operation.get(*key)?.as_str())
                        .and_then(|text| text.lines().next())
                        .map(str::to_owned);
                    Some(Webhook {
                        name: name.to_owned(),
                        method: method.to_uppercase(),
                        summary,
                    })
                })
                .collect();
            self.at("webhooks", |walk| {
                walk.at(name, |walk| {
                    walk.warn(
                        "E0310",
                        format!(
                            "the webhook `{name}` is listed in the crate's README but not \
                             generated: the API sends it, a client does not"
                        ),
                        "a webhook is served by the receiving application; this client \
                         only makes calls",
                    );
                });
            });
            self.webhooks.extend(operations);
        }
    }

    fn components(&mut self, components: &mut Mapping) {
        if let Some(Value::Mapping(schemas)) = components.get_mut("schemas") {
            self.at("schemas", |walk| {
                for (name, schema) in schemas.iter_mut() {
                    if let Some(name) = name.as_str() {
                        walk.at(name, |walk| walk.schema(schema));
                    }
                }
            });
        }
        let kinds: [(&str, Translate); 5] = [
            ("parameters", Self::parameter),
            ("headers", Self::parameter),
            ("responses", Self::response),
            ("requestBodies", Self::content_holder),
            ("callbacks", Self::callback),
        ];
        for (kind, translate) in kinds {
            if let Some(Value::Mapping(entries)) = components.get_mut(kind) {
                self.at(kind, |walk| walk.each_mapping(entries, translate));
            }
        }
    }

    /// Runs `f` on each entry of `entries` that is a mapping and not a `$ref`.
    fn each_mapping(&mut self, entries: &mut Mapping, f: Translate) {
        for (key, entry) in entries.iter_mut() {
            let token = key_token(key);
            if let Value::Mapping(entry) = entry {
                if !entry.contains_key("$ref") {
                    self.at(&token, |walk| f(walk, entry));
                }
            }
        }
    }

    fn each_in_list(&mut self, list: &mut Value, f: Translate) {
        if let Value::Sequence(items) = list {
            for (index, item) in items.iter_mut().enumerate() {
                if let Value::Mapping(item) = item {
                    if !item.contains_key("$ref") {
                        self.at(&index.to_string(), |walk| f(walk, item));
                    }
                }
            }
        }
    }

    fn path_item(&mut self, item: &mut Mapping) {
        if let Some(parameters) = item.get_mut("parameters") {
            self.at("parameters", |walk| {
                walk.each_in_list(parameters, Self::parameter)
            });
        }
        for method in METHODS {
            if let Some(Value::Mapping(operation)) = item.get_mut(*method) {
                self.at(method, |walk| walk.operation(operation));
            }
        }
    }

    fn operation(&mut self, operation: &mut Mapping) {
        if let Some(parameters) = operation.get_mut("parameters") {
            self.at("parameters", |walk| {
                walk.each_in_list(parameters, Self::parameter)
            });
        }
        if let Some(Value::Mapping(body)) = operation.get_mut("requestBody") {
            if !body.contains_key("$ref") {
                self.at("requestBody", |walk| walk.content_holder(body));
            }
        }
        if let Some(Value::Mapping(responses)) = operation.get_mut("responses") {
            self.at("responses", |walk| {
                walk.each_mapping(responses, Self::response)
            });
        }
        if let Some(Value::Mapping(callbacks)) = operation.get_mut("callbacks") {
            self.at("callbacks", |walk| {
                walk.each_mapping(callbacks, Self::callback)
            });
        }
    }

    /// A callback: path items by runtime expression.
    fn callback(&mut self, callback: &mut Mapping) {
        self.each_mapping(callback, Self::path_item);
    }

    /// A parameter or a header: a schema, or content.
    fn parameter(&mut self, parameter: &mut Mapping) {
        if let Some(schema) = parameter.get_mut("schema") {
            self.at("schema", |walk| walk.schema(schema));
        }
        self.content_holder(parameter);
    }

    fn response(&mut self, response: &mut Mapping) {
        if let Some(Value::Mapping(headers)) = response.get_mut("headers") {
            self.at("headers", |walk| {
                walk.each_mapping(headers, Self::parameter)
            });
        }
        self.content_holder(response);
    }

    /// A request body, a response, or a parameter: media types by name.
    fn content_holder(&mut self, holder: &mut Mapping) {
        let Some(Value::Mapping(content)) = holder.get_mut("content") else {
            return;
        };
        self.at("content", |walk| {
            walk.each_mapping(content, |walk, media| {
                if let Some(schema) = media.get_mut("schema") {
                    walk.at("schema", |walk| walk.schema(schema));
                }
            });
        });
    }
}

/// 3.1 lets `paths` name path items of `components/pathItems` by `$ref`; 3.0 has
/// no such component, so each reference is replaced by the item it names (which
/// the walk then translates where it now stands).
fn inline_path_items(document: &mut Mapping) {
    let Some(Value::Mapping(components)) = document.get_mut("components") else {
        return;
    };
    let Some(Value::Mapping(items)) = components.shift_remove("pathItems") else {
        return;
    };
    let Some(Value::Mapping(paths)) = document.get_mut("paths") else {
        return;
    };
    for (_, item) in paths.iter_mut() {
        let target = item
            .get("$ref")
            .and_then(Value::as_str)
            .and_then(|reference| reference.strip_prefix("#/components/pathItems/"))
            .map(crate::diagnostics::unescape_token)
            .and_then(|name| items.get(name.as_str()));
        if let Some(target) = target {
            *item = target.clone();
        }
    }
}

/// A mapping key as a pointer token; YAML keys may be numbers (`200:`).
fn key_token(key: &Value) -> String {
    match key {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Bool(b) => b.to_string(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn document(text: &str) -> (Value, Translated) {
        let mut value: Value = serde_yaml::from_str(text).unwrap_or(Value::Null);
        let translated = translate(&mut value);
        (value, translated)
    }

    #[test]
    fn a_path_item_of_the_components_is_put_where_it_is_named() {
        let (value, translated) = document(
            "paths:\n  /a: {$ref: '#/components/pathItems/A'}\ncomponents:\n  pathItems:\n    A:\n      get: {operationId: getA}\n",
        );
        assert_eq!(value["paths"]["/a"]["get"]["operationId"], "getA");
        assert!(value["components"].get("pathItems").is_none());
        assert!(translated.warnings.is_empty());
    }

    #[test]
    fn webhooks_are_taken_out_and_kept_for_the_docs() {
        let (value, translated) = document(
            "webhooks:\n  made:\n    post: {summary: A thing was made}\n    get: {description: \"Checks.\\nMore.\"}\n",
        );
        assert!(value.get("webhooks").is_none());
        assert!(value.get("paths").is_some(), "3.0 needs `paths`");
        let listed: Vec<(&str, &str, Option<&str>)> = translated
            .webhooks
            .iter()
            .map(|w| (w.name.as_str(), w.method.as_str(), w.summary.as_deref()))
            .collect();
        assert_eq!(
            listed,
            [
                ("made", "GET", Some("Checks.")),
                ("made", "POST", Some("A thing was made"))
            ]
        );
        let codes: Vec<&str> = translated.warnings.iter().map(|w| w.code).collect();
        assert_eq!(codes, ["E0310"]);
        assert_eq!(translated.warnings[0].pointer, "#/webhooks/made");
    }

    #[test]
    fn a_webhook_named_by_ref_is_listed_with_its_operations() {
        let (_, translated) = document(
            "webhooks:\n  made: {$ref: '#/components/pathItems/Made'}\ncomponents:\n  pathItems:\n    Made:\n      post: {summary: Made}\n",
        );
        let listed: Vec<&str> = translated
            .webhooks
            .iter()
            .map(|w| w.method.as_str())
            .collect();
        assert_eq!(listed, ["POST"]);
    }

    #[test]
    fn the_default_dialect_is_silent_and_another_warns() {
        let (value, quiet) = document(&format!("jsonSchemaDialect: {DEFAULT_DIALECT}\n"));
        assert!(value.get("jsonSchemaDialect").is_none());
        assert!(quiet.warnings.is_empty());
        let (_, other) = document("jsonSchemaDialect: https://json-schema.org/draft-07/schema\n");
        assert_eq!(other.warnings[0].code, "E0214");
    }

    #[test]
    fn schemas_are_found_in_every_place_3_0_has_them() {
        let (value, _) = document(
            "paths:\n  /a:\n    parameters: [{name: p, in: query, schema: {const: 1}}]\n    post:\n      requestBody: {content: {application/json: {schema: {const: 2}}}}\n      responses:\n        '200':\n          headers: {X: {schema: {const: 3}}}\n          content: {application/json: {schema: {const: 4}, examples: {e: {value: {const: 9}}}}}\ncomponents:\n  parameters: {P: {name: q, in: query, schema: {const: 5}}}\n",
        );
        let op = &value["paths"]["/a"];
        assert_eq!(op["parameters"][0]["schema"]["enum"][0], 1);
        assert_eq!(
            op["post"]["requestBody"]["content"]["application/json"]["schema"]["enum"][0],
            2
        );
        let ok = &op["post"]["responses"]["200"];
        assert_eq!(ok["headers"]["X"]["schema"]["enum"][0], 3);
        assert_eq!(ok["content"]["application/json"]["schema"]["enum"][0], 4);
        // Examples are data: never rewritten.
        assert_eq!(
            ok["content"]["application/json"]["examples"]["e"]["value"]["const"],
            9
        );
        assert_eq!(
            value["components"]["parameters"]["P"]["schema"]["enum"][0],
            5
        );
    }
}
