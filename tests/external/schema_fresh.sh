#!/usr/bin/env bash
# scenarios/schema.json's platform part is generated: running tools/platform/write_schema.py
# (on a copy of the files it reads) must leave it byte for byte unchanged. Fails when a rule's
# parameters or a preset's defaults changed and the schema was not regenerated.
# Usage: bash tests/external/schema_fresh.sh [PATH-TO-LINKSIM, unused] (from the repo root). Exit 77 = skipped.
set -euo pipefail
if ! command -v python3 >/dev/null; then
  echo "skipped: python3 not found"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/scenarios/presets/platform" "$tmp/tools/platform"
cp scenarios/schema.json "$tmp/scenarios/"
cp scenarios/presets/platform/*.json "$tmp/scenarios/presets/platform/"
cp tools/platform/write_schema.py "$tmp/tools/platform/"
(cd "$tmp" && python3 tools/platform/write_schema.py >/dev/null)
if ! cmp -s scenarios/schema.json "$tmp/scenarios/schema.json"; then
  diff scenarios/schema.json "$tmp/scenarios/schema.json" >&2 || true
  echo "scenarios/schema.json is stale: run python3 tools/platform/write_schema.py" >&2
  exit 1
fi
echo "scenarios/schema.json is what tools/platform/write_schema.py writes"
