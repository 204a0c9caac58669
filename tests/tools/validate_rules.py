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
    "accounts.json": ("accounts.schema.json", [("sites", "id")]),
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
print(f"{len(checks) - len(failed_files)} passed, {len(failed_files)} failed")
sys.exit(1 if failed_files else 0)
