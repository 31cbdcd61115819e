//! Synthetic OpenAPI 3.0 specs of any number of operations, for the scaling benches.
//!
//! A spec of `n` operations describes `ceil(n / 5)` resources, each with the five
//! operations of a REST collection (the last resource is cut short when `n` is not a
//! multiple of five):
//!
//! | operation | parameters | body | answers |
//! | --- | --- | --- | --- |
//! | `list{R}` `GET /orgs/{org}/{r}` | `org` (`$ref`), `limit` (`$ref`), `cursor`, `status`, `include_archived`, header `X-Request-Id` | | 200 page `$ref`, 400 / 404 / 500 `$ref` responses |
//! | `create{R}` `POST /orgs/{org}/{r}` | `org` | `$ref` to a request body or a schema | 200 and 201, same schema |
//! | `get{R}` `GET /orgs/{org}/{r}/{id}` | path-level `org`, `id` (int64) | | 200, 404 |
//! | `update{R}` `PUT /orgs/{org}/{r}/{id}` | `dry_run` | schema `$ref` | 200, 400, 404 |
//! | `delete{R}` `DELETE /orgs/{org}/{r}/{id}` | | | 204, 404 |
//!
//! Each resource has its own object schemas (item, input, page), a string enum, an
//! integer enum named by `x-enum-varnames`, an inline nested object, an array, a map,
//! a nullable field, a `$ref` to a schema shared by all resources, and (every fourth
//! resource) a `oneOf`. Everything stays inside the generator's supported subset, and
//! inside what progenitor and openapi-generator accept (no `default` responses).
//!
//! The text depends only on `n`: no randomness, no hash order.

use std::fmt::Write as _;

/// Resource nouns, cycled; the resource's index makes every name unique.
const NOUNS: [&str; 12] = [
    "pet", "order", "invoice", "project", "goal", "event", "report", "ticket", "device", "coupon",
    "playlist", "shipment",
];

/// A deterministic OpenAPI 3.0.3 spec (YAML) with exactly `operations` operations.
pub fn spec(operations: usize) -> String {
    let resources = operations.div_ceil(5);
    let mut out = String::with_capacity(operations * 1_600 + 4_096);
    header(&mut out, operations);
    out.push_str("paths:\n");
    for r in 0..resources {
        let ops = (operations - r * 5).min(5);
        paths(&mut out, r, ops);
    }
    components(&mut out, resources);
    out
}

fn names(r: usize) -> (String, String) {
    let noun = NOUNS[r % NOUNS.len()];
    let snake = format!("{noun}{r}");
    let mut pascal = snake.clone();
    pascal[..1].make_ascii_uppercase();
    (snake, pascal)
}

fn header(out: &mut String, operations: usize) {
    let _ = write!(
        out,
        "\
openapi: 3.0.3
info:
  title: Synthetic API with {operations} operations
  version: 1.0.0
  description: >-
    Made by benches/src/synth.rs for the generation benchmarks: REST collections
    with parameters, bodies, enums and $refs.
servers:
  - url: https://api.example.com/v1
security:
  - bearerAuth: []
"
    );
}

fn paths(out: &mut String, r: usize, ops: usize) {
    let (snake, pascal) = names(r);
    // The collection: list and create.
    let _ = writeln!(out, "  /orgs/{{org}}/{snake}s:");
    if ops > 0 {
        let _ = write!(
            out,
            "    get:
      operationId: list{pascal}s
      summary: List the {snake}s of an organisation
      description: Pages through the {snake}s, newest first.
      tags: [{snake}]
      parameters:
        - $ref: '#/components/parameters/Org'
        - $ref: '#/components/parameters/Limit'
        - name: cursor
          in: query
          description: Where the previous page ended.
          schema:
            type: string
        - name: status
          in: query
          description: Only {snake}s in this state (draft, active, paused or archived).
          schema:
            type: string
        - name: include_archived
          in: query
          schema:
            type: boolean
        - name: X-Request-Id
          in: header
          description: An id the server echoes in its logs.
          schema:
            type: string
      responses:
        '200':
          description: One page of {snake}s.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/{pascal}Page'
        '400':
          $ref: '#/components/responses/BadRequest'
        '404':
          $ref: '#/components/responses/NotFound'
        '500':
          $ref: '#/components/responses/ServerError'
"
        );
    }
    if ops > 1 {
        // Alternate between a `$ref` to a request body and a `$ref` to a schema.
        let body = if r % 2 == 0 {
            format!("        $ref: '#/components/requestBodies/{pascal}Input'\n")
        } else {
            format!(
                "        required: true
        description: The {snake} to create.
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/{pascal}Input'
"
            )
        };
        let _ = write!(
            out,
            "    post:
      operationId: create{pascal}
      summary: Create a {snake}
      tags: [{snake}]
      parameters:
        - $ref: '#/components/parameters/Org'
      requestBody:
{body}      responses:
        '200':
          description: The {snake} already existed.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/{pascal}'
        '201':
          description: The {snake} was created.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/{pascal}'
        '400':
          $ref: '#/components/responses/BadRequest'
        '500':
          $ref: '#/components/responses/ServerError'
"
        );
    }
    if ops <= 2 {
        return;
    }
    // The item: get, update, delete; `org` and the id given once at the path level.
    let _ = write!(
        out,
        "  /orgs/{{org}}/{snake}s/{{{snake}_id}}:
    parameters:
      - $ref: '#/components/parameters/Org'
      - name: {snake}_id
        in: path
        required: true
        description: Numeric id of the {snake}.
        schema:
          type: integer
          format: int64
    get:
      operationId: get{pascal}
      summary: Get a {snake}
      tags: [{snake}]
      responses:
        '200':
          description: The {snake}.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/{pascal}'
        '404':
          $ref: '#/components/responses/NotFound'
"
    );
    if ops > 3 {
        let _ = write!(
            out,
            "    put:
      operationId: update{pascal}
      summary: Replace a {snake}
      tags: [{snake}]
      parameters:
        - name: dry_run
          in: query
          description: Check the request without changing anything.
          schema:
            type: boolean
      requestBody:
        required: true
        content:
          application/json:
            schema:
              $ref: '#/components/schemas/{pascal}Input'
      responses:
        '200':
          description: The {snake} as stored.
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/{pascal}'
        '400':
          $ref: '#/components/responses/BadRequest'
        '404':
          $ref: '#/components/responses/NotFound'
"
        );
    }
    if ops > 4 {
        let _ = write!(
            out,
            "    delete:
      operationId: delete{pascal}
      summary: Delete a {snake}
      tags: [{snake}]
      responses:
        '204':
          description: Deleted.
        '404':
          $ref: '#/components/responses/NotFound'
"
        );
    }
}

