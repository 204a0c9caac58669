#!/usr/bin/env python3
"""Validates every rules/*.json file against the schema it names, with a real JSON Schema
validator (python3-jsonschema), and checks the files are sorted and free of duplicates."""
import json
import pathlib
import sys
import unicodedata

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
    "jurisdictions.json": ("jurisdictions.schema.json", [("jurisdictions", "id"), ("authorities", "id")]),
    "contacts.json": ("contacts.schema.json", [("contacts", "domain")]),
    "accounts.json": ("accounts.schema.json", [("sites", "id")]),
    "reading.json": ("reading.schema.json", [("login_walls", "domain")]),
    "accounts-wmn.json": ("accounts.schema.json", [("sites", "id")]),
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


def check_jurisdictions():
    """Cross-file checks of jurisdictions.json that JSON Schema cannot express (see its schema)."""
    rules = root / "rules"
    data = json.loads((rules / "jurisdictions.json").read_text(encoding="utf-8"))
    remedies = json.loads((rules / "remedies.json").read_text(encoding="utf-8"))
    errors = []
    known = {a["id"] for a in remedies["authorities"]}
    own = {a["id"] for a in data["authorities"]}
    for dup in sorted(known & own):
        errors.append(f"/authorities: {dup} is already in remedies.json")
    authorities = known | own
    ids = {j["id"] for j in data["jurisdictions"]}
    for j in data["jurisdictions"]:
        where = f"/jurisdictions/{j['id']}"
        if j["authority"] is not None and j["authority"] not in authorities:
            errors.append(f"{where}: unknown authority {j['authority']}")
        for region, authority in (j["regional_authorities"] or {}).items():
            if authority not in authorities:
                errors.append(f"{where}: unknown authority {authority} for {region}")
        if j["parent"] is not None and j["parent"] not in ids:
            errors.append(f"{where}: unknown parent {j['parent']}")
        remedy_ids = [r["id"] for r in j["registry_remedies"]]
        if len(remedy_ids) != len(set(remedy_ids)):
            errors.append(f"{where}: duplicate registry remedy id")
    for key, target in list(data["derive"]["phone_prefixes"].items()) + list(data["derive"]["country_names"].items()):
        if target is not None and target not in ids:
            errors.append(f"/derive: {key} points to unknown jurisdiction {target}")
    folded = {}
    for name in data["derive"]["country_names"]:
        key = "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(c))
        if key in folded:
            errors.append(f"/derive/country_names: {name} and {folded[key]} are the same once folded")
        folded[key] = name
    for error in errors:
        print(f"rules/jurisdictions.json: {error}")
    return not errors


if "jurisdictions.json" not in failed_files and not check_jurisdictions():
    failed_files.add("jurisdictions.json")
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
