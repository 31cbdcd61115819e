//! Broken specs give `Err(Diagnostics)`: the right code, JSON pointer and line for
//! each problem, every problem of the document in one run, sorted by place, and
//! never a panic.
//!
//! Each spec is written in full so that its line numbers can be read off the
//! source: line 1 is the line of `r#"` or `r##"`.

use std::panic::{AssertUnwindSafe, catch_unwind};

use generator::{Diagnostic, Diagnostics, workspace};

/// The file name the diagnostics name.
const FILE: &str = "broken.yaml";

/// The settings of these tests: `--strict`, so that every problem is an error.
fn strict() -> generator::Settings {
    generator::Settings {
        strict: true,
        ..workspace::default_settings()
    }
}

/// Generates `yaml` with `--strict`, which must fail without panicking, and returns
/// its problems.
fn problems(yaml: &str) -> Diagnostics {
    let settings = strict();
    let result = catch_unwind(AssertUnwindSafe(|| {
        generator::generate(yaml, FILE, &settings)
    }));
    match result {
        Err(_) => panic!("the generator panicked on:\n{yaml}"),
        Ok(Ok(output)) => panic!(
            "the spec was accepted, giving {:?}:\n{yaml}",
            output.files.keys().collect::<Vec<_>>()
        ),
        Ok(Err(diagnostics)) => {
            assert_eq!(diagnostics.file, FILE);
            assert!(!diagnostics.items.is_empty(), "an Err with no problems");
            diagnostics
        }
    }
}

/// The one problem of `yaml`.
fn only(yaml: &str) -> Diagnostic {
    let diagnostics = problems(yaml);
    assert_eq!(
        diagnostics.items.len(),
        1,
        "expected one problem, got:\n{diagnostics}"
    );
    diagnostics.items[0].clone()
}

/// `(line, column)` of a problem, which must have a location.
fn at(diagnostic: &Diagnostic) -> (usize, usize) {
    let location = diagnostic
        .location
        .unwrap_or_else(|| panic!("no location: {diagnostic:?}"));
    (location.line, location.column)
}

fn codes(diagnostics: &Diagnostics) -> Vec<&'static str> {
    diagnostics.items.iter().map(|d| d.code).collect()
}

fn assert_hint(diagnostic: &Diagnostic) {
    assert!(
        diagnostic.hint.as_deref().is_some_and(|h| !h.is_empty()),
        "no hint: {diagnostic:?}"
    );
}

/// A spec with no problem, to show the others fail for their own reason.
const VALID: &str = r#"openapi: 3.0.3
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
"#;

#[test]
fn the_valid_base_spec_generates() {
    let result = generator::generate(VALID, FILE, &workspace::default_settings());
    assert!(result.is_ok(), "{}", result.err().unwrap_or_default());
}

// Stage 1: loading.

#[test]
fn invalid_yaml_gives_e0001_with_its_line() {
    let d = only(
        r#"openapi: 3.0.3
info:
  title: T
   version: "1"
paths: {}
"#,
    );
    assert_eq!(d.code, "E0001");
    assert_eq!(d.pointer, "#");
    assert_eq!(at(&d).0, 4, "{d:?}");
    assert!(d.message.contains("not valid YAML"), "{d:?}");
    assert_hint(&d);

    // An unclosed flow sequence: the error is found where the YAML stops making sense.
    let d = only("openapi: 3.0.3\ninfo:\n  title: [a, b\n  version: 1\n");
    assert_eq!(d.code, "E0001");
    assert!((3..=4).contains(&at(&d).0), "{d:?}");
}

#[test]
fn duplicate_keys_give_e0001() {
    let d = only(
        r#"openapi: 3.0.3
info:
  title: T
  title: U
  version: "1"
paths: {}
"#,
    );
    assert_eq!(d.code, "E0001");
    assert!(d.message.contains("duplicate"), "{d:?}");
    // serde_yaml places the problem at the mapping that holds the duplicate (line 3),
    // not at the duplicate key (line 4).
    assert!((3..=4).contains(&at(&d).0), "{d:?}");
}

