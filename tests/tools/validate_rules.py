#!/usr/bin/env python3
"""Validates every rules/*.json file against the schema it names, with a real JSON Schema
validator (python3-jsonschema), and checks the files are sorted and free of duplicates."""
import json
import pathlib
import sys

import jsonschema

root = pathlib.Path(sys.argv[1])
# file: (schema, [(list key, sort field)]); places.json sorts by country then folded name,
# which its own generator checks, so only its schema is validated here.
checks = {
    "networks.json": ("networks.schema.json", [("networks", "id")]),
    "sites.json": ("sites.schema.json", [("sites", "domain")]),
    "platforms.json": ("platforms.schema.json", [("platforms", "id")]),
    "cues.json": ("cues.schema.json", [("cues", "id")]),
    "lexicons.json": ("lexicons.schema.json", [("terms", "id"), ("patterns", "id")]),
    "places.json": ("places.schema.json", []),
    "occupations.json": ("occupations.schema.json", [("occupations", "id")]),
    "remedies.json": ("remedies.schema.json", [("actions", "id"), ("platforms", "id"), ("sites", "domain")]),
    "contacts.json": ("contacts.schema.json", [("contacts", "domain")]),
}
# Every backend definition against the backend schema.
for path in sorted((root / "rules" / "backends").glob("*.json")):
    checks["backends/" + path.name] = ("backend.schema.json", [])
failed_files = set()
for name, (schema_name, lists) in checks.items():
    data = json.loads((root / "rules" / name).read_text(encoding="utf-8"))
    schema = json.loads((root / "rules" / "schemas" / schema_name).read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    for error in validator.iter_errors(data):
        failed_files.add(name)
        print(f"rules/{name}: /{'/'.join(map(str, error.path))}: {error.message}")
    for key, field in lists:
        values = [entry[field] for entry in data[key]]
        if values != sorted(values):
            failed_files.add(name)
            print(f"rules/{name}: /{key}: entries are not sorted by {field}")
        if len(values) != len(set(values)):
            failed_files.add(name)
            print(f"rules/{name}: /{key}: duplicate {field}")


def load(name):
    return json.loads((root / "rules" / name).read_text(encoding="utf-8"))


# contacts.json: every domain is a site, a remedies site or a host of a remedies platform, and every
# involuntary site has an entry. Prints the share of involuntary sites with at least one route.
INVOLUNTARY = ["people_search", "broker", "directory", "registry", "aggregator", "archive", "mirror", "leak"]
sites = {site["domain"]: site["category"] for site in load("sites.json")["sites"]}
remedies = load("remedies.json")
hosts = {platform["id"]: platform["hosts"] for platform in load("platforms.json")["platforms"]}
known = set(sites) | {site["domain"] for site in remedies["sites"]}
for platform in remedies["platforms"]:
    known |= set(hosts.get(platform["id"], []))
contacts = {entry["domain"]: entry for entry in load("contacts.json")["contacts"]}
for domain in sorted(set(contacts) - known):
    failed_files.add("contacts.json")
    print(f"rules/contacts.json: {domain} is in neither sites.json, remedies.json sites nor a remedies.json platform's hosts")
for domain, category in sorted(sites.items()):
    if category in INVOLUNTARY and domain not in contacts:
        failed_files.add("contacts.json")
        print(f"rules/contacts.json: involuntary site {domain} ({category}) has no entry")
with_route = total = 0
for category in INVOLUNTARY:
    domains = [domain for domain, cat in sites.items() if cat == category]
    routed = [domain for domain in domains if contacts.get(domain, {}).get("routes")]
    with_route += len(routed)
    total += len(domains)
    print(f"contacts coverage {category}: {len(routed)}/{len(domains)}")
if total:
    print(f"contacts coverage, involuntary sites with at least one route: {with_route}/{total} ({100 * with_route / total:.1f}%)")
print(f"{len(checks) - len(failed_files)} passed, {len(failed_files)} failed")
sys.exit(1 if failed_files else 0)
