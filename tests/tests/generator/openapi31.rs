//! OpenAPI 3.1 documents: translated to 3.0 before they are read, with every
//! diagnostic, from the translation or from a later stage, placed in the original
//! text. Line 1 of each document is the line of `r#"` or `r##"`.

use generator::{Diagnostic, Diagnostics, workspace};

const FILE: &str = "api.yaml";

/// The warnings of a document that generates (without `--strict`).
fn warnings(text: &str) -> Diagnostics {
    match generator::generate(text, FILE, &workspace::default_settings()) {
        Ok(output) => output.warnings,
        Err(errors) => panic!("the document was refused:\n{errors}"),
    }
}

/// The errors of a document that is refused with `--strict`.
fn strict_errors(text: &str) -> Diagnostics {
    let settings = generator::Settings {
        strict: true,
        ..workspace::default_settings()
    };
    match generator::generate(text, FILE, &settings) {
        Ok(_) => panic!("the document was accepted with --strict"),
        Err(errors) => errors,
    }
}

fn find<'a>(diagnostics: &'a Diagnostics, code: &str) -> &'a Diagnostic {
    diagnostics
        .items
        .iter()
        .find(|d| d.code == code)
        .unwrap_or_else(|| panic!("no {code} in:\n{}", diagnostics.render("warning")))
}

fn at(diagnostic: &Diagnostic) -> (usize, usize) {
    let location = diagnostic
        .location
        .unwrap_or_else(|| panic!("no location: {diagnostic:?}"));
    (location.line, location.column)
}

/// A 3.1 document whose schemas need translating, and one construct of each kind
/// that warns.
const DOCUMENT: &str = r##"openapi: 3.1.0
info:
  title: T
  version: "1"
servers:
  - url: https://api.example.com
paths:
  /things:
    get:
      operationId: listThings
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Thing"
webhooks:
  thingMade:
    post:
      responses:
        "200":
          description: ok
components:
  schemas:
    Thing:
      type: object
      properties:
        name:
          type: [string, "null"]
        pair:
          prefixItems:
            - type: string
            - type: integer
        rule:
          if:
            type: string
"##;

#[test]
fn translation_warnings_point_at_the_original_lines() {
    let found = warnings(DOCUMENT);
    assert_eq!(at(find(&found, "E0310")), (19, 3), "the webhook's key");
    let tuple = find(&found, "E0211");
    assert_eq!(
        tuple.pointer,
        "#/components/schemas/Thing/properties/pair/prefixItems"
    );
    assert_eq!(at(tuple), (32, 11));
    let unchecked = find(&found, "E0212");
    assert_eq!(
        unchecked.pointer,
        "#/components/schemas/Thing/properties/rule/if"
    );
    assert_eq!(at(unchecked), (36, 11));
}

#[test]
fn strict_refuses_what_the_translation_could_only_approximate() {
    let errors = strict_errors(DOCUMENT);
    let codes: Vec<&str> = errors.items.iter().map(|d| d.code).collect();
    for code in ["E0211", "E0212", "E0310"] {
        assert!(codes.contains(&code), "{code} missing from {codes:?}");
    }
}

#[test]
fn a_later_stage_problem_points_into_the_original_text() {
    // The `type` list is rewritten before the reference is resolved; the dangling
    // reference's diagnostic still names its place in the file: the schema that
    // holds it, on line 16.
    let text = DOCUMENT.replace(
        "                $ref: \"#/components/schemas/Thing\"",
        "                $ref: \"#/components/schemas/Missing\"",
    );
    let errors = strict_errors(&text);
    let dangling = find(&errors, "E0101");
    assert_eq!(at(dangling), (16, 15), "{dangling:?}");
}

#[test]
fn a_json_document_is_placed_too() {
    let text = r##"{
  "openapi": "3.1.1",
  "info": {"title": "T", "version": "1"},
  "servers": [{"url": "https://api.example.com"}],
  "paths": {},
  "components": {
    "schemas": {
      "Node": {
        "$dynamicRef": "#node"
      }
    }
  }
}
"##;
    let found = warnings(text);
    let dynamic = find(&found, "E0213");
    assert_eq!(dynamic.pointer, "#/components/schemas/Node");
    assert_eq!(at(dynamic).0, 8, "{dynamic:?}");
}

#[test]
fn a_3_0_document_is_not_translated() {
    // `type` lists are not OpenAPI 3.0: a 3.0 document that uses one is read as
    // 3.0 reads it (and refused), not quietly translated.
    let text = DOCUMENT
        .replace("openapi: 3.1.0", "openapi: 3.0.3")
        .replace("webhooks:", "x-webhooks:");
    let settings = workspace::default_settings();
    let result = generator::generate(&text, FILE, &settings);
    let Err(errors) = result else {
        panic!("a 3.0 document with a `type` list was accepted");
    };
    assert!(errors.items.iter().any(|d| d.code == "E0003"), "{errors}");
}