#[test]
fn openapi_3_2_gives_e0002_naming_the_versions_read() {
    let d = only(&VALID.replace("openapi: 3.0.3", "openapi: 3.2.0"));
    assert_eq!(d.code, "E0002");
    assert_eq!(d.pointer, "#/openapi");
    assert_eq!(at(&d), (1, 1));
    assert!(d.message.contains("3.2.0"), "{d:?}");
    assert!(
        d.hint
            .as_deref()
            .is_some_and(|h| h.contains("3.0") && h.contains("3.1")),
        "the hint does not name 3.0 and 3.1: {d:?}"
    );
}

#[test]
fn other_versions_give_e0002() {
    let swagger = only("swagger: \"2.0\"\ninfo:\n  title: T\n  version: \"1\"\npaths: {}\n");
    assert_eq!(swagger.code, "E0002");
    assert_eq!(swagger.pointer, "#/swagger");
    assert_eq!(at(&swagger), (1, 1));

    let old = only(&VALID.replace("openapi: 3.0.3", "openapi: 2.9.0"));
    assert_eq!(old.code, "E0002");
    assert_eq!(old.pointer, "#/openapi");

    let none = only(&VALID.replace("openapi: 3.0.3\n", ""));
    assert_eq!(none.code, "E0002");
    assert!(none.message.contains("openapi"), "{none:?}");
    assert_hint(&none);
}

#[test]
fn a_document_without_info_gives_e0003() {
    let d = only(
        r#"openapi: 3.0.3
servers:
  - url: https://api.example.com
paths: {}
"#,
    );
    assert_eq!(d.code, "E0003");
    assert_eq!(d.pointer, "#");
    assert!(d.message.contains("`info`"), "{d:?}");
    assert!(d.location.is_some(), "{d:?}");
    assert_hint(&d);
}

#[test]
fn a_node_of_the_wrong_type_gives_e0003_with_its_pointer() {
    let d = only(
        r#"openapi: 3.0.3
info:
  title: T
  version: "1"
servers: 7
paths: {}
"#,
    );
    assert_eq!(d.code, "E0003");
    assert_eq!(d.pointer, "#/servers");
    assert_eq!(at(&d).0, 5, "{d:?}");
}

// Stage 2: references.

#[test]
fn a_dangling_schema_ref_gives_e0101() {
    let d = only(
        r##"openapi: 3.0.3
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
components:
  schemas:
    Thing:
      type: object
      properties:
        owner:
          $ref: "#/components/schemas/Owner"
"##,
    );
    assert_eq!(d.code, "E0101");
    assert_eq!(d.pointer, "#/components/schemas/Thing/properties/owner");
    // The pointer names the property holding the `$ref`, found at its key.
    assert_eq!(at(&d), (19, 9));
    assert!(d.message.contains("#/components/schemas/Owner"), "{d:?}");
    assert!(
        d.hint
            .as_deref()
            .is_some_and(|h| h.contains("components.schemas")),
        "{d:?}"
    );
}

#[test]
fn an_external_ref_gives_e0101_saying_only_local_refs_work() {
    let d = only(
        r##"openapi: 3.0.3
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
                $ref: "other.yaml#/components/schemas/Thing"
"##,
    );
    assert_eq!(d.code, "E0101");
    assert_eq!(
        d.pointer,
        "#/paths/~1things/get/responses/200/content/application~1json/schema"
    );
    assert_eq!(at(&d).0, 16, "{d:?}");
    assert!(
        d.hint
            .as_deref()
            .is_some_and(|h| h.contains("inside this document")),
        "{d:?}"
    );
}

