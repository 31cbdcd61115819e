#!/usr/bin/env python3
"""Print the corpus table of tests/corpus/README.md.

Reads every file in tests/corpus/documents/ and prints one Markdown table row
per document: file name, OpenAPI version, title and API version (from `info`),
origin, kind of origin, licence, operations count, size in bytes and SHA-256.

The origin, kind, licence and notes of each document are recorded below by
hand (they cannot be read from the document); everything else is computed.
This script only reads files: it writes nothing, fetches nothing and runs
nothing else.

Usage:  python3 tests/corpus/inventory.py           # table rows (header included)
        python3 tests/corpus/inventory.py --check   # also fail if a document has no
                                                    # entry below, or an entry has no document

Needs PyYAML (`pip install pyyaml`) for the YAML documents.
"""

import hashlib
import json
import os
import sys

try:
    import yaml
except ImportError:  # pragma: no cover - message for a machine without PyYAML
    sys.exit("inventory.py needs PyYAML: pip install pyyaml")

HERE = os.path.dirname(os.path.abspath(__file__))
DOCS = os.path.join(HERE, "documents")

# The eight HTTP methods a Path Item Object can hold (OpenAPI 3.0.x, 4.8.9).
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")

OAI = "GitHub OAI/OpenAPI-Specification at commit fad4c13dd669bf5c794f477ffaf31900f8e64418 (2024-10-28, the last commit with examples/v3.0/), "
README_PKG = "npm package @readme/oas-examples@8.2.2, file "
DRF = "PyPI package drf-spectacular==0.30.0 (sdist drf_spectacular-0.30.0.tar.gz), file drf_spectacular-0.30.0/"
PROG = "GitHub oxidecomputer/progenitor at commit 73922cf62eadc53bb125470707ccec3dedfa01ff, "
TWILIO = "GitHub twilio/twilio-oai at commit d50069b44ea8cd23141385bdb6db48f16ff75bb5, "

