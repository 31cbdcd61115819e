//! The generated crate's `README.md`, which is also its crate documentation, so its
//! example is compiled as a doctest.

use std::fmt::Write;

use crate::Settings;
use crate::model::{Api, Operation, ParamLocation, TypeRef};
use crate::naming;

/// The README text, after the header.
pub fn readme(api: &Api, settings: &Settings) -> String {
    let mut out = String::new();
    let crate_ident = settings.crate_name.replace('-', "_");
    let _ = writeln!(
        out,
        "# `{}`: a typed Rust client for {}\n",
        settings.crate_name, api.title
    );
    for line in &api.docs {
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(
        out,
        "\nThis crate is generated from `{}` (API version {}). Do not edit it: change the spec \
         and regenerate.\n",
        settings.spec_label, api.version
    );
    let _ = writeln!(
        out,
        "## Usage\n\n```rust,no_run\n{}```\n",
        example(api, &crate_ident)
    );
    operations_table(&mut out, api);
    out.push_str(GUARANTEES);
    out
}

/// A compiled example: build a client, make a call, handle the error.
fn example(api: &Api, crate_ident: &str) -> String {
    let choice = api.server.choice.as_ref().and_then(|c| {
        let option = c
            .options
            .iter()
            .enumerate()
            .find(|(i, _)| *i != c.default)
            .map(|(_, o)| o)?;
        Some((c, option))
    });
    let mut imports = vec!["Client", "Error"];
    if let Some((c, _)) = &choice {
        imports.push(c.type_name.as_str());
    }
    let mut code = format!("use {crate_ident}::{{{}}};\n\n", imports.join(", "));
    code.push_str("# async fn example() -> Result<(), Error> {\nlet client = Client::builder()\n");
    if let Some((c, option)) = &choice {
        let method = naming::snake(&c.type_name);
        let _ = writeln!(code, "    .{method}({}::{})", c.type_name, option.rust_name);
    }
    if api.auth.is_some() {
        code.push_str("    .access_token(\"your-access-token\")\n");
    }
    code.push_str("    .build()?;\n");
    if let Some(op) = api.operations.iter().find(|op| simple(op)) {
        let args: Vec<String> = op
            .params
            .iter()
            .filter(|p| p.required)
            .map(|p| format!("\"example-{}\"", p.wire_name.replace('_', "-")))
            .chain(
                op.params
                    .iter()
                    .filter(|p| !p.required)
                    .map(|_| "None".to_owned()),
            )
            .collect();
        let _ = write!(
            code,
            "\nmatch client.{}({}).await {{\n    Ok(answer) => println!(\"{{answer:?}}\"),\n    \
             Err(Error::Api(error)) => eprintln!(\"HTTP {{}}: {{:?}}\", error.status(), error.body()),\n    \
             Err(other) => return Err(other),\n}}\n",
            op.fn_name.trim_start_matches("r#"),
            args.join(", ")
        );
    } else {
        code.push_str("println!(\"{client:?}\");\n");
    }
    code.push_str("# Ok(())\n# }\n");
    code
}

/// An operation the example can call with string literals alone.
fn simple(op: &Operation) -> bool {
    op.body.is_none()
        && op
            .params
            .iter()
            .all(|p| p.ty == TypeRef::String && (p.required || p.location != ParamLocation::Path))
        && op
            .params
            .iter()
            .filter(|p| !p.required)
            .all(|p| p.ty == TypeRef::String)
        && !op.fn_name.starts_with("r#")
        && op.params.iter().filter(|p| !p.required).count() == 0
}

fn operations_table(out: &mut String, api: &Api) {
    out.push_str(
        "## Operations\n\n| operation | request | `Client` method |\n| --- | --- | --- |\n",
    );
    for op in &api.operations {
        let _ = writeln!(
            out,
            "| `{}` | `{} {}` | [`Client::{}`] |",
            op.id,
            op.method.as_str(),
            op.path_template,
            op.fn_name.trim_start_matches("r#")
        );
    }
    out.push('\n');
}

const GUARANTEES: &str = "## What to expect

- **Errors.** Every method returns `Result<_, Error>`. An answer with an error status is
  `Error::Api`, which keeps the HTTP status, the body decoded as the spec's error schema
  when it is one, and the raw body. A success answer that does not match the spec is
  `Error::Decode`, naming the field that failed and keeping the body. Connection
  failures are `Error::Transport`.
- **Unknown values.** Objects keep properties the spec does not list in
  `additional_properties`; enums keep values the spec does not list in `Unknown`, and
  write them back unchanged.
- **Paths.** Every path parameter is percent-encoded as a single segment: `/`, `?`, `#`,
  `%` and non-ASCII characters stay inside it; an empty value, `.` or `..` is refused
  before anything is sent.
- **Secrets.** The access token is sent in a header marked sensitive and never appears
  in `Debug`, `Display` or errors. A base URL with plain `http://` is refused unless it
  points at a loopback address.
";