#[test]
fn a_dangling_parameter_ref_gives_e0101() {
    let d = only(
        r##"openapi: 3.0.3
info:
  title: T
  version: "1"
servers:
  - url: https://api.example.com
paths:
  /things:
    get:
      operationId: listThings
      parameters:
        - $ref: "#/components/parameters/Limit"
      responses:
        "200":
          description: ok
"##,
    );
    assert_eq!(d.code, "E0101");
    assert_eq!(d.pointer, "#/paths/~1things/get/parameters/0/$ref");
    assert_eq!(at(&d), (12, 11));
    assert!(d.message.contains("#/components/parameters/Limit"), "{d:?}");
    assert!(
        d.hint
            .as_deref()
            .is_some_and(|h| h.contains("components.parameters")),
        "{d:?}"
    );
}

#[test]
fn dangling_response_and_request_body_refs_give_e0101() {
    let diagnostics = problems(
        r##"openapi: 3.0.3
info:
  title: T
  version: "1"
servers:
  - url: https://api.example.com
paths:
  /things:
    post:
      operationId: createThing
      requestBody:
        $ref: "#/components/requestBodies/NewThing"
      responses:
        "201":
          $ref: "#/components/responses/Created"
"##,
    );
    assert_eq!(codes(&diagnostics), ["E0101", "E0101"], "{diagnostics}");
    let body = &diagnostics.items[0];
    assert_eq!(body.pointer, "#/paths/~1things/post/requestBody/$ref");
    assert_eq!(at(body), (12, 9));
    let response = &diagnostics.items[1];
    assert_eq!(response.pointer, "#/paths/~1things/post/responses/201/$ref");
    assert_eq!(at(response), (15, 11));
    assert!(
        response.message.contains("#/components/responses/Created"),
        "{response:?}"
    );
}

/// Component schemas that are only `$ref`s to each other never reach a type: the
/// crate would hold `type A = B; type B = A;`, which does not compile. Parameter,
/// response and body chains that loop give E0103; schema chains should too.
#[test]
fn a_schema_ref_loop_gives_e0103() {
    let diagnostics = problems(
        r##"openapi: 3.0.3
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
                $ref: "#/components/schemas/A"
components:
  schemas:
    A:
      $ref: "#/components/schemas/B"
    B:
      $ref: "#/components/schemas/A"
"##,
    );
    assert!(
        diagnostics.items.iter().any(|d| d.code == "E0103"
            && d.pointer.starts_with("#/components/schemas/")
            && d.location.is_some_and(|l| (20..=23).contains(&l.line))),
        "{diagnostics}"
    );
}

#[test]
fn a_parameter_ref_loop_gives_e0103() {
    let d = only(
        r##"openapi: 3.0.3
info:
  title: T
  version: "1"
servers:
  - url: https://api.example.com
paths:
  /things:
    get:
      operationId: listThings
      parameters:
        - $ref: "#/components/parameters/P"
      responses:
        "200":
          description: ok
components:
  parameters:
    P:
      $ref: "#/components/parameters/Q"
    Q:
      $ref: "#/components/parameters/P"
"##,
    );
    assert_eq!(d.code, "E0103");
    assert_eq!(d.pointer, "#/paths/~1things/get/parameters/0");
    assert_eq!(at(&d).0, 12, "{d:?}");
}

// Stage 2: operations.

#[test]
fn a_duplicate_operation_id_gives_e0302() {
    let d = only(
        r#"openapi: 3.0.3
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
  /other-things:
    get:
      operationId: listThings
      responses:
        "200":
          description: ok
"#,
    );
    assert_eq!(d.code, "E0302");
    assert_eq!(d.pointer, "#/paths/~1other-things/get/operationId");
    assert_eq!(at(&d), (16, 7));
    assert!(d.message.contains("`listThings`"), "{d:?}");
    assert!(d.message.contains("#/paths/~1things/get"), "{d:?}");
}

#[test]
fn a_template_parameter_without_definition_gives_e0303() {
    let d = only(
        r#"openapi: 3.0.3
info:
  title: T
  version: "1"
servers:
  - url: https://api.example.com
paths:
  /things/{thing_id}:
    get:
      operationId: getThing
      responses:
        "200":
          description: ok
"#,
    );
    assert_eq!(d.code, "E0303");
    assert_eq!(d.pointer, "#/paths/~1things~1{thing_id}/get");
    assert_eq!(at(&d), (9, 5));
    assert!(d.message.contains("`{thing_id}`"), "{d:?}");
    assert!(
        d.hint.as_deref().is_some_and(|h| h.contains("thing_id")),
        "{d:?}"
    );
}

