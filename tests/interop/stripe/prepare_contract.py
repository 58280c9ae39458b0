"""Builds stripe-openapi-2023-08-16.json, the contract Prism serves in the Stripe adapter's tests,
from the 2023-08-16 OpenAPI slice in shared/providers/stripe/openapi-2023-08-16 (MIT, Stripe, Inc.):
  python3 prepare_contract.py ../../../../shared/providers/stripe/openapi-2023-08-16 stripe-openapi-2023-08-16.json
It keeps the operations the adapter calls, joins the split files into one document, and breaks
the schemas' reference cycles (Prism takes many minutes to start on a cyclic document): an
expandable field keeps only its id form (what Stripe answers unless asked to expand), any other
back-reference becomes a plain object, and a decimal string gets the example "0" (Prism
answers a schema's example, else the text "string", which no client can read as a number).
Prism 5.16 takes an absent deepObject field (`automatic_tax`, `trial_settings[end_behavior]`) as
an empty object and then rejects every request for lacking what that object requires, so the
`required` lists *inside* the objects of query parameters and form bodies are dropped (the
top-level required parameters and fields stay, and every name, type and enum is still checked).
Request parameters and bodies are left as they are, so requests are validated against the
contract unchanged."""
import json
import sys

import yaml

OPERATIONS = {
    "/v1/customers": ["post"],
    "/v1/customers/{customer}": ["get", "post"],
    "/v1/customers/{customer}/payment_methods": ["get"],
    "/v1/payment_methods/{payment_method}": ["get"],
    "/v1/payment_methods/{payment_method}/attach": ["post"],
    "/v1/payment_methods/{payment_method}/detach": ["post"],
    "/v1/prices": ["get"],
    "/v1/prices/{price}": ["get"],
    "/v1/tax_rates/{tax_rate}": ["get"],
    "/v1/subscriptions": ["get", "post"],
    "/v1/subscriptions/{subscription_exposed_id}": ["get", "post", "delete"],
    "/v1/invoices": ["get"],
    "/v1/invoices/{invoice}": ["get"],
}
FILES = ["paths.customers_payment_methods_setup_intents.yaml", "paths.subscriptions_invoices.yaml", "paths.prices_products_tax_rates.yaml"]
PREFIX = "#/components/schemas/"


def drop_nested_required(schema, top):
    if isinstance(schema, dict):
        if not top:
            schema.pop("required", None)
        for key, value in schema.items():
            if key in ("properties",):
                for child in value.values():
                    drop_nested_required(child, top=False)
            elif key in ("anyOf", "oneOf", "allOf"):
                for child in value:
                    drop_nested_required(child, top=False)
            elif key == "items":
                drop_nested_required(value, top=False)


def main(source, target):
    components = yaml.safe_load(open(f"{source}/components.yaml"))["components"]
    doc, paths = None, {}
    for name in FILES:
        part = yaml.safe_load(open(f"{source}/{name}"))
        doc = doc or part
        paths.update(part["paths"])
    text = json.dumps({"paths": {p: {m: v for m, v in paths[p].items() if m in ms or m == "parameters"} for p, ms in OPERATIONS.items()}})
    doc["paths"] = json.loads(text.replace('"components.yaml#/components/', '"#/components/'))["paths"]
    for operation in (o for item in doc["paths"].values() for o in item.values() if isinstance(o, dict)):
        for parameter in operation.get("parameters", []):
            drop_nested_required(parameter.get("schema", {}), top=False)
        for content in operation.get("requestBody", {}).get("content", {}).values():
            drop_nested_required(content.get("schema", {}), top=True)
    schemas = json.loads(json.dumps(components["schemas"]).replace('"components.yaml#/components/', '"#/components/'))
    kept = {}

    def visit(node, stack):
        if isinstance(node, dict):
            if node.get("type") == "string" and node.get("format") == "decimal":
                node["example"] = "0"
            if "anyOf" in node and any("$ref" in a for a in node["anyOf"]) and any(a.get("type") == "string" for a in node["anyOf"]) and "x-expansionResources" in node:
                node.pop("x-expansionResources")
                node["anyOf"] = [a for a in node["anyOf"] if "$ref" not in a]
            for key, value in list(node.items()):
                if key == "$ref" and value.startswith(PREFIX):
                    name = value[len(PREFIX):]
                    if name in stack:
                        node.pop("$ref")
                        node["type"] = "object"
                    elif name not in kept:
                        kept[name] = schemas[name]
                        visit(schemas[name], stack | {name})
                else:
                    visit(value, stack)
        elif isinstance(node, list):
            for item in node:
                visit(item, stack)

    visit(doc["paths"], frozenset())
    components["schemas"] = kept
    doc["components"] = {k: v for k, v in components.items() if k in ("schemas", "securitySchemes")}
    json.dump(doc, open(target, "w"), separators=(",", ":"))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