fn components(out: &mut String, resources: usize) {
    out.push_str(
        "\
components:
  securitySchemes:
    bearerAuth:
      type: http
      scheme: bearer
  parameters:
    Org:
      name: org
      in: path
      required: true
      description: Slug of the organisation.
      schema:
        type: string
    Limit:
      name: limit
      in: query
      description: The most items one page holds.
      schema:
        type: integer
        format: int32
  responses:
    BadRequest:
      description: The request does not match the spec.
      content:
        application/json:
          schema:
            $ref: '#/components/schemas/Error'
    NotFound:
      description: No such resource.
      content:
        application/json:
          schema:
            $ref: '#/components/schemas/Error'
    ServerError:
      description: The server failed.
      content:
        application/json:
          schema:
            $ref: '#/components/schemas/Error'
  requestBodies:
",
    );
    for r in (0..resources).step_by(2) {
        let (snake, pascal) = names(r);
        let _ = write!(
            out,
            "    {pascal}Input:
      required: true
      description: The {snake} to create.
      content:
        application/json:
          schema:
            $ref: '#/components/schemas/{pascal}Input'
"
        );
    }
    out.push_str(
        "  schemas:
    Error:
      type: object
      required: [code, message]
      properties:
        code:
          type: integer
        message:
          type: string
        details:
          type: array
          items:
            type: string
    Owner:
      type: object
      description: Who owns a resource.
      required: [id]
      properties:
        id:
          type: string
        display_name:
          type: string
        email:
          type: string
          nullable: true
",
    );
    for r in 0..resources {
        schemas(out, r);
    }
}

fn schemas(out: &mut String, r: usize) {
    let (snake, pascal) = names(r);
    let _ = write!(
        out,
        "    {pascal}Status:
      type: string
      description: Where a {snake} is in its life.
      enum: [draft, active, paused, archived]
    {pascal}Priority:
      type: integer
      description: How urgent a {snake} is.
      enum: [1, 2, 3]
      x-enum-varnames: [Low, Normal, High]
    {pascal}:
      type: object
      description: A {snake}.
      required: [id, name, status]
      properties:
        id:
          type: integer
          format: int64
        name:
          type: string
          description: Display name of the {snake}.
        status:
          $ref: '#/components/schemas/{pascal}Status'
        priority:
          $ref: '#/components/schemas/{pascal}Priority'
        score:
          type: number
          format: float
        tags:
          type: array
          items:
            type: string
        labels:
          type: object
          additionalProperties:
            type: string
        owner:
          $ref: '#/components/schemas/Owner'
        archived_at:
          type: string
          nullable: true
        dimensions:
          type: object
          properties:
            width:
              type: number
            height:
              type: number
"
    );
    if r % 4 == 3 {
        out.push_str(
            "        external_ref:
          oneOf:
            - type: string
            - type: integer
",
        );
    }
    let _ = write!(
        out,
        "    {pascal}Input:
      type: object
      required: [name]
      properties:
        name:
          type: string
        status:
          $ref: '#/components/schemas/{pascal}Status'
        priority:
          $ref: '#/components/schemas/{pascal}Priority'
        tags:
          type: array
          items:
            type: string
        labels:
          type: object
          additionalProperties:
            type: string
    {pascal}Page:
      type: object
      required: [items]
      properties:
        items:
          type: array
          items:
            $ref: '#/components/schemas/{pascal}'
        next_cursor:
          type: string
          nullable: true
        total:
          type: integer
"
    );
}

#[cfg(test)]
mod tests {
    use super::spec;

    #[test]
    fn exact_operation_counts() {
        for n in [1, 4, 5, 10, 12] {
            let text = spec(n);
            assert_eq!(text.matches("operationId:").count(), n, "{n} operations");
        }
    }

    #[test]
    fn deterministic() {
        assert_eq!(spec(37), spec(37));
    }

    #[test]
    fn generates_without_diagnostics() {
        let settings = generator::workspace::default_settings();
        for n in [3, 10, 23] {
            if let Err(diagnostics) = generator::generate(&spec(n), "synthetic.yaml", &settings) {
                panic!("{n} operations: {diagnostics}");
            }
        }
    }
}