#[test]
fn a_path_parameter_missing_from_its_template_gives_e0304() {
    let d = only(
        r#"openapi: 3.0.3
info:
  title: T
  version: "1"
servers:
  - url: https://api.example.com
paths:
  /things:
    get:
      operationId: getThing
      parameters:
        - name: thing_id
          in: path
          required: true
          schema:
            type: string
      responses:
        "200":
          description: ok
"#,
    );
    assert_eq!(d.code, "E0304");
    assert_eq!(d.pointer, "#/paths/~1things/get");
    assert_eq!(at(&d), (9, 5));
    assert!(d.message.contains("`thing_id`"), "{d:?}");
    assert!(d.message.contains("/things"), "{d:?}");
}

#[test]
fn path_level_parameters_count_for_the_template() {
    // A parameter given once for the path serves every operation under it; a
    // template name nobody defines is still reported, once per operation.
    let diagnostics = problems(
        r#"openapi: 3.0.3
info:
  title: T
  version: "1"
servers:
  - url: https://api.example.com
paths:
  /things/{thing_id}/{part}:
    parameters:
      - name: thing_id
        in: path
        required: true
        schema:
          type: string
    get:
      operationId: getPart
      responses:
        "200":
          description: ok
    delete:
      operationId: deletePart
      responses:
        "204":
          description: gone
"#,
    );
    assert_eq!(codes(&diagnostics), ["E0303", "E0303"], "{diagnostics}");
    for d in &diagnostics.items {
        assert!(d.message.contains("`{part}`"), "{d:?}");
        assert!(!d.message.contains("thing_id"), "{d:?}");
    }
    assert_eq!(at(&diagnostics.items[0]).0, 15);
    assert_eq!(at(&diagnostics.items[1]).0, 20);
}

#[test]
fn a_cookie_parameter_that_is_a_list_gives_e0305() {
    let d = only(
        r#"openapi: 3.0.3
info:
  title: T
  version: "1"
servers:
  - url: https://api.example.com
paths:
  /things:
    get:
      operationId: listThings
      parameters:
        - name: session
          in: cookie
          schema:
            type: array
            items:
              type: string
      responses:
        "200":
          description: ok
"#,
    );
    assert_eq!(d.code, "E0305");
    assert_eq!(d.pointer, "#/paths/~1things/get/parameters/0");
    assert_eq!(at(&d).0, 12, "{d:?}");
    assert_hint(&d);
}

/// A mapping that is an item of a block sequence starts where its first key does
/// (or at the `-`), so its diagnostics should point there.
#[test]
fn a_sequence_item_is_located_where_it_starts() {
    let d = only(
        r#"openapi: 3.0.3
info:
  title: T
  version: "1"
servers:
  - url: https://api.example.com
paths:
  /things:
    get:
      operationId: listThings
      parameters:
        - name: session
          in: cookie
          schema:
            type: array
            items:
              type: string
      responses:
        "200":
          description: ok
"#,
    );
    // `        - name: session`: the `-` is column 9, `name` column 11, and the
    // `:` after it column 15.
    let (line, column) = at(&d);
    assert_eq!(line, 12);
    assert!(
        column == 9 || column == 11,
        "the parameter is placed at column {column}, not where the item starts (column 9 \
         for `-` or 11 for `name`); column 15 would be the `:` after its first key"
    );
}

// Stage 2: schemas.

#[test]
fn required_naming_a_non_property_gives_e0204() {
    let d = only(
        r#"openapi: 3.0.3
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
components:
  schemas:
    Thing:
      type: object
      required:
        - id
        - colour
      properties:
        id:
          type: string
        color:
          type: string
"#,
    );
    assert_eq!(d.code, "E0204");
    assert_eq!(d.pointer, "#/components/schemas/Thing/required/1");
    assert_eq!(at(&d), (20, 11));
    assert!(d.message.contains("`colour`"), "{d:?}");
}

