#!/usr/bin/env python3
"""Validates report files against reports/report.schema.json with a real JSON Schema
validator (python3-jsonschema). Usage: validate_report.py SCHEMA REPORT... ; prints one line per
violation (file: /json/path: message) and 'N passed, N failed'."""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1], encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
failed = 0
for path in sys.argv[2:]:
    errors = list(validator.iter_errors(json.load(open(path, encoding="utf-8"))))
    for error in errors:
        print(f"{path}: /{'/'.join(map(str, error.path))}: {error.message}")
    failed += 1 if errors else 0
print(f"{len(sys.argv) - 2 - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
