#!/usr/bin/env bash
# Fails when reports/examples/ differs from what scripts/make-examples produces now.
set -euo pipefail
bin=$1 src=$2
# Next to reports/examples, so that the links to the saved pages (relative to the report's
# folder) are the same.
fresh=$(mktemp -d "$src/reports/.fresh.XXXXXX")
trap 'rm -rf "$fresh"' EXIT
"$src/scripts/make-examples" "$bin" "$fresh"
if diff -r -q "$src/reports/examples" "$fresh"; then
  echo "1 passed, 0 failed"
else
  diff -r "$src/reports/examples" "$fresh" | head -40
  echo "reports/examples is out of date: run scripts/make-examples and commit the result"
  echo "0 passed, 1 failed"
  exit 1
fi