#[test]
fn enum_varnames_of_the_wrong_length_give_e0203() {
    let d = only(
        r#"openapi: 3.0.3
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
components:
  schemas:
    Color:
      type: string
      enum: [red, green, blue]
      x-enum-varnames: [Red, Green]
"#,
    );
    assert_eq!(d.code, "E0203");
    assert_eq!(d.pointer, "#/components/schemas/Color/x-enum-varnames");
    assert_eq!(at(&d), (19, 7));
    assert!(d.message.contains('3'), "{d:?}");
}

#[test]
fn server_enum_varnames_of_the_wrong_length_give_e0203() {
    let d = only(
        r#"openapi: 3.0.3
info:
  title: T
  version: "1"
servers:
  - url: https://api.{region}.example.com
    variables:
      region:
        default: us
        enum: [us, eu]
        x-enum-varnames: [US, EU, IN]
paths:
  /things:
    get:
      operationId: listThings
      responses:
        "200":
          description: ok
"#,
    );
    assert_eq!(d.code, "E0203");
    assert_eq!(d.pointer, "#/servers/0/variables/region/x-enum-varnames");
    assert_eq!(at(&d), (11, 9));
}

#[test]
fn unsupported_combinations_give_their_codes() {
    let diagnostics = problems(
        r##"openapi: 3.0.3
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
components:
  schemas:
    Base:
      type: object
      properties:
        id:
          type: string
    Extended:
      allOf:
        - $ref: "#/components/schemas/Base"
        - type: string
    Clash:
      allOf:
        - $ref: "#/components/schemas/Base"
        - type: object
          properties:
            id:
              type: integer
    Tagged:
      oneOf:
        - type: object
      discriminator:
        propertyName: kind
    NotAString:
      not:
        type: string
"##,
    );
    let found: Vec<(&str, &str, usize, bool)> = diagnostics
        .items
        .iter()
        .map(|d| (d.code, d.pointer.as_str(), at(d).0, d.hint.is_some()))
        .collect();
    assert_eq!(
        found,
        [
            ("E0201", "#/components/schemas/Extended/allOf/1", 24, true),
            (
                "E0207",
                "#/components/schemas/Clash/allOf/1/properties/id",
                30,
                true
            ),
            ("E0201", "#/components/schemas/Tagged/oneOf/0", 34, true),
            ("E0201", "#/components/schemas/NotAString", 37, true),
        ],
        "{diagnostics}"
    );
    assert!(diagnostics.items[0].message.contains("`allOf` part"));
    assert!(diagnostics.items[1].message.contains("`id`"));
    assert!(diagnostics.items[2].message.contains("`discriminator`"));
    assert!(diagnostics.items[3].message.contains("`not`"));
}

// Several problems at once.

/// Three problems in three stages of lowering, found in another order than the
/// file's: schemas are checked before paths, and their problems listed after.
const THREE_PROBLEMS: &str = r#"openapi: 3.0.3
info:
  title: T
  version: "1"
servers:
  - url: https://api.example.com
components:
  schemas:
    Thing:
      type: object
      required: [id, name]
      properties:
        id:
          type: string
paths:
  /things:
    head:
      operationId: checkThings
      responses:
        "204":
          description: ok
  /things/{thing_id}:
    get:
      operationId: getThing
      responses:
        "200":
          description: ok
"#;

#[test]
fn three_problems_are_all_reported_sorted_by_line() {
    let diagnostics = problems(THREE_PROBLEMS);
    let found: Vec<(&str, usize, &str)> = diagnostics
        .items
        .iter()
        .map(|d| (d.code, at(d).0, d.pointer.as_str()))
        .collect();
    assert_eq!(
        found,
        [
            ("E0204", 11, "#/components/schemas/Thing/required/1"),
            ("E0301", 17, "#/paths/~1things/head"),
            ("E0303", 23, "#/paths/~1things~1{thing_id}/get"),
        ],
        "{diagnostics}"
    );
}

