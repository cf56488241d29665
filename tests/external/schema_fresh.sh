#!/usr/bin/env bash
# What tools/platform/write_schema.py generates from the rule registry and the linkedin_2025 preset
# (scenarios/schema.json's platform part and the rules table of docs/platform.md): running it on
# copies of those files must leave them byte for byte unchanged. Fails when a rule was added or its
# parameters, summary or defaults changed and the files were not regenerated.
# Usage: bash tests/external/schema_fresh.sh PATH-TO-LINKSIM (from the repo root). Exit 77 = skipped.
set -euo pipefail
if ! command -v python3 >/dev/null; then
  echo "skipped: python3 not found"
  exit 77
fi
linksim=$(realpath "${1:-build/linksim}")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/scenarios/presets/platform" "$tmp/tools/platform" "$tmp/docs"
cp scenarios/schema.json "$tmp/scenarios/"
cp scenarios/presets/platform/*.json "$tmp/scenarios/presets/platform/"
cp tools/platform/write_schema.py "$tmp/tools/platform/"
cp docs/platform.md "$tmp/docs/"
(cd "$tmp" && python3 tools/platform/write_schema.py "$linksim" >/dev/null)
stale=0
for f in scenarios/schema.json docs/platform.md; do
  if ! cmp -s "$f" "$tmp/$f"; then
    diff "$f" "$tmp/$f" >&2 || true
    echo "$f is stale: run python3 tools/platform/write_schema.py $linksim" >&2
    stale=1
  fi
done
[ "$stale" = 0 ] || exit 1
echo "scenarios/schema.json and docs/platform.md's rules table are what tools/platform/write_schema.py writes"