# file name -> (origin, kind, licence, notes)
ORIGINS = {
    # --- OpenAPI Initiative examples (Apache-2.0) ---------------------------------
    "oai-petstore.yaml": (
        OAI + "examples/v3.0/petstore.yaml",
        "OpenAPI Initiative example",
        "Apache-2.0 (repository LICENSE); info.license names MIT for the fictional API",
        ""),
    "oai-petstore-expanded.yaml": (
        OAI + "examples/v3.0/petstore-expanded.yaml",
        "OpenAPI Initiative example", "Apache-2.0 (repository LICENSE)", ""),
    "oai-api-with-examples.yaml": (
        OAI + "examples/v3.0/api-with-examples.yaml",
        "OpenAPI Initiative example", "Apache-2.0 (repository LICENSE)",
        "responses without schemas, examples only"),
    "oai-callback-example.yaml": (
        OAI + "examples/v3.0/callback-example.yaml",
        "OpenAPI Initiative example", "Apache-2.0 (repository LICENSE)", "callbacks"),
    "oai-link-example.yaml": (
        OAI + "examples/v3.0/link-example.yaml",
        "OpenAPI Initiative example", "Apache-2.0 (repository LICENSE)", "links"),
    "oai-uspto.yaml": (
        OAI + "examples/v3.0/uspto.yaml",
        "OpenAPI Initiative example", "Apache-2.0 (repository LICENSE)",
        "form-urlencoded body"),
    # --- ReadMe's example collection (MIT) ----------------------------------------
    "readme-polymorphism.json": (
        README_PKG + "3.0/json/polymorphism.json",
        "other (API-tooling example collection)", "MIT (package LICENSE.md)", "oneOf/anyOf/allOf"),
    "readme-discriminators.yaml": (
        README_PKG + "3.0/yaml/discriminators.yaml",
        "other (API-tooling example collection)", "MIT (package LICENSE.md)", "discriminator mappings"),
    "readme-parameters-style.yaml": (
        README_PKG + "3.0/yaml/parameters-style.yaml",
        "other (API-tooling example collection)", "MIT (package LICENSE.md)",
        "every style/explode combination"),
    "readme-schema-types.json": (
        README_PKG + "3.0/json/schema-types.json",
        "other (API-tooling example collection)", "MIT (package LICENSE.md)", ""),
    "readme-security.yaml": (
        README_PKG + "3.0/yaml/security.yaml",
        "other (API-tooling example collection)", "MIT (package LICENSE.md)",
        "every security scheme type"),
    "readme-schema-circular.json": (
        README_PKG + "3.0/json/schema-circular.json",
        "other (API-tooling example collection)", "MIT (package LICENSE.md)", "recursive schemas"),
    "readme-http-status-codes.json": (
        README_PKG + "3.0/json/http-status-codes.json",
        "other (API-tooling example collection)", "MIT (package LICENSE.md)",
        "one operation per status code"),
    # --- drf-spectacular: schemas emitted for Django REST framework views (BSD-3) ---
    "drf-spectacular-rest-framework-gis.yaml": (
        DRF + "tests/contrib/test_rest_framework_gis.yml",
        "framework-emitted (Django REST framework + drf-spectacular)",
        "BSD-3-Clause (package LICENSE)", "empty info.title"),
    "drf-spectacular-extend-schema-view.yaml": (
        DRF + "tests/test_extend_schema_view.yml",
        "framework-emitted (Django REST framework + drf-spectacular)",
        "BSD-3-Clause (package LICENSE)", "empty info.title"),
    "drf-spectacular-rest-polymorphic.yaml": (
        DRF + "tests/contrib/test_rest_polymorphic.yml",
        "framework-emitted (Django REST framework + drf-spectacular)",
        "BSD-3-Clause (package LICENSE)", "empty info.title; oneOf + discriminator"),
    "drf-spectacular-callbacks.yaml": (
        DRF + "tests/test_callbacks.yml",
        "framework-emitted (Django REST framework + drf-spectacular)",
        "BSD-3-Clause (package LICENSE)", "empty info.title; callbacks"),
    "drf-spectacular-rest-auth-token.yaml": (
        DRF + "tests/contrib/test_rest_auth_token.yml",
        "framework-emitted (Django REST framework + drf-spectacular)",
        "BSD-3-Clause (package LICENSE)", "empty info.title"),
    # --- progenitor's sample_openapi/ ----------------------------------------------
    "github-rest-api.json": (
        PROG + "sample_openapi/api.github.com.json (a copy of GitHub's description from "
        "github/rest-api-description, per sample_openapi/README.md; unchanged since progenitor commit 97857c3 of 2021-10-17)",
        "vendor (GitHub), via a generator's test inputs",
        "MIT (the document's info.license: MIT, spdx)",
        "over 500 operations; example values under components/examples/scim-enterprise-group* hold objects with a \"$ref\" key (a URL): data, not references"),
    "oxide-nexus.json": (
        PROG + "sample_openapi/nexus.json (from oxidecomputer/omicron, per sample_openapi/README.md)",
        "framework-emitted (Dropshot)", "MPL-2.0 (progenitor LICENSE)", ""),
    "oxide-propolis-server.json": (
        PROG + "sample_openapi/propolis-server.json (from oxidecomputer/propolis, per sample_openapi/README.md)",
        "framework-emitted (Dropshot)", "MPL-2.0 (progenitor LICENSE)", ""),
    "progenitor-buildomat.json": (
        PROG + "sample_openapi/buildomat.json (from oxidecomputer/buildomat, diverged to test progenitor features)",
        "generator test input", "MPL-2.0 (progenitor LICENSE)",
        "fails openapi-spec-validator 0.9.0: an operation's `responses` is `{}`"),
    "progenitor-keeper.json": (
        PROG + "sample_openapi/keeper.json (from jclulow/keeper, diverged to test progenitor features)",
        "generator test input", "MPL-2.0 (progenitor LICENSE)", ""),
    # --- vendors -------------------------------------------------------------------
    "vault.yaml": (
        "GitHub hashicorp/vault-client-go at commit 3cf2367cc723497a16a81439aff84ec4d551b0b4 "
        "(2022-11-01, \"Upgrade to latest OAS 1.13 spec\"), api/openapi.yaml (removed from the repository later)",
        "framework-emitted (Vault's own OpenAPI output)",
        "MPL-2.0 (repository LICENSE at that commit; also info.license)", "over 500 operations"),
    "openai.yaml": (
        "GitHub openai/openai-openapi at commit 498c71ddf6f1c45b983f972ccabca795da211a3e "
        "(2025-04-29, the last commit whose openapi.yaml is 3.0.x), openapi.yaml",
        "vendor (OpenAI)", "MIT (repository LICENSE; also info.license)",
        "fails openapi-spec-validator 0.9.0: uses `$recursiveRef` (JSON Schema 2019-09) in components/schemas/CompoundFilter"),
    "stripe.yaml": (
        "GitHub stripe/openapi at commit 63a674638635c68de26b9f3add13e58198f4df44 "
        "(2023-09-12, the last commit whose openapi/spec3.yaml is under 4 MiB), openapi/spec3.yaml",
        "vendor (Stripe)", "MIT (repository LICENSE at that commit)",
        "`components` comes before `openapi` in the file; expandable fields are anyOf of an id string and an object (x-expansionResources)"),
    "twilio-api-v2010.json": (
        TWILIO + "spec/json/twilio_api_v2010.json",
        "vendor (Twilio)",
        "MIT (repository LICENSE); the document's info.license names Apache 2.0", ""),
    "twilio-messaging-v1.json": (
        TWILIO + "spec/json/twilio_messaging_v1.json",
        "vendor (Twilio)",
        "MIT (repository LICENSE); the document's info.license names Apache 2.0", ""),
    "blockfrost.yaml": (
        "npm package @blockfrost/openapi@0.1.93, file openapi.yaml",
        "vendor (Blockfrost)", "MIT (package LICENSE file; also info.license)",
        "fails openapi-spec-validator 0.9.0: `type: 'null'` (3.1 style) in components/schemas/dreps"),
    # --- other generators' and libraries' test inputs -------------------------------
    "openapi-python-client-baseline.json": (
        "GitHub openapi-generators/openapi-python-client at commit ee9a8c435b92e7425a0b68be2d42bae977bf7526, "
        "end_to_end_tests/baseline_openapi_3.0.json",
        "generator test input", "MIT (repository LICENSE)",
        "fails openapi-spec-validator 0.9.0: uses `const` (not in 3.0) under /models/oneof-with-required-const"),
    "datamodel-code-generator-allowreserved-path.yaml": (
        "PyPI package datamodel-code-generator==0.89.0 (sdist datamodel_code_generator-0.89.0.tar.gz), file "
        "datamodel_code_generator-0.89.0/tests/data/generation_platform/client/allowreserved-path-30.yaml",
        "generator test input", "MIT (package LICENSE)", "allowReserved with every style"),
    "openapi-core-petstore.yaml": (
        "PyPI package openapi-core==0.23.1 (sdist openapi_core-0.23.1.tar.gz), file "
        "openapi_core-0.23.1/tests/integration/data/v3.0/petstore.yaml",
        "other (validation library test input)",
        "BSD-3-Clause (package LICENSE); info.license names MIT for the fictional API", ""),
    # --- OpenAPI 3.1 documents -----------------------------------------------------
    "fastapi-airflow-v2.yaml": (
        "PyPI package apache-airflow-core==3.3.2 (wheel apache_airflow_core-3.3.2-py3-none-any.whl), file "
        "airflow/api_fastapi/core_api/openapi/v2-rest-api-generated.yaml",
        "framework-emitted (FastAPI; Apache Airflow's public REST API)",
        "Apache-2.0 (wheel METADATA License-Expression, LICENSE and NOTICE)",
        "OpenAPI 3.1: anyOf with {type: 'null'} (638), const, prefixItems tuples, numeric exclusiveMinimum, $ref beside default; no servers"),
    "figma.yaml": (
        "npm package @figma/rest-api-spec@0.43.0, file package/openapi/openapi.yaml",
        "vendor (Figma)",
        "MIT (package LICENSE; package.json says \"MIT License\")",
        "OpenAPI 3.1: type arrays [X, 'null'], oneOf with {type: 'null'}, $ref beside description"),
    "scalar-galaxy.yaml": (
        "npm package @scalar/galaxy@0.6.12, file package/dist/3.1.yaml",
        "tool test input (Scalar's example document for OpenAPI tools)",
        "MIT (package.json and package LICENSE; also info.license)",
        "OpenAPI 3.1.1: webhooks, examples arrays in schemas, type arrays, numeric exclusive bounds, $dynamicRef/$dynamicAnchor, $defs, $id"),
    "openapi-spec-validator-petstore31.yaml": (
        "PyPI package openapi-spec-validator==0.9.0 (sdist openapi_spec_validator-0.9.0.tar.gz), file "
        "openapi_spec_validator-0.9.0/tests/integration/data/v3.1/petstore.yaml",
        "other (validation library test input)",
        "Apache-2.0 (PKG-INFO License-Expression, LICENSE and NOTICE); info.license names MIT for the fictional API",
        "OpenAPI 3.1: license.identifier, components/pathItems named by a path's $ref; a property named $ref"),
    "readme-schema-validation-local.json": (
        README_PKG + "3.1/json/schema-validation-local.json",
        "tool test input (ReadMe feature examples)", "MIT (package LICENSE.md)",
        "OpenAPI 3.1: $schema inside schemas (draft-04 to 2020-12), numeric and boolean exclusive bounds side by side"),
}