#[test]
fn every_lowering_problem_is_reported_in_one_run() {
    let diagnostics = problems(
        r##"openapi: 3.0.3
info:
  title: T
  version: "1"
servers:
  - url: https://api.example.com
paths:
  /a/{missing}:
    get:
      operationId: first
      responses:
        "200":
          description: ok
  /b:
    get:
      operationId: first
      parameters:
        - name: stray
          in: path
          required: true
          schema:
            type: string
        - name: session
          in: cookie
          schema:
            type: array
            items:
              type: string
        - $ref: "#/components/parameters/Nope"
      responses:
        "200":
          $ref: "#/components/responses/Nope"
    head:
      operationId: upload
      responses:
        "204":
          description: ok
components:
  schemas:
    Thing:
      type: object
      required: [ghost]
      properties:
        owner:
          $ref: "#/components/schemas/Nobody"
    Color:
      type: string
      enum: [red]
      x-enum-varnames: []
    Mixed:
      not:
        type: object
"##,
    );
    let mut found = codes(&diagnostics);
    found.sort_unstable();
    assert_eq!(
        found,
        [
            "E0101", "E0101", "E0101", "E0201", "E0203", "E0204", "E0301", "E0302", "E0303",
            "E0304", "E0305",
        ],
        "{diagnostics}"
    );
    let lines: Vec<usize> = diagnostics.items.iter().map(|d| at(d).0).collect();
    assert!(
        lines.is_sorted(),
        "not sorted by line: {lines:?}\n{diagnostics}"
    );
    assert!(
        diagnostics
            .to_string()
            .ends_with("11 problems in broken.yaml"),
        "{diagnostics}"
    );
}

#[test]
fn the_message_format_is_pinned() {
    insta::assert_snapshot!("three_problems", problems(THREE_PROBLEMS).to_string());
}

// Robustness.

/// A schema that holds itself is valid OpenAPI, but a struct that holds itself
/// without indirection has infinite size: the generator must box the field (or
/// refuse the spec with a diagnostic), never write a crate that does not compile.
#[test]
fn a_recursive_schema_is_boxed_or_rejected() {
    let spec = r##"openapi: 3.0.3
info:
  title: T
  version: "1"
servers:
  - url: https://api.example.com
paths:
  /nodes:
    get:
      operationId: getNode
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema:
                $ref: "#/components/schemas/Node"
components:
  schemas:
    Node:
      type: object
      properties:
        next:
          $ref: "#/components/schemas/Node"
"##;
    let settings = workspace::default_settings();
    let result = catch_unwind(AssertUnwindSafe(|| {
        generator::generate(spec, FILE, &settings)
    }));
    let Ok(result) = result else {
        panic!("the generator panicked on a recursive schema");
    };
    let Ok(output) = result else {
        return; // Refused with a diagnostic: acceptable.
    };
    let types = &output.files["src/types.rs"];
    let field = types
        .lines()
        .find(|line| line.contains("pub next:"))
        .unwrap_or_else(|| panic!("no `next` field:\n{types}"));
    assert!(
        field.contains("Box<"),
        "`Node.next` holds a `Node` without indirection, so the crate does not compile \
         (error[E0072]: recursive type has infinite size): {}",
        field.trim()
    );
}