def load(path):
    with open(path, "rb") as f:
        raw = f.read()
    text = raw.decode("utf-8")
    if path.endswith(".json"):
        doc = json.loads(text)
    else:
        loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
        doc = yaml.load(text, Loader=loader)
    return raw, doc


def operations(doc):
    paths = doc.get("paths") or {}
    return sum(
        1
        for item in paths.values()
        if isinstance(item, dict)
        for key in item
        if key in METHODS
    )


def cell(value):
    return str(value).replace("|", "\\|").replace("\n", " ")


def main():
    check = "--check" in sys.argv[1:]
    files = sorted(f for f in os.listdir(DOCS) if not f.startswith("."))
    print("| file | openapi | title | API version | origin | kind | licence | operations | bytes | SHA-256 | notes |")
    print("| --- | --- | --- | --- | --- | --- | --- | ---: | ---: | --- | --- |")
    problems = []
    total = 0
    for name in files:
        raw, doc = load(os.path.join(DOCS, name))
        info = doc.get("info") or {}
        origin, kind, licence, notes = ORIGINS.get(name, ("?", "?", "?", ""))
        if name not in ORIGINS:
            problems.append(f"{name}: no entry in ORIGINS")
        version = str(doc.get("openapi"))
        if not version.startswith(("3.0.", "3.1.")):
            problems.append(f"{name}: openapi is {version}, not 3.0.x or 3.1.x")
        total += len(raw)
        print("| " + " | ".join(cell(v) for v in (
            f"`{name}`", version, info.get("title", ""), info.get("version", ""),
            origin, kind, licence, operations(doc), len(raw),
            f"`{hashlib.sha256(raw).hexdigest()}`", notes)) + " |")
    for name in sorted(set(ORIGINS) - set(files)):
        problems.append(f"{name}: in ORIGINS but not in documents/")
    print(f"\n{len(files)} documents, {total} bytes in all.")
    if check and problems:
        sys.exit("\n".join(problems))


if __name__ == "__main__":
    main()