#[test]
fn odd_documents_never_panic() {
    let documents = [
        "",
        "~",
        "[]",
        "- a\n- b\n",
        "just a string",
        "42",
        "\u{0}\u{1}",
        "openapi: 3.0.3\n",
        "openapi: [3, 0]\n",
        "openapi: 3.0.3\ninfo: 5\npaths: []\n",
        "openapi: 3.0.3\ninfo: {title: T, version: '1'}\npaths: {}\n",
        "openapi: 3.0.3\ninfo: &i {title: T, version: '1'}\nx-copy: *i\npaths: {}\n",
        "openapi: 3.0.3\n? [complex, key]\n: value\ninfo: {title: T, version: '1'}\npaths: {}\n",
        "openapi: 3.0.3\ninfo:\n\ttitle: T\n",
        "openapi: 3.0.3\ninfo: {title: T, version: '1'}\nservers: [{url: '/relative'}]\npaths: {}\n",
        "openapi: 3.0.3\ninfo: {title: T, version: '1'}\nservers: [{url: 'https://x'}]\npaths:\n  /a:\n    $ref: '#/paths/~1b'\n",
        "openapi: 3.0.3\ninfo: {title: T, version: '1'}\nservers: [{url: 'https://x'}]\npaths: {}\ncomponents:\n  schemas:\n    A: {$ref: '#/components/schemas/B'}\n    B: {$ref: '#/components/schemas/C'}\n",
    ];
    for document in documents {
        let settings = workspace::default_settings();
        let result = catch_unwind(AssertUnwindSafe(|| {
            generator::generate(document, FILE, &settings)
        }));
        let Ok(result) = result else {
            panic!("the generator panicked on {document:?}");
        };
        if let Err(diagnostics) = result {
            assert!(!diagnostics.items.is_empty(), "{document:?}");
            for d in &diagnostics.items {
                assert!(
                    d.code.len() == 5 && d.code.starts_with('E'),
                    "{document:?}: {d:?}"
                );
                assert!(d.pointer.starts_with('#'), "{document:?}: {d:?}");
            }
        }
    }
}

/// Without `--strict`, an operation whose only problems are features outside the
/// subset is left out with warnings, and the summary counts it; mistakes in the
/// spec still fail.
#[test]
fn unsupported_operations_are_skipped_with_warnings_unless_strict() {
    let spec = r##"openapi: 3.0.3
info:
  title: T
  version: "1"
servers:
  - url: https://api.example.com
paths:
  /upload:
    head:
      operationId: upload
      responses:
        "204":
          description: ok
  /things:
    get:
      operationId: listThings
      responses:
        "204":
          description: ok
"##;
    let refused = generator::generate(spec, "skip.yaml", &strict());
    assert!(
        refused.is_err(),
        "a HEAD operation was accepted with --strict"
    );
    let settings = generator::workspace::default_settings();
    let output = generator::generate(spec, "skip.yaml", &settings).expect("skipped, not failed");
    let client = &output.files["src/client.rs"];
    assert!(client.contains("pub fn list_things<"), "{client}");
    assert!(!client.contains("pub fn upload<"), "{client}");
    let warnings = output.warnings.render("warning");
    assert!(
        warnings.starts_with(
            "warning[E0301]: operation `upload` skipped: `HEAD` operations are not supported"
        ),
        "{warnings}"
    );
    assert!(warnings.contains("skip.yaml:9:5"), "{warnings}");
    assert_eq!(
        output.summary(),
        "generated 1 of 2 operations; 1 skipped (E0301 ×1)"
    );

    let broken = spec.replace("operationId: listThings", "operationId: upload");
    let still = generator::generate(&broken, "skip.yaml", &settings);
    assert!(still.is_err(), "a duplicate operationId must still fail");
}

/// A UTF-8 byte-order mark before the document is not content: the file loads and
/// every diagnostic keeps its line and column.
#[test]
fn a_byte_order_mark_keeps_lines_and_columns() {
    let with_mark = format!("\u{feff}{THREE_PROBLEMS}");
    let plain = problems(THREE_PROBLEMS);
    let marked = problems(&with_mark);
    let places = |d: &Diagnostics| -> Vec<Option<(usize, usize)>> {
        d.items
            .iter()
            .map(|item| item.location.map(|l| (l.line, l.column)))
            .collect()
    };
    assert_eq!(places(&marked), places(&plain), "{marked}");
    assert!(places(&marked).iter().all(Option::is_some), "{marked}");
    assert!(
        generator::generate(
            &format!("\u{feff}{VALID}"),
            FILE,
            &workspace::default_settings()
        )
        .is_ok(),
        "a valid spec with a byte-order mark is accepted"
    );
}
